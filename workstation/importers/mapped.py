"""Bank statements in a layout no preset knows, read with a column mapping the officer made.

``detect`` refuses such a file as ``UNKNOWN_LAYOUT``. ``read_or_preview`` then reads it with a
saved mapping whose header row the file has, or gives the column-mapping dialog what it
needs: the first rows of each table (sheet), the likely header row and a mapping guessed from
the header's words. A ``ColumnMapping`` names its header row by the row's cells (the
signature) and says which column holds what; it becomes a ``bank.BankLayout`` and the file
is read by ``bank.read``: the same records and the same refusals, naming the file and line.
CSV and XLSX only: a PDF's table is rebuilt from a known header, so there is none to map.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.importers import bank
from workstation.importers.amounts import BadValue, parse_stamp
from workstation.importers.bank import BankLayout, Signs
from workstation.importers.common import Reading
from workstation.importers.decode import decode_text
from workstation.importers.records import ImportResult, Source, StatementRefused, Transaction
from workstation.importers.tables import HEADER_SEARCH_ROWS, Row, Table, csv_table, xlsx_tables

PREVIEW_ROWS = 60  # rows of each table the dialog gets: the header candidates and records
CANDIDATE_ROWS = 15  # rows offered as the header row
PREVIEW_RECORDS = 10

NO_DATE_COLUMN = QT_TRANSLATE_NOOP("messages", "Choose the column that holds the date.")
NO_AMOUNT_COLUMN = {
    Signs.SIGNED: QT_TRANSLATE_NOOP("messages", "Choose the column that holds the amount."),
    Signs.TWO_COLUMNS: QT_TRANSLATE_NOOP(
        "messages", "Choose the income column and the expense column."
    ),
    Signs.FLAG: QT_TRANSLATE_NOOP(
        "messages", "Choose the amount column and the debit/credit column."
    ),
}
NO_FLAG_WORDS = QT_TRANSLATE_NOOP(
    "messages", "Give the words that mark a debit and those that mark a credit."
)
SAME_WORD = QT_TRANSLATE_NOOP("messages", "“{word}” cannot mark both a debit and a credit.")
SAME_COLUMN = QT_TRANSLATE_NOOP("messages", "Column “{column}” is chosen for two things.")
NO_SUCH_COLUMN = QT_TRANSLATE_NOOP("messages", "The header row has no column {number}.")
MAPPING_INCOMPLETE = QT_TRANSLATE_NOOP(
    "messages", "{file}: the column mapping cannot be used ({why}); map the columns again"
)
UNKNOWN_WORD = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: “{value}” is neither a debit word ({debit}) nor a credit word "
    "({credit}) of the column mapping",
)
NO_HEADER = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: this row is not the header of the column mapping"
)


class DateOrder(enum.StrEnum):
    """How the date column orders day, month and year."""

    YMD = "ymd"  # 2024-03-05, 2024/3/5, 20240305, 2024年3月5日 (what parse_stamp reads)
    DMY = "dmy"  # 05/03/2024
    MDY = "mdy"  # 03/05/2024, as Excel with US settings re-saves it


AMOUNT_ROLES: dict[Signs, tuple[str, ...]] = {
    Signs.SIGNED: ("amount",),
    Signs.TWO_COLUMNS: ("income", "expense"),
    Signs.FLAG: ("amount", "flag"),
}
OPTIONAL_ROLES = ("time", "counterparty", "account", "memo", "balance", "currency")
ROLES = ("date", "time", "amount", "income", "expense", "flag", *OPTIONAL_ROLES[1:])
DEBIT_WORDS = ("借", "借方", "D", "DR", "支出", "支", "出", "付", "付出", "转出", "支取", "-")
CREDIT_WORDS = ("贷", "贷方", "C", "CR", "收入", "收", "入", "存入", "转入", "收款", "+")


def signature_of(cells: Sequence[str]) -> tuple[str, ...]:
    """A header row as a mapping knows it: each cell without spaces, trailing empties gone."""
    keys = ["".join(cell.split()) for cell in cells]
    while keys and not keys[-1]:
        keys.pop()
    return tuple(keys)


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (an index into the header row) holds what, for one header row.

    ``signs`` says how the amount is given: one signed column (``amount``), ``income`` and
    ``expense`` columns, or an unsigned ``amount`` with a ``flag`` column whose words are
    ``debit_words`` or ``credit_words``. ``time`` and the roles after ``flag`` are optional.
    """

    signature: tuple[str, ...]
    signs: Signs = Signs.SIGNED
    date: int | None = None
    time: int | None = None
    amount: int | None = None
    income: int | None = None
    expense: int | None = None
    flag: int | None = None
    counterparty: int | None = None
    account: int | None = None
    memo: int | None = None
    balance: int | None = None
    currency: int | None = None
    debit_words: tuple[str, ...] = ("借",)
    credit_words: tuple[str, ...] = ("贷",)
    date_order: DateOrder = DateOrder.YMD

    def column(self, role: str) -> int | None:
        return {r: i for r, i in self._all()}[role]

    def _all(self) -> tuple[tuple[str, int | None], ...]:
        return (
            ("date", self.date), ("time", self.time), ("amount", self.amount),
            ("income", self.income), ("expense", self.expense), ("flag", self.flag),
            ("counterparty", self.counterparty), ("account", self.account),
            ("memo", self.memo), ("balance", self.balance), ("currency", self.currency),
        )  # fmt: skip

    def columns(self) -> dict[str, int]:
        """{role: column} of the roles this sign convention reads (as ``bank.read`` takes)."""
        used = ("date", *AMOUNT_ROLES[self.signs], *OPTIONAL_ROLES)
        found = dict(self._all())
        return {role: i for role in used if (i := found[role]) is not None}

    def problem(self) -> Message | None:
        """What keeps this mapping from reading a file, or None."""
        if self.date is None:
            return Message.of(NO_DATE_COLUMN)
        columns = self.columns()
        if any(role not in columns for role in AMOUNT_ROLES[self.signs]):
            return Message.of(NO_AMOUNT_COLUMN[self.signs])
        for index in columns.values():
            if index < 0 or index >= len(self.signature):
                return Message.of(NO_SUCH_COLUMN, number=index + 1)
        seen: set[int] = set()
        for index in columns.values():
            if index in seen:
                return Message.of(SAME_COLUMN, column=self.signature[index] or f"{index + 1}")
            seen.add(index)
        if self.signs is Signs.FLAG:
            debit, credit = _words(self.debit_words), _words(self.credit_words)
            if not debit or not credit:
                return Message.of(NO_FLAG_WORDS)
            both = sorted(set(debit) & set(credit))
            if both:
                return Message.of(SAME_WORD, word=both[0])
        return None

    def layout(self) -> BankLayout:
        """The mapping as a bank preset: each role named by its header cell."""
        columns = self.columns()
        roles = {role: (self.signature[i],) for role, i in columns.items()}
        return BankLayout(Source.BANK_OTHER, self.signs, roles, tuple(columns))

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": 1,
                "signature": list(self.signature),
                "signs": self.signs.value,
                "columns": {role: i for role, i in self._all() if i is not None},
                "debit_words": list(self.debit_words),
                "credit_words": list(self.credit_words),
                "date_order": self.date_order.value,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """The mapping ``to_json`` wrote; ValueError for anything else."""
        try:
            data: dict[str, Any] = json.loads(text)
            columns = {str(k): int(v) for k, v in data["columns"].items() if k in ROLES}
            return cls(
                signature=tuple(str(c) for c in data["signature"]),
                signs=Signs(data["signs"]),
                debit_words=tuple(str(w) for w in data.get("debit_words", ("借",))),
                credit_words=tuple(str(w) for w in data.get("credit_words", ("贷",))),
                date_order=DateOrder(data.get("date_order", "ymd")),
                **columns,
            )
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a column mapping: {exc}") from exc


def _words(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.strip().upper() for w in words if w.strip()))


# --- reading ---------------------------------------------------------------------------------


def read_mapped(
    table: Table, header: int, mapping: ColumnMapping, file: str, sha256: str
) -> ImportResult:
    """The whole table read with ``mapping`` (its header at ``header``), or
    ``StatementRefused`` naming the file and line; never part of a file."""
    why = mapping.problem()
    if why is not None:
        raise StatementRefused(Message.of(MAPPING_INCOMPLETE, file=file, why=why.render()))
    if header >= len(table.rows) or signature_of(table.rows[header].cells) != mapping.signature:
        line = table.rows[header].line if header < len(table.rows) else 0
        raise StatementRefused(Message.of(NO_HEADER, file=file, line=line))
    prepared, given = _prepared(table, header, mapping, file, sha256)
    result = bank.read(mapping.layout(), prepared, header, mapping.columns(), file, sha256)
    if not given:
        return result
    # the direction as the file gives it (收, 支, D, C), not the 借/贷 it was read as
    records = tuple(t._replace(direction=given[t.line]) for t in result.transactions)
    return replace(result, transactions=records)


def _prepared(
    table: Table, header: int, mapping: ColumnMapping, file: str, sha256: str
) -> tuple[Table, dict[int, str]]:
    """The table as ``bank.read`` reads it: the mapping's debit and credit words as 借 and
    贷, dates turned year first; and {line: the flag as given}. A flag word the mapping does
    not know refuses the file, naming the line."""
    flagged, reorder = mapping.signs is Signs.FLAG, mapping.date_order is not DateOrder.YMD
    given: dict[int, str] = {}
    if not flagged and not reorder:
        return table, given
    reading = Reading(file, sha256, Source.BANK_OTHER)
    debit, credit = _words(mapping.debit_words), _words(mapping.credit_words)
    flag, day = mapping.flag or 0, mapping.date or 0
    changed: dict[int, Row] = {}
    for row in reading.data_rows(table, header, mapping.columns()):
        cells = list(row.cells)
        if flagged:
            word = _flag_word(cells[flag], debit, credit)
            if word is None:
                reading.fail(
                    row.line, UNKNOWN_WORD, value=cells[flag], debit="/".join(debit),
                    credit="/".join(credit),
                )  # fmt: skip
            else:
                given[row.line], cells[flag] = cells[flag], word
        if reorder:
            cells[day] = year_first(cells[day], mapping.date_order)
        changed[id(row)] = Row(row.line, tuple(cells))
    if reading.fatal:
        reading.result(table, header)  # raises, listing every line
    return Table(table.sheet, tuple(changed.get(id(r), r) for r in table.rows)), given


def _flag_word(cell: str, debit: tuple[str, ...], credit: tuple[str, ...]) -> str | None:
    """借 or 贷 for a cell holding one of the words (alone or first, ``借 Dr``), else None."""
    text = cell.strip().upper()
    for candidate in (text, *text.split()[:1]):
        if candidate in debit:
            return "借"
        if candidate in credit:
            return "贷"
    return None


_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(.*)", re.DOTALL)


def year_first(text: str, order: DateOrder) -> str:
    """``05/03/2024 10:21`` (day first) → ``2024-03-05 10:21``; left alone when it is not
    such a date (``parse_stamp`` then names the line)."""
    match = _DAY_FIRST.fullmatch(text.strip())
    if order is DateOrder.YMD or match is None:
        return text
    first, second, year, rest = match.groups()
    day, month = (first, second) if order is DateOrder.DMY else (second, first)
    year = year if len(year) == 4 else f"20{year}"
    return f"{year}-{int(month):02d}-{int(day):02d}{rest}"


# --- the dialog's material -------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRows:
    """The first rows of one table (a sheet; "" for a CSV)."""

    sheet: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class MappingPreview:
    """What the column-mapping dialog needs for a file refused as unknown layout: its
    tables' first rows, the likely table and header row, and a guessed mapping."""

    file: str
    sheets: tuple[SheetRows, ...]
    sheet: int = 0
    header: int = 0
    guess: ColumnMapping = field(default_factory=lambda: ColumnMapping(()))


@dataclass(frozen=True)
class Trial:
    """The first records a mapping reads from the preview rows, or why it reads none."""

    records: tuple[Transaction, ...]
    problem: Message | None = None  # a line's problem names the file and line


def file_tables(raw: bytes, file: str) -> list[Table] | None:
    """The tables of a CSV or XLSX (as ``detect`` reads them); None for a PDF or old Excel."""
    if raw.startswith(b"PK\x03\x04"):
        return xlsx_tables(raw, file)
    if raw.startswith(b"\xd0\xcf\x11\xe0") or raw.lstrip()[:5] == b"%PDF-":
        return None
    return [csv_table(decode_text(raw, file), file)]


def find_signature(
    tables: Sequence[Table], signatures: Collection[tuple[str, ...]]
) -> tuple[Table, int, tuple[str, ...]] | None:
    """(table, header row index, signature) of the first row that is a saved header."""
    if not signatures:
        return None
    for table in tables:
        for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
            if row.filled >= 2:
                found = signature_of(row.cells)
                if found in signatures:
                    return table, index, found
    return None


def read_or_preview(
    raw: bytes, file: str, saved: Mapping[tuple[str, ...], ColumnMapping]
) -> ImportResult | MappingPreview | None:
    """The file read with the saved mapping whose header row it has (``StatementRefused``
    when a line cannot be read); else what the dialog needs; None when there is no table to
    map (a PDF, an empty sheet)."""
    tables = file_tables(raw, file)
    if tables is None:
        return None
    found = find_signature(tables, saved.keys())
    if found is not None:
        table, header, signature = found
        sha256 = hashlib.sha256(raw).hexdigest()
        return read_mapped(table, header, saved[signature], file, sha256)
    return preview(tables, file)


def read_if_header(raw: bytes, file: str, mapping: ColumnMapping) -> ImportResult | None:
    """The file read with ``mapping`` when it has the mapping's header row (else None);
    ``StatementRefused`` naming the file and line when a line cannot be read."""
    tables = file_tables(raw, file)
    found = find_signature(tables or (), {mapping.signature})
    if found is None:
        return None
    table, header, _ = found
    return read_mapped(table, header, mapping, file, hashlib.sha256(raw).hexdigest())


def preview_with(raw: bytes, file: str, mapping: ColumnMapping) -> MappingPreview:
    """What the dialog needs to edit a saved ``mapping``: the file's first rows with the
    mapping's header row chosen and the mapping filled in; only the header row when the
    file (None: no file uses the mapping) does not have it."""
    tables = file_tables(raw, file) if raw else None
    sheets = [t for t in tables or () if t.rows]
    found = find_signature(sheets, {mapping.signature})
    if found is None:
        alone = SheetRows("", (Row(1, mapping.signature),))
        return MappingPreview(file, (alone,), 0, 0, mapping)
    table, header, _ = found
    shown = max(PREVIEW_ROWS, header + 1 + 3 * PREVIEW_RECORDS)
    rows = tuple(SheetRows(t.sheet, t.rows[:shown]) for t in sheets)
    sheet = next(i for i, t in enumerate(sheets) if t is table)
    return MappingPreview(file, rows, sheet, header, mapping)


def preview(tables: Sequence[Table], file: str) -> MappingPreview | None:
    """The tables' first rows with the guessed sheet, header row and mapping."""
    sheets = tuple(SheetRows(t.sheet, t.rows[:PREVIEW_ROWS]) for t in tables if t.rows)
    if not sheets:
        return None
    scored = [(_header_guess(s.rows), i) for i, s in enumerate(sheets)]
    (score, header), sheet = max(scored, key=lambda found: (found[0][0], -found[1]))
    rows = sheets[sheet].rows
    return MappingPreview(file, sheets, sheet, header, guess_mapping(rows, header))


# Header words by role, most telling first; a column is taken by the first role that names it,
# exact names before names that merely contain a word (so 借贷方向 is the flag, not income).
GUESS_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("flag", ("借贷标志", "借贷方向", "借贷", "收支标志", "收付标志", "收支方向", "收/支", "收支",
              "方向")),
    ("income", ("贷方发生额", "贷方金额", "收入金额", "存入金额", "转入金额", "收款金额", "收入",
                "存入", "贷方")),
    ("expense", ("借方发生额", "借方金额", "支出金额", "支取金额", "转出金额", "付款金额", "支出",
                 "支取", "借方")),
    ("balance", ("账户余额", "联机余额", "本次余额", "当前余额", "余额")),
    ("date", ("交易日期", "记账日期", "入账日期", "发生日期", "记账日", "日期", "交易时间")),
    ("time", ("交易时间", "时间")),
    ("amount", ("交易金额", "发生额", "金额", "记账金额")),
    ("counterparty", ("对方户名", "对方账户名称", "对方账户名", "对方名称", "对手户名", "对方单位",
                      "交易对方", "交易对手", "对手信息", "收/付款人", "收付款人")),
    ("account", ("对方账号", "对方账户", "对手账号", "对方卡号", "对方帐号")),
    ("memo", ("摘要", "交易摘要", "用途", "附言", "备注", "交易用途", "说明")),
    ("currency", ("币种", "货币", "币别")),
)  # fmt: skip


def guess_columns(cells: Sequence[str]) -> dict[str, int]:
    """{role: column} guessed from a row's words (a column serves one role)."""
    keys = list(signature_of(cells))
    found: dict[str, int] = {}
    for loose in (False, True):
        for role, words in GUESS_WORDS:
            if role in found:
                continue
            for word in words:
                free = [i for i, k in enumerate(keys) if k and i not in found.values()]
                hit = next((i for i in free if word == keys[i] or loose and word in keys[i]), None)
                if hit is not None:
                    found[role] = hit
                    break
    return found


def _header_guess(rows: Sequence[Row]) -> tuple[int, int]:
    """(score, index) of the likeliest header row among the first rows: the one whose words
    name most roles (with a date and an amount); else the fullest row."""
    best = (0, 0)
    for index, row in enumerate(rows[:CANDIDATE_ROWS]):
        found = guess_columns(row.cells)
        money = "amount" in found or {"income", "expense"} <= found.keys()
        score = len(found) * 10 + 100 * ("date" in found and money)
        if score > best[0]:
            best = (score, index)
    if best[0]:
        return best
    fullest = max(range(min(len(rows), CANDIDATE_ROWS)), key=lambda i: rows[i].filled, default=0)
    return 0, fullest


def guess_header(rows: Sequence[Row]) -> int:
    return _header_guess(rows)[1]


def guess_mapping(rows: Sequence[Row], header: int) -> ColumnMapping:
    """The mapping the header's words suggest, with the flag words and date order the rows
    under it suggest."""
    if header >= len(rows):
        return ColumnMapping(())
    signature = signature_of(rows[header].cells)
    found = {r: i for r, i in guess_columns(rows[header].cells).items() if i < len(signature)}
    if "income" in found and "expense" in found:
        signs = Signs.TWO_COLUMNS
    elif "flag" in found and "amount" in found:
        signs = Signs.FLAG
    else:
        signs = Signs.SIGNED
    if found.get("time") == found.get("date"):
        found.pop("time", None)
    data = [r for r in rows[header + 1 :] if r.filled >= 2]
    mapping = ColumnMapping(signature, signs, **found)
    if "flag" in found:
        mapping = replace(mapping, **_guess_words([r.cell(found["flag"]) for r in data]))
    if "date" in found:
        order = guess_date_order([r.cell(found["date"]) for r in data])
        mapping = replace(mapping, date_order=order)
    return mapping


def _guess_words(values: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The debit and credit words among a flag column's values (借/贷 when none is known)."""
    debit: dict[str, None] = {}
    credit: dict[str, None] = {}
    for value in values:
        word = value.strip()
        first = word.split()[0] if word.split() else ""
        for candidate in (word, first):
            if candidate.upper() in DEBIT_WORDS:
                debit[candidate] = None
                break
            if candidate.upper() in CREDIT_WORDS:
                credit[candidate] = None
                break
    return {
        "debit_words": tuple(debit) or ("借",),
        "credit_words": tuple(credit) or ("贷",),
    }


def guess_date_order(values: Sequence[str]) -> DateOrder:
    """Year first when every date reads so; else day or month first, as the numbers over 12
    say (month first when nothing tells)."""
    texts = [v for v in values if v.strip()][:200]
    if all(_reads(v) for v in texts):
        return DateOrder.YMD
    parts = [m.groups() for v in texts if (m := _DAY_FIRST.fullmatch(v.strip()))]
    if any(int(first) > 12 for first, *_ in parts):
        return DateOrder.DMY
    return DateOrder.MDY


def _reads(text: str) -> bool:
    try:
        parse_stamp(text)
    except BadValue:
        return False
    return True


def try_mapping(rows: Sequence[Row], header: int, mapping: ColumnMapping, file: str) -> Trial:
    """The first ``PREVIEW_RECORDS`` records ``mapping`` reads from the preview rows, or the
    first problem (a line's problem names the file and line)."""
    why = mapping.problem()
    if why is not None:
        return Trial((), why)
    table = Table("", tuple(rows[: header + 1 + 3 * PREVIEW_RECORDS]))
    try:
        result = read_mapped(table, header, mapping, file, "")
    except StatementRefused as refused:
        return Trial((), refused.problems[0].message)
    return Trial(result.transactions[:PREVIEW_RECORDS])
