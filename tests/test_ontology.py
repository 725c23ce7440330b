"""The PLOVER -> ACLED -> CAMEO crosswalk: every type codes to a real ACLED pair and CAMEO root, and
the splits that depend on who was hit, who acted and whether anyone died."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from eventscope.errors import EventscopeError, NotFoundError
from eventscope.models import ActorKind, EventType
from eventscope.resolve.ontology import (
    acled_types,
    crosswalk,
    crosswalk_rules,
    normalise_plover,
    parse_rules,
    plover_modes,
    plover_types,
)

from .conftest import shared_path

PLOVER_07 = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
CAMEO_ROOTS = {f"{i:02d}" for i in range(1, 21)}
KINDS: list[ActorKind | None] = [None, *ActorKind]


def valid(event_type: EventType) -> bool:
    return (
        event_type.acled_sub_type in acled_types().get(event_type.acled_type, ())
        and event_type.cameo_root in CAMEO_ROOTS
    )


def test_acled_has_its_six_types_and_25_sub_types() -> None:
    types = acled_types()
    assert set(types) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }  # fmt: skip
    assert sum(len(subs) for subs in types.values()) == 25
    assert "Air/drone strike" in types["Explosions/Remote violence"]
    assert "Non-violent transfer of territory" in types["Strategic developments"]


def test_plover_types_are_the_codebook_types_plus_fight() -> None:
    assert set(plover_types()) == PLOVER_07 | {"FIGHT"}


@pytest.mark.parametrize("plover", plover_types())
def test_every_type_mode_and_recipient_codes_to_a_valid_acled_pair_and_cameo_root(plover: str) -> None:
    for mode in (None, *plover_modes(plover)):
        for recipient in KINDS:
            for fatalities in (None, True, False):
                event_type = crosswalk(plover, mode, recipient_kind=recipient, fatalities=fatalities)
                assert valid(event_type), (plover, mode, recipient, event_type)
                assert event_type.plover == plover and event_type.plover_mode == mode


def test_every_acled_sub_type_is_reachable() -> None:
    reached = {(r.acled_type, r.acled_sub_type) for rules in crosswalk_rules().values() for r in rules}
    assert reached == {(t, s) for t, subs in acled_types().items() for s in subs}


K = ActorKind
ERV, VAC, SD = "Explosions/Remote violence", "Violence against civilians", "Strategic developments"


@pytest.mark.parametrize(
    ("plover", "mode", "kwargs", "acled", "cameo"),
    [
        ("ASSAULT", "aerial", {}, (ERV, "Air/drone strike"), "19"),
        ("ASSAULT", "explosives", {}, (ERV, "Remote explosive/landmine/IED"), "18"),
        ("ASSAULT", "suicide-attack", {}, (ERV, "Suicide bomb"), "18"),
        ("ASSAULT", "heavy-weapons", {}, (ERV, "Shelling/artillery/missile attack"), "19"),
        ("ASSAULT", "abduct", {}, (VAC, "Abduction/forced disappearance"), "18"),
        ("ASSAULT", "sexual", {}, (VAC, "Sexual violence"), "18"),
        ("ASSAULT", "firearms", {"recipient_kind": K.CIVILIANS}, (VAC, "Attack"), "18"),
        ("ASSAULT", "firearms", {"recipient_kind": K.STATE_FORCES}, ("Battles", "Armed clash"), "19"),
        ("ASSAULT", None, {"recipient_kind": K.REBEL_GROUP}, ("Battles", "Armed clash"), "19"),
        ("ASSAULT", None, {}, (VAC, "Attack"), "18"),
        ("ASSAULT", None, {"actor_kind": K.RIOTERS}, ("Riots", "Mob violence"), "18"),
        (
            "ASSAULT",
            "beat",
            {"recipient_kind": K.PROTESTERS},
            ("Protests", "Protest with intervention"),
            "17",
        ),
        (
            "ASSAULT",
            "firearms",
            {"recipient_kind": K.PROTESTERS, "fatalities": True},
            ("Protests", "Excessive force against protesters"),
            "17",
        ),
        ("FIGHT", None, {}, ("Battles", "Armed clash"), "19"),
        (
            "FIGHT",
            "territory",
            {"actor_kind": K.STATE_FORCES},
            ("Battles", "Government regains territory"),
            "19",
        ),
        (
            "FIGHT",
            "territory",
            {"actor_kind": K.REBEL_GROUP},
            ("Battles", "Non-state actor overtakes territory"),
            "19",
        ),
        ("PROTEST", "demo", {}, ("Protests", "Peaceful protest"), "14"),
        ("PROTEST", "strike-hun", {}, ("Protests", "Peaceful protest"), "14"),
        ("PROTEST", "riot", {}, ("Riots", "Violent demonstration"), "14"),
        ("PROTEST", None, {"actor_kind": K.RIOTERS}, ("Riots", "Violent demonstration"), "14"),
        ("MOBILIZE", None, {}, (SD, "Other"), "15"),
        ("MOBILIZE", "troops", {}, (SD, "Change to group/activity"), "15"),
        ("MOBILIZE", "base", {}, (SD, "Headquarters or base established"), "15"),
        ("COERCE", "territory", {}, (SD, "Non-violent transfer of territory"), "19"),
        ("COERCE", "arrest", {}, (SD, "Arrests"), "17"),
        (
            "COERCE",
            "arrest",
            {"recipient_kind": K.PROTESTERS},
            ("Protests", "Protest with intervention"),
            "17",
        ),
        ("COERCE", "disrupt-weapons", {}, (SD, "Disrupted weapons use"), "17"),
        ("RETREAT", "withdraw", {}, (SD, "Non-violent transfer of territory"), "08"),
        ("RETREAT", "ceasefire", {}, (SD, "Agreement"), "08"),
        ("CONSULT", "visit", {}, (SD, "Other"), "04"),
        ("AGREE", None, {}, (SD, "Agreement"), "03"),
        ("SUPPORT", None, {}, (SD, "Other"), "05"),
        ("THREATEN", "violence", {}, (SD, "Other"), "13"),
        ("SANCTION", None, {}, (SD, "Other"), "16"),
        ("ACCUSE", None, {}, (SD, "Other"), "11"),
    ],
)
def test_crosswalk_codes(
    plover: str, mode: str | None, kwargs: dict[str, object], acled: tuple[str, str], cameo: str
) -> None:
    event_type = crosswalk(plover, mode, **kwargs)  # type: ignore[arg-type]
    assert (event_type.acled_type, event_type.acled_sub_type) == acled
    assert event_type.cameo_root == cameo


def test_protest_split_needs_reported_deaths() -> None:
    protesters = ActorKind.PROTESTERS
    assert crosswalk("ASSAULT", "firearms", recipient_kind=protesters, fatalities=False).acled_sub_type == (
        "Protest with intervention"
    )
    assert (
        crosswalk("ASSAULT", "firearms", recipient_kind=protesters).acled_sub_type
        == "Protest with intervention"
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (("DISAPPROVE", None), ("ACCUSE", None)),
        (("INVESTIGATE", ""), ("ACCUSE", "investigate")),
        (("REQUEST", None), ("DEMAND", None)),
        (("COOPERATION", None), ("COOPERATE", None)),
        (("assault", "Suicide_Bomb"), ("ASSAULT", "suicide-attack")),
        (("PROTEST", "demo-org"), ("PROTEST", "demo")),
        (("PROTEST", "riot-spon"), ("PROTEST", "riot")),
        (("THREATEN", "curfew"), ("THREATEN", "restrict")),
        (("COERCE", "detain"), ("COERCE", "arrest")),
        (("COERCE", "seize"), ("COERCE", "territory")),
        (("ASSAULT", "shelling"), ("ASSAULT", "heavy-weapons")),
        (("CONSULT", "meet"), ("CONSULT", None)),
        (("RETREAT", "military"), ("RETREAT", "withdraw")),
    ],
)
def test_older_names_and_spellings_are_accepted(
    given: tuple[str, str | None], expected: tuple[str, str | None]
) -> None:
    assert normalise_plover(*given) == expected
    assert crosswalk(*given).plover == expected[0]


def test_investigate_keeps_its_cameo_root() -> None:
    assert crosswalk("INVESTIGATE").cameo_root == "09"
    assert crosswalk("DISAPPROVE").cameo_root == "11"


def test_unknown_type_or_mode_is_a_clear_error() -> None:
    with pytest.raises(NotFoundError, match="unknown PLOVER event type 'BOMBARD'.*ASSAULT"):
        crosswalk("BOMBARD")
    with pytest.raises(NotFoundError, match="unknown mode 'laser' for PLOVER ASSAULT.*aerial"):
        crosswalk("ASSAULT", "laser")
    assert issubclass(NotFoundError, EventscopeError)


HEADER = "plover,mode,actor_kind,recipient_kind,fatalities,acled_type,acled_sub_type,cameo_root,note\n"
DEFAULTS = "".join(f"{t},,,,,Strategic developments,Other,04,\n" for t in plover_types() if t != "ASSAULT")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "ASSAULT,,,civilians,,Violence against civilians,Attack,18,\n",
            "ASSAULT must end with a default row",
        ),
        (
            "ASSAULT,,,,,Violence against civilians,Attack,18,\nASSAULT,aerial,,,,Battles,Armed clash,19,\n",
            "line 3: never used, line 2 above matches every case first",
        ),
        ("ASSAULT,,,,,Battles,Attack,18,\n", "not an ACLED event type and sub-event type"),
        ("ASSAULT,,,,,Battles,Armed clash,7,\n", "two digits, 01 to 20"),
        ("ASSAULT,,,soldiers,,Battles,Armed clash,19,\n", "unknown actor kind 'soldiers'"),
        ("ASSAULT,laser,,,,Battles,Armed clash,19,\n", "'laser' is not a mode of ASSAULT"),
    ],
)
def test_a_broken_table_is_refused_with_its_line(rows: str, message: str) -> None:
    with pytest.raises(EventscopeError, match=message):
        parse_rules(HEADER + rows + DEFAULTS)


def test_trigger_lexicon_types_and_modes_all_crosswalk() -> None:
    """The extractor's trigger lexicon must only use types and modes the crosswalk knows."""
    path = Path(__file__).resolve().parents[1] / "src/eventscope/extract/lexicon/triggers.yaml"
    if not path.exists():
        pytest.skip("no trigger lexicon yet")
    pairs: set[tuple[str, str | None]] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "plover" in node:
                pairs.add((node["plover"], node.get("mode")))
            for key, value in node.items():
                if key == "object_types" and isinstance(value, dict):
                    # "ASSAULT/primitive" or "ASSAULT/primitive/rioters": a type, the mode it sets
                    # and the actor kind the object implies
                    pairs.update(
                        (parts[0], parts[1] if len(parts) > 1 and parts[1] else None)
                        for parts in (v.split("/") for v in value.values())
                    )
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert pairs
    for plover, mode in pairs:
        assert valid(crosswalk(plover, mode)), (plover, mode)


@pytest.mark.shared
def test_plover_gold_standard_codings_all_crosswalk() -> None:
    records = json.loads(
        shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.dev.json").read_text(encoding="utf-8")
    )
    codings = {(r["event"], r.get("mode")) for r in records if r.get("event") not in (None, "DOCUMENT")}
    assert len(codings) > 30
    for plover, mode in codings:
        assert valid(crosswalk(plover, mode)), (plover, mode)
