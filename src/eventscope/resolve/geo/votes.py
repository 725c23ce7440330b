"""The article as context for the geocoder: the countries its text names, the divisions its names share.

Both are computed once per article, before any toponym is ranked (see :class:`~.resolver.Geocoder`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from eventscope.extract.toponyms import PlaceLexicon
from eventscope.models import Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer, NameMatch
from eventscope.resolve.geo.names import fold
from eventscope.textcase import caps_pronouns

WHOLE_UNITS = frozenset({"PCLI", "ADM1"})
_WORD = re.compile(r"[A-Za-z][\w’'.]*")
_POSSESSIVE = re.compile(r"[’']s\b")


def _country_mention(lexicon: PlaceLexicon, words: list[str], i: int) -> tuple[str, int] | None:
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


class CountryScan:
    """Counts the mentions of each country in an article's text (names, abbreviations, demonyms)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._starts: frozenset[str] | None = None
        self._last: tuple[str, Counter[str]] | None = None

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
        votes: Counter[str] = Counter()
        texts = [caps_pronouns(article_text)] if article_text else [t.evidence.text for t in toponyms]
        texts += [] if article_text else [t.admin_hint for t in toponyms if t.admin_hint]
        for text in texts:
            words = _WORD.findall(_POSSESSIVE.sub("", text))
            # Every country name starts with a capital and with a word some name starts with: only those
            # positions are tried (one comprehension over the words, the bulk of an article's cost).
            tried = [
                i
                for i, w in enumerate(words)
                if w[0].isupper() and (w.casefold() in starts or fold(w) in starts)
            ]
            end = 0  # words up to here belong to the last mention found
            for i in tried:
                if i < end:
                    continue
                found = _country_mention(lexicon, words, i)
                if found and not self._also_a_division(" ".join(words[i : i + found[1]]), found[0]):
                    votes[found[0]] += 1
                end = i + (found[1] if found else 1)
        return votes

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


def coherence_votes(
    toponyms: Sequence[Toponym], generic: dict[int, tuple[NameMatch, ...]]
) -> dict[str, dict[tuple[str | None, str | None], float]]:
    """For each name, how strongly the article's *other* names point at each division.

    Every distinct name spreads one vote over the divisions its candidates lie in (1/k each for k
    divisions), so "Henry County" and "Paris" meet in Tennessee even when neither was resolved first:
    local news names several places of one state without naming the state.
    """
    per_name: dict[str, set[tuple[str | None, str | None]]] = {}
    for i, matches in generic.items():
        key = fold(toponyms[i].evidence.text)
        if key in per_name:
            continue
        # A country's or division's own name ("Oregon", "Egypt") votes for that unit only, not for
        # the towns named after it in other states.
        units = [m for m in matches if m.kind == 0 and m.place.feature_code in WHOLE_UNITS]
        per_name[key] = {
            (m.place.country_code, m.place.admin1)
            for m in (units or matches)
            if m.place.admin1 or m.place.feature_code == "PCLI"
        }
    # Each vote also counts for the division's country (key (cc, None)), which countries, divisions
    # and capitals take (see Geocoder._coherence_key): "Mexico" beside Mexican towns stays the country.
    total: dict[tuple[str | None, str | None], float] = defaultdict(float)
    own: dict[str, dict[tuple[str | None, str | None], float]] = {}
    for key, divisions in per_name.items():
        mine = own[key] = defaultdict(float)
        for cc, admin1 in divisions:
            if admin1 is not None:
                mine[(cc, admin1)] += 1.0 / len(divisions)
            mine[(cc, None)] += 1.0 / len(divisions)
        for d, v in mine.items():
            total[d] += v
    return {
        key: {d: total[d] - mine[d] for d in total if total[d] - mine[d] > 0} for key, mine in own.items()
    }
