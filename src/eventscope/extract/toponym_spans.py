"""Where a place sits inside an entity the model found: its span trimmed ("Walton County's", "Nyanza
province"), a place opening or closing an organisation's name ("Gainesville Police Department",
"University of Georgia"), a direction before a place ("East Texas"), and the model's ORG on a person.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from eventscope.extract.toponym_cues import (
    DIRECTIONS,
    FEATURE_AFTER,
    FEATURE_BEFORE,
    GENERIC_NAME_WORDS,
    NEVER_PLACES,
    PARTICLES,
    SPEECH_FORMS,
    SPEECH_VERBS,
    UNIT_AFTER,
    capitalised,
    not_a_place_word,
    strip_the,
)
from eventscope.extract.toponym_lexicon import PlaceLexicon

MAX_EXTENSION = 3  # words a cut-short entity may take in on either side


def trim_end(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """An entity's end without a possessive ("Walton County's") or a lower-case unit word the model took in
    ("Nyanza province", "Fargo city"), and the feature that unit word names."""
    while end - start > 1 and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    last = doc[end - 1]
    if end - start > 1 and last.is_lower and last.lower_ in UNIT_AFTER:
        return end - 1, UNIT_AFTER[last.lower_] or last.lower_
    return end, None


def place_after_of(
    doc: Doc, start: int, end: int, lexicon: PlaceLexicon, is_notable: Callable[[str], bool]
) -> int | None:
    """Start of a notable place closing an organisation's name after "of" or "in": "University of Georgia",
    "United Way of Metropolitan Atlanta", "St. John's Lutheran School in Lombard"."""
    for k in range(end - 2, start, -1):
        if doc[k].lower_ not in {"of", "in"}:
            continue
        tail = strip_the(doc, k + 1, end)
        while tail < end - 1 and doc[tail].lower_ in GENERIC_NAME_WORDS:
            tail += 1  # "of Metropolitan Atlanta", "of Greater Boston"
        text = doc[tail:end].text
        if (
            all(capitalised(t) for t in doc[tail:end])
            and not lexicon.is_demonym(text)
            and not stop_word(text)
            and text.lower() not in NEVER_PLACES | GENERIC_NAME_WORDS
            and is_notable(text)
        ):
            return tail
        return None  # only the last "of" / "in" closes the name
    return None


def acronym(text: str) -> bool:
    return text.isupper() and len(text.replace(".", "")) <= 5


def stop_word(text: str) -> bool:
    """A stop word ("The", "Us"), but not an upper-case abbreviation that spells one ("US")."""
    return text.lower() in STOP_WORDS and not acronym(text)


def place_prefix(
    doc: Doc, start: int, end: int, lexicon: PlaceLexicon, is_place_name: Callable[[str], bool]
) -> int | None:
    """End of a known place name opening an organisation's name ("Gainesville Police Department")."""
    if person_like(doc, start, end):
        return None
    for stop in range(min(end - 1, start + 3), start, -1):
        text = doc[start:stop].text
        if (
            all(
                capitalised(t) and (t.is_alpha or t.text.endswith(".")) for t in doc[start:stop]
            )  # "U.S. Army"
            and not lexicon.is_demonym(text)
            and not stop_word(text)
            and text.lower() not in NEVER_PLACES | GENERIC_NAME_WORDS
            and not not_a_place_word(text)  # "Al" of "Al Shabaab"
            and doc[stop].text not in {"-", "–"}  # "Wal-Mart"
            and doc[stop].lower_ != "of"  # "University of Kentucky": what follows "of" is the place
            and (is_place_name(text) or direction_and_place(doc, start, stop, is_place_name))
        ):
            return stop
    return None


def direction_and_place(doc: Doc, start: int, stop: int, is_place_name: Callable[[str], bool]) -> bool:
    """ "East Texas" in "East Texas Medical Center": a direction word before a notable place's name, the
    two not a place's own name ("West Virginia", "South Charleston" are places, not parts of one)."""
    return (
        stop - start >= 2
        and doc[start].lower_ in DIRECTIONS
        and doc[start + 1].lower_ not in GENERIC_NAME_WORDS
        and is_place_name(doc[start + 1 : stop].text)
        # nor does it open one ("West Columbia" of "West Columbia City Council")
        and not any(is_place_name(doc[start:k].text) for k in range(start + 2, stop + 1))
    )


def person_like(doc: Doc, start: int, end: int) -> bool:
    """An ORG/FAC entity that behaves like a person: "Nadia Moayyad said", "Christina Utley, 20,"."""
    if end >= len(doc) or end - start != 2:  # a first name and a surname
        return False
    if (doc[end].lemma_ or doc[end].lower_) in SPEECH_VERBS | SPEECH_FORMS:
        return True
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == ","


def extend_to_name(doc: Doc, start: int, end: int, is_place_name: Callable[[str], bool]) -> tuple[int, int]:
    """The longest known place name around an entity the model cut short: "Guinea" -> "Guinea-Bissau",
    "Tennessee" -> "Tennessee Colony", "Marie" -> "Sault Ste. Marie", "Rio Grande" -> "Rio Grande do Sul".
    Only capitalised words, particles and hyphens are taken in; the span is unchanged when none helps."""
    best_start, best_end = start, end
    stop = end
    while stop < len(doc) and stop - end < MAX_EXTENSION and _name_part(doc[stop]):
        stop += 1
        if doc[stop - 1].is_alpha and is_place_name(doc[start:stop].text):
            best_end = stop
    first = start
    while first > 0 and start - first < MAX_EXTENSION and _name_part(doc[first - 1]):
        first -= 1
        word = doc[first].is_alpha or doc[first].text.endswith(".")
        if word and capitalised(doc[first]) and is_place_name(doc[first:best_end].text):
            best_start = first
    return best_start, best_end


def _name_part(token: Token) -> bool:
    if token.text in {"-", "‐"}:
        return token.whitespace_ == ""
    if token.text == "." and token.i > 0:  # "Ste." split in two by the tokenizer
        return token.doc[token.i - 1].whitespace_ == "" and token.doc[token.i - 1].is_alpha
    return capitalised(token) and (token.is_alpha or token.text.endswith(".")) or token.lower_ in PARTICLES


def feature_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name widened to the natural feature it names: "Boni" of "the Boni Forest" (the model's ORG, whose
    first word is an alternate name of Bonn), "Mau" of "the Mau Forest", "Naivasha" of "Lake Naivasha".
    Only capitalised feature words next to the name are taken in (a lower-case "the Mau forest" may be
    a forest near a town called Mau), and not when a capitalised word follows them (an organisation's
    name goes on: "Texas Forest Service"); the span is unchanged when there is none."""
    stop = end
    while stop < len(doc) and stop - end < 2 and capitalised(doc[stop]) and doc[stop].lower_ in FEATURE_AFTER:
        stop += 1
    if stop < len(doc) and capitalised(doc[stop]) and doc[stop].is_alpha:
        stop = end  # a longer name goes on: "Texas Forest Service", "Missouri Valley Blazers"
    first = start
    if first > 0 and capitalised(doc[first - 1]) and doc[first - 1].lower_.rstrip(".") in FEATURE_BEFORE:
        first -= 1
    return first, stop
