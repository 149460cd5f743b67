"""The administrator's list of people who may log in: add, change role, switch on or off.

Every change goes through ``services.auth``, which holds the rules (admin only, nobody
switches themselves off, unique names, password length); the dialog shows its refusals.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.people import LOGIN_ROLES, Role
from workstation.services import auth
from workstation.services.context import Context, Session
from workstation.store.users import UserRow
from workstation.ui.common import message_text, role_label, show_refusal

_Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    """The users as rows: name, display name, role, active (a handful of rows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UserRow] = []

    def set_users(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("Active"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        user = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            active = self.tr("yes") if user.active else self.tr("switched off")
            return (user.username, user.display_name, role_label(user.role), active)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.UserRole:
            return user.id
        return None


class AddUserDialog(QDialog):
    """User name, display name, role, password twice; stays open when the rules refuse."""

    def __init__(self, ctx: Context, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.user_id: int | None = None
        self.setWindowTitle(self.tr("Add a user"))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in LOGIN_ROLES:
            self.role.addItem(role_label(role.value), role.value)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self._show_error(self.tr("The two passwords differ; type them again."))
            return
        try:
            self.user_id = auth.add_user(
                self.ctx,
                self.session,
                self.username.text(),
                self.display_name.text(),
                Role(self.role.currentData()),
                self.password.text(),
            )
        except RuleError as exc:
            self._show_error(message_text(exc.message))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class UsersDialog(QDialog):
    """The admin's user list with add, change role and switch on/off."""

    def __init__(self, ctx: Context, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.setWindowTitle(self.tr("Users"))
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.active_button = QPushButton(self.tr("Switch on/off"))
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.ask_role)
        self.active_button.clicked.connect(self.toggle_active)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.resize(620, 380)
        self.reload()

    def _update_buttons(self, *_: object) -> None:
        """Name the switch after what it will do, and grey out what needs a selection."""
        user = self.selected_user()
        self.role_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None)
        if user is not None and user.active:
            self.active_button.setText(self.tr("Switch off"))
        elif user is not None:
            self.active_button.setText(self.tr("Switch on"))

    def reload(self) -> None:
        self.model.set_users(auth.list_users(self.ctx))

    def selected_user(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select_user(self, username: str) -> None:
        for row, user in enumerate(self.model.rows):
            if user.username == username:
                self.table.selectRow(row)
                return

    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self.session, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def ask_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        labels = [role_label(r.value) for r in LOGIN_ROLES]
        current = next((i for i, r in enumerate(LOGIN_ROLES) if r.value == user.role), 0)
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Change role"),
            self.tr("Role of {name}:").format(name=user.display_name),
            labels,
            current,
            False,
        )
        if ok:
            self.change_role(user.id, LOGIN_ROLES[labels.index(label)])

    def change_role(self, user_id: int, role: Role) -> None:
        self._apply(lambda: auth.set_role(self.ctx, self.session, user_id, role))

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is not None:
            self.set_active(user.id, not user.active)

    def set_active(self, user_id: int, active: bool) -> None:
        self._apply(lambda: auth.set_active(self.ctx, self.session, user_id, active))

    def _apply(self, change: Any) -> None:
        try:
            change()
        except RuleError as exc:
            show_refusal(self, exc)
        self.reload()
