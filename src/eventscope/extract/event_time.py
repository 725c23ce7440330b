"""Which time expression dates which event mention.

A sentence can hold several time expressions and several events; the one closest to the trigger in
the parse dates it, but not the date of the telling ("sources told X on 13 November") nor a duration
("since July") while the sentence gives anything better, and never the date of another act about an
event noun ("investigating the assassination of Galan ... today issued"): a retold event with no date
of its own keeps the reporting window (resolve/mentions.py), not the day it was retold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventscope.extract.syntax import span_root, tree_distance
from eventscope.models import Evidence

REPORTING_VERBS = frozenset({"say", "tell", "report", "cite", "add", "state", "confirm", "quote"})


# Nouns that name a telling: a time in a clause that only describes one ("in a statement released
# today", "in an interview broadcast on Sunday") dates that telling, as if it stood beside the verb the
# telling's phrase hangs on ("... the conference deplored the murder of six Jesuits")
TELLING_NOUNS = frozenset(
    {
        "statement",
        "communique",
        "interview",
        "conference",
        "speech",
        "address",
        "broadcast",
        "letter",
        "message",
        "declaration",
        "bulletin",
        "announcement",
        "report",
    }
)


def dated_verb(root: Token) -> Token | None:
    """The verb a time expression (``root`` its root word) dates: the nearest verb above it, or, when
    that verb only describes a telling a noun names ("a statement released today", :data:`TELLING_NOUNS`),
    the verb the telling's phrase hangs on ("deplored")."""
    head = next((a for a in [root, *root.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    if head is not None and head.dep_ in ("acl", "relcl") and head.head.lemma_.lower() in TELLING_NOUNS:
        return next((a for a in head.head.ancestors if a.pos_ in ("VERB", "AUX")), head)
    return head


def dates_the_report(root: Token, trigger: Token) -> bool:
    """'sources told The Cradle on 13 November' that X happened: the date is when it was told."""
    head = dated_verb(root)
    if head is None or head.i == trigger.i or head.lemma_ not in REPORTING_VERBS:
        return False
    return any(a.i == head.i for a in trigger.ancestors)


# Verbs whose phrase is about an event a noun names, not the event itself: they react to it, judge or
# investigate it, or follow from it ("investigating the assassination of Galan ... today issued",
# "referred today to the murder", "condemned today the attack", "implicated in the murder ... was
# removed today"). Their time is theirs, not the event's. Not verbs that only pass the news on ("the
# US announced Syria's entry", "cited sources as saying that movements were observed"): what they tell
# is news of their day, and :func:`dates_the_report` ranks their time last. Nor verbs of acts before
# the event (ordering or planning it), which come close before it.
ABOUT_VERBS = frozenset(
    {
        "deny",
        "acknowledge",
        "charge",
        "accuse",
        "blame",
        "attribute",
        "implicate",
        "involve",
        "link",
        "refer",
        "mention",
        "discuss",
        "comment",
        "describe",
        "remember",
        "commemorate",
        "express",
        "condemn",
        "denounce",
        "deplore",
        "repudiate",
        "regret",
        "lament",
        "mourn",
        "criticize",
        "reject",
        "demand",
        "urge",
        "appeal",
        "warn",
        "sign",
        "testify",
        "investigate",
        "probe",
        "examine",
        "review",
        "analyze",
        "clarify",
        "solve",
        "reopen",
        "arrest",
        "detain",
        "sentence",
        "convict",
        "indict",
        "prosecute",
        "acquit",
        "responsible",
        "appoint",
        "remove",
        "replace",
        "resign",
        "dismiss",
        "suspend",
        "react",
        "respond",
        "reaffirm",
        "pledge",
        "vow",
    }
)
# Words that put an event noun in a phrase about it or after it ("statements regarding the murder",
# "signed as a result of the murder", "in response to the attack").
ABOUT_WORDS = frozenset({"regarding", "concerning", "about", "result", "response", "retaliation", "wake"})
# A date with its year ("in 1976", "on 24 March 1980") is seldom when a fresh act of telling came, and
# what it bounds is old too: it still dates the event, so the event is not taken for recent news.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Words between a fronted time and its verb ("the prosecutor ... today has issued", "today also said")
_LEADING = frozenset({"aux", "auxpass", "neg", "advmod"})


def dates_another_act(root: Token, trigger: Token, time: Evidence) -> bool:
    """Whether the time expression (``root`` its root word) dates another act about the event a noun
    names: an event that is investigated, referred to, condemned, signed for or followed
    (:data:`ABOUT_VERBS`, :data:`ABOUT_WORDS`: "investigating the assassination of Galan today issued",
    "referred today to the murder of six Jesuits", "signed on 8 March as a result of the murder")
    happened before that act, on a day the text does not give there.

    Not when the time is inside the noun's phrase ("this morning's attack", "the 2 September bomb
    attack"), nor when it follows the noun without leading into the other verb ("the murder of two
    missionaries last Wednesday night", which the parser hangs on the verb). A noun whose own verb tells
    it happened ("held a demonstration", "set off a bomb") is dated as that verb is."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.i == root.i or _YEAR.search(time.text):
        return False
    words = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    inside = range(trigger.left_edge.i, trigger.right_edge.i + 1)
    if any(a.i == trigger.i for a in root.ancestors):
        return False
    if words is not None and any(w.i in inside for w in words):
        return False
    head = dated_verb(root)
    if head is None or head.i == trigger.i or not any(a.i == head.i for a in trigger.ancestors):
        return False
    if not _about(trigger, head):
        return False
    if time.start > trigger.idx and words is not None and not trigger.i < head.i < words.start:
        # after the noun, with the other verb not in between: the noun's, unless it leads into that verb
        nxt = trigger.doc[words.end] if words.end < len(trigger.doc) else None
        leads = nxt is not None and (nxt.i == head.i or (nxt.head.i == head.i and nxt.dep_ in _LEADING))
        if not leads:
            return False
    return True


# Words that put what an event answered or followed in a phrase of its own ("in response to", "in
# retaliation for", "in the wake of"); not "as a result of", whose cause is often the same happening
# ("two policemen were injured as the result of two attacks last night")
ANSWER_WORDS = frozenset({"response", "retaliation", "reprisal", "revenge", "wake"})
AFTER_MARKS = frozenset({"after", "following"})


def tells_what_came_before(root: Token, trigger: Token) -> bool:
    """Whether a word (``root``: a time expression's or a place name's) sits in a phrase under the
    trigger that tells what the event answered or followed (:data:`ANSWER_WORDS`, a clause opened by
    "after" or "following"): in "struck Bint Jbeil in response to rockets fired towards Metula on
    Wednesday night" Wednesday night and Metula are the rockets', not the strike's."""
    for word in root.ancestors:
        if word.i == trigger.i:
            return False
        if word.lower_ in ANSWER_WORDS or _after_clause(word):
            return any(a.i == trigger.i for a in word.ancestors)
    return False


def _after_clause(word: Token) -> bool:
    """A clause that says what came before the event ("targeted Hezbollah infrastructure after rockets
    were launched towards northern Israel late on Wednesday")."""
    return word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in AFTER_MARKS for c in word.children)


# How a reported act hangs from the verb that acknowledges, denies or charges it: its clause ("denied
# that troops attacked"), an object clause of a preposition ("accused the army of killing"), an infinitive
_STATEMENT_LINKS = frozenset({"ccomp", "xcomp", "prep"})


def dates_a_statement(root: Token, trigger: Token, time: Evidence) -> bool:
    """Whether the time expression dates a verb that acknowledges, denies, charges or condemns the
    act the trigger tells (:data:`ABOUT_VERBS`), with the trigger in its clause: "On 7 January,
    Cristiani acknowledged that military personnel killed the Jesuits" dates the acknowledgement; the
    killing came before, on a day the sentence does not give. Not verbs that only pass news on ("said",
    "told": :func:`dates_the_report`), whose day is often the event's; nor a date with its year, which
    still tells the event is old. An event noun ("condemned the attack") is :func:`dates_another_act`'s."""
    if trigger.pos_ in ("NOUN", "PROPN") or _YEAR.search(time.text):
        return False
    head = dated_verb(root)
    if head is None or head.i == trigger.i or not is_about_verb(head):
        return False
    step = trigger
    while step.head.i != step.i:
        if step.head.i == head.i:
            return step.dep_ in _STATEMENT_LINKS
        step = step.head
    return False


def _about(noun: Token, head: Token) -> bool:
    """Whether a word between the noun and the verb the time dates (that verb included) is about the
    event rather than telling it happened."""
    for word in noun.ancestors:
        if word.pos_ in ("VERB", "AUX", "ADJ") and is_about_verb(word):
            return True
        if word.pos_ in ("VERB", "AUX") and _subject_of(noun, word):
            return False  # "movements ... were being observed": its own clause tells it happened
        if word.lower_ in ABOUT_WORDS:
            return True
        if word.i == head.i:
            return False
    return False


def _subject_of(noun: Token, verb: Token) -> bool:
    """The noun (or the noun it is coordinated with or a compound of) is the verb's subject."""
    word = noun
    while word.dep_ in ("conj", "compound", "appos") and word.head.i != verb.i:
        word = word.head
    return word.head.i == verb.i and word.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")


def is_about_verb(verb: Token) -> bool:
    # the lemmatiser misreads some re-cased words ("staged" -> "stag"): try the word less its ending too
    word = verb.text.lower()
    forms = {verb.lemma_.lower(), word, word[:-1], word[:-2], word[:-3]}
    return not ABOUT_VERBS.isdisjoint(forms)


# "since July", "for two weeks": how long a state has lasted ("closed since July"), not when an event was
DURATION = re.compile(r"(?i)^\W*(?:since|for)\b")


def fronted(doc: Doc, time: Evidence, trigger: Token) -> bool:
    """Whether the time opens the trigger's sentence, set off by a comma ("On 12 May, students marched
    ... against the killing of a man by a mob on 7 May"): it frames the whole clause, while a time after
    the verb's object may as well date a noun in it, where the parser often hangs it on the verb."""
    words = doc.char_span(time.start, time.end, alignment_mode="expand")
    if words is None or not len(words) or words.start >= trigger.i:
        return False
    sentence = trigger.sent
    lead = [w for w in doc[sentence.start : words.start] if not (w.is_punct or w.is_space)]
    after = doc[words.end] if words.end < len(doc) else None
    return not lead and after is not None and after.text == ","


# Nouns for who or what an act defines: its authors, witnesses and suspects, the case or inquiry about
# it, its anniversary ("the masterminds of the murder", "the only witness in the murder")
DEFINED_BY_ACT = frozenset(
    {
        "mastermind", "author", "perpetrator", "accomplice", "witness", "suspect", "case",
        "investigation", "inquiry", "probe", "trial", "anniversary", "aftermath", "circumstance",
    }
)  # fmt: skip


def describes_something_else(trigger: Token) -> bool:
    """An act named to say who or what someone or something else is: "the masterminds of the six
    Jesuit priests' murder", "the only witness in the murder" (:data:`DEFINED_BY_ACT`), "the case of the
    murdered Jesuits" (a participle before its noun), "stated on 27 November that the murder ... was an
    action by the armed forces" (a clause that says what a known act was). The sentence's time is of what
    it tells about them (they "said today"), not of the act, which it names as known."""
    if trigger.dep_ == "amod" and trigger.i < trigger.head.i:  # not "4 killed by armed men"
        return trigger.head.pos_ in ("NOUN", "PROPN")
    if trigger.dep_ == "nsubj" and _characterized(trigger):
        return True
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return False
    prep, owner = trigger.head, trigger.head.head
    if prep.dep_ != "prep" or owner.pos_ not in ("NOUN", "PROPN"):
        return False
    return owner.lemma_.lower() in DEFINED_BY_ACT or owner.lower_.rstrip("s") in DEFINED_BY_ACT


def _characterized(noun: Token) -> bool:
    """A known act (with its determiner or owner) that a clause says what it was: "the murder of the six
    Jesuits ... was an action by the armed forces", "the attack was the work of the rebels"."""
    if noun.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    verb = noun.head  # told as what someone says ("stated that ..."), not the sentence's own clause
    if verb.lemma_.lower() != "be" or verb.dep_ == "ROOT" or verb.head.i == verb.i:
        return False
    return any(c.dep_ in ("attr", "acomp") for c in verb.children)


def nearest_time(doc: Doc, trigger: Token, times: Sequence[Evidence]) -> Evidence | None:
    """The time expression closest to the trigger in the parse; the date of the telling ("sources told
    X on 13 November") only when the text gives no other, since what was told happened by then; a
    duration ("since July") only when the sentence gives no point in time; never the time of another act
    about an event noun (:func:`dates_another_act`), of a statement about the event
    (:func:`dates_a_statement`), of what the event answered (:func:`tells_what_came_before`), or outside
    the phrase of an act named to describe something else (:func:`describes_something_else`): the event
    then keeps the reporting window. Of two
    times equally close in the parse, one that opens the sentence (:func:`fronted`) comes first."""
    best: tuple[bool, bool, int, bool, int] | None = None
    chosen = None
    described = describes_something_else(trigger)
    own = range(trigger.left_edge.i, trigger.right_edge.i + 1)
    for t in times:
        root = span_root(doc, t.start, t.end)
        if root is None or dates_another_act(root, trigger, t):
            continue
        if described and root.i not in own and not _YEAR.search(t.text):
            continue  # "the masterminds of the murder ... today said": today is the saying's
        if dates_a_statement(root, trigger, t) or tells_what_came_before(root, trigger):
            continue
        key = (
            dates_the_report(root, trigger),
            DURATION.match(t.text) is not None,
            tree_distance(trigger, root),
            not fronted(doc, t, trigger),
            abs(t.start - trigger.idx),
        )
        if best is None or key < best:
            best, chosen = key, t
    return chosen
