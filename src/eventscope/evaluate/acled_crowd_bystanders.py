"""Force by the state on people a note says were not taking part in the demonstration or riot it
reports: journalists covering it, bystanders, passers-by, "innocent civilians", a child (ACLED
codebook: Excessive force against protesters and Protest with intervention are force used on
demonstrators; force on unarmed non-participants is Violence against civilians, Attack, by the
state forces). Only when that harm is the first violence the note tells: a note that first tells the
crowd's violence reports a riot. Used by :mod:`eventscope.evaluate.acled_crowd_verdict`; every word
list is general English.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.evaluate.acled_crowds import about_grievance
from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.ontology import crosswalk

_STATE = (
    r"(?:(?:anti-?riot\s+|riot\s+)?police(?:\s+officers?|men)?|officers|soldiers|troops|security\s+"
    r"(?:forces|officers|agents)|askaris|prison\s+warders|rangers)"
)
_STATE_WORDS = re.compile(rf"(?i)\b{_STATE}\b")
# People the words say were not demonstrating: the press at work, bystanders, the innocent, children.
_OUTSIDERS = (
    r"(?:(?:a|an|the|two|three|four|five|several|some|\d+|one)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:journalists?|reporters?|cameram[ae]n|photographers?|photojournalists?|bystanders?|"
    r"passers?-?by|onlookers?|innocent\s+(?:civilians|people|residents|bystanders?)|"
    r"[\w-]+[- ](?:yr|year|month)s?[- ]old\s+(?:boy|girl|child|baby)|child(?:ren)?|bab(?:y|ies))"
)
_HARM = (
    r"(?:assault\w*|beat(?:en|ing|s)?|injur\w*|wound\w*|shot|shoot\w*|kill\w*|attack\w*|harass\w*|"
    r"clobber\w*|whipp?\w*|kick\w*|hit)"
)
_FORCE_ON_OUTSIDERS = re.compile(
    # "police assaulted a journalist", "police fired to disperse the crowd, wounding a bystander"
    rf"(?i)\b{_STATE}\b[^.;]{{0,60}}?\b{_HARM}\b\s+(?:and\s+\w+\s+)?{_OUTSIDERS}\b"
    # "five journalists were beaten by police", "a boy killed by police crossfire"
    rf"|\b{_OUTSIDERS}\b[^.;]{{0,60}}?\b{_HARM}\b[^.;]{{0,30}}?\bby\s+(?:the\s+|a\s+)?(?:\w+\s+)?{_STATE}"
    # "police attacks on innocent civilians"
    rf"|\b{_STATE}\s+(?:attacks?|assaults?|brutality)\s+(?:on|against)\s+{_OUTSIDERS}"
)
# The crowd's violence told as such (a riot, clashes, stones, fire, looting).
_CROWD_VIOLENCE = re.compile(
    r"(?i)\b(?:riot(?:s|ed|ing|ers)?(?!\s+police)|rampage|clash\w*|battles?|fought|fight\w*|ston\w+|"
    r"pelt\w*|threw|hurl\w*|burn\w*|torch\w*|loot\w*|violen\w*|chaos|barricad\w*|bonfires?)\b"
)
# "children who were beaten by police": the harm told of people the sentence is not about.
_RELATIVE = re.compile(r"(?i)\b(?:who|whom|which|that)\b")
# "..., prompting residents to riot", "sparking protests": the harm told as what set off the crowd.
_SPARKED_AFTER = re.compile(
    r"(?i)[^.;]{0,60}?\b(?:prompt\w*|spark\w*|trigger\w*|provok\w*|leading\s+to|led\s+to|caus\w*|"
    r"angering|enraging|sett?ing\s+off)\b[^.;]{0,40}?\b(?:riot\w*|protest\w*|demonstrat\w*|unrest)"
)
# Words that make the crowd's violence the setting of what is told ("during a violent demonstration",
# "while covering the riots").
_SETTING_BEFORE = re.compile(r"(?i)\b(?:during|covering|amid|amidst|in|at)\s+(?:[\w-]+\s+){0,3}$")


def force_on_outsiders(main: Mention, text: str) -> Mention:
    """A demonstration or riot whose note first tells the state harming people who were not taking
    part (journalists, bystanders, children) is the state's attack on civilians."""
    if main.type.acled_type not in ("Protests", "Riots") or not text:
        return main
    found = _FORCE_ON_OUTSIDERS.search(text)
    if found is None or about_grievance(text, found.start()) or _RELATIVE.search(found.group()):
        return main  # what a demonstration is about, or told in a clause about someone else
    if _SPARKED_AFTER.match(text, found.end()):
        return main  # "shot a bystander, prompting residents to riot": the cause of the riot
    if any(
        _SETTING_BEFORE.search(text[max(0, v.start() - 40) : v.start()]) is None
        for v in _CROWD_VIOLENCE.finditer(text, 0, found.start())
    ):
        return main  # the crowd's violence is told first: the riot is the event
    state = _STATE_WORDS.search(text, found.start(), found.end())
    where = (state.start(), state.end()) if state is not None else (found.start(), found.end())
    actor = ActorRef(
        Evidence(main.article_id, where[0], where[1], text[where[0] : where[1]]), kind=ActorKind.STATE_FORCES
    )
    victims = ActorRef(
        Evidence(main.article_id, found.start(), found.end(), found.group()), kind=ActorKind.CIVILIANS
    )
    coded = crosswalk("ASSAULT", None, actor_kind=ActorKind.STATE_FORCES, recipient_kind=ActorKind.CIVILIANS)
    return replace(main, type=coded, actor=actor, recipient=victims)
