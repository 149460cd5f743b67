"""Alipay (支付宝) transaction statement, app export (CSV, GBK, preamble; FORMATS.md).

Amounts are unsigned; the direction is in ``收/支`` (收入, 支出, 不计收支). A closed order
(交易关闭) was never paid and is left out — unless a refund in the same file reverses it,
which proves it was paid. A refund is its own row whose order number extends the original's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import compress, count, repeat
from operator import attrgetter, mul, not_

from workstation.domain.messages import QT_TRANSLATE_NOOP
from workstation.importers.amounts import parse_amount_column, parse_stamp_column
from workstation.importers.common import Reading, role_columns
from workstation.importers.records import (
    Flow,
    ImportResult,
    Source,
    Transaction,
    collection_paused,
    transactions_of,
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


# Every role, in the order ``_add`` reads them; ``role_columns`` fetches them all at once.
_FIELDS = ("time", "category", "counterparty", "account", "memo", "direction", "amount",
           "channel", "status", "order", "merchant", "note")  # fmt: skip
(_TIME, _CATEGORY, _PARTY, _ACCOUNT, _MEMO, _DIRECTION, _AMOUNT, _CHANNEL, _STATUS, _ORDER,
 _MERCHANT, _NOTE) = range(len(_FIELDS))  # fmt: skip
_LINE = attrgetter("line")


def read(
    table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    with collection_paused():  # 100,000 rows' records: see records.collection_paused
        return _read(table, header, columns, file, sha256)


def _read(
    table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    reading = Reading(file, sha256, Source.ALIPAY)
    block = reading.data_block(table, header, columns, _FIELDS)
    rows: list[Row] | None = None
    if block is None:
        rows = list(reading.data_rows(table, header, columns))
        cells, lines = role_columns(rows, columns, _FIELDS), list(map(_LINE, rows))
    else:  # the body a column at a time: no row object made (tables.LazyRows)
        lines, cells = block
    reading.check_count(table, header, len(lines))
    orders = cells[_ORDER]
    refunds = _refund_rows(cells)
    is_refund = [False] * len(lines)
    for i in refunds:
        is_refund[i] = True
    originals = set(compress(orders, map(not_, is_refund)))
    links = {lines[i]: original_order(orders[i], originals) for i in refunds}
    reopened = {number for number in links.values() if number}
    if not reading.fatal and _read_columns(reading, lines, cells, refunds, links, reopened):
        return reading.result(table, header)
    if rows is None:  # the rows the block held, one by one, to name what is wrong
        rows = list(reading.data_rows(table, header, columns))
    make = Transaction
    for row, v in zip(rows, zip(*cells, strict=True), strict=True):
        if v[_STATUS] == CLOSED and v[_ORDER] not in reopened:
            reading.drop(row.line, NEVER_PAID)
            continue
        is_refund = row.line in links
        if is_refund and not links[row.line]:
            reading.warn(row.line, ORPHAN_REFUND)
        _add(reading, make, row, v, is_refund, links.get(row.line) or "")
    return reading.result(table, header)


def _refund_rows(cells: list[Sequence[str]]) -> list[int]:
    """The rows that are refunds (status 退款成功, kind 退款 or a memo starting 退款), in order."""
    statuses, categories, memos = cells[_STATUS], cells[_CATEGORY], cells[_MEMO]
    found = set(compress(count(), map(REFUNDED.__eq__, statuses)))
    found.update(compress(count(), map("退款".__eq__, categories)))
    found.update(compress(count(), map(str.startswith, memos, repeat("退款"))))
    return sorted(found)


_SIGN = {Flow.INCOME: 1, Flow.EXPENSE: -1, Flow.NEUTRAL: 1}


def _read_columns(
    reading: Reading,
    lines: list[int],
    cells: list[Sequence[str]],
    refunds: list[int],
    links: dict[int, str],
    reopened: set[str],
) -> bool:
    """``read``'s loop done a column at a time, for a file where every kept row makes a record:
    the same records, drops and warnings in the same order. False, with nothing added to
    ``reading``, when some row has a problem; the row-by-row loop then names it."""
    (times, categories, parties, accounts, memos, directions, amounts, channels, statuses, orders,
     merchants, notes) = cells  # fmt: skip
    flows = list(map(FLOWS.get, directions))
    if None in flows or "" in amounts:
        return False
    stamps = parse_stamp_column(times)
    fen = parse_amount_column(amounts)
    if stamps is None or fen is None:
        return False
    n = len(lines)
    # money out is negative, unless the row gives money back
    signed = list(map(mul, map(abs, fen), map(_SIGN.__getitem__, flows)))
    refund, of = [False] * n, [""] * n
    for i in refunds:
        signed[i], refund[i], of[i] = abs(fen[i]), True, links[lines[i]]
    closed = [
        i for i in compress(count(), map(CLOSED.__eq__, statuses)) if orders[i] not in reopened
    ]
    kept = [True] * n
    for i in closed:
        kept[i] = False
    # the drops and warnings, in row order as the loop makes them
    for i in closed:
        reading.drop(lines[i], NEVER_PAID)
    orphans = {i for i in refunds if not of[i]}
    rounded = [reading.rounded(accounts), reading.rounded(orders), reading.rounded(merchants)]
    for i in sorted(orphans.union(*rounded)):
        if kept[i]:
            if i in orphans:
                reading.warn(lines[i], ORPHAN_REFUND)
            for texts, marked in zip((accounts, orders, merchants), rounded, strict=True):
                if i in marked:
                    reading.identifier(lines[i], texts[i])

    def keep(column: Iterable[object]) -> Iterable[object]:
        return compress(column, kept) if closed else column

    reading.transactions.extend(
        transactions_of(
            repeat(Source.ALIPAY),  # source
            repeat(reading.sha256),  # file_sha256
            keep(lines),  # line
            keep(stamps[0]),  # timestamp
            keep(stamps[1]),  # time_known
            keep(signed),  # amount_fen
            keep(flows),  # flow
            keep(directions),  # direction
            keep(parties),  # counterparty
            keep(accounts),  # counterparty_account
            keep(memos),  # memo
            keep(categories),  # category
            keep(statuses),  # status
            keep(orders),  # order_number
            keep(merchants),  # merchant_order_number
            keep(channels),  # channel
            keep(notes),  # note
            repeat("CNY"),  # currency
            repeat(None),  # balance_fen
            keep(refund),  # is_refund
            keep(of),  # refund_of
            repeat(0),  # refunded_fen
        )
    )
    return True


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
