"""Event triggers: the words that name a happening, from the data file ``lexicon/triggers.yaml``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from eventscope.extract.syntax import arguments, lemma_of


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str
    pos: tuple[str, ...]
    plover: str
    mode: str | None = None
    needs_armed: bool = False
    needs_prep: tuple[str, ...] = ()
    needs_object: tuple[str, ...] = ()
    object_types: Mapping[str, str] = field(default_factory=dict)
    implies_actor: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    plover: str
    mode: str | None
    implies_actor: str | None = None  # ActorKind value of the unnamed actor the word implies


@dataclass(frozen=True)
class TriggerLexicon:
    rules: Mapping[tuple[str, str], TriggerRule]  # (lemma, POS) -> rule
    armed_words: frozenset[str]
    violent_words: frozenset[str] = frozenset()

    def match(self, token: Token) -> Trigger | None:
        """The trigger this token is, if its lemma, part of speech and constraints fit."""
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else ""
        rule = self.rules.get((lemma_of(token), pos))
        if rule is None or not self._constraints_hold(rule, token):
            return None
        plover, mode = rule.plover, rule.mode
        for obj in _objects(token):
            coded = rule.object_types.get(lemma_of(obj))
            if coded is not None:  # "SANCTION" or "ASSAULT/primitive": type and optional mode
                plover, _, new_mode = coded.partition("/")
                mode = new_mode or None
        if plover == "PROTEST" and self._said_violent(token):
            mode = "riot"  # "violently protesting", "rowdy rallies", "the demonstration turned violent"
        implied = rule.implies_actor
        if plover == "PROTEST" and implied is not None:
            implied = "rioters" if mode == "riot" else implied
        return Trigger(token=token, plover=plover, mode=mode, implies_actor=implied)

    def _said_violent(self, token: Token) -> bool:
        near = [*token.children, token.head, *token.head.children]
        return any(lemma_of(t) in self.violent_words or t.lower_ in self.violent_words for t in near)

    def _constraints_hold(self, rule: TriggerRule, token: Token) -> bool:
        if rule.needs_prep and not any(
            c.dep_ in ("prep", "prt", "agent") and c.lower_ in rule.needs_prep for c in token.children
        ):
            return False
        if rule.needs_object and not any(lemma_of(o) in rule.needs_object for o in _objects(token)):
            return False
        return not (rule.needs_armed and not self.is_armed(arguments(token)))

    def is_armed(self, phrases: Iterable[Token]) -> bool:
        for head in phrases:
            for t in head.subtree:
                if t.lower_ in self.armed_words or lemma_of(t) in self.armed_words:
                    return True
        return False


def _objects(token: Token) -> list[Token]:
    objs = [c for c in token.children if c.dep_ in ("dobj", "obj", "attr", "nsubjpass")]
    # "take control of", "fired rockets at": the object may be a compound or conj
    return objs + [c for o in objs for c in o.children if c.dep_ == "conj"]


def parse_lexicon(data: Mapping[str, Any]) -> TriggerLexicon:
    rules: dict[tuple[str, str], TriggerRule] = {}
    for entry in data["triggers"]:
        rule = TriggerRule(
            lemma=entry["lemma"],
            pos=tuple(entry["pos"]),
            plover=entry["plover"],
            mode=entry.get("mode"),
            needs_armed=bool(entry.get("needs_armed", False)),
            needs_prep=tuple(entry.get("needs_prep", ())),
            needs_object=tuple(entry.get("needs_object", ())),
            object_types=dict(entry.get("object_types", {})),
            implies_actor=entry.get("implies_actor"),
        )
        for pos in rule.pos:
            rules[(rule.lemma, pos)] = rule
    return TriggerLexicon(
        rules=rules,
        armed_words=frozenset(w.lower() for w in data["armed_words"]),
        violent_words=frozenset(w.lower() for w in data.get("violent_words", ())),
    )


@cache
def load_trigger_lexicon() -> TriggerLexicon:
    text = resources.files("eventscope.extract.lexicon").joinpath("triggers.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text))
