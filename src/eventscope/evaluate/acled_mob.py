"""A riot in a note that reports no demonstration is mob violence (used by
:func:`eventscope.evaluate.acled_notes.code_note`; moved here from ``acled_notes`` unchanged).
General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import Mention

# Words that say people are demonstrating (general English): what makes a riot a violent demonstration.
_DEMONSTRATION = re.compile(
    r"(?i)\b(?:protest\w*|demonstrat\w*|march(?:ed|es|ing)?|marchers|strik(?:e|es|ing|ers)|picket\w*|"
    r"sit-ins?|petition\w*|demand\w*|boycott\w*|agitat\w*|chant\w*|placards?|riot\w*|block\w*|barricad\w*|bonfires?|tyres|tires|rampage|walk-?outs?|"
    r"running\s+battles)\b"
)


def without_demonstration(main: Mention, text: str) -> Mention:
    """ACLED codebook, Riots: a violent demonstration is demonstrators' violence; violence by a crowd
    that is not demonstrating (rival supporters clashing, youths stoning a convoy, residents beating
    up two policemen) is mob violence, whoever it hits (codebook, Mob violence: rioters against
    civilians, property or armed groups). Blocking roads or running battles are demonstrating."""
    if main.type.acled_sub_type != "Violent demonstration" or _DEMONSTRATION.search(text):
        return main
    return replace(main, type=replace(main.type, acled_sub_type="Mob violence"))
