"""Do two mentions report the same happening? A score with its reasons, or a reason to keep them apart.

Hard requirements: the same type family (violence, movement, ...), overlapping date ranges, the same
historical flag, and no two resolved places that exclude each other (a place no event word governs,
given to the nearest one in its sentence, can support a pair but never rule it out). Then points add
up:

    same PLOVER type 1.0 (same family only 0.5)   same day 1.0 (overlapping ranges 0.5)
    the places' points (places.py: same town 1.0 ... one place inside the other 0.5)
    names both use for a participant ("Jesuit", "Ellacuria"): the sum of their weights, at most 1.5
    (names.py: up to 1 for a story word in the participant's own text, half in the rest of its sentence);
    two adjacent words are a name of their own ("Bernardo Jaramillo"), counted in place of its words
    same canonical actor 0.5; same canonical recipient 0.5; different specific actors -0.5 (a conflict;
    an actor a report only accuses, or who denies the act, is no perpetrator it gives: ``UNCONFIRMED``)
    same named target 0.5, when the recipients have no canonical id to agree on: names both reports use
    in the target's own text ("the murder of Carlos Pizarro" / "Pizarro was shot"), worth ``NAME_ANCHOR``

A pair joins at ``JOIN_SCORE`` or more, and needs an anchor: a place, names worth ``NAME_ANCHOR``, or
the same actor and recipient on the same day. A large city (``places.LARGE_CITY`` inhabitants), or a town next
to one, is no anchor on its own: it sees several happenings of one kind a day (an offensive in San
Salvador, bombings in Baghdad), and an analyst would want the same victim or target too. When one
report gives no date, only names or the same actor and recipient will do, and it happened at some
time in the ``UNDATED_WEEKS`` before its publication. Dates wider than ``WIDE_DAYS`` ("in 1989", "over
the past three years") must still overlap, but they count as no date: they cannot tell one happening
of their span from another. Different actors join only with a town-level
place match on the same day; the event is then marked disputed (not the two sides of a clash named
either way round).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from eventscope.merge.places import crowded, fineness, main_place, overruled, place_points
from eventscope.merge.words import content_words, fold_plural, participant_words, sentence_words
from eventscope.models import (
    ActorRef,
    Mention,
    Modality,
    PlaceRef,
    TimePrecision,
    TimeRef,
)
from eventscope.resolve.actors import STATE_FAMILIES
from eventscope.resolve.article_place import is_article_place

JOIN_SCORE = 2.0
NAME_POINTS = 1.5  # at most, for participant names both reports use
UNDATED_WEEKS: int | None = 8
NAME_ANCHOR = 0.5  # name points that anchor a pair on their own
# Reports of one happening often disagree by a day ("late on Monday" / "early Tuesday", "yesterday"
# counted from the filing or the printing date): day-precision dates this close still overlap.
SLACK_DAYS = 1
# A date range longer than this ("in 1989", "over the past three years") overlaps every report of its
# span and cannot tell one happening from another
WIDE_DAYS = 31

FAMILY = {
    "ASSAULT": "violence",
    "FIGHT": "violence",
    "MOBILIZE": "movement",
    "RETREAT": "movement",
    "PROTEST": "protest",
    "COERCE": "coercion",
    "CONSULT": "cooperation",
    "AGREE": "cooperation",
    "COOPERATE": "cooperation",
    "SUPPORT": "cooperation",
    "AID": "cooperation",
    "CONCEDE": "cooperation",
    "THREATEN": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "DEMAND": "verbal_conflict",
    "REQUEST": "verbal_conflict",
    "SANCTION": "sanction",
}
# Words that name a campaign, many acts over days or weeks ("the FMLN offensive", "a campaign against
# the cartels"), not one happening: its reports tell of the campaign, and a murder or a bombing during
# it is another happening ("the offensive ... has left 1,000 dead, including six Jesuit priests").
# Reports of a campaign are compared only with reports of campaigns of the same family (``kind``).
CAMPAIGN_WORDS = frozenset({"offensive", "counteroffensive", "counter-offensive", "campaign"})
CAMPAIGN = "campaign"
# a verb that starts something, and a campaign word within its next three words ("launched a new offensive")
STARTING_VERBS = ("launch", "began", "begin", "start", "mount", "unleash")
STARTED_CAMPAIGN = re.compile(
    r"\W*(?:[\w'-]+\W+){0,3}?(?:" + "|".join(sorted(CAMPAIGN_WORDS)) + r")s?\b", re.IGNORECASE
)
# Types whose two sides are both actors (a clash): either may be named first
TWO_SIDED = frozenset({"FIGHT"})
# Generic agents ("gunmen", "police") do not identify anyone: they neither confirm nor contradict.
GENERIC_ACTOR_PREFIXES = ("generic-", "unidentified")
# An actor a report only says is accused ("the general accused the FMLN of killing the priests") or who
# denies the act is whom one side blames, not a perpetrator the report gives: it neither confirms nor
# contradicts another report's, and an event whose reports blame another actor is disputed (build.py).
UNCONFIRMED = frozenset({Modality.ALLEGED, Modality.DENIED})


@dataclass(frozen=True, slots=True)
class Agreement:
    joins: bool
    score: float
    reasons: tuple[str, ...]
    actor_conflict: bool = False
    excluded: bool = False  # a hard rule keeps them apart (not merely too little evidence)
    place_points: float = 0.0
    actors_agree: bool = False


def family(plover: str) -> str:
    return FAMILY.get(plover, plover.lower())


def kind(mention: Mention) -> str:
    """What a report can be compared with: its type's family ("violence"), or a campaign of that family
    ("violence campaign": ``CAMPAIGN_WORDS``), named by the trigger or by the object of a verb that starts
    one ("launched a new offensive")."""
    types = family(mention.type.plover)
    word = mention.trigger.text.casefold()
    if fold_plural(word) in CAMPAIGN_WORDS:
        return f"{types} {CAMPAIGN}"
    if word.startswith(STARTING_VERBS):
        after = mention.sentence.text[mention.trigger.end - mention.sentence.start :]
        if STARTED_CAMPAIGN.match(after):
            return f"{types} {CAMPAIGN}"
    return types


def _specific(actor: ActorRef | None) -> str | None:
    if actor is None or actor.canonical_id is None:
        return None
    if actor.canonical_id.startswith(GENERIC_ACTOR_PREFIXES):
        return None
    return actor.canonical_id


class WordWeight(Protocol):
    """How much a word says about who took part, from 0 to 1 (names.py), as a word of a participant's
    own text or, ``in_sentence``, elsewhere in the mention's sentence (which says less)."""

    def __call__(self, word: str, *, in_sentence: bool = False) -> float: ...


@dataclass(frozen=True, slots=True)
class Profile:
    """What one or more mentions of one happening say, pooled: the finest place, the best date, every
    named participant. Reports are compared through their profiles."""

    plover: str
    family: str  # what it can be compared with (``kind``): its type's family, or a campaign
    time: TimeRef  # the best date: resolved first, then the finest
    times: tuple[TimeRef, ...]  # every date the reports give (compared one by one)
    place: PlaceRef | None
    actors: frozenset[str]  # specific canonical actor ids
    recipients: frozenset[str]
    names: frozenset[str]  # distinctive words used for participants ("jesuit", "ellacuria")
    # how distinctive each name is (1.0 when unknown); see names.py
    weights: Mapping[str, float] = field(default_factory=dict, compare=False, hash=False)
    target_names: frozenset[str] = frozenset()  # the names used in a target's own text ("pizarro")


TIME_RANK = {TimePrecision.DAY: 0, TimePrecision.WEEK: 1, TimePrecision.MONTH: 2, TimePrecision.YEAR: 3}


def profile(
    mentions: Sequence[Mention],
    distinctive: WordWeight | None = None,
    weights: Mapping[str, float] | None = None,
) -> Profile:
    """Pool what the mentions say; ``weights``: their name weights, when already known (``name_weights``)."""
    lead = mentions[0]
    times = [m.time for m in mentions if m.time is not None]
    time = min(times, key=lambda t: (not t.resolved, TIME_RANK[t.precision], t.start))
    # the article's fallback place says nothing about which happening a report tells of
    places = [
        p
        for m in mentions
        if (p := main_place(m)) is not None and p.place is not None and not is_article_place(p)
    ]
    # the finest, but not a place only given to the nearest act that a place tied to an act rules out
    ruled_out = overruled(places)
    place = (
        places[min(range(len(places)), key=lambda i: (i in ruled_out, fineness(places[i])))]
        if places
        else None
    )
    actors = _actors(mentions, blamed=False)
    recipients = frozenset(r for m in mentions if (r := _specific(m.recipient)) is not None)
    if weights is None:
        weights = {}
        for m in mentions:
            add_weights(weights, name_weights(m, distinctive))
    names = frozenset(weights)
    target_names = frozenset(w for m in mentions for w in content_words(m.recipient) if w in weights)
    return Profile(
        lead.type.plover,
        kind(lead),
        time,
        tuple(times),
        place,
        actors,
        recipients,
        names,
        weights,
        target_names,
    )


def name_weights(mention: Mention, distinctive: WordWeight | None) -> dict[str, float]:
    """How much each word a mention uses says about who took part (words that say nothing left out):
    the words of its participants' own text, and the other words of its sentence (see ``WordWeight``).
    Without word statistics (``distinctive`` None: too few articles to tell a name from "said") only
    the participants' own words count, fully."""
    own = participant_words(mention)
    if distinctive is None:
        return dict.fromkeys(own, 1.0)
    others = sentence_words(mention) - own
    known = getattr(distinctive, "weights", None)  # names.StoryWords: skip the words it does not know
    if isinstance(known, Mapping):
        own, others = own & known.keys(), others & known.keys()
    weights = {w: distinctive(w) for w in own}
    weights |= {w: distinctive(w, in_sentence=True) for w in others}
    return {w: weight for w, weight in weights.items() if weight > 0}


def add_weights(into: dict[str, float], more: Mapping[str, float]) -> None:
    for w, weight in more.items():
        into[w] = max(weight, into.get(w, 0.0))


def _dates_agree(a: Sequence[TimeRef], b: Sequence[TimeRef]) -> tuple[bool, date | None, bool]:
    """(any overlap, a day both give, whether both give a date).

    Dated reports must overlap somewhere; a report with no date of its own happened at some time up
    to publication (not in its reporting week), so it overlaps anything that ended by then.
    """
    dated_a = [t for t in a if t.resolved]
    dated_b = [t for t in b if t.resolved]
    if dated_a and dated_b:
        pairs = [(x, y) for x in dated_a for y in dated_b if overlaps(x.start, x.end, y.start, y.end)]
        days = [
            x.start
            for x, y in pairs
            if x.precision is y.precision is TimePrecision.DAY and x.start == y.start
        ]
        # "in 1989", "over the past three years" overlap every report of their span and say nothing
        # about which happening it was: only dates of a month or less count as both giving a date
        narrow = any(_narrow(x) and _narrow(y) for x, y in pairs)
        return bool(pairs), (min(days) if days else None), narrow
    ends_a = [t.end for t in a] or [date.max]
    ends_b = [t.end for t in b] or [date.max]
    starts_a = [t.start for t in dated_a] or [undated_start(a)]
    starts_b = [t.start for t in dated_b] or [undated_start(b)]
    return min(starts_a) <= max(ends_b) and min(starts_b) <= max(ends_a), None, False


def _narrow(t: TimeRef) -> bool:
    """A date that can tell one happening from another: a day, a week, up to ``WIDE_DAYS``."""
    return (t.end - t.start).days <= WIDE_DAYS


def overlaps(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """Do two date ranges overlap, give or take ``SLACK_DAYS``?"""
    slack = timedelta(days=SLACK_DAYS)
    return a_start <= b_end + slack and b_start <= a_end + slack


def undated_start(times: Sequence[TimeRef]) -> date:
    """How far back a report without a date of its own may reach: UNDATED_WEEKS before publication,
    give or take the ``SLACK_DAYS`` every comparison with a reported day allows (that day may be
    counted from the filing or the printing date, as in ``overlaps``)."""
    if UNDATED_WEEKS is None or not times:
        return date.min
    return min(t.end for t in times) - timedelta(weeks=UNDATED_WEEKS, days=SLACK_DAYS)


def compare(a: Mention, b: Mention) -> Agreement:
    """How well two mentions agree (see the module docstring)."""
    return compare_profiles(profile([a]), profile([b]))


def compare_profiles(a: Profile, b: Profile, *, one_article: bool = False) -> Agreement:
    """How well two reports agree on type, time, place and participants (see the module docstring).
    ``one_article``: two mentions of one article, where a large city named twice for the same day is
    most likely the lede and its details, not two happenings (``crowded`` does not apply)."""
    if a.family != b.family:
        campaign = a.family.endswith(CAMPAIGN) != b.family.endswith(CAMPAIGN)
        why = "one tells of a campaign, the other of one happening" if campaign else "different type families"
        return Agreement(False, 0.0, (why,), excluded=True)
    if a.time.historical != b.time.historical:
        return Agreement(False, 0.0, ("one is historical background, the other news",), excluded=True)
    overlap, same_day, both_dated = _dates_agree(a.times, b.times)
    if not overlap:
        return Agreement(False, 0.0, ("dates do not overlap",), excluded=True)
    reasons: list[str] = []
    score = 1.0 if a.plover == b.plover else 0.5
    reasons.append(f"same type {a.plover}" if score == 1.0 else f"same family {a.family}")
    score += 1.0 if same_day is not None else 0.5 if both_dated else 0.0
    if same_day is not None:
        reasons.append(f"same day {same_day}")
    else:
        wide = any(t.resolved for t in a.times) and any(t.resolved for t in b.times)
        reasons.append(
            "date ranges overlap"
            if both_dated
            else "only dates wider than a month in common"
            if wide
            else "one report gives no date"
        )
    points, why = place_points(a.place, b.place)
    if points is None and _untied(a.place, b.place):
        points, why = 0.0, f"{why}, but one is only a place of its sentence"
    if points is None:
        return Agreement(False, score, (*reasons, why), excluded=True)
    score += points
    reasons.append(why)
    shared = sorted(a.names & b.names)
    name_points = name_score(a, b, shared)
    if name_points > 0:
        score += name_points
        reasons.append(f"both name {', '.join(shared[:3])}")
    actors_agree = bool(a.actors & b.actors)
    recipients_agree = bool(a.recipients & b.recipients)
    conflict = contradicts(a.actors, b.actors) and not _sides_swapped(a, b)
    if actors_agree:
        score += 0.5
        reasons.append(f"same actor {min(a.actors & b.actors)}")
    if recipients_agree:
        score += 0.5
        reasons.append(f"same target {min(a.recipients & b.recipients)}")
    elif (target := _same_named_target(a, b)) is not None:
        score += 0.5
        reasons.append(f"same named target {target}")
    if conflict:
        score -= 0.5
        reasons.append(f"actors differ: {min(a.actors)} / {min(b.actors)}")
        if not (same_day is not None and points >= 0.8):
            return Agreement(False, score, tuple(reasons), actor_conflict=True, excluded=True)
    named = name_points >= NAME_ANCHOR
    busy = points > 0 and not one_article and crowded(a.place, b.place)
    if busy:
        reasons.append("a large city: the place alone does not tie them")
    if both_dated:
        by_place = points > 0 and not busy
        anchored = by_place or (actors_agree and recipients_agree and same_day is not None) or named
    else:  # without a date on one side, only who it happened to can tie them
        anchored = named or (actors_agree and recipients_agree)
    joins = anchored and score >= JOIN_SCORE
    return Agreement(joins, round(score, 2), tuple(reasons), conflict, False, points, actors_agree or named)


def _untied(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Is either place one no event word governs (``PlaceRef.tied``)? It may support a pair but not rule
    one out: "U.S. officials ... in the United States have issued statements affirming that the army
    murdered the Jesuits" does not say the murder was in the United States."""
    return any(p is not None and not p.tied for p in (a, b))


def _same_named_target(a: Profile, b: Profile) -> str | None:
    """A name both reports use in their target's own text, when those names are worth ``NAME_ANCHOR``:
    the two reports agree on who or what the act was done to, as two canonical targets would ("the
    murder of Carlos Pizarro" / "Pizarro was shot aboard the plane"). A name one report gives the
    perpetrator and the other the victim is no such agreement."""
    shared = sorted(a.target_names & b.target_names)
    if not shared or name_score(a, b, shared) < NAME_ANCHOR:
        return None
    return max(shared, key=lambda w: (min(a.weights.get(w, 1.0), b.weights.get(w, 1.0)), w))


def _state(actor_id: str) -> str | None:
    """The country of a state actor's id ("military-sv" -> "sv"): a country's armed forces, police and
    government (``STATE_FAMILIES``) are one state, so reports that give one act to "the army" and to
    "the government" of one country do not name different perpetrators."""
    family, _, country = actor_id.partition("-")
    return country if family in STATE_FAMILIES and country else None


def contradicts(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sets of specific actors name different perpetrators (not the forces of one state)?"""
    return bool(a) and bool(b) and not a & b and not _same_state(a, b)


def blamed(mentions: Sequence[Mention]) -> frozenset[str]:
    """The specific actors the reports only blame, or who deny the act (``UNCONFIRMED``)."""
    return _actors(mentions, blamed=True)


def _actors(mentions: Sequence[Mention], *, blamed: bool) -> frozenset[str]:
    """The reports' specific actors: those they give as perpetrators, or (``blamed``) those they only
    blame."""
    return frozenset(
        a for m in mentions if (m.modality in UNCONFIRMED) is blamed and (a := _specific(m.actor)) is not None
    )


def _same_state(a: frozenset[str], b: frozenset[str]) -> bool:
    states_a = {s for x in a if (s := _state(x)) is not None}
    return bool(states_a & {s for x in b if (s := _state(x)) is not None})


def _sides_swapped(a: Profile, b: Profile) -> bool:
    """A clash has two sides, and reports name either as the actor: "the army clashed with Islamic
    State cells" and "Islamic State fighters attacked an army post" name the same sides, not different
    perpetrators."""
    if TWO_SIDED.isdisjoint((a.plover, b.plover)):
        return False
    return bool(a.actors & b.recipients) or bool(b.actors & a.recipients)


def name_score(a: Profile, b: Profile, shared: Sequence[str]) -> float:
    """Points for the names both use: the sum of their weights, at most NAME_POINTS."""
    weight = {w: min(a.weights.get(w, 1.0), b.weights.get(w, 1.0)) for w in shared}
    # a shared pair ("bernardo jaramillo") stands for its words, not beside them: it counts as much as
    # they do together or more, never both ("jesuit priest" says no more than "jesuit" and "priest")
    used: set[str] = set()
    total = 0.0
    for pair in sorted((w for w in shared if " " in w), key=lambda w: (-weight[w], w)):
        parts = set(pair.split(" "))
        if parts & used:
            continue  # "luis carlos" after "carlos galan": one name, counted once
        total += max(weight[pair], sum(weight.get(p, 0.0) for p in parts))
        used |= parts
    total += sum(v for w, v in weight.items() if " " not in w and w not in used)
    return round(min(NAME_POINTS, total), 2)
