"""The rebuilt statement's tables (R24): twelve months of figures, the R12 figures declared
against rebuilt against adjusted, and the largest customers.

Every money cell knows the lines behind it (``lines_behind``), so a double-click opens
them down to the original file's line.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from workstation.domain.classify import Category
from workstation.domain.rebuild import COSTS, NOT_COUNTED, MonthFigures, RebuiltStatement
from workstation.domain.rebuild_checks import FigureComparison
from workstation.ui.common import format_fen, translate
from workstation.ui.decision_tab import format_percent
from workstation.ui.investigation_text import MISSING_COLOR, MUTED_COLOR
from workstation.ui.table_model import HeaderedTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
COUNTED = tuple(c for c in Category if c not in NOT_COUNTED)


@dataclass(frozen=True)
class FigureRow:
    """One line of the monthly table: its title, the categories behind it, bold or not."""

    key: str
    title: str  # QT_TRANSLATE_NOOP("MonthsModel", …)
    categories: tuple[Category, ...]
    total: bool = False


FIGURE_ROWS = (
    FigureRow("revenue", QT_TRANSLATE_NOOP("MonthsModel", "Revenue"), (Category.SALES,), True),
    FigureRow("purchases", QT_TRANSLATE_NOOP("MonthsModel", "Purchases"), (Category.PURCHASES,)),
    FigureRow("wages", QT_TRANSLATE_NOOP("MonthsModel", "  Wages"), (Category.WAGES,)),
    FigureRow("rent", QT_TRANSLATE_NOOP("MonthsModel", "  Rent"), (Category.RENT,)),
    FigureRow("utilities", QT_TRANSLATE_NOOP("MonthsModel", "  Utilities"), (Category.UTILITIES,)),
    FigureRow("taxes", QT_TRANSLATE_NOOP("MonthsModel", "  Taxes"), (Category.TAXES,)),
    FigureRow(
        "platform_fees",
        QT_TRANSLATE_NOOP("MonthsModel", "  Platform fees"),
        (Category.PLATFORM_FEES,),
    ),
    FigureRow(
        "operating_cost", QT_TRANSLATE_NOOP("MonthsModel", "Operating cost (R12)"), COSTS, True
    ),
    FigureRow("net_cash_flow", QT_TRANSLATE_NOOP("MonthsModel", "Net cash flow"), COUNTED, True),
    FigureRow("electricity", QT_TRANSLATE_NOOP("MonthsModel", "Electricity (kWh)"), ()),
)


def figure_fen(month: MonthFigures, key: str) -> int:
    """A money figure of one month; costs as positive numbers (money out)."""
    if key == "revenue":
        return month.revenue_fen
    if key == "purchases":
        return month.purchases_fen
    if key == "operating_cost":
        return month.operating_cost_fen
    if key == "net_cash_flow":
        return month.net_cash_flow_fen
    return month.operating_expenses_fen[Category(key)]


def whole_yuan(fen: int) -> str:
    """Fen as whole yuan for the monthly table, rounded half up: 11436945 -> "114,369"
    (the exact amount is in the cell's tooltip and in its lines)."""
    yuan = (Decimal(fen) / 100).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{yuan:,}"


def format_kwh(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal(1)):,}"


class MonthsModel(HeaderedTableModel):
    """Figures as rows, the 12 months (oldest first) and their total as columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statement: RebuiltStatement | None = None

    def set_statement(self, statement: RebuiltStatement | None) -> None:
        self.beginResetModel()
        self.statement = statement
        self.endResetModel()

    @property
    def months(self) -> tuple[MonthFigures, ...]:
        return self.statement.months if self.statement else ()

    def row_count(self) -> int:
        return len(FIGURE_ROWS) if self.statement else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.statement else len(self.months) + 1

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(FIGURE_ROWS):
                return translate("MonthsModel", FIGURE_ROWS[section].title)
            if role == Qt.ItemDataRole.FontRole and FIGURE_ROWS[section].total:
                return _bold()
            return None
        months = self.months
        if role == Qt.ItemDataRole.DisplayRole:
            if section < len(months):
                return months[section].month.strftime("%Y-%m")
            return translate("MonthsModel", "12 months")
        if role == Qt.ItemDataRole.ToolTipRole and section < len(months):
            if not months[section].covered:
                return translate("MonthsModel", "No statement covers this month")
        if role == Qt.ItemDataRole.ForegroundRole and section < len(months):
            return None if months[section].covered else QColor(MUTED_COLOR)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.statement is None:
            return None
        row, col = FIGURE_ROWS[index.row()], index.column()
        months = self.months
        month = months[col] if col < len(months) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, month)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (row.total or month is None):
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if month is not None and not month.covered:
                return QColor(MUTED_COLOR)
            if row.key == "net_cash_flow" and self._fen(row, month) < 0:
                return QColor(MISSING_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and row.categories:
            count = len(self.lines_behind(index.row(), col))
            return translate(
                "MonthsModel", "{amount}: {n} line(s) — double-click to open them"
            ).format(amount=format_fen(self._fen(row, month)), n=count)
        return None

    def _fen(self, row: FigureRow, month: MonthFigures | None) -> int:
        if month is None:
            return sum(figure_fen(m, row.key) for m in self.months)
        return figure_fen(month, row.key)

    def _text(self, row: FigureRow, month: MonthFigures | None) -> str:
        if row.key == "electricity":
            if month is None:
                known = [m.electricity_kwh for m in self.months if m.electricity_kwh is not None]
                return format_kwh(sum(known, Decimal(0))) if known else "—"
            return format_kwh(month.electricity_kwh)
        if month is not None and not month.covered:
            return "—"
        return whole_yuan(self._fen(row, month))

    def cell_fen(self, row: int, column: int) -> int | None:
        """A money cell's figure in fen (costs positive); None for electricity."""
        if self.statement is None or not 0 <= row < len(FIGURE_ROWS):
            return None
        figure = FIGURE_ROWS[row]
        if not figure.categories:
            return None
        months = self.months
        return self._fen(figure, months[column] if column < len(months) else None)

    def lines_behind(self, row: int, column: int) -> tuple[int, ...]:
        """Positions of the lines behind a cell (the total column: all 12 months)."""
        if self.statement is None or not 0 <= row < len(FIGURE_ROWS):
            return ()
        categories = FIGURE_ROWS[row].categories
        if not categories:
            return ()
        months = self.months
        chosen = months if column >= len(months) else (months[column],)
        return tuple(sorted(i for m in chosen for i in m.rows(*categories)))

    def cell_title(self, row: int, column: int) -> str:
        months = self.months
        when = (
            months[column].month.strftime("%Y-%m")
            if column < len(months)
            else translate("MonthsModel", "12 months")
        )
        return translate("MonthsModel", "{figure}, {when}").format(
            figure=translate("MonthsModel", FIGURE_ROWS[row].title).strip(), when=when
        )


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


FIGURE_NAMES = {
    "annual_sales_fen": QT_TRANSLATE_NOOP("ComparisonModel", "Annual sales"),
    "operating_cost_fen": QT_TRANSLATE_NOOP("ComparisonModel", "Operating cost"),
    "net_profit_margin": QT_TRANSLATE_NOOP("ComparisonModel", "Net profit margin"),
    "sales_growth": QT_TRANSLATE_NOOP("ComparisonModel", "Sales growth"),
}
_TRACED = {"annual_sales_fen": (Category.SALES,), "operating_cost_fen": COSTS}


def figure_text(name: str, value: int | Decimal | None) -> str:
    if value is None:
        return "—"
    if name.endswith("_fen"):
        return format_fen(int(value))
    return format_percent(Decimal(value), 1)


class ComparisonModel(HeaderedTableModel):
    """The R12 figures: declared, rebuilt, adjusted, the gap and its flag (R24)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ComparisonModel", "Figure"),
        QT_TRANSLATE_NOOP("ComparisonModel", "Declared"),
        QT_TRANSLATE_NOOP("ComparisonModel", "Rebuilt"),
        QT_TRANSLATE_NOOP("ComparisonModel", "Adjusted"),
        QT_TRANSLATE_NOOP("ComparisonModel", "Gap (declared vs rebuilt)"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statement: RebuiltStatement | None = None
        self.rows: tuple[FigureComparison, ...] = ()

    def set_statement(self, statement: RebuiltStatement | None) -> None:
        self.beginResetModel()
        self.statement = statement
        self.rows = statement.comparison if statement else ()
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and row.flagged:
            return QColor(MISSING_COLOR)
        if role == Qt.ItemDataRole.FontRole and (col == 3 and row.adjusted is not None):
            return _bold()
        if role == Qt.ItemDataRole.FontRole and col == 4 and row.flagged:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and row.name in _TRACED:
            return translate("ComparisonModel", "Double-click to open the lines behind it")
        return None

    def _text(self, row: FigureComparison, col: int) -> str:
        if col == 0:
            name = FIGURE_NAMES.get(row.name)
            return translate("ComparisonModel", name) if name else row.name
        if col in (1, 2, 3):
            return figure_text(row.name, (row.declared, row.rebuilt, row.adjusted)[col - 1])
        if row.gap is None:
            return (
                translate("ComparisonModel", "⚠ declared, none in the bills") if row.flagged else ""
            )
        signed = format_percent(row.gap, 1)
        text = signed if row.gap < 0 else f"+{signed}"
        return f"⚠ {text}" if row.flagged else text

    def lines_behind(self, row: int) -> tuple[int, ...]:
        if self.statement is None or not 0 <= row < len(self.rows):
            return ()
        categories = _TRACED.get(self.rows[row].name)
        if not categories:
            return ()
        return tuple(sorted(i for m in self.statement.months for i in m.rows(*categories)))


class CustomersModel(HeaderedTableModel):
    """The largest customers by sales over the 12 months, and their share (R12)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CustomersModel", "Customer"),
        QT_TRANSLATE_NOOP("CustomersModel", "Sales"),
        QT_TRANSLATE_NOOP("CustomersModel", "Share"),
        QT_TRANSLATE_NOOP("CustomersModel", "First seen"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statement: RebuiltStatement | None = None

    def set_statement(self, statement: RebuiltStatement | None) -> None:
        self.beginResetModel()
        self.statement = statement
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.statement.top_customers) if self.statement else 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.statement is None:
            return None
        customers = self.statement.top_customers
        if not 0 <= index.row() < len(customers):
            return None
        customer, col = customers[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                customer.name,
                format_fen(customer.sales_fen),
                format_percent(customer.share, 1),
                customer.first_seen.isoformat(),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def lines_behind(self, row: int) -> tuple[int, ...]:
        if self.statement is None or not 0 <= row < len(self.statement.top_customers):
            return ()
        return tuple(sorted(self.statement.top_customers[row].rows))
