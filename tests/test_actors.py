"""The actor dictionary: alias families, generic agents, users' files, ACLED names and inter codes."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
import yaml

from eventscope.errors import InputError
from eventscope.models import ActorKind, ActorRef, Evidence
from eventscope.resolve.actors import (
    ActorDictionary,
    ActorEntry,
    GenericAgent,
    acled_inter,
    load_actor_dictionary,
    normalise,
)

from .conftest import shared_path


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()


def evidence(text: str) -> Evidence:
    return Evidence("article-1", 100, 100 + len(text), text)


ALIAS_FAMILIES = {
    "islamic-state": [
        "ISIS", "ISIL", "IS", "Daesh", "Islamic State", "the Islamic State", "ISIS cells",
        "Islamic State fighters", "remnants of ISIS", "dozens of former ISIS fighters",
        "Islamic State (Kenya)",
    ],
    "hezbollah": [
        "Hezbollah", "Hizballah", "Hizbullah", "Hizbollah", "Hezbollah fighters", "Lebanese Hezbollah",
        "members of Hezbollah", "Hezbollah's positions",
    ],
    "hamas": ["Hamas", "Hamas militants", "Izz ad-Din al-Qassam Brigades"],
    "al-qaeda": ["Al-Qaeda", "al-Qaida", "al Qaeda"],
    "hts": ["Hayat Tahrir al-Sham", "HTS", "Hay'at Tahrir al-Sham", "Nusra Front", "Jabhat al-Nusra",
            "Al-Qaeda's Nusra Front"],
    "military-sy": [
        "Syrian army", "the Syrian Arab Army", "SAA", "The Syrian military itself", "Damascus's forces",
        "Syrian government forces", "Foreign fighters from the Syrian army", "the Syrian army's brigades",
        "forces affiliated with the Ministry of Defense of the \u2018Syrian Transitional Government\u2019",
        "Military Forces of Syria (2024-)", "Syrian troops", "Assad's forces",
    ],
    "government-sy": ["Syria", "Damascus", "the Syrian government", "the new authorities in Damascus",
                      "Sharaa's government"],
    "military-lb": ["Lebanese Armed Forces", "LAF", "the Lebanese army", "Lebanese soldiers"],
    "military-il": ["IDF", "Israel Defense Forces", "Israeli army", "Israeli military", "Israeli forces",
                    "Israeli troops", "Israeli warplanes"],
    "irgc": ["IRGC", "Iran's Islamic Revolutionary Guard Corps", "the Revolutionary Guards", "Quds Force"],
    "houthis": ["Houthis", "Ansar Allah", "Houthi rebels", "Houthi drones"],
    "al-shabaab": ["al-Shabaab", "Al Shabaab", "al-Shabab militants"],
    "boko-haram": ["Boko Haram", "JAS"],
    "iswap": ["ISWAP", "Islamic State West Africa Province"],
    "jnim": ["JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"],
    "rsf": ["RSF", "Rapid Support Forces", "RSF fighters"],
    "military-sd": ["SAF", "Sudanese Armed Forces", "the Sudanese army"],
    "m23": ["M23", "M23 rebels", "March 23 Movement"],
    "government-af": ["Taliban", "Taliban fighters", "the Afghan Taliban"],
    "ttp": ["Pakistani Taliban", "TTP"],
    "pkk": ["PKK", "Kurdistan Workers' Party"],
    "sdf": ["SDF", "Syrian Democratic Forces", "the Kurdish-led SDF"],
    "wagner-group": ["Wagner", "Wagner Group", "Wagner mercenaries"],
    "military-ke": ["KDF", "Kenya Defence Forces", "Kenyan army", "Military Forces of Kenya (2013-)"],
    "police-ke": ["Kenya police", "Kenyan police", "Kenyan police officers", "Police Forces of Kenya (2013-)",
                  "Police Forces of Kenya (2013-) General Service Unit"],
    "military-ua": ["Ukrainian forces", "Armed Forces of Ukraine"],
    "military-ru": ["Russian troops", "the Russian army"],
    "military-us": ["US military", "U.S. forces", "American troops", "the Pentagon"],
    "government-us": ["the US", "Washington", "the United States", "U.S.", "the White House"],
    "person-ahmad-al-sharaa": [
        "Ahmad al-Sharaa", "Sharaa", "al-Sharaa", "Ahmed al-Sharaa", "Abu Mohammad al-Jolani",
        "self-appointed Syrian President Ahmad al-Sharaa",
    ],
    "person-tom-barrack": ["Tom Barrack", "US envoy Tom Barrack"],
    "person-bashar-al-assad": ["Bashar al-Assad", "former president Bashar al-Assad"],
    "sldf": ["SLDF: Sabaot Land Defence Force", "SLDF"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor_id"), [(text, actor_id) for actor_id, texts in ALIAS_FAMILIES.items() for text in texts]
)
def test_alias_families_resolve(actors: ActorDictionary, text: str, actor_id: str) -> None:
    entry = actors.lookup(text)
    assert entry is not None and entry.id == actor_id, (text, entry)
    ref = actors.resolve(evidence(text))
    assert (ref.canonical_id, ref.name, ref.kind, ref.country) == (
        entry.id,
        entry.name,
        entry.kind,
        entry.country,
    )
    assert ref.evidence == evidence(text)


def test_seed_actors_have_the_kinds_and_countries_acled_would_give(actors: ActorDictionary) -> None:
    expected = {
        "Syrian army": (ActorKind.STATE_FORCES, "SY"),
        "ISIS cells": (ActorKind.REBEL_GROUP, None),
        "Hezbollah": (ActorKind.POLITICAL_MILITIA, "LB"),
        "Ahmad al-Sharaa": (ActorKind.STATE_FORCES, "SY"),
        "Tom Barrack": (ActorKind.STATE_FORCES, "US"),
        "Lebanese Armed Forces": (ActorKind.STATE_FORCES, "LB"),
        "the US": (ActorKind.STATE_FORCES, "US"),
    }
    for text, (kind, country) in expected.items():
        ref = actors.resolve(evidence(text))
        assert (ref.kind, ref.country) == (kind, country), text


K = ActorKind
ARMED = "Unidentified Armed Group"


@pytest.mark.parametrize(
    ("text", "kind", "country", "name", "actor_id"),
    [
        ("gunmen", K.POLITICAL_MILITIA, None, ARMED, None),
        ("unknown assailants", K.POLITICAL_MILITIA, None, ARMED, None),
        ("armed extremists", K.POLITICAL_MILITIA, None, ARMED, None),
        ("a gunman", K.POLITICAL_MILITIA, None, ARMED, None),
        ("Uzbek fighters", K.POLITICAL_MILITIA, "UZ", f"{ARMED} (Uzbekistan)", None),
        ("Chechen fighters", K.POLITICAL_MILITIA, "RU", f"{ARMED} (Russia)", None),
        ("Unidentified Armed Group (Kenya)", K.POLITICAL_MILITIA, "KE", f"{ARMED} (Kenya)", None),
        ("pro-Turkish fighters", K.POLITICAL_MILITIA, None, ARMED, None),
        ("Iran-backed militias", K.POLITICAL_MILITIA, None, "Unidentified Political Militia", None),
        ("insurgents", K.REBEL_GROUP, None, "Unidentified Rebel Group", None),
        ("protesters", K.PROTESTERS, None, "Protesters", None),
        ("Kenyan demonstrators", K.PROTESTERS, "KE", "Protesters (Kenya)", None),
        ("an angry mob", K.RIOTERS, None, "Rioters", None),
        ("Rioters (Kenya)", K.RIOTERS, "KE", "Rioters (Kenya)", None),
        ("villagers", K.CIVILIANS, None, "Civilians", None),
        ("Palestinian civilians", K.CIVILIANS, "PS", "Civilians (Palestine)", None),
        ("herders", K.IDENTITY_MILITIA, None, "Unidentified Communal Militia", None),
        (
            "Pokot Ethnic Militia (Kenya)",
            K.IDENTITY_MILITIA,
            "KE",
            "Pokot Ethnic Militia (Kenya)",
            None,
        ),
        ("police", K.STATE_FORCES, None, None, None),
        ("soldiers", K.STATE_FORCES, None, None, None),
        ("Somali troops", K.STATE_FORCES, "SO", "Somali National Army", "military-so"),
        ("Ugandan police", K.STATE_FORCES, "UG", "Police Forces of Uganda", "police-ug"),
        (
            "Military Forces of Uganda (1986-)",
            K.STATE_FORCES,
            "UG",
            "Military Forces of Uganda",
            "military-ug",
        ),
        ("Chadian soldiers", K.STATE_FORCES, "TD", "Military Forces of Chad", "military-td"),
        ("Hungarian officials", K.STATE_FORCES, "HU", "Government of Hungary", "government-hu"),
    ],
)
def test_generic_agents_with_and_without_a_country(
    actors: ActorDictionary,
    text: str,
    kind: ActorKind,
    country: str | None,
    name: str | None,
    actor_id: str | None,
) -> None:
    ref = actors.resolve(evidence(text))
    assert (ref.kind, ref.country, ref.name, ref.canonical_id) == (kind, country, name, actor_id)


@pytest.mark.parametrize("text", ["the committee", "Chechens", "what they said", "", "us", "is"])
def test_unknown_phrases_keep_only_their_evidence(actors: ActorDictionary, text: str) -> None:
    assert actors.resolve(evidence(text)) == ActorRef(evidence(text))
    assert actors.lookup(text) is None


def test_a_demonym_alone_is_the_state_but_not_a_name(actors: ActorDictionary) -> None:
    assert actors.resolve(evidence("Syrian")).canonical_id == "government-sy"
    assert actors.resolve(evidence("Lebanese")).canonical_id == "government-lb"
    assert actors.lookup("Syrian") is None  # so the extractor prefers "the Syrian army" to its adjective


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S.", "us"),
        ("Hezbollah\u2019s fighters", "hezbollah fighters"),
        ("Hay'at Tahrir al-Sham", "hayat tahrir al sham"),
        ("  Erdo\u011fan ", "erdogan"),
        ("Police Forces of Kenya (2013-)", "police forces of kenya"),
        ("[Iran's] IRGC", "iran irgc"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_the_dictionary_works_on_injected_data() -> None:
    entries = [ActorEntry("xlf", "Xland Liberation Front", ActorKind.REBEL_GROUP, "XL", ("XLF",))]
    agents = [
        GenericAgent(
            "fighters", "armed_group", ActorKind.POLITICAL_MILITIA, "Unidentified Armed Group ({country})"
        ),
        GenericAgent("police", "police", ActorKind.STATE_FORCES, "Police Forces of {country}", "police-{cc}"),
    ]
    actors = ActorDictionary(
        entries,
        agents,
        {"Xlandish": "XL", "Xland": "XL"},
        country_names={"XL": ["Xland"]},
        member_words=["cells"],
    )
    assert actors.lookup("XLF cells") == entries[0]
    assert actors.resolve(evidence("Xlandish fighters")).name == "Unidentified Armed Group (Xland)"
    police = actors.lookup("Xlandish police")
    assert police == ActorEntry("police-xl", "Police Forces of Xland", ActorKind.STATE_FORCES, "XL", ())
    with pytest.raises(InputError, match="alias 'XLF' of actor 'other' already names actor 'xlf'"):
        ActorDictionary(
            [*entries, ActorEntry("other", "Other", ActorKind.CIVILIANS, None, ("XLF",))], agents, {}
        )


def test_built_in_entries_are_consistent(actors: ActorDictionary) -> None:
    demonyms = (
        resources.files("eventscope.extract").joinpath("lexicon/demonyms.yaml").read_text(encoding="utf-8")
    )
    countries = set(yaml.safe_load(demonyms))
    assert len(countries) >= 195
    entries = actors.entries
    assert 80 <= len(entries) <= 200
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        family, _, code = entry.id.partition("-")
        if family in ("government", "military", "police"):
            assert entry.country == code.upper() and entry.kind == ActorKind.STATE_FORCES, entry.id
        assert entry.country is None or entry.country in countries, entry.id


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_extend_from_a_csv_file(actors: ActorDictionary, tmp_path: Path) -> None:
    path = write(
        tmp_path / "extra.csv",
        "id,name,kind,country,aliases\n"
        "ahlu-sunna,Ahlu Sunna Wal Jama'a,rebel_group,so,ASWJ Somalia|Ahlu Sunna\n"
        "hezbollah,Hezbollah,3,LB,Hizballah|Party of God\n",
    )
    extended = actors.extend_from_file(path)
    assert extended.lookup("Ahlu Sunna fighters") == ActorEntry(
        "ahlu-sunna", "Ahlu Sunna Wal Jama'a", ActorKind.REBEL_GROUP, "SO", ("ASWJ Somalia", "Ahlu Sunna")
    )
    party = extended.lookup("the Party of God")
    assert party is not None and party.id == "hezbollah"  # same id: the user's entry replaces ours
    assert extended.lookup("Hizbullah") is None  # ... with its aliases only
    assert actors.lookup("Ahlu Sunna") is None  # the original is unchanged


def test_extend_from_a_yaml_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "extra.yaml",
        "- id: rapid-intervention\n  name: Rapid Intervention Unit\n  kind: state_forces\n  country: CM\n"
        "  aliases: [BIR, Bataillon d'intervention rapide]\n",
    )
    actors = load_actor_dictionary(extra=path)
    ref = actors.resolve(evidence("BIR soldiers"))
    assert (ref.canonical_id, ref.kind, ref.country) == ("rapid-intervention", ActorKind.STATE_FORCES, "CM")


CSV_HEADER = "id,name,kind,country,aliases\n"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "bad.csv",
            CSV_HEADER + "ok,Ok,civilians,,\nx,X Group,warlords,,\n",
            r"bad.csv row 3: kind 'warlords'",
        ),
        ("bad.csv", CSV_HEADER + "x,X Group,2,Syria,\n", r"bad.csv row 2: country 'SYRIA'"),
        ("bad.csv", CSV_HEADER + ",No Id,2,,\n", r"bad.csv row 2: id and name are required"),
        (
            "bad.csv",
            CSV_HEADER + "x,X Group,2,,ISIS|X\n",
            r"row 2: alias 'ISIS' already names actor 'islamic-state'",
        ),
        (
            "bad.yaml",
            "- id: x\n  name: X\n  kind: 2\n  aliases: {a: b}\n",
            r"bad.yaml entry 1: aliases must be",
        ),
        ("bad.yaml", "id: x\n", r"bad.yaml: expected a list of actors"),
        ("bad.yaml", "- [unclosed\n", r"bad.yaml: cannot read the actor file"),
        ("bad.txt", "x", r"bad.txt: actor files must be .csv"),
    ],
)
def test_bad_user_files_name_the_file_and_row(
    actors: ActorDictionary, tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        actors.extend_from_file(write(tmp_path / name, text))


def test_a_missing_user_file_is_an_input_error(actors: ActorDictionary, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the actor file"):
        actors.extend_from_file(tmp_path / "absent.csv")


def test_acled_inter_codes_foreign_state_forces_as_external(actors: ActorDictionary) -> None:
    israeli = actors.resolve(evidence("Israeli forces"))
    assert acled_inter(israeli, "IL") == 1
    assert acled_inter(israeli, "LB") == 8
    assert acled_inter(israeli) == 1
    assert acled_inter(actors.resolve(evidence("Hezbollah")), "SY") == 3
    assert acled_inter(actors.resolve(evidence("protesters")), "KE") == 6
    assert acled_inter(ActorRef(evidence("someone"))) is None


@pytest.mark.shared
def test_acled_kenya_actor_names_resolve_to_acled_inter_codes(actors: ActorDictionary) -> None:
    path = shared_path("data", "acled-kenya", "acled_data.csv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = Counter(
        (row[a], row[i]) for row in rows for a, i in (("actor1", "inter1"), ("actor2", "inter2")) if row[a]
    )
    agree = sum(
        n
        for (name, inter), n in names.items()
        if str(acled_inter(actors.resolve(evidence(name)), "KE")) == inter
    )
    assert agree / sum(names.values()) > 0.97
