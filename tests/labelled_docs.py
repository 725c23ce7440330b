"""Documents with entities set by hand on a blank pipeline: what the small model is known to do (call towns
PERSON or ORG, diseases GPE), so a recognition rule is tested on its own and without the model."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def labelled(nlp: Language, text: str, ents: list[tuple[str, str]], nouns: tuple[str, ...] = ()) -> Doc:
    """``text`` with the given (phrase, label) entities, each at the phrase's first occurrence after the
    previous one; words in ``nouns`` are tagged NOUN (a blank pipeline tags nothing)."""
    doc = nlp(text)
    spans, at = [], 0
    for phrase, label in ents:
        start = text.index(phrase, at)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        spans.append(span)
        at = start + len(phrase)
    doc.ents = spans
    for token in doc:
        if token.text in nouns:
            token.pos_ = "NOUN"
    return doc
