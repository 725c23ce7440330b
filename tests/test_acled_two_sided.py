"""ACLED note coding, second round: when violence met an armed side (Battles, not Violence against
civilians), the date a note states when its reports carry none, a conflict named as a whole is the
setting and not the event, and mob justice against suspected offenders. Hand-written notes (none taken
from ACLED rows)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from eventscope.evaluate.acled import main_mention, names_a_place, predict, stated_date
from eventscope.models import ActorKind, ActorRef, Article, EventType, Evidence, Mention, Modality
from eventscope.resolve.acled_coding import ARMED_RESISTANCE, armed_party_harmed, communal

HARMED = [
    "Two police reservists were shot dead after the militia attacked the church.",
    "Soldiers attacked the hideout, killing ten fighters.",
    "During the raid, two of the suspected bandits were killed.",
    "Four police officers are feared dead following the attack.",
]
NOT_HARMED = [
    # the armed people are the perpetrators, not the harmed
    "Unknown gunmen killed a civilian in the village.",
    "A boy was killed by attackers who drove away with camels.",
    # off duty, or herders named as victims: not an armed side
    "An off-duty police officer was shot dead at his home.",
    "Three herders were killed when bandits fired upon them.",
]


@pytest.mark.parametrize("text", HARMED)
def test_armed_people_harmed_are_found(text: str) -> None:
    assert armed_party_harmed(text)


@pytest.mark.parametrize("text", NOT_HARMED)
def test_perpetrators_and_unarmed_victims_are_not_an_armed_side(text: str) -> None:
    assert not armed_party_harmed(text)


def test_armed_resistance_words() -> None:
    assert ARMED_RESISTANCE.search("The militia raided villages but were repulsed by the police.")
    assert ARMED_RESISTANCE.search("Security forces pushed back the attackers.")
    assert not ARMED_RESISTANCE.search("The attackers drove away with fifty camels.")


def test_stated_date_reads_the_first_full_date() -> None:
    found = stated_date("On Jun 17th 2019, parents blocked the school gate. The following week they met.")
    assert found is not None
    assert found.start == found.end == date(2019, 6, 17)
    assert stated_date("Last week residents blocked the road.") is None


def _ev(text: str, start: int = 0) -> Evidence:
    return Evidence("a", start, start + len(text), text)


def _mention(trigger: str, plover: str, acled: tuple[str, str], start: int) -> Mention:
    return Mention(
        id=trigger,
        article_id="a",
        sentence=_ev("x" * 60),
        trigger=_ev(trigger, start),
        type=EventType(plover, None, acled[0], acled[1], "19"),
        actor=ActorRef(_ev("raiders"), kind=ActorKind.IDENTITY_MILITIA),
        modality=Modality.ASSERTED,
    )


def test_a_conflict_named_as_a_whole_is_not_the_main_event() -> None:
    setting = _mention("violence", "FIGHT", ("Battles", "Armed clash"), 2)
    killing = _mention("killed", "ASSAULT", ("Violence against civilians", "Attack"), 30)
    assert main_mention([setting, killing]) is killing


def _code(pipeline, text: str):  # type: ignore[no-untyped-def]
    article = Article(id="n", text=text, published_at=datetime(2020, 1, 10, tzinfo=UTC), source="test")
    mentions = next(iter(pipeline.extract([article])))
    return predict(mentions, text)


NOTES = [
    # (note, ACLED event type, sub-event type)
    (
        "Militants attacked a police camp near the border. Two police officers were shot dead.",
        "Battles",
        "Armed clash",
    ),
    ("Raiders attacked several villages but were repulsed by the police.", "Battles", "Armed clash"),
    (
        "Gunmen attacked a bus on the highway, killing three passengers.",
        "Violence against civilians",
        "Attack",
    ),
    # the target is named as civilians: an attack, whatever fighting the note also reports
    (
        "Raiders killed two civilians in a revenge attack. Clashes between the two communities continued.",
        "Violence against civilians",
        "Attack",
    ),
    # mob justice against suspected offenders, named after the crime
    (
        "A vigilante group attacked and burned four robbery suspects in the village.",
        "Riots",
        "Mob violence",
    ),
    ("A teacher was beaten when a mob tried to stop the meeting.", "Riots", "Mob violence"),
    # crowds fighting crowds: rioters, not armed groups
    ("Students from two rival schools clashed after a football match.", "Riots", "Mob violence"),
    # a civilian killed in a shootout between armed men: the clash is the event
    ("A woman was killed in a shootout between bandits and police reservists.", "Battles", "Armed clash"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "event_type", "sub_type"), NOTES, ids=[n[2] for n in NOTES])
def test_note_is_coded_as_acled_codes_it(pipeline, text: str, event_type: str, sub_type: str) -> None:  # type: ignore[no-untyped-def]
    p = _code(pipeline, text)
    assert (p.event_type, p.sub_event_type) == (event_type, sub_type), p


@pytest.mark.model
def test_the_stated_date_dates_reports_without_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    p = _code(
        pipeline,
        "Around Sept 1st 2019 (date not reported) militants entered the border town. "
        "The militants burnt the police station.",
    )
    assert p.start == p.end == date(2019, 9, 1), p


@pytest.mark.model
def test_a_duration_does_not_date_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    p = _code(
        pipeline,
        "On Oct 23rd 2019, in the town, meat sellers protested the closure (since July) of the public "
        "slaughterhouse.",
    )
    assert p.start == p.end == date(2019, 10, 23), p


def test_armed_men_named_by_their_community_are_an_identity_militia() -> None:
    text = "Armed fighters from the Pokot tribe attacked a village. Gunmen in Turkana shot a trader."
    fighters = ActorRef(_ev("Armed fighters"), kind=ActorKind.POLITICAL_MILITIA)
    gunmen = ActorRef(Evidence("a", 56, 62, "Gunmen"), kind=ActorKind.POLITICAL_MILITIA)
    assert communal(fighters, text)
    assert not communal(gunmen, text)  # "in Turkana" is where, not who
    assert communal(ActorRef(_ev("Auliyan militia"), kind=ActorKind.POLITICAL_MILITIA))


def test_a_country_read_as_the_actor_is_where_they_came_from() -> None:
    m = _mention("raids", "ASSAULT", ("Violence against civilians", "Attack"), 20)
    text = "Raiders from Ethiopia raided a village."
    from_ethiopia = ActorRef(_ev("Ethiopia", text.index("Ethiopia")), kind=ActorKind.STATE_FORCES)
    assert names_a_place(from_ethiopia, m, text)
    assert not names_a_place(ActorRef(_ev("Ethiopian soldiers"), kind=ActorKind.STATE_FORCES), m, text)
    # a country acting itself is its state ("Ethiopia raided ..."), not where someone came from
    assert not names_a_place(
        ActorRef(_ev("Ethiopia"), kind=ActorKind.STATE_FORCES), m, "Ethiopia raided a village."
    )
