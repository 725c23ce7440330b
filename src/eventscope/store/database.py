"""The event store: records in, records out, over SQLAlchemy Core (SQLite by default, PostgreSQL for servers).

Writes are one transaction each. On SQLite there is one writer at a time: write transactions
begin IMMEDIATE (the write lock is taken up front, so two writers wait on ``busy_timeout`` instead
of failing half way), readers use WAL snapshots and never block it. On PostgreSQL writers run
side by side (READ COMMITTED): inserts are ON CONFLICT DO NOTHING and rows are written in key
order, so two ingests of overlapping inputs neither fail nor duplicate; replacing the event set is
serialised by :meth:`Store.merge_lock` (see ``locks.py``).

Every write compares what it would write with what is stored and touches only rows that differ,
so ingesting the same input twice changes nothing (see ``table_snapshot``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from eventscope.errors import EventscopeError, InputError, NotFoundError, StoreError
from eventscope.models import Article, Event, EventChange, IngestFailure, Mention
from eventscope.store import history, locks, rows
from eventscope.store.codec import article_from_dict, event_from_dict, mention_from_dict
from eventscope.store.engine import check_connects, create_engine
from eventscope.store.migrate import WRITE_OPTION, one_line, upgrade
from eventscope.store.queries import EventFilter, select_events
from eventscope.store.schema import (
    TABLES,
    actors,
    articles,
    event_mentions,
    events,
    ingest_failures,
    mentions,
    places,
)
from eventscope.store.spatial import postgis_schema
from eventscope.store.sync import insert_ignore, sync_rows

# The PostgreSQL driver behind a plain postgresql:// URL (the pinned psycopg 3, not SQLAlchemy's psycopg2).
_HINT = "check --db / EVENTSCOPE_DB"
_PAGE = 500


class Store:
    """Typed access to one database; built by :func:`open_store` (or on any migrated engine)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        with engine.connect() as conn:
            self._postgis = postgis_schema(conn)

    @property
    def has_postgis(self) -> bool:
        """True when distance filters run on PostGIS (else the portable fallback)."""
        return self._postgis is not None

    def merge_lock(self) -> locks.Lock:
        """Hold while reading mentions, merging and replacing events: concurrent merges never interleave."""
        return locks.merge_lock(self._engine)

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> sa.Engine:
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        try:
            with self._writer.begin() as conn:
                yield conn
        except sa.exc.IntegrityError as exc:
            raise StoreError(
                f"refused by database {self.url}: {one_line(exc)}; "
                "the records passed in are inconsistent: report this bug"
            ) from exc
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot write to database {self.url}: {one_line(exc)}; {_HINT}") from exc

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot read database {self.url}: {one_line(exc)}; {_HINT}") from exc

    # -- articles and failures ------------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Insert the article if its id is new; True if it was inserted."""
        with self._write() as conn:
            return insert_ignore(conn, articles, [rows.article_row(article)], "id") == 1

    def known_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Those of ``article_ids`` already stored."""
        ids = sorted(set(article_ids))
        found: set[str] = set()
        with self._read() as conn:
            for i in range(0, len(ids), _PAGE):
                query = sa.select(articles.c.id).where(articles.c.id.in_(ids[i : i + _PAGE]))
                found.update(conn.execute(query).scalars())
        return found

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            found = conn.execute(sa.select(articles.c.id).where(articles.c.id == article_id)).first()
        return found is not None

    def add_failure(self, failure: IngestFailure) -> None:
        """Record an input that could not become an article (one row per source, latest reason)."""
        with self._write() as conn:
            sync_rows(conn, ingest_failures, "source", {failure.source: rows.failure_row(failure)})

    def clear_failure(self, source: str) -> None:
        """Forget a failure: the source has now been read."""
        with self._write() as conn:
            conn.execute(sa.delete(ingest_failures).where(ingest_failures.c.source == source))

    def clear_failures(self, sources: Iterable[str]) -> None:
        """Forget the failures of these sources (they have now been read); one transaction."""
        wanted = sorted(set(sources))
        if not wanted:
            return
        with self._write() as conn:
            for i in range(0, len(wanted), _PAGE):
                conn.execute(
                    sa.delete(ingest_failures).where(ingest_failures.c.source.in_(wanted[i : i + _PAGE]))
                )

    def save_article_results(self, article: Article, mentions_: Sequence[Mention]) -> None:
        """Store an article with its mentions, their actors and places, replacing earlier mentions."""
        self.save_results([(article, mentions_)])

    def save_results(self, results: Sequence[tuple[Article, Sequence[Mention]]]) -> None:
        """:meth:`save_article_results` for a batch of articles, in one transaction (all or none)."""
        checked = [(article, _mention_rows(article, mentions_)) for article, mentions_ in results]
        with self._write() as conn:
            sync_rows(conn, articles, "id", {a.id: rows.article_row(a) for a, _ in checked})
            every = [m for _, ms in results for m in ms]
            sync_rows(conn, actors, "id", rows.mention_actors(every))
            sync_rows(conn, places, "gazetteer_id", rows.mention_places(every))
            # One sync for the whole batch: mention ids embed their article's id, so the batch's
            # stale mentions are those of its articles that no new row names.
            new_mentions = {mid: row for _, new in checked for mid, row in new.items()}
            batch_ids = sorted({a.id for a, _ in checked})
            gone = sync_rows(conn, mentions, "id", new_mentions, scope=mentions.c.article_id.in_(batch_ids))
            if gone:  # explicit, so it holds even where foreign keys are not enforced
                conn.execute(sa.delete(event_mentions).where(event_mentions.c.mention_id.in_(gone)))
                conn.execute(sa.delete(mentions).where(mentions.c.id.in_(gone)))

    def replace_events(self, events_: Sequence[Event], mention_links: Mapping[str, Sequence[str]]) -> None:
        """Make the stored events exactly ``events_`` and their mention links; unchanged rows stay.

        ``mention_links`` maps event id -> mention ids; an event missing from it links its own
        ``mention_ids``. Events not in ``events_`` are deleted (merge gives every event each run).
        """
        ids = {e.id for e in events_}
        if len(ids) != len(events_):
            raise StoreError("event ids repeat; merge must give each event its own id")
        unknown = sorted(set(mention_links) - ids)
        if unknown:
            raise StoreError(f"mention links name events that are not being stored: {unknown[:3]}")
        links = {e.id: tuple(mention_links.get(e.id, e.mention_ids)) for e in events_}
        wanted = sorted({m for ms in links.values() for m in ms})
        with self._write() as conn:
            locks.lock_event_writes(conn)  # history numbering and links assume one writer of events
            sentences: dict[str, str] = {}
            for i in range(0, len(wanted), _PAGE):
                query = sa.select(mentions.c.id, mentions.c.sentence).where(
                    mentions.c.id.in_(wanted[i : i + _PAGE])
                )
                sentences.update((row.id, row.sentence) for row in conn.execute(query))
            missing = [m for m in wanted if m not in sentences]
            if missing:
                raise StoreError(f"events link mentions that are not stored: {missing[:3]}; save them first")
            sync_rows(conn, places, "gazetteer_id", rows.event_places(events_))
            old_data = {row.id: row.data for row in conn.execute(sa.select(events.c.id, events.c.data))}
            old_links = {
                row.mention_id: row.event_id
                for row in conn.execute(sa.select(event_mentions.c.event_id, event_mentions.c.mention_id))
            }
            new = {
                e.id: rows.event_row(e, [sentences[m] for m in dict.fromkeys(links[e.id])]) for e in events_
            }
            gone = sync_rows(conn, events, "id", new, scope=sa.true())
            if gone:
                conn.execute(sa.delete(event_mentions).where(event_mentions.c.event_id.in_(gone)))
                conn.execute(sa.delete(events).where(events.c.id.in_(gone)))
            self._sync_links(conn, links)
            new_links = {m: e for e, ms in links.items() for m in ms}
            history.record(conn, old_data, {k: v["data"] for k, v in new.items()}, old_links, new_links)

    @staticmethod
    def _sync_links(conn: sa.Connection, links: Mapping[str, Sequence[str]]) -> None:
        new = {(e, m) for e, ms in links.items() for m in ms}
        query = sa.select(event_mentions.c.event_id, event_mentions.c.mention_id)
        old = {(row.event_id, row.mention_id) for row in conn.execute(query)}
        for event_id, mention_id in sorted(old - new):
            conn.execute(
                sa.delete(event_mentions).where(
                    event_mentions.c.event_id == event_id, event_mentions.c.mention_id == mention_id
                )
            )
        added = [{"event_id": e, "mention_id": m} for e, m in sorted(new - old)]
        if added:
            conn.execute(sa.insert(event_mentions), added)

    # -- reads ----------------------------------------------------------------------------------

    def mentions(self, article_ids: Iterable[str] | None = None) -> list[Mention]:
        """Mentions ordered by article, then position in the text; all of them when ids is None."""
        query = sa.select(mentions.c.data).order_by(
            mentions.c.article_id, mentions.c.sentence_start, mentions.c.trigger_start, mentions.c.id
        )
        if article_ids is None:
            with self._read() as conn:
                data = list(conn.execute(query).scalars())
        else:
            ids = sorted(set(article_ids))
            data = []
            with self._read() as conn:
                for i in range(0, len(ids), _PAGE):  # stays under the database's parameter limit
                    data.extend(
                        conn.execute(query.where(mentions.c.article_id.in_(ids[i : i + _PAGE]))).scalars()
                    )
        return [_decode(mention_from_dict, d, "mention") for d in data]

    def article_ids(self) -> list[str]:
        """Every stored article id, sorted."""
        with self._read() as conn:
            return list(conn.execute(sa.select(articles.c.id).order_by(articles.c.id)).scalars())

    def articles_by_id(self, article_ids: Iterable[str]) -> list[Article]:
        """The stored articles of ``article_ids`` (those that exist), by id."""
        ids = sorted(set(article_ids))
        found: list[Article] = []
        with self._read() as conn:
            for i in range(0, len(ids), _PAGE):
                query = sa.select(articles.c.id, articles.c.text, articles.c.data).where(
                    articles.c.id.in_(ids[i : i + _PAGE])
                )
                found.extend(
                    _decode(article_from_dict, rows.article_data(r), "article") for r in conn.execute(query)
                )
        return sorted(found, key=lambda a: a.id)

    def articles(self) -> Iterator[Article]:
        """Every article, by id, read a page at a time (no transaction is held between pages)."""
        after: str | None = None
        while True:
            query = sa.select(articles.c.id, articles.c.text, articles.c.data).order_by(articles.c.id)
            if after is not None:
                query = query.where(articles.c.id > after)
            with self._read() as conn:
                page = conn.execute(query.limit(_PAGE)).all()
            for row in page:
                yield _decode(article_from_dict, rows.article_data(row), "article")
            if len(page) < _PAGE:
                return
            after = page[-1].id

    def article(self, article_id: str) -> Article:
        query = sa.select(articles.c.text, articles.c.data).where(articles.c.id == article_id)
        with self._read() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFoundError(f"no article {article_id}; ingest it first with `eventscope ingest`")
        return _decode(article_from_dict, rows.article_data(row), "article")

    def article_outlets(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Outlet by article id, for those that have one (the ACLED export's ``source``)."""
        ids = sorted(set(article_ids))
        found: dict[str, str] = {}
        with self._read() as conn:
            for i in range(0, len(ids), _PAGE):
                query = sa.select(articles.c.id, articles.c.outlet).where(
                    articles.c.id.in_(ids[i : i + _PAGE]), articles.c.outlet.is_not(None)
                )
                found.update((row.id, row.outlet) for row in conn.execute(query))
        return found

    def events(self, flt: EventFilter) -> list[Event]:
        with self._read() as conn:
            data = conn.execute(select_events(flt, self._postgis)).scalars().all()
        return [_decode(event_from_dict, d, "event") for d in data]

    def resolve_event_id(self, event_id: str) -> str:
        """The id an event is stored under now: itself, or the event an old id was merged into."""
        with self._read() as conn:
            if conn.execute(sa.select(events.c.id).where(events.c.id == event_id)).scalar() is not None:
                return event_id
            target = history.resolve(conn, event_id)
        if target is None:
            raise NotFoundError(f"no event {event_id}; list ids with `eventscope events`")
        return target

    def history(self, event_id: str) -> list[EventChange]:
        """Every recorded change of an event (and of the ids merged into it), oldest first."""
        with self._read() as conn:
            return history.read(conn, event_id)

    def event(self, event_id: str) -> Event:
        event_id = self.resolve_event_id(event_id)
        with self._read() as conn:
            data = conn.execute(sa.select(events.c.data).where(events.c.id == event_id)).scalar()
        if data is None:
            raise NotFoundError(f"no event {event_id}; list ids with `eventscope events`")
        return _decode(event_from_dict, data, "event")

    def event_mentions(self, event_id: str) -> list[Mention]:
        """The mentions behind an event, ordered by article, then position in the text."""
        self.event(event_id)  # NotFoundError for an unknown id, rather than an empty list
        query = (
            sa.select(mentions.c.data)
            .join(event_mentions, event_mentions.c.mention_id == mentions.c.id)
            .where(event_mentions.c.event_id == event_id)
            .order_by(
                mentions.c.article_id, mentions.c.sentence_start, mentions.c.trigger_start, mentions.c.id
            )
        )
        with self._read() as conn:
            data = conn.execute(query).scalars().all()
        return [_decode(mention_from_dict, d, "mention") for d in data]

    def failures(self) -> list[IngestFailure]:
        query = sa.select(ingest_failures.c.source, ingest_failures.c.reason).order_by(
            ingest_failures.c.source
        )
        with self._read() as conn:
            return [IngestFailure(source=row.source, reason=row.reason) for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._read() as conn:
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                for t in TABLES
            }

    def table_snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted, JSON as canonical text: equal snapshots, equal data."""
        snapshot: dict[str, list[tuple[Any, ...]]] = {}
        with self._read() as conn:
            for table in TABLES:
                found = [tuple(_canonical(v) for v in row) for row in conn.execute(sa.select(table))]
                snapshot[table.name] = sorted(found, key=repr)
        return snapshot


def _mention_rows(article: Article, mentions_: Sequence[Mention]) -> dict[str, dict[str, Any]]:
    for m in mentions_:
        if m.article_id != article.id:
            raise StoreError(f"mention {m.id} belongs to article {m.article_id}, not {article.id}")
    new = {m.id: rows.mention_row(m) for m in mentions_}
    if len(new) != len(mentions_):
        raise StoreError(f"article {article.id}: mention ids repeat; each mention needs its own id")
    return new


def _canonical(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value


def _decode(decoder: Any, data: Any, what: str) -> Any:
    try:
        return decoder(data)
    except InputError as exc:
        raise StoreError(f"a stored {what} is not readable ({exc}); re-ingest its article") from exc


# -- opening --------------------------------------------------------------------------------------


def open_store(url: str) -> Store:
    """Open (creating if needed) the database at ``url`` and migrate it to the current schema."""
    engine = create_engine(url)
    try:
        check_connects(engine)
        upgrade(engine)
    except EventscopeError:
        engine.dispose()
        raise
    return Store(engine)
