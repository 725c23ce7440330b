"""Records <-> JSON-able dicts, for the edges only (SQL JSON columns, JSONL, the JSON API).

``to_dict`` is generic over our frozen dataclasses; ``from_dict`` is driven by the dataclass
type hints, so a new field in ``models.py`` round trips without touching this file. Decoding is
a tolerant reader: unknown keys are ignored (a JSONL line may carry extra keys such as
``"mentions"``) and missing keys take the field default. A value of the wrong type raises
:class:`InputError` naming the field path.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from eventscope.errors import InputError
from eventscope.models import Article, Event, Mention

T = TypeVar("T")


def to_dict(record: Any) -> dict[str, Any]:
    """A dataclass record as a JSON-able dict: enums -> values, dates -> ISO strings, tuples -> lists."""
    names = _field_names(type(record))
    if names is None:
        raise TypeError(f"to_dict needs a dataclass record, got {type(record).__name__}")
    return {name: _encode(getattr(record, name)) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A record type's field names, looked up once per type (None: not a record type)."""
    if cls not in _FIELD_NAMES:
        is_record = dataclasses.is_dataclass(cls)
        _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls)) if is_record else None
    return _FIELD_NAMES[cls]


_PLAIN = frozenset({str, int, float, bool, type(None)})  # exact types: an enum is never one of them


def _encode(value: Any) -> Any:
    if type(value) in _PLAIN:  # most values: checked first, by exact type
        return value
    if isinstance(value, Enum):  # before str: our enums are StrEnums
        return value.value
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):  # datetime is a date too; isoformat keeps the offset
        return value.isoformat()
    names = _field_names(type(value))
    if names is not None:
        return {name: _encode(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a record of dataclass ``cls`` from :func:`to_dict` output."""
    return typing.cast(T, _decode(cls, data, cls.__name__))


def mention_from_dict(d: Mapping[str, Any]) -> Mention:
    return from_dict(Mention, d)


def event_from_dict(d: Mapping[str, Any]) -> Event:
    return from_dict(Event, d)


def article_from_dict(d: Mapping[str, Any]) -> Article:
    return from_dict(Article, d)


@cache
def _hints(cls: type) -> dict[str, Any]:
    # models.py uses postponed annotations; resolve them once per class.
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise InputError(f"{path}: must not be null")
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:  # our records only use Optional[X]
            raise TypeError(f"{path}: unsupported union {tp}")
        return _decode(inner[0], value, path)
    if value is None:
        raise InputError(f"{path}: must not be null")
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(value, list | tuple):
            raise InputError(f"{path}: expected a list, got {type(value).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{path}[{i}]") for i, v in enumerate(value))
        return tuple(_decode(a, v, f"{path}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True)))
    if origin is dict:
        return dict(value)
    if isinstance(tp, type):
        return _decode_type(tp, value, path)
    raise TypeError(f"{path}: unsupported type {tp}")


def _decode_type(tp: type, value: Any, path: str) -> Any:
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, Mapping):
            raise InputError(f"{path}: expected an object, got {type(value).__name__}")
        hints = _hints(tp)
        kwargs = {
            f.name: _decode(hints[f.name], value[f.name], f"{path}.{f.name}")
            for f in dataclasses.fields(tp)
            if f.name in value
        }
        try:
            return tp(**kwargs)
        except TypeError as exc:  # a required field is missing
            raise InputError(f"{path}: {exc}") from exc
    if issubclass(tp, Enum):
        try:
            return tp(value)
        except ValueError as exc:
            allowed = ", ".join(str(m.value) for m in tp)
            raise InputError(f"{path}: {value!r} is not one of {allowed}") from exc
    if tp is datetime or tp is date:
        if isinstance(value, tp):
            return value
        try:
            return tp.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"{path}: {value!r} is not an ISO {tp.__name__}") from exc
    if tp is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise InputError(f"{path}: expected a number, got {value!r}")
    if tp is int or tp is bool or tp is str:
        if type(value) is tp:
            return value
        raise InputError(f"{path}: expected {tp.__name__}, got {value!r}")
    raise TypeError(f"{path}: unsupported type {tp.__name__}")
