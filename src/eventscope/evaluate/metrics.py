"""Shared scoring helpers: accuracy, per-class and averaged F1, distances, shares.

Plain functions over plain sequences, so each scorer (acled, muc4, plover) computes the same numbers
the same way. A prediction of ``None`` (the system coded nothing) is always wrong and counts as a
false negative for the gold class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventscope.errors import EventscopeError
from eventscope.merge.places import main_place
from eventscope.models import Mention, PlaceRef
from eventscope.resolve.geo.borders import haversine_km

if TYPE_CHECKING:
    from eventscope.config import Settings
    from eventscope.pipeline import Pipeline


__all__ = [  # the scorers' shared helpers
    "ClassScore",
    "accuracy",
    "confusion",
    "detection_f1",
    "event_place",
    "f1",
    "haversine_km",
    "macro_f1",
    "per_class",
    "scratch_pipeline",
    "share",
    "weighted_f1",
]  # re-exported: scorers measure location error with the merge stage's distance


@dataclass(frozen=True, slots=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


def share(hits: int, total: int) -> float:
    """hits / total, and 0.0 for an empty set (never a division error)."""
    return hits / total if total else 0.0


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable | None]) -> float:
    _check_lengths(gold, predicted)
    return share(sum(g == p for g, p in zip(gold, predicted, strict=True)), len(gold))


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def per_class(gold: Sequence[Hashable], predicted: Sequence[Hashable | None]) -> dict[Hashable, ClassScore]:
    """Precision, recall and F1 of every gold class (classes only predicted are left out)."""
    _check_lengths(gold, predicted)
    support = Counter(gold)
    predicted_counts = Counter(p for p in predicted if p is not None)
    hits = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    scores: dict[Hashable, ClassScore] = {}
    for label, n in support.items():
        p = share(hits[label], predicted_counts[label])
        r = share(hits[label], n)
        scores[label] = ClassScore(p, r, f1(p, r), n)
    return scores


def macro_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable | None]) -> float:
    """Unweighted mean of the gold classes' F1 (each class counts the same, however rare)."""
    scores = per_class(gold, predicted)
    return share_f(sum(s.f1 for s in scores.values()), len(scores))


def weighted_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable | None]) -> float:
    """Mean of the gold classes' F1 weighted by their support (CASE 2021's figure for ACLED)."""
    scores = per_class(gold, predicted)
    return share_f(sum(s.f1 * s.support for s in scores.values()), len(gold))


def share_f(total: float, n: int) -> float:
    return total / n if n else 0.0


def event_place(mention: Mention) -> PlaceRef | None:
    """Where a mention's event happened, by the rule the merge stage uses for events
    (:func:`eventscope.merge.places.main_place`): scorers read places as the product does."""
    return main_place(mention)


def detection_f1(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of a detection task from its counts."""
    p, r = share(true_positives, predicted), share(true_positives, gold)
    return p, r, f1(p, r)


def confusion(
    gold: Sequence[Hashable], predicted: Sequence[Hashable | None]
) -> Counter[tuple[Hashable, Hashable]]:
    """(gold, predicted) pair counts, with None shown as "-" (what error analysis reads first)."""
    _check_lengths(gold, predicted)
    return Counter((g, "-" if p is None else p) for g, p in zip(gold, predicted, strict=True))


def _check_lengths(gold: Sequence[object], predicted: Sequence[object]) -> None:
    if len(gold) != len(predicted):
        raise EventscopeError(
            f"{len(gold)} gold labels but {len(predicted)} predictions; score aligned lists"
        )


def scratch_pipeline(settings: Settings | None = None) -> Pipeline:
    """The real pipeline with an in-memory store: scorers extract and never write a database."""
    from eventscope.config import load_settings
    from eventscope.pipeline import build_pipeline

    chosen = settings or load_settings()
    return build_pipeline(replace(chosen, db="sqlite://"))
