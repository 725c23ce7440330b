"""After the sweep: one widely reported happening that the sweep met as several clusters becomes one.

The sweep (``cluster.cluster_mentions``) joins reports one by one, each to the best cluster none of
whose reports rules it out. A happening many outlets tell for weeks (the murder of the six Jesuits in
San Salvador) is then often met as several clusters: retellings that founded one before the main
reports were met, a report whose date or place the extractor misread and that blocks every later
join (complete link), an article whose two mentions of the happening the within-article pass kept
apart. Once every report is placed, two clusters that each several articles tell, that name the same
participant, whose pooled profiles join and whose reports rarely rule each other out, are one
happening: the smaller joins the larger, with the reasons on its founder's link.

Complete link stays the rule while a cluster grows from a few reports; here a handful of misread
reports among dozens is outvoted (``CONFLICT_SHARE``), and an article may have told the happening in
two places (``SHARED_ARTICLES``: only an article whose reports in one cluster rule out its reports in
the other counts against the join). Then a cluster of one or two articles that is one with a widely
reported happening on the same terms joins it (``_attach_stragglers``): the same outvoting, for a
retelling the sweep kept out. So does one the sweep met before the happening's first report, on the
sweep's own terms (``met_first``): the sweep lets a report join only the clusters founded before it.
Clusters are visited in an order set by content alone (most articles first, then the founder's visit
key), so the result stays independent of ingestion order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventscope.merge.cluster import BRIDGE_NAMES, Cluster, absorb, bridge, visit_key
from eventscope.merge.compare import Agreement, compare_profiles, name_score, profile
from eventscope.models import Article

# both clusters told by this many articles or more: a happening reported widely enough to be met twice
CONSOLIDATE_FROM = 3
# at most this share of the pairs of their reports may rule each other out (dates, places, perpetrators)
CONFLICT_SHARE = 0.1
# at most this share of the smaller cluster's articles may report in both
SHARED_ARTICLES = 1 / 3


def consolidate_clusters(clusters: Sequence[Cluster], articles: Mapping[str, Article]) -> list[Cluster]:
    """Join the clusters that are one widely reported happening (see the module docstring); returns
    the clusters left, in their order."""
    wide = [c for c in clusters if len(c.article_ids) >= CONSOLIDATE_FROM]
    changed = True
    while changed:
        changed = False
        wide = sorted((c for c in wide if not c.absorbed), key=lambda c: _order(c, articles))
        # only clusters that share a name can be one happening: compare those, not every pair
        by_name: dict[str, list[int]] = {}
        for i, cluster in enumerate(wide):
            for name in cluster.profile.names:
                by_name.setdefault(name, []).append(i)
        for i, home in enumerate(wide):
            if home.absorbed:
                continue
            sharing = sorted({j for name in home.profile.names for j in by_name.get(name, ()) if j > i})
            for j in sharing:
                other = wide[j]
                if home.absorbed or other.absorbed:
                    continue
                agreement = one_happening(home, other)
                if agreement is not None:
                    absorb(home, other, agreement, articles, why="one happening met as two clusters")
                    changed = True
    kept = [c for c in clusters if not c.absorbed]
    _attach_stragglers(kept, articles)
    return [c for c in kept if not c.absorbed]


def _attach_stragglers(clusters: Sequence[Cluster], articles: Mapping[str, Article]) -> None:
    """A cluster of fewer than ``CONSOLIDATE_FROM`` articles joins the widely reported happening it is
    one with (``one_happening``), the best-scoring one when several are: a retelling that the sweep's
    complete link kept out because a few of the happening's many reports rule it out (one misread
    date or place among dozens), and that therefore founded a cluster of its own. Stragglers are
    visited in content order; they join wide clusters only, never each other."""
    wide = sorted(
        (c for c in clusters if len(c.article_ids) >= CONSOLIDATE_FROM), key=lambda c: _order(c, articles)
    )
    position = {id(c): i for i, c in enumerate(wide)}  # their content order as the pass begins
    by_name: dict[str, list[Cluster]] = {}
    for cluster in wide:
        for name in cluster.profile.names:
            by_name.setdefault(name, []).append(cluster)
    stragglers = [c for c in clusters if len(c.article_ids) < CONSOLIDATE_FROM]
    for straggler in sorted(stragglers, key=lambda c: _order(c, articles)[1]):
        names = straggler.profile.names
        sharing = {id(c): c for name in names for c in by_name.get(name, ())}
        best: tuple[tuple[float, int], Cluster, Agreement, str] | None = None
        for home in sorted(sharing.values(), key=lambda c: position[id(c)]):
            agreement = one_happening(home, straggler)
            why = "a retelling of a widely reported happening"
            if agreement is None:
                agreement = met_first(home, straggler)
                why = "met before the happening's first report"
            if agreement is None:
                continue
            rank = (agreement.score, len(home.article_ids))
            if best is None or rank > best[0]:
                best = (rank, home, agreement, why)
        if best is not None:
            absorb(best[1], straggler, best[2], articles, why=best[3])


def met_first(home: Cluster, straggler: Cluster) -> Agreement | None:
    """The agreement of a widely reported cluster and a straggler the sweep met before the cluster's
    first report, when the straggler joins it on the sweep's own terms (``cluster.bridge``: the pooled
    profiles join and no report of one rules out a report of the other). The sweep lets a report join
    only the clusters founded before it, so a report it meets early never meets the happening's own
    reports: an editorial's "recent assassinations ... including a Jesuit priest", dated by the "recent
    months" of its sentence, is visited months before the murders' first report."""
    if straggler.founded is None or home.founded is None or straggler.founded >= home.founded:
        return None
    return bridge(home, straggler)


def one_happening(home: Cluster, other: Cluster) -> Agreement | None:
    """The agreement of a widely reported cluster and another when they are one happening, else None."""
    a, b = home.profile, other.profile
    if a.family != b.family or a.time.historical != b.time.historical:
        return None
    shared = sorted(a.names & b.names)
    if not shared or name_score(a, b, shared) < BRIDGE_NAMES:
        return None
    both = sum(_tells_two(home, other, a) for a in home.article_ids & other.article_ids)
    if both > SHARED_ARTICLES * min(len(home.article_ids), len(other.article_ids)):
        return None
    agreement = compare_profiles(a, b)
    if not agreement.joins or agreement.actor_conflict:
        return None
    allowed = CONFLICT_SHARE * len(home.pieces) * len(other.pieces)
    conflicts = 0
    for x in home.pieces:
        for y in other.pieces:
            conflicts += compare_profiles(x, y).excluded
            if conflicts > allowed:
                return None
    return agreement


def _tells_two(home: Cluster, other: Cluster, article_id: str) -> bool:
    """Does an article with reports in both clusters tell two happenings there (its reports in one
    rule out its reports in the other), rather than one happening the within-article pass met twice?"""
    mine = [m for m in home.mentions if m.article_id == article_id]
    theirs = [m for m in other.mentions if m.article_id == article_id]
    words = home.distinctive
    return compare_profiles(profile(mine, words), profile(theirs, words), one_article=True).excluded


def _order(cluster: Cluster, articles: Mapping[str, Article]) -> tuple[int, tuple[str, str, str, str, int]]:
    return -len(cluster.article_ids), min(visit_key(m, articles) for m in cluster.mentions)
