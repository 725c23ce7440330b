"""Calendar dates for the time resolver (``resolve/time.py``): inclusive day, month and year ranges, and
absolute date phrases ("13 November", "Nov. 13, 2025", "05/11/2025", "2 feb 89").

The common spellings are read here without dateparser (about 3 ms a call); dateparser reads the rest,
loaded on first use. A date without a year is its latest reading on or before publication (past tense)
or the next one after it (future tense).
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from eventscope.models import TimePrecision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept")]
YEAR = re.compile(r"\b(1[0-9]{3}|2[0-9]{3})\b")
# Words an absolute date may contain; anything else ("the 2017 war") keeps dateparser out.
_ABSOLUTE_WORDS = frozenset(MONTHS + WEEKDAYS + ["of", "the", "st", "nd", "rd", "th", "year"])


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive date range and how precisely the text placed the event in it."""

    start: date
    end: date
    precision: TimePrecision


def day_range(d: date) -> DateRange:
    return DateRange(d, d, TimePrecision.DAY)


def month_range(year: int, month: int) -> DateRange:
    return DateRange(
        date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), TimePrecision.MONTH
    )


def year_range(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), TimePrecision.YEAR)


def absolute_date(s: str, p: date, past: bool) -> DateRange | None:
    """A phrase of date words only ("13 november", "2025-11-13", "march 1988"), else None."""
    words = re.findall(r"[a-z]+|\d+", s)
    if not words or any(not w.isdigit() and w not in _ABSOLUTE_WORDS for w in words):
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s):
        return checked_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", s):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # 05/11/2025 is read day-first, as the English-language press outside North America writes
        # dates (UK, Commonwealth, Africa, South Asia, the Middle East) and as conflict coders do;
        # a second number above 12 can only be the day (11/13/2025).
        day, month = (second, first) if second > 12 else (first, second)
        return checked_day(year, month, day)
    if m := re.fullmatch(r"(?:the year )?(\d{4})", s):
        return year_range(int(m.group(1))) if YEAR.fullmatch(m.group(1)) else None
    if not any(w in MONTHS for w in words):
        return None  # "the 13th": which month?
    if (quick := day_and_month(s, p)) is not None:
        found: DateRange | None = quick
    else:
        found = dateparser_range(s, p)
    if found is not None and not past and found.end < p and not YEAR.search(s):
        found = _next_occurrence(found, p)
    return found


_MONTH_NUMBER = (
    {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?(?:,? (\d{4}|\d{2}))?")
_MONTH_DAY = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?")
_MONTH_YEAR = re.compile(r"([a-z]+)\.?(?:,? (\d{4}))?")
# "friday, 23 june": dateparser reads the date and ignores the weekday; so do we.
_WEEKDAY_FIRST = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|fri|sat|sun)"
    r"\.?,? (?=\d)"
)


def day_and_month(s: str, p: date) -> DateRange | None:
    """'13 November', 'Nov. 13, 2025', 'March', 'August 1988': the common absolute dates, without
    dateparser's cost (about 3 ms a call).

    Without a year it is the latest such day (or month) starting on or before publication, as
    dateparser's past preference reads it; anything else (two-digit years, weekdays with a date, odd
    forms) goes to dateparser. A two-digit year ("2 feb 89", wire datelines) is its latest reading, by
    century, on or before publication (also as dateparser reads it).
    """
    s = _WEEKDAY_FIRST.sub("", s, count=1) if s[:1].isalpha() else s
    if (m := _MONTH_YEAR.fullmatch(s)) and (number := _MONTH_NUMBER.get(m.group(1))) is not None:
        if m.group(2) is not None:
            return month_range(int(m.group(2)), number)
        return month_range(p.year if number <= p.month else p.year - 1, number)
    if m := _DAY_MONTH.fullmatch(s):
        day, month, year = m.group(1), m.group(2), m.group(3)
    elif m := _MONTH_DAY.fullmatch(s):
        month, day, year = m.group(1), m.group(2), m.group(3)
    else:
        return None
    number = _MONTH_NUMBER.get(month)
    if number is None:
        return None
    if year is not None and len(year) == 2:
        return _two_digit_year(int(year), number, int(day), p)
    if year is not None:
        return checked_day(int(year), number, int(day))
    this_year = checked_day(p.year, number, int(day))
    if this_year is not None and this_year.start <= p:
        return this_year
    return checked_day(p.year - 1, number, int(day))


def _two_digit_year(yy: int, month: int, day: int, p: date) -> DateRange | None:
    for century in (2100, 2000, 1900, 1800):
        found = checked_day(century + yy, month, day)
        if found is not None and found.start <= p:
            return found
    return None


def dateparser_range(s: str, p: date) -> DateRange | None:
    data = _date_parser(p).get_date_data(s)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    return {"day": day_range(d), "month": month_range(d.year, d.month), "year": year_range(d.year)}.get(
        data.period or ""
    )


def checked_day(year: int, month: int, day: int) -> DateRange | None:
    try:
        return day_range(date(year, month, day))
    except ValueError:
        return None


def _next_occurrence(found: DateRange, p: date) -> DateRange | None:
    """The same day or month in the first year not before publication (future tense; Feb 29 waits)."""
    for year in range(found.start.year + 1, found.start.year + 9):
        same = month_range(year, found.start.month) if found.precision == TimePrecision.MONTH else None
        same = same or checked_day(year, found.start.month, found.start.day)
        if same is not None and same.end >= p:
            return same
    return None


@functools.lru_cache(maxsize=32)
def _date_parser(published: date) -> DateDataParser:
    from dateparser.date import DateDataParser  # heavy: loaded on first use, not at import

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)
