"""The eighth round of trigger entries for ACLED coding: headline verbs the tagger reads as nouns
("Police exchange fire with raiders"), fights between named sides, chases by armed men, hijacking,
firing on people, bodies found or dumped, communal violence, a labour strike "on" its preposition,
crowds disrupting meetings or chasing people away, evictions and damage to property; each with a
sentence in its conflict sense and one in an everyday sense. Example sentences are written for the
tests."""

from __future__ import annotations

import pytest

from eventscope.extract.lexicon import load_lexicon
from eventscope.extract.triggers import parse_lexicon
from eventscope.models import Mention
from tests.extraction import assert_coded, extract_mentions, found_types


def _mentions(nlp, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    return extract_mentions(nlp, text)


def _found(nlp, text: str) -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return found_types(nlp, text)


# (sentence, trigger word, PLOVER type, mode or None for "any")
EXAMPLES = [
    ("Police exchange fire with raiders", "exchange", "FIGHT", None),
    ("Fighting between rival pastoralists left five dead near the border.", "Fighting", "FIGHT", None),
    ("Soldiers chased the militants into the forest.", "chased", "FIGHT", None),
    ("Gunmen hijacked two cars carrying voters near the town.", "hijacked", "ASSAULT", "abduct"),
    ("Police fired on rioters in the slum.", "fired", "ASSAULT", "firearms"),
    ("Two women were treated in hospital after being raped by the attackers.", "raped", "ASSAULT", "sexual"),
    ("Two bodies found near the river on Monday.", "found", "ASSAULT", None),
    ("The bodies were dumped in the river.", "dumped", "ASSAULT", None),
    ("Another person died in a clan war over land.", "war", "FIGHT", None),
    ("Five people were killed in ethnic violence in the valley.", "violence", "FIGHT", None),
    ("Electricity workers went on strike for better pay.", "strike", "PROTEST", "strike-gen"),
    ("Angry youths disrupted the campaign rally of the candidate.", "disrupted", "PROTEST", "riot"),
    ("Voters chased the local MP from the polling station.", "chased", "PROTEST", "riot"),
    ("Matatu operators blocked the car park in the town centre.", "blocked", "PROTEST", "obstruct"),
    ("Supporters damaged property in the town after the vote.", "damaged", "ASSAULT", "destroy"),
    ("Students shattered window panes of the school buildings.", "shattered", "ASSAULT", "destroy"),
    ("The county government evicted sixty families from the forest.", "evicted", "COERCE", None),
    ("Officials narrowly escaped an improvised explosive device on the road.", "device", "ASSAULT", None),
    ("A mob chopped the hand off a suspected thief.", "chopped", "ASSAULT", "primitive"),
    # a harm verb over talk or a meeting is an event of its own; so is violence in a time clause
    ("Police shot a man in the market, accusing him of theft.", "shot", "ASSAULT", None),
    ("Raiders kill one person during a peace meeting.", "kill", "ASSAULT", None),
    ("Training was suspended after rowdy youths attacked the stations.", "attacked", "ASSAULT", None),
]

# Everyday senses of the same words: no event of that kind
NOT_EVENTS = [
    "The company will fight over its market share in court.",
    "Investors chased higher returns in bank shares.",
    "Hackers tried to hijack the debate on social media.",
    "The manager fired questions at the board.",
    "The rapper raps about his childhood.",
    "The war of words between the two firms continued.",
    "The striker's first strike on goal was saved.",
    "Rain disrupted the cricket match.",
    "The chef chopped off the onion tops.",
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover", "mode"), EXAMPLES, ids=[e[1] + ":" + e[2] for e in EXAMPLES]
)
def test_conflict_senses_are_coded(nlp, text: str, word: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    assert_coded(_found(nlp, text), word, plover, mode)


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_EVENTS)
def test_everyday_senses_are_not_conflict_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, text)
    assert not any(plover in ("ASSAULT", "FIGHT", "PROTEST") for plover, _ in found.values()), found


@pytest.mark.model
def test_violence_a_protest_followed_stays_its_cause(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "Residents protested after a pedestrian was killed by a motorist.")
    assert found.get("protested", ("", None))[0] == "PROTEST", found
    assert "killed" not in found, found


def test_yaml_keeps_on_and_off_as_words() -> None:
    """YAML 1.1 reads a bare on/off as a boolean: every rule word must stay a string."""
    lexicon = parse_lexicon(load_lexicon("triggers"))
    rules = [*lexicon.rules.values(), *(r for more in lexicon.more_rules.values() for r in more)]
    for rule in rules:
        for words in (rule.needs_prep, rule.needs_near, rule.not_near, rule.needs_child, rule.needs_object):
            assert all(isinstance(w, str) for w in words), (rule.lemma, words)
