"""The weapon a note says an attack used, when its main report names none: ACLED's Explosions/Remote
violence (used by :mod:`eventscope.evaluate.acled_viol_victims`).

ACLED codebook: Explosions/Remote violence are "one-sided violent events in which the tool for engaging
in conflict creates asymmetry by taking away the ability of the target to respond": grenades, bombs,
IEDs and landmines, air and drone strikes. A note whose main report is a plain attack ("Al Shabaab
attacks a town") and which tells, anywhere, of the grenades thrown or the blast that did the harm, with
no exchange of fire, reports such an event. Petrol bombs are not explosives (codebook: they are coded
as the attack or riot they are part of). General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re

from eventscope.evaluate.acled_violence_words import FIREBOMB
from eventscope.models import Mention
from eventscope.resolve.acled_coding import ARMED_RESISTANCE

# The weapon, by ACLED sub-event: grenades; air, drone or artillery strikes; other explosives.
_EXPLOSIVE = re.compile(
    r"(?i)\b(?:(grenades?)|(air ?strikes?|airstrikes?|drone strikes?|bombard\w*)|"
    r"(ieds?|improvised explosive devices?|roadside bombs?|landmines?|land mines?|car bombs?|bombs?|"
    r"explosives?|blasts?|explosions?))\b"
)
# Explosives that did no harm in this event: planned, planted, found or seized, or an earlier blast
# the note gives as the cause ("following an IED attack the day before", "suspected of the blast").
_NOT_USED = re.compile(
    r"(?i)\b(?:plan\w*|plant\w*|place|placing|recover\w*|seiz\w*|found|make|making|assembl\w*|defus\w*)"
    r"\b[\w\s]{0,20}$"
)
_EARLIER = re.compile(
    r"(?i)\b(?:following|after|connected|linked|previous|earlier|in response to|suspect\w*|accused)\b"
    r"[\w\s,-]{0,30}$"
)
# A bomb only spoken of: "a bomb threat", "a bomb scare", "a bomb hoax".
_THREAT_AFTER = re.compile(r"(?i)\s+(?:threats?|scares?|hoax(?:es)?|alerts?)\b")
# Two sides shooting at each other, beyond resolve/acled_coding.ARMED_RESISTANCE ("in the ensuing
# gunfight"): then the explosives were part of a battle.
EXCHANGE = re.compile(r"(?i)\b(?:gun ?fights?|fire ?fights?|gun ?battles?|shoot-?outs?|exchange of fire)\b")


def explosive_used(main: Mention, text: str) -> str | None:
    """The ASSAULT mode ("grenade", "aerial", "explosives") of the explosive weapon a note tells used
    in its main event, when that event is a plain attack (Violence against civilians, no mode) and the
    note tells of no exchange of fire; None otherwise."""
    coded = main.type
    if coded.acled_type != "Violence against civilians" or coded.acled_sub_type != "Attack":
        return None
    if coded.plover != "ASSAULT" or coded.plover_mode is not None:
        return None
    if ARMED_RESISTANCE.search(text) or EXCHANGE.search(text):
        return None
    for found in _EXPLOSIVE.finditer(text):
        before = text[max(0, found.start() - 40) : found.start()]
        firebomb = FIREBOMB.search(text[max(0, found.start() - 10) : found.end()])
        threat = _THREAT_AFTER.match(text, found.end())
        if _NOT_USED.search(before) or _EARLIER.search(before) or firebomb or threat:
            continue
        if found.group(1):
            return "grenade"
        return "aerial" if found.group(2) else "explosives"
    return None


# Gunfire the note tells alongside the explosion (general English): "the police opened fire after the
# blast", "then directed small arms fire at the police", "with grenades and AK-47s".
_GUNFIRE = re.compile(
    r"(?i)\b(?:open(?:ed|s)? fire|small[- ]arms fire|gunfire|gunshots|ak-?47s?|rifles|shot at|"
    r"shooting at|fired (?:at|on|back))\b"
)


def gunfire_with(text: str) -> bool:
    """Whether the note tells of gunfire or an exchange of fire alongside an explosive attack: the
    target could respond, so ACLED codes the fighting (codebook: Explosions/Remote violence are events
    where the weapon takes away the target's ability to respond)."""
    return bool(_GUNFIRE.search(text) or ARMED_RESISTANCE.search(text) or EXCHANGE.search(text))
