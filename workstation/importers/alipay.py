"""Alipay (支付宝) transaction statement, app export (CSV, GBK, preamble; FORMATS.md).

Amounts are unsigned; the direction is in ``收/支`` (收入, 支出, 不计收支). A closed order
(交易关闭) was never paid and is left out — unless a refund in the same file reverses it,
which proves it was paid. A refund is its own row whose order number extends the original's.
"""

from __future__ import annotations

from collections.abc import Callable

from workstation.domain.messages import QT_TRANSLATE_NOOP
from workstation.importers.common import Reading, getter
from workstation.importers.records import (
    Flow,
    ImportResult,
    Source,
    Transaction,
    transaction_maker,
)
from workstation.importers.tables import Row, Table

ROLES: dict[str, tuple[str, ...]] = {
    "time": ("交易时间", "交易创建时间", "付款时间"),
    "category": ("交易分类", "类型"),
    "counterparty": ("交易对方",),
    "account": ("对方账号",),
    "memo": ("商品说明", "商品名称"),
    "direction": ("收/支",),
    "amount": ("金额", "金额(元)"),
    "channel": ("收/付款方式",),
    "status": ("交易状态",),
    "order": ("交易订单号", "交易号"),
    "merchant": ("商家订单号", "商户订单号"),
    "note": ("备注",),
}
REQUIRED = ("time", "counterparty", "direction", "amount", "status", "order")

CLOSED = "交易关闭"
REFUNDED = "退款成功"
MIN_ORDER_PREFIX = 10  # shorter numbers are not order numbers; never link on them
FLOWS = {"收入": Flow.INCOME, "支出": Flow.EXPENSE, "不计收支": Flow.NEUTRAL, "": Flow.NEUTRAL}

UNKNOWN_DIRECTION = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: “{value}” is not 收入, 支出 or 不计收支"
)
NEVER_PAID = QT_TRANSLATE_NOOP("messages", "{file}, line {line}: a closed order, never paid")
ORPHAN_REFUND = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: a refund whose original order is not in this file"
)


# Every role, in the order ``_add`` reads them; ``getter`` fetches them all from a row at once.
_FIELDS = ("time", "category", "counterparty", "account", "memo", "direction", "amount",
           "channel", "status", "order", "merchant", "note")  # fmt: skip
(_TIME, _CATEGORY, _PARTY, _ACCOUNT, _MEMO, _DIRECTION, _AMOUNT, _CHANNEL, _STATUS, _ORDER,
 _MERCHANT, _NOTE) = range(len(_FIELDS))  # fmt: skip


def read(
    table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    reading = Reading(file, sha256, Source.ALIPAY)
    rows = list(reading.data_rows(table, header, columns))
    reading.check_count(table, header, len(rows))
    get = getter(columns, _FIELDS)
    values = [get(r.cells) for r in rows]
    refunds = [(r, v) for r, v in zip(rows, values, strict=True) if _is_refund(v)]
    refund_lines = {r.line for r, _ in refunds}
    originals = {v[_ORDER] for r, v in zip(rows, values, strict=True) if r.line not in refund_lines}
    links = {r.line: original_order(v[_ORDER], originals) for r, v in refunds}
    reopened = {number for number in links.values() if number}
    make = transaction_maker()
    for row, v in zip(rows, values, strict=True):
        if v[_STATUS] == CLOSED and v[_ORDER] not in reopened:
            reading.drop(row.line, NEVER_PAID)
            continue
        is_refund = row.line in links
        if is_refund and not links[row.line]:
            reading.warn(row.line, ORPHAN_REFUND)
        _add(reading, make, row, v, is_refund, links.get(row.line) or "")
    return reading.result(table, header)


def _is_refund(v: tuple[str, ...]) -> bool:
    return v[_STATUS] == REFUNDED or v[_CATEGORY] == "退款" or v[_MEMO].startswith("退款")


def original_order(refund_order: str, originals: set[str]) -> str:
    """The longest order number in ``originals`` that the refund's number extends."""
    for end in range(len(refund_order) - 1, MIN_ORDER_PREFIX - 1, -1):
        if refund_order[:end] in originals:
            return refund_order[:end]
    return ""


def _add(
    reading: Reading,
    make: Callable[..., Transaction],
    row: Row,
    v: tuple[str, ...],
    is_refund: bool,
    of: str,
) -> None:
    direction = v[_DIRECTION]
    flow = FLOWS.get(direction)
    if flow is None:
        reading.fail(row.line, UNKNOWN_DIRECTION, value=direction)
    stamp = reading.stamp(row, v[_TIME])
    amount = reading.amount(row, v[_AMOUNT])
    if flow is None or stamp is None or amount is None:
        return
    signed = -abs(amount) if flow is Flow.EXPENSE and not is_refund else abs(amount)
    identifier = reading.identifier
    reading.transactions.append(
        make(
            Source.ALIPAY,  # source
            reading.sha256,  # file_sha256
            row.line,  # line
            stamp.at,  # timestamp
            stamp.time_known,  # time_known
            signed,  # amount_fen
            flow,  # flow
            direction,  # direction
            v[_PARTY],  # counterparty
            identifier(row, v[_ACCOUNT]),  # counterparty_account
            v[_MEMO],  # memo
            v[_CATEGORY],  # category
            v[_STATUS],  # status
            identifier(row, v[_ORDER]),  # order_number
            identifier(row, v[_MERCHANT]),  # merchant_order_number
            v[_CHANNEL],  # channel
            v[_NOTE],  # note
            "CNY",  # currency
            None,  # balance_fen
            is_refund,  # is_refund
            of,  # refund_of
            0,  # refunded_fen
        )
    )
