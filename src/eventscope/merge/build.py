"""A cluster of mentions -> one Event: place, time, corroboration, claim status, tolls, reports.

Independent sources: reports whose article texts are near copies (word 5-gram Jaccard >= 0.6:
syndicated wire copy, republished articles) count once, as one source; an article whose reports of the
event all relay one other named outlet ("Al Mayadeen cited ...", "state news agency NNA reported")
counts as that outlet.

Claim status: disputed when a report denies the event, when the text right after a report calls it
staged, fake or false, or when reports name different specific perpetrators (not when it only doubts a
report's figure: "Officials disputed the figure" leaves the tolls side by side); corroborated with two
or more independent sources; otherwise single_source.

Tolls: each report's largest "killed" figure; the event keeps the lowest lower bound (low), the
highest upper bound (high) and the median of the reports' lower bounds (best), each traceable to
its report through ``Event.reports``.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

from eventscope.merge.cluster import Cluster, visit_key
from eventscope.merge.compare import blamed, contradicts
from eventscope.merge.places import MOVEMENTS, main_place, overruled
from eventscope.models import (
    ACLED_GEO_PRECISION,
    ACLED_TIME_PRECISION,
    LEVEL_ORDER,
    Article,
    AttributionKind,
    ClaimStatus,
    Event,
    Magnitude,
    Mention,
    Modality,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    ReportVersion,
    TimeRef,
)

TIME_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
COPY_JACCARD = 0.6
DISPUTE_CUE = re.compile(
    r"\b(staged|fabricated|fake|false|baseless|denied|denies|deny|refuted|disputed|disputes|dismissed|"
    r"contradicted|propaganda|no evidence)\b",
    re.IGNORECASE,
)
# A doubt about a report's figure ("Officials disputed the figure", "denied the toll") disputes the toll,
# which the event keeps side by side (low / best / high), not that the event happened
FIGURE_DOUBT = re.compile(
    r"\b(?:disputed|disputes|denied|denies|refuted|dismissed|contradicted|questioned)\s+"
    r"(?:the|its|their|this|that|these|those)\s+(?:[\w-]+\s+)?(?:figures?|tolls?|numbers?|counts?|tally|tallies)\b",
    re.IGNORECASE,
)
# what a party denies when it denies any part in something ("denied any involvement in the launches")
PART_DENIED = re.compile(
    r"\W*(?:\w+\s+){0,2}?(?:involvement|responsibility|role|part|links?|connection)\b", re.I
)
GENERIC_CLAIMANTS = frozenset(
    {"reports", "media reports", "media", "state media", "local media", "sources", "the sources"}
)


def _lead(mentions: Sequence[Mention]) -> Mention:
    """The report that speaks for the event (its type, summary): the most confident among those of the
    type the most articles report, so that a few reports of a clash folded into the murders that forty
    articles tell do not make them a clash; within one article, simply the most confident."""
    told: dict[str, set[str]] = {}
    for m in mentions:
        told.setdefault(m.type.plover, set()).add(m.article_id)
    most = max(len(a) for a in told.values())
    typical = [(i, m) for i, m in enumerate(mentions) if len(told[m.type.plover]) == most]
    return max(typical, key=lambda im: (im[1].confidence, -im[0]))[1]


def _best_time(mentions: Sequence[Mention]) -> TimeRef:
    """The event's time: a resolved one before the reporting window, the finest first, and among those
    the range most of its articles give (the earliest between equal counts): one report that misreads
    the day ("the offensive, which began on 11 November, ... six Jesuit priests who were assassinated")
    does not re-date a happening that forty others date to 16 November."""
    times = [m.time for m in mentions if m.time is not None]
    best = min(times, key=lambda t: (not t.resolved, TIME_ORDER[t.precision.value], t.start))
    if not best.resolved:
        return best
    first: dict[tuple[date, date], TimeRef] = {}  # each range as the first report that gives it
    told: dict[tuple[date, date], set[str]] = {}
    for m in mentions:
        t = m.time
        if t is not None and t.resolved and t.precision is best.precision:
            first.setdefault((t.start, t.end), t)
            told.setdefault((t.start, t.end), set()).add(m.article_id)
    return first[min(told, key=lambda span: (-len(told[span]), span))]


def build_event(cluster: Cluster, articles: Mapping[str, Article]) -> Event:
    mentions = sorted(cluster.mentions, key=lambda m: visit_key(m, articles))
    lead = _lead(mentions)
    time = _best_time(mentions)
    place_ref = _best_place(mentions)
    level = (
        place_ref.level if place_ref is not None and place_ref.place is not None else PlaceLevel.UNRESOLVED
    )
    geo_precision = ACLED_GEO_PRECISION[level]
    if place_ref is not None and place_ref.role is PlaceRole.NEAR and geo_precision == 1:
        geo_precision = 2
    reports = _reports(mentions, articles)
    outlets = {(articles[m.article_id].outlet or m.article_id) for m in mentions if m.article_id in articles}
    independent = len({r.origin for r in reports})
    # reports that name different perpetrators, or one that blames an actor the others do not give
    disputed = (
        cluster.actor_conflict
        or contradicts(cluster.profile.actors, blamed(mentions))
        or any(
            r.modality is Modality.DENIED
            or (r.disputed_by is not None and not FIGURE_DOUBT.search(r.disputed_by))
            for r in reports
        )
    )
    status = (
        ClaimStatus.DISPUTED
        if disputed
        else ClaimStatus.CORROBORATED
        if independent >= 2
        else ClaimStatus.SINGLE_SOURCE
    )
    low, best, high = _tolls(reports)
    asserted = any(m.modality is Modality.ASSERTED for m in mentions)
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
        fatalities_low=low,
        fatalities_best=best,
        fatalities_high=high,
        modality=Modality.ASSERTED if asserted else lead.modality,
        summary=_summary(lead, place_ref),
        links=tuple(sorted(cluster.links, key=lambda link: link.mention_id)),
        reports=tuple(reports),
    )


def event_id(mentions: Sequence[Mention]) -> str:
    """From the founding mention (the first in visit order), so the id depends only on the set."""
    return "ev-" + hashlib.sha256(mentions[0].id.encode()).hexdigest()[:12]


def _best_place(mentions: Sequence[Mention]) -> PlaceRef | None:
    """The event's place: of its reports' places (``main_place``), one that stands for where it happened
    (a site or the place it was near; a movement's destination) before a report's destination only
    ("wounded ... taken to hospitals in Tibnine" must not move a strike to the hospital town), then the
    finest, but not a place given to the nearest act in its sentence that a place tied to an act rules
    out (``places.overruled``: "U.S. officials in the United States affirmed that ... murdered")."""
    refs = [(m, r) for m in mentions if (r := main_place(m)) is not None]
    resolved = [(m, r) for m, r in refs if r.place is not None]
    if resolved:
        ruled_out = overruled([r for _, r in resolved])
        best = min(
            range(len(resolved)),
            key=lambda i: (_elsewhere(*resolved[i]), i in ruled_out, LEVEL_ORDER[resolved[i][1].level]),
        )
        return resolved[best][1]
    return refs[0][1] if refs else None


def _elsewhere(mention: Mention, ref: PlaceRef) -> bool:
    """The place is only where something of the event went, not where it happened: a destination of
    anything but a movement (``places.place_roles``)."""
    return ref.role is PlaceRole.DESTINATION and mention.type.plover not in MOVEMENTS


def _role_place(mentions: Sequence[Mention], role: PlaceRole) -> Place | None:
    if not any(m.type.plover in ("MOBILIZE", "RETREAT") for m in mentions):
        return None
    refs = [r for m in mentions if (r := m.place(role)) is not None and r.place is not None]
    return min(refs, key=lambda r: LEVEL_ORDER[r.level]).place if refs else None


@lru_cache(maxsize=4096)
def _shingles(text: str) -> frozenset[int]:
    words = text.casefold().split()
    return frozenset(hash(" ".join(words[i : i + 5])) for i in range(max(len(words) - 4, 1)))


def _copy_families(article_ids: Sequence[str], articles: Mapping[str, Article]) -> dict[str, str]:
    """article id -> the id of the first article (in the given order) whose text it copies."""
    family: dict[str, str] = {}
    for i, a in enumerate(article_ids):
        family.setdefault(a, a)
        for b in article_ids[i + 1 :]:
            if b in family or a not in articles or b not in articles:
                continue
            sa, sb = _shingles(articles[a].text), _shingles(articles[b].text)
            if len(sa & sb) / max(len(sa | sb), 1) >= COPY_JACCARD:
                family[b] = family[a]
    return family


def _relayed(mention: Mention, outlet: str | None) -> str | None:
    a = mention.attribution
    if a.via_outlet and outlet and a.via_outlet.casefold() != outlet.casefold():
        return a.via_outlet
    relays = a.kind in (AttributionKind.STATE_MEDIA, AttributionKind.MEDIA_REPORTS)
    if relays and a.claimant and a.claimant.casefold() not in GENERIC_CLAIMANTS:
        return a.claimant
    return None


def _reports(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> list[ReportVersion]:
    article_ids = list(dict.fromkeys(m.article_id for m in mentions))
    families = _copy_families(article_ids, articles)
    relayed = {m.id: _relayed(m, _outlet(articles, m.article_id)) for m in mentions}
    # a family of copies counts once: as the outlet all its reports here relay, else as itself (an
    # article that relays the state news agency's toll and quotes the army itself is a source of its own)
    relays: dict[str, set[str | None]] = {}
    for m in mentions:
        relays.setdefault(families[m.article_id], set()).add(relayed[m.id])
    origins = {family: _origin(family, via, articles) for family, via in relays.items()}
    reports = []
    for m in mentions:
        outlet = _outlet(articles, m.article_id)
        article = articles.get(m.article_id)
        origin = origins[families[m.article_id]]
        place = main_place(m)
        reports.append(
            ReportVersion(
                mention_id=m.id,
                article_id=m.article_id,
                outlet=outlet,
                via=m.attribution.via_outlet if m.attribution.via_outlet != outlet else None,
                claimant=m.attribution.claimant,
                attribution=m.attribution.kind,
                modality=m.modality,
                origin=origin,
                killed=_killed(m),
                place=place.place.name if place and place.place else (place.evidence.text if place else None),
                disputed_by=_dispute(m, article),
            )
        )
    return reports


def _origin(family: str, relays: set[str | None], articles: Mapping[str, Article]) -> str:
    """The source an article family counts as: the one outlet all its reports relay, else itself."""
    named = {r for r in relays if r is not None}
    if len(named) == 1 and None not in relays:
        return f"relay:{named.pop().casefold()}"
    return f"outlet:{(_outlet(articles, family) or family).casefold()}"


def _outlet(articles: Mapping[str, Article], article_id: str) -> str | None:
    article = articles.get(article_id)
    return article.outlet if article else None


def _killed(mention: Mention) -> Magnitude | None:
    killed = [g for g in mention.magnitudes if g.kind == "killed" and g.low is not None]
    return max(killed, key=lambda g: g.low or 0) if killed else None


def _dispute(mention: Mention, article: Article | None) -> str | None:
    """A denial or doubt in the report's own sentence or the one right after it, in the same paragraph."""
    if mention.modality is Modality.DENIED:
        return mention.modality_evidence.text if mention.modality_evidence else "denied"
    if article is None:
        return None
    tail = article.text[mention.sentence.end : mention.sentence.end + 400].split("\n\n")[0]
    next_sentence = re.split(r"(?<=[.!?])\s", tail.strip(), maxsplit=1)[0] if tail.strip() else ""
    found = DISPUTE_CUE.search(next_sentence)
    if found is None or _target_denies_a_part(mention, next_sentence, found):
        return None
    return next_sentence


def _target_denies_a_part(mention: Mention, sentence: str, cue: re.Match[str]) -> bool:
    """The event's target denying any part in something ("The military said it had targeted Hezbollah
    infrastructure after rockets were launched ... Hezbollah has denied any involvement in the
    launches") denies the act the event answered, not the event."""
    target = mention.recipient
    if target is None or not PART_DENIED.match(sentence, cue.end()):
        return False
    names = {n.casefold() for n in (target.name, target.text) if n}
    return any(n in sentence[: cue.start()].casefold() for n in names)


def _tolls(reports: Sequence[ReportVersion]) -> tuple[int | None, int | None, int | None]:
    figures = [
        (r.killed.low or 0, r.killed.high if r.killed.high is not None else r.killed.low or 0)
        for r in reports
        if r.killed is not None
    ]
    if not figures:
        return None, None, None
    lows = [lo for lo, _ in figures]
    return min(lows), int(statistics.median(lows)), max(hi for _, hi in figures)


def _summary(lead: Mention, place: PlaceRef | None) -> str:
    who = (lead.actor.name or lead.actor.text) if lead.actor else "unknown actor"
    whom = f" against {lead.recipient.name or lead.recipient.text}" if lead.recipient else ""
    where = ""
    if place is not None:
        where = f" at {place.place.name if place.place else place.evidence.text}"
    return f"{lead.type.plover.title()}: {who}{whom}{where}"
