"""``eventscope watch``: a feed served on 127.0.0.1 gains an item; the next poll ingests only it and
sends exactly one alert for the matching event it reports."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import datetime
from email.utils import format_datetime
from functools import partial
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from eventscope.errors import InputError
from eventscope.store import EventFilter
from eventscope.watch import parse_alert_query, parse_duration, run_watch

QUERY = "type=ASSAULT&country=LB"  # the Bint Jbeil strike matches; the Nairobi protest does not


def demo_item(name: str) -> str:
    raw = (resources.files("eventscope") / "demo_articles" / name).read_text(encoding="utf-8")
    head, body = raw.split("\n\n", 1)
    lines = head.splitlines()
    meta = dict(line.split(": ", 1) for line in lines[1:])
    published = format_datetime(datetime.fromisoformat(meta["Published"]))
    return (
        f"<item><title>{escape(lines[0])}</title><link>{escape(meta['URL'])}</link>"
        f"<pubDate>{published}</pubDate><description>{escape(body.strip())}</description></item>"
    )


def write_feed(folder: Path, items: list[str]) -> None:
    channel = (
        "<channel><title>Test wire</title><link>http://127.0.0.1/</link>" + "".join(items) + "</channel>"
    )
    (folder / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>', encoding="utf-8"
    )


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "site"
    folder.mkdir()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml", folder
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.model
def test_a_new_feed_item_gives_exactly_one_alert(
    feed_server: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, folder = feed_server
    monkeypatch.setenv("EVENTSCOPE_ALLOW_PRIVATE_URLS", "true")
    protest = demo_item("06-nairobi-fuel-levy-protest.txt")
    strike = demo_item("01-bint-jbeil-strike-nna.txt")
    write_feed(folder, [protest])
    alerts = tmp_path / "alerts.jsonl"
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    polls: list[tuple[int, int]] = []

    def on_poll(report: object) -> None:
        polls.append((report.articles_new, report.articles_known))  # type: ignore[attr-defined]
        if len(polls) == 1:  # the feed gains the strike report after the first poll
            write_feed(folder, [strike, protest])

    run_watch([url], db=db, every="0.01s", alert_query=QUERY, alert_jsonl=alerts, rounds=3, on_poll=on_poll)

    assert polls == [(1, 0), (1, 1), (0, 2)]  # only new items are ingested
    lines = [json.loads(line) for line in alerts.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1
    event = lines[0]["event"]
    assert lines[0]["alert"] == "new_event"
    assert event["type"]["plover"] == "ASSAULT" and event["place"]["country_code"] == "LB"

    # A restarted watch does not repeat the alert.
    run_watch([url], db=db, every="0.01s", alert_query=QUERY, alert_jsonl=alerts, rounds=1)
    assert len(alerts.read_text(encoding="utf-8").splitlines()) == 1


def test_alert_queries() -> None:
    filters = parse_alert_query("type=MOBILIZE&type=ASSAULT&near=35.9,34.4,30")
    assert [f.type for f in filters] == ["MOBILIZE", "ASSAULT"]
    assert all(f.near == (35.9, 34.4, 30.0) for f in filters)
    assert parse_alert_query("country=LB") == [EventFilter(country="LB", limit=100_000)]
    for bad in ("", "near=1,2", "colour=red", "bbox=a,b,c,d"):
        with pytest.raises(InputError):
            parse_alert_query(bad)


def test_durations() -> None:
    assert [parse_duration(t) for t in ("90", "30s", "10m", "2h", "1d")] == [90, 30, 600, 7200, 86400]
    for bad in ("", "10 minutes", "0m", "-5s"):
        with pytest.raises(InputError):
            parse_duration(bad)


def test_alerts_need_a_destination_and_a_query(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--alert-webhook URL or --alert-jsonl"):
        run_watch(["x.xml"], db=f"sqlite:///{tmp_path / 'w.db'}", alert_query=QUERY, rounds=1)
