"""Crowd events in extraction and resolution (round 8): a riot unit's name is no riot ("riot police");
short reports of crowds that gave no event at all ("students went on a rampage", "nurses marched to
demand pay", "youths stoned a thief to death", "political rivals clash"); the state's forces are never
the rioters of a riot they fight; a grenade thrown is no crowd's stone. Every sentence is invented
for the tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import spacy
from spacy.tokens import Doc

from eventscope.evaluate.acled_notes import code_note
from eventscope.extract.domain import DomainFilter, named_crowd
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.models import ActorKind, ActorRef, Article, EventType, Evidence, Mention, Modality
from eventscope.resolve.mentions import code_in_context, default_domain_filter
from eventscope.resolve.ontology import crosswalk
from tests.extraction import extract_drafts, found_types

# --- 1. a unit's name is no event -----------------------------------------------------------------


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_riot_naming_a_unit_is_no_trigger() -> None:
    lexicon = load_trigger_lexicon()
    # "Riot police fired": "riot" modifies "police"
    doc = _parsed(
        ["Riot", "police", "fired"],
        [1, 2, 2],
        ["compound", "nsubj", "ROOT"],
        ["NOUN", "NOUN", "VERB"],
        ["riot", "police", "fire"],
    )
    assert lexicon.match(doc[0]) is None
    # "riot police officers": the chain of modifiers ends on the unit's men
    doc = _parsed(
        ["riot", "police", "officers", "came"],
        [1, 2, 3, 3],
        ["compound", "compound", "nsubj", "ROOT"],
        ["NOUN", "NOUN", "NOUN", "VERB"],
        ["riot", "police", "officer", "come"],
    )
    assert lexicon.match(doc[0]) is None
    # "the riot spread": a riot told
    doc = _parsed(
        ["the", "riot", "spread"],
        [1, 2, 2],
        ["det", "nsubj", "ROOT"],
        ["DET", "NOUN", "VERB"],
        ["the", "riot", "spread"],
    )
    trigger = lexicon.match(doc[1])
    assert trigger is not None and (trigger.plover, trigger.mode) == ("PROTEST", "riot")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Riot police fired tear gas at the students outside the hall.",
        "Anti-riot police were deployed to the stadium.",
        "Officers in riot gear stood by the gate.",
        "The anti-riot squad arrived in two trucks.",
    ],
)
def test_riot_units_and_kit_are_no_riot(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(mode != "riot" for _, mode in found_types(nlp, text).values())


@pytest.mark.model
def test_a_riot_against_the_police_is_still_a_riot(nlp) -> None:  # type: ignore[no-untyped-def]
    assert found_types(nlp, "Youths rioted against the police in the market.")["rioted"] == (
        "PROTEST",
        "riot",
    )


# --- 2. crowd reports that gave no event --------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover", "literal"),
    [
        ("The villagers stoned a suspected thief to death.", "stoned", "ASSAULT", True),
        ("Farm workers marched against the new land law.", "marched", "PROTEST", True),
        ("Hundreds of teachers marched to the ministry to demand their arrears.", "marched", "PROTEST", True),
        ("Striking porters took to the streets over unpaid wages.", "took", "PROTEST", True),
        ("Rival delegates engaged in blows at the congress.", "engaged", "FIGHT", True),
        ("Angry tenants blocked the landlord from entering the building.", "blocked", "PROTEST", False),
    ],
)
def test_words_whose_rule_fixes_their_sense(nlp, text: str, word: str, plover: str, literal: bool) -> None:  # type: ignore[no-untyped-def]
    drafts = {d.mention.trigger.text: d for d in extract_drafts(nlp, text)}
    assert drafts[word].mention.type.plover == plover
    assert drafts[word].literal is literal


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Share prices marched higher in May as demand grew.", "marched"),
        ("The court blocked the bank from entering the insurance market.", "blocked"),
        ("Police blocked the marchers from entering the square.", "blocked"),
    ],
)
def test_everyday_and_state_senses_stay_out(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    drafts = {d.mention.trigger.text: d for d in extract_drafts(nlp, text)}
    assert word not in drafts or not drafts[word].literal
    assert word not in drafts or drafts[word].mention.type.plover_mode != "obstruct"


@pytest.mark.model
def test_the_subject_of_went_on_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = extract_drafts(nlp, "The college closed after the students went on a rampage over fees.")
    rampage = next(d.mention for d in drafts if d.mention.trigger.text == "rampage")
    assert rampage.actor is not None and rampage.actor.evidence.text == "the students"


@pytest.mark.model
def test_a_date_is_never_the_party_fought(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = extract_drafts(nlp, "On March 3rd, police clashed with angry hawkers at the bus park.")
    clash = next(d.mention for d in drafts if d.mention.trigger.text == "clashed")
    assert clash.recipient is not None and "hawkers" in clash.recipient.evidence.text


def _mention(
    text: str, trigger: str, plover: str, actor: tuple[str, ActorKind | None] | None = None
) -> Mention:
    start = text.index(trigger)
    kind = actor[1] if actor is not None else None
    ref = None
    if actor is not None:
        at = text.index(actor[0])
        ref = ActorRef(Evidence("a", at, at + len(actor[0]), actor[0]), kind=kind)
    return Mention(
        id=trigger,
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=EventType(plover, None, "", "", ""),
        actor=ref,
    )


def _domain() -> DomainFilter:
    return default_domain_filter()


def test_a_crowd_named_by_the_dictionary_is_a_crowd() -> None:
    text = "The students went on a rampage."
    assert named_crowd(ActorRef(Evidence("a", 0, 12, "The students"), kind=ActorKind.CIVILIANS))
    assert named_crowd(ActorRef(Evidence("a", 0, 6, "people"), kind=ActorKind.CIVILIANS))
    assert not named_crowd(ActorRef(Evidence("a", 0, 5, "a man"), kind=ActorKind.CIVILIANS))
    assert not named_crowd(ActorRef(Evidence("a", 0, 6, "Prices"), kind=None))
    rampage = _mention(text, "rampage", "PROTEST", ("The students", ActorKind.RIOTERS))
    # "rampage" has other senses (a team's): the crowd the dictionary names makes it stand
    assert _domain().keep([rampage], text, {rampage.id: "rampage"}) == []
    assert _domain().keep([rampage], text, {rampage.id: "rampage"}, crowds={rampage.id}) == [rampage]


def test_a_rule_that_fixes_the_sense_stands_in_any_article() -> None:
    text = "Youth stone suspected thief to death"
    stone = _mention(text, "stone", "ASSAULT")
    assert _domain().keep([stone], text, {stone.id: "stone"}) == []
    assert _domain().keep([stone], text, {stone.id: "stone"}, literal={stone.id}) == [stone]


def test_people_of_politics_are_a_side() -> None:
    text = "Political rivals clash at a church meeting."
    clash = _mention(text, "clash", "FIGHT", ("Political rivals", None))
    assert _domain().keep([clash], text, {clash.id: "clash"}) == [clash]
    # their words alone are no event in non-conflict news
    said = "Rival politicians rejected the idea of a new stadium."
    rejected = _mention(said, "rejected", "REJECT", ("Rival politicians", None))
    assert _domain().keep([rejected], said, {rejected.id: "reject"}) == []
    brands = "Fashion rivals clash at a trade fair."
    other = _mention(brands, "clash", "FIGHT", ("Fashion rivals", None))
    assert _domain().keep([other], brands, {other.id: "clash"}) == []


def _mentions(pipeline, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    article = Article(id="n", text=text, published_at=datetime(2021, 3, 10, tzinfo=UTC), source="test")
    return list(next(iter(pipeline.extract([article]))))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The college closed after students went on a rampage over fees.", "PROTEST"),
        ("Sugarcane farmers boycott deliveries to the mill.", "PROTEST"),
        ("Angry villagers destroyed the caretaker's office.", "ASSAULT"),
        ("Hundreds of nurses march to demand better pay", "PROTEST"),
    ],
)
def test_short_crowd_reports_give_an_event(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert plover in {m.type.plover for m in _mentions(pipeline, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The champions went on a scoring rampage in the second half.",
        "Prices marched higher in March as demand grew.",
    ],
)
def test_a_team_or_prices_are_no_crowd(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _mentions(pipeline, text) == []


# --- 3. the state's forces are never rioters ------------------------------------------------------


def _coded(
    text: str,
    trigger: str,
    plover: str,
    mode: str | None,
    actor: tuple[str, ActorKind | None] | None = None,
    recipient: tuple[str, ActorKind | None] | None = None,
) -> Mention:
    def ref(part: tuple[str, ActorKind | None] | None) -> ActorRef | None:
        if part is None:
            return None
        at = text.index(part[0])
        return ActorRef(Evidence("a", at, at + len(part[0]), part[0]), kind=part[1])

    start = text.index(trigger)
    return Mention(
        id=trigger,
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=crosswalk(plover, mode),
        actor=ref(actor),
        recipient=ref(recipient),
        modality=Modality.ASSERTED,
    )


TEXT = "Traders mounted a roadblock on the highway and police clashed with the traders."


def test_police_fighting_a_crowd_beside_a_demonstration_are_the_other_party() -> None:
    roadblock = _coded(TEXT, "roadblock", "PROTEST", "obstruct", ("Traders", ActorKind.PROTESTERS))
    clash = _coded(
        TEXT,
        "clashed",
        "FIGHT",
        None,
        ("police", ActorKind.STATE_FORCES),
        ("the traders", ActorKind.CIVILIANS),
    )
    coded = code_in_context([roadblock, clash])[1]
    assert (coded.type.plover, coded.type.plover_mode, coded.type.acled_type) == ("PROTEST", "riot", "Riots")
    assert (
        coded.actor is not None
        and coded.actor.text == "the traders"
        and coded.actor.kind is ActorKind.RIOTERS
    )
    assert coded.recipient is not None and coded.recipient.kind is ActorKind.STATE_FORCES


def test_police_fighting_gunmen_beside_a_demonstration_fight_a_battle() -> None:
    text = "Traders mounted a roadblock on the highway and police clashed with gunmen nearby."
    roadblock = _coded(text, "roadblock", "PROTEST", "obstruct", ("Traders", ActorKind.PROTESTERS))
    clash = _coded(
        text,
        "clashed",
        "FIGHT",
        None,
        ("police", ActorKind.STATE_FORCES),
        ("gunmen", ActorKind.POLITICAL_MILITIA),
    )
    coded = code_in_context([roadblock, clash])[1]
    assert coded.type.plover == "FIGHT" and coded.actor is not None
    assert coded.actor.kind is ActorKind.STATE_FORCES


@pytest.mark.model
def test_a_riot_told_with_the_police_as_subject_has_the_crowd_as_rioters(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Police engaged the students in running battles outside the college."
    riots = [m for m in _mentions(pipeline, text) if m.type.plover_mode == "riot"]
    assert riots
    for riot in riots:
        assert riot.actor is not None and riot.actor.kind is ActorKind.RIOTERS
        assert riot.recipient is not None and riot.recipient.kind is ActorKind.STATE_FORCES


# --- 4. a grenade thrown is no stone -------------------------------------------------------------


def test_a_grenade_thrown_by_no_one_named_has_no_rioters() -> None:
    text = "A grenade was thrown at a shop in the town."
    thrown = _coded(text, "thrown", "ASSAULT", "grenade")
    coded = code_note(thrown, [thrown], text)
    assert coded.type.acled_sub_type == "Grenade"
    assert coded.actor is None or coded.actor.kind is not ActorKind.RIOTERS


def test_stones_thrown_by_no_one_named_are_a_crowds() -> None:
    text = "Stones were thrown at the bus in the town."
    thrown = _coded(text, "thrown", "ASSAULT", "primitive")
    coded = code_note(thrown, [thrown], text)
    assert coded.actor is not None and coded.actor.kind is ActorKind.RIOTERS
