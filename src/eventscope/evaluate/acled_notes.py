"""ACLED's coding of a note's main event from what the whole note says (an ACLED note is one event).

:func:`code_note` applies the ACLED codebook's rules that need more than one mention: who the unnamed
actor or target of violence is, when an attack met armed resistance, when a demonstration turned violent
or was dispersed, and which weapon an attack used. These rules read the whole note as one event, so they
are the scorer's: the product's ACLED export does not apply them yet (its events are built by merging,
``merge/build.py``). The inter code of an actor the reports do not name is the product's rule
(``resolve/acled_coding.py``), shared by the export and the scorer. Every word list here is general
English, and every rule the codebook's (docs/evaluation.md says which); nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_cause import arrest_outside_riot
from eventscope.evaluate.acled_crowd_verdict import crowd_verdict
from eventscope.evaluate.acled_crowds import (
    CROWD_CONTROL,
    crowd_turned_violent,
    crowds_fight,
    force_in_demonstration,
    state_intervention,
    unarmed_group,
)
from eventscope.evaluate.acled_force_verdict import force_verdict
from eventscope.evaluate.acled_mix2_places import without_place_forces
from eventscope.evaluate.acled_mix2_verdict import mix2_verdict
from eventscope.evaluate.acled_mix_harm import harm_over_talk
from eventscope.evaluate.acled_mob import without_demonstration
from eventscope.evaluate.acled_passive import members_killed_by_forces
from eventscope.evaluate.acled_property import property_only, search_without_harm
from eventscope.evaluate.acled_viol_harm import same_people
from eventscope.evaluate.acled_viol_victims import code_by_victims
from eventscope.evaluate.acled_violence_words import (
    FIREBOMB,
    IN_ATTACK,
    armed_object,
    communal_fight,
    crowd_actor,
    fighting,
    harm_in_arrest,
    mine_struck,
    weapon_mode,
    weapon_struck,
)
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention, Modality
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in
from eventscope.resolve.acled_coding import (
    ARMED_RESISTANCE,
    SECURITY_SITE,
    VICTIM_KILLED,
    armed_party_harmed,
    crowd_only,
    mob_justice,
    named_civilians,
    unarmed_official,
)
from eventscope.resolve.ontology import crosswalk

WEAK_MODALITY = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})
VIOLENCE = frozenset({"ASSAULT", "FIGHT"})


def code_note(main: Mention, mentions: Sequence[Mention], text: str = "") -> Mention:
    """The main event coded with what the rest of the note says about it (an ACLED note is one event).

    - Violence whose actor or target is unnamed where it is reported takes them from the note's other
      reports of violence ("A man was killed in X. Residents had accused him of theft and beat him").
    - A demonstration is violent when the note reports the demonstrators' violence anywhere (ACLED
      codebook, Violent demonstration: "demonstrators engage in violence ... at any point").
    - The target of violence given by a pronoun or a number ("killing one", "shot them") is the people
      the note named last before it; when none is given, the subject of a passive verb ("three
      militants killed by police"): ``text`` is the note (:func:`_target`).
    Then the ACLED pair is read again through the crosswalk; property attacked, destroyed or seized with
    no one harmed is Looting/property destruction, a search by the forces that harmed no one an arrest
    or another development (:mod:`eventscope.evaluate.acled_property`), an arrest with no riot an
    arrest (:func:`acled_cause.arrest_outside_riot`); a battle or an attack is read again from whom the
    note tells harmed, armed or not, and a plain attack from the explosive weapon the note tells used
    (:func:`acled_viol_victims.code_by_victims`); a riot in a note that reports no demonstration
    is mob violence (:func:`acled_mob.without_demonstration`).
    """
    # a place or a people read as the state's forces is no actor (acled_mix2_places)
    main, mentions = without_place_forces(main, text), [without_place_forces(m, text) for m in mentions]
    # talk or a development in a note that tells people harmed: the harm is the event (acled_mix_harm)
    coded = _code_parties(harm_over_talk(main, text), mentions, text)
    coded = search_without_harm(property_only(coded, mentions, text), mentions, text)
    coded = arrest_outside_riot(coded, mentions, text)
    coded = crowd_verdict(coded, mentions, text)  # acled_crowd_verdict: crowd, peaceful or armed band
    # Battles or Violence against civilians by whom the note tells harmed, and the explosive weapon a
    # plain attack used (acled_viol_victims, _battles, _harm, _weapons)
    coded = code_by_victims(coded, mentions, text)
    coded = force_verdict(coded, text)  # acled_force_verdict: state force and demonstrations
    # a demonstration attacked by others, a grenade thrown into it, an outsider harmed at it, an attack
    # that hit the state's forces (acled_mix2_verdict)
    coded = mix2_verdict(coded, text)
    return without_demonstration(coded, text) if text else coded


def _code_parties(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    others = [m for m in mentions if m is not main and m.modality not in WEAK_MODALITY]
    plover, mode = main.type.plover, main.type.plover_mode
    actor, recipient = main.actor, main.recipient
    if plover == "ASSAULT" and mode == "abduct" and VICTIM_KILLED.search(text):
        mode = None  # abducted and killed: the killing is the event (ACLED Attack)
    if plover == "COERCE" and mode == "arrest" and harm_in_arrest(text):
        plover, mode = "ASSAULT", None  # "arrested and beat him to death": the violence is the event
    if plover == "ASSAULT" and mode == "destroy" and harms_people(main, text):
        mode = None  # houses burnt and people killed: the violence is the event, not the damage
    elif (
        plover == "ASSAULT" and mode == "destroy" and (actor is None or actor.kind is None) and fighting(text)
    ):
        # houses burnt in clashes between two communities: ACLED codebook, Looting/property
        # destruction is destruction "not occurring alongside any other form of violence"; the
        # fighting is the event (Armed clash)
        plover, mode = "FIGHT", None
    elif plover == "ASSAULT" and mode == "destroy" and IN_ATTACK.search(text) and not crowd_actor(actor):
        mode = None  # "a village was attacked and houses razed": the attack is the event (ACLED Attack)
    if plover in VIOLENCE and text and (recipient is None or recipient.kind is None):
        recipient = _target(main, text) or recipient
    if (
        plover in VIOLENCE
        and (actor is None or actor.kind is None)
        and (recipient is None or recipient.kind is None)
    ):
        # "two Mungiki suspects killed by police": the state against an armed group's members
        actor, recipient = members_killed_by_forces(main, text) or (actor, recipient)
    if plover == "ASSAULT" and (recipient is None or recipient.kind is None):
        recipient = armed_object(main, text) or recipient  # "MRC attacks police officers at their camp"
    if (
        plover in VIOLENCE
        and recipient is not None
        and recipient.kind in (None, ActorKind.CIVILIANS)
        and SECURITY_SITE.search(recipient.evidence.text)
    ):
        # a police station, an army camp, a checkpoint or a patrol is held by armed state forces:
        # attacking it is fighting them (ACLED Battles)
        recipient = replace(recipient, kind=ActorKind.STATE_FORCES)
    if plover == "ASSAULT" and recipient is not None and unarmed_official(recipient):
        # ACLED codebook: unarmed officials attacked are civilians (the state is an associated actor)
        recipient = replace(recipient, kind=ActorKind.CIVILIANS)
    if plover == "ASSAULT" and mode in _PLAIN_MODES:
        actor, recipient = force_in_demonstration(main, actor, recipient, others, text)
    if plover in VIOLENCE:
        weapon = weapon_mode(actor.evidence.text if actor is not None else "")
        if weapon is not None and plover == "ASSAULT":
            mode, actor = weapon, None  # "an IED killed two": the weapon says what kind of attack it was
        elif plover == "ASSAULT" and mode in _PLAIN_MODES and (struck := weapon_struck(main, text)):
            mode = struck  # "their vehicle struck a landmine", "attacked the post with grenades"
            if struck == "explosives" and actor is not None and actor.kind not in ARMED_KINDS:
                actor = None  # "a bus struck a roadside bomb": the bus is what was hit, not who set it
        elif plover == "ASSAULT" and mode in _PLAIN_MODES and mine_struck(main.sentence.text):
            # "two were killed when their bus hit a roadside bomb": the mine did the harm (ACLED
            # Explosions/Remote violence), whoever the sentence says planted it
            mode = "explosives"
            actor = actor if actor is not None and actor.kind in ARMED_KINDS else None
        if mode in ("explosives", "grenade") and FIREBOMB.search(_around(main, text)):
            mode = None  # ACLED codebook: petrol bombs and Molotov cocktails are not explosives
        violent = [m for m in others if m.type.plover in VIOLENCE]
        if (
            plover == "ASSAULT"
            and mode in _PLAIN_MODES
            and not (named_civilians(recipient) and actor is not None and actor.kind is not None)
            and _met_armed_side(actor, violent, text)
        ):
            plover, mode = "FIGHT", None  # the attack met armed resistance: ACLED Armed clash
        if actor is None or actor.kind is None:
            actor = next((m.actor for m in violent if m.actor is not None and m.actor.kind), actor)
        if recipient is None or recipient.kind is None:
            recipient = next(
                (
                    m.recipient
                    for m in violent
                    if m.recipient is not None and m.recipient.kind and not same_people(m.recipient, actor)
                ),
                recipient,
            )
        unarmed = actor is None or actor.kind in (None, ActorKind.CIVILIANS, ActorKind.RIOTERS)
        if (
            plover == "FIGHT"
            and unarmed
            and not crowds_fight(main.sentence.text, actor)
            and communal_fight(main.sentence.text, text)
        ):
            # "farmers and herders clashed over a water point": neighbours fighting over land, water or
            # livestock are communal militias (ACLED Armed clash), not a mob
            actor = ActorRef(
                actor.evidence if actor is not None else main.trigger, kind=ActorKind.IDENTITY_MILITIA
            )
            if recipient is not None and recipient.kind in (None, ActorKind.CIVILIANS, ActorKind.RIOTERS):
                recipient = replace(recipient, kind=ActorKind.IDENTITY_MILITIA)
        if actor is not None and actor.kind is None and unarmed_group(actor.evidence.text):
            actor = replace(actor, kind=ActorKind.RIOTERS)  # ACLED: unarmed people who fight are rioters
        if plover == "FIGHT" and crowds_fight(main.sentence.text, actor):
            # "supporters of two candidates clashed": ACLED Mob violence, rioters against rioters
            actor = ActorRef(actor.evidence if actor is not None else main.trigger, kind=ActorKind.RIOTERS)
        if plover == "ASSAULT" and (actor is None or actor.kind is None) and crowd_only(text):
            # "a teacher was beaten when a mob tried to stop the training": the crowd the note names,
            # when it names no armed actor, did it (ACLED Riots: Mob violence)
            actor = ActorRef(actor.evidence if actor is not None else main.trigger, kind=ActorKind.RIOTERS)
        if plover == "ASSAULT" and (mode in _PLAIN_MODES or mode == "destroy") and mob_justice(actor, text):
            # ACLED codebook, Mob violence: a crowd punishing suspected thieves or witches ("mob
            # justice"), vigilantes included, is rioters' violence whoever they are; burning the
            # homes of suspected witches or killers too (rioters' property destruction)
            mode = "mob"
            actor = ActorRef(actor.evidence if actor is not None else main.trigger, kind=ActorKind.RIOTERS)
        if (
            plover == "FIGHT"
            and recipient is not None
            and recipient.kind in (None, ActorKind.CIVILIANS)  # the agent lexicon calls supporters civilians
            and unarmed_group(recipient.evidence.text)
        ):
            recipient = replace(recipient, kind=ActorKind.RIOTERS)  # "police clashed with supporters"
        elif (
            actor is None and mode not in ("grenade", "explosives") and _CROWD_WEAPON.match(main.trigger.text)
        ):
            # stones are a crowd's weapon; a grenade or a bomb thrown is not (ACLED: Explosions/Remote
            # violence, Grenade, by whoever threw it)
            actor = ActorRef(evidence=main.trigger, kind=ActorKind.RIOTERS)
    elif plover == "COERCE" and CROWD_CONTROL.match(main.trigger.text) and mode != "arrest":
        # dispersal and tear gas are used on gatherings: ACLED codebook, Protest with intervention
        # ("dispersed or suppressed ... tear gas"); a riot when the crowd was violent
        crowd_violent = crowd_turned_violent(others, text)
        kind = (
            ActorKind.RIOTERS
            if crowd_violent or (recipient is not None and recipient.kind is ActorKind.RIOTERS)
            else ActorKind.PROTESTERS
        )
        # tear gas is not used on a government: a capital read as its government ("in Nairobi") is
        # the place, and the crowd there the target
        if (
            recipient is None
            or unarmed_official(recipient)
            or recipient.kind
            in (
                None,
                ActorKind.CIVILIANS,
                ActorKind.PROTESTERS,
                ActorKind.RIOTERS,
            )
        ):
            recipient = (
                replace(recipient, kind=kind) if recipient is not None else ActorRef(main.trigger, kind=kind)
            )
    elif plover == "PROTEST" and mode != "riot" and crowd_turned_violent(others, text):
        mode = "riot"
    elif (
        main.type.acled_type == "Protests"
        and plover == "PROTEST"
        and (force := next(filter(state_intervention, others), None))
    ):
        # ACLED codebook, Protest with intervention: the demonstration is dispersed or suppressed
        # (tear gas, arrests, force) anywhere in the note; Excessive force when the force killed
        killed = any(g.kind == "killed" and (g.low or 0) > 0 for g in force.magnitudes)
        crowd = ActorRef(main.trigger, kind=ActorKind.PROTESTERS)
        intervention = crosswalk(
            "ASSAULT" if killed else "COERCE",
            None,
            actor_kind=ActorKind.STATE_FORCES,
            recipient_kind=ActorKind.PROTESTERS,
            fatalities=True if killed else None,
        )
        return replace(
            main, type=replace(intervention, plover=main.type.plover, plover_mode=mode), actor=actor or crowd
        )
    elif main.type.acled_type == "Protests" and crowd_turned_violent(others, text):
        # force used on demonstrators who were themselves violent: ACLED codes the riot
        kind = ActorKind.RIOTERS
        recipient = (
            replace(recipient, kind=kind) if recipient is not None else ActorRef(main.trigger, kind=kind)
        )
    else:
        return main
    killed = any(g.kind == "killed" and (g.low or 0) > 0 for g in main.magnitudes)
    coded: EventType = crosswalk(
        plover,
        mode,
        actor_kind=actor.kind if actor is not None else None,
        recipient_kind=recipient.kind if recipient is not None else None,
        fatalities=True if killed else None,
    )
    return replace(main, type=coded, actor=actor, recipient=recipient)


_CROWD_WEAPON = re.compile(r"(?i)(thr[eo]w|hurl|pelt|ston)")


# Words that stand for people named before them: pronouns, and numbers counting them ("killing one").
_ANAPHORS = re.compile(
    r"(?i)^(?:they|them|he|him|she|her|it|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?:\s+(?:of\s+)?(?:them|the\s+\w+))?$"
)
# A passive verb: "were shot", "was on Friday shot", or a headline's "militants killed by police".
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|is|are|been|being|got|get)\b(?:\s+\S+){0,3}\s*$")
_BY_AFTER = re.compile(r"(?i)^\s*(?:dead\s+|to\s+death\s+)?by\b")


# Where a clause starts: punctuation, or a conjunction that opens one.
# Reported speech opens one too ("police said they were strangled").
_CLAUSE_START = re.compile(
    r"(?i)[,.;:]|\b(?:after|when|as|while|before|because|and|but|who|which|that|"
    r"said|say|says|told|reported|claimed|alleged)\b"
)
_SINGULAR_PRONOUNS = frozenset({"he", "him", "she", "her", "it"})


def _target(main: Mention, text: str) -> ActorRef | None:
    """The target of ``main`` when its words do not say who. A pronoun or number ("killing one", "shot
    them") stands for the last people named before it, but never for the subject of its own verb (a
    pronoun object is not its clause's subject: "militiamen attacked them"). With no target, a passive
    verb's subject is: the last people named in the verb's clause before it ("three militants were
    killed by police")."""
    recipient = main.recipient
    actor = main.actor.evidence if main.actor is not None else None
    before = text[main.sentence.start : main.trigger.start]
    clause = main.sentence.start + max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
    if recipient is not None and _ANAPHORS.match(recipient.evidence.text.strip()):
        start, end = 0, recipient.evidence.start
        subject = (clause, main.trigger.start) if main.trigger.start < recipient.evidence.start else (0, 0)
    elif recipient is None and (
        _PASSIVE_BEFORE.search(before) or _BY_AFTER.match(text[main.trigger.end : main.trigger.end + 20])
    ):
        start, end, subject = clause, main.trigger.start, (0, 0)
    else:
        return None
    singular = recipient is not None and recipient.evidence.text.strip().lower() in _SINGULAR_PRONOUNS
    named = [
        (start + s, start + e, kind)
        for s, e, kind in agents_in(text[start:end], armed_only=False)
        if not subject[0] <= start + s < subject[1]
        and not (actor is not None and actor.start <= start + s < actor.end)
        and not (singular and _plural(text[start + s : start + e]))
    ]
    if not named:
        return None
    s, e, kind = named[-1]
    return ActorRef(Evidence(main.article_id, s, e, text[s:e]), kind=kind)


# "burnt to death", "set ablaze alive": the fire was set on people
_ON_PEOPLE_AFTER = re.compile(r"(?i)^\W*(?:\w+\s+){0,2}?(?:to death|alive)\b")


def harms_people(main: Mention, text: str = "") -> bool:
    """Whether a report of property destroyed also reports people killed or hurt in its sentence, or
    burnt to death: ACLED codebook, Looting/property destruction is for destruction "not occurring
    alongside any other form of violence"; with people harmed, the violence is the event."""
    if any(g.kind in ("killed", "injured") and (g.low or 0) > 0 for g in main.magnitudes):
        return True
    after = text[main.trigger.end : main.trigger.end + 30] if text else ""
    return _ON_PEOPLE_AFTER.match(after) is not None


def _around(main: Mention, text: str) -> str:
    """A few words either side of the trigger."""
    if not text or text[main.trigger.start : main.trigger.end] != main.trigger.text:
        return main.trigger.text
    return text[max(0, main.trigger.start - 20) : main.trigger.end + 20]


def _plural(noun: str) -> bool:
    """A plural head ("gunmen", "police officers", "police"): a singular pronoun cannot stand for it."""
    word = noun.lower().split()[-1]
    return word.endswith(("s", "men")) or word in ("police", "people", "military", "army", "mob", "crowd")


# Attack modes that a report of fighting in the same note turns into a clash (not bombs, abductions,
# sexual violence or mob justice, which keep their sub-type).
_PLAIN_MODES = frozenset({None, "firearms", "beat", "primitive", "assassinate", "execute"})


def _armed_clash(m: Mention) -> bool:
    return m.type.plover == "FIGHT" and m.type.acled_type == "Battles"


# Words that name a conflict as a whole ("ongoing ethnic violence", "a clan war", "tribal feuds"): the
# setting of the events a note reports, not one of them, when the note reports any.
GENERIC_CONFLICT = frozenset({"violence", "war", "wars", "feud", "feuds", "conflict", "conflicts"})


def generic(m: Mention) -> bool:
    """Whether the mention names a conflict as a whole rather than one happening (GENERIC_CONFLICT)."""
    return m.trigger.text.lower() in GENERIC_CONFLICT


def _met_armed_side(actor: ActorRef | None, violent: Sequence[Mention], text: str) -> bool:
    """Whether an attack met an armed side (ACLED Battles): the note reports fighting (not a conflict
    named as a whole), armed people harmed or armed resistance, and the attacker is armed or unnamed
    (not a crowd)."""
    if any(_armed_clash(m) and not generic(m) for m in violent):
        return True
    if actor is not None and actor.kind is not None and actor.kind not in ARMED_KINDS:
        return False
    return bool(text) and (armed_party_harmed(text) or ARMED_RESISTANCE.search(text) is not None)
