"""The country names, abbreviations and demonyms recognition needs (built by the gazetteer)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# A dotted abbreviation without its closing period ("U.S", "D.C"): the sentence's period took it.
CUT_ABBREVIATION = re.compile(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$")


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """Country names, abbreviations and demonyms (built by the gazetteer; keys made by ``key``)."""

    country_names: Mapping[str, str] = field(default_factory=dict)  # key -> ISO code ("syria" -> "SY")
    country_abbreviations: Mapping[str, str] = field(default_factory=dict)  # exact surface -> code ("U.S.")
    demonyms: Mapping[str, str] = field(default_factory=dict)  # key -> code, "" for peoples ("kurdish")
    key: Callable[[str], str] = str.casefold

    def country_code(self, text: str) -> str | None:
        """ISO code for a country name, abbreviation or demonym ("Lebanese" -> "LB"), else None."""
        if text in self.country_abbreviations:
            return self.country_abbreviations[text]
        key = self.key(text)
        code = self.country_names.get(key) or self.demonyms.get(key)
        if code:
            return code
        if "." in text and CUT_ABBREVIATION.match(text) and text + "." in self.country_abbreviations:
            return self.country_abbreviations[text + "."]  # "U.S" before the sentence's period
        return None

    def is_demonym(self, text: str) -> bool:
        key = self.key(text)
        return key in self.demonyms and key not in self.country_names  # "Philippines" is a country
