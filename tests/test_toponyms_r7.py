"""Round-7 recognition rules (``toponym_roles`` and the wider "X of" cue), on our own sentences.

A blank pipeline (no entities, no tags) shows each rule on its own: a capitalised word opening a sentence
is otherwise only doubtful, and a name inside a hyphenated road is otherwise one chunk.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from eventscope.extract.toponym_roles import role_names
from eventscope.extract.toponyms import find_toponyms
from eventscope.resolve.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def names(nlp: Language, text: str, gazetteer: Gazetteer) -> set[str]:
    doc = nlp(text)
    return {t.evidence.text for t in find_toponyms(doc, "a", gazetteer.is_place_name)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a notable place opening a sentence before a word for its people
        ("Manchester residents marched to the town hall on Friday.", "Manchester"),
        ("Yesterday. Bordeaux traders closed their shops.", "Bordeaux"),
        # the ends of a road named for the towns it joins, each known end a place
        ("Protesters blocked the Toulouse-Montpellier highway for hours.", "Toulouse"),
        ("Protesters blocked the Toulouse-Montpellier highway for hours.", "Montpellier"),
        ("A bus was stopped on the Lyon - Grenoble road at dawn.", "Grenoble"),
        # an office held for a place
        ("Supporters of Nantes Mayor Paul Martin gathered outside.", "Nantes"),
        ("Youths pelted the Marseille Deputy Governor with stones.", "Marseille"),
        # "-based", the target of an assault, "the streets of X"
        ("Reporters from a Strasbourg-based newspaper were detained.", "Strasbourg"),
        ("Gunmen attacked Limoges, burning several shops.", "Limoges"),
        ("Crowds filled the streets of Nice after the vote.", "Nice"),
        # an institution or site named for its town
        ("Yesterday. Grenoble University students went on strike.", "Grenoble"),
        ("Bordeaux airport staff walked out on Monday.", "Bordeaux"),
    ],
)
def test_role_names_are_places(blank: Language, gazetteer: Gazetteer, text: str, place: str) -> None:
    assert place in names(blank, text, gazetteer)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tea farmers protested over low prices.", "Tea"),  # a hamlet's name that is a common word
        ("MBA students presented their plans.", "MBA"),  # an acronym before a crowd word
        ("The UN representative called it a murder.", "UN"),  # an acronym before an office
        ("Somali herders grazed their cattle there.", "Somali"),  # a demonym
        ("Only State Duma Deputy Ivan Petrov voted against.", "Duma"),  # part of a longer name
        ("She studied at Stephen F. Austin University.", "Austin"),  # the end of a person's name
        ("Rioters attacked Jordan Smith outside his house.", "Jordan"),  # a person named after a place
    ],
)
def test_role_words_that_are_not_places(blank: Language, gazetteer: Gazetteer, text: str, word: str) -> None:
    assert not any(word in name.split() for name in names(blank, text, gazetteer))


def test_a_crowd_of_a_place_licenses_no_other_mention(blank: Language, gazetteer: Gazetteer) -> None:
    # The role is weak evidence: "Paris" opening a later sentence stays doubtful.
    found = names(blank, "Vienna residents waited. Paris said nothing.", gazetteer)
    assert "Vienna" in found and "Paris" not in found


def roles(nlp: Language, text: str, gazetteer: Gazetteer) -> set[str]:
    doc = nlp(text)
    found = role_names(doc, gazetteer.lexicon(), gazetteer.is_place_name, gazetteer.is_notable_place)
    return {doc[f.start : f.end].text for f in found}


def test_one_name_before_a_road_is_no_road_end(blank: Language, gazetteer: Gazetteer) -> None:
    # "the Kennedy road" may be named for a person; a dash joining two names makes the towns' road.
    def ends(text: str) -> set[str]:
        return roles(blank, text, gazetteer)

    assert ends("They walked along the Kennedy road at night.") == set()
    assert ends("They walked along the Lyon-Kennedy road at night.") >= {"Lyon"}


def test_the_people_of_a_place_are_no_assault_target(blank: Language, gazetteer: Gazetteer) -> None:
    assert roles(blank, "Raiders attacked Vienna clan elders at a well.", gazetteer) == set()
    assert roles(blank, "Raiders attacked Vienna at dawn.", gazetteer) == {"Vienna"}


def test_a_notable_place_enclosing_a_site(blank: Language, gazetteer: Gazetteer) -> None:
    # After "in"/"at" a name, a comma or a bracket, then a notable place closing the phrase: its enclosure.
    assert roles(blank, "Two men were shot in Qwerbo, Leeds.", gazetteer) == {"Leeds"}
    assert roles(blank, "Police raided a house at Qwerbo village (Leeds) at night.", gazetteer) == {"Leeds"}
    # not an item of a list, not after a month, not without a site word before
    assert roles(blank, "Rallies in Qwerbo, Leeds and York drew crowds.", gazetteer) == set()
    assert roles(blank, "Arrested in October, Leeds, a labourer, denied it.", gazetteer) == set()
    assert roles(blank, "Mary Qwerbo, Leeds, said nothing.", gazetteer) == set()
    assert roles(blank, "Two men were shot in Qwerbo, France.", gazetteer) == set()  # the country paths' own
