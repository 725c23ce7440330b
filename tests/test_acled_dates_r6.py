"""Round 6 of the ACLED date and place rules: the time precision code, the fronted date, the date of
the telling, nested places and the province-named place. Hand-written sentences and places only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import spacy
from spacy.tokens import Doc

from eventscope.evaluate.acled import predict
from eventscope.evaluate.acled_place_choice import acled_place, stands_for_province
from eventscope.extract.event_time import fronted, nearest_time
from eventscope.models import (
    EventType,
    Evidence,
    Mention,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    TimePrecision,
    TimeRef,
)
from eventscope.resolve.article_place import ARTICLE_PLACE_NOTE, at_the_articles_place, innermost
from eventscope.resolve.time import reporting_window
from eventscope.resolve.time_acled import acled_time_precision
from eventscope.resolve.time_anchor import telling_date


def _day(text: str, note: str, d: date = date(2021, 5, 14)) -> TimeRef:
    start = note.index(text)
    return TimeRef(d, d, TimePrecision.DAY, Evidence("a", start, start + len(text), text))


# --- ACLED time precision


def test_a_stated_day_codes_1_and_coarser_times_code_2_and_3() -> None:
    note = "On 14 May 2021, herders fought over a well near the river."
    assert acled_time_precision(_day("On 14 May 2021", note), note) == 1
    week = TimeRef(date(2021, 5, 10), date(2021, 5, 16), TimePrecision.WEEK)
    month = TimeRef(date(2021, 5, 1), date(2021, 5, 31), TimePrecision.MONTH)
    assert acled_time_precision(week, note) == 2
    assert acled_time_precision(month, note) == 3


def test_a_hedged_day_codes_2() -> None:
    for note, words in [
        ("On or before June 3rd, traders blocked the market road.", "June 3rd"),
        ("Around 9 March 2020, a trader was robbed and beaten.", "9 March 2020"),
        ("Approximately on 2 April, youths burned a lorry.", "on 2 April"),
        ("On 5 July (exact date not reported), farmers marched to the office.", "On 5 July"),
        ("On 6 August, a teacher was shot; the date is unclear in the source.", "On 6 August"),
    ]:
        assert acled_time_precision(_day(words, note), note) == 2, note


def test_a_day_after_other_words_is_not_hedged() -> None:
    note = "Workers talked about pay. On 8 May 2021, they walked out."
    assert acled_time_precision(_day("On 8 May 2021", note), note) == 1


def test_a_text_that_states_no_time_keeps_the_precision_of_its_window() -> None:
    # the week to publication is our guess: it is not coded as the actual day
    assert acled_time_precision(reporting_window(date(2021, 5, 14)), "Police shot a man.") == 2
    assert acled_time_precision(None) is None


# --- which stated date is the event's


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    return doc


def _time(doc: Doc, first: int, last: int) -> Evidence:
    span = doc[first : last + 1]
    return Evidence("a", span.start_char, span.end_char, span.text)


def test_a_fronted_date_wins_a_tie_with_a_date_after_the_object() -> None:
    # "On 9 May 2020 , nurses condemned the beating of a colleague on 2 May ."
    words = ["On", "9", "May", "2020", ",", "nurses", "condemned", "the", "beating", "of", "a"]
    words += ["colleague", "on", "2", "May", "."]
    heads = [6, 2, 0, 2, 6, 6, 6, 8, 6, 8, 11, 9, 6, 14, 12, 6]
    deps = ["prep", "nummod", "pobj", "nummod", "punct", "nsubj", "ROOT", "det", "dobj", "prep", "det"]
    deps += ["pobj", "prep", "nummod", "pobj", "punct"]
    doc = _parsed(words, heads, deps)
    first, later = _time(doc, 0, 3), _time(doc, 12, 14)
    trigger = doc[6]
    assert fronted(doc, first, trigger) and not fronted(doc, later, trigger)
    assert nearest_time(doc, trigger, [first, later]) == first


def test_a_date_not_set_off_by_a_comma_is_not_fronted() -> None:
    words = ["On", "Friday", "nurses", "marched", "."]
    doc = _parsed(words, [3, 0, 3, 3, 3], ["prep", "pobj", "nsubj", "ROOT", "punct"])
    assert not fronted(doc, _time(doc, 0, 1), doc[3])


# --- relative times count from the stated day of the telling


def _sentence(text: str) -> Evidence:
    return Evidence("a", 0, len(text), text)


def _at(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence("a", start, start + len(words), words)


def test_last_week_counts_from_the_day_it_was_reported() -> None:
    text = 'On 6 October 2021, officials reported that "last week" raiders took goats.'
    assert telling_date(_sentence(text), _at(text, "last week"), date(2023, 1, 1)) == date(2021, 10, 6)
    text = "On March 3rd 2020, villagers said two weeks ago a well was poisoned."
    assert telling_date(_sentence(text), _at(text, "two weeks ago"), date(2023, 1, 1)) == date(2020, 3, 3)


def test_no_telling_or_no_year_keeps_the_publication_date() -> None:
    text = "On 6 October 2021, raiders took goats last week."
    assert telling_date(_sentence(text), _at(text, "last week"), date(2023, 1, 1)) is None
    text = "On 6 October, officials reported that last week raiders took goats."
    assert telling_date(_sentence(text), _at(text, "last week"), date(2023, 1, 1)) is None
    text = "Officials reported last week that on 6 October 2021 raiders took goats."
    assert telling_date(_sentence(text), _at(text, "last week"), date(2023, 1, 1)) is None


# --- places


def _place(gid: str, name: str, admin1: str, code: str = "PPL", lat: float = 1.0) -> Place:
    return Place(gid, name, lat, 30.0, "P" if code.startswith("PPL") else "A", code, "ZZ", admin1)


def _ref(place: Place, level: PlaceLevel, start: int = 0, role: PlaceRole = PlaceRole.SITE) -> PlaceRef:
    return PlaceRef(Evidence("a", start, start + 3, place.name), role, place, level)


def _mention(places: tuple[PlaceRef, ...], start: int = 0) -> Mention:
    return Mention(
        id=f"m{start}",
        article_id="a",
        sentence=Evidence("a", start, start + 40, "x"),
        trigger=Evidence("a", start + 1, start + 5, "shot"),
        type=EventType("ASSAULT", None, "Violence against civilians", "Attack", "18"),
        places=places,
        confidence=0.9,
    )


TOWN = _place("g:1", "Lowata", "Upper Reach")
PROVINCE = _place("g:2", "Upper Reach", "Upper Reach", "ADM1", lat=1.5)
OTHER_TOWN = _place("g:3", "Semba", "Lower Reach", lat=3.0)
NAMESAKE = _place("g:4", "Upper Reach", "Upper Reach", lat=1.4)  # the provincial town of that name


def test_a_town_and_its_province_make_one_article_place() -> None:
    refs = [_ref(TOWN, PlaceLevel.TOWN), _ref(PROVINCE, PlaceLevel.ADMIN1, 10)]
    assert innermost(refs) == refs[0]
    found = at_the_articles_place([_mention(())], refs)
    assert found[0].places[0].place == TOWN and found[0].places[0].note == ARTICLE_PLACE_NOTE
    apart = [_ref(TOWN, PlaceLevel.TOWN), _ref(OTHER_TOWN, PlaceLevel.TOWN, 10)]
    assert innermost(apart) is None
    assert at_the_articles_place([_mention(())], apart)[0].places == ()


def test_a_province_gives_way_to_the_town_inside_it() -> None:
    main = _mention((_ref(PROVINCE, PlaceLevel.ADMIN1), _ref(TOWN, PlaceLevel.TOWN, 10)))
    chosen = acled_place(main, [main])
    assert chosen is not None and chosen.place == TOWN


def test_a_town_named_as_its_province_gives_way_to_another_town_there() -> None:
    # "In Upper Reach, youths broke up a rally in Lowata town"
    main = _mention((_ref(NAMESAKE, PlaceLevel.TOWN), _ref(TOWN, PlaceLevel.TOWN, 10)))
    assert stands_for_province(main.places[0]) and not stands_for_province(main.places[1])
    chosen = acled_place(main, [main])
    assert chosen is not None and chosen.place == TOWN


def test_a_town_in_another_province_or_a_destination_does_not_replace_the_place() -> None:
    main = _mention((_ref(PROVINCE, PlaceLevel.ADMIN1),))
    elsewhere = _mention((_ref(OTHER_TOWN, PlaceLevel.TOWN, 50),), 50)
    chosen = acled_place(main, [main, elsewhere])
    assert chosen is not None and chosen.place == PROVINCE
    later = _mention((_ref(TOWN, PlaceLevel.TOWN, 50, PlaceRole.DESTINATION),), 50)
    chosen = acled_place(main, [main, later])
    assert chosen is not None and chosen.place == PROVINCE


def test_predict_codes_the_town_and_the_hedged_day() -> None:
    note = "Around 14 May 2021, gunmen shot a trader in Lowata, Upper Reach."
    main = _mention((_ref(PROVINCE, PlaceLevel.ADMIN1, 48),))
    elsewhere = _mention((_ref(TOWN, PlaceLevel.TOWN, 40),), 40)
    main = replace(main, time=_day("14 May 2021", note))
    p = predict([main, elsewhere], note)
    assert (p.lat, p.start, p.end, p.time_precision) == (TOWN.lat, date(2021, 5, 14), date(2021, 5, 14), 2)


def _abroad(gid: str, name: str) -> Place:
    return Place(gid, name, 50.0, 5.0, "P", "PPL", "YY", "Far Province")


def test_a_lone_town_abroad_gives_way_to_the_notes_home_country() -> None:
    # "Jubilee supporters rallied in Lowata; police dispersed them near Semba": "Jubilee" read abroad
    stray = _ref(_abroad("g:9", "Jubilee"), PlaceLevel.TOWN)
    main = _mention((stray, _ref(TOWN, PlaceLevel.TOWN, 20)))
    other = _mention((_ref(OTHER_TOWN, PlaceLevel.TOWN, 60),), 60)
    chosen = acled_place(main, [main, other])
    assert chosen is not None and chosen.place == TOWN


def test_no_home_country_on_a_tie_keeps_the_place() -> None:
    stray = _ref(_abroad("g:9", "Jubilee"), PlaceLevel.TOWN)
    main = _mention((stray, _ref(TOWN, PlaceLevel.TOWN, 20)))
    chosen = acled_place(main, [main])
    assert chosen is not None and chosen.place == stray.place
