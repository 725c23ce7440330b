"""What an actor's own words say of its kind, for ACLED coding: a country or people named only as where
the perpetrators come from ("raiders from Ethiopia"), and armed men named by their community ("Pokot
raiders", "a gang of 1,000 Kikuyu", "an armed group from a neighbouring village").

ACLED codes an actor by the armed men a report names, or as unidentified, not by their country of origin;
identity militias are "armed and violent groups organised around a collective, common feature including
community, ethnicity, region, religion" (codebook, actors). General English and the lexicons' words.
"""

from __future__ import annotations

import re
from functools import cache

from eventscope.extract.domain import country_words, peoples
from eventscope.extract.lexicon import load_lexicon
from eventscope.models import ActorRef
from eventscope.resolve.acled_communal import COMMUNAL_WORDS, ethnic_words


def names_only_a_country(actor: ActorRef, text: str = "") -> bool:
    """Whether an actor's words name only where the perpetrators come from, not who they are: a people
    ("attacked by Somalis") or a country the text puts after "from" ("raiders from Ethiopia", read by
    the role finder as "Ethiopia"). ACLED codes such an actor by the armed men the report names, or as
    unidentified. A country acting itself ("Israel struck ...") is its state: not this."""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", actor.evidence.text.lower()) if w not in ("the", "a")]
    if not words or not all(w in country_words() for w in words):
        return False
    if words[-1] in peoples():
        return True
    span = actor.evidence
    if text[span.start : span.end] != span.text:
        return False
    if _FROM_BEFORE.search(text[max(0, span.start - 40) : span.start]):
        return True
    # a demonym modifying a place or unarmed people ("a Kenyan village raid", "Kenyan fishermen"): the
    # role finder's cut of a longer phrase that says where or whom, not who acted; an "Israeli
    # airstrike" is still the state's. A demonym paired with another people ("clashes between Somali
    # and Borana", "Luo and Somali youths fought") names a people too, unless the pair are forces
    # ("Kenyan and Somali troops").
    end = span.end
    while end < len(text) and text[end].isalpha():
        end += 1  # the role finder's cut of a word: "Kenya" of "Kenyan raiders"
    after = text[end : end + 40]
    if len(words) == 1 and (_PLACE_AFTER.match(after) or _NON_STATE_HEAD_AFTER.match(after)):
        # "the Somalia border", "Kenya's side": where; "Somali militia", "Chadian rebels": the role
        # finder's cut of a group that the demonym only qualifies, not the state
        return True
    return (
        len(words) == 1
        and words[0] not in country_names()
        and (
            _WHERE_OR_WHOM_AFTER.match(after) is not None
            or (_PEOPLE_PAIR_AFTER.match(after) is not None and _FORCES_PAIR_AFTER.match(after) is None)
        )
    )


# Where the perpetrators come from: "raiders from Ethiopia", "militia from neighbouring Ethiopia".
_FROM_BEFORE = re.compile(
    r"(?i)\bfrom(?:\s+(?:neighbouring|neighboring|nearby|bordering|across\s+the\s+border\s+in))?\s*$"
)
_WHERE_OR_WHOM_AFTER = re.compile(
    r"^\s+(?:villages?|towns?|territory|side|soil|border|civilians?|villagers?|fisherm[ae]n|herders?|"
    r"herdsm[ae]n|farmers?|traders?|nationals?|citizens?|residents?|people|pastoralists?|workers?)\b"
)


_PLACE_AFTER = re.compile(r"^(?:'s)?\s+(?:border|borders|side|territory|soil|waters|frontier)\b")
_NON_STATE_HEAD_AFTER = re.compile(
    r"^\s+(?:militias?|militiam[ae]n|militants?|gunm[ae]n|raiders?|bandits?|rebels?|insurgents?|"
    r"rustlers?|attackers?|assailants?|tribesm[ae]n|herdsm[ae]n|herders?|pastoralists?|youths?)\b"
)
_PEOPLE_PAIR_AFTER = re.compile(r"^\s+and\s+[A-Z][\w-]*\b")
_FORCES_PAIR_AFTER = re.compile(
    r"^\s+and\s+[A-Z][\w-]*\s+(?:forces|troops|soldiers|police|army|armies|military|militaries|navies|"
    r"air forces|security forces|officers|authorities|governments?|officials|leaders)\b"
)


@cache
def country_names() -> frozenset[str]:
    """Countries' names and other names (``lexicon/demonyms.yaml``), lower case: a state acting."""
    return frozenset(
        str(w).lower()
        for e in load_lexicon("demonyms").values()
        for w in (e.get("name"), *e.get("names", ()))
        if w
    )


def communal(actor: ActorRef, text: str = "") -> bool:
    """Whether armed men are named by their community: an ethnic group, clan or tribe in their words or
    just after them ("Auliyan militia", "armed fighters from the Pokot tribe"): an identity militia
    (codebook, identity militias: groups organised around ethnicity, clan or religion)."""
    end = actor.evidence.end
    after = text[end : end + 40] if text and text[actor.evidence.start : end] == actor.evidence.text else ""
    origin = _ORIGIN.match(after)  # "from the Pokot tribe", not "in Turkana" (a place)
    phrase = actor.evidence.text + (" " + origin.group(0) if origin else "")
    words = set(re.findall(r"[a-z][a-z-]*", phrase.lower()))
    return bool(words & (COMMUNAL_WORDS | ethnic_words())) or _NEIGHBOURS.search(phrase) is not None


# Armed men from the next village or a rival one: a community's raiders (codebook, identity militias).
_NEIGHBOURS = re.compile(r"(?i)\b(?:neighbou?ring|nearby|rival|adjacent)\s+villages?\b")


_ORIGIN = re.compile(
    r"(?i)^\s*,?\s*(?:who\s+(?:are|were|is|was)\s+)?"
    r"(?:\(|from\b|of\b|belonging to\b|comprising\b|(?:believed|suspected|said|thought) to "
    r"(?:be|come|have come)\b)"
    r"(?:[^,.;()]|(?<=\d)[,.](?=\d))*"  # "a gang of about 1,000 Kikuyu"
)
