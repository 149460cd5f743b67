"""Small dialogs the case screens share: ask why, and choose who takes a case.

Screens call the module functions ``ask_reason`` and ``ask_assignee``; tests replace those
functions, so no test ever waits on a modal ``exec()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.ui.common import role_label


class ReasonDialog(QDialog):
    """Asks for the reason a move needs (R21: every move records why).

    OK stays disabled while the reason is blank, so an officer is never surprised by a
    refusal for an empty box; the service still refuses a blank reason on its own.
    """

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Required: what you saw and why"))
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason().strip()))

    def reason(self) -> str:
        return self.text.toPlainText()


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """The reason typed, or None when the officer cancelled."""
    dialog = ReasonDialog(title, prompt, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()
    finally:
        dialog.deleteLater()


@dataclass(frozen=True)
class Assignee:
    """Someone a case can go to; ``user_id`` None means back to the stage queue."""

    user_id: int | None
    name: str
    role: str = ""


@dataclass(frozen=True)
class Assignment:
    user_id: int | None
    reason: str


class ReassignDialog(QDialog):
    """A supervisor picks the officer who takes a case, or sends it back to the queue."""

    def __init__(
        self, title: str, assignees: list[Assignee], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.officer = QComboBox()
        self.officer.addItem(self.tr("Back to the stage queue (unassigned)"), None)
        for person in assignees:
            if person.user_id is None:
                continue
            text = f"{person.name} · {role_label(person.role)}" if person.role else person.name
            self.officer.addItem(text, person.user_id)
        if self.officer.count() > 1:
            self.officer.setCurrentIndex(1)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Optional"))
        form = QFormLayout()
        form.addRow(self.tr("Give to"), self.officer)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def assignment(self) -> Assignment:
        return Assignment(self.officer.currentData(), self.reason.text())


def ask_assignee(
    parent: QWidget | None, title: str, assignees: list[Assignee]
) -> Assignment | None:
    """Who the case goes to (and why), or None when the supervisor cancelled."""
    dialog = ReassignDialog(title, assignees, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.assignment()
    finally:
        dialog.deleteLater()
