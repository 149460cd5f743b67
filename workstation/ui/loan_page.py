"""The Loan tab of a case (贷款): the loan's figures, its draws and schedules, its ledger with
running balances, and the money moves (R3-R11, R30, R35).

The figures come with each load of the case page (``loans.loan_view`` on the background
reader). Finance draws, receives repayments and reverses the open day's rows; every role
may run the trial calculation and print the statement. Each write goes to the services with
the loan's version on screen; a refusal is shown and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.domain.standing import Standing
from workstation.services import loans
from workstation.services.context import Context, Session
from workstation.services.loans import LoanView
from workstation.ui import dialogs
from workstation.ui.common import (
    BREACH_COLOR,
    format_fen,
    message_text,
    product_label,
    show_refusal,
)
from workstation.ui.loan_dialogs import (
    DrawDialog,
    DrawRequest,
    RepayDialog,
    RepayRequest,
    TrialDialog,
)
from workstation.ui.loan_models import DrawsModel, LedgerModel, StandingModel, parts_text
from workstation.ui.loan_pdf import (
    draw_disbursed_by,
    print_document,
    statement_html,
    voucher_html,
    write_pdf,
)
from workstation.ui.loan_text import months_text, plain_table, plan_label, rate_html

FIGURES = (
    "limit",
    "drawn",
    "available",
    "principal",
    "interest",
    "penalty",
    "credit",
    "total",
    "next_due",
    "overdue",
)


def ask_print_choice(parent: QWidget, choices: list[str]) -> int | None:
    """Which paper to print (tests replace this function)."""
    if len(choices) == 1:
        return 0
    text, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("LoanTab", "Print"),
        QCoreApplication.translate("LoanTab", "Print which?"),
        choices,
        0,
        False,
    )
    return choices.index(text) if ok else None


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    """Yes or no to a money move described in ``text`` (tests replace this function)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The printer and its settings, from the system's print dialog (tests replace this)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def ask_pdf_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Where to save a PDF (tests replace this function)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path(folder) / suggested), "PDF (*.pdf)"
    )
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")


class LoanTab(QWidget):
    """One loan on the case page; ``show_case`` is called with every load."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        write: Callable[[Callable[[], Any]], bool],
        reload: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session = ctx, session
        self._write, self._reload = write, reload
        self.view: LoanView | None = None
        self.dialog: QDialog | None = None
        self.saved_path: Path | None = None
        self.values: dict[str, QLabel] = {}
        self._build()

    @property
    def is_finance(self) -> bool:
        return self._session.role == Role.FINANCE

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.price = QLabel()
        self.price.setObjectName("loanPrice")
        self.terms_line = QLabel()
        self.terms_line.setWordWrap(True)
        self.terms_line.setStyleSheet("color: #546e7a;")
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #546e7a;")
        figures = QGroupBox(self.tr("The loan"))
        grid = QGridLayout(figures)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.price, 0, 0, 1, 6)
        grid.addWidget(self.terms_line, 1, 0, 1, 6)
        titles = {
            "limit": self.tr("Limit"),
            "drawn": self.tr("Drawn in all"),
            "available": self.tr("Available"),
            "principal": self.tr("Outstanding principal"),
            "interest": self.tr("Interest (posted + accruing)"),
            "penalty": self.tr("Penalty (posted + accruing)"),
            "credit": self.tr("Credit held"),
            "total": self.tr("Total to settle today"),
            "next_due": self.tr("Next due"),
            "overdue": self.tr("Days past due"),
        }
        for number, key in enumerate(FIGURES):
            row, col = 2 + number % 5, (number // 5) * 2
            caption = QLabel(titles[key])
            caption.setStyleSheet("color: #546e7a;")
            value = QLabel()
            value.setObjectName(key)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            grid.addWidget(caption, row, col)
            grid.addWidget(value, row, col + 1)
        grid.setColumnStretch(4, 1)
        grid.addWidget(self.as_of, 7, 0, 1, 6)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot, finance_only in (
            ("draw", self.tr("Draw…"), self.draw, True),
            ("repay", self.tr("Repay…"), self.repay, True),
            ("reverse", self.tr("Reverse…"), self.reverse, True),
            ("apply_credit", self.tr("Apply credit…"), self.apply_credit, True),
            ("refund_credit", self.tr("Refund credit…"), self.refund_credit, True),
            ("trial", self.tr("Trial calculation…"), self.trial, False),
            ("statement", self.tr("Statement (PDF)…"), self.save_statement, False),
            ("voucher", self.tr("Voucher (PDF)…"), self.save_voucher, False),
            ("print", self.tr("Print…"), self.print_papers, False),
        ):
            button = QPushButton(text)
            button.setObjectName(f"loan_{key}")
            button.clicked.connect(slot)
            button.setVisible(self.is_finance or not finance_only)
            self.buttons[key] = button
            bar.addWidget(button)
            if key in ("reverse", "refund_credit"):
                bar.addSpacing(24)
        bar.addStretch(1)
        self.draws_model = DrawsModel(self)
        self.draws = plain_table(self)
        self.draws.setModel(self.draws_model)
        self.schedule_model = StandingModel(self)
        self.schedule = plain_table(self)
        self.schedule.setModel(self.schedule_model)
        self._first_open: int | None = None  # a draw's row to scroll to, once laid out
        self.schedule.verticalScrollBar().rangeChanged.connect(self._show_first_open)
        self.ledger_model = LedgerModel(self)
        self.ledger = plain_table(self, stretch=9)
        self.ledger.setModel(self.ledger_model)
        self.draws.selectionModel().currentRowChanged.connect(self._draw_chosen)
        self.ledger.selectionModel().currentRowChanged.connect(self._update_buttons)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self._titled(self.tr("Draws"), self.draws))
        self.schedule_title = QLabel()
        top.addWidget(self._titled(self.schedule_title, self.schedule))
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(
            self._titled(self.tr("Ledger (running balances after each row)"), self.ledger)
        )
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(figures)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    @staticmethod
    def _titled(title: str | QLabel, table: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        label = title if isinstance(title, QLabel) else QLabel(title)
        label.setStyleSheet("font-weight: 600;")
        column.addWidget(label)
        column.addWidget(table)
        return box

    # -- showing --------------------------------------------------------------------------

    def show_case(self, data: Any) -> None:
        view = getattr(data, "loan", None)
        if view is not None:
            self.show_loan(view)

    def show_loan(self, view: LoanView) -> None:
        chosen = self._chosen_draw_row()
        self.view = view
        terms = view.terms
        self.price.setText(rate_html(terms.daily_rate, 18))
        self.terms_line.setText(
            " · ".join(
                (
                    product_label(terms.product),
                    months_text(terms.term_months),
                    plan_label(terms.plan.value),
                    self.tr("limit period {start} — {end}").format(
                        start=view.opened_on.isoformat(), end=view.available_until.isoformat()
                    ),
                )
            )
        )
        self._show_figures(view)
        self.draws_model.set_draws(view.draws)
        self.ledger_model.set_rows(view.ledger)
        if view.draws:
            row = chosen if chosen is not None and chosen < len(view.draws) else len(view.draws) - 1
            self.draws.selectRow(row)
        self._draw_chosen()
        self.ledger.scrollToBottom()
        self._update_buttons()

    def _show_figures(self, view: LoanView) -> None:
        interest = view.interest_unpaid_fen + view.interest_accrued_fen
        penalty = view.penalty_unpaid_fen + view.penalty_accrued_fen
        texts = {
            "limit": format_fen(view.terms.limit_fen),
            "drawn": format_fen(view.drawn_fen),
            "available": format_fen(view.available_fen),
            "principal": f"<b>{format_fen(view.principal_fen)}</b>",
            "interest": self.tr("{total} ({posted} posted + {accruing} accruing)").format(
                total=format_fen(interest),
                posted=format_fen(view.interest_unpaid_fen),
                accruing=format_fen(view.interest_accrued_fen),
            ),
            "penalty": format_fen(penalty),
            "credit": format_fen(view.credit_fen),
            "total": f"<b>{format_fen(view.total_owed_fen)}</b>",
            "next_due": self.tr("{amount}, the amount due on {day}").format(
                amount=format_fen(view.next_due_fen), day=view.next_due_on.isoformat()
            )
            if view.next_due_on
            else self.tr("nothing due"),
            "overdue": self.tr("{days} ({cls})").format(
                days=view.days_past_due, cls=view.overdue_class
            )
            if view.overdue_class
            else "0",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.values["next_due"].setToolTip(
            self.tr(
                "What settles everything due on {day}, if paid on that day. Paid earlier, "
                "interest is charged to the payment day only; the days after it accrue on what "
                "remains and fall due on {day}."
            ).format(day=view.next_due_on.isoformat())
            if view.next_due_on
            else ""
        )
        late = view.days_past_due > 0
        style = f"color: {BREACH_COLOR.name()}; font-weight: bold;" if late else ""
        self.values["overdue"].setStyleSheet(style)
        self.values["penalty"].setStyleSheet(style if penalty else "")
        closed = view.closed_through.isoformat() if view.closed_through else self.tr("never")
        self.as_of.setText(
            self.tr("Figures to the close of {day}; last close of day: {closed}.").format(
                day=view.as_of.isoformat(), closed=closed
            )
        )

    def _chosen_draw_row(self) -> int | None:
        rows = self.draws.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _draw_chosen(self, *_: object) -> None:
        row = self._chosen_draw_row()
        draws = self.draws_model.draws
        if row is None or row >= len(draws):
            self.schedule_model.set_rows(())
            self.schedule_title.setText(self.tr("Schedule"))
            return
        draw = draws[row]
        self.schedule_model.set_rows(draw.standing)
        # the first instalment still open at the top: the paid ones are history
        first_open = next(
            (n for n, i in enumerate(draw.standing) if i.standing is not Standing.PAID), 0
        )
        self._first_open = first_open
        self._show_first_open()
        self.schedule_title.setText(
            self.tr("Schedule of draw {draw}").format(draw=draw.terms.draw_id)
        )
        self._update_buttons()

    def _show_first_open(self, *_: object) -> None:
        """The chosen draw's first instalment still open at the top (the paid ones are
        history), once the table has its height (the page may still be opening); after
        that the officer's scrolling is left alone."""
        if self._first_open is None or self.schedule.viewport().height() <= 0:
            return
        index = self.schedule_model.index(self._first_open, 0)
        if index.isValid() and self.schedule.verticalScrollBar().maximum() > 0:
            self.schedule.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
            self._first_open = None

    def _update_buttons(self, *_: object) -> None:
        view = self.view
        may_draw = view is not None and view.may_draw and view.draw_months > 0
        self.buttons["draw"].setEnabled(may_draw)
        refusal = view.draw_refusal if view is not None else None
        self.buttons["draw"].setToolTip(message_text(refusal) if refusal is not None else "")
        self.buttons["repay"].setEnabled(view is not None and bool(view.draws))
        self.buttons["reverse"].setEnabled(self.selected_entry_row() is not None)
        self.buttons["voucher"].setEnabled(self._chosen_draw_row() is not None)
        self.buttons["statement"].setEnabled(view is not None)
        self.buttons["trial"].setEnabled(view is not None and bool(view.draws))
        for key, refusal, hint in (
            (
                "apply_credit",
                view.apply_credit_refusal if view is not None else None,
                self.tr(
                    "The customer asks the credit held to repay early: penalty, interest, "
                    "principal, oldest first."
                ),
            ),
            (
                "refund_credit",
                view.refund_refusal if view is not None else None,
                self.tr("Give back to the customer the credit beyond everything owed."),
            ),
        ):
            self.buttons[key].setEnabled(view is not None and refusal is None)
            self.buttons[key].setToolTip(message_text(refusal) if refusal is not None else hint)

    def selected_entry_row(self) -> int | None:
        rows = self.ledger.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # -- money moves ----------------------------------------------------------------------

    def _today(self) -> date:
        return loans.business_date(self._ctx)

    def _open(self, dialog: QDialog) -> QDialog:
        """Window-modal, not blocking: the page reloads when a write was confirmed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def draw(self) -> QDialog | None:
        view = self.view
        if view is None:
            return None
        ctx, session, case_id = self._ctx, self._session, view.case_id

        def disburse(request: DrawRequest) -> None:
            self._change(
                lambda version: loans.disburse(
                    ctx, session, case_id, version,
                    request.amount_fen, request.term_months, request.plan,
                )
            )  # fmt: skip

        return self._open(DrawDialog(view, self._today(), disburse, self))

    def repay(self) -> QDialog | None:
        view = self.view
        if view is None:
            return None
        ctx, session, case_id = self._ctx, self._session, view.case_id

        def receive(request: RepayRequest) -> None:
            self._change(
                lambda version: loans.repay(
                    ctx, session, case_id, version, request.amount_fen, request.on,
                    hold_excess=request.hold_excess, note=request.note,
                )
            )  # fmt: skip

        return self._open(RepayDialog(ctx, session, view, self._today(), receive, self))

    def _change(self, call: Callable[[int], Any]) -> None:
        """Run one write at the loan's version on screen, then reload and tell the window.
        A refusal reloads the page behind the dialog and goes back to the dialog, which
        shows it and keeps the officer's input (the next try sees the stored version)."""
        version = self.view.version if self.view is not None else -1
        try:
            call(version)
        except RuleError:
            self._reload()
            raise
        self._write(lambda: None)

    def reverse(self) -> bool:
        view, row = self.view, self.selected_entry_row()
        if view is None or row is None:
            return False
        entry = self.ledger_model.rows[row].entry
        reason = dialogs.ask_reason(
            self,
            self.tr("Reverse"),
            self.tr("Why reverse entry no. {seq} ({amount} on {day})?").format(
                seq=entry.seq, amount=format_fen(entry.amount_fen), day=entry.on.isoformat()
            ),
        )
        if reason is None:
            return False
        ctx, session = self._ctx, self._session
        return self._write(
            lambda: loans.reverse(ctx, session, view.case_id, view.version, entry.seq, reason)
        )

    def apply_credit(self) -> bool:
        """Have the credit held repay early, once the officer has seen where it goes."""
        view = self.view
        if view is None:
            return False
        ctx, session, case_id = self._ctx, self._session, view.case_id
        try:
            preview = loans.preview_credit(ctx, session, case_id)
        except RuleError as exc:
            show_refusal(self, exc)
            return False
        text = self.tr(
            "The credit of {credit} held repays early today (the customer asked): {parts}. "
            "Go ahead?"
        ).format(credit=format_fen(view.credit_fen), parts=parts_text(preview.parts))
        if not ask_confirm(self, self.tr("Apply credit"), text):
            return False
        return self._write(lambda: loans.apply_credit(ctx, session, case_id, view.version))

    def refund_credit(self) -> bool:
        """Give back the credit beyond everything owed (all of it on a closed loan)."""
        view = self.view
        if view is None:
            return False
        reason = dialogs.ask_reason(
            self,
            self.tr("Refund credit"),
            self.tr(
                "Give back {amount} to the customer: the credit held ({credit}) beyond "
                "everything owed. Why, and how is it paid out?"
            ).format(amount=format_fen(view.refund_fen), credit=format_fen(view.credit_fen)),
        )
        if reason is None:
            return False
        ctx, session = self._ctx, self._session
        return self._write(
            lambda: loans.refund_credit(ctx, session, view.case_id, view.version, reason)
        )

    def trial(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._open(TrialDialog(self._ctx, self._session, self.view, self._today(), self))

    # -- PDFs -------------------------------------------------------------------------------

    def save_statement(self) -> Path | None:
        view = self.view
        if view is None:
            return None
        title = self.tr("Statement of account")
        path = ask_pdf_path(self, title, f"statement-{view.case_id}-{view.as_of.isoformat()}.pdf")
        if path is None:
            return None
        return self._save(statement_html(view, self._ctx.clock.now()), path, title)

    def save_voucher(self) -> Path | None:
        view, row = self.view, self._chosen_draw_row()
        if view is None or row is None:
            return None
        draw = view.draws[row]
        title = self.tr("Disbursement voucher")
        path = ask_pdf_path(self, title, f"voucher-{draw.terms.draw_id}.pdf")
        if path is None:
            return None
        by = draw_disbursed_by(view, draw.terms.draw_id)
        return self._save(voucher_html(view, draw, by, self._ctx.clock.now()), path, title)

    def print_papers(self) -> bool:
        """Print the statement of account, or the chosen draw's voucher, on a printer."""
        view = self.view
        if view is None:
            return False
        choices = [self.tr("Statement of account")]
        row = self._chosen_draw_row()
        if row is not None:
            choices.append(self.tr("Disbursement voucher"))
        choice = ask_print_choice(self, choices)
        if choice is None:
            return False
        now = self._ctx.clock.now()
        if choice == 0:
            html = statement_html(view, now)
        else:
            assert row is not None
            draw = view.draws[row]
            html = voucher_html(view, draw, draw_disbursed_by(view, draw.terms.draw_id), now)
        printer = ask_printer(self)
        if printer is None:
            return False
        print_document(html, printer)
        return True

    def _save(self, document: str, path: Path, title: str) -> Path | None:
        try:
            write_pdf(document, path, title)
        except OSError as exc:
            QMessageBox.critical(
                self, title, self.tr("The PDF could not be saved: {error}").format(error=exc)
            )
            return None
        self.saved_path = path
        QMessageBox.information(self, title, self.tr("Saved to {path}").format(path=path))
        return path


def refuse_without_loan(parent: QWidget, ctx: Context, session: Session, case_id: int) -> None:
    """The case has no approved loan: say so with the service's own words."""
    try:
        loans.loan_view(ctx, session, case_id)
    except RuleError as exc:
        show_refusal(parent, exc)
