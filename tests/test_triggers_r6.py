"""Short reports that used to yield no event at all: verbs of verbless headlines, harm found after the
fact, violence named only by a general word, places taken over, crowds arming themselves or gathering to
call for something, and what protesters say when no event word is used. Example sentences are written
for the tests."""

from __future__ import annotations

import pytest

from eventscope.extract.triggers import load_trigger_lexicon, parse_lexicon
from eventscope.models import ActorKind
from tests.extraction import assert_coded, extract_drafts, found_types


def test_new_rule_fields_are_read() -> None:
    data = {
        "triggers": [
            {
                "lemma": "violence",
                "pos": ["NOUN"],
                "plover": "PROTEST",
                "only_alone": True,
                "needs_in_sentence": ["election"],
            },
            {"lemma": "hand", "pos": ["NOUN"], "plover": "ASSAULT", "of_actor": True},
        ],
        "armed_words": [],
    }
    lexicon = parse_lexicon(data)
    violence = lexicon.rules[("violence", "NOUN")]
    assert violence.only_alone and violence.needs_in_sentence == ("election",)
    assert lexicon.rules[("hand", "NOUN")].of_actor
    assert not lexicon.rules[("hand", "NOUN")].only_alone


def test_the_shipped_lexicon_has_the_new_entries() -> None:
    lexicon = load_trigger_lexicon()
    assert ("overtake", "VERB") in lexicon.rules
    assert lexicon.rules[("protester", "NOUN")].only_alone


# (sentence, trigger word, PLOVER type, mode or None for "any")
EXAMPLES = [
    # verbless headlines: the verb form right after its subject
    ("Police fire on stone-throwing youths in the market", "fire", "ASSAULT", "firearms"),
    ("Gang kidnaps trader on the highway", "kidnaps", "ASSAULT", "abduct"),
    # "shot dead" hung apart by a broken parse
    (
        "A suspected [militant] was on Monday shot dead by soldiers near the camp.",
        "shot",
        "ASSAULT",
        "firearms",
    ),
    # harm found after the fact
    ("A trader was found dead in his shop under suspicious circumstances.", "found", "ASSAULT", None),
    ("Police recovered the bodies of three herders from the river.", "recovered", "ASSAULT", None),
    ("Volunteers collected the bodies from the riverbank.", "collected", "ASSAULT", None),
    ("Divers retrieved two bodies from the lake.", "retrieved", "ASSAULT", None),
    ("Four people have died at the hands of a vigilante group this month.", "hands", "ASSAULT", None),
    ("Gunmen descended on the village at night.", "descended", "ASSAULT", None),
    ("Soldiers abused villagers at the checkpoint.", "abused", "ASSAULT", None),
    ("The autopsy found a gun shot wound in the chest.", "wound", "ASSAULT", "firearms"),
    ("Cattle rustling was reported in the valley on Sunday.", "rustling", "ASSAULT", None),
    # two-sided fighting and crowd fights
    ("Warring between the two clans displaced hundreds.", "Warring", "FIGHT", None),
    ("Soldiers flushed out the rebels from the hills.", "flushed", "FIGHT", None),
    ("Rival supporters exchanged blows outside the hall.", "exchanged", "FIGHT", None),
    ("Party members engaged in shoving at the meeting.", "engaged", "FIGHT", None),
    # ground taken
    ("Rebels overtook the town without a fight.", "overtook", "COERCE", "seize"),
    ("Soldiers took over a police station near the border.", "took", "COERCE", "seize"),
    ("Government troops retook the town on Sunday.", "retook", "FIGHT", "territory"),
    ("Rebel fighters recaptured the airport.", "recaptured", "FIGHT", "territory"),
    ("Officers dismantled a militia camp in the forest.", "dismantled", "COERCE", None),
    ("Armed men surrounded the polling station.", "surrounded", "COERCE", "restrict"),
    # warning shots threaten a crowd, they harm no one
    ("Police fired shots into the air as the crowd grew.", "fired", "COERCE", None),
    # arming, gathering, demos
    ("Villagers armed themselves against the raiders.", "armed", "MOBILIZE", "weapons"),
    ("Hundreds gathered to call on the governor to resign.", "gathered", "PROTEST", "demo"),
    ("Opposition supporters held noisy demos in the city.", "demos", "PROTEST", "demo"),
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover", "mode"), EXAMPLES, ids=[e[1] + ":" + e[2] for e in EXAMPLES]
)
def test_example(nlp, text: str, word: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    assert_coded(found_types(nlp, text), word, plover, mode)


NOT_EVENTS = [
    # a verbless title is not a headline verb unless the event is physical
    ("Government support for small farmers", "support"),
    ("Takeover offer for the supermarket chain", "offer"),
    # everyday senses of the new words
    ("The car overtook a lorry on the bend.", "overtook"),
    ("The firm took over a rival bakery last year.", "took"),
    ("He was found dead in his hotel room.", "found"),
    ("She abused her position to hire friends.", "abused"),
    ("Fans gathered to watch the final.", "gathered"),
    ("The think tank Demos published a report.", "Demos"),
    ("It was his second defeat at the hands of the champion.", "hands"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word"), NOT_EVENTS, ids=[e[1] for e in NOT_EVENTS])
def test_everyday_senses_are_not_events(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in found_types(nlp, text)


@pytest.mark.model
def test_bodies_recovered_after_a_told_attack_are_its_aftermath(nlp) -> None:  # type: ignore[no-untyped-def]
    # alone, bodies recovered are harm found after the fact; after an airstrike, its aftermath
    text = "An airstrike hit the town on Thursday. Rescuers recovered the last body on Friday."
    found = found_types(nlp, text)
    assert found.get("airstrike", ("",))[0] == "ASSAULT" and "recovered" not in found, found
    assert "recovered" in found_types(nlp, "Rescuers recovered two bodies from the river on Friday.")


def test_a_general_word_of_violence_is_the_event_only_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    assert found_types(nlp, "Violence was reported during the elections.") == {
        "Violence": ("PROTEST", "riot")
    }
    assert found_types(nlp, "Two men died in land dispute violence.")["violence"][0] == "FIGHT"
    assert found_types(nlp, "Violence linked to the land dispute went on.")["Violence"][0] == "FIGHT"
    assert found_types(nlp, "The violence on television worries parents.") == {}
    # with an event told, it is that event's background: a killing, not a riot
    found = found_types(nlp, "Three people were killed in post-election violence in the town.")
    assert "violence" not in found and found["killed"][0] == "ASSAULT"
    found = found_types(nlp, "Police arrested ten youths. The post-election violence went on.")
    assert "violence" not in found and "arrested" in found


@pytest.mark.model
def test_protesters_tell_of_a_protest_only_when_no_event_is_told(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = extract_drafts(nlp, "Protesters allege that the land was grabbed by wealthy investors.")
    assert [(d.mention.type.plover, d.implied_actor) for d in drafts] == [("PROTEST", ActorKind.PROTESTERS)]
    assert found_types(nlp, "Angry demonstrators outside the ministry.") == {
        "demonstrators": ("PROTEST", "demo")
    }
    assert found_types(nlp, "Rioters in the old town.") == {"Rioters": ("PROTEST", "riot")}
    found = found_types(nlp, "Police dispersed protesters who were demonstrating outside the court.")
    assert "protesters" not in found and found["demonstrating"][0] == "PROTEST"


@pytest.mark.model
def test_at_the_hands_of_names_who_acted(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = extract_drafts(nlp, "Four people have died at the hands of a vigilante group this month.")
    hands = next(d.mention for d in drafts if d.mention.trigger.text == "hands")
    assert hands.actor is not None and "vigilante group" in hands.actor.evidence.text
    assert hands.recipient is None


def test_a_required_word_right_after_the_trigger_counts_as_its_child() -> None:
    # "... was on Monday shot dead by police" with "dead" hung on "was": the word after "shot" counts
    import spacy
    from spacy.tokens import Doc

    words = ["He", "was", "on", "Monday", "shot", "dead", "by", "police"]
    heads = [1, 1, 1, 2, 2, 1, 1, 6]
    deps = ["nsubj", "ROOT", "prep", "pobj", "pobj", "acomp", "prep", "pobj"]
    pos = ["PRON", "AUX", "ADP", "PROPN", "NOUN", "ADJ", "ADP", "NOUN"]
    lemmas = ["he", "be", "on", "Monday", "shot", "dead", "by", "police"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    trigger = load_trigger_lexicon().match(doc[4])
    assert trigger is not None and (trigger.plover, trigger.mode) == ("ASSAULT", "firearms")
    doc = Doc(spacy.blank("en").vocab, words=["a", "shot", "at", "goal"], pos=["DET", "NOUN", "ADP", "NOUN"])
    assert load_trigger_lexicon().match(doc[1]) is None
