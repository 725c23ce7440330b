"""Names the gazetteer lacks that are named after a place it holds: "Salinas Valley", "Nyanza Province",
"Da Nang International Airport", "Hamilton Township", "Greater Mumbai", "North Dallas".

A valley, bay, airport, camp or former province named by a place lies at or around that place, and a
city quarter named by the compass lies inside its city. :func:`named_after` returns that place's
gazetteer matches, as variant-name matches (ranked below any place bearing the name itself), and only
when the whole name is unknown. The resolver marks such a town as "near X" (``PlaceLevel.DISTRICT``),
never as the feature itself. :func:`hinted_division` is the same fallback for a town named with its
division ("Stroud, Ontario") when no town of that name lies in it.
"""

from __future__ import annotations

from eventscope.models import Place
from eventscope.resolve.geo.gazetteer import NOTABLE_POPULATION, Gazetteer, NameMatch
from eventscope.resolve.geo.phrases import direction

# "<place> <word>": the words that name a feature, unit or facility after a place.
TAILS = frozenset(
    {
        "valley",
        "delta",
        "bay",
        "harbour",
        "harbor",
        "island",
        "islands",
        "peninsula",
        "basin",
        "plateau",
        "province",
        "region",
        "district",
        "county",
        "municipality",
        "metropolitan area",
        "metro area",
        "airport",
        "international airport",
        "air base",
        "airbase",
        "military base",
        "camp",
        "refugee camp",
        "proving ground",
    }
)
# US civil townships and boroughs ("Hamilton Township") are not in GeoNames' populated places; the town
# they are named after, whatever its size, usually lies inside them.
CIVIL_UNITS = frozenset({"township", "twp", "borough"})
# "<word> <place>": a greater area around a city, or a quarter of it named by the compass ("North",
# "Northern", "North-Western", "northwest": phrases.direction).
HEADS = frozenset({"greater", "metropolitan", "downtown"})
UNITS = frozenset({"ADM1", "ADM2"})
CITY_POPULATION = 100_000  # a town big enough to have quarters named "North X"
VARIANT = 2  # NameMatch.kind of a name matched only in part (see candidates.candidate_of)


def named_after(gazetteer: Gazetteer, text: str) -> tuple[NameMatch, ...]:
    """The candidates of the place ``text`` is named after, or () when it names none we know."""
    words = text.split()
    if len(words) < 2:
        return ()
    last = words[-1].casefold().rstrip(".")
    if last in CIVIL_UNITS:
        head = " ".join(words[:-1])
        return tuple(
            NameMatch(m.place, VARIANT) for m in gazetteer.lookup(head) if m.place.feature_class == "P"
        )
    head, least = "", NOTABLE_POPULATION
    for size in (3, 2, 1):
        if len(words) > size and " ".join(words[-size:]).casefold() in TAILS:
            head = " ".join(words[:-size])
            break
    if not head and (words[0].casefold() in HEADS or direction(words[0]) is not None):
        # "North Dallas" is a part of a city; "West Prince" is not a part of a town called Prince.
        head, least = " ".join(words[1:]), CITY_POPULATION
    if not head:
        return ()
    # The place by its own name, a division or a town big enough to name its surroundings: the name of a
    # hamlet is more often a word ("Plum Island", "Central Plateau").
    return tuple(
        NameMatch(m.place, VARIANT)
        for m in gazetteer.lookup(head)
        if m.kind == 0
        and (m.place.feature_code in UNITS or (m.place.feature_class == "P" and m.place.population >= least))
    )


def hinted_division(gazetteer: Gazetteer, hint: str | None, place: Place | None) -> Place | None:
    """The division the text puts a town in, when no town of that name lies there: "Stroud, Ontario" with
    no Stroud in Ontario is somewhere in Ontario (at the division's precision), never the Stroud of
    another country. Only a hint that names one first-level division and nothing else of its rank
    ("Suffolk" is an English county and a Virginian town) stands in; None otherwise, and when ``place``
    (the best candidate) lies in the division or is no town."""
    if place is None or place.feature_class != "P" or not hint:
        return None  # a unit or region named beside another is no place's seat ("the US and Canada")
    if gazetteer.lexicon().country_code(hint):
        return None  # "Tbilisi, Georgia": a country's name first, and a country is no fallback
    units = {
        m.place.gazetteer_id: m.place
        for m in gazetteer.lookup(hint)
        if m.kind == 0 and m.place.feature_code in UNITS
    }
    if len(units) != 1:
        return None
    (unit,) = units.values()
    if unit.feature_code != "ADM1" or (place.country_code, place.admin1) == (unit.country_code, unit.name):
        return None
    return unit
