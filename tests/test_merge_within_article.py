"""Within one article, which mentions tell the same happening (merge/cluster.py ``within_article``):
a mention that follows a happening closely joins it only when it names no other place and no other
date. Hand-made mentions, no model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscope.merge.cluster import within_article
from eventscope.merge.names import StoryWords
from eventscope.merge.words import names_own_victim
from eventscope.models import ActorRef, Evidence, Mention, PlaceLevel, TimePrecision, TimeRef
from tests.test_merge_compare import LEBANON, METULA, NABATIEH, THU, day, mention

WEEK = TimeRef(date(2026, 5, 1), THU, TimePrecision.WEEK, resolved=False)  # no date in the text
EARLIER_THIS_MONTH = TimeRef(date(2026, 5, 1), THU, TimePrecision.MONTH)


def groups(*mentions_in_order: object) -> list[list[int]]:
    clusters = within_article(list(mentions_in_order))  # type: ignore[arg-type]
    return [[m.trigger.start for m in c.mentions] for c in clusters]


def test_a_placeless_undated_mention_right_after_a_happening_is_its_detail() -> None:
    lede = mention("a", NABATIEH, day(THU), start=0)
    detail = mention("a", None, WEEK, actor=None, start=200)  # "The blast killed three people."
    assert groups(lede, detail) == [[0, 200]]


def test_a_mention_with_a_date_of_its_own_is_another_happening() -> None:
    # "Earlier this month, an ambush on a fuel convoy killed three drivers" after Wednesday's attack
    lede = mention("a", NABATIEH, day(THU), start=0)
    ambush = mention("a", None, EARLIER_THIS_MONTH, actor=None, start=200)
    assert groups(lede, ambush) == [[0], [200]]
    # the same day is no other date
    same_day = mention("a", None, day(THU), actor=None, start=200)
    assert groups(lede, same_day) == [[0, 200]]


def test_an_undated_mention_naming_the_same_town_right_after_a_happening_is_its_detail() -> None:
    # "... clashes near Palmyra on Wednesday night. Seven soldiers died after fighters attacked an army
    # position about 30 km east of Palmyra."
    lede = mention("a", NABATIEH, day(THU), start=0)
    detail = mention("a", NABATIEH, WEEK, actor=None, start=200)
    assert groups(lede, detail) == [[0, 200]]
    # another town is another place: not a detail
    elsewhere = mention("a", METULA, WEEK, actor=None, start=200)
    assert groups(lede, elsewhere) == [[0], [200]]
    # the country around it does not say it is the same spot
    country = mention("a", LEBANON, WEEK, actor=None, start=200, level=PlaceLevel.COUNTRY)
    assert groups(lede, country) == [[0], [200]]


def test_a_detail_far_from_its_happening_is_not_taken_for_one() -> None:
    lede = mention("a", NABATIEH, day(THU), start=0)
    far = mention("a", None, WEEK, actor=None, start=5000)
    assert groups(lede, far) == [[0], [5000]]


# story words of a corpus large enough to tell them (merge/names.py): surnames in the news name someone,
# first names and titles do not
STORY = StoryWords(
    {"galan": 1.0, "valencia": 1.0, "perez": 1.0, "espectador": 1.0, "carlos": 0.0, "luis": 0.1}, 0.5
)


def by_id(*mentions_in_order: Mention) -> list[list[str]]:
    return [[m.id for m in c.mentions] for c in within_article(list(mentions_in_order), STORY)]


def told(base: Mention, sentence: str, trigger: str, victim: str | None) -> Mention:
    """``base`` with a real sentence: its event word and its victim where the sentence has them."""
    start, article = base.sentence.start, base.article_id
    at = sentence.index(trigger)
    target = None
    if victim is not None:
        v = sentence.index(victim)
        target = ActorRef(Evidence(article, start + v, start + v + len(victim), victim))
    return replace(
        base,
        sentence=Evidence(article, start, start + len(sentence), sentence),
        trigger=Evidence(article, start + at, start + at + len(trigger), trigger),
        recipient=target,
    )


GALAN = "Luis Carlos Galan was the victim of another attack tonight."


def test_an_act_named_by_another_victim_is_another_happening() -> None:
    lede = told(mention("a", NABATIEH, day(THU), actor=None, start=0), GALAN, "attack", "Luis Carlos Galan")
    later = mention("a", None, WEEK, actor=None, start=200)
    judge = told(
        later,
        "The murder of magistrate Carlos Valencia led the judges to protest.",
        "murder",
        "magistrate Carlos Valencia",
    )
    assert names_own_victim(judge)
    assert by_id(lede, judge) == [["m-a-0"], ["m-a-200"]]
    owned = told(later, "Carlos Valencia's murder led the judges to protest.", "murder", "Carlos Valencia")
    assert names_own_victim(owned)
    assert by_id(lede, owned) == [["m-a-0"], ["m-a-200"]]
    # the target through "on" or "against": "the car bomb attack on the newspaper El Espectador"
    paper = told(
        later,
        "They are also connected to the car bomb attack on the newspaper El Espectador.",
        "attack",
        "the newspaper El Espectador",
    )
    assert names_own_victim(paper)
    assert by_id(lede, paper) == [["m-a-0"], ["m-a-200"]]


def test_more_victims_of_the_same_act_and_the_same_victim_again_still_follow() -> None:
    lede = told(mention("a", NABATIEH, day(THU), actor=None, start=0), GALAN, "attack", "Luis Carlos Galan")
    later = mention("a", None, WEEK, actor=None, start=200)
    # "killed" names its victim as a verb's object: more victims of the same attack
    also = told(later, "The blast also killed councillor Juan Perez.", "killed", "councillor Juan Perez")
    assert not names_own_victim(also)
    assert by_id(lede, also) == [["m-a-0", "m-a-200"]]
    # the act named by the happening's own victim is the happening
    again = told(later, "The murder of Luis Carlos Galan shocked the country.", "murder", "Luis Carlos Galan")
    assert by_id(lede, again) == [["m-a-0", "m-a-200"]]
    # a lede that names no victim: the detail names it ("A bomb exploded in Lima. ... The killing of
    # councillor Juan Perez ...")
    bomb = told(mention("a", NABATIEH, day(THU), actor=None, start=0), "A bomb exploded.", "exploded", None)
    killing = told(
        later, "The killing of councillor Juan Perez shocked the town.", "killing", "councillor Juan Perez"
    )
    assert by_id(bomb, killing) == [["m-a-0", "m-a-200"]]
