"""The index file: its SQLite schema and a bulk writer shared by the build and the dump import.

places         one row per place (GeoNames id where it has one: "geonames:170592", "country:SY", ...),
               with its distance to its country's land borders (see NO_BORDER)
names          folded name key -> place, with how the key was reached (official, alternate, no "al-")
abbreviations  exact, case-sensitive surface forms ("U.S.", "Kan.") -> place
admin1         (country, GeoNames admin1 code) -> the division's place
countries      country -> its place, capital, neighbours, Natural Earth shape (float32 lon/lat blob)
country_names  folded country names (for the lexicon), demonyms: folded demonym -> country
demonym_places folded demonym of a place that is not a country -> that place ("ohioans" -> Ohio)
borders        (a, b) -> a point on their shared line and the line itself
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from eventscope.resolve.geo.names import is_latin, keys_of

SCHEMA_VERSION = "4"

# names.kind: how a key was reached, so ranking can trust an official name over an alternate spelling.
# BARE: a unit's name without its unit word ("DeKalb" for DeKalb County), kept for resolution only: it is
# no evidence that a capitalised word is a place (most bare county names are surnames: "Hall", "Love").
PRIMARY, ALTERNATE, VARIANT, BARE = 0, 1, 2, 3
# places.border_km: the place's distance to its own country's land borders, computed at build time
# (build.add_border_distances); NO_BORDER when the country has none, NULL when not computed (a row an
# import replaced, a place without a country): then the gazetteer computes it when asked.
NO_BORDER = -1.0

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL,
    fclass TEXT NOT NULL, fcode TEXT NOT NULL, cc TEXT, admin1_code TEXT, admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0, border_km REAL);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE abbreviations (surface TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (surface, place)) WITHOUT ROWID;
CREATE TABLE admin1 (cc TEXT NOT NULL, code TEXT NOT NULL, iso TEXT, place INTEGER NOT NULL,
    PRIMARY KEY (cc, code)) WITHOUT ROWID;
CREATE TABLE countries (cc TEXT PRIMARY KEY, place INTEGER NOT NULL, capital INTEGER,
    neighbours TEXT NOT NULL,
    min_lat REAL, min_lon REAL, max_lat REAL, max_lon REAL, shape BLOB);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, cc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE demonym_places (key TEXT PRIMARY KEY, place INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE borders (a TEXT NOT NULL, b TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    line BLOB NOT NULL,
    PRIMARY KEY (a, b)) WITHOUT ROWID;
"""


class IndexWriter:
    """Accumulates places and their names, then writes them in bulk."""

    def __init__(self, db: sqlite3.Connection, next_id: int = 1) -> None:
        self.db = db
        self.next_id = next_id
        self.places: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, int], int] = {}

    def add(self, gid: str, name: str, lat: float, lon: float, fclass: str, fcode: str, **extra: Any) -> int:
        """Queue a place (``place_id=`` replaces an existing row) and return its id."""
        place_id = extra.get("place_id")
        if place_id is None:
            place_id = self.next_id
            self.next_id += 1
        self.places.append(
            (
                place_id,
                gid,
                name,
                lat,
                lon,
                fclass,
                fcode,
                extra.get("cc"),
                extra.get("admin1_code"),
                extra.get("admin2"),
                int(extra.get("population") or 0),
            )
        )
        return place_id

    def name(self, place_id: int, name: str, kind: int) -> None:
        if not name or not is_latin(name):
            return
        key, variant = keys_of(name)
        if not key:
            return
        for k, kd in ((key, kind), (variant, BARE if kind == BARE else VARIANT)):
            if k is not None and self.names.get((k, place_id), 9) > kd:
                self.names[(k, place_id)] = kd

    def flush(self) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO places (id, gid, name, lat, lon, fclass, fcode, cc, admin1_code, admin2, "
            "population) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            self.places,
        )
        self.db.executemany(
            "INSERT INTO names VALUES (?,?,?) "
            "ON CONFLICT (key, place) DO UPDATE SET kind = min(kind, excluded.kind)",
            ((key, place, kind) for (key, place), kind in self.names.items()),
        )
        self.places.clear()
        self.names.clear()


def is_useful_alternate(name: str) -> bool:
    """Skip GeoNames alternates that are codes, not names: "LAF" (an airport) would turn the Lebanese
    Armed Forces into Lafayette, Indiana; two letters are too ambiguous to mean anything."""
    return len(name) > 2 and not re.fullmatch(r"[A-Z0-9]{2,5}", name)
