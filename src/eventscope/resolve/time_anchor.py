"""The day a relative time is counted from, when the sentence states when it was told.

"Last week", "two months ago" and "yesterday" count from the day of the telling. That is the
publication date, except in a sentence that dates its own telling: "On 3 December 2019, it was reported
that last week a boy was killed", "On 25 November 2019, sources said that two months ago militiamen
killed two people" count from the stated day (a report published later, or a summary written years on,
as event coders' notes are). The stated date must carry its year (so it names one day for sure), come
before the relative time, and be followed by a word of telling between the two.
"""

from __future__ import annotations

import re
from datetime import date

from eventscope.models import Evidence
from eventscope.resolve.time import resolve_time

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?:1[89]|20)\d\d\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/(?:1[89]|20)\d\d\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Words of telling between the stated date and the relative time ("reported that", "said", "told").
_TELLING = re.compile(
    r"(?i)\b(?:report(?:s|ed|ing)?|sa(?:y|ys|id)|t(?:ell|ells|old)|according|claim(?:s|ed)?|stat(?:es|ed)"
    r"|announc(?:es|ed)|confirm(?:s|ed)|revea(?:ls|led)|learn(?:s|ed|t))\b"
)


def telling_date(sentence: Evidence, time: Evidence, published: date) -> date | None:
    """The stated day of the telling that the relative ``time`` counts from (see the module docstring),
    or None when the sentence gives none; ``sentence`` and ``time`` are evidence in one text."""
    if _YEAR.search(time.text) or not sentence.start <= time.start <= sentence.end:
        return None
    head = sentence.text[: time.start - sentence.start]
    stated = list(_FULL_DATE.finditer(head))
    if not stated:
        return None
    last = stated[-1]
    if not _TELLING.search(head[last.end() :]):
        return None
    found = resolve_time(Evidence(sentence.article_id, 0, 0, last.group()), date.max)
    if found is None or found.start != found.end or found.start > published:
        return None
    return found.start
