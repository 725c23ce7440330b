"""ACLED's time precision code for an event's time, read as ACLED's codebook reads a source.

The codebook's ``time_precision`` says how exactly the *source* dates the event: 1 when it gives the
actual day, 2 when it gives only a week, a weekend, a few days or an approximate day, 3 when it gives
only a month or a longer period. So:

- a stated day that the text hedges ("on or before 26 August", "around 12 April", "approximately
  3 May", "... (exact date not reported)") is coded as that day with code 2: the doubt goes into the
  precision, not the date;
- a text that states no time for the event keeps the code of the window the resolver gives it (the
  week to publication: 2). ACLED's coders code 1 for most such notes, since their notes leave the day
  to the ``event_date`` column; coding our guessed week as an exact day would hide that it is a guess
  (measured and not kept: time_precision agreement 0.25 -> 0.91 on acled-kenya, see
  docs/evaluation.md).
"""

from __future__ import annotations

import re

from eventscope.models import ACLED_TIME_PRECISION, TimePrecision, TimeRef

DAY_CODE = ACLED_TIME_PRECISION[TimePrecision.DAY]
APPROXIMATE_CODE = ACLED_TIME_PRECISION[TimePrecision.WEEK]

_HEDGE_WORDS = (
    r"on or (?:before|about|around)|(?:at )?around|about|approximately|approx\.|circa|roughly|"
    r"some ?time (?:on|around|before|after)"
)
# The hedge ends right before the date ("On or before August 26th") or opens the date's own words.
_HEDGE_BEFORE = re.compile(rf"(?i)\b(?:{_HEDGE_WORDS})\s*(?:the\s+)?$")
_HEDGE_INSIDE = re.compile(rf"(?i)^\W*(?:{_HEDGE_WORDS})\b")
# "(exact date not reported)", "the date is unclear", "date unknown": the text says its day is a guess.
_DATE_UNSURE = re.compile(
    r"(?i)\bexact (?:date|day)\b[^.;]{0,20}?\b(?:not|un[a-z]+)\b"
    r"|\bdates?\b[^.;]{0,25}?\b(?:not|un)(?:known|clear|certain|reported|specified|confirmed)\b"
)
_LOOKBACK = 30  # characters before the date where its hedge stands


def acled_time_precision(time: TimeRef | None, text: str = "") -> int | None:
    """ACLED's time_precision code (1 day, 2 week or approximate day, 3 month or coarser) for an
    event's time as the resolver gave it, ``text`` being the text its evidence offsets point into;
    None without a time."""
    if time is None:
        return None
    code = ACLED_TIME_PRECISION[time.precision]
    if time.resolved and code == DAY_CODE and hedged(time, text):
        return APPROXIMATE_CODE
    return code


def hedged(time: TimeRef, text: str) -> bool:
    """Whether the text gives the time's day only as approximate: a hedge just before or at the start
    of the date's words, or a remark that the exact date is unknown."""
    if _DATE_UNSURE.search(text):
        return True
    evidence = time.evidence
    if evidence is None:
        return False
    if _HEDGE_INSIDE.match(evidence.text):
        return True
    before = text[max(0, evidence.start - _LOOKBACK) : evidence.start] if text else ""
    return _HEDGE_BEFORE.search(before) is not None
