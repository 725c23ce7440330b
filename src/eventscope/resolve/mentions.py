"""Resolve a mention's surface references: places through the geocoder, actors through the actor
dictionary, its time expression against the publication date, and its types through the crosswalk.

Then every resolved place is checked against the countries the article supports
(:mod:`eventscope.resolve.coherence`: a stray word read as a town abroad is re-resolved at home, or falls
back to the country), and each mention is coded in the context of its neighbours (:func:`code_in_context`):
who is an actor of violence, and what a demonstration nearby makes of the violence reported with it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from eventscope.extract.domain import DomainFilter, country_words, named_crowd, peoples
from eventscope.extract.events import MentionDraft
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.models import (
    ActorKind,
    ActorRef,
    Article,
    Evidence,
    Mention,
    Modality,
    PlaceRef,
    TimeRef,
    Toponym,
)
from eventscope.resolve.actors import ActorDictionary
from eventscope.resolve.article_place import at_the_articles_place
from eventscope.resolve.coherence import CountryCoherence
from eventscope.resolve.geo.resolver import Geocoder
from eventscope.resolve.ontology import crosswalk
from eventscope.resolve.time import is_historical, reporting_window, resolve_time
from eventscope.resolve.time_anchor import telling_date

# Places the article's country context changed are logged here too (the reason is in PlaceRef.note).
log = logging.getLogger(__name__)


class MentionResolver:
    def __init__(
        self, actors: ActorDictionary, geocoder: Geocoder, domain: DomainFilter | None = None
    ) -> None:
        self.actors = actors
        self.geocoder = geocoder
        # None: the trigger lexicon's word lists (extract/domain.py says what the filter is for)
        self.domain = domain or default_domain_filter()
        self.coherence = CountryCoherence(geocoder.gazetteer)

    def resolve(
        self,
        article: Article,
        drafts: Sequence[MentionDraft],
        toponyms: Sequence[Toponym],
        published: date,
        *,
        dated: bool = True,
    ) -> list[Mention]:
        """``dated`` False: the article gives no publication date, so ``published`` is only the day of
        the run, and a relative date ("on Sunday", "last week") stays unresolved."""
        resolved_places = self.geocoder.resolve(toponyms, article_text=article.text)
        resolved = [self._one(draft, resolved_places, published, dated) for draft in drafts]
        mentions = [m for m, _ in resolved]
        # people the dictionary knows as a crowd ("students", "residents"), before the event makes them
        # protesters or rioters: their act stands in any article (extract/domain.py)
        crowds = frozenset(m.id for m, actor in resolved if actor is not None and named_crowd(actor))
        if mentions:
            named = self.geocoder.country_votes(toponyms, article.text)
            mentions, checks = self.coherence.check(mentions, toponyms, named)
            for check in checks:
                log.debug("%s [%d:%d] %s", article.id, check.evidence.start, check.evidence.end, check.reason)
        mentions = at_the_articles_place(mentions, resolved_places.values())
        mentions = code_in_context(mentions)
        # Non-conflict news (no word of armed conflict anywhere) keeps only mentions naming a known actor
        lemmas = {d.mention.id: d.trigger_lemma for d in drafts}
        literal = frozenset(d.mention.id for d in drafts if d.literal)
        text = article.title + "\n" + article.text

        # an article naming a known rebel group or militia is conflict news (extract/domain.py); not by
        # an acronym, which other bodies share (the FSA is also a financial regulator, an IRA a savings
        # account); asked by the filter only of an article with no word of conflict
        def armed_group() -> bool:
            return any(not _acronym(g.text) for g in self.actors.find_groups(text))

        return self.domain.keep(mentions, text, lemmas, literal, crowds, armed_group)

    def _one(
        self,
        draft: MentionDraft,
        resolved_places: dict[tuple[int, int], PlaceRef],
        published: date,
        dated: bool = True,
    ) -> tuple[Mention, ActorRef | None]:
        """The resolved mention, and its actor as the dictionary resolved it (None: none named)."""
        m = draft.mention
        places = tuple(
            replace(resolved_places.get((p.evidence.start, p.evidence.end), p), role=p.role, tied=p.tied)
            for p in m.places
        )
        actor = self.actors.resolve(m.actor.evidence) if m.actor is not None else None
        recipient = self.actors.resolve(m.recipient.evidence) if m.recipient is not None else None
        time = None
        if draft.time_evidence is not None:
            words = draft.time_evidence
            time = _resolved_time(m.sentence, words, published)
            if time is not None and not dated and not _absolute(time, m.sentence, words, published):
                # counted from the day of the run, not from publication: keep the words, not the guess
                time = replace(reporting_window(published), evidence=time.evidence)
        if time is None:
            time = reporting_window(published)
        named = actor
        if actor is None and draft.implied_actor is not None:
            # "protests against ...", "was lynched": the event word says who acted; it is the evidence
            actor = ActorRef(evidence=m.trigger, kind=draft.implied_actor)
        return _recode(replace(m, places=places, actor=actor, recipient=recipient, time=time)), named


# Years to a second anchor: a date that resolves the same from both is absolute ("on 3 March 2024");
# one that does not is counted from the anchor ("on Sunday", "in March"). Later, not earlier: a date
# after its anchor would read as the future.
_FAR_YEARS = 11


def _resolved_time(sentence: Evidence, expression: Evidence, published: date) -> TimeRef | None:
    # a sentence that dates its own telling counts "last week" from that day (resolve/time_anchor.py)
    told = telling_date(sentence, expression, published)
    time = resolve_time(expression, told or published)
    if time is not None and told is not None:
        time = replace(time, historical=is_historical(time.start, time.end, published))
    return time


def _absolute(time: TimeRef, sentence: Evidence, expression: Evidence, anchor: date) -> bool:
    """Does the date read the same whatever day the article was published ("on 3 March 2024")?"""
    far = _resolved_time(sentence, expression, date(anchor.year + _FAR_YEARS, 6, 15))
    return far is not None and (far.start, far.end) == (time.start, time.end)


def _acronym(name: str) -> bool:
    """A name in capitals, possessive aside ("FSA", "the FSA's")."""
    return _POSSESSIVE.sub("", name).isupper()


_POSSESSIVE = re.compile(r"['\u2019]s$")

VIOLENCE = frozenset({"ASSAULT", "FIGHT"})
# People who demonstrate act as protesters (rioters, when it turns violent), whoever they are otherwise:
# ACLED codes "NASA supporters held demonstrations" as Protesters, with the party as associated actor.
_CROWD_KINDS = frozenset({None, ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS})
# Violence by these in a demonstration is the demonstration turning violent (ACLED: Violent demonstration).
_CROWD_ACTORS = frozenset({ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS})
# Damage to things with no named actor, next to a demonstration, is the demonstrators' doing.
_PROPERTY_MODES = frozenset({"destroy"})
_REPORTED = frozenset({Modality.ASSERTED, Modality.CLAIMED, Modality.ALLEGED})
# How far (in sentences that report events) a demonstration colours the violence reported with it.
CONTEXT_SENTENCES = 1


def default_domain_filter() -> DomainFilter:
    lexicon = load_trigger_lexicon()
    return DomainFilter(
        lexicon.conflict_words,
        lexicon.political_words,
        country_words(),
        peoples(),
        lexicon.figurative_triggers,
        lexicon.conflict_sentence_words,
    )


def code_in_context(mentions: Sequence[Mention]) -> list[Mention]:
    """Re-code each mention with what the mentions near it say (ACLED codebook rules):

    - a demonstration's violence by the crowd (stones, arson, vandalism, fights with police) is the
      demonstration turning violent: PROTEST riot by rioters (Riots / Violent demonstration); when
      the state's forces fought the crowd, the crowd riots and the forces are its other party;
    - force used by the state (or by no one named) on people next to a demonstration is used on the
      demonstrators (Protest with intervention; Excessive force against protesters when people died).
    """
    order = {start: i for i, start in enumerate(sorted({m.sentence.start for m in mentions}))}
    out: list[Mention] = []
    for m in mentions:
        near = [
            o
            for o in mentions
            if abs(order[o.sentence.start] - order[m.sentence.start]) <= CONTEXT_SENTENCES
            and o.type.plover == "PROTEST"
            and o.modality in _REPORTED
            and o is not m
        ]
        out.append(_in_protest(m, rioting=any(o.type.plover_mode == "riot" for o in near)) if near else m)
    return out


def _in_protest(m: Mention, *, rioting: bool) -> Mention:
    if m.type.plover not in (*VIOLENCE, "COERCE") or m.modality not in _REPORTED:
        return m
    actor_kind = m.actor.kind if m.actor is not None else None
    crowd_did_it = (
        actor_kind in _CROWD_ACTORS
        or (actor_kind is None and m.type.plover_mode in _PROPERTY_MODES)
        # "clashes with police", "running battles" next to a demonstration: the crowd fought back
        or (m.type.plover == "FIGHT" and actor_kind is None)
    )
    if (
        m.type.plover == "FIGHT"
        and actor_kind is ActorKind.STATE_FORCES
        and (m.recipient is None or m.recipient.kind in _CROWD_KINDS)
    ):
        # "police clashed with the youths at the roadblock": the crowd riots, the police are its other
        # party (_recode)
        return _recode(replace(m, type=replace(m.type, plover="PROTEST", plover_mode="riot")))
    if m.type.plover in VIOLENCE and crowd_did_it:
        actor = replace(m.actor, kind=ActorKind.RIOTERS) if m.actor is not None else None
        return _recode(replace(m, actor=actor, type=replace(m.type, plover="PROTEST", plover_mode="riot")))
    if actor_kind in (None, ActorKind.STATE_FORCES) and (
        m.recipient is None or m.recipient.kind in _CROWD_KINDS
    ):
        crowd = ActorKind.RIOTERS if rioting else ActorKind.PROTESTERS
        recipient = replace(m.recipient, kind=crowd) if m.recipient is not None else _implied(m, crowd)
        return _recode(replace(m, recipient=recipient))
    return m


def _recode(m: Mention) -> Mention:
    """Actor kinds the event implies, then the ACLED and CAMEO coding through the crosswalk."""
    if m.type.plover == "PROTEST" and m.type.plover_mode == "riot" and _is_state(m.actor):
        m = _forces_against_crowd(m)
    actor = _participant(m.type.plover, m.type.plover_mode, m.actor)
    killed = any(g.kind == "killed" and (g.low or 0) > 0 for g in m.magnitudes)
    plover, mode = m.type.plover, m.type.plover_mode
    if (
        mode == "abduct"
        and actor is not None
        and actor.kind is ActorKind.STATE_FORCES
        and _SEIZED.match(m.trigger.text)
    ):
        # people the police or the army seize are arrested (ACLED Arrests; CAMEO 173), not abducted
        plover, mode = "COERCE", "arrest"
    event_type = crosswalk(
        plover,
        mode,
        recipient_kind=m.recipient.kind if m.recipient is not None else None,
        actor_kind=actor.kind if actor is not None else None,
        fatalities=True if killed else None,
    )
    return replace(m, actor=actor, type=event_type)


_SEIZED = re.compile(r"(?i)seiz")


def _is_state(actor: ActorRef | None) -> bool:
    return actor is not None and actor.kind is ActorKind.STATE_FORCES


def _forces_against_crowd(m: Mention) -> Mention:
    """A riot told with the state's forces as its subject ("police engaged the students in running
    battles"): police are never rioters. ACLED codebook: state forces intervening in a riot are its
    other party, and the crowd (the recipient, else the one the event word implies) riots. Forces that
    fought armed men, not a crowd, fought a battle (PLOVER FIGHT)."""
    if m.recipient is not None and m.recipient.kind not in _CROWD_KINDS:
        return replace(m, type=replace(m.type, plover="FIGHT", plover_mode=None))
    crowd = m.recipient if m.recipient is not None else _implied(m, ActorKind.RIOTERS)
    return replace(m, actor=replace(crowd, kind=ActorKind.RIOTERS), recipient=m.actor)


def _implied(m: Mention, kind: ActorKind) -> ActorRef:
    """An actor the event word implies; its evidence is the trigger that implies it."""
    return ActorRef(evidence=m.trigger, kind=kind)


def _participant(plover: str, mode: str | None, actor: ActorRef | None) -> ActorRef | None:
    if actor is None:
        return None
    if plover == "FIGHT" and mode == "firearms" and actor.kind == ActorKind.CIVILIANS:
        # people fighting with guns ("villagers took up arms") are no crowd: ACLED codes armed local
        # people organised to fight as a communal (identity) militia, and their fight as an armed clash
        return replace(actor, kind=ActorKind.IDENTITY_MILITIA)
    if plover in VIOLENCE and actor.kind == ActorKind.CIVILIANS:
        # ACLED's civilians are never the actor of violence: people who attack together are rioters.
        return replace(actor, kind=ActorKind.RIOTERS)
    if plover != "PROTEST" or actor.kind not in _CROWD_KINDS:
        return actor
    kind = ActorKind.RIOTERS if mode == "riot" else ActorKind.PROTESTERS
    return replace(actor, kind=kind)
