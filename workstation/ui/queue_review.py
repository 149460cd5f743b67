"""The supervisor's queue review: who carries how much, which cases are past their stage's
time limit (R22), and handing cases to someone else.

Everything is read on the background reader; the breached list holds only case ids and
fetches the rows of a block when the view first shows one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.line_speed import DEFAULT_LIMITS, deadline
from workstation.domain.messages import RuleError
from workstation.domain.stages import WORK_STAGES, Stage
from workstation.services import pipeline
from workstation.services.context import Context, Session
from workstation.store.board import CaseListRow
from workstation.ui.common import (
    BREACH_COLOR,
    RISK_COLORS,
    format_duration,
    format_fen,
    format_time,
    format_wait,
    message_text,
    risk_label,
    role_label,
    stage_label,
    translate,
)
from workstation.ui.table_model import HeaderedTableModel, list_view
from workstation.ui.tasks import Background

AnyIndex = QModelIndex | QPersistentModelIndex
BLOCK = 50  # breached rows fetched together when the view first shows one of them
WORK_COLUMNS: tuple[str, ...] = tuple(s.value for s in WORK_STAGES)
MONITORING = Stage.MONITORING.value
ROLE_ORDER = {"investigator": 0, "supervisor": 1, "finance": 2}


@dataclass(frozen=True)
class LoadRow:
    """One line of the load table: an officer, or the stage queues (``officer_id`` None)."""

    officer_id: int | None
    name: str
    role: str
    by_stage: dict[str, int]
    red: int
    oldest_wait: str | None  # oldest entry among cases waiting for a person

    @property
    def side_lanes(self) -> int:
        return sum(n for s, n in self.by_stage.items() if s not in WORK_COLUMNS + (MONITORING,))

    @property
    def total(self) -> int:
        return sum(self.by_stage.values())


@dataclass(frozen=True)
class ReviewData:
    rows: tuple[LoadRow, ...]
    now: datetime


def unassigned_name() -> str:
    return translate("QueueReview", "Unassigned (stage queues)")


def load_review(ctx: Context, session: Session) -> ReviewData:
    """The officers' loads plus the unassigned queues (runs on the background reader)."""
    waits = pipeline.officer_oldest_waits(ctx, session)
    rows = [
        LoadRow(
            load.officer_id,
            load.name,
            load.role,
            dict(load.by_stage),
            load.red,
            waits.get(load.officer_id),
        )
        for load in pipeline.officer_loads(ctx, session)
    ]
    rows.sort(key=lambda r: (ROLE_ORDER.get(r.role, 9), r.name))
    queue = pipeline.unassigned_load(ctx, session)
    unassigned = LoadRow(
        None,
        "",  # named on the GUI thread (unassigned_name): no Qt call on the reader thread
        "",
        dict(queue.by_stage),
        queue.red,
        queue.oldest_entered,
    )
    return ReviewData((*rows, unassigned), ctx.clock.now())


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class OfficerLoadModel(QAbstractTableModel):
    """Officers (and the unassigned queues) by open cases per stage, red cases, oldest wait."""

    HEADERS = (
        QT_TRANSLATE_NOOP("OfficerLoadModel", "Officer"),
        QT_TRANSLATE_NOOP("OfficerLoadModel", "Role"),
        *(s for s in WORK_COLUMNS),
        MONITORING,
        QT_TRANSLATE_NOOP("OfficerLoadModel", "Side lanes"),
        QT_TRANSLATE_NOOP("OfficerLoadModel", "Open"),
        QT_TRANSLATE_NOOP("OfficerLoadModel", "Red"),
        QT_TRANSLATE_NOOP("OfficerLoadModel", "Oldest wait"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[LoadRow, ...] = ()
        self._now = datetime.min

    def set_data(self, data: ReviewData) -> None:
        self.beginResetModel()
        self._rows, self._now = data.rows, data.now
        self.endResetModel()

    def load_row(self, row: int) -> LoadRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        key = self.HEADERS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if key in WORK_COLUMNS or key == MONITORING:
                return stage_label(key)
            return translate("OfficerLoadModel", key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "Side lanes":
                return translate(
                    "OfficerLoadModel", "Overdue, warning / recall, credit recovery, blacklisted"
                )
            if key == "Oldest wait":
                return translate(
                    "OfficerLoadModel", "Longest a case has waited in a work stage (not monitoring)"
                )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.load_row(index.row())
        if row is None:
            return None
        key = self.HEADERS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "Red" and row.red:
            return RISK_COLORS["red"]
        if role == Qt.ItemDataRole.FontRole and (row.officer_id is None or key == "Open"):
            font = _bold()
            font.setItalic(row.officer_id is None)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.officer_id
        return None

    def _text(self, row: LoadRow, key: str) -> str:
        if key == "Officer":
            return row.name if row.officer_id is not None else unassigned_name()
        if key == "Role":
            return role_label(row.role) if row.role else ""
        if key == "Side lanes":
            return _count(row.side_lanes)
        if key == "Open":
            return str(row.total)
        if key == "Red":
            return _count(row.red)
        if key == "Oldest wait":
            return format_wait(row.oldest_wait, self._now)
        return _count(row.by_stage.get(key, 0))


def _count(n: int) -> str:
    """Zero shown as a dot, so the eye finds the numbers that matter."""
    return str(n) if n else "·"


class BreachedModel(HeaderedTableModel):
    """Cases past their stage's limit, oldest first: ids in memory, rows fetched by block."""

    HEADERS = (
        QT_TRANSLATE_NOOP("BreachedModel", "Case"),
        QT_TRANSLATE_NOOP("BreachedModel", "Business"),
        QT_TRANSLATE_NOOP("BreachedModel", "Stage"),
        QT_TRANSLATE_NOOP("BreachedModel", "Risk"),
        QT_TRANSLATE_NOOP("BreachedModel", "Officer"),
        QT_TRANSLATE_NOOP("BreachedModel", "Amount"),
        QT_TRANSLATE_NOOP("BreachedModel", "Entered stage"),
        QT_TRANSLATE_NOOP("BreachedModel", "Over the limit by"),
    )
    blockArrived = Signal()  # noqa: N815 - Qt naming

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self._ids: list[int] = []
        self._rows: dict[int, CaseListRow] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._now = datetime.min

    def set_ids(self, ids: list[int], rows: dict[int, CaseListRow], now: datetime) -> None:
        self.beginResetModel()
        self._generation += 1
        self._ids, self._rows, self._now = list(ids), dict(rows), now
        self._pending = set()
        self.endResetModel()

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def case_row(self, row: int) -> CaseListRow | None:
        case_id = self.case_id(row)
        return None if case_id is None else self._rows.get(case_id)

    def cached(self, case_id: int) -> CaseListRow | None:
        return self._rows.get(case_id)

    def _fetch_block(self, row: int) -> None:
        block = row // BLOCK
        if block in self._pending:
            return
        self._pending.add(block)
        ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
        generation = self._generation

        def arrived(rows: dict[int, CaseListRow]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # the list was replaced, or the model closed, while this was read
            self._rows.update(rows)
            first, last = block * BLOCK, min(len(self._ids), (block + 1) * BLOCK) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            self.blockArrived.emit()

        self._background.read(lambda ctx: pipeline.case_list_rows(ctx, ids), arrived)

    def row_count(self) -> int:
        return len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        case_id = self._ids[index.row()]
        row = self._rows.get(case_id)
        if row is None:
            self._fetch_block(index.row())
            if role == Qt.ItemDataRole.DisplayRole:
                return str(case_id) if index.column() == 0 else "…"
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 3:
                return RISK_COLORS.get(row.risk)
            if col == 7:
                return BREACH_COLOR
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return case_id
        return None

    def _text(self, row: CaseListRow, col: int) -> str:
        if col == 0:
            return str(row.id)
        if col == 1:
            return row.business_name
        if col == 2:
            return stage_label(row.stage)
        if col == 3:
            return risk_label(row.risk)
        if col == 4:
            return row.officer or translate("BreachedModel", "— queue —")
        if col == 5:
            return format_fen(row.amount_fen)
        if col == 6:
            return format_time(row.stage_entered_at)
        entered = datetime.fromisoformat(row.stage_entered_at)
        due = deadline(Stage(row.stage), entered, DEFAULT_LIMITS)
        return format_duration(self._now - due) if due else ""


class QueueReview(QWidget):
    """Supervisors: officers' loads, breached cases, and reassigning them."""

    caseActivated = Signal(int)  # noqa: N815 - Qt naming
    casesChanged = Signal()  # noqa: N815
    refreshed = Signal()  # the loads and the breached list on screen are fresh

    def __init__(
        self, ctx: Context, session: Session, background: Background, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self._generation = 0
        self._officer_filter: int | None = None
        self._unassigned_filter = False
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.loads = OfficerLoadModel(self)
        self.loads_view = list_view(self.loads)
        self.loads_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.loads_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.loads_view.selectionModel().selectionChanged.connect(self._officer_selected)
        loads_box = QGroupBox(self.tr("Officers' load (open cases)"))
        loads_layout = QVBoxLayout(loads_box)
        loads_layout.addWidget(self.loads_view)

        self.breached = BreachedModel(self._background, self)
        self.breached_view = list_view(self.breached)
        self.breached_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.breached_view.horizontalHeader()
        header.setResizeContentsPrecision(0)  # size columns on visible rows: keep it lazy
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.breached_view.doubleClicked.connect(self._activate)
        self.breached_view.selectionModel().selectionChanged.connect(self._update_reassign)
        self.breached_title = QLabel()
        self.breached_title.setStyleSheet("font-weight: bold;")
        self.show_all = QPushButton(self.tr("Show all officers"))
        self.show_all.clicked.connect(self.loads_view.clearSelection)
        title_row = QHBoxLayout()
        title_row.addWidget(self.breached_title, 1)
        title_row.addWidget(self.show_all)

        self.assignee = QComboBox()
        self.assignee.setMinimumWidth(200)
        self.reassign_button = QPushButton()
        self.reassign_button.clicked.connect(self.reassign_selected)
        reassign_row = QHBoxLayout()
        reassign_row.addWidget(QLabel(self.tr("Give the selected cases to")))
        reassign_row.addWidget(self.assignee)
        reassign_row.addWidget(self.reassign_button)
        reassign_row.addStretch(1)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()

        breached_box = QGroupBox(self.tr("Cases past their stage's time limit, oldest first"))
        breached_layout = QVBoxLayout(breached_box)
        breached_layout.addLayout(title_row)
        breached_layout.addWidget(self.breached_view, 1)
        breached_layout.addLayout(reassign_row)
        breached_layout.addWidget(self.outcome)

        self.error = QLabel()
        self.error.setStyleSheet(f"color: {BREACH_COLOR.name()};")
        self.error.setWordWrap(True)
        self.error.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(loads_box)
        splitter.addWidget(breached_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self._update_reassign()

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the loads and the breached list again (off the GUI thread)."""
        self._generation += 1
        generation, session = self._generation, self._session
        self._background.read(
            lambda ctx: load_review(ctx, session),
            lambda data: self._loads_arrived(generation, data),
            self._failed,
        )

    def _loads_arrived(self, generation: int, data: ReviewData) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.error.hide()
        self.loads.set_data(data)
        self._fill_assignees(data)
        self._reselect_filter()
        self._load_breached(generation)

    def _reselect_filter(self) -> None:
        """Keep the officer the supervisor had picked selected across a refresh."""
        for row in range(self.loads.rowCount()):
            load = self.loads.load_row(row)
            if load is None:
                continue
            if (load.officer_id is None and self._unassigned_filter) or (
                load.officer_id is not None and load.officer_id == self._officer_filter
            ):
                blocked = self.loads_view.selectionModel().blockSignals(True)
                self.loads_view.selectRow(row)
                self.loads_view.selectionModel().blockSignals(blocked)
                return

    def _fill_assignees(self, data: ReviewData) -> None:
        current = self.assignee.currentData()
        self.assignee.clear()
        for row in data.rows:
            if row.officer_id is not None:
                self.assignee.addItem(f"{row.name} · {role_label(row.role)}", row.officer_id)
        self.assignee.addItem(self.tr("Back to the stage queue (unassigned)"), None)
        index = self.assignee.findData(current) if current is not None else 0
        self.assignee.setCurrentIndex(max(index, 0))

    def _load_breached(self, generation: int) -> None:
        officer, unassigned = self._officer_filter, self._unassigned_filter

        def query(ctx: Context) -> tuple[list[int], dict[int, CaseListRow], datetime]:
            narrowing: dict[str, Any] = {}
            if unassigned:
                narrowing["unassigned_only"] = True
            elif officer is not None:
                narrowing["officer_id"] = officer
            ids = pipeline.find_case_ids(ctx, pipeline.breached_query(ctx, **narrowing))
            return ids, pipeline.case_list_rows(ctx, ids[:BLOCK]), ctx.clock.now()

        def arrived(result: tuple[list[int], dict[int, CaseListRow], datetime]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            ids, rows, now = result
            self.breached.set_ids(ids, rows, now)
            self._show_breached_title(len(ids))
            self._update_reassign()
            self.refreshed.emit()

        self._background.read(query, arrived, self._failed)

    def _show_breached_title(self, count: int) -> None:
        who = self._filter_name()
        if who:
            text = self.tr("{n} breached case(s) of {who}").format(n=count, who=who)
        else:
            text = self.tr("{n} breached case(s), all officers and queues").format(n=count)
        self.breached_title.setText(text)
        self.show_all.setVisible(bool(who))

    def _filter_name(self) -> str:
        rows = self.loads_view.selectionModel().selectedRows()
        if not rows:
            return ""
        load = self.loads.load_row(rows[0].row())
        if load is None:
            return ""
        return load.name if load.officer_id is not None else unassigned_name()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        text = message_text(exc.message) if isinstance(exc, RuleError) else str(exc)
        self.error.setText(self.tr("Could not read the queues: {error}").format(error=text))
        self.error.show()
        self.refreshed.emit()

    # -- choosing -------------------------------------------------------------------------

    def select_officer(self, officer_id: int | None) -> None:
        """Filter the breached list to one officer (None: the unassigned queues)."""
        for row in range(self.loads.rowCount()):
            load = self.loads.load_row(row)
            if load is not None and load.officer_id == officer_id:
                self.loads_view.selectRow(row)
                return

    def _officer_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.loads_view.selectionModel().selectedRows()
        load = self.loads.load_row(rows[0].row()) if rows else None
        self._officer_filter = load.officer_id if load else None
        self._unassigned_filter = load is not None and load.officer_id is None
        self._generation += 1
        self._load_breached(self._generation)

    def _activate(self, index: QModelIndex) -> None:
        case_id = self.breached.case_id(index.row())
        if case_id is not None:
            self.caseActivated.emit(case_id)

    def selected_case_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.breached_view.selectionModel().selectedRows())
        return [cid for cid in map(self.breached.case_id, rows) if cid is not None]

    def _update_reassign(self, *_: object) -> None:
        n = len(self.selected_case_ids())
        self.reassign_button.setText(self.tr("Reassign {n} case(s)").format(n=n))
        self.reassign_button.setEnabled(n > 0)

    # -- reassigning ----------------------------------------------------------------------

    def reassign_selected(self) -> None:
        """Give the selected cases to the chosen officer, each at the version on screen."""
        ids = self.selected_case_ids()
        if not ids:
            return
        officer_id = self.assignee.currentData()
        officer_name = self.assignee.currentText()
        shown = {cid: row.version for cid in ids if (row := self.breached.cached(cid))}
        missing = [cid for cid in ids if cid not in shown]
        if not missing:
            self._reassign(shown, officer_id, officer_name)
            return

        def arrived(rows: dict[int, CaseListRow]) -> None:
            if not shiboken6.isValid(self):
                return
            versions = dict(shown)
            versions.update({cid: row.version for cid, row in rows.items()})
            self._reassign(versions, officer_id, officer_name)

        self._background.read(lambda ctx: pipeline.case_list_rows(ctx, missing), arrived)

    def _reassign(self, versions: dict[int, int], officer_id: int | None, name: str) -> None:
        refused = pipeline.reassign_cases(self._ctx, self._session, versions, officer_id)
        done = len(versions) - len(refused)
        lines = [self.tr("{n} case(s) given to {who}.").format(n=done, who=name)]
        if refused:
            lines.append(self.tr("Not reassigned:"))
            lines.extend(
                self.tr("Case {case}: {why}").format(case=cid, why=message_text(err.message))
                for cid, err in refused
            )
        self.outcome.setText("\n".join(lines))
        self.outcome.setStyleSheet(f"color: {BREACH_COLOR.name()};" if refused else "")
        self.outcome.show()
        if done:
            self.casesChanged.emit()
        self.refresh()
