"""The lines behind a rebuilt figure (R24: every figure opens its transactions, down to the
line of the original file). The sum of the lines is shown beside the figure, so the officer
sees they agree; a PDF's lines read as page and row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.services.statements import CaseStatement
from workstation.ui.common import format_fen
from workstation.ui.investigation_text import MUTED_COLOR, fit_columns, plain_table
from workstation.ui.statement_lines import StatementLinesModel

OpenOriginal = Callable[[str, str], None]  # (file SHA-256, file name)


class TraceDialog(QDialog):
    """A figure's title and amount, its lines (sortable), and "open the original file"."""

    def __init__(
        self,
        source: CaseStatement,
        positions: Sequence[int],
        title: str,
        figure: str,
        open_original: OpenOriginal | None = None,
        parent: QWidget | None = None,
        figure_fen: int | None = None,
    ) -> None:
        """``figure_fen`` is the figure in fen (costs positive), to check the lines' sum."""
        super().__init__(parent)
        self._open_original = open_original
        self.setWindowTitle(title)
        self.resize(1100, 520)
        self.model = StatementLinesModel(self)
        self.model.set_lines(source, positions)
        self.table = plain_table(self, self.model, stretch=3)
        self.table.setSortingEnabled(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # file name … and the line
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open_row)
        fit_columns(self.table, 200)
        total = self.model.total_fen()
        if figure_fen is None or abs(total) == abs(figure_fen):
            heading = self.tr("{title}: {figure} — {n} line(s) summing to {total}")
        else:  # a refund noted on the original line itself is netted in the figure
            heading = self.tr(
                "{title}: {figure} — {n} line(s); as printed they sum to {total}: refunds "
                "noted on a line itself are netted in the figure"
            )
        self.heading = QLabel(
            heading.format(title=title, figure=figure, n=len(positions), total=format_fen(total))
        )
        self.heading.setObjectName("traceHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        note = QLabel(
            self.tr(
                "Costs are shown as money out (negative). A refund sits with the sale or "
                "purchase it reverses. Double-click a line to open its original file."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_COLOR};")
        self.open_button = QPushButton(self.tr("Open original file"))
        self.open_button.setObjectName("openOriginal")
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex()))
        self.open_button.setEnabled(open_original is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

    def _open_row(self, index: QModelIndex) -> None:
        if self._open_original is None or not index.isValid():
            return
        line = self.model.line(index.row())
        self._open_original(line.sha256, line.file_name)
