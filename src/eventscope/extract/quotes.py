"""Evidence quotes the article as it is, even when the parser saw a re-cased copy of it.

The truecaser (see nlp.py) lets the model read ALL-CAPS wire copy; it keeps every character offset, so
spans found in the parsed text are spans of the article text, but their quoted text must be re-cut from
the article itself.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from eventscope.models import Evidence

T = TypeVar("T")


def requote(record: T, text: str) -> T:
    """A copy of ``record`` whose every Evidence quotes ``text`` at its span."""
    return _walk(record, text)  # type: ignore[no-any-return]


# Field names per record type; () for anything that is not a record (str, int, date, enum, None).
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(value: Any) -> tuple[str, ...]:
    cls = type(value)
    names = _FIELDS.get(cls)
    if names is None:
        is_record = dataclasses.is_dataclass(value) and not isinstance(value, type)
        names = tuple(f.name for f in dataclasses.fields(value)) if is_record else ()
        _FIELDS[cls] = names
    return names


def _walk(value: Any, text: str) -> Any:
    if isinstance(value, Evidence):
        quoted = text[value.start : value.end]
        return value if quoted == value.text else dataclasses.replace(value, text=quoted)
    if isinstance(value, tuple):
        items = tuple(_walk(v, text) for v in value)
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    changes = {}
    for name in _fields(value):
        old = getattr(value, name)
        new = _walk(old, text)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value
