"""The Uploads tables (R23): the files on the case (type, period, source, rows, who
uploaded, when) and the utility bills, read from a file or typed in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workstation.services.uploads import CaseDocument, StoredBill
from workstation.ui.common import format_fen, format_time, message_text, translate
from workstation.ui.investigation_text import (
    MUTED_COLOR,
    document_label,
    source_label,
    unit_label,
    utility_label,
)
from workstation.ui.table_model import RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class UploadsModel(RowsTableModel):
    """The case's uploads, oldest first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("UploadsModel", "Type"),
        QT_TRANSLATE_NOOP("UploadsModel", "File"),
        QT_TRANSLATE_NOOP("UploadsModel", "Source"),
        QT_TRANSLATE_NOOP("UploadsModel", "Period"),
        QT_TRANSLATE_NOOP("UploadsModel", "Rows"),
        QT_TRANSLATE_NOOP("UploadsModel", "Account"),
        QT_TRANSLATE_NOOP("UploadsModel", "Uploaded by"),
        QT_TRANSLATE_NOOP("UploadsModel", "When"),
        QT_TRANSLATE_NOOP("UploadsModel", "Notes"),
    )

    rows: tuple[CaseDocument, ...]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        doc, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(doc, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 8 and (doc.problems or doc.dropped):
                return "\n".join(message_text(p.message) for p in (*doc.problems, *doc.dropped))
            if col == 1:
                return translate("UploadsModel", "{format}, {size}; SHA-256 {sha}").format(
                    format=doc.file_format.upper(), size=size_text(doc.size), sha=doc.sha256
                )
        if role == Qt.ItemDataRole.ForegroundRole and col == 8:
            return QColor(MUTED_COLOR)
        return None

    def _text(self, doc: CaseDocument, col: int) -> str:
        if col == 0:
            return document_label(doc.kind.value)
        if col == 1:
            return doc.file_name
        if col == 2:
            return source_label(doc.source, doc.bank_name)
        if col == 3:
            if doc.period_start is None or doc.period_end is None:
                return "—"
            return f"{doc.period_start.isoformat()} — {doc.period_end.isoformat()}"
        if col == 4:
            return f"{doc.rows:,}"
        if col == 5:
            return " · ".join(p for p in (doc.account_owner, doc.account_number) if p)
        if col == 6:
            return doc.uploaded_by
        if col == 7:
            return format_time(doc.uploaded_at)
        notes = []
        if doc.problems:
            notes.append(translate("UploadsModel", "{n} warning(s)").format(n=len(doc.problems)))
        if doc.dropped:
            notes.append(
                translate("UploadsModel", "{n} row(s) left out").format(n=len(doc.dropped))
            )
        return ", ".join(notes)


class BillsModel(RowsTableModel):
    """The case's utility bills by kind and period, each with where it came from."""

    HEADERS = (
        QT_TRANSLATE_NOOP("BillsModel", "Bill"),
        QT_TRANSLATE_NOOP("BillsModel", "Account"),
        QT_TRANSLATE_NOOP("BillsModel", "Period"),
        QT_TRANSLATE_NOOP("BillsModel", "Usage"),
        QT_TRANSLATE_NOOP("BillsModel", "Amount"),
        QT_TRANSLATE_NOOP("BillsModel", "From"),
        QT_TRANSLATE_NOOP("BillsModel", "Entered by"),
    )

    rows: tuple[StoredBill, ...]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        stored, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(stored, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and stored.bill.time_of_use:
            split = stored.bill.time_of_use
            return translate("BillsModel", "peak {peak}, flat {flat}, valley {valley}").format(
                peak=split.peak, flat=split.flat, valley=split.valley
            )
        return None

    def _text(self, stored: StoredBill, col: int) -> str:
        bill = stored.bill
        if col == 0:
            return utility_label(bill.kind.value)
        if col == 1:
            return bill.account
        if col == 2:
            return f"{bill.period_start.isoformat()} — {bill.period_end.isoformat()}"
        if col == 3:
            return f"{bill.usage} {unit_label(bill.kind.value)}"
        if col == 4:
            return format_fen(bill.amount_fen)
        if col == 5:
            if stored.file_name is None:
                return translate("BillsModel", "typed in")
            return translate("BillsModel", "{file} · line {line}").format(
                file=stored.file_name, line=bill.line
            )
        return translate("BillsModel", "{who}, {when}").format(
            who=stored.entered_by, when=format_time(stored.entered_at)
        )
