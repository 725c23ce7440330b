"""Places built from index rows on a cold look-up, without a frozen dataclass' ``__init__``.

A cold pass over a corpus reads thousands of rows (a name such as "Santa Cruz" has over a hundred
places); building each :class:`~eventscope.models.Place` through its dataclass ``__init__``, which sets
every field with ``object.__setattr__``, was a tenth of the gazetteer's look-up time.
"""

from __future__ import annotations

from dataclasses import fields

from eventscope.models import Place

# The field setters in the dataclass' field order (new_place's parameters follow it).
_SLOTS = tuple(getattr(Place, f.name).__set__ for f in fields(Place))


def new_place(
    gid: str,
    name: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    cc: str | None,
    admin1: str | None,
    admin2: str | None,
    population: int,
) -> Place:
    """``Place(gid, name, ...)`` for a row of a cold look-up, in half the time: a frozen dataclass'
    ``__init__`` sets each field through ``object.__setattr__``; this sets the slots directly (the same
    object, equal and hashing alike; tests/test_geo_speed_r8.py)."""
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 = _SLOTS
    place = object.__new__(Place)
    s0(place, gid)
    s1(place, name)
    s2(place, lat)
    s3(place, lon)
    s4(place, fclass)
    s5(place, fcode)
    s6(place, cc)
    s7(place, admin1)
    s8(place, admin2)
    s9(place, population)
    return place
