"""Numbers of people in a sentence: killed, injured, and sizes ("thousands of protesters").

Vague quantities get documented ranges: "dozens" 24-99, "scores" 40-99, "hundreds" 200-999,
"thousands" 2,000-9,999, "tens of thousands" 20,000-99,999; "at least N" is N to open; "more than N"
N+1 to open; "up to N" 1 to N; "N to M" and "between N and M" N to M.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventscope.models import Evidence, Magnitude

WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
    "hundred": 100,
}

VAGUE = {
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "thousands": (2_000, 9_999),
    "hundreds": (200, 999),
    "dozens": (24, 99),
    "scores": (40, 99),
    "several": (3, 9),
    "a few": (2, 5),
}

_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
    + ")"
)
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_QUANT = (
    rf"(?P<q>(?:(?P<mod>at least|more than|over|nearly|almost|about|around|some|up to|as many as)\s+)?"
    rf"(?:(?P<a>{_NUM})\s+(?:to|and|-)\s+(?P<b>{_NUM})|between\s+(?P<c>{_NUM})\s+and\s+(?P<d>{_NUM})|"
    rf"(?P<n>{_NUM})|(?P<v>{_VAGUE})))"
)
PEOPLE_WORDS = (
    "people",
    "persons",
    "civilians",
    "soldiers",
    "troops",
    "fighters",
    "militants",
    "police",
    "policemen",
    "officers",
    "children",
    "women",
    "men",
    "protesters",
    "demonstrators",
    "members",
    "rebels",
    "insurgents",
    "extremists",
    "gunmen",
    "residents",
    "villagers",
    "students",
    "workers",
    "refugees",
    "migrants",
    "worshippers",
    "passengers",
    "others",
    "personnel",
    "attackers",
    "Palestinians",
    "Israelis",
    "Syrians",
    "Lebanese",
)
_PEOPLE = "(?:" + "|".join(sorted(PEOPLE_WORDS, key=len, reverse=True)) + r"|armed extremists|\w+ fighters)"
_I = re.IGNORECASE
# Every pattern needs a quantity; most sentences have none, and the quantity alternation is slow to try
# at every word, so one plain search decides first whether the patterns run at all.
_ANY_QUANTITY = re.compile(rf"\d|\b(?:{_NUM}|{_VAGUE})\b", _I)
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "killed",
        re.compile(
            rf"\b{_QUANT}\s+(?:\w+\s+){{0,3}}?(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+|being\s+)?"
            rf"(?:killed|dead|died|slain|shot dead|lost their lives)\b",
            _I,
        ),
    ),
    ("killed", re.compile(rf"\bkill(?:ed|ing)\s+{_QUANT}\b", _I)),
    ("killed", re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?{_QUANT}\b", _I)),
    (
        "injured",
        re.compile(
            rf"\b{_QUANT}\s+(?:\w+\s+){{0,3}}?(?:were\s+|was\s+|have\s+been\s+)?(?:injured|wounded|hurt)\b",
            _I,
        ),
    ),
    ("injured", re.compile(rf"\b(?:injur|wound)(?:ed|ing)\s+{_QUANT}\b", _I)),
    ("size", re.compile(rf"\b{_QUANT}\s+(?:of\s+)?(?:\w+\s+)?{_PEOPLE}\b", _I)),
)
# Words each pattern cannot match without (lower case), checked before the pattern runs.
_NEEDLES: tuple[tuple[str, ...], ...] = (
    ("kill", "dead", "died", "slain", "lost their lives"),
    ("kill",),
    ("death toll",),
    ("injured", "wounded", "hurt"),
    ("injur", "wound"),
    tuple(w.lower() for w in PEOPLE_WORDS),
)


def _value(text: str | None) -> int | None:
    if text is None:
        return None
    low = text.lower()
    if low in WORD_NUMBERS:
        return WORD_NUMBERS[low]
    return int(low.replace(",", ""))


def _range(m: re.Match[str]) -> tuple[int | None, int | None]:
    if m.group("a"):
        return _value(m.group("a")), _value(m.group("b"))
    if m.group("c"):
        return _value(m.group("c")), _value(m.group("d"))
    if m.group("v"):
        return VAGUE[m.group("v").lower()]
    n = _value(m.group("n"))
    mod = (m.group("mod") or "").lower()
    if n is None:
        return None, None
    if mod == "at least":
        return n, None
    if mod in ("more than", "over"):
        return n + 1, None
    if mod in ("up to", "as many as"):
        return 1, n
    if mod in ("nearly", "almost"):
        return max(n - max(1, n // 10), 0), n
    return n, n


def find_magnitudes(sentence_text: str, offset: int, article_id: str) -> list[Magnitude]:
    """Killed, injured and size figures in one sentence (``offset``: its start in the article text)."""
    return list(_magnitudes(sentence_text, offset, article_id))


@lru_cache(maxsize=64)  # several triggers of one sentence ask for its figures
def _magnitudes(sentence_text: str, offset: int, article_id: str) -> tuple[Magnitude, ...]:
    if _ANY_QUANTITY.search(sentence_text) is None:
        return ()
    lowered = sentence_text.lower()
    found: list[Magnitude] = []
    taken: list[tuple[int, int]] = []
    for (kind, pattern), needles in zip(PATTERNS, _NEEDLES, strict=True):
        if not any(n in lowered for n in needles):
            continue
        for m in pattern.finditer(sentence_text):
            q_start = m.start("q")
            if any(s <= q_start < e for s, e in taken):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if (
                "n" in groups
                and groups["n"].isdigit()
                and 1900 <= int(groups["n"]) <= 2100
                and kind == "size"
            ):
                continue  # a year, not a crowd
            low, high = _range(m)
            taken.append((m.start(), m.end()))
            found.append(
                Magnitude(
                    kind=kind,
                    low=low,
                    high=high,
                    evidence=Evidence(article_id, offset + m.start(), offset + m.end(), m.group(0)),
                )
            )
    return tuple(found)
