"""ACLED crowd rules of round 8 (evaluate/acled_crowd_verdict.py, acled_crowd_arms.py,
acled_crowd_bystanders.py, acled_crowd_parties.victims_not_actors): a demonstration the note calls
peaceful, fighting between armed sides read as a riot, state force on journalists and bystanders,
attacks by unidentified or armed bands, victims of a passive verb read as a crowd, and vigilantes.
Invented sentences and hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

import pytest

from eventscope.evaluate.acled_crowd_arms import armed_sides
from eventscope.evaluate.acled_crowd_bystanders import force_on_outsiders
from eventscope.evaluate.acled_crowd_parties import partitive_group, victims_not_actors
from eventscope.evaluate.acled_crowd_verdict import (
    armed_band,
    crowd_verdict,
    peaceful_unless_told,
    said_peaceful,
    vigilantes,
)
from eventscope.evaluate.acled_crowds import violence_in_words
from eventscope.evaluate.acled_notes import code_note
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.ontology import crosswalk


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
    """A mention of ``text``; ``sentence``: the sentence it is in, when the text has several."""
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


# --- a demonstration the note calls peaceful ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "peaceful"),
    [
        ("Nurses held a peaceful march to the ministry.", True),
        ("The sit-in ended without incident.", True),
        ("There were no reports of violence at the rally.", True),
        ("The march started peacefully but turned violent in the afternoon.", False),
        ("The rally was peaceful until youths later clashed with guards.", False),
        ("Students marched to the dean's office.", False),
    ],
)
def test_said_peaceful(text: str, peaceful: bool) -> None:
    assert said_peaceful(text) is peaceful


def test_codebook_violence_in_words() -> None:
    assert violence_in_words("The traders lit bonfires and looted two shops.")
    assert not violence_in_words("There were no reports of looting during the march.")
    assert not violence_in_words("Pupils marched against the looting of their school by thieves.")


def test_a_peaceful_march_read_as_a_riot_is_a_protest_with_intervention() -> None:
    text = "Farmers held a peaceful march to the county office but were repulsed by police."
    march = _mention(text, "march", "PROTEST", "riot", actor=("Farmers", ActorKind.RIOTERS))
    coded = peaceful_unless_told(march, [march], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Protests", "Protest with intervention")
    assert coded.actor is not None and coded.actor.kind is ActorKind.PROTESTERS


def test_a_peaceful_march_with_no_intervention_is_a_peaceful_protest() -> None:
    text = "Hundreds of teachers marched peacefully through the town centre."
    march = _mention(text, "marched", "PROTEST", "riot", actor=("teachers", ActorKind.RIOTERS))
    coded = peaceful_unless_told(march, [march], text)
    assert coded.type.acled_sub_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        # the crowd's violence told in the codebook's words wins over "peaceful"
        "Residents held a peaceful march, then lit bonfires on the highway.",
        # a turn to violence
        "The peaceful march turned violent when students reached the gate.",
        # no word of peace: the riot reading stands
        "Students marched to the gate and were dispersed.",
    ],
)
def test_a_riot_stays_a_riot_without_a_peaceful_report(text: str) -> None:
    word = "march" if "march " in text or "march," in text else "marched"
    march = _mention(text, word, "PROTEST", "riot", actor=(text.split()[0], ActorKind.RIOTERS))
    assert peaceful_unless_told(march, [march], text).type.acled_type == "Riots"


# --- fighting between armed sides -----------------------------------------------------------------


def test_an_exchange_of_fire_beside_a_roadblock_is_an_armed_clash() -> None:
    text = "Police exchanged fire with gunmen who had mounted a roadblock on the highway."
    fight = _mention(text, "exchanged", "PROTEST", "riot", actor=("Police", ActorKind.RIOTERS))
    coded = armed_sides(fight)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Battles", "Armed clash")
    assert coded.actor is not None and coded.actor.kind is ActorKind.STATE_FORCES


def test_a_gunfight_that_disrupted_a_rally_is_an_armed_clash() -> None:
    text = "A gunfight between cattle raiders and police disrupted a campaign rally."
    fight = _mention(text, "gunfight", "PROTEST", "riot")
    assert armed_sides(fight).type.acled_type == "Battles"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police clashed with an armed mob at the market.", "clashed"),
        ("Police clashed with youths armed with stones.", "clashed"),
        ("Hawkers clashed with council guards over the new levy.", "clashed"),
    ],
)
def test_a_crowd_fighting_stays_a_riot(text: str, word: str) -> None:
    fight = _mention(text, word, "PROTEST", "riot")
    assert armed_sides(fight).type.acled_type == "Riots"


# --- force on people who were not taking part -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "During a violent protest in the town, police beat a reporter who was filming the crowd.",
            "protest",
        ),
        ("Three photographers were assaulted by police while covering the march.", "march"),
        ("Police fired live rounds to disperse the crowd, wounding a bystander.", "crowd"),
    ],
)
def test_state_force_on_outsiders_is_an_attack_on_civilians(text: str, word: str) -> None:
    riot = _mention(text, word, "PROTEST", "riot")
    coded = force_on_outsiders(riot, text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Violence against civilians", "Attack")
    assert coded.actor is not None and coded.actor.kind is ActorKind.STATE_FORCES


@pytest.mark.parametrize(
    "text",
    [
        # the crowd's violence is told first: the riot is the event
        "Rioters burned a bus before police shot a bystander.",
        # the harm set off the riot
        "A policeman shot a bystander, prompting residents to riot.",
        # told of people the sentence is not about
        "Parents gathered to demand justice for their children who were beaten by police.",
        # demonstrators hurt: force on the demonstration
        "Police shot two protesters during the march.",
        # pupils may be the demonstrators themselves
        "Police beat pupils who had walked out of class.",
    ],
)
def test_force_on_outsiders_needs_them_first_and_named(text: str) -> None:
    riot = _mention(text, text.split()[0], "PROTEST", "riot")
    assert force_on_outsiders(riot, text).type.acled_type == "Riots"


# --- an armed or unidentified band ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Unidentified youths attacked a councillor outside his home.", "youths"),
        ("A shopkeeper was critically injured by a masked group of young men.", "men"),
        ("Armed youths attacked reporters covering the campaign.", "youths"),
    ],
)
def test_an_attack_by_an_armed_or_unknown_band_is_not_a_crowds(text: str, who: str) -> None:
    verb = next(w for w in ("attacked", "injured") if w in text)
    attack = _mention(text, verb, actor=(who, ActorKind.RIOTERS))
    coded = armed_band(attack, [attack], text)
    assert coded.type.acled_type == "Violence against civilians"
    assert coded.actor is not None and coded.actor.kind is ActorKind.POLITICAL_MILITIA


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Youths armed with stones attacked a bus on the highway.", None),
        ("Unidentified youths attacked the marchers near the stadium.", ("marchers", ActorKind.PROTESTERS)),
        ("Angry youths attacked a councillor outside his home.", None),
    ],
)
def test_a_crowd_attack_stays_a_riot(text: str, recipient: tuple[str, ActorKind] | None) -> None:
    who = "Youths" if text.startswith("Youths") else "youths"
    attack = _mention(text, "attacked", actor=(who, ActorKind.RIOTERS), recipient=recipient)
    assert armed_band(attack, [attack], text).type.acled_type == "Riots"


# --- victims of a passive verb read as a crowd -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "victims", "verb", "actor_kind"),
    [
        (
            "Two traders were attacked by soldiers at the market.",
            "Two traders",
            "attacked",
            ActorKind.STATE_FORCES,
        ),
        ("Five farmers hacked to death by raiders.", "Five farmers", "hacked", ActorKind.IDENTITY_MILITIA),
        ("A teacher attacked following a dispute over land.", "A teacher", "attacked", None),
    ],
)
def test_victims_of_a_passive_verb_are_not_a_crowd(
    text: str, victims: str, verb: str, actor_kind: ActorKind | None
) -> None:
    harm = _mention(text, verb, actor=(victims, ActorKind.RIOTERS))
    assert harm.type.acled_type == "Riots"
    coded = victims_not_actors(harm)
    assert coded.type.acled_type != "Riots"
    assert coded.recipient is not None and coded.recipient.evidence.text == victims
    assert coded.recipient.kind is ActorKind.CIVILIANS
    assert (coded.actor.kind if coded.actor is not None else None) in (actor_kind, None)


def test_victims_of_a_passive_verb_by_a_mob_stay_mob_violence() -> None:
    text = "A suspected thief was beaten by an angry mob at the bus stop."
    harm = _mention(text, "beaten", actor=("A suspected thief", ActorKind.RIOTERS))
    coded = victims_not_actors(harm)
    assert coded.type.acled_type == "Riots"
    assert coded.actor is not None and coded.actor.evidence.text == "mob"


@pytest.mark.parametrize(
    "text",
    [
        "Youths attacked a police post at night.",
        "A mob stoned to death a suspected thief.",
        "Youths on Sunday pelted the convoy with stones.",
    ],
)
def test_an_active_verb_keeps_its_crowd(text: str) -> None:
    verb = next(w for w in ("attacked", "stoned", "pelted") if w in text)
    who = "mob" if "mob" in text else "Youths"
    harm = _mention(text, verb, actor=(who, ActorKind.RIOTERS))
    assert victims_not_actors(harm) == harm


# --- part of a group named after a quantifier ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantifier", "verb", "group", "kind"),
    [
        (
            "Some of the protesters assaulted a traffic officer.",
            "Some",
            "assaulted",
            "Some of the protesters",
            ActorKind.RIOTERS,
        ),
        (
            "Many of the angry students stoned the guards.",
            "Many",
            "stoned",
            "Many of the angry students",
            ActorKind.RIOTERS,
        ),
    ],
)
def test_a_quantifier_actor_is_the_group_after_it(
    text: str, quantifier: str, verb: str, group: str, kind: ActorKind
) -> None:
    attack = _mention(
        text,
        verb,
        actor=(quantifier, None),
        recipient=("guards" if "guards" in text else "officer", ActorKind.STATE_FORCES),
    )
    coded = partitive_group(attack)
    assert coded.actor is not None and coded.actor.evidence.text == group and coded.actor.kind is kind


def test_a_quantifier_before_armed_men_is_left_alone() -> None:
    text = "Some of the gunmen fled into the forest after the attack."
    attack = _mention(text, "attack", actor=("Some", None))
    assert partitive_group(attack) == attack


# --- vigilantes ----------------------------------------------------------------------------------


def test_violence_by_vigilantes_is_mob_violence() -> None:
    text = "A vigilante group attacked two suspected cattle thieves."
    fight = _mention(
        text,
        "attacked",
        "FIGHT",
        actor=("A vigilante group", ActorKind.IDENTITY_MILITIA),
        recipient=("two suspected cattle thieves", ActorKind.POLITICAL_MILITIA),
    )
    coded = vigilantes(fight)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Riots", "Mob violence")
    assert coded.actor is not None and coded.actor.kind is ActorKind.RIOTERS


def test_vigilantes_fighting_armed_men_is_left_a_clash() -> None:
    text = "Vigilantes fought off armed bandits who raided the village."
    fight = _mention(
        text,
        "fought",
        "FIGHT",
        actor=("Vigilantes", ActorKind.IDENTITY_MILITIA),
        recipient=("armed bandits", ActorKind.IDENTITY_MILITIA),
    )
    assert vigilantes(fight) == fight


def test_violence_by_others_is_left_to_the_other_rules() -> None:
    text = "Militiamen attacked two herders near the river."
    attack = _mention(text, "attacked", actor=("Militiamen", ActorKind.IDENTITY_MILITIA))
    assert vigilantes(attack) == attack


# --- through the note coding --------------------------------------------------------------------


def test_code_note_reads_a_peaceful_demonstration() -> None:
    text = "Vendors staged a peaceful demonstration and were later dispersed by police with tear gas."
    demo = _mention(text, "demonstration", "PROTEST", "riot", actor=("Vendors", ActorKind.RIOTERS))
    coded = code_note(demo, [demo], text)
    assert coded.type.acled_type == "Protests"


def test_crowd_verdict_leaves_other_events_alone() -> None:
    text = "Soldiers killed two militants in a raid on their camp."
    raid = _mention(
        text,
        "killed",
        actor=("Soldiers", ActorKind.STATE_FORCES),
        recipient=("two militants", ActorKind.POLITICAL_MILITIA),
    )
    assert crowd_verdict(raid, [raid], text) == raid
