"""A place that says where a happening was told (extract/telling_place.py), or where what it answered
or followed happened (extract/event_time.py ``tells_what_came_before``), is not where it happened;
through the real pipeline."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eventscope.models import Mention
from eventscope.resolve.article_place import is_article_place
from tests.extraction import analyzed

pytestmark = pytest.mark.model


def mentions_of(pipeline, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    return analyzed(pipeline, text, published=datetime(1989, 11, 24, 12, tzinfo=UTC), article_id="telling")


def places_of(mentions: list[Mention], trigger: str) -> set[str]:
    """The places the text gives the mention (not the article's fallback place: article_place.py)."""
    return {
        p.evidence.text
        for m in mentions
        if m.trigger.text == trigger
        for p in m.places
        if not is_article_place(p)
    }


def test_the_town_where_a_speech_was_given_is_not_the_place_of_what_it_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nicaraguan President Daniel Ortega spoke in Nicaragua on Friday. In a speech in the town of "
        "Somotillo, on the border with Honduras, Ortega said that the murders of the Jesuits filled him "
        "with anger."
    )
    assert places_of(mentions_of(pipeline, text), "murders") == set()


def test_a_place_in_the_tellers_own_phrase_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "police in Nakuru said": where the teller is, which is often where it happened too
    found = mentions_of(pipeline, "Police in Nakuru said that gunmen killed two herders.")
    assert places_of(found, "killed") == {"Nakuru"}
    # kept, but marked as not tied to the act: no event word governs it (merging lets it support a
    # pair of reports but not rule one out: merge/compare.py)
    (nakuru,) = [
        p for m in found if m.trigger.text == "killed" for p in m.places if p.evidence.text == "Nakuru"
    ]
    assert not nakuru.tied


def test_a_place_the_event_word_governs_is_tied_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = mentions_of(pipeline, "Gunmen killed two herders in Nakuru on Monday, police said.")
    assert [
        p.tied for m in found if m.trigger.text == "killed" for p in m.places if p.evidence.text == "Nakuru"
    ] == [True]


def test_a_place_in_a_clause_about_a_victim_is_not_tied_to_the_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    # where one of the victims had worked, not where they were killed (DEV-MUC3-0877, from Managua)
    text = (
        "I later heard that the Salvadoran army had murdered six Jesuit priests, among them a priest "
        "who had been dean of the Catholic university here in Nicaragua."
    )
    found = mentions_of(pipeline, text)
    ties = [
        p.tied
        for m in found
        if m.trigger.text == "murdered"
        for p in m.places
        if p.evidence.text == "Nicaragua"
    ]
    assert ties == [False]


def test_the_place_of_what_an_event_followed_is_not_its_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Israeli military said it had targeted Hezbollah infrastructure after rockets were launched "
        "towards northern Israel late on Wednesday."
    )
    found = mentions_of(pipeline, text)
    assert "northern Israel" not in places_of(found, "targeted")


def test_show_says_which_places_only_share_the_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    from eventscope.render import _render_mention

    found = mentions_of(pipeline, "Police in Nakuru said that gunmen killed two herders in Molo on Monday.")
    (killed,) = [m for m in found if m.trigger.text == "killed"]
    console = Console(record=True, width=300)
    _render_mention(killed, "Wire", "title", console)
    lines = {line.split('"')[1]: line for line in console.export_text().splitlines() if "place   " in line}
    assert "the sentence's place, not tied to the act" in lines["Nakuru"]
    assert "not tied" not in lines["Molo"]
