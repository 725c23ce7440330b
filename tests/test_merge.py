"""Merging across outlets through the real pipeline: order independence, corroboration, tolls, stable ids."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventscope.config import Settings
from eventscope.demo import demo_articles_dir
from eventscope.ingest import IngestOptions
from eventscope.models import ClaimStatus, Event
from eventscope.pipeline import Pipeline, build_pipeline
from eventscope.store.codec import to_dict

pytestmark = pytest.mark.model


def article(title: str, published: str, outlet: str, body: str) -> str:
    url = f"https://{outlet.lower().replace(' ', '-')}.example/{title.lower().replace(' ', '-')}"
    return f"{title}\nPublished: {published}\nOutlet: {outlet}\nURL: {url}\n\n{body}\n"


STRIKE_A = article(
    "Airstrike kills three in Nabatieh",
    "2026-05-07T18:00:00+00:00",
    "Cedar Post",
    "An Israeli airstrike on a house in the town of Nabatieh in south Lebanon killed three people on "
    "Thursday, Lebanon's health ministry said in a statement.\n\n"
    "The ministry said five other people were wounded.",
)
STRIKE_B = article(
    "Five dead in Israeli strike on Nabatieh",
    "2026-05-08T06:00:00+00:00",
    "Gulf Daily",
    "At least five people were killed when an Israeli airstrike hit a residential building in Nabatieh on "
    "Thursday, according to witnesses.\n\nRescue teams searched the rubble through the night.",
)
# the same wire text, republished by another site: one independent source, two outlets
STRIKE_A_COPY = article(
    "Airstrike kills three in Nabatieh",
    "2026-05-07T20:00:00+00:00",
    "Levant Aggregator",
    "An Israeli airstrike on a house in the town of Nabatieh in south Lebanon killed three people on "
    "Thursday, Lebanon's health ministry said in a statement.\n\n"
    "The ministry said five other people were wounded.",
)
BACKGROUND = article(
    "Anniversary of the 2006 war",
    "2026-05-09T08:00:00+00:00",
    "Cedar Post",
    "In 2006, an Israeli airstrike on a building in Nabatieh killed nine people, residents recall.\n\n"
    "The town has been rebuilt since.",
)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def shared_nlp_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    db = tmp_path_factory.mktemp("warm") / "warm.db"
    return build_pipeline(Settings(db=f"sqlite:///{db}"))


def run(pipeline: Pipeline, db: Path, inputs: list[str]) -> list[Event]:
    from eventscope.store import EventFilter, open_store

    fresh = Pipeline(pipeline.nlp, pipeline.gazetteer, pipeline.actors, open_store(f"sqlite:///{db}"))
    fresh.ingest(inputs, IngestOptions())
    events = fresh.store.events(EventFilter())
    fresh.store.close()
    return events


def test_three_orders_give_identical_events_ids_and_statuses(
    shared_nlp_pipeline: Pipeline, tmp_path: Path
) -> None:
    inputs = sorted(str(p) for p in demo_articles_dir().glob("*.txt"))
    results = []
    for seed in (1, 2, 3):
        order = inputs[:]
        random.Random(seed).shuffle(order)
        events = run(shared_nlp_pipeline, tmp_path / f"order{seed}.db", order)
        results.append([to_dict(e) for e in events])
    assert results[0] == results[1] == results[2]
    assert len(results[0]) > 5


def test_the_demo_shows_every_claim_status_and_a_syndicated_copy(
    shared_nlp_pipeline: Pipeline, tmp_path: Path
) -> None:
    """Issue #5's demo: a corroborated strike reported by several outlets, whose syndicated copy counts
    once; a single-source claim; a disputed claim."""
    inputs = sorted(str(p) for p in demo_articles_dir().glob("*.txt"))
    events = run(shared_nlp_pipeline, tmp_path / "demo.db", inputs)
    strike = max(events, key=lambda e: e.n_reports)
    assert strike.type.plover == "ASSAULT" and strike.type.acled_type == "Explosions/Remote violence"
    assert strike.place is not None and strike.place.country_code == "LB"
    assert strike.claim_status is ClaimStatus.CORROBORATED and strike.n_outlets >= 3
    assert strike.n_independent < strike.n_outlets  # the wire copy and its republication count once
    statuses = {e.claim_status for e in events}
    assert {ClaimStatus.SINGLE_SOURCE, ClaimStatus.DISPUTED} <= statuses


def test_reports_merge_with_tolls_low_best_high_traceable(
    shared_nlp_pipeline: Pipeline, tmp_path: Path
) -> None:
    inputs = [write(tmp_path, "a.txt", STRIKE_A), write(tmp_path, "b.txt", STRIKE_B)]
    events = run(shared_nlp_pipeline, tmp_path / "tolls.db", inputs)
    strike = next(e for e in events if e.n_reports == 2)
    assert strike.place is not None and strike.place.country_code == "LB"
    assert (strike.fatalities_low, strike.fatalities_high) == (3, 5)
    assert strike.fatalities_best in (3, 4, 5)
    figures = {r.outlet: (r.killed.low, r.killed.evidence.text) for r in strike.reports if r.killed}
    assert figures["Cedar Post"][0] == 3 and "three" in figures["Cedar Post"][1]
    assert figures["Gulf Daily"][0] == 5 and "five" in figures["Gulf Daily"][1].lower()
    assert strike.claim_status is ClaimStatus.CORROBORATED and strike.n_independent == 2
    assert all(link.reasons for link in strike.links)


def test_syndicated_copy_counts_once(shared_nlp_pipeline: Pipeline, tmp_path: Path) -> None:
    inputs = [write(tmp_path, "a.txt", STRIKE_A), write(tmp_path, "copy.txt", STRIKE_A_COPY)]
    events = run(shared_nlp_pipeline, tmp_path / "copy.db", inputs)
    strike = next(e for e in events if e.n_reports == 2)
    assert strike.n_outlets == 2 and strike.n_independent == 1
    assert strike.claim_status is ClaimStatus.SINGLE_SOURCE


def test_background_never_joins_todays_news(shared_nlp_pipeline: Pipeline, tmp_path: Path) -> None:
    inputs = [write(tmp_path, "a.txt", STRIKE_A), write(tmp_path, "bg.txt", BACKGROUND)]
    events = run(shared_nlp_pipeline, tmp_path / "bg.db", inputs)
    historical = [e for e in events if e.historical]
    assert historical and all(e.n_reports == 1 and e.start.year == 2006 for e in historical)


def test_an_earlier_report_arriving_later_keeps_the_old_id_resolvable(
    shared_nlp_pipeline: Pipeline, tmp_path: Path
) -> None:
    from eventscope.store import EventFilter, open_store

    db = tmp_path / "alias.db"
    later = run(shared_nlp_pipeline, db, [write(tmp_path, "b.txt", STRIKE_B)])
    old_id = next(e.id for e in later if e.type.plover == "ASSAULT")
    run(shared_nlp_pipeline, db, [write(tmp_path, "a.txt", STRIKE_A)])  # published a day earlier
    with open_store(f"sqlite:///{db}") as store:
        merged = next(e for e in store.events(EventFilter()) if e.n_reports == 2)
        assert store.event(old_id).id == merged.id
        if merged.id != old_id:
            assert store.history(old_id)[-1].kind == "merged_into"
        kinds = [c.kind for c in store.history(merged.id)]
        assert kinds[0] == "created"


def test_rerun_changes_nothing(shared_nlp_pipeline: Pipeline, tmp_path: Path) -> None:
    from eventscope.store import open_store

    db = tmp_path / "again.db"
    inputs = [write(tmp_path, "a.txt", STRIKE_A), write(tmp_path, "b.txt", STRIKE_B)]
    run(shared_nlp_pipeline, db, inputs)
    with open_store(f"sqlite:///{db}") as store:
        before = store.table_snapshot()
    run(shared_nlp_pipeline, db, inputs)
    with open_store(f"sqlite:///{db}") as store:
        assert store.table_snapshot() == before
