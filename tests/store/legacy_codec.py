"""The codec as it was before its writers and readers were compiled (commit 8528f0c), kept
verbatim as the reference the compiled codec must match byte for byte: stored JSON may not
change."""

# ruff: noqa
from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from workstation.domain.messages import Message

T = TypeVar("T")

_DECIMAL_TAG = "$decimal"


def to_plain(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (dataclass, tuple, Decimal, Enum, date, scalar)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _writer(type(value))(value)
    return _generic_to_plain(value)


def _generic_to_plain(value: Any) -> Any:
    if isinstance(value, Message):  # placeholders are typed Any: keep their Decimals exact
        return {"template": value.template, "params": message_params_to_plain(value.params)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _generic_to_plain(getattr(value, f.name)) for f in _fields(type(value))}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool) or value is None or isinstance(value, int | str | float):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


@cache
def _writer(tp: Any) -> Callable[[Any], Any]:
    """A function writing a value of declared type ``tp`` (built once a type: batch
    re-scoring encodes a decision per case, and the generic walk costs 4x as much)."""
    if tp is Message:
        return _generic_to_plain
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            inner = _writer(args[0])
            return lambda v: None if v is None else inner(v)
        return to_plain
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _writer(args[0])
            return lambda v: [item(x) for x in v]
        writers = [_writer(a) for a in args]
        return lambda v: [w(x) for w, x in zip(writers, v, strict=True)]
    if tp is Decimal:
        return str
    if tp in (int, str, bool, float):
        return lambda v: v.value if isinstance(v, Enum) else v
    if isinstance(tp, type) and issubclass(tp, Enum):
        return lambda v: v.value if isinstance(v, Enum) else v
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = [(f.name, _writer(hints[f.name])) for f in _fields(tp)]

        def write(value: Any) -> Any:
            if type(value) is not tp:  # a subclass or a stand-in: walk it generically
                return _generic_to_plain(value)
            return {name: w(getattr(value, name)) for name, w in fields}

        return write
    return _generic_to_plain


def _any_to_plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {_DECIMAL_TAG: str(value)}
    return to_plain(value)


def dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_plain(cls, json.loads(text))


def from_plain(cls: type[T], data: Any) -> T:
    return _reader(cls)(data)  # type: ignore[no-any-return]


@cache
def _fields(cls: type) -> tuple[dataclasses.Field, ...]:
    return dataclasses.fields(cls)


@cache
def _reader(tp: Any) -> Callable[[Any], Any]:
    """A function that rebuilds a value of type ``tp`` from its JSON form (built once a type)."""
    if tp is Any:
        return _any_from_plain
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _reader(args[0]) if len(args) == 1 else _any_from_plain
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _reader(args[0])
            return lambda v: tuple(item(x) for x in v)
        readers = [_reader(a) for a in args]
        return lambda v: tuple(r(x) for r, x in zip(readers, v, strict=True))
    if tp is Decimal:
        return Decimal
    if tp is date:
        return date.fromisoformat
    if tp in (int, str, bool, float):
        return lambda v: v
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if dataclasses.is_dataclass(tp):
        return _dataclass_reader(tp)
    raise TypeError(f"cannot read {tp!r} from JSON")


def _dataclass_reader(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    readers = [(f.name, _reader(hints[f.name])) for f in _fields(cls) if f.init]

    def read(data: dict[str, Any]) -> Any:
        # a field missing from an older row takes its default
        return cls(**{name: reader(data[name]) for name, reader in readers if name in data})

    return read


def _any_from_plain(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {_DECIMAL_TAG}:
        return Decimal(value[_DECIMAL_TAG])
    if isinstance(value, list):
        return tuple(_any_from_plain(v) for v in value)
    return value


def message_params_to_plain(params: tuple[tuple[str, Any], ...]) -> list[list[Any]]:
    return [[name, _any_to_plain(v)] for name, v in params]
