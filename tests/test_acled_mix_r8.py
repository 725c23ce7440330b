"""ACLED coding, round 8 (mix): harm a note tells outranks talk or a non-violent development; a labour
strike is no air strike; the vehicle that struck a mine is not the bomber; a group that shoots is an
armed group, not a crowd. Hand-written notes and hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

from eventscope.evaluate.acled_crowd_verdict import armed_band
from eventscope.evaluate.acled_crowds import crowd_turned_violent
from eventscope.evaluate.acled_main import main_mention
from eventscope.evaluate.acled_mix_harm import harm_over_talk, harm_told
from eventscope.evaluate.acled_mix_main import symbolic_burning, work_stoppage
from eventscope.evaluate.acled_notes import code_note
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention

MEETING = EventType("CONSULT", None, "Strategic developments", "Other", "04")
DEPLOYED = EventType("MOBILIZE", "troops", "Strategic developments", "Change to group/activity", "15")
AIR_STRIKE = EventType("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "19")
MOB = EventType("ASSAULT", None, "Riots", "Mob violence", "18")
RIOT = EventType("PROTEST", "riot", "Riots", "Violent demonstration", "14")
MOB_SHOOTING = EventType("ASSAULT", "firearms", "Riots", "Mob violence", "18")


def _ref(text: str, words: str, kind: ActorKind | None = None) -> ActorRef:
    at = text.index(words)
    return ActorRef(Evidence("a", at, at + len(words), words), kind=kind)


def _mention(
    text: str,
    trigger: str,
    kind: EventType,
    actor: ActorRef | None = None,
    recipient: ActorRef | None = None,
    sentence: tuple[int, int] | None = None,
) -> Mention:
    start = text.index(trigger)
    begin, end = sentence if sentence is not None else (0, len(text))
    return Mention(
        id="m",
        article_id="a",
        sentence=Evidence("a", begin, end, text[begin:end]),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=kind,
        actor=actor,
        recipient=recipient,
    )


# --- harm told in a note whose only report is talk or a development


def test_shooting_on_a_gathering_outranks_the_meeting() -> None:
    text = "Officers open fire on youths gathering for a party meeting in the market town."
    main = _mention(text, "meeting", MEETING, actor=_ref(text, "party", None))
    coded = harm_over_talk(main, text)
    assert coded.type.plover == "ASSAULT"
    assert coded.type.acled_type == "Violence against civilians"
    assert coded.actor is None  # the party that was meeting did not fire
    assert code_note(main, [main], text).type.acled_type == "Violence against civilians"


def test_people_found_dead_or_died_is_the_event() -> None:
    text = "The two brothers had not come home on Friday. Both were found dead in a maize field."
    assert harm_told(text)
    text = "Four people died and several were injured as guards tried to evict traders from the yard."
    assert harm_told(text)
    main = _mention(text, "evict", EventType("COERCE", None, "Strategic developments", "Other", "17"))
    assert harm_over_talk(main, text).type.acled_type == "Violence against civilians"


def test_harm_that_is_the_reason_or_another_story_stays_aside() -> None:
    text = "Troops were deployed to the border after gunmen killed two herders last week."
    main = _mention(text, "deployed", DEPLOYED)
    assert harm_over_talk(main, text) is main
    text = "Patrols were stepped up on the coast as details emerged on how the rebel chief was killed."
    assert not harm_told(text)
    text = "Police deployed more officers over fears that two more people would be killed."
    assert harm_over_talk(_mention(text, "deployed", DEPLOYED), text).type == DEPLOYED


def test_violence_and_arrests_are_left_to_their_own_rules() -> None:
    text = "Police arrested five men; one was shot dead as he fled."
    arrest = _mention(
        text, "arrested", EventType("COERCE", "arrest", "Strategic developments", "Arrests", "17")
    )
    assert harm_over_talk(arrest, text) is arrest
    attack = _mention(
        text, "shot", EventType("ASSAULT", "firearms", "Violence against civilians", "Attack", "18")
    )
    assert harm_over_talk(attack, text) is attack


# --- a labour strike is not an air strike


def test_labour_strike_read_as_air_strike_is_a_demonstration() -> None:
    text = "Days later the delivery riders went on a labour strike over pay."
    strike = work_stoppage(_mention(text, "strike", AIR_STRIKE))
    assert strike.type.acled_type == "Protests"
    chosen = main_mention([_mention(text, "strike", AIR_STRIKE)])
    assert chosen is not None and chosen.type.acled_type == "Protests"


def test_strike_from_the_air_stays_an_air_strike() -> None:
    text = "A drone strike hit a convoy of fighters near the border."
    mention = _mention(text, "strike", AIR_STRIKE)
    assert work_stoppage(mention) is mention
    text = "Jets carried out a strike on the camp."
    mention = _mention(text, "strike", AIR_STRIKE)
    assert work_stoppage(mention).type.acled_type == "Explosions/Remote violence"


# --- the vehicle that struck a mine is not the bomber


def test_vehicle_that_struck_a_mine_is_not_the_actor() -> None:
    text = "Five passengers were killed when their minibus struck a roadside bomb on the highway."
    main = _mention(text, "struck", MOB, actor=_ref(text, "their minibus", ActorKind.RIOTERS))
    coded = code_note(main, [main], text)
    assert coded.type.acled_type == "Explosions/Remote violence"
    assert coded.actor is None or coded.actor.kind is not ActorKind.RIOTERS


# --- a group that shoots is an armed group, not a crowd


def test_group_that_shot_dead_is_no_crowd() -> None:
    text = "Angry villagers shot dead three cattle raiders near the river."
    main = _mention(
        text,
        "shot",
        MOB_SHOOTING,
        actor=_ref(text, "Angry villagers", ActorKind.RIOTERS),
        recipient=_ref(text, "three cattle raiders", ActorKind.IDENTITY_MILITIA),
    )
    assert armed_band(main, [main], text).type.acled_type != "Riots"


def test_group_armed_with_guns_is_no_crowd() -> None:
    text = "Some fifty youths, armed with guns, raided a quarry and burnt two lorries."
    main = _mention(text, "raided", MOB, actor=_ref(text, "Some fifty youths", ActorKind.RIOTERS))
    assert armed_band(main, [main], text).type.acled_type == "Violence against civilians"


def test_crowd_with_stones_stays_a_riot() -> None:
    text = "Angry villagers stoned a suspected thief near the river."
    main = _mention(text, "stoned", MOB, actor=_ref(text, "Angry villagers", ActorKind.RIOTERS))
    assert armed_band(main, [main], text) is main
    text = "Youths armed with stones and sticks attacked a trader."
    main = _mention(text, "attacked", MOB, actor=_ref(text, "Youths", ActorKind.RIOTERS))
    assert armed_band(main, [main], text) is main


# --- a coffin or an effigy burnt is a symbol, not violence


def test_burning_a_coffin_is_a_peaceful_demonstration() -> None:
    text = "Hundreds of nurses burnt a mock coffin outside the ministry to protest unpaid wages."
    burnt = _mention(text, "burnt", RIOT, actor=_ref(text, "Hundreds of nurses", ActorKind.RIOTERS))
    coded = symbolic_burning(burnt)
    assert coded.type.acled_type == "Protests"
    assert coded.actor is not None and coded.actor.kind is ActorKind.PROTESTERS
    assert not crowd_turned_violent([burnt], "")
    chosen = main_mention([burnt])
    assert chosen is not None and chosen.type.acled_type == "Protests"


def test_effigy_burnt_still_a_riot_when_stones_are_thrown() -> None:
    text = "Traders torched an effigy of the mayor. They threw stones at the police."
    burnt = _mention(text, "torched", RIOT, sentence=(0, text.index(".") + 1))
    assert symbolic_burning(burnt).type.acled_type == "Protests"
    assert crowd_turned_violent([burnt], text)  # the stones make it a riot


def test_burning_property_stays_a_riot() -> None:
    text = "Students burnt two buses and a dormitory to protest the fees."
    burnt = _mention(text, "burnt", RIOT)
    assert symbolic_burning(burnt) is burnt
    assert crowd_turned_violent([burnt], "")


def test_crowd_shot_by_others_stays_a_crowd() -> None:
    text = "Rioting youths were shot dead by police near the market."
    main = _mention(text, "Rioting", MOB, actor=_ref(text, "Rioting youths", ActorKind.RIOTERS))
    assert armed_band(main, [main], text) is main
    text = "Some traders, shot and wounded by unknown men, were taken to hospital."
    main = _mention(text, "wounded", MOB, actor=_ref(text, "Some traders", ActorKind.RIOTERS))
    assert armed_band(main, [main], text) is main


def test_harm_in_a_place_named_as_the_setting_stays_aside() -> None:
    text = "More troops were sent to the valley, where three herders were killed on Sunday."
    assert harm_over_talk(_mention(text, "sent", DEPLOYED), text).type == DEPLOYED
