"""Property destroyed, looted or seized while no one is harmed: ACLED Looting/property destruction.

ACLED codebook (Strategic developments, Looting/property destruction): property destroyed or looted by
an organised or unknown actor "not occurring alongside any other form of violence" ("militants burnt
the station and a vehicle; no casualties were reported", "a gang raided the official's home and
vandalised his car; he was away"). Violence against civilians needs violence at people: an attack on a
village or a bus is one even when no one was hurt, unless the note says no one was; property destroyed
where people were killed, beaten, shot at or abducted is part of that violence; fighting is a battle,
a crowd's damage a riot (both coded elsewhere). Also here: a search by the forces that harmed no one
(:func:`search_without_harm`), and property burnt in answer to a killing (:func:`reprisal`). Every
word list is general English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_violence_words import crowd_actor, fighting
from eventscope.models import ActorKind, Mention, Modality
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.acled_coding import SECURITY_SITE
from eventscope.resolve.acled_communal import ethnic_words
from eventscope.resolve.ontology import crosswalk

_WEAK = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})
# Modes of an attack that may be on property alone: plain, destruction, stones, a seizure (hijacking).
_MODES = frozenset({None, "destroy", "primitive", "abduct"})

# A statement that there was no violence at all ("no violence was reported", "without violence").
NO_VIOLENCE = re.compile(
    r"(?i)\bno\s+(?:actual\s+|other\s+|further\s+|reported\s+)?violence|\bwithout\s+(?:any\s+)?violence"
    r"|\bnon-?violent(?:ly)?\b"
)
# A statement that no one was hurt ("no casualties were reported", "no one was injured", "the hotel
# was empty", "escaped unhurt"): removed before the note is searched for harm.
NO_HARM = re.compile(
    r"(?i)\b(?:(?:nobody|no-one|none|no\s+(?:one|body|person|people|civilians?|residents?|passengers?))\b[^.;]{0,30}?"
    r"\b(?:injur\w*|hurt|harmed|killed|wounded)"
    r"|no\s+(?:\w+\s+){0,2}?(?:injur\w*|casualt\w*|causalit\w*|fatalit\w*|deaths?|loss\s+of\s+life)"
    r"(?:\s+or\s+(?:injur\w*|casualt\w*|causalit\w*|fatalit\w*|deaths?))?"
    r"|without\s+(?:any\s+)?(?:injur\w*|casualt\w*|causalit\w*|fatalit\w*|harm\w*|loss\s+of\s+life)"
    r"|(?:was|were)\s+(?:not|never)\s+(?:harmed|hurt|injured)|unhurt|unharmed"
    r"|(?:was|were)\s+(?:empty|deserted|unoccupied|abandoned)|(?:was|were)\s+away|"
    + NO_VIOLENCE.pattern[4:]
    + ")"
)
# Harm to people, or violence at them, anywhere in the note (what makes the event violence).
_HARM = re.compile(
    r"(?i)\b(?:kill\w*|dead|death\w*|died|dies|die|injur\w*|wound\w*|hurt|shot|shots|shoot\w*|gunshots?|"
    r"fired|firing|gunfire|beat|beaten|beating|hack\w*|stabb?\w*|abduct\w*|kidnap\w*|rap(?:e|ed|es|ing)|"
    r"assault\w*|lynch\w*|murder\w*|bod(?:y|ies)|hostages?|tortur\w*|bullets?|sprayed|escap\w*|whipp\w*|flogg\w*|"
    r"maim\w*|crews?|casualt\w*|causalit\w*|fatalit\w*|victims?|hospital\w*|rescued|"
    r"chased|evict\w*|bomb\w*|explo\w*|grenades?|ieds?)\b"
)
# What was taken or destroyed (general English).
TAKEN = re.compile(
    r"(?i)\b(?:burn\w*|burnt|torch\w*|set\s+(?:\w+\s+){0,3}?(?:ablaze|alight|on\s+fire)|ablaze|"
    r"destroy\w*|destruct\w*|vandal\w*|loot\w*|stole|stolen|steal\w*|raz(?:e|ed|es|ing)|demolish\w*|"
    r"smash\w*|wreck\w*|damag\w*|arson\w*|plunder\w*|ransack\w*|pillag\w*|hijack\w*|seiz\w*|carted\s+away|"
    r"made\s+off\s+with|drove\s+off\s+with|broke\s+into|break\s+into)"
)
# Places where people live: an attack on one is an attack on its people unless the note says no one
# there was harmed.
_SETTLEMENT_WORDS = (
    r"villages?|hamlets?|towns?|areas?|settlements?|estates?|farms?|wards?|locations?|homesteads?|manyattas?|camps?|"
    r"slums?|orphanages?|hospitals?|communit(?:y|ies)|neighbou?rhoods?|centres?|centers?|markets?|schools?|"
    r"churches|church|mosques?"
)
_SETTLEMENT = re.compile(rf"(?i)\b(?:{_SETTLEMENT_WORDS})\b")
# Vehicles: what a hijacking seizes when it seizes no people.
_VEHICLE = re.compile(
    r"(?i)\b(?:vehicles?|cars?|trucks?|lorr(?:y|ies)|pick-?ups?|land\s*cruisers?|buses|bus|matatus?|"
    r"motorcycles?|motorbikes?|tankers?|boats?|planes?)\b"
)


def property_only(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    """``main`` coded Looting/property destruction when it is an attack on property with no one harmed:
    an armed or unknown actor's attack, destruction, looting or hijacking (not a crowd's; not
    explosives) in a note that reports property destroyed, looted or seized, no harm to people, and no
    fighting; its target is no people and no armed post, and a place where people live only when the
    note says no one was harmed. ``main`` unchanged otherwise."""
    if main.type.plover != "ASSAULT" or main.type.plover_mode not in _MODES or not text:
        return main
    if main.type.plover_mode == "destroy" and _BLOWN_UP.search(main.sentence.text):
        # "destroyed a mast using explosives": an explosion (ACLED Explosions/Remote violence, whose
        # target may be property), not looting
        return replace(main, type=crosswalk("ASSAULT", "explosives", actor_kind=_kind(main)))
    if main.type.acled_sub_type == LOOTING:
        return _with_harm(main)
    if main.modality in _WEAK or crowd_actor(main.actor) or _unarmed(main):
        return main
    note, text = text, _LEADING_LABEL.sub("", text, count=1)  # a heading before a colon is no report
    stated = NO_HARM.search(text) is not None
    if _harmed(mentions, NO_HARM.sub(" ", text)) or fighting(text) or _CROWD.search(text):
        return main
    # the report is of the destruction itself ("looted shops"), whatever the note calls the raid
    destroyed = main.type.plover_mode == "destroy" or TAKEN.match(main.trigger.text) is not None
    taken = TAKEN.search(text) is not None or destroyed
    if _LIVESTOCK_THEFT.search(text):
        return main  # raiders driving off herds: a raid on the herders (ACLED codes it an attack)
    target = main.recipient.evidence.text if main.recipient is not None and not _speaker(main, note) else ""
    if SECURITY_SITE.search(target) or SECURITY_SITE.search(text):
        return main  # an armed post attacked: the forces in it are the target (Battles)
    if main.recipient is not None and main.recipient.kind is ActorKind.STATE_FORCES:
        return main
    if main.type.plover_mode == "abduct" and (
        not _VEHICLE.search(target) or (_carrying(text) and not stated)
    ):
        return main  # people seized, not (only) a vehicle: an abduction
    people = agents_in(target, armed_only=False) or set(_words(target)) & ethnic_words()
    if people and not stated and not _VEHICLE.search(target) and not _property_word(target):
        return main  # "attacked villagers": violence at people
    if not stated and (
        ((not target or _SETTLEMENT.search(target)) and not destroyed) or _place_attacked(text)
    ):
        return main  # "raiders attacked a village": its people, unless none were harmed
    kind = main.actor.kind if main.actor is not None else None
    if taken:
        return replace(main, type=crosswalk("COERCE", "destroy", actor_kind=kind))
    if main.type.plover_mode is None and (
        (stated and _property_word(target) and not _SETTLEMENT.search(target)) or NO_VIOLENCE.search(text)
    ):
        # an attack on a building or a site, no one harmed and nothing said destroyed, or a raid the
        # note says was without violence: no violence at people; a development of no other kind
        # (ACLED codebook: Strategic developments, Other)
        return replace(main, type=crosswalk("COERCE", None, actor_kind=kind))
    return main


# Words for things, which the agent lexicon may read as people ("a tourist lodge").
_PROPERTY = re.compile(
    r"(?i)\b(?:houses?|homes?|huts?|shops?|stalls?|kiosks?|stores?|buildings?|offices?|stations?|masts?|"
    r"towers?|pylons?|property|properties|equipment|lodges?|hotels?|residences?|compounds?|premises|"
    r"billboards?|posters?|gates?|walls?|bridges?|pumps?|wells?|warehouses?|plants?|crops?|granar(?:y|ies)|"
    r"sites?|points?|machinery|livestock|cattle|goats?|camels?|sheep|cows?)\b"
)


# An attack on a place where people live: "attacked the village of X", "farms attacked", "raided Y".
_ATTACK_VERB = r"(?:attack(?:s|ed|ing)?|raid(?:s|ed|ing)?|struck|strikes?)"
_PLACE_ATTACKED = re.compile(
    rf"\b{_ATTACK_VERB}\s+(?:the\s+|a\s+|an\s+|two\s+|several\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_SETTLEMENT_WORDS}|residences?|homes?|houses?)\b"
    rf"|\b(?:{_SETTLEMENT_WORDS}|residences?|homes?|houses?)\s+(?:were\s+|was\s+)?{_ATTACK_VERB}\b"
    rf"|\b(?-i:{_ATTACK_VERB})\s+(?-i:[A-Z][a-z]+)\b(?!\s+(?:(?-i:[A-Z])|police|station|post|camp|offices?))",
    re.IGNORECASE,
)


def _place_attacked(text: str) -> bool:
    return _PLACE_ATTACKED.search(text) is not None


LOOTING = "Looting/property destruction"
# People harmed in the destruction's sentence (", killing its four occupants", "and injured two"); not
# the harm it avenged ("after a man was killed", "in revenge for the killing").
_SENTENCE_HARM = re.compile(
    r"(?i)\b(?:kill(?:ed|ing|s)?|injur(?:ed|ing|ies)|wound(?:ed|ing)|hurt|dead|died|shot|hack(?:ed|ing)|"
    r"stabb(?:ed|ing)|beat(?:en|ing)?|abduct(?:ed|ing)|kidnapp(?:ed|ing))\b"
)
_CAUSE_BEFORE = re.compile(
    r"(?i)\b(?:after|following|over|revenge|retaliation|avenge|for|since|because)\b(?:\s+\S+){0,6}\s*$"
)


def _with_harm(main: Mention) -> Mention:
    """Destruction coded Looting whose sentence reports people harmed in it: the violence is the event
    (ACLED codebook: Looting/property destruction only "not occurring alongside any other form of
    violence"), an attack on the people there."""
    sentence = main.sentence.text
    for found in _SENTENCE_HARM.finditer(sentence):
        before = sentence[: found.start()]
        if _CAUSE_BEFORE.search(before) or re.search(
            r"(?i)\b(?:no|not|without|nor)\b(?:\s+\S+){0,3}\s*$", before
        ):
            continue
        actor = main.actor.kind if main.actor is not None else None
        return replace(
            main, type=crosswalk("ASSAULT", None, actor_kind=actor, recipient_kind=ActorKind.CIVILIANS)
        )
    return main


def _speaker(main: Mention, text: str) -> bool:
    """Whether the target the parse gave is the one who told of it ("officials said goons vandalised it")."""
    evidence = main.recipient.evidence if main.recipient is not None else None
    if evidence is None or text[evidence.start : evidence.end] != evidence.text:
        return False
    return (
        re.match(r"\s+(?:said|says|say|told|reported|claimed)\b", text[evidence.end : evidence.end + 12])
        is not None
    )


# Property destroyed with explosives ("using explosives", "with an IED", "blew up"); petrol bombs are
# arson (ACLED codebook: not explosives).
_BLOWN_UP = re.compile(
    r"(?i)\b(?:(?:using|with|by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?<!petrol\s)(?<!petrol-)"
    r"(?:explosives?|bombs?|ieds?|grenades?|dynamite|landmines?|mines?|rockets?|mortars?)|"
    r"blew\s+up|blown\s+up|blowing\s+up)\b"
)


def _kind(main: Mention) -> ActorKind | None:
    return main.actor.kind if main.actor is not None else None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z-]*", text.lower())


# A heading the note opens with ("Update:", "Security situation:"): a few words before a colon.
_LEADING_LABEL = re.compile(r"^\s*[A-Z][A-Za-z/ -]{2,40}:\s+")
# A crowd (ACLED codes its damage a riot): named anywhere in the note.
_CROWD = re.compile(
    r"(?i)\b(?:mobs?|crowds?|rioters?|rioting|riots?|protest\w*|demonstrat\w*|supporters|students|pupils|"
    r"youths?|residents|villagers|traders|workers|strikers|fans|looters)\b"
)
# Herds driven off ("stole 300 cattle", "livestock were stolen", "cattle rustlers")
_LIVESTOCK = r"(?:cattle|livestock|cows?|goats?|camels?|sheep|animals|herds?|donkeys?)"
_LIVESTOCK_THEFT = re.compile(
    rf"(?i)\b(?:stole|stolen|steal\w*|took|taken|drove\s+off|driving\s+off|made\s+off\s+with|loot\w*|"
    rf"rustl\w*|raid\w*)\b(?:\s+\S+){{0,4}}?\s+{_LIVESTOCK}\b|\b{_LIVESTOCK}\b(?:\s+\S+){{0,3}}?\s+"
    rf"(?:stolen|taken|driven\s+off|looted|rustled)\b|\brustling\b|\b(?:cattle|livestock)\s+raids?\b"
)
# A vehicle seized with its people ("a bus carrying ten passengers"): people abducted
_RIDERS = re.compile(
    r"(?i)(?:\S+\s+){0,2}?(?:passengers|travell?ers|commuters|pupils|students|crew|tourists|workers|people|"
    r"voters|officials|families|women|children|men)\b"
)
_CARRYING = re.compile(r"(?i)\b(?:carrying|ferrying|transporting|with)\s+")


def _carrying(text: str) -> bool:
    """Whether the note tells of a vehicle carrying people ("cars carrying voters")."""
    return any(
        _RIDERS.match(text[m.end() : m.end() + 30])
        or any(start <= 12 for start, _, _ in agents_in(text[m.end() : m.end() + 30], armed_only=False))
        for m in _CARRYING.finditer(text)
    )


def _property_word(target: str) -> bool:
    return _PROPERTY.search(target) is not None


def _unarmed(main: Mention) -> bool:
    """An actor of the civilians' kind ("residents", "traders"): their damage is a riot's, not this."""
    return main.actor is not None and main.actor.kind is ActorKind.CIVILIANS


# Animals killed or maimed ("100 camels were killed", "shot dead 30 goats"): property, not people.
_ANIMAL = r"(?:camels?|cattle|cows?|goats?|sheep|donkeys?|livestock|animals|herds?|bulls?|oxen|dogs?)"
_ANIMALS_HARMED = re.compile(
    rf"(?i)\b{_ANIMAL}\s+(?:[\w-]+\s+){{0,3}}?(?:killed|slaughtered|maimed|shot|hacked|poisoned)\b"
    rf"|\b(?:kill\w*|slaughter\w*|maim\w*|shot|shoot\w*|hack\w*|poison\w*)\s+(?:[\w-]+\s+){{0,3}}?{_ANIMAL}\b"
)


def _harmed(mentions: Sequence[Mention], text: str) -> bool:
    """Whether the note reports people harmed or violence at people: a killed or injured count on any
    report, or a harm word in the note (``text`` with its no-harm statements removed)."""
    if any(
        g.kind in ("killed", "injured")
        and (g.low or 0) > 0
        and not re.search(rf"(?i)\b{_ANIMAL}\b", g.evidence.text)
        for m in mentions
        if m.modality not in _WEAK
        for g in m.magnitudes
    ):
        return True
    if _HARM.search(_ANIMALS_HARMED.sub(" ", text)) is not None:
        return True
    low = text.lower()
    # "attacked villagers", "raided homes and attacked residents": violence at people the note names
    return any(
        any(start <= 12 for start, _, _ in agents_in(low[m.end() : m.end() + 40], armed_only=False))
        for m in _ATTACK.finditer(low)
    )


_ATTACK = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|raid(?:s|ed|ing)?|struck|strike|targett?(?:ed|ing|s)?)\b(?:\s+on)?"
)


# A search operation: the forces raid, storm or search premises (general English).
_SEARCH = re.compile(r"(?i)^(?:raid|storm|search|swoop|invad|comb|crackdown|cordon)")
_ARRESTS = re.compile(r"(?i)\b(?:arrest\w*|detain\w*|apprehend\w*|nabbed|rounded\s+up|in\s+custody)\b")
_GATHERING = re.compile(
    r"(?i)\b(?:protest\w*|demonstrat\w*|riot\w*|rally|rallies|strik(?:e|es|ing|ers)|march\w*)\b"
)


def search_without_harm(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    """A raid or search by state forces in a note that reports no one harmed and no gathering ("police
    raided the senator's house in search of weapons"): no violence (ACLED codebook, Violence against
    civilians needs violence), a Strategic development: Arrests when the note reports people arrested,
    else Other. ``main`` unchanged otherwise."""
    if main.type.plover != "ASSAULT" or main.type.plover_mode is not None or not text:
        return main
    if main.modality in _WEAK or main.actor is None or main.actor.kind is not ActorKind.STATE_FORCES:
        return main
    if not _SEARCH.match(main.trigger.text) or _GATHERING.search(text):
        return main
    if _harmed(mentions, NO_HARM.sub(" ", text)) or fighting(text):
        return main
    mode = "arrest" if _ARRESTS.search(text) else None
    return replace(main, type=crosswalk("COERCE", mode, actor_kind=ActorKind.STATE_FORCES))


# A killing the destruction answers ("after a rider was killed", "following the murder of a man",
# "in revenge for the death of"), and armed men named before the destruction (general English).
_REPRISAL = re.compile(
    r"(?i)\b(?:after|following|in\s+revenge\s+for|to\s+avenge|in\s+retaliation\s+for)\b[^.;]{0,60}?"
    r"\b(?:kill(?:ed|ing)|murder(?:ed)?|death|died|lynch(?:ed|ing)|shot\s+dead|stabbed)\b"
)
_ARMED_BEFORE = re.compile(
    r"(?i)\b(?:gunmen|militia\w*|bandits|raiders|attackers|assailants|soldiers|police|officers|rebels|"
    r"militants|fighters|insurgents|armed|unknown|unidentified)\b"
)
_COMMUNITY = re.compile(
    r"(?i)\b(?:communit(?:y|ies)|residents|villagers|locals|family|relatives|neighbou?rs)\b"
)


def reprisal(main: Mention) -> bool:
    """Whether property destroyed with no one harmed answers a killing its sentence names, by no
    armed men but by the people there, or no one named ("houses were torched in the village after a
    rider was killed", "the community burnt the post following a death in custody"): ACLED codebook,
    Riots (Mob violence: a crowd's reprisal, not organised destruction)."""
    sentence = main.sentence.text
    if not _REPRISAL.search(sentence) or _ARMED_BEFORE.search(
        sentence[: main.trigger.start - main.sentence.start]
    ):
        return False
    if main.actor is None or (main.actor.kind if main.actor is not None else None) in (
        None,
        ActorKind.CIVILIANS,
        ActorKind.RIOTERS,
    ):
        return True
    return _COMMUNITY.search(main.actor.evidence.text) is not None
