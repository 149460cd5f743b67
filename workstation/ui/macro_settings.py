"""The macro adjustment (R18) as a supervisor keeps it: the economy's stance and each
industry's outlook, with the limit multiplier each one means, and every earlier version.

Saving writes a new version (the service keeps the old ones with who and when); decisions
name the version they used, so nothing already decided changes. Reads go through
``Background.read``; a refusal is shown and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.limits import DEFAULT_OUTLOOK, MacroSettings
from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.services import rating as rating_service
from workstation.services.context import Context, Session
from workstation.ui.common import format_time, show_refusal, translate
from workstation.ui.table_model import HeaderedTableModel
from workstation.ui.tasks import Background

AnyIndex = QModelIndex | QPersistentModelIndex
OUTLOOKS = {
    "growing": QT_TRANSLATE_NOOP("MacroSettings", "Growing"),
    "stable": QT_TRANSLATE_NOOP("MacroSettings", "Stable"),
    "shrinking": QT_TRANSLATE_NOOP("MacroSettings", "Shrinking"),
}
STANCES = {
    "expansion": QT_TRANSLATE_NOOP("MacroSettings", "Expansion"),
    "neutral": QT_TRANSLATE_NOOP("MacroSettings", "Neutral"),
    "downturn": QT_TRANSLATE_NOOP("MacroSettings", "Downturn"),
}


def outlook_label(outlook: str) -> str:
    return translate("MacroSettings", OUTLOOKS[outlook]) if outlook in OUTLOOKS else outlook


def stance_label(stance: str) -> str:
    return translate("MacroSettings", STANCES[stance]) if stance in STANCES else stance


def multiplier_text(value: Decimal | None) -> str:
    return "—" if value is None else f"× {value.normalize():f}"


class IndustryModel(HeaderedTableModel):
    """Industry, its outlook (editable by a supervisor) and the limit multiplier it means."""

    HEADERS = (
        QT_TRANSLATE_NOOP("IndustryModel", "Industry"),
        QT_TRANSLATE_NOOP("IndustryModel", "Outlook"),
        QT_TRANSLATE_NOOP("IndustryModel", "Limit multiplier"),
    )
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._multipliers: dict[str, Decimal] = {}
        self.editable = False

    def set_settings(self, settings: MacroSettings) -> None:
        self.beginResetModel()
        self._rows = [[name, outlook] for name, outlook in settings.industry_outlook]
        self._multipliers = dict(settings.industry_multipliers)
        self.endResetModel()

    def outlooks(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, outlook) for name, outlook in self._rows)

    def add_industry(self, name: str) -> bool:
        name = name.strip()
        if not name or any(row[0] == name for row in self._rows):
            return False
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append([name, DEFAULT_OUTLOOK])
        self.endInsertRows()
        self.edited.emit()
        return True

    def row_count(self) -> int:
        return len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 1 and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, outlook = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return name
            if col == 1:
                return outlook_label(outlook)
            return multiplier_text(self._multipliers.get(outlook))
        if role == Qt.ItemDataRole.EditRole and col == 1:
            return outlook
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != 1
            or value not in OUTLOOKS
        ):
            return False
        row = self._rows[index.row()]
        if row[1] == value:
            return False
        row[1] = str(value)
        self.dataChanged.emit(index, index.siblingAtColumn(2))
        self.edited.emit()
        return True


class OutlookDelegate(QStyledItemDelegate):
    """A drop-down of the three outlooks for the Outlook column."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for key in OUTLOOKS:
            combo.addItem(outlook_label(key), key)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: Any, index: AnyIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MacroHistoryModel(HeaderedTableModel):
    """Every version of the macro settings, newest first, with who set it and when."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MacroHistoryModel", "Version"),
        QT_TRANSLATE_NOOP("MacroHistoryModel", "When"),
        QT_TRANSLATE_NOOP("MacroHistoryModel", "By"),
        QT_TRANSLATE_NOOP("MacroHistoryModel", "Economy"),
        QT_TRANSLATE_NOOP("MacroHistoryModel", "Industries"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._versions: list[Any] = []
        self._current = -1

    def set_versions(self, versions: Sequence[Any]) -> None:
        self.beginResetModel()
        self._versions = sorted(versions, key=lambda v: v.version, reverse=True)
        self._current = self._versions[0].version if self._versions else -1
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._versions)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._versions):
            return None
        entry = self._versions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.FontRole and entry.version == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return self._text(entry, 4)
        return None

    def _text(self, entry: Any, col: int) -> str:
        settings: MacroSettings = entry.settings
        if col == 0:
            return str(entry.version)
        if col == 1:
            return format_time(entry.at)
        if col == 2:
            return entry.by_name or self.tr("(first settings)")
        if col == 3:
            return stance_label(settings.economy)
        return ", ".join(
            f"{name} {outlook_label(outlook)}" for name, outlook in settings.industry_outlook
        ) or self.tr("none listed")


class MacroSettingsDialog(QDialog):
    """Supervisors set the economy and industry outlooks; others see them read-only."""

    saved = Signal(int)  # the new version

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        parent: QWidget | None = None,
        service: Any = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self._service = service or rating_service
        self.settings: MacroSettings | None = None
        self.may_edit = session.role == Role.SUPERVISOR
        self.setWindowTitle(self.tr("Macro settings"))
        self.resize(760, 620)
        self._build()
        self.reload()

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "The outlook of the economy and of each industry scales every new limit. "
                "Saving makes a new version; decisions already taken keep the version "
                "they used."
            )
        )
        intro.setWordWrap(True)
        self.version = QLabel()
        self.economy = QComboBox()
        self.economy.setObjectName("economy")
        self.economy.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.economy.currentIndexChanged.connect(self._economy_changed)
        self.economy_multiplier = QLabel()
        economy_row = QHBoxLayout()
        economy_row.addWidget(self.economy)
        economy_row.addWidget(self.economy_multiplier)
        economy_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("In force"), self.version)
        form.addRow(self.tr("Economy (宏观经济)"), economy_row)

        self.model = IndustryModel(self)
        self.model.editable = self.may_edit
        self.model.edited.connect(self._mark_dirty)
        self.table = QTableView()
        self.table.setObjectName("industries")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, OutlookDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if self.may_edit
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.new_industry = QLineEdit()
        self.new_industry.setPlaceholderText(self.tr("Industry name, as on the cases"))
        self.add_button = QPushButton(self.tr("Add industry"))
        self.add_button.clicked.connect(self.add_industry)
        self.new_industry.returnPressed.connect(self.add_industry)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_industry, 1)
        add_row.addWidget(self.add_button)
        for widget in (self.new_industry, self.add_button):
            widget.setVisible(self.may_edit)
        self.default_note = QLabel(
            self.tr("An industry not listed counts as {outlook}.").format(
                outlook=outlook_label(DEFAULT_OUTLOOK)
            )
        )
        self.default_note.setStyleSheet("color: #546e7a;")
        industries = QGroupBox(self.tr("Industry outlook (行业趋向)"))
        box = QVBoxLayout(industries)
        box.addWidget(self.table)
        box.addLayout(add_row)
        box.addWidget(self.default_note)

        self.history_model = MacroHistoryModel(self)
        self.history = QTableView()
        self.history.setObjectName("macroHistory")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        earlier = QGroupBox(self.tr("Versions"))
        QVBoxLayout(earlier).addWidget(self.history)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(
            self.tr("Save as a new version"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.setObjectName("saveMacro")
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(self.may_edit)
        self.save_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(industries, 3)
        layout.addWidget(earlier, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.economy.setEnabled(self.may_edit)

    # -- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        service = self._service
        self.status.setText(self.tr("Reading the settings…"))
        self._background.read(
            lambda ctx: (service.macro_settings(ctx), service.macro_history(ctx)),
            self._arrived,
            self._failed,
        )

    def _arrived(self, read: tuple[MacroSettings, list[Any]]) -> None:
        if not shiboken6.isValid(self):
            return
        self.show_settings(*read)

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.status.setText(
                self.tr("The settings could not be read: {error}").format(error=exc)
            )

    def show_settings(self, settings: MacroSettings, history: Sequence[Any]) -> None:
        self.settings = settings
        self.version.setText(self.tr("version {n}").format(n=settings.version))
        self.economy.blockSignals(True)
        self.economy.clear()
        for key, _ in settings.economy_multipliers:
            self.economy.addItem(stance_label(key), key)
        self.economy.setCurrentIndex(max(0, self.economy.findData(settings.economy)))
        self.economy.blockSignals(False)
        self.model.set_settings(settings)
        self.history_model.set_versions(history)
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._show_economy_multiplier()
        self.save_button.setEnabled(False)
        self.status.setText("")

    def _economy_changed(self) -> None:
        self._show_economy_multiplier()
        self._mark_dirty()

    def _show_economy_multiplier(self) -> None:
        if self.settings is None:
            return
        factor = dict(self.settings.economy_multipliers).get(self.economy.currentData())
        self.economy_multiplier.setText(
            self.tr("limit {factor}").format(factor=multiplier_text(factor))
        )

    def _mark_dirty(self) -> None:
        self.save_button.setEnabled(self.may_edit and self.settings is not None)

    # -- acting ---------------------------------------------------------------------------

    def add_industry(self) -> None:
        if self.model.add_industry(self.new_industry.text()):
            self.new_industry.clear()

    def save(self) -> bool:
        """Write the settings on screen as a new version; a refusal changes nothing."""
        if self.settings is None:
            return False
        try:
            new = self._service.update_macro_settings(
                self._ctx,
                self._session,
                industry_outlook=self.model.outlooks(),
                economy=str(self.economy.currentData()),
                expected_version=self.settings.version,  # no lost update over a colleague's
            )
        except RuleError as exc:
            show_refusal(self, exc)
            self.reload()  # show what is there now, as the message says
            return False
        self.saved.emit(new.version)
        self.reload()
        return True
