"""Named natural features ("X Forest", "Lake X", "X Valley") are the feature, never a town called X
somewhere else; and a town abroad reached only by another spelling ("Boni" is an alternate name of Bonn)
is not what a name means in an article about another country.

Recognition tests set entities by hand on a blank pipeline (the small model calls "the Boni Forest" an ORG
and may stop an entity before "Forest"); resolution tests hand the geocoder toponyms; the last test runs
the model and the whole pipeline.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import spacy
from spacy.language import Language

from eventscope.extract.toponym_cues import names_a_feature
from eventscope.extract.toponyms import find_toponyms
from eventscope.models import Evidence, PlaceLevel, PlaceRef, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.resolver import Geocoder
from tests.extraction import analyzed
from tests.labelled_docs import labelled


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _names(gazetteer: Gazetteer, doc: spacy.tokens.Doc) -> dict[str, Toponym]:
    return {t.evidence.text: t for t in find_toponyms(doc, "a", gazetteer.is_place_name)}


def _resolve(
    gazetteer: Gazetteer, text: str, phrases: list[str], admin: dict[str, str] | None = None
) -> list[PlaceRef]:
    toponyms, at = [], 0
    for phrase in phrases:
        start = text.index(phrase, at)
        at = start + len(phrase)
        hint = (admin or {}).get(phrase)
        toponyms.append(Toponym(Evidence("a", start, at, phrase), "gold", admin_hint=hint))
    refs = Geocoder(gazetteer).resolve(toponyms, article_text=text)
    return [refs[(t.evidence.start, t.evidence.end)] for t in toponyms]


# what names a feature --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Boni Forest", True),
        ("Kerio Valley", True),
        ("Cherangani Hills", True),
        ("Lake Naivasha", True),
        ("Mt. Elgon", True),
        ("Davy Crockett National Forest", True),
        ("Boni", False),
        ("Mount Pleasant High School", False),  # named after the town, not a mountain
        ("the Mau forest", False),  # lower case: maybe a forest near a town
    ],
)
def test_what_names_a_natural_feature(text: str, feature: bool) -> None:
    assert names_a_feature(text) is feature


# recognition -------------------------------------------------------------------------------------------


def test_a_forest_the_model_calls_an_organisation_is_the_whole_name(
    blank: Language, gazetteer: Gazetteer
) -> None:
    assert gazetteer.is_notable_place("Boni")  # an alternate name of Bonn: the trap
    doc = labelled(
        blank,
        "Bandits ambushed a convoy in the Boni Forest late on Sunday.",
        [("the Boni Forest", "ORG")],
    )
    names = _names(gazetteer, doc)
    assert "Boni Forest" in names and "Boni" not in names


def test_an_entity_cut_short_before_the_feature_word_takes_it_in(
    blank: Language, gazetteer: Gazetteer
) -> None:
    doc = labelled(
        blank,
        "Cattle raiders struck near the Mau Forest in Nakuru County at dawn.",
        [("Mau", "GPE"), ("Nakuru County", "GPE")],
    )
    names = _names(gazetteer, doc)
    assert "Mau" not in names
    assert names["Mau Forest"].admin_hint == "Nakuru County"  # the unit named beside it is a hint


def test_a_feature_the_gazetteer_lacks_is_kept(blank: Language, gazetteer: Gazetteer) -> None:
    assert not gazetteer.is_place_name("Sambisa Forest") and not gazetteer.is_place_name("Sambisa")
    doc = labelled(blank, "Troops swept through Sambisa Forest for a week.", [("Sambisa Forest", "ORG")])
    assert "Sambisa Forest" in _names(gazetteer, doc)  # unresolved, but on the record


@pytest.mark.parametrize(
    ("text", "entity", "place"),
    [
        ("A spokesman for the Texas Forest Service said so.", "the Texas Forest Service", "Texas"),
        ("She teaches at Mount Pleasant High School.", "Mount Pleasant High School", "Mount Pleasant"),
    ],
)
def test_an_organisation_named_after_a_place_is_not_a_feature(
    blank: Language, gazetteer: Gazetteer, text: str, entity: str, place: str
) -> None:
    names = _names(gazetteer, labelled(blank, text, [(entity, "ORG")]))
    assert set(names) == {place}  # the place the organisation is named after, nothing wider


# resolution ----------------------------------------------------------------------------------------


def test_a_valley_is_not_a_namesake_town_abroad(gazetteer: Gazetteer) -> None:
    assert {m.place.country_code for m in gazetteer.lookup("Mau")} == {"IN"}  # no Kenyan Mau
    text = "Herders fought in the Mau Valley in Nakuru County, Kenya, on Tuesday."
    valley, county, _ = _resolve(
        gazetteer, text, ["Mau Valley", "Nakuru County", "Kenya"], {"Mau Valley": "Nakuru County"}
    )
    assert valley.place is None  # the event falls back to the county
    assert county.place is not None and county.place.country_code == "KE"


def test_a_valley_in_the_articles_country_stands_near_its_town(gazetteer: Gazetteer) -> None:
    text = "Growers in the Salinas Valley of California lost their crop."
    valley, _ = _resolve(gazetteer, text, ["Salinas Valley", "California"])
    assert valley.place is not None and valley.place.name == "Salinas"
    assert valley.level is PlaceLevel.DISTRICT


def test_a_foreign_spelling_of_a_town_abroad_is_not_taken(gazetteer: Gazetteer) -> None:
    assert all(m.kind == 1 for m in gazetteer.lookup("Boni"))  # Bonn and others, by other spellings
    text = "Gunmen attacked a bus near Boni in Lamu County, Kenya, on Monday."
    boni, lamu, _ = _resolve(gazetteer, text, ["Boni", "Lamu County", "Kenya"])
    assert boni.place is None
    assert lamu.place is not None and lamu.place.country_code == "KE"


def test_a_stray_word_read_abroad_is_no_support(gazetteer: Gazetteer) -> None:
    # "boda boda" (motorbike taxis) is also Boda, Central African Republic: no reason to put the Kenyan
    # town, spelled "Amagoro" here and "Amagoru" in GeoNames, anywhere else
    assert {m.place.country_code for m in gazetteer.lookup("Amagoro")} == {"KE"}
    text = "Boda boda riders in Amagoro town blocked the road on Friday."
    _, town = _resolve(gazetteer, text, ["Boda", "Amagoro"])
    assert town.place is not None and town.place.country_code == "KE"


def test_an_exonym_of_a_capital_is_kept(gazetteer: Gazetteer) -> None:
    text = "Officials in Washington said flights to Kiev would resume, the United States said."
    _, kiev, _ = _resolve(gazetteer, text, ["Washington", "Kiev", "United States"])
    assert kiev.place is not None and kiev.place.country_code == "UA"


def test_a_name_without_its_own_article_is_no_foreign_spelling(gazetteer: Gazetteer) -> None:
    text = "Salvadoran officials in San Salvador said the case would go to the Hague court."
    _, hague = _resolve(gazetteer, text, ["San Salvador", "Hague"])
    assert hague.place is not None and hague.place.name == "The Hague"


def test_another_spelling_is_kept_in_a_country_the_article_names(gazetteer: Gazetteer) -> None:
    text = "Police in Germany said the march in Boni passed off peacefully."
    _, boni = _resolve(gazetteer, text, ["Germany", "Boni"])
    assert boni.place is not None and boni.place.country_code == "DE"


@pytest.mark.parametrize(
    ("text", "unit", "country"),
    [
        ("Squatters were evicted from the Mau forest in Nakuru County, Kenya.", "Nakuru County", None),
        ("Officials planted trees in the Mau forest in Uttar Pradesh, India.", "Uttar Pradesh", "IN"),
    ],
)
def test_a_town_before_a_lower_case_feature_word_is_no_namesake_abroad(
    blank: Language, gazetteer: Gazetteer, text: str, unit: str, country: str | None
) -> None:
    doc = labelled(blank, text, [("Mau", "GPE"), (unit, "GPE"), (text.split()[-1][:-1], "GPE")])
    toponyms = find_toponyms(doc, "a", gazetteer.is_place_name)
    (mau,) = (t for t in toponyms if t.evidence.text == "Mau")
    assert (mau.feature_hint, mau.admin_hint) == ("forest", unit)
    ref = Geocoder(gazetteer).resolve(toponyms, article_text=text)[(mau.evidence.start, mau.evidence.end)]
    assert (ref.place.country_code if ref.place else None) == country  # near Mau only where Mau is


# the pipeline -------------------------------------------------------------------------------------


@pytest.mark.model
def test_events_in_named_forests_are_placed_by_what_is_known(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen ambushed a police convoy in the Boni Forest on Sunday, killing three officers, police said. "
        "In a separate incident, pastoralists clashed with farmers near the Mau Forest in Nakuru County "
        "on Wednesday."
    )
    mentions = analyzed(pipeline, text, published=datetime(2024, 5, 9, 12, tzinfo=UTC), article_id="forests")
    places = [p for m in mentions for p in m.places]
    assert places, "the events name places"
    # no same-named town in another country, whatever the feature resolves to
    assert all(p.place is None or p.place.country_code == "KE" for p in places)
    texts = {p.evidence.text for p in places}
    assert "Boni" not in texts and "Mau" not in texts
    clash = next(m for m in mentions if "Mau Forest" in {p.evidence.text for p in m.places})
    resolved = [p for p in clash.places if p.place is not None]
    assert [p.place.name for p in resolved] == ["Nakuru"]
    assert resolved[0].level is PlaceLevel.ADMIN1  # the event's precision says county, not town
