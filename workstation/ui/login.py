"""The two doors into the workstation: creating the first admin, and logging in.

Both dialogs call ``services.auth`` on accept and stay open with the reason shown inline
when the rules refuse, so an officer can correct the field without losing what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.services import auth, demo
from workstation.services.context import Context, Session
from workstation.ui.common import message_text, role_label

ERROR_STYLE = "color: #c62828;"


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _AuthDialog(QDialog):
    """Shared shape: a form, an inline error line, OK/Cancel; ``session`` set on success."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _attempt(self) -> Session | None:
        raise NotImplementedError

    def accept(self) -> None:
        """Try the service; close only when it gave a session."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # hashing takes ~0.3 s
        try:
            self.session = self._attempt()
        except RuleError as exc:
            self.show_error(message_text(exc.message))
            self.session = None
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.session is not None:
            super().accept()


class FirstAdminDialog(_AuthDialog):
    """A new database has no users: whoever starts it first creates the administrator."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("First start: create the administrator"))
        intro = QLabel(
            self.tr(
                "This database has no users yet. Create the administrator account; "
                "the administrator then adds the investigators, supervisors and finance staff."
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = _password_field()
        self.repeat = _password_field()
        self.form.addRow(self.tr("User name:"), self.username)
        self.form.addRow(self.tr("Display name:"), self.display_name)
        self.form.addRow(self.tr("Password:"), self.password)
        self.form.addRow(self.tr("Password again:"), self.repeat)
        self.setMinimumWidth(420)

    def _attempt(self) -> Session | None:
        if self.password.text() != self.repeat.text():
            self.show_error(self.tr("The two passwords differ; type them again."))
            self.repeat.clear()
            return None
        return auth.create_first_admin(
            self.ctx, self.username.text(), self.display_name.text(), self.password.text()
        )


class LoginDialog(_AuthDialog):
    """User name and password; on a demo database, a note with the demo log-ins."""

    def __init__(self, ctx: Context, demo_database: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Log in — Credit workstation"))
        heading = QLabel(
            "<b style='font-size: 14pt'>"
            + self.tr("Credit workstation")
            + "</b><br><span style='color: #666'>"
            + self.tr("Database: {path}").format(path=ctx.store.path.name)
            + "</span>"
        )
        heading.setToolTip(str(ctx.store.path))
        self.layout_.insertWidget(0, heading)
        self.username = QLineEdit()
        self.password = _password_field()
        self.form.addRow(self.tr("User name:"), self.username)
        self.form.addRow(self.tr("Password:"), self.password)
        self.demo_note: QLabel | None = None
        if demo_database:
            self.demo_note = QLabel(self._demo_text())
            self.demo_note.setTextFormat(Qt.TextFormat.RichText)
            self.demo_note.setStyleSheet(
                "background: #fff8e1; border: 1px solid #ffcc80; padding: 6px;"
            )
            self.layout_.insertWidget(2, self.demo_note)
        self.username.setFocus()
        self.setMinimumWidth(380)

    def _demo_text(self) -> str:
        rows = "".join(
            f"<tr><td><tt>{name}</tt></td><td>&nbsp;{display}</td>"
            f"<td>&nbsp;{role_label(role.value)}</td></tr>"
            for name, display, role in demo.DEMO_USERS
        )
        return (
            "<b>"
            + self.tr("Demo only")
            + "</b> — "
            + self.tr("password {password} for every demo log-in:").format(
                password=f"<tt>{demo.DEMO_PASSWORD}</tt>"
            )
            + f"<table>{rows}</table>"
        )

    def _attempt(self) -> Session | None:
        try:
            return auth.log_in(self.ctx, self.username.text(), self.password.text())
        except RuleError:
            self.password.clear()
            self.password.setFocus()
            raise
