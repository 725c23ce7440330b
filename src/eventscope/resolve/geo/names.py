"""Name keys for the gazetteer: one folded form per spelling, so transliterations meet.

GeoNames spells "Ḩārim" and "Al Quşayr"; news writes "Harem", "Al-Qusayr", "al Qusayr" and
"Qusayr". A key is the ASCII transliteration (unidecode), casefolded, with apostrophes, ayn/hamza
marks, dots and commas dropped and hyphens turned into spaces. The Arabic article is a separate
*variant* key ("al qusayr" -> "qusayr"), stored and searched beside the full key but ranked lower,
because "El Salvador" must not become a plain "Salvador".
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

_DROP = re.compile(r"[\"'`.,()\[\]]")
_SPACE = re.compile(r"[\s\-_/–—‐‑]+")
# "al"/"el" always; the assimilated forms only before their own letter ("as suwayda", "ash shaddadi",
# "ar raqqah"), which is how GeoNames and the press write them and keeps English "at"/"as" alone.
_ARTICLE = re.compile(r"^(?:al|el|ul) (?P<rest>.+)$|^a(?P<sun>[dnrstz]|sh|th|dh) (?P<rest2>.+)$")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The lookup key of a name: ASCII, casefolded, no punctuation, single spaces."""
    text = unidecode(name).casefold()
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """A folded key without its leading Arabic article ("al qusayr" -> "qusayr"), else the key itself."""
    match = _ARTICLE.match(key)
    if match is None:
        return key
    if match.group("rest"):
        return match.group("rest")
    rest = match.group("rest2")
    return rest if rest.startswith(match.group("sun")) else key


# Abbreviated words of place names and their full forms, both ways: "Mt. Pleasant" is Mount Pleasant,
# "Ft. Worth" Fort Worth, "St. Cloud" Saint Cloud, "Loudon Co." Loudon County and "Saint Louis"
# GeoNames' "St. Louis".
WORD_FORMS = {
    "mt": "mount",
    "ft": "fort",
    "st": "saint",
    "ste": "sainte",
    "pt": "point",
    "co": "county",
    "saint": "st",
    "sainte": "ste",
    "mount": "mt",
    "fort": "ft",
}


def spelled_out(key: str) -> str | None:
    """The key with its abbreviated words swapped for their other form ("mt pleasant" -> "mount pleasant")."""
    words = key.split()
    swapped = [WORD_FORMS.get(w, w) for w in words]
    return " ".join(swapped) if swapped != words else None


def keys_of(name: str) -> tuple[str, str | None]:
    """The full key of a name and its article-less variant (None when there is none)."""
    key = fold(name)
    variant = strip_article(key)
    return key, (variant if variant != key and variant else None)


def is_latin(name: str) -> bool:
    """True for names written in Latin script (GeoNames alternate names in other scripts are skipped)."""
    for char in name:
        code = ord(char)
        if code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x2BB <= code <= 0x2BF or 0x2018 <= code <= 0x201D:
            continue
        return False
    return True


def display_name(name: str) -> str:
    """The ASCII spelling shown to users (GeoNames' asciiname convention): "Ḩārim" -> "Harim"."""
    return unidecode(name).replace("`", "'").strip()
