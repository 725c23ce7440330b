"""One JSON error shape for every failing request, on every endpoint (STYLE 11)."""

from __future__ import annotations

import sqlite3

from fastapi.testclient import TestClient

from eventscope.serve.app import create_app

TOKEN = {"Authorization": "Bearer s3cret"}
# (method, path, body, headers, expected status); every endpoint appears at least once.
FAILURES = [
    ("GET", "/api/events?since=yesterday", None, {}, 422),
    ("GET", "/api/events?since=2026-11-20&until=2026-11-01", None, {}, 422),
    ("GET", "/api/events?limit=0", None, {}, 422),
    ("GET", "/api/events?limit=5000", None, {}, 422),
    ("GET", "/api/events?offset=-1", None, {}, 422),
    ("GET", "/api/events?sort=sideways", None, {}, 422),
    ("GET", "/api/events?status=rumour", None, {}, 422),
    ("GET", "/api/events?country=Syria", None, {}, 422),
    ("GET", "/api/events?bbox=1,2,3", None, {}, 422),
    ("GET", "/api/events?bbox=10,0,5,1", None, {}, 422),
    ("GET", "/api/events?within_km=10", None, {}, 422),
    ("GET", "/api/events?near=Homs&within_km=-3", None, {}, 422),
    ("GET", "/api/events?near=Homs&border=SY-LB", None, {}, 422),
    ("GET", "/api/events?border=Syria", None, {}, 422),
    ("GET", "/api/events?border=SY-JP", None, {}, 400),
    ("GET", "/api/events?near=95,10", None, {}, 400),
    ("GET", "/api/events?near=Qqqxyzzyville", None, {}, 400),
    ("GET", "/api/events?contry=SY", None, {}, 422),
    ("GET", "/api/events/no-such-event", None, {}, 404),
    ("GET", "/api/events/bad%20id%3Cscript%3E", None, {}, 422),
    ("GET", "/api/articles/no-such-article", None, {}, 404),
    ("GET", "/api/articles/bad%20id", None, {}, 422),
    ("GET", "/api/places?limit=abc", None, {}, 422),
    ("GET", "/api/places?country=123", None, {}, 422),
    ("GET", "/api/stats?until=2026-13-40", None, {}, 422),
    ("GET", "/api/stats?border=SY-LB&near=Homs", None, {}, 422),
    ("POST", "/api/ingest", {"articles": [{"text": "x"}]}, {}, 401),
    ("POST", "/api/ingest", {"articles": []}, TOKEN, 422),
    ("POST", "/api/ingest", {"articles": [{"title": "no text"}]}, TOKEN, 422),
    ("POST", "/api/ingest", {"articles": [{"text": "x", "url": "javascript:alert(1)"}]}, TOKEN, 422),
    ("DELETE", "/api/events", None, {}, 405),
    ("GET", "/api/ingest", None, {}, 405),
    ("GET", "/api/nothing-here", None, {}, 404),
    ("GET", "/events/bad%20id", None, {}, 422),
]


def assert_error_shape(response, status: int) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "details"}, error
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"] and "\n" not in error["message"]
    assert isinstance(error["details"], list)
    if status == 422:
        assert error["code"] == "invalid_parameter"
        assert all(set(d) == {"parameter", "message"} for d in error["details"]) and error["details"]


def test_every_failure_has_the_one_error_shape(tmp_path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import fill_sample_events

    path = tmp_path / "errors.db"
    app = create_app(fill_sample_events(f"sqlite:///{path}"), token="s3cret", gazetteer=gazetteer)
    with TestClient(app, raise_server_exceptions=False) as client:
        for method, url, body, headers, status in FAILURES:
            response = client.request(method, url, json=body, headers=headers)
            assert_error_shape(response, status)
        # A database that breaks under the running server: a 500, still in the same shape.
        with sqlite3.connect(path) as db:
            db.execute("DROP TABLE event_mentions")
        assert_error_shape(client.get("/api/events/ev-metula-rockets"), 500)
        with sqlite3.connect(path) as db:
            db.execute("DROP TABLE places")
        assert_error_shape(client.get("/api/places"), 500)
        with sqlite3.connect(path) as db:
            db.execute("DROP TABLE events")
        for url in ("/api/events", "/api/stats", "/api/events/ev-metula-rockets"):
            assert_error_shape(client.get(url), 500)
        with sqlite3.connect(path) as db:
            db.execute("DROP TABLE mentions")
        assert_error_shape(client.get("/api/articles/" + "a1" + "0" * 62), 500)
