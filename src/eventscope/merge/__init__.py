"""Merging mentions from many articles into events: one per real-world happening.

    compare.py  do two mentions report the same happening? (score and reasons)
    places.py   where a report's happening was, and whether two reports' places allow one happening
    cluster.py  within each article, then across articles, in an order set by content alone
    consolidate.py  one widely reported happening met as several clusters becomes one
    names.py    which participant words are distinctive enough to tie reports together
    build.py    a cluster -> Event: place, time, independent sources, claim status, tolls, reports

Event ids come from each cluster's founding mention (the first in content order), so re-running on
the same articles, in any order, gives the same ids; the store keeps an old id resolvable when a
later, earlier-published report changes an event's founder or two events become one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventscope.merge.build import build_event
from eventscope.merge.cluster import cluster_mentions
from eventscope.merge.consolidate import consolidate_clusters
from eventscope.merge.names import distinctive_words
from eventscope.merge.places import main_place
from eventscope.models import Article, Event, Mention

__all__ = ["main_place", "merge_mentions"]


def merge_mentions(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> list[Event]:
    """Cluster mentions into events and build each event."""
    distinctive = distinctive_words(mentions, articles)
    clusters = consolidate_clusters(cluster_mentions(mentions, articles, distinctive), articles)
    events = [build_event(c, articles) for c in clusters]
    return sorted(events, key=lambda e: (e.start, e.id))
