"""PLOVER GSR reader and scorer, on hand-written records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscope.errors import InputError
from eventscope.evaluate.plover import GoldActor, PloverPrediction, actor_matches, read_plover, score_plover
from eventscope.models import ActorRef, Evidence

from .conftest import shared_path

RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "header"},
    {
        "id": "R1",
        "event": "AGREE",
        "text": "Hungary and Romania agreed on Wednesday to cooperate.",
        "source": [{"actorText": "Hungary", "code": "HUN"}, {"actorText": "Romania", "code": "ROU"}],
        "target": "",
    },
    {
        "id": "R2",
        "event": "DISAPPROVE",
        "text": "Serbia lodged an official protest with Albania.",
        "source": [{"actorText": "Serbia", "code": "SRB"}],
        "target": [{"actorText": "Albania", "code": "ALB"}],
    },
]


def _ref(text: str, country: str | None = None) -> ActorRef:
    return ActorRef(Evidence("a", 0, len(text), text), country=country)


def test_read_plover_skips_the_header_and_reads_old_type_names(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    records = read_plover(path)
    assert [r.record_id for r in records] == ["R1", "R2"]
    assert records[1].event == "ACCUSE"  # PLOVER 0.6 DISAPPROVE is 0.7 ACCUSE
    assert records[0].targets == () and records[1].targets == (GoldActor("Albania", "ALB"),)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputError):
        read_plover(bad)


def test_actor_match_by_text_or_country() -> None:
    gold = (GoldActor("Hungarian", "HUN"),)
    assert actor_matches(_ref("Senior Hungarian officials"), gold)
    assert actor_matches(_ref("Budapest", country="HU"), gold)
    assert not actor_matches(_ref("Vienna", country="AT"), gold)
    assert not actor_matches(None, gold)


def test_score_plover(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    records = read_plover(path)
    predictions = [
        PloverPrediction("AGREE", _ref("Hungary"), None),
        PloverPrediction("PROTEST", _ref("Belgrade", "RS"), _ref("Tirana")),
    ]
    m = score_plover(records, predictions)
    assert m == {
        "n": 2,
        "type_accuracy": 0.5,
        "type_macro_f1": pytest.approx(0.5),
        "source_match": 1.0,
        "target_match": 0.0,
    }


@pytest.mark.model
def test_eval_plover_on_real_records() -> None:
    from eventscope.evaluate.plover import run_plover

    metrics = run_plover(shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.dev.json"), limit=10).metrics()
    assert metrics["n"] == 10
    assert metrics["type_accuracy"] > 0.2
