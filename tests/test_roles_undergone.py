"""Who underwent an act the sentence names without a subject of its own: the owner of "Pizarro's
murder", the subject of the clause a subjectless passive hangs on ("admitted to hospital after being
shot"); and violence named as the grounds of a measure ("arrested for their involvement in the
assassination of ...") is a happening of its own. Through the real model (extract/roles.py,
extract/nested_events.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from eventscope.models import Mention
from tests.extraction import analyzed, extract_mentions

pytestmark = pytest.mark.model


def by_trigger(nlp, text: str) -> dict[str, Mention]:  # type: ignore[no-untyped-def]
    return {m.trigger.text.lower(): m for m in extract_mentions(nlp, text)}


def text_of(ref) -> str | None:  # type: ignore[no-untyped-def]
    return None if ref is None else ref.text.lower()


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("The authors of Carlos Pizarro's murder are the enemies of democracy.", "murder", "carlos pizarro"),
        ("The six Jesuits' slaying shocked the world.", "slaying", "the six jesuits"),
        ("Mayor Ruiz's assassination was condemned by the bishop.", "assassination", "mayor ruiz"),
    ],
)
def test_the_owner_of_a_murder_was_murdered(nlp, text: str, trigger: str, victim: str) -> None:  # type: ignore[no-untyped-def]
    mention = by_trigger(nlp, text)[trigger]
    assert text_of(mention.recipient) == victim
    assert text_of(mention.actor) != victim


def test_an_owner_with_an_of_object_is_the_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = by_trigger(nlp, "Israel's assassination of the commander drew protests.")["assassination"]
    assert text_of(mention.recipient) == "the commander"
    assert text_of(mention.actor) == "israel"


def test_an_attack_keeps_its_owner_as_the_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = by_trigger(nlp, "The Shining Path's attack on the police post killed two officers.")["attack"]
    assert text_of(mention.recipient) == "the police post"


def test_the_target_named_on_the_participle_of_who_did_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # session 12: "committed by X against Y", "carried out by X on Y"
    text = (
        "The army condemned the treacherous murder committed by FMLN guerrillas against Dr Ignacio Ellacuria."
    )
    mention = by_trigger(nlp, text)["murder"]
    assert text_of(mention.recipient) == "dr ignacio ellacuria"
    assert "fmln" in (text_of(mention.actor) or "")
    raid = by_trigger(nlp, "Residents described the raid carried out by the militia on the village.")["raid"]
    assert text_of(raid.recipient) == "the village"


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        (
            "Presidential candidate Carlos Pizarro was admitted to the emergency room this morning, "
            "after having been shot several times in the head.",
            "shot",
            "presidential candidate carlos pizarro",
        ),
        (
            "Carlos Pizarro died in hospital on Thursday after being sprayed with submachinegun fire.",
            "sprayed",
            "carlos pizarro",
        ),
    ],
)
def test_a_subjectless_passive_clause_is_about_the_subject_it_hangs_on(  # type: ignore[no-untyped-def]
    nlp, text: str, trigger: str, victim: str
) -> None:
    assert text_of(by_trigger(nlp, text)[trigger].recipient) == victim


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        (
            "Bernardo Jaramillo, the presidential candidate, has died from gunshot wounds.",
            "bernardo jaramillo",
        ),
        ("Three soldiers sustained gunshot wounds in the ambush.", "three soldiers"),
    ],
)
def test_who_died_of_or_sustained_wounds_had_them(nlp, text: str, victim: str) -> None:  # type: ignore[no-untyped-def]
    assert text_of(by_trigger(nlp, text)["wounds"].recipient) == victim


def test_a_date_after_an_act_noun_is_not_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The bishop condemned the assassination of six Jesuits on 16 November."
    assert text_of(by_trigger(nlp, text)["assassination"].recipient) == "six jesuits"


def test_the_victim_of_an_act_is_not_lost_to_the_date_between_them(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "of Bernardo Jaramillo" on "22 March"; a date has no "of" but a year or a date
    text = "The party said the assassination on 22 March of Bernardo Jaramillo forced it to withdraw."
    assert text_of(by_trigger(nlp, text)["assassination"].recipient) == "bernardo jaramillo"
    for text in (
        "The bishop condemned the assassination in May of 1989.",
        "The bishop condemned the assassination on 2 March of this year.",
    ):
        assert by_trigger(nlp, text)["assassination"].recipient is None


@pytest.mark.parametrize(
    ("text", "measure", "act"),
    [
        (
            # wire copy in capitals: the parser makes the murder the subject of "released", under the
            # arrest; a killing that names its victim is a happening of its own all the same
            "THE DEFENSE MINISTRY CONFIRMED TODAY THAT MOST OF THE 900 PEOPLE ARRESTED AFTER MAYOR JUAN "
            "RUIZ'S MURDER ON 3 MAY HAVE BEEN RELEASED.",
            "arrested",
            "murder",
        ),
        (
            "A group of soldiers were arrested because of their suspected involvement in the "
            "assassination of six Jesuits on 16 November.",
            "arrested",
            "assassination",
        ),
        (
            "The arrest of eight officers on charges of being implicated in the murder of six Jesuit "
            "priests surprised the capital.",
            "arrest",
            "murder",
        ),
        ("Police arrested three men over the attack on a bus in Garissa.", "arrested", "attack"),
    ],
)
def test_violence_a_measure_was_taken_for_is_a_happening_of_its_own(  # type: ignore[no-untyped-def]
    nlp, text: str, measure: str, act: str
) -> None:
    found = by_trigger(nlp, text)
    assert found[measure].type.plover == "COERCE"
    assert found[act].type.plover == "ASSAULT"


def test_violence_during_which_a_capture_happened_stays_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = by_trigger(nlp, "Soldiers captured two rebels in an ambush near the river.")
    assert "ambush" not in found
    assert found["captured"].type.plover == "COERCE"


def test_the_day_of_the_violence_an_arrest_is_linked_with_is_not_the_arrests(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials said the arrest of eight army members linked with the assassination of six Jesuit "
        "priests on 16 November was a step forward."
    )
    published = datetime(1990, 2, 7, 12, tzinfo=UTC)
    found = {m.trigger.text: m for m in analyzed(pipeline, text, published=published)}
    killing = found["assassination"].time
    assert killing is not None and killing.resolved and killing.start == date(1989, 11, 16)
    arrest = found["arrest"].time
    assert arrest is not None and not arrest.resolved  # its reporting window, not 16 November


def test_a_killing_told_as_what_came_before_an_act_is_a_happening_of_its_own(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The minister confirmed today that soldiers are being deployed to the border after the murder of "
        "opposition leader Pedro Alvarez."
    )
    published = datetime(1990, 2, 7, 12, tzinfo=UTC)
    found = {m.trigger.text: m for m in analyzed(pipeline, text, published=published)}
    murder = found["murder"]
    assert text_of(murder.recipient) == "opposition leader pedro alvarez"
    # "today" dates the deployment and the confirming; the murder came before, on a day the text omits
    assert murder.time is not None and not murder.time.resolved
    deployed = found["deployed"].time
    assert deployed is not None and deployed.resolved and deployed.start == date(1990, 2, 7)
    # a bare "after the ambush" may be the act's own start: it stays part of it
    assert "ambush" not in by_trigger(nlp, "Soldiers captured two rebels after an ambush.")


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        (
            "Luis Carlos Galan, the Liberal Party hopeful, was the victim of another attack tonight.",
            "attack",
            "luis carlos galan",
        ),
        (
            "Senator Perez was the target of an assassination attempt in Cali.",
            "assassination",
            "senator perez",
        ),
        ("The mayor fell victim to an ambush on Monday.", "ambush", "the mayor"),
        ("Two journalists were the victims of a bomb attack.", "attack", "two journalists"),
    ],
)
def test_the_victim_or_target_of_an_act_underwent_it(nlp, text: str, trigger: str, victim: str) -> None:  # type: ignore[no-untyped-def]
    mention = by_trigger(nlp, text)[trigger]
    assert text_of(mention.recipient) == victim
    assert text_of(mention.actor) != victim


def test_a_victim_noun_without_a_subject_names_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # the act has its own object: "of" names who was attacked, not the subject of "was"
    mention = by_trigger(nlp, "The attack on the police post killed two officers.")["attack"]
    assert text_of(mention.recipient) == "the police post"


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Rebels carried out attacks that killed two soldiers and a judge.", "two soldiers"),
        ("Gunmen staged an ambush which wounded three policemen near the border.", "three policemen"),
        ("The bombing that claimed the lives of five bus passengers was condemned.", "five bus passengers"),
    ],
)
def test_a_relative_clause_tells_whom_the_act_harmed(nlp, text: str, victim: str) -> None:  # type: ignore[no-untyped-def]
    act = next(m for m in extract_mentions(nlp, text) if m.trigger.text in ("attacks", "ambush", "bombing"))
    assert text_of(act.recipient) == victim


def test_a_relative_clause_of_someone_else_is_no_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    # the clause's subject is the rebels, not the attack: the army is whom they blame, not a victim
    attack = by_trigger(nlp, "Police condemned the attack that the rebels blamed on the army.")["attack"]
    assert text_of(attack.recipient) != "the army"


def test_the_happening_a_killing_is_compared_with_is_a_happening_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "She was murdered under circumstances very similar to those of the assassination of the Jesuits "
        "on the same day."
    )
    found = by_trigger(nlp, text)
    assert text_of(found["murdered"].recipient) == "she"
    assert text_of(found["assassination"].recipient) == "the jesuits"
