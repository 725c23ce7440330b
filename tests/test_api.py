"""The JSON API over real databases (SQLite, and PostgreSQL through ``db_url``), in-process over ASGI."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventscope.serve.app import create_app
from tests import store_samples as s

ALL = {"ev-bint-jbeil-strike", "ev-metula-rockets", "ev-palmyra-attack", "ev-homs-palmyra-reinforcements"}
QUSAYR = "ev-qusayr-shelling"


@pytest.fixture()
def client(events_db, gazetteer):  # type: ignore[no-untyped-def]
    with TestClient(create_app(events_db, token="s3cret", gazetteer=gazetteer)) as c:
        yield c


def ids(client: TestClient, query: str = "") -> set[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["events"])
    return {e["id"] for e in body["events"]}


def test_events_lists_every_event_with_its_fields(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 5 and body["limit"] == 100 and body["offset"] == 0
    move = next(e for e in body["events"] if e["id"] == "ev-homs-palmyra-reinforcements")
    assert move["origin"]["name"] == "Homs" and move["destination"]["name"] == "Palmyra"
    assert move["type"]["plover"] == "MOBILIZE" and move["place_level"] == "town"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("since=2026-11-19", {"ev-bint-jbeil-strike", "ev-palmyra-attack", "ev-homs-palmyra-reinforcements"}),
        ("until=2026-11-16", {QUSAYR}),
        ("since=2026-11-18&until=2026-11-18", {"ev-metula-rockets", "ev-palmyra-attack"}),
        ("type=mobilize", {"ev-homs-palmyra-reinforcements"}),
        ("type=Air/drone strike", {"ev-bint-jbeil-strike"}),
        ("type=Explosions/Remote violence", {"ev-bint-jbeil-strike", "ev-metula-rockets", QUSAYR}),
        ("actor=hezbollah", {"ev-metula-rockets"}),
        ("country=lb", {"ev-bint-jbeil-strike"}),
        ("status=disputed", {"ev-metula-rockets"}),
        ("status=corroborated", {"ev-bint-jbeil-strike"}),
        ("q=Lebanese border", {QUSAYR}),
        ("bbox=35,33,36,33.5", {"ev-bint-jbeil-strike", "ev-metula-rockets"}),
        ("near=34.56,38.27&within_km=20", {"ev-palmyra-attack", "ev-homs-palmyra-reinforcements"}),
        ("near=Homs&within_km=40", {QUSAYR}),
        ("near=Homs&within_km=5", set()),
        ("border=SY-LB&within_km=20", {QUSAYR}),
        ("border=SY-LB&within_km=30", {QUSAYR, "ev-metula-rockets"}),
        ("border=lb-sy&within_km=5", set()),
        ("border=LB-IL&within_km=10", {"ev-bint-jbeil-strike", "ev-metula-rockets"}),
        ("border=LB-IL&within_km=10&type=ASSAULT&country=IL", {"ev-metula-rockets"}),
        (
            "border=SY-LB&within_km=300&bbox=38,34,39,35",
            {"ev-palmyra-attack", "ev-homs-palmyra-reinforcements"},
        ),
    ],
)
def test_each_filter(client: TestClient, query: str, expected: set[str]) -> None:
    assert ids(client, query) == expected


def test_paging_and_sorting(client: TestClient) -> None:
    oldest_first = [e["id"] for e in client.get("/api/events?sort=start").json()["events"]]
    assert oldest_first[0] == QUSAYR and oldest_first[-1] == "ev-homs-palmyra-reinforcements"
    newest_first = [e["id"] for e in client.get("/api/events?sort=-start").json()["events"]]
    assert newest_first[0] == "ev-homs-palmyra-reinforcements"
    assert client.get("/api/events?sort=reports").json()["events"][0]["id"] == "ev-bint-jbeil-strike"
    page = client.get("/api/events?sort=start&limit=2&offset=2").json()
    assert page["total"] == 5 and [e["id"] for e in page["events"]] == oldest_first[2:4]
    # Paging after an area filter counts only events inside the area.
    area = client.get("/api/events?border=LB-IL&within_km=10&limit=1&offset=1&sort=start").json()
    assert area["total"] == 2 and [e["id"] for e in area["events"]] == ["ev-bint-jbeil-strike"]
    assert client.get("/api/events?offset=50").json() == {
        "total": 5,
        "limit": 100,
        "offset": 50,
        "events": [],
    }


def test_one_event_with_reports_evidence_articles_and_history(client: TestClient) -> None:
    doc = client.get("/api/events/ev-bint-jbeil-strike").json()
    assert doc["id"] == doc["requested_id"] == "ev-bint-jbeil-strike"
    assert [m["id"] for m in doc["mentions"]] == [s.M_STRIKE.id, s.M_STRIKE_MINISTRY.id]
    assert {m["outlet"] for m in doc["mentions"]} == {"Levant Wire", "Cedar News"}
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for m in doc["mentions"]:  # every evidence span quotes its article exactly
        for ev in (m["sentence"], m["trigger"], m["actor"]["evidence"], m["attribution"]["evidence"]):
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
    assert doc["mentions"][0]["attribution"]["claimant"] == "Lebanon's state news agency NNA"
    assert doc["history"][0]["kind"] == "created"
    assert doc["claim_status"] == "corroborated"


def test_article_with_its_reports(client: TestClient) -> None:
    doc = client.get(f"/api/articles/{s.PALMYRA.id}").json()
    assert doc["title"] == s.PALMYRA.title and doc["text"] == s.PALMYRA.text
    assert [m["id"] for m in doc["mentions"]] == [s.M_PALMYRA.id, s.M_MOVE.id]


def test_places(client: TestClient) -> None:
    body = client.get("/api/places").json()
    by_name = {p["name"]: p for p in body["places"]}
    assert body["total"] == len(body["places"]) == 5
    assert by_name["Palmyra"]["n_events"] == 2 and by_name["Homs"]["n_events"] == 0
    assert body["places"][0]["name"] == "Palmyra"  # most events first
    assert [p["name"] for p in client.get("/api/places?q=palm").json()["places"]] == ["Palmyra"]
    assert {p["name"] for p in client.get("/api/places?country=lb").json()["places"]} == {"Bint Jbeil"}
    assert client.get("/api/places?limit=2&offset=4").json()["places"][0]["name"] in by_name


def test_stats_by_day_and_type(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["total"] == 5 == sum(r["count"] for r in body["by_day"])
    assert {"day": "2026-11-17", "acled_type": "Battles", "type": "FIGHT", "count": 1} in body["by_day"]
    assert body["by_type"] == {"ASSAULT": 3, "FIGHT": 1, "MOBILIZE": 1}
    assert body["by_acled_type"]["Explosions/Remote violence"] == 3
    border = client.get("/api/stats?border=SY-LB&within_km=20").json()
    assert border["total"] == 1 and border["by_day"][0]["day"] == "2026-11-16"
    assert client.get("/api/stats?type=FIGHT&since=2026-11-20").json()["total"] == 0


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/places"} <= set(
        paths
    )
    assert {"/api/stats", "/api/ingest"} <= set(paths)
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "actor", "country", "status", "q", "bbox", "near", "within_km"} <= names
    assert {"border", "limit", "offset", "sort"} <= names
    assert client.get("/docs").status_code == 200


def test_ingest_needs_the_token(events_db, gazetteer) -> None:  # type: ignore[no-untyped-def]
    body = {"articles": [{"text": "Protesters marched in Beirut on Sunday."}]}
    with TestClient(create_app(events_db, gazetteer=gazetteer)) as closed:
        assert closed.post("/api/ingest", json=body).status_code == 403
    with TestClient(create_app(events_db, token="s3cret", gazetteer=gazetteer)) as c:
        assert c.post("/api/ingest", json=body).status_code == 401
        wrong = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert c.get("/api/events").json()["total"] == 5  # nothing was written


@pytest.mark.model
def test_ingest_through_the_api(client: TestClient) -> None:
    article = {
        "title": "Clashes in Homs",
        "text": "Syrian army forces clashed with gunmen in the city of Homs on Monday, killing two soldiers, "
        "a war monitor said.",
        "outlet": "Test Wire",
        "published": "2026-11-24T10:00:00+02:00",
    }
    headers = {"Authorization": "Bearer s3cret"}
    first = client.post("/api/ingest", json={"articles": [article]}, headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["articles_new"] == 1 and first.json()["mentions"] >= 1
    again = client.post("/api/ingest", json={"articles": [article]}, headers=headers).json()
    assert again["articles_new"] == 0 and again["articles_known"] == 1
    found = client.get("/api/events?q=gunmen").json()["events"]
    assert found and found[0]["start"] == "2026-11-23"
