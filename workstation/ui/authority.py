"""The administrator's approval authority (R25, R39): what each supervisor may approve alone,
and what the system may approve by itself in the straight-through lane.

Amounts are typed in yuan and parsed exactly to fen. A supervisor with none set holds none
(deny by default). Every change goes through ``services.approval``, which holds the rules
(admin only, supervisors only, never negative) and audits it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.services import approval
from workstation.services.context import Context, Session
from workstation.store.loans import AuthorityRow
from workstation.ui.common import format_time, show_refusal
from workstation.ui.intake_fields import Figure, FigureEdit

MUTED = "color: #546e7a;"


class AuthorityDialog(QDialog):
    """One line a supervisor, one for the system; Save writes what was changed."""

    def __init__(self, ctx: Context, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._session = ctx, session
        self.setWindowTitle(self.tr("Approval authority"))
        self.setMinimumWidth(600)
        self.rows: list[AuthorityRow] = []
        self.edits: dict[int, FigureEdit] = {}
        self.system = FigureEdit(Figure.MONEY)
        self.system.setObjectName("system_authority")
        self._system_fen = 0
        self.people = QGroupBox(self.tr("Supervisors: the largest limit each may approve alone"))
        self.grid = QGridLayout(self.people)
        lane = QGroupBox(self.tr("The straight-through lane"))
        lane_grid = QGridLayout(lane)
        lane_grid.addWidget(QLabel(self.tr("The system approves clean cases up to")), 0, 0)
        lane_grid.addWidget(QLabel("¥"), 0, 1)
        lane_grid.addWidget(self.system, 0, 2)
        hint = QLabel(
            self.tr(
                "Platform cases with complete data, tier A or B and no flag, within this "
                "amount, are approved by the system and go straight to disbursement."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED)
        lane_grid.addWidget(hint, 1, 0, 1, 4)
        lane_grid.setColumnStretch(3, 1)
        note = QLabel(
            self.tr(
                "Above a supervisor's authority the signature counts as the first of two; a "
                "second supervisor whose authority covers the limit completes the approval. "
                "Empty: none held."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.people)
        layout.addWidget(note)
        layout.addWidget(lane)
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = approval.authorities(self._ctx, self._session)
        self.edits = {}
        for column, title in enumerate(
            (self.tr("Supervisor"), "", self.tr("May approve alone"), self.tr("Set"))
        ):
            header = QLabel(title)
            header.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(header, 0, column)
        for number, row in enumerate(self.rows, start=1):
            name = f"{row.display_name} ({row.username})"
            if not row.active:
                name = self.tr("{name} — switched off").format(name=name)
            edit = FigureEdit(Figure.MONEY)
            edit.setObjectName(f"authority_{row.username}")
            edit.set_value(row.max_fen)
            self.edits[row.user_id] = edit
            set_text = (
                self.tr("by {who}, {when}").format(
                    who=row.set_by_name or "?", when=format_time(row.set_at)
                )
                if row.set_at
                else self.tr("none held")
            )
            set_label = QLabel(set_text)
            set_label.setStyleSheet(MUTED)
            self.grid.addWidget(QLabel(name), number, 0)
            self.grid.addWidget(QLabel("¥"), number, 1)
            self.grid.addWidget(edit, number, 2)
            self.grid.addWidget(set_label, number, 3)
        self.grid.setColumnStretch(3, 1)
        self._system_fen = approval.system_authority(self._ctx)
        self.system.set_value(self._system_fen)

    def changes(self) -> list[Callable[[], None]]:
        """The service calls for what was edited; ValueError for an amount not readable."""
        calls: list[Callable[[], None]] = []
        for row in self.rows:
            value = self.edits[row.user_id].value()
            fen = 0 if value is None else int(value)
            if fen != (row.max_fen or 0):
                calls.append(self._setter(row.user_id, fen))
        value = self.system.value()
        fen = 0 if value is None else int(value)
        if fen != self._system_fen:
            ctx, session = self._ctx, self._session
            calls.append(lambda: approval.set_system_authority(ctx, session, fen))
        return calls

    def _setter(self, user_id: int, fen: int) -> Callable[[], None]:
        ctx, session = self._ctx, self._session
        return lambda: approval.set_authority(ctx, session, user_id, fen)

    def save(self) -> bool:
        """Write every change; the first refusal stops and is shown. True when all saved."""
        try:
            calls = self.changes()
        except ValueError:
            return False  # the validators let through only digits: a lone "." at most
        try:
            for call in calls:
                call()
        except RuleError as exc:
            show_refusal(self, exc)
            self.reload()
            return False
        self.reload()
        return True
