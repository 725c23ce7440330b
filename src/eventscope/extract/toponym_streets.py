"""Street and road names: "Main Street", "W. Dresser Road", "Memphis St.", "Interstate 70", "County Road 43".

LGL and GeoWebNews annotate streets and numbered roads as toponyms (GeoWebNews types them Literal; a
street is a place with coordinates), and local news is full of them: where a crash, a fire or an arrest
happened. A street name is one or more capitalised words before a street word; a numbered road is a
road word before a number. Both are recognised without the gazetteer, which holds no streets.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from eventscope.extract.tokenscan import where_capitalised, where_lower
from eventscope.extract.toponym_cues import DIRECTIONS, NEVER_PLACES, Found, capitalised, word_set

# Spelled-out street words, capitalised in a name ("Grand Avenue"; "the street" is no name). "Way",
# "Court" and "Place" are left out: "United Way", "Superior Court" and "Family Place" are organisations.
STREET_WORDS = word_set(
    "street avenue road lane drive boulevard parkway highway freeway expressway turnpike pike trail"
)
# Abbreviated street words, matched as written. A street word followed by a capitalised word other than
# a direction or a weekday is part of another name ("St. Paul", "Dr. Smith", "Road Elementary School").
STREET_ABBREVIATIONS = word_set("St. St Ave. Ave Rd. Rd Ln. Dr. Blvd. Blvd Pkwy. Hwy.")
ABBREVIATIONS_LOWER = frozenset(a.lower() for a in STREET_ABBREVIATIONS)  # for the array scan
# Words that number a road: "Interstate 70", "Highway 30", "Route 128", "Loop 286", "County Road 43".
ROUTE_WORDS = word_set("interstate highway hwy hwy. route loop road")
ROUTE_QUALIFIERS = word_set("County State Farm U.S. US")  # "County Road 43", "U.S. Highway 1"
ROAD_NUMBER = re.compile(r"^\d{1,4}[A-Z]?$")
INTERSTATE = re.compile(r"^I-\d{1,3}$")  # "I-75" is one token
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)  # "42nd Street"
MAX_NAME_WORDS = 4


def street_phrases(doc: Doc) -> list[Found]:
    """Street names and numbered roads in ``doc``, as ``Found`` items (source "street")."""
    found = [*_named_streets(doc), *_numbered_roads(doc)]
    interstates = [i for i in where_capitalised(doc) if INTERSTATE.match(doc[i].text)]
    found.extend(Found(i, i + 1, "street", 2, "street") for i in interstates)
    return found


def _named_streets(doc: Doc) -> list[Found]:
    found = []
    abbreviated = [i for i in where_lower(doc, ABBREVIATIONS_LOWER) if doc[i].text in STREET_ABBREVIATIONS]
    for j in sorted(set(where_lower(doc, STREET_WORDS)) | set(abbreviated)):
        suffix = doc[j]
        if not capitalised(suffix):
            continue
        after = doc[j + 1] if j + 1 < len(doc) else None
        if after is not None and ROAD_NUMBER.match(after.text):
            continue  # "County Road 43": a numbered road, below
        if after is not None and capitalised(after) and after.lower_ not in DIRECTIONS | NEVER_PLACES:
            # "St. Paul", "Dr. Smith"; "Rigdon Road Elementary School", "Federal Highway Administration"
            # name a person or an organisation, not the street
            continue
        start = j
        while start > 0 and j - start < MAX_NAME_WORDS and _street_name_word(doc[start - 1]):
            start -= 1
        while start < j and doc[start].lower_ in STOP_WORDS:  # "On Main Street" opening a sentence
            start += 1
        if start < j and not _person(doc, start, j):
            found.append(Found(start, j + 1, "street", 2, "street"))
    return found


def _person(doc: Doc, start: int, suffix: int) -> bool:
    """ "Marvin F. Lane", "Virginia L. Lane": a middle initial says the street word is a surname.

    The model's PERSON label says nothing here: it calls most streets people ("Kelley Lane").
    """
    before = doc[suffix - 1].text
    return suffix - start >= 2 and len(before) == 2 and before.endswith(".") and before[0].isupper()


def _street_name_word(token: Token) -> bool:
    """A word of a street's name: "Grand", "W.", "Martin", "Jr.", "Eighth", "42nd"."""
    text = token.text
    return bool(ORDINAL.match(text)) or (
        capitalised(token) and (token.is_alpha or (text.endswith(".") and text[:-1].isalpha()))
    )


def _numbered_roads(doc: Doc) -> list[Found]:
    found = []
    for i in where_lower(doc, ROUTE_WORDS):
        word = doc[i]
        if not capitalised(word) or i + 1 >= len(doc) or not ROAD_NUMBER.match(doc[i + 1].text):
            continue
        start = i
        if start > 0 and doc[start - 1].text in ROUTE_QUALIFIERS:
            start -= 1
        elif word.lower_ == "road":
            continue  # a bare "Road 5" is rare; "County Road 43" is the form
        found.append(Found(start, i + 2, "street", 2, "street"))
    return found
