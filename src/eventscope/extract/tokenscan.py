"""Whole-Doc token scans without a Python ``Token`` per word.

Rules that look for a few words ("border", "territory") or for capitalised words used to walk every
token of the Doc; spaCy makes a ``Token`` object on each access, which is most of that cost. These
helpers read the Doc's attribute arrays once (``Doc.to_array``) and return the indices that qualify, so
rules touch only the tokens that matter. Results are identical to the token-by-token tests they replace.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH, SHAPE
from spacy.strings import get_string_id

if TYPE_CHECKING:
    from spacy.tokens import Doc


@lru_cache(maxsize=64)
def _ids(words: frozenset[str]) -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)


def where_lower(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form (``Token.lower_``) is one of ``words``, in order."""
    if not len(doc):
        return []
    return [int(i) for i in np.flatnonzero(np.isin(doc.to_array(LOWER), _ids(words)))]


def where_capitalised(doc: Doc) -> list[int]:
    """Indices of the tokens whose first character is upper case (``token.text[:1].isupper()``), in order.

    A token's shape maps each upper-case letter to "X" (``Token.shape_``), so a word starting with an
    upper-case letter has a shape starting with "X" (an upper-case non-letter such as "Ⅷ" is not counted).
    """
    if not len(doc):
        return []
    shapes = doc.to_array(SHAPE)
    unique, inverse = np.unique(shapes, return_inverse=True)
    strings = doc.vocab.strings
    upper = np.array([strings[int(s)].startswith("X") for s in unique], dtype=bool)
    return [int(i) for i in np.flatnonzero(upper[inverse])]


def where_lemma(doc: Doc, lemmas: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case lemma is one of ``lemmas``, in order.

    As ``syntax.lemma_of``: a token without a lemma (a blank pipeline) is read by its text.
    """
    if not len(doc):
        return []
    arr = doc.to_array([LEMMA, ORTH])
    keys = np.where(arr[:, 0] == 0, arr[:, 1], arr[:, 0])
    unique, inverse = np.unique(keys, return_inverse=True)
    strings = doc.vocab.strings
    hit = np.array([strings[int(k)].lower() in lemmas for k in unique], dtype=bool)
    return [int(i) for i in np.flatnonzero(hit[inverse])]
