"""Interview and documents (面谈与资料, R23): what still stops the case from being recommended,
the interviews held, the documents asked for, received and waived, and the moves on them.

The paperwork is read off the GUI thread each time the case page loads. Writes go through
the case page's ``write`` (one service call, then the whole page reads again), so the
page's Recommend button and this panel's banner always agree.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.interview import CHECKLIST, DocumentKind
from workstation.domain.people import Role
from workstation.services import investigation
from workstation.services.context import Context, Session
from workstation.services.investigation import Paperwork
from workstation.ui.common import format_time, message_text
from workstation.ui.investigation_text import (
    DONE_COLOR,
    MISSING_COLOR,
    MUTED_COLOR,
    banner,
    checklist_title,
    document_label,
    heading,
    mode_label,
    paint_banner,
    plain_table,
)
from workstation.ui.paperwork_dialogs import (
    DocumentRequest,
    InterviewDialog,
    InterviewRequest,
    ReceivedDialog,
    RequestDialog,
    WaiveDialog,
)
from workstation.ui.paperwork_models import DocumentsModel, InterviewsModel, by_whom
from workstation.ui.tasks import Background

Write = Callable[[Callable[[], Any]], bool]


class PaperworkPanel(QWidget):
    """The blocking reasons on top, interviews and documents below, with their moves."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        case_id: int,
        write: Write,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self.case_id = case_id
        self._write = write
        self._generation = 0
        self.paperwork: Paperwork | None = None
        self.editable = False
        self.dialog: QDialog | None = None
        self._build()

    @property
    def is_supervisor(self) -> bool:
        return self._session.role == Role.SUPERVISOR

    def _build(self) -> None:
        self.blocking = banner("paperworkBlocking")
        self.interviews_model = InterviewsModel(self)
        self.interviews = plain_table(self, self.interviews_model, stretch=4)
        self.documents_model = DocumentsModel(self)
        self.documents = plain_table(self, self.documents_model, stretch=5)
        self.documents.selectionModel().selectionChanged.connect(self._document_chosen)
        self.interviews.selectionModel().selectionChanged.connect(self._interview_chosen)
        self.interview_detail = banner("interviewDetail")
        paint_banner(self.interview_detail, "info")
        self.document_detail = banner("documentDetail")
        paint_banner(self.document_detail, "info")
        self.buttons: dict[str, QPushButton] = {}
        interview_bar = QHBoxLayout()
        interview_bar.addWidget(heading(self.tr("Interviews with the owner")))
        interview_bar.addStretch(1)
        self._button(interview_bar, "interview", self.tr("Record interview…"), self.record)
        document_bar = QHBoxLayout()
        document_bar.addWidget(heading(self.tr("Documents")))
        document_bar.addStretch(1)
        self._button(document_bar, "request", self.tr("Request…"), self.request)
        self._button(document_bar, "receive", self.tr("Mark received…"), self.receive)
        self._button(document_bar, "waive", self.tr("Waive…"), self.waive)
        self.buttons["waive"].setVisible(self.is_supervisor)
        self.buttons["waive"].setToolTip(
            self.tr("Let the case go on without this document; a reason is required")
        )
        self.no_interview = QLabel(
            self.tr(
                "No interview recorded yet. Hold the video interview with the owner and record "
                "it here: the identity check is what makes it count."
            )
        )
        self.no_interview.setObjectName("noInterview")
        self.no_interview.setWordWrap(True)
        self.no_interview.setStyleSheet(f"color: {MUTED_COLOR};")
        top, bottom = QWidget(), QWidget()
        for box, bar, table in (
            (top, interview_bar, self.interviews),
            (bottom, document_bar, self.documents),
        ):
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addLayout(bar)
            if table is self.interviews:
                column.addWidget(self.no_interview)
            column.addWidget(table, 1)
            column.addWidget(
                self.interview_detail if table is self.interviews else self.document_detail
            )
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.blocking)
        layout.addWidget(split, 1)
        self._update_buttons()

    def _button(self, bar: QHBoxLayout, key: str, text: str, slot: Any) -> None:
        button = QPushButton(text)
        button.setObjectName(f"paperwork_{key}")
        button.clicked.connect(slot)
        self.buttons[key] = button
        bar.addWidget(button)

    # -- reading --------------------------------------------------------------------------

    def refresh(self, editable: bool) -> None:
        """Read the paperwork again; ``editable`` while the case is in investigation and
        this user may work on it."""
        self.editable = editable
        self._generation += 1
        generation, session, case_id = self._generation, self._session, self.case_id
        self._background.read(
            lambda ctx: investigation.paperwork(ctx, session, case_id),
            lambda work: self._arrived(generation, work),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, work: Paperwork) -> None:
        if shiboken6.isValid(self) and generation == self._generation:
            self.show_paperwork(work)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if shiboken6.isValid(self) and generation == self._generation:
            self.blocking.setText(
                html.escape(self.tr("The paperwork could not be read: {error}").format(error=exc))
            )
            paint_banner(self.blocking, "block")

    def show_paperwork(self, work: Paperwork) -> None:
        self.paperwork = work
        self.interviews_model.set_rows(work.interviews)
        self.no_interview.setVisible(not work.interviews)
        self.interviews.setVisible(bool(work.interviews))
        if work.interviews:
            self.interviews.selectRow(len(work.interviews) - 1)
        self._interview_chosen()
        kind = self.selected_kind()
        self.documents_model.set_paperwork(work)
        kinds = [r.kind for r in work.documents]
        if kind is not None and kind.value in kinds:
            self.documents.selectRow(kinds.index(kind.value))
        self._document_chosen()
        if work.blocking:
            items = "".join(f"<li>{html.escape(message_text(m))}</li>" for m in work.blocking)
            self.blocking.setText(
                "<b>{}</b><ul style='margin:4px 0 0 -20px'>{}</ul>".format(
                    html.escape(self.tr("Cannot be recommended yet, because:")), items
                )
            )
            paint_banner(self.blocking, "block")
        else:
            self.blocking.setText(
                html.escape(
                    self.tr(
                        "The paperwork is complete: the owner was interviewed with the "
                        "identity check and every required document is in or waived."
                    )
                )
            )
            paint_banner(self.blocking, "ok")
        self._update_buttons()

    def _interview_chosen(self, *_: object) -> None:
        rows = self.interviews.selectionModel().selectedRows()
        model = self.interviews_model
        if not rows or rows[0].row() >= len(model.rows):
            self.interview_detail.hide()
            return
        row = model.rows[rows[0].row()]
        checked = {k for k in row.checked.split(",") if k}
        marks = " &nbsp; ".join(
            f"<span style='color:{DONE_COLOR if k in checked else MISSING_COLOR}'>"
            f"{'✓' if k in checked else '✗'} {html.escape(checklist_title(k))}</span>"
            for k in CHECKLIST
        )
        title = self.tr("{when} · {mode} · {who}").format(
            when=format_time(row.held_at), mode=mode_label(row.mode), who=row.investigator_name
        )
        self.interview_detail.setText(
            f"<b>{html.escape(title)}</b><br>{marks}<br>{html.escape(row.notes)}"
        )
        self.interview_detail.show()

    def _document_chosen(self, *_: object) -> None:
        rows = self.documents.selectionModel().selectedRows()
        model = self.documents_model
        if not rows or rows[0].row() >= len(model.rows):
            self.document_detail.hide()
        else:
            row = model.rows[rows[0].row()]
            parts = [f"<b>{html.escape(document_label(row.kind))}</b>"]
            for title, at, name, text in (
                (self.tr("Requested"), row.requested_at, row.requested_by_name, ""),
                (self.tr("Received"), row.received_at, row.received_by_name, row.received_note),
                (self.tr("Waived"), row.waived_at, row.waived_by_name, row.waive_reason or ""),
            ):
                if at:
                    line = f"{title}: {by_whom(at, name)}" + (f" — {text}" if text else "")
                    parts.append(html.escape(line))
            if len(parts) == 1:
                parts.append(html.escape(self.tr("Not asked for, not received.")))
            self.document_detail.setText("<br>".join(parts))
            self.document_detail.show()
        self._update_buttons()

    # -- acting ---------------------------------------------------------------------------

    def selected_kind(self) -> DocumentKind | None:
        rows = self.documents.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.documents_model.rows):
            return None
        return DocumentKind(self.documents_model.rows[rows[0].row()].kind)

    def _outstanding(self) -> list[DocumentKind]:
        rows = self.paperwork.documents if self.paperwork else ()
        outstanding = [DocumentKind(r.kind) for r in rows if not r.received_at and not r.waived_at]
        return outstanding

    def _not_requested(self) -> list[DocumentKind]:
        rows = {r.kind: r for r in (self.paperwork.documents if self.paperwork else ())}
        return [
            k
            for k in DocumentKind
            if k.value not in rows or not (rows[k.value].requested_at or rows[k.value].received_at)
        ]

    def _update_buttons(self, *_: object) -> None:
        ready = self.editable and self.paperwork is not None
        self.buttons["interview"].setEnabled(ready)
        self.buttons["request"].setEnabled(ready and bool(self._not_requested()))
        self.buttons["receive"].setEnabled(ready)
        self.buttons["waive"].setEnabled(ready and bool(self._outstanding()))
        if not self.editable:
            tip = self.tr(
                "Interviews and documents are recorded while the case is in investigation."
            )
            for button in self.buttons.values():
                button.setToolTip(tip)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _service_write(self, call: Callable[[], Any]) -> None:
        """Run one write for a dialog: a refusal goes back to the dialog (which shows it);
        success reloads the page."""
        call()
        self._write(lambda: None)

    def record(self) -> QDialog | None:
        """Open the interview dialog (not blocking; it returns for tests)."""
        if not self.editable:
            return None
        ctx, session, case_id = self._ctx, self._session, self.case_id

        def submit(r: InterviewRequest) -> None:
            self._service_write(
                lambda: investigation.record_interview(
                    ctx, session, case_id, r.held_at, r.mode, r.checked, r.notes
                )
            )

        return self._open(InterviewDialog(ctx.clock.now(), submit, self))

    def request(self) -> QDialog | None:
        if not self.editable:
            return None
        ctx, session, case_id = self._ctx, self._session, self.case_id

        def submit(r: DocumentRequest) -> None:
            self._service_write(
                lambda: investigation.request_documents(ctx, session, case_id, list(r.kinds))
            )

        return self._open(RequestDialog(self._not_requested(), submit, self))

    def receive(self) -> QDialog | None:
        if not self.editable:
            return None
        ctx, session, case_id = self._ctx, self._session, self.case_id

        def submit(r: DocumentRequest) -> None:
            self._service_write(
                lambda: investigation.mark_received(ctx, session, case_id, r.kinds[0], r.text)
            )

        kinds = self._outstanding() + [k for k in DocumentKind if k not in self._outstanding()]
        return self._open(ReceivedDialog(kinds, self.selected_kind(), submit, self))

    def waive(self) -> QDialog | None:
        if not self.editable or not self._outstanding():
            return None
        ctx, session, case_id = self._ctx, self._session, self.case_id

        def submit(r: DocumentRequest) -> None:
            self._service_write(
                lambda: investigation.waive_document(ctx, session, case_id, r.kinds[0], r.text)
            )

        return self._open(WaiveDialog(self._outstanding(), self.selected_kind(), submit, self))
