"""The task's "military versus military" exclusion (MUC-4 task definition): attacks on the armed forces
or on "a military/police installation or force", state operations against the armed groups, an armed
group's own report of its war, and casualties of combat on either side are not terrorist incidents.
One predicate each, over one mention and a few words of its sentence; :data:`muc4_exclusions.EXCLUSIONS
<eventscope.evaluate.muc4_exclusions.EXCLUSIONS>` tries them with the task's other exclusions.
"""

from __future__ import annotations

import re

from eventscope.evaluate.muc4_text import PARTICIPLE_AFTER, PASSIVE_AUX, next_to, words_before, words_of
from eventscope.models import ActorKind, Mention

STATE = frozenset({ActorKind.STATE_FORCES})
ARMED = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})


# Words that make a target military (the task excludes attacks on the armed forces and combat
# casualties on either side, and on "a military/police installation or force": police count too).
MILITARY_TARGET_WORDS = frozenset(
    {
        "soldier",
        "soldiers",
        "troops",
        "army",
        "regiment",
        "battalion",
        "brigade",
        "patrol",
        "convoy",
        "detachment",
        "garrison",
        "barracks",
        "guerrilla",
        "guerrillas",
        "rebel",
        "rebels",
        "enemy",
        "military",
        "servicemen",
        "paratroopers",
        "infantry",
        "insurgents",
        "patrols",
        "convoys",
        "garrisons",
        "battalions",
        "brigades",
        "regiments",
        "subversive",
        "subversives",
        "combatants",
        "helicopter",
        "helicopters",
        "paratrooper",
        "positions",
        "troop",
        "outpost",
        "outposts",
        "police", "policeman", "policemen", "patrolmen",
    }
)  # fmt: skip


# Ranks of the armed forces: a victim named by one ("Colonel X was shot", "1 officer and 14 soldiers were
# wounded") is military; in a list of victims ("the murders of a judge, Colonel Y and Senator Z") the
# rank is one victim among civilians.
RANK_WORDS = frozenset(
    {
        "sergeant", "sergeants", "corporal", "corporals", "colonel", "colonels", "lieutenant",
        "lieutenants", "captain", "captains", "officer", "officers", "noncommissioned",
    }
)  # fmt: skip


def has_military_target(mention: Mention) -> bool:
    """The victims or target are soldiers or guerrillas ("5 soldiers killed", "the attack on the 3d
    regiment", "a rebel was killed"): military versus military, not a terrorist incident."""
    word = mention.trigger.text.lower()
    before, after = next_to(mention)
    rest = mention.sentence.text[mention.trigger.end - mention.sentence.start :]
    if rest.lstrip()[:1] in (",", ";", ":", ".", ")"):
        after = ""  # "reported 5 soldiers killed, several wounded"
    preceding = words_before(mention, 3)
    while len(preceding) > 1 and preceding[-1] in PASSIVE_AUX:
        preceding.pop()  # "artillery troops were attacked between ...": the victims before the passive
    before = preceding[-1] if preceding else before
    if (
        word.endswith(("ed", "en"))
        and before in MILITARY_TARGET_WORDS | {"terrorists"}
        and (mention.actor is None or before not in mention.actor.evidence.text.lower())
        and after in PARTICIPLE_AFTER
    ):
        return True  # a participle after its victims: "the number of guerrillas killed by the troops"
    if target_words_in(rest, word.startswith("launch")) & (MILITARY_TARGET_WORDS | MILITARY_TARGET_EXTRA):
        return True  # "an attack against a 5th infantry brigade unit", "launched at military detachment"
    if mention.recipient is None:
        return False
    said = mention.recipient.evidence.text.lower()
    words = set(re.findall(r"[a-z]+", said))
    if words & RANK_WORDS and "," not in said and not words & CIVILIAN_WORDS:
        return True
    return bool(words & MILITARY_TARGET_WORDS)


_TARGET_PHRASE = re.compile(
    r"^\W*(?:(?:was|were|been|carried|out|launched|staged)\s+)*(?:on|against|at|upon)\s+(?!\d)([^,;:.]{1,60})",
    re.IGNORECASE,
)
# "launched a 5-minute attack against ...": the target follows launch's object; "the attack was launched
# at the barracks": or launch itself, with no object between.
_LAUNCHED_PHRASE = re.compile(
    r"^\W*(?:[\w'-]+\s+){0,4}?(?:on|against|at|upon)\s+(?!\d)([^,;:.]{1,60})", re.IGNORECASE
)
# Words of a target phrase that make it military besides MILITARY_TARGET_WORDS ("against a national
# guard unit", "the navy headquarters"); a date ("on 16 November by men in uniform") is no target.
MILITARY_TARGET_EXTRA = frozenset({"unit", "units", "navy", "guard", "guardsmen", "base", "bases"})
_DATE_WORDS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "dawn", "night", "midnight", "noon",
    }
)  # fmt: skip


def target_words_in(rest: str, launched: bool = False) -> set[str]:
    """The words of the phrase that names an attack's target right after its word ("attack on the
    navy headquarters", "attack carried out against the troops"), up to the next comma or "by"."""
    found = (_LAUNCHED_PHRASE if launched else _TARGET_PHRASE).match(rest)
    if found is None:
        return set()
    words = re.findall(r"[a-z]+", found.group(1).lower())
    words = words[: words.index("by")] if "by" in words else words
    if words and words[0] in _DATE_WORDS:
        return set()
    return set(words[:6])


# Words of state forces as an actor, of the armed groups they fight, and of civilian victims.
STATE_ACTOR_WORDS = frozenset(
    {
        "army", "troops", "soldiers", "military", "air", "force", "helicopters", "planes", "aircraft",
        "battalion",
    }
)  # fmt: skip
ARMED_GROUP_WORDS = frozenset(
    {"guerrilla", "guerrillas", "rebel", "rebels", "subversives", "insurgents", "terrorists", "positions"}
)
CIVILIAN_WORDS = frozenset(
    {"civilian", "civilians", "peasants", "people", "residents", "homes", "houses", "children", "women"}
)


def is_counterinsurgency(mention: Mention) -> bool:
    """State forces attacking where the armed groups are ("the air force resumed its attacks on the
    sectors where the FMLN ...", "the army attacked by land and air the guerrillas who occupied ..."):
    military versus military unless the text names civilian victims (the task counts the military as
    perpetrator only against civilians)."""
    actor = mention.actor
    said = words_of(actor.evidence.text) if actor is not None else set()
    if actor is None or said & ARMED_GROUP_WORDS or not (actor.kind in STATE or said & STATE_ACTOR_WORDS):
        return False
    words = words_of(mention.sentence.text)
    # The armed group must be where the state's act goes, not the one who tells of it before the
    # actor is named ("the rebels blamed the army for the murder of 10 union members").
    told_after = words_of(mention.sentence.text[max(0, actor.evidence.start - mention.sentence.start) :])
    return bool(told_after & ARMED_GROUP_WORDS) and not words & CIVILIAN_WORDS


FIRST_PERSON = frozenset({"we", "our", "us"})


def is_own_war_report(mention: Mention) -> bool:
    """An armed group's own report of its actions ("we attacked aircraft inside the hangar", "the
    strength of our attack", "our forces have assaulted headquarters"): war communiques, military
    versus military unless they name civilian victims."""
    actor = mention.actor.evidence.text if mention.actor is not None else ""
    said = words_of(actor) | set(words_before(mention, 1))
    return bool(said & FIRST_PERSON) and not words_of(mention.sentence.text) & CIVILIAN_WORDS


# "killed in combat", "maimed in war", "wounded during the fighting", "killed in action" (the armies'
# own phrase for their dead): casualties of combat, which the task leaves out (military versus
# military), told by the words right after the harm word.
_IN_COMBAT = re.compile(
    r"^\W*(?:in|during)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:war|conflict|combat|clash|clashes|fighting|battle|battles|offensive|skirmish|skirmishes)\b"
    # "killed in action" with no article: "in the action" may be the attack itself.
    r"|^\W*in\s+action\b",
    re.IGNORECASE,
)


def is_combat_toll(mention: Mention) -> bool:
    """Casualties of combat ("people maimed in war", "killed in clashes in the north")."""
    rest = mention.sentence.text[mention.trigger.end - mention.sentence.start :]
    return bool(_IN_COMBAT.match(rest))
