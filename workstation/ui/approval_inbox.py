"""The checker's inbox (待审批, R25): the cases waiting for this supervisor's signature, with
the proposed terms (annual rate first, R35), who proposed them and since when, the
signatures so far and whether this supervisor's signature completes the approval.

Rows that need no amendment and fall within the supervisor's authority may be approved
together; the services sign each in its own transaction and say why any was refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.services import approval
from workstation.services.approval import BulkResult, InboxItem
from workstation.services.context import Context, Session
from workstation.ui.common import (
    RISK_COLORS,
    format_fen,
    format_time,
    format_wait,
    message_text,
    show_refusal,
    translate,
)
from workstation.ui.loan_text import months_text, plain_table, rate_text
from workstation.ui.table_model import HeaderedTableModel
from workstation.ui.tasks import Background, Progress

AnyIndex = QModelIndex | QPersistentModelIndex
BLOCKED_COLOR = QColor("#8a4b00")


@dataclass(frozen=True)
class InboxData:
    items: tuple[InboxItem, ...]
    now: datetime


def read_inbox(ctx: Context, session: Session) -> InboxData:
    """On the background reader: no Qt here."""
    return InboxData(tuple(approval.inbox(ctx, session)), ctx.clock.now())


def status_text(item: InboxItem) -> str:
    if item.blocked is not None:
        return message_text(item.blocked)
    if item.within_authority:
        return translate("InboxModel", "Within your authority")
    return translate("InboxModel", "Needs a second approver: you sign first")


class InboxModel(HeaderedTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("InboxModel", "Case"),
        QT_TRANSLATE_NOOP("InboxModel", "Business"),
        QT_TRANSLATE_NOOP("InboxModel", "Limit"),
        QT_TRANSLATE_NOOP("InboxModel", "Price"),
        QT_TRANSLATE_NOOP("InboxModel", "Term"),
        QT_TRANSLATE_NOOP("InboxModel", "Proposed by"),
        QT_TRANSLATE_NOOP("InboxModel", "Waiting"),
        QT_TRANSLATE_NOOP("InboxModel", "Signed by"),
        QT_TRANSLATE_NOOP("InboxModel", "Your signature"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[InboxItem] = []
        self.now = datetime.min

    def set_data(self, data: InboxData) -> None:
        self.beginResetModel()
        self.items, self.now = list(data.items), data.now
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item, col = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.ForegroundRole and col == 8 and item.blocked is not None:
            return BLOCKED_COLOR
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and item.risk in RISK_COLORS:
            return RISK_COLORS[item.risk]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-click to open case {case}").format(case=item.case_id)
        if role == Qt.ItemDataRole.UserRole:
            return item.case_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        terms = item.terms
        waiting = self.tr("{wait} (since {when})").format(
            wait=format_wait(item.waiting_since, self.now), when=format_time(item.waiting_since)
        )
        return (
            str(item.case_id),
            item.business_name,
            format_fen(terms.limit_fen),
            rate_text(terms.daily_rate),
            months_text(terms.term_months),
            item.proposed_by,
            waiting,
            ", ".join(item.signed_by) or "—",
            status_text(item),
        )[col]


class BulkResultDialog(QDialog):
    """What a bulk approval did: the cases approved, and those refused with the reason."""

    def __init__(self, result: BulkResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approved together"))
        self.setMinimumWidth(520)
        approved = ", ".join(str(c) for c in result.approved) or self.tr("none")
        self.summary = QLabel(
            self.tr("Approved: {n} case(s) — {cases}").format(
                n=len(result.approved), cases=approved
            )
        )
        self.summary.setWordWrap(True)
        self.refused = QPlainTextEdit()
        self.refused.setReadOnly(True)
        self.refused.setPlainText(
            "\n".join(
                self.tr("Case {case}: {reason}").format(case=case, reason=message_text(message))
                for case, message in result.refused
            )
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if result.refused:
            layout.addWidget(QLabel(self.tr("Not approved:")))
            layout.addWidget(self.refused)
        layout.addWidget(close)


class ApprovalInbox(QWidget):
    """The inbox view, kept in a dock of the main window for supervisors."""

    caseActivated = Signal(int)  # noqa: N815 - Qt naming
    casesChanged = Signal()  # noqa: N815

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self._generation = 0
        self.loaded_generation = 0
        self.result_dialog: BulkResultDialog | None = None
        self.model = InboxModel(self)
        self.table = plain_table(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._activate)
        self.summary = QLabel()
        self.approve_button = QPushButton(self.tr("Approve selected"))
        self.approve_button.setObjectName("approve_selected")
        self.approve_button.setToolTip(
            self.tr("Sign the selected cases as proposed, each within your authority")
        )
        self.approve_button.clicked.connect(self.approve_selected)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(refresh)
        bar.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.model.modelReset.connect(self._update_button)
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation, session = self._generation, self._session

        def show(data: InboxData) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.model.set_data(data)
                self.loaded_generation = generation
                self._show_summary()

        self._background.read(lambda ctx: read_inbox(ctx, session), show, lambda _e: None)

    @property
    def busy(self) -> bool:
        return self.loaded_generation < self._generation

    def _show_summary(self) -> None:
        items = self.model.items
        self.summary.setText(
            self.tr("{n} case(s) wait for your signature; {m} may be approved together.").format(
                n=len(items), m=sum(1 for i in items if i.may_bulk)
            )
        )

    def selected_items(self) -> list[InboxItem]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.items[r] for r in rows]

    def _update_button(self, *_: object) -> None:
        n = sum(1 for i in self.selected_items() if i.may_bulk)
        self.approve_button.setEnabled(n > 0)
        self.approve_button.setText(
            self.tr("Approve selected ({n})").format(n=n) if n else self.tr("Approve selected")
        )

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.caseActivated.emit(self.model.items[index.row()].case_id)

    def approve_selected(self) -> None:
        """Sign every selected case that may go in a batch; the rest stay for one by one."""
        chosen = [(i.case_id, i.version) for i in self.selected_items() if i.may_bulk]
        if not chosen:
            return
        session = self._session

        def work(ctx: Context, _progress: Progress) -> BulkResult:
            return approval.bulk_approve(ctx, session, chosen)

        self.approve_button.setEnabled(False)
        self._background.run(self, self.tr("Approving…"), work, self._approved, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.refresh()
        if isinstance(error, RuleError):
            show_refusal(self, error)

    def _approved(self, result: BulkResult) -> None:
        dialog = BulkResultDialog(result, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_dialog = dialog
        dialog.open()
        self.refresh()
        self.casesChanged.emit()
