"""The close of day (日终) from the menu, for a supervisor: accrue, post interest and penalty
where due, move loans past due into overdue (R8, R10, R30).

The run goes to ``Background.run`` on its own connection; the worker makes no Qt call: it
reports ``(done, total)`` through ``Progress``, which the GUI thread drains into the bar.
Cancel stops between batches; whole batches stay done and a second run takes the rest.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.services import day_end
from workstation.services.context import Context, Session
from workstation.services.day_end import DayEndResult
from workstation.ui.common import format_time, message_text, show_refusal
from workstation.ui.loan_dialogs import qdate
from workstation.ui.tasks import Background, Cancelled, Progress


def read_status(ctx: Context, through: date) -> tuple[int, dict[str, Any] | None]:
    """(loans with something due through ``through``, the last run); no Qt here."""
    return day_end.due_tonight(ctx, through), day_end.last_run(ctx)


class CloseOfDayDialog(QDialog):
    """Date, what is due, Run with a progress bar and Cancel, the result, the last run."""

    ran = Signal()  # a run finished or stopped: the lists and open loans must read again

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self.progress: Progress | None = None
        self.result: DayEndResult | None = None
        self.setWindowTitle(self.tr("Close of day"))
        self.setMinimumWidth(480)
        today = ctx.clock.now().date()
        self.through = QDateEdit(qdate(today))
        self.through.setObjectName("through")
        self.through.setCalendarPopup(True)
        self.through.setDisplayFormat("yyyy-MM-dd")
        self.through.setMaximumDate(qdate(today))
        self.due = QLabel()
        self.due.setObjectName("due")
        self.last = QLabel()
        self.last.setObjectName("last")
        self.last.setWordWrap(True)
        self.last.setStyleSheet("color: #546e7a;")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Close the books through"), self.through)
        form.addRow(self.tr("Loans with something due"), self.due)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("run")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.through.dateChanged.connect(self.read_status)
        note = QLabel(
            self.tr(
                "Accrues interest, posts interest and penalty where due and moves loans past "
                "due into overdue. Running it twice changes nothing; a cancelled run resumes "
                "where it stopped."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # wrapped text stays whole
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.outcome)
        layout.addWidget(self.last)
        layout.addWidget(self.buttons)
        self.read_status()

    @property
    def running(self) -> bool:
        return self.progress is not None

    def _through(self) -> date:
        return self.through.date().toPython()

    def read_status(self, *_: object) -> None:
        through = self._through()
        self.due.setText(self.tr("counting…"))
        self._background.read(
            lambda ctx: read_status(ctx, through), self._show_status, lambda _e: None
        )

    def _show_status(self, status: tuple[int, dict[str, Any] | None]) -> None:
        due, last = status
        self.due.setText(self.tr("{n} loan(s)").format(n=due))
        if last is None:
            self.last.setText(self.tr("The close of day has not run yet."))
        elif last.get("finished_at"):
            self.last.setText(
                self.tr(
                    "Last close of day: through {through}, finished {when}: {loans} loan(s), "
                    "{postings} posting(s), {overdue} moved to overdue."
                ).format(
                    through=last["through"],
                    when=format_time(last["finished_at"]),
                    loans=last.get("loans") or 0,
                    postings=last.get("postings") or 0,
                    overdue=last.get("overdue") or 0,
                )
            )
        else:
            self.last.setText(
                self.tr("Last close of day: through {through}.").format(through=last["through"])
            )

    def run(self) -> None:
        if self.running:
            return
        session, through = self._session, self._through()

        def work(ctx: Context, progress: Progress) -> DayEndResult:
            def report(done: int, total: int) -> None:
                if not progress.cancelled:
                    progress.report(done, total)

            return day_end.run_day_end(
                ctx, session, through, progress=report, cancelled=lambda: progress.cancelled
            )

        self.result = None
        self.outcome.setText(self.tr("Running…"))
        self.bar.setRange(0, 0)  # busy until the first batch reports
        self._set_running(True)
        self.progress = self._background.run(
            self, self.tr("Close of day"), work, self._finished, self._failed, self._progressed
        )

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancelled = True
            self.outcome.setText(self.tr("Stopping after the current batch…"))

    def _progressed(self, report: tuple[int, int]) -> None:
        done, total = report
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.through.setEnabled(not running)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not running)

    def _finished(self, result: DayEndResult) -> None:
        self.progress = None
        self.result = result
        self._set_running(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0 if result.cancelled else 1)
        figures = self.tr(
            "{loans} loan(s) visited, {postings} interest and penalty posting(s), {overdue} "
            "moved to overdue, {closed} closed."
        ).format(
            loans=result.loans, postings=result.postings, overdue=result.overdue,
            closed=result.closed,
        )  # fmt: skip
        if result.cancelled:
            text = self.tr("Cancelled: {figures} What was done is kept; run again to finish.")
        else:
            text = self.tr("Closed through {through}: {figures}")
        self.outcome.setText(text.format(figures=figures, through=result.through.isoformat()))
        self.ran.emit()
        self.read_status()

    def _failed(self, error: BaseException) -> None:
        self.progress = None
        self._set_running(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        if isinstance(error, Cancelled):
            self.outcome.setText(self.tr("Cancelled. What was done is kept; run again to finish."))
            self.ran.emit()
        elif isinstance(error, RuleError):
            self.outcome.setText(message_text(error.message))
            show_refusal(self, error)
        else:
            self.outcome.setText(self.tr("The close of day failed: {error}").format(error=error))
        self.read_status()

    def reject(self) -> None:
        if not self.running:  # a run in progress finishes its batch first: cancel it
            super().reject()
