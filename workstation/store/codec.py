"""Domain records to JSON text and back, exactly: Decimals as strings, fen as integers.

Frozen dataclasses with tuple children (applications, decisions) are written as JSON
objects named by field; reading them back follows the fields' declared types, so a
``Decimal`` comes back a ``Decimal`` and a tuple a tuple. A value typed ``Any`` (a
message's placeholders) keeps its Decimal as ``{"$decimal": "0.9"}``.
"""

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
    write = _WRITERS.get(type(value))
    if write is not None:
        return write(value)
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


# -- writers compiled once a type --------------------------------------------------------------
#
# Batch re-scoring encodes a decision per case, and the generic walk above (an
# ``is_dataclass`` and a chain of ``isinstance`` per value) costs several times the JSON
# encoding itself. So each dataclass gets a function generated from its declared field types,
# once: fields read into locals, scalars passed through with one ``type(...) is`` check,
# Decimals ``str``-ed, tuples as list comprehensions, nested dataclasses by their own
# function. Every shortcut falls back to the generic rule above for a value that is not of
# the declared type, so the JSON written is exactly what the generic walk writes.

_WRITERS: dict[type, Callable[[Any], Any]] = {}
_PLAIN_PARAM_TYPES = frozenset({str, int, bool, float, type(None)})


def _scalar_to_plain(value: Any) -> Any:
    """A value declared int/str/bool/float or an Enum: its ``value`` if it is an Enum."""
    return value.value if isinstance(value, Enum) else value


def _message_to_plain(value: Any) -> Any:
    if not isinstance(value, Message):
        return _generic_to_plain(value)
    return {
        "template": value.template,
        "params": [
            [name, v if type(v) in _PLAIN_PARAM_TYPES else _any_to_plain(v)]
            for name, v in value.params
        ],
    }


class _Code:
    """Names a generated function refers to, and fresh local names."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {
            "_generic": _generic_to_plain,
            "_to_plain": to_plain,
            "_scalar": _scalar_to_plain,
            "_message": _message_to_plain,
        }
        self.count = 0

    def bind(self, obj: Any) -> str:
        name = f"_o{len(self.env)}"
        self.env[name] = obj
        return name

    def local(self) -> str:
        self.count += 1
        return f"v{self.count}"


def _write_expr(tp: Any, var: str, code: _Code) -> str:
    """A Python expression writing ``var`` (a local name) declared as ``tp``; it names
    ``var`` freely, so it must be a plain name."""
    if tp is Message:
        return f"_message({var})"
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return f"(None if {var} is None else {_write_expr(args[0], var, code)})"
        return f"_to_plain({var})"
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = code.local()
            inner = typing.get_args(args[0]) if typing.get_origin(args[0]) is tuple else None
            if inner and Ellipsis not in inner:  # tuple of pairs: unpack in the loop
                names = [code.local() for _ in inner]
                parts = ", ".join(
                    _write_expr(a, n, code) for a, n in zip(inner, names, strict=True)
                )
                return f"[[{parts}] for {', '.join(names)}, in {var}]"
            return f"[{_write_expr(args[0], item, code)} for {item} in {var}]"
        return f"{code.bind(_writer(tp))}({var})"
    if tp is Decimal:
        return f"str({var})"
    if tp in (int, str, bool, float):
        return f"({var} if type({var}) is {tp.__name__} else _scalar({var}))"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return f"_scalar({var})"
    if dataclasses.is_dataclass(tp):
        return f"{code.bind(_writer(tp))}({var})"
    return f"_generic({var})"


@cache
def _writer(tp: Any) -> Callable[[Any], Any]:
    """A function writing a value of declared type ``tp`` (built once a type)."""
    if tp is Message:
        return _message_to_plain
    if dataclasses.is_dataclass(tp):
        return _dataclass_writer(tp)  # type: ignore[arg-type]
    code = _Code()
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        names = [code.local() for _ in args]
        parts = ", ".join(_write_expr(a, n, code) for a, n in zip(args, names, strict=True))
        body = f"    {', '.join(names)}, = value\n    return [{parts}]\n"
    else:
        body = f"    return {_write_expr(tp, 'value', code)}\n"
    return _compile("def write(value):\n" + body, code.env)


def _dataclass_writer(tp: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(tp)
    fields = [f.name for f in _fields(tp)]
    code = _Code()
    tp_name = code.bind(tp)
    lines = [
        "def write(value):",
        f"    if type(value) is not {tp_name}:  # a subclass or a stand-in: walk it generically",
        "        return _generic(value)",
    ]
    items = []
    for name in fields:
        var = code.local()
        lines.append(f"    {var} = value.{name}")
        items.append(f"{name!r}: {_write_expr(hints[name], var, code)}")
    lines.append(f"    return {{{', '.join(items)}}}")
    write = _compile("\n".join(lines) + "\n", code.env)
    _WRITERS[tp] = write
    return write


def _compile(source: str, env: dict[str, Any], name: str = "write") -> Callable[[Any], Any]:
    """The function ``name`` defined by ``source`` (text generated here from field types)."""
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<codec {name}>", "exec"), dict(env), namespace)  # noqa: S102
    return namespace[name]  # type: ignore[no-any-return]


def _any_to_plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {_DECIMAL_TAG: str(value)}
    return to_plain(value)


# ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` builds this very encoder on
# every call; the values written are fresh trees, so the circular-reference check has nothing
# to find.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def dumps(value: Any) -> str:
    return _ENCODER.encode(to_plain(value))


def loads(cls: type[T], text: str) -> T:
    return from_plain(cls, json.loads(text))


def from_plain(cls: type[T], data: Any) -> T:
    return _reader(cls)(data)  # type: ignore[no-any-return]


@cache
def _fields(cls: type) -> tuple[dataclasses.Field, ...]:
    return dataclasses.fields(cls)


# -- readers compiled once a type (as the writers above) -------------------------------------


def _read_code() -> _Code:
    code = _Code()
    code.env.update({"_any": _any_from_plain, "_Decimal": Decimal, "_date": date.fromisoformat})
    return code


def _read_expr(tp: Any, var: str, code: _Code) -> str:
    """A Python expression rebuilding a value of type ``tp`` from ``var`` (a local name)."""
    if tp is Any:
        return f"_any({var})"
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _read_expr(args[0], var, code) if len(args) == 1 else f"_any({var})"
        return f"(None if {var} is None else {inner})"
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = code.local()
            inner = typing.get_args(args[0]) if typing.get_origin(args[0]) is tuple else None
            if inner and Ellipsis not in inner:  # tuple of pairs: unpack in the loop
                names = [code.local() for _ in inner]
                parts = "".join(
                    f"{_read_expr(a, n, code)}, " for a, n in zip(inner, names, strict=True)
                )
                return f"tuple([({parts}) for {', '.join(names)}, in {var}])"
            return f"tuple([{_read_expr(args[0], item, code)} for {item} in {var}])"
        return f"{code.bind(_reader(tp))}({var})"
    if tp is Decimal:
        return f"_Decimal({var})"
    if tp is date:
        return f"_date({var})"
    if tp in (int, str, bool, float):
        return var
    if (isinstance(tp, type) and issubclass(tp, Enum)) or dataclasses.is_dataclass(tp):
        return f"{code.bind(_reader(tp))}({var})"
    raise TypeError(f"cannot read {tp!r} from JSON")


@cache
def _reader(tp: Any) -> Callable[[Any], Any]:
    """A function that rebuilds a value of type ``tp`` from its JSON form (built once a type)."""
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if dataclasses.is_dataclass(tp):
        return _dataclass_reader(tp)  # type: ignore[arg-type]
    code = _read_code()
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        names = [code.local() for _ in args]
        parts = "".join(f"{_read_expr(a, n, code)}, " for a, n in zip(args, names, strict=True))
        body = f"    {', '.join(names)}, = value\n    return ({parts})\n"
    else:
        body = f"    return {_read_expr(tp, 'value', code)}\n"
    return _compile("def read(value):\n" + body, code.env, "read")


def _dataclass_reader(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in _fields(cls) if f.init]
    readers = [(name, _reader(hints[name])) for name in names]

    def read_some(data: dict[str, Any]) -> Any:
        # a field missing from an older row takes its default
        return cls(**{name: reader(data[name]) for name, reader in readers if name in data})

    code = _read_code()
    code.env.update({"_cls": cls, "_some": read_some, "_names": frozenset(names)})
    lines = ["def read(data):", "    if not data.keys() >= _names:", "        return _some(data)"]
    args = []
    for name in names:
        var = code.local()
        lines.append(f"    {var} = data[{name!r}]")
        args.append(f"{name}={_read_expr(hints[name], var, code)}")
    lines.append(f"    return _cls({', '.join(args)})")
    return _compile("\n".join(lines) + "\n", code.env, "read")


def _any_from_plain(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {_DECIMAL_TAG}:
        return Decimal(value[_DECIMAL_TAG])
    if isinstance(value, list):
        return tuple(_any_from_plain(v) for v in value)
    return value


def message_params_to_plain(params: tuple[tuple[str, Any], ...]) -> list[list[Any]]:
    return [[name, _any_to_plain(v)] for name, v in params]
