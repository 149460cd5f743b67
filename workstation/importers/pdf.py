"""Bank statements as text PDFs → the same tables of cells a CSV or XLSX gives.

pdfplumber reads the text layer. A ruled grid (ICBC) gives its cells directly; an unruled
table (CMB, CCB printed to PDF) is rebuilt from word positions: the header row is found by
content (the bank presets' column names, as ``tables.find_header`` finds them in a CSV), and
every word below it goes to the header column it sits under. The result is one ``Table`` for
the whole file, so ``detect`` and ``bank.read`` treat PDF rows exactly like CSV rows.

Line numbers: ``Row.line`` (hence ``Transaction.line``) is ``page × 1000 + n``, ``n`` counting
the rows of text on that page from the top (a ruled table row is one row however many lines
its cells wrap to). Line 2005 is page 2, the fifth row down: an officer can find it on paper.

Refused, naming the file: a scanned PDF (pages that are pictures, no text), a password, a
damaged or truncated file, more than ``MAX_PAGES`` pages, text whose font has no character map.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.importers import bank
from workstation.importers.decode import PAD, header_key
from workstation.importers.records import StatementRefused
from workstation.importers.tables import Row, Table, map_columns

MAX_PAGES = 500  # a year of a busy account is ~150 pages; pdfplumber reads ~10 pages a second
ROWS_PER_PAGE = 1000  # the line-number base: line = page × 1000 + row

SCANNED = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is a scanned PDF (pictures of pages, no text): ask for the bank's electronic "
    "statement (CSV, Excel or text PDF)",
)
SCANNED_PAGE = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, page {page} is a scanned picture among text pages; its rows cannot be read: ask "
    "for the bank's electronic statement",
)
NO_TEXT = QT_TRANSLATE_NOOP(
    "messages", "{file} is a PDF without any text to read (blank, or text drawn as shapes)"
)
PASSWORD = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is protected by a password; ask the applicant to export it again without a password",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "messages", "{file} is damaged or truncated and cannot be opened as a PDF"
)
TOO_MANY_PAGES = QT_TRANSLATE_NOOP(
    "messages",
    "{file} has {pages} pages; at most {limit} are read: ask for the statement in shorter periods",
)
GARBLED = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, page {page}: the PDF's text cannot be decoded (its font has no character map); "
    "ask for the statement as CSV or Excel",
)

HeaderSpec = tuple[dict[str, tuple[str, ...]], tuple[str, ...]]  # (roles, required roles)
BANK_HEADERS: tuple[HeaderSpec, ...] = tuple((p.roles, p.required) for p in bank.PRESETS)

_PAGE_NUMBER = re.compile(
    r"(?:\d+\s*/\s*\d+|第\s*\d+\s*页.*|共\s*\d+\s*页.*|-\s*\d+\s*-|page\s*\d+(?:\s*of\s*\d+)?)",
    re.IGNORECASE,
)
_CID = re.compile(r"\(cid:\d+\)")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DIGIT = re.compile(r"\d")


@dataclass
class _Run:
    """Words of one line close enough to be one cell."""

    x0: float
    x1: float
    text: str


@dataclass
class _Line:
    """One row of text on a page, as runs (free text) or cells (a ruled table's row)."""

    number: int  # page × 1000 + n
    page: int
    top: float
    runs: list[_Run] = field(default_factory=list)
    cells: list[str] | None = None  # set for a ruled table's row

    def texts(self) -> list[str]:
        return self.cells if self.cells is not None else [r.text for r in self.runs]


def pdf_tables(raw: bytes, file: str, headers: Iterable[HeaderSpec] = BANK_HEADERS) -> list[Table]:
    """The statement table of a text PDF (one table for all pages), or ``StatementRefused``."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    if b"%%EOF" not in raw[-2048:]:  # cut off: pdfminer would read what is left, silently
        raise _refuse(DAMAGED, file)
    try:
        with pdfplumber.open(io.BytesIO(raw)) as document:
            pages = document.pages
            if len(pages) > MAX_PAGES:
                raise _refuse(TOO_MANY_PAGES, file, pages=len(pages), limit=MAX_PAGES)
            lines = _read_pages(pages, file)
    except StatementRefused:
        raise
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        raise _refuse(PASSWORD if _is_password(cause) else DAMAGED, file) from exc
    except Exception as exc:  # bad objects, broken streams: say so, never a traceback
        raise _refuse(DAMAGED, file) from exc
    return [Table("", tuple(_Aligner(tuple(headers)).rows(lines)))]


def _is_password(cause: object) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError

    return isinstance(cause, PDFEncryptionError)


def _refuse(template: str, file: str, **params: Any) -> StatementRefused:
    return StatementRefused(Message.of(template, file=file, **params))


# --- pages → lines -------------------------------------------------------------------------


def _read_pages(pages: Sequence[Any], file: str) -> list[_Line]:
    lines: list[_Line] = []
    scanned: list[int] = []
    for number, page in enumerate(pages, start=1):
        if not page.chars:
            if page.images:
                scanned.append(number)
            continue
        page_lines = _page_lines(page, number)
        if any(_CID.search(t) for line in page_lines for t in line.texts()):
            raise _refuse(GARBLED, file, page=number)
        lines.extend(page_lines)
    if scanned and not lines:
        raise _refuse(SCANNED, file)
    if scanned:
        raise _refuse(SCANNED_PAGE, file, page=scanned[0])
    if not lines:
        raise _refuse(NO_TEXT, file)
    return lines


def _page_lines(page: Any, number: int) -> list[_Line]:
    """The page's rows from the top: ruled tables' rows and the lines of text around them."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    found: list[_Line] = []
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=True):
            texts = [_cell_text(c) for c in cells]
            found.append(_Line(0, number, row.bbox[1], cells=texts))
    words = [w for w in page.extract_words() if not any(_inside(w, box) for box in boxes)]
    found.extend(_Line(0, number, top, runs=runs) for top, runs in _word_lines(words))
    found.sort(key=lambda line: line.top)
    for n, line in enumerate(found, start=1):
        line.number = number * ROWS_PER_PAGE + n
    return [line for line in found if not _is_page_number(line)]


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _word_lines(words: list[dict[str, Any]]) -> list[tuple[float, list[_Run]]]:
    """Words → lines (by their vertical position) → runs (split where the gap is wide)."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        height = word["bottom"] - word["top"]
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= height / 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    result = []
    for line in lines:
        runs: list[_Run] = []
        for word in sorted(line, key=lambda w: w["x0"]):
            height = word["bottom"] - word["top"]
            text = _clean(word["text"])
            if runs and word["x0"] - runs[-1].x1 <= 0.8 * height:
                runs[-1].x1 = word["x1"]
                runs[-1].text += " " + text
            else:
                runs.append(_Run(word["x0"], word["x1"], text))
        result.append((line[0]["top"], runs))
    return result


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip(PAD)


def _cell_text(cell: str | None) -> str:
    """A ruled cell's text; a wrapped cell joined without a break (no space inside Chinese)."""
    parts = [_clean(p) for p in (cell or "").split("\n")]
    text = ""
    for part in filter(None, parts):
        cjk_seam = text and _CJK.match(text[-1]) and _CJK.match(part[0])
        text += part if not text or cjk_seam else " " + part
    return text


def _is_page_number(line: _Line) -> bool:
    texts = [t for t in line.texts() if t]
    return len(texts) == 1 and bool(_PAGE_NUMBER.fullmatch(texts[0]))


# --- lines → rows under the header ----------------------------------------------------------


@dataclass
class _Header:
    keys: tuple[str, ...]  # header_key of each title: a repeat on a later page is dropped
    zones: list[float]  # unruled: the x where each column after the first begins (its title)
    date_column: int | None  # an unruled line with nothing here continues the row above


class _Aligner:
    """Puts every line under the header's columns; drops repeated headers and running heads."""

    def __init__(self, headers: tuple[HeaderSpec, ...]) -> None:
        self.headers = headers
        self.header: _Header | None = None
        self.rows_out: list[tuple[int, list[str]]] = []
        self.awaiting_data = False  # between a header and its first row: title lines follow
        self.last_data: tuple[int, float] | None = None  # (page, top) of the row to extend
        self.header_row = 0  # index in rows_out of the header, for a wrapped title's 2nd line

    def rows(self, lines: list[_Line]) -> list[Row]:
        by_page: dict[int, list[_Line]] = {}
        for line in lines:
            by_page.setdefault(line.page, []).append(line)
        for page_lines in by_page.values():
            self._page(page_lines)
        return [Row(number, tuple(cells)) for number, cells in self.rows_out]

    def _page(self, lines: list[_Line]) -> None:
        at = next((i for i, line in enumerate(lines) if self._roles(line.texts())), None)
        if at is not None and self.header is not None:
            lines = lines[at:]  # a running head above the repeated header
            at = 0
        self.last_data = None
        for index, line in enumerate(lines):
            if index == at:
                self._take_header(line)
            elif self.header is None or (at is not None and index < at):
                self.rows_out.append((line.number, _preamble_cells(line)))
            else:
                self._take_row(line)

    def _roles(self, texts: list[str]) -> dict[str, int] | None:
        if len([t for t in texts if t]) < 2:
            return None
        for roles, required in self.headers:
            columns = map_columns(texts, roles)
            if all(r in columns for r in required):
                return columns
        return None

    def _take_header(self, line: _Line) -> None:
        texts = line.texts()
        keys = tuple(header_key(t) for t in texts)
        columns = self._roles(texts) or {}
        zones = [run.x0 - 1 for run in line.runs[1:]]  # a title starts its column
        repeated = self.header is not None and self.header.keys == keys
        self.header = _Header(keys, zones, columns.get("date") if line.cells is None else None)
        self.awaiting_data = True
        if not repeated:
            self.rows_out.append((line.number, texts))
            self.header_row = len(self.rows_out) - 1

    def _take_row(self, line: _Line) -> None:
        assert self.header is not None
        cells = line.cells if line.cells is not None else self._align(line.runs)
        text = "".join(cells)
        if self.awaiting_data and not _DIGIT.search(text):
            if line.cells is None and _CJK.search(text):  # a header title wrapped
                self._extend(self.header_row, cells)
            return  # the English titles under the Chinese ones
        self.awaiting_data = False
        date = self.header.date_column
        if (
            date is not None
            and line.cells is None
            and self.last_data is not None
            and not cells[date]
            and len(line.runs) < len(self.header.keys)
        ):
            self._extend(len(self.rows_out) - 1, cells)  # a wrapped cell's second line
            return
        self.rows_out.append((line.number, cells))
        self.last_data = (line.page, line.top)

    def _align(self, runs: list[_Run]) -> list[str]:
        assert self.header is not None
        zones = self.header.zones
        cells = [""] * (len(zones) + 1)
        if len(runs) == 1 and _column(zones, runs[0].x1) - _column(zones, runs[0].x0) >= 2:
            cells[0] = runs[0].text  # free text across the page: a note, kept whole
            return cells
        for run in runs:
            index = _column_of_run(zones, run)
            cells[index] = f"{cells[index]} {run.text}".strip()
        return cells

    def _extend(self, index: int, cells: list[str]) -> None:
        number, existing = self.rows_out[index]
        merged = [_join(a, b) for a, b in zip(existing, cells, strict=False)]
        merged.extend(existing[len(cells) :])
        self.rows_out[index] = (number, merged)


def _preamble_cells(line: _Line) -> list[str]:
    """A line above the header as one cell, its runs two spaces apart: ``preamble_pairs``
    splits ``户名：李四  账号：6217…`` there and joins a spaced-out label (``户　　名：``)."""
    if line.cells is not None:
        return line.cells
    return ["  ".join(run.text for run in line.runs)]


def _column(zones: list[float], x: float) -> int:
    return sum(1 for start in zones if x >= start)


def _column_of_run(zones: list[float], run: _Run) -> int:
    """The column holding most of the run (right-aligned amounts overhang their title)."""
    edges = [float("-inf"), *zones, float("inf")]
    overlaps = [
        max(0.0, min(run.x1, right) - max(run.x0, left))
        for left, right in zip(edges, edges[1:], strict=False)
    ]
    return max(range(len(overlaps)), key=overlaps.__getitem__)


def _join(first: str, second: str) -> str:
    if not first or not second:
        return first or second
    seam = _CJK.match(first[-1]) and _CJK.match(second[0])
    return first + second if seam else f"{first} {second}"
