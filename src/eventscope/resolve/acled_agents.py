"""The generic agents a text names ("gunmen", "police", "villagers") and their ACLED actor kinds, from the
agent lexicon (``lexicon/agents.yaml``): what the ACLED coding of a note reads its parties from."""

from __future__ import annotations

import re
from functools import cache

from eventscope.extract.lexicon import load_lexicon
from eventscope.models import ActorKind
from eventscope.resolve.actors import AMBIGUOUS_ALONE, singular

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


def agents_in(text: str, *, armed_only: bool = True) -> list[tuple[int, int, ActorKind]]:
    """The generic agents (agents.yaml heads) a text names, as (start, end, kind) in text order; only
    the armed families' (but not governments') when ``armed_only``."""
    heads = agent_heads(armed_only)
    return [
        (m.start(), m.end(), heads[m.group(1)])
        for m in _head_pattern(armed_only).finditer(text.lower())
        # "forces" after no name ("movement of forces", "the forces") names no one (actors.AMBIGUOUS_ALONE)
        if not (
            m.group(1) in AMBIGUOUS_ALONE
            and not _NAME_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        )
    ]


_NAME_BEFORE = re.compile(r"[A-Z][\w'-]*\s+$")  # "Kenyan forces", "Al Shabaab forces"


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
