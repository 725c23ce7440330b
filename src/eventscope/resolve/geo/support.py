"""Readings of a name that the article does not support: a namesake abroad standing in for a natural feature
("the Mau Valley" in a Kenyan story is no valley by Mau, India), and a town abroad reached only through
another spelling of its name ("Boni" is one of Bonn's alternate names).

The article supports a country when it names the country or its people, or when one of its *other* names
lies only there. Another name's best reading is no support: a stray word read as a town ("boda boda", the
motorbike taxis, is Boda in the Central African Republic) must not push a Kenyan town out of Kenya. A
reading in an unsupported country is questioned only when the article supports some other country: with
no context at all, nothing says the place is elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventscope.extract.toponym_cues import FEATURE_AFTER, names_a_feature
from eventscope.models import Place, Toponym
from eventscope.resolve.geo.candidates import NameEntry
from eventscope.resolve.geo.names import fold, spelled_out

ALTERNATE = 1  # NameMatch.kind of a place reached only by one of its other names
# Towns whose other names are the ones the news uses ("Kiev", "New Delhi" for Delhi): capitals.
TRUSTED_CODES = frozenset({"PPLC"})


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A reading the article does not support, and the countries it does (where to look instead)."""

    countries: frozenset[str]


class Support:
    """The countries an article supports, as each of its names sees them (a name is no support for
    itself), and the test of a name's reading against them."""

    def __init__(
        self,
        scanned: Iterable[str],
        entries: Iterable[NameEntry],
        neighbours: Callable[[str], tuple[str, ...]],
    ) -> None:
        """``scanned``: the countries the text names, or whose people it names; ``entries``: the article's
        names (a stand-in's, "Salinas Valley" -> Salinas, supports nothing: it would support itself);
        ``neighbours``: a country's neighbours (``Gazetteer.neighbours``)."""
        self._scanned = frozenset(scanned)
        self._neighbours = neighbours
        self._by: dict[str, set[str]] = {}  # country -> the names that put the article there
        for name in entries:
            if name.country and not name.named_after:
                self._by.setdefault(name.country, set()).add(name.key)

    def countries(self, key: str) -> frozenset[str]:
        """The countries the article supports apart from what the name ``key`` itself says."""
        return self._scanned | {cc for cc, keys in self._by.items() if keys - {key}}

    def elsewhere(self, name: NameEntry, toponym: Toponym, place: Place) -> Elsewhere | None:
        """None when the article supports ``place`` as the reading of ``name``; else the countries it
        does support. Questioned: a natural feature's namesake town (a stand-in, ``stand_in``, or a
        town before a feature word, "the Mau forest"), and a town reached by a foreign spelling
        (``foreign_spelling``)."""
        # The common case first, inline (it runs for every toponym): the reading's country is the
        # article's, or the article names no country at all.
        cc = place.country_code
        if cc in self._scanned:
            return None
        keys = self._by.get(cc or "")
        if (keys is not None and (len(keys) > 1 or name.key not in keys)) or not (self._scanned or self._by):
            return None
        supported = self.countries(name.key)
        if not supported:
            return None  # only the name itself says where: nothing says the place is elsewhere
        text = toponym.evidence.text
        if name.named_after:
            return None if stand_in(text) else Elsewhere(frozenset())
        if toponym.feature_hint in FEATURE_AFTER and place.feature_class == "P":
            return Elsewhere(frozenset())  # "the Mau forest" is no forest by Mau, India
        if foreign_spelling(name, text, place) and not any(
            cc in supported for cc in self._neighbours(place.country_code or "")
        ):
            return Elsewhere(supported)
        return None


def stand_in(text: str) -> bool:
    """Whether a name the gazetteer lacks may stand near a place of its name abroad: an airport, a camp, a
    city quarter, a former province ("Da Nang International Airport") may; a natural feature ("Mau
    Valley") is the feature, and a town of its name in another country is not where it is."""
    return not names_a_feature(text)


def foreign_spelling(name: NameEntry, text: str, place: Place) -> bool:
    """Whether ``place`` is a town reached only by another spelling of its name: GeoNames' alternate names
    hold every language's ("Boni" is Bonn, "Judah" Jeddah), and the index keeps no language tags.
    Capitals keep theirs ("Kiev"); spellings of our own making are not foreign ("Mt." for "Mount",
    "X City" for X, "Hague" for The Hague)."""
    if place.feature_class != "P" or place.feature_code in TRUSTED_CODES:
        return False
    kinds = [m.kind for m in name.matches if m.place.gazetteer_id == place.gazetteer_id]
    if not kinds or min(kinds) != ALTERNATE:
        return False
    key = fold(text)
    if fold(place.name).removeprefix("the ") == key:
        return False  # "the Hague": the article is outside the name
    return spelled_out(key) is None and not text.casefold().endswith(" city")
