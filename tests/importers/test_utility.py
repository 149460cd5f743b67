"""Utility bills (水电费单): typed in and checked, or read from CSV/XLSX all or nothing."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.importers import make_fixtures as mk
from workstation.importers import utility
from workstation.importers.amounts import NOT_AN_AMOUNT, format_fen
from workstation.importers.common import MORE_PROBLEMS, SHORT_ROW
from workstation.importers.decode import MIXED
from workstation.importers.detect import (
    BILLS_NOT_PDF,
    BILLS_NOT_STATEMENT,
    EMPTY,
    MISNAMED,
    NO_BILL_HEADER,
    STATEMENT_NOT_BILLS,
    WORKBOOK,
    read_statement,
    read_utility_bills,
)
from workstation.importers.records import StatementRefused
from workstation.importers.tables import ZIP_BOMB
from workstation.importers.utility import TimeOfUse, UtilityBill, UtilityKind, check_bill

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "utility_bills.csv"
HEADER = "类型,户号,起始日期,结束日期,用量,单位,金额(元),峰(kWh),平(kWh),谷(kWh)"
E, W = UtilityKind.ELECTRICITY, UtilityKind.WATER


def bills_csv(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode(encoding)


def refused(raw: bytes, name: str = "水电费.csv") -> StatementRefused:
    with pytest.raises(StatementRefused) as caught:
        read_utility_bills(raw, name)
    assert dict(caught.value.message.params)["file"] == name
    assert name in str(caught.value)
    return caught.value


def bill(**changes: object) -> UtilityBill:
    values: dict[str, object] = dict(
        kind=E,
        account="3300123456",
        period_start=date(2024, 1, 5),
        period_end=date(2024, 2, 4),
        usage=Decimal("1250.5"),
        amount_fen=81283,
    )
    values.update(changes)
    return UtilityBill(**values)  # type: ignore[arg-type]


# --- typed in ------------------------------------------------------------------------------


def test_a_good_bill_typed_in_has_no_problem() -> None:
    checked = check_bill(bill(time_of_use=TimeOfUse(Decimal("420.5"), Decimal(500), Decimal(330))))
    assert checked == utility.BillCheck()
    assert bill().unit == "kWh" and bill(kind=W).unit == "m³" and bill().days == 31


@pytest.mark.parametrize(
    ("changes", "templates", "shown"),
    [
        ({"usage": Decimal("-3.5")}, utility.NEGATIVE_USAGE, "-3.5 kWh"),
        ({"amount_fen": -1000}, utility.NEGATIVE_AMOUNT, "-10.00"),
        ({"period_end": date(2024, 1, 4)}, utility.END_BEFORE_START, "2024-01-04"),
        ({"account": " "}, utility.NO_ACCOUNT, "户号"),
        (
            {"kind": W, "time_of_use": TimeOfUse(Decimal(1), Decimal(1), Decimal(1))},
            utility.SPLIT_FOR_WATER,
            "peak",
        ),
    ],
)
def test_what_a_bill_cannot_be(changes: dict, templates: tuple[str, str], shown: str) -> None:
    checked = check_bill(bill(**changes))
    assert [p.message.template for p in checked.errors] == [templates[0]]
    assert shown in str(checked.errors[0].message)
    assert "{file}" not in templates[0]  # typed in: there is no file to name


def test_doubtful_bills_are_warned_about_not_refused() -> None:
    long = check_bill(bill(period_end=date(2024, 6, 30)))
    assert not long.errors
    assert [p.message.template for p in long.warnings] == [utility.LONG_PERIOD[0]]
    assert "178 days" in str(long.warnings[0].message)
    split = check_bill(bill(time_of_use=TimeOfUse(Decimal(1), Decimal(2), Decimal(3))))
    assert [p.message.template for p in split.warnings] == [utility.SPLIT_MISMATCH[0]]
    assert "6 kWh" in str(split.warnings[0].message)


def test_a_quarter_is_not_too_long() -> None:
    assert check_bill(bill(period_start=date(2024, 1, 1), period_end=date(2024, 3, 31))) == (
        utility.BillCheck()
    )


# --- read from a file ----------------------------------------------------------------------


def test_the_state_grid_list_with_months_ranges_and_peak_valley() -> None:
    result = read_utility_bills(mk.FIXTURES / "utility.csv")
    first, second, third = result.bills
    assert (first.kind, first.account, first.usage, first.amount_fen) == (
        E,
        "3300123456",
        Decimal("1250"),
        81283,
    )
    assert (first.period_start, first.period_end) == (date(2024, 1, 1), date(2024, 1, 31))
    assert first.time_of_use == TimeOfUse(Decimal(420), Decimal(500), Decimal(330))
    assert (second.period_start, second.period_end) == (date(2024, 2, 1), date(2024, 2, 29))
    assert second.usage == Decimal("980.5")  # exact, never a float
    assert (third.period_start, third.period_end, third.time_of_use) == (
        date(2024, 3, 1),
        date(2024, 3, 31),
        None,
    )
    lines = mk.utility_csv().decode("gbk").splitlines()
    assert all(lines[b.line - 1].startswith(b.account) for b in result.bills)
    assert not result.problems


def test_the_template_reads_electricity_and_water() -> None:
    result = read_utility_bills(TEMPLATE)
    power, water = result.bills
    assert (power.kind, power.usage, power.period_end, power.line) == (
        E,
        Decimal("1250.5"),
        date(2024, 2, 4),
        2,
    )
    assert (water.kind, water.account, water.usage, water.amount_fen) == (
        W,
        "0571009876",  # the leading zero kept: accounts are text
        Decimal(36),
        16840,
    )


def test_english_headers_and_units_in_the_cells() -> None:
    raw = bills_csv(
        "Electricity,3300123456,2024-01-05 to 2024-02-04,320 kWh,¥215.40",
        "Water,0571009876,2024/01/01~2024/02/29,15吨,68.00",
        header="Type,Account Number,Period,Usage,Amount Due",
    )
    power, water = read_utility_bills(raw, "bills.csv").bills
    assert (power.kind, power.usage, power.amount_fen) == (E, Decimal(320), 21540)
    assert (water.kind, water.usage, water.period_end) == (W, Decimal(15), date(2024, 2, 29))


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-16"])
def test_the_encodings_the_statements_come_in(encoding: str) -> None:
    text = TEMPLATE.read_text("utf-8-sig").replace("m³", "吨")  # GBK has no ³
    raw = text.encode(encoding)
    assert [(b.kind, b.usage) for b in read_utility_bills(raw, "水电.csv").bills] == [
        (E, Decimal("1250.5")),
        (W, Decimal(36)),
    ]


def test_a_workbook_of_bills() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["水费账单"])
    sheet.append(["用户编号", "计费周期", "用水量(m³)", "水费金额"])
    sheet.append(["0571009876", "2024-01", 18, 84.2])
    out = io.BytesIO()
    book.save(out)
    (water,) = read_utility_bills(out.getvalue(), "水费.xlsx").bills
    assert (water.kind, water.usage, water.amount_fen, water.line) == (W, 18, 8420, 3)


def test_the_same_bill_twice_is_counted_once_with_a_warning() -> None:
    row = "电,3300123456,2024-01-05,2024-02-04,1250.5,kWh,812.83,,,"
    result = read_utility_bills(bills_csv(row, row), "bills.csv")
    assert len(result.bills) == 1
    assert [p.message.template for p in result.problems] == [utility.SAME_BILL_TWICE]
    assert dict(result.problems[0].message.params)["first"] == 2


def test_a_long_period_in_a_file_is_a_warning_naming_the_line() -> None:
    result = read_utility_bills(
        bills_csv("水,0571009876,2024-01-01,2024-06-30,36,m³,168.40,,,"), "water.csv"
    )
    assert len(result.bills) == 1
    (warning,) = result.problems
    assert warning.message.template == utility.LONG_PERIOD[1]
    assert "water.csv, line 2" in str(warning.message)


@pytest.mark.parametrize(
    ("row", "template", "value"),
    [
        ("电,3300123456,2024-01-05,2024-02-04,12O0,kWh,812.83,,,", utility.NOT_A_USAGE, "12O0"),
        ("电,3300123456,2024-01-05,2024-02-04,-5,kWh,812.83,,,", utility.NEGATIVE_USAGE[1], "-5"),
        ("电,3300123456,2024-01-05,2024-02-04,5,kWh,-8.00,,,", utility.NEGATIVE_AMOUNT[1], "-8.00"),
        ("电,3300123456,2024-01-05,2024-02-04,5,kWh,八元,,,", NOT_AN_AMOUNT, "八元"),
        ("电,3300123456,2024-02-05,2024-02-04,5,kWh,8.00,,,", utility.END_BEFORE_START[1], ""),
        ("电,3300123456,2024-02-30,2024-03-04,5,kWh,8.00,,,", utility.NOT_A_PERIOD, "02-30"),
        ("燃气,3300123456,2024-01-05,2024-02-04,5,,8.00,,,", utility.UNKNOWN_KIND, "燃气"),
        ("水,0571009876,2024-01-05,2024-02-04,5,m³,8.00,1,2,2", utility.SPLIT_FOR_WATER[1], ""),
        (",,2024-01-05,2024-02-04,5,kWh,8.00,,,", utility.NO_ACCOUNT[1], ""),
    ],
)
def test_a_bad_line_refuses_the_file_and_is_named(row: str, template: str, value: str) -> None:
    good = "水,0571009876,2024-01-01,2024-02-29,36,m³,168.40,,,"
    error = refused(bills_csv(good, row))
    assert error.message.template == template
    assert dict(error.message.params)["line"] == 3
    assert "水电费.csv, line 3" in str(error) and value in str(error)


def test_every_bad_line_is_listed() -> None:
    raw = bills_csv(
        "电,3300123456,2024-01-05,2024-02-04,-5,kWh,8.00,,,",
        "水,0571009876,2024-01-01,2024-02-29,36,m³,168.40,,,",
        "水,0571009876,2024-13,,36,m³,168.40,,,",
    )
    error = refused(raw)
    assert error.message.template == MORE_PROBLEMS
    assert [p.line for p in error.problems] == [2, 4]


def test_a_header_without_units_cannot_tell_the_kind() -> None:
    raw = bills_csv("3300123456,2024-01,320,215.40", header="户号,账期,用量,金额")
    assert refused(raw).message.template == utility.UNKNOWN_KIND


def test_a_truncated_bill_list() -> None:
    raw = TEMPLATE.read_bytes()
    cut = raw[: raw.index(b"168.40") - 1]  # the water row loses its last cells
    error = refused(cut, "utility_bills.csv")
    assert error.message.template == SHORT_ROW
    assert dict(error.message.params)["line"] == 3


@pytest.mark.parametrize(
    ("raw", "name", "template"),
    [
        (b"", "bills.csv", EMPTY),
        (b" \r\n", "bills.csv", EMPTY),
        (bills_csv(), "bills.csv", utility.NO_BILLS),  # the header alone
        ("日期,金额\r\n2024-01-01,5.00\r\n".encode(), "bills.csv", NO_BILL_HEADER),
        ((mk.FIXTURES / "icbc.csv").read_bytes(), "bills.csv", STATEMENT_NOT_BILLS),
        ((mk.FIXTURES / "cmb.pdf").read_bytes(), "电费单.pdf", BILLS_NOT_PDF),
        (mk.ccb_xlsx(), "bills.csv", MISNAMED[WORKBOOK]),
    ],
)
def test_whole_file_refusals(raw: bytes, name: str, template: str) -> None:
    assert refused(raw, name).message.template == template


def test_mixed_encodings_are_refused_with_the_line() -> None:
    gbk = TEMPLATE.read_text("utf-8-sig").replace("m³", "吨").encode("gbk")
    lines = gbk.split(b"\n")
    lines[2] = lines[2].decode("gbk").encode("utf-8")
    error = refused(b"\n".join(lines))
    assert error.message.template == MIXED
    assert dict(error.message.params)["line"] == 3  # the one UTF-8 line among GBK ones


def test_a_zip_bomb_named_as_bills() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", bytes(64 * 2**20))
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert refused(out.getvalue(), "bills.xlsx").message.template == ZIP_BOMB


def test_a_bill_list_given_as_a_statement_says_what_it_is() -> None:
    with pytest.raises(StatementRefused) as caught:
        read_statement(mk.FIXTURES / "utility.csv")
    assert caught.value.message.template == BILLS_NOT_STATEMENT


# --- round trip: any valid bill written into the template reads back the same ---------------

_usages = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)


@given(
    kind=st.sampled_from([E, W]),
    account=st.from_regex(r"[0-9]{6,16}", fullmatch=True),
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 1, 1)),
    days=st.integers(min_value=0, max_value=utility.LONGEST_PERIOD_DAYS - 1),
    usage=_usages,
    fen=st.integers(min_value=0, max_value=10**10),
    thousands=st.booleans(),
    split=st.booleans(),
    date_form=st.sampled_from(["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%Y年%m月%d日"]),
)
def test_a_bill_written_then_read_is_the_same_bill(
    kind: UtilityKind,
    account: str,
    start: date,
    days: int,
    usage: Decimal,
    fen: int,
    thousands: bool,
    split: bool,
    date_form: str,
) -> None:
    end = start + timedelta(days=days)
    parts = (usage, Decimal(0), Decimal(0)) if split and kind is E else None
    shown = f"{usage:,}" if thousands else str(usage)
    cells = [
        "电" if kind is E else "水",
        account,
        start.strftime(date_form),
        end.strftime(date_form),
        f'"{shown}"',
        "度" if kind is E else "吨",
        f'"{format_fen(fen, thousands=thousands, currency="¥")}"',
        *([str(p) for p in parts] if parts else ["", "", ""]),
    ]
    (read,) = read_utility_bills(bills_csv(",".join(cells)), "bills.csv").bills
    expected = UtilityBill(
        kind,
        account,
        start,
        end,
        usage,
        fen,
        TimeOfUse(*parts) if parts else None,
        read.file_sha256,
        2,
    )
    assert read == expected
