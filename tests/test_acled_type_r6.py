"""ACLED event-type rules of round 6 (evaluate/acled_main.py, acled_notes.py, acled_crowds.py): the
explosion behind reported harm, weapons found before they are named, property destroyed with people
harmed, violence said not to have happened, a weapon the violent verb takes, and petrol bombs.
Invented sentences and hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.evaluate.acled_crowds import crowd_turned_violent, said_not_to_happen
from eventscope.evaluate.acled_main import disarmed, main_mention
from eventscope.evaluate.acled_notes import code_note, harms_people
from eventscope.models import ActorKind, ActorRef, Evidence, Magnitude, Mention
from eventscope.resolve.ontology import crosswalk


def _at(text: str, word: str, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Evidence("a", start, start + len(word), word)


def _mention(
    text: str,
    trigger: str,
    plover: str = "ASSAULT",
    mode: str | None = None,
    *,
    actor: tuple[str, ActorKind | None] | None = None,
    killed: int = 0,
) -> Mention:
    kind = actor[1] if actor is not None else None
    return Mention(
        id=f"m-{trigger}",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=_at(text, trigger),
        type=crosswalk(plover, mode, actor_kind=kind),
        actor=ActorRef(_at(text, actor[0]), kind=kind) if actor is not None else None,
        magnitudes=(Magnitude("killed", killed, killed, _at(text, trigger)),) if killed else (),
    )


def test_explosion_in_the_sentence_of_harm_without_actor_is_the_event() -> None:
    text = "Three soldiers died when a blast hit their truck near the border post."
    died = _mention(text, "died")
    blast = _mention(text, "blast", mode="explosives")
    assert main_mention([died, blast]) is blast


def test_harm_with_its_own_armed_actor_keeps_its_coding() -> None:
    text = "Troops shot two gunmen after a blast at the market."
    shot = _mention(text, "shot", actor=("Troops", ActorKind.STATE_FORCES))
    blast = _mention(text, "blast", mode="explosives")
    assert main_mention([shot, blast]) is shot


def test_explosion_in_another_sentence_is_not_behind_the_harm() -> None:
    text = "A trader died in the town. Later a blast shook the market."
    died = _mention(text, "died")
    blast = _mention(text, "blast", mode="explosives")
    died = replace(died, sentence=_at(text, "A trader died in the town."))
    later = replace(blast, sentence=_at(text, "Later a blast shook the market."))
    assert main_mention([died, later]) is died


@pytest.mark.parametrize(
    ("text", "weapon", "found"),
    [
        ("Officers recovered four hand grenades from the hideout.", "grenades", True),
        ("They found a cache of arms including six grenades.", "grenades", True),
        ("Attackers lobbed two grenades into the camp.", "grenades", False),
    ],
)
def test_weapons_found_before_they_are_named_are_disarmed(text: str, weapon: str, found: bool) -> None:
    assert disarmed(_mention(text, weapon, mode="grenade"), []) is found


def test_property_destroyed_with_people_killed_is_violence() -> None:
    text = "Raiders torched ten homes and four villagers were killed in the night."
    torched = _mention(text, "torched", mode="destroy", killed=4)
    assert harms_people(torched, text)
    coded = code_note(torched, [torched], text)
    assert coded.type.acled_type == "Violence against civilians"


def test_people_burnt_to_death_is_violence_not_damage() -> None:
    text = "Two traders were burnt to death by a crowd at the market."
    burnt = _mention(text, "burnt", mode="destroy")
    assert harms_people(burnt, text)
    plain = "A shop was burnt at the market."
    assert not harms_people(_mention(plain, "burnt", mode="destroy"), plain)
    assert code_note(_mention(plain, "burnt", mode="destroy"), [], plain).type.acled_sub_type == (
        "Looting/property destruction"
    )


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("The march ended with no reports of violence or clashes with the police.", True),
        ("The rally was devoid of any police presence and running battles.", True),
        ("No injuries were reported in the clashes.", False),
        ("Youths engaged the police in running battles.", False),
    ],
)
def test_violence_said_not_to_happen(text: str, denied: bool) -> None:
    word = "clashes" if "clashes" in text else "battles"
    assert said_not_to_happen(_mention(text, word, plover="FIGHT")) is denied
    assert crowd_turned_violent([], text) is (not denied and "running battles" in text)


def test_a_weapon_the_violent_verb_takes_gives_its_mode() -> None:
    text = "Four soldiers were killed when their truck struck a landmine on the road."
    struck = _mention(text, "struck")
    assert code_note(struck, [struck], text).type.acled_type == "Explosions/Remote violence"
    text = "Gunmen attacked the camp with grenades at night."
    attacked = _mention(text, "attacked")
    assert code_note(attacked, [attacked], text).type.acled_sub_type == "Grenade"


def test_petrol_bombs_are_not_explosives() -> None:
    text = "Unknown attackers hurled a petrol bomb at a family's house."
    bomb = _mention(text, "bomb", mode="explosives")
    assert code_note(bomb, [bomb], text).type.acled_type == "Violence against civilians"
    text = "Unknown attackers hurled a bomb at a family's house."
    bomb = _mention(text, "bomb", mode="explosives")
    assert code_note(bomb, [bomb], text).type.acled_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    ("text", "weapon", "actor"),
    [
        ("Two men died when the bomb they were planting blew up.", "blew", None),
        ("A grenade hurled at the bus failed to explode.", "grenade", None),
        ("Soldiers detonated the device after clearing the market.", "detonated", ActorKind.STATE_FORCES),
        ("Traders found an unexploded bomb near the stalls.", "bomb", None),
    ],
)
def test_explosives_taken_out_of_use_are_disrupted_weapons_use(
    text: str, weapon: str, actor: ActorKind | None
) -> None:
    who = ("Soldiers", actor) if actor is not None else None
    bomb = _mention(text, weapon, mode="explosives", actor=who)
    assert disarmed(bomb, [bomb])
    main = main_mention([bomb])
    assert main is not None
    assert (main.type.acled_type, main.type.acled_sub_type) == (
        "Strategic developments",
        "Disrupted weapons use",
    )


def test_a_bomb_set_off_stays_an_explosion() -> None:
    text = "Militants detonated a bomb at the checkpoint, killing two."
    bomb = _mention(text, "detonated", mode="explosives", actor=("Militants", ActorKind.POLITICAL_MILITIA))
    assert not disarmed(bomb, [bomb])
    main = main_mention([bomb])
    assert main is not None and main.type.acled_type == "Explosions/Remote violence"


def test_unattributed_harm_after_a_demonstration_is_the_demonstration() -> None:
    text = "Nurses marched over unpaid wages. Police fired tear gas and several were injured."
    marched = replace(
        _mention(text, "marched", plover="PROTEST", mode="demo"),
        sentence=_at(text, "Nurses marched over unpaid wages."),
    )
    injured = replace(
        _mention(text, "injured"), sentence=_at(text, "Police fired tear gas and several were injured.")
    )
    assert main_mention([marched, injured]) is marched
    # harm by a named armed actor is its own event
    text = "Nurses marched over unpaid wages. Gunmen shot two guards nearby."
    marched = replace(marched, sentence=_at(text, "Nurses marched over unpaid wages."))
    shot = replace(
        _mention(text, "shot", actor=("Gunmen", ActorKind.POLITICAL_MILITIA)),
        sentence=_at(text, "Gunmen shot two guards nearby."),
    )
    assert main_mention([marched, shot]) is shot


def test_a_bomb_at_a_petrol_station_is_an_explosion() -> None:
    text = "A bomb exploded at a petrol station in the town."
    bomb = _mention(text, "bomb", mode="explosives")
    assert code_note(bomb, [bomb], text).type.acled_type == "Explosions/Remote violence"
