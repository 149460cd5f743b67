"""The rebuilt statement (R24) as the investigator reads it: the flags first, the R12 figures
declared / rebuilt / adjusted side by side, the two largest customers and the meter, the
twelve months, and the charts.

Double-clicking any rebuilt money figure (a month's cell, a total, annual sales or cost, a
customer) opens the lines behind it down to the original file's line. The charts module
(and matplotlib) is imported the first time the panel is shown with a statement.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.rebuild import NOT_COUNTED, Excluded, RebuiltStatement
from workstation.domain.rebuild_checks import RISK_FLAGS
from workstation.services.statements import CaseStatement
from workstation.ui.common import format_fen, format_time, message_text, translate
from workstation.ui.decision_tab import format_percent
from workstation.ui.investigation_text import MUTED_COLOR, banner, heading, paint_banner
from workstation.ui.rebuilt_models import (
    FIGURE_NAMES,
    ComparisonModel,
    CustomersModel,
    MonthsModel,
)
from workstation.ui.trace_dialog import OpenOriginal, TraceDialog


def fitted_table(model: Any, parent: QWidget) -> QTableView:
    """A table as tall as its rows (no inner scrolling), its columns fitted."""
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fit_height(table: QTableView) -> None:
    rows = table.model().rowCount()
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows))
    scroll = table.horizontalScrollBar()
    if scroll.isVisible():
        height += scroll.height()
    table.setFixedHeight(height + 2)


class RebuiltPanel(QWidget):
    """One rebuilt statement on screen; ``show_statement`` replaces it."""

    def __init__(
        self,
        open_original: OpenOriginal | None = None,
        adjust: Callable[[], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_original = open_original
        self._adjust = adjust
        self.source: CaseStatement | None = None
        self.statement: RebuiltStatement | None = None
        self.chart: Any = None  # RebuiltCharts, built on first show
        self.dialog: TraceDialog | None = None
        self._build()

    def _build(self) -> None:
        self.status = QLabel(self.tr("No statement or bill has been uploaded yet."))
        self.status.setObjectName("rebuiltStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {MUTED_COLOR};")
        self.flags = banner("rebuiltFlags")
        self.comparison_model = ComparisonModel(self)
        self.comparison = fitted_table(self.comparison_model, self)
        self.comparison.verticalHeader().setVisible(False)
        self.comparison.horizontalHeader().setStretchLastSection(False)
        self.comparison.doubleClicked.connect(self._comparison_clicked)
        self.adjust_button = QPushButton(self.tr("Adjust…"))
        self.adjust_button.setObjectName("adjust")
        self.adjust_button.setToolTip(
            self.tr("Store officer-adjusted figures with a reason; scoring then uses them")
        )
        self.adjust_button.setVisible(self._adjust is not None)
        if self._adjust is not None:
            self.adjust_button.clicked.connect(self._adjust)
        self.adjusted_note = QLabel()
        self.adjusted_note.setObjectName("adjustedNote")
        self.adjusted_note.setWordWrap(True)
        self.adjusted_note.setStyleSheet(f"color: {MUTED_COLOR};")
        self.customers_model = CustomersModel(self)
        self.customers = fitted_table(self.customers_model, self)
        self.customers.verticalHeader().setVisible(False)
        self.customers.doubleClicked.connect(self._customer_clicked)
        self.meter = QLabel()
        self.meter.setObjectName("meter")
        self.meter.setWordWrap(True)
        self.months_model = MonthsModel(self)
        self.months = fitted_table(self.months_model, self)
        self.months.horizontalHeader().setStretchLastSection(False)
        self.months.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.months.horizontalHeader().setMinimumSectionSize(78)
        self.months.doubleClicked.connect(self._month_clicked)
        self.months_note = QLabel(
            self.tr(
                "Net cash flow = revenue − operating cost − personal spending + other in − out. "
                "Own transfers and loans are in no row: they are financing, not business "
                "income or cost. Each figure is rounded to the yuan, so a total may differ by "
                "1 from its rows; its tooltip has it to the fen."
            )
        )
        self.months_note.setObjectName("monthsNote")
        self.months_note.setWordWrap(True)
        self.months_note.setStyleSheet(f"color: {MUTED_COLOR};")
        self.chart_place = QVBoxLayout()
        self.footnote = QLabel()
        self.footnote.setObjectName("rebuiltFootnote")
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet(f"color: {MUTED_COLOR};")

        figures = QWidget()
        left = QVBoxLayout(figures)
        left.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("R12 figures: declared, rebuilt, adjusted")))
        top.addStretch(1)
        top.addWidget(self.adjust_button)
        left.addLayout(top)
        left.addWidget(self.comparison)
        left.addWidget(self.adjusted_note)
        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Largest customers")))
        right.addWidget(self.customers)
        right.addWidget(heading(self.tr("Meter check")))
        right.addWidget(self.meter)
        right.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(figures, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setHorizontalSpacing(24)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        body.addWidget(self.flags)
        body.addLayout(grid)
        body.addWidget(
            heading(self.tr("Twelve months, in yuan (double-click a figure for its lines)"))
        )
        body.addWidget(self.months)
        body.addWidget(self.months_note)
        body.addLayout(self.chart_place)
        body.addWidget(self.footnote)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.body.hide()

    # -- showing --------------------------------------------------------------------------

    def show_statement(self, source: CaseStatement | None, may_adjust: bool = False) -> None:
        """Show the case's rebuilt statement (None: not read yet)."""
        self.source = source
        statement = source.statement if source is not None and source.documents else None
        self.statement = statement
        self.adjust_button.setVisible(self._adjust is not None and may_adjust)
        self.adjust_button.setEnabled(statement is not None)
        self.body.setVisible(statement is not None)
        self.status.setVisible(statement is None)
        adjustment = source.adjustment if source is not None and statement is not None else None
        self.comparison_model.set_statement(statement, adjustment is not None)
        for model in (self.customers_model, self.months_model):
            model.set_statement(statement)
        if statement is None:
            return
        self._show_flags(statement)
        self._show_meter(statement)
        self.adjusted_note.setVisible(adjustment is not None)
        if adjustment is not None:
            self.adjusted_note.setText(
                self.tr("Adjusted (version {version}) by {who} at {when}: {reason}").format(
                    version=adjustment.version, who=adjustment.by,
                    when=format_time(adjustment.at), reason=adjustment.reason,
                )
            )  # fmt: skip
        self.footnote.setText(self.footnote_text(statement))
        for table in (self.comparison, self.customers, self.months):
            table.resizeColumnsToContents()
            table.resizeRowsToContents()
            fit_height(table)
        if self.isVisible():
            self._draw_chart()

    def _show_flags(self, statement: RebuiltStatement) -> None:
        risky = [f for f in statement.flags if f.kind in RISK_FLAGS]
        other = [f for f in statement.flags if f.kind not in RISK_FLAGS]
        if not statement.flags:
            self.flags.setText(
                html.escape(self.tr("No gap or meter flag: the bills bear out what was declared."))
            )
            paint_banner(self.flags, "ok")
            return
        items = "".join(
            f"<li>{'⚠ ' if f in risky else ''}{html.escape(message_text(f.message))}</li>"
            for f in (*risky, *other)
        )
        title = (
            self.tr("Flagged — check these before recommending:")
            if risky
            else self.tr("Read with care:")
        )
        self.flags.setText(
            f"<b>{html.escape(title)}</b><ul style='margin:4px 0 0 -20px'>{items}</ul>"
        )
        paint_banner(self.flags, "block" if risky else "warn")

    def _show_meter(self, statement: RebuiltStatement) -> None:
        meter = statement.meter
        if meter.sales_ratio is None or meter.power_ratio is None:
            text = self.tr(
                "Not enough electricity bills to check: at least two whole months are needed "
                "in each half of the year."
            )
            style = f"color: {MUTED_COLOR};"
        else:
            text = self.tr(
                "Second half against the first: sales ×{sales}, electricity ×{power}."
            ).format(sales=meter.sales_ratio, power=meter.power_ratio)
            if meter.flagged:
                text += " " + self.tr("The meter does not bear out the sales.")
                style = "color: #c62828; font-weight: bold;"
            else:
                text += " " + self.tr("Consistent.")
                style = ""
        self.meter.setText(text)
        self.meter.setStyleSheet(style)

    def footnote_text(self, statement: RebuiltStatement) -> str:
        counts = statement.excluded_counts()
        parts = [
            self.tr("{files} file(s), {lines} line(s)").format(
                files=len(statement.files), lines=len(statement.lines)
            )
        ]
        left_out = (
            (Excluded.UNPAID, self.tr("{n} unpaid or closed")),
            (Excluded.OVERLAP, self.tr("{n} in overlapping statements")),
            (Excluded.SAME_PAYMENT, self.tr("{n} the same payment in an app and a bank")),
            (Excluded.OUTSIDE, self.tr("{n} outside the 12 months")),
        )
        shown = [text.format(n=counts[kind]) for kind, text in left_out if counts[kind]]
        excluded = {e.index for e in statement.exclusions}.union(statement.outside)
        financing = sum(
            1
            for i, c in enumerate(statement.classes)
            if c.category in NOT_COUNTED and i not in excluded
        )
        if financing:  # as the classification tab marks them (found in the walk-through)
            shown.append(self.tr("{n} loans or own transfers (financing)").format(n=financing))
        if shown:
            parts.append(self.tr("left out: {parts}").format(parts=", ".join(shown)))
        if statement.pairs:
            parts.append(
                self.tr("{n} transfer(s) between own accounts matched").format(
                    n=len(statement.pairs)
                )
            )
        for repeated, first in statement.repeated_files:
            parts.append(
                self.tr("{file} repeats {first} and counts once").format(file=repeated, first=first)
            )
        if statement.financials.sales_growth is not None and statement.growth_basis:
            basis = (
                self.tr("year on year")
                if statement.growth_basis == "year_on_year"
                else self.tr("last six months against the six before, as a year")
            )
            parts.append(
                self.tr("sales growth {growth} ({basis})").format(
                    growth=format_percent(statement.financials.sales_growth, 1), basis=basis
                )
            )
        return " · ".join(parts)

    # -- the lines behind a figure --------------------------------------------------------

    def _month_clicked(self, index: QModelIndex) -> None:
        model = self.months_model
        fen = model.cell_fen(index.row(), index.column())
        self.open_lines(
            model.lines_behind(index.row(), index.column()),
            model.cell_title(index.row(), index.column()),
            format_fen(fen) if fen is not None else str(model.data(index)),
            fen,
        )

    def _comparison_clicked(self, index: QModelIndex) -> None:
        model = self.comparison_model
        if not 0 <= index.row() < len(model.rows):
            return
        row = model.rows[index.row()]
        self.open_lines(
            model.lines_behind(index.row()),
            self.tr("{figure}, rebuilt").format(
                figure=self.tr_figure(row.name),
            ),
            str(model.data(model.index(index.row(), 2))),
            row.rebuilt if isinstance(row.rebuilt, int) else None,
        )

    def _customer_clicked(self, index: QModelIndex) -> None:
        model = self.customers_model
        name = str(model.data(model.index(index.row(), 0)))
        self.open_lines(
            model.lines_behind(index.row()),
            self.tr("Sales to {customer}").format(customer=name),
            str(model.data(model.index(index.row(), 1))),
            model.statement.top_customers[index.row()].sales_fen if model.statement else None,
        )

    @staticmethod
    def tr_figure(name: str) -> str:
        return translate("ComparisonModel", FIGURE_NAMES.get(name, name))

    def open_lines(
        self, positions: tuple[int, ...], title: str, figure: str, figure_fen: int | None = None
    ) -> TraceDialog | None:
        """The lines behind a figure, in a dialog (not blocking; returned for tests)."""
        if self.source is None or not positions:
            return None
        dialog = TraceDialog(
            self.source, positions, title, figure, self._open_original, self, figure_fen
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- the charts, built on first show --------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.statement is not None:
            self._draw_chart()

    def _draw_chart(self) -> None:
        from workstation.ui.rebuilt_chart import MonthPoint, RebuiltCharts, VersionBars, yuan

        statement = self.statement
        if statement is None:
            return
        if self.chart is None:
            self.chart = RebuiltCharts(self)
            self.chart_place.addWidget(self.chart)
        months = [
            MonthPoint(
                m.month.strftime("%Y-%m"),
                m.revenue_fen / 100,
                float(m.electricity_kwh) if m.electricity_kwh is not None else None,
                m.covered,
            )
            for m in statement.months
        ]
        scoring = self.comparison_model
        versions = [
            VersionBars(
                self.tr_figure(c.name),
                (yuan(c.declared), yuan(c.rebuilt), yuan(scoring.scored(c))),  # type: ignore[arg-type]
                c.flagged,
                scoring.as_declared(c),
            )
            for c in statement.comparison
            if c.name.endswith("_fen")
        ]
        self.chart.show_statement(
            months,
            versions,
            {
                "revenue": self.tr("Revenue"),
                "power": self.tr("Electricity"),
                "revenue_axis": self.tr("revenue, CNY"),
                "power_axis": self.tr("electricity, kWh"),
                "months_title": self.tr("Monthly revenue and electricity use"),
                "versions_title": self.tr("Declared, rebuilt, adjusted (CNY)"),
                "versions_axis": self.tr("CNY"),
                "declared": self.tr("Declared"),
                "rebuilt": self.tr("Rebuilt"),
                "adjusted": self.tr("Adjusted"),
                "no_power": self.tr("no electricity bill covers these months"),
                "uncovered": self.tr("no statement for the month"),
            },
        )
