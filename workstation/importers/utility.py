"""Utility bills (水电费单): electricity and water, typed in by hand or read from a simple CSV.

A bill is what a meter says a business used (R23, R24: a business whose sales double while
its power use halves is flagged), so usage is kept exactly, as ``Decimal`` kWh or m³ (度 is a
kWh, and a water bill's 吨 is a m³), and money as integer fen. There is no standard export
(FORMATS.md): the CSV's header is found by content, Chinese or English, with the columns of
resources/templates/utility_bills.csv or the names bills print (户号/缴费号, 账期 or
起始日期/结束日期, 用电量/用水量/用量 with a unit, 金额/应缴金额, 峰/平/谷).

``check_bill`` is the one set of checks, for a bill typed in and for every CSV row; a CSV
with any error is refused whole (``StatementRefused``), as the other importers do. Reading
bytes into tables is ``detect.read_utility_bills``.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.importers.amounts import BadValue, format_fen, parse_amount_fen, parse_stamp
from workstation.importers.common import EXCEL_ROUNDED, MORE_PROBLEMS, SHORT_ROW
from workstation.importers.decode import header_key
from workstation.importers.records import ImportProblem, StatementRefused
from workstation.importers.tables import HEADER_SEARCH_ROWS, Row, Table, is_note

LONGEST_PERIOD_DAYS = 92  # a quarter; monthly and two-monthly bills are the rule


class UtilityKind(enum.StrEnum):
    ELECTRICITY = "electricity"
    WATER = "water"


UNITS = {UtilityKind.ELECTRICITY: "kWh", UtilityKind.WATER: "m³"}


@dataclass(frozen=True)
class TimeOfUse:
    """An electricity bill's usage by time of day (峰 peak, 平 flat, 谷 valley), in kWh."""

    peak: Decimal
    flat: Decimal
    valley: Decimal

    @property
    def total(self) -> Decimal:
        return self.peak + self.flat + self.valley


@dataclass(frozen=True)
class UtilityBill:
    """One bill: what one meter (account) used over one period, and what it cost."""

    kind: UtilityKind
    account: str  # 户号 / 缴费号, always text: account numbers lose digits as numbers
    period_start: date  # both inclusive; bills follow the meter reading, not calendar months
    period_end: date
    usage: Decimal  # kWh (electricity) or m³ (water), exactly as printed
    amount_fen: int  # what the bill asks for (water: water + sewage + resource fees)
    time_of_use: TimeOfUse | None = None  # electricity only, when the bill splits it
    file_sha256: str = ""  # "" for a bill typed in by hand
    line: int = 0  # the line of that file; 0 for a bill typed in

    @property
    def unit(self) -> str:
        return UNITS[self.kind]

    @property
    def days(self) -> int:
        return (self.period_end - self.period_start).days + 1


@dataclass(frozen=True)
class BillCheck:
    """``errors`` stop a bill (and a file holding it); ``warnings`` are for the officer."""

    errors: tuple[ImportProblem, ...] = ()
    warnings: tuple[ImportProblem, ...] = ()


@dataclass(frozen=True)
class UtilityImport:
    """A whole CSV of bills read; ``problems`` are warnings only (errors refuse the file)."""

    file_name: str
    file_sha256: str
    bills: tuple[UtilityBill, ...]
    problems: tuple[ImportProblem, ...] = field(default=())


# --- checks: (typed in, in a file) ---------------------------------------------------------

NEGATIVE_USAGE = (
    QT_TRANSLATE_NOOP("messages", "The usage {value} {unit} is negative"),
    QT_TRANSLATE_NOOP("messages", "{file}, line {line}: the usage {value} {unit} is negative"),
)
NEGATIVE_AMOUNT = (
    QT_TRANSLATE_NOOP("messages", "The amount {value} is negative"),
    QT_TRANSLATE_NOOP("messages", "{file}, line {line}: the amount {value} is negative"),
)
END_BEFORE_START = (
    QT_TRANSLATE_NOOP("messages", "The period ends on {end}, before it starts on {start}"),
    QT_TRANSLATE_NOOP(
        "messages", "{file}, line {line}: the period ends on {end}, before it starts on {start}"
    ),
)
LONG_PERIOD = (
    QT_TRANSLATE_NOOP(
        "messages",
        "The period {start} to {end} is {days} days; a bill covers at most about three months",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{file}, line {line}: the period {start} to {end} is {days} days; a bill covers at "
        "most about three months",
    ),
)
SPLIT_FOR_WATER = (
    QT_TRANSLATE_NOOP("messages", "Only electricity is split into peak, flat and valley"),
    QT_TRANSLATE_NOOP(
        "messages", "{file}, line {line}: only electricity is split into peak, flat and valley"
    ),
)
SPLIT_MISMATCH = (
    QT_TRANSLATE_NOOP(
        "messages", "Peak, flat and valley add up to {parts} kWh, not the usage {usage} kWh"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{file}, line {line}: peak, flat and valley add up to {parts} kWh, not the usage "
        "{usage} kWh",
    ),
)
NO_ACCOUNT = (
    QT_TRANSLATE_NOOP("messages", "The account number (户号) is missing"),
    QT_TRANSLATE_NOOP("messages", "{file}, line {line}: the account number (户号) is missing"),
)


def check_bill(bill: UtilityBill, *, file: str = "") -> BillCheck:
    """Errors and warnings about one bill; with ``file``, the messages name it and the line."""
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []

    def say(into: list[ImportProblem], templates: tuple[str, str], **params: Any) -> None:
        if file:
            params.update(file=file, line=bill.line)
        into.append(ImportProblem(bill.line, Message.of(templates[bool(file)], **params)))

    if not bill.account.strip():
        say(errors, NO_ACCOUNT)
    if bill.usage < 0:
        say(errors, NEGATIVE_USAGE, value=str(bill.usage), unit=bill.unit)
    if bill.amount_fen < 0:
        say(errors, NEGATIVE_AMOUNT, value=format_fen(bill.amount_fen, thousands=True))
    start, end = bill.period_start.isoformat(), bill.period_end.isoformat()
    if bill.period_end < bill.period_start:
        say(errors, END_BEFORE_START, start=start, end=end)
    elif bill.days > LONGEST_PERIOD_DAYS:
        say(warnings, LONG_PERIOD, start=start, end=end, days=bill.days)
    split = bill.time_of_use
    if split is not None and bill.kind is UtilityKind.WATER:
        say(errors, SPLIT_FOR_WATER)
    elif split is not None and split.total != bill.usage:
        say(warnings, SPLIT_MISMATCH, parts=str(split.total), usage=str(bill.usage))
    return BillCheck(tuple(errors), tuple(warnings))


# --- the CSV -------------------------------------------------------------------------------

NO_BILLS = QT_TRANSLATE_NOOP("messages", "{file} has the columns of utility bills but no bill")
UNKNOWN_KIND = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: cannot tell whether “{value}” is an electricity or a water bill",
)
NOT_A_USAGE = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: “{value}” is not a usage (a number of kWh or m³)"
)
NOT_A_PERIOD = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: “{value}” is not a billing period (2024-01, or two dates such as "
    "2024-01-05至2024-02-04)",
)
SAME_BILL_TWICE = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: the same account and period as line {first}; counted once"
)

# Header names, compared after NFKC, without spaces, lower case, and without a unit in
# brackets (用电量(kWh) → 用电量, unit kwh).
ROLES: dict[str, tuple[str, ...]] = {
    "kind": ("类型", "费用类型", "账单类型", "缴费类型", "种类", "kind", "type", "utility"),
    "account": ("户号", "缴费号", "户号/缴费号", "用户编号", "客户编号", "用户号", "account",
                "accountnumber", "account_number", "accountno"),
    "period": ("账期", "计费周期", "账单周期", "抄表周期", "period", "billingperiod"),
    "start": ("起始日期", "开始日期", "计费起始日期", "上次抄表日期", "起始时间", "periodstart",
              "period_start", "startdate", "start", "from"),
    "end": ("结束日期", "截止日期", "终止日期", "计费截止日期", "本次抄表日期", "结束时间",
            "periodend", "period_end", "enddate", "end", "to"),
    "usage": ("用电量", "用水量", "用量", "电量", "水量", "本期用量", "本期电量", "本期水量",
              "实际用量", "usage"),
    "unit": ("单位", "unit"),
    "amount": ("金额", "应缴金额", "应交金额", "本期金额", "电费金额", "水费金额", "本期电费",
               "本期水费", "应缴电费", "应缴水费", "合计金额", "费用合计", "电费", "水费",
               "amount", "amountdue", "amount_due", "amount_yuan", "total"),
    "peak": ("峰", "峰段", "峰段用量", "峰时段用量", "峰电量", "峰段电量", "peak", "peak_kwh"),
    "flat": ("平", "平段", "平段用量", "平时段用量", "平电量", "平段电量", "flat", "flat_kwh"),
    "valley": ("谷", "谷段", "谷段用量", "谷时段用量", "谷电量", "谷段电量", "valley",
               "valley_kwh", "offpeak"),
}  # fmt: skip
_REQUIRED = (
    ("account", "usage", "amount", "period"),
    ("account", "usage", "amount", "start", "end"),
)
_KIND_WORDS = (
    (UtilityKind.ELECTRICITY, ("电", "kwh", "度", "千瓦时", "elec", "power")),
    (UtilityKind.WATER, ("水", "m3", "吨", "立方", "方", "water")),
)
_UNIT_SUFFIX = re.compile(r"(.+?)\(([^()]*)\)")
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_USAGE_UNIT = re.compile(r"(?i)\s*(kwh|千瓦时|度|m3|立方米|吨|方)$")
_DAY = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8}"
_DAYS = re.compile(_DAY)
_SEPARATORS = re.compile(r"[\s\-~～—–至到]*|\s*to\s*", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))")


@dataclass(frozen=True)
class BillHeader:
    """Where a bill CSV's header is: its row index, columns by role, and units named in it."""

    index: int
    columns: dict[str, int]
    hints: tuple[str, ...]  # the usage and amount titles, which may say 电 or 水 / kWh or m³


def find_bill_header(table: Table) -> BillHeader | None:
    """The first row naming an account, a period, a usage and an amount, or None."""
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        if row.filled < 4:
            continue
        names = [_title(cell) for cell in row.cells]
        columns: dict[str, int] = {}
        for role, aliases in ROLES.items():
            found = next((i for i, (name, _) in enumerate(names) if name in aliases), None)
            if found is not None:
                columns[role] = found
        if any(all(r in columns for r in needed) for needed in _REQUIRED):
            hints = tuple(
                f"{names[columns[r]][0]} {names[columns[r]][1]}"
                for r in ("usage", "amount")
                if r in columns
            )
            return BillHeader(index, columns, hints)
    return None


def _title(cell: str) -> tuple[str, str]:
    """(name, unit) of a header title: ``用电量（kWh）`` → (用电量, kwh)."""
    key = header_key(cell).lower()
    match = _UNIT_SUFFIX.fullmatch(key)
    return (match.group(1), match.group(2)) if match else (key, "")


def read_bills(table: Table, header: BillHeader, file: str, sha256: str) -> UtilityImport:
    """Every bill under the header, or ``StatementRefused`` listing every bad line."""
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []
    bills: list[UtilityBill] = []
    seen: dict[tuple[UtilityKind, str, date, date], int] = {}
    needed = max(header.columns.values()) + 1
    for row in table.rows[header.index + 1 :]:
        if is_note(row):
            continue
        if len(row.cells) < needed:
            errors.append(
                _problem(file, row.line, SHORT_ROW, found=len(row.cells), expected=needed)
            )
            continue
        bill = _bill(row, header, file, sha256, errors, warnings)
        if bill is None:
            continue
        checked = check_bill(bill, file=file)
        errors.extend(checked.errors)
        warnings.extend(checked.warnings)
        key = (bill.kind, bill.account, bill.period_start, bill.period_end)
        if key in seen:
            warnings.append(_problem(file, row.line, SAME_BILL_TWICE, first=seen[key]))
            continue
        seen[key] = row.line
        bills.append(bill)
    if errors:
        message = errors[0].message
        if len(errors) > 1:
            message = Message.of(MORE_PROBLEMS, file=file, count=len(errors), line=errors[0].line)
        raise StatementRefused(message, tuple(errors))
    if not bills:
        raise StatementRefused(Message.of(NO_BILLS, file=file))
    return UtilityImport(file, sha256, tuple(bills), tuple(warnings))


def _problem(file: str, line: int, template: str, **params: Any) -> ImportProblem:
    return ImportProblem(line, Message.of(template, file=file, line=line, **params))


def _bill(
    row: Row,
    header: BillHeader,
    file: str,
    sha256: str,
    errors: list[ImportProblem],
    warnings: list[ImportProblem],
) -> UtilityBill | None:
    """One row as a bill; what cannot be read goes to ``errors`` (and None is returned)."""
    found_before = len(errors)
    columns = header.columns

    def cell(role: str) -> str:
        return row.cell(columns.get(role))

    def fail(template: str, value: str) -> None:
        errors.append(_problem(file, row.line, template, value=value))

    kind = _kind(cell("kind"), cell("unit"), cell("usage"), *header.hints)
    if kind is None:
        fail(UNKNOWN_KIND, cell("kind") or cell("unit") or cell("usage"))
    period = _period(cell("period")) if "period" in columns else _range(cell("start"), cell("end"))
    if period is None:
        shown = cell("period") or f"{cell('start')} – {cell('end')}"
        fail(NOT_A_PERIOD, shown)
    usage = _usage(cell("usage"))
    if usage is None:
        fail(NOT_A_USAGE, cell("usage"))
    amount = None
    try:
        amount = parse_amount_fen(cell("amount"))
    except BadValue as exc:
        fail(exc.template, exc.value)
    split = _split(cell("peak"), cell("flat"), cell("valley"), fail)
    account = cell("account")
    if ("E" in account or "e" in account) and re.fullmatch(r"\d(?:\.\d+)?[eE]\+?\d+", account):
        warnings.append(_problem(file, row.line, EXCEL_ROUNDED, value=account))
    if len(errors) > found_before:
        return None
    assert kind is not None and period is not None and usage is not None and amount is not None
    return UtilityBill(kind, account, period[0], period[1], usage, amount, split, sha256, row.line)


def _kind(*texts: str) -> UtilityKind | None:
    """电/电费/kWh/度 → electricity, 水/水费/m³/吨 → water; the first text that tells wins."""
    for text in texts:
        folded = unicodedata.normalize("NFKC", text).lower()
        told = {kind for kind, words in _KIND_WORDS if any(w in folded for w in words)}
        if len(told) == 1:
            return told.pop()
    return None


def _usage(text: str) -> Decimal | None:
    """``1,234.5``, ``320度``, ``15 m³`` → the number, exactly; None when it is none."""
    s = _USAGE_UNIT.sub("", unicodedata.normalize("NFKC", text).strip())
    return Decimal(s.replace(",", "")) if _NUMBER.fullmatch(s) else None


def _split(peak: str, flat: str, valley: str, fail: Any) -> TimeOfUse | None:
    """Peak/flat/valley when any is given (a missing one is 0), else None."""
    if not (peak or flat or valley):
        return None
    parts = []
    for text in (peak, flat, valley):
        value = _usage(text) if text else Decimal(0)
        if value is None:
            fail(NOT_A_USAGE, text)
            return None
        parts.append(value)
    return TimeOfUse(*parts)


def _day(text: str) -> date | None:
    try:
        return parse_stamp(text).at.date()  # "2024/1/5 0:00" as Excel re-saves it
    except BadValue:
        return None


def _range(start: str, end: str) -> tuple[date, date] | None:
    first, last = _day(start), _day(end)
    return (first, last) if first and last else None


def _period(text: str) -> tuple[date, date] | None:
    """``2024-01`` / ``2024年1月`` / ``202401`` (a calendar month), or two dates with 至, ~, -
    or "to" between them."""
    s = unicodedata.normalize("NFKC", text).strip()
    month = _MONTH.fullmatch(s)
    if month:
        year, number = int(month.group(1)), int(month.group(2) or month.group(3))
        if 1 <= number <= 12:
            return date(year, number, 1), date(year, number, monthrange(year, number)[1])
        return None
    days = _DAYS.findall(s)
    if len(days) != 2 or not _SEPARATORS.fullmatch(_DAYS.sub("", s)):
        return None
    return _range(*days)
