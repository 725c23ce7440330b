"""ACLED crowd rules of round 7 (evaluate/acled_crowds.py, acled_crowd_parties.py, acled_main.py):
the violence a demonstration is about, property destroyed by a crowd, a crowd's violence said in
words, crowds of rival sides fighting, a crowd fighting the state, force on demonstrators named after
its verb, the group noun the parse cut off an actor, an unarmed development in a note that reports a
demonstration. Invented sentences and hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

import pytest

from eventscope.evaluate.acled_crowd_parties import crowd_fights_state, force_on_demonstrators, whole_group
from eventscope.evaluate.acled_crowds import (
    CROWD_CONTROL,
    about_grievance,
    crowd_turned_violent,
    crowds_fight,
)
from eventscope.evaluate.acled_main import (
    crowd_damage,
    demonstrators_talk,
    destruction_in_fighting,
    main_mention,
)
from eventscope.evaluate.acled_notes import code_note
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.ontology import crosswalk


def _at(text: str, word: str) -> Evidence:
    start = text.index(word)
    return Evidence("a", start, start + len(word), word)


def _mention(
    text: str,
    trigger: str,
    plover: str = "ASSAULT",
    mode: str | None = None,
    *,
    actor: tuple[str, ActorKind | None] | None = None,
    recipient: tuple[str, ActorKind | None] | None = None,
) -> Mention:
    kind = actor[1] if actor is not None else None
    hit = recipient[1] if recipient is not None else None
    return Mention(
        id=f"m-{trigger}",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=_at(text, trigger),
        type=crosswalk(plover, mode, actor_kind=kind, recipient_kind=hit),
        actor=ActorRef(_at(text, actor[0]), kind=kind) if actor is not None else None,
        recipient=ActorRef(_at(text, recipient[0]), kind=hit) if recipient is not None else None,
    )


@pytest.mark.parametrize(
    ("text", "word", "grievance"),
    [
        ("Traders marched to the town hall after their kiosks were burnt by council guards.", "burnt", True),
        ("Pupils demonstrated against the demolition of their school.", "demolition", True),
        ("Farmers rallied in response to the clashes over grazing land.", "clashes", True),
        ("Survivors of the village raid marched to the district office.", "raid", True),
        ("Hawkers protested over the new levy and burnt tyres on the road.", "burnt", False),
        ("Drivers protesting against the fuel tax clashed with police.", "clashed", False),
        ("Youths set fire to a bus.", "fire", False),
        ("Vendors marched after they found their stalls wrecked by guards.", "wrecked", True),
        ("Police dispersed the march after it turned violent.", "violent", False),
    ],
)
def test_violence_a_demonstration_is_about(text: str, word: str, grievance: bool) -> None:
    assert about_grievance(text, text.index(word)) is grievance


def test_recoded_grievance_is_not_the_main_event_and_not_the_crowds_violence() -> None:
    text = "Hundreds of tenants marched in the city after their homes were destroyed by bulldozers."
    march = _mention(text, "marched", "PROTEST", "demo", actor=("tenants", ActorKind.PROTESTERS))
    # next to a demonstration the destruction was read as a riot: it is what they marched about
    destroyed = _mention(text, "destroyed", "PROTEST", "riot")
    assert main_mention([march, destroyed]) is march
    assert not crowd_turned_violent([destroyed], text)
    assert code_note(march, [march, destroyed], text).type.acled_type == "Protests"


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "coded"),
    [
        ("An angry mob torched three houses of a suspected thief.", "torched", None, "Mob violence"),
        # strikers are demonstrating: their violence is a violent demonstration
        (
            "Striking cleaners vandalised the hospital canteen.",
            "vandalised",
            "Striking cleaners",
            "Violent demonstration",
        ),
        ("Two buses were burnt in post-election violence.", "burnt", None, "Mob violence"),
        ("Unknown assailants torched a clinic at night.", "torched", "Unknown assailants", None),
        ("The kiosks were destroyed by soldiers on patrol.", "destroyed", None, None),
    ],
)
def test_property_destroyed_by_a_crowd_is_a_riot(
    text: str, trigger: str, actor: str | None, coded: str | None
) -> None:
    destroy = _mention(text, trigger, mode="destroy", actor=(actor, None) if actor else None)
    main = crowd_damage(destroy)
    if coded is None:
        assert main is destroy and main.type.acled_sub_type == "Looting/property destruction"
    else:
        assert main.type.acled_type == "Riots"
        assert main.actor is not None and main.actor.kind is ActorKind.RIOTERS
        assert code_note(main, [main], text).type.acled_sub_type == coded


@pytest.mark.parametrize(
    ("text", "violent"),
    [
        ("Police dispersed the march after it turned violent.", True),
        ("Teachers protested in the square and lit bonfires; police fired tear gas.", True),
        ("Students riot over fees; police disperse them.", True),
        ("Riot police dispersed the peaceful march.", False),
        ("Fights broke out between rival supporters before police dispersed them.", True),
        ("Pupils marched peacefully to the office; police dispersed them.", False),
        ("The crowd tried to forcibly enter the council chamber and was dispersed.", True),
        ("Youths burned a police car before they were dispersed.", True),
        ("Mourners burned a coffin in protest and were dispersed.", False),
    ],
)
def test_crowd_violence_said_in_words(text: str, violent: bool) -> None:
    assert crowd_turned_violent([], text) is violent


@pytest.mark.parametrize(
    ("sentence", "fight"),
    [
        ("Rival groups backing two aspirants clashed outside the hall.", True),
        ("Political rivals clashed at the party office.", True),
        ("Armed rival groups clashed in the hills.", False),
        ("Those supportive of the mayor and those supportive of his rival clashed.", True),
    ],
)
def test_rival_sides_fighting_are_crowds(sentence: str, fight: bool) -> None:
    assert crowds_fight(sentence, None) is fight


def test_police_read_as_target_before_the_verb_used_force_on_named_demonstrators() -> None:
    text = "Police shot at protesters gathered outside the court."
    shot = _mention(text, "shot", mode="firearms", recipient=("Police", ActorKind.STATE_FORCES))
    forced = force_on_demonstrators(shot)
    assert forced.actor is not None and forced.actor.kind is ActorKind.STATE_FORCES
    assert forced.recipient is not None and forced.recipient.kind is ActorKind.PROTESTERS
    assert code_note(forced, [forced], text).type.acled_type == "Protests"


def test_force_with_no_one_named_or_on_a_passive_target_is_left_alone() -> None:
    text = "Two officers were attacked near the protesters."
    attacked = _mention(text, "attacked", recipient=("Two officers", ActorKind.STATE_FORCES))
    assert force_on_demonstrators(attacked) is attacked
    text = "Gunmen fired at the crowd of mourners."
    fired = _mention(text, "fired", mode="firearms", actor=("Gunmen", ActorKind.POLITICAL_MILITIA))
    assert force_on_demonstrators(fired) is fired


def test_rubber_bullets_fired_by_police_named_before_the_verb() -> None:
    text = "Police fire rubber bullets at peaceful protesters in the market."
    fire = _mention(text, "fire", mode="firearms")
    forced = force_on_demonstrators(fire)
    assert forced.actor is not None and forced.actor.evidence.text == "Police"
    assert forced.recipient is not None and forced.recipient.evidence.text == "protesters"


def test_group_noun_cut_off_after_the_actor_names_who_acted() -> None:
    text = "Harbour residents beat two suspected pickpockets in the market."
    beat = _mention(text, "beat", mode="beat", actor=("Harbour", ActorKind.STATE_FORCES))
    grouped = whole_group(beat)
    assert grouped.actor is not None and grouped.actor.evidence.text == "Harbour residents"
    assert grouped.actor.kind is ActorKind.RIOTERS
    assert code_note(grouped, [grouped], text).type.acled_type == "Riots"


def test_members_of_a_named_armed_group_stay_that_group() -> None:
    text = "Sect members killed two traders."
    killed = _mention(text, "killed", actor=("Sect", ActorKind.POLITICAL_MILITIA))
    assert whole_group(killed) is killed


def test_unarmed_development_in_a_note_that_reports_a_demonstration_is_the_demonstration() -> None:
    text = "Pupils were suspended after staging a protest over food."
    suspended = _mention(text, "suspended", "SANCTION")
    assert suspended.type.acled_sub_type == "Other"
    assert demonstrators_talk(suspended, text).type.acled_type == "Protests"
    text = "Police banned the opposition from holding a march."
    banned = _mention(text, "banned", "COERCE", actor=("Police", ActorKind.STATE_FORCES))
    assert demonstrators_talk(banned, text).type.acled_type == "Strategic developments"


def test_police_firing_tear_gas_is_crowd_control() -> None:
    assert CROWD_CONTROL.match("firing") is not None
    assert CROWD_CONTROL.match("teargassed") is not None
    assert CROWD_CONTROL.match("arrested") is None


@pytest.mark.parametrize(
    ("text", "trigger", "coded"),
    [
        ("Forty huts were burnt during clashes between two clans.", "burnt", "Battles"),
        ("Granaries were razed in attacks on the hamlet.", "razed", "Violence against civilians"),
        ("Three kiosks were torched at night.", "torched", "Strategic developments"),
    ],
)
def test_destruction_in_fighting_is_that_fighting(text: str, trigger: str, coded: str) -> None:
    destroy = _mention(text, trigger, mode="destroy")
    assert destruction_in_fighting(destroy).type.acled_type == coded


@pytest.mark.parametrize(
    ("text", "trigger", "riot"),
    [
        ("Clashes broke out between students and police at the campus gate.", "Clashes", True),
        ("Anti-riot police battled rowdy youths in the market.", "battled", True),
        ("Police clashed with armed bandits in the valley.", "clashed", False),
        ("Soldiers and militiamen clashed near the river.", "clashed", False),
        ("Police were caught between two clans that clashed over water.", "clashed", False),
    ],
)
def test_a_crowd_fighting_the_state_riots(text: str, trigger: str, riot: bool) -> None:
    fight = _mention(text, trigger, "FIGHT")
    coded = code_note(crowd_fights_state(fight), [fight], text)
    assert (coded.type.acled_type == "Riots") is riot
