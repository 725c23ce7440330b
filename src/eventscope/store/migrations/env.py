"""Alembic environment: runs migrations on the connection the caller hands over (``store/migrate.py``).

No alembic.ini is needed: ``migrate.alembic_config`` builds the Config in code. Each run is one
transaction (``transactional_ddl``; on SQLite our engine emits BEGIN itself so DDL is inside it),
so a failing migration leaves the database at the revision it had.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context
from sqlalchemy.pool import NullPool

from eventscope.store.schema import metadata

config = context.config


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        transactional_ddl=True,
        render_as_batch=True,  # SQLite cannot ALTER most things; autogenerate emits batch ops
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    if context.is_offline_mode():  # `--sql`: print the DDL for a DBA instead of running it
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            target_metadata=metadata,
            literal_binds=True,
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=NullPool)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


run_migrations()
