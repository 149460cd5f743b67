"""The application file reader: each row parses fully or yields row problems."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from workstation.domain.application import validate_application
from workstation.domain.messages import Message, RuleError
from workstation.importers.applications import (
    COLUMNS,
    EMPTY,
    MISSING_COLUMNS,
    application_from_row,
    read_rows,
)
from workstation.importers.decode import MIXED, NOT_TEXT, UNREADABLE

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "applications.csv"


def template_cells(**changes: str) -> dict[str, str]:
    with TEMPLATE.open(encoding="utf-8-sig", newline="") as f:
        header, row = list(csv.reader(f))[:2]
    by_chinese = {c.chinese: c.key for c in COLUMNS}
    cells = {by_chinese[h]: v for h, v in zip(header, row, strict=True)}
    cells.update(changes)
    return cells


def problem_columns(**changes: str) -> list[str]:
    app, problems = application_from_row(template_cells(**changes))
    assert app is None
    return [column for column, _ in problems]


def test_the_template_row_reads() -> None:
    app, problems = application_from_row(template_cells())
    assert problems == [] and app is not None
    assert app.financials.net_profit_margin == Decimal("0.08")
    assert app.platform.seller_dsr == Decimal("4.8")


@pytest.mark.parametrize(
    "column",
    ["amount_yuan", "annual_sales_yuan", "term_months", "order_count", "complaints"],
)
def test_a_percentage_in_a_money_or_count_column_is_a_row_problem(column: str) -> None:
    assert problem_columns(**{column: "50%"}) == [column]


def test_a_percentage_as_a_seller_rating_is_a_problem_not_a_fraction_of_a_star() -> None:
    app, problems = application_from_row(template_cells(seller_dsr="48%"))
    assert app is None
    assert [c for c, _ in problems] == ["seller_dsr"]
    assert "48%" in problems[0][1].render()


def test_percentages_stay_welcome_in_ratio_columns() -> None:
    app, problems = application_from_row(
        template_cells(sales_growth="-5%", net_profit_margin="0.1")
    )
    assert problems == [] and app is not None
    assert app.financials.sales_growth == Decimal("-0.05")
    assert app.financials.net_profit_margin == Decimal("0.1")


def test_a_term_of_zero_stays_zero_and_the_rules_refuse_it() -> None:
    app, problems = application_from_row(template_cells(term_months="0"))
    assert problems == [] and app is not None and app.term_months == 0
    assert "term_months" in {p.field for p in validate_application(app)}


def test_a_blank_term_is_the_default_twelve_months() -> None:
    app, _ = application_from_row(template_cells(term_months=""))
    assert app is not None and app.term_months == 12


def test_a_named_top_customer_needs_a_share_and_years() -> None:
    assert problem_columns(top_customer_1_share="") == ["top_customer_1_share"]
    assert problem_columns(top_customer_2_years="") == ["top_customer_2_years"]


def test_top_customer_figures_without_a_name_are_a_problem() -> None:
    assert problem_columns(top_customer_2="") == ["top_customer_2"]


def test_a_top_customer_with_no_name_and_no_figures_is_simply_absent() -> None:
    app, problems = application_from_row(
        template_cells(top_customer_2="", top_customer_2_years="", top_customer_2_share="")
    )
    assert problems == [] and app is not None
    assert [c.name for c in app.financials.top_customers] == ["义乌优品"]
    assert app.financials.top_customers[0].years == 4


@pytest.mark.parametrize("text", ["1e400", "9" * 30, "NaN", "Infinity", "1e999999999"])
def test_absurd_numbers_are_row_problems_not_exceptions(text: str) -> None:
    assert problem_columns(amount_yuan=text) == ["amount_yuan"]


@pytest.mark.parametrize("text", ["1e400", "-1e20", "1e-999999999", "0.5%"])
def test_no_exception_escapes_for_odd_numbers_in_any_column(text: str) -> None:
    for column in COLUMNS:
        if column.kind in ("text", "kind", "product", "flag"):
            continue
        app, problems = application_from_row(template_cells(**{column.key: text}))
        assert (app is None) == bool(problems)


# -- decoding and whole-file refusals -----------------------------------------------------

HEADER = "kind,business_name,owner_name,industry,region,product,amount_yuan,term_months"
TRADITIONAL = (  # fmt: skip
    "off_platform,臺北市鑫源服飾商行有限公司,陳偉強,服裝與紡織品批發零售業,臺灣省臺北市,credit,50000,6"
)


def test_a_big5_csv_reads_as_traditional_chinese(tmp_path: Path) -> None:
    path = tmp_path / "big5.csv"
    path.write_bytes(f"{HEADER}\r\n{TRADITIONAL}\r\n{TRADITIONAL}\r\n".encode("big5"))
    rows = read_rows(path)
    assert [n for n, _ in rows] == [2, 3]
    assert rows[0][1]["business_name"] == "臺北市鑫源服飾商行有限公司"


def test_a_utf16_csv_from_excel_reads(tmp_path: Path) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes(f"{HEADER}\r\n{TRADITIONAL}\r\n".encode("utf-16"))
    [(number, cells)] = read_rows(path)
    assert (number, cells["owner_name"], cells["amount_yuan"]) == (2, "陳偉強", "50000")


def test_a_file_mixing_encodings_is_refused_with_a_translatable_message(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    good = "off_platform,杭州鑫源服饰商行,王伟,服装,杭州,credit,50000,6"
    path.write_bytes(
        (HEADER + "\n" + good + "\n").encode("utf-8") + (good + "\n").encode("gbk") * 3
    )
    with pytest.raises(RuleError) as caught:
        read_rows(path)
    assert caught.value.message.template == MIXED
    assert "mixed.csv" in caught.value.message.render()


def test_binary_data_is_refused_with_a_translatable_message(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(RuleError) as caught:
        read_rows(path)
    assert caught.value.message.template in (NOT_TEXT, UNREADABLE)
    assert "photo.csv" in caught.value.message.render()


def test_missing_columns_are_a_translatable_refusal(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("business_name,amount_yuan\n杭州鑫源服饰商行,100\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        read_rows(path)
    assert caught.value.message == Message.of(
        MISSING_COLUMNS, file="short.csv", columns="kind, product"
    )


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf"])
def test_an_empty_file_is_a_translatable_refusal(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(RuleError) as caught:
        read_rows(path)
    assert caught.value.message == Message.of(EMPTY, file="empty.csv")


def test_gbk_garbage_that_is_not_big5_either_is_refused_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    good = "off_platform,杭州鑫源服饰商行,王伟,服装,杭州,credit,50000,6"
    # 0xAAA1 is a GBK user-defined (private-use) code and no Big5 character follows it
    path.write_bytes((HEADER + "\n" + good + "\n").encode("gbk") + b"x,\xaa\xa1\xff\xfe\n")
    with pytest.raises(RuleError) as caught:
        read_rows(path)
    assert caught.value.message.template == UNREADABLE
