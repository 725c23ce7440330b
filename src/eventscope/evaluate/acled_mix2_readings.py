"""Violence the extractor left unread in a demonstration's note (used by
:func:`eventscope.evaluate.acled_notes.code_note`).

"lobbed two grenades into the rally", "hurled a grenade at the crowd": the explosion is the event
(ACLED codebook, Explosions/Remote violence, Grenade: a grenade thrown at a target, whoever is hit),
not the gathering it struck (:func:`grenade_thrown`). A petrol bomb is no grenade (codebook). A
grenade thrown at armed people who fought back is left to the battle rules
(:mod:`eventscope.evaluate.acled_viol_battles`): only a demonstration's note is read here.
General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.models import Mention
from eventscope.resolve.ontology import crosswalk

# A grenade or a bomb thrown (not a petrol bomb, not a "grenade attack" named as the setting).
_THROWN = re.compile(
    r"(?i)\b(?:lob(?:s|bed|bing)?|thr(?:ew|ow|ows|owing|own)|hurl(?:s|ed|ing)?|toss(?:es|ed|ing)?)\s+"
    r"(?:[\w-]+\s+){0,4}?(?<!petrol\s)(?<!petrol-)(?P<weapon>grenades?|bombs?|explosives?)\b"
)
_EXPLOSIONS = "Explosions/Remote violence"


def grenade_thrown(main: Mention, text: str) -> Mention:
    """``main`` as a grenade (or remote explosive) attack when it is a demonstration in a note that
    tells a grenade or a bomb thrown; else unchanged. The crowd the grenade struck is its target,
    not its thrower."""
    if main.type.acled_type != "Protests" or not text:
        return main
    found = _THROWN.search(text)
    if found is None:
        return main
    mode = "grenade" if found.group("weapon").lower().startswith("grenade") else "explosives"
    coded = crosswalk("ASSAULT", mode)
    if coded.acled_type != _EXPLOSIONS:
        return main
    return replace(main, type=coded, actor=None, recipient=None)
