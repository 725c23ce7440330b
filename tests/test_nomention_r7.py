"""Short reports that used to yield no event at all: forced entry, piracy, blows to the head, violence
used against people, structures pulled down; and a short text whose only event word has other senses
stays out, as in any non-conflict news (a brief rule that kept it was measured and not kept: it turned
"the film bombed at the box office" into an event). Example sentences are written for the tests."""

from __future__ import annotations

import pytest

from eventscope.extract.domain import DomainFilter
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.models import ActorKind, EventType, Evidence, Mention
from eventscope.resolve.mentions import default_domain_filter
from tests.extraction import assert_coded, extract_drafts, found_types

# (sentence, trigger word, PLOVER type, mode or None for "any")
EXAMPLES = [
    ("Angry traders forced their way into the county offices.", "forced", "PROTEST", "riot"),
    ("Armed men forced their way through the gate of the compound.", "forced", "ASSAULT", None),
    ("The tanker was boarded by pirates off the coast.", "boarded", "ASSAULT", "abduct"),
    ("Pirates boarded a fishing vessel at dawn.", "boarded", "ASSAULT", "abduct"),
    ("A teacher was hit in the head by a guard.", "hit", "ASSAULT", "beat"),
    ("The trader was hit with a club outside his shop.", "hit", "ASSAULT", "beat"),
    ("Villagers say soldiers used violence against them.", "used", "ASSAULT", None),
    ("Herders pulled down the fence of the ranch.", "pulled", "ASSAULT", "destroy"),
    ("Squatters tore down the wall around the plot.", "tore", "ASSAULT", "destroy"),
    ("A gang disturbed the meeting of the ward committee.", "disturbed", "PROTEST", "riot"),
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover", "mode"), EXAMPLES, ids=[e[1] + ":" + e[2] for e in EXAMPLES]
)
def test_example(nlp, text: str, word: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    assert_coded(found_types(nlp, text), word, plover, mode)


NOT_EVENTS = [
    ("The carmaker forced its way into the top ten of the market.", "forced"),
    ("The board of the company met on Monday.", "board"),
    ("Passengers boarded the train at noon.", "boarded"),
    ("The cyclist was hit by a car in the head-on crash.", "hit"),
    ("The recession hit the region hard.", "hit"),
    ("He hit the ball with the club into the rough.", "hit"),
    ("The film uses violence to shock its audience.", "uses"),
    ("Investors pulled down the share price.", "pulled"),
    ("The noise disturbed the neighbours.", "disturbed"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word"), NOT_EVENTS, ids=[e[1] for e in NOT_EVENTS])
def test_everyday_senses_are_not_events(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in found_types(nlp, text)


@pytest.mark.model
def test_forced_entry_is_the_way_in_to_a_told_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = found_types(nlp, "Gunmen forced their way into the compound and killed two guards.")
    assert "forced" not in found and found["killed"][0] == "ASSAULT"
    drafts = extract_drafts(nlp, "Youths forced their way into the hall during the vote count.")
    assert [(d.mention.trigger.text, d.implied_actor) for d in drafts] == [("forced", ActorKind.RIOTERS)]


def test_the_shipped_lexicon_marks_the_new_words_figurative() -> None:
    lexicon = load_trigger_lexicon()
    assert {"force", "hit", "use", "tear", "board"} <= lexicon.figurative_triggers
    assert lexicon.rules[("force", "VERB")].only_alone


def _mention(sentence: str, plover: str) -> Mention:
    ev = Evidence("a", 0, len(sentence), sentence)
    return Mention(
        id=sentence, article_id="a", sentence=ev, trigger=ev, type=EventType(plover, None, "", "", "")
    )


def _domain() -> DomainFilter:
    return default_domain_filter()


def test_a_short_text_with_only_a_figurative_event_word_stays_out() -> None:
    clash = _mention("Two fashion brands clash over the colour of their logos.", "FIGHT")
    assert _domain().keep([clash], clash.sentence.text, {clash.id: "clash"}) == []


def test_a_full_article_without_conflict_words_still_needs_more_for_a_figurative_word() -> None:
    clash = _mention("The two brands clash over the colour of their logos.", "FIGHT")
    filler = " ".join(["The shops opened early and sales rose across the region."] * 8)
    article = clash.sentence.text + " " + filler
    assert _domain().keep([clash], article, {clash.id: "clash"}) == []
    # an unambiguous physical word stands in any article
    lynched = _mention("A man was lynched in the market.", "ASSAULT")
    assert _domain().keep([lynched], lynched.sentence.text + " " + filler, {lynched.id: "lynch"}) == [lynched]


def test_peace_accords_are_political_news() -> None:
    signed = _mention("The two movements signed peace accords in the capital.", "AGREE")
    filler = " ".join(["The shops opened early and sales rose across the region."] * 8)
    article = signed.sentence.text + " " + filler
    assert _domain().keep([signed], article, {signed.id: "sign"}) == [signed]
    merger = _mention("The two firms signed the merger in the capital.", "AGREE")
    assert _domain().keep([merger], merger.sentence.text + " " + filler, {merger.id: "sign"}) == []
