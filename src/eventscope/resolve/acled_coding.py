"""ACLED conventions the product applies when it writes ACLED fields (the export and ``eval acled``).

ACLED codes violence whose perpetrator the report does not name to an "Unidentified Armed Group"
(codebook, actors: a political militia, inter 3), or to an identity militia (inter 4) when the report
sets it among communities; a demonstration's actor is protesters (inter 6), a riot's rioters (inter 5).
Every word list is general English or the agent lexicon's; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from eventscope.extract.lexicon import load_lexicon
from eventscope.models import ACLED_INTER_CODE, ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.actors import singular

ACLED_VIOLENCE = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
CROWD_INTER = {"Protests": 6, "Riots": 5}
# ACLED's actor names for unnamed actors, by inter code (codebook: "Unidentified Armed Group (Country)")
UNNAMED_ACTOR_NAMES = {
    3: "Unidentified Armed Group",
    4: "Unidentified Communal Militia",
    5: "Rioters",
    6: "Protesters",
}

# ACLED codebook (actors, political militias): violence whose perpetrator the report does not name is
# coded to "Unidentified Armed Group (country)", a political militia (inter 3) ...
UNNAMED_PERPETRATOR = ActorKind.POLITICAL_MILITIA
# ... unless the report sets it among communities (identity militias: "armed and violent groups organised
# around a collective, common feature including community, ethnicity, region, religion"), where the
# unnamed side is the other community's militia (inter 4).
COMMUNAL_WORDS = frozenset(
    {
        "clan",
        "clans",
        "community",
        "communities",
        "ethnic",
        "tribal",
        "tribe",
        "tribes",
        "communal",
        "inter-clan",
        "inter-communal",
        "intercommunal",
        "inter-ethnic",
        "interethnic",
        "inter-tribal",
    }
)


def unnamed_perpetrator(mentions: Sequence[Mention], text: str = "") -> ActorKind:
    """The kind ACLED gives a perpetrator the report does not name: an identity militia when the
    report is about communities (a party is one, or the text speaks of clans, communities, ethnic or
    tribal groups, or names an ethnic group), else an unidentified armed group (political militia)."""
    parties = [r for m in mentions for r in (m.actor, m.recipient) if r is not None]
    if any(r.kind is ActorKind.IDENTITY_MILITIA for r in parties):
        return ActorKind.IDENTITY_MILITIA
    words = set(re.findall(r"[a-z][a-z-]*", text.lower()))
    if words & (COMMUNAL_WORDS | ethnic_words()):
        return ActorKind.IDENTITY_MILITIA
    return UNNAMED_PERPETRATOR


@cache
def ethnic_words() -> frozenset[str]:
    """Ethnic group and clan names of the agent lexicon (``extract/lexicon/agents.yaml``)."""
    return frozenset(str(w).lower() for w in load_lexicon("agents").get("ethnic_words", ()))


# Words for people whom the report leaves unnamed ("three men", "an unknown group"): the perpetrator is
# named where the event is, and unnamed (codebook: Unidentified Armed Group).
_PEOPLE = re.compile(r"\b(?:men|man|women|woman|group|groups|people|persons|person|individuals|boys)\b")
# Kinds of armed, organised actors: the ones ACLED names as the actor of violence (codebook, actors:
# state forces, rebel groups, political and identity militias, external forces).
ARMED_KINDS = frozenset(
    {
        ActorKind.STATE_FORCES,
        ActorKind.REBEL_GROUP,
        ActorKind.POLITICAL_MILITIA,
        ActorKind.IDENTITY_MILITIA,
        ActorKind.EXTERNAL_OTHER,
    }
)
# Agent families that never stand for the perpetrator named elsewhere in a note: governments and their
# officials speak, investigate and condemn, and ACLED codes unarmed officials as civilians when attacked.
_NOT_PERPETRATORS = frozenset({"government"})


def inter1_code(
    acled_type: str,
    named: int | None,
    mentions: Sequence[Mention],
    text: str = "",
    *,
    groups: Sequence[ActorRef] = (),
    victim: Evidence | None = None,
    actor: ActorRef | None = None,
) -> int | None:
    """ACLED's ``inter1`` for an event: a demonstration's actor is its crowd (protesters 6, rioters 5);
    otherwise the named actor's code (``named``); for violence whose ``actor`` is no one known (none, a
    pronoun, a weapon: "bullets killed"), the armed actor the report names elsewhere
    (:func:`armed_actor_named`: ``groups`` are the named armed groups the caller found in ``text``,
    ``victim`` the event's target, never its actor); else, and for people of no known kind ("three
    men", "an unknown group"), :func:`unnamed_perpetrator`'s; None when nothing says."""
    if acled_type in CROWD_INTER:
        return CROWD_INTER[acled_type]
    if named is None and acled_type in ACLED_VIOLENCE:
        fallback = unnamed_perpetrator(mentions, text)
        unnamed = actor is not None and _PEOPLE.search(actor.evidence.text.lower()) is not None
        kind = None if unnamed else armed_actor_named(text, groups, victim)
        if kind is None or (kind is ActorKind.POLITICAL_MILITIA and fallback is ActorKind.IDENTITY_MILITIA):
            kind = fallback  # unnamed armed men among communities: their community's militia
        return ACLED_INTER_CODE[kind]
    if named is None and acled_type:  # an arrest or a development: its actor is the one the report names
        kind = armed_actor_named(text, groups, victim)
        return ACLED_INTER_CODE[kind] if kind is not None else None
    return named


def armed_actor_named(
    text: str, groups: Sequence[ActorRef] = (), victim: Evidence | None = None
) -> ActorKind | None:
    """The kind of the armed actor a report names as the perpetrator: the agent of a passive verb ("was
    shot by police") first, else the first armed actor named (a generic agent of agents.yaml, or one of
    the named ``groups``) that is not the target ("injuring three police officers", the ``victim``'s
    words) nor the responder ("before police intervened", "police said"): ACLED's notes and news
    ledes name the perpetrator first ("Police raid media outlets, ...")."""
    low = text.lower()
    found: list[tuple[int, int, ActorKind]] = [
        (g.evidence.start, g.evidence.end, g.kind)
        for g in groups
        if g.kind in ARMED_KINDS and g.evidence.end <= len(text)
    ]
    found += agents_in(text)
    found = [
        f
        for f in sorted(found)
        if not (victim is not None and victim.start <= f[0] < victim.end)
        and not _TARGET_BEFORE.search(low[max(0, f[0] - 40) : f[0]])
        and not _RESPONDER_AFTER.match(low[f[1] : f[1] + 40])
    ]
    agent = next((f for f in found if _AGENT_BEFORE.search(low[max(0, f[0] - 40) : f[0]])), None)
    if agent is not None:
        return agent[2]
    return found[0][2] if found else None


# General English around an actor's name that makes it the target of the violence ("an attack on a
# police post", "injuring three officers"), its responder ("before police intervened", "police said")
# or the agent of a passive verb ("killed by suspected militants").
_DET = (
    r"(?:\s+(?:a|an|the|some|several|two|three|four|five|\d+|"
    r"suspected|alleged|unknown|unidentified|armed|heavily))*"
)
_TARGET_BEFORE = re.compile(
    r"\b(?:on|against|at|targeting|targeted|injuring|wounding|killing|ambushing|ambushed|attacking)"
    + _DET
    + r"\s*$"
)
_AGENT_BEFORE = re.compile(r"\bby" + _DET + r"\s*$")
_RESPONDER_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:later\s+)?(?:intervene|intervened|intervenes|intervention|investigat|respond|"
    r"said|say|says|confirm|recover|rescue|arrest|arrived|were called|was called|have launched|"
    r"launched a manhunt|are pursuing)"
)


def agents_in(text: str, *, armed_only: bool = True) -> list[tuple[int, int, ActorKind]]:
    """The generic agents (agents.yaml heads) a text names, as (start, end, kind) in text order; only
    the armed families' (but not governments') when ``armed_only``."""
    heads = agent_heads(armed_only)
    return [(m.start(), m.end(), heads[m.group(1)]) for m in _head_pattern(armed_only).finditer(text.lower())]


@cache
def agent_heads(armed_only: bool = True) -> dict[str, ActorKind]:
    """Head nouns of the agent lexicon's families (plural and singular) -> their kind: only the armed
    families', governments' excepted, when ``armed_only``; else officials are civilians, as ACLED
    codes them when they are attacked (codebook: unarmed officials are civilians)."""
    data = load_lexicon("agents")
    kinds = {family: ActorKind(spec["kind"]) for family, spec in data["families"].items()}
    kinds |= dict.fromkeys(_NOT_PERPETRATORS, ActorKind.CIVILIANS)
    heads: dict[str, ActorKind] = {}
    for family, words in data["heads"].items():
        if armed_only and (kinds[family] not in ARMED_KINDS or family in _NOT_PERPETRATORS):
            continue
        for word in map(str.lower, words):
            heads.setdefault(word, kinds[family])
        for word in map(str.lower, words):
            heads.setdefault(singular(word), kinds[family])
    return heads


@cache
def _head_pattern(armed_only: bool = True) -> re.Pattern[str]:
    words = sorted(agent_heads(armed_only), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


def unnamed_actor_name(inter1: int | None, country: str) -> str:
    """ACLED's name for an actor the reports do not name, by its inter code ("" when it has none)."""
    name = UNNAMED_ACTOR_NAMES.get(inter1) if inter1 is not None else None
    return f"{name} ({country})" if name and country else name or ""


def sentences_text(mentions: Iterable[Mention]) -> str:
    """The reports' sentences, for word cues when the article text is not at hand."""
    return " ".join(dict.fromkeys(m.sentence.text for m in mentions))
