"""Where a report says its happening was, and whether two reports' places allow one happening.

    same town 1.0, same district 1.0, same province 0.6, same country or region 0.3; towns within
    ``MERGE_KM`` 0.8; one place inside the other (a town in its province or country, a town within
    ``BORDER_ZONE_KM`` of a border zone) 0.5; a listed region of several countries 0 (it neither places
    a report nor rules one out); anything else rules the pair out.

A report stands for its main place (:func:`main_place`), and a large city (``LARGE_CITY``) shared by
two reports is no anchor on its own (:func:`crowded`). Used by compare.py, by build.py for the event's
place, and by the evaluations to place an event as the product does.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventscope.models import LEVEL_ORDER, Mention, PlaceLevel, PlaceRef, PlaceRole
from eventscope.resolve.geo.borders import haversine_km

SAME_PLACE_POINTS = {PlaceLevel.TOWN: 1.0, PlaceLevel.DISTRICT: 1.0, PlaceLevel.ADMIN1: 0.6}
MERGE_KM = 25.0
BORDER_ZONE_KM = 30.0
LARGE_CITY = 500_000  # inhabitants: a city where the same day and place say little on their own
MOVEMENTS = frozenset({"MOBILIZE", "RETREAT"})


def place_roles(mention: Mention) -> tuple[PlaceRole, ...]:
    """The roles a place of the mention may stand for the event by, in order: a movement's destination
    first; for anything else its site or the place it was near, a destination ("taken to hospitals in
    Tyre") only when there is neither."""
    if mention.type.plover in MOVEMENTS:
        return (PlaceRole.DESTINATION, PlaceRole.SITE, PlaceRole.NEAR)
    return (PlaceRole.SITE, PlaceRole.NEAR, PlaceRole.DESTINATION)


def main_place(mention: Mention) -> PlaceRef | None:
    """Where the event happened: a movement's destination, else its site, else the place it was near.
    A later role's place stands in when it is finer and lies there ("in Lebanon, near Tyre"), not
    when it is elsewhere ("struck Bint Jbeil in response to rocket fire towards Metula")."""
    roles = place_roles(mention)
    candidates = [ref for role in roles if (ref := mention.place(role)) is not None]
    resolved = [c for c in candidates if c.place is not None]
    if not resolved:
        return candidates[0] if candidates else None
    chosen = resolved[0]
    for ref in resolved[1:]:
        if fineness(ref) < fineness(chosen) and place_points(ref, chosen)[0] is not None:
            chosen = ref
    return chosen


def overruled(refs: Sequence[PlaceRef]) -> set[int]:
    """The positions of the places no event word governs (``PlaceRef.tied`` False: given to the nearest
    act in their sentence) that a place the text ties to an act rules out: "U.S. officials in the United
    States affirmed that the army murdered the Jesuits" beside "the Jesuits murdered in San Salvador".
    An untied place inside a tied one ("police in Nakuru said" beside "in Kenya") still refines it."""
    tied = {(r.place.gazetteer_id, r.level): r for r in refs if r.tied and r.place is not None}
    verdict: dict[tuple[str, str], bool] = {}
    found = set()
    for i, ref in enumerate(refs):
        if ref.tied or ref.place is None:
            continue
        key = (ref.place.gazetteer_id, ref.level)
        if key not in verdict:
            verdict[key] = any(place_points(ref, r)[0] is None for r in tied.values())
        if verdict[key]:
            found.add(i)
    return found


def fineness(ref: PlaceRef) -> tuple[bool, int]:
    """Finest first; a region of several countries ("Central America") after any country."""
    return _several_countries(ref), LEVEL_ORDER[ref.level]


def place_points(a: PlaceRef | None, b: PlaceRef | None) -> tuple[float | None, str]:
    """Points for place agreement; None when the places exclude each other."""
    if a is None or b is None or a.place is None or b.place is None:
        return 0.0, "place unknown in one report"
    pa, pb = a.place, b.place
    if pa.gazetteer_id == pb.gazetteer_id:
        # sharing a country says little; sharing a town says a lot
        return SAME_PLACE_POINTS.get(a.level, 0.3), f"same place {pa.name}"
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
    broad = next((p.place for p in (a, b) if p.place is not None and _several_countries(p)), None)
    if broad is not None:
        # "Central America", "the Middle East": the gazetteer keeps one point for them and not which
        # countries they hold, so they can neither place a report nor rule another out
        return 0.0, f"{broad.name} spans several countries"
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


def _several_countries(ref: PlaceRef) -> bool:
    """A listed region or continent of no one country (not a border zone, which says which two)."""
    place = ref.place
    return (
        place is not None
        and ref.level is PlaceLevel.REGION
        and place.country_code is None
        and place.feature_code != "BRDR"
    )


def crowded(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Are both places towns, one of them a city large enough (``LARGE_CITY``) to see several happenings
    of one kind a day? Then sharing it, or lying near it, does not alone make two reports one happening:
    "an attack in San Salvador on 11 November" during an offensive was one of dozens."""
    fine = (PlaceLevel.TOWN, PlaceLevel.DISTRICT)
    if a is None or b is None or a.place is None or b.place is None:
        return False
    if a.level not in fine or b.level not in fine:
        return False
    return max(a.place.population, b.place.population) >= LARGE_CITY
