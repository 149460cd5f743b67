"""Which importer a file needs, found from its content; and the one call that reads a file.

``detect`` checks the file is what its name says (a ``.csv`` is text, an ``.xlsx`` a workbook),
refuses what cannot be read (the old binary ``.xls``), then looks in every table (every sheet of
a workbook; the one table ``pdf`` rebuilds from a text PDF's pages) for a known header.
``read_statement`` = ``detect`` + that importer. Utility bills are no statement:
``read_utility_bills`` reads them (CSV or XLSX), and each reader names the other's files.
Every refusal is a ``StatementRefused`` whose message names the file.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePath

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.importers import alipay, bank, pdf, utility, wechat
from workstation.importers.decode import MISENCODED, REPLACED, decode_text, undo_latin1
from workstation.importers.records import ImportResult, Source, StatementRefused
from workstation.importers.tables import (
    HEADER_SEARCH_ROWS,
    Table,
    check_zip_sizes,
    csv_table,
    find_header,
    xlsx_tables,
)

EMPTY = QT_TRANSLATE_NOOP("messages", "{file} is empty")
UNKNOWN_LAYOUT = QT_TRANSLATE_NOOP(
    "messages",
    "{file}: no Alipay, WeChat Pay or known bank statement header was found; the layout is unknown",
)
OLD_EXCEL = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is an old Excel (.xls) or password-protected workbook; open it in Excel and "
    "save it as .xlsx without a password",
)
BILLS_NOT_STATEMENT = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is a list of utility bills, not a statement; import it as utility bills",
)
STATEMENT_NOT_BILLS = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is a payment or bank statement, not a list of utility bills; import it as a statement",
)
NO_BILL_HEADER = QT_TRANSLATE_NOOP(
    "messages",
    "{file}: no utility bill header was found (account 户号, period 账期 or start and end dates, "
    "usage 用电量/用水量, amount 金额); start from the template",
)
BILLS_NOT_PDF = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is a PDF; utility bills are imported from CSV or Excel, or typed in by hand",
)
NOT_A_WORKBOOK = QT_TRANSLATE_NOOP("messages", "{file} is a zip archive, not an Excel workbook")

# What a file holds, told from its first bytes, and what to say when the name claims otherwise.
TEXT, WORKBOOK, OLE2, PDF = "text", "workbook", "ole2", "pdf"
MISNAMED = {
    TEXT: QT_TRANSLATE_NOOP(
        "messages", "{file} is named .{extension} but is a text file, not what its name says"
    ),
    WORKBOOK: QT_TRANSLATE_NOOP(
        "messages", "{file} is named .{extension} but is a zip archive, not what its name says"
    ),
    OLE2: QT_TRANSLATE_NOOP(
        "messages",
        "{file} is named .{extension} but is an old Office (.xls) file, not what its name says",
    ),
    PDF: QT_TRANSLATE_NOOP(
        "messages", "{file} is named .{extension} but is a PDF, not what its name says"
    ),
}
_EXPECTED = {
    "csv": TEXT,
    "txt": TEXT,
    "xlsx": WORKBOOK,
    "xlsm": WORKBOOK,
    "xls": OLE2,
    "pdf": PDF,
}

Reader = Callable[[Table, int, dict[str, int], str, str], ImportResult]


@dataclass(frozen=True)
class Layout:
    source: Source
    roles: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    read: Reader


def _bank_reader(layout: bank.BankLayout) -> Reader:
    def read(table: Table, header: int, columns: dict[str, int], file: str, sha: str):
        return bank.read(layout, table, header, columns, file, sha)

    return read


LAYOUTS: tuple[Layout, ...] = (
    Layout(Source.ALIPAY, alipay.ROLES, alipay.REQUIRED, alipay.read),
    Layout(Source.WECHAT, wechat.ROLES, wechat.REQUIRED, wechat.read),
    *(Layout(p.source, p.roles, p.required, _bank_reader(p)) for p in bank.PRESETS),
)


@dataclass(frozen=True)
class Detected:
    """A file, the importer it needs, and where that importer's header is."""

    file: str
    sha256: str
    layout: Layout
    table: Table
    header: int  # index into table.rows
    columns: dict[str, int]

    @property
    def source(self) -> Source:
        return self.layout.source

    def read(self) -> ImportResult:
        return self.layout.read(self.table, self.header, self.columns, self.file, self.sha256)


def detect(source: bytes | Path, name: str | None = None) -> Detected:
    """The importer ``source`` needs, or a refusal naming the file."""
    raw = source.read_bytes() if isinstance(source, Path) else source
    file = name or (source.name if isinstance(source, Path) else "")
    content = _checked_content(raw, file)
    if content == OLE2:
        raise _refuse(OLD_EXCEL, file)
    if content == PDF:
        tables = pdf.pdf_tables(raw, file, [(layout.roles, layout.required) for layout in LAYOUTS])
    else:
        tables = _tables(raw, file, content)
    sha256 = hashlib.sha256(raw).hexdigest()
    best: Detected | None = None
    for table in tables:
        for layout in LAYOUTS:
            found = find_header(table, layout.roles, layout.required)
            if found and (best is None or found[0] < best.header):
                best = Detected(file, sha256, layout, table, found[0], found[1])
        if best:
            return best
    if any(utility.find_bill_header(table) for table in tables):
        raise _refuse(BILLS_NOT_STATEMENT, file)
    if content == TEXT:
        _refuse_if_garbled(raw, file)
    raise _refuse(UNKNOWN_LAYOUT, file)


def _refuse_if_garbled(raw: bytes, file: str) -> None:
    """A text file with no header we know: refused as damaged when a "�" stands where
    characters were lost, or when it is an export we know whose Chinese was read as Latin-1
    and saved again — it is, if undoing that conversion shows a known header. Anything else
    (a foreign bank's accents, a row of ·····) is an unknown layout, to be mapped."""
    text = decode_text(raw, file)
    head = text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]
    lost = next((n for n, line in enumerate(head, 1) if "\ufffd" in line), None)
    if lost is not None:
        raise StatementRefused(Message.of(REPLACED, file=file, line=lost))
    undone = undo_latin1("\n".join(head))
    if undone is None:
        return
    table = csv_table(undone, file)
    for layout in LAYOUTS:
        found = find_header(table, layout.roles, layout.required)
        if found:
            line = table.rows[found[0]].line
            sample = head[line - 1].strip()[:20]
            raise StatementRefused(Message.of(MISENCODED, file=file, line=line, sample=sample))


def read_statement(source: bytes | Path, name: str | None = None) -> ImportResult:
    """The whole file read into records, or ``StatementRefused``; never part of a file."""
    return detect(source, name).read()


def read_utility_bills(source: bytes | Path, name: str | None = None) -> utility.UtilityImport:
    """A CSV or XLSX of utility bills (resources/templates/utility_bills.csv), all or nothing."""
    raw = source.read_bytes() if isinstance(source, Path) else source
    file = name or (source.name if isinstance(source, Path) else "")
    content = _checked_content(raw, file)
    if content == PDF:
        raise _refuse(BILLS_NOT_PDF, file)
    if content == OLE2:
        raise _refuse(OLD_EXCEL, file)
    tables = _tables(raw, file, content)
    sha256 = hashlib.sha256(raw).hexdigest()
    for table in tables:
        header = utility.find_bill_header(table)
        if header:
            return utility.read_bills(table, header, file, sha256)
    for table in tables:
        if any(find_header(table, layout.roles, layout.required) for layout in LAYOUTS):
            raise _refuse(STATEMENT_NOT_BILLS, file)
    raise _refuse(NO_BILL_HEADER, file)


def _checked_content(raw: bytes, file: str) -> str:
    """What the file holds, refusing an empty file and one whose name says otherwise."""
    if not raw or raw.isspace():  # what ``not raw.strip()`` says, without copying the file
        raise _refuse(EMPTY, file)
    content = _content(raw)
    extension = PurePath(file).suffix.lower().lstrip(".")
    expected = _EXPECTED.get(extension)
    if expected == WORKBOOK and content == OLE2:  # Excel wraps an encrypted .xlsx in OLE2
        raise _refuse(OLD_EXCEL, file)
    if expected and expected != content:
        raise _refuse(MISNAMED[content], file, extension=extension)
    return content


def _tables(raw: bytes, file: str, content: str) -> list[Table]:
    if content == WORKBOOK:
        return _workbook(raw, file)
    return [csv_table(decode_text(raw, file), file)]


def _content(raw: bytes) -> str:
    if raw.startswith(b"PK\x03\x04"):
        return WORKBOOK
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE2
    if raw.lstrip()[:5] == b"%PDF-":
        return PDF
    return TEXT


def _workbook(raw: bytes, file: str) -> list[Table]:
    check_zip_sizes(raw, file)
    with zipfile.ZipFile(BytesIO(raw)) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            raise _refuse(NOT_A_WORKBOOK, file)
    return xlsx_tables(raw, file)


def _refuse(template: str, file: str, **params: str) -> StatementRefused:
    return StatementRefused(Message.of(template, file=file, **params))
