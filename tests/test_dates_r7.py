"""'N months ago' counts back from the day of the telling, like 'N weeks ago': a month-long window
centred on the day N months back, not the calendar month it falls in."""

from __future__ import annotations

from datetime import date

import pytest

from eventscope.models import Evidence, TimePrecision
from eventscope.resolve.time import resolve_time


def _resolve(text: str, published: date) -> tuple[date, date, TimePrecision]:
    found = resolve_time(Evidence("a", 0, len(text), text), published)
    assert found is not None
    return found.start, found.end, found.precision


@pytest.mark.parametrize(
    ("text", "published", "centre"),
    [
        ("two months ago", date(2021, 6, 20), date(2021, 4, 20)),
        ("3 months ago", date(2022, 3, 31), date(2021, 12, 31)),
        ("a month ago", date(2020, 3, 31), date(2020, 2, 29)),  # the shorter month's last day
        ("about six months ago", date(2023, 1, 10), date(2022, 7, 10)),
    ],
)
def test_months_ago_is_centred_on_the_day_months_back(text: str, published: date, centre: date) -> None:
    start, end, precision = _resolve(text, published)
    assert precision is TimePrecision.MONTH
    assert start + (end - start) / 2 == centre
    assert (end - start).days == 30
    assert end < published


def test_weeks_and_days_ago_are_unchanged() -> None:
    assert _resolve("two days ago", date(2021, 6, 20))[:2] == (date(2021, 6, 18), date(2021, 6, 18))
    start, end, precision = _resolve("two weeks ago", date(2021, 6, 20))
    assert (start, end, precision) == (date(2021, 6, 3), date(2021, 6, 9), TimePrecision.WEEK)
