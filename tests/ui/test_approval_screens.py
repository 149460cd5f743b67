"""The supervisor's and the admin's loan screens: the approval dialog, the checker's inbox
with bulk approve, approval authority, the close of day, and the board's lane count."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from tests.ui import loan_book as lb
from workstation.domain.approval import LoanTerms
from workstation.domain.schedule import Plan
from workstation.services import approval, day_end, loans
from workstation.services.context import Context, FixedClock, Session
from workstation.store import loans as loan_store
from workstation.ui.approval_dialogs import ApprovalDialog, Choice, RecommendDialog
from workstation.ui.approval_inbox import ApprovalInbox
from workstation.ui.authority import AuthorityDialog
from workstation.ui.case_page import CasePage
from workstation.ui.close_of_day import CloseOfDayDialog
from workstation.ui.straight_through import LaneCounts, StraightThroughLine

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note
SMALL = LoanTerms("credit", 50_000 * lb.YUAN, lb.CREDIT, 12, Plan.INTEREST_MONTHLY)


def _page(qtbot, ctx: Context, session: Session, background, case_id: int) -> CasePage:
    page = CasePage(ctx, session, background, case_id)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None)
    return page


def test_recommend_opens_the_terms_prefilled_and_records_them(
    qtbot, ctx, people, background, refusals
) -> None:
    case_id = lb.investigated(ctx, people)
    page = _page(qtbot, ctx, people["li.inv"], background, case_id)
    page.action_buttons["recommend"].click()
    dialog = page.moves.dialog
    assert isinstance(dialog, RecommendDialog)
    editor = dialog.editor
    assert editor.limit.text() == "80000"  # the amount asked, no rating yet: the request
    assert editor.daily_rate.text() == "0.06"
    assert editor.price.text().index("Annual 21.90%") < editor.price.text().index("daily")
    editor.limit.setText("2000000")  # above the platform cap
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "cap" in editor.problems.text()
    editor.limit.setText("60000")
    editor.term.setValue(6)
    with qtbot.waitSignal(page.loaded):
        dialog.accept()
    state = approval.approval_state(ctx, case_id)
    assert state.terms == LoanTerms(
        "credit", 60_000_00, Decimal("0.0006"), 6, Plan.INTEREST_MONTHLY
    )
    assert page.data.detail.case.stage == "approval" and refusals == []


def test_the_approval_dialog_shows_terms_signatures_and_authority(
    qtbot, ctx, people, background, refusals
) -> None:
    wang, zhou = people["wang.sup"], people["zhou.sup"]
    approval.set_authority(ctx, people["admin"], wang.user_id, 50_000 * lb.YUAN)
    approval.set_authority(ctx, people["admin"], zhou.user_id, 500_000 * lb.YUAN)
    case_id = lb.recommended(ctx, people)  # 100,000: above wang's authority
    page = _page(qtbot, ctx, wang, background, case_id)
    page.action_buttons["approve"].click()
    dialog = page.moves.dialog
    assert isinstance(dialog, ApprovalDialog)
    price = dialog.findChild(type(dialog.signatures), "proposedPrice").text()
    assert price.index("Annual 21.90%") < price.index("daily 0.06%")
    assert "font-size:17pt" in price
    assert "none" in dialog.signatures.text()
    assert "first of two" in dialog.authority.text()
    with qtbot.waitSignal(page.loaded):
        dialog.accept()  # approve as proposed: the first signature
    assert approval.approval_state(ctx, case_id).signatures[0].by_name == "王主管"
    assert page.data.detail.case.stage == "approval"
    # 周主管 sees wang's signature and completes the approval.
    other = _page(qtbot, ctx, zhou, background, case_id)
    other.action_buttons["approve"].click()
    second = other.moves.dialog
    assert "王主管" in second.signatures.text() and "completes" in second.authority.text()
    with qtbot.waitSignal(other.loaded):
        second.accept()
    assert other.data.detail.case.stage == "disbursement" and refusals == []
    assert loans.has_loan(ctx, case_id)


def test_an_amendment_needs_a_reason_and_replaces_the_terms(
    qtbot, ctx, people, background, refusals
) -> None:
    approval.set_authority(ctx, people["admin"], people["wang.sup"].user_id, 1_000_000_00)
    case_id = lb.recommended(ctx, people)
    page = _page(qtbot, ctx, people["wang.sup"], background, case_id)
    page.action_buttons["approve"].click()
    dialog = page.moves.dialog
    dialog.radio[Choice.AMEND].setChecked(True)
    assert dialog.editor.isVisibleTo(dialog)
    dialog.editor.limit.setText("70000")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason yet
    dialog.reason.setPlainText("Sales fell in the last quarter")
    assert ok.isEnabled()
    with qtbot.waitSignal(page.loaded):
        dialog.accept()
    state = approval.approval_state(ctx, case_id)
    assert state.terms is not None and state.terms.limit_fen == 70_000_00
    assert state.proposal is not None and state.proposal.kind == "amend"
    assert page.data.detail.case.stage == "disbursement"


def test_the_inbox_approves_the_selected_cases_together(
    qtbot, ctx, people, background, monkeypatch
) -> None:
    wang = people["wang.sup"]
    approval.set_authority(ctx, people["admin"], wang.user_id, 80_000 * lb.YUAN)
    small = [lb.recommended(ctx, people, SMALL) for _ in range(2)]
    large = lb.recommended(ctx, people)  # 100,000: needs a second approver
    inbox = ApprovalInbox(ctx, wang, background)
    qtbot.addWidget(inbox)
    qtbot.waitUntil(lambda: not inbox.busy)
    model = inbox.model
    assert [i.case_id for i in model.items] == [*small, large]
    assert "Annual 21.90%" in model.data(model.index(0, 3))
    assert model.data(model.index(0, 8)) == "Within your authority"
    assert "second approver" in model.data(model.index(2, 8))
    assert "3 case(s)" in inbox.summary.text() and "2 may" in inbox.summary.text()
    opened: list[int] = []
    inbox.caseActivated.connect(opened.append)
    inbox.table.doubleClicked.emit(model.index(1, 1))
    assert opened == [small[1]]
    inbox.table.selectAll()
    assert inbox.approve_button.text() == "Approve selected (2)"
    with qtbot.waitSignal(inbox.casesChanged):
        inbox.approve_button.click()
    result = inbox.result_dialog
    assert result is not None and f"{small[0]}, {small[1]}" in result.summary.text()
    stages = {c: ctx.store.conn.execute("SELECT stage FROM cases WHERE id=?", (c,)).fetchone()[0]
              for c in (*small, large)}  # fmt: skip
    assert stages == {small[0]: "disbursement", small[1]: "disbursement", large: "approval"}
    qtbot.waitUntil(lambda: not inbox.busy and len(model.items) == 1)


def test_the_authority_dialog_saves_and_refuses_without_changing(
    qtbot, ctx, people, refusals
) -> None:
    dialog = AuthorityDialog(ctx, people["admin"])
    qtbot.addWidget(dialog)
    wang = people["wang.sup"]
    assert dialog.system.text() == "50000"  # R39 default
    assert set(dialog.edits) == {wang.user_id, people["zhou.sup"].user_id}
    dialog.edits[wang.user_id].setText("300,000")
    dialog.system.setText("30000")
    assert dialog.save() and refusals == []
    assert loan_store.authority_of(ctx.store, wang.user_id) == 300_000_00
    assert approval.system_authority(ctx) == 30_000_00
    assert dialog.edits[wang.user_id].text() == "300000"  # read back
    with pytest.raises(Exception, match="may not"):
        AuthorityDialog(ctx, wang)  # a supervisor sets no authority


def test_the_close_of_day_runs_with_progress_and_reports(
    qtbot, ctx: Context, clock: FixedClock, people, background
) -> None:
    ids = []
    for _ in range(3):
        case_id = lb.approved(ctx, people, SMALL)
        lb.draw(ctx, people, case_id, 10_000 * lb.YUAN, 1)
        ids.append(case_id)
    clock.advance(days=30)  # 12-26: each draw's first posting is due
    dialog = CloseOfDayDialog(ctx, people["wang.sup"], background)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.due.text() == "3 loan(s)")
    assert dialog.through.maximumDate() == dialog.through.date()  # not after today
    assert "has not run yet" in dialog.last.text()
    reports: list[tuple[int, int]] = []
    original = dialog._progressed
    dialog._progressed = lambda r: (reports.append(r), original(r))  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.ran, timeout=10_000):
        dialog.run_button.click()
        assert dialog.running and not dialog.run_button.isEnabled()
    assert dialog.result is not None and not dialog.result.cancelled
    assert (dialog.result.loans, dialog.result.postings) == (3, 3)
    assert "Closed through 2026-12-26" in dialog.outcome.text()
    assert "3 loan(s) visited, 3 interest and penalty posting(s)" in dialog.outcome.text()
    assert reports and reports[-1] == (3, 3) and dialog.bar.value() == dialog.bar.maximum()
    qtbot.waitUntil(lambda: "through 2026-12-26" in dialog.last.text())
    assert loan_store.day_end_through(ctx.store) == "2026-12-26"
    for case_id in ids:
        assert len(loans.loan_view(ctx, people["wang.sup"], case_id).ledger) == 2


def test_a_cancelled_close_of_day_keeps_what_was_done(
    qtbot, ctx: Context, clock: FixedClock, people, background, monkeypatch
) -> None:
    for _ in range(3):
        lb.draw(ctx, people, lb.approved(ctx, people, SMALL), 10_000 * lb.YUAN, 1)
    clock.advance(days=30)
    dialog = CloseOfDayDialog(ctx, people["wang.sup"], background)
    qtbot.addWidget(dialog)
    real = day_end.run_day_end
    monkeypatch.setattr(day_end, "run_day_end", lambda *a, **k: real(*a, **k, batch=1))
    dialog.run()
    dialog.cancel()  # before the first batch: nothing, or whole batches, are done
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert "Cancel" in dialog.outcome.text() and "run again" in dialog.outcome.text()
    dialog.run()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert loan_store.day_end_through(ctx.store) == "2026-12-26"


def test_the_board_counts_the_straight_through_lane(qtbot) -> None:
    line = StraightThroughLine()
    qtbot.addWidget(line)
    line.show_counts(LaneCounts(week=(12, 40), today=(3, 5)))
    assert line.text() == (
        "Straight-through lane: 12 of 40 approvals in the last 7 days (30%) · today 3 of 5"
    )


def test_the_lane_counts_read_the_systems_approvals(ctx, clock, people) -> None:
    from workstation.ui.straight_through import read_lane_counts

    lb.approved(ctx, people, SMALL)  # by a supervisor, today
    clock.advance(days=1)
    counts = read_lane_counts(ctx)
    assert counts.week == (0, 1) and counts.today == (0, 0)
    clock.advance(days=timedelta(days=7).days)
    assert read_lane_counts(ctx).week == (0, 0)
