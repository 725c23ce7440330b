"""How many independent sources an event has (merge/build.py): an article counts once, as the outlet
all its reports of the event relay, else as itself. Hand-made mentions, no model."""

from __future__ import annotations

from dataclasses import replace

from eventscope.merge.build import build_event
from eventscope.merge.cluster import cluster_mentions
from eventscope.models import Attribution, AttributionKind, Mention
from tests.test_merge_compare import NABATIEH, THU, articles, day, mention

NNA = Attribution(AttributionKind.STATE_MEDIA, "the National News Agency")
ARMY = Attribution(AttributionKind.OFFICIAL_STATEMENT, "the Israeli military")


def said(m: Mention, attribution: Attribution) -> Mention:
    return replace(m, attribution=attribution)


def test_an_article_that_relays_a_toll_and_quotes_the_army_itself_counts_once_as_itself() -> None:
    ms = [
        said(mention("a", NABATIEH, day(THU), start=0), NNA),  # "killed three, state media says"
        said(mention("a", NABATIEH, day(THU), start=300), ARMY),  # "the military said it struck"
        said(mention("b", NABATIEH, day(THU)), ARMY),
    ]
    arts = articles(("a", "Levant Wire"), ("b", "Beirut Digest"))
    (cluster,) = cluster_mentions(ms, arts)
    event = build_event(cluster, arts)
    assert {r.origin for r in event.reports} == {"outlet:levant wire", "outlet:beirut digest"}
    assert event.n_independent == 2


def test_articles_that_only_relay_one_outlet_count_as_that_outlet_once() -> None:
    ms = [said(mention(a, NABATIEH, day(THU)), NNA) for a in "abc"]
    arts = articles(("a", "Levant Wire"), ("b", "Beirut Digest"), ("c", "Cedar Post"))
    (cluster,) = cluster_mentions(ms, arts)
    event = build_event(cluster, arts)
    assert {r.origin for r in event.reports} == {"relay:the national news agency"}
    assert (event.n_outlets, event.n_independent) == (3, 1)
