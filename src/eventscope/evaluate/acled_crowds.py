"""Crowds in ACLED notes: when unarmed people are rioters, when a demonstration turned violent (and
when the violence named is only what it protests), and force used on demonstrators (ACLED codebook:
Protests, Riots, Rioters). Used by :mod:`eventscope.evaluate.acled_notes` and
:mod:`eventscope.evaluate.acled_main`; every word list is general English."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_mix_main import symbolic_burning
from eventscope.models import ActorKind, ActorRef, Mention
from eventscope.resolve.acled_agents import ARMED_KINDS, agents_in
from eventscope.resolve.acled_coding import COMMUNAL_WORDS, ethnic_words

VIOLENCE = frozenset({"ASSAULT", "FIGHT"})
STATE = ActorKind.STATE_FORCES

# Words of crowd control (ACLED codebook, Protest with intervention: dispersed with tear gas, water
# cannon, rubber bullets), as a trigger opens with them.
CROWD_CONTROL = re.compile(
    r"(?i)(dispers|fire|firing|lob|tear|gas|teargas|water|rubber|scatter|quell|disband)"
)

# Head nouns of unarmed groups of people (general English): when such a group fights or attacks, ACLED
# codes it as rioters (codebook, Rioters: "violent ... spontaneous or unorganised" groups; civilians and
# party supporters who turn violent). Armed and named groups are the actor dictionary's to know.
UNARMED_GROUP_HEADS = frozenset(
    {
        "supporters",
        "supporter",
        "followers",
        "factions",
        "faction",
        "camps",
        "sections",
        "members",
        "operators",
        "riders",
        "hawkers",
        "traders",
        "vendors",
        "squatters",
        "inhabitants",
        "dwellers",
        "workers",
        "students",
        "pupils",
        "fans",
        "congregants",
        "worshippers",
        "groups",
        "parties",
        "mourners",
        "motorists",
        "drivers",
        "touts",
        "farmers",
        "villagers",
        "residents",
        "locals",
    }
)

# Supporters, students, fans, traders and worshippers: crowds when they fight, never an armed side.
_CROWD_SIDES = re.compile(
    r"(?i)\b(?:supporters|followers|factions|fans|students|pupils|worshippers|congregants|churchgoers|"
    r"traders|hawkers|vendors|touts|operators|refugees|mourners|squatters|delegates|supportive|"
    # "rival groups", "political rivals": the sides of a contest, not armed forces
    r"rivals|rival\s+(?:political\s+)?(?:groups|camps|sides|supporters))\b"
)


def crowds_fight(sentence: str, actor: ActorRef | None) -> bool:
    """A fight whose sentence names crowds as its sides and no armed men, community or clan."""
    if actor is not None and actor.kind in ARMED_KINDS - {ActorKind.POLITICAL_MILITIA}:
        return False
    words = set(re.findall(r"[a-z][a-z-]*", sentence.lower()))
    if agents_in(sentence) or words & (COMMUNAL_WORDS | ethnic_words()) or ARMED_SIDE.search(sentence):
        return False
    return _CROWD_SIDES.search(sentence) is not None


# "armed rival groups", "armed youths": organised, armed sides (ACLED Battles), unlike people "armed
# with sticks", which crowds are
ARMED_SIDE = re.compile(r"(?i)\barmed\s+(?!with\b)")


def unarmed_group(phrase: str) -> bool:
    words = re.findall(r"[a-z]+", phrase.lower())
    return bool(words) and (
        words[-1] in UNARMED_GROUP_HEADS or any(w in UNARMED_GROUP_HEADS for w in words[:3])
    )


def state_intervention(m: Mention) -> bool:
    """Force used by the state (or by no one named) to control a crowd: dispersal, tear gas, arrests;
    not force the demonstration is about (:func:`force_as_grievance`)."""
    kind = m.actor.kind if m.actor is not None else None
    if kind not in (None, ActorKind.STATE_FORCES) or force_as_grievance(m):
        return False
    if m.type.plover == "COERCE":
        return (
            m.type.plover_mode == "arrest"
            or CROWD_CONTROL.match(m.trigger.text) is not None
            or kind is not None
        )
    return m.type.plover == "ASSAULT" and kind is ActorKind.STATE_FORCES


# Force named as a thing ("the arrest of", "forced evictions", "the recent killings", "his murder"):
# what a demonstration is about, when a demonstration is told.
_FORCE_NOUN = re.compile(
    r"(?i)^(?:arrests?|evictions?|killings?|murders?|deaths?|demolitions?|seizures?|crackdowns?|"
    r"shootings?|detentions?|abductions?|disappearances?|torture|harassment|brutality|assaults?)$"
)
_NOUN_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|his|her|their|its|this|these|those|recent|forced|alleged|continued|ongoing|"
    r"arbitrary|illegal|brutal|police|[\w-]+'s)\s+$"
)
# "a resident who was arrested", "children who were beaten by police": told of someone, in passing.
_RELATIVE_CLAUSE = re.compile(r"(?i)\b(?:who|whom|whose|which)\b[^,;:()]*$")
# "arrested the previous evening", "demolished last week": before the demonstration.
_EARLIER = re.compile(
    r"(?i)\b(?:the\s+(?:previous|preceding)\s+(?:day|night|evening|week)|the\s+day\s+before|"
    r"last\s+(?:week|month|night)|(?:days?|weeks?|months?)\s+(?:before|earlier|ago)|recently|earlier)\b"
)
# Words of crowd control, which are never a grievance of the crowd they control.
_CONTROL_WORD = re.compile(
    r"(?i)^(?:dispers|tear|teargas|gass|lob|water|rubber|scatter|quell|disband|broke|break)"
)


def force_as_grievance(m: Mention, *, demonstrated: bool = True) -> bool:
    """Whether force is told as what a demonstration in its sentence is about, not as used on it:
    its grievance ("protested the arrest of two traders", "protested after police shot a man"), the
    thing named ("demanding an end to the recent killings"), told in passing of someone else ("for
    their children who were beaten by police") or as earlier ("an MP arrested the previous evening").
    ``demonstrated``: only in a sentence that names a demonstration."""
    if _CONTROL_WORD.match(m.trigger.text):
        return False
    sentence, at = m.sentence.text, m.trigger.start - m.sentence.start
    if not 0 <= at <= len(sentence) or (demonstrated and DEMONSTRATED.search(sentence) is None):
        return False
    if about_grievance(sentence, at):
        return True
    before = sentence[:at]
    if _FORCE_NOUN.match(m.trigger.text) and (
        _NOUN_BEFORE.search(before) or sentence[at + len(m.trigger.text) :].startswith(" of ")
    ):
        return True
    if _RELATIVE_CLAUSE.search(before):
        return True
    after = sentence[at + len(m.trigger.text) : at + len(m.trigger.text) + 40]
    return _EARLIER.search(after.split(",")[0]) is not None


# What demonstrators do that makes a demonstration violent (ACLED codebook, Violent demonstration:
# vandalism, property destruction, breaking in, road-blocking with barricades or burning tyres,
# stone-throwing, looting).
_CROWD_VIOLENCE_WORDS = re.compile(
    r"(?i)\b(?:(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+)?(?:stones|rocks|missiles)|"
    r"stones?\s+thrown|stone[- ]throwing|(?:lit|lighting)\s+(?:\w+\s+)?(?:fires|bonfires)|"
    r"(?:burning|burnt|burned)\s+tyres|bonfires|barricades|looted|looting|vandali[sz]ed|"
    r"rioted|rioting|rioters|running\s+battles|violent\s+(?:protests?|demonstrations?)|"
    r"(?:destruction|destroying|damage|damaging)\s+(?:of\s+)?(?:\w+\s+)?property|"
    r"property\s+(?:destruction|damage)|(?:broke|broken|breaking)\s+into|"
    # the crowd's violence said in so many words, fires it lit, a forced entry
    r"turn(?:s|ed|ing)?\s+violent|violently|rowdy|marred\s+by\s+violence|rampage|"
    r"violent\s+(?:residents|youths?|crowds?|protesters|demonstrators|students|mobs?)|"
    r"(?:light|lights)\s+(?:\w+\s+)?(?:fires|bonfires)|"
    r"(?-i:burn(?:ed|t|s)|torch(?:ed|es)|set)\s+(?:(?:a|an|the|their|his|her|two|several|\d+)\s+)?"
    r"(?:\w+\s+){0,2}?(?:vehicles?|cars?|buses|bus|lorr(?:y|ies)|trucks?|buildings?|offices?|houses?|homes?|"
    r"shops?|stalls?|dormitor(?:y|ies)|schools?|stations?|property|tyres|tires)\b|"
    r"set\s+(?:\w+\s+){1,3}?(?:ablaze|alight|on\s+fire)|"
    r"riots?(?![\s-]+(?:police|policemen|squads?|officers?|units?|gear|control))|"
    r"(?:fights?|fighting|clashes|chaos|scuffles?|brawls?)\s+(?:erupted|broke\s+out)|"
    r"forcibly\s+enter\w*|forced\s+(?:their|his|her)\s+way|"
    r"(?:broke|breaking)\s+(?:through\s+)?(?:a|the)\s+police\s+(?:line|cordon))\b"
)


# "no reports of violence or clashes", "devoid of police presence and running battles", "without
# any violence": the report says the happening did not take place (general English).
_NONE_BEFORE = re.compile(
    r"(?i)\b(?:no(?:\s+reports?\s+of)?|without(?:\s+any)?|devoid\s+of|free\s+(?:of|from)|absence\s+of)"
    r"\s+(?:(?!(?:in|during|at|after|from|by|following|amid|was|were|is|are|reported)\b)[\w-]+\s+){0,5}?"
    r"(?:(?:or|and|nor)\s+)?$"
)


def said_not_to_happen(mention: Mention) -> bool:
    """Whether the words just before a noun trigger deny it ("no reports of violence or clashes",
    "devoid of ... running battles"): the noun is named as absent, not reported."""
    return _denied_before(mention.sentence.text, mention.trigger.start - mention.sentence.start)


def _denied_before(text: str, at: int) -> bool:
    """Whether the words before ``text[at]`` deny what is named there (``_NONE_BEFORE``)."""
    return _NONE_BEFORE.search(text[max(0, at - 60) : at]) is not None


def crowd_turned_violent(others: Sequence[Mention], text: str) -> bool:
    """Whether the note reports the crowd's violence: in another report, or in the words of the
    codebook's examples of a violent demonstration."""
    if any(_crowd_violence(m) and not said_not_to_happen(m) for m in others):
        return True
    return violence_in_words(text)


def violence_in_words(text: str) -> bool:
    """Whether the note tells the crowd's violence in the words of the codebook's examples of a
    violent demonstration (stones thrown, fires lit, looting, property destroyed), not denied and not
    what a demonstration protests."""
    return any(
        not _denied_before(text, found.start()) and not about_grievance(text, found.start())
        for found in _CROWD_VIOLENCE_WORDS.finditer(text)
    )


# Words that say people demonstrated (general English), and the words that then introduce what they
# demonstrated about ("protested over", "marched after", "demonstrated in response to").
DEMONSTRATED = re.compile(
    r"(?i)\b(?:protest(?:s|ed|ing|ers?|ors?)?|demonstrat\w*|demos?|march(?:ed|es|ing|ers)?|picket\w*|"
    r"sit-ins?|placards?|rall(?:y|ies|ied))\b"
)
_GRIEVANCE_CAUSE = re.compile(
    r"(?i)\b(?:against|over|about|after|following|because|in\s+(?:response|reaction|protest)\s+to|"
    r"demand(?:s|ed|ing)?|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|failure)\b"
)
# "victims of the clashes": people named by what they suffered
_VICTIMS_OF = re.compile(r"(?i)\b(?:victims|survivors|families)\s+of\s+(?:[\w-]+\s+){0,3}$")
# What ends the words about a grievance: punctuation, or "and" or a conjunction opening the crowd's
# next act ("protested over the arrest and burnt tyres", "marched over pay, blocking the road").
_GRIEVANCE_END = re.compile(
    r"(?i)[,;:()]|\s[-\u2013\u2014]\s|\b(?:and|but|then|while|before|when|where|by|led|lead|leading|"
    r"resulting|sparking|sparked)\b"
)
# Causes that open a clause ("after police shot a boy"), not a noun phrase.
_CLAUSE_CAUSES = frozenset({"after", "following", "because"})
_CROWD_SUBJECT = re.compile(
    r"(?i)\s+(?:it|they|(?:the|some|many)\s+(?:of\s+the\s+)?(?:protest|demonstrat|march|crowd|rall|mob)\w*)\s+"
    # what befell them or what they learnt is still the grievance ("after they found their stalls gone")
    r"(?!(?:found|learn\w*|heard|saw|discovered|were|was|had\s+been|are|is)\b)"
)
_RELATIVE = re.compile(r"(?i)\b(?:who|which|that|whose)\b")
# A verb in the past tense or the present plural ("clashed", "beat up", "clash with"), as headlines and
# notes tell the demonstrators' acts; nouns of violence end otherwise ("clashes", "killing", "arson").
_FINITE_VERB = re.compile(
    r"(?i)(?:\w+ed|beat|fought|threw|burnt|shot|stole|broke|set|hit|clash|fight|attack|burn|loot|stone)\b"
)
_WITH_FORCES_AFTER = re.compile(
    r"(?i)\w+\s+(?:\w+\s+)?(?:with|against)\s+(?:the\s+|anti-riot\s+|riot\s+)?"
    r"(?:police|officers|security|soldiers|troops|guards|askaris)"
)


def about_grievance(text: str, at: int) -> bool:
    """Whether the words at ``text[at]`` name what a demonstration named before them in the sentence
    is about ("protested after a man was burnt by soldiers", "marched against the demolition of their
    stalls", "demonstrated in response to the clashes"): ACLED codes a demonstration by what the
    demonstrators did (codebook, Protests and Riots), and the violence they protest is its cause."""
    start = max(text.rfind(". ", 0, at) + 1, 0)
    before = text[start:at]
    if _VICTIMS_OF.search(before[-40:]):
        # "victims of the clashes marched to the office": who demonstrated, by what they suffered
        end = text.find(". ", at)
        return DEMONSTRATED.search(text, at, end if end >= 0 else len(text)) is not None
    demos = list(DEMONSTRATED.finditer(before))
    if not demos:
        return False
    cause = _GRIEVANCE_CAUSE.search(before, demos[-1].end())
    if cause is None or _GRIEVANCE_END.search(before, cause.end()) is not None:
        return False
    if _CROWD_SUBJECT.match(before, cause.end()):
        return False  # "dispersed the march after it turned violent": the crowd's own act
    if _WITH_FORCES_AFTER.match(text, at):
        return False  # "protesting against the levy clash with police": the crowd fought
    # "against", "over": what is protested is a noun phrase ("the killing of", "the burning of stalls");
    # a verb after it is what the demonstrators did ("marching over pay beat up a guard"), unless a
    # relative clause tells the grievance ("against police who shot a boy")
    noun_cause = cause.group().lower() not in _CLAUSE_CAUSES
    verb = _FINITE_VERB.match(text, at) is not None
    return not (noun_cause and verb and _RELATIVE.search(before, cause.end()) is None)


def _crowd_violence(m: Mention) -> bool:
    """A report of demonstrators turning violent: a riot, or violence or damage by a crowd; not the
    violence the demonstration is about ("protested over the burning of their stalls")."""
    if about_grievance(m.sentence.text, m.trigger.start - m.sentence.start):
        return False
    if m.type.plover == "PROTEST":  # a coffin or effigy burnt is no violence (acled_mix_main)
        return m.type.plover_mode in ("riot", "obstruct") and symbolic_burning(m) is m
    kind = m.actor.kind if m.actor is not None else None
    return m.type.plover in VIOLENCE and kind in (ActorKind.RIOTERS, ActorKind.PROTESTERS)


def force_in_demonstration(
    main: Mention, actor: ActorRef | None, hit: ActorRef | None, others: Sequence[Mention], text: str
) -> tuple[ActorRef | None, ActorRef | None]:
    """Harm during a demonstration (ACLED codebook: Protests "though violence may be used against
    them", Riots when the demonstrators are violent): force on demonstrators who were violent anywhere
    in the note hits rioters; police hurt by no one named in a demonstration were hurt by its crowd."""
    if hit is not None and hit.kind is ActorKind.PROTESTERS and crowd_turned_violent(others, text):
        return actor, replace(hit, kind=ActorKind.RIOTERS)
    during = any(m.type.plover == "PROTEST" and m.sentence.start == main.sentence.start for m in others)
    if during and (actor is None or actor.kind is None) and hit is not None and hit.kind is STATE:
        return ActorRef(actor.evidence if actor is not None else main.trigger, kind=ActorKind.RIOTERS), hit
    return actor, hit
