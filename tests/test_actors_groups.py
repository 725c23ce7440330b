"""Named armed groups in running text (ActorDictionary.find_groups), and aliases that are words."""

from __future__ import annotations

import pytest

from eventscope.models import ActorKind
from eventscope.resolve.actors import ActorDictionary, load_actor_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()


def test_groups_are_found_in_text_order_with_their_offsets(actors: ActorDictionary) -> None:
    text = (
        "THE ARMY OF NATIONAL LIBERATION (ELN) CLAIMED THE ATTACK; THE POLICE BLAMED THE "
        "CINCHONERO POPULAR LIBERATION MOVEMENT AND SENDERO LUMINOSO. THE ARMY DENIED IT."
    )
    found = actors.find_groups(text, "a1")
    assert [g.canonical_id for g in found] == ["eln", "eln", "cinchoneros", "shining-path"]
    first = found[0]
    assert text[first.evidence.start : first.evidence.end] == "ARMY OF NATIONAL LIBERATION"
    assert first.evidence.article_id == "a1" and first.kind == ActorKind.REBEL_GROUP
    # state forces and generic words are not groups
    assert actors.find_groups("The army and the police said gunmen attacked.") == []


def test_apostrophes_and_hyphens_in_text(actors: ActorDictionary) -> None:
    found = actors.find_groups("the People's Revolutionary Army and the M-19 struck")
    assert [g.canonical_id for g in found] == ["erp-el-salvador", "m-19"]


def test_words_that_are_not_names(actors: ActorDictionary) -> None:
    assert actors.lookup("car") is None  # "a car bomb"
    assert actors.lookup("CAR") is not None  # the Central African Republic
    traffickers = actors.lookup("drug traffickers")  # anywhere, not one cartel
    assert traffickers is None or traffickers.id != "medellin-cartel"


def test_armed_groups_of_other_conflicts(actors: ActorDictionary) -> None:
    for name, actor_id in [
        ("Sandinista People's Army", "military-ni"),
        ("the Tamil Tigers", "ltte"),
        ("Provisional IRA", "ira"),
        ("UC-ELN", "eln"),
        ("Autodefensas Unidas de Colombia", "auc"),
    ]:
        entry = actors.lookup(name)
        assert entry is not None and entry.id == actor_id, name
