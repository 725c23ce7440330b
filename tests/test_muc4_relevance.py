"""MUC-4 relevance rules read from a mention's sentence (one incident, reported as done), the task's
nine countries, the bombing type from an explosive named in the sentence, and the state-forces
perpetrator fall-back; on hand-made mentions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscope.evaluate.muc4 import MUC_COUNTRIES, perpetrator, predict
from eventscope.evaluate.muc4_relevance import incidents, is_terrorist_incident, muc_type
from eventscope.models import (
    ActorKind,
    ActorRef,
    EventType,
    Evidence,
    Mention,
    Modality,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    TimePrecision,
    TimeRef,
)

DAY = date(1989, 11, 20)
SAN_SALVADOR = Place("g:1", "San Salvador", 13.69, -89.19, "P", "PPLC", "SV", population=500_000)
PANAMA_CITY = Place("g:6", "Panama City", 8.99, -79.52, "P", "PPLC", "PA", population=400_000)
ESCALON_US = Place("g:7", "Escalon", 37.8, -121.0, "P", "PPL", "US", population=7_000)


def _mention(
    sentence: str,
    trigger: str,
    mode: str | None = None,
    *,
    plover: str = "ASSAULT",
    start: int = 0,
    actor: ActorRef | None = None,
    recipient: str | None = None,
    places: tuple[Place, ...] = (),
) -> Mention:
    """A mention of ``trigger`` (its first occurrence) in ``sentence``, the sentence at ``start``."""
    at = sentence.index(trigger)
    rec = None
    if recipient is not None:
        r = sentence.index(recipient)
        rec = ActorRef(Evidence("a", start + r, start + r + len(recipient), recipient))
    refs = tuple(
        PlaceRef(Evidence("a", start, start + 5, p.name.upper()), PlaceRole.SITE, p, PlaceLevel.TOWN)
        for p in places
    )
    return Mention(
        f"m{start}-{trigger}",
        "a",
        Evidence("a", start, start + len(sentence), sentence),
        Evidence("a", start + at, start + at + len(trigger), trigger),
        EventType(plover, mode, "", "", ""),
        actor=actor,
        recipient=rec,
        places=refs,
    )


def _dated(m: Mention, start: date, end: date, text: str = "TODAY") -> Mention:
    return replace(m, time=TimeRef(start, end, TimePrecision.DAY, evidence=Evidence("a", 0, len(text), text)))


def test_a_reported_incident_is_relevant() -> None:
    m = _mention("GUERRILLAS DYNAMITED A BUS IN SAN SALVADOR.", "DYNAMITED", "explosives", recipient="A BUS")
    assert is_terrorist_incident(m, DAY)


def test_accidents_periods_and_seizures_are_not_incidents() -> None:
    crash = _mention("THE CRASH KILLED 120 OF THE 137 PASSENGERS.", "KILLED", recipient="120")
    assert not is_terrorist_incident(crash, DAY)
    # the same deaths with someone doing them are an incident
    rebels = ActorRef(Evidence("a", 0, 6, "REBELS"), kind=ActorKind.REBEL_GROUP)
    assert is_terrorist_incident(replace(crash, actor=rebels), DAY)
    period = _mention("IN THE PAST 3 YEARS, 1,300 PEASANTS HAVE BEEN KILLED.", "KILLED")
    assert not is_terrorist_incident(_dated(period, date(1986, 11, 20), DAY, "IN THE PAST 3 YEARS"), DAY)
    assert is_terrorist_incident(_dated(period, DAY, DAY), DAY)
    seized = _mention(
        "THE WAR MATERIEL CONFISCATED INCLUDED 140 RIFLES.", "CONFISCATED", "confiscate", plover="COERCE"
    )
    assert not is_terrorist_incident(seized, DAY)
    stolen = _mention("ARMED MEN STOLE 140 RIFLES.", "STOLE", "confiscate", plover="COERCE")
    assert is_terrorist_incident(stolen, DAY) and muc_type(stolen) == "ROBBERY"


def test_vague_victims_without_a_date_are_a_summary() -> None:
    vague = _mention("THEY HAVE KILLED MANY PEOPLE.", "KILLED", recipient="MANY PEOPLE")
    assert not is_terrorist_incident(vague, DAY)
    counted = _mention("THEY HAVE KILLED FOUR PEOPLE.", "KILLED", recipient="FOUR PEOPLE")
    assert is_terrorist_incident(counted, DAY)


def test_ongoing_and_unrealised_violence_is_not_a_reported_incident() -> None:
    ongoing = _mention("THE ARMY IS BOMBING CIVILIAN TOWNSHIPS.", "BOMBING", "explosives")
    assert not is_terrorist_incident(ongoing, DAY)
    noun = _mention("THE BOMBING OF THE EMBASSY SHOOK THE CITY.", "BOMBING", "explosives")
    assert is_terrorist_incident(noun, DAY)
    destroy = _mention("NEO-LIBERALISM WANTS TO DESTROY THE STATE.", "DESTROY", "destroy")
    assert not is_terrorist_incident(destroy, DAY)
    order = _mention("THE ORDER TO ASSASSINATE THE PRIESTS CAME FROM ABOVE.", "ASSASSINATE", "firearms")
    assert not is_terrorist_incident(order, DAY)
    attempt = _mention("THE TERRORISTS ATTEMPTED TO KIDNAP THE SECRETARY.", "KIDNAP", "abduct")
    assert is_terrorist_incident(replace(attempt, modality=Modality.ATTEMPTED), DAY)
    habit = _mention("TERRORISTS WHO ATTACK STUDENTS MUST BE PUNISHED.", "ATTACK")
    assert not is_terrorist_incident(habit, DAY)


def test_modifiers_and_campaigns_are_not_incidents() -> None:
    squad = _mention("THE ANNIVERSARY OF THE POLICE BOMB SQUAD WAS CELEBRATED.", "BOMB", "explosives")
    assert not is_terrorist_incident(squad, DAY)
    cases = _mention("JUDGES HANDLING POLITICAL MURDER CASES WILL MOVE.", "MURDER")
    assert not is_terrorist_incident(cases, DAY)
    participle = _mention("RELATIVES OF MURDERED PEOPLE MARCHED.", "MURDERED")
    assert not is_terrorist_incident(participle, DAY)
    offensive = _mention("A NEW OFFENSIVE WAS LAUNCHED.", "LAUNCHED", recipient="A NEW OFFENSIVE")
    assert not is_terrorist_incident(offensive, DAY)
    patrols = _mention("THE FMLN AMBUSHED ARMY PATROLS.", "AMBUSHED", recipient="ARMY PATROLS")
    assert not is_terrorist_incident(patrols, DAY)
    # victims named just before a participle: military versus military
    toll = _mention("THE NUMBER OF GUERRILLAS KILLED BY THE TROOPS HAS RISEN TO 26.", "KILLED")
    assert not is_terrorist_incident(toll, DAY)
    launchers = _mention("THE POLICE SEIZED 29 GRENADE LAUNCHERS.", "GRENADE", "grenade")
    assert not is_terrorist_incident(launchers, DAY)


def test_plural_nouns_count_when_definite_or_counted() -> None:
    generic = _mention("HE WAS IMPLICATED IN MURDERS.", "MURDERS")
    assert not is_terrorist_incident(generic, DAY)
    definite = _mention(
        "REFERRING TO THE RECENT ASSASSINATIONS IN SAN PEDRO SULA, HE SAID.", "ASSASSINATIONS"
    )
    assert is_terrorist_incident(definite, DAY)
    counted = _mention(
        "THE MURDERS OF THREE REPORTERS WERE CONDEMNED.", "MURDERS", recipient="THREE REPORTERS"
    )
    assert is_terrorist_incident(counted, DAY)


def test_damage_done_by_an_explosive_is_a_bombing() -> None:
    m = _mention("LAST NIGHT A BOMB DESTROYED A BRANCH OF THE BANK.", "DESTROYED", "destroy")
    assert muc_type(m) == "BOMBING"
    assert muc_type(_mention("GUERRILLAS DESTROYED A BRIDGE.", "DESTROYED", "destroy")) == "ATTACK"
    assert muc_type(_mention("GUERRILLAS ATTACKED A BRIDGE.", "ATTACKED")) == "ATTACK"


def test_only_incidents_in_the_tasks_countries_are_kept() -> None:
    assert {"SV", "CO", "PE", "GT", "HN", "CL", "BO", "EC", "AR"} == MUC_COUNTRIES
    abroad = _mention("U.S. TROOPS ATTACKED THE BARRACKS IN PANAMA CITY.", "ATTACKED", places=(PANAMA_CITY,))
    home = _mention(
        "A BOMB EXPLODED IN SAN SALVADOR.", "EXPLODED", "explosives", start=100, places=(SAN_SALVADOR,)
    )
    # a message about Panama alone reports no MUC-4 incident
    assert predict([abroad], DAY, PANAMA_CITY, countries={"PA": 3}).incident_type is None
    # the first incident in the task's countries is the main one
    p = predict([abroad, home], DAY, PANAMA_CITY, countries={"PA": 3, "SV": 2})
    assert p.incident_type == "BOMBING" and p.place == SAN_SALVADOR
    # a stray town abroad the message names nowhere else does not move the incident out of scope
    stray = _mention("A BOMB EXPLODED IN ESCALON.", "EXPLODED", "explosives", places=(ESCALON_US,))
    p = predict([stray], DAY, SAN_SALVADOR, countries={"SV": 3})
    assert p.incident_type == "BOMBING" and p.place is not None and p.place.country_code == "SV"
    # without the task's scope every incident counts
    assert predict([abroad], DAY, PANAMA_CITY, countries={"PA": 3}, scope=None).incident_type == "ATTACK"


def test_state_forces_near_the_incident_when_no_group_is_named() -> None:
    army = ActorRef(Evidence("a", 0, 8, "THE ARMY"), kind=ActorKind.STATE_FORCES)
    main = _mention("FIVE PEASANTS WERE KILLED IN THE VILLAGE.", "KILLED")
    nearby = _mention("THE ARMY STRAFED THE VILLAGE.", "STRAFED", start=60, actor=army)
    assert perpetrator(main, [main, nearby]) is army
    # a named armed group still comes first
    fmln = ActorRef(Evidence("a", 0, 4, "FMLN"), canonical_id="fmln", kind=ActorKind.REBEL_GROUP)
    assert perpetrator(main, [main, nearby], [fmln]) is fmln


def test_background_series_and_habits_are_not_incidents() -> None:
    recall = _mention("LET US RECALL THE HORRIBLE EXPLOSION OF THE AIRLINER.", "EXPLOSION", "explosives")
    assert not is_terrorist_incident(recall, DAY)
    ago = _mention("MANY OF THOSE WHO ATTACKED THE TOWN 1 1/2 YEARS AGO DIED.", "ATTACKED")
    assert not is_terrorist_incident(ago, DAY)
    # a date of its own leaves recency to the date
    dated = _mention("AS YOU WILL RECALL, MONTOYA WAS KIDNAPPED ON 20 NOVEMBER.", "KIDNAPPED", "abduct")
    assert is_terrorist_incident(_dated(dated, DAY, DAY, "ON 20 NOVEMBER"), DAY)
    wave = _mention("THE FORCES ARE INVOLVED IN A WAVE OF KIDNAPPING OF STUDENTS.", "KIDNAPPING", "abduct")
    assert not is_terrorist_incident(wave, DAY)
    series = _mention("THE ALERT IS DUE TO A SERIES OF ATTACKS BY TERRORISTS.", "ATTACKS")
    assert not is_terrorist_incident(series, DAY)
    habit = _mention("ON SEVERAL OCCASIONS THEY FACED THE KIDNAPPING OF RANCHERS.", "KIDNAPPING", "abduct")
    assert not is_terrorist_incident(habit, DAY)
    one = _mention("GUERRILLAS KIDNAPPED THREE RANCHERS.", "KIDNAPPED", "abduct", recipient="THREE RANCHERS")
    assert is_terrorist_incident(one, DAY)


def test_figurative_hypothetical_and_asked_violence_is_not_an_incident() -> None:
    time_bomb = _mention("INFLATION CAN BE A TIME BOMB.", "BOMB", "explosives")
    assert not is_terrorist_incident(time_bomb, DAY)
    verbal = _mention(
        "D'AUBUISSON HARSHLY ATTACKED PRESIDENT DUARTE.", "ATTACKED", recipient="PRESIDENT DUARTE"
    )
    assert not is_terrorist_incident(verbal, DAY)
    abstract = _mention("SMUGGLING IS AN ATTACK AGAINST OUR HOMELAND.", "ATTACK", recipient="OUR HOMELAND")
    assert not is_terrorist_incident(abstract, DAY)
    mission = _mention(
        "THE SPY HAD THE MISSION OF ASSASSINATING PRESIDENT AZCONA.", "ASSASSINATING", "firearms"
    )
    assert not is_terrorist_incident(mission, DAY)
    question = _mention("OR WOULD YOU PREFER TO SEE THE COUNTRY EXPLODE?", "EXPLODE", "explosives")
    assert not is_terrorist_incident(question, DAY)
    asked = _mention("WHAT ABOUT THE BOMBS THAT WERE DETONATED YESTERDAY?", "BOMBS", "explosives")
    assert is_terrorist_incident(_dated(asked, DAY, DAY, "YESTERDAY"), DAY)
    physical = _mention("GUERRILLAS ATTACKED PRESIDENT DUARTE'S HOUSE.", "ATTACKED", recipient="HOUSE")
    assert is_terrorist_incident(physical, DAY)


def test_no_victims_prison_riots_weapon_stocks_and_accidents_are_not_incidents() -> None:
    none = _mention("NONE OF THE MEN WERE KILLED.", "KILLED", recipient="NONE OF THE MEN")
    assert not is_terrorist_incident(none, DAY)
    riot = _mention("INMATES MUTINIED AFTER RAIDING THE ARMORY.", "RAIDING", recipient="THE ARMORY")
    assert not is_terrorist_incident(_dated(riot, DAY, DAY), DAY)
    stock = _mention("THE POLICE FOUND A CAMPER WITH 15 KG OF DYNAMITE.", "DYNAMITE", "explosives")
    assert not is_terrorist_incident(stock, DAY)
    used = _mention("GUERRILLAS BLEW UP THE BRIDGE WITH DYNAMITE.", "DYNAMITE", "explosives")
    assert is_terrorist_incident(used, DAY)
    plane = ActorRef(Evidence("a", 0, 9, "THE PLANE"))
    crash = _mention("THE PLANE DESTROYED 12 HOUSES.", "DESTROYED", "destroy", actor=plane)
    assert not is_terrorist_incident(crash, DAY)
    sabotage = _mention("THE FMLN CARRIED OUT 3 SABOTAGE ACTIONS.", "SABOTAGE", "destroy")
    assert not is_terrorist_incident(sabotage, DAY)
    combat = _mention("THE EVACUATION OF PEOPLE MAIMED IN THE WAR WAS DELAYED.", "MAIMED")
    assert not is_terrorist_incident(combat, DAY)


def test_an_attack_noun_needs_a_target_a_weapon_harm_or_a_date() -> None:
    bare = _mention("NO GROUP HAS CLAIMED RESPONSIBILITY FOR THE ATTACK.", "ATTACK")
    assert not is_terrorist_incident(bare, DAY)
    target = _mention("THE PRESIDENT REFERRED TO AN ATTACK ON AN ELECTRIC SUBSTATION.", "ATTACK")
    assert is_terrorist_incident(target, DAY)
    harm = _mention("THE HOME OF THE DIRECTOR WAS DAMAGED IN A TERRORIST ATTACK.", "ATTACK")
    assert is_terrorist_incident(harm, DAY)
    weapon = _mention("THERE WAS AN ATTACK WITH A HOMEMADE BOMB.", "ATTACK", "explosives")
    assert is_terrorist_incident(weapon, DAY)
    assert is_terrorist_incident(_dated(bare, DAY, DAY, "TODAY"), DAY)


def test_military_and_police_targets_are_military_versus_military() -> None:
    police = _mention("GUERRILLAS ATTACKED THE POLICE STATION.", "ATTACKED", recipient="THE POLICE STATION")
    assert not is_terrorist_incident(police, DAY)
    listed = _mention("THE BRIGADE REPORTED 5 SOLDIERS KILLED, SEVERAL WOUNDED.", "KILLED")
    assert not is_terrorist_incident(listed, DAY)
    passive = _mention("ARTILLERY TROOPS WERE ATTACKED BETWEEN TWO TOWNS.", "ATTACKED")
    assert not is_terrorist_incident(passive, DAY)
    phrase = _mention("THE REBELS STAGED AN ATTACK AGAINST A 5TH INFANTRY BRIGADE UNIT.", "ATTACK")
    assert not is_terrorist_incident(phrase, DAY)
    launched = _mention("THE UNIT LAUNCHED A 5-MINUTE ATTACK AGAINST A NATIONAL GUARD UNIT.", "LAUNCHED")
    assert not is_terrorist_incident(launched, DAY)
    # a date after "on" is no target: "assassinated on 16 November by men in military uniforms"
    date_phrase = _mention(
        "SIX JESUITS WERE ASSASSINATED ON 16 NOVEMBER BY MEN WEARING MILITARY UNIFORMS.",
        "ASSASSINATED",
        "firearms",
        recipient="SIX JESUITS",
    )
    assert is_terrorist_incident(date_phrase, DAY)
    # the other words of a sentence about a military target are the same guerrilla action
    sentence = "SEVEN SOLDIERS WERE KILLED BY A BOMB WHEN REBELS AMBUSHED A CONVOY."
    killed = _mention(sentence, "KILLED", recipient="SEVEN SOLDIERS")
    bomb = _mention(sentence, "BOMB", "explosives")
    assert is_terrorist_incident(bomb, DAY)
    assert incidents([killed, bomb], DAY) == []


def test_state_operations_and_war_communiques_are_not_terrorism() -> None:
    air_force = ActorRef(Evidence("a", 0, 13, "THE AIR FORCE"), kind=ActorKind.STATE_FORCES)
    raid = _mention(
        "THE AIR FORCE ATTACKED BY LAND AND AIR THE GUERRILLAS WHO OCCUPIED THE AREA.",
        "ATTACKED",
        actor=air_force,
    )
    assert not is_terrorist_incident(_dated(raid, DAY, DAY), DAY)
    civilians = _mention(
        "THE AIR FORCE BOMBED THE HOUSES OF CIVILIANS NEAR THE GUERRILLAS.",
        "BOMBED",
        "explosives",
        actor=air_force,
    )
    assert is_terrorist_incident(civilians, DAY)
    we = ActorRef(Evidence("a", 0, 2, "WE"))
    own = _mention("WE ATTACKED AIRCRAFT INSIDE THE HANGAR.", "ATTACKED", actor=we, recipient="AIRCRAFT")
    assert not is_terrorist_incident(own, DAY)


def test_the_finder_of_a_body_is_not_the_perpetrator() -> None:
    soldiers = ActorRef(Evidence("a", 0, 12, "THE SOLDIERS"), kind=ActorKind.STATE_FORCES)
    found = _mention("THE SOLDIERS FOUND THE BODY OF A TRADE UNIONIST.", "FOUND", actor=soldiers)
    assert is_terrorist_incident(found, DAY)
    assert perpetrator(found, [found]) is None
    army = ActorRef(Evidence("a", 0, 8, "THE ARMY"), kind=ActorKind.STATE_FORCES)
    shot = _mention("THE ARMY SHOT A TRADE UNIONIST.", "SHOT", "firearms", actor=army)
    assert perpetrator(shot, [shot]) is army


def test_a_stray_place_in_a_little_named_country_does_not_move_the_incident_abroad() -> None:
    held = _mention("CIVILIANS ARE HELD HOSTAGE IN ESCALON.", "HELD", "abduct", places=(ESCALON_US,))
    # the message names the United States twice but El Salvador eight times
    p = predict([held], DAY, SAN_SALVADOR, countries={"SV": 8, "US": 2})
    assert p.incident_type == "KIDNAPPING"
    # a message as much about the other country keeps the incident there (out of the task's scope)
    assert predict([held], DAY, SAN_SALVADOR, countries={"SV": 2, "US": 4}).incident_type is None
