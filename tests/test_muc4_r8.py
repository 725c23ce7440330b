"""MUC-4 relevance, round 8: a bare toll of harm and torture are not incidents by
themselves (evaluate/muc4_context.py); on hand-made mentions with invented sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscope.evaluate.muc4_context import is_bare_toll, is_torture
from eventscope.evaluate.muc4_relevance import is_terrorist_incident
from eventscope.models import ActorRef, EventType, Evidence, Mention, TimePrecision, TimeRef

DAY = date(1991, 6, 20)


def _mention(
    sentence: str,
    trigger: str,
    mode: str | None = None,
    *,
    recipient: str | None = None,
    actor: str | None = None,
) -> Mention:
    """A mention of ``trigger`` (its first occurrence) in ``sentence``."""
    at = sentence.index(trigger)

    def ref(text: str | None) -> ActorRef | None:
        if text is None:
            return None
        i = sentence.index(text)
        return ActorRef(Evidence("a", i, i + len(text), text))

    return Mention(
        f"m-{trigger}-{at}",
        "a",
        Evidence("a", 0, len(sentence), sentence),
        Evidence("a", at, at + len(trigger), trigger),
        EventType("ASSAULT", mode, "", "", ""),
        actor=ref(actor),
        recipient=ref(recipient),
    )


def _dated(m: Mention, text: str = "YESTERDAY") -> Mention:
    return replace(m, time=TimeRef(DAY, DAY, TimePrecision.DAY, evidence=Evidence("a", 0, len(text), text)))


def test_a_toll_with_no_doer_and_only_a_count_for_victims_is_not_an_incident() -> None:
    m = _mention("As a result, several were killed and wounded.", "killed", recipient="several")
    assert is_bare_toll(m)
    assert not is_terrorist_incident(m, DAY)


def test_a_toll_with_no_victims_named_at_all_is_not_an_incident() -> None:
    m = _mention("The mayor said he regrets that 12 persons have died and 40 have been wounded.", "wounded")
    assert is_bare_toll(m)
    assert not is_terrorist_incident(m, DAY)


def test_harm_to_named_victims_is_kept() -> None:
    m = _mention("Two teachers were wounded in the market square.", "wounded", recipient="Two teachers")
    assert not is_bare_toll(m)
    assert is_terrorist_incident(m, DAY)


def test_harm_with_a_doer_is_kept() -> None:
    m = _mention(
        "Several were killed by unknown gunmen.", "killed", recipient="Several", actor="unknown gunmen"
    )
    assert not is_bare_toll(m)


def test_a_dated_toll_is_kept() -> None:
    m = _dated(_mention("Yesterday three were killed near the bridge.", "killed", recipient="three"))
    assert not is_bare_toll(m)


def test_the_act_itself_is_not_a_toll() -> None:
    m = _mention("A bomb exploded near the bridge.", "exploded", "explosives", actor="A bomb")
    assert not is_bare_toll(m)


def test_torture_alone_is_not_an_incident() -> None:
    m = _mention("The committee met the relatives of tortured prisoners.", "tortured", "torture")
    assert is_torture(m)
    assert not is_terrorist_incident(m, DAY)


def test_the_killing_beside_the_torture_is_kept() -> None:
    sentence = "The bodies of two farmers were found; they had been tortured and shot by gunmen."
    shot = _mention(sentence, "shot", "firearms", recipient="two farmers", actor="gunmen")
    assert not is_torture(shot)
    assert is_terrorist_incident(shot, DAY)
