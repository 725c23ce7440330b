"""MUC-4 prediction: the main incident's place checked against the message's country, the dateline's
place, and the perpetrator's fall-backs, on hand-made mentions."""

from __future__ import annotations

from datetime import date

from eventscope.evaluate.muc4 import (
    country_support,
    dateline_place,
    incident_place,
    names_organisation,
    perpetrator,
    predict,
)
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
)
from eventscope.textcase import caps_pronouns

SV = Place("c:SV", "El Salvador", 13.8, -88.9, "A", "PCLI", "SV")
PA = Place("c:PA", "Panama", 9.0, -80.0, "A", "PCLI", "PA")
SAN_SALVADOR = Place("g:1", "San Salvador", 13.69, -89.19, "P", "PPLC", "SV", population=500_000)
SAN_SALVADOR_MX = Place("g:2", "San Salvador el Verde", 19.2, -98.5, "P", "PPL", "MX", population=9_000)
POLICE_PL = Place("g:3", "Police", 50.0, 18.0, "P", "PPL", "PL", population=5_000)
SAN_JOSE_US = Place("g:4", "San Jose", 37.3, -121.9, "P", "PPL", "US", population=1_000_000)
SAN_JOSE_CR = Place("g:5", "San Jose", 9.93, -84.08, "P", "PPLC", "CR", population=300_000)
PANAMA_CITY = Place("g:6", "Panama City", 8.99, -79.52, "P", "PPLC", "PA", population=400_000)


class SmallGazetteer:
    """A handful of places by lower-case name: what prediction asks of the gazetteer."""

    PLACES = {
        "san salvador": [SAN_SALVADOR_MX, SAN_SALVADOR],
        "el salvador": [SV],
        "panama": [PA],
        "panama city": [PANAMA_CITY],
        "san jose": [SAN_JOSE_US, SAN_JOSE_CR],
    }

    def candidates(self, name: str) -> list[Place]:
        return self.PLACES.get(name.lower(), [])

    def country(self, code: str) -> Place | None:
        return {"SV": SV, "PA": PA}.get(code)


def _ev(text: str, start: int = 0) -> Evidence:
    return Evidence("a", start, start + len(text), text)


def _mention(
    trigger: str = "ATTACK",
    sentence: int = 0,
    places: tuple[tuple[str, Place | None], ...] = (),
    actor: ActorRef | None = None,
) -> Mention:
    refs = tuple(
        PlaceRef(
            _ev(text, sentence), PlaceRole.SITE, place, PlaceLevel.TOWN if place else PlaceLevel.UNRESOLVED
        )
        for text, place in places
    )
    return Mention(
        f"m{sentence}-{trigger}",
        "a",
        _ev("sentence", sentence),
        _ev(trigger, sentence),
        EventType("ASSAULT", None, "", "", ""),
        actor=actor,
        places=refs,
    )


FMLN = ActorRef(_ev("FMLN"), canonical_id="fmln", name="FMLN", kind=ActorKind.REBEL_GROUP, country="SV")


def test_a_stray_toponym_abroad_gives_way_to_the_messages_country() -> None:
    main = _mention(places=(("POLICE", POLICE_PL),))
    other = _mention("KILLED", sentence=100, places=(("SAN SALVADOR", SAN_SALVADOR),))
    place = incident_place(main, [main, other], SAN_SALVADOR, {"SV": 3})
    assert place == SAN_SALVADOR
    # with nothing else in the message, the dateline city
    assert incident_place(main, [main], SAN_SALVADOR, {"SV": 1}) == SAN_SALVADOR


def test_a_supported_place_of_the_incident_is_kept_even_abroad() -> None:
    # datelined in Panama, about El Salvador: the incident's own place in El Salvador stands
    main = _mention(places=(("SAN SALVADOR", SAN_SALVADOR),))
    assert incident_place(main, [main], PANAMA_CITY, {"SV": 4, "PA": 1}) == SAN_SALVADOR


def test_a_misread_name_is_looked_up_again_in_the_messages_country() -> None:
    main = _mention(places=(("SAN SALVADOR", SAN_SALVADOR_MX),))
    place = incident_place(main, [main], None, {"SV": 5}, SmallGazetteer())
    assert place == SAN_SALVADOR
    # without a gazetteer, and no other place of that country named, its own place stays
    assert incident_place(main, [main], None, {"SV": 5}) == SAN_SALVADOR_MX


def test_country_support_counts_names_places_actors_and_the_dateline() -> None:
    main = _mention(places=(("SAN SALVADOR", SAN_SALVADOR), ("POLICE", POLICE_PL)), actor=FMLN)
    again = _mention("KILLED", sentence=50, places=(("SAN SALVADOR", SAN_SALVADOR),))
    support = country_support([main, again], SAN_SALVADOR, {"SV": 2})
    # 2 namings + 1 distinct place name + the FMLN + 2 for the dateline; one stray "POLICE"
    assert support["SV"] == 6 and support["PL"] == 1


def test_dateline_place() -> None:
    g = SmallGazetteer()
    assert dateline_place("PANAMA CITY (PANAMA)", g) == PANAMA_CITY
    assert dateline_place("NO CITY (EL SALVADOR)", g) == SV
    assert dateline_place("SAN JOSE", g) == SAN_JOSE_CR  # a capital before a bigger namesake
    assert dateline_place("CLANDESTINE", g) is None
    assert dateline_place(None, g) is None


def test_caps_pronouns() -> None:
    assert (
        caps_pronouns("HE TOLD US THAT THE U.S. EMBASSY WAS HIT.")
        == "HE TOLD us THAT THE U.S. EMBASSY WAS HIT."
    )
    assert caps_pronouns("The US embassy was hit.") == "The US embassy was hit."


def test_a_generic_perpetrator_is_the_group_the_text_names() -> None:
    guerrillas = ActorRef(_ev("GUERRILLAS"), kind=ActorKind.REBEL_GROUP)
    main = _mention(actor=guerrillas)
    shining = ActorRef(_ev("SHINING PATH", 40), canonical_id="shining-path", kind=ActorKind.REBEL_GROUP)
    found = perpetrator(main, [main], [FMLN, shining, FMLN])
    assert found is FMLN  # named most often
    # a named group acting in the same sentence comes first
    other = _mention("BOMBED", actor=shining)
    assert perpetrator(main, [main, other], [FMLN, FMLN]) is shining


def test_state_forces_and_organisation_names_are_kept() -> None:
    army = ActorRef(_ev("THE ARMY"), kind=ActorKind.STATE_FORCES)
    assert perpetrator(_mention(actor=army), [], [FMLN]) is army
    movement = ActorRef(_ev("THE CINCHONERO POPULAR LIBERATION MOVEMENT"))
    assert perpetrator(_mention(actor=movement), [], [FMLN]) is movement
    bomb = ActorRef(_ev("A BOMB"))
    assert perpetrator(_mention(actor=bomb), [], [FMLN]) is FMLN
    assert names_organisation("the Gerardo Barrios Civic Front") and not names_organisation("30 men")


def test_predict_uses_both_fall_backs() -> None:
    main = _mention("BOMBED", places=(("POLICE", POLICE_PL),))
    p = predict([main], date(1989, 11, 20), SAN_SALVADOR, countries={"SV": 2}, groups=[FMLN])
    assert p.incident_type == "ATTACK"
    assert p.place == SAN_SALVADOR
    assert p.actor_text == "FMLN" and p.actor_id == "fmln"
