"""The portfolio tab (R30): figures that match the loans table counted independently, the
worst class listed first, the officer's pick kept across a refresh, a loan opening its case,
and the tab only for the roles that may see the book."""

from __future__ import annotations

from datetime import date

from PySide6.QtTest import QAbstractItemModelTester

from workstation.domain.postings import OverdueClass
from workstation.services.context import Context
from workstation.ui.common import format_fen
from workstation.ui.main_window import MainWindow
from workstation.ui.portfolio import PortfolioView


def _view(qtbot, ctx, session, background) -> PortfolioView:
    view = PortfolioView(ctx, session, background)
    qtbot.addWidget(view)
    qtbot.waitSignal(view.refreshed, timeout=5000).wait()
    return view


def _independent(ctx: Context) -> dict[str, tuple[int, int]]:
    """Class → (loans, principal), straight from the loans table and R30's day bounds."""
    today = ctx.clock.now().date()
    out: dict[str, tuple[int, int]] = {}
    for principal, since in ctx.store.conn.execute(
        "SELECT principal_fen, overdue_since FROM loans WHERE status = 'active' "
        "AND (principal_fen > 0 OR overdue_since IS NOT NULL)"
    ):
        days = 0 if since is None else (today - date.fromisoformat(since)).days
        cls = ("Current" if days <= 0 else "M1" if days <= 30 else "M2" if days <= 60
               else "M3" if days <= 90 else "M3+")  # fmt: skip
        loans, fen = out.get(cls, (0, 0))
        out[cls] = (loans + 1, fen + principal)
    return out


def test_the_book_matches_the_loans_table(qtbot, demo_ctx, people, background) -> None:
    view = _view(qtbot, demo_ctx, people["wang.sup"], background)
    expected = _independent(demo_ctx)
    assert expected.get("M3+", (0, 0))[0] >= 1, "the demo book should hold a defaulted loan"
    model = view.classes
    QAbstractItemModelTester(model)
    shown = {}
    for row in range(model.rowCount()):
        name = model.data(model.index(row, 0))
        shown[name] = (int(model.data(model.index(row, 2)).replace(",", "")),
                       model.data(model.index(row, 3)))  # fmt: skip
    assert shown == {
        name: (expected.get(name, (0, 0))[0], format_fen(expected.get(name, (0, 0))[1]))
        for name in ("Current", "M1", "M2", "M3", "M3+")
    }
    total = sum(fen for _, fen in expected.values())
    assert view.figures["principal"].text() == format_fen(total)
    bad = expected["M3+"][1]
    assert view.figures["npl"].text() == f"{format_fen(bad)}  ({bad / total * 100:.2f} %)"


def test_the_worst_class_is_listed_and_a_loan_opens_its_case(
    qtbot, demo_ctx, people, background
) -> None:
    view = _view(qtbot, demo_ctx, people["wang.sup"], background)
    assert view.chosen_class() == OverdueClass.M3_PLUS
    loans = view.loans
    QAbstractItemModelTester(loans)
    expected = [
        case_id
        for case_id, since in demo_ctx.store.conn.execute(
            "SELECT case_id, overdue_since FROM loans WHERE status = 'active' "
            "AND overdue_since IS NOT NULL ORDER BY overdue_since, principal_fen DESC, case_id"
        )
        if (demo_ctx.clock.now().date() - date.fromisoformat(since)).days > 90
    ]
    assert [loans.case_id(r) for r in range(loans.rowCount())] == expected
    with qtbot.waitSignal(loans.blockArrived, timeout=5000):
        loans.data(loans.index(0, 1))  # the case row is read when first shown
    business = demo_ctx.store.conn.execute(
        "SELECT k.business_name FROM cases c JOIN customers k ON k.id = c.customer_id "
        "WHERE c.id = ?",
        (expected[0],),
    ).fetchone()[0]
    assert loans.data(loans.index(0, 1)) == business
    with qtbot.waitSignal(view.caseActivated, timeout=1000) as opened:
        view.loans_view.doubleClicked.emit(loans.index(0, 1))
    assert opened.args == [expected[0]]


def test_the_officers_pick_is_kept_across_a_refresh(qtbot, demo_ctx, people, background) -> None:
    view = _view(qtbot, demo_ctx, people["liu.fin"], background)
    view.classes_view.selectRow(0)  # Current
    assert view.chosen_class() is None
    current = view.view.members[None] if view.view else ()
    assert view.loans.rowCount() == len(current) > 0
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.refresh()
    assert view.chosen_class() is None and view.loans.rowCount() == len(current)
    assert view.loans_box.title().startswith("Current")
    QAbstractItemModelTester(view.products)
    assert view.products.rowCount() >= 1


def test_the_tab_is_for_supervisors_and_finance(qtbot, ctx, people, background) -> None:
    for name, allowed in (("wang.sup", True), ("liu.fin", True), ("li.inv", False)):
        window = MainWindow(ctx, people[name], background)
        qtbot.addWidget(window)
        assert window.portfolio_action.isVisible() is allowed
        page = window.show_portfolio()
        assert (page is not None) is allowed
        if page is None:
            continue
        assert window.tabs.currentWidget() is page
        assert window.tabs.tabText(window.tabs.indexOf(page)) == "Portfolio"
        assert window.show_portfolio() is page  # one tab, not two
        window.close_tab(window.tabs.indexOf(page))
        assert window.portfolio is None and window.tabs.indexOf(page) == -1


def test_a_language_switch_keeps_the_tab_open(qtbot, ctx, people, background) -> None:
    window = MainWindow(ctx, people["wang.sup"], background)
    qtbot.addWidget(window)
    window.show_portfolio()
    try:
        window.switch_language("zh_CN")
        assert window.portfolio is not None
        assert window.tabs.currentWidget() is window.portfolio
        assert window.tabs.tabText(window.tabs.indexOf(window.portfolio)) == "贷款组合"
    finally:
        window.switch_language("en")
    assert window.portfolio is not None
    assert window.tabs.tabText(window.tabs.indexOf(window.portfolio)) == "Portfolio"


def test_work_on_a_case_reads_the_book_again(qtbot, demo_ctx, people, background) -> None:
    """Found in review: a payment on a case page left the tab showing the old book."""
    window = MainWindow(demo_ctx, people["liu.fin"], background)
    qtbot.addWidget(window)
    page = window.show_portfolio()
    assert isinstance(page, PortfolioView)
    qtbot.waitSignal(page.refreshed, timeout=5000).wait()
    assert window.tabs.indexOf(page) == window.tabs.indexOf(window.board) + 1
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        window.case_changed(1)
