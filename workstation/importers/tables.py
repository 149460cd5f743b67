"""Files → tables of clean text cells with their original line numbers; headers found by name.

A CSV gives one table; an XLSX one table a sheet. Each row keeps the line (CSV: the physical
line it starts on; XLSX: the row number) so every record can point back to the original.
Headers are found by matching the required column names anywhere in the first rows, and
columns are mapped by name, never by position (FORMATS.md "Principles").
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from itertools import chain, compress, count, groupby, islice, repeat
from operator import is_, is_not, not_
from typing import Any

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.importers.decode import PAD, clean, header_key
from workstation.importers.records import StatementRefused, collection_paused

# A real 100,000-line statement unpacks to tens of MB; a zip bomb to gigabytes.
MAX_UNPACKED_BYTES = 256 * 2**20
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MiB
HEADER_SEARCH_ROWS = 100

ZIP_BOMB = QT_TRANSLATE_NOOP(
    "messages",
    "{file} would unpack to {megabytes} MB; it is refused as a possible zip bomb",
)
DAMAGED_XLSX = QT_TRANSLATE_NOOP(
    "messages", "{file} is damaged or truncated and cannot be opened as an XLSX workbook"
)
BAD_CSV = QT_TRANSLATE_NOOP("messages", "{file}, line {line}: the CSV cannot be read ({detail})")


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[str, ...]

    def cell(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    @property
    def filled(self) -> int:
        return sum(1 for c in self.cells if c)


def _row_maker():
    """``Row(line, cells)`` without the frozen dataclass's per-field ``object.__setattr__``:
    the same object (same fields, equality, hash, repr), built in one step."""
    new = object.__new__

    def make(line: int, cells: tuple[str, ...]) -> Row:
        row = new(Row)
        fields = row.__dict__  # stored into directly: no per-field object.__setattr__
        fields["line"] = line
        fields["cells"] = cells
        return row

    return make


@dataclass(frozen=True, eq=False)
class Table:
    sheet: str  # "" for a CSV
    rows: Sequence[Row]  # a tuple, or a CSV's ``LazyRows``

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return self.sheet == other.sheet and tuple(self.rows) == tuple(other.rows)

    __hash__ = None  # type: ignore[assignment]  # rows may be a list-like: not hashable


def csv_table(text: str, file: str) -> Table:
    """``text`` as ``csv.reader`` splits it, every cell ``clean``, each row with the line it
    starts on.

    A file where every record is one line (nearly all exports) becomes ``LazyRows``: the
    lines are split, nothing is cleaned until a row or a column is asked for, and a reader takes
    a statement's body a column at a time (``LazyRows.columns``) without a row object being
    made. A file without a ``"`` (Alipay's export) is split with ``str.split`` — what ``csv``
    does to an unquoted line —, any other through ``csv.reader`` in one call. Only a file with
    a record spanning lines, or one ``csv`` refuses, is read record by record.
    The collector is paused meanwhile (``records.collection_paused``).
    """
    with collection_paused():
        rows = _unquoted_rows(text)
        if rows is None:
            rows = _quoted_rows(text, file)
    return Table("", rows)


_NORMALIZE, _STRIP, _NFKC, _ONE = unicodedata.normalize, str.strip, "NFKC", 1
_PAD_ALONE = tuple(c for c in PAD if c != "\n")


def _padded(joined: str, between: str = "\n") -> bool:
    """Whether some cell of a column joined by ``between`` starts or ends with a pad
    character (each character looked for alone first: most columns hold none of them)."""
    if joined[:1] in PAD or joined[-1:] in PAD:
        return bool(joined)
    return any(
        f"{between}{c}" in joined or f"{c}{between}" in joined for c in _PAD_ALONE if c in joined
    )


def clean_column(cells: Sequence[str]) -> Sequence[str]:
    """``[clean(c) for c in cells]`` for a column of cells without line breaks, in a few passes
    over the column (``cells`` itself when nothing changes).

    A column of few distinct texts (a kind, a status, a name) cleans each text once. Otherwise
    the column is joined: NFKC leaves a \\n and what is on either side of it alone (a starter
    that composes with nothing), so the joined column normalised is each cell normalised,
    joined; and a cell needs stripping only if a pad character touches a \\n or an end.
    """
    if not cells:
        return cells
    distinct = set(cells)
    if len(distinct) * 4 <= len(cells):
        cleaned = {text: clean(text) for text in distinct}
        if all(map(is_, cleaned, cleaned.values())):
            return cells
        return list(map(cleaned.__getitem__, cells))
    joined = "\n".join(cells)
    breaks = len(cells) - 1
    if joined.count("\n") != breaks or "\r" in joined:
        return [clean(c) for c in cells]
    if not joined.isascii() and not unicodedata.is_normalized(_NFKC, joined):
        joined = _NORMALIZE(_NFKC, joined)
        if joined.count("\n") != breaks:  # pragma: no cover - NFKC makes no \n
            return [clean(c) for c in cells]
        cells = joined.split("\n")
    if not _padded(joined):
        return cells
    return list(map(_STRIP, cells, repeat(PAD)))


class LazyRows(Sequence[Row]):
    """A CSV's rows, each record one line (so row ``i`` is line ``i + 1``), cleaned only when
    asked for.

    Looking at a few rows (a header search, a preamble, a footer) cleans those; walking them
    all cleans the whole table at once and keeps it. ``columns`` gives a run of rows of one
    width a column at a time, cleaned (``clean_column``): how the readers take a 100,000-line
    statement's body without a row object per line.
    """

    __slots__ = ("_lines", "_commas", "_records", "_all", "_seen")

    def __init__(
        self,
        lines: list[str] | None = None,
        commas: list[int] | None = None,
        records: list[list[str]] | None = None,
    ) -> None:
        self._lines, self._commas, self._records = lines, commas, records
        self._all: tuple[Row, ...] | None = None
        self._seen: dict[int, Row] = {}

    def __len__(self) -> int:
        return len(self._lines if self._records is None else self._records)  # type: ignore[arg-type]

    def _raw(self, index: int) -> list[str]:
        if self._records is not None:
            return self._records[index]
        line = self._lines[index]  # type: ignore[index]
        return line.split(",") if line else []

    def _row(self, index: int) -> Row:
        if self._all is not None:
            return self._all[index]
        row = self._seen.get(index)
        if row is None:
            row = self._seen[index] = Row(index + 1, tuple([clean(c) for c in self._raw(index)]))
        return row

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            span = range(len(self))[index]
            if len(span) > _FEW and self._all is None:
                self._materialize()
            return tuple(map(self._row, span))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("row index out of range")
        return self._row(index)

    def __iter__(self) -> Iterator[Row]:
        if self._all is None:
            self._materialize()
        return iter(self._all)  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyRows({len(self)} rows)"

    def columns(self, start: int, stop: int, indices: Sequence[int]) -> list[Sequence[str]] | None:
        """The cleaned cells of rows ``start`` to ``stop`` (exclusive), one column per index,
        or None unless every one of those rows has the same number of cells, more than the
        largest index."""
        if start >= stop:
            return None
        if self._records is not None:
            block = self._records[start:stop]
            if len(set(map(len, block))) != 1 or max(indices) >= len(block[0]):
                return None
            turned = list(zip(*block, strict=True))
            return [clean_column(turned[i]) for i in indices]
        lines, commas = self._lines[start:stop], self._commas[start:stop]  # type: ignore[index]
        widths = set(commas)
        if len(widths) != 1 or "" in lines:
            return None
        width = widths.pop() + 1
        if max(indices) >= width:
            return None
        # a tab before a comma is a cell's trailing pad (Alipay pads every cell so): taken
        # out before the split, as ``clean`` would strip it
        joined = ",".join(lines).replace("\t,", ",")
        cells = joined.split(",")
        # NFKC leaves a comma and what is on either side of it alone: if the body is normal
        # and no pad touches a comma or an end, every cell is clean already
        if (joined.isascii() or unicodedata.is_normalized(_NFKC, joined)) and not _padded(
            joined, ","
        ):
            return [cells[i::width] for i in indices]
        return [clean_column(cells[i::width]) for i in indices]

    def _materialize(self) -> None:
        with collection_paused():
            if self._records is not None:
                rows = _records_as_rows(self._records)
            else:
                rows = _lines_as_rows(self._lines, self._commas)  # type: ignore[arg-type]
        if self._seen:  # rows handed out before stay the same objects
            listed = list(rows)
            for index, row in self._seen.items():
                listed[index] = row
            rows = tuple(listed)
        self._all = rows
        self._seen.clear()


_FEW = 1000  # a slice longer than this cleans the whole table at once


def _unquoted_rows(text: str) -> LazyRows | None:
    """The rows of a text without quotes, or None when the file needs ``csv.reader``.

    Without a ``"`` every line is one record (StringIO breaks lines at \\n, \\r\\n and \\r;
    a lone \\r is left to ``csv``) and its cells are ``line.split(",")``, an empty line none.
    """
    if '"' in text or "\x00" in text:
        return None
    if "\r" in text:
        lines = text.split("\r\n")
        crlf = len(lines) - 1
        if text.count("\r") != crlf:
            return None
        if text.count("\n") != crlf:  # not every line ends so (Windows exports): split again
            lines = text.replace("\r\n", "\n").split("\n")
    else:
        lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the end of the last line, not a line
    if (
        len(text) > csv.field_size_limit()
        and max(map(len, lines), default=0) > csv.field_size_limit()
    ):
        return None  # csv refuses a field that long: let it say so
    return LazyRows(lines, list(map(str.count, lines, repeat(","))))


def _lines_as_rows(lines: list[str], commas: list[int]) -> tuple[Row, ...]:
    """Every line's row, cleaned in bulk. NFKC leaves a comma and what is on either side of it
    alone, so normalising a whole line normalises each of its cells, as long as it makes no
    new comma (a full-width ，): such a line is cleaned cell by cell."""
    normal = list(map(_NORMALIZE, repeat(_NFKC), lines))
    apart: dict[int, tuple[str, ...]] = {}
    for i in compress(count(), map(is_not, normal, lines)):  # the few lines NFKC changes
        line = normal[i]
        if line.count(",") != commas[i] or "\n" in line or "\r" in line:
            # a full-width ， became a comma: these cells are cleaned one by one
            apart[i] = tuple([clean(cell) for cell in lines[i].split(",")])
            normal[i] = "," * commas[i]
    # every cell of every line in one list, then stripped in one pass; apart lines hold ""s
    cells = list(map(_STRIP, ",".join(normal).split(","), repeat(PAD))) if lines else []
    widths = list(map(_ONE.__add__, commas))
    if "" in lines:
        for i in compress(count(), map(not_, lines)):
            widths[i] = 0  # an empty line is a record without cells
    return _as_rows(cells, widths, lines, apart)


def _as_rows(
    cells: list[str],
    widths: list[int],
    lines: list[str] | None,
    apart: dict[int, tuple[str, ...]] | None = None,
) -> tuple[Row, ...]:
    """Rows numbered 1, 2, … of ``widths[i]`` cells each, taken in order from ``cells``; row
    ``i`` in ``apart`` has those cells instead.

    With ``lines`` (the unquoted path), an empty line (width 0) still holds one "" in ``cells``.
    """
    it = iter(cells)
    grouped: list[tuple[str, ...]] = []
    extend = grouped.extend
    for width, run in groupby(widths):
        n = sum(1 for _ in run)
        if width:
            extend(islice(zip(*[it] * width, strict=False), n))
        else:
            if lines is not None:
                next(islice(it, n, n), None)  # skip the n "" the empty lines left
            extend(repeat((), n))
    if next(it, None) is not None:  # pragma: no cover - the widths count every cell
        raise AssertionError("cells left over")
    for i, cells_apart in (apart or {}).items():
        grouped[i] = cells_apart
    return tuple(map(_row_maker(), count(1), grouped))


def _quoted_rows(text: str, file: str) -> Sequence[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error:
        return _rows_one_by_one(text, file)  # names the line the error is on
    if reader.line_num != len(records):  # a quoted cell spans lines: count them row by row
        return _rows_one_by_one(text, file)
    return LazyRows(records=records)


def _records_as_rows(records: list[list[str]]) -> tuple[Row, ...]:
    flat = map(_STRIP, map(_NORMALIZE, repeat(_NFKC), chain.from_iterable(records)), repeat(PAD))
    return _as_rows(list(flat), list(map(len, records)), None)


def _rows_one_by_one(text: str, file: str) -> tuple[Row, ...]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    append, new_row = rows.append, _row_maker()
    normalize, pad = unicodedata.normalize, PAD
    start = 1
    try:
        for cells in reader:
            # ``clean`` inlined: one call a row instead of one a cell (100,000-line files)
            append(
                new_row(
                    start,
                    tuple(
                        [
                            c.strip(pad) if c.isascii() else normalize("NFKC", c).strip(pad)
                            for c in cells
                        ]
                    ),  # fmt: skip
                )
            )
            start = reader.line_num + 1
    except csv.Error as exc:
        raise StatementRefused(Message.of(BAD_CSV, file=file, line=start, detail=str(exc))) from exc
    return tuple(rows)


def check_zip_sizes(raw: bytes, file: str) -> None:
    """Refuse an XLSX whose members would unpack too large, before anything inflates them."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:  # bad version
        raise StatementRefused(Message.of(DAMAGED_XLSX, file=file)) from exc
    total = sum(i.file_size for i in infos)
    bomb = any(
        i.file_size > 2**20 and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos
    )
    if total > MAX_UNPACKED_BYTES or bomb:
        raise StatementRefused(Message.of(ZIP_BOMB, file=file, megabytes=total // 2**20))


def xlsx_tables(raw: bytes, file: str) -> list[Table]:
    check_zip_sizes(raw, file)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            return [
                Table(
                    sheet.title,
                    tuple(
                        Row(number, tuple(cell_text(v) for v in values))
                        for number, values in enumerate(sheet.iter_rows(values_only=True), 1)
                    ),
                )
                for sheet in book.worksheets
            ]
        finally:
            book.close()
    except StatementRefused:
        raise
    except Exception as exc:  # damaged zip, bad XML, missing parts: say so, never a traceback
        raise StatementRefused(Message.of(DAMAGED_XLSX, file=file)) from exc


def cell_text(value: Any) -> str:
    """An XLSX cell as the text a CSV would hold: numbers exactly as shown, never via float math."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # repr is the shortest text that reads back as this float: what the cell displays.
        exact = Decimal(repr(value))
        return format(exact, "f") if abs(exact) < 10**15 else repr(value)
    return clean(str(value))


# --- headers ---------------------------------------------------------------------------------

_BILINGUAL_TAIL = re.compile(r"[A-Za-z .()/]*")
_WHITESPACE = re.compile(r"\s+")  # what header_key takes out


def _names_match(key: str, name: str) -> bool:
    """``记账日期`` matches itself and a bilingual ``记账日期Date``, not ``记账日期(收入)``."""
    if key == name:
        return True
    return key.startswith(name) and bool(_BILINGUAL_TAIL.fullmatch(key[len(name) :]))


def map_columns(cells: Sequence[str], roles: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """{role: column index} for each role whose name (first alias first) is in the header."""
    keys = [header_key(c) for c in cells]
    found: dict[str, int] = {}
    for role, names in roles.items():
        for name in names:
            exact = [i for i, k in enumerate(keys) if k == name]
            loose = [i for i, k in enumerate(keys) if _names_match(k, name)]
            if exact or loose:
                found[role] = (exact or loose)[0]
                break
    return found


def find_header(
    table: Table, roles: dict[str, tuple[str, ...]], required: Iterable[str]
) -> tuple[int, dict[str, int]] | None:
    """(row index, column map) of the first row naming every required role, or None."""
    needed = tuple(required)
    aliases = [roles.get(role, ()) for role in needed]
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        if row.filled < len(needed):
            continue
        # Every header_key is part of the row's NFKC text without spaces, so a row where some
        # required role has no name in that text cannot name it: skip it without mapping it.
        squashed = _WHITESPACE.sub("", unicodedata.normalize("NFKC", "\x00".join(row.cells)))
        if not all(any(name in squashed for name in names) for names in aliases):
            continue
        columns = map_columns(row.cells, roles)
        if all(r in columns for r in needed):
            return index, columns
    return None


# --- preamble and footer ---------------------------------------------------------------------

_BRACKETED = re.compile(r"([^\s:\[\]]+(?:\s+[^\s:\[\]]+)*)\s*:\s*\[([^\]]*)\]")
_WIDE_GAP = re.compile(r"\s{2,}")
_COUNT = re.compile(r"共\s*(\d+)\s*笔记录")
_FOOTER_WORDS = ("人民币合计", "合计", "合并统计", "总计", "以上", "注:", "说明", "温馨提示")


def preamble_pairs(rows: Iterable[Row]) -> tuple[tuple[str, str], ...]:
    """Every ``label：value`` or ``label：[value]`` in the rows before the header, cell by cell."""
    pairs: list[tuple[str, str]] = []
    for row in rows:
        for cell in row.cells:
            found = [(m.group(1), m.group(2)) for m in _BRACKETED.finditer(cell)]
            if not found:
                found = [part.partition(":")[::2] for part in _labelled_parts(cell)]
            for label, value in found:
                key, text = header_key(label), value.strip()
                if key and text and not set(key) <= set("-="):
                    pairs.append((key, text))
    return tuple(pairs)


def _labelled_parts(cell: str) -> list[str]:
    """``起始日期：20250101  终止日期：20250131`` → two parts; a spaced label (``账  号：1``)
    is joined to the part after it, a spaced value to the part before it."""
    parts: list[str] = []
    pending = ""
    for segment in _WIDE_GAP.split(cell):
        if ":" in segment:
            parts.append(f"{pending} {segment}".strip())
            pending = ""
        else:
            pending = f"{pending} {segment}".strip()
    if pending and parts:
        parts[-1] += " " + pending
    return parts


def stated_count(rows: Iterable[Row]) -> int | None:
    """The ``共N笔记录`` an Alipay or WeChat preamble states, if any."""
    for row in rows:
        match = _COUNT.search(" ".join(row.cells))
        if match:
            return int(match.group(1))
    return None


def is_note(row: Row) -> bool:
    """A footer, banner or note line rather than a transaction row.

    A lone cell that starts with a digit is not a note: it is a row cut short (truncated file).
    """
    cells = row.cells
    first = cells[0] if cells and cells[0] else next((c for c in cells if c), "")
    if not first:
        return True
    if first[:1].isdigit():  # a transaction row: no footer word starts with a digit
        return False
    if first.startswith(_FOOTER_WORDS):
        return True
    return row.filled == 1 and not first[:1].isdigit()
