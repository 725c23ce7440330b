"""Score the pipeline on an ACLED CSV export whose ``notes`` column is read as the article text.

Each row becomes one Article: the note is its text and the row's ``timestamp`` (ACLED's upload time,
Unix seconds) its publication time when present. The pipeline's mentions of the note are reduced to
its **main event** (:func:`main_mention`), which is scored against the row:

- ``event_type_accuracy`` / ``event_type_macro_f1``: ACLED event type (6 classes);
- ``sub_event_weighted_f1``: sub-event type, F1 per class weighted by support (CASE 2021's figure);
- ``inter1_accuracy``: the ACLED ``inter`` code of the main event's actor;
- ``loc_acc_25`` / ``loc_acc_161``: the event's resolved place within 25 / 161 km of the gold point;
- ``date_exact``: the event's day as ACLED dates it (:func:`acled_event_day`: the day, the middle of a
  week, the 15th of a month) is the gold day, on the rows whose note states a full date (day, month and
  year: :func:`states_date`); the upload time is often years after the event, so a note without a year
  cannot give the gold date back;
- ``time_precision_agreement`` / ``geo_precision_agreement``: ACLED's precision codes;
- ``fatalities_exact``: the main event's killed count (0 when none is reported) equals ``fatalities``.

A row whose note yields no mention counts as wrong on every field. Rows with empty notes are skipped.
ACLED data are used here only to measure: nothing the package ships is built from them.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.errors import InputError
from eventscope.evaluate.acled_force_verdict import excessive_force_inter1
from eventscope.evaluate.acled_main import demonstrators_talk, main_mention
from eventscope.evaluate.acled_notes import code_note
from eventscope.evaluate.acled_place_choice import acled_place
from eventscope.evaluate.metrics import (
    accuracy,
    confusion,
    haversine_km,
    macro_f1,
    share,
    weighted_f1,
)
from eventscope.models import (
    ACLED_GEO_PRECISION,
    ActorRef,
    Article,
    Evidence,
    Mention,
    Place,
    PlaceLevel,
    PlaceRole,
    TimePrecision,
    TimeRef,
)
from eventscope.resolve.acled_coding import names_only_a_country
from eventscope.resolve.acled_kind_external import event_inter1
from eventscope.resolve.geo.seat import provincial_seat
from eventscope.resolve.time import resolve_time
from eventscope.resolve.time_acled import acled_time_precision

if TYPE_CHECKING:
    from eventscope.pipeline import Pipeline

REQUIRED = ("notes", "event_type", "sub_event_type")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?:19|20)\d\d\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b",
    re.IGNORECASE,
)
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class AcledRow:
    """The gold fields of one ACLED row that the scorer reads."""

    row_id: str
    notes: str
    published_at: datetime | None
    event_date: date | None
    event_type: str
    sub_event_type: str
    inter1: int | None
    lat: float | None
    lon: float | None
    time_precision: int | None
    geo_precision: int | None
    fatalities: int | None


@dataclass(frozen=True, slots=True)
class AcledPrediction:
    """What the pipeline said about one note's main event (all None: no mention found)."""

    event_type: str | None = None
    sub_event_type: str | None = None
    inter1: int | None = None
    lat: float | None = None
    lon: float | None = None
    start: date | None = None
    end: date | None = None
    time_precision: int | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    trigger: str | None = None
    actor: str | None = None


@dataclass
class AcledReport:
    rows: list[AcledRow]
    predictions: list[AcledPrediction]
    _metrics: dict[str, float | int] = field(default_factory=dict)

    def metrics(self) -> dict[str, float | int]:
        if not self._metrics:
            self._metrics = score_acled(self.rows, self.predictions)
        return self._metrics

    def table(self) -> str:
        """The commonest event-type confusions, for error analysis."""
        gold = [r.event_type for r in self.rows]
        pred = [p.event_type for p in self.predictions]
        lines = [f"{'gold event type':30} {'predicted':30} n"]
        for (g, p), n in confusion(gold, pred).most_common(12):
            lines.append(f"{g!s:30} {p!s:30} {n}")
        return "\n".join(lines)


def read_acled(path: Path) -> list[AcledRow]:
    """The rows of an ACLED CSV export (any of ACLED's date spellings); rows with empty notes are skipped."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path}: not an ACLED export, no column {missing[0]!r}; pass an ACLED CSV")
            return [row for i, raw in enumerate(reader, start=2) if (row := _row(raw, i)) is not None]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read the ACLED CSV ({exc}); check the path") from exc


def _row(raw: dict[str, str], line: int) -> AcledRow | None:
    notes = (raw.get("notes") or "").strip()
    if not notes:
        return None
    return AcledRow(
        row_id=raw.get("event_id_cnty") or raw.get("data_id") or f"line {line}",
        notes=notes,
        published_at=_timestamp(raw.get("timestamp")),
        event_date=parse_event_date(raw.get("event_date") or "", raw.get("year")),
        event_type=raw["event_type"].strip(),
        sub_event_type=raw["sub_event_type"].strip(),
        inter1=_int(raw.get("inter1")),
        lat=_float(raw.get("latitude")),
        lon=_float(raw.get("longitude")),
        time_precision=_int(raw.get("time_precision")),
        geo_precision=_int(raw.get("geo_precision")),
        fatalities=_int(raw.get("fatalities")),
    )


def parse_event_date(text: str, year: str | None = None) -> date | None:
    """ACLED's event_date in its spellings: 2019-12-31, 31 December 2019, 31-December-2019, 31-12-19.

    Two-digit years take their century from the ``year`` column when given.
    """
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{2})", text)
    if m is None:
        return None
    full_year = int(year) if year and year.strip().isdigit() else 2000 + int(m.group(3))
    try:
        return date(full_year, int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def states_date(note: str) -> bool:
    """Whether a note gives a full date (day, month and year), from which the gold date can be recovered."""
    return _FULL_DATE.search(note) is not None


def stated_date(note: str, article_id: str = "") -> TimeRef | None:
    """The first full date (day, month and year) a note states, as its event's date: for a note whose
    reports carry no date of their own ("On 4 December 2019, militants attacked ... They burnt the
    station"), or only one relative to another ("the following week")."""
    found = _FULL_DATE.search(note)
    if found is None:
        return None
    evidence = Evidence(article_id, found.start(), found.end(), found.group())
    # a stated year needs no publication date: read it as of the latest date there is
    return resolve_time(evidence, date.max)


def row_article(row: AcledRow) -> Article:
    return Article(
        id=f"acled:{row.row_id}", text=row.notes, published_at=row.published_at, source=f"acled:{row.row_id}"
    )


def predict(
    mentions: Sequence[Mention],
    text: str = "",
    groups: Sequence[ActorRef] = (),
    seat: Callable[[Place], Place | None] | None = None,
) -> AcledPrediction:
    """The ACLED fields of an article's main event; ``text``: the article's text, when the caller has it,
    ``groups``: the named armed groups it names (``ActorDictionary.find_groups``), ``seat``: a
    division's seat (``resolve.geo.seat.provincial_seat``), where ACLED puts an event known only by its
    province."""
    first = main_mention(mentions)
    if first is None:
        return AcledPrediction()
    main = code_note(demonstrators_talk(first, text), mentions, text)
    ref = acled_place(main, mentions, text)
    level = ref.level if ref is not None else PlaceLevel.UNRESOLVED
    geo = ACLED_GEO_PRECISION[level]
    if ref is not None and ref.role is PlaceRole.NEAR and geo == 1:
        geo = 2
    point = ref.place if ref is not None else None
    if point is not None and level is PlaceLevel.ADMIN1 and seat is not None:
        # ACLED codebook: an event known only by its province is coded at the provincial capital
        # (geo_precision 3), not at the province's centre
        point = seat(point) or point
    killed = [g.low for g in main.magnitudes if g.kind == "killed" and g.low is not None]
    time = main.time
    if time is None or not time.resolved:  # a note is one event: the date stated anywhere in it is its date
        time = next((m.time for m in mentions if m.time is not None and m.time.resolved), None) or (
            stated_date(text, main.article_id) or time
        )
    actor = None if main.actor is None or names_a_place(main.actor, main, text) else main.actor
    finer = point if level is not PlaceLevel.COUNTRY else None  # where the event is, below a country
    return AcledPrediction(
        event_type=main.type.acled_type,
        sub_event_type=main.type.acled_sub_type,
        inter1=excessive_force_inter1(main, text) or event_inter1(main, mentions, text, groups, actor, finer),
        lat=point.lat if point is not None else None,
        lon=point.lon if point is not None else None,
        start=acled_event_day(time),
        end=acled_event_day(time),
        time_precision=acled_time_precision(time, text),
        geo_precision=geo,
        fatalities=max(killed) if killed else 0,
        trigger=main.trigger.text,
        actor=main.actor.text if main.actor is not None else None,
    )


def acled_event_day(time: TimeRef | None) -> date | None:
    """The one day ACLED's ``event_date`` gives a time: the day itself, the middle day of a week or
    a few days (time_precision 2), the 15th of a month (time_precision 3: ACLED's coders date an event
    known only by its month at mid-month); None for an unresolved time (the reporting window is a guess,
    no date) or a longer period."""
    if time is None or not time.resolved:
        return None
    if time.start == time.end:
        return time.start
    if time.precision is TimePrecision.MONTH and time.start.day == 1 and time.start.month == time.end.month:
        return time.start.replace(day=15)
    if time.precision is TimePrecision.MONTH and (time.end - time.start).days <= 31:
        # a month centred on a day ("two months ago" told on 10 June: about 10 April)
        return time.start + (time.end - time.start) // 2
    if time.precision is TimePrecision.WEEK:
        return time.start + (time.end - time.start) // 2
    return None


def names_a_place(actor: ActorRef, mention: Mention, text: str = "") -> bool:
    """Whether the actor's words are only a place: a country or people ("raiders from Ethiopia" read
    as "Ethiopia"), or a place of the event. Where the perpetrators come from, not who they are: ACLED
    codes such an actor by the armed men the note names, or as unidentified."""
    if names_only_a_country(actor, text):
        return True
    return any(
        p.evidence.start <= actor.evidence.start and actor.evidence.end <= p.evidence.end
        for p in mention.places
    )


def score_acled(rows: Sequence[AcledRow], predictions: Sequence[AcledPrediction]) -> dict[str, float | int]:
    """The issue's ACLED metrics over aligned rows and predictions."""
    pairs = list(zip(rows, predictions, strict=True))
    located = [(r, p) for r, p in pairs if r.lat is not None and r.lon is not None]
    distances = [_distance(r, p) for r, p in located]
    dated = [(r, p) for r, p in pairs if r.event_date is not None and states_date(r.notes)]
    with_inter = [(r, p) for r, p in pairs if r.inter1 is not None]
    with_tp = [(r, p) for r, p in pairs if r.time_precision is not None]
    with_gp = [(r, p) for r, p in pairs if r.geo_precision is not None]
    with_fat = [(r, p) for r, p in pairs if r.fatalities is not None]
    return {
        "n": len(pairs),
        "event_type_accuracy": accuracy([r.event_type for r in rows], [p.event_type for p in predictions]),
        "event_type_macro_f1": macro_f1([r.event_type for r in rows], [p.event_type for p in predictions]),
        "sub_event_weighted_f1": weighted_f1(
            [r.sub_event_type for r in rows], [p.sub_event_type for p in predictions]
        ),
        "inter1_accuracy": share(sum(r.inter1 == p.inter1 for r, p in with_inter), len(with_inter)),
        "loc_acc_25": share(sum(d is not None and d <= 25 for d in distances), len(located)),
        "loc_acc_161": share(sum(d is not None and d <= 161 for d in distances), len(located)),
        "date_exact": share(sum(p.start == p.end == r.event_date for r, p in dated), len(dated)),
        "time_precision_agreement": share(
            sum(r.time_precision == p.time_precision for r, p in with_tp), len(with_tp)
        ),
        "geo_precision_agreement": share(
            sum(r.geo_precision == p.geo_precision for r, p in with_gp), len(with_gp)
        ),
        "fatalities_exact": share(sum(r.fatalities == p.fatalities for r, p in with_fat), len(with_fat)),
    }


def _distance(row: AcledRow, pred: AcledPrediction) -> float | None:
    if pred.lat is None or pred.lon is None or row.lat is None or row.lon is None:
        return None
    return haversine_km(row.lat, row.lon, pred.lat, pred.lon)


def select_rows(rows: Sequence[AcledRow], limit: int | None, sample: bool, seed: int = 0) -> list[AcledRow]:
    """The first ``limit`` rows, or a seeded random sample of that many (the whole file without a limit)."""
    if limit is None or limit >= len(rows):
        return list(rows)
    if sample:
        return random.Random(seed).sample(list(rows), limit)
    return list(rows[:limit])


def extract_rows(
    pipeline: Pipeline, rows: Iterable[AcledRow], *, batch_size: int = 256, progress: Progress | None = None
) -> Iterator[list[Mention]]:
    """The resolved mentions of each row's note, in order (the pipeline batches the parse)."""
    it = iter(rows)
    while batch := list(islice(it, batch_size)):
        yield from pipeline.extract([row_article(r) for r in batch])
        if progress is not None:
            progress(len(batch))


def run_acled(
    path: Path,
    *,
    limit: int | None = None,
    sample: bool = False,
    seed: int = 0,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> AcledReport:
    """Read an ACLED CSV, run the pipeline on its notes, and score each note's main event."""
    from eventscope.evaluate.metrics import scratch_pipeline

    rows = select_rows(read_acled(path), limit, sample, seed)
    if not rows:
        raise InputError(f"{path}: no rows with notes to score; pass an ACLED export with a notes column")
    pipe = pipeline or scratch_pipeline()
    predictions = [
        predict(m, r.notes, pipe.actors.find_groups(r.notes), seat=provincial_seat(pipe.gazetteer))
        for r, m in zip(rows, extract_rows(pipe, rows, progress=progress), strict=True)
    ]
    return AcledReport(rows, predictions)


def _timestamp(text: str | None) -> datetime | None:
    value = _int(text)
    return datetime.fromtimestamp(value, UTC) if value is not None and value > 0 else None


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text is not None and text.strip() else None
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None and text.strip() else None
    except ValueError:
        return None
