"""ACLED force rules of round 8 (evaluate/acled_force_excessive.py, acled_force_intervention.py,
acled_force_verdict.py, acled_crowds.force_as_grievance): serious or lethal harm to a demonstration's
crowd (beatings too) is excessive force against protesters, an attack told as harm done while a
demonstration was dispersed is too, the state stepping in told in words is an intervention and force
told as a demonstration's grievance is none, harm that set a demonstration off is the event, the state
named as the agent of a passive verb is actor 1, and who ACLED's actor 1 is for excessive force.
Invented sentences and hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.evaluate.acled_crowds import force_as_grievance, state_intervention
from eventscope.evaluate.acled_force_excessive import excessive_force, force_on_crowd, serious_harm_told
from eventscope.evaluate.acled_force_intervention import grievance_not_force, intervention_told
from eventscope.evaluate.acled_force_verdict import (
    background_violence,
    excessive_force_inter1,
    harm_sparked_demonstration,
    state_agent_of_passive,
)
from eventscope.evaluate.acled_notes import code_note
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.ontology import crosswalk

EF = "Excessive force against protesters"
PWI = "Protest with intervention"


def _at(text: str, word: str) -> Evidence:
    start = text.index(word)
    return Evidence("a", start, start + len(word), word)


def _mention(
    text: str,
    trigger: str,
    plover: str = "ASSAULT",
    mode: str | None = None,
    *,
    actor: tuple[str, ActorKind | None] | None = None,
    recipient: tuple[str, ActorKind | None] | None = None,
    sentence: str | None = None,
) -> Mention:
    """A mention of ``text`` coded through the crosswalk; ``sentence``: its sentence, when the text
    has several."""
    kind = actor[1] if actor is not None else None
    hit = recipient[1] if recipient is not None else None
    said = sentence or text
    start = text.index(said)
    return Mention(
        id=f"m-{trigger}",
        article_id="a",
        sentence=Evidence("a", start, start + len(said), said),
        trigger=_at(text, trigger),
        type=crosswalk(plover, mode, actor_kind=kind, recipient_kind=hit),
        actor=ActorRef(_at(text, actor[0]), kind=kind) if actor is not None else None,
        recipient=ActorRef(_at(text, recipient[0]), kind=hit) if recipient is not None else None,
    )


def _dispersal(text: str, trigger: str = "dispersed") -> Mention:
    """Force on a crowd as the note coding reads it: the state's intervention (Protest with
    intervention)."""
    return _mention(
        text,
        trigger,
        "COERCE",
        actor=("Police", ActorKind.STATE_FORCES),
        recipient=("crowd", ActorKind.PROTESTERS),
    )


# --- serious or lethal harm told with a demonstration -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Traders marched to the county office. Police dispersed the crowd and shot two of them dead.",
        "Police dispersed the crowd of teachers, seriously injuring four of them.",
        "Police dispersed the crowd by shooting into it. A boy was killed during the protest.",
        "Three marchers were shot and wounded as Police dispersed the crowd.",
        # live ammunition with people wounded, told after the demonstration
        "Hawkers demonstrated. Police dispersed the crowd with live bullets. Five were wounded.",
    ],
)
def test_serious_harm_to_the_crowd_is_excessive_force(text: str) -> None:
    assert serious_harm_told(text)
    coded = excessive_force(_dispersal(text), text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Protests", EF)


@pytest.mark.parametrize(
    "text",
    [
        # plain injuries: an intervention (the codebook asks for serious ones)
        "Police dispersed the crowd of farmers with tear gas. Several people were injured.",
        # denied
        "Police dispersed the crowd of nurses; no serious injuries were reported.",
        # shots in the air or at the crowd, no one hit
        "Police shot in the air and dispersed the crowd of students.",
        "Police shot at protesters and dispersed the crowd.",
        # live ammunition, but no one hurt
        "Police dispersed the crowd using live bullets. Nobody was injured.",
        # what the demonstration is about
        "Riders marched to protest the killing of a colleague by police. Police dispersed the crowd.",
        "Residents demonstrated demanding justice for a girl who was shot. Police dispersed the crowd.",
        # an earlier event
        "Police dispersed the crowd mourning a man beaten to death by guards two weeks before.",
        # a harm referred to
        "Police dispersed the crowd. The marchers want the recent killing investigated.",
        # what set the demonstration off
        "Police dispersed the crowd after a guard shot dead a hawker, sparking protests.",
    ],
)
def test_other_harm_leaves_an_intervention(text: str) -> None:
    assert not serious_harm_told(text)
    assert excessive_force(_dispersal(text), text).type.acled_sub_type == PWI


def test_a_peaceful_protest_needs_the_forces_named() -> None:
    text = "Villagers marched to the chief's office. One marcher collapsed and died during the protest."
    march = _mention(text, "marched", "PROTEST", "demo", actor=("Villagers", ActorKind.PROTESTERS))
    assert march.type.acled_sub_type == "Peaceful protest"
    assert excessive_force(march, text).type.acled_sub_type == "Peaceful protest"
    with_police = text + " Police were at the scene."
    assert excessive_force(march, with_police).type.acled_sub_type == EF


# --- an attack on civilians told as force on a demonstration ----------------------------------


def _attack(text: str, trigger: str = "shot") -> Mention:
    return _mention(
        text,
        trigger,
        actor=("police", ActorKind.STATE_FORCES),
        recipient=("man", ActorKind.CIVILIANS),
    )


def test_an_attack_while_dispersing_demonstrators_is_excessive_force() -> None:
    text = "Witnesses said police shot dead a man as they used live rounds to disperse the protesters."
    attack = _attack(text)
    assert attack.type.acled_type == "Violence against civilians"
    coded = force_on_crowd(attack, text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Protests", EF)


@pytest.mark.parametrize(
    "text",
    [
        # a bystander: the codebook keeps force on non-participants as an attack on civilians
        "Witnesses said police shot dead a man, a bystander, as they dispersed the protesters.",
        # no demonstration
        "Witnesses said police shot dead a man at a roadblock near the market.",
    ],
)
def test_an_attack_on_others_stays_an_attack(text: str) -> None:
    assert force_on_crowd(_attack(text), text).type.acled_type == "Violence against civilians"


# --- harm that set a demonstration off -----------------------------------------------------------


def test_harm_that_sparked_a_demonstration_is_the_event() -> None:
    text = "Police shot dead a taxi driver in the town, sparking protests by his colleagues."
    protest = _mention(text, "protests", "PROTEST", "demo", actor=("colleagues", ActorKind.PROTESTERS))
    coded = harm_sparked_demonstration(protest, text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Violence against civilians", "Attack")
    assert coded.actor is not None and coded.actor.kind is ActorKind.STATE_FORCES
    followed = "Guards beat a hawker at the gate. A protest against the act followed."
    march = _mention(followed, "protest", "PROTEST", "demo")
    assert harm_sparked_demonstration(march, followed).type.acled_type == "Violence against civilians"


@pytest.mark.parametrize(
    "text",
    [
        # the demonstration leads: the harm is its background
        "Riders protested in the town after police shot dead a colleague.",
        "After police shot dead a rider, his colleagues protested in the town.",
        # no consequence told
        "Police shot dead a rider in the town. Riders protested the next week.",
    ],
)
def test_a_demonstration_that_leads_stays_a_demonstration(text: str) -> None:
    word = "protested"
    protest = _mention(text, word, "PROTEST", "demo")
    assert harm_sparked_demonstration(protest, text).type.acled_type == "Protests"


# --- the state as the agent of a passive verb ----------------------------------------------------


def test_the_state_named_after_by_is_the_actor_of_an_attack() -> None:
    text = "On Monday, three young men were beaten and injured allegedly by the police in the village."
    beaten = _mention(text, "beaten", recipient=("three young men", ActorKind.RIOTERS))
    assert beaten.type.acled_type == "Riots"
    coded = state_agent_of_passive(beaten, text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Violence against civilians", "Attack")
    assert coded.actor is not None and coded.actor.kind is ActorKind.STATE_FORCES
    assert coded.recipient is not None and coded.recipient.kind is ActorKind.CIVILIANS


@pytest.mark.parametrize(
    "text",
    [
        # a demonstration or a crowd: the crowd rules code it
        "On Monday, three young men were beaten by the police during a protest in the village.",
        "On Monday, three young men were beaten by the police as a mob gathered in the village.",
        # not the state
        "On Monday, three young men were beaten by their neighbours in the village.",
    ],
)
def test_other_passives_are_left(text: str) -> None:
    beaten = _mention(text, "beaten", recipient=("three young men", ActorKind.RIOTERS))
    assert state_agent_of_passive(beaten, text) is beaten


# --- ACLED's actor 1 for excessive force ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Police shot two marchers dead during a protest in the town.", 1),
        ("12 May. Two demonstrators were shot and wounded by soldiers during a protest.", 1),
        ("Two people were killed during protests in the town. Police were deployed.", None),
        ("Residents protested against police brutality in the town. Two were shot dead.", None),
    ],
)
def test_excessive_force_actor_one(text: str, code: int | None) -> None:
    ef = crosswalk("ASSAULT", None, recipient_kind=ActorKind.PROTESTERS, fatalities=True)
    force = replace(_mention(text, "protest"), type=ef)
    assert excessive_force_inter1(force, text) == code


def test_inter1_is_left_for_other_sub_types() -> None:
    text = "Police dispersed the crowd of marchers with tear gas."
    assert excessive_force_inter1(_dispersal(text), text) is None


# --- through the note coding ------------------------------------------------------------------


def test_code_note_reads_excessive_force() -> None:
    text = "Nurses marched to the ministry. Police dispersed the crowd, shooting one nurse dead."
    march = _mention(
        text,
        "marched",
        "PROTEST",
        "demo",
        actor=("Nurses", ActorKind.PROTESTERS),
        sentence="Nurses marched to the ministry.",
    )
    dispersal = _mention(
        text,
        "dispersed",
        "COERCE",
        actor=("Police", ActorKind.STATE_FORCES),
        recipient=("crowd", ActorKind.PROTESTERS),
        sentence="Police dispersed the crowd, shooting one nurse dead.",
    )
    coded = code_note(march, [march, dispersal], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Protests", EF)
    calm = "Nurses marched to the ministry. Police dispersed the crowd with tear gas."
    march2 = _mention(
        calm,
        "marched",
        "PROTEST",
        "demo",
        actor=("Nurses", ActorKind.PROTESTERS),
        sentence="Nurses marched to the ministry.",
    )
    dispersal2 = _mention(
        calm,
        "dispersed",
        "COERCE",
        actor=("Police", ActorKind.STATE_FORCES),
        recipient=("crowd", ActorKind.PROTESTERS),
        sentence="Police dispersed the crowd with tear gas.",
    )
    assert code_note(march2, [march2, dispersal2], calm).type.acled_sub_type == PWI


# --- beatings of demonstrators --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excessive"),
    [
        ("Police beat the marchers with batons and dispersed the crowd.", True),
        ("The protesters were then beaten with iron bars by a gang. Police dispersed the crowd.", True),
        ("Police shoot marchers at a rally and dispersed the crowd.", True),
        # sexual assault is what the demonstration is about, not force on it
        ("Women marched against sexual assaults. Police dispersed the crowd.", False),
        # told in passing of someone else
        ("Parents gathered for children who were beaten by guards. Police dispersed the crowd.", False),
    ],
)
def test_beating_the_crowd_is_excessive_force(text: str, excessive: bool) -> None:
    assert serious_harm_told(text) is excessive


# --- interventions told in words ------------------------------------------------------------------


def _march(text: str, word: str = "marched") -> Mention:
    return _mention(text, word, "PROTEST", "demo", actor=(text.split()[0], ActorKind.PROTESTERS))


@pytest.mark.parametrize(
    "text",
    [
        "Farmers marched to the county office. Police intervened.",
        "Teachers marched to the office but were barred by anti-riot police.",
        "Hawkers marched in the town. Police were deployed to disperse them.",
    ],
)
def test_the_state_stepping_in_is_an_intervention(text: str) -> None:
    march = _march(text)
    assert march.type.acled_sub_type == "Peaceful protest"
    assert intervention_told(march, text).type.acled_sub_type == PWI


@pytest.mark.parametrize(
    "text",
    [
        "Farmers marched to the county office. Police did not intervene.",
        "Riders marched after police blocked their stage.",
        "Farmers marched to the county office.",
    ],
)
def test_no_intervention_told(text: str) -> None:
    assert intervention_told(_march(text), text).type.acled_sub_type == "Peaceful protest"


def _arrest(text: str, trigger: str, sentence: str) -> Mention:
    """An arrest coded, as the resolver codes force near a demonstration, as used on its crowd."""
    return _mention(
        text,
        trigger,
        "COERCE",
        actor=("police", ActorKind.STATE_FORCES) if "police" in sentence else None,
        recipient=(trigger, ActorKind.PROTESTERS),
        sentence=sentence,
    )


@pytest.mark.parametrize(
    ("text", "trigger", "sentence"),
    [
        # what the demonstration is about
        (
            "Villagers protested the arrest of a herder.",
            "arrest",
            "Villagers protested the arrest of a herder.",
        ),
        # in passing, of someone else, and earlier
        (
            "Residents marched to free a chief who was arrested the day before.",
            "arrested",
            "Residents marched to free a chief who was arrested the day before.",
        ),
        # background told in its own sentence
        (
            "Drivers marched in the town. Their colleague died after being arrested by police.",
            "arrested",
            "Their colleague died after being arrested by police.",
        ),
    ],
)
def test_force_told_as_grievance_is_no_intervention(text: str, trigger: str, sentence: str) -> None:
    arrest = _arrest(text, trigger, sentence)
    assert arrest.type.acled_sub_type == PWI
    assert grievance_not_force(arrest, text).type.acled_sub_type == "Peaceful protest"


def test_arrests_told_on_their_own_are_the_intervention() -> None:
    text = "Drivers marched in the town over fees. Police arrested six."
    arrest = _arrest(text, "arrested", "Police arrested six.")
    assert grievance_not_force(arrest, text).type.acled_sub_type == PWI
    assert not force_as_grievance(arrest)


def test_a_grievance_is_not_the_state_intervening() -> None:
    text = "Villagers protested the arrest of a herder."
    arrest = _mention(text, "arrest", "COERCE", "arrest")
    assert force_as_grievance(arrest) and not state_intervention(arrest)
    dispersal = "Police arrested the marchers who protested in the town."
    arrested = _mention(dispersal, "arrested", "COERCE", "arrest", actor=("Police", ActorKind.STATE_FORCES))
    assert state_intervention(arrested)


# --- violence told as earlier than the demonstration ------------------------------------------


def _killing(text: str, word: str = "killed") -> Mention:
    sentence = next(s + "." for s in text.split(". ") if word in s)
    victim = next(v for v in ("a man", "the man", "rider", "people") if v in text)
    return _mention(text, word, recipient=(victim, ActorKind.CIVILIANS), sentence=sentence.replace("..", "."))


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Villagers blocked the road with the body of a man killed the day before by bandits.",
            "Peaceful protest",
        ),
        (
            "Youths lit bonfires in the town after a man was killed by guards the previous day.",
            "Violent demonstration",
        ),
        (
            "Traders marched to the council. Two days earlier a man was killed at the market.",
            "Peaceful protest",
        ),
    ],
)
def test_violence_told_as_earlier_is_the_background(text: str, sub_type: str) -> None:
    killing = _killing(text)
    assert killing.type.acled_type == "Violence against civilians"
    assert background_violence(killing, text).type.acled_sub_type == sub_type


@pytest.mark.parametrize(
    "text",
    [
        # no demonstration told
        "Bandits killed a man the day before the market opened in the town.",
        # the violence is the event: no earlier time
        "Bandits killed a man in the town and residents later marched to the police post.",
    ],
)
def test_violence_not_told_as_earlier_stays(text: str) -> None:
    killing = _killing(text)
    assert background_violence(killing, text) is killing


@pytest.mark.parametrize(
    "text",
    [
        "After a rider was killed by a guard, his colleagues marched to the police post.",
        "Shortly after the man was killed near the mosque a crowd gathered to protest the act.",
        "Students demanded better security following the many cases of people killed in the city.",
    ],
)
def test_violence_in_an_after_adjunct_of_a_demonstration_is_the_background(text: str) -> None:
    killing = _killing(text)
    assert background_violence(killing, text).type.acled_type == "Protests"


def test_violence_in_an_after_adjunct_with_no_demonstration_stays() -> None:
    text = "After a rider was killed by a guard, police opened an inquiry."
    killing = _killing(text)
    assert background_violence(killing, text) is killing
