"""A mention that names no place of its own falls back to the article's only place below the country
(resolve/mentions.at_the_articles_place), at "near" precision and with a note saying why; never when the
article names several places, and never over a place the mention has."""

from __future__ import annotations

from eventscope.models import (
    EventType,
    Evidence,
    Mention,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
)
from eventscope.resolve.article_place import (
    ARTICLE_PLACE_NOTE,
    UNKNOWN_OWN_PLACE_NOTE,
    at_the_articles_place,
    is_article_place,
)

TEXT = "A man was shot dead on Sunday. Police said the attack happened in Wajir, near the border with Kenya."
WAJIR = Place("geonames:178443", "Wajir", 1.75, 40.06, "P", "PPL", "KE", "Wajir", None, 90000)
MANDERA = Place("geonames:187585", "Mandera", 3.94, 41.86, "P", "PPL", "KE", "Mandera", None, 87000)
KENYA = Place("country:KE", "Kenya", 1.0, 38.0, "A", "PCLI", "KE")


def _ev(word: str) -> Evidence:
    start = TEXT.index(word)
    return Evidence("a", start, start + len(word), word)


def _ref(word: str, place: Place, level: PlaceLevel) -> PlaceRef:
    return PlaceRef(_ev(word), PlaceRole.SITE, place, level)


def _mention(trigger: str, places: tuple[PlaceRef, ...] = ()) -> Mention:
    return Mention(
        id=trigger,
        article_id="a",
        sentence=_ev(trigger),
        trigger=_ev(trigger),
        type=EventType("ASSAULT", None, "Violence against civilians", "Attack", "18"),
        places=places,
    )


def test_a_mention_without_a_place_is_near_the_articles_only_place() -> None:
    wajir = _ref("Wajir", WAJIR, PlaceLevel.TOWN)
    shot, attack = _mention("shot"), _mention("attack", (wajir,))
    refs = [wajir, _ref("Kenya", KENYA, PlaceLevel.COUNTRY)]  # a country is no place of the event
    placed = at_the_articles_place([shot, attack], refs)
    (added,) = placed[0].places
    assert added.place == WAJIR and added.role is PlaceRole.NEAR and added.note == ARTICLE_PLACE_NOTE
    assert added.evidence == wajir.evidence  # the evidence is the article's own words
    assert is_article_place(added) and not is_article_place(wajir)
    assert placed[1] is attack  # a mention with a place of its own keeps it alone


def test_several_places_leave_it_unplaced() -> None:
    refs = [_ref("Wajir", WAJIR, PlaceLevel.TOWN), _ref("border", MANDERA, PlaceLevel.TOWN)]
    (shot,) = at_the_articles_place([_mention("shot")], refs)
    assert shot.places == ()


def test_a_mention_whose_own_place_is_unknown_says_so_when_it_falls_back() -> None:
    """A mention naming a place the gazetteer lacks ("in the Boni Forest") has a place of its own: the
    article's only place stands in for it, and the note says the event's own place is unknown, not that
    the text gives it none."""
    wajir = _ref("Wajir", WAJIR, PlaceLevel.TOWN)
    unknown = PlaceRef(_ev("man"), PlaceRole.SITE, None, PlaceLevel.UNRESOLVED)
    (shot,) = at_the_articles_place([_mention("shot", (unknown,))], [wajir])
    own, added = shot.places
    assert own is unknown and added.place == WAJIR and added.note == UNKNOWN_OWN_PLACE_NOTE
    assert is_article_place(added)
