"""Generic agents of lexicon/agents.yaml: unarmed people named by what they do or follow are civilians,
one youth is a civilian while youths are rioters, and unnamed perpetrators are an armed group."""

from __future__ import annotations

import pytest

from eventscope.models import ActorKind, Evidence
from eventscope.resolve.actors import ActorDictionary, _agents, load_actor_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()


def kind_of(actors: ActorDictionary, text: str) -> ActorKind | None:
    return actors.resolve(Evidence("a", 0, len(text), text)).kind


@pytest.mark.parametrize(
    "text",
    [
        "supporters",
        "a supporter",
        "followers",
        "boda boda operators",
        "a boda boda rider",
        "riders",
        "hawkers",
        "street vendors",
        "squatters",
        "workers",
        "football fans",
        "mourners",
        "a matatu driver",
        "touts",
        "a youth",
        "youth",
    ],
)
def test_unarmed_people_are_civilians(actors: ActorDictionary, text: str) -> None:
    assert kind_of(actors, text) == ActorKind.CIVILIANS


@pytest.mark.parametrize("text", ["youths", "two youths", "irate youths", "a mob"])
def test_youths_and_mobs_are_rioters(actors: ActorDictionary, text: str) -> None:
    assert kind_of(actors, text) == ActorKind.RIOTERS


@pytest.mark.parametrize(
    "text", ["armed individuals", "the perpetrators", "a perpetrator", "arsonists", "an arsonist"]
)
def test_unnamed_perpetrators_are_an_unidentified_armed_group(actors: ActorDictionary, text: str) -> None:
    ref = actors.resolve(Evidence("a", 0, len(text), text))
    assert ref.kind == ActorKind.POLITICAL_MILITIA and ref.name == "Unidentified Armed Group"


def test_a_listed_head_wins_over_a_singular_derived_in_another_family() -> None:
    data = {
        "families": {
            "rioters": {"kind": "rioters", "name": "Rioters ({country})"},
            "civilians": {"kind": "civilians", "name": "Civilians ({country})"},
        },
        "heads": {"civilians": ["youth"], "rioters": ["youths"]},  # civilians first: order must not matter
    }
    heads = {agent.head: agent.kind for agent in _agents(data)}
    assert heads == {"youth": ActorKind.CIVILIANS, "youths": ActorKind.RIOTERS}
