"""Reports whose words the extractor read in a sense ACLED does not (used by
:func:`eventscope.evaluate.acled_main.main_mention`).

A "strike" with no aircraft, drone or missile named in its sentence is a work stoppage ("the riders
entered a labour strike"), not an air strike: ACLED codebook, Protests (strikes are demonstrations),
not Explosions/Remote violence (Air/drone strike). General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import ActorKind, Mention
from eventscope.resolve.ontology import crosswalk

_STRIKE = re.compile(r"(?i)^strik(?:e|es|ing)$")
# What an air strike is made with or from (general English).
_AIR = re.compile(
    r"(?i)\b(?:air|aerial|airstrikes?|drones?|jets?|planes?|aircraft|helicopters?|gunships?|missiles?|"
    r"rockets?|bombers?|warplanes?|air\s*force|bomb\w*|shell\w*)\b"
)


def work_stoppage(m: Mention) -> Mention:
    """``m`` as a strike (a demonstration: ACLED Protests) when it was read as an air strike but its
    sentence names no aircraft, drone, missile or bomb; else ``m`` unchanged."""
    if m.type.plover_mode != "aerial" or not _STRIKE.match(m.trigger.text.strip()):
        return m
    if _AIR.search(m.sentence.text):
        return m
    return replace(m, type=crosswalk("PROTEST", "strike-gen"), recipient=None)


# Burning a prop the demonstrators brought to burn: a coffin, an effigy (general English).
_BURNT = re.compile(r"(?i)^(?:burn|torch|set|lit|light|ablaze)")
_PROP_AFTER = re.compile(r"(?i)^\s+(?:\w+\s+){0,3}?(?:coffins?|effig(?:y|ies))\b")


def symbolic_burning(m: Mention) -> Mention:
    """``m`` as a peaceful demonstration when it is a demonstration read as violent only because the
    demonstrators burnt a coffin or an effigy they carried: a symbolic act that harms no one
    and destroys no one's property (ACLED codebook, Riots: demonstrators "engage in violence and/or
    destructive acts", property destruction among them; a prop burnt is neither). The note's other
    reports (road blocks, stones) still make it a riot when they tell one."""
    coded = m.type
    if coded.plover != "PROTEST" or coded.plover_mode != "riot" or not _BURNT.match(m.trigger.text):
        return m
    at = m.trigger.end - m.sentence.start
    if at < 0 or _PROP_AFTER.match(m.sentence.text[at:]) is None:
        return m
    actor = m.actor
    if actor is not None and actor.kind is ActorKind.RIOTERS:
        actor = replace(actor, kind=ActorKind.PROTESTERS)
    return replace(m, type=crosswalk("PROTEST", "demo", actor_kind=ActorKind.PROTESTERS), actor=actor)
