"""Where a MUC-4 message's main incident happened: the message's country support, the incident's place
checked against it, and the place a dateline names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from eventscope.evaluate.metrics import event_place
from eventscope.evaluate.muc4_text import name_key
from eventscope.models import LEVEL_ORDER, Mention, Place, PlaceRef

__all__ = [
    "DATELINE_VOTES",
    "NEAR_SENTENCES",
    "OUTSIDE_SUPPORT",
    "PlaceLookup",
    "country_support",
    "dateline_place",
    "incident_place",
    "ordered_places",
    "scope_places",
    "sentence_gaps",
]


class PlaceLookup(Protocol):
    """What prediction needs of the gazetteer (resolve.geo.gazetteer.Gazetteer has it)."""

    def candidates(self, name: str) -> list[Place]: ...

    def country(self, code: str) -> Place | None: ...


# A message's country support: each naming of a country in the text counts one, each distinct place
# name resolved in it one, each named actor of it one, and the dateline this much.
DATELINE_VOTES = 2
# How often a message must point at a country outside the task's ones to place an incident there.
OUTSIDE_SUPPORT = 2
# Sentences either side of the main incident whose mentions' places may stand in for its own.
NEAR_SENTENCES = 1


def country_support(
    mentions: Sequence[Mention], dateline: Place | None, countries: Mapping[str, int]
) -> Counter[str]:
    """How strongly the message points at each country: what a single stray toponym ("POLICE" read as a
    town in Poland) cannot outweigh."""
    support: Counter[str] = Counter({cc.upper(): n for cc, n in countries.items()})
    names: set[tuple[str, str]] = set()
    for m in mentions:
        for ref in m.places:
            if ref.place is not None and ref.place.country_code:
                names.add((name_key(ref.evidence.text), ref.place.country_code))
        for r in (m.actor, m.recipient):
            if r is not None and r.canonical_id is not None and r.country:
                names.add((r.canonical_id, r.country))
    support.update(cc for _, cc in names)
    if dateline is not None and dateline.country_code:
        support[dateline.country_code] += DATELINE_VOTES
    return support


def incident_place(
    main: Mention,
    mentions: Sequence[Mention],
    dateline: Place | None,
    countries: Mapping[str, int],
    gazetteer: PlaceLookup | None = None,
    scope: frozenset[str] | None = None,
) -> Place | None:
    """Where the main incident happened, checked against the message's country.

    The incident's own place counts when the message supports its country (:func:`country_support`: the
    best supported one, or one half as well supported); wire copy about one country rarely puts its
    incident in another one it names once (an own place at country level waits until the nearby
    mentions' places have been tried). Else, in order: a supported place of a mention in the
    sentences next to it; its own place at country level; its own place names looked up again in the
    best supported country ("SAN SALVADOR" read as a Mexican village); the dateline city when supported;
    any place of that country the message names; that country itself; the dateline."""
    support = country_support(mentions, dateline, countries)
    if scope is not None and any(cc in scope for cc in support):
        # A task limited to some countries: a message filed abroad or comparing other countries
        # is about the one of them it names.
        support = Counter({cc: n for cc, n in support.items() if cc in scope})
    top = support.most_common(1)[0] if support else None

    def supported(place: Place | None) -> bool:
        cc = place.country_code if place is not None else None
        if cc is None or top is None:
            return cc is not None
        return cc == top[0] or (support[cc] >= 2 and 2 * support[cc] >= top[1])

    own = ordered_places(main)
    for place in own:
        if supported(place) and place.feature_code != "PCLI":
            return place
    gap = sentence_gaps(main, mentions)
    near = sorted(
        (m for m in mentions if m is not main and gap(m) <= NEAR_SENTENCES),
        key=lambda m: (gap(m), m.trigger.start),
    )
    for m in near:
        for place in ordered_places(m):
            if supported(place):
                return place
    # The incident's own place at country level (the pipeline's fallback, resolve/coherence.py) comes
    # after a nearby mention's town: both name the same country, and the town is finer.
    for place in own:
        if supported(place):
            return place
    if top is not None and gazetteer is not None:
        for ref in main.places:
            found = [p for p in gazetteer.candidates(ref.evidence.text) if p.country_code == top[0]]
            if found:
                return max(found, key=lambda p: p.population)
    if dateline is not None and supported(dateline):
        return dateline
    if top is not None:
        anywhere = (p for m in mentions for p in ordered_places(m) if p.country_code == top[0])
        found_place = next(anywhere, None)
        if found_place is None and gazetteer is not None:
            found_place = gazetteer.country(top[0])
        if found_place is not None:
            return found_place
    return own[0] if own else dateline


def ordered_places(mention: Mention) -> list[Place]:
    """A mention's resolved places with a country, its event place (:func:`event_place`) first."""
    first = event_place(mention)
    refs = sorted(
        (r for r in mention.places if r.place is not None and r.place.country_code),
        key=lambda r: (r is not first, LEVEL_ORDER[r.level]),
    )
    return [r.place for r in refs if r.place is not None]


# Words after a country's name that make it a local name ("the Venezuela neighborhood", "Colombia
# Avenue"): a street or a district of a town, not the country.
LOCAL_NAME_WORDS = frozenset(
    {"neighborhood", "district", "street", "avenue", "boulevard", "square", "park", "colony", "sector"}
)


def scope_places(mention: Mention, support: Mapping[str, int], home: int) -> list[Place]:
    """The mention's places (:func:`ordered_places`) that can put it in another country than the task's:
    in a country the message supports (``support``: :func:`country_support`) at least
    ``OUTSIDE_SUPPORT`` times and half as often as its best supported country of the task (``home``).
    A place the pipeline lent it from elsewhere in the text (a dateline city abroad is where the
    report was filed, not where the incident happened) must be supported as well as ``home``; a
    country's name used as a local name ("San Salvador's Venezuela neighborhood") does not count."""
    first = event_place(mention)
    lo, hi = mention.sentence.start, mention.sentence.end
    found: list[tuple[bool, int, Place]] = []
    for ref in mention.places:
        place = ref.place
        if place is None or not place.country_code:
            continue
        n = support.get(place.country_code, 0)
        if n < OUTSIDE_SUPPORT:
            continue
        if lo <= ref.evidence.start < hi:
            after = re.findall(r"[a-z]+", mention.sentence.text[ref.evidence.end - lo :].lower())[:1]
            if place.feature_code.startswith("PCL") and after and after[0] in LOCAL_NAME_WORDS:
                continue
            if any(_joined(other, ref, mention.sentence.text, lo) for other in mention.places):
                continue  # "SAN SEBASTIAN" read as "SAN" + "SEBASTIAN": a piece of a longer name
            if 2 * n < home:
                continue
        elif n < home:
            continue
        found.append((ref is not first, LEVEL_ORDER[ref.level], place))
    return [place for *_, place in sorted(found, key=lambda t: (t[0], t[1]))]


def _joined(before: PlaceRef, ref: PlaceRef, text: str, offset: int) -> bool:
    """``before`` ends where ``ref`` starts, one space or line break between: one name read as two."""
    gap = text[before.evidence.end - offset : ref.evidence.start - offset]
    return before is not ref and before.evidence.end < ref.evidence.start and gap.isspace() and len(gap) == 1


def sentence_gaps(main: Mention, mentions: Sequence[Mention]) -> Callable[[Mention], int]:
    """How many sentences with mentions lie between a mention and the main one."""
    order = {start: i for i, start in enumerate(sorted({m.sentence.start for m in mentions}))}
    here = order[main.sentence.start]
    return lambda m: abs(order[m.sentence.start] - here)


_DATELINE_COUNTRY = re.compile(r"(?P<city>.*?)\s*\((?P<country>[^()]+)\)\s*")
# Dateline cities that name no place ("CLANDESTINE" radio, "NO CITY (EL SALVADOR)").
_NO_CITY = frozenset({"no city", "clandestine"})


def dateline_place(dateline: str | None, gazetteer: PlaceLookup) -> Place | None:
    """The place a dateline names: "LIMA", "PANAMA CITY (PANAMA)", "NO CITY (EL SALVADOR)" (the country).

    A dateline city is one the wire service files from: among places of that name (in the dateline's
    country when it gives one) a capital first, then populated places, then the most populous."""
    if not dateline:
        return None
    m = _DATELINE_COUNTRY.fullmatch(dateline)
    city, country_name = (m.group("city"), m.group("country")) if m else (dateline, None)
    country = None
    if country_name is not None:
        found = [p for p in gazetteer.candidates(country_name) if p.feature_code.startswith("PCL")]
        country = found[0] if found else None
    cc = country.country_code if country is not None else None
    if name_key(city) in _NO_CITY or not city.strip():
        return country
    candidates = [p for p in gazetteer.candidates(city) if cc is None or p.country_code == cc]
    if not candidates:
        return country
    return max(
        candidates,
        key=lambda p: (p.feature_code == "PPLC", p.feature_class == "P", p.population),
    )
