"""Wall-clock time per pipeline stage, for the throughput benchmark (cheap enough to leave on)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class StageTimer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start

    def report(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.seconds.items()}
