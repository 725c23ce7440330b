"""Members of an armed group reported killed by state forces in the passive ("three suspected gang members
killed by police", "two militia suspects shot dead by soldiers"): the parties of a headline-style report.

ACLED codes the state's operations against armed groups, their suspected members included, as Battles
(codebook, Armed clash: a violent interaction between two politically organised armed groups); the
victims of a passive verb are its subject, its agent follows "by". Every word list is general English.
"""

from __future__ import annotations

import re

from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_agents import agents_in

# "... killed in total by police", "shot dead on Friday by the security forces"
_BY_AFTER = re.compile(r"(?i)^\s*(?:dead\s+|to\s+death\s+)?(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?")
# A group's members or suspects named in the subject: "Mungiki suspects", "suspected SLDF members",
# "members of the X", "suspected gang members", "suspected militants".
_MEMBERS = re.compile(
    r"\b[A-Z][\w-]+\s+(?:suspects?|members?|militants?|fighters?|militiamen|adherents|followers)\b"
    r"|\b[Ss]uspected\s+(?:[A-Z][\w-]+|gang\w*|militia\w*|militants?|terror\w*|criminals?|robbers?|"
    r"bandits?|carjackers?|raiders?)"
    r"|\bmembers?\s+of\s+(?:the\s+|a\s+)?(?:[A-Z]|gang|militia|sect|outlawed|proscribed)"
)
# Where the subject's clause starts: punctuation or a conjunction.
_CLAUSE = re.compile(r"(?i)[,.;:()]|\b(?:after|when|as|while|and|but|who|which|that)\b")


def members_killed_by_forces(main: Mention, text: str) -> tuple[ActorRef, ActorRef] | None:
    """(actor, target) of violence whose words say state forces harmed members of an armed group in
    the passive ("two Mungiki suspects killed by police"); None otherwise."""
    trigger = main.trigger
    if not text or text[trigger.start : trigger.end] != trigger.text:
        return None
    by = _BY_AFTER.match(text[trigger.end : trigger.end + 60])
    if by is None:
        return None
    start = trigger.end + by.end()
    found = agents_in(text[start : start + 40])
    if not found or found[0][0] != 0 or found[0][2] is not ActorKind.STATE_FORCES:
        return None
    sentence_start = main.sentence.start
    before = text[sentence_start : trigger.start]
    clause = sentence_start + max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    members = _MEMBERS.search(text, clause, trigger.start)
    if members is None:
        return None
    _, end, _ = found[0]
    actor = ActorRef(
        Evidence(main.article_id, start, start + end, text[start : start + end]), kind=ActorKind.STATE_FORCES
    )
    target = ActorRef(
        Evidence(main.article_id, members.start(), members.end(), members.group()),
        kind=ActorKind.POLITICAL_MILITIA,
    )
    return actor, target
