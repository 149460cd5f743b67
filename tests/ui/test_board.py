"""The board as a supervisor and an investigator use it: lanes, filters, sort, claim, keys."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import T0
from workstation.domain.stages import WORK_STAGES
from workstation.services import pipeline
from workstation.services.context import Context, Session
from workstation.store import cases, users
from workstation.ui import board as board_module
from workstation.ui.board import BoardView
from workstation.ui.case_model import COL_AMOUNT, COL_WAIT
from workstation.ui.common import BREACH_COLOR, message_text
from workstation.ui.lanes import ALL_OPEN, open_figures
from workstation.ui.tasks import Background


def add_case(
    ctx: Context,
    stage: str,
    entered: datetime,
    name: str,
    amount_yuan: int,
    *,
    risk: str = "green",
    officer_id: int | None = None,
    kind: str = "platform",
) -> int:
    """One customer and its case standing in ``stage`` since ``entered``."""
    at = entered.isoformat(timespec="seconds")
    with ctx.store.write():
        system = users.system_user_id(ctx.store, at)
        customer = cases.insert_customer(
            ctx.store,
            kind=kind,
            business_name=name,
            credit_code=f"9133{amount_yuan:014d}",
            owner_name="王伟",
            owner_id_number="11010519491231002X",
            owner_phone="13812345678",
            created_at=at,
        )
        case_id = cases.insert_case(
            ctx.store,
            customer_id=customer,
            product="credit",
            amount_fen=amount_yuan * 100,
            stage=stage,
            stage_entered_at=at,
            officer_id=officer_id,
            risk=risk,
            created_at=at,
            updated_at=at,
        )
        cases.insert_move(ctx.store, case_id, None, "application", "receive", system, at)
    return case_id


@pytest.fixture
def book(ctx: Context, people: dict[str, Session]) -> dict[str, int]:
    """Six cases whose lane figures are easy to count by hand (T0 is a Thursday, 10:00)."""
    zhang = people["zhang.inv"].user_id
    return {
        "app": add_case(ctx, "application", T0 - timedelta(hours=1), "杭州鑫源服饰商行", 50_000),
        # Rating's limit is one hour: three hours in, this one is breached.
        "late": add_case(ctx, "rating", T0 - timedelta(hours=3), "宁波恒达五金", 8_000, risk="red"),
        "free": add_case(
            ctx, "investigation", T0 - timedelta(minutes=30), "义乌聚福饰品", 200_000, risk="amber"
        ),
        "taken": add_case(
            ctx,
            "investigation",
            T0 - timedelta(hours=1),
            "温州华美鞋业",
            120_000,
            officer_id=zhang,
            kind="off_platform",
        ),
        "loan": add_case(ctx, "monitoring", T0 - timedelta(days=30), "广州锦程贸易", 300_000),
        "done": add_case(ctx, "closed", T0 - timedelta(days=60), "深圳顺发电子", 10_000),
    }


# The cases "On the line" (the default lane) lists: the work stages, not monitoring or closed.
ON_THE_LINE = ("app", "late", "free", "taken")


def on_the_line(book: dict[str, int]) -> list[int]:
    return sorted(book[k] for k in ON_THE_LINE)


def settle(qtbot, view: BoardView) -> None:
    qtbot.waitUntil(lambda: not view.busy, timeout=5000)


@pytest.fixture
def make_view(qtbot, ctx: Context, background: Background):
    def make(session: Session) -> BoardView:
        view = BoardView(ctx, session, background)
        qtbot.addWidget(view)
        view.resize(1400, 850)
        settle(qtbot, view)
        return view

    return make


def shown_ids(view: BoardView) -> list[int]:
    return [view.model.case_id(row) for row in range(view.model.rowCount())]


def select_case(view: BoardView, case_id: int) -> None:
    view.table.setCurrentIndex(view.model.index(view.model.row_of(case_id), 0))


def test_lanes_count_each_stage_and_mark_the_breach_and_bottleneck(make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    figures = {key: view.lanes.card(key).figures for key in ("application", "rating")}
    investigation = view.lanes.card("investigation").figures
    assert (figures["application"].waiting, figures["application"].breached) == (1, None)
    assert (figures["rating"].waiting, figures["rating"].red, figures["rating"].breached) == (
        1,
        1,
        1,
    )
    assert (investigation.waiting, investigation.green, investigation.amber) == (2, 1, 1)
    assert view.lanes.card("monitoring").figures.waiting == 1
    assert view.lanes.card("closed").figures.waiting == 1
    # Application to disbursement only: the loan in monitoring and the closed case have their own.
    assert view.lanes.card(ALL_OPEN).figures.waiting == 4
    # Nothing has left any stage this week: every queue is stalled; the breach breaks the tie.
    assert figures["rating"].bottleneck
    assert not investigation.bottleneck
    assert view.count.text() == view.tr("%Ln case(s)", "", 4)


def test_on_the_line_sums_the_work_stages_and_leaves_out_the_rest(
    ctx, make_view, people, book
) -> None:
    # One case in each work stage the book leaves empty, and one off the line that must not count.
    add_case(ctx, "approval", T0 - timedelta(hours=5), "苏州瑞丰纺织", 60_000, risk="amber")
    add_case(ctx, "disbursement", T0 - timedelta(hours=2), "嘉兴永安建材", 70_000, risk="red")
    add_case(ctx, "overdue", T0 - timedelta(days=10), "金华宏达物流", 90_000, risk="red")
    view = make_view(people["wang.sup"])
    line = view.lanes.card(ALL_OPEN).figures
    work = [view.lanes.card(stage.value).figures for stage in WORK_STAGES]
    assert [f.waiting for f in work] == [1, 1, 2, 1, 1]
    assert line.waiting == sum(f.waiting for f in work) == 6
    assert (line.green, line.amber, line.red) == (
        sum(f.green for f in work),
        sum(f.amber for f in work),
        sum(f.red for f in work),
    )
    assert line.breached == sum(f.breached or 0 for f in work) == 2  # rating 3 h, approval 5 h
    assert line.queue and line.waiting == line.green + line.amber + line.red
    # The loan in monitoring and the overdue case stand on their own cards, not in the sum.
    assert view.lanes.card("monitoring").figures.waiting == 1
    assert view.lanes.card("overdue").figures.waiting == 1
    assert open_figures(pipeline.board_snapshot(ctx)) == line
    assert view.count.text() == view.tr("%Ln case(s)", "", 6)


def test_clicking_a_lane_filters_the_table(qtbot, make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    assert view.lanes.selected() == ALL_OPEN
    assert sorted(shown_ids(view)) == on_the_line(book)  # the day's work, no monitoring loan
    qtbot.mouseClick(view.lanes.card("investigation"), Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert sorted(shown_ids(view)) == sorted([book["free"], book["taken"]])
    assert view.lanes.card("investigation").is_selected()
    qtbot.mouseClick(view.lanes.card("monitoring"), Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert shown_ids(view) == [book["loan"]]  # the loan left out of the default list is here
    assert view.lanes.card("monitoring").is_selected()
    assert not view.lanes.card(ALL_OPEN).is_selected()
    qtbot.mouseClick(view.lanes.card("closed"), Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert shown_ids(view) == [book["done"]]
    qtbot.mouseClick(view.lanes.card(ALL_OPEN), Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert sorted(shown_ids(view)) == on_the_line(book)
    assert view.count.text() == view.tr("%Ln case(s)", "", 4)


def test_sorting_by_amount_orders_rows_by_amount(qtbot, make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    view.table.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    settle(qtbot, view)
    amounts = [view.model.case_row(r).cells[COL_AMOUNT] for r in range(view.model.rowCount())]
    assert amounts == ["¥8,000.00", "¥50,000.00", "¥120,000.00", "¥200,000.00"]
    view.table.sortByColumn(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    settle(qtbot, view)
    assert shown_ids(view) == [book["free"], book["taken"], book["app"], book["late"]]


def test_text_search_narrows_after_a_pause(qtbot, make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    qtbot.keyClicks(view.search, "120000")  # part of 温州华美鞋业's credit code
    assert view.model.rowCount() == 4  # debounced: each key alone does not query
    qtbot.waitUntil(lambda: shown_ids(view) == [book["taken"]], timeout=3000)
    view.search.setText("华美")
    qtbot.waitUntil(lambda: view.count.text() == view.tr("%Ln case(s)", "", 1), timeout=3000)
    assert shown_ids(view) == [book["taken"]]
    view.search.setText(str(book["late"]))  # a case no. (credit codes holding it match too)
    qtbot.waitUntil(lambda: book["late"] in shown_ids(view), timeout=3000)
    assert book["app"] not in shown_ids(view)


def test_a_search_from_on_the_line_finds_loans_and_closed_cases_too(
    qtbot, make_view, people, book
) -> None:
    view = make_view(people["wang.sup"])
    assert book["loan"] not in shown_ids(view)  # monitoring is off the line
    view.search.setText("广州锦程")  # the loan in monitoring
    qtbot.waitUntil(lambda: shown_ids(view) == [book["loan"]], timeout=3000)
    view.search.setText("深圳顺发")  # the closed case
    qtbot.waitUntil(lambda: shown_ids(view) == [book["done"]], timeout=3000)
    # A lane the officer picked keeps the search inside it.
    qtbot.mouseClick(view.lanes.card("investigation"), Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert shown_ids(view) == []


def test_filters_narrow_by_officer_risk_kind_and_breach(qtbot, make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    view.officer.setCurrentIndex(view.officer.findData("unassigned"))
    settle(qtbot, view)
    assert sorted(shown_ids(view)) == sorted([book["app"], book["late"], book["free"]])
    view.officer.setCurrentIndex(0)
    view.kind.setCurrentIndex(view.kind.findData("off_platform"))
    settle(qtbot, view)
    assert shown_ids(view) == [book["taken"]]
    view.kind.setCurrentIndex(0)
    view.risk.setCurrentIndex(view.risk.findData("amber"))
    settle(qtbot, view)
    assert shown_ids(view) == [book["free"]]
    view.risk.setCurrentIndex(0)
    view.breached.setChecked(True)
    settle(qtbot, view)
    assert shown_ids(view) == [book["late"]]
    assert view.count.text() == view.tr("%Ln case(s)", "", 1)


def test_a_breached_case_shows_its_wait_in_red(make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    late = view.model.index(view.model.row_of(book["late"]), COL_WAIT)
    fresh = view.model.index(view.model.row_of(book["app"]), COL_WAIT)
    assert late.data() == "3 h 0 min"
    assert late.data(Qt.ItemDataRole.ForegroundRole) == BREACH_COLOR
    assert fresh.data(Qt.ItemDataRole.ForegroundRole) is None


OFFSCREEN_SHOW = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen plugin's note


@OFFSCREEN_SHOW
def test_refresh_keeps_the_selected_case_where_it_was_on_screen(
    qtbot, ctx, make_view, people, book
) -> None:
    for i in range(80):  # enough rows to scroll
        add_case(ctx, "application", T0 - timedelta(minutes=i), f"测试商行{i:02d}", 1000 + i)
    view = make_view(people["wang.sup"])
    with qtbot.waitExposed(view):
        view.show()
    table = view.table
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    chosen = view.model.case_id(table.rowAt(table.viewport().height() // 2))
    select_case(view, chosen)
    on_screen = table.visualRect(table.currentIndex()).top()
    # Someone adds a long-waiting case: it sorts to the top and shifts every row down one.
    add_case(ctx, "rating", T0 - timedelta(days=2), "新到商行", 5_000)
    view.refresh()
    settle(qtbot, view)
    assert view.model.rowCount() == 85  # 80 + the book's 4 on the line + the new one
    assert view.selected_case_id() == chosen
    assert table.visualRect(table.currentIndex()).top() == on_screen


@OFFSCREEN_SHOW
def test_refresh_keeps_the_scroll_when_the_selected_case_is_off_screen(
    qtbot, ctx, make_view, people, book
) -> None:
    for i in range(80):
        add_case(ctx, "application", T0 - timedelta(minutes=i), f"测试商行{i:02d}", 1000 + i)
    view = make_view(people["wang.sup"])
    with qtbot.waitExposed(view):
        view.show()
    assert view.model.row_of(book["late"]) == 0  # the longest wait on the line: the top row
    select_case(view, book["late"])
    scroll = view.table.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)
    kept = scroll.value()
    assert kept > 0
    view.refresh()
    settle(qtbot, view)
    assert view.selected_case_id() == book["late"]
    assert scroll.value() == kept


def test_enter_and_double_click_open_the_case(qtbot, make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    select_case(view, book["free"])
    with qtbot.waitSignal(view.caseActivated) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [book["free"]]
    with qtbot.waitSignal(view.caseActivated) as blocker:
        view.table.doubleClicked.emit(view.model.index(view.model.row_of(book["app"]), 1))
    assert blocker.args == [book["app"]]


@OFFSCREEN_SHOW
def test_ctrl_f_focuses_the_search(qtbot, make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search, timeout=2000)


def test_claim_moves_the_case_into_my_work_list(qtbot, ctx, make_view, people, book) -> None:
    li = people["li.inv"]
    view = make_view(li)
    assert view.claim.isVisibleTo(view)
    view.officer.setCurrentIndex(view.officer.findData("mine"))
    settle(qtbot, view)
    assert shown_ids(view) == []
    view.officer.setCurrentIndex(0)
    settle(qtbot, view)
    select_case(view, book["taken"])
    assert not view.claim.isEnabled()  # someone else's case
    select_case(view, book["free"])
    assert view.claim.isEnabled()
    qtbot.mouseClick(view.claim, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert pipeline.case_detail(ctx, li, book["free"]).case.officer_id == li.user_id
    assert view.selected_case_id() == book["free"]
    view.officer.setCurrentIndex(view.officer.findData("mine"))
    settle(qtbot, view)
    assert shown_ids(view) == [book["free"]]


def test_claim_of_a_case_another_officer_took_meanwhile_is_refused(
    qtbot, ctx, make_view, people, book, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        board_module,
        "show_refusal",
        lambda parent, error, title=None: shown.append(message_text(error.message)),
    )
    view = make_view(people["li.inv"])
    select_case(view, book["free"])
    assert view.claim.isEnabled()
    zhang = people["zhang.inv"]
    pipeline.claim_case(ctx, zhang, book["free"], 1)  # behind the board's back
    before = ctx.store.conn.execute("SELECT * FROM cases ORDER BY id").fetchall()
    audit = ctx.store.conn.execute("SELECT COUNT(*) FROM audit_events").fetchone()
    qtbot.mouseClick(view.claim, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert len(shown) == 1 and "张调查" in shown[0]
    assert ctx.store.conn.execute("SELECT * FROM cases ORDER BY id").fetchall() == before
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM audit_events").fetchone() == audit
    assert not view.claim.isEnabled()  # the refreshed row shows zhang's name now


def test_whoever_may_claim_gets_the_button_and_the_admin_does_not(make_view, people, book) -> None:
    supervisor = make_view(people["wang.sup"])
    assert supervisor.claim.isVisibleTo(supervisor)
    select_case(supervisor, book["late"])  # unassigned, in rating: a supervisor may take it
    assert supervisor.claim.isEnabled()
    select_case(supervisor, book["taken"])  # already in zhang's list
    assert not supervisor.claim.isEnabled()
    admin = make_view(people["admin"])
    assert not admin.claim.isVisibleTo(admin)


def test_state_brings_back_lane_filters_and_sort(qtbot, make_view, people, book) -> None:
    view = make_view(people["wang.sup"])
    qtbot.mouseClick(view.lanes.card("investigation"), Qt.MouseButton.LeftButton)
    view.risk.setCurrentIndex(view.risk.findData("amber"))
    view.table.sortByColumn(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    settle(qtbot, view)
    state = view.save_state()

    again = make_view(people["wang.sup"])
    again.restore_state(state)
    settle(qtbot, again)
    assert again.lanes.selected() == "investigation"
    assert again.risk.currentData() == "amber"
    assert (again.model.query.sort, again.model.query.descending) == ("amount_fen", True)
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_AMOUNT,
        Qt.SortOrder.DescendingOrder,
    )
    assert shown_ids(again) == [book["free"]]
    again.restore_state(QByteArray(b"nonsense"))  # ignored, not a crash
    assert again.lanes.selected() == "investigation"


def test_a_failed_query_says_so_and_does_not_leave_the_board_waiting(
    qtbot, make_view, people, book, monkeypatch
) -> None:
    view = make_view(people["wang.sup"])

    def broken(ctx, query):
        raise OSError("disk I/O error")

    monkeypatch.setattr(pipeline, "find_case_ids", broken)
    view.refresh()
    settle(qtbot, view)
    assert view.count.text() == view.tr("Could not read the cases")
    assert sorted(shown_ids(view)) == on_the_line(book)  # the last list stays on screen
