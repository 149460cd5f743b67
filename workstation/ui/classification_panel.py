"""The classification editor (分类, R24): every line of the case's statements with our category
and why, filtered by category, words, file and whether it counts; the counterparties with
their totals beside it (choosing one lists its lines). A line's category, or a
counterparty's for all its lines ("remember for next time" offered), changes through the
services and the statement is rebuilt; the rule list opens from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.classify import Category
from workstation.services import statements
from workstation.services.context import Context, Session
from workstation.services.statements import CaseStatement, CounterpartyTotal, LineFilter
from workstation.ui.common import format_fen, translate
from workstation.ui.investigation_text import (
    MUTED_COLOR,
    category_label,
    fit_columns,
    heading,
    plain_table,
)
from workstation.ui.reclass_dialog import ReclassDialog, ReclassRequest
from workstation.ui.statement_lines import StatementLinesModel, basis_label
from workstation.ui.table_model import RowsTableModel
from workstation.ui.trace_dialog import OpenOriginal

AnyIndex = QModelIndex | QPersistentModelIndex
Write = Callable[[Callable[[], Any]], bool]
FILTER_DELAY_MS = 250


class CounterpartiesModel(RowsTableModel):
    """Counterparties with most lines first: money in, money out, their usual class."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CounterpartiesModel", "Counterparty"),
        QT_TRANSLATE_NOOP("CounterpartiesModel", "Lines"),
        QT_TRANSLATE_NOOP("CounterpartiesModel", "Category"),
        QT_TRANSLATE_NOOP("CounterpartiesModel", "In − out"),
    )

    rows: tuple[CounterpartyTotal, ...]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name,
                f"{row.rows:,}",
                category_label(row.category),
                format_fen(row.income_fen - row.expense_fen),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return translate("CounterpartiesModel", "in {income}, out {expense}").format(
                income=format_fen(row.income_fen), expense=format_fen(row.expense_fen)
            )
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return basis_label(row.basis)
        return None


class ClassificationPanel(QWidget):
    """Lines (filtered, sortable) beside the counterparties; re-classing goes to the
    services through the case page's ``write`` (the page then reads and rebuilds again)."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        case_id: int,
        write: Write,
        open_original: OpenOriginal | None = None,
        open_rules: Callable[[], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session = ctx, session
        self.case_id = case_id
        self._write = write
        self._open_original = open_original
        self.source: CaseStatement | None = None
        self.editable = False
        self.dialog: QDialog | None = None
        self._loading = False  # a new statement is being put on screen
        self._fitted = False  # columns fitted once; then the officer's widths stay
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self._build(open_rules)

    def _build(self, open_rules: Callable[[], Any] | None) -> None:
        self.category = QComboBox()
        self.category.setObjectName("filterCategory")
        self.category.addItem(self.tr("All categories"), None)
        for category in Category:
            self.category.addItem(category_label(category.value), category.value)
        self.text = QLineEdit()
        self.text.setObjectName("filterText")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Search counterparty, memo, note, order number"))
        self.file = QComboBox()
        self.file.setObjectName("filterFile")
        self.counted = QComboBox()
        self.counted.setObjectName("filterCounted")
        self.counted.addItem(self.tr("Counted and left out"), None)
        self.counted.addItem(self.tr("Counted only"), True)
        self.counted.addItem(self.tr("Left out only"), False)
        for combo in (self.category, self.file, self.counted):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        filters = QHBoxLayout()
        filters.addWidget(self.category)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.file)
        filters.addWidget(self.counted)
        self.count = QLabel()
        self.count.setObjectName("linesCount")
        self.count.setStyleSheet(f"color: {MUTED_COLOR};")
        self.lines_model = StatementLinesModel(self)
        self.lines = plain_table(self, self.lines_model, stretch=3)
        self.lines.setSortingEnabled(True)
        self.lines.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "alipay…csv · line 23"
        self.lines.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.lines.doubleClicked.connect(lambda _i: self.reclass_line())
        self.lines.selectionModel().selectionChanged.connect(self._update_buttons)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        self._button(bar, "reclass", self.tr("Change category…"), self.reclass_line)
        self._button(bar, "open", self.tr("Open original"), self.open_line_original)
        self._button(bar, "rules", self.tr("Rules…"), open_rules or (lambda: None))
        self.buttons["rules"].setVisible(open_rules is not None)
        self.parties_model = CounterpartiesModel(self)
        self.parties = plain_table(self, self.parties_model, stretch=0)
        self.parties.selectionModel().selectionChanged.connect(self._party_chosen)
        self.parties.doubleClicked.connect(lambda _i: self.reclass_counterparty())
        self.party_filter = QLabel()
        self.party_filter.setObjectName("partyFilter")
        self.party_filter.setWordWrap(True)
        party_bar = QHBoxLayout()
        party_bar.addStretch(1)
        self._button(
            party_bar, "reclass_party", self.tr("Re-class all…"), self.reclass_counterparty
        )
        self._button(party_bar, "clear_party", self.tr("Show all lines"), self.clear_party)
        left, right = QWidget(), QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.lines, 1)
        column.addLayout(bar)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        parties_title = heading(self.tr("Counterparties (choose one to list its lines)"))
        parties_title.setWordWrap(True)
        side.addWidget(parties_title)
        side.addWidget(self.parties, 1)
        side.addWidget(self.party_filter)
        side.addLayout(party_bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 280])
        self.status = QLabel(self.tr("No statement has been uploaded yet."))
        self.status.setStyleSheet(f"color: {MUTED_COLOR};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self._update_buttons()

    def _button(self, bar: QHBoxLayout, key: str, text: str, slot: Any) -> None:
        button = QPushButton(text)
        button.setObjectName(f"classify_{key}")
        button.clicked.connect(slot)
        self.buttons[key] = button
        bar.addWidget(button)

    # -- showing --------------------------------------------------------------------------

    def show_statement(
        self,
        source: CaseStatement | None,
        editable: bool,
        counterparties: tuple[CounterpartyTotal, ...] | None = None,
    ) -> None:
        """Show the case's lines (the filters stay as the officer set them);
        ``counterparties`` as the background read totalled them (else totalled here)."""
        self.source = source
        self.editable = editable
        has_lines = source is not None and bool(source.statement.lines)
        self.status.setVisible(not has_lines)
        self._loading = True
        try:
            self._show_files(source)
            party = self.chosen_party()
            if counterparties is None:
                counterparties = source.counterparties() if source else ()
            self.parties_model.set_rows(counterparties)
            names = [r.name for r in self.parties_model.rows]
            if party is not None and party in names:
                self.parties.selectRow(names.index(party))
        finally:
            self._loading = False
        self.lines_model.set_lines(source, None, self.line_filter())
        self._show_count()
        if not self._fitted and has_lines:
            fit_columns(self.lines, 150)
            fit_columns(self.parties, 130)
            self._fitted = True

    def _show_files(self, source: CaseStatement | None) -> None:
        chosen = self.file.currentData()
        self.file.blockSignals(True)
        self.file.clear()
        self.file.addItem(self.tr("All files"), None)
        for doc in source.documents if source else ():
            self.file.addItem(doc.file_name, doc.sha256)
        found = self.file.findData(chosen) if chosen else 0
        self.file.setCurrentIndex(max(found, 0))
        self.file.blockSignals(False)

    def line_filter(self) -> LineFilter:
        category = self.category.currentData()
        return LineFilter(
            sha256=self.file.currentData(),
            category=Category(category) if category else None,
            counterparty=self.chosen_party(),
            text=self.text.text(),
            counted=self.counted.currentData(),
        )

    def apply_filter(self, *_: object) -> None:
        self._timer.stop()
        if self._loading:
            return
        self.lines_model.set_filter(self.line_filter())
        self._show_count()

    def _show_count(self) -> None:
        total = len(self.source.statement.lines) if self.source else 0
        self.count.setText(
            self.tr("{shown} of {total} line(s); in − out = {sum}").format(
                shown=f"{self.lines_model.rowCount():,}", total=f"{total:,}",
                sum=format_fen(self.lines_model.total_fen()),
            )
        )  # fmt: skip
        party = self.chosen_party()
        self.party_filter.setText(
            self.tr("Listing the lines of “{name}” only.").format(name=party) if party else ""
        )
        self._update_buttons()

    def chosen_party(self) -> str | None:
        rows = self.parties.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.parties_model.rows):
            return None
        return self.parties_model.rows[rows[0].row()].name

    def _party_chosen(self, *_: object) -> None:
        self.apply_filter()

    def clear_party(self) -> None:
        self.parties.clearSelection()

    def selected_row(self) -> int | None:
        rows = self.lines.selectionModel().selectedRows()
        return rows[0].row() if rows and rows[0].row() < self.lines_model.rowCount() else None

    def _update_buttons(self, *_: object) -> None:
        row = self.selected_row()
        self.buttons["reclass"].setEnabled(self.editable and row is not None)
        self.buttons["open"].setEnabled(row is not None and self._open_original is not None)
        self.buttons["reclass_party"].setEnabled(self.editable and self.chosen_party() is not None)
        self.buttons["clear_party"].setEnabled(self.chosen_party() is not None)
        for key in ("reclass", "reclass_party"):
            self.buttons[key].setVisible(self.editable)

    # -- acting ---------------------------------------------------------------------------

    def open_line_original(self) -> None:
        row = self.selected_row()
        if row is not None and self._open_original is not None:
            line = self.lines_model.line(row)
            self._open_original(line.sha256, line.file_name)

    def _lines_of(self, name: str) -> int:
        if self.source is None or not name.strip():
            return 0
        return len(self.source.select(LineFilter(counterparty=name)))

    def reclass_line(self) -> QDialog | None:
        """The selected line's category (or its counterparty's), in a dialog."""
        row = self.selected_row()
        if not self.editable or row is None:
            return None
        line = self.lines_model.line(row)
        name = line.counterparty.strip()
        return self._open(ReclassDialog(line, name, self._lines_of(name), self._submit(line), self))

    def reclass_counterparty(self) -> QDialog | None:
        """Every line of the chosen counterparty, with "remember for next time"."""
        name = self.chosen_party()
        if not self.editable or name is None:
            return None
        dialog = ReclassDialog(
            None, name, self._lines_of(name), self._submit(None, name), self, True
        )
        party = next(r for r in self.parties_model.rows if r.name == name)
        dialog.category.setCurrentIndex(list(Category).index(party.category))
        return self._open(dialog)

    def _submit(
        self, line: statements.ClassedLine | None, name: str = ""
    ) -> Callable[[ReclassRequest], None]:
        ctx, session, case_id = self._ctx, self._session, self.case_id
        party = line.counterparty if line is not None else name

        def submit(r: ReclassRequest) -> None:
            if r.counterparty:
                statements.reclass_counterparty(
                    ctx, session, case_id, party, r.category, remember=r.remember
                )
            else:
                assert line is not None
                statements.reclass_line(ctx, session, case_id, line.sha256, line.line, r.category)
            self._write(lambda: None)

        return submit

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
