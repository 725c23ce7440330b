"""A state's forces that a report names anywhere in its text, with their country ("shelling by the Uganda
People's Defence Force (UPDF)", "Ethiopian soldiers cross into ...", "shot dead by Tanzanian police").

The role finder does not always make them an event's actor (a passive agent after a parenthesis, a subject
in a headline), yet ACLED's inter code of state forces depends on their country: the same army is inter 1
at home and External/Other (8) abroad (codebook, actors). Names are read through the actor dictionary
(actors.yaml's state institutions, and a demonym or country before a force word, agents.yaml), never from
a list of one country's forces.
"""

from __future__ import annotations

import re
from functools import cache

from eventscope.extract.lexicon import load_lexicon
from eventscope.models import ActorKind, ActorRef, Evidence
from eventscope.resolve.actor_files import countries_from_lexicon
from eventscope.resolve.actor_records import normalise
from eventscope.resolve.actors import ActorDictionary, load_actor_dictionary

# Words of running text, with inner apostrophes and dots ("People's", "U.S.").
_WORD = re.compile(r"\w+(?:['’ʼ.]\w+)*")
_LONGEST = 5  # "Uganda People's Defence Force" and "Ethiopian National Defence Force" fit
# A name stays within a clause, outside brackets, and names one actor ("Rwandan and Burundian troops").
_BREAK = re.compile(r"[.;:!?,()\[\]]|\s(?:and|or|&)\s")


def state_forces_named(
    text: str, dictionary: ActorDictionary | None = None, article_id: str = ""
) -> list[ActorRef]:
    """The state forces (armies, police, security services; not governments) with a known country that
    ``text`` names, in text order, each by the shortest phrase that names them, from a capital ("the UPDF",
    "Ugandan security forces", "Somali troops")."""
    actors = dictionary if dictionary is not None else _dictionary()
    words = list(_WORD.finditer(text))
    found: list[ActorRef] = []
    i = 0
    starts = _starts(actors)
    while i < len(words):
        if not words[i].group()[0].isupper() or normalise(words[i].group()) not in starts:
            i += 1
            continue
        ref = _shortest_name(actors, text, words, i, article_id)
        if ref is not None:
            found.append(ref)
            i += len(_WORD.findall(ref.evidence.text))
        else:
            i += 1
    return found


def _shortest_name(
    actors: ActorDictionary, text: str, words: list[re.Match[str]], i: int, article_id: str
) -> ActorRef | None:
    """The shortest phrase from word ``i`` on that names armed state forces: "Ethiopian soldiers", not
    "Ethiopian soldiers armed with AK"; "Uganda" alone is its government, so the phrase grows to "Uganda
    People's Defence Force". A name stays within a clause, outside brackets, and names one actor."""
    for n in range(1, min(_LONGEST, len(words) - i) + 1):
        start, end = words[i].start(), words[i + n - 1].end()
        if _BREAK.search(text[start:end]):
            return None
        ref = actors.resolve(Evidence(article_id, start, end, text[start:end]))
        if _armed_state(ref):
            return ref
    return None


def _armed_state(ref: ActorRef) -> bool:
    """State forces of a known country that are armed: not a government, its ministries or a head of
    state (they speak and decide; ACLED codes the forces that act)."""
    if ref.kind is not ActorKind.STATE_FORCES or not ref.country:
        return False
    cid, name = ref.canonical_id or "", ref.name or ""
    return not (cid.startswith(("government-", "person-")) or name.startswith("Government of"))


@cache
def _starts(actors: ActorDictionary) -> frozenset[str]:
    """First words of the state forces' names and aliases, and countries' names and demonyms."""
    demonyms, _ = countries_from_lexicon(load_lexicon("demonyms"))
    words = {normalise(w).split(" ")[0] for w in demonyms if normalise(w)}
    for e in actors.entries:
        if e.kind is ActorKind.STATE_FORCES:
            words |= {normalise(a).split(" ")[0] for a in (e.name, *e.aliases) if normalise(a)}
    return frozenset(words)


@cache
def _dictionary() -> ActorDictionary:
    return load_actor_dictionary()
