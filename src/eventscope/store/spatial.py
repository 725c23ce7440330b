"""Distance filters: PostGIS where the database has it, plain SQL trigonometry everywhere else.

"Within N km of a point" is first cut to a latitude/longitude box (the ``(lon, lat)`` index can
serve it on any backend), then decided exactly: by ``ST_DWithin`` over ``geography`` (distance on
the WGS84 spheroid) when PostGIS is installed, else by the haversine great-circle distance on a
sphere of the mean Earth radius. The two differ by at most ~0.5%, so a point that close to the
edge may fall either side depending on the backend.

SQLite builds without the SQL math functions get them from Python (:func:`register_math`).
"""

from __future__ import annotations

import math
import sqlite3
from typing import Any

import sqlalchemy as sa

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


def postgis_schema(conn: sa.Connection) -> str | None:
    """The schema PostGIS is installed in, or None (not PostgreSQL, or no PostGIS)."""
    if conn.dialect.name != "postgresql":
        return None
    query = (
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'postgis'"
    )
    return conn.exec_driver_sql(query).scalar()


def bounding_box(lon: float, lat: float, km: float) -> tuple[float, float, float, float]:
    """min_lon, min_lat, max_lon, max_lat of a box holding all points within ``km`` (no antimeridian wrap)."""
    dlat = km / KM_PER_DEGREE
    coslat = math.cos(math.radians(min(abs(lat) + dlat, 90.0)))
    dlon = 180.0 if coslat < 1e-9 else min(180.0, km / (KM_PER_DEGREE * coslat))
    return lon - dlon, max(-90.0, lat - dlat), lon + dlon, min(90.0, lat + dlat)


def within_km(
    lon_col: sa.ColumnElement[Any],
    lat_col: sa.ColumnElement[Any],
    lon: float,
    lat: float,
    km: float,
    postgis: str | None,
) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions: the row's point is within ``km`` of (lon, lat). ``postgis``: its schema, or None."""
    min_lon, min_lat, max_lon, max_lat = bounding_box(lon, lat, km)
    where: list[sa.ColumnElement[bool]] = [
        lon_col.between(min_lon, max_lon),
        lat_col.between(min_lat, max_lat),
    ]
    if postgis is not None:
        gis = getattr(sa.func, postgis)  # schema-qualified: works whatever the search_path

        def point(x: Any, y: Any) -> Any:
            return gis.geography(gis.st_setsrid(gis.st_makepoint(x, y), 4326))

        where.append(gis.st_dwithin(point(lon_col, lat_col), point(lon, lat), km * 1000.0))
        return where
    f = sa.func
    dlat = f.radians(lat_col - lat) / 2
    dlon = f.radians(lon_col - lon) / 2
    a = f.power(f.sin(dlat), 2) + math.cos(math.radians(lat)) * f.cos(f.radians(lat_col)) * f.power(
        f.sin(dlon), 2
    )
    # asin(sqrt(a)) <= km / 2R, with both sides kept in asin's domain.
    where.append(f.asin(f.sqrt(a)) <= min(km / (2 * EARTH_RADIUS_KM), math.pi / 2))
    return where


def register_math(dbapi_connection: sqlite3.Connection) -> None:
    """Give a SQLite connection the math functions the fallback uses, when its build lacks them."""
    try:
        dbapi_connection.execute("SELECT asin(0.5), power(2, 2), radians(1)").fetchone()
        return
    except sqlite3.OperationalError:
        pass
    for name, argc, fn in (
        ("sin", 1, math.sin),
        ("cos", 1, math.cos),
        ("asin", 1, math.asin),
        ("sqrt", 1, math.sqrt),
        ("radians", 1, math.radians),
        ("power", 2, math.pow),
    ):
        dbapi_connection.create_function(name, argc, _null_safe(fn), deterministic=True)


def _null_safe(fn: Any) -> Any:
    def call(*args: Any) -> Any:
        return None if any(a is None for a in args) else fn(*args)

    return call
