"""Check every resolved place of an article against the countries the article itself supports.

The geocoder picks each toponym's best candidate with the article's country context as one score term
among several, so a name with no candidate in the article's country still lands somewhere: an
all-capitals word read as a town ("POLICE" -> Police, Poland), a capital read as a foreign village of
its name ("SAN SALVADOR" -> a Mexican San Salvador). This check runs once per article, after the
geocoder, over the places the mentions carry.

A country's *support* (:func:`country_support`) is how often the article points at it: each naming of
the country or its people (``Geocoder.country_votes``), each distinct place name resolved in it, each
distinct named actor of it. A resolved place is *contradicted* when

1. its own name is the only support its country has (support 1: the text never names that country or its
   people, names no other place in it and no actor of it), and it is not the country or its capital
   (which stand for the country), and that country does not border a supported country (cross-border
   events are common: measured on ACLED Kenya, Kenyan towns in notes about Somali or Ethiopian
   attackers), and
2. some country has at least :data:`MIN_CONTEXT` support (with less there is too little context to
   overrule the geocoder).

Two place names of one country (Medellin and Antioquia in a story mostly about the United States) keep
each other; a lone stray does not. A contradicted place is replaced, in this order (the PlaceRef keeps its
evidence span and role):

- by a notable candidate of the same name (a division, a capital or a town of 10,000 or more) in a
  supported country (:func:`is_supported`: the best supported, or one with two or more and half the best's
  support), best supported first: "SAN SALVADOR" -> the Salvadoran capital;
- else, when another place of the mention still stands, by nothing: the toponym is kept unresolved and the
  event falls back to that place;
- else by the country, at level COUNTRY (ACLED geo_precision 3), when the article names one country and
  only one (and it is the best supported);
- else by nothing (unresolved by context). Not the best supported of several named countries: measured
  on MUC-4, that is as often the foreign power the story discusses as the country of the event.

Why a place changed is stored with it (``PlaceRef.note``, printed by ``eventscope show``), and every change
is also returned as a :class:`PlaceCheck` (logged at DEBUG by the caller): what the geocoder had and why
it went.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from eventscope.models import ActorRef, Evidence, Mention, Place, PlaceLevel, PlaceRef, Toponym
from eventscope.resolve.geo.gazetteer import NOTABLE_POPULATION, Gazetteer
from eventscope.resolve.geo.names import fold
from eventscope.resolve.geo.resolver import DIVISION_HINTS, level_of

# The best supported country needs this much support before it can overrule the geocoder: with less,
# one demonym ("Ugandan traders in Nairobi") would outweigh the place the event is at.
MIN_CONTEXT = 3
Span = tuple[int, int]
# A country or its capital stands for the country (the geocoder's coherence key treats them so): the
# geocoder's strongest reading, and one mention of it ("talks in San Salvador") is support enough.
STANDS_FOR_COUNTRY = frozenset({"PCLI", "PPLC"})


@dataclass(frozen=True, slots=True)
class PlaceCheck:
    """One place the article's country context changed: what the geocoder had, what it became, and why."""

    evidence: Evidence
    before: Place
    after: Place | None  # None: kept as an unresolved toponym
    level: PlaceLevel
    reason: str


def country_support(
    named: Mapping[str, int], refs: Iterable[PlaceRef], actors: Iterable[ActorRef | None]
) -> Counter[str]:
    """How strongly the article points at each country: namings of it or its people (``named``), each
    distinct resolved place name in it, each distinct named actor of it."""
    support: Counter[str] = Counter({cc.upper(): n for cc, n in named.items() if n > 0})
    names = {
        (fold(r.evidence.text), r.place.country_code)
        for r in refs
        if r.place is not None and r.place.country_code
    }
    support.update(cc for _, cc in sorted(names))  # sorted: set order changes with the hash seed
    support.update(_actor_countries(actors))
    return support


def is_supported(country: str, support: Mapping[str, int]) -> bool:
    """The best supported country (any of them, on a tie), or one with two or more and at least half
    the best's support."""
    top = max(support.values(), default=0)
    n = support.get(country, 0)
    return n >= top or (n >= 2 and 2 * n >= top)


def _actor_countries(actors: Iterable[ActorRef | None]) -> list[str]:
    """The country of each distinct named actor (a dictionary entry), once per actor."""
    seen = {
        (a.canonical_id, a.country.upper()) for a in actors if a is not None and a.canonical_id and a.country
    }
    return [cc for _, cc in sorted(seen)]


class CountryCoherence:
    """Checks an article's resolved places against its country support (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, min_context: int = MIN_CONTEXT) -> None:
        self.gazetteer = gazetteer
        self.min_context = min_context

    def check(
        self,
        mentions: Sequence[Mention],
        toponyms: Sequence[Toponym],
        named: Mapping[str, int],
    ) -> tuple[list[Mention], list[PlaceCheck]]:
        """The mentions with contradicted places replaced, and one PlaceCheck per replaced PlaceRef.

        ``named``: how often the article names each country or its people (``Geocoder.country_votes``)."""
        refs = [r for m in mentions for r in m.places]
        if not any(r.place is not None for r in refs):
            return list(mentions), []
        actors = [a for m in mentions for a in (m.actor, m.recipient)]
        support = country_support(named, refs, actors)
        if max(support.values(), default=0) < self.min_context:
            return list(mentions), []
        # Its own name is the only support of its country: support 1 (the name counts once however often
        # it recurs; a naming of the country, a second place name or an actor of it would make it 2).
        # Nor a neighbour of a supported country: cross-border events are common in conflict news ("Al
        # Shabaab from Somalia attacked Mandera"), a town on another continent is a misreading.
        near = {
            n for cc in support if is_supported(cc, support) for n in (cc, *self.gazetteer.neighbours(cc))
        }
        contradicted = {
            (r.evidence.start, r.evidence.end)
            for r in refs
            if r.place is not None
            and r.place.country_code
            and r.place.country_code not in near
            and r.place.feature_code not in STANDS_FOR_COUNTRY
            and support[r.place.country_code] <= 1
        }
        if not contradicted:
            return list(mentions), []
        hints = {(t.evidence.start, t.evidence.end): t.feature_hint for t in toponyms}
        renamed = {span: self._same_name(span, refs, support, hints.get(span)) for span in contradicted}
        unplaced = {s for s in contradicted if renamed[s] is None}  # no notable namesake where supported
        top = max(support.values())
        only = [cc.upper() for cc, n in named.items() if n > 0]
        sole = self.gazetteer.country(only[0]) if len(only) == 1 and support[only[0].upper()] == top else None
        out: list[Mention] = []
        checks: list[PlaceCheck] = []
        for m in mentions:
            places = []
            for ref in m.places:
                span = (ref.evidence.start, ref.evidence.end)
                if span not in contradicted or ref.place is None:
                    places.append(ref)
                    continue
                new = renamed[span] or _fallback(m, ref, unplaced, sole)
                check = _explain(ref, ref.place, new, support)
                places.append(replace(new, note=check.reason))  # stored with the mention, not silent
                checks.append(check)
            out.append(replace(m, places=tuple(places)) if places != list(m.places) else m)
        return out, checks

    def _same_name(
        self, span: Span, refs: Sequence[PlaceRef], support: Counter[str], hint: str | None
    ) -> PlaceRef | None:
        """The toponym resolved again among its candidates in the supported countries, if it has any."""
        ref = next(r for r in refs if (r.evidence.start, r.evidence.end) == span)
        found = [
            m
            for m in self.gazetteer.lookup(ref.evidence.text)
            if m.place.country_code and is_supported(m.place.country_code, support) and _notable(m.place)
        ]
        if not found:
            return None
        # Best supported country first; then the official name over a variant; then the kind of place
        # the text says it is (a division for "X province", else a populated place), a capital, the
        # larger place (a wire story's "SAN SALVADOR" is the capital, not a hamlet or the department).
        division = hint in DIVISION_HINTS
        match = max(
            found,
            key=lambda m: (
                support[m.place.country_code or ""],
                -m.kind,
                m.place.feature_code == "ADM1" if division else m.place.feature_class == "P",
                m.place.feature_code == "PPLC",
                m.place.population,
                m.place.gazetteer_id,
            ),
        )
        place = match.place
        level = level_of(place, hint)
        border = (
            self.gazetteer.border_km(place.lat, place.lon, place.country_code)
            if level in (PlaceLevel.TOWN, PlaceLevel.DISTRICT)
            else None
        )
        return replace(ref, place=place, level=level, border_km=border)


def _fallback(m: Mention, ref: PlaceRef, unplaced: set[Span], sole: Place | None) -> PlaceRef:
    """Unresolved when another place of the mention still stands; else the country, when the article
    names one and only one; else unresolved. Not the article's most supported country when it names
    several: measured on MUC-4, that is as often the foreign power the story discusses (the United
    States in Latin American wire copy) as the country of the event; nor a country the mention's own
    sentence names, which more often describes an actor or target ("the U.S. embassy in La Paz")."""
    if sole is None or any(
        r.place is not None and (r.evidence.start, r.evidence.end) not in unplaced
        for r in m.places
        if (r.evidence.start, r.evidence.end) != (ref.evidence.start, ref.evidence.end)
    ):
        return replace(ref, place=None, level=PlaceLevel.UNRESOLVED, border_km=None)
    return replace(ref, place=sole, level=PlaceLevel.COUNTRY, border_km=None)


def _notable(place: Place) -> bool:
    """A place a bare name likely denotes: a division, a capital, or a town of 10,000 or more. Context alone
    overrules the geocoder only toward such a place, never toward a hamlet that shares the name."""
    return (
        place.feature_code in {"PCLI", "ADM1", "ADM2", "PPLC", "PPLA"}
        or place.population >= NOTABLE_POPULATION
    )


def _explain(before: PlaceRef, had: Place, after: PlaceRef, support: Counter[str]) -> PlaceCheck:
    cc = had.country_code or "?"
    context = ", ".join(f"{c} {n}" for c, n in sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
    if after.place is None:
        what = "kept unresolved"
    elif after.level == PlaceLevel.COUNTRY and after.place.feature_code == "PCLI":
        what = f"fell back to {after.place.country_code}, the one country the article names"
    else:
        what = f"re-resolved in {after.place.country_code}"
    reason = (
        f"{had.name} ({cc}): its name is the article's only support for {cc} "
        f"(article support {context}); {what}"
    )
    return PlaceCheck(before.evidence, had, after.place, after.level, reason)
