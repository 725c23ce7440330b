"""What the sentence around a violent act says it was, beyond the act's own words (MUC-4 task
definition: a relevant incident is a specific terrorist act reported as having happened): a casualty of
combat, police work against the drug trade or crime, an exchange of fire, violence in a prison, a danger
rather than a deed, a kind of violence named by a bare noun, a report called false, a habit, a figure of
speech, a question, violence to be stopped, a span of months or years summed up, a toll of harm with
no doer, victim or date of its own, or torture (an instrument in the task, not a type). One predicate
each, over one mention and its sentence; :data:`muc4_exclusions.EXCLUSIONS
<eventscope.evaluate.muc4_exclusions.EXCLUSIONS>` tries them with the task's other exclusions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eventscope.evaluate.muc4_military import ARMED_GROUP_WORDS, CIVILIAN_WORDS
from eventscope.evaluate.muc4_text import is_bare, words_before, words_of
from eventscope.models import Mention


def _dated(mention: Mention) -> bool:
    return mention.time is not None and mention.time.evidence is not None


def _rest(mention: Mention) -> str:
    return mention.sentence.text[mention.trigger.end - mention.sentence.start :]


def _before(mention: Mention) -> str:
    return mention.sentence.text[: mention.trigger.start - mention.sentence.start]


# Words of combat in a sentence: deaths and wounds told there are casualties of the fighting.
COMBAT_WORDS = frozenset(
    {
        "combat", "combats", "fighting", "battlefield", "battlefields", "cross-fire", "crossfire",
        "skirmish", "skirmishes", "firefight", "clashes",
    }
)  # fmt: skip
# Harm words with no act of their own: who died in what the sentence says.
HARM_ONLY = ("kill", "die", "dead", "death", "wound", "injur", "casualt", "maim")


def is_combat_casualty(mention: Mention) -> bool:
    """Deaths or wounds in a sentence about combat ("three insurgents died where combat started", "a
    captain killed on the battlefield", "killed in the crossfire", "killed while fighting"):
    casualties of the war, which the task leaves out (military versus military)."""
    if not mention.trigger.text.lower().startswith(HARM_ONLY) or mention.type.plover_mode is not None:
        return False
    words = words_of(mention.sentence.text)
    # "several civilians were killed in heavy fighting": civilian victims are the task's, whatever the cause.
    return bool(words & COMBAT_WORDS) and not words & CIVILIAN_WORDS


# Things of the drug trade: destroying or raiding them is police work (eradication, seizures).
DRUG_TARGETS = frozenset(
    {
        "laboratory", "laboratories", "lab", "labs", "hectares", "plantation", "plantations", "crops",
        "cocaine", "marijuana", "poppy", "coca",
    }
)  # fmt: skip


def is_drug_enforcement(mention: Mention) -> bool:
    """Drug laboratories or crops destroyed or raided ("nine cocaine labs were destroyed in the
    jungle", "agents raided a refining laboratory", "20 hectares of poppy were destroyed"): law
    enforcement against the drug trade, not a terrorist act."""
    word = mention.trigger.text.lower()
    if not word.startswith(("destroy", "raid")):
        return False
    return bool(words_of(mention.sentence.text) & DRUG_TARGETS)


# State agents who raid as law enforcement, named before the raid ("the police raided a warehouse", "the
# troops ... raided two farms").
RAIDER_WORDS = frozenset({"police", "policemen", "authorities", "agents", "troops", "army", "military"})
HARM_WORDS = frozenset({"killed", "wounded", "injured", "dead", "died", "victims", "hurt"})


def is_police_raid(mention: Mention) -> bool:
    """A raid by the police or the army, named before it, with no one harmed and no armed group or
    civilian in the sentence ("the police later raided a warehouse used as a hideout", "agents combed the
    hills near the raided farms"): law enforcement; "a police post was raided" (passive: the police are
    the target) stays."""
    if not mention.trigger.text.lower().startswith("raid"):
        return False
    if words_before(mention, 1)[:1] in (["was"], ["were"], ["been"], ["be"]):
        return False
    words = words_of(mention.sentence.text)
    if words & (ARMED_GROUP_WORDS | HARM_WORDS | CIVILIAN_WORDS):
        return False
    return bool(words_of(_before(mention)) & RAIDER_WORDS)


def is_exchange_of_fire(mention: Mention) -> bool:
    """A shoot-out or gunfight ("a long shoot-out followed when agents stopped the car", "the gunfight
    lasted an hour"): an exchange of fire between armed sides, not an attack on a target."""
    text = mention.sentence.text[mention.trigger.start - mention.sentence.start :][:20].lower()
    return bool(re.match(r"(?:shoot|gun|fire)\W?(?:out|fight)", text))


PRISON_WORDS = frozenset(
    {"prison", "prisons", "jail", "jails", "penitentiary", "inmate", "inmates", "cellblock"}
)
RIOT_WORDS = frozenset({"uprising", "riot", "riots", "rioting", "mutiny", "revolt"})
# The place right after the act: "stabbed in the central prison yard", "killed inside the jail".
_IN_PRISON = re.compile(
    r"^\W*(?:to\s+death\s+)?(?:in|at|inside)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:prisons?|jails?|penitentiary|cellblock)\b",
    re.IGNORECASE,
)


def is_in_prison(mention: Mention) -> bool:
    """Violence in a prison ("an inmate awaiting trial was stabbed in the central prison yard", "the riot
    over jail food has left five injured"): crime or a riot among inmates, not a terrorist act; a prison
    named elsewhere ("the killer now sits in prison") is not where the act happened."""
    if _IN_PRISON.match(_rest(mention)):
        return True
    words = words_of(mention.sentence.text)
    return bool(words & PRISON_WORDS) and bool(words & RIOT_WORDS)


# Words of a prison riot: violence among inmates or against guards is not terrorism.
MUTINY_WORDS = frozenset({"inmate", "inmates", "mutiny", "mutinied", "mutineers", "mutinous"})


def is_prison_riot(mention: Mention) -> bool:
    """Violence in a prison riot ("inmates mutinied after raiding the armory")."""
    return bool(words_of(mention.sentence.text) & MUTINY_WORDS)


MAYBE_WORDS = frozenset({"might", "could", "would", "may", "will"})


def is_possible(mention: Mention) -> bool:
    """Violence said to be possible ("rumours of a possible attack on the minister", "a gang might
    attempt to kidnap his son"): a danger, not a reported act; "the bomb might have been detonated by a
    timer" guesses about a deed and stays."""
    before = words_before(mention, 3)
    if set(before) & {"possible", "potential"}:
        return True
    # a modal before "attempt to" or "try to": the attempt itself is only possible
    return (
        bool(set(before) & MAYBE_WORDS) and before[-1:] == ["to"] and bool(set(before) & {"attempt", "try"})
    )


_DETERMINERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "several",
    }
)  # fmt: skip
# Event nouns used bare, with no article, possessive or number ("accused of committing murder", "repression
# by means of torture and murder", "an act of robbery"): the kind of act, not one incident.
MASS_NOUNS = frozenset(
    {"murder", "torture", "robbery", "kidnapping", "terrorism", "assassination", "massacre"}
)
_HEAD_WORDS = _DETERMINERS | frozenset({"his", "her", "their", "its", "s", "this", "another", "one", "any"})
# Words that end a noun phrase on its left: what comes before them is not its determiner.
_PHRASE_EDGE = frozenset(
    {
        "of", "by", "for", "in", "on", "with", "to", "from", "against", "about", "amid", "during", "after",
        "before", "is", "are", "was", "were",
    }
)  # fmt: skip


def is_mass_noun(mention: Mention) -> bool:
    """An event noun in the singular with no article, possessive, victim or date of its own ("gangs that
    live by committing murder", "by means of torture and murder", "an act of robbery"): it names a kind of
    violence, not an incident the text reports."""
    word = mention.trigger.text.lower()
    if word not in MASS_NOUNS or mention.recipient is not None or _dated(mention):
        return False
    before = [w.lower() for w in re.findall(r"[A-Za-z'-]+|\d+", _before(mention))][-4:]
    if not before:
        return False  # a headline's first word
    for w in reversed(before):  # over adjectives and names back to the phrase's edge
        if w in _HEAD_WORDS or w.endswith(("'s", "'")) or w.isdigit():
            return False  # "this brutal murder", "the governor' murder", "the mayor's assassination"
        if w in _PHRASE_EDGE or w.endswith("ing"):
            return True  # "signs of torture", "by committing murder"
    return False


# A report said to be false ("the report that the consul was wounded is unfounded", "the journalist said
# to have been killed is alive and well").
_REFUTED = re.compile(
    r"\b(?:(?:is|was|are|were)\s+(?:\w+\s+)?(?:unfounded|false|untrue|baseless|groundless)|alive\s+and\s+well)\b",
    re.IGNORECASE,
)


def is_refuted(mention: Mention) -> bool:
    """Violence in a sentence that calls its report false ("the report that the consul was wounded by
    gunmen is totally unfounded", "the journalist said to have been killed is alive and well"): not
    reported as having happened."""
    return bool(_REFUTED.search(mention.sentence.text))


# Subjects before a verb's bare form that make it a habit: "when they take towns, they kidnap the mayors",
# "and then murder them" (news reports a deed in the past tense).
HABIT_SUBJECTS = frozenset({"they", "we", "then"})
# Past forms with no "-ed": "last night they blew up a pylon", "he then shot the guard".
IRREGULAR_PAST = frozenset(
    {"shot", "blew", "took", "set", "burnt", "stole", "hit", "beat", "fought", "threw"}
)


def is_present_habit(mention: Mention) -> bool:
    """A verb's bare form right after "they", "we" or "then", with no date of its own ("when they take
    towns, they kidnap the mayors", "the squads capture students and then murder them"): a habit, not one
    deed."""
    word = mention.trigger.text.lower()
    if _dated(mention) or word.endswith(("ed", "ing", "en", "s")) or word in IRREGULAR_PAST:
        return False
    before = words_before(mention, 1)
    return bool(before) and before[0] in HABIT_SUBJECTS


# Targets no weapon can hit: "an attack on the judicial branch", "its legitimacy was destroyed", "an
# explosion of joy".
ABSTRACT_WORDS = frozenset(
    {
        "legitimacy", "criterion", "credibility", "authority", "reputation", "honor", "freedom",
        "democracy", "joy", "hope", "hopes", "ideas", "values", "principles", "prestige",
    }
)  # fmt: skip


def has_abstract_target(mention: Mention) -> bool:
    """Harm to something abstract ("the decree is an attack on the judicial branch", "whatever
    legitimacy the cabinet had was destroyed", "an explosion of joy in the streets"): a figure of
    speech."""
    said = mention.recipient.evidence.text if mention.recipient is not None else ""
    rest = _rest(mention)
    if mention.trigger.text.lower().startswith("explo") and re.match(r"^\s+of\s", rest, re.IGNORECASE):
        said += " " + rest[:40]
    if re.search(r"\b(?:judicial|legislative|executive)\s+branch\b", said, re.IGNORECASE):
        return True  # a branch of government, not a bank's branch office
    return bool(words_of(said) & ABSTRACT_WORDS)


_QUESTION_START = re.compile(
    r"^\W*(?:does|do|did|can|could|would|will|should|is|are|was|were|has|have|why|how)\s",
    re.IGNORECASE,
)


def is_asked(mention: Mention) -> bool:
    """A sentence that asks, whether or not it ends with a question mark ("do bombs kill more people
    than hunger, the bishop asked"), with no date of the act's own."""
    return not _dated(mention) and bool(_QUESTION_START.match(mention.sentence.text))


# Verbs whose object is violence to be stopped, not violence done ("to halt the murder of activists",
# "measures to prevent kidnappings", "an end to the massacres").
_STOPPED = re.compile(
    # "ended the attack" tells of one that happened: only "an end to" asks for violence to stop.
    r"\b(?:halt\w*|stop\w*|prevent\w*|curb\w*|combat\w*|eradicat\w*|avoid\w*|an\s+end)"
    r"\s+(?:to\s+)?(?:the\s+|such\s+|these\s+|any\s+|further\s+|more\s+)?(?:[\w'-]+\s+)?$",
    re.IGNORECASE,
)


def is_to_be_stopped(mention: Mention) -> bool:
    """Violence named as what is to be stopped ("failed to halt the murder of activists", "to prevent
    attacks", "put an end to the massacres"), with no date of its own: a state of affairs, not a
    reported incident."""
    return not _dated(mention) and bool(_STOPPED.search(_before(mention)))


# A span of months or years the sentence sums up ("in only 3 months", "over the past two years",
# "in the last few months"): its violence is a tally of that span, not one incident.
_SPAN = re.compile(
    r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:past\s+|last\s+|only\s+|first\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several)\s+(?:months|years)\b",
    re.IGNORECASE,
)


# "the second attack in 2 months", "the fourth judge shot within 5 months": one incident, counted.
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})


def is_span_tally(mention: Mention) -> bool:
    """Violence with no date of its own in a sentence that sums up a span of months or years ("in only
    3 months the press reported 23 people killed in massacres"), unless it counts one incident among
    them ("the second attack in 2 months")."""
    text = mention.sentence.text
    return not _dated(mention) and bool(_SPAN.search(text)) and not words_of(text) & ORDINALS


# Trigger words that tell only harm done (not the act that did it): "killed", "wounded", "injured", "dead".
TOLL_WORDS = ("killed", "died", "dead", "wound", "injur", "casualt")


def is_bare_toll(mention: Mention) -> bool:
    """Deaths or wounds told with no doer, no victim of their own (none, or only quantifiers and pronouns
    that point back: "several were killed and wounded", "the one who was injured") and no date: a toll
    of something told elsewhere, or of the fighting in general, not a specific act reported by itself
    (the task asks for one act with its target); a message that tells the act has it in another
    sentence."""
    return (
        mention.trigger.text.lower().startswith(TOLL_WORDS)
        and mention.actor is None
        and (mention.recipient is None or is_bare(mention.recipient.evidence.text))
        and not _dated(mention)
    )


def is_torture(mention: Mention) -> bool:
    """Torture: the task lists it among the instruments of an attack, not among the incident types, so
    it is not an incident by itself ("the relatives of tortured persons", "an escalation of torture"); the
    killing it was the means of, when there is one, has a mention of its own."""
    return mention.type.plover_mode == "torture"


# The rules of this module, in the order muc4_exclusions.EXCLUSIONS tries them.
CONTEXT_EXCLUSIONS: tuple[Callable[[Mention], bool], ...] = (
    is_combat_casualty,
    is_drug_enforcement,
    is_police_raid,
    is_exchange_of_fire,
    is_in_prison,
    is_possible,
    is_mass_noun,
    is_refuted,
    is_present_habit,
    has_abstract_target,
    is_asked,
    is_to_be_stopped,
    is_span_tally,
    is_bare_toll,
    is_torture,
)
