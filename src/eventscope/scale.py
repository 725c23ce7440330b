"""The same pipeline across processes: ``nlp.pipe`` processes on one machine, or a Dask cluster.

On Dask, workers do the costly part (parse, extract, resolve) on batches of articles; the client
reads the inputs, skips articles already stored, stores results as they come back, and merges.
Results are taken back in input order, and merging always re-clusters every stored mention, so a
cluster run stores exactly what a single-process run stores, event for event.

Each worker loads the spaCy model, gazetteer and actor dictionary once (per process, on first use)
and keeps them. Workers need eventscope and the model installed; they never touch the database.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventscope.config import Settings
from eventscope.errors import ConfigError
from eventscope.ingest import IngestOptions, read_inputs
from eventscope.models import Article, Mention
from eventscope.pipeline import Analyzer, IngestReport, Progress, build_pipeline, ingest_into
from eventscope.store import open_store
from eventscope.timing import StageTimer

if TYPE_CHECKING:
    from distributed import Client, Future


@dataclass(frozen=True, slots=True)
class AnalyzerSpec:
    """What a worker needs to build its :class:`Analyzer`: plain values, cheap to ship."""

    model: str
    actors_file: str | None = None
    batch_size: int = 32


_ANALYZERS: dict[AnalyzerSpec, Analyzer] = {}


def worker_analyzer(spec: AnalyzerSpec) -> Analyzer:
    """This process's analyzer for ``spec``, built on first use (loading takes seconds)."""
    if spec not in _ANALYZERS:
        from eventscope.nlp import load_model
        from eventscope.resolve.actors import load_actor_dictionary
        from eventscope.resolve.geo.gazetteer import load_gazetteer

        actors_file = Path(spec.actors_file) if spec.actors_file else None
        _ANALYZERS[spec] = Analyzer(
            load_model(spec.model),
            load_gazetteer(),
            load_actor_dictionary(actors_file),
            batch_size=spec.batch_size,
        )
    return _ANALYZERS[spec]


def analyze_batch(spec: AnalyzerSpec, articles: list[Article]) -> list[list[Mention]]:
    """Run on a worker: the mentions of each article, in order."""
    return [mentions for _article, mentions in worker_analyzer(spec).analyze(articles)]


class DaskAnalyze:
    """An ``Analyze`` for :func:`eventscope.pipeline.ingest_into` that farms batches out to a cluster.

    Keeps ``window`` batches in flight (enough to keep every worker busy while the client stores)
    and yields results in input order.
    """

    def __init__(self, client: Client, spec: AnalyzerSpec, *, window: int) -> None:
        self.client = client
        self.spec = spec
        self.window = max(1, window)

    def __call__(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Mention]]]:
        pending: deque[tuple[list[Article], Future[Any]]] = deque()
        stream = iter(articles)
        while batch := list(islice(stream, self.spec.batch_size)):
            pending.append((batch, self.client.submit(analyze_batch, self.spec, batch, pure=False)))
            if len(pending) >= self.window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(batch: list[Article], future: Future[Any]) -> Iterator[tuple[Article, list[Mention]]]:
    mentions: list[list[Mention]] = future.result()
    yield from zip(batch, mentions, strict=True)


def ingest_on_dask(
    inputs: Iterable[str],
    settings: Settings,
    options: IngestOptions,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    actors_file: Path | None = None,
    progress: Progress | None = None,
    connect_timeout: float = 20.0,
) -> IngestReport:
    """Ingest with parse/extract/resolve on Dask: the cluster at ``scheduler``, or ``workers`` local ones."""
    if (scheduler is None) == (workers is None):
        raise ConfigError(
            "give either a Dask scheduler address (--dask) or a number of local workers (--workers)"
        )
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    from distributed import Client, LocalCluster

    spec = AnalyzerSpec(settings.model, str(actors_file) if actors_file else None, settings.batch_size)
    with ExitStack() as stack:
        if scheduler is not None:
            try:
                client = stack.enter_context(Client(scheduler, timeout=connect_timeout))
            except (OSError, TimeoutError) as exc:
                raise ConfigError(
                    f"cannot reach the Dask scheduler at {scheduler} ({exc}); check --dask (tcp://host:port)"
                ) from exc
        else:
            cluster = stack.enter_context(
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            )
            client = stack.enter_context(Client(cluster))
        store = stack.enter_context(open_store(settings.db))
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        return ingest_into(
            store,
            read_inputs(inputs, options),
            DaskAnalyze(client, spec, window=2 * n_workers),
            batch_size=settings.batch_size,
            timer=StageTimer(),
            progress=progress,
        )
    raise AssertionError("unreachable")  # pragma: no cover - the with block returns


def ingest_in_processes(
    inputs: Iterable[str],
    settings: Settings,
    options: IngestOptions,
    *,
    processes: int,
    actors_file: Path | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest on this machine with ``processes`` parse processes (``nlp.pipe(n_process=...)``)."""
    if processes < 1:
        raise ConfigError(f"--processes must be at least 1, got {processes}")
    pipeline = build_pipeline(settings, actors_file=actors_file, n_process=processes)
    try:
        return pipeline.ingest(inputs, options, progress=progress)
    finally:
        pipeline.store.close()
