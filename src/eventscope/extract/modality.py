"""How sure the text is that an event happened.

One of asserted, claimed, alleged, attempted, planned, denied, negated.

Cues are looked for on the trigger and on the verbs that govern it inside its sentence, stopping at a
speech verb (what a source *said* is attribution, not modality, except "claim" and "deny").
The strongest cue wins: denied > negated > attempted > planned > claimed > alleged.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventscope.extract.syntax import evidence, lemma_of
from eventscope.models import Evidence, Modality

ATTEMPT = frozenset({"attempt", "try", "seek", "fail", "struggle"})
PLAN = frozenset(
    {"plan", "intend", "prepare", "vow", "pledge", "aim", "threaten", "expect", "consider", "propose"}
)
DENY = frozenset({"deny", "refute", "dismiss", "reject", "disavow"})
# "ceased bombing pipelines", "abstain from any attack": the event is what someone stops or forgoes
FORGO = frozenset({"cease", "abstain", "refrain"})
CLAIM = frozenset({"claim"})
HEDGE_WORDS = frozenset(
    {"alleged", "allegedly", "reportedly", "purported", "purportedly", "suspected", "apparent"}
)
FUTURE_AUX = frozenset({"will", "would", "could", "might", "may", "shall", "'ll"})
NEGATORS = frozenset({"not", "never", "n't", "no"})
SPEECH_STOP = frozenset({"say", "tell", "report", "cite", "announce", "add", "state", "confirm"})

RANK = [
    Modality.DENIED,
    Modality.NEGATED,
    Modality.ATTEMPTED,
    Modality.PLANNED,
    Modality.CLAIMED,
    Modality.ALLEGED,
]


def find_modality(trigger: Token, sentence: Span, article_id: str) -> tuple[Modality, Evidence | None]:
    found: dict[Modality, Token] = {}
    chain = [trigger]
    for anc in trigger.ancestors:
        if not sentence.start <= anc.i < sentence.end:
            break
        chain.append(anc)
        if lemma_of(anc) in SPEECH_STOP or lemma_of(anc) in DENY or lemma_of(anc) in CLAIM:
            break
    for i, token in enumerate(chain):
        lemma = lemma_of(token)
        if i > 0:
            if lemma in DENY:
                found.setdefault(Modality.DENIED, token)
            elif lemma in FORGO:
                found.setdefault(Modality.NEGATED, token)
            elif lemma in ATTEMPT:
                found.setdefault(Modality.ATTEMPTED, token)
            elif lemma in PLAN:
                found.setdefault(Modality.PLANNED, token)
            elif lemma in CLAIM or lemma == "say" and _what_they_said(token, chain[i - 1]):
                found.setdefault(Modality.CLAIMED, token)
        for child in token.children:
            low = child.lower_
            if child.dep_ == "neg" or (low in NEGATORS and child.dep_ == "det"):
                if token.pos_ in ("VERB", "AUX", "NOUN") and (
                    i == 0 or token.dep_ in ("xcomp", "ROOT", "ccomp")
                ):
                    found.setdefault(Modality.NEGATED, child)
            elif low in FUTURE_AUX and child.dep_ == "aux" and i <= 1:
                found.setdefault(Modality.PLANNED, child)
            elif low in HEDGE_WORDS:
                found.setdefault(Modality.ALLEGED, child)
    # "what they said was a widespread campaign": the trigger is the attribute of a clause under "said"
    if trigger.dep_ == "attr":
        for anc in trigger.ancestors:
            if lemma_of(anc) == "say" and any(c.lower_ == "what" for c in anc.subtree):
                found.setdefault(Modality.CLAIMED, anc)
                break
    for modality in RANK:
        if modality in found:
            cue = found[modality]
            if modality is Modality.NEGATED and Modality.ATTEMPTED in found:
                # "failed to take": an attempt, not a negation
                modality, cue = Modality.ATTEMPTED, found[Modality.ATTEMPTED]
            return modality, evidence(article_id, cue)
    return Modality.ASSERTED, None


def _what_they_said(say: Token, below: Token) -> bool:
    return any(c.lower_ == "what" for c in say.subtree) and below.dep_ in ("ccomp", "attr")
