"""The loan page's lists as Qt models: the draws, one draw's schedule, the ledger with its
running balances, and where the fen of a repayment go (R9, R11).

Each model holds what ``loans.loan_view`` (or a preview) returned; nothing is computed here
but the words and the money's format.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workstation.domain.ledger import AllocationPart, EntryKind
from workstation.domain.schedule import Instalment
from workstation.domain.standing import Standing, StandingInstalment
from workstation.services.loans import DrawView, LedgerRow
from workstation.ui.common import format_fen, format_time, person_name, translate
from workstation.ui.loan_text import (
    bucket_label,
    entry_kind_label,
    entry_label,
    months_text,
    plan_short_label,
)
from workstation.ui.table_model import HeaderedTableModel, RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
REVERSED_COLOR = QColor("#9e9e9e")


def parts_text(parts: Sequence[AllocationPart]) -> str:
    """A repayment's destination in one line: penalty, interest, principal, credit."""
    totals: dict[str, int] = {}
    for part in parts:
        totals[part.bucket.value] = totals.get(part.bucket.value, 0) + part.amount_fen
    return " · ".join(f"{bucket_label(b)} {format_fen(fen)}" for b, fen in totals.items())


class DrawsModel(HeaderedTableModel):
    """Every draw of the loan with what it still owes."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DrawsModel", "Draw"),
        QT_TRANSLATE_NOOP("DrawsModel", "Drawn on"),
        QT_TRANSLATE_NOOP("DrawsModel", "Amount"),
        QT_TRANSLATE_NOOP("DrawsModel", "Term"),
        QT_TRANSLATE_NOOP("DrawsModel", "Plan"),
        QT_TRANSLATE_NOOP("DrawsModel", "Matures"),
        QT_TRANSLATE_NOOP("DrawsModel", "Principal left"),
        QT_TRANSLATE_NOOP("DrawsModel", "Interest unpaid"),
        QT_TRANSLATE_NOOP("DrawsModel", "Penalty unpaid"),
    )
    MONEY_COLUMNS = (2, 6, 7, 8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.draws: list[DrawView] = []

    def set_draws(self, draws: Sequence[DrawView]) -> None:
        self.beginResetModel()
        self.draws = list(draws)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.draws)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.draws):
            return None
        draw, col = self.draws[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.MONEY_COLUMNS:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        terms = draw.terms
        return (
            terms.draw_id,
            terms.drawn_on.isoformat(),
            format_fen(terms.amount_fen),
            months_text(terms.term_months),
            plan_short_label(terms.plan.value),
            terms.matures_on.isoformat(),
            format_fen(draw.principal_fen),
            format_fen(draw.interest_unpaid_fen),
            format_fen(draw.penalty_unpaid_fen),
        )[col]


class ScheduleModel(HeaderedTableModel):
    """One draw's instalments as they fall if kept to plan (R9)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ScheduleModel", "No."),
        QT_TRANSLATE_NOOP("ScheduleModel", "Due date"),
        QT_TRANSLATE_NOOP("ScheduleModel", "Days"),
        QT_TRANSLATE_NOOP("ScheduleModel", "Principal"),
        QT_TRANSLATE_NOOP("ScheduleModel", "Interest"),
        QT_TRANSLATE_NOOP("ScheduleModel", "Total"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.instalments: list[Instalment] = []

    def set_schedule(self, instalments: Sequence[Instalment]) -> None:
        self.beginResetModel()
        self.instalments = list(instalments)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.instalments)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.instalments):
            return None
        item, col = self.instalments[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            str(item.number),
            item.due_on.isoformat(),
            str(item.days),
            format_fen(item.principal_fen),
            format_fen(item.interest_fen),
            format_fen(item.total_fen),
        )[col]


STANDING_LABELS = {
    Standing.PAID: QT_TRANSLATE_NOOP("StandingModel", "Paid"),
    Standing.OVERDUE: QT_TRANSLATE_NOOP("StandingModel", "Overdue"),
    Standing.DUE: QT_TRANSLATE_NOOP("StandingModel", "Due"),
    Standing.PART_AHEAD: QT_TRANSLATE_NOOP("StandingModel", "Part repaid ahead"),
    Standing.AHEAD: QT_TRANSLATE_NOOP("StandingModel", "Principal repaid ahead"),
}
_PLANNED = QT_TRANSLATE_NOOP("StandingModel", "Planned: {principal}")
OVERDUE_COLOR = QColor("#c62828")
PAID_COLOR = QColor("#2e7d32")


class StandingModel(RowsTableModel):
    """One draw's instalments as the ledger has them: principal repaid ahead settles the
    oldest first (R11), what is still to pay, and the interest posted and unpaid or, ahead,
    what its date will post (R8)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("StandingModel", "No."),
        QT_TRANSLATE_NOOP("StandingModel", "Due date"),
        QT_TRANSLATE_NOOP("StandingModel", "Principal to pay"),
        QT_TRANSLATE_NOOP("StandingModel", "Interest to pay"),
        QT_TRANSLATE_NOOP("StandingModel", "Penalty to pay"),
        QT_TRANSLATE_NOOP("StandingModel", "To pay"),
        QT_TRANSLATE_NOOP("StandingModel", "Status"),
    )
    _AHEAD_TIP = QT_TRANSLATE_NOOP(
        "StandingModel",
        "Once its date is closed: what was posted for it and is still unpaid. Ahead: what "
        "will fall due on it if everything due is paid on each date from now on.",
    )
    TIPS = {
        3: _AHEAD_TIP,
        4: _AHEAD_TIP,
        5: QT_TRANSLATE_NOOP(
            "StandingModel",
            "What falls due on its date, before the credit held. Arrears paid today also take "
            "the interest and penalty accrued since the last posting: the next due amount and "
            "the trial calculation include them.",
        ),
    }

    rows: tuple[StandingInstalment, ...] = ()

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section in self.TIPS
        ):
            return translate("StandingModel", self.TIPS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= col <= 5:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == 6:
            if item.standing is Standing.OVERDUE:
                return OVERDUE_COLOR
            if item.standing in (Standing.PAID, Standing.AHEAD):
                return PAID_COLOR
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return translate("StandingModel", _PLANNED).format(
                principal=format_fen(item.principal_fen)
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            str(item.number),
            item.due_on.isoformat(),
            format_fen(item.principal_left_fen),
            format_fen(item.interest_fen),
            format_fen(item.penalty_fen),
            format_fen(item.to_pay_fen),
            translate("StandingModel", STANDING_LABELS[item.standing]),
        )[col]


def entry_detail(row: LedgerRow) -> str:
    """What a ledger row did, in words: where a repayment went (a credit row's parts
    rebuilt by the services), when a posting is due, what a refund gave back."""
    entry = row.entry
    if entry.kind == EntryKind.REPAYMENT:
        parts = parts_text(row.parts or entry.parts)
        if entry.applies_credit and entry.due_on is not None:
            head = translate("LedgerModel", "From credit: draw {draw}, due {due}").format(
                draw=entry.draw_id or "", due=entry.due_on.isoformat()
            )
            return f"{head} · {parts}" if parts else head
        if entry.amount_fen == 0:
            return translate("LedgerModel", "From credit, repaid early: {parts}").format(
                parts=parts
            )
        used = entry.credit_used_fen
        if used > 0:
            return translate("LedgerModel", "{parts} ({credit} of it from credit)").format(
                parts=parts, credit=format_fen(used)
            )
        return parts
    if entry.kind == EntryKind.REFUND:
        text = translate("LedgerModel", "Credit given back to the customer; {credit} held after")
        return text.format(credit=format_fen(row.credit_fen))
    if entry.kind in (EntryKind.INTEREST_POSTING, EntryKind.PENALTY_POSTING) and entry.due_on:
        return translate("LedgerModel", "draw {draw}, due {due}").format(
            draw=entry.draw_id or "", due=entry.due_on.isoformat()
        )
    if entry.kind == EntryKind.DRAW:
        return translate("LedgerModel", "draw {draw}").format(draw=entry.draw_id or "")
    if entry.kind == EntryKind.REVERSAL:
        return translate("LedgerModel", "reverses no. {seq} ({kind})").format(
            seq=entry.reverses,
            kind=entry_kind_label(entry.reversed_kind.value if entry.reversed_kind else ""),
        )
    return ""


class LedgerModel(HeaderedTableModel):
    """The whole ledger, oldest first, with the balances after each row (R8: derived, never
    edited; a reversed row stays, greyed, beside its reversal)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerModel", "No."),
        QT_TRANSLATE_NOOP("LedgerModel", "Date"),
        QT_TRANSLATE_NOOP("LedgerModel", "Kind"),
        QT_TRANSLATE_NOOP("LedgerModel", "Amount"),
        QT_TRANSLATE_NOOP("LedgerModel", "Allocation / detail"),
        QT_TRANSLATE_NOOP("LedgerModel", "Principal after"),
        QT_TRANSLATE_NOOP("LedgerModel", "Interest after"),
        QT_TRANSLATE_NOOP("LedgerModel", "Penalty after"),
        QT_TRANSLATE_NOOP("LedgerModel", "By"),
        QT_TRANSLATE_NOOP("LedgerModel", "Note"),
    )
    MONEY_COLUMNS = (3, 5, 6, 7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[LedgerRow] = []
        self._reversed: set[int] = set()

    def set_rows(self, rows: Sequence[LedgerRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._reversed = {r.entry.reverses for r in self.rows if r.entry.reverses is not None}
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def is_reversed(self, row: int) -> bool:
        return self.rows[row].entry.seq in self._reversed

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.MONEY_COLUMNS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self.is_reversed(index.row()):
            return REVERSED_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Recorded {when} by {who}").format(
                when=format_time(row.at), who=person_name(row.by_name)
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = row.entry
        kind = entry_label(entry)
        if self.is_reversed(index.row()):
            kind = self.tr("{kind} (reversed)").format(kind=kind)
        return (
            str(entry.seq),
            entry.on.isoformat(),
            kind,
            format_fen(entry.amount_fen),
            entry_detail(row),
            format_fen(row.principal_fen),
            format_fen(row.interest_fen),
            format_fen(row.penalty_fen),
            person_name(row.by_name),
            row.note,
        )[col]


class AllocationModel(HeaderedTableModel):
    """Where each fen of a payment goes, in the order R11 fills them."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AllocationModel", "To"),
        QT_TRANSLATE_NOOP("AllocationModel", "Draw"),
        QT_TRANSLATE_NOOP("AllocationModel", "Due date"),
        QT_TRANSLATE_NOOP("AllocationModel", "Amount"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.parts: list[AllocationPart] = []

    def set_parts(self, parts: Sequence[AllocationPart]) -> None:
        self.beginResetModel()
        self.parts = list(parts)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.parts):
            return None
        part, col = self.parts[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            bucket_label(part.bucket.value),
            part.draw_id or "—",
            part.due_on.isoformat() if part.due_on else "—",
            format_fen(part.amount_fen),
        )[col]
