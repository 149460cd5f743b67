"""The Loan tab as finance uses it: the figures of a drawn loan, a repayment shown before it
is confirmed, an excess refused unless held, a draw, the trial calculation and the PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from tests.ui import loan_book as lb
from workstation.services import loans
from workstation.services.context import Context, FixedClock, Session
from workstation.ui import loan_page
from workstation.ui.case_page import CasePage
from workstation.ui.loan_dialogs import DrawDialog, RepayDialog, TrialDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note


@pytest.fixture
def drawn(ctx: Context, clock: FixedClock, people: dict[str, Session]) -> int:
    return lb.drawn_loan(ctx, clock, people)


def _open(qtbot, ctx: Context, session: Session, background, case_id: int) -> CasePage:
    page = CasePage(ctx, session, background, case_id)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None and page.loan_tab is not None)
    return page


def _ledger(ctx: Context, case_id: int) -> list[tuple]:
    return ctx.store.conn.execute(
        "SELECT * FROM loan_entries WHERE case_id = ? ORDER BY seq", (case_id,)
    ).fetchall()


def test_the_loan_page_shows_a_drawn_loans_figures(qtbot, ctx, people, background, drawn) -> None:
    page = _open(qtbot, ctx, people["liu.fin"], background, drawn)
    tab = page.loan_tab
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Loan"
    text = {key: label.text() for key, label in tab.values.items()}
    # 60,000 drawn on 11-26 for 3 months; on 12-16, 20 days accruing (R6: from 11-27):
    # 60,000 × 20 × 0.06% = 720.00, nothing posted yet; the first month's interest
    # (30 days, 1,080.00) falls due on 12-26.
    assert text["limit"] == "¥100,000.00"
    assert text["drawn"] == "¥60,000.00"
    assert text["available"] == "¥40,000.00"
    assert "¥60,000.00" in text["principal"]
    assert text["interest"] == "¥720.00 (¥0.00 posted + ¥720.00 accruing)"
    assert text["penalty"] == "¥0.00"
    assert text["total"] == "<b>¥60,720.00</b>"
    assert text["next_due"] == "¥1,080.00, the amount due on 2026-12-26"
    assert text["overdue"] == "0"
    # R35: the annual rate first and larger than the daily one.
    price = tab.price.text()
    assert price.index("Annual 21.90%") < price.index("daily 0.06%")
    assert "font-size:18pt" in price.split("Annual")[0]
    # The draw with its schedule and the ledger with its running balances.
    assert tab.draws_model.rowCount() == 1
    assert [tab.schedule_model.data(tab.schedule_model.index(r, 1)) for r in range(3)] == [
        "2026-12-26", "2027-01-26", "2027-02-26",
    ]  # fmt: skip
    assert tab.ledger_model.rowCount() == 1
    row = [tab.ledger_model.data(tab.ledger_model.index(0, c)) for c in range(9)]
    assert row[:4] == ["1", "2026-11-26", "Draw", "¥60,000.00"]
    assert row[5:9] == ["¥60,000.00", "¥0.00", "¥0.00", "刘财务"]


def test_the_repayment_dialog_shows_the_allocation_before_it_is_confirmed(
    qtbot, ctx, people, background, drawn, refusals
) -> None:
    page = _open(qtbot, ctx, people["liu.fin"], background, drawn)
    dialog = page.loan_tab.repay()
    assert isinstance(dialog, RepayDialog)
    before = _ledger(ctx, drawn)
    dialog.amount.setText("2,000")
    # The 720.00 accrued to today is posted first (due 12-26) and paid, then principal.
    parts = [
        [dialog.model.data(dialog.model.index(r, c)) for c in range(4)]
        for r in range(dialog.model.rowCount())
    ]
    assert parts == [
        ["Interest", "1-1", "2026-12-26", "¥720.00"],
        ["Principal", "1-1", "2027-02-26", "¥1,280.00"],
    ]
    assert "principal ¥1,280.00" in dialog.summary.text()
    assert "¥720.00" in dialog.posted.text()
    assert _ledger(ctx, drawn) == before  # a preview writes nothing
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    assert refusals == []
    view = loans.loan_view(ctx, people["liu.fin"], drawn)
    assert view.principal_fen == 60_000_00 - 1_280_00
    tab = page.loan_tab
    assert tab.view.principal_fen == view.principal_fen
    assert tab.ledger_model.rowCount() == 3  # draw, the interest posted, the repayment
    paid = [tab.ledger_model.data(tab.ledger_model.index(2, c)) for c in range(8)]
    assert paid[2:5] == ["Repayment", "¥2,000.00", "Interest ¥720.00 · Principal ¥1,280.00"]
    assert paid[5:8] == ["¥58,720.00", "¥0.00", "¥0.00"]


def test_an_excess_is_refused_unless_held_as_a_credit(
    qtbot, ctx, people, background, drawn, refusals
) -> None:
    page = _open(qtbot, ctx, people["liu.fin"], background, drawn)
    dialog = page.loan_tab.repay()
    dialog.amount.setText("60720.50")  # owed today: 60,000 + 720 interest
    assert dialog.excess.isVisibleTo(dialog) and "¥0.50 more than is owed" in dialog.excess.text()
    before = _ledger(ctx, drawn)
    dialog.confirm.click()
    assert len(refusals) == 1 and "more than is owed" in refusals[0]
    assert _ledger(ctx, drawn) == before and dialog.isVisible()  # kept open, input kept
    qtbot.waitUntil(lambda: page.loan_tab.view.version == lb.loan_version(ctx, drawn))
    dialog.hold.setChecked(True)
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    view = loans.loan_view(ctx, people["liu.fin"], drawn)
    assert view.principal_fen == 0 and view.credit_fen == 50
    assert page.loan_tab.values["credit"].text() == "¥0.50"


def test_a_draw_from_the_page_lands_and_the_voucher_is_saved(
    qtbot, ctx, people, background, drawn, refusals, tmp_path: Path, monkeypatch
) -> None:
    page = _open(qtbot, ctx, people["liu.fin"], background, drawn)
    dialog = page.loan_tab.draw()
    assert isinstance(dialog, DrawDialog)
    assert dialog.term.maximum() == 11  # drawn 12-16; the limit's period ends 2027-11-26
    dialog.amount.setText("50000")
    assert "More than the ¥40,000.00 still available" in dialog.problem.text()
    dialog.confirm.click()
    assert len(refusals) == 1 and "more than the limit still available" in refusals[0]
    dialog.amount.setText("10000")
    dialog.term.setValue(2)
    assert dialog.due.text() == "2027-02-16" and dialog.schedule_model.rowCount() == 2
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    tab = page.loan_tab
    assert tab.draws_model.rowCount() == 2 and tab.values["drawn"].text() == "¥70,000.00"
    target = tmp_path / "voucher.pdf"
    monkeypatch.setattr(loan_page, "ask_pdf_path", lambda *a: target)
    tab.draws.selectRow(1)
    assert tab.save_voucher() == target
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 1000


def test_trial_calculation_for_a_date(qtbot, ctx, people, background, drawn) -> None:
    page = _open(qtbot, ctx, people["li.inv"], background, drawn)  # any role may run it
    tab = page.loan_tab
    assert not tab.buttons["repay"].isVisibleTo(tab)  # money moves are finance's
    dialog = tab.trial()
    assert isinstance(dialog, TrialDialog)
    dialog.on.setDate(dialog.on.date().addDays(41))  # 2027-01-26
    # 60,000 × 61 days × 0.06% = 2,196.00 interest; no penalty.
    assert dialog.principal.text() == "¥60,000.00"
    assert dialog.interest.text() == "¥2,196.00"
    assert dialog.penalty.text() == "¥0.00"
    assert dialog.total.text() == "¥62,196.00"
    assert loans.trial(ctx, people["li.inv"], drawn, date(2027, 1, 26)).total_fen == 6_219_600


def test_the_statement_is_saved_as_pdf_with_its_path_shown(
    qtbot, ctx, people, background, drawn, tmp_path: Path, monkeypatch
) -> None:
    page = _open(qtbot, ctx, people["wang.sup"], background, drawn)
    target = tmp_path / "statement.pdf"
    monkeypatch.setattr(loan_page, "ask_pdf_path", lambda *a: target)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: told.append(text))
    )
    assert page.loan_tab.save_statement() == target
    assert target.read_bytes().startswith(b"%PDF")
    assert told == [f"Saved to {target}"]


def test_the_voucher_prints_on_the_chosen_printer(
    qtbot, ctx, people, background, drawn, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    page = _open(qtbot, ctx, people["liu.fin"], background, drawn)
    page.loan_tab.draws.selectRow(0)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(printed))
    offered: list[list[str]] = []
    monkeypatch.setattr(loan_page, "ask_print_choice", lambda _p, c: offered.append(c) or 1)
    monkeypatch.setattr(loan_page, "ask_printer", lambda _p: printer)
    assert page.loan_tab.print_papers()
    assert offered == [["Statement of account", "Disbursement voucher"]]
    assert printed.read_bytes().startswith(b"%PDF")


def test_a_repayment_of_the_open_day_is_reversed_with_a_reason(
    qtbot, ctx, people, background, drawn, refusals, monkeypatch
) -> None:
    fin = people["liu.fin"]
    loans.repay(ctx, fin, drawn, lb.loan_version(ctx, drawn), 1_000_00)
    page = _open(qtbot, ctx, fin, background, drawn)
    tab = page.loan_tab
    tab.ledger.selectRow(tab.ledger_model.rowCount() - 1)
    monkeypatch.setattr(loan_page.dialogs, "ask_reason", lambda *a: "wrong account")
    with qtbot.waitSignal(page.loaded):
        assert tab.reverse()
    assert refusals == []
    kinds = [r.entry.kind.value for r in tab.view.ledger]
    assert kinds[-1] == "reversal" and tab.view.principal_fen == 60_000_00
    assert "(reversed)" in tab.ledger_model.data(tab.ledger_model.index(len(kinds) - 2, 2))


def test_the_disburse_move_opens_the_draw_dialog(qtbot, ctx, people, background, refusals) -> None:
    case_id = lb.approved(ctx, people)
    page = _open(qtbot, ctx, people["liu.fin"], background, case_id)
    page.action_buttons["disburse"].click()
    dialog = page.loan_tab.dialog
    assert isinstance(dialog, DrawDialog) and page.tabs.currentWidget() is page.loan_tab
    dialog.amount.setText("30000")
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    assert page.data.detail.case.stage == "monitoring"


def test_an_overdue_loan_offers_no_draw_and_says_why(qtbot, ctx, people, background, drawn) -> None:  # noqa: ANN001
    """Found in review: an overdue case showed 放款… enabled and refused only on confirm."""
    page = _open(qtbot, ctx, people["liu.fin"], background, drawn)
    assert page.loan_tab.buttons["draw"].isEnabled()
    ctx.store.conn.execute("UPDATE cases SET stage = 'overdue' WHERE id = ?", (drawn,))
    page.reload()
    qtbot.waitUntil(lambda: not page.loan_tab.buttons["draw"].isEnabled())
    assert page.loan_tab.buttons["draw"].toolTip()


def test_the_schedule_pane_shows_the_draw_as_it_stands_after_an_early_repayment(
    qtbot, ctx, people, background, drawn
) -> None:
    """Found in the walk-through: after principal was repaid early the pane kept the plan as
    drawn. 20,000 paid on 12-16: the 720.00 accrued first, then 19,280.00 of the principal due
    at maturity, so 40,720.00 of it is left; 12-26's interest is 10 days (12-17 to 12-26) on
    40,720.00 × 0.06% = 244.32."""
    fin = people["liu.fin"]
    version = loans.loan_view(ctx, fin, drawn).version
    loans.repay(ctx, fin, drawn, version, 20_000 * lb.YUAN)
    page = _open(qtbot, ctx, fin, background, drawn)
    tab = page.loan_tab
    tab.draws.selectRow(0)
    model = tab.schedule_model
    QAbstractItemModelTester(model)
    rows = [[model.data(model.index(r, c)) for c in range(7)] for r in range(model.rowCount())]
    assert rows[0][1:] == ["2026-12-26", "¥0.00", "¥244.32", "¥0.00", "¥244.32", "Due"]
    # at maturity (02-26): 31 days (01-27 to 02-26) on 40,720.00 × 0.06% = 757.39
    assert rows[2][2:] == ["¥40,720.00", "¥757.39", "¥0.00", "¥41,477.39", "Part repaid ahead"]
    planned = model.data(model.index(2, 2), Qt.ItemDataRole.ToolTipRole)
    assert planned == "Planned: ¥60,000.00"
