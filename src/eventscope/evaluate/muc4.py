"""Score the pipeline on MUC-3/MUC-4 messages against their answer keys, one message at a time.

Each message is an Article (its text as written, all capitals in DEV to TST3; published on its
dateline date, or the previous message's when the dateline has none). The pipeline's mentions are
reduced to the message's main incident (:func:`main_incident`): the first asserted or claimed
violent or coercive mention that has a MUC incident type (:func:`muc_type`) and is not background.

- ``incident_f1``: document-level detection, a message is relevant when its key has an incident
  template (optional ones included), and predicted relevant when it has a main incident;
- ``type_accuracy``: the main incident's MUC type is one of the key's incident types (relevant
  messages the system also found);
- ``date_exact``: the main incident's date says what one of the key's incident dates says: one day
  within its range (or on or before its day, for the key's "- 08 JAN 90"), or, when the text gives
  no date, "on or before" the same day as the key's "- 08 JAN 90" (found, relevant messages whose
  key gives a date; ``muc4_score.date_matches``);
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

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.errors import InputError
from eventscope.evaluate.metrics import event_place
from eventscope.evaluate.muc4_data import (
    MucMessage,
    MucTemplate,
    filing_dates,
    muc_files,
    read_muc_keys,
    read_muc_texts,
)
from eventscope.evaluate.muc4_exclusions import is_discovery, is_generic, is_tally  # re-exported
from eventscope.evaluate.muc4_military import has_military_target  # re-exported
from eventscope.evaluate.muc4_perp import names_organisation, perpetrator  # re-exported
from eventscope.evaluate.muc4_places import (  # re-exported: the place rules live there
    PlaceLookup,
    country_support,
    dateline_place,
    incident_place,
    ordered_places,
    scope_places,
)
from eventscope.evaluate.muc4_relevance import (  # re-exported: the relevance rules live there
    in_dateline_year,
    incidents,
    is_terrorist_incident,
    main_incident,
    muc_type,
)
from eventscope.evaluate.muc4_score import CITY_KM, GoldPlaces, MucPrediction, score_muc  # re-exported
from eventscope.models import ActorRef, Article, Mention, Place

if TYPE_CHECKING:
    from eventscope.pipeline import Pipeline

__all__ = [
    "CITY_KM",
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
    "ordered_places",
    "perpetrator",
    "predict",
    "run_muc4",
    "score_muc",
]

Progress = Callable[[int], None]
# The countries the MUC-4 task covers (its definition of a relevant incident): Argentina, Bolivia,
# Chile, Colombia, Ecuador, El Salvador, Guatemala, Honduras, Peru (ISO 3166 alpha-2).
MUC_COUNTRIES = frozenset({"AR", "BO", "CL", "CO", "EC", "SV", "GT", "HN", "PE"})


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
        # name, "ESCALON" read as a town in California in a message about San Salvador); a place
        # lent from elsewhere in the text must be supported as well as it (:func:`scope_places`).
        own_places = scope_places(main, support, home)
        if scope is None or not own_places or any(p.country_code in scope for p in own_places):
            break
    else:
        return MucPrediction()
    place = incident_place(main, mentions, dateline, votes, gazetteer, scope)
    dated = in_dateline_year(main.time, published) if main.time is not None else None
    time = dated if dated is not None and dated.resolved else None
    # No date in the text: the reporting window, "on or before" the day it ends (the key's form 3)
    window = main.time if main.time is not None and not main.time.resolved else None
    actor = perpetrator(main, mentions, groups)
    return MucPrediction(
        incident_type=muc_type(main),
        start=time.start if time else None,
        end=time.end if time else None,
        before=window.end if window else None,
        place=place,
        actor_text=actor.text if actor is not None else None,
        actor_id=actor.canonical_id if actor is not None else None,
        mention_place=own.place if (own := event_place(main)) is not None else None,
        mention_actor_text=main.actor.text if main.actor is not None else None,
        mention_actor_id=main.actor.canonical_id if main.actor is not None else None,
    )


def message_articles(messages: Iterable[MucMessage]) -> list[Article]:
    """Articles in message order; a message with no dated dateline takes the previous one's date."""
    articles = []
    for m, d in filing_dates(messages):
        when = datetime(d.year, d.month, d.day) if d is not None else None
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
