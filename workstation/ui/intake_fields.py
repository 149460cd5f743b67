"""The inputs of the intake form: figures typed as text, where empty means "not supplied".

A spin box cannot say "missing" (it always holds a number), so figures are line edits that
parse exactly: yuan with at most two decimals become integer fen through ``Decimal``;
percentages become exact ratios (12.5 % -> Decimal("0.125")). Nothing here is a float.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import StrEnum

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.application import DownstreamCustomer, Order
from workstation.ui.common import format_fen


class Figure(StrEnum):
    MONEY = "money"  # yuan typed, integer fen held
    PERCENT = "percent"  # percent typed, ratio held (may be negative: growth)
    DECIMAL = "decimal"  # a plain exact number: turnover, DSR, days a month
    COUNT = "count"  # a whole number


# A leading minus (ASCII, U+2212 or full-width) is let through everywhere: a sign the
# validator swallowed would turn -5000 into 5000 without a word; the rules say it is refused.
_SIGN = "[-−－]?"
_PATTERNS = {
    Figure.MONEY: _SIGN + r"[0-9,，]{0,17}([.．][0-9]{0,2})?",
    Figure.PERCENT: _SIGN + r"[0-9]{0,4}([.．][0-9]{0,4})?",
    Figure.DECIMAL: _SIGN + r"[0-9]{0,6}([.．][0-9]{0,3})?",
    Figure.COUNT: _SIGN + r"[0-9,，]{0,12}",
}
_WIDTHS = {Figure.MONEY: 150, Figure.PERCENT: 80, Figure.DECIMAL: 80, Figure.COUNT: 110}


def _clean(text: str) -> str:
    """Take out what people type around a number: thousands commas, full-width marks, ¥."""
    return (
        text.strip()
        .replace(",", "")
        .replace("，", "")
        .replace("．", ".")
        .replace("−", "-")
        .replace("－", "-")
        .replace("¥", "")
        .replace("￥", "")
        .strip()
    )


def _number(text: str) -> Decimal | None:
    """The exact decimal ``text`` says, None when empty; ValueError when it is no number."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


def parse_yuan(text: str) -> int | None:
    """Yuan as typed -> integer fen, exactly: "12345.67" -> 1234567; "" -> None."""
    value = _number(text)
    if value is None:
        return None
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(text)  # more than two decimals: a fen has no fractions
    return int(fen)


def yuan_text(fen: int | None) -> str:
    """Integer fen as the form shows it for editing: 1234567 -> "12345.67"."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}" if cents else f"{sign}{yuan}"


def parse_percent(text: str) -> Decimal | None:
    """Percent as typed -> exact ratio: "12.5" -> Decimal("0.125"); "" -> None."""
    value = _number(text)
    return None if value is None else value / 100


def percent_text(ratio: Decimal | None) -> str:
    return "" if ratio is None else plain(ratio * 100)


def plain(value: Decimal | int | None) -> str:
    """A number without exponent or trailing zeros: Decimal("12.500") -> "12.5"."""
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    return text


def parse_count(text: str) -> int | None:
    value = _number(text)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise ValueError(text)
    return int(value)


class FigureEdit(QLineEdit):
    """A figure in the form: ``value()`` is fen, a ratio, a decimal or a count; None if empty.

    ``value()`` raises ``ValueError`` while the text is not a number yet (a lone "-").
    """

    def __init__(self, kind: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setValidator(QRegularExpressionValidator(QRegularExpression(_PATTERNS[kind]), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedWidth(_WIDTHS[kind])
        self.setClearButtonEnabled(False)

    def value(self) -> int | Decimal | None:
        text = self.text()
        if self.kind == Figure.MONEY:
            return parse_yuan(text)
        if self.kind == Figure.PERCENT:
            return parse_percent(text)
        if self.kind == Figure.COUNT:
            return parse_count(text)
        return _number(text)

    def set_value(self, value: int | Decimal | None) -> None:
        if self.kind == Figure.MONEY:
            self.setText(yuan_text(value))  # type: ignore[arg-type]
        elif self.kind == Figure.PERCENT:
            self.setText(percent_text(value))  # type: ignore[arg-type]
        else:
            self.setText(plain(value))


def with_unit(field: QWidget, prefix: str = "", suffix: str = "") -> QWidget:
    """The field with its unit beside it (¥ before money; %, days, times after)."""
    row = QWidget()
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(4)
    if prefix:
        box.addWidget(QLabel(prefix))
    box.addWidget(field)
    if suffix:
        unit = QLabel(suffix)
        unit.setStyleSheet("color: #555;")
        box.addWidget(unit)
    box.addStretch(1)
    return row


class ChoiceEdit(QComboBox):
    """A combo box of known values the officer may also type past (industry, region, bank)."""

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        self.addItems(list(choices))
        self.setCurrentIndex(0)

    def text(self) -> str:
        return self.currentText().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.setCurrentText(text or "")


class TriState(QComboBox):
    """Yes / no / not known, for a flag the platform may not have reported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Not known"), None)
        self.addItem(self.tr("Yes"), True)
        self.addItem(self.tr("No"), False)

    def value(self) -> bool | None:
        data = self.currentData()
        return None if data is None else bool(data)

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex(0 if value is None else (1 if value else 2))


class OrdersTable(QWidget):
    """The orders offered for an order loan (R4): a small table the officer fills or pastes.

    Few rows (an order loan rests on tens of orders, not thousands), so items suffice.
    ``orders()`` returns the orders and, per row, a problem text for an amount that is no
    money or a row without an order number.
    """

    FLAGS = (
        "shipped",
        "paid_out",
        "refunded",
        "disputed",
        "buyer_linked_to_seller",
        "fake_trading_sign",
    )

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2 + len(self.FLAGS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Order no."),
                self.tr("Amount (¥)"),
                self.tr("Shipped"),
                self.tr("Paid\nout"),
                self.tr("Refunded"),
                self.tr("Disputed"),
                self.tr("Buyer\nlinked"),
                self.tr("Fake\ntrading"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.horizontalHeaderItem(7).setToolTip(
            self.tr("The platform's checks suspect fake trading (刷单) on this order")
        )
        self.table.horizontalHeaderItem(6).setToolTip(
            self.tr("The buyer is linked to the seller (same owner, address or device)")
        )
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(self.tr("Add order"))
        self.remove_button = QPushButton(self.tr("Remove order"))
        self.add_button.clicked.connect(lambda: self.add_order())
        self.remove_button.clicked.connect(self.remove_selected)
        self.total = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_order(self, order: Order | None = None) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(order.order_no if order else ""))
        amount = QTableWidgetItem(yuan_text(order.amount_fen) if order else "")
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 1, amount)
        for col, flag in enumerate(self.FLAGS, start=2):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            on = getattr(order, flag) if order else flag == "shipped"
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        if order is None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()

    def mark_cells(self, problems: dict[tuple[int, int], str]) -> None:
        """Tint the cells with a problem ((row, column) -> why); clear the others."""
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for col in (0, 1):
                item = self.table.item(row, col)
                if item is None:
                    continue
                why = problems.get((row, col))
                item.setBackground(QColor("#fde0e0") if why else QColor(0, 0, 0, 0))
                item.setToolTip(why or "")
        self.table.blockSignals(False)

    def set_orders(self, orders: tuple[Order, ...]) -> None:
        self.table.setRowCount(0)
        for order in orders:
            self.add_order(order)

    def orders(self) -> tuple[tuple[Order, ...], list[tuple[int, str]]]:
        """The rows as orders, and (row, "amount"|"order_no") for each row that is not one."""
        orders: list[Order] = []
        bad: list[tuple[int, str]] = []
        total = 0
        for row in range(self.table.rowCount()):
            number = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            amount_text = self.table.item(row, 1).text() if self.table.item(row, 1) else ""
            try:
                amount = parse_yuan(amount_text)
            except ValueError:
                amount = None
            if amount is None:
                bad.append((row, "amount"))
                continue
            if not number:
                bad.append((row, "order_no"))
            flags = {
                flag: self.table.item(row, col).checkState() == Qt.CheckState.Checked
                for col, flag in enumerate(self.FLAGS, start=2)
            }
            orders.append(Order(number, amount, **flags))
            total += amount
        self.total.setText(
            self.tr("{n} order(s), {total}").format(n=len(orders), total=format_fen(total))
            if orders
            else ""
        )
        return tuple(orders), bad


class TopCustomers(QWidget):
    """The two largest downstream customers (R12): name, years of cooperation, share of sales."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        for col, title in enumerate((self.tr("Customer"), self.tr("Years"), self.tr("Share"))):
            label = QLabel(title)
            label.setStyleSheet("color: #555;")
            grid.addWidget(label, 0, col)
        self.names: list[QLineEdit] = []
        self.years: list[FigureEdit] = []
        self.shares: list[FigureEdit] = []
        for row in range(2):
            name = QLineEdit()
            name.setPlaceholderText(self.tr("Largest buyer") if row == 0 else self.tr("Second"))
            name.setMinimumWidth(160)
            years = FigureEdit(Figure.COUNT)
            years.setFixedWidth(50)
            share = FigureEdit(Figure.PERCENT)
            grid.addWidget(name, row + 1, 0)
            grid.addWidget(years, row + 1, 1)
            grid.addWidget(with_unit(share, suffix="%"), row + 1, 2)
            for edit in (name, years, share):
                edit.textChanged.connect(lambda _text: self.changed.emit())
            self.names.append(name)
            self.years.append(years)
            self.shares.append(share)
        grid.setColumnStretch(0, 1)

    def edits(self, row: int) -> tuple[QLineEdit, FigureEdit, FigureEdit]:
        return self.names[row], self.years[row], self.shares[row]

    def customers(self) -> tuple[tuple[DownstreamCustomer, ...], list[tuple[int, str]]]:
        """The rows filled in, and (row, "years"|"share_of_sales") for each figure missing
        or not a number: a named customer needs both."""
        found: list[DownstreamCustomer] = []
        bad: list[tuple[int, str]] = []
        for row in range(2):
            name, years_edit, share_edit = self.edits(row)
            if not (name.text().strip() or years_edit.text() or share_edit.text()):
                continue
            try:
                years = parse_count(years_edit.text())
            except ValueError:
                years = None
            try:
                share = parse_percent(share_edit.text())
            except ValueError:
                share = None
            if years is None:
                bad.append((row, "years"))
            if share is None:
                bad.append((row, "share_of_sales"))
            if years is not None and share is not None:
                found.append(DownstreamCustomer(name.text().strip(), years, share))
        return tuple(found), bad

    def set_customers(self, customers: tuple[DownstreamCustomer, ...]) -> None:
        for row in range(2):
            name, years, share = self.edits(row)
            customer = customers[row] if row < len(customers) else None
            name.setText(customer.name if customer else "")
            years.set_value(customer.years if customer else None)
            share.set_value(customer.share_of_sales if customer else None)
