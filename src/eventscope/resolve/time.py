"""Temporal expressions -> inclusive date ranges with a precision, relative to the publication date.

Relative and vague expressions follow our own rules (below); absolute ones ("13 November", "Nov. 13,
2025", "November") are read by ``resolve/time_calendar.py``, only when the text holds nothing but date
words.

Windows chosen here (each one a judgement, kept in one place):

- a bare weekday ("on Sunday") is the last such day on or before publication in past tense (wire copy
  says "on Thursday" for the day of a Thursday story), the next one strictly after in future tense;
  "last Thursday" in a Thursday story is a week back.
- "in recent days" / "the past few days": the 10 days to publication (WEEK);
  "recent weeks" 28 days, "recent months" 180 days.
- "the past few hours", "the last 12 hours", "hours ago" (fewer than 24), "minutes ago": publication day.
- "just days ago" / "days ago": publication - 7 .. publication - 1 (WEEK); "N weeks ago": +-3 days;
  "N months ago": +-15 days (MONTH) around the day N months back.
- "since X": X's start .. publication (historical is then False: the state is ongoing).
- "until X": X itself (the last date the text places the event on); "before X" / "after X": None.
- seasons are northern-hemisphere meteorological ones (spring = March-May).
- past tense never yields a date after publication: the range is clipped, or None when it starts later.
  Future tense (``tense_past=False``) only changes how ambiguous dates are read (next weekday, next year).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from datetime import date, timedelta

from eventscope.models import Evidence, TimePrecision, TimeRef
from eventscope.resolve.time_calendar import (
    WEEKDAYS,
    YEAR,
    DateRange,
    absolute_date,
    day_range,
    month_range,
    year_range,
)

HISTORICAL_AFTER = timedelta(days=365)
# "N months ago": half a month either side of the day N months back.
MONTH_HALF = timedelta(days=15)
REPORTING_WINDOW = timedelta(days=6)
# "in the past few hours", "in the last 12 hours", "minutes ago": hours back from the report are
# the report's day (a dateline carries no hour to tell otherwise); a full day or more spans two days.
HOURS_OF_THE_DAY = 24
# "recent days" / "the past few days", "recent weeks", "recent months", "the past few years".
FEW = {unit: timedelta(days=n) for unit, n in [("day", 10), ("week", 28), ("month", 180), ("year", 1826)]}

_ORDER = [TimePrecision.DAY, TimePrecision.WEEK, TimePrecision.MONTH, TimePrecision.YEAR]
_SMALL = "a one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_NUMBERS = {w: max(i, 1) for i, w in enumerate(_SMALL.split())} | {
    "an": 1,
    "twenty": 20,
    "a couple of": 2,
    "couple of": 2,
}
_NUM = r"(\d+|(?:a )?few|several|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_UNIT = r"(minute|hour|day|week|month|year|decade)(s?)"
_WD = r"(" + "|".join(WEEKDAYS) + r")"
_PART_OF_DAY = r"(?: (?:morning|afternoon|evening|night|dawn))?"
_EARLY = r"(?:(?:early|earlier|late|later|overnight) (?:on )?|(?:dawn|dusk|noon|midnight) on )?"
_WHICH = r"(last|this past|past|this|next)"
_APPROX = r"(?:just|only|barely|some|about|around|nearly|almost|more than|less than|over)"


def reporting_window(published: date) -> TimeRef:
    """The fallback for a mention with no date of its own: the week to publication, unresolved."""
    return TimeRef(published - REPORTING_WINDOW, published, TimePrecision.WEEK, evidence=None, resolved=False)


def is_historical(start: date, end: date, published: date) -> bool:
    """Background rather than news: the range ended more than a year before publication."""
    return end < published - HISTORICAL_AFTER


def resolve_time(expr: Evidence, published: date, *, tense_past: bool = True) -> TimeRef | None:
    """Resolve one temporal expression against the publication date; None when it names no date."""
    found = _resolve(_normalise(expr.text), published, tense_past)
    if found is None:
        return None
    if tense_past and found.start > published:
        return None
    start, end = found.start, min(found.end, published) if tense_past else found.end
    return TimeRef(start, end, found.precision, expr, historical=is_historical(start, end, published))


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", re.sub(r"'s$", "", text.strip()))  # "13th" -> "13"
    return re.sub(r"\s+", " ", text).strip(" .,;:()[]\"'\u201c\u201d").lower()


def _coarser(*precisions: TimePrecision) -> TimePrecision:
    return max(precisions, key=_ORDER.index)


def _by_span(start: date, end: date) -> TimePrecision:
    days = (end - start).days
    if days <= 1:
        return TimePrecision.DAY
    if days <= 14:
        return TimePrecision.WEEK
    return TimePrecision.MONTH if days <= 92 else TimePrecision.YEAR


def _span(start: date, end: date) -> DateRange:
    return DateRange(start, end, _by_span(start, end))


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _count(word: str | None) -> int | None:
    """A spelled or written count; None for vague ones ("few", "several")."""
    if word is None:
        return 1
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _back(unit: str, n: int, p: date) -> date:
    if unit == "hour":
        return p - timedelta(days=math.ceil(n / 24))
    if unit in ("day", "week"):
        return p - timedelta(days=n * (7 if unit == "week" else 1))
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    return _shift_months(p, -months)


# --- relative rules: each gets the regex groups, the publication date and the tense

Groups = tuple[str | None, ...]
Rule = Callable[[Groups, date, bool], "DateRange | None"]


def _same_day(g: Groups, p: date, past: bool) -> DateRange:
    return day_range(p)


def _yesterday(g: Groups, p: date, past: bool) -> DateRange:
    return day_range(p - timedelta(days=2 if g[0] else 1))


def _tomorrow(g: Groups, p: date, past: bool) -> DateRange:
    return day_range(p + timedelta(days=2 if g[0] else 1))


def _weekday(g: Groups, p: date, past: bool) -> DateRange:
    which, target = g[0] or "", WEEKDAYS.index(g[1] or "")
    if which == "next" or (which in ("", "this") and not past):
        return day_range(p + timedelta(days=(target - p.weekday()) % 7 or 7))
    back = (p.weekday() - target) % 7
    if which in ("last", "past", "previous"):
        back = back or 7  # "last Thursday" in a Thursday article is a week ago
    # wire copy says "on Thursday" for the day of publication itself, so a bare weekday may be today
    return day_range(p - timedelta(days=back))


def _calendar_unit(g: Groups, p: date, past: bool) -> DateRange:
    part, which, unit = g[0] or g[1], g[2] or "this", g[3]
    step = 0 if which == "this" else 1 if which == "next" else -1
    if unit == "weekend":
        # Past tense: the latest weekend begun by publication ("last": the one before if we are in one).
        saturday = p - timedelta(days=(p.weekday() - 5) % 7)
        if step < 0 and p.weekday() >= 5:
            saturday -= timedelta(days=7)
        if step > 0:
            saturday = p + timedelta(days=(5 - p.weekday()) % 7 or 7)
        elif step == 0 and not past and p.weekday() < 5:
            saturday = p + timedelta(days=5 - p.weekday())
        return DateRange(saturday, saturday + timedelta(days=1), TimePrecision.WEEK)
    if unit == "week":
        monday = p - timedelta(days=p.weekday() - 7 * step)
        return DateRange(monday, monday + timedelta(days=6), TimePrecision.WEEK)
    if unit == "month":
        year, month0 = divmod(p.year * 12 + p.month - 1 + step, 12)
        return _part(part, month_range(year, month0 + 1))
    return _part(part, year_range(p.year + step))


def _part(part: str | None, whole: DateRange) -> DateRange:
    """Early / mid / late, beginning / middle / end of a month or a year."""
    if not part or part in ("earlier", "later"):
        return whole
    key = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}.get(part, part)
    if whole.precision == TimePrecision.MONTH:
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, whole.end.day)}[key]
        return _span(whole.start.replace(day=first), whole.start.replace(day=last))
    if whole.precision == TimePrecision.YEAR:
        first, last = {"early": (1, 3), "mid": (5, 8), "late": (10, 12)}[key]
        return _span(date(whole.start.year, first, 1), month_range(whole.start.year, last).end)
    return whole


def _recent(g: Groups, p: date, past: bool) -> DateRange:
    return _span(p - FEW[g[0] or "day"], p)


def _rolling(g: Groups, p: date, past: bool) -> DateRange | None:
    direction, unit, plural = g[0], g[2] or "day", g[3]
    n = None if g[1] is None and plural else _count(g[1])  # "the past days" is vague, "the past day" is one
    if direction not in ("next", "coming") and _within_the_day(unit, n):
        return day_range(p)
    if n is None and unit not in FEW:
        return None
    start = p - FEW[unit] if n is None else _back(unit, n, p)
    if direction in ("next", "coming"):
        return _span(p + timedelta(days=1), p + (p - start))
    return _span(start, p)


def _within_the_day(unit: str | None, n: int | None) -> bool:
    return unit == "minute" or (unit == "hour" and (n is None or n < HOURS_OF_THE_DAY))


def _ago(g: Groups, p: date, past: bool) -> DateRange | None:
    unit = g[1]
    n = _count(g[0]) if g[0] else None
    if _within_the_day(unit, n):
        return day_range(p)
    if n is None:  # "days ago", "just days ago", "a few weeks ago"
        if unit == "day":
            return _span(p - timedelta(days=7), p - timedelta(days=1))
        return _span(p - timedelta(days=28), p - timedelta(days=7)) if unit == "week" else None
    if unit == "hour":
        return _span(p - timedelta(days=math.ceil(n / 24)), p)
    if unit == "day":
        return day_range(p - timedelta(days=n))
    if unit == "week":
        centre = p - timedelta(days=7 * n)
        return DateRange(centre - timedelta(days=3), centre + timedelta(days=3), TimePrecision.WEEK)
    if unit == "month":
        # like "N weeks ago": centred on the day N months back, half a month either side. "Two months
        # ago" told on 10 June is about 10 April, not any day of April: the count is
        # from the day of the telling, and a calendar month would shift the event by up to a month
        centre = _shift_months(p, -n)
        return DateRange(centre - MONTH_HALF, centre + MONTH_HALF, TimePrecision.MONTH)
    return year_range(p.year - n) if unit == "year" else None


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(g: Groups, p: date, past: bool) -> DateRange:
    which, first = g[0] or "", _SEASONS[g[1] or "summer"]
    instances = [
        DateRange(
            date(y, first, 1), _shift_months(date(y, first, 1), 3) - timedelta(days=1), TimePrecision.MONTH
        )
        for y in range(p.year - 2, p.year + 2)
    ]
    if which == "next" or (not which and not past):
        return next(s for s in instances if s.end >= p and (which != "next" or s.start > p))
    if which in ("last", "past", "this past"):
        return [s for s in instances if s.end < p][-1]
    return [s for s in instances if s.start <= p][-1]


def _weekend(g: Groups, p: date, past: bool) -> DateRange:
    return _calendar_unit((None, None, "this", "weekend"), p, past)


_RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(pattern), rule)
    for pattern, rule in [
        (rf"^{_EARLY}(?:today|this (?:morning|afternoon|evening)|tonight|overnight)$", _same_day),
        (rf"^{_EARLY}(?:(the day before )?yesterday|last night){_PART_OF_DAY}$", _yesterday),
        (rf"^(the day after )?tomorrow{_PART_OF_DAY}$", _tomorrow),
        (rf"^{_EARLY}(?:{_WHICH} )?{_WD}{_PART_OF_DAY}$", _weekday),
        (
            r"^(?:(early|earlier|mid|late|later)[- ]|the (beginning|start|middle|end) of )?"
            r"(last|past|previous|this past|this|next) (week|weekend|month|year)$",
            _calendar_unit,
        ),
        (r"^(?:the )?weekend$", _weekend),
        (r"^recent (day|week|month|year)s$", _recent),
        (rf"^(?:the )?(last|past|next|coming) (?:{_NUM} )?{_UNIT}$", _rolling),
        (rf"^(?:{_APPROX} )?(?:{_NUM} )?{_UNIT} ago$", _ago),
        (rf"^(?:{_WHICH} )?(spring|summer|autumn|fall|winter)$", _season),
    ]
]


# --- composition: prefixes, ranges, parts of a period, then absolute dates

# Hedges on a stated date ("around December 26 2019", "on or about 4 May"): the date is the one named,
# as event coders record it (ACLED codes the stated day; its time precision carries the doubt).
_APPROXIMATELY = re.compile(
    r"^(?:on or around|on or about|around|about|approximately|approx\.?|circa|c\.|roughly) (.+)$"
)
_PREFIX = re.compile(r"^(since|until|till|up until|as of|before|after|on|in|during|over|at|from) (.+)$")
_BETWEEN = re.compile(r"^(?:between|from) (.+?) (?:and|to|until|till|through) (.+)$")
_JOINED = re.compile(r"^(.+?) ?(?: and | to | until | till | through |-) ?(.+)$")
# "13-15 november" -> "13 november to 15 november"; "nov 3-5, 2025" -> "nov 3, 2025 to nov 5, 2025"
_DAY_RANGES = [
    (re.compile(r"^(\d{1,2}) ?(?:-|to|and) ?(\d{1,2})( (?:of )?[a-z]+\.?(?:,? \d{4})?)$"), r"\1\3 to \2\3"),
    (re.compile(r"^([a-z]+\.? )(\d{1,2}) ?(?:-|to|and) ?(\d{1,2})((?:,? \d{4})?)$"), r"\1\2\4 to \1\3\4"),
]
_SUBPERIOD = re.compile(r"^(?:the )?(early|mid|late|beginning of|start of|middle of|end of)[- ](.+)$")


def _resolve(s: str, p: date, past: bool) -> DateRange | None:
    if not s:
        return None
    for pattern, replacement in _DAY_RANGES:
        s = pattern.sub(replacement, s)
    if m := _APPROXIMATELY.match(s):
        return _resolve(m.group(1), p, past)
    if m := _BETWEEN.match(s):
        return _joined(_resolve(m.group(1), p, past), _resolve(m.group(2), p, past))
    if m := _PREFIX.match(s):
        word, inner = m.group(1), _resolve(m.group(2), p, past)
        if inner is None or word in ("before", "after"):
            return None  # the text bounds the event on one side only
        if word == "since":
            return _joined(inner, DateRange(p, p, inner.precision))
        return inner
    for pattern, rule in _RULES:
        if m := pattern.match(s):
            return rule(m.groups(), p, past)
    if m := _SUBPERIOD.match(s):
        return _subperiod(m.group(1).split()[0], m.group(2), p, past)
    if (m := _JOINED.match(s)) and (
        joined := _joined(_resolve(m.group(1), p, past), _resolve(m.group(2), p, past))
    ):
        return joined
    return absolute_date(s, p, past)


def _joined(first: DateRange | None, last: DateRange | None) -> DateRange | None:
    if first is None or last is None or first.start > last.end:
        return None
    return DateRange(
        first.start, last.end, _coarser(first.precision, last.precision, _by_span(first.start, last.end))
    )


def _subperiod(part: str, rest: str, p: date, past: bool) -> DateRange | None:
    whole = _resolve(rest, p, past)
    if whole is None:
        return None  # "the start of the war"
    found = _part(part, whole)
    if whole.precision == TimePrecision.MONTH and not YEAR.search(rest):
        # "late November" read on 13 November 2025 (past tense) is November 2024.
        if past and found.start > p:
            found = _part(part, month_range(whole.start.year - 1, whole.start.month))
        elif not past and found.end < p:
            found = _part(part, month_range(whole.start.year + 1, whole.start.month))
    return found
