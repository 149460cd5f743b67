"""The flat table model every list on screen shares: column titles translated, rows counted.

Subclasses give ``HEADERS`` (marked with ``QT_TRANSLATE_NOOP`` in the class's own name as
context), ``row_count()`` and ``data()``; nothing else of Qt's table protocol is repeated.
``RowsTableModel`` also keeps the rows themselves, for the lists shown whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from workstation.ui.common import column_title

AnyIndex = QModelIndex | QPersistentModelIndex


class HeaderedTableModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(type(self).__name__, self.HEADERS, section, orientation, role)


class RowsTableModel(HeaderedTableModel):
    """A list shown whole: ``rows`` replaced at once by ``set_rows``."""

    rows: tuple[Any, ...] = ()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)


def list_view(model: QAbstractTableModel) -> QTableView:
    """A read-only list of whole rows: no edits, alternate shading, one line a row."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    return view
