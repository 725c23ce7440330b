"""Which words name someone or something in particular? Rare words whose uses bunch up in time.

A word a report uses around its event ("Jesuit", "Ellacuria", "Galan", "pipeline") ties two reports
together when it is a *story word*, as in topic detection and tracking: rare in the articles being
merged (in at most ``MAX_SHARE`` of them) and used in a burst. Rarity alone cannot tell "Galan" (3% of
the MUC-4 messages, two thirds of them within one month) from "residence" (4%, spread over a year, at
most 40% in any month): a name in the news comes in a burst, a common noun does not. A word's weight
rises from 0 when at most ``BURST_LOW`` of the dated articles using it fall within ``BURST_DAYS`` of
each other to 1 from ``BURST_HIGH``. A word of a participant's own text counts its weight; a word
elsewhere in the mention's sentence (where the extractor's missed victims are) ``SENTENCE_SHARE`` of it.

Without dates (fewer than ``MIN_ARTICLES`` articles with a publication or fetch time) bursts cannot be
found: a participant's word then counts when it is rare, and the rest of the sentence not at all. With
fewer than ``MIN_ARTICLES`` articles rarity means nothing either: every non-generic word of a
participant counts fully. Caveat: when nearly all articles are about one crisis in one month, that
crisis's vocabulary ("heavy", "launched") bursts too; the sentence share is kept low for that reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from eventscope.merge.compare import WORD, fold_plural, participant_words, sentence_words
from eventscope.models import Article, Mention

MAX_SHARE = 0.1
BURST_LOW = 0.3
BURST_HIGH = 0.6
BURST_DAYS = 30
MIN_ARTICLES = 40
# a story word elsewhere in the sentence: two of them anchor a pair (compare.NAME_ANCHOR), one does not
SENTENCE_SHARE = 1 / 3


def burst_share(days: Sequence[date], window: int | None = None) -> float:
    """The largest share of ``days`` (sorted) that fall within ``window`` days of each other."""
    window = BURST_DAYS if window is None else window
    best = first = 0
    for last, day in enumerate(days):
        while (day - days[first]).days > window:
            first += 1
        best = max(best, last - first + 1)
    return best / len(days) if days else 0.0


@dataclass(frozen=True)
class StoryWords:
    """Word weights (a ``compare.WordWeight``): ``weights`` for a word of a participant's own text,
    ``sentence_share`` of that for a word elsewhere in the sentence (0 when the dates cannot tell a
    story word from any rare word)."""

    weights: Mapping[str, float]
    sentence_share: float

    def __call__(self, word: str, *, in_sentence: bool = False) -> float:
        weight = self.weights.get(word, 0.0)
        return weight * self.sentence_share if in_sentence else weight


def distinctive_words(mentions: Iterable[Mention], articles: Mapping[str, Article]) -> StoryWords | None:
    """How much each word says about who took part (see the module docstring); None with too few
    articles to tell."""
    candidates = {w for m in mentions for w in participant_words(m) | sentence_words(m)}
    if len(articles) < MIN_ARTICLES or not candidates:
        return None
    used: defaultdict[str, list[date | None]] = defaultdict(list)
    dated = 0
    for article in articles.values():
        words = {fold_plural(w) for w in WORD.findall(article.text.casefold())} & candidates
        when = article.published_at or article.fetched_at
        dated += when is not None
        for w in words:
            used[w].append(when.date() if when else None)
    limit = MAX_SHARE * len(articles)
    rare = {w: uses for w, uses in used.items() if len(uses) <= limit}
    if dated < MIN_ARTICLES:  # no dates to find bursts in: rarity alone, and only participants' words
        return StoryWords(dict.fromkeys(rare, 1.0), 0.0)
    weights = {
        w: story_weight(burst_share(sorted(d for d in uses if d is not None))) for w, uses in rare.items()
    }
    return StoryWords(weights, SENTENCE_SHARE)


def story_weight(burst: float) -> float:
    """0 for a word whose uses spread out (at most ``BURST_LOW`` in one window), 1 from ``BURST_HIGH``."""
    if BURST_HIGH <= BURST_LOW:
        return 1.0 if burst >= BURST_HIGH else 0.0
    return min(1.0, max(0.0, (burst - BURST_LOW) / (BURST_HIGH - BURST_LOW)))
