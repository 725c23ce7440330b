"""Throughput: the full ingest pipeline against spaCy-only parsing of the same texts, in one run.

    python bench/throughput.py --corpus bbc --limit 300 --out bench/results/throughput-bbc.json
    python bench/throughput.py --corpus muc4 --limit 300 --out bench/results/throughput-muc4.json
    python bench/throughput.py --corpus bbc --limit 300 --processes 2 --out bench/results/bbc-2p.json

Reads the corpora from ../shared/data (never copied into the repository). Writes a JSON report with
articles/s, words/s, the ratio of end-to-end to spaCy-only speed, time per stage and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy

from eventscope.config import Settings
from eventscope.ingest import IngestOptions
from eventscope.pipeline import build_pipeline
from eventscope.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
MUC_DOC = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\s*(?:\(.*\))?\s*$", re.M)


def bbc_texts(limit: int) -> list[dict[str, str]]:
    rows = []
    with (SHARED / "bbc-news" / "bbc_news.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows.append({"title": row["title"], "text": row["text"], "outlet": "BBC"})
            if len(rows) >= limit:
                break
    return rows


def muc4_texts(limit: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((SHARED / "muc4" / "texts").iterdir()):
        raw = path.read_text(encoding="latin-1")
        parts = MUC_DOC.split(raw)
        for doc_id, body in zip(parts[1::2], parts[2::2], strict=True):
            rows.append({"title": doc_id, "text": " ".join(body.split()), "outlet": "MUC-4"})
            if len(rows) >= limit:
                return rows
    return rows


def spacy_only_seconds(nlp: object, texts: list[str], batch_size: int, processes: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):  # type: ignore[attr-defined]
        pass
    return time.perf_counter() - start


def run(corpus: str, limit: int, batch_size: int, processes: int = 1) -> dict[str, object]:
    rows = bbc_texts(limit) if corpus == "bbc" else muc4_texts(limit)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{corpus}.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")
        settings = Settings(db=f"sqlite:///{tmp}/bench.db", batch_size=batch_size)
        pipeline = build_pipeline(settings, n_process=processes)
        texts = [r["text"] for r in rows]
        # spaCy-only before and after the end-to-end run, averaged: the machine is shared, and
        # this halves the effect of load that comes and goes during the run.
        before = spacy_only_seconds(pipeline.nlp, texts, batch_size, processes)
        start = time.perf_counter()
        report = pipeline.ingest([str(source)], IngestOptions())
        e2e = time.perf_counter() - start
        with open_store(settings.db) as store:
            texts = [a.text for a in store.articles()]  # the stored (cleaned, deduplicated) texts
        after = spacy_only_seconds(pipeline.nlp, texts, batch_size, processes)
        spacy_only = after  # same texts as the end-to-end run stored
        spacy_only_mean = (before * len(texts) / max(1, len(rows)) + after) / 2
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest parse process
    return {
        "corpus": corpus,
        "articles": len(texts),
        "failures": len(report.failures),
        "words": words,
        "mentions": report.mentions,
        "events": report.events,
        "end_to_end_seconds": round(e2e, 3),
        "end_to_end_articles_per_s": round(len(texts) / e2e, 2),
        "end_to_end_words_per_s": round(words / e2e, 1),
        "spacy_only_seconds": round(spacy_only, 3),
        "spacy_only_words_per_s": round(words / spacy_only, 1),
        "ratio_end_to_end_to_spacy": round(spacy_only / e2e, 3),
        "spacy_only_mean_seconds": round(spacy_only_mean, 3),
        "ratio_end_to_end_to_spacy_mean": round(spacy_only_mean / e2e, 3),
        "stage_seconds": pipeline.timer.report(),
        "peak_rss_mb": round(peak_mb, 1),
        "peak_rss_mb_per_parse_process": round(children_mb, 1) if processes > 1 else None,
        "batch_size": batch_size,
        "processes": processes,
        "machine": {
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "cpu": platform.machine(),
        },
        "command": " ".join(["python", *sys.argv]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["bbc", "muc4"], default="bbc")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--processes", type=int, default=1, help="parse processes (nlp.pipe n_process)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    result = run(args.corpus, args.limit, args.batch_size, args.processes)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
