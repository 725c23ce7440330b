"""The web map and event page in a real headless Chromium (Debian ``chromium``, driven by Playwright)
against the real server (uvicorn on a free loopback port). Screenshots go to ``artifacts/``.

Outside CI the tests skip when Chromium or Playwright is missing; under CI=true they fail instead.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import store_samples as s
from tests.conftest import IN_CI, fill_sample_events

pytestmark = pytest.mark.ui

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = os.environ.get("EVENTSCOPE_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "ui-test-token"


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason}; the browser tests must run under CI=true (make install sets them up)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(tmp_path_factory, gazetteer) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uvicorn

    from eventscope.serve.app import create_app
    from eventscope.serve.assets import assets_ready

    if not assets_ready():
        _missing("web map files missing: run `make install`")
    url = fill_sample_events(f"sqlite:///{tmp_path_factory.mktemp('ui') / 'ui.db'}")
    app = create_app(url, token=TOKEN, gazetteer=gazetteer)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[dev]')")
    if not Path(CHROMIUM).is_file():
        _missing(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, server):  # type: ignore[no-untyped-def]
    # bypass_csp: Playwright's waits evaluate script, which our Content-Security-Policy forbids; it
    # also means the escaping test below proves the escaping itself, not just the policy.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=server, bypass_csp=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.problems = problems  # type: ignore[attr-defined]
    yield page
    context.close()
    assert problems == []


def wait_ready(page) -> dict:  # type: ignore[no-untyped-def]
    page.wait_for_function("window.eventscope && window.eventscope.ready === true")
    return page.evaluate("({...window.eventscope})")  # type: ignore[no-any-return]


def listed(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(page.locator("#event-list li").evaluate_all("els => els.map(e => e.dataset.eventId)"))


def shoot(page, name: str, *, full_page: bool = False) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    return path


def test_map_shows_markers_areas_arrow_and_timeline(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    drawn = wait_ready(page)
    assert drawn["markers"] == 4  # Bint Jbeil, Metula, al-Qusayr, Palmyra (reinforcements)
    assert drawn["areas"] == 1  # "east of Palmyra": a district, drawn as an area, not a point
    assert drawn["arrows"] == 1  # Homs -> Palmyra
    assert page.locator("path.es-movement").count() == 1
    assert page.locator(".es-arrowhead").count() == 1
    assert page.locator("path.es-area").count() == 1
    assert page.locator("#timeline rect.es-bar").count() == 5
    assert page.locator(".leaflet-overlay-pane path, .leaflet-borders-pane path").count() > 100  # borders
    assert len(listed(page)) == 5
    page.wait_for_timeout(300)  # let the fit animation settle for the picture
    shoot(page, "map.png")


def test_filter_by_type_and_the_url_keeps_it(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    wait_ready(page)
    page.select_option("select[name=type]", "MOBILIZE")
    page.click("#apply")
    drawn = wait_ready(page)
    assert listed(page) == {"ev-homs-palmyra-reinforcements"}
    assert drawn["arrows"] == 1 and drawn["markers"] == 1
    assert "type=MOBILIZE" in page.url
    page.goto(page.url)  # a shared link opens the same view
    wait_ready(page)
    assert page.locator("select[name=type]").input_value() == "MOBILIZE"
    assert listed(page) == {"ev-homs-palmyra-reinforcements"}


def test_filter_by_distance_to_the_border(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    wait_ready(page)
    page.fill("input[name=border]", "SY-LB")
    page.fill("input[name=within_km]", "20")
    page.click("#apply")
    wait_ready(page)
    assert listed(page) == {"ev-qusayr-shelling"}
    assert "border=SY-LB" in page.url and "within_km=20" in page.url
    shoot(page, "border-filter.png")
    page.fill("input[name=border]", "SY-JP")
    page.click("#apply")
    wait_ready(page)
    assert "share no land border" in page.locator("#error").inner_text()


def test_timeline_brush_filters_the_map(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    wait_ready(page)
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    # Drag over the first day only (2026-11-16: the al-Qusayr shelling).
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 32, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 40, y, steps=3)
    page.mouse.up()
    wait_ready(page)
    assert page.locator("input[name=since]").input_value() == "2026-11-16"
    assert listed(page) == {"ev-qusayr-shelling"}
    assert "since=2026-11-16" in page.url


def test_event_page_highlights_the_evidence(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    wait_ready(page)
    page.click("#event-list li[data-event-id=ev-bint-jbeil-strike] a")
    page.wait_for_url("**/events/ev-bint-jbeil-strike")
    page.wait_for_selector("#event[aria-busy=false]")
    for article, mention in ((s.STRIKE_NNA, s.M_STRIKE), (s.STRIKE_MINISTRY, s.M_STRIKE_MINISTRY)):
        text = page.locator(f".es-article-text[data-article-id='{article.id}']")
        assert text.inner_text() == article.text  # the whole article, as text
        marked = "".join(text.locator("mark.es-sentence").all_inner_texts())
        assert marked == mention.sentence.text  # exactly the report's sentence is highlighted
        fields = text.locator(".es-field").all_inner_texts()
        assert mention.trigger.text in fields and mention.attribution.evidence.text in "".join(fields)
    # The heading, then the fields with nothing stray (no "null" from an absent merge note).
    assert page.locator("#event > *").evaluate_all("els => els.map(e => e.tagName)")[:2] == ["H1", "DL"]
    report = page.locator(".es-report").first
    assert "claimant: Lebanon's state news agency NNA" in report.inner_text()
    assert "modality: asserted" in report.inner_text()
    page.locator(".es-quote", has_text="“on Thursday afternoon”").click()
    assert page.locator(".es-flash").first.inner_text() == "on Thursday afternoon"
    sections = page.locator(".es-section h2").all_inner_texts()
    assert {"Reports side by side", "Corroboration chain", "History"} <= set(sections)
    assert "created" in page.locator(".es-section", has_text="History").inner_text()
    shoot(page, "event.png", full_page=True)


@pytest.mark.model
def test_article_html_and_scripts_never_run(page, server) -> None:  # type: ignore[no-untyped-def]
    """An article whose title and body carry script tags and HTML, ingested through the API."""
    payload = '<script>window.__pwned = 1; alert("title")</script><img src=x onerror="window.__pwned = 2">'
    article = {
        "title": f"Clashes in Homs {payload}",
        "text": "Syrian army forces clashed with gunmen in the city of Homs on Monday, killing two soldiers "
        '<script>window.__pwned = 3; alert("body")</script><b onmouseover="window.__pwned = 4">bold</b>, '
        'a war monitor said. <iframe src="javascript:alert(5)"></iframe>',
        "url": "https://example.com/homs-clashes",
        "published": "2026-11-24T10:00:00+02:00",
    }
    response = page.request.post(
        "/api/ingest", data={"articles": [article]}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status == 200, response.text()
    found = page.request.get("/api/events?q=gunmen").json()["events"]
    assert found, "the ingested article produced no event"
    page.goto(f"/events/{found[0]['id']}")
    page.wait_for_selector("#event[aria-busy=false]")
    page.wait_for_timeout(300)  # time for any injected handler to fire
    assert page.evaluate("window.__pwned") is None
    title = page.locator(".es-article-title").first.inner_text()
    assert "<script>" in title and "onerror" in title  # shown as text, not parsed
    body = page.locator(".es-article-text").first
    assert "<script>" in body.inner_text()
    assert body.locator("script, img, iframe, b").count() == 0
    shoot(page, "escaped-article.png")
    page.goto("/?q=gunmen")
    wait_ready(page)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#event-list script, #event-list img").count() == 0
