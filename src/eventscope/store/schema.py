"""The database schema as SQLAlchemy Core tables: the same logical schema on SQLite and PostgreSQL.

Every record table has scalar columns to filter and sort on, plus a ``data`` JSON column holding
the full record (see ``codec.py``), so each field and its evidence round trips exactly. The
scalar columns are derived from ``data`` (``rows.py``) and never edited on their own.

Migrations (``migrations/versions``) are the source of truth for what exists in a database;
``tests/test_migrations.py`` checks that upgrading to head yields exactly these tables.

Columns hold only values derived from the input, never wall-clock timestamps, so ingesting the
same input twice leaves every row unchanged.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# JSONB on PostgreSQL (indexable, compact); SQLite stores JSON as text.
JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


class UTCDateTime(sa.TypeDecorator[datetime]):
    """An instant stored in UTC; SQLite keeps no offset, so naive values read back are UTC.

    The original offset of a record's datetimes (the article's local publication time matters
    for "on Sunday") lives in the record's ``data`` JSON; this column is for sorting and filters.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # an offset-less publication time: taken as UTC
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published_at", UTCDateTime),
    sa.Column("language", sa.String),
    sa.Column("fetched_at", UTCDateTime),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("data", JSONType, nullable=False),  # the record without its text (which is a column)
    sa.Index(None, "published_at"),
    sa.Index(None, "outlet"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("gazetteer_id", sa.String, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("feature_class", sa.String, nullable=False),
    sa.Column("feature_code", sa.String, nullable=False),
    sa.Column("country_code", sa.String),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("population", sa.BigInteger, nullable=False),
    sa.Index(None, "country_code"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String, primary_key=True),  # canonical actor id from the actor dictionary
    sa.Column("name", sa.Text),
    sa.Column("kind", sa.String),
    sa.Column("country", sa.String),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("plover_type", sa.String, nullable=False),
    sa.Column("plover_mode", sa.String),
    sa.Column("acled_type", sa.String, nullable=False),
    sa.Column("acled_sub_type", sa.String, nullable=False),
    sa.Column("cameo_root", sa.String, nullable=False),
    sa.Column("modality", sa.String, nullable=False),
    sa.Column("attribution_kind", sa.String, nullable=False),
    sa.Column("claimant", sa.Text),
    sa.Column("start_date", sa.Date),
    sa.Column("end_date", sa.Date),
    sa.Column("time_precision", sa.String),
    sa.Column("place_id", sa.String, sa.ForeignKey("places.gazetteer_id")),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.String),
    sa.Column("actor_id", sa.String, sa.ForeignKey("actors.id")),
    sa.Column("actor_name", sa.Text),
    sa.Column("recipient_id", sa.String, sa.ForeignKey("actors.id")),
    sa.Column("recipient_name", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("extractor_version", sa.String, nullable=False),
    sa.Column("data", JSONType, nullable=False),
    sa.Index(None, "article_id", "sentence_start"),
    sa.Index(None, "plover_type"),
    sa.Index(None, "acled_type"),
    sa.Index(None, "start_date", "end_date"),
    sa.Index(None, "country"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("plover_type", sa.String, nullable=False),
    sa.Column("plover_mode", sa.String),
    sa.Column("acled_type", sa.String, nullable=False),
    sa.Column("acled_sub_type", sa.String, nullable=False),
    sa.Column("cameo_root", sa.String, nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("end_date", sa.Date, nullable=False),
    sa.Column("time_precision", sa.Integer, nullable=False),
    sa.Column("geo_precision", sa.Integer, nullable=False),
    sa.Column("place_level", sa.String, nullable=False),
    sa.Column("place_id", sa.String),
    sa.Column("location_text", sa.Text),
    sa.Column("country", sa.String),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("actor_id", sa.String),
    sa.Column("actor_name", sa.Text),
    sa.Column("actor_text", sa.Text),
    sa.Column("recipient_id", sa.String),
    sa.Column("recipient_name", sa.Text),
    sa.Column("recipient_text", sa.Text),
    sa.Column("claim_status", sa.String, nullable=False),
    sa.Column("modality", sa.String, nullable=False),
    sa.Column("n_reports", sa.Integer, nullable=False),
    sa.Column("n_independent", sa.Integer, nullable=False),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("search_text", sa.Text, nullable=False),  # summary, location and evidence sentences
    sa.Column("data", JSONType, nullable=False),
    sa.Index(None, "start_date", "end_date"),
    sa.Index(None, "plover_type"),
    sa.Index(None, "acled_type"),
    sa.Index(None, "acled_sub_type"),
    sa.Index(None, "country"),
    sa.Index(None, "claim_status"),
    sa.Index(None, "lon", "lat"),
    sa.Index(None, "n_reports"),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("event_id", sa.String, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("mention_id", sa.String, sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    sa.Index(None, "mention_id"),
)

ingest_failures = sa.Table(
    "ingest_failures",
    metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),  # the latest reason; re-reading an input changes nothing
)

# Every change to an event, in order (written by the merge history work; created now so that
# feature needs no schema change).
event_history = sa.Table(
    "event_history",
    metadata,
    sa.Column("event_id", sa.String, primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("change", JSONType, nullable=False),
)

# Ids of events that were merged into another (or re-founded): an old id keeps resolving.
event_aliases = sa.Table(
    "event_aliases",
    metadata,
    sa.Column("alias_id", sa.String, primary_key=True),
    sa.Column("event_id", sa.String, nullable=False, index=True),
)

# In dependency order: parents before children (inserts), reversed for deletes.
TABLES: tuple[sa.Table, ...] = (
    articles,
    places,
    actors,
    mentions,
    events,
    event_mentions,
    ingest_failures,
    event_history,
    event_aliases,
)
