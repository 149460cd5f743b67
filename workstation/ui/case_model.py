"""The case list as a lazy Qt model, shaped like Anki's browser table model.

A million-case queue must not cost a million Python objects: the model holds only the case
ids, in the order SQL sorted and filtered them, as one machine integer each (``array('q')``).
A row's columns are fetched when the view first paints it, ``BLOCK`` ids at a time (one
primary-key lookup, about a millisecond), into a bounded cache. Sorting and filtering ask SQL
for a new id list on the background reader, never on the GUI thread.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from workstation.domain.line_speed import DEFAULT_LIMITS
from workstation.domain.stages import Stage
from workstation.services import pipeline
from workstation.services.context import Context
from workstation.store.board import CaseListRow, CaseQuery
from workstation.ui.common import (
    BREACH_COLOR,
    RISK_COLORS,
    format_fen,
    format_time,
    format_wait,
    kind_label,
    product_label,
    risk_label,
    stage_label,
    translate,
)
from workstation.ui.tasks import Background

BLOCK = 64  # rows fetched together when the view first shows one of them
CACHE_ROWS = 4096  # rows kept; a screen shows ~40, so scrolling back rarely refetches
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED = QColor("#7a8494")

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its sort key in the store, its title, and whether it holds a number."""

    sort_key: str
    title: str
    numeric: bool = False
    newest_first: bool = False  # ascending on screen means descending in SQL


CONTEXT = "CaseTableModel"
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("id", QT_TRANSLATE_NOOP("CaseTableModel", "Case no."), numeric=True),
    ColumnSpec("business_name", QT_TRANSLATE_NOOP("CaseTableModel", "Business")),
    ColumnSpec("kind", QT_TRANSLATE_NOOP("CaseTableModel", "Customer")),
    ColumnSpec("product", QT_TRANSLATE_NOOP("CaseTableModel", "Product")),
    ColumnSpec("amount_fen", QT_TRANSLATE_NOOP("CaseTableModel", "Amount asked"), numeric=True),
    ColumnSpec("tier", QT_TRANSLATE_NOOP("CaseTableModel", "Tier")),
    ColumnSpec("risk", QT_TRANSLATE_NOOP("CaseTableModel", "Risk")),
    ColumnSpec("officer", QT_TRANSLATE_NOOP("CaseTableModel", "Officer")),
    ColumnSpec("stage", QT_TRANSLATE_NOOP("CaseTableModel", "Stage")),
    ColumnSpec(
        "stage_entered_at",
        QT_TRANSLATE_NOOP("CaseTableModel", "Time in stage"),
        True,
        newest_first=True,
    ),
)
COL_ID, COL_NAME, COL_KIND, COL_PRODUCT, COL_AMOUNT = range(5)
COL_TIER, COL_RISK, COL_OFFICER, COL_STAGE, COL_WAIT = range(5, 10)


@dataclass(frozen=True)
class CaseRow:
    """A fetched row: its display text per column and the facts the board acts on."""

    case_id: int
    cells: tuple[str, ...]
    risk: str
    breached: bool
    officer_id: int | None
    stage: str
    version: int
    entered: str


@dataclass(frozen=True)
class IdList:
    """One answer of the id query; ``tracked_row`` is where the tracked case now stands."""

    ids: array
    now: datetime
    cutoffs: dict[str, str]
    tracked_id: int | None
    tracked_row: int


def load_ids(ctx: Context, query: CaseQuery, breached_only: bool, tracked_id: int | None) -> IdList:
    """Run the id query (on the background reader) and locate the tracked case in it."""
    now = ctx.clock.now()
    cutoffs = pipeline.breach_cutoffs(now)
    if breached_only:
        query = replace(query, breached_cutoffs=cutoffs)
    ids = array("q", pipeline.find_case_ids(ctx, query))
    row = -1
    if tracked_id is not None:
        try:
            row = ids.index(tracked_id)
        except ValueError:
            row = -1
    return IdList(ids, now, cutoffs, tracked_id, row)


def _dot(colour: QColor, size: int = 10) -> QIcon:
    """A small filled circle: the risk colour beside its word, readable without colour too."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class CaseTableModel(QAbstractTableModel):
    """Rows are case ids; the columns of a row are fetched only when the view shows it."""

    aboutToReload = Signal()  # the id list is about to be replaced (save the scroll position)
    reloaded = Signal(int)  # replaced; the argument is the tracked case's row, or -1
    loadFailed = Signal(str)

    def __init__(self, ctx: Context, background: Background, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._background = background
        self._ids = array("q")
        self._cache: OrderedDict[int, CaseRow] = OrderedDict()
        self._now = ctx.clock.now()
        self._cutoffs: dict[str, str] = {}
        self._query = CaseQuery()
        self._breached_only = False
        self._generation = 0
        self._delivered = 0
        self._tracked: int | None = None
        self._bold_font = _bold()
        self._risk_icons: dict[str, QIcon] = {}

    # --- the query ------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def loading(self) -> bool:
        """True while an id query asked for has not come back yet."""
        return self._delivered < self._generation

    def track(self, case_id: int | None) -> None:
        """Remember the case the user is on, so a reload can say where it went."""
        self._tracked = case_id

    def set_query(self, query: CaseQuery, breached_only: bool = False) -> None:
        """Show the cases ``query`` selects (its sort is replaced by the model's own)."""
        self._query = replace(query, sort=self._query.sort, descending=self._query.descending)
        self._breached_only = breached_only
        self.reload()

    def set_sort(self, column: int, order: Qt.SortOrder) -> bool:
        """Change the SQL order without reloading; True when it changed."""
        spec = COLUMNS[column]
        descending = (order == Qt.SortOrder.DescendingOrder) != spec.newest_first
        if (spec.sort_key, descending) == (self._query.sort, self._query.descending):
            return False
        self._query = replace(self._query, sort=spec.sort_key, descending=descending)
        return True

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and on-screen order the current SQL order corresponds to."""
        for column, spec in enumerate(COLUMNS):
            if spec.sort_key == self._query.sort:
                flipped = self._query.descending != spec.newest_first
                order = Qt.SortOrder.DescendingOrder if flipped else Qt.SortOrder.AscendingOrder
                return column, order
        return COL_WAIT, Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A new SQL order, fetched off the GUI thread (no proxy model loads every row)."""
        if 0 <= column < len(COLUMNS) and self.set_sort(column, order):
            self.reload()

    def reload(self) -> None:
        """Ask the background reader for the id list again; rows are refetched on demand."""
        self._generation += 1
        generation = self._generation
        query, breached, tracked = self._query, self._breached_only, self._tracked
        self._background.read(
            lambda ctx: load_ids(ctx, query, breached, tracked),
            lambda result: self._deliver(generation, result),
            lambda exc: self._failed(generation, exc),
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._delivered = generation
            self.loadFailed.emit(str(exc))

    def _deliver(self, generation: int, result: IdList) -> None:
        if generation != self._generation:
            return  # a newer query is on its way; this answer is already out of date
        self._delivered = generation
        row = result.tracked_row
        if self._tracked != result.tracked_id:  # the user moved on while the query ran
            row = self._row_of(result.ids, self._tracked)
        self.aboutToReload.emit()
        self.beginResetModel()
        self._ids = result.ids
        self._now, self._cutoffs = result.now, result.cutoffs
        self._cache.clear()
        self.endResetModel()
        self.reloaded.emit(row)

    @staticmethod
    def _row_of(ids: array, case_id: int | None) -> int:
        if case_id is None:
            return -1
        try:
            return ids.index(case_id)
        except ValueError:
            return -1

    # --- rows -----------------------------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int:
        """The row of ``case_id``, or -1 (a scan of the id list: not for every paint)."""
        return self._row_of(self._ids, case_id)

    def case_row(self, row: int) -> CaseRow | None:
        """The fetched facts of ``row``, fetching its block when not cached."""
        case_id = self.case_id(row)
        if case_id is None:
            return None
        cached = self._cache.get(case_id)
        if cached is None:
            self._fetch_block(row)
            cached = self._cache.get(case_id)
        return cached

    def _fetch_block(self, row: int) -> None:
        start = row - row % BLOCK
        block = [i for i in self._ids[start : start + BLOCK] if i not in self._cache]
        fetched = pipeline.case_list_rows(self._ctx, block)
        for case_id in block:
            source = fetched.get(case_id)
            self._cache[case_id] = self._make_row(source) if source else self._missing_row(case_id)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _breached(self, stage: str, entered: str) -> bool:
        cutoff = self._cutoffs.get(stage)
        return cutoff is not None and entered < cutoff

    def _make_row(self, r: CaseListRow) -> CaseRow:
        cells = (
            str(r.id),
            r.business_name,
            kind_label(r.kind),
            product_label(r.product),
            format_fen(r.amount_fen),
            r.tier or "—",
            risk_label(r.risk),
            r.officer or translate("CaseTableModel", "Unassigned"),
            stage_label(r.stage),
            format_wait(r.stage_entered_at, self._now),
        )
        return CaseRow(
            r.id,
            cells,
            r.risk,
            self._breached(r.stage, r.stage_entered_at),
            r.officer_id,
            r.stage,
            r.version,
            r.stage_entered_at,
        )

    @staticmethod
    def _missing_row(case_id: int) -> CaseRow:
        cells = (str(case_id),) + ("",) * (len(COLUMNS) - 1)
        return CaseRow(case_id, cells, "green", False, None, "", 0, "")

    # --- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        spec = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(CONTEXT, spec.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if spec.numeric else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == CASE_ID_ROLE:
            return self.case_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if COLUMNS[column].numeric
                else Qt.AlignmentFlag.AlignLeft
            )
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role not in _ROW_ROLES:
            return None
        row = self.case_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold_font if column == COL_WAIT and row.breached else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._risk_icon(row.risk) if column == COL_RISK else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _risk_icon(self, risk: str) -> QIcon | None:
        if risk not in RISK_COLORS:
            return None
        if risk not in self._risk_icons:
            self._risk_icons[risk] = _dot(RISK_COLORS[risk])
        return self._risk_icons[risk]

    def _foreground(self, row: CaseRow, column: int) -> QColor | None:
        if column == COL_WAIT and row.breached:
            return BREACH_COLOR
        if column == COL_RISK and row.risk in ("amber", "red"):
            return RISK_COLORS[row.risk]
        if column == COL_OFFICER and row.officer_id is None:
            return MUTED
        return None

    def _tooltip(self, row: CaseRow, column: int) -> str | None:
        if column != COL_WAIT or not row.stage:
            return None
        text = translate("CaseTableModel", "In this stage since {when}").format(
            when=format_time(row.entered)
        )
        limit = DEFAULT_LIMITS.get(Stage(row.stage))
        if row.breached and limit is not None:
            text += "\n" + translate("CaseTableModel", "Past the stage's time limit")
        return text


_ROW_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
