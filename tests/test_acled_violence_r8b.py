"""ACLED coding of violence, round 8b: a crime told as the reason or the background of the act a note
reports is not its main event; the target of violence is never its own doer; members of the forces
turning their arms on their colleagues are a battle. Hand-written notes and hand-made mentions (none
taken from ACLED rows)."""

from __future__ import annotations

from eventscope.evaluate.acled_main import main_mention
from eventscope.evaluate.acled_main_background import act_behind, told_as_background, told_aside
from eventscope.evaluate.acled_notes import code_note
from eventscope.evaluate.acled_viol_battles import forces_on_their_own
from eventscope.evaluate.acled_viol_victims import code_by_victims
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention, Modality

ATTACK = EventType("ASSAULT", None, "Violence against civilians", "Attack", "18")
SHOOTING = EventType("ASSAULT", "firearms", "Violence against civilians", "Attack", "18")
RAPE = EventType("ASSAULT", "sexual", "Violence against civilians", "Sexual violence", "18")
CLASH = EventType("ASSAULT", "firearms", "Battles", "Armed clash", "19")


def _ref(text: str, words: str, kind: ActorKind | None = None, after: int = 0) -> ActorRef:
    at = text.index(words, after)
    return ActorRef(Evidence("a", at, at + len(words), words), kind=kind)


def _mention(
    text: str,
    trigger: str,
    kind: EventType = ATTACK,
    actor: ActorRef | None = None,
    recipient: ActorRef | None = None,
    modality: Modality = Modality.ASSERTED,
    mention_id: str = "m",
) -> Mention:
    start = text.index(trigger)
    return Mention(
        id=mention_id,
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=Evidence("a", start, start + len(trigger), trigger),
        type=kind,
        actor=actor,
        recipient=recipient,
        modality=modality,
    )


# --- a crime told as the reason for the act


def test_crime_named_after_suspected_of_or_to_avenge_is_background() -> None:
    text = "Soldiers gunned down four men suspected of robbing a petrol station in the town."
    assert told_as_background(_mention(text, "robbing"))
    text = "Two herders were stabbed to avenge the murder of a trader."
    assert told_as_background(_mention(text, "murder"))
    text = "A crowd beat a man accused of stealing a cow."
    assert told_as_background(_mention(text, "stealing"))
    text = "In revenge for the killing of a chief, raiders burnt a village."
    assert told_as_background(_mention(text, "killing"))


def test_crime_told_as_the_event_is_not_background() -> None:
    text = "Gunmen robbed a petrol station in the town."
    assert not told_as_background(_mention(text, "robbed"))
    text = "Rebels were blamed, but the attack on the market killed nine."
    assert not told_as_background(_mention(text, "attack"))
    # not violence: nothing to put aside
    text = "Police arrested a man suspected of theft."
    assert not told_as_background(_mention(text, "arrested", EventType("COERCE", "arrest", "", "", "")))


def test_the_act_before_the_cause_is_the_event_with_its_own_parties() -> None:
    text = "Soldiers tracked and shot dead four men suspected of robbing a petrol station."
    soldiers = _ref(text, "Soldiers", ActorKind.STATE_FORCES)
    station = _ref(text, "a petrol station", ActorKind.CIVILIANS)
    crime = _mention(text, "robbing", actor=soldiers, recipient=station, modality=Modality.ALLEGED)
    act = act_behind(crime)
    assert act is not None
    assert act.trigger.text == "shot dead"
    assert act.type.plover == "ASSAULT" and act.type.plover_mode == "firearms"
    assert act.actor == soldiers
    assert act.recipient is not None and act.recipient.evidence.text == "four men"
    assert act.modality is Modality.ASSERTED  # the shooting is told as fact; only the crime is alleged
    assert text[act.trigger.start : act.trigger.end] == "shot dead"


def test_a_lynching_of_an_accused_man_is_mob_justice() -> None:
    text = "Villagers lynched a man accused of stealing a goat."
    crime = _mention(text, "stealing", recipient=_ref(text, "a goat"))
    act = act_behind(crime)
    assert act is not None and act.trigger.text == "lynched"
    assert (act.type.acled_type, act.type.acled_sub_type) == ("Riots", "Mob violence")
    assert act.actor is not None and act.actor.evidence.text == "Villagers"


def test_a_passive_act_takes_its_victims_before_and_its_doer_after_by() -> None:
    text = "Three raiders were killed by soldiers in retaliation for the killing of a ranger."
    crime = _mention(text, "killing", recipient=_ref(text, "a ranger", ActorKind.CIVILIANS))
    act = act_behind(crime)
    assert act is not None and act.trigger.text == "killed"
    assert act.actor is not None and act.actor.evidence.text == "soldiers"
    assert act.actor.kind is ActorKind.STATE_FORCES
    assert act.recipient is not None and act.recipient.evidence.text == "Three raiders"
    # a headline's participle with a "by" phrase is passive too
    text = "Seven bandits killed by police officers in revenge for an attack on a camp."
    act = act_behind(_mention(text, "attack"))
    assert act is not None
    assert act.actor is not None and act.actor.kind is ActorKind.STATE_FORCES
    assert act.recipient is not None and act.recipient.evidence.text == "Seven bandits"


def test_an_opening_phrase_does_not_hide_the_doer() -> None:
    text = "On 3 May, a crowd in a market town, reportedly killed a man accused of stealing a phone."
    act = act_behind(_mention(text, "stealing"))
    assert act is not None and act.actor is not None and act.actor.evidence.text == "a crowd"
    assert (act.type.acled_type, act.type.acled_sub_type) == ("Riots", "Mob violence")


def test_nouns_denials_and_held_responsible_are_no_act() -> None:
    # "the attack" is a noun: the cause is the attack's, not an act's
    text = "The attack is suspected to be linked to earlier fighting between two clans."
    assert (
        act_behind(_mention(text, "fighting", EventType("FIGHT", None, "Battles", "Armed clash", "19")))
        is None
    )
    # a cause denied is no cause
    text = "A trader was shot dead; police said the shooting was not linked to robbery."
    assert act_behind(_mention(text, "robbery")) is None
    # "held responsible": no one was held
    text = "A teacher was found dead and a gang was held responsible for the killing."
    assert act_behind(_mention(text, "killing")) is None


def test_no_act_before_the_cause_leaves_the_report() -> None:
    # "accused of" opens the headline: the accusation reports the bombing itself
    text = "The army accused of bombing herders near the border."
    assert act_behind(_mention(text, "bombing")) is None
    # an act told in another clause is not the one the cause explains
    text = "Police arrived; a man suspected of robbing a shop escaped."
    assert act_behind(_mention(text, "robbing")) is None


def test_main_mention_reads_the_act_not_the_crime() -> None:
    text = "Police shot dead two men suspected of raping a girl."
    police = _ref(text, "Police", ActorKind.STATE_FORCES)
    crime = _mention(text, "raping", RAPE, actor=police, recipient=_ref(text, "a girl", ActorKind.CIVILIANS))
    main = main_mention([crime])
    assert main is not None and main.trigger.text == "shot dead"
    assert main.type.acled_sub_type != "Sexual violence"


def test_violence_told_as_an_aside_gives_way_to_the_reported_act() -> None:
    text = "Three bandits (who were accused of killing a trader last week) were shot dead by police."
    aside = _mention(text, "killing", mention_id="aside")
    police = _ref(text, "police", ActorKind.STATE_FORCES)
    shot = _mention(text, "shot", SHOOTING, actor=police, mention_id="shot")
    assert told_aside(aside) and not told_aside(shot)
    main = main_mention([aside, shot])
    assert main is not None and main.trigger.text == "shot"
    # a relative clause with no parentheses
    text = "Soldiers captured two men who were suspected of attacking a bus."
    assert told_aside(_mention(text, "attacking"))
    # a headline's accusation is the report of the act itself
    assert not told_aside(_mention("The army accused of bombing herders near the border.", "bombing"))
    # what came before the sentence's act: the arson is the note's event, the murder its background
    text = "Youths set 20 houses ablaze in Kilgoris, following the murder of a herder the previous day."
    murder = _mention(text, "murder", mention_id="murder")
    arson = _mention(text, "set 20 houses ablaze", mention_id="arson")
    assert told_aside(murder) and not told_aside(arson)
    main = main_mention([murder, arson])
    assert main is not None and main.trigger.text == "set 20 houses ablaze"
    # an act at the head of its sentence is not told as what came before another
    assert not told_aside(_mention("After the murder of a herder, youths burnt houses.", "murder"))


# --- the target of violence is not its doer


def test_a_target_borrowed_from_another_report_is_never_the_doer() -> None:
    text = "Three soldiers raided the home of a trader. They shot and wounded him."
    soldiers = _ref(text, "Three soldiers", ActorKind.STATE_FORCES)
    raid = _mention(text, "raided", actor=soldiers, recipient=_ref(text, "the home"), mention_id="raid")
    # a misread pronoun made the soldiers the target of the shooting
    shot = _mention(text, "shot", SHOOTING, actor=soldiers, recipient=soldiers, mention_id="shot")
    coded = code_note(raid, [raid, shot], text)
    assert coded.type.acled_type == "Violence against civilians"
    assert coded.recipient is None or coded.recipient.evidence.text != "Three soldiers"


def test_a_target_borrowed_from_another_report_still_counts_when_it_is_someone_else() -> None:
    text = "Gunmen raided the camp. They shot two soldiers."
    gunmen = _ref(text, "Gunmen", ActorKind.POLITICAL_MILITIA)
    raid = _mention(text, "raided", actor=gunmen, recipient=_ref(text, "the camp"), mention_id="raid")
    soldiers = _ref(text, "two soldiers", ActorKind.STATE_FORCES)
    shot = _mention(text, "shot", SHOOTING, actor=gunmen, recipient=soldiers, mention_id="shot")
    assert code_note(raid, [raid, shot], text).type.acled_type == "Battles"


# --- the forces against their own


def test_an_officer_shooting_his_colleagues_is_a_battle() -> None:
    for text, trigger in (
        ("A prison warder shot dead three of his colleagues at the gate.", "shot"),
        ("A soldier shot his commander before turning the gun on himself.", "shot"),
        ("An officer killed his boss in a quarrel at the station.", "killed"),
    ):
        actor = _ref(text, text.split(" ", 2)[1], ActorKind.STATE_FORCES)
        attack = _mention(text, trigger, SHOOTING, actor=actor)
        assert forces_on_their_own(attack, text), text
        assert code_by_victims(attack, [attack], text).type.acled_type == "Battles"


def test_colleagues_of_civilians_or_colleagues_harmed_by_others_are_no_battle() -> None:
    text = "A trader shot his colleague in a quarrel over money."
    attack = _mention(text, "shot", SHOOTING, actor=_ref(text, "A trader", ActorKind.CIVILIANS))
    assert not forces_on_their_own(attack, text)
    text = "A police officer shot a driver; his colleagues watched."
    attack = _mention(text, "shot", SHOOTING, actor=_ref(text, "A police officer", ActorKind.STATE_FORCES))
    assert not forces_on_their_own(attack, text)
    text = "Gunmen shot dead two of his colleagues at the gate."
    attack = _mention(text, "shot", SHOOTING, actor=_ref(text, "Gunmen", ActorKind.POLITICAL_MILITIA))
    assert not forces_on_their_own(attack, text)
