"""The seventh round of trigger entries and main-event rules for ACLED coding: breaking up or quelling a
gathering and tear gas (crowd control), a protest march named as a noun and demonstrators gathering;
each with a sentence in its conflict sense and one in an everyday sense. Then the note's main event:
violence a demonstration is about is its grievance, not the event; an explosive found or unexploded is
no explosion; deployments are ACLED's Change to group/activity. Example sentences are written for the
tests."""

from __future__ import annotations

import pytest

from eventscope.evaluate.acled_main import disarmed, main_mention, protest_topic
from eventscope.models import Mention
from eventscope.resolve.ontology import crosswalk
from tests.extraction import assert_coded, extract_mentions, found_types


def _mentions(nlp, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    return extract_mentions(nlp, text)


def _found(nlp, text: str) -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return found_types(nlp, text)


# (sentence, trigger word, PLOVER type, mode or None for "any")
EXAMPLES = [
    ("Police officers broke up the rally with batons.", "broke", "COERCE", None),
    ("Officers fired in the air to quell the rioters.", "quell", "COERCE", None),
    ("Officers used teargas on the students outside the college.", "teargas", "COERCE", None),
    ("Police used tear gas on traders in the market.", "gas", "COERCE", None),
    ("Riot police used tear-gas on the crowd.", "gas", "COERCE", None),
    (
        "Thousands of people held a march in the capital to demand the release of the activists.",
        "march",
        "PROTEST",
        "demo",
    ),
    ("Demonstrators gathered outside the ministry on Monday.", "gathered", "PROTEST", "demo"),
]

# Everyday senses of the same words: no event
NOT_EVENTS = [
    "The divorce court heard the couple had decided to break up.",
    "The regulator may break up the banking group.",
    "The central bank acted to quell fears of a recession.",
    "Gas prices rose sharply in the winter.",
    "The band played a march as the parade passed.",
    "The company will hold its annual meeting on 5 March.",
    "Sales rose sharply in March after the launch.",
    "Shareholders gathered in London for the annual meeting.",
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover", "mode"), EXAMPLES, ids=[e[1] + ":" + e[2] for e in EXAMPLES]
)
def test_example(nlp, text: str, word: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    assert_coded(_found(nlp, text), word, plover, mode)


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_EVENTS)
def test_everyday_senses_are_not_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == {}


@pytest.mark.model
def test_tear_gas_fired_is_coded_by_the_firing_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Riot police fired tear gas at the crowd.")
    assert found.get("fired", ("", None))[0] == "COERCE", found
    assert "gas" not in found, found


@pytest.mark.model
def test_violence_a_protest_is_about_is_not_the_main_event(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = _mentions(nlp, "A protest was staged against the attacks on opposition politicians.")
    attacks = next(m for m in mentions if m.trigger.text == "attacks")
    assert protest_topic(attacks, mentions)
    main = main_mention(mentions)
    assert main is not None and main.type.plover == "PROTEST"


@pytest.mark.model
def test_violence_in_its_own_clause_stays_the_main_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A protest was held against the new fees, and police shot two traders."
    mentions = _mentions(nlp, text)
    shot = next(m for m in mentions if m.trigger.text == "shot")
    assert not protest_topic(shot, mentions)
    main = main_mention(mentions)
    assert main is not None and main.trigger.text == "shot"


@pytest.mark.model
def test_a_bomb_found_is_not_an_explosion(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "Bomb found near the house of the governor.")
    assert any(disarmed(m, found) for m in found if m.type.plover == "ASSAULT")
    exploded = _mentions(nlp, "A bomb exploded near the house of the governor.")
    assert not any(disarmed(m, exploded) for m in exploded)


def test_deployments_are_a_change_to_group_activity() -> None:
    coded = crosswalk("MOBILIZE", "troops")
    assert (coded.acled_type, coded.acled_sub_type) == ("Strategic developments", "Change to group/activity")
    assert crosswalk("MOBILIZE", None).acled_sub_type == "Other"
