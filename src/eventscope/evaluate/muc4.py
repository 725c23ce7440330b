"""Score the pipeline on MUC-3/MUC-4 messages against their answer keys, one message at a time.

Each message is an Article (its text as written, all capitals in DEV to TST3; published on its
dateline date, or the previous message's when the dateline has none). The pipeline's mentions are
reduced to the message's main incident (:func:`main_incident`): the first asserted or claimed
violent or coercive mention that has a MUC incident type (:func:`muc_type`) and is not background.

- ``incident_f1``: document-level detection, a message is relevant when its key has an incident
  template (optional ones included), and predicted relevant when it has a main incident;
- ``type_accuracy``: the main incident's MUC type is one of the key's incident types (relevant
  messages the system also found);
- ``date_exact``: the main incident's date lies within one of the key's incident date ranges and is
  one day (found, relevant messages whose key gives a date);
- ``location_country_match`` / ``location_city_match``: the incident's resolved place is in the
  country of one of the key's locations; is within 25 km of (or named like) one of the key's places
  below country level, geocoded with the project's gazetteer in that country (found, relevant
  messages whose key names one);
- ``perp_org_match``: the main incident's actor matches one of the key's perpetrator organisations,
  by name containment either way or by the same canonical actor (found, relevant messages whose
  key names one).

A field is right when it matches any of the message's incident templates: the message, not each
incident, is the unit, since the pipeline's main incident need not be the key's first template.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from eventscope.errors import InputError
from eventscope.evaluate.metrics import detection_f1, event_place, haversine_km, share
from eventscope.evaluate.muc4_data import MucMessage, MucTemplate, muc_files, read_muc_keys, read_muc_texts
from eventscope.evaluate.muc4_exclusions import is_discovery, is_generic, is_tally  # re-exported
from eventscope.evaluate.muc4_military import ARMED, STATE, has_military_target  # re-exported
from eventscope.evaluate.muc4_relevance import (  # re-exported: the relevance rules live there
    incidents,
    is_terrorist_incident,
    main_incident,
    muc_type,
)
from eventscope.models import LEVEL_ORDER, ActorRef, Article, Mention, Place

if TYPE_CHECKING:
    from eventscope.pipeline import Pipeline
    from eventscope.resolve.actors import ActorDictionary
    from eventscope.resolve.geo.gazetteer import Gazetteer

__all__ = [
    "MUC_COUNTRIES",
    "GoldPlaces",
    "MucPrediction",
    "MucReport",
    "country_support",
    "dateline_place",
    "has_military_target",
    "incident_place",
    "incidents",
    "is_discovery",
    "is_generic",
    "is_tally",
    "is_terrorist_incident",
    "main_incident",
    "message_articles",
    "muc_type",
    "names_organisation",
    "perpetrator",
    "predict",
    "run_muc4",
    "score_muc",
]

CITY_KM = 25.0
Progress = Callable[[int], None]
# The countries the MUC-4 task covers (its definition of a relevant incident): Argentina, Bolivia,
# Chile, Colombia, Ecuador, El Salvador, Guatemala, Honduras, Peru (ISO 3166 alpha-2).
MUC_COUNTRIES = frozenset({"AR", "BO", "CL", "CO", "EC", "SV", "GT", "HN", "PE"})


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


@dataclass
class MucReport:
    doc_ids: list[str]
    keys: dict[str, list[MucTemplate]]
    predictions: list[MucPrediction]
    metrics_: dict[str, float | int]

    def metrics(self) -> dict[str, float | int]:
        return self.metrics_

    def table(self) -> str:
        pairs: Counter[tuple[str, str]] = Counter()
        for doc_id, p in zip(self.doc_ids, self.predictions, strict=True):
            gold = sorted({t.incident_type or "-" for t in self.keys.get(doc_id, []) if t.is_incident}) or [
                "-"
            ]
            pairs[("/".join(gold), p.incident_type or "-")] += 1
        lines = [f"{'gold incident types':36} {'predicted':22} n"]
        lines += [f"{g:36} {p:22} {n}" for (g, p), n in pairs.most_common(12)]
        return "\n".join(lines)


class PlaceLookup(Protocol):
    """What prediction needs of the gazetteer (resolve.geo.gazetteer.Gazetteer has it)."""

    def candidates(self, name: str) -> list[Place]: ...

    def country(self, code: str) -> Place | None: ...


def predict(
    mentions: Sequence[Mention],
    published: date | None = None,
    dateline: Place | None = None,
    *,
    countries: Mapping[str, int] | None = None,
    groups: Sequence[ActorRef] = (),
    gazetteer: PlaceLookup | None = None,
    scope: frozenset[str] | None = MUC_COUNTRIES,
) -> MucPrediction:
    """The MUC fields of the message's main incident.

    ``countries``: how often the text names each country (names and demonyms, ``Geocoder.country_votes``);
    ``groups``: the named armed groups the text names, in text order (``ActorDictionary.find_groups``);
    ``gazetteer``: to look the incident's place name up again in the message's country. Place and
    perpetrator fall back as :func:`incident_place` and :func:`perpetrator` say."""
    votes = Counter(countries or {})
    votes.update({g.country for g in groups if g.country is not None})  # each group's home once
    # The task covers terrorism in nine countries: the main incident is the first one not placed
    # outside them (violence in Panama or Nicaragua that a message compares is not one).
    support = country_support(mentions, dateline, votes)
    home = max((n for cc, n in support.items() if scope is None or cc in scope), default=0)
    for main in incidents(mentions, published):
        # Its own places outside the task's countries, in a country the message names again and at
        # least half as often as its best supported country of the task (not a stray town of that
        # name, "ESCALON" read as a town in California in a message about San Salvador).
        own_places = [
            p
            for p in _ordered_places(main)
            if support[cc := p.country_code or ""] >= OUTSIDE_SUPPORT and 2 * support[cc] >= home
        ]
        if scope is None or not own_places or any(p.country_code in scope for p in own_places):
            break
    else:
        return MucPrediction()
    place = incident_place(main, mentions, dateline, votes, gazetteer, scope)
    time = main.time if main.time is not None and main.time.resolved else None
    actor = perpetrator(main, mentions, groups)
    return MucPrediction(
        incident_type=muc_type(main),
        start=time.start if time else None,
        end=time.end if time else None,
        place=place,
        actor_text=actor.text if actor is not None else None,
        actor_id=actor.canonical_id if actor is not None else None,
        mention_place=own.place if (own := event_place(main)) is not None else None,
        mention_actor_text=main.actor.text if main.actor is not None else None,
        mention_actor_id=main.actor.canonical_id if main.actor is not None else None,
    )


# A message's country support: each naming of a country in the text counts one, each distinct place
# name resolved in it one, each named actor of it one, and the dateline this much.
DATELINE_VOTES = 2
# How often a message must point at a country outside the task's ones to place an incident there.
OUTSIDE_SUPPORT = 2
# Sentences either side of the main incident whose mentions' places may stand in for its own.
NEAR_SENTENCES = 1


def country_support(
    mentions: Sequence[Mention], dateline: Place | None, countries: Mapping[str, int]
) -> Counter[str]:
    """How strongly the message points at each country: what a single stray toponym ("POLICE" read as a
    town in Poland) cannot outweigh."""
    support: Counter[str] = Counter({cc.upper(): n for cc, n in countries.items()})
    names: set[tuple[str, str]] = set()
    for m in mentions:
        for ref in m.places:
            if ref.place is not None and ref.place.country_code:
                names.add((_norm(ref.evidence.text), ref.place.country_code))
        for r in (m.actor, m.recipient):
            if r is not None and r.canonical_id is not None and r.country:
                names.add((r.canonical_id, r.country))
    support.update(cc for _, cc in names)
    if dateline is not None and dateline.country_code:
        support[dateline.country_code] += DATELINE_VOTES
    return support


def incident_place(
    main: Mention,
    mentions: Sequence[Mention],
    dateline: Place | None,
    countries: Mapping[str, int],
    gazetteer: PlaceLookup | None = None,
    scope: frozenset[str] | None = None,
) -> Place | None:
    """Where the main incident happened, checked against the message's country.

    The incident's own place counts when the message supports its country (:func:`country_support`: the
    best supported one, or one half as well supported); wire copy about one country rarely puts its
    incident in another one it names once (an own place at country level waits until the nearby
    mentions' places have been tried). Else, in order: a supported place of a mention in the
    sentences next to it; its own place at country level; its own place names looked up again in the
    best supported country ("SAN SALVADOR" read as a Mexican village); the dateline city when supported;
    any place of that country the message names; that country itself; the dateline."""
    support = country_support(mentions, dateline, countries)
    if scope is not None and any(cc in scope for cc in support):
        # A task limited to some countries: a message filed abroad or comparing other countries
        # is about the one of them it names.
        support = Counter({cc: n for cc, n in support.items() if cc in scope})
    top = support.most_common(1)[0] if support else None

    def supported(place: Place | None) -> bool:
        cc = place.country_code if place is not None else None
        if cc is None or top is None:
            return cc is not None
        return cc == top[0] or (support[cc] >= 2 and 2 * support[cc] >= top[1])

    own = _ordered_places(main)
    for place in own:
        if supported(place) and place.feature_code != "PCLI":
            return place
    gap = _sentence_gaps(main, mentions)
    near = sorted(
        (m for m in mentions if m is not main and gap(m) <= NEAR_SENTENCES),
        key=lambda m: (gap(m), m.trigger.start),
    )
    for m in near:
        for place in _ordered_places(m):
            if supported(place):
                return place
    # The incident's own place at country level (the pipeline's fallback, resolve/coherence.py) comes
    # after a nearby mention's town: both name the same country, and the town is finer.
    for place in own:
        if supported(place):
            return place
    if top is not None and gazetteer is not None:
        for ref in main.places:
            found = [p for p in gazetteer.candidates(ref.evidence.text) if p.country_code == top[0]]
            if found:
                return max(found, key=lambda p: p.population)
    if dateline is not None and supported(dateline):
        return dateline
    if top is not None:
        anywhere = (p for m in mentions for p in _ordered_places(m) if p.country_code == top[0])
        found_place = next(anywhere, None)
        if found_place is None and gazetteer is not None:
            found_place = gazetteer.country(top[0])
        if found_place is not None:
            return found_place
    return own[0] if own else dateline


def _ordered_places(mention: Mention) -> list[Place]:
    """A mention's resolved places with a country, its event place (:func:`event_place`) first."""
    first = event_place(mention)
    refs = sorted(
        (r for r in mention.places if r.place is not None and r.place.country_code),
        key=lambda r: (r is not first, LEVEL_ORDER[r.level]),
    )
    return [r.place for r in refs if r.place is not None]


def _sentence_gaps(main: Mention, mentions: Sequence[Mention]) -> Callable[[Mention], int]:
    """How many sentences with mentions lie between a mention and the main one."""
    order = {start: i for i, start in enumerate(sorted({m.sentence.start for m in mentions}))}
    here = order[main.sentence.start]
    return lambda m: abs(order[m.sentence.start] - here)


# Head words of an organisation's own name: an actor phrase ending in one names a group even when the
# dictionary does not know it ("the Cinchonero Popular Liberation Movement"), unlike "a bomb" or "men".
ORGANISATION_WORDS = frozenset(
    {
        "movement",
        "front",
        "army",
        "forces",
        "command",
        "commando",
        "commandos",
        "group",
        "alliance",
        "union",
        "brigade",
        "organization",
        "organisation",
        "party",
        "squad",
        "squads",
        "cartel",
        "league",
        "resistance",
        "battalion",
    }
)


def names_organisation(text: str) -> bool:
    """Whether an actor phrase ends in an organisation word ("... Liberation Movement", "... Civic Force")."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and words[-1] in ORGANISATION_WORDS


def perpetrator(
    main: Mention, mentions: Sequence[Mention], groups: Sequence[ActorRef] = ()
) -> ActorRef | None:
    """Who did it. The main incident's actor when the dictionary names it, when it is state forces ("the
    army"), or when it names an organisation (:func:`names_organisation`). A perpetrator left generic
    ("guerrillas", "terrorists"), unknown ("a bomb") or unsaid is the named armed group (rebel group or
    militia) acting in a mention of the same sentence, else the group the text names most often (the
    one named nearest the incident on a tie), else the group of the nearest mention that has one. Who
    found a body ("soldiers found the body") is never taken for who killed (:func:`is_discovery`)."""
    actor = main.actor if not is_discovery(main) else None
    if actor is not None and (
        actor.canonical_id is not None or actor.kind in STATE or names_organisation(actor.text)
    ):
        return actor
    same = [
        r
        for m in mentions
        if m.sentence.start == main.sentence.start
        for r in (m.actor,)
        if r is not None and r.canonical_id is not None and r.kind in ARMED
    ]
    if same:
        return same[0]
    if groups:
        counts = Counter(g.canonical_id for g in groups)
        return min(
            groups, key=lambda g: (-counts[g.canonical_id], abs(g.evidence.start - main.trigger.start))
        )
    gap = _sentence_gaps(main, mentions)
    named = sorted(
        (
            (gap(m), m.trigger.start, r)
            for m in mentions
            for r in (m.actor, m.recipient)
            if r is not None and r.canonical_id is not None and r.kind in ARMED
        ),
        key=lambda t: (t[0], t[1]),
    )
    if named:
        return named[0][2]
    if actor is None or not names_organisation(actor.text):
        # No armed group named anywhere: state forces acting in the incident's sentence or the next
        # ("troops of the Atlacatl Battalion entered the village") are the ones the message blames.
        state = sorted(
            (
                (gap(m), m.trigger.start, r)
                for m in mentions
                if gap(m) <= NEAR_SENTENCES and not is_discovery(m)
                for r in (m.actor,)
                if r is not None and r.kind in STATE
            ),
            key=lambda t: (t[0], t[1]),
        )
        if state:
            return state[0][2]
    return actor


def _norm(text: str) -> str:
    t = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    t = " ".join(re.sub(r"[\W_]+", " ", t).split())
    return t[4:] if t.startswith("the ") else t


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
        ranges = [t.dates for t in incidents if t.dates is not None]
        if ranges:
            dated += 1
            dated_ok += p.start is not None and p.start == p.end and any(a <= p.start <= b for a, b in ranges)
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


def _place_match(place: Place, name: str, country: str | None, places: GoldPlaces) -> bool:
    if _norm(place.name) == _norm(name) and (country is None or place.country_code == country):
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
    said = _norm(actor_text)
    for names in orgs:
        for name in names:
            gold = _norm(name)
            if gold and said and (gold in said or said in gold):
                return True
            if actors is not None and actor_id is not None:
                entry = actors.lookup(name)
                if entry is not None and entry.id == actor_id:
                    return True
    return False


def message_articles(messages: Iterable[MucMessage]) -> list[Article]:
    """Articles in message order; a message with no dated dateline takes the previous one's date."""
    articles = []
    last: datetime | None = None
    for m in messages:
        d = m.dateline_date
        when = datetime(d.year, d.month, d.day) if d is not None else last
        last = when
        articles.append(
            Article(id=f"muc:{m.doc_id}", text=m.text, published_at=when, source=f"muc:{m.doc_id}")
        )
    return articles


_DATELINE_COUNTRY = re.compile(r"(?P<city>.*?)\s*\((?P<country>[^()]+)\)\s*")
# Dateline cities that name no place ("CLANDESTINE" radio, "NO CITY (EL SALVADOR)").
_NO_CITY = frozenset({"no city", "clandestine"})


def dateline_place(dateline: str | None, gazetteer: PlaceLookup) -> Place | None:
    """The place a dateline names: "LIMA", "PANAMA CITY (PANAMA)", "NO CITY (EL SALVADOR)" (the country).

    A dateline city is one the wire service files from: among places of that name (in the dateline's
    country when it gives one) a capital first, then populated places, then the most populous."""
    if not dateline:
        return None
    m = _DATELINE_COUNTRY.fullmatch(dateline)
    city, country_name = (m.group("city"), m.group("country")) if m else (dateline, None)
    country = None
    if country_name is not None:
        found = [p for p in gazetteer.candidates(country_name) if p.feature_code.startswith("PCL")]
        country = found[0] if found else None
    cc = country.country_code if country is not None else None
    if _norm(city) in _NO_CITY or not city.strip():
        return country
    candidates = [p for p in gazetteer.candidates(city) if cc is None or p.country_code == cc]
    if not candidates:
        return country
    return max(
        candidates,
        key=lambda p: (p.feature_code == "PPLC", p.feature_class == "P", p.population),
    )


def run_muc4(
    texts: Path,
    keys: Path,
    *,
    limit: int | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> MucReport:
    """Score every keyed message of the text files (or folder) against the key files (or folder)."""
    from eventscope.evaluate.metrics import scratch_pipeline

    messages = read_muc_texts(muc_files(texts))
    answer_keys = read_muc_keys(muc_files(keys))
    keyed = [m for doc_id, m in messages.items() if doc_id in answer_keys]
    if not keyed:
        raise InputError(f"no message of {texts} has a template in {keys}; pass matching text and key files")
    keyed = keyed[:limit] if limit is not None else keyed
    pipe = pipeline or scratch_pipeline()
    articles = message_articles(keyed)
    places = GoldPlaces(pipe.gazetteer)
    datelines = {f"muc:{m.doc_id}": dateline_place(m.dateline_city, pipe.gazetteer) for m in keyed}
    geocoder, actors = pipe.resolver.geocoder, pipe.resolver.actors
    predictions: list[MucPrediction] = []
    it = iter(articles)
    while batch := list(islice(it, 64)):
        for article, ms in zip(batch, pipe.extract(batch), strict=True):
            published = article.published_at.date() if article.published_at is not None else None
            predictions.append(
                predict(
                    ms,
                    published,
                    datelines.get(article.id),
                    countries=geocoder.country_votes((), article.text),
                    groups=actors.find_groups(article.text, article.id),
                    gazetteer=pipe.gazetteer,
                )
            )
        if progress is not None:
            progress(len(batch))
    doc_ids = [m.doc_id for m in keyed]
    metrics = score_muc(doc_ids, answer_keys, predictions, places, pipe.resolver.actors)
    return MucReport(doc_ids, answer_keys, predictions, metrics)
