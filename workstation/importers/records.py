"""What an imported bill or statement becomes: plain, frozen transaction records.

Money is integer fen, signed from the account owner's point of view (income +, expense −).
Every record keeps the SHA-256 of the file and the line of the original file it came from, so
a rebuilt statement can always be traced back to its source. Problems are data (beancount's
habit): a ``ImportProblem`` names the line and carries a translatable ``Message``; a whole-file
refusal is a ``StatementRefused`` exception carrying the same.
"""

from __future__ import annotations

import enum
import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat
from typing import Any, NamedTuple

from workstation.domain.messages import Message


class Source(enum.StrEnum):
    """Which export a record came from (the importer that read it)."""

    ALIPAY = "alipay"
    WECHAT = "wechat"
    BANK_ICBC = "bank_icbc"
    BANK_CCB = "bank_ccb"
    BANK_CCB_SIGNED = "bank_ccb_signed"
    BANK_CMB = "bank_cmb"
    BANK_BOCOM = "bank_bocom"
    BANK_OTHER = "bank_other"  # a layout mapped by hand (importers/mapped.py)


class Flow(enum.StrEnum):
    """Which way the money went, as the export tells it.

    ``NEUTRAL`` is Alipay's 不计收支 and WeChat's ``/``: top-ups, withdrawals, card repayments,
    moves to and from 余额宝 — the vendor does not count them as income or expense. Their
    ``amount_fen`` is the unsigned amount (refunds excepted: money back is positive).
    """

    INCOME = "income"
    EXPENSE = "expense"
    NEUTRAL = "neutral"


class Transaction(NamedTuple):
    """One money movement, as one line of one file tells it.

    A named tuple, not a dataclass: a 100,000-line statement's records are made straight from
    its columns (``transactions_of``), a tuple each, with no per-record dict; the fields are
    read by name as before, and the record is as immutable.
    """

    source: Source
    file_sha256: str
    line: int  # 1-based physical line (CSV) or row (XLSX) in the original file
    timestamp: datetime  # local (China) time as printed; midnight when only a date is given
    time_known: bool  # False when the export gives only a date
    amount_fen: int  # signed: income +, expense −; see Flow.NEUTRAL
    flow: Flow
    direction: str  # the direction text as given: 收入, 支出, 不计收支, /, 借, 贷, or ""
    counterparty: str = ""
    counterparty_account: str = ""  # always text: account numbers lose digits as numbers
    memo: str = ""  # product / summary (商品说明, 商品, 摘要, 交易摘要)
    category: str = ""  # the vendor's own kind (交易分类, 交易类型)
    status: str = ""  # 交易成功, 支付成功, 已全额退款, … ("" for bank statements)
    order_number: str = ""  # 交易订单号 / 交易单号
    merchant_order_number: str = ""  # 商家订单号 / 商户单号
    channel: str = ""  # payment method (收/付款方式, 支付方式) or bank place (交易场所, 交易地点)
    note: str = ""  # 备注, 客户摘要, 交易详情
    currency: str = "CNY"
    balance_fen: int | None = None  # the bank's running balance after this line, when given
    is_refund: bool = False  # this row gives money back for an earlier order
    refund_of: str = ""  # that earlier order's number, when it is in the same file
    refunded_fen: int = 0  # for an original order: how much of it was refunded (WeChat status)


def transactions_of(*columns: Iterable[Any]) -> Iterator[Transaction]:
    """The records whose fields, in ``Transaction``'s order, are ``columns`` (one per field),
    built in C: no Python call a record."""
    return map(_NEW, repeat(Transaction), zip(*columns))  # noqa: B905 - repeat() columns are endless


_NEW = tuple.__new__


@dataclass(frozen=True)
class ImportProblem:
    """Something wrong or doubtful at one line; the message names the file and the line."""

    line: int  # 0 when the problem is about the whole file
    message: Message


@dataclass(frozen=True)
class Period:
    """The dates a statement covers, both inclusive."""

    start: date
    end: date
    stated: bool  # True when the file says so; False when taken from the rows themselves


@dataclass(frozen=True)
class AccountInfo:
    """Who and which account the statement is about, from its preamble."""

    owner: str = ""  # 姓名, 微信昵称, 户名
    account: str = ""  # 支付宝账户, 卡号, 账号
    preamble: tuple[tuple[str, str], ...] = ()  # every "label：value" line, in file order


@dataclass(frozen=True)
class ImportResult:
    """A whole file read: its transactions, the period and account, and non-fatal problems.

    ``dropped`` lists rows deliberately left out (a closed order was never paid) with why, so
    the officer can see every line of the file accounted for.
    """

    source: Source
    file_name: str
    file_sha256: str
    transactions: tuple[Transaction, ...]
    period: Period | None
    account: AccountInfo
    problems: tuple[ImportProblem, ...] = field(default=())
    dropped: tuple[ImportProblem, ...] = field(default=())


class StatementRefused(Exception):
    """The whole file is refused; nothing of it may be stored.

    ``message`` names the file (and the line where there is one); ``problems`` holds every
    fatal problem found, the first of which is ``message``.
    """

    def __init__(self, message: Message, problems: tuple[ImportProblem, ...] = ()) -> None:
        super().__init__(message.render())
        self.message = message
        self.problems = problems or (ImportProblem(_line_of(message), message),)


def _line_of(message: Message) -> int:
    value = dict(message.params).get("line", 0)
    return value if isinstance(value, int) else 0


# --- building a whole file's objects ----------------------------------------------------------

_pause_lock = threading.Lock()
_pause_depth = 0
_pause_reenable = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a file's rows and records are built.

    Building 100,000 rows and records makes the collector walk every live object again and
    again as they accumulate (each full pass more costly than the last): 30–40 % of a large
    import. None of it is garbage and nothing here makes reference cycles, so collection waits
    until the file is read; reference counting frees everything else as usual. Nested and
    concurrent readers share one pause; the collector is switched back on only if it was on.
    """
    global _pause_depth, _pause_reenable
    with _pause_lock:
        if _pause_depth == 0:
            _pause_reenable = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause_depth -= 1
            if _pause_depth == 0 and _pause_reenable:
                gc.enable()
