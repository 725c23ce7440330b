"""Name look-ups: abbreviated words ("Mt.", "St.") and US counties named without "County"."""

from __future__ import annotations

from eventscope.models import Evidence, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.index import BARE
from eventscope.resolve.geo.names import fold, spelled_out
from eventscope.resolve.geo.resolver import Geocoder


def test_spelled_out_swaps_abbreviated_words() -> None:
    assert spelled_out(fold("Mt. Pleasant")) == "mount pleasant"
    assert spelled_out(fold("Ft. Worth")) == "fort worth"
    assert spelled_out(fold("Saint Louis")) == "st louis"
    assert spelled_out(fold("Pleasant Hill")) is None


def test_an_abbreviated_name_finds_the_places_spelled_out(gazetteer: Gazetteer) -> None:
    # Only when no place bears the name as written; matched as an alternate spelling.
    matches = gazetteer.lookup("St. Marc")
    assert any(m.place.country_code == "HT" and m.kind == 1 for m in matches)
    # GeoNames spells "St. Louis" so: the namesakes spelled "Saint Louis" are not added beside it.
    louis = {m.place.gazetteer_id for m in gazetteer.lookup("St. Louis")}
    saint = {m.place.gazetteer_id for m in gazetteer.lookup("Saint Louis")}
    assert any(m.kind == 0 and m.place.admin1 == "Missouri" for m in gazetteer.lookup("St. Louis"))
    assert saint - louis


def test_a_county_named_without_county_is_a_candidate_for_resolution_only(gazetteer: Gazetteer) -> None:
    bare = [m for m in gazetteer.lookup("Gwinnett") if m.kind == BARE]
    assert [(m.place.name, m.place.admin1) for m in bare] == [("Gwinnett County", "Georgia")]
    # No town is called Gwinnett: for recognition the word is not a place name.
    assert not gazetteer.is_place_name("Gwinnett")
    assert not gazetteer.is_notable_place("Gwinnett")
    assert gazetteer.is_place_name("Gwinnett County")


def test_bare_county_names_resolve_among_their_state(gazetteer: Gazetteer) -> None:
    text = "Voters in Clarke and Oconee went to the polls in Athens and Watkinsville."
    toponyms = []
    for phrase in ("Clarke", "Oconee", "Athens", "Watkinsville"):
        start = text.index(phrase)
        toponyms.append(Toponym(Evidence("a", start, start + len(phrase), phrase), "gold"))
    refs = Geocoder(gazetteer).resolve(toponyms, article_text=text)
    places = [refs[(t.evidence.start, t.evidence.end)].place for t in toponyms]
    assert all(p is not None and p.admin1 == "Georgia" for p in places)
    assert places[0] is not None and places[0].name == "Clarke County"


def test_a_town_bearing_the_name_officially_still_ranks_before_the_bare_county(gazetteer: Gazetteer) -> None:
    text = "He moved to Houston last year."
    start = text.index("Houston")
    ref = Geocoder(gazetteer).resolve(
        [Toponym(Evidence("a", start, start + 7, "Houston"), "gold")], article_text=text
    )[(start, start + 7)]
    assert ref.place is not None and ref.place.feature_class == "P" and ref.place.admin1 == "Texas"


def test_co_is_county_when_nothing_bears_the_name_as_written(gazetteer: Gazetteer) -> None:
    assert spelled_out(fold("Loudon Co.")) == "loudon county"
    assert any(m.place.name == "Loudon County" for m in gazetteer.lookup("Loudon Co."))


def test_a_township_stands_for_the_town_it_is_named_after(gazetteer: Gazetteer) -> None:
    text = "Trustees of Hamilton Township in Warren County, Ohio, met on Monday."
    toponyms = []
    for phrase in ("Hamilton Township", "Warren County", "Ohio"):
        start = text.index(phrase)
        toponyms.append(Toponym(Evidence("a", start, start + len(phrase), phrase), "gold"))
    assert not gazetteer.lookup("Hamilton Township")  # GeoNames' populated places hold no townships
    refs = Geocoder(gazetteer).resolve(toponyms, article_text=text)
    place = refs[(toponyms[0].evidence.start, toponyms[0].evidence.end)].place
    assert place is not None and place.name == "Hamilton" and place.admin1 == "Ohio"
