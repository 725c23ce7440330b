"""PLOVER <-> ACLED <-> CAMEO: one event coded in the three ontologies analysts use.

PLOVER (openeventdata, manual 0.7b1) is the primary coding: its 16 event types and their modes, plus
FIGHT, the two-sided armed clash of PLOVER 0.6 (CAMEO 19/20), which 0.7 folded into ASSAULT and which
we keep because ACLED separates battles from one-sided attacks. Older names are accepted and mapped:
DISAPPROVE and INVESTIGATE (0.6, merged into 0.7's ACCUSE), REQUEST (early drafts, now DEMAND) and
COOPERATION (CAMEO-PLOV's spelling of COOPERATE); so are the mode spellings of the PLOVER gold standard
records and of CAMEO-PLOV ("demo-org", "hunger-strike", ...).

ACLED's pair depends on more than the PLOVER type: an attack on civilians is Violence against
civilians/Attack, the same attack on soldiers is Battles/Armed clash. The rules, with the CAMEO root
for each, live in ``ontology_crosswalk.csv`` beside this module: tried top to bottom, first match wins.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventscope.errors import EventscopeError, NotFoundError
from eventscope.models import ActorKind, EventType

TABLE = "ontology_crosswalk.csv"

# ACLED codebook: 6 event types, 25 sub-event types.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# PLOVER 0.7b1 modes per type (its mode tables), plus FIGHT from 0.6. Our extensions, for distinctions
# ACLED makes and PLOVER leaves to context: ASSAULT aerial/grenade/chemical/mob (lynching, mob justice:
# ACLED Mob violence whoever the crowd is), COERCE territory/
# disrupt-weapons, MOBILIZE base, FIGHT aerial/territory, ACCUSE investigate (0.6's INVESTIGATE).
# MOBILIZE recruit (recruitment into an armed group: ACLED Change to group/activity) is ours too.
# COERCE destroy is PLOVER 0.6's (0.7 moved it to ASSAULT); both are kept.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "host", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "DEMAND": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("investigate",),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "police", "base", "recruit"),
    "COERCE": (
        "confiscate",
        "destroy",
        "restrict",
        "ban",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "territory",
        "disrupt-weapons",
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "execute",
        "sexual",
        "assassinate",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "heavy-weapons",
        "aerial",
        "grenade",
        "chemical",
        "mob",
    ),
    "FIGHT": ("firearms", "heavy-weapons", "aerial", "territory", "other"),
}

# Older or other spellings of a type -> (type, mode it implies).
TYPE_ALIASES: dict[str, tuple[str, str | None]] = {
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "REQUEST": ("DEMAND", None),
    "COOPERATION": ("COOPERATE", None),
}

# Other spellings of a mode, per type; None: the spelling names no PLOVER mode (a plain meeting).
MODE_ALIASES: dict[str, dict[str, str | None]] = {
    "PROTEST": {
        "demo-org": "demo",
        "demo-spon": "demo",
        "demonstrate": "demo",
        "riot-spon": "riot",
        "hunger-strike": "strike-hun",
        "strike": "strike-gen",
    },
    "ASSAULT": {
        "suicide-bomb": "suicide-attack",
        "property": "destroy",
        "shelling": "heavy-weapons",
        "artillery": "heavy-weapons",
        "air": "aerial",
        "airstrike": "aerial",
        "drone": "aerial",
        "ied": "explosives",
        "kidnap": "abduct",
        "lynch": "mob",
    },
    "FIGHT": {"shelling": "heavy-weapons", "artillery": "heavy-weapons", "seize": "territory"},
    "COERCE": {
        "seize": "territory",
        "occupy": "territory",
        "capture": "territory",
        "demolish": "destroy",
        "detain": "arrest",
        "crackdown": None,
    },
    "CONSULT": {"meet": None, "third-location": "third-party"},
    "RETREAT": {"military": "withdraw", "retreat": "withdraw"},
    "THREATEN": {"curfew": "restrict"},
}


@dataclass(frozen=True, slots=True)
class CrosswalkRule:
    """One row of the crosswalk table: conditions (None = any) and the coding they give."""

    line: int
    plover: str
    mode: str | None
    actor_kinds: frozenset[ActorKind] | None
    recipient_kinds: frozenset[ActorKind] | None
    fatalities: bool | None
    acled_type: str
    acled_sub_type: str
    cameo_root: str

    def matches(
        self,
        mode: str | None,
        actor_kind: ActorKind | None,
        recipient_kind: ActorKind | None,
        fatalities: bool | None,
    ) -> bool:
        return (
            (self.mode is None or self.mode == mode)
            and (self.actor_kinds is None or actor_kind in self.actor_kinds)
            and (self.recipient_kinds is None or recipient_kind in self.recipient_kinds)
            and (self.fatalities is None or self.fatalities == fatalities)
        )

    def covers(self, other: CrosswalkRule) -> bool:
        """True when every case ``other`` matches is matched by this rule too (so, earlier, it hides it)."""

        def wider(mine: object, theirs: object) -> bool:
            if mine is None:
                return True
            if theirs is None:
                return False
            if isinstance(mine, frozenset) and isinstance(theirs, frozenset):
                return theirs <= mine
            return mine == theirs

        return (
            wider(self.mode, other.mode)
            and wider(self.actor_kinds, other.actor_kinds)
            and wider(self.recipient_kinds, other.recipient_kinds)
            and wider(self.fatalities, other.fatalities)
        )


def plover_types() -> tuple[str, ...]:
    """The PLOVER event types we code (0.7's sixteen, plus FIGHT)."""
    return tuple(PLOVER_MODES)


def plover_modes(plover: str) -> tuple[str, ...]:
    """The modes a PLOVER type (or an older name of one) accepts."""
    return PLOVER_MODES[normalise_plover(plover)[0]]


def acled_types() -> dict[str, tuple[str, ...]]:
    """ACLED event type -> its sub-event types (the codebook's 25)."""
    return dict(ACLED_TYPES)


def normalise_plover(plover: str, mode: str | None = None) -> tuple[str, str | None]:
    """The canonical (type, mode) for a PLOVER type and mode in any accepted spelling.

    Raises NotFoundError for a type or mode PLOVER does not have.
    """
    name = plover.strip().upper()
    implied: str | None = None
    if name in TYPE_ALIASES:
        name, implied = TYPE_ALIASES[name]
    if name not in PLOVER_MODES:
        raise NotFoundError(f"unknown PLOVER event type {plover!r}; use one of {', '.join(PLOVER_MODES)}")
    spelled = (mode or "").strip().lower().replace("_", "-")
    if not spelled:
        return name, implied
    aliases = MODE_ALIASES.get(name, {})
    if spelled in aliases:
        return name, aliases[spelled]
    if spelled not in PLOVER_MODES[name]:
        valid = ", ".join(PLOVER_MODES[name]) or "none"
        raise NotFoundError(f"unknown mode {mode!r} for PLOVER {name}; its modes are: {valid}")
    return name, spelled


def crosswalk(
    plover: str,
    mode: str | None = None,
    *,
    recipient_kind: ActorKind | None = None,
    actor_kind: ActorKind | None = None,
    fatalities: bool | None = None,
) -> EventType:
    """Code a PLOVER type and mode in ACLED and CAMEO too.

    ``recipient_kind`` and ``actor_kind`` (ACLED inter kinds) decide splits such as Violence against
    civilians vs Battles; ``fatalities`` (deaths reported or not) separates Excessive force against
    protesters from Protest with intervention. Unknown type or mode: NotFoundError.
    """
    name, canonical_mode = normalise_plover(plover, mode)
    for rule in _rules()[name]:
        if rule.matches(canonical_mode, actor_kind, recipient_kind, fatalities):
            return EventType(name, canonical_mode, rule.acled_type, rule.acled_sub_type, rule.cameo_root)
    raise EventscopeError(f"{TABLE} has no default row for {name}; add one with no conditions")


def crosswalk_rules() -> dict[str, tuple[CrosswalkRule, ...]]:
    """The crosswalk table, by PLOVER type, in the order rules are tried."""
    return dict(_rules())


@cache
def _rules() -> dict[str, tuple[CrosswalkRule, ...]]:
    text = resources.files("eventscope.resolve").joinpath(TABLE).read_text(encoding="utf-8")
    return parse_rules(text)


def parse_rules(text: str) -> dict[str, tuple[CrosswalkRule, ...]]:
    """Parse and check a crosswalk table; a row that is wrong raises EventscopeError naming its line."""
    numbered = [(i, line) for i, line in enumerate(text.splitlines(), start=1) if not line.startswith("#")]
    reader = csv.DictReader([line for _, line in numbered])
    by_type: dict[str, list[CrosswalkRule]] = {name: [] for name in PLOVER_MODES}
    for (line_no, _), row in zip(numbered[1:], reader, strict=True):
        rule = _parse_row(row, line_no)
        for earlier in by_type[rule.plover]:
            if earlier.covers(rule):
                raise EventscopeError(
                    f"{TABLE} line {line_no}: never used, line {earlier.line} above matches every case first"
                )
        by_type[rule.plover].append(rule)
    for name, rules in by_type.items():
        if not rules or not _is_default(rules[-1]):
            raise EventscopeError(f"{TABLE}: {name} must end with a default row that has no conditions")
    return {name: tuple(rules) for name, rules in by_type.items()}


def _is_default(rule: CrosswalkRule) -> bool:
    return (
        rule.mode is None
        and rule.actor_kinds is None
        and rule.recipient_kinds is None
        and rule.fatalities is None
    )


def _parse_row(row: dict[str, str], line: int) -> CrosswalkRule:
    def fail(what: str) -> EventscopeError:
        return EventscopeError(f"{TABLE} line {line}: {what}; fix the row")

    plover = (row.get("plover") or "").strip()
    if plover not in PLOVER_MODES:
        raise fail(f"unknown PLOVER type {plover!r}")
    mode = (row.get("mode") or "").strip() or None
    if mode is not None and mode not in PLOVER_MODES[plover]:
        raise fail(f"{mode!r} is not a mode of {plover}")
    acled_type = (row.get("acled_type") or "").strip()
    acled_sub_type = (row.get("acled_sub_type") or "").strip()
    if acled_sub_type not in ACLED_TYPES.get(acled_type, ()):
        raise fail(f"{acled_type!r} / {acled_sub_type!r} is not an ACLED event type and sub-event type")
    cameo = (row.get("cameo_root") or "").strip()
    if not (len(cameo) == 2 and cameo.isdigit() and 1 <= int(cameo) <= 20):
        raise fail(f"CAMEO root {cameo!r} must be two digits, 01 to 20")
    fatalities_text = (row.get("fatalities") or "").strip().lower()
    if fatalities_text not in ("", "yes", "no"):
        raise fail(f"fatalities must be yes, no or empty, not {fatalities_text!r}")
    return CrosswalkRule(
        line=line,
        plover=plover,
        mode=mode,
        actor_kinds=_kinds(row.get("actor_kind") or "", fail),
        recipient_kinds=_kinds(row.get("recipient_kind") or "", fail),
        fatalities=None if not fatalities_text else fatalities_text == "yes",
        acled_type=acled_type,
        acled_sub_type=acled_sub_type,
        cameo_root=cameo,
    )


def _kinds(text: str, fail: Callable[[str], EventscopeError]) -> frozenset[ActorKind] | None:
    parts = [p.strip() for p in text.split("|") if p.strip()]
    if not parts:
        return None
    known = {k.value for k in ActorKind}
    unknown = [p for p in parts if p not in known]
    if unknown:
        raise fail(f"unknown actor kind {unknown[0]!r}; use one of {', '.join(sorted(known))}")
    return frozenset(ActorKind(p) for p in parts)
