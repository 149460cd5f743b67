"""The main window: tabs by role, one tab per open case, status bar, kept settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from workstation.services.context import Context, Session
from workstation.ui import main_window
from workstation.ui.main_window import MainWindow
from workstation.ui.tasks import Background


class StubBoard(QWidget):
    """Stands in for ui.board.BoardView: the signals and methods the window uses."""

    caseActivated = Signal(int)

    def __init__(self, ctx, session, background, parent=None):
        super().__init__(parent)
        self.refreshes = 0
        self.searched = 0
        self.state = QByteArray(b"columns:default")

    def refresh(self) -> None:
        self.refreshes += 1

    def focus_search(self) -> None:
        self.searched += 1

    def save_state(self) -> QByteArray:
        return self.state

    def restore_state(self, state: QByteArray) -> None:
        self.state = QByteArray(state)


class StubQueueReview(QWidget):
    caseActivated = Signal(int)
    casesChanged = Signal()

    def __init__(self, ctx, session, background, parent=None):
        super().__init__(parent)
        self.refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1


class StubCasePage(QLabel):
    caseChanged = Signal(int)

    def __init__(self, ctx, session, background, case_id, parent=None):
        super().__init__(f"case {case_id}", parent)
        self.case_id = case_id
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


STAND_INS = {
    "BoardView": StubBoard,
    "QueueReview": StubQueueReview,
    "CasePage": StubCasePage,
}


def install_stand_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "view_class", lambda _module, name: STAND_INS[name])


@pytest.fixture
def make_window(qtbot, ctx: Context, background: Background, monkeypatch):
    install_stand_ins(monkeypatch)

    def make(session: Session) -> MainWindow:
        window = MainWindow(ctx, session, background)
        qtbot.addWidget(window)
        return window

    return make


def _tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_a_supervisor_gets_the_board_and_the_queue_review(make_window, people):
    window = make_window(people["wang.sup"])

    assert _tab_titles(window) == ["Board", "Queue review"]
    assert window.queue_action.isVisible()
    assert not window.users_action.isVisible()


def test_an_investigator_gets_the_board_only(make_window, people):
    window = make_window(people["li.inv"])

    assert _tab_titles(window) == ["Board"]
    assert window.queue_review is None
    assert not window.queue_action.isVisible()


def test_only_the_admin_sees_users(make_window, people):
    assert make_window(people["admin"]).users_action.isVisible()


def test_opening_a_case_twice_opens_one_tab(make_window, people):
    window = make_window(people["li.inv"])

    window.board.caseActivated.emit(42)
    window.board.caseActivated.emit(42)

    assert _tab_titles(window) == ["Board", "Case 42"]
    assert window.tabs.currentWidget().case_id == 42

    window.show_board()
    window.board.caseActivated.emit(42)
    assert window.tabs.count() == 2
    assert window.tabs.currentWidget().case_id == 42


def test_board_and_queue_tabs_cannot_be_closed_but_a_case_tab_can(make_window, people):
    window = make_window(people["wang.sup"])
    window.open_case(7)

    window.close_tab(0)
    window.close_tab(1)
    assert window.tabs.count() == 3

    window.close_current_case()
    assert _tab_titles(window) == ["Board", "Queue review"]
    window.open_case(7)  # opens again after closing
    assert window.tabs.count() == 3


def test_a_change_in_a_case_refreshes_the_board_and_the_queue(make_window, people):
    window = make_window(people["wang.sup"])
    window.open_case(5)
    board_before, queue_before = window.board.refreshes, window.queue_review.refreshes

    window.tabs.currentWidget().caseChanged.emit(5)

    assert window.board.refreshes == board_before + 1
    assert window.queue_review.refreshes == queue_before + 1


def test_a_case_tab_takes_the_pages_own_title(make_window, people):
    window = make_window(people["li.inv"])
    window.open_case(9)

    window.tabs.currentWidget().setWindowTitle("杭州鑫源贸易")

    assert _tab_titles(window)[1] == "9 · 杭州鑫源贸易"


def test_the_status_bar_shows_the_user_role_date_and_file(make_window, people, ctx):
    window = make_window(people["wang.sup"])

    assert window.user_label.text() == "王主管 · Supervisor"
    assert "2026-11-26" in window.date_label.text()
    assert window.path_label.text() == str(ctx.store.path)


def test_ctrl_f_goes_to_the_board_search(make_window, people):
    window = make_window(people["wang.sup"])
    window.show_queue_review()

    window.search_action.trigger()

    assert window.tabs.currentWidget() is window.board
    assert window.board.searched == 1


def test_window_and_board_state_survive_a_restart(make_window, people):
    first = make_window(people["li.inv"])
    first.resize(701, 457)
    first.board.state = QByteArray(b"columns:sorted-by-wait")
    first.close()

    second = make_window(people["li.inv"])

    assert (second.size().width(), second.size().height()) == (701, 457)
    assert bytes(second.board.state.data()) == b"columns:sorted-by-wait"
    assert QSettings().contains(main_window.STATE_KEY)


def test_database_check_reports_a_sound_database(qtbot, make_window, people, monkeypatch):
    window = make_window(people["admin"])
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _title, text, *a, **k: shown.append(text)
    )

    window.check_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)

    assert "no problems" in shown[0]


def test_about_names_the_database_and_schema(make_window, people, ctx):
    text = make_window(people["li.inv"]).about_text()

    assert str(ctx.store.path) in text
    assert f"Schema version: {ctx.store.schema_version}" in text
    assert "PySide6" in text


def test_switching_language_is_remembered(make_window, people):
    window = make_window(people["li.inv"])

    window.switch_language("zh_CN")
    try:
        assert QSettings().value("ui/language") == "zh_CN"
        assert window.language_actions["zh_CN"].isChecked()
        assert not window.language_actions["en"].isChecked()
    finally:
        window.switch_language("en")
    assert window.tabs.tabText(0) == "Board"


def test_the_real_case_page_opens_once_and_is_titled_by_its_business(
    qtbot, demo_ctx, background, monkeypatch
):
    from workstation.services import auth, demo

    pytest.importorskip("workstation.ui.case_page")
    real = main_window.view_class
    monkeypatch.setattr(
        main_window,
        "view_class",
        lambda module, name: real(module, name) if name == "CasePage" else STAND_INS[name],
    )
    session = auth.log_in(demo_ctx, "wang.sup", demo.DEMO_PASSWORD)
    window = MainWindow(demo_ctx, session, background)
    qtbot.addWidget(window)

    window.open_case(1)
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    window.open_case(1)

    assert window.tabs.count() == 3  # board, queue review, the case
    assert window.tabs.currentWidget() is page
    business = page.data.detail.case.business_name
    assert window.tabs.tabText(2).rstrip("…") == f"1 · {business[:12]}"
    assert business in window.tabs.tabToolTip(2)


# ---- users (admin) -------------------------------------------------------------------


def test_the_admin_adds_a_user_who_can_then_log_in(qtbot, ctx, people):
    from workstation.domain.people import Role
    from workstation.services import auth
    from workstation.ui.users import AddUserDialog, UsersDialog

    users = UsersDialog(ctx, people["admin"])
    qtbot.addWidget(users)
    count = users.model.rowCount()
    add = AddUserDialog(ctx, people["admin"], users)
    add.username.setText("sun.inv")
    add.display_name.setText("孙调查")
    add.role.setCurrentIndex(add.role.findData(Role.INVESTIGATOR.value))
    add.password.setText("long-enough")
    add.repeat.setText("long-enough")

    add.accept()
    users.reload()

    assert add.result() == AddUserDialog.DialogCode.Accepted
    assert users.model.rowCount() == count + 1
    assert auth.log_in(ctx, "sun.inv", "long-enough").role == Role.INVESTIGATOR


def test_a_taken_user_name_is_refused_in_the_add_dialog(qtbot, ctx, people):
    from workstation.ui.users import AddUserDialog

    add = AddUserDialog(ctx, people["admin"])
    qtbot.addWidget(add)
    add.username.setText("li.inv")
    add.password.setText("long-enough")
    add.repeat.setText("long-enough")

    add.accept()

    assert add.user_id is None
    assert "taken" in add.error.text()


def test_switching_a_user_off_and_refusing_to_switch_oneself_off(qtbot, ctx, people, monkeypatch):
    from workstation.services import auth
    from workstation.ui.users import UsersDialog

    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: refusals.append(text))
    users = UsersDialog(ctx, people["admin"])
    qtbot.addWidget(users)

    users.select_user("li.inv")
    users.toggle_active()
    users.set_active(people["admin"].user_id, False)

    row = next(u for u in users.model.rows if u.username == "li.inv")
    assert not row.active
    assert refusals == ["You cannot switch yourself off."]
    with pytest.raises(Exception, match="switched off"):
        auth.log_in(ctx, "li.inv", "demo1234")


def test_the_real_views_fill_the_window_of_a_supervisor(qtbot, demo_ctx, background):
    """With the colleagues' BoardView and QueueReview, not stand-ins."""
    from workstation.services import auth, demo

    pytest.importorskip("workstation.ui.board")
    pytest.importorskip("workstation.ui.queue_review")
    session = auth.log_in(demo_ctx, "wang.sup", demo.DEMO_PASSWORD)
    window = MainWindow(demo_ctx, session, background)
    qtbot.addWidget(window)
    background.wait()

    assert _tab_titles(window) == ["Board", "Queue review"]
    window.board.caseActivated.emit(3)
    window.queue_review.caseActivated.emit(3)
    assert window.tabs.count() == 3

    window.refresh_action.trigger()
    window.close()
    background.wait()
    assert QSettings().contains(main_window.BOARD_STATE_KEY)


def test_switching_language_rebuilds_every_view_in_place(qtbot, demo_ctx, background):
    """Board, queue review and open cases all speak the new language; filters and tabs stay."""
    from workstation.services import auth, demo

    session = auth.log_in(demo_ctx, "wang.sup", demo.DEMO_PASSWORD)
    window = MainWindow(demo_ctx, session, background)
    qtbot.addWidget(window)
    background.wait()
    window.open_case(1)
    window.board.search.setText("杭州")
    try:
        window.switch_language("zh_CN")
        assert [window.tabs.tabText(i) for i in range(2)] == ["看板", "队列检查"]
        assert window.user_label.text() == "王主管 · 主管"
        assert window.board.search.placeholderText().startswith("搜索")
        assert window.board.search.text() == "杭州"
        assert 1 in window.case_pages and window.tabs.currentWidget() is window.case_pages[1]
        assert window.tabs.count() == 3
    finally:
        window.switch_language("en")
        background.wait()
    assert window.tabs.tabText(0) == "Board"
    assert window.board.search.placeholderText().startswith("Search")
    assert window.user_label.text() == "王主管 · Supervisor"
