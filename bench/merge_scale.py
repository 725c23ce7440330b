"""Merge at scale: the cost of merging 10,000 articles' mentions against the cost of extracting them.

    python bench/merge_scale.py --articles 1000 --copies 10 --out bench/results/merge-scale.json

Mentions are extracted once from real articles (BBC and MUC-4, from ../shared/data) with the full
pipeline, timing the extraction per article. They are then replicated ``--copies`` times as new
articles (new ids, dates shifted by 45 days per copy, so copies do not collapse into one event) to reach
articles x copies articles, and the merge (clustering and building events) plus writing the events to
SQLite is timed on the whole set, as one ingest's ``remerge`` does it. The report gives the merge time as
a share of the estimated end-to-end time for that many articles.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from eventscope.config import Settings
from eventscope.ingest import make_article
from eventscope.merge import merge_mentions
from eventscope.models import Article, Mention
from eventscope.pipeline import build_pipeline
from eventscope.store import open_store
from throughput import bbc_texts, muc4_texts  # type: ignore[import-not-found]


def shifted(article: Article, mentions: list[Mention], k: int) -> tuple[Article, list[Mention]]:
    if k == 0:
        return article, mentions
    delta = timedelta(days=45 * k)
    new_id = f"{article.id[:40]}-copy{k}"
    published = article.published_at + delta if article.published_at else None
    copy = dataclasses.replace(article, id=new_id, published_at=published)
    moved = []
    for m in mentions:
        time_ref = (
            dataclasses.replace(m.time, start=m.time.start + delta, end=m.time.end + delta)
            if m.time
            else None
        )
        moved.append(dataclasses.replace(m, id=f"{m.id}-c{k}", article_id=new_id, time=time_ref))
    return copy, moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    rows = bbc_texts(args.articles // 2) + muc4_texts(args.articles - args.articles // 2)
    unique: dict[str, Article] = {}
    for i, row in enumerate(rows):
        article = make_article(row["text"], title=row["title"], outlet=f"{row['outlet']} {i % 40}")
        unique.setdefault(article.id, article)  # exact duplicates in the corpora are one article
    articles = list(unique.values())
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = build_pipeline(Settings(db=f"sqlite:///{tmp}/bench.db"))
        start = time.perf_counter()
        extracted = list(zip(articles, pipeline.extract(articles), strict=True))
        extract_seconds = time.perf_counter() - start
        pipeline.store.close()
        all_articles: dict[str, Article] = {}
        all_mentions: list[Mention] = []
        for k in range(args.copies):
            for article, mentions in extracted:
                a, ms = shifted(article, mentions, k)
                all_articles[a.id] = a
                all_mentions.extend(ms)
        start = time.perf_counter()
        events = merge_mentions(all_mentions, all_articles)
        merge_seconds = time.perf_counter() - start
        with open_store(f"sqlite:///{tmp}/merge.db") as store:
            for a in all_articles.values():
                store.add_article(a)
            by_article: dict[str, list[Mention]] = {}
            for m in all_mentions:
                by_article.setdefault(m.article_id, []).append(m)
            for a in all_articles.values():
                store.save_article_results(a, by_article.get(a.id, []))
            start = time.perf_counter()
            store.replace_events(events, {e.id: e.mention_ids for e in events})
            write_seconds = time.perf_counter() - start
    n = len(all_articles)
    per_article = extract_seconds / len(articles)
    estimated_total = per_article * n + merge_seconds + write_seconds
    report = {
        "source_articles": len(articles),
        "articles": n,
        "mentions": len(all_mentions),
        "events": len(events),
        "extract_seconds_per_article": round(per_article, 4),
        "merge_seconds": round(merge_seconds, 2),
        "event_write_seconds": round(write_seconds, 2),
        "estimated_end_to_end_seconds": round(estimated_total, 1),
        "merge_share_of_total": round((merge_seconds + write_seconds) / estimated_total, 4),
        "command": " ".join(["python", *sys.argv]),
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
