"""ACLED note coding (evaluate/acled_notes.code_note, acled.predict): one note is one event, coded by
the ACLED codebook's rules from what the whole note says. Hand-written notes (none taken from ACLED
rows), run through the real pipeline."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from eventscope.evaluate.acled import predict
from eventscope.models import ActorKind, ActorRef, Article, EventType, Evidence, Mention, Modality
from eventscope.resolve.acled_coding import unnamed_perpetrator


def _ev(text: str) -> Evidence:
    return Evidence("a", 0, len(text), text)


def _mention(actor: ActorKind | None = None, recipient: ActorKind | None = None) -> Mention:
    return Mention(
        id="m",
        article_id="a",
        sentence=_ev("x"),
        trigger=_ev("attacked"),
        type=EventType("ASSAULT", None, "Violence against civilians", "Attack", "18"),
        actor=ActorRef(_ev("men"), kind=actor) if actor is not None else None,
        recipient=ActorRef(_ev("them"), kind=recipient) if recipient is not None else None,
        modality=Modality.ASSERTED,
    )


def test_unnamed_perpetrator_is_an_unidentified_armed_group() -> None:
    assert (
        unnamed_perpetrator([_mention()], "A man was shot dead in the town.") is ActorKind.POLITICAL_MILITIA
    )


def test_unnamed_perpetrator_among_communities_is_an_identity_militia() -> None:
    text = "Two herders were killed as clashes between the two clans continued."
    assert unnamed_perpetrator([_mention()], text) is ActorKind.IDENTITY_MILITIA
    communal = [_mention(recipient=ActorKind.IDENTITY_MILITIA)]
    assert unnamed_perpetrator(communal, "A village was raided.") is ActorKind.IDENTITY_MILITIA


def _code(pipeline, text: str):  # type: ignore[no-untyped-def]
    article = Article(id="n", text=text, published_at=datetime(2020, 1, 10, tzinfo=UTC), source="test")
    mentions = next(iter(pipeline.extract([article])))
    return predict(mentions, text)


NOTES = [
    # (note, ACLED event type, sub-event type, inter1 or None for "not checked")
    ("A mob lynched a man suspected of stealing a goat in the market.", "Riots", "Mob violence", 5),
    (
        "Police dispersed an anti-corruption protest with tear gas in the capital.",
        "Protests",
        "Protest with intervention",
        6,
    ),
    (
        "Traders protested against new market fees by barricading the main road with stones.",
        "Riots",
        "Violent demonstration",
        5,
    ),
    (
        "Two people were injured in a grenade attack on a bar in the town.",
        "Explosions/Remote violence",
        "Grenade",
        None,
    ),
    (
        "Raiders attacked a herders' village and stole cattle. Police later exchanged fire with the raiders "
        "in a gun battle that lasted two hours.",
        "Battles",
        "Armed clash",
        None,
    ),
    ("A man was shot dead by unknown people outside his home.", "Violence against civilians", "Attack", 3),
    (
        "Supporters of two rival candidates clashed in the market, injuring three people.",
        "Riots",
        "Mob violence",
        5,
    ),
    # a number stands for the people named before it: the attackers were armed, so a clash
    (
        "A militia fired arrows at police in the village. Police then fired at the attackers, killing one.",
        "Battles",
        "Armed clash",
        None,
    ),
    # the subject of a passive verb is the target
    ("Three militants were shot dead by soldiers near the border.", "Battles", "Armed clash", 1),
    # mob justice by vigilantes is rioters' mob violence
    (
        "A vigilante group attacked and killed two suspected thieves in the market.",
        "Riots",
        "Mob violence",
        5,
    ),
    # the codebook's examples of demonstrators' violence make the demonstration a riot
    (
        "Students protested against fee increases and threw stones at passing cars.",
        "Riots",
        "Violent demonstration",
        5,
    ),
    # with no actor where it is reported, the one the note names elsewhere
    (
        "A boy was shot in the leg near the market. Witnesses said the bullet came from police.",
        "Violence against civilians",
        "Attack",
        1,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "event_type", "sub_type", "inter1"), NOTES, ids=[n[1] + ":" + n[2] for n in NOTES]
)
def test_note_is_coded_as_acled_codes_it(
    pipeline, text: str, event_type: str, sub_type: str, inter1: int | None
) -> None:  # type: ignore[no-untyped-def]
    p = _code(pipeline, text)
    assert (p.event_type, p.sub_event_type) == (event_type, sub_type), p
    if inter1 is not None:
        assert p.inter1 == inter1, p


@pytest.mark.model
def test_a_dateline_sentence_dates_the_next_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    p = _code(pipeline, "27 September 2018: Security forces raided a village and arrested ten men.")
    assert p.start == p.end == date(2018, 9, 27)


@pytest.mark.model
def test_a_hedged_date_is_the_date_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    p = _code(pipeline, "Around December 26 2019, four police officers raided the home of a trader.")
    assert p.start == p.end == date(2019, 12, 26)
