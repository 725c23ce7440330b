"""The one query layer for events: the CLI, the JSON API and the web UI all filter through here.

Filters are plain SQL over scalar columns (portable: ``ilike`` is ``lower() LIKE lower()`` on
SQLite and ``ILIKE`` on PostgreSQL), so every backend returns the same rows in the same order.
The one exception is distance (``near``): PostGIS decides it where installed (``spatial.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from eventscope.errors import InputError
from eventscope.store.schema import events
from eventscope.store.spatial import within_km

ORDERS = ("start", "-start", "reports")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list; every field left at its default matches everything."""

    since: date | None = None  # the event's [start, end] overlaps [since, until]
    until: date | None = None
    type: str | None = None  # PLOVER type, ACLED event type or ACLED sub-event type, any case
    actor: str | None = None  # substring of actor/recipient text or canonical name, any case
    country: str | None = None  # ISO 3166-1 alpha-2 of the event place
    status: str | None = None  # claim status: single_source | corroborated | disputed
    q: str | None = None  # substring of the summary, location or evidence sentences, any case
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    near: tuple[float, float, float] | None = None  # lon, lat, km: the event place within km of the point
    limit: int = 1000
    offset: int = 0
    order: str = "start"  # start | -start | reports (most reports first)

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise InputError(f"unknown order {self.order!r}; use one of {', '.join(ORDERS)}")
        if self.limit < 0 or self.offset < 0:
            raise InputError("limit and offset must be >= 0")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since {self.since} is after until {self.until}; swap them")
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise InputError("bbox needs four numbers: min_lon, min_lat, max_lon, max_lat")
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if min_lon > max_lon or min_lat > max_lat:
                raise InputError("bbox must be min_lon, min_lat, max_lon, max_lat (min before max)")
        if self.near is not None:
            if len(self.near) != 3:
                raise InputError("near needs three numbers: lon, lat, km")
            lon, lat, km = self.near
            if not (-180 <= lon <= 180 and -90 <= lat <= 90) or km < 0:
                raise InputError("near must be lon in [-180, 180], lat in [-90, 90] and km >= 0")


def _contains(column: sa.ColumnElement[str | None], text: str) -> sa.ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def event_conditions(flt: EventFilter, postgis: str | None = None) -> list[sa.ColumnElement[bool]]:
    """The WHERE conditions of a filter, for reuse by counts and pages; ``postgis``: its schema, if any."""
    c = events.c
    where: list[sa.ColumnElement[bool]] = []
    if flt.since is not None:
        where.append(c.end_date >= flt.since)
    if flt.until is not None:
        where.append(c.start_date <= flt.until)
    if flt.type:
        wanted = flt.type.strip().lower()
        where.append(
            sa.or_(*(sa.func.lower(col) == wanted for col in (c.plover_type, c.acled_type, c.acled_sub_type)))
        )
    if flt.actor:
        cols = (c.actor_text, c.actor_name, c.recipient_text, c.recipient_name)
        where.append(sa.or_(*(_contains(col, flt.actor.strip()) for col in cols)))
    if flt.country:
        where.append(c.country == flt.country.strip().upper())
    if flt.status:
        where.append(c.claim_status == flt.status.strip().lower())
    if flt.q:
        where.append(_contains(c.search_text, flt.q.strip()))
    if flt.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        where.extend([c.lon.between(min_lon, max_lon), c.lat.between(min_lat, max_lat)])
    if flt.near is not None:
        where.extend(within_km(c.lon, c.lat, *flt.near, postgis=postgis))
    return where


def select_events(flt: EventFilter, postgis: str | None = None) -> sa.Select[tuple[dict[str, object]]]:
    """SELECT the ``data`` of the events matching ``flt``, ordered and paged; ids break ties."""
    c = events.c
    order: list[sa.ColumnElement[object]]
    if flt.order == "-start":
        order = [c.start_date.desc(), c.end_date.desc(), c.id]
    elif flt.order == "reports":
        order = [c.n_reports.desc(), c.start_date, c.id]
    else:
        order = [c.start_date, c.end_date, c.id]
    return (
        sa.select(c.data)
        .where(*event_conditions(flt, postgis))
        .order_by(*order)
        .limit(flt.limit)
        .offset(flt.offset)
    )
