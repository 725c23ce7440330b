"""Merge rules about where and between whom (merge/places.py, merge/compare.py): a region of several
countries, the place a report stands for, the two sides of a clash, an actor only blamed. Hand-made
mentions, no model."""

from __future__ import annotations

from dataclasses import replace

from eventscope.merge import merge_mentions
from eventscope.merge.compare import compare
from eventscope.merge.places import main_place
from eventscope.models import (
    ActorKind,
    ActorRef,
    ClaimStatus,
    EventType,
    Modality,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
)
from tests.test_merge_compare import LEBANON, METULA, NABATIEH, THU, articles, day, ev, mention

CENTRAL_AMERICA = Place(
    "region:central-america", "Central America", 14.5, -87.0, "L", "RGN", None, None, None, 0
)
SAN_SALVADOR = Place(
    "geonames:3583361", "San Salvador", 13.689, -89.187, "P", "PPLC", "SV", "San Salvador", None, 525990
)
BORDER = Place("region:il-lb-border", "Israel–Lebanon border", 33.1, 35.4, "L", "BRDR", None, None, None, 0)
FIGHT = EventType("FIGHT", None, "Battles", "Armed clash", "19")


def test_a_region_of_several_countries_neither_places_a_report_nor_rules_one_out() -> None:
    # "the Jesuit superior in Central America": the gazetteer's one point for the region is 250 km
    # from San Salvador, which does not make the two reports two happenings
    town = mention("a", SAN_SALVADOR, day(THU), recipient_text="six Jesuit priests")
    region = mention("b", CENTRAL_AMERICA, day(THU), level=PlaceLevel.REGION, recipient_text="the Jesuits")
    agreement = compare(town, region)
    assert not agreement.excluded and agreement.joins
    assert "Central America spans several countries" in agreement.reasons and agreement.place_points == 0.0
    # a country stays a country: another one still rules a report out
    assert compare(mention("c", LEBANON, day(THU), level=PlaceLevel.COUNTRY), town).excluded


def test_a_border_zone_is_not_taken_for_a_region_of_several_countries() -> None:
    zone = mention("a", BORDER, day(THU), level=PlaceLevel.REGION)
    far = compare(zone, mention("b", SAN_SALVADOR, day(THU)))
    assert far.excluded  # the zone says which two countries: far from it is elsewhere


def test_a_report_stands_for_its_site_unless_a_finer_place_lies_there() -> None:
    site = PlaceRef(ev("a", "Bint Jbeil area"), PlaceRole.SITE, LEBANON, PlaceLevel.COUNTRY)
    aimed = PlaceRef(ev("a", "Metula"), PlaceRole.DESTINATION, METULA, PlaceLevel.TOWN)
    near = PlaceRef(ev("a", "Nabatieh"), PlaceRole.NEAR, NABATIEH, PlaceLevel.TOWN)
    strike = mention("a", None, day(THU))
    # "struck in Lebanon in response to rockets fired towards Metula": Metula is elsewhere
    assert main_place(replace(strike, places=(site, aimed))) is site
    # "in Lebanon, near Nabatieh": the finer place lies in the site and stands for it
    assert main_place(replace(strike, places=(site, near))) is near


def _side(article: str, canonical: str, kind: ActorKind, country: str | None) -> ActorRef:
    return ActorRef(ev(article, canonical), canonical, canonical, kind, country)


def test_the_two_sides_of_a_clash_named_either_way_round_are_not_different_perpetrators() -> None:
    army, isis = ("military-sy", ActorKind.STATE_FORCES, "SY"), ("islamic-state", ActorKind.REBEL_GROUP, None)
    clash = replace(
        mention("a", NABATIEH, day(THU), actor=None),
        type=FIGHT,
        actor=_side("a", *army),
        recipient=_side("a", *isis),
    )
    attack = replace(
        mention("b", NABATIEH, day(THU), actor=None), actor=_side("b", *isis), recipient=_side("b", *army)
    )
    agreement = compare(clash, attack)
    assert not agreement.actor_conflict and agreement.joins
    # between two one-sided reports, who attacked whom still matters
    assert compare(replace(clash, type=attack.type), attack).actor_conflict


def test_an_actor_a_report_only_blames_does_not_keep_it_apart_but_disputes_the_event() -> None:
    # "soldiers killed Father Ellacuria" and "the general accused the rebels of killing Father Ellacuria":
    # the accusation names whom one side blames, not a second perpetrator
    army = ("military-sv", ActorKind.STATE_FORCES, "SV")
    rebels = ("fmln", ActorKind.REBEL_GROUP, "SV")
    told = replace(
        mention("a", None, day(THU), actor=None, recipient_text="Father Ellacuria"), actor=_side("a", *army)
    )
    blamed = replace(
        mention("b", None, day(THU), actor=None, recipient_text="Father Ellacuria"),
        actor=_side("b", *rebels),
        modality=Modality.ALLEGED,
    )
    agreement = compare(told, blamed)
    assert agreement.joins and not agreement.actor_conflict
    # given as the perpetrator, the rebels are another actor: without a shared town the reports stay apart
    assert compare(told, replace(blamed, modality=Modality.ASSERTED)).excluded
    events = merge_mentions([told, blamed], articles(("a", "A"), ("b", "B")))
    assert len(events) == 1
    assert events[0].claim_status is ClaimStatus.DISPUTED
    # the same two reports, both blaming the army, corroborate each other
    agreeing = replace(blamed, actor=_side("b", *army), modality=Modality.ASSERTED)
    (event,) = merge_mentions([told, agreeing], articles(("a", "A"), ("b", "B")))
    assert event.claim_status is ClaimStatus.CORROBORATED
