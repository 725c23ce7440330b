"""The fast paths of extraction give what the slower way they replace gives.

Array scans instead of walking tokens (extract/tokenscan.py), a quantity pre-check before the magnitude
patterns (extract/magnitudes.py), needles before the time rules (extract/times.py), and month names read
without dateparser (resolve/time_calendar.py). Speed itself is measured in bench/, not here.
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest
import spacy

from eventscope.extract.magnitudes import PATTERNS, find_magnitudes
from eventscope.extract.tokenscan import where_capitalised, where_lemma, where_lower
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.resolve import time_calendar

TEXT = (
    "Gunmen killed 12 villagers near the Syrian–Lebanese border on Sunday, Lebanese media reported. "
    "Ölfen, ÉCOLE and McDonald's were not involved; U.S. officials said three soldiers were wounded. "
    "About 2,000 protesters gathered in Beirut. The Border crossing at Al-Qusayr reopened in March 1988."
)


@pytest.fixture(scope="module")
def doc() -> spacy.tokens.Doc:
    return spacy.blank("en")(TEXT)


def test_where_lower_equals_token_walk(doc: spacy.tokens.Doc) -> None:
    words = frozenset({"border", "near", "in", "protesters"})
    assert where_lower(doc, words) == [t.i for t in doc if t.lower_ in words]
    assert len(where_lower(doc, frozenset({"border"}))) == 2  # "border" and "Border"
    assert where_lower(spacy.blank("en")(""), words) == []


def test_where_capitalised_equals_token_walk(doc: spacy.tokens.Doc) -> None:
    expected = [t.i for t in doc if t.text[:1].isupper()]
    assert where_capitalised(doc) == expected
    assert {doc[i].text for i in expected} >= {"Ölfen", "ÉCOLE", "McDonald", "U.S.", "Al"}


def _slow_magnitudes(sentence: str) -> list[tuple[str, str]]:
    """Every pattern on the sentence, no pre-checks (what find_magnitudes did before them)."""
    found: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if any(s <= m.start("q") < e for s, e in taken):
                continue
            n = m.group("n")
            if n is not None and n.isdigit() and 1900 <= int(n) <= 2100 and kind == "size":
                continue
            taken.append((m.start(), m.end()))
            found.append((kind, m.group(0)))
    return found


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed 12 villagers and wounded three others.",
        "The death toll rose to at least 40, and dozens were hurt.",
        "Thousands of protesters marched; nobody was hurt.",
        "Two policemen were shot dead and between 5 and 7 people injured.",
        "The ministry said the talks would resume next week.",
        "In 1998 students protested.",
    ],
)
def test_magnitudes_pre_checks_change_nothing(sentence: str) -> None:
    fast = [(m.kind, m.evidence.text) for m in find_magnitudes(sentence, 0, "a")]
    assert fast == _slow_magnitudes(sentence)


@pytest.mark.parametrize(
    "published", [date(1990, 1, 1), date(1989, 6, 15), date(2024, 2, 29), date(2025, 12, 31)]
)
def test_months_read_without_dateparser_as_dateparser_reads_them(published: date) -> None:
    names = [m.lower() for m in calendar.month_name[1:]] + [m.lower() for m in calendar.month_abbr[1:]]
    for phrase in [*names, "sept", "jan.", *(n + " 1988" for n in names), "march, 2005"]:
        fast = time_calendar.day_and_month(phrase, published)
        assert fast is not None, phrase
        assert fast == time_calendar.dateparser_range(phrase, published), phrase


def test_month_alone_is_the_latest_one_begun_by_publication() -> None:
    march = time_calendar.day_and_month("march", date(1990, 1, 1))
    assert march is not None and (march.start, march.end) == (date(1989, 3, 1), date(1989, 3, 31))
    january = time_calendar.day_and_month("january", date(1990, 1, 1))
    assert january is not None and january.start == date(1990, 1, 1)


def test_where_lemma_reads_text_without_lemmas(doc: spacy.tokens.Doc) -> None:
    # a blank pipeline has no lemmas: the lower-case text stands in, as syntax.lemma_of reads it
    assert where_lemma(doc, frozenset({"border", "killed"})) == [
        t.i for t in doc if t.lower_ in {"border", "killed"}
    ]


@pytest.mark.model
def test_trigger_candidates_hold_every_token_match_accepts(nlp: spacy.language.Language) -> None:
    lexicon = load_trigger_lexicon()
    doc = nlp(TEXT + " The envoy said Israel must return the prisoners. Troops shelled the village.")
    accepted = [t.i for t in doc if lexicon.match(t) is not None]
    candidates = lexicon.candidates(doc)
    assert accepted and set(accepted) <= set(candidates)
    assert candidates == sorted(set(candidates))
    assert any(lexicon.match(doc[i]).plover == "DEMAND" for i in accepted)  # type: ignore[union-attr]


@pytest.mark.parametrize("published", [date(1990, 1, 1), date(2026, 11, 25), date(2000, 2, 29)])
def test_two_digit_years_and_weekdays_read_as_dateparser_reads_them(published: date) -> None:
    phrases = [
        "2 feb 89",
        "31 dec 00",
        "29 feb 96",
        "15 jun 30",
        "friday, 23 june",
        "sat 3 jan 90",
        "mon. 1 may",
    ]
    for phrase in phrases:
        fast = time_calendar.day_and_month(phrase, published)
        assert fast is not None, phrase
        assert fast == time_calendar.dateparser_range(phrase, published), phrase
    # a two-digit year is its latest reading, by century, on or before publication
    ninety = time_calendar.day_and_month("3 jan 90", date(1990, 1, 5))
    assert ninety is not None and ninety.start == date(1990, 1, 3)
    assert time_calendar.day_and_month("3 jan 90", date(2026, 11, 25)).start == date(1990, 1, 3)  # type: ignore[union-attr]
