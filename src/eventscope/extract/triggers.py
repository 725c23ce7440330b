"""Event triggers: the words that name a happening, from the data file ``lexicon/triggers.yaml``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from eventscope.extract.lexicon import load_lexicon
from eventscope.extract.syntax import arguments, lemma_of
from eventscope.extract.tokenscan import where_lemma, where_lower
from eventscope.extract.typos import typo_words

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str
    pos: tuple[str, ...]
    plover: str
    mode: str | None = None
    needs_armed: bool = False
    needs_prep: tuple[str, ...] = ()
    needs_object: tuple[str, ...] = ()
    not_object: tuple[str, ...] = ()
    # one of these words is a child of the trigger or the object of its preposition ("shot dead",
    # "set ablaze", "set on fire")
    needs_child: tuple[str, ...] = ()
    # Non-conflict senses: the rule fails when one of these lemmas is the trigger's head, a child, or
    # the object of a child preposition ("virus attack", "attack on the plans", "strong demand").
    not_near: tuple[str, ...] = ()
    # a sense that needs its own context: one of these words is the trigger's head, a child (not a
    # preposition) or the object of its preposition ("went on strike", "a general strike", "strike by
    # teachers"); without it, "the strike flattened a building" keeps its military sense
    needs_near: tuple[str, ...] = ()
    # the word names a unit or its kit, not a happening, when it modifies one of these ("riot police",
    # "anti-riot squad", "riot gear")
    not_head: tuple[str, ...] = ()
    object_types: Mapping[str, str] = field(default_factory=dict)
    implies_actor: str | None = None
    # the word reports harm found after the fact ("found dead", "found the body"): its subject found it
    # and is not who did it, so the mention has no actor
    finder_subject: bool = False
    # a general word ("violence") that is the event only when the article tells of no other one
    only_alone: bool = False
    # one of these words is anywhere in the trigger's sentence ("violence reported during the elections")
    needs_in_sentence: tuple[str, ...] = ()
    # the object of the trigger's "of" is who acted ("at the hands of the police")
    of_actor: bool = False
    # the rule's constraints fix the word's violent or protest sense ("took to the streets", "engaged in
    # blows", "stoned to death"): a figurative_triggers word stands on it in any article (extract/domain.py)
    literal: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    plover: str
    mode: str | None
    implies_actor: str | None = None  # ActorKind value of the unnamed actor the word implies
    finder_subject: bool = False  # see TriggerRule.finder_subject
    only_alone: bool = False  # see TriggerRule.only_alone
    of_actor: bool = False  # see TriggerRule.of_actor
    literal: bool = False  # see TriggerRule.literal


# Weapon words that name a weapon only as a modifier ("a roadside bomb", "an air strike"): as the object
# of "by" they are a place or a thing ("dumped by the roadside", "by air").
MODIFIER_ONLY_WEAPONS = frozenset({"roadside", "air", "aerial", "suicide"})


@dataclass(frozen=True)
class TriggerLexicon:
    rules: Mapping[tuple[str, str], TriggerRule]  # (lemma, POS) -> its first rule
    armed_words: frozenset[str]
    violent_words: frozenset[str] = frozenset()
    # weapon word -> the ASSAULT/FIGHT mode it gives a trigger it modifies ("grenade attack")
    weapon_modes: Mapping[str, str] = field(default_factory=dict)
    # Later rules for the same (lemma, POS), tried in file order when the first one's constraints
    # fail: "call off" (a strike) is CONCEDE, "call on" (someone to act) is DEMAND.
    more_rules: Mapping[tuple[str, str], tuple[TriggerRule, ...]] = field(default_factory=dict)
    # Words that make an article conflict news (``extract/domain.py``): none of them anywhere, and the
    # article's mentions must name a known actor to stand.
    conflict_words: frozenset[str] = frozenset()
    political_words: frozenset[str] = frozenset()  # a sentence with one of them is political news
    figurative_triggers: frozenset[str] = frozenset()  # physical triggers with common other senses
    conflict_sentence_words: frozenset[str] = frozenset()  # conflict news of their own sentence only

    @cached_property
    def lemmas(self) -> frozenset[str]:
        """Every lemma a rule is for."""
        return frozenset(lemma for lemma, _ in (*self.rules, *self.more_rules))

    @cached_property
    def headline_verbs(self) -> dict[str, str]:
        """Present-tense forms of the verb rules ("lynch", "lynches" -> "lynch"): in headline-style
        sentences ("Mob lynches man") the tagger often reads them as nouns in a compound."""
        forms: dict[str, str] = {}
        for lemma, pos in (*self.rules, *self.more_rules):
            if pos == "VERB" and " " not in lemma:
                third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
                forms.setdefault(lemma, lemma)
                forms.setdefault(third, lemma)
        return forms

    def candidates(self, doc: Doc) -> list[int]:
        """Indices of the tokens ``match`` may accept, in order: a rule's lemma, a verb form the tagger
        took for a noun in a compound (``headline_verbs``), or a verb with "must" or "should" (a
        reported obligation). Found with array scans; every other token fails ``match``."""
        obligations = {doc[i].head.i for i in where_lower(doc, OBLIGATION_AUX)}
        headline = {
            i
            for i in where_lower(doc, frozenset(self.headline_verbs))
            if _headline_verb(doc[i]) or _after_subject_in_verbless(doc[i])
        }
        # misspelt core words of violence ("attakced"): their lemma is the word's (extract/typos.py)
        typos = where_lower(doc, typo_words())
        return sorted(obligations.union(where_lemma(doc, self.lemmas), headline, typos))

    def match(self, token: Token) -> Trigger | None:
        """The trigger this token is, if its lemma, part of speech and constraints fit."""
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else ""
        if not pos:
            return None  # every rule is for a verb or a noun
        if pos == "VERB" and is_reported_obligation(token):
            # "X said Y must return the helicopter": what X demands of Y, whatever the verb (CAMEO 10)
            return Trigger(token=token, plover="DEMAND", mode=None)
        key = (lemma_of(token), pos)
        rule = self._first_rule(key, token)
        headline = rule is None and pos == "NOUN" and token.lower_ in self.headline_verbs
        strict = headline and _headline_verb(token)
        headline = strict or (headline and _after_subject_in_verbless(token))
        if headline:
            # a verb the tagger read as a noun ("Police exchange fire with raiders"): its verb rules,
            # and a compound's head is its object ("exchange" -> "fire")
            key = (self.headline_verbs[token.lower_], "VERB")
            rule = self._first_rule(key, token, headline=True)
            if rule is not None and not strict and rule.plover not in PHYSICAL_TYPES:
                rule = None
        if rule is None:
            return None
        plover, mode = rule.plover, rule.mode
        implied = rule.implies_actor
        for obj in _objects(token, headline=headline):
            coded = rule.object_types.get(lemma_of(obj))
            if coded is not None:  # "SANCTION", "ASSAULT/primitive", "ASSAULT/primitive/rioters":
                # type, optional mode, optional actor the object implies (stones are a crowd's weapon)
                plover, new_mode, new_implied = (coded.split("/") + ["", ""])[:3]
                mode = new_mode or None
                implied = new_implied or implied
        if plover in ("ASSAULT", "FIGHT") and mode is None:
            weapon = self._weapon_mode(token)  # "a grenade attack", "attacked with machetes"
            if plover == "ASSAULT" or weapon in FIGHT_WEAPON_MODES:
                mode = weapon
        if plover == "PROTEST" and self._said_violent(token):
            mode = "riot"  # "violently protesting", "rowdy rallies", "the demonstration turned violent"
        if plover == "PROTEST" and implied is not None:
            implied = "rioters" if mode == "riot" else implied
        return Trigger(
            token=token,
            plover=plover,
            mode=mode,
            implies_actor=implied,
            finder_subject=rule.finder_subject,
            only_alone=rule.only_alone,
            of_actor=rule.of_actor,
            literal=rule.literal,
        )

    def _first_rule(
        self, key: tuple[str, str], token: Token, *, headline: bool = False
    ) -> TriggerRule | None:
        candidates = [r for r in (self.rules.get(key), *self.more_rules.get(key, ())) if r is not None]
        return next((r for r in candidates if self._constraints_hold(r, token, headline=headline)), None)

    def _weapon_mode(self, token: Token) -> str | None:
        """The mode a weapon named on the trigger gives it: a modifier ("grenade attack", "IED
        blast") or the object of "with"/"using" ("attacked with machetes")."""
        near = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        near += [
            g
            for c in token.children
            if c.lower_ in ("with", "using", "by") or lemma_of(c) == "use"
            for g in c.children
            if g.dep_ in ("pobj", "dobj") and g.lower_ not in MODIFIER_ONLY_WEAPONS
        ]
        for t in near:
            mode = self.weapon_modes.get(lemma_of(t)) or self.weapon_modes.get(t.lower_)
            if mode is not None:
                return mode
        return None

    def _said_violent(self, token: Token) -> bool:
        near = [*token.children, token.head, *token.head.children]
        return any(lemma_of(t) in self.violent_words or t.lower_ in self.violent_words for t in near)

    def _constraints_hold(self, rule: TriggerRule, token: Token, *, headline: bool = False) -> bool:
        if rule.needs_prep and not any(
            # a particle is often parsed as an adverb ("guns down two officers")
            c.dep_ in ("prep", "prt", "agent", "advmod") and c.lower_ in rule.needs_prep
            for c in token.children
        ):
            return False
        objects = _objects(token, headline=headline)
        if rule.needs_object and not any(lemma_of(o) in rule.needs_object for o in objects):
            return False
        if rule.not_object and any(lemma_of(o) in rule.not_object for o in objects):
            return False
        if rule.needs_child and not any(
            c.lower_ in rule.needs_child or lemma_of(c) in rule.needs_child
            for c in _modifiers(token, adjacent=True)
        ):
            return False
        if rule.not_near and any(
            lemma_of(t) in rule.not_near or t.lower_ in rule.not_near for t in _neighbours(token)
        ):
            return False
        if rule.needs_near and not any(
            lemma_of(t) in rule.needs_near or t.lower_ in rule.needs_near
            for t in _neighbours(token)
            if t.i == token.head.i or t.dep_ != "prep"  # tokens are views: compare indices
        ):
            return False
        if rule.not_head and not _heads(token).isdisjoint(rule.not_head):
            return False
        if rule.needs_in_sentence and not any(
            t.lower_ in rule.needs_in_sentence or lemma_of(t) in rule.needs_in_sentence for t in token.sent
        ):
            return False
        return not (rule.needs_armed and not self.is_armed(arguments(token)))

    def is_armed(self, phrases: Iterable[Token]) -> bool:
        for head in phrases:
            for t in head.subtree:
                if t.lower_ in self.armed_words or lemma_of(t) in self.armed_words:
                    return True
        return False


def _headline_verb(token: Token) -> bool:
    """A verb of a headline-style sentence tagged as a noun: "Mob lynches man", "Residents lynch man"
    parse as one noun phrase whose compounds are the subject and the verb (only a compound after
    another word of the phrase counts: the first word of a noun phrase is its subject); "Attackers
    shoot KDF soldier" makes the verb a noun with a subject and an object (see also
    ``_after_subject_in_verbless``)."""
    if token.pos_ != "NOUN" or not token.text[:1].islower():
        return False  # a capitalised word is a name ("Royal Dutch Shell", "Merrill Lynch")
    deps = {c.dep_ for c in token.children}
    # "Attackers shoot KDF soldier", "Protesters demonstrate over land": a noun with a subject
    if "nsubj" in deps and (token.dep_ == "ROOT" or "dobj" in deps):
        return True
    return (
        token.dep_ == "compound" and token.i > token.head.left_edge.i and token.head.pos_ in ("NOUN", "PROPN")
    )


# Finite verb tags: a sentence without any is a headline or a caption, whose verb the tagger lost.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _after_subject_in_verbless(token: Token) -> bool:
    """A verb form right after a noun (its subject, a closing bracket of an aside allowed) in a
    sentence with no finite verb: "Police fire on rioters", "MRC kidnaps official", "Nurses march to
    demand pay" (where the tagger may even take "march" for the month). ``match`` takes it for a
    physical happening only: a verbless title's "Takeover offer" or "Government support" is a noun."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.text[:1].islower():
        return False
    sent = token.sent
    if token.i == sent.start or any(t.tag_ in FINITE_TAGS for t in sent):
        return False
    before = token.doc[token.i - 1]
    return before.pos_ in ("NOUN", "PROPN") or (before.text == ")" and token.i - 1 > sent.start)


# Types of physical happenings: the only ones a verb form in a verbless sentence is taken for.
PHYSICAL_TYPES = frozenset({"ASSAULT", "FIGHT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"})

# The weapon modes PLOVER's FIGHT has (ASSAULT has them all).
FIGHT_WEAPON_MODES = frozenset({"firearms", "heavy-weapons", "aerial"})


def _modifiers(token: Token, *, adjacent: bool = False) -> list[Token]:
    """The trigger's children and the objects of its prepositions; with ``adjacent``, also the word
    right after it, which a broken parse may hang elsewhere ("[the suspect] was shot dead by police",
    where brackets make "shot" a noun and "dead" a complement of "was")."""
    near = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    if adjacent and token.i + 1 < len(token.doc):
        near.append(token.doc[token.i + 1])
    return near


PREDICATIVE = frozenset({"oprd", "acomp"})
# Dependencies of a word that modifies a noun ("riot police", "the anti-riot unit").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _heads(token: Token) -> set[str]:
    """The lemmas of the nouns a modifier qualifies, up a chain of modifiers ("riot police officers":
    "police" and "officer", however the parser hangs the compounds)."""
    out: set[str] = set()
    while token.dep_ in MODIFIER_DEPS and token.head.i != token.i:
        token = token.head
        out.add(lemma_of(token))
    return out


def _neighbours(token: Token) -> list[Token]:
    """The trigger's head, its children, and the objects of its prepositions ("attack on the plans"),
    also of a passive's "by" and of a predicative complement's prepositions ("found dead with stab
    wounds", "found dead by the roadside")."""
    preps = [c for c in token.children if c.dep_ in ("prep", "agent")]
    preps += [g for c in token.children if c.dep_ in PREDICATIVE for g in c.children if g.dep_ == "prep"]
    near = [*token.children, *(g for p in preps for g in p.children)]
    return [token.head, *near] if token.head.i != token.i else near


def _objects(token: Token, *, headline: bool = False) -> list[Token]:
    """The trigger's objects; a headline verb read as a compound has its head as object."""
    objs = [c for c in token.children if c.dep_ in ("dobj", "obj", "attr", "nsubjpass")]
    if headline and token.dep_ == "compound":
        objs.append(token.head)
    # "take control of", "fired rockets at": the object may be a compound or conj
    return objs + [c for o in objs for c in o.children if c.dep_ == "conj"]


# Verbs that report what someone said or concluded: an obligation ("must", "should") in their
# complement is the speaker's demand.
REPORTING_VERBS = frozenset(
    {"say", "announce", "conclude", "insist", "state", "tell", "declare", "add", "stress", "argue", "write"}
)
OBLIGATION_AUX = frozenset({"must", "should"})


def is_reported_obligation(verb: Token) -> bool:
    """'Russia said Sudan must return ...': an obligation in the complement of a reporting verb."""
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ in ("ccomp", "conj") and head.i != verb.i and lemma_of(head) in REPORTING_VERBS


def parse_lexicon(data: Mapping[str, Any]) -> TriggerLexicon:
    rules: dict[tuple[str, str], TriggerRule] = {}
    more: dict[tuple[str, str], tuple[TriggerRule, ...]] = {}
    for entry in data["triggers"]:
        rule = TriggerRule(
            lemma=entry["lemma"],
            pos=tuple(entry["pos"]),
            plover=entry["plover"],
            mode=entry.get("mode"),
            needs_armed=bool(entry.get("needs_armed", False)),
            needs_prep=tuple(entry.get("needs_prep", ())),
            needs_object=tuple(entry.get("needs_object", ())),
            not_object=tuple(entry.get("not_object", ())),
            needs_child=tuple(entry.get("needs_child", ())),
            not_near=tuple(entry.get("not_near", ())),
            needs_near=tuple(entry.get("needs_near", ())),
            not_head=tuple(entry.get("not_head", ())),
            object_types=dict(entry.get("object_types", {})),
            implies_actor=entry.get("implies_actor"),
            finder_subject=bool(entry.get("finder_subject", False)),
            only_alone=bool(entry.get("only_alone", False)),
            needs_in_sentence=tuple(entry.get("needs_in_sentence", ())),
            of_actor=bool(entry.get("of_actor", False)),
            literal=bool(entry.get("literal", False)),
        )
        for pos in rule.pos:
            if (rule.lemma, pos) in rules:
                more[(rule.lemma, pos)] = (*more.get((rule.lemma, pos), ()), rule)
            else:
                rules[(rule.lemma, pos)] = rule
    return TriggerLexicon(
        rules=rules,
        more_rules=more,
        armed_words=frozenset(w.lower() for w in data["armed_words"]),
        violent_words=frozenset(w.lower() for w in data.get("violent_words", ())),
        weapon_modes={str(k).lower(): str(v) for k, v in data.get("weapon_modes", {}).items()},
        conflict_words=frozenset(w.lower() for w in data.get("conflict_words", ())),
        political_words=frozenset(w.lower() for w in data.get("political_words", ())),
        figurative_triggers=frozenset(w.lower() for w in data.get("figurative_triggers", ())),
        conflict_sentence_words=frozenset(w.lower() for w in data.get("conflict_sentence_words", ())),
    )


@cache
def load_trigger_lexicon() -> TriggerLexicon:
    return parse_lexicon(load_lexicon("triggers"))
