"""Actor kinds, round 6: state security agencies and communal militias of the agent lexicon, a bare
"forces" that names no one, a country's possessive written without its apostrophe, a country named
before a non-state armed head (where the men came from, not its state), the Ugandan army and the
Liyu Police as named state forces, a named group preferred to its base country in a role phrase, and
the words that attribute an act to a named group (resolve/actor_attribution.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventscope.extract.roles import RoleFinder
from eventscope.models import ActorKind, Evidence
from eventscope.resolve.actor_attribution import attributed
from eventscope.resolve.actors import ActorDictionary, acled_inter, load_actor_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()


def resolve(actors: ActorDictionary, text: str):  # type: ignore[no-untyped-def]
    return actors.resolve(Evidence("a", 0, len(text), text))


@pytest.mark.parametrize(
    "phrase",
    [
        "the prison warders",
        "a prison guard",
        "state security services",
        "forest rangers",
        "two wildlife rangers",
    ],
)
def test_state_security_agencies_are_state_forces(actors: ActorDictionary, phrase: str) -> None:
    assert resolve(actors, phrase).kind is ActorKind.STATE_FORCES


@pytest.mark.parametrize("phrase", ["land invaders", "a gang of cattle thieves", "livestock thieves"])
def test_livestock_thieves_and_land_invaders_are_communal_militias(
    actors: ActorDictionary, phrase: str
) -> None:
    assert resolve(actors, phrase).kind is ActorKind.IDENTITY_MILITIA


@pytest.mark.parametrize("phrase", ["forces", "the forces"])
def test_bare_forces_name_no_one(actors: ActorDictionary, phrase: str) -> None:
    ref = resolve(actors, phrase)
    assert ref.kind is None and ref.name is None


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Ugandan forces", ActorKind.STATE_FORCES),
        ("the armed forces", ActorKind.STATE_FORCES),  # a head of its own, though "armed" qualifies
        ("security forces", ActorKind.STATE_FORCES),
        ("Al-Shabaab forces", ActorKind.REBEL_GROUP),
    ],
)
def test_forces_with_an_owner_still_resolve(actors: ActorDictionary, phrase: str, kind: ActorKind) -> None:
    assert resolve(actors, phrase).kind is kind


def test_possessive_without_apostrophe_is_a_qualifier(actors: ActorDictionary) -> None:
    ref = resolve(actors, "Somalias al-Shabab militia")
    assert ref.canonical_id == "al-shabaab"
    assert resolve(actors, "Ugandas police").kind is ActorKind.STATE_FORCES


@pytest.mark.parametrize(
    ("phrase", "kind", "country"),
    [
        ("an Ethiopia militia", ActorKind.POLITICAL_MILITIA, "ET"),
        ("Tanzania raiders", ActorKind.IDENTITY_MILITIA, "TZ"),
        ("Sudan rebels", ActorKind.REBEL_GROUP, "SD"),
    ],
)
def test_a_country_before_a_non_state_head_is_where_they_came_from(
    actors: ActorDictionary, phrase: str, kind: ActorKind, country: str
) -> None:
    ref = resolve(actors, phrase)
    assert ref.kind is kind and ref.country == country
    assert not (ref.canonical_id or "").startswith("government-")


@pytest.mark.parametrize(
    ("phrase", "actor_id"),
    [("Syria's forces", "military-sy"), ("Taliban fighters", "government-af"), ("Ethiopia", "government-et")],
)
def test_a_country_before_a_state_head_or_an_alias_is_unchanged(
    actors: ActorDictionary, phrase: str, actor_id: str
) -> None:
    assert resolve(actors, phrase).canonical_id == actor_id


@pytest.mark.parametrize(
    ("phrase", "actor_id", "country"),
    [
        ("UPDF soldiers", "military-ug", "UG"),
        ("Ugandan troops", "military-ug", "UG"),
        ("suspected Liyu Police paramilitaries", "liyu-police-et", "ET"),
    ],
)
def test_named_state_forces_of_the_region(
    actors: ActorDictionary, phrase: str, actor_id: str, country: str
) -> None:
    ref = resolve(actors, phrase)
    assert ref.canonical_id == actor_id and ref.kind is ActorKind.STATE_FORCES
    assert acled_inter(ref, "TZ") == 8  # abroad: External/Other
    assert acled_inter(ref, country) == 1


@pytest.mark.model
def test_a_named_group_beats_its_base_country(nlp: Language, actors: ActorDictionary) -> None:
    finder = RoleFinder(lambda phrase: actors.lookup(phrase) is not None)
    doc = nlp("Suspected members of the Yemen-based group al-Qaeda attacked a fuel convoy near the border.")
    trigger = next(t for t in doc if t.text == "attacked")
    roles = finder.find(trigger, "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "al-Qaeda"


@pytest.mark.parametrize(
    ("text", "group", "expected"),
    [
        ("Unknown assailants, believed to be affiliated with the Red Hand, burned a bus.", "Red Hand", True),
        ("Gunmen linked to the Red Hand shot two traders.", "Red Hand", True),
        ("A bus was bombed at dawn; the Red Hand claimed responsibility.", "Red Hand", True),
        ("A bomb went off near a market. The Red Hand is suspected as the perpetrator.", "Red Hand", True),
        (
            "Gunmen shot a trader; the source notes that the Red Hand is active in the area.",
            "Red Hand",
            False,
        ),
        ("Three suspected Red Hand members were shot dead by police.", "Red Hand", False),
    ],
)
def test_a_group_the_text_attributes_the_act_to(text: str, group: str, expected: bool) -> None:
    start = text.index(group)
    assert attributed(text, start, start + len(group)) is expected
