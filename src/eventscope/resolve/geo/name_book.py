"""What each name can mean: its candidate places with their context-free scores, cached per geocoder.

:class:`NameBook` looks a name up in the gazetteer, adds the places an unknown name is named after
(:mod:`~eventscope.resolve.geo.named_after`), the town "X" behind an alternate name "X City", and the
place a demonym is of; each candidate carries its static score
(:func:`~eventscope.resolve.geo.candidates.candidate_of`).
Names recur within and across articles, so entries and scores are computed once.
"""

from __future__ import annotations

from eventscope.models import Place, PlaceLevel
from eventscope.resolve.geo.candidates import STATIC_ORDER, Candidate, NameEntry, Weights, candidate_of
from eventscope.resolve.geo.gazetteer import Gazetteer, NameMatch
from eventscope.resolve.geo.named_after import named_after
from eventscope.resolve.geo.names import fold
from eventscope.resolve.geo.votes import name_divisions, name_votes

NAME_CACHE = 65_536  # names whose candidates a geocoder keeps (as many as Gazetteer.lookup caches)


class NameBook:
    """Name entries and candidate scores of one gazetteer and one set of weights."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights) -> None:
        self.gazetteer = gazetteer
        self.weights = weights
        # Candidates by match kind, then gazetteer id: no (id, kind) tuple per candidate, which would be
        # one more long-lived object per candidate for the cyclic collector to walk.
        self._statics: dict[int, dict[str, Candidate]] = {}
        self.entries: dict[str, NameEntry] = {}  # by the name as written (read, never changed, by callers)

    def entry(self, text: str) -> NameEntry:
        """The name's candidates and what they tell, cached by the name as written."""
        name = self.entries.get(text)
        if name is None:
            matches, stands_in = self.matches_of(text)
            static = self.static
            candidates = tuple([static(m) for m in matches])  # a list, not a generator: a few are many
            if len(candidates) <= 1:  # the common case: nothing to order or group
                ordered = candidates
                by_country = {candidates[0].cc: candidates} if candidates else {}
            else:
                ordered = tuple(sorted(candidates, key=STATIC_ORDER, reverse=True))
                groups: dict[str, list[Candidate]] = {}
                for c in ordered:
                    groups.setdefault(c.cc, []).append(c)
                by_country = {cc: tuple(group) for cc, group in groups.items()}
            countries = {m.place.country_code for m in matches}
            name = NameEntry(
                matches=matches,
                candidates=candidates,
                key=fold(text),
                country=next(iter(countries)) if len(countries) == 1 else None,
                one_division=len({m.place.admin1 for m in matches}) == 1,
                votes=name_votes(name_divisions(matches)),
                ordered=ordered,
                by_country=by_country,
                named_after=stands_in,
            )
            if len(self.entries) >= NAME_CACHE:
                self.entries.clear()  # a long-running pipeline meets ever new names: bound the memory
            self.entries[text] = name
        return name

    def matches_of(self, text: str) -> tuple[tuple[NameMatch, ...], bool]:
        """The name's matches, and whether they are of the place an unknown name is named after.

        A demonym handed over as a place also stands for what it is of: gold sets mark demonyms as places
        ("Canadian", "Ohioans", "South Ossetian"); the place a demonym is of joins the candidates as an
        alternate-name match, so "Canadian" is Canada, not the town of Canadian, Texas, by the country
        weight. Place demonyms (divisions, regions) come before country ones ("Scottish" is Scotland).
        """
        matches = self.gazetteer.lookup(text)
        stands_in = False
        if not matches:
            matches = named_after(self.gazetteer, text)
            stands_in = bool(matches)
        if text.casefold().endswith(" city") and all(m.kind for m in matches):
            # "San Fernando City" (California) is the town "San Fernando" by its own name, which the
            # alternate name "... City" of a Philippine San Fernando must not shut out.
            known = {m.place.gazetteer_id for m in matches}
            towns = self.gazetteer.lookup(text[: -len(" city")])
            matches = (
                *matches,
                *(
                    NameMatch(m.place, 1)
                    for m in towns
                    if m.kind == 0 and m.place.feature_class == "P" and m.place.gazetteer_id not in known
                ),
            )
        of = self.gazetteer.demonym_place(text)
        if of is None:
            lexicon = self.gazetteer.lexicon()
            if lexicon.is_demonym(text) or not matches:
                code = lexicon.country_code(text)
                of = self.gazetteer.country(code) if code else None
        if of is not None and all(m.place.gazetteer_id != of.gazetteer_id for m in matches):
            matches = (*matches, NameMatch(of, 1))
        return matches, stands_in

    def static(self, match: NameMatch) -> Candidate:
        """The context-free part of a candidate's score and its keys, cached per (place, match kind)."""
        of_kind = self._statics.get(match.kind)
        if of_kind is None:
            of_kind = self._statics[match.kind] = {}
        cached = of_kind.get(match.place.gazetteer_id)
        if cached is None:
            cached = of_kind[match.place.gazetteer_id] = candidate_of(match, self.weights)
        return cached


def around(name: NameEntry, place: Place | None) -> PlaceLevel | None:
    """A town standing for a feature or quarter named after it ("Salinas Valley") is "near X"."""
    if name.named_after and place is not None and place.feature_class == "P":
        return PlaceLevel.DISTRICT
    return None
