"""Sense constraints at the level of the article: is this news about armed conflict or politics at all?

Business, sport and technology news use the vocabulary of conflict and diplomacy in other senses ("a
takeover battle", "a virus attack", "the firm warned", "shareholders agreed", "a board meeting").
A word-level rule cannot always tell, but the article can. An article with a word of armed conflict
anywhere (``conflict_words`` in ``lexicon/triggers.yaml``: troops, gunmen, killed, militants, protesters,
...; a misspelt core word counts, extract/typos.py), or that names a rebel group or militia the actor
dictionary knows by a name that is no acronym (resolve/mentions.py), is conflict news and every mention
stands as before, so conflict news is coded exactly as it was.
In any other article the bar is higher: a mention stands only when

- it is a physical event (assault, protest, arrest, ...) named by a word without common other senses
  ("lynched", "stabbed", "rioted", "arrested"; not those in ``figurative_triggers``: "attack", "battle",
  "shoot", "beat", "rally", "clash"), or by one in a sense its trigger rule fixed ("took to the streets",
  "engaged in blows": ``literal`` in ``lexicon/triggers.yaml``); or
- it is a crowd's act (a protest, a clash, an assault, damage) by a group of people the text names by a
  plural noun the actor dictionary knows as civilians, protesters or rioters ("students went on the
  rampage", "farmers boycott deliveries", "residents destroyed the house"): a team or a firm is not a
  crowd of people; or
- its actor or recipient is a party to politics or conflict: our actor dictionary resolves it to a
  canonical actor, a country, state forces or an armed group ("Germany welcomed", "the Liberian
  authorities investigated", "finance minister Nicolas Sarkozy warned"), or its words name a country
  or people ("the Palestinians reject"); or it is a physical act of people of politics ("political
  rivals clash"); or
- its sentence uses a word of politics (``political_words``: government, president, parliament, ...)
  or a word of violence with other senses (``conflict_sentence_words``: protested, attacked, arrested)
  or names a people ("Palestinians and Israelis failed to reach agreement"); or
- it is a physical event (protest, assault, arrest, aid delivery, ...) at a place the gazetteer resolves
  ("a rally in Lagos").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import cache

from eventscope.extract.lexicon import load_lexicon
from eventscope.extract.typos import corrected
from eventscope.models import ActorKind, ActorRef, Mention

_WORD = re.compile(r"[a-z][a-z'.-]*[a-z]|[a-z]")

# Kinds that make an actor a party to conflict or politics even when our dictionary does not name it;
# protesters, rioters and civilians are often only implied by the event word ("strikes demonstrated").
_POLITICAL_KINDS = frozenset(
    {ActorKind.STATE_FORCES, ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA}
)
# Types that are physical happenings: a resolved place is evidence enough for them.
_PHYSICAL = frozenset({"ASSAULT", "FIGHT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST", "AID"})
# Words that make the people a phrase names a side in politics ("political rivals clashed"): their
# physical acts stand. Too common in business news ("political risk") to make a sentence political, and
# their words alone are no event ("no politician should make the mistake").
POLITICAL_PEOPLE = frozenset({"political", "politician", "politicians"})
# A crowd's acts, and the kinds the actor dictionary gives people who act as one.
_CROWD_ACTS = frozenset({"ASSAULT", "FIGHT", "PROTEST"})
_CROWD_KINDS = frozenset({ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS})


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def has_conflict_context(text: str, conflict_words: Iterable[str]) -> bool:
    """Whether the text uses any word of armed conflict (lower-cased whole words)."""
    words = frozenset(conflict_words)
    # a misspelt core word counts as the word ("no reports of causalities"; extract/typos.py)
    return any(w in words or corrected(w) in words for w in words_of(text))


@cache
def country_words() -> frozenset[str]:
    """Country names, other names and demonyms from ``lexicon/demonyms.yaml``, lower case, with plurals."""
    out: set[str] = set()
    for entry in load_lexicon("demonyms").values():
        for w in (entry.get("name", ""), *entry.get("names", ()), *entry.get("demonyms", ())):
            out |= {w.lower(), w.lower() + "s"}
    return frozenset(w for w in out if w)


@cache
def peoples() -> frozenset[str]:
    """Plural demonyms ("palestinians", "israelis"): a people named as a party in a sentence."""
    return frozenset(
        d.lower() + "s" for e in load_lexicon("demonyms").values() for d in e.get("demonyms", ()) if d
    )


class DomainFilter:
    """Keeps the mentions of an article that stand given whether it is conflict news (module doc)."""

    def __init__(
        self,
        conflict_words: Iterable[str],
        political_words: Iterable[str],
        countries: Iterable[str],
        peoples: Iterable[str] = (),
        figurative_triggers: Iterable[str] = (),
        sentence_words: Iterable[str] = (),
    ) -> None:
        self.conflict_words = frozenset(conflict_words)
        self.political_words = frozenset(political_words)
        self.countries = frozenset(countries)
        self.peoples = frozenset(peoples)
        self.figurative_triggers = frozenset(figurative_triggers)
        self.sentence_words = frozenset(sentence_words)

    def keep(
        self,
        mentions: Sequence[Mention],
        text: str,
        lemmas: Mapping[str, str] | None = None,
        literal: Collection[str] = (),
        crowds: Collection[str] = (),
        armed_group: bool | Callable[[], bool] = False,
    ) -> list[Mention]:
        """``lemmas``: each mention's trigger lemma by mention id (missing: treated as figurative);
        ``literal``: ids of mentions whose trigger rule fixed the word's sense; ``crowds``: ids of
        mentions whose actor the dictionary resolved as a crowd (:func:`named_crowd`); ``armed_group``:
        the article names a rebel group or militia the actor dictionary knows (conflict news, like a
        word of ``conflict_words``: "a clash in the slum; the Mungiki sect is suspected"); a callable is
        asked only when the text has no word of conflict."""
        if not mentions or has_conflict_context(text, self.conflict_words):
            return list(mentions)
        if armed_group() if callable(armed_group) else armed_group:
            return list(mentions)
        lemmas = lemmas or {}
        return [m for m in mentions if self.stands(m, lemmas.get(m.id, ""), m.id in literal, m.id in crowds)]

    def stands(self, m: Mention, trigger_lemma: str = "", literal: bool = False, crowd: bool = False) -> bool:
        """Whether a mention of non-conflict news is physical with an unambiguous trigger, is a
        crowd's act, names a party, is political, or is physical and placed."""
        physical = m.type.plover in _PHYSICAL
        if physical and trigger_lemma and (literal or trigger_lemma not in self.figurative_triggers):
            return True
        if crowd and m.type.plover in _CROWD_ACTS:
            return True
        if physical and m.actor is not None and not POLITICAL_PEOPLE.isdisjoint(words_of(m.actor.text)):
            return True  # "political rivals clash", "rival politicians came to blows"
        if self._party(m.actor) or self._party(m.recipient):
            return True
        political = self.political_words | self.peoples | self.sentence_words
        if any(w in political for w in words_of(m.sentence.text)):
            return True
        return physical and any(p.place is not None for p in m.places)

    def _party(self, actor: ActorRef | None) -> bool:
        if actor is None:
            return False
        if actor.canonical_id is not None or actor.country is not None or actor.kind in _POLITICAL_KINDS:
            return True
        return any(w in self.countries for w in words_of(actor.text))


def named_crowd(actor: ActorRef) -> bool:
    """People named by a plural noun that the actor dictionary knows as civilians, protesters or
    rioters ("students", "residents", "farmers"; not "a man", nor "prices" or "the team")."""
    if actor.kind not in _CROWD_KINDS:
        return False
    words = words_of(actor.text)
    return bool(words) and (
        words[-1] == "people" or (words[-1].endswith("s") and not words[-1].endswith("ss"))
    )
