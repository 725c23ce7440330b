"""Alembic migrations, run from code: to head on open, matching schema.py, transactional, reversible.

Each test runs on SQLite and on PostgreSQL (``db_url``), where PostGIS may add tables of its own.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from eventscope.errors import StoreError
from eventscope.store import open_store
from eventscope.store.database import create_engine
from eventscope.store.migrate import alembic_config, current_revision, head_revision, upgrade
from eventscope.store.schema import TABLES, metadata

BROKEN_MIGRATION = '''"""A migration that fails half way.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("events", sa.Column("extra", sa.Text))
    op.execute("INSERT INTO no_such_table VALUES (1)")


def downgrade() -> None:
    pass
'''


def packaged_migrations() -> Path:
    return Path(str(resources.files("eventscope.store") / "migrations"))


POSTGIS_TABLES = {"spatial_ref_sys"}  # created by CREATE EXTENSION postgis, not by us


def table_names(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names()) - POSTGIS_TABLES


def not_postgis(entry: object) -> bool:
    return not (isinstance(entry, tuple) and entry[0] == "remove_table" and entry[1].name in POSTGIS_TABLES)


def test_open_store_migrates_a_new_database_to_head(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no alembic.ini anywhere near: the config is built in code
    with open_store(db_url) as store:
        assert head_revision() == "0002"
        assert current_revision(store.engine) == head_revision()
        assert table_names(store.engine) == {t.name for t in TABLES} | {"alembic_version"}


def test_migrated_database_matches_schema_py(db_url: str) -> None:
    with open_store(db_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert [d for d in diff if not_postgis(d)] == []


def test_reopening_keeps_data_and_revision(db_url: str) -> None:
    url = db_url
    with open_store(url) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO ingest_failures (source, reason) VALUES ('a.txt', 'empty')")
    with open_store(url) as store:
        assert store.counts()["ingest_failures"] == 1
        assert current_revision(store.engine) == "0002"


def test_downgrade_to_base_and_back(db_url: str) -> None:
    engine = create_engine(db_url)
    upgrade(engine)
    cfg = alembic_config(packaged_migrations())
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert table_names(engine) == {"alembic_version"}
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == "0002"
    engine.dispose()


def test_a_failing_migration_leaves_the_database_as_it_was(db_url: str, tmp_path: Path) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(packaged_migrations(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0003_broken.py").write_text(BROKEN_MIGRATION)
    engine = create_engine(db_url)
    upgrade(engine)  # the packaged migrations, to head
    columns_before = {c["name"] for c in sa.inspect(engine).get_columns("events")}

    with pytest.raises(StoreError, match="cannot migrate database .*(no such table|does not exist)"):
        upgrade(engine, script_location=scripts)

    engine.dispose()  # fresh connections, so nothing cached hides a leftover
    assert "half_done" not in table_names(engine)
    assert {c["name"] for c in sa.inspect(engine).get_columns("events")} == columns_before
    assert current_revision(engine) == "0002"
    engine.dispose()


def test_a_database_from_a_newer_eventscope_is_refused(db_url: str) -> None:
    url = db_url
    with open_store(url) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(StoreError, match="newer eventscope"):
        open_store(url)


def test_migrations_ship_without_an_ini_file() -> None:
    location = packaged_migrations()
    assert (location / "env.py").is_file()
    assert (location / "script.py.mako").is_file()
    assert not list(location.rglob("alembic.ini"))
