"""One widely reported happening met as several clusters becomes one (merge/consolidate.py), and a
country's army and government are one perpetrator (merge/compare.py). Hand-made mentions, no model."""

from __future__ import annotations

from datetime import date, timedelta

from eventscope.merge.cluster import Cluster, sweep_key
from eventscope.merge.compare import compare, profile
from eventscope.merge.consolidate import consolidate_clusters, met_first, one_happening
from eventscope.models import (
    ActorKind,
    ActorRef,
    Evidence,
    Mention,
    MergeLink,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    TimePrecision,
    TimeRef,
)
from tests.test_merge_r8_rules import ASSAULT, NABATIEH, THU, TYRE, articles, day


def mention(
    article: str,
    when: TimeRef,
    *,
    place: Place | None = NABATIEH,
    victim: str = "the journalist Karim Haddad",
    actor: str | None = None,
    start: int = 0,
) -> Mention:
    site = PlaceRef(Evidence(article, 0, 5, "place"), PlaceRole.SITE, place, PlaceLevel.TOWN)
    places = (site,) if place else ()
    doer = (
        ActorRef(Evidence(article, 0, 5, "forces"), actor, actor, ActorKind.STATE_FORCES, actor.split("-")[1])
        if actor
        else None
    )
    return Mention(
        id=f"m-{article}-{start}",
        article_id=article,
        sentence=Evidence(article, start, start + 30, f"{victim} was killed"),
        trigger=Evidence(article, start, start + 6, "killed"),
        type=ASSAULT,
        actor=doer,
        recipient=ActorRef(Evidence(article, start, start + len(victim), victim)),
        places=places,
        time=when,
    )


def cluster_of(*mentions: Mention) -> Cluster:
    cluster = Cluster()
    for m in mentions:
        cluster.add(m, MergeLink(m.id, None, 0.0, ("first report in its article",)))
        cluster.pieces.append(profile([m]))  # each article's own profile, as the sweep keeps them
    return cluster


def test_two_widely_reported_clusters_of_one_happening_become_one() -> None:
    # one report of ten misread ("two days later" taken for the day of the killing): it rules out the
    # four reports of the other cluster, which kept the sweep (complete link) from joining them; 4 of
    # the 40 report pairs conflict, the other 36 agree
    home = cluster_of(*(mention(a, day(THU)) for a in "abcdefghi"), mention("j", day(date(2026, 5, 9))))
    other = cluster_of(*(mention(a, day(THU)) for a in "klmn"))
    arts = articles(*"abcdefghijklmn")
    (kept,) = consolidate_clusters([home, other], arts)
    assert kept is home and other.absorbed
    assert {m.article_id for m in kept.mentions} == set("abcdefghijklmn")
    assert any("one happening met as two clusters" in r for link in kept.links for r in link.reasons)


def test_clusters_whose_reports_often_rule_each_other_out_stay_apart() -> None:
    home = cluster_of(*(mention(a, day(THU)) for a in "abc"))
    other = cluster_of(*(mention(a, day(THU), place=TYRE) for a in "def"))  # Tyre: 30 km from Nabatieh
    assert one_happening(home, other) is None
    assert len(consolidate_clusters([home, other], articles(*"abcdef"))) == 2


def test_clusters_told_by_few_articles_are_left_to_the_sweep() -> None:
    home = cluster_of(mention("a", day(THU)), mention("b", day(THU)))
    other = cluster_of(mention("c", day(THU)), mention("d", day(THU)))
    assert len(consolidate_clusters([home, other], articles(*"abcd"))) == 2


def test_a_retelling_kept_out_by_one_misread_report_joins_the_widely_reported_happening() -> None:
    # one report of ten misread ("two days later" taken for the day of the killing) rules out a later
    # report of the right day, which the sweep (complete link) then kept in a cluster of its own
    def wide() -> Cluster:
        return cluster_of(*(mention(a, day(THU)) for a in "abcdefghi"), mention("j", day(date(2026, 5, 9))))

    happening, retelling = wide(), cluster_of(mention("k", day(THU)))
    (kept,) = consolidate_clusters([happening, retelling], articles(*"abcdefghijk"))
    assert kept is happening and retelling.absorbed
    assert any("a retelling of a widely reported happening" in r for link in kept.links for r in link.reasons)
    # without a participant's name in common it stays apart, as it does when most reports rule it out
    other_victim = cluster_of(mention("l", day(THU), victim="the farmer Samir Khoury"))
    assert len(consolidate_clusters([wide(), other_victim], articles(*"abcdefghijl"))) == 2
    misdated = cluster_of(mention("m", day(date(2026, 5, 12))))
    assert len(consolidate_clusters([wide(), misdated], articles(*"abcdefghijm"))) == 2


def test_clusters_without_a_shared_participant_name_stay_apart() -> None:
    home = cluster_of(*(mention(a, day(THU)) for a in "abc"))
    other = cluster_of(*(mention(a, day(THU), victim="the farmer Samir Khoury") for a in "def"))
    assert one_happening(home, other) is None


def test_consolidation_does_not_depend_on_the_order_of_clusters() -> None:
    def run(reverse: bool) -> set[frozenset[str]]:
        clusters = [
            cluster_of(*(mention(a, day(THU)) for a in "abcd")),
            cluster_of(*(mention(a, day(THU)) for a in "efg")),
            cluster_of(*(mention(a, day(THU), place=TYRE, victim="the farmer Samir Khoury") for a in "hij")),
        ]
        order = list(reversed(clusters)) if reverse else clusters
        kept = consolidate_clusters(order, articles(*"abcdefghij"))
        return {frozenset(m.article_id for m in c.mentions) for c in kept}

    assert run(False) == run(True) == {frozenset("abcdefg"), frozenset("hij")}


def test_a_countrys_army_and_government_are_not_different_perpetrators() -> None:
    army = mention("a", day(THU), actor="military-lb")
    government = mention("b", day(THU), actor="government-lb", victim="Karim Haddad")
    agreement = compare(army, government)
    assert agreement.joins and not agreement.actor_conflict
    # another state's army is a different perpetrator
    other = compare(army, mention("c", day(THU), actor="military-il", victim="Karim Haddad"))
    assert other.actor_conflict


def test_articles_that_told_the_happening_twice_do_not_keep_its_clusters_apart() -> None:
    # the within-article pass kept two mentions of articles a and b apart, and each joined another
    # cluster; their mentions agree, so the articles told one happening twice, not two happenings
    home = cluster_of(*(mention(a, day(THU)) for a in "abcdef"))
    other = cluster_of(*(mention(a, day(THU)) for a in "ghi"), mention("a", day(THU), start=500))
    other.add(
        mention("b", day(THU), start=500), MergeLink("m-b-500", None, 0.0, ("first report in its article",))
    )
    assert one_happening(home, other) is not None
    (kept,) = consolidate_clusters([home, other], articles(*"abcdefghi"))
    assert {m.article_id for m in kept.mentions} == set("abcdefghi")


def _weak(word: str, *, in_sentence: bool = False) -> float:
    """ "Haddad" names the victim, but weakly (a name spread over many articles): too little for a
    retelling (``BRIDGE_NAMES``), enough with the same town, as in the sweep."""
    return 0.6 if word == "haddad" else 0.0


def swept(*mentions: Mention) -> Cluster:
    """A cluster as the sweep leaves it: weighted names, and when the sweep met its first report."""
    cluster = Cluster(distinctive=_weak)
    for m in mentions:
        cluster.add(m, MergeLink(m.id, None, 0.0, ("first report in its article",)))
        cluster.pieces.append(profile([m]))
    cluster.founded = sweep_key(cluster, articles(*{m.article_id for m in mentions}))
    return cluster


def test_a_report_met_before_the_happenings_first_report_joins_it_on_the_sweeps_terms() -> None:
    # "the recent assassinations" of an editorial, dated by the "recent months" of its sentence: the
    # sweep visits it three months before the killing's first report, so it never met those reports
    recent = TimeRef(THU - timedelta(days=90), THU, TimePrecision.MONTH)
    happening, early = swept(*(mention(a, day(THU)) for a in "abc")), swept(mention("d", recent))
    assert one_happening(happening, early) is None  # the name is too weak for a retelling
    assert met_first(happening, early) is not None
    (kept,) = consolidate_clusters([happening, early], articles(*"abcd"))
    assert kept is happening and early.absorbed
    assert any("met before the happening's first report" in r for link in kept.links for r in link.reasons)


def test_a_report_the_sweep_met_after_the_happening_keeps_the_sweeps_verdict() -> None:
    # met after the happening's first report: the sweep compared it with the happening and kept it out
    late = TimeRef(THU + timedelta(days=1), THU + timedelta(days=90), TimePrecision.MONTH)
    happening, later = swept(*(mention(a, day(THU)) for a in "abc")), swept(mention("d", late))
    assert met_first(happening, later) is None
    assert len(consolidate_clusters([happening, later], articles(*"abcd"))) == 2
    # met early but ruled out by a report of the happening (another town): no join either
    recent = TimeRef(THU - timedelta(days=90), THU, TimePrecision.MONTH)
    happening, elsewhere = (
        swept(*(mention(a, day(THU)) for a in "abc")),
        swept(mention("d", recent, place=TYRE)),
    )
    assert met_first(happening, elsewhere) is None
