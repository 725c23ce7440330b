"""All-capitals text (wire copy, the MUC corpus): telling it apart, and the one word it makes ambiguous.

Kept apart from ``nlp.py`` so that stages without spaCy (the geocoder) can use it.
"""

from __future__ import annotations

import re

_CAPS_US = re.compile(r"\bUS\b(?!\.)")


def is_all_caps(text: str) -> bool:
    """At least 20 letters in the first 5,000 characters, and nine in ten of them capitals."""
    sample = text[:5000]
    letters = sum(map(str.isalpha, sample))  # map over a C method: no Python loop per character
    return letters >= 20 and sum(map(str.isupper, sample)) >= 0.9 * letters


def caps_pronouns(text: str) -> str:
    """In all-capitals text, "US" is far more often the pronoun ("TOLD US") than the country, which wire
    copy spells "U.S."; lower it (same length) so that it does not count as a naming of the United States.
    Other text is returned unchanged."""
    return _CAPS_US.sub("us", text) if is_all_caps(text) else text
