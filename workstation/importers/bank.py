"""Bank statements (银行流水) as CSV or XLSX: presets by bank, columns mapped by name.

Three sign conventions exist (FORMATS.md): one signed amount column (CMB, CCB's second
layout), income and expense in two columns (ICBC, CCB with 0.0 in the unused one), or an
unsigned amount with a debit/credit flag (Bank of Communications' 借贷). A ``BankLayout`` is
the column mapping; a later column-mapping dialog builds one for any other bank.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import attrgetter, itemgetter, not_, sub

from workstation.domain.messages import QT_TRANSLATE_NOOP
from workstation.importers.amounts import join_date_time, parse_amount_column, parse_stamp_column
from workstation.importers.common import Reading, getter, role_columns
from workstation.importers.records import (
    Flow,
    ImportResult,
    Source,
    Transaction,
    collection_paused,
    transactions_of,
)
from workstation.importers.tables import Row, Table


class Signs(enum.Enum):
    SIGNED = "signed"  # one column, income +, expense −
    TWO_COLUMNS = "two_columns"  # "income" and "expense" columns, both unsigned
    FLAG = "flag"  # unsigned "amount" plus a 借/贷 "flag" column


@dataclass(frozen=True)
class BankLayout:
    """How one bank's export names its columns. Roles: date, time, amount, income, expense,
    flag, balance, memo, counterparty, account, party (account and name in one cell), place,
    currency, note. ``required`` roles must all be in the header for the layout to match."""

    source: Source
    signs: Signs
    roles: dict[str, tuple[str, ...]]
    required: tuple[str, ...]


ICBC = BankLayout(
    Source.BANK_ICBC,
    Signs.TWO_COLUMNS,
    {
        "date": ("交易日期",),
        "memo": ("摘要",),
        "place": ("交易场所",),
        "income": ("记账金额(收入)", "交易金额(收入)"),
        "expense": ("记账金额(支出)", "交易金额(支出)"),
        "currency": ("记账币种", "交易币种"),
        "balance": ("余额",),
        "counterparty": ("对方户名",),
        "account": ("对方账户", "对方账号"),
        "note": ("交易详情",),
    },
    ("date", "memo", "income", "expense", "balance"),
)
CCB = BankLayout(
    Source.BANK_CCB,
    Signs.TWO_COLUMNS,
    {
        "booked": ("记账日",),
        "date": ("交易日期",),
        "time": ("交易时间",),
        "expense": ("支出",),
        "income": ("收入",),
        "balance": ("账户余额",),
        "currency": ("币种",),
        "memo": ("摘要",),
        "account": ("对方账号",),
        "counterparty": ("对方户名",),
        "place": ("交易地点",),
    },
    ("booked", "date", "expense", "income", "balance"),
)
CCB_SIGNED = BankLayout(
    Source.BANK_CCB_SIGNED,
    Signs.SIGNED,
    {
        "serial": ("序号",),
        "memo": ("摘要",),
        "currency": ("币别",),
        "date": ("交易日期",),
        "amount": ("交易金额",),
        "balance": ("账户余额",),
        "place": ("交易地点/附言",),
        "party": ("对方账号与户名",),
    },
    ("serial", "date", "amount", "balance", "party"),
)
CMB = BankLayout(
    Source.BANK_CMB,
    Signs.SIGNED,
    {
        "date": ("记账日期",),
        "currency": ("货币",),
        "amount": ("交易金额",),
        "balance": ("联机余额",),
        "memo": ("交易摘要",),
        "counterparty": ("对手信息",),
        "note": ("客户摘要",),
    },
    ("date", "amount", "balance", "memo", "counterparty"),
)
BOCOM = BankLayout(
    Source.BANK_BOCOM,
    Signs.FLAG,
    {
        "date": ("交易日期", "记账日期"),
        "time": ("交易时间",),
        "memo": ("摘要", "交易摘要"),
        "flag": ("借贷", "借贷标志"),
        "amount": ("交易金额", "发生额"),
        "balance": ("余额", "账户余额"),
        "account": ("对方账号", "对方账户"),
        "counterparty": ("对方户名",),
        "place": ("交易地点", "交易网点"),
    },
    ("date", "flag", "amount", "balance"),
)
# Most specific first: CCB's header also holds 交易日期/摘要, which ICBC and BoCom need.
PRESETS: tuple[BankLayout, ...] = (CCB, CCB_SIGNED, ICBC, CMB, BOCOM)

_DEBIT = ("借", "DR", "D", "支出", "出")
_CREDIT = ("贷", "CR", "C", "收入", "入")

BOTH_COLUMNS = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: both the income and the expense column hold an amount"
)
UNKNOWN_FLAG = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: “{value}” is neither 借 (debit) nor 贷 (credit)"
)
NO_AMOUNT = QT_TRANSLATE_NOOP("messages", "{file}, line {line}: no money moved")


# Every role, in one order; ``getter`` fetches them all from a row at once (a role the
# layout lacks reads as ""), instead of ten look-ups by name a row.
_FIELDS = ("date", "time", "amount", "flag", "income", "expense", "balance", "account",
           "counterparty", "party", "memo", "place", "note", "currency")  # fmt: skip
(_DATE, _TIME, _AMOUNT, _FLAG, _INCOME, _EXPENSE, _BALANCE, _ACCOUNT, _PARTY, _JOINED, _MEMO,
 _PLACE, _NOTE, _CURRENCY) = range(len(_FIELDS))  # fmt: skip
_CELLS, _LINE, _FIRST = attrgetter("cells"), attrgetter("line"), itemgetter(slice(1))
_TWO_COLUMN_WORDS = {True: "收入", False: "支出"}  # the direction: is there income?
_FLOW_BY_SIGN, _ZERO = {True: Flow.INCOME, False: Flow.EXPENSE}, 0  # is the amount above 0?
_CNY = dict.fromkeys(("", "人民币", "RMB", "CNY", "人民币元"), "CNY")  # _currency, as a look-up


def read(
    layout: BankLayout, table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    with collection_paused():  # 100,000 rows' records: see records.collection_paused
        return _read(layout, table, header, columns, file, sha256)


def _read(
    layout: BankLayout, table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    reading = Reading(file, sha256, layout.source)
    get, make = getter(columns, _FIELDS), Transaction
    timed, joined = "time" in columns, "party" in columns
    block = reading.data_block(table, header, columns, _FIELDS)
    if block is None:
        rows = list(reading.data_rows(table, header, columns))
        lines, cells = list(map(_LINE, rows)), role_columns(rows, columns, _FIELDS)
    else:  # the body a column at a time: no row object made (tables.LazyRows)
        lines, cells = block
    if not reading.fatal and _read_columns(reading, layout, lines, cells, timed, joined):
        return reading.result(table, header)
    if block is not None:  # the rows the block held, one by one, to name what is wrong
        rows = list(reading.data_rows(table, header, columns))
    for row, v in zip(rows, map(get, map(_CELLS, rows)), strict=True):
        _add(reading, layout, row, v, timed, joined, make)
    return reading.result(table, header)


def _read_columns(
    reading: Reading,
    layout: BankLayout,
    lines: list[int],
    columns: list[Sequence[str]],
    timed: bool,
    joined: bool,
) -> bool:
    """``_add`` for every row, a column at a time, for a file where every row is read: the
    same records, drops and warnings in the same order. False, with nothing added to
    ``reading``, when some row has a problem (or the layout flags debit and credit in words);
    the row-by-row loop then names it."""
    if layout.signs is Signs.FLAG:
        return False
    stamps = parse_stamp_column(
        list(map(join_date_time, columns[_DATE], columns[_TIME])) if timed else columns[_DATE]
    )
    if stamps is None:
        return False
    if layout.signs is Signs.SIGNED:
        raw = columns[_AMOUNT]
        if "" in raw:
            return False
        amounts = parse_amount_column(raw)
        if amounts is None:
            return False
        directions = [d if d in "+-" else "" for d in map(_FIRST, raw)]
    else:
        income, expense = (
            parse_amount_column(columns[_INCOME], 0),
            parse_amount_column(columns[_EXPENSE], 0),
        )
        if income is None or expense is None or any(map(all, zip(income, expense, strict=True))):
            return False  # unreadable, or both columns hold an amount
        # at most one of the two is non-zero: income − expense is the one there, signed
        amounts = list(map(sub, map(abs, income), map(abs, expense)))
        directions = list(map(_TWO_COLUMN_WORDS.__getitem__, map(bool, income)))
    balances = parse_amount_column(columns[_BALANCE])
    if balances is None:
        return False
    if joined:
        parts = [p.partition("/") for p in columns[_JOINED]]
        accounts, names = [p[0] for p in parts], [p[2] for p in parts]
    else:
        accounts, names = columns[_ACCOUNT], columns[_PARTY]
        if not any(accounts) and any(map(_NAME_THEN_ACCOUNT.search, names)):
            split = [split_name_account(n) for n in names]
            names, accounts = [n for n, _ in split], [a for _, a in split]
    accounts = list(map(str.strip, accounts))
    kept = list(map(bool, amounts))
    everything = all(kept)
    # the drops and warnings, in row order as ``_add`` makes them
    for i in () if everything else compress(count(), map(not_, kept)):
        reading.drop(lines[i], NO_AMOUNT)
    for i in sorted(reading.rounded(accounts)):
        if kept[i]:
            reading.identifier(lines[i], accounts[i])

    def keep(column: Iterable[object]) -> Iterable[object]:
        return column if everything else compress(column, kept)

    reading.transactions.extend(
        transactions_of(
            repeat(layout.source),  # source
            repeat(reading.sha256),  # file_sha256
            keep(lines),  # line
            keep(stamps[0]),  # timestamp
            keep(stamps[1]),  # time_known
            keep(amounts),  # amount_fen
            keep(map(_FLOW_BY_SIGN.__getitem__, map(_ZERO.__lt__, amounts))),  # flow
            keep(directions),  # direction
            keep(map(str.strip, names)),  # counterparty
            keep(accounts),  # counterparty_account
            keep(columns[_MEMO]),  # memo
            repeat(""),  # category
            repeat(""),  # status
            repeat(""),  # order_number
            repeat(""),  # merchant_order_number
            keep(columns[_PLACE]),  # channel
            keep(columns[_NOTE]),  # note
            keep(map(_CNY.get, columns[_CURRENCY], columns[_CURRENCY])),  # currency
            keep(balances),  # balance_fen
            repeat(False),  # is_refund
            repeat(""),  # refund_of
            repeat(0),  # refunded_fen
        )
    )
    return True


def _signed_amount(
    reading: Reading, layout: BankLayout, row: Row, v: tuple[str, ...]
) -> tuple[int | None, str]:
    """(signed fen, direction text as given)."""
    if layout.signs is Signs.SIGNED:
        raw = v[_AMOUNT]
        return reading.amount(row, raw), raw[:1] if raw[:1] in "+-" else ""
    if layout.signs is Signs.FLAG:
        flag = v[_FLAG]
        amount = reading.amount(row, v[_AMOUNT])
        word = flag.split()[0].upper() if flag.split() else ""
        if word not in _DEBIT + _CREDIT:
            reading.fail(row.line, UNKNOWN_FLAG, value=flag)
            return None, flag
        if amount is None:
            return None, flag
        return (-abs(amount) if word in _DEBIT else abs(amount)), flag
    income_text, expense_text = v[_INCOME], v[_EXPENSE]
    income = reading.amount(row, income_text) if income_text else 0
    expense = reading.amount(row, expense_text) if expense_text else 0
    if income is None or expense is None:
        return None, ""
    if income and expense:
        reading.fail(row.line, BOTH_COLUMNS)
        return None, ""
    return (abs(income) if income else -abs(expense)), ("收入" if income else "支出")


def _add(
    reading: Reading,
    layout: BankLayout,
    row: Row,
    v: tuple[str, ...],
    timed: bool,
    joined: bool,
    make: Callable[..., Transaction],
) -> None:
    when = join_date_time(v[_DATE], v[_TIME]) if timed else v[_DATE]
    stamp = reading.stamp(row, when)
    amount, direction = _signed_amount(reading, layout, row, v)
    balance_text = v[_BALANCE]
    balance = reading.amount(row, balance_text) if balance_text else None
    if stamp is None or amount is None:
        return
    if amount == 0:
        reading.drop(row.line, NO_AMOUNT)
        return
    account, name = v[_ACCOUNT], v[_PARTY]
    if joined:
        account, _, name = v[_JOINED].partition("/")
    elif not account:
        name, account = split_name_account(name)
    reading.transactions.append(
        make(
            layout.source,  # source
            reading.sha256,  # file_sha256
            row.line,  # line
            stamp.at,  # timestamp
            stamp.time_known,  # time_known
            amount,  # amount_fen
            Flow.INCOME if amount > 0 else Flow.EXPENSE,  # flow
            direction,  # direction
            name.strip(),  # counterparty
            reading.identifier(row, account.strip()),  # counterparty_account
            v[_MEMO],  # memo
            "",  # category
            "",  # status
            "",  # order_number
            "",  # merchant_order_number
            v[_PLACE],  # channel
            v[_NOTE],  # note
            _currency(v[_CURRENCY]),  # currency
            balance,  # balance_fen
            False,  # is_refund
            "",  # refund_of
            0,  # refunded_fen
        )
    )


# CMB's 对手信息 gives the name and the account in one cell: "某某供应商 6222000011110000"
_NAME_THEN_ACCOUNT = re.compile(r"^(.*\S)[\s\u3000]+([0-9*]{8,})$")


def split_name_account(text: str) -> tuple[str, str]:
    """(name, account) of a cell that ends in an account number after a space; an account
    kept in the name would be shown unmasked wherever the name is (R37)."""
    found = _NAME_THEN_ACCOUNT.search(text.strip())
    return (found[1], found[2]) if found else (text, "")


def _currency(value: str) -> str:
    return "CNY" if value in ("", "人民币", "RMB", "CNY", "人民币元") else value
