"""Event aliases: an event id that was merged into another keeps resolving to it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_aliases",
        sa.Column("alias_id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("alias_id", name="pk_event_aliases"),
    )
    op.create_index("ix_event_aliases_event_id", "event_aliases", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_aliases_event_id", table_name="event_aliases")
    op.drop_table("event_aliases")
