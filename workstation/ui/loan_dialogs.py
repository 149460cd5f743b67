"""Finance's money dialogs on the loan page: a draw, a repayment, and the trial calculation
(还款试算) everyone may run.

Reads (the repayment's allocation, the trial) go straight to the services as the officer
types: each is one loan's cached state accrued to a date, well under a millisecond. Writes go
through ``submit``, which the loan page gives: it holds the loan's version and reloads after.
A refusal is shown in the officer's language and the dialog stays open with its input.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.postings import Allocation
from workstation.domain.schedule import Plan, add_months, schedule
from workstation.services import loans
from workstation.services.context import Context, Session
from workstation.services.loans import LoanView
from workstation.ui.common import format_fen, message_text, show_refusal
from workstation.ui.intake_fields import Figure, FigureEdit, with_unit
from workstation.ui.loan_models import AllocationModel, ScheduleModel
from workstation.ui.loan_text import plain_table, plan_label, rate_html

WARN_STYLE = "color: #8a4b00;"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


@dataclass(frozen=True)
class DrawRequest:
    amount_fen: int
    term_months: int
    plan: Plan  # the approved plan, shown, not chosen: a draw cannot change it (R25)


@dataclass(frozen=True)
class RepayRequest:
    amount_fen: int
    on: date
    hold_excess: bool
    note: str


def _width_floor(width: int) -> QSpacerItem:
    """A layout under ``SetMinimumSize`` (so wrapped labels get their height) sets the
    dialog's minimum to its own: this keeps it at least ``width`` wide, so the money
    columns are not cut off in Chinese (found in review)."""
    return QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)


def _figure(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    return label


class _MoneyDialog(QDialog):
    """A confirm/cancel dialog whose confirm hands the request to ``submit``."""

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


class DrawDialog(_MoneyDialog):
    """A draw within the limit (R5, R7): amount and term up to the limit's period, on the
    plan the approval fixed (shown, not chosen); the price (annual rate first, R35) and the
    draw's schedule before it is confirmed."""

    def __init__(
        self,
        view: LoanView,
        today: date,
        submit: Callable[[DrawRequest], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.view, self.today = view, today
        self.setWindowTitle(self.tr("Disburse a draw"))
        self.setMinimumWidth(560)
        self.amount = FigureEdit(Figure.MONEY)
        self.amount.setObjectName("amount")
        self.term = QSpinBox()
        self.term.setRange(1, max(view.draw_months, 1))
        self.term.setValue(max(view.draw_months, 1))
        self.term.setSuffix(self.tr(" months"))
        self.term.setEnabled(view.draw_months > 0)
        self.plan = _figure(plan_label(view.terms.plan.value), "plan")
        self.due = _figure(name="due")
        self.problem = _figure(name="problem")
        self.problem.setStyleSheet(WARN_STYLE)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Price"), _figure(rate_html(view.terms.daily_rate, 16)))
        form.addRow(
            self.tr("Available to draw"), _figure(f"<b>{format_fen(view.available_fen)}</b>")
        )
        form.addRow(self.tr("Amount"), with_unit(self.amount, "¥"))
        form.addRow(self.tr("Term"), self.term)
        form.addRow(self.tr("Repayment plan"), self.plan)
        form.addRow(self.tr("Falls due on"), self.due)
        self.schedule_model = ScheduleModel(self)
        self.schedule = plain_table(self)
        self.schedule.setModel(self.schedule_model)
        self.schedule.setMinimumHeight(160)
        self.confirm.setText(self.tr("Disburse"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text
        layout.addSpacerItem(_width_floor(560))  # the constraint overrides setMinimumWidth
        layout.addWidget(_figure(f"<b>{html.escape(f'{view.case_id} · {view.business_name}')}</b>"))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Schedule of this draw, if kept to plan")))
        layout.addWidget(self.schedule)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.amount.textChanged, self.term.valueChanged):
            signal.connect(self._update)
        self._update()

    def request(self) -> DrawRequest | None:
        try:
            amount = self.amount.value()
        except ValueError:
            return None
        if not isinstance(amount, int) or amount <= 0 or self.view.draw_months <= 0:
            return None
        return DrawRequest(amount, self.term.value(), self.view.terms.plan)

    def _update(self, *_: object) -> None:
        self.due.setText(add_months(self.today, self.term.value()).isoformat())
        request = self.request()
        if self.view.draw_months <= 0:
            self.problem.setText(
                self.tr("The limit's period ends on {until}: no new draw can be made.").format(
                    until=self.view.available_until.isoformat()
                )
            )
        elif request is not None and request.amount_fen > self.view.available_fen:
            self.problem.setText(
                self.tr("More than the {available} still available.").format(
                    available=format_fen(self.view.available_fen)
                )
            )
        else:
            self.problem.setText("")
        self.problem.setVisible(bool(self.problem.text()))
        rows = (
            schedule(
                request.amount_fen,
                self.today,
                request.term_months,
                request.plan,
                self.view.terms.daily_rate,
            )
            if request is not None
            else ()
        )
        self.schedule_model.set_schedule(rows)
        self.confirm.setEnabled(request is not None)


class RepayDialog(_MoneyDialog):
    """A repayment (R7, R11): the allocation is shown as the amount is typed, before it is
    confirmed; more than is owed is refused unless held as a credit for the customer."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        view: LoanView,
        today: date,
        submit: Callable[[RepayRequest], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.ctx, self.session, self.view = ctx, session, view
        self.allocation: Allocation | None = None
        self.setWindowTitle(self.tr("Receive a repayment"))
        self.setMinimumWidth(560)
        self.amount = FigureEdit(Figure.MONEY)
        self.amount.setObjectName("amount")
        self.on = QDateEdit(qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(qdate(today))
        if view.closed_through is not None:
            self.on.setMinimumDate(qdate(max(view.closed_through, view.opened_on)))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: bank reference, payer"))
        form = QFormLayout()
        form.addRow(
            self.tr("Owed in all today"), _figure(f"<b>{format_fen(view.total_owed_fen)}</b>")
        )
        self.credit = _figure(format_fen(view.credit_fen), "credit")
        form.addRow(self.tr("Credit held"), self.credit)
        form.setRowVisible(self.credit, view.credit_fen > 0)
        self.netted = _figure(name="netted")
        self.netted.setWordWrap(True)
        form.addRow(self.netted)
        form.addRow(self.tr("Amount received"), with_unit(self.amount, "¥"))
        form.addRow(self.tr("Received on"), self.on)
        form.addRow(self.tr("Note"), self.note)
        self.summary = _figure(name="summary")
        self.summary.setWordWrap(True)
        self.posted = _figure(name="posted")
        self.posted.setWordWrap(True)
        self.posted.setStyleSheet("color: #546e7a;")
        self.model = AllocationModel(self)
        self.table = plain_table(self)
        self.table.setModel(self.model)
        self.table.setMinimumHeight(140)
        self.early = _figure(name="early")
        self.early.setWordWrap(True)
        self.early.setStyleSheet(WARN_STYLE)
        self.excess = _figure(name="excess")
        self.excess.setWordWrap(True)
        self.excess.setStyleSheet(WARN_STYLE)
        self.hold = QCheckBox(self.tr("Hold the excess as a credit for the customer"))
        self.hold.setObjectName("hold")
        self.problem = _figure(name="problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(WARN_STYLE)
        self.confirm.setText(self.tr("Confirm repayment"))
        box = QGroupBox(
            self.tr("Where the payment goes (penalty, interest, principal; oldest first)")
        )
        inner = QVBoxLayout(box)
        inner.addWidget(self.summary)
        inner.addWidget(self.posted)
        inner.addWidget(self.table)
        inner.addWidget(self.early)
        inner.addWidget(self.excess)
        inner.addWidget(self.hold)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text
        layout.addSpacerItem(_width_floor(560))  # the constraint overrides setMinimumWidth
        layout.addWidget(_figure(f"<b>{html.escape(f'{view.case_id} · {view.business_name}')}</b>"))
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.amount.textChanged.connect(self.preview)
        self.on.dateChanged.connect(self.preview)
        self.preview()

    def _amount(self) -> int | None:
        try:
            amount = self.amount.value()
        except ValueError:
            return None
        return amount if isinstance(amount, int) else None

    def preview(self, *_: object) -> None:
        """Ask the service where the typed amount would go; nothing is written."""
        self.allocation = None
        amount, on = self._amount(), self.on.date().toPython()
        problem = ""
        if amount is None:
            problem = self.tr("Enter the amount received, in yuan.")
        else:
            try:
                self.allocation = loans.preview_repayment(
                    self.ctx, self.session, self.view.case_id, amount, on
                )
            except RuleError as exc:
                problem = message_text(exc.message)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self._show_netted(on)
        self._show(self.allocation)
        self._show_early(amount, on)

    def _show_netted(self, on: date) -> None:
        """The credit held, netted against what is owed on the day (R11: the payment that
        with it settles everything draws on it first); what exceeds everything owed."""
        text = ""
        try:
            payoff = loans.trial(self.ctx, self.session, self.view.case_id, on)
        except RuleError:
            payoff = None
        if payoff is not None and payoff.credit_fen:
            text = self.tr(
                "Owed {owed} − credit {credit} = to pay {pay}: paying {pay} settles "
                "everything (the credit is drawn on first)."
            ).format(
                owed=format_fen(payoff.owed_fen),
                credit=format_fen(payoff.credit_fen),
                pay=format_fen(payoff.total_fen),
            )
            if payoff.refund_fen:
                text += " " + self.tr(
                    "The credit exceeds everything owed by {refund}: nothing to pay; "
                    "finance may refund it (Refund credit…)."
                ).format(refund=format_fen(payoff.refund_fen))
        self.netted.setText(text)
        self.netted.setVisible(bool(text))

    def _show_early(self, amount: int | None, on: date) -> None:
        """Paid before the next due date: interest is charged to the payment day only, and
        the days after it fall due on the due date (found in review: a customer paid the
        "next due" figure three days early and went overdue on the rest)."""
        due = None
        if amount is not None and self.allocation is not None:
            due = loans.due_after_payment(self.ctx, self.session, self.view.case_id, amount, on)
        text = ""
        if due is not None:
            text = self.tr(
                "Paid on {on}, before the due date {due}: interest is charged to the payment "
                "day only. The days from {next} to {due} accrue on what remains; on {due} "
                "{amount} is still to pay."
            ).format(
                on=due.paid_on.isoformat(),
                due=due.due_on.isoformat(),
                next=(due.paid_on + timedelta(days=1)).isoformat(),
                amount=format_fen(due.due_fen),
            )
        self.early.setText(text)
        self.early.setVisible(bool(text))

    def _show(self, allocation: Allocation | None) -> None:
        self.model.set_parts(allocation.parts if allocation else ())
        self.confirm.setEnabled(allocation is not None)
        if allocation is None:
            for label in (self.summary, self.posted, self.excess):
                label.setText("")
            self.excess.hide()
            self.hold.hide()
            return
        summary = self.tr(
            "Penalty {penalty} · interest {interest} · principal {principal} · credit {credit}"
        ).format(
            penalty=format_fen(allocation.penalty_fen),
            interest=format_fen(allocation.interest_fen),
            principal=format_fen(allocation.principal_fen),
            credit=format_fen(allocation.excess_fen),
        )
        if allocation.credit_applied_fen > 0:
            summary += " " + self.tr("({credit} of it from the credit held)").format(
                credit=format_fen(allocation.credit_applied_fen)
            )
        self.summary.setText(summary)
        posted = sum(e.amount_fen for e in allocation.postings)
        self.posted.setText(
            self.tr("Interest and penalty accrued to the day are posted first: {amount}.").format(
                amount=format_fen(posted)
            )
            if posted
            else ""
        )
        excess = allocation.excess_fen
        self.excess.setText(
            self.tr(
                "{excess} more than is owed ({owed}): enter at most {owed}, or hold the "
                "excess as a credit for the customer."
            ).format(excess=format_fen(excess), owed=format_fen(allocation.amount_fen - excess))
        )
        self.excess.setVisible(excess > 0)
        self.hold.setVisible(excess > 0)

    def request(self) -> RepayRequest | None:
        amount = self._amount()
        if amount is None or self.allocation is None:
            return None
        return RepayRequest(
            amount,
            self.on.date().toPython(),
            self.hold.isChecked() and self.hold.isVisible(),
            self.note.text(),
        )


class TrialDialog(QDialog):
    """还款试算: what repaying everything on a chosen date takes; nothing is written."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        view: LoanView,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.session, self.view = ctx, session, view
        self.setWindowTitle(self.tr("Trial calculation"))
        self.setMinimumWidth(440)
        self.on = QDateEdit(qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMinimumDate(qdate(view.closed_through or view.opened_on))
        self.principal = _figure(name="principal")
        self.interest = _figure(name="interest")
        self.penalty = _figure(name="penalty")
        self.owed = _figure(name="owed")
        self.credit = _figure(name="credit")
        self.refund = _figure(name="refund")
        self.total = _figure(name="total")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.total.setFont(font)
        self.note = _figure(name="note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        form = QFormLayout()
        form.addRow(self.tr("Repay everything on"), self.on)
        form.addRow(self.tr("Principal"), self.principal)
        form.addRow(self.tr("+ Interest to the day"), self.interest)
        form.addRow(self.tr("+ Penalty to the day"), self.penalty)
        form.addRow(self.tr("= Owed"), self.owed)
        form.addRow(self.tr("− Credit held"), self.credit)
        form.addRow(self.tr("= To pay to settle"), self.total)
        form.addRow(self.tr("Credit to give back"), self.refund)
        self.form = form
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text
        layout.addSpacerItem(_width_floor(440))  # the constraint overrides setMinimumWidth
        layout.addWidget(_figure(f"<b>{html.escape(f'{view.case_id} · {view.business_name}')}</b>"))
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.on.dateChanged.connect(self.calculate)
        self.calculate()

    def calculate(self, *_: object) -> None:
        on = self.on.date().toPython()
        try:
            payoff = loans.trial(self.ctx, self.session, self.view.case_id, on)
        except RuleError as exc:
            for label in (self.principal, self.interest, self.penalty, self.owed, self.total):
                label.setText("—")
            self._show_credit_rows(False, False)
            self.note.setText(message_text(exc.message))
            return
        self.principal.setText(format_fen(payoff.principal_fen))
        self.interest.setText(format_fen(payoff.interest_fen))
        self.penalty.setText(format_fen(payoff.penalty_fen))
        self.owed.setText(format_fen(payoff.owed_fen))
        self.credit.setText(format_fen(payoff.credit_fen))
        self.total.setText(format_fen(payoff.total_fen))
        self.refund.setText(format_fen(payoff.refund_fen))
        self._show_credit_rows(payoff.credit_fen > 0, payoff.refund_fen > 0)
        note = self.tr("Early repayment costs no fee; interest runs only to the day.")
        if payoff.credit_fen:
            note += " " + self.tr(
                "Owed {owed} − credit {credit} = to pay {pay}: the credit held for the "
                "customer is netted."
            ).format(
                owed=format_fen(payoff.owed_fen),
                credit=format_fen(payoff.credit_fen),
                pay=format_fen(payoff.total_fen),
            )
        if payoff.refund_fen:
            note += " " + self.tr(
                "The credit exceeds everything owed: {refund} is to be given back."
            ).format(refund=format_fen(payoff.refund_fen))
        self.note.setText(note)

    def _show_credit_rows(self, credit: bool, refund: bool) -> None:
        """The netting rows only when a credit is held; the refund only when it exceeds."""
        self.form.setRowVisible(self.owed, credit)
        self.form.setRowVisible(self.credit, credit)
        self.form.setRowVisible(self.refund, refund)
