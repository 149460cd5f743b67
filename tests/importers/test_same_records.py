"""The fast read paths change no result: every fixture and the generated 5,000-line files read
to exactly the records (and problems, and refusals) the straightforward readers gave.

The digests are SHA-256 of ``repr`` of each ``ImportResult`` (or of the refusal's problems),
taken with the readers as they were before the fast paths (column lookups by name per cell,
NFKC on every cell, amounts through ``Decimal``, dates through the general pattern). A change
that is meant to alter records must update them — and say so in its commit.
"""

from __future__ import annotations

import hashlib

import pytest

from tests.importers import large
from tests.importers import make_fixtures as mk
from workstation.importers.amounts import (
    BadValue,
    parse_amount_fen,
    parse_amount_fen_general,
    parse_stamp,
    parse_stamp_general,
)
from workstation.importers.detect import read_statement
from workstation.importers.records import StatementRefused


def _bad_alipay() -> bytes:
    rows = [list(r) for r in large.alipay_rows(500, odd=True)]
    rows[10][6] = "1.005"
    rows[20][6] = "abc"
    rows[30][0] = "2023-02-30 10:00:00"
    rows[40][0] = "2023-02-28 25:00:00"
    rows[50][5] = "其他"
    rows[60][6] = "-"
    return mk.alipay_csv([tuple(r) for r in rows])


GENERATED = {
    "alipay_5000.csv": lambda: large.alipay_csv(5000),
    "alipay_odd_5000.csv": lambda: large.alipay_csv(5000, odd=True),
    "icbc_5000.csv": lambda: large.icbc_csv(5000),
    "icbc_odd_5000.csv": lambda: large.icbc_csv(5000, odd=True),
    "wechat_5000.csv": lambda: large.wechat_csv(5000),
    "alipay_bad.csv": _bad_alipay,
}

EXPECTED = {
    "alipay.csv": "529835c3472b7f8d14d72251a761869c037db99fc6fc173b33a239083e6588c5",
    "wechat.csv": "98f78530efd3956cff693b95691c15456a80570021d23f9c5d6294b038624351",
    "wechat.xlsx": "1f0fc02ddf8b3b160f38c43cd3521f80d8e3efcf9418b2642f6329081136b33d",
    "icbc.csv": "068195c8490d35b42c2e9fbe33a9abc4c7878c153230df721e77f6b379b99832",
    "ccb.xlsx": "fb2bc2ccdc284b68a5261135e47fc91e645c6c5da21b4d7d2ee2e6fd73698f0b",
    "ccb_signed.csv": "ef41052c59bc3c6f8f4082be4ccd6377c8e2fa86e32b1286449d7acbe1e1d972",
    # changed on purpose: CMB's 对手信息 "name account" now split into name and account
    "cmb.csv": "339cad09fd2f5b5143b0d10635a1e0bca02c8b6077a114bd14c0ef92c27592a3",
    "bocom.csv": "b1ebd621e84e640aa948c941ca50dbf44b9039c6a45642491c4d8eff1e04b054",
    "alipay_5000.csv": "4b3622aa16dd0fc1f1a15648c1ea5d67f9bf9b0e46d8ce01ea04de4091c38b88",
    "alipay_odd_5000.csv": "e1a061f1f60bed47898ca58b388b3c0391d92220790a8b79b4be4dba821b63fc",
    "icbc_5000.csv": "6bc0c13db0fb4d323bddd900583ca0f11093068b03b165b88cd68728d6c18d27",
    "icbc_odd_5000.csv": "f872212f4bbaa50fa02106e4997034a031ca1d09e8beaa097b246acead9e12e9",
    "wechat_5000.csv": "bd95a6870f7a0fb787f7524f4dcec6fb0ed1a91e78d87dbd42d2d7f8a6b68266",
    "alipay_bad.csv": "ecbec011cd9d7d1c71c86ace73307580c553450c07c23959a22631e551e985a4",
}


def digest(name: str) -> str:
    build = GENERATED.get(name)
    raw = build() if build else (mk.FIXTURES / name).read_bytes()
    try:
        shown = repr(read_statement(raw, name))
    except StatementRefused as refusal:
        shown = repr((refusal.message, refusal.problems))
    return hashlib.sha256(shown.encode()).hexdigest()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_records_are_what_the_plain_readers_gave(name: str) -> None:
    assert digest(name) == EXPECTED[name]


AMOUNTS = [
    "0", "0.00", "88.00", "88.5", "88.50", "1.005", "1.", ".5", "12,500.00", "1,2,3", "1234,567.00",
    "-5,020.45", "(5.00)", "+44754.02", "-0.00", "¥1,234.56", "￥12", "RMB 3.00", "CNY3",
    "12元", " 7.10 ", "`8.00", "\t9.99\t", "１２．３４", "١٢٣", "12.3456", "", "-", "abc",
    "1e3", "00012.30", "99999999999999999999.99", "−3.00", "(-3.00)", "- 3.00", "3.00-",
]  # fmt: skip
STAMPS = [
    "2023-02-12 21:32:14", "2023-02-12", "2023/2/12 21:32", "20250101", "2025年1月1日",
    "2023-02-30 10:00:00", "2023-02-28 24:00:00", "2023-02-28 9:05:07", "2023-02-28T09:05:07",
    "2023-02-28 09:05", "2023-02-28 09:05:07.123", "2023-2-8 09:05:07", " 2023-02-28 ", "",
    "２０２３-０２-２８ ０９:０５:０７", "2023-02-28  09:05:07", "2023-13-01", "0000-01-01",
    "2023-02-28 09:5:07", "2023-02-28 09:05:7", "2023.02.28", "2023-02-28 9时05分07秒",
]  # fmt: skip


def _outcome(parse, text: str):
    try:
        return parse(text)
    except BadValue as exc:
        return (type(exc), exc.template, exc.value)


@pytest.mark.parametrize("text", AMOUNTS)
def test_fast_amount_is_the_general_amount(text: str) -> None:
    assert _outcome(parse_amount_fen, text) == _outcome(parse_amount_fen_general, text)


@pytest.mark.parametrize("text", STAMPS)
def test_fast_stamp_is_the_general_stamp(text: str) -> None:
    assert _outcome(parse_stamp, text) == _outcome(parse_stamp_general, text)
