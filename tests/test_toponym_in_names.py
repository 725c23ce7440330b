"""A known place name that is the last word of a person's name in all-capitals wire copy is no place.

The truecaser capitalises the words it knows as places and lowers the ones it takes for English, so
"DR LUIS CARLOS GALAN SARMIENTO" reads "DR LUIS carlos galan Sarmiento": the chunk "Sarmiento" (a town in
Argentina) stands beside proper nouns in lower case, and it is the victim's second surname.
"""

from __future__ import annotations

import pytest

from eventscope.extract.toponyms import find_toponyms
from eventscope.resolve.geo.gazetteer import Gazetteer

pytestmark = pytest.mark.model


def found(nlp, gazetteer: Gazetteer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [
        t.evidence.text for t in find_toponyms(doc, "a", gazetteer.is_place_name, lexicon=gazetteer.lexicon())
    ]


def test_a_surname_that_is_also_a_town_is_no_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "FOUR PERSONS WHO ARE APPARENTLY INVOLVED IN THE MURDER OF DR LUIS CARLOS GALAN SARMIENTO HAVE "
        "BEEN ARRESTED IN BOGOTA."
    )
    assert gazetteer.is_place_name("Sarmiento")  # the town in Argentina
    assert found(nlp, gazetteer, text) == ["Bogota"]


def test_places_in_capitals_are_still_found(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "GUERRILLAS ATTACKED A POLICE STATION IN SOACHA, NEAR BOGOTA, AND IN MEDELLIN YESTERDAY."
    assert found(nlp, gazetteer, text) == ["Soacha", "Bogota", "Medellin"]


def test_a_place_opened_by_an_article_or_particle_is_kept(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "A BOMB EXPLODED IN ZACATECOLUCA, LA PAZ DEPARTMENT, AND ANOTHER AT LAS DELICIAS HACIENDA."
    places = found(nlp, gazetteer, text)
    assert "Zacatecoluca" in places
    assert any(p.endswith("Paz") for p in places) and any(p.endswith("Delicias") for p in places)
