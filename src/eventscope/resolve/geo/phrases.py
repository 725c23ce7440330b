"""Places the geocoder makes from phrases rather than finds: a border zone named by one country ("the
Lebanese border" -> the border with the neighbour the article is about) and a side of a country
("northern Syria" -> a point inside it, moved from its centre toward the north)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventscope.models import Place
from eventscope.resolve.geo.gazetteer import Gazetteer

DIRECTION_VECTORS = {
    "north": (0.0, 1.0),
    "south": (0.0, -1.0),
    "east": (1.0, 0.0),
    "west": (-1.0, 0.0),
    "northeast": (0.7, 0.7),
    "northwest": (-0.7, 0.7),
    "southeast": (0.7, -0.7),
    "southwest": (-0.7, -0.7),
    "central": (0.0, 0.0),
}


def direction(word: str) -> str | None:
    """The compass direction a word names ("Northern", "north-western", "Central"), else None."""
    word = word.lower().replace("-", "")
    for suffix in ("ern", ""):
        if word.endswith(suffix) and word[: len(word) - len(suffix)] in DIRECTION_VECTORS:
            return word[: len(word) - len(suffix)]
    return "central" if word == "central" else None


def border_of(gazetteer: Gazetteer, codes: Sequence[str], share: dict[str, float]) -> Place | None:
    """The border zone of two countries; of one ("the Lebanese border"), with the neighbour that has the
    greatest share of the article's country mentions; None when the article names no neighbour."""
    if len(codes) >= 2:
        return gazetteer.border(codes[0], codes[1])
    if not codes:
        return None
    neighbours = [n for n in gazetteer.neighbours(codes[0]) if share.get(n, 0.0) > 0]
    if not neighbours:
        return None
    other = max(neighbours, key=lambda n: (share[n], n))
    return gazetteer.border(codes[0], other)


def toward(gazetteer: Gazetteer, country: Place, side: str, label: str) -> Place:
    """A point inside the country, moved from its centre toward one side ("northern Syria"): half way to
    the edge of its bounding box, or a quarter of the way when half way leaves the country."""
    dx, dy = DIRECTION_VECTORS[side]
    box = gazetteer.country_bbox(country.country_code or "")
    lat, lon = country.lat, country.lon
    if box is not None and (dx or dy):
        min_lat, min_lon, max_lat, max_lon = box
        for factor in (0.5, 0.25):
            cand_lat = lat + factor * dy * ((max_lat - lat) if dy > 0 else (lat - min_lat))
            cand_lon = lon + factor * dx * ((max_lon - lon) if dx > 0 else (lon - min_lon))
            if gazetteer.country_at(cand_lat, cand_lon) == country.country_code:
                lat, lon = cand_lat, cand_lon
                break
    return Place(
        gazetteer_id=f"region:{country.country_code}:{side}",
        name=label,
        lat=lat,
        lon=lon,
        feature_class="L",
        feature_code="RGN",
        country_code=country.country_code,
    )


def side_and_base(text: str) -> tuple[str | None, str]:
    """The compass side and the place a phrase is built on: "northern Syria" -> ("north", "Syria"),
    "the countryside of Idlib" -> (None, "Idlib"), "central Democratic Republic of Congo" -> ("central",
    "Democratic Republic of Congo"): only the phrase's own words go, never an "of" inside the name."""
    words = re.sub(r"[’']s\b", "", text).split()
    while words and words[0].lower() in {"the", "rural", "countryside", "of"}:
        words = words[1:]
    while words and words[-1].lower() == "countryside":
        words = words[:-1]
    side = direction(words[0]) if words else None
    return side, " ".join(words[1:] if side and len(words) > 1 else words)
