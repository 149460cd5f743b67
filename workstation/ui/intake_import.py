"""Bulk intake: a CSV or XLSX file of applications becomes draft cases, and every row the
rules refuse is listed (row, field, why) so the officer can fix the file and import again.

The import runs off the GUI thread through ``Background.run``, so the window stays live; the
service saves each good row in its own transaction and takes no progress callback yet, so
the progress dialog shows a busy bar. Cancel cannot stop it (rows already saved stay saved):
it only hides the progress, the summary says the import continues, and the real report
shows here when it is done.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import Message, RuleError
from workstation.services import rating
from workstation.services.context import Context, Session
from workstation.ui.common import RISK_COLORS, message_text
from workstation.ui.table_model import HeaderedTableModel
from workstation.ui.tasks import Background, Cancelled, Progress

AnyIndex = QModelIndex | QPersistentModelIndex
WARNING_COLOR = RISK_COLORS["amber"]


class RejectedRowsModel(HeaderedTableModel):
    """The rows of the file the rules refused: row number, field, reason (translated)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("RejectedRowsModel", "Row"),
        QT_TRANSLATE_NOOP("RejectedRowsModel", "Field"),
        QT_TRANSLATE_NOOP("RejectedRowsModel", "Reason"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, Message]] = []

    def set_rows(self, rows: tuple[tuple[int, str, Message], ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cells(self, row: int) -> tuple[str, str, str]:
        number, field, message = self._rows[row]
        return str(number), field, message_text(message)

    def as_text(self) -> str:
        """Every rejected row as tab-separated lines with a header, for the clipboard."""
        header = "\t".join(
            self.headerData(c, Qt.Orientation.Horizontal) for c in range(len(self.HEADERS))
        )
        return "\n".join([header, *("\t".join(self.cells(r)) for r in range(len(self._rows)))])


class ImportApplicationsDialog(QDialog):
    """Choose a file, import it with progress and cancel, then read the report."""

    imported = Signal(int)  # how many cases were created

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self.report: rating.ImportReport | None = None
        self.running = False
        self.setWindowTitle(self.tr("Import applications"))
        self.resize(760, 480)
        intro = QLabel(
            self.tr(
                "A CSV or Excel (XLSX) file with one application a row. Every good row becomes "
                "a draft case in “Application”; rows the rules refuse are listed below."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.path.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda: self.start_import(self.path.text()))
        chooser = QHBoxLayout()
        chooser.addWidget(self.path, 1)
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.import_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warning = QLabel()  # the file as a whole: columns left out
        self.warning.setObjectName("importWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"#importWarning {{ color: {WARNING_COLOR.name()}; }}")
        self.warning.hide()
        self.model = RejectedRowsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        self.copy_button = QPushButton(self.tr("Co&py rejected rows"))
        self.copy_button.setToolTip(self.tr("Copy the list as tab-separated text (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_rejected)
        self.copy_button.hide()
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_rejected)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addStretch(1)  # while the table is hidden the space goes here, not between lines
        self._spacer = layout.count() - 1
        layout.addLayout(buttons)
        self._layout = layout

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file of applications"),
            "",
            self.tr("Applications (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.path.setText(path)
            self.import_button.setEnabled(True)
            self.start_import(path)

    def start_import(self, path: str) -> Progress | None:
        """Import ``path`` off the GUI thread; the report shows when it is done."""
        if not path or self.running:
            return None
        self.running = True
        self._set_busy(True)
        self.warning.hide()
        self.summary.setText(self.tr("Importing {path}…").format(path=path))
        session = self._session

        def work(ctx: Context, _progress: Progress) -> rating.ImportReport:
            return rating.import_applications(ctx, session, Path(path))

        before = set(self.findChildren(QProgressDialog))
        progress = self._background.run(
            self, self.tr("Importing applications…"), work, self.show_report, self._failed
        )
        for dialog in set(self.findChildren(QProgressDialog)) - before:
            dialog.canceled.connect(self._keep_going)
        return progress

    def _keep_going(self) -> None:
        """Cancel pressed: the import cannot be stopped half-way, so say that it goes on."""
        if self.running:
            self.summary.setText(
                self.tr(
                    "The import cannot be stopped once it has begun: it continues, and its "
                    "report will show here when it is done."
                )
            )

    def _set_busy(self, busy: bool) -> None:
        self.choose_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and bool(self.path.text()))

    def show_report(self, report: rating.ImportReport) -> None:
        self.running = False
        self._set_busy(False)
        self.report = report
        created, rejected = len(report.created), len(report.rejected)
        text = self.tr("{n} application(s) created as drafts.").format(n=created)
        if rejected:
            text += " " + self.tr("{n} problem(s) in rejected rows:").format(n=rejected)
        self.summary.setText(text)
        warnings = [message_text(m) for m in getattr(report, "warnings", ())]
        self.warning.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warning.setVisible(bool(warnings))
        self.model.set_rows(report.rejected)
        self.table.setVisible(bool(rejected))
        self._layout.setStretch(self._spacer, 0 if rejected else 1)
        self.copy_button.setVisible(bool(rejected))
        if created:
            self.imported.emit(created)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self._set_busy(False)
        if isinstance(error, Cancelled):  # not raised today: the import never checks Cancel
            self.summary.setText(
                self.tr(
                    "The import stopped before the end; rows saved until then remain as drafts."
                )
            )
        elif isinstance(error, RuleError):
            self.summary.setText(message_text(error.message))
        else:
            self.summary.setText("")
            QMessageBox.critical(
                self,
                self.windowTitle(),
                self.tr("The import failed: {error}").format(error=error),
            )

    def copy_rejected(self) -> None:
        QGuiApplication.clipboard().setText(self.model.as_text())
