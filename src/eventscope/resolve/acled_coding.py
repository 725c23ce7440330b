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
from eventscope.models import ACLED_INTER_CODE, ActorKind, Mention

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


def inter1_code(
    acled_type: str, named: int | None, mentions: Sequence[Mention], text: str = ""
) -> int | None:
    """ACLED's ``inter1`` for an event: a demonstration's actor is its crowd (protesters 6, rioters 5);
    otherwise the named actor's code (``named``), or for violence by an unnamed perpetrator
    :func:`unnamed_perpetrator`'s; None when nothing says."""
    if acled_type in CROWD_INTER:
        return CROWD_INTER[acled_type]
    if named is None and acled_type in ACLED_VIOLENCE:
        return ACLED_INTER_CODE[unnamed_perpetrator(mentions, text)]
    return named


def unnamed_actor_name(inter1: int | None, country: str) -> str:
    """ACLED's name for an actor the reports do not name, by its inter code ("" when it has none)."""
    name = UNNAMED_ACTOR_NAMES.get(inter1) if inter1 is not None else None
    return f"{name} ({country})" if name and country else name or ""


def sentences_text(mentions: Iterable[Mention]) -> str:
    """The reports' sentences, for word cues when the article text is not at hand."""
    return " ".join(dict.fromkeys(m.sentence.text for m in mentions))
