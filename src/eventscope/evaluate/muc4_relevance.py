"""The MUC-4 task's relevance rules, as far as one mention shows them, and the message's main incident.

A message is relevant when it reports a terrorist incident (the task's definition): a violent act of a
MUC type (:func:`muc_type`), reported as done (not planned, denied, negated, going on, or a habit),
recent, one incident (not a kind of violence, a tally, a period, a summary), not an accident or a
seizure by authorities, and not military versus military. Each rule reads the mention's fields and
a few words of its sentence around the trigger, so it works on any pipeline output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from eventscope.models import ActorKind, Mention, Modality

# Trigger lemmas (lower case, as written) that name the MUC types PLOVER folds into ASSAULT or COERCE.
ARSON_WORDS = frozenset({"burn", "burned", "burnt", "burning", "torch", "torched", "arson", "set", "fire"})
ROBBERY_WORDS = frozenset(
    {
        "rob",
        "robbed",
        "robbery",
        "robberies",
        "steal",
        "stole",
        "stolen",
        "loot",
        "looted",
        "looting",
        "hold-up",
    }
)
STOPPAGE_WORDS = frozenset({"strike", "stoppage", "shutdown", "paro"})
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
# Words of explosive devices: damage or an attack told in a sentence that names one is a bombing.
EXPLOSIVE_WORDS = frozenset(
    {
        "bomb",
        "bombs",
        "explosion",
        "explosions",
        "explosive",
        "explosives",
        "dynamite",
        "blast",
        "blasts",
        "car-bomb",
        "grenade",
        "grenades",
    }
)
NOT_REPORTED = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})
RECENT = timedelta(days=62)
STATE = frozenset({ActorKind.STATE_FORCES})
ARMED = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})


def muc_type(mention: Mention) -> str | None:
    """The MUC-4 incident type of a mention, or None when it is not one (talk, movements, ...)."""
    plover, mode = mention.type.plover, mention.type.plover_mode
    word = mention.trigger.text.lower()
    if plover == "PROTEST" and mode in ("strike-gen", "strike-lim") and mention.actor is not None:
        kind = mention.actor.kind
        return (
            "FORCED WORK STOPPAGE"
            if kind is not None and kind.value not in ("protesters", "civilians")
            else None
        )
    if plover in VIOLENT or (plover == "COERCE" and mode in ("destroy", "confiscate")):
        if word in ARSON_WORDS or word.startswith(("burn", "torch", "arson")):
            return "ARSON"
        if word in ROBBERY_WORDS or word.startswith(("rob", "steal", "stole", "loot")):
            return "ROBBERY"
        if mode in ("explosives", "suicide-attack", "grenade"):
            return "BOMBING"
        if mode in (None, "destroy") and _words(mention.sentence.text) & EXPLOSIVE_WORDS:
            # "a bomb destroyed a bank branch", "damaged by the explosion": the damage is a bombing's.
            return "BOMBING"
        if mode == "abduct":
            return "KIDNAPPING"
        if plover == "COERCE":
            return "ROBBERY" if mode == "confiscate" else "ARSON"
        return "ATTACK"
    return None


def is_terrorist_incident(mention: Mention, published: date | None) -> bool:
    """The MUC-4 task's relevance rules, as far as a mention shows them: a reported (not planned,
    denied or negated) incident of the reporting period (within two months of the dateline), that is
    not a clash between armed forces and guerrillas nor a state operation against armed groups
    (the task's "military versus military" exclusion), and that is one incident: not a kind of violence
    (:func:`is_generic`), a tally (:func:`is_tally`, :func:`has_vague_victims`), a period
    (:func:`is_period`), an accident (:func:`is_accident`) or a seizure by authorities
    (:func:`is_seizure`). Where it happened is checked by :func:`predict` (``scope``)."""
    if muc_type(mention) is None or mention.modality in NOT_REPORTED:
        return False
    time = mention.time
    if time is not None and (
        time.historical or (published is not None and time.resolved and time.end < published - RECENT)
    ):
        return False
    if mention.type.plover == "FIGHT":
        return False
    if is_generic(mention) or is_tally(mention) or has_military_target(mention):
        return False
    if is_accident(mention) or is_period(mention) or is_seizure(mention) or has_vague_victims(mention):
        return False
    if is_ongoing(mention) or is_unrealised(mention) or is_modifier(mention) or is_campaign(mention):
        return False
    actor = mention.actor.kind if mention.actor is not None else None
    target = mention.recipient.kind if mention.recipient is not None else None
    return not (actor in STATE and target in ARMED)


# Words that make a target military (the task excludes attacks on the armed forces and combat
# casualties on either side). Police are not listed: the task counts attacks on police.
MILITARY_TARGET_WORDS = frozenset(
    {
        "soldier",
        "soldiers",
        "troops",
        "army",
        "regiment",
        "battalion",
        "brigade",
        "patrol",
        "convoy",
        "detachment",
        "garrison",
        "barracks",
        "guerrilla",
        "guerrillas",
        "rebel",
        "rebels",
        "enemy",
        "military",
        "servicemen",
        "paratroopers",
        "infantry",
        "insurgents",
        "patrols",
        "convoys",
        "garrisons",
        "battalions",
        "brigades",
        "regiments",
        "subversive",
        "subversives",
        "combatants",
        "helicopter",
        "helicopters",
        "paratrooper",
        "positions",
        "troop",
        "outpost",
        "outposts",
    }
)
TALLY_DEATHS = 150
# Words after a participle that leave it without an object ("guerrillas killed by", "soldiers wounded
# in"), unlike a verb's ("guerrillas dynamited the vehicle").
PARTICIPLE_AFTER = frozenset(
    {"", "by", "in", "during", "and", "on", "at", "has", "have", "was", "were", "so"}
)
# Words of an accident: deaths in a plane crash are not an attack.
ACCIDENT_WORDS = frozenset(
    {"accident", "accidents", "crash", "crashed", "earthquake", "collision", "derailed"}
)
# Victims counted this vaguely ("killed many people", "tens of thousands of Salvadorans") are a
# summary of violence, not one incident.
VAGUE_WORDS = frozenset({"many", "countless", "thousands", "hundreds", "numerous", "scores"})
PERIOD = timedelta(days=31)
DEFINITE_WORDS = frozenset({"the", "these", "those", "recent", "latest", "last"})
COUNT_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "both"}
)
SEIZE_WORDS = ("confiscat", "seiz", "impound")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()))


def is_accident(mention: Mention) -> bool:
    """Deaths or damage with no one doing them, in a sentence about an accident ("a plane crashed")."""
    return mention.actor is None and bool(_words(mention.sentence.text) & ACCIDENT_WORDS)


def is_period(mention: Mention) -> bool:
    """The text dates it to a period longer than a month ("in the past 3 years", "last year"):
    a summary of violence, not one incident."""
    t = mention.time
    return t is not None and t.evidence is not None and t.end - t.start > PERIOD


def is_seizure(mention: Mention) -> bool:
    """Confiscation or seizure (of weapons, drugs) is what authorities do; robbery words ("stole",
    "looted") stay robbery."""
    word = mention.trigger.text.lower()
    return mention.type.plover_mode == "confiscate" and word.startswith(SEIZE_WORDS)


# Words before an "-ing" form that make it a noun ("the killing of", "a bombing"), not a verb.
NOUN_MARKERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "of",
        "another",
        "new",
        "latest",
        "recent",
    }
)


def is_ongoing(mention: Mention) -> bool:
    """Violence told as going on or as a habit, not as a reported incident: a verb's "-ing" form with no
    date of its own ("the army is bombing civilian townships", "rebels continue killing"; "the killing of
    ..." is a noun and counts), or destruction in a verb's present form ("wants to destroy the state",
    "damaging the institution")."""
    word = mention.trigger.text.lower()
    if mention.type.plover_mode == "destroy" and word.startswith(("destroy", "damag")):
        return not word.endswith("ed")
    if not word.endswith("ing") or (mention.time is not None and mention.time.evidence is not None):
        return False
    before = re.findall(
        r"[A-Za-z']+", mention.sentence.text[: mention.trigger.start - mention.sentence.start]
    )
    return not before or before[-1].lower() not in NOUN_MARKERS


# Words before a verb's bare form that make it unrealised or a habit: "to attack", "must attack",
# "terrorists who attack students".
MODAL_WORDS = frozenset(
    {"to", "must", "will", "would", "can", "could", "may", "might", "should", "shall", "who"}
)
# Nouns after an event word that make it a modifier ("the bomb squad", "murder cases", "kidnapping
# charges"), not an event.
MODIFIED_NOUNS = frozenset(
    {
        "squad",
        "squads",
        "case",
        "cases",
        "charge",
        "charges",
        "threat",
        "threats",
        "scare",
        "scares",
        "trial",
        "investigation",
        "investigations",
        "suspect",
        "suspects",
        "plot",
        "plots",
        "victims",
        "launcher",
        "launchers",
        "rifle",
        "rifles",
        "factory",
        "factories",
    }
)
# People a participle can describe ("murdered people", "wounded rebels").
PEOPLE_NOUNS = frozenset(
    {
        "people",
        "persons",
        "person",
        "civilians",
        "rebels",
        "soldiers",
        "men",
        "women",
        "children",
        "relatives",
        "workers",
        "bodies",
        "victims",
        "youths",
        "prisoners",
        "guerrillas",
        "policemen",
    }
)
# What is launched when it is a campaign, not an incident ("launched a new offensive").
CAMPAIGN_WORDS = frozenset({"offensive", "offensives", "campaign", "campaigns", "operation", "operations"})


def _next_to(mention: Mention) -> tuple[str, str]:
    """The words just before and just after the trigger, lower case ("" at the sentence's ends)."""
    off = mention.trigger.start - mention.sentence.start
    before = re.findall(r"[A-Za-z0-9']+", mention.sentence.text[:off])
    after = re.findall(r"[A-Za-z0-9']+", mention.sentence.text[off + len(mention.trigger.text) :])
    return (before[-1].lower() if before else "", after[0].lower() if after else "")


def is_unrealised(mention: Mention) -> bool:
    """A verb's bare form after "to", a modal or "who" ("the order to assassinate", "we must attack
    terrorists", "terrorists who attack students"): a plan, a duty or a habit; an attempt still counts."""
    word = mention.trigger.text.lower()
    if mention.modality == Modality.ATTEMPTED or word.endswith(("ed", "ing", "en")):
        return False
    return _next_to(mention)[0] in MODAL_WORDS


def is_modifier(mention: Mention) -> bool:
    """The event word modifies a noun ("the police bomb squad", "political murder cases"), or is a
    participle describing people ("relatives of murdered people", "wounded rebels")."""
    after = _next_to(mention)[1]
    if mention.trigger.text.lower().endswith(("ed", "en")) and after in PEOPLE_NOUNS:
        return True
    return after in MODIFIED_NOUNS


def is_campaign(mention: Mention) -> bool:
    """Launching an offensive or a campaign: many actions, or none yet, not one incident."""
    word = mention.trigger.text.lower()
    return (
        word.startswith("launch")
        and mention.recipient is not None
        and bool(_words(mention.recipient.evidence.text) & CAMPAIGN_WORDS)
    )


def has_vague_victims(mention: Mention) -> bool:
    """Victims counted vaguely ("many people", "thousands of peasants") with no date of the event's own."""
    if mention.recipient is None or (mention.time is not None and mention.time.evidence is not None):
        return False
    return bool(_words(mention.recipient.evidence.text) & VAGUE_WORDS)


def has_military_target(mention: Mention) -> bool:
    """The victims or target are soldiers or guerrillas ("5 soldiers killed", "the attack on the 3d
    regiment", "a rebel was killed"): military versus military, not a terrorist incident."""
    word = mention.trigger.text.lower()
    before, after = _next_to(mention)
    if (
        word.endswith(("ed", "en"))
        and before in MILITARY_TARGET_WORDS | {"terrorists"}
        and (mention.actor is None or before not in mention.actor.evidence.text.lower())
        and after in PARTICIPLE_AFTER
    ):
        return True  # a participle after its victims: "the number of guerrillas killed by the troops"
    if mention.recipient is None:
        return False
    words = set(re.findall(r"[a-z]+", mention.recipient.evidence.text.lower()))
    return bool(words & MILITARY_TARGET_WORDS)


def is_tally(mention: Mention) -> bool:
    """A death toll in the hundreds with no date of its own ("70,000 Salvadorans have been killed")
    sums up years of violence; it is not one incident."""
    if mention.time is not None and mention.time.evidence is not None:
        return False
    return any(m.kind == "killed" and (m.low or 0) >= TALLY_DEATHS for m in mention.magnitudes)


def is_generic(mention: Mention) -> bool:
    """A plural event noun with no date of its own ("implicated in murders", "64 casualties as the
    result of attacks") names a kind of violence or a tally, not one incident; counted victims
    ("the murders of three reporters") make it a few incidents."""
    word = mention.trigger.text.lower()
    plural_noun = word.endswith("s") and not word.endswith("ss") and " " not in word
    has_own_date = mention.time is not None and mention.time.evidence is not None
    if mention.recipient is not None:
        # "the murders of three reporters": counted victims make the plural a few incidents.
        words = _words(mention.recipient.evidence.text)
        if words & COUNT_WORDS or re.search(r"\d", mention.recipient.evidence.text):
            return False
    if plural_noun and not has_own_date:
        # "the recent assassinations in San Pedro Sula", "the latest ETA attacks": a definite plural
        # points at incidents the reader knows, unlike "implicated in murders".
        off = mention.trigger.start - mention.sentence.start
        before = re.findall(r"[A-Za-z'-]+|[^\sA-Za-z'-]", mention.sentence.text[:off])[-2:]
        return not any(w.lower() in DEFINITE_WORDS for w in before)
    return False


def incidents(mentions: Sequence[Mention], published: date | None = None) -> list[Mention]:
    """The relevant incidents (:func:`is_terrorist_incident`) in text order; in a sentence, a specific
    type (bombing, kidnapping, arson, robbery) before a plain attack, then the most confident."""
    found = [m for m in mentions if is_terrorist_incident(m, published)]
    return sorted(
        found, key=lambda m: (m.sentence.start, muc_type(m) == "ATTACK", -m.confidence, m.trigger.start)
    )


def main_incident(mentions: Sequence[Mention], published: date | None = None) -> Mention | None:
    """The first relevant incident (:func:`incidents`), wherever it happened."""
    found = incidents(mentions, published)
    return found[0] if found else None
