"""MUC-4 relevance, round 6: violence a sentence talks about instead of reporting (evaluate/muc4_talk.py)
and ranks of the armed forces as military victims; on hand-made mentions with invented sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscope.evaluate.muc4_military import has_military_target
from eventscope.evaluate.muc4_relevance import RECENT, is_terrorist_incident
from eventscope.evaluate.muc4_talk import (
    is_figurative_explosion,
    is_habitual_agent,
    is_law_enforcement,
    is_legal_talk,
    is_military_casualty_report,
    is_plural_perfect_relative,
    stated_dates_old,
)
from eventscope.models import (
    ActorKind,
    ActorRef,
    EventType,
    Evidence,
    Mention,
    TimePrecision,
    TimeRef,
)

DAY = date(1991, 6, 20)


def _mention(
    sentence: str,
    trigger: str,
    mode: str | None = None,
    *,
    recipient: str | None = None,
    actor: str | None = None,
    kind: ActorKind | None = None,
) -> Mention:
    """A mention of ``trigger`` (its first occurrence) in ``sentence``."""
    at = sentence.index(trigger)

    def ref(text: str | None, k: ActorKind | None = None) -> ActorRef | None:
        if text is None:
            return None
        i = sentence.index(text)
        return ActorRef(Evidence("a", i, i + len(text), text), kind=k)

    return Mention(
        f"m-{trigger}-{at}",
        "a",
        Evidence("a", 0, len(sentence), sentence),
        Evidence("a", at, at + len(trigger), trigger),
        EventType("ASSAULT", mode, "", "", ""),
        actor=ref(actor, kind),
        recipient=ref(recipient),
    )


def _dated(m: Mention, text: str = "YESTERDAY") -> Mention:
    return replace(m, time=TimeRef(DAY, DAY, TimePrecision.DAY, evidence=Evidence("a", 0, len(text), text)))


def test_a_relative_clause_in_the_present_or_perfect_tells_a_habit() -> None:
    habit = _mention("THESE ARE GANGS THAT SYSTEMATICALLY KIDNAP FARMERS.", "KIDNAP", "abduct")
    assert is_habitual_agent(habit) and not is_terrorist_incident(habit, DAY)
    perfect = _mention("IT IS A REGIME THAT HAS MURDERED TEACHERS AND NUNS.", "MURDERED")
    assert is_habitual_agent(perfect)
    # a report of what someone did, and a dated perfect, are news
    report = _mention("GUNMEN WHO ARRIVED BY CAR MURDERED A TEACHER.", "MURDERED", recipient="A TEACHER")
    assert not is_habitual_agent(report) and is_terrorist_incident(report, DAY)
    assert not is_habitual_agent(_dated(perfect))
    # a participle after "that" is no perfect: "the bus that exploded" is left to the other rules
    assert not is_habitual_agent(_mention("THE TRUCK THAT EXPLODED CARRIED FUEL.", "EXPLODED", "explosives"))


def test_casualties_counted_on_the_armed_side_are_a_war_report() -> None:
    ambush = _mention(
        "THE AMBUSH NEAR THE BRIDGE INFLICTED NINE CASUALTIES UPON THE GOVERNMENT TROOPS.", "AMBUSH"
    )
    assert is_military_casualty_report(ambush) and not is_terrorist_incident(ambush, DAY)
    assert is_military_casualty_report(_mention("THE ENEMY SUSTAINED 12 CASUALTIES IN THE RAID.", "RAID"))
    assert is_military_casualty_report(_mention("IN THE ATTACK, THREE OF THE ENEMY WERE KILLED.", "ATTACK"))
    civilians = _mention("THE BOMB CAUSED NINE CASUALTIES AMONG SHOPPERS.", "BOMB", "explosives")
    assert not is_military_casualty_report(civilians)


def test_a_figurative_explosion_is_no_bombing() -> None:
    social = _mention("ECONOMISTS FEAR A SOCIAL EXPLOSION IF PRICES RISE.", "EXPLOSION", "explosives")
    assert is_figurative_explosion(social) and not is_terrorist_incident(social, DAY)
    crisis = _mention(
        "A CABINET CRISIS EXPLODED THIS WEEK.", "EXPLODED", "explosives", actor="A CABINET CRISIS"
    )
    assert is_figurative_explosion(crisis)
    bomb = _mention("A CAR BOMB EXPLODED OUTSIDE THE BANK.", "EXPLODED", "explosives", actor="A CAR BOMB")
    assert not is_figurative_explosion(bomb) and is_terrorist_incident(bomb, DAY)


def test_raids_and_police_operations_are_law_enforcement() -> None:
    raid = _mention(
        "FEDERAL AGENTS RAIDED A WAREHOUSE IN THE PORT.",
        "RAIDED",
        actor="FEDERAL AGENTS",
        recipient="A WAREHOUSE",
        kind=ActorKind.STATE_FORCES,
    )
    assert is_law_enforcement(raid) and not is_terrorist_incident(raid, DAY)
    operation = _mention(
        "THE SMUGGLER WAS KILLED WITH TWO ASSOCIATES DURING AN ARMY OPERATION IN THE HILLS.",
        "KILLED",
        recipient="THE SMUGGLER",
    )
    assert is_law_enforcement(operation)
    # a raid by anyone else is violence
    bandits = _mention(
        "BANDITS RAIDED A VILLAGE AT DAWN.",
        "RAIDED",
        actor="BANDITS",
        recipient="A VILLAGE",
        kind=ActorKind.REBEL_GROUP,
    )
    assert not is_law_enforcement(bandits)
    # an army's raid across a border may be an attack on civilians
    army = _mention(
        "A NEW ARMY RAID INTO THE VALLEY WAS REPORTED.",
        "RAID",
        actor="A NEW ARMY",
        kind=ActorKind.STATE_FORCES,
    )
    assert not is_law_enforcement(army)


def test_an_act_named_in_trial_talk_is_not_reported_there() -> None:
    trial = _mention(
        "THE BISHOP ASKED THAT THOSE WHO ORDERED THE MURDER OF THE JUDGE BE PUT ON TRIAL.",
        "MURDER",
        recipient="THE JUDGE",
    )
    assert is_legal_talk(trial) and not is_terrorist_incident(trial, DAY)
    impunity = _mention("THE MASSACRE OF THE MINERS REMAINS IN IMPUNITY.", "MASSACRE")
    assert is_legal_talk(impunity)
    # a verb, a claim of responsibility and a dated act are news
    assert not is_legal_talk(_mention("THE WITNESS WAS MURDERED BEFORE THE TRIAL.", "MURDERED"))
    claim = _mention("THE GROUP CLAIMED RESPONSIBILITY FOR THE ATTACK, WHICH IT CALLED PUNISHMENT.", "ATTACK")
    assert not is_legal_talk(claim)
    assert not is_legal_talk(_dated(trial))


def test_a_plural_perfect_relative_sums_up_what_happened_to_people() -> None:
    plea = _mention(
        "THE CHURCH PRAYED FOR THE RELEASE OF ALL THOSE WHO HAVE BEEN KIDNAPPED.", "KIDNAPPED", "abduct"
    )
    assert is_plural_perfect_relative(plea) and not is_terrorist_incident(plea, DAY)
    also = _mention("FARMERS, WHO HAVE ALSO BEEN ATTACKED BY BANDS, FLED.", "ATTACKED")
    assert is_plural_perfect_relative(also)
    one = _mention("THE ENGINEER, WHO HAS BEEN KIDNAPPED BY REBELS, IS ILL.", "KIDNAPPED", "abduct")
    assert not is_plural_perfect_relative(one)


def test_a_sentence_whose_dates_are_all_old_is_background() -> None:
    old = _mention(
        "ON 3 FEBRUARY THE SAME GROUP MURDERED TWO ENGINEERS.", "MURDERED", recipient="TWO ENGINEERS"
    )
    assert stated_dates_old(old, DAY, RECENT) and not is_terrorist_incident(old, DAY)
    year = _mention("THE BOMBING OF THE CONSULATE IN 1985 SHOCKED THE CITY.", "BOMBING", "explosives")
    assert stated_dates_old(year, DAY, RECENT)
    recent = _mention("ON 2 JUNE GUNMEN MURDERED TWO ENGINEERS.", "MURDERED", recipient="TWO ENGINEERS")
    assert not stated_dates_old(recent, DAY, RECENT) and is_terrorist_incident(recent, DAY)
    # a funeral march and the modal are no months; an old date beside a recent one leaves it open
    march = _mention("THE MARCH MOURNED THE TEACHER MURDERED BY GUNMEN.", "MURDERED")
    assert not stated_dates_old(march, DAY, RECENT)
    mixed = _mention("AFTER THE TRUCE OF MARCH 1988, REBELS KILLED A MAYOR ON 18 JUNE.", "KILLED")
    assert not stated_dates_old(mixed, DAY, RECENT)
    # a month named without a year is its last occurrence before publication
    assert stated_dates_old(_mention("LAST JULY REBELS KILLED A MAYOR.", "KILLED"), DAY, RECENT)


def test_a_victim_named_by_rank_is_military_unless_one_of_a_list() -> None:
    colonel = _mention(
        "GUNMEN SHOT INFANTRY COLONEL RAUL PEREZ IN THE MARKET.", "SHOT", "firearms",
        recipient="INFANTRY COLONEL RAUL PEREZ",
    )  # fmt: skip
    assert has_military_target(colonel) and not is_terrorist_incident(colonel, DAY)
    listed = _mention(
        "THEY CONDEMNED THE MURDERS OF JUDGE ANA ROJAS, COLONEL LUIS VEGA, AND SENATOR EVA DIAZ.",
        "MURDERS",
        recipient="JUDGE ANA ROJAS, COLONEL LUIS VEGA, AND SENATOR EVA DIAZ",
    )
    assert not has_military_target(listed)
