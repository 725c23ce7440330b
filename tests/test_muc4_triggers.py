"""Trigger entries added for news reports of killings and kidnappings told after the fact (MUC-4 issue
#4): "the body was found", "found dead", "took him hostage", "died of gunshot wounds", "machinegunned",
"riddled with bullets", "sprayed with gunfire", "opened fire", "planted a bomb", "slew", "sabotaged",
"an attempt on the life of", and "shot to death" next to "according to"; with the real model, in
wire-copy capitals and in mixed case, and the same words in their other senses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eventscope.extract.attribution import load_attribution_lexicon
from eventscope.extract.events import MentionExtractor
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.models import Article, EventType
from eventscope.resolve.actors import load_actor_dictionary

# (sentence, trigger word, PLOVER type, mode or None for "any")
ADDED = [
    ("The body of an unidentified man was found on a road near the capital.", "found", "ASSAULT", None),
    ("The judge was found dead in a ditch on Tuesday.", "found", "ASSAULT", None),
    ("Two farmers were found dead in a field near the village.", "found", "ASSAULT", None),
    ("Two farmers were found dead by the roadside near the village.", "found", "ASSAULT", None),
    ("The trader was found dead with stab wounds in his shop.", "found", "ASSAULT", None),
    ("The guerrillas took the secretary general hostage.", "took", "ASSAULT", "abduct"),
    ("Civilians are being held hostage by guerrillas in the neighborhood.", "held", "ASSAULT", "abduct"),
    ("The candidate died of gunshot wounds in hospital.", "wounds", "ASSAULT", "firearms"),
    ("HE WAS MACHINEGUNNED BY UNIDENTIFIED MEN.", "MACHINEGUNNED", "ASSAULT", "firearms"),
    ("His car was riddled with bullets outside his home.", "riddled", "ASSAULT", "firearms"),
    ("He was sprayed with submachinegun fire aboard the plane.", "sprayed", "ASSAULT", "firearms"),
    ("Gunmen opened fire on a bus in the town.", "opened", "ASSAULT", "firearms"),
    ("Terrorists planted a bomb at the bank.", "planted", "ASSAULT", "explosives"),
    ("The gunmen slew the mayor and two of his aides.", "slew", "ASSAULT", None),
    ("Rebels sabotaged the oil pipeline near the border.", "sabotaged", "ASSAULT", "destroy"),
    ("An attempt on the life of the minister failed on Monday.", "attempt", "ASSAULT", None),
    (
        "HE WAS SHOT TO DEATH BY UNIDENTIFIED INDIVIDUALS, ACCORDING TO POLICE.",
        "SHOT",
        "ASSAULT",
        "firearms",
    ),
]

# The same words in their other senses stay out.
NOT_EVENTS = [
    ("The committee found the report useful.", "found"),
    ("The actor was found dead in his hotel room, where he was making a film.", "found"),
    ("The company will hold a meeting in May.", "hold"),
    ("The minister opened the new bridge on Monday.", "opened"),
    ("Farmers planted maize after the rains.", "planted"),
    ("The government will make an attempt to reach a settlement.", "attempt"),
    ("The film was shot to great acclaim in Lima.", None),
]


def _types(nlp, text: str) -> dict[str, EventType]:  # type: ignore[no-untyped-def]
    actors = load_actor_dictionary()
    extractor = MentionExtractor(
        load_trigger_lexicon(), load_attribution_lexicon(), lambda t: actors.lookup(t) is not None
    )
    article = Article(id="t", text=text, published_at=datetime(1989, 11, 20, tzinfo=UTC))
    # keyed in lower case: wire-copy capitals are truecased before parsing (nlp.py)
    drafts = extractor.extract(nlp(text), article, [], [])
    return {d.mention.trigger.text.lower(): d.mention.type for d in drafts}


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "plover", "mode"), ADDED)
def test_added_triggers_find_the_event(nlp, sentence: str, word: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    found = _types(nlp, sentence)
    assert word.lower() in found, (sentence, found)
    assert found[word.lower()].plover == plover
    if mode is not None:
        assert found[word.lower()].plover_mode == mode


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word"), NOT_EVENTS)
def test_other_senses_are_not_events(nlp, sentence: str, word: str | None) -> None:  # type: ignore[no-untyped-def]
    found = _types(nlp, sentence)
    violent = {w for w, t in found.items() if t.plover in ("ASSAULT", "FIGHT")}
    assert not violent, (sentence, found)
    if word is not None:
        assert word not in found


@pytest.mark.model
def test_who_found_the_body_is_not_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = load_actor_dictionary()
    extractor = MentionExtractor(
        load_trigger_lexicon(), load_attribution_lexicon(), lambda t: actors.lookup(t) is not None
    )
    text = "Police found the body of a journalist near the market on Monday."
    article = Article(id="t", text=text, published_at=datetime(1989, 11, 20, tzinfo=UTC))
    (found,) = [
        d.mention for d in extractor.extract(nlp(text), article, [], []) if d.mention.trigger.text == "found"
    ]
    assert found.type.plover == "ASSAULT"
    assert found.actor is None  # the police found the killing; nothing says they did it
    assert found.recipient is not None and "journalist" in found.recipient.text


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition tried to sabotage the peace talks on Monday.",
        "Critics said the minister had sabotaged the merger.",
    ],
)
def test_sabotage_of_talks_or_deals_is_no_attack(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = _types(nlp, sentence)
    assert not [w for w, t in found.items() if t.plover in ("ASSAULT", "FIGHT")], (sentence, found)


@pytest.mark.model
def test_shot_to_the_top_of_the_charts_is_no_shooting(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _types(nlp, "The thriller shot straight to the number one spot after its first weekend.")
    assert "shot" not in found
    assert _types(nlp, "HE WAS SHOT TO DEATH, ACCORDING TO POLICE.")["shot"].plover == "ASSAULT"
