"""Exports: JSONL (lossless), GeoJSON (points, null geometry, movement lines), ACLED-style CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, replace

import pytest

from eventscope.errors import InputError
from eventscope.export import (
    ACLED_COLUMNS,
    read_jsonl,
    write_acled_csv,
    write_export,
    write_geojson,
    write_jsonl,
)
from eventscope.export.acled_csv import COLUMNS, disorder_type, interaction
from eventscope.models import Article, Event, Mention, PlaceLevel
from eventscope.resolve.geo.seat import provincial_seat
from eventscope.store import EventFilter, open_store
from eventscope.store.codec import to_dict
from tests.store_samples import (
    E_MOVE,
    E_PALMYRA,
    E_ROCKETS,
    E_STRIKE,
    EVENTS,
    HOMS,
    M_MOVE,
    M_STRIKE,
    M_STRIKE_MINISTRY,
    MENTIONS_BY_EVENT,
    PALMYRA,
    PALMYRA_TOWN,
    STRIKE_MINISTRY,
    STRIKE_NNA,
)

# -- JSONL ------------------------------------------------------------------------------------------


def test_jsonl_is_one_event_per_line_with_its_mentions() -> None:
    out = io.StringIO()
    assert write_jsonl(EVENTS, MENTIONS_BY_EVENT, out) == 4
    lines = out.getvalue().splitlines()
    assert len(lines) == 4
    first = json.loads(lines[0])
    assert first["id"] == E_STRIKE.id
    assert first["mentions"] == [to_dict(M_STRIKE), to_dict(M_STRIKE_MINISTRY)]
    assert {k: v for k, v in first.items() if k != "mentions"} == to_dict(E_STRIKE)


def test_jsonl_reads_back_exactly() -> None:
    out = io.StringIO()
    write_jsonl(EVENTS, MENTIONS_BY_EVENT, out)
    back = list(read_jsonl(io.StringIO(out.getvalue() + "\n")))
    assert [e for e, _ in back] == list(EVENTS)
    assert [ms for _, ms in back] == [MENTIONS_BY_EVENT[e.id] for e in EVENTS]


def test_jsonl_keeps_non_ascii_text_readable() -> None:
    event = replace(E_PALMYRA, location_text="تدمر")
    out = io.StringIO()
    write_jsonl([event], {}, out)
    assert "تدمر" in out.getvalue()


@pytest.mark.parametrize(
    ("text", "message"), [("not json\n", "line 1: not JSON"), ("[1, 2]\n", "line 1: expected")]
)
def test_jsonl_reader_reports_the_bad_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(read_jsonl(io.StringIO(text)))


def test_exports_from_a_store(tmp_path) -> None:
    """The path the CLI takes: events and their mentions read from the store, then written."""
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        for article in (STRIKE_NNA, STRIKE_MINISTRY):
            store.save_article_results(
                article, [m for m in (M_STRIKE, M_STRIKE_MINISTRY) if m.article_id == article.id]
            )
        store.replace_events([E_STRIKE], {E_STRIKE.id: E_STRIKE.mention_ids})
        events = store.events(EventFilter())
        by_event = {e.id: store.event_mentions(e.id) for e in events}
        outlets = store.article_outlets(m.article_id for ms in by_event.values() for m in ms)
    out = io.StringIO()
    assert write_jsonl(events, by_event, out) == 1
    assert list(read_jsonl(io.StringIO(out.getvalue()))) == [(E_STRIKE, [M_STRIKE, M_STRIKE_MINISTRY])]
    csv_out = io.StringIO()
    write_acled_csv(events, by_event, csv_out, outlets=outlets)
    assert next(csv.DictReader(io.StringIO(csv_out.getvalue())))["source"] == "Cedar News; Levant Wire"


# -- GeoJSON ----------------------------------------------------------------------------------------


def geojson(events=EVENTS) -> tuple[int, dict]:
    out = io.StringIO()
    n = write_geojson(events, MENTIONS_BY_EVENT, out)
    return n, json.loads(out.getvalue())


def test_geojson_feature_collection_of_points() -> None:
    n, doc = geojson()
    assert doc["type"] == "FeatureCollection"
    assert n == len(doc["features"]) == 5  # four events and one movement
    strike = doc["features"][0]
    assert strike["type"] == "Feature" and strike["id"] == E_STRIKE.id
    assert strike["geometry"] == {"type": "Point", "coordinates": [35.4331, 33.1208]}  # lon, lat
    props = strike["properties"]
    assert props["kind"] == "event"
    assert props["plover_type"] == "ASSAULT" and props["acled_sub_type"] == "Air/drone strike"
    assert (props["start"], props["end"], props["time_precision"], props["geo_precision"]) == (
        "2026-11-19",
        "2026-11-19",
        1,
        1,
    )
    assert props["actor"]["name"] == "Military Forces of Israel"
    assert props["recipient"]["kind"] == "civilians"
    assert props["claim_status"] == "corroborated"
    assert (props["n_reports"], props["n_independent"]) == (2, 2)
    assert (props["fatalities_low"], props["fatalities_best"], props["fatalities_high"]) == (3, 3, 3)
    assert props["location_text"] == "Bint Jbeil"
    assert props["claimants"] == ["Lebanon's health ministry", "Lebanon's state news agency NNA"]


def test_geojson_keeps_events_without_a_place_with_null_geometry() -> None:
    unplaced = replace(E_ROCKETS, place=None, place_level=PlaceLevel.UNRESOLVED, geo_precision=3)
    n, doc = geojson([unplaced])
    assert n == 1
    assert doc["features"][0]["geometry"] is None
    assert doc["features"][0]["properties"]["place"] is None


def test_geojson_draws_movements_from_origin_to_destination() -> None:
    _, doc = geojson([E_MOVE])
    point, line = doc["features"]
    assert point["geometry"]["coordinates"] == [PALMYRA_TOWN.lon, PALMYRA_TOWN.lat]
    assert line["properties"]["kind"] == "movement" and line["properties"]["id"] == E_MOVE.id
    assert line["geometry"] == {
        "type": "LineString",
        "coordinates": [[HOMS.lon, HOMS.lat], [PALMYRA_TOWN.lon, PALMYRA_TOWN.lat]],
    }
    assert line["properties"]["origin"]["name"] == "Homs"
    assert line["properties"]["destination"]["name"] == "Palmyra"


def test_geojson_no_movement_without_both_ends() -> None:
    n, _ = geojson([replace(E_MOVE, origin=None)])
    assert n == 1


def test_geojson_of_nothing_is_an_empty_collection() -> None:
    n, doc = geojson([])
    assert n == 0 and doc == {"type": "FeatureCollection", "features": []}


# -- ACLED CSV --------------------------------------------------------------------------------------


def acled_rows(events=EVENTS, **kwargs) -> tuple[int, list[str], list[dict[str, str]]]:
    out = io.StringIO(newline="")
    n = write_acled_csv(events, MENTIONS_BY_EVENT, out, **kwargs)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    rows = list(reader)
    return n, list(reader.fieldnames or []), rows


def test_acled_header_is_acleds_columns_then_ours() -> None:
    _, header, _ = acled_rows([])
    assert header[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert header[:3] == ["event_id_cnty", "event_date", "year"] and header[30] == "timestamp"
    assert header[31:] == [
        "plover_type",
        "plover_mode",
        "cameo_root",
        "claim_status",
        "n_reports",
        "n_independent",
    ]
    assert header == list(COLUMNS)


def test_acled_row_for_an_air_strike_on_civilians() -> None:
    outlets = {STRIKE_NNA.id: "Levant Wire", STRIKE_MINISTRY.id: "Cedar News"}
    n, _, rows = acled_rows(outlets=outlets)
    assert n == len(rows) == 4
    row = rows[0]
    assert row["event_id_cnty"] == E_STRIKE.id
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2026-11-19", "2026", "1")
    assert row["disorder_type"] == "Political violence"
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    # Israel's forces acting in Lebanon: External/Other (ACLED codebook, inter 8: "state forces active
    # outside of their main country of operation")
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Israel", "8")
    assert (row["actor2"], row["inter2"]) == ("three civilians", "7")  # no canonical name: the text
    assert row["interaction"] == "78"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"]) == ("422", "Lebanon")
    assert (row["admin1"], row["admin2"], row["location"]) == ("Nabatieh", "Bint Jbeil", "Bint Jbeil")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("33.1208", "35.4331", "1")
    assert row["source"] == "Cedar News; Levant Wire"
    assert row["notes"] == E_STRIKE.summary
    assert row["fatalities"] == "3"
    assert "claimant=Lebanon's state news agency NNA" in row["tags"]
    assert row["region"] == row["admin3"] == row["assoc_actor_1"] == row["timestamp"] == ""
    assert (row["plover_type"], row["plover_mode"], row["cameo_root"]) == ("ASSAULT", "aerial", "19")
    assert (row["claim_status"], row["n_reports"], row["n_independent"]) == ("corroborated", "2", "2")


def test_acled_rows_for_other_events() -> None:
    _, _, rows = acled_rows()
    by_id = {r["event_id_cnty"]: r for r in rows}
    rockets = by_id[E_ROCKETS.id]
    assert (rockets["inter1"], rockets["actor2"], rockets["interaction"]) == ("3", "", "30")
    assert rockets["fatalities"] == "0"  # ACLED's convention when no report gives a number
    assert "modality=denied" in rockets["tags"]
    palmyra = by_id[E_PALMYRA.id]  # Syria's forces in Syria: state forces, 1
    assert (palmyra["disorder_type"], palmyra["interaction"], palmyra["country"]) == (
        "Political violence",
        "12",
        "Syria",
    )
    assert palmyra["civilian_targeting"] == ""
    assert by_id[E_MOVE.id]["disorder_type"] == "Strategic developments"


def test_acled_row_names_unnamed_actors_as_acled_does() -> None:
    """No perpetrator named: ACLED's Unidentified Armed Group (inter 3); a demonstration's crowd acts."""
    unnamed = replace(E_STRIKE, actor=None)
    protest_type = replace(E_STRIKE.type, acled_type="Protests", acled_sub_type="Peaceful protest")
    protest = replace(E_STRIKE, id="ev-protest", actor=None, type=protest_type)
    _, _, rows = acled_rows([unnamed, protest])
    strike, crowd = rows
    assert (strike["actor1"], strike["inter1"]) == ("Unidentified Armed Group (Lebanon)", "3")
    assert (crowd["actor1"], crowd["inter1"]) == ("Protesters (Lebanon)", "6")


def test_acled_row_without_a_place_uses_the_location_text() -> None:
    unplaced = replace(E_ROCKETS, place=None, place_level=PlaceLevel.UNRESOLVED, geo_precision=3)
    _, _, rows = acled_rows([unplaced])
    row = rows[0]
    assert (row["location"], row["latitude"], row["country"], row["geo_precision"]) == ("Metula", "", "", "3")


@pytest.mark.parametrize(
    ("acled_type", "sub_type", "expected"),
    [
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        ("Something new", "Other", ""),
    ],
)
def test_disorder_type(acled_type: str, sub_type: str, expected: str) -> None:
    assert disorder_type(acled_type, sub_type) == expected


def test_interaction_codes_put_the_lower_code_first() -> None:
    assert interaction(7, 1) == "17"
    assert interaction(None, 2) == "20"
    assert interaction(None, None) == ""


# -- write_export -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reports:
    """The shape write_export takes (api.EventView has it)."""

    event: Event
    mentions: tuple[Mention, ...]
    articles: tuple[Article, ...]


VIEWS = [
    Reports(E_STRIKE, (M_STRIKE, M_STRIKE_MINISTRY), (STRIKE_NNA, STRIKE_MINISTRY)),
    Reports(E_MOVE, (M_MOVE,), (PALMYRA,)),
]


def test_write_export_jsonl_names_each_reports_outlet() -> None:
    out = io.StringIO()
    assert write_export("jsonl", VIEWS, out) == 2
    first = json.loads(out.getvalue().splitlines()[0])
    assert [m["outlet"] for m in first["mentions"]] == ["Levant Wire", "Cedar News"]
    assert [e for e, _ in read_jsonl(io.StringIO(out.getvalue()))] == [E_STRIKE, E_MOVE]


def test_write_export_geojson_and_csv() -> None:
    geo = io.StringIO()
    assert write_export("geojson", VIEWS, geo) == 3  # two points and a movement line
    assert json.loads(geo.getvalue())["features"][2]["properties"]["kind"] == "movement"
    table = io.StringIO(newline="")
    assert write_export("acled-csv", VIEWS, table) == 2
    rows = list(csv.DictReader(io.StringIO(table.getvalue())))
    assert [r["source"] for r in rows] == ["Cedar News; Levant Wire", "Syria Frontline Report"]


def test_write_export_unknown_format() -> None:
    with pytest.raises(InputError, match="unknown export format 'kml'; use one of jsonl, geojson, acled-csv"):
        write_export("kml", VIEWS, io.StringIO())


def test_acled_row_places_a_province_only_event_at_the_provincial_capital(gazetteer) -> None:  # type: ignore[no-untyped-def]
    # ACLED codebook: an event known only by its province is coded at the provincial capital
    # (geo_precision 3); the province stays in admin1. Other formats keep the province's point.
    province = next(m.place for m in gazetteer.lookup("Turkana") if m.place.feature_code == "ADM1")
    event = replace(E_ROCKETS, place=province, place_level=PlaceLevel.ADMIN1, geo_precision=3)
    _, _, (plain,) = acled_rows([event])
    assert (plain["location"], plain["latitude"]) == ("Turkana", f"{province.lat:.4f}")
    _, _, (row,) = acled_rows([event], seat=provincial_seat(gazetteer))
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Lodwar", "Turkana", "3")
    lodwar = provincial_seat(gazetteer)(province)
    assert lodwar is not None and (row["latitude"], row["longitude"]) == (
        f"{lodwar.lat:.4f}",
        f"{lodwar.lon:.4f}",
    )
    # a town-level event keeps its own point, and a province with no known town keeps the province's
    _, _, (town,) = acled_rows([E_ROCKETS], seat=provincial_seat(gazetteer))
    assert town["location"] == "Metula"
    _, _, (kept,) = acled_rows([replace(event, place=replace(province, lat=1.0))], seat=lambda p: None)
    assert (kept["location"], kept["latitude"]) == ("Turkana", "1.0000")
