"""An act pinned on a party by the sentence, with the real parser: "an attack attributed to X", "killings
blamed on X", "police blamed the killing on X" (the party is the actor, never the recipient); the party a
sentence holds responsible for an act it names without an agent: "hold X responsible for", "X's
responsibility for", "accused X of (perpetrating)", "the massacre planned by X", "implicated in"; and
"members of X" (the organisation acts)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventscope.extract.roles import RoleFinder
from eventscope.resolve.actors import ActorDictionary, load_actor_dictionary

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def finder() -> RoleFinder:
    actors: ActorDictionary = load_actor_dictionary()
    return RoleFinder(lambda phrase: actors.lookup(phrase) is not None)


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        (
            "Two people were killed in an attack attributed to al-Shabaab militants.",
            "attack",
            "al-Shabaab militants",
        ),
        ("Three people were killed in an attack blamed on bandits.", "attack", "bandits"),
        ("The attack was attributed to al-Shabaab.", "attack", "al-Shabaab"),
        ("The killings were blamed on cattle rustlers.", "killings", "cattle rustlers"),
        ("Police attributed the killing to bandits.", "killing", "bandits"),
        ("Police blamed the killing on bandits.", "killing", "bandits"),
    ],
)
def test_the_party_an_act_is_pinned_on_is_its_actor(
    nlp: Language, finder: RoleFinder, text: str, word: str, actor: str
) -> None:
    trigger = next(t for t in nlp(text) if t.text == word)
    roles = finder.find(trigger, "ASSAULT")
    assert roles.actor is not None and roles.actor.text == actor
    assert roles.recipient is None or roles.recipient.text != actor


def test_an_attack_on_someone_keeps_its_target(nlp: Language, finder: RoleFinder) -> None:
    trigger = next(t for t in nlp("Bandits staged an attack on herders.") if t.text == "attack")
    roles = finder.find(trigger, "ASSAULT")
    assert roles.recipient is not None and roles.recipient.text == "herders"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("The survivors hold the army responsible for the massacre.", "massacre", "the army"),
        ("We must expose the government's responsibility for that massacre.", "massacre", "the government"),
        (
            "They try to place the responsibility for the assassination on mid-level officers.",
            "assassination",
            "mid-level officers",
        ),
        ("He said two soldiers were implicated in the massacre of the Jesuits.", "massacre", "two soldiers"),
        ("He named the officers implicated in the murder of the priests.", "murder", "the officers"),
        ("Unions are accusing the army of perpetrating the dynamite attack.", "attack", "the army"),
        ("Unions accused the army of the massacre in the village.", "massacre", "the army"),
        ("Opinion was shaken by this massacre planned by the government.", "massacre", "the government"),
        ("He said that members of the army were responsible for the massacre.", "massacre", "the army"),
    ],
)
def test_the_party_held_responsible_is_the_actor(
    nlp: Language, finder: RoleFinder, text: str, word: str, actor: str
) -> None:
    trigger = next(t for t in nlp(text) if t.text == word)
    roles = finder.find(trigger, "ASSAULT")
    assert roles.actor is not None and roles.actor.text == actor


@pytest.mark.parametrize(
    "text",
    [
        "The survivors do not hold the army responsible for the massacre.",
        "The government denied any responsibility for the massacre.",
        "The army denied its responsibility for the massacre.",
        "He said the army was not implicated in the massacre.",
    ],
)
def test_a_denial_names_no_actor(nlp: Language, finder: RoleFinder, text: str) -> None:
    trigger = next(t for t in nlp(text) if t.text == "massacre")
    roles = finder.find(trigger, "ASSAULT")
    assert roles.actor is None or "army" not in roles.actor.text


def test_members_of_an_organisation_act_for_it(nlp: Language, finder: RoleFinder) -> None:
    trigger = next(t for t in nlp("Members of the FMLN attacked the farm.") if t.text == "attacked")
    roles = finder.find(trigger, "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "the FMLN"
