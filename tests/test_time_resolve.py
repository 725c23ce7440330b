"""Resolving temporal expressions against the publication date (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from eventscope.models import Evidence, TimePrecision
from eventscope.resolve.time import is_historical, reporting_window, resolve_time

D, W, M, Y = TimePrecision.DAY, TimePrecision.WEEK, TimePrecision.MONTH, TimePrecision.YEAR
PUB = date(2025, 11, 13)  # a Thursday, the seed article's publication date


def ev(text: str) -> Evidence:
    return Evidence("article", 100, 100 + len(text), text)


def span(
    text: str, published: date = PUB, *, tense_past: bool = True
) -> tuple[str, str, TimePrecision] | None:
    ref = resolve_time(ev(text), published, tense_past=tense_past)
    return None if ref is None else (ref.start.isoformat(), ref.end.isoformat(), ref.precision)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # weekdays: the last one strictly before publication
        ("on Sunday", "2025-11-09", "2025-11-09", D),
        ("Sunday", "2025-11-09", "2025-11-09", D),
        ("on Friday", "2025-11-07", "2025-11-07", D),
        ("late Sunday", "2025-11-09", "2025-11-09", D),
        ("Sunday night", "2025-11-09", "2025-11-09", D),
        ("Sunday's", "2025-11-09", "2025-11-09", D),
        ("at dawn on Tuesday", "2025-11-11", "2025-11-11", D),
        ("last Sunday", "2025-11-09", "2025-11-09", D),
        ("on Thursday", "2025-11-13", "2025-11-13", D),  # same weekday as publication: that day (wire style)
        ("last Thursday", "2025-11-06", "2025-11-06", D),  # "last" goes a week back
        # the publication day and the day before
        ("today", "2025-11-13", "2025-11-13", D),
        ("this morning", "2025-11-13", "2025-11-13", D),
        ("overnight", "2025-11-13", "2025-11-13", D),
        ("tonight", "2025-11-13", "2025-11-13", D),
        ("yesterday", "2025-11-12", "2025-11-12", D),
        ("last night", "2025-11-12", "2025-11-12", D),
        ("the day before yesterday", "2025-11-11", "2025-11-11", D),
        # calendar units
        ("Last month", "2025-10-01", "2025-10-31", M),
        ("this month", "2025-11-01", "2025-11-13", M),
        ("earlier this month", "2025-11-01", "2025-11-13", M),
        ("last week", "2025-11-03", "2025-11-09", W),
        ("this week", "2025-11-10", "2025-11-13", W),
        ("earlier this week", "2025-11-10", "2025-11-13", W),
        ("last year", "2024-01-01", "2024-12-31", Y),
        ("over the weekend", "2025-11-08", "2025-11-09", W),
        ("the end of last month", "2025-10-21", "2025-10-31", W),
        ("late last year", "2024-10-01", "2024-12-31", M),
        # windows to publication
        ("In recent days", "2025-11-03", "2025-11-13", W),
        ("recent days", "2025-11-03", "2025-11-13", W),
        ("in the past few days", "2025-11-03", "2025-11-13", W),
        ("the last two days", "2025-11-11", "2025-11-13", W),
        ("the past two days", "2025-11-11", "2025-11-13", W),
        ("the last 48 hours", "2025-11-11", "2025-11-13", W),
        ("the past 24 hours", "2025-11-12", "2025-11-13", D),
        ("the last three weeks", "2025-10-23", "2025-11-13", M),
        ("over the past three years", "2022-11-13", "2025-11-13", Y),
        # "ago"
        ("Just days ago", "2025-11-06", "2025-11-12", W),
        ("days ago", "2025-11-06", "2025-11-12", W),
        ("two days ago", "2025-11-11", "2025-11-11", D),
        ("3 days ago", "2025-11-10", "2025-11-10", D),
        ("two weeks ago", "2025-10-27", "2025-11-02", W),
        ("three months ago", "2025-07-29", "2025-08-28", M),  # centred on 13 August
        # absolute: the most recent past reading when the year is missing
        ("13 November", "2025-11-13", "2025-11-13", D),
        ("on 13 November", "2025-11-13", "2025-11-13", D),
        ("November 13", "2025-11-13", "2025-11-13", D),
        ("Nov. 13, 2025", "2025-11-13", "2025-11-13", D),
        ("NOV 13, 2025", "2025-11-13", "2025-11-13", D),
        ("the 13th of November", "2025-11-13", "2025-11-13", D),
        ("Sunday, November 9, 2025", "2025-11-09", "2025-11-09", D),
        ("14 November", "2024-11-14", "2024-11-14", D),  # 14 Nov 2025 is after publication
        ("December 5", "2024-12-05", "2024-12-05", D),
        ("13/11/2025", "2025-11-13", "2025-11-13", D),
        ("2025-11-09", "2025-11-09", "2025-11-09", D),
        ("in November", "2025-11-01", "2025-11-13", M),  # clipped at publication
        ("November 2025", "2025-11-01", "2025-11-13", M),
        ("December", "2024-12-01", "2024-12-31", M),
        ("in early November", "2025-11-01", "2025-11-10", W),
        ("late October", "2025-10-21", "2025-10-31", W),
        ("late November", "2024-11-21", "2024-11-30", W),  # 21-30 Nov 2025 has not happened yet
        ("November 3-5", "2025-11-03", "2025-11-05", W),
        ("in 2017", "2017-01-01", "2017-12-31", Y),
        ("2017", "2017-01-01", "2017-12-31", Y),
        ("in 2011", "2011-01-01", "2011-12-31", Y),
        ("this year", "2025-01-01", "2025-11-13", Y),
        # ranges and one-sided bounds
        ("since 2011", "2011-01-01", "2025-11-13", Y),
        ("since Sunday", "2025-11-09", "2025-11-13", W),
        ("until Friday", "2025-11-07", "2025-11-07", D),
        ("between 2011 and 2017", "2011-01-01", "2017-12-31", Y),
        ("from 2012 to 2017", "2012-01-01", "2017-12-31", Y),
        ("late Saturday and early Sunday", "2025-11-08", "2025-11-09", D),
    ],
)
def test_resolves_against_publication_date(text: str, start: str, end: str, precision: TimePrecision) -> None:
    assert span(text) == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "at the start of the Syrian war",
        "the start of the war",
        "for two years",
        "three days",
        "a 2017 law",
        "30-year-old",
        "the 1990s",
        "the previous day",
        "the next day",
        "the 13th",  # which month?
        "November 31",
        "before 2017",
        "after Sunday",
        "",
    ],
)
def test_returns_none_for_what_is_not_a_date(text: str) -> None:
    assert span(text) is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("05/11/2025", "2025-11-05"),  # day-first, as the press outside North America writes it
        ("09/05/2017", "2017-05-09"),
        ("11/13/2025", "2025-11-13"),  # a second number above 12 can only be the day
        ("around December 26 2019", "2019-12-26"),  # a hedged date is the date named
        ("on or about 4 May 2019", "2019-05-04"),
        ("approximately 23 Aug 2018", "2018-08-23"),
    ],
)
def test_numeric_and_hedged_dates(text: str, start: str) -> None:
    found = span(text)
    assert found is not None and found[0] == start and found[1] == start


@pytest.mark.parametrize(
    ("published", "text", "start", "end", "precision"),
    [
        (date(2025, 3, 2), "last month", "2025-02-01", "2025-02-28", M),  # month boundary
        (date(2024, 3, 5), "last month", "2024-02-01", "2024-02-29", M),  # leap year
        (date(2024, 3, 5), "Feb 29", "2024-02-29", "2024-02-29", D),
        (date(2025, 11, 13), "Feb 29", "2024-02-29", "2024-02-29", D),  # no 29 Feb in 2025
        (date(2025, 1, 3), "last month", "2024-12-01", "2024-12-31", M),  # year boundary
        (date(2025, 1, 3), "last week", "2024-12-23", "2024-12-29", W),
        (date(2025, 1, 3), "December 30", "2024-12-30", "2024-12-30", D),
        (date(2025, 11, 10), "Sunday", "2025-11-09", "2025-11-09", D),  # published on a Monday
        (date(2025, 11, 10), "Monday", "2025-11-10", "2025-11-10", D),
        (date(2025, 11, 10), "this week", "2025-11-10", "2025-11-10", W),
        (date(2025, 11, 9), "on Sunday", "2025-11-09", "2025-11-09", D),  # published on a Sunday: that day
        (date(2025, 11, 9), "today", "2025-11-09", "2025-11-09", D),
        (date(2025, 11, 9), "over the weekend", "2025-11-08", "2025-11-09", W),
        (date(2025, 11, 9), "last weekend", "2025-11-01", "2025-11-02", W),
    ],
)
def test_calendar_edges(published: date, text: str, start: str, end: str, precision: TimePrecision) -> None:
    assert span(text, published) == (start, end, precision)


def test_resolved_reference_keeps_its_evidence_and_flags() -> None:
    expr = ev("on Sunday")
    ref = resolve_time(expr, PUB)
    assert ref is not None
    assert ref.evidence is expr
    assert ref.resolved is True
    assert ref.historical is False


@pytest.mark.parametrize(
    ("text", "historical"),
    [
        ("in 2017", True),
        ("in 2011", True),
        ("last year", False),
        ("since 2011", False),
        ("Last month", False),
    ],
)
def test_historical_flag(text: str, historical: bool) -> None:
    ref = resolve_time(ev(text), PUB)
    assert ref is not None
    assert ref.historical is historical


def test_is_historical_is_more_than_a_year_before_publication() -> None:
    assert is_historical(date(2017, 1, 1), date(2017, 12, 31), PUB)
    assert not is_historical(date(2024, 1, 1), date(2024, 12, 31), PUB)
    assert not is_historical(date(2011, 1, 1), PUB, PUB)


def test_reporting_window_is_the_week_to_publication() -> None:
    window = reporting_window(PUB)
    assert (window.start, window.end) == (date(2025, 11, 7), PUB)
    assert window.precision == W
    assert window.evidence is None
    assert window.resolved is False
    assert window.historical is False


FUTURE_OR_AMBIGUOUS = [
    "next week",
    "tomorrow",
    "in the coming days",
    "the next two days",
    "next month",
    "next year",
    "in December 2025",
    "in 2026",
    "next Sunday",
    "this week",
    "this month",
    "this year",
    "in November",
    "November 2025",
    "14 November",
    "December",
    "late November",
    "13-15 November",
    "this weekend",
    "this summer",
    "mid-November",
]


@pytest.mark.parametrize("published", [PUB, date(2025, 11, 9), date(2024, 2, 29), date(2025, 12, 31)])
@pytest.mark.parametrize("text", FUTURE_OR_AMBIGUOUS)
def test_past_tense_never_dates_after_publication(text: str, published: date) -> None:
    ref = resolve_time(ev(text), published, tense_past=True)
    assert ref is None or ref.start <= ref.end <= published


@pytest.mark.parametrize("text", ["next week", "tomorrow", "in the coming days", "in 2026", "next Sunday"])
def test_forward_looking_expressions_are_dropped_in_past_tense(text: str) -> None:
    assert span(text) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on Sunday", "2025-11-16", "2025-11-16", D),
        ("next week", "2025-11-17", "2025-11-23", W),
        ("tomorrow", "2025-11-14", "2025-11-14", D),
        ("this week", "2025-11-10", "2025-11-16", W),
        ("12 November", "2026-11-12", "2026-11-12", D),
        ("13 November", "2025-11-13", "2025-11-13", D),
        ("in November", "2025-11-01", "2025-11-30", M),
        ("Feb 29", "2028-02-29", "2028-02-29", D),
        ("late November", "2025-11-21", "2025-11-30", W),
        ("last month", "2025-10-01", "2025-10-31", M),  # explicit past stays past
    ],
)
def test_future_tense_reads_ambiguous_dates_forward(
    text: str, start: str, end: str, precision: TimePrecision
) -> None:
    assert span(text, tense_past=False) == (start, end, precision)
