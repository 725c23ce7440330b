"""Multi-word place phrases: borders, a demonym standing for its country, analyst regions."""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from eventscope.extract.tokenscan import where_capitalised, where_lower
from eventscope.extract.toponym_cues import (
    AFTER_DEMONYM,
    BORDER_TAIL,
    BORDER_WORDS,
    COUNTRY_NOUNS,
    DIRECTIONS,
    LANGUAGE_AFTER,
    LANGUAGE_BEFORE,
    LIST_JOINERS,
    LIST_OPENERS,
    PLURAL_UNITS,
    Found,
    capitalised,
)
from eventscope.extract.toponym_lexicon import PlaceLexicon


def country_tokens(doc: Doc, i: int, lexicon: PlaceLexicon, backwards: bool) -> tuple[int, int, str] | None:
    """A country name, abbreviation or demonym of one or two tokens ending (or starting) at token ``i``."""
    for width in (2, 1):
        start, end = (i - width + 1, i + 1) if backwards else (i, i + width)
        if start < 0 or end > len(doc) or not capitalised(doc[start]):
            continue
        code = lexicon.country_code(doc[start:end].text)
        if code:
            return start, end, code
    return None


def border_phrases(doc: Doc, lexicon: PlaceLexicon) -> list[Found]:
    found = []
    for i in where_lower(doc, BORDER_WORDS):
        tok = doc[i]
        start, end, codes = tok.i, tok.i + 1, []
        j = tok.i - 1
        if j >= 0 and doc[j].lower_ in {"'s", "’s"}:
            j -= 1
        left = country_tokens(doc, j, lexicon, backwards=True) if j >= 0 else None
        if left:
            start, codes = left[0], [left[2]]
            k = left[0] - 1
            if k >= 1 and doc[k].text in {"-", "–", "—", "/"}:
                other = country_tokens(doc, k - 1, lexicon, backwards=True)
                if other:
                    start, codes = other[0], [other[2], *codes]
        k = end
        if k < len(doc) and doc[k].lower_ in BORDER_TAIL:
            k += 1
            end = k
        if k < len(doc) and doc[k].lower_ in {"with", "between"}:
            right = country_tokens(doc, k + 1, lexicon, backwards=False)
            if right:
                end, codes = right[1], [*codes, right[2]]
                if right[1] + 1 < len(doc) and doc[right[1]].lower_ == "and":
                    more = country_tokens(doc, right[1] + 1, lexicon, backwards=False)
                    if more:
                        end, codes = more[1], [*codes, more[2]]
        if codes:
            found.append(Found(start, end, "border", 0, "border", codes=tuple(dict.fromkeys(codes))))
    return found


def demonym_phrases(doc: Doc, lexicon: PlaceLexicon) -> list[Found]:
    """ "Lebanese territory", "the Syrian side" (country), "the Syrian capital" (its capital city)."""
    found = []
    for j in where_lower(doc, AFTER_DEMONYM):
        if j == 0:
            continue
        tok, nxt = doc[j - 1], doc[j]
        if not capitalised(tok) or not lexicon.country_code(tok.text):
            continue
        if nxt.lower_ in COUNTRY_NOUNS:
            found.append(Found(tok.i, tok.i + 2, "cue", 1, "country"))
        elif nxt.lower_ == "capital" and lexicon.is_demonym(tok.text):
            found.append(Found(tok.i, tok.i + 2, "cue", 1, "capital"))
    return found


def region_phrases(doc: Doc, names: list[Found], is_place_name: Callable[[str], bool]) -> list[Found]:
    """ "the Damascus countryside", "Idlib's countryside", "rural Damascus", "northern Syria"."""
    found = []
    for name in names:
        before = doc[name.start - 1] if name.start > 0 else None
        after = name.end
        if after < len(doc) and doc[after].lower_ in {"'s", "’s"}:
            after += 1
        while after < len(doc) and doc[after].lower_ in DIRECTIONS:
            after += 1
        if after < len(doc) and doc[after].lower_ == "countryside":
            found.append(Found(name.start, after + 1, "cue", 2, "countryside"))
        elif before is not None and before.lower_ == "rural":
            found.append(Found(name.start - 1, name.end, "cue", 2, "countryside"))
        elif (
            before is not None
            and before.lower_ in DIRECTIONS
            and not (capitalised(before) and is_place_name(doc[before.i : name.end].text))
        ):
            found.append(Found(name.start - 1, name.end, "cue", 2, "region"))
    return found


def listed_units(doc: Doc) -> list[Found]:
    """Names listed before a plural unit word, each a place: "Barrow, Jackson and Madison counties",
    "between Lakeview and Harrison streets", "the Williams and Cranberry rivers"."""
    found = []
    for j in where_lower(doc, frozenset(PLURAL_UNITS)):
        if capitalised(doc[j]):
            continue  # "the United States", "the Gulf States" are names, not lists
        hint = PLURAL_UNITS[doc[j].lower_]
        end, items = j, []
        while end > 0:
            start = end
            while start > 0 and end - start < 3 and capitalised(doc[start - 1]) and doc[start - 1].is_alpha:
                start -= 1
            if start == end or doc[start].lower_ in STOP_WORDS:
                break
            items.append(Found(start, end, "cue", 2, hint))
            if start >= 2 and doc[start - 1].lower_ in LIST_JOINERS:
                end = start - 1
                if doc[end - 1].text == "," and doc[end].lower_ in {"and", "or"}:
                    end -= 1  # the serial comma: "Grant, Swift, and Wilkin counties"
            else:
                break
        if len(items) >= 2:  # one name before "counties" is a heading ("Henry counties"), not a list
            found.extend(items)
        found.extend(_list_after(doc, j + 1, hint))
    return found


def _list_after(doc: Doc, i: int, hint: str) -> list[Found]:
    """A list introduced by a plural unit word: "four villages: Kampungu, Makonono and Mombo", "the
    provinces of Nyanza, Rift Valley and Western" (two names at least)."""
    if i < len(doc) and doc[i].lower_ == "such" and i + 1 < len(doc) and doc[i + 1].lower_ == "as":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in LIST_OPENERS:
        return []
    items: list[Found] = []
    k = i + 1
    while k < len(doc):
        end = k
        while end < len(doc) and end - k < 3 and capitalised(doc[end]) and doc[end].is_alpha:
            end += 1
        if end == k or doc[k].lower_ in STOP_WORDS:
            break
        items.append(Found(k, end, "cue", 2, hint))
        if end + 1 < len(doc) and doc[end].lower_ in LIST_JOINERS - {"to"}:
            k = end + 1
            if doc[end].text == "," and doc[k].lower_ in {"and", "or"}:
                k += 1
        else:
            break
    return items if len(items) >= 2 else []


def demonym_names(
    doc: Doc, lexicon: PlaceLexicon, demonym_place: Callable[[str], object] | None
) -> list[Found]:
    """Demonyms standing alone ("Russian troops", "Palestinians", "Ohioans", "South Ossetian"), for the
    annotation conventions that count them as toponyms (LGL; GeoWebNews' type Demonym). Peoples without a
    country ("Arab", "Kurdish") and languages ("speaks French") are left out."""
    found = []
    for i in where_capitalised(doc):
        for width in (2, 1):
            end = i + width
            if end > len(doc) or not all(t.is_alpha for t in doc[i:end]):
                continue
            text = doc[i:end].text
            of_country = lexicon.is_demonym(text) and lexicon.country_code(text) is not None
            if (of_country or (demonym_place is not None and demonym_place(text) is not None)) and not (
                _language_use(doc, i, end)
            ):
                found.append(Found(i, end, "demonym", 4))
                break
    return found


def _language_use(doc: Doc, start: int, end: int) -> bool:
    """A language ("speaks French"), part of a person's name ("Monica French") or of a law's or a work's
    name: no demonym standing for a place."""
    token = doc[start]
    if token.ent_type_ in {"LAW", "WORK_OF_ART"}:
        return True
    if token.ent_type_ == "PERSON" and (
        token.ent_iob_ == "I" or (end < len(doc) and doc[end].ent_iob_ == "I")
    ):
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return before in LANGUAGE_BEFORE or after in LANGUAGE_AFTER or (before == "in" and not doc[end].is_alpha)
