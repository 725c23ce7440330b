"""SIGKILL an ingest mid-run, run it again: every article stored once, events as from one clean run.

Each batch of articles is one transaction and the event set is replaced in one transaction, so a
killed run leaves whole articles and the previous event set; the re-run skips stored articles and
re-merges everything.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from eventscope.store import open_store

N_ARTICLES = 48
COMPARED = ("articles", "mentions", "events", "event_mentions")


def write_corpus(folder: Path) -> None:
    """Distinct articles (each its own URL, so its own id) from the demo texts."""
    demo = sorted((Path(str(resources.files("eventscope") / "demo_articles"))).glob("*.txt"))
    folder.mkdir()
    for i in range(N_ARTICLES):
        raw = demo[i % len(demo)].read_text(encoding="utf-8")
        head, body = raw.split("\n\n", 1)
        title = head.splitlines()[0]
        published = next(line for line in head.splitlines() if line.startswith("Published:"))
        text = f"{title} ({i})\n{published}\nURL: https://wire.example/{i}\n\n{body}"
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")


def ingest_command(folder: Path, db: Path) -> list[str]:
    code = "from eventscope.cli import main; main()"
    return [sys.executable, "-c", code, "ingest", str(folder), "--db", f"sqlite:///{db}"]


def stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created or not migrated yet
        return 0


@pytest.mark.model
def test_killed_ingest_then_rerun_stores_everything_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    env = {**os.environ, "EVENTSCOPE_BATCH_SIZE": "4"}
    killed_db = tmp_path / "killed.db"
    proc = subprocess.Popen(ingest_command(corpus, killed_db), env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored_articles(killed_db) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = stored_articles(killed_db)
    assert 4 <= partial < N_ARTICLES

    subprocess.run(ingest_command(corpus, killed_db), env=env, check=True, stdout=subprocess.DEVNULL)
    clean_db = tmp_path / "clean.db"
    subprocess.run(ingest_command(corpus, clean_db), env=env, check=True, stdout=subprocess.DEVNULL)

    with open_store(f"sqlite:///{killed_db}") as killed, open_store(f"sqlite:///{clean_db}") as clean:
        assert killed.counts()["articles"] == N_ARTICLES
        got, expected = killed.table_snapshot(), clean.table_snapshot()
        for table in COMPARED:
            assert got[table] == expected[table], table
        assert killed.failures() == []
