"""The compiled codec writes and reads exactly what the generic one did (tests/store/
legacy_codec.py): the JSON text of a decision or an application, byte for byte, and the
records read back, value for value and type for type."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.strategies import applications, macros
from tests.domain.test_scoring import CARDS
from tests.store import legacy_codec
from workstation.domain.application import Application, CustomerKind
from workstation.domain.decision import BlacklistEntry, Decision, decide
from workstation.domain.limits import LimitStep, MacroSettings
from workstation.domain.messages import Message
from workstation.domain.scoring import ScoreResult
from workstation.store import codec

blacklists = st.lists(
    st.builds(
        BlacklistEntry,
        kind=st.sampled_from(["owner_id_number", "credit_code", "platform_account", "other"]),
        value=st.sampled_from(["11010519491231002X", "91350100M000100Y43", "x", ""]),
        reason=st.text(max_size=8),
    ),
    max_size=2,
)


def _same_values(a: Any, b: Any) -> None:
    """Equal, and of the same types all the way down (a Decimal stays a Decimal, a tuple a
    tuple, Decimal("0.10") keeps its trailing zero)."""
    assert type(a) is type(b), (a, b)
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            _same_values(getattr(a, f.name), getattr(b, f.name))
    elif isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same_values(x, y)
    elif isinstance(a, Decimal):
        assert str(a) == str(b)
    else:
        assert a == b


def _check(cls: type, value: Any, round_trips: bool = True) -> None:
    text = codec.dumps(value)
    assert text == legacy_codec.dumps(value)
    assert codec.to_plain(value) == legacy_codec.to_plain(value)
    _same_values(codec.loads(cls, text), legacy_codec.loads(cls, text))
    if round_trips:
        _same_values(codec.loads(cls, text), value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(app=applications, macro=macros, entries=blacklists)
def test_decisions_are_written_and_read_as_before(
    app: Application, macro: MacroSettings, entries: list[BlacklistEntry]
) -> None:
    card = CARDS[app.business.kind.value]
    _check(Decision, decide(app, card, macro, entries))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(app=applications, as_of=st.none() | st.dates())
def test_applications_are_written_and_read_as_before(app: Application, as_of: date) -> None:
    _check(Application, dataclasses.replace(app, as_of=as_of))


def test_message_placeholders_of_every_kind_as_before() -> None:
    message = Message.of(
        "x",
        d=Decimal("0.70"),
        s="a",
        i=3,
        b=True,
        n=None,
        f=1.5,
        kind=CustomerKind.PLATFORM,
        t=(Decimal("1.0"), "b"),
        day=date(2025, 3, 1),
    )
    _check(Message, message, round_trips=False)  # an Any keeps only its Decimals' type
    step = LimitStep(message, Decimal("0.90"), None)
    assert codec.dumps(step) == legacy_codec.dumps(step)


class _Colour(Enum):
    RED = "red"


@dataclass(frozen=True)
class _Odd:
    """Values that are not of their declared types: the generic rule still decides."""

    count: int
    name: str
    ratio: Decimal
    pair: tuple[str, Decimal]
    colour: _Colour
    either: int | str
    anything: Any = None


def test_values_off_their_declared_types_are_written_as_before() -> None:
    odd = _Odd(
        count=_Colour.RED,  # type: ignore[arg-type]
        name=CustomerKind.PLATFORM,
        ratio=Decimal("1.50"),
        pair=("a", Decimal("2.0")),
        colour="plain",  # type: ignore[arg-type]
        either="x",
        anything={"k": (Decimal("3"), Message.of("m", v=Decimal("1.0")))},
    )
    assert codec.dumps(odd) == legacy_codec.dumps(odd)

    @dataclass(frozen=True)
    class Sub(ScoreResult):
        pass

    sub = Sub("platform", 1, (), Decimal("1.00"), "E", ("x",))
    assert codec.dumps(sub) == legacy_codec.dumps(sub)
    assert codec.dumps([sub, (1, "a")]) == legacy_codec.dumps([sub, (1, "a")])


def test_a_row_missing_fields_still_reads_with_their_defaults() -> None:
    text = '{"business":{"kind":"platform","business_name":"b","credit_code":"c",' \
        '"owner_name":"o","owner_id_number":"i","owner_phone":"p"},"product":"credit",' \
        '"amount_fen":5,"financials":{"sales_growth":"0.10"}}'  # fmt: skip
    _same_values(codec.loads(Application, text), legacy_codec.loads(Application, text))
