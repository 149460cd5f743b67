"""Starting the window: refused files, first start, log-in."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from workstation.services import auth, demo
from workstation.services.context import Context
from workstation.store.db import APPLICATION_ID
from workstation.store.schema import SCHEMA_VERSION
from workstation.ui import app
from workstation.ui.login import FirstAdminDialog, LoginDialog


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """QMessageBox.critical, recorded instead of shown."""
    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown


def _args(db: Path) -> argparse.Namespace:
    return argparse.Namespace(db=db, demo=False, demo_reset=False, lang="en", command=None)


def test_a_file_that_is_not_sqlite_is_refused_and_left_as_it_was(tmp_path, critical):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 20)
    before = path.read_bytes()

    assert app.run_gui(_args(path)) != 0

    assert len(critical) == 1
    assert "not a workstation database" in critical[0][1]
    assert path.read_bytes() == before


def test_a_file_from_a_newer_program_is_refused_and_left_as_it_was(tmp_path, critical):
    path = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    assert app.run_gui(_args(path)) != 0

    assert len(critical) == 1
    assert "newer version" in critical[0][1]
    assert path.read_bytes() == before


def test_first_start_creates_the_admin_who_is_then_logged_in(qtbot, ctx: Context):
    assert auth.needs_first_admin(ctx)
    dialog = FirstAdminDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.display_name.setText("老板")
    dialog.password.setText("s3cret-pass")
    dialog.repeat.setText("s3cret-pass")

    dialog.accept()

    assert dialog.result() == FirstAdminDialog.DialogCode.Accepted
    assert dialog.session is not None and dialog.session.role.value == "admin"
    assert dialog.session.display_name == "老板"
    assert auth.log_in(ctx, "boss", "s3cret-pass").user_id == dialog.session.user_id


def test_first_start_with_two_different_passwords_creates_nobody(qtbot, ctx: Context):
    dialog = FirstAdminDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.password.setText("s3cret-pass")
    dialog.repeat.setText("s3cret-pasS")

    dialog.accept()

    assert dialog.session is None
    assert not dialog.error.isHidden()
    assert auth.needs_first_admin(ctx)


def test_a_wrong_password_shows_a_message_and_does_not_log_in(qtbot, ctx, people):
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.username.setText("wang.sup")
    dialog.password.setText("wrong-password")

    dialog.accept()

    assert dialog.session is None
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    assert "Wrong user name or password" in dialog.error.text()
    assert dialog.password.text() == ""  # ready for the retry

    dialog.password.setText(demo.DEMO_PASSWORD)
    dialog.accept()

    assert dialog.session is not None and dialog.session.username == "wang.sup"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_the_demo_log_ins_are_listed_only_for_a_demo_database(qtbot, ctx, people):
    plain, demo_dialog = LoginDialog(ctx), LoginDialog(ctx, demo_database=True)
    qtbot.addWidget(plain)
    qtbot.addWidget(demo_dialog)

    assert plain.demo_note is None
    note = demo_dialog.demo_note.text()
    assert "Demo only" in note and demo.DEMO_PASSWORD in note
    assert all(name in note for name, _, _ in demo.DEMO_USERS)


def test_run_gui_starts_the_window_after_log_in(qtbot, tmp_path, monkeypatch, people, ctx):
    """The whole start on an existing database: log-in accepted, window shown, quit."""
    session = people["li.inv"]
    monkeypatch.setattr(app, "sign_in", lambda _ctx, _demo: session)
    shown = []

    def fake_window(application, ctx, session):
        shown.append((ctx.store.path, session.username))
        return 0

    monkeypatch.setattr(app, "_run_window", fake_window)

    assert app.run_gui(_args(ctx.store.path)) == 0
    assert shown == [(ctx.store.path, "li.inv")]


def test_the_language_comes_from_the_command_line_then_the_saved_choice():
    from PySide6.QtCore import QSettings

    from workstation.ui import i18n

    i18n.save_language("zh_CN")
    assert i18n.choose_language(None, QSettings()) == "zh_CN"
    assert i18n.choose_language("en", QSettings()) == "en"
    i18n.save_language("en")
    assert i18n.choose_language(None, QSettings()) == "en"


def test_a_missing_translation_falls_back_to_english_silently(tmp_path, monkeypatch):
    from workstation.ui import i18n

    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)  # no .qm here

    assert i18n.install_translators("zh_CN") is False
    assert QMessageBox.tr("Cancel") == "Cancel"  # no half-Chinese standard buttons
    i18n.install_translators("en")
