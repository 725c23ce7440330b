"""False positives on non-conflict news: event mentions the pipeline finds in the BBC corpus.

    python bench/false_positives.py --limit 300 --out bench/results/false-positives-bbc.json
    python bench/false_positives.py --per-category 60 --out bench/results/false-positives-bbc-mix.json

``--limit N`` takes the first N articles of the file (the file is sorted by category: the first 510 are
business); ``--per-category N`` takes the first N of each of the five categories instead.

The BBC corpus (business, sport, politics, tech, entertainment, 2004-05) has almost no armed
conflict, so nearly every mention is a false positive. Reads ../shared/data (never copied into the
repository). Writes a JSON report: mentions in total and per category, per article, per PLOVER type,
the most frequent trigger words, and (with --examples) the sentences of a sample of mentions.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from eventscope.config import Settings
from eventscope.models import Article
from eventscope.pipeline import build_pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def bbc_articles(limit: int, per_category: int | None = None) -> list[tuple[str, Article]]:
    """(category, article) for the first ``limit`` rows of the corpus in file order, or for the
    first ``per_category`` rows of each category."""
    rows: list[tuple[str, Article]] = []
    taken: Counter[str] = Counter()
    with (SHARED / "bbc-news" / "bbc_news.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if per_category is not None and taken[row["category"]] >= per_category:
                continue
            taken[row["category"]] += 1
            article = Article(id=f"bbc:{row['id']}", text=row["text"], title=row["title"], outlet="BBC")
            rows.append((row["category"], article))
            if per_category is None and len(rows) >= limit:
                break
    return rows


def run(limit: int, examples: int, per_category: int | None = None) -> dict[str, object]:
    rows = bbc_articles(limit, per_category)
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = build_pipeline(Settings(db=f"sqlite:///{tmp}/fp.db"))
        per_category: Counter[str] = Counter()
        articles: Counter[str] = Counter()
        types: Counter[str] = Counter()
        words: Counter[str] = Counter()
        samples: list[dict[str, str]] = []
        for (category, article), mentions in zip(rows, pipeline.extract([a for _, a in rows]), strict=True):
            articles[category] += 1
            per_category[category] += len(mentions)
            for m in mentions:
                types[m.type.plover] += 1
                words[m.trigger.text.lower()] += 1
                if len(samples) < examples:
                    samples.append(
                        {
                            "article": article.id,
                            "type": m.type.plover,
                            "trigger": m.trigger.text,
                            "sentence": m.sentence.text,
                        }
                    )
    total = sum(per_category.values())
    return {
        "limit": limit if per_category is None else None,
        "per_category_limit": per_category,
        "articles": sum(articles.values()),
        "mentions": total,
        "mentions_per_article": round(total / max(1, sum(articles.values())), 3),
        "per_category": {
            c: {
                "articles": articles[c],
                "mentions": per_category[c],
                "per_article": round(per_category[c] / articles[c], 3),
            }
            for c in sorted(articles)
        },
        "per_type": dict(types.most_common()),
        "top_triggers": dict(words.most_common(40)),
        "examples": samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--per-category", type=int, default=None, help="first N articles of each category")
    parser.add_argument("--examples", type=int, default=0, help="sample mentions to include")
    parser.add_argument("--out", type=Path, default=None, help="write the JSON report here")
    args = parser.parse_args()
    report = run(args.limit, args.examples, args.per_category)
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
