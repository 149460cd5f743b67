"""What every format's reader shares: collecting records and problems, then all or nothing.

A reader walks the whole table first. Fatal problems (a bad amount, a cut-off row) are
collected, not raised one by one, so the refusal can list them all; if there is any, the file
is refused and no record leaves this module (DOMAIN R24's traceability needs whole files).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, count
from operator import and_, attrgetter, itemgetter, not_
from typing import Any

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.importers.amounts import BadValue, Stamp, parse_amount_fen, parse_stamp
from workstation.importers.records import (
    AccountInfo,
    ImportProblem,
    ImportResult,
    Period,
    Source,
    StatementRefused,
    Transaction,
)
from workstation.importers.tables import (
    LazyRows,
    Row,
    Table,
    is_note,
    preamble_pairs,
    stated_count,
)

SHORT_ROW = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: the row has {found} cells where {expected} are needed; "
    "is the file truncated?",
)
TOO_FEW_ROWS = QT_TRANSLATE_NOOP(
    "messages",
    "{file}: the file says it holds {stated} records but only {found} are there; is it truncated?",
)
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "messages", "{file}: the file says it holds {stated} records but {found} are there"
)
EXCEL_ROUNDED = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: “{value}” looks like a number Excel rounded; digits may be lost",
)
MORE_PROBLEMS = QT_TRANSLATE_NOOP(
    "messages", "{file}: {count} lines cannot be read; the first: line {line}"
)

_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE]\+?\d+")
_CELLS, _TIMESTAMP = attrgetter("cells"), attrgetter("timestamp")
_FIRST, _FIRST_CHARACTER = itemgetter(0), itemgetter(slice(1))
_START_LABELS = ("起始时间", "起始日期", "开始日期", "查询起始日期", "起始日")
_END_LABELS = ("终止时间", "终止日期", "结束日期", "查询终止日期", "截止日期", "终止日")
_OWNER_LABELS = ("姓名", "微信昵称", "户名", "账户名称", "客户名称", "账户名")
_ACCOUNT_LABELS = ("支付宝账户", "卡号", "账号", "银行卡号", "账户", "客户账号")


@dataclass
class Reading:
    """One file being read: where records and problems gather until ``result``."""

    file: str
    sha256: str
    source: Source
    transactions: list[Transaction] = field(default_factory=list)
    fatal: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    dropped: list[ImportProblem] = field(default_factory=list)

    def message(self, line: int, template: str, **params: Any) -> ImportProblem:
        return ImportProblem(line, Message.of(template, file=self.file, line=line, **params))

    def fail(self, line: int, template: str, **params: Any) -> None:
        self.fatal.append(self.message(line, template, **params))

    def warn(self, line: int, template: str, **params: Any) -> None:
        self.warnings.append(self.message(line, template, **params))

    def drop(self, line: int, template: str, **params: Any) -> None:
        self.dropped.append(self.message(line, template, **params))

    def amount(self, row: Row, text: str) -> int | None:
        try:
            return parse_amount_fen(text)
        except BadValue as exc:
            self.fail(row.line, exc.template, value=exc.value)
            return None

    def stamp(self, row: Row, text: str) -> Stamp | None:
        try:
            return parse_stamp(text)
        except BadValue as exc:
            self.fail(row.line, exc.template, value=exc.value)
            return None

    def identifier(self, row: Row | int, text: str) -> str:
        """An order or account number (of a row, or at a line); warn when Excel has turned it
        into 4.00123E+27."""
        if ("E" in text or "e" in text) and _SCIENTIFIC.fullmatch(text):
            self.warn(row if isinstance(row, int) else row.line, EXCEL_ROUNDED, value=text)
        return text

    def data_rows(self, table: Table, header: int, columns: dict[str, int]) -> Iterator[Row]:
        """The rows under the header that hold transactions; footers and notes skipped."""
        needed = max(columns.values()) + 1
        rows = table.rows[header + 1 :]
        # A row wide enough whose first cell starts with a digit is a transaction row (is_note's
        # own first test); found for all rows at once, the others looked at one by one.
        cells = list(map(_CELLS, rows))
        widths = list(map(len, cells))
        if min(widths, default=0):  # every row has a first cell: all in C
            digit = map(str.isdigit, map(_FIRST_CHARACTER, map(_FIRST, cells)))
            plain = list(map(and_, map(needed.__le__, widths), digit))
        else:
            plain = [bool(c) and c[0][:1].isdigit() and len(c) >= needed for c in cells]
        start = 0
        for i in compress(count(), map(not_, plain)):
            yield from rows[start:i]
            start = i + 1
            row = rows[i]
            if is_note(row):
                continue
            if len(row.cells) < needed:
                self.fail(row.line, SHORT_ROW, found=len(row.cells), expected=needed)
                continue
            yield row
        yield from rows[start:]

    def data_block(
        self, table: Table, header: int, columns: dict[str, int], roles: tuple[str, ...]
    ) -> tuple[list[int], list[Sequence[str]]] | None:
        """(lines, a column per role) of every row under the header, a column at a time, when
        ``data_rows`` would yield each of them with nothing to say: all one width, each first
        cell starting with a digit, only notes after them. None otherwise (the rows are then
        read one by one). A role the header lacks reads as ""."""
        rows = table.rows
        if not isinstance(rows, LazyRows):
            return None
        needed = max(columns.values()) + 1
        start, stop = header + 1, len(rows)
        while stop > start:  # footers and notes after the table
            row = rows[stop - 1]
            if len(row.cells) >= needed and row.cells[0][:1].isdigit():
                break
            if not is_note(row):
                return None
            stop -= 1
        wanted = sorted({0, *columns.values()})
        found = rows.columns(start, stop, wanted)
        if found is None:
            return None
        by_index = dict(zip(wanted, found, strict=True))
        if not all(map(str.isdigit, map(_FIRST_CHARACTER, by_index[0]))):
            return None  # a row that is no transaction, or a cut-off one: row by row
        blank = ("",) * (stop - start)
        cells = [blank if columns.get(r) is None else by_index[columns[r]] for r in roles]
        return list(range(start + 1, stop + 1)), cells

    def rounded(self, texts: Sequence[str]) -> set[int]:
        """The indices of ``texts`` for which ``identifier`` warns, found in a pass or two."""
        joined = "\n".join(texts)
        if "E" not in joined and "e" not in joined:
            return set()
        return {
            i for i, t in enumerate(texts) if ("E" in t or "e" in t) and _SCIENTIFIC.fullmatch(t)
        }

    def check_count(self, table: Table, header: int, found: int) -> None:
        stated = stated_count(table.rows[:header])
        if stated is None or stated == found:
            return
        template = TOO_FEW_ROWS if found < stated else TOO_MANY_ROWS
        problem = ImportProblem(0, Message.of(template, file=self.file, stated=stated, found=found))
        (self.fatal if found < stated else self.warnings).append(problem)

    def result(self, table: Table, header: int) -> ImportResult:
        """The whole file's result, or a refusal if any fatal problem was found."""
        if self.fatal:
            first = self.fatal[0]
            message = first.message
            if len(self.fatal) > 1:
                message = Message.of(
                    MORE_PROBLEMS, file=self.file, count=len(self.fatal), line=first.line
                )
            raise StatementRefused(message, tuple(self.fatal))
        pairs = preamble_pairs(table.rows[:header])
        transactions = tuple(self.transactions)
        return ImportResult(
            source=self.source,
            file_name=self.file,
            file_sha256=self.sha256,
            transactions=transactions,
            period=_period(pairs, transactions),
            account=AccountInfo(
                owner=_first(pairs, _OWNER_LABELS),
                account=_first(pairs, _ACCOUNT_LABELS),
                preamble=pairs,
            ),
            problems=tuple(self.warnings),
            dropped=tuple(self.dropped),
        )


def _first(pairs: tuple[tuple[str, str], ...], labels: tuple[str, ...]) -> str:
    for label in labels:
        for key, value in pairs:
            if key == label:
                return value
    return ""


def _period(pairs: tuple[tuple[str, str], ...], rows: tuple[Transaction, ...]) -> Period | None:
    start, end = _stated_day(pairs, _START_LABELS), _stated_day(pairs, _END_LABELS)
    if start and end:
        return Period(start, end, stated=True)
    if not rows:
        return None
    stamps = list(map(_TIMESTAMP, rows))  # the first and last day are those of the extreme stamps
    return Period(min(stamps).date(), max(stamps).date(), stated=False)


def _stated_day(pairs: tuple[tuple[str, str], ...], labels: tuple[str, ...]) -> date | None:
    text = _first(pairs, labels)
    try:
        return parse_stamp(text).at.date() if text else None
    except BadValue:
        return None


def text(row: Row, columns: dict[str, int], role: str, empty: str = "") -> str:
    """A cell's text by role; ``empty`` (WeChat's ``/``) reads as nothing."""
    value = row.cell(columns.get(role))
    return "" if value == empty and empty else value


def role_columns(
    rows: Sequence[Row], columns: dict[str, int], roles: tuple[str, ...]
) -> list[tuple[str, ...]]:
    """The cells of ``rows`` a column per role, as ``getter`` reads them row by row (a role the
    header lacks reads as ""), turned around in one ``zip``. Rows come from ``data_rows``, so
    each holds every mapped column."""
    if not rows:
        return [()] * len(roles)
    by_index = list(zip(*map(_CELLS, rows), strict=False))  # as wide as the narrowest row
    blank = ("",) * len(rows)
    return [blank if columns.get(role) is None else by_index[columns[role]] for role in roles]


def getter(
    columns: dict[str, int], roles: tuple[str, ...], empty: str = ""
) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    """cells → the texts of ``roles``, in that order, as ``text`` reads them one by one.

    Indices are resolved once from the header; a role the header lacks reads as "". Rows
    given to it come from ``data_rows``, so every mapped column is there.
    """
    indices = [columns.get(role) for role in roles]
    if all(i is not None for i in indices):
        pick = itemgetter(*indices)
    else:  # a missing role reads the "" put after the cells
        inner = itemgetter(*(-1 if i is None else i for i in indices))

        def pick(cells: tuple[str, ...]) -> tuple[str, ...]:
            return inner((*cells, ""))

    if len(roles) == 1:
        single = pick

        def pick(cells: tuple[str, ...]) -> tuple[str, ...]:
            return (single(cells),)

    if not empty:
        return pick
    plain = pick

    def pick_emptied(cells: tuple[str, ...]) -> tuple[str, ...]:
        values = plain(cells)
        if empty in values:
            return tuple(["" if v == empty else v for v in values])
        return values

    return pick_emptied
