"""The JSON API routes under ``/api``: thin, each parses validated parameters, asks the query layer
(:mod:`eventscope.query`) or the store, and returns JSON made by ``codec.to_dict``."""

from __future__ import annotations

import json
import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi import Path as PathParam

from eventscope import query
from eventscope.api import event_views
from eventscope.serve.errors import ApiError
from eventscope.serve.params import EventParams, FilterParams, IngestRequest, PlaceParams
from eventscope.store import Store
from eventscope.store.codec import to_dict

if TYPE_CHECKING:
    from eventscope.pipeline import Pipeline
    from eventscope.resolve.geo.gazetteer import Gazetteer

ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,200}$"


@dataclass
class Services:
    """What the routes need; made once by ``create_app``. The gazetteer and the NLP pipeline load on
    first use, so starting the server (and the read-only API) stays fast."""

    store: Store
    token: str | None = None
    gazetteer: Gazetteer | None = None
    _pipeline: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def places(self) -> Gazetteer:
        with self._lock:
            if self.gazetteer is None:
                from eventscope.resolve.geo.gazetteer import load_gazetteer

                self.gazetteer = load_gazetteer()
            return self.gazetteer

    def pipeline(self) -> Pipeline:
        gazetteer = self.places()
        with self._lock:
            if self._pipeline is None:
                from eventscope.config import load_settings
                from eventscope.nlp import load_model
                from eventscope.pipeline import Pipeline
                from eventscope.resolve.actors import load_actor_dictionary

                settings = load_settings()
                self._pipeline = Pipeline(
                    load_model(settings.model), gazetteer, load_actor_dictionary(), self.store
                )
            return self._pipeline


def services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


ServicesDep = Annotated[Services, Depends(services)]
router = APIRouter(prefix="/api")


def event_query(params: FilterParams, svc: Services, **paging: Any) -> query.EventQuery:
    area: query.Area | None = None
    if params.near:
        area = query.near(params.near, params.radius_km, svc.places())
    elif params.border:
        area = query.near_border(params.border, params.radius_km, svc.places())
    return query.EventQuery(params.event_filter(**paging), area)


def _gazetteer_if_loaded(q: query.EventQuery, svc: Services) -> Gazetteer | None:
    return svc.places() if isinstance(q.area, query.NearBorder) else svc.gazetteer


@router.get("/events", summary="Events, filtered, paged and sorted")
def list_events(params: Annotated[EventParams, Query()], svc: ServicesDep) -> dict[str, Any]:
    """Events matching every given filter; ``total`` counts them all, ``events`` holds one page."""
    q = event_query(params, svc, limit=params.limit, offset=params.offset, order=params.sort)
    page = query.find_events(svc.store, q, _gazetteer_if_loaded(q, svc))
    return {
        "total": page.total,
        "limit": params.limit,
        "offset": params.offset,
        "events": [to_dict(e) for e in page.events],
    }


@router.get("/events/{event_id}", summary="One event with its reports, evidence, articles and history")
def get_event(
    event_id: Annotated[str, PathParam(pattern=ID_PATTERN, description="An event id")], svc: ServicesDep
) -> dict[str, Any]:
    """An id merged into another event answers with that event (``id`` differs from the one asked)."""
    store = svc.store
    event = store.event(event_id)
    view = event_views(store, [event])[0]
    doc = view.to_dict()
    doc["history"] = [to_dict(c) for c in store.history(event.id)]
    doc["articles"] = [to_dict(a) for a in view.articles]
    doc["requested_id"] = event_id
    return doc


@router.get("/articles/{article_id}", summary="One article with its text and the reports found in it")
def get_article(
    article_id: Annotated[str, PathParam(pattern=ID_PATTERN, description="An article id")], svc: ServicesDep
) -> dict[str, Any]:
    article = svc.store.article(article_id)
    doc = to_dict(article)
    doc["mentions"] = [to_dict(m) for m in svc.store.mentions([article.id])]
    return doc


@router.get("/places", summary="Places that events and reports point at, most events first")
def list_places(params: Annotated[PlaceParams, Query()], svc: ServicesDep) -> dict[str, Any]:
    found, total = query.list_places(
        svc.store, q=params.q, country=params.country, limit=params.limit, offset=params.offset
    )
    return {
        "total": total,
        "limit": params.limit,
        "offset": params.offset,
        "places": [to_dict(p.place) | {"n_events": p.n_events} for p in found],
    }


@router.get("/stats", summary="Counts of matching events by day and by type")
def stats(params: Annotated[FilterParams, Query()], svc: ServicesDep) -> dict[str, Any]:
    """Events per start day and type (the timeline), and totals per type; same filters as /api/events."""
    q = event_query(params, svc)
    rows = query.day_counts(svc.store, q, _gazetteer_if_loaded(q, svc))
    by_type: dict[str, int] = {}
    by_family: dict[str, int] = {}
    for r in rows:
        by_type[r.plover_type] = by_type.get(r.plover_type, 0) + r.count
        by_family[r.acled_type] = by_family.get(r.acled_type, 0) + r.count
    return {
        "total": sum(r.count for r in rows),
        "by_day": [
            {"day": r.day.isoformat(), "acled_type": r.acled_type, "type": r.plover_type, "count": r.count}
            for r in rows
        ],
        "by_type": dict(sorted(by_type.items())),
        "by_acled_type": dict(sorted(by_family.items())),
    }


def require_token(
    svc: ServicesDep, authorization: Annotated[str | None, Header(include_in_schema=False)] = None
) -> None:
    if svc.token is None:
        raise ApiError(
            403, "writing through the API is off; start `eventscope serve` with --token to enable it"
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip(), svc.token):
        raise ApiError(401, "missing or wrong token; send the header 'Authorization: Bearer <token>'")


@router.post(
    "/ingest", summary="Ingest articles (needs the server's token)", dependencies=[Depends(require_token)]
)
def ingest(body: IngestRequest, svc: ServicesDep) -> dict[str, Any]:
    """Extract events from the articles, store them and re-merge; re-sending an article changes nothing."""
    from eventscope.ingest import IngestOptions

    pipeline = svc.pipeline()
    with tempfile.TemporaryDirectory(prefix="eventscope-api-") as folder:
        path = Path(folder) / "api.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for article in body.articles:
                fh.write(json.dumps(article.model_dump(mode="json", exclude_none=True)) + "\n")
        with svc.write_lock:  # one writer: merges must not interleave
            report = pipeline.ingest([str(path)], IngestOptions())
    return {
        "articles_new": report.articles_new,
        "articles_known": report.articles_known,
        "articles_undated": report.articles_undated,
        "mentions": report.mentions,
        "events": report.events,
        "failures": [{"source": f.source, "reason": f.reason} for f in report.failures],
    }
