"""API latency on a large store: makes N synthetic events, then times ``/api/events`` with a
bounding box + time filter (the map's query) through the real app in-process (ASGI, no network).

    python bench/api_latency.py --events 100000 --out bench/results/api-latency.json

The events are written straight into the events table (rows built by ``store.rows.event_row``, the
same code the store uses), spread over the Levant and two years, so a 2x2 degree box and a
one-month window select a few hundred. Reported: median and p90 over many varied queries, after
warm-up, and the sizes involved. A report, not a test: the target is a median under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient

from eventscope.models import ClaimStatus, Event, EventType, Place, PlaceLevel
from eventscope.serve.app import create_app
from eventscope.store import open_store
from eventscope.store.rows import event_row
from eventscope.store.schema import events

TYPES = (
    EventType("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "19"),
    EventType("FIGHT", None, "Battles", "Armed clash", "19"),
    EventType("PROTEST", None, "Protests", "Peaceful protest", "14"),
    EventType("MOBILIZE", "troops", "Strategic developments", "Other", "15"),
)
FIRST_DAY = date(2025, 1, 1)
DAYS = 730


def synthetic_event(i: int, rng: random.Random) -> Event:
    lat, lon = rng.uniform(29.0, 37.5), rng.uniform(34.0, 42.5)
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    place = Place(f"bench:{i}", f"Place {i}", lat, lon, "P", "PPL", "SY", None, None, 1000)
    n = rng.choice((1, 1, 1, 2, 3))
    return Event(
        id=f"ev-bench-{i:07d}",
        type=TYPES[i % len(TYPES)],
        start=start,
        end=start + timedelta(days=rng.choice((0, 0, 0, 1, 6))),
        time_precision=1,
        historical=False,
        place=place,
        place_level=PlaceLevel.TOWN,
        geo_precision=1,
        location_text=place.name,
        origin=None,
        destination=None,
        actor=None,
        recipient=None,
        mention_ids=(),
        n_reports=n,
        n_outlets=n,
        n_independent=n,
        claim_status=ClaimStatus.CORROBORATED if n > 1 else ClaimStatus.SINGLE_SOURCE,
        summary=f"Synthetic event {i}",
    )


def fill(url: str, n: int, seed: int = 7) -> float:
    rng = random.Random(seed)
    started = time.perf_counter()
    with open_store(url) as store, store.engine.begin() as conn:
        batch = []
        for i in range(n):
            batch.append(event_row(synthetic_event(i, rng), []))
            if len(batch) == 5000:
                conn.execute(sa.insert(events), batch)
                batch = []
        if batch:
            conn.execute(sa.insert(events), batch)
    return time.perf_counter() - started


def measure(url: str, queries: int, seed: int = 11) -> dict[str, object]:
    rng = random.Random(seed)
    timings, sizes = [], []
    with TestClient(create_app(url)) as client:
        for i in range(queries + 10):
            lon, lat = rng.uniform(34.0, 40.5), rng.uniform(29.0, 35.5)
            since = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 31))
            params = {
                "bbox": f"{lon:.3f},{lat:.3f},{lon + 2:.3f},{lat + 2:.3f}",
                "since": since.isoformat(),
                "until": (since + timedelta(days=30)).isoformat(),
                "limit": 100,
            }
            began = time.perf_counter()
            response = client.get("/api/events", params=params)
            elapsed = time.perf_counter() - began
            response.raise_for_status()
            if i >= 10:  # the first queries warm caches
                timings.append(elapsed * 1000)
                sizes.append(response.json()["total"])
    timings.sort()
    return {
        "queries": queries,
        "median_ms": round(statistics.median(timings), 2),
        "p90_ms": round(timings[int(0.9 * len(timings)) - 1], 2),
        "max_ms": round(timings[-1], 2),
        "median_matching_events": statistics.median(sizes),
        "page_size": 100,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", help="database URL to fill (default: a temporary SQLite file)")
    parser.add_argument("--out", type=Path, help="write the JSON report here too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        fill_seconds = fill(url, args.events)
        report = {
            "benchmark": "api_latency: GET /api/events with bbox (2x2 degrees) + since/until (31 days)",
            "events": args.events,
            "database": url.split("://", 1)[0],
            "fill_seconds": round(fill_seconds, 1),
            **measure(url, args.queries),
            "target_median_ms": 100,
            "python": sys.version.split()[0],
            "machine": platform.machine(),
            "processor_count_note": "shared 2-core machine",
        }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
