"""How many independent sources an event has, and its claim status (merge/build.py): an article counts
once, as the outlet all its reports of the event relay, else as itself; a doubt about a figure or a
target's denial of any part in something else does not dispute the event. Hand-made mentions, no model."""

from __future__ import annotations

from dataclasses import replace

from eventscope.merge.build import build_event
from eventscope.merge.cluster import cluster_mentions
from eventscope.models import ActorRef, Article, Attribution, AttributionKind, ClaimStatus, Evidence, Mention
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


def test_a_doubt_about_a_figure_keeps_the_tolls_side_by_side_not_the_event_disputed() -> None:
    ms = [mention("a", NABATIEH, day(THU), killed=20, start=0), mention("b", NABATIEH, day(THU), killed=7)]
    claim = "The group said it killed 20 soldiers."
    arts = {
        "a": Article(
            id="a", text=claim + " Officials disputed the figure, saying the group inflates it.", outlet="A"
        ),
        "b": Article(id="b", text="Seven soldiers were killed in the attack, the ministry said.", outlet="B"),
    }
    ms[0] = replace(ms[0], sentence=Evidence("a", 0, len(claim), claim))
    (cluster,) = cluster_mentions(ms, arts)
    event = build_event(cluster, arts)
    doubted = next(r for r in event.reports if r.article_id == "a")
    assert doubted.disputed_by is not None and "disputed the figure" in doubted.disputed_by
    assert event.claim_status is ClaimStatus.CORROBORATED
    assert (event.fatalities_low, event.fatalities_high) == (7, 20)
    # a doubt that the event happened at all still disputes it
    arts["a"] = Article(id="a", text=claim + " Officials said the claim was false.", outlet="A")
    assert build_event(cluster_mentions(ms, arts)[0], arts).claim_status is ClaimStatus.DISPUTED


def test_the_target_denying_any_part_in_what_came_before_does_not_dispute_the_event() -> None:
    said = "The military said it had targeted Hezbollah infrastructure after rockets were launched."
    strike = replace(
        mention("a", NABATIEH, day(THU), start=0),
        sentence=Evidence("a", 0, len(said), said),
        recipient=ActorRef(Evidence("a", 40, 49, "Hezbollah"), "hezbollah", "Hezbollah"),
    )
    other = mention("b", NABATIEH, day(THU))
    arts = {
        "a": Article(
            id="a", text=said + " Hezbollah has denied any involvement in the launches.", outlet="A"
        ),
        "b": Article(id="b", text="An Israeli strike hit a building in Nabatieh.", outlet="B"),
    }
    event = build_event(cluster_mentions([strike, other], arts)[0], arts)
    assert event.claim_status is ClaimStatus.CORROBORATED
    # the perpetrator denying it still disputes it
    arts["a"] = Article(id="a", text=said + " Israel has denied any involvement in the strike.", outlet="A")
    assert build_event(cluster_mentions([strike, other], arts)[0], arts).claim_status is ClaimStatus.DISPUTED
