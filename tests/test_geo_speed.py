"""The geocoder's shortcuts give what the plain computation gives (values, not speed: see bench/geocoder.py).

Each shortcut of the speed work is checked against the computation it replaces: border distances read
from the index or found through chunk boxes, the first pass ranked by country groups, prefetched look-ups,
the coherence votes, the country scan's memos, its capitalised-words pass and its all-capitals shortcut.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter, defaultdict

import numpy as np
import pytest

from eventscope.gcpolicy import fewer_collections
from eventscope.models import Evidence, Toponym
from eventscope.resolve.geo import borders
from eventscope.resolve.geo.gazetteer import Gazetteer, NameMatch, load_gazetteer
from eventscope.resolve.geo.names import fold
from eventscope.resolve.geo.resolver import Geocoder
from eventscope.resolve.geo.votes import (
    _WORD,
    WHOLE_UNITS,
    CountryScan,
    _caps_pronouns,
    _country_mention,
    _starts_word,
    coherence_votes,
)
from eventscope.textcase import caps_pronouns

NAMES = [
    "Springfield", "Paris", "Washington", "Alexandria", "Aleppo", "Kiev", "Georgia", "Henry County",
    "Lebanon", "Mexico", "St. Louis", "Mt. Pleasant", "Al Qusayr", "U.S.", "Kan.", "Ohio", "Jordan",
    "Birmingham", "Tripoli", "Canadian", "Franklin", "Monrovia", "Santiago", "Victoria", "Nowhere Xyz",
]  # fmt: skip
STORY = (
    "The United States and the U.S. Army said on Monday that Syrian forces moved toward Aleppo. The State "
    "Department and Georgia's governor disagreed; officials in Tbilisi, Georgia, and in the Republic of "
    "Congo, the Central African Republic and South Sudan watched. The I.R.A. and the US, U.K. and Iraq's "
    "premier said nothing. Americans, Mexicans and Lebanese citizens were among them. New York, New Mexico."
)


def toponym(text: str, start: int = 0) -> Toponym:
    return Toponym(Evidence("a", start, start + len(text), text), "test")


def test_indexed_border_distance_is_the_full_scan_value(gazetteer: Gazetteer) -> None:
    lines = gazetteer._border_lines()
    rng = np.random.default_rng(7)
    for code in ("US", "RU", "CN", "FJ", "SY", "IN", "KI", "NZ"):
        start, end = borders.segments_of([line for pair, line in lines.items() if code in pair])
        index = borders.segment_index(start, end)
        for k in range(60):
            if k % 2 and len(start):  # near the border, where the nearest segment is contested
                lon, lat = start[rng.integers(len(start))] + rng.normal(0, 2, 2)
                lat, lon = float(np.clip(lat, -89, 89)), float((lon + 180) % 360 - 180)
            else:
                lat, lon = float(rng.uniform(-85, 85)), float(rng.uniform(-180, 180))
            expected = borders.segments_distance_km(lat, lon, start, end)
            assert borders.indexed_distance_km(lat, lon, index) == expected, (code, lat, lon)


def test_border_km_read_from_the_index_is_the_computed_value(gazetteer: Gazetteer) -> None:
    places = [m.place for name in NAMES for m in gazetteer.lookup(name)]
    assert len(places) > 100
    for place in places:
        expected = gazetteer.border_km(place.lat, place.lon, place.country_code)
        assert gazetteer.place_border_km(place) == expected, place
    # A moved copy of a place is not the indexed point: its distance is computed for where it is.
    town = next(p for p in places if p.country_code == "US" and p.feature_class == "P")
    moved = dataclasses.replace(town, lat=town.lat + 3.0)
    assert gazetteer.place_border_km(moved) == gazetteer.border_km(moved.lat, moved.lon, "US")
    assert gazetteer.place_border_km(moved) != gazetteer.place_border_km(town)


def test_first_pass_by_country_groups_is_the_full_ranking(gazetteer: Gazetteer) -> None:
    geocoder = Geocoder(gazetteer)
    rng = random.Random(3)
    for text in NAMES:
        name = geocoder._name(text)
        countries = sorted({c.cc for c in name.candidates}) + ["FR", "SY", "ZZ"]
        for _ in range(30):
            picked = rng.sample(countries, rng.randint(0, min(4, len(countries))))
            # Shares as resolve makes them (n / top), ties between countries included.
            counts = {cc: rng.randint(1, 3) for cc in picked}
            top = max(counts.values(), default=0)
            share = {cc: n / top for cc, n in counts.items()}
            expected = geocoder._rank(name.candidates, toponym(text), share, [])
            assert geocoder._by_country_share(name, share) == expected, (text, share)


def test_prefetched_lookups_equal_lookups_one_by_one(gazetteer: Gazetteer) -> None:
    fresh = load_gazetteer()
    fresh.prefetch(NAMES[: len(NAMES) // 2])
    fresh.prefetch(NAMES)  # rows of the first call not used yet are dropped, not lost to lookup
    for name in NAMES:
        assert fresh.lookup(name) == gazetteer.lookup(name), name
    assert load_gazetteer().lookup("Springfield") == gazetteer.lookup("Springfield")


def _reference_coherence(toponyms, generic):  # type: ignore[no-untyped-def]
    """The coherence votes as first written (one pass, no per-name cache)."""
    per_name = {}
    for i, matches in generic.items():
        key = fold(toponyms[i].evidence.text)
        if key in per_name:
            continue
        units = [m for m in matches if m.kind == 0 and m.place.feature_code in WHOLE_UNITS]
        per_name[key] = {
            (m.place.country_code, m.place.admin1)
            for m in (units or matches)
            if m.place.admin1 or m.place.feature_code == "PCLI"
        }
    total = defaultdict(float)
    own = {}
    for key, divisions in per_name.items():
        mine = own[key] = defaultdict(float)
        for cc, admin1 in divisions:
            if admin1 is not None:
                mine[(cc, admin1)] += 1.0 / len(divisions)
            mine[(cc, None)] += 1.0 / len(divisions)
        for d, v in mine.items():
            total[d] += v
    return {
        key: {d: total[d] - mine[d] for d in total if total[d] - mine[d] > 0} for key, mine in own.items()
    }


def test_coherence_votes_are_the_first_written_ones(gazetteer: Gazetteer) -> None:
    toponyms = [toponym(text, 10 * i) for i, text in enumerate(NAMES + ["springfield", "Paris"])]
    generic: dict[int, tuple[NameMatch, ...]] = {
        i: gazetteer.lookup(t.evidence.text) for i, t in enumerate(toponyms)
    }
    votes = coherence_votes(toponyms, generic)
    assert votes == _reference_coherence(toponyms, generic)
    assert votes[fold("Springfield")]  # the other names vote for divisions Springfield may be in


def _reference_scan(gazetteer: Gazetteer, text: str) -> Counter[str]:
    """The country scan without memos or shortcuts: every capitalised word that starts a name is tried."""
    import re

    lexicon = gazetteer.lexicon()
    starts = {k.split()[0] for k in [*lexicon.country_names, *lexicon.demonyms] if k.split()}
    starts |= {a.casefold().split()[0] for a in lexicon.country_abbreviations if a.split()}
    words = re.findall(r"[A-Za-z][\w’'.]*", re.sub(r"[’']s\b", "", caps_pronouns(text)))
    votes: Counter[str] = Counter()
    end = 0
    for i, w in enumerate(words):
        if i < end or not (w[0].isupper() and (w.casefold() in starts or fold(w) in starts)):
            continue
        found = _country_mention(lexicon, words, i)
        if found and not any(
            m.kind == 0 and m.place.feature_code == "ADM1" and m.place.country_code != found[0]
            for m in gazetteer.lookup(" ".join(words[i : i + found[1]]))
        ):
            votes[found[0]] += 1
        end = i + (found[1] if found else 1)
    return votes


def test_country_scan_with_memos_counts_as_the_plain_scan(gazetteer: Gazetteer) -> None:
    scan = CountryScan(gazetteer)
    expected = _reference_scan(gazetteer, STORY)
    assert expected["US"] >= 2 and expected["CF"] == 1  # "Georgia" names a US state: it does not count
    assert scan.votes((), STORY) == expected
    variant = STORY.replace("Monday", "Tuesday") + " The United Kingdom."  # a second text: memos in use
    assert scan.votes((), variant) == _reference_scan(gazetteer, variant)
    shouted = STORY.upper()  # all capitals: "US" is a pronoun there, lowered before the scan
    assert scan.votes((), shouted) == _reference_scan(gazetteer, shouted)


TRICKY = [
    "iSyria and iPhone Syria, 3Iraq, _Iran, éIran, ’Syria', 'Iraq’s and Syria'sSyria.",
    "U.S.-led forces, the U.S.Army and U.K.'s envoy; New York,New Mexico and Republic of\nCongo.",
    "the Central African\tRepublic, South  Sudan, Democratic Republic of the Congo, DRC. Syrian",
    "Georgia Georgia Georgia United States United Kingdom Congo Brazzaville Costa Rica...Iraq",
]


@pytest.mark.parametrize("text", TRICKY + [STORY, "", "Syria"])
def test_word_starts_are_those_of_the_word_split(text: str) -> None:
    # The scan's capitalised-words pass looks only at positions where the full word split starts a word.
    expected = {m.start() for m in _WORD.finditer(text) if m.group()[0].isupper()}
    found = {i for i, c in enumerate(text) if "A" <= c <= "Z" and _starts_word(text, i)}
    assert found == expected


def test_country_scan_of_unusual_words_counts_as_the_plain_scan(gazetteer: Gazetteer) -> None:
    scan = CountryScan(gazetteer)
    for text in TRICKY:
        assert scan.votes((), text) == _reference_scan(gazetteer, text), text
    # "iSyria", "’Syria'" and "Syria'sSyria" are words of their own; "3Iraq", "_Iran", "éIran" hold a name.
    assert _reference_scan(gazetteer, TRICKY[0]) == Counter({"SY": 1, "IQ": 2, "IR": 2})


def test_fewer_collections_raises_the_threshold_and_restores_it(gazetteer: Gazetteer) -> None:
    import gc

    before = gc.get_threshold()
    with fewer_collections(threshold=before[0] + 1000):
        assert gc.get_threshold() == (before[0] + 1000, *before[1:])
        with fewer_collections(threshold=before[0] + 10):  # nested: the higher one stays
            assert gc.get_threshold()[0] == before[0] + 1000
        assert gc.get_threshold()[0] == before[0] + 1000
    assert gc.get_threshold() == before
    Geocoder(gazetteer).resolve([toponym("Paris")], article_text="Paris, France.")
    assert gc.get_threshold() == before  # resolve runs under fewer_collections and leaves it as it was


@pytest.mark.parametrize(
    "text",
    [
        "TOLD US THE US ARMY WAS THERE AND THE U.S. NAVY TOO, SAID THE OFFICIALS IN THE CAPITAL",
        "The US said it told us so.",
        "US " * 30,
        "THE US ARMY eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
        "",
    ],
)
def test_caps_pronouns_shortcut(text: str) -> None:
    assert _caps_pronouns(text) == caps_pronouns(text)
