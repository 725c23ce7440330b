"""Round-6 geocoding rules (session 5), each on our own sentences.

Recognition: an organisation named after a place gives the place ("Springfield City Schools"), a town
opening such a name is not taken for a compass side of another ("West Columbia City Council"), initials
are a place only as a division's or a big city's short name ("D.A." is no hamlet called Da), a compass
word alone after a comma is no admin hint. Resolution: "U.S" cut short by the sentence's period, "X City"
as the town X, the place a side-of phrase is built on ranked with the article's context and counted as
context itself, and "rural X" around a town that is not its division's seat.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventscope.extract.toponyms import find_toponyms
from eventscope.models import Evidence, PlaceLevel, PlaceRef, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.resolver import Geocoder
from tests.labelled_docs import labelled


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def names(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    return [t.evidence.text for t in find_toponyms(doc, "a", gazetteer.is_place_name)]


def mention(
    text: str, phrase: str, feature_hint: str | None = None, admin_hint: str | None = None
) -> Toponym:
    start = text.index(phrase)
    return Toponym(Evidence("a", start, start + len(phrase), phrase), "test", feature_hint, admin_hint)


def resolve(geocoder: Geocoder, text: str, *toponyms: Toponym) -> list[PlaceRef]:
    refs = geocoder.resolve(toponyms, article_text=text)
    return [refs[(t.evidence.start, t.evidence.end)] for t in toponyms]


# recognition -------------------------------------------------------------------------------------------


def test_an_organisation_named_after_a_town_gives_the_town(blank: Language, gazetteer: Gazetteer) -> None:
    text = "The Lamar County Victim Witness Coordinator asked for funds."
    doc = labelled(blank, text, [("Lamar County Victim Witness Coordinator", "GPE")])
    assert names(doc, gazetteer) == ["Lamar County"]


def test_a_town_opening_a_council_is_no_compass_side(blank: Language, gazetteer: Gazetteer) -> None:
    text = "West Columbia City Council calls a special meeting."
    doc = labelled(blank, text, [("West Columbia City Council", "GPE")])
    assert names(doc, gazetteer)[0].startswith("West Columbia")


def test_initials_are_no_hamlet(gazetteer: Gazetteer) -> None:
    assert not gazetteer.is_place_name("D.A.")  # the district attorney, not a town called Da
    assert [m.place.name for m in gazetteer.lookup("N.D.")] == ["North Dakota"]
    assert "Los Angeles" in [m.place.name for m in gazetteer.lookup("L.A.")]


def test_a_compass_word_after_a_comma_is_no_admin_hint(blank: Language, gazetteer: Gazetteer) -> None:
    text = "A purse was snatched in Kansas City, North of the river."
    doc = labelled(blank, text, [("Kansas City", "GPE"), ("North", "LOC")])
    kansas = [t for t in find_toponyms(doc, "a", gazetteer.is_place_name) if t.evidence.text == "Kansas City"]
    assert kansas and kansas[0].admin_hint is None


# resolution --------------------------------------------------------------------------------------------


def test_an_abbreviation_cut_by_the_sentence_period(geocoder: Geocoder) -> None:
    text = "The plane was built in the U.S. It flew to the U.S"
    (us,) = resolve(geocoder, text, Toponym(Evidence("a", len(text) - 3, len(text), "U.S"), "test"))
    assert us.place is not None and us.place.feature_code == "PCLI" and us.place.country_code == "US"


def test_x_city_is_the_town_x(geocoder: Geocoder) -> None:
    text = "San Fernando City Councilwoman Nury Martinez won a seat as Los Angeles officials counted ballots."
    fernando, la = resolve(geocoder, text, mention(text, "San Fernando City"), mention(text, "Los Angeles"))
    assert fernando.place is not None and fernando.place.country_code == "US"
    assert la.place is not None and la.place.country_code == "US"


def test_a_side_of_a_division_is_context(geocoder: Geocoder) -> None:
    text = "Paris is a town in Northeast Texas. Paris had rain."
    paris, texas, again = resolve(
        geocoder,
        text,
        mention(text, "Paris"),
        mention(text, "Northeast Texas", feature_hint="region"),
        Toponym(Evidence("a", text.rindex("Paris"), text.rindex("Paris") + 5, "Paris"), "test"),
    )
    assert texas.place is not None and texas.place.name == "Texas"
    for ref in (paris, again):
        assert ref.place is not None and ref.place.admin1 == "Texas", ref.place


def test_the_base_of_a_side_phrase_is_ranked_in_context(geocoder: Geocoder) -> None:
    text = "Storms hit Sanford and Orlando; north Seminole County lost power."
    _, _, seminole = resolve(
        geocoder,
        text,
        mention(text, "Sanford"),
        mention(text, "Orlando"),
        mention(text, "north Seminole County", feature_hint="region"),
    )
    assert seminole.place is not None and seminole.place.admin1 == "Florida", seminole.place


def test_rural_town_is_near_the_town_and_rural_seat_the_province(geocoder: Geocoder) -> None:
    text = "A fire in rural Paris, Texas, and shelling in rural Aleppo."
    paris, aleppo = resolve(
        geocoder,
        text,
        mention(text, "rural Paris", feature_hint="countryside", admin_hint="Texas"),
        mention(text, "rural Aleppo", feature_hint="countryside"),
    )
    assert paris.place is not None and paris.place.feature_class == "P" and paris.level == PlaceLevel.DISTRICT
    assert (
        aleppo.place is not None and aleppo.place.feature_code == "ADM1" and aleppo.level == PlaceLevel.ADMIN1
    )


def test_a_military_installation_is_a_point(geocoder: Geocoder) -> None:
    text = "The scientist worked at Fort Detrick before Russian jets flew from Hmeimim Air Base."
    detrick, hmeimim = resolve(
        geocoder, text, mention(text, "Fort Detrick"), mention(text, "Hmeimim Air Base")
    )
    assert detrick.place is not None and detrick.place.country_code == "US"
    assert detrick.place.feature_code == "INSM" and detrick.level == PlaceLevel.TOWN
    assert hmeimim.place is not None and hmeimim.place.country_code == "SY"


def test_a_place_opening_a_newspapers_name_is_the_paper(blank: Language, gazetteer: Gazetteer) -> None:
    text = "Mr. Kemp told the New York Times that the attacks hit Florida."
    doc = labelled(blank, text, [("New York Times", "ORG"), ("Florida", "GPE")])
    assert names(doc, gazetteer) == ["Florida"]


def test_a_side_phrase_that_is_a_regions_own_name(geocoder: Geocoder) -> None:
    text = "The worst crime in central America this year; fighting in south Sudan and in Northern Ireland."
    central, south, northern = resolve(
        geocoder,
        text,
        mention(text, "central America", feature_hint="region"),
        mention(text, "south Sudan", feature_hint="region"),
        mention(text, "Northern Ireland", feature_hint="region"),
    )
    assert central.place is not None and central.place.name == "Central America"  # not the middle of the US
    assert south.place is not None and south.place.country_code == "SD"  # a side of Sudan, as before 2011
    assert northern.place is not None and northern.place.country_code == "GB"


def test_a_month_abbreviation_is_no_place(blank: Language, gazetteer: Gazetteer) -> None:
    text = "On Jul 23rd 2019, a protest was held in Isiolo town."
    doc = labelled(blank, text, [("Isiolo", "GPE")])
    assert "Jul" not in names(doc, gazetteer)


def test_a_town_the_model_calls_a_people_before_a_noun(blank: Language, gazetteer: Gazetteer) -> None:
    text = "Mombasa traders protest the demolition of their kiosks."
    doc = labelled(blank, text, [("Mombasa", "NORP")])
    doc[1].pos_ = "NOUN"
    assert names(doc, gazetteer) == ["Mombasa"]


def test_a_bare_name_of_a_division_and_its_town_is_the_town(geocoder: Geocoder) -> None:
    text = "Al Shabaab fighters attacked a school in Wajir."
    (wajir,) = resolve(geocoder, text, mention(text, "Wajir"))
    assert wajir.place is not None and wajir.place.feature_class == "P" and wajir.level == PlaceLevel.TOWN


def test_a_particle_or_generic_word_alone_is_no_place(blank: Language, gazetteer: Gazetteer) -> None:
    text = "Al Shabaab militants hit the Airport road in Wajir."
    doc = labelled(blank, text, [("Al Shabaab", "ORG"), ("Airport", "FAC"), ("Wajir", "GPE")])
    assert names(doc, gazetteer) == ["Wajir"]
