"""Adding a GeoNames dump (a country file such as ``SY.txt``, or ``allCountries.txt``) to a built index.

GeoNames' cities >= 500 people miss the villages conflict reports name (Ras al-Maara); a user who needs
them downloads a dump from download.geonames.org/export/dump and imports it
(``eventscope gazetteer import SY.txt``). Rows keep GeoNames' own feature class and code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventscope.errors import GazetteerError
from eventscope.resolve.geo.index import ALTERNATE, PRIMARY, IndexWriter, is_useful_alternate
from eventscope.resolve.geo.names import display_name

# Columns of the tab-separated dump (download.geonames.org/export/dump/readme.txt): geonameid, name,
# asciiname, alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
# admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modification date.
DUMP_COLUMNS = 19


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
        raise GazetteerError(
            f"gazetteer index {index_path} not built; run `eventscope gazetteer build` first"
        )
    db = sqlite3.connect(index_path)
    try:
        known = dict(db.execute("SELECT gid, id FROM places").fetchall())
        next_id = (db.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
        index = IndexWriter(db, next_id)
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
    return (name for name in field.split(",") if is_useful_alternate(name))
