"""Initial schema: articles, places, actors, mentions, events, links, ingest failures, event history.

Revision ID: 0001
Revises:
Create Date: 2026-11-20

Written by hand (not imported from schema.py) so it stays what it was when later migrations
change the schema; tests/test_migrations.py checks head matches schema.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String()),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True)),
        sa.Column("language", sa.String()),
        sa.Column("fetched_at", sa.DateTime(timezone=True)),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("data", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])

    op.create_table(
        "places",
        sa.Column("gazetteer_id", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("feature_class", sa.String(), nullable=False),
        sa.Column("feature_code", sa.String(), nullable=False),
        sa.Column("country_code", sa.String()),
        sa.Column("admin1", sa.Text()),
        sa.Column("admin2", sa.Text()),
        sa.Column("population", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("gazetteer_id", name="pk_places"),
    )
    op.create_index("ix_places_country_code", "places", ["country_code"])

    op.create_table(
        "actors",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.Text()),
        sa.Column("kind", sa.String()),
        sa.Column("country", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )

    op.create_table(
        "mentions",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("plover_type", sa.String(), nullable=False),
        sa.Column("plover_mode", sa.String()),
        sa.Column("acled_type", sa.String(), nullable=False),
        sa.Column("acled_sub_type", sa.String(), nullable=False),
        sa.Column("cameo_root", sa.String(), nullable=False),
        sa.Column("modality", sa.String(), nullable=False),
        sa.Column("attribution_kind", sa.String(), nullable=False),
        sa.Column("claimant", sa.Text()),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
        sa.Column("time_precision", sa.String()),
        sa.Column("place_id", sa.String()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String()),
        sa.Column("actor_id", sa.String()),
        sa.Column("actor_name", sa.Text()),
        sa.Column("recipient_id", sa.String()),
        sa.Column("recipient_name", sa.Text()),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.Column("data", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_mentions_article_id_articles", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["place_id"], ["places.gazetteer_id"], name="fk_mentions_place_id_places"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_mentions_actor_id_actors"),
        sa.ForeignKeyConstraint(["recipient_id"], ["actors.id"], name="fk_mentions_recipient_id_actors"),
    )
    op.create_index("ix_mentions_article_id_sentence_start", "mentions", ["article_id", "sentence_start"])
    op.create_index("ix_mentions_plover_type", "mentions", ["plover_type"])
    op.create_index("ix_mentions_acled_type", "mentions", ["acled_type"])
    op.create_index("ix_mentions_start_date_end_date", "mentions", ["start_date", "end_date"])
    op.create_index("ix_mentions_country", "mentions", ["country"])

    op.create_table(
        "events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("plover_type", sa.String(), nullable=False),
        sa.Column("plover_mode", sa.String()),
        sa.Column("acled_type", sa.String(), nullable=False),
        sa.Column("acled_sub_type", sa.String(), nullable=False),
        sa.Column("cameo_root", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("place_level", sa.String(), nullable=False),
        sa.Column("place_id", sa.String()),
        sa.Column("location_text", sa.Text()),
        sa.Column("country", sa.String()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("actor_id", sa.String()),
        sa.Column("actor_name", sa.Text()),
        sa.Column("actor_text", sa.Text()),
        sa.Column("recipient_id", sa.String()),
        sa.Column("recipient_name", sa.Text()),
        sa.Column("recipient_text", sa.Text()),
        sa.Column("claim_status", sa.String(), nullable=False),
        sa.Column("modality", sa.String(), nullable=False),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("n_independent", sa.Integer(), nullable=False),
        sa.Column("fatalities_best", sa.Integer()),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("data", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_start_date_end_date", "events", ["start_date", "end_date"])
    op.create_index("ix_events_plover_type", "events", ["plover_type"])
    op.create_index("ix_events_acled_type", "events", ["acled_type"])
    op.create_index("ix_events_acled_sub_type", "events", ["acled_sub_type"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_claim_status", "events", ["claim_status"])
    op.create_index("ix_events_lon_lat", "events", ["lon", "lat"])
    op.create_index("ix_events_n_reports", "events", ["n_reports"])

    op.create_table(
        "event_mentions",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("mention_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "mention_id", name="pk_event_mentions"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_mentions_event_id_events", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"], ["mentions.id"], name="fk_event_mentions_mention_id_mentions", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_mentions_mention_id", "event_mentions", ["mention_id"])

    op.create_table(
        "ingest_failures",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("source", name="pk_ingest_failures"),
    )

    op.create_table(
        "event_history",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("change", _json(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "seq", name="pk_event_history"),
    )


def downgrade() -> None:
    for table in (
        "event_history",
        "ingest_failures",
        "event_mentions",
        "events",
        "mentions",
        "actors",
        "places",
        "articles",
    ):
        op.drop_table(table)  # indexes go with their table
