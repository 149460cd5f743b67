"""Recommending and approving a limit (R25): the investigator's proposal and the
supervisor's signature, amendment, decline or send-back.

The dialogs only collect a decision; the case page hands it to the services, which hold
every rule (maker-checker, authority by amount, the second signature). The price is shown
with the annualised rate first and larger (R35).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.approval import LoanTerms
from workstation.services.approval import ApprovalSheet
from workstation.ui.common import (
    format_fen,
    format_time,
    message_text,
    person_name,
    product_label,
    translate,
)
from workstation.ui.loan_text import months_text, plan_label, rate_html
from workstation.ui.terms_editor import TermsEditor


class Choice(StrEnum):
    APPROVE = "approve"  # sign the terms as proposed
    AMEND = "amend"  # sign amended terms (a reason is required)
    DECLINE = "decline"
    SEND_BACK = "send_back"


@dataclass(frozen=True)
class ApprovalChoice:
    choice: Choice
    reason: str
    terms: LoanTerms | None = None  # the amended terms (AMEND only)


def terms_form(terms: LoanTerms) -> QWidget:
    """Read-only terms, the price first (R35)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    price = QLabel(rate_html(terms.daily_rate, 17))  # first and largest (R35)
    price.setObjectName("proposedPrice")
    column.addWidget(price)
    form = QFormLayout()
    column.addLayout(form)
    form.addRow(
        translate("ApprovalDialog", "Limit"), QLabel(f"<b>{format_fen(terms.limit_fen)}</b>")
    )
    form.addRow(translate("ApprovalDialog", "Product"), QLabel(product_label(terms.product)))
    form.addRow(translate("ApprovalDialog", "Term"), QLabel(months_text(terms.term_months)))
    form.addRow(translate("ApprovalDialog", "Repayment plan"), QLabel(plan_label(terms.plan.value)))
    return box


class RecommendDialog(QDialog):
    """The investigator's proposal, prefilled from the rating's offer."""

    def __init__(
        self, title: str, customer_kind: str, suggested: LoanTerms, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recommend for approval"))
        self.setMinimumWidth(520)
        heading = QLabel(f"<b>{html.escape(title)}</b>")
        hint = QLabel(
            self.tr(
                "Prefilled from the rating's offer. A supervisor approves, amends or declines "
                "these terms; you cannot approve your own recommendation."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #546e7a;")
        self.editor = TermsEditor(customer_kind)
        self.editor.set_terms(suggested)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Optional: what the supervisor should know"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Recommend"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.editor)
        layout.addWidget(QLabel(self.tr("Note")))
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.editor.changed.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.editor.problem_texts())

    def proposal(self) -> tuple[LoanTerms, str] | None:
        terms = self.editor.terms()
        return None if terms is None else (terms, self.note.toPlainText())


class ApprovalDialog(QDialog):
    """What is on the table, who signed it, what this signature does; then the decision."""

    def __init__(self, title: str, sheet: ApprovalSheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.setWindowTitle(self.tr("Approval"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # wrapped text stays whole
        layout.addWidget(QLabel(f"<b>{html.escape(title)}</b>"))
        layout.addWidget(self._proposal_box())
        self.rating = QLabel(self._rating_text())
        self.rating.setObjectName("ratingLine")
        self.rating.setWordWrap(True)
        self.rating.setVisible(bool(self.rating.text()))
        layout.addWidget(self.rating)
        self.signatures = QLabel(self._signatures_text())
        self.signatures.setObjectName("signatures")
        self.signatures.setWordWrap(True)
        layout.addWidget(self.signatures)
        self.authority = QLabel(self._authority_text())
        self.authority.setObjectName("authority")
        self.authority.setWordWrap(True)
        layout.addWidget(self.authority)
        self.blocked = QLabel(message_text(sheet.blocked) if sheet.blocked else "")
        self.blocked.setObjectName("blocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet(
            "#blocked { background: #fff4e5; color: #6b3d00; border: 1px solid #f0c36d;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.blocked.setVisible(sheet.blocked is not None)
        layout.addWidget(self.blocked)
        layout.addWidget(self._choices())
        self.editor = TermsEditor(sheet.kind)
        if sheet.state.terms is not None:
            self.editor.set_terms(sheet.state.terms)
        self.editor.setVisible(False)
        layout.addWidget(self.editor)
        self.reason_label = QLabel()
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.group.idToggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.editor.changed.connect(self._update)
        first = next(
            (b for b in self.group.buttons() if b.isEnabled()), self.radio[Choice.SEND_BACK]
        )
        first.setChecked(True)
        self._update()

    def _rating_text(self) -> str:
        """The rating beside the terms (R17, R19): what the rules allow this case."""
        rating = self.sheet.rating
        if rating is None:
            return ""
        limit = format_fen(rating.limit_fen) if rating.limit_fen is not None else "—"
        text = self.tr("Rating of {when}: tier {tier}, score {score}; the rating allows {limit}")
        return text.format(
            when=format_time(rating.at), tier=rating.tier or "—", score=rating.total or "—",
            limit=limit,
        )  # fmt: skip

    def _proposal_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Proposed terms"))
        inner = QVBoxLayout(box)
        state = self.sheet.state
        if state.terms is None or state.proposal is None:
            inner.addWidget(QLabel(self.tr("No terms have been recommended for this case.")))
            return box
        inner.addWidget(terms_form(state.terms))
        proposal = state.proposal
        by = self.tr("Proposed by {who} at {when}").format(
            who=person_name(proposal.by_name), when=format_time(proposal.at)
        )
        if proposal.kind == "amend":
            by = self.tr("Amended by {who} at {when}").format(
                who=person_name(proposal.by_name), when=format_time(proposal.at)
            )
        if proposal.note:
            by += " — " + proposal.note
        line = QLabel(by)
        line.setWordWrap(True)
        line.setStyleSheet("color: #546e7a;")
        inner.addWidget(line)
        return box

    def _signatures_text(self) -> str:
        signed = self.sheet.state.signatures
        if not signed:
            return self.tr("Signatures so far: none.")
        names = "; ".join(
            self.tr("{who} (authority {amount}) at {when}").format(
                who=person_name(s.by_name),
                amount=format_fen(s.authority_fen),
                when=format_time(s.at),
            )
            for s in signed
        )
        return self.tr("Signatures so far: {names}.").format(names=names)

    def _authority_text(self) -> str:
        sheet = self.sheet
        mine = format_fen(sheet.authority_fen)
        if sheet.state.terms is None:
            return self.tr("Your approval authority: {amount}.").format(amount=mine)
        if sheet.completes:
            return self.tr(
                "Your approval authority: {amount}. Your signature completes the approval."
            ).format(amount=mine)
        return self.tr(
            "Your approval authority: {amount}. The limit is above it: your signature is the "
            "first of two, and a second approver whose authority covers {limit} must sign."
        ).format(amount=mine, limit=format_fen(sheet.state.terms.limit_fen))

    def _choices(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        texts = {
            Choice.APPROVE: self.tr("Approve as proposed"),
            Choice.AMEND: self.tr("Amend the terms and approve them (reason required)"),
            Choice.DECLINE: self.tr("Decline (reason required)"),
            Choice.SEND_BACK: self.tr("Send back to investigation (reason required)"),
        }
        self.radio: dict[Choice, QRadioButton] = {}
        sheet = self.sheet
        has_terms = sheet.state.terms is not None
        enabled = {
            Choice.APPROVE: has_terms and sheet.blocked is None,
            Choice.AMEND: has_terms and sheet.authority_fen > 0,
            Choice.DECLINE: True,
            Choice.SEND_BACK: True,
        }
        for number, (choice, text) in enumerate(texts.items()):
            button = QRadioButton(text)
            button.setObjectName(f"choice_{choice.value}")
            button.setEnabled(enabled[choice])
            self.group.addButton(button, number)
            self.radio[choice] = button
            column.addWidget(button)
        return box

    def choice(self) -> Choice:
        return list(Choice)[max(self.group.checkedId(), 0)]

    def _update(self, *_: object) -> None:
        choice = self.choice()
        self.editor.setVisible(choice == Choice.AMEND)
        needs_reason = choice != Choice.APPROVE
        self.reason_label.setText(
            self.tr("Reason (required)") if needs_reason else self.tr("Remark (optional)")
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(
            {
                Choice.APPROVE: self.tr("Sign"),
                Choice.AMEND: self.tr("Sign amended terms"),
                Choice.DECLINE: self.tr("Decline"),
                Choice.SEND_BACK: self.tr("Send back"),
            }[choice]
        )
        ready = not needs_reason or bool(self.reason.toPlainText().strip())
        if choice == Choice.AMEND:
            ready = ready and not self.editor.problem_texts()
        ok.setEnabled(ready)
        self.adjustSize()

    def decision(self) -> ApprovalChoice:
        choice = self.choice()
        terms = self.editor.terms() if choice == Choice.AMEND else None
        return ApprovalChoice(choice, self.reason.toPlainText().strip(), terms)


def dialog_title(case_id: int, business_name: str) -> str:
    return f"{case_id} · {business_name}"


__all__ = [
    "ApprovalChoice",
    "ApprovalDialog",
    "Choice",
    "RecommendDialog",
    "dialog_title",
    "terms_form",
]
