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
    """One line of the monthly table: its title, the categories behind it, bold or not,
    indented (a part of the total above it) or not, and what it is, for its tooltip.

    The money rows add up: net cash flow = revenue − operating cost − personal spending
    + other in − out (own transfers and loans are in no row, R24)."""

    key: str
    title: str  # QT_TRANSLATE_NOOP("MonthsModel", …)
    categories: tuple[Category, ...]
    total: bool = False
    part: bool = False  # one of the parts of operating cost, shown indented under it
    about: str = ""  # QT_TRANSLATE_NOOP("MonthsModel", …)


OTHER_IN_OUT = (Category.OTHER, Category.REFUND)  # a refund not matched to a sale stays here

FIGURE_ROWS = (
    FigureRow(
        "revenue", QT_TRANSLATE_NOOP("MonthsModel", "Revenue"), (Category.SALES,), True,
        about=QT_TRANSLATE_NOOP("MonthsModel", "Sales receipts, net of the refunds of sales"),
    ),
    FigureRow(
        "operating_cost", QT_TRANSLATE_NOOP("MonthsModel", "Operating cost (R12)"), COSTS, True,
        about=QT_TRANSLATE_NOOP(
            "MonthsModel", "Purchases and every operating expense: the rows below it"
        ),
    ),
    FigureRow(
        "purchases", QT_TRANSLATE_NOOP("MonthsModel", "Purchases"), (Category.PURCHASES,),
        part=True,
    ),
    FigureRow("wages", QT_TRANSLATE_NOOP("MonthsModel", "Wages"), (Category.WAGES,), part=True),
    FigureRow("rent", QT_TRANSLATE_NOOP("MonthsModel", "Rent"), (Category.RENT,), part=True),
    FigureRow(
        "utilities", QT_TRANSLATE_NOOP("MonthsModel", "Utilities"), (Category.UTILITIES,),
        part=True,
    ),
    FigureRow("taxes", QT_TRANSLATE_NOOP("MonthsModel", "Taxes"), (Category.TAXES,), part=True),
    FigureRow(
        "platform_fees", QT_TRANSLATE_NOOP("MonthsModel", "Platform fees"),
        (Category.PLATFORM_FEES,), part=True,
    ),
    FigureRow(
        "personal", QT_TRANSLATE_NOOP("MonthsModel", "Personal spending"), (Category.PERSONAL,),
        about=QT_TRANSLATE_NOOP(
            "MonthsModel", "The owner's own spending paid from these accounts (money out)"
        ),
    ),
    FigureRow(
        "other", QT_TRANSLATE_NOOP("MonthsModel", "Other in − out"), OTHER_IN_OUT,
        about=QT_TRANSLATE_NOOP(
            "MonthsModel",
            "Money in less money out that is none of the above, with refunds not matched to "
            "a sale",
        ),
    ),
    FigureRow(
        "net_cash_flow", QT_TRANSLATE_NOOP("MonthsModel", "Net cash flow"), COUNTED, True,
        about=QT_TRANSLATE_NOOP(
            "MonthsModel",
            "Revenue − operating cost − personal spending + other in − out; own transfers "
            "and loans are left out (financing, not business income or cost)",
        ),
    ),
    FigureRow("electricity", QT_TRANSLATE_NOOP("MonthsModel", "Electricity (kWh)"), ()),
)  # fmt: skip
INDENT = "    "  # a part of operating cost, in the row's title


def figure_fen(month: MonthFigures, key: str) -> int:
    """A money figure of one month: costs and personal spending as positive numbers (money
    out), other in − out signed; only ``MonthFigures`` cells, so the rows add up to the
    domain's net cash flow."""
    if key == "revenue":
        return month.revenue_fen
    if key == "purchases":
        return month.purchases_fen
    if key == "operating_cost":
        return month.operating_cost_fen
    if key == "net_cash_flow":
        return month.net_cash_flow_fen
    if key == "personal":
        return -month.cell(Category.PERSONAL).fen
    if key == "other":
        return sum(month.cell(kind).fen for kind in OTHER_IN_OUT)
    return month.operating_expenses_fen[Category(key)]


def row_title(row: FigureRow) -> str:
    """The row's title as the table shows it (a part indented under its total)."""
    title = translate("MonthsModel", row.title)
    return INDENT + title if row.part else title


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
            if not 0 <= section < len(FIGURE_ROWS):
                return None
            figure = FIGURE_ROWS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return row_title(figure)
            if role == Qt.ItemDataRole.FontRole and figure.total:
                return _bold()
            if role == Qt.ItemDataRole.ToolTipRole and figure.about:
                return translate("MonthsModel", figure.about)
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
            figure=translate("MonthsModel", FIGURE_ROWS[row].title), when=when
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
    """The R12 figures: declared, rebuilt, adjusted, the gap and its flag (R24).

    Once the officer has adjusted any figure, the Adjusted column is what scoring reads
    (``figures_for_scoring``): the officer's figure, else the declared one, shown grey and
    marked "as declared". Before any adjustment it stays empty ("—")."""

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
        self.adjusted = False  # the officer has adjusted some figure (any version)

    def set_statement(self, statement: RebuiltStatement | None, adjusted: bool = False) -> None:
        """``adjusted``: an adjustment is stored (even one that leaves these figures)."""
        self.beginResetModel()
        self.statement = statement
        self.rows = statement.comparison if statement else ()
        self.adjusted = adjusted or any(r.adjusted is not None for r in self.rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def as_declared(self, row: FigureComparison) -> bool:
        """Scoring reads the declared figure, the officer having adjusted others only."""
        return self.adjusted and row.adjusted is None and row.declared is not None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section == 3
        ):
            return translate(
                "ComparisonModel",
                "What scoring reads: the officer's figure where adjusted, else the declared "
                "one (grey, “as declared”)",
            )
        return super().headerData(section, orientation, role)

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
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and self.as_declared(row):
            return QColor(MUTED_COLOR)
        if role == Qt.ItemDataRole.FontRole and (col == 3 and row.adjusted is not None):
            return _bold()
        if role == Qt.ItemDataRole.FontRole and col == 4 and row.flagged:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and row.name in _TRACED:
            return translate("ComparisonModel", "Double-click to open the lines behind it")
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and self.as_declared(row):
            return translate(
                "ComparisonModel",
                "Not adjusted: scoring reads the declared figure, {value} (R24)",
            ).format(value=figure_text(row.name, row.declared))
        return None

    def scored(self, row: FigureComparison) -> int | Decimal | None:
        """The figure scoring reads once an adjustment exists (else only the adjusted)."""
        if self.as_declared(row):
            return row.declared
        return row.adjusted

    def _text(self, row: FigureComparison, col: int) -> str:
        if col == 0:
            name = FIGURE_NAMES.get(row.name)
            return translate("ComparisonModel", name) if name else row.name
        if col == 3 and self.as_declared(row):
            return translate("ComparisonModel", "{value} (as declared)").format(
                value=figure_text(row.name, row.declared)
            )
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
