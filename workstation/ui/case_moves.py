"""The case page's moves that need more than a reason: recommend (the terms), approve (the
approval dialog) and disburse (the first draw).

The dialogs open window-modal without blocking (``open``); what the officer decides goes to
the services through the page's ``_write``, which reloads the page and shows a refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow

from workstation.domain.messages import RuleError
from workstation.domain.stages import Action
from workstation.services import approval, pipeline
from workstation.services.approval import ApprovalSheet
from workstation.ui.approval_dialogs import (
    ApprovalChoice,
    ApprovalDialog,
    Choice,
    RecommendDialog,
    dialog_title,
)
from workstation.ui.common import show_refusal, translate
from workstation.ui.loan_page import refuse_without_loan

if TYPE_CHECKING:
    from workstation.ui.case_page import CasePage

DIALOG_ACTIONS = (Action.RECOMMEND, Action.APPROVE, Action.DISBURSE)


class CaseMoves:
    """Opens the dialog a move needs and hands the decision to the services."""

    def __init__(self, page: CasePage) -> None:
        self.page = page
        self.dialog: QDialog | None = None

    def perform(self, action: Action) -> bool:
        """True when the move's dialog opened (the move happens when it is confirmed)."""
        if action == Action.RECOMMEND:
            return self.recommend()
        if action == Action.APPROVE:
            return self.approve()
        return self.disburse()

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def recommend(self) -> bool:
        page = self.page
        if page.data is None:
            return False
        case = page.data.detail.case
        try:
            suggested = approval.suggested_terms(page._ctx, page._session, case.id)
        except RuleError as exc:
            show_refusal(page, exc)
            return False
        dialog = RecommendDialog(
            dialog_title(case.id, case.business_name), case.kind, suggested, page
        )

        def recommend() -> None:
            proposal = dialog.proposal()
            if proposal is None:
                return
            terms, note = proposal
            page._write(
                lambda: approval.recommend(
                    page._ctx, page._session, case.id, case.version, terms, note
                )
            )

        dialog.accepted.connect(recommend)
        self._open(dialog)
        return True

    def approve(self) -> bool:
        """The approval dialog, refused before it opens when the page is stale or the rules
        keep this supervisor from signing (maker-checker)."""
        page = self.page
        if page.data is None:
            return False
        case = page.data.detail.case
        try:
            sheet = approval.approval_sheet(page._ctx, page._session, case.id, case.version)
        except RuleError as exc:
            page.reload()
            show_refusal(page, exc)
            return False
        dialog = ApprovalDialog(dialog_title(case.id, case.business_name), sheet, page)
        dialog.accepted.connect(lambda: self.decide(sheet, dialog.decision()))
        self._open(dialog)
        return True

    def decide(self, sheet: ApprovalSheet, decision: ApprovalChoice) -> bool:
        """Carry out what the supervisor chose in the approval dialog."""
        page = self.page
        ctx, session, case_id, version = page._ctx, page._session, sheet.case_id, sheet.version
        reason = decision.reason
        outcomes: list[approval.SignOutcome] = []
        if decision.choice in (Choice.APPROVE, Choice.AMEND):
            amended = decision.terms if decision.choice == Choice.AMEND else None
            done = page._write(
                lambda: outcomes.append(
                    approval.approve(ctx, session, case_id, version, amended, reason)
                )
            )
        elif decision.choice == Choice.DECLINE:
            done = page._write(lambda: approval.decline(ctx, session, case_id, version, reason))
        else:
            done = page._write(
                lambda: pipeline.move_case(ctx, session, case_id, Action.SEND_BACK, version, reason)
            )
        if done and outcomes and not outcomes[0].approved:
            self._status(
                translate(
                    "CaseMoves",
                    "Signed as the first of two: the case waits for a second approver whose "
                    "authority covers the limit.",
                )
            )
        return done

    def disburse(self) -> bool:
        """The first draw: the loan tab's draw dialog (the service moves the case on)."""
        page = self.page
        tab = page.loan_tab
        if tab is None or tab.view is None:
            refuse_without_loan(page, page._ctx, page._session, page.case_id)
            return False
        page.tabs.setCurrentWidget(tab)
        return tab.draw() is not None

    def _status(self, text: str) -> None:
        window = self.page.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)
