"""A weak reading in a country the article does not support is not accepted (support_check), on our own
sentences and hand-made candidates.

Weak: a hamlet, or a place reached only by an alternate spelling that does not hold its own name. Such
a winner stands when the text names its country, another name supports it, its country borders one the
article supports, or the article gives no country context at all; otherwise the name takes its best
reading in a supported country, or stays unresolved.
"""

from __future__ import annotations

from eventscope.models import Evidence, Place, PlaceRef, Toponym
from eventscope.resolve.geo.candidates import Candidate, NameEntry, Weights, candidate_of
from eventscope.resolve.geo.gazetteer import Gazetteer, NameMatch
from eventscope.resolve.geo.resolver import Geocoder
from eventscope.resolve.geo.support_check import Support, fallback, weak
from eventscope.resolve.geo.votes import name_divisions, name_votes

W = Weights()


def town(gid: str, name: str, cc: str, population: int, code: str = "PPL") -> Place:
    return Place(gid, name, 10.0, 10.0, "P", code, cc, "North", None, population)


def unit(gid: str, name: str, cc: str, code: str = "ADM1") -> Place:
    return Place(gid, name, 10.0, 10.0, "A", code, cc, name if code == "ADM1" else None)


def cand(place: Place, kind: int) -> Candidate:
    return candidate_of(NameMatch(place, kind), W)


def entry(key: str, *candidates: Candidate) -> NameEntry:
    matches = tuple(c.match for c in candidates)
    countries = {c.cc for c in candidates}
    return NameEntry(
        matches=matches,
        candidates=candidates,
        key=key,
        country=next(iter(countries)) if len(countries) == 1 else None,
        one_division=len({c.division for c in candidates}) == 1,
        votes=name_votes(name_divisions(matches)),
        ordered=candidates,
        by_country={},
    )


def no_neighbours(cc: str) -> tuple[str, ...]:
    return ()


# what is weak -------------------------------------------------------------------------------------------


def test_a_small_town_by_another_spelling_is_weak() -> None:
    assert weak(cand(town("g:1", "Qorvelle", "FR", 4_000), 1), "korvel")


def test_a_city_by_another_spelling_is_not_weak() -> None:
    # well-known other names of cities ("Kiev", "Bombay") are not stray words
    assert not weak(cand(town("g:2", "Qorvelle", "FR", 900_000), 1), "korvel")


def test_an_alternate_name_holding_the_own_name_is_not_weak() -> None:
    assert not weak(cand(unit("g:3", "Marrow", "ZZ"), 1), "marrow county")
    assert not weak(cand(town("g:4", "Marrow", "ZZ", 8_000), 1), "new marrow")


def test_a_division_by_another_spelling_is_weak_by_its_own_name_not() -> None:
    assert weak(cand(unit("g:5", "Marrowland", "ZZ"), 1), "mw")
    assert not weak(cand(unit("g:5", "Marrowland", "ZZ"), 0), "marrowland")
    assert not weak(cand(unit("g:5", "Marrowland", "ZZ"), 3), "marrowland")  # a county's bare name


def test_a_country_by_any_name_is_not_weak() -> None:
    assert not weak(cand(Place("country:ZZ", "Zedland", 1.0, 1.0, "A", "PCLI", "ZZ"), 1), "old zed")


def test_a_hamlet_is_weak_a_town_not() -> None:
    assert weak(cand(town("g:6", "Pellow", "ZZ", 300), 0), "pellow")
    assert weak(cand(town("g:7", "Pellow", "ZZ", 0), 0), "pellow")  # size unknown
    assert not weak(cand(town("g:8", "Pellow", "ZZ", 12_000), 0), "pellow")


# what the article supports ------------------------------------------------------------------------------


def test_a_supported_country_takes_over_from_a_weak_reading() -> None:
    stray = cand(town("g:10", "Quillo", "AA", 500), 1)
    home = cand(town("g:11", "Kwilo", "BB", 200), 0)
    name = entry("kwilo", stray, home)
    # another name of the article lies in BB only, by its own name
    other = entry("brenton", cand(town("g:12", "Brenton", "BB", 50_000), 0))
    support = Support((), {0: name, 1: other}, {}, no_neighbours)
    assert fallback(stray, name, support, []) == (home,)


def test_a_weak_reading_with_no_reading_in_the_supported_country_is_left() -> None:
    stray = cand(town("g:10", "Quillo", "AA", 500), 1)
    name = entry("kwilo", stray)
    support = Support(("BB",), {0: name}, {}, no_neighbours)
    assert fallback(stray, name, support, []) == ()


def test_a_weak_reading_stands_in_a_named_or_neighbouring_country_or_without_context() -> None:
    stray = cand(town("g:10", "Quillo", "AA", 500), 1)
    name = entry("kwilo", stray)
    assert fallback(stray, name, Support(("AA",), {0: name}, {}, no_neighbours), []) is None
    assert fallback(stray, name, Support(("BB",), {0: name}, {}, lambda cc: ("BB",)), []) is None
    assert fallback(stray, name, Support((), {0: name}, {}, no_neighbours), []) is None


def test_two_weak_words_do_not_hold_each_other_up() -> None:
    stray = cand(town("g:10", "Quillo", "AA", 500), 1)
    other = cand(town("g:13", "Morrin", "CC", 300), 0)  # a hamlet: no support for CC
    name, second = entry("kwilo", stray), entry("morin", other)
    first = {0: stray.match.place, 1: other.match.place}
    assert fallback(stray, name, Support((), {0: name, 1: second}, first, no_neighbours), []) is None


def test_a_weak_reading_next_to_another_place_of_the_article_stands() -> None:
    stray = cand(town("g:10", "Quillo", "AA", 500), 1)  # at 10N 10E
    name = entry("kwilo", stray)
    support = Support(("BB",), {0: name}, {}, no_neighbours)
    assert fallback(stray, name, support, [(10.5, 10.5, "BB", None)]) is None  # some 80 km away
    assert fallback(stray, name, support, [(30.0, 10.0, "BB", None)]) == ()  # over 2,000 km away


# in the geocoder -----------------------------------------------------------------------------------------


def mention(text: str, phrase: str, admin_hint: str | None = None) -> Toponym:
    start = text.index(phrase)
    return Toponym(Evidence("a", start, start + len(phrase), phrase), "test", None, admin_hint)


def resolve(geocoder: Geocoder, text: str, *toponyms: Toponym) -> list[PlaceRef]:
    refs = geocoder.resolve(toponyms, article_text=text)
    return [refs[(t.evidence.start, t.evidence.end)] for t in toponyms]


def test_a_stray_word_among_places_of_another_country_stays_unresolved(gazetteer: Gazetteer) -> None:
    # "Runo" reaches only a hamlet of Estonia by another spelling; the other names lie in the US
    text = "Runo, a farmhand from Dayton, was arrested in Toledo on Friday."
    runo, dayton, toledo = resolve(
        Geocoder(gazetteer), text, mention(text, "Runo"), mention(text, "Dayton"), mention(text, "Toledo")
    )
    assert runo.place is None
    assert dayton.place is not None and dayton.place.country_code == "US"


def test_the_stray_reading_stands_when_the_article_supports_its_country(gazetteer: Gazetteer) -> None:
    text = "Runo, a farmhand from Estonia, was arrested in Toledo on Friday."
    (runo,) = resolve(Geocoder(gazetteer), text, mention(text, "Runo"))
    assert runo.place is not None and runo.place.country_code == "EE"
    alone = "Runo was quiet on Friday."
    (runo,) = resolve(Geocoder(gazetteer), alone, mention(alone, "Runo"))
    assert runo.place is not None  # no context at all: the only reading is kept


def test_a_neighbouring_country_supports_the_reading(gazetteer: Gazetteer) -> None:
    text = "Latvian fishermen landed at Runo and sailed on to Riga."
    runo, _ = resolve(Geocoder(gazetteer), text, mention(text, "Runo"), mention(text, "Riga"))
    assert runo.place is not None and runo.place.country_code == "EE"
