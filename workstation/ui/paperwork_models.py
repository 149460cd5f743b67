"""The paperwork's tables (R23): the interviews held and the documents asked for, received
and waived, each with who and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from workstation.domain.interview import CHECKLIST, IDENTITY
from workstation.services.investigation import Paperwork
from workstation.store.investigation import DocumentRow, InterviewRow
from workstation.ui.common import format_time, translate
from workstation.ui.investigation_text import (
    DONE_COLOR,
    MISSING_COLOR,
    WAIVED_COLOR,
    checklist_hint,
    checklist_title,
    document_label,
    mode_label,
)
from workstation.ui.table_model import HeaderedTableModel, RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex


class InterviewsModel(RowsTableModel):
    """Interviews held, oldest first; the checklist in one cell, identity first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("InterviewsModel", "Held"),
        QT_TRANSLATE_NOOP("InterviewsModel", "Mode"),
        QT_TRANSLATE_NOOP("InterviewsModel", "Investigator"),
        QT_TRANSLATE_NOOP("InterviewsModel", "Checklist"),
        QT_TRANSLATE_NOOP("InterviewsModel", "Notes"),
    )

    rows: tuple[InterviewRow, ...]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        checked = {k for k in row.checked.split(",") if k}
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, checked)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 3:
                return "\n".join(
                    f"{'✓' if k in checked else '✗'} {checklist_title(k)}: {checklist_hint(k)}"
                    for k in CHECKLIST
                )
            if col == 4:
                return row.notes
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and IDENTITY not in checked:
            return QColor(MISSING_COLOR)
        return None

    def _text(self, row: InterviewRow, col: int, checked: set[str]) -> str:
        if col == 0:
            return format_time(row.held_at)
        if col == 1:
            return mode_label(row.mode)
        if col == 2:
            return row.investigator_name
        if col == 3:
            identity = (
                translate("InterviewsModel", "identity checked")
                if IDENTITY in checked
                else translate("InterviewsModel", "identity NOT checked")
            )
            return translate("InterviewsModel", "{identity} · {n} of {total} items").format(
                identity=identity, n=len(checked), total=len(CHECKLIST)
            )
        return " ".join(row.notes.split())


_STATUS = {
    "received": QT_TRANSLATE_NOOP("DocumentsModel", "Received"),
    "waived": QT_TRANSLATE_NOOP("DocumentsModel", "Waived"),
    "missing": QT_TRANSLATE_NOOP("DocumentsModel", "Missing"),
    "awaited": QT_TRANSLATE_NOOP("DocumentsModel", "Requested, awaited"),
}
_STATUS_COLORS = {
    "received": DONE_COLOR,
    "waived": WAIVED_COLOR,
    "missing": MISSING_COLOR,
    "awaited": MISSING_COLOR,
}


def document_status(row: DocumentRow) -> str:
    """received, waived, awaited (requested, not in) or missing (required, not asked)."""
    if row.received_at:
        return "received"
    if row.waived_at:
        return "waived"
    return "awaited" if row.requested_at else "missing"


class DocumentsModel(HeaderedTableModel):
    """Every document required or requested: who asked, who saw it, who waived it and why."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentsModel", "Document"),
        QT_TRANSLATE_NOOP("DocumentsModel", "Status"),
        QT_TRANSLATE_NOOP("DocumentsModel", "Required"),
        QT_TRANSLATE_NOOP("DocumentsModel", "Requested"),
        QT_TRANSLATE_NOOP("DocumentsModel", "Received"),
        QT_TRANSLATE_NOOP("DocumentsModel", "Waived"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[DocumentRow, ...] = ()
        self.required: frozenset[str] = frozenset()

    def set_paperwork(self, work: Paperwork) -> None:
        self.beginResetModel()
        self.rows = work.documents
        self.required = frozenset(k.value for k in work.required)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        status = document_status(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, status)
        if role == Qt.ItemDataRole.ToolTipRole and col == 5 and row.waive_reason:
            return row.waive_reason
        if role == Qt.ItemDataRole.ToolTipRole and col == 4 and row.received_note:
            return row.received_note
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QColor(_STATUS_COLORS[status])
        if role == Qt.ItemDataRole.FontRole and col == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: DocumentRow, col: int, status: str) -> str:
        if col == 0:
            return document_label(row.kind)
        if col == 1:
            return translate("DocumentsModel", _STATUS[status])
        if col == 2:
            return (
                translate("DocumentsModel", "Required")
                if row.kind in self.required
                else translate("DocumentsModel", "Requested")
            )
        if col == 3:
            return by_whom(row.requested_at, row.requested_by_name)
        if col == 4:
            text = by_whom(row.received_at, row.received_by_name)
            return f"{text} — {row.received_note}" if text and row.received_note else text
        text = by_whom(row.waived_at, row.waived_by_name)
        return (
            translate("DocumentsModel", "{who_when}: “{reason}”").format(
                who_when=text, reason=row.waive_reason
            )
            if text and row.waive_reason
            else text
        )


def by_whom(at: str | None, name: str | None) -> str:
    if not at:
        return ""
    return translate("DocumentsModel", "{when} by {who}").format(
        when=format_time(at), who=name or "?"
    )
