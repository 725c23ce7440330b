"""Scaling out changes nothing stored: a LocalCluster of two Dask workers, or two parse processes,
store exactly what one process stores, event for event."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from eventscope.config import Settings
from eventscope.errors import ConfigError
from eventscope.ingest import IngestOptions
from eventscope.pipeline import build_pipeline
from eventscope.scale import ingest_in_processes, ingest_on_dask
from eventscope.store import EventFilter, open_store

COMPARED = ("articles", "mentions", "events", "event_mentions", "places", "actors")


def demo_inputs() -> list[str]:
    folder = Path(str(resources.files("eventscope") / "demo_articles"))
    return sorted(str(p) for p in folder.glob("*.txt"))


@pytest.mark.model
def test_two_dask_workers_and_two_parse_processes_equal_one_process(tmp_path: Path) -> None:
    inputs = demo_inputs()
    options = IngestOptions()
    single = Settings(db=f"sqlite:///{tmp_path / 'single.db'}", batch_size=2)
    pipeline = build_pipeline(single)
    try:
        one = pipeline.ingest(inputs, options)
    finally:
        pipeline.store.close()

    cluster = Settings(db=f"sqlite:///{tmp_path / 'dask.db'}", batch_size=2)  # 4 batches over 2 workers
    two = ingest_on_dask(inputs, cluster, options, workers=2)

    assert (two.articles_new, two.mentions, two.events) == (one.articles_new, one.mentions, one.events)
    assert one.events > 0
    processes = Settings(db=f"sqlite:///{tmp_path / 'processes.db'}", batch_size=2)
    three = ingest_in_processes(inputs, processes, options, processes=2)
    assert (three.articles_new, three.mentions, three.events) == (one.articles_new, one.mentions, one.events)

    for other in (cluster.db, processes.db):
        with open_store(single.db) as a, open_store(other) as b:
            assert b.events(EventFilter()) == a.events(EventFilter())
            snap_a, snap_b = a.table_snapshot(), b.table_snapshot()
            for table in COMPARED:
                assert snap_b[table] == snap_a[table], (other, table)


def test_dask_needs_exactly_one_of_scheduler_or_workers(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(ConfigError, match="either a Dask scheduler"):
        ingest_on_dask([], settings, IngestOptions())
    with pytest.raises(ConfigError, match="either a Dask scheduler"):
        ingest_on_dask([], settings, IngestOptions(), scheduler="tcp://127.0.0.1:1", workers=2)
    with pytest.raises(ConfigError, match="at least 1"):
        ingest_on_dask([], settings, IngestOptions(), workers=0)


def test_an_unreachable_scheduler_is_a_config_error(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        ingest_on_dask(["x.txt"], settings, IngestOptions(), scheduler="tcp://127.0.0.1:9", connect_timeout=2)
