"""``eventscope eval merge``: do reports of one incident from many MUC-4 messages become one event?

Gold clusters (documented in docs/merging.md, "How the MUC-4 gold clusters are derived"): two key
templates of different messages describe the same real incident when
  1. their incident types share an alternative (``BOMBING / ATTACK`` matches ``ATTACK``),
  2. their dates agree: the ranges overlap, where a key's form 3, ``- 19 NOV 89``, means "on or before"
     that day and reaches back ``RECENT_DAYS``, the task's own "recent" (the MUC-4 task definition,
     template-doc part 1, section 1.0 item 6: an incident goes in the database when it happened within
     two months of the article); a fill that gives no day ("-") is form 3 at the message's date, as
     the task says the key should write it (template-doc part 1, section 7.3, note 3), and a named
     human target still ties it to its victim's incident at any date, and two keys that give one named
     person as killed (``HUM TGT: EFFECT OF INCIDENT`` ``DEATH``) on days a day apart are one killing
     (``one_killing``: the key's writer took the dateline's day, "17 NOV 89" for "early yesterday"),
  3. their locations agree: the same country and, where both name places below the country, at least one
     place in common (``EL SALVADOR`` matches ``EL SALVADOR: SAN SALVADOR (CITY)``),
  4. they share a target: a physical target id, a human target name, or a human target description
     (``"JESUIT PRIESTS"``), compared after upper-casing and dropping quotes, articles and punctuation;
     a human target name of two words or more inside another one is the same person (``"LUIS CARLOS
     GALAN"`` and ``"LUIS CARLOS GALAN SARMIENTO"``, the name without and with the second surname).
A key date the message cannot have reported is a slip in its year, read as the latest day of that day
and month on or before the message's date: more than ``SLIP_DAYS`` after the message (``16 NOV 90``
in a message of January 1990, ``11 NOV 90 - 19 NOV 89``) or in 1900 (``16 NOV 00``); a day typed
without a year (``07 DEC``) takes the message's.
Matching templates are joined into incidents, strongest evidence first (a shared victim's name first,
then dates that meet, then exact dates before "on or before"), as long as every dated template of an
incident can still be about one common day (a fill that gives no day does not narrow it): a template
that names two victims killed on different days cannot chain their two incidents into one (one
killing keyed a day apart may be that day off).
Two messages are gold-linked when they have templates in one incident. Optional templates
(``2 (OPTIONAL)``) count like the others; ``*`` (irrelevant) templates never.

System links: two messages are linked when one event holds mentions from both. Scored over the messages
that have at least one relevant template: pairwise precision, recall and F1 of message pairs, and
B-cubed F1 over messages (each message's cluster = the messages it is linked to, itself included).

How much the figure rests on the exact set of messages (``--subsets N``): the merge runs again on N
seeded random subsets of ``SUBSET_SHARE`` of the messages (the extraction is reused) and reports the
pairwise F1 of each, scored on the gold links among the messages kept. One gold incident holds most
gold pairs, so whether its reports end in one event or two moves the whole figure.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from pathlib import Path

from eventscope.evaluate.muc4_data import (
    MucMessage,
    MucTemplate,
    filing_dates,
    key_dates,
    read_muc_keys,
    read_muc_texts,
)
from eventscope.models import Article, Event, Mention

_NOISE = re.compile(r"[^A-Z0-9 ]+")
_ARTICLES = {"THE", "A", "AN"}
TARGET_SLOTS = ("PHYS TGT: ID", "HUM TGT: NAME", "HUM TGT: DESCRIPTION")
# "recent" in the MUC-4 task definition: within two months of the article; how far back "- 19 NOV 89"
# (on or before that day) reaches
RECENT_DAYS = 61
# ``--subsets``: the share of the messages each subset keeps
SUBSET_SHARE = 0.9
# how many words a human target name needs to be found inside a longer one ("LUIS CARLOS GALAN")
NAME_WITHIN = 2
# a key date this many days or more after its message's date cannot be what the message reported: the
# year was mistyped (a day or two after can be the dateline's slack: filed the evening before)
SLIP_DAYS = 31
# a person is killed once: two keys that give the same named person as killed and dates this many days
# apart are one killing (reports of one happening disagree by a day, as in merge.compare.SLACK_DAYS:
# the dateline's day or the day before)
KILLED_SLACK_DAYS = 1


@dataclass(frozen=True, slots=True)
class MergeScores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    n_docs: int
    n_gold_clusters: int
    n_gold_pairs: int
    n_system_pairs: int
    subset_f1: tuple[float, ...] = ()  # pairwise F1 on each random subset (``subset_scores``)

    def metrics(self) -> dict[str, float | int]:
        spread: dict[str, float | int] = {}
        if self.subset_f1:
            spread = {
                "n_subsets": len(self.subset_f1),
                "subset_share": SUBSET_SHARE,
                "subset_pairwise_f1_mean": round(sum(self.subset_f1) / len(self.subset_f1), 4),
                "subset_pairwise_f1_min": round(min(self.subset_f1), 4),
                "subset_pairwise_f1_max": round(max(self.subset_f1), 4),
            }
        return {
            "pairwise_precision": round(self.pairwise_precision, 4),
            "pairwise_recall": round(self.pairwise_recall, 4),
            "pairwise_f1": round(self.pairwise_f1, 4),
            "bcubed_f1": round(self.bcubed_f1, 4),
            "bcubed_precision": round(self.bcubed_precision, 4),
            "bcubed_recall": round(self.bcubed_recall, 4),
            "n_docs": self.n_docs,
            "n_gold_clusters": self.n_gold_clusters,
            "n_gold_pairs": self.n_gold_pairs,
            "n_system_pairs": self.n_system_pairs,
            **spread,
        }


def _norm(text: str) -> str:
    words = _NOISE.sub(" ", text.upper()).split()
    return " ".join(w for w in words if w not in _ARTICLES)


def one_person(a: set[str], b: set[str]) -> bool:
    """Do two sets of human target names share a person: the same name, or a name of ``NAME_WITHIN``
    words or more inside the other ("LUIS CARLOS GALAN" in "LUIS CARLOS GALAN SARMIENTO")."""
    if a & b:
        return True
    return any(_within(x, y) or _within(y, x) for x in a for y in b)


def _within(short: str, long: str) -> bool:
    return len(short.split()) >= NAME_WITHIN and f" {short} " in f" {long} "


def _fills(lines: Iterable[str]) -> set[str]:
    """Quoted strings of a slot's lines (every alternative), normalised."""
    found = set()
    for line in lines:
        for quoted in re.findall(r'"([^"]+)"', line):
            if norm := _norm(quoted):
                found.add(norm)
    return found


def targets(t: MucTemplate) -> tuple[set[str], set[str]]:
    """(all target strings, named human targets)."""
    names = _fills(t.slots.get("HUM TGT: NAME", ()))
    every = set(names)
    for slot in TARGET_SLOTS:
        every |= _fills(t.slots.get(slot, ()))
    return every, names


def killed(t: MucTemplate) -> set[str]:
    """The named human targets the key gives as killed (``HUM TGT: EFFECT OF INCIDENT`` ``DEATH``)."""
    dead: set[str] = set()
    for line in t.slots.get("HUM TGT: EFFECT OF INCIDENT", ()):
        if line.strip().startswith("DEATH"):
            dead |= _fills([line])
    return dead & targets(t)[1]


def one_killing(a: MucTemplate, b: MucTemplate) -> bool:
    """Two dated keys that give one named person as killed, on days at most ``KILLED_SLACK_DAYS``
    apart: one killing (a key that gives no day is tied by the victim's name already)."""
    if a.dates_default or b.dates_default or not one_person(killed(a), killed(b)):
        return False
    days_a, days_b = incident_days(a), incident_days(b)
    return days_a is not None and days_b is not None and _overlap(_widened(days_a), days_b)


def _widened(days: tuple[date, date]) -> tuple[date, date]:
    slack = timedelta(days=KILLED_SLACK_DAYS)
    return days[0] - slack, days[1] + slack


def _locations_agree(a: MucTemplate, b: MucTemplate) -> bool:
    if not a.locations or not b.locations:
        return False
    for la in a.locations:
        for lb in b.locations:
            if la.country != lb.country:
                continue
            pa = {_norm(n) for n, _ in la.places}
            pb = {_norm(n) for n, _ in lb.places}
            if not pa or not pb or pa & pb:
                return True
    return False


def incident_days(t: MucTemplate) -> tuple[date, date] | None:
    """The days a template's incident may have happened on: its range, and for the key's form 3
    ("- 19 NOV 89", on or before) back to ``RECENT_DAYS`` before that day."""
    if t.dates is None:
        return None
    start, end = t.dates
    return (min(start, end - timedelta(days=RECENT_DAYS)) if t.dates_open else start), end


def same_incident(a: MucTemplate, b: MucTemplate) -> bool:
    if not set(a.incident_types) & set(b.incident_types):
        return False
    if not _locations_agree(a, b):
        return False
    targets_a, names_a = targets(a)
    targets_b, names_b = targets(b)
    if one_person(names_a, names_b) and (a.dates_default or b.dates_default):
        return True  # a named victim ties a template that gives no day to any date
    days_a, days_b = incident_days(a), incident_days(b)
    if days_a is not None and days_b is not None:
        if not _overlap(days_a, days_b):
            return one_killing(a, b)
        return bool(targets_a & targets_b) or one_person(names_a, names_b)
    return one_person(names_a, names_b)


def _days_overlap(a: MucTemplate, b: MucTemplate) -> bool:
    days_a, days_b = incident_days(a), incident_days(b)
    return days_a is not None and days_b is not None and _overlap(days_a, days_b)


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


Days = tuple[date, date] | None  # the days an incident's dated templates all allow; None: no date


def _meet(a: Days, b: Days) -> tuple[bool, Days]:
    """Whether two incidents' templates allow a common day, and the days they all allow."""
    if a is None or b is None:
        return True, a or b
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return start <= end, (start, end)


def _widened_days(days: Days) -> Days:
    return None if days is None else _widened(days)


def read_as_meant(template: MucTemplate, reported: date | None) -> MucTemplate:
    """The template's dates as its writer meant them, for a message dated ``reported`` (see the module
    docstring): a slip in a date's year mended (a message cannot report an incident of a later day, nor
    one of 1900), a day typed without a year given the message's, and a fill that gives no day the
    task's form 3 at the message's date."""
    if reported is None:
        return template
    fill = template.slots.get("INCIDENT: DATE", ())
    days = [_mend_year(d, reported) for d in key_dates(fill, year=reported.year)]
    if not days and template.dates is None:
        # "-" (or "31 NOV 89"): the task writes form 3 at the header's date when the text gives no
        # date (template-doc part 1, section 7.3, note 3), and keys only recent incidents
        return replace(template, dates=(reported, reported), dates_open=True, dates_default=True)
    if not days:
        return template
    return replace(template, dates=(min(days), max(days)))


def _mend_year(day: date, reported: date) -> date:
    if day.year != 1900 and (day - reported).days < SLIP_DAYS:
        return day
    for year in (reported.year, reported.year - 1):
        try:
            mended = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if mended <= reported:
            return mended
    return day


def gold_incidents(
    keys: Mapping[str, Sequence[MucTemplate]], reported: Mapping[str, date | None] | None = None
) -> list[set[str]]:
    """The messages of each gold incident (see the module docstring); ``reported``: each message's
    date, by which slips in the keys' years are mended (``read_as_meant``)."""
    dated = reported or {}
    templates = [read_as_meant(t, dated.get(t.doc_id)) for ts in keys.values() for t in ts if t.is_incident]
    links = [
        (i, j)
        for i, j in combinations(range(len(templates)), 2)
        if templates[i].doc_id != templates[j].doc_id and same_incident(templates[i], templates[j])
    ]

    def strength(link: tuple[int, int]) -> tuple[bool, bool, bool, tuple[int, int]]:
        a, b = templates[link[0]], templates[link[1]]
        named = one_person(targets(a)[1], targets(b)[1])
        return not named, not _days_overlap(a, b), a.dates_open or b.dates_open, link

    parent = list(range(len(templates)))
    # a template that gives no day does not narrow its incident's days
    days: dict[int, Days] = {
        i: None if t.dates_default else incident_days(t) for i, t in enumerate(templates)
    }

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(links, key=strength):
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            continue
        possible, common = _meet(days[root_i], days[root_j])
        if not possible and one_killing(templates[i], templates[j]):
            # one person's killing keyed a day apart: the incident keeps the days it had
            possible, common = _meet(_widened_days(days[root_i]), days[root_j])[0], days[root_j]
        if not possible:
            continue  # no day all their templates allow: two incidents that a template chains
        parent[root_i] = root_j
        days[root_j] = common
    incidents: dict[int, set[str]] = {}
    for i, t in enumerate(templates):
        incidents.setdefault(find(i), set()).add(t.doc_id)
    return list(incidents.values())


def gold_doc_clusters(
    keys: Mapping[str, Sequence[MucTemplate]], reported: Mapping[str, date | None] | None = None
) -> tuple[dict[str, set[str]], int]:
    """Message id -> the messages that share a gold incident with it (itself included); and the number
    of gold incidents. ``reported``: as for ``gold_incidents``."""
    incidents = gold_incidents(keys, reported)
    linked: dict[str, set[str]] = {d: {d} for docs in incidents for d in docs}
    for docs in incidents:
        for d in docs:
            linked[d] |= docs
    return linked, len(incidents)


def score_links(gold: Mapping[str, set[str]], system: Mapping[str, set[str]]) -> MergeScores:
    docs = sorted(gold)
    gold_pairs = {(a, b) for a in docs for b in gold[a] if a < b}
    system_pairs = {(a, b) for a in docs for b in system.get(a, {a}) if a < b and b in gold}
    hits = len(gold_pairs & system_pairs)
    p = hits / len(system_pairs) if system_pairs else 1.0
    r = hits / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    bp = br = 0.0
    for d in docs:
        g = gold[d]
        s = {x for x in system.get(d, {d}) if x in gold} | {d}
        both = len(g & s)
        bp += both / len(s)
        br += both / len(g)
    bp, br = bp / len(docs), br / len(docs)
    bf1 = 2 * bp * br / (bp + br) if bp + br else 0.0
    n_clusters = len({frozenset(v) for v in gold.values()})
    return MergeScores(p, r, f1, bp, br, bf1, len(docs), n_clusters, len(gold_pairs), len(system_pairs))


def message_article(message: MucMessage, fallback: date | None = None) -> Article:
    """The message as an article published at noon of its dateline's day; a message whose dateline
    gives no date takes ``fallback`` (the message before it, as ``eval muc4`` does) instead of being
    read as published today, which would date its "yesterday" in the present."""
    when = message.dateline_date or fallback
    published = datetime(when.year, when.month, when.day, 12, tzinfo=UTC) if when else None
    return Article(
        id=f"muc4-{message.doc_id.lower()}",
        text=message.text,
        title=message.doc_id,
        outlet=message.doc_id,  # every MUC message counts as its own outlet
        published_at=published,
        language="en",
        source=message.doc_id,
    )


def system_doc_links(
    events_mentions: Iterable[Sequence[str]], mention_article: Mapping[str, str]
) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = {}
    for mention_ids in events_mentions:
        docs = {mention_article[m] for m in mention_ids}
        for d in docs:
            linked.setdefault(d, {d}).update(docs)
    return linked


def muc_files(folder: Path) -> tuple[list[Path], list[Path]]:
    texts = sorted(p for p in (folder / "texts").iterdir() if p.name.startswith(("dev-", "tst1", "tst2")))
    wanted = ("key-dev", "key-tst1", "key-tst2")
    keys = sorted(p for p in (folder / "keys").iterdir() if p.name.startswith(wanted))
    return texts, keys


Merge = Callable[[Sequence[Mention], Mapping[str, Article]], Iterable[Event]]


def score_merge(
    gold: Mapping[str, set[str]], articles: Mapping[str, Article], mentions: Sequence[Mention], merge: Merge
) -> MergeScores:
    """Merge the mentions and score the links of their messages (an article's ``source``, the MUC id)."""
    doc_of = {m.id: articles[m.article_id].source or m.article_id for m in mentions}
    events = merge(mentions, articles)
    return score_links(gold, system_doc_links((e.mention_ids for e in events), doc_of))


def subset_scores(
    gold: Mapping[str, set[str]],
    articles: Sequence[Article],
    mentions: Sequence[Mention],
    merge: Merge,
    count: int,
    *,
    share: float = SUBSET_SHARE,
    seed: int = 0,
) -> tuple[float, ...]:
    """Pairwise F1 of ``merge`` on ``count`` random subsets of the articles (each kept with probability
    ``share``; subset i draws from seed ``seed + i``), scored on the gold links among those kept."""
    found = []
    for i in range(count):
        draw = random.Random(seed + i)
        kept = {a.id: a for a in sorted(articles, key=lambda a: a.id) if draw.random() < share}
        mine = [m for m in mentions if m.article_id in kept]
        docs = {a.source or a.id for a in kept.values()}
        sub_gold = {d: linked & docs for d, linked in gold.items() if d in docs}
        found.append(score_merge(sub_gold, kept, mine, merge).pairwise_f1)
    return tuple(found)


def run_merge_eval(
    folder: Path, *, limit: int | None = None, batch_size: int = 32, subsets: int = 0
) -> MergeScores:
    """Run the pipeline over the MUC-4 DEV+TST1+TST2 messages and score the same-incident links;
    ``subsets``: also the pairwise F1 on that many random subsets of the messages (``subset_scores``)."""
    import tempfile

    from eventscope.config import Settings
    from eventscope.merge import merge_mentions
    from eventscope.pipeline import build_pipeline

    text_files, key_files = muc_files(folder)
    messages = read_muc_texts(text_files)
    keys = read_muc_keys(key_files)
    if limit is not None:
        keep = sorted(messages)[:limit]
        messages = {k: messages[k] for k in keep}
        keys = {k: v for k, v in keys.items() if k in messages}
    filed = list(filing_dates(m for _, m in sorted(messages.items())))
    gold, _ = gold_doc_clusters(keys, {m.doc_id: day for m, day in filed})
    articles = [message_article(m, day) for m, day in filed]
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = build_pipeline(Settings(db=f"sqlite:///{tmp}/merge.db", batch_size=batch_size))
        mentions = [m for batch in pipeline.extract(articles) for m in batch]
        pipeline.store.close()
    scores = score_merge(gold, {a.id: a for a in articles}, mentions, merge_mentions)
    if subsets:
        spread = subset_scores(gold, articles, mentions, merge_mentions, subsets)
        scores = replace(scores, subset_f1=spread)
    return scores
