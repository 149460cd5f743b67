"""The lines of a case's rebuilt statement as a table (R24): date, amount, counterparty, memo,
the original file and where in it, our category and why, and whether the line counts.

One model serves the classification editor (every line, filtered) and the trace of a
figure (the lines behind it). It holds only positions into the statement's lines and asks
``CaseStatement.line`` for a row when the view shows it (Anki's browser model; account
numbers come masked for roles that may not see them): 100,000 lines stay cheap. Filtering
and sorting re-order the positions in Python rather than through a proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import filterfalse
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from workstation.domain.classify import BASIS_LABELS, Basis, moves_money
from workstation.services.statements import CaseStatement, ClassedLine, LineFilter
from workstation.ui.common import format_fen, message_text, translate
from workstation.ui.investigation_text import MISSING_COLOR, MUTED_COLOR, category_label
from workstation.ui.table_model import HeaderedTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
POSITION_ROLE = Qt.ItemDataRole.UserRole + 1
CACHE_ROWS = 4000
_AMOUNT = attrgetter("amount_fen")  # formatted lines kept; a screenful is ~40

LEFT_OUT = {
    "unpaid": QT_TRANSLATE_NOOP("StatementLinesModel", "✗ unpaid"),
    "overlap": QT_TRANSLATE_NOOP("StatementLinesModel", "✗ overlap"),
    "same_payment": QT_TRANSLATE_NOOP("StatementLinesModel", "✗ same payment"),
    "outside": QT_TRANSLATE_NOOP("StatementLinesModel", "✗ outside 12 months"),
}
COLUMNS = ("date", "amount", "counterparty", "memo", "category", "basis", "counted", "source")


def basis_label(basis: Basis) -> str:
    """Why lines have their class, without a rule's number (a counterparty's usual basis)."""
    if basis is Basis.RULE:
        return translate("StatementLinesModel", "A rule of the list")
    return translate("messages", BASIS_LABELS[basis])


def place_text(line: ClassedLine) -> str:
    """The file and where in it: "alipay.csv · line 19", "icbc.pdf · page 2, row 5"."""
    return f"{line.file_name} · {message_text(line.place)}"


class StatementLinesModel(HeaderedTableModel):
    """Chosen lines of a case's statement; ``positions`` index ``statement.lines``."""

    HEADERS = (
        QT_TRANSLATE_NOOP("StatementLinesModel", "Date"),
        QT_TRANSLATE_NOOP("StatementLinesModel", "Amount"),
        QT_TRANSLATE_NOOP("StatementLinesModel", "Counterparty"),
        QT_TRANSLATE_NOOP("StatementLinesModel", "Memo"),
        QT_TRANSLATE_NOOP("StatementLinesModel", "Our category"),
        QT_TRANSLATE_NOOP("StatementLinesModel", "Why"),
        QT_TRANSLATE_NOOP("StatementLinesModel", "Counted"),
        QT_TRANSLATE_NOOP("StatementLinesModel", "File and place"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: CaseStatement | None = None
        self.positions: list[int] = []
        self._all: list[int] = []
        self._every = False
        self._filter: LineFilter | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._cache: dict[int, ClassedLine] = {}

    def set_lines(
        self,
        source: CaseStatement | None,
        positions: Iterable[int] | None,
        line_filter: LineFilter | None = None,
    ) -> None:
        """Show ``positions`` of ``source`` (None: every line) through ``line_filter``."""
        self.beginResetModel()
        self.source = source
        self._cache = {}
        self._all = list(positions) if positions is not None else []
        self._every = positions is None
        self._filter = line_filter
        self.positions = self._chosen()
        self.endResetModel()

    def set_filter(self, line_filter: LineFilter | None) -> None:
        """Show only the lines ``line_filter`` lets through (None: all)."""
        self.beginResetModel()
        self._filter = line_filter
        self.positions = self._chosen()
        self.endResetModel()

    def _chosen(self) -> list[int]:
        if self.source is None:
            return []
        if self._every:
            chosen = list(self.source.select(self._filter))
        elif self._filter is not None:
            wanted = set(self.source.select(self._filter))
            chosen = [i for i in self._all if i in wanted]
        else:
            chosen = list(self._all)
        if self._sort is not None:
            chosen.sort(key=self._key(self._sort[0]))
            if self._sort[1] == Qt.SortOrder.DescendingOrder:
                chosen.reverse()
        return chosen

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self.positions = self._chosen()
        self.layoutChanged.emit()

    def _key(self, column: int) -> Callable[[int], Any]:
        assert self.source is not None
        s = self.source.statement
        name = COLUMNS[column] if 0 <= column < len(COLUMNS) else "date"
        lines, classes = s.lines, s.classes
        # Python's sort is stable and the positions come in file order: ties keep it.
        keys: dict[str, Callable[[int], Any]] = {
            "date": lambda i: lines[i].timestamp,
            "amount": lambda i: lines[i].amount_fen,
            "counterparty": lambda i: lines[i].counterparty,
            "memo": lambda i: lines[i].memo,
            "category": lambda i: category_label(classes[i].category),
            "basis": lambda i: (classes[i].basis, classes[i].rule),
            "counted": lambda i: not self.source.counted(i),  # type: ignore[union-attr]
            "source": lambda i: i,
        }
        return keys.get(name, lambda i: i)

    def row_count(self) -> int:
        return len(self.positions)

    def position(self, row: int) -> int:
        return self.positions[row]

    def line(self, row: int) -> ClassedLine:
        """The line shown at ``row``, formatted once and kept while it is on screen."""
        assert self.source is not None
        i = self.positions[row]
        found = self._cache.get(i)
        if found is None:
            if len(self._cache) >= CACHE_ROWS:
                self._cache.clear()
            found = self._cache[i] = self.source.line(i)
        return found

    def total_fen(self) -> int:
        """Money in − money out over the shown lines (moves the export counts neither way,
        whose amounts are unsigned, left out: ``neutral_fen``)."""
        if self.source is None:
            return 0
        lines = self.source.statement.lines
        shown = map(lines.__getitem__, self.positions)
        return sum(map(_AMOUNT, filter(moves_money, shown)))

    def neutral_fen(self) -> int:
        """The shown lines the export counts neither way (不计收支, ``/``), summed."""
        if self.source is None:
            return 0
        lines = self.source.statement.lines
        shown = map(lines.__getitem__, self.positions)
        return sum(map(_AMOUNT, filterfalse(moves_money, shown)))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.source is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self.positions):
            return None
        col = index.column()
        if role == POSITION_ROLE:
            return self.positions[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        line = self.line(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.excluded is not None:
                return QColor(MUTED_COLOR)
            if col == 1 and line.amount_fen < 0:
                return QColor(MISSING_COLOR)
            return None
        return self._tip(line, col)

    def text(self, line: ClassedLine, col: int) -> str:
        name = COLUMNS[col] if 0 <= col < len(COLUMNS) else ""
        if name == "date":
            assert self.source is not None
            timed = self.source.statement.lines[line.position].time_known
            return line.timestamp.strftime("%Y-%m-%d %H:%M" if timed else "%Y-%m-%d")
        if name == "amount":
            return format_fen(line.amount_fen)
        if name == "counterparty":
            return line.counterparty
        if name == "memo":
            return line.memo
        if name == "source":
            return place_text(line)
        if name == "category":
            return category_label(line.category)
        if name == "basis":
            return message_text(line.why)
        if line.excluded is None:
            return "✓"
        short = LEFT_OUT.get(line.excluded.value)
        return translate("StatementLinesModel", short) if short else message_text(line.excluded_why)

    @staticmethod
    def _tip(line: ClassedLine, col: int) -> str | None:
        name = COLUMNS[col] if 0 <= col < len(COLUMNS) else ""
        if name in ("counterparty", "memo"):
            parts = [
                line.counterparty, line.counterparty_account, line.memo, line.vendor_category,
                line.status, line.order_number,
            ]  # fmt: skip
            return "\n".join(p for p in parts if p) or None
        if name == "source":
            return place_text(line)
        if name in ("basis", "counted"):
            why = message_text(line.why)
            if line.excluded_why is not None:
                why += "\n" + message_text(line.excluded_why)
            return why
        return None
