"""A campaign ("the offensive") is not one of the happenings told during it: the merge keeps them apart."""

from __future__ import annotations

from dataclasses import replace

from eventscope.merge import merge_mentions
from eventscope.merge.compare import compare, kind
from eventscope.models import EventType, Evidence, Mention
from tests.test_merge_compare import NABATIEH, THU, articles, day, mention

FIGHT = EventType("FIGHT", None, "Battles", "Armed clash", "19")


def campaign(article: str, start: int = 0, word: str = "offensive") -> Mention:
    told = mention(article, NABATIEH, day(THU), start=start)
    return replace(told, type=FIGHT, trigger=Evidence(article, start, start + len(word), word.upper()))


def test_a_campaign_word_makes_a_report_of_a_campaign_whatever_its_case_or_number() -> None:
    assert kind(campaign("a")) == "violence campaign"
    assert kind(campaign("a", word="Offensives")) == "violence campaign"
    assert kind(campaign("a", word="counteroffensive")) == "violence campaign"
    assert kind(mention("a", NABATIEH, day(THU))) == "violence"
    assert kind(replace(campaign("a"), trigger=Evidence("a", 0, 8, "fighting"))) == "violence"


def test_a_campaign_of_protests_is_not_a_campaign_of_violence() -> None:
    protests = replace(
        campaign("b", word="campaign"), type=EventType("PROTEST", None, "Protests", "Peaceful protest", "14")
    )
    assert kind(protests) == "protest campaign"
    assert compare(campaign("a"), protests).reasons == ("different type families",)


def test_a_verb_that_starts_a_campaign_tells_of_the_campaign() -> None:
    text = "The FMLN launched a new offensive on the capital"
    told = mention("a", NABATIEH, day(THU))
    started = replace(
        told, sentence=Evidence("a", 0, len(text), text), trigger=Evidence("a", 9, 17, "launched")
    )
    assert kind(started) == "violence campaign"
    text = "Rebels launched an attack during the offensive"
    attack = replace(
        started, sentence=Evidence("a", 0, len(text), text), trigger=Evidence("a", 7, 15, "launched")
    )
    assert kind(attack) == "violence"


def test_a_campaign_and_a_strike_of_the_same_day_and_town_stay_two_events() -> None:
    agreement = compare(campaign("a"), mention("b", NABATIEH, day(THU)))
    assert agreement.excluded and not agreement.joins
    assert agreement.reasons == ("one tells of a campaign, the other of one happening",)
    # in one article too: "the offensive ... has left 1,000 dead, including six priests who were killed"
    told = [campaign("a", 0), mention("a", NABATIEH, day(THU), start=40)]
    events = merge_mentions(told, articles(("a", "A")))
    assert len(events) == 2
    assert sorted(e.type.plover for e in events) == ["ASSAULT", "FIGHT"]


def test_two_reports_of_one_campaign_still_join() -> None:
    events = merge_mentions([campaign("a"), campaign("b")], articles(("a", "A"), ("b", "B")))
    assert len(events) == 1 and events[0].n_reports == 2
