"""Common misspellings of the few core words of violence, read as the words they misspell.

Wire copy and NGO field reports are typed in haste: "attakced", "violecne", "causalities". A report
whose only event word is misspelt would otherwise tell of nothing. The tolerance is deliberately small:
only the forms of "attack", "violence", "casualty" and "assassination", only two adjacent letters swapped
(the commonest typing slip), and a few well-worn misspellings ("attackes", "causalities": "causality" is
the word of logic, but its plural in a report of violence is the casualties; "assasination", one "s"
short). No variant is an English word; the unit test checks that none is a word the tagger knows.
General English: no place or actor names.
"""

from __future__ import annotations

from functools import cache

# Each correct word form, and the lemma it has (the trigger lexicon is keyed by lemma).
_CORE_FORMS: dict[str, str] = {
    "attack": "attack",
    "attacks": "attack",
    "attacked": "attack",
    "attacking": "attack",
    "attacker": "attacker",
    "attackers": "attacker",
    "violence": "violence",
    "casualty": "casualty",
    "casualties": "casualty",
    "assassination": "assassination",
    "assassinations": "assassination",
    "assassinate": "assassinate",
    "assassinated": "assassinate",
}
# Misspellings seen in print that are no single transposition.
_KNOWN: dict[str, str] = {
    "attackes": "attacks",
    "causalities": "casualties",
    "assasination": "assassination",
    "assasinations": "assassinations",
    "assasinate": "assassinate",
    "assasinated": "assassinated",
}


def _transpositions(word: str) -> set[str]:
    # the first letter is kept: a slip inside the word, not a different word ("tatack" is no slip)
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)} - {word}


@cache
def typo_forms() -> dict[str, str]:
    """Each misspelt form (lower case) and the correct word form it stands for."""
    out: dict[str, str] = {}
    for form in _CORE_FORMS:
        for variant in _transpositions(form):
            if variant not in _CORE_FORMS:
                out[variant] = form
    for variant, form in _KNOWN.items():
        out[variant] = form
    return out


@cache
def typo_words() -> frozenset[str]:
    """Every misspelt form :func:`typo_forms` knows (for array scans of a Doc)."""
    return frozenset(typo_forms())


def corrected(word: str) -> str:
    """The word form a lower-case word misspells, or the word itself."""
    return typo_forms().get(word, word)


def typo_lemma(lower: str) -> str | None:
    """The lemma of the core word a lower-case token misspells ("attakced" -> "attack"), or None."""
    form = typo_forms().get(lower)
    return None if form is None else _CORE_FORMS[form]
