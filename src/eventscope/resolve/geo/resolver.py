"""Geocoding: the toponyms of one article -> places, resolved together.

Each candidate place of a name gets a score, a sum of the terms in :class:`Weights` (population, the kind
of place, how the name matched, the article's country context, hints the text gives beside the name, and
closeness to the article's other places); the best score wins. Two passes: the first ranks every
toponym without proximity and its winners become anchors; the second adds proximity to the *other*
toponyms' anchors. A toponym with no candidate is kept, unresolved (``place is None``). The article-level
context comes from :mod:`~eventscope.resolve.geo.votes` (countries the text names, the divisions the
names agree on) and :mod:`~eventscope.resolve.geo.lists` (names listed together are of one kind).

Phrases the recogniser marked get their own rules: borders ("border:LB-SY"; a single country's border takes
the neighbour the article talks about most), demonym phrases ("Lebanese territory" -> the country, "the
Syrian capital" -> its capital), countryside ("the Damascus countryside" -> the division named so, else
the division containing the city) and directional regions ("northern Syria" -> a point inside the
country, moved toward that side; :mod:`~eventscope.resolve.geo.phrases` makes those places).

A name the gazetteer lacks stands near the place it is named after ("Salinas Valley"), a town missing
from the division named beside it falls back to that division ("Stroud, Ontario"; both in
:mod:`~eventscope.resolve.geo.named_after`), and a name repeated without hints keeps the sense its
hinted mention was given (one sense per article). A reading in a country the article does not support
(:mod:`~eventscope.resolve.geo.support`: a natural feature's namesake town abroad, a town abroad reached by
a foreign spelling) gives way to the best one in a country it does, else the name stays unresolved.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from eventscope.gcpolicy import fewer_collections
from eventscope.models import Place, PlaceLevel, PlaceRef, PlaceRole, Toponym
from eventscope.resolve.geo.candidates import (
    ALL_DIVISIONS,
    COARSE_TOWN_HINTS,
    DIVISION_HINTS,
    FEATURE_HINTS,
    KM_PER_DEGREE,
    TOWN_HINTS,
    Anchor,
    Candidate,
    NameEntry,
    Weights,
    by_country_share,
    level_of,
)
from eventscope.resolve.geo.gazetteer import Gazetteer, NameMatch
from eventscope.resolve.geo.hints import Hints
from eventscope.resolve.geo.lists import list_groups, sibling_levels
from eventscope.resolve.geo.name_book import NameBook, around
from eventscope.resolve.geo.named_after import hinted_division
from eventscope.resolve.geo.names import fold
from eventscope.resolve.geo.phrases import border_of, side_and_base, toward
from eventscope.resolve.geo.support import Support
from eventscope.resolve.geo.votes import Coherence, CountryScan, country_shares

# Re-exported: callers import these from here (resolve.coherence, tests).
__all__ = ["COARSE_TOWN_HINTS", "DIVISION_HINTS", "TOWN_HINTS", "Geocoder", "Weights", "level_of"]


# Pass-1 winners of these levels are the anchors of pass 2 (their proximity counts).
ANCHOR_LEVELS = frozenset({PlaceLevel.TOWN, PlaceLevel.DISTRICT, PlaceLevel.ADMIN1})
# Feature hints of phrases with their own rules (_special): not ranked as a plain name.
_SPECIAL_HINTS = frozenset({"border", "country", "capital", "countryside", "region"})
_BUILT_ON_HINTS = frozenset({"countryside", "region"})  # phrases built on a place (side_and_base)


class Geocoder:
    """Resolves an article's toponyms against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or Weights()
        self._division_share: dict[tuple[str | None, str | None], float] = {}
        self._coherence = Coherence({}, {})
        self._border_cache: dict[str, float | None] = {}
        self._book = NameBook(gazetteer, self.weights)
        self._name = self._book.entry  # what each name can mean, cached by the name as written
        self._static = self._book.static
        self._hints = Hints(gazetteer, self.weights)
        self._scan = CountryScan(gazetteer)

    # context -------------------------------------------------------------------------------------

    def country_votes(self, toponyms: Sequence[Toponym], article_text: str) -> Counter[str]:
        """Mentions of each country in the article: names, abbreviations and demonyms ("Syrian").

        The scan of an article's text is kept for the next call with the same text (resolution and the
        context check after it both ask); a copy is returned each time."""
        return self._scan.votes(toponyms, article_text)

    # resolution ----------------------------------------------------------------------------------

    def resolve(
        self, toponyms: Sequence[Toponym], *, article_text: str = ""
    ) -> dict[tuple[int, int], PlaceRef]:
        """One PlaceRef per toponym (role SITE; the caller sets roles), keyed by its evidence span.

        Runs with the cyclic collector's youngest generation at the ingest run's threshold
        (:func:`~eventscope.gcpolicy.fewer_collections`): a cold geocoder fills its caches with many
        long-lived objects, and at Python's default threshold the collector's passes would walk every
        object of the process (a loaded spaCy model's too) many times per corpus."""
        with fewer_collections():
            return self._resolve(toponyms, article_text)

    def _resolve(self, toponyms: Sequence[Toponym], article_text: str) -> dict[tuple[int, int], PlaceRef]:
        known = self._book.entries
        # The names of the article not seen before, and the places its side-of and countryside phrases are
        # built on ("western Kenya"), read in one query (rows of one not looked up after all are dropped).
        new = [t.evidence.text for t in toponyms if t.evidence.text not in known]
        new += [
            base
            for t in toponyms
            if t.feature_hint in _BUILT_ON_HINTS
            and (base := side_and_base(t.evidence.text)[1])
            and base not in known
        ]
        self.gazetteer.prefetch(new)
        votes = self.country_votes(toponyms, article_text)
        scanned = [cc for cc, n in votes.items() if n > 0]  # named in the text, or their people
        name_of, special = self._name, _SPECIAL_HINTS  # toponyms of no special phrase: names
        names = {
            i: name_of(t.evidence.text)
            for i, t in enumerate(toponyms)
            if t.source != "border" and t.feature_hint not in special
        }
        for name in names.values():
            if name.country and not name.named_after:
                # An unambiguous name votes for its country; a feature or quarter named after a place
                # ("Swat Valley") does not: it would vote for its own stand-in (see support.stand_in).
                votes[name.country] += 1
        share = country_shares(votes)
        # The place a side-of phrase is built on is context like the name alone: "Northeast Texas"
        # names Texas for "Paris" (resolved, like the phrase itself, in the second pass).
        bases = {
            i: self._name(base)
            for i, t in enumerate(toponyms)
            if t.feature_hint == "region"
            and i not in names
            and not self._own_name(t.evidence.text)
            and (base := side_and_base(t.evidence.text)[1])
        }
        # A name repeated with the same hints ranks the same: each distinct one is ranked once per pass.
        ranked: dict[tuple[str, str | None, str | None], Place | None] = {}
        first: dict[int, Place | None] = {}
        for i, name in names.items():
            t = toponyms[i]
            seen = (t.evidence.text, t.feature_hint, t.admin_hint)
            if seen not in ranked:
                if self._plain(t):
                    ranked[seen] = self._by_country_share(name, share)
                else:
                    ranked[seen] = self._rank(name.candidates, t, share, [])
            first[i] = ranked[seen]
        for i, name in bases.items():
            first[i] = self._by_country_share(name, share)
        entries = names | bases
        # Divisions the first pass found ("Virginia", "Ky.") are context for the second: their country
        # votes, and a same-name town inside them gains ("Alexandria" in an article naming Virginia).
        divisions: Counter[tuple[str | None, str | None]] = Counter()
        for i, p in first.items():
            if p is None:
                continue
            if p.feature_code == "ADM1" and not entries[i].country:
                votes[p.country_code or ""] += 1
            # A tie among same-name counties must not vote for the state it happened to pick.
            if p.feature_code == "ADM1" or entries[i].one_division:
                divisions[(p.country_code, p.admin1)] += 1
        share = country_shares(votes)
        support = Support(scanned, names.values(), self.gazetteer.neighbours)  # the countries it is about
        top_division = max(divisions.values(), default=0)
        self._division_share = {d: n / top_division for d, n in divisions.items()}
        # A country holds the divisions the article names: it takes the best share among them, as a
        # whole unit takes the proximity of the places inside it ("Mexico" beside "Mexico City").
        for (cc, _), n in divisions.items():
            whole = (cc, ALL_DIVISIONS)
            self._division_share[whole] = max(self._division_share.get(whole, 0.0), n / top_division)
        per_name: dict[str, dict[tuple[str | None, str | None], float]] = {}
        for name in names.values():
            per_name.setdefault(name.key, name.votes)
        self._coherence = Coherence.of(per_name)
        levels = {i: level_of(p) for i, p in first.items() if p is not None}
        anchors = {
            i: (p.lat, p.lon, p.country_code, p.admin1)
            for i, p in first.items()
            if p is not None and levels[i] in ANCHOR_LEVELS
        }
        # A name listed with others ("Michigan, Oregon, New Mexico") is of the kind most of them are.
        listed = sibling_levels(list_groups(toponyms, article_text), levels)
        # The other names' anchors: a name is no context for itself (nor for its repeats).
        others: dict[str, list[Anchor]] = {}
        second: dict[tuple[str, str | None, str | None, PlaceLevel | None], Place | None] = {}
        refs: dict[tuple[int, int], PlaceRef] = {}
        hinted: dict[str, Place] = {}  # the place of each name's first mention with hints
        for i, toponym in enumerate(toponyms):
            span = (toponym.evidence.start, toponym.evidence.end)
            if i not in names:
                own = bases[i].key if i in bases else None  # a name is no context for itself
                refs[span] = self._special(
                    toponym, share, [pt for j, pt in anchors.items() if entries[j].key != own]
                )
                continue
            name, level = names[i], listed.get(i)
            seen2 = (toponym.evidence.text, toponym.feature_hint, toponym.admin_hint, level)
            if seen2 not in second:
                if name.key not in others:
                    others[name.key] = [pt for j, pt in anchors.items() if entries[j].key != name.key]
                second[seen2] = self._rank(
                    name.candidates, toponym, share, others[name.key], divisions=True, list_level=level
                )
            place = second[seen2]
            if place is not None and (elsewhere := support.elsewhere(name, toponym, place)):
                # a reading the article does not support: the best one in a country it is about, if any
                local = [c for c in name.candidates if c.cc in elsewhere.countries]
                place = self._rank(local, toponym, share, others[name.key], divisions=True, list_level=level)
            if toponym.admin_hint and (unit := hinted_division(self.gazetteer, toponym.admin_hint, place)):
                place = unit
            if place is not None and not self._plain(toponym):
                hinted.setdefault(name.key, place)
            refs[span] = self._ref(toponym, place, around(name, place))
        if hinted:
            self._one_sense(toponyms, names, hinted, refs)
        return refs

    def _one_sense(
        self,
        toponyms: Sequence[Toponym],
        names: dict[int, NameEntry],
        hinted: dict[str, Place],
        refs: dict[tuple[int, int], PlaceRef],
    ) -> None:
        """One sense per article: a name repeated without hints means what its first hinted mention was
        resolved to (``hinted``, by folded name): "the state of Victoria ... travel to Victoria". The
        text told the reader once."""
        for i, name in names.items():
            place = hinted.get(name.key)
            t = toponyms[i]
            if place is not None and self._plain(t):
                refs[(t.evidence.start, t.evidence.end)] = self._ref(t, place, around(name, place))

    def _own_name(self, text: str) -> tuple[NameMatch, ...]:
        """The places a side-of phrase names by their own name, when the text says it is that name: a
        capitalised compass word ("Northern Ireland", "Central America"), or a lower-case one before a
        country that the phrase does not mean ("central America" is no middle of the United States; the
        all-capitals wire copy re-cased loses the capital). A lower-case side of a continent stays a side of
        it ("southeast Asia", "east Africa"), and of a country one that is also a country's name ("south
        Sudan" before 2011)."""
        whole = tuple(m for m in self.gazetteer.lookup(text) if m.kind == 0)
        if not whole or text[:1].isupper():
            return whole
        side, base = side_and_base(text)
        if side is None or any(m.place.feature_code == "PCLI" for m in whole):
            return ()
        countries = [m for m in self.gazetteer.lookup(base) if m.place.feature_code == "PCLI"]
        return whole if countries else ()

    def _ref(self, toponym: Toponym, place: Place | None, level: PlaceLevel | None = None) -> PlaceRef:
        if place is None:
            return PlaceRef(toponym.evidence, PlaceRole.SITE)
        level = level or level_of(place, toponym.feature_hint)
        if place.feature_code == "BRDR":
            distance: float | None = 0.0
        elif level in {PlaceLevel.TOWN, PlaceLevel.DISTRICT}:
            distance = self._border_km(place)
        else:
            distance = None
        return PlaceRef(toponym.evidence, PlaceRole.SITE, place, level, distance)

    def _border_km(self, place: Place) -> float | None:
        """Distance to the land borders of the place's own country (cached: towns recur across articles)."""
        if place.gazetteer_id not in self._border_cache:
            self._border_cache[place.gazetteer_id] = self.gazetteer.place_border_km(place)
        return self._border_cache[place.gazetteer_id]

    def _best(
        self,
        toponym: Toponym,
        matches: Sequence[NameMatch],
        share: dict[str, float],
        anchors: list[Anchor],
        *,
        divisions: bool = False,
        list_level: PlaceLevel | None = None,
    ) -> Place | None:
        candidates = [self._static(m) for m in matches]
        return self._rank(candidates, toponym, share, anchors, divisions=divisions, list_level=list_level)

    def _rank(
        self,
        candidates: Sequence[Candidate],
        toponym: Toponym,
        share: dict[str, float],
        anchors: list[Anchor],
        *,
        divisions: bool = False,
        list_level: PlaceLevel | None = None,
    ) -> Place | None:
        """The best candidate: the greatest score, ties to the greater gazetteer id."""
        if len(candidates) <= 1:  # nothing to rank: the one candidate wins whatever its score
            return candidates[0].match.place if candidates else None
        w = self.weights
        hint = toponym.feature_hint
        scope = self._hints.scope(toponym.admin_hint)
        # Without hints the context is the country share alone (the common case, inlined below).
        plain = not (scope[0] or scope[1]) and hint not in FEATURE_HINTS
        division_share = self._division_share if divisions else {}
        total, mine = self._coherence.of_others(fold(toponym.evidence.text)) if divisions else ({}, {})
        context, division_context, coherence = w.context, w.division_context, w.coherence
        # Every term but proximity is a dictionary lookup, a term whose key is absent adds nothing (the
        # same sum as adding its 0.0); proximity (a minimum over the anchors) is computed only for a
        # candidate that could still win with the full proximity term, best first.
        # Method look-ups hoisted out of the loop (it runs for every candidate of every name, per article).
        share_of, division_of = share.get, division_share.get
        total_of, mine_of = total.get, mine.get
        score, by_kind = self._hints.score, w.list_kind
        ranked: list[tuple[float, str, Candidate]] = []
        append = ranked.append
        for c in candidates:
            if plain:
                partial = c.static + context * share_of(c.cc, 0.0)
            else:
                partial = c.static + score(c, hint, share, scope)
            if division_share:
                d = division_of(c.division)
                if d is not None:
                    partial += division_context * d
            if total:
                v = total_of(c.coherence_key)
                if v is not None:
                    v -= mine_of(c.coherence_key, 0.0)
                    if v > 0:
                        partial += coherence * (v if v < 1.0 else 1.0)  # min(1.0, v)
            if c.kind is list_level:
                partial += by_kind
            append((partial, c.gid, c))
        if not anchors:
            return max(ranked)[2].match.place  # gazetteer ids are unique: no tie reaches the candidate
        ranked.sort(reverse=True)
        best: tuple[float, str] | None = None
        winner: Place | None = None
        for partial, gid, c in ranked:
            if best is not None and partial + w.proximity < best[0]:
                break
            key = (partial + self._proximity(c, anchors), gid)
            if best is None or key > best:
                best, winner = key, c.match.place
        return winner

    def _plain(self, toponym: Toponym) -> bool:
        """No admin hint and no feature hint that the score looks at: the country share is the context."""
        scope = self._hints.scope(toponym.admin_hint)
        return not (scope[0] or scope[1]) and toponym.feature_hint not in FEATURE_HINTS

    def _by_country_share(self, name: NameEntry, share: dict[str, float]) -> Place | None:
        """The first pass for a toponym without hints (see candidates.by_country_share)."""
        return by_country_share(name, share, self.weights.context)

    def _proximity(self, c: Candidate, anchors: list[Anchor]) -> float:
        w, place = self.weights, c.match.place
        if c.unit:
            # A country or division holding one of the article's places counts as next to it: its point,
            # a centre, is far from the towns it contains.
            pcli = place.feature_code == "PCLI"
            inside = any(a[2] == place.country_code and (pcli or a[3] == place.admin1) for a in anchors)
            return w.proximity if inside else 0.0
        # Equirectangular distance: within a few percent at the few hundred km that matter here.
        lat0, lon0, scale = place.lat, place.lon, c.scale
        nearest_sq = min((lat0 - lat) ** 2 + scale * (lon0 - lon) ** 2 for lat, lon, _, _ in anchors)
        return w.proximity * math.exp(-math.sqrt(nearest_sq) * KM_PER_DEGREE / w.proximity_km)

    # phrases with their own rules ----------------------------------------------------------------

    def _special(self, toponym: Toponym, share: dict[str, float], anchors: list[Anchor]) -> PlaceRef:
        """Border, country, capital, countryside and side-of phrases. The place a phrase is built on
        ("north DeKalb County", "rural Paris") is ranked with the same context as the name alone."""
        hint, text = toponym.feature_hint, toponym.evidence.text
        lexicon = self.gazetteer.lexicon()
        if toponym.source == "border" or hint == "border":
            return self._ref(
                toponym, border_of(self.gazetteer, toponym.border_countries, share), PlaceLevel.REGION
            )
        if hint in {"country", "capital"}:
            code = lexicon.country_code(text.split()[0]) or lexicon.country_code(" ".join(text.split()[:-1]))
            if code is None:
                return self._ref(toponym, None)
            place = self.gazetteer.country(code) if hint == "country" else self.gazetteer.capital(code)
            return self._ref(toponym, place)
        if hint == "region" and (whole := self._own_name(text)):
            # "central America" read as a side of America is Central America, a region of its own name
            return self._ref(toponym, self._best(toponym, whole, share, anchors, divisions=True))
        side, base_name = side_and_base(text)
        base = (
            self._best(toponym, self.gazetteer.lookup(base_name), share, anchors, divisions=True)
            if base_name
            else None
        )
        if hint == "countryside":
            named = [
                m for m in self.gazetteer.lookup(text.removeprefix("the ")) if m.place.feature_code == "ADM1"
            ]
            if named:
                return self._ref(toponym, self._best(toponym, named, share, []), PlaceLevel.ADMIN1)
            # "rural Idlib" is the province's countryside when the town is its seat (its largest town:
            # the gazetteer keeps no seat codes); "rural Paris" (Texas) is the town's surroundings.
            seat = base is not None and (base.feature_code == "PPLC" or self.gazetteer.is_largest_town(base))
            division = self.gazetteer.admin1_of(base) if base and seat else None
            if division is not None:
                return self._ref(toponym, division, PlaceLevel.ADMIN1)
            return self._ref(toponym, base, PlaceLevel.DISTRICT if base else None)
        if base is None:
            return self._ref(toponym, None)
        if base.feature_code == "PCLI" and side:
            return self._ref(toponym, toward(self.gazetteer, base, side, text), PlaceLevel.REGION)
        if base.feature_class == "P":
            return self._ref(toponym, base, PlaceLevel.DISTRICT)
        return self._ref(toponym, base)
