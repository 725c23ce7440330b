"""The parties of a crowd event, read again before ACLED coding where the parse missed them: force
by the state on demonstrators named after its verb, the group noun cut off an actor's phrase, and a
crowd fighting the state (ACLED codebook: Protests, Riots, Rioters). Used by
:mod:`eventscope.evaluate.acled_main` on a note's main event; every word list is general English."""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.evaluate.acled_crowds import ARMED_SIDE, UNARMED_GROUP_HEADS, VIOLENCE
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in
from eventscope.resolve.acled_coding import COMMUNAL_WORDS, ethnic_words
from eventscope.resolve.ontology import crosswalk

STATE = ActorKind.STATE_FORCES

# Who the state's force is used on, named after its verb: demonstrators and crowds ("fired at
# protesters", "teargas to disperse crowds of supporters", "shot dead two demonstrators").
_DEMONSTRATORS = re.compile(
    r"(?i)\b(?:protest(?:e|o)rs|demonstrators|marchers|crowds?|demonstrations?|protests?|rall(?:y|ies))\b"
)
_PLAIN_FORCE = frozenset({None, "firearms", "beat"})


def force_on_demonstrators(main: Mention) -> Mention:
    """Force by the state (its actor, or the first agent named before it) whose sentence names
    demonstrators or a crowd after it ("police shot at protesters", "police fire rubber bullets at
    peaceful protesters", "police used tear gas to disperse crowds"): used on them (ACLED codebook,
    Protests: Protest with intervention, Excessive force against protesters; Riots when the crowd
    was violent, which the note coding reads). A state actor the parse took for the target before
    an active verb ("police shot at protesters" read as police shot) is the actor."""
    if main.type.plover not in ("ASSAULT", "COERCE") or main.type.plover_mode not in _PLAIN_FORCE:
        return main
    actor, hit = main.actor, main.recipient
    if actor is None and hit is not None and hit.kind is STATE and _subject_before(main, hit):
        actor, hit = hit, None  # "police shot at protesters": the subject, not the target
    if (actor is not None and actor.kind not in (None, STATE)) or (
        hit is not None and hit.kind not in (None, ActorKind.CIVILIANS, ActorKind.PROTESTERS)
    ):
        return main
    if hit is not None and hit.kind is ActorKind.PROTESTERS:
        return main  # already coded as force on demonstrators
    offset = main.trigger.end - main.sentence.start
    found = _DEMONSTRATORS.search(main.sentence.text, offset)
    if found is None or _CLAUSE_BEFORE.search(main.sentence.text, offset, found.start()):
        return main
    crowd = Evidence(
        main.article_id, main.sentence.start + found.start(), main.sentence.start + found.end(), found.group()
    )
    if actor is None or actor.kind is None:
        # who used the force: the state agent named first before it, else no one known
        before = main.sentence.text[: main.trigger.start - main.sentence.start]
        named = agents_in(before)
        if not named or named[0][2] is not STATE:
            return main
        start, end, _ = named[0]
        where = Evidence(
            main.article_id, main.sentence.start + start, main.sentence.start + end, before[start:end]
        )
        actor = ActorRef(where, kind=STATE)
    return replace(main, actor=actor, recipient=ActorRef(crowd, kind=ActorKind.PROTESTERS))


_PASSIVE_BETWEEN = re.compile(r"(?i)\b(?:was|were|been|being|got|is|are)\b")


def _subject_before(main: Mention, hit: ActorRef) -> bool:
    """Whether the target the parse gave is the subject before an active verb (no "were" between)."""
    if hit.evidence.end > main.trigger.start:
        return False
    between = main.sentence.text[
        hit.evidence.end - main.sentence.start : main.trigger.start - main.sentence.start
    ]
    return _PASSIVE_BETWEEN.search(between) is None


# A clause between the force and the people it names ("fired shots, and protesters fled"): another act.
_CLAUSE_BEFORE = re.compile(r"(?i)[.;:]|,\s*(?:and|but|as|while|after|when)\b|\b(?:who|which|after|before)\b")


_HEAD_AFTER = re.compile(r"^[ ]+([a-z]+)\b")


def whole_group(main: Mention) -> Mention:
    """The actor's phrase with the group noun the parse cut off after it ("Nairobi residents" read
    as "Nairobi", "boda boda riders" as "boda"): the people who acted, by their head noun, so that
    unarmed groups are read as such (:func:`unarmed_group`), whatever kind the modifier alone had;
    an actor that is only a quantifier is the group after it (:func:`partitive_group`)."""
    main = partitive_group(main)
    actor = main.actor
    if actor is None or actor.kind in ARMED_KINDS - {STATE}:
        return main  # "Mungiki members": a named armed group's members are that group
    at = actor.evidence.end - main.sentence.start
    if not 0 <= at <= len(main.sentence.text):
        return main
    found = _HEAD_AFTER.match(main.sentence.text[at:])
    if found is None or found.group(1) not in UNARMED_GROUP_HEADS:
        return main
    end = actor.evidence.end + found.end()
    start = actor.evidence.start
    text = main.sentence.text[start - main.sentence.start : end - main.sentence.start]
    # the head noun says who they are, whatever its modifier names ("Nairobi", "county", a party);
    # unarmed people who fight or attack are rioters (ACLED codebook, Rioters)
    kind = ActorKind.RIOTERS if main.type.plover in VIOLENCE else None
    group = ActorRef(replace(actor.evidence, end=end, text=text), kind=kind)
    return replace(main, actor=group)


# The unarmed side of a fight with the state: demonstrators or a crowd of people.
_CROWD_SIDE = re.compile(
    r"(?i)\b(?:protest(?:e|o)rs|demonstrators|rioters|crowds?|mobs?|rowdy|youths?|residents|people|"
    r"supporters|students|traders|hawkers|villagers|locals|squatters|dwellers|prisoners|inmates|fans)\b"
)


def crowd_fights_state(main: Mention) -> Mention:
    """A fight between the state and a crowd its sentence names, with no armed group named ("clashes
    erupt between protesters and police", "rowdy youths clashed with police", "GSU battle rioters"):
    the crowd are rioters fighting the state (ACLED codebook, Riots: Violent demonstration, or Mob
    violence when they are not demonstrating, which the note coding reads), not an armed clash."""
    if main.type.plover != "FIGHT" or main.type.plover_mode is not None:
        return main
    sentence = main.sentence.text
    agents = agents_in(sentence)
    if not agents or any(kind is not STATE for _, _, kind in agents) or ARMED_SIDE.search(sentence):
        return main
    words = set(re.findall(r"[a-z][a-z-]*", sentence.lower()))
    if words & (COMMUNAL_WORDS | ethnic_words()) or _ETHNIC.search(sentence):
        return main  # communities fighting, police caught between them: not a crowd's riot
    kinds = {_kind_of(main.actor), _kind_of(main.recipient)} - {None}
    if kinds - {STATE, ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS}:
        return main
    crowd = next(
        (c for c in _CROWD_SIDE.finditer(sentence) if not any(s <= c.start() < e for s, e, _ in agents)), None
    )
    if crowd is None:
        return main
    start, end, _ = agents[0]
    at = main.sentence.start
    state = ActorRef(Evidence(main.article_id, at + start, at + end, sentence[start:end]), kind=STATE)
    rioters = ActorRef(
        Evidence(main.article_id, at + crowd.start(), at + crowd.end(), crowd.group()), kind=ActorKind.RIOTERS
    )
    return replace(main, actor=rioters, recipient=state)


_ETHNIC = re.compile(r"(?i)\b(?:ethnic\w*|tribal|clans?|communit(?:y|ies))\b")


def _kind_of(ref: ActorRef | None) -> ActorKind | None:
    return ref.kind if ref is not None else None


# Between the people named and a passive verb: an auxiliary ("were attacked", "was on Friday shot").
_ADVERBIAL = r"(?:allegedly|reportedly|later|also|then|on\s+\w+(?:\s+\w+)?|yesterday|today)\s+"
_AUX_BETWEEN = re.compile(
    rf"(?i)^\s*(?:{_ADVERBIAL})*(?:was|were|is|are|been|being|got|get|gets|had\s+been|have\s+been|"
    rf"has\s+been)\s+(?:{_ADVERBIAL})*$"
)
_ADVERBIALS_BETWEEN = re.compile(rf"(?i)^\s*(?:{_ADVERBIAL})*$")
# What follows a headline's passive participle ("4 civilians macheted to death by...", "a trader
# attacked following a demand for money", "two staff injured."): no object of its own.
_NO_OBJECT_AFTER = re.compile(
    r"(?i)^(?:\s+(?:to\s+death|dead)"
    r"(?=\s*$|\s*[,.;:()]|\s+(?:by|in|at|on|after|following|during|and\s+\w+ed\s+by)\b))?"
    r"(?:\s*$|\s*[,.;:()\u2013\u2014-]|\s+(?:by|in|at|on|after|following|during|"
    r"over|near|outside|inside|while|when|as|for|and\s+\w+ed\s+by|"
    r"allegedly|reportedly|yesterday|today|last|early|late|this)\b)"
)
_PARTICIPLE = re.compile(
    r"(?i)^(?:\w+ed|shot|hit|beaten|stabbed|slain|hacked|struck|stoned|lynched|burnt|cut)$"
)
_BY_AGENT = re.compile(r"(?i)^[^.;]{0,40}?\bby\s+")


def victims_not_actors(main: Mention) -> Mention:
    """Harm told in the passive ("four youths were attacked by the police", "4 civilians macheted to
    death by militia members", "two staff members injured"), coded as a crowd's because the people
    named before the verb were read as its actor: they are its victims (civilians), and the actor is
    the crowd or the state named after "by", or no one named, whom ACLED codes as the perpetrator the
    note names elsewhere or an unidentified one (codebook, Violence against civilians; Mob violence
    when a crowd did it)."""
    actor = main.actor
    if main.type.acled_type != "Riots" or main.type.plover != "ASSAULT" or actor is None:
        return main
    if actor.kind not in (ActorKind.RIOTERS, ActorKind.CIVILIANS):
        return main
    if actor.evidence.end > main.trigger.start or _PARTICIPLE.match(main.trigger.text) is None:
        return main
    sentence, at = main.sentence.text, main.sentence.start
    between = sentence[actor.evidence.end - at : main.trigger.start - at]
    after = sentence[main.trigger.end - at :]
    if _AUX_BETWEEN.match(between) is None and (
        _ADVERBIALS_BETWEEN.match(between) is None or _NO_OBJECT_AFTER.match(after) is None
    ):
        return main  # "youths on Tuesday attacked police": an active verb with its object
    agent = _agent_after(main, after)
    victims = replace(actor, kind=ActorKind.CIVILIANS)
    coded = crosswalk(
        "ASSAULT",
        main.type.plover_mode,
        actor_kind=agent.kind if agent is not None else None,
        recipient_kind=ActorKind.CIVILIANS,
    )
    return replace(main, type=coded, actor=agent, recipient=victims)


def _agent_after(main: Mention, after: str) -> ActorRef | None:
    """The agent named after "by" within a few words ("by the police", "by militia members", "by an
    angry mob"): an agent of the lexicon, or a crowd (rioters); None when no one is named there."""
    by = _BY_AGENT.match(after)
    if by is None:
        return None
    words = after[by.end() : by.end() + 50]
    offset = main.trigger.end + by.end()
    named = agents_in(words, armed_only=False)
    if named and words[: named[0][0]].count(" ") <= 3:
        start, end, kind = named[0]
        return ActorRef(Evidence(main.article_id, offset + start, offset + end, words[start:end]), kind=kind)
    crowd = _CROWD_SIDE.search(words, 0, 25)
    if crowd is None:
        return None
    where = Evidence(main.article_id, offset + crowd.start(), offset + crowd.end(), crowd.group())
    return ActorRef(where, kind=ActorKind.RIOTERS)


# "some of the protesters", "many of the students": the part of a group named after a quantifier.
_PARTITIVE = re.compile(
    r"(?i)^(?:some|many|several|one|two|three|a\s+few|few|most|hundreds|dozens|scores|others|a\s+group)$"
)
_OF_GROUP_AFTER = re.compile(r"(?i)^\s+of\s+(?:the|these|those|their)\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")
_CROWD_HEADS = (
    frozenset({"protesters", "protestors", "demonstrators", "rioters", "marchers", "crowd", "mob"})
    | UNARMED_GROUP_HEADS
)


def partitive_group(main: Mention) -> Mention:
    """An actor that is only a quantifier ("some", "many") with the group after it ("some of the
    protesters assaulted an officer"): the actor is that group, by its head noun; unarmed people who
    fight or attack are rioters, demonstrators who do neither protesters (ACLED codebook, Rioters,
    Protesters)."""
    actor = main.actor
    if actor is None or _PARTITIVE.match(actor.evidence.text.strip()) is None:
        return main
    at = actor.evidence.end - main.sentence.start
    found = _OF_GROUP_AFTER.match(main.sentence.text[at:]) if at >= 0 else None
    if found is None:
        return main
    # the head is the first word after "of the", or the second ("some of the angry protesters")
    head = next((i for i in (1, 2) if (found.group(i) or "").lower() in _CROWD_HEADS), None)
    if head is None:
        return main
    end = actor.evidence.end + found.end(head)
    text = main.sentence.text[actor.evidence.start - main.sentence.start : end - main.sentence.start]
    kind = ActorKind.RIOTERS if main.type.plover in VIOLENCE else ActorKind.PROTESTERS
    group = ActorRef(replace(actor.evidence, end=end, text=text), kind=kind)
    return replace(main, actor=group)
