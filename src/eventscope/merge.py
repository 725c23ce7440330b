"""Mentions from many articles -> events: one per real-world happening.

Two mentions from different articles join when their PLOVER types are the same, their date ranges
overlap, their places agree (both resolved and within ``MERGE_KM``, or the coarser one contains the
finer one), and their actors do not contradict each other. Mentions of one article never join each
other. Clustering is order-independent: mentions are visited sorted by (start date, id), and an event's
id derives from the smallest mention id in it, so re-running on the same mentions gives the same ids.
"""

from __future__ import annotations

import hashlib
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from eventscope.models import (
    ACLED_GEO_PRECISION,
    ACLED_TIME_PRECISION,
    LEVEL_ORDER,
    ActorRef,
    Article,
    ClaimStatus,
    Event,
    Mention,
    Modality,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
)

MERGE_KM = 25.0
TIME_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def article_ids(self) -> set[str]:
        return {m.article_id for m in self.mentions}


def merge_mentions(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> list[Event]:
    """Cluster mentions into events (see module docstring)."""
    clusters: list[_Cluster] = []
    ordered = sorted(mentions, key=lambda m: (m.time.start if m.time else date.min, m.id))
    for mention in ordered:
        home = next((c for c in clusters if _joins(mention, c)), None)
        if home is None:
            clusters.append(_Cluster([mention]))
        else:
            home.mentions.append(mention)
    events = [_event(c, articles) for c in clusters]
    return sorted(events, key=lambda e: (e.start, e.id))


def _joins(mention: Mention, cluster: _Cluster) -> bool:
    if mention.article_id in cluster.article_ids:
        return False
    return all(_same_happening(mention, other) for other in cluster.mentions)


def _same_happening(a: Mention, b: Mention) -> bool:
    if a.type.plover != b.type.plover or a.time is None or b.time is None:
        return False
    if a.time.historical != b.time.historical:
        return False
    if a.time.start > b.time.end or b.time.start > a.time.end:
        return False
    pa, pb = main_place(a), main_place(b)
    if pa is None or pb is None or pa.place is None or pb.place is None:
        return False
    if not _places_agree(pa, pb):
        return False
    return _actors_agree(a.actor, b.actor) and _actors_agree(a.recipient, b.recipient)


def _places_agree(a: PlaceRef, b: PlaceRef) -> bool:
    assert a.place is not None and b.place is not None
    if a.place.gazetteer_id == b.place.gazetteer_id:
        return True
    fine, coarse = sorted((a, b), key=lambda p: LEVEL_ORDER[p.level])
    assert fine.place is not None and coarse.place is not None
    if coarse.level is PlaceLevel.ADMIN1 and fine.place.admin1 and fine.place.admin1 == coarse.place.name:
        return fine.place.country_code == coarse.place.country_code
    return haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= MERGE_KM


def _actors_agree(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None or a.canonical_id is None or b.canonical_id is None:
        return True
    return a.canonical_id == b.canonical_id


def main_place(mention: Mention) -> PlaceRef | None:
    """Where the event happened: a movement's destination, else its site, else the place it was near."""
    roles = (PlaceRole.DESTINATION, PlaceRole.SITE, PlaceRole.NEAR)
    if mention.type.plover not in ("MOBILIZE", "RETREAT"):
        roles = (PlaceRole.SITE, PlaceRole.NEAR, PlaceRole.DESTINATION)
    candidates = [ref for role in roles if (ref := mention.place(role)) is not None]
    resolved = [c for c in candidates if c.place is not None]
    if not resolved:
        return candidates[0] if candidates else None
    # the finest resolved place wins; among equals, the role order above
    return min(resolved, key=lambda r: LEVEL_ORDER[r.level])


def _event(cluster: _Cluster, articles: Mapping[str, Article]) -> Event:
    mentions = sorted(cluster.mentions, key=lambda m: m.id)
    lead = max(mentions, key=lambda m: (m.confidence, -mentions.index(m)))
    times = [m.time for m in mentions if m.time is not None]
    time = (
        min(times, key=lambda t: (not t.resolved, TIME_ORDER[t.precision.value], t.start)) if times else None
    )
    place_ref = _best_place(mentions)
    level = place_ref.level if place_ref is not None else PlaceLevel.UNRESOLVED
    geo_precision = ACLED_GEO_PRECISION[level]
    if place_ref is not None and place_ref.role is PlaceRole.NEAR and geo_precision == 1:
        geo_precision = 2
    outlets = {
        (articles[m.article_id].outlet or articles[m.article_id].id)
        for m in mentions
        if m.article_id in articles
    }
    independent = _independent_sources(mentions, articles)
    fat_low, fat_best, fat_high = _fatalities(mentions)
    disputed = any(m.modality in (Modality.DENIED,) for m in mentions)
    status = (
        ClaimStatus.DISPUTED
        if disputed
        else ClaimStatus.CORROBORATED
        if independent >= 2
        else ClaimStatus.SINGLE_SOURCE
    )
    asserted = any(m.modality is Modality.ASSERTED for m in mentions)
    assert time is not None
    return Event(
        id=event_id(mentions),
        type=lead.type,
        start=time.start,
        end=time.end,
        time_precision=ACLED_TIME_PRECISION[time.precision],
        historical=time.historical,
        place=place_ref.place if place_ref is not None else None,
        place_level=level,
        geo_precision=geo_precision,
        location_text=place_ref.evidence.text if place_ref is not None else None,
        origin=_role_place(mentions, PlaceRole.ORIGIN),
        destination=_role_place(mentions, PlaceRole.DESTINATION),
        actor=next((m.actor for m in mentions if m.actor and m.actor.canonical_id), lead.actor),
        recipient=next(
            (m.recipient for m in mentions if m.recipient and m.recipient.canonical_id), lead.recipient
        ),
        mention_ids=tuple(m.id for m in mentions),
        n_reports=len({m.article_id for m in mentions}),
        n_outlets=len(outlets),
        n_independent=independent,
        claim_status=status,
        fatalities_low=fat_low,
        fatalities_best=fat_best,
        fatalities_high=fat_high,
        modality=Modality.ASSERTED if asserted else lead.modality,
        summary=_summary(lead, place_ref),
    )


def event_id(mentions: Sequence[Mention]) -> str:
    founder = min(m.id for m in mentions)
    return "ev-" + hashlib.sha256(founder.encode()).hexdigest()[:12]


def _best_place(mentions: Sequence[Mention]) -> PlaceRef | None:
    refs = [r for m in mentions if (r := main_place(m)) is not None]
    resolved = [r for r in refs if r.place is not None]
    if resolved:
        return min(resolved, key=lambda r: LEVEL_ORDER[r.level])
    return refs[0] if refs else None


def _role_place(mentions: Sequence[Mention], role: PlaceRole) -> Place | None:
    if role is not PlaceRole.ORIGIN and not any(m.type.plover in ("MOBILIZE", "RETREAT") for m in mentions):
        return None
    for m in mentions:
        ref = m.place(role)
        if ref is not None and ref.place is not None:
            return ref.place
    return None


def _independent_sources(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> int:
    """Distinct outlets, counting copies of one text (syndication) once."""
    seen_texts: set[str] = set()
    outlets: set[str] = set()
    for m in mentions:
        article = articles.get(m.article_id)
        if article is None:
            continue
        fingerprint = hashlib.sha256(" ".join(article.text.lower().split()).encode()).hexdigest()
        if fingerprint in seen_texts:
            continue
        seen_texts.add(fingerprint)
        outlets.add((article.outlet or article.id).lower())
    return len(outlets)


def _fatalities(mentions: Sequence[Mention]) -> tuple[int | None, int | None, int | None]:
    per_report: list[tuple[int, int]] = []
    for m in mentions:
        killed = [g for g in m.magnitudes if g.kind == "killed" and g.low is not None]
        if killed:
            g = max(killed, key=lambda g: g.low or 0)
            low = g.low or 0
            per_report.append((low, g.high if g.high is not None else low))
    if not per_report:
        return None, None, None
    lows = [lo for lo, _ in per_report]
    highs = [hi for _, hi in per_report]
    return min(lows), int(statistics.median(lows)), max(highs)


def _summary(lead: Mention, place: PlaceRef | None) -> str:
    who = lead.actor.name or lead.actor.text if lead.actor else "unknown actor"
    whom = f" against {lead.recipient.name or lead.recipient.text}" if lead.recipient else ""
    where = f" at {place.place.name if place and place.place else place.evidence.text}" if place else ""
    return f"{lead.type.plover.title()}: {who}{whom}{where}"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
