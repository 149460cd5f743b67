"""The blacklist (黑名单, R20, R33): who is listed, by whom, when and why.

Supervisors add an owner ID number, a business's credit code or a platform account, always
with a reason, and lift an entry only with a reason; the lifted entry stays on record and is
shown greyed when "Show lifted entries" is ticked. Everyone else sees the list read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.services import rating as rating_service
from workstation.services.context import Context, Session
from workstation.ui import dialogs
from workstation.ui.common import format_time, show_refusal
from workstation.ui.decision_tab import BLACKLIST_KINDS, blacklist_kind_label
from workstation.ui.table_model import HeaderedTableModel
from workstation.ui.tasks import Background

AnyIndex = QModelIndex | QPersistentModelIndex
LIFTED_COLOR = QColor("#9e9e9e")


class BlacklistModel(HeaderedTableModel):
    """One row an entry (``BlacklistRow``); lifted ones grey, with who lifted, when and why."""

    HEADERS = (
        QT_TRANSLATE_NOOP("BlacklistModel", "Kind"),
        QT_TRANSLATE_NOOP("BlacklistModel", "Listed"),
        QT_TRANSLATE_NOOP("BlacklistModel", "Reason"),
        QT_TRANSLATE_NOOP("BlacklistModel", "Added by"),
        QT_TRANSLATE_NOOP("BlacklistModel", "Added"),
        QT_TRANSLATE_NOOP("BlacklistModel", "Lifted"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_entries(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> Any:
        return self._rows[row]

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry, col = self._rows[index.row()], index.column()
        lifted = entry.lifted_at is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, col)
        if role == Qt.ItemDataRole.ForegroundRole and lifted:
            return LIFTED_COLOR
        if role == Qt.ItemDataRole.FontRole and lifted and col == 1:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col in (2, 5):
            return self._text(entry, col) or None
        return None

    def _text(self, entry: Any, col: int) -> str:
        if col == 0:
            return blacklist_kind_label(entry.kind)
        if col == 1:
            return entry.value
        if col == 2:
            return entry.reason
        if col == 3:
            return entry.added_by
        if col == 4:
            return format_time(entry.added_at)
        if entry.lifted_at is None:
            return ""
        return self.tr("{when} by {who}: {why}").format(
            when=format_time(entry.lifted_at), who=entry.lifted_by or "", why=entry.lift_reason
        )


class BlacklistDialog(QDialog):
    """The list, and for supervisors: add with a reason, lift with a reason."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        parent: QWidget | None = None,
        service: Any = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self._service = service or rating_service
        self.may_edit = session.role == Role.SUPERVISOR
        self._generation = 0
        self.setWindowTitle(self.tr("Blacklist"))
        self.resize(1120, 560)
        self._build()
        self.reload()

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "An applicant whose owner ID, business code or platform account is listed "
                "here is declined at intake, with the reason shown. Only a supervisor "
                "may list or lift, and always with a reason."
            )
        )
        intro.setWordWrap(True)
        self.show_lifted = QCheckBox(self.tr("Show lifted entries"))
        self.show_lifted.setObjectName("showLifted")
        self.show_lifted.toggled.connect(self.reload)
        self.model = BlacklistModel(self)
        self.table = QTableView()
        self.table.setObjectName("blacklist")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 240)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.lift_button = QPushButton(self.tr("Lift…"))
        self.lift_button.setObjectName("lift")
        self.lift_button.clicked.connect(self.lift_selected)
        self.lift_button.setVisible(self.may_edit)
        top = QHBoxLayout()
        top.addWidget(self.show_lifted)
        top.addStretch(1)
        top.addWidget(self.lift_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._build_add())
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._update_buttons()

    def _build_add(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add to the blacklist"))
        box.setVisible(self.may_edit)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key in BLACKLIST_KINDS:
            self.kind.addItem(blacklist_kind_label(key), key)
        self.value = QLineEdit()
        self.value.setObjectName("value")
        self.value.setPlaceholderText(self.tr("Required: the number, code or account"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Required: why, e.g. malicious default on loan 123"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.add)
        for edit in (self.value, self.reason):
            edit.textChanged.connect(self._update_buttons)
        self.reason.returnPressed.connect(self.add)
        form = QFormLayout(box)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.add_button)
        return box

    def _update_buttons(self) -> None:
        ready = bool(self.value.text().strip() and self.reason.text().strip())
        self.add_button.setEnabled(self.may_edit and ready)
        entry = self.selected_entry()
        self.lift_button.setEnabled(self.may_edit and entry is not None and entry.lifted_at is None)

    def selected_entry(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    # -- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        service, session = self._service, self._session
        include = self.show_lifted.isChecked()
        self._background.read(
            lambda ctx: service.blacklist_entries(ctx, session, include_lifted=include),
            lambda rows: self._arrived(generation, rows),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, rows: list[Any]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.model.set_entries(rows)
        self.status.setText(
            self.tr("Entries in force: {n}").format(n=sum(1 for r in rows if r.lifted_at is None))
        )
        self._update_buttons()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if shiboken6.isValid(self) and generation == self._generation:
            self.status.setText(
                self.tr("The blacklist could not be read: {error}").format(error=exc)
            )

    # -- acting ---------------------------------------------------------------------------

    def add(self) -> bool:
        """List the value with its reason; a blank reason is never sent."""
        value, reason = self.value.text().strip(), self.reason.text().strip()
        if not self.may_edit or not value or not reason:
            return False
        try:
            self._service.add_to_blacklist(
                self._ctx, self._session, str(self.kind.currentData()), value, reason
            )
        except RuleError as exc:
            show_refusal(self, exc)
            return False
        self.value.clear()
        self.reason.clear()
        self.reload()
        return True

    def lift_selected(self) -> bool:
        entry = self.selected_entry()
        if entry is None or entry.lifted_at is not None:
            return False
        reason = dialogs.ask_reason(
            self,
            self.tr("Lift blacklist entry"),
            self.tr("Why lift “{value}” ({kind}) from the blacklist?").format(
                value=entry.value, kind=blacklist_kind_label(entry.kind)
            ),
        )
        if reason is None or not reason.strip():
            return False
        try:
            self._service.lift_blacklist_entry(self._ctx, self._session, entry.id, reason)
        except RuleError as exc:
            show_refusal(self, exc)
            return False
        self.reload()
        return True
