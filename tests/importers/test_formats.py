"""Each export format read from a fixture shaped like the real file (make_fixtures.py)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.importers import make_fixtures as mk
from workstation.importers.detect import detect, read_statement
from workstation.importers.records import Flow, ImportResult, Source, Transaction
from workstation.importers.tables import csv_table, xlsx_tables

FIXTURES = mk.FIXTURES


def read(name: str) -> ImportResult:
    return read_statement(FIXTURES / name)


def by_line(result: ImportResult) -> dict[int, Transaction]:
    return {t.line: t for t in result.transactions}


@pytest.mark.parametrize("name", sorted(mk.BUILDERS))
def test_committed_fixtures_are_what_the_script_writes(name: str) -> None:
    fresh, committed = mk.BUILDERS[name](), (FIXTURES / name).read_bytes()
    if name.endswith(".xlsx"):  # openpyxl stamps the save time; compare the cells
        assert xlsx_tables(fresh, name) == xlsx_tables(committed, name)
    else:
        assert fresh == committed


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("alipay.csv", Source.ALIPAY),
        ("wechat.csv", Source.WECHAT),
        ("wechat.xlsx", Source.WECHAT),
        ("icbc.csv", Source.BANK_ICBC),
        ("ccb.xlsx", Source.BANK_CCB),
        ("ccb_signed.csv", Source.BANK_CCB_SIGNED),
        ("cmb.csv", Source.BANK_CMB),
        ("bocom.csv", Source.BANK_BOCOM),
    ],
)
def test_detect_names_the_importer_and_every_record_points_home(name: str, source: Source) -> None:
    raw = (FIXTURES / name).read_bytes()
    assert detect(raw, name).source is source
    result = read(name)
    assert result.source is source
    assert result.file_sha256 == hashlib.sha256(raw).hexdigest()
    assert all(
        t.file_sha256 == result.file_sha256 and t.source is source for t in result.transactions
    )
    assert result.transactions
    assert not result.problems


def _line_of(name: str, needle: str) -> int:
    """The 1-based line of the original file holding ``needle`` (checked independently)."""
    raw = (FIXTURES / name).read_bytes()
    text = raw.decode("gb18030" if name in ("alipay.csv", "icbc.csv") else "utf-8-sig")
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_alipay_preamble_period_owner_and_signs() -> None:
    result = read("alipay.csv")
    assert result.period is not None
    assert (result.period.start, result.period.end, result.period.stated) == (
        date(2023, 1, 1),
        date(2023, 3, 31),
        True,
    )
    assert (result.account.owner, result.account.account) == ("张三", "138****8888")
    rows = by_line(result)
    dinner = rows[_line_of("alipay.csv", "晚餐")]
    assert (dinner.amount_fen, dinner.flow, dinner.timestamp) == (
        -8800,
        Flow.EXPENSE,
        datetime(2023, 3, 30, 18, 20, 11),
    )
    assert dinner.counterparty == "杭州某某餐厅" and dinner.channel == "花呗"
    receipt = rows[_line_of("alipay.csv", "三月货款")]
    assert (receipt.amount_fen, receipt.flow, receipt.note) == (120000, Flow.INCOME, "三月货款")
    moved = rows[_line_of("alipay.csv", "余额宝-自动转入")]
    assert (moved.flow, moved.direction, moved.is_refund) == (Flow.NEUTRAL, "不计收支", False)


def test_alipay_closed_order_is_dropped_as_never_paid() -> None:
    result = read("alipay.csv")
    closed = _line_of("alipay.csv", "包装盒")
    assert closed not in by_line(result)
    assert [p.line for p in result.dropped] == [closed]
    assert "never paid" in str(result.dropped[0].message)
    assert "alipay.csv" in str(result.dropped[0].message)


def test_alipay_refund_is_its_own_row_linked_to_the_original_by_prefix() -> None:
    rows = by_line(read("alipay.csv"))
    refund = rows[_line_of("alipay.csv", "退款-原料采购")]
    original = rows[_line_of("alipay.csv", ",原料采购\t")]
    assert refund.is_refund and refund.amount_fen == 5650
    assert refund.refund_of == original.order_number == "2023032822001188002222222222"
    assert original.amount_fen == -35650 and not original.is_refund


def test_alipay_closed_order_that_a_refund_reverses_was_paid_and_is_kept() -> None:
    rows = by_line(read("alipay.csv"))
    printer = rows[_line_of("alipay.csv", ",打印机\t")]
    refund = rows[_line_of("alipay.csv", "退款-打印机")]
    assert printer.status == "交易关闭" and printer.amount_fen == -12000
    assert refund.refund_of == printer.order_number and refund.amount_fen == 12000


def test_alipay_refund_without_its_original_is_kept_with_a_warning() -> None:
    rows = [r for r in mk.ALIPAY_ROWS if r[4] != "原料采购"]
    result = read_statement(mk.alipay_csv(rows), "alipay.csv")
    refund = next(t for t in result.transactions if t.memo == "退款-原料采购")
    assert refund.is_refund and refund.refund_of == ""
    assert [p.line for p in result.problems] == [refund.line]


def test_alipay_columns_found_by_name_in_any_order_with_a_longer_preamble() -> None:
    raw = mk.alipay_csv().decode("gbk").splitlines()
    header_at = next(i for i, line in enumerate(raw) if line.startswith("交易时间"))
    order = [11, 9, 0, 6, 5, 2, 1, 3, 4, 7, 8, 10]
    swapped = []
    for line in raw[header_at:]:
        cells = line.split(",")
        swapped.append(",".join(cells[i] for i in order) + ",")
    text = "\r\n".join(["一行新的说明", *raw[:header_at], *swapped]) + "\r\n"
    result = read_statement(text.encode("gbk"), "支付宝交易明细.csv")
    original = read("alipay.csv")
    assert [(t.amount_fen, t.order_number, t.timestamp) for t in result.transactions] == [
        (t.amount_fen, t.order_number, t.timestamp) for t in original.transactions
    ]
    assert [t.line for t in result.transactions] == [t.line + 1 for t in original.transactions]


def test_alipay_resaved_by_excel_as_utf8_with_bom_and_without_seconds() -> None:
    text = mk.alipay_csv().decode("gbk").replace("2023-03-30 18:20:11", "2023/3/30 18:20")
    result = read_statement(b"\xef\xbb\xbf" + text.encode("utf-8"), "alipay.csv")
    dinner = next(t for t in result.transactions if t.memo == "晚餐")
    assert dinner.timestamp == datetime(2023, 3, 30, 18, 20)


def test_wechat_csv_amounts_statuses_and_neutral_rows() -> None:
    result = read("wechat.csv")
    assert result.account.owner == "小张"
    assert result.period is not None and result.period.end == date(2023, 3, 31)
    rows = {t.order_number: t for t in result.transactions}
    drink = rows["4200001234202303281234567890"]
    assert (drink.amount_fen, drink.merchant_order_number, drink.note) == (-2816, "10000123456", "")
    assert drink.line == _line_of("wechat.csv", "饮料")
    partial = rows["4200001235202303251234567893"]
    assert (partial.amount_fen, partial.refunded_fen) == (-10000, 11)
    full = rows["4200001236202303241234567894"]
    assert full.refunded_fen == 5000
    refund = rows["50300001236202303241234567894"]
    assert refund.is_refund and refund.amount_fen == 5000 and refund.refund_of == full.order_number
    withdrawal = rows["1001200301202303201234567895"]
    assert (withdrawal.flow, withdrawal.direction, withdrawal.amount_fen) == (
        Flow.NEUTRAL,
        "/",
        50000,
    )
    assert rows["1000050001202303271234567891"].memo == ""  # "/" reads as empty
    assert sum(t.amount_fen for t in result.transactions if t.flow is Flow.INCOME) == 505000


def test_wechat_xlsx_reads_like_the_csv() -> None:
    csv_rows, xlsx_rows = read("wechat.csv").transactions, read("wechat.xlsx").transactions
    fields = [
        (t.timestamp, t.amount_fen, t.flow, t.counterparty, t.order_number, t.refunded_fen)
        for t in csv_rows
    ]
    assert [
        (t.timestamp, t.amount_fen, t.flow, t.counterparty, t.order_number, t.refunded_fen)
        for t in xlsx_rows
    ] == fields
    assert xlsx_rows[0].line == 19  # the header moved down a row; lines are sheet rows


def test_wechat_xlsx_sheet_is_chosen_by_its_header() -> None:
    detected = detect(FIXTURES / "wechat.xlsx")
    assert detected.table.sheet == "微信支付账单明细"


def test_icbc_two_columns_quoted_thousands_and_footer() -> None:
    result = read("icbc.csv")
    assert result.account.account == "6222020200012345678"
    assert result.period is not None and not result.period.stated
    assert (result.period.start, result.period.end) == (date(2023, 1, 5), date(2023, 1, 31))
    assert [t.amount_fen for t in result.transactions] == [1250000, -35678, -310000]
    first = result.transactions[0]
    assert (first.balance_fen, first.counterparty, first.counterparty_account) == (
        2560050,
        "杭州某某商贸有限公司",
        "1202020209000012345",
    )
    assert not first.time_known and first.note == "货款"


def test_ccb_xlsx_zero_in_the_unused_column_and_ideographic_space_labels() -> None:
    result = read("ccb.xlsx")
    assert (result.account.owner, result.account.account) == ("李四", "6217000012345678901")
    assert result.period is not None and result.period.stated
    assert [t.amount_fen for t in result.transactions] == [880000, -123456, 10]
    first = result.transactions[0]
    assert first.timestamp == datetime(2025, 1, 1, 10, 21, 33)  # 交易日期 + 交易时间
    assert first.counterparty_account == "6217000099998888777"
    assert result.transactions[2].amount_fen == 10  # 0.1 yuan from a float cell, exactly


def test_ccb_signed_layout_splits_account_and_name() -> None:
    result = read("ccb_signed.csv")
    wage, shop = result.transactions
    assert (wage.amount_fen, wage.counterparty_account, wage.counterparty) == (
        800000,
        "6217000099998888",
        "某某科技有限公司",
    )
    assert shop.amount_fen == -3550 and shop.counterparty == ""


def test_cmb_bilingual_titles_and_signed_amounts() -> None:
    result = read("cmb.csv")
    assert [t.amount_fen for t in result.transactions] == [-502045, 4475402]
    assert result.transactions[1].counterparty == "支付宝(中国)网络技术有限公司"  # NFKC
    assert result.period is not None and result.period.start == date(2024, 1, 1)


def test_bocom_debit_credit_flag() -> None:
    result = read("bocom.csv")
    assert [(t.amount_fen, t.direction) for t in result.transactions] == [
        (600000, "贷 Cr"),
        (-21540, "借 Dr"),
    ]


def test_lines_count_physical_lines_when_a_cell_holds_a_newline() -> None:
    text = mk.bocom_csv().decode("gbk").replace("网银转入", '"网银\r\n转入"')
    result = read_statement(text.encode("gbk"), "bocom.csv")
    assert [t.line for t in result.transactions] == [4, 6]
    assert result.transactions[0].memo == "网银\r\n转入"


def test_csv_table_keeps_ids_as_text() -> None:
    table = csv_table("a,b\r\n`00123`,\t6222020200012345678\t\r\n", "x.csv")
    assert table.rows[1].cells == ("00123", "6222020200012345678")


def test_an_id_that_excel_rounded_is_flagged(tmp_path: Path) -> None:
    rows = [("2023-03-05 09:30:00", "住房物业", "张**", "6.22202E+18", "房租", "支出", "2300.00",
             "", "交易成功", "2023030520001000007777777777", "", "")]  # fmt: skip
    result = read_statement(mk.alipay_csv(rows), "alipay.csv")
    assert result.transactions[0].counterparty_account == "6.22202E+18"
    assert "Excel" in str(result.problems[0].message)
