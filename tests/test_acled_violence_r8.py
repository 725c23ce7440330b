"""ACLED coding of violence, round 8: Battles or Violence against civilians by whom a note tells harmed
(unarmed people, members of an armed group, no one named in a clash), one-sided killings, and the
explosive weapon a plain attack used. Hand-written notes and hand-made mentions (none taken from ACLED
rows)."""

from __future__ import annotations

from eventscope.evaluate.acled_notes import code_note
from eventscope.evaluate.acled_viol_battles import (
    armed_members_harmed,
    attack_led_to_battle,
    clash_of_unnamed,
    explosives_met_fire,
)
from eventscope.evaluate.acled_viol_harm import civilians_harmed, members_harmed, one_sided
from eventscope.evaluate.acled_viol_victims import (
    attack_on_civilians,
    code_by_victims,
    fighting_only_as_setting,
    unarmed_target,
)
from eventscope.evaluate.acled_viol_weapons import explosive_used, gunfire_with
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention, Modality

ATTACK = EventType("ASSAULT", None, "Violence against civilians", "Attack", "18")
SHOOTING = EventType("ASSAULT", "firearms", "Violence against civilians", "Attack", "18")
CLASH = EventType("FIGHT", None, "Battles", "Armed clash", "19")
ASSAULT_CLASH = EventType("ASSAULT", None, "Battles", "Armed clash", "19")
GRENADE = EventType("ASSAULT", "grenade", "Explosions/Remote violence", "Grenade", "18")
ABDUCTION = EventType(
    "ASSAULT", "abduct", "Violence against civilians", "Abduction/forced disappearance", "18"
)


def _ref(text: str, words: str, kind: ActorKind | None = None) -> ActorRef:
    at = text.index(words)
    return ActorRef(Evidence("a", at, at + len(words), words), kind=kind)


def _mention(
    text: str,
    trigger: str,
    kind: EventType = ATTACK,
    actor: ActorRef | None = None,
    recipient: ActorRef | None = None,
) -> Mention:
    start = text.index(trigger)
    return Mention(
        id="m",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=kind,
        actor=actor,
        recipient=recipient,
        modality=Modality.ASSERTED,
    )


# --- who was harmed


def test_unarmed_people_named_as_harmed() -> None:
    assert civilians_harmed("Gunmen fired on the minibus, killing seven passengers near the bridge.")
    assert civilians_harmed("Tribal clashes left two traders dead in the valley.")
    assert civilians_harmed("Four schoolchildren were shot dead as they walked home.")
    assert civilians_harmed("Armed men attacked a group of fishermen on the lake shore.")


def test_people_counted_only_as_people_are_not_named_civilians() -> None:
    assert not civilians_harmed("Three people were killed in clashes between two clans.")
    assert not civilians_harmed("A man was stabbed during the fighting at the river crossing.")


def test_a_civilian_word_naming_a_thing_is_no_civilian_harmed() -> None:
    assert not civilians_harmed("Four soldiers escorting a passenger bus were killed in an ambush.")
    assert civilians_harmed("Four passengers on the bus were killed in an ambush.")


def test_harm_given_as_the_reason_is_not_the_harm_of_the_event() -> None:
    text = "Soldiers shot dead a wanted man they said was responsible for the killing of a tourist."
    assert not civilians_harmed(text)
    assert not civilians_harmed("Police shot two men suspected of murdering a shopkeeper.")


def test_members_of_an_armed_group_harmed() -> None:
    assert members_harmed("Four suspected gang members were shot dead by police at dawn.")
    assert members_harmed("Troops raided the forest camp, killing six militants.")
    assert members_harmed("Two suspects linked to last week's robbery have been shot dead by detectives.")


def test_members_doing_the_harm_or_members_of_no_armed_group_are_not_harmed_members() -> None:
    assert not members_harmed("Militants killed two herders near the well.")
    assert not members_harmed("Two members of the same family were killed in their home.")
    assert not members_harmed("An aid agency staff member was shot in the market.")
    assert not members_harmed("A former gang member was killed after he left the group.")


def test_one_sided_needs_no_armed_people_harmed_and_no_fire_exchanged() -> None:
    assert one_sided("Raiders stormed the village, killing five villagers.")
    assert not one_sided(
        "Raiders stormed the village, killing five villagers; two police officers were killed."
    )
    assert not one_sided("Raiders killed five villagers in the ensuing gunfight with the vigilantes.")
    assert not one_sided("Raiders killed five villagers before the police repulsed them.")


# --- Battles or Violence against civilians


def test_clashes_that_leave_civilians_dead_are_an_attack_on_civilians() -> None:
    text = "Communal clashes leave several villagers dead in the hills."
    main = _mention(text, "clashes", CLASH)
    assert attack_on_civilians(main, [main], text)
    coded = code_by_victims(main, [main], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Violence against civilians", "Attack")
    assert coded.type.plover == "FIGHT"  # the PLOVER coding is kept


def test_two_armed_sides_fighting_stay_a_battle() -> None:
    text = "Soldiers battle cattle raiders after an attack on farmers near the border."
    main = _mention(text, "battle", CLASH)
    assert not attack_on_civilians(main, [main], text)
    assert code_by_victims(main, [main], text) is main
    text = "Militiamen attacked the village. Two villagers died in the clash that followed."
    side = _mention(
        text,
        "clash",
        CLASH,
        actor=_ref(text, "Militiamen", ActorKind.POLITICAL_MILITIA),
        recipient=_ref(text, "Two villagers", ActorKind.IDENTITY_MILITIA),
    )
    main = _mention(
        text, "attacked", ASSAULT_CLASH, actor=_ref(text, "Militiamen", ActorKind.POLITICAL_MILITIA)
    )
    assert not attack_on_civilians(main, [main, side], text)


def test_unarmed_target_and_one_sided_killings_are_attacks() -> None:
    text = "A police sergeant shot an unarmed constable after a quarrel."
    main = _mention(
        text, "shot", ASSAULT_CLASH, recipient=_ref(text, "an unarmed constable", ActorKind.STATE_FORCES)
    )
    assert attack_on_civilians(main, [main], text)
    text = "Officers executed two militants who had already surrendered."
    main = _mention(
        text, "executed", ASSAULT_CLASH, recipient=_ref(text, "two militants", ActorKind.REBEL_GROUP)
    )
    assert attack_on_civilians(main, [main], text)
    text = "Officers shot two militants dead after an exchange of fire; one body was mutilated."
    main = _mention(text, "shot", ASSAULT_CLASH, recipient=_ref(text, "two militants", ActorKind.REBEL_GROUP))
    assert not attack_on_civilians(main, [main], text)


def test_members_of_an_armed_group_killed_make_a_battle() -> None:
    text = "Three suspected gang members were killed during a night raid in the estate."
    main = _mention(text, "raid")
    assert armed_members_harmed(main, text)
    coded = code_by_victims(main, [main], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Battles", "Armed clash")


def test_members_harmed_alongside_civilians_or_by_abduction_stay_as_coded() -> None:
    text = "Two gunmen were shot dead after they killed three passengers on the bus."
    main = _mention(text, "killed")
    assert not armed_members_harmed(main, text)
    text = "Four suspects were shot dead; the gang had abducted a trader."
    assert not armed_members_harmed(_mention(text, "abducted", ABDUCTION), text)


def test_a_clash_whose_parties_are_unnamed_is_a_battle() -> None:
    text = "One dead and six injured in a clash over grazing land near the dam."
    main = _mention(text, "injured", recipient=_ref(text, "six"))
    assert clash_of_unnamed(main, text)
    assert code_by_victims(main, [main], text).type.acled_type == "Battles"


def test_a_wounded_man_fighting_for_his_life_is_no_clash() -> None:
    text = "One man was shot dead and another is fighting for his life in hospital."
    main = _mention(text, "shot", SHOOTING)
    assert not clash_of_unnamed(main, text)
    text = "A trader was killed in a clash over a stall; gunmen shot him in the back."
    assert not clash_of_unnamed(_mention(text, "killed"), text)  # a trader: a civilian named


# --- the explosive weapon a plain attack used


def test_explosive_weapon_told_anywhere_in_the_note() -> None:
    text = "Militants attacked the market town at night, hurling grenades into shops."
    assert explosive_used(_mention(text, "attacked"), text) == "grenade"
    text = "Four were killed in an attack on a hotel. A powerful blast tore through the lobby."
    assert explosive_used(_mention(text, "attack"), text) == "explosives"
    text = "The army launched air strikes on the forest to attack the insurgents."
    assert explosive_used(_mention(text, "attack"), text) == "aerial"
    coded = code_by_victims(_mention(text, "attack"), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_explosives_not_used_in_the_event_give_no_weapon() -> None:
    for text in (
        "Men hurled a petrol bomb at the house and attacked its owner.",
        "Gunmen attacked the school days after a bomb threat was made.",
        "Police attacked the village following an IED blast the day before.",
        "Officers attacked the hideout and recovered explosives.",
        "Raiders attacked the post with grenades and exchanged fire with guards for an hour.",
    ):
        assert explosive_used(_mention(text, "attacked"), text) is None, text


def test_only_a_plain_attack_takes_the_weapon() -> None:
    text = "Gunmen shot a trader and later threw a grenade at a bar."
    assert explosive_used(_mention(text, "shot", SHOOTING), text) is None


# --- through code_note


def test_code_note_reads_the_victims() -> None:
    text = "Ethnic clashes leave twelve villagers dead in the district."
    main = _mention(text, "clashes", CLASH)
    coded = code_note(main, [main], text)
    assert coded.type.acled_type == "Violence against civilians"
    text = "Five suspected gang members were killed in a police raid."
    main = _mention(text, "raid", actor=_ref(text, "police", ActorKind.STATE_FORCES))
    assert code_note(main, [main], text).type.acled_type == "Battles"


# --- round 8, later rules


def test_forces_harmed_and_harm_given_as_cause() -> None:
    assert members_harmed("Bandits ambushed a patrol, killing two reservists near the river.")
    assert members_harmed("Two policemen escorting the lorry were shot dead at the bridge.")
    assert not members_harmed("Soldiers beat a man they accused of killing a police officer.")
    assert not members_harmed("An off-duty soldier was stabbed at a bar.")


def test_clause_of_the_main_verb_bounds_its_two_sides() -> None:
    # the report read as main is the attack given as the reason; the villagers are the ones harmed
    text = "Following an attack on a police post, police attack villagers in the market."
    main = _mention(
        text, "attack", ASSAULT_CLASH, recipient=_ref(text, "a police post", ActorKind.STATE_FORCES)
    )
    assert attack_on_civilians(main, [main], text)
    text = "Troops respond to an ambush on their convoy by beating residents of the market."
    main = _mention(
        text, "ambush", ASSAULT_CLASH, recipient=_ref(text, "their convoy", ActorKind.STATE_FORCES)
    )
    assert attack_on_civilians(main, [main], text)
    text = "Police battle raiders, after raiders attacked farmers."
    assert not attack_on_civilians(_mention(text, "battle", CLASH), [], text)


def test_fighting_named_only_as_the_setting_leaves_the_attack() -> None:
    text = (
        "Gunmen attacked a water truck, wounding its driver. The attack may be linked to clashes "
        "between two clans."
    )
    main = _mention(text, "attacked", ASSAULT_CLASH, actor=_ref(text, "Gunmen", ActorKind.POLITICAL_MILITIA))
    assert fighting_only_as_setting(main, text)
    assert code_by_victims(main, [main], text).type.acled_type == "Violence against civilians"
    text = "Gunmen attacked a water truck and clashed with its police escort."
    main = _mention(text, "attacked", ASSAULT_CLASH, actor=_ref(text, "Gunmen", ActorKind.POLITICAL_MILITIA))
    assert not fighting_only_as_setting(main, text)
    text = "A man was found dead a day after the two villages clashed over a borehole."
    assert not clash_of_unnamed(_mention(text, "found"), text)


def test_a_bomb_attack_on_the_forces_that_met_gunfire_is_a_battle() -> None:
    text = "Militants hurled a grenade at an army patrol; the soldiers opened fire after the blast."
    assert gunfire_with(text)
    main = _mention(text, "hurled", GRENADE)
    assert explosives_met_fire(main, text)
    coded = code_by_victims(main, [main], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Battles", "Armed clash")
    text = "Militants hurled a grenade at a bus, killing three passengers; police later opened fire."
    assert not explosives_met_fire(_mention(text, "hurled", GRENADE), text)  # civilians harmed
    text = "A grenade was hurled into a police post at night; no one was hurt."
    assert not explosives_met_fire(_mention(text, "hurled", GRENADE), text)  # no gunfire


def test_an_attack_that_led_to_a_battle_is_a_battle() -> None:
    text = "Raiders attacked a hamlet and drove off goats after a fierce battle with herdsmen and police."
    main = _mention(text, "attacked", actor=_ref(text, "Raiders", ActorKind.IDENTITY_MILITIA))
    assert attack_led_to_battle(main, text)
    assert code_by_victims(main, [main], text).type.acled_type == "Battles"
    text = "A gang raided the depot, leading to a gun battle with the guards."
    assert attack_led_to_battle(_mention(text, "raided"), text)
    text = "A gang raided the depot and fled with cash; no one was hurt."
    assert not attack_led_to_battle(_mention(text, "raided"), text)
    text = "Youths stoned a bus, leading to a clash with police."
    youths = _mention(text, "stoned", actor=_ref(text, "Youths", ActorKind.RIOTERS))
    assert not attack_led_to_battle(youths, text)  # a crowd is no armed side


def test_unarmed_targets_by_their_words() -> None:
    text = "Police shoot herders grazing cattle on a ranch."
    police = _ref(text, "Police", ActorKind.STATE_FORCES)
    main = _mention(
        text,
        "shoot",
        ASSAULT_CLASH,
        actor=police,
        recipient=_ref(text, "herders", ActorKind.IDENTITY_MILITIA),
    )
    assert unarmed_target(main)
    assert code_by_victims(main, [main], text).type.acled_type == "Violence against civilians"
    text = "A retired army officer was shot dead at his gate."
    target = _ref(text, "A retired army officer", ActorKind.STATE_FORCES)
    assert unarmed_target(_mention(text, "shot", ASSAULT_CLASH, recipient=target))
    text = "Gunmen shot two soldiers at the checkpoint."
    target = _ref(text, "two soldiers", ActorKind.STATE_FORCES)
    assert not unarmed_target(_mention(text, "shot", ASSAULT_CLASH, recipient=target))
    text = "Raiders shot herders at the well."
    raiders = _ref(text, "Raiders", ActorKind.IDENTITY_MILITIA)
    target = _ref(text, "herders", ActorKind.IDENTITY_MILITIA)
    assert not unarmed_target(_mention(text, "shot", ASSAULT_CLASH, actor=raiders, recipient=target))
