"""Whole units in context: a country takes the divisions named inside it; second-level divisions by name."""

from __future__ import annotations

from eventscope.models import Evidence, Place, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.resolver import Geocoder, Weights


def resolve_all(geocoder: Geocoder, text: str, phrases: list[str]) -> list[Place | None]:
    toponyms, start = [], 0
    for phrase in phrases:
        start = text.index(phrase, start)
        toponyms.append(Toponym(Evidence("a", start, start + len(phrase), phrase), "gold"))
        start += len(phrase)
    refs = geocoder.resolve(toponyms, article_text=text)
    return [refs[(t.evidence.start, t.evidence.end)].place for t in toponyms]


STORY = "Health officials in Mexico City reported new cases. Mexico closed schools across the capital."


def test_a_country_named_beside_its_capital_stays_the_country(gazetteer: Gazetteer) -> None:
    # "Mexico" is also an alternate name of the capital, whose division the story names ("Mexico City"):
    # the country holds that division and takes its share too (before, the capital won).
    city, country = resolve_all(Geocoder(gazetteer), STORY, ["Mexico City", "Mexico"])
    assert city is not None and city.feature_code == "PPLC"
    assert country is not None and country.feature_code == "PCLI" and country.country_code == "MX"


def test_the_second_level_term_applies_to_a_division_by_its_own_name(gazetteer: Gazetteer) -> None:
    # Bulacan: a province of Luzon (a Natural Earth unit, ADM2), a town of 83,000 in it, a village on
    # Mindanao. The term ranks the province by its own name; it is small beside a large town's population.
    text = "Bird flu was found on farms in Bulacan, Philippine officials said."
    (town,) = resolve_all(Geocoder(gazetteer, Weights(admin2_official=0.0)), text, ["Bulacan"])
    assert town is not None and town.feature_class == "P" and town.lat > 14.0
    (province,) = resolve_all(Geocoder(gazetteer, Weights(admin2_official=4.0)), text, ["Bulacan"])
    assert province is not None and province.feature_code == "ADM2" and province.lat > 14.0
