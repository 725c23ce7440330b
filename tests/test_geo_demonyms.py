"""Demonyms handed over as places: the country, division, region or continent they are of."""

from __future__ import annotations

import pytest

from eventscope.models import Evidence, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.resolver import Geocoder


def resolved(gazetteer: Gazetteer, text: str, phrase: str) -> tuple[str | None, str | None, str]:
    start = text.index(phrase)
    toponym = Toponym(Evidence("a", start, start + len(phrase), phrase), "gold")
    ref = Geocoder(gazetteer).resolve([toponym], article_text=text)[(start, start + len(phrase))]
    assert ref.place is not None, f"{phrase} unresolved"
    return ref.place.name, ref.place.country_code, ref.place.feature_code


@pytest.mark.parametrize(
    ("phrase", "name", "country"),
    [
        ("Ohioans", "Ohio", "US"),
        ("Texan", "Texas", "US"),
        ("Ontarians", "Ontario", "CA"),
        ("Dagestani", None, "RU"),
        ("Abkhaz", "Abkhazia", "GE"),
        ("South Ossetian", "South Ossetia", "GE"),
        ("European", "Europe", None),
        ("Scottish", "Scotland", "GB"),
    ],
)
def test_a_demonym_of_a_division_region_or_continent_is_that_place(
    gazetteer: Gazetteer, phrase: str, name: str | None, country: str | None
) -> None:
    got_name, got_country, code = resolved(gazetteer, f"Many {phrase} were there.", phrase)
    assert got_country == country
    assert code != "PCLI"
    if name is not None:
        assert got_name == name


def test_a_country_demonym_beats_a_town_of_that_name(gazetteer: Gazetteer) -> None:
    # Canadian, Texas exists; a demonym handed over as a place is the country it is of.
    assert any(p.country_code == "US" for p in gazetteer.candidates("Canadian"))
    assert resolved(gazetteer, "The Canadian team won.", "Canadian")[1:] == ("CA", "PCLI")


def test_place_demonyms_are_not_place_names(gazetteer: Gazetteer) -> None:
    # Recognition asks is_place_name: a demonym must not become a place name by this table.
    assert gazetteer.demonym_place("Ohioans") is not None
    assert not gazetteer.is_place_name("Ohioans")
    assert gazetteer.demonym_place("Syrian") is None  # country demonyms live in the lexicon
