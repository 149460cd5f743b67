"""Saved column mappings (Admin → Saved bank mappings): every mapping officers saved for bank
statements no preset reads — the bank, its header row, which column holds what in words, who
saved it, when, and how many uploaded files it read. Edit one in the column-mapping dialog
(saving re-reads the files read with the earlier mapping, but for those of cases past
investigation, which the screen names as left as read); a supervisor deletes one (its files
keep their lines). The services check every permission again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.importers.bank import Signs
from workstation.importers.mapped import ColumnMapping
from workstation.services import bank_layouts
from workstation.services.context import Context, Session
from workstation.ui.column_mapping import ColumnMappingDialog, column_letter
from workstation.ui.common import format_time, message_text, show_refusal, translate
from workstation.ui.investigation_text import MUTED_COLOR, plain_table
from workstation.ui.table_model import AnyIndex, RowsTableModel

CONTEXT = "SavedMappingsModel"
ROLE_WORDS = {
    "date": QT_TRANSLATE_NOOP("SavedMappingsModel", "Date"),
    "time": QT_TRANSLATE_NOOP("SavedMappingsModel", "Time"),
    "amount": QT_TRANSLATE_NOOP("SavedMappingsModel", "Amount"),
    "income": QT_TRANSLATE_NOOP("SavedMappingsModel", "Income"),
    "expense": QT_TRANSLATE_NOOP("SavedMappingsModel", "Expense"),
    "flag": QT_TRANSLATE_NOOP("SavedMappingsModel", "Debit/credit"),
    "counterparty": QT_TRANSLATE_NOOP("SavedMappingsModel", "Counterparty"),
    "account": QT_TRANSLATE_NOOP("SavedMappingsModel", "Counterparty account"),
    "memo": QT_TRANSLATE_NOOP("SavedMappingsModel", "Memo"),
    "balance": QT_TRANSLATE_NOOP("SavedMappingsModel", "Balance"),
    "currency": QT_TRANSLATE_NOOP("SavedMappingsModel", "Currency"),
}
ROLE_ORDER = tuple(ROLE_WORDS)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask yes or no (tests replace this function)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def columns_in_words(mapping: ColumnMapping, separator: str = "; ") -> str:
    """Which column holds what: ``Date: 记账日期 (B); Income: 贷方发生额 (F); …``."""
    columns = mapping.columns()
    parts = []
    for role in ROLE_ORDER:
        index = columns.get(role)
        if index is None:
            continue
        cell = mapping.signature[index] if index < len(mapping.signature) else ""
        text = translate(CONTEXT, "{role}: {column} ({letter})").format(
            role=translate(CONTEXT, ROLE_WORDS[role]), column=cell, letter=column_letter(index)
        )
        if role == "flag" and mapping.signs is Signs.FLAG:
            text += " " + translate(CONTEXT, "(debit {debit}, credit {credit})").format(
                debit="/".join(mapping.debit_words), credit="/".join(mapping.credit_words)
            )
        parts.append(text)
    return separator.join(parts)


def kept_text(saved: bank_layouts.LayoutSaved) -> str:
    """The files a mapping's correction left as read (cases past investigation hold them), in
    words; "" when none."""
    if not saved.kept:
        return ""
    files = translate("common", ", ").join(
        translate("SavedMappingsDialog", "{file} (case {case})").format(
            file=k.file_name, case=k.case_id
        )
        for k in saved.kept
    )
    return translate(
        "SavedMappingsDialog", "{n} file(s) on decided cases were left as read: {files}."
    ).format(n=len(saved.kept), files=files)


class SavedMappingsModel(RowsTableModel):
    """The saved mappings, by bank name."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SavedMappingsModel", "Bank"),
        QT_TRANSLATE_NOOP("SavedMappingsModel", "Columns"),
        QT_TRANSLATE_NOOP("SavedMappingsModel", "Header row"),
        QT_TRANSLATE_NOOP("SavedMappingsModel", "Saved by"),
        QT_TRANSLATE_NOOP("SavedMappingsModel", "Saved"),
        QT_TRANSLATE_NOOP("SavedMappingsModel", "Files"),
    )
    WRAPPED = (1, 2)  # the long columns: a role a line, the header row wrapped

    rows: tuple[bank_layouts.LayoutInUse, ...]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        used, col = self.rows[index.row()], index.column()
        layout = used.layout
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                layout.name,
                columns_in_words(layout.mapping, "\n"),
                ", ".join(c for c in layout.mapping.signature if c),
                layout.saved_by,
                format_time(layout.saved_at),
                f"{used.files:,}",
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return "\n".join(
                f"{column_letter(i)} · {c}" for i, c in enumerate(layout.mapping.signature)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            vertical = Qt.AlignmentFlag.AlignTop
            if col == 5:
                return int(Qt.AlignmentFlag.AlignRight | vertical)
            return int(Qt.AlignmentFlag.AlignLeft | vertical)
        return None


class SavedMappingsDialog(QDialog):
    """Every saved column mapping; edit (investigators, supervisors) and delete (supervisors).
    ``changed`` is called when a save re-read uploaded files (the open cases read again)."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        parent: QWidget | None = None,
        changed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session = ctx, session
        self._changed = changed or (lambda: None)
        self.editor: ColumnMappingDialog | None = None
        self.setWindowTitle(self.tr("Saved bank mappings"))
        intro = QLabel(
            self.tr(
                "Column mappings saved for bank statements no preset reads. A file whose header "
                "row is one of these is read with its mapping without asking. Saving a mapping "
                "again reads the uploaded files read with it again."
            )
        )
        intro.setWordWrap(True)
        self.model = SavedMappingsModel(self)
        self.table = plain_table(self, self.model, stretch=2)
        self.table.setObjectName("savedMappings")
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No column mapping is saved yet."))
        self.empty.setStyleSheet(f"color: {MUTED_COLOR};")
        self.outcome = QLabel()
        self.outcome.setObjectName("mappingsOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editMapping")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteMapping")
        self.delete_button.clicked.connect(self.delete_selected)
        if not self.may_delete:
            self.delete_button.setToolTip(self.tr("Only a supervisor deletes a column mapping."))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.resize(1100, 460)
        self.reload()

    @property
    def may_edit(self) -> bool:
        return self._session.role in (Role.INVESTIGATOR, Role.SUPERVISOR)

    @property
    def may_delete(self) -> bool:
        return self._session.role == Role.SUPERVISOR

    def reload(self) -> None:
        chosen = self.selected()
        self.model.set_rows(bank_layouts.layouts_in_use(self._ctx, self._session))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.model.rows)
        if chosen is not None:
            for row, used in enumerate(self.model.rows):
                if used.layout.id == chosen.layout.id:
                    self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> bank_layouts.LayoutInUse | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()]

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen and self.may_edit)
        self.edit_button.setVisible(self.may_edit)
        self.delete_button.setEnabled(chosen and self.may_delete)

    def _say(self, text: str) -> None:
        self.outcome.setText(text)
        self.outcome.show()

    # -- edit -----------------------------------------------------------------------------

    def edit_selected(self) -> ColumnMappingDialog | None:
        """The column-mapping dialog over the chosen mapping (a preview from a file read with
        it that this user may open); saving re-reads the files read with the earlier one."""
        used = self.selected()
        if used is None or not self.may_edit:
            return None
        layout = used.layout
        ctx, session = self._ctx, self._session
        try:
            preview = bank_layouts.layout_preview(ctx, session, layout.id)
        except RuleError as exc:
            show_refusal(self, exc)
            self.reload()
            return None
        saved: list[bank_layouts.LayoutSaved] = []

        def save(name: str, mapping: ColumnMapping) -> None:
            saved.append(bank_layouts.save_layout(ctx, session, name, mapping, layout_id=layout.id))

        dialog = ColumnMappingDialog(preview, save, self, bank=layout.name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._edited(saved[-1] if saved else None))
        self.editor = dialog
        dialog.open()
        return dialog

    def _edited(self, saved: bank_layouts.LayoutSaved | None) -> None:
        self.reload()
        if saved is None:
            return
        kept = kept_text(saved)
        if saved.reread:
            names = ", ".join(dict.fromkeys(r.file_name for r in saved.reread))
            text = self.tr(
                "Saved the mapping for {bank}. {n} uploaded file(s) read with the earlier "
                "mapping were read again: {files}."
            ).format(bank=saved.layout.name, n=len(saved.reread), files=names)
            self._say(f"{text} {kept}" if kept else text)
            self._changed()
        elif kept:
            self._say(
                self.tr("Saved the mapping for {bank}.").format(bank=saved.layout.name)
                + " " + kept
            )  # fmt: skip
        else:
            self._say(
                self.tr("Saved the mapping for {bank}; no uploaded file needed reading again.")
                .format(bank=saved.layout.name)
            )  # fmt: skip

    # -- delete ---------------------------------------------------------------------------

    def delete_selected(self) -> bool:
        """Delete the chosen mapping after a confirmation that says what happens to the files
        read with it (the service refuses anyone but a supervisor)."""
        used = self.selected()
        if used is None:
            return False
        name = used.layout.name
        text = self.tr("Delete the column mapping for {bank}?").format(bank=name)
        if used.files:
            text += " " + self.tr(
                "{n} uploaded file(s) were read with it: they keep their lines, but they are no "
                "longer read again when the mapping is corrected."
            ).format(n=used.files)
        text += " " + self.tr("The next file with this header row asks for its columns again.")
        if not confirm(self, self.tr("Delete mapping"), text):
            return False
        try:
            files = bank_layouts.delete_layout(self._ctx, self._session, used.layout.id)
        except RuleError as exc:
            show_refusal(self, exc)
            self._say(message_text(exc.message))
            return False
        finally:
            self.reload()
        self._say(
            self.tr("Deleted the mapping for {bank}; {n} file(s) read with it keep their lines.")
            .format(bank=name, n=files)
        )  # fmt: skip
        return True
