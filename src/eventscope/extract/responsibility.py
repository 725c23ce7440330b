"""Who a sentence holds responsible for an act it names without an agent: "X claimed responsibility for the
bombing", "the attack was blamed on X", "hold X responsible for", "accused X of (perpetrating)", "officers
were implicated in the massacre" (extract.roles takes the party as the act's actor)."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.extract.syntax import is_passive, lemma_of, passive_subject, prep_objects, subject

__all__ = ["responsible_party"]

# Verbs by which a party owns an act ("X claimed responsibility for the bombing"); "denied
# responsibility" is not among them.
CLAIMING = frozenset({"claim", "assume", "accept", "take", "bear", "admit", "acknowledge"})
# Verbs that pin an act on a party: "attributed the attack to X", "blamed X for the attack", "blamed
# the attack on X", "the bombing was attributed to X".
ASCRIBING = frozenset({"attribute", "blame", "ascribe", "impute"})
# Verbs by which a party commits an act ("accused the army of perpetrating the attack").
PERPETRATING = frozenset({"perpetrate", "commit", "carry", "plan", "order", "mastermind"})
# Verbs that charge a party with an act: "accused X of (perpetrating) the attack".
ACCUSING = frozenset({"accuse", "charge", "suspect", "convict"})
# Words by which a party took part in a wrong: "officers were implicated in the massacre", "the men
# implicated in the murder". Not "involved" or "participated": parties are involved in talks and take
# part in clashes (on the PLOVER dev set it moved actors of talks and cost a type).
INVOLVED = frozenset({"implicated"})
DENYING = frozenset({"deny", "reject", "refuse", "disclaim"})


def responsible_party(trigger: Token) -> Token | None:
    """The party the sentence holds responsible for an act it names without an agent: "X claimed
    responsibility for the bombing / for detonating a bomb", "X was responsible for the massacre",
    "police attributed the attack to X", "blamed X for the attack", "blamed the attack on X", "hold X
    responsible for", "X's responsibility for", "accused X of (perpetrating)", "the massacre planned by
    X"."""
    head, dep = trigger.head, trigger.dep_
    if dep in ("pobj", "pcomp") and head.lower_ == "for":
        owner = head.head
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in owner.children):
            return None  # "bears no responsibility for", "was not responsible for"
        if owner.lower_ == "responsibility" and owner.dep_ == "dobj" and lemma_of(owner.head) in CLAIMING:
            return subject(owner.head)
        if lemma_of(owner) in CLAIMING and any(c.lower_ == "responsibility" for c in owner.children):
            return subject(owner)  # the parser hangs "for ..." on the verb
        if owner.lower_ == "responsible" and owner.dep_ == "acomp":
            if any(c.dep_ == "neg" for c in owner.head.children):
                return None
            return subject(owner.head)
        if lemma_of(owner) in ASCRIBING:  # "blamed X for the attack" / "X was blamed for"
            if is_passive(owner):
                return passive_subject(owner)
            return next((c for c in owner.children if c.dep_ == "dobj"), None)
        if owner.lower_ == "responsible" and lemma_of(owner.head) == "hold":
            return _held(owner)  # "they hold the army responsible for the massacre"
        if owner.lower_ == "responsibility" and owner.dep_ == "dobj":
            on = prep_objects(owner.head, ("on", "upon")) or prep_objects(trigger, ("on", "upon"))
            if on:  # "placed the responsibility for the killing on mid-level officers"
                return on[0]
        if owner.lower_ == "responsibility" and lemma_of(owner.head) not in DENYING:
            return next((c for c in owner.children if c.dep_ == "poss"), None)  # "the army's
            # responsibility for the massacre"
        if lemma_of(owner) in ACCUSING:  # "accused the army of the massacre" (parsed "for" alike)
            return _accused(owner)
    if dep in ("pobj", "pcomp") and head.lower_ == "in" and head.head.lower_ in INVOLVED:
        return _involved(head.head)  # "two officers were implicated in the massacre"
    if dep in ("pobj", "pcomp") and head.lower_ == "of":  # "accused the army of the massacre"
        if lemma_of(head.head) in ACCUSING:
            return _accused(head.head)
        if head.head.dep_ == "dobj" and lemma_of(head.head.head) in ACCUSING:  # "of" on the object
            return head.head
    if dep == "dobj" and lemma_of(head) in PERPETRATING and head.dep_ == "pcomp":
        prep = head.head  # "accused the army of perpetrating the attack"
        if prep.lower_ == "of" and lemma_of(prep.head) in ACCUSING:
            return _accused(prep.head)
    if lemma_of(head) in ASCRIBING and dep in ("dobj", "nsubjpass"):
        to = prep_objects(head, ("to", "on")) or prep_objects(trigger, ("to", "on"))  # or on the noun
        return to[0] if to else None
    for clause in trigger.children:  # "an attack attributed to X", "killings blamed on X"
        if clause.dep_ in ("acl", "relcl") and lemma_of(clause) in ASCRIBING:
            to = prep_objects(clause, ("to", "on"))
            if to:
                return to[0]
        if clause.dep_ == "relcl" and lemma_of(clause) == "hold":  # "the massacre, for which they
            held = next((c for c in clause.children if c.lower_ == "responsible"), None)  # hold X
            if held is not None:  # responsible"
                return _held(held)
        if clause.dep_ == "acl" and lemma_of(clause) in PERPETRATING and clause.tag_ == "VBN":
            by = prep_objects(clause, ("by",))  # "the massacre planned by the government"
            if by:
                return by[0]
    return None


def _held(responsible: Token) -> Token | None:
    """Who "hold ... responsible" names: "hold the army responsible" (the army parsed as the object of
    "hold" or the subject of "responsible"); none when negated."""
    verb = responsible.head
    if any(c.dep_ == "neg" for c in (*verb.children, *responsible.children)):
        return None
    found = next((c for c in responsible.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return found or next((c for c in verb.children if c.dep_ == "dobj"), None)


def _accused(verb: Token) -> Token | None:
    """Who an accusing verb charges: its object ("accused the army of ..."), or its passive subject ("the
    army was accused of ...")."""
    if is_passive(verb):
        return passive_subject(verb)
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _involved(word: Token) -> Token | None:
    """Who "implicated in" names: the subject ("officers were implicated in"), or the noun the
    participle describes ("the officers implicated in"); none when negated."""
    verb = word.head if word.dep_ in ("acomp", "xcomp") else word
    if any(c.dep_ == "neg" for c in (*verb.children, *word.children)):
        return None
    if word.dep_ in ("acl", "amod"):
        return word.head
    return passive_subject(verb) or subject(verb)
