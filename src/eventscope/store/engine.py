"""Engines for the supported databases: SQLite (a file or in memory; WAL, foreign keys, one writer at a
time) and PostgreSQL (psycopg 3), with one-line errors that say what to check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from eventscope.errors import StoreError
from eventscope.store.migrate import WRITE_OPTION, one_line
from eventscope.store.spatial import register_math

SUPPORTED = "sqlite:///path/to/file.db, sqlite:// (in memory), postgresql://user@host/dbname"
PG_DRIVER = "postgresql+psycopg"
_HINT = "check --db / EVENTSCOPE_DB"


def check_connects(engine: sa.Engine) -> None:
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {shown}: {one_line(exc)}; {_HINT}") from exc


def create_engine(url: str) -> sa.Engine:
    """An engine for a supported URL; SQLite gets WAL, foreign keys and one-writer transactions."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}; use one of {SUPPORTED}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=PG_DRIVER)
    backend = parsed.get_backend_name()
    shown = parsed.render_as_string(hide_password=True)
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {shown}; use one of {SUPPORTED}")
    try:
        if backend == "postgresql":
            return sa.create_engine(parsed, pool_pre_ping=True)
        return _sqlite_engine(parsed)
    except (sa.exc.SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open database {shown}: {one_line(exc)}; {_HINT}") from exc


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    database = url.database or ""
    memory = database in ("", ":memory:") or url.query.get("mode") == "memory"
    if memory:
        # One shared connection: every checkout must see the same in-memory database.
        engine = sa.create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        path = Path(database).expanduser()
        if path.is_dir():
            raise StoreError(f"cannot open database {url}: {path} is a directory; give a file path")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot open database {url}: cannot create {path.parent} ({exc}); {_HINT}"
            ) from exc
        engine = sa.create_engine(url)
    _configure_sqlite(engine, wal=not memory)
    return engine


def _configure_sqlite(engine: sa.Engine, *, wal: bool) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN (below): pysqlite's own handling skips it for DDL and SELECT.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if wal:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()
        register_math(dbapi_connection)

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
