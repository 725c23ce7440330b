"""Which words tie reports together: story words (rare, and used in a burst), weighted (no model needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from eventscope.merge.cluster import cluster_mentions
from eventscope.merge.compare import compare_profiles, profile
from eventscope.merge.names import MIN_ARTICLES, burst_share, distinctive_words
from eventscope.merge.words import sentence_words, text_words
from eventscope.models import (
    ActorRef,
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


def mention(article: str, sentence: str, when: date, victim: str | None = None) -> Mention:
    return Mention(
        id=f"m-{article}-{victim}",
        article_id=article,
        sentence=Evidence(article, 0, len(sentence), sentence),
        trigger=Evidence(article, 0, 6, "attack"),
        type=ASSAULT,
        recipient=ActorRef(Evidence(article, 0, len(victim), victim)) if victim else None,
        time=TimeRef(when, when, TimePrecision.DAY),
    )


def test_burst_share_is_the_largest_share_within_the_window() -> None:
    days = [START, START + timedelta(days=3), START + timedelta(days=20), START + timedelta(days=200)]
    assert burst_share(days, window=30) == 0.75
    assert burst_share(days, window=5) == 0.5
    assert burst_share([], window=30) == 0.0


def test_a_rare_word_used_in_a_burst_counts_a_spread_out_or_common_one_does_not() -> None:
    articles = corpus(burst="Ellacuria", spread="residence", common="capital")
    # every word is some victim's: only rarity and bursts are tested here
    mentions = [mention(a, articles[a].text, START, victim=articles[a].text) for a in articles]
    weigh = distinctive_words(mentions, articles)
    assert weigh is not None
    assert weigh("ellacuria") == 1.0  # 5 of 60 articles, all within a month
    assert weigh("residence") == 0.0  # 5 of 60, months apart
    assert weigh("capital") == 0.0  # a third of the articles


def test_too_few_articles_give_no_weights() -> None:
    articles = corpus(burst="Ellacuria", spread="residence", common="capital", n=MIN_ARTICLES - 1)
    assert distinctive_words([mention(a, articles[a].text, START) for a in articles], articles) is None


def test_a_bursting_word_seldom_used_for_a_participant_names_no_one() -> None:
    """One crisis filling a month bursts its ordinary words too: in the November 1989 offensive "heavy"
    and "Soyapango" chained dozens of attacks. A name is also a word used for a victim or target."""
    articles = corpus(burst="Ellacuria heavy", spread="residence", common="capital")
    victims = [mention(a, "Heavy fire killed Ellacuria", START, victim="Ellacuria") for a in ("a20", "a21")]
    others = [mention(a, "Heavy fighting went on", START) for a in ("a22", "a23", "a24")]
    weigh = distinctive_words(victims + others, articles)
    assert weigh is not None
    assert weigh("ellacuria") == 1.0  # the victim in every article that uses it near an event
    assert weigh("heavy") == 0.0  # in five articles near an event, never for a participant


def test_story_words_elsewhere_in_the_sentence_count_half_and_only_with_word_statistics() -> None:
    when = date(2026, 5, 22)
    a = mention("a20", "Unknown men shot Ellacuria in Soyapango at dawn", when)
    b = mention("a21", "The killing of Ellacuria in Soyapango was condemned", when)
    c = mention("a22", "The fighting in Soyapango was condemned", when)
    # other reports name Ellacuria as the victim; none uses Soyapango for a participant
    named = [mention(x, "Ellacuria was shot in Soyapango", when, victim="Ellacuria") for x in ("a23", "a24")]
    articles = corpus(burst="Ellacuria Soyapango", spread="residence", common="capital")
    weigh = distinctive_words([a, b, c, *named], articles)
    assert weigh is not None
    assert weigh("ellacuria", in_sentence=True) == 0.5 and weigh("soyapango") == 0.0
    agreement = compare_profiles(profile([a], weigh), profile([b], weigh))
    # same type 1 + same day 1 + half a name: anchored by the name, although no place is given
    assert agreement.joins and agreement.score == 2.5
    assert "both name ellacuria" in agreement.reasons
    # a shared word that names no one ties nothing
    assert not compare_profiles(profile([a], weigh), profile([c], weigh)).joins
    # without word statistics (a few articles) a sentence word may be "dawn" or "said": it does not count
    assert not compare_profiles(profile([a]), profile([b])).joins
    assert len(cluster_mentions([a, b], articles, weigh)) == 1
    assert len(cluster_mentions([a, b], articles)) == 2


def test_a_name_in_the_possessive_is_the_name() -> None:
    """ "JARAMILLO'S ASSASSINATION" uses the name "jaramillo", as "the murder of Bernardo Jaramillo" does
    (it was read as "jaramillo'", a word no other report uses); an apostrophe inside a name stays."""
    owned = mention("a1", "Jaramillo's assassination shocked the country.", START, "JARAMILLO'S")
    named = mention(
        "a2", "The murder of Bernardo Jaramillo shocked the country.", START, "Bernardo Jaramillo"
    )
    assert "jaramillo" in profile([owned]).names & profile([named]).names
    assert "jesuit" in sentence_words(mention("a3", "The Jesuits' murder was condemned.", START))
    assert "o'brien" in text_words("Senator O'Brien's office")
