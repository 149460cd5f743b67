"""Alipay (支付宝) transaction statement, app export (CSV, GBK, preamble; FORMATS.md).

Amounts are unsigned; the direction is in ``收/支`` (收入, 支出, 不计收支). A closed order
(交易关闭) was never paid and is left out — unless a refund in the same file reverses it,
which proves it was paid. A refund is its own row whose order number extends the original's.
"""

from __future__ import annotations

from workstation.domain.messages import QT_TRANSLATE_NOOP
from workstation.importers.common import Reading, text
from workstation.importers.records import Flow, ImportResult, Source, Transaction
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


def read(
    table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    reading = Reading(file, sha256, Source.ALIPAY)
    rows = list(reading.data_rows(table, header, columns))
    reading.check_count(table, header, len(rows))
    refunds = [r for r in rows if _is_refund(r, columns)]
    refund_lines = {r.line for r in refunds}
    originals = {text(r, columns, "order") for r in rows if r.line not in refund_lines}
    links = {r.line: original_order(text(r, columns, "order"), originals) for r in refunds}
    reopened = {number for number in links.values() if number}
    for row in rows:
        order = text(row, columns, "order")
        if text(row, columns, "status") == CLOSED and order not in reopened:
            reading.drop(row.line, NEVER_PAID)
            continue
        is_refund = row.line in links
        if is_refund and not links[row.line]:
            reading.warn(row.line, ORPHAN_REFUND)
        _add(reading, row, columns, is_refund, links.get(row.line) or "")
    return reading.result(table, header)


def _is_refund(row: Row, columns: dict[str, int]) -> bool:
    return (
        text(row, columns, "status") == REFUNDED
        or text(row, columns, "category") == "退款"
        or text(row, columns, "memo").startswith("退款")
    )


def original_order(refund_order: str, originals: set[str]) -> str:
    """The longest order number in ``originals`` that the refund's number extends."""
    for end in range(len(refund_order) - 1, MIN_ORDER_PREFIX - 1, -1):
        if refund_order[:end] in originals:
            return refund_order[:end]
    return ""


def _add(reading: Reading, row: Row, columns: dict[str, int], is_refund: bool, of: str) -> None:
    direction = text(row, columns, "direction")
    flow = FLOWS.get(direction)
    if flow is None:
        reading.fail(row.line, UNKNOWN_DIRECTION, value=direction)
    stamp = reading.stamp(row, text(row, columns, "time"))
    amount = reading.amount(row, text(row, columns, "amount"))
    if flow is None or stamp is None or amount is None:
        return
    signed = -abs(amount) if flow is Flow.EXPENSE and not is_refund else abs(amount)
    reading.transactions.append(
        Transaction(
            source=Source.ALIPAY,
            file_sha256=reading.sha256,
            line=row.line,
            timestamp=stamp.at,
            time_known=stamp.time_known,
            amount_fen=signed,
            flow=flow,
            direction=direction,
            counterparty=text(row, columns, "counterparty"),
            counterparty_account=reading.identifier(row, text(row, columns, "account")),
            memo=text(row, columns, "memo"),
            category=text(row, columns, "category"),
            status=text(row, columns, "status"),
            order_number=reading.identifier(row, text(row, columns, "order")),
            merchant_order_number=reading.identifier(row, text(row, columns, "merchant")),
            channel=text(row, columns, "channel"),
            note=text(row, columns, "note"),
            is_refund=is_refund,
            refund_of=of,
        )
    )
