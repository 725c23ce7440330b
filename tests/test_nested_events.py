"""Events reported under other events (extract/nested_events.py): a material event under a saying one,
or in a relative clause, is a mention of its own, with its own modality, roles and time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import spacy
from spacy.tokens import Doc

from eventscope.extract.attribution import load_attribution_lexicon
from eventscope.extract.events import MentionDraft, MentionExtractor
from eventscope.extract.nested_events import is_particular, stands_alone
from eventscope.extract.triggers import Trigger, load_trigger_lexicon
from eventscope.models import Article, Evidence, Mention, Modality


def _drafts(nlp, text: str, times: tuple[str, ...] = ()) -> dict[str, MentionDraft]:  # type: ignore[no-untyped-def]
    extractor = MentionExtractor(load_trigger_lexicon(), load_attribution_lexicon(), lambda _: False)
    article = Article(id="t", text=text, published_at=datetime(1990, 1, 1, tzinfo=UTC))
    found = [Evidence("t", text.index(w), text.index(w) + len(w), w) for w in times]
    return {d.mention.trigger.text: d for d in extractor.extract(nlp(text), article, [], found)}


def _mentions(nlp, text: str) -> dict[str, Mention]:  # type: ignore[no-untyped-def]
    return {word: d.mention for word, d in _drafts(nlp, text).items()}


def _text(span: object) -> str | None:
    return None if span is None else span.text  # type: ignore[attr-defined]


def _hand_parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_material_event_under_a_saying_event_stands_alone() -> None:
    doc = _hand_parsed(
        ["Officials", "condemned", "the", "attack"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "det", "dobj"],
        ["NOUN", "VERB", "DET", "NOUN"],
    )
    condemned, attack = Trigger(doc[1], "ACCUSE", None), Trigger(doc[3], "ASSAULT", None)
    triggers = {1: condemned, 3: attack}
    assert stands_alone(attack, condemned, True, triggers)
    # under a saying event that is itself part of another ("protested, condemning the attack")
    assert not stands_alone(attack, condemned, False, triggers)
    # a movement governed by a movement is part of it
    assert not stands_alone(attack, Trigger(doc[1], "MOBILIZE", "troops"), True, triggers)


def test_a_bare_noun_names_a_kind_of_act_not_a_happening() -> None:
    doc = _hand_parsed(
        ["They", "denounced", "executions", "and", "the", "murder"],
        [1, 1, 1, 2, 5, 2],
        ["nsubj", "ROOT", "dobj", "cc", "det", "conj"],
        ["PRON", "VERB", "NOUN", "CCONJ", "DET", "NOUN"],
    )
    assert not is_particular(doc[2])
    assert is_particular(doc[5])


@pytest.mark.model
def test_condemning_a_killing_reports_the_killing_but_not_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "The government condemned the assassination of the mayor.")
    killing = found["assassination"]
    assert killing.type.plover == "ASSAULT"
    assert killing.modality is Modality.ASSERTED
    assert killing.actor is None  # the government did not assassinate anyone
    assert _text(killing.recipient and killing.recipient.evidence) == "the mayor"
    assert found["condemned"].type.plover == "ACCUSE"
    assert killing.confidence < found["condemned"].confidence  # the sentence's second event


@pytest.mark.model
def test_an_investigated_murder_is_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    murder = _mentions(nlp, "Police are investigating the murder of two farmers.")["murder"]
    assert murder.modality is Modality.ASSERTED
    assert murder.actor is None


@pytest.mark.model
def test_whom_the_blame_falls_on_is_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    bombing = _mentions(nlp, "The minister blamed the rebels for the bombing.")["bombing"]
    assert bombing.modality is Modality.ASSERTED
    assert _text(bombing.actor and bombing.actor.evidence) == "the rebels"


@pytest.mark.model
def test_whom_an_accusation_names_is_the_alleged_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    killing = _mentions(nlp, "The army accused the guerrillas of killing three peasants.")["killing"]
    assert killing.modality is Modality.ALLEGED
    assert _text(killing.actor and killing.actor.evidence) == "the guerrillas"


@pytest.mark.model
def test_cues_on_the_saying_are_not_cues_on_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "The regime has tried to blame us for the attack on a Red Cross ambulance.")
    assert found["attack"].modality is Modality.ASSERTED


@pytest.mark.model
def test_a_denied_attack_is_denied(nlp) -> None:  # type: ignore[no-untyped-def]
    attack = _mentions(nlp, "The FMLN denied carrying out the attack.")["attack"]
    assert attack.modality is Modality.DENIED


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "modality", "actor"),
    [
        ("The rebels threatened to attack the capital.", "attack", Modality.PLANNED, "The rebels"),
        ("The unions demanded the withdrawal of the troops.", "withdrawal", Modality.PLANNED, "the troops"),
        ("The rebels agreed to withdraw from the town.", "withdraw", Modality.PLANNED, "The rebels"),
        ("The rebels refused to withdraw from the town.", "withdraw", Modality.NEGATED, "The rebels"),
    ],
)
def test_what_is_asked_promised_or_refused_has_not_happened(  # type: ignore[no-untyped-def]
    nlp, text: str, word: str, modality: Modality, actor: str
) -> None:
    event = _mentions(nlp, text)[word]
    assert event.modality is modality
    assert _text(event.actor and event.actor.evidence) == actor


@pytest.mark.model
def test_a_relative_clause_about_a_participant_is_an_event_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "The group, which set fire to the club, sent a letter to the newspaper.")
    arson = found["set"]
    assert arson.type.plover == "ASSAULT"
    assert _text(arson.actor and arson.actor.evidence) == "The group"


@pytest.mark.model
def test_a_word_governed_by_a_movement_is_still_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army transferred troops to the border, coinciding with the movement of rebels."
    assert set(_mentions(nlp, text)) == {"transferred"}


@pytest.mark.model
def test_a_grievance_voiced_in_a_protest_is_part_of_the_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "Students protested in Nairobi, condemning the killing of a student by police.")
    assert "killing" not in found


@pytest.mark.model
def test_a_kind_of_violence_denounced_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "The committee denounced summary executions and political assassinations.")
    assert {m.type.plover for m in found.values()} == {"ACCUSE"}


@pytest.mark.model
def test_the_event_is_dated_by_its_own_time_not_the_sayings(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry today condemned the bombing of the embassy on Sunday."
    drafts = _drafts(nlp, text, times=("today", "Sunday"))
    bombing, condemned = drafts["bombing"].time_evidence, drafts["condemned"].time_evidence
    assert bombing is not None and bombing.text == "Sunday"
    assert condemned is not None and condemned.text == "today"


@pytest.mark.model
def test_with_no_time_of_its_own_a_condemned_event_keeps_the_reporting_window(nlp) -> None:  # type: ignore[no-untyped-def]
    # "condemned" is an act about the bombing, not when it happened (extract/event_time.py): the
    # bombing keeps the reporting window instead of today's date
    text = "The committee said today that it condemned the bombing of the embassy."
    bombing = _drafts(nlp, text, times=("today",))["bombing"].time_evidence
    assert bombing is None


@pytest.mark.model
def test_a_thing_filed_is_not_who_acted(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "The party will file suit against the minister for this assassination.")
    assert found["assassination"].actor is None


@pytest.mark.model
def test_what_a_reported_saying_is_about_is_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "The ministry urged all nations to condemn the attack on the embassy.")
    assert found["attack"].modality is Modality.ASSERTED
    assert found["attack"].actor is None


@pytest.mark.model
def test_conjoined_event_nouns_share_their_determiner(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(nlp, "The government strongly condemns the base and cowardly murder of the mayor.")
    assert "murder" in found


@pytest.mark.model
def test_a_participants_backstory_is_not_an_event_of_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Activists demonstrated in Meru demanding justice for a girl who had been abducted."
    assert "abducted" not in _mentions(nlp, text)


def test_a_second_verb_with_its_own_object_is_a_second_act(nlp) -> None:  # type: ignore[no-untyped-def]
    # DEV-MUC3-0787: an FMLN communique, "... as it bombed cities and murdered Jesuit priests"
    found = _mentions(
        nlp, "The dictatorship showed its nature as it bombed cities and murdered Jesuit priests."
    )
    assert _text(found["bombed"].recipient) == "cities"
    assert _text(found["murdered"].recipient) == "Jesuit priests"
    # two verbs of one act: the first has no object of its own
    assert set(_mentions(nlp, "Rebels attacked and killed three soldiers near Kidal.")) == {"attacked"}
    # a harm verb after another tells the toll of the same act
    assert "wounded" not in _mentions(nlp, "Gunmen killed three villagers and wounded five others.")
