"""The gazetteer: place names -> candidate places, countries, first-level divisions and borders.

It reads the SQLite index written by :mod:`eventscope.resolve.geo.build` (read-only, loads in well under a
second: names are looked up in SQLite on demand, only the small tables are held in memory).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventscope.errors import GazetteerError
from eventscope.extract.toponym_lexicon import CUT_ABBREVIATION
from eventscope.extract.toponyms import PlaceLexicon
from eventscope.models import Place
from eventscope.resolve.geo import borders
from eventscope.resolve.geo.build import DEFAULT_INDEX
from eventscope.resolve.geo.index import BARE, NO_BORDER, SCHEMA_VERSION
from eventscope.resolve.geo.names import fold, spelled_out, strip_article
from eventscope.resolve.geo.place_rows import new_place

INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")
CITY_INITIALS = 100_000  # a city big enough to go by its initials
NOTABLE_POPULATION = 10_000  # see is_notable_place; set on LGL's first 150 articles
NOT_BUILT = "gazetteer index not built; run `make install` or `eventscope gazetteer build`"
_PLACE_COLUMNS = "id, gid, name, lat, lon, fclass, fcode, cc, admin1_code, admin2, population, border_km"
_NAMED = (
    "SELECT n.key, n.kind, p.id, p.gid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.admin1_code, "
    "p.admin2, p.population, p.border_km FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
)
_NAMED_MANY = _NAMED.replace("n.key = ?", "n.key IN ({})")
PREFETCH_BATCH = 500  # keys per query (SQLite allows at least 999 parameters)
MMAP_BYTES = 1 << 30  # the whole index (about 50 MB) is mapped; SQLite maps no more than the file
READ_KEYS = 200_000  # keys remembered as read before the memory starts afresh
# Words that only say what kind of unit a name is ("Idlib province", "Texas state").
UNIT_WORDS = frozenset(
    "province governorate state region district county prefecture oblast department municipality".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A candidate place for a name and how the name reached it: 0 official, 1 alternate, 2 without "al-",
    3 a county's name without "County" (resolution only: :meth:`Gazetteer.is_place_name` ignores it)."""

    place: Place
    kind: int


@dataclass(frozen=True, slots=True)
class _CountryRow:
    place_id: int
    capital_id: int | None
    neighbours: tuple[str, ...]
    bbox: tuple[float, float, float, float] | None


class Gazetteer:
    """Place lookups over one built index. Build one with :func:`load_gazetteer`."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._admin1_codes: dict[tuple[str, str], int] = {
            (cc, code): place for cc, code, place in db.execute("SELECT cc, code, place FROM admin1")
        }
        self._admin1_names: dict[int, str] = dict(
            db.execute("SELECT p.id, p.name FROM admin1 a JOIN places p ON p.id = a.place")
        )
        self._countries: dict[str, _CountryRow] = {}
        for cc, place, capital, neighbours, *box in db.execute(
            "SELECT cc, place, capital, neighbours, min_lat, min_lon, max_lat, max_lon FROM countries"
        ):
            bbox = tuple(box) if box[0] is not None else None
            self._countries[cc] = _CountryRow(
                place, capital, tuple(filter(None, neighbours.split(","))), bbox
            )  # type: ignore[arg-type]
        self._shapes: dict[str, borders.Coords] = {}
        self._borders: dict[tuple[str, str], borders.Coords] | None = None
        self._country_segments: dict[str, borders.SegmentIndex] = {}
        self._lexicon: PlaceLexicon | None = None
        self._demonym_places: dict[str, int] | None = None
        self._records: dict[int, Place] = {}
        # gazetteer id -> places.border_km and the place it holds for (see place_border_km); two maps, not
        # one of tuples: a cold pass adds thousands, each a long-lived object the collector walks
        self._border_of: dict[str, float] = {}
        self._border_place: dict[str, Place] = {}
        self._read_keys: set[str] = set()  # keys whose rows were read (see prefetch)
        self._pending: dict[str, list[tuple[Any, ...]]] = {}  # rows prefetched and not yet used
        # Exact surface forms ("U.S.", "Kan.") -> places, in id order (a few dozen rows: held in memory).
        self._abbreviations: dict[str, list[int]] = {}
        for surface, place in db.execute("SELECT surface, place FROM abbreviations ORDER BY surface, place"):
            self._abbreviations.setdefault(surface, []).append(place)
        self.lookup = lru_cache(maxsize=65536)(self._lookup)

    # names -------------------------------------------------------------------------------------

    def _lookup(self, name: str) -> tuple[NameMatch, ...]:
        surface = " ".join(name.split())
        found: dict[int, int] = {}
        abbreviated = self._abbreviations.get(surface, ())
        if not abbreviated and "." in surface and CUT_ABBREVIATION.match(surface):
            # "in the U.S." closing a sentence: the tokenizer gives the period to the sentence ("U.S")
            abbreviated = self._abbreviations.get(surface + ".", ())
        for place in abbreviated:
            found[place] = 0
        if found and "." in surface:  # "Kan." is Kansas, not the towns spelled Kan
            return tuple(NameMatch(p, 0) for p in self._places(found).values())
        key = fold(surface)
        variant = strip_article(key)
        queries = [(key, 0)] + ([(variant, 2)] if variant and variant != key else [])
        for query_key, penalty in queries:
            self._query(query_key, penalty, found)
        other_form = spelled_out(key)
        if other_form and 0 not in found.values():
            # "Mt. Pleasant" is spelled "Mount Pleasant" in GeoNames. Only when no place bears the name as
            # written (GeoNames' own "St. Louis" needs no "Saint Louis" namesakes beside it), and ranked as an
            # alternate spelling ("St. Paul" is not Antigua's parish by that parish's own name).
            self._query(other_form, 1, found)
        records = self._records
        if not abbreviated and "." in surface and INITIALS.match(surface):
            # Initials no list spells out ("D.A.", "P.O.") name a place only as a division's or a big
            # city's short name ("N.D.", "L.A."), never as a hamlet spelled "Da".
            found = {
                pid: kind
                for pid, kind in found.items()
                if pid in records
                and (
                    records[pid].feature_code in {"ADM1", "PCLI"} or records[pid].population >= CITY_INITIALS
                )
            }
        if abbreviated:
            self._places(abbreviated)  # places reached by an abbreviation only: maybe not read yet
        return tuple([NameMatch(records[pid], kind) for pid, kind in sorted(found.items()) if pid in records])

    def prefetch(self, names: Iterable[str]) -> None:
        """Read the rows of the names not read before in one query (an article's new names together: one
        round trip instead of one per name); :meth:`lookup` takes them from here, and reads what it does
        not find. Rows prefetched before and not used are dropped."""
        keys = []
        for name in dict.fromkeys(names):  # a name repeated in the article: its keys are added once anyway
            key = fold(" ".join(name.split()))
            variant = strip_article(key)
            for k in (key, variant) if variant and variant != key else (key,):
                if k not in self._read_keys:
                    self._read_keys.add(k)
                    keys.append(k)
        pending: dict[str, list[tuple[Any, ...]]] = {k: [] for k in keys}
        for i in range(0, len(keys), PREFETCH_BATCH):
            chunk = keys[i : i + PREFETCH_BATCH]
            for row in self._db.execute(_NAMED_MANY.format(",".join("?" * len(chunk))), chunk):
                pending[row[0]].append(row)
        self._pending = pending

    def _query(self, key: str, penalty: int, found: dict[int, int]) -> None:
        """The places named ``key``, their rows read in the same query (one round trip per key)."""
        records, codes, names = self._records, self._admin1_codes, self._admin1_names
        rows: Iterable[Sequence[Any]] | None = self._pending.pop(key, None)
        if rows is None:
            rows = self._db.execute(_NAMED, (key,))
            if len(self._read_keys) >= READ_KEYS:
                self._read_keys.clear()
            self._read_keys.add(key)
        for _, kind, pid, gid, name, lat, lon, fclass, fcode, cc, code, admin2, population, km in rows:
            if pid not in records:  # as _record, inlined: this runs once per row of a cold look-up
                admin1_id = codes.get((cc, code)) if code else None
                admin1 = name if fcode == "ADM1" else names.get(admin1_id) if admin1_id else None
                place = records[pid] = new_place(
                    gid, name, lat, lon, fclass, fcode, cc, admin1, admin2, population
                )
                if km is not None:
                    self._border_of[gid] = km
                    self._border_place[gid] = place
            reach = kind if kind > penalty else penalty
            if reach < found.get(pid, 9):
                found[pid] = reach

    def candidates(self, name: str) -> list[Place]:
        """All places whose folded name or alternate name equals the folded ``name`` (plus abbreviations)."""
        return [match.place for match in self.lookup(name)]

    def is_place_name(self, name: str) -> bool:
        """Fast membership test, for recognition (bare county names do not count, see index.BARE)."""
        return any(m.kind != BARE for m in self.lookup(name))

    def is_notable_place(self, name: str) -> bool:
        """A name of a country, division, county, listed region or a town of >= 10,000 people.

        Recognition asks this of a place name opening an organisation's name ("Gainesville Police"), where
        the name of a hamlet is far more often a person or a word ("Stevens", "University").
        """
        return any(
            m.kind != BARE
            and (
                m.place.population >= NOTABLE_POPULATION
                or m.place.feature_code in {"PCLI", "ADM1", "ADM2"}
                or m.place.gazetteer_id.startswith("region:")
            )
            for m in self.lookup(name)
        )

    def demonym_place(self, name: str) -> Place | None:
        """The division, region or continent a demonym is of ("Ohioans" -> Ohio, "European" -> Europe).

        Country demonyms are in :meth:`lexicon`; these are not place names (lookup never returns them).
        """
        if self._demonym_places is None:
            self._demonym_places = dict(self._db.execute("SELECT key, place FROM demonym_places"))
        place_id = self._demonym_places.get(fold(name))
        return self._place(place_id) if place_id is not None else None

    def lexicon(self) -> PlaceLexicon:
        """Country names, abbreviations and demonyms, for recognition and the article's country context."""
        if self._lexicon is None:
            # A name shared by two countries goes to the more populous one (rows in population order).
            names = dict(self._db.execute("SELECT key, cc FROM country_names ORDER BY population"))
            abbreviations = dict(
                self._db.execute(
                    "SELECT a.surface, p.cc FROM abbreviations a JOIN places p ON p.id = a.place "
                    "WHERE p.fcode = 'PCLI'"
                )
            )
            demonyms = dict(self._db.execute("SELECT key, cc FROM demonyms"))
            self._lexicon = PlaceLexicon(names, abbreviations, demonyms)
        return self._lexicon

    # countries and divisions -------------------------------------------------------------------

    def country(self, code: str) -> Place | None:
        """The country's representative point (world-countries ``latlng``), feature code PCLI."""
        row = self._countries.get(code.upper())
        return self._place(row.place_id) if row else None

    def capital(self, code: str) -> Place | None:
        row = self._countries.get(code.upper())
        return self._place(row.capital_id) if row and row.capital_id else None

    def country_bbox(self, code: str) -> tuple[float, float, float, float] | None:
        """min_lat, min_lon, max_lat, max_lon of the country's Natural Earth shape."""
        row = self._countries.get(code.upper())
        return row.bbox if row else None

    def neighbours(self, code: str) -> tuple[str, ...]:
        """ISO codes of the countries sharing a land border with ``code`` (GeoNames)."""
        row = self._countries.get(code.upper())
        return row.neighbours if row else ()

    def admin1(self, country_code: str, name: str) -> Place | None:
        """The first-level division of a country called ``name`` ("Idlib", "Idlib province")."""
        words = fold(name).split()
        trimmed = " ".join(w for w in words if w not in UNIT_WORDS) or " ".join(words)
        for query in dict.fromkeys((name, trimmed)):
            matches = [
                m.place
                for m in self.lookup(query)
                if m.place.feature_code == "ADM1" and m.place.country_code == country_code.upper()
            ]
            if matches:
                return max(matches, key=lambda p: p.population)
        return None

    def admin1_of(self, place: Place) -> Place | None:
        """The first-level division containing a place (the place itself for a division)."""
        if place.feature_code == "ADM1":
            return place
        row = self._db.execute(
            "SELECT cc, admin1_code FROM places WHERE gid = ?", (place.gazetteer_id,)
        ).fetchone()
        if row is None or row[1] is None:
            return None
        admin1_id = self._admin1_codes.get((row[0], row[1]))
        return self._place(admin1_id) if admin1_id else None

    def is_largest_town(self, place: Place) -> bool:
        """The place is the most populous town of its first-level division: usually the division's seat
        ("Aleppo", "Idlib"), whose countryside is the division's."""
        if place.feature_class != "P":
            return False
        town = self.largest_town(place)
        return town is not None and town.gazetteer_id == place.gazetteer_id

    def largest_town(self, place: Place) -> Place | None:
        """The most populous town of the place's first-level division (of the division itself, for one):
        the gazetteer keeps no seat codes, and the largest town is usually the seat ("Turkana": Lodwar)."""
        row = self._db.execute(
            "SELECT p.id FROM places p JOIN places q ON q.cc = p.cc AND q.admin1_code = p.admin1_code "
            "WHERE q.gid = ? AND p.fclass = 'P' ORDER BY p.population DESC, p.gid LIMIT 1",
            (place.gazetteer_id,),
        ).fetchone()
        return self._place(row[0]) if row is not None else None

    # borders and shapes ------------------------------------------------------------------------

    def _border_lines(self) -> dict[tuple[str, str], borders.Coords]:
        if self._borders is None:
            self._borders = {
                (a, b): borders.from_blob(line)
                for a, b, line in self._db.execute("SELECT a, b, line FROM borders")
            }
        return self._borders

    def border(self, a: str, b: str) -> Place | None:
        """The border zone between two countries: a point on their shared line, id ``border:LB-SY``."""
        first, second = sorted((a.upper(), b.upper()))
        row = self._db.execute(
            "SELECT lat, lon FROM borders WHERE a = ? AND b = ?", (first, second)
        ).fetchone()
        if row is None:
            return None
        names = [p.name if (p := self.country(code)) else code for code in (first, second)]
        return Place(
            gazetteer_id=f"border:{first}-{second}",
            name=f"{names[0]}–{names[1]} border",
            lat=row[0],
            lon=row[1],
            feature_class="L",
            feature_code="BRDR",
        )

    def border_km(self, lat: float, lon: float, a: str | None = None, b: str | None = None) -> float | None:
        """Distance (km) to the border between ``a`` and ``b``.

        With one code: to any land border of that country; with none: to the land borders of the country
        containing the point. None when there is no such line (islands, points at sea).
        """
        lines = self._border_lines()
        if a and b:
            pair = tuple(sorted((a.upper(), b.upper())))
            return borders.distance_km(lat, lon, lines[pair]) if pair in lines else None  # type: ignore[index]
        code = (a or b or self.country_at(lat, lon) or "").upper()
        if code not in self._country_segments:
            self._country_segments[code] = borders.segment_index(
                *borders.segments_of([line for pair, line in lines.items() if code in pair])
            )
        return borders.indexed_distance_km(lat, lon, self._country_segments[code])

    def place_border_km(self, place: Place) -> float | None:
        """``border_km(place.lat, place.lon, place.country_code)``: for a place of the index, the value the
        build computed with the same function (index.NO_BORDER: none); otherwise computed now."""
        known = self._border_of.get(place.gazetteer_id)
        # The value holds for the indexed point only (a caller may hand over a moved copy of a place).
        if known is not None:
            at = self._border_place[place.gazetteer_id]
            if (at.lat, at.lon, at.country_code) == (place.lat, place.lon, place.country_code):
                return None if known == NO_BORDER else known
        return self.border_km(place.lat, place.lon, place.country_code)

    def country_at(self, lat: float, lon: float) -> str | None:
        """ISO code of the country whose Natural Earth 1:10m shape contains the point."""
        for cc, row in self._countries.items():
            if row.bbox is None:
                continue
            min_lat, min_lon, max_lat, max_lon = row.bbox
            if not (min_lat <= lat <= max_lat and min_lon <= lon <= max_lon):
                continue
            if cc not in self._shapes:
                (blob,) = self._db.execute("SELECT shape FROM countries WHERE cc = ?", (cc,)).fetchone()
                self._shapes[cc] = borders.from_blob(blob)
            if borders.contains(self._shapes[cc], lat, lon):
                return cc
        return None

    # rows -> records ---------------------------------------------------------------------------

    def _places(self, ids: Iterable[int]) -> dict[int, Place]:
        """Places by id, built once each (a place recurs under several names and across articles)."""
        records, ids = self._records, list(ids)
        wanted = [i for i in ids if i not in records]
        if wanted:
            marks = ",".join("?" * len(wanted))
            for row in self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id IN ({marks})", wanted):
                records[row[0]] = self._record(row)
        return {i: records[i] for i in ids if i in records}

    def _place(self, place_id: int) -> Place | None:
        return self._places([place_id]).get(place_id)

    def _record(self, row: tuple) -> Place:  # type: ignore[type-arg]
        pid, gid, name, lat, lon, fclass, fcode, cc, admin1_code, admin2, population, km = row
        admin1_id = self._admin1_codes.get((cc, admin1_code)) if admin1_code else None
        admin1 = name if fcode == "ADM1" else self._admin1_names.get(admin1_id) if admin1_id else None
        place = Place(gid, name, lat, lon, fclass, fcode, cc, admin1, admin2, population)
        if km is not None:
            self._border_of[gid] = km
            self._border_place[gid] = place
        return place


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Open a built index (default: the package's ``data/gazetteer.generated.sqlite``)."""
    path = path or DEFAULT_INDEX
    if not path.is_file():
        raise GazetteerError(NOT_BUILT)
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # Pages read through a memory map, not copied in one read call each: a cold look-up of an
        # article's names touches a few thousand pages scattered over the file (its rows ~15% faster).
        db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        gazetteer = Gazetteer(db)
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(
            f"gazetteer index {path} is unreadable ({exc}); rebuild it with `eventscope gazetteer build`"
        ) from exc
    if meta.get("schema") != SCHEMA_VERSION:
        raise GazetteerError(
            f"gazetteer index {path} is from another version; rebuild it with `eventscope gazetteer build`"
        )
    return gazetteer
