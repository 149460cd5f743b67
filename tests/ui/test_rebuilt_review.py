"""Found in review of the Investigation tab (R12, R24): the monthly table adds up to its net
cash flow, its hierarchy is truthful, a line re-classed to loans reads as not counted, the
Adjusted column shows what scoring reads, and the classification tab fits a 1280-px window."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.services.test_rating import good_app
from tests.services.test_statements import _rated_in_investigation
from tests.ui.investigation_helpers import (
    FIXTURES,
    open_tab,
    reread,
    with_statements,
)
from workstation.domain.application import Financials
from workstation.domain.classify import Category
from workstation.services import rescore, statements, uploads
from workstation.ui.investigation_text import MUTED_COLOR
from workstation.ui.rebuilt_models import FIGURE_ROWS, INDENT
from workstation.ui.statement_lines import COLUMNS
from workstation.ui.trace_dialog import TraceDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note
ROW = {r.key: n for n, r in enumerate(FIGURE_ROWS)}
COUNTED, WHY = COLUMNS.index("counted"), COLUMNS.index("basis")


@pytest.fixture
def uploaded(ctx, people) -> int:  # noqa: ANN001
    return with_statements(ctx, people)


def _position(ctx, session, case_id: int, counterparty: str) -> statements.ClassedLine:  # noqa: ANN001
    source = statements.case_statement(ctx, session, case_id)
    found = source.select(statements.LineFilter(counterparty=counterparty))
    return source.line(found[0])


def test_the_monthly_rows_add_up_to_the_net_cash_flow(
    qtbot, ctx, people, background, uploaded
) -> None:
    inv = people["li.inv"]
    # one sale becomes "other" money in, so every row below revenue has something in it
    line = _position(ctx, inv, uploaded, "王**")
    statements.reclass_line(ctx, inv, uploaded, line.sha256, line.line, Category.OTHER)
    _, tab = open_tab(qtbot, ctx, inv, background, uploaded, part=3)
    panel = tab.rebuilt
    months = panel.months_model
    personal, other = ROW["personal"], ROW["other"]
    assert months.headerData(personal, Qt.Orientation.Vertical) == "Personal spending"
    assert months.headerData(other, Qt.Orientation.Vertical) == "Other in − out"
    assert months.cell_fen(personal, 11) == 8_800  # the dinner at 杭州某某餐厅, March 2023
    assert months.cell_fen(other, 11) == 120_000 - 123_400  # 王**'s 1,200.00 re-classed
    for column in range(months.columnCount()):  # every month and the 12-month total
        fen = {key: months.cell_fen(n, column) for key, n in ROW.items()}
        assert fen["net_cash_flow"] == (
            fen["revenue"] - fen["operating_cost"] - fen["personal"] + fen["other"]
        ), column
        parts = ("purchases", "wages", "rent", "utilities", "taxes", "platform_fees")
        assert fen["operating_cost"] == sum(fen[p] for p in parts)
    # the new rows open their lines like the others
    panel._month_clicked(months.index(personal, 11))
    dialog = panel.dialog
    assert isinstance(dialog, TraceDialog)
    assert dialog.model.rowCount() == 1 and dialog.model.total_fen() == -8_800
    dialog.close()
    panel._month_clicked(months.index(other, 12))  # the 12 months
    assert panel.dialog.model.total_fen() == months.cell_fen(other, 12) == -39_078
    assert "personal spending" in panel.months_note.text()


def test_every_part_of_operating_cost_sits_under_it(qtbot, ctx, people, background, uploaded):
    _, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=3)
    months = tab.rebuilt.months_model
    title = {key: months.headerData(n, Qt.Orientation.Vertical) for key, n in ROW.items()}
    parts = ("purchases", "wages", "rent", "utilities", "taxes", "platform_fees")
    assert all(title[p].startswith(INDENT) for p in parts)  # purchases as much as wages
    assert ROW["operating_cost"] < min(ROW[p] for p in parts)  # the heading above its parts
    assert max(ROW[p] for p in parts) - ROW["operating_cost"] == len(parts)
    others = ("revenue", "operating_cost", "personal", "other", "net_cash_flow", "electricity")
    assert not any(title[k].startswith(" ") for k in others)


def test_a_line_reclassed_to_loans_reads_as_not_counted(
    qtbot, ctx, people, background, uploaded
) -> None:
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=2)
    panel = tab.classification
    panel.text.setText("货款")
    panel.apply_filter()
    model = panel.lines_model
    assert model.data(model.index(0, COUNTED)) == "✓"
    panel.lines.selectRow(0)
    dialog = panel.reclass_line()
    assert not dialog.not_counted.isVisibleTo(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("loans"))
    assert dialog.not_counted.isVisibleTo(dialog)  # said before it is done
    reread(qtbot, page, tab, dialog.confirm.click)
    cell = model.index(0, COUNTED)
    assert model.data(cell) == "✗ financing"
    assert "financing, not business income or cost" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == QColor(MUTED_COLOR)
    # the counted / left-out filter agrees with the column
    panel.counted.setCurrentIndex(panel.counted.findData(True))
    assert model.rowCount() == 0
    panel.counted.setCurrentIndex(panel.counted.findData(False))
    assert model.rowCount() == 1
    # an own-account transfer is not counted either
    assert all(
        model.data(model.index(r, COUNTED)) != "✓"
        for r in range(model.rowCount())
        if model.line(r).category is Category.OWN_TRANSFER
    )


def test_the_adjusted_column_shows_what_scoring_reads(qtbot, ctx, people, background) -> None:
    inv = people["li.inv"]
    case_id = _rated_in_investigation(ctx, inv)  # declared figures from its application
    uploads.upload(ctx, inv, case_id, FIXTURES / "alipay.csv")
    page, tab = open_tab(qtbot, ctx, inv, background, case_id, part=3)
    comparison = tab.rebuilt.comparison_model
    names = [r.name for r in comparison.rows]
    margin = names.index("net_profit_margin")
    assert comparison.data(comparison.index(margin, 3)) == "—"  # nothing adjusted yet
    declared = comparison.rows[margin].declared
    assert isinstance(declared, Decimal)
    statements.adjust(ctx, inv, case_id, Financials(annual_sales_fen=90_000_000), "Cash sales")
    reread(qtbot, page, tab, lambda: tab._write(lambda: None))  # the page reads it again
    comparison = tab.rebuilt.comparison_model
    scored = rescore.scored_application(ctx, case_id, good_app()).financials
    cell = comparison.index(margin, 3)
    shown = comparison.data(cell)
    assert scored.net_profit_margin == declared
    assert shown == f"{declared * 100:.1f}% (as declared)"
    assert comparison.data(cell, Qt.ItemDataRole.ForegroundRole) == QColor(MUTED_COLOR)
    tip = comparison.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "scoring reads the declared figure" in tip
    sales = comparison.index(names.index("annual_sales_fen"), 3)
    assert comparison.data(sales) == "¥900,000.00"  # the officer's figure, as before
    assert comparison.data(sales, Qt.ItemDataRole.ForegroundRole) is None
    assert "as declared" not in str(comparison.data(comparison.index(margin, 1)))


def test_the_classification_tab_fits_1280_pixels(qtbot, ctx, people, background, uploaded):
    inv = people["li.inv"]
    line = _position(ctx, inv, uploaded, "王**")
    statements.reclass_line(ctx, inv, uploaded, line.sha256, line.line, Category.LOANS)
    page, tab = open_tab(qtbot, ctx, inv, background, uploaded, part=2)
    assert page.width() == 1280
    panel = tab.classification
    qtbot.waitUntil(lambda: panel._fitted)
    for table in (panel.lines, panel.parties):  # every column in sight, no sideways scroll
        header = table.horizontalHeader()
        widths = sum(header.sectionSize(c) for c in range(header.count()))
        assert widths <= table.viewport().width(), table.objectName()
        assert not table.horizontalScrollBar().isVisible()
    # the money of the counterparty pane is shown whole
    parties = panel.parties
    metrics = parties.fontMetrics()
    for row in range(panel.parties_model.rowCount()):
        text = panel.parties_model.data(panel.parties_model.index(row, 3))
        assert metrics.horizontalAdvance(text) < parties.horizontalHeader().sectionSize(3)
    # the why of a re-classed line is shown whole, the reason in full in its tooltip
    model = panel.lines_model
    rows = [r for r in range(model.rowCount()) if model.line(r).category is Category.LOANS]
    why = model.index(rows[0], WHY)
    assert model.data(why) == "Re-classed"
    assert model.data(why, Qt.ItemDataRole.ToolTipRole).startswith("Re-classed by the officer")
    lines = panel.lines
    width = lines.horizontalHeader().sectionSize(WHY)
    assert lines.fontMetrics().horizontalAdvance(model.data(why)) < width
    place = lines.horizontalHeader().sectionSize(COLUMNS.index("source"))
    assert place >= 150  # the file and place keeps its room


def test_the_footnote_counts_the_financing_lines_the_line_list_marks(
    qtbot, ctx, people, background, uploaded
) -> None:
    """Found in the walk-through: the footnote's "left out" missed loans and own transfers."""
    li = people["li.inv"]
    buyer = statements.lines(ctx, li, uploaded, statements.LineFilter(counterparty="淘宝买家"))[0]
    statements.reclass_line(ctx, li, uploaded, buyer.sha256, buyer.line, Category.LOANS)
    _, tab = open_tab(qtbot, ctx, li, background, uploaded, part=3)
    seen = statements.case_statement(ctx, li, uploaded)
    lines = seen.lines(statements.LineFilter())
    financing = sum(1 for x in lines if not x.counted and x.excluded is None)
    assert financing >= 1
    text = tab.rebuilt.footnote_text(seen.statement)
    assert f"{financing} loans or own transfers (financing)" in text
