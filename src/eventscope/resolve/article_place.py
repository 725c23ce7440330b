"""The article's place for a mention that names none: a short report names the town once ("A man was shot
dead on Sunday. ... in Wajir"), and an event with no place is of little use on a map. The fallback is
marked (role NEAR, ``PlaceRef.note``) so that nothing is guessed silently, and the merge does not take it
as evidence that two reports tell of one happening (:func:`is_article_place`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from eventscope.models import LEVEL_ORDER, Mention, Place, PlaceLevel, PlaceRef, PlaceRole

# Places precise enough to stand for where an article's events happened when a mention names none.
_ARTICLE_PLACE_LEVELS = frozenset({PlaceLevel.TOWN, PlaceLevel.DISTRICT, PlaceLevel.ADMIN1})
ARTICLE_PLACE_NOTE = "the article's only place: the text gives this event none of its own"
# the same fallback for a mention whose own place the gazetteer lacks ("in the Boni Forest"): said as it is
UNKNOWN_OWN_PLACE_NOTE = "the article's only place: this event's own place is not in the gazetteer"


def at_the_articles_place(mentions: Sequence[Mention], refs: Iterable[PlaceRef]) -> list[Mention]:
    """A mention that names no place of its own happened, as far as the article tells, near the one
    place below the country the article names (a short report: "A man was shot dead on Sunday. ...
    in Wajir"): that place is added with role NEAR (ACLED geo_precision 2 at best), the note saying why.
    Places that hold one another count as one, the innermost ("Kitale, Trans Nzoia county": Kitale).
    Nothing is added when the article names several places apart: which one is not told."""
    found: dict[str, PlaceRef] = {}
    for ref in refs:
        if ref.place is not None and ref.level in _ARTICLE_PLACE_LEVELS:
            found.setdefault(ref.place.gazetteer_id, ref)
    only = innermost(list(found.values()))
    if only is None:
        return list(mentions)
    return [m if any(p.place is not None for p in m.places) else _near(m, only) for m in mentions]


def _near(mention: Mention, only: PlaceRef) -> Mention:
    """The article's place added to a mention with none resolved, the note saying which case it is."""
    note = UNKNOWN_OWN_PLACE_NOTE if mention.places else ARTICLE_PLACE_NOTE
    return replace(mention, places=(*mention.places, replace(only, role=PlaceRole.NEAR, note=note)))


def is_article_place(ref: PlaceRef) -> bool:
    """Whether a mention's place is the article's fallback place, not one its own text gives."""
    return ref.note in (ARTICLE_PLACE_NOTE, UNKNOWN_OWN_PLACE_NOTE)


def innermost(refs: Sequence[PlaceRef]) -> PlaceRef | None:
    """The one place that every other place of ``refs`` contains (a town and the county or province
    it lies in), or the only place; None when there is none, or when two places lie apart."""
    if not refs:
        return None
    finest = min(refs, key=lambda r: (LEVEL_ORDER[_level(r)], LEVEL_ORDER[r.level]))
    if finest.place is None:
        return None
    inner = finest.place
    for ref in refs:
        if ref is finest:
            continue
        level = _level(ref)
        same = ref.level == finest.level and level == _level(finest)
        if ref.place is None or same or not _contains(level, ref.place, inner):
            return None
    return finest


def _level(ref: PlaceRef) -> PlaceLevel:
    """The level a place stands at among others: a town that bears its province's name stands for the
    province too ("in Kafr Nabl, Idlib", "Maarat ... in Idlib": the town and the governorate share the name),
    so it holds the towns of that province."""
    return PlaceLevel.ADMIN1 if named_as_province(ref) else ref.level


def named_as_province(ref: PlaceRef) -> bool:
    """A town that bears the name of the province it lies in ("Idlib" in Idlib; spaces and punctuation
    aside: "Hanoi" is the town of "Ha Noi")."""
    place = ref.place
    return (
        place is not None
        and ref.level == PlaceLevel.TOWN
        and place.admin1 is not None
        and _key(place.name) == _key(place.admin1)
    )


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _contains(level: PlaceLevel, outer: Place, inner: Place) -> bool:
    """Whether an admin unit holds a finer place, by the admin names the gazetteer gives both."""
    if outer.country_code != inner.country_code or outer.admin1 is None or outer.admin1 != inner.admin1:
        return False
    if level == PlaceLevel.ADMIN1:
        return True
    return level == PlaceLevel.DISTRICT and outer.admin2 is not None and outer.admin2 == inner.admin2
