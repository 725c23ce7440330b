"""Toponym recognition: which spans of an article name places (the geocoder decides which places).

Sources, in order of precedence when spans overlap (modules ``toponym_*``):

1. border phrases ("the Syrian–Lebanese border", "the border area with Lebanon", "the Lebanese border"),
2. demonym phrases standing for a country ("Lebanese territory", "the Syrian side", "the Syrian capital"),
3. analyst regions ("the Damascus countryside", "rural Idlib", "northern Syria"), streets and numbered
   roads ("Main Street", "Interstate 70"), and names listed around a plural unit word ("Barrow, Jackson
   and Madison counties", "four villages: A, B and C"),
4. names (``toponym_names``): spaCy entities, trimmed to the place they hold, with the model's known
   mislabels handled (towns called PERSON, ORG or PRODUCT; places opening or closing an organisation's
   name), capitalised chunks the gazetteer knows, and doubtful names listed beside or repeating an
   accepted one, and known names placed by their role (``toponym_roles``: a road's ends, a crowd's or an
   office's home, an assault's target); filtered against persons, titles, generic words and diseases
   named for places,
5. demonyms standing alone ("Russian troops", "Ohioans"), only with ``demonyms=True``: LGL and
   GeoWebNews annotate them as toponyms, GeoVirus does not, and an event's place is never a demonym.

Cues around a name give the geocoder hints: "the city of X" / "X province" (``feature_hint``), and
"X in Y province" / "X, Y" / "the Lebanese town of X" (``admin_hint``).
Works on a blank pipeline too (no entities, no tags): then capitalised chunks and cues do all the work.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from eventscope.extract.toponym_cues import (
    DIRECTIONS,
    FEATURE_AFTER,
    UNIT_AFTER,
    UNIT_BEFORE,
    Found,
    capitalised,
    strip_the,
)
from eventscope.extract.toponym_lexicon import PlaceLexicon
from eventscope.extract.toponym_names import find_names
from eventscope.extract.toponym_phrases import (
    border_phrases,
    demonym_names,
    demonym_phrases,
    listed_units,
    region_phrases,
)
from eventscope.extract.toponym_streets import street_phrases
from eventscope.models import Evidence, Toponym

# Title words of newspapers after a place's name (capitalised: "a Washington post office" is a place).
NEWSPAPER_WORDS = frozenset(
    [
        "Times",
        "Post",
        "Tribune",
        "Herald",
        "Journal",
        "Gazette",
        "Chronicle",
        "Telegraph",
        "Observer",
        "Examiner",
        "Inquirer",
        "Globe",
        "Courier",
        "Dispatch",
        "Register",
    ]
)

__all__ = ["PlaceLexicon", "drop_outlet_names", "find_toponyms", "toponyms_at"]


def _in_list(doc: Doc, item: Found, starts: dict[int, Found]) -> bool:
    """True when a name after a comma is an item of a list ("Homs, Hama and Aleppo"), not "Paris, Texas"."""
    k = item.end
    if k < len(doc) and doc[k].lower_ in {"and", "or"}:
        return True
    return k + 1 < len(doc) and doc[k].text == "," and (doc[k + 1].lower_ in {"and", "or"} or k + 1 in starts)


def _hints(doc: Doc, item: Found, starts: dict[int, Found], lexicon: PlaceLexicon) -> None:
    """Feature and admin hints from the words around a name."""
    k = item.end
    if k < len(doc) and doc[k].lower_ in UNIT_AFTER and item.feature_hint is None:
        item.feature_hint = UNIT_AFTER[doc[k].lower_] or doc[k].lower_
        k += 1
    elif k < len(doc) and doc[k].is_lower and doc[k].lower_ in FEATURE_AFTER and item.feature_hint is None:
        # "the Mau forest": a feature named by the place, or near a town of that name; the resolver does
        # not take a namesake town abroad for it
        item.feature_hint = doc[k].lower_
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ in {"in", ","}:
        enclosing = starts.get(strip_the(doc, k + 1, min(k + 3, len(doc))))
        if (
            enclosing
            and enclosing.source != "border"
            # "Kansas City, North": a compass word alone encloses nothing (a headline cut short)
            and not (enclosing.end - enclosing.start == 1 and doc[enclosing.start].lower_ in DIRECTIONS)
            # "Paris, Tenn., and ...": a state abbreviation after a comma encloses, even before "and"
            and not (
                doc[k].text == ","
                and not doc[enclosing.end - 1].text.endswith(".")
                and _in_list(doc, enclosing, starts)
            )
        ):
            item.admin_hint = doc[enclosing.start : enclosing.end].text
    if item.start >= 2 and doc[item.start - 1].lower_ == "of" and doc[item.start - 2].lower_ in UNIT_BEFORE:
        item.feature_hint = item.feature_hint or doc[item.start - 2].lower_
        k = item.start - 3
        if k >= 0 and capitalised(doc[k]) and lexicon.country_code(doc[k].text) and item.admin_hint is None:
            item.admin_hint = doc[k].text


def find_toponyms(
    doc: Doc,
    article_id: str,
    is_place_name: Callable[[str], bool],
    *,
    lexicon: PlaceLexicon | None = None,
    demonyms: bool = False,
) -> list[Toponym]:
    """Place names in ``doc`` (whose text is the article's text), in text order, without overlaps.

    ``is_place_name`` is the gazetteer's membership test; ``lexicon`` (``Gazetteer.lexicon()``) supplies
    the country names and demonyms that border and territory phrases need. When it is not given and
    ``is_place_name`` is a gazetteer's bound method, that gazetteer's lexicon is used; else none (and no
    border or territory phrase is found). A gazetteer's bound method also brings its notability tests
    (``is_notable_place``, ``lookup``) and ``demonym_place``. ``demonyms=True`` adds demonyms standing
    alone, for corpora annotated that way (see the module docstring).
    """
    if lexicon is None:
        owner_lexicon = getattr(getattr(is_place_name, "__self__", None), "lexicon", None)
        lexicon = owner_lexicon() if callable(owner_lexicon) else PlaceLexicon()
    # A gazetteer also tells which names are notable places (see Gazetteer.is_notable_place).
    owner = getattr(is_place_name, "__self__", None)
    is_notable = getattr(owner, "is_notable_place", None)
    is_notable = is_notable if callable(is_notable) else None
    names = find_names(doc, lexicon, is_place_name, is_notable, _official_test(owner, is_notable))
    candidates = [
        *border_phrases(doc, lexicon),
        *demonym_phrases(doc, lexicon),
        *region_phrases(doc, names, is_place_name),
        *street_phrases(doc),
        *listed_units(doc),
        *names,
    ]
    if demonyms:
        demonym_place = getattr(owner, "demonym_place", None)
        candidates += demonym_names(doc, lexicon, demonym_place if callable(demonym_place) else None)
    # A place opening a newspaper's name ("the New York Times", "the Jerusalem Post") is the paper's
    # title: a source quoted, never where anything happened.
    candidates = [f for f in candidates if not (f.end < len(doc) and doc[f.end].text in NEWSPAPER_WORDS)]
    chosen: list[Found] = []
    used: set[int] = set()
    for item in sorted(candidates, key=lambda f: (f.rank, f.start - f.end, f.start)):
        span = set(range(item.start, item.end))
        if span and not span & used:
            chosen.append(item)
            used |= span
    chosen.sort(key=lambda f: f.start)
    starts = {f.start: f for f in chosen}
    for item in chosen:
        if item.source != "border":
            _hints(doc, item, starts, lexicon)
    return [_toponym(doc[f.start : f.end], article_id, f) for f in chosen]


def _official_test(owner: object, is_notable: Callable[[str], bool] | None) -> Callable[[str], bool] | None:
    """``is_notable`` narrowed to names that some place bears officially (a gazetteer's ``lookup`` gives
    each match's kind, 0 for an official name); None without a gazetteer."""
    lookup = getattr(owner, "lookup", None)
    if is_notable is None or not callable(lookup):
        return None
    notable = is_notable

    def official(name: str) -> bool:
        matches = lookup(name) if notable(name) else ()
        if name.isupper() and len(name.replace(".", "")) <= 5:
            # an acronym only for a country, a division or a listed region: "NSW", "US", not "UN", "NICE"
            return any(getattr(m, "kind", 1) == 0 and _is_unit(m.place) for m in matches)
        return any(getattr(m, "kind", 1) == 0 for m in matches)

    return official


def _is_unit(place: object) -> bool:
    code = getattr(place, "feature_code", "")
    return code in {"PCLI", "ADM1"} or str(getattr(place, "gazetteer_id", "")).startswith("region:")


def toponyms_at(
    doc: Doc,
    article_id: str,
    spans: list[tuple[int, int]],
    *,
    lexicon: PlaceLexicon | None = None,
    source: str = "gold",
) -> list[Toponym]:
    """Toponyms at given character spans (gold spans), with the hints the words around them give."""
    lexicon = lexicon or PlaceLexicon()
    items: list[tuple[int, int, Found]] = []
    for start_char, end_char in spans:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None and len(span):
            items.append((start_char, end_char, Found(span.start, span.end, source, 3)))
    starts = {item.start: item for _, _, item in items}
    for _, _, item in items:
        _hints(doc, item, starts, lexicon)
    return [
        Toponym(Evidence(article_id, s, e, doc.text[s:e]), source, item.feature_hint, item.admin_hint)
        for s, e, item in items
    ]


def _toponym(span: Span, article_id: str, item: Found) -> Toponym:
    evidence = Evidence(article_id, span.start_char, span.end_char, span.text)
    return Toponym(evidence, item.source, item.feature_hint, item.admin_hint, item.codes)


def drop_outlet_names(toponyms: list[Toponym], outlet: str | None) -> list[Toponym]:
    """Leave out words of the publishing outlet's own name ("Orontes" in "Orontes Press", "Meridian" in
    "Meridian News Agency"): datelines and credits name the outlet, not a place where anything happened."""
    if not outlet:
        return toponyms
    words = {w.casefold() for w in outlet.replace("(", " ").replace(")", " ").split()}
    return [t for t in toponyms if not all(w.casefold() in words for w in t.evidence.text.split())]
