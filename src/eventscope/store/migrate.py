"""Running the Alembic migrations from code: no alembic.ini, the scripts ship inside the package.

Alembic is imported inside the functions: it is needed when a store is opened, not when
``eventscope`` is imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from eventscope.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

WRITE_OPTION = "eventscope_write"  # execution option: on SQLite, begin the transaction IMMEDIATE


@contextmanager
def _script_location(script_location: Path | None) -> Iterator[Path]:
    if script_location is not None:
        yield script_location
        return
    # A real directory for an installed or editable package; as_file copes with zipped installs.
    with resources.as_file(resources.files("eventscope.store") / "migrations") as path:
        yield Path(path)


def alembic_config(script_location: Path, url: str = "") -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    # ConfigParser treats % as interpolation; URLs may hold %-escaped passwords.
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision(script_location: Path | None = None) -> str | None:
    """The newest migration this eventscope knows."""
    from alembic.script import ScriptDirectory

    with _script_location(script_location) as location:
        return ScriptDirectory.from_config(alembic_config(location)).get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    """The migration the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head", script_location: Path | None = None) -> None:
    """Migrate the database to ``revision`` in one transaction; StoreError when that fails."""
    from alembic import command
    from alembic.util import CommandError

    url = engine.url.render_as_string(hide_password=True)
    with _script_location(script_location) as location:
        cfg = alembic_config(location, url)
        try:
            with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        except CommandError as exc:
            # Typically a database written by a newer eventscope ("Can't locate revision ...").
            raise StoreError(
                f"cannot migrate database {url}: {one_line(exc)}; "
                "it may come from a newer eventscope: upgrade eventscope or use another --db"
            ) from exc
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"cannot migrate database {url}: {one_line(exc)}; check --db / EVENTSCOPE_DB"
            ) from exc


def one_line(exc: BaseException) -> str:
    """The first line of a dependency's error (SQLAlchemy appends SQL and a docs link)."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
