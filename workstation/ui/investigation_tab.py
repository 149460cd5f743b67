"""The Investigation tab of a case (调查, R23, R24): the interview and documents, the uploaded
statements and bills, their classification, and the rebuilt statement.

The case page adds this tab once the case has reached investigation. While the case is in
investigation its investigator (or a supervisor) works here; in later stages the same
screens are a read-only record of what the investigation found.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from workstation.domain.people import Role
from workstation.domain.stages import Stage
from workstation.services.context import Context, Session
from workstation.ui.paperwork_panel import PaperworkPanel
from workstation.ui.tasks import Background

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


class InvestigationTab(QWidget):
    """Sub-tabs for each part of the investigation; ``show_case`` refreshes them all."""

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
        self.parts = QTabWidget()
        self.parts.setObjectName("investigationParts")
        self.paperwork = PaperworkPanel(ctx, session, background, case_id, write, self)
        self.parts.addTab(self.paperwork, self.tr("Interview and documents"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.parts)

    def show_case(self, data: Any) -> None:
        self.editable = may_work_on(data, self._session)
        self.paperwork.refresh(self.editable)
