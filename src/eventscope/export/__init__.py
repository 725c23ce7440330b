"""Exports of stored events: JSONL (lossless), GeoJSON (maps), ACLED-style CSV (analysts' tools).

Each writer is ``write_X(events, mentions_by_event, out) -> rows written`` over an open text
stream; opening files is the caller's job. :func:`write_export` picks the writer by name and
takes events with their reports as the API returns them (``api.EventView``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TextIO

from eventscope.errors import InputError
from eventscope.export.acled_csv import ACLED_COLUMNS, write_acled_csv
from eventscope.export.geojson import write_geojson
from eventscope.export.jsonl import read_jsonl, write_jsonl
from eventscope.models import Article, Event, Mention
from eventscope.resolve.geo.seat import Seat

FORMATS = ("jsonl", "geojson", "acled-csv")


class EventReports(Protocol):
    """An event with the mentions behind it and their articles (``api.EventView`` is one)."""

    @property
    def event(self) -> Event: ...

    @property
    def mentions(self) -> Sequence[Mention]: ...

    @property
    def articles(self) -> Sequence[Article]: ...


def write_export(
    format_: str, views: Sequence[EventReports], out: TextIO, *, seat: Seat | None = None
) -> int:
    """Write ``views`` in ``format_`` (jsonl | geojson | acled-csv); returns rows (features) written.
    ``seat`` (``resolve.geo.seat.provincial_seat``) places the ACLED CSV's province-only events at
    their capital, as ACLED codes them; the other formats keep the province's own point."""
    events = [v.event for v in views]
    mentions_by_event = {v.event.id: list(v.mentions) for v in views}
    outlets = {a.id: a.outlet for v in views for a in v.articles if a.outlet}
    if format_ == "jsonl":
        return write_jsonl(events, mentions_by_event, out, outlets=outlets)
    if format_ == "geojson":
        return write_geojson(events, mentions_by_event, out)
    if format_ == "acled-csv":
        return write_acled_csv(events, mentions_by_event, out, outlets=outlets, seat=seat)
    raise InputError(f"unknown export format {format_!r}; use one of {', '.join(FORMATS)}")


__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "EventReports",
    "read_jsonl",
    "write_acled_csv",
    "write_export",
    "write_geojson",
    "write_jsonl",
]
