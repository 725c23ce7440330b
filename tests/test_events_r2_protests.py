"""Force used on demonstrators (extract/nested_events.py, evaluate/acled_crowds.py): police dispersal or
harm told under the demonstration is an event of its own ("gathered ... before being dispersed by
police", "injured by police when protesting"), the grievance a demonstration voices is not ("protested
after two men were arrested", "protested the killing"); a crowd's violence outside a demonstration is
mob violence; an act coordinated with a demand is not what was demanded; people
described by what they did ("those who murdered") and kinds of act ("26 cases of assault", "the
kidnapping ring") report nothing; tear gas and stopped marches; a
country read as the actor is no one named (resolve/acled_coding.py). Sentences are written for the
tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eventscope.evaluate.acled import predict
from eventscope.models import ActorKind, ActorRef, Article, Evidence, Mention, Modality
from eventscope.resolve.acled_coding import inter1_code, names_only_a_country
from tests.extraction import extract_mentions


def _mentions(nlp, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    return extract_mentions(nlp, text)


def _found(nlp, text: str) -> dict[str, tuple[str, Modality]]:  # type: ignore[no-untyped-def]
    return {m.trigger.text: (m.type.plover, m.modality) for m in _mentions(nlp, text)}


@pytest.mark.model
def test_dispersal_told_under_the_demonstration_is_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Protesters gathered at the county offices before being dispersed by police.")
    assert found.get("gathered", ("", None))[0] == "PROTEST"
    assert found.get("dispersed") == ("COERCE", Modality.ASSERTED)


@pytest.mark.model
def test_the_grievance_of_a_demonstration_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Residents protested after two men were arrested by police.")
    assert "arrested" not in found
    assert "protested" in found


@pytest.mark.model
def test_an_act_beside_a_demand_is_not_what_was_demanded(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "The traders demanded compensation but they were dispersed by police.")
    assert found.get("dispersed") == ("COERCE", Modality.ASSERTED)


@pytest.mark.model
def test_harm_in_a_demonstration_stands_beside_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Three people were injured by police when protesting against the new tax.")
    assert found.get("injured", ("", None))[0] == "ASSAULT"
    assert found.get("protesting", ("", None))[0] == "PROTEST"
    # a riot is still the event the harm stands in for
    assert set(_found(nlp, "Three people were killed in riots in the town.")) == {"riots"}


@pytest.mark.model
def test_people_described_by_what_they_did_report_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "There will be disputes between those who murdered the archbishop and the rest.")
    assert "murdered" not in found
    assert "attacked" in _found(nlp, "The gunmen who attacked the bus fled into the forest.")


@pytest.mark.model
def test_what_someone_habitually_does_reports_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    # the simple present in a relative clause says what the dictatorship is, not what happened (session 17)
    text = (
        "We must evict the murderous military dictatorship which assassinates priests and bombed the capital."
    )
    found = _found(nlp, text)
    assert "assassinates" not in found
    assert found.get("bombed", ("", None))[0] == "ASSAULT"  # the past tense tells a happening
    assert "kidnaps" not in _found(nlp, "Police are hunting a gang that kidnaps businessmen in Lima.")
    assert "kidnapped" in _found(nlp, "Police are hunting a gang that kidnapped two businessmen in Lima.")


@pytest.mark.model
def test_people_described_by_what_they_did_on_a_given_day_report_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # the clause says when: a happening is told (session 12)
    found = _found(nlp, "The army strongly condemned those who this morning massacred six Jesuit priests.")
    assert found.get("massacred", ("", None))[0] == "ASSAULT"
    assert "murdered" not in _found(nlp, "Those who murdered the archbishop must be punished.")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Police recorded 26 cases of assault and murder in September.",
        "He faces charges of kidnapping and torture.",
        "The judge released other members of the kidnapping ring.",
        "However, aid to the rebels has become a burning issue overnight.",
    ],
)
def test_a_kind_of_act_is_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(plover != "ASSAULT" for plover, _ in _found(nlp, text).values())


@pytest.mark.model
def test_a_charge_of_dynamite_is_a_weapon(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "The terrorists placed a charge of dynamite under a bus.")
    assert found.get("dynamite", ("", None))[0] == "ASSAULT"
    assert _found(nlp, "Gunmen kidnapped a trader on Monday.").get("kidnapped", ("", None))[0] == "ASSAULT"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Traders marched to the offices but were teargassed by police.", "teargassed"),
        ("Police tear-gassed the crowd outside the court.", "gassed"),
        ("Police stopped a demonstration against the governor.", "stopped"),
        ("Police blocked the procession to the state house.", "blocked"),
    ],
)
def test_crowd_control_words(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text).get(word, ("", None))[0] == "COERCE"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The company stopped production at the plant.",
        "The rebels blocked the road to the town.",
        "Profit-taking stopped the rally in bank shares.",
    ],
)
def test_stopping_and_blocking_other_things_is_no_crowd_control(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(plover != "COERCE" for plover, _ in _found(nlp, text).values())


def _code(pipeline, text: str):  # type: ignore[no-untyped-def]
    article = Article(id="n", text=text, published_at=datetime(2020, 1, 10, tzinfo=UTC), source="test")
    return predict(next(iter(pipeline.extract([article]))), text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Students gathered at the gate before being dispersed by police.", "Protest with intervention"),
        ("Two police officers were injured during a demonstration by residents.", "Violent demonstration"),
        # the violence protested is the demonstration's cause, not the event
        ("Students protested the killing of a classmate by a mob.", "Peaceful protest"),
        ("Residents protested after a man was shot by police officers.", "Peaceful protest"),
        # property destroyed by the demonstrators makes the demonstration violent
        (
            "Students demonstrated against the fees. The demonstration led to destruction of property.",
            "Violent demonstration",
        ),
        # a crowd's violence outside any demonstration is mob violence, whoever it hits
        ("Residents beat up two policemen and brought them to the police station.", "Mob violence"),
    ],
)
def test_force_in_a_demonstration_codes_it(pipeline, text: str, sub_type: str) -> None:  # type: ignore[no-untyped-def]
    assert _code(pipeline, text).sub_event_type == sub_type


def _actor(text: str, kind: ActorKind) -> ActorRef:
    return ActorRef(Evidence("a", 0, len(text), text), kind=kind)


def _actor_at(text: str, words: str, kind: ActorKind) -> ActorRef:
    start = text.index(words)
    return ActorRef(Evidence("a", start, start + len(words), words), kind=kind)


def test_a_country_read_as_the_actor_is_no_one_named() -> None:
    raiders = "Raiders from Ethiopia attacked the village."
    ethiopia = _actor_at(raiders, "Ethiopia", ActorKind.STATE_FORCES)
    assert names_only_a_country(ethiopia, raiders)  # where they came from
    assert names_only_a_country(_actor("the Somalis", ActorKind.STATE_FORCES))  # a people
    assert not names_only_a_country(_actor("Ethiopian soldiers", ActorKind.STATE_FORCES))
    strike = "Israel struck a house in Bint Jbeil."
    assert not names_only_a_country(_actor_at(strike, "Israel", ActorKind.STATE_FORCES), strike)  # its state
    code = inter1_code("Violence against civilians", 1, [], raiders, actor=ethiopia)
    assert code != 1  # not state forces: the raiders are unidentified
    soldiers = _actor("Ethiopian soldiers", ActorKind.STATE_FORCES)
    assert inter1_code("Violence against civilians", 1, [], raiders, actor=soldiers) == 1
