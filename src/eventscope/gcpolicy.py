"""How often the cyclic garbage collector runs while a batch of articles is processed.

Shared by the ingest run (:mod:`eventscope.pipeline`) and the geocoder (:meth:`Geocoder.resolve
<eventscope.resolve.geo.resolver.Geocoder.resolve>`), so the geocoder behaves the same whether it runs
inside ingest or on its own (the geocoder benchmark measures it on its own).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000  # allocations before the youngest generation is collected (Python's default: 700)


@contextmanager
def fewer_collections(threshold: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """A run keeps every new article's mentions until its merge, and the parse allocates many short-lived
    objects: at Python's default threshold (700 allocations) the cyclic collector runs hundreds of times
    and its full passes walk all those records. A higher threshold for the youngest generation during the
    run makes it run rarely; reference counting frees everything else as before, cycles are still found.

    Nests: an inner use keeps the higher of the two thresholds and restores the outer one on exit."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], threshold), old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
