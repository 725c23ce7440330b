"""MUC-4 recall rules (issue #4): incidents the relevance rules had left out although the task counts
them. A dateline city abroad is where a report was filed, not where its incident happened; a country's
name used as a neighbourhood's, or a piece of a longer place name, does not move an incident abroad; a
device doing damage is a bombing; a day named without its year just after the dateline is that year's;
"had been bombing" and "charged with killing" tell of deeds done; an attack's hour makes it one
incident; the armed group that tells of a state's act is not its target. And two rules the other way:
violence named as what is to be stopped, or summed up over months or years, is not a reported
incident. On invented, hand-made mentions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscope.evaluate.muc4 import predict
from eventscope.evaluate.muc4_context import is_span_tally, is_to_be_stopped
from eventscope.evaluate.muc4_exclusions import is_ongoing, is_unspecific
from eventscope.evaluate.muc4_military import is_counterinsurgency
from eventscope.evaluate.muc4_places import scope_places
from eventscope.evaluate.muc4_relevance import in_dateline_year, is_old, is_terrorist_incident, muc_type
from eventscope.models import (
    ActorKind,
    ActorRef,
    EventType,
    Evidence,
    Mention,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    TimePrecision,
    TimeRef,
)

DAY = date(1990, 3, 6)
PERU = Place("c:PE", "Peru", -9.0, -75.0, "A", "PCLI", "PE")
CUSCO = Place("g:1", "Cusco", -13.5, -71.97, "P", "PPLA", "PE", population=300_000)
ROME = Place("g:2", "Rome", 41.9, 12.5, "P", "PPLC", "IT", population=2_800_000)
ITALY = Place("c:IT", "Italy", 42.8, 12.8, "A", "PCLI", "IT")
TERESA_US = Place("g:3", "Teresa", 30.0, -90.0, "P", "PPL", "US", population=2_000)


def _ev(text: str, start: int = 0) -> Evidence:
    return Evidence("a", start, start + len(text), text)


def _mention(
    sentence: str,
    trigger: str,
    plover: str = "ASSAULT",
    mode: str | None = None,
    *,
    actor: str | None = None,
    actor_kind: ActorKind | None = None,
    recipient: str | None = None,
    start: int = 0,
) -> Mention:
    """A mention of ``trigger`` (its first occurrence) in ``sentence``, the sentence at ``start``."""

    def ref(text: str | None, kind: ActorKind | None = None) -> ActorRef | None:
        if text is None:
            return None
        at = sentence.index(text)
        return ActorRef(_ev(text, start + at), kind=kind)

    at = sentence.index(trigger)
    return Mention(
        f"m{start}-{trigger}-{at}",
        "a",
        _ev(sentence, start),
        _ev(trigger, start + at),
        EventType(plover, mode, "", "", ""),
        actor=ref(actor, actor_kind),
        recipient=ref(recipient),
    )


def _with_places(m: Mention, *places: tuple[str, int, Place]) -> Mention:
    """``m`` with places named at absolute offsets (an offset outside its sentence: lent from elsewhere)."""
    refs = tuple(PlaceRef(_ev(text, at), PlaceRole.SITE, p, PlaceLevel.TOWN) for text, at, p in places)
    return replace(m, places=refs)


def _dated(m: Mention, when: date, text: str) -> Mention:
    return replace(m, time=TimeRef(when, when, TimePrecision.DAY, evidence=_ev(text)))


# --- where: a dateline abroad, a country's name as a street's, a piece of a longer name -----------------

BOMBED = "TERRORISTS BOMBED A BUS CARRYING FISHERMEN IN THE PORT."


def test_a_place_lent_from_the_dateline_must_outweigh_the_tasks_country() -> None:
    # filed from Rome (the place the pipeline lent the incident, at the text's start), about Peru
    main = _with_places(_mention(BOMBED, "BOMBED", start=40), ("ROME", 0, ROME))
    assert scope_places(main, {"PE": 4, "IT": 3}, home=4) == []
    # a message that is about Italy more than about any country of the task keeps it abroad
    assert scope_places(main, {"PE": 2, "IT": 5}, home=2) == [ROME]
    # named in the incident's own sentence, half the support is enough, as before
    stated = _with_places(
        _mention("TERRORISTS BOMBED A BUS IN ROME.", "BOMBED", start=40), ("ROME", 40 + 27, ROME)
    )
    assert scope_places(stated, {"PE": 4, "IT": 3}, home=4) == [ROME]


def test_predict_keeps_an_incident_filed_from_abroad() -> None:
    main = _with_places(_mention(BOMBED, "BOMBED", start=40), ("ROME", 0, ROME))
    found = predict([main], DAY, ROME, countries={"PE": 4})  # Rome's 2 dateline votes + 1 place: IT 3
    assert found.incident_type == "ATTACK"
    assert predict([main], DAY, ROME, countries={"PE": 1, "IT": 3}).incident_type is None


def test_a_countrys_name_before_neighborhood_is_a_local_name() -> None:
    sentence = "A BUSINESSMAN WAS SHOT AT HIS HOME IN THE ITALY NEIGHBORHOOD OF CUSCO."
    main = _with_places(
        _mention(sentence, "SHOT", "ASSAULT", "firearms"),
        ("ITALY", sentence.index("ITALY"), ITALY),
        ("CUSCO", sentence.index("CUSCO"), CUSCO),
    )
    assert scope_places(main, {"PE": 3, "IT": 2}, home=3) == [CUSCO]  # Cusco alone: in the task's country
    # the country itself, named as such, still counts
    abroad = "A BUSINESSMAN WAS SHOT AT HIS HOME IN ITALY."
    away = _with_places(
        _mention(abroad, "SHOT", "ASSAULT", "firearms"), ("ITALY", abroad.index("ITALY"), ITALY)
    )
    assert scope_places(away, {"PE": 3, "IT": 2}, home=3) == [ITALY]


def test_a_toponym_right_after_another_is_a_piece_of_a_longer_name() -> None:
    sentence = "THE MURDER OF THE PEASANTS OF SANTA\nTERESA SHOCKED THE REGION."
    santa = PlaceRef(_ev("SANTA", sentence.index("SANTA")), PlaceRole.SITE, None, PlaceLevel.UNRESOLVED)
    teresa = PlaceRef(_ev("TERESA", sentence.index("TERESA")), PlaceRole.SITE, TERESA_US, PlaceLevel.TOWN)
    main = replace(_mention(sentence, "MURDER"), places=(santa, teresa))
    assert scope_places(main, {"PE": 3, "US": 2}, home=3) == []
    apart = replace(main, places=(teresa,))
    assert scope_places(apart, {"PE": 3, "US": 2}, home=3) == [TERESA_US]


# --- what: a device as the doer ------------------------------------------------------------------------


def test_damage_done_by_a_device_is_a_bombing() -> None:
    sentence = "A KIOSK IN THE MARKET WAS DESTROYED BY A BOMB."
    riot = _mention(sentence, "DESTROYED", "PROTEST", "riot", actor="A BOMB")
    assert muc_type(riot) == "BOMBING"
    # people named by a device are people; a crowd's riot is no MUC type
    squad = _mention(
        "THE BOMB SQUAD DESTROYED THE KIOSK.", "DESTROYED", "PROTEST", "riot", actor="THE BOMB SQUAD"
    )
    assert muc_type(squad) is None
    crowd = _mention("RIOTERS DESTROYED A KIOSK.", "DESTROYED", "PROTEST", "riot", actor="RIOTERS")
    assert muc_type(crowd) is None


# --- when: a day without its year just after the dateline ----------------------------------------------


def test_a_day_without_its_year_just_after_the_dateline_is_this_years() -> None:
    m = _mention("ON 8 MARCH THEY BURNED TWO BUSES.", "BURNED", "ASSAULT", "destroy", recipient="TWO BUSES")
    rolled = _dated(m, date(1989, 3, 8), "ON 8 MARCH")  # the resolver took it for last year's
    assert in_dateline_year(rolled.time, DAY).start == date(1990, 3, 8)  # type: ignore[union-attr]
    assert not is_old(rolled.time, DAY)  # type: ignore[arg-type]
    assert is_terrorist_incident(rolled, DAY)
    # a day a month after the dateline is last year's, and old; a year in the text stands
    month_on = _dated(m, date(1989, 4, 8), "ON 8 APRIL")
    assert is_old(month_on.time, DAY)  # type: ignore[arg-type]
    stated = _dated(m, date(1989, 3, 8), "ON 8 MARCH 1989")
    assert is_old(stated.time, DAY)  # type: ignore[arg-type]
    assert in_dateline_year(stated.time, DAY) == stated.time  # type: ignore[arg-type]


# --- reported as done: "had been bombing", "charged with killing", an hour ------------------------------


def test_had_been_bombing_is_done_not_going_on() -> None:
    done = _mention("THEY SHOT DOWN A PLANE THAT HAD BEEN BOMBING THE VILLAGE.", "BOMBING", mode="explosives")
    assert not is_ongoing(done)
    going_on = _mention("THE PLANES ARE BOMBING THE VILLAGE.", "BOMBING", mode="explosives")
    assert is_ongoing(going_on)


def test_charged_with_killing_names_a_deed_done() -> None:
    charged = _mention("FOUR MEN WERE CHARGED WITH KILLING THE MAYOR.", "KILLING", recipient="THE MAYOR")
    assert not is_ongoing(charged)
    # "blamed for killing civilians" may name a habit
    blamed = _mention("GANGS BLAMED FOR KILLING CIVILIANS ROAM THE AREA.", "KILLING", recipient="CIVILIANS")
    assert is_ongoing(blamed)


def test_an_attacks_hour_makes_it_one_incident() -> None:
    timed = _mention("POLICE SAID THE TERRORIST ATTACK TOOK PLACE AT 0540.", "ATTACK")
    assert not is_unspecific(timed)
    vague = _mention("POLICE SAID THE TERRORIST ATTACK WAS A WARNING.", "ATTACK")
    assert is_unspecific(vague)
    # a number that is no hour
    assert is_unspecific(_mention("THE ATTACK CAME AT 2 KILOMETERS FROM THE TOWN.", "ATTACK"))


# --- military versus military: who is the target -------------------------------------------------------


def test_rebels_who_blame_the_army_are_not_its_target() -> None:
    sentence = "THE REBELS ACCUSED THE ARMY OF THE MURDER OF 8 UNIONISTS IN A BOMB ATTACK."
    told = _mention(
        sentence, "MURDER", actor="THE ARMY", actor_kind=ActorKind.STATE_FORCES, recipient="8 UNIONISTS"
    )
    assert not is_counterinsurgency(told)
    sentence = "THE ARMY ATTACKED THE HILLS WHERE THE REBELS HAD DUG IN."
    operation = _mention(sentence, "ATTACKED", actor="THE ARMY", actor_kind=ActorKind.STATE_FORCES)
    assert is_counterinsurgency(operation)


# --- not an incident: violence to be stopped -----------------------------------------------------------


def test_violence_to_be_stopped_is_not_reported() -> None:
    halt = _mention("THE GOVERNMENT FAILED TO HALT THE MURDER OF ACTIVISTS.", "MURDER", recipient="ACTIVISTS")
    assert is_to_be_stopped(halt)
    assert not is_terrorist_incident(halt, DAY)
    end = _mention("THE BISHOP ASKED FOR AN END TO THE BOMBINGS OF VILLAGES.", "BOMBINGS", mode="explosives")
    assert is_to_be_stopped(end)
    # "ended the attack" tells of an attack that happened; a date of its own is a report
    ended = _mention("THE GUERRILLAS ENDED THE ATTACK ON THE TOWN AT DAWN.", "ATTACK")
    assert not is_to_be_stopped(ended)
    dated = _dated(halt, DAY, "TODAY")
    assert not is_to_be_stopped(dated)


def test_violence_summed_up_over_months_is_a_tally() -> None:
    span = _mention(
        "IN ONLY 4 MONTHS, 30 PEOPLE WERE KILLED IN MASSACRES.", "MASSACRES", recipient="30 PEOPLE"
    )
    assert is_span_tally(span)
    assert not is_terrorist_incident(span, DAY)
    over = _mention("OVER THE PAST TWO YEARS GUNMEN HAVE KILLED 12 MAYORS.", "KILLED", recipient="12 MAYORS")
    assert is_span_tally(over)
    # one incident counted among others of the span; weeks are no summary; a date of its own is a report
    counted = _mention("THIS IS THE THIRD ATTACK ON THE BANK IN 2 MONTHS.", "ATTACK", recipient="THE BANK")
    assert not is_span_tally(counted)
    weeks = _mention("IN 2 WEEKS THE MAYOR WAS SHOT.", "SHOT", mode="firearms", recipient="THE MAYOR")
    assert not is_span_tally(weeks)
    assert not is_span_tally(_dated(span, DAY, "TODAY"))
