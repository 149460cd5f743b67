"""Amounts to exact fen and dates as the exports print them; round trips with Hypothesis."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.importers import amounts
from workstation.importers.amounts import (
    NOT_A_DATE,
    NOT_AN_AMOUNT,
    PART_OF_A_FEN,
    BadValue,
    format_fen,
    join_date_time,
    parse_amount_column,
    parse_amount_fen,
    parse_amount_fen_general,
    parse_stamp,
    parse_stamp_column,
    parse_stamp_general,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1,234.56", 123456),
        ("¥28.16", 2816),
        ("￥28.16", 2816),  # full-width yuan sign
        ("-5,020.45", -502045),
        ("+44754.02", 4475402),
        ("(1,234.56)", -123456),  # brackets for a negative
        ("¥-5.00", -500),
        ("-¥5.00", -500),
        ("−3.10", -310),  # U+2212 minus sign
        ("１２３.４５", 12345),  # full-width digits, NFKC
        (" 88.00\t", 8800),
        ("`100`", 10000),
        ("0.0", 0),
        ("8800", 880000),
        ("12.5", 1250),
        ("28.160", 2816),  # a trailing zero is still whole fen
        ("100元", 10000),
    ],
)
def test_amounts_become_exact_fen(text: str, fen: int) -> None:
    assert parse_amount_fen(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1,23.45", "1.2.3", "--5", "¥", "1e5", "nan", "/"])
def test_what_is_not_an_amount_is_refused(text: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_amount_fen(text)
    assert caught.value.template == NOT_AN_AMOUNT


@pytest.mark.parametrize("text", ["0.005", "1.234", "¥28.165"])
def test_a_fraction_of_a_fen_is_refused_not_rounded(text: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_amount_fen(text)
    assert caught.value.template == PART_OF_A_FEN


@given(
    fen=st.integers(min_value=-(10**13), max_value=10**13),
    thousands=st.booleans(),
    currency=st.sampled_from(["", "¥", "￥"]),
    style=st.sampled_from(["-", "+", "()"]),
)
def test_format_then_parse_gives_the_same_fen(
    fen: int, thousands: bool, currency: str, style: str
) -> None:
    text = format_fen(fen, thousands=thousands, currency=currency, style=style)
    assert parse_amount_fen(text) == fen


@pytest.mark.parametrize(
    ("text", "at", "time_known"),
    [
        ("2023-02-12 21:32:14", datetime(2023, 2, 12, 21, 32, 14), True),
        ("2023/2/12 21:32", datetime(2023, 2, 12, 21, 32), True),  # Excel re-saved
        ("2023-02-12 21:32", datetime(2023, 2, 12, 21, 32), True),
        ("20250101", datetime(2025, 1, 1), False),
        ("2025年1月1日", datetime(2025, 1, 1), False),
        ("2025年1月1日 8:05:09", datetime(2025, 1, 1, 8, 5, 9), True),
        ("2023-02-12T21:32:14", datetime(2023, 2, 12, 21, 32, 14), True),
        ("2023.02.12", datetime(2023, 2, 12), False),
        ("２０２３－０２－１２", datetime(2023, 2, 12), False),  # full-width
        (" 2023-03-30 18:20:11\t", datetime(2023, 3, 30, 18, 20, 11), True),
    ],
)
def test_dates_in_the_common_chinese_forms(text: str, at: datetime, time_known: bool) -> None:
    stamp = parse_stamp(text)
    assert stamp.at == at
    assert stamp.time_known is time_known


@pytest.mark.parametrize("text", ["", "2023-13-01", "2023-02-30", "12/02/2023", "昨天", "2023-02"])
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_stamp(text)
    assert caught.value.template == NOT_A_DATE


def test_ccb_prints_date_and_time_apart() -> None:
    assert parse_stamp(join_date_time("20250101", "102133")).at == datetime(2025, 1, 1, 10, 21, 33)
    assert parse_stamp(join_date_time("20250101", "10:21:33")).at == datetime(
        2025, 1, 1, 10, 21, 33
    )
    assert parse_stamp(join_date_time("20250101", "")).time_known is False


_FORMATS = [
    ("%Y-%m-%d %H:%M:%S", True),
    ("%Y/%m/%d %H:%M", False),
    ("%Y%m%d", None),
    ("%Y年%m月%d日", None),
]


@given(
    at=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)),
    form=st.sampled_from(_FORMATS),
    unpadded=st.booleans(),
)
def test_format_a_date_then_parse_gives_the_same(
    at: datetime, form: tuple[str, bool | None], unpadded: bool
) -> None:
    pattern, seconds = form
    at = at.replace(microsecond=0)
    expected = (
        at
        if seconds
        else at.replace(second=0)
        if seconds is False
        else at.replace(hour=0, minute=0, second=0)
    )
    text = at.strftime(pattern)
    if unpadded and "/" in pattern:
        text = f"{at.year}/{at.month}/{at.day} {at.hour}:{at.minute:02d}"
    assert parse_stamp(text).at == expected


# --- the column readers are the one-by-one parsers, a column at a time ------------------------

_AMOUNT_TEXTS = st.one_of(
    st.builds(
        format_fen,
        st.integers(min_value=-(10**13), max_value=10**13),
        thousands=st.booleans(),
        currency=st.sampled_from(["", "", "¥"]),
        style=st.sampled_from(["-", "-", "+", "()"]),
    ),
    st.sampled_from(["", "", "0.00", "-0.00", "1.5", "12", "1.005", "1,23.45", "１.２３", "abc",
                     "1.00\n2.00", "\n", "+", "-", "00012.30", "1_000.00", " 1.00", "٣.٠٠"]),
    st.text(alphabet="0123456789,.-+ \n", max_size=12),
)  # fmt: skip


def _one_by_one_fen(texts: list[str], empty: int | None) -> list[int | None] | None:
    out: list[int | None] = []
    for text in texts:
        if not text:
            out.append(empty)
            continue
        try:
            out.append(parse_amount_fen(text))
        except BadValue:
            return None
    return out


@settings(max_examples=400)
@given(texts=st.lists(_AMOUNT_TEXTS, max_size=12), empty=st.sampled_from([None, 0]))
def test_an_amount_column_reads_as_its_amounts_one_by_one(
    texts: list[str], empty: int | None
) -> None:
    expected = _one_by_one_fen(texts, empty)
    for column in (texts, tuple(texts)):
        assert parse_amount_column(column, empty) == expected


def _not_called(text: str) -> None:
    raise AssertionError(f"{text!r} went one by one")


@given(st.lists(st.integers(min_value=-(10**13), max_value=10**13), max_size=12), st.booleans())
def test_a_column_of_plain_amounts_takes_the_fast_path(fens: list[int], thousands: bool) -> None:
    texts = [format_fen(f, thousands=thousands) for f in fens] + [""]
    expected = [parse_amount_fen_general(t) for t in texts[:-1]]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(amounts, "parse_amount_fen", _not_called)
        assert parse_amount_column(texts, 0) == [*expected, 0] == [*fens, 0]


_STAMP_TEXTS = st.one_of(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)).flatmap(
        lambda at: st.sampled_from(
            [f"{at:%Y-%m-%d %H:%M:%S}", f"{at:%Y-%m-%d}", f"{at:%Y/%m/%d %H:%M}", f"{at:%Y%m%d}"]
        )
    ),
    st.sampled_from(["", "2023-02-30", "2023-02-28 25:00:00", "2023-02-28 10:00", "x", "2023-02",
                     "2023-02-12T21:32:14", "2023-02-12\n2023-02-13", "２０２３－０２－１２",
                     "2023-02-12 21:32:14.5", "2023-02-12 21:32:14Z", "2023-02-12x21:32:14"]),
)  # fmt: skip


def _one_by_one_stamps(texts: list[str]) -> tuple[list[datetime], list[bool]] | None:
    try:
        stamps = [parse_stamp(t) for t in texts]
    except BadValue:
        return None
    return [s.at for s in stamps], [s.time_known for s in stamps]


@settings(max_examples=400)
@given(st.lists(_STAMP_TEXTS, max_size=12), st.booleans())
def test_a_date_column_reads_as_its_dates_one_by_one(texts: list[str], repeated: bool) -> None:
    if repeated:
        texts = texts * 3  # few distinct dates: each parsed once
    assert parse_stamp_column(texts) == _one_by_one_stamps(texts)
    assert parse_stamp_column(tuple(texts)) == _one_by_one_stamps(texts)


@given(st.lists(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31))))
def test_a_column_of_iso_stamps_takes_the_fast_path(ats: list[datetime]) -> None:
    texts = [f"{at:%Y-%m-%d %H:%M:%S}" for at in ats] + [f"{at:%Y-%m-%d}" for at in ats]
    expected = [parse_stamp_general(t) for t in texts]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(amounts, "parse_stamp", _not_called)
        assert parse_stamp_column(texts) == (
            [s.at for s in expected],
            [s.time_known for s in expected],
        )
