"""The portfolio tab (R30), for supervisors and finance: the loan book by overdue class, the
overdue and non-performing ratios, each product's share of them, and the loans of a class.

The book is read on the background reader (one pass over the loans table, no ledger); the
loans of a class are held as ids with their balance and days past due, and each block's case
rows (business, stage, risk, officer) are fetched when the list first shows them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.portfolio import Book, ClassLine, ProductLine, day_range
from workstation.domain.postings import OverdueClass
from workstation.services import pipeline, portfolio
from workstation.services.context import Context, Session
from workstation.services.portfolio import BookView, Member
from workstation.store.board import CaseListRow
from workstation.ui.common import (
    BREACH_COLOR,
    RISK_COLORS,
    format_fen,
    message_text,
    product_label,
    risk_label,
    stage_label,
    translate,
)
from workstation.ui.table_model import AnyIndex, HeaderedTableModel, RowsTableModel, list_view
from workstation.ui.tasks import Background

BLOCK = 50  # case rows fetched together when the list first shows one of them
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CLASS_COLORS: dict[OverdueClass | None, str] = {
    None: "#90a4ae",
    OverdueClass.M1: "#f9a825",
    OverdueClass.M2: "#ef6c00",
    OverdueClass.M3: "#d84315",
    OverdueClass.M3_PLUS: "#b71c1c",
}


def percent(ratio: Decimal | None) -> str:
    return "—" if ratio is None else f"{ratio * 100:.2f} %"


def class_name(cls: OverdueClass | None) -> str:
    return translate("PortfolioView", "Current") if cls is None else cls.value


def class_days(cls: OverdueClass | None) -> str:
    low, high = day_range(cls)
    if cls is None:
        return translate("PortfolioView", "not past due")
    if high is None:
        return translate("PortfolioView", "over {days} days").format(days=low - 1)
    return translate("PortfolioView", "{low}–{high} days").format(low=low, high=high)


class ClassModel(RowsTableModel):
    """A line per overdue class of the book."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ClassModel", "Class"),
        QT_TRANSLATE_NOOP("ClassModel", "Days past due"),
        QT_TRANSLATE_NOOP("ClassModel", "Loans"),
        QT_TRANSLATE_NOOP("ClassModel", "Outstanding principal"),
        QT_TRANSLATE_NOOP("ClassModel", "Share of the book"),
    )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line: ClassLine = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return class_name(line.overdue_class)
            if col == 1:
                return class_days(line.overdue_class)
            if col == 2:
                return f"{line.loans:,}"
            if col == 3:
                return format_fen(line.principal_fen)
            return percent(line.share)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QColor(CLASS_COLORS[line.overdue_class])
        return None


class ProductModel(RowsTableModel):
    """A line per product: its balance, how much of it is late, how much non-performing."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ProductModel", "Product"),
        QT_TRANSLATE_NOOP("ProductModel", "Loans"),
        QT_TRANSLATE_NOOP("ProductModel", "Outstanding principal"),
        QT_TRANSLATE_NOOP("ProductModel", "Overdue (M1+)"),
        QT_TRANSLATE_NOOP("ProductModel", "Overdue ratio"),
        QT_TRANSLATE_NOOP("ProductModel", "Non-performing (M3+)"),
        QT_TRANSLATE_NOOP("ProductModel", "Non-performing ratio"),
    )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line: ProductLine = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                product_label(line.product),
                f"{line.loans:,}",
                format_fen(line.principal_fen),
                format_fen(line.overdue_fen),
                percent(line.overdue_ratio),
                format_fen(line.non_performing_fen),
                percent(line.non_performing_ratio),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return RIGHT
        return None


class BookLoansModel(HeaderedTableModel):
    """The loans of one class, latest first: balances known, case rows fetched by block."""

    HEADERS = (
        QT_TRANSLATE_NOOP("BookLoansModel", "Case"),
        QT_TRANSLATE_NOOP("BookLoansModel", "Business"),
        QT_TRANSLATE_NOOP("BookLoansModel", "Stage"),
        QT_TRANSLATE_NOOP("BookLoansModel", "Risk"),
        QT_TRANSLATE_NOOP("BookLoansModel", "Officer"),
        QT_TRANSLATE_NOOP("BookLoansModel", "Outstanding principal"),
        QT_TRANSLATE_NOOP("BookLoansModel", "Days past due"),
    )
    blockArrived = Signal()  # noqa: N815 - Qt naming

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.members: tuple[Member, ...] = ()
        self._rows: dict[int, CaseListRow] = {}
        self._pending: set[int] = set()
        self._generation = 0

    def set_members(self, members: tuple[Member, ...]) -> None:
        self.beginResetModel()
        self._generation += 1
        self.members, self._pending = members, set()
        self.endResetModel()

    def forget_rows(self) -> None:
        """The cases may have moved: read their rows again when next shown."""
        self._rows.clear()

    def row_count(self) -> int:
        return len(self.members)

    def case_id(self, row: int) -> int | None:
        return self.members[row].case_id if 0 <= row < len(self.members) else None

    def _fetch_block(self, row: int) -> None:
        block = row // BLOCK
        if block in self._pending:
            return
        self._pending.add(block)
        ids = [m.case_id for m in self.members[block * BLOCK : (block + 1) * BLOCK]]
        generation = self._generation

        def arrived(rows: dict[int, CaseListRow]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # another class was chosen, or the view closed, while this was read
            self._rows.update(rows)
            first, last = block * BLOCK, min(len(self.members), (block + 1) * BLOCK) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            self.blockArrived.emit()

        self._background.read(lambda ctx: pipeline.case_list_rows(ctx, ids), arrived)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.members):
            return None
        member = self.members[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return member.case_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5, 6):
            return RIGHT
        if col in (0, 5, 6):  # known without the case row
            if role != Qt.ItemDataRole.DisplayRole:
                if role == Qt.ItemDataRole.ForegroundRole and col == 6 and member.days_past_due:
                    return BREACH_COLOR
                return None
            if col == 0:
                return str(member.case_id)
            if col == 5:
                return format_fen(member.principal_fen)
            return str(member.days_past_due) if member.days_past_due else "·"
        row = self._rows.get(member.case_id)
        if row is None:
            self._fetch_block(index.row())
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 1:
                return row.business_name
            if col == 2:
                return stage_label(row.stage)
            if col == 3:
                return risk_label(row.risk)
            return row.officer or translate("BookLoansModel", "— queue —")
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return RISK_COLORS.get(row.risk)
        return None


class BookChart(QWidget):
    """Outstanding principal by class, a bar each (matplotlib, loaded with the tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from workstation.ui.contribution_chart import use_cjk_font

        use_cjk_font()
        self.figure = Figure(figsize=(4.6, 2.6), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def show_book(self, book: Book, title: str, axis: str) -> None:
        self.figure.clear()
        ax = self.figure.add_subplot()
        lines = book.classes
        names = [class_name(c.overdue_class) for c in lines]
        values = [c.principal_fen / 100 / 10_000 for c in lines]  # 万元: drawing only
        bars = ax.bar(names, values, color=[CLASS_COLORS[c.overdue_class] for c in lines])
        for bar, line in zip(bars, lines, strict=True):
            if line.loans:
                ax.annotate(
                    percent(line.share),
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    xytext=(0, 2),
                    textcoords="offset points",
                )
        ax.set_title(title, fontsize=10, loc="left")
        ax.set_ylabel(axis, fontsize=9)
        ax.tick_params(labelsize=8)
        ax.set_ylim(0, max(values, default=0) * 1.18 or 1)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="y", color="#eceff1", zorder=0)
        ax.set_axisbelow(True)
        self.canvas.draw_idle()


class PortfolioView(QWidget):
    """The loan book by overdue class; double-click a loan to open its case."""

    caseActivated = Signal(int)  # noqa: N815 - Qt naming
    refreshed = Signal()  # the book on screen is fresh

    def __init__(
        self, ctx: Context, session: Session, background: Background, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self._generation = 0
        self.view: BookView | None = None
        self._chosen_row: int | None = None  # the class the officer picked (rows never move)
        self._selecting = False  # the view selects a class itself: not the officer's pick
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.basis = QLabel()
        self.basis.setStyleSheet("color: #546e7a;")
        self.basis.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)

        self.figures: dict[str, QLabel] = {}
        tiles = QGridLayout()
        titles = (
            ("loans", self.tr("Loans outstanding")),
            ("principal", self.tr("Outstanding principal")),
            ("overdue", self.tr("Overdue (M1+)")),
            ("npl", self.tr("Non-performing (M3+, over 90 days)")),
        )
        for column, (key, title) in enumerate(titles):
            caption = QLabel(title)
            caption.setStyleSheet("color: #546e7a;")
            value = QLabel("…")
            value.setStyleSheet("font-size: 17px; font-weight: bold;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            tiles.addWidget(caption, 0, column)
            tiles.addWidget(value, 1, column)
            self.figures[key] = value

        self.classes = ClassModel(self)
        self.classes_view = _table(self.classes)
        self.classes_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.classes_view.selectionModel().selectionChanged.connect(self._class_chosen)
        self.products = ProductModel(self)
        self.products_view = _table(self.products)
        self.products_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.chart = BookChart()
        self.classes_view.horizontalHeader().setStretchLastSection(True)
        self.classes_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.products_view.horizontalHeader().setStretchLastSection(True)
        tables = QVBoxLayout()
        tables.addWidget(QLabel(self.tr("By overdue class (R30) — choose one to list its loans")))
        tables.addWidget(self.classes_view)
        tables.addStretch(1)
        side = QHBoxLayout()
        side.addLayout(tables, 1)
        side.addWidget(self.chart, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(side, 1)
        upper_layout.addWidget(QLabel(self.tr("By product")))
        upper_layout.addWidget(self.products_view)

        self.loans = BookLoansModel(self._background, self)
        self.loans_view = _table(self.loans)
        header = self.loans_view.horizontalHeader()
        header.setResizeContentsPrecision(0)  # size columns on the rows shown: keep it lazy
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.loans_view.doubleClicked.connect(self._activate)
        self.loans_box = QGroupBox()
        loans_layout = QVBoxLayout(self.loans_box)
        loans_layout.addWidget(self.loans_view)

        self.error = QLabel()
        self.error.setStyleSheet(f"color: {BREACH_COLOR.name()};")
        self.error.setWordWrap(True)
        self.error.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.loans_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.basis)
        layout.addLayout(tiles)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the book again (off the GUI thread)."""
        self._generation += 1
        generation, session = self._generation, self._session
        self._background.read(
            lambda ctx: portfolio.loan_book(ctx, session),
            lambda view: self._arrived(generation, view),
            self._failed,
        )

    def _arrived(self, generation: int, view: BookView) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.error.hide()
        self.view = view
        book = view.book
        self.heading.setText(self.tr("The loan book on {day}").format(day=_day(book.on)))
        if view.closed_through is None:
            self.basis.setText(
                self.tr(
                    "No close of day has run yet: counted from the last payment or draw of "
                    "each loan."
                )
            )
        else:
            self.basis.setText(
                self.tr(
                    "Arrears as the close of day of {day} found them; days past due counted to "
                    "{today}. Balances are outstanding principal."
                ).format(day=_day(view.closed_through), today=_day(book.on))
            )
        self.figures["loans"].setText(f"{book.loans:,}")
        self.figures["principal"].setText(format_fen(book.principal_fen))
        self.figures["overdue"].setText(
            f"{format_fen(book.overdue_fen)}  ({percent(book.overdue_ratio)})"
        )
        self.figures["npl"].setText(
            f"{format_fen(book.non_performing_fen)}  ({percent(book.non_performing_ratio)})"
        )
        self.figures["npl"].setStyleSheet(
            "font-size: 17px; font-weight: bold;"
            + (f" color: {BREACH_COLOR.name()};" if book.non_performing_fen else "")
        )
        self.classes.set_rows(book.classes)
        self.products.set_rows(book.products)
        for view_ in (self.classes_view, self.products_view):
            _fit_height(view_)
        self.chart.show_book(
            book, self.tr("Outstanding principal by class"), self.tr("10,000 yuan")
        )
        self.loans.forget_rows()
        # until the officer picks a class, the worst one holding loans is listed
        row = _first_late(book) if self._chosen_row is None else self._chosen_row
        self._selecting = True
        self.classes_view.selectRow(row)
        self._selecting = False
        self._show_class(book.classes[row].overdue_class)
        self.refreshed.emit()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        text = message_text(error.message) if isinstance(error, RuleError) else str(error)
        self.error.setText(self.tr("The loan book could not be read: {error}").format(error=text))
        self.error.show()

    # -- choosing -------------------------------------------------------------------------

    def chosen_class(self) -> OverdueClass | None:
        rows = self.classes_view.selectionModel().selectedRows()
        if not rows or self.view is None:
            return None
        return self.view.book.classes[rows[0].row()].overdue_class

    def _class_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self.view is None or not selected.indexes() or self._selecting:
            return
        self._chosen_row = selected.indexes()[0].row()
        self._show_class(self.view.book.classes[self._chosen_row].overdue_class)

    def _show_class(self, cls: OverdueClass | None) -> None:
        assert self.view is not None
        members = self.view.members.get(cls, ())
        self.loans.set_members(members)
        self.loans_box.setTitle(
            self.tr("{cls} — loans: {count}, the latest first, then the largest").format(
                cls=class_name(cls), count=f"{len(members):,}"
            )
        )

    def _activate(self, index: QModelIndex) -> None:
        case_id = self.loans.case_id(index.row())
        if case_id is not None:
            self.caseActivated.emit(case_id)


def _first_late(book: Book) -> int:
    """The worst class holding loans (what a supervisor looks at first), else Current."""
    for row in range(len(book.classes) - 1, 0, -1):
        if book.classes[row].loans:
            return row
    return 0


def _day(day: date) -> str:
    return day.isoformat()


def _table(model: HeaderedTableModel) -> QTableView:
    view = list_view(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _fit_height(view: QTableView) -> None:
    """A short table as tall as its rows (and a scroll bar, if it needs one): no empty space."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().sizeHint().height() + 24 * max(rows, 1)
    height += 2 * view.frameWidth()
    if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        height += view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(height)
