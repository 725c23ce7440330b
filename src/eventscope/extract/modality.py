"""How sure the text is that an event happened.

One of asserted, claimed, alleged, attempted, planned, denied, negated.

Cues are looked for on the trigger and on the words that govern it inside its own clause
(extract/modality_scope.py says how far each kind of cue reaches), stopping at a speech verb (what a
source *said* is attribution, not modality, except "claim" and "deny").
The strongest cue wins: denied > negated > attempted > planned > claimed > alleged.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventscope.extract.modality_scope import Step, is_definite, scope_path
from eventscope.extract.syntax import evidence, lemma_of
from eventscope.models import Evidence, Modality

ATTEMPT = frozenset({"attempt", "try", "seek", "fail", "struggle"})
PLAN = frozenset(
    {
        "plan",
        "intend",
        "prepare",
        "vow",
        "pledge",
        "aim",
        "threaten",
        "expect",
        "consider",
        "propose",
        "schedule",
    }
)
# "the man who planned the murder", "accused of preparing the bombing": the plan is the planner's, and
# the definite event it names is reported as having happened.
PLAN_OF_KNOWN_EVENT = frozenset({"plan", "prepare", "plot", "organize", "organise"})
DENY = frozenset({"deny", "refute", "dismiss", "reject", "disavow"})
# "ceased bombing pipelines", "abstain from any attack": the event is what someone stops or forgoes
FORGO = frozenset({"cease", "abstain", "refrain"})
CLAIM = frozenset({"claim"})
ALLEGE = frozenset({"allege"})
# "accused of killing", "suspected of planting the bomb", "charged with murder": someone alleges it
ACCUSE = {"accuse": "of", "suspect": "of", "charge": "with"}
HEDGE_WORDS = frozenset(
    {"alleged", "allegedly", "reportedly", "purported", "purportedly", "suspected", "apparent"}
)
FUTURE_AUX = frozenset({"will", "would", "could", "might", "may", "shall", "'ll"})
# "if they attack the town", "unless the army withdraws": a condition, not a report
CONDITIONAL = frozenset({"if", "unless"})
# "will be held responsible when they attack": a condition when the main clause is yet to come
TEMPORAL = frozenset({"when", "whenever", "once", "until", "before", "after"})
# "may have been killed": a guess about the past, not a plan
EPISTEMIC_AUX = frozenset({"may", "might", "must"})
NEGATORS = frozenset({"not", "never", "n't", "no"})
SPEECH_STOP = frozenset({"say", "tell", "report", "cite", "announce", "add", "state", "confirm"})
# Arcs through which a cue verb's subject is the event: only "the attack failed" says something of it;
# "the fighting threatened to spread" does not make the fighting a plan.
SUBJECT_ARCS = frozenset({"nsubj", "csubj"})

RANK = [
    Modality.DENIED,
    Modality.NEGATED,
    Modality.ATTEMPTED,
    Modality.PLANNED,
    Modality.CLAIMED,
    Modality.ALLEGED,
]


def find_modality(trigger: Token, sentence: Span, article_id: str) -> tuple[Modality, Evidence | None]:
    """The modality of the event ``trigger`` names, and the word that says so (None when asserted)."""
    path = scope_path(trigger, sentence, SPEECH_STOP | DENY | CLAIM)
    found: dict[Modality, Token] = {}
    for i, step in enumerate(path):
        if i > 0:
            cue = _cue_verb(path, i)
            if cue is not None:
                found.setdefault(cue, step.token)
        for modality, word in _operators(step, i):
            found.setdefault(modality, word)
    top = path[-1].token
    condition = _condition(top)
    if condition is not None:
        found.setdefault(Modality.PLANNED, condition)
    if top.dep_ == "relcl" and top.head.pos_ == "NOUN" and lemma_of(top.head) in PLAN:
        # "a terrorist plan that includes the murder of officials": what the plan holds is planned
        found.setdefault(Modality.PLANNED, top.head)
    if trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ == "without" and not is_definite(trigger):
        # "entered the town without firing a shot", "ended without casualties"; not "without the
        # bombing they would have won", which takes the bombing as given
        found.setdefault(Modality.NEGATED, trigger.head)
    # "what they said was a widespread campaign": the trigger is the attribute of a clause under "said"
    if trigger.dep_ == "attr":
        for anc in trigger.ancestors:
            if lemma_of(anc) == "say" and any(c.lower_ == "what" for c in anc.subtree):
                found.setdefault(Modality.CLAIMED, anc)
                break
    for modality in RANK:
        if modality in found:
            cue_word = found[modality]
            if modality is Modality.NEGATED and Modality.ATTEMPTED in found:
                # "failed to take": an attempt, not a negation
                modality, cue_word = Modality.ATTEMPTED, found[Modality.ATTEMPTED]
            return modality, evidence(article_id, cue_word)
    return Modality.ASSERTED, None


def _cue_verb(path: list[Step], i: int) -> Modality | None:
    """The modality a governing word at ``path[i]`` gives the trigger, if it is a cue word for one."""
    step, below = path[i], path[i - 1].token
    lemma = lemma_of(step.token)
    if step.arc in SUBJECT_ARCS and lemma != "fail":
        return None
    if step.arc == "nsubjpass" and lemma == "consider":
        # "the murder cannot be considered an isolated action": a judgement, not a plan
        return None
    if lemma in DENY:
        return Modality.DENIED
    if lemma in FORGO:
        return Modality.NEGATED
    if lemma in ATTEMPT:
        return Modality.ATTEMPTED
    if lemma in PLAN:
        if _plans_known_event(step, below):
            return None
        return Modality.PLANNED
    if lemma in CLAIM and _is_denied_claim(step.token):
        # "has not yet claimed responsibility for the attack": nobody claims it; the attack is reported
        return None
    if lemma in CLAIM or lemma == "say" and _what_they_said(step.token, below):
        return Modality.CLAIMED
    if lemma in ALLEGE:
        return Modality.ALLEGED
    if lemma in ACCUSE and i == 2 and below.lower_ == ACCUSE[lemma] and path[1].arc in ("pobj", "pcomp"):
        return Modality.ALLEGED
    return None


def _operators(step: Step, i: int) -> list[tuple[Modality, Token]]:
    """Negations, future auxiliaries and hedges on one word of the path that reach the trigger."""
    token = step.token
    found: list[tuple[Modality, Token]] = []
    if i > 0 and lemma_of(token) in SPEECH_STOP:
        # "did not say when the troops would withdraw": not saying is no negation of what is said
        return found
    for child in token.children:
        low = child.lower_
        if child.dep_ == "neg" or (low in NEGATORS and child.dep_ == "det"):
            if step.negation and token.pos_ in ("VERB", "AUX", "NOUN"):
                found.append((Modality.NEGATED, child))
        elif low in FUTURE_AUX and child.dep_ == "aux" and step.hops <= 1 and step.future:
            guess = low in EPISTEMIC_AUX and any(
                c.dep_ == "aux" and lemma_of(c) == "have" and c.i > child.i for c in token.children
            )
            found.append((Modality.ALLEGED if guess else Modality.PLANNED, child))
        elif low in HEDGE_WORDS and (i == 0 or child.dep_ == "advmod"):
            # "the alleged attack", "reportedly attacked"; not "the alleged mastermind of the attack"
            found.append((Modality.ALLEGED, child))
    return found


def _condition(top: Token) -> Token | None:
    """The conjunction of a conditional clause the trigger's clause is: "if the rebels attack", "when
    they attack" under a main clause in the future ("they will be punished when they attack")."""
    if top.dep_ != "advcl":
        return None
    # the parser attaches "when" as an adverb, "if" as a marker
    mark = next((c for c in top.children if c.dep_ in ("mark", "advmod") and c.i < top.i), None)
    if mark is None:
        return None
    if mark.lower_ in CONDITIONAL:
        return mark
    main_is_future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in top.head.children)
    return mark if mark.lower_ in TEMPORAL and main_is_future else None


def _plans_known_event(step: Step, below: Token) -> bool:
    """'who had planned the murder', 'arrested for planning the attack': a definite noun event planned
    inside a clause that describes someone is reported as having happened."""
    return (
        lemma_of(step.token) in PLAN_OF_KNOWN_EVENT
        and step.arc == "dobj"
        and below.pos_ == "NOUN"
        and is_definite(below)
        and step.token.dep_ in ("relcl", "acl", "pcomp")
    )


def _is_denied_claim(claim: Token) -> bool:
    """'X has not claimed', 'no group has claimed', 'nobody claimed'."""
    for child in claim.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in ("nobody", "none", "noone")
            or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        ):
            return True
    return False


def _what_they_said(say: Token, below: Token) -> bool:
    return any(c.lower_ == "what" for c in say.subtree) and below.dep_ in ("ccomp", "attr")
