"""Cross-process locks for the steps that must not interleave between two ingests.

Saving articles needs none (inserts ignore conflicts, updates are idempotent). Merging does: it
reads every stored mention, clusters, and replaces the event set; two merges interleaving could
let the one that read fewer mentions write last and drop the other's events. So the whole
read-merge-write runs under :func:`merge_lock`:

- PostgreSQL: a session advisory lock on a connection of its own (released by the server if the
  process dies);
- SQLite file: ``flock`` on a ``.merge-lock`` file beside the database (released by the kernel if
  the process dies);
- SQLite in memory: one process can reach it, so a thread lock.

:func:`lock_event_writes` additionally serialises every event-set write on PostgreSQL inside its
transaction (history sequence numbers are max + 1); SQLite's BEGIN IMMEDIATE already does.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import sqlalchemy as sa

from eventscope.errors import StoreError

Lock = AbstractContextManager[None]

# Advisory lock keys (any 64-bit ints unique to us): ASCII "esmerge" and "esevent".
_MERGE_KEY = 0x65736D65726765
_EVENTS_KEY = 0x65736576656E74
_THREAD_LOCKS: dict[int, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


def merge_lock(engine: sa.Engine) -> Lock:
    """Held by one merge at a time across processes sharing the database."""
    if engine.dialect.name == "postgresql":
        return _advisory_lock(engine)
    database = engine.url.database or ""
    if database in ("", ":memory:") or engine.url.query.get("mode") == "memory":
        with _THREAD_LOCKS_GUARD:
            lock = _THREAD_LOCKS.setdefault(id(engine), threading.Lock())
        return _thread_lock(lock)
    return _file_lock(Path(database).expanduser().with_name(Path(database).name + ".merge-lock"))


@contextmanager
def _thread_lock(lock: threading.Lock) -> Iterator[None]:
    with lock:
        yield


@contextmanager
def _advisory_lock(engine: sa.Engine) -> Iterator[None]:
    # AUTOCOMMIT: the lock belongs to the session, so no transaction needs to stay open meanwhile.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": _MERGE_KEY})
        try:
            yield
        finally:
            conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": _MERGE_KEY})


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    try:
        handle = path.open("a")
    except OSError as exc:
        raise StoreError(
            f"cannot create lock file {path}: {exc}; check the database folder is writable"
        ) from exc
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # blocks until the other merge is done
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def lock_event_writes(conn: sa.Connection) -> None:
    """Within a write transaction: wait for any other event-set write to commit (PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _EVENTS_KEY})
