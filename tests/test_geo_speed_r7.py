"""The geocoder's round-7 shortcuts give what the computation they replace gives (values, not speed).

Candidate keys read from per-feature-code facts and shared key tuples, the name book's entries without
sorting a single candidate, the coherence vote filled into a plain dict, the country scan's window read
word by word, border distances kept in two maps, prefetch of repeated names, the memory-mapped index,
and the first pass's hoisted ranking loop (a whole geocoder against the candidates scored one by one).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import pytest

from eventscope.models import Evidence, Toponym
from eventscope.resolve.geo.build import DEFAULT_INDEX
from eventscope.resolve.geo.candidates import (
    ALL_DIVISIONS,
    STATIC_ORDER,
    Weights,
    candidate_of,
    coherence_key,
    level_of,
)
from eventscope.resolve.geo.gazetteer import Gazetteer, load_gazetteer
from eventscope.resolve.geo.lists import list_kind
from eventscope.resolve.geo.name_book import NameBook
from eventscope.resolve.geo.resolver import Geocoder
from eventscope.resolve.geo.votes import _WORD, WHOLE_UNITS, CountryScan, name_votes

NAMES = [
    "Springfield", "Paris", "Washington", "Alexandria", "Aleppo", "Georgia", "Henry County", "Lebanon",
    "Mexico", "St. Louis", "Mt. Pleasant", "Al Qusayr", "U.S.", "Kan.", "Ohio", "Jordan", "Canadian",
    "Victoria", "Nowhere Xyz", "Cornwall", "Kisumu", "Middle East", "Syria", "Idlib", "Ohioans",
]  # fmt: skip


def test_candidate_keys_are_those_of_the_place(gazetteer: Gazetteer) -> None:
    matches = [m for name in NAMES for m in gazetteer.lookup(name)]
    assert len({m.place.feature_code for m in matches}) > 5
    for m in matches:
        c, place = candidate_of(m, Weights()), m.place
        assert c.division == (
            place.country_code,
            ALL_DIVISIONS if place.feature_code == "PCLI" else place.admin1,
        )
        assert c.coherence_key == coherence_key(place)
        assert c.unit == (place.feature_code in WHOLE_UNITS)
        assert c.populated == (place.feature_class == "P")
        assert c.district == (place.feature_code.startswith("ADM") and place.feature_code != "ADM1")
        assert c.kind is list_kind(level_of(place))


def test_name_entries_are_ordered_and_grouped_as_by_sorting(gazetteer: Gazetteer) -> None:
    book = NameBook(gazetteer, Weights())
    sizes = set()
    for name in NAMES:
        entry = book.entry(name)
        sizes.add(min(len(entry.candidates), 2))
        ordered = tuple(sorted(entry.candidates, key=STATIC_ORDER, reverse=True))
        groups: dict[str, list[object]] = {}
        for c in ordered:
            groups.setdefault(c.cc, []).append(c)
        assert entry.ordered == ordered
        assert entry.by_country == {cc: tuple(g) for cc, g in groups.items()}
        assert list(entry.by_country) == list(groups)
        assert entry.candidates == tuple(book.static(m) for m in entry.matches)
    assert sizes == {0, 1, 2}  # no candidate, one, several


def _reference_votes(divisions: tuple[tuple[str | None, str | None], ...]) -> dict:  # type: ignore[type-arg]
    mine: dict = defaultdict(float)  # type: ignore[type-arg]
    for cc, admin1 in divisions:
        if admin1 is not None:
            mine[(cc, admin1)] += 1.0 / len(divisions)
        mine[(cc, None)] += 1.0 / len(divisions)
    return dict(mine)


@pytest.mark.parametrize(
    "divisions",
    [
        (),
        (("US", "Ohio"),),
        (("US", "Ohio"), ("US", "Texas"), ("US", None), ("FR", "Île-de-France"), ("US", "Ohio")),
        tuple(("US", f"S{i}") for i in range(7)) + (("CA", None), ("US", None)),
    ],
)
def test_name_votes_are_those_of_the_defaultdict(divisions: tuple) -> None:  # type: ignore[type-arg]
    votes, expected = name_votes(divisions), _reference_votes(divisions)
    assert votes == expected
    assert list(votes.items()) == list(expected.items())  # same order, same floats


def test_scan_window_read_word_by_word_is_the_three_word_window(gazetteer: Gazetteer) -> None:
    scan, lexicon = CountryScan(gazetteer), gazetteer.lexicon()
    text = (
        "The Republic of the Congo, the Central African Republic, New York and New Mexico, United States "
        "and United Kingdom forces, the U.S. and South Sudan; Democratic Republic of Congo. Syria Iraq"
    )
    checked = 0
    for m in _WORD.finditer(text):
        eager, after = [m.group()], m.end()
        for _ in range(2):
            nxt = _WORD.search(text, after)
            if nxt is None:
                break
            eager.append(nxt.group())
            after = nxt.end()
        words, ends = [m.group()], [m.end()]
        window = scan._window(lexicon, words, 0, text, ends)
        assert window == scan._window(lexicon, eager, 0)
        assert words == eager[: len(words)] and len(ends) == len(words)
        checked += len(window) > 1
    assert checked >= 5  # windows of two and three words were read


def test_border_distance_maps_hold_the_indexed_places(gazetteer: Gazetteer) -> None:
    fresh = load_gazetteer()
    places = [m.place for name in NAMES for m in fresh.lookup(name)]
    kept = [p for p in places if p.gazetteer_id in fresh._border_of]
    assert kept
    for place in kept:
        assert fresh._border_place[place.gazetteer_id] == place
        assert fresh.place_border_km(place) == gazetteer.border_km(place.lat, place.lon, place.country_code)


def test_prefetch_of_repeated_names_equals_lookups_one_by_one(gazetteer: Gazetteer) -> None:
    fresh = load_gazetteer()
    fresh.prefetch(NAMES + NAMES[::-1] + ["Paris", "paris", "PARIS"])
    for name in NAMES + ["paris", "PARIS"]:
        assert fresh.lookup(name) == gazetteer.lookup(name), name


def test_memory_mapped_index_reads_the_same_rows(gazetteer: Gazetteer) -> None:
    if not DEFAULT_INDEX.is_file():
        pytest.skip("gazetteer index not built")
    plain = Gazetteer(sqlite3.connect(f"file:{DEFAULT_INDEX}?mode=ro", uri=True))
    assert plain._db.execute("PRAGMA mmap_size").fetchone()[0] == 0
    assert gazetteer._db.execute("PRAGMA mmap_size").fetchone()[0] > 0
    for name in NAMES:
        assert plain.lookup(name) == gazetteer.lookup(name), name


def _toponym(text: str, start: int, admin_hint: str | None = None, hint: str | None = None) -> Toponym:
    return Toponym(Evidence("a", start, start + len(text), text), "test", hint, admin_hint)


def test_ranking_scores_every_candidate_as_the_plain_sum(gazetteer: Gazetteer) -> None:
    geocoder = Geocoder(gazetteer)
    toponyms = [
        _toponym("Springfield", 0),
        _toponym("Paris", 20, "Texas"),
        _toponym("Washington", 40),
        _toponym("Alexandria", 60, hint="city"),
        _toponym("Ohio", 80),
        _toponym("Victoria", 90, hint="state"),
    ]
    text = "Springfield and Paris, Texas, Washington, the city of Alexandria, Ohio; the state of Victoria."
    refs = geocoder.resolve(toponyms, article_text=text)
    w = geocoder.weights
    share = {"US": 1.0}
    for t in toponyms:
        entry = geocoder._book.entry(t.evidence.text)
        if len(entry.candidates) < 2:
            continue
        scope = geocoder._hints.scope(t.admin_hint)
        plain = not (scope[0] or scope[1]) and t.feature_hint not in {"city", "town", "village", "area"}
        plain = plain and t.feature_hint not in {"province", "governorate", "state", "district"}

        def score(c, plain=plain, t=t, scope=scope):  # type: ignore[no-untyped-def]
            if plain:
                return c.static + w.context * share.get(c.cc, 0.0)
            return c.static + geocoder._hints.score(c, t.feature_hint, share, scope)

        expected = max((score(c), c.gid, c) for c in entry.candidates)[2].match.place
        assert geocoder._rank(entry.candidates, t, share, []) == expected, t.evidence.text
        assert geocoder._rank(entry.ordered, t, share, []) == expected, t.evidence.text
    assert all(r.place is not None for r in refs.values())
