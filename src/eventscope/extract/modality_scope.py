"""Which governing words a trigger is in the scope of: the path up the parse a modality cue may travel.

A careful coder reads "have not resulted in any deaths, although several people have been injured" as
no deaths and some injuries: the negation belongs to its own clause. So the walk from the trigger up
its ancestors stops at a clause boundary (an adverbial clause, a relative clause, a clause in parataxis,
a coordinated clause with a subject of its own), and two kinds of cue travel different distances:

* cue *verbs* ("deny", "try", "plan") govern every argument of their own clause: "planned an attack",
  "attempted to advance", "the attack was planned";
* *operators* on a governing verb (a negation, a future auxiliary) reach the trigger only through
  complements ("did not try to take", "will launch an offensive"), not through a subject or an adjunct:
  "the attack did not kill anyone" and "was not injured in the attack" both report an attack. A definite
  noun ("the attack", "the group's bombing") names an event the text takes as given, so an operator
  reaches it only through a verb that performs it ("the attack was not carried out").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventscope.extract.syntax import lemma_of

# Dependents that are clauses of their own: nothing above them says how sure the text is of them.
CLAUSE_BOUNDARIES = frozenset({"relcl", "advcl", "parataxis"})
# "the plan to attack", "an attempt to kill": the noun is a cue of the trigger's clause, nothing above it is.
NOUN_CLAUSES = frozenset({"acl"})
# Verbs a noun event is the subject of when the clause says whether the event took place at all.
OCCUR = frozenset(
    {
        "happen",
        "occur",
        "take",
        "materialize",
        "materialise",
        "proceed",
        "go",
        "come",
        "begin",
        "start",
        "resume",
        "continue",
        "break",
        "erupt",
    }
)
# Verbs that perform the event their object or passive subject names ("did not carry out the attack").
PERFORM = frozenset(
    {
        "carry",
        "launch",
        "commit",
        "conduct",
        "stage",
        "mount",
        "perpetrate",
        "execute",
        "make",
        "hold",
        "order",
        "cause",
        "unleash",
        "wage",
        "begin",
        "start",
        # "will not allow the murder of the peoples": what is allowed is yet to happen
        "allow",
        "permit",
        "tolerate",
    }
)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# An operator on the first conjunct also covers the second: "did not attack or loot", "will attack and burn".
# (A future auxiliary is shared by every conjunct: "will attack the base but spare the town".)
NEGATION_SPREADS = frozenset({"or", "nor"})
# "the meeting's agenda", "the attack's victims": a possessor is a given thing, whatever the clause says
STOP_ARCS = frozenset({"poss"})


@dataclass(frozen=True)
class Step:
    """One token on the path from the trigger up to the top of its clause.

    ``negation`` / ``future``: whether a negation / a future auxiliary on this token reaches the
    trigger. ``arc``: the dependency label of the token below it (the trigger's own for the trigger).
    ``hops``: arcs from the trigger, not counting those between conjuncts ("the enslavement and murder").
    """

    token: Token
    arc: str
    negation: bool
    future: bool
    hops: int


def scope_path(trigger: Token, sentence: Span, stop_lemmas: frozenset[str]) -> list[Step]:
    """The trigger and the governors whose cues it is in the scope of, nearest first.

    The walk also ends just after a word in ``stop_lemmas`` (speech and denial verbs: what a source
    said is attribution, not modality)."""
    path = [Step(trigger, trigger.dep_, True, True, 0)]
    below, negation, future, hops = trigger, True, True, 0
    while below.head.i != below.i:  # the root is its own head
        head, arc = below.head, below.dep_
        if not sentence.start <= head.i < sentence.end or arc in CLAUSE_BOUNDARIES:
            break
        if arc in STOP_ARCS or (arc == "conj" and _has_own_subject(below)):
            break
        hops += arc != "conj"
        if arc == "conj" and not _negation_spreads(below, head):
            # "did not attack the base but burned the village": the first conjunct's own negation
            # stays there; one above both ("did not allow them to regroup and attack") covers both
            path.append(Step(head, arc, False, future, hops))
        else:
            negation, future = _operators_reach(below, head, arc, negation, future)
            path.append(Step(head, arc, negation, future, hops))
        if arc in NOUN_CLAUSES or lemma_of(head) in stop_lemmas:
            break
        below = head
    return path


def _operators_reach(below: Token, head: Token, arc: str, negation: bool, future: bool) -> tuple[bool, bool]:
    """Whether a negation / future auxiliary on ``head`` still reaches the trigger, one arc higher."""
    if arc == "ccomp" and _is_question(below):
        # "it is not clear who killed the minister", "did not know if he was the target of the attack":
        # not knowing which, or whether, is no negation of the event
        return False, False
    if arc in ("xcomp", "ccomp", "attr", "oprd", "acl", "prep"):
        # "prep": the step from a preposition up to its verb; its object was judged on the step below
        return negation, future
    if arc == "conj":
        return negation, future
    if arc == "pobj":
        # "did not result in any deaths" (an event the negation denies) against "was not injured in the
        # attack" (an event the sentence takes as given); "is not deterred by bombings": the agent of a
        # passive is given too
        reach = not is_definite(below) and head.dep_ != "agent" and head.lower_ != "by"
        return negation and reach, future and reach
    if arc == "dobj":
        reach = lemma_of(head) in PERFORM or not is_definite(below)
        return negation and reach, future and reach
    if arc == "nsubjpass":
        reach = lemma_of(head) in PERFORM | OCCUR
        return negation and reach, future and reach
    if arc == "csubj":
        # "to bomb the civilian population would be a barbaric act": a clause, not a given event
        return negation, future
    if arc == "nsubj":
        reach = lemma_of(head) in OCCUR
        return negation and reach, future and reach
    return False, False


def is_definite(noun: Token) -> bool:
    """A noun phrase naming a known thing: "the attack", "Sunday's bombing", "these killings"."""
    if noun.pos_ == "PROPN":
        return True
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in noun.children)


def _negation_spreads(below: Token, head: Token) -> bool:
    """Whether a negation on the first conjunct covers this one: nouns are one phrase ("did not allow
    the enslavement and murder"); verbs only under "or"/"nor" ("did not loot or burn")."""
    if below.pos_ in ("NOUN", "PROPN"):
        return True
    words = {c.lower_ for c in (*head.children, *below.children) if c.dep_ in ("cc", "preconj")}
    return not words or bool(words & NEGATION_SPREADS)


def _is_question(clause: Token) -> bool:
    """An embedded question: "whether/if they attacked", "who killed him", "where they took place"."""
    return any(
        (c.dep_ == "mark" and c.lower_ in ("if", "whether")) or c.tag_ in ("WP", "WRB", "WDT", "WP$")
        for c in clause.children
    )


def _has_own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in token.children)
