"""An event merged from many reports takes the day and the type most of its articles give."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from eventscope.merge.build import build_event
from eventscope.merge.cluster import Cluster
from eventscope.models import EventType, Mention, MergeLink
from tests.test_merge_compare import NABATIEH, THU, articles, day, mention

FIGHT = EventType("FIGHT", None, "Battles", "Armed clash", "190")
MON = THU - timedelta(days=3)


def cluster(*mentions: Mention) -> Cluster:
    found = Cluster()
    for m in mentions:
        found.add(m, MergeLink(m.id, None, 0.0, ("test",)))
    return found


ARTICLES = articles(("a", "A"), ("b", "B"), ("c", "C"), ("d", "D"))


def test_one_report_that_misreads_the_day_does_not_re_date_the_event() -> None:
    # the earliest report ("the offensive, which began on Monday, ... priests who were assassinated")
    told = [mention("a", NABATIEH, day(MON))] + [mention(x, NABATIEH, day(THU)) for x in "bcd"]
    event = build_event(cluster(*told), ARTICLES)
    assert (event.start, event.end) == (THU, THU)


def test_between_days_as_many_articles_give_the_earliest_stands() -> None:
    told = [mention("a", NABATIEH, day(THU)), mention("b", NABATIEH, day(THU + timedelta(days=1)))]
    event = build_event(cluster(*told), ARTICLES)
    assert event.start == THU
    # a resolved day still comes before a report's unresolved window, however many give the window
    window = replace(day(MON), end=THU, resolved=False)
    told = [mention("a", NABATIEH, day(THU))] + [mention(x, NABATIEH, window) for x in "bcd"]
    assert build_event(cluster(*told), ARTICLES).start == THU


def test_the_type_most_articles_report_speaks_for_the_event() -> None:
    clash = replace(mention("a", NABATIEH, day(THU)), type=FIGHT, confidence=0.95)
    told = [clash] + [mention(x, NABATIEH, day(THU)) for x in "bcd"]
    assert build_event(cluster(*told), ARTICLES).type.plover == "ASSAULT"
    # within one article every type is told once: the most confident report speaks, as before
    alone = [clash, mention("a", NABATIEH, day(THU), start=40)]
    assert build_event(cluster(*alone), articles(("a", "A"))).type.plover == "FIGHT"
