"""Triggers governed by other triggers: which of a sentence's triggers are events of their own, and
how an event reported under another one reads ("condemned the assassination of the mayor", "are
investigating the murder of two farmers", "blamed the rebels for the bombing", "the group, which set
fire to the club, sent a letter").

A trigger governed by another is usually part of it ("transferred troops, coinciding with the
movement"). Some governors are not: a harm outcome gives way to the event word it governs ("three
killed in clashes"); an act done to or during a demonstration leaves the demonstration standing
("police dispersed the demonstration"); a *saying* event (accusing, condemning, demanding,
threatening, rejecting, talking) is about the material event it names, which is an event of its own;
and a relative clause is a statement of its own about the noun it describes. An event reported under
a saying event or in a relative clause is kept as a mention when the saying is itself reported (the
grievance voiced in a demonstration, "protested, condemning the killing", stays part of it), when it
names a happening rather than a kind of act ("denounced summary executions"), and when a relative
clause is not a participant's backstory ("a girl who had been abducted"). It is read on its own:

* its modality is what extract/modality.py finds for it (a definite event under "condemn",
  "investigate", "blame" is taken as given; under "threaten" it is planned; under "accuse ... of" it is
  alleged), except that the thing itself asked for, promised or threatened ("demanded the withdrawal",
  "agreed to withdraw") is planned, and the thing refused ("refused to withdraw") did not happen;
* its actor is never the speaker: "the government condemned the assassination" says nothing of who
  assassinated. The speaker acts only when the event is its own stated intention ("threatened to
  attack", "refused to withdraw"); "urged the rebels to withdraw", "accused the army of killing" name
  the one who would act or is said to have acted;
* its time is its own time expression, else the sentence's (what is condemned happened by then);
* its confidence is lower than its governor's: it is the sentence's second event (events.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventscope.extract.no_happening import WEAPON_MODES, counted_kind, describes_doers, running_tally
from eventscope.extract.report_style import RIOT_MODES, nearest_trigger, violent_protests
from eventscope.extract.roles import names_its_victim
from eventscope.extract.syntax import compact_phrase, evidence, span_root
from eventscope.extract.triggers import Trigger
from eventscope.models import Evidence, Modality

# Events that happen in the world, as opposed to things said about them (PLOVER's material types).
MATERIAL = frozenset({"ASSAULT", "FIGHT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"})
# Events that are things said, asked or agreed: what they are about is not part of them.
SAYING = frozenset(
    {"ACCUSE", "REJECT", "DEMAND", "REQUEST", "APPEAL", "CONSULT", "THREATEN", "SUPPORT", "AGREE"}
)
# What is asked for, threatened or promised has not happened yet; what is refused does not happen.
COMPLEMENT_MODALITY: Mapping[str, Modality] = {
    "DEMAND": Modality.PLANNED,
    "REQUEST": Modality.PLANNED,
    "APPEAL": Modality.PLANNED,
    "THREATEN": Modality.PLANNED,
    "AGREE": Modality.PLANNED,
    "REJECT": Modality.NEGATED,
}
# Arcs by which an event is the very thing asked, promised or refused ("demanded the withdrawal",
# "threatened to launch attacks", "refused to withdraw"); conjuncts share their head's arc.
COMPLEMENT_ARCS = frozenset({"dobj", "xcomp", "ccomp", "conj"})
# Prepositions that attach the thing asked or warned of to the verb ("called for a strike", "warned of
# attacks"), or the act someone is accused of ("accused the army of killing", "blamed X for the attack").
COMPLEMENT_PREPS = frozenset({"for", "of"})
# Verbs that report what violence did to people rather than what happened: they give way to the
# event word they govern ("killed in clashes", "injured during a protest", "shot dead in a raid"), and
# in a relative clause tell a participant's fate in an event told elsewhere ("the patrol leader, who
# was among those killed", "the offensive, which has left 600 dead and 1,000 wounded").
HARM_LEMMAS = frozenset({"kill", "injure", "wound", "hurt", "maim", "shoot", "die"})
# Acts done to or during a demonstration: the demonstration they govern stays a mention of its own.
ACTS_ON_PROTESTS = frozenset({"COERCE", "ASSAULT", "FIGHT"})


@dataclass(frozen=True, slots=True)
class SentenceEvent:
    """A trigger that is an event of its own in its sentence."""

    trigger: Trigger
    harm: Trigger | None = None  # the harm outcome it stands in for ("killed in clashes")
    over: Trigger | None = None  # the event it is reported under ("condemned the attack")
    # told as what came before the event it is reported under ("deployed after the murder of X"): the
    # sentence's time dates that event, not this one (``event_times``). Not the grounds of a measure
    # ("arrested for the murder of X on 16 November"), whose day the parser often hangs on the arrest
    before: bool = False


def sentence_events(matched: list[Trigger]) -> list[SentenceEvent]:
    """The sentence's triggers that are events of their own, in text order.

    A trigger governed by another is part of it ("transferred ..., coinciding with the movement"),
    except under a harm outcome: in "three killed in clashes" or "two were shot dead when gunmen
    attacked" the governed word names the event and the harm verb only its toll, so the event word
    is kept and takes the harm verb's arguments where it has none of its own. A demonstration
    something is done to or during stands ("police dispersed the demonstration"), and so does a
    material event under a saying one or in a relative clause (:func:`stands_alone`). Governors are
    decided before what they govern.
    """
    found = violent_protests(matched)
    by_index = {t.token.i: t for t in found}
    kept: list[SentenceEvent] = []
    voiced: set[int] = set()  # events of their own, and the sayings they report
    for t in sorted(found, key=lambda t: sum(1 for _ in t.token.ancestors)):
        governor = nearest_trigger(t, by_index)
        if (
            (describes_doers(t.token) and not is_harm(t))
            or (counted_kind(t.token) and t.mode not in WEAPON_MODES)
            or running_tally(t.token)
            or (governor is not None and is_harm(governor) and running_tally(governor.token))
        ):
            continue
        if governor is None:
            if not _yields(t, by_index):
                kept.append(SentenceEvent(t))
                voiced.add(t.token.i)
        elif is_harm(governor) and _harm_in_protest(t, governor):
            # "three people were injured by police when protesting": the harm was done to
            # demonstrators, an event of its own beside their demonstration
            kept.append(SentenceEvent(t))
            voiced.add(t.token.i)
        elif is_harm(governor) and not is_harm(t) and not _next_act(t, governor):
            kept.append(SentenceEvent(t, harm=governor))
        elif governor.plover == "PROTEST" and done_to_demonstrators(t, governor):
            # "gathered ... before being dispersed by police": force used on the demonstrators is an
            # event of its own, which makes theirs a demonstration with intervention
            kept.append(SentenceEvent(t))
            voiced.add(t.token.i)
        elif t.plover == "PROTEST" and governor.plover in ACTS_ON_PROTESTS:
            # "police dispersed the demonstration", "arrested during a protest", "offices burnt in
            # protest": the demonstration is an event of its own, and the act is done in or to it
            kept.append(SentenceEvent(t))
            voiced.add(t.token.i)
        elif done_to_another(t, governor):
            # "bombed cities and murdered Jesuit priests": two acts, each done to its own target
            kept.append(SentenceEvent(t))
            voiced.add(t.token.i)
        elif stands_alone(t, governor, governor.token.i in voiced, by_index) and not _yields(t, by_index):
            kept.append(SentenceEvent(t, over=governor, before=is_earlier(t, governor)))
            voiced.add(t.token.i)
        elif t.plover in SAYING and governor.plover in SAYING and governor.token.i in voiced:
            # "urges nations to condemn the attack": the inner saying is part of the outer one, but
            # what it is about is reported all the same
            voiced.add(t.token.i)
    return sorted(kept, key=lambda e: e.trigger.token.i)


# Words that tie an act under a demonstration to it as its cause or subject, not as what happened to
# it ("protested after two men were arrested", "over the arrest of", "against students being beaten").
CAUSE_WORDS = frozenset(
    {"after", "since", "following", "over", "against", "about", "because", "for", "of", "at", "on"}
)


def done_to_demonstrators(trigger: Trigger, protest: Trigger) -> bool:
    """Force used on a demonstration, told under it in the passive ("gathered ... before being
    dispersed by police", "demonstrated but were teargassed"): the demonstrators underwent it, so it
    is an event of its own (ACLED codebook, Protest with intervention). Not the grievance the
    demonstration voices ("protested after two men were arrested", "against a man shot by police")."""
    if trigger.plover not in ACTS_ON_PROTESTS or not _passive(trigger.token):
        return False
    for token in [trigger.token, *trigger.token.ancestors]:
        if token.i == protest.token.i:
            return True
        cause = token.dep_ in ("pobj", "pcomp") and token.head.lower_ in CAUSE_WORDS
        if (
            cause
            or token.dep_ in ("relcl", "acl")
            or any(
                c.dep_ in ("mark", "prep") and c.lower_ in CAUSE_WORDS
                for c in token.children
                if c.i < token.i
            )
        ):
            return False
    return False


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in token.children)


def _yields(trigger: Trigger, by_index: dict[int, Trigger]) -> bool:
    """A harm trigger gives way to an event trigger it governs directly enough."""
    if not is_harm(trigger):
        return False
    return any(
        not is_harm(o)
        and nearest_trigger(o, by_index) is trigger
        and not _next_act(o, trigger)
        and not _harm_in_protest(o, trigger)
        for o in by_index.values()
        if o is not trigger and trigger.token in o.token.ancestors
    )


def _harm_in_protest(trigger: Trigger, harm: Trigger) -> bool:
    """A peaceful demonstration in which people were harmed ("injured by police when protesting",
    "shot during a protest") is not what the harm verb stands in for, as "clashes" are in "killed in
    clashes": the harm is force used on the demonstrators (ACLED Protest with intervention, Excessive
    force against protesters), reported beside the demonstration. A riot stays the event the harm
    belongs to ("killed in riots")."""
    if trigger.plover != "PROTEST" or trigger.mode in RIOT_MODES or is_harm(trigger):
        return False
    # the demonstration is when or where the harm happened, not a word describing someone in it
    # ("hit by a stone thrown by protesting youths")
    for token in [trigger.token, *trigger.token.ancestors]:
        if token.i == harm.token.i:
            return True
        if token.dep_ not in ("advcl", "prep", "pobj", "pcomp", "conj"):
            return False
    return False


def _next_act(trigger: Trigger, harm: Trigger) -> bool:
    """ "Forces killed four militants and recovered weapons": a non-violent act coordinated with the
    harm verb is a further act, not the event the harm belongs to."""
    return (
        trigger.token.dep_ == "conj"
        and trigger.token.head.i == harm.token.i
        and trigger.plover not in ("ASSAULT", "FIGHT", "PROTEST")
    )


def done_to_another(trigger: Trigger, governor: Trigger) -> bool:
    """A verb coordinated with another, each with its own object ("the dictatorship bombed cities and
    murdered Jesuit priests"): a second act, not a word for the first. Not a harm verb, which tells
    the toll ("killed three and wounded five"), and not a verb that shares the object ("attacked and
    killed three soldiers": the first has none of its own)."""
    if trigger.token.dep_ != "conj" or trigger.token.head.i != governor.token.i:
        return False
    if is_harm(trigger) or is_harm(governor):
        return False
    return _has_object(trigger.token) and _has_object(governor.token)


def _has_object(token: Token) -> bool:
    return any(child.dep_ == "dobj" for child in token.children)


def is_harm(trigger: Trigger) -> bool:
    if trigger.token.pos_ == "NOUN":  # "8 shot dead by police during heavy fighting", read as a noun
        return trigger.token.lower_ == "shot"
    return trigger.token.pos_ in ("VERB", "AUX") and trigger.token.lemma_.lower() in HARM_LEMMAS


def stands_alone(
    trigger: Trigger, governor: Trigger, governor_kept: bool, triggers: Mapping[int, Trigger]
) -> bool:
    """Whether a material trigger governed by another is an event of its own: under a saying event
    that is itself a mention, as the grounds of a measure taken for it (``is_grounds``), as what the
    governor is compared with (``is_compared``), or inside a relative clause about a participant."""
    if trigger.plover not in MATERIAL or not is_particular(trigger.token):
        return False
    if governor.plover in SAYING and governor_kept:
        return True
    if is_grounds(trigger, governor) or is_compared(trigger, governor) or is_earlier(trigger, governor):
        return True
    return not is_harm(trigger) and in_relative_clause(trigger.token, governor.token, triggers)


# Measures taken against someone for something done before: an arrest, a charge, a sanction.
MEASURES = frozenset({"COERCE", "SANCTION"})
# Words between a measure and the violence it is taken for ("arrested for the murder of", "on charges
# of being implicated in the murder of", "because of their involvement in the assassination of",
# "suspended aid until the killings ... are resolved", "eight soldiers linked with the assassination")
GROUNDS_WORDS = frozenset(
    {
        "for",
        "over",
        "because",
        "until",
        "involvement",
        "implicate",
        "involve",
        "link",
        "charge",
        "suspicion",
        "connection",
        "responsibility",
        "responsible",
    }
)


def is_grounds(trigger: Trigger, governor: Trigger) -> bool:
    """Violence named as what a measure was taken for: "were arrested because of their involvement in
    the assassination of six Jesuits on 16 November". The arrest is one happening, the assassination
    another, earlier one; the report tells of both (not "captured two rebels in an ambush", where
    the ambush is the happening the capture is part of). A killing that names its victim is one
    too, however the parser hangs it on the measure ("the 10,797 people arrested after Senator Galan's
    murder have been released")."""
    if governor.plover not in MEASURES or trigger.plover not in ("ASSAULT", "FIGHT"):
        return False
    if _on_the_way(
        trigger, governor, lambda t: t.lemma_.lower() in GROUNDS_WORDS or t.lower_ in GROUNDS_WORDS
    ):
        return True
    return any(t.i == governor.token.i for t in trigger.token.ancestors) and names_its_victim(trigger.token)


def _on_the_way(trigger: Trigger, governor: Trigger, word: Callable[[Token], bool]) -> bool:
    """Is there a ``word`` on the way up the parse from the trigger to its governor?"""
    for token in trigger.token.ancestors:
        if token.i == governor.token.i:
            return False
        if word(token):
            return True
    return False


# Words that put a happening before the act that governs it: "deployed to the border after the murder of
# liberal leader Luis Carlos Galan", "following the killing of", "since the assassination of"
EARLIER_WORDS = frozenset({"after", "following", "since"})


def is_earlier(trigger: Trigger, governor: Trigger) -> bool:
    """A killing that names its victim, told as what came before the governing act: another, earlier
    happening, which the report tells of too. Not a bare "after the attack", which may be the
    governing act's own start ("captured two rebels after an ambush")."""
    return names_its_victim(trigger.token) and _on_the_way(
        trigger, governor, lambda t: t.lower_ in EARLIER_WORDS
    )


# Words by which a report compares its event with another: "murdered under circumstances similar to
# those of the assassination of the Jesuits", "an attack comparable to the bombing of the embassy"
COMPARING = frozenset({"similar", "comparable", "reminiscent", "resemble", "identical"})


def is_compared(trigger: Trigger, governor: Trigger) -> bool:
    """Violence named as what the governing event is compared with ("like the massacre of ..."): another
    happening, which the report tells of too."""
    return _on_the_way(
        trigger, governor, lambda t: t.lemma_.lower() in COMPARING or (t.lower_ == "like" and t.pos_ == "ADP")
    )


def is_particular(token: Token) -> bool:
    """An event word that reports a happening rather than names a kind of act or describes someone:
    a noun needs a determiner, an owner or a number ("the assassination", "an attack", "Sunday's
    bombing", "two murders"); a bare noun is a kind ("denounced summary executions", "charged with
    murder", "blamed X for several attacks"); a participle before a noun describes the noun
    ("to honour assassinated senator Galan")."""
    if token.dep_ == "amod":
        return False
    if token.pos_ not in ("NOUN", "PROPN"):
        return True
    # conjoined nouns share the first one's determiner: "the base and cowardly murder"
    chain = [token, *_conjunct_heads(token)]
    return any(c.dep_ in ("det", "poss", "nummod") for noun in chain for c in noun.children)


def _conjunct_heads(token: Token) -> list[Token]:
    heads = []
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        heads.append(token)
    return heads


def in_relative_clause(token: Token, governor: Token, triggers: Mapping[int, Trigger]) -> bool:
    """A relative clause between the trigger and its governor that reports what a participant did or
    underwent ("the group, which set fire to the club, sent"; not "the attack, which killed five").

    A clause in the past perfect or the progressive tells the participant's backstory or habits ("her
    daughter, who had been abducted", "al-Shabab, who have been attacking civilians"), not an event
    the report is about."""
    for anc in [token, *token.ancestors]:
        if anc.i == governor.i:
            return False
        if anc.dep_ == "relcl" and anc.head.i not in triggers:
            return not _backstory(anc)
    return False


def _backstory(verb: Token) -> bool:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past_perfect = any(c.lower_ in ("had", "'d") for c in aux)
    return past_perfect or verb.tag_ == "VBG"


def event_times(
    doc: Doc, trigger: Token, governor: Trigger | None, times: Sequence[Evidence], *, before: bool = False
) -> Sequence[Evidence]:
    """The time expressions that may date an event: under a saying governor those inside the event's
    own phrase first ("condemned today the attack on Sunday": Sunday), else the sentence's (of which
    extract/event_time.py skips the time of an act about the event: "condemned today the attack"
    leaves the attack undated, in its reporting window); a relative clause tells of the time of its
    sentence. An event told as what came ``before`` its governor has only its own: "confirmed today that
    soldiers are deployed after the murder of X" does not date the murder today."""
    if governor is None or _relative_clause_between(trigger, governor.token):
        return times
    inside = range(trigger.left_edge.i, trigger.right_edge.i + 1)
    own = [t for t in times if (root := span_root(doc, t.start, t.end)) is not None and root.i in inside]
    return own if before else own or times


def outside_nested(
    doc: Doc, trigger: Token, found: Sequence[SentenceEvent], times: Sequence[Evidence]
) -> Sequence[Evidence]:
    """The times that may date a measure other than those inside the phrase of the violence it was
    taken for (``is_grounds``): in "the arrest of eight soldiers linked with the assassination of six
    Jesuits on 16 November" the day is the assassination's, and the arrest keeps its own time or none.
    (What a saying is about keeps dating the saying as before: "condemned the attack on Sunday".)"""
    phrases = [
        range(e.trigger.token.left_edge.i, e.trigger.token.right_edge.i + 1)
        for e in found
        if e.over is not None and e.over.token.i == trigger.i and is_grounds(e.trigger, e.over)
    ]
    if not phrases:
        return times
    return [
        t
        for t in times
        if (root := span_root(doc, t.start, t.end)) is None or not any(root.i in p for p in phrases)
    ]


def nested_modality(
    trigger: Token, governor: Trigger, found: tuple[Modality, Evidence | None], article_id: str
) -> tuple[Modality, Evidence | None]:
    """The modality of an event reported under ``governor``, from what extract/modality.py ``found``.

    The very thing asked for, promised or threatened is planned, the thing refused did not happen
    ("demanded the withdrawal", "agreed to withdraw", "refused to withdraw"). An event the governor
    is only about keeps the cues of its own phrase and of the governor's word ("condemned the alleged
    attack", "accused X of the attack", "denied"), not those on or above the governor, which say how
    sure the saying is ("will condemn the attack", "tried to blame us for the attack")."""
    modality, cue = found
    wanted = COMPLEMENT_MODALITY.get(governor.plover)
    if wanted is not None and is_complement(trigger, governor.token, with_preps=True):
        return (wanted, evidence(article_id, governor.token)) if modality is Modality.ASSERTED else found
    if cue is None or _in_event_scope(trigger, governor.token, cue):
        return modality, cue
    return Modality.ASSERTED, None


def _in_event_scope(trigger: Token, governor: Token, cue: Evidence) -> bool:
    """Whether the cue word is the governor itself or sits between it and the event."""
    words = trigger.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if words is None:
        return True
    word = words.root
    if word.i == governor.i:
        return True
    path = [trigger, *(a for a in trigger.ancestors if governor in a.ancestors)]
    return any(word.i == p.i or (word.head.i == p.i and word.i != governor.i) for p in path)


def is_complement(trigger: Token, governor: Token, *, with_preps: bool) -> bool:
    """The trigger is what the governor asks, promises, refuses or (``with_preps``) accuses of: reached
    through objects and clausal complements only ("threatened to launch attacks", "called for a
    strike"), not through a noun that stands between ("demanded compensation for the killing")."""
    below = trigger
    while below.i != governor.i:
        head = below.head
        if head.i == below.i:
            return False
        if below.dep_ in ("pobj", "pcomp") and with_preps and head.lower_ in COMPLEMENT_PREPS:
            if head.head.i != governor.i:
                return False
            below = head.head
            continue
        if below.dep_ not in COMPLEMENT_ARCS or (below.dep_ == "conj" and head.i == governor.i):
            # "demanded X but were dispersed", "threatened and attacked": an act coordinated with
            # the governor is a further act, not the thing asked or promised
            return False
        below = head
    return True


def speaker_free_actor(
    trigger: Token, governor: Token, actor: Span | None, is_known_actor: Callable[[str], bool]
) -> Span | None:
    """The actor of an event reported under a saying governor, never the speaker by mistake.

    The governor's object acts when the event is what it is urged to, or accused of, doing ("urged
    the rebels to withdraw", "accused the army of killing"); the governor's subject only when the
    event is its own intention ("threatened to attack", "refused to withdraw"), a reading the role
    finder makes through the xcomp chain. Otherwise the actor must be named below the governor
    ("blamed the attack on X", "the murder by X"), not by its subject or a word above it ("officials
    who started to investigate the killing" did not kill). In a relative clause the actor is the
    clause's own."""
    if _relative_clause_between(trigger, governor):
        return actor
    obj = next((c for c in governor.children if c.dep_ == "dobj" and c.i != trigger.i), None)
    named_below = actor is not None and _argument_of(actor.root, governor)
    if (
        obj is not None
        and _names_a_party(obj, is_known_actor)
        and is_complement(trigger, governor, with_preps=True)
        and not named_below
    ):
        return compact_phrase(obj)
    if actor is None or named_below:
        return actor
    own_intention = obj is None and is_complement(trigger, governor, with_preps=False)
    return actor if own_intention else None


def _names_a_party(noun: Token, is_known_actor: Callable[[str], bool]) -> bool:
    """Whether an object can be who acts: a name, a pronoun, people ("the rebels") or a known actor;
    not the thing filed or lodged ("filed suit against you for this assassination")."""
    if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or is_known_actor(compact_phrase(noun).text))


def _argument_of(token: Token, governor: Token) -> bool:
    """Whether the token hangs below the governor other than as its subject."""
    below = token
    for head in token.ancestors:
        if head.i == governor.i:
            return below.dep_ not in ("nsubj", "nsubjpass", "csubj")
        below = head
    return False


def _relative_clause_between(token: Token, governor: Token) -> bool:
    return any(a.dep_ == "relcl" for a in [token, *token.ancestors] if governor in a.ancestors)
