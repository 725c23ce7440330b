"""Stated intentions (extract/intent.py), reported obligations as demands (triggers.is_reported_obligation)
and the roles they take (extract/roles.py), on real sentences with the real model."""

from __future__ import annotations

import pytest

from eventscope.extract.intent import intent_type
from eventscope.models import Mention, Modality
from tests.extraction import extract_mentions


def _mentions(nlp, text: str) -> dict[str, Mention]:  # type: ignore[no-untyped-def]
    return {m.trigger.text: m for m in extract_mentions(nlp, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover"),
    [
        ("The rebels said they will release the minister on Sunday.", "release", "AGREE"),
        ("Syria says it is willing to withdraw its troops from Lebanon.", "withdraw", "AGREE"),
        ("The UN will provide 25,000 tons of food aid to the refugees.", "provide", "AGREE"),
        (
            "Palestinian leaders said they would boycott all contact with the United States.",
            "boycott",
            "THREATEN",
        ),
        (
            "Nigeria announced that it will withdraw its troops from Chad unless talks resume.",
            "withdraw",
            "THREATEN",
        ),
        ("Syria says it will not accept any more refugees.", "accept", "REJECT"),
    ],
)
def test_stated_intentions_are_coded_as_the_intention(nlp, text: str, word: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    mention = _mentions(nlp, text)[word]
    assert mention.type.plover == plover
    assert mention.modality is Modality.ASSERTED  # the statement of intent itself happened


@pytest.mark.model
def test_past_acts_and_preparations_keep_their_type(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _mentions(nlp, "The rebels released the minister on Sunday.")["released"].type.plover == "RETREAT"
    doc = nlp("The army prepared to resume shelling the rebel-held hills.")
    shelling = next(t for t in doc if t.lower_ == "shelling")
    assert intent_type(shelling, "ASSAULT", "shelling") is None


@pytest.mark.model
def test_reported_obligation_is_the_speakers_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _mentions(nlp, "Russia said on Tuesday that Sudan must return the helicopter.")["return"]
    assert mention.type.plover == "DEMAND"
    assert mention.actor is not None and mention.actor.text == "Russia"
    assert mention.recipient is not None and mention.recipient.text == "Sudan"


@pytest.mark.model
def test_pronoun_under_a_reporting_verb_is_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _mentions(nlp, "Hungary has said it will support the resolution.")["support"]
    assert mention.actor is not None and mention.actor.text == "Hungary"


@pytest.mark.model
def test_recipient_of_giving_is_who_gets_it_not_what_is_given(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _mentions(nlp, "Finland gave Tanzania a grant of 580 million shillings.")["gave"]
    assert mention.recipient is not None and mention.recipient.text == "Tanzania"
    handed = _mentions(nlp, "Swiss doctors handed over 700 kg of medicine to the Red Crescent.")["handed"]
    assert handed.recipient is not None and "Red Crescent" in handed.recipient.text


@pytest.mark.model
def test_who_is_asked_in_a_demand_that_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _mentions(nlp, "The PRC on Tuesday demanded that the US cancel the arms sale.")["demanded"]
    assert mention.recipient is not None and mention.recipient.text.endswith("US")


@pytest.mark.model
def test_admitting_party_acts_on_the_entrant(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _mentions(nlp, "The US announced Syria's entry into the coalition.")["entry"]
    assert mention.actor is not None and mention.actor.text.endswith("US")
    assert mention.recipient is not None and mention.recipient.text == "Syria"
