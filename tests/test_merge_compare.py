"""Same happening or not: the merge rules on hand-made mentions (no model needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from eventscope.merge.build import build_event
from eventscope.merge.cluster import cluster_mentions
from eventscope.merge.compare import SLACK_DAYS, UNDATED_WEEKS, compare, compare_profiles, profile
from eventscope.merge.names import SENTENCE_SHARE, StoryWords
from eventscope.models import (
    ActorKind,
    ActorRef,
    Article,
    ClaimStatus,
    EventType,
    Evidence,
    Magnitude,
    Mention,
    Modality,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    TimePrecision,
    TimeRef,
)

NABATIEH = Place("geonames:268064", "Nabatieh", 33.3772, 35.4836, "P", "PPLA", "LB", "Nabatieh", None, 40000)
TYRE = Place("geonames:267008", "Tyre", 33.2733, 35.1939, "P", "PPLA", "LB", "South", None, 117000)
METULA = Place("geonames:294083", "Metula", 33.2792, 35.5791, "P", "PPL", "IL", "Northern", None, 1600)
BAGHDAD = Place("geonames:98182", "Baghdad", 33.3406, 44.4009, "P", "PPLC", "IQ", "Baghdad", None, 7216000)
KADHIMIYA = Place("geonames:8224642", "Kadhimiya", 33.38, 44.34, "P", "PPLX", "IQ", "Baghdad", None, 300000)
LEBANON = Place("country:LB", "Lebanon", 33.83, 35.83, "A", "PCLI", "LB", None, None, 6000000)
ASSAULT = EventType("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "19")
IDF = "military-il"


def ev(article: str, text: str = "x") -> Evidence:
    return Evidence(article, 0, len(text), text)


def day(d: date, historical: bool = False) -> TimeRef:
    return TimeRef(d, d, TimePrecision.DAY, historical=historical)


def mention(
    article: str,
    place: Place | None,
    when: TimeRef,
    *,
    actor: str | None = IDF,
    recipient_text: str | None = None,
    killed: int | None = None,
    modality: Modality = Modality.ASSERTED,
    level: PlaceLevel = PlaceLevel.TOWN,
    start: int = 0,
) -> Mention:
    places = (PlaceRef(ev(article, place.name if place else "somewhere"), PlaceRole.SITE, place, level),)
    mags = (
        (Magnitude("killed", killed, killed, ev(article, f"killed {killed}")),) if killed is not None else ()
    )
    return Mention(
        id=f"m-{article}-{start}",
        article_id=article,
        sentence=Evidence(article, start, start + 10, "a sentence"),
        trigger=Evidence(article, start, start + 6, "strike"),
        type=ASSAULT,
        actor=ActorRef(ev(article, "Israeli"), actor, "Israel Defense Forces", ActorKind.STATE_FORCES, "IL")
        if actor
        else None,
        recipient=ActorRef(ev(article, recipient_text)) if recipient_text else None,
        places=places if place is not None else (),
        time=when,
        modality=modality,
        magnitudes=mags,
        confidence=0.8,
    )


def articles(*specs: tuple[str, str]) -> dict[str, Article]:
    return {a: Article(id=a, text=f"article {a} text about a strike", outlet=o) for a, o in specs}


THU = date(2026, 5, 7)


def test_same_town_same_day_same_actor_joins_with_reasons() -> None:
    agreement = compare(mention("a", NABATIEH, day(THU)), mention("b", NABATIEH, day(THU)))
    assert agreement.joins and not agreement.excluded
    assert "same day 2026-05-07" in agreement.reasons and "same place Nabatieh" in agreement.reasons


def test_towns_in_different_countries_never_join_even_when_close() -> None:
    agreement = compare(mention("a", METULA, day(THU)), mention("b", NABATIEH, day(THU)))
    assert not agreement.joins and agreement.excluded


def test_distant_towns_and_other_days_stay_apart() -> None:
    assert compare(mention("a", TYRE, day(THU)), mention("b", NABATIEH, day(THU))).excluded
    assert compare(mention("a", NABATIEH, day(THU)), mention("b", NABATIEH, day(date(2026, 5, 1)))).excluded


def test_reports_a_day_apart_still_overlap_but_two_days_do_not() -> None:
    next_day = compare(mention("a", NABATIEH, day(THU)), mention("b", NABATIEH, day(THU + timedelta(days=1))))
    assert next_day.joins and "date ranges overlap" in next_day.reasons
    two_days = compare(mention("a", NABATIEH, day(THU)), mention("b", NABATIEH, day(THU + timedelta(days=2))))
    assert two_days.excluded and "dates do not overlap" in two_days.reasons


def test_historical_background_never_joins_news() -> None:
    old = mention("b", NABATIEH, day(date(2006, 7, 20), historical=True))
    assert compare(mention("a", NABATIEH, day(THU)), old).excluded


def test_a_country_level_report_joins_a_town_inside_it_but_a_shared_country_alone_is_weak() -> None:
    town = mention("a", NABATIEH, day(THU))
    country = mention("b", LEBANON, day(THU), level=PlaceLevel.COUNTRY)
    assert compare(town, country).joins  # 1 type + 1 day + 0.5 inside + 0.5 same actor
    a = mention(
        "a", LEBANON, TimeRef(date(2026, 5, 1), THU, TimePrecision.WEEK), level=PlaceLevel.COUNTRY, actor=None
    )
    b = mention(
        "b", LEBANON, TimeRef(date(2026, 5, 2), THU, TimePrecision.WEEK), level=PlaceLevel.COUNTRY, actor=None
    )
    assert not compare(a, b).joins


def test_an_undated_report_joins_only_through_a_shared_distinctive_name() -> None:
    undated = TimeRef(date(2026, 5, 1), THU, TimePrecision.WEEK, resolved=False)
    plain = mention("b", NABATIEH, undated, actor=None)
    named = mention("c", None, undated, actor=None, recipient_text="the Jesuit priests")
    dated = mention("a", NABATIEH, day(date(2026, 4, 2)), actor=None, recipient_text="six Jesuits")
    assert not compare(dated, plain).joins  # same town, but no date on one side: not enough
    assert compare(dated, named).joins  # "Jesuit" ties them
    assert "both name jesuit" in compare(dated, named).reasons


def test_an_undated_report_reaches_back_only_so_many_weeks_before_publication() -> None:
    undated = TimeRef(date(2026, 5, 1), THU, TimePrecision.WEEK, resolved=False)
    named = mention("c", None, undated, actor=None, recipient_text="the Jesuit priests")
    assert UNDATED_WEEKS is not None
    limit = THU - timedelta(weeks=UNDATED_WEEKS)
    within = limit + timedelta(days=1)
    # the reported day may be off by the one day of slack any two reports' days are allowed (session 11)
    slack = limit - timedelta(days=SLACK_DAYS)
    before = limit - timedelta(days=SLACK_DAYS + 1)
    assert compare(mention("a", None, day(within), actor=None, recipient_text="six Jesuits"), named).joins
    assert compare(mention("a", None, day(slack), actor=None, recipient_text="six Jesuits"), named).joins
    too_old = compare(mention("b", None, day(before), actor=None, recipient_text="six Jesuits"), named)
    assert too_old.excluded and "dates do not overlap" in too_old.reasons


def test_tolls_low_best_high_each_traceable_and_claim_status() -> None:
    ms = [
        mention("a", NABATIEH, day(THU), killed=3),
        mention("b", NABATIEH, day(THU), killed=5),
        mention("c", NABATIEH, day(THU), killed=4),
    ]
    arts = articles(("a", "Cedar Post"), ("b", "Gulf Daily"), ("c", "Wire One"))
    (cluster,) = cluster_mentions(ms, arts)
    event = build_event(cluster, arts)
    assert (event.fatalities_low, event.fatalities_best, event.fatalities_high) == (3, 4, 5)
    assert {r.outlet: r.killed.low for r in event.reports if r.killed} == {
        "Cedar Post": 3,
        "Gulf Daily": 5,
        "Wire One": 4,
    }
    assert event.claim_status is ClaimStatus.CORROBORATED and event.n_independent == 3


def test_a_denial_makes_the_event_disputed() -> None:
    ms = [mention("a", NABATIEH, day(THU)), mention("b", NABATIEH, day(THU), modality=Modality.DENIED)]
    arts = articles(("a", "Cedar Post"), ("b", "Gulf Daily"))
    (cluster,) = cluster_mentions(ms, arts)
    assert build_event(cluster, arts).claim_status is ClaimStatus.DISPUTED


def test_copies_of_one_text_count_as_one_source() -> None:
    text = "An Israeli airstrike on a house in Nabatieh killed three people on Thursday, the ministry said."
    arts = {
        "a": Article(id="a", text=text, outlet="Cedar Post"),
        "b": Article(id="b", text=text + " Copyright Aggregator.", outlet="Aggregator"),
    }
    ms = [mention("a", NABATIEH, day(THU)), mention("b", NABATIEH, day(THU))]
    (cluster,) = cluster_mentions(ms, arts)
    event = build_event(cluster, arts)
    assert (event.n_outlets, event.n_independent) == (2, 1)
    assert event.claim_status is ClaimStatus.SINGLE_SOURCE


def test_clusters_do_not_depend_on_input_order() -> None:
    ms = [
        mention("a", NABATIEH, day(THU), killed=3),
        mention("b", NABATIEH, day(THU), killed=5),
        mention("c", TYRE, day(THU)),
        mention("d", TYRE, day(THU)),
    ]
    arts = articles(("a", "A"), ("b", "B"), ("c", "C"), ("d", "D"))
    first = sorted(build_event(c, arts).id for c in cluster_mentions(ms, arts))
    second = sorted(build_event(c, arts).id for c in cluster_mentions(list(reversed(ms)), arts))
    assert first == second and len(first) == 2


def test_counts_and_fighters_are_not_names() -> None:
    """'its fighters' and 'four people' tie nothing: found in the demo, where a strike in Lebanon and an
    attack near Palmyra on the same day were joined by 'four' and a rocket attack by 'fighter'."""
    from eventscope.merge.words import content_words

    def ref(text: str) -> ActorRef:
        return ActorRef(Evidence("a", 0, len(text), text))

    assert content_words(ref("its fighters")) == set()
    assert content_words(ref("at least four people")) == set()
    assert content_words(ref("three people")) == set()  # every count, "three" too
    assert content_words(ref("more than twenty insurgents")) == set()
    # two adjacent words are also a term of their own (a full name: "Bernardo Jaramillo")
    assert content_words(ref("Jesuit priests")) == {"jesuit", "priest", "jesuit priest"}


def test_a_large_city_and_day_alone_do_not_make_one_happening() -> None:
    """A city of millions sees several bombings a day (the November 1989 offensive chained dozens of
    attacks in San Salvador through the same city and day): it takes the same victim or target too."""
    plain = compare(mention("a", BAGHDAD, day(THU), actor=None), mention("b", BAGHDAD, day(THU), actor=None))
    assert not plain.joins and not plain.excluded
    assert "a large city: the place alone does not tie them" in plain.reasons
    near = compare(mention("a", BAGHDAD, day(THU), actor=None), mention("b", KADHIMIYA, day(THU), actor=None))
    assert not near.joins
    named = compare(
        mention("a", BAGHDAD, day(THU), actor=None, recipient_text="the Jesuit priests"),
        mention("b", BAGHDAD, day(THU), actor=None, recipient_text="six Jesuits"),
    )
    assert named.joins  # the same victims
    # a town of 40,000 on the same day is enough (test_same_town_same_day_same_actor_joins_with_reasons)
    assert compare(
        mention("a", NABATIEH, day(THU), actor=None), mention("b", NABATIEH, day(THU), actor=None)
    ).joins


def test_one_article_naming_a_large_city_twice_for_one_day_reports_one_happening() -> None:
    """ "A car bomb exploded in Baghdad on Thursday ... The Baghdad blast killed seven": the lede and its
    details, not two bombings; the large-city rule is for reports of different articles."""
    from eventscope.merge.cluster import within_article

    lede = mention("a", BAGHDAD, day(THU), actor=None)
    details = mention("a", BAGHDAD, day(THU), actor=None, start=200)
    assert len(within_article([lede, details])) == 1


def test_a_reports_destination_does_not_move_the_event_there() -> None:
    # "wounded ... taken to hospitals in Tyre": Tyre is where the wounded went, not where the strike hit
    from dataclasses import replace

    from eventscope.merge.cluster import Cluster

    hospital = replace(
        mention("a", TYRE, day(THU)),
        places=(PlaceRef(ev("a", "Tyre"), PlaceRole.DESTINATION, TYRE, PlaceLevel.TOWN),),
    )
    site = mention("b", NABATIEH, day(THU), start=20)
    arts = articles(("a", "Cedar Post"), ("b", "Gulf Daily"))
    assert build_event(Cluster(mentions=[hospital, site]), arts).place == NABATIEH
    # a destination is still the place when no report gives a site
    assert build_event(Cluster(mentions=[hospital]), arts).place == TYRE
    # a movement's destination is where it went, before any site
    moved = replace(site, type=EventType("MOBILIZE", None, "Strategic developments", "Other", "15"))
    moved = replace(
        moved, places=(*moved.places, PlaceRef(ev("b", "Tyre"), PlaceRole.DESTINATION, TYRE, PlaceLevel.TOWN))
    )
    assert build_event(Cluster(mentions=[moved]), arts).place == TYRE


def test_a_retelling_that_fits_two_happenings_equally_joins_the_more_reported_one() -> None:
    # Two strikes on the same family name, in towns too far apart to be one happening: three outlets
    # report the Nabatieh one, one outlet the Tyre one. An undated retelling naming the family fits
    # both equally well; it belongs with the happening more articles tell of, in every input order.
    undated = TimeRef(date(2026, 5, 10), date(2026, 5, 16), TimePrecision.WEEK, resolved=False)
    told = [mention(a, NABATIEH, day(THU), actor=None, recipient_text="the Haddad family") for a in "abc"]
    # the one-outlet happening is met first (a day earlier), so it is not merely the first candidate
    other = mention("d", TYRE, day(THU - timedelta(days=1)), actor=None, recipient_text="the Haddad family")
    retelling = mention("r", None, undated, actor=None, recipient_text="the Haddad family")
    arts = articles(("a", "A"), ("b", "B"), ("c", "C"), ("d", "D"), ("r", "R"))
    assert compare(told[0], retelling).score == compare(other, retelling).score
    for ms in ([*told, other, retelling], [retelling, other, *told], [other, retelling, *reversed(told)]):
        homes = {
            c.mentions[0].article_id: {m.article_id for m in c.mentions} for c in cluster_mentions(ms, arts)
        }
        assert {"a", "b", "c", "r"} in homes.values() and {"d"} in homes.values()


def _named(
    article: str, when: TimeRef, *, recipient_text: str | None = None, actor_text: str | None = None
) -> Mention:
    """A placeless report whose participants are named in their own text (no canonical ids)."""
    m = mention(article, None, when, actor=None, recipient_text=recipient_text)
    if actor_text is not None:
        m = replace(m, actor=ActorRef(ev(article, actor_text)))
    return m


def test_reports_naming_the_same_target_agree_on_it_as_canonical_targets_would() -> None:
    # "Pizarro" is a story word, but not a perfect one (a long-running story): 0.9
    words = StoryWords({"pizarro": 0.9, "bodyguard": 0.9}, SENTENCE_SHARE)
    undated = TimeRef(date(2026, 4, 21), THU, TimePrecision.WEEK, resolved=False)
    retelling = profile([_named("a", undated, recipient_text="the murder of Pizarro")], words)
    report = profile([_named("b", day(THU - timedelta(days=1)), recipient_text="Pizarro")], words)
    agreement = compare_profiles(retelling, report)
    # 1 type + 0 (no date on one side) + 0 (no place) + 0.9 name + 0.5 the same named target
    assert agreement.joins and agreement.score == 2.4
    assert "same named target pizarro" in agreement.reasons
    # the name given to the perpetrator in one report and the victim in the other is no agreement
    other_side = profile([_named("c", day(THU - timedelta(days=1)), actor_text="Pizarro")], words)
    apart = compare_profiles(retelling, other_side)
    assert not apart.joins and apart.score == 1.9
    assert not any(r.startswith("same named target") for r in apart.reasons)


def test_a_named_target_below_the_anchor_weight_adds_nothing() -> None:
    words = StoryWords({"bodyguard": 0.4}, SENTENCE_SHARE)  # a weak name: NAME_ANCHOR is 0.5
    a = profile([_named("a", day(THU), recipient_text="a bodyguard")], words)
    b = profile([_named("b", day(THU), recipient_text="the bodyguard")], words)
    agreement = compare_profiles(a, b)
    assert not any(r.startswith("same named target") for r in agreement.reasons)
    assert agreement.score == 2.4  # 1 type + 1 day + 0.4 name


def test_a_place_no_event_word_governs_supports_a_pair_but_never_rules_it_out() -> None:
    # "U.S. officials in the United States affirmed that the army struck ...": the place is the tellers'
    words = StoryWords({"pizarro": 0.9}, SENTENCE_SHARE)
    undated = TimeRef(date(2026, 4, 21), THU, TimePrecision.WEEK, resolved=False)
    tellers = _named("a", undated, recipient_text="Pizarro")
    tellers = replace(
        tellers, places=(PlaceRef(ev("a", "Metula"), PlaceRole.SITE, METULA, PlaceLevel.TOWN, tied=False),)
    )
    report = replace(
        mention("b", NABATIEH, day(THU - timedelta(days=1)), actor=None),
        recipient=ActorRef(ev("b", "Pizarro")),
    )
    report_p = profile([report], words)
    agreement = compare_profiles(profile([tellers], words), report_p)
    assert agreement.joins and not agreement.excluded
    assert (
        "Metula and Nabatieh are in different countries, but one is only a place of its sentence"
        in agreement.reasons
    )
    # the same place tied to the act rules the pair out
    tied = replace(tellers, places=(replace(tellers.places[0], tied=True),))
    assert compare_profiles(profile([tied], words), report_p).excluded
    # a report's place is not one that only shares a sentence and a place tied to an act rules out,
    # though it is finer; the event's place neither
    lede = replace(
        tied,
        id="m-a-40",
        trigger=Evidence("a", 40, 46, "strike"),
        places=(PlaceRef(ev("a", "Lebanon"), PlaceRole.SITE, LEBANON, PlaceLevel.COUNTRY),),
    )
    assert profile([tellers, lede], words).place == lede.places[0]
    arts = articles(("a", "Outlet A"))
    (one,) = cluster_mentions([tellers, lede], arts)
    assert build_event(one, arts).place == LEBANON
    # an untied town inside the tied country still refines it ("police in Nabatieh said" / "in Lebanon")
    inside = replace(
        tellers, places=(replace(tellers.places[0], place=NABATIEH, evidence=ev("a", "Nabatieh")),)
    )
    assert profile([inside, lede], words).place == inside.places[0]
    (one,) = cluster_mentions([inside, lede], arts)
    assert build_event(one, arts).place == NABATIEH
