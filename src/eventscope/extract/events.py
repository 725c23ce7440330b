"""Event mentions: triggers with their roles, places, time, attribution, modality and magnitudes.

The output is a :class:`MentionDraft` per event mention: a :class:`Mention` whose places, actors and
time are still surface text with evidence (the resolve stage fills them in), plus the time expression
chosen for it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventscope.extract.attribution import (
    SOURCE_VERBS,
    AttributionContext,
    AttributionFinder,
    AttributionLexicon,
)
from eventscope.extract.event_time import nearest_time, tells_what_came_before
from eventscope.extract.intent import intent_type
from eventscope.extract.magnitudes import find_magnitudes
from eventscope.extract.modality import find_modality
from eventscope.extract.nested_events import (
    SentenceEvent,
    event_times,
    nested_modality,
    outside_nested,
    sentence_events,
    speaker_free_actor,
)
from eventscope.extract.report_style import headline_roles, is_dateline
from eventscope.extract.roles import RoleFinder, Roles
from eventscope.extract.syntax import evidence, lemma_of, span_root, tree_distance
from eventscope.extract.telling_place import places_the_telling
from eventscope.extract.tokenscan import where_lemma
from eventscope.extract.triggers import Trigger, TriggerLexicon
from eventscope.models import (
    ActorKind,
    ActorRef,
    Article,
    EventType,
    Evidence,
    Mention,
    Modality,
    PlaceRef,
    PlaceRole,
    Toponym,
)

EXTRACTOR_VERSION = "eventscope-rules-0.1"

# Where a toponym sits relative to the trigger, from the first preposition above it.
ROLE_OF_PREP = {
    "from": PlaceRole.ORIGIN,
    "to": PlaceRole.DESTINATION,
    "into": PlaceRole.DESTINATION,
    "towards": PlaceRole.DESTINATION,
    "toward": PlaceRole.DESTINATION,
    "near": PlaceRole.NEAR,
    "facing": PlaceRole.NEAR,
    "outside": PlaceRole.NEAR,
    "off": PlaceRole.NEAR,
    "close": PlaceRole.NEAR,
    "nearby": PlaceRole.NEAR,
}
# A sentence opening like this continues the time of the one before it.
SAME_TIME = re.compile(
    r"^\W*(at the same time|meanwhile|simultaneously|the same day|that day|later that day)\b", re.I
)
# An event reported under another is the sentence's second event, not its main one.
EMBEDDED_PENALTY = 0.15
# Magnitude kinds that belong to each type family.
MAGNITUDE_KINDS = {"ASSAULT": ("killed", "injured", "size"), "FIGHT": ("killed", "injured", "size")}


@dataclass(frozen=True, slots=True)
class MentionDraft:
    mention: Mention
    time_evidence: Evidence | None
    implied_actor: ActorKind | None = None  # who the trigger word says acted, when no actor is named
    trigger_lemma: str = ""  # the trigger word's lemma: extract/domain.py weighs words with other senses
    literal: bool = False  # the trigger's rule fixed its sense (TriggerRule.literal)


class MentionExtractor:
    """Finds event mentions in a parsed article. Dependencies are passed in; no I/O."""

    def __init__(
        self,
        triggers: TriggerLexicon,
        attribution: AttributionLexicon,
        is_known_actor: Callable[[str], bool],
    ) -> None:
        self.triggers = triggers
        self.attribution = attribution
        self.roles = RoleFinder(is_known_actor)
        self.is_known_actor = is_known_actor

    def extract(
        self,
        doc: Doc,
        article: Article,
        toponyms: Sequence[Toponym],
        times: Sequence[Evidence],
        text: str | None = None,
    ) -> list[MentionDraft]:
        """The article's mentions, sentence by sentence. ``text``: ``doc.text``, when the caller has it."""
        text = doc.text if text is None else text
        drafts: list[MentionDraft] = []
        alone: set[int] = set()  # indices in drafts of triggers that stand only alone (only_alone)
        finder = AttributionFinder(self.attribution, article.id, AttributionContext(outlet=article.outlet))
        previous_time: Evidence | None = None
        dateline = False
        # Array scans find the few tokens the per-sentence rules can accept (extract/tokenscan.py).
        candidates = self.triggers.candidates(doc)
        tells = where_lemma(doc, SOURCE_VERBS)
        for sentence in doc.sents:
            finder.observe(doc[i] for i in _within(tells, sentence))
            matched = (self.triggers.match(doc[i]) for i in _within(candidates, sentence))
            triggers = [t for t in matched if t is not None]
            if any(not t.only_alone for t in triggers):
                # a general word beside an event word is that event's background, in the sentence too
                triggers = [t for t in triggers if not t.only_alone]
            found = _told_in_time_clauses(_harm_before_talk(sentence_events(triggers)), triggers)
            sentence_text = text[sentence.start_char : sentence.end_char]
            sentence_times = [t for t in times if sentence.start_char <= t.start < sentence.end_char]
            inherited = previous_time if SAME_TIME.match(sentence_text) or dateline else None
            # "27 September 2018: Following ...", split off as a sentence of its own: a dateline
            # dates the sentence after it
            dateline = len(sentence_times) == 1 and is_dateline(sentence_text, sentence_times[0], sentence)
            sentence_places = [
                p for p in toponyms if sentence.start_char <= p.evidence.start < sentence.end_char
            ]
            places_by_trigger = _assign_places(doc, sentence_places, [e.trigger for e in found])
            for event in found:
                trigger, harm, over = event.trigger, event.harm, event.over
                if trigger.only_alone and harm is not None:
                    # "killed in post-election violence": a killing, the general word its background
                    trigger, harm = harm, None
                # an event reported under another is dated by its own time expression first
                times_of = event_times(doc, trigger.token, over, sentence_times, before=event.before)
                times_of = outside_nested(doc, trigger.token, found, times_of)
                places = places_by_trigger.get(trigger.token.i, [])
                if harm is not None:
                    places = places + places_by_trigger.get(harm.token.i, [])
                if trigger.only_alone:
                    alone.add(len(drafts))
                drafts.append(
                    self._draft(
                        doc,
                        article,
                        sentence,
                        trigger,
                        finder,
                        places,
                        nearest_time(doc, trigger.token, times_of)
                        or (nearest_time(doc, harm.token, times_of) if harm is not None else None)
                        or inherited,
                        harm,
                        sentence_text,
                        over,
                    )
                )
            if sentence_times:
                previous_time = sentence_times[0]
        if len(alone) < len(drafts):
            # "killed in post-election violence": the general word is the background of the events told
            drafts = [d for i, d in enumerate(drafts) if i not in alone]
        return drafts

    def _draft(
        self,
        doc: Doc,
        article: Article,
        sentence: Span,
        trigger: Trigger,
        finder: AttributionFinder,
        places: list[tuple[Toponym, PlaceRole, bool]],
        time_evidence: Evidence | None,
        harm: Trigger | None,
        sentence_text: str,
        over: Trigger | None = None,
    ) -> MentionDraft:
        roles = self.roles.find(trigger.token, trigger.plover)
        if roles.actor is None or roles.recipient is None:
            roles = headline_roles(trigger.token, roles)
        if harm is not None and (roles.actor is None or roles.recipient is None):
            outcome = self.roles.find(harm.token, harm.plover)
            roles = Roles(roles.actor or outcome.actor, roles.recipient or outcome.recipient)
        if trigger.finder_subject:  # "police found the body": who found it did not do it
            roles = Roles(None, _victim_of_remains(roles.recipient))
        if trigger.of_actor:  # "died at the hands of vigilantes": the "of" phrase acted
            roles = Roles(_of_object(trigger.token) or roles.actor, None)
        modality, modality_cue = find_modality(trigger.token, sentence, article.id)
        if over is not None:  # reported under another event: not the speaker's act (nested_events.py)
            actor = speaker_free_actor(trigger.token, over.token, roles.actor, self.is_known_actor)
            roles = Roles(actor, roles.recipient)
            modality, modality_cue = nested_modality(
                trigger.token, over, (modality, modality_cue), article.id
            )
        plover, mode = trigger.plover, trigger.mode
        # a stated intention is coded as the statement, unless the statement is a trigger of its own
        intended = intent_type(trigger.token, plover, mode) if over is None else None
        if intended is not None and modality in (Modality.PLANNED, Modality.NEGATED, Modality.ASSERTED):
            # the statement of intent is itself the event, and it happened (extract/intent.py)
            (plover, mode), modality, modality_cue = intended, Modality.ASSERTED, None
        kinds = MAGNITUDE_KINDS.get(plover, ("size",))
        magnitudes = tuple(
            m for m in find_magnitudes(sentence_text, sentence.start_char, article.id) if m.kind in kinds
        )
        trigger_ev = evidence(article.id, trigger.token)
        mention = Mention(
            id=mention_id(article.id, trigger_ev),
            article_id=article.id,
            sentence=evidence(article.id, _trim(sentence)),
            trigger=trigger_ev,
            type=EventType(plover, mode, "", "", ""),
            actor=ActorRef(evidence(article.id, roles.actor)) if roles.actor is not None else None,
            recipient=ActorRef(evidence(article.id, roles.recipient))
            if roles.recipient is not None
            else None,
            places=tuple(PlaceRef(evidence=t.evidence, role=role, tied=tied) for t, role, tied in places),
            attribution=finder.find(trigger.token, sentence),
            modality=modality,
            modality_evidence=modality_cue,
            magnitudes=magnitudes,
            confidence=_confidence(
                roles.actor is not None, bool(places), time_evidence is not None, modality, over is not None
            ),
            extractor_version=EXTRACTOR_VERSION,
        )
        implied = ActorKind(trigger.implies_actor) if trigger.implies_actor else None
        return MentionDraft(
            mention=mention,
            time_evidence=time_evidence,
            implied_actor=implied,
            trigger_lemma=lemma_of(trigger.token),
            literal=trigger.literal,
        )


REMAINS = frozenset({"body", "bodies", "corpse", "corpses", "remains"})


def _of_object(token: Token) -> Span | None:
    """The phrase of the word's "of" ("the hands of the police" -> "the police")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                subtree = list(objects[0].subtree)
                return token.doc[subtree[0].i : subtree[-1].i + 1]
    return None


def _victim_of_remains(recipient: Span | None) -> Span | None:
    """ "the body of a journalist" -> "a journalist": the victim, not the remains found."""
    if recipient is None or recipient.root.lower_ not in REMAINS:
        return recipient
    for prep in recipient.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                subtree = list(objects[0].subtree)
                return objects[0].doc[subtree[0].i : subtree[-1].i + 1]
    return recipient


# Types of physical happenings: a harm verb stands in for one of them ("three killed in clashes").
_HAPPENINGS = frozenset({"ASSAULT", "FIGHT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID"})


def _harm_before_talk(found: list[SentenceEvent]) -> list[SentenceEvent]:
    """A harm verb that governs talk or a meeting is an event of its own ("police shot a man,
    accusing him of ...", "raiders killed one person during a peace meeting"): it stands in only for
    a physical happening it governs ("three killed in clashes"), so here both are kept."""
    talk = [e for e in found if e.harm is not None and e.trigger.plover not in _HAPPENINGS]
    out = [e for e in found if e not in talk] + [SentenceEvent(e.harm) for e in talk if e.harm is not None]
    out += [SentenceEvent(e.trigger, over=e.over) for e in talk]
    return sorted(out, key=lambda e: e.trigger.token.i)


_TIME_MARKS = frozenset({"after", "when", "as", "before", "while", "since", "following", "during"})


def _told_in_time_clauses(found: list[SentenceEvent], triggers: list[Trigger]) -> list[SentenceEvent]:
    """Violence told in a time clause of a report of something else ("training was suspended after
    youths attacked the stations") happened: it is an event of its own, not part of the report it
    dates. Under a physical happening it stays part of it ("protested after a man was killed": the
    protest's cause)."""
    kept = {e.trigger.token.i for e in found} | {e.harm.token.i for e in found if e.harm is not None}
    by_index = {t.token.i: t for t in triggers}
    extra = [
        SentenceEvent(t)
        for t in triggers
        if t.plover in ("ASSAULT", "FIGHT")
        and t.token.i not in kept
        and _in_time_clause(t.token)
        and not any(by_index[a.i].plover in _HAPPENINGS for a in t.token.ancestors if a.i in by_index)
    ]
    return sorted([*found, *extra], key=lambda e: e.trigger.token.i) if extra else found


def _in_time_clause(token: Token) -> bool:
    # "after youths attacked": the parser hangs "after" on the clause or, as a preposition, beside it
    near = [*token.children, *(c for c in token.head.children if c.dep_ == "prep" and c.i < token.i)]
    marked = any(c.dep_ in ("mark", "prep") and c.lower_ in _TIME_MARKS for c in near)
    return (token.dep_ == "advcl" and marked) or (token.dep_ == "pcomp" and token.head.lower_ in _TIME_MARKS)


def _within(indices: list[int], sentence: Span) -> list[int]:
    """The sorted ``indices`` that fall in the sentence."""
    return indices[bisect_left(indices, sentence.start) : bisect_left(indices, sentence.end)]


def mention_id(article_id: str, trigger: Evidence) -> str:
    digest = hashlib.sha256(f"{article_id}:{trigger.start}:{trigger.end}".encode()).hexdigest()
    return "m-" + digest[:16]


def _trim(sentence: Span) -> Span:
    start, end = 0, len(sentence)
    while start < end and sentence[start].is_space:
        start += 1
    while end > start and sentence[end - 1].is_space:
        end -= 1
    return sentence[start:end]


def _assign_places(
    doc: Doc, toponyms: list[Toponym], triggers: list[Trigger]
) -> dict[int, list[tuple[Toponym, PlaceRole, bool]]]:
    """Give each toponym to the trigger that governs it (else the nearest one, marked as not tied to
    it: ``PlaceRef.tied``), with its role.

    A toponym that names who acted rather than where ("the US announced", "Syria's entry",
    "fighters from Uzbekistan") is not a place of the event and is left out, as is one that says where
    the event was told ("in a speech in Somotillo, Ortega said that ...": telling_place.py) or where what
    it answered or followed was headed ("struck ... after rockets were launched towards northern Israel").
    """
    by_trigger: dict[int, list[tuple[Toponym, PlaceRole, bool]]] = {}
    if not triggers:
        return by_trigger
    trigger_ids = {t.token.i for t in triggers}
    for toponym in toponyms:
        root = span_root(doc, toponym.evidence.start, toponym.evidence.end)
        if root is None or root.dep_ in NOT_A_SITE_DEPS:
            continue
        owner = next((a.i for a in root.ancestors if a.i in trigger_ids), None)
        if owner is not None and _aims_what_came_before(root, doc[owner]):
            continue
        tied = owner is not None and not _describes_a_participant(root, doc[owner])
        if owner is None:
            owner = min(
                triggers, key=lambda t: (tree_distance(t.token, root), abs(t.token.i - root.i))
            ).token.i
            if places_the_telling(root, doc[owner]):
                continue
        role = _role(root, doc[owner])
        if role is not None:
            by_trigger.setdefault(owner, []).append((toponym, role, tied))
    return by_trigger


def _describes_a_participant(root: Token, trigger: Token) -> bool:
    """Is the place in a clause about someone or something, not about the act ("murdered six Jesuit
    priests, among them a priest who had been dean of the Catholic university here in Nicaragua")? It
    says where that participant was or came from: the event may have been there, or not."""
    for token in [root, *root.ancestors]:
        if token.i == trigger.i:
            return False
        if token.dep_ in PARTICIPANT_CLAUSES and token.head.i != trigger.i:
            return True
    return False


# a relative clause on a noun ("a priest who had been dean ...")
PARTICIPANT_CLAUSES = frozenset({"relcl"})


def _aims_what_came_before(root: Token, trigger: Token) -> bool:
    """Where something the event answered or followed was headed or came from ("struck ... after
    rockets were launched towards northern Israel"): the rockets' destination, not the strike's place.
    Not the site of what came before ("riots after police shot three men in Molo"), which is most often
    the event's own."""
    if not tells_what_came_before(root, trigger):
        return False
    return _role(root, trigger) in (PlaceRole.DESTINATION, PlaceRole.ORIGIN)


# Grammatical functions of a place name that make it an actor, not a location.
NOT_A_SITE_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})


def _role(root: Token, trigger: Token) -> PlaceRole | None:
    """The first preposition above the toponym decides: from -> origin, to -> destination, near -> near.

    From/to only count when they attach to a verb or to the trigger itself: in "fighters from
    Uzbekistan" the place describes the fighters, not the movement.
    """
    for anc in [root, *root.ancestors]:
        if anc.i == trigger.i:
            break
        low = anc.lower_
        if anc.dep_ in ("prep", "agent", "acl", "advmod") and low in ROLE_OF_PREP:
            role = ROLE_OF_PREP[low]
            head = anc.head
            if (
                role in (PlaceRole.ORIGIN, PlaceRole.DESTINATION)
                and head.i != trigger.i
                and head.pos_ != "VERB"
            ):
                return None if role is PlaceRole.ORIGIN else PlaceRole.SITE
            return role
    return PlaceRole.SITE


def _confidence(
    has_actor: bool, has_place: bool, has_time: bool, modality: Modality, embedded: bool = False
) -> float:
    score = 0.4 + 0.2 * has_actor + 0.2 * has_place + 0.1 * has_time - EMBEDDED_PENALTY * embedded
    if modality not in (Modality.ASSERTED,):
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)
