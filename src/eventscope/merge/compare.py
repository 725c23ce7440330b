"""Do two mentions report the same happening? A score with its reasons, or a reason to keep them apart.

Hard requirements: the same type family (violence, movement, ...), overlapping date ranges, the same
historical flag, and no two resolved places that exclude each other. Then points add up:

    same PLOVER type 1.0 (same family only 0.5)   same day 1.0 (overlapping ranges 0.5)
    same place 1.0; towns within 25 km 0.8; one place inside the other (town in its province or
    country, a town within 30 km of a border zone) 0.5
    same canonical actor 0.5; same canonical recipient 0.5; different specific actors -0.5 (a conflict)

A pair joins at ``JOIN_SCORE`` or more, and needs a place anchor (place points > 0) unless both
actor and recipient agree on the same day. Different actors join only with a town-level place match on
the same day; the event is then marked disputed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from eventscope.models import LEVEL_ORDER, ActorRef, Mention, PlaceLevel, PlaceRef, PlaceRole, TimePrecision

JOIN_SCORE = 2.0
MERGE_KM = 25.0
BORDER_ZONE_KM = 30.0

FAMILY = {
    "ASSAULT": "violence",
    "FIGHT": "violence",
    "MOBILIZE": "movement",
    "RETREAT": "movement",
    "PROTEST": "protest",
    "COERCE": "coercion",
    "CONSULT": "cooperation",
    "AGREE": "cooperation",
    "COOPERATE": "cooperation",
    "SUPPORT": "cooperation",
    "AID": "cooperation",
    "CONCEDE": "cooperation",
    "THREATEN": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "DEMAND": "verbal_conflict",
    "REQUEST": "verbal_conflict",
    "SANCTION": "sanction",
}
# Generic agents ("gunmen", "police") do not identify anyone: they neither confirm nor contradict.
GENERIC_ACTOR_PREFIXES = ("generic-", "unidentified")


@dataclass(frozen=True, slots=True)
class Agreement:
    joins: bool
    score: float
    reasons: tuple[str, ...]
    actor_conflict: bool = False
    excluded: bool = False  # a hard rule keeps them apart (not merely too little evidence)
    place_points: float = 0.0
    actors_agree: bool = False


def family(plover: str) -> str:
    return FAMILY.get(plover, plover.lower())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def main_place(mention: Mention) -> PlaceRef | None:
    """Where the event happened: a movement's destination, else its site, else the place it was near."""
    roles = (PlaceRole.SITE, PlaceRole.NEAR, PlaceRole.DESTINATION)
    if mention.type.plover in ("MOBILIZE", "RETREAT"):
        roles = (PlaceRole.DESTINATION, PlaceRole.SITE, PlaceRole.NEAR)
    candidates = [ref for role in roles if (ref := mention.place(role)) is not None]
    resolved = [c for c in candidates if c.place is not None]
    if not resolved:
        return candidates[0] if candidates else None
    return min(resolved, key=lambda r: LEVEL_ORDER[r.level])


def _specific(actor: ActorRef | None) -> str | None:
    if actor is None or actor.canonical_id is None:
        return None
    if actor.canonical_id.startswith(GENERIC_ACTOR_PREFIXES):
        return None
    return actor.canonical_id


def place_points(a: PlaceRef | None, b: PlaceRef | None) -> tuple[float | None, str]:
    """Points for place agreement; None when the places exclude each other."""
    if a is None or b is None or a.place is None or b.place is None:
        return 0.0, "place unknown in one report"
    pa, pb = a.place, b.place
    if pa.gazetteer_id == pb.gazetteer_id:
        return 1.0, f"same place {pa.name}"
    km = haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)
    fine_levels = (PlaceLevel.TOWN, PlaceLevel.DISTRICT)
    if a.level in fine_levels and b.level in fine_levels and pa.country_code != pb.country_code:
        return None, f"{pa.name} and {pb.name} are in different countries"
    if a.level in fine_levels and b.level in fine_levels:
        if km <= MERGE_KM:
            return 0.8, f"{pa.name} and {pb.name} {km:.0f} km apart"
        return None, f"{pa.name} and {pb.name} {km:.0f} km apart"
    fine, coarse = (a, b) if LEVEL_ORDER[a.level] <= LEVEL_ORDER[b.level] else (b, a)
    assert fine.place is not None and coarse.place is not None
    if coarse.level is PlaceLevel.REGION and coarse.place.feature_code == "BRDR":
        near = fine.border_km is not None and fine.border_km <= BORDER_ZONE_KM
        if near or km <= BORDER_ZONE_KM:
            return 0.5, f"{fine.place.name} lies in the {coarse.place.name} zone"
        return None, f"{fine.place.name} is far from the {coarse.place.name}"
    same_country = fine.place.country_code == coarse.place.country_code
    if coarse.level is PlaceLevel.COUNTRY:
        return (
            (0.5, f"{fine.place.name} is in {coarse.place.name}") if same_country else (None, "other country")
        )
    if coarse.level is PlaceLevel.ADMIN1:
        known = fine.place.admin1 is not None
        inside = same_country and (fine.place.admin1 or "").casefold() == coarse.place.name.casefold()
        if inside or (same_country and not known and km <= 100):
            return 0.5, f"{fine.place.name} is in {coarse.place.name}"
        return None, f"{fine.place.name} is not in {coarse.place.name}"
    if same_country and km <= 150:
        return 0.5, f"{fine.place.name} is within the {coarse.place.name} area"
    return None, f"{pa.name} and {pb.name} {km:.0f} km apart"


def compare(a: Mention, b: Mention) -> Agreement:
    """How well two mentions agree on type, time, place and actors (see the module docstring)."""
    if family(a.type.plover) != family(b.type.plover):
        return Agreement(False, 0.0, ("different type families",), excluded=True)
    if a.time is None or b.time is None or a.time.historical != b.time.historical:
        return Agreement(False, 0.0, ("one is historical background, the other news",), excluded=True)
    if a.time.start > b.time.end or b.time.start > a.time.end:
        return Agreement(False, 0.0, ("dates do not overlap",), excluded=True)
    reasons: list[str] = []
    score = 1.0 if a.type.plover == b.type.plover else 0.5
    reasons.append(f"same type {a.type.plover}" if score == 1.0 else f"same family {family(a.type.plover)}")
    same_day = (
        a.time.precision is TimePrecision.DAY and a.time.start == b.time.start == b.time.end == a.time.end
    )
    score += 1.0 if same_day else 0.5
    reasons.append(f"same day {a.time.start}" if same_day else "date ranges overlap")
    points, why = place_points(main_place(a), main_place(b))
    if points is None:
        return Agreement(False, score, (*reasons, why), excluded=True)
    score += points
    reasons.append(why)
    actor_a, actor_b = _specific(a.actor), _specific(b.actor)
    recipient_a, recipient_b = _specific(a.recipient), _specific(b.recipient)
    actors_agree = actor_a is not None and actor_a == actor_b
    recipients_agree = recipient_a is not None and recipient_a == recipient_b
    conflict = actor_a is not None and actor_b is not None and actor_a != actor_b
    if actors_agree:
        score += 0.5
        reasons.append(f"same actor {a.actor.name if a.actor else actor_a}")
    if recipients_agree:
        score += 0.5
        reasons.append(f"same target {a.recipient.name if a.recipient else recipient_a}")
    if conflict:
        score -= 0.5
        reasons.append(f"actors differ: {actor_a} / {actor_b}")
        if not (same_day and points >= 0.8):
            return Agreement(False, score, tuple(reasons), actor_conflict=True, excluded=True)
    anchored = points > 0 or (actors_agree and recipients_agree and same_day)
    joins = anchored and score >= JOIN_SCORE
    return Agreement(joins, round(score, 2), tuple(reasons), conflict, False, points, actors_agree)
