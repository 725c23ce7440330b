"""Reading actor lexicons and users' actor files into the records of the actor dictionary (resolve.actors)."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from eventscope.errors import InputError
from eventscope.models import ACLED_INTER_CODE, ActorKind
from eventscope.resolve.actor_records import NO_PLURAL, ActorEntry, GenericAgent, normalise

__all__ = ["agents_from_lexicon", "countries_from_lexicon", "entry_from_row", "read_rows", "singular"]

# A user's file may give a kind by name or by ACLED inter code.
_KINDS = {k.value: k for k in ActorKind} | {str(code): k for k, code in ACLED_INTER_CODE.items()}


def agents_from_lexicon(data: Mapping[str, Any]) -> list[GenericAgent]:
    """The heads as listed, then the singulars the loader derives; a head listed in one family is never
    taken over by a singular derived in another ("youth" a civilian, though "youths" are rioters)."""
    listed = [
        GenericAgent(normalise(head), family, ActorKind(spec["kind"]), spec["name"], spec.get("id"))
        for family, heads in data["heads"].items()
        if (spec := data["families"][family])
        for head in heads
    ]
    forms = {agent.head for agent in listed}
    derived = {
        one: replace(agent, head=one) for agent in listed if (one := singular(agent.head)) not in forms
    }
    return [*listed, *derived.values()]


def singular(phrase: str) -> str:
    """gunmen -> gunman, authorities -> authority, militias -> militia (the last word of a phrase)."""
    for ending, singular in (("men", "man"), ("ies", "y"), ("ss", "ss"), ("s", "")):
        if phrase.endswith(ending):
            return phrase[: -len(ending)] + singular
    return phrase


def countries_from_lexicon(data: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, list[str]]]:
    names = {cc: [spec["name"], *spec.get("names", [])] for cc, spec in data.items()}
    demonyms: dict[str, str] = {}
    for cc, spec in data.items():
        adjectives = spec.get("demonyms", [])
        plurals = [d + "s" for d in adjectives if not d.endswith(NO_PLURAL)]  # Syrians, Uzbekistanis
        for word in (*names[cc], *adjectives, *plurals):
            demonyms.setdefault(normalise(word), cc)
    return demonyms, names


def read_rows(path: Path) -> list[tuple[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() == ".csv":
            return [(f"row {i}", row) for i, row in enumerate(csv.DictReader(text.splitlines()), start=2)]
        if path.suffix.lower() in (".yaml", ".yml"):
            data = yaml.safe_load(text) or []
            data = data.get("actors", data) if isinstance(data, dict) else data
            if isinstance(data, list):
                return [(f"entry {i}", row) for i, row in enumerate(data, start=1)]
            raise InputError(f"{path}: expected a list of actors, as in actors.yaml")
    except (OSError, UnicodeDecodeError, csv.Error, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the actor file ({exc}); check the path and format") from exc
    raise InputError(f"{path}: actor files must be .csv (id,name,kind,country,aliases) or .yaml")


def entry_from_row(row: Any, where: str) -> ActorEntry:
    if not isinstance(row, Mapping):
        raise InputError(f"{where}: expected fields id, name, kind, country, aliases")
    actor_id = str(row.get("id") or "").strip()
    name = str(row.get("name") or "").strip()
    if not actor_id or not name:
        raise InputError(f"{where}: id and name are required")
    kind_text = str(row.get("kind") or "").strip().lower()
    if kind_text not in _KINDS:
        raise InputError(f"{where}: kind {kind_text!r} is not one of {', '.join(_KINDS)}")
    country = str(row.get("country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise InputError(f"{where}: country {country!r} must be an ISO 3166 two-letter code")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = aliases.split("|")
    if not isinstance(aliases, list) or not all(isinstance(a, str | int) for a in aliases):
        raise InputError(f"{where}: aliases must be a list of names (in CSV: joined by |)")
    cleaned = tuple(str(a).strip() for a in aliases if str(a).strip())
    return ActorEntry(actor_id, name, _KINDS[kind_text], country, cleaned)
