"""General English around an actor's name that ACLED coding reads: words that make it the target of the
violence ("an attack on a police post", "injuring three officers"), its responder ("before police
intervened", "police said", "sending police rushing to the scene"), the agent of a passive verb ("killed
by suspected militants", "beaten by the Kenyan military"), the perpetrator a report blames ("blamed on
X"), a thing rather than an actor ("a police vehicle"), a former member ("a former police officer"), and
security measures, which are the state's ("security has been beefed up"), a government's agents told using
violence, and a colleague of the forces harmed.
"""

from __future__ import annotations

import re

from eventscope.extract.domain import country_words
from eventscope.models import ActorKind, ActorRef, Evidence
from eventscope.resolve.acled_agents import agents_in

# Security measures (general English): "security has been beefed up", "heightened security", "a curfew
# was imposed".
SECURITY_MEASURES = re.compile(
    r"(?i)\b(?:security\s+(?:has\s+been|have\s+been|was|were|is\s+being)\s+(?:beefed|tightened|stepped|"
    r"heightened|increased|reinforced|boosted)|(?:heightened|tightened|beefed[- ]up|increased|enhanced)\s+"
    r"security|(?:curfew|state of emergency)\s+(?:was|has\s+been|were)\s+(?:imposed|declared))"
)


# "blamed on X", "attributed to X", "carried out by X": X is the perpetrator, even where the role finder
# took the object of "on" for the target.
BLAMED_BEFORE = re.compile(
    r"\b(?:blamed\s+on|attributed\s+to|claimed\s+by|carried\s+out\s+by|perpetrated\s+by)"
    r"(?:\s+(?:the|suspected|members\s+of|militants\s+of|fighters\s+of))*\s*$"
)


# General English around an actor's name that makes it the target of the violence ("an attack on a
# police post", "injuring three officers"), its responder ("before police intervened", "police said")
# or the agent of a passive verb ("killed by suspected militants").
DET = (
    r"(?:\s+(?:a|an|the|some|several|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|\d+|"
    r"suspected|alleged|unknown|unidentified|armed|heavily))*"
)
TARGET_BEFORE = re.compile(
    # "blamed on X" attributes the act to X: not its target
    r"(?<!blamed )(?<!blames )(?<!blame )"
    r"\b(?:on|against|at|targeting|targeted|injuring|wounding|killing|ambushing|ambushed|attacking|"
    r"attack|attacks|attacked|kill|kills|killed|shoot|shoots|shot|abduct|abducts|abducted|kidnapped)"
    + DET
    + r"\s*$"
)
AGENT_BEFORE = re.compile(r"\bby" + DET + r"\s*$")
# A force's name modifying a thing is no actor: "a police vehicle was hit", "despite a police curfew",
# "men wearing police uniforms", "taken to the police station".
THING_AFTER = re.compile(
    r"^\s+(?:vehicles?|station|stations|posts?|camps?|uniforms?|curfew|custody|cells?|lorry|lorries|"
    r"trucks?|cars?|barracks|checkpoints?|bases?|records?|statements?|sources?|reports?|spokes\w+|"
    r"headquarters|quarters)\b"
)
FORMER_BEFORE = re.compile(r"\b(?:off-duty|off duty|retired|former|ex-)(?:\s+[a-z-]+)?\s*$")
BY_WORDS = re.compile(r"\bby((?:\s+[a-z][\w'-]*){1,3})\s*$")


def agent_of_passive(before: str) -> bool:
    """Whether the words before an actor's name make it the agent of a passive verb: "by", then
    determiners, counts or a country's demonym ("beaten by the Kenyan military", "shot by two
    suspected Ugandan soldiers"), lower case."""
    if AGENT_BEFORE.search(before):
        return True
    found = BY_WORDS.search(before)
    if found is None:
        return False
    words = found.group(1).split()
    return any(w in country_words() for w in words) and all(
        w in country_words() or DET_WORD.fullmatch(w) for w in words
    )


DET_WORD = re.compile(
    r"a|an|the|some|several|two|three|four|five|\d+|suspected|alleged|unknown|unidentified|armed|heavily"
)
RESPONDER_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:later\s+)?(?:intervene|intervened|intervenes|intervention|investigat|respond|"
    r"said(?!\s+to\b)|say|says|confirm|recover|rescue|arrest|arrived|were called|was called|have launched|"
    r"launched a manhunt|are pursuing|suspect\b|suspects\b|believe\b|believes\b|"
    r"rush(?:ed|ing)?\b|described\b|describe\b|accuse[ds]?\b|have accused\b|cordon|"
    r"(?:have |has )?made (?:\w+ ){0,3}arrests?\b|"
    r"(?:found|discovered)\s+(?:the|a|an|\d+|two|three|four|five|several|bodies|body)\b|blamed?\b)"
)


# A government's agents told using violence ("officials evicting settlers beat people", "authorities
# assault and deport him", "assaulted by county officials"): the state's (codebook: state forces
# are the government and its agents); elsewhere officials speak and condemn, and are no perpetrator.
_HARM = (
    r"(?:beat|beats|beaten|assault(?:s|ed|ing)?|attack(?:s|ed|ing)?|torch(?:es|ed|ing)?|shot|shoot(?:s|ing)?|"
    r"kill(?:s|ed|ing)?|abduct(?:s|ed|ing)?|tortur(?:e|es|ed|ing)|whip(?:s|ped|ping)?|demolish(?:es|ed|ing)?)"
)
# after the officials, only forms that cannot be a headline's passive ("two officials killed in an
# ambush" tells them harmed)
_HARM_ACTIVE = (
    r"(?:beat|beats|beating|assaults?|assaulting|attacks?|attacking|torch(?:es|ing)?|shoots?|shooting|"
    r"kills?|killing|abducts?|abducting|tortur(?:e|es|ing)|whips?|whipping|demolish(?:es|ing)?)"
)
_OFFICIALS = r"(?:officials|authorities|administrators|officers of the (?:county|council))"
OFFICIALS_HARMING = re.compile(
    rf"(?i)\b{_OFFICIALS}\s+(?:\w+ing\s+(?:[\w-]+\s+){{0,4}}?)?(?:reportedly\s+|allegedly\s+)?"
    rf"{_HARM_ACTIVE}\b|\b{_HARM}\s+by\s+[\"'“]?(?:\w+\s+){{0,2}}{_OFFICIALS}\b"
)


def colleague_of_forces(actor: ActorRef | None, victim: Evidence | None) -> bool:
    """Whether the actor is a colleague of the forces harmed ("a soldier was shot by a colleague",
    "a fellow officer"): a member of the same forces."""
    if actor is None or victim is None or not _COLLEAGUE.fullmatch(actor.evidence.text.lower()):
        return False
    return any(kind is ActorKind.STATE_FORCES for _, _, kind in agents_in(victim.text))


_COLLEAGUE = re.compile(
    r"(?:(?:a|an|the|his|her|their|one|two|three)\s+)?(?:of\s+)?(?:his\s+|her\s+|their\s+)?"
    r"(?:colleagues?|fellow\s+(?:officers?|soldiers?|policem[ae]n|constables?|troops?))"
)
