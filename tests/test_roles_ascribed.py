"""An act pinned on a party by the sentence, with the real parser: "an attack attributed to X", "killings
blamed on X", "police blamed the killing on X" (the party is the actor, never the recipient)."""

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
