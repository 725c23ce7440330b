"""The MUC-4 perpetrator (evaluate.muc4_perp): names an actor phrase gives itself, generic group phrases,
the same incident told again with its actor, and groups that speak for the victims."""

from __future__ import annotations

from eventscope.evaluate.muc4_perp import names_organisation, perpetrator, self_named
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention

SENTENCE = "A GROUP CALLING ITSELF THE GERARDO BARRIOS COMMANDO UNIT TONIGHT CLAIMED THE ATTACK."


def _ref(text: str, start: int = 0, **kw: object) -> ActorRef:
    return ActorRef(Evidence("a", start, start + len(text), text), **kw)  # type: ignore[arg-type]


def _mention(
    trigger: str,
    sentence: str,
    at: int = 0,
    plover: str = "ASSAULT",
    actor: ActorRef | None = None,
    recipient: ActorRef | None = None,
) -> Mention:
    return Mention(
        f"m{at}-{trigger}",
        "a",
        Evidence("a", at, at + len(sentence), sentence),
        Evidence("a", at + sentence.find(trigger), at + sentence.find(trigger) + len(trigger), trigger),
        EventType(plover, None, "", "", ""),
        actor=actor,
        recipient=recipient,
    )


FMLN = _ref("FMLN", 500, canonical_id="fmln", name="FMLN", kind=ActorKind.REBEL_GROUP, country="SV")
ARMY = _ref("MILITARY PERSONNEL", 300, kind=ActorKind.STATE_FORCES)


def test_an_organisation_name_says_more_than_its_kind() -> None:
    assert names_organisation("the Cinchonero Popular Liberation Movement")
    assert names_organisation('THE "GERARDO BARRIOS CIVIC FORCE"')
    assert not names_organisation("THE ARMED GROUP")
    assert not names_organisation("URBAN COMMANDOS")
    assert not names_organisation("A GROUP")
    assert not names_organisation("30 men")
    # where the group was, after its name, is not part of it
    assert names_organisation("the death squads in El Salvador")
    assert not names_organisation("the armed group in Peru")


def test_a_group_calling_itself_a_name_is_that_name() -> None:
    main = _mention("ATTACK", SENTENCE, actor=_ref("A GROUP"))
    named = self_named(_ref("A GROUP"), main)
    assert named is not None and named.text == "GERARDO BARRIOS COMMANDO UNIT"
    assert SENTENCE[named.evidence.start : named.evidence.end] == named.text
    assert perpetrator(main, [main], [FMLN]) == named
    plain = _mention("ATTACK", "A GROUP ATTACKED THE FARM.", actor=_ref("A GROUP"))
    assert self_named(_ref("A GROUP"), plain) is None


def test_the_same_incident_told_again_gives_its_actor() -> None:
    main = _mention(
        "MURDER", "THE MURDER OF THE JESUITS SHOCKED THE WORLD.", recipient=_ref("THE JESUITS", 14)
    )
    again = _mention(
        "KILLED",
        "MILITARY PERSONNEL KILLED THE JESUITS.",
        at=300,
        actor=ARMY,
        recipient=_ref("THE JESUITS", 326),
    )
    assert perpetrator(main, [main, again], [FMLN, FMLN]) == ARMY
    # another incident's victims: the group the message names stays the fallback
    other = _mention(
        "KILLED",
        "MILITARY PERSONNEL KILLED TWO PEASANTS.",
        at=300,
        actor=ARMY,
        recipient=_ref("TWO PEASANTS", 326),
    )
    assert perpetrator(main, [main, other], [FMLN, FMLN]) == FMLN


def test_a_group_condemning_the_crime_is_not_its_perpetrator() -> None:
    main = _mention("MASSACRE", "IN VIEW OF THE MASSACRE OF PRIESTS TODAY, THE FMLN REPORTS:")
    condemns = _mention("CONDEMNS", "THE FMLN CONDEMNS THIS CRIME.", at=500, plover="ACCUSE", actor=FMLN)
    assert perpetrator(main, [main, condemns], [FMLN]) is None
    assert perpetrator(main, [main], [FMLN]) == FMLN


def test_state_violence_anywhere_when_no_group_is_named() -> None:
    main = _mention("MURDER", "THE MURDER SHOCKED THE WORLD.")
    far = _mention(
        "KILLED",
        "LATER, SOLDIERS KILLED A STUDENT.",
        at=900,
        actor=_ref("SOLDIERS", 907, kind=ActorKind.STATE_FORCES),
    )
    report = _mention(
        "SAID",
        "SOLDIERS SAID NOTHING.",
        at=1900,
        plover="CONSULT",
        actor=_ref("SOLDIERS", 1900, kind=ActorKind.STATE_FORCES),
    )
    filler = [_mention("MET", f"THEY MET {i}.", at=100 * i, plover="CONSULT") for i in range(2, 6)]
    assert perpetrator(main, [main, *filler, far], []) == far.actor
    # a state actor far away that did no violence is not blamed
    assert perpetrator(main, [main, *filler, report], []) is None


def test_state_forces_condemning_the_attack_did_not_do_it() -> None:
    sentence = "PRESIDENT CRISTIANI CONDEMNED THE DYNAMITE ATTACKS AGAINST A UNION."
    main = _mention("ATTACKS", sentence)
    president = _ref("PRESIDENT CRISTIANI", kind=ActorKind.STATE_FORCES)
    condemned = _mention("CONDEMNED", sentence, plover="ACCUSE", actor=president)
    assert perpetrator(main, [main, condemned], []) is None
    raided = _mention("RAIDED", sentence, actor=president)
    assert perpetrator(main, [main, raided], []) == president


def test_a_government_suspending_aid_over_killings_did_not_kill() -> None:
    sentence = "SPAIN HAS SUSPENDED AID TO THE GOVERNMENT UNTIL THE KILLINGS OF THE JESUITS ARE RESOLVED."
    spain = _ref("SPAIN", 0, canonical_id="government-es", name="Spain", kind=ActorKind.STATE_FORCES)
    killings = _mention("KILLINGS", sentence)
    suspended = _mention("SUSPENDED", sentence, plover="SANCTION", actor=spain)
    assert perpetrator(killings, [suspended, killings], []) is None


def test_a_group_accusing_others_in_the_sentence_is_not_the_perpetrator() -> None:
    sentence = "THE M-19 TODAY ACCUSED THE INTELLIGENCE SERVICES OF ASSASSINATING ITS CANDIDATE."
    m19 = _ref("THE M-19", 0, canonical_id="m-19", name="M-19", kind=ActorKind.REBEL_GROUP, country="CO")
    killing = _mention("ASSASSINATING", sentence)
    accused = _mention("ACCUSED", sentence, plover="ACCUSE", actor=m19)
    assert perpetrator(killing, [accused, killing], []) is None
    fought = _mention("ACCUSED", sentence, plover="FIGHT", actor=m19)  # a group that acts in it does
    assert perpetrator(killing, [fought, killing], []) == m19
