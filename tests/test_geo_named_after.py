"""Names the gazetteer lacks but that are named after a place it holds, and one sense per article."""

from __future__ import annotations

from eventscope.models import Evidence, PlaceLevel, PlaceRef, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.named_after import named_after
from eventscope.resolve.geo.resolver import Geocoder


def _resolve(
    gazetteer: Gazetteer, text: str, phrases: list[str], hints: dict[str, str] | None = None
) -> list[PlaceRef]:
    toponyms, at = [], 0
    for phrase in phrases:
        start = text.index(phrase, at)
        at = start + len(phrase)
        hint = (hints or {}).get(f"{phrase}@{start}")
        toponyms.append(Toponym(Evidence("a", start, at, phrase), "gold", feature_hint=hint))
    refs = Geocoder(gazetteer).resolve(toponyms, article_text=text)
    return [refs[(t.evidence.start, t.evidence.end)] for t in toponyms]


def test_a_valley_is_near_the_town_it_is_named_after(gazetteer: Gazetteer) -> None:
    assert not gazetteer.lookup("Salinas Valley")
    text = "Farm workers in the Salinas Valley of California fell ill."
    valley, _ = _resolve(gazetteer, text, ["Salinas Valley", "California"])
    assert valley.place is not None and valley.place.name == "Salinas" and valley.place.admin1 == "California"
    assert valley.level is PlaceLevel.DISTRICT  # "near Salinas", not the town itself


def test_an_airport_and_a_quarter_stand_at_their_city(gazetteer: Gazetteer) -> None:
    airport = named_after(gazetteer, "Da Nang International Airport")
    assert {m.place.country_code for m in airport} == {"VN"}
    dallas = named_after(gazetteer, "North Dallas")
    assert any(m.place.admin1 == "Texas" for m in dallas)
    sydney = named_after(gazetteer, "North-Western Sydney")  # any compass word, hyphenated or not
    assert "AU" in {m.place.country_code for m in sydney}
    assert all(m.kind == 2 for m in (*airport, *dallas))  # ranked as variant names


def test_a_word_or_a_hamlet_names_nothing(gazetteer: Gazetteer) -> None:
    assert named_after(gazetteer, "Valley") == ()  # a feature word alone
    assert named_after(gazetteer, "West Prince") == ()  # no city of Prince to have a west
    assert named_after(gazetteer, "Nowhereville Valley") == ()


def test_a_known_name_is_not_replaced_by_its_head(gazetteer: Gazetteer) -> None:
    # "North Carolina" is a state in its own right, never the north of a place called Carolina.
    (ref,) = _resolve(gazetteer, "Storms hit North Carolina on Monday.", ["North Carolina"])
    assert ref.place is not None and ref.place.feature_code == "ADM1" and ref.level is PlaceLevel.ADMIN1


def test_a_repeated_name_keeps_the_sense_its_hint_gave(gazetteer: Gazetteer) -> None:
    text = (
        "Most cases in the United States were in Texas and New York. In Australia, most cases were in the "
        "state of Victoria. Singapore told residents not to travel to Victoria."
    )
    phrases = ["United States", "Texas", "New York", "Australia", "Victoria", "Singapore", "Victoria"]
    first = text.index("Victoria")
    refs = _resolve(gazetteer, text, phrases, {f"Victoria@{first}": "state"})
    hinted, plain = refs[4], refs[6]
    assert hinted.place is not None and hinted.place.country_code == "AU"
    assert plain.place == hinted.place


def _hinted(gazetteer: Gazetteer, text: str, phrase: str, hint: str) -> PlaceRef:
    start = text.index(phrase)
    toponym = Toponym(Evidence("a", start, start + len(phrase), phrase), "gold", admin_hint=hint)
    return Geocoder(gazetteer).resolve([toponym], article_text=text)[(start, start + len(phrase))]


def test_a_town_missing_from_the_division_named_beside_it_falls_back_to_the_division(
    gazetteer: Gazetteer,
) -> None:
    assert not any(m.place.admin1 == "Ontario" for m in gazetteer.lookup("Stroud"))
    ref = _hinted(gazetteer, "He was stopped in Stroud, Ontario, on Sunday.", "Stroud", "Ontario")
    assert ref.place is not None and ref.place.name == "Ontario" and ref.place.country_code == "CA"
    assert ref.level is PlaceLevel.ADMIN1  # what the text tells, at its precision; not Stroud, England


def test_a_hint_that_is_a_country_or_a_county_keeps_the_town(gazetteer: Gazetteer) -> None:
    tbilisi = _hinted(gazetteer, "Protests in Tbilisi, Georgia, grew.", "Tbilisi", "Georgia")
    assert (
        tbilisi.place is not None and tbilisi.place.country_code == "GE" and tbilisi.level is PlaceLevel.TOWN
    )
    ipswich = _hinted(gazetteer, "A cow near Ipswich, Suffolk, was sick.", "Ipswich", "Suffolk")
    assert (
        ipswich.place is not None and ipswich.place.name == "Ipswich" and ipswich.place.country_code == "GB"
    )
