"""Strategic developments, round 7, other rules (acled_main.py, acled_property.py, acled_cause.py,
acled_notes.py): a search by the forces with no one harmed, explosives made not set off, a rescue, the
month "March", a roadblock as a demonstration, forces sent to a demonstration, property blown up, tear
gas "in" a capital. Invented sentences and hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

from eventscope.evaluate.acled_cause import arrest_outside_riot, told_as_cause
from eventscope.evaluate.acled_main import crowd_damage, demonstrators_talk, disarmed, main_mention
from eventscope.evaluate.acled_notes import code_note
from eventscope.evaluate.acled_property import property_only, reprisal, search_without_harm
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.ontology import crosswalk


def _at(text: str, word: str) -> Evidence:
    start = text.index(word)
    return Evidence("a", start, start + len(word), word)


def _mention(
    text: str,
    trigger: str,
    plover: str = "ASSAULT",
    mode: str | None = None,
    *,
    actor: tuple[str, ActorKind | None] | None = None,
    recipient: tuple[str, ActorKind | None] | None = None,
    name: str | None = None,
) -> Mention:
    kind = actor[1] if actor is not None else None
    hit = recipient[1] if recipient is not None else None
    return Mention(
        id=f"m-{trigger}",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=_at(text, trigger),
        type=crosswalk(plover, mode, actor_kind=kind, recipient_kind=hit),
        actor=ActorRef(_at(text, actor[0]), kind=kind) if actor is not None else None,
        recipient=ActorRef(_at(text, recipient[0]), kind=hit, name=name) if recipient is not None else None,
    )


POLICE = ("Police", ActorKind.STATE_FORCES)


def test_a_search_by_the_forces_with_no_one_harmed_is_not_violence() -> None:
    text = "Police raided the home of a former minister in search of hidden weapons."
    main = _mention(text, "raided", actor=POLICE, recipient=("the home", None))
    coded = search_without_harm(main, [main], text)
    assert coded.type.acled_type == "Strategic developments" and coded.type.acled_sub_type == "Other"


def test_a_search_with_arrests_is_arrests() -> None:
    text = "Police raided a hostel and arrested 40 people without papers."
    main = _mention(text, "raided", actor=POLICE)
    assert search_without_harm(main, [main], text).type.acled_sub_type == "Arrests"


def test_a_raid_that_hurt_people_or_met_a_crowd_stays_violence() -> None:
    for text in (
        "Police raided the hostel and beat the students.",
        "Police raided the hostel where students were protesting.",
    ):
        main = _mention(text, "raided", actor=POLICE)
        assert search_without_harm(main, [main], text) is main
    text = "Gunmen raided the hostel at night."
    main = _mention(text, "raided", actor=("Gunmen", ActorKind.POLITICAL_MILITIA))
    assert search_without_harm(main, [main], text) is main


def test_explosives_made_or_stored_are_not_set_off() -> None:
    text = "The cell was assembling IEDs in a rented house."
    ied = _mention(text, "IEDs", mode="explosives")
    assert disarmed(ied, [ied])
    text = "A bomb planted in the market hit a bus and killed two."
    assert not disarmed(_mention(text, "bomb", mode="explosives"), [])


def test_people_rescued_from_an_abduction_are_the_development() -> None:
    text = "Soldiers rescued three of the hostages abducted in last week's raid."
    assert told_as_cause(_mention(text, "abducted", mode="abduct")) == "other"
    text = "Gunmen abducted three teachers and released one later."
    assert told_as_cause(_mention(text, "abducted", mode="abduct")) is None


def test_the_month_march_is_no_demonstration() -> None:
    text = "A rights group says a militia has been arming itself since March."
    main = _mention(text, "arming", "MOBILIZE", "weapons", actor=("a militia", None))
    assert demonstrators_talk(main, text).type.plover == "MOBILIZE"


def test_a_roadblock_makes_the_talk_a_demonstration() -> None:
    text = "Residents blocked the main highway with stones, demanding speed bumps."
    main = _mention(text, "demanding", "DEMAND")
    assert demonstrators_talk(main, text).type.plover == "PROTEST"


def test_forces_sent_to_a_demonstration_are_not_the_event() -> None:
    text = "Traders protested over a new levy. Police were deployed to the market."
    main = _mention(text, "deployed", "MOBILIZE", "troops", actor=POLICE)
    assert demonstrators_talk(main, text).type.plover == "PROTEST"
    text = "Police were deployed to the market after a spate of thefts."
    main = _mention(text, "deployed", "MOBILIZE", "troops", actor=POLICE)
    assert demonstrators_talk(main, text).type.plover == "MOBILIZE"


def test_property_blown_up_is_an_explosion() -> None:
    text = "Militants destroyed a water tower using explosives."
    main = _mention(text, "destroyed", mode="destroy", actor=("Militants", ActorKind.POLITICAL_MILITIA))
    assert property_only(main, [main], text).type.acled_type == "Explosions/Remote violence"
    text = "Youths destroyed a bar with petrol bombs."
    main = _mention(text, "destroyed", mode="destroy", actor=("Youths", ActorKind.POLITICAL_MILITIA))
    assert property_only(main, [main], text).type.acled_type != "Explosions/Remote violence"


def test_tear_gas_in_a_capital_read_as_its_government_is_used_on_the_crowd() -> None:
    text = "Police fired tear gas to disperse supporters of the opposition in Lusaka."
    main = _mention(
        text,
        "tear gas",
        "COERCE",
        actor=POLICE,
        recipient=("Lusaka", ActorKind.STATE_FORCES),
        name="Government of Zambia",
    )
    assert code_note(main, [main], text).type.acled_type == "Protests"


def test_main_mention_still_prefers_violence_told_as_an_event() -> None:
    text = "Gunmen shot dead a chief in the village. Police were later deployed."
    shot = _mention(text, "shot dead", actor=("Gunmen", ActorKind.POLITICAL_MILITIA))
    deployed = _mention(text, "deployed", "MOBILIZE", "troops", actor=("Police", ActorKind.STATE_FORCES))
    assert main_mention([shot, deployed]) is shot


MILITIA = ("Raiders", ActorKind.IDENTITY_MILITIA)


def test_an_attack_on_a_site_where_no_one_was_harmed_is_a_development() -> None:
    text = "Raiders attacked a borehole pumping point overnight. No injuries were reported."
    main = _mention(text, "attacked", actor=MILITIA, recipient=("a borehole pumping point", None))
    coded = property_only(main, [main], text)
    assert coded.type.acled_type == "Strategic developments" and coded.type.acled_sub_type == "Other"
    # someone there escaped: the attack was on people
    text = "Raiders attacked a borehole pumping point; the guard escaped unhurt."
    main = _mention(text, "attacked", actor=MILITIA, recipient=("a borehole pumping point", None))
    assert property_only(main, [main], text) is main


def test_a_raid_the_note_says_was_without_violence_is_a_development() -> None:
    text = "Raiders entered and raided Kolo at dawn and left; no violence was reported."
    main = _mention(text, "raided", actor=MILITIA, recipient=("Kolo", None))
    assert property_only(main, [main], text).type.acled_type == "Strategic developments"


def test_animals_killed_are_no_harm_to_people() -> None:
    text = "Raiders torched 12 huts and 40 goats were killed."
    main = _mention(text, "torched", mode="destroy", actor=MILITIA, recipient=("12 huts", None))
    assert property_only(main, [main], text).type.acled_sub_type == "Looting/property destruction"
    text = "Raiders torched 12 huts and two herders were killed."
    main = _mention(text, "torched", mode="destroy", actor=MILITIA, recipient=("12 huts", None))
    assert property_only(main, [main], text).type.acled_sub_type != "Looting/property destruction"


def test_an_arrest_of_youths_read_as_rioters_with_no_riot_is_an_arrest() -> None:
    text = "Police arrested 15 youths who were planning to disrupt a campaign meeting."
    main = _mention(
        text, "arrested", "COERCE", "arrest", actor=POLICE, recipient=("15 youths", ActorKind.RIOTERS)
    )
    assert main.type.acled_type == "Riots"  # the crosswalk: force on rioters is their riot
    assert arrest_outside_riot(main, [main], text).type.acled_sub_type == "Arrests"
    text = "Youths threw stones at Police, who arrested 15 of them."
    main = _mention(
        text, "arrested", "COERCE", "arrest", actor=POLICE, recipient=("Youths", ActorKind.RIOTERS)
    )
    assert arrest_outside_riot(main, [main], text).type.acled_type == "Riots"


def test_houses_burnt_after_a_killing_by_no_armed_men_are_a_reprisal_riot() -> None:
    text = "Six houses were torched in the village after a trader was killed there."
    main = _mention(text, "torched", mode="destroy", recipient=("Six houses", None))
    assert reprisal(main)
    first = main_mention([main])
    assert first is not None and code_note(first, [main], text).type.acled_sub_type == "Mob violence"
    text = "Gunmen torched six houses in the village after a trader was killed there."
    main = _mention(text, "torched", mode="destroy", actor=("Gunmen", ActorKind.POLITICAL_MILITIA))
    assert not reprisal(main)
    text = "Six houses were torched in the village on Sunday."
    assert not reprisal(_mention(text, "torched", mode="destroy"))


def test_a_destroyer_named_in_a_later_clause_is_not_the_destroyer() -> None:
    # "by police" belongs to the clause after the dash: the crowd's disorder destroyed the shops
    text = "Shops were burnt in post-election violence - crowds were dispersed by police."
    main = _mention(text, "burnt", mode="destroy", recipient=("Shops", None))
    assert crowd_damage(main).type.acled_type == "Riots"
