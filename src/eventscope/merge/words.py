"""The words reports use for a happening's participants, as the merge compares them: content words and
adjacent pairs of them ("bernardo jaramillo"), with generic people words and counts left out, plurals
folded. ``compare.py`` scores the names two reports share; ``names.py`` weighs each word by how rare and
how newly frequent it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from eventscope.models import ActorRef, Mention

# Words that describe people without identifying them: "three soldiers" and "two soldiers" are not a match.
GENERIC_WORDS = frozenset(
    """
    people person persons civilian civilians soldier soldiers troop troops force forces army police policeman
    policemen officer officers member members man men woman women child children boy boys girl girls resident
    residents villager villagers peasant peasants worker workers student students guerrilla guerrillas rebel
    rebels militant militants terrorist terrorists gunman gunmen attacker attackers fighter fighters combatant
    combatants insurgent insurgents extremist extremists jihadist jihadists assailant assailants raider
    raiders suspect suspects unidentified unknown armed
    group groups individual individuals family families other others several some many dozens hundreds
    thousands government official officials leader leaders the a an of and its their his her
    """.split()  # noqa: SIM905 - a word list reads better as text
) | frozenset(  # counts are not names either: "four people" and "at least four soldiers"
    """
    zero three four five seven eight nine eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
    nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen least
    more than about around nearly almost over
    """.split()  # noqa: SIM905
)


WORD = re.compile(r"[^\W\d_][\w'’\-]*")  # a word in any script ("Galán"), as the texts are read
POSSESSIVE = re.compile(r"['’]s?$")


def participant_words(mention: Mention) -> set[str]:
    """The words a mention uses for its participants: its actor's and target's text."""
    return content_words(mention.actor) | content_words(mention.recipient)


def sentence_words(mention: Mention) -> frozenset[str]:
    """The other words of a mention's sentence: the extractor often misses the victim ("GALAN ... WAS
    THE VICTIM OF ANOTHER ATTACK"), but a name there says less than one in the participant's own text."""
    return _words_of(mention.sentence.text)


@lru_cache(maxsize=1 << 16)
def _words_of(sentence: str) -> frozenset[str]:
    return frozenset(_terms([w.casefold() for w in WORD.findall(sentence)]))


def content_words(ref: ActorRef | None) -> set[str]:
    if ref is None or ref.canonical_id is not None:
        return set()
    return set(_text_terms(ref.text))


@lru_cache(maxsize=1 << 16)
def _text_terms(text: str) -> frozenset[str]:
    return frozenset(_terms([w.strip(".,'’\"()").casefold() for w in text.split()]))


def _terms(tokens: Sequence[str]) -> set[str]:
    """The content words of a token sequence and each two adjacent ones ("bernardo jaramillo"): a full
    name says who someone is better than either of its words, which may each be shared by many
    (names.py weighs a pair as it weighs a word, and only when both its words name someone)."""
    kept = [fold_plural(w) if len(w) >= 4 else "" for w in map(_unowned, tokens)]
    kept = [w if w not in GENERIC_WORDS else "" for w in kept]
    found = {w for w in kept if w}
    found |= {f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False) if a and b}
    return found


def text_words(text: str) -> list[str]:
    """Every word of a text, folded, in order (names.py counts the articles that use a word or pair)."""
    return [fold_plural(_unowned(w)) for w in WORD.findall(text.casefold())]


def _unowned(word: str) -> str:
    """ "jaramillo's" -> "jaramillo": the possessive is the name ("Jaramillo's assassination")."""
    return POSSESSIVE.sub("", word)


def fold_plural(word: str) -> str:
    """Crude plural folding: "Jesuits" / "Jesuit"."""
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


# between an act noun and the victim it names: "the murder of (the) ...", "the attack on ...", "...'s murder"
_OF_VICTIM = re.compile(r"\s+(?:of|on|against)\s+(?:the\s+)?", re.IGNORECASE)
_VICTIMS = re.compile(r"['’]s?\s+")


def names_own_victim(mention: Mention) -> bool:
    """Is the mention an act named by its victim: the target right after the event word through "of",
    "on" or "against" ("the murder of magistrate Carlos Valencia", "the car bomb attack on the newspaper
    El Espectador") or right before it as its owner ("Valencia's murder")?"""
    target = mention.recipient
    if target is None:
        return False
    text, base = mention.sentence.text, mention.sentence.start
    trigger, span = mention.trigger, target.evidence
    if span.start >= trigger.end:
        return _OF_VICTIM.fullmatch(text[trigger.end - base : span.start - base]) is not None
    if span.end <= trigger.start:
        return _VICTIMS.fullmatch(text[span.end - base : trigger.start - base]) is not None
    return False
