"""Event queries beyond the store's SQL filters: near a place and near a border, pages with totals,
counts per day and type, and the places index. The JSON API (and through it the web UI) asks here.

The store filters on scalar columns; a distance is exact only in Python (``border_km`` walks the
border line). So an area filter narrows with a bounding box in SQL (indexed on lon, lat) and then
checks each candidate's distance; paging happens after that check, so totals stay exact.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from eventscope.errors import InputError, StoreError
from eventscope.models import Event, Place
from eventscope.store import EventFilter, Store
from eventscope.store.codec import event_from_dict
from eventscope.store.migrate import one_line
from eventscope.store.queries import event_conditions, select_events
from eventscope.store.schema import events, places

if TYPE_CHECKING:
    from eventscope.resolve.geo.gazetteer import Gazetteer

KM_PER_DEGREE = 111.32
_LAT_LON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
_BORDER = re.compile(r"^([A-Za-z]{2})-([A-Za-z]{2})$")
BBox = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat, as in EventFilter


@dataclass(frozen=True, slots=True)
class NearPoint:
    """Within ``km`` of a point (a place the user named, or coordinates)."""

    lat: float
    lon: float
    km: float
    label: str

    def bbox(self) -> BBox:
        dlat = self.km / KM_PER_DEGREE
        dlon = self.km / (KM_PER_DEGREE * max(math.cos(math.radians(self.lat)), 0.01))
        return (self.lon - dlon, self.lat - dlat, self.lon + dlon, self.lat + dlat)

    def contains(self, lat: float, lon: float, gazetteer: Gazetteer | None) -> bool:
        from eventscope.resolve.geo.borders import haversine_km

        return haversine_km(self.lat, self.lon, lat, lon) <= self.km


@dataclass(frozen=True, slots=True)
class NearBorder:
    """Within ``km`` of the land border between countries ``a`` and ``b`` (ISO alpha-2)."""

    a: str
    b: str
    km: float
    area: BBox  # where the border line can be: both countries' boxes overlap there

    def bbox(self) -> BBox:
        min_lon, min_lat, max_lon, max_lat = self.area
        dlat = self.km / KM_PER_DEGREE
        dlon = self.km / (KM_PER_DEGREE * max(math.cos(math.radians(max(abs(min_lat), abs(max_lat)))), 0.01))
        return (min_lon - dlon, min_lat - dlat, max_lon + dlon, max_lat + dlat)

    def contains(self, lat: float, lon: float, gazetteer: Gazetteer | None) -> bool:
        if gazetteer is None:
            raise InputError(
                "a border filter needs the gazetteer; build it with `eventscope gazetteer build`"
            )
        distance = gazetteer.border_km(lat, lon, self.a, self.b)
        return distance is not None and distance <= self.km


Area = NearPoint | NearBorder


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The store's filter plus an optional area (near a place or a border)."""

    filter: EventFilter = EventFilter()
    area: Area | None = None


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[Event]
    total: int  # matching events before paging


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    acled_type: str
    plover_type: str
    count: int


@dataclass(frozen=True, slots=True)
class PlaceCount:
    place: Place
    n_events: int


# -- areas --------------------------------------------------------------------------------------


def near(text: str, km: float, gazetteer: Gazetteer) -> NearPoint:
    """``"lat,lon"`` or a place name: the most populous town of that name, else the largest area."""
    found = _LAT_LON.match(text)
    if found:
        lat, lon = float(found[1]), float(found[2])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(f"near {text!r}: latitude must be in -90..90 and longitude in -180..180")
        return NearPoint(lat, lon, km, f"{lat:.4f},{lon:.4f}")
    candidates = gazetteer.candidates(text.strip())
    if not candidates:
        raise InputError(f"near {text!r}: no such place in the gazetteer; give a place name or 'lat,lon'")
    place = max(candidates, key=lambda p: (p.feature_class == "P", p.population))
    return NearPoint(place.lat, place.lon, km, place.name)


def near_border(code: str, km: float, gazetteer: Gazetteer) -> NearBorder:
    """``"SY-LB"``: the land border between Syria and Lebanon (either order)."""
    found = _BORDER.match(code.strip())
    if not found:
        raise InputError(f"border {code!r} must be two ISO country codes joined by '-', e.g. SY-LB")
    a, b = found[1].upper(), found[2].upper()
    boxes = [gazetteer.country_bbox(a), gazetteer.country_bbox(b)]
    if gazetteer.border(a, b) is None or boxes[0] is None or boxes[1] is None:
        raise InputError(f"border {code!r}: {a} and {b} share no land border; check the country codes")
    (a_lat0, a_lon0, a_lat1, a_lon1), (b_lat0, b_lon0, b_lat1, b_lon1) = boxes[0], boxes[1]
    area = (max(a_lon0, b_lon0), max(a_lat0, b_lat0), min(a_lon1, b_lon1), min(a_lat1, b_lat1))
    return NearBorder(a, b, km, area)


def _intersect(a: BBox | None, b: BBox) -> BBox | None:
    if a is None:
        return b
    box = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return box if box[0] <= box[2] and box[1] <= box[3] else None


# -- queries ------------------------------------------------------------------------------------


def _execute(store: Store, statement: sa.Executable) -> Iterator[Any]:  # rows
    try:
        with store.engine.connect() as conn:
            yield from conn.execute(statement).all()
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot read database {store.url}: {one_line(exc)}; check --db") from exc


def _area_candidates(query: EventQuery) -> EventFilter | None:
    """The SQL filter that narrows an area query to its bounding box; None when nothing can match."""
    assert query.area is not None
    box = _intersect(query.filter.bbox, query.area.bbox())
    return None if box is None else replace(query.filter, bbox=box)


def find_events(store: Store, query: EventQuery, gazetteer: Gazetteer | None = None) -> EventPage:
    """One page of matching events, in the filter's order, and how many match in all."""
    flt = query.filter
    if query.area is None:
        count = sa.select(sa.func.count()).select_from(events).where(*event_conditions(flt))
        total = int(next(_execute(store, count))[0])
        return EventPage(store.events(flt) if flt.offset < total else [], total)
    narrowed = _area_candidates(query)
    if narrowed is None:
        return EventPage([], 0)
    c = events.c
    candidates = select_events(narrowed).with_only_columns(c.id, c.lat, c.lon).limit(None).offset(None)
    area = query.area
    ids = [r.id for r in _execute(store, candidates) if area.contains(r.lat, r.lon, gazetteer)]
    page = ids[flt.offset : flt.offset + flt.limit]
    if not page:
        return EventPage([], len(ids))
    data = {r.id: r.data for r in _execute(store, sa.select(c.id, c.data).where(c.id.in_(page)))}
    return EventPage([event_from_dict(data[i]) for i in page], len(ids))


def day_counts(store: Store, query: EventQuery, gazetteer: Gazetteer | None = None) -> list[DayCount]:
    """Matching events per start day and type (ACLED type, PLOVER type), by day; paging is ignored."""
    c = events.c
    keys = (c.start_date, c.acled_type, c.plover_type)
    flt = replace(query.filter, limit=0, offset=0)
    if query.area is None:
        statement = sa.select(*keys, sa.func.count()).where(*event_conditions(flt)).group_by(*keys)
        rows = [(r[0], r[1], r[2], int(r[3])) for r in _execute(store, statement)]
    else:
        narrowed = _area_candidates(replace(query, filter=flt))
        tally: Counter[tuple[date, str, str]] = Counter()
        if narrowed is not None:
            statement = sa.select(*keys, c.lat, c.lon).where(*event_conditions(narrowed))
            area = query.area
            tally.update(
                (r[0], r[1], r[2])
                for r in _execute(store, statement)
                if area.contains(r.lat, r.lon, gazetteer)
            )
        rows = [(*key, n) for key, n in tally.items()]
    return [DayCount(day, acled, plover, n) for day, acled, plover, n in sorted(rows)]


def list_places(
    store: Store, *, q: str | None = None, country: str | None = None, limit: int = 100, offset: int = 0
) -> tuple[list[PlaceCount], int]:
    """Stored places (those events and reports point at), most events first, and how many match."""
    p, e = places.c, events.c
    where: list[sa.ColumnElement[bool]] = []
    if q:
        escaped = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(p.name.ilike(f"%{escaped}%", escape="\\"))
    if country:
        where.append(p.country_code == country.upper())
    n_events = sa.func.count(e.id).label("n_events")
    statement = (
        sa.select(p.gazetteer_id, p.name, p.lat, p.lon, p.feature_class, p.feature_code)
        .add_columns(p.country_code, p.admin1, p.admin2, p.population, n_events)
        .select_from(places.outerjoin(events, e.place_id == p.gazetteer_id))
        .where(*where)
        .group_by(p.gazetteer_id)
        .order_by(n_events.desc(), p.name, p.gazetteer_id)
        .limit(limit)
        .offset(offset)
    )
    count = sa.select(sa.func.count()).select_from(places).where(*where)
    total = int(next(_execute(store, count))[0])
    found = [PlaceCount(Place(*row[:10]), int(row[10])) for row in _execute(store, statement)]
    return found, total
