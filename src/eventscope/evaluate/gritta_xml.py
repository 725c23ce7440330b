"""Reading Gritta et al.'s geoparsing corpora: three XML layouts, detected from the elements present.

- LGL / TR-News: ``article/text`` + ``toponyms/toponym`` with ``start``, ``end``, ``phrase`` and a ``gaztag``
  holding ``lat`` and ``lon`` (a toponym without a gaztag has no coordinates),
- GeoVirus: ``article/text`` + ``locations/location`` with ``name``, ``start``, ``end``, ``lat``, ``lon``,
- GeoWebNews: ``toponym`` with ``extractedName``, ``start``, ``end``, ``type``, ``nonLocational``,
  ``latitude``, ``longitude``; the types in :data:`NOT_TOPONYMS` are annotated but are not toponyms.

Offsets are checked against the text: where ``text[start:end]`` is not the phrase (GeoVirus' offsets are
one character off), the occurrence of the phrase nearest to the given start is used instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from eventscope.errors import InputError

NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
LAYOUTS = ("lgl", "geovirus", "geowebnews")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated place name: its span in the article text and, when given, its gold point."""

    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    article_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def detect_layout(root: ET.Element) -> str:
    """``lgl``, ``geovirus`` or ``geowebnews``, from the first annotation element found."""
    for element in root.iter():
        if element.tag == "location":
            return "geovirus"
        if element.tag == "toponym":
            return "geowebnews" if element.find("extractedName") is not None else "lgl"
    raise InputError("no <toponym> or <location> elements: not a Gritta-style geoparsing XML file")


def read_gold(path: Path) -> tuple[str, list[GoldArticle]]:
    """The layout name and the articles of a gold file (articles without text are skipped)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read {path} ({exc}); pass a Gritta-style XML file") from exc
    layout = detect_layout(root)
    articles = []
    for number, element in enumerate(root.iter("article")):
        text = element.findtext("text") or ""
        if not text:
            continue
        article_id = element.get("docid") or element.get("id") or f"article-{number}"
        reader = {"lgl": _lgl, "geovirus": _geovirus, "geowebnews": _geowebnews}[layout]
        toponyms = tuple(t for t in (reader(e, text) for e in _annotations(element, layout)) if t)
        articles.append(GoldArticle(article_id, text, toponyms))
    return layout, articles


def _annotations(article: ET.Element, layout: str) -> list[ET.Element]:
    return list(article.iter("location" if layout == "geovirus" else "toponym"))


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None  # type: ignore[arg-type]
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def _lgl(element: ET.Element, text: str) -> GoldToponym | None:
    gaztag = element.find("gaztag")
    lat = _float(gaztag.findtext("lat")) if gaztag is not None else None
    lon = _float(gaztag.findtext("lon")) if gaztag is not None else None
    return _aligned(element.findtext("phrase"), element, text, lat, lon)


def _geovirus(element: ET.Element, text: str) -> GoldToponym | None:
    lat, lon = _float(element.findtext("lat")), _float(element.findtext("lon"))
    return _aligned(element.findtext("name"), element, text, lat, lon)


def _geowebnews(element: ET.Element, text: str) -> GoldToponym | None:
    if (element.findtext("type") or "").strip() in NOT_TOPONYMS:
        return None
    lat, lon = _float(element.findtext("latitude")), _float(element.findtext("longitude"))
    return _aligned(element.findtext("extractedName"), element, text, lat, lon)


def _aligned(
    phrase: str | None, element: ET.Element, text: str, lat: float | None, lon: float | None
) -> GoldToponym | None:
    start, end = _int(element.findtext("start")), _int(element.findtext("end"))
    phrase = (phrase or "").strip()
    if start is None or end is None:
        return None
    if phrase and text[start:end] != phrase:
        found = align(text, phrase, start)
        if found is not None:
            start, end = found, found + len(phrase)
    return GoldToponym(start, end, text[start:end] or phrase, lat, lon)


def align(text: str, phrase: str, near: int) -> int | None:
    """Start of the occurrence of ``phrase`` in ``text`` nearest to ``near`` (exact case, then any case)."""
    for haystack, needle in ((text, phrase), (text.casefold(), phrase.casefold())):
        if len(haystack) != len(text):
            continue  # casefolding changed lengths ("ß"): offsets would no longer match
        best, at = None, haystack.find(needle)
        while at != -1:
            if best is None or abs(at - near) < abs(best - near):
                best = at
            at = haystack.find(needle, at + 1)
        if best is not None:
            return best
    return None
