"""Geocoder speed: gazetteer load time and toponyms resolved per second on one core.

    python bench/geocoder.py --corpus lgl --out bench/results/geocoder-lgl.json

The toponyms are a gold corpus' annotated spans (../shared/data, never copied), tokenised and given their
hints before the clock starts: only :meth:`Geocoder.resolve` (country context, candidate lookups,
scoring, both passes) is timed, article by article with its text as context. The first pass over the
corpus runs with empty lookup caches (``cold``); the second repeats it (``warm``).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import spacy

from eventscope.evaluate.gritta_xml import read_gold
from eventscope.extract.toponyms import toponyms_at
from eventscope.resolve.geo.gazetteer import load_gazetteer
from eventscope.resolve.geo.resolver import Geocoder

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPORA = {"lgl": SHARED / "lgl" / "lgl.xml", "geovirus": SHARED / "geovirus" / "GeoVirus.xml"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="lgl")
    parser.add_argument("--out", type=Path, default=None, help="write the JSON report here too")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    gazetteer = load_gazetteer()
    lexicon = gazetteer.lexicon()  # part of loading: recognition and context need it at once
    load_s = time.perf_counter() - started

    _, articles = read_gold(CORPORA[args.corpus])
    tokenizer = spacy.blank("en")
    prepared = [
        (a.text, toponyms_at(doc, a.article_id, [(t.start, t.end) for t in a.toponyms], lexicon=lexicon))
        for a, doc in zip(articles, tokenizer.pipe(a.text for a in articles), strict=True)
    ]
    n_toponyms = sum(len(toponyms) for _, toponyms in prepared)
    geocoder = Geocoder(gazetteer)
    timings = []
    for _ in ("cold", "warm"):
        started = time.perf_counter()
        for text, toponyms in prepared:
            geocoder.resolve(toponyms, article_text=text)
        timings.append(time.perf_counter() - started)
    report = {
        "corpus": args.corpus,
        "articles": len(prepared),
        "toponyms": n_toponyms,
        "gazetteer_load_s": round(load_s, 3),
        "resolve_cold_s": round(timings[0], 3),
        "resolve_warm_s": round(timings[1], 3),
        "toponyms_per_s_cold": round(n_toponyms / timings[0]),
        "toponyms_per_s_warm": round(n_toponyms / timings[1]),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
