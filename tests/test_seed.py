"""The seed article, end to end through the real CLI: the required events of ../shared/seed/expected.json."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.evaluate.seed import removed_segments, score_seed

from .conftest import shared_path

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory):  # type: ignore[no-untyped-def]
    article = shared_path("seed", "cradle-2025-11-13-syria-foreign-fighters.txt")
    db = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    runner = CliRunner()
    result = runner.invoke(
        app, ["ingest", str(article), "--published", "2025-11-13", "--outlet", "The Cradle", "--db", db]
    )
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["events", "--format", "json", "--db", db])
    assert listed.exit_code == 0, listed.output
    return json.loads(listed.stdout), article.read_text(encoding="utf-8"), db


def test_seed_required_events_and_must_not(seed_events, gazetteer) -> None:  # type: ignore[no-untyped-def]
    events, raw, _ = seed_events
    expected = json.loads(shared_path("seed", "expected.json").read_text(encoding="utf-8"))
    report = score_seed(events, expected, gazetteer.border_km, removed_segments(raw))
    print(report.table())
    failed = [r.gold_id for r in report.results if r.required and not r.passed]
    assert not failed, f"required events not fully right: {failed}\n{report.table()}"
    assert report.violations == [], report.table()


def test_seed_troop_movement_is_one_mention_with_origin_and_destination(seed_events) -> None:  # type: ignore[no-untyped-def]
    events, _, _ = seed_events
    movements = [
        e
        for e in events
        if e["type"]["plover"] == "MOBILIZE"
        and any("harem area in idlib" in m["sentence"]["text"].lower() for m in e["mentions"])
    ]
    assert movements, "no MOBILIZE event from the Harem -> Al-Qusayr sentence"
    mention = next(m for m in movements[0]["mentions"] if "Harem area" in m["sentence"]["text"])
    levels = ["town", "district", "admin1", "region", "country"]
    roles: dict[str, dict] = {}
    for p in sorted(mention["places"], key=lambda p: levels.index(p["level"]) if p["level"] in levels else 9):
        if p["place"] is not None:
            roles.setdefault(p["role"], p)  # the finest place of each role
    assert roles["origin"]["place"]["country_code"] == "SY"
    assert (
        "rim" in roles["origin"]["place"]["name"].lower()
        or "harem" in roles["origin"]["evidence"]["text"].lower()
    )
    assert roles["destination"]["place"]["country_code"] == "SY"
    assert "qusayr" in roles["destination"]["evidence"]["text"].lower()


def test_show_prints_every_field_with_evidence(seed_events) -> None:  # type: ignore[no-untyped-def]
    events, _, db = seed_events
    runner = CliRunner()
    for event in events:
        result = runner.invoke(app, ["show", event["id"], "--db", db])
        assert result.exit_code == 0, result.output
        assert "sentence" in result.output and "trigger" in result.output
        for mention in event["mentions"]:
            assert " ".join(mention["sentence"]["text"].split()[:4]) in " ".join(result.output.split())
