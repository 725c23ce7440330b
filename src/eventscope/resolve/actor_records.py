"""The records of the actor dictionary (resolve.actors) and the name key its lookups compare."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from eventscope.models import ActorKind

__all__ = ["NO_PLURAL", "ActorEntry", "GenericAgent", "normalise"]

_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_DOTTED = re.compile(r"\b[a-z](?:\.[a-z])+\.?")
_POSSESSIVE = re.compile(r"(?<=\w)['’ʼ]s\b")
NO_PLURAL = ("ese", "ish", "ch", "sh", "ss")  # the Lebanese, the British: no -s plural


def normalise(text: str) -> str:
    """Lower case, no accents, no possessive 's, "U.S." -> "us", punctuation -> space, no leading "the"."""
    t = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    t = _YEARS.sub(" ", t)  # ACLED's "(2013-)" periods
    t = _DOTTED.sub(lambda m: m.group().replace(".", ""), t)
    t = _POSSESSIVE.sub("", t)
    t = re.sub(r"['’ʼ`]", "", t)  # "Hay'at" = "Hayat"
    t = " ".join(re.sub(r"[\W_]+", " ", t).split())
    return t[4:] if t.startswith("the ") else t


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    kind: ActorKind
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GenericAgent:
    """A head noun ("police officers") and the kind of actor it names; ``name`` and ``id`` are
    templates ({country}: the country's name, {cc}: its lower-case ISO code)."""

    head: str
    family: str
    kind: ActorKind
    name: str
    id: str | None = None
