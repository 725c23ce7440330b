"""Who a note tells harmed: unarmed people named as killed, wounded or attacked, and members of an
armed group or of the forces named as killed or wounded (used by
:mod:`eventscope.evaluate.acled_viol_victims` and :mod:`eventscope.evaluate.acled_viol_battles`).

ACLED codebook: Violence against civilians is violence against unarmed non-combatants; Battles are
violent interactions between organised armed groups. Whom a note names among the harmed is what tells
the two apart. Every word list is general English or the agent lexicon's; nothing is taken from ACLED
rows.
"""

from __future__ import annotations

import re

from eventscope.evaluate.acled_viol_weapons import EXCHANGE
from eventscope.models import ActorKind, ActorRef
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.acled_coding import ARMED_RESISTANCE, armed_party_harmed

# Civilian heads that say nothing of who the people were ("people", "a man", "victims"): a note that
# counts its dead this way does not say they were unarmed.
ANYONE = frozenset(
    {
        "people",
        "person",
        "persons",
        "man",
        "woman",
        "men",
        "victims",
        "youth",
        "supporters",
        "followers",
        "fans",
        "family",
        "families",
        "operators",
        "riders",
    }
)
# Harm told after the people, in the passive or a headline's participle ("were shot dead", "killed
# by", "three villagers killed."), not an active verb ("villagers killed two raiders").
_HARMED_AFTER = re.compile(
    r"^(?:\s+[\w'-]+){0,3}?\s+(?:(?:were|was|are|is|have been|has been|had been|been|got|later|"
    r"feared|reported)\s+)+(?:\w+\s+)?(?:killed|shot|injured|wounded|hurt|dead|murdered|hacked|stabbed|"
    r"abducted|kidnapped)\b"
    r"|^(?:\s+[\w'-]+)?\s+(?:killed|shot dead|shot|dead|injured|wounded)\s*(?:by|during|in|at|when|"
    r"after|while|,|\.|;|$)"
)
# Harm told before them ("killing three villagers", "attacked a group of fishermen", "leave civilians
# dead"); "the attack residents ..." is a noun, not the verb.
_HARMED_BEFORE = re.compile(
    r"\b(?:killing|killed|kill|kills|injuring|wounding|shot|shooting|shoot|(?<!the )(?<!an )attacks?|"
    r"attacked|attacking|(?<!the )(?<!an )assaults?|assaulting|assaulted|beating|beat|torturing|raping|raped|"
    r"targeting|targeted|murdered|murdering|hacked|stabbed|abducted|kidnapped|"
    r"(?<!the )leaves?|left)\s+(?:(?!(?:by|when|after|while|before|and|as|in|during|following|because|"
    r"but|who|which|that)\b)[\w'-]+\s+){0,4}$"
)
# A harm word that gives the reason for the event, not the event ("responsible for the killing of a
# tourist", "suspected of killing two herders", "to avenge the murder of").
_CAUSE = re.compile(
    r"\b(?:responsible|blamed|accus\w*|suspect\w*|suspicion|connection|linked|charged|wanted|avenge|revenge|"
    r"retaliation)\b[\w\s]{0,15}$"
)


def _harmed(low: str, start: int, end: int) -> bool:
    """Whether the people at low[start:end] are told harmed, not as the reason for the event."""
    if _HARMED_AFTER.match(low[end : end + 60]):
        return True
    window = max(0, start - 50)
    before = _HARMED_BEFORE.search(low[window:start])
    if before is None:
        return False
    at = window + before.start()
    return _CAUSE.search(low[max(0, at - 45) : at]) is None


def civilians_harmed(text: str) -> bool:
    """Whether the note names unarmed people (the agent lexicon's civilians, not bare "people" or "a
    man") as killed, wounded, abducted or attacked."""
    low = text.lower()
    return any(
        kind is ActorKind.CIVILIANS
        and low[start:end] not in ANYONE
        and not _MODIFIES.match(low, end)
        and _harmed(low, start, end)
        for start, end, kind in agents_in(text, armed_only=False)
    )


# A civilian word that names a thing, not people: "a passenger bus", "the refugee camp".
_MODIFIES = re.compile(
    r"\s+(?:bus|buses|vehicles?|cars?|lorry|lorries|trucks?|trains?|boats?|planes?|vans?|matatus?|"
    r"markets?|camps?|centres?|centers?|stations?|schools?|homes?|houses?|settlements?|convoys?)\b"
)


# Members of an armed group, named by what they are in it ("Mungiki members", "suspected militants",
# "gangsters"), and members of the forces ("two policemen", "a reservist").
_MEMBERS = re.compile(
    r"\b(?:members?|militants?|fighters?|militiam[ae]n|gangsters?|pirates?|insurgents?|suspects?"
    r"|policem[ae]n|police officers?|soldiers?|reservists?|troops|constables?|corporals?|sergeants?)\b"
)
_SET_ASIDE = re.compile(r"\b(?:off-duty|off duty|unarmed|retired|former|ex-)\b[\w\s-]{0,20}$")
# Members of no armed group: "a family member", "NGO staff members", "members of the local community".
_CIVIL_MEMBERS_BEFORE = re.compile(r"\b(?:staff|ngo|family|community|assembly|board|crew|church|team)\s+$")
_CIVIL_MEMBERS_AFTER = re.compile(
    r"^\s+of\s+(?:(?:the|a|an|one|his|her|their|same|local|[a-z]+)\s+){0,3}?"
    r"(?:family|families|community|communities|clan|clans|tribe|public|staff|clergy|parliament|assembly|"
    r"congregation|church|household|crew|board)\b"
)
# Armed members harmed: only in the passive or before them ("were killed", "killing five militants");
# "militants killed two" is what they did.
_PASSIVE_HARM = re.compile(
    r"^(?:\s+(?!(?:and|but|who|which|that|after|when|while|before|killed|shot)\b)[\w'-]+){0,6}?\s+"
    r"(?:(?:(?:were|was|are|is|have been|has been|had been|been|got|later)\s+)+"
    r"(?:\w+\s+)?(?:killed|shot|injured|wounded|dead)\b|(?:killed|shot dead|shot)\s*(?:by|during|in|at|"
    r"when|after|while|,|\.|;|$))"
)


def members_harmed(text: str) -> bool:
    """Whether the note tells members of an armed group (suspects, militants, gangsters) or of the
    forces killed or wounded, not as the reason for the event ("suspected of killing a policeman"):
    not off-duty or former ones, not members of a family or community."""
    low = text.lower()
    for found in _MEMBERS.finditer(low):
        start, end = found.span()
        if (
            _SET_ASIDE.search(low[max(0, start - 25) : start])
            or _CIVIL_MEMBERS_BEFORE.search(low[max(0, start - 12) : start])
            or _CIVIL_MEMBERS_AFTER.match(low[end : end + 50])
        ):
            continue
        window = max(0, start - 50)
        if _PASSIVE_HARM.match(low[end : end + 60]):
            return True
        before = _HARMED_BEFORE.search(low[window:start])
        if before is not None and not _CAUSE.search(
            low[max(0, window + before.start() - 45) : window + before.start()]
        ):
            return True
    return False


def one_sided(text: str) -> bool:
    """Whether the note's harm fell on unarmed people only: civilians named as harmed, no armed people
    harmed, no armed resistance and no exchange of fire."""
    return (
        civilians_harmed(text)
        and not armed_party_harmed(text)
        and ARMED_RESISTANCE.search(text) is None
        and EXCHANGE.search(text) is None
    )


# "fighting for his life" is a wounded man's state, not fighting between groups.
FIGHTING_FOR_LIFE = re.compile(r"(?i)\bfighting for (?:his|her|their) li(?:fe|ves)")
# Fighting the note gives as the setting or cause of its event, not the event: "a day after the two
# communities clashed", "part of the ongoing clashes", "linked to fighting between the clans".
SETTING = re.compile(
    r"(?i)\b(?:(?:one|a|two|three|the|several)\s+(?:day|days|week|weeks)\s+after|part of|linked (?:to|with)|"
    r"related to|in relation to|connected (?:to|with)|amid|spillover)\b[^.;]{0,120}"
)


def anyone_only(words: str) -> bool:
    """Whether a target's words name people only as people or a count ("4 people", "a man", "one")."""
    low = words.lower()
    return all(low[s:e] in ANYONE for s, e, _ in agents_in(words, armed_only=False))


def same_people(one: ActorRef, other: ActorRef | None) -> bool:
    """Whether two parties are the same words: the doer of violence is not its target, though a
    misread pronoun in another report of the note may make it so ("officers raided a home. They shot
    him")."""
    return other is not None and one.evidence.text.strip().lower() == other.evidence.text.strip().lower()
