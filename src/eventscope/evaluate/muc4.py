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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.errors import InputError
from eventscope.evaluate.metrics import detection_f1, event_place, haversine_km, share
from eventscope.evaluate.muc4_data import MucMessage, MucTemplate, muc_files, read_muc_keys, read_muc_texts
from eventscope.models import ActorKind, Article, Mention, Modality, Place

if TYPE_CHECKING:
    from eventscope.pipeline import Pipeline
    from eventscope.resolve.actors import ActorDictionary
    from eventscope.resolve.geo.gazetteer import Gazetteer

# Trigger lemmas (lower case, as written) that name the MUC types PLOVER folds into ASSAULT or COERCE.
ARSON_WORDS = frozenset({"burn", "burned", "burnt", "burning", "torch", "torched", "arson", "set", "fire"})
ROBBERY_WORDS = frozenset(
    {
        "rob",
        "robbed",
        "robbery",
        "robberies",
        "steal",
        "stole",
        "stolen",
        "loot",
        "looted",
        "looting",
        "hold-up",
    }
)
STOPPAGE_WORDS = frozenset({"strike", "stoppage", "shutdown", "paro"})
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
NOT_REPORTED = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})
CITY_KM = 25.0
RECENT = timedelta(days=62)
STATE = frozenset({ActorKind.STATE_FORCES})
ARMED = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class MucPrediction:
    """The message's main incident, or all None when the pipeline found none."""

    incident_type: str | None = None
    start: date | None = None
    end: date | None = None
    place: Place | None = None
    actor_text: str | None = None
    actor_id: str | None = None


@dataclass
class MucReport:
    doc_ids: list[str]
    keys: dict[str, list[MucTemplate]]
    predictions: list[MucPrediction]
    metrics_: dict[str, float | int]

    def metrics(self) -> dict[str, float | int]:
        return self.metrics_

    def table(self) -> str:
        from collections import Counter

        pairs: Counter[tuple[str, str]] = Counter()
        for doc_id, p in zip(self.doc_ids, self.predictions, strict=True):
            gold = sorted({t.incident_type or "-" for t in self.keys.get(doc_id, []) if t.is_incident}) or [
                "-"
            ]
            pairs[("/".join(gold), p.incident_type or "-")] += 1
        lines = [f"{'gold incident types':36} {'predicted':22} n"]
        lines += [f"{g:36} {p:22} {n}" for (g, p), n in pairs.most_common(12)]
        return "\n".join(lines)


def muc_type(mention: Mention) -> str | None:
    """The MUC-4 incident type of a mention, or None when it is not one (talk, movements, ...)."""
    plover, mode = mention.type.plover, mention.type.plover_mode
    word = mention.trigger.text.lower()
    if plover == "PROTEST" and mode in ("strike-gen", "strike-lim") and mention.actor is not None:
        kind = mention.actor.kind
        return (
            "FORCED WORK STOPPAGE"
            if kind is not None and kind.value not in ("protesters", "civilians")
            else None
        )
    if plover in VIOLENT or (plover == "COERCE" and mode in ("destroy", "confiscate")):
        if word in ARSON_WORDS or word.startswith(("burn", "torch", "arson")):
            return "ARSON"
        if word in ROBBERY_WORDS or word.startswith(("rob", "steal", "stole", "loot")):
            return "ROBBERY"
        if mode in ("explosives", "suicide-attack", "grenade"):
            return "BOMBING"
        if mode == "abduct":
            return "KIDNAPPING"
        if plover == "COERCE":
            return "ROBBERY" if mode == "confiscate" else "ARSON"
        return "ATTACK"
    return None


def is_terrorist_incident(mention: Mention, published: date | None) -> bool:
    """The MUC-4 task's relevance rules, as far as a mention shows them: a reported (not planned,
    denied or negated) incident of the reporting period (within two months of the dateline), that is
    not a clash between armed forces and guerrillas nor a state operation against armed groups
    (the task's "military versus military" exclusion)."""
    if muc_type(mention) is None or mention.modality in NOT_REPORTED:
        return False
    time = mention.time
    if time is not None and (
        time.historical or (published is not None and time.resolved and time.end < published - RECENT)
    ):
        return False
    if mention.type.plover == "FIGHT":
        return False
    if is_generic(mention) or is_tally(mention) or has_military_target(mention):
        return False
    actor = mention.actor.kind if mention.actor is not None else None
    target = mention.recipient.kind if mention.recipient is not None else None
    return not (actor in STATE and target in ARMED)


# Words that make a target military (the task excludes attacks on the armed forces and combat
# casualties on either side). Police are not listed: the task counts attacks on police.
MILITARY_TARGET_WORDS = frozenset(
    {
        "soldier",
        "soldiers",
        "troops",
        "army",
        "regiment",
        "battalion",
        "brigade",
        "patrol",
        "convoy",
        "detachment",
        "garrison",
        "barracks",
        "guerrilla",
        "guerrillas",
        "rebel",
        "rebels",
        "enemy",
        "military",
        "servicemen",
        "paratroopers",
        "infantry",
        "insurgents",
    }
)
TALLY_DEATHS = 150


def has_military_target(mention: Mention) -> bool:
    """The victims or target are soldiers or guerrillas ("5 soldiers killed", "the attack on the 3d
    regiment", "a rebel was killed"): military versus military, not a terrorist incident."""
    if mention.recipient is None:
        return False
    words = set(re.findall(r"[a-z]+", mention.recipient.evidence.text.lower()))
    return bool(words & MILITARY_TARGET_WORDS)


def is_tally(mention: Mention) -> bool:
    """A death toll in the hundreds with no date of its own ("70,000 Salvadorans have been killed")
    sums up years of violence; it is not one incident."""
    if mention.time is not None and mention.time.evidence is not None:
        return False
    return any(m.kind == "killed" and (m.low or 0) >= TALLY_DEATHS for m in mention.magnitudes)


def is_generic(mention: Mention) -> bool:
    """A plural event noun with no date of its own ("implicated in murders", "64 casualties as the
    result of attacks") names a kind of violence or a tally, not one incident."""
    word = mention.trigger.text.lower()
    plural_noun = word.endswith("s") and not word.endswith("ss") and " " not in word
    has_own_date = mention.time is not None and mention.time.evidence is not None
    return plural_noun and not has_own_date


def main_incident(mentions: Sequence[Mention], published: date | None = None) -> Mention | None:
    """The first relevant incident (:func:`is_terrorist_incident`); in its sentence, a specific type
    (bombing, kidnapping, arson, robbery) before a plain attack, then the most confident."""
    found = [m for m in mentions if is_terrorist_incident(m, published)]
    if not found:
        return None
    return min(
        found, key=lambda m: (m.sentence.start, muc_type(m) == "ATTACK", -m.confidence, m.trigger.start)
    )


def predict(
    mentions: Sequence[Mention], published: date | None = None, dateline: Place | None = None
) -> MucPrediction:
    """The MUC fields of the message's main incident. Its place falls back to another mention's, then
    to the dateline city (wire copy often names the place only there); a perpetrator the incident's
    sentence leaves generic ("guerrillas", "terrorists") is the armed group the message names."""
    main = main_incident(mentions, published)
    if main is None:
        return MucPrediction()
    ref = event_place(main)
    if ref is None or ref.place is None:
        ref = next((r for m in mentions if (r := event_place(m)) is not None and r.place is not None), ref)
    place = ref.place if ref is not None and ref.place is not None else dateline
    time = main.time if main.time is not None and main.time.resolved else None
    actor = main.actor
    if actor is None or actor.canonical_id is None:
        named = (
            r
            for m in mentions
            for r in (m.actor, m.recipient)
            if r is not None and r.canonical_id is not None and r.kind in ARMED
        )
        actor = next(named, actor)
    return MucPrediction(
        incident_type=muc_type(main),
        start=time.start if time else None,
        end=time.end if time else None,
        place=place,
        actor_text=actor.text if actor is not None else None,
        actor_id=actor.canonical_id if actor is not None else None,
    )


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
        gold_places = [(name, places.country(loc.country)) for loc in locations for name, _ in loc.places]
        if gold_places:
            cities += 1
            cities_ok += p.place is not None and any(
                _place_match(p.place, n, c, places) for n, c in gold_places
            )
        orgs = [names for t in incidents for names in t.perp_orgs]
        if orgs:
            perps += 1
            perps_ok += _perp_match(p, orgs, actors)
    _, _, incident_f1 = detection_f1(tp, n_pred, n_gold)
    return {
        "n_docs": len(doc_ids),
        "incident_f1": incident_f1,
        "type_accuracy": share(typed_ok, typed),
        "date_exact": share(dated_ok, dated),
        "location_country_match": share(countries_ok, countries),
        "location_city_match": share(cities_ok, cities),
        "perp_org_match": share(perps_ok, perps),
    }


def _place_match(place: Place, name: str, country: str | None, places: GoldPlaces) -> bool:
    if _norm(place.name) == _norm(name) and (country is None or place.country_code == country):
        return True
    gold = places.place(name, country)
    return gold is not None and haversine_km(place.lat, place.lon, gold.lat, gold.lon) <= CITY_KM


def _perp_match(p: MucPrediction, orgs: Sequence[Sequence[str]], actors: ActorDictionary | None) -> bool:
    if p.actor_text is None:
        return False
    said = _norm(p.actor_text)
    for names in orgs:
        for name in names:
            gold = _norm(name)
            if gold and said and (gold in said or said in gold):
                return True
            if actors is not None and p.actor_id is not None:
                entry = actors.lookup(name)
                if entry is not None and entry.id == p.actor_id:
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
    datelines = {
        f"muc:{m.doc_id}": places.place(m.dateline_city, None) if m.dateline_city else None for m in keyed
    }
    predictions: list[MucPrediction] = []
    it = iter(articles)
    while batch := list(islice(it, 64)):
        for article, ms in zip(batch, pipe.extract(batch), strict=True):
            published = article.published_at.date() if article.published_at is not None else None
            predictions.append(predict(ms, published, datelines.get(article.id)))
        if progress is not None:
            progress(len(batch))
    doc_ids = [m.doc_id for m in keyed]
    metrics = score_muc(doc_ids, answer_keys, predictions, places, pipe.resolver.actors)
    return MucReport(doc_ids, answer_keys, predictions, metrics)
