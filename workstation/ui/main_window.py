"""The credit factory's window: the board, the supervisor's queue review, open cases as tabs.

The window only arranges views and routes their signals (a case opened, a case changed);
the views read through ``Background`` and act through services. Window layout, the board's
column state and the language are kept in ``QSettings``.
"""

from __future__ import annotations

import importlib
import platform
from typing import Any

import PySide6
from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from workstation.domain.people import Permission, Role, may
from workstation.services import check
from workstation.services.context import Context, Session
from workstation.ui import i18n
from workstation.ui.common import role_label
from workstation.ui.tasks import Background, Progress

AUTO_REFRESH_MS = 60_000
INTAKE_ROLES = (Role.INVESTIGATOR, Role.SUPERVISOR)  # who may take applications
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
BOARD_STATE_KEY = "board/state"
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}  # each in its own language, never translated


def view_class(module: str, name: str) -> Any:
    """The colleague view ``workstation.ui.<module>.<name>``, imported when the window opens.

    Tests replace this function to build the window around small stand-ins.
    """
    return getattr(importlib.import_module(f"workstation.ui.{module}"), name)


def program_version() -> str:
    try:
        from importlib.metadata import version

        return version("credit-workstation")
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        return "0.1.0"


def _shown(dialog: QWidget) -> QWidget:
    """A modeless dialog shown, deleted when closed (every menu's dialogs open so)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _business_name(page: QWidget) -> str:
    """The business a loaded case page shows (``CasePage.data.detail.case``), else ""."""
    case = getattr(getattr(getattr(page, "data", None), "detail", None), "case", None)
    return str(getattr(case, "business_name", "") or "")


class MainWindow(QMainWindow):
    """One window: board tab, queue review tab (supervisors), one tab per open case."""

    def __init__(self, ctx: Context, session: Session, background: Background) -> None:
        super().__init__()
        self.ctx, self.session, self.background = ctx, session, background
        self.setObjectName("MainWindow")
        self.case_pages: dict[int, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.setCentralWidget(self.tabs)

        self.queue_review: QWidget | None = None
        self.portfolio: QWidget | None = None  # opened from the View menu (R30)
        self.inbox: QWidget | None = None
        self.inbox_dock: QDockWidget | None = None
        self._build_views()
        self._build_inbox()

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.retranslate_ui()
        self.resize(1280, 800)
        self.restore_settings()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(AUTO_REFRESH_MS)
        self.refresh_timer.timeout.connect(self.auto_refresh)
        self.refresh_timer.start()

    # ---- structure -------------------------------------------------------------------

    @property
    def is_supervisor(self) -> bool:
        return may(self.session.role, Permission.REVIEW_QUEUES)

    @property
    def is_admin(self) -> bool:
        return may(self.session.role, Permission.MANAGE_USERS)

    def _build_views(self) -> None:
        """The board and, for supervisors, the queue review: the two tabs that always stay."""
        self.board = view_class("board", "BoardView")(self.ctx, self.session, self.background, self)
        self.board.caseActivated.connect(self.open_case)
        self._add_fixed_tab(self.board)
        if self.is_supervisor:
            self.queue_review = view_class("queue_review", "QueueReview")(
                self.ctx, self.session, self.background, self
            )
            self.queue_review.caseActivated.connect(self.open_case)
            self.queue_review.casesChanged.connect(self._cases_changed_elsewhere)
            self._add_fixed_tab(self.queue_review)

    def _rebuild_views(self) -> None:
        """Build every tab anew in the current language, keeping filters and open cases.

        Each view sets its words when it is built; rebuilding is simpler and surer than
        teaching every widget to retranslate itself.
        """
        board_state = self.board.save_state()
        search = getattr(self.board, "search", None)
        search_text = search.text() if search is not None else ""
        current = self.tabs.currentWidget()
        current_case = next((c for c, p in self.case_pages.items() if p is current), None)
        on_queue = current is not None and current is self.queue_review
        on_portfolio = current is not None and current is self.portfolio
        had_portfolio = self.portfolio is not None
        open_cases = list(self.case_pages)
        self._build_inbox()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.case_pages.clear()
        self.queue_review = self.portfolio = None
        self._build_views()
        self.board.restore_state(board_state)
        if search_text:
            self.board.search.setText(search_text)
        if had_portfolio:
            self.show_portfolio()
        for case_id in open_cases:
            self.open_case(case_id)
        if current_case is not None:
            self.open_case(current_case)
        elif on_portfolio:
            self.show_portfolio()
        elif on_queue:
            self.show_queue_review()
        else:
            self.show_board()

    def _add_fixed_tab(self, widget: QWidget) -> None:
        index = self.tabs.addTab(widget, "")
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            self.tabs.tabBar().setTabButton(index, side, None)

    def _action(self, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.refresh_action = self._action(self.refresh, QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.close_tab_action = self._action(self.close_current_case, "Ctrl+W")
        self.quit_action = self._action(self.close, "Ctrl+Q")
        self.search_action = self._action(self.focus_search, "Ctrl+F")
        self.board_action = self._action(self.show_board, "Ctrl+1")
        self.queue_action = self._action(self.show_queue_review, "Ctrl+2")
        self.queue_action.setVisible(self.queue_review is not None)
        self.portfolio_action = self._action(self.show_portfolio, "Ctrl+4")
        self.portfolio_action.setVisible(may(self.session.role, Permission.VIEW_PORTFOLIO))
        self.users_action = self._action(self.show_users)
        self.users_action.setVisible(self.is_admin)
        self.check_action = self._action(self.check_database)
        self.mappings_action = self._action(self.show_saved_mappings)
        self.authority_action = self._action(self.show_authority)
        self.authority_action.setVisible(self.is_admin)
        self.close_of_day_action = self._action(self.show_close_of_day)
        self.close_of_day_action.setVisible(self.is_supervisor)
        self.approvals_action = self._action(self.show_approvals, "Ctrl+3")
        self.approvals_action.setVisible(self.inbox_dock is not None)
        self.about_action = self._action(self.show_about)
        self.new_application_action = self._action(self.new_application, "Ctrl+N")
        self.import_applications_action = self._action(self.import_applications)
        self.edit_application_action = self._action(self.edit_current_application)
        for action in (
            self.new_application_action,
            self.import_applications_action,
            self.edit_application_action,
        ):
            action.setVisible(self.may_take_applications)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda _=False, c=code: self.switch_language(c))
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.refresh_action, self.close_tab_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.cases_menu = bar.addMenu("")
        self.cases_menu.addActions(
            [
                self.new_application_action,
                self.import_applications_action,
                self.edit_application_action,
            ]
        )
        self.cases_menu.menuAction().setVisible(self.may_take_applications)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(
            [
                self.board_action,
                self.queue_action,
                self.approvals_action,
                self.portfolio_action,
                self.search_action,
            ]
        )
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self._build_rating_menu(bar)
        self.loans_menu = bar.addMenu("")
        self.loans_menu.addAction(self.close_of_day_action)
        self.loans_menu.menuAction().setVisible(self.is_supervisor)
        self.admin_menu = bar.addMenu("")
        self.admin_menu.addActions(
            [self.users_action, self.authority_action, self.check_action, self.mappings_action]
        )
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")  # restoreState finds it by name
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions(
            [self.refresh_action, self.search_action, self.queue_action, self.portfolio_action]
        )
        self.toolbar.addAction(self.new_application_action)
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.date_label = QLabel()
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        for label in (self.user_label, self.date_label, self.path_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def retranslate_ui(self) -> None:
        """Every visible string of the window, again: called at start and on a language switch."""
        self.setWindowTitle(self.tr("Credit workstation — the credit factory"))
        self.tabs.setTabText(self.tabs.indexOf(self.board), self.tr("Board"))
        if self.queue_review is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.queue_review), self.tr("Queue review"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.refresh_action.setToolTip(self.tr("Read the line again (F5)"))
        self.close_tab_action.setText(self.tr("&Close case tab"))
        self.quit_action.setText(self.tr("&Quit"))
        self.search_action.setText(self.tr("&Search"))
        self.search_action.setToolTip(self.tr("Find a case on the board (Ctrl+F)"))
        self.board_action.setText(self.tr("&Board"))
        self.queue_action.setText(self.tr("&Queue review"))
        self.portfolio_action.setText(self.tr("&Portfolio"))
        self.portfolio_action.setToolTip(
            self.tr("The loan book by overdue class and the non-performing ratio (Ctrl+4)")
        )
        if self.portfolio is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.portfolio), self.tr("Portfolio"))
        self.users_action.setText(self.tr("&Users…"))
        self.check_action.setText(self.tr("&Database check"))
        self.mappings_action.setText(self.tr("Saved &bank mappings…"))
        self.about_action.setText(self.tr("&About"))
        self.new_application_action.setText(self.tr("&New application…"))
        self.new_application_action.setToolTip(self.tr("Take a new application (Ctrl+N)"))
        self.import_applications_action.setText(self.tr("&Import applications…"))
        self.edit_application_action.setText(self.tr("&Edit application…"))
        self.cases_menu.setTitle(self.tr("&Cases"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.admin_menu.setTitle(self.tr("&Admin"))
        self.help_menu.setTitle(self.tr("&Help"))
        self._retranslate_rating_menu()
        self._retranslate_loans()
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        for case_id, page in self.case_pages.items():
            self._set_case_title(case_id, page)
        self.update_status()

    def update_status(self) -> None:
        """The permanent part of the status bar: who, which business date, which file."""
        self.user_label.setText(
            self.tr("{name} · {role}").format(
                name=self.session.display_name, role=role_label(self.session.role.value)
            )
        )
        self.date_label.setText(
            self.tr("Business date {date}").format(date=self.ctx.clock.now().date().isoformat())
        )
        self.path_label.setText(str(self.ctx.store.path))
        self.path_label.setToolTip(self.tr("Database file"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- cases -------------------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        """Show the case in its tab, opening the tab only if it is not open yet."""
        page = self.case_pages.get(case_id)
        if page is None:
            page = view_class("case_page", "CasePage")(
                self.ctx, self.session, self.background, case_id, self
            )
            page.caseChanged.connect(self.case_changed)
            page.windowTitleChanged.connect(
                lambda _title, c=case_id, p=page: self._set_case_title(c, p)
            )
            if hasattr(page, "loaded"):  # CasePage says when the case is on screen
                page.loaded.connect(lambda c=case_id, p=page: self._set_case_title(c, p))
                page.loaded.connect(lambda c=case_id, p=page: self._offer_application_edit(c, p))
            self.case_pages[case_id] = page
            self.tabs.addTab(page, "")
            self._set_case_title(case_id, page)
        self.tabs.setCurrentWidget(page)

    def _set_case_title(self, case_id: int, page: QWidget) -> None:
        index = self.tabs.indexOf(page)
        if index >= 0:
            name = page.windowTitle() or _business_name(page)
            if not name:
                self.tabs.setTabText(index, self.tr("Case {id}").format(id=case_id))
                self.tabs.setTabToolTip(index, "")
                return
            short = name[:12] + "…" if len(name) > 13 else name
            self.tabs.setTabText(index, f"{case_id} · {short}")
            self.tabs.setTabToolTip(
                index, self.tr("Case {id}: {name}").format(id=case_id, name=name)
            )

    def case_changed(self, case_id: int) -> None:
        """A case page moved or edited its case: the lists that show it must read again."""
        self.board.refresh()
        if self.portfolio is not None:  # a payment or a draw changes the book
            self.portfolio.refresh()  # type: ignore[attr-defined]
        if self.queue_review is not None:
            self.queue_review.refresh()
        if self.inbox is not None:
            self.inbox.refresh()  # type: ignore[attr-defined]
        self.statusBar().showMessage(self.tr("Case {id} saved.").format(id=case_id), 5000)

    def _cases_changed_elsewhere(self) -> None:
        self.board.refresh()
        if self.portfolio is not None:
            self.portfolio.refresh()  # type: ignore[attr-defined]
        for page in self.case_pages.values():
            page.reload()  # type: ignore[attr-defined]

    def close_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is not None and page is self.portfolio:
            self.portfolio = None
            self.tabs.removeTab(index)
            page.deleteLater()
            return
        case_id = next((c for c, p in self.case_pages.items() if p is page), None)
        if case_id is None:
            return  # the board and queue review stay
        del self.case_pages[case_id]
        self.tabs.removeTab(index)
        page.deleteLater()

    def close_current_case(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # ---- intake --------------------------------------------------------------------------

    @property
    def may_take_applications(self) -> bool:
        return self.session.role in INTAKE_ROLES

    def new_application(self) -> QWidget | None:
        return self._open_intake(None)

    def edit_application(self, case_id: int) -> QWidget | None:
        return self._open_intake(case_id)

    def edit_current_application(self) -> None:
        case_id = next(
            (c for c, p in self.case_pages.items() if p is self.tabs.currentWidget()), None
        )
        if case_id is None:
            self.statusBar().showMessage(self.tr("Open a case in “Application” first."), 5000)
            return
        self.edit_application(case_id)

    def _open_intake(self, case_id: int | None) -> QWidget | None:
        """The intake form, not modal: the officer can look at the board while filling it."""
        if not self.may_take_applications:
            return None
        from workstation.ui.intake import IntakeDialog

        dialog = IntakeDialog(self.ctx, self.session, self.background, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._application_saved)
        dialog.submitted.connect(self._application_submitted)
        dialog.show()
        return dialog

    def _application_saved(self, case_id: int) -> None:
        self.case_changed(case_id)
        page = self.case_pages.get(case_id)
        if page is not None:
            page.reload()  # type: ignore[attr-defined]

    def _application_submitted(self, case_id: int) -> None:
        self._application_saved(case_id)
        self.open_case(case_id)
        self.statusBar().showMessage(
            self.tr("Case {id} submitted and rated.").format(id=case_id), 5000
        )  # not "saved": the page now shows where the rules sent it (found in review)

    def import_applications(self) -> QWidget | None:
        if not self.may_take_applications:
            return None
        from workstation.ui.intake_import import ImportApplicationsDialog

        dialog = ImportApplicationsDialog(self.ctx, self.session, self.background, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _n: self.board.refresh())
        dialog.show()
        return dialog

    def _offer_application_edit(self, case_id: int, page: QWidget) -> None:
        """A case still in "Application" gets an "Edit application…" button on its page."""
        case = getattr(getattr(getattr(page, "data", None), "detail", None), "case", None)
        bar = getattr(page, "actions_bar", None)
        if case is None or bar is None or case.stage != "application":
            return
        if not self.may_take_applications:
            return
        for i in range(bar.count()):
            widget = bar.itemAt(i).widget()
            if widget is not None and widget.objectName() == "action_edit_application":
                return
        button = QPushButton(self.tr("Edit application…"))
        button.setObjectName("action_edit_application")
        button.clicked.connect(lambda: self.edit_application(case_id))
        bar.insertWidget(0, button)

    # ---- commands ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.board.refresh()
        if self.queue_review is not None:
            self.queue_review.refresh()
        if self.portfolio is not None:
            self.portfolio.refresh()  # type: ignore[attr-defined]
        self.update_status()
        self.statusBar().showMessage(self.tr("Reading the line…"), 3000)

    def auto_refresh(self) -> None:
        """Every minute: the board reads off the GUI thread, so this never freezes the window."""
        self.board.refresh()
        if self.queue_review is not None:
            self.queue_review.refresh()
        if self.inbox is not None:
            self.inbox.refresh()  # type: ignore[attr-defined]
        self.update_status()

    def focus_search(self) -> None:
        self.show_board()
        self.board.focus_search()

    def show_board(self) -> None:
        self.tabs.setCurrentWidget(self.board)

    def show_queue_review(self) -> None:
        if self.queue_review is not None:
            self.tabs.setCurrentWidget(self.queue_review)

    def show_portfolio(self) -> QWidget | None:
        """The loan book's tab (R30), opened on first use: it loads matplotlib."""
        if not may(self.session.role, Permission.VIEW_PORTFOLIO):
            return None
        if self.portfolio is None:
            self.portfolio = view_class("portfolio", "PortfolioView")(
                self.ctx, self.session, self.background, self
            )
            self.portfolio.caseActivated.connect(self.open_case)
            fixed = self.queue_review if self.queue_review is not None else self.board
            index = self.tabs.insertTab(self.tabs.indexOf(fixed) + 1, self.portfolio, "")
            self.tabs.setTabText(index, self.tr("Portfolio"))
        self.tabs.setCurrentWidget(self.portfolio)
        return self.portfolio

    def switch_language(self, language: str) -> None:
        """Switch now: the translators change and every open widget gets LanguageChange."""
        i18n.save_language(language)
        found = i18n.install_translators(language)
        self._rebuild_views()
        self.retranslate_ui()
        for code, action in self.language_actions.items():
            action.setChecked(code == language)
        self.update_status()
        if not found:
            self.statusBar().showMessage(
                self.tr("No translation for {language} is installed; English is shown.").format(
                    language=LANGUAGE_NAMES.get(language, language)
                ),
                8000,
            )

    def show_users(self) -> None:
        from workstation.ui.users import UsersDialog

        UsersDialog(self.ctx, self.session, self).exec()

    def check_database(self) -> None:
        """Integrity and consistency check on its own connection, off the GUI thread."""
        self.statusBar().showMessage(self.tr("Checking the database…"))

        def work(ctx: Context, _progress: Progress) -> list[str]:
            return check.consistency_problems(ctx)

        self.background.run(
            self,
            self.tr("Checking the database…"),
            work,
            self.show_check_result,
            self._check_failed,
        )

    def show_check_result(self, problems: list[str]) -> None:
        self.statusBar().clearMessage()
        title = self.tr("Database check")
        if not problems:
            QMessageBox.information(
                self, title, self.tr("The database is sound: no problems found.")
            )
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self)
        box.setText(self.tr("{n} problem(s) found.").format(n=len(problems)))
        box.setDetailedText("\n".join(problems))
        box.exec()

    def _check_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        text = self.tr("The check failed: {error}").format(error=error)
        QMessageBox.critical(self, self.tr("Database check"), text)

    def show_saved_mappings(self) -> QWidget:
        """The column mappings saved for other banks' statements: list, edit, delete."""
        from workstation.ui.saved_mappings import SavedMappingsDialog

        dialog = SavedMappingsDialog(self.ctx, self.session, self, self._cases_changed_elsewhere)
        return _shown(dialog)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About the credit workstation"), self.about_text())

    def about_text(self) -> str:
        return "<br>".join(
            [
                "<b>" + self.tr("Credit workstation") + f"</b> {program_version()}",
                self.tr(
                    "A credit factory: every small-business loan moves along one line of "
                    "stages, so officers see where each case waits and where the line is slow."
                ),
                "",
                self.tr("Database: {path}").format(path=self.ctx.store.path),
                self.tr("Schema version: {version}").format(version=self.ctx.store.schema_version),
                self.tr("Qt {qt}, PySide6 {pyside}, Python {python}").format(
                    qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
                ),
            ]
        )

    # ---- rating (supervisors) -----------------------------------------------------------

    def _build_rating_menu(self, bar: Any) -> None:
        """Macro settings, the blacklist and the batch re-score: a supervisor's (R18, R33)."""
        self.macro_action = self._action(self.show_macro_settings)
        self.blacklist_action = self._action(self.show_blacklist)
        self.rescore_action = self._action(self.rescore_open_cases)
        self.rules_action = self._action(self.show_classification_rules)
        self.rating_menu = bar.addMenu("")
        self.rating_menu.addActions([self.macro_action, self.blacklist_action, self.rules_action])
        self.rating_menu.addSeparator()
        self.rating_menu.addAction(self.rescore_action)
        self.rating_menu.menuAction().setVisible(self.is_supervisor)

    def _retranslate_rating_menu(self) -> None:
        self.rating_menu.setTitle(self.tr("&Rating"))
        self.macro_action.setText(self.tr("&Macro settings…"))
        self.blacklist_action.setText(self.tr("&Blacklist…"))
        self.rescore_action.setText(self.tr("Re-&score open cases…"))
        self.rules_action.setText(self.tr("&Classification rules…"))

    def show_macro_settings(self) -> QWidget:
        from workstation.ui.macro_settings import MacroSettingsDialog

        dialog = MacroSettingsDialog(self.ctx, self.session, self.background, self)
        return _shown(dialog)

    def show_blacklist(self) -> QWidget:
        from workstation.ui.blacklist import BlacklistDialog

        dialog = BlacklistDialog(self.ctx, self.session, self.background, self)
        return _shown(dialog)

    def show_classification_rules(self) -> QWidget:
        """The rule list that classes every case's statement lines (R24); saved: cases re-read."""
        from workstation.services import statements
        from workstation.ui.rules_dialog import RulesDialog

        rules = statements.classification_rules(self.ctx, self.session)
        dialog = RulesDialog(self.ctx, self.session, rules, self._cases_changed_elsewhere, self)
        return _shown(dialog)

    def rescore_open_cases(self) -> None:
        from workstation.ui import rescore

        self.statusBar().showMessage(self.tr("Re-scoring open cases…"))
        rescore.start_rescore(
            self, self.background, self.session, self.show_rescore_summary, self._rescore_failed
        )

    def show_rescore_summary(self, summary: Any) -> QWidget:
        from workstation.ui.rescore import RescoreSummaryDialog

        self.statusBar().clearMessage()
        self._cases_changed_elsewhere()
        dialog = RescoreSummaryDialog(summary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.caseActivated.connect(self.open_case)
        dialog.show()
        return dialog

    def _rescore_failed(self, error: BaseException) -> None:
        from workstation.domain.messages import RuleError
        from workstation.ui.common import show_refusal

        self.statusBar().clearMessage()
        if isinstance(error, RuleError):
            show_refusal(self, error)
            return
        text = self.tr("The re-score failed: {error}").format(error=error)
        QMessageBox.critical(self, self.tr("Re-score open cases"), text)

    # ---- loans: the checker's inbox, authority, the close of day ---------------------------

    def _build_inbox(self) -> None:
        """The checker's inbox (supervisors), in a dock below the tabs; rebuilt with the
        other views on a language switch."""
        if not self.is_supervisor:
            return
        from workstation.ui.approval_inbox import ApprovalInbox

        inbox = ApprovalInbox(self.ctx, self.session, self.background, self)
        inbox.caseActivated.connect(self.open_case)
        inbox.casesChanged.connect(self._cases_changed_elsewhere)
        if self.inbox_dock is None:
            self.inbox_dock = QDockWidget(self)
            self.inbox_dock.setObjectName("approvals_dock")  # restoreState finds it by name
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.inbox_dock)
            self.resizeDocks([self.inbox_dock], [190], Qt.Orientation.Vertical)
        old = self.inbox
        self.inbox_dock.setWidget(inbox)
        self.inbox = inbox
        if old is not None:
            old.deleteLater()

    def _retranslate_loans(self) -> None:
        self.loans_menu.setTitle(self.tr("&Loans"))
        self.close_of_day_action.setText(self.tr("Close of &day…"))
        self.authority_action.setText(self.tr("Approval &authority…"))
        self.approvals_action.setText(self.tr("&Approvals"))
        self.approvals_action.setToolTip(self.tr("The cases waiting for your signature (Ctrl+3)"))
        if self.inbox_dock is not None:
            self.inbox_dock.setWindowTitle(self.tr("Approvals"))

    def show_approvals(self) -> None:
        if self.inbox_dock is not None:
            self.inbox_dock.show()
            self.inbox_dock.raise_()
            if self.inbox is not None:
                self.inbox.refresh()  # type: ignore[attr-defined]

    def show_authority(self) -> QWidget:
        from workstation.ui.authority import AuthorityDialog

        dialog = AuthorityDialog(self.ctx, self.session, self)
        return _shown(dialog)

    def show_close_of_day(self) -> QWidget:
        from workstation.ui.close_of_day import CloseOfDayDialog

        dialog = CloseOfDayDialog(self.ctx, self.session, self.background, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ran.connect(self._cases_changed_elsewhere)
        dialog.show()
        return dialog

    # ---- settings ----------------------------------------------------------------------

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.setValue(BOARD_STATE_KEY, self.board.save_state())

    def restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        board_state = settings.value(BOARD_STATE_KEY)
        if isinstance(board_state, QByteArray) and not board_state.isEmpty():
            self.board.restore_state(board_state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.refresh_timer.stop()
        self.save_settings()
        super().closeEvent(event)
