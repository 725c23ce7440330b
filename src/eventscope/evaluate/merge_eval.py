"""``eventscope eval merge``: do reports of one incident from many MUC-4 messages become one event?

Gold clusters (documented in docs/evaluation.md, "Merging"): two key templates of different messages
describe the same real incident when
  1. their incident types share an alternative (``BOMBING / ATTACK`` matches ``ATTACK``),
  2. their date ranges overlap (a template without a date can only match on a named human target),
  3. their locations agree: the same country and, where both name places below the country, at least one
     place in common (``EL SALVADOR`` matches ``EL SALVADOR: SAN SALVADOR (CITY)``),
  4. they share a target: a physical target id, a human target name, or a human target description
     (``"JESUIT PRIESTS"``), compared after upper-casing and dropping quotes, articles and punctuation.
Matching templates are joined transitively; two messages are gold-linked when they have templates in one
cluster. Optional templates (``2 (OPTIONAL)``) count like the others; ``*`` (irrelevant) templates never.

System links: two messages are linked when one event holds mentions from both. Scored over the messages
that have at least one relevant template: pairwise precision, recall and F1 of message pairs, and
B-cubed F1 over messages (each message's cluster = the messages it is linked to, itself included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

from eventscope.evaluate.muc4_data import MucMessage, MucTemplate, read_muc_keys, read_muc_texts
from eventscope.models import Article

_NOISE = re.compile(r"[^A-Z0-9 ]+")
_ARTICLES = {"THE", "A", "AN"}
TARGET_SLOTS = ("PHYS TGT: ID", "HUM TGT: NAME", "HUM TGT: DESCRIPTION")


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

    def metrics(self) -> dict[str, float | int]:
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
        }


def _norm(text: str) -> str:
    words = _NOISE.sub(" ", text.upper()).split()
    return " ".join(w for w in words if w not in _ARTICLES)


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


def same_incident(a: MucTemplate, b: MucTemplate) -> bool:
    if not set(a.incident_types) & set(b.incident_types):
        return False
    if not _locations_agree(a, b):
        return False
    targets_a, names_a = targets(a)
    targets_b, names_b = targets(b)
    if a.dates is not None and b.dates is not None:
        if a.dates[0] > b.dates[1] or b.dates[0] > a.dates[1]:
            return False
        return bool(targets_a & targets_b)
    return bool(names_a & names_b)


def gold_doc_clusters(keys: Mapping[str, Sequence[MucTemplate]]) -> tuple[dict[str, set[str]], int]:
    """Message id -> the messages that share a gold incident with it (itself included); and the number
    of gold incident clusters."""
    templates = [t for ts in keys.values() for t in ts if t.is_incident]
    parent = list(range(len(templates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(templates)), 2):
        a, b = templates[i], templates[j]
        if a.doc_id != b.doc_id and same_incident(a, b):
            parent[find(i)] = find(j)
    clusters: dict[int, set[str]] = {}
    for i, t in enumerate(templates):
        clusters.setdefault(find(i), set()).add(t.doc_id)
    linked: dict[str, set[str]] = {t.doc_id: {t.doc_id} for t in templates}
    for docs in clusters.values():
        for d in docs:
            linked[d] |= docs
    return linked, len(clusters)


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


def message_article(message: MucMessage) -> Article:
    when = message.dateline_date
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


def run_merge_eval(folder: Path, *, limit: int | None = None, batch_size: int = 32) -> MergeScores:
    """Run the pipeline over the MUC-4 DEV+TST1+TST2 messages and score the same-incident links."""
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
    gold, _ = gold_doc_clusters(keys)
    articles = [message_article(m) for _, m in sorted(messages.items())]
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = build_pipeline(Settings(db=f"sqlite:///{tmp}/merge.db", batch_size=batch_size))
        mentions = [m for batch in pipeline.extract(articles) for m in batch]
        pipeline.store.close()
    by_id = {a.id: a for a in articles}
    doc_of = {m.id: by_id[m.article_id].source for m in mentions}
    events = merge_mentions(mentions, by_id)
    system = system_doc_links((e.mention_ids for e in events), doc_of)
    return score_links(gold, system)
