"""Trigger rules for how short news reports are written: headline-style verbs the tagger reads as nouns,
weapons that set an attack's mode, words that must modify a trigger, demonstrations that carry the
violence they govern, and the ACLED-codebook vocabulary families (two-sided combat, crowd fights,
property destruction, strikes, taking to the streets). Example sentences are written for the tests."""

from __future__ import annotations

import pytest

from eventscope.extract.triggers import load_trigger_lexicon, parse_lexicon
from eventscope.models import ActorKind
from eventscope.resolve.ontology import PLOVER_MODES
from tests.extraction import assert_coded, extract_drafts


def _drafts(nlp, text: str):  # type: ignore[no-untyped-def]
    return extract_drafts(nlp, text)


def _found(nlp, text: str) -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {
        d.mention.trigger.text: (d.mention.type.plover, d.mention.type.plover_mode)
        for d in _drafts(nlp, text)
    }


def test_new_rule_fields_are_read() -> None:
    data = {
        "triggers": [{"lemma": "shot", "pos": ["NOUN"], "plover": "ASSAULT", "needs_child": ["dead"]}],
        "armed_words": [],
        "weapon_modes": {"Grenade": "grenade"},
    }
    lexicon = parse_lexicon(data)
    assert lexicon.rules[("shot", "NOUN")].needs_child == ("dead",)
    assert lexicon.weapon_modes == {"grenade": "grenade"}


def test_weapon_modes_are_plover_modes() -> None:
    lexicon = load_trigger_lexicon()
    assert lexicon.weapon_modes["grenade"] == "grenade"
    assert set(lexicon.weapon_modes.values()) <= set(PLOVER_MODES["ASSAULT"])


def test_headline_verb_forms_come_from_verb_rules() -> None:
    forms = load_trigger_lexicon().headline_verbs
    assert forms["lynches"] == "lynch"
    assert forms["kidnaps"] == "kidnap"
    assert "lynching" not in forms  # a noun rule, not a verb form


# (sentence, trigger word, PLOVER type, mode or None for "any")
EXAMPLES = [
    ("Residents lynch man accused of stealing", "lynch", "ASSAULT", "mob"),
    ("Mob lynches man suspected of theft", "lynches", "ASSAULT", "mob"),
    ("Five shot dead by armed bandits near the well", "shot", "ASSAULT", "firearms"),
    ("Two people died in a grenade attack on a bar.", "attack", "ASSAULT", "grenade"),
    ("Militiamen attacked the village with machetes.", "attacked", "ASSAULT", "primitive"),
    ("Police and bandits were killed in a shootout near the border.", "shootout", "FIGHT", None),
    ("A brawl broke out between rival groups outside the stadium.", "brawl", "FIGHT", None),
    ("Rebels set the market ablaze before dawn.", "set", "ASSAULT", "destroy"),
    ("Looters destroyed shops and cars in the town centre.", "destroyed", "ASSAULT", "destroy"),
    ("Council workers went on strike over unpaid salaries.", "strike", "PROTEST", "strike-gen"),
    ("The union called a general strike.", "strike", "PROTEST", "strike-gen"),
    ("The strike by doctors entered its third week.", "strike", "PROTEST", "strike-gen"),
    ("Police fired tear gas at the crowd.", "fired", "COERCE", None),
    ("Protesters took to the streets of the capital on Monday.", "took", "PROTEST", "demo"),
    ("Drivers protested the fuel price rise by barricading the highway.", "protested", "PROTEST", "riot"),
    ("Youths hurled stones at passing police cars.", "hurled", "ASSAULT", "primitive"),
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover", "mode"), EXAMPLES, ids=[e[1] + ":" + e[2] for e in EXAMPLES]
)
def test_example(nlp, text: str, word: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    assert_coded(_found(nlp, text), word, plover, mode)


@pytest.mark.model
def test_a_headline_verb_read_as_a_noun_takes_its_subject_and_object(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = _drafts(nlp, "Unknown attackers from South Sudan shoot KDF soldier")
    shoot = next(d.mention for d in drafts if d.mention.trigger.text == "shoot")
    assert shoot.actor is not None and "attackers" in shoot.actor.evidence.text
    assert shoot.recipient is not None and "soldier" in shoot.recipient.evidence.text


@pytest.mark.model
def test_stones_imply_a_crowd(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = _drafts(nlp, "Stones were thrown at the governor's convoy in the town.")
    thrown = next(d for d in drafts if d.mention.trigger.text == "thrown")
    assert thrown.implied_actor is ActorKind.RIOTERS


@pytest.mark.model
def test_a_protest_acted_on_stays_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Police dispersed the demonstration with tear gas.")
    assert found["dispersed"][0] == "COERCE"
    assert found["demonstration"] == ("PROTEST", "demo")


@pytest.mark.model
def test_what_a_protest_is_about_does_not_make_it_violent(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Residents protested over a road damaged by heavy rains.")
    assert found["protested"] == ("PROTEST", "demo")


@pytest.mark.model
def test_violence_a_protest_followed_is_its_cause_not_its_violence(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Residents protested after a man was burnt by soldiers in the town.")
    assert found["protested"] == ("PROTEST", "demo")
    found = _found(nlp, "Traders demonstrated because their stalls were torched by council officers.")
    assert found["demonstrated"] == ("PROTEST", "demo")
    # the demonstrators' own violence still makes it a riot
    assert _found(nlp, "Students protested by burning a bus on the main road.")["protested"] == (
        "PROTEST",
        "riot",
    )


@pytest.mark.model
def test_a_strike_without_a_word_of_labour_is_not_a_labour_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    # war news: "the strike" is the air strike the article is about, never a walkout
    assert _found(nlp, "The strike flattened a building on the edge of the old market.").get("strike") is None
    found = _found(nlp, "A resident who saw the strike said the whole street shook.")
    assert found.get("strike", ("", ""))[0] != "PROTEST"


@pytest.mark.model
def test_business_and_sport_senses_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "strike" not in _found(nlp, "The option has a strike price of ten dollars.")
    assert "destroyed" not in _found(nlp, "The scandal destroyed his reputation.")
    assert "slashed" not in _found(nlp, "The airline slashed prices on Monday.")


@pytest.mark.model
def test_a_running_total_since_a_point_is_no_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    # a vague count in the present perfect counted "since": a total over a period, not one event
    assert _found(nlp, "Officials say the raids have killed hundreds of people since the truce began.") == {}
    assert _found(nlp, "The war has killed thousands of civilians since January, the agency said.") == {}
    # a precise count, or a plain past tense, still tells of a happening
    clashes = _found(nlp, "Clashes have killed 12 people since Monday in the northern town.")
    assert clashes["Clashes"][0] == "FIGHT"
    assert _found(nlp, "Gunmen killed hundreds of villagers in the town on Sunday.")["killed"][0] == "ASSAULT"


@pytest.mark.model
def test_by_the_roadside_is_a_place_not_a_roadside_bomb(nlp) -> None:  # type: ignore[no-untyped-def]
    dumped = _found(nlp, "The bodies of two men were dumped by the roadside near the market.")
    assert dumped["dumped"] == ("ASSAULT", None)
    # as a modifier it still names the weapon
    assert _found(nlp, "A roadside blast killed three soldiers on the highway.")["blast"] == (
        "ASSAULT",
        "explosives",
    )
