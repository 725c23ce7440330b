"""Violence a note tells only as the reason for a development: the development is the event.

"Security was beefed up along the border following the killing of two herders", "troops were put on
standby to quell clashes", "schools were closed due to persistent attacks": what happened is the
deployment or the closure (ACLED codebook, Strategic developments: Change to group/activity, "a
significant change in an armed actor's activity", such as deploying forces; Other); the killing, the
clashes, the attacks are earlier events, or feared ones, coded on their own reports. General English;
nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.evaluate.acled_crowds import crowd_turned_violent
from eventscope.models import Mention, Modality
from eventscope.resolve.ontology import crosswalk

# A change in the forces' activity: deployed, sent, rushed, beefed up, put on standby, patrols
# intensified, kept vigil, monitoring.
_DEPLOYED = (
    r"deploy(?:s|ed|ing|ment)?|dispatch(?:es|ed|ing)?|rushed|beef(?:s|ed|ing)?\s+up|(?:step(?:s|ped)?|"
    r"scal(?:e|ed))\s+up|intensif(?:y|ies|ied|ying)|heighten(?:s|ed)?|tighten(?:s|ed)?|reinforc(?:e|es|ed|ing|ements)|"
    r"(?:put|placed|kept)\s+on\s+(?:standby|high\s+alert|alert)|kept\s+vigil|keep\s+vigil|"
    r"(?:sent|send|sends|moved|moves|relocated)\s+(?:more\s+|additional\s+|extra\s+)?(?:troops|forces|officers|"
    r"police|soldiers|security|personnel|units?)|monitor(?:s|ed|ing)?|patrols?\s+(?:have|has|had)\s+been|"
    r"security\s+(?:patrols?|operations?|measures|sweeps?)|sweeps?|crackdowns?"
)
# Closures and suspensions a note may say violence caused.
_CLOSED = r"closed|shut(?:\s+down)?|suspended|postponed|cancelled|canceled|evacuated|abandoned|relocated"
_DEVELOPMENT = re.compile(rf"(?i)\b(?:{_DEPLOYED}|{_CLOSED})\b")
_DEPLOYMENT = re.compile(rf"(?i)\b(?:{_DEPLOYED})\b")
# Words that make what follows the reason or purpose of what came before.
_CAUSE = re.compile(
    r"(?i)\b(?:following|in\s+the\s+wake\s+of|after|over|due\s+to|because\s+of|owing\s+to|amid|in\s+response\s+to|"
    r"as\s+a\s+result\s+of|to\s+(?:help\s+)?(?:quell|prevent|stop|curb|contain|end|forestall|deter|avert|counter)|"
    r"in\s+a\s+bid\s+to\s+(?:quell|prevent|stop|curb|contain|end))\b"
)
# Causes told as a standing condition, not as an event before: a closure "due to insecurity".
_CONDITION = re.compile(r"(?i)due|because|owing|amid|as\s+a\s+result|over")
# Violence named as what someone is charged with, tried, convicted or investigated for ("under
# investigation for the murder of", "convicted of killing", "suspected of burning", "arrested in
# connection with the recent Ugandan bombing"; up to two words after a determiner): the legal step is
# the event (ACLED: Arrests, or Other for a ruling), the violence an earlier one.
_CHARGED = re.compile(
    r"(?i)\b(?:investigat\w*|prob(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|convict\w*|sentenc\w*|trial|tried|"
    r"prosecut\w*|indict\w*|arraign\w*|jail\w*|acquit\w*|guilty|arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?)\b"
    r"(?:\s+[\w-]+){0,6}?\s+(?:for|of|with|over|into|in\s+connection\s+with)"
    r"\s+(?:(?:the|a|an|his|her|their|its)\s+(?:[\w'-]+\s+){0,2}|"
    r"(?:(?:the|a|an|his|her|their|its|alleged(?:ly)?|attempted)\s+)*)$"
)
# People freed: what the abduction named after it is the earlier fate of (general English).
_RESCUED = re.compile(
    r"(?i)\b(?:rescu(?:e|es|ed|ing)|freed|free|frees|releas(?:e|es|ed|ing)|recover(?:s|ed|ing)?|reunit\w*)\b"
    r"(?:\s+[\w'-]+){0,6}?\s+(?:who\s+(?:had\s+been|were|was)\s+)?$"
)
# A break after which a clause may tell another event.
_BREAK = re.compile(r"[;:.]|\s[-–—]\s")


_ARRESTED = re.compile(r"(?i)\b(?:arrest\w*|detain\w*|apprehend\w*|nabbed|held|custody)\b")


def harm_counted(mention: Mention) -> bool:
    """Whether the report counts people killed or hurt: the violence is told as an event of its own."""
    return any(g.kind in ("killed", "injured") and (g.low or 0) > 0 for g in mention.magnitudes)


def told_as_cause(mention: Mention) -> str | None:
    """How a violent ``mention`` is told as the reason for something else in its sentence: "legal"
    when it is what someone is charged with, tried or arrested for; "other" when it is the abduction
    of people rescued; "deploy" or "other" when it follows a deployment or a closure and a word that
    makes it the reason or purpose, with no clause break between; None otherwise."""
    sentence = mention.sentence
    before = sentence.text[: mention.trigger.start - sentence.start]
    if _CHARGED.search(before):
        return "legal"
    if mention.type.plover_mode == "abduct" and _RESCUED.search(before):
        return "other"  # "troops rescued two of the pupils kidnapped in the raid": the rescue
    cause = None
    for found in _CAUSE.finditer(before):
        cause = found
    if cause is None or _BREAK.search(before[cause.end() :]) or "," in before[cause.end() :]:
        return None
    head = before[: cause.start()]
    breaks = list(_BREAK.finditer(head))
    head = head[breaks[-1].end() :] if breaks else head
    if _DEPLOYMENT.search(head):
        return "deploy"
    if _DEVELOPMENT.search(head) and _CONDITION.match(cause.group(0)):
        return "other"  # "closed due to persistent attacks": not "suspended after youths attacked"
    return None


def development_behind(main: Mention) -> Mention:
    """``main`` coded as the development its sentence tells it as the reason for: Change to
    group/activity for a deployment, Other for a closure (:func:`told_as_cause`); unchanged
    otherwise, and for violence it does not precede as a reason."""
    if main.type.plover not in ("ASSAULT", "FIGHT") or harm_counted(main):
        return main
    kind = told_as_cause(main)
    if kind is None:
        return main
    actor = main.actor.kind if main.actor is not None else None
    if kind == "legal":
        plover, mode = ("COERCE", "arrest") if _ARRESTED.search(main.sentence.text) else ("COERCE", None)
        return replace(main, type=crosswalk(plover, mode, actor_kind=actor), actor=None, recipient=None)
    if kind == "deploy":
        return replace(
            main, type=crosswalk("MOBILIZE", "troops", actor_kind=actor), actor=None, recipient=None
        )
    return replace(main, type=crosswalk("MOBILIZE", None, actor_kind=actor), actor=None, recipient=None)


_WEAK = frozenset({Modality.PLANNED, Modality.DENIED, Modality.NEGATED})


def arrest_outside_riot(main: Mention, mentions: Sequence[Mention], text: str) -> Mention:
    """An arrest coded a riot because those arrested read as rioters, in a note that reports no
    demonstration and no crowd violence ("police arrested 30 youths who were planning to disrupt a
    rally"): ACLED codebook, Arrests (a riot's arrests belong to the riot only when there is one)."""
    if main.type.plover != "COERCE" or main.type.plover_mode != "arrest" or main.type.acled_type != "Riots":
        return main
    others = [m for m in mentions if m is not main and m.modality not in _WEAK]
    if any(m.type.plover == "PROTEST" for m in others) or crowd_turned_violent(others, text):
        return main
    return replace(main, type=crosswalk("COERCE", "arrest"))
