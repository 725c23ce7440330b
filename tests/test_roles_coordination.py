"""Roles around joined verbs and two-sided events, with the real parser: "X shot and killed Y" (no
headline passive), "a driver was shot and killed by X", "X and Y clashed", "fighting between X and Y"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventscope.extract.roles import RoleFinder
from eventscope.models import Evidence
from eventscope.resolve.actors import ActorDictionary, load_actor_dictionary

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()


def roles_of(nlp: Language, actors: ActorDictionary, text: str, word: str, plover: str) -> tuple[str, str]:
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == word)
    roles = RoleFinder(lambda phrase: actors.lookup(phrase) is not None).find(trigger, plover)
    return (
        roles.actor.text if roles.actor is not None else "",
        roles.recipient.text if roles.recipient is not None else "",
    )


@pytest.mark.parametrize("word", ["shot", "killed"])
def test_shot_and_killed_keeps_the_shooter_as_actor(
    nlp: Language, actors: ActorDictionary, word: str
) -> None:
    # "shot" has no object of its own: it shares "a driver" with "killed", so it is no headline passive
    actor, recipient = roles_of(
        nlp, actors, "A KDF soldier shot and killed a driver in Garissa.", word, "ASSAULT"
    )
    assert "soldier" in actor and recipient == "a driver"


def test_a_verb_joined_to_a_passive_shares_its_patient_and_agent(
    nlp: Language, actors: ActorDictionary
) -> None:
    text = "A driver was shot and killed by a KDF soldier."
    assert roles_of(nlp, actors, text, "killed", "ASSAULT") == ("a KDF soldier", "A driver")
    assert roles_of(nlp, actors, "A driver was shot and killed in Garissa.", "killed", "ASSAULT") == (
        "",
        "A driver",
    )


def test_a_headline_passive_is_still_read_as_one(nlp: Language, actors: ActorDictionary) -> None:
    assert roles_of(nlp, actors, "Three police officers killed in Mandera.", "killed", "ASSAULT")[0] == ""


@pytest.mark.parametrize(
    ("text", "word", "actor", "recipient"),
    [
        ("Police and rioters clashed in Kisumu.", "clashed", "Police", "rioters"),
        ("The Degodia and the Garre fought over water.", "fought", "The Degodia", "the Garre"),
        (
            "Fighting between the army and al-Shabaab militants continued.",
            "Fighting",
            "the army",
            "al-Shabaab militants",
        ),
        ("Clashes between Pokot and Turkana herders left three dead.", "Clashes", "Pokot", "Turkana"),
    ],
)
def test_both_sides_of_a_fight_named_together(
    nlp: Language, actors: ActorDictionary, text: str, word: str, actor: str, recipient: str
) -> None:
    assert roles_of(nlp, actors, text, word, "FIGHT") == (actor, recipient)


def test_a_fight_with_a_named_opponent_is_not_split(nlp: Language, actors: ActorDictionary) -> None:
    assert roles_of(nlp, actors, "Police fought with rioters.", "fought", "FIGHT") == ("Police", "rioters")
    # only fights name two sides in their subject: joint attackers are one actor
    actor, recipient = roles_of(
        nlp, actors, "Police and soldiers attacked the village.", "attacked", "ASSAULT"
    )
    assert actor == "Police" and recipient == "the village"


@pytest.mark.parametrize(
    ("text", "word", "who"),
    [
        # a country inside the phrase says where they were, not who they were
        ("Gunmen in Kenya killed five herders.", "killed", "Gunmen in Kenya"),
        (
            "Six Jesuits were murdered by death squads in El Salvador.",
            "murdered",
            "death squads in El Salvador",
        ),
        # a group named beside its base is still the group
        ("Members of the Somalia-based group al-Shabaab attacked a police post.", "attacked", "al-Shabaab"),
    ],
)
def test_a_place_inside_the_actor_phrase_is_not_the_actor(
    nlp: Language, actors: ActorDictionary, text: str, word: str, who: str
) -> None:
    actor, _ = roles_of(nlp, actors, text, word, "ASSAULT")
    assert actor == who
    # and death squads are a kind of armed group, like paramilitaries, not one organisation
    assert actors.lookup("death squads") is None


@pytest.mark.parametrize(
    ("phrase", "name", "country"),
    [
        ("Gunmen in Kenya", "Unidentified Armed Group (Kenya)", "KE"),
        ("death squads in El Salvador", "Unidentified Political Militia (El Salvador)", "SV"),
        ("Opposition groups in Zimbabwe", None, "ZW"),  # no agent the lexicon knows: the country only
        ("Rebels in the Ivory Coast", "Unidentified Rebel Group (Ivory Coast)", "CI"),
    ],
)
def test_the_place_in_an_actor_phrase_gives_its_country(
    actors: ActorDictionary, phrase: str, name: str | None, country: str
) -> None:
    found = actors.resolve(Evidence("a", 0, len(phrase), phrase))
    assert found.canonical_id is None  # not the country's government
    assert (found.name, found.country) == (name, country)


def test_a_relative_pronoun_of_a_joined_clause_is_the_noun_it_describes(
    nlp: Language, actors: ActorDictionary
) -> None:
    text = "The rebels denounced the dictatorship, which censors the press and which bombed the market."
    actor, recipient = roles_of(nlp, actors, text, "bombed", "ASSAULT")
    assert actor == "the dictatorship" and recipient == "the market"


def test_a_party_before_a_persons_name_qualifies_the_person(nlp: Language, actors: ActorDictionary) -> None:
    # the victim is the candidate; "M-19" says whose candidate he was (session 17)
    for text in (
        "THEY ACCUSED THE POLICE OF ASSASSINATING M-19 PRESIDENTIAL CANDIDATE CARLOS PIZARRO.",
        "They accused the police of assassinating M-19 presidential candidate Carlos Pizarro.",
    ):
        _, recipient = roles_of(nlp, actors, text, "assassinating", "ASSAULT")  # truecased in capitals
        assert recipient.lower().endswith("presidential candidate carlos pizarro"), recipient
    # a group before a common noun is still the group's: "an M-19 commando" is M-19's
    actor, _ = roles_of(nlp, actors, "An M-19 commando attacked the army post.", "attacked", "ASSAULT")
    assert "M-19" in actor
