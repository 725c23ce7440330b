"""The article as context for the geocoder: the countries its text names, the divisions its names share.

Both are computed once per article, before any toponym is ranked (see :class:`~.resolver.Geocoder`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from eventscope.extract.toponyms import PlaceLexicon
from eventscope.models import Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer, NameMatch
from eventscope.resolve.geo.names import fold
from eventscope.textcase import caps_pronouns

WHOLE_UNITS = frozenset({"PCLI", "ADM1"})
_WORD = re.compile(r"[A-Za-z][\w’'.]*")
_POSSESSIVE = re.compile(r"[’']s\b")
_CAPITALISED = re.compile(r"[A-Z][\w’'.]*")  # from a capital to the end of its run of word characters
_WORD_CHAR = re.compile(r"[\w’'.]")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
MEMO_SIZE = 200_000  # entries per CountryScan memo before it starts afresh (bounds a long run's memory)


def _country_mention(lexicon: PlaceLexicon, words: Sequence[str], i: int) -> tuple[str, int] | None:
    """The country a name, abbreviation or demonym of up to three words at ``words[i]`` refers to."""
    if not words[i][:1].isupper():
        return None
    for width in (3, 2, 1):
        if i + width <= len(words):
            phrase = " ".join(words[i : i + width])
            code = lexicon.country_code(phrase) or lexicon.country_code(phrase.rstrip("."))
            if code:
                return code, width
    return None


def _starts_word(text: str, i: int) -> bool:
    """Whether ``_WORD.findall(text)`` has a word starting at ``i`` (an ASCII letter there): it has unless
    the run of word characters just before ``i`` holds an ASCII letter, where an earlier word started
    that runs on through ``i`` ("iPhone" is one word; "3M" and "’Syria" hold the words "M" and "Syria")."""
    j = i - 1
    while j >= 0 and _WORD_CHAR.match(text, j):
        if text[j] in _ASCII_LETTERS:
            return False
        j -= 1
    return True


def _caps_pronouns(text: str) -> str:
    """``caps_pronouns(text)``, skipped where it cannot change the text: it rewrites "US" in all-capitals
    text only (nine in ten letters of the first 5,000 characters capitals), and a text whose sample has
    more lower-case e, t, a, o, i, n, s than a tenth of its characters is not such text."""
    if "US" not in text:
        return text
    sample = text[:5000]
    if sum(map(sample.count, "etaoins")) > 0.1 * len(sample):
        return text
    return caps_pronouns(text)


def _next_words(text: str, words: list[str], ends: list[int], n: int) -> None:
    """Reads words of ``text`` after ``ends[-1]`` into ``words`` (their ends into ``ends``) until there are
    ``n`` or the text has no more."""
    while len(words) < n:
        after = _WORD.search(text, ends[-1])
        if after is None:
            return
        words.append(after.group())
        ends.append(after.end())


class CountryScan:
    """Counts the mentions of each country in an article's text (names, abbreviations, demonyms)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._starts: frozenset[str] | None = None
        self._last: tuple[str, Counter[str]] | None = None
        # Memos across articles (the same words recur): word -> may start a country mention; the three
        # words from a position -> the mention found there and whether it counts (see _scan).
        self._may_start: dict[str, bool] = {}
        self._mentions: dict[tuple[str, ...], tuple[str, int, bool] | None] = {}
        self._prefixes: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None

    def votes(self, toponyms: Sequence[Toponym], article_text: str) -> Counter[str]:
        """Mentions of each country in the article: names, abbreviations and demonyms ("Syrian").

        The scan of an article's text is kept for the next call with the same text (resolution and the
        context check after it both ask); a copy is returned each time."""
        if article_text and self._last is not None and self._last[0] == article_text:
            return Counter(self._last[1])
        votes = self._scan(toponyms, article_text)
        if article_text:
            self._last = (article_text, Counter(votes))
        return votes

    def _scan(self, toponyms: Sequence[Toponym], article_text: str) -> Counter[str]:
        lexicon = self.gazetteer.lexicon()
        starts = self._first_words(lexicon)
        may_start, mentions = self._may_start, self._mentions
        if len(may_start) > MEMO_SIZE or len(mentions) > MEMO_SIZE:
            may_start.clear()
            mentions.clear()
        may_start_of = may_start.get
        votes: Counter[str] = Counter()
        texts = [_caps_pronouns(article_text)] if article_text else []
        texts += [] if article_text else [t.evidence.text for t in toponyms]
        texts += [] if article_text else [t.admin_hint for t in toponyms if t.admin_hint]
        for text in texts:
            text = _POSSESSIVE.sub("", text)
            # Every country name starts with a capital and with a word some name starts with: only the
            # capitalised words are looked at (most of an article's words are never split out), each
            # distinct one tested once. The words are those _WORD.findall gives (see _starts_word).
            end = 0  # characters up to here belong to the last mention found
            for m in _CAPITALISED.finditer(text):
                w = m[0]  # m.group(), without the method call (this loop sees every capitalised word)
                start = may_start_of(w)
                if start is None:
                    # fold() of an ASCII word of letters and digits is its casefold: no second look.
                    start = may_start[w] = w.casefold() in starts or (
                        not (w.isascii() and w.isalnum()) and fold(w) in starts
                    )
                if not start or m.start() < end or not _starts_word(text, m.start()):
                    continue
                # This word and the words after it that the mention's window needs (see _next_words).
                words, ends = [w], [m.end()]
                window = self._window(lexicon, words, 0, text, ends)
                if window in mentions:
                    found = mentions[window]
                else:
                    mention = _country_mention(lexicon, window, 0)
                    found = None
                    if mention is not None:
                        counts = not self._also_a_division(" ".join(window[: mention[1]]), mention[0])
                        found = (*mention, counts)
                    mentions[window] = found
                if found:
                    if found[2]:
                        votes[found[0]] += 1
                    end = ends[found[1] - 1]
        return votes

    def _window(
        self, lexicon: PlaceLexicon, words: list[str], i: int, text: str = "", ends: list[int] | None = None
    ) -> tuple[str, ...]:
        """The words from ``i`` that a mention there depends on (the memo's key): up to three, fewer when
        no name of three words (or of two) starts with these words (keys made by casefold: the phrase's
        words are the words' keys; a trailing "." is only stripped from the last word).

        With ``text`` and ``ends`` (the scan: ``words`` holds the words read so far from ``text``, ``ends``
        their ends), the next words are read from the text only when the window reaches them: the window
        is the one the three words would give, read one by one (``_WORD.search`` after the last end)."""
        if lexicon.key is not str.casefold:
            if ends is not None:
                _next_words(text, words, ends, 3)
            return tuple(words[i : i + 3])
        if self._prefixes is None:
            keys = [k.split(" ") for k in (*lexicon.country_names, *lexicon.demonyms)]
            abbreviations = [a.split(" ") for a in lexicon.country_abbreviations]
            self._prefixes = (
                frozenset(k[0] for k in keys if len(k) >= 2)
                | frozenset(k[0] for k in abbreviations if len(k) >= 2),
                frozenset(" ".join(k[:2]) for k in keys if len(k) >= 3),
                frozenset(" ".join(k[:2]) for k in abbreviations if len(k) >= 3),
            )
        first, pairs, abbreviated_pairs = self._prefixes
        word = words[i]
        if word not in first and word.casefold() not in first:
            return (word,)
        if ends is not None and len(words) == 1 and (after := _WORD.search(text, ends[-1])):
            words.append(after[0])  # the second word (_next_words, inlined: most windows stop here)
            ends.append(after.end())
        pair = " ".join(words[i : i + 2])
        if pair not in abbreviated_pairs and pair.casefold() not in pairs:
            return tuple(words[i : i + 2])
        if ends is not None and len(words) == 2 and (after := _WORD.search(text, ends[-1])):
            words.append(after[0])
            ends.append(after.end())
        return tuple(words[i : i + 3])

    def _first_words(self, lexicon: PlaceLexicon) -> frozenset[str]:
        """The first words of the lexicon's names, demonyms and abbreviations: a cheap filter for the scan."""
        if self._starts is None:
            keys = [*lexicon.country_names, *lexicon.demonyms]
            keys += [a.casefold() for a in lexicon.country_abbreviations]
            self._starts = frozenset(k.split()[0] for k in keys if k.split())
        return self._starts

    def _also_a_division(self, name: str, code: str) -> bool:
        """ "Georgia" names a US state too: such a name is no evidence for the country."""
        return any(
            m.kind == 0 and m.place.feature_code == "ADM1" and m.place.country_code != code
            for m in self.gazetteer.lookup(name)
        )


Division = tuple[str | None, str | None]  # (country, first-level division); (country, None): the country


def name_divisions(matches: Sequence[NameMatch]) -> frozenset[Division]:
    """The divisions a name's candidates lie in, which the name votes for (see :func:`coherence_votes`).

    A country's or division's own name ("Oregon", "Egypt") votes for that unit only, not for the towns
    named after it in other states."""
    units = [m for m in matches if m.kind == 0 and m.place.feature_code in WHOLE_UNITS]
    return frozenset(
        (m.place.country_code, m.place.admin1)
        for m in (units or matches)
        if m.place.admin1 or m.place.feature_code == "PCLI"
    )


def name_votes(divisions: Iterable[Division]) -> dict[Division, float]:
    """One name's vote: 1/k for each of the k divisions it may be in, each also counting for the
    division's country (key (cc, None)), which countries, divisions and capitals take (see
    candidates.coherence_key): "Mexico" beside Mexican towns stays the country."""
    divisions = tuple(divisions)
    mine: dict[Division, float] = {}  # a plain dict filled as a defaultdict(float) would be: same sums
    for cc, admin1 in divisions:
        if admin1 is not None:
            mine[(cc, admin1)] = mine.get((cc, admin1), 0.0) + 1.0 / len(divisions)
        mine[(cc, None)] = mine.get((cc, None), 0.0) + 1.0 / len(divisions)
    return mine


@dataclass(frozen=True, slots=True)
class Coherence:
    """The article's coherence votes: the total per division and each name's own share of it."""

    total: dict[Division, float]
    own: dict[str, dict[Division, float]]

    @classmethod
    def of(cls, per_name: Mapping[str, Mapping[Division, float]]) -> Coherence:
        """The votes of each distinct (folded) name (:func:`name_votes`), in the article's order of names."""
        total: dict[Division, float] = {}
        for mine in per_name.values():
            for d, v in mine.items():
                total[d] = total.get(d, 0.0) + v
        return cls(total, dict(per_name))  # type: ignore[arg-type]

    def of_others(self, key: str) -> tuple[dict[Division, float], dict[Division, float]]:
        """The totals and the name's own votes: the other names' vote for d is total[d] - own[d] when
        positive (no votes at all for a name the article does not hold)."""
        mine = self.own.get(key)
        return (self.total, mine) if mine is not None else ({}, {})

    def votes_for(self, key: str) -> dict[Division, float]:
        """The other names' votes for each division, as seen by the name ``key`` (positive ones only)."""
        total, mine = self.of_others(key)
        return {d: total[d] - mine.get(d, 0.0) for d in total if total[d] - mine.get(d, 0.0) > 0}


def coherence_votes(
    toponyms: Sequence[Toponym], generic: dict[int, tuple[NameMatch, ...]]
) -> dict[str, dict[Division, float]]:
    """For each name, how strongly the article's *other* names point at each division.

    Every distinct name spreads one vote over the divisions its candidates lie in (1/k each for k
    divisions), so "Henry County" and "Paris" meet in Tennessee even when neither was resolved first:
    local news names several places of one state without naming the state.
    """
    per_name: dict[str, frozenset[Division]] = {}
    for i, matches in generic.items():
        key = fold(toponyms[i].evidence.text)
        if key not in per_name:
            per_name[key] = name_divisions(matches)
    coherence = Coherence.of({key: name_votes(divisions) for key, divisions in per_name.items()})
    return {key: coherence.votes_for(key) for key in coherence.own}


def country_shares(votes: Counter[str]) -> dict[str, float]:
    """Each country's share of the article's country mentions. Of all of them, not of the most named
    country's: in a round-up naming 30 countries the most named one is no context for a hamlet."""
    total = sum(votes.values())
    return {cc: n / total for cc, n in votes.items() if n > 0} if total > 0 else {}
