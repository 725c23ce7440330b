"""The main event of a note read again at the crowd's boundary (ACLED codebook: Protests, Riots,
Violence against civilians, Battles), after :func:`eventscope.evaluate.acled_notes.code_note`:

- a demonstration the note calls peaceful, or whose note says no violence was reported, and that
  tells no turn to violence and none of the codebook's violent acts, is a peaceful one (Protests
  are demonstrations whose participants are not violent, "even if police or others intervene"),
  whatever word the parse read as a riot ("repulsed by police", "riot police");
- a fight coded as a riot whose sentence names armed men or an exchange of fire is an armed clash
  (:mod:`eventscope.evaluate.acled_crowd_arms`);
- force by the state on journalists, bystanders or children is an attack on civilians
  (:mod:`eventscope.evaluate.acled_crowd_bystanders`);
- an attack by youths or men the note calls unidentified, armed, hired or masked is an armed
  group's, not a crowd's (:func:`armed_band`);
- harm told in the passive whose victims were read as a crowd that did it is an attack on them
  (:func:`eventscope.evaluate.acled_crowd_parties.victims_not_actors`);
- violence by vigilantes is mob violence (:func:`vigilantes`).

Every word list is general English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_crowd_arms import ARMED_MEN, armed_sides
from eventscope.evaluate.acled_crowd_bystanders import force_on_outsiders
from eventscope.evaluate.acled_crowd_parties import victims_not_actors
from eventscope.evaluate.acled_crowds import violence_in_words
from eventscope.models import ActorKind, ActorRef, Mention, Modality
from eventscope.resolve.acled_coding import unnamed_perpetrator
from eventscope.resolve.ontology import crosswalk

_WEAK = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})


# "a peaceful demonstration", "protested peacefully", "the march was reported as peaceful", "no
# violence was reported", "no reports of protester violence", "dispersed without incident": the
# report says the demonstrators were not violent. "Peaceful" is read only next to a demonstration
# ("a peaceful transition" says nothing of the crowd).
_DEMO = (
    r"(?:protest\w*|demonstrat\w*|demos?|march\w*|rall(?:y|ies)|sit-ins?|procession|gathering|vigil|strike)"
)
_PEACEFUL = re.compile(
    rf"(?i)\b(?:(?:peaceful|non-?violent)\s+(?:[\w-]+\s+){{0,2}}?{_DEMO}|"
    rf"{_DEMO}\s+(?:[\w-]+\s+){{0,2}}?peacefully|"
    rf"{_DEMO}[^.;]{{0,25}}?\b(?:was|were|remained|stayed)\s+(?:[\w-]+\s+){{0,2}}?(?:peaceful|non-?violent)|"
    r"no\s+(?:reports?\s+of\s+|evidence\s+of\s+|reported\s+)?(?:[\w-]+\s+)?violence|"
    r"without\s+(?:any\s+)?(?:violence|incident))\b"
)
# A turn to violence after a peaceful start ("started peacefully but turned violent").
_TURNED = re.compile(
    r"(?i)\b(?:(?:turn|became|become|becomes|grew|got|gets)(?:s|ed|ing)?\s+(?:violent|chaotic|ugly|rowdy)|"
    r"descend(?:s|ed)?\s+into|"
    r"degenerat\w*|(?:later|but|until)\b[^.]{0,60}\b(?:clash\w*|violen\w*|riot\w*|battles?|ston\w*|"
    r"attack\w*|burn\w*|loot\w*))"
)


def said_peaceful(text: str) -> bool:
    """Whether the note calls the demonstration peaceful (or says no violence) and tells no turn."""
    return _PEACEFUL.search(text) is not None and _TURNED.search(text) is None


# A demonstration and force on one: what the verdict may recode.
_STATE = ActorKind.STATE_FORCES


def _demonstration(main: Mention) -> bool:
    if main.type.plover in ("PROTEST", "COERCE"):
        return True
    kind = main.actor.kind if main.actor is not None else None
    return main.type.plover == "ASSAULT" and kind is _STATE


def peaceful_unless_told(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    """A demonstration coded violent whose note calls it peaceful (or says no violence was reported),
    tells no turn to violence and none of the codebook's violent acts in words, is a peaceful
    demonstration: Protest with intervention when force was used on it (Excessive force when the
    force killed), else Peaceful protest (ACLED codebook, Protests)."""
    if main.type.acled_sub_type != "Violent demonstration" or not _demonstration(main) or not text:
        return main
    if not said_peaceful(text) or violence_in_words(text):
        return main
    forced = [m for m in (main, *mentions) if _state_force(m)]
    killed = any(g.kind == "killed" and (g.low or 0) > 0 for m in forced for g in m.magnitudes)
    if forced or _INTERVENED.search(text):
        coded = crosswalk(
            "ASSAULT" if killed else "COERCE",
            None,
            actor_kind=_STATE,
            recipient_kind=ActorKind.PROTESTERS,
            fatalities=True if killed else None,
        )
    else:
        coded = crosswalk("PROTEST", "demo", actor_kind=ActorKind.PROTESTERS)
    coded = replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode)
    actor, recipient = main.actor, main.recipient
    if actor is not None and actor.kind is ActorKind.RIOTERS:
        actor = replace(actor, kind=ActorKind.PROTESTERS)
    if recipient is not None and recipient.kind is ActorKind.RIOTERS:
        recipient = replace(recipient, kind=ActorKind.PROTESTERS)
    if main.type.plover == "PROTEST" and actor is None:
        actor = ActorRef(main.trigger, kind=ActorKind.PROTESTERS)
    return replace(main, type=coded, actor=actor, recipient=recipient)


# The state stepping in, in words the parse may not report as force: "police intervened", "were
# repulsed by police", "anti-riot police stopped the march" (ACLED codebook, Protest with
# intervention: an attempt to disperse or suppress the protest).
_INTERVENED = re.compile(
    r"(?i)\b(?:police|officers|security\s+forces|askaris|soldiers)\s+(?:\w+\s+){0,2}?(?:intervened|intervene|"
    r"dispers\w*|disper\w*|stopped|repulsed|blocked|broke\s+up|teargass\w*)\b|"
    r"\b(?:repulsed|dispersed|stopped|blocked)\s+by\s+(?:the\s+)?(?:anti-?riot\s+)?"
    r"(?:police|officers|security)"
)


def _state_force(m: Mention) -> bool:
    """Force by the state (or by no one named) on a crowd: dispersal, tear gas, arrests, shooting."""
    if m.modality in _WEAK or m.type.plover not in ("COERCE", "ASSAULT"):
        return False
    kind = m.actor.kind if m.actor is not None else None
    return kind is _STATE or (kind is None and m.type.plover == "COERCE")


# Who a group's words say is organised or unknown rather than a crowd: "unidentified youths",
# "armed youths", "hired men", "masked men", "radical youth" (ACLED codebook, actors: an unidentified
# armed group, or a political militia hired or armed for political ends; not "armed with" stones or
# sticks, which a crowd may be).
_BAND = re.compile(
    r"(?i)\b(?:unidentified|unknown|armed(?!\s+with\b)|hired|masked|hooded|radical|organi[sz]ed|"
    r"gun-?wielding|gun-?toting)\b"
)
_PLAIN_ATTACK = frozenset({None, "firearms", "beat", "primitive", "assassinate", "execute"})
# A group its sentence tells shooting or armed with guns, right after naming it ("residents shot dead
# five raiders", "youths, armed with guns, raided"): an armed group, not a crowd (ACLED codebook: Riots
# are demonstrators' or mobs' violence; firearms are an organised armed group's weapon).
_SHOOTERS_AFTER = re.compile(
    r"(?i)^[\s,]*(?:(?:who\s+were\s+|were\s+)?armed\s+with\s+(?:guns|rifles|firearms|weapons|ak-?47s?)\b|"
    r"(?!(?:was|were|is|are|been|being|got|get)\b)(?:\w+\s+)?"
    r"(?:shot\s+(?:dead|and)|shoots?\s+(?:dead|and)|gunned\s+down|open(?:ed|s)?\s+fire)\b(?!\s+(?:\w+\s+)?by\b))"
)


def armed_band(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    """An attack on people by youths or men the report calls unidentified, armed, hired or masked is
    not a crowd's violence but an armed group's (ACLED codebook: Violence against civilians by an
    unidentified armed group or a political militia, or an identity militia among communities), unless
    it is on demonstrators (codebook, Protests: armed groups interacting with protesters)."""
    if main.type.acled_type != "Riots" or main.type.plover != "ASSAULT":
        return main
    if main.type.plover_mode not in _PLAIN_ATTACK or main.actor is None:
        return main
    recipient = main.recipient
    if recipient is not None and recipient.kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS, _STATE):
        return main
    start = main.actor.evidence.start - main.sentence.start
    before = main.sentence.text[max(0, start - 30) : max(0, start)]
    words = before.rsplit(",", 1)[-1] + " " + main.actor.evidence.text
    end = main.actor.evidence.end - main.sentence.start
    if _BAND.search(words) is None and _SHOOTERS_AFTER.match(main.sentence.text[max(0, end) :]) is None:
        return main
    kind = unnamed_perpetrator(mentions, text)
    victims = replace(recipient, kind=ActorKind.CIVILIANS) if recipient is not None else None
    coded = crosswalk("ASSAULT", main.type.plover_mode, actor_kind=kind, recipient_kind=ActorKind.CIVILIANS)
    return replace(main, type=coded, actor=replace(main.actor, kind=kind), recipient=victims)


_VIGILANTES = re.compile(r"(?i)\bvigilantes?\b")
_VIGILANTE_MODES = frozenset({*_PLAIN_ATTACK, "mob"})


def vigilantes(main: Mention) -> Mention:
    """Violence by vigilantes (a group the words call vigilantes) on people is mob violence, even when
    the parse read the suspects they hit as an armed side (ACLED codebook, Mob violence: mob justice
    by vigilantes is rioters' violence); a fight with men the words call armed (bandits, gunmen,
    militia) is left an armed clash."""
    actor = main.actor
    if main.type.acled_type == "Riots" or main.type.plover not in ("ASSAULT", "FIGHT") or actor is None:
        return main
    if _VIGILANTES.search(actor.evidence.text) is None or main.type.plover_mode not in _VIGILANTE_MODES:
        return main
    hit = main.recipient
    if hit is not None and ARMED_MEN.search(hit.evidence.text):
        return main  # "vigilantes fought off bandits": a fight with armed men (ACLED Armed clash)
    rioters = replace(actor, kind=ActorKind.RIOTERS)
    return replace(main, type=crosswalk("ASSAULT", "mob", actor_kind=ActorKind.RIOTERS), actor=rioters)


def crowd_verdict(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    """The note's main event read again at the crowd's boundary: a demonstration the note tells no
    violence of is peaceful (:func:`peaceful_unless_told`), an attack by an armed or unidentified
    band is not a crowd's (:func:`armed_band`), and force on people who were not taking part is an
    attack on civilians (:func:`acled_crowd_bystanders.force_on_outsiders`)."""
    main = force_on_outsiders(peaceful_unless_told(armed_sides(main), mentions, text), text)
    return vigilantes(victims_not_actors(armed_band(main, mentions, text)))
