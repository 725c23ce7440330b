"""What only PostgreSQL has: the psycopg driver behind postgresql:// URLs, PostGIS distance filters
with the portable fallback giving the same answers, and re-ingesting writing no row (xmin).

The store suite itself runs on PostgreSQL through ``db_url`` (tests/test_store.py).
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from eventscope.store import EventFilter, Store, open_store
from eventscope.store.database import create_engine
from eventscope.store.schema import TABLES
from tests.conftest import IN_CI
from tests.pg import PgServer
from tests.test_store import ingest_all

NEAR = [
    (35.4331, 33.1208, 5.0),
    (35.4331, 33.1208, 23.5),
    (35.5, 33.2, 11.0),
    (35.4331, 33.1208, 300.0),
    (38.2672, 34.5608, 1.0),
]


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_plain_postgresql_urls_use_psycopg_3(scheme: str) -> None:
    engine = create_engine(f"{scheme}://someone:secret@db.example:5433/events")
    assert engine.url.drivername == "postgresql+psycopg"
    assert engine.dialect.driver == "psycopg"
    assert engine.url.port == 5433 and engine.url.database == "events"


def test_an_unreachable_server_is_a_one_line_store_error(pg_server: PgServer) -> None:
    from eventscope.errors import StoreError

    shown = r"cannot open database postgresql\+psycopg://postgres@127.0.0.1"
    with pytest.raises(StoreError, match=shown) as info:
        open_store(f"postgresql://postgres@127.0.0.1:{pg_server.port}/no_such_database")
    assert "\n" not in str(info.value)


def test_postgis_is_used_when_installed(pg_server: PgServer) -> None:
    if IN_CI:  # make test installs postgis: CI must exercise it
        assert pg_server.postgis
    with open_store(pg_server.database()) as store:
        assert store.has_postgis is pg_server.postgis
    with open_store(pg_server.database(postgis=False)) as store:
        assert store.has_postgis is False


def _near_ids(store: Store) -> list[list[str]]:
    return [[e.id for e in store.events(EventFilter(near=near))] for near in NEAR]


def test_postgis_and_the_fallback_agree(pg_server: PgServer, tmp_path) -> None:
    answers = []
    for url in (pg_server.database(), pg_server.database(postgis=False), f"sqlite:///{tmp_path / 'e.db'}"):
        with open_store(url) as store:
            ingest_all(store)
            answers.append(_near_ids(store))
    assert answers[0] == answers[1] == answers[2]
    assert [len(ids) for ids in answers[0]] == [1, 2, 1, 2, 2]


def test_postgis_query_is_what_runs(pg_server: PgServer) -> None:
    if not pg_server.postgis:
        pytest.skip("PostGIS is not installed here")
    with open_store(pg_server.database()) as store:
        seen: list[str] = []
        sa.event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
        store.events(EventFilter(near=NEAR[0]))
    assert any("st_dwithin" in sql.lower() for sql in seen)


def _xmins(store: Store) -> dict[str, list[str]]:
    with store.engine.connect() as conn:
        return {
            t.name: sorted(conn.exec_driver_sql(f"SELECT xmin::text FROM {t.name}").scalars()) for t in TABLES
        }


def test_same_input_twice_writes_no_row(pg_server: PgServer) -> None:
    # Every written row gets the writing transaction's id as xmin: unchanged xmins, nothing written.
    with open_store(pg_server.database()) as store:
        ingest_all(store)
        before = _xmins(store)
        ingest_all(store)
        assert _xmins(store) == before
