"""Known place names placed by the role the words around them give: the ends of a road, the home of a
crowd, of an office or of an organisation ("-based"), the target of an assault.

The small model misses these often: it calls the towns of "the Harbourtown-Lakeside road" one
organisation, "Lakeside Governor" a person, and a town opening a sentence before "residents" nothing at
all (a lone capitalised word opening a sentence is doubtful; see ``toponym_names._chunk_names``). Each
rule needs the gazetteer to know the name, so an unknown word in the same position is left alone; the
modifier and target rules need a notable place (see ``role_names``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from eventscope.extract.tokenscan import where_lower
from eventscope.extract.toponym_cues import (
    DIRECTIONS,
    NEVER_PLACES,
    Found,
    capitalised,
    not_a_place_word,
    sentence_initial,
    word_set,
)
from eventscope.extract.toponym_lexicon import PlaceLexicon

# A road named for the towns it joins: "the Harbourtown-Lakeside highway", "the Ashby - Brill road". Lower
# case only: a capitalised "Highway" makes a street's name (``toponym_streets``).
ROAD_WORDS = word_set("road roads highway highways")
ROAD_DASHES = frozenset({"-", "‐", "–", "—", "/"})
# People named as a body by where they live or work: "Harbourtown residents", "Lakeside traders".
CROWD_WORDS = word_set(
    "residents inhabitants villagers locals traders farmers herders pastoralists fishermen workers "
    "employees students pupils teachers parents nurses doctors drivers riders motorists vendors hawkers "
    "youths youth women journalists protesters demonstrators mourners tenants squatters miners "
    "transporters businessmen supporters voters"
)
# Offices held for a place: "the Garissa Governor", "Westfield MP", "Lakeside Town MCA".
OFFICE_TITLES = word_set(
    "governor governors gov. mayor mp mps mca mcas senator senators sen. rep. representative "
    "commissioner deputy vice legislator"
)
# Verbs of assault on a place, as written: "gunmen attacked Harbourtown", "militia raid Lakeside".
ASSAULT_FORMS = word_set(
    "attack attacks attacked invade invades invaded storm storms stormed raid raids raided overran overrun "
    "shelled besieged"
)
# After a name, words that make it a people's: "attacked Lakeside herders", "raided the Ashby clan".
PEOPLE_AFTER = CROWD_WORDS | word_set(
    "ethnic community communities tribe tribesmen clan clans group groups people"
)
# Institutions and sites named for the town they are in: "Westfield University", "the Ashby airport",
# "Lakeside Town", "Brill Market".
SITE_WORDS = word_set(
    "university college campus school hospital airport prison market stadium barracks town estate"
)
# "in Ashby, Westfield." / "at Ashby village (Westfield)": the name after the mark encloses the one before.
ENCLOSING_MARKS = frozenset({",", "("})
SITE_BEFORE = word_set("in at near outside")
CLOSERS = frozenset({".", ",", ")", ";", ":"})
BASED = frozenset({"based"})  # "a Harbourtown-based group"
MAX_WORDS = 4
ANCHORS = (ROAD_WORDS | CROWD_WORDS | OFFICE_TITLES | SITE_WORDS | BASED | ENCLOSING_MARKS) | ASSAULT_FORMS
NOT_NAMES = STOP_WORDS | NEVER_PLACES


def role_names(
    doc: Doc,
    lexicon: PlaceLexicon,
    is_place_name: Callable[[str], bool],
    is_notable: Callable[[str], bool],
) -> list[Found]:
    """Known names at a road's ends, before a crowd word, an office title or "based", or after a verb of
    assault.

    ``is_notable`` guards the modifier and target rules: a crowd or an office is named for a notable
    place, while a hamlet's name there is more often a word ("Tea farmers"). A demonym is never taken
    ("Somali herders").
    """

    def notable(name: str) -> bool:
        return not lexicon.is_demonym(name) and is_notable(name)

    def known(name: str) -> bool:
        return not lexicon.is_demonym(name) and is_place_name(name)

    def enclosing(name: str) -> bool:  # a town's or a division's (a country's is the lexicon's)
        return notable(name) and lexicon.country_code(name) is None

    found: list[Found] = []
    # One scan for every anchor word (a scan per list costs more than the rules).
    for j in where_lower(doc, ANCHORS):
        word = doc[j].lower_
        if word in ROAD_WORDS and doc[j].is_lower:
            found += _road_ends(doc, j, known)
        if word in CROWD_WORDS and doc[j].is_lower:
            # "Harbourtown residents": only a notable place, so that "Tea farmers" or "Dairy traders" (a
            # hamlet named Tea somewhere) stay words
            found += _name_before(doc, j, notable)
        if word in OFFICE_TITLES and not (j > 0 and doc[j - 1].lower_ in {"deputy", "vice"}):
            # (in "Westfield Deputy Governor" the name is before "Deputy")
            found += _name_before(doc, j, notable)
        if word in SITE_WORDS:
            # the site's name is the place's whole: not "Continental Real Estate"
            found += _name_before(doc, j, notable, whole=True)
        if word in BASED:  # "a Harbourtown-based group", "Lakeside based journalists"
            found += _name_before(doc, j - 1 if j > 1 and doc[j - 1].text in ROAD_DASHES else j, notable)
        if word in ENCLOSING_MARKS:
            found += _enclosing(doc, j, enclosing)
        if word in ASSAULT_FORMS:
            found += _target(doc, j, notable)
    return found


def _road_ends(doc: Doc, j: int, is_place_name: Callable[[str], bool]) -> list[Found]:
    """The known names of "the Harbourtown-Lakeside road" (token ``j`` is "road")."""
    ends: list[tuple[int, int]] = []
    end = j
    while True:
        start = end
        while start > 0 and end - start < MAX_WORDS and _name_word(doc, start - 1):
            start -= 1
        if start == end:
            break
        ends.append((start, end))
        if start > 1 and doc[start - 1].text in ROAD_DASHES:
            end = start - 1
        else:
            break
    if len(ends) < 2:
        return []  # "the Kenyatta road" is one name, maybe a person's; a dash joins two places
    found = []
    for start, end in ends:
        span = _known_part(doc, start, end, is_place_name)
        if span is not None:
            found.append(Found(*span, "road-end", 2))
    return found


def _target(doc: Doc, j: int, notable: Callable[[str], bool]) -> list[Found]:
    """A notable place named whole right after a verb of assault ("stormed Harbourtown camp"), as weak
    evidence; "attacked John Smith" is no place (the whole name must be the place's), nor "attacked
    Lakeside herders" (the people of a place)."""
    start = end = j + 1
    if start < len(doc) and doc[start].lower_ == "the":
        start = end = start + 1
    while end < len(doc) and end - start < MAX_WORDS and _name_word(doc, end):
        end += 1
    if (
        start == end
        or doc[start:end].text.isupper()
        or (end < len(doc) and doc[end].lower_ in PEOPLE_AFTER)
        or _known_part(doc, start, end, notable) != (start, end)
    ):
        return []
    return [Found(start, end, "role", 3, weak=True)]


def _enclosing(doc: Doc, j: int, notable: Callable[[str], bool]) -> list[Found]:
    """A notable place named whole after a comma or in brackets, enclosing a name that follows "in" /
    "at" ("a shooting in Ashby, Westfield.", "at Brill village (Westfield)"): the model often calls the
    second name a person. Not in a list ("in Ashby, Westfield and Brill")."""
    k = j - 1
    if k >= 0 and doc[k].is_lower and doc[k].is_alpha:
        k -= 1  # "Brill village", "Ashby estate"
    first = k
    while first >= 0 and k - first < MAX_WORDS and _name_word(doc, first):
        first -= 1
    if first == k or first < 0 or doc[first].lower_ not in SITE_BEFORE or doc[k].lower_ in NEVER_PLACES:
        return []  # "in October, Moore told ...": a month is no site
    start = end = j + 1
    while end < len(doc) and end - start < MAX_WORDS and _name_word(doc, end):
        end += 1
    closed = end == len(doc) or (
        doc[end].text in CLOSERS
        and (doc[j].text == "(") == (doc[end].text == ")")
        and not (doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in {"and", "or"})
    )
    if (
        start == end
        or not closed
        or _known_part(doc, start, end, notable, longest_prefix=True) != (start, end)
    ):
        return []
    return [Found(start, end, "role", 3, weak=True)]


def _name_before(doc: Doc, j: int, known: Callable[[str], bool], *, whole: bool = False) -> list[Found]:
    """The known name right before token ``j`` ("Westfield" of "Westfield residents"), as a modifier's
    evidence (weak: it licenses no other mention of the name). Never an acronym: "MBA students", "UN
    representative", "FDA commissioner" are bodies."""
    start = j
    while start > 0 and j - start < MAX_WORDS and _name_word(doc, start - 1):
        start -= 1
    if (
        whole
        and start > 0
        and (
            capitalised(doc[start - 1])
            or (doc[start - 1].text in ROAD_DASHES and not doc[start - 1].whitespace_)
        )
    ):
        return []  # a longer name's end: "Stephen F. Austin University", "Mercy Hospital-Westfield campus"
    span = _known_part(doc, start, j, known)
    if span is None or doc[span[0] : span[1]].text.isupper() or (whole and span[0] != start):
        return []
    # Words before it in the same name make another name ("State Duma Deputy"), unless they are an
    # acronym ("the ODM Westfield MP") or a word other than a name opening the sentence ("Former
    # Westfield MP ..."; not "Boda Boda riders").
    if any(
        not (t.text.isupper() or (sentence_initial(doc, t.i) and t.pos_ != "PROPN"))
        for t in doc[start : span[0]]
    ):
        return []
    return [Found(*span, "role", 3, weak=True)]


def _known_part(
    doc: Doc, start: int, end: int, known: Callable[[str], bool], *, longest_prefix: bool = False
) -> tuple[int, int] | None:
    """The longest known name in ``doc[start:end]`` that ends at ``end`` (or, with ``longest_prefix``,
    starts at ``start``), leaving off a trailing compass word ("Westfield North" -> "Westfield")."""
    spans = (
        [(start, e) for e in range(end, start, -1)]
        if longest_prefix
        else [(s, end) for s in range(start, end)] + [(s, end - 1) for s in range(start, end - 1)]
    )
    for s, e in spans:
        if longest_prefix or e == end or doc[end - 1].lower_ in DIRECTIONS:
            text = doc[s:e].text
            if (
                text.lower() not in NOT_NAMES
                and not not_a_place_word(text)
                and doc[s].lower_ not in DIRECTIONS
                and known(text)
            ):
                return s, e
    return None


def _name_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    return capitalised(token) and token.is_alpha and token.lower_ not in OFFICE_TITLES
