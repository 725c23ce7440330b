"""Words of an ACLED note about the violence around its main event, used by
:mod:`eventscope.evaluate.acled_notes`: fighting between groups or between neighbours over land and
water, an attack or raid that destroyed property belongs to, armed people a headline verb attacks,
people harmed in an arrest, and the explosive weapons a violent verb takes or a vehicle struck.

ACLED codebook: Looting/property destruction is destruction "not occurring alongside any other form of
violence"; Explosions/Remote violence is harm done by the weapon, not by people on the spot; identity
militias are groups organised around a community or, exceptionally, a livelihood. General English;
nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re

from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.acled_coding import ARMED_RESISTANCE, SECURITY_SITE

# Fighting the note reports (general English): "clashes between two communities", "fresh conflict
# between the clans", "in a gunfight"; not when denied ("no clashes were reported").
_FIGHTING = re.compile(
    r"(?i)\b(?:clash(?:es|ed)?|fighting|fought|battles?|gun ?fights?|shoot-?outs?|skirmish(?:es)?|"
    r"(?:conflict|violence|war|feud|hostilities)\s+between)\b"
)
_DENIED = re.compile(r"(?i)\b(?:no|without|not|nor|never)\b(?:\s+\S+){0,3}\s*$")


# An attack or raid the note reports, which property destroyed is part of (general English).
IN_ATTACK = re.compile(r"(?i)\b(?:attack(?:s|ed|ing)?|raid(?:s|ed|ing)?|invaded|stormed)\b")


def crowd_actor(actor: ActorRef | None) -> bool:
    """Whether the actor is a crowd (rioters or protesters)."""
    return actor is not None and actor.kind in (ActorKind.RIOTERS, ActorKind.PROTESTERS)


def fighting(text: str) -> bool:
    """Whether the note reports fighting between groups, not denied (_FIGHTING)."""
    return any(not _DENIED.search(text[max(0, f.start() - 30) : f.start()]) for f in _FIGHTING.finditer(text))


# A vehicle or people that hit a mine or a roadside bomb ("the bus struck a roadside bomb", "was hit by
# an IED", "ran over a landmine"), in a sentence that tells of no ambush or gunfire after it.
_MINE_STRUCK = re.compile(
    r"(?i)\b(?:hit|hits|struck|strikes?|ran\s+over|runs?\s+over|overran|ran\s+into|triggered|stepped\s+on|"
    r"drove\s+(?:over|into))\s+(?:by\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:ieds?|landmines?|"
    r"land\s+mines?|roadside\s+bombs?|explosive\s+devices?|mines?)\b"
)


def mine_struck(sentence: str) -> bool:
    """Whether a sentence tells of a mine or roadside bomb struck, with no ambush or gunfire in it."""
    return _MINE_STRUCK.search(sentence) is not None and not (
        ARMED_RESISTANCE.search(sentence) or re.search(r"(?i)\bambush|\bopen(?:ed)? fire|\bgun", sentence)
    )


# What neighbours fight over (general English): land, boundaries, grazing, water, livestock.
_RESOURCE = re.compile(
    r"(?i)\b(?:land|boundary|boundaries|border|grazing|pasture|pastures|water|borehole|boreholes|wells?|"
    r"cattle|livestock|farm|farms|plot|plots)\b"
)
# Sides named by their livelihood or their village ("farmers and herders", "residents of two villages").
_LIVELIHOOD_SIDES = re.compile(
    r"(?i)\b(?:farmers?|herders?|herdsm[ae]n|pastoralists?|villagers|villages|communities|squatters)\b"
    r"[^.;]{0,60}\b(?:farmers?|herders?|herdsm[ae]n|pastoralists?|villagers|villages|communities|squatters|"
    r"landowners?|beneficiaries)\b"
)


def communal_fight(sentence: str, text: str) -> bool:
    """Whether a fight with no state forces in its sentence is between neighbours over land, water,
    grazing or livestock, or between farmers and herders or villages: ACLED codebook, identity militias
    (groups organised around a community or, exceptionally, a livelihood) in an Armed clash."""
    if any(kind is ActorKind.STATE_FORCES for _, _, kind in agents_in(sentence)):
        return False
    return _LIVELIHOOD_SIDES.search(sentence) is not None or _RESOURCE.search(text) is not None


# Words between a headline verb and its object: "attacks and battles police", "attack the police post",
# "ambushed two Kenyan soldiers".
_OBJECT_LEAD = re.compile(
    r"\s+(?:(?:and|&)\s+[a-z]+\s+)?(?:(?:the|a|an|their|its|his|her|two|three|four|five|six|several|"
    r"some|\d+|[A-Z][\w'-]*)\s+){0,3}"
)


def armed_object(main: Mention, text: str) -> ActorRef | None:
    """The armed people or post a violent verb takes as its object when the parse lost it ("MRC
    attacks police officers at their camp", "raiders attack and battle police", "gang attacks police
    station"): state forces or another armed group (ACLED Battles); None when the object is not one."""
    trigger = main.trigger
    if not text or text[trigger.start : trigger.end] != trigger.text:
        return None
    lead = _OBJECT_LEAD.match(text, trigger.end)
    if lead is None:
        return None
    at = lead.end()
    rest = text[at : at + 40]
    site = SECURITY_SITE.match(rest)
    found = agents_in(rest)
    if site is not None:
        end, kind = site.end(), ActorKind.STATE_FORCES
    elif found and found[0][0] == 0 and found[0][2] is not ActorKind.EXTERNAL_OTHER:
        # guards and watchmen (external/other) are often one unarmed man at a gate: not this
        end, kind = found[0][1], found[0][2]
    else:
        return None
    return ActorRef(Evidence(main.article_id, at, at + end, text[at : at + end]), kind=kind)


# People beaten, tortured, shot or found dead in an arrest ("arrest and beat a man to death", "three of
# those arrested were later found dead"): not the harm that is the reason for the arrest ("arrested an
# officer who shot two colleagues", "in connection with an attack which killed four").
_HARM = re.compile(
    r"(?i)\b(?:killed|killing|shot|beat|beaten|beating|tortur\w+|found\s+dead|died|bodies|body)\b"
)
_CAUSE_BEFORE = re.compile(
    r"(?i)\b(?:who|which|that|for|over|suspected|accused|connection|linked|charged|blamed)\b[^.;,]{0,40}$"
)


def harm_in_arrest(text: str) -> bool:
    """Whether a note of an arrest tells of people harmed in it, not of the harm it was made for: the
    violence is then the event (ACLED codebook: Arrests are the detention itself; killings and torture
    by the forces are violence against civilians, or a clash when the arrested fought back)."""
    return any(
        not _CAUSE_BEFORE.search(text[max(0, found.start() - 60) : found.start()])
        and not _DENIED.search(text[max(0, found.start() - 30) : found.start()])
        for found in _HARM.finditer(text)
    )


_WEAPONS = (
    (re.compile(r"(?i)\bgrenades?\b"), "grenade"),
    (re.compile(r"(?i)\b(ieds?|explosives?|bombs?|landmines?|mines?|improvised)\b"), "explosives"),
)


# The weapon a violent verb takes ("struck a homemade landmine", "hit by an IED", "attacked them with
# an explosive device", "targeted with a bomb explosion"): general English.
_WEAPON_AFTER = re.compile(
    r"(?i)^\s+(?:(?:[\w'-]+\s+){0,4}?(?:with|using)\s+|(?:by|over|on|into)\s+)?(?:(?:a|an|the|two|three|"
    r"their|homemade|home-made|hand|roadside|road-side|suspected|improvised|planted|powerful)\s+){0,4}"
    r"(?:(ieds?|landmines?|land\s+mines?|(?:roadside\s+)?bombs?|explosive\s+devices?|explosives|"
    r"improvised\s+explosive)|(grenades?))\b"
)
FIREBOMB = re.compile(r"(?i)\b(?:petrol|molotov|fire)[- ]?bomb|\bmolotov")


def weapon_struck(main: Mention, text: str) -> str | None:
    """The ASSAULT mode of an explosive the violent verb itself takes ("their vehicle struck a
    landmine", "attacked a police post with grenades"): ACLED Explosions/Remote violence."""
    if not text or text[main.trigger.start : main.trigger.end] != main.trigger.text:
        return None
    found = _WEAPON_AFTER.match(text[main.trigger.end : main.trigger.end + 80])
    if found is None:
        return None
    return "grenade" if found.group(2) else "explosives"


def weapon_mode(phrase: str) -> str | None:
    """The ASSAULT mode of a weapon named where the attacker should be ("an IED killed", "a grenade
    exploded"): ACLED's Explosions/Remote violence sub-types."""
    return next((mode for pattern, mode in _WEAPONS if pattern.search(phrase)), None)
