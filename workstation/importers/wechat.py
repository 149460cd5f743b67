"""WeChat Pay (微信支付) bill: CSV (UTF-8, 16 comma-padded preamble lines) or XLSX (FORMATS.md).

Amounts carry ``¥``; ``收/支`` is 收入, 支出 or ``/`` (neutral: top-up, withdrawal, card
repayment); ``/`` means empty in every other column too. The original order's status tells how
much of it was refunded (``已退款(￥0.11)``, ``已全额退款``); the refund itself is its own row
(``…-退款``), linked back by the merchant order number or by order-number prefix.
"""

from __future__ import annotations

import re
from itertools import compress, count, repeat
from operator import and_, attrgetter, mul, not_

from workstation.domain.messages import QT_TRANSLATE_NOOP
from workstation.importers.alipay import original_order
from workstation.importers.amounts import (
    BadValue,
    parse_amount_column,
    parse_amount_fen,
    parse_stamp_column,
)
from workstation.importers.common import Reading, role_columns, text
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
    "time": ("交易时间",),
    "category": ("交易类型",),
    "counterparty": ("交易对方",),
    "memo": ("商品",),
    "direction": ("收/支",),
    "amount": ("金额(元)", "金额"),
    "channel": ("支付方式",),
    "status": ("当前状态",),
    "order": ("交易单号",),
    "merchant": ("商户单号",),
    "note": ("备注",),
}
REQUIRED = ("time", "category", "direction", "amount", "status", "order")

EMPTY = "/"
FLOWS = {"收入": Flow.INCOME, "支出": Flow.EXPENSE, "/": Flow.NEUTRAL, "": Flow.NEUTRAL}
FULL_REFUND = "已全额退款"
_PARTIAL_REFUND = re.compile(r"已退款\s*\((.+)\)")

UNKNOWN_DIRECTION = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: “{value}” is not 收入, 支出 or /"
)
ORPHAN_REFUND = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: a refund whose original order is not in this file"
)


def read(
    table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    with collection_paused():  # 100,000 rows' records: see records.collection_paused
        return _read(table, header, columns, file, sha256)


def _read(
    table: Table, header: int, columns: dict[str, int], file: str, sha256: str
) -> ImportResult:
    reading = Reading(file, sha256, Source.WECHAT)
    rows = list(reading.data_rows(table, header, columns))
    reading.check_count(table, header, len(rows))
    if not reading.fatal and _read_columns(reading, rows, columns):
        return reading.result(table, header)
    refunds = {r.line for r in rows if _is_refund(r, columns)}
    by_merchant = {
        text(r, columns, "merchant", EMPTY): text(r, columns, "order", EMPTY)
        for r in rows
        if r.line not in refunds and text(r, columns, "merchant", EMPTY)
    }
    orders = {text(r, columns, "order", EMPTY) for r in rows if r.line not in refunds}
    for row in rows:
        of = ""
        if row.line in refunds:
            merchant = text(row, columns, "merchant", EMPTY)
            of = by_merchant.get(merchant, "") if merchant else ""
            of = of or original_order(text(row, columns, "order", EMPTY), orders)
            if not of:
                reading.warn(row.line, ORPHAN_REFUND)
        _add(reading, row, columns, row.line in refunds, of)
    return reading.result(table, header)


_FIELDS = ("time", "category", "counterparty", "memo", "direction", "amount", "channel",
           "status", "order", "merchant", "note")  # fmt: skip
_LINE = attrgetter("line")
_EMPTIED = {EMPTY: ""}  # ``text(…, EMPTY)`` as a look-up: "/" reads as nothing
_SIGN = {Flow.INCOME: 1, Flow.EXPENSE: -1, Flow.NEUTRAL: 1}


def _read_columns(reading: Reading, rows: list[Row], columns: dict[str, int]) -> bool:
    """``read``'s loop done a column at a time, for a file where every row makes a record: the
    same records and warnings in the same order. False, with nothing added to ``reading``, when
    some row has a problem; the row-by-row loop then names it."""
    (times, categories, parties, memos, directions, amounts, channels, statuses, orders, merchants,
     notes) = role_columns(rows, columns, _FIELDS)  # fmt: skip
    flows = list(map(FLOWS.get, directions))
    if None in flows or "" in amounts:
        return False
    stamps = parse_stamp_column(times)
    fen = parse_amount_column(amounts)
    if stamps is None or fen is None:
        return False
    n = len(rows)
    (categories, parties, memos, channels, statuses, orders, merchants, notes) = (
        tuple(map(_EMPTIED.get, column, column))
        for column in (categories, parties, memos, channels, statuses, orders, merchants, notes)
    )
    money = list(map(abs, fen))
    refunded = [0] * n
    for i in compress(count(), map(FULL_REFUND.__eq__, statuses)):
        refunded[i] = money[i]
    for i in compress(count(), map(str.startswith, statuses, repeat("已退款"))):
        match = _PARTIAL_REFUND.fullmatch(statuses[i])
        if match:
            try:
                refunded[i] = abs(parse_amount_fen(match.group(1)))
            except BadValue:
                return False
    lines = list(map(_LINE, rows))
    # _is_refund, a column at a time
    refunds = [i for i in compress(count(), map(str.endswith, categories, repeat("退款")))
               if directions[i] != "支出"]  # fmt: skip
    is_refund, of = [False] * n, [""] * n
    for i in refunds:
        is_refund[i], refunded[i] = True, 0
    plain = list(map(not_, is_refund))
    with_merchant = list(map(and_, plain, map(bool, merchants)))
    pairs = zip(compress(merchants, with_merchant), compress(orders, with_merchant), strict=True)
    by_merchant = dict(pairs)  # the last row with a merchant number wins, as in the loop
    originals = set(compress(orders, plain))
    for i in refunds:
        found = by_merchant.get(merchants[i], "") if merchants[i] else ""
        of[i] = found or original_order(orders[i], originals)
    signed = list(map(mul, money, map(_SIGN.__getitem__, flows)))
    for i in refunds:
        signed[i] = money[i]
    # the warnings, in row order as the loop makes them
    orphans = {i for i in refunds if not of[i]}
    rounded = [reading.rounded(orders), reading.rounded(merchants)]
    for i in sorted(orphans.union(*rounded)):
        if i in orphans:
            reading.warn(lines[i], ORPHAN_REFUND)
        for texts, marked in zip((orders, merchants), rounded, strict=True):
            if i in marked:
                reading.identifier(rows[i], texts[i])
    reading.transactions.extend(
        transactions_of(
            repeat(Source.WECHAT),  # source
            repeat(reading.sha256),  # file_sha256
            lines,  # line
            stamps[0],  # timestamp
            stamps[1],  # time_known
            signed,  # amount_fen
            flows,  # flow
            directions,  # direction
            parties,  # counterparty
            repeat(""),  # counterparty_account
            memos,  # memo
            categories,  # category
            statuses,  # status
            orders,  # order_number
            merchants,  # merchant_order_number
            channels,  # channel
            notes,  # note
            repeat("CNY"),  # currency
            repeat(None),  # balance_fen
            is_refund,  # is_refund
            of,  # refund_of
            refunded,  # refunded_fen
        )
    )
    return True


def _is_refund(row: Row, columns: dict[str, int]) -> bool:
    category = text(row, columns, "category", EMPTY)
    return category.endswith("退款") and text(row, columns, "direction", EMPTY) != "支出"


def _refunded(reading: Reading, row: Row, status: str, amount: int) -> int:
    if status == FULL_REFUND:
        return amount
    match = _PARTIAL_REFUND.fullmatch(status)
    if not match:
        return 0
    try:
        return abs(parse_amount_fen(match.group(1)))
    except BadValue as exc:
        reading.fail(row.line, exc.template, value=exc.value)
        return 0


def _add(reading: Reading, row: Row, columns: dict[str, int], is_refund: bool, of: str) -> None:
    direction = text(row, columns, "direction")
    flow = FLOWS.get(direction)
    if flow is None:
        reading.fail(row.line, UNKNOWN_DIRECTION, value=direction)
    stamp = reading.stamp(row, text(row, columns, "time"))
    amount = reading.amount(row, text(row, columns, "amount"))
    if flow is None or stamp is None or amount is None:
        return
    amount = abs(amount)
    status = text(row, columns, "status", EMPTY)
    reading.transactions.append(
        Transaction(
            source=Source.WECHAT,
            file_sha256=reading.sha256,
            line=row.line,
            timestamp=stamp.at,
            time_known=stamp.time_known,
            amount_fen=-amount if flow is Flow.EXPENSE and not is_refund else amount,
            flow=flow,
            direction=direction,
            counterparty=text(row, columns, "counterparty", EMPTY),
            memo=text(row, columns, "memo", EMPTY),
            category=text(row, columns, "category", EMPTY),
            status=status,
            order_number=reading.identifier(row, text(row, columns, "order", EMPTY)),
            merchant_order_number=reading.identifier(row, text(row, columns, "merchant", EMPTY)),
            channel=text(row, columns, "channel", EMPTY),
            note=text(row, columns, "note", EMPTY),
            is_refund=is_refund,
            refund_of=of,
            refunded_fen=0 if is_refund else _refunded(reading, row, status, amount),
        )
    )
