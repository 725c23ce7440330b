"""Which words name someone in particular? Those few articles use.

A word used for a participant ("Jesuit", "Ellacuria", "pipeline") ties two reports together only if it
is rare in the articles being merged: document frequency at most ``MAX_SHARE`` of them. With fewer than
``MIN_ARTICLES`` articles the frequencies mean nothing, and every non-generic word counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from eventscope.merge.compare import content_words
from eventscope.models import Article, Mention

MAX_SHARE = 0.1
MIN_ARTICLES = 40
_WORD = re.compile(r"[a-z][a-z'’\-]+")


def _fold(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def distinctive_words(mentions: Iterable[Mention], articles: Mapping[str, Article]) -> Callable[[str], bool]:
    candidates = {w for m in mentions for ref in (m.actor, m.recipient) for w in content_words(ref)}
    if len(articles) < MIN_ARTICLES or not candidates:
        return lambda word: True
    df: Counter[str] = Counter()
    for article in articles.values():
        words = {_fold(w) for w in _WORD.findall(article.text.casefold())}
        df.update(words & candidates)
    limit = MAX_SHARE * len(articles)
    return lambda word: df[word] <= limit
