"""MUC-4 relevance rules that keep summaries, habits and unspecific reports out (the task definition's
"specific", "reported as factual" and "military versus military" rules); on hand-made mentions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscope.evaluate.muc4_relevance import incidents, is_terrorist_incident
from eventscope.evaluate.muc4_text import is_bare
from eventscope.models import ActorRef, EventType, Evidence, Mention, TimePrecision, TimeRef

DAY = date(1989, 11, 20)


def _mention(
    sentence: str, trigger: str, mode: str | None = None, *, recipient: str | None = None, start: int = 0
) -> Mention:
    """A mention of ``trigger`` (its first occurrence) in ``sentence``, the sentence at ``start``."""
    at = sentence.index(trigger)
    rec = None
    if recipient is not None:
        r = sentence.index(recipient)
        rec = ActorRef(Evidence("a", start + r, start + r + len(recipient), recipient))
    return Mention(
        f"m{start}-{trigger}-{at}",
        "a",
        Evidence("a", start, start + len(sentence), sentence),
        Evidence("a", start + at, start + at + len(trigger), trigger),
        EventType("ASSAULT", mode, "", "", ""),
        recipient=rec,
    )


def _dated(m: Mention, text: str = "TODAY") -> Mention:
    return replace(m, time=TimeRef(DAY, DAY, TimePrecision.DAY, evidence=Evidence("a", 0, len(text), text)))


def test_bare_victims_in_a_sentence_about_soldiers_are_the_soldiers() -> None:
    sentence = "THE BRIGADE REPORTED 5 SOLDIERS KILLED, SEVERAL WOUNDED."
    killed = _mention(sentence, "KILLED", recipient="5 SOLDIERS")
    wounded = _mention(sentence, "WOUNDED", recipient="SEVERAL")
    assert not is_terrorist_incident(wounded, DAY)  # a bare toll (muc4_context.is_bare_toll)
    assert incidents([killed, wounded], DAY) == []
    # named civilian victims next to the soldiers are an incident of their own
    civilians = _mention(
        "5 SOLDIERS WERE KILLED AND TWO PEASANTS WOUNDED.", "WOUNDED", recipient="TWO PEASANTS"
    )
    soldiers = _mention("5 SOLDIERS WERE KILLED AND TWO PEASANTS WOUNDED.", "KILLED", recipient="5 SOLDIERS")
    assert incidents([soldiers, civilians], DAY) == [civilians]
    assert is_bare("SEVERAL") and is_bare("THE ONES") and not is_bare("TWO PEASANTS")


def test_killed_in_action_is_a_combat_toll() -> None:
    action = _mention("SOME MEMBERS OF THIS PATROL WERE WOUNDED, OTHERS WERE KILLED IN ACTION.", "KILLED")
    assert not is_terrorist_incident(action, DAY)
    # "in the action" may be the attack itself
    attack = _mention("THREE PEASANTS WERE KILLED IN THE ACTION.", "KILLED", recipient="THREE PEASANTS")
    assert is_terrorist_incident(attack, DAY)


def test_present_passive_is_a_habit_not_a_report() -> None:
    habit = _mention("NEVERTHELESS, THEY ARE MURDERED OR HARASSED.", "MURDERED")
    assert not is_terrorist_incident(habit, DAY)
    going_on = _mention(
        "ARMORED PERSONNEL CARRIERS ARE BEING DESTROYED IN THE STREETS.", "DESTROYED", "destroy"
    )
    assert not is_terrorist_incident(going_on, DAY)
    adverb = _mention("CIVILIANS ARE IMMEDIATELY EXECUTED.", "EXECUTED", "execute")
    assert not is_terrorist_incident(adverb, DAY)
    # a singular may be the state an incident left ("the plane is completely destroyed"); the past is news
    state = _mention("IT IS COMPLETELY DESTROYED.", "DESTROYED", "destroy")
    assert is_terrorist_incident(state, DAY)
    past = _mention("TWO JUDGES WERE MURDERED.", "MURDERED", recipient="TWO JUDGES")
    assert is_terrorist_incident(past, DAY)
    assert is_terrorist_incident(_dated(habit, "TODAY"), DAY)


def test_victims_in_the_hundreds_are_a_tally() -> None:
    tally = _mention(
        "NEARLY 1,000 OF ITS MEMBERS HAVE BEEN MURDERED.", "MURDERED", recipient="NEARLY 1,000 OF ITS MEMBERS"
    )
    assert not is_terrorist_incident(tally, DAY)
    few = _mention("12 OF ITS MEMBERS WERE MURDERED.", "MURDERED", recipient="12 OF ITS MEMBERS")
    assert is_terrorist_incident(few, DAY)
