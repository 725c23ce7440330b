"""Place names a note uses as part of the name of something else, not as where its event happened.

A town's name often modifies another noun: a road named for the towns it joins ("youths blocked the
Homs-Hama highway at Rastan", "the Kano Road in Zaria"), a person known by the place they represent or
come from ("a Kaduna businessman was found dead in Abuja", "a Jos candidate was assaulted in Bauchi"),
an armed group known by its home ("Zamfara bandits raided a village in Katsina"), an organisation named
for a place ("the Niger Delta Liberation Front attacked a pipeline"). ACLED codes the place where the
event happened, so a note's place used in such a name gives way to another place of the note
(:mod:`eventscope.evaluate.acled_place_choice`).

Crowds named for their place ("Kano residents took to the streets", "Jos youth protested") are not such
a name: the crowd acts where it lives, and ACLED codes that town.
"""

from __future__ import annotations

import re

from eventscope.models import PlaceRef

# Roads named for the towns they join or run to.
ROAD_WORDS = frozenset({"road", "rd", "highway", "superhighway", "bypass", "expressway", "motorway"})
# A person's office or occupation a place name qualifies: the person is from there or stands for it.
PERSON_WORDS = frozenset(
    {
        "businessman",
        "businesswoman",
        "tycoon",
        "trader",
        "governor",
        "senator",
        "mp",
        "legislator",
        "lawmaker",
        "politician",
        "candidate",
        "aspirant",
        "activist",
        "lawyer",
        "pastor",
        "cleric",
        "preacher",
        "imam",
        "bishop",
        "journalist",
        "commissioner",
        "commander",
    }
)
# Armed or herding groups a place's name qualifies ("Zamfara bandits", "Benue herders", "Sokoto
# raiders"): where they come from, or the people a region is named for, not where they struck.
GROUP_WORDS = frozenset(
    {
        "raiders",
        "herders",
        "herdsmen",
        "pastoralists",
        "militia",
        "militias",
        "militiamen",
        "bandits",
        "gunmen",
        "warriors",
        "tribesmen",
        "clan",
        "clans",
        "community",
        "communities",
    }
)
# An organisation's name after a place's name ("Niger Delta Liberation Front", "Kano Youth Forum").
ORGANISATION_WORDS = frozenset(
    {
        "council",
        "republican",
        "university",
        "college",
        "party",
        "movement",
        "union",
        "company",
        "association",
        "forum",
        "congress",
        "front",
        "alliance",
        "network",
        "society",
        "club",
        "bank",
        "hospital",
        "stadium",
    }
)
# After the place: other names joined to it ("Homs-Hama", "Homs - Hama", "Homs Hama", "Kano and
# Katsina"), then the word it qualifies.
_WORD = re.compile(r"\s*[-–—/&]?\s*([A-Za-z][\w'’]*)")
_JOINERS = frozenset({"and", "or"})
_LOOKAHEAD = 4  # words after the place


def qualifies_a_name(ref: PlaceRef, text: str) -> bool:
    """Whether the place's words in ``text`` (the note its evidence points into) qualify a road, a
    person's office or an organisation: part of another name, not where the event happened."""
    start, end = ref.evidence.start, ref.evidence.end
    if not text or end > len(text) or text[start:end] != ref.evidence.text:
        return False
    rest, words = text[end : end + 60], list[str]()
    while len(words) < _LOOKAHEAD and (found := _WORD.match(rest)) is not None:
        words.append(found.group(1))
        rest = rest[found.end() :]
    for word in words:
        lower = word.lower()
        if lower in ROAD_WORDS or lower in PERSON_WORDS or lower in GROUP_WORDS:
            return True
        # an organisation's name is written in capitals ("Republican Council"), a plain word is not one
        if word[0].isupper() and lower in ORGANISATION_WORDS:
            return True
        if not word[0].isupper() and lower not in _JOINERS:
            return False  # past the names joined to the place
    return False


# Between a place and the place that holds it: "X, Y", "X in Y", "X village in Y county", "X Primary
# school in Y", "X area of Y", "X (Y)": a few words naming what X is, then the word that encloses.
_ENCLOSED_BY = re.compile(
    r"^(?:\s+[\w&'’-]+){0,4}?"
    r"(?:\s*,\s*|\s*\(\s*|\s+(?:in|of|near|outside)\s+)(?:the\s+)?(?:[a-z]+\s+(?:of|in)\s+)?$"
)
# A possessive before the place: "Y's X" ("the capital's Freedom Park").
_POSSESSIVE = re.compile(r"^\s*['’]s\s+$")
_BETWEEN = 40  # characters at most between a place and the place said to hold it


def encloses(outer: PlaceRef, inner: PlaceRef, text: str) -> bool:
    """Whether the note says ``inner`` lies in ``outer``: "inner, outer", "inner (village) in outer",
    "outer's inner"."""
    if not text:
        return False
    if inner.evidence.end <= outer.evidence.start:
        between = text[inner.evidence.end : outer.evidence.start]
        return len(between) <= _BETWEEN and _ENCLOSED_BY.match(between) is not None
    if outer.evidence.end <= inner.evidence.start:
        return _POSSESSIVE.match(text[outer.evidence.end : inner.evidence.start]) is not None
    return False
