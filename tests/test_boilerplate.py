"""Boilerplate removal: every rule in boilerplate.yaml by its own examples, and prose that must stay."""

from __future__ import annotations

import pytest

from eventscope.ingest import make_article, strip_boilerplate
from eventscope.ingest.boilerplate import load_rules, match_rule
from eventscope.models import RemovedText

RULES = load_rules()
EXAMPLES = [(rule.reason, example) for rule in RULES for example in rule.examples]
KEEPS = [(rule.reason, keep) for rule in RULES for keep in rule.keeps]

BODY = (
    "Government forces shelled the outskirts of Kalma on Tuesday, killing at least four civilians, "
    "a local health official said.\n\n"
    "The army said it was targeting positions held by rebel fighters who had entered the town overnight."
)


def test_every_rule_has_examples_and_keeps() -> None:
    assert RULES, "boilerplate.yaml has no rules"
    for rule in RULES:
        assert rule.examples, f"rule {rule.reason} has no examples"
        assert rule.keeps, f"rule {rule.reason} has no lines it must keep"


@pytest.mark.parametrize(("reason", "line"), EXAMPLES)
def test_rule_removes_its_examples(reason: str, line: str) -> None:
    rule = match_rule(line)
    assert rule is not None, f"no rule removes {line!r}"
    # An earlier rule may claim the line first, but it must be one with the same reason.
    assert rule.reason == reason


@pytest.mark.parametrize(("reason", "line"), KEEPS)
def test_no_rule_removes_the_prose_listed_as_kept(reason: str, line: str) -> None:
    assert match_rule(line) is None, f"a rule removes {line!r}, which {reason} must keep"
    text, removed = strip_boilerplate(f"{BODY}\n\n{line}\n\n{BODY}")
    assert removed == ()
    assert line in text


@pytest.mark.parametrize(
    "sentence",
    [
        "Readers of the local paper said the paper had stopped printing after the strike.",
        "Share prices in Beirut fell sharply after the attack on the port.",
        "The views of residents were divided, and many said they would share their homes with the displaced.",
        "Follow-up strikes hit the same area on Wednesday, witnesses said.",
        "All rights groups condemned the arrests; several said the trial was reserved for a closed court.",
        "Copyright of the leaked footage is disputed between two broadcasters, the lawyers said.",
    ],
)
def test_news_sentences_stay(sentence: str) -> None:
    text, removed = strip_boilerplate(f"{BODY}\n\n{sentence}")
    assert removed == ()
    assert text.endswith(sentence)


def test_bare_label_takes_the_headline_after_it() -> None:
    text, removed = strip_boilerplate(
        f"{BODY}\n\nRead also:\nRebels claim capture of hilltop near the airport\n\n"
        "Aid agencies said the road to the south remained closed."
    )
    assert removed == (
        RemovedText("Read also:", "related_link"),
        RemovedText("Rebels claim capture of hilltop near the airport", "related_link"),
    )
    assert "hilltop" not in text
    assert text.endswith("Aid agencies said the road to the south remained closed.")


def test_detached_line_after_label_is_kept_when_it_reads_as_a_sentence() -> None:
    paragraph = "Aid agencies said the road to the south remained closed."
    text, removed = strip_boilerplate(f"{BODY}\n\nRead more:\n\n{paragraph}")
    assert removed == (RemovedText("Read more:", "related_link"),)
    assert text.endswith(paragraph)


def test_detached_headline_after_label_is_taken() -> None:
    text, removed = strip_boilerplate(f"{BODY}\n\nRelated:\n\nTimeline of the siege of Kalma\n\n{BODY}")
    assert [r.text for r in removed] == ["Related:", "Timeline of the siege of Kalma"]
    assert text == f"{BODY}\n\n{BODY}"


def test_long_line_after_label_is_not_a_headline() -> None:
    long_line = " ".join(["word"] * 40)
    _, removed = strip_boilerplate(f"{BODY}\nSee also:\n{long_line}")
    assert [r.text for r in removed] == ["See also:"]


def test_disclaimer_takes_the_rest_of_its_block() -> None:
    disclaimer = (
        "We remind our readers that running a piece on this site does not mean\n"
        "that the editors endorse it, and that the site carries\n"
        "many points of view."
    )
    text, removed = strip_boilerplate(f"{BODY}\n\n{disclaimer}")
    assert removed == (RemovedText(disclaimer, "disclaimer"),)
    assert text == BODY


def test_punctuation_line_inside_a_paragraph_and_disclaimer_after_it() -> None:
    last = "They were eventually pushed back across the river in 2019."
    text, removed = strip_boilerplate(
        f"{BODY}\n\n{last}\n.\nWe remind our readers that we do not agree with everything we publish."
    )
    assert [r.reason for r in removed] == ["punctuation_only", "disclaimer"]
    assert text.endswith(last)


def test_share_copyright_and_follow_lines_go() -> None:
    text, removed = strip_boilerplate(
        f"Share this\n{BODY}\n\nFollow us on Telegram\nSubscribe to our newsletter\n"
        "Click here to read the full report\n© 2025 Example News. All rights reserved."
    )
    assert text == BODY
    assert [r.reason for r in removed] == ["share", "follow_us", "subscribe", "click_here", "copyright"]


def test_whitespace_lines_between_paragraphs_become_one_break() -> None:
    words = " ".join(["Fighting continued in the north of the province on Monday, officials said."] * 3)
    article = make_article(f"{words}\n\n\xa0\n\n \n\n{words}\n\u3000\n{words}")
    assert article.text == f"{words}\n\n{words}\n\n{words}"
    assert article.removed == ()


def test_same_text_same_result() -> None:
    first = strip_boilerplate(f"{BODY}\n\nRead also:\nA headline\n\nShare this")
    assert strip_boilerplate(f"{BODY}\n\nRead also:\nA headline\n\nShare this") == first
