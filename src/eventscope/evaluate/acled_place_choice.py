"""Which of a note's places ACLED would code as its event's location.

ACLED's codebook codes an event at the most specific location its sources give. The product's rule
(:func:`eventscope.merge.compare.main_place`) takes the main mention's first site; when that place only
stands for a province (an admin1 unit, or a town that shares its province's name and may be read for
either: "in Migori", "Baringo health workers") and the note names a town inside that province, ACLED's
location is that town ("In Migori, youths invaded a rally in Sori town": Sori).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from eventscope.evaluate.metrics import event_place
from eventscope.models import Mention, PlaceLevel, PlaceRef, PlaceRole

_COARSE = frozenset({PlaceLevel.DISTRICT, PlaceLevel.ADMIN1})
_LOCAL = frozenset({PlaceLevel.TOWN, PlaceLevel.DISTRICT, PlaceLevel.ADMIN1})


def acled_place(main: Mention, mentions: Sequence[Mention]) -> PlaceRef | None:
    """The main event's place (the product's rule), or the note's one town inside it when that place
    only stands for a province; the note's other mentions give the place when the main one has none."""
    ref = event_place(main)
    if ref is None or ref.place is None:  # the note's other mentions often name the place
        ref = next((r for m in mentions if (r := event_place(m)) is not None and r.place is not None), ref)
    if ref is not None and ref.place is not None:
        ref = _at_home(ref, main, mentions)
    if ref is None or ref.place is None or not stands_for_province(ref):
        return ref
    inner = {
        c.place.gazetteer_id: c
        for c in _places(main, mentions)
        if c.place is not None and _inside(c, ref) and not stands_for_province(c)
    }
    return next(iter(inner.values())) if len(inner) == 1 else ref


def home_country(mentions: Sequence[Mention]) -> str | None:
    """The country most of the note's resolved places below the country lie in; None on a tie."""
    votes = Counter(
        p.place.country_code
        for m in mentions
        for p in m.places
        if p.place is not None and p.place.country_code and p.level in _LOCAL
    )
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _at_home(ref: PlaceRef, main: Mention, mentions: Sequence[Mention]) -> PlaceRef:
    """A place abroad gives way to one of the event's places in the note's home country: where most of
    the note's places lie, a lone place elsewhere is more likely a word misread as a town there."""
    home = home_country(mentions)
    if ref.place is None or ref.level not in _LOCAL or home is None or ref.place.country_code == home:
        return ref
    return next(
        (
            c
            for c in _places(main, mentions)
            if c.place is not None and c.level in _LOCAL and c.place.country_code == home
        ),
        ref,
    )


def stands_for_province(ref: PlaceRef) -> bool:
    """An admin unit, or a town named as the province it lies in (which the name may mean instead)."""
    place = ref.place
    if place is None:
        return False
    return ref.level in _COARSE or (
        ref.level == PlaceLevel.TOWN and place.admin1 is not None and _same_name(place.name, place.admin1)
    )


def _places(main: Mention, mentions: Sequence[Mention]) -> list[PlaceRef]:
    """The main mention's places, then the sites of the note's other mentions (not where people came
    from or went: "took the bodies to X hospital")."""
    others = (p for m in mentions if m is not main for p in m.places if p.role == PlaceRole.SITE)
    return [*main.places, *others]


def _inside(candidate: PlaceRef, coarse: PlaceRef) -> bool:
    inner, outer = candidate.place, coarse.place
    if inner is None or outer is None or inner.gazetteer_id == outer.gazetteer_id:
        return False
    if candidate.level != PlaceLevel.TOWN or inner.country_code != outer.country_code:
        return False
    return inner.admin1 is not None and inner.admin1 == outer.admin1


def _same_name(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return "".join(ch for ch in s.lower() if ch.isalnum())

    return key(a) == key(b)
