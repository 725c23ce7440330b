"""Communities in ACLED coding: the words that set a report among communities, and election violence.

ACLED's identity militias are "armed and violent groups organised around a collective, common feature
including community, ethnicity, region, religion" (codebook, actors); violence for political ends by
men the report does not name is a political militia's (codebook: Unidentified Armed Group). General
English and the agent lexicon's ethnic words; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from functools import cache

from eventscope.extract.lexicon import load_lexicon

# A report set among communities (identity militias: "armed and violent groups organised
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
        "ethnically",
        "inter-community",
        "intercommunity",
        "intertribal",
    }
)


# Violence told as part of an election (general English).
ELECTION_VIOLENCE = re.compile(
    r"(?i)\b(?:post[- ]?elect(?:ion|oral)|election[- ](?:related|violence|day)|electoral violence|"
    r"(?:pre|post)[- ]?poll|poll[- ]related)\b"
)
# Communities as the sides of the fighting: "ethnic clashes", "fighting between rival clans", "a
# battle between Luo and Kikuyu groups".
_SIDES_WORDS = r"(?:ethnic|tribal|communal|clan|inter-?(?:ethnic|communal|clan|tribal))"
COMMUNAL_SIDES = re.compile(
    rf"(?i)\b{_SIDES_WORDS}\s+(?:clash\w*|fight\w*|battles?|skirmish\w*)"
    r"|\bbetween\s+(?:the\s+)?(?:two\s+)?(?:rival\s+)?(?:ethnic\s+groups|communities|clans|tribes)\b"
)
_BETWEEN = re.compile(r"(?i)\bbetween\s+(?:the\s+)?([a-z-]+)\s+(?:and|&)\s+([a-z-]+)")


def communal_sides(text: str) -> bool:
    """Whether a report sets communities against each other (COMMUNAL_SIDES, or "between" two ethnic
    groups or clans of the agent lexicon: "a battle between Luo and Kikuyu groups")."""
    if COMMUNAL_SIDES.search(text):
        return True
    names = ethnic_words()
    return any(a.lower() in names and b.lower() in names for a, b in _BETWEEN.findall(text))


@cache
def ethnic_words() -> frozenset[str]:
    """Ethnic group and clan names of the agent lexicon (``extract/lexicon/agents.yaml``)."""
    return frozenset(str(w).lower() for w in load_lexicon("agents").get("ethnic_words", ()))
