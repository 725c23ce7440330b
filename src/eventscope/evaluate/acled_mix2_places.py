"""A place or a people read as the state's forces (used by :func:`eventscope.evaluate.acled_notes.code_note`).

The role finder sometimes cuts a country, a city or a demonym out of a longer phrase and the agent
lexicon reads it as the state: "refugees from Sudan clashed" gives "Sudan", "Kenyan and Somali youth
clash" gives "Kenyan", "a group of supporters of the candidate for Nairobi stormed" gives "Nairobi".
ACLED codes an actor by who acted (codebook, actor types): where the people came from, where the
event took place or the nationality of unarmed people does not make them state forces, and reading
them so turns a fight between crowds into an armed clash. Such an actor is coded as unnamed (or as
the people its words qualify), and the note's other rules decide who acted. A country acting itself
("Kenya deployed troops", "Nairobi police") is left to the state. General English; nothing is taken
from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_kind_words import names_only_a_country

# Words that name a state's force or its authority: such an actor is the state (general English).
_FORCE_WORD = re.compile(
    r"(?i)\b(?:police\w*|army|forces?|military|soldiers?|troops?|officers?|officials?|government|"
    r"authorit\w*|guards?|navy|air\s*force|defen[cs]e|security|rangers?|wardens?|askaris?|reservists?|"
    r"administration|state|regime|ministry|commission|agents?|units?|squads?)\b"
)
# A force named right after the place ("Kenyan security forces", "Nairobi police").
_FORCE_AFTER = re.compile(
    r"(?i)\s+(?:[\w-]+\s+)?(?:police\w*|army|forces?|military|soldiers|troops|officers|security|"
    r"government|authorities|navy|guards?)\b"
)
# A proper name of one or two capitalised words (a country, a town, a people).
_NAME_ONLY = re.compile(r"^[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?$")
# A place's preposition just before the name: "from Sudan", "in Nairobi", "candidate for Nairobi".
_PLACE_BEFORE = re.compile(r"(?i)\b(?:from|in|at|of|for|near|across|inside|outside|around)\s+(?:the\s+)?$")
# The unarmed people a demonym qualifies: "Kenyan and Somali youth", "Somali traders".
_PEOPLE_AFTER = re.compile(
    r"(?:\s+(?:and|&)\s+[A-Z][\w-]*)?\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:youths?|people|refugees|residents|supporters|villagers|traders|students|civilians|communit(?:y|ies)|"
    r"nationals|immigrants|women|men|groups?|crowds?|mobs?|protesters|demonstrators|workers|fishermen|"
    r"pupils|worshippers|passengers|families)\b"
)


def place_not_force(ref: ActorRef | None, text: str) -> ActorRef | None:
    """``ref`` as an unnamed party (or as the people its demonym qualifies) when the agent lexicon read
    the state's forces in words that are only a place or a people (:mod:`acled_mix2_places`); else
    ``ref`` unchanged."""
    if ref is None or ref.kind is not ActorKind.STATE_FORCES or not text:
        return ref
    span = ref.evidence
    words = span.text.strip()
    if _FORCE_WORD.search(words) or text[span.start : span.end] != span.text:
        return ref
    if _FORCE_AFTER.match(text, span.end):
        return ref  # "Nairobi police", "Kenyan security forces": the force itself
    named = _NAME_ONLY.match(words) is not None
    people = _PEOPLE_AFTER.match(text, span.end) if named else None
    if people is not None and not _PLACE_BEFORE.search(text[max(0, span.start - 25) : span.start]):
        # the people the demonym qualifies ("Ugandan and Kenyan traders"), widened to their words
        end = people.end()
        words_to = Evidence(span.article_id, span.start, end, text[span.start : end])
        return replace(ref, evidence=words_to, kind=None, canonical_id=None, name=None)
    if names_only_a_country(ref, text):
        return replace(ref, kind=None, canonical_id=None, name=None)
    if named and _PLACE_BEFORE.search(text[max(0, span.start - 25) : span.start]):
        return replace(ref, kind=None, canonical_id=None, name=None)
    return ref


def without_place_forces(main: Mention, text: str) -> Mention:
    """The main event with its actor and target read again by :func:`place_not_force`."""
    actor, target = place_not_force(main.actor, text), main.recipient
    if actor is main.actor and target is main.recipient:
        return main
    return replace(main, actor=actor, recipient=target)
