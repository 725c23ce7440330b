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

from eventscope.models import ActorKind, ActorRef, EventType, Mention, Modality
from eventscope.resolve.ontology import crosswalk

WEAK_MODALITY = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})
VIOLENCE = frozenset({"ASSAULT", "FIGHT"})


def code_note(main: Mention, mentions: Sequence[Mention]) -> Mention:
    """The main event coded with what the rest of the note says about it (an ACLED note is one event).

    - Violence whose actor or target is unnamed where it is reported takes them from the note's other
      reports of violence ("A man was killed in X. Residents had accused him of theft and beat him").
    - A demonstration is violent when the note reports the demonstrators' violence anywhere (ACLED
      codebook, Violent demonstration: "demonstrators engage in violence ... at any point").
    Then the ACLED pair is read again through the crosswalk.
    """
    others = [m for m in mentions if m is not main and m.modality not in WEAK_MODALITY]
    plover, mode = main.type.plover, main.type.plover_mode
    actor, recipient = main.actor, main.recipient
    if plover == "ASSAULT" and recipient is not None and _unarmed_official(recipient):
        # ACLED codebook: unarmed officials attacked are civilians (the state is an associated actor)
        recipient = replace(recipient, kind=ActorKind.CIVILIANS)
    if plover in VIOLENCE:
        weapon = _weapon_mode(actor.evidence.text if actor is not None else "")
        if weapon is not None and plover == "ASSAULT":
            mode, actor = weapon, None  # "an IED killed two": the weapon says what kind of attack it was
        violent = [m for m in others if m.type.plover in VIOLENCE]
        if plover == "ASSAULT" and mode in _PLAIN_MODES and any(_armed_clash(m) for m in violent):
            plover, mode = "FIGHT", None  # the attack met armed resistance: ACLED Armed clash
        if actor is None or actor.kind is None:
            actor = next((m.actor for m in violent if m.actor is not None and m.actor.kind), actor)
        if recipient is None or recipient.kind is None:
            recipient = next(
                (m.recipient for m in violent if m.recipient is not None and m.recipient.kind), recipient
            )
        if actor is not None and actor.kind is None and _unarmed_group(actor.evidence.text):
            actor = replace(actor, kind=ActorKind.RIOTERS)  # ACLED: unarmed people who fight are rioters
        if (
            plover == "FIGHT"
            and recipient is not None
            and recipient.kind in (None, ActorKind.CIVILIANS)  # the agent lexicon calls supporters civilians
            and _unarmed_group(recipient.evidence.text)
        ):
            recipient = replace(recipient, kind=ActorKind.RIOTERS)  # "police clashed with supporters"
        elif actor is None and _CROWD_WEAPON.match(main.trigger.text):
            actor = ActorRef(evidence=main.trigger, kind=ActorKind.RIOTERS)  # stones are a crowd's weapon
    elif plover == "COERCE" and _CROWD_CONTROL.match(main.trigger.text) and mode != "arrest":
        # dispersal and tear gas are used on gatherings: ACLED codebook, Protest with intervention
        # ("dispersed or suppressed ... tear gas"); a riot when the crowd was violent
        crowd_violent = any(_crowd_violence(m) for m in others)
        kind = (
            ActorKind.RIOTERS
            if crowd_violent or (recipient is not None and recipient.kind is ActorKind.RIOTERS)
            else ActorKind.PROTESTERS
        )
        if recipient is None or recipient.kind in (
            None,
            ActorKind.CIVILIANS,
            ActorKind.PROTESTERS,
            ActorKind.RIOTERS,
        ):
            recipient = (
                replace(recipient, kind=kind) if recipient is not None else ActorRef(main.trigger, kind=kind)
            )
    elif plover == "PROTEST" and mode != "riot" and any(_crowd_violence(m) for m in others):
        mode = "riot"
    elif (
        main.type.acled_type == "Protests"
        and plover == "PROTEST"
        and (force := next(filter(_state_intervention, others), None))
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
    elif main.type.acled_type == "Protests" and any(_crowd_violence(m) for m in others):
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


# Head nouns of unarmed groups of people (general English): when such a group fights or attacks, ACLED
# codes it as rioters (codebook, Rioters: "violent ... spontaneous or unorganised" groups; civilians and
# party supporters who turn violent). Armed and named groups are the actor dictionary's to know.
UNARMED_GROUP_HEADS = frozenset(
    {
        "supporters",
        "supporter",
        "followers",
        "factions",
        "faction",
        "camps",
        "sections",
        "members",
        "operators",
        "riders",
        "hawkers",
        "traders",
        "vendors",
        "squatters",
        "inhabitants",
        "dwellers",
        "workers",
        "students",
        "pupils",
        "fans",
        "congregants",
        "worshippers",
        "groups",
        "parties",
        "mourners",
        "motorists",
        "drivers",
        "touts",
        "farmers",
        "villagers",
        "residents",
        "locals",
    }
)
_CROWD_CONTROL = re.compile(r"(?i)(dispers|fire|lob|tear)")
_CROWD_WEAPON = re.compile(r"(?i)(thr[eo]w|hurl|pelt|ston)")
_WEAPONS = (
    (re.compile(r"(?i)\bgrenades?\b"), "grenade"),
    (re.compile(r"(?i)\b(ieds?|explosives?|bombs?|landmines?|mines?|improvised)\b"), "explosives"),
)


def _unarmed_official(ref: ActorRef) -> bool:
    """A government (not its police or army): its officials are unarmed."""
    return ref.kind is ActorKind.STATE_FORCES and (ref.name or "").startswith("Government of")


def _unarmed_group(phrase: str) -> bool:
    words = re.findall(r"[a-z]+", phrase.lower())
    return bool(words) and (
        words[-1] in UNARMED_GROUP_HEADS or any(w in UNARMED_GROUP_HEADS for w in words[:3])
    )


def _weapon_mode(phrase: str) -> str | None:
    """The ASSAULT mode of a weapon named where the attacker should be ("an IED killed", "a grenade
    exploded"): ACLED's Explosions/Remote violence sub-types."""
    return next((mode for pattern, mode in _WEAPONS if pattern.search(phrase)), None)


# Attack modes that a report of fighting in the same note turns into a clash (not bombs, abductions,
# sexual violence or mob justice, which keep their sub-type).
_PLAIN_MODES = frozenset({None, "firearms", "beat", "primitive", "assassinate", "execute"})


def _armed_clash(m: Mention) -> bool:
    return m.type.plover == "FIGHT" and m.type.acled_type == "Battles"


def _state_intervention(m: Mention) -> bool:
    """Force used by the state (or by no one named) to control a crowd: dispersal, tear gas, arrests."""
    kind = m.actor.kind if m.actor is not None else None
    if kind not in (None, ActorKind.STATE_FORCES):
        return False
    if m.type.plover == "COERCE":
        return (
            m.type.plover_mode == "arrest"
            or _CROWD_CONTROL.match(m.trigger.text) is not None
            or kind is not None
        )
    return m.type.plover == "ASSAULT" and kind is ActorKind.STATE_FORCES


def _crowd_violence(m: Mention) -> bool:
    """A report of demonstrators turning violent: a riot, or violence or damage by a crowd."""
    if m.type.plover == "PROTEST":
        return m.type.plover_mode in ("riot", "obstruct")
    kind = m.actor.kind if m.actor is not None else None
    return m.type.plover in VIOLENCE and kind in (ActorKind.RIOTERS, ActorKind.PROTESTERS)
