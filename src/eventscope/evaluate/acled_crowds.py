"""Crowds in ACLED notes: when unarmed people are rioters, when a demonstration turned violent, and
force used on demonstrators (ACLED codebook: Protests, Riots, Rioters). Used by
:mod:`eventscope.evaluate.acled_notes`; every word list is general English."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.models import ActorKind, ActorRef, Mention
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in
from eventscope.resolve.acled_coding import COMMUNAL_WORDS, ethnic_words

VIOLENCE = frozenset({"ASSAULT", "FIGHT"})
STATE = ActorKind.STATE_FORCES

CROWD_CONTROL = re.compile(r"(?i)(dispers|fire|lob|tear)")

# Head nouns of unarmed groups of people (general English): when such a group fights or attacks, ACLED
# codes it as rioters (codebook, Rioters: "violent ... spontaneous or unorganised" groups; civilians and
# party supporters who turn violent). Armed and named groups are the actor dictionary's to know.
UNARMED_GROUP_HEADS = frozenset(
    {
        "supporters",
        "supporter",
        "followers",
        "factions",
        "faction",
        "camps",
        "sections",
        "members",
        "operators",
        "riders",
        "hawkers",
        "traders",
        "vendors",
        "squatters",
        "inhabitants",
        "dwellers",
        "workers",
        "students",
        "pupils",
        "fans",
        "congregants",
        "worshippers",
        "groups",
        "parties",
        "mourners",
        "motorists",
        "drivers",
        "touts",
        "farmers",
        "villagers",
        "residents",
        "locals",
    }
)

# Supporters, students, fans, traders and worshippers: crowds when they fight, never an armed side.
_CROWD_SIDES = re.compile(
    r"(?i)\b(?:supporters|followers|factions|fans|students|pupils|worshippers|congregants|churchgoers|"
    r"traders|hawkers|vendors|touts|operators|refugees|mourners|squatters|delegates)\b"
)


def crowds_fight(sentence: str, actor: ActorRef | None) -> bool:
    """A fight whose sentence names crowds as its sides and no armed men, community or clan."""
    if actor is not None and actor.kind in ARMED_KINDS - {ActorKind.POLITICAL_MILITIA}:
        return False
    words = set(re.findall(r"[a-z][a-z-]*", sentence.lower()))
    if agents_in(sentence) or words & (COMMUNAL_WORDS | ethnic_words()):
        return False
    return _CROWD_SIDES.search(sentence) is not None


def unarmed_group(phrase: str) -> bool:
    words = re.findall(r"[a-z]+", phrase.lower())
    return bool(words) and (
        words[-1] in UNARMED_GROUP_HEADS or any(w in UNARMED_GROUP_HEADS for w in words[:3])
    )


def state_intervention(m: Mention) -> bool:
    """Force used by the state (or by no one named) to control a crowd: dispersal, tear gas, arrests."""
    kind = m.actor.kind if m.actor is not None else None
    if kind not in (None, ActorKind.STATE_FORCES):
        return False
    if m.type.plover == "COERCE":
        return (
            m.type.plover_mode == "arrest"
            or CROWD_CONTROL.match(m.trigger.text) is not None
            or kind is not None
        )
    return m.type.plover == "ASSAULT" and kind is ActorKind.STATE_FORCES


# What demonstrators do that makes a demonstration violent (ACLED codebook, Violent demonstration:
# vandalism, property destruction, breaking in, road-blocking with barricades or burning tyres,
# stone-throwing, looting).
_CROWD_VIOLENCE_WORDS = re.compile(
    r"(?i)\b(?:(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+)?(?:stones|rocks|missiles)|"
    r"stones?\s+thrown|stone[- ]throwing|(?:lit|lighting)\s+(?:\w+\s+)?(?:fires|bonfires)|"
    r"(?:burning|burnt|burned)\s+tyres|bonfires|barricades|looted|looting|vandali[sz]ed|"
    r"rioted|rioting|rioters|running\s+battles|violent\s+(?:protests?|demonstrations?)|"
    r"(?:destruction|destroying|damage|damaging)\s+(?:of\s+)?(?:\w+\s+)?property|"
    r"property\s+(?:destruction|damage)|(?:broke|broken|breaking)\s+into)\b"
)


# "no reports of violence or clashes", "devoid of police presence and running battles", "without
# any violence": the report says the happening did not take place (general English).
_NONE_BEFORE = re.compile(
    r"(?i)\b(?:no(?:\s+reports?\s+of)?|without(?:\s+any)?|devoid\s+of|free\s+(?:of|from)|absence\s+of)"
    r"\s+(?:(?!(?:in|during|at|after|from|by|following|amid|was|were|is|are|reported)\b)[\w-]+\s+){0,5}?"
    r"(?:(?:or|and|nor)\s+)?$"
)


def said_not_to_happen(mention: Mention) -> bool:
    """Whether the words just before a noun trigger deny it ("no reports of violence or clashes",
    "devoid of ... running battles"): the noun is named as absent, not reported."""
    return _denied_before(mention.sentence.text, mention.trigger.start - mention.sentence.start)


def _denied_before(text: str, at: int) -> bool:
    """Whether the words before ``text[at]`` deny what is named there (``_NONE_BEFORE``)."""
    return _NONE_BEFORE.search(text[max(0, at - 60) : at]) is not None


def crowd_turned_violent(others: Sequence[Mention], text: str) -> bool:
    """Whether the note reports the crowd's violence: in another report, or in the words of the
    codebook's examples of a violent demonstration."""
    if any(_crowd_violence(m) and not said_not_to_happen(m) for m in others):
        return True
    return any(not _denied_before(text, found.start()) for found in _CROWD_VIOLENCE_WORDS.finditer(text))


def _crowd_violence(m: Mention) -> bool:
    """A report of demonstrators turning violent: a riot, or violence or damage by a crowd."""
    if m.type.plover == "PROTEST":
        return m.type.plover_mode in ("riot", "obstruct")
    kind = m.actor.kind if m.actor is not None else None
    return m.type.plover in VIOLENCE and kind in (ActorKind.RIOTERS, ActorKind.PROTESTERS)


def force_in_demonstration(
    main: Mention, actor: ActorRef | None, hit: ActorRef | None, others: Sequence[Mention], text: str
) -> tuple[ActorRef | None, ActorRef | None]:
    """Harm during a demonstration (ACLED codebook: Protests "though violence may be used against
    them", Riots when the demonstrators are violent): force on demonstrators who were violent anywhere
    in the note hits rioters; police hurt by no one named in a demonstration were hurt by its crowd."""
    if hit is not None and hit.kind is ActorKind.PROTESTERS and crowd_turned_violent(others, text):
        return actor, replace(hit, kind=ActorKind.RIOTERS)
    during = any(m.type.plover == "PROTEST" and m.sentence.start == main.sentence.start for m in others)
    if during and (actor is None or actor.kind is None) and hit is not None and hit.kind is STATE:
        return ActorRef(actor.evidence if actor is not None else main.trigger, kind=ActorKind.RIOTERS), hit
    return actor, hit
