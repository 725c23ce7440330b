"""ACLED codes an event known only by its province at the provincial capital (geo_precision 3)."""

from __future__ import annotations

from eventscope.evaluate.acled import predict
from eventscope.models import EventType, Evidence, Mention, Place, PlaceLevel, PlaceRef, PlaceRole
from eventscope.resolve.geo.gazetteer import Gazetteer

PROVINCE = Place("g:2", "Upper Reach", 1.5, 36.0, "A", "ADM1", "KE", "Upper Reach")
SEAT = Place("g:9", "Lowata", 3.1, 35.6, "P", "PPL", "KE", "Upper Reach", population=80_000)
TOWN = Place("g:1", "Semba", 0.4, 36.9, "P", "PPL", "KE", "Upper Reach", population=900)


def _mention(place: Place, level: PlaceLevel) -> Mention:
    return Mention(
        id="m0",
        article_id="a",
        sentence=Evidence("a", 0, 40, "x"),
        trigger=Evidence("a", 1, 5, "shot"),
        type=EventType("ASSAULT", None, "Violence against civilians", "Attack", "18"),
        places=(PlaceRef(Evidence("a", 20, 31, place.name), PlaceRole.SITE, place, level),),
        confidence=0.9,
    )


def test_a_province_only_event_is_placed_at_its_seat() -> None:
    seats = {PROVINCE.gazetteer_id: SEAT}
    p = predict([_mention(PROVINCE, PlaceLevel.ADMIN1)], seat=lambda d: seats.get(d.gazetteer_id))
    assert (p.lat, p.lon, p.geo_precision) == (SEAT.lat, SEAT.lon, 3)
    # without a seat look-up, or when the gazetteer knows no town there, the province's own point
    assert (predict([_mention(PROVINCE, PlaceLevel.ADMIN1)]).lat, p.geo_precision) == (PROVINCE.lat, 3)
    assert predict([_mention(PROVINCE, PlaceLevel.ADMIN1)], seat=lambda d: None).lat == PROVINCE.lat


def test_a_town_keeps_its_own_point() -> None:
    p = predict([_mention(TOWN, PlaceLevel.TOWN)], seat=lambda d: SEAT)
    assert (p.lat, p.lon, p.geo_precision) == (TOWN.lat, TOWN.lon, 1)


def test_the_seat_is_the_divisions_largest_town(gazetteer: Gazetteer) -> None:
    turkana = next(m.place for m in gazetteer.lookup("Turkana") if m.place.feature_code == "ADM1")
    seat = gazetteer.largest_town(turkana)
    assert seat is not None and seat.name == "Lodwar" and seat.admin1 == turkana.name
    assert gazetteer.largest_town(seat) == seat and gazetteer.is_largest_town(seat)
    kakuma = next(m.place for m in gazetteer.lookup("Kakuma") if m.place.country_code == "KE")
    assert gazetteer.largest_town(kakuma) == seat and not gazetteer.is_largest_town(kakuma)
