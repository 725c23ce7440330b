"""Session 8 merge rules on hand-made inputs (no model needed): full names as pairs of words, dates too
wide to tell happenings apart, undated reports placed at their publication, the names that speak for a
well-reported happening, and two clusters of one happening made one when a report names both."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from eventscope.merge.cluster import (
    CORE_FROM,
    Cluster,
    absorb,
    bridge,
    cluster_mentions,
    sweep_key,
    within_article,
)
from eventscope.merge.compare import Profile, compare, name_score, profile
from eventscope.merge.names import distinctive_words
from eventscope.merge.words import content_words
from eventscope.models import (
    ActorRef,
    Article,
    EventType,
    Evidence,
    Mention,
    MergeLink,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    TimePrecision,
    TimeRef,
)

ASSAULT = EventType("ASSAULT", None, "Violence against civilians", "Attack", "18")
NABATIEH = Place("geonames:268064", "Nabatieh", 33.3772, 35.4836, "P", "PPLA", "LB", "Nabatieh", None, 40000)
TYRE = Place("geonames:267008", "Tyre", 33.2733, 35.1939, "P", "PPLA", "LB", "South", None, 117000)
THU = date(2026, 5, 7)


def day(d: date) -> TimeRef:
    return TimeRef(d, d, TimePrecision.DAY)


def mention(
    article: str,
    when: TimeRef,
    *,
    place: Place | None = None,
    victim: str | None = None,
    sentence: str = "a sentence",
    start: int = 0,
) -> Mention:
    places = (
        (PlaceRef(Evidence(article, 0, 5, "place"), PlaceRole.SITE, place, PlaceLevel.TOWN),) if place else ()
    )
    return Mention(
        id=f"m-{article}-{start}",
        article_id=article,
        sentence=Evidence(article, start, start + len(sentence), sentence),
        trigger=Evidence(article, start, start + 6, "attack"),
        type=ASSAULT,
        recipient=ActorRef(Evidence(article, start, start + len(victim), victim)) if victim else None,
        places=places,
        time=when,
    )


def articles(*ids: str) -> dict[str, Article]:
    return {a: Article(id=a, text=f"article {a}", outlet=a.upper()) for a in ids}


def weighted(weights: dict[str, float]) -> Profile:
    return Profile(
        "ASSAULT",
        "violence",
        day(THU),
        (day(THU),),
        None,
        frozenset(),
        frozenset(),
        frozenset(weights),
        weights,
    )


# --- full names ------------------------------------------------------------------------------------


def test_two_adjacent_words_of_a_participant_are_a_name_of_their_own() -> None:
    victim = ActorRef(Evidence("a", 0, 34, "presidential candidate Bernardo Jaramillo"))
    assert {"bernardo", "jaramillo", "bernardo jaramillo"} <= content_words(victim)
    # generic words break a pair: "the six Jesuits" gives no "six jesuit"
    assert content_words(ActorRef(Evidence("a", 0, 15, "the six Jesuits"))) == {"jesuit"}


def test_a_shared_pair_counts_in_place_of_its_words_never_beside_them() -> None:
    # a full name whose words are common first and family names: the pair says who it is
    jaramillo = {"bernardo": 0.3, "jaramillo": 0.3, "bernardo jaramillo": 1.0}
    assert name_score(weighted(jaramillo), weighted(jaramillo), sorted(jaramillo)) == 1.0
    # a pair worth less than its words adds nothing to them ("jesuit priest")
    jesuits = {"jesuit": 0.6, "priest": 0.3, "jesuit priest": 0.4}
    assert name_score(weighted(jesuits), weighted(jesuits), sorted(jesuits)) == 0.9
    # two overlapping pairs of one name ("luis carlos", "carlos galan") count once
    galan = {"luis": 0.0, "carlo": 0.0, "galan": 0.5, "luis carlo": 0.8, "carlo galan": 0.9}
    assert name_score(weighted(galan), weighted(galan), sorted(galan)) == 0.9


def test_a_full_name_is_a_story_word_even_when_its_words_are_not() -> None:
    """'Bernardo' and 'Jaramillo' each appear months apart (other people, other stories), so neither
    bursts; 'Bernardo Jaramillo' comes in one burst, as the victim: it names him. 'Three bodies' is no
    name: 'three' is in a third of the articles."""
    n = 60
    texts = {i: ["filler text about the weather"] for i in range(n)}
    for i in range(0, n, 12):
        texts[i].append("Bernardo Perez spoke. Alvaro Jaramillo spoke.")
    for i in range(30, 34):
        texts[i].append("Bernardo Jaramillo was killed.")
    for i in range(0, n, 3):
        texts[i].append("three bodies")
    arts = {
        f"a{i}": Article(
            id=f"a{i}", text=" ".join(t), published_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(weeks=i)
        )
        for i, t in texts.items()
    }
    when = date(2026, 1, 1) + timedelta(weeks=30)
    ms = [
        mention(f"a{i}", day(when), victim="Bernardo Jaramillo", sentence="Bernardo Jaramillo was killed.")
        for i in range(30, 34)
    ] + [mention(f"a{i}", day(when), victim="three bodies", sentence="three bodies") for i in range(0, n, 3)]
    words = distinctive_words(ms, arts)
    assert words is not None
    assert words("bernardo jaramillo") == 1.0
    assert words("bernardo") < 0.5 and words("jaramillo") < 0.5
    assert words("three bodie") == 0.0


# --- wide dates ------------------------------------------------------------------------------------


def test_dates_wider_than_a_month_do_not_count_as_a_shared_date() -> None:
    year = TimeRef(date(2026, 1, 1), date(2026, 12, 31), TimePrecision.YEAR)
    a, b = mention("a", year, place=NABATIEH), mention("b", year, place=NABATIEH)
    agreement = compare(a, b)
    # same town, "in 2026" both: nothing tells which of the year's attacks on the town each one is
    assert not agreement.joins and "only dates wider than a month in common" in agreement.reasons
    # the same named victim still ties them
    named = compare(
        mention("a", year, place=NABATIEH, victim="Karim Haddad"),
        mention("b", year, place=NABATIEH, victim="Karim Haddad"),
    )
    assert named.joins
    # a week still counts as a date
    week = TimeRef(THU - timedelta(days=6), THU, TimePrecision.WEEK)
    assert compare(mention("a", week, place=NABATIEH), mention("b", week, place=NABATIEH)).joins


# --- undated reports at their publication ------------------------------------------------------------


def test_an_undated_report_is_visited_at_its_publication_a_dated_one_at_its_start() -> None:
    window = TimeRef(THU - timedelta(days=6), THU, TimePrecision.WEEK, resolved=False)
    arts = articles("a", "b")
    undated = within_article([mention("a", window, victim="Karim Haddad")])[0]
    dated = within_article([mention("b", day(THU - timedelta(days=3)))])[0]
    assert sweep_key(undated, arts)[0] == THU.isoformat()
    assert sweep_key(dated, arts)[0] == (THU - timedelta(days=3)).isoformat()
    assert sweep_key(dated, arts) < sweep_key(undated, arts)


# --- the names that speak for a happening -------------------------------------------------------------


def test_a_name_only_one_report_of_a_well_reported_happening_uses_does_not_speak_for_it() -> None:
    cluster = Cluster()
    for i, article in enumerate("abc"):
        victim = "Karim Haddad and the infantry brigade" if article == "a" else "Karim Haddad"
        m = mention(article, day(THU), place=NABATIEH, victim=victim, start=i)
        cluster.add(m, _link(m))
        if len(cluster.article_ids) < CORE_FROM:
            assert "infantry" in cluster.profile.names  # while few tell it, every name counts
    assert "haddad" in cluster.profile.names and "infantry" not in cluster.profile.names


# --- one happening met twice -------------------------------------------------------------------------


def test_two_clusters_of_one_happening_become_one_with_the_reason_kept() -> None:
    arts = articles("a", "b")
    home, other = Cluster(), Cluster()
    for cluster, article in ((home, "a"), (other, "b")):
        m = mention(article, day(THU), place=NABATIEH, victim="Karim Haddad")
        cluster.add(m, _link(m))
        cluster.pieces.append(cluster.profile)
    agreement = bridge(home, other)
    assert agreement is not None
    absorb(home, other, agreement, arts)
    assert other.absorbed and {m.article_id for m in home.mentions} == {"a", "b"}
    assert any("met twice" in r for link in home.links for r in link.reasons)


def test_clusters_whose_reports_exclude_each_other_are_never_made_one() -> None:
    home, other = Cluster(), Cluster()
    for cluster, article, place in ((home, "a", NABATIEH), (other, "b", TYRE)):
        m = mention(article, day(THU), place=place, victim="Karim Haddad")
        cluster.add(m, _link(m))
        cluster.pieces.append(cluster.profile)
    assert bridge(home, other) is None  # Nabatieh and Tyre are too far apart to be one happening


def test_merging_stays_independent_of_input_order() -> None:
    window = TimeRef(THU, THU + timedelta(days=6), TimePrecision.WEEK, resolved=False)
    ms = [
        mention("a", day(THU), place=NABATIEH, victim="Karim Haddad"),
        mention("b", day(THU), victim="Karim Haddad"),
        mention("c", window, victim="Karim Haddad"),
        mention("d", day(THU), place=TYRE, victim="Leila Haddad"),
    ]
    arts = articles("a", "b", "c", "d")

    def groups(order: list[Mention]) -> set[frozenset[str]]:
        return {frozenset(m.article_id for m in c.mentions) for c in cluster_mentions(order, arts)}

    first = groups(ms)
    assert frozenset("abc") in first and frozenset("d") in first
    assert groups(list(reversed(ms))) == first
    assert groups([ms[2], ms[0], ms[3], ms[1]]) == first


def _link(m: Mention) -> MergeLink:
    return MergeLink(m.id, None, 0.0, ("first report in its article",))


def test_profile_of_one_mention_keeps_every_name() -> None:
    m = mention("a", day(THU), victim="Karim Haddad")
    assert {"karim", "haddad", "karim haddad"} <= profile([m]).names
