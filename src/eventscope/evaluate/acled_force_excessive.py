"""Excessive force against protesters: a peaceful demonstration met with lethal violence or violence
that caused serious injuries (ACLED codebook, Protests: Excessive force against protesters is used when
peaceful demonstrators are targeted with violence leading, or liable to lead, to serious or lethal
injuries; Protest with intervention when they are dispersed or suppressed "without serious/lethal
injuries being reported or the targeting of protesters with lethal weapons").

A demonstration coded Protest with intervention or Peaceful protest is read again: a note that tells
people shot (not shots fired in the air or "at" a crowd with no one hit), killed, seriously injured, or
wounded by live ammunition, during or after the demonstration it reports and not as what the
demonstration is about, reports excessive force. Plain injuries ("some injured", "police injured three
protesters") are left an intervention: the codebook asks for serious ones. An attack on civilians
told as serious harm done while a demonstration was dispersed is excessive force too
(:func:`force_on_crowd`). Used by :mod:`eventscope.evaluate.acled_force_verdict`; every word list is
general English.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.evaluate.acled_crowds import about_grievance
from eventscope.models import ActorKind, Mention
from eventscope.resolve.ontology import crosswalk

_PEOPLE = (
    r"(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|dozens|scores|"
    r"\d+|at\s+least\s+\w+)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:people|persons?|man|men|woman|women|boys?|girls?|youths?|students?|protest[eo]rs?|"
    r"demonstrators?|marchers|residents|supporters|villagers|traders|riders|operators|teachers|workers|"
    r"mourners|him|her|them|one|two|three|four|five|\d+)"
)
# Serious or lethal harm to people, told in the active, the passive or a headline's participle.
_SERIOUS_HARM = re.compile(
    r"(?i)\b(?:"
    # "shot dead", "shot and killed", "shot and injured two", "shooting one person"
    r"(?:shot|shoots?|shooting)\s+(?:dead|and\s+(?:kill|injur|wound)\w*|"
    rf"(?!at\b|in\b|into\b|over\b|tear|rubber|live|shots?\b|bullets?\b|rounds?\b|warning\b){_PEOPLE}\b"
    r")"
    # "two demonstrators were shot", "one person was shot and injured" (not "shot at")
    r"|(?:was|were|been|got)\s+(?:\w+\s+)?shot\b(?!\s+at\b)"
    # "shooting into the crowd", "opened fire on the protesters"
    r"|(?:shooting|shot|shoot|fired|firing)\s+(?:live\s+\w+\s+)?into\s+(?:the\s+|a\s+)?crowds?"
    r"|gunshot\s+wounds?|bullet\s+wounds?"
    # "seriously injured", "severely beaten", "sustaining serious injuries", "critically wounded"
    r"|(?:serious(?:ly)?|severe(?:ly)?|critical(?:ly)?|grievous(?:ly)?)\s+(?:\w+\s+)?"
    r"(?:injur\w*|wound\w*|hurt|beat\w*|assault\w*|condition)"
    # beaten or assaulted (ACLED codes a beating of demonstrators as force that may injure seriously),
    # not sexual assault
    r"|(?<!sexual )(?<!sexually )(?:beat(?:en|ing|s)?|clobber(?:ed|ing)|assault(?:ed|ing)|"
    r"whipp(?:ed|ing)|caned|roughed\s+up|kick(?:ed|ing))"
    # killed in or by the force ("killing one", "one killed", "shot dead", "died of")
    r"|kill(?:ed|ing|s)?|dead|died|deaths?|fatal\w*|lost\s+(?:his|her|their)\s+li(?:fe|ves)"
    r")\b"
)
# Live ammunition, which with injuries reported is lethal force on the crowd.
_LIVE = re.compile(
    r"(?i)\b(?:live\s+(?:fire|bullets?|rounds?|ammunition)|rifles?|guns?\s+(?:shots|fire)|gunfire)\b"
)
_INJURED = re.compile(r"(?i)\b(?:injur\w*|wound\w*|hurt|hospitali[sz]\w*|casualt\w*)\b")
# "no reports of serious injuries", "no one was killed", "without serious injuries": named as absent.
_DENIED_BEFORE = re.compile(
    r"(?i)\b(?:no|not|without|nobody|none|neither|nor|denied|deny|denies|avoid\w*)\b"
    r"(?:\s+[\w-]+){0,5}\s*$"
)
# Where the demonstration and its control are told: what the harm must come with or after.
_DEMONSTRATION = re.compile(
    r"(?i)\b(?:protest\w*|demonstrat\w*|march\w*|rall(?:y|ies)|crowds?|picket\w*|sit-ins?|"
    r"dispers\w*|tear\s*-?gas\w*|teargass\w*|strik(?:e|es|ing|ers))\b"
)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
# What ends a clause within a sentence: punctuation, or a conjunction that opens the next act.
_BOUNDARY = re.compile(
    r"(?i)[,;:()]|\s[-\u2013\u2014]\s|\b(?:and|but|as|when|while|during|before|then|where|until)\b"
)
_PUNCTUATION = re.compile(r"[,;:()]|\s[-\u2013\u2014]\s")
# "two weeks before", "the previous day", "last month", "earlier": harm told as before the demonstration.
_EARLIER_AFTER = re.compile(
    r"(?i)[^.;,]{0,50}?\b(?:(?:days?|weeks?|months?|years?)\s+(?:before|earlier|ago|prior)|"
    r"(?:the\s+)?(?:previous|preceding)\s+(?:day|night|week|month|year|evening)|the\s+day\s+before|"
    r"last\s+(?:week|month|year)|earlier\s+(?:in|this|that)\b|in\s+previous\s+days)"
)
_NOUN_HARM = re.compile(r"(?i)^(?:killings?|deaths?|murders?|fatalit\w*)$")
_REFERENCE_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|his|her|their|its|this|that|these|those|recent|alleged|[\w-]+'s)\s+(?:[\w-]+\s+)?$"
)
# ("that" is left out: "said that police shot" opens a report, not a relative clause)
_RELATIVE = re.compile(r"(?i)\b(?:who|whom|which|whose)\b")
# The demonstrators' act, after which a harm in the same clause is what they demonstrated about.
_DEMO_VERB = re.compile(
    r"(?i)\b(?:protest(?!e?rs\b|ors\b)\w*|demonstrat(?!ors\b)\w*|march(?!ers\b)\w*|rall(?:y|ies|ied)|"
    r"picket(?!ers\b)\w*|justice\s+for|"
    r"demand\w*|condemn\w*|decry\w*|mourn\w*)\b"
)
# "shot a man, sparking protests": the harm told as what set the demonstration off.
_SPARKED_AFTER = re.compile(
    r"(?i)[^.;]{0,60}?\b(?:prompt\w*|spark\w*|trigger\w*|provok\w*|le(?:d|ading)\s+to|caus\w*|"
    r"angering|enraging|sett?ing\s+off|resulted\s+in)\b[^.;]{0,40}?\b(?:riot\w*|protest\w*|"
    r"demonstrat\w*|unrest|uproar|march\w*)"
)
_INTERVENTION = frozenset({"Protest with intervention", "Peaceful protest"})
# The state's forces, whose presence a peaceful protest must tell for force to have been used on it.
_FORCES = re.compile(
    r"(?i)\b(?:police\w*|officers?|soldiers|troops|security\s+(?:forces|officers|personnel|agents)|"
    r"askaris|gendarmes?|army|military|guards)\b"
)


def excessive_force(main: Mention, text: str) -> Mention:
    """A demonstration coded Protest with intervention or Peaceful protest whose note tells serious or
    lethal harm to people with or after it (:func:`serious_harm_told`) is Excessive force against
    protesters; a Peaceful protest only when the note names the forces."""
    if main.type.acled_type != "Protests" or main.type.acled_sub_type not in _INTERVENTION or not text:
        return main
    if main.type.acled_sub_type == "Peaceful protest" and _FORCES.search(text) is None:
        return main
    if not serious_harm_told(text):
        return main
    coded = crosswalk("ASSAULT", None, recipient_kind=ActorKind.PROTESTERS, fatalities=True)
    return replace(main, type=replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode))


def serious_harm_told(text: str) -> bool:
    """Whether the note tells people shot, killed or seriously injured (or wounded where live
    ammunition was used on a crowd) in a sentence that names the demonstration or its dispersal; not
    denied ("no serious injuries"), not what the demonstration is about ("protested the killing of a
    man by police", "demanding justice for a student who was shot") and not what set it off ("shot a
    man, sparking protests")."""
    if any(_told(text, found) for found in _SERIOUS_HARM.finditer(text)):
        return True
    # live ammunition used on the crowd: told after the demonstration, and not denied
    first = _DEMONSTRATION.search(text)
    live = [
        m
        for m in _LIVE.finditer(
            text, _sentence_start(text, first.start()) if first is not None else len(text)
        )
        if not _DENIED_BEFORE.search(text[max(_sentence_start(text, m.start()), m.start() - 50) : m.start()])
    ]
    return bool(live) and any(
        _told(text, found, anchored=False) for found in _INJURED.finditer(text, live[0].start())
    )


def _told(text: str, found: re.Match[str], anchored: bool = True) -> bool:
    """Whether the harm named at ``found`` is reported as done in the demonstration: in a sentence
    naming it (``anchored``), not denied, not its grievance or its cause."""
    at = found.start()
    sentence = _sentence(text, at)
    start = _sentence_start(text, at)
    if anchored and _DEMONSTRATION.search(sentence) is None:
        return False
    if _DENIED_BEFORE.search(text[max(start, at - 50) : at]) or about_grievance(text, at):
        return False
    clause = text[start:at]
    boundary = max((m.end() for m in _BOUNDARY.finditer(clause)), default=0)
    stop = max((m.end() for m in _PUNCTUATION.finditer(clause)), default=0)
    if _RELATIVE.search(clause, stop) or _DEMO_VERB.search(clause, boundary):
        return False  # "a man who was shot", "protested the killing of": not the demonstration's harm
    if _NOUN_HARM.match(found.group()) and _REFERENCE_BEFORE.search(clause[-30:]):
        return False  # "the recent killing", "his death": a harm referred to, not reported here
    if _EARLIER_AFTER.match(text, found.end()):
        return False  # "beaten to death by police two weeks before": an earlier event
    return _SPARKED_AFTER.match(text, found.end()) is None


def _sentence(text: str, at: int) -> str:
    start = _sentence_start(text, at)
    end = _SENTENCE_END.search(text, at)
    return text[start : end.start() if end is not None else len(text)]


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


# People the words say were not demonstrating (ACLED codes force on them as an attack on civilians):
# the press, bystanders, passers-by, the innocent, children, people at home or at play.
_OUTSIDERS = re.compile(
    r"(?i)\b(?:journalists?|reporters?|cameram[ae]n|photographers?|bystanders?|passers?-?by|onlookers?|"
    r"innocent|child(?:ren)?|bab(?:y|ies)|toddlers?|infants?|months?[- ]old|playing|"
    r"not\s+(?:taking\s+part|involved|protesting|demonstrating)|no\s+protests?)\b"
)
_STATE_OR_NONE = frozenset({None, ActorKind.STATE_FORCES})


def force_on_crowd(main: Mention, text: str) -> Mention:
    """An attack on civilians by the state (or by no one named) whose note tells it as serious harm
    done while a demonstration was dispersed ("shot and killed a man as police used live bullets to
    disperse crowds of protesters") is Excessive force against protesters: the people harmed were the
    crowd (ACLED codebook, Protests), unless the note says they were not taking part (bystanders,
    journalists, children), whom the codebook's Violence against civilians keeps."""
    if main.type.acled_type != "Violence against civilians" or main.type.acled_sub_type != "Attack":
        return main
    if (main.actor.kind if main.actor is not None else None) not in _STATE_OR_NONE or not text:
        return main
    if _OUTSIDERS.search(text) or not _CROWD_FORCE.search(text) or not serious_harm_told(text):
        return main
    coded = crosswalk("ASSAULT", None, recipient_kind=ActorKind.PROTESTERS, fatalities=True)
    return replace(main, type=replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode))


# The demonstration met by force: demonstrators or a crowd, dispersed, confronted or fired on.
_CROWD_FORCE = re.compile(
    r"(?i)\b(?:dispers\w*|break\s+up|broke\s+up|protest(?:e|o)rs|demonstrators|marchers|"
    r"(?:during|in)\s+(?:the\s+|a\s+)?(?:protests?|demonstrations?))\b"
)
