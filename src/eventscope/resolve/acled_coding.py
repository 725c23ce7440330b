"""ACLED conventions the product applies when it writes ACLED fields (the export and ``eval acled``).

ACLED codes violence whose perpetrator the report does not name to an "Unidentified Armed Group"
(codebook, actors: a political militia, inter 3), or to an identity militia (inter 4) when the report
sets it among communities; a demonstration's actor is protesters (inter 6), a riot's rioters (inter 5).
Every word list is general English or the agent lexicon's; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from eventscope.models import ACLED_INTER_CODE, ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in
from eventscope.resolve.acled_communal import COMMUNAL_WORDS, ELECTION_VIOLENCE, communal_sides, ethnic_words
from eventscope.resolve.acled_kind_cues import (
    BLAMED_BEFORE,
    FORMER_BEFORE,
    OFFICIALS_HARMING,
    RESPONDER_AFTER,
    SECURITY_MEASURES,
    TARGET_BEFORE,
    THING_AFTER,
    agent_of_passive,
    colleague_of_forces,
)
from eventscope.resolve.acled_kind_state import state_forces_named
from eventscope.resolve.acled_kind_words import communal, names_only_a_country
from eventscope.resolve.actor_attribution import attributed

ACLED_VIOLENCE = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
CROWD_INTER = {"Protests": 6, "Riots": 5}
# ACLED's actor names for unnamed actors, by inter code (codebook: "Unidentified Armed Group (Country)")
UNNAMED_ACTOR_NAMES = {
    3: "Unidentified Armed Group",
    4: "Unidentified Communal Militia",
    5: "Rioters",
    6: "Protesters",
}

# ACLED codebook (actors, political militias): violence whose perpetrator the report does not name is
# coded to "Unidentified Armed Group (country)", a political militia (inter 3), unless the report sets
# it among communities (resolve/acled_communal.py): the other community's militia (inter 4).
UNNAMED_PERPETRATOR = ActorKind.POLITICAL_MILITIA


def unnamed_perpetrator(mentions: Sequence[Mention], text: str = "") -> ActorKind:
    """The kind ACLED gives a perpetrator the report does not name: an identity militia when the
    report is about communities (a party is one, or the text speaks of clans, communities, ethnic or
    tribal groups, or names an ethnic group, and does not tell election violence whose sides are not
    communities), else an unidentified armed group (political militia)."""
    parties = [r for m in mentions for r in (m.actor, m.recipient) if r is not None]
    if any(r.kind is ActorKind.IDENTITY_MILITIA for r in parties):
        return ActorKind.IDENTITY_MILITIA
    if ELECTION_VIOLENCE.search(text) and not communal_sides(text):
        # election violence by men the report does not name: a political militia's (codebook,
        # political militias: violence for political ends, party militias), even where the report
        # calls the violence ethnic, unless it sets communities against each other as its sides
        return UNNAMED_PERPETRATOR
    words = set(re.findall(r"[a-z][a-z-]*", _PLACE_NAMED.sub(" ", text).lower()))
    if words & (COMMUNAL_WORDS | ethnic_words()):
        return ActorKind.IDENTITY_MILITIA
    return UNNAMED_PERPETRATOR


# A people's name that is part of a town's, road's or building's name ("Kisii town", "the Luo Road",
# "Masai Market") says where, not who. (A county or district named after its people is left: the
# codebook's communal militias are often told by the region of their community.)
_PLACE_NAMED = re.compile(
    r"\b[A-Z][\w-]*\s+(?=(?:[Tt]own|[Rr]oad|[Ss]treet|[Mm]arket|[Tt]rading [Cc]entre|[Ee]state|[Hh]ospital|"
    r"[Pp]olice [Ss]tation|[Ss]chool|[Hh]ighway)\b)"
)


# Words for people whom the report leaves unnamed ("three men", "an unknown group"): the perpetrator is
# named where the event is, and unnamed (codebook: Unidentified Armed Group).
_PEOPLE = re.compile(r"\b(?:men|man|women|woman|group|groups|people|persons|person|individuals|boys)\b")


def inter1_code(
    acled_type: str,
    named: int | None,
    mentions: Sequence[Mention],
    text: str = "",
    *,
    groups: Sequence[ActorRef] = (),
    victim: Evidence | None = None,
    actor: ActorRef | None = None,
    sub_type: str = "",
) -> int | None:
    """ACLED's ``inter1`` for an event: a demonstration's actor is its crowd (protesters 6, rioters 5);
    otherwise the named actor's code (``named``); for violence whose ``actor`` is no one known (none, a
    pronoun, a weapon: "bullets killed"), the armed actor the report names elsewhere
    (:func:`armed_actor_named`: ``groups`` are the named armed groups the caller found in ``text``,
    ``victim`` the event's target, never its actor); else, and for people of no known kind ("three
    men", "an unknown group"), :func:`unnamed_perpetrator`'s; None when nothing says. An ``actor`` that
    is only a country or people is no one named (:func:`names_only_a_country`)."""
    if acled_type in CROWD_INTER:
        return CROWD_INTER[acled_type]
    if actor is not None and names_only_a_country(actor, text):
        named, actor = None, None  # "raiders from Ethiopia" read as "Ethiopia": where they came from
    if acled_type in ACLED_VIOLENCE and colleague_of_forces(actor, victim):
        return ACLED_INTER_CODE[ActorKind.STATE_FORCES]  # "an officer was shot by a colleague"
    if acled_type in ACLED_VIOLENCE and (named is None or unidentified(actor)):
        group = attributed_group(text, groups, victim) or named_before(actor, text, groups, victim)
        if group is not None:  # "gunmen believed to be members of X", "X claimed responsibility"
            return ACLED_INTER_CODE[group]
    if named is None and acled_type in ACLED_VIOLENCE:
        fallback = unnamed_perpetrator(mentions, text)
        unnamed = actor is not None and _PEOPLE.search(actor.evidence.text.lower()) is not None
        kind = None if unnamed else armed_actor_named(text, groups, victim)
        if kind is None and OFFICIALS_HARMING.search(text):
            kind = ActorKind.STATE_FORCES  # "officials evicting settlers beat people"
        if kind is None or (kind is ActorKind.POLITICAL_MILITIA and fallback is ActorKind.IDENTITY_MILITIA):
            kind = fallback  # unnamed armed men among communities: their community's militia
        return ACLED_INTER_CODE[kind]
    if named is None and acled_type:  # an arrest or a development: its actor is the one the report names
        # codebook, Arrests: detention by state forces (or the authority that holds the territory); the
        # armed group a report names beside an arrest is the arrested ("seven al-Shabaab suspects")
        if sub_type == "Arrests" or (
            acled_type == "Strategic developments" and SECURITY_MEASURES.search(text)
        ):
            return ACLED_INTER_CODE[ActorKind.STATE_FORCES]  # security measures are the state's too
        kind = armed_actor_named(text, groups, victim)
        if kind is None and acled_type == "Strategic developments":
            kind = unnamed_perpetrator(mentions, text)
        return ACLED_INTER_CODE[kind] if kind is not None else None
    if (
        named == ACLED_INTER_CODE[ActorKind.POLITICAL_MILITIA]
        and actor is not None
        and actor.canonical_id is None  # a group the dictionary names keeps its kind (SLDF, Mungiki)
        and communal(actor, text)
    ):
        return ACLED_INTER_CODE[ActorKind.IDENTITY_MILITIA]
    return named


def named_before(
    actor: ActorRef | None, text: str, groups: Sequence[ActorRef], victim: Evidence | None = None
) -> ActorKind | None:
    """The kind of the named armed group that "the attackers", "the militants" refer back to: a definite
    generic agent after a sentence whose subject is that group ("X militants attacked the town. The
    militants burnt ..."), not its target."""
    if actor is None or not _DEFINITE.match(actor.evidence.text):
        return None
    start = actor.evidence.start
    low = text.lower()
    for g in groups:
        s = g.evidence.start
        if s >= start or g.kind not in ARMED_KINDS or (victim is not None and victim.start <= s < victim.end):
            continue
        if _SENTENCE_START.search(text[max(0, s - 30) : s]) and not TARGET_BEFORE.search(
            low[max(0, s - 40) : s]
        ):
            return g.kind
    return None


_DEFINITE = re.compile(r"(?i)the\s")
# A group named first in its sentence (the subject), optionally after "suspected".
_SENTENCE_START = re.compile(
    r"(?:^|[.;!?]\s+|\]\s*|\d{4},?\s+|:\s+)(?:(?:[Ss]uspected|[Aa]lleged|[Tt]he)\s+)?$"
)


def unidentified(actor: ActorRef | None) -> bool:
    """A generic armed agent of no named group ("gunmen", "unknown assailants"): political militia
    words the dictionary knows only as a kind."""
    return actor is not None and actor.canonical_id is None and actor.kind is ActorKind.POLITICAL_MILITIA


def attributed_group(
    text: str, groups: Sequence[ActorRef], victim: Evidence | None = None
) -> ActorKind | None:
    """The kind of the first named armed group the text attributes the violence to
    (:func:`actor_attribution.attributed`), not its target."""
    low = text.lower()
    for g in groups:
        start, end = g.evidence.start, g.evidence.end
        blamed = BLAMED_BEFORE.search(low[max(0, start - 30) : start]) is not None
        if (
            g.kind not in ARMED_KINDS
            or end > len(text)
            or (victim is not None and victim.start <= start < victim.end and not blamed)
        ):
            continue
        if not TARGET_BEFORE.search(low[max(0, start - 40) : start]) and attributed(text, start, end):
            return g.kind
    return None


def armed_actor_named(
    text: str, groups: Sequence[ActorRef] = (), victim: Evidence | None = None
) -> ActorKind | None:
    """The kind of the armed actor a report names as the perpetrator: the agent of a passive verb ("was
    shot by police") first, else the first armed actor named (a generic agent of agents.yaml, or one of
    the named ``groups``) that is not the target ("injuring three police officers", the ``victim``'s
    words) nor the responder ("before police intervened", "police said"): ACLED's notes and news
    ledes name the perpetrator first ("Police raid media outlets, ...")."""
    low = text.lower()
    found: list[tuple[int, int, ActorKind]] = [
        (g.evidence.start, g.evidence.end, g.kind)
        for g in groups
        if g.kind in ARMED_KINDS and g.evidence.end <= len(text)
    ]
    found += agents_in(text)
    # state forces named by their names or acronyms ("the UPDF", "KDF"), which are no agent head words
    found += [
        (r.evidence.start, r.evidence.end, ActorKind.STATE_FORCES)
        for r in state_forces_named(text)
        if not any(s <= r.evidence.start < e for s, e, _ in found)
    ]
    found = [
        f
        for f in sorted(found)
        if not (victim is not None and victim.start <= f[0] < victim.end)
        and not TARGET_BEFORE.search(low[max(0, f[0] - 40) : f[0]])
        and not RESPONDER_AFTER.match(low[f[1] : f[1] + 40])
        and not THING_AFTER.match(low[f[1] : f[1] + 30])
        and not FORMER_BEFORE.search(low[max(0, f[0] - 25) : f[0]])
    ]
    agent = next((f for f in found if agent_of_passive(low[max(0, f[0] - 40) : f[0]])), None)
    if agent is not None:
        return agent[2]
    return found[0][2] if found else None


# Two-sided violence (ACLED codebook, Battles: "a violent interaction between two politically organized
# armed groups"; Violence against civilians is violence against unarmed non-combatants). A note tells the
# targets were armed when armed people are harmed in it ("two police reservists were shot dead", "killing
# 10 Al Shabaab fighters", "two of the attackers were killed") or when the target fought back ("were
# repulsed by the police", "pushed back the attackers", "returned fire"). General English.
_HARMED_AFTER = re.compile(
    r"^(?:\s+(?!(?:leave|leaves|left|kill|kills|killed|attack|attacks|attacked|shoot|shoots|shot)\b)[\w-]+)"
    r"{0,3}?\s+(?:(?:(?:were|was|are|is|have been|has been|had been|been|got|feared|reported|later)\s+)+"
    r"(?:\w+\s+)?(?:killed|shot|injured|wounded|hurt|dead)\b|(?:died|perished|dead|killed|shot dead|"
    r"injured|wounded|hurt)(?=\s*(?:[,.;:(]|$|in\b|by\b|at\b|during\b|after\b|when\b|while\b|on\b|"
    r"and\b|as\b|following\b)))"
)
_HARMED_BEFORE = re.compile(
    r"\b(?:killing|killed|injuring|injured|wounding|wounded|shot|shooting|kill|kills|shoot|shoots)\s+"
    r"(?:(?!(?:by|when|after|while|before|and|as|in|during|following|because|but|then|who|which|that)\b)"
    r"[\w-]+\s+){0,4}$"
)
ARMED_RESISTANCE = re.compile(
    r"(?i)\b(?:repuls(?:e|ed|ing)|repell?(?:ed|ing)?|pushed back|fought (?:off|back)|fight back|"
    r"returned fire|return fire|exchanged? (?:of )?(?:fire|gunfire)|gun ?battles?|shoot-?outs?|"
    r"fire ?fights?|cross-?fire|overpowered|driven out|drove out|(?:casualties|deaths) on both sides|"
    r"(?:responded|respond|responds|retaliated)\W+(?:by\s+)?(?:killing|shooting)|"
    r"engaged? (?:with )?the (?:attackers|raiders|militants|gunmen|bandits|assailants))\b"
)
# Armed people among the harmed: "kill seven, including police officers", "among the dead are two
# police reservists".
_HARMED_AMONG = re.compile(
    r"(?:\b(?:kill\w*|injur\w*|wound\w*|dead|shot)\b[^.;]{0,40}\bincluding|"
    r"\bamong (?:the )?(?:dead|killed|injured|wounded|victims|casualties)(?: (?:are|were|was|is))?)"
    r"\s+(?:[\w-]+\s+){0,3}$"
)
# Off-duty or retired members of the forces are unarmed when attacked; herders, communities and clans
# named as victims are the people of a community, not its militia.
# Officers of a civilian office ("a Red Cross officer", "electoral officers", "a court security
# officer", "a health officer") are no armed side.
_CIVIL_OFFICE = (
    r"\b(?:red cross|electoral|election|presiding|returning|polling|tallying|medical|health|aid|relief|"
    r"ngo|court|education|agricultural|veterinary|information|revenue|"
    r"immigration|county|lands|probation|fisheries|welfare)"
)
_NOT_ARMED_BEFORE = re.compile(
    rf"\b(?:off-duty|off duty|unarmed|retired|former|ex-)(?:\s+[a-z-]+)?\s*$|{_CIVIL_OFFICE}\s*$"
)
_UNARMED_COMMUNAL = frozenset(
    {
        "herders",
        "herder",
        "pastoralists",
        "pastoralist",
        "communities",
        "community",
        "community members",
        "clans",
        "clan",
        "clan members",
        "tribes",
        "tribe",
        "tribesmen",
        "clansmen",
        "ethnic groups",
        "ethnic group",
    }
)


def armed_party_harmed(text: str) -> bool:
    """Whether the note reports armed people killed, shot or wounded (not off-duty ones, not herders
    or communities named as victims): the violence met an armed side, an armed clash in ACLED."""
    low = text.lower()
    for start, end, _ in agents_in(text):
        if _NOT_ARMED_BEFORE.search(low[max(0, start - 25) : start]) or low[start:end] in _UNARMED_COMMUNAL:
            continue
        before = low[max(0, start - 70) : start]
        if _HARMED_AFTER.match(low[end : end + 60]) or _HARMED_BEFORE.search(before[-40:]):
            return True
        if _HARMED_AMONG.search(before):
            return True
    return False


# --- the parties of a note's violence, by the codebook (used by evaluate/acled_notes.py)

# An abduction whose victim the note reports killed ("abducted and killed", "his body was found").
VICTIM_KILLED = re.compile(
    r"(?i)\b(?:killed|murdered|beheaded|shot dead|hacked to death|strangled|executed|"
    r"(?:body|bodies) (?:was |were )?(?:later )?(?:found|discovered|recovered|dumped))\b"
)


# Places and units held by armed state forces (general English).
SECURITY_SITE = re.compile(
    r"(?i)\b(?:police (?:station|post|camp|base|patrol|lines?|vehicles?|convoy)|military (?:base|camp|post|"
    r"patrol|convoy|vehicles?)|army (?:base|camp|post|patrol|convoy|barracks)|barracks|security "
    r"(?:checkpoint|post|camp|patrol|convoy)|checkpoints?|(?:naval|border|security|military|police) "
    r"patrols?|patrol (?:base|unit|vehicle))\b"
)


# The victims of mob justice: people suspected or accused of crimes or witchcraft (general English).
_OFFENCE = (
    r"(?:thie(?:f|ves)|thefts?|steal\w*|stole\w*|robber(?:y|s)?|rob\w*|burglar\w*|witch\w*|sorcer\w*|rapists?|"
    r"rap(?:e|ing)|murder\w*|killers?|kidnap\w*|criminals?|assault\w*|defil\w*|sodomi\w*|"
    r"blasphem\w*|insult\w*|conn(?:ed|ing)|fraud\w*)"
)
_SUSPECTED_OFFENDER = re.compile(
    r"(?i)\b(?:suspected|alleged|allegedly|accused|accusing|suspecting|suspicion|suspects?\s+(?:him|her|them|of))\b"
    rf"(?:\s+\w+){{0,3}}?\s+(?:of\s+)?(?:\w+\s+)?{_OFFENCE}\b"
    rf"|\b{_OFFENCE}\s+suspects?\b|\bfor\s+(?:allegedly\s+)?(?:steal\w*|rob\w*|theft)\b"
    r"|\blynch\w*|\bmob\s+justice|\bwitchcraft\b|\b(?:mistook|mistaken)\b[^.;]{0,25}\bfor\s+(?:a\s+|an\s+)?"
    rf"{_OFFENCE}"
)
_VIGILANTES = re.compile(r"(?i)\bvigilante")


def mob_justice(actor: ActorRef | None, text: str) -> bool:
    """Violence by a crowd, vigilantes or no one named against suspected offenders ("a mob lynched a
    suspected thief", "a vigilante group killed two suspected robbers", "mistook him for a thief"), and
    any violence of vigilantes: not organised armed groups' or the state's."""
    crowd = (None, ActorKind.RIOTERS, ActorKind.CIVILIANS)
    if actor is not None and _VIGILANTES.search(actor.evidence.text):
        return True  # vigilantes punish those they take for offenders: the word says it
    if actor is not None and actor.kind not in crowd:
        return False
    return _SUSPECTED_OFFENDER.search(text) is not None or _VIGILANTES.search(text) is not None


def unarmed_official(ref: ActorRef) -> bool:
    """A government (not its police or army), its officials ("two local government officials"), or
    members of the forces off duty: unarmed when attacked."""
    if ref.kind is not ActorKind.STATE_FORCES:
        return False
    if (ref.name or "").startswith("Government of") or _OFF_DUTY.search(ref.evidence.text):
        return True
    if re.search(_CIVIL_OFFICE + r"\s+(?:[a-z]+\s+)?officers?\b", ref.evidence.text.lower()):
        return True  # "a Red Cross officer", "the presiding officer"
    found = agents_in(ref.evidence.text, armed_only=False)
    # the agent lexicon's government family reads as civilians here (acled_coding.agent_heads)
    return bool(found) and found[-1][2] is ActorKind.CIVILIANS


_OFF_DUTY = re.compile(r"(?i)\boff[- ]duty\b")


def crowd_only(text: str) -> bool:
    """Whether the note names a crowd (a mob, a crowd, rioters, looters; youths may be a militia) and no
    armed actor that is not only its target or a responder (``armed_actor_named``)."""
    return bool(text) and _CROWD.search(text) is not None and armed_actor_named(text) is None


_CROWD = re.compile(r"(?i)\b(?:mobs?|crowds?|rioters|looters)\b")


def named_civilians(recipient: ActorRef | None) -> bool:
    """A target its words name as unarmed people ("killed 2 Kikuyu civilians", "attacked villagers"):
    ACLED codes violence against them as an attack whatever fighting the note also reports."""
    if recipient is None or recipient.kind is not ActorKind.CIVILIANS:
        return False
    found = agents_in(recipient.evidence.text, armed_only=False)
    return bool(found) and all(kind is ActorKind.CIVILIANS for _, _, kind in found)


def unnamed_actor_name(inter1: int | None, country: str) -> str:
    """ACLED's name for an actor the reports do not name, by its inter code ("" when it has none)."""
    name = UNNAMED_ACTOR_NAMES.get(inter1) if inter1 is not None else None
    return f"{name} ({country})" if name and country else name or ""


def sentences_text(mentions: Iterable[Mention]) -> str:
    """The reports' sentences, for word cues when the article text is not at hand."""
    return " ".join(dict.fromkeys(m.sentence.text for m in mentions))
