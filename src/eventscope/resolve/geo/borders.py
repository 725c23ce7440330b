"""International borders and country shapes from Natural Earth 1:10m TopoJSON (npm ``world-atlas``).

In TopoJSON two neighbouring countries reference the *same* arc for the line they share, so the
border between A and B is exactly the set of arcs both geometries use; an arc used once is a
coastline. At build time :func:`decode_topology` turns the file into per-country rings and per-pair
border polylines (NaN rows separate pieces); at run time the distance and point-in-polygon helpers
below work on those arrays. Distances use a local equirectangular projection centred on the query
point: under 0.5% error within a few hundred km, which is all a "km to the border" needs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = np.pi * EARTH_RADIUS_KM / 180.0

Coords = NDArray[np.float64]  # shape (n, 2): lon, lat; NaN rows separate rings or pieces

# Natural Earth features without an ISO numeric id in world-atlas, and the ISO code we file them under.
# Somaliland and Northern Cyprus go with the state that holds them de jure (their internal line is
# then not an international border); Kosovo has its own user-assigned code XK.
UNCODED_FEATURES = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}


@dataclass(frozen=True, slots=True)
class Topology:
    """Decoded country shapes and shared borders, keyed by ISO 3166-1 alpha-2 codes."""

    shapes: dict[str, Coords]  # rings of each country, NaN-separated
    borders: dict[tuple[str, str], Coords]  # (a, b) with a < b -> border polyline, NaN-separated


def _decode_arcs(topology: Mapping[str, Any]) -> list[Coords]:
    scale = np.asarray(topology["transform"]["scale"], dtype=np.float64)
    translate = np.asarray(topology["transform"]["translate"], dtype=np.float64)
    arcs = []
    for arc in topology["arcs"]:
        quantized = np.cumsum(np.asarray(arc, dtype=np.float64), axis=0)
        arcs.append(quantized * scale + translate)
    return arcs


def _rings(geometry: Mapping[str, Any]) -> Iterable[list[int]]:
    if geometry["type"] == "Polygon":
        yield from geometry["arcs"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["arcs"]:
            yield from polygon


def _arc_coords(arcs: list[Coords], index: int) -> Coords:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def _join(pieces: list[Coords]) -> Coords:
    gap = np.full((1, 2), np.nan)
    out: list[Coords] = []
    for piece in pieces:
        if out:
            out.append(gap)
        out.append(piece)
    return np.concatenate(out) if out else np.empty((0, 2))


def decode_topology(topology: Mapping[str, Any], numeric_to_alpha2: Mapping[str, str]) -> Topology:
    """Country rings and pairwise border polylines from a world-atlas ``countries-*.json``."""
    arcs = _decode_arcs(topology)
    owners: dict[int, set[str]] = defaultdict(set)
    rings: dict[str, list[Coords]] = defaultdict(list)
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric_to_alpha2.get(str(geometry.get("id")))
        code = code or UNCODED_FEATURES.get(geometry.get("properties", {}).get("name", ""))
        if code is None:
            continue
        for ring in _rings(geometry):
            points = [_arc_coords(arcs, index)[(1 if k else 0) :] for k, index in enumerate(ring)]
            rings[code].append(np.concatenate(points))
            for index in ring:
                owners[index if index >= 0 else ~index].add(code)
    shared: dict[tuple[str, str], list[Coords]] = defaultdict(list)
    for index, codes in owners.items():
        if len(codes) == 2:
            a, b = sorted(codes)
            shared[(a, b)].append(arcs[index])
    return Topology(
        shapes={code: _join(parts) for code, parts in rings.items()},
        borders={pair: _join(parts) for pair, parts in shared.items()},
    )


def feature_centroids(topology: Mapping[str, Any], layer: str) -> dict[str, tuple[float, float]]:
    """Area-weighted centroid (lat, lon) of each feature of one TopoJSON layer, keyed by its ``id``.

    Planar in degrees (fine for counties); holes are ignored, the outer rings dominate anyway.
    """
    arcs = _decode_arcs(topology)
    found: dict[str, tuple[float, float]] = {}
    for geometry in topology["objects"][layer]["geometries"]:
        total = sx = sy = 0.0
        for ring in _rings(geometry):
            points = np.concatenate([_arc_coords(arcs, index) for index in ring])
            x, y = points[:, 0], points[:, 1]
            cross = x * np.roll(y, -1) - np.roll(x, -1) * y
            area = cross.sum() / 2.0
            if area == 0.0:
                continue
            total += abs(area)
            sx += abs(area) * float(((x + np.roll(x, -1)) * cross).sum() / (6.0 * area))
            sy += abs(area) * float(((y + np.roll(y, -1)) * cross).sum() / (6.0 * area))
        if total > 0.0 and geometry.get("id") is not None:
            found[str(geometry["id"])] = (sy / total, sx / total)
    return found


def to_blob(coords: Coords) -> bytes:
    """Compact storage: float32 lon/lat pairs (~1 m at 180 degrees, finer than the 1:10m data)."""
    return np.asarray(coords, dtype=np.float32).tobytes()


def from_blob(blob: bytes) -> Coords:
    return np.frombuffer(blob, dtype=np.float32).reshape(-1, 2).astype(np.float64)


def _segments(coords: Coords) -> tuple[Coords, Coords]:
    """Start and end points of every segment, skipping the NaN separators."""
    start, end = coords[:-1], coords[1:]
    keep = ~(np.isnan(start).any(axis=1) | np.isnan(end).any(axis=1))
    return start[keep], end[keep]


def distance_km(lat: float, lon: float, coords: Coords) -> float | None:
    """Shortest distance (km) from a point to a NaN-separated polyline; None when it is empty."""
    start, end = _segments(coords)
    if len(start) == 0:
        points = coords[~np.isnan(coords).any(axis=1)]
        if len(points) == 0:
            return None
        start = end = points
    return segments_distance_km(lat, lon, start, end)


def segments_of(lines: list[Coords]) -> tuple[Coords, Coords]:
    """The segments of several NaN-separated polylines stacked together (start points, end points).

    Computed once per country, so a distance to all of a country's borders is one vectorised pass.
    """
    starts, ends = [], []
    for line in lines:
        start, end = _segments(line)
        if len(start) == 0:  # a line of one point: the point itself
            start = end = line[~np.isnan(line).any(axis=1)]
        starts.append(start)
        ends.append(end)
    if not starts:
        empty = np.empty((0, 2))
        return empty, empty
    return np.concatenate(starts), np.concatenate(ends)


def segments_distance_km(lat: float, lon: float, start: Coords, end: Coords) -> float | None:
    """Shortest distance (km) from a point to a set of segments; None when there are none."""
    if len(start) == 0:
        return None
    cos_lat = np.cos(np.radians(lat))

    def project(points: Coords) -> Coords:
        dlon = (points[:, 0] - lon + 180.0) % 360.0 - 180.0
        return np.column_stack((dlon * cos_lat, points[:, 1] - lat)) * KM_PER_DEGREE

    p, q = project(start), project(end)
    d = q - p
    length2 = np.einsum("ij,ij->i", d, d)
    t = np.where(length2 > 0, -np.einsum("ij,ij->i", p, d) / np.where(length2 > 0, length2, 1.0), 0.0)
    nearest = p + np.clip(t, 0.0, 1.0)[:, None] * d
    return float(np.sqrt(np.einsum("ij,ij->i", nearest, nearest).min()))


CHUNK = 16  # consecutive segments per box of a SegmentIndex: neighbours along a line, close in space


@dataclass(frozen=True, slots=True)
class SegmentIndex:
    """A country's border segments (see :func:`segments_of`) with the bounding box of each run of
    :data:`CHUNK` of them, so that a distance needs the exact formula only near the point."""

    start: Coords
    end: Coords
    boxes: Coords  # (m, 4): min lon, min lat, max lon, max lat of each chunk
    first: Coords  # (m, 2): each chunk's first start point (an upper bound on the distance)


def segment_index(start: Coords, end: Coords) -> SegmentIndex:
    n = len(start)
    if n == 0:
        return SegmentIndex(start, end, np.empty((0, 4)), np.empty((0, 2)))
    m = -(-n // CHUNK)
    pad = m * CHUNK - n
    both = np.concatenate((start, end), axis=1)  # lon, lat, lon, lat
    if pad:
        both = np.concatenate((both, np.repeat(both[-1:], pad, axis=0)))
    both = both.reshape(m, CHUNK, 4)
    lon = both[:, :, 0::2].reshape(m, -1)
    lat = both[:, :, 1::2].reshape(m, -1)
    boxes = np.column_stack((lon.min(axis=1), lat.min(axis=1), lon.max(axis=1), lat.max(axis=1)))
    return SegmentIndex(start, end, boxes, start[::CHUNK].copy())


def indexed_distance_km(lat: float, lon: float, index: SegmentIndex) -> float | None:
    """The same value as :func:`segments_distance_km` over all of the index's segments, computed on
    the chunks whose box can hold the nearest segment only (the minimum of the same per-segment values).

    A chunk's box, projected like the segments (equirectangular around the point), holds its segments,
    so the distance to the box is a lower bound; the nearest chunk start point gives an upper bound.
    """
    if len(index.start) <= 4 * CHUNK:
        return segments_distance_km(lat, lon, index.start, index.end)
    cos_lat = np.cos(np.radians(lat))
    boxes = index.boxes
    x0 = (boxes[:, 0] - lon + 180.0) % 360.0 - 180.0
    x1 = (boxes[:, 2] - lon + 180.0) % 360.0 - 180.0
    # A box across the antimeridian of the point (x0 > x1 after wrapping) gets no bound (0).
    wraps = x0 > x1
    gap_x = np.where(wraps, 0.0, np.maximum(np.maximum(x0, -x1), 0.0)) * cos_lat
    gap_y = np.maximum(np.maximum(boxes[:, 1] - lat, lat - boxes[:, 3]), 0.0)
    lower = np.sqrt(gap_x * gap_x + gap_y * gap_y) * KM_PER_DEGREE
    fx = ((index.first[:, 0] - lon + 180.0) % 360.0 - 180.0) * cos_lat
    fy = index.first[:, 1] - lat
    upper = float(np.sqrt((fx * fx + fy * fy).min())) * KM_PER_DEGREE
    # A margin far above rounding error: a chunk within it of the bound is searched too.
    chunks = np.flatnonzero(lower <= upper * (1.0 + 1e-6) + 1e-6)
    rows = (chunks[:, None] * CHUNK + np.arange(CHUNK)).ravel()
    rows = rows[rows < len(index.start)]
    return segments_distance_km(lat, lon, index.start[rows], index.end[rows])


def contains(coords: Coords, lat: float, lon: float) -> bool:
    """Even-odd point-in-polygon test over all rings of one country (holes included)."""
    start, end = _segments(coords)
    x1, y1, x2, y2 = start[:, 0], start[:, 1], end[:, 0], end[:, 1]
    crosses = (y1 > lat) != (y2 > lat)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_at = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
    return bool(np.count_nonzero(crosses & (lon < x_at)) % 2)


def midpoint(coords: Coords) -> tuple[float, float]:
    """A representative point *on* a polyline: its vertex nearest to the mean of all vertices (lat, lon)."""
    points = coords[~np.isnan(coords).any(axis=1)]
    centre = points.mean(axis=0)
    cos_lat = np.cos(np.radians(centre[1]))
    delta = (points - centre) * np.array([cos_lat, 1.0])
    lon, lat = points[int(np.argmin(np.einsum("ij,ij->i", delta, delta)))]
    return float(lat), float(lon)


def bbox(coords: Coords) -> tuple[float, float, float, float]:
    """min_lat, min_lon, max_lat, max_lon of a NaN-separated array."""
    return (
        float(np.nanmin(coords[:, 1])),
        float(np.nanmin(coords[:, 0])),
        float(np.nanmax(coords[:, 1])),
        float(np.nanmax(coords[:, 0])),
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (scalar math: merge and scoring call it on hot paths)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
