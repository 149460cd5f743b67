"""The Investigation tab of a case (调查, R23, R24): the interview and documents, the uploaded
statements and bills, their classification, and the rebuilt statement.

The case page adds this tab once the case has reached investigation. While the case is in
investigation its investigator (or a supervisor) works here; in later stages the same
screens are a read-only record of what the investigation found. The uploads, the lines and
the rebuilt statement come from one read off the GUI thread (a rebuild of a large statement
takes a moment), made when the tab is on screen and the case has changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from workstation.domain.people import Role
from workstation.domain.stages import Stage
from workstation.services import statements, uploads
from workstation.services.context import Context, Session
from workstation.services.statements import CaseStatement, CounterpartyTotal
from workstation.ui.adjust_dialog import AdjustDialog, AdjustRequest
from workstation.ui.classification_panel import ClassificationPanel
from workstation.ui.common import message_text
from workstation.ui.investigation_text import MISSING_COLOR, MUTED_COLOR
from workstation.ui.paperwork_panel import PaperworkPanel
from workstation.ui.rebuilt_panel import RebuiltPanel
from workstation.ui.rules_dialog import RulesDialog
from workstation.ui.tasks import Background
from workstation.ui.uploads_panel import UploadsPanel

Write = Callable[[Callable[[], Any]], bool]


def reached_investigation(data: Any) -> bool:
    """Whether the case is in investigation or has been (its history says so)."""
    detail = data.detail
    if detail.case.stage == Stage.INVESTIGATION.value:
        return True
    return any(m.to_stage == Stage.INVESTIGATION.value for m in detail.history)


def may_work_on(data: Any, session: Session) -> bool:
    """While in investigation: its investigator (or an unassigned case's), or a supervisor.
    The services decide; this only spares the officer buttons that would be refused."""
    case = data.detail.case
    if case.stage != Stage.INVESTIGATION.value:
        return False
    if session.role == Role.SUPERVISOR:
        return True
    return session.role == Role.INVESTIGATOR and case.officer_id in (None, session.user_id)


@dataclass(frozen=True)
class InvestigationRead:
    """The uploads, the bills and the rebuilt statement, read together."""

    documents: tuple[uploads.CaseDocument, ...]
    bills: tuple[uploads.StoredBill, ...]
    statement: CaseStatement
    counterparties: tuple[CounterpartyTotal, ...]  # totalled here, not on the GUI thread


def load_investigation(ctx: Context, session: Session, case_id: int) -> InvestigationRead:
    """Runs on the background reader: no Qt here."""
    statement = statements.case_statement(ctx, session, case_id)
    return InvestigationRead(
        uploads.documents(ctx, session, case_id),
        uploads.bills(ctx, session, case_id),
        statement,
        statement.counterparties(),
    )


class InvestigationTab(QWidget):
    """Sub-tabs for each part of the investigation; ``show_case`` refreshes them."""

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
        self.editable = False
        self.read: InvestigationRead | None = None
        self.dialog: QDialog | None = None
        self._stale = False
        self._generation = 0
        self.parts = QTabWidget()
        self.parts.setObjectName("investigationParts")
        self.paperwork = PaperworkPanel(ctx, session, background, case_id, write, self)
        self.uploads = UploadsPanel(ctx, session, background, case_id, write, self)
        self.classification = ClassificationPanel(
            ctx, session, case_id, write, self.uploads.open_original, self.open_rules, self
        )
        self.rebuilt = RebuiltPanel(self.uploads.open_original, self.adjust, self)
        self.parts.addTab(self.paperwork, self.tr("Interview and documents"))
        self.parts.addTab(self.uploads, self.tr("Uploads"))
        self.parts.addTab(self.classification, self.tr("Classification"))
        self.parts.addTab(self.rebuilt, self.tr("Rebuilt statement"))
        self.status = QLabel()
        self.status.setObjectName("investigationStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.parts, 1)

    # -- reading --------------------------------------------------------------------------

    def show_case(self, data: Any) -> None:
        """The case page loaded: the paperwork now, the statement when the tab is shown."""
        self.editable = may_work_on(data, self._session)
        self.paperwork.refresh(self.editable)
        self._stale = True
        if self.isVisible():
            self.refresh_statement()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh_statement()

    def refresh_statement(self) -> None:
        """Read the uploads and rebuild the statement off the GUI thread."""
        self._stale = False
        self._generation += 1
        generation, session, case_id = self._generation, self._session, self.case_id
        self.status.setText(self.tr("Reading the uploads and rebuilding the statement…"))
        self.status.setStyleSheet(f"color: {MUTED_COLOR};")
        self.status.show()
        self._background.read(
            lambda ctx: load_investigation(ctx, session, case_id),
            lambda read: self._arrived(generation, read),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, read: InvestigationRead) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.read = read
        self.status.hide()
        self.uploads.show_uploads(read.documents, read.bills, self.editable)
        self.classification.show_statement(read.statement, self.editable, read.counterparties)
        self.rebuilt.show_statement(read.statement, self.editable)
        self.parts.setTabText(
            1, self.tr("Uploads ({n})").format(n=len(read.documents)) if read.documents
            else self.tr("Uploads"),
        )  # fmt: skip

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        error = message_text(exc.message) if hasattr(exc, "message") else str(exc)
        self.status.setText(
            self.tr("The statements could not be read: {error}").format(error=error)
        )
        self.status.setStyleSheet(f"color: {MISSING_COLOR};")
        self.status.show()

    # -- dialogs opened from the parts ----------------------------------------------------

    def open_rules(self) -> QDialog:
        """The rule list (supervisors edit it); a saved list rebuilds the case."""
        rules = statements.classification_rules(self._ctx, self._session)
        dialog = RulesDialog(
            self._ctx, self._session, rules, lambda: self._write(lambda: None), self
        )
        return self._open(dialog)

    def adjust(self) -> QDialog | None:
        """Officer-adjusted R12 figures with a reason; the case is then scored on them."""
        if self.read is None or not self.editable:
            return None
        session, case_id = self._session, self.case_id

        def start(r: AdjustRequest, finished: Callable[[BaseException | None], None]) -> None:
            def done(_result: Any) -> None:
                finished(None)
                self._write(lambda: None)

            self._background.run(
                self, self.tr("Adjust"),
                lambda ctx, _p: statements.adjust(ctx, session, case_id, r.figures, r.reason),
                done, finished, lambda _report: None,
            )  # fmt: skip

        comparison = self.read.statement.statement.comparison
        return self._open(AdjustDialog(comparison, start, self))

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
