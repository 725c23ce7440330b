"""Whether a report pins unnamed violence on a named group it mentions.

ACLED codes an event to the group the report attributes it to ("gunmen believed to be members of
al-Shabaab", "the attack was blamed on X", "X claimed responsibility"), and to an "Unidentified Armed
Group" when it only names unidentified men (codebook, actors). A group merely mentioned near the
event ("the source alludes to X's presence in the area", "suspected X members were killed") is not
the perpetrator. The cues are general English.
"""

from __future__ import annotations

import re

# Words just before a group's name that attribute an act to it: "believed to be (members of) X",
# "linked to X", "affiliated with X", "blamed on X", "claimed by X", "carried out by X".
_CUE_BEFORE = re.compile(
    r"\b(?:(?:believed|suspected|thought|said|alleged|assumed|reported|presumed)\s+to\s+(?:be|have\s+been)"
    r"|linked|affiliated|connected|tied|loyal|belonging|blamed|attributed|claimed|perpetrated|carried out)"
    r"(?:\s+(?:to|with|on|by|of|in|members?|part|elements?|fighters|militants|the|an?|be|from))*\s*$"
)
# Words just after it: "X claimed responsibility", "X took credit", "X (is) suspected as the
# perpetrator", "X believed to be responsible / behind it / involved".
_CUE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:claim(?:ed|s)?|took|takes|has claimed|have claimed)\s+(?:\w+\s+)?"
    r"(?:responsibility|credit)"
    r"|^\s*(?:was|were|is|are)?\s*(?:suspected|believed|blamed|thought)\b\s+(?:to\s+be\s+)?(?:as\s+)?"
    r"(?:the\s+)?(?:perpetrators?|responsible|behind|involved)"
)
_WINDOW = 60


def attributed(text: str, start: int, end: int) -> bool:
    """Whether the group named at ``text[start:end]`` is the one the text attributes an act to
    ("unknown assailants, believed to be affiliated with X, attacked", "X claimed responsibility");
    a bare "suspected X" is not enough (it also names X's members as targets: "suspected X members
    were killed by police")."""
    low = text.lower()
    before = low[max(0, start - _WINDOW) : start]
    return bool(_CUE_BEFORE.search(before) or _CUE_AFTER.match(low[end : end + _WINDOW]))
