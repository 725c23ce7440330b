"""Polling feeds: ingest what is new every interval and alert once per new event matching a saved query.

An alert query is URL-query text over the event filters, e.g.
``type=MOBILIZE&type=ASSAULT&near=35.9,34.4,30`` (MOBILIZE or ASSAULT events within 30 km of
that lon,lat). Repeated ``type`` values are alternatives; the other keys are those of
:class:`~eventscope.store.EventFilter` (``country``, ``actor``, ``status``, ``q``, ``bbox``, ``near``).

Events already matching when watching starts are the baseline and raise no alert; so are the
events named in an existing JSONL alert file, so restarting a watch never repeats an alert.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl

import httpx

from eventscope.errors import InputError
from eventscope.models import Event
from eventscope.store import EventFilter, Store
from eventscope.store.codec import to_dict

Sink = Callable[[Event], None]
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_FLOAT_LISTS = {"near": 3, "bbox": 4}
_TEXT_KEYS = ("country", "actor", "status", "q")


def parse_duration(text: str) -> float:
    """Seconds in "90", "30s", "10m", "2h", "1d"."""
    m = _DURATION.match(text)
    if m is None or float(m.group(1)) <= 0:
        raise InputError(f"not a duration: {text!r}; use a number with s, m, h or d, e.g. 10m")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


def parse_alert_query(text: str) -> list[EventFilter]:
    """The filters of an alert query (one per ``type`` alternative); an event matching any one alerts."""
    pairs = parse_qsl(text.strip(), keep_blank_values=False, strict_parsing=False)
    if not pairs:
        raise InputError(f"empty alert query {text!r}; e.g. type=ASSAULT&near=35.9,34.4,30")
    common: dict[str, object] = {}
    types: list[str] = []
    for key, value in pairs:
        if key == "type":
            types.append(value)
        elif key in _TEXT_KEYS:
            common[key] = value
        elif key in _FLOAT_LISTS:
            try:
                numbers = tuple(float(v) for v in value.split(","))
            except ValueError as exc:
                raise InputError(f"alert query {key}={value!r}: expected comma-separated numbers") from exc
            if len(numbers) != _FLOAT_LISTS[key]:
                raise InputError(f"alert query {key} needs {_FLOAT_LISTS[key]} numbers, got {value!r}")
            common[key] = numbers
        else:
            known = ", ".join(("type", *_TEXT_KEYS, *_FLOAT_LISTS))
            raise InputError(f"unknown alert query key {key!r}; use {known}")
    alternatives: list[str | None] = [*types] if types else [None]
    return [EventFilter(type=t, limit=100_000, **common) for t in alternatives]  # type: ignore[arg-type]


def matching_ids(store: Store, filters: Sequence[EventFilter]) -> list[str]:
    return sorted({e.id for flt in filters for e in store.events(flt)})


@dataclass
class Alerter:
    """Remembers which matching events were alerted; :meth:`check` sends each new one once."""

    store: Store
    filters: Sequence[EventFilter]
    sink: Sink
    alerted: set[str] = field(default_factory=set)

    def baseline(self, already: Iterable[str] = ()) -> None:
        self.alerted.update(matching_ids(self.store, self.filters))
        self.alerted.update(already)

    def check(self) -> list[str]:
        """Alert the matching events not alerted yet; their ids."""
        new = [i for i in matching_ids(self.store, self.filters) if i not in self.alerted]
        for event_id in new:
            self.sink(self.store.event(event_id))
            self.alerted.add(event_id)
        return new


def jsonl_sink(path: Path) -> Sink:
    """Append each alert as one JSON line: ``{"alert": "new_event", "event": {...}}``."""

    def send(event: Event) -> None:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"alert": "new_event", "event": to_dict(event)}, ensure_ascii=False) + "\n")

    return send


def alerted_in_jsonl(path: Path) -> set[str]:
    """Event ids a JSONL alert file already holds (so a restarted watch does not repeat them)."""
    if not path.exists():
        return set()
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ids.add(json.loads(line)["event"]["id"])
    return ids


def webhook_sink(url: str, client: httpx.Client) -> Sink:
    """POST each alert as JSON to ``url``; a failed delivery is an error that stops the watch."""

    def send(event: Event) -> None:
        try:
            response = client.post(url, json={"alert": "new_event", "event": to_dict(event)})
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise InputError(f"alert webhook {url} failed: {exc}; check --alert-webhook") from exc

    return send


def watch(
    poll: Callable[[], object],
    alerter: Alerter | None,
    *,
    every: float,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Run ``poll`` (ingest the feeds), then alert, every ``every`` seconds; forever if rounds is None."""
    done = 0
    while rounds is None or done < rounds:
        if done:
            sleep(every)
        poll()
        if alerter is not None:
            alerter.check()
        done += 1


def run_watch(
    feeds: Sequence[str],
    *,
    db: str | None = None,
    every: str = "10m",
    alert_query: str | None = None,
    alert_webhook: str | None = None,
    alert_jsonl: Path | None = None,
    rounds: int | None = None,
    on_poll: Callable[[object], None] | None = None,
) -> None:
    """Poll ``feeds`` every ``every`` ("10m"), ingesting new items, and alert on new matching events."""
    from eventscope import api
    from eventscope.ingest import IngestOptions
    from eventscope.pipeline import build_pipeline

    interval = parse_duration(every)
    if alert_query is not None and alert_webhook is None and alert_jsonl is None:
        raise InputError(
            "--alert-query needs somewhere to send alerts: --alert-webhook URL or --alert-jsonl FILE"
        )
    if alert_query is None and (alert_webhook or alert_jsonl):
        raise InputError("alerts need a saved query: add --alert-query, e.g. type=ASSAULT&country=LB")
    settings = api.settings_for(db)
    options = IngestOptions(
        allow_private_urls=settings.allow_private_urls, fetch_timeout=settings.fetch_timeout
    )
    pipeline = build_pipeline(settings)
    with httpx.Client(timeout=settings.fetch_timeout) as client:
        try:
            alerter = None
            if alert_query is not None:
                sinks: list[Sink] = []
                already: set[str] = set()
                if alert_jsonl is not None:
                    sinks.append(jsonl_sink(alert_jsonl))
                    already = alerted_in_jsonl(alert_jsonl)
                if alert_webhook is not None:
                    sinks.append(webhook_sink(alert_webhook, client))
                alerter = Alerter(pipeline.store, parse_alert_query(alert_query), _fan_out(sinks))
                alerter.baseline(already)

            def poll() -> object:
                report = pipeline.ingest(feeds, options)
                if on_poll is not None:
                    on_poll(report)
                return report

            watch(poll, alerter, every=interval, rounds=rounds)
        finally:
            pipeline.store.close()


def _fan_out(sinks: Sequence[Sink]) -> Sink:
    def send(event: Event) -> None:
        for sink in sinks:
            sink(event)

    return send
