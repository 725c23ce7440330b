"""ACLED coding of violence, round 7: the unnamed perpetrator of election violence, property destroyed
in fighting, an armed group's members killed by state forces in the passive, responders that are not
perpetrators, and people seized (abducted, or arrested by the police). Hand-written notes and
hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventscope.config import Settings
from eventscope.evaluate.acled_notes import code_note
from eventscope.evaluate.acled_passive import members_killed_by_forces
from eventscope.evaluate.acled_violence_words import (
    armed_object,
    communal_fight,
    fighting,
    harm_in_arrest,
    mine_struck,
)
from eventscope.models import ActorKind, ActorRef, Article, EventType, Evidence, Mention, Modality
from eventscope.pipeline import build_pipeline
from eventscope.resolve.acled_coding import (
    armed_actor_named,
    armed_party_harmed,
    mob_justice,
    unarmed_official,
    unnamed_perpetrator,
)
from eventscope.resolve.acled_communal import communal_sides
from tests.extraction import found_types

ATTACK = EventType("ASSAULT", None, "Violence against civilians", "Attack", "18")
DESTROY = EventType("ASSAULT", "destroy", "Strategic developments", "Looting/property destruction", "17")


def _mention(text: str, trigger: str, kind: EventType = ATTACK, recipient: str | None = None) -> Mention:
    start = text.index(trigger)
    target = None
    if recipient is not None:
        at = text.index(recipient)
        target = ActorRef(Evidence("a", at, at + len(recipient), recipient))
    return Mention(
        id="m",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=kind,
        recipient=target,
        modality=Modality.ASSERTED,
    )


# --- a note that names its strategic development


# --- the unnamed perpetrator of election violence


def test_election_violence_by_unnamed_men_is_a_political_militias() -> None:
    text = "Two men were hacked to death in the estate during post-election ethnic violence."
    assert unnamed_perpetrator([], text) is ActorKind.POLITICAL_MILITIA
    text = "A shop was burnt in election-related violence in the market town."
    assert unnamed_perpetrator([], text) is ActorKind.POLITICAL_MILITIA


def test_election_violence_between_communities_stays_communal() -> None:
    text = "Five were killed in post-election clashes between rival clans near the river."
    assert communal_sides(text)
    assert unnamed_perpetrator([], text) is ActorKind.IDENTITY_MILITIA
    text = "Houses were torched in post-election fighting between Pokot and Turkana herders."
    assert unnamed_perpetrator([], text) is ActorKind.IDENTITY_MILITIA
    assert unnamed_perpetrator([], "Ethnic clashes after the poll left four dead.") is (
        ActorKind.IDENTITY_MILITIA
    )


def test_without_an_election_ethnic_words_still_make_it_communal() -> None:
    text = "Two herders were killed in renewed ethnic violence over grazing land."
    assert unnamed_perpetrator([], text) is ActorKind.IDENTITY_MILITIA


# --- property destroyed in fighting


def test_houses_burnt_in_clashes_are_the_clash() -> None:
    text = "Twenty houses were burnt in the valley after clashes between two communities over water."
    coded = code_note(_mention(text, "burnt", DESTROY, recipient="Twenty houses"), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Battles", "Armed clash")


def test_houses_burnt_without_fighting_stay_destruction() -> None:
    text = "Twenty houses were burnt in the valley overnight. No clashes were reported."
    assert not fighting(text)
    coded = code_note(_mention(text, "burnt", DESTROY, recipient="Twenty houses"), [], text)
    assert coded.type.acled_sub_type == "Looting/property destruction"


# --- an armed group's members killed by state forces, told in the passive


def test_suspected_members_killed_by_police_are_a_battle() -> None:
    text = "Four suspected gang members killed on Sunday by police in the slum."
    main = _mention(text, "killed")
    parties = members_killed_by_forces(main, text)
    assert parties is not None
    actor, target = parties
    assert actor.kind is ActorKind.STATE_FORCES and actor.evidence.text == "police"
    assert target.kind is ActorKind.POLITICAL_MILITIA
    coded = code_note(main, [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Battles", "Armed clash")


def test_named_group_suspects_killed_by_soldiers() -> None:
    text = "Two Blackhand suspects shot dead by soldiers near the forest."
    assert members_killed_by_forces(_mention(text, "shot"), text) is not None


def test_civilians_killed_by_police_or_members_killed_by_gunmen_are_not() -> None:
    text = "Two traders killed by police at a roadblock."
    assert members_killed_by_forces(_mention(text, "killed"), text) is None
    text = "Two suspected gang members killed by gunmen at a bar."
    assert members_killed_by_forces(_mention(text, "killed"), text) is None


# --- responders are not perpetrators


def test_police_who_suspect_or_find_are_not_the_perpetrators() -> None:
    text = "A teacher went missing in the town. Police suspect she was kidnapped on her way home."
    assert armed_actor_named(text) is None
    text = "On Monday police found the bodies of two men in a sugar plantation."
    assert armed_actor_named(text) is None
    text = "Police shot dead two men at a market."
    assert armed_actor_named(text) is ActorKind.STATE_FORCES


# --- property destroyed in mob justice or in an attack


def test_homes_of_suspected_witches_burnt_by_villagers_are_mob_violence() -> None:
    text = "Villagers torched the homes of two women suspected of witchcraft in the hills."
    coded = code_note(_mention(text, "torched", DESTROY, recipient="the homes"), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Riots", "Mob violence")


def test_houses_razed_in_an_attack_are_the_attack() -> None:
    text = "A farm was attacked at dawn and several houses razed by unknown men."
    coded = code_note(_mention(text, "razed", DESTROY, recipient="several houses"), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Violence against civilians", "Attack")
    text = "Several houses were razed at dawn by unknown men."
    coded = code_note(_mention(text, "razed", DESTROY, recipient="Several houses"), [], text)
    assert coded.type.acled_sub_type == "Looting/property destruction"


# --- a mine or roadside bomb struck


def test_harm_when_a_vehicle_hits_a_mine_is_an_explosion() -> None:
    text = "Three passengers were killed when their minibus hit a roadside bomb near the border."
    coded = code_note(_mention(text, "killed"), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert mine_struck("A patrol lorry was hit by an IED on the road.")


def test_a_mine_followed_by_an_ambush_is_not_only_the_mine() -> None:
    assert not mine_struck("The convoy was ambushed after a lorry ran over a landmine.")
    assert not mine_struck("Two men were shot dead at a bar in the town.")


# --- neighbours fighting over land, water or livestock


FIGHT = EventType("FIGHT", None, "Riots", "Mob violence", "14")


def _fight(text: str, trigger: str, actor: str, kind: ActorKind) -> Mention:
    at = text.index(actor)
    return replace(
        _mention(text, trigger, FIGHT), actor=ActorRef(Evidence("a", at, at + len(actor), actor), kind=kind)
    )


def test_farmers_and_herders_fighting_over_water_are_communal_militias() -> None:
    text = "Farmers and herders clashed over a water point near the dam, injuring six."
    assert communal_fight(text, text)
    coded = code_note(_fight(text, "clashed", "Farmers and herders", ActorKind.RIOTERS), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Battles", "Armed clash")
    assert coded.actor is not None and coded.actor.kind is ActorKind.IDENTITY_MILITIA


def test_residents_fighting_police_or_supporters_clashing_are_not() -> None:
    text = "Residents clashed with police over a land survey in the village."
    assert not communal_fight(text, text)
    text = "Supporters of two candidates clashed at a rally over seats."
    coded = code_note(_fight(text, "clashed", "Supporters", ActorKind.RIOTERS), [], text)
    assert coded.type.acled_type == "Riots"


# --- people seized are abducted (the trigger lexicon)


@pytest.mark.model
def test_people_seized_are_abducted_places_are_taken(nlp) -> None:  # type: ignore[no-untyped-def]
    assert found_types(nlp, "Gunmen seized two tourists near the beach.")["seized"] == ("ASSAULT", "abduct")
    found = found_types(nlp, "Three aid workers were seized from their compound by armed men.")
    assert found["seized"] == ("ASSAULT", "abduct")
    assert found_types(nlp, "Rebels seized the town after heavy fighting.")["seized"][0] == "COERCE"


# --- armed people a headline verb takes as its object


def test_an_attack_on_police_is_a_battle_when_the_parse_lost_the_object() -> None:
    text = "Separatists attack police officers at their camp"
    target = armed_object(_mention(text, "attack"), text)
    assert target is not None and target.kind is ActorKind.STATE_FORCES
    coded = code_note(_mention(text, "attack"), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Battles", "Armed clash")
    text = "Armed raiders attack and battle police outside the town"
    assert armed_object(_mention(text, "attack"), text) is not None
    text = "A gang attacks the police station and steals rifles"
    assert armed_object(_mention(text, "attacks"), text) is not None


def test_an_attack_on_villagers_or_a_guard_is_not() -> None:
    text = "Bandits attack villagers near the river"
    assert armed_object(_mention(text, "attack"), text) is None
    text = "Herders attack a guard at a ranch"
    assert armed_object(_mention(text, "attack"), text) is None


# --- officers of a civilian office are no armed side


def test_officers_of_a_civilian_office_are_unarmed() -> None:
    assert not armed_party_harmed("A Red Cross officer was shot dead near the camp.")
    assert not armed_party_harmed("Two electoral officers were injured at the tallying centre.")
    assert armed_party_harmed("Two police officers were injured at the tallying centre.")
    target = ActorRef(Evidence("a", 0, 21, "the presiding officer"), kind=ActorKind.STATE_FORCES)
    assert unarmed_official(target)
    police = ActorRef(Evidence("a", 0, 18, "the police officer"), kind=ActorKind.STATE_FORCES)
    assert not unarmed_official(police)


# --- vigilantes and mob justice


def test_vigilantes_violence_is_mob_justice() -> None:
    vigilantes = ActorRef(Evidence("a", 0, 17, "A vigilante group"), kind=ActorKind.IDENTITY_MILITIA)
    assert mob_justice(vigilantes, "A vigilante group beat two men to death at the market.")
    assert mob_justice(None, "Two men were beaten to death by vigilantes at the market.")


def test_offenders_the_crowd_took_them_for_make_mob_justice() -> None:
    assert mob_justice(None, "Residents beat two men to death after they allegedly stole a goat.")
    assert mob_justice(None, "A crowd attacked and killed a man they suspect of murder.")
    assert mob_justice(None, "An officer was killed when a crowd mistook him for a thief.")
    assert not mob_justice(None, "Residents beat two men to death at the market.")
    gunmen = ActorRef(Evidence("a", 0, 6, "Gunmen"), kind=ActorKind.POLITICAL_MILITIA)
    assert not mob_justice(gunmen, "Gunmen killed a man they suspect of theft.")


# --- harm in an arrest


ARREST = EventType("COERCE", "arrest", "Strategic developments", "Arrests", "17")


def test_people_beaten_or_found_dead_in_an_arrest_are_the_event() -> None:
    text = "Police arrest and beat a hawker to death in the market."
    assert harm_in_arrest(text)
    coded = code_note(_mention(text, "arrest", ARREST), [], text)
    assert (coded.type.acled_type, coded.type.acled_sub_type) == ("Violence against civilians", "Attack")
    assert harm_in_arrest("Soldiers detained four herders. Two of them were later found dead.")


def test_the_harm_an_arrest_was_made_for_is_not() -> None:
    text = "Police arrested an officer who shot dead two colleagues at a bar."
    assert not harm_in_arrest(text)
    coded = code_note(_mention(text, "arrested", ARREST), [], text)
    assert coded.type.acled_sub_type == "Arrests"
    assert not harm_in_arrest("Police arrested ten men in connection with an attack which killed four.")


@pytest.mark.model
def test_people_the_police_seize_are_arrested_not_abducted(tmp_path: Path) -> None:
    pipeline = build_pipeline(Settings(db=f"sqlite:///{tmp_path / 's.db'}"))
    texts = [
        "Police seized two men at the market in the town of Garissa on Monday, officials said.",
        "Gunmen seized two foreign engineers at a road block near Mandera on Monday, police said.",
    ]
    articles = [
        Article(id=f"s{i}", text=t, published_at=datetime(2026, 1, 5, tzinfo=UTC))
        for i, t in enumerate(texts)
    ]
    police, gunmen = ([m for m in ms if m.trigger.text == "seized"] for ms in pipeline.extract(articles))
    pipeline.store.close()
    assert [m.type.acled_sub_type for m in police] == ["Arrests"]
    assert [m.type.acled_sub_type for m in gunmen] == ["Abduction/forced disappearance"]
