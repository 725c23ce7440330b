"""Records <-> JSON-able dicts: exact round trips, JSON-safe output, clear errors on bad input."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from eventscope.errors import InputError
from eventscope.models import IngestFailure, Mention, Place
from eventscope.store.codec import (
    article_from_dict,
    event_from_dict,
    from_dict,
    mention_from_dict,
    to_dict,
)
from tests.store_samples import ALL_MENTIONS, ARTICLES, EVENTS, M_STRIKE, STRIKE_NNA, all_evidence


def test_sample_evidence_quotes_the_article_text() -> None:
    texts = {a.id: a.text for a in ARTICLES}
    for mention in ALL_MENTIONS:
        for ev in all_evidence(mention):
            assert texts[ev.article_id][ev.start : ev.end] == ev.text


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id[:2])
def test_article_round_trips_through_json(article) -> None:
    back = article_from_dict(json.loads(json.dumps(to_dict(article))))
    assert back == article
    # Equal instants in other offsets compare equal; the offset itself must survive too.
    assert (back.published_at and back.published_at.utcoffset()) == (
        article.published_at and article.published_at.utcoffset()
    )


@pytest.mark.parametrize("mention", ALL_MENTIONS, ids=lambda m: m.id)
def test_mention_round_trips_through_json(mention: Mention) -> None:
    assert mention_from_dict(json.loads(json.dumps(to_dict(mention)))) == mention


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.id)
def test_event_round_trips_through_json(event) -> None:
    assert event_from_dict(json.loads(json.dumps(to_dict(event)))) == event


def test_to_dict_uses_plain_json_values() -> None:
    d = to_dict(M_STRIKE)
    assert d["modality"] == "asserted"
    assert d["attribution"]["kind"] == "state_media"
    assert d["time"]["start"] == "2026-11-19"
    assert d["places"][0]["role"] == "site"
    assert isinstance(d["places"], list) and isinstance(d["magnitudes"], list)
    assert d["recipient"]["canonical_id"] is None  # None is kept, not dropped
    assert d["places"][0]["place"]["gazetteer_id"] == "geonames:278913"
    a = to_dict(STRIKE_NNA)
    assert a["published_at"] == "2026-11-19T17:40:00+02:00"
    assert a["removed"] == [{"text": "Subscribe to our newsletter", "reason": "boilerplate:subscribe"}]


def test_naive_datetime_stays_naive() -> None:
    article = replace(STRIKE_NNA, published_at=datetime(2026, 11, 19, 17, 40), fetched_at=None)
    back = article_from_dict(to_dict(article))
    assert back.published_at is not None and back.published_at.tzinfo is None
    assert back == article


def test_generic_from_dict_for_other_records() -> None:
    failure = IngestFailure(source="files/empty.txt", reason="empty text")
    assert from_dict(IngestFailure, to_dict(failure)) == failure
    place = Place("country:SY", "Syria", 35.0, 38.0, "A", "PCLI", "SY")
    assert from_dict(Place, to_dict(place)) == place


def test_unknown_keys_are_ignored_and_missing_fields_take_defaults() -> None:
    d = to_dict(M_STRIKE)
    d["mentions"] = []  # e.g. a JSONL export line
    del d["confidence"], d["magnitudes"]
    back = mention_from_dict(d)
    assert back.confidence == 0.5 and back.magnitudes == ()
    assert back.trigger == M_STRIKE.trigger


def test_integer_coordinates_read_as_floats() -> None:
    d = to_dict(M_STRIKE)
    d["places"][0]["place"]["lat"] = 33
    place = mention_from_dict(d).places[0].place
    assert place is not None and isinstance(place.lat, float) and place.lat == 33.0


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(modality="rumoured"), "Mention.modality: 'rumoured' is not one of asserted"),
        (
            lambda d: d["time"].update(start="19/11/2026"),
            "Mention.time.start: '19/11/2026' is not an ISO date",
        ),
        (
            lambda d: d["places"][0]["place"].update(lat="north"),
            "Mention.places[0].place.lat: expected a number",
        ),
        (lambda d: d.update(sentence=None), "Mention.sentence: must not be null"),
        (lambda d: d.update(places={"role": "site"}), "Mention.places: expected a list"),
        (lambda d: d["trigger"].update(start="12"), "Mention.trigger.start: expected int"),
        (lambda d: d.pop("trigger"), "Mention: "),
    ],
)
def test_bad_values_raise_input_error_naming_the_field(mutate, message: str) -> None:
    d = to_dict(M_STRIKE)
    mutate(d)
    with pytest.raises(InputError) as info:
        mention_from_dict(d)
    assert str(info.value).startswith(message)


def test_to_dict_refuses_non_records() -> None:
    with pytest.raises(TypeError):
        to_dict({"id": "x"})
    with pytest.raises(TypeError):
        to_dict(Mention)


def test_dates_decode_to_the_right_type() -> None:
    e = event_from_dict(to_dict(EVENTS[0]))
    assert type(e.start) is date
    a = article_from_dict(to_dict(STRIKE_NNA))
    assert type(a.published_at) is datetime
