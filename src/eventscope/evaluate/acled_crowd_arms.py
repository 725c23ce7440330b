"""Fighting between armed sides is not a crowd's riot, whatever demonstration the note names near
it (ACLED codebook: Battles, Armed clash, is a fight between organised armed groups, the state's
forces among them; Riots are violence by demonstrators or mobs, "spontaneous or unorganised"). A
clash read as a demonstration's violence because a road block or a rally is named beside it ("police
exchanged fire with gunmen who had set up a roadblock", "a gunfight between raiders and police
disrupted a rally") is an armed clash when its sentence names an armed group or tells an exchange of
fire. Used by :mod:`eventscope.evaluate.acled_crowd_verdict`; every word list is general English or
the agent lexicon's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.ontology import crosswalk

# Words of fighting, as a trigger opens with them.
_FIGHT_WORD = re.compile(
    r"(?i)^(?:exchang|gun-?fight|gun\s+battle|shoot-?out|fire-?fight|crossfire|clash|battl|fight|fought|"
    r"skirmish|confront|engag)"
)
# An exchange of fire: both sides shot, so both were armed.
_GUNFIRE = re.compile(
    r"(?i)\b(?:exchang\w*\s+(?:of\s+)?(?:gun)?fire|gun-?fights?|gun\s+battles?|shoot-?outs?|fire-?fights?|"
    r"exchang\w*\s+(?:gun)?shots)\b"
)
_STATE = ActorKind.STATE_FORCES
# Non-state men the words call armed: gunmen, militia, militants, bandits, raiders, rebels ("armed
# youths" too; not people "armed with" stones or bows, nor an "armed mob", which are crowds). Gangs,
# youths and communities are left to the rules for crowds and communities.
ARMED_MEN = re.compile(
    r"(?i)\b(?:gun-?men|militia(?:s|men)?|militants?|bandits?|raiders?|rebels?|insurgents?|terrorists?|"
    r"armed\s+(?!with\b|rioters\b|mobs?\b|crowds?\b|protesters\b|demonstrators\b)[\w-]+)\b"
)


def armed_sides(main: Mention) -> Mention:
    """A fight coded as a riot whose sentence names a non-state armed group (gunmen, militia,
    raiders, bandits), or tells an exchange of fire, is an armed clash between the armed sides its
    sentence names (the first named is actor 1)."""
    if main.type.acled_type != "Riots" or main.type.plover not in ("PROTEST", "FIGHT"):
        return main
    if _FIGHT_WORD.match(main.trigger.text) is None:
        return main
    sentence = main.sentence.text
    agents = agents_in(sentence)
    gunfire = _GUNFIRE.search(sentence) is not None
    if not gunfire and ARMED_MEN.search(sentence) is None:
        return main
    if not agents:
        return replace(main, type=crosswalk("FIGHT", None), actor=None, recipient=None)
    at = main.sentence.start
    sides: list[tuple[Evidence, ActorKind]] = []
    for start, end, kind in agents:
        if all(kind is not k for _, k in sides):
            sides.append((Evidence(main.article_id, at + start, at + end, sentence[start:end]), kind))
    actor = ActorRef(sides[0][0], kind=sides[0][1])
    recipient = ActorRef(sides[1][0], kind=sides[1][1]) if len(sides) > 1 else None
    coded = crosswalk(
        "FIGHT", None, actor_kind=actor.kind, recipient_kind=recipient.kind if recipient else None
    )
    return replace(main, type=coded, actor=actor, recipient=recipient)
