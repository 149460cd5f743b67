"""The credit held on the Loan tab: credit rows read "From credit" with their parts (tab and
statement), the trial and repayment dialogs net the credit and name a refund, a payment
before the due date says what falls due then, and finance's Apply credit… / Refund credit…
buttons (greyed with the reason when they cannot act)."""

from __future__ import annotations

import pytest

from tests.services.test_loan_credit_service import YUAN, _with_credit
from tests.ui import loan_book as lb
from tests.ui.test_loan_page import _open
from workstation.services import loans
from workstation.ui import loan_page
from workstation.ui.loan_dialogs import RepayDialog, TrialDialog
from workstation.ui.loan_pdf import statement_html

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note


def _row(tab, row: int) -> list[str]:
    model = tab.ledger_model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_a_credit_row_reads_from_credit_with_its_parts(
    qtbot, ctx, clock, people, background
) -> None:
    case_id = _with_credit(ctx, people, 500, 50_000)
    lb.close_days(ctx, clock, people, 31)  # 12-26: 900.00 interest, 500.00 from the credit
    page = _open(qtbot, ctx, people["liu.fin"], background, case_id)
    tab = page.loan_tab
    rows = [_row(tab, r) for r in range(tab.ledger_model.rowCount())]
    [credit] = [r for r in rows if r[2] == "From credit"]
    assert credit[3] == "¥500.00"
    assert credit[4] == f"From credit: draw {case_id}-2, due 2026-12-26 · Interest ¥500.00"
    assert not any(r[2] == "Repayment" and r[3] == "¥500.00" for r in rows)
    html = statement_html(tab.view, ctx.clock.now())
    assert f"From credit: draw {case_id}-2, due 2026-12-26 · Interest ¥500.00" in html
    assert "the amount due on" in html


def test_the_trial_nets_the_credit_and_names_a_refund(qtbot, ctx, people, background) -> None:
    case_id = _with_credit(ctx, people, 500, 50_000)
    page = _open(qtbot, ctx, people["li.inv"], background, case_id)
    dialog = page.loan_tab.trial()
    assert isinstance(dialog, TrialDialog)
    assert dialog.owed.text() == "¥50,000.00" and dialog.credit.text() == "¥500.00"
    assert dialog.total.text() == "¥49,500.00"
    assert "Owed ¥50,000.00 − credit ¥500.00 = to pay ¥49,500.00" in dialog.note.text()
    assert dialog.credit.isVisibleTo(dialog) and not dialog.refund.isVisibleTo(dialog)
    dialog.close()

    more = _with_credit(ctx, people, 20_000, 10_000)
    page = _open(qtbot, ctx, people["li.inv"], background, more)
    dialog = page.loan_tab.trial()
    assert dialog.total.text() == "¥0.00" and dialog.refund.text() == "¥10,000.00"
    assert dialog.refund.isVisibleTo(dialog)
    assert "¥10,000.00 is to be given back" in dialog.note.text()


def test_the_repayment_dialog_nets_the_credit(qtbot, ctx, people, background) -> None:
    case_id = _with_credit(ctx, people, 500, 50_000)
    page = _open(qtbot, ctx, people["liu.fin"], background, case_id)
    dialog = page.loan_tab.repay()
    assert isinstance(dialog, RepayDialog)
    assert dialog.credit.text() == "¥500.00" and dialog.credit.isVisibleTo(dialog)
    assert "Owed ¥50,000.00 − credit ¥500.00 = to pay ¥49,500.00" in dialog.netted.text()
    dialog.amount.setText("49500")  # with the credit it settles everything
    assert "(¥500.00 of it from the credit held)" in dialog.summary.text()
    assert not dialog.excess.isVisibleTo(dialog) and not dialog.early.isVisibleTo(dialog)
    dialog.close()

    more = _with_credit(ctx, people, 20_000, 10_000)
    page = _open(qtbot, ctx, people["liu.fin"], background, more)
    dialog = page.loan_tab.repay()
    assert "exceeds everything owed by ¥10,000.00" in dialog.netted.text()


def test_a_payment_before_the_due_date_says_what_falls_due_then(
    qtbot, ctx, clock, people, background
) -> None:
    case_id = lb.drawn_loan(ctx, clock, people)
    lb.close_days(ctx, clock, people, 7)  # today 12-23; 1,080.00 falls due on 12-26
    page = _open(qtbot, ctx, people["liu.fin"], background, case_id)
    tab = page.loan_tab
    assert tab.values["next_due"].text() == "¥1,080.00, the amount due on 2026-12-26"
    assert "Paid earlier" in tab.values["next_due"].toolTip()
    dialog = tab.repay()
    dialog.amount.setText("1080")
    assert dialog.early.isVisibleTo(dialog)
    text = dialog.early.text()
    assert "interest is charged to the payment day only" in text
    assert "from 2026-12-24 to 2026-12-26" in text and "¥107.81 is still to pay" in text
    dialog.amount.setText("60972")  # everything: nothing left to accrue
    assert not dialog.early.isVisibleTo(dialog)


def test_the_credit_buttons_are_finances_and_say_why_not(
    qtbot, ctx, clock, people, background
) -> None:
    drawn = lb.drawn_loan(ctx, clock, people)
    page = _open(qtbot, ctx, people["liu.fin"], background, drawn)
    buttons = page.loan_tab.buttons
    for key in ("apply_credit", "refund_credit"):
        assert buttons[key].isVisibleTo(page.loan_tab) and not buttons[key].isEnabled()
        assert buttons[key].toolTip() == "No credit is held for the customer."
    other = _open(qtbot, ctx, people["wang.sup"], background, drawn)
    assert not other.loan_tab.buttons["apply_credit"].isVisibleTo(other.loan_tab)
    assert not other.loan_tab.buttons["refund_credit"].isVisibleTo(other.loan_tab)


def test_apply_credit_from_the_page(qtbot, ctx, people, background, refusals, monkeypatch) -> None:
    case_id = _with_credit(ctx, people, 500, 50_000)
    page = _open(qtbot, ctx, people["liu.fin"], background, case_id)
    tab = page.loan_tab
    assert tab.buttons["apply_credit"].isEnabled()
    assert not tab.buttons["refund_credit"].isEnabled()
    assert "not more than what is owed" in tab.buttons["refund_credit"].toolTip()
    asked: list[str] = []
    monkeypatch.setattr(loan_page, "ask_confirm", lambda _p, _t, text: asked.append(text))
    assert not tab.apply_credit()  # cancelled: nothing written
    assert loans.loan_view(ctx, people["liu.fin"], case_id).credit_fen == 500 * YUAN
    assert "Principal ¥500.00" in asked[0]
    monkeypatch.setattr(loan_page, "ask_confirm", lambda *a: True)
    with qtbot.waitSignal(page.loaded):
        assert tab.apply_credit()
    assert refusals == []
    assert tab.view.credit_fen == 0 and tab.view.principal_fen == 49_500 * YUAN
    last = _row(tab, tab.ledger_model.rowCount() - 1)
    assert last[2] == "From credit" and "repaid early" in last[4]
    assert not tab.buttons["apply_credit"].isEnabled()


def test_refund_credit_from_the_page(qtbot, ctx, people, background, refusals, monkeypatch) -> None:
    case_id = _with_credit(ctx, people, 20_000, 10_000)
    page = _open(qtbot, ctx, people["liu.fin"], background, case_id)
    tab = page.loan_tab
    assert tab.buttons["refund_credit"].isEnabled()
    monkeypatch.setattr(loan_page.dialogs, "ask_reason", lambda *a: "paid back to its account")
    with qtbot.waitSignal(page.loaded):
        assert tab.refund_credit()
    assert refusals == []
    assert tab.view.credit_fen == 10_000 * YUAN and tab.view.refund_fen == 0
    last = _row(tab, tab.ledger_model.rowCount() - 1)
    assert last[2:4] == ["Credit refunded", "¥10,000.00"]
    assert "¥10,000.00 held after" in last[4] and last[-1] == "paid back to its account"
    assert not tab.buttons["refund_credit"].isEnabled()
