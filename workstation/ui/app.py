"""Starting the window: application, language, database, first admin, log-in, main window.

Each step can stop the start with a clear message and a non-zero exit; none of them changes
the database before the user has logged in (a refused file stays byte-identical).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from workstation.services import auth, demo
from workstation.services.context import Context, Session, SystemClock
from workstation.store.db import Store, StoreError, default_database_path, open_store
from workstation.ui import i18n
from workstation.ui.common import message_text
from workstation.ui.login import FirstAdminDialog, LoginDialog

ORGANIZATION = "credit-workstation"
APPLICATION = "workstation"


def database_path(args: argparse.Namespace) -> Path:
    """``--demo`` builds or reuses the demo file; else ``--db``; else the data folder."""
    if getattr(args, "demo", False):
        return demo.prepare_demo_database(getattr(args, "demo_reset", False))
    if getattr(args, "db", None):
        return Path(args.db)
    return default_database_path()


def open_database(path: Path, parent: QWidget | None = None) -> Store | None:
    """The store, or None after telling the user why the file cannot be used."""
    try:
        return open_store(path)
    except StoreError as exc:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("app", "Cannot open the database"),
            message_text(exc.message),
        )
        return None


def sign_in(ctx: Context, demo_database: bool) -> Session | None:
    """First start creates the admin; otherwise the log-in dialog. None when cancelled."""
    dialog: QDialog
    if auth.needs_first_admin(ctx):
        dialog = FirstAdminDialog(ctx)
    else:
        dialog = LoginDialog(ctx, demo_database)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.session  # type: ignore[attr-defined]


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    return app


def run_gui(args: argparse.Namespace) -> int:
    """Run the window until the user quits; the exit code says whether it could start."""
    app = _application()
    language = i18n.choose_language(getattr(args, "lang", None), QSettings())
    i18n.install_translators(language)
    if getattr(args, "lang", None):
        i18n.save_language(language)
    store = open_database(database_path(args))
    if store is None:
        return 2
    ctx = Context(store, SystemClock())
    try:
        session = sign_in(ctx, bool(getattr(args, "demo", False)))
        if session is None:
            return 1
        return _run_window(app, ctx, session)
    finally:
        store.close()


def _run_window(app: QApplication, ctx: Context, session: Session) -> int:
    from workstation.ui.main_window import MainWindow
    from workstation.ui.tasks import Background

    background = Background(ctx)
    window = MainWindow(ctx, session, background)
    window.show()
    try:
        return int(app.exec())
    finally:
        background.shutdown()
