"""State forces acting outside their own country: ACLED's External/Other forces (inter 8).

ACLED codebook (actors, inter code 8, External/Other Forces): "international organizations, state
forces active outside of their main country of operation, private security firms and their
employees, hired mercenaries acting independently". The same army is inter 1 at home and inter 8
abroad, so the code needs the event's country. It comes from the event's place when that resolves to
a town or a division (a country named alone is often a destination: "tried to cross into Somalia"),
else from what the report says of the forces: that they crossed a border ("soldiers crossed into
Kenya", "Ugandan troops crossed the border"), acted inside another country's border or territory
("shelling inside the Kenyan border"), or harmed another country's people ("police attacked Kenyan
fishermen", "abducted 16 Kenyans"). The cues are general English and the demonym lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from eventscope.extract.lexicon import load_lexicon
from eventscope.models import ACLED_INTER_CODE, ActorKind, ActorRef, Mention, Place
from eventscope.resolve.acled_coding import inter1_code
from eventscope.resolve.acled_kind_state import state_forces_named
from eventscope.resolve.actor_files import countries_from_lexicon
from eventscope.resolve.actor_records import normalise

# The forces crossed a border, told just after their name ("soldiers armed with rifles crossed into
# Kenya", "troops entered Kenya"); "who", "which" or "that" between them start another's clause ("police
# arrested two men who tried to cross into Somalia").
_CROSSED = re.compile(
    r"(?i)^[^.;:]{0,40}?\b(?:cross(?:es|ed|ing)?\s+(?:the\s+|a\s+)?(?:border|frontier)"
    r"|cross(?:es|ed|ing)?\s+(?:over\s+)?into\s+(?P<into>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    r"|(?:entered|enters|entering|incursions?\s+into|strayed\s+into)\s+(?P<entered>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))"
)
_OTHER_CLAUSE = re.compile(r"(?i)\b(?:who|which|that|whom|whose)\b")
# The place is inside another country's border or territory ("inside the Kenyan border", "spilled over
# onto the Kenyan border", "on Kenyan territory", "on the Kenyan side").
_INSIDE = re.compile(
    r"\b(?:inside|within|into|onto|on)\s+(?:the\s+)?(?P<dem>[A-Z][\w-]*)\s+(?:border|territory|soil|side)\b"
)
# People of another country harmed by the forces: "attacked Kenyan fishermen", "abducted 16 Kenyans".
_HARMED_PEOPLE = re.compile(
    r"(?i)\b(?:attack(?:s|ed|ing)?|kill(?:s|ed|ing)?|shoot(?:s|ing)?|shot|abduct(?:s|ed|ing)?|"
    r"ambush(?:es|ed|ing)?|beat(?:s|en|ing)?|assault(?:s|ed|ing)?|bomb(?:s|ed|ing)?|"
    r"kidnap(?:s|ped|ping)?|raid(?:s|ed|ing)?)\s+(?:\d[\d,]*\s+|the\s+|a\s+|an\s+|several\s+)?"
    r"(?P<dem>[A-Z][\w-]*)\b"
)


def event_inter1(
    main: Mention,
    mentions: Sequence[Mention],
    text: str,
    groups: Sequence[ActorRef],
    actor: ActorRef | None,
    place: Place | None = None,
) -> int | None:
    """ACLED's inter1 of an article's main event (``acled_coding.inter1_code`` of its ``actor``, the
    main mention's actor unless it only names a place); state forces acting outside their country are
    External/Other, 8 (``place``: the event's place when it is finer than a country)."""
    named = ACLED_INTER_CODE[actor.kind] if actor is not None and actor.kind else None
    code = inter1_code(
        main.type.acled_type,
        named,
        mentions,
        text,
        groups=groups,
        victim=main.recipient.evidence if main.recipient is not None else None,
        actor=actor,
        sub_type=main.type.acled_sub_type or "",
    )
    if code != ACLED_INTER_CODE[ActorKind.STATE_FORCES]:
        return code
    state = actor if actor is not None and actor.kind is ActorKind.STATE_FORCES else state_actor(mentions)
    country = place.country_code if place is not None else None
    if state is None:
        # forces the role finder left out ("shelling by the Uganda People's Defence Force (UPDF)"): the
        # first the text names; abroad only when the words say so (that they are the actor is a guess,
        # and a place read wrong would move them abroad)
        state, country = next(iter(state_forces_named(text, article_id=main.article_id)), None), None
    return ACLED_INTER_CODE[ActorKind.EXTERNAL_OTHER] if acting_abroad(state, text, country) else code


def state_actor(mentions: Sequence[Mention]) -> ActorRef | None:
    """The first state forces the reports name as an actor with their country."""
    return next(
        (
            m.actor
            for m in mentions
            if m.actor is not None and m.actor.kind is ActorKind.STATE_FORCES and m.actor.country
        ),
        None,
    )


def acting_abroad(actor: ActorRef | None, text: str = "", event_country: str | None = None) -> bool:
    """Whether ``actor`` is a state's forces acting outside that state (codebook: External/Other,
    inter 8): the event's country (``event_country``, from a place finer than a country) is another,
    or, with no such place, the report says they crossed into, acted inside or harmed the people of
    another country."""
    if actor is None or actor.kind is not ActorKind.STATE_FORCES or not actor.country:
        return False
    if event_country is not None:
        return event_country != actor.country
    return _abroad_by_words(actor, text)


def _abroad_by_words(actor: ActorRef, text: str) -> bool:
    home = actor.country
    span = actor.evidence
    if text and text[span.start : span.end] == span.text:
        # what the forces did, told in their own clause just after their name
        after = _CLAUSE_END.split(text[span.end : span.end + 80], maxsplit=1)[0]
        crossed = _CROSSED.match(after)
        if crossed is not None and not _OTHER_CLAUSE.search(after[: crossed.end(0)]):
            named = crossed.group("into") or crossed.group("entered")
            country = country_of(named) if named else None
            if country != home and (named is None or country is not None):
                return True
        harmed = _HARMED_PEOPLE.search(after)
        if harmed is not None and not _OTHER_CLAUSE.search(after[: harmed.start()]):
            country = country_of(harmed.group("dem"))
            if country is not None and country != home:
                return True
    # where it happened, said anywhere: "inside the Kenyan border"
    for found in _INSIDE.finditer(text):
        country = country_of(found.group("dem"))
        if country is not None and country != home:
            return True
    return False


_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)")


def country_of(word: str) -> str | None:
    """The ISO code of a country name or demonym ("Kenya", "Kenyan", "Kenyans"), None for other words."""
    demonyms = _demonyms()
    key = normalise(word)
    return demonyms.get(key) or demonyms.get(key.split(" ")[0]) if key else None


@cache
def _demonyms() -> dict[str, str]:
    demonyms, _ = countries_from_lexicon(load_lexicon("demonyms"))
    return demonyms
