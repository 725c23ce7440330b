"""The MUC-4 task's relevance rules, as far as one mention shows them, and the message's main incident.

A message is relevant when it reports a terrorist incident (the task's definition): a violent act of a
MUC type (:func:`muc_type`), reported as done (not planned, denied, negated, going on, a habit, asked
about or feared), recent (not recalled as background), one incident (not a kind of violence, a
series, a tally, a period, a summary), specific (its target, weapon, harm or date told), physical
(not a figure of speech), not an accident, a prison riot, a weapons find or a seizure by
authorities, and not military versus military (soldiers, police or guerrillas as victims or target,
state operations against armed groups, an armed group's own war report, combat casualties). Each
rule reads the mention's fields and a few words of its sentence around the trigger, so it works on
any pipeline output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from eventscope.evaluate.muc4_exclusions import EXCLUSIONS
from eventscope.evaluate.muc4_military import ARMED, STATE, has_military_target
from eventscope.evaluate.muc4_talk import stated_dates_old
from eventscope.evaluate.muc4_text import is_bare, words_of
from eventscope.models import ActorRef, Mention, Modality, TimePrecision, TimeRef

# Trigger lemmas (lower case, as written) that name the MUC types PLOVER folds into ASSAULT or COERCE.
ARSON_WORDS = frozenset({"burn", "burned", "burnt", "burning", "torch", "torched", "arson", "set", "fire"})
ROBBERY_WORDS = frozenset(
    {
        "rob",
        "robbed",
        "robbery",
        "robberies",
        "steal",
        "stole",
        "stolen",
        "loot",
        "looted",
        "looting",
        "hold-up",
    }
)
STOPPAGE_WORDS = frozenset({"strike", "stoppage", "shutdown", "paro"})
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
# Words of explosive devices: damage or an attack told in a sentence that names one is a bombing.
EXPLOSIVE_WORDS = frozenset(
    {
        "bomb",
        "bombs",
        "explosion",
        "explosions",
        "explosive",
        "explosives",
        "dynamite",
        "blast",
        "blasts",
        "car-bomb",
        "grenade",
        "grenades",
    }
)
NOT_REPORTED = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})
RECENT = timedelta(days=62)


def muc_type(mention: Mention) -> str | None:
    """The MUC-4 incident type of a mention, or None when it is not one (talk, movements, ...)."""
    plover, mode = mention.type.plover, mention.type.plover_mode
    word = mention.trigger.text.lower()
    if plover == "PROTEST" and mode in ("strike-gen", "strike-lim") and mention.actor is not None:
        kind = mention.actor.kind
        return (
            "FORCED WORK STOPPAGE"
            if kind is not None and kind.value not in ("protesters", "civilians")
            else None
        )
    if plover in VIOLENT or (plover == "COERCE" and mode in ("destroy", "confiscate")):
        if word in ARSON_WORDS or word.startswith(("burn", "torch", "arson")):
            return "ARSON"
        if word in ROBBERY_WORDS or word.startswith(("rob", "steal", "stole", "loot")):
            return "ROBBERY"
        if mode in ("explosives", "suicide-attack", "grenade"):
            return "BOMBING"
        if mode in (None, "destroy") and words_of(mention.sentence.text) & EXPLOSIVE_WORDS:
            # "a bomb destroyed a bank branch", "damaged by the explosion": the damage is a bombing's.
            return "BOMBING"
        if mode == "abduct":
            return "KIDNAPPING"
        if plover == "COERCE":
            return "ROBBERY" if mode == "confiscate" else "ARSON"
        return "ATTACK"
    if plover == "PROTEST" and mode == "riot" and _is_device(mention.actor):
        # "a telephone booth was destroyed by a bomb": a device as the doer is a bombing, whatever
        # the classifier made of the damage (a riot's, with no crowd named).
        return "BOMBING"
    return None


def _is_device(actor: ActorRef | None) -> bool:
    """The doer is an explosive device itself ("a bomb", "the car-bomb"), not people named by one
    ("explosives experts", "the bomb squad")."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", actor.evidence.text.lower()) if actor is not None else []
    return bool(words) and words[-1] in EXPLOSIVE_WORDS


# A date the text gives without its year that falls this soon after the dateline is that day of the
# dateline's year (the message filed a day late, or a day ahead in its time zone), not a year before.
NEAR_AFTER = timedelta(days=7)
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")


def in_dateline_year(time: TimeRef, published: date | None) -> TimeRef:
    """A day named without its year ("on 7 December", in a message dated 6 December) that the resolver
    put in the previous year, read in the dateline's year when that puts it within ``NEAR_AFTER`` after
    the dateline; any other date as it is."""
    if (
        published is None
        or not time.resolved
        or time.evidence is None
        or time.precision != TimePrecision.DAY
        or time.end >= published
        or _YEAR_WORD.search(time.evidence.text)
    ):
        return time
    try:
        start, end = time.start.replace(year=published.year), time.end.replace(year=published.year)
    except ValueError:  # 29 February
        return time
    return replace(time, start=start, end=end) if published <= start <= published + NEAR_AFTER else time


def is_old(time: TimeRef, published: date | None) -> bool:
    """Recalled as history, or dated (:func:`in_dateline_year`) more than ``RECENT`` before publication."""
    if time.historical:
        return True
    time = in_dateline_year(time, published)
    return published is not None and time.resolved and time.end < published - RECENT


def is_terrorist_incident(mention: Mention, published: date | None) -> bool:
    """The MUC-4 task's relevance rules, as far as a mention shows them: a reported (not planned,
    denied or negated) incident of the reporting period (within two months of the dateline, by its own
    date or, without one, by every date its sentence states: :func:`muc4_talk.stated_dates_old`), that is
    not a clash between armed forces and guerrillas nor a state operation against armed groups
    (the task's "military versus military" exclusion), and that is one incident: not a kind of violence
    (:func:`is_generic`), a tally (:func:`is_tally`, :func:`has_vague_victims`), a period
    (:func:`is_period`), an accident (:func:`is_accident`) or a seizure by authorities
    (:func:`is_seizure`), nor left out by another rule of ``EXCLUSIONS`` (the module docstring lists
    them). Where it happened is checked by :func:`predict` (``scope``)."""
    if muc_type(mention) is None or mention.modality in NOT_REPORTED:
        return False
    if mention.time is not None and is_old(mention.time, published):
        return False
    if mention.type.plover == "FIGHT" or stated_dates_old(mention, published, RECENT):
        return False
    if any(rule(mention) for rule in EXCLUSIONS):
        return False
    actor = mention.actor.kind if mention.actor is not None else None
    target = mention.recipient.kind if mention.recipient is not None else None
    return not (actor in STATE and target in ARMED)


def incidents(mentions: Sequence[Mention], published: date | None = None) -> list[Mention]:
    """The relevant incidents (:func:`is_terrorist_incident`) in text order; in a sentence, a specific
    type (bombing, kidnapping, arson, robbery) before a plain attack, then the most confident."""
    # A sentence whose victims or target are military tells one guerrilla action ("seven soldiers were
    # killed and several wounded by a bomb when rebels ambushed a military convoy"): its words with no
    # target of their own ("bomb", "ambushed") are that action too, and so are victims that only point
    # back at the named ones ("5 soldiers killed, several wounded", :func:`is_bare`).
    military = {m.sentence.start for m in mentions if muc_type(m) is not None and has_military_target(m)}
    found = [
        m
        for m in mentions
        if is_terrorist_incident(m, published)
        and not ((m.recipient is None or is_bare(m.recipient.evidence.text)) and m.sentence.start in military)
    ]
    return sorted(
        found, key=lambda m: (m.sentence.start, muc_type(m) == "ATTACK", -m.confidence, m.trigger.start)
    )


def main_incident(mentions: Sequence[Mention], published: date | None = None) -> Mention | None:
    """The first relevant incident (:func:`incidents`), wherever it happened."""
    found = incidents(mentions, published)
    return found[0] if found else None


# Words of a sentence that recalls the past instead of reporting news (the task's own example of
# background: "Let us recall that ..."; "it will be remembered", "committed years ago").
