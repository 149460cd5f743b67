"""The classification editor and the rebuilt statement as an investigator uses them: a
counterparty re-classed for every case, one line re-classed, the lines behind a figure down
to the file and line (a PDF's as page and row), officer-adjusted figures with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.investigation_helpers import (
    open_tab,
    reread,
    with_statements,
)
from workstation.domain.classify import Category
from workstation.services import statements
from workstation.ui.adjust_dialog import AdjustDialog
from workstation.ui.rebuilt_models import FIGURE_ROWS
from workstation.ui.reclass_dialog import ReclassDialog
from workstation.ui.rules_dialog import RulesDialog
from workstation.ui.trace_dialog import TraceDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note
REVENUE = [r.key for r in FIGURE_ROWS].index("revenue")
PURCHASES = [r.key for r in FIGURE_ROWS].index("purchases")


@pytest.fixture
def uploaded(ctx, people) -> int:  # noqa: ANN001
    return with_statements(ctx, people)


def _rows(model, columns) -> list[list[str]]:  # noqa: ANN001
    return [[model.data(model.index(r, c)) for c in columns] for r in range(model.rowCount())]


def test_a_counterparty_reclassed_for_every_case(
    qtbot, ctx, people, background, uploaded, refusals
) -> None:
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=2)
    panel = tab.classification
    names = [r.name for r in panel.parties_model.rows]
    panel.parties.selectRow(names.index("杭州某某餐厅"))
    assert panel.lines_model.rowCount() == 1  # choosing a counterparty lists its lines
    assert "杭州某某餐厅" in panel.party_filter.text()
    dialog = panel.reclass_counterparty()
    assert isinstance(dialog, ReclassDialog)
    assert dialog.every_line.isChecked() and dialog.remember.isChecked()
    assert "(1 lines)" in dialog.every_line.text()
    assert dialog.category.currentData() == "personal"
    dialog.category.setCurrentIndex(dialog.category.findData("purchases"))
    reread(qtbot, page, tab, dialog.confirm.click)
    assert refusals == []
    remembered = ctx.store.conn.execute(
        "SELECT case_id, category FROM counterparty_classes WHERE counterparty = '杭州某某餐厅'"
    ).fetchall()
    # this case's own class, and remembered for the cases whose files come in from now on
    assert set(remembered) == {(None, "purchases"), (uploaded, "purchases")}
    assert _rows(panel.lines_model, (2, 4, 5)) == [
        ["杭州某某餐厅", "Purchases", "Re-classed (all)"]  # the tooltip says it whole
    ]
    # the rebuilt statement counts it: March purchases 300.00 + the dinner's 88.00
    months = tab.rebuilt.months_model
    assert months.data(months.index(PURCHASES, 11)) == "388"  # whole yuan; exact in the tip
    assert months.data(months.index(PURCHASES, 11), Qt.ItemDataRole.ToolTipRole).startswith(
        "¥388.00: 3 line(s)"
    )


def test_one_line_reclassed_and_back_to_the_rules(
    qtbot, ctx, people, background, uploaded, refusals
) -> None:
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=2)
    panel = tab.classification
    panel.text.setText("货款")
    panel.apply_filter()
    assert _rows(panel.lines_model, (2, 4)) == [["王**", "Sales receipts"]]
    panel.lines.selectRow(0)
    dialog = panel.reclass_line()
    assert dialog.only_line.isChecked() and not dialog.remember.isEnabled()
    dialog.category.setCurrentIndex(dialog.category.findData("loans"))
    reread(qtbot, page, tab, dialog.confirm.click)
    assert _rows(panel.lines_model, (4, 5)) == [["Loans in and out", "Re-classed"]]
    assert panel.text.text() == "货款"  # the filter stays as the officer set it
    panel.lines.selectRow(0)
    dialog = panel.reclass_line()
    dialog.category.setCurrentIndex(dialog.category.count() - 1)  # back to the rules
    reread(qtbot, page, tab, dialog.confirm.click)
    assert _rows(panel.lines_model, (4,)) == [["Sales receipts"]]
    assert refusals == []


def test_the_lines_behind_a_figure_down_to_the_file_and_line(
    qtbot, ctx, people, background, uploaded
) -> None:
    _, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=3)
    panel = tab.rebuilt
    months = panel.months_model
    assert months.headerData(11, Qt.Orientation.Horizontal) == "2023-03"
    cell = months.index(REVENUE, 11)  # March 2023
    assert months.data(cell) == "3,200"  # 王** 1,200.00 + 淘宝买家 2,000.00 (Alipay)
    panel._month_clicked(cell)
    dialog = panel.dialog
    assert isinstance(dialog, TraceDialog)
    lines = _rows(dialog.model, (1, 2, 7))
    assert sorted(lines) == [
        ["¥1,200.00", "王**", "alipay.csv · line 22"],
        ["¥2,000.00", "淘宝买家", "alipay.csv · line 23"],
    ]
    assert dialog.heading.text() == "Revenue, 2023-03: ¥3,200.00 — 2 line(s) summing to ¥3,200.00"
    dialog.close()
    january = months.index(REVENUE, 9)
    panel._month_clicked(january)
    assert _rows(panel.dialog.model, (1, 7)) == [["¥12,500.00", "icbc.pdf · page 1, row 5"]]
    # the 12-month total of sales opens every sale
    panel._comparison_clicked(tab.rebuilt.comparison_model.index(0, 2))
    assert panel.dialog.model.rowCount() == 4
    assert panel.dialog.model.total_fen() == 2_370_000


def test_officer_adjusted_figures_with_a_reason(
    qtbot, ctx, people, background, uploaded, refusals
) -> None:
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=3)
    panel = tab.rebuilt
    assert panel.adjust_button.isVisibleTo(panel)
    assert not panel.adjusted_note.isVisibleTo(panel)
    dialog = tab.adjust()
    assert isinstance(dialog, AdjustDialog)
    # nothing adjusted yet: every field starts empty (as declared); the rebuilt is one click
    assert all(edit.text() == "" for edit in dialog.edits.values())
    assert "23700" in dialog.edits["annual_sales_fen"].placeholderText()
    dialog.use_rebuilt["annual_sales_fen"].click()
    assert dialog.edits["annual_sales_fen"].text() == "23700"
    dialog.edits["annual_sales_fen"].setText("-5")
    assert not dialog.confirm.isEnabled()  # no reason yet
    dialog.reason.setPlainText("Cash sales at the stall are not in the bank statement")
    dialog.confirm.click()  # saved off the GUI thread; the services refuse a negative sales
    assert dialog.saving and not dialog.buttons.isEnabled()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=10_000)
    assert len(refusals) == 1 and dialog.isVisible()  # the input stays for a second try
    assert statements.adjusted_figures(ctx, uploaded) is None
    dialog.edits["annual_sales_fen"].setText("30000")
    refusals.clear()
    reread(qtbot, page, tab, dialog.confirm.click)
    assert refusals == []
    stored = statements.adjusted_figures(ctx, uploaded)
    assert stored is not None and stored.annual_sales_fen == 3_000_000
    comparison = panel.comparison_model
    assert comparison.data(comparison.index(0, 2)) == "¥23,700.00"
    assert comparison.data(comparison.index(0, 3)) == "¥30,000.00"
    assert panel.adjusted_note.isVisibleTo(panel)
    assert "Cash sales at the stall" in panel.adjusted_note.text()
    assert "李调查" in panel.adjusted_note.text()
    # the next adjustment starts from this one's figures, and only those it adjusted
    again = tab.adjust()
    assert isinstance(again, AdjustDialog)
    assert again.edits["annual_sales_fen"].text() == "30000"
    assert again.edits["sales_growth"].text() == ""
    again.reject()


def test_rules_are_read_by_everyone_and_edited_by_supervisors(
    qtbot, ctx, people, background, uploaded
) -> None:
    _, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=2)
    dialog = tab.open_rules()
    assert isinstance(dialog, RulesDialog)
    assert dialog.model.rowCount() == len(
        statements.classification_rules(ctx, people["li.inv"]).rules
    )
    assert not dialog.buttons["save"].isVisibleTo(dialog)
    dialog.close()
    _, tab = open_tab(qtbot, ctx, people["wang.sup"], background, uploaded, part=2)
    dialog = tab.open_rules()
    assert dialog.buttons["save"].isVisibleTo(dialog)
    dialog.table.selectRow(1)
    dialog.move(-1)
    assert dialog.model.rules[0].category == Category.LOANS


def test_statement_models_keep_qt_s_rules(
    qtbot, qtmodeltester, ctx, people, background, uploaded
) -> None:
    _, tab = open_tab(qtbot, ctx, people["li.inv"], background, uploaded, part=3)
    for model in (
        tab.classification.lines_model,
        tab.classification.parties_model,
        tab.rebuilt.months_model,
        tab.rebuilt.comparison_model,
        tab.rebuilt.customers_model,
        tab.uploads.uploads_model,
        tab.uploads.bills_model,
    ):
        qtmodeltester.check(model)


def test_supervisors_open_the_rules_from_the_rating_menu(
    qtbot, ctx, people, background, monkeypatch
) -> None:
    from tests.ui.test_main_window import install_stand_ins
    from workstation.ui.main_window import MainWindow

    install_stand_ins(monkeypatch)
    window = MainWindow(ctx, people["wang.sup"], background)
    qtbot.addWidget(window)
    assert window.rules_action in window.rating_menu.actions()
    assert window.rules_action.text() == "&Classification rules…"
    dialog = window.show_classification_rules()
    assert isinstance(dialog, RulesDialog)
    assert dialog.buttons["save"].isVisibleTo(dialog)
    dialog.close()
