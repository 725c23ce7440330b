"""Battles or Violence against civilians, read from whom the whole note tells harmed: the codebook's
line between the two (used by :mod:`eventscope.evaluate.acled_notes`).

ACLED codebook: Battles are "a violent interaction between two politically organized armed groups";
Violence against civilians is violence by an organised armed group on unarmed non-combatants. A note
that names its dead or wounded as unarmed people (villagers, women and children, passengers, traders),
and no armed people among them, no armed resistance and no two armed sides fighting, tells of an attack
on civilians even when it calls the conflict "clashes"; so does a note of an execution, a killing in
cold blood or of an unarmed target, and one that names fighting only as the setting of the attack
("linked to clashes between the clans") (:func:`attack_on_civilians`). The rules that read a battle
instead are in :mod:`eventscope.evaluate.acled_viol_battles`, the explosive weapon a plain attack used
in :mod:`eventscope.evaluate.acled_viol_weapons`; :func:`code_by_victims` applies them all.

Every word list is general English or the agent lexicon's; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_viol_battles import (
    armed_members_harmed,
    attack_led_to_battle,
    clash_of_unnamed,
    explosives_met_fire,
    forces_on_their_own,
)
from eventscope.evaluate.acled_viol_harm import SETTING, one_sided
from eventscope.evaluate.acled_viol_weapons import EXCHANGE, explosive_used
from eventscope.evaluate.acled_violence_words import fighting
from eventscope.models import ActorKind, Mention
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in
from eventscope.resolve.acled_coding import ARMED_RESISTANCE, armed_party_harmed
from eventscope.resolve.ontology import crosswalk


def _two_armed_sides(main: Mention, mentions: Sequence[Mention], text: str) -> bool:
    """Whether the note names two armed sides fighting: a fight whose actor and target are both armed,
    or armed people named on both sides of the main verb in its sentence ("police battle raiders")."""
    if any(
        m.type.plover == "FIGHT"
        and m.actor is not None
        and m.recipient is not None
        and m.actor.kind in ARMED_KINDS
        and m.recipient.kind in ARMED_KINDS
        for m in (main, *mentions)
    ):
        return True
    trigger, sentence = main.trigger, main.sentence
    if text[trigger.start : trigger.end] != trigger.text:
        return False
    before = text[sentence.start : trigger.start]
    before = before[max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0) :]
    after = text[trigger.end : sentence.end]
    after = after[: next((m.start() for m in _CLAUSE_BREAK.finditer(after)), len(after))]
    return bool(agents_in(before)) and bool(agents_in(after))


# Where the clause of the main verb ends: its subject and object are within ("police battle raiders
# following an attack on villagers", "police respond to an attack by attacking villagers").
_CLAUSE_BREAK = re.compile(
    r"(?i)[,;:.()]|\s-\s|\b(?:following|after|before|when|while|as|by|because|and then|"
    r"(?:respond(?:ed|s|ing)?|in response) to)\b"
)


def attack_on_civilians(main: Mention, mentions: Sequence[Mention], text: str) -> bool:
    """Whether an armed clash the note's words made of its main event is an attack on civilians: the
    note names unarmed people harmed and no armed people harmed, no armed resistance, and no two
    armed sides fighting (ACLED codebook, Violence against civilians)."""
    if main.type.acled_type != "Battles" or main.type.acled_sub_type != "Armed clash":
        return False
    if unarmed_target(main):
        return True  # "shot an unarmed officer", "police shoot herders": the codebook's civilians
    if _ONE_SIDED_KILLING.search(text) and not (ARMED_RESISTANCE.search(text) or EXCHANGE.search(text)):
        return True  # an execution, a killing in custody or of the surrendered: no one fought back
    if fighting_only_as_setting(main, text):
        return True
    return not _two_armed_sides(main, mentions, text) and one_sided(text)


def fighting_only_as_setting(main: Mention, text: str) -> bool:
    """Whether an attack (not itself a clash) became an armed clash only because the note names
    fighting as its setting or cause ("the attack may be linked to clashes between the clans"), with
    no armed target, no armed people harmed and no armed resistance: the attack is the event."""
    target = main.recipient
    return (
        not fighting(main.trigger.text)
        and (target is None or target.kind not in _ARMED_TARGETS)
        and fighting(text)
        and not fighting(SETTING.sub("", text))
        and not armed_party_harmed(text)
        and ARMED_RESISTANCE.search(text) is None
        and EXCHANGE.search(text) is None
    )


# Targets that are organised armed groups (a communal militia's "village" is its people).
_ARMED_TARGETS = frozenset(
    {ActorKind.STATE_FORCES, ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.EXTERNAL_OTHER}
)


def unarmed_target(main: Mention) -> bool:
    """Whether an attack (not a clash) took a target its words say is unarmed: "unarmed", off duty,
    retired or former ("a former militia member"), or herders, pastoralists, villagers or residents
    the forces attacked (the people of a community, not its militia). ACLED codebook: violence against
    unarmed non-combatants is Violence against civilians."""
    target, actor = main.recipient, main.actor
    if target is None or fighting(main.trigger.text):
        return False
    words = target.evidence.text
    if _UNARMED.search(words) or _NOT_SERVING.search(words):
        return True
    return actor is not None and actor.kind is ActorKind.STATE_FORCES and _HERDERS.search(words) is not None


_UNARMED = re.compile(r"(?i)\bunarmed\b")
_NOT_SERVING = re.compile(
    r"(?i)^(?:(?:a|an|the|one|two|three|senior|\d+)[\s,]+)*(?:off-duty|off duty|retired|former|ex-)"
)
_HERDERS = re.compile(r"(?i)\b(?:herders?|herdsm[ae]n|pastoralists?|villagers?|residents?)\b")
# Killings with no fight in them (general English): an execution, an extrajudicial killing, a
# killing in cold blood or after surrender, a tortured or mutilated victim.
_ONE_SIDED_KILLING = re.compile(
    r"(?i)\b(?:extra-?judicial\w*|in cold blood|execut(?:ed|ing|ion|es)|"
    r"(?:had|having|after)\s+(?:already\s+)?surrender\w*|tortur\w*|mutilat\w*)"
)


def code_by_victims(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    """The main event's ACLED type read again from the whole note: the explosive weapon a plain attack
    used (:func:`acled_viol_weapons.explosive_used`), an attack on civilians
    (:func:`attack_on_civilians`), or an armed clash (:func:`armed_members_harmed`,
    :func:`clash_of_unnamed`, :func:`explosives_met_fire`); the PLOVER coding is kept."""
    if not text:
        return main
    if (weapon := explosive_used(main, text)) is not None:
        coded = crosswalk("ASSAULT", weapon)
    elif attack_on_civilians(main, mentions, text):
        coded = crosswalk("ASSAULT", None, recipient_kind=ActorKind.CIVILIANS)
    elif (
        armed_members_harmed(main, text)
        or clash_of_unnamed(main, text)
        or attack_led_to_battle(main, text)
        or explosives_met_fire(main, text)
        or forces_on_their_own(main, text)
    ):
        coded = crosswalk("FIGHT", None)
    else:
        return main
    return replace(main, type=replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode))
