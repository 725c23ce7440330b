"""Strategic developments, round 7 (evaluate/acled_property.py, acled_notes.py): property destroyed,
looted or seized with no one harmed is Looting/property destruction; an attack on people or on the
place they live, harm in the note, livestock driven off, an armed post, a crowd, keep their coding;
destruction whose sentence reports people harmed is the attack. Invented sentences and hand-made
mentions (none taken from ACLED rows)."""

from __future__ import annotations

import pytest

from eventscope.evaluate.acled_notes import code_note
from eventscope.evaluate.acled_property import NO_HARM, property_only
from eventscope.models import ActorKind, ActorRef, Evidence, Magnitude, Mention
from eventscope.resolve.ontology import crosswalk

LOOTING = "Looting/property destruction"


def _at(text: str, word: str) -> Evidence:
    start = text.index(word)
    return Evidence("a", start, start + len(word), word)


def _mention(
    text: str,
    trigger: str,
    mode: str | None = None,
    *,
    actor: tuple[str, ActorKind | None] | None = None,
    recipient: tuple[str, ActorKind | None] | None = None,
    killed: int | None = None,
) -> Mention:
    kind = actor[1] if actor is not None else None
    hit = recipient[1] if recipient is not None else None
    return Mention(
        id=f"m-{trigger}",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=_at(text, trigger),
        type=crosswalk("ASSAULT", mode, actor_kind=kind, recipient_kind=hit),
        actor=ActorRef(_at(text, actor[0]), kind=kind) if actor is not None else None,
        recipient=ActorRef(_at(text, recipient[0]), kind=hit) if recipient is not None else None,
        magnitudes=(Magnitude("killed", killed, killed, _at(text, trigger)),) if killed else (),
    )


MILITIA = ActorKind.POLITICAL_MILITIA


@pytest.mark.parametrize(
    ("text", "trigger", "mode", "actor", "recipient"),
    [
        # destruction with no one harmed, said or not
        (
            "Insurgents torched the clinic and two lorries overnight. Nobody was hurt.",
            "torched",
            "destroy",
            "Insurgents",
            "the clinic",
        ),
        (
            "Unknown arsonists razed the tax office in the market town.",
            "razed",
            "destroy",
            "Unknown arsonists",
            "the tax office",
        ),
        # a raid on property: what they did there is looting
        (
            "Rebels stormed a quarry and wrecked the crushers; no casualties were reported.",
            "stormed",
            None,
            "Rebels",
            "a quarry",
        ),
        # a raid on a town where no one was harmed, property damaged
        (
            "Militants raided a remote trading post, damaging two warehouses, but no injuries.",
            "raided",
            None,
            "Militants",
            "a remote trading post",
        ),
        # a vehicle seized, no people with it
        (
            "Gunmen hijacked two aid lorries near the frontier.",
            "hijacked",
            "abduct",
            "Gunmen",
            "two aid lorries",
        ),
    ],
)
def test_property_attacked_with_no_one_harmed_is_looting(
    text: str, trigger: str, mode: str | None, actor: str, recipient: str
) -> None:
    main = _mention(text, trigger, mode, actor=(actor, MILITIA), recipient=(recipient, None))
    assert property_only(main, [main], text).type.acled_sub_type == LOOTING


@pytest.mark.parametrize(
    ("text", "trigger", "mode", "recipient"),
    [
        # people harmed in the note: the violence is the event
        ("Insurgents torched the clinic and shot a guard.", "torched", "destroy", "the clinic"),
        # violence at people named: an attack whatever was burnt
        ("Militiamen attacked farmers and burnt their granaries.", "attacked", None, "farmers"),
        # an attack on a village is one on its people unless the note says none was harmed
        ("Raiders attacked a hamlet and burnt the chief's hut.", "attacked", None, "a hamlet"),
        # herds driven off: a raid on the herders
        ("Bandits raided the homesteads and drove off 200 goats.", "raided", None, "the homesteads"),
        # an armed post: the forces in it are the target
        ("Insurgents torched an army camp at dawn.", "torched", "destroy", "an army camp"),
        # a bus seized with its passengers: an abduction
        ("Gunmen hijacked a bus carrying travellers to the coast.", "hijacked", "abduct", "a bus"),
        # fighting: the battle
        ("Houses were razed during clashes between two clans.", "razed", "destroy", "Houses"),
        # no property named as destroyed or taken: nothing says it was property
        ("Rebels stormed a ranch in the night.", "stormed", None, "a ranch"),
    ],
)
def test_violence_at_people_or_with_harm_is_not_looting(
    text: str, trigger: str, mode: str | None, recipient: str
) -> None:
    main = _mention(
        text,
        trigger,
        mode,
        actor=("Militiamen" if "Militiamen" in text else text.split()[0], MILITIA),
        recipient=(recipient, None),
    )
    assert property_only(main, [main], text).type.acled_sub_type != LOOTING


def test_a_crowd_destroying_is_not_this_rule() -> None:
    text = "Angry residents torched the chief's office."
    main = _mention(text, "torched", "destroy", actor=("Angry residents", ActorKind.CIVILIANS))
    assert property_only(main, [main], text) is main


def test_a_heading_before_a_colon_is_not_read() -> None:
    # the heading names destruction; the report says only that a village was attacked
    text = "Property destruction: raiders attacked a hamlet at night."
    main = _mention(text, "attacked", actor=("raiders", MILITIA), recipient=("a hamlet", None))
    assert property_only(main, [main], text).type.acled_sub_type != LOOTING


def test_a_killed_count_anywhere_is_harm() -> None:
    text = "Militants burnt a ferry at the jetty. Two crew drowned."
    main = _mention(text, "burnt", "destroy", actor=("Militants", MILITIA), recipient=("a ferry", None))
    other = _mention(text, "drowned", killed=2)
    assert property_only(main, [main, other], text).type.acled_sub_type != LOOTING


def test_destruction_whose_sentence_kills_people_is_the_attack() -> None:
    text = "A hut was set alight in the village, killing the two children inside."
    main = _mention(text, "set alight", "destroy")
    assert main.type.acled_sub_type == LOOTING  # no actor: the crosswalk's default
    coded = property_only(main, [main], text)
    assert coded.type.acled_type == "Violence against civilians"


def test_destruction_after_a_killing_it_avenged_stays_destruction() -> None:
    text = "Shops were burnt in the town after a trader was killed there."
    main = _mention(text, "burnt", "destroy")
    assert property_only(main, [main], text).type.acled_sub_type == LOOTING


def test_code_note_applies_the_rule() -> None:
    text = "Insurgents set fire to a relay mast outside the town. No one was injured."
    main = _mention(
        text, "set fire", "destroy", actor=("Insurgents", MILITIA), recipient=("a relay mast", None)
    )
    assert main.type.acled_type == "Violence against civilians"  # the crosswalk: armed destroyers
    assert code_note(main, [main], text).type.acled_sub_type == LOOTING


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("No one was hurt in the raid.", True),
        ("There were no casualties.", True),
        ("no reported causalities", True),
        ("The lodge was empty at the time.", True),
        ("The owner escaped unhurt.", True),
        ("Two were hurt.", False),
    ],
)
def test_statements_that_no_one_was_harmed(text: str, stated: bool) -> None:
    assert (NO_HARM.search(text) is not None) is stated
