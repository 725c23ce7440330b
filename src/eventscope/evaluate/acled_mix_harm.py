"""Harm a note tells when its only reports are talk or a non-violent development (used by
:mod:`eventscope.evaluate.acled_notes`).

ACLED codebook: a note is one event, and violence takes precedence over a strategic development
("Other", "Change to group/activity") or a meeting. When the extractor found no violent report in a
note but the note tells people killed, found dead, wounded or fired on ("Police open fire on youths
gathering for a meeting", "three sons were found dead", "three people died ... as a developer sought
to evict occupants"), the harm is the event: an attack (Violence against civilians), or a clash when
the note tells armed resistance (the rest of :func:`acled_notes.code_note` decides). Harm told as the
reason for the development ("deployed after an attack that killed two", "over fears of attacks") is
not the event. General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import Mention
from eventscope.resolve.ontology import crosswalk

# Developments and talk that yield to harm the note tells (ACLED precedence: violence first).
_YIELDING = frozenset(
    {
        "Other",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
    }
)
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens|scores)"
# People harmed, told as a happening (general English): "were found dead", "three people died",
# "was shot dead", "killing 3", "open fire on", "shot and wounded".
_HARM_TOLD = re.compile(
    r"(?i)\b(?:(?:was|were|been)\s+(?:\w+\s+){0,2}?(?:found\s+dead|killed|murdered|shot(?:\s+dead)?|"
    r"hacked|stabbed|wounded|injured|beaten(?:\s+to\s+death)?)|"
    rf"{_NUMBER}\s+(?:\w+\s+){{0,2}}?(?:died|were\s+killed|killed|dead)|"
    rf"(?:killing|killed|kill)\s+{_NUMBER}\b|"
    r"open(?:s|ed)?\s+fire\s+(?:on|at)|shot\s+dead|found\s+dead)"
)
# Harm that is the reason, setting or fear behind the development, or another event's ("details
# emerged on how the leader was killed"): not this one.
_NOT_THIS = re.compile(
    r"(?i)\b(?:after|following|how|why|where|since|amid|in\s+which|in\s+the\s+wake\s+of|because\s+of|"
    r"due\s+to|over|fears?|threats?|prevent|curb|quell|suspected\s+of|accused\s+of|earlier|"
    r"previous(?:ly)?|last\s+(?:week|month|year)|responsible\s+for|involved\s+in|in\s+connection\s+with)"
    r"\b[^.;]{0,60}$"
)


def harm_over_talk(main: Mention, text: str) -> Mention:
    """The main event as an attack when it is talk or a non-violent development and the note tells
    people harmed in a clause of its own (:data:`_HARM_TOLD`, not the reason for the development);
    else ``main`` unchanged. The actor and target are left to the note's other rules."""
    coded = main.type
    if not text or coded.plover in ("ASSAULT", "FIGHT"):
        return main
    if coded.acled_type != "Strategic developments" or coded.acled_sub_type not in _YIELDING:
        return main
    if not harm_told(text):
        return main
    attack = crosswalk("ASSAULT", None)
    return replace(main, type=attack, actor=None, recipient=None)


def harm_told(text: str) -> bool:
    """Whether the note tells people harmed as a happening, not as the reason or setting of another
    one (:data:`_NOT_THIS` in the 60 characters before, within the sentence)."""
    return any(
        _NOT_THIS.search(text[max(0, found.start() - 60) : found.start()]) is None
        for found in _HARM_TOLD.finditer(text)
    )
