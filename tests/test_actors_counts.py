"""Named actors behind counts, articles, hyphens and case: "four al-shabaab members" is Al-Shabaab."""

from __future__ import annotations

import pytest

from eventscope.models import Evidence
from eventscope.resolve.actors import ActorDictionary, load_actor_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("four al-shabaab members", "al-shabaab"),
        ("Four Al-Shabaab militants", "al-shabaab"),
        ("FOUR AL-SHABAAB MEMBERS", "al-shabaab"),
        ("4 al shabaab fighters", "al-shabaab"),
        ("twenty-five Al Shabaab militants", "al-shabaab"),
        ("at least 20 suspected al-Shabab militants", "al-shabaab"),
        ("an al-Shabaab fighter", "al-shabaab"),
        ("one of the al-Shabaab fighters", "al-shabaab"),
        ("a KDF soldier", "military-ke"),
        ("two Kenyan police officers", "police-ke"),
    ],
)
def test_counts_before_a_name_are_stripped(actors: ActorDictionary, text: str, actor_id: str) -> None:
    ref = actors.resolve(Evidence("a", 0, len(text), text))
    assert ref.canonical_id == actor_id


@pytest.mark.parametrize("text", ["three gunmen", "4 bandits", "a youth"])
def test_counts_before_a_generic_head_leave_no_name(actors: ActorDictionary, text: str) -> None:
    ref = actors.resolve(Evidence("a", 0, len(text), text))
    assert ref.canonical_id is None and ref.kind is not None


def test_a_count_alone_names_no_one(actors: ActorDictionary) -> None:
    assert actors.lookup("four") is None and actors.lookup("20") is None and actors.lookup("a") is None
