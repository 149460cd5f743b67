"""The board (R22): the line's lanes above, the filtered case table below.

The GUI thread only paints: the lanes' snapshot and the case id list are read on the
background reader, and the table fetches the columns of the rows on screen in small blocks.
A refresh keeps the officer where they were: the same case selected, the same scroll.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QDataStream,
    QIODevice,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.messages import RuleError
from workstation.domain.people import Permission, may
from workstation.domain.stages import Stage, may_claim
from workstation.services import auth, pipeline
from workstation.services.context import Context, Session
from workstation.store.board import CaseQuery
from workstation.ui.case_model import (
    COL_AMOUNT,
    COL_ID,
    COL_NAME,
    COL_STAGE,
    COL_TIER,
    COL_WAIT,
    COLUMNS,
    CaseTableModel,
)
from workstation.ui.common import kind_label, product_label, risk_label, show_refusal
from workstation.ui.lanes import ALL_OPEN, LaneBoard, lane_stages
from workstation.ui.straight_through import StraightThroughLine, read_lane_counts
from workstation.ui.tasks import Background

SEARCH_DEBOUNCE_MS = 250
STATE_VERSION = 1
OFFICER_ROLES = ("investigator", "supervisor", "finance")
ALL, MINE, UNASSIGNED = "all", "mine", "unassigned"


class CaseTable(QTableView):
    """The case table; Enter opens the current case on every platform."""

    enterPressed = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enterPressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class BoardView(QWidget):
    """The credit factory's operating screen: stages, their queues, and the cases in them."""

    caseActivated = Signal(int)

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self._snapshot_generation = 0
        self._snapshot_shown = 0
        self._pending_scroll: int | None = None
        self._pending_anchor: int | None = None
        self.lanes = LaneBoard(self)
        self.straight_through = StraightThroughLine(self)
        self.model = CaseTableModel(ctx, background, self)
        self.table = CaseTable(self)
        self._build_filters()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.lanes)
        layout.addWidget(self.straight_through)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.table, 1)
        self._connect()
        # The lanes first: the reader runs one query at a time, and at a million cases the
        # counts should not wait behind the case list.
        self._reload_snapshot()
        self._reload_ids()

    # --- building -------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.officer = QComboBox(self)
        self.officer.addItem(self.tr("All officers"), ALL)
        self.officer.addItem(self.tr("My work list"), MINE)
        self.officer.addItem(self.tr("Unassigned"), UNASSIGNED)
        self.officer.insertSeparator(self.officer.count())
        people = [u for u in auth.list_users(self._ctx) if u.active and u.role in OFFICER_ROLES]
        for user in sorted(people, key=lambda u: u.display_name):
            self.officer.addItem(user.display_name, f"user:{user.id}")
        self.risk = self._choice(self.tr("All risks"), [(risk_label(r), r) for r in _RISKS])
        self.product = self._choice(
            self.tr("All products"), [(product_label(p), p) for p in _PRODUCTS]
        )
        self.kind = self._choice(self.tr("All customers"), [(kind_label(k), k) for k in _KINDS])
        self.breached = QCheckBox(self.tr("Breached only"), self)
        self.breached.setToolTip(self.tr("Only cases past their stage's time limit"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, credit code or case no. (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.claim = QPushButton(self.tr("Claim"), self)
        self.claim.setToolTip(self.tr("Take the selected unassigned case into your work list"))
        self.claim.setVisible(may(self._session.role, Permission.CLAIM_CASE))
        self.claim.setEnabled(False)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.setContentsMargins(10, 8, 10, 6)
        row.setSpacing(8)
        for widget in (self.search, self.officer, self.risk, self.product, self.kind):
            row.addWidget(widget)
        row.addWidget(self.breached)
        row.addStretch(1)
        row.addWidget(self.count)
        row.addWidget(self.claim)
        self._filter_row = row
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)

    def _choice(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {COL_ID: 80, COL_AMOUNT: 130, COL_TIER: 50, COL_STAGE: 150, COL_WAIT: 110}
        for column in range(len(COLUMNS)):
            header.resizeSection(column, widths.get(column, 110))
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(*self.model.sort_column())
        table.setSortingEnabled(True)

    def _connect(self) -> None:
        self.lanes.laneChosen.connect(lambda _key: self._reload_ids())
        for combo in (self.officer, self.risk, self.product, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self._reload_ids())
        self.breached.toggled.connect(lambda _on: self._reload_ids())
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._reload_ids)
        self.claim.clicked.connect(self._claim_selected)
        self.table.doubleClicked.connect(self._activate)
        self.table.enterPressed.connect(self._activate)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.aboutToReload.connect(self._remember_scroll)
        self.model.reloaded.connect(self._restore_position)
        self.model.loadFailed.connect(
            lambda _why: self.count.setText(self.tr("Could not read the cases"))
        )
        shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.focus_search)

    # --- public ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the lanes and the case list again, keeping the selected case and the scroll."""
        self._reload_snapshot()
        self.model.reload()

    @property
    def busy(self) -> bool:
        """True while the lanes or the case list wait for the background reader."""
        return self.model.loading or self._snapshot_shown < self._snapshot_generation

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None

    def save_state(self) -> QByteArray:
        """Column widths and order, sort, chosen lane and filters, for ``QSettings``."""
        data = QByteArray()
        stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
        stream.writeInt32(STATE_VERSION)
        stream << self.table.horizontalHeader().saveState()
        for value in (
            self.lanes.selected(),
            self.officer.currentData() or ALL,
            self.risk.currentData() or "",
            self.product.currentData() or "",
            self.kind.currentData() or "",
        ):
            stream.writeQString(value)
        stream.writeBool(self.breached.isChecked())
        return data

    def restore_state(self, state: QByteArray) -> None:
        """Bring back what ``save_state`` kept; an unknown or damaged state is ignored."""
        stream = QDataStream(state)
        if state.isEmpty() or stream.readInt32() != STATE_VERSION:
            return
        header_state = QByteArray()
        stream >> header_state
        lane, officer, risk, product, kind = (stream.readQString() for _ in range(5))
        breached = stream.readBool()
        if stream.status() != QDataStream.Status.Ok:
            return
        header = self.table.horizontalHeader()
        widgets = (self.officer, self.risk, self.product, self.kind, self.breached)
        for widget in widgets:
            widget.blockSignals(True)
        self.table.setSortingEnabled(False)  # one query at the end, not one per step
        try:
            header.restoreState(header_state)
            self.model.set_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.lanes.select(lane)
            for combo, value in ((self.officer, officer), (self.risk, risk)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            for combo, value in ((self.product, product), (self.kind, kind)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.breached.setChecked(breached)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
            self.table.setSortingEnabled(True)
        self._reload_ids()

    # --- the case list --------------------------------------------------------------------

    def current_query(self) -> CaseQuery:
        """The filters on screen as a query (the model keeps its own sort)."""
        officer = self.officer.currentData() or ALL
        officer_id = None
        if officer == MINE:
            officer_id = self._session.user_id
        elif officer.startswith("user:"):
            officer_id = int(officer.split(":", 1)[1])
        risk = self.risk.currentData() or ""
        text = self.search.text().strip()
        lane = self.lanes.selected()
        # A search from "On the line" looks through every case, loans and closed ones too:
        # an officer typing a name wants that business wherever it stands.
        stages = () if text and lane == ALL_OPEN else lane_stages(lane)
        return CaseQuery(
            stages=stages,
            officer_id=officer_id,
            unassigned_only=officer == UNASSIGNED,
            risks=(risk,) if risk else (),
            product=self.product.currentData() or None,
            kind=self.kind.currentData() or None,
            text=text,
        )

    def _reload_ids(self) -> None:
        self._search_timer.stop()
        self.count.setText(self.tr("Searching…"))
        self.model.set_query(self.current_query(), self.breached.isChecked())

    def _remember_scroll(self) -> None:
        """Before a reload: the scroll, and where the current case sits on screen if it does."""
        self._pending_scroll = self.table.verticalScrollBar().value()
        self._pending_anchor = None
        current = self.table.currentIndex()
        if current.isValid():
            rect = self.table.visualRect(current)
            if rect.isValid() and self.table.viewport().rect().intersects(rect):
                self._pending_anchor = rect.top()

    def _restore_position(self, row: int) -> None:
        """After a reload: the tracked case stays current and, if it was on screen, stays at
        the same height even when rows above it came or went; otherwise the scroll is kept."""
        self.count.setText(self.tr("%Ln case(s)", "", self.model.rowCount()))
        self.table.updateGeometries()
        scroll = self.table.verticalScrollBar()
        if row >= 0:
            index = self.model.index(row, max(0, self.table.currentIndex().column()))
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
        else:
            self.model.track(None)
        if row >= 0 and self._pending_anchor is not None:
            scroll.setValue(self.table.verticalHeader().sectionPosition(row) - self._pending_anchor)
        elif self._pending_scroll is not None:
            scroll.setValue(self._pending_scroll)
        self._pending_scroll = self._pending_anchor = None
        self._update_claim()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.model.track(self.model.case_id(current.row()) if current.isValid() else None)
        self._update_claim()

    def _activate(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row()) if index.isValid() else None
        if case_id is not None:
            self.caseActivated.emit(case_id)

    # --- claiming -------------------------------------------------------------------------

    def _update_claim(self) -> None:
        if not self.claim.isVisibleTo(self):
            return
        index = self.table.currentIndex()
        row = self.model.case_row(index.row()) if index.isValid() else None
        self.claim.setEnabled(
            row is not None
            and row.officer_id is None
            and bool(row.stage)
            and may(self._session.role, Permission.CLAIM_CASE)
            and may_claim(self._session.role, Stage(row.stage))
        )

    def _claim_selected(self) -> None:
        """Claim with the version the officer saw; a refusal leaves the case as it was."""
        index = self.table.currentIndex()
        row = self.model.case_row(index.row()) if index.isValid() else None
        if row is None:
            return
        try:
            pipeline.claim_case(self._ctx, self._session, row.case_id, row.version)
        except RuleError as exc:
            show_refusal(self, exc, self.tr("Not claimed"))
        self.refresh()

    # --- the lanes ------------------------------------------------------------------------

    def _reload_snapshot(self) -> None:
        self._snapshot_generation += 1
        generation = self._snapshot_generation

        def show(snapshot: pipeline.BoardSnapshot) -> None:
            if generation == self._snapshot_generation:
                self._snapshot_shown = generation
                self.lanes.show_snapshot(snapshot)

        def failed(_exc: BaseException) -> None:  # the lanes keep their last figures
            if generation == self._snapshot_generation:
                self._snapshot_shown = generation

        self._background.read(pipeline.board_snapshot, show, failed)
        self._background.read(read_lane_counts, self.straight_through.show_counts, lambda _e: None)


_RISKS = ("green", "amber", "red")
_PRODUCTS = ("credit", "order", "both")
_KINDS = ("platform", "off_platform")

__all__ = ["ALL_OPEN", "BoardView"]
