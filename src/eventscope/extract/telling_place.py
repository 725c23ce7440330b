"""A place that says where a happening was told, not where it happened.

"In a speech in the town of Somotillo, Ortega said that the murders of the Jesuits ...": Somotillo is
where Ortega spoke. A place name that hangs, through prepositions only, on a verb of telling ("said",
"told", "acknowledged", "denied": :data:`event_time.REPORTING_VERBS`, :data:`event_time.ABOUT_VERBS`)
while the event is told in that verb's clause places the telling. Not a place in the teller's own
phrase ("police in Nakuru said"), which is often where it happened too, and which the geocoder's
article context weighs (resolve/article_place.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.extract.event_time import REPORTING_VERBS, is_about_verb

# the words between a place name and the verb it hangs on in an adverbial phrase ("in a speech in the
# town of X", "at a news conference in X")
_ADVERBIAL_PATH = frozenset({"pobj", "prep", "compound", "appos", "amod", "det", "nummod"})


def places_the_telling(root: Token, trigger: Token) -> bool:
    """Whether the place name (``root`` its root word) places the telling of the event ``trigger``
    tells, not the event (see the module docstring)."""
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i == trigger.i:
        return False
    if verb.lemma_.lower() not in REPORTING_VERBS and not is_about_verb(verb):
        return False
    step = root
    while step.head.i != verb.i:
        if step.dep_ not in _ADVERBIAL_PATH:
            return False  # "police in Nakuru said": the teller's phrase
        step = step.head
    if step.dep_ != "prep":
        return False
    told = trigger
    while told.head.i != told.i:
        if told.head.i == verb.i:
            return told.dep_ == "ccomp"
        told = told.head
    return False
