"""ACLED's one event_date for a resolved time (evaluate/acled.acled_event_day): the day itself, the
middle of a week or a few days, the 15th of a month; nothing for the reporting-window guess."""

from __future__ import annotations

from datetime import date

from eventscope.evaluate.acled import acled_event_day, predict
from eventscope.models import EventType, Evidence, Mention, TimePrecision, TimeRef

EV = Evidence("a", 0, 9, "last week")


def test_a_day_is_itself() -> None:
    day = date(2021, 3, 4)
    assert acled_event_day(TimeRef(day, day, TimePrecision.DAY, EV)) == day


def test_a_week_is_its_middle_day() -> None:
    # "On 7 April 2021 it was reported that last week ...": Monday 29 March to Sunday 4 April
    week = TimeRef(date(2021, 3, 29), date(2021, 4, 4), TimePrecision.WEEK, EV)
    assert acled_event_day(week) == date(2021, 4, 1)
    few_days = TimeRef(date(2021, 3, 29), date(2021, 3, 30), TimePrecision.WEEK, EV)
    assert acled_event_day(few_days) == date(2021, 3, 29)


def test_a_month_is_its_fifteenth() -> None:
    month = TimeRef(date(2020, 2, 1), date(2020, 2, 29), TimePrecision.MONTH, EV)
    assert acled_event_day(month) == date(2020, 2, 15)


def test_no_day_for_a_guess_or_a_year() -> None:
    window = TimeRef(date(2021, 3, 29), date(2021, 4, 4), TimePrecision.WEEK, None, resolved=False)
    assert acled_event_day(window) is None
    year = TimeRef(date(2019, 1, 1), date(2019, 12, 31), TimePrecision.YEAR, EV)
    assert acled_event_day(year) is None
    assert acled_event_day(None) is None


def test_the_prediction_carries_the_one_day() -> None:
    text = "On 7 April 2021, it was reported that last week gunmen killed a herder."
    start = text.index("last week")
    week = TimeRef(
        date(2021, 3, 29), date(2021, 4, 4), TimePrecision.WEEK, Evidence("a", start, start + 9, "last week")
    )
    killed = Mention(
        id="m",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", text.index("killed"), text.index("killed") + 6, "killed"),
        type=EventType("ASSAULT", None, "Violence against civilians", "Attack", "18"),
        time=week,
    )
    p = predict([killed], text)
    assert p.start == p.end == date(2021, 4, 1) and p.time_precision == 2
