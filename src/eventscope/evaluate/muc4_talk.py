"""Violence a sentence talks about instead of reporting (MUC-4 task definition: an incident is reported
news, not background, a description of what a kind of actor does, or a crime of the past as the
subject of a trial). One predicate each, over one mention and a few words of its sentence; all of them
leave a mention that carries a date of its own to the recency rule ("the mayor, who was killed
yesterday" is news). :data:`muc4_exclusions.EXCLUSIONS
<eventscope.evaluate.muc4_exclusions.EXCLUSIONS>` tries them with the task's other exclusions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from eventscope.evaluate.muc4_military import STATE_ACTOR_WORDS
from eventscope.evaluate.muc4_text import words_before, words_of
from eventscope.models import ActorKind, Mention


def _dated(mention: Mention) -> bool:
    return mention.time is not None and mention.time.evidence is not None


def _before(mention: Mention) -> str:
    return mention.sentence.text[: mention.trigger.start - mention.sentence.start]


# Words of a trial around an act named as a noun: the act is the subject of the proceedings ("those
# implicated in the murder of X be put on trial", "the trial and punishment of the masterminds of the
# massacre", "summoned to testify in the case of the murder"), told because of them, not as news of the
# act. Investigation and blame words are not among them: a recent act is investigated and blamed on
# someone in the very report of it.
_JUSTICE = re.compile(r"\b(?:trial|tried|punish\w*|impunity|testify|testified)\b", re.IGNORECASE)
# A claim of responsibility is news of the act itself ("X claimed responsibility for the bombing").
_CLAIM = re.compile(r"\bclaim\w*\s+(?:\w+\s+){0,2}?(?:responsib|credit)", re.IGNORECASE)
# Words right before an event word that make it a noun ("the murder of", "Romero's murder").
_NOUN_BEFORE = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "of", "in", "for", "s"}
)
_NOUN_FORMS = ("murder", "assassination", "massacre", "kidnapping", "killing", "attack", "bombing", "crime")


def is_legal_talk(mention: Mention) -> bool:
    """An act named by a noun, with no date of its own, in a sentence about its trial ("those implicated
    in the murder of Y be put on trial", "the end of impunity for the massacre", "summoned to testify
    about the assassination"): the proceedings are the news; the act is reported elsewhere, when it is
    recent."""
    if _dated(mention):
        return False
    word = mention.trigger.text.lower()
    if not word.startswith(_NOUN_FORMS) or word.endswith("ed"):
        return False
    before = words_before(mention, 1)
    if before and before[-1] not in _NOUN_BEFORE:
        return False
    text = mention.sentence.text
    return bool(_JUSTICE.search(text)) and not _CLAIM.search(text)


# "all those who have been abducted", "hundreds of peasants who have been murdered", "the people, who have
# also been murdered by ...": a plural relative clause in the present perfect, with no date, sums up
# what has happened to a kind of people (a single victim, "X, who has been kidnapped by the ELN", is
# news of one incident).
_RELATIVE_PERFECT = re.compile(
    r"\b(?:who|that)\s+have\s+(?:\w+ly\s+|also\s+|already\s+)?been\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def is_plural_perfect_relative(mention: Mention) -> bool:
    """Harm told in a plural relative clause in the present perfect, with no date of its own ("the
    release of all those who have been abducted", "peasants who have been murdered and tortured"):
    what has happened to a kind of people, not the report of one incident."""
    return not _dated(mention) and bool(_RELATIVE_PERFECT.search(_before(mention)))


# "forces that assassinate", "death squads that systematically murder", "a government that has
# murdered", "a man who has killed any number of": what a kind of actor does or has done.
_RELATIVE_HABIT = re.compile(
    r"\b(?:who|that)\s+(?:(?:has|have)\s+)?(?:(?:also|already|systematically|repeatedly|often|always)\s+)?$",
    re.IGNORECASE,
)


def is_habitual_agent(mention: Mention) -> bool:
    """A verb in a relative clause, in the present or the perfect, with no date of its own ("forces that
    assassinate", "squads that systematically murder people", "a government that has murdered the
    clergy"): it says what a kind of actor does, not what happened."""
    if _dated(mention):
        return False
    word = mention.trigger.text.lower()
    if word.endswith("ing"):
        return False
    found = _RELATIVE_HABIT.search(_before(mention))
    if found is None:
        return False
    perfect = bool(re.search(r"\b(?:has|have)\s", found.group(0), re.IGNORECASE))
    # A bare form after "who" or "that" is a habit; after "has"/"have", the participle is the perfect.
    return perfect == word.endswith(("ed", "en"))


# Casualties counted on the armed side ("inflicting six casualties upon the National Guard", "the
# enemy sustained 45 casualties", "55 casualties on the enemy"): a war report, military versus military.
_MILITARY_CASUALTIES = re.compile(
    r"\bcasualties\s+(?:on|upon|among|to)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:enemy|army|troops|soldiers|guard|battalion|brigade|forces|government\s+forces)\b"
    r"|\b(?:enemy|rebels|guerrillas|troops|army|soldiers)\s+(?:(?:has|have|had)\s+)?(?:sustained|suffered)\b"
    r"|\bof\s+the\s+enemy\s+(?:(?:were|was)\s+)?(?:killed|wounded|dead)\b",
    re.IGNORECASE,
)


def is_military_casualty_report(mention: Mention) -> bool:
    """A sentence counting casualties of the armed side ("the ambush ... inflicting six casualties upon
    the National Guard", "the enemy sustained 45 casualties in the attack"): military versus military."""
    return bool(_MILITARY_CASUALTIES.search(mention.sentence.text))


# Figurative explosions: "the population explosion", "a social explosion", "the crisis has exploded".
_FIGURATIVE_BEFORE = frozenset({"population", "social", "demographic", "popular", "fascist", "economic"})
_FIGURATIVE_SUBJECTS = frozenset(
    {
        "crisis",
        "conflict",
        "confrontation",
        "tension",
        "tensions",
        "situation",
        "violence",
        "scandal",
        "anger",
        "protest",
        "war",
        "debate",
    }
)


def is_figurative_explosion(mention: Mention) -> bool:
    """An explosion in a figurative sense: "the population explosion", "a new social explosion", "the
    crisis which had exploded", "the conflict that has exploded today"."""
    word = mention.trigger.text.lower()
    if not word.startswith("explo"):
        return False
    if set(words_before(mention, 2)) & _FIGURATIVE_BEFORE:
        return True
    actor = mention.actor.evidence.text.lower() if mention.actor is not None else ""
    return bool(set(re.findall(r"[a-z]+", actor)) & _FIGURATIVE_SUBJECTS)


# Law enforcement: "police raided a laboratory", "killed during a police operation".
_POLICE_OPERATION = re.compile(
    r"\b(?:during|in)\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,2}?(?:police|army|military|security)\s+operations?\b",
    re.IGNORECASE,
)


def is_law_enforcement(mention: Mention) -> bool:
    """What the authorities do against crime: a raid by police or other state agents ("the authorities
    raided four estates", "federal police raided a laboratory"; an army's raid may be an attack on
    civilians) or deaths in a police or army operation ("killed along with 15 bodyguards during a police
    operation"); the task counts state forces as perpetrators only of violence against civilians, which
    these words do not tell."""
    rest = mention.sentence.text[mention.trigger.end - mention.sentence.start :]
    if _POLICE_OPERATION.search(rest[:80]):
        return True
    actor = mention.actor
    if not mention.trigger.text.lower().startswith("raid") or actor is None:
        return False
    return actor.kind == ActorKind.STATE_FORCES and not words_of(actor.evidence.text) & STATE_ACTOR_WORDS


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
# A month with an optional day before it and an optional year after it ("on 24 May", "last February",
# "in March 1987", "24 MAY THIS YEAR"); "may" only with a day or "last"/"in" before it (the modal).
_MONTH_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2})\s+|(?P<lead>last|in|since|on)\s+)?(?P<month>" + "|".join(_MONTHS) + r")"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:in|since|of|during)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def _month_start(month: int, year: int | None, published: date) -> date:
    """The first day of a month named without a year: its last occurrence up to publication."""
    if year is not None:
        return date(year, month, 1)
    return date(published.year if month <= published.month else published.year - 1, month, 1)


def stated_dates_old(mention: Mention, published: date | None, recent: timedelta) -> bool:
    """A mention with no date of its own in a sentence whose every stated date (a month, with or
    without its day and year, or a year) lies more than ``recent`` before publication ("on 24 May
    this year, the same organization murdered two missionaries", published in October; "the murder of
    22 peasants last February"): the task leaves out incidents that old."""
    if published is None or _dated(mention):
        return False
    text = mention.sentence.text
    ends: list[date] = []
    for found in _MONTH_DATE.finditer(text):
        name = found.group("month").lower()
        if name in ("may", "march") and not (
            found.group("day") or found.group("lead") or found.group("year")
        ):
            continue
        year = int(found.group("year")) if found.group("year") else None
        start = _month_start(_MONTHS.index(name) + 1, year, published)
        day = int(found.group("day")) if found.group("day") else None
        end = start.replace(day=min(day, 28)) if day else (start + timedelta(days=31)).replace(day=1)
        ends.append(end)
    for found in _YEAR.finditer(text):
        ends.append(date(int(found.group("year")), 12, 31))
    return bool(ends) and all(end < published - recent for end in ends)


# The rules of this module that read one mention, in the order muc4_exclusions.EXCLUSIONS tries them
# (stated_dates_old needs the publication date: muc4_relevance.is_terrorist_incident calls it).
TALK_EXCLUSIONS: tuple[Callable[[Mention], bool], ...] = (
    is_habitual_agent,
    is_military_casualty_report,
    is_figurative_explosion,
    is_law_enforcement,
    is_legal_talk,
    is_plural_perfect_relative,
)
