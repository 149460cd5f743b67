"""The terms of a loan as an officer proposes or amends them: product, limit, daily rate,
term and repayment plan (R25), with the annualised rate shown first and larger (R35).

The figures parse exactly (yuan to fen, percent to an exact ratio); whether the terms are
allowed is the domain's ``terms_problems``, shown as the officer types.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from workstation.domain.approval import LoanTerms, terms_problems
from workstation.domain.limits import LONGEST_TERM_MONTHS
from workstation.domain.schedule import Plan
from workstation.ui.common import message_text, product_label
from workstation.ui.intake_fields import Figure, FigureEdit, with_unit
from workstation.ui.loan_text import plan_label, rate_html

PRODUCTS = ("credit", "order")


class TermsEditor(QWidget):
    """Edits one ``LoanTerms``; ``terms()`` is None while a figure is missing or unreadable."""

    changed = Signal()

    def __init__(self, customer_kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_kind = customer_kind
        self.price = QLabel()
        self.price.setObjectName("termsPrice")
        self.product = QComboBox()
        for product in PRODUCTS:
            self.product.addItem(product_label(product), product)
        self.limit = FigureEdit(Figure.MONEY)
        self.limit.setObjectName("termsLimit")
        self.daily_rate = FigureEdit(Figure.PERCENT)
        self.daily_rate.setObjectName("termsDailyRate")
        self.term = QSpinBox()
        self.term.setRange(1, LONGEST_TERM_MONTHS)
        self.term.setSuffix(self.tr(" months"))
        self.plan = QComboBox()
        for plan in Plan:
            self.plan.addItem(plan_label(plan.value), plan.value)
        self.problems = QLabel()
        self.problems.setObjectName("termsProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #8a4b00;")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Limit"), with_unit(self.limit, "¥"))
        form.addRow(self.tr("Daily rate"), with_unit(self.daily_rate, "", self.tr("% a day")))
        form.addRow(self.tr("Term"), self.term)
        form.addRow(self.tr("Repayment plan"), self.plan)
        form.addRow(self.problems)
        for signal in (
            self.product.currentIndexChanged,
            self.limit.textChanged,
            self.daily_rate.textChanged,
            self.term.valueChanged,
            self.plan.currentIndexChanged,
        ):
            signal.connect(self._update)
        self._update()

    def set_terms(self, terms: LoanTerms) -> None:
        self.product.setCurrentIndex(max(self.product.findData(terms.product), 0))
        self.limit.set_value(terms.limit_fen)
        self.daily_rate.set_value(terms.daily_rate)
        self.term.setValue(terms.term_months)
        self.plan.setCurrentIndex(max(self.plan.findData(terms.plan.value), 0))
        self._update()

    def terms(self) -> LoanTerms | None:
        try:
            limit = self.limit.value()
            rate = self.daily_rate.value()
        except ValueError:
            return None
        if not isinstance(limit, int) or not isinstance(rate, Decimal):
            return None
        return LoanTerms(
            str(self.product.currentData()),
            limit,
            rate,
            self.term.value(),
            Plan(str(self.plan.currentData())),
        )

    def problem_texts(self) -> list[str]:
        """Why the terms cannot be proposed as they stand (empty: they can)."""
        terms = self.terms()
        if terms is None:
            return [self.tr("Enter the limit in yuan and the daily rate in percent.")]
        return [message_text(p) for p in terms_problems(terms, self.customer_kind)]

    def _update(self) -> None:
        terms = self.terms()
        if terms is not None and terms.daily_rate > 0:
            self.price.setText(rate_html(terms.daily_rate))
        else:
            self.price.setText("—")
        problems = self.problem_texts()
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.changed.emit()
