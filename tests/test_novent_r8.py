"""Short reports that gave no event at all (round 8): misspelt core words of violence ("attakced",
"violecne", "causalities"), a raid on a village, homes burnt down, bodies dumped or found, a severed
head, people taking up arms, armed men stopped by armed men, people targeted by a mob, churchgoers as
civilians, and an article naming a known rebel group or militia as conflict news. Every sentence is
invented for the tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eventscope.extract.domain import DomainFilter, has_conflict_context
from eventscope.extract.lexicon import load_lexicon
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.extract.typos import corrected, typo_forms, typo_lemma
from eventscope.models import ActorKind, Article, EventType, Evidence, Mention
from eventscope.resolve.actors import load_actor_dictionary
from eventscope.resolve.mentions import default_domain_filter
from tests.extraction import extract_drafts, found_types

# --- 1. misspelt core words ------------------------------------------------------------------------


def test_transposed_core_words_read_as_the_words() -> None:
    assert typo_lemma("attakced") == "attack"
    assert typo_lemma("atatcks") == "attack"
    assert typo_lemma("attackes") == "attack"
    assert typo_lemma("violecne") == "violence"
    assert corrected("causalities") == "casualties"
    assert corrected("casualtise") == "casualties"
    assert typo_lemma("assasination") == "assassination"  # one "s" short (session 12)
    assert typo_lemma("assasinated") == "assassinate"
    # the correct words, and words that are no slip of them, are left alone
    assert typo_lemma("attacked") is None
    assert typo_lemma("attach") is None
    assert typo_lemma("causality") is None
    assert corrected("violins") == "violins"


def test_no_misspelling_is_a_word_of_its_own() -> None:
    # every variant is its word with two letters swapped (the same letters, the first kept), or one
    # of the two misspellings listed
    for variant, form in typo_forms().items():
        if not variant.startswith(("attackes", "causalities", "assasinat")):
            assert sorted(variant) == sorted(form) and variant[0] == form[0] and variant != form
    # none is an English word the lexicons use
    lexicon = load_trigger_lexicon()
    words = set(lexicon.lemmas) | set(lexicon.conflict_words) | set(lexicon.political_words)
    assert words.isdisjoint(typo_forms())


def test_a_misspelt_casualty_word_makes_conflict_news() -> None:
    words = load_trigger_lexicon().conflict_words
    assert has_conflict_context("No reports of causalities so far.", words)
    assert has_conflict_context("The casualtise were taken to hospital.", words)
    assert not has_conflict_context("The causality between the two is unclear.", words)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover"),
    [
        ("Armed men attakced the farm at night.", "attakced", "ASSAULT"),
        ("The trader was attakced by four men on his way home.", "attakced", "ASSAULT"),
        ("Renewed attackes in the valley left the market in ruins.", "attackes", "ASSAULT"),
    ],
)
def test_misspelt_attacks_are_attacks(nlp, text: str, word: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert found_types(nlp, text)[word][0] == plover


# --- 2. trigger rules -----------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover"),
    [
        ("Herders raid a neighbouring village, clash follows", "raid", "ASSAULT"),
        ("Unknown men burn down homes in the valley.", "burn", "ASSAULT"),
        ("Three bodies dumped by the roadside near the quarry.", "dumped", "ASSAULT"),
        ("A severed head found near the river.", "head", "ASSAULT"),
        ("Villagers take up arms to fight off cattle thieves", "take", "FIGHT"),
        ("Border guards stopped the militants from crossing the river.", "stopped", "FIGHT"),
        ("Traders targeted by a mob after the rumours spread.", "targeted", "ASSAULT"),
    ],
)
def test_short_reports_give_an_event(nlp, text: str, word: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert found_types(nlp, text)[word][0] == plover


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The bank's dawn raid on the rival's shares surprised the market.",
        "The company dumped its plans for a new plant.",
        "She took up the offer of a new post.",
        "The referee stopped the match for ten minutes.",
        "Police stopped the motorists from entering the town.",
        "The campaign targeted young voters.",
        "He will head the new division.",
    ],
)
def test_other_senses_give_none_of_these(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = found_types(nlp, text)
    assert all(plover not in ("ASSAULT", "FIGHT") for plover, _ in found.values()), found


@pytest.mark.model
def test_taking_up_arms_is_the_event_only_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    found = found_types(nlp, "Villagers took up arms after gunmen killed two herders.")
    assert "took" not in found and found["killed"][0] == "ASSAULT"


@pytest.mark.model
def test_literal_rules_fix_the_sense(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = {d.mention.trigger.text: d for d in extract_drafts(nlp, "Her body was found in the mortuary.")}
    assert drafts["found"].literal
    drafts = {
        d.mention.trigger.text: d for d in extract_drafts(nlp, "The two bodies were dumped in a river.")
    }
    assert drafts["dumped"].literal
    drafts = {d.mention.trigger.text: d for d in extract_drafts(nlp, "Raiders raid the village at dawn.")}
    assert drafts["raid"].literal
    # a candle burns down with nothing burnt: not the arson rule
    drafts = {d.mention.trigger.text: d for d in extract_drafts(nlp, "The candle burned down slowly.")}
    assert "burned" not in drafts or not drafts["burned"].literal


# --- 3. the non-conflict filter and the resolver ---------------------------------------------------


def _domain() -> DomainFilter:
    return default_domain_filter()


def test_an_article_naming_an_armed_group_is_conflict_news() -> None:
    text = "Clash in the market. The sect is suspected."
    clash = Mention(
        id="c",
        article_id="a",
        sentence=Evidence("a", 0, 20, "Clash in the market."),
        trigger=Evidence("a", 0, 5, "Clash"),
        type=EventType("FIGHT", None, "", "", ""),
    )
    assert _domain().keep([clash], text, {"c": "clash"}) == []
    assert _domain().keep([clash], text, {"c": "clash"}, armed_group=True) == [clash]


def test_churchgoers_are_civilians() -> None:
    heads = load_lexicon("agents")["heads"]["civilians"]
    assert {"churchgoers", "market-goers", "mourners"} <= set(heads)
    actors = load_actor_dictionary()
    ref = actors.resolve(Evidence("a", 0, 11, "churchgoers"))
    assert ref is not None and ref.kind is ActorKind.CIVILIANS


def _mentions(pipeline, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    article = Article(id="n", text=text, published_at=datetime(2021, 3, 10, tzinfo=UTC), source="test")
    return list(next(iter(pipeline.extract([article]))))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Two groups of churchgoers clash over the use of a hall.", "FIGHT"),
        ("Clash in a poor quarter of the town. Hamas members are suspected.", "FIGHT"),
        ("Raiders raid a hamlet on the hillside, clash follows", "ASSAULT"),
        ("Gang members burnt down homes in the estate.", "ASSAULT"),
    ],
)
def test_short_reports_stand_in_any_article(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert plover in {m.type.plover for m in _mentions(pipeline, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Clash of fixtures at the sales conference: the board meeting moved.",
        "The bank's raid on the rival's shares was a clash of titans.",
        "The standards body dumped the proposal after a vote.",
    ],
)
def test_business_news_stays_empty(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert {m.type.plover for m in _mentions(pipeline, text)} <= {"CONSULT"}


@pytest.mark.model
def test_an_acronym_names_no_armed_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "FSA" is a rebel group's acronym and a financial regulator's: no sign of conflict news
    text = "A clash of dates moved the sales conference. The FSA chief spoke later."
    assert "FIGHT" not in {m.type.plover for m in _mentions(pipeline, text)}
    possessive = "A clash of dates moved the sales conference. The FSA's chief spoke later."
    assert "FIGHT" not in {m.type.plover for m in _mentions(pipeline, possessive)}
    named = "A clash of dates moved the sales conference. The Hamas chief spoke later."
    assert "FIGHT" in {m.type.plover for m in _mentions(pipeline, named)}


@pytest.mark.model
def test_people_who_take_up_arms_are_a_communal_militia(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(pipeline, "Local farmers take up arms to fight off the cattle thieves")
    fight = next(m for m in found if m.type.plover == "FIGHT")
    assert fight.actor is not None and fight.actor.kind is ActorKind.IDENTITY_MILITIA
    assert fight.type.acled_type == "Battles"
