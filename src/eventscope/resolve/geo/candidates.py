"""Candidates of a name and their context-free scores: the part of geocoding computed once per name.

:class:`Weights` holds the score terms. A :class:`Candidate` is a candidate place with its *static*
score (the terms that need no article: how the name matched, the kind of place, population, capital,
listed region) and the keys the article's context terms look up; a :class:`NameEntry` holds a name's
candidates, also ordered by static score, and what the name tells the article (the country it votes for,
its coherence vote). :func:`by_country_share` ranks a name by static score and country share alone, the
first pass of a toponym without hints, without scoring every candidate. See
:mod:`~eventscope.resolve.geo.resolver` for the ranking itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import attrgetter

from eventscope.models import Place, PlaceLevel
from eventscope.resolve.geo.gazetteer import NameMatch
from eventscope.resolve.geo.lists import list_kind
from eventscope.resolve.geo.votes import WHOLE_UNITS


@dataclass(frozen=True, slots=True)
class Weights:
    """Score terms; a candidate's score is the sum of those that apply."""

    population: float = 0.5  # x log10(population + 1), for populated places (1.5M people -> 3.1)
    official_name: float = 1.5  # matched the GeoNames/ISO name itself, not an alternate spelling
    variant_name: float = -1.0  # matched only once "al-" was dropped ("Qusayr" for "Al Qusayr")
    country: float = 6.5  # a country's name means the country, over its namesake capital ("Mexico")
    admin1: float = 1.5  # a division beats a hamlet of its name, not an eponymous city ("Homs")
    admin1_official: float = 1.5  # ... and by its own name ("California") also a town named after it
    admin2_official: float = 2.0  # a second-level division by its own name ("Cornwall", "Bulacan")
    capital: float = 2.0  # "Washington" is the capital before the state or any small town
    listed_region: float = 5.0  # the hand-listed regions and features ("Middle East", "Asia")
    context: float = 4.0  # x its country's share of the article's country mentions (all of them = 1)
    division_context: float = 3.0  # x its division's share of the divisions the article names ("Virginia")
    list_kind: float = 3.0  # of the kind most names listed with it are ("Oregon" among states)
    coherence: float = 2.0  # x the other names' votes for its division, capped at 1 (votes.coherence_votes)
    admin_hint: float = 5.0  # inside the unit named beside it ("Harem ... in Idlib province", "Paris, Texas")
    admin_hint_miss: float = -1.0  # a hint was given and the candidate is elsewhere
    feature_match: float = 2.0  # "the city of X" -> populated place; "X province" -> a division
    feature_mismatch: float = -2.0
    proximity: float = 2.0  # x exp(-km / proximity_km) to the nearest other place of the article
    proximity_km: float = 150.0
    division_seat: float = 2.0


ALL_DIVISIONS = "*"  # a country's key among the divisions (see Weights.division_context)
TOWN_HINTS = frozenset({"city", "town", "village", "area"})
DIVISION_HINTS = frozenset({"province", "governorate", "state"})
FEATURE_HINTS = TOWN_HINTS | DIVISION_HINTS | {"district"}  # the hints _context scores
COARSE_TOWN_HINTS = frozenset({"area", "district", "countryside"})  # a town named, its surroundings meant
KM_PER_DEGREE = 111.195
Anchor = tuple[float, float, str | None, str | None]  # lat, lon, country, division


def level_of(place: Place, feature_hint: str | None = None) -> PlaceLevel:
    """How fine a place is (the ACLED precision follows from it)."""
    if place.feature_code == "PCLI":
        return PlaceLevel.COUNTRY
    if place.feature_code == "ADM1":
        return PlaceLevel.ADMIN1
    if place.feature_code.startswith("ADM"):
        return PlaceLevel.DISTRICT
    if place.feature_class in {"L", "H"} or place.feature_code in {"BRDR", "CONT", "RGN"}:
        return PlaceLevel.REGION
    return PlaceLevel.DISTRICT if feature_hint in COARSE_TOWN_HINTS else PlaceLevel.TOWN


class Candidate:
    """A candidate place with its context-free score and the keys the context terms look up.

    A plain class with slots, not a frozen dataclass: a cold pass builds one per candidate of every new
    name, and a frozen dataclass' __init__ costs three times as much. Never changed once built."""

    __slots__ = (
        "match",
        "gid",
        "cc",
        "static",
        "division",
        "coherence_key",
        "unit",
        "populated",
        "district",
        "scale",
        "kind",
    )

    def __init__(
        self,
        match: NameMatch,
        gid: str,  # the place's gazetteer id: ties between equal scores go to the greater one
        cc: str,  # its country code, "" for none (the key of the country context)
        static: float,
        division: tuple[str | None, str | None],
        coherence_key: tuple[str | None, str | None],
        unit: bool,  # a country or first-level division
        populated: bool,
        district: bool,  # a second-level or finer division
        scale: float,  # cos(lat) squared, for the equirectangular distance
        kind: PlaceLevel,  # lists.list_kind of its level
    ) -> None:
        self.match = match
        self.gid = gid
        self.cc = cc
        self.static = static
        self.division = division
        self.coherence_key = coherence_key
        self.unit = unit
        self.populated = populated
        self.district = district
        self.scale = scale
        self.kind = kind


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What resolution needs of one name, computed once per geocoder (names recur within and across
    articles): its candidates with their static scores and the article-level facts they give."""

    matches: tuple[NameMatch, ...]
    candidates: tuple[Candidate, ...]
    key: str  # the folded name (coherence votes and anchors are per folded name)
    country: str | None  # the one country all candidates lie in, which the name votes for
    one_division: bool  # all candidates lie in one division (else a pick among them does not vote)
    votes: dict[tuple[str | None, str | None], float]  # its coherence vote (votes.name_votes)
    ordered: tuple[Candidate, ...]  # the candidates by static score, then id, best first
    by_country: dict[str, tuple[Candidate, ...]]  # the same, per country code ("" for none)
    named_after: bool = False  # unknown itself: its candidates are the place it is named after


STATIC_ORDER = attrgetter("static", "gid")  # candidates by static score, then id
# Candidates' division and coherence keys, one tuple per distinct key: a cold pass builds thousands of
# candidates, and each tuple of their own would be a long-lived object the cyclic collector walks
# (the keys are only compared and hashed, never identity-tested). Bounded by the gazetteer's divisions.
_KEYS: dict[tuple[str | None, str | None], tuple[str | None, str | None]] = {}


def candidate_of(match: NameMatch, w: Weights) -> Candidate:
    """The context-free part of a candidate's score and its keys."""
    place, kind = match.place, match.kind
    # Official name; an alternate spelling or a county's bare name (kinds 1, 3); a name without "al-".
    score = w.official_name if kind == 0 else 0.0 if kind in (1, 3) else w.variant_name
    if place.feature_code == "PCLI":
        score += w.country
    elif place.feature_code == "ADM1":
        score += w.admin1 + (w.admin1_official if kind == 0 else 0.0)
    elif place.gazetteer_id.startswith("region:"):
        score += w.listed_region
    elif place.feature_code == "ADM2":
        score += w.admin2_official if kind == 0 else 0.0
    else:
        score += w.population * math.log10(place.population + 1)
        score += w.capital if place.feature_code == "PPLC" else 0.0
        if kind == 0 and place.feature_class == "P" and place.admin1 == place.name:
            score += w.division_seat  # "Kisumu", "Wajir": the town its division is named after
    fcode, cc = place.feature_code, place.country_code
    fclass = place.feature_class
    facts = _FACTS.get((fcode, fclass))
    if facts is None:
        facts = _FACTS[(fcode, fclass)] = _facts_of(fcode, fclass)
    whole, populated, district, kind_of_list, pcli, by_country = facts
    division = (cc, ALL_DIVISIONS if pcli else place.admin1)
    # coherence_key(place), its test read from the facts of the feature code
    coherence = (cc, None) if by_country else (cc, place.admin1 or "")
    return Candidate(
        match,
        place.gazetteer_id,
        cc or "",
        score,
        _KEYS.setdefault(division, division),
        _KEYS.setdefault(coherence, coherence),
        whole,
        populated,
        district,
        math.cos(math.radians(place.lat)) ** 2,
        kind_of_list,
    )


def _facts_of(fcode: str, fclass: str) -> tuple[bool, bool, bool, PlaceLevel, bool, bool]:
    """What candidate_of reads of a place's feature code and class (the same for every place of the pair):
    a whole unit, populated, a district, its list kind, a country, coherence by country."""
    probe = Place("", "", 0.0, 0.0, fclass, fcode)
    return (
        fcode in WHOLE_UNITS,
        fclass == "P",
        fcode.startswith("ADM") and fcode != "ADM1",
        list_kind(level_of(probe)),
        fcode == "PCLI",
        fcode in WHOLE_UNITS or fcode == "PPLC",
    )


_FACTS: dict[tuple[str, str], tuple[bool, bool, bool, PlaceLevel, bool, bool]] = {}


def coherence_key(place: Place) -> tuple[str | None, str | None]:
    """The key a candidate's coherence vote is looked up by. A country or a division takes its country's
    votes: it holds the towns, whichever state. So does a capital, which stands for its country
    ("Washington" beside "the US")."""
    if place.feature_code in WHOLE_UNITS or place.feature_code == "PPLC":
        return (place.country_code, None)
    return (place.country_code, place.admin1 or "")


def by_country_share(name: NameEntry, share: dict[str, float], context: float) -> Place | None:
    """The winner when a candidate's score is its static score plus ``context`` x its country's share
    (the first pass of a toponym without hints): the same as scoring every candidate, ties to the greater
    id. The winner is either the best candidate of a country the article names or the best (by static
    score) of the others; within a country adding the same term keeps the order, but may tie."""
    best: tuple[float, str, Candidate] | None = None
    for c in name.ordered:
        if c.cc not in share:
            best = (c.static, c.gid, c)
            break
    for cc, value in share.items():
        term = context * value
        top: tuple[float, str, Candidate] | None = None
        for c in name.by_country.get(cc, ()):
            partial = c.static + term
            if top is not None and partial < top[0]:
                break  # static scores only fall from here: so does the sum
            if top is None or (partial, c.gid) > top[:2]:
                top = (partial, c.gid, c)
        if top is not None and (best is None or top[:2] > best[:2]):
            best = top
    return best[2].match.place if best is not None else None
