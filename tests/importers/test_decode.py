"""Decoding and cell cleaning: GBK read as GB18030, BOMs, NFKC, exporters' padding."""

from __future__ import annotations

import pytest

from workstation.importers.decode import clean, decode_text, header_key
from workstation.importers.records import StatementRefused
from workstation.importers.tables import Row, cell_text, map_columns, preamble_pairs


def test_gbk_is_read_as_gb18030_so_rarer_characters_survive() -> None:
    text = "交易对方,商品\r\n𠮷野家,饭\r\n"  # 𠮷 is outside GBK, inside GB18030
    assert decode_text(text.encode("gb18030"), "a.csv") == text


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_or_without_bom(prefix: bytes) -> None:
    assert decode_text(prefix + "微信支付账单明细".encode(), "w.csv") == "微信支付账单明细"


def test_a_bad_byte_after_a_bom_names_its_line() -> None:
    with pytest.raises(StatementRefused) as caught:
        decode_text(b"\xef\xbb\xbfa\nb\n\xff\n", "x.csv")
    assert dict(caught.value.message.params)["line"] == 3


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("  88.00\t", "88.00"),
        ("`4200001234202303281234567890\t", "4200001234202303281234567890"),
        ("￥28.16", "¥28.16"),
        ("金额（元）", "金额(元)"),
        ("\u3000张三\u3000", "张三"),
        ("⾦额", "金额"),  # a Kangxi radical from a PDF text layer
        ("ＡＢＣ１２３", "ABC123"),
    ],
)
def test_cells_are_nfkc_and_unpadded(cell: str, text: str) -> None:
    assert clean(cell) == text


def test_header_keys_ignore_inner_spaces() -> None:
    assert header_key("币\u3000\u3000种：") == "币种:"
    assert map_columns(
        ["账 号", " 金额（元） "], {"account": ("账号",), "amount": ("金额(元)",)}
    ) == {
        "account": 0,
        "amount": 1,
    }


def test_bilingual_titles_match_but_a_longer_chinese_name_does_not() -> None:
    roles = {"amount": ("交易金额",)}
    assert map_columns(["记账日期 Date", "交易金额 Amount"], roles) == {"amount": 1}
    assert map_columns(["交易金额(收入)"], roles) == {}


def test_xlsx_cells_become_the_text_they_show() -> None:
    assert cell_text(28.16) == "28.16"
    assert cell_text(0.1) == "0.1"
    assert cell_text(20250101) == "20250101"
    assert cell_text(4.00123e27) == "4.00123e+27"  # Excel already lost the digits; kept visible
    assert cell_text(None) == ""


def test_preamble_labels_with_brackets_spaces_and_two_on_a_line() -> None:
    rows = [
        Row(1, ("起始时间：[2023-01-01 00:00:00]    终止时间：[2023-03-31 23:59:59]",)),
        Row(2, (clean("账\u3000\u3000号：6217000012345678901"),)),
        Row(3, ("开户机构:某支行  币  种:人民币",)),
        Row(4, ("-" * 30,)),
    ]
    assert preamble_pairs([Row(r.line, tuple(clean(c) for c in r.cells)) for r in rows]) == (
        ("起始时间", "2023-01-01 00:00:00"),
        ("终止时间", "2023-03-31 23:59:59"),
        ("账号", "6217000012345678901"),
        ("开户机构", "某支行"),
        ("币种", "人民币"),
    )
