"""Violence a note tells between armed sides, where its main report reads as a one-sided attack
(used by :mod:`eventscope.evaluate.acled_viol_victims`).

ACLED codebook, Armed clash: "armed, organized groups engage in a battle"; the state's operations
against an armed group, its suspected members included, are battles. So are: a plain attack that
harmed members of an armed group or of the forces and no civilians (:func:`armed_members_harmed`), a
clash whose parties the note does not name (:func:`clash_of_unnamed`), an attack or raid that led to a
battle (:func:`attack_led_to_battle`), a bomb attack on the forces that met gunfire
(:func:`explosives_met_fire`: Explosions/Remote violence is for a weapon that takes away the target's
ability to respond), and members of the forces turning their arms on their own colleagues
(:func:`forces_on_their_own`: the codebook's state forces versus state forces, interaction 11).
Every word list is general English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re

from eventscope.evaluate.acled_viol_harm import (
    FIGHTING_FOR_LIFE,
    SETTING,
    anyone_only,
    civilians_harmed,
    members_harmed,
)
from eventscope.evaluate.acled_viol_weapons import gunfire_with
from eventscope.evaluate.acled_violence_words import fighting
from eventscope.models import ActorKind, EventType, Mention
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in

# The plain attacks these rules read again: an ASSAULT coded Violence against civilians / Attack, by
# firearms or with no mode named (and, for some rules, with primitive weapons).
_ARMS = (None, "firearms")
_ARMS_OR_PRIMITIVE = (None, "firearms", "primitive")


def _plain_attack(coded: EventType, modes: tuple[str | None, ...]) -> bool:
    return (
        coded.acled_type == "Violence against civilians"
        and coded.acled_sub_type == "Attack"
        and coded.plover == "ASSAULT"
        and coded.plover_mode in modes
    )


def armed_members_harmed(main: Mention, text: str) -> bool:
    """Whether a plain attack (shooting, killing; not bombs, abductions or mob justice) by armed men or
    no one named harmed members of an armed group and no civilians (ACLED codebook, Battles: the
    state's or a group's violence against an armed group, its suspected members included)."""
    coded, actor = main.type, main.actor
    return (
        _plain_attack(coded, _ARMS)
        and (actor is None or actor.kind is None or actor.kind in ARMED_KINDS)
        and members_harmed(text)
        and not civilians_harmed(text)
    )


def clash_of_unnamed(main: Mention, text: str) -> bool:
    """Whether a plain attack whose doer and victims the note does not name ("one dead, eleven injured
    in a clash over sand harvesting", "one speared to death in a clash between farmers and herdsmen")
    is the clash the note reports, with no civilians named among its victims (ACLED Armed clash)."""
    coded, actor, target = main.type, main.actor, main.recipient
    return (
        _plain_attack(coded, _ARMS_OR_PRIMITIVE)
        and (actor is None or actor.kind is None)
        and (target is None or target.kind is None or anyone_only(target.evidence.text))
        and fighting(SETTING.sub("", FIGHTING_FOR_LIFE.sub("", text)))
        and not civilians_harmed(text)
    )


# An attack that turned into a battle (general English): "leading to a battle between the attackers
# and police", "after a fierce battle with herdsmen", "led to an hour of heavy gunfire".
_BATTLE_FOLLOWED = re.compile(
    r"(?i)\b(?:(?:lead|led|leading|resulted in|sparking|sparked)\s+(?:to\s+)?(?:an?\s+|the\s+)?"
    r"(?:\w+\s+){0,3}?(?:battle|fight|fighting|clash|clashes|gunfire|exchange|shoot-?out)|"
    r"(?:fierce|heavy|intense)\s+(?:\w+\s+)?(?:battle|fighting|gunfire|exchange)|battle\s+(?:with|between))\b"
)


def attack_led_to_battle(main: Mention, text: str) -> bool:
    """Whether a plain attack or raid by armed men (or no one named) led to a battle the note tells
    ("raided the village ... after a fierce battle with herdsmen and police"): the armed interaction
    is the event (ACLED codebook, Armed clash)."""
    coded, actor = main.type, main.actor
    return (
        _plain_attack(coded, _ARMS_OR_PRIMITIVE)
        and (actor is None or actor.kind is None or actor.kind in ARMED_KINDS)
        and _BATTLE_FOLLOWED.search(text) is not None
    )


def explosives_met_fire(main: Mention, text: str) -> bool:
    """Whether a grenade or bomb attack on the forces met gunfire, or came with it ("the police opened
    fire after the blast", "attacked officers with grenades and AK-47s"), and harmed no civilians the
    note names: the target could fight back, so it is an armed clash (ACLED codebook)."""
    return (
        main.type.acled_type == "Explosions/Remote violence"
        and main.type.acled_sub_type in ("Grenade", "Remote explosive/landmine/IED")
        and gunfire_with(text)
        and any(kind is ActorKind.STATE_FORCES for _, _, kind in agents_in(text))
        and not civilians_harmed(text)
    )


# Members of the forces shooting their own ("shot dead two of his colleagues", "killed his boss"): the
# victims are members of the same armed force (general English).
_ON_THEIR_OWN = re.compile(
    r"(?i)\b(?:shot|shoots?|shooting|killed|kills?|killing|attacked|attacks?|stabbed|wounded|injured)\s+"
    r"(?:dead\s+)?(?:(?:one|two|three|four|five|\d+)\s+of\s+)?(?:his|her|their)\s+(?:own\s+)?(?:[\w-]+\s+)?"
    r"(?:colleagues?|boss|bosses|superiors?|commanders?|seniors?|comrades?)\b"
)


def forces_on_their_own(main: Mention, text: str) -> bool:
    """Whether a plain attack by members of the state forces harmed their own colleagues or superiors
    ("a police constable shot his colleague", "an officer shot dead his boss"): ACLED codes violence
    within the forces as state forces against state forces (codebook, interaction 11: Battles)."""
    coded, actor = main.type, main.actor
    return (
        _plain_attack(coded, _ARMS)
        and actor is not None
        and actor.kind is ActorKind.STATE_FORCES
        and _ON_THEIR_OWN.search(text) is not None
    )
