"""The article's place for a mention that names none: a short report names the town once ("A man was shot
dead on Sunday. ... in Wajir"), and an event with no place is of little use on a map. The fallback is
marked (role NEAR, ``PlaceRef.note``) so that nothing is guessed silently, and the merge does not take it
as evidence that two reports tell of one happening (:func:`is_article_place`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from eventscope.models import Mention, PlaceLevel, PlaceRef, PlaceRole

# Places precise enough to stand for where an article's events happened when a mention names none.
_ARTICLE_PLACE_LEVELS = frozenset({PlaceLevel.TOWN, PlaceLevel.DISTRICT, PlaceLevel.ADMIN1})
ARTICLE_PLACE_NOTE = "the article's only place: the text gives this event none of its own"


def at_the_articles_place(mentions: Sequence[Mention], refs: Iterable[PlaceRef]) -> list[Mention]:
    """A mention that names no place of its own happened, as far as the article tells, near the one
    place below the country the article names (a short report: "A man was shot dead on Sunday. ...
    in Wajir"): that place is added with role NEAR (ACLED geo_precision 2 at best), the note saying why.
    Nothing is added when the article names several such places: which one is not told."""
    found: dict[str, PlaceRef] = {}
    for ref in refs:
        if ref.place is not None and ref.level in _ARTICLE_PLACE_LEVELS:
            found.setdefault(ref.place.gazetteer_id, ref)
    if len(found) != 1:
        return list(mentions)
    (only,) = found.values()
    near = replace(only, role=PlaceRole.NEAR, note=ARTICLE_PLACE_NOTE)
    return [
        m if any(p.place is not None for p in m.places) else replace(m, places=(*m.places, near))
        for m in mentions
    ]


def is_article_place(ref: PlaceRef) -> bool:
    """Whether a mention's place is the article's fallback place, not one its own text gives."""
    return ref.note == ARTICLE_PLACE_NOTE
