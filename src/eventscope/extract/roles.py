"""Who did it to whom: actor and recipient phrases for a trigger, from the dependency parse.

The phrase chosen is the one the actor dictionary knows when there is one ("ISIS cells",
"Damascus's forces" -> "Damascus"), else the compact noun phrase of the argument ("groups of foreign
fighters" -> "foreign fighters"); "members of X" is X. Pronouns ("They were expelled ...") take the
subject of the previous sentence. An act named without an agent takes the party the sentence holds
responsible for it (extract.responsibility: "X claimed responsibility for", "blamed on X").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventscope.extract.responsibility import PERPETRATING, responsible_party
from eventscope.extract.syntax import (
    PRONOUNS,
    RELATIVE_PRONOUNS,
    compact_phrase,
    conjunct_split,
    is_passive,
    lemma_of,
    passive_subject,
    prep_objects,
    subject,
    unwrap_quantity,
)
from eventscope.extract.times import is_calendar_word
from eventscope.extract.triggers import REPORTING_VERBS, is_reported_obligation

# Types whose grammatical patient is the recipient; for movements the moved forces are the actor.
SELF_MOVING = frozenset({"MOBILIZE", "RETREAT", "CONSULT", "PROTEST"})
LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "begin", "start", "wage", "mount", "hold", "lead", "engage"}
)
# Verbs whose "on" names what their subject did: "went on strike", "went on the rampage", "embarked on a
# campaign".
ON_VERBS = frozenset({"go", "embark"})
# Modifiers that name an actor on a nominal trigger: "Israeli airstrike", "US threats".
ACTOR_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")
# Types whose direct object is usually the thing exchanged ("give a grant", "lift a curfew", "share
# information"), not the party it is done to: their recipient is the dative or "to" object, and a
# direct object counts only when it names someone.
EXCHANGE = frozenset(
    {"AID", "AGREE", "SUPPORT", "COOPERATE", "CONCEDE", "REJECT", "DEMAND", "ACCUSE", "THREATEN", "SANCTION"}
)
NAMING_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
TIME_ENTS = frozenset({"DATE", "TIME"})
# Cooperation nouns owned by the joiner ("Syria's entry", "Sweden's accession") under a verb by
# which another party admits it: that party is the actor, the joiner the recipient.
JOINING = frozenset({"COOPERATE", "AGREE", "SUPPORT"})
ADMITTING = frozenset({"announce", "approve", "welcome", "accept", "confirm", "endorse"})
# Verbs whose clausal complement ("demanded that the US cancel ...") names who is asked.
ASKING = frozenset({"demand", "urge", "insist", "ask", "call"})
# Prepositions that put a place inside an argument: "gunmen in Kenya" are not Kenya's government
WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "throughout"})
# Heads that name part of an organisation ("members of the army"): the organisation is the actor.
MEMBER_HEADS = frozenset({"member", "members", "element", "elements"})
# Act nouns whose owner underwent the act: "Pizarro's murder", "the six Jesuits' slaying" (not "the
# army's attack"). With an "of" object the owner is the doer: "the army's killing of three farmers".
UNDERGONE_NOUNS = frozenset(
    {"murder", "assassination", "killing", "slaying", "kidnapping", "abduction", "execution", "death"}
)
# Nouns by which a subject is said to have undergone an act: "X was the victim / target of an attack".
VICTIM_NOUNS = frozenset({"victim", "target"})
# Types whose two sides may be named together: "clashes between X and Y", "X and Y clashed", "fighting
# between X and Y"; the first named is the actor.
RECIPROCAL = frozenset({"FIGHT"})


@dataclass(frozen=True, slots=True)
class Roles:
    actor: Span | None
    recipient: Span | None


class RoleFinder:
    def __init__(self, is_known_actor: Callable[[str], bool]) -> None:
        self.is_known_actor = is_known_actor
        self._ents_doc: Doc | None = None
        self._ents: tuple[Span, ...] = ()

    def _ents_within(self, span: Span) -> list[Span]:
        """``span.ents``: the entities wholly inside ``span``. spaCy rebuilds the Doc's entity tuple on
        every ``Span.ents``; this keeps it for the Doc at hand (one article at a time)."""
        if self._ents_doc is not span.doc:
            self._ents_doc, self._ents = span.doc, tuple(span.doc.ents)
        found = []
        for ent in self._ents:
            if ent.start >= span.start:
                if ent.end > span.end:
                    break
                found.append(ent)
        return found

    def find(self, trigger: Token, plover: str) -> Roles:
        actor_tok: Token | Span | None
        recipient_tok: Token | Span | None
        between = self._between(trigger)  # "clashes / fighting between X and Y", noun or gerund
        if between is None and trigger.pos_ in ("VERB", "AUX"):
            actor_tok, recipient_tok = self._verbal(trigger, plover)
            if plover in RECIPROCAL and recipient_tok is None and actor_tok is not None:
                between = conjunct_split(actor_tok)  # "X and Y clashed": X the actor, Y the other side
        elif between is None:
            actor_tok, recipient_tok = self._nominal(trigger, plover)
        if between is not None:
            return Roles(self._best(between[0]), self._best(between[1]))
        responsible = responsible_party(trigger)
        same = (
            isinstance(recipient_tok, Token) and responsible is not None and recipient_tok.i == responsible.i
        )
        # The subject of the verb that names the responsible party holds or accuses; it did not act
        # ("survivors hold the army responsible for the massacre").
        holder = (
            isinstance(actor_tok, Token)
            and responsible is not None
            and actor_tok.head in responsible.ancestors
        )
        if responsible is not None and (actor_tok is None or same or holder):
            # "police blamed the killing on bandits": "on bandits" hangs on the act, but names its author
            actor_tok, recipient_tok = responsible, None if same else recipient_tok
        return Roles(self._phrase(actor_tok), self._phrase(recipient_tok))

    @staticmethod
    def _between(trigger: Token) -> tuple[Span, Span] | None:
        for obj in prep_objects(trigger, ("between",)):
            split = conjunct_split(obj)
            if split is not None:
                return split
        return None

    def _verbal(self, verb: Token, plover: str) -> tuple[Token | None, Token | None]:
        if plover == "DEMAND" and is_reported_obligation(verb):
            # "Russia said Sudan must return ...": the speaker demands, the obliged is asked
            return subject(verb.head), subject(verb)
        actor, recipient = self._verbal_roles(verb, plover)
        if recipient is not None and recipient.ent_type_ in TIME_ENTS:
            recipient = None  # "demanded on Tuesday": a date is never a party
        if plover in EXCHANGE and not (is_passive(verb) and _shared_object(verb) is None):
            recipient = self._exchange_recipient(verb, recipient)
        return actor, recipient

    def _exchange_recipient(self, verb: Token, recipient: Token | None) -> Token | None:
        dative = [c for c in verb.children if c.dep_ == "dative"]
        for d in dative:  # "give Tanzania a grant" / "hand over medicine to the Red Crescent"
            objs = [c for c in d.children if c.dep_ == "pobj"] if d.pos_ == "ADP" else [d]
            if objs:
                return objs[0]
        to = prep_objects(verb, ("to", "with"))
        if to:
            return to[0]
        if recipient is not None and recipient.dep_ == "dobj" and not self._names_someone(recipient):
            recipient = None
        if recipient is None and lemma_of(verb) in ASKING:
            asked = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if asked is not None:
                recipient = subject(asked)
        return recipient

    def _names_someone(self, token: Token) -> bool:
        """Whether a phrase names a party anywhere in it ("a resolution of the Security Council")."""
        return any(t.ent_type_ in NAMING_ENTS or t.pos_ == "PROPN" for t in token.subtree) or (
            self.is_known_actor(compact_phrase(token).text)
        )

    def _verbal_roles(self, verb: Token, plover: str) -> tuple[Token | None, Token | None]:
        agents = prep_objects(verb, ("by",))
        shared = _shared_object(verb)
        if passive_head := _passive_conjunct_head(verb):
            # "a driver was shot and killed (by X)": the second verb shares the first's patient and agent
            agents = agents or prep_objects(passive_head, ("by",))
            patient = passive_subject(passive_head)
            return (agents[0] if agents else None), (None if plover in SELF_MOVING else patient)
        if is_passive(verb) and shared is None:
            patient = passive_subject(verb) or _subject_of_governing_clause(verb)
            if plover in SELF_MOVING:
                return (agents[0] if agents else patient), None
            return (agents[0] if agents else None), patient
        actor = subject(verb)
        objs = [c for c in verb.children if c.dep_ == "dobj"] or ([shared] if shared is not None else [])
        # "On 5 December, police clashed with fans": a date is never the party acted on
        targets = [
            t
            for t in prep_objects(verb, ("against", "on", "at", "with", "into"))
            if t.ent_type_ not in TIME_ENTS
        ]
        recipient = None
        if plover not in SELF_MOVING:
            recipient = objs[0] if objs and plover not in ("CONSULT",) else (targets[0] if targets else None)
            if recipient is not None and recipient.lower_ in (
                "fire",
                "rockets",
                "missiles",
                "shells",
                "attack",
            ):
                recipient = targets[0] if targets else None
        elif plover == "CONSULT" and objs:
            recipient = objs[0]
        return actor, recipient

    def _nominal(self, noun: Token, plover: str) -> tuple[Token | Span | None, Token | Span | None]:
        actor: Token | Span | None = None
        recipient: Token | None = None
        by = prep_objects(noun, ("by",))
        of = prep_objects(noun, ("of",)) or _of_after_date(noun)
        # "the assassination of six Jesuits on 16 November": a date is never the party acted on
        on = [t for t in prep_objects(noun, ("on", "against", "targeting", "at")) if not _is_date(t)]
        if not on:  # "the murder committed by FMLN guerrillas against Dr Ignacio Ellacuria"
            on = [t for t in _perpetrated_against(noun) if not _is_date(t)]
        if by:
            actor = by[0]
        elif of and plover in SELF_MOVING:
            actor = of[0]
        else:
            mods = [
                c for c in noun.lefts if c.dep_ in ACTOR_MODIFIER_DEPS and c.pos_ in ("PROPN", "ADJ", "NOUN")
            ]
            # a name of several words: "a Shining Path attack", "an M-19 car bomb"
            starts = sorted({c.left_edge.i for c in noun.lefts if c.dep_ in ACTOR_MODIFIER_DEPS})
            named: list[Token | Span] = []
            for m in mods:
                if m.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or self.is_known_actor(m.text):
                    named.append(m)
                    continue
                phrases = (m.doc[i : m.i + 1] for i in starts if i < m.i)
                name = next((p for p in phrases if self.is_known_actor(p.text)), None)
                if name is not None:
                    named.append(name)
            if named:
                actor = named[-1]
            owner = _undergoer(noun)
            if owner is not None:
                recipient = owner  # "Pizarro's murder": he was murdered, he did not murder
                if _covers(actor, owner):
                    actor = None
        if actor is None:
            actor = self._light_verb_subject(noun)
        if recipient is None and not on and not of:
            # "X has died from gunshot wounds": X had the wounds; "X was the victim of an attack";
            # "attacks that claimed the lives of X"
            recipient = _sufferer(noun) or _victim_of(noun) or _harmed_in_clause(noun)
        admitter = self._admitter(noun, plover)
        if admitter is not None and recipient is None and not on:
            # "the US announced Syria's entry into the coalition": the admitting side acts, the
            # entrant receives
            return admitter, actor
        if on and recipient is None:
            recipient = on[0]
        elif of and plover not in SELF_MOVING:
            recipient = of[0]
        return actor, recipient

    @staticmethod
    def _admitter(noun: Token, plover: str) -> Token | None:
        """The subject of "announced / approved / welcomed" over a joining noun with an owner."""
        if plover not in JOINING or noun.dep_ != "dobj" or lemma_of(noun.head) not in ADMITTING:
            return None
        if not any(c.dep_ == "poss" for c in noun.children):
            return None
        return subject(noun.head)

    @staticmethod
    def _light_verb_subject(noun: Token) -> Token | None:
        """'X launched an attack', 'X began what they said was a campaign': the light verb's subject;
        'X went on a rampage', 'X embarked on a strike': the subject of the verb the noun is the "on"
        of."""
        prep = noun.head
        if noun.dep_ == "pobj" and prep.lower_ == "on" and lemma_of(prep.head) in ON_VERBS:
            return subject(prep.head)
        for hops, anc in enumerate(noun.ancestors):
            if hops > 4 or anc.dep_ == "ROOT" and anc.lemma_ not in LIGHT_VERBS:
                return None
            if anc.lemma_ in LIGHT_VERBS:
                if is_passive(anc):  # "the attack was carried out by X"
                    agents = prep_objects(anc, ("by",))
                    return agents[0] if agents else None
                return subject(anc)
        return None

    def _phrase(self, head: Token | Span | None) -> Span | None:
        if head is None or isinstance(head, Span):
            return None if head is None else self._best(head)
        head = self._antecedent(head)
        head = unwrap_quantity(head)
        whole = prep_objects(head, ("of",)) if head.lower_ in MEMBER_HEADS else []
        return self._best(whole[0] if whole else head)  # "members of the army": the army

    def _best(self, target: Token | Span) -> Span:
        """The dictionary-known phrase inside an argument, else its compact noun phrase."""
        span = compact_phrase(target) if isinstance(target, Token) else target
        if self.is_known_actor(span.text):
            return span
        if isinstance(target, Span):
            subtree = target  # one side of "between X and Y": not the other side its root governs
        else:
            # the phrase, not the clauses that describe it ("the movement, which killed the army chief")
            end = min(
                (c.left_edge.i for c in target.rights if c.dep_ == "relcl"),
                default=target.right_edge.i + 1,
            )
            subtree = target.doc[target.left_edge.i : end]
        known = [
            ent
            for ent in self._ents_within(subtree)
            if ent.label_ in ("ORG", "NORP", "GPE", "PERSON") and self.is_known_actor(ent.text)
        ]
        # a group named beside its base ("members of the Somalia-based group al-Shabaab"): the group
        found = next((e for e in known if e.label_ in ("ORG", "PERSON")), known[0] if known else span)
        if found is not span and _affiliation(found, target):
            return span  # "M-19 presidential candidate Carlos Pizarro": the candidate, not his party
        if found is not span and _where(found) and found.start > span.start:
            # "gunmen in Kenya": the country says where they were (the resolver gives it as theirs),
            # it is not the actor
            return target.doc[span.start : found.end]
        return found

    @staticmethod
    def _antecedent(token: Token) -> Token:
        """'They' -> the subject of the reporting verb above it ("Syria says it is willing"), else
        the subject of the previous sentence, when the text gives no other name."""
        clause = token.head
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head  # "which assassinates priests and which bombed the capital"
        if token.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
            return clause.head  # "the movement, which claimed ...": the noun the clause describes
        if token.lower_ not in PRONOUNS:
            return token
        for anc in token.ancestors:
            if lemma_of(anc) in REPORTING_VERBS:
                speaker = subject(anc)
                if speaker is not None and speaker.lower_ not in PRONOUNS and speaker.pos_ != "PRON":
                    return speaker
                break
        sent = token.sent
        if sent.start == 0:
            return token
        previous = token.doc[sent.start - 1].sent
        subj = next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subj is None or subj.lower_ in PRONOUNS:
            return token
        return subj


def _shared_object(verb: Token) -> Token | None:
    """The object a verb shares with the verb joined to it ("X shot and killed Y": "shot" has Y too), so
    that an objectless "shot" is not read as a headline passive ("three soldiers shot")."""
    if any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in verb.children):
        return None
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in conj.children):
            obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def _perpetrated_against(noun: Token) -> list[Token]:
    """The target named on the participle that tells who did the act ("the murder committed by FMLN
    guerrillas against Dr Ignacio Ellacuria", "the attack carried out by the rebels on the convoy")."""
    found: list[Token] = []
    for clause in noun.children:
        if clause.dep_ != "acl" or lemma_of(clause) not in PERPETRATING:
            continue
        found.extend(prep_objects(clause, ("against", "on")))
        for doer in prep_objects(clause, ("by",)):  # the parser often hangs "against Y" on the doer
            found.extend(prep_objects(doer, ("against",)))
    return found


def _of_after_date(noun: Token) -> list[Token]:
    """ "The assassination on 22 March of Bernardo Jaramillo": the parser hangs the "of" on the date,
    but a date has no "of" of its own other than a year or a date ("in May of 1989", "on 2 March of
    this year"), so the phrase is the act's."""
    dates = [t for t in prep_objects(noun, ("on", "in")) if _is_date(t)]
    return [o for t in dates for o in prep_objects(t, ("of",)) if not _is_date(o) and o.pos_ != "NUM"]


def _is_date(token: Token) -> bool:
    """A date or time ("16 NOVEMBER", "Sunday"), also where the tagger does not mark it (upper case)."""
    return token.ent_type_ in TIME_ENTS or is_calendar_word(token.text)


# Verbs whose subject had the harm a noun under them names: "died from gunshot wounds", "succumbed to
# his injuries", "suffered serious burns", "sustained wounds in the attack".
SUFFERING_VERBS = frozenset({"die", "succumb", "suffer", "sustain", "recover"})


def _sufferer(noun: Token) -> Token | None:
    """The subject of a verb of suffering the harm noun hangs on (``SUFFERING_VERBS``), directly or
    through "from", "to" or "of"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in ("from", "to", "of"):
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if lemma_of(verb) not in SUFFERING_VERBS:
        return None
    return passive_subject(verb)


# The verbs of a relative clause on an act noun that tell whom the act harmed ("attacks that killed two
# soldiers"), and those that do through "the lives of" ("attacks that claimed the lives of X")
HARMING_VERBS = frozenset({"kill", "injure", "wound", "maim", "murder"})
LIFE_VERBS = frozenset({"claim", "take", "cost"})


def _harmed_in_clause(noun: Token) -> Token | None:
    """Whom the relative clause on the act noun says the act harmed: "the attacks that killed two
    soldiers", "criminal attacks that claimed the lives of presidential hopeful Luis Carlos Galan". Only a
    clause whose subject is the act ("that", "which"), not "the attack that the rebels blamed on X"."""
    for clause in noun.children:
        if clause.dep_ != "relcl":
            continue
        doer = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if doer is None or doer.lower_ not in RELATIVE_PRONOUNS:
            continue
        harmed = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if harmed is None:
            continue
        verb = lemma_of(clause)
        if verb in HARMING_VERBS:
            return harmed
        if verb in LIFE_VERBS and harmed.lemma_.lower() in ("life", "lives"):
            return next(iter(prep_objects(harmed, ("of",))), None)
    return None


def _victim_of(noun: Token) -> Token | None:
    """The subject the act noun is said to have befallen: "Galan was the victim of another attack",
    "the senator was the target of an assassination attempt", "the mayor fell victim to an ambush"."""
    phrase = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    prep = phrase.head
    if phrase.dep_ != "pobj" or prep.lower_ not in ("of", "to"):
        return None
    holder = prep.head
    if holder.lemma_.lower() in VICTIM_NOUNS and holder.dep_ in ("attr", "oprd", "dobj"):
        return subject(holder.head)
    if any(c.dep_ in ("dobj", "oprd", "attr") and c.lemma_.lower() in VICTIM_NOUNS for c in holder.children):
        return subject(holder)  # "fell victim to": "to" hangs on the verb
    return None


def names_its_victim(noun: Token) -> bool:
    """An act noun that names who underwent it: "Galan's murder", "the killing of six Jesuits"."""
    if noun.lemma_.lower() not in UNDERGONE_NOUNS:
        return False
    return _undergoer(noun) is not None or bool(prep_objects(noun, ("of",)))


def _undergoer(noun: Token) -> Token | None:
    """The owner of an act noun who underwent the act ("Pizarro's murder", "the Jesuits' slaying"); not
    with an "of" object ("the army's killing of three farmers"), nor a possessive pronoun ("their
    murder": whose, the text around says)."""
    if noun.lemma_.lower() not in UNDERGONE_NOUNS or prep_objects(noun, ("of",)):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner if owner is not None and owner.pos_ not in ("PRON", "DET") else None


def _covers(actor: Token | Span | None, token: Token) -> bool:
    if isinstance(actor, Span):
        return actor.start <= token.i < actor.end
    return actor is not None and actor.i == token.i


def _subject_of_governing_clause(verb: Token) -> Token | None:
    """The one a subjectless passive clause is about: the subject of the clause it modifies ("X was
    admitted to hospital after having been shot", "X died after being sprayed with gunfire")."""
    clause = verb
    if clause.dep_ == "pcomp":
        clause = clause.head  # the preposition ("after")
        if clause.dep_ != "prep":
            return None
    elif clause.dep_ != "advcl":
        return None
    governing = clause.head
    if governing is clause or governing.pos_ not in ("VERB", "AUX"):
        return None
    return passive_subject(governing)


def _passive_conjunct_head(verb: Token) -> Token | None:
    """The passive verb a subjectless past participle is joined to ("was shot and killed"), if any."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head is verb:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "auxpass") for c in verb.children):
        return None
    return head if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) else None


def _affiliation(ent: Span, target: Token | Span) -> bool:
    """A group named before a person's name, as the person's party or side ("M-19 presidential candidate
    Carlos Pizarro"): the head of the phrase is a name after the group, which only qualifies it."""
    head = target if isinstance(target, Token) else target.root
    if head.pos_ != "PROPN" or ent.end > head.i:
        return False
    return head.ent_type_ == "PERSON" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts)


def _where(ent: Span) -> bool:
    """Is a country or place inside an argument where its head was, not who it was ("gunmen in Kenya",
    "death squads in El Salvador")?"""
    root = ent.root
    return ent.label_ == "GPE" and root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPS
