"""GeoJSON (RFC 7946): one Point feature per event at its place, plus a LineString per movement.

Events without a resolved place are kept with ``"geometry": null`` (allowed by the RFC), so a
count of features is a count of events. MOBILIZE events with an origin and a destination get a
second feature, ``"kind": "movement"``, drawn from origin to destination: ACLED cannot say that.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from eventscope.models import ActorRef, Event, Mention, Place

MOVEMENT_TYPES = frozenset({"MOBILIZE"})


def _actor(ref: ActorRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "text": ref.text,
        "name": ref.name,
        "id": ref.canonical_id,
        "kind": ref.kind.value if ref.kind else None,
        "country": ref.country,
    }


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "id": place.gazetteer_id,
        "name": place.name,
        "country": place.country_code,
        "admin1": place.admin1,
    }


def _point(place: Place | None) -> dict[str, Any] | None:
    return None if place is None else {"type": "Point", "coordinates": [place.lon, place.lat]}


def event_properties(event: Event, mentions: Sequence[Mention]) -> dict[str, Any]:
    claimants = sorted({m.attribution.claimant for m in mentions if m.attribution.claimant})
    return {
        "id": event.id,
        "kind": "event",
        "plover_type": event.type.plover,
        "plover_mode": event.type.plover_mode,
        "acled_type": event.type.acled_type,
        "acled_sub_type": event.type.acled_sub_type,
        "cameo_root": event.type.cameo_root,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "time_precision": event.time_precision,
        "historical": event.historical,
        "geo_precision": event.geo_precision,
        "place_level": event.place_level.value,
        "place": _place(event.place),
        "location_text": event.location_text,
        "actor": _actor(event.actor),
        "recipient": _actor(event.recipient),
        "claim_status": event.claim_status.value,
        "modality": event.modality.value,
        "claimants": claimants,
        "n_reports": event.n_reports,
        "n_outlets": event.n_outlets,
        "n_independent": event.n_independent,
        "fatalities_low": event.fatalities_low,
        "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high,
        "summary": event.summary,
    }


def features(event: Event, mentions: Sequence[Mention]) -> list[dict[str, Any]]:
    """The event's Point feature, and its movement LineString when it has one."""
    found = [
        {
            "type": "Feature",
            "id": event.id,
            "geometry": _point(event.place),
            "properties": event_properties(event, mentions),
        }
    ]
    origin, destination = event.origin, event.destination
    if event.type.plover.upper() in MOVEMENT_TYPES and origin and destination:
        found.append(
            {
                "type": "Feature",
                "id": f"{event.id}/movement",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[origin.lon, origin.lat], [destination.lon, destination.lat]],
                },
                "properties": {
                    "id": event.id,
                    "kind": "movement",
                    "plover_type": event.type.plover,
                    "plover_mode": event.type.plover_mode,
                    "start": event.start.isoformat(),
                    "end": event.end.isoformat(),
                    "origin": _place(origin),
                    "destination": _place(destination),
                    "actor": _actor(event.actor),
                    "claim_status": event.claim_status.value,
                },
            }
        )
    return found


def write_geojson(
    events: Sequence[Event], mentions_by_event: Mapping[str, Sequence[Mention]], out: TextIO
) -> int:
    """Write one FeatureCollection, a feature per line (streamed); returns the features written."""
    out.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for event in events:
        for feature in features(event, mentions_by_event.get(event.id, ())):
            out.write(",\n" if written else "\n")
            out.write(json.dumps(feature, ensure_ascii=False))
            written += 1
    out.write("\n]}\n")
    return written
