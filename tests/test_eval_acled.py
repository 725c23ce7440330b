"""ACLED scorer: reading exports, the main-event rule and the metrics, on hand-written rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventscope.errors import InputError
from eventscope.evaluate.acled import (
    AcledPrediction,
    AcledRow,
    main_mention,
    parse_event_date,
    predict,
    read_acled,
    score_acled,
    select_rows,
    states_date,
)
from eventscope.evaluate.metrics import accuracy, detection_f1, macro_f1, weighted_f1
from eventscope.models import (
    ActorKind,
    ActorRef,
    EventType,
    Evidence,
    Magnitude,
    Mention,
    Modality,
    Place,
    PlaceLevel,
    PlaceRef,
    TimePrecision,
    TimeRef,
)

from .conftest import shared_path

HEADER = "data_id,event_date,year,time_precision,event_type,sub_event_type,inter1,latitude,longitude,"
HEADER += "geo_precision,notes,fatalities,timestamp\n"


def _row(**kw: object) -> AcledRow:
    base: dict[str, object] = dict(
        row_id="1",
        notes="On 3 March 2019, police shot dead a man in Nairobi.",
        published_at=None,
        event_date=date(2019, 3, 3),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        inter1=1,
        lat=-1.28,
        lon=36.82,
        time_precision=1,
        geo_precision=1,
        fatalities=1,
    )
    base.update(kw)
    return AcledRow(**base)  # type: ignore[arg-type]


def _ev(start: int, end: int, text: str = "x") -> Evidence:
    return Evidence("a", start, end, text)


def _mention(plover: str, acled: str, sentence_start: int, confidence: float, **kw: object) -> Mention:
    return Mention(
        id=f"m{plover}{sentence_start}",
        article_id="a",
        sentence=_ev(sentence_start, sentence_start + 10),
        trigger=_ev(sentence_start + 1, sentence_start + 2, "shot"),
        type=EventType(plover, None, acled, "Attack", "18"),
        confidence=confidence,
        **kw,  # type: ignore[arg-type]
    )


def test_metrics_helpers_count_none_as_wrong() -> None:
    gold = ["A", "A", "B", "C"]
    pred = ["A", None, "B", "B"]
    assert accuracy(gold, pred) == 0.5
    # F1: A = 2/3 (p 1, r .5), B = 2/3 (p .5, r 1), C = 0
    assert macro_f1(gold, pred) == pytest.approx((2 / 3 + 2 / 3) / 3)
    assert weighted_f1(gold, pred) == pytest.approx((2 / 3 * 2 + 2 / 3) / 4)
    assert detection_f1(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))


def test_event_dates_in_acled_spellings() -> None:
    assert parse_event_date("31-12-19", "2019") == date(2019, 12, 31)
    assert parse_event_date("05-06-08", "2008") == date(2008, 6, 5)
    assert parse_event_date("2019-12-31") == date(2019, 12, 31)
    assert parse_event_date("31 December 2019") == date(2019, 12, 31)
    assert parse_event_date("sometime") is None


def test_a_note_states_a_date_only_with_day_month_and_year() -> None:
    assert states_date("On December 31 2019, a man was killed.")
    assert states_date("On 3 March 2019, police ...")
    assert states_date("clashed at the funeral on 13/05/2017.")
    assert not states_date("On 09 October, NASA held demonstrations.")
    assert not states_date("Police shot dead a suspect.")


def test_read_acled_skips_empty_notes_and_rejects_other_csv(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        HEADER
        + '1,31-12-19,2019,1,Riots,Mob violence,5,-3.3,40.0,1,"A mob attacked a man.",0,1578512391\n'
        + "2,30-12-19,2019,1,Riots,Mob violence,5,-3.3,40.0,1,,0,1578512391\n",
        encoding="utf-8",
    )
    rows = read_acled(path)
    assert [r.row_id for r in rows] == ["1"]
    assert rows[0].event_date == date(2019, 12, 31) and rows[0].inter1 == 5
    assert rows[0].published_at is not None and rows[0].published_at.year == 2020
    other = tmp_path / "b.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_acled(other)


def test_main_event_prefers_violence_in_the_lead_sentence() -> None:
    protest = _mention("PROTEST", "Protests", 50, 0.9)
    attack = _mention("ASSAULT", "Violence against civilians", 0, 0.6)
    later_attack = _mention("ASSAULT", "Battles", 30, 0.9)
    planned = _mention("ASSAULT", "Battles", 0, 0.9, modality=Modality.PLANNED)
    assert main_mention([protest, later_attack, attack, planned]) is attack
    assert main_mention([protest]) is protest
    assert main_mention([]) is None


def test_predict_reads_kind_place_time_and_deaths() -> None:
    nairobi = Place("geonames:184745", "Nairobi", -1.28, 36.82, "P", "PPLC", "KE")
    m = _mention(
        "ASSAULT",
        "Violence against civilians",
        0,
        0.8,
        actor=ActorRef(_ev(0, 6, "police"), kind=ActorKind.STATE_FORCES),
        places=(PlaceRef(_ev(40, 47, "Nairobi"), place=nairobi, level=PlaceLevel.TOWN),),
        time=TimeRef(date(2019, 3, 3), date(2019, 3, 3), TimePrecision.DAY),
        magnitudes=(Magnitude("killed", 2, 2, _ev(10, 13, "two")),),
    )
    p = predict([m])
    assert (p.inter1, p.geo_precision, p.time_precision, p.fatalities) == (1, 1, 1, 2)
    assert (p.lat, p.lon) == (-1.28, 36.82)
    assert predict([]) == AcledPrediction()


def test_score_acled_metrics() -> None:
    rows = [
        _row(),
        _row(row_id="2", event_type="Riots", sub_event_type="Mob violence", inter1=5, fatalities=0),
    ]
    right = AcledPrediction(
        "Violence against civilians", "Attack", 1, -1.30, 36.80, date(2019, 3, 3), date(2019, 3, 3), 1, 1, 1
    )
    far = AcledPrediction("Protests", "Peaceful protest", 6, 5.0, 36.82, None, None, 2, 3, 0)
    m = score_acled(rows, [right, far])
    assert m["n"] == 2
    assert m["event_type_accuracy"] == 0.5 and m["inter1_accuracy"] == 0.5
    assert m["loc_acc_25"] == 0.5 and m["loc_acc_161"] == 0.5
    assert m["date_exact"] == 0.5  # both notes state 3 March 2019; only the first prediction gives it
    assert m["fatalities_exact"] == 1.0
    assert m["time_precision_agreement"] == 0.5 and m["geo_precision_agreement"] == 0.5
    assert set(m) == {
        "n",
        "event_type_accuracy",
        "event_type_macro_f1",
        "sub_event_weighted_f1",
        "inter1_accuracy",
        "loc_acc_25",
        "loc_acc_161",
        "date_exact",
        "time_precision_agreement",
        "geo_precision_agreement",
        "fatalities_exact",
    }


def test_select_rows_is_seeded() -> None:
    rows = [_row(row_id=str(i)) for i in range(10)]
    assert select_rows(rows, 3, sample=False) == rows[:3]
    assert select_rows(rows, 3, sample=True, seed=1) == select_rows(rows, 3, sample=True, seed=1)
    assert select_rows(rows, None, sample=True) == rows


@pytest.mark.model
def test_eval_acled_on_real_rows() -> None:
    from eventscope.evaluate.acled import run_acled

    path = shared_path("data", "acled-kenya", "acled_data.csv")
    report = run_acled(path, limit=25)
    metrics = report.metrics()
    assert metrics["n"] == 25
    assert metrics["event_type_accuracy"] > 0.3  # far below would mean the pipeline is not wired in
    assert 0.0 <= metrics["loc_acc_25"] <= metrics["loc_acc_161"] <= 1.0
