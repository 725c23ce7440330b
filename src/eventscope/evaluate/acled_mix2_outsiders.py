"""Harm at a demonstration or a rally to people who were not demonstrating (used by
:func:`eventscope.evaluate.acled_notes.code_note`).

ACLED codebook: Excessive force against protesters is force on peaceful demonstrators. When the note
names the person harmed as someone who was not demonstrating (a journalist covering it, an official or
a politician addressing it, a man the crowd accused of theft) the event is not force on protesters:
it is an attack on that person (Violence against civilians), or mob violence when the note names the
demonstrators or the crowd as the doers (Riots: a mob's violence on people). General English; nothing
is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import ActorKind, ActorRef, Mention
from eventscope.resolve.ontology import crosswalk

# The person harmed, named as not demonstrating: the press, an official or a politician, someone the
# crowd accused (general English), told as harmed in the passive ("a journalist was beaten").
_OUTSIDER_HARMED = re.compile(
    r"(?i)\b(?:journalists?|reporters?|photographers?|cameram[ae]n|mayor|governor|senator|mp|"
    r"councillors?|officials?|aspirants?|candidates?|aides?|observers?)\b[^.;]{0,60}?\b(?:was|were)\s+"
    r"(?:\w+\s+){0,2}?(?:beaten|attacked|assaulted|injured|stabbed|killed|lynched|hacked|clobbered)\b"
    r"|\baccused\s+of\s+being\s+an?\s+(?:thief|pickpocket|robber|witch|spy)\b"
)
# The crowd named as the doer: "by the demonstrators", "by the crowd", "by rival supporters".
_BY_CROWD = re.compile(
    r"(?i)\bby\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:demonstrators|protest[eo]rs|marchers|crowds?|mobs?|"
    r"supporters|youths?|rioters)\b"
)


def outsider_harmed(main: Mention, text: str) -> Mention:
    """``main`` as an attack on civilians (or mob violence, when the crowd did it) when it is
    excessive force against protesters but the note names the person harmed as someone not
    demonstrating (:data:`_OUTSIDER_HARMED`); else ``main`` unchanged."""
    coded = main.type
    if coded.acled_type != "Protests" or coded.acled_sub_type != "Excessive force against protesters":
        return main
    if not text or _OUTSIDER_HARMED.search(text) is None:
        return main
    if _BY_CROWD.search(text):
        crowd = ActorRef(main.trigger, kind=ActorKind.RIOTERS)
        mob = crosswalk("ASSAULT", "mob", actor_kind=ActorKind.RIOTERS)
        return replace(main, type=mob, actor=crowd, recipient=None)
    attack = crosswalk("ASSAULT", None, recipient_kind=ActorKind.CIVILIANS)
    return replace(main, type=attack, actor=None, recipient=None)
