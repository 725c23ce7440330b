"""Explosives a note names that were taken out of use rather than set off (ACLED codebook,
Disrupted weapons use: a Strategic development, not Explosions/Remote violence). Used by
:func:`eventscope.evaluate.acled_main.main_mention`; moved here from ``acled_main`` unchanged.
General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventscope.evaluate.acled_notes import WEAK_MODALITY
from eventscope.models import ActorKind, Mention

_UNEXPLODED = re.compile(r"(?i)\b(?:unexploded|undetonated|defused)\b")
# "Bomb found near...", "an explosive device was discovered": the weapon reported found, not set off
_FOUND_AFTER = re.compile(
    r"(?i)^[^.;:]{0,25}?\b(?:found|discovered|defused|recovered|seized|intercepted|dismantled)\b"
    # "the bomb they were planting blew up", "a device that failed to explode": set off by mishap or not
    r"|^[^.;:]{0,12}?\b(?:he|she|they|it)\s+(?:was|were|had\s+been)\s+(?:planting|assembling|making|"
    r"carrying|building|transporting|handling|setting)\b"
    r"|^[^.;:]{0,40}?\b(?:failed\s+to\s+(?:explode|detonate|go\s+off)|did\s+not\s+(?:explode|detonate))\b"
)
# "found a cache of arms including 36 grenades", "recovered two hand grenades": found before it is named
_FOUND_BEFORE = re.compile(
    r"(?i)\b(?:found|finds?|discover(?:s|ed)?|recovered|seized|confiscated|intercept(?:s|ed)?|"
    r"dismantl(?:e|es|ed)|defus(?:e|es|ed)|cache|haul)\b[^.;:]{0,40}$"
)
# "the bomb they were planting blew up": set off by mishap while being planted, built or carried
_MISHAP_BEFORE = re.compile(
    r"(?i)\b(?:he|she|they)\s+(?:was|were|had\s+been)\s+(?:planting|assembling|making|carrying|building|"
    r"transporting|handling|setting)\s*$"
)
# "assembles IEDs", "were making bombs", "stockpiled grenades": explosives made or stored, not set off
_MADE_BEFORE = re.compile(
    r"(?i)\b(?:assembl(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing)|mak(?:e|es|ing)|"
    r"stockpil(?:e|es|ed|ing)|stor(?:e|es|ed|ing)|smuggl(?:e|es|ed|ing))\s+"
    r"(?:(?:the|a|an|some|several|two|three|\d+|crude|improvised|homemade|home-made)\s+)*$"
)


def disarmed(mention: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether an explosive named in the note was taken out of use rather than set off (ACLED codebook,
    Disrupted weapons use: explosives defused or seized, or set off by mishap, are not an explosion):
    an "unexploded" bomb; one reported found, seized or defused just before or after it is named
    ("bomb found near...", "recovered two grenades"); one that went off while being planted or carried
    ("the bomb they were planting blew up"), or failed to; one the police detonated; the same bombs
    as another such report in the sentence; or one in a note that reports weapons found, defused or
    seized no later than its sentence."""
    if not _explosive(mention):
        return False
    if _disarmed_by_words(mention):
        return True
    sentence = mention.sentence
    return any(
        m is not mention
        and m.modality not in WEAK_MODALITY
        and (
            (m.type.plover_mode == "disrupt-weapons" and m.sentence.start <= sentence.start)
            or (m.sentence.start == sentence.start and _explosive(m) and _disarmed_by_words(m))
        )
        for m in mentions
    )


def _explosive(mention: Mention) -> bool:
    return mention.type.plover == "ASSAULT" and mention.type.plover_mode in ("explosives", "grenade")


def _disarmed_by_words(mention: Mention) -> bool:
    sentence = mention.sentence
    before = sentence.text[: mention.trigger.start - sentence.start]
    after = sentence.text[mention.trigger.end - sentence.start :]
    if _UNEXPLODED.search(before[-30:]) or _FOUND_AFTER.match(after) or _FOUND_BEFORE.search(before):
        return True
    if _MISHAP_BEFORE.search(before) or _MADE_BEFORE.search(before):
        return True
    if mention.actor is not None and mention.actor.kind is ActorKind.STATE_FORCES:
        # "police detonated the bomb": a controlled detonation, the device taken out of use
        return mention.trigger.text.lower().startswith(("detonat", "blew", "blow", "explod"))
    return False
