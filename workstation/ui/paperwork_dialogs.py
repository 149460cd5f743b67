"""The paperwork's dialogs (R23): record an interview, request documents, mark one received,
waive one (supervisors).

Each dialog hands its request to ``submit`` on OK; a refusal is shown over the dialog and
the officer's input stays, so a second try needs no retyping. OK is enabled only when the
input is complete (notes written, a reason given), the service checks again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.interview import CHECKLIST, IDENTITY, DocumentKind, InterviewMode
from workstation.domain.messages import RuleError
from workstation.ui.common import show_refusal, translate
from workstation.ui.investigation_text import (
    MISSING_COLOR,
    MUTED_COLOR,
    checklist_hint,
    checklist_title,
    document_label,
    mode_label,
)


@dataclass(frozen=True)
class InterviewRequest:
    held_at: datetime
    mode: InterviewMode
    checked: frozenset[str]
    notes: str


@dataclass(frozen=True)
class DocumentRequest:
    """Kinds to request, or one kind received / waived with its note or reason."""

    kinds: tuple[DocumentKind, ...]
    text: str = ""


def qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromString(moment.isoformat(timespec="seconds"), Qt.DateFormat.ISODate)


class SubmitDialog(QDialog):
    """OK hands ``request()`` to ``submit``; a refusal keeps the dialog open."""

    def __init__(self, submit: Callable[[object], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm.setObjectName("confirm")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def request(self) -> object | None:
        raise NotImplementedError

    def update_ok(self, *_: object) -> None:
        self.confirm.setEnabled(self.request() is not None)

    def accept(self) -> None:
        request = self.request()
        if request is None:
            return
        try:
            self._submit(request)
        except RuleError as exc:
            show_refusal(self, exc)
            return
        super().accept()


class InterviewDialog(SubmitDialog):
    """When and how the owner was interviewed, the checklist as asked, what was found."""

    def __init__(
        self, now: datetime, submit: Callable[[InterviewRequest], None], parent: QWidget | None
    ) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.setWindowTitle(self.tr("Record interview"))
        self.held_at = QDateTimeEdit(qdatetime(now.replace(second=0, microsecond=0)))
        self.held_at.setObjectName("heldAt")
        self.held_at.setCalendarPopup(True)
        self.held_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.held_at.setMaximumDateTime(qdatetime(now))
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        for mode in InterviewMode:
            self.mode.addItem(mode_label(mode.value), mode.value)
        form = QFormLayout()
        form.addRow(self.tr("Held at"), self.held_at)
        form.addRow(self.tr("Mode"), self.mode)
        self.checks: dict[str, QCheckBox] = {}
        checklist = QGroupBox(self.tr("Checklist: tick what was done on the call"))
        column = QVBoxLayout(checklist)
        column.setSpacing(4)
        for key in CHECKLIST:
            box = QCheckBox(
                self.tr("{title}: {hint}").format(
                    title=checklist_title(key), hint=checklist_hint(key)
                )
            )
            box.setObjectName(f"check_{key}")
            box.toggled.connect(self.update_ok)
            self.checks[key] = box
            column.addWidget(box)
        self.identity_note = QLabel(
            self.tr(
                "Without the identity check this interview does not count: the case cannot "
                "be recommended until an interview confirms who the owner is."
            )
        )
        self.identity_note.setObjectName("identityNote")
        self.identity_note.setWordWrap(True)
        self.identity_note.setStyleSheet(f"color: {MISSING_COLOR};")
        column.addWidget(self.identity_note)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(
            self.tr("Required: what the interview found (what you saw, what the owner said)")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        self.notes.textChanged.connect(self.update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(checklist)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.update_ok()

    def update_ok(self, *_: object) -> None:
        self.identity_note.setVisible(not self.checks[IDENTITY].isChecked())
        super().update_ok()

    def request(self) -> InterviewRequest | None:
        notes = self.notes.toPlainText().strip()
        if not notes:
            return None
        return InterviewRequest(
            self.held_at.dateTime().toPython().replace(second=0, microsecond=0),
            InterviewMode(self.mode.currentData()),
            frozenset(key for key, box in self.checks.items() if box.isChecked()),
            notes,
        )


class RequestDialog(SubmitDialog):
    """Ask the owner for documents: the kinds not yet asked for, as checkboxes."""

    def __init__(
        self,
        kinds: Sequence[DocumentKind],
        submit: Callable[[DocumentRequest], None],
        parent: QWidget | None,
    ) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.setWindowTitle(self.tr("Request documents"))
        note = QLabel(self.tr("Ask the owner for these documents (each is then awaited):"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        self.kinds: dict[DocumentKind, QCheckBox] = {}
        for kind in kinds:
            box = QCheckBox(document_label(kind.value))
            box.setObjectName(f"kind_{kind.value}")
            box.toggled.connect(self.update_ok)
            self.kinds[kind] = box
            layout.addWidget(box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.update_ok()

    def request(self) -> DocumentRequest | None:
        chosen = tuple(kind for kind, box in self.kinds.items() if box.isChecked())
        return DocumentRequest(chosen) if chosen else None


class _OneKindDialog(SubmitDialog):
    """One document kind from a list and a line of text (note or reason)."""

    def __init__(
        self,
        kinds: Sequence[DocumentKind],
        chosen: DocumentKind | None,
        submit: Callable[[DocumentRequest], None],
        parent: QWidget | None,
    ) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in kinds:
            self.kind.addItem(document_label(kind.value), kind.value)
        if chosen is not None and chosen in kinds:
            self.kind.setCurrentIndex(list(kinds).index(chosen))
        self.text = QLineEdit()
        self.text.setObjectName("text")
        self.text.textChanged.connect(self.update_ok)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(f"color: {MUTED_COLOR};")
        self.form = QFormLayout()
        self.form.addRow(translate("PaperworkDialogs", "Document"), self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def request(self) -> DocumentRequest | None:
        if self.kind.currentIndex() < 0:
            return None
        return DocumentRequest((DocumentKind(self.kind.currentData()),), self.text.text().strip())


class ReceivedDialog(_OneKindDialog):
    """A document seen (on paper, by mail, shown on the call): who saw it is recorded."""

    def __init__(
        self,
        kinds: Sequence[DocumentKind],
        chosen: DocumentKind | None,
        submit: Callable[[DocumentRequest], None],
        parent: QWidget | None,
    ) -> None:
        super().__init__(kinds, chosen, submit, parent)
        self.setWindowTitle(self.tr("Mark document received"))
        self.explain.setText(
            self.tr(
                "Uploaded statements and bills mark their kind received by themselves; use "
                "this for a document seen another way."
            )
        )
        self.text.setPlaceholderText(self.tr("Optional: how it came, what it shows"))
        self.form.addRow(self.tr("Note"), self.text)
        self.update_ok()


class WaiveDialog(_OneKindDialog):
    """A supervisor lets the case go on without a document; the reason is required."""

    def __init__(
        self,
        kinds: Sequence[DocumentKind],
        chosen: DocumentKind | None,
        submit: Callable[[DocumentRequest], None],
        parent: QWidget | None,
    ) -> None:
        super().__init__(kinds, chosen, submit, parent)
        self.setWindowTitle(self.tr("Waive document"))
        self.explain.setText(
            self.tr(
                "The case may then be recommended without this document. The waiver, your "
                "name and the reason are kept with the case."
            )
        )
        self.text.setPlaceholderText(self.tr("Required: why the document is not needed"))
        self.form.addRow(self.tr("Reason"), self.text)
        self.update_ok()

    def request(self) -> DocumentRequest | None:
        request = super().request()
        return request if request is not None and request.text else None
