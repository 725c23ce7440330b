"""Removing publisher boilerplate ("Read also:", share buttons, disclaimers) from article text.

The patterns live in ``boilerplate.yaml`` beside this module, each with the reason recorded in
:class:`~eventscope.models.RemovedText` and examples the tests check. Rules match whole lines,
so a rule can remove a line but never part of a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventscope.errors import ConfigError
from eventscope.models import RemovedText

# The headline that follows a bare "Read also:" label: one line, headline-sized.
HEADLINE_MAX_WORDS = 30
# After a blank line it might be the next paragraph of the article instead; be stricter.
DETACHED_HEADLINE_MAX_WORDS = 20


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    reason: str
    pattern: re.Pattern[str]
    takes_next: bool = False
    to_block_end: bool = False
    examples: tuple[str, ...] = ()
    keeps: tuple[str, ...] = ()

    def matches(self, line: str) -> bool:
        return self.pattern.fullmatch(line.strip()) is not None


@cache
def load_rules() -> tuple[BoilerplateRule, ...]:
    """The rules from ``boilerplate.yaml``, compiled once."""
    import yaml

    source = resources.files("eventscope.ingest").joinpath("boilerplate.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    rules = []
    for i, entry in enumerate(data.get("rules", [])):
        try:
            rules.append(
                BoilerplateRule(
                    reason=str(entry["reason"]),
                    pattern=re.compile(entry["pattern"], re.IGNORECASE),
                    takes_next=bool(entry.get("takes_next", False)),
                    to_block_end=bool(entry.get("to_block_end", False)),
                    examples=tuple(entry.get("examples", ())),
                    keeps=tuple(entry.get("keeps", ())),
                )
            )
        except (KeyError, TypeError, re.error) as exc:
            raise ConfigError(f"boilerplate.yaml rule {i + 1} is malformed ({exc}); fix the file") from exc
    return tuple(rules)


def match_rule(line: str, rules: tuple[BoilerplateRule, ...] | None = None) -> BoilerplateRule | None:
    """The first rule that matches this whole line, if any."""
    stripped = line.strip()
    if not stripped:
        return None
    for rule in load_rules() if rules is None else rules:
        if rule.pattern.fullmatch(stripped):
            return rule
    return None


def strip_boilerplate(text: str) -> tuple[str, tuple[RemovedText, ...]]:
    """Text without boilerplate lines, and what was removed (in order, with reasons).

    Expects normalised text (``\\n`` line ends); returns it with runs of blank lines collapsed to one.
    """
    lines = text.split("\n")
    kept: list[str] = []
    removed: list[RemovedText] = []
    i = 0
    while i < len(lines):
        rule = match_rule(lines[i])
        if rule is None:
            kept.append(lines[i])
            i += 1
            continue
        block = [lines[i].strip()]
        i += 1
        if rule.to_block_end:
            while i < len(lines) and lines[i].strip():
                block.append(lines[i].strip())
                i += 1
        removed.append(RemovedText("\n".join(block), rule.reason))
        if rule.takes_next:
            headline_at = _headline_after(lines, i)
            if headline_at is not None:
                removed.append(RemovedText(lines[headline_at].strip(), rule.reason))
                i = headline_at + 1
    return collapse_blank_lines("\n".join(kept)), tuple(removed)


def collapse_blank_lines(text: str) -> str:
    """At most one blank line between paragraphs, none at either end."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _headline_after(lines: list[str], start: int) -> int | None:
    """Index of the headline line a bare "Read also:" label points to, if there is one."""
    j = start
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines):
        return None
    candidate = lines[j].strip()
    if match_rule(candidate) is not None:
        return None  # another boilerplate line: its own rule will handle it
    words = len(candidate.split())
    if j == start:
        return j if words <= HEADLINE_MAX_WORDS else None
    # Separated by a blank line: only a short line that does not read as a sentence.
    if words <= DETACHED_HEADLINE_MAX_WORDS and not candidate.endswith((".", "!", "?", '"', "”")):
        return j
    return None
