"""A utility bill typed in from paper (水电费单, R23): kind, meter account, the period as
printed (meter readings rarely follow calendar months), usage and amount; for electricity
optionally the peak / flat / valley split."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.importers.utility import TimeOfUse, UtilityBill, UtilityKind
from workstation.ui.intake_fields import parse_yuan
from workstation.ui.investigation_text import MISSING_COLOR, MUTED_COLOR, unit_label, utility_label
from workstation.ui.loan_dialogs import qdate
from workstation.ui.paperwork_dialogs import SubmitDialog


def _decimal(text: str) -> Decimal | None:
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class BillDialog(SubmitDialog):
    """OK once kind, account, period, usage and amount are readable; the service checks
    the rest (a negative figure, a period that runs backwards, a split that does not add
    up) and says so."""

    def __init__(
        self, today: date, submit: Callable[[UtilityBill], None], parent: QWidget | None
    ) -> None:
        super().__init__(submit, parent)  # type: ignore[arg-type]
        self.setWindowTitle(self.tr("Add utility bill"))
        self.kind = QComboBox()
        self.kind.setObjectName("billKind")
        for kind in UtilityKind:
            self.kind.addItem(utility_label(kind.value), kind.value)
        self.account = QLineEdit()
        self.account.setObjectName("account")
        self.account.setPlaceholderText(self.tr("户号 / account number on the bill"))
        first = today.replace(day=1)
        self.start = QDateEdit(qdate(first))
        self.end = QDateEdit(qdate(today))
        for edit, name in ((self.start, "start"), (self.end, "end")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(qdate(today))
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("—"))
        period.addWidget(self.end)
        period.addStretch(1)
        self.usage = QLineEdit()
        self.usage.setObjectName("usage")
        self.unit = QLabel()
        usage = QHBoxLayout()
        usage.addWidget(self.usage)
        usage.addWidget(self.unit)
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("yuan, as on the bill"))
        self.split: dict[str, QLineEdit] = {}
        split = QHBoxLayout()
        for key, title in (
            ("peak", self.tr("peak")),
            ("flat", self.tr("flat")),
            ("valley", self.tr("valley")),
        ):
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(title)
            edit.textChanged.connect(self.update_ok)
            self.split[key] = edit
            split.addWidget(edit)
        self.split_row = QWidget()
        self.split_row.setLayout(split)
        split.setContentsMargins(0, 0, 0, 0)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {MISSING_COLOR};")
        note = QLabel(
            self.tr(
                "Type the period as the bill prints it (meter reading to meter reading); the "
                "usage is spread over its days month by month."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_COLOR};")
        form = QFormLayout()
        form.addRow(self.tr("Bill"), self.kind)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Usage"), usage)
        form.addRow(self.tr("Amount"), self.amount)
        self.split_label = QLabel(self.tr("Time of use (optional)"))
        form.addRow(self.split_label, self.split_row)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        for edit in (self.account, self.usage, self.amount):
            edit.textChanged.connect(self.update_ok)
        self.kind.currentIndexChanged.connect(self.update_ok)
        self.start.dateChanged.connect(self.update_ok)
        self.end.dateChanged.connect(self.update_ok)
        self.update_ok()

    def update_ok(self, *_: object) -> None:
        kind = str(self.kind.currentData())
        self.unit.setText(unit_label(kind))
        electricity = kind == UtilityKind.ELECTRICITY.value
        self.split_row.setVisible(electricity)
        self.split_label.setVisible(electricity)
        super().update_ok()

    def request(self) -> UtilityBill | None:
        self.problem.setText("")
        usage = _decimal(self.usage.text())
        try:
            amount = parse_yuan(self.amount.text())
        except ValueError:
            self.problem.setText(self.tr("The amount is not a sum of money."))
            return None
        if not self.account.text().strip() or usage is None or amount is None:
            return None
        kind = UtilityKind(self.kind.currentData())
        split = None
        parts = [_decimal(e.text()) for e in self.split.values()]
        if kind is UtilityKind.ELECTRICITY and any(e.text().strip() for e in self.split.values()):
            if any(p is None for p in parts):
                self.problem.setText(self.tr("Give all three of peak, flat and valley, or none."))
                return None
            split = TimeOfUse(*parts)  # type: ignore[arg-type]
        return UtilityBill(
            kind,
            self.account.text().strip(),
            self.start.date().toPython(),
            self.end.date().toPython(),
            usage,
            amount,
            split,
        )
