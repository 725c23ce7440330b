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
country, moved toward that side).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventscope.models import Place, PlaceLevel, PlaceRef, PlaceRole, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer, NameMatch
from eventscope.resolve.geo.lists import list_groups, list_kind, sibling_levels
from eventscope.resolve.geo.names import fold
from eventscope.resolve.geo.votes import WHOLE_UNITS, CountryScan, coherence_votes


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
    context: float = 4.0  # x the candidate's country's share of country mentions (top country = 1)
    division_context: float = 3.0  # x its division's share of the divisions the article names ("Virginia")
    list_kind: float = 3.0  # of the kind most names listed with it are ("Oregon" among states)
    coherence: float = 2.0  # x the other names' votes for its division, capped at 1 (votes.coherence_votes)
    admin_hint: float = 5.0  # inside the unit named beside it ("Harem ... in Idlib province", "Paris, Texas")
    admin_hint_miss: float = -1.0  # a hint was given and the candidate is elsewhere
    feature_match: float = 2.0  # "the city of X" -> populated place; "X province" -> a division
    feature_mismatch: float = -2.0
    proximity: float = 2.0  # x exp(-km / proximity_km) to the nearest other place of the article
    proximity_km: float = 150.0


CIVIL_UNITS = frozenset({"township", "twp", "borough"})
ALL_DIVISIONS = "*"  # a country's key among the divisions (see division_context)
TOWN_HINTS = frozenset({"city", "town", "village", "area"})
DIVISION_HINTS = frozenset({"province", "governorate", "state"})
COARSE_TOWN_HINTS = frozenset({"area", "district", "countryside"})  # a town named, its surroundings meant
DIRECTION_VECTORS = {
    "north": (0.0, 1.0),
    "south": (0.0, -1.0),
    "east": (1.0, 0.0),
    "west": (-1.0, 0.0),
    "northeast": (0.7, 0.7),
    "northwest": (-0.7, 0.7),
    "southeast": (0.7, -0.7),
    "southwest": (-0.7, -0.7),
    "central": (0.0, 0.0),
}
KM_PER_DEGREE = 111.195
Anchor = tuple[float, float, str | None, str | None]  # lat, lon, country, division


def _direction(word: str) -> str | None:
    word = word.lower().replace("-", "")
    for suffix in ("ern", ""):
        if word.endswith(suffix) and word[: len(word) - len(suffix)] in DIRECTION_VECTORS:
            return word[: len(word) - len(suffix)]
    return "central" if word == "central" else None


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


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A candidate place with its context-free score and the keys the context terms look up."""

    match: NameMatch
    static: float
    division: tuple[str | None, str | None]
    coherence_key: tuple[str | None, str | None]
    unit: bool  # a country or first-level division
    populated: bool
    district: bool  # a second-level or finer division
    scale: float  # cos(lat) squared, for the equirectangular distance
    kind: PlaceLevel  # lists.list_kind of its level


class Geocoder:
    """Resolves an article's toponyms against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or Weights()
        self._division_share: dict[tuple[str | None, str | None], float] = {}
        self._coherence: dict[str, dict[tuple[str | None, str | None], float]] = {}
        self._border_cache: dict[str, float | None] = {}
        self._statics: dict[tuple[str, int], _Candidate] = {}
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
        """One PlaceRef per toponym (role SITE; the caller sets roles), keyed by its evidence span."""
        votes = self.country_votes(toponyms, article_text)
        generic = {i: self._matches(t) for i, t in enumerate(toponyms) if self._is_generic(t)}
        for matches in generic.values():
            countries = {m.place.country_code for m in matches}
            only = next(iter(countries)) if len(countries) == 1 else None
            if only:
                votes[only] += 1  # an unambiguous name votes for its country
        top = max(votes.values(), default=0)
        share = {cc: n / top for cc, n in votes.items()} if top else {}
        first = {i: self._best(toponyms[i], m, share, []) for i, m in generic.items()}
        # Divisions the first pass found ("Virginia", "Ky.") are context for the second: their country
        # votes, and a same-name town inside them gains ("Alexandria" in an article naming Virginia).
        divisions: Counter[tuple[str | None, str | None]] = Counter()
        for i, p in first.items():
            if p is None:
                continue
            if p.feature_code == "ADM1":
                votes[p.country_code or ""] += 1
            # A tie among same-name counties must not vote for the state it happened to pick.
            if p.feature_code == "ADM1" or len({m.place.admin1 for m in generic[i]}) == 1:
                divisions[(p.country_code, p.admin1)] += 1
        top = max(votes.values(), default=0)
        share = {cc: n / top for cc, n in votes.items()} if top else {}
        top_division = max(divisions.values(), default=0)
        self._division_share = {d: n / top_division for d, n in divisions.items()}
        # A country holds the divisions the article names: it takes the best share among them, as a
        # whole unit takes the proximity of the places inside it ("Mexico" beside "Mexico City").
        for (cc, _), n in divisions.items():
            whole = (cc, ALL_DIVISIONS)
            self._division_share[whole] = max(self._division_share.get(whole, 0.0), n / top_division)
        self._coherence = coherence_votes(toponyms, generic)
        anchors = {
            i: (p.lat, p.lon, p.country_code, p.admin1)
            for i, p in first.items()
            if p is not None and level_of(p) in {PlaceLevel.TOWN, PlaceLevel.DISTRICT, PlaceLevel.ADMIN1}
        }
        # A name listed with others ("Michigan, Oregon, New Mexico") is of the kind most of them are.
        levels = {i: level_of(p) for i, p in first.items() if p is not None}
        listed = sibling_levels(list_groups(toponyms, article_text), levels)
        refs: dict[tuple[int, int], PlaceRef] = {}
        for i, toponym in enumerate(toponyms):
            if i in generic:
                key = fold(toponym.evidence.text)
                others = [
                    pt for j, pt in anchors.items() if j != i and fold(toponyms[j].evidence.text) != key
                ]
                place = self._best(
                    toponym, generic[i], share, others, divisions=True, list_level=listed.get(i)
                )
                refs[(toponym.evidence.start, toponym.evidence.end)] = self._ref(toponym, place)
            else:
                refs[(toponym.evidence.start, toponym.evidence.end)] = self._special(toponym, share)
        return refs

    @staticmethod
    def _coherence_key(place: Place) -> tuple[str | None, str | None]:
        # A country or a division takes its country's votes: it holds the towns, whichever state. So does
        # a capital, which stands for its country ("Washington" beside "the US").
        if place.feature_code in WHOLE_UNITS or place.feature_code == "PPLC":
            return (place.country_code, None)
        return (place.country_code, place.admin1 or "")

    def _is_generic(self, toponym: Toponym) -> bool:
        return toponym.source != "border" and toponym.feature_hint not in {
            "border",
            "country",
            "capital",
            "countryside",
            "region",
        }

    def _matches(self, toponym: Toponym) -> tuple[NameMatch, ...]:
        """The name's candidates; a demonym handed over as a place also stands for what it is of.

        Gold sets mark demonyms as places ("Canadian", "Ohioans", "South Ossetian"); the place a demonym
        is of joins the candidates as an alternate-name match, so "Canadian" is Canada, not the town of
        Canadian, Texas, by the country weight. Place demonyms (divisions, regions) come before country
        ones ("Scottish" is Scotland).
        """
        text = toponym.evidence.text
        matches = self.gazetteer.lookup(text)
        words = text.split()
        if not matches and len(words) > 1 and words[-1].casefold().rstrip(".") in CIVIL_UNITS:
            # A US civil township or borough ("Hamilton Township") is not in GeoNames' populated places;
            # the town it is named after and usually holds stands for it, ranked as a variant name.
            matches = tuple(
                NameMatch(m.place, 2)
                for m in self.gazetteer.lookup(" ".join(words[:-1]))
                if m.place.feature_class == "P"
            )
        of = self.gazetteer.demonym_place(text)
        if of is None:
            lexicon = self.gazetteer.lexicon()
            if lexicon.is_demonym(text) or not matches:
                code = lexicon.country_code(text)
                of = self.gazetteer.country(code) if code else None
        if of is not None and all(m.place.gazetteer_id != of.gazetteer_id for m in matches):
            matches = (*matches, NameMatch(of, 1))
        return matches

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
            self._border_cache[place.gazetteer_id] = self.gazetteer.border_km(
                place.lat, place.lon, place.country_code
            )
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
        if not matches:
            return None
        w = self.weights
        scope = self._hint_scope(toponym.admin_hint)
        division_share = self._division_share if divisions else {}
        coherence = self._coherence.get(fold(toponym.evidence.text), {}) if divisions else {}
        hint = toponym.feature_hint
        # Every term but proximity is a dictionary lookup; proximity (a minimum over the anchors) is
        # computed only for a candidate that could still win with the full proximity term, best first.
        ranked = []
        for m in matches:
            c = self._static(m)
            partial = c.static + self._context(c, hint, share, scope)
            partial += w.division_context * division_share.get(c.division, 0.0)
            partial += w.coherence * min(1.0, coherence.get(c.coherence_key, 0.0))
            partial += w.list_kind if c.kind is list_level else 0.0
            ranked.append((partial, c))
        ranked.sort(key=lambda r: (r[0], r[1].match.place.gazetteer_id), reverse=True)
        best: tuple[float, str] | None = None
        winner: Place | None = None
        for partial, c in ranked:
            if best is not None and anchors and partial + w.proximity < best[0]:
                break
            if best is not None and not anchors:
                break  # sorted by score, ties by id: the first is the winner
            score = partial + (self._proximity(c, anchors) if anchors else 0.0)
            key = (score, c.match.place.gazetteer_id)
            if best is None or key > best:
                best, winner = key, c.match.place
        return winner

    def _hint_scope(self, hint: str | None) -> tuple[set[str], set[tuple[str | None, str | None]]]:
        """Countries and (country, division) pairs a hint names: "Lebanese" -> LB, "Idlib" -> (SY, Idlib)."""
        if not hint:
            return set(), set()
        code = self.gazetteer.lexicon().country_code(hint)
        if code:
            return {code}, set()
        divisions = {
            (m.place.country_code, m.place.name if m.place.feature_code == "ADM1" else m.place.admin1)
            for m in self.gazetteer.lookup(hint)
            if m.place.feature_code == "ADM1" or m.place.feature_class == "P"
        }
        return set(), {d for d in divisions if d[1]}

    def _static(self, match: NameMatch) -> _Candidate:
        """The context-free part of a candidate's score and its keys, cached per (place, match kind)."""
        key = (match.place.gazetteer_id, match.kind)
        cached = self._statics.get(key)
        if cached is not None:
            return cached
        w, place = self.weights, match.place
        # Official name; an alternate spelling or a county's bare name (kinds 1, 3); a name without "al-".
        score = {0: w.official_name, 1: 0.0, 3: 0.0}.get(match.kind, w.variant_name)
        if place.feature_code == "PCLI":
            score += w.country
        elif place.feature_code == "ADM1":
            score += w.admin1 + (w.admin1_official if match.kind == 0 else 0.0)
        elif place.gazetteer_id.startswith("region:"):
            score += w.listed_region
        elif place.feature_code == "ADM2":
            score += w.admin2_official if match.kind == 0 else 0.0
        else:
            score += w.population * math.log10(place.population + 1)
            score += w.capital if place.feature_code == "PPLC" else 0.0
        fcode = place.feature_code
        candidate = _Candidate(
            match=match,
            static=score,
            division=(place.country_code, ALL_DIVISIONS if fcode == "PCLI" else place.admin1),
            coherence_key=self._coherence_key(place),
            unit=fcode in WHOLE_UNITS,
            populated=place.feature_class == "P",
            district=fcode.startswith("ADM") and fcode != "ADM1",
            scale=math.cos(math.radians(place.lat)) ** 2,
            kind=list_kind(level_of(place)),
        )
        self._statics[key] = candidate
        return candidate

    def _context(
        self,
        c: _Candidate,
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

    def _proximity(self, c: _Candidate, anchors: list[Anchor]) -> float:
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

    def _special(self, toponym: Toponym, share: dict[str, float]) -> PlaceRef:
        hint, text = toponym.feature_hint, toponym.evidence.text
        lexicon = self.gazetteer.lexicon()
        if toponym.source == "border" or hint == "border":
            return self._ref(toponym, self._border(toponym.border_countries, share), PlaceLevel.REGION)
        if hint in {"country", "capital"}:
            code = lexicon.country_code(text.split()[0]) or lexicon.country_code(" ".join(text.split()[:-1]))
            if code is None:
                return self._ref(toponym, None)
            place = self.gazetteer.country(code) if hint == "country" else self.gazetteer.capital(code)
            return self._ref(toponym, place)
        words = [
            w
            for w in re.sub(r"[’']s\b", "", text).split()
            if w.lower() not in {"the", "rural", "countryside", "of"}
        ]
        direction = _direction(words[0]) if words else None
        base_name = " ".join(words[1:] if direction and len(words) > 1 else words)
        base = self._best(toponym, self.gazetteer.lookup(base_name), share, []) if base_name else None
        if hint == "countryside":
            named = [
                m for m in self.gazetteer.lookup(text.removeprefix("the ")) if m.place.feature_code == "ADM1"
            ]
            if named:
                return self._ref(toponym, self._best(toponym, named, share, []), PlaceLevel.ADMIN1)
            division = self.gazetteer.admin1_of(base) if base else None
            if division is not None:
                return self._ref(toponym, division, PlaceLevel.ADMIN1)
            return self._ref(toponym, base, PlaceLevel.DISTRICT if base else None)
        if base is None:
            return self._ref(toponym, None)
        if base.feature_code == "PCLI" and direction:
            return self._ref(toponym, self._toward(base, direction, text), PlaceLevel.REGION)
        if base.feature_class == "P":
            return self._ref(toponym, base, PlaceLevel.DISTRICT)
        return self._ref(toponym, base)

    def _border(self, codes: Sequence[str], share: dict[str, float]) -> Place | None:
        if len(codes) >= 2:
            return self.gazetteer.border(codes[0], codes[1])
        if not codes:
            return None
        # "the Lebanese border": the other side is the neighbour the article is about.
        neighbours = [n for n in self.gazetteer.neighbours(codes[0]) if share.get(n, 0.0) > 0]
        if not neighbours:
            return None
        other = max(neighbours, key=lambda n: (share[n], n))
        return self.gazetteer.border(codes[0], other)

    def _toward(self, country: Place, direction: str, label: str) -> Place:
        """A point inside the country, moved from its centre toward one side ("northern Syria")."""
        dx, dy = DIRECTION_VECTORS[direction]
        box = self.gazetteer.country_bbox(country.country_code or "")
        lat, lon = country.lat, country.lon
        if box is not None and (dx or dy):
            min_lat, min_lon, max_lat, max_lon = box
            for factor in (0.5, 0.25):
                cand_lat = lat + factor * dy * ((max_lat - lat) if dy > 0 else (lat - min_lat))
                cand_lon = lon + factor * dx * ((max_lon - lon) if dx > 0 else (lon - min_lon))
                if self.gazetteer.country_at(cand_lat, cand_lon) == country.country_code:
                    lat, lon = cand_lat, cand_lon
                    break
        return Place(
            gazetteer_id=f"region:{country.country_code}:{direction}",
            name=label,
            lat=lat,
            lon=lon,
            feature_class="L",
            feature_code="RGN",
            country_code=country.country_code,
        )
