"""Clustering mentions into happenings: first within each article, then across articles.

Both passes visit mentions in an order that depends only on their content (start date, end date,
publication, article id, position), so the result is a function of the set of mentions: ingesting
the same articles in any order gives the same clusters. The cross-article pass is a sweep over start
dates: a cluster whose dates ended before the current mention starts can never match again and is
retired, which keeps the work close to linear.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from eventscope.merge.compare import Agreement, compare, family
from eventscope.models import Article, Mention, MergeLink

NEVER = datetime.max.isoformat()


@dataclass
class Cluster:
    """Mentions that report one happening, with why each one joined."""

    mentions: list[Mention] = field(default_factory=list)
    links: list[MergeLink] = field(default_factory=list)
    actor_conflict: bool = False
    end: date = date.min

    @property
    def article_ids(self) -> set[str]:
        return {m.article_id for m in self.mentions}

    def add(self, mention: Mention, link: MergeLink, conflict: bool = False) -> None:
        self.mentions.append(mention)
        self.links.append(link)
        self.actor_conflict = self.actor_conflict or conflict
        if mention.time is not None and mention.time.end > self.end:
            self.end = mention.time.end


def visit_key(mention: Mention, articles: Mapping[str, Article]) -> tuple[str, str, str, str, int]:
    article = articles.get(mention.article_id)
    published = article.published_at.isoformat() if article and article.published_at else NEVER
    start = mention.time.start.isoformat() if mention.time else ""
    end = mention.time.end.isoformat() if mention.time else ""
    return (start, end, published, mention.article_id, mention.trigger.start)


def _best(mention: Mention, candidates: Sequence[Cluster]) -> tuple[Cluster, Mention, Agreement] | None:
    best: tuple[Cluster, Mention, Agreement] | None = None
    for cluster in candidates:
        if mention.article_id in cluster.article_ids:
            continue
        agreements = [(other, compare(mention, other)) for other in cluster.mentions]
        # complete link on exclusions (no member may rule it out), single link on the evidence
        if any(a.excluded for _, a in agreements):
            continue
        joined = [(other, a) for other, a in agreements if a.joins]
        if not joined:
            continue
        other, agreement = max(joined, key=lambda pair: pair[1].score)
        if best is None or agreement.score > best[2].score:
            best = (cluster, other, agreement)
    return best


def within_article(mentions: Sequence[Mention]) -> list[Cluster]:
    """Fold mentions of one article that report the same happening twice (a lede and its details)."""
    clusters: list[Cluster] = []
    for mention in sorted(mentions, key=lambda m: m.trigger.start):
        home = None
        for cluster in clusters:
            agreements = [compare(mention, other) for other in cluster.mentions]
            strong = [a for a in agreements if a.joins and not a.actor_conflict and _anchored_same_article(a)]
            if strong and len(strong) == len(agreements):
                home = (cluster, max(strong, key=lambda a: a.score))
                break
        if home is None:
            cluster = Cluster()
            cluster.add(mention, MergeLink(mention.id, None, 0.0, ("first report in its article",)))
            clusters.append(cluster)
        else:
            cluster, agreement = home
            reasons = ("same article", *agreement.reasons)
            link = MergeLink(mention.id, cluster.mentions[0].id, agreement.score, reasons)
            cluster.add(mention, link)
    return clusters


def _anchored_same_article(agreement: Agreement) -> bool:
    # within one article, only a shared place or the same named actor makes two mentions one happening
    return agreement.place_points >= 0.8 or agreement.actors_agree


def cluster_mentions(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> list[Cluster]:
    """All mentions -> clusters, one per happening (see the module docstring)."""
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    pieces = [c for article_id in sorted(by_article) for c in within_article(by_article[article_id])]
    pieces.sort(key=lambda c: min(visit_key(m, articles) for m in c.mentions))
    active: dict[tuple[str, bool], list[Cluster]] = {}
    done: list[Cluster] = []
    for piece in pieces:
        lead = min(piece.mentions, key=lambda m: visit_key(m, articles))
        key = (family(lead.type.plover), bool(lead.time and lead.time.historical))
        start = lead.time.start if lead.time else date.min
        pool = active.setdefault(key, [])
        retired = [c for c in pool if c.end < start]
        done.extend(retired)
        pool[:] = [c for c in pool if c.end >= start]
        found = _best(lead, pool)
        if found is None:
            pool.append(piece)
            continue
        cluster, other, agreement = found
        for mention, link in zip(piece.mentions, piece.links, strict=True):
            if mention is lead:
                link = MergeLink(mention.id, other.id, agreement.score, agreement.reasons)
            cluster.add(mention, link, agreement.actor_conflict)
    done.extend(c for pool in active.values() for c in pool)
    return done
