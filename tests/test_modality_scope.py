"""How far modality cues reach (extract/modality_scope.py, extract/modality.py), on hand-built parses.

The parses are written out as the English model reads these sentences, so each rule is tested on the
tree it is about, with no model in the loop."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from eventscope.extract.modality import find_modality
from eventscope.extract.modality_scope import is_definite, scope_path
from eventscope.models import Modality

# (word, lemma, pos, dep, head index)
Row = tuple[str, str, str, str, int]


def _doc(rows: list[Row]) -> Doc:
    nlp = spacy.blank("en")
    return Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def _modality(doc: Doc, word: str) -> Modality:
    token: Token = next(t for t in doc if t.text == word)
    return find_modality(token, doc[:], "a")[0]


# "The attacks have not resulted in any deaths, although several people have been injured."
NOT_DEATHS_BUT_INJURED: list[Row] = [
    ("The", "the", "DET", "det", 1),
    ("attacks", "attack", "NOUN", "nsubj", 4),
    ("have", "have", "AUX", "aux", 4),
    ("not", "not", "PART", "neg", 4),
    ("resulted", "result", "VERB", "ROOT", 4),
    ("in", "in", "ADP", "prep", 4),
    ("any", "any", "DET", "det", 7),
    ("deaths", "death", "NOUN", "pobj", 5),
    (",", ",", "PUNCT", "punct", 4),
    ("although", "although", "SCONJ", "mark", 14),
    ("several", "several", "ADJ", "amod", 11),
    ("people", "people", "NOUN", "nsubjpass", 14),
    ("have", "have", "AUX", "aux", 14),
    ("been", "be", "AUX", "auxpass", 14),
    ("injured", "injure", "VERB", "advcl", 4),
    (".", ".", "PUNCT", "punct", 4),
]


def test_negation_stays_in_its_clause() -> None:
    doc = _doc(NOT_DEATHS_BUT_INJURED)
    assert _modality(doc, "deaths") is Modality.NEGATED
    assert _modality(doc, "injured") is Modality.ASSERTED
    # the adverbial clause is where the walk up from "injured" ends
    assert [s.token.text for s in scope_path(doc[14], doc[:], frozenset())] == ["injured"]


def test_negation_does_not_reach_the_subject_of_another_verb() -> None:
    # "The bombing did not kill anyone."
    doc = _doc(
        [
            ("The", "the", "DET", "det", 1),
            ("bombing", "bombing", "NOUN", "nsubj", 4),
            ("did", "do", "AUX", "aux", 4),
            ("not", "not", "PART", "neg", 4),
            ("kill", "kill", "VERB", "ROOT", 4),
            ("anyone", "anyone", "PRON", "dobj", 4),
            (".", ".", "PUNCT", "punct", 4),
        ]
    )
    assert _modality(doc, "bombing") is Modality.ASSERTED
    assert _modality(doc, "kill") is Modality.NEGATED


def _did_not_v_the_attack(verb: str, det: str) -> Doc:
    # "The army did not <verb> <det> attack."
    return _doc(
        [
            ("The", "the", "DET", "det", 1),
            ("army", "army", "NOUN", "nsubj", 4),
            ("did", "do", "AUX", "aux", 4),
            ("not", "not", "PART", "neg", 4),
            (verb, verb, "VERB", "ROOT", 4),
            (det, det.lower(), "DET", "det", 6),
            ("attack", "attack", "NOUN", "dobj", 4),
            (".", ".", "PUNCT", "punct", 4),
        ]
    )


def test_a_definite_event_is_given_unless_the_verb_performs_it() -> None:
    assert _modality(_did_not_v_the_attack("condemn", "the"), "attack") is Modality.ASSERTED
    assert _modality(_did_not_v_the_attack("launch", "the"), "attack") is Modality.NEGATED
    assert _modality(_did_not_v_the_attack("condemn", "any"), "attack") is Modality.NEGATED


def test_definite_noun_phrases() -> None:
    doc = _did_not_v_the_attack("condemn", "the")
    assert is_definite(doc[6])
    assert not is_definite(_did_not_v_the_attack("condemn", "an")[6])


def _not_v_but_w(cc: str) -> Doc:
    # "Rebels did not attack the base <cc> burned the village."
    return _doc(
        [
            ("Rebels", "rebel", "NOUN", "nsubj", 3),
            ("did", "do", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3),
            ("attack", "attack", "VERB", "ROOT", 3),
            ("the", "the", "DET", "det", 5),
            ("base", "base", "NOUN", "dobj", 3),
            (cc, cc, "CCONJ", "cc", 3),
            ("burn", "burn", "VERB", "conj", 3),
            ("the", "the", "DET", "det", 9),
            ("village", "village", "NOUN", "dobj", 7),
            (".", ".", "PUNCT", "punct", 3),
        ]
    )


def test_negation_spreads_over_or_but_not_over_but() -> None:
    assert _modality(_not_v_but_w("but"), "burn") is Modality.ASSERTED
    assert _modality(_not_v_but_w("and"), "burn") is Modality.ASSERTED
    assert _modality(_not_v_but_w("or"), "burn") is Modality.NEGATED
    assert _modality(_not_v_but_w("but"), "attack") is Modality.NEGATED


def test_a_coordinated_clause_with_its_own_subject_is_a_boundary() -> None:
    # "Rebels did not attack or troops burned the village."
    doc = _doc(
        [
            ("Rebels", "rebel", "NOUN", "nsubj", 3),
            ("did", "do", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3),
            ("attack", "attack", "VERB", "ROOT", 3),
            ("or", "or", "CCONJ", "cc", 3),
            ("troops", "troop", "NOUN", "nsubj", 6),
            ("burn", "burn", "VERB", "conj", 3),
            ("the", "the", "DET", "det", 8),
            ("village", "village", "NOUN", "dobj", 6),
            (".", ".", "PUNCT", "punct", 3),
        ]
    )
    assert _modality(doc, "burn") is Modality.ASSERTED


def _relative_plan(det: str) -> Doc:
    # "Police arrested the man who had planned <det> murder."
    return _doc(
        [
            ("Police", "police", "NOUN", "nsubj", 1),
            ("arrested", "arrest", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("man", "man", "NOUN", "dobj", 1),
            ("who", "who", "PRON", "nsubj", 6),
            ("had", "have", "AUX", "aux", 6),
            ("planned", "plan", "VERB", "relcl", 3),
            (det, det, "DET", "det", 8),
            ("murder", "murder", "NOUN", "dobj", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


def test_the_event_a_person_planned_is_reported() -> None:
    assert _modality(_relative_plan("the"), "murder") is Modality.ASSERTED
    assert _modality(_relative_plan("a"), "murder") is Modality.PLANNED
    assert _modality(_relative_plan("the"), "arrested") is Modality.ASSERTED


def test_plans_and_attempts_govern_their_complements() -> None:
    # "The rebels tried to kill the mayor."
    doc = _doc(
        [
            ("The", "the", "DET", "det", 1),
            ("rebels", "rebel", "NOUN", "nsubj", 2),
            ("tried", "try", "VERB", "ROOT", 2),
            ("to", "to", "PART", "aux", 4),
            ("kill", "kill", "VERB", "xcomp", 2),
            ("the", "the", "DET", "det", 6),
            ("mayor", "mayor", "NOUN", "dobj", 4),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    assert _modality(doc, "kill") is Modality.ATTEMPTED


def test_a_plan_verb_says_nothing_of_its_subject() -> None:
    # "The fighting threatened to spread."
    doc = _doc(
        [
            ("The", "the", "DET", "det", 1),
            ("fighting", "fighting", "NOUN", "nsubj", 2),
            ("threatened", "threaten", "VERB", "ROOT", 2),
            ("to", "to", "PART", "aux", 4),
            ("spread", "spread", "VERB", "xcomp", 2),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    assert _modality(doc, "fighting") is Modality.ASSERTED


def test_a_conditional_clause_is_not_a_report() -> None:
    # "If the rebels attack, the army will respond."
    doc = _doc(
        [
            ("If", "if", "SCONJ", "mark", 3),
            ("the", "the", "DET", "det", 2),
            ("rebels", "rebel", "NOUN", "nsubj", 3),
            ("attack", "attack", "VERB", "advcl", 8),
            (",", ",", "PUNCT", "punct", 8),
            ("the", "the", "DET", "det", 6),
            ("army", "army", "NOUN", "nsubj", 8),
            ("will", "will", "AUX", "aux", 8),
            ("respond", "respond", "VERB", "ROOT", 8),
            (".", ".", "PUNCT", "punct", 8),
        ]
    )
    assert _modality(doc, "attack") is Modality.PLANNED
    assert _modality(doc, "respond") is Modality.PLANNED  # the future auxiliary of its own
