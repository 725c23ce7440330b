"""The hints the text gives beside a name, and what they add to a candidate's score.

An admin hint names the unit a place lies in ("Harem ... in Idlib province", "Paris, Texas", "the
Lebanese town of X"): :meth:`Hints.scope` turns it into the countries and (country, division) pairs it
names, cached per hint. A feature hint names the kind of place ("the city of X", "X province").
:meth:`Hints.score` adds the article's country share and both hints' terms of
:class:`~eventscope.resolve.geo.candidates.Weights` for one candidate.
"""

from __future__ import annotations

from eventscope.resolve.geo.candidates import DIVISION_HINTS, TOWN_HINTS, Candidate, Weights
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.name_book import NAME_CACHE

Scope = tuple[set[str], set[tuple[str | None, str | None]]]


class Hints:
    """Hint scopes and hint scores of one gazetteer and one set of weights."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights) -> None:
        self.gazetteer = gazetteer
        self.weights = weights
        self._scopes: dict[str | None, Scope] = {}

    def scope(self, hint: str | None) -> tuple[set[str], set[tuple[str | None, str | None]]]:
        """Countries and (country, division) pairs a hint names: "Lebanese" -> LB, "Idlib" -> (SY, Idlib)."""
        scope = self._scopes.get(hint)
        if scope is not None:
            return scope
        if not hint:
            scope = set(), set()
        elif code := self.gazetteer.lexicon().country_code(hint):
            scope = {code}, set()
        else:
            divisions = {
                (m.place.country_code, m.place.name if m.place.feature_code == "ADM1" else m.place.admin1)
                for m in self.gazetteer.lookup(hint)
                if m.place.feature_code == "ADM1" or m.place.feature_class == "P"
            }
            scope = set(), {d for d in divisions if d[1]}
        if len(self._scopes) >= NAME_CACHE:
            self._scopes.clear()
        self._scopes[hint] = scope
        return scope

    def score(
        self,
        c: Candidate,
        hint: str | None,
        share: dict[str, float],
        scope: tuple[set[str], set[tuple[str | None, str | None]]],
    ) -> float:
        """The article's country context, the admin hint beside the name and the feature hint."""
        w, place = self.weights, c.match.place
        score = w.context * share.get(place.country_code or "", 0.0)
        countries, divisions = scope
        if countries or divisions:
            inside = place.country_code in countries or c.division in divisions
            score += w.admin_hint if inside else w.admin_hint_miss
        if hint in TOWN_HINTS:
            score += w.feature_match if c.populated else w.feature_mismatch
        elif hint in DIVISION_HINTS:
            score += w.feature_match if place.feature_code == "ADM1" else w.feature_mismatch
        elif hint == "district":
            score += w.feature_match if c.district else 0.0
        return score
