"""The classification rules (R24): the ordered list, first match wins, as every case uses it.
Everyone may read it; a supervisor edits a copy (add, change, remove, move) and saves it as
a new version with a reason. The services refuse a list with a problem (an empty keyword,
a catch-all that hides the rules after it) or one someone else saved meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.classify import ALL_FIELDS, Category, Direction, Field, Rule
from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.services import statements
from workstation.services.context import Context, Session
from workstation.services.statements import RuleList, RuleProblems
from workstation.ui import dialogs
from workstation.ui.common import format_fen, format_time, message_text, show_refusal, translate
from workstation.ui.intake_fields import parse_yuan, yuan_text
from workstation.ui.investigation_text import MUTED_COLOR, category_label, plain_table
from workstation.ui.paperwork_dialogs import SubmitDialog
from workstation.ui.table_model import HeaderedTableModel

AnyIndex = QModelIndex | QPersistentModelIndex

DIRECTIONS = {
    "any": QT_TRANSLATE_NOOP("RulesModel", "any"),
    "income": QT_TRANSLATE_NOOP("RulesModel", "money in"),
    "expense": QT_TRANSLATE_NOOP("RulesModel", "money out"),
    "neutral": QT_TRANSLATE_NOOP("RulesModel", "neither (top-ups, withdrawals)"),
}
FIELDS = {
    "counterparty": QT_TRANSLATE_NOOP("RulesModel", "counterparty"),
    "account": QT_TRANSLATE_NOOP("RulesModel", "account"),
    "memo": QT_TRANSLATE_NOOP("RulesModel", "memo"),
    "kind": QT_TRANSLATE_NOOP("RulesModel", "export's kind"),
    "note": QT_TRANSLATE_NOOP("RulesModel", "note"),
}


def _tr(table: dict[str, str], key: str) -> str:
    return translate("RulesModel", table[key]) if key in table else key


class RulesModel(HeaderedTableModel):
    """The rules in order, numbered from 1 as the services' messages number them."""

    HEADERS = (
        QT_TRANSLATE_NOOP("RulesModel", "No."),
        QT_TRANSLATE_NOOP("RulesModel", "Category"),
        QT_TRANSLATE_NOOP("RulesModel", "Direction"),
        QT_TRANSLATE_NOOP("RulesModel", "Looks in"),
        QT_TRANSLATE_NOOP("RulesModel", "Amount"),
        QT_TRANSLATE_NOOP("RulesModel", "Keywords (any of)"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules: list[Rule] = []

    def set_rules(self, rules: list[Rule]) -> None:
        self.beginResetModel()
        self.rules = list(rules)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rules)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rules):
            return None
        rule, col = self.rules[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), rule, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return " ".join(rule.keywords)
        return None

    @staticmethod
    def _text(row: int, rule: Rule, col: int) -> str:
        if col == 0:
            return str(row + 1)
        if col == 1:
            return category_label(rule.category.value)
        if col == 2:
            return _tr(DIRECTIONS, rule.direction.value)
        if col == 3:
            if tuple(rule.fields) == ALL_FIELDS:
                return translate("RulesModel", "all text")
            return ", ".join(_tr(FIELDS, f.value) for f in rule.fields)
        if col == 4:
            low, high = rule.min_fen, rule.max_fen
            if low is None and high is None:
                return ""
            ends = ("" if fen is None else format_fen(fen) for fen in (low, high))
            return " – ".join(ends)
        if not rule.keywords:
            return translate("RulesModel", "(every line of its direction)")
        return " ".join(rule.keywords)


class RuleEditDialog(SubmitDialog):
    """One rule: category, keywords (separated by spaces), direction, fields, amount range."""

    def __init__(self, rule: Rule | None, submit: Callable[[Rule], None], parent: QWidget) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.setWindowTitle(self.tr("Rule"))
        rule = rule or Rule(Category.OTHER, ())
        self.category = QComboBox()
        for category in Category:
            self.category.addItem(category_label(category.value), category.value)
        self.category.setCurrentIndex(list(Category).index(rule.category))
        self.keywords = QLineEdit(" ".join(rule.keywords))
        self.keywords.setObjectName("keywords")
        self.keywords.setPlaceholderText(self.tr("words separated by spaces, e.g. 房租 租金"))
        self.direction = QComboBox()
        for direction in Direction:
            self.direction.addItem(_tr(DIRECTIONS, direction.value), direction.value)
        self.direction.setCurrentIndex(list(Direction).index(rule.direction))
        self.fields: dict[Field, QCheckBox] = {}
        row = QHBoxLayout()
        for field in Field:
            box = QCheckBox(_tr(FIELDS, field.value))
            box.setChecked(field in rule.fields)
            box.toggled.connect(self.update_ok)
            self.fields[field] = box
            row.addWidget(box)
        self.low = QLineEdit(yuan_text(rule.min_fen))
        self.high = QLineEdit(yuan_text(rule.max_fen))
        amounts = QHBoxLayout()
        amounts.addWidget(self.low)
        amounts.addWidget(QLabel("—"))
        amounts.addWidget(self.high)
        for edit in (self.keywords, self.low, self.high):
            edit.textChanged.connect(self.update_ok)
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Keywords"), self.keywords)
        form.addRow(self.tr("Direction"), self.direction)
        form.addRow(self.tr("Looks in"), row)
        form.addRow(self.tr("Amount, yuan (optional)"), amounts)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.update_ok()

    def request(self) -> Rule | None:
        fields = tuple(f for f, box in self.fields.items() if box.isChecked())
        try:
            low, high = parse_yuan(self.low.text()), parse_yuan(self.high.text())
        except ValueError:
            return None
        if not fields:
            return None
        return Rule(
            Category(self.category.currentData()),
            tuple(self.keywords.text().split()),
            Direction(self.direction.currentData()),
            fields,
            low,
            high,
        )


class RulesDialog(QDialog):
    """The rule list in force; a supervisor's copy to edit and save."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        rule_list: RuleList,
        saved: Callable[[], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._saved = ctx, session, saved
        self.rule_list = rule_list
        self.may_edit = session.role == Role.SUPERVISOR
        self.changed = False
        self.editor: QDialog | None = None
        self.setWindowTitle(self.tr("Classification rules"))
        self.resize(980, 560)
        caption = (
            self.tr("Version {version}, saved by {who} at {when}: {reason}").format(
                version=rule_list.version, who=rule_list.by,
                when=format_time(rule_list.at), reason=rule_list.reason,
            )
            if rule_list.version
            else self.tr("The built-in rules (not changed yet).")
        )  # fmt: skip
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        note = QLabel(
            self.tr(
                "First match wins. Ahead of the rules come the officer's classes (a line, a "
                "counterparty), refunds and the owner's own names and accounts. Changing the "
                "list changes every case's classes."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_COLOR};")
        self.model = RulesModel(self)
        self.model.set_rules(list(rule_list.rules))
        self.table = plain_table(self, self.model, stretch=5)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("add", self.tr("Add…"), self.add),
            ("edit", self.tr("Edit…"), self.edit),
            ("remove", self.tr("Remove"), self.remove),
            ("up", self.tr("Move up"), lambda: self.move(-1)),
            ("down", self.tr("Move down"), lambda: self.move(1)),
            ("save", self.tr("Save as new version…"), self.save),
        ):
            button = QPushButton(text)
            button.setObjectName(f"rules_{key}")
            button.clicked.connect(slot)
            button.setVisible(self.may_edit)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

    def _row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _replace(self, rules: list[Rule], select: int | None) -> None:
        self.model.set_rules(rules)
        self.changed = True
        if select is not None:
            self.table.selectRow(select)

    def add(self) -> QDialog | None:
        at = (self._row() if self._row() is not None else len(self.model.rules) - 1) + 1

        def put(rule: Rule) -> None:
            self._replace([*self.model.rules[:at], rule, *self.model.rules[at:]], at)

        return self._open(RuleEditDialog(None, put, self))

    def edit(self) -> QDialog | None:
        row = self._row()
        if not self.may_edit or row is None:
            return None

        def put(rule: Rule) -> None:
            rules = list(self.model.rules)
            rules[row] = rule
            self._replace(rules, row)

        return self._open(RuleEditDialog(self.model.rules[row], put, self))

    def remove(self) -> None:
        row = self._row()
        if row is not None:
            self._replace([r for n, r in enumerate(self.model.rules) if n != row], None)

    def move(self, step: int) -> None:
        row = self._row()
        if row is None or not 0 <= row + step < len(self.model.rules):
            return
        rules = list(self.model.rules)
        rules[row], rules[row + step] = rules[row + step], rules[row]
        self._replace(rules, row + step)

    def save(self) -> bool:
        reason = dialogs.ask_reason(
            self, self.tr("Save the rules"), self.tr("Why do the rules change?")
        )
        if reason is None:
            return False
        try:
            statements.save_rules(
                self._ctx, self._session, self.model.rules, self.rule_list.version, reason
            )
        except RuleProblems as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                "\n".join(message_text(p) for p in exc.problems),
            )
            return False
        except RuleError as exc:
            show_refusal(self, exc)
            return False
        self.changed = False
        self._saved()
        self.accept()
        return True

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = dialog
        dialog.open()
        return dialog
