"""A crime a note gives as the reason for, or the background of, the act it reports: not the event.

"Police shot dead six gang members suspected of raping a woman", "a mob killed a man accused of
stealing a goat", "three were killed to avenge the murder of a herder": the shooting, the killing are
what happened; the rape, the theft, the murder are earlier events, told to say who the victims were or
why they were attacked (ACLED codes the event the note reports; codebook, Violence against civilians,
Battles, Mob violence: "a crowd punishing a suspected criminal"). The parse often folds the two into
one mention under the crime's word; :func:`act_behind` gives back the act the sentence reports before
the cause phrase, with its own parties, and :func:`told_as_background` says when a report of violence
is only such a reason. General English; nothing is taken from ACLED rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventscope.extract.nested_events import EARLIER_WORDS
from eventscope.models import ActorRef, Evidence, Mention, Modality
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.ontology import crosswalk

_DET = r"(?:(?:the|a|an|his|her|their|its|alleged(?:ly)?|attempted|earlier|recent|previous|reported)\s+)*"
# Words that make the violence named right after them the reason the act before them was done, or who
# its victims were: "suspected of", "accused of", "wanted for", "to avenge the", "in revenge for",
# "in retaliation for", "confessed to having".
_CAUSE_BEFORE = re.compile(
    r"(?i)(?:\b(?:suspected|accused|convicted|blamed|responsible|wanted|notorious|known|linked|"
    r"connected|involved)\s+(?:of|for|with|to|in(?:\s+connection\s+with)?)\s+(?:having\s+(?:been\s+)?)?"
    + _DET
    + r"|\b(?:to|in\s+order\s+to)\s+avenge\s+"
    + _DET
    + r"|\b(?:in\s+)?(?:revenge|retaliation|reprisal|retribution)\s+(?:\w+\s+)?(?:for|over)\s+"
    + _DET
    + r"|\bconfess\w*\s+to\s+(?:having\s+)?"
    + _DET
    + r")$"
)
# The act a sentence reports: harm done, an arrest, property burnt (general English), with the mode it
# has in PLOVER (extraction's modes: a lynching is mob justice, a shooting uses firearms).
_ACTS: tuple[tuple[str, str, str | None], ...] = (
    (r"lynch(?:ed|es|ing)?", "ASSAULT", "mob"),
    (
        r"shot(?:\s+dead)?|shoot(?:s|ing)?(?:\s+dead)?|gunned\s+down|gun(?:s|ning)?\s+down",
        "ASSAULT",
        "firearms",
    ),
    # not "held": "held responsible for", "held a meeting"
    (r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|apprehend(?:ed|s|ing)?|nabbed", "COERCE", "arrest"),
    (r"abduct(?:ed|s|ing)?|kidnap(?:ped|s|ping)?", "ASSAULT", "abduct"),
    (
        r"torch(?:ed|es|ing)?|set\s+ablaze|set\s+(?:on\s+)?fire|burn(?:t|ed|s|ing)?\s+down",
        "ASSAULT",
        "destroy",
    ),
    (
        r"kill(?:ed|s|ing)?|murder(?:ed|s|ing)?|hack(?:ed|s|ing)?(?:\s+to\s+death)?|stab(?:bed|s|bing)?|"
        r"beat(?:en|s|ing)?(?:\s+to\s+death|\s+up)?|attack(?:ed|s|ing)?|assault(?:ed|s|ing)?|"
        r"stoned|clubbed|slashed|hanged|executed|burnt\s+to\s+death|burned\s+to\s+death",
        "ASSAULT",
        None,
    ),
)
_ACT = re.compile(r"(?i)\b(?:" + "|".join(f"({p})" for p, _, _ in _ACTS) + r")\b")
# A clause break between the act and the cause phrase: then the act is not the one the cause explains.
_BREAK = re.compile(r"[;:.()]|\s[-\u2013\u2014]\s|\b(?:and\s+then|but|while|whereas)\b")
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|is|are|been|being|got|get)\s+(?:\w+\s+){0,3}$")
# A word before the act that makes it a noun ("the attack was linked to"), and a cause denied ("not
# linked with robbery"): neither is an act the cause explains.
_NOUN_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|its|their|his|her)\s+$")
_NOT_BEFORE = re.compile(r"(?i)\bnot\s+$")
_BY = re.compile(r"(?i)\bby\s+")
_CLAUSE_START = re.compile(r"(?i)[,;:]|\b(?:after|when|as|while|before|because|who|which|that)\b")


def told_as_background(m: Mention) -> bool:
    """Whether violence is named as what its sentence's people are suspected, accused or wanted of, or
    avenged ("killed a man suspected of stealing", "to avenge the murder of"): a reason, not the act."""
    if m.type.plover not in ("ASSAULT", "FIGHT"):
        return False
    start = m.trigger.start - m.sentence.start
    if not 0 <= start <= len(m.sentence.text):
        return False
    return _CAUSE_BEFORE.search(m.sentence.text[:start]) is not None


# A relative clause that describes people by what they are suspected of: "two men (who were accused
# of killing a trader)", "a gang that is wanted for robbery".
_RELATIVE = re.compile(
    r"(?i)\b(?:who|whom|which|that)\s+(?:(?:is|are|was|were|had|have|has|been|being)\s+)*$"
)


# What came before the sentence's act: "houses were set ablaze ... following the murder of a man"
_EARLIER_BEFORE = re.compile(r"(?i)\S\s+(?:" + "|".join(sorted(EARLIER_WORDS)) + r")\s+the\s+$")


def told_aside(m: Mention) -> bool:
    """Whether violence is told as an aside: in parentheses ("2 fighters (who had killed 5 people) were
    shot dead"), as what a relative clause says people are suspected or accused of ("men who were
    accused of killing a trader"), or as what came before the sentence's act ("houses were set ablaze
    ... following the murder of a man the previous day"). Another report of the note is its main
    event."""
    start = m.trigger.start - m.sentence.start
    if m.type.plover not in ("ASSAULT", "FIGHT") or not 0 <= start <= len(m.sentence.text):
        return False
    before = m.sentence.text[:start]
    if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
        return True
    if _EARLIER_BEFORE.search(before):
        return True
    cause = _CAUSE_BEFORE.search(before)
    return cause is not None and _RELATIVE.search(before[: cause.start()]) is not None


def act_behind(m: Mention) -> Mention | None:
    """The act its sentence reports before the cause phrase of a crime told as background
    (:func:`told_as_background`): "police shot dead six gang members suspected of raping" -> the
    shooting, by the police, of the gang members; "a mob killed a man accused of theft" -> the killing.
    None when the crime is not told as background, or the sentence reports no act before it."""
    if not told_as_background(m):
        return None
    sentence = m.sentence.text
    cause = _CAUSE_BEFORE.search(sentence[: m.trigger.start - m.sentence.start])
    if cause is None:
        return None
    head = sentence[: cause.start()]
    if _NOT_BEFORE.search(head):
        return None
    acts = [
        a
        for a in _ACT.finditer(head)
        if not _BREAK.search(head[a.end() :]) and not _NOUN_BEFORE.search(head[: a.start()])
    ]
    if not acts:
        return None
    act = acts[-1]
    plover, mode = next((p, md) for (_, p, md), g in zip(_ACTS, act.groups(), strict=True) if g)
    clause_start = max((c.end() for c in _CLAUSE_START.finditer(head[: act.start()])), default=0)
    auxiliary = _PASSIVE_BEFORE.search(head[: act.start()])
    subject_zone = (clause_start, auxiliary.start() if auxiliary is not None else act.start())
    object_zone = (act.end(), cause.start())
    by = _BY.search(head, act.end())
    # "were killed", or a headline's "seven bandits killed in X by police": the people before are the victims
    passive = auxiliary is not None or (
        by is not None and not agents_in(head[act.end() : by.start()], armed_only=False)
    )
    if passive:
        actor = _party(m, (by.end(), cause.start()) if by is not None else (0, 0), m.actor)
        recipient = _party(m, subject_zone, m.recipient, words=True)
    else:
        # the subject, or, past an opening phrase ("On 7 May, a mob in X village, reportedly killed"),
        # the last people named before the verb
        sentence_start = max((b.end() for b in _BREAK.finditer(head[: act.start()])), default=0)
        actor = _party(m, subject_zone, m.actor) or _party(m, (sentence_start, act.start()), m.actor)
        recipient = _party(m, object_zone, m.recipient, words=True)
    base = m.sentence.start
    trigger = Evidence(m.article_id, base + act.start(), base + act.end(), act.group())
    kind = actor.kind if actor is not None else None
    coded = crosswalk(plover, mode, actor_kind=kind, recipient_kind=recipient.kind if recipient else None)
    modality = Modality.ASSERTED if m.modality is Modality.ALLEGED else m.modality
    return replace(m, trigger=trigger, type=coded, actor=actor, recipient=recipient, modality=modality)


def _party(
    m: Mention, zone: tuple[int, int], own: ActorRef | None, *, words: bool = False
) -> ActorRef | None:
    """The people named in ``zone`` of the sentence (offsets in it): the mention's own party when its
    words lie there, else the noun phrase of the last agent the agent lexicon finds there, else (with
    ``words``) the zone's words themselves, when short; None for an empty zone."""
    start, end = zone
    base = m.sentence.start
    if start >= end:
        return None
    if own is not None and base + start <= own.evidence.start and own.evidence.end <= base + end:
        return own
    zone_text = m.sentence.text[start:end]
    found = agents_in(zone_text, armed_only=False)
    if found:
        s, e, kind = found[-1]
        breaks = [b.end() for b in _PHRASE_BREAK.finditer(zone_text[:s])]
        s = breaks[-1] if breaks else 0
        s += len(zone_text[s:]) - len(zone_text[s:].lstrip())
        phrase = Evidence(m.article_id, base + start + s, base + start + e, zone_text[s:e])
        return ActorRef(phrase, kind=kind)
    stripped = zone_text.strip(" ,")
    if not words or not stripped or len(stripped) > 60:
        return None
    s = start + zone_text.index(stripped)
    return ActorRef(Evidence(m.article_id, base + s, base + s + len(stripped), stripped))


# Where a noun phrase cannot reach back past: punctuation, a conjunction, a preposition, a verb's particle.
_PHRASE_BREAK = re.compile(r"(?i)[,;:]|\b(?:and|by|dead|down|up|of|to|in|at|on)\b")
