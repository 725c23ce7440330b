"""Interventions in a demonstration read from the note's words (ACLED codebook, Protests: Protest with
intervention is a peaceful protest the state, or others, attempt to disperse or suppress; Peaceful
protest has no intervention):

- the state stepping in, told in words the parse may not report as force ("police intervened",
  "were barred by police", "police were deployed to disperse them"), is an intervention
  (:func:`intervention_told`);
- force the note tells as what a demonstration is about, as background told before or beside it, or
  in passing of someone else ("protested the arrest of a resident", "for children who were beaten by
  police") is none (:func:`grievance_not_force`).

Used by :mod:`eventscope.evaluate.acled_force_verdict`; every word list is general English.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.evaluate.acled_crowds import DEMONSTRATED, about_grievance, force_as_grievance
from eventscope.models import ActorKind, ActorRef, Mention
from eventscope.resolve.ontology import crosswalk

_STATE_WORDS = (
    r"(?:police(?:\s+officers|men)?|officers|security\s+(?:forces|officers|personnel|agents)|soldiers|"
    r"troops|askaris|gendarmes|guards)"
)
_STEP_IN = (
    r"(?:interven\w*|dispers\w*|dissipat\w*|broke\s+up|break(?:s|ing)?\s+up|block(?:ed|ing)?|"
    r"barr(?:ed|ing)|stopp(?:ed|ing)|repuls\w*|turned\s+(?:them\s+)?away|eject\w*|teargass\w*|"
    r"tear-gass\w*|seal(?:ed|ing)|cordon\w*|chas(?:ed|ing)|dr(?:o|i)ven?\s+back|scatter\w*|"
    # "police were called in", "police tried to open the roads", "police attacking the marchers"
    r"called\s+in|tried\s+to\s+(?:re)?open|tried\s+to\s+clear|attack(?:ed|ing|s)?)"
)
# The state stepping in on a crowd, in words the parse may not report as force: "police intervened",
# "were barred by police", "police were deployed to disperse the protesters", "turned away by police".
_STEPPED_IN = re.compile(
    rf"(?i)\b{_STATE_WORDS}\b(?:\s+[\w-]+){{0,4}}?\s+{_STEP_IN}\b"
    rf"|\b{_STEP_IN}\s+(?:[\w-]+\s+){{0,3}}?by\s+(?:the\s+)?(?:anti-?riot\s+)?{_STATE_WORDS}\b"
)
_NOT = re.compile(r"(?i)\b(?:not|never|no|without|failed|refused)\b|n't\b")


# Force used on the crowd, by the words of its target or of crowd control ("dispersed the protesters",
# "tear gas", "arrested 20 demonstrators").
_ON_THE_CROWD = re.compile(
    r"(?i)\b(?:protest(?:e|o)rs|demonstrators|marchers|crowds?|rioters|dispers\w*|tear\s*-?gas\w*|"
    r"teargass\w*|water\s+cannons?|rubber\s+bullets|batons?)\b"
)


def grievance_not_force(main: Mention, text: str) -> Mention:
    """A demonstration coded from force the note tells as what it is about ("protested the arrest of
    a resident", "demanded justice for children who were beaten by police", "died after being
    arrested for speeding"), not as used on it, is a peaceful protest when the note tells no force on
    the crowd (ACLED codebook, Protests: Peaceful protest, no intervention). Force told on its own
    after the demonstration ("Police made arrests.") is the intervention."""
    if main.type.acled_type != "Protests" or main.type.acled_sub_type == "Peaceful protest" or not text:
        return main
    if main.type.plover not in ("COERCE", "ASSAULT") or _ON_THE_CROWD.search(main.sentence.text):
        return main
    if not DEMONSTRATED.search(text) or _ON_THE_CROWD.search(text) or stepped_in(text):
        return main
    if not (force_as_grievance(main) or _background(main, text)):
        return main  # force told beside or after the demonstration: used on it
    coded = crosswalk("PROTEST", "demo", actor_kind=ActorKind.PROTESTERS)
    coded = replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode)
    return replace(main, type=coded, actor=ActorRef(main.trigger, kind=ActorKind.PROTESTERS), recipient=None)


# "after being arrested", "moments after he was arrested", "to seize": not force done to the crowd.
_ADJUNCT_BEFORE = re.compile(
    r"(?i)\b(?:after|following|before|since)\s+(?:(?:he|she|they|it)\s+(?:was|were|had\s+been)|being|"
    r"having\s+been)\s+(?:\w+\s+)?$|\bto\s+(?:\w+\s+)?$"
)


def _background(main: Mention, text: str) -> bool:
    """Whether force told in a sentence that names no demonstration is background to it: told before
    the demonstration, in an "after" adjunct or an infinitive, or in passing of someone (a relative
    clause, an earlier time)."""
    sentence = main.sentence.text
    if DEMONSTRATED.search(sentence):
        return False
    first = DEMONSTRATED.search(text)
    if first is not None and main.sentence.end <= first.start():
        return True  # "Three were killed in a dispute. The next day a group protested."
    at = main.trigger.start - main.sentence.start
    if not 0 <= at <= len(sentence):
        return False
    return _ADJUNCT_BEFORE.search(sentence[:at]) is not None or force_as_grievance(main, demonstrated=False)


def stepped_in(text: str) -> bool:
    """Whether the note tells the state's forces stepping in on a crowd (not denied, not a grievance)."""
    return any(
        not _NOT.search(found.group()) and not about_grievance(text, found.start())
        for found in _STEPPED_IN.finditer(text)
    )


def intervention_told(main: Mention, text: str) -> Mention:
    """A demonstration coded Peaceful protest whose note tells the state's forces stepping in on it
    ("police intervened", "were barred by police", "police were deployed to disperse them") is a
    Protest with intervention (ACLED codebook: an attempt to disperse or suppress the protest); not
    when the words are what the demonstration is about ("protested after police blocked the road")
    or deny it ("police did not intervene")."""
    if main.type.acled_sub_type != "Peaceful protest" or not text:
        return main
    if not stepped_in(text):
        return main
    coded = crosswalk("COERCE", None, actor_kind=ActorKind.STATE_FORCES, recipient_kind=ActorKind.PROTESTERS)
    return replace(main, type=replace(coded, plover=main.type.plover, plover_mode=main.type.plover_mode))
