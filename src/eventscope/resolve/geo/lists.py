"""Place names listed together: "Michigan, Oregon, New Mexico and Utah"; "Paris, London and Berlin".

The members of a coordinated list are places of one kind, so the kind most of a name's fellow members
resolved to is evidence for that name's own kind: "Oregon" among states is the state, not the town of
Oregon, Wisconsin, even in a story about Wisconsin. Two names ("Paris, Texas") are no list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from eventscope.models import PlaceLevel, Toponym

# What may stand between two members: a comma, a semicolon, a slash, "and" / "or" (after a comma too).
_LIST_GAP = re.compile(r"\s*(?:[,;/&]|,?\s+(?:and|or))\s*")
MIN_MEMBERS = 3


def list_groups(toponyms: Sequence[Toponym], text: str) -> list[list[int]]:
    """Indices of toponyms forming lists of at least :data:`MIN_MEMBERS` names, in text order."""
    if not text or len(toponyms) < MIN_MEMBERS:
        return []
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].evidence.start)
    groups, current = [], [order[0]]
    for a, b in zip(order, order[1:], strict=False):
        gap = text[toponyms[a].evidence.end : toponyms[b].evidence.start]
        if _LIST_GAP.fullmatch(gap):
            current.append(b)
        else:
            groups.append(current)
            current = [b]
    groups.append(current)
    return [g for g in groups if len(g) >= MIN_MEMBERS]


def list_kind(level: PlaceLevel) -> PlaceLevel:
    """The kind a list is homogeneous in: country, first-level division, region, or local (a town and a
    district are one kind: "Douglas, Sarpy and Lancaster" may be counties or their seats)."""
    return PlaceLevel.TOWN if level is PlaceLevel.DISTRICT else level


def sibling_levels(groups: list[list[int]], levels: Mapping[int, PlaceLevel]) -> dict[int, PlaceLevel]:
    """For each listed name, the kind (:func:`list_kind`) most of its *fellow* members resolved to (more
    than half of them; ``levels`` holds the first pass's results). Names whose fellows disagree get none."""
    found: dict[int, PlaceLevel] = {}
    for group in groups:
        for i in group:
            others = [list_kind(levels[j]) for j in group if j != i and j in levels]
            if not others:
                continue
            level, count = Counter(others).most_common(1)[0]
            if count * 2 > len(group) - 1:
                found[i] = level
    return found
