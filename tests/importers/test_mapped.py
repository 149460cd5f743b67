"""A bank statement no preset knows, read with a column mapping (importers/mapped.py): the
dialog's material guessed from the file, the mapping as JSON, the whole file read through
``bank.read`` with every refusal naming the file and line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.importers import mapped_fixtures as mf
from workstation.importers import mapped
from workstation.importers.amounts import parse_stamp
from workstation.importers.bank import Signs
from workstation.importers.detect import UNKNOWN_LAYOUT, read_statement
from workstation.importers.mapped import ColumnMapping, DateOrder, MappingPreview
from workstation.importers.records import Flow, ImportResult, Source, StatementRefused

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RURAL = (FIXTURES / "rural_bank.csv").read_bytes()
CITY = (FIXTURES / "city_bank.xlsx").read_bytes()


def _preview(raw: bytes, name: str) -> MappingPreview:
    found = mapped.read_or_preview(raw, name, {})
    assert isinstance(found, MappingPreview)
    return found


def _read(raw: bytes, name: str, mapping: ColumnMapping) -> ImportResult:
    found = mapped.read_or_preview(raw, name, {mapping.signature: mapping})
    assert isinstance(found, ImportResult)
    return found


@pytest.mark.parametrize("name", list(mf.BUILDERS))
def test_the_fixtures_are_what_the_script_writes_and_no_preset_reads_them(name: str) -> None:
    if name.endswith(".csv"):  # an XLSX carries the time it was written
        assert mf.BUILDERS[name]() == (FIXTURES / name).read_bytes()
    with pytest.raises(StatementRefused) as refused:
        read_statement(FIXTURES / name)
    assert refused.value.message.template == UNKNOWN_LAYOUT


def test_the_rural_bank_header_and_columns_are_guessed_from_its_words() -> None:
    preview = _preview(RURAL, "rural_bank.csv")
    assert preview.file == "rural_bank.csv"
    assert [s.sheet for s in preview.sheets] == [""]
    rows = preview.sheets[0].rows
    assert rows[preview.header].line == 7  # under five preamble lines and a blank one
    guess = preview.guess
    assert guess.signature == tuple(mf.RURAL_HEADER.split(","))
    assert guess.signs is Signs.TWO_COLUMNS
    assert guess.columns() == {
        "date": 1, "time": 2, "memo": 3, "expense": 4, "income": 5, "balance": 6,
        "counterparty": 7, "account": 8,
    }  # fmt: skip
    assert guess.date_order is DateOrder.YMD
    assert guess.problem() is None


def test_the_rural_bank_read_with_its_mapping_gives_every_line_signed_in_fen() -> None:
    mapping = _preview(RURAL, "rural_bank.csv").guess
    result = _read(RURAL, "rural_bank.csv", mapping)
    assert result.source is Source.BANK_OTHER
    rows = [
        (t.line, t.timestamp, t.amount_fen, t.flow, t.counterparty) for t in result.transactions
    ]
    assert rows == [
        (8, datetime(2024, 1, 3, 9, 12, 45), 1_280_000, Flow.INCOME, "某某餐饮管理有限公司"),
        (9, datetime(2024, 1, 5, 14, 30), -345_678, Flow.EXPENSE, "某某农产品合作社"),
        (10, datetime(2024, 1, 31, 10, 0), -800_000, Flow.EXPENSE, "代发工资户"),
        (11, datetime(2024, 2, 1, 0, 10), 12, Flow.INCOME, ""),
        (12, datetime(2024, 2, 15, 16, 45, 10), -12_000, Flow.EXPENSE, "某某加油站"),
        (13, datetime(2024, 3, 10, 11, 11, 11), 500_000, Flow.INCOME, "王**"),
    ]  # the 合计 footer is no transaction
    first = result.transactions[0]
    assert (first.counterparty_account, first.memo, first.balance_fen) == (
        "6217000099998888777", "转账存入", 3_280_000,
    )  # fmt: skip
    assert result.period is not None and result.period.stated
    assert (result.period.start, result.period.end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert result.account.owner == "杭州某某贸易有限公司"
    assert result.account.account == "201000123456789"


def test_a_second_file_with_the_same_header_is_read_with_the_saved_mapping() -> None:
    mapping = _preview(RURAL, "rural_bank.csv").guess
    saved = ColumnMapping.from_json(mapping.to_json())
    assert saved == mapping
    result = _read(mf.BUILDERS["rural_bank_q2.csv"](), "rural_bank_q2.csv", saved)
    assert [t.amount_fen for t in result.transactions] == [960_000, -210_000]
    # another layout's mapping does not take the file
    other = replace(mapping, signature=("日期", "金额"))
    assert isinstance(mapped.read_or_preview(RURAL, "rural_bank.csv", {other.signature: other}),
                      MappingPreview)  # fmt: skip


def test_the_city_bank_sheet_flag_words_and_day_first_dates_are_guessed() -> None:
    preview = _preview(CITY, "city_bank.xlsx")
    assert [s.sheet for s in preview.sheets] == ["说明", "交易明细"]
    assert preview.sheet == 1  # the notes sheet holds no header
    guess = preview.guess
    assert preview.sheets[1].rows[preview.header].line == 5
    assert guess.signs is Signs.FLAG
    assert (guess.amount, guess.flag, guess.balance, guess.counterparty) == (3, 2, 4, 5)
    assert (guess.debit_words, guess.credit_words) == (("支",), ("收",))
    assert guess.date_order is DateOrder.DMY
    result = _read(CITY, "city_bank.xlsx", guess)
    rows = [(t.line, t.timestamp, t.amount_fen, t.direction) for t in result.transactions]
    assert rows == [
        (6, datetime(2024, 3, 15, 9, 30), 680_000, "收"),
        (7, datetime(2024, 3, 18, 13, 5), -125_050, "支"),
        (8, datetime(2024, 4, 2, 8, 0), -400_000, "支"),
    ]
    assert result.transactions[0].currency == "CNY"


def test_a_line_the_mapping_cannot_read_refuses_the_file_naming_file_and_line() -> None:
    mapping = _preview(RURAL, "rural_bank.csv").guess
    bad = list(mf.RURAL_Q1)
    bad[2] = (*bad[2][:4], "八千", *bad[2][5:])
    with pytest.raises(StatementRefused) as refused:
        _read(mf.rural_bank_csv(bad), "bad.csv", mapping)
    assert str(refused.value) == "bad.csv, line 10: “八千” is not an amount"
    # the city bank's flag: a word the mapping does not know
    city = _preview(CITY, "city_bank.xlsx").guess
    odd = [mf.CITY_ROWS[0], ("16/03/2024", "10:00", "冲正", *mf.CITY_ROWS[1][3:])]
    with pytest.raises(StatementRefused) as refused:
        _read(mf.city_bank_xlsx(odd), "odd.xlsx", city)
    assert str(refused.value) == (
        "odd.xlsx, line 7: “冲正” is neither a debit word (支) nor a credit word (收) of the "
        "column mapping"
    )
    # day first when the mapping says year first: the line is named
    with pytest.raises(StatementRefused) as refused:
        _read(CITY, "city.xlsx", replace(city, date_order=DateOrder.YMD))
    assert str(refused.value) == "city.xlsx: 3 lines cannot be read; the first: line 6"
    assert str(refused.value.problems[0].message) == (
        "city.xlsx, line 6: “15/03/2024 09:30” is not a date and time"
    )


def test_an_incomplete_mapping_says_what_is_missing() -> None:
    mapping = _preview(RURAL, "rural_bank.csv").guess
    assert str(replace(mapping, date=None).problem()) == "Choose the column that holds the date."
    assert str(replace(mapping, signs=Signs.SIGNED).problem()) == (
        "Choose the column that holds the amount."
    )
    assert str(replace(mapping, memo=1).problem()) == "Column “记账日期” is chosen for two things."
    flag = replace(mapping, signs=Signs.FLAG, amount=4, flag=9, debit_words=("借",),
                   credit_words=(" 借 ",))  # fmt: skip
    assert str(flag.problem()) == "“借” cannot mark both a debit and a credit."
    with pytest.raises(StatementRefused, match=r"^rural.csv: the column mapping cannot be used"):
        _read(RURAL, "rural.csv", replace(mapping, date=None))
    with pytest.raises(ValueError):
        ColumnMapping.from_json('{"signature": ["a"]}')


def test_the_trial_shows_the_first_ten_records_or_the_line_that_fails() -> None:
    many = [
        (str(i), f"2024-01-{i:02d}", "09:00:00", "转账存入", "", "1.00", f"{i}.00", "甲", "", "")
        for i in range(1, 25)
    ]
    raw = mf.rural_bank_csv(many)
    preview = _preview(raw, "many.csv")
    rows = preview.sheets[0].rows
    trial = mapped.try_mapping(rows, preview.header, preview.guess, "many.csv")
    assert trial.problem is None
    assert [t.line for t in trial.records] == list(range(8, 18))
    wrong = replace(preview.guess, income=2, time=None)  # the time read as income
    trial = mapped.try_mapping(rows, preview.header, wrong, "many.csv")
    assert trial.records == ()
    assert str(trial.problem) == "many.csv, line 8: “09:00:00” is not an amount"
    trial = mapped.try_mapping(rows, preview.header, replace(wrong, income=None), "many.csv")
    assert str(trial.problem) == "Choose the income column and the expense column."


def test_a_pdf_has_no_table_to_map() -> None:
    assert mapped.read_or_preview((FIXTURES / "cmb.pdf").read_bytes(), "x.pdf", {}) is None


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from([DateOrder.DMY, DateOrder.MDY]))  # fmt: skip
def test_day_or_month_first_dates_read_as_the_same_day(day: date, order: DateOrder) -> None:
    first, second = (day.day, day.month) if order is DateOrder.DMY else (day.month, day.day)
    text = f"{first:02d}/{second:02d}/{day.year} 10:21"
    assert parse_stamp(mapped.year_first(text, order)).at == datetime(
        day.year, day.month, day.day, 10, 21
    )
    assert mapped.year_first(day.isoformat(), order) == day.isoformat()  # year first stays
