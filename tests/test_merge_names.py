"""Which words tie reports together: story words (rare, and used in a burst), weighted (no model needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from eventscope.merge.cluster import cluster_mentions
from eventscope.merge.compare import compare_profiles, profile
from eventscope.merge.names import MIN_ARTICLES, burst_share, distinctive_words
from eventscope.models import (
    Article,
    EventType,
    Evidence,
    Mention,
    TimePrecision,
    TimeRef,
)

ASSAULT = EventType("ASSAULT", None, "Violence against civilians", "Attack", "18")
START = date(2026, 1, 1)


def corpus(*, burst: str, spread: str, common: str, n: int = 60) -> dict[str, Article]:
    """``n`` articles a week apart; ``burst`` in five of them within a month, ``spread`` in five of them
    months apart, ``common`` in a third of them."""
    texts = {i: ["filler text about the weather"] for i in range(n)}
    for i in range(20, 25):
        texts[i].append(burst)
    for i in range(0, n, n // 5):
        texts[i].append(spread)
    for i in range(0, n, 3):
        texts[i].append(common)
    return {
        f"a{i}": Article(
            id=f"a{i}",
            text=" ".join(words),
            published_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(weeks=i),
        )
        for i, words in texts.items()
    }


def mention(article: str, sentence: str, when: date) -> Mention:
    return Mention(
        id=f"m-{article}",
        article_id=article,
        sentence=Evidence(article, 0, len(sentence), sentence),
        trigger=Evidence(article, 0, 6, "attack"),
        type=ASSAULT,
        time=TimeRef(when, when, TimePrecision.DAY),
    )


def test_burst_share_is_the_largest_share_within_the_window() -> None:
    days = [START, START + timedelta(days=3), START + timedelta(days=20), START + timedelta(days=200)]
    assert burst_share(days, window=30) == 0.75
    assert burst_share(days, window=5) == 0.5
    assert burst_share([], window=30) == 0.0


def test_a_rare_word_used_in_a_burst_counts_a_spread_out_or_common_one_does_not() -> None:
    articles = corpus(burst="Ellacuria", spread="residence", common="capital")
    mentions = [mention(a, articles[a].text, START) for a in articles]
    weigh = distinctive_words(mentions, articles)
    assert weigh is not None
    assert weigh("ellacuria") == 1.0  # 5 of 60 articles, all within a month
    assert weigh("residence") == 0.0  # 5 of 60, months apart
    assert weigh("capital") == 0.0  # a third of the articles


def test_too_few_articles_give_no_weights() -> None:
    articles = corpus(burst="Ellacuria", spread="residence", common="capital", n=MIN_ARTICLES - 1)
    assert distinctive_words([mention(a, articles[a].text, START) for a in articles], articles) is None


def test_story_words_elsewhere_in_the_sentence_count_a_third_and_only_with_word_statistics() -> None:
    when = date(2026, 5, 22)
    a = mention("a20", "Unknown men shot Ellacuria in Soyapango at dawn", when)
    b = mention("a21", "The killing of Ellacuria in Soyapango was condemned", when)
    c = mention("a22", "The killing of Ellacuria was condemned", when)
    articles = corpus(burst="Ellacuria Soyapango", spread="residence", common="capital")
    weigh = distinctive_words([a, b, c], articles)
    agreement = compare_profiles(profile([a], weigh), profile([b], weigh))
    # same type 1 + same day 1 + two thirds of a name: anchored by the names, although no place is given
    assert agreement.joins and agreement.score == 2.67
    assert "both name ellacuria, soyapango" in agreement.reasons
    # one story word elsewhere in the sentence is not enough to tie two reports
    assert not compare_profiles(profile([a], weigh), profile([c], weigh)).joins
    # without word statistics (a few articles) a sentence word may be "dawn" or "said": it does not count
    assert not compare_profiles(profile([a]), profile([b])).joins
    assert len(cluster_mentions([a, b], articles, weigh)) == 1
    assert len(cluster_mentions([a, b], articles)) == 2
