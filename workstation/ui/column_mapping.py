"""Map the columns of a bank statement no preset knows (issue 4): the file's first rows, the
header row chosen, a column for each thing the rebuild needs, the first records as they will
be read (or the line that fails), the bank's name; Save and import.

The dialog gets the material ``LayoutUnknown`` carries (``importers.mapped.MappingPreview``)
and hands the bank's name and the mapping to ``save``; a refusal keeps the dialog open with
everything as typed. The guess from the header's words is filled in; every change reads the
preview rows again at once (a few dozen rows: no thread needed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import QT_TRANSLATE_NOOP, RuleError
from workstation.importers.bank import Signs
from workstation.importers.mapped import (
    CANDIDATE_ROWS,
    ColumnMapping,
    DateOrder,
    MappingPreview,
    Trial,
    guess_header,
    guess_mapping,
    signature_of,
    try_mapping,
)
from workstation.importers.records import Transaction
from workstation.importers.tables import Row
from workstation.ui.common import format_fen, message_text, show_refusal
from workstation.ui.investigation_text import MISSING_COLOR, MUTED_COLOR, heading, plain_table
from workstation.ui.table_model import AnyIndex, HeaderedTableModel

Save = Callable[[str, ColumnMapping], None]
HEADER_BACK = QColor("#e3f2fd")
EXPENSE_COLOR = QColor("#b71c1c")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: columns named as a spreadsheet names them."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class FileRowsModel(QAbstractTableModel):
    """The file's first rows as they are, columns lettered, rows numbered by their line; the
    chosen header row stands out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Row, ...] = ()
        self.header = -1
        self._width = 0

    def set_rows(self, rows: Sequence[Row], header: int) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.header = header
        self._width = max((len(r.cells) for r in self.rows), default=0)
        self.endResetModel()

    def set_header(self, header: int) -> None:
        old, self.header = self.header, header
        for row in (old, header):
            if 0 <= row < len(self.rows) and self._width:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self._width - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._width

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cell(index.column())
        if index.row() == self.header:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(HEADER_BACK)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_letter(section)
        return str(self.rows[section].line) if 0 <= section < len(self.rows) else None


class MappedRecordsModel(HeaderedTableModel):
    """The first records a mapping reads: line, date, signed amount, counterparty, memo."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MappedRecordsModel", "Line"),
        QT_TRANSLATE_NOOP("MappedRecordsModel", "Date"),
        QT_TRANSLATE_NOOP("MappedRecordsModel", "Amount"),
        QT_TRANSLATE_NOOP("MappedRecordsModel", "Counterparty"),
        QT_TRANSLATE_NOOP("MappedRecordsModel", "Memo"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: tuple[Transaction, ...] = ()

    def set_records(self, records: Sequence[Transaction]) -> None:
        self.beginResetModel()
        self.records = tuple(records)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.records)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        record, column = self.records[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            stamp = record.timestamp
            return (
                str(record.line),
                stamp.strftime("%Y-%m-%d %H:%M:%S" if record.time_known else "%Y-%m-%d"),
                format_fen(record.amount_fen),
                record.counterparty,
                record.memo,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and record.amount_fen < 0:
            return QBrush(EXPENSE_COLOR)
        return None


class ColumnMappingDialog(QDialog):
    """Which column holds what, for a file refused as unknown layout; Save and import hands
    the bank's name and the mapping to ``save`` (a refusal keeps the dialog open).

    ``bank`` edits a saved mapping instead: its name filled in, its header row fixed (a
    mapping belongs to one header row), the preview from a file read with it, or only the
    header row when there is none to show."""

    def __init__(
        self,
        preview: MappingPreview,
        save: Save,
        parent: QWidget | None = None,
        bank: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self._save = save
        self.editing = bank is not None
        self.no_file = self.editing and not preview.file
        self.saved: tuple[str, ColumnMapping] | None = None
        self.trial = Trial(())
        self._filling = False
        if self.editing:
            self.setWindowTitle(self.tr("Edit the column mapping for {bank}").format(bank=bank))
        else:
            self.setWindowTitle(self.tr("Map the columns of {file}").format(file=preview.file))
        self._build()
        self.sheet.setCurrentIndex(preview.sheet)
        self._show_sheet(preview.header, preview.guess)
        if bank is not None:
            self.name.setText(bank)

    # -- building -------------------------------------------------------------------------

    def _intro(self) -> str:
        if not self.editing:
            return self.tr(
                "No known bank layout was found in {file}. Say which column holds what: the "
                "mapping is saved under the bank's name, and the next file with the same "
                "header row is read with it without asking."
            ).format(file=self.preview.file)
        text = self.tr(
            "Which column holds what in statements with this header row. Saving reads every "
            "uploaded file read with the earlier mapping again; if one of them cannot be read "
            "with the new mapping, nothing is saved."
        )
        if self.no_file:
            return (
                text
                + " "
                + self.tr(
                    "No uploaded file you may open was read with it, so only its header row is "
                    "shown."
                )
            )
        return (
            text + " " + self.tr("The rows below are from {file}.").format(file=self.preview.file)
        )

    def _build(self) -> None:
        intro = QLabel(self._intro())
        intro.setObjectName("mappingIntro")
        intro.setWordWrap(True)
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        for sheet in self.preview.sheets:
            self.sheet.addItem(sheet.sheet or self.tr("(the file)"))
        self.sheet_label = QLabel(self.tr("Sheet"))
        self.header = QComboBox()
        self.header.setObjectName("headerRow")
        self.header.setMinimumContentsLength(40)
        self.header.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        choose = QHBoxLayout()
        choose.addWidget(self.sheet_label)
        choose.addWidget(self.sheet)
        choose.addSpacing(12)
        choose.addWidget(QLabel(self.tr("Header row")))
        choose.addWidget(self.header, 1)
        several = len(self.preview.sheets) > 1
        self.sheet.setVisible(several)
        self.sheet_label.setVisible(several)
        self.sheet.setEnabled(not self.editing)  # a saved mapping keeps its header row
        self.header.setEnabled(not self.editing)

        self.rows_model = FileRowsModel(self)
        self.rows_view = QTableView(self)
        self.rows_view.setObjectName("fileRows")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setWordWrap(False)
        self.rows_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.rows_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.rows_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.rows_view.verticalHeader().setDefaultSectionSize(22)
        self.rows_view.setMinimumHeight(160)
        self.rows_view.clicked.connect(self._row_clicked)
        rows_note = QLabel(
            self.tr("A saved mapping keeps its header row.")
            if self.editing
            else self.tr("Click the row that names the columns, or choose it above.")
        )
        rows_note.setStyleSheet(f"color: {MUTED_COLOR};")

        self.columns_box = QGroupBox(self.tr("What each column holds"))
        self.form = QFormLayout(self.columns_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.combos: dict[str, QComboBox] = {}
        self.signs = QComboBox()
        self.signs.setObjectName("signs")
        self.signs.addItem(self.tr("One signed column (income +, expense −)"), Signs.SIGNED)
        self.signs.addItem(self.tr("Income and expense in two columns"), Signs.TWO_COLUMNS)
        self.signs.addItem(self.tr("An amount and a debit/credit column"), Signs.FLAG)
        self.date_order = QComboBox()
        self.date_order.setObjectName("dateOrder")
        self.date_order.addItem(self.tr("Year first: 2024-03-05, 20240305"), DateOrder.YMD)
        self.date_order.addItem(self.tr("Day first: 05/03/2024"), DateOrder.DMY)
        self.date_order.addItem(self.tr("Month first: 03/05/2024"), DateOrder.MDY)
        self.debit_words = QLineEdit()
        self.debit_words.setObjectName("debitWords")
        self.credit_words = QLineEdit()
        self.credit_words.setObjectName("creditWords")
        for edit in (self.debit_words, self.credit_words):
            edit.setPlaceholderText(self.tr("words, separated by commas"))
            edit.textChanged.connect(self.refresh)
        self.form.addRow(self.tr("Date"), self._combo("date"))
        self.form.addRow(self.tr("Date written"), self.date_order)
        self.form.addRow(self.tr("Time (optional)"), self._combo("time"))
        self.form.addRow(self.tr("Amount given as"), self.signs)
        self.form.addRow(self.tr("Amount"), self._combo("amount"))
        self.form.addRow(self.tr("Income"), self._combo("income"))
        self.form.addRow(self.tr("Expense"), self._combo("expense"))
        self.form.addRow(self.tr("Debit/credit"), self._combo("flag"))
        self.words = QWidget()
        words = QHBoxLayout(self.words)
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.debit_words, 1)
        words.addWidget(QLabel(self.tr("Credit words")))
        words.addWidget(self.credit_words, 1)
        self.form.addRow(self.tr("Debit words"), self.words)
        self.form.addRow(self.tr("Counterparty"), self._combo("counterparty"))
        self.form.addRow(self.tr("Counterparty account"), self._combo("account"))
        self.form.addRow(self.tr("Memo"), self._combo("memo"))
        self.form.addRow(self.tr("Balance"), self._combo("balance"))
        self.form.addRow(self.tr("Currency"), self._combo("currency"))
        self.signs.currentIndexChanged.connect(self.refresh)
        self.date_order.currentIndexChanged.connect(self.refresh)
        for combo in (self.signs, self.date_order):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.records_model = MappedRecordsModel(self)
        self.records_view = plain_table(self, self.records_model, stretch=4)
        self.records_view.setObjectName("mappedRecords")
        self.problem = QLabel()
        self.problem.setObjectName("mappingProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {MISSING_COLOR};")
        preview = QVBoxLayout()
        preview.addWidget(heading(self.tr("The first records as they will be read")))
        preview.addWidget(self.records_view, 1)
        preview.addWidget(self.problem)
        middle = QHBoxLayout()
        middle.addWidget(self.columns_box)
        middle.addLayout(preview, 1)

        self.name = QLineEdit()
        self.name.setObjectName("bankName")
        self.name.setPlaceholderText(self.tr("e.g. 浙江农商银行"))
        self.name.textChanged.connect(self._update_save)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(
            self.tr("Save") if self.editing else self.tr("Save and import")
        )
        self.save_button.setObjectName("saveMapping")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Bank")))
        bottom.addWidget(self.name, 1)
        bottom.addSpacing(24)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addWidget(self.rows_view, 3)
        layout.addWidget(rows_note)
        layout.addLayout(middle, 4)
        layout.addLayout(bottom)
        self.sheet.currentIndexChanged.connect(lambda _i: self._show_sheet())
        self.header.currentIndexChanged.connect(lambda _i: self._header_chosen())
        self.resize(1080, 720)

    def _combo(self, role: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"column_{role}")
        combo.setMinimumContentsLength(14)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(self.refresh)
        self.combos[role] = combo
        return combo

    # -- the sheet, the header row, the guess ---------------------------------------------

    @property
    def rows(self) -> tuple[Row, ...]:
        return self.preview.sheets[max(self.sheet.currentIndex(), 0)].rows

    @property
    def header_index(self) -> int:
        data = self.header.currentData()
        return int(data) if data is not None else 0

    def _show_sheet(self, header: int | None = None, guess: ColumnMapping | None = None) -> None:
        """The chosen sheet's rows, its header row (guessed unless given) and the guess."""
        rows = self.rows
        header = guess_header(rows) if header is None else header
        self._filling = True
        self.header.clear()
        for index, row in enumerate(rows[: max(CANDIDATE_ROWS, header + 1)]):
            cells = ", ".join(c for c in row.cells if c) or self.tr("(empty)")
            text = self.tr("Line {line}: {cells}").format(line=row.line, cells=cells)
            self.header.addItem(text if len(text) <= 90 else text[:89] + "…", index)
        self.header.setCurrentIndex(header)
        self._filling = False
        self.rows_model.set_rows(rows, header)
        self.rows_view.resizeColumnsToContents()
        for column in range(self.rows_model.columnCount()):
            self.rows_view.setColumnWidth(column, min(self.rows_view.columnWidth(column), 220))
        self._mark_header(header)
        self._apply(guess or guess_mapping(rows, header))

    def _mark_header(self, header: int) -> None:
        """The header row selected in the file's rows and scrolled into view."""
        if 0 <= header < self.rows_model.rowCount():
            self.rows_view.selectRow(header)
            self.rows_view.scrollTo(self.rows_model.index(header, 0))

    def _header_chosen(self) -> None:
        if self._filling:
            return
        header = self.header_index
        self.rows_model.set_header(header)
        self._mark_header(header)
        self._apply(guess_mapping(self.rows, header))

    def _row_clicked(self, index: QModelIndex) -> None:
        if index.row() < self.header.count() and not self.editing:
            self.header.setCurrentIndex(index.row())

    def _apply(self, mapping: ColumnMapping) -> None:
        """Fill every choice from ``mapping`` (the guess), then read the preview once."""
        self._filling = True
        cells = self.rows[self.header_index].cells if self.rows else ()
        none, blank = self.tr("(none)"), self.tr("(blank)")
        for role, combo in self.combos.items():
            combo.clear()
            combo.addItem(none, None)
            for i, cell in enumerate(cells[: len(signature_of(cells))]):
                combo.addItem(f"{column_letter(i)} · {cell or blank}", i)
            found = combo.findData(mapping.column(role))
            combo.setCurrentIndex(max(found, 0))
        self.signs.setCurrentIndex(max(self.signs.findData(mapping.signs), 0))
        self.date_order.setCurrentIndex(max(self.date_order.findData(mapping.date_order), 0))
        self.debit_words.setText(", ".join(mapping.debit_words))
        self.credit_words.setText(", ".join(mapping.credit_words))
        self._filling = False
        self.refresh()

    # -- the mapping and its preview ------------------------------------------------------

    def mapping(self) -> ColumnMapping:
        """The mapping as chosen on screen."""
        rows = self.rows
        cells = rows[self.header_index].cells if rows else ()
        columns = {role: combo.currentData() for role, combo in self.combos.items()}
        return ColumnMapping(
            signature_of(cells),
            Signs(self.signs.currentData()),
            debit_words=_words(self.debit_words.text()),
            credit_words=_words(self.credit_words.text()),
            date_order=DateOrder(self.date_order.currentData()),
            **columns,
        )

    def refresh(self, *_: object) -> None:
        """Show the roles this sign convention needs and read the first records again."""
        if self._filling:
            return
        signs = Signs(self.signs.currentData())
        shown = {
            "amount": signs in (Signs.SIGNED, Signs.FLAG),
            "income": signs is Signs.TWO_COLUMNS,
            "expense": signs is Signs.TWO_COLUMNS,
            "flag": signs is Signs.FLAG,
        }
        for role, visible in shown.items():
            self.form.setRowVisible(self.combos[role], visible)
        self.form.setRowVisible(self.words, signs is Signs.FLAG)
        self.trial = try_mapping(self.rows, self.header_index, self.mapping(), self.preview.file)
        self.records_model.set_records(self.trial.records)
        if self.trial.problem is not None:
            self.problem.setText(message_text(self.trial.problem))
        elif self.no_file:
            self.problem.setText(
                self.tr("No file to preview: the mapping is checked as it is saved.")
            )
        elif not self.trial.records:
            self.problem.setText(self.tr("No records were found under the header row."))
        else:
            self.problem.setText("")
        self._update_save()

    def _update_save(self, *_: object) -> None:
        ready = self.trial.problem is None and (bool(self.trial.records) or self.no_file)
        self.save_button.setEnabled(ready and bool(self.name.text().strip()))

    def accept(self) -> None:
        if not self.save_button.isEnabled():
            return
        name, mapping = self.name.text().strip(), self.mapping()
        try:
            self._save(name, mapping)
        except RuleError as exc:
            show_refusal(self, exc)
            return
        self.saved = (name, mapping)
        super().accept()


def _words(text: str) -> tuple[str, ...]:
    """Words typed with commas (either width), semicolons or slashes between them."""
    for separator in ("，", ";", "；", "/", "、"):
        text = text.replace(separator, ",")
    return tuple(w.strip() for w in text.split(",") if w.strip())
