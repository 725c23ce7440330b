"""Idempotent row writes: insert what is new, update what differs, leave equal rows untouched.

Comparing before writing (rather than blind upserts) is what makes "the same input twice changes
nothing" hold row by row, and keeps later change tracking (event history) honest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

Row = dict[str, Any]
_CHUNK = 500  # stays under SQLite's bound-parameter limit


def _chunks(keys: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(keys), _CHUNK):
        yield keys[i : i + _CHUNK]


def insert_ignore(conn: sa.Connection, table: sa.Table, new: Sequence[Row], key: str) -> int:
    """INSERT rows, skipping those whose key exists (safe against a concurrent writer); rows inserted."""
    if not new:
        return 0
    dialect = conn.dialect.name
    if dialect == "postgresql":
        stmt: sa.Insert = postgresql.insert(table).on_conflict_do_nothing(index_elements=[key])
    elif dialect == "sqlite":
        stmt = sqlite.insert(table).on_conflict_do_nothing(index_elements=[key])
    else:  # pragma: no cover - open_store accepts only the two above
        raise NotImplementedError(dialect)
    # RETURNING counts the inserted rows exactly; executemany's rowcount is unreliable on psycopg.
    result = conn.execute(stmt.returning(table.c[key]), list(new))
    return len(result.all())


def _comparable(value: Any) -> Any:
    # SQLite gives back naive UTC datetimes; the UTCDateTime column reads them as aware UTC.
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _differs(stored: Mapping[str, Any], new: Row) -> bool:
    return any(_comparable(stored[k]) != _comparable(v) for k, v in new.items())


def sync_rows(
    conn: sa.Connection,
    table: sa.Table,
    key: str,
    new: Mapping[str, Row],
    scope: sa.ColumnElement[bool] | None = None,
) -> list[str]:
    """Write ``new`` (rows by key); return the keys within ``scope`` that ``new`` lacks.

    The caller deletes those (with whatever depends on them); without a scope nothing is stale.
    """
    key_col = table.c[key]
    stored: dict[str, Row] = {}
    for chunk in _chunks(sorted(new)):
        for found in conn.execute(sa.select(table).where(key_col.in_(chunk))).mappings():
            stored[found[key]] = dict(found)
    # Key order for inserts and updates: two PostgreSQL writers touching the same rows then wait
    # for each other in the same order instead of deadlocking.
    keys = sorted(new)
    insert_ignore(conn, table, [new[k] for k in keys if k not in stored], key)
    for k in keys:
        row = new[k]
        if k in stored and _differs(stored[k], row):
            conn.execute(sa.update(table).where(key_col == k).values(**row))
    if scope is None:
        return []
    return sorted(k for k in conn.execute(sa.select(key_col).where(scope)).scalars() if k not in new)
