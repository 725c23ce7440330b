"""ACLED coding, round 8 (mix2): a place or a people read as the state's forces is no actor; a
demonstration attacked by others is a demonstration, not a riot; a grenade thrown into a gathering is
an explosion. Hand-written notes and hand-made mentions (none taken from ACLED rows)."""

from __future__ import annotations

from eventscope.evaluate.acled_force_intervention import intervention_told, stepped_in
from eventscope.evaluate.acled_mix2_attacked_demo import attacked_demonstrators
from eventscope.evaluate.acled_mix2_forces_hit import attack_on_forces, forces_hit
from eventscope.evaluate.acled_mix2_outsiders import outsider_harmed
from eventscope.evaluate.acled_mix2_places import place_not_force, without_place_forces
from eventscope.evaluate.acled_mix2_readings import grenade_thrown
from eventscope.evaluate.acled_notes import code_note
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention

CLASH = EventType("FIGHT", None, "Battles", "Armed clash", "19")
RIOT = EventType("PROTEST", "riot", "Riots", "Violent demonstration", "14")
DEMO = EventType("PROTEST", None, "Protests", "Peaceful protest", "14")
STATE = ActorKind.STATE_FORCES


def _ref(text: str, words: str, kind: ActorKind | None = None) -> ActorRef:
    at = text.index(words)
    return ActorRef(Evidence("a", at, at + len(words), words), kind=kind)


def _mention(text: str, trigger: str, kind: EventType, actor: ActorRef | None = None) -> Mention:
    start = text.index(trigger)
    return Mention(
        id="m",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=kind,
        actor=actor,
    )


# --- a place or a people read as the state's forces


def test_where_people_came_from_is_not_the_state() -> None:
    text = "Refugees from Chad and from Sudan fought in the camp after a quarrel over a water point."
    ref = place_not_force(_ref(text, "Chad", STATE), text)
    assert ref is not None and ref.kind is None


def test_a_demonym_before_unarmed_people_names_those_people() -> None:
    text = "Ugandan and Kenyan traders fought at the border market over stall fees."
    ref = place_not_force(_ref(text, "Ugandan", STATE), text)
    assert ref is not None and ref.kind is None
    assert ref.text == "Ugandan and Kenyan traders"


def test_the_town_where_it_happened_is_not_the_state() -> None:
    text = "A group of supporters of the candidate in Mombasa stormed the tallying hall on Monday."
    ref = place_not_force(_ref(text, "Mombasa", STATE), text)
    assert ref is not None and ref.kind is None


def test_a_country_acting_or_its_named_force_stays_the_state() -> None:
    text = "Kenya deployed troops to the northern border on Sunday."
    assert place_not_force(_ref(text, "Kenya", STATE), text).kind is STATE  # type: ignore[union-attr]
    text = "In the evening Kisumu police arrested five men near the bus park."
    assert place_not_force(_ref(text, "Kisumu", STATE), text).kind is STATE  # type: ignore[union-attr]
    text = "Security officers from Garissa shot two suspects."
    officers = _ref(text, "Security officers", STATE)
    assert place_not_force(officers, text) is officers


def test_a_fight_of_people_from_two_countries_is_no_state_battle() -> None:
    text = "Refugees from Chad and from Sudan fought in the camp after a quarrel over a water point."
    main = _mention(text, "fought", CLASH, actor=_ref(text, "Sudan", STATE))
    fixed = without_place_forces(main, text)
    assert fixed.actor is not None and fixed.actor.kind is None
    coded = code_note(main, [main], text)
    assert coded.actor is None or coded.actor.kind is not STATE


# --- a demonstration attacked by others


def test_protesters_shot_by_a_passer_by_is_excessive_force() -> None:
    text = "Hundreds marched through the town centre. A man in a pickup shot two protesters and drove off."
    main = _mention(text, "shot", EventType("ASSAULT", "firearms", "Riots", "Mob violence", "18"))
    coded = attacked_demonstrators(main, text)
    assert coded.type.acled_type == "Protests"
    assert coded.type.acled_sub_type == "Excessive force against protesters"
    assert coded.actor is not None and coded.actor.text == "A man in a pickup"
    assert coded.recipient is not None and coded.recipient.kind is ActorKind.PROTESTERS


def test_protesters_attacked_without_serious_harm_is_an_intervention() -> None:
    text = (
        "Teachers marched to the county offices. A rival group attacked the demonstrators, scattering them."
    )
    coded = attacked_demonstrators(_mention(text, "attacked", RIOT), text)
    assert coded.type.acled_type == "Protests"
    assert coded.type.acled_sub_type == "Protest with intervention"


def test_violent_demonstrators_or_the_state_keep_their_coding() -> None:
    text = "Protesters lit bonfires on the highway. Unknown men later attacked the protesters."
    main = _mention(text, "lit", RIOT)
    assert attacked_demonstrators(main, text) is main
    text = "Police attacked the demonstrators outside parliament."
    main = _mention(text, "attacked", RIOT)
    assert attacked_demonstrators(main, text) is main
    text = "Gunmen opened fire on protesters. One gunman was then stabbed to death by angry demonstrators."
    main = _mention(text, "stabbed", RIOT)
    assert attacked_demonstrators(main, text) is main
    text = "The officer shot a rider while dispersing youths protesting against the levy."
    main = _mention(text, "shot", RIOT)
    assert attacked_demonstrators(main, text) is main


# --- a grenade thrown into a gathering


def test_a_grenade_lobbed_into_a_rally_is_an_explosion() -> None:
    text = "Two people died when a man lobbed a grenade into a crowd at a prayer rally in the park."
    coded = grenade_thrown(_mention(text, "rally", DEMO), text)
    assert coded.type.acled_type == "Explosions/Remote violence"
    assert coded.type.acled_sub_type == "Grenade"


def test_a_grenade_attack_protested_or_a_petrol_bomb_is_no_explosion() -> None:
    text = "Residents marched to protest the grenade attack on a bus last week."
    main = _mention(text, "marched", DEMO)
    assert grenade_thrown(main, text) is main
    text = "Students threw petrol bombs at the administration block during the protest."
    main = _mention(text, "protest", DEMO)
    assert grenade_thrown(main, text) is main


# --- harm at a rally to people who were not demonstrating

EXCESSIVE = EventType("ASSAULT", None, "Protests", "Excessive force against protesters", "18")


def test_an_official_beaten_at_a_rally_is_an_attack() -> None:
    text = "Officers are looking into how the county governor was beaten up at a rally in the stadium."
    coded = outsider_harmed(_mention(text, "beaten", EXCESSIVE), text)
    assert coded.type.acled_type == "Violence against civilians"
    assert coded.type.acled_sub_type == "Attack"


def test_a_man_the_crowd_accused_of_theft_is_mob_violence() -> None:
    text = "A man was beaten to death at the march after he was accused of being a thief by the marchers."
    coded = outsider_harmed(_mention(text, "beaten", EXCESSIVE), text)
    assert coded.type.acled_type == "Riots"
    assert coded.type.acled_sub_type == "Mob violence"
    assert coded.actor is not None and coded.actor.kind is ActorKind.RIOTERS


def test_protesters_harmed_stay_excessive_force() -> None:
    text = "Police shot dead two protesters and seriously injured a third during the march."
    main = _mention(text, "shot", EXCESSIVE)
    assert outsider_harmed(main, text) is main


# --- the state stepping in, told in words


def test_police_called_in_or_trying_to_open_roads_is_an_intervention() -> None:
    for text, trigger in (
        (
            "Students protested over exam fees at the college. Police were called in to restore calm.",
            "protested",
        ),
        (
            "Traders demonstrated over a new levy. Police tried to open the market gates but withdrew.",
            "demonstrated",
        ),
        ("Witnesses saw police attacking marching nurses outside the hospital.", "marching"),
    ):
        assert stepped_in(text), text
        coded = intervention_told(_mention(text, trigger, DEMO), text)
        assert coded.type.acled_sub_type == "Protest with intervention"


def test_police_not_called_in_is_no_intervention() -> None:
    assert not stepped_in("Residents marched to the chief's office. Police were not called in.")


# --- an attack that struck the state's forces

ATTACK = EventType("ASSAULT", None, "Violence against civilians", "Attack", "18")


def test_civilians_and_police_killed_in_one_attack_is_a_battle() -> None:
    text = "Gunmen raided the market town at dawn, killing two traders and four police officers."
    assert forces_hit(text)
    coded = attack_on_forces(_mention(text, "raided", ATTACK), text)
    assert coded.type.acled_type == "Battles"
    text = "The militia attacks villagers and police near the river crossing."
    assert forces_hit(text)


def test_forces_hurt_after_an_aside_or_suffering_injuries() -> None:
    assert forces_hit("Three paramilitary officers (an elite unit) were wounded when their truck was hit.")
    assert forces_hit("Two policemen are in hospital after suffering serious injuries in a robbery raid.")
    assert forces_hit("After the raid a police reservist followed the tracks and was shot dead in the hills.")


def test_off_duty_members_or_civilians_only_keep_the_attack() -> None:
    text = "An off-duty police officer was killed at his gate by gunmen, neighbours said."
    assert not forces_hit(text)
    assert not forces_hit("Gunmen shot two herders and wounded a boy near the well.")
    assert not forces_hit("A retired police officer was killed by thieves at his farm.")
    main = _mention(text, "killed", EventType("ASSAULT", None, "Riots", "Mob violence", "18"))
    assert attack_on_forces(main, text) is main  # a riot is not read here
