"""Which words name someone or something in particular? Rare words whose uses bunch up in time.

A word a report uses around its event ("Jesuit", "Ellacuria", "Galan", "pipeline") ties two reports
together when it is a *story word*, as in topic detection and tracking: rare in the articles being
merged (in at most ``MAX_SHARE`` of them) and used in a burst. Rarity alone cannot tell "Galan" (3% of
the MUC-4 messages, two thirds of them within one month) from "residence" (4%, spread over a year, at
most 40% in any month): a name in the news comes in a burst, a common noun does not. A word's weight
rises from 0 when at most ``BURST_LOW`` of the dated articles using it fall within ``BURST_DAYS`` of
each other to 1 from ``BURST_HIGH``.

A burst is not enough when one crisis fills a month of the articles: its ordinary words ("heavy",
"clashes", "launched", the suburbs' names) burst too and chained the attacks of the November 1989
offensive into one event. A name of someone is also a word that the extractor finds inside a
participant's text (the victim, the target) in a good share of the articles that use it around an
event: "Jesuit" 68%, "Galan" 58%, "Oqueli" 82%; "fighting" 5%, "heavy" and "Soyapango" 0% (places count
through the place, not as names). The burst weight is multiplied by a second one that rises from 0 at
``ROLE_LOW`` of those articles to 1 at ``ROLE_HIGH``. A word of a participant's own text counts its
weight; a word elsewhere in the mention's sentence (where the extractor's missed victims are)
``SENTENCE_SHARE`` of it.

Without dates (fewer than ``MIN_ARTICLES`` articles with a publication or fetch time) bursts cannot be
found: a participant's word then counts when it is rare, and the rest of the sentence not at all. With
fewer than ``MIN_ARTICLES`` articles rarity means nothing either: every non-generic word of a
participant counts fully.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from eventscope.merge.words import participant_words, sentence_words, text_words
from eventscope.models import Article, Mention

MAX_SHARE = 0.15  # at most this share of the articles; the role weight keeps ordinary words out
BURST_LOW = 0.3
BURST_HIGH = 0.6
BURST_DAYS = 30
MIN_ARTICLES = 40
# a story word elsewhere in the sentence counts half: it is someone's name (ROLE_*), but maybe not this
# event's participant; one of full weight anchors a pair (compare.NAME_ANCHOR)
SENTENCE_SHARE = 0.5
# a word the extractor finds in participants' text in at most ROLE_LOW of the articles that use it
# around an event names no one ("heavy", "launched", "Soyapango"); from ROLE_HIGH it names someone
ROLE_LOW = 0.1
ROLE_HIGH = 0.4


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
    """How much each word (or pair of words, "bernardo jaramillo") says about who took part (see the
    module docstring); None with too few articles to tell."""
    mentions_seen = list(mentions)
    candidates = {w for m in mentions_seen for w in participant_words(m) | sentence_words(m)}
    if len(articles) < MIN_ARTICLES or not candidates:
        return None
    dated = sum(1 for a in articles.values() if (a.published_at or a.fetched_at) is not None)
    roles = participant_rates(mentions_seen) if dated >= MIN_ARTICLES else {}
    singles = {w for w in candidates if " " not in w}
    # a pair is a name only when each of its words is: rare, and (with dates) used for participants
    # ("three bodies", "front door" are no name); pairs of words that never name anyone are not counted
    # (only pairs some report uses for a participant: any other weighs nothing, see ``role_weight``)
    pairs = {
        w
        for m in mentions_seen
        for w in participant_words(m)
        if " " in w
        and (not roles or role_weight(roles.get(w, 0.0)) > 0)
        and all(not roles or role_weight(roles.get(part, 0.0)) > 0 for part in w.split(" "))
    }
    firsts = {w.split(" ")[0] for w in pairs}
    seconds = {w.split(" ")[1] for w in pairs}

    def terms(words: list[str]) -> set[str]:
        found = {
            f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a in firsts and b in seconds
        } & pairs
        return found | (set(words) & singles)

    used = _uses(articles, terms)
    limit = MAX_SHARE * len(articles)
    rare = {w: uses for w, uses in used.items() if len(uses) <= limit and " " not in w}
    for pair in [w for w in used if " " in w]:
        if any(_part_weight(part, rare, roles, dated >= MIN_ARTICLES) == 0 for part in pair.split(" ")):
            del used[pair]
    rare = {w: uses for w, uses in used.items() if len(uses) <= limit}
    if dated < MIN_ARTICLES:  # no dates to find bursts in: rarity alone, and only participants' words
        return StoryWords(dict.fromkeys(rare, 1.0), 0.0)
    weights = {
        w: story_weight(burst_share(sorted(d for d in uses if d is not None)))
        * role_weight(roles.get(w, 0.0))
        for w, uses in rare.items()
    }
    for pair in [w for w in weights if " " in w]:
        weights[pair] *= min(_part_weight(part, rare, roles, True) for part in pair.split(" "))
    return StoryWords(weights, SENTENCE_SHARE)


def _uses(
    articles: Mapping[str, Article], terms: Callable[[list[str]], set[str]]
) -> defaultdict[str, list[date | None]]:
    """For each term an article uses (``terms`` of its folded words): the article's dates."""
    used: defaultdict[str, list[date | None]] = defaultdict(list)
    for article in articles.values():
        when = article.published_at or article.fetched_at
        for w in terms(text_words(article.text)):
            used[w].append(when.date() if when else None)
    return used


def _part_weight(word: str, rare: Mapping[str, object], roles: Mapping[str, float], dated: bool) -> float:
    """How much a word may lend to a pair ("bernardo jaramillo"): each word of a full name is itself
    rare and, where that can be told (``dated``: see ``participant_rates``), used for participants."""
    if word not in rare:
        return 0.0
    return role_weight(roles.get(word, 0.0)) if dated else 1.0


def participant_rates(mentions: Iterable[Mention]) -> dict[str, float]:
    """For each word of the mentions' sentences: the share of the articles using it there that also
    use it in a participant's own text ("Jesuit" 0.68, "Galan" 0.58; "fighting" 0.05, "heavy" 0)."""
    seen = list(mentions)
    in_sentence: defaultdict[str, set[str]] = defaultdict(set)
    as_participant: defaultdict[str, set[str]] = defaultdict(set)
    for m in seen:
        for w in participant_words(m):
            as_participant[w].add(m.article_id)
    for m in seen:
        # a pair never used for a participant has rate 0 wherever it is used: no need to count it
        for w in sentence_words(m):
            if " " not in w or w in as_participant:
                in_sentence[w].add(m.article_id)
        for w in participant_words(m):
            in_sentence[w].add(m.article_id)
    return {w: len(as_participant[w]) / len(used) for w, used in in_sentence.items()}


def role_weight(rate: float) -> float:
    """0 for a word seldom used for a participant (at most ``ROLE_LOW`` of the articles using it near
    an event), 1 from ``ROLE_HIGH``."""
    return min(1.0, max(0.0, (rate - ROLE_LOW) / (ROLE_HIGH - ROLE_LOW)))


def story_weight(burst: float) -> float:
    """0 for a word whose uses spread out (at most ``BURST_LOW`` in one window), 1 from ``BURST_HIGH``."""
    if BURST_HIGH <= BURST_LOW:
        return 1.0 if burst >= BURST_HIGH else 0.0
    return min(1.0, max(0.0, (burst - BURST_LOW) / (BURST_HIGH - BURST_LOW)))
