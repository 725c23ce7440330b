"""Stated intentions: what an actor says it will (or will not) do is coded as the intention.

PLOVER codes a promise or stated willingness to cooperate as AGREE ("Syria says it is willing to
withdraw", "Finland will give Tanzania a grant", "the rebels said they will release the minister"),
an announced hostile act as THREATEN ("they would boycott all contact", "will withdraw its force
unless ..."), and a refusal stated about the future as REJECT ("will not accept more refugees"),
following CAMEO's 03 (express intent to cooperate), 13 (threaten) and 12 (reject).

Only two cues count: a future auxiliary on the trigger ("will", "would", "shall", "'ll"), and a
willingness adjective governing it ("willing", "ready", "prepared" as an adjective, "determined").
"Could"/"may" are speculation, not intent; "prepared to resume shelling" with "prepare" as a verb
is preparation (MOBILIZE/ASSAULT as coded), not a stated intention.
"""

from __future__ import annotations

from spacy.tokens import Token

FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
WILLING = frozenset({"willing", "ready", "prepared", "determined", "committed", "eager"})
NEGATORS = frozenset({"not", "never", "n't"})
# Announced material hostility is a threat; announced cooperation (or yielding) is an agreement.
HOSTILE = frozenset({"SANCTION", "FIGHT", "ASSAULT", "COERCE"})
HOSTILE_PROTEST_MODES = frozenset({"boycott", "obstruct"})
COOPERATIVE = frozenset({"AID", "CONSULT", "CONCEDE", "COOPERATE", "SUPPORT", "AGREE", "RETREAT"})


def intent_type(trigger: Token, plover: str, mode: str | None) -> tuple[str, str | None] | None:
    """The (type, mode) a stated intention codes to, or None when the trigger is not one."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    willing = trigger.dep_ == "xcomp" and trigger.head.lower_ in WILLING and trigger.head.pos_ == "ADJ"
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in trigger.children)
    if not (willing or future):
        return None
    holder = trigger.head if willing else trigger
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in holder.children if c.i < trigger.i)
    hostile = plover in HOSTILE or (plover == "PROTEST" and mode in HOSTILE_PROTEST_MODES)
    if negated:
        return ("REJECT", None) if plover in COOPERATIVE else None
    if hostile:
        return "THREATEN", None
    if plover == "RETREAT" and mode == "military" and not willing:
        # announcing a pull-out ("will withdraw its peacekeepers unless ...") is leverage, not a gift
        return "THREATEN", None
    if plover in COOPERATIVE and plover != "AGREE":
        return "AGREE", None
    return None
