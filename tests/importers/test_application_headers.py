"""How the application file's header names its columns: NFKC, the unit in brackets or not,
never two ways; and a file that is no table refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from workstation.domain.messages import Message, RuleError
from workstation.importers.applications import (
    COLUMNS,
    MISSING_COLUMNS,
    NOT_A_TABLE,
    TWO_COLUMNS,
    UNKNOWN_COLUMNS,
    column_for,
    column_of,
    read_table,
)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("年销售额(元)", "annual_sales_yuan"),
        ("年销售额", "annual_sales_yuan"),
        ("年销售额（元）", "annual_sales_yuan"),
        (" 年销售额 ( 元 ) ", "annual_sales_yuan"),
        ("申请金额（元）", "amount_yuan"),
        ("申请金额【元】", "amount_yuan"),
        ("申请金额(人民币)", "amount_yuan"),
        ("期限", "term_months"),
        ("期限(个月)", "term_months"),
        ("净利润率(%)", "net_profit_margin"),
        ("净利润率（％）", "net_profit_margin"),
        ("ＡＭＯＵＮＴ＿ＹＵＡＮ", "amount_yuan"),
        ("Business name", "business_name"),
    ],
)
def test_a_header_is_recognised_after_nfkc_with_or_without_its_unit(header: str, key: str) -> None:
    col = column_for(header)
    assert col is not None and col.key == key


@pytest.mark.parametrize("header", ["年销售额(万元)", "净利润率(元)", "金额", "备注", "", "  "])
def test_a_header_with_another_unit_or_no_match_names_no_column(header: str) -> None:
    assert column_for(header) is None


def test_each_template_header_without_its_unit_names_exactly_one_column() -> None:
    for col in COLUMNS:
        assert column_for(col.chinese) is col and column_for(col.key) is col
        bare = col.chinese.split("(")[0]
        assert column_for(bare) is col


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_headers_for_one_column_are_refused_not_one_silently_dropped(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "two.csv",
        "客户类型,企业名称,贷款产品,申请金额(元),年销售额,年销售额(元)\n平台,甲,信用贷款,1,2,3\n",
    )
    with pytest.raises(RuleError) as caught:
        read_table(path)
    assert caught.value.message == Message.of(
        TWO_COLUMNS, file="two.csv", first="“年销售额”", second="“年销售额(元)”"
    )


def test_a_chinese_file_lacking_columns_is_told_them_in_the_templates_chinese(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "short.csv", "企业名称,申请金额（元）\n甲,100\n")
    with pytest.raises(RuleError) as caught:
        read_table(path)
    assert caught.value.message == Message.of(
        MISSING_COLUMNS, file="short.csv", columns="客户类型, 贷款产品"
    )


def test_a_file_of_unknown_headers_is_told_which_it_did_not_recognise(tmp_path: Path) -> None:
    path = _write(tmp_path, "own.csv", "客户名称,金额,产品,类型\n甲,1,信用贷款,平台\n")
    with pytest.raises(RuleError) as caught:
        read_table(path)
    text = caught.value.message.render()
    assert "客户类型, 企业名称, 贷款产品, 申请金额(元)" in text
    assert "“客户名称”, “金额”, “产品”, “类型”" in text


def test_unknown_columns_are_a_warning_and_the_rows_still_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "extra.csv", "kind,business_name,product,amount_yuan,note\n" * 2)
    table = read_table(path)
    assert table.warnings == (Message.of(UNKNOWN_COLUMNS, columns="“note”"),)
    assert table.english and table.column_name("credit_code") == "credit_code"
    assert table.column_name("amount_yuan") == "amount_yuan"


def test_problems_map_to_the_files_columns() -> None:
    assert column_of("financials.top_customers.1.share_of_sales") == "top_customer_2_share"
    assert column_of("financials.top_customers.0.years") == "top_customer_1_years"
    assert column_of("financials.top_customers") == "top_customer_1"
    assert column_of("financials.inventory_fen") == "inventory_yuan"
    assert column_of("business.credit_code") == "credit_code"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("book.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),  # Excel 97-2003
        ("book.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
        ("letter.xlsx", b"PK\x03\x04" + b"\x14\x00" + bytes(100)),  # a broken zip
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
    ],
)
def test_a_file_that_is_neither_workbook_nor_csv_is_refused_by_name(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RuleError) as caught:
        read_table(path)
    assert caught.value.message == Message.of(NOT_A_TABLE, file=name)
