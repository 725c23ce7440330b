"""An attack that struck the state's forces along with, or instead of, civilians (used by
:func:`eventscope.evaluate.acled_notes.code_note`).

ACLED codebook, Battles: a violent interaction between two organised armed groups, the state's forces
among them; an armed group's attack that kills or wounds police officers or soldiers is fought with
armed people, and stays a battle when civilians die in it too (Violence against civilians is violence
on unarmed non-combatants only). The phrase finder of the coding rules misses some ways a note tells
the forces hit: a list that joins them to civilians ("killing three civilians and five police",
"attacks villagers and police"), a passive after an aside ("two paramilitary officers (the riot
police) were injured"), a clause of their own ("a reservist responded and was shot dead"), or
injuries "suffered" or "sustained". Off-duty, retired or former members
and officers of civil offices are no armed side. General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import ActorKind, Mention
from eventscope.resolve.ontology import crosswalk

_FORCE = (
    r"(?:police(?:m[ae]n|\s+officers?|\s+reservists?)?|policem[ae]n|soldiers|troops|(?:security\s+)?officers|"
    r"security\s+forces|reservists|paramilitar(?:y|ies)(?:\s+officers)?|rangers|"
    r"constables?|corporals?|sergeants?|inspectors?)"
)
_HARM_VERB = r"(?:kill(?:ing|ed|s)?|injur(?:ing|ed|es)|wound(?:ing|ed|s)?|shoot(?:ing|s)?|shot)"
# "killing three civilians and five police", "attacks villagers and police", "wounding a child and
# two officers": the forces listed with the civilians the attack hit.
_LISTED = re.compile(
    rf"(?i)\b(?:{_HARM_VERB}|attack(?:s|ed|ing)?)\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:civilians|villagers|residents|people|passengers|traders|herders|women|children)\s+and\s+"
    rf"(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+)?(?:[\w-]+\s+)?{_FORCE}\b"
)
# "two paramilitary officers (of the riot unit) were injured", "police officers ... suffering injuries".
_FORCES_HARMED = re.compile(
    rf"(?i)\b{_FORCE}\s*(?:\([^)]{{0,80}}\)\s*)?(?:(?:were|was|are|is)\s+(?:\w+\s+)?"
    r"(?:injured|wounded|killed|shot)|(?:[\w-]+\s+){0,8}?(?:suffer\w*|sustain\w*)\s+(?:\w+\s+)?"
    r"(?:injuries|wounds))\b"
)
# "a reservist responded to the call and was shot dead": the forces' own clause, joined by "and".
_AND_HARMED = re.compile(
    rf"(?i)\b{_FORCE}\s+(?:[\w-]+\s+){{1,8}}?and\s+(?:was|were)\s+(?:\w+\s+)?(?:injured|wounded|killed|shot)\b"
)
# Members who were no armed side when harmed (codebook: off duty, retired, former; civil offices).
_NOT_ARMED_BEFORE = re.compile(
    r"(?i)\b(?:off-duty|off\s+duty|unarmed|retired|former|ex-|court|electoral|election|health|revenue|"
    r"county|wildlife|forest)\s+(?:[\w-]+\s+)?$"
)
_PLAIN = frozenset({None, "firearms", "primitive"})
_ATTACKERS = frozenset(
    {
        None,
        ActorKind.REBEL_GROUP,
        ActorKind.POLITICAL_MILITIA,
        ActorKind.IDENTITY_MILITIA,
        ActorKind.EXTERNAL_OTHER,
    }
)


def forces_hit(text: str) -> bool:
    """Whether the note tells members of the state's forces harmed in one of the phrasings
    :data:`_LISTED`, :data:`_FORCES_HARMED` and :data:`_AND_HARMED` read, not off duty or of a civil
    office."""
    for pattern in (_LISTED, _FORCES_HARMED, _AND_HARMED):
        for found in pattern.finditer(text):
            if _NOT_ARMED_BEFORE.search(text[max(0, found.start() - 30) : found.start()]):
                continue
            return True
    return False


def attack_on_forces(main: Mention, text: str) -> Mention:
    """``main`` as an armed clash when it is a plain attack on civilians by an armed group (or no one
    named) whose note tells the state's forces hit (:func:`forces_hit`); else ``main`` unchanged."""
    coded, actor = main.type, main.actor
    if coded.acled_type != "Violence against civilians" or coded.acled_sub_type != "Attack" or not text:
        return main
    if coded.plover != "ASSAULT" or coded.plover_mode not in _PLAIN:
        return main
    if (actor.kind if actor is not None else None) not in _ATTACKERS or not forces_hit(text):
        return main
    clash = crosswalk("FIGHT", None)
    return replace(main, type=replace(clash, plover=coded.plover, plover_mode=coded.plover_mode))
