"""Change a line's category, or a counterparty's for all its lines (R24): the line as it
stands, the new category (or back to the rules), the scope, and "remember for next time"
(every case from now on) offered when the whole counterparty is re-classed."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.classify import Category
from workstation.domain.rebuild import NOT_COUNTED
from workstation.services.statements import ClassedLine
from workstation.ui.common import format_fen, message_text
from workstation.ui.investigation_text import MUTED_COLOR, category_label
from workstation.ui.paperwork_dialogs import SubmitDialog
from workstation.ui.statement_lines import place_text

RULES = "__rules__"  # the combo's entry for "back to the rules"


@dataclass(frozen=True)
class ReclassRequest:
    """``category`` None: back to the rules. ``counterparty``: every line of it."""

    category: Category | None
    counterparty: bool
    remember: bool


class ReclassDialog(SubmitDialog):
    """One line's class, or its counterparty's; ``counterparty_lines`` is how many lines of
    the case name the same counterparty."""

    def __init__(
        self,
        line: ClassedLine | None,
        counterparty: str,
        counterparty_lines: int,
        submit: Callable[[ReclassRequest], None],
        parent: QWidget | None,
        whole_counterparty: bool = False,
    ) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.setWindowTitle(self.tr("Change category"))
        self.about = QLabel()
        self.about.setObjectName("reclassAbout")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setText(self._about(line, counterparty))
        self.category = QComboBox()
        self.category.setObjectName("category")
        for category in Category:
            self.category.addItem(category_label(category.value), category.value)
        self.category.addItem(self.tr("Back to the rules (undo the officer's class)"), RULES)
        current = line.category if line is not None else None
        if current is not None:
            self.category.setCurrentIndex(list(Category).index(current))
        self.only_line = QRadioButton(self.tr("This line only"))
        self.only_line.setObjectName("onlyLine")
        self.every_line = QRadioButton(
            self.tr("Every line of “{name}” on this case ({n} lines)").format(
                name=counterparty, n=counterparty_lines
            )
        )
        self.every_line.setObjectName("everyLine")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.only_line)
        self.scope.addButton(self.every_line)
        self.remember = QCheckBox(
            self.tr("Remember for next time: class “{name}” this way on every case").format(
                name=counterparty
            )
        )
        self.remember.setObjectName("remember")
        self.remember.setChecked(True)
        self.only_line.setEnabled(line is not None)
        named = bool(counterparty.strip())  # a line without a counterparty is re-classed alone
        self.every_line.setVisible(named)
        self.remember.setVisible(named)
        if whole_counterparty or line is None:
            self.every_line.setChecked(True)
        else:
            self.only_line.setChecked(True)
        self.scope.buttonToggled.connect(self.update_ok)
        self.not_counted = QLabel(
            self.tr(
                "Lines of this category are in no figure of the rebuilt statement: loans and "
                "transfers between the owner's accounts are financing, not business income or "
                "cost."
            )
        )
        self.not_counted.setObjectName("notCounted")
        self.not_counted.setWordWrap(True)
        self.category.currentIndexChanged.connect(self._show_not_counted)
        self._show_not_counted()
        note = QLabel(
            self.tr(
                "The statement is rebuilt with the new class at once; the change is recorded "
                "with your name."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_COLOR};")
        form = QFormLayout()
        form.addRow(self.tr("New category"), self.category)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.not_counted)
        layout.addWidget(self.only_line)
        layout.addWidget(self.every_line)
        layout.addWidget(self.remember)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.update_ok()

    def _about(self, line: ClassedLine | None, counterparty: str) -> str:
        if line is None:
            return f"<b>{html.escape(counterparty)}</b>"
        facts = " · ".join(
            html.escape(part)
            for part in (
                line.timestamp.strftime("%Y-%m-%d"),
                format_fen(line.amount_fen),
                line.counterparty,
                line.memo,
            )
            if part
        )
        now = self.tr("Now: {category} ({why}). {place}").format(
            category=category_label(line.category),
            why=message_text(line.why),
            place=place_text(line),
        )
        return f"<b>{facts}</b><br><span style='color:{MUTED_COLOR}'>{html.escape(now)}</span>"

    def _show_not_counted(self, *_: object) -> None:
        chosen = self.category.currentData()
        self.not_counted.setVisible(chosen in {c.value for c in NOT_COUNTED})
        if self.isVisible():
            self.layout().activate()
            self.resize(self.width(), self.heightForWidth(self.width()))

    def update_ok(self, *_: object) -> None:
        self.remember.setEnabled(self.every_line.isChecked())
        super().update_ok()

    def request(self) -> ReclassRequest | None:
        chosen = self.category.currentData()
        category = None if chosen == RULES else Category(chosen)
        whole = self.every_line.isChecked()
        return ReclassRequest(category, whole, whole and self.remember.isChecked())
