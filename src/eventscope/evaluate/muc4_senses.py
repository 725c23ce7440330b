"""Event words a MUC-4 message uses in another sense than a reported incident: figuratively ("a time
bomb", "harshly attacked the president"), for a plan or a danger ("the mission of assassinating"), or in
a question. Part of :data:`muc4_exclusions.EXCLUSIONS <eventscope.evaluate.muc4_exclusions.EXCLUSIONS>`.
"""

from __future__ import annotations

from eventscope.evaluate.muc4_text import words_before, words_of
from eventscope.models import Mention

# Modifiers that make an event word figurative ("a time bomb", "the atomic bomb") and targets that
# make "attack" a verbal one ("an attack against democracy", "attacked the programs").
FIGURATIVE_BEFORE = frozenset({"time", "atomic", "nuclear", "hydrogen"})
VERBAL_ADVERBS = frozenset({"harshly", "sharply", "verbally", "bitterly", "openly", "publicly", "strongly"})
ABSTRACT_TARGETS = frozenset(
    {
        "democracy", "homeland", "nation", "sovereignty", "constitution", "program", "programs", "policy",
        "policies", "freedom", "peace", "process", "dignity", "rights", "institutions", "economy", "image",
        "sector",
    }
)  # fmt: skip


def is_figurative(mention: Mention) -> bool:
    """A figurative sense: "inflation can be a time bomb", "more dangerous than the atomic bomb",
    "harshly attacked President Duarte", "an attack against our homeland", "attacked the programs"."""
    word = mention.trigger.text.lower()
    before = words_before(mention, 1)
    if before and before[0] in FIGURATIVE_BEFORE:
        return True
    if not word.startswith(("attack", "assault")):
        return False
    if before and before[0] in VERBAL_ADVERBS:
        return True
    return mention.recipient is not None and bool(
        words_of(mention.recipient.evidence.text) & ABSTRACT_TARGETS
    )


# Nouns just before an event word that make it a plan or a danger, not a deed ("had the mission of
# assassinating", "the danger of his being shot", "proceed with the bombing").
PLAN_WORDS = frozenset(
    {
        "mission", "plan", "plans", "plot", "intention", "orders", "ready", "proceed", "danger",
        "possibility", "risk",
    }
)  # fmt: skip


def is_hypothetical(mention: Mention) -> bool:
    """Violence planned, ordered or feared ("the mission of assassinating the president", "orders to
    shoot down hostile aircraft", "the danger of his being shot at")."""
    return bool(set(words_before(mention, 4)) & PLAN_WORDS)


def is_question(mention: Mention) -> bool:
    """Violence asked about, not reported ("or would you prefer to see the country explode?"); a date
    of its own ("the eight bombs that were detonated yesterday?") makes it a reported one."""
    if mention.time is not None and mention.time.evidence is not None:
        return False
    return mention.sentence.text.rstrip(" \"'\n").endswith("?")
