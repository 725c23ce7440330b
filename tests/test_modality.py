"""Modality as a careful coder reads it, on real sentences parsed by the real model: each cue governs
only the clause it stands in (extract/modality.py, extract/modality_scope.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eventscope.extract.attribution import load_attribution_lexicon
from eventscope.extract.events import MentionExtractor
from eventscope.extract.modality import find_modality
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.models import Article, Modality

A, N, P, T, D, L, C = (
    Modality.ASSERTED,
    Modality.NEGATED,
    Modality.PLANNED,
    Modality.ATTEMPTED,
    Modality.DENIED,
    Modality.ALLEGED,
    Modality.CLAIMED,
)


DEATHS_NOT_INJURIES = (
    "The attacks have not resulted in any deaths, although several people have been injured."
)


def _modality(nlp, text: str, word: str) -> Modality:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return find_modality(token, token.sent, "t")[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (DEATHS_NOT_INJURIES, "deaths", N),
        (DEATHS_NOT_INJURIES, "injured", A),
        ("The bombing did not kill anyone, but twelve people were wounded.", "wounded", A),
        ("The bombing did not kill anyone.", "bombing", A),
        ("The soldier was not injured in the attack.", "attack", A),
        ("The soldier was not injured in the attack.", "injured", N),
        ("The rebels did not attack the base but burned the village.", "burned", A),
        ("Troops did not loot or burn the houses.", "burn", N),
        ("The army did not launch an offensive in the north.", "offensive", N),
        ("The planned attack was not carried out.", "attack", N),
        ("No attacks were reported in the capital on Sunday.", "attacks", N),
        ("The government did not condemn the massacre.", "massacre", A),
        ("It is still not clear who killed the minister.", "killed", A),
        ("It is not true that the army shelled the village.", "shelled", N),
        ("The ministry did not say when the troops would withdraw.", "withdraw", P),
        ("The convoy entered the town without firing a shot.", "firing", N),
        ("Without the bombing of the bridges, the rebels would have won.", "bombing", A),
    ],
)
def test_negation_is_scoped_to_its_clause(nlp, text: str, word: str, expected: Modality) -> None:  # type: ignore[no-untyped-def]
    assert _modality(nlp, text, word) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Police arrested the man who had planned the murder of the judge.", "murder", A),
        ("He was accused of planning the assassination of the mayor.", "assassination", A),
        ("The rebels planned to kill the mayor.", "kill", P),
        ("The group is planning an attack on the embassy.", "attack", P),
        ("The men who planned to bomb the bridge were arrested.", "bomb", P),
        ("The men who planned to bomb the bridge were arrested.", "arrested", A),
        ("The army will launch an offensive next week.", "offensive", P),
        ("Investigators will examine the bombing.", "bombing", A),
        ("The fighting threatened to spread to the capital.", "fighting", A),
        ("The rebels threatened to attack the city.", "attack", P),
        ("The government has no plans to deploy troops.", "deploy", N),
        ("Peace talks will resume in Geneva on Monday.", "talks", P),
        ("If the rebels attack the capital, the army will respond.", "attack", P),
        ("When the rebels attacked the town, the soldiers fled.", "attacked", A),
        ("To bomb the villages would be a crime.", "bomb", P),
        ("Peace talks are scheduled to begin in Costa Rica.", "talks", P),
        ("The rebels have a plan that includes the murder of officials.", "murder", P),
        ("The rebels will attack the base but spare the town.", "spare", P),
        ("The army will not allow the rebels to regroup and begin attacking again.", "attacking", N),
        ("Democrats will not allow the enslavement and murder of the peoples.", "murder", N),
        ("The government will not consider including the meeting's agenda.", "meeting", A),
    ],
)
def test_plans_belong_to_what_is_planned(nlp, text: str, word: str, expected: Modality) -> None:  # type: ignore[no-untyped-def]
    assert _modality(nlp, text, word) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Soldiers attempted to advance and take positions inside the border area.", "take", T),
        ("Government forces failed to take the town.", "take", T),
        ("The man who tried to kill the president was shot by guards.", "shot", A),
        ("The army denied that it had shelled the village.", "shelled", D),
        (
            "The army denied shelling the village, although residents said three houses were destroyed.",
            "destroyed",
            A,
        ),
        ("The militia allegedly executed four prisoners.", "executed", L),
        ("The alleged mastermind of the bombing was arrested.", "bombing", A),
        ("He is accused of killing two policemen.", "killing", L),
        ("Police alleged that the guerrillas kidnapped the mayor.", "kidnapped", L),
        ("At least ten people may have been killed in the blast.", "killed", L),
        ("The rebels claimed the attack on the convoy.", "attack", C),
        ("No group has claimed responsibility for the bombing.", "bombing", A),
    ],
)
def test_attempts_denials_and_allegations(nlp, text: str, word: str, expected: Modality) -> None:  # type: ignore[no-untyped-def]
    assert _modality(nlp, text, word) is expected


@pytest.mark.model
def test_the_extractor_codes_each_clause_on_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "These incidents have not resulted in any deaths, although several people have been injured."
    extractor = MentionExtractor(load_trigger_lexicon(), load_attribution_lexicon(), lambda _: False)
    article = Article(id="t", text=text, published_at=datetime(1990, 1, 1, tzinfo=UTC))
    by_word = {d.mention.trigger.text: d.mention for d in extractor.extract(nlp(text), article, [], [])}
    assert by_word["injured"].modality is Modality.ASSERTED
    assert by_word["injured"].modality_evidence is None
