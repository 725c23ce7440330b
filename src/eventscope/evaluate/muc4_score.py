"""The issue's MUC-4 metrics: a message's predicted main incident against its answer key's templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from eventscope.evaluate.metrics import detection_f1, haversine_km, share
from eventscope.evaluate.muc4_data import MucTemplate
from eventscope.evaluate.muc4_text import name_key
from eventscope.models import Place

if TYPE_CHECKING:
    from eventscope.resolve.actors import ActorDictionary
    from eventscope.resolve.geo.gazetteer import Gazetteer

__all__ = ["CITY_KM", "GoldPlaces", "MucPrediction", "date_matches", "score_muc"]

CITY_KM = 25.0


@dataclass(frozen=True, slots=True)
class MucPrediction:
    """The message's main incident, or all None when the pipeline found none."""

    incident_type: str | None = None
    start: date | None = None
    end: date | None = None
    place: Place | None = None
    actor_text: str | None = None
    actor_id: str | None = None
    # What the main incident's mention itself carries (its own event place and actor), before the
    # filler's message-level fallbacks: scored apart (``*_mention_only``) to show what they add.
    mention_place: Place | None = None
    mention_actor_text: str | None = None
    mention_actor_id: str | None = None
    # No date in the text: the incident's time is the reporting window, "on or before" this day (the
    # task's form 3, "- 08 JAN 90"), and start and end are None.
    before: date | None = None


class GoldPlaces:
    """The key's names geocoded with the project's gazetteer: a country name to its ISO code, and a
    place name, in that country, to its most populous candidate."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._country = cache(self._country_uncached)
        self._place = cache(self._place_uncached)

    def country(self, name: str) -> str | None:
        return self._country(name)

    def place(self, name: str, country: str | None) -> Place | None:
        return self._place(name, country)

    def _country_uncached(self, name: str) -> str | None:
        found = [p for p in self.gazetteer.candidates(name) if p.feature_code.startswith("PCL")]
        return found[0].country_code if found else None

    def _place_uncached(self, name: str, country: str | None) -> Place | None:
        found = [p for p in self.gazetteer.candidates(name) if country is None or p.country_code == country]
        return max(found, key=lambda p: p.population) if found else None


def score_muc(
    doc_ids: Sequence[str],
    keys: dict[str, list[MucTemplate]],
    predictions: Sequence[MucPrediction],
    places: GoldPlaces,
    actors: ActorDictionary | None = None,
) -> dict[str, float | int]:
    """The issue's MUC-4 metrics over messages, their keys and the aligned predictions."""
    tp = n_pred = n_gold = 0
    typed = dated = countries = cities = perps = 0
    typed_ok = dated_ok = countries_ok = cities_ok = perps_ok = 0
    own_countries_ok = own_perps_ok = 0
    for doc_id, p in zip(doc_ids, predictions, strict=True):
        incidents = [t for t in keys.get(doc_id, []) if t.is_incident]
        found = p.incident_type is not None
        n_pred += found
        n_gold += bool(incidents)
        if not (found and incidents):
            continue
        tp += 1
        typed += 1
        typed_ok += p.incident_type in {kind for t in incidents for kind in t.incident_types}
        if any(t.dates is not None for t in incidents):
            dated += 1
            dated_ok += date_matches(p, incidents)
        locations = [loc for t in incidents for loc in t.locations]
        gold_countries = {c for loc in locations if (c := places.country(loc.country)) is not None}
        if gold_countries:
            countries += 1
            countries_ok += p.place is not None and p.place.country_code in gold_countries
            own_countries_ok += p.mention_place is not None and p.mention_place.country_code in gold_countries
        gold_places = [(name, places.country(loc.country)) for loc in locations for name, _ in loc.places]
        if gold_places:
            cities += 1
            cities_ok += p.place is not None and any(
                _place_match(p.place, n, c, places) for n, c in gold_places
            )
        orgs = [names for t in incidents for names in t.perp_orgs]
        if orgs:
            perps += 1
            perps_ok += _perp_match(p.actor_text, p.actor_id, orgs, actors)
            own_perps_ok += _perp_match(p.mention_actor_text, p.mention_actor_id, orgs, actors)
    _, _, incident_f1 = detection_f1(tp, n_pred, n_gold)
    return {
        "n_docs": len(doc_ids),
        "incident_f1": incident_f1,
        "type_accuracy": share(typed_ok, typed),
        "date_exact": share(dated_ok, dated),
        "location_country_match": share(countries_ok, countries),
        "location_city_match": share(cities_ok, cities),
        "perp_org_match": share(perps_ok, perps),
        "location_country_match_mention_only": share(own_countries_ok, countries),
        "perp_org_match_mention_only": share(own_perps_ok, perps),
    }


def date_matches(p: MucPrediction, templates: Sequence[MucTemplate]) -> bool:
    """The prediction says what one of the keys says: one day within its range, or before its end when
    the key is "on or before" (form 3); or, with no date in the text, "on or before" its anchor day."""
    for t in templates:
        if t.dates is None:
            continue
        first, last = t.dates
        if p.start is not None and p.start == p.end:
            if (first <= p.start or t.dates_open) and p.start <= last:
                return True
        elif p.before is not None and t.dates_open and first <= p.before <= last:
            return True
    return False


def _place_match(place: Place, name: str, country: str | None, places: GoldPlaces) -> bool:
    if name_key(place.name) == name_key(name) and (country is None or place.country_code == country):
        return True
    gold = places.place(name, country)
    return gold is not None and haversine_km(place.lat, place.lon, gold.lat, gold.lon) <= CITY_KM


def _perp_match(
    actor_text: str | None,
    actor_id: str | None,
    orgs: Sequence[Sequence[str]],
    actors: ActorDictionary | None,
) -> bool:
    if actor_text is None:
        return False
    said = name_key(actor_text)
    for names in orgs:
        for name in names:
            gold = name_key(name)
            if gold and said and (gold in said or said in gold):
                return True
            if actors is not None and actor_id is not None:
                entry = actors.lookup(name)
                if entry is not None and entry.id == actor_id:
                    return True
    return False
