"""Strategic developments, round 7 (evaluate/acled_cause.py, acled_main.py): violence a note tells only
as the reason for a deployment, a closure or a legal step is not the event; the development is (Change
to group/activity, Other, Arrests). Invented sentences and hand-made mentions (none taken from ACLED
rows)."""

from __future__ import annotations

import pytest

from eventscope.evaluate.acled_cause import told_as_cause
from eventscope.evaluate.acled_main import main_mention
from eventscope.models import ActorKind, ActorRef, Evidence, Magnitude, Mention
from eventscope.resolve.ontology import crosswalk


def _at(text: str, word: str) -> Evidence:
    start = text.index(word)
    return Evidence("a", start, start + len(word), word)


def _mention(
    text: str, trigger: str, plover: str = "ASSAULT", mode: str | None = None, *, killed: int | None = None
) -> Mention:
    return Mention(
        id=f"m-{trigger}",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=_at(text, trigger),
        type=crosswalk(plover, mode),
        magnitudes=(Magnitude("killed", killed, killed, _at(text, trigger)),) if killed else (),
    )


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Troops were deployed along the river following the killing of two fishermen.", "killing", "deploy"),
        ("More officers were rushed to the valley to quell fighting between herders.", "fighting", "deploy"),
        ("The navy intensified patrols on the lake in the wake of an attack on a ferry.", "attack", "deploy"),
        ("Two clinics were shut due to repeated raids by bandits.", "raids", "other"),
        ("The mayor was charged with the murder of his driver.", "murder", "legal"),
        ("A court convicted the former chief to ten years for arson.", "arson", "legal"),
        # the violence told as an event: no development before it
        ("Gunmen killed two fishermen; troops were later deployed.", "killed", None),
        # a closure after an event told as such ("after youths attacked"): the attack is the event
        ("Classes were suspended after youths attacked the school.", "attacked", None),
        # a comma: the violence after it is the forces' own act, not the reason
        ("The army intensified operations following the ambush, killing several militants.", "killing", None),
        # a clause break between the development and the violence
        ("Police were deployed in the town. After midnight gunmen attacked a bar.", "attacked", None),
    ],
)
def test_violence_told_as_the_reason_for_a_development(text: str, trigger: str, kind: str | None) -> None:
    assert told_as_cause(_mention(text, trigger)) == kind


def test_a_deployment_over_violence_is_a_change_to_group_activity() -> None:
    text = "Security was beefed up across the county following clashes between two clans."
    clashes = _mention(text, "clashes", "FIGHT")
    main = main_mention([clashes])
    assert main is not None and main.type.acled_sub_type == "Change to group/activity"


def test_a_closure_due_to_attacks_is_other() -> None:
    text = "Twelve schools have been closed due to persistent attacks by militiamen."
    main = main_mention([_mention(text, "attacks")])
    assert main is not None and main.type.acled_type == "Strategic developments"
    assert main.type.acled_sub_type == "Other"


def test_the_arrest_is_the_event_when_the_violence_is_the_charge() -> None:
    text = "Police arrested a councillor over the burning of a rival's house."
    arrest = _mention(text, "arrested", "COERCE", "arrest")
    burning = _mention(text, "burning", "ASSAULT", "destroy")
    assert main_mention([burning, arrest]) is arrest


def test_violence_with_people_counted_killed_stays_the_event() -> None:
    text = "Soldiers were deployed to the border after raiders killed five herders."
    killed = _mention(text, "killed", killed=5)
    main = main_mention([killed])
    assert main is not None and main.type.acled_type == "Violence against civilians"


def test_the_actor_of_the_cause_is_not_the_developments() -> None:
    text = "Patrols were stepped up following an attack by bandits."
    attack = _mention(text, "attack")
    attack = Mention(
        id=attack.id,
        article_id="a",
        sentence=attack.sentence,
        trigger=attack.trigger,
        type=attack.type,
        actor=ActorRef(_at(text, "bandits"), kind=ActorKind.POLITICAL_MILITIA),
    )
    main = main_mention([attack])
    assert main is not None and main.actor is None
    assert main.type.acled_sub_type == "Change to group/activity"


def test_violence_an_arrest_is_made_for_is_not_the_event_even_with_its_toll() -> None:
    """Session 11: the extractor now reports violence named as the grounds of an arrest as a mention of
    its own; the arrest stays the note's event, and so does a toll told inside the grounds."""
    text = "Police arrest 20 suspects in connection with the recent Ugandan bombing which killed four people."
    arrest = _mention(text, "arrest", "COERCE", "arrest")
    bombing = _mention(text, "bombing", "ASSAULT", "explosives", killed=4)
    assert told_as_cause(bombing) == "legal"
    assert main_mention([bombing, arrest]) is arrest


def test_a_killing_told_of_its_own_is_the_event_beside_an_arrest_for_it() -> None:
    text = "Two men were arrested in connection with an attack on a lorry. One person was killed."
    arrest = _mention(text, "arrested", "COERCE", "arrest")
    attack = _mention(text, "attack")
    killed = Mention(
        id="m-killed",
        article_id="a",
        sentence=Evidence("a", text.index("One"), len(text), text[text.index("One") :]),
        trigger=_at(text, "killed"),
        type=crosswalk("ASSAULT"),
        magnitudes=(Magnitude("killed", 1, 1, _at(text, "killed")),),
    )
    assert main_mention([arrest, attack, killed]) is killed
