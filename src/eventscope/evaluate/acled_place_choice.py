"""Which of a note's places ACLED would code as its event's location.

ACLED's codebook codes an event at the most specific location its sources give. The product's rule
(:func:`eventscope.merge.places.main_place`) takes the main mention's first site; when that place only
stands for a province (an admin1 unit, or a town that shares its province's name and may be read for
either: "in Migori", "Baringo health workers") and the note names a town inside that province, ACLED's
location is that town ("In Migori, youths invaded a rally in Sori town": Sori).

A note is one event, so the rest of the note helps (each rule a general reading of how notes name
places, measured on acled-kenya; see the report of issue #4):

- a note whose events name only where people came from or went is placed there, not nowhere;
- a country or a region gives way to a place below it that the note names (the most specific location);
  a whole country abroad, none of whose places is named, to the note's own place;
- a place abroad gives way to the note's home country (where most of its places lie; a place named by
  another of its names, a local word read as a far city's variant spelling, counts half);
- a place named only as part of another name (a road, a person's office, an armed group, an
  organisation: :mod:`eventscope.evaluate.acled_place_words`) gives way to another place of the note;
- a place the note puts inside another ("X, Y", "X village in Y", "Y's X") but read abroad is Y's
  namesake of a place the gazetteer does not know: the event is near Y.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_place_words import encloses, qualifies_a_name
from eventscope.evaluate.metrics import event_place
from eventscope.models import Mention, PlaceLevel, PlaceRef, PlaceRole
from eventscope.resolve.article_place import named_as_province
from eventscope.resolve.geo.names import fold

_COARSE = frozenset({PlaceLevel.DISTRICT, PlaceLevel.ADMIN1})
_LOCAL = frozenset({PlaceLevel.TOWN, PlaceLevel.DISTRICT, PlaceLevel.ADMIN1})
_WIDE = frozenset({PlaceLevel.REGION, PlaceLevel.COUNTRY})
_FINE = frozenset({PlaceLevel.TOWN, PlaceLevel.DISTRICT})


def acled_place(main: Mention, mentions: Sequence[Mention], text: str = "") -> PlaceRef | None:
    """The main event's place (the product's rule), or the note's one town inside it when that place
    only stands for a province; the note's other mentions give the place when the main one has none.
    ``text``: the note the places' evidence points into (to see a place named as part of another
    name: :func:`qualifies_a_name`)."""
    ref = event_place(main)
    if ref is None or ref.place is None:  # the note's other mentions often name the place
        ref = next((r for m in mentions if (r := event_place(m)) is not None and r.place is not None), ref)
    if ref is None or ref.place is None:
        # a note is one event: where its people came from or went is still where the note is about
        # ("barred people from attending a rally at X"), and nearer the event than nothing
        ref = next((r for m in (main, *mentions) for r in m.places if r.place is not None), ref)
    if ref is not None and ref.place is not None:
        ref = _at_home(_finer(ref, main, mentions), main, mentions)
        ref = _in_its_encloser(_not_a_name(ref, main, mentions, text), main, mentions, text)
    if ref is None or ref.place is None or not stands_for_province(ref):
        return ref
    inner = {
        c.place.gazetteer_id: c
        for c in _places(main, mentions)
        if c.place is not None
        and _inside(c, ref)
        and not named_as_province(c)
        and not qualifies_a_name(c, text)
    }
    return next(iter(inner.values())) if len(inner) == 1 else ref


def _not_a_name(ref: PlaceRef, main: Mention, mentions: Sequence[Mention], text: str) -> PlaceRef:
    """A place named only as part of another name (a road, a person's office, an organisation:
    :func:`qualifies_a_name`) gives way to the note's first place in its country that is not."""
    if ref.place is None or not qualifies_a_name(ref, text):
        return ref
    place = ref.place
    named = [
        p
        for m in mentions
        for p in m.places
        if p.place is not None and p.place.gazetteer_id == place.gazetteer_id
    ]
    if any(not qualifies_a_name(p, text) for p in named):
        return ref  # the note also names the place as a place ("students at X campus ... the X-Y highway")
    others = [
        c
        for c in _places(main, mentions)
        if c.place is not None
        and c.level in _LOCAL
        and c.place.gazetteer_id != place.gazetteer_id
        and not qualifies_a_name(c, text)
    ]
    # one in the same country first: a name misread as a place abroad is no better than the other
    same = [c for c in others if c.place is not None and c.place.country_code == place.country_code]
    return next(iter(same or others), ref)


def _in_its_encloser(ref: PlaceRef, main: Mention, mentions: Sequence[Mention], text: str) -> PlaceRef:
    """A place the note puts inside another ("X, Y", "X in Y", "Y's X") that the gazetteer read in
    another country than Y is a namesake abroad of a place it does not know: the event is at Y
    (near it: ACLED geo_precision 2)."""
    if ref.place is None or not text:
        return ref
    for c in _all_places(main, mentions):
        if c.place is None or c.level not in _LOCAL or c.place.country_code == ref.place.country_code:
            continue
        if encloses(c, ref, text):
            return replace(c, role=PlaceRole.NEAR)
    return ref


def _finer(ref: PlaceRef, main: Mention, mentions: Sequence[Mention]) -> PlaceRef:
    """A country or a region spanning provinces gives way to the note's first place inside it that is a
    province or finer: ACLED codes the most specific location its source gives ("riots broke out
    across the country ... in X town specifically": X)."""
    if ref.place is None or ref.level not in _WIDE:
        return ref
    country = ref.place.country_code
    local = [c for c in _all_places(main, mentions) if c.place is not None and c.level in _LOCAL]
    same = [c for c in local if c.place is not None and c.place.country_code == country]
    # a whole country abroad, with none of its places named, is where people came from or went ("militia
    # from <country> attacked X", "arrested in X on their way to <country>"): the note's place is X
    return next(iter(same or local), ref)


def home_country(mentions: Sequence[Mention]) -> str | None:
    """The country most of the note's resolved places below the country lie in; None on a tie. A place
    the text names by its own name counts twice one found through another of its names: a local word
    that happens to be a variant spelling of a far city is how a place at home is misread abroad."""
    votes: Counter[str] = Counter()
    for m in mentions:
        for p in m.places:
            if p.place is not None and p.place.country_code and p.level in _LOCAL:
                votes[p.place.country_code] += 2 if by_own_name(p) else 1
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def by_own_name(ref: PlaceRef) -> bool:
    """Whether the text names the place by its own (gazetteer) name, not by one of its other names."""
    return ref.place is not None and fold(ref.evidence.text) == fold(ref.place.name)


def _at_home(ref: PlaceRef, main: Mention, mentions: Sequence[Mention]) -> PlaceRef:
    """A place abroad gives way to one of the event's places in the note's home country: where most of
    the note's places lie, a lone place elsewhere is more likely a word misread as a town there."""
    home = home_country(mentions)
    if ref.place is None or ref.level not in _LOCAL or home is None or ref.place.country_code == home:
        return ref
    return next(
        (
            c
            for c in _all_places(main, mentions)
            if c.place is not None and c.level in _LOCAL and c.place.country_code == home
        ),
        ref,
    )


def _all_places(main: Mention, mentions: Sequence[Mention]) -> list[PlaceRef]:
    """The event's places (:func:`_places`), then every other place the note's events name, whatever
    its role: better where people came from or went, in the note's own country, than a misreading."""
    return [*_places(main, mentions), *(p for m in (main, *mentions) for p in m.places)]


def stands_for_province(ref: PlaceRef) -> bool:
    """An admin unit, or a town named as the province it lies in (which the name may mean instead)."""
    place = ref.place
    if place is None:
        return False
    return ref.level in _COARSE or named_as_province(ref)


def _places(main: Mention, mentions: Sequence[Mention]) -> list[PlaceRef]:
    """The main mention's places, then the sites of the note's other mentions (not where people came
    from or went: "took the bodies to X hospital")."""
    others = (p for m in mentions if m is not main for p in m.places if p.role == PlaceRole.SITE)
    return [*main.places, *others]


def _inside(candidate: PlaceRef, coarse: PlaceRef) -> bool:
    inner, outer = candidate.place, coarse.place
    if inner is None or outer is None or inner.gazetteer_id == outer.gazetteer_id:
        return False
    if candidate.level not in _FINE or inner.country_code != outer.country_code:
        return False
    return inner.admin1 is not None and inner.admin1 == outer.admin1
