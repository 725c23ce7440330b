"""The store against real SQLite and real PostgreSQL (``db_url``): round trips, idempotency, filters, errors.

Tests of one backend's own settings (WAL, BEGIN IMMEDIATE, file paths) open that backend directly.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from eventscope.errors import InputError, NotFoundError, StoreError
from eventscope.models import IngestFailure
from eventscope.store import EventFilter, Store, open_store
from eventscope.store.schema import articles as articles_table
from tests.store_samples import (
    ALL_MENTIONS,
    ARTICLES,
    BINT_JBEIL,
    E_MOVE,
    E_PALMYRA,
    E_ROCKETS,
    E_STRIKE,
    EVENTS,
    LINKS,
    M_MOVE,
    M_PALMYRA,
    M_ROCKETS,
    M_STRIKE,
    M_STRIKE_MINISTRY,
    MENTIONS_BY_ARTICLE,
    PALMYRA,
    STRIKE_MINISTRY,
    STRIKE_NNA,
)


def ingest_all(store: Store) -> None:
    """What the pipeline does for our three reports: save each, merge, replace events, note a failure."""
    for article in ARTICLES:
        store.add_article(article)
        store.save_article_results(article, MENTIONS_BY_ARTICLE[article.id])
    store.add_failure(IngestFailure("files/scan.pdf", "binary file: not text; convert it to text first"))
    store.replace_events(EVENTS, LINKS)


@pytest.fixture
def store(db_url: str):
    with open_store(db_url) as s:
        yield s


@pytest.fixture
def sqlite_store(tmp_path: Path):
    with open_store(f"sqlite:///{tmp_path / 'events.db'}") as s:
        yield s


@pytest.fixture
def filled(store: Store) -> Store:
    ingest_all(store)
    return store


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_sqlite_file_runs_in_wal_mode_with_foreign_keys(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert (conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) > 0


def test_open_creates_parent_directories(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "events.db"
    with open_store(f"sqlite:///{path}") as s:
        assert s.counts()["articles"] == 0
    assert path.is_file()


def test_writes_begin_immediate_and_reads_do_not(sqlite_store: Store) -> None:
    store = sqlite_store
    seen: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    store.add_article(STRIKE_NNA)
    assert "BEGIN IMMEDIATE" in seen
    seen.clear()
    store.article(STRIKE_NNA.id)
    assert "BEGIN" in seen and "BEGIN IMMEDIATE" not in seen


def test_add_article_is_idempotent_by_id(store: Store) -> None:
    assert store.add_article(STRIKE_NNA) is True
    assert store.add_article(STRIKE_NNA) is False
    assert store.add_article(replace(STRIKE_NNA, title="changed")) is False  # the id decides
    assert store.has_article(STRIKE_NNA.id) and not store.has_article(PALMYRA.id)
    assert store.counts()["articles"] == 1
    assert store.article(STRIKE_NNA.id) == STRIKE_NNA


def test_articles_round_trip_with_their_offsets(filled: Store) -> None:
    got = {a.id: a for a in filled.articles()}
    assert got == {a.id: a for a in ARTICLES}
    back = got[STRIKE_NNA.id].published_at
    assert back is not None and back.utcoffset() == STRIKE_NNA.published_at.utcoffset()  # type: ignore[union-attr]
    assert got[PALMYRA.id].published_at == PALMYRA.published_at  # naive stays naive


def test_published_at_column_holds_the_utc_instant(filled: Store) -> None:
    with filled.engine.connect() as conn:
        stored = conn.execute(
            sa.select(articles_table.c.published_at).where(articles_table.c.id == STRIKE_NNA.id)
        ).scalar_one()
    assert stored == datetime(2026, 11, 19, 15, 40, tzinfo=UTC)


def test_mentions_round_trip_in_article_and_text_order(filled: Store) -> None:
    assert filled.mentions() == sorted(ALL_MENTIONS, key=lambda m: (m.article_id, m.sentence.start))
    assert filled.mentions([PALMYRA.id]) == [M_PALMYRA, M_MOVE]
    assert filled.mentions([]) == []


def test_actors_and_places_are_stored_once(filled: Store) -> None:
    snap = filled.table_snapshot()
    assert [row[0] for row in snap["actors"]] == ["ISIS", "ISR-MIL", "LBN-HEZ", "SYR-MIL"]
    assert ("ISR-MIL", "Military Forces of Israel", "state_forces", "IL") in snap["actors"]
    places = {row[0]: row for row in snap["places"]}
    assert set(places) == {"geonames:278913", "geonames:294514", "geonames:170651", "geonames:169577"}
    assert places[BINT_JBEIL.gazetteer_id][1:4] == ("Bint Jbeil", BINT_JBEIL.lat, BINT_JBEIL.lon)


def test_counts(filled: Store) -> None:
    assert filled.counts() == {
        "articles": 3,
        "places": 4,
        "actors": 4,
        "mentions": 5,
        "events": 4,
        "event_mentions": 5,
        "ingest_failures": 1,
        "event_history": 4,  # one "created" entry per event
        "event_aliases": 0,
    }


def test_same_input_twice_changes_nothing(db_url: str) -> None:
    with open_store(db_url) as store:
        ingest_all(store)
        first = store.table_snapshot()
        ingest_all(store)
        assert store.table_snapshot() == first


def test_same_input_twice_writes_no_row() -> None:
    # In memory every statement runs on one connection, so total_changes() counts every row written.
    with open_store("sqlite://") as store:
        ingest_all(store)
        with store.engine.connect() as conn:
            before = conn.exec_driver_sql("SELECT total_changes()").scalar()
        ingest_all(store)
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT total_changes()").scalar() == before


def test_re_extraction_replaces_an_articles_mentions(filled: Store) -> None:
    better = replace(M_STRIKE, confidence=0.95)
    filled.save_article_results(STRIKE_NNA, [better])  # the rockets mention is gone
    assert filled.mentions([STRIKE_NNA.id]) == [better]
    assert M_ROCKETS.id not in {m.id for m in filled.mentions()}
    assert filled.event_mentions(E_ROCKETS.id) == []  # its link went with it
    assert filled.event_mentions(E_STRIKE.id) == [better, M_STRIKE_MINISTRY]


def test_changed_article_text_is_updated_with_its_mentions(filled: Store) -> None:
    edited = replace(STRIKE_MINISTRY, title="Ministry: three civilians killed in Bint Jbeil")
    filled.save_article_results(edited, MENTIONS_BY_ARTICLE[STRIKE_MINISTRY.id])
    assert filled.article(STRIKE_MINISTRY.id) == edited


def test_replace_events_deletes_events_no_longer_produced(filled: Store) -> None:
    merged = replace(E_STRIKE, n_reports=3, summary="Israeli strike on Bint Jbeil kills three")
    filled.replace_events([merged, E_PALMYRA], {merged.id: merged.mention_ids, E_PALMYRA.id: [M_PALMYRA.id]})
    assert ids(filled.events(EventFilter())) == [E_PALMYRA.id, E_STRIKE.id]
    assert filled.event(E_STRIKE.id) == merged
    with pytest.raises(NotFoundError):
        filled.event(E_MOVE.id)
    assert filled.counts()["event_mentions"] == 3


def test_replace_events_refuses_links_to_unknown_mentions_and_keeps_the_old_state(filled: Store) -> None:
    before = filled.table_snapshot()
    with pytest.raises(StoreError, match="not stored"):
        filled.replace_events([E_STRIKE], {E_STRIKE.id: ["m-nowhere"]})
    assert filled.table_snapshot() == before


def test_mentions_must_belong_to_the_article(store: Store) -> None:
    with pytest.raises(StoreError, match="belongs to article"):
        store.save_article_results(PALMYRA, [M_STRIKE])
    assert store.counts()["articles"] == 0


def test_event_round_trip_and_its_mentions(filled: Store) -> None:
    for event in EVENTS:
        assert filled.event(event.id) == event
    assert filled.event_mentions(E_STRIKE.id) == [M_STRIKE, M_STRIKE_MINISTRY]


def test_not_found_errors_say_what_to_do(filled: Store) -> None:
    with pytest.raises(NotFoundError, match="no event ev-nope; list ids with `eventscope events`"):
        filled.event("ev-nope")
    with pytest.raises(NotFoundError):
        filled.event_mentions("ev-nope")
    with pytest.raises(NotFoundError, match="no article"):
        filled.article("0" * 64)


def test_failures_keep_one_row_per_source(store: Store) -> None:
    failure = IngestFailure("https://example.org/gone", "HTTP 404; check the URL")
    store.add_failure(failure)
    store.add_failure(failure)
    assert store.failures() == [failure]
    retried = IngestFailure(failure.source, "HTTP 503; try again later")
    store.add_failure(retried)
    assert store.failures() == [retried]
    store.clear_failure(failure.source)
    assert store.failures() == []


def test_article_outlets(filled: Store) -> None:
    assert filled.article_outlets([STRIKE_NNA.id, PALMYRA.id, "missing"]) == {
        STRIKE_NNA.id: "Levant Wire",
        PALMYRA.id: "Syria Frontline Report",
    }


# -- filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), [E_PALMYRA, E_ROCKETS, E_STRIKE, E_MOVE]),
        (EventFilter(since=date(2026, 11, 19)), [E_PALMYRA, E_STRIKE, E_MOVE]),  # Palmyra's range overlaps
        (EventFilter(until=date(2026, 11, 18)), [E_PALMYRA, E_ROCKETS]),
        (EventFilter(since=date(2026, 11, 20), until=date(2026, 11, 30)), [E_MOVE]),
        (EventFilter(type="assault"), [E_ROCKETS, E_STRIKE]),  # PLOVER
        (EventFilter(type="Battles"), [E_PALMYRA]),  # ACLED event type
        (EventFilter(type="air/drone strike"), [E_STRIKE]),  # ACLED sub-event type
        (EventFilter(actor="hezbollah"), [E_ROCKETS]),  # canonical name
        (EventFilter(actor="its fight"), [E_ROCKETS]),  # surface text
        (EventFilter(actor="syria"), [E_PALMYRA, E_MOVE]),  # actor or recipient
        (EventFilter(country="sy"), [E_PALMYRA, E_MOVE]),
        (EventFilter(status="disputed"), [E_ROCKETS]),
        (EventFilter(q="Britain-based"), [E_PALMYRA]),  # an evidence sentence
        (EventFilter(q="hezbollah denies"), [E_ROCKETS]),  # the summary
        (EventFilter(q="100%"), []),  # % is literal, not a wildcard
        (EventFilter(bbox=(35.0, 33.0, 36.0, 33.2)), [E_STRIKE]),
        (EventFilter(bbox=(35.0, 33.0, 40.0, 35.0)), [E_PALMYRA, E_ROCKETS, E_STRIKE, E_MOVE]),
        (EventFilter(near=(35.4331, 33.1208, 5)), [E_STRIKE]),  # Bint Jbeil itself
        (EventFilter(near=(35.4331, 33.1208, 21)), [E_STRIKE]),  # Metula is 22.2 km away
        (EventFilter(near=(35.4331, 33.1208, 23.5)), [E_ROCKETS, E_STRIKE]),
        (EventFilter(near=(35.5, 33.2, 11)), [E_STRIKE]),  # 10.8 km and 11.5 km: a box would take both
        (EventFilter(near=(35.4331, 33.1208, 310)), [E_PALMYRA, E_ROCKETS, E_STRIKE, E_MOVE]),  # 306.8 km
        (EventFilter(near=(35.4331, 33.1208, 300)), [E_ROCKETS, E_STRIKE]),
        (EventFilter(order="-start"), [E_MOVE, E_STRIKE, E_ROCKETS, E_PALMYRA]),
        (EventFilter(order="reports"), [E_STRIKE, E_PALMYRA, E_ROCKETS, E_MOVE]),
        (EventFilter(limit=2), [E_PALMYRA, E_ROCKETS]),
        (EventFilter(limit=2, offset=2), [E_STRIKE, E_MOVE]),
        (EventFilter(type="assault", country="LB", since=date(2026, 11, 19)), [E_STRIKE]),
    ],
)
def test_event_filters(filled: Store, flt: EventFilter, expected) -> None:
    assert ids(filled.events(flt)) == ids(expected)


def test_filtered_events_are_whole_records(filled: Store) -> None:
    assert filled.events(EventFilter(status="corroborated")) == [E_STRIKE]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"order": "newest"},
        {"limit": -1},
        {"since": date(2026, 12, 1), "until": date(2026, 11, 1)},
        {"bbox": (36.0, 33.0, 35.0, 34.0)},
        {"near": (35.0, 33.0)},
        {"near": (35.0, 95.0, 10.0)},
        {"near": (35.0, 33.0, -1.0)},
    ],
)
def test_bad_filters_are_input_errors(kwargs) -> None:
    with pytest.raises(InputError):
        EventFilter(**kwargs)


# -- opening errors -------------------------------------------------------------------------------


def test_unknown_scheme_lists_supported_ones() -> None:
    with pytest.raises(StoreError, match=r"unsupported database mysql://.*use one of sqlite:///"):
        open_store("mysql://user@localhost/events")


def test_not_a_url() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        open_store("events.db")


def test_directory_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(f"sqlite:///{tmp_path}")


def test_path_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open database .*EVENTSCOPE_DB"):
        open_store(f"sqlite:///{blocker / 'events.db'}")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as info:
        open_store(f"sqlite:///{path}")
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("cannot open database sqlite:")
    assert "not a database" in str(info.value)
