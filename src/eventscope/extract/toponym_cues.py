"""Cue vocabulary and token tests shared by the toponym recognisers.

The word lists are English function vocabulary (units, prepositions, titles), reviewed like code; the token
tests say what a name looks like (capitalised, sentence-initial, a dateline, a legislator's home town).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventscope.extract.tokenscan import where_capitalised


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Cue words (English function vocabulary; reviewed like code).
UNIT_AFTER = {
    **dict.fromkeys(
        word_set("province governorate district area region countryside city town village state county")
    ),
    "subdistrict": "district",
    "municipality": "district",
    "outskirts": "area",
    "suburbs": "area",
}
UNIT_BEFORE = word_set(
    "city town village province governorate district region county state port hamlet island township "
    "municipality parish community"
)
# "the outskirts of X", "a resident of X", "a native of X": what follows "of" is a place.
PLACE_BEFORE_OF = word_set(
    "area outskirts suburbs suburb vicinity neighbourhood neighborhood countryside resident residents native "
    # "the streets of X", "off the coast of X", "the inhabitants of X", "parts of X"
    "inhabitants streets coast shores parts"
)
LOCATIVE = word_set(
    "in near from to facing outside around at towards toward into inside across through via past "
    "outskirts between"
)
COUNTRY_NOUNS = word_set("territory territories soil side airspace waters land lands mainland")
BORDER_WORDS = word_set("border borders frontier boundary")
AFTER_DEMONYM = COUNTRY_NOUNS | {"capital"}
BORDER_TAIL = word_set("area areas region regions zone zones crossing crossings strip line")
DIRECTIONS = word_set(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern north-east "
    "north-west south-east south-west north-eastern north-western south-eastern south-western"
)
PARTICLES = word_set("al el ad an ar as ash at az ath adh ibn bin bani beni abu umm um de del da dos")
# Words that open Spanish and Portuguese place names and that the truecaser takes for English ("VILLA
# NUEVA", "SANTA ROSA"): the name after them is still the place's (toponym_names._rest_of_a_name)
PLACE_OPENERS = word_set("santa santo villa ciudad puerto monte nueva nuevo puente boca cerro valle playa")
FEATURE_PREFIXES = word_set(
    "wadi ras jabal jebel tell tal tall ain ayn bir deir dayr kafr kfar khan beit bayt marj bab qasr jisr"
)
TITLES = word_set(
    "president minister mr mrs ms dr gen general sheikh king queen prince princess emir sultan "
    "envoy spokesman spokeswoman commander colonel col lt sgt capt captain senator sen rep "
    "governor gov mayor pope imam judge chief secretary ambassador leader premier chancellor lord "
    "sir saint st"
)
# Titles that never open a place's name ("Saint", "King", "Prince", "General" do: "St. Louis", "King
# County", "Prince William County", "General Santos").
PERSONAL_TITLES = TITLES - word_set("saint st king queen prince princess lord general gen sir chief")
NEVER_PLACES = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december god read also reuters afp ap "
    "christmas easter passover hanukkah ramadan thanksgiving "
    # month abbreviations ("On Jul 23rd", "Sept 17th"): "Jul" is also an alternate name of Suhl
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Words that open organisations' names and are also, somewhere, the name of a town: "City Council",
# "University of Kentucky", "Metro Police", "Federal Highway Administration". Alone before an
# organisation's name they are that organisation's words, not a place.
GENERIC_NAME_WORDS = (
    word_set(
        "city town county state university college school academy institute metro metropolitan federal "
        "national international united union chamber police fire bank market center centre hall port "
        "capital community region regional district federation justice human downtown uptown midtown "
        "inner naval army navy greater commerce industry agriculture education labor labour defense "
        "defence transportation interior energy finance trade"
    )
    | DIRECTIONS
)
# Offices and bodies named after a place ("Anderson County Sheriff Greg Taylor", "Dublin Mayor Marilee
# Chinnici-Zuercher", "Alexandria Police Spokeswoman"): the model calls the whole a PERSON.
OFFICE_WORDS = word_set(
    "sheriff police mayor commissioner commissioners council attorney clerk department officer fire board "
    "fair court director spokesman spokeswoman deputy recreation services"
)
# Words that, after a place's name, make an organisation or a building of it ("Henderson County Jail",
# "Greer City Hall", "West Virginia Democratic Party"); after a place, a feature or unit word ("Avon
# River", "Hamilton Township") or a surname ("Beverly Lockhart") makes another name, kept whole.
ORGANISATION_HEADS = (
    OFFICE_WORDS
    | GENERIC_NAME_WORDS
    | word_set(
        "jail courthouse party association authority hospital airport library museum church club society "
        "foundation company corporation development democratic republican common special election "
        "elections schools marshal coordinator commission circuit utilities"
    )
)
# Nouns a person's name modifies ("the Clinton administration", "the Jordan family"): after them a
# name that is also a town's is still the person.
PERSON_HEADS = word_set("administration family campaign era presidency camp cabinet aides")
# Plural unit words after a list of names, and what each name then is.
PLURAL_UNITS = {
    "counties": "county",
    "provinces": "province",
    "governorates": "governorate",
    "states": "state",
    "districts": "district",
    "regions": "region",
    "cities": "city",
    "towns": "town",
    "villages": "village",
    "streets": "street",
    "avenues": "street",
    "roads": "street",
    "rivers": "river",
    "islands": "island",
}
LIST_JOINERS = word_set(", and or to")
LIST_OPENERS = word_set(": of including as")  # "villages: A, B and C", "the provinces of A and B"
# Words after a disease named for a place ("West Nile virus", "Lassa fever", "Lyme disease").
DISEASE_WORDS = word_set(
    "virus viruses ebolavirus fever disease flu influenza encephalitis strain strains subtype syndrome"
)
DISEASE_ADJECTIVES = word_set("hemorrhagic haemorrhagic")
# Word endings of diseases and taxa that the small model calls places ("Meningitis", "Ebolavirus",
# "Filoviridae", "Tuberculosis"), and influenza subtypes ("H5N1").
NOT_PLACE_ENDINGS = ("itis", "virus", "viridae", "virinae", "osis", "aemia", "emia")
FLU_SUBTYPE = re.compile(r"^H\d{1,2}N\d{1,2}$")


def not_a_place_word(text: str) -> bool:
    """A one-word disease, taxon or flu subtype, or a word alone that only ever opens or closes a name
    ("Al" of "Al Shabaab", "University", "Airport"): never a place name."""
    if " " in text:
        return False
    lower = text.lower()
    if lower in PARTICLES or lower in GENERIC_NAME_WORDS or lower in LONE_FACILITY_WORDS:
        return True
    return lower.endswith(NOT_PLACE_ENDINGS) or bool(FLU_SUBTYPE.match(text))


# Natural features named by a name and a feature word after it ("Boni Forest", "Mau Escarpment", "Swat
# Valley", "Tana River") or before it ("Lake Naivasha", "Mount Elgon"). Such a name is the feature's, not
# the town's that shares its first word (Bonn's alternate name "Boni", Mau in India): the toponym is the
# whole name, resolved as the feature or left unresolved, never as the town.
FEATURE_AFTER = word_set(
    "forest forests woods jungle mountain mountains hills highlands range ridge escarpment river valley "
    "gorge canyon desert plains plateau swamp marshes wetlands delta basin"
)
FEATURE_BEFORE = word_set("lake mount mt mt.")


def names_a_feature(text: str) -> bool:
    """A name made of a name and a natural-feature word: "Boni Forest", "Lake Naivasha", "Mt. Elgon".
    "Lake" or "Mount" opens a feature's name of two words only: "Mount Pleasant High School" and "Lake
    Cumberland Area Development District" are named after the town or the lake."""
    words = text.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    return words[-1].casefold() in FEATURE_AFTER or (
        len(words) == 2 and words[0].casefold() in FEATURE_BEFORE
    )


# Facility words that, alone and capitalised, are a facility's name cut short ("the Army/Airport road").
LONE_FACILITY_WORDS = word_set("airport hospital stadium camp station barracks prison court road highway")


# Words around a demonym used as a language's name: "speaks French", "the Russian language".
LANGUAGE_BEFORE = word_set(
    "speak speaks spoke speaking fluent learn learned learning teach taught translated"
)
LANGUAGE_AFTER = word_set(
    "language languages speaker speakers speaking translation version subtitles word words"
)
NAME_LABELS = {"GPE", "LOC", "FAC", "ORG"}
# Prepositions that put a known name in place position ("killed in Nabatieh", ORG to the small model);
# "from"/"to"/"by" are left out: "from Hamas", "to Reuters" are organisations.
STRONG_LOCATIVE = word_set("in near outside around inside into across throughout")
# The rest: with these a known name is a place only when it is a notable place's official name.
WEAK_LOCATIVE = word_set("from to at toward towards via")
DATELINE_DASHES = frozenset({"-", "--", "–", "—"})
# US party letters before a legislator's home town ("D-Raleigh"; DFL is Minnesota's Democratic party).
PARTY_LETTERS = frozenset({"R", "D", "I", "DFL"})
SPEECH_VERBS = word_set("say tell add explain note claim")
SPEECH_FORMS = word_set(
    "said says told tells added adds explained noted claimed"
)  # without lemmas  # "Walker said": a person, not Walker, Minnesota


@dataclass(slots=True)
class Found:
    start: int  # token indices [start, end)
    end: int
    source: str
    rank: int  # precedence when spans overlap: lower wins
    feature_hint: str | None = None
    admin_hint: str | None = None
    codes: tuple[str, ...] = ()
    weak: bool = False  # accepted on a modifier or a weak preposition: no evidence for its other mentions


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def sentence_initial(doc: Doc, i: int) -> bool:
    if doc.has_annotation("SENT_START") and doc[i].is_sent_start:
        return True
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in {"“", '"', "‘", "'", "(", "["}):
        j -= 1
    return j < 0 or doc[j].text in {".", "!", "?", ":", ";"} or "\n" in doc[j].whitespace_ + doc[i - 1].text


def name_token(token: Token) -> bool:
    """A capitalised word or abbreviation ("Idlib", "Kan.", "U.S.")."""
    return capitalised(token) and (token.is_alpha or token.text.endswith("."))


def chunks(doc: Doc) -> list[tuple[int, int]]:
    """Maximal capitalised token runs, joining "Al-Qusayr", "Ras al-Maara", "Wadi al-Thalajat"."""
    runs: list[tuple[int, int]] = []
    n, resume = len(doc), 0  # tokens before ``resume`` are inside a run or skipped
    for i in where_capitalised(doc):
        if i < resume or not name_token(doc[i]):
            continue
        if party_letter(doc, i):
            resume = i + 2  # "Westrom, R-Elbow Lake": the party letter is not part of the town's name
            continue
        j = i + 1
        while j < n:
            token, after = doc[j], (doc[j + 1] if j + 1 < n else None)
            if (
                token.text in {"-", "‐"}
                and doc[j - 1].whitespace_ == ""
                and after is not None
                and after.is_alpha
            ):
                j += 2
            elif name_token(token) or (
                token.lower_ in PARTICLES and after is not None and (capitalised(after) or after.text == "-")
            ):
                j += 1
            else:
                break
        runs.append((i, j))
        resume = j
    return runs


def strip_the(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return start


def has_place_cue(doc: Doc, start: int, end: int) -> bool:
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    after = doc[end].lower_ if end < len(doc) else ""
    apposition = [t.lower_ for t in doc[end : end + 3]]  # "Malakal, a town in ..."
    return (
        after in UNIT_AFTER
        or (
            len(apposition) == 3
            and apposition[0] == ","
            and apposition[1] in {"a", "the"}
            and apposition[2] in UNIT_BEFORE
        )
        or (
            len(before) == 2
            and before[1] == "of"
            and (before[0] in UNIT_BEFORE or before[0] in PLACE_BEFORE_OF)
        )
        or (doc[start].lower_ in FEATURE_PREFIXES and end - start > 1)
    )


def dateline(doc: Doc, start: int, end: int) -> bool:
    """A name before a dash opening a sentence: the dateline "MANSFIELD -- The council ...", "Goose Creek —
    A man ...", or an upper-case one before a colon ("BEIRUT: The body of ...")."""
    if end - start > 3 or end >= len(doc):
        return False
    upper = doc[start:end].text.isupper()
    mark = doc[end].text
    return (mark in DATELINE_DASHES or (upper and mark == ":")) and (
        start == 0 or sentence_initial(doc, start) or doc[start - 1].is_punct
    )


def party_letter(doc: Doc, i: int) -> bool:
    """A party letter glued to a dash after a legislator's name: the "R-" of ", R-Elbow Lake"."""
    return (
        doc[i].text in PARTY_LETTERS
        and i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and doc[i].whitespace_ == ""
        and i > 0
        and doc[i - 1].text in {",", "("}
    )


def party_home(doc: Doc, start: int) -> bool:
    """A US legislator's home town after the party letter: "Rep. Torrey Westrom, R-Elbow Lake"."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].text in PARTY_LETTERS
