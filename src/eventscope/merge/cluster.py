"""Clustering mentions into happenings: first within each article, then across articles.

Within an article, a mention joins an earlier happening when they agree and share an anchor (the same
place, actor or named participant), or when it names no place of its own and follows that happening
closely ("A bomb exploded in Lima on Monday. ... The blast killed three people."), unless it is an act
named by a victim the happening does not name ("the murder of magistrate Carlos Valencia" after "Galan
was the victim of another attack"). Across articles, each
article's happenings are compared through pooled profiles (finest place, best date, the names that
speak for the happening: once ``CORE_FROM`` articles tell it, those ``CORE_SUPPORT`` of them use).

Both passes visit mentions in an order that depends only on their content (start date, publication,
article id, position), so the clusters are a function of the set of mentions: ingesting the same
articles in any order gives the same result. The cross-article pass sweeps over start dates (a report
without a date at its publication: ``sweep_key``) and retires clusters that ended before the current
report starts; undated reports still reach retired clusters through an index of their names and actors
(nothing else can tie them), back to ``UNDATED_WEEKS`` before their publication. When a report joins
one cluster and names a participant of another it also fits, the two are one happening met twice and
become one (``bridge``), under the same complete-link exclusions as any report joining a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from eventscope.merge.compare import (
    NAME_ANCHOR,
    SLACK_DAYS,
    Agreement,
    Profile,
    WordWeight,
    add_weights,
    compare_profiles,
    name_score,
    name_weights,
    overlaps,
    profile,
    undated_start,
)
from eventscope.merge.words import names_own_victim
from eventscope.models import Article, Mention, MergeLink, TimePrecision
from eventscope.resolve.article_place import is_article_place

NEVER = datetime.max.isoformat()
# A cluster told by CORE_FROM articles or more speaks through the names CORE_SUPPORT of them use
CORE_FROM = 3
CORE_SUPPORT = 2
# name points (compare.name_score) with which a report that joins one cluster shows another to be the
# same happening (``bridge``): a participant's own name, not a word of the sentence around it
BRIDGE_NAMES = 1.0
# a mention this close after a happening of the same family belongs to it when it names no other place
# and no other date ("A bomb exploded in Lima on Monday. ... The blast killed three people.")
FOLLOW_CHARS = 600
SAME_TOWN = 0.8  # place points (places.place_points) of the same town, or towns within MERGE_KM


@dataclass
class Cluster:
    """Mentions that report one happening, with why each one joined."""

    mentions: list[Mention] = field(default_factory=list)
    links: list[MergeLink] = field(default_factory=list)
    actor_conflict: bool = False
    distinctive: WordWeight | None = None
    # each article's own profile, for complete-link checks
    pieces: list[Profile] = field(default_factory=list)
    article_ids: set[str] = field(default_factory=set)
    # the hull of the dates its reports give, for a cheap first check
    dated: tuple[date, date] | None = None
    end: date = date.min  # the last day any of its reports reaches
    retired: bool = False  # ended before the sweep's current date; reachable through _Pool's index
    absorbed: bool = False  # merged into another cluster (``absorb``): no longer a home for anything
    # when the sweep met its first report (``sweep_key``): a report met earlier could not join it then
    founded: tuple[str, str, str, str, int] | None = None
    # the pooled name weights of its mentions, kept up to date as they join (no re-reading of texts)
    weights: dict[str, float] = field(default_factory=dict)
    # which of its articles use each name: a name only one report of a well-reported happening uses
    # ("infantry brigade" in one report of a union bombing) does not speak for the happening
    used_by: dict[str, set[str]] = field(default_factory=dict)
    _profile: Profile | None = None

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = profile(self.mentions, self.distinctive, self.core_weights())
        return self._profile

    def core_weights(self) -> dict[str, float]:
        """The names that speak for the happening: all of them while few articles tell it, then those
        at least ``CORE_SUPPORT`` of its articles use."""
        if len(self.article_ids) < CORE_FROM:
            return dict(self.weights)
        return {w: v for w, v in self.weights.items() if len(self.used_by.get(w, ())) >= CORE_SUPPORT}

    def add(self, mention: Mention, link: MergeLink, conflict: bool = False) -> None:
        self.mentions.append(mention)
        self.links.append(link)
        self.article_ids.add(mention.article_id)
        self.actor_conflict = self.actor_conflict or conflict
        more = name_weights(mention, self.distinctive)
        add_weights(self.weights, more)
        for w in more:
            self.used_by.setdefault(w, set()).add(mention.article_id)
        if mention.time is not None:
            self.end = max(self.end, mention.time.end)
        if mention.time is not None and mention.time.resolved:
            start, end = mention.time.start, mention.time.end
            self.dated = (min(start, self.dated[0]), max(end, self.dated[1])) if self.dated else (start, end)
        self._profile = None


def visit_key(mention: Mention, articles: Mapping[str, Article]) -> tuple[str, str, str, str, int]:
    article = articles.get(mention.article_id)
    published = article.published_at.isoformat() if article and article.published_at else NEVER
    start = mention.time.start.isoformat() if mention.time else ""
    end = mention.time.end.isoformat() if mention.time else ""
    return (start, end, published, mention.article_id, mention.trigger.start)


def sweep_key(piece: Cluster, articles: Mapping[str, Article]) -> tuple[str, str, str, str, int]:
    """When the cross-article sweep visits an article's happening: at its start date when it gives a
    date; at the end of its reporting window (its publication) when it gives none. A report without a
    date tells of something that happened before it was published, so it is placed once every dated
    report up to then has been: "the murder of Luis Carlos Galan" in an undated reaction piece then
    finds the assassination's reports instead of founding an event that they join later."""
    first = min(visit_key(m, articles) for m in piece.mentions)
    if any(m.time is not None and m.time.resolved for m in piece.mentions):
        return first
    end = max((m.time.end for m in piece.mentions if m.time is not None), default=None)
    return (end.isoformat() if end else first[0], *first[1:])


def _placeless(mention: Mention) -> bool:
    """No place of its own (the article's fallback place is none: resolve/article_place.py)."""
    return not any(p.place is not None and not is_article_place(p) for p in mention.places)


def _undated_or_same_day(mention: Mention, cluster: Cluster) -> bool:
    """A mention that gives a date of its own follows a happening only when it gives that
    happening's day: "Earlier this month, an ambush on a fuel convoy killed three drivers" after
    Wednesday's attack is another happening, though it names no place the geocoder could resolve."""
    time = mention.time
    if time is None or not time.resolved:
        return True
    if time.precision is not TimePrecision.DAY:
        return False
    return any(
        t is not None
        and t.resolved
        and t.precision is TimePrecision.DAY
        and overlaps(t.start, t.end, time.start, time.end)
        for t in (m.time for m in cluster.mentions)
    )


def _names_another_victim(mention: Mention, own: Profile, cluster: Cluster) -> bool:
    """An act named by its victim ("the murder of magistrate Carlos Valencia", "Valencia's murder") is
    the happening of that victim: it does not follow a happening whose own victim has another name
    ("Luis Carlos Galan was the victim of another attack tonight"), however closely. Names are story
    words worth ``NAME_ANCHOR``. "The blast also killed councillor Juan Perez" tells of more victims of
    the same blast, not of another act, and still follows."""
    if not names_own_victim(mention):
        return False
    theirs = cluster.profile
    mine = _strong_victim_names(own)
    return bool(mine) and bool(_strong_victim_names(theirs)) and not (mine & theirs.names)


def _strong_victim_names(p: Profile) -> set[str]:
    """The single words of a profile's target names worth ``NAME_ANCHOR``."""
    return {w for w in p.target_names if " " not in w and p.weights.get(w, 0.0) >= NAME_ANCHOR}


def _country(p: Profile) -> str | None:
    """The country of a profile's place, unless it is a border zone (which belongs to two) or a place no
    event word governs (``PlaceRef.tied``: it rules nothing out)."""
    if p.place is None or p.place.place is None or p.place.place.feature_code == "BRDR":
        return None
    if not p.place.tied:
        return None
    return p.place.place.country_code


def within_article(mentions: Sequence[Mention], distinctive: WordWeight | None = None) -> list[Cluster]:
    """Fold mentions of one article that report the same happening twice (a lede and its details)."""
    clusters: list[Cluster] = []
    for mention in sorted(mentions, key=lambda m: m.trigger.start):
        own = profile([mention], distinctive)
        home: tuple[Cluster, tuple[str, ...], float] | None = None
        for cluster in reversed(clusters):  # nearest first
            agreement = compare_profiles(own, cluster.profile, one_article=True)
            if agreement.excluded or agreement.actor_conflict:
                continue
            if agreement.joins and (agreement.place_points >= SAME_TOWN or agreement.actors_agree):
                home = (cluster, ("same article", *agreement.reasons), agreement.score)
                break
            gap = mention.trigger.start - cluster.mentions[-1].sentence.end
            own_place = not _placeless(mention)
            if (
                (not own_place or agreement.place_points >= SAME_TOWN)
                and _undated_or_same_day(mention, cluster)
                and not _names_another_victim(mention, own, cluster)
                and gap <= FOLLOW_CHARS
            ):
                why = "names the same place" if own_place else "names no other place"
                home = (cluster, ("same article", f"follows it closely and {why}"), agreement.score)
                break
        if home is None:
            cluster = Cluster(distinctive=distinctive)
            cluster.add(mention, MergeLink(mention.id, None, 0.0, ("first report in its article",)))
            clusters.append(cluster)
        else:
            cluster, reasons, score = home
            cluster.add(mention, MergeLink(mention.id, cluster.mentions[0].id, score, reasons))
    return clusters


@dataclass
class _Pool:
    """Clusters of one type family and historical flag: active ones (in the order they were placed),
    every cluster by the names and actors it has used, and retired ones by name and actor."""

    active: list[Cluster] = field(default_factory=list)
    retired_by_key: dict[str, list[Cluster]] = field(default_factory=dict)
    # name or actor key -> clusters that have used it, active or not (read with their flags): a report
    # without a date is compared only with clusters sharing one, so it need not walk the whole pool
    by_key: dict[str, list[Cluster]] = field(default_factory=dict)
    _keys: dict[int, set[str]] = field(default_factory=dict)
    _rank_of: dict[int, int] = field(default_factory=dict)

    def place(self, cluster: Cluster) -> None:
        """A new active cluster."""
        self._rank_of[id(cluster)] = len(self._rank_of)
        self.active.append(cluster)
        self.note_keys(cluster)

    def note_keys(self, cluster: Cluster) -> None:
        """Index the names and actors a cluster uses now (after it was placed or grew)."""
        known = self._keys.setdefault(id(cluster), set())
        for key in _index_keys(cluster.profile):
            if key not in known:
                known.add(key)
                self.by_key.setdefault(key, []).append(cluster)

    def retire_before(self, start: date) -> None:
        """Retire the clusters that ended before ``start`` (give or take ``SLACK_DAYS``)."""
        keep = []
        for cluster in self.active:
            if cluster.absorbed:
                continue
            if cluster.end < start - timedelta(days=SLACK_DAYS):
                cluster.retired = True
                self.index(cluster, _index_keys(cluster.profile))
            else:
                keep.append(cluster)
        self.active = keep

    def index(self, cluster: Cluster, keys: Iterable[str]) -> None:
        for key in keys:
            self.retired_by_key.setdefault(key, []).append(cluster)

    def candidates(self, piece: Cluster) -> list[Cluster]:
        """Active clusters; for a report without a date, also retired ones that share a name or an
        actor with it (nothing else could tie them) and ended within its reach (``undated_start``).
        A report that gives no date at all can join only a cluster sharing a name or an actor
        (``_best``), so only those active clusters are returned for it, in the order they were placed."""
        p = piece.profile
        if p.time.resolved:
            return [c for c in self.active if not c.absorbed]
        keys = _index_keys(p)
        if piece.dated is None:
            sharing = {id(c): c for k in keys for c in self.by_key.get(k, ()) if not c.retired}
            active = sorted(
                (c for c in sharing.values() if not c.absorbed), key=lambda c: self._rank_of[id(c)]
            )
        else:
            active = [c for c in self.active if not c.absorbed]
        reach = undated_start(p.times)
        seen: set[int] = set()
        extra = []
        for key in keys:
            for cluster in self.retired_by_key.get(key, []):
                if id(cluster) not in seen and cluster.end >= reach and not cluster.absorbed:
                    seen.add(id(cluster))
                    extra.append(cluster)
        return active + extra


def _index_keys(p: Profile) -> list[str]:
    # sorted: set order varies between processes, and candidate order breaks ties
    return [f"name:{n}" for n in sorted(p.names)] + [f"actor:{a}" for a in sorted(p.actors)]


def _rank(agreement: Agreement, cluster: Cluster) -> tuple[float, int]:
    """How good a home a cluster is for a report: its score, and between equal scores the happening
    more articles already tell of. A retelling ("the murder of the six Jesuits") that fits two clusters
    equally well is about the widely reported happening, not a small cluster that drew a few retellings
    before the main reports were met."""
    return agreement.score, len(cluster.article_ids)


def _best(
    piece: Cluster, candidates: Sequence[Cluster]
) -> tuple[tuple[Cluster, Agreement] | None, list[Cluster]]:
    """The best-scoring cluster the piece joins, among those none of whose reports rule it out; and
    the other clusters it joins through a named participant (``BRIDGE_NAMES``), which may be the same
    happening met twice (``bridge``).

    Joining is judged against the pooled profile (single link on the evidence), but every report
    already in the cluster must allow it (complete link on exclusions: dates, places, perpetrators),
    so that a cluster cannot drift from one happening to the next through a chain of partial matches.
    """
    own = piece.profile
    dated = any(t.resolved for t in own.times)
    if not own.names and not (own.actors and own.recipients) and not (dated and own.place is not None):
        return None, []  # nothing it could be anchored by (see compare_profiles): no need to look
    country = _country(own)
    best: tuple[Cluster, Agreement] | None = None
    named: list[Cluster] = []
    for cluster in candidates:
        if piece.article_ids & cluster.article_ids:
            continue
        other = _country(cluster.profile)
        if country and other and country != other:
            continue  # places in two countries exclude each other
        if piece.dated and cluster.dated and not overlaps(*piece.dated, *cluster.dated):
            continue  # no date of one overlaps any date of the other: compare_profiles would exclude it
        theirs = cluster.profile
        if not (piece.dated and cluster.dated) and not (
            own.names & theirs.names or (own.actors & theirs.actors and own.recipients & theirs.recipients)
        ):
            continue  # without a date on one side only a name or the same actor and target can tie them
        agreement = compare_profiles(own, theirs)
        if not agreement.joins:
            continue
        strong = name_score(own, theirs, sorted(own.names & theirs.names)) >= BRIDGE_NAMES
        better = best is None or _rank(agreement, cluster) > _rank(best[1], best[0])
        if not (better or strong):
            continue
        if any(compare_profiles(own, member).excluded for member in cluster.pieces):
            continue
        if strong:
            named.append(cluster)
        if better:
            best = (cluster, agreement)
    return best, [c for c in named if best is None or c is not best[0]]


def bridge(home: Cluster, other: Cluster) -> Agreement | None:
    """Are two clusters one happening, now that one report joined the first and names a participant of
    the second? Their pooled profiles must join and no report of one may rule out a report of the other
    (complete link, as for any report joining a cluster)."""
    if home.absorbed or other.absorbed or home is other or home.article_ids & other.article_ids:
        return None
    agreement = compare_profiles(home.profile, other.profile)
    if not agreement.joins or agreement.actor_conflict:
        return None
    if any(compare_profiles(a, b).excluded for a in home.pieces for b in other.pieces):
        return None
    return agreement


def absorb(
    home: Cluster,
    other: Cluster,
    agreement: Agreement,
    articles: Mapping[str, Article],
    why: str = "the same happening met twice: a later report joins both",
) -> None:
    """Move every report of ``other`` into ``home``; its founder links to ``home``'s with the reasons."""
    lead = min(other.mentions, key=lambda m: visit_key(m, articles))
    founder = min(home.mentions, key=lambda m: visit_key(m, articles))
    reasons = (why, *agreement.reasons)
    for mention, link in zip(other.mentions, other.links, strict=True):
        if mention is lead:
            link = MergeLink(mention.id, founder.id, agreement.score, reasons)
        home.add(mention, link)
    home.actor_conflict = home.actor_conflict or other.actor_conflict
    home.pieces.extend(other.pieces)
    if other.founded is not None and (home.founded is None or other.founded < home.founded):
        home.founded = other.founded
    other.absorbed = True


def cluster_mentions(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    distinctive: WordWeight | None = None,
) -> list[Cluster]:
    """All mentions -> clusters, one per happening (see the module docstring)."""
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    pieces = [c for a in sorted(by_article) for c in within_article(by_article[a], distinctive)]
    pieces.sort(key=lambda c: sweep_key(c, articles))
    pools: dict[tuple[str, bool], _Pool] = {}
    placed: list[Cluster] = []
    for piece in pieces:
        p = piece.profile
        pool = pools.setdefault((p.family, p.time.historical), _Pool())
        if p.time.resolved:
            pool.retire_before(p.time.start)
        found, named = _best(piece, pool.candidates(piece))
        if found is None:
            piece.pieces.append(p)
            piece.founded = sweep_key(piece, articles)
            pool.place(piece)
            placed.append(piece)
            continue
        cluster, agreement = found
        known = set(_index_keys(cluster.profile)) if cluster.retired else set()
        cluster.pieces.append(p)
        lead = min(piece.mentions, key=lambda m: visit_key(m, articles))
        other = min(cluster.mentions, key=lambda m: visit_key(m, articles))
        for mention, link in zip(piece.mentions, piece.links, strict=True):
            if mention is lead:
                link = MergeLink(mention.id, other.id, agreement.score, agreement.reasons)
            cluster.add(mention, link, agreement.actor_conflict)
        for twin in named:
            bridged = bridge(cluster, twin)
            if bridged is not None:
                absorb(cluster, twin, bridged, articles)
        if cluster.retired:  # it may now be reached through new names
            pool.index(cluster, [k for k in _index_keys(cluster.profile) if k not in known])
        pool.note_keys(cluster)
    return [c for c in placed if not c.absorbed]
