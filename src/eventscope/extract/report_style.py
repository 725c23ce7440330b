"""How short news reports and coders' notes are written, read into triggers and roles: headline-style
verbs the tagger takes for nouns, demonstrations that carry the violence they govern, and datelines.
Used by :mod:`eventscope.extract.events`."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from eventscope.extract.roles import Roles
from eventscope.extract.triggers import Trigger
from eventscope.models import Evidence


def headline_roles(token: Token, roles: Roles) -> Roles:
    """Subject and object of a verb the tagger read as a noun ("Attackers shoot KDF soldier", "militia
    guns down two officers"), where the role finder, reading a noun, found none."""

    def phrase(t: Token | None) -> Span | None:
        return t.doc[t.left_edge.i : t.right_edge.i + 1] if t is not None else None

    # a verb's subject is the role finder's to judge ("Man stabbed in ..." is a headline passive)
    nominal = token.pos_ == "NOUN"
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None) if nominal else None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None) if nominal else None
    verb = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if nominal and verb is not None and token.i > token.left_edge.i and subj is None:
        # "A vigilante mob attack and kill a suspect": the words before the noun are its subject,
        # and the verb it is coordinated with has the object
        left = token.doc[token.left_edge.i : token.i]
        actor = roles.actor or (left if any(t.pos_ in ("NOUN", "PROPN") for t in left) else None)
        target = obj or next((c for c in verb.children if c.dep_ == "dobj"), None)
        return Roles(actor, roles.recipient or phrase(target))
    if obj is None:  # "guns down two officers": the object hangs from the particle
        obj = next(
            (
                g
                for c in token.children
                if c.dep_ in ("prt", "advmod")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    return Roles(roles.actor or phrase(subj), roles.recipient or phrase(obj))


# What demonstrators do that makes a demonstration violent (ACLED codebook, Violent demonstration:
# vandalism, property destruction, stone throwing, road blocks with barricades or burning tyres).
RIOT_MODES = frozenset({"riot", "obstruct", "destroy", "primitive", "mob"})


def violent_protests(found: list[Trigger]) -> list[Trigger]:
    """A demonstration that governs a violent act of its own ("protested by barricading the road",
    "protested, burning tyres", "demonstrated and pelted police with stones") is a riot: the governed
    act is part of it and is dropped as a mention, so the demonstration carries its violence."""
    by_index = {t.token.i: t for t in found}
    rioting: set[int] = set()
    for t in found:
        violent = t.plover == "FIGHT" or (t.mode in RIOT_MODES and t.plover in ("PROTEST", "ASSAULT"))
        if not violent:  # "demonstrated, resulting in clashes with police" is violent too
            continue
        governor = nearest_trigger(t, by_index)
        if (
            governor is not None
            and governor.plover == "PROTEST"
            and governor.mode not in RIOT_MODES
            and not _is_grievance(t.token, governor.token)
        ):
            rioting.add(governor.token.i)
    return [
        Trigger(t.token, "PROTEST", "riot", "rioters" if t.implies_actor else None)
        if t.token.i in rioting
        else t
        for t in found
    ]


# Prepositions that attach what the demonstrators did, not what they protest against.
_MANNER_PREPS = frozenset({"by", "with", "while", "in"})


# Conjunctions that open a clause giving the reason for a protest ("protested after a man was burnt").
_CAUSE_MARKS = frozenset({"after", "because", "since"})


def _is_grievance(act: Token, protest: Token) -> bool:
    """Whether the act is what the protest is about ("protested over a road damaged by rains",
    "against the campaign to destroy housing", "protested after a man was burnt by soldiers"): a
    preposition other than by/with/in, or a clause opened by after/because/since, on the way up."""
    for a in (act, *act.ancestors):
        if a.i == protest.i:
            return False
        if a.dep_ == "prep" and a.lower_ not in _MANNER_PREPS:
            return True
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CAUSE_MARKS for c in a.children):
            return True
    return False


def nearest_trigger(trigger: Trigger, by_index: dict[int, Trigger]) -> Trigger | None:
    """The closest trigger above this one in the parse."""
    return next((by_index[a.i] for a in trigger.token.ancestors if a.i in by_index), None)


def is_dateline(sentence_text: str, time: Evidence, sentence: Span) -> bool:
    """A sentence that is only a date (and punctuation): "27 September 2018:", "On 3 May."."""
    rest = sentence_text[: time.start - sentence.start_char] + sentence_text[time.end - sentence.start_char :]
    return not re.sub(r"[\W_]+|\b(?:on|in)\b", "", rest, flags=re.I)
