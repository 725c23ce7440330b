"""MUC-4 readers and scorer, on hand-written messages and key templates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventscope.evaluate.muc4 import (
    GoldPlaces,
    MucPrediction,
    is_terrorist_incident,
    muc_type,
    predict,
    score_muc,
)
from eventscope.evaluate.muc4_data import dateline_date, read_muc_keys, read_muc_texts
from eventscope.evaluate.muc4_score import date_matches
from eventscope.models import (
    ActorKind,
    ActorRef,
    EventType,
    Evidence,
    Magnitude,
    Mention,
    Place,
    TimePrecision,
    TimeRef,
)

from .conftest import shared_path

TEXTS = """DEV-MUC3-0001 (NOSC)

   SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] TERRORISTS KIDNAPPED 50 PEASANTS
IN SAN MIGUEL DEPARTMENT.

DEV-MUC3-0002 (INTEL TEXT PROC)

   TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB BLAST DAMAGED A TELEPHONE OFFICE.
"""

KEYS = """;;; a comment
0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  30 DEC 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)
4.  INCIDENT: TYPE                  KIDNAPPING
10. PERP: ORGANIZATION ID           "FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"
19. HUM TGT: DESCRIPTION            "PEASANTS"
                                    "CIVILIAN"

0.  MESSAGE: ID                     DEV-MUC3-0002 (NCCOSC)
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
4.  INCIDENT: TYPE                  *

0.  MESSAGE: ID                     DEV-MUC3-0003 (NCCOSC)
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
2.  INCIDENT: DATE                  - 08 JAN 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY) / PERU
4.  INCIDENT: TYPE                  BOMBING / ATTACK
10. PERP: ORGANIZATION ID           -
"""


class FakeGazetteer:
    """Two countries and two towns: enough to geocode the hand-written keys."""

    PLACES = {
        "el salvador": [Place("c:SV", "El Salvador", 13.8, -88.9, "A", "PCLI", "SV")],
        "peru": [Place("c:PE", "Peru", -10.0, -76.0, "A", "PCLI", "PE")],
        "san luis de la reina": [Place("g:1", "San Luis de la Reina", 13.81, -88.35, "P", "PPL", "SV")],
        "lima": [Place("g:2", "Lima", -12.05, -77.04, "P", "PPLC", "PE", population=7_000_000)],
    }

    def candidates(self, name: str) -> list[Place]:
        return self.PLACES.get(name.lower(), [])


def _write(tmp_path: Path) -> tuple[Path, Path]:
    texts, keys = tmp_path / "texts", tmp_path / "keys"
    texts.write_text(TEXTS, encoding="latin-1")
    keys.write_text(KEYS, encoding="latin-1")
    return texts, keys


def test_texts_keep_the_body_and_parse_the_dateline(tmp_path: Path) -> None:
    texts, _ = _write(tmp_path)
    messages = read_muc_texts([texts])
    assert list(messages) == ["DEV-MUC3-0001", "DEV-MUC3-0002"]
    first = messages["DEV-MUC3-0001"]
    assert first.dateline_city == "SAN SALVADOR" and first.dateline_date == date(1990, 1, 3)
    assert "KIDNAPPED 50 PEASANTS" in first.text
    # no year on the dateline: the previous message's year
    assert messages["DEV-MUC3-0002"].dateline_date == date(1990, 2, 7)
    assert dateline_date("JUNE 11 89") == date(1989, 6, 11)


def test_key_templates_are_parsed_into_fields(tmp_path: Path) -> None:
    _, keys = _write(tmp_path)
    parsed = read_muc_keys([keys])
    first = parsed["DEV-MUC3-0001"][0]
    assert first.is_incident and first.incident_type == "KIDNAPPING" and not first.optional
    assert first.dates == (date(1989, 12, 30), date(1989, 12, 30))
    assert first.locations[0].country == "EL SALVADOR"
    assert first.locations[0].places[-1] == ("SAN LUIS DE LA REINA", "TOWN")
    assert first.perp_orgs == (("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"),)
    assert first.slots["HUM TGT: DESCRIPTION"] == ('"PEASANTS"', '"CIVILIAN"')
    assert not parsed["DEV-MUC3-0002"][0].is_incident
    third = parsed["DEV-MUC3-0003"][0]
    assert third.optional and third.incident_type == "BOMBING" and third.perp_orgs == ()
    assert third.dates == (date(1990, 1, 8), date(1990, 1, 8))
    assert [loc.country for loc in third.locations] == ["PERU", "PERU"]


def _mention(plover: str, mode: str | None, trigger: str, kind: ActorKind | None = None) -> Mention:
    ev = Evidence("a", 0, len(trigger), trigger)
    actor = ActorRef(Evidence("a", 0, 5, "rebels"), kind=kind) if kind is not None else None
    return Mention("m", "a", ev, ev, EventType(plover, mode, "", "", ""), actor=actor)


def test_muc_types_from_plover_codings() -> None:
    assert muc_type(_mention("ASSAULT", "explosives", "BLAST")) == "BOMBING"
    assert muc_type(_mention("ASSAULT", "abduct", "kidnapped")) == "KIDNAPPING"
    assert muc_type(_mention("ASSAULT", "destroy", "burned")) == "ARSON"
    assert muc_type(_mention("ASSAULT", None, "robbed")) == "ROBBERY"
    assert muc_type(_mention("FIGHT", None, "clashed")) == "ATTACK"
    assert (
        muc_type(_mention("PROTEST", "strike-gen", "strike", ActorKind.REBEL_GROUP)) == "FORCED WORK STOPPAGE"
    )
    assert muc_type(_mention("PROTEST", "strike-gen", "strike", ActorKind.PROTESTERS)) is None
    assert muc_type(_mention("CONSULT", None, "met")) is None


def test_relevance_excludes_generic_tallies_and_military_targets() -> None:
    day = date(1989, 10, 12)
    attack = _mention("ASSAULT", None, "ATTACKED")
    assert is_terrorist_incident(attack, day)
    # a plural event noun without a date of its own names a kind of violence, not an incident
    assert not is_terrorist_incident(_mention("ASSAULT", None, "MURDERS"), day)
    dated = TimeRef(day, day, TimePrecision.DAY, evidence=Evidence("a", 0, 5, "TODAY"))
    assert is_terrorist_incident(replace(_mention("ASSAULT", None, "ATTACKS"), time=dated), day)
    # a toll in the hundreds sums up years of violence
    toll = Magnitude("killed", 70000, 70000, Evidence("a", 0, 6, "70,000"))
    assert not is_terrorist_incident(replace(attack, magnitudes=(toll,)), day)
    # soldiers and guerrillas as the target: military versus military
    soldiers = ActorRef(Evidence("a", 0, 14, "FIVE SOLDIERS"))
    assert not is_terrorist_incident(replace(attack, recipient=soldiers), day)
    minister = ActorRef(Evidence("a", 0, 20, "THE FORMER MINISTER"), kind=ActorKind.STATE_FORCES)
    assert is_terrorist_incident(replace(attack, recipient=minister), day)


def test_score_muc(tmp_path: Path) -> None:
    _, keys = _write(tmp_path)
    parsed = read_muc_keys([keys])
    town = Place("g:9", "San Luis", 13.82, -88.36, "P", "PPL", "SV")
    right = MucPrediction(
        "KIDNAPPING",
        date(1989, 12, 30),
        date(1989, 12, 30),
        town,
        "FMLN guerrillas",
        None,
        mention_place=None,  # the place came from the filler's fallbacks; the mention's own actor is generic
        mention_actor_text="guerrillas",
    )
    false_alarm = MucPrediction("ATTACK")
    wrong = MucPrediction("ATTACK", date(1990, 1, 9), date(1990, 1, 9), None, "army", None)
    ids = ["DEV-MUC3-0001", "DEV-MUC3-0002", "DEV-MUC3-0003"]
    m = score_muc(ids, parsed, [right, false_alarm, wrong], GoldPlaces(FakeGazetteer()))  # type: ignore[arg-type]
    assert m["n_docs"] == 3
    assert m["incident_f1"] == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    assert m["type_accuracy"] == 1.0  # "BOMBING / ATTACK": either fill is right
    assert m["date_exact"] == 0.5
    assert m["location_country_match"] == 0.5 and m["location_city_match"] == 0.5
    assert m["perp_org_match"] == 1.0  # only the first message names an organisation
    assert m["location_country_match_mention_only"] == 0.0 and m["perp_org_match_mention_only"] == 0.0
    assert set(m) == {
        "n_docs",
        "incident_f1",
        "type_accuracy",
        "date_exact",
        "location_country_match",
        "location_city_match",
        "perp_org_match",
        "location_country_match_mention_only",
        "perp_org_match_mention_only",
    }


@pytest.mark.model
def test_eval_muc4_on_real_messages() -> None:
    from eventscope.evaluate.muc4 import run_muc4

    texts = shared_path("data", "muc4", "texts", "tst1-muc3")
    keys = shared_path("data", "muc4", "keys", "key-tst1.v7")
    metrics = run_muc4(texts, keys, limit=12).metrics()
    assert metrics["n_docs"] == 12
    assert metrics["incident_f1"] > 0.4


def test_truecaser_keeps_offsets_and_restores_case() -> None:
    from eventscope.nlp import Truecaser

    truecaser = Truecaser(
        frozenset({"the", "army", "deny", "that", "attack", "farm", "guerrilla"}), {"guatemala": "Guatemala"}
    )
    text = "THE GUATEMALA ARMY DENIED THAT FMLN GUERRILLAS ATTACKED THE CEREZO FARM."
    cased = truecaser(text)
    assert len(cased) == len(text)
    assert cased == "The Guatemala army denied that FMLN guerrillas attacked the Cerezo farm."
    assert truecaser("Mixed case text stays exactly as it was written here.") == (
        "Mixed case text stays exactly as it was written here."
    )


def test_bracketed_location_alternatives_read_their_country() -> None:
    from eventscope.evaluate.muc4_data import _locations

    found = _locations(["(EL SALVADOR: ZARAGOZA (TOWN)) / (EL SALVADOR) / PERU: LIMA (CITY)"])
    assert [loc.country for loc in found] == ["EL SALVADOR", "EL SALVADOR", "PERU"]
    assert found[0].places == (("ZARAGOZA", "TOWN"),)


def test_key_dates_on_or_before_a_day(tmp_path: Path) -> None:
    """The task's form 3, "- 08 JAN 90" (on or before): any one day up to it, or no date in the text
    ("on or before" the report's day, the reporting window) against the same day."""
    _, keys = _write(tmp_path)
    parsed = read_muc_keys([keys])
    exact, open_key = parsed["DEV-MUC3-0001"], parsed["DEV-MUC3-0003"]
    assert not exact[0].dates_open and open_key[0].dates_open
    day = date(1990, 1, 5)
    assert date_matches(MucPrediction("ATTACK", day, day), open_key)
    assert not date_matches(MucPrediction("ATTACK", date(1990, 1, 9), date(1990, 1, 9)), open_key)
    assert date_matches(MucPrediction("ATTACK", before=date(1990, 1, 8)), open_key)
    assert not date_matches(MucPrediction("ATTACK", before=date(1990, 1, 7)), open_key)
    # a key that gives the day wants that day, not a window that ends on it
    assert not date_matches(MucPrediction("KIDNAPPING", before=date(1989, 12, 30)), exact)
    assert date_matches(MucPrediction("KIDNAPPING", date(1989, 12, 30), date(1989, 12, 30)), exact)
    # a range is not one day
    assert not date_matches(MucPrediction("ATTACK", date(1990, 1, 1), date(1990, 1, 8)), open_key)


def test_predict_says_on_or_before_when_the_text_gives_no_date() -> None:
    day = date(1989, 10, 12)
    window = TimeRef(day - timedelta(days=6), day, TimePrecision.WEEK, evidence=None, resolved=False)
    attack = replace(_mention("ASSAULT", None, "ATTACKED"), time=window)
    p = predict([attack], day)
    assert p.incident_type == "ATTACK" and p.start is None and p.end is None and p.before == day
