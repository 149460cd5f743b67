"""Words and figures every loan screen shares: the price with the annualised rate first
(R35), the names of plans, ledger rows and allocation buckets, and a table view set up once.

The rate is shown as the rules want it everywhere a price appears (approval, voucher, loan
page, statement): the simple annual rate larger and first, the daily rate beside it.
"""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from workstation.domain.ledger import Entry, EntryKind
from workstation.domain.limits import annual_rate
from workstation.ui.common import translate
from workstation.ui.decision_tab import format_percent

CONTEXT = "LoanText"
RATE_COLOR = "#0d47a1"
MUTED_COLOR = "#546e7a"

_PLANS = {
    "interest_monthly": QT_TRANSLATE_NOOP("LoanText", "Interest monthly, principal at maturity"),
    "equal_principal": QT_TRANSLATE_NOOP("LoanText", "Equal principal monthly"),
}
_PLANS_SHORT = {
    "interest_monthly": QT_TRANSLATE_NOOP("LoanText", "Interest monthly"),
    "equal_principal": QT_TRANSLATE_NOOP("LoanText", "Equal principal"),
}
_KINDS = {
    "draw": QT_TRANSLATE_NOOP("LoanText", "Draw"),
    "repayment": QT_TRANSLATE_NOOP("LoanText", "Repayment"),
    "interest_posting": QT_TRANSLATE_NOOP("LoanText", "Interest posted"),
    "penalty_posting": QT_TRANSLATE_NOOP("LoanText", "Penalty posted"),
    "reversal": QT_TRANSLATE_NOOP("LoanText", "Reversal"),
    "refund": QT_TRANSLATE_NOOP("LoanText", "Credit refunded"),
}
_BUCKETS = {
    "penalty": QT_TRANSLATE_NOOP("LoanText", "Penalty"),
    "interest": QT_TRANSLATE_NOOP("LoanText", "Interest"),
    "principal": QT_TRANSLATE_NOOP("LoanText", "Principal"),
    "credit": QT_TRANSLATE_NOOP("LoanText", "Credit (held)"),
}


def _label(table: dict[str, str], key: str) -> str:
    return translate(CONTEXT, table[key]) if key in table else key


def plan_label(plan: str) -> str:
    return _label(_PLANS, plan)


def plan_short_label(plan: str) -> str:
    """The plan in a table cell: 按月付息 / 等额本金."""
    return _label(_PLANS_SHORT, plan)


def entry_kind_label(kind: str) -> str:
    return _label(_KINDS, kind)


def entry_label(entry: Entry) -> str:
    """A ledger row's kind in words: a row paid from the credit held (a credit row, or an
    early repayment from the credit) reads "From credit", not as money received."""
    if entry.kind == EntryKind.REPAYMENT and (entry.applies_credit or entry.amount_fen == 0):
        return translate(CONTEXT, "From credit")
    return entry_kind_label(entry.kind.value)


def bucket_label(bucket: str) -> str:
    return _label(_BUCKETS, bucket)


def annual_text(daily_rate: Decimal) -> str:
    """R35: "Annual 21.90%" for 0.06% a day (simple, daily × 365)."""
    return translate("LoanText", "Annual {rate}").format(
        rate=format_percent(annual_rate(daily_rate), 2)
    )


def daily_text(daily_rate: Decimal) -> str:
    return translate("LoanText", "daily {rate}").format(rate=format_percent(daily_rate, 4, keep=2))


def rate_text(daily_rate: Decimal) -> str:
    """One line for a table cell or a PDF: the annual rate first, the daily rate after it."""
    return f"{annual_text(daily_rate)} · {daily_text(daily_rate)}"


def rate_html(daily_rate: Decimal, points: int = 15) -> str:
    """The price as rich text: the annual rate large and coloured, the daily rate small and
    grey beside it (R35: more prominent, never the other way round)."""
    return (
        f"<span style='font-size:{points}pt; font-weight:600; color:{RATE_COLOR}'>"
        f"{html.escape(annual_text(daily_rate))}</span>&nbsp;&nbsp;"
        f"<span style='color:{MUTED_COLOR}'>{html.escape(daily_text(daily_rate))}</span>"
    )


def months_text(months: int) -> str:
    return translate("LoanText", "{n} months").format(n=months)


def plain_table(parent: QWidget | None = None, stretch: int | None = None) -> QTableView:
    """A read-only table of rows: whole rows selected, columns fitted to their contents."""
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # fit the columns to 40 rows, not to every row: a 5-year ledger has hundreds (110 -> 50 ms)
    header.setResizeContentsPrecision(40)
    if stretch is not None:
        header.setStretchLastSection(True)
    return table
