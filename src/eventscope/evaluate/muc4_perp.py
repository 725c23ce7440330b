"""Who carried out a MUC-4 message's main incident: its actor when that names a group or state forces, else
the armed group the message blames (PERP: ORGANIZATION ID of the key)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from eventscope.evaluate.muc4_exclusions import is_discovery
from eventscope.evaluate.muc4_military import ARMED, STATE
from eventscope.evaluate.muc4_places import NEAR_SENTENCES, sentence_gaps
from eventscope.evaluate.muc4_relevance import muc_type
from eventscope.extract.nested_events import MATERIAL
from eventscope.extract.roles import WHERE_PREPS
from eventscope.models import ActorRef, Evidence, Mention

__all__ = ["ORGANISATION_WORDS", "names_organisation", "perpetrator", "self_named"]


# Head words of an organisation's own name: an actor phrase ending in one names a group even when the
# dictionary does not know it ("the Cinchonero Popular Liberation Movement"), unlike "a bomb" or "men".
ORGANISATION_WORDS = frozenset(
    {
        "movement",
        "front",
        "army",
        "forces",
        "command",
        "commando",
        "commandos",
        "group",
        "alliance",
        "union",
        "brigade",
        "organization",
        "organisation",
        "party",
        "squad",
        "squads",
        "cartel",
        "league",
        "resistance",
        "battalion",
        "force",
        "unit",
        "units",
        "faction",
    }
)


# Words before an organisation word that only describe it ("the armed group", "urban commandos", "a
# self-named ultra-right-wing commando unit"): a phrase of these and an organisation word names no one.
DESCRIBING_WORDS = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "our",
        "same",
        "other",
        "armed",
        "terrorist",
        "guerrilla",
        "subversive",
        "criminal",
        "unidentified",
        "unknown",
        "paramilitary",
        "rebel",
        "urban",
        "commando",
        "clandestine",
        "extremist",
        "leftist",
        "rightist",
        "military",
        "small",
        "large",
        "new",
    }
)
# An indefinite phrase ("a group", "some commandos", "two squads") introduces an organisation
# without naming it: a name is definite.
INDEFINITE = frozenset({"a", "an", "some", "several", "one", "two", "three", "many", "various", "another"})


# where a group was, after its name ("the death squads in El Salvador"): not part of the name
_WHERE = re.compile(r"\s(?:" + "|".join(sorted(WHERE_PREPS)) + r")\s")


def names_organisation(text: str) -> bool:
    """Whether an actor phrase is an organisation's name: it ends in an organisation word ("... Liberation
    Movement", "... Civic Force"), is definite, and says more than what kind of group it is ("the armed
    group", "a commando unit" name no one)."""
    words = re.findall(r"[a-z]+", _WHERE.split(text.lower(), maxsplit=1)[0])
    if not words or words[-1] not in ORGANISATION_WORDS or words[0] in INDEFINITE:
        return False
    return any(w not in DESCRIBING_WORDS for w in words[:-1])


def perpetrator(
    main: Mention, mentions: Sequence[Mention], groups: Sequence[ActorRef] = ()
) -> ActorRef | None:
    """Who did it. The main incident's actor (or the name it gives itself, :func:`self_named`) when the
    dictionary names it, when it is state forces ("the army"), or when it names an organisation
    (:func:`names_organisation`). A perpetrator left generic ("guerrillas", "terrorists"), unknown ("a
    bomb") or unsaid is, in order: the named armed group (rebel group or militia) acting in a mention of
    the same sentence that tells an act (not a government suspending aid "until the killings ... are
    resolved"); the named actor of the same incident told again (:func:`_retold_actor`); the group
    the text names most often (the one named nearest the incident on a tie); the group of the nearest
    mention that has one; state forces acting near the incident or doing violence in the message. A group
    that condemns or denounces in the message is not taken for the perpetrator by default, and who found
    a body ("soldiers found the body") never for who killed (:func:`is_discovery`)."""
    actor = main.actor if not is_discovery(main) else None
    if actor is not None and actor.canonical_id is None:
        actor = self_named(actor, main) or actor
    if actor is not None and (
        actor.canonical_id is not None or actor.kind in STATE or names_organisation(actor.text)
    ):
        return actor
    same = [
        r
        for m in mentions
        if m.sentence.start == main.sentence.start and m.type.plover in MATERIAL
        for r in (m.actor,)
        if r is not None and r.canonical_id is not None and r.kind in ARMED
    ]
    if same:
        return same[0]
    told = _retold_actor(main, mentions)
    if told is not None:
        return told
    # A group the message has condemning or denouncing ("the FMLN condemns this crime") speaks for the
    # victims' side: its communiqué about an incident it does not claim names no perpetrator by it.
    accusers = {
        m.actor.canonical_id
        for m in mentions
        if m.type.plover == "ACCUSE" and m.actor is not None and m.actor.canonical_id is not None
    }
    groups = [g for g in groups if g.canonical_id not in accusers]
    if groups:
        counts = Counter(g.canonical_id for g in groups)
        return min(
            groups, key=lambda g: (-counts[g.canonical_id], abs(g.evidence.start - main.trigger.start))
        )
    gap = sentence_gaps(main, mentions)
    named = sorted(
        (
            (gap(m), m.trigger.start, r)
            for m in mentions
            for r in (m.actor, m.recipient)
            if r is not None
            and r.canonical_id is not None
            and r.kind in ARMED
            and r.canonical_id not in accusers
        ),
        key=lambda t: (t[0], t[1]),
    )
    if named:
        return named[0][2]
    if actor is None or not names_organisation(actor.text):
        # No armed group named anywhere: state forces acting in the incident's sentence or the next
        # ("troops of the Atlacatl Battalion entered the village"), or doing violence anywhere in the
        # message ("soldiers killed the priests"), are the ones the message blames.
        state = sorted(
            (
                (gap(m), m.trigger.start, r)
                for m in mentions
                if (gap(m) <= NEAR_SENTENCES or muc_type(m) is not None)
                and not is_discovery(m)
                and m.type.plover not in TALK
                and m.type.plover != "SANCTION"  # suspending aid over the killings is not force
                for r in (m.actor,)
                if r is not None and r.kind in STATE
            ),
            key=lambda t: (t[0], t[1]),
        )
        if state:
            return state[0][2]
    return actor


# Event types that are talk, not action: state forces condemning, demanding or agreeing are not the
# ones doing violence nearby ("President Cristiani condemned the dynamite attacks").
TALK = frozenset({"ACCUSE", "DEMAND", "REJECT", "AGREE", "CONSULT", "SUPPORT", "AID", "COOPERATE", "CONCEDE"})


# Words of a victim phrase too common to tell two incidents' victims apart.
_VICTIM_STOP = frozenset(
    {"the", "and", "two", "three", "four", "five", "six", "seven", "eight", "people", "persons"}
)


def _victim_words(ref: ActorRef | None) -> frozenset[str]:
    if ref is None:
        return frozenset()
    words = (w.rstrip("s") for w in re.findall(r"[a-z]+", ref.evidence.text.lower()))
    return frozenset(w for w in words if len(w) > 3 and w not in _VICTIM_STOP)


def _retold_actor(main: Mention, mentions: Sequence[Mention]) -> ActorRef | None:
    """The named actor of the same incident told again elsewhere in the message: another violent mention
    of it (a MUC type) whose victims share a word with the main incident's ("the murder of the Jesuit
    priests" ... "military personnel killed the Jesuits")."""
    victims = _victim_words(main.recipient)
    if not victims:
        return None
    for m in mentions:
        actor = m.actor
        if m is main or actor is None or is_discovery(m) or muc_type(m) is None:
            continue
        if not victims & _victim_words(m.recipient):
            continue
        if actor.canonical_id is not None or actor.kind in STATE or names_organisation(actor.text):
            return actor
    return None


# What introduces an organisation's own name right after a phrase that describes it: "a self-named
# ultra-right-wing commando unit, the 'Gerardo Barrios Civic Force'", "a group calling itself the X".
_NAMING = re.compile(
    r"\s*(?:,\s*|\s+(?:calling|calls|called)\s+(?:itself|themselves)\s+|\s+(?:known|named)\s+as\s+)"
    r"(?:the\s+)?[\"“']?(?P<name>[^,.;:\"”\[\]()]{3,120})",
    re.IGNORECASE,
)


def self_named(actor: ActorRef, main: Mention) -> ActorRef | None:
    """The organisation's name an actor phrase is followed by in the incident's sentence, up to the end of
    its first run of organisation words ("... the Gerardo Barrios Commando Unit tonight claimed" -> "Gerardo
    Barrios Commando Unit"), when that names an organisation (:func:`names_organisation`)."""
    sentence = main.sentence
    offset = actor.evidence.end - sentence.start
    if not 0 <= offset <= len(sentence.text):
        return None
    found = _NAMING.match(sentence.text, offset)
    if found is None:
        return None
    words = list(re.finditer(r"[\w'-]+", found.group("name")))
    for i, w in enumerate(words[:8]):
        ends_run = w.group().lower() in ORGANISATION_WORDS and (
            i + 1 == len(words) or words[i + 1].group().lower() not in ORGANISATION_WORDS
        )
        if ends_run:
            start = found.start("name")
            end = start + w.end()
            text = sentence.text[start:end]
            if not names_organisation(text):
                return None
            at = sentence.start + start
            return ActorRef(Evidence(sentence.article_id, at, at + len(text), text))
    return None
