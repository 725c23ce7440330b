"""The main event of a note read again at the boundary between the state's force and a
demonstration, after the note's violence has been coded (ACLED codebook: Protests, Excessive force
against protesters; Violence against civilians). Used by :func:`eventscope.evaluate.acled_notes.code_note`;
every word list is general English.

- harm told in the passive with the state as its agent, in a note with no crowd, is the state's attack
  on civilians (:func:`state_agent_of_passive`);
- violence told as earlier than the demonstration the note reports, or in an "after" adjunct of the
  demonstration's sentence, is its background: the demonstration is the event (:func:`background_violence`);
- force the note tells as what a demonstration is about is no intervention, and the state stepping in
  told in words is one (:mod:`eventscope.evaluate.acled_force_intervention`);
- serious or lethal harm to a demonstration's crowd, or an attack on civilians told as such, is
  excessive force against protesters (:mod:`eventscope.evaluate.acled_force_excessive`);
- a demonstration whose note leads with harm that set it off ("police shot dead a driver, sparking
  protests") reports the harm: the demonstration is its consequence (:func:`harm_sparked_demonstration`);
- ACLED's actor 1 for excessive force is the state when the lead names it (:func:`excessive_force_inter1`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.evaluate.acled_crowds import DEMONSTRATED, violence_in_words
from eventscope.evaluate.acled_force_excessive import excessive_force, force_on_crowd
from eventscope.evaluate.acled_force_intervention import grievance_not_force, intervention_told, stepped_in
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.ontology import crosswalk

# Harm to people told in a note's lead (its active or passive verb, or a headline's participle).
_HARM = re.compile(
    r"(?i)\b(?:shot|shoots?|shooting|killed|kills?|killing|murdered|hacked|stabbed|beat(?:en|s)?|"
    r"tortur(?:e|es|ed|ing)|assault(?:s|ed)?|lynched|abducted|kidnapped|gunned\s+down|injured|wounded)\b"
)
# The harm's consequence: a demonstration it set off ("sparking protests", "which led to protests",
# "prompting residents to demonstrate", "a protest against the act followed").
_SPARKED = re.compile(
    r"(?i)\b(?:spark(?:ed|ing|s)?(?:\s+off)?|prompt(?:ed|ing|s)?|trigger(?:ed|ing|s)?|provok(?:ed|ing|es)|"
    r"le(?:d|ading)\s+to|caus(?:ed|ing)|result(?:ed|ing)\s+in|touch(?:ed|ing)\s+off|"
    r"sett?(?:ing)?\s+off)\b[^.;]{0,40}?\b(?:protest\w*|demonstrat\w*|march\w*|unrest|sit-ins?)\b"
    r"|\b(?:protest|demonstration|march|sit-in)s?\s+(?:against|over)\s+(?:the|this|that)\s+"
    r"(?:\w+\s+)?(?:act|killing|shooting|incident|attack|murder|death|beating|torture)s?\s+followed\b"
)
# Words of a demonstration, which the lead must not name before the harm.
_DEMO = re.compile(r"(?i)\b(?:protest\w*|demonstrat\w*|march\w*|rall(?:y|ies)|strik(?:e|es|ing)|crowds?)\b")
# "After police shot a man, residents protested": harm in an adjunct is the background.
_AFTER_BEFORE = re.compile(r"(?i)\b(?:after|following|over|against|since)\b")
_LEAD_END = re.compile(r"[.;!?](?:\s|$)")


def force_verdict(main: Mention, text: str) -> Mention:
    """The main event read at the boundary of force and demonstrations, in the order of the module's
    rules: the state as the agent of a passive, violence as a demonstration's background, force as
    its grievance or told as an intervention, serious harm to its crowd, harm that set it off."""
    main = background_violence(state_agent_of_passive(main, text), text)
    main = intervention_told(grievance_not_force(main, text), text)
    main = excessive_force(force_on_crowd(main, text), text)
    return harm_sparked_demonstration(main, text)


# "were attacked and injured allegedly by the police": the agent of a passive verb, after "by".
_BY_AFTER = re.compile(r"(?i)[^.;:]{0,40}?\bby\s+(?:the\s+|a\s+|an\s+|some\s+|two\s+|three\s+)?")
_PLAIN = frozenset({None, "firearms", "beat"})


def state_agent_of_passive(main: Mention, text: str) -> Mention:
    """Harm told in the passive with the state's forces as its agent ("four youths were attacked by
    the police"), coded as a crowd's because the parse named no actor and read the victims as a crowd,
    in a note that tells no demonstration and no crowd's violence: the state's attack on civilians
    (ACLED codebook, Violence against civilians: Attack; the state forces are actor 1)."""
    if (
        main.type.acled_type != "Riots"
        or main.type.plover != "ASSAULT"
        or main.type.plover_mode not in _PLAIN
    ):
        return main
    if (main.actor is not None and main.actor.kind is not None) or not text:
        return main
    if text[main.trigger.start : main.trigger.end] != main.trigger.text:
        return main
    by = _BY_AFTER.match(text, main.trigger.end)
    if by is None:
        return main
    named = agents_in(text[by.end() : by.end() + 40])
    if not named or named[0][0] != 0 or named[0][2] is not ActorKind.STATE_FORCES:
        return main
    if DEMONSTRATED.search(text) or violence_in_words(text) or _CROWD.search(text):
        return main  # force on a demonstration or a crowd: the crowd rules code it
    start, end = by.end() + named[0][0], by.end() + named[0][1]
    actor = ActorRef(Evidence(main.article_id, start, end, text[start:end]), kind=ActorKind.STATE_FORCES)
    victims = main.recipient if main.recipient is not None else ActorRef(main.trigger, kind=None)
    coded = crosswalk(
        "ASSAULT",
        main.type.plover_mode,
        actor_kind=ActorKind.STATE_FORCES,
        recipient_kind=ActorKind.CIVILIANS,
    )
    coded = replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode)
    return replace(main, type=coded, actor=actor, recipient=replace(victims, kind=ActorKind.CIVILIANS))


_CROWD = re.compile(r"(?i)\b(?:mobs?|crowds?|rioters|riots?|rioting)\b")


# Words that put violence before the note's event: "killed the day before", "A few days before, ...".
_EARLIER_AFTER = re.compile(
    r"(?i)[^.;,]{0,40}?\b(?:the\s+(?:previous|preceding)\s+(?:day|night|evening|week)|the\s+day\s+before|"
    r"(?:a\s+few|two|three|several|\d+)\s+(?:days|weeks)\s+(?:before|earlier|ago)|a\s+day\s+(?:before|earlier)|"
    r"last\s+(?:week|month|night))\b"
)
_EARLIER_OPENING = re.compile(
    r"(?i)^\W*(?:(?:a\s+few|two|three|several|some|\d+)\s+(?:days?|weeks?)\s+(?:before|earlier)|"
    r"a\s+day\s+(?:before|earlier)|the\s+(?:day|night|week)\s+before|earlier)\b"
)
# What people do when they demonstrate (general English), beside the words for a demonstration.
_CROWD_ACT = re.compile(
    r"(?i)\b(?:protest\w*|demonstrat\w*|march(?:ed|es|ing)|picket\w*|sit-ins?|placards|"
    r"rall(?:y|ies|ied)|demand(?:s|ed|ing)?|petition\w*|blocked|camped)\b"
)
_VIOLENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})


def background_violence(main: Mention, text: str) -> Mention:
    """Violence the note tells as earlier than the demonstration it reports ("residents blocked the
    road with the body of a man killed the day before", "A few days before, a wall collapsed killing
    eight"; "Protesters lit fires after a man was shot the previous day") is its background: the
    demonstration is the event, violent when the note tells the crowd's violence (ACLED codebook:
    Protests; Riots, Violent demonstration), with an intervention when the state stepped in."""
    if main.type.acled_type not in _VIOLENT_TYPES or not text:
        return main
    if text[main.trigger.start : main.trigger.end] != main.trigger.text:
        return main
    sentence, at = main.sentence.text, main.trigger.start - main.sentence.start
    if not 0 <= at <= len(sentence):
        return main
    earlier = (
        _EARLIER_AFTER.match(text, main.trigger.end)
        or _EARLIER_OPENING.match(sentence)
        or _in_after_adjunct(sentence, at)
    )
    crowd = _CROWD_ACT.search(text)
    violent = violence_in_words(text)
    if not earlier or (crowd is None and not violent):
        return main
    if violent:
        coded, kind = crosswalk("PROTEST", "riot", actor_kind=ActorKind.RIOTERS), ActorKind.RIOTERS
    elif stepped_in(text):
        coded = crosswalk("COERCE", None, actor_kind=_STATE, recipient_kind=ActorKind.PROTESTERS)
        kind = ActorKind.PROTESTERS
    else:
        coded, kind = crosswalk("PROTEST", "demo", actor_kind=ActorKind.PROTESTERS), ActorKind.PROTESTERS
    where = Evidence(main.article_id, crowd.start(), crowd.end(), crowd.group()) if crowd else main.trigger
    coded = replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode)
    return replace(main, type=coded, actor=ActorRef(where, kind=kind), recipient=None)


_STATE = ActorKind.STATE_FORCES
# "Shortly after the killing of a cleric, a group gathered to protest", "Residents stormed the office
# after gunmen killed a guard": the violence in an "after" adjunct of a demonstration's sentence.
_AFTER_OPENER = re.compile(
    r"(?i)\b(?:(?:shortly|soon|just|days?|hours?|moments?)\s+)?(?:after|following)\b|\bin\s+the\s+wake\s+of\b"
)
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()]|\s[-\u2013\u2014]\s")


def _in_after_adjunct(sentence: str, at: int) -> bool:
    """Whether ``sentence[at]`` sits in an "after" adjunct (no punctuation between the "after" and it)
    of a sentence whose main clause, outside the adjunct, tells a demonstration."""
    openers = list(_AFTER_OPENER.finditer(sentence, 0, at))
    if not openers or _CLAUSE_PUNCTUATION.search(sentence, openers[-1].end(), at):
        return False
    opener = openers[-1]
    end = _CLAUSE_PUNCTUATION.search(sentence, at)
    # the main clause: before the "after", and after the adjunct's punctuation (or, with none, the
    # words after the violence: "Shortly after the killing of a cleric a group gathered to protest")
    rest = sentence[end.end() :] if end is not None else sentence[at:]
    outside = sentence[: opener.start()] + " " + rest
    return _CROWD_ACT.search(outside) is not None


def harm_sparked_demonstration(main: Mention, text: str) -> Mention:
    """A demonstration coded from a note whose lead tells harm to people before any demonstration and
    then the demonstration as what it set off ("Police shot dead a driver, sparking protests", "Officers
    beat a youth. A protest against the act followed") is an attack: the harm is the event the note
    reports, the demonstration its consequence (ACLED codebook: Violence against civilians, Attack; each
    event is coded separately). Actor 1 is the armed agent the lead names (the state's forces for
    police), else no one named."""
    if main.type.acled_type != "Protests" or not text:
        return main
    harm = _HARM.search(text)
    if harm is None:
        return main
    lead_end = _LEAD_END.search(text, harm.end())
    lead = text[: lead_end.start() if lead_end is not None else len(text)]
    if _DEMO.search(text, 0, harm.start()) or _AFTER_BEFORE.search(lead, 0, harm.start()):
        return main  # the lead tells the demonstration first, or the harm as its background
    sparked = _SPARKED.search(text, harm.end())
    if sparked is None or _DEMO.search(text, harm.end(), sparked.start()):
        return main  # no consequence told, or a demonstration told before it
    if text.count(". ", harm.end(), sparked.start()) > 1:
        return main  # the consequence is told of something later in the note
    named = agents_in(lead)
    actor = None
    if named:
        start, end, kind = named[0]
        actor = ActorRef(Evidence(main.article_id, start, end, lead[start:end]), kind=kind)
    victims = ActorRef(
        Evidence(main.article_id, harm.start(), harm.end(), harm.group()), kind=ActorKind.CIVILIANS
    )
    coded = crosswalk(
        "ASSAULT",
        None,
        actor_kind=actor.kind if actor is not None else None,
        recipient_kind=ActorKind.CIVILIANS,
    )
    coded = replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode)
    return replace(main, type=coded, actor=actor, recipient=victims)


# A lead that is only a date ("03 July.", "16 March:"): the note's report starts after it.
_DATE_ONLY = re.compile(r"(?i)^\W*(?:\d{1,2}\s+[a-z]+|[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)\W*$")
# "protested against police brutality", "the killing of police officers": the forces as the topic.
_TOPIC_BEFORE = re.compile(r"(?i)\b(?:against|of|over|about)\s+(?:the\s+|a\s+)?$")


def excessive_force_inter1(main: Mention, text: str) -> int | None:
    """ACLED's inter1 for excessive force against protesters whose lead names the state's forces as
    the ones who used it ("Police shot two demonstrators", "two protesters were shot by police"):
    state forces, 1 (ACLED codebook: the force is the state's act on the protesters, who are actor 2).
    None otherwise: the crowd's code (protesters, 6) stands when the lead names only the crowd or the
    harm."""
    if main.type.acled_sub_type != "Excessive force against protesters" or not text:
        return None
    lead = next((s for s in _LEAD_END.split(text) if s.strip() and not _DATE_ONLY.match(s)), "")
    for start, _end, kind in agents_in(lead):
        if kind is ActorKind.STATE_FORCES and not _TOPIC_BEFORE.search(lead[max(0, start - 20) : start]):
            return 1
    return None
