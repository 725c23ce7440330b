"""The gazetteer's fast Place constructor for cold look-ups gives the Place the dataclass gives."""

from __future__ import annotations

import pytest

from eventscope.models import Place
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.place_rows import new_place

ROWS = [
    ("geonames:170592", "Harim", 36.2, 36.5, "P", "PPLA2", "SY", "Idlib", None, 21934),
    ("country:SY", "Syria", 35.0, 38.0, "A", "PCLI", "SY", None, None, 22_000_000),
    ("region:middle-east", "Middle East", 29.0, 41.0, "L", "RGN", None, None, None, 0),
]


@pytest.mark.parametrize("row", ROWS)
def test_fast_place_equals_the_dataclass(row: tuple) -> None:  # type: ignore[type-arg]
    fast, slow = new_place(*row), Place(*row)
    assert type(fast) is Place
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    with pytest.raises(AttributeError):
        fast.name = "changed"  # type: ignore[misc]  # still frozen


def test_looked_up_places_are_those_of_the_index(gazetteer: Gazetteer) -> None:
    for name in ("Paris", "Springfield", "Aleppo", "Washington"):
        for match in gazetteer.lookup(name):
            row = gazetteer._db.execute(
                "SELECT gid, name, lat, lon, fclass, fcode, cc, population FROM places WHERE gid = ?",
                (match.place.gazetteer_id,),
            ).fetchone()
            p = match.place
            assert row == (
                p.gazetteer_id, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country_code,
                p.population,
            )  # fmt: skip
