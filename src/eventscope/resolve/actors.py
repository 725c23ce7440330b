"""Actor dictionary: an actor phrase from the text -> canonical actor, ACLED kind and country.

A phrase resolves, in order, to
1. a named actor (lexicon/actors.yaml, plus a user's file): by exact alias after normalisation; then
   as "X of/from Y" ("fighters from the Syrian army", "Military Forces of Syria (2024-)"); then after
   stripping qualifiers, titles and demonyms before the name and member words after it ("former ISIS
   fighters", "US envoy Tom Barrack", "Iran's IRGC", "Hezbollah fighters");
2. a state institution from a generic head and a country ("Israeli forces" -> Israel Defense Forces,
   "Ugandan police" -> Police Forces of Uganda; lexicon/agents.yaml, lexicon/demonyms.yaml);
3. a generic agent coded by kind and country ("gunmen" -> Unidentified Armed Group, political militia);
4. else an ActorRef that carries only its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventscope.errors import InputError
from eventscope.extract.lexicon import load_lexicon
from eventscope.models import ACLED_INTER_CODE, ActorKind, ActorRef, Evidence
from eventscope.resolve.actor_files import (  # singular and _agents re-exported for callers
    agents_from_lexicon,
    countries_from_lexicon,
    entry_from_row,
    read_rows,
    singular,
)
from eventscope.resolve.actor_records import NO_PLURAL, ActorEntry, GenericAgent, normalise  # re-exported

__all__ = [
    "STATE_FAMILIES",
    "ActorDictionary",
    "ActorEntry",
    "GenericAgent",
    "acled_inter",
    "load_actor_dictionary",
    "normalise",
    "singular",
]

_agents = agents_from_lexicon  # the name tests knew it by

STATE_FAMILIES = frozenset({"military", "police", "government"})
# Words that link a part to its whole: "members of Hamas", "forces affiliated with the ministry".
_LINKS = (("of",), ("from",), ("affiliated", "with"), ("loyal", "to"), ("belonging", "to"), ("linked", "to"))
# A country word next to these names a backer, not the actor's own state ("Iran-backed militias").
_BACKER_AFTER = frozenset({"backed", "led", "allied", "aligned", "supported", "sponsored", "funded"})
_BACKER_BEFORE = frozenset({"pro", "anti"})
_ARMED_KINDS = frozenset(ActorKind) - {ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS}
_NOT_NAMES = frozenset({"us", "is", "car"})  # "a car bomb": the vehicle, not CAR
# Head kinds an ethnic or clan word turns into an identity militia ("Pokot raiders", "Kikuyu youths").
_ETHNIC_OVERRIDES = frozenset(
    {ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA, ActorKind.RIOTERS, ActorKind.REBEL_GROUP}
)
# Kinds :meth:`ActorDictionary.find_groups` looks for: armed groups outside the state.
_GROUP_KINDS = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})
# Heads that name no one without a country or group beside them: "movement of forces", "the forces"
# (agents.yaml); "Kenyan forces", "Al Shabaab forces" and "security forces" still resolve.
AMBIGUOUS_ALONE = frozenset({"forces", "force"})
# Words of running text, with inner apostrophes and dots ("PEOPLE'S", "U.S").
_TEXT_WORD = re.compile(r"\w+(?:['’ʼ.]\w+)*")


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    # a text's words repeat across articles: normalise each spelling once (find_groups reads every word)
    return normalise(word)


# Aliases shorter than this are not looked for in running text ("SL", "AU": words and initials).
_MIN_SCAN_ALIAS = 3


@dataclass(frozen=True, slots=True)
class _Found:
    entry: ActorEntry | None
    agent: GenericAgent | None
    country: str | None


class ActorDictionary:
    def __init__(
        self,
        entries: Iterable[ActorEntry],
        agents: Iterable[GenericAgent],
        demonyms: Mapping[str, str],
        *,
        country_names: Mapping[str, Sequence[str]] | None = None,
        member_words: Iterable[str] = (),
        modifiers: Iterable[str] = (),
        ethnic_words: Iterable[str] = (),
    ) -> None:
        """``demonyms``: demonym or country name -> ISO2; ``country_names``: ISO2 -> its names, the
        first used in names we build; ``member_words``/``modifiers``/``ethnic_words``: see
        lexicon/agents.yaml."""
        self._entries: dict[str, ActorEntry] = {}
        self._aliases: dict[str, str] = {}
        for entry in entries:
            self._add(entry)
        self._agents = tuple(agents)
        self._heads = {agent.head: agent for agent in self._agents}
        self._families = {agent.family: agent for agent in reversed(self._agents)}
        self._demonyms = {normalise(k): v.upper() for k, v in demonyms.items()}
        self._country_names = {cc.upper(): tuple(names) for cc, names in (country_names or {}).items()}
        self._by_country_name = {normalise(n): cc for cc, names in self._country_names.items() for n in names}
        self._modifiers = frozenset(normalise(w) for w in modifiers)
        self._ethnic = frozenset(normalise(w) for w in ethnic_words)
        armed = {h for h, a in self._heads.items() if a.kind in _ARMED_KINDS and " " not in h}
        members = frozenset(normalise(w) for w in member_words)
        self._trailing = members | armed
        self._options: dict[str, Any] = {
            "country_names": self._country_names,
            "member_words": members,
            "modifiers": self._modifiers,
            "ethnic_words": self._ethnic,
        }
        # Capitals and other government aliases also tell an agent's country ("Damascus's forces").
        self._places = dict(self._demonyms)
        for alias, actor_id in self._aliases.items():
            if actor_id.startswith("government-") and (country := self._entries[actor_id].country):
                self._places.setdefault(alias, country)
        self._max_phrase = max(len(p.split()) for p in (*self._heads, *self._places, "x"))
        self._groups = {
            alias: actor_id
            for alias, actor_id in self._aliases.items()
            if self._entries[actor_id].kind in _GROUP_KINDS and len(alias) >= _MIN_SCAN_ALIAS
        }
        self._group_starts = frozenset(alias.split()[0] for alias in self._groups)
        self._group_len = max((len(alias.split()) for alias in self._groups), default=1)
        d = self._demonyms
        self._adjectives = {w: c for w, c in d.items() if w + "s" in d or w.endswith(NO_PLURAL)}

    def _add(self, entry: ActorEntry) -> None:
        for alias in (entry.name, *entry.aliases):
            other = self._aliases.setdefault(normalise(alias), entry.id)
            if other != entry.id:
                raise InputError(f"alias {alias!r} of actor {entry.id!r} already names actor {other!r}")
        self._entries[entry.id] = entry

    @property
    def entries(self) -> tuple[ActorEntry, ...]:
        return tuple(self._entries.values())

    def lookup(self, text: str) -> ActorEntry | None:
        """The named actor or state institution a phrase names, if the dictionary knows it ("Chechens" and
        "Syrian" alone: no; "gunmen": no, a generic agent)."""
        found = self._find(text)
        return found.entry if found is not None else None

    def resolve(self, evidence: Evidence) -> ActorRef:
        """The actor behind a phrase of the text; the evidence is kept unchanged."""
        # A demonym alone ("an Israeli strike") names the state, though it is no name to look up.
        found = self._find(evidence.text) or self._government(self._adjectives.get(normalise(evidence.text)))
        if found is None:
            return ActorRef(evidence=evidence, country=self._based_in(evidence.text))
        if (e := found.entry) is not None:
            return ActorRef(evidence, canonical_id=e.id, name=e.name, kind=e.kind, country=e.country)
        assert found.agent is not None
        name = self._agent_name(found.agent, found.country)
        return ActorRef(evidence, name=name, kind=found.agent.kind, country=found.country)

    def _based_in(self, text: str) -> str | None:
        """The country of a phrase that names where its people are ("opposition groups in Zimbabwe")."""
        _, sep, where = normalise(text).rpartition(" in ")
        if not sep:
            return None
        where = where.removeprefix("the ")
        return self._by_country_name.get(where)

    def find_groups(self, text: str, article_id: str = "") -> list[ActorRef]:
        """The named armed groups (rebel groups and militias) a text names by one of their aliases, in text
        order; the longest alias wins where two overlap ("FMLN" inside "the FMLN-FDR")."""
        words = [(m.start(), m.end(), w) for m in _TEXT_WORD.finditer(text) if (w := _word_key(m.group()))]
        found: list[ActorRef] = []
        i = 0
        while i < len(words):
            if words[i][2] not in self._group_starts:
                i += 1
                continue
            for n in range(min(self._group_len, len(words) - i), 0, -1):
                actor_id = self._groups.get(" ".join(w for _, _, w in words[i : i + n]))
                if actor_id is not None:
                    start, end = words[i][0], words[i + n - 1][1]
                    e = self._entries[actor_id]
                    evidence = Evidence(article_id, start, end, text[start:end])
                    found.append(
                        ActorRef(evidence, canonical_id=e.id, name=e.name, kind=e.kind, country=e.country)
                    )
                    i += n
                    break
            else:
                i += 1
        return found

    def extend_from_file(self, path: Path) -> ActorDictionary:
        """A new dictionary with a user's actors added (CSV: id,name,kind,country,aliases with aliases
        joined by |; or YAML shaped like actors.yaml). An entry with a built-in id replaces it."""
        entries, taken = dict(self._entries), dict(self._aliases)
        for label, row in read_rows(path):
            entry = entry_from_row(row, f"{path} {label}")
            keys = {normalise(a): a for a in (entry.name, *entry.aliases)}
            clash = next((k for k in keys if taken.get(k, entry.id) != entry.id), None)
            if clash is not None:
                raise InputError(
                    f"{path} {label}: alias {keys[clash]!r} already names actor {taken[clash]!r}; "
                    "remove it, or use that actor's id to replace it"
                )
            taken = {k: v for k, v in taken.items() if v != entry.id} | dict.fromkeys(keys, entry.id)
            entries[entry.id] = entry
        return ActorDictionary(entries.values(), self._agents, self._demonyms, **self._options)

    # --- resolution
    def _find(self, text: str) -> _Found | None:
        abbreviation, colon, full = text.partition(":")  # ACLED's "SLDF: Sabaot Land Defence Force"
        for part in [full, abbreviation, text] if colon else [text]:
            if part.strip() in _NOT_NAMES:  # lower-case "us" and "is" are words, "US" and "IS" names
                continue
            if (found := self._find_tokens(tuple(normalise(part).split()))) is not None:
                return found
        return None

    def _find_tokens(self, tokens: tuple[str, ...], depth: int = 0) -> _Found | None:
        tokens = tokens[1:] if tokens[:1] == ("the",) else tokens  # "fighters from [the] Syrian army"
        if not tokens:
            return None
        entry = self._exact(tokens)
        if entry is not None:
            return _Found(entry, None, entry.country)
        if depth < 3 and (linked := self._linked(tokens, depth)) is not None:
            return linked
        stripped = self._strip(tokens)
        if stripped is not None:
            entry, tail = stripped
            # "Damascus's forces", "Sharaa's government": the state institution, not the city or person.
            family = self._heads[tail[-1]].family if tail and tail[-1] in self._heads else None
            if family in STATE_FAMILIES and entry.country and entry.id.startswith(("government-", "person-")):
                return self._institution(self._families[family], entry.country)
            named = tokens[: len(tokens) - len(tail)]
            by_country = any(" ".join(named[i:]) in self._by_country_name for i in range(len(named)))
            if family is None or not by_country:
                return _Found(entry, None, entry.country)
            # "an Ethiopia militia", "Somalia raiders": armed men from the country, not its state (below)
        generic = self._generic(tokens)
        ethnic = next((t for t in tokens if t in self._ethnic), None)
        if ethnic is not None and (generic is None or generic[0].kind in _ETHNIC_OVERRIDES):
            militia = self._families.get("communal_militia")
            if militia is not None:
                name = f"{ethnic.title()} Ethnic Militia ({{country}})"
                return _Found(None, replace(militia, name=name), generic[1] if generic else None)
        if generic is None:
            return None
        agent, country = generic
        rest = tokens[self._prefix_ends(tokens)[-1] :]
        if country is None and agent.head in AMBIGUOUS_ALONE and rest == (agent.head,):
            return None  # "forces" alone: whose, the text says elsewhere
        if agent.id is not None and country is not None:
            return self._institution(agent, country)
        return _Found(None, agent, country)

    def _exact(self, tokens: Sequence[str]) -> ActorEntry | None:
        key = " ".join(tokens)
        if key in self._aliases:
            return self._entries[self._aliases[key]]
        found = self._government(self._by_country_name.get(key))  # "Syria" alone is its government
        return found.entry if found is not None else None

    def _government(self, country: str | None) -> _Found | None:
        agent = self._families.get("government")
        return self._institution(agent, country) if agent is not None and country is not None else None

    def _institution(self, agent: GenericAgent, country: str) -> _Found:
        """The dictionary's entry for a state institution of a country, else one built from the templates."""
        actor_id = (agent.id or agent.family + "-{cc}").format(cc=country.lower())
        built = ActorEntry(actor_id, self._agent_name(agent, country) or actor_id, agent.kind, country, ())
        return _Found(self._entries.get(actor_id, built), None, country)

    def _linked(self, tokens: tuple[str, ...], depth: int) -> _Found | None:
        """ "fighters from the Syrian army" -> the army; "Military Forces of Syria" -> Syria's military."""
        cuts = [(i, i + len(w)) for i in range(1, len(tokens)) for w in _LINKS if tokens[i : i + len(w)] == w]
        for start, end in reversed(cuts):  # the longest part first: "ministry of defense" of X
            part, ok = self._head_only(tokens[:start])
            if not ok:
                continue
            whole = self._find_tokens(tokens[end:], depth + 1)
            if whole is None:
                continue
            governs = whole.entry is not None and whole.entry.id.startswith(("government-", "person-"))
            if part is not None and governs and whole.country is not None:
                if part.family in STATE_FAMILIES:
                    return self._institution(part, whole.country)
                return _Found(None, part, whole.country)  # "civilians from Syria"
            return whole
        return None

    def _head_only(self, tokens: Sequence[str]) -> tuple[GenericAgent | None, bool]:
        """Whether a phrase only says "part of": qualifiers, a head noun, member words; and its head."""
        rest = tokens[self._prefix_ends(tokens)[-1] :]
        if " ".join(rest) in self._heads:
            return self._heads[" ".join(rest)], True
        if all(t in self._trailing or t in self._heads for t in rest):
            return next((self._heads[t] for t in reversed(rest) if t in self._heads), None), True
        return None, False

    def _prefix_ends(self, tokens: Sequence[str]) -> list[int]:
        """Where the name may start after qualifiers, titles and country words: [0, ...]."""
        ends = [0]
        while (i := ends[-1]) < len(tokens):
            # a count ("four al-Shabaab members", "2 KDF soldiers") is a quantity, like "dozens"
            n = (
                1
                if tokens[i] in self._modifiers or tokens[i].isdigit() or self._country_possessive(tokens[i])
                else self._match_at(tokens, i, self._demonyms)
            )
            if not n:
                break
            ends.append(i + n)
        return ends

    def _country_possessive(self, token: str) -> bool:
        """A country's possessive written without its apostrophe, as notes often do ("Somalias
        al-Shabaab", "Kenyas police"): a qualifier before a name, like "Somalia's"."""
        return token.endswith("s") and token[:-1] in self._by_country_name

    def _strip(self, tokens: tuple[str, ...]) -> tuple[ActorEntry, tuple[str, ...]] | None:
        starts = self._prefix_ends(tokens)
        ends, j = [len(tokens)], len(tokens)
        while j > 1 and (tokens[j - 1] in self._trailing or tokens[j - 1] in self._demonyms):  # "IS (Kenya)"
            j -= 1
            ends.append(j)
        for s, e in sorted(((s, e) for s in starts for e in ends if s < e), key=lambda p: p[0] - p[1]):
            entry = self._exact(tokens[s:e])
            if entry is not None:
                return entry, tokens[e:]
        return None

    def _generic(self, tokens: tuple[str, ...]) -> tuple[GenericAgent, str | None] | None:
        """The rightmost head noun (the longest of those ending there), and the country word nearest to it."""
        spans = [(i + n, n) for i in range(len(tokens)) if (n := self._match_at(tokens, i, self._heads))]
        if not spans:
            return None
        end, size = max(spans)
        start = end - size
        countries: list[tuple[int, str]] = []
        i = 0
        while i < len(tokens):
            n = 0 if start <= i < end else self._match_at(tokens, i, self._places)
            before, after = tokens[i - 1] if i else "", tokens[i + n] if i + n < len(tokens) else ""
            if n and after not in _BACKER_AFTER and before not in _BACKER_BEFORE:
                distance = start - i - n if i < start else 1000 + i
                countries.append((distance, self._places[" ".join(tokens[i : i + n])]))
            i += max(n, 1)
        return self._heads[" ".join(tokens[start:end])], min(countries)[1] if countries else None

    def _match_at(self, tokens: Sequence[str], i: int, table: Mapping[str, Any]) -> int:
        """The length of the longest phrase of ``table`` starting at token i (0: none)."""
        for n in range(min(self._max_phrase, len(tokens) - i), 0, -1):
            if " ".join(tokens[i : i + n]) in table:
                return n
        return 0

    def _agent_name(self, agent: GenericAgent, country: str | None) -> str | None:
        if country is not None:
            names = self._country_names.get(country)
            return agent.name.format(country=names[0] if names else country)
        name = re.sub(r"\s*\(\{country\}\)", "", agent.name)
        return None if "{country}" in name else name


def acled_inter(actor: ActorRef, event_country: str | None = None) -> int | None:
    """ACLED inter code (1-8) of an actor; state forces acting outside their country are 8, External/Other."""
    if actor.kind is None:
        return None
    abroad = actor.country is not None and event_country is not None and actor.country != event_country
    kind = ActorKind.EXTERNAL_OTHER if abroad and actor.kind == ActorKind.STATE_FORCES else actor.kind
    return ACLED_INTER_CODE[kind]


# --- loading
def load_actor_dictionary(extra: Path | None = None) -> ActorDictionary:
    """The built-in dictionary (lexicon/actors.yaml, agents.yaml, demonyms.yaml), extended by ``extra``."""
    entries = [
        entry_from_row(row, f"actors.yaml entry {i}") for i, row in enumerate(load_lexicon("actors"), 1)
    ]
    data = load_lexicon("agents")
    demonyms, names = countries_from_lexicon(load_lexicon("demonyms"))
    words = [w for word in data["member_words"] for w in (word, singular(word))]
    dictionary = ActorDictionary(
        entries,
        agents_from_lexicon(data),
        demonyms,
        country_names=names,
        member_words=words,
        modifiers=data["modifiers"],
        ethnic_words=data.get("ethnic_words", ()),
    )
    return dictionary.extend_from_file(extra) if extra is not None else dictionary
