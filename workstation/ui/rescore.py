"""Re-score every open case on today's scorecards and macro settings (a supervisor's batch).

The work runs through ``Background.run`` (progress dialog after 600 ms, Cancel stops between
chunks and keeps what was done); the summary says how many were scored and lists the cases
whose tier or outcome changed. Double-clicking one asks the window to open it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.services import rating as rating_service
from workstation.services.context import Context, Session
from workstation.ui.common import translate
from workstation.ui.decision_tab import outcome_label
from workstation.ui.table_model import HeaderedTableModel
from workstation.ui.tasks import Background, Cancelled, Progress

AnyIndex = QModelIndex | QPersistentModelIndex


def rating_text(label: str) -> str:
    """The service's "tier/outcome" label ("B/investigate", "-/-") as an officer reads it."""
    tier, _, outcome = str(label).partition("/")
    tier = "" if tier in ("", "-") else tier
    outcome = "" if outcome in ("", "-") else outcome_label(outcome)
    if not tier and not outcome:
        return translate("RescoreSummary", "not rated")
    if not tier:
        return outcome
    text = translate("RescoreSummary", "tier {tier}").format(tier=tier)
    return f"{text} · {outcome}" if outcome else text


class ChangesModel(HeaderedTableModel):
    """Cases whose rating changed: case, before, after."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ChangesModel", "Case"),
        QT_TRANSLATE_NOOP("ChangesModel", "Before"),
        QT_TRANSLATE_NOOP("ChangesModel", "After"),
    )

    def __init__(self, changes: Sequence[tuple[int, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._changes = list(changes)

    def case_id(self, row: int) -> int:
        return int(self._changes[row][0])

    def row_count(self) -> int:
        return len(self._changes)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        case_id, old, new = self._changes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(case_id), rating_text(old), rating_text(new))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-click to open case {case}").format(case=case_id)
        return None


class RescoreSummaryDialog(QDialog):
    """What the batch did; a changed case opens on double-click (``caseActivated``)."""

    caseActivated = Signal(int)  # noqa: N815 - Qt naming

    def __init__(self, summary: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-score open cases"))
        self.resize(560, 460)
        self.summary = summary
        if summary.cancelled:
            head = self.tr(
                "Cancelled: {n} case(s) were scored before you stopped; they keep "
                "their new decision."
            ).format(n=summary.scored)
        else:
            head = self.tr("{n} open case(s) scored.").format(n=summary.scored)
        changed = len(summary.changed)
        detail = (
            self.tr("{n} changed tier or outcome (double-click to open):").format(n=changed)
            if changed
            else self.tr("No tier or outcome changed.")
        )
        self.headline = QLabel(f"<b>{head}</b><br>{detail}")
        self.headline.setWordWrap(True)
        self.model = ChangesModel(summary.changed, self)
        self.table = QTableView()
        self.table.setObjectName("changes")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        self.table.setVisible(changed > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.caseActivated.emit(self.model.case_id(index.row()))


def start_rescore(
    parent: QWidget,
    background: Background,
    session: Session,
    on_summary: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    service: Any = None,
) -> Progress:
    """Run the batch off the GUI thread; ``on_summary`` gets the ``RescoreSummary``."""
    service = service or rating_service

    def work(ctx: Context, progress: Progress) -> Any:
        def report(done: int, total: int) -> None:
            if not progress.cancelled:
                progress.report(done, total)

        return service.rescore_open_cases(
            ctx, session, progress=report, cancelled=lambda: progress.cancelled
        )

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return  # the service stops by itself between chunks; nothing else to say
        on_error(exc)

    return background.run(
        parent,
        translate("RescoreSummary", "Re-scoring open cases…"),
        work,
        on_summary,
        failed,
    )
