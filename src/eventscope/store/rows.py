"""Records -> table rows: the scalar filter columns derived from a record, plus its JSON.

One function per table, so the derivation of every column lives in one place and a reader of
the schema can see where each value comes from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventscope.models import ActorRef, Article, Event, IngestFailure, Mention, Place, PlaceRole
from eventscope.store.codec import to_dict

Row = dict[str, Any]


def article_row(article: Article) -> Row:
    data = to_dict(article)
    del data["text"]  # stored once, in its own column
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "text": article.text,
        "published_at": article.published_at,
        "language": article.language,
        "fetched_at": article.fetched_at,
        "source": article.source,
        "data": data,
    }


def article_data(row: Any) -> dict[str, Any]:
    """The codec dict of an article from its row (the inverse of :func:`article_row`)."""
    return {**row.data, "text": row.text}


def failure_row(failure: IngestFailure) -> Row:
    return {"source": failure.source, "reason": failure.reason}


def place_row(place: Place) -> Row:
    return {
        "gazetteer_id": place.gazetteer_id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "population": place.population,
    }


def actor_row(actor: ActorRef) -> Row:
    return {
        "id": actor.canonical_id,
        "name": actor.name,
        "kind": actor.kind.value if actor.kind else None,
        "country": actor.country,
    }


def mention_places(mentions: Iterable[Mention]) -> dict[str, Row]:
    """Every resolved place the mentions refer to, by gazetteer id."""
    return {ref.place.gazetteer_id: place_row(ref.place) for m in mentions for ref in m.places if ref.place}


def event_places(events: Iterable[Event]) -> dict[str, Row]:
    found = (p for e in events for p in (e.place, e.origin, e.destination))
    return {p.gazetteer_id: place_row(p) for p in found if p is not None}


def mention_actors(mentions: Iterable[Mention]) -> dict[str, Row]:
    """Every canonical actor the mentions refer to; a later reference fills fields an earlier one lacks."""
    found: dict[str, Row] = {}
    for m in mentions:
        for ref in (m.actor, m.recipient):
            if ref is None or ref.canonical_id is None:
                continue
            row = actor_row(ref)
            old = found.get(ref.canonical_id, {})
            found[ref.canonical_id] = {k: v if v is not None else old.get(k) for k, v in row.items()}
    return found


def mention_row(mention: Mention) -> Row:
    site = mention.place(PlaceRole.SITE)
    place = site.place if site else None
    time = mention.time
    actor, recipient = mention.actor, mention.recipient
    return {
        "id": mention.id,
        "article_id": mention.article_id,
        "sentence_start": mention.sentence.start,
        "trigger_start": mention.trigger.start,
        "sentence": mention.sentence.text,
        "plover_type": mention.type.plover,
        "plover_mode": mention.type.plover_mode,
        "acled_type": mention.type.acled_type,
        "acled_sub_type": mention.type.acled_sub_type,
        "cameo_root": mention.type.cameo_root,
        "modality": mention.modality.value,
        "attribution_kind": mention.attribution.kind.value,
        "claimant": mention.attribution.claimant,
        "start_date": time.start if time else None,
        "end_date": time.end if time else None,
        "time_precision": time.precision.value if time else None,
        "place_id": place.gazetteer_id if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country_code if place else None,
        "actor_id": actor.canonical_id if actor else None,
        "actor_name": actor.name if actor else None,
        "recipient_id": recipient.canonical_id if recipient else None,
        "recipient_name": recipient.name if recipient else None,
        "confidence": mention.confidence,
        "extractor_version": mention.extractor_version,
        "data": to_dict(mention),
    }


def event_row(event: Event, sentences: Iterable[str]) -> Row:
    """The events row; ``sentences`` are the evidence sentences of its mentions, for text search."""
    place, actor, recipient = event.place, event.actor, event.recipient
    search = [event.summary, event.location_text or "", *sentences]
    return {
        "id": event.id,
        "plover_type": event.type.plover,
        "plover_mode": event.type.plover_mode,
        "acled_type": event.type.acled_type,
        "acled_sub_type": event.type.acled_sub_type,
        "cameo_root": event.type.cameo_root,
        "start_date": event.start,
        "end_date": event.end,
        "time_precision": event.time_precision,
        "geo_precision": event.geo_precision,
        "place_level": event.place_level.value,
        "place_id": place.gazetteer_id if place else None,
        "location_text": event.location_text,
        "country": place.country_code if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "actor_id": actor.canonical_id if actor else None,
        "actor_name": actor.name if actor else None,
        "actor_text": actor.text if actor else None,
        "recipient_id": recipient.canonical_id if recipient else None,
        "recipient_name": recipient.name if recipient else None,
        "recipient_text": recipient.text if recipient else None,
        "claim_status": event.claim_status.value,
        "modality": event.modality.value,
        "n_reports": event.n_reports,
        "n_independent": event.n_independent,
        "fatalities_best": event.fatalities_best,
        "search_text": "\n".join(s for s in search if s),
        "data": to_dict(event),
    }
