"""Which of a note's places ACLED codes as its event's location (evaluate/acled_place_choice.py,
acled_place_words.py, resolve/geo/seat.py) and the article's fallback place (resolve/article_place.py).

Invented notes and places: the rules are about how notes name places, not about any one country."""

from __future__ import annotations

from eventscope.evaluate.acled_place_choice import acled_place, home_country
from eventscope.evaluate.acled_place_words import encloses, qualifies_a_name
from eventscope.models import EventType, Evidence, Mention, Place, PlaceLevel, PlaceRef, PlaceRole
from eventscope.resolve.article_place import at_the_articles_place, innermost
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.seat import provincial_seat

# An invented home country "HC" with the province Upper Reach, its chief town of the same name, and
# towns Semba and Lowata in it; namesakes abroad in "FC".
REACH = Place("g:1", "Upper Reach", 1.5, 36.0, "A", "ADM1", "HC", "Upper Reach")
REACH_TOWN = Place("g:2", "Upper Reach", 1.4, 36.1, "P", "PPL", "HC", "Upper Reach", population=60_000)
SEMBA = Place("g:3", "Semba", 0.4, 36.9, "P", "PPL", "HC", "Upper Reach", population=900)
LOWATA = Place("g:4", "Lowata", 3.1, 35.6, "P", "PPL", "HC", "Upper Reach", population=80_000)
BROOKVILLE = Place("g:5", "Brookville", 40.0, -80.0, "P", "PPL", "FC", "Far State", population=5_000)
FARCITY = Place("g:6", "Farcity", 50.7, 7.1, "P", "PPL", "FC", "Far State", population=300_000)
HOME = Place("country:HC", "Homeland", 1.0, 37.0, "A", "PCLI", "HC")
ABROAD = Place("country:FC", "Farland", 45.0, 10.0, "A", "PCLI", "FC")
KIND = EventType("ASSAULT", None, "Violence against civilians", "Attack", "18")


def _ref(
    text: str, word: str, place: Place | None, level: PlaceLevel, role: PlaceRole = PlaceRole.SITE
) -> PlaceRef:
    start = text.index(word)
    return PlaceRef(Evidence("a", start, start + len(word), word), role, place, level)


def _mention(text: str, trigger: str, *places: PlaceRef) -> Mention:
    start = text.index(trigger)
    return Mention(
        id=trigger,
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=KIND,
        places=places,
    )


def test_a_place_named_by_another_of_its_names_counts_less_for_the_home_country() -> None:
    # "Farco" is only another name of the far city Farcity; "Semba" is a town's own name
    text = "Gunmen raided Semba and fled into Farco forest."
    farco = _ref(text, "Farco", FARCITY, PlaceLevel.TOWN)
    semba = _ref(text, "Semba", SEMBA, PlaceLevel.TOWN)
    fled = _mention(text, "fled", farco)
    raided = _mention(text, "raided", semba)
    assert home_country([fled, raided]) == "HC"
    assert acled_place(fled, [fled, raided], text) == semba
    # two own names, one each side: no home country, nothing moves
    text2 = "Gunmen raided Semba and fled to Brookville."
    brook = _ref(text2, "Brookville", BROOKVILLE, PlaceLevel.TOWN)
    assert home_country([_mention(text2, "fled", brook), _mention(text2, "raided", semba)]) is None


def test_a_country_gives_way_to_a_place_named_in_it() -> None:
    text = "Riots broke out across Homeland; houses burned in Lowata town."
    country = _ref(text, "Homeland", HOME, PlaceLevel.COUNTRY)
    lowata = _ref(text, "Lowata", LOWATA, PlaceLevel.TOWN, PlaceRole.ORIGIN)
    riots = _mention(text, "Riots", country, lowata)
    assert acled_place(riots, [riots], text) == lowata


def test_a_country_abroad_gives_way_to_the_notes_place() -> None:
    text = "Police arrested nine men in Semba who were travelling to Farland."
    farland = _ref(text, "Farland", ABROAD, PlaceLevel.COUNTRY, PlaceRole.DESTINATION)
    semba = _ref(text, "Semba", SEMBA, PlaceLevel.TOWN, PlaceRole.ORIGIN)
    arrested = _mention(text, "arrested", farland, semba)
    assert acled_place(arrested, [arrested], text) == semba
    # with no place below the country, the country stays
    alone = _mention(text, "arrested", farland)
    assert acled_place(alone, [alone], text) == farland


def test_place_names_that_qualify_another_name() -> None:
    cases = {
        "Youths blocked the Semba-Lowata highway in Upper Reach.": ("Semba", True),
        "Youths blocked the Lowata Road at dawn.": ("Lowata", True),
        "A Semba businessman was shot in Lowata.": ("Semba", True),
        "Semba raiders stole cattle near Lowata.": ("Semba", True),
        "Semba and Brookville herders clashed.": ("Semba", True),
        "Members of the Semba Liberation Council attacked a post.": ("Semba", True),
        "Semba residents protested over water.": ("Semba", False),  # a crowd acts where it lives
        "Semba youth took to the streets.": ("Semba", False),
        "Police shot a man in Semba town.": ("Semba", False),
        "A road council meeting in Semba was disrupted.": ("Semba", False),
    }
    for text, (word, qualifies) in cases.items():
        assert qualifies_a_name(_ref(text, word, SEMBA, PlaceLevel.TOWN), text) is qualifies, text


def test_a_place_in_a_road_name_gives_way_to_where_the_road_was_blocked() -> None:
    text = "Farmers blocked the Lowata-Semba highway in Upper Reach for four hours."
    lowata = _ref(text, "Lowata", LOWATA, PlaceLevel.TOWN)
    reach = _ref(text, "Upper Reach", REACH, PlaceLevel.ADMIN1)
    blocked = _mention(text, "blocked", lowata, reach)
    assert acled_place(blocked, [blocked], text) == reach
    # the note also names the town as a place: it stays
    text2 = "Students at Lowata campus protested and blocked the Lowata-Semba highway."
    campus = _ref(text2, "Lowata", LOWATA, PlaceLevel.TOWN)
    start = text2.index("Lowata-Semba")
    road = PlaceRef(Evidence("a", start, start + 6, "Lowata"), PlaceRole.SITE, LOWATA, PlaceLevel.TOWN)
    semba = _ref(text2, "Semba", SEMBA, PlaceLevel.TOWN)
    protest = _mention(text2, "blocked", road, semba, campus)
    assert acled_place(protest, [protest], text2) == road


def test_a_namesake_abroad_inside_a_home_place_is_at_that_place() -> None:
    for text in (
        "A man was lynched at Brookville estate in Lowata town.",
        "A man was lynched in Brookville, Lowata.",
        "A man was lynched in Brookville Primary school in Lowata.",
        "Police fired tear gas in Lowata's Brookville Park.",
    ):
        brook = _ref(text, "Brookville", BROOKVILLE, PlaceLevel.TOWN)
        lowata = _ref(text, "Lowata", LOWATA, PlaceLevel.TOWN, PlaceRole.NEAR)
        assert encloses(lowata, brook, text), text
        event = _mention(text, "lynched" if "lynched" in text else "fired", brook, lowata)
        chosen = acled_place(event, [event], text)
        assert chosen is not None and chosen.place == LOWATA and chosen.role is PlaceRole.NEAR, text
    text = "A man was lynched in Brookville after a dispute; Lowata police came later."
    brook = _ref(text, "Brookville", BROOKVILLE, PlaceLevel.TOWN)
    assert not encloses(_ref(text, "Lowata", LOWATA, PlaceLevel.TOWN), brook, text)


def test_a_note_with_only_an_origin_is_placed_there() -> None:
    text = "Police barred hundreds of people from attending a rally at Semba grounds."
    semba = _ref(text, "Semba", SEMBA, PlaceLevel.TOWN, PlaceRole.ORIGIN)
    barred = _mention(text, "barred", semba)
    assert acled_place(barred, [barred], text) == semba


def test_a_district_inside_a_town_named_as_its_province() -> None:
    text = "A civilian was murdered in the sub-district of Semba (Upper Reach county)."
    semba = _ref(text, "Semba", SEMBA, PlaceLevel.DISTRICT)
    reach = _ref(text, "Upper Reach", REACH_TOWN, PlaceLevel.TOWN)
    murdered = _mention(text, "murdered", semba, reach)
    assert acled_place(murdered, [murdered], text) == semba


def test_the_articles_place_is_the_town_inside_a_town_named_as_its_province() -> None:
    text = "Youths confronted a party member at a church in Semba, Upper Reach. He was attacked in his car."
    semba = _ref(text, "Semba", SEMBA, PlaceLevel.TOWN)
    reach = _ref(text, "Upper Reach", REACH_TOWN, PlaceLevel.TOWN)
    assert innermost([reach, semba]) == semba
    (attacked,) = at_the_articles_place([_mention(text, "attacked")], [semba, reach])
    assert [p.place for p in attacked.places] == [SEMBA]
    # two plain towns still lie apart, and the town named as the province stays inside its province
    assert innermost([semba, _ref(text, "church", LOWATA, PlaceLevel.TOWN)]) is None
    province = _ref(text, "Upper Reach", REACH, PlaceLevel.ADMIN1)
    assert innermost([province, reach]) == reach


def test_the_provincial_seat_is_the_town_of_the_provinces_name(gazetteer: Gazetteer) -> None:
    seat = provincial_seat(gazetteer)
    tillaberi = next(m.place for m in gazetteer.lookup("Tillabéri") if m.place.feature_code == "ADM1")
    capital = seat(tillaberi)
    assert capital is not None and capital.name == "Tillaberi" and capital.feature_class == "P"
    largest = gazetteer.largest_town(tillaberi)
    assert largest is not None and largest.name != capital.name  # the largest town is not the capital
    turkana = next(m.place for m in gazetteer.lookup("Turkana") if m.place.feature_code == "ADM1")
    assert seat(turkana) == gazetteer.largest_town(turkana)  # no town of its name: the largest
