"""The CLI end to end on real SQLite with the real model: ingest, events, show, export, demo, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.store import open_store

pytestmark = pytest.mark.model

GOOD = """Troops deployed to the border town after clashes
Published: 2026-03-04T10:00:00+00:00
Outlet: Test Wire

The Kenya Defence Forces deployed two battalions from Garissa to Mandera on Monday, a military spokesman said.

Police arrested 14 protesters in Nairobi on Tuesday, according to witnesses.
At least three people were killed.
"""

NON_ENGLISH = """Titre de l'article
Les forces armées ont été déployées dans la ville frontalière après des affrontements avec des groupes armés.
Le ministère a déclaré que la situation était sous contrôle et que les habitants pouvaient rentrer chez eux.
Selon des sources locales, plusieurs personnes ont été blessées pendant les combats de la nuit dernière.
"""


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "binary.txt",
        "french": tmp_path / "french.txt",
        "broken": tmp_path / "broken.jsonl",
    }
    files["good"].write_text(GOOD, encoding="utf-8")
    files["empty"].write_text("", encoding="utf-8")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    files["french"].write_text(NON_ENGLISH, encoding="utf-8")
    files["broken"].write_text('{"title": "ok", "text": \n', encoding="utf-8")
    return files


def _db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


def test_bad_inputs_fail_one_line_each_and_the_batch_goes_on(tmp_path: Path, inputs: dict[str, Path]) -> None:
    db = _db(tmp_path)
    result = CliRunner().invoke(app, ["ingest", *map(str, inputs.values()), "--db", db])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "1 new article(s)" in result.output
    failed_lines = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert len(failed_lines) == 4, result.output
    with open_store(db) as store:
        failures = {Path(f.source.split("#")[0].split(" line")[0]).name: f.reason for f in store.failures()}
        assert set(failures) == {"empty.txt", "binary.txt", "french.txt", "broken.jsonl"}
        assert all("\n" not in reason for reason in failures.values())
        assert store.counts()["articles"] == 1


def test_ingesting_twice_changes_nothing(tmp_path: Path, inputs: dict[str, Path]) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(inputs["good"]), str(inputs["empty"]), "--db", db])
    assert first.exit_code == 2
    with open_store(db) as store:
        before = store.table_snapshot()
    second = runner.invoke(app, ["ingest", str(inputs["good"]), str(inputs["empty"]), "--db", db])
    assert "0 new article(s), 1 already stored" in second.output
    with open_store(db) as store:
        assert store.table_snapshot() == before


def test_events_show_and_exports(tmp_path: Path, inputs: dict[str, Path]) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(inputs["good"]), "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["events", "--format", "json", "--db", db]).stdout)
    movement = next(e for e in listed if e["type"]["plover"] == "MOBILIZE")
    assert movement["origin"]["name"] == "Garissa" and movement["destination"]["name"] == "Mandera"
    assert movement["start"] == "2026-03-02"  # Monday before publication on Wednesday 2026-03-04
    arrests = next(e for e in listed if e["type"]["plover"] == "COERCE")
    assert arrests["mentions"][0]["attribution"]["kind"] == "eyewitness"

    shown = runner.invoke(app, ["show", movement["id"], "--db", db])
    assert shown.exit_code == 0
    assert '"Garissa"' in shown.output and "origin" in shown.output and '"on Monday"' in shown.output

    csv_out = runner.invoke(app, ["events", "--format", "csv", "--type", "MOBILIZE", "--db", db]).stdout
    assert csv_out.splitlines()[0].startswith("id,start,end") and len(csv_out.splitlines()) == 2

    for fmt, name in (("geojson", "e.geojson"), ("jsonl", "e.jsonl"), ("acled-csv", "e.csv")):
        result = runner.invoke(app, ["export", str(tmp_path / name), "--format", fmt, "--db", db])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    geo = json.loads((tmp_path / "e.geojson").read_text())
    assert any(f["geometry"] and f["geometry"]["type"] == "LineString" for f in geo["features"])


def test_user_errors_are_one_line(tmp_path: Path) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    missing = runner.invoke(app, ["show", "ev-doesnotexist", "--db", db])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    assert len(missing.output.strip().splitlines()) == 1
    bad_date = runner.invoke(app, ["events", "--since", "yesterday", "--db", db])
    assert bad_date.exit_code == 1 and "YYYY-MM-DD" in bad_date.output
    bad_db = runner.invoke(app, ["events", "--db", "mysql://nowhere/x"])
    assert bad_db.exit_code == 1 and "Traceback" not in bad_db.output


def test_demo_writes_database_and_geojson(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "--out-dir", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    geo = json.loads((tmp_path / "demo" / "events.geojson").read_text())
    assert len(geo["features"]) >= 5
    assert "GeoJSON:" in result.output and "database:" in result.output
    with open_store(f"sqlite:///{tmp_path / 'demo' / 'demo.db'}") as store:
        assert store.counts()["articles"] == 7
