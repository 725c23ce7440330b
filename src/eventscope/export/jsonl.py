"""JSONL: one event per line with its mentions, lossless (every field and its evidence)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TextIO

from eventscope.errors import InputError
from eventscope.models import Event, Mention
from eventscope.store.codec import event_from_dict, mention_from_dict, to_dict


def write_jsonl(
    events: Sequence[Event],
    mentions_by_event: Mapping[str, Sequence[Mention]],
    out: TextIO,
    *,
    outlets: Mapping[str, str] | None = None,
) -> int:
    """Write ``to_dict(event)`` plus ``"mentions": [...]`` per line; returns the lines written.

    With ``outlets`` (article id -> outlet) each mention also carries ``"outlet"``, which
    :func:`read_jsonl` ignores.
    """
    written = 0
    for event in events:
        line = to_dict(event)
        line["mentions"] = [_mention(m, outlets) for m in mentions_by_event.get(event.id, ())]
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        written += 1
    return written


def _mention(mention: Mention, outlets: Mapping[str, str] | None) -> dict[str, object]:
    d = to_dict(mention)
    if outlets is not None:
        d["outlet"] = outlets.get(mention.article_id)
    return d


def read_jsonl(lines: Iterable[str]) -> Iterator[tuple[Event, list[Mention]]]:
    """Read back what :func:`write_jsonl` wrote: (event, its mentions) per non-blank line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"line {number}: not JSON ({exc.msg}); is this an eventscope JSONL export?"
            ) from exc
        if not isinstance(data, dict):
            raise InputError(f"line {number}: expected a JSON object per line")
        try:
            yield event_from_dict(data), [mention_from_dict(m) for m in data.get("mentions", [])]
        except InputError as exc:
            raise InputError(f"line {number}: {exc}") from exc
