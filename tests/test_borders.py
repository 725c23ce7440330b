"""Borders: TopoJSON shared arcs, distances to border lines, point in country (Natural Earth 1:10m)."""

from __future__ import annotations

import numpy as np
import pytest

from eventscope.resolve.geo import borders
from eventscope.resolve.geo.gazetteer import Gazetteer

AL_QUSAYR = (34.5078, 36.5803)
DAMASCUS = (33.5102, 36.2913)
HARIM = (36.2118, 36.5208)
ARSAL = (34.1794, 36.4208)


# Two unit squares side by side: A = [0,1]x[0,1], B = [1,2]x[0,1]; arc 1 is the line x=1 they share.
TWO_SQUARES = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [0, 0]},
    "arcs": [
        [[1, 0], [-1, 0], [0, 1], [1, 0]],  # A's outer edge: (1,0) -> (0,0) -> (0,1) -> (1,1)
        [[1, 1], [0, -1]],  # shared: (1,1) -> (1,0)
        [[1, 1], [1, 0], [0, -1], [-1, 0]],  # B's outer edge: (1,1) -> (2,1) -> (2,0) -> (1,0)
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "001", "arcs": [[0, 1]], "properties": {"name": "A"}},
                {"type": "Polygon", "id": "002", "arcs": [[-2, 2]], "properties": {"name": "B"}},
            ],
        }
    },
}


def test_a_border_is_the_arcs_two_countries_share() -> None:
    topology = borders.decode_topology(TWO_SQUARES, {"001": "AA", "002": "BB"})
    assert set(topology.borders) == {("AA", "BB")}
    line = topology.borders[("AA", "BB")]
    assert np.allclose(line, [[1, 1], [1, 0]])
    assert borders.contains(topology.shapes["AA"], 0.5, 0.5)
    assert not borders.contains(topology.shapes["AA"], 0.5, 1.5)
    assert borders.contains(topology.shapes["BB"], 0.5, 1.5)
    # 0.5 degrees of longitude east of the line at latitude 0.5: about 55.6 km.
    assert borders.distance_km(0.5, 1.5, line) == pytest.approx(55.6, abs=0.5)
    assert borders.midpoint(line) in {(1.0, 1.0), (0.0, 1.0)}


def test_blob_round_trip_keeps_separators() -> None:
    coords = np.array([[36.1, 34.2], [np.nan, np.nan], [36.5, 34.6]])
    back = borders.from_blob(borders.to_blob(coords))
    assert np.isnan(back[1]).all() and np.allclose(back[[0, 2]], coords[[0, 2]], atol=1e-5)


def test_syria_lebanon_border_zone_lies_on_the_line(gazetteer: Gazetteer) -> None:
    zone = gazetteer.border("SY", "LB")
    assert zone is not None and zone == gazetteer.border("LB", "SY")
    assert (zone.gazetteer_id, zone.feature_class, zone.feature_code) == ("border:LB-SY", "L", "BRDR")
    distance = gazetteer.border_km(zone.lat, zone.lon, "SY", "LB")
    assert distance is not None and distance < 1.0
    assert gazetteer.border("SY", "FR") is None


def test_distances_to_the_syria_lebanon_border(gazetteer: Gazetteer) -> None:
    # Al-Qusayr sits about 10 km from the Lebanese border; Damascus about 25 km from the Anti-Lebanon line.
    qusayr = gazetteer.border_km(*AL_QUSAYR, "SY", "LB")
    damascus = gazetteer.border_km(*DAMASCUS, "LB", "SY")
    assert qusayr is not None and 5 < qusayr < 20
    assert damascus is not None and 18 < damascus < 40
    # Without codes: the nearest land border of the country containing the point.
    assert gazetteer.border_km(*AL_QUSAYR) == pytest.approx(qusayr)
    harim_any = gazetteer.border_km(*HARIM)
    harim_lebanon = gazetteer.border_km(*HARIM, "SY", "LB")
    assert harim_any is not None and harim_lebanon is not None
    assert harim_any < 5 < 100 < harim_lebanon  # on the Turkish border, far from Lebanon
    assert gazetteer.border_km(*HARIM, "TR") == pytest.approx(harim_any, abs=0.5)
    assert gazetteer.border_km(*HARIM, "SY", "FR") is None


def test_country_at_uses_fine_borders(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_at(*HARIM) == "SY"  # outside Syria on 1:110m borders
    assert gazetteer.country_at(*ARSAL) == "LB"
    assert gazetteer.country_at(*AL_QUSAYR) == "SY"
    assert gazetteer.country_at(48.8534, 2.3488) == "FR"
    assert gazetteer.country_at(34.0, 33.0) is None  # the Mediterranean
    assert gazetteer.border_km(34.0, 33.0) is None


def test_stacked_segments_give_the_same_distance_as_each_line() -> None:
    lines = [
        np.array([[0.0, 0.0], [1.0, 0.0], [np.nan, np.nan], [5.0, 5.0], [6.0, 5.0]]),
        np.array([[2.0, 2.0]]),  # a line of one point still counts
    ]
    start, end = borders.segments_of(lines)
    for lat, lon in [(0.5, 0.5), (2.1, 2.0), (4.0, 5.5)]:
        expected = min(d for line in lines if (d := borders.distance_km(lat, lon, line)) is not None)
        assert borders.segments_distance_km(lat, lon, start, end) == pytest.approx(expected)
    empty_start, empty_end = borders.segments_of([])
    assert borders.segments_distance_km(0.0, 0.0, empty_start, empty_end) is None
