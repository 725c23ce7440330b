"""Words around a mention's trigger, for the MUC-4 task's rules (muc4_exclusions, muc4_military)."""

from __future__ import annotations

import re
import unicodedata

from eventscope.models import Mention

PASSIVE_AUX = frozenset({"was", "were", "been", "being", "be", "is", "are", "had", "have", "has"})
# Words after a participle that leave it without an object ("guerrillas killed by", "soldiers wounded
# in"), unlike a verb's ("guerrillas dynamited the vehicle").
PARTICIPLE_AFTER = frozenset(
    {
        "",
        "by",
        "in",
        "during",
        "and",
        "on",
        "at",
        "has",
        "have",
        "was",
        "were",
        "so",
        "between",
        "near",
        "when",
    }
)


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()))


def next_to(mention: Mention) -> tuple[str, str]:
    """The words just before and just after the trigger, lower case ("" at the sentence's ends)."""
    off = mention.trigger.start - mention.sentence.start
    before = re.findall(r"[A-Za-z0-9']+", mention.sentence.text[:off])
    after = re.findall(r"[A-Za-z0-9']+", mention.sentence.text[off + len(mention.trigger.text) :])
    return (before[-1].lower() if before else "", after[0].lower() if after else "")


def words_before(mention: Mention, n: int) -> list[str]:
    """The ``n`` words before the trigger in its sentence, lower case."""
    off = mention.trigger.start - mention.sentence.start
    return [w.lower() for w in re.findall(r"[A-Za-z0-9']+", mention.sentence.text[:off])[-n:]]


# Words that refer back without naming anyone: "5 soldiers killed, several wounded", "others were killed".
BARE_WORDS = frozenset(
    {
        "several", "some", "others", "other", "one", "ones", "two", "three", "four", "five", "many", "all",
        "most", "few", "a", "the", "of", "them", "they", "those", "these", "that", "this", "he", "she",
        "it", "number", "rest", "remaining", "more", "dozens",
    }
)  # fmt: skip


def is_bare(text: str) -> bool:
    """A phrase of quantifiers and pronouns only ("several", "the ones", "a number"): it names no victim
    of its own but points back at one named before."""
    words = re.findall(r"[a-z]+", text.lower())
    return all(w in BARE_WORDS for w in words)


def name_key(text: str) -> str:
    """A name to compare: no accents, lower case, punctuation to spaces, no leading "the"."""
    t = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    t = " ".join(re.sub(r"[\W_]+", " ", t).split())
    return t[4:] if t.startswith("the ") else t


# An hour of the day in the wire services' 24-hour form ("at 0615", "at 2230 hours", "at 10:30"), not a
# distance or a share ("at 20 km", "at 12 percent").
CLOCK_TIME = re.compile(
    r"\bat\s+(?:[01]\d|2[0-3])(?::?[0-5]\d)\b(?!\s*(?:%|percent|meters|kilometers|km))", re.IGNORECASE
)
