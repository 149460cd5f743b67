"""The classification editor (分类, R24): every line of the case's statements with our category
and why, filtered by category, words, file and whether it counts; the counterparties with
their totals beside it (choosing one lists its lines). A line's category, or a
counterparty's for all its lines ("remember for next time" offered), changes through the
services and the statement is rebuilt; the rule list opens from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.classify import BASIS_LABELS, Basis, Category
from workstation.domain.rebuild import NOT_COUNTED
from workstation.services import statements
from workstation.services.context import Context, Session
from workstation.services.statements import CaseStatement, CounterpartyTotal, LineFilter
from workstation.ui.common import column_title, format_fen, translate
from workstation.ui.investigation_text import (
    MUTED_COLOR,
    category_label,
    fit_columns,
    heading,
    plain_table,
)
from workstation.ui.reclass_dialog import ReclassDialog, ReclassRequest
from workstation.ui.statement_lines import COLUMNS, LEFT_OUT, StatementLinesModel, basis_label
from workstation.ui.table_model import RowsTableModel
from workstation.ui.trace_dialog import OpenOriginal

AnyIndex = QModelIndex | QPersistentModelIndex
Write = Callable[[Callable[[], Any]], bool]
FILTER_DELAY_MS = 250


NOT_COUNTED_SHORT = {
    Category.LOANS: QT_TRANSLATE_NOOP("ClassedLinesModel", "✗ financing"),
    Category.OWN_TRANSFER: QT_TRANSLATE_NOOP("ClassedLinesModel", "✗ own accounts"),
}
NOT_COUNTED_WHY = {
    Category.LOANS: QT_TRANSLATE_NOOP(
        "ClassedLinesModel",
        "Not counted: loans in and out are financing, not business income or cost, so the "
        "line is in no figure.",
    ),
    Category.OWN_TRANSFER: QT_TRANSLATE_NOOP(
        "ClassedLinesModel",
        "Not counted: money moved between the owner's own accounts is neither income nor "
        "cost, so the line is in no figure.",
    ),
}


class ClassedLinesModel(StatementLinesModel):
    """The editor's lines: as ``StatementLinesModel``, but a line the services count in no
    figure for its category (loans, own transfers: ``ClassedLine.counted``) says why in
    the Counted column, greyed."""

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title("StatementLinesModel", self.HEADERS, section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and self.source is not None
            and index.isValid()
            and 0 <= index.row() < len(self.positions)
            and not self.line(index.row()).counted
        ):
            return QColor(MUTED_COLOR)
        return super().data(index, role)

    def text(self, line: statements.ClassedLine, col: int) -> str:
        if _column(col) == "basis":
            return why_text(line.basis, self._rule(line.position))
        if _column(col) == "counted" and line.excluded is None and not line.counted:
            return translate("ClassedLinesModel", NOT_COUNTED_SHORT[line.category])
        return super().text(line, col)

    def _rule(self, position: int) -> int:
        assert self.source is not None
        return self.source.statement.classes[position].rule

    def _tip(self, line: statements.ClassedLine, col: int) -> str | None:  # type: ignore[override]
        name = _column(col)
        if name == "category":
            return category_label(line.category)
        tip = super()._tip(line, col)
        if name in ("basis", "counted") and line.excluded is None:
            why = NOT_COUNTED_WHY.get(line.category)
            if why is not None:
                tip = f"{tip}\n{translate('ClassedLinesModel', why)}" if tip else why
        return tip


PARTY_NAME_WIDTH = 120  # the counterparty pane's name column at least
PLACE_WIDTH = 150  # the file and place column at least, when the window is narrow
SQUEEZE = (("memo", 60), ("counterparty", 90), ("category", 80), ("basis", 70), ("counted", 50))
WHY_SHORT = {  # the Why column's words; the whole reason is in the cell's tooltip
    Basis.ROW: QT_TRANSLATE_NOOP("ClassedLinesModel", "Re-classed"),
    Basis.COUNTERPARTY: QT_TRANSLATE_NOOP("ClassedLinesModel", "Re-classed (all)"),
    Basis.REFUND: QT_TRANSLATE_NOOP("ClassedLinesModel", "Refund in export"),
    Basis.OWNER: QT_TRANSLATE_NOOP("ClassedLinesModel", "Owner's account"),
    Basis.PAIRED: QT_TRANSLATE_NOOP("ClassedLinesModel", "Own transfer pair"),
    Basis.DEFAULT: QT_TRANSLATE_NOOP("ClassedLinesModel", "No rule"),
}


def why_text(basis: Basis, rule: int) -> str:
    """A line's "why" in the Why column: "Rule 17", "Re-classed" (the tooltip says it
    whole: "Re-classed by the officer")."""
    short = WHY_SHORT.get(basis)
    if short is not None:
        return translate("ClassedLinesModel", short)
    return translate("messages", BASIS_LABELS[basis]).replace("{number}", str(rule + 1))


def _text_width(table: QTableView, text: str) -> int:
    """The width a cell needs to show ``text`` whole (its margins included)."""
    return table.fontMetrics().horizontalAdvance(text) + CELL_PADDING


CELL_PADDING = 16


def _fit(table: QTableView, column: int, texts: Iterable[str], widest: int | None = None) -> None:
    """Size ``column`` to its title and the widest of ``texts`` (and what is on screen),
    at most ``widest`` pixels (a longer text ends in "…"; its tooltip shows it whole)."""
    header = table.horizontalHeader()
    width = max(
        [header.sectionSizeHint(column), table.sizeHintForColumn(column)]
        + [_text_width(table, t) for t in texts]
    )
    if widest is not None:
        width = min(width, max(widest, header.sectionSizeHint(column)))
    header.resizeSection(column, width)


def _column(col: int) -> str:
    return COLUMNS[col] if 0 <= col < len(COLUMNS) else ""


class ElideRightDelegate(QStyledItemDelegate):
    """Long texts end in "…"; in the file-and-place column the file's name is shortened
    and the place kept whole ("支付宝交易…csv · line 191")."""

    def __init__(self, place_column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place = place_column

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight
        if index.column() != self._place or " · " not in option.text:
            return
        metrics = option.fontMetrics
        room = option.rect.width() - CELL_PADDING // 2
        if room <= 0 or metrics.horizontalAdvance(option.text) <= room:
            return
        name, place = option.text.rsplit(" · ", 1)
        tail = " · " + place
        left = room - metrics.horizontalAdvance(tail)
        if left > metrics.horizontalAdvance("…") * 3:
            option.text = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, left) + tail


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
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            tip = translate("CounterpartiesModel", "in {income}, out {expense}").format(
                income=format_fen(row.income_fen), expense=format_fen(row.expense_fen)
            )
            if row.neutral_fen:
                tip += translate(
                    "CounterpartiesModel", "; moved neither way (不计收支): {neutral}"
                ).format(neutral=format_fen(row.neutral_fen))
            return tip
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return f"{category_label(row.category)} — {basis_label(row.basis)}"
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
        for combo in (self.category, self.file):  # long names elided: room for the search
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        filters = QHBoxLayout()
        filters.addWidget(self.category)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.file)
        filters.addWidget(self.counted)
        self.count = QLabel()
        self.count.setObjectName("linesCount")
        self.count.setStyleSheet(f"color: {MUTED_COLOR};")
        # the neutral moves make it long: it never widens the pane (the tooltip holds it all)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lines_model = ClassedLinesModel(self)
        self.lines = plain_table(self, self.lines_model, stretch=3)
        self.lines.setSortingEnabled(True)
        self.lines.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "alipay…csv · line 23"
        self.lines.setItemDelegate(ElideRightDelegate(COLUMNS.index("source"), self.lines))
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
        self.parties.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.parties.setToolTip(
            self.tr("Choose a counterparty to list its lines; double-click to re-class them all")
        )
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
        side.addWidget(heading(self.tr("Counterparties")))
        side.addWidget(self.parties, 1)
        side.addWidget(self.party_filter)
        side.addLayout(party_bar)
        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("classificationSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([880, 380])  # until the columns are fitted to a statement
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
        if not self._fitted and has_lines and self.isVisible():
            self.fit_columns()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        source = self.source
        if not self._fitted and source is not None and source.statement.lines:
            self.fit_columns()  # fitted to the width the panel has on screen

    def fit_columns(self) -> None:
        """Columns sized for every line, not only the first screenful (a re-classed line's
        "why", a left-out line's reason), within limits: long counterparties, memos and
        reasons end in "…" and show whole in their tooltips; the file and its place take the
        room left. The counterparty pane gets the width its counts and money need."""
        assert self.source is not None
        s = self.source.statement
        lines, column = self.lines, COLUMNS.index
        fit_columns(lines, 150)  # the date, measured on the first rows
        wide = max((abs(t.amount_fen) for t in s.lines), default=0)
        _fit(lines, column("amount"), [format_fen(-wide)])
        _fit(lines, column("counterparty"), [], 130)
        _fit(lines, column("memo"), [], 90)
        categories = {c.category for c in s.classes}
        _fit(lines, column("category"), [category_label(c) for c in categories], 120)
        _fit(lines, column("basis"), {why_text(c.basis, c.rule) for c in s.classes}, 130)
        counted = ["✓"]
        counted += [
            translate("StatementLinesModel", LEFT_OUT[k.value])
            for k, n in s.excluded_counts().items()
            if n
        ]
        counted += [
            translate("ClassedLinesModel", NOT_COUNTED_SHORT[c]) for c in categories & NOT_COUNTED
        ]
        _fit(lines, column("counted"), counted, 85)
        parties, rows = self.parties, self.parties_model.rows
        header = parties.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        _fit(parties, 1, [f"{r.rows:,}" for r in rows])
        _fit(parties, 2, {category_label(r.category) for r in rows}, 120)
        _fit(parties, 3, [format_fen(r.income_fen - r.expense_fen) for r in rows])
        needed = sum(header.sectionSize(c) for c in range(1, header.count()))
        needed += PARTY_NAME_WIDTH + 2 * parties.frameWidth()
        needed += parties.verticalScrollBar().sizeHint().width()
        total = sum(self.split.sizes()) or self.split.width()
        right = min(needed, total // 2)
        self.split.setSizes([total - right, right])
        room = total - right - self.split.handleWidth() - 2 * lines.frameWidth()
        self._squeeze(room - lines.verticalScrollBar().sizeHint().width())
        self._fitted = True

    def _squeeze(self, room: int) -> None:
        """Narrow the wordy columns (to a floor) until the file and place has its room."""
        header, column = self.lines.horizontalHeader(), COLUMNS.index
        place = column("source")
        used = sum(header.sectionSize(c) for c in range(header.count()) if c != place)
        excess = used + PLACE_WIDTH - room
        for name, floor in SQUEEZE:
            if excess <= 0:
                break
            size = header.sectionSize(column(name))
            cut = min(excess, size - max(floor, header.sectionSizeHint(column(name))))
            if cut > 0:
                header.resizeSection(column(name), size - cut)
                excess -= cut

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
        text = self.tr("{shown} of {total} line(s); in − out = {sum}").format(
            shown=f"{self.lines_model.rowCount():,}", total=f"{total:,}",
            sum=format_fen(self.lines_model.total_fen()),
        )  # fmt: skip
        neutral = self.lines_model.neutral_fen()
        if neutral:
            text += self.tr(
                "; moved between the owner's own pockets (counted neither way): {sum}"
            ).format(sum=format_fen(neutral))
        self.count.setText(text)
        self.count.setToolTip(text)
        party = self.chosen_party()
        self.party_filter.setText(
            self.tr("Listing the lines of “{name}” only.").format(name=party)
            if party
            else self.tr("Choose a counterparty to list only its lines.")
        )
        self.party_filter.setStyleSheet("" if party else f"color: {MUTED_COLOR};")
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
