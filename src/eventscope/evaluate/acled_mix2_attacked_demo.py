"""Demonstrators attacked by others (used by :func:`eventscope.evaluate.acled_notes.code_note`).

ACLED codebook, Protests: Protest with intervention "should cover any instance where armed groups or
rioters interact with peaceful protesters without resulting in serious/lethal injuries"; Excessive
force against protesters is peaceful demonstrators experiencing violence leading, or liable to lead,
to serious or lethal injuries. A note that tells people other than the state's forces attacking the
demonstrators ("unknown people attacked the demonstrators", "a man in a car shot two protesters",
"protesters were stabbed by a rival group") and no violence by the demonstrators themselves reports a
demonstration that was attacked, not a riot: the attackers' violence does not make the demonstrators
rioters. The state's force on a demonstration has its own rules (:mod:`acled_force_verdict`).
General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.evaluate.acled_crowds import violence_in_words
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.ontology import crosswalk

_DEMONSTRATORS = (
    r"(?:protest[eo]rs|demonstrators|marchers|(?:protesting|demonstrating|striking|marching)\s+"
    r"(?!(?:against|over|about|for|on|in|at|outside|the|a|an|this|their)\b)[a-z]+s)"
)
_ATTACKED_ACTIVE = (
    r"(?:attack(?:ed|s|ing)?|shot|shoots?|shooting|pelt(?:ed|s|ing)|assault(?:ed|s|ing)?|stabb(?:ed|ing)|"
    r"stabs?|hack(?:ed|s|ing)|beat|beats|beating|injur(?:ed|es|ing)|descend(?:ed|s)\s+on|set\s+upon|"
    r"open(?:ed|s)?\s+fire\s+on)"
)
# "<doer> attacked the demonstrators", "<doer> shot one person and injured two other protesters".
_ACTIVE = re.compile(
    rf"(?i)(?P<doer>[^.;,]{{3,60}}?)\s+{_ATTACKED_ACTIVE}\s+(?:[\w-]+\s+){{0,4}}?{_DEMONSTRATORS}\b"
)
# "protesters were attacked by <doer>".
_PASSIVE = re.compile(
    rf"(?i)\b{_DEMONSTRATORS}\s+(?:[\w-]+\s+){{0,3}}?(?:was|were|got)\s+(?:\w+\s+)?"
    r"(?:attacked|shot|pelted|assaulted|stabbed|beaten|hacked|injured)\s+by\s+(?P<doer>[^.;,]{3,60})"
)
# The demonstrators' own people or the state named as the doer: not an attack by others.
_OWN_OR_STATE = re.compile(
    r"(?i)\b(?:protest[eo]rs?|demonstrators?|marchers|they|police\w*|officers?|soldiers|troops|security|"
    r"askaris|guards|army|military|paramilitar\w*|forces)\b"
)
# Serious or lethal harm (ACLED: Excessive force against protesters).
_SERIOUS = re.compile(
    r"(?i)\b(?:kill\w*|dead|died|death|shot|stabb\w*|hacked|serious(?:ly)?|critical(?:ly)?|"
    r"hospitali[sz]\w*|gunshot|bullet)\b"
)
# Road blocks told anywhere: demonstrators' disruption ACLED codes as a riot as often as not.
_BLOCKING = re.compile(r"(?i)\b(?:block\w*|barricad\w*|bonfires?)\b")
# Harm the demonstrators did: "hacked to death by angry demonstrators".
_BY_DEMONSTRATORS = re.compile(
    r"(?i)\bby\s+(?:the\s+)?(?:[\w-]+\s+)?(?:protest[eo]rs|demonstrators|marchers)\b"
)


def attacked_demonstrators(main: Mention, text: str) -> Mention:
    """``main`` as a demonstration attacked by others (Protest with intervention, or Excessive force
    against protesters when the harm was serious) when it is a demonstration, a riot or an attack in
    a note that tells people other than the state's forces attacking the demonstrators and tells no
    violence or road blocks by the demonstrators; else ``main`` unchanged."""
    coded = main.type
    if not text or coded.acled_type not in ("Riots", "Protests", "Violence against civilians"):
        return main
    if coded.acled_type == "Protests" and coded.acled_sub_type == "Excessive force against protesters":
        return main
    found = _attack_on_demonstrators(text)
    if found is None:
        return main
    rest = text[: found.start()] + text[found.end() :]
    if violence_in_words(rest) or _BLOCKING.search(text) or _BY_DEMONSTRATORS.search(rest):
        return main
    serious = _SERIOUS.search(text) is not None
    event = crosswalk(
        "ASSAULT", None, recipient_kind=ActorKind.PROTESTERS, fatalities=True if serious else None
    )
    # ACLED's actor 1 of force on a demonstration is who used it: the doer, of no kind the note gives
    start, end = found.span("doer")
    while start < end and text[start].isspace():
        start += 1
    doer = ActorRef(Evidence(main.trigger.article_id, start, end, text[start:end]))
    crowd = ActorRef(main.trigger, kind=ActorKind.PROTESTERS)
    return replace(main, type=event, actor=doer, recipient=crowd)


def _attack_on_demonstrators(text: str) -> re.Match[str] | None:
    """The clause telling others attack the demonstrators, when its doer is neither the state's forces
    nor the demonstrators (:data:`_OWN_OR_STATE`, the agent lexicon's state forces)."""
    for pattern in (_ACTIVE, _PASSIVE):
        for found in pattern.finditer(text):
            doer = found.group("doer")
            if _OWN_OR_STATE.search(doer):
                continue
            if any(kind is ActorKind.STATE_FORCES for _, _, kind in agents_in(doer)):
                continue
            return found
    return None
