"""The main event of an ACLED note: which of a note's mentions ACLED would code.

A note is one event. Its main mention is the one ACLED's codebook gives precedence: asserted before
planned or denied, a material event before talk, violence before force against demonstrators before a
peaceful demonstration before arrests and other developments; violence a demonstration protests, and
explosives found or defused, are not it (an explosive that is the main event then is Disrupted
weapons use). Harm whose actor is not named is the explosion its sentence names (:func:`blast_behind`)
or the demonstration reported before it (:func:`harm_in_demonstration`). Property a crowd
destroyed is a riot (:func:`crowd_damage`), property destroyed in fighting is that fighting
(:func:`destruction_in_fighting`). A main report of what demonstrators said, or an unarmed
development, in a note that reports a demonstration is their demonstration (:func:`demonstrators_talk`).
Violence told only as the reason for a deployment, a closure or a charge is not the event
(:mod:`eventscope.evaluate.acled_cause`); property burnt in answer to a killing, by no armed men, is a
crowd's reprisal (:func:`reprisal`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_cause import development_behind, harm_counted, told_as_cause
from eventscope.evaluate.acled_crowd_parties import crowd_fights_state, force_on_demonstrators, whole_group
from eventscope.evaluate.acled_crowds import DEMONSTRATED, about_grievance, said_not_to_happen
from eventscope.evaluate.acled_disarmed import disarmed
from eventscope.evaluate.acled_main_background import act_behind, told_aside
from eventscope.evaluate.acled_mix_main import symbolic_burning, work_stoppage
from eventscope.evaluate.acled_notes import WEAK_MODALITY, generic, harms_people
from eventscope.evaluate.acled_property import reprisal
from eventscope.models import ActorKind, ActorRef, Mention
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in
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
_VIOLENCE = frozenset({"ASSAULT", "FIGHT"})


def main_mention(mentions: Sequence[Mention]) -> Mention | None:
    """The article's main event: asserted before planned or denied, the act before a crime told as its
    cause or an aside (:mod:`acled_main_background`), a material event before talk about one, a
    happening before a conflict named as a whole ("killed in ongoing ethnic violence"), then by ACLED
    precedence (violence, then force against demonstrators, then peaceful protest,
    then arrests and other developments: ``SUB_TYPE_RANK``), in the earliest sentence that has one
    (news and ACLED notes lead with the event), then the most confident, then the first."""
    if not mentions:
        return None
    # "shot men suspected of raping": the shooting; a labour strike is no air strike (acled_mix_main)
    mentions = [symbolic_burning(work_stoppage(act_behind(m) or m)) for m in mentions]

    def key(item: tuple[int, Mention]) -> tuple[int, int, int, int, int, int, float, int]:
        i, m = item
        cause = protest_topic(m, mentions) or disarmed(m, mentions) or _told_as_cause(m, mentions)
        return (
            m.modality in WEAK_MODALITY or said_not_to_happen(m),
            cause or told_aside(m),  # acled_main_background: "(who were accused of killing ...)"
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
    if _told_as_cause(main, mentions):
        return development_behind(main)  # no other event: the development the violence is the reason for
    main = blast_behind(main, mentions) or harm_in_demonstration(main, mentions) or main
    damage = crowd_damage(main)
    if damage is not main:
        return damage
    return destruction_in_fighting(main)


# Words that report harm without saying who did it ("several injured", "one died").
_HARM_WORDS = re.compile(r"(?i)^(?:kill|injur|wound|hurt|die|dead|death|shot|hospitali)")


def _told_as_cause(m: Mention, mentions: Sequence[Mention] = ()) -> bool:
    """Violence told only as the reason for a deployment or closure (:mod:`acled_cause`), in a note
    that counts no one killed or hurt in any report; or as what people were arrested or charged for
    ("arrest 20 suspects in connection with an attack on a bus which killed four people": the
    arrests; a killing the note tells of its own is the main event then)."""
    if m.type.plover not in _VIOLENCE:
        return False
    cause = told_as_cause(m)
    if cause is None:
        return False
    return cause == "legal" or not any(harm_counted(o) for o in mentions)


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
    if not _violent_act(mention):
        return False
    sentence = mention.sentence
    if about_grievance(sentence.text, mention.trigger.start - sentence.start):
        return True
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


# Words for what a crowd does when it demonstrates: never the grievance.
_CROWD_ACT = re.compile(
    r"(?i)^(?:riot|unrest|rampag|violen|took|tak|gather|strik|stag|held|hold|chant|storm|block|barricad|"
    r"bonfire|tyre|tire|light|lit|pelt|thr[eo]w|hurl|ston|engag|battl|confront|paralys|disrupt|invad)"
)


def _violent_act(mention: Mention) -> bool:
    """Violence or damage: reported as such, or read as a demonstration's violence from a demonstration
    near it (a "destroyed" or "clashes" next to a protest is coded a riot; it may be the grievance)."""
    if mention.type.plover in _VIOLENCE:
        return True
    if mention.type.plover != "PROTEST" or mention.type.plover_mode != "riot":
        return False
    word = mention.trigger.text
    return DEMONSTRATED.match(word) is None and _CROWD_ACT.match(word) is None


# Verbal types (PLOVER): what people say, which ACLED does not code as an event of its own.
_VERBAL = frozenset({"DEMAND", "ACCUSE", "THREATEN", "REJECT", "CONSULT", "SUPPORT", "CONCEDE", "AGREE"})
# Words that say people demonstrated (general English; "March" the month is not one), roads blocked
# in protest among them (ACLED codebook, Protests: a blockade by demonstrators is a demonstration).
_DEMONSTRATED = re.compile(
    r"(?i)\b(?:protest\w*|demonstrat\w*|demos?|march(?:ed|es|ing|ers)|(?-i:march)|picket\w*|"
    r"sit-ins?|placards?|road\s*blocks?|barricad\w*|"
    r"block(?:ed|ing|s)?\s+(?:off\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:roads?|highways?|streets?))\b"
)


def _unarmed_other(main: Mention) -> bool:
    """A development of no codebook kind ("Other": suspended, evicted, threatened) by people who are
    not armed: in a note that says people demonstrated, the demonstration is the event."""
    kind = _kind(main.actor)
    return main.type.acled_sub_type == "Other" and kind not in ARMED_KINDS


def _forces_sent(main: Mention) -> bool:
    """Forces deployed (no fighting of their own): in a note that reports a demonstration, they were
    sent to it, and the demonstration is the event (ACLED codebook, Protests)."""
    kind = _kind(main.actor)
    return (
        main.type.plover == "MOBILIZE"
        and main.type.plover_mode == "troops"
        and kind in (None, ActorKind.STATE_FORCES)
    )


def demonstrators_talk(main: Mention, text: str) -> Mention:
    """A note whose main report is what demonstrators said ("protesters demand the officials be
    sacked", "staged a march to call for peace") is a demonstration: ACLED codes the gathering, not
    the words (codebook, Protests); so is an unarmed development of no codebook kind ("students
    suspended after staging a protest"), and police deployed there (:func:`_forces_sent`). Before
    that, the main event's parties are read again where the parse missed them
    (:mod:`eventscope.evaluate.acled_crowd_parties`)."""
    main = crowd_fights_state(force_on_demonstrators(whole_group(main)))
    if not text or _DEMONSTRATED.search(text) is None:
        return main
    if main.type.plover not in _VERBAL and not _unarmed_other(main) and not _forces_sent(main):
        return main
    crowd = ActorRef(main.trigger, kind=ActorKind.PROTESTERS)
    actor = main.actor if main.actor is not None and main.actor.kind is ActorKind.PROTESTERS else crowd
    return replace(main, type=crosswalk("PROTEST", "demo", actor_kind=ActorKind.PROTESTERS), actor=actor)


# Crowds: unarmed people acting together ("a mob", "villagers", "striking nurses", "rioters"), and the
# disorder that is a crowd's ("post-election violence", "riots"). Youths are left out: ACLED often
# codes them as a militia.
_CROWD = re.compile(
    r"(?i)\b(?:mobs?|crowds?|rioters|looters|protest(?:e|o)rs|demonstrators|strikers|striking|villagers|"
    r"residents|students|pupils|supporters|vigilantes?|locals|traders|hawkers|workers|nurses|teachers|"
    r"parents|farmers|squatters|fans|worshippers|angry|irate|rowdy)\b"
)
_CROWD_DISORDER = re.compile(
    r"(?i)\b(?:(?:post-?)?elect(?:ion|oral)(?:-related)?\s+(?:violence|chaos|unrest)|riots?|rioting|"
    r"unrest)\b"
)
# Words that say the destroyer was someone unknown or armed: not a crowd the note can name.
_UNKNOWN_OR_ARMED = re.compile(r"(?i)\b(?:unknown|unidentified|armed|suspected|gunmen|attackers|raiders)\b")


def crowd_damage(main: Mention) -> Mention:
    """Property destroyed by a crowd ("a mob set houses alight", "striking nurses destroyed hospital
    property", "cars burnt in post-election violence") is a riot: ACLED codebook, Riots (Mob violence:
    rioters' "destruction of property"; Violent demonstration when they demonstrate), while
    Looting/property destruction (Strategic developments) is destruction by organised or unknown
    actors outside other violence. The crowd is the destroyer's words, or, when the report names no
    destroyer, the crowd or the crowd's disorder its sentence names, with no armed actor in it."""
    if main.type.plover != "ASSAULT" or main.type.plover_mode != "destroy" or harms_people(main):
        return main
    kind = _kind(main.actor)
    if reprisal(main):
        crowd = ActorRef(
            main.actor.evidence if main.actor is not None else main.trigger, kind=ActorKind.RIOTERS
        )
        return replace(main, type=crosswalk("PROTEST", "riot", actor_kind=ActorKind.RIOTERS), actor=crowd)
    if kind is not None and kind not in (ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS):
        return main
    sentence = main.sentence.text
    before = sentence[: main.trigger.start - main.sentence.start]
    after = re.split(
        r"[,;.]|\s[-\u2013\u2014]\s", sentence[main.trigger.end - main.sentence.start :], maxsplit=1
    )[0]
    by = after.lower().find(" by ")
    if agents_in(before) or (by >= 0 and agents_in(after[by:])) or _UNKNOWN_OR_ARMED.search(before):
        return main  # "destroyed by soldiers", "gunmen torched": an armed destroyer
    named = main.actor is not None and _CROWD.search(main.actor.evidence.text) is not None
    if not (named or kind is ActorKind.RIOTERS or _CROWD.search(before) or _CROWD_DISORDER.search(sentence)):
        return main
    crowd = ActorRef(main.actor.evidence if main.actor is not None else main.trigger, kind=ActorKind.RIOTERS)
    return replace(main, type=crosswalk("PROTEST", "riot", actor_kind=ActorKind.RIOTERS), actor=crowd)


# "burnt during clashes between two communities", "torched after fighting broke out": the fighting the
# destruction was part of.
_IN_FIGHTING = re.compile(
    r"(?i)\b(?:in|during|after|amid|following)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:clash(?:es)?|fighting|battles?|gunfights?|skirmish(?:es)?)\b"
)


def destruction_in_fighting(main: Mention) -> Mention:
    """Property destroyed in fighting its sentence names is that fighting (ACLED codebook,
    Looting/property destruction: destruction "not occurring alongside any other form of violence";
    with fighting, Battles)."""
    if main.type.plover != "ASSAULT" or main.type.plover_mode != "destroy" or harms_people(main):
        return main
    if _IN_FIGHTING.search(main.sentence.text) is not None:
        plover = "FIGHT"
    elif _IN_ATTACKS.search(main.sentence.text) is not None:
        plover = "ASSAULT"  # "houses razed as the village was attacked": the attack on its people
    else:
        return main
    coded = crosswalk(plover, None, actor_kind=_kind(main.actor), recipient_kind=_kind(main.recipient))
    return replace(main, type=coded)


_IN_ATTACKS = re.compile(
    r"(?i)\b(?:(?:in|during|after|amid|following)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:attacks?|raids?)|"
    r"(?:was|were)\s+attacked)\b"
)
