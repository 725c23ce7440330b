"""Roles that the sentence gives around the event word: claims of responsibility, attributions, names of
several words before an event noun, and relative pronouns. Hand-built parses, so no model is needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from eventscope.extract.roles import RoleFinder

KNOWN = {"shining path", "the shining path", "mrta", "the mrta", "farc", "farc rebels", "eln", "the eln"}


def finder() -> RoleFinder:
    return RoleFinder(lambda text: text.lower() in KNOWN)


def parse(words: str, heads: list[int], deps: str, pos: str, lemmas: str | None = None) -> Doc:
    nlp = spacy.blank("en")
    ws = words.split()
    return Doc(
        nlp.vocab,
        words=ws,
        heads=heads,
        deps=deps.split(),
        pos=pos.split(),
        lemmas=(lemmas or words.lower()).split(),
    )


def token(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_claimed_responsibility_for_an_act() -> None:
    doc = parse(
        "The Shining Path claimed responsibility for the bombing",
        [2, 2, 3, 3, 3, 4, 7, 5],
        "det compound nsubj ROOT dobj prep det pobj",
        "DET PROPN PROPN VERB NOUN ADP DET NOUN",
        "the shining path claim responsibility for the bombing",
    )
    roles = finder().find(token(doc, "bombing"), "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "The Shining Path"


def test_claim_with_for_on_the_verb_and_a_relative_pronoun() -> None:
    # "The MRTA, which claimed responsibility for detonating a bomb": the parser hangs "for" on the verb
    doc = parse(
        "The MRTA , which claimed responsibility for detonating a bomb",
        [1, 1, 1, 4, 1, 4, 4, 6, 9, 7],
        "det ROOT punct nsubj relcl dobj prep pcomp det dobj",
        "DET PROPN PUNCT PRON VERB NOUN ADP VERB DET NOUN",
        "the mrta , which claim responsibility for detonate a bomb",
    )
    roles = finder().find(token(doc, "detonating"), "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "The MRTA"


def test_denied_responsibility_names_no_actor() -> None:
    doc = parse(
        "The ELN denied responsibility for the attack",
        [1, 2, 2, 2, 3, 6, 4],
        "det nsubj ROOT dobj prep det pobj",
        "DET PROPN VERB NOUN ADP DET NOUN",
        "the eln deny responsibility for the attack",
    )
    assert finder().find(token(doc, "attack"), "ASSAULT").actor is None


def test_attributed_to_on_the_noun_or_the_verb() -> None:
    doc = parse(
        "Police attributed the attack to the MRTA",
        [1, 1, 3, 1, 3, 6, 4],
        "nsubj ROOT det dobj prep det pobj",
        "NOUN VERB DET NOUN ADP DET PROPN",
        "police attribute the attack to the mrta",
    )
    roles = finder().find(token(doc, "attack"), "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "the MRTA"
    passive = parse(
        "The bombing was attributed to FARC rebels",
        [1, 3, 3, 3, 3, 6, 4],
        "det nsubjpass auxpass ROOT prep compound pobj",
        "DET NOUN AUX VERB ADP PROPN NOUN",
        "the bombing be attribute to farc rebel",
    )
    roles = finder().find(token(passive, "bombing"), "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "FARC rebels"


def test_a_name_of_several_words_before_an_event_noun() -> None:
    doc = parse(
        "a Shining Path attack",
        [3, 3, 3, 3],
        "det amod compound ROOT",
        "DET VERB PROPN NOUN",
        "a shin path attack",
    )
    roles = finder().find(token(doc, "attack"), "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "Shining Path"


def test_the_agent_of_a_passive_light_verb() -> None:
    doc = parse(
        "The attack was carried out by the FARC",
        [1, 3, 3, 3, 3, 3, 7, 5],
        "det nsubjpass auxpass ROOT prt agent det pobj",
        "DET NOUN AUX VERB ADP ADP DET PROPN",
        "the attack be carry out by the farc",
    )
    roles = finder().find(token(doc, "attack"), "ASSAULT")
    assert roles.actor is not None and roles.actor.text == "the FARC"
