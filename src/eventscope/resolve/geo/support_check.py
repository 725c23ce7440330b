"""Whether a ranked winner is good enough to accept: a weak reading in a country the article does not support.

The ranking always names a winner when a name has candidates. A word that reaches a place only through an
alternate spelling ("Runo" -> Ruhnu, an Estonian hamlet) or as a hamlet abroad wins by default when the
name has no better reading, even in an article whose other places all lie in another country. Such a winner
is not accepted: the name takes its best candidate in a country the article supports, else stays
unresolved (an unresolved place is reported as such; a point thousands of km off is not).

A country is supported when the text names it (or a demonym of it), or when another name lies in it:
a name of that country only, or another name's first-pass winner, each counted only when that reading is
not weak itself (two stray words must not hold each other up). The weak reading stands when its own
country is supported, when it borders a supported one (a town across the border), when it lies within
NEAR_KM of another name's first-pass winner (small towns of one county), and when the article supports
no country at all (no context: nothing to weigh the reading against). A city reached by an alternate
spelling is not weak: a city's other names are known exonyms ("Kiev", "Auschwitz").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from eventscope.models import Place
from eventscope.resolve.geo.candidates import KM_PER_DEGREE, Anchor, Candidate, NameEntry
from eventscope.resolve.geo.names import fold

HAMLET_POPULATION = 1_000  # a populated place smaller than this (or of unknown size) is a hamlet
# A town reached by an alternate spelling only needs support below this size: a city's other names are
# known exonyms ("Kiev", "Auschwitz"); a small town's are often a foreign language's spelling of it.
ALTERNATE_POPULATION = 30_000
NEAR_KM = 300.0  # a weak reading this close to another place of the article is supported by it
# Readings that stand on their own: a country is a country whatever spelling names it ("Burma").
_STRONG_CODES = frozenset({"PCLI"})
_ALTERNATE_KINDS = frozenset({1, 2})  # NameMatch kinds: an alternate spelling, a name without "al-"


def weak(c: Candidate, key: str) -> bool:
    """A reading of the name ``key`` (folded) that needs support: a hamlet, or a place reached only by an
    alternate spelling that does not hold the place's own name ("Tana" -> Antananarivo, but not
    "Isiolo County" -> Isiolo; a county's bare name, kind 3, is its own name), a town only below
    ALTERNATE_POPULATION. Cheap tests first: every winner of an article without country context is asked."""
    place, kind = c.match.place, c.match.kind
    if c.populated:
        if place.population >= ALTERNATE_POPULATION:
            return False
        if place.population < HAMLET_POPULATION:
            return True
    elif kind not in _ALTERNATE_KINDS or place.feature_code in _STRONG_CODES:
        return False  # a division or feature by its own name; a country by any ("Burma")
    elif place.gazetteer_id.startswith("region:"):
        return False
    return kind in _ALTERNATE_KINDS and not set(fold(place.name).split()) <= set(key.split())


def candidate_of_place(candidates: Sequence[Candidate], place: Place) -> Candidate | None:
    """The candidate whose place the ranking returned."""
    for c in candidates:
        if c.match.place is place:
            return c
    gid = place.gazetteer_id
    return next((c for c in candidates if c.gid == gid), None)


class Support:
    """What supports each country in one article: the country scan of its text, and per name (folded) the
    country it lies in when it names one country only and that of its first-pass winner, when these
    readings are not weak (two stray words must not hold each other up). Computed on first use: most
    winners lie in a country the text names."""

    __slots__ = ("scanned", "neighbours", "_names", "_first", "_per_key", "_count")

    def __init__(
        self,
        scanned: Iterable[str],
        names: Mapping[int, NameEntry],
        first: Mapping[int, Place | None],
        neighbours: Callable[[str], tuple[str, ...]],
    ) -> None:
        self.scanned = frozenset(scanned)
        self.neighbours = neighbours  # a country's land neighbours (Gazetteer.neighbours)
        self._names, self._first = names, first
        self._per_key: dict[str, set[str]] | None = None
        self._count: Counter[str] = Counter()

    def _by_names(self) -> dict[str, set[str]]:
        if self._per_key is None:
            per_key: dict[str, set[str]] = {}
            for i, n in self._names.items():
                mine = per_key.setdefault(n.key, set())
                if n.country and not all(weak(c, n.key) for c in n.candidates):
                    mine.add(n.country)
                p = self._first.get(i)
                if p is not None and p.country_code and p.country_code not in mine:
                    c = candidate_of_place(n.candidates, p)
                    if c is not None and not weak(c, n.key):
                        mine.add(p.country_code)
            self._per_key = per_key
            self._count = Counter(cc for mine in per_key.values() for cc in mine)
        return self._per_key

    def others(self, key: str) -> set[str]:
        """The countries the article supports for the name ``key``: by its text and its other names."""
        mine = self._by_names().get(key, set())
        return set(self.scanned) | {cc for cc, n in self._count.items() if n > (cc in mine)}


def near_anchor(c: Candidate, anchors: Sequence[Anchor], km: float = NEAR_KM) -> bool:
    """Whether the candidate lies within ``km`` of one of the anchors (equirectangular distance)."""
    place, limit = c.match.place, (km / KM_PER_DEGREE) ** 2
    return any(
        (place.lat - lat) ** 2 + c.scale * (place.lon - lon) ** 2 <= limit for lat, lon, _, _ in anchors
    )


def fallback(
    c: Candidate, name: NameEntry, support: Support, anchors: Sequence[Anchor]
) -> tuple[Candidate, ...] | None:
    """None when the winner ``c`` is accepted; else the candidates to rank instead (those in the
    countries the article supports; none left: the name stays unresolved). ``anchors``: the other names'
    first-pass winners."""
    if c.cc in support.scanned or not weak(c, name.key):
        return None
    supported = support.others(name.key)
    if not supported or c.cc in supported or not supported.isdisjoint(support.neighbours(c.cc)):
        # No context at all, or context for the reading's country or a neighbour of it (a town across
        # the border from the places the article names): it stands.
        return None
    if near_anchor(c, anchors):
        return None  # next to another place of the article (small towns of one county hold each other up)
    return tuple(other for other in name.candidates if other.cc in supported)
