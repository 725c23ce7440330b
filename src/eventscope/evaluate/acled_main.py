"""The main event of an ACLED note: which of a note's mentions ACLED would code.

A note is one event. Its main mention is the one ACLED's codebook gives precedence: asserted before
planned or denied, a material event before talk, violence before force against demonstrators before a
peaceful demonstration before arrests and other developments; violence a demonstration protests, and
explosives found or defused, are not it (an explosive that is the main event then is Disrupted
weapons use). Harm whose actor is not named is the explosion its sentence names (:func:`blast_behind`)
or the demonstration reported before it (:func:`harm_in_demonstration`). A main report of what
demonstrators said is their demonstration (:func:`demonstrators_talk`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_crowds import said_not_to_happen
from eventscope.evaluate.acled_notes import WEAK_MODALITY, generic
from eventscope.models import ActorKind, ActorRef, Mention
from eventscope.resolve.ontology import crosswalk

# Main-event preference by ACLED coding: violence (and a demonstration that turned violent), then
# force against demonstrators, then a peaceful one, then arrests and other developments, then talk.
# This is ACLED's own precedence: a protest the police broke up is "Protest with intervention", one
# that threw stones is a riot, whatever else the report says about it.
SUB_TYPE_RANK = {
    "Peaceful protest": 2,
    "Protest with intervention": 1,
    "Excessive force against protesters": 1,
    "Arrests": 3,
    "Looting/property destruction": 3,
    "Disrupted weapons use": 3,
    "Change to group/activity": 4,
    "Headquarters or base established": 4,
    "Non-violent transfer of territory": 4,
    "Agreement": 4,
    "Other": 5,
}
# In ACLED's demonstration events the demonstrators are actor 1, whoever intervened.
MATERIAL = frozenset({"FIGHT", "ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"})
# Words that introduce what a demonstration is about ("protested against / over / after the killing
# of"), and the breaks after which a new clause tells another happening ("...; police shot two").
_PROTEST_CAUSE = re.compile(
    r"(?i)\b(?:against|over|about|of|after|following|because|protest(?:s|ed|ing)?|demand(?:s|ed|ing)?|"
    r"condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying))\b"
)
_CLAUSE_BREAK = re.compile(
    r"(?i)[;:()]|,\s*(?:and|but|as|while|when|before|after|then)\b|\b(?:and then|but)\b"
)
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
_VIOLENCE = frozenset({"ASSAULT", "FIGHT"})


def main_mention(mentions: Sequence[Mention]) -> Mention | None:
    """The article's main event: asserted before planned or denied, a material event before talk about
    one, a happening before a conflict named as a whole ("killed in ongoing ethnic violence"), then by
    ACLED precedence (violence, then force against demonstrators, then peaceful protest,
    then arrests and other developments: ``SUB_TYPE_RANK``), in the earliest sentence that has one
    (news and ACLED notes lead with the event), then the most confident, then the first."""
    if not mentions:
        return None

    def key(item: tuple[int, Mention]) -> tuple[int, int, int, int, int, int, float, int]:
        i, m = item
        return (
            m.modality in WEAK_MODALITY or said_not_to_happen(m),
            protest_topic(m, mentions) or disarmed(m, mentions),
            m.type.plover not in MATERIAL,
            generic(m),
            SUB_TYPE_RANK.get(m.type.acled_sub_type, 0),
            m.sentence.start,
            -m.confidence,
            i,
        )

    main = min(enumerate(mentions), key=key)[1]
    if disarmed(main, mentions):
        # the main event is an explosive found, defused or set off by mishap: ACLED codebook,
        # Disrupted weapons use (a Strategic development), not Explosions/Remote violence
        return replace(main, type=crosswalk("COERCE", "disrupt-weapons", actor_kind=_kind(main.actor)))
    return blast_behind(main, mentions) or harm_in_demonstration(main, mentions) or main


# Words that report harm without saying who did it ("several injured", "one died").
_HARM_WORDS = re.compile(r"(?i)^(?:kill|injur|wound|hurt|die|dead|death|shot|hospitali)")


def harm_in_demonstration(main: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The demonstration a note reports at or before harm that names no one who did it ("Teachers
    protested over pay. Police fired tear gas. Some were injured"): the harm is the demonstration's
    (ACLED codebook, Protests: "though violence may be used against them"; Riots when the crowd was
    violent, which the coding of the demonstration then reads from the note). None otherwise."""
    if main.type.plover != "ASSAULT" or main.type.plover_mode not in (None, "firearms", "beat"):
        return None
    if main.actor is not None or _kind(main.recipient) not in (None, ActorKind.CIVILIANS):
        return None
    if not _HARM_WORDS.match(main.trigger.text):
        return None
    return next(
        (
            m
            for m in mentions
            if m.type.plover == "PROTEST"
            and m.sentence.start <= main.sentence.start
            and m.modality not in WEAK_MODALITY
            and not said_not_to_happen(m)
        ),
        None,
    )


def _kind(ref: ActorRef | None) -> ActorKind | None:
    return ref.kind if ref is not None else None


# Remote-violence modes: a weapon set off from a distance (ACLED Explosions/Remote violence).
_REMOTE_MODES = frozenset({"explosives", "grenade", "aerial", "heavy-weapons", "suicide-attack", "chemical"})


def blast_behind(main: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The explosion that did the harm the main event reports, when its sentence names one and the harm
    has no actor of its own ("two soldiers were killed when their vehicle hit an IED", "an explosion
    killed three"): ACLED codes the explosion (codebook, Explosions/Remote violence: events where the
    weapon, not a person in the place, does the harm). None when there is no such explosion."""
    if main.type.plover not in _VIOLENCE or main.type.plover_mode in _REMOTE_MODES:
        return None
    if main.actor is not None and main.actor.kind is not None:
        return None
    return next(
        (
            m
            for m in mentions
            if m.type.plover == "ASSAULT"
            and m.type.plover_mode in _REMOTE_MODES
            and m.sentence.start == main.sentence.start
            and m.modality not in WEAK_MODALITY
            and not disarmed(m, mentions)
        ),
        None,
    )


def protest_topic(mention: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether violence is what a demonstration reported before it in the sentence is about ("protested
    against the killing of a student", "marched over the clashes"): the grievance, not the event.

    ACLED codes a demonstration by what the demonstrators did (codebook: Protests, Riots); the violence
    they protest is another event, told as its cause."""
    if mention.type.plover not in _VIOLENCE:
        return False
    sentence = mention.sentence
    for other in mentions:
        if other.type.plover != "PROTEST" or other.sentence.start != sentence.start:
            continue
        if not sentence.start <= other.trigger.end <= mention.trigger.start <= sentence.end:
            continue
        between = sentence.text[other.trigger.end - sentence.start : mention.trigger.start - sentence.start]
        if _CLAUSE_BREAK.search(between):
            continue
        # "protested the killing of a student": the verb's object is what is protested
        direct = other.trigger.text.lower().startswith("protest") and "," not in between and len(between) < 40
        if direct or _PROTEST_CAUSE.search(between):
            return True
    return False


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
    if _MISHAP_BEFORE.search(before):
        return True
    if mention.actor is not None and mention.actor.kind is ActorKind.STATE_FORCES:
        # "police detonated the bomb": a controlled detonation, the device taken out of use
        return mention.trigger.text.lower().startswith(("detonat", "blew", "blow", "explod"))
    return False


# Verbal types (PLOVER): what people say, which ACLED does not code as an event of its own.
_VERBAL = frozenset({"DEMAND", "ACCUSE", "THREATEN", "REJECT", "CONSULT", "SUPPORT", "CONCEDE", "AGREE"})
# Words that say people demonstrated (general English).
_DEMONSTRATED = re.compile(
    r"(?i)\b(?:protest(?:s|ed|ing|ers?|ors?)?|demonstrat\w*|demos?|march(?:ed|es|ing|ers)?|picket\w*|"
    r"sit-ins?|placards?)\b"
)


def demonstrators_talk(main: Mention, text: str) -> Mention:
    """A note whose main report is what demonstrators said ("protesters demand the officials be
    sacked", "staged a march to call for peace") is a demonstration: ACLED codes the gathering, not
    the words (codebook, Protests)."""
    if main.type.plover not in _VERBAL or not text or _DEMONSTRATED.search(text) is None:
        return main
    crowd = ActorRef(main.trigger, kind=ActorKind.PROTESTERS)
    actor = main.actor if main.actor is not None and main.actor.kind is ActorKind.PROTESTERS else crowd
    return replace(main, type=crosswalk("PROTEST", "demo", actor_kind=ActorKind.PROTESTERS), actor=actor)
