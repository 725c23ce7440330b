"""The Python API: the same operations as the CLI, returning records (or a pandas DataFrame).

>>> from eventscope import api
>>> report = api.ingest(["report.txt"], db="sqlite:///events.db", published="2025-11-13")
>>> for view in api.events(db="sqlite:///events.db", type="MOBILIZE"):
...     print(view.event.id, view.event.summary)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventscope.config import Settings, load_settings
from eventscope.errors import InputError
from eventscope.ingest import IngestOptions
from eventscope.models import Article, Event, EventChange, Mention
from eventscope.store import EventFilter, Store, open_store
from eventscope.store.codec import to_dict

if TYPE_CHECKING:
    import pandas as pd

    from eventscope.pipeline import IngestReport, Progress


@dataclass(frozen=True, slots=True)
class EventView:
    """An event with the mentions (reports) behind it and the articles they came from."""

    event: Event
    mentions: tuple[Mention, ...]
    articles: tuple[Article, ...]
    history: tuple[EventChange, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        outlets = {a.id: a.outlet for a in self.articles}
        doc = to_dict(self.event)
        doc["mentions"] = [to_dict(m) | {"outlet": outlets.get(m.article_id)} for m in self.mentions]
        if self.history:
            doc["history"] = [to_dict(c) for c in self.history]
        return doc


def settings_for(db: str | None = None, **overrides: Any) -> Settings:
    settings = load_settings()
    if db:
        settings = replace(settings, db=db)
    return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def parse_when(value: str | None, what: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{what} {value!r} is not a date; use YYYY-MM-DD or an ISO 8601 time") from exc


def ingest(
    inputs: Iterable[str],
    *,
    db: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    actors_file: Path | None = None,
    progress: Progress | None = None,
    options: IngestOptions | None = None,
    processes: int = 1,
    scheduler: str | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files, folders, feeds or URLs into the database and re-merge events.

    ``processes`` > 1 parses in that many processes; ``scheduler`` (a Dask address) or ``workers`` (a local
    Dask cluster) run the analysis on Dask (see :mod:`eventscope.scale`).
    """
    from eventscope.pipeline import build_pipeline

    settings = settings_for(db)
    options = options or IngestOptions(
        published=parse_when(published, "--published"),
        outlet=outlet,
        url=url,
        allow_private_urls=settings.allow_private_urls,
        fetch_timeout=settings.fetch_timeout,
    )
    if processes != 1 or scheduler is not None or workers is not None:
        from eventscope import scale

        if scheduler is not None or workers is not None:
            return scale.ingest_on_dask(
                inputs,
                settings,
                options,
                scheduler=scheduler,
                workers=workers,
                actors_file=actors_file,
                progress=progress,
            )
        return scale.ingest_in_processes(
            inputs, settings, options, processes=processes, actors_file=actors_file, progress=progress
        )
    pipeline = build_pipeline(settings, actors_file=actors_file)
    try:
        return pipeline.ingest(inputs, options, progress=progress)
    finally:
        pipeline.store.close()


def event_views(store: Store, events: Sequence[Event]) -> list[EventView]:
    views = []
    for event in events:
        mentions = tuple(store.event_mentions(event.id))
        article_ids = sorted({m.article_id for m in mentions})
        views.append(EventView(event, mentions, tuple(store.article(a) for a in article_ids)))
    return views


def events(*, db: str | None = None, flt: EventFilter | None = None) -> list[EventView]:
    """Events matching a filter, each with its mentions and articles."""
    with open_store(settings_for(db).db) as store:
        return event_views(store, store.events(flt or EventFilter()))


def show(event_id: str, *, db: str | None = None) -> EventView:
    """One event (an id merged into another resolves to it), with its reports and its history."""
    with open_store(settings_for(db).db) as store:
        event = store.event(event_id)
        view = event_views(store, [event])[0]
        return replace(view, history=tuple(store.history(event.id)))


def history(event_id: str, *, db: str | None = None) -> list[EventChange]:
    with open_store(settings_for(db).db) as store:
        return store.history(store.resolve_event_id(event_id))


def events_frame(*, db: str | None = None, flt: EventFilter | None = None) -> pd.DataFrame:
    """Events as a pandas DataFrame, one row per event, in ACLED-like columns."""
    import pandas as pd

    rows = []
    for view in events(db=db, flt=flt):
        e = view.event
        rows.append(
            {
                "event_id": e.id,
                "start": e.start,
                "end": e.end,
                "plover_type": e.type.plover,
                "acled_type": e.type.acled_type,
                "acled_sub_type": e.type.acled_sub_type,
                "actor": e.actor.name or e.actor.text if e.actor else None,
                "recipient": e.recipient.name or e.recipient.text if e.recipient else None,
                "location": e.place.name if e.place else e.location_text,
                "latitude": e.place.lat if e.place else None,
                "longitude": e.place.lon if e.place else None,
                "geo_precision": e.geo_precision,
                "time_precision": e.time_precision,
                "claim_status": e.claim_status.value,
                "n_reports": e.n_reports,
                "fatalities_best": e.fatalities_best,
            }
        )
    return pd.DataFrame(rows)
