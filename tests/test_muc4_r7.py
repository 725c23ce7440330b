"""MUC-4 relevance, round 7: what the sentence around a violent act says it was (evaluate/muc4_context.py)
and an attack launched at a military target; on hand-made mentions with invented sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscope.evaluate.muc4_context import (
    has_abstract_target,
    is_asked,
    is_combat_casualty,
    is_drug_enforcement,
    is_exchange_of_fire,
    is_in_prison,
    is_mass_noun,
    is_police_raid,
    is_possible,
    is_present_habit,
    is_refuted,
)
from eventscope.evaluate.muc4_military import has_military_target
from eventscope.evaluate.muc4_relevance import is_terrorist_incident
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention, TimePrecision, TimeRef

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


def test_deaths_in_a_sentence_about_combat_are_casualties_of_the_war() -> None:
    combat = _mention("THREE INSURGENTS DIED IN LAS PALMAS, WHERE COMBAT STARTED ON MONDAY.", "DIED")
    assert is_combat_casualty(combat) and not is_terrorist_incident(combat, DAY)
    assert is_combat_casualty(_mention("A CAPTAIN WAS KILLED WHILE FIGHTING IN THE NORTH.", "KILLED"))
    # civilians killed in the fighting are the task's victims; and a bombing is no bare harm word
    assert not is_combat_casualty(_mention("FOUR CIVILIANS WERE KILLED DURING HEAVY FIGHTING.", "KILLED"))
    assert not is_combat_casualty(
        _mention("A BOMB EXPLODED NEAR THE FIGHTING, KILLING TWO.", "EXPLODED", "explosives")
    )
    assert not is_combat_casualty(_mention("GUNMEN KILLED A JUDGE IN HIS OFFICE.", "KILLED"))


def test_destroying_or_raiding_drug_laboratories_and_crops_is_law_enforcement() -> None:
    labs = _mention("POLICE SAID 9 COCAINE LABS WERE DESTROYED IN THE JUNGLE.", "DESTROYED", "destroy")
    assert is_drug_enforcement(labs) and not is_terrorist_incident(labs, DAY)
    assert is_drug_enforcement(_mention("20 HECTARES OF POPPY WERE DESTROYED.", "DESTROYED", "destroy"))
    bank = _mention("A BOMB DESTROYED A BANK IN THE CAPITAL.", "DESTROYED", "destroy", recipient="A BANK")
    assert not is_drug_enforcement(bank) and is_terrorist_incident(bank, DAY)


def test_a_raid_by_the_police_is_law_enforcement_and_a_raided_police_post_is_not() -> None:
    raid = _mention(
        "THE POLICE LATER RAIDED A WAREHOUSE USED AS A HIDEOUT.", "RAIDED", recipient="A WAREHOUSE"
    )
    assert is_police_raid(raid) and not is_terrorist_incident(raid, DAY)
    assert not is_police_raid(_mention("A POLICE POST IN THE VILLAGE WAS RAIDED AT NIGHT.", "RAIDED"))
    assert not is_police_raid(_mention("THE REBELS RAIDED THE TOWN HALL AFTER THE ARMY LEFT.", "RAIDED"))
    assert not is_police_raid(_mention("THE TROOPS RAIDED A FARM AND KILLED TWO PEASANTS.", "RAIDED"))


def test_a_shoot_out_is_an_exchange_of_fire() -> None:
    fire = _mention("A LONG SHOOT-OUT FOLLOWED WHEN AGENTS STOPPED THE CAR.", "SHOOT", "firearms")
    assert is_exchange_of_fire(fire) and not is_terrorist_incident(fire, DAY)
    assert is_exchange_of_fire(_mention("THE GUNFIGHT LASTED AN HOUR.", "GUN", "firearms"))
    assert not is_exchange_of_fire(_mention("GUNMEN SHOT A MAYOR OUTSIDE HIS HOME.", "SHOT", "firearms"))


def test_violence_in_a_prison_is_no_terrorist_act() -> None:
    stab = _mention(
        "AN INMATE AWAITING TRIAL WAS STABBED IN THE CENTRAL PRISON YARD.", "STABBED", "primitive"
    )
    assert is_in_prison(stab) and not is_terrorist_incident(stab, DAY)
    riot = _mention("THE RIOT OVER JAIL FOOD HAS LEFT FIVE INJURED.", "INJURED")
    assert is_in_prison(riot)
    # a prison named only as the killer's sentence is no prison violence
    assert not is_in_prison(_mention("THE MAN WHO KILLED THE JUDGE NOW SITS IN PRISON.", "KILLED"))


def test_violence_said_to_be_possible_is_a_danger_not_a_deed() -> None:
    possible = _mention("RUMOURS OF A POSSIBLE ATTACK ON THE MINISTER ARE FALSE.", "ATTACK")
    assert is_possible(possible) and not is_terrorist_incident(possible, DAY)
    attempt = _mention("HE FEARED A GANG MIGHT ATTEMPT TO KIDNAP HIS SON.", "KIDNAP", "abduct")
    assert is_possible(attempt)
    # guessing how a past bomb went off is not
    assert not is_possible(
        _mention("THE BOMB MIGHT HAVE BEEN DETONATED BY A TIMER.", "DETONATED", "explosives")
    )


def test_a_bare_event_noun_names_a_kind_of_violence() -> None:
    kind = _mention("THE REGIME ANSWERED WITH REPRESSION BY MEANS OF TORTURE AND MURDER.", "MURDER")
    assert is_mass_noun(kind) and not is_terrorist_incident(kind, DAY)
    assert is_mass_noun(_mention("THE MINISTER CALLED THE SEIZURE AN ACT OF ROBBERY.", "ROBBERY"))
    # an article, a possessive or an adjective after one makes it one act
    assert not is_mass_noun(_mention("POLICE INVESTIGATE THIS BRUTAL MURDER IN THE SUBURB.", "MURDER"))
    assert not is_mass_noun(_mention("THEY CONDEMNED THE MAYOR'S ASSASSINATION.", "ASSASSINATION"))
    assert not is_mass_noun(_mention("HE CONDEMNED THE GOVERNOR' MURDER.", "MURDER"))
    assert not is_mass_noun(_dated(kind))


def test_a_report_called_false_is_not_reported_as_having_happened() -> None:
    false = _mention("THE REPORT THAT THE CONSUL WAS WOUNDED BY GUNMEN IS TOTALLY UNFOUNDED.", "WOUNDED")
    assert is_refuted(false) and not is_terrorist_incident(false, DAY)
    assert is_refuted(_mention("THE JOURNALIST SAID TO HAVE BEEN KILLED IS ALIVE AND WELL.", "KILLED"))
    assert not is_refuted(_mention("A JUDGE WAS KILLED, THE POLICE SAID.", "KILLED"))


def test_a_bare_verb_after_they_or_then_tells_a_habit() -> None:
    habit = _mention("WHEN THEY TAKE TOWNS, THEY KIDNAP THE MAYORS.", "KIDNAP", "abduct")
    assert is_present_habit(habit) and not is_terrorist_incident(habit, DAY)
    assert is_present_habit(_mention("THE SQUADS CAPTURE STUDENTS AND THEN MURDER THEM.", "MURDER"))
    # the past, irregular or not, is a deed
    assert not is_present_habit(_mention("LAST NIGHT THEY BLEW UP A PYLON.", "BLEW", "explosives"))
    assert not is_present_habit(_mention("THEY KIDNAPPED THE MAYOR.", "KIDNAPPED", "abduct"))
    assert not is_present_habit(_dated(habit))


def test_harm_to_something_abstract_is_a_figure_of_speech() -> None:
    branch = _mention("THE SENATE CALLED THE DECREE AN ATTACK ON THE JUDICIAL BRANCH.", "ATTACK")
    branch = replace(branch, recipient=ActorRef(Evidence("a", 43, 62, "THE JUDICIAL BRANCH")))
    assert has_abstract_target(branch) and not is_terrorist_incident(branch, DAY)
    joy = _mention("THE VOTE WAS AN EXPLOSION OF JOY IN THE STREETS.", "EXPLOSION", "explosives")
    assert has_abstract_target(joy)
    bank = _mention("A BOMB DESTROYED A BRANCH OF THE NATIONAL BANK.", "DESTROYED", "destroy")
    bank = replace(bank, recipient=ActorRef(Evidence("a", 17, 25, "A BRANCH")))
    assert not has_abstract_target(bank)


def test_a_sentence_that_asks_reports_nothing() -> None:
    asked = _mention("DO BOMBS KILL MORE PEOPLE THAN HUNGER, THE BISHOP ASKED.", "KILL")
    assert is_asked(asked) and not is_terrorist_incident(asked, DAY)
    assert not is_asked(_mention("A BOMB KILLED TWO PEOPLE IN THE MARKET.", "KILLED"))
    assert not is_asked(_dated(asked))


def test_an_attack_launched_at_a_military_detachment_has_a_military_target() -> None:
    launched = _mention("THE ATTACK WAS LAUNCHED AT THE BARRACKS OF THE 4TH BRIGADE.", "LAUNCHED")
    assert has_military_target(launched)
    civil = _mention("THE ATTACK WAS LAUNCHED AT A BUS FULL OF SHOPPERS.", "LAUNCHED")
    assert not has_military_target(civil)
