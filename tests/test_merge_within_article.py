"""Within one article, which mentions tell the same happening (merge/cluster.py ``within_article``):
a mention that follows a happening closely joins it only when it names no other place and no other
date. Hand-made mentions, no model."""

from __future__ import annotations

from datetime import date

from eventscope.merge.cluster import within_article
from eventscope.models import PlaceLevel, TimePrecision, TimeRef
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
