"""Temporal expressions in an article: where the text says when ("on Sunday", "last month", "in 2017").

Recognition only; :mod:`eventscope.resolve.time` turns the phrases into date ranges. Sources:

- spaCy ``DATE`` entities, and ``TIME`` entities that name a day ("Sunday night", "this morning");
- rules for what the small model misses or splits ("NOV 13, 2025" comes out as "13, 2025"; "from 2012 to
  2017" as "2012"), which also let the finder work on a ``spacy.blank("en")`` Doc.

Not dates, so not returned: durations ("for two years", "three days"), ages ("30-year-old", "aged 45"),
frequencies ("every year"), decades ("the 1990s"), clock times ("at 1830"), anaphora we cannot anchor
("the next day"), and a bare year that only modifies a noun ("a 2017 law"). The phrase is kept as found,
plus a preceding "on"/"in"/"since"/"until"/"during"/"over", because the resolver reads "since March"
differently from "March".
Overlapping candidates keep the longer span (spaCy's on a tie).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventscope.models import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A phrase of the article that says when something happened, and how it was found."""

    evidence: Evidence
    source: str = "ner:DATE"  # "ner:DATE", "ner:TIME" or "rule"


def _month_names(full_only: bool) -> str:
    names: list[str] = []
    for full, abbr in zip(calendar.month_name[1:], calendar.month_abbr[1:], strict=True):
        names += [full, full.upper()]
        if not full_only and abbr != full:
            names += [abbr + r"\.", abbr, abbr.upper() + r"\.", abbr.upper()]
    if not full_only:
        names += [r"Sept\.", "Sept", "SEPT"]
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")(?![A-Za-z])"


_MONTH = _month_names(full_only=False)  # cased: "may" and "march" are also common words
_MONTH_FULL = _month_names(full_only=True)
_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# One word of a date ("NOVEMBER", "Sunday", "morning"), where the tagger may not mark the date (upper case)
_CALENDAR_WORD = re.compile(
    rf"{_MONTH}|{_WEEKDAY}|(?i:day|night|morning|evening|afternoon|week|weekend|month|year)"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a )?few|several|a couple of)"
_UNITS = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_EARLY = r"(?:(?:early|earlier|late|later)\s+(?:on\s+)?)?"
# After a bare year: only what can follow a date adverbial, not a noun it modifies ("in 2017 attacks").
_YEAR_END = (
    r"(?=\s*[,.;:)!?\"'\u201d]|\s*$|\s+[A-Z]|\s+(?:and|or|to|until|when|while|after|before|but|as|by|with|"
    r"from|at|in|on|amid|during|following|the|a|an)\b)"
)
_CI = re.IGNORECASE

_RULES: list[tuple[re.Pattern[str], int]] = [  # (pattern, group that is the expression)
    (
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+(?:the\s+)?)?\d{{1,2}}{_ORD}(?:\s+of)?\s+{_MONTH}(?:,?\s+\d{{4}})?"
        ),
        0,
    ),
    (re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}{_ORD}(?![\d:])(?:,?\s+\d{{4}})?"), 0),
    (re.compile(rf"\b{_MONTH},?\s+\d{{4}}\b"), 0),
    (re.compile(rf"\b(?i:in|since|until|during|through|last|this)\s+({_MONTH_FULL})(?!\s+\d)"), 1),
    (re.compile(rf"\b(?i:early|mid|late)[\s-]+{_MONTH_FULL}"), 0),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"), 0),
    (re.compile(rf"\b(?i:in|since|until|during)\s+({_YEAR}){_YEAR_END}"), 1),
    (
        re.compile(
            rf"\b(?i:from|between)\s+{_YEAR}\s+(?:to|and|until|till)\s+{_YEAR}\b|\b{_YEAR}\s*[-\u2013]\s*{_YEAR}\b"
        ),
        0,
    ),
    (re.compile(rf"\b{_EARLY}(?:(?:last|this past|this|next)\s+)?{_WEEKDAY}{_PART}\b", _CI), 0),
    (
        re.compile(
            rf"\b{_EARLY}(?:the\s+day\s+before\s+)?(?:today|tonight|yesterday|overnight|last\s+night|"
            rf"this\s+(?:morning|afternoon|evening)){_PART}\b(?!\s+(?:curfew|stay|shift))",
            _CI,
        ),
        0,
    ),
    (
        re.compile(
            r"\b(?:(?:early|earlier|mid|late|later)[\s-]+|the\s+(?:beginning|start|middle|end)\s+of\s+)?"
            r"(?:last|this past|this|next)\s+(?:week|weekend|month|year)\b|\bthe\s+weekend\b",
            _CI,
        ),
        0,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?:last|past|coming)\s+(?:{_NUM}\s+)?{_UNITS}\b|\brecent\s+{_UNITS}\b", _CI
        ),
        0,
    ),
    (
        re.compile(
            rf"\b(?:(?:just|only|barely|some|about|around|nearly|almost|more\s+than|less\s+than)\s+)?"
            rf"(?:{_NUM}\s+)?{_UNITS}\s+ago\b",
            _CI,
        ),
        0,
    ),
    (re.compile(r"\b(?:last|this past|this|next)\s+(?:spring|summer|autumn|fall|winter)\b", _CI), 0),
]

# Words each rule above cannot match without (lower case), in the same order: a rule whose words are
# all absent from the article does not run, which saves most of the regex time on a typical text.
_MONTH_NEEDLES = tuple(m[:3].lower() for m in calendar.month_abbr[1:])
_YEAR_NEEDLES = ("18", "19", "20")
_RULE_NEEDLES: tuple[tuple[str, ...], ...] = (
    _MONTH_NEEDLES,
    _MONTH_NEEDLES,
    _MONTH_NEEDLES,
    _MONTH_NEEDLES,
    ("early", "mid", "late"),
    ("/", "-"),
    _YEAR_NEEDLES,
    _YEAR_NEEDLES,
    tuple(d.lower() for d in calendar.day_name),
    ("today", "tonight", "yesterday", "overnight", "night", "morning", "afternoon", "evening"),
    ("week", "month", "year"),
    ("last", "past", "coming", "recent"),
    ("ago",),
    ("spring", "summer", "autumn", "fall", "winter"),
)

_DAY_ANCHOR = re.compile(
    rf"\b(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow|overnight|last night|"
    rf"this (?:morning|afternoon|evening))\b|{_MONTH}\s+\d|\d\s+{_MONTH}",
    _CI,
)
_NOT_A_DATE = [
    # durations and offsets from something else: "for two years", "three days", "a day later"
    re.compile(
        rf"^(?:for\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|over\s+|some\s+|"
        rf"at\s+least\s+|up\s+to\s+|the\s+first\s+|the\s+)?(?:{_NUM}\s+|many\s+|\d+\s+)?(?:more\s+|full\s+|"
        rf"consecutive\s+|straight\s+)?(?:{_UNITS}|nights?|centur(?:y|ies))(?:\s+(?:long|later|earlier|before|after))?$",
        _CI,
    ),
    re.compile(r"year[s]?[-\s]old|years\s+of\s+age", _CI),  # ages
    re.compile(
        r"^(?:every|each|per|once\s+a|twice\s+a)\b|^(?:daily|weekly|monthly|annual(?:ly)?|yearly)$", _CI
    ),
    re.compile(r"\d0'?s\b|^the\s+(?:nineties|eighties|seventies|sixties)$", _CI),  # decades
    re.compile(
        r"^(?:now|currently|recently|then|once|nowadays|these\s+days|those\s+days|the\s+past|the\s+future|"
        r"the\s+time|that\s+time|this\s+time|the\s+same\s+day|that\s+day|the\s+day|the\s+eve|"
        r"(?:the\s+)?(?:previous|following|next|preceding)\s+(?:day|night|morning|evening)|"
        r"the\s+(?:previous|following|next|preceding)\s+(?:week|month|year)|"
        r"the\s+(?:day|night)\s+(?:before|after))$",
        _CI,
    ),
]
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|ages\s+of)\s+$", _CI)
_NOT_WEEKDAY_BEFORE = re.compile(r"\b(?:bloody|good|black|ash|palm|easter|holy|super|cyber|maundy)\s+$", _CI)
_NOT_WEEKDAY_AFTER = re.compile(
    r"^\s+(?:times|telegraph|express|mail|post|herald|mirror|agreement|accord)\b", _CI
)
# A date that begins the name of a group: "the 19 April Movement" (M-19), "the March 14 Alliance", "the
# 26th of July Movement", "the April 6 Youth Movement"
_GROUP_NAME_AFTER = re.compile(
    r"^\s+(?:youth\s+|revolutionary\s+)?(?:movement|alliance|coalition|front|brigades?|legion|commandos?|"
    r"command|organi[sz]ation)\b(?!-)",  # not "on Sunday front-line troops"
    _CI,
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|since|until|till|during|over)[ \t\u00a0]+$", _CI)
_PREPOSITION_START = re.compile(r"^(?:on|in|since|until|till|during|over|from|between)\s", _CI)


def is_calendar_word(word: str) -> bool:
    """A month, a weekday or a part of the calendar ("16 NOVEMBER", "on Sunday", "that morning")."""
    return _CALENDAR_WORD.fullmatch(word) is not None


def find_time_expressions(doc: Doc, article_id: str, text: str | None = None) -> list[TimeExpression]:
    """Date phrases of the Doc, in text order, without overlaps; offsets index ``doc.text``.

    ``text``: ``doc.text`` when the caller has it already (spaCy joins every token to make it).
    """
    text = doc.text if text is None else text
    candidates: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ == "DATE" and not _year_modifying_noun(ent):
            candidates.append((ent.start_char, ent.end_char, "ner:DATE"))
        elif ent.label_ == "TIME" and _DAY_ANCHOR.search(ent.text):
            candidates.append((ent.start_char, ent.end_char, "ner:TIME"))
    lowered = text.lower()
    for (pattern, group), needles in zip(_RULES, _RULE_NEEDLES, strict=True):
        if any(n in lowered for n in needles):
            candidates += [(m.start(group), m.end(group), "rule") for m in pattern.finditer(text)]
    kept = [c for c in (_trim(text, *c) for c in candidates) if c[0] < c[1] and _is_date(text, c[0], c[1])]
    found: list[TimeExpression] = []
    previous_end = 0
    for start, end, source in sorted(_longest_first(kept)):
        before = _PREPOSITION_BEFORE.search(text, max(previous_end, start - 12), start)
        if before and not _PREPOSITION_START.match(text[start:end]):
            start = before.start()
        found.append(TimeExpression(Evidence(article_id, start, end, text[start:end]), source))
        previous_end = end
    return found


def _year_modifying_noun(ent: Span) -> bool:
    """ "a 2017 law": the year dates the law, not an event of the sentence."""
    head = ent.root.head
    return (
        re.fullmatch(_YEAR, ent.text) is not None
        and ent.root.dep_ in ("nummod", "compound", "amod", "nmod")
        and head.i >= ent.end
        and head.pos_ in ("NOUN", "PROPN")
    )


def _trim(text: str, start: int, end: int, source: str) -> tuple[int, int, str]:
    while end > start and text[end - 1] in " \t\n\u00a0,;:!?\"'\u201c\u201d":
        end -= 1
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    while start < end and text[start] in " \t\n\u00a0\"'\u201c\u201d":
        start += 1
    return start, end, source


def _is_date(text: str, start: int, end: int) -> bool:
    phrase = " ".join(text[start:end].split())
    if any(p.search(phrase) for p in _NOT_A_DATE) or _AGE_BEFORE.search(text, max(0, start - 10), start):
        return False
    if _is_clock_time(text, start, end, phrase) or _GROUP_NAME_AFTER.match(text[end : end + 40]):
        return False
    if re.match(_WEEKDAY, phrase, _CI):  # "Bloody Sunday", "the Sunday Times"
        return not _NOT_WEEKDAY_BEFORE.search(
            text, max(0, start - 10), start
        ) and not _NOT_WEEKDAY_AFTER.match(text[end : end + 15])
    return True


# A 24-hour clock time written as four digits ("at 1830", "2100 (0300 GMT)"), which the model often
# tags as a year: one before 1900 ("1145") or after "at" or before "hours"/"GMT" is a time of day,
# unless a year's preposition comes before it ("in 1835").
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_BEFORE = re.compile(r"\b(?:at|approximately|around|about|by|until|till)\s+$", _CI)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|of|from|during|year)\s+$", _CI)  # "assassinated in 1835"
_CLOCK_AFTER = re.compile(r"\s*(?:hours?\b|hrs\b|h\b|gmt\b|local\s+time\b|\(\s*\d{4}\s+gmt)", _CI)


def _is_clock_time(text: str, start: int, end: int, phrase: str) -> bool:
    if _CLOCK.fullmatch(phrase) is None:
        return False
    if _YEAR_BEFORE.search(text, max(0, start - 20), start) is not None:
        return False
    return (
        int(phrase) < 1900
        or _CLOCK_BEFORE.search(text, max(0, start - 20), start) is not None
        or _CLOCK_AFTER.match(text, end) is not None
    )


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Greedy: longer spans first, spaCy before rules on a tie; drop whatever overlaps a kept one."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[2] == "rule", s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return kept
