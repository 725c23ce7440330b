"""Geocoder speed: gazetteer load time and toponyms resolved per second on one core.

    python bench/geocoder.py --corpus lgl --out bench/results/geocoder-lgl.json

The toponyms are a gold corpus' annotated spans (../shared/data, never copied), tokenised and given their
hints before the clock starts: only :meth:`Geocoder.resolve` (country context, candidate lookups,
scoring, both passes) is timed, article by article with its text as context. The first pass over the
corpus runs with a fresh gazetteer and geocoder, all caches empty (``cold``); the second repeats it
(``warm``). Load is ``load_gazetteer()`` plus the lexicon (everything read before the first article).
``resolve`` runs under the garbage-collector setting ingest uses (``eventscope.gcpolicy``), on its own
as in the product: the benchmark sets nothing itself.

Two clocks: wall time (``time.perf_counter``) and CPU time of this process (``time.process_time``).
On a machine shared with other jobs wall time swings with their load; CPU time is the figure to compare
(``*_cpu_*``). ``--repeat N`` runs N fresh rounds (load, cold, warm) and keeps the best of each.
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
    parser.add_argument("--repeat", type=int, default=3, help="fresh rounds; the best of each figure is kept")
    args = parser.parse_args(argv)

    _, articles = read_gold(CORPORA[args.corpus])
    tokenizer = spacy.blank("en")
    lexicon = load_gazetteer().lexicon()
    prepared = [
        (a.text, toponyms_at(doc, a.article_id, [(t.start, t.end) for t in a.toponyms], lexicon=lexicon))
        for a, doc in zip(articles, tokenizer.pipe(a.text for a in articles), strict=True)
    ]
    n_toponyms = sum(len(toponyms) for _, toponyms in prepared)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        clocks = {"wall": time.perf_counter, "cpu": time.process_time}
        started = {k: clock() for k, clock in clocks.items()}
        gazetteer = load_gazetteer()
        gazetteer.lexicon()  # part of loading: recognition and context need it at once
        laps = {f"load_{k}": clock() - started[k] for k, clock in clocks.items()}
        geocoder = Geocoder(gazetteer)
        for phase in ("cold", "warm"):
            started = {k: clock() for k, clock in clocks.items()}
            for text, toponyms in prepared:
                geocoder.resolve(toponyms, article_text=text)
            laps.update({f"{phase}_{k}": clock() - started[k] for k, clock in clocks.items()})
        best = {k: min(v, best.get(k, v)) for k, v in laps.items()}
    report = {
        "corpus": args.corpus,
        "articles": len(prepared),
        "toponyms": n_toponyms,
        "repeat": args.repeat,
        "gazetteer_load_s": round(best["load_wall"], 3),
        "gazetteer_load_cpu_s": round(best["load_cpu"], 3),
        "resolve_cold_s": round(best["cold_wall"], 3),
        "resolve_warm_s": round(best["warm_wall"], 3),
        "resolve_cold_cpu_s": round(best["cold_cpu"], 3),
        "resolve_warm_cpu_s": round(best["warm_cpu"], 3),
        "toponyms_per_s_cold": round(n_toponyms / best["cold_wall"]),
        "toponyms_per_s_warm": round(n_toponyms / best["warm_wall"]),
        "toponyms_per_cpu_s_cold": round(n_toponyms / best["cold_cpu"]),
        "toponyms_per_cpu_s_warm": round(n_toponyms / best["warm_cpu"]),
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
