"""Uploaded originals, their parsed lines, utility bills, the classification the officer
decides, adjustments and rebuilt snapshots (R23, R24). The caller holds the transaction for
every write.

A statement's lines are stored once per document (the original, kept once by its SHA-256),
in the field order of ``importers.records.Transaction`` after its source and file hash, so a
rebuild reads them back into the same records without parsing the file again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from workstation.store.db import Store

LINE_COLUMNS = (
    "document", "seq", "line", "at", "time_known", "amount_fen", "flow", "direction",
    "counterparty", "counterparty_account", "memo", "vendor_category", "status",
    "order_number", "merchant_order_number", "channel", "note", "currency", "balance_fen",
    "is_refund", "refund_of", "refunded_fen",
)  # fmt: skip
_INSERT_LINE = (
    f"INSERT INTO statement_lines ({', '.join(LINE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(LINE_COLUMNS))})"
)


@dataclass(frozen=True)
class CaseDocumentRow:
    case_id: int
    sha256: str
    file_name: str
    kind: str
    source: str
    file_format: str
    period_start: str | None
    period_end: str | None
    period_stated: bool
    row_count: int
    account_owner: str
    account_number: str
    problems: str  # JSON
    dropped: str  # JSON
    uploaded_by: int
    uploaded_by_name: str
    uploaded_at: str
    size: int
    bank_name: str = ""  # the saved column mapping's bank that read it, if one did


_DOCUMENT_SELECT = (
    "SELECT d.case_id, d.sha256, d.file_name, d.kind, d.source, d.file_format, d.period_start, "
    "d.period_end, d.period_stated, d.row_count, d.account_owner, d.account_number, "
    "d.problems, d.dropped, d.uploaded_by, u.display_name, d.uploaded_at, o.size, "
    "IFNULL(b.name, '') FROM case_documents d JOIN users u ON u.id = d.uploaded_by "
    "JOIN documents o ON o.sha256 = d.sha256 LEFT JOIN bank_layouts b ON b.id = o.layout_id "
)


def _document(row: Sequence[Any]) -> CaseDocumentRow:
    values = list(row)
    values[8] = bool(values[8])
    return CaseDocumentRow(*values)


# --- documents ---------------------------------------------------------------------------------


def insert_original(store: Store, sha256: str, content: bytes) -> tuple[int, bool]:
    """Keep the original once; its id, and True when it was new."""
    found = document_id(store, sha256)
    if found is not None:
        return found, False
    cur = store.conn.execute(
        "INSERT INTO documents (sha256, size, content) VALUES (?, ?, ?)",
        (sha256, len(content), content),
    )
    return int(cur.lastrowid or 0), True


def document_id(store: Store, sha256: str) -> int | None:
    row = store.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    return int(row[0]) if row else None


def original(store: Store, sha256: str) -> bytes | None:
    row = store.conn.execute("SELECT content FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    return bytes(row[0]) if row else None


def insert_case_document(store: Store, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    store.conn.execute(
        f"INSERT INTO case_documents ({columns}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )


def case_document(store: Store, case_id: int, sha256: str) -> CaseDocumentRow | None:
    row = store.conn.execute(
        _DOCUMENT_SELECT + "WHERE d.case_id = ? AND d.sha256 = ?", (case_id, sha256)
    ).fetchone()
    return _document(row) if row else None


def case_documents(store: Store, case_id: int) -> list[CaseDocumentRow]:
    """The case's uploads in the order they came (the rebuild's file order)."""
    rows = store.conn.execute(
        _DOCUMENT_SELECT + "WHERE d.case_id = ? ORDER BY d.uploaded_at, d.rowid", (case_id,)
    )
    return [_document(r) for r in rows]


def remove_case_document(store: Store, case_id: int, sha256: str) -> None:
    """The document off the case with what hangs on it there (its bills, its single-line
    classes); the original and its lines stay (evidence; other cases may hold them)."""
    for table in ("utility_bills", "line_classes", "case_documents"):
        store.conn.execute(
            f"DELETE FROM {table} WHERE case_id = ? AND sha256 = ?", (case_id, sha256)
        )


# --- lines ---------------------------------------------------------------------------------


def has_lines(store: Store, document: int) -> bool:
    found = store.conn.execute(
        "SELECT 1 FROM statement_lines WHERE document = ? LIMIT 1", (document,)
    ).fetchone()
    return found is not None


def insert_lines(store: Store, rows: Iterable[Sequence[Any]]) -> None:
    """Lines in ``LINE_COLUMNS`` order."""
    store.conn.executemany(_INSERT_LINE, rows)


def lines_of(store: Store, sha256: str) -> Iterator[tuple[Any, ...]]:
    """A document's lines in file order, ``LINE_COLUMNS`` without the document and seq, as
    a cursor: the caller takes them a chunk at a time (a 100,000-line statement's rows need
    not stand in memory all at once beside its records)."""
    return store.conn.execute(
        f"SELECT {', '.join(LINE_COLUMNS[2:])} FROM statement_lines "
        "WHERE document = (SELECT id FROM documents WHERE sha256 = ?) ORDER BY seq",
        (sha256,),
    )


def line_exists(store: Store, sha256: str, line: int) -> bool:
    found = store.conn.execute(
        "SELECT 1 FROM statement_lines WHERE document = (SELECT id FROM documents "
        "WHERE sha256 = ?) AND line = ? LIMIT 1",
        (sha256, line),
    ).fetchone()
    return found is not None


def case_lines_of_counterparty(store: Store, case_id: int, counterparty: str) -> int:
    """How many lines of the case's statements name ``counterparty`` (spaces around ignored)."""
    row = store.conn.execute(
        "SELECT COUNT(*) FROM case_documents d JOIN documents o ON o.sha256 = d.sha256 "
        "JOIN statement_lines l ON l.document = o.id "
        "WHERE d.case_id = ? AND trim(l.counterparty) = ?",
        (case_id, counterparty),
    ).fetchone()
    return int(row[0])


# --- utility bills -------------------------------------------------------------------------

BILL_COLUMNS = (
    "case_id", "kind", "account", "period_start", "period_end", "usage", "amount_fen", "peak",
    "flat", "valley", "sha256", "line", "entered_by", "entered_at",
)  # fmt: skip


@dataclass(frozen=True)
class BillRow:
    id: int
    case_id: int
    kind: str
    account: str
    period_start: str
    period_end: str
    usage: str
    amount_fen: int
    peak: str | None
    flat: str | None
    valley: str | None
    sha256: str | None
    line: int
    entered_by: int
    entered_at: str
    entered_by_name: str
    file_name: str | None


def insert_bill(store: Store, row: Sequence[Any], *, skip_same: bool = False) -> bool:
    """One bill in ``BILL_COLUMNS`` order; with ``skip_same`` a bill already on the case
    (same kind, account and period) is left as it is. True when it was added."""
    conflict = " ON CONFLICT DO NOTHING" if skip_same else ""
    cur = store.conn.execute(
        f"INSERT INTO utility_bills ({', '.join(BILL_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(BILL_COLUMNS))}){conflict}",
        tuple(row),
    )
    return cur.rowcount > 0


def same_bill(
    store: Store, case_id: int, kind: str, account: str, start: str, end: str
) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM utility_bills WHERE case_id = ? AND kind = ? AND account = ? "
        "AND period_start = ? AND period_end = ?",
        (case_id, kind, account, start, end),
    ).fetchone()
    return int(row[0]) if row else None


def delete_bill(store: Store, bill_id: int) -> None:
    store.conn.execute("DELETE FROM utility_bills WHERE id = ?", (bill_id,))


def bills_of(store: Store, case_id: int) -> list[BillRow]:
    rows = store.conn.execute(
        "SELECT b.id, b.case_id, b.kind, b.account, b.period_start, b.period_end, b.usage, "
        "b.amount_fen, b.peak, b.flat, b.valley, b.sha256, b.line, b.entered_by, b.entered_at, "
        "u.display_name, d.file_name FROM utility_bills b JOIN users u ON u.id = b.entered_by "
        "LEFT JOIN case_documents d ON d.case_id = b.case_id AND d.sha256 = b.sha256 "
        "WHERE b.case_id = ? ORDER BY b.kind, b.period_start, b.id",
        (case_id,),
    )
    return [BillRow(*r) for r in rows]


# --- the rule list -------------------------------------------------------------------------


@dataclass(frozen=True)
class RulesRow:
    version: int
    rules: str  # JSON list of rules, in order
    reason: str
    created_at: str
    created_by_name: str


def latest_rules(store: Store) -> RulesRow | None:
    row = store.conn.execute(
        "SELECT r.version, r.rules, r.reason, r.created_at, u.display_name "
        "FROM classification_rules r JOIN users u ON u.id = r.created_by "
        "ORDER BY r.version DESC LIMIT 1"
    ).fetchone()
    return RulesRow(*row) if row else None


def insert_rules(store: Store, version: int, rules: str, reason: str, at: str, by: int) -> None:
    store.conn.execute(
        "INSERT INTO classification_rules (version, rules, reason, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?)",
        (version, rules, reason, at, by),
    )


# --- the officer's classes -----------------------------------------------------------------


# A class remembered "for next time" reaches the cases opened after it was remembered (to
# the second, strictly after); a case already open keeps the figures its investigator sees,
# whatever is uploaded to it or taken off it later.
_OPENED = "(SELECT created_at FROM cases WHERE id = ?)"


def counterparty_classes(store: Store, case_id: int) -> dict[str, str]:
    """Counterparty → category for the case: the remembered ones that reach it, the case's
    own over them."""
    rows = store.conn.execute(
        "SELECT counterparty, category FROM counterparty_classes "
        f"WHERE case_id = ? OR (case_id IS NULL AND set_at < {_OPENED}) "
        "ORDER BY case_id IS NOT NULL",
        (case_id, case_id),
    )
    return dict(rows.fetchall())


def remembered_class(store: Store, counterparty: str) -> tuple[str, int, str] | None:
    """The class remembered for ``counterparty`` on every case: (category, by, at)."""
    row = store.conn.execute(
        "SELECT category, set_by, set_at FROM counterparty_classes "
        "WHERE case_id IS NULL AND counterparty = ?",
        (counterparty,),
    ).fetchone()
    return (str(row[0]), int(row[1]), str(row[2])) if row else None


def cases_using_remembered(store: Store, counterparty: str, since: str) -> list[int]:
    """The cases a class remembered at ``since`` reaches (opened after it) that have lines of
    ``counterparty`` and no class of their own for it."""
    rows = store.conn.execute(
        "SELECT DISTINCT cd.case_id FROM case_documents cd "
        "JOIN cases c ON c.id = cd.case_id JOIN documents d ON d.sha256 = cd.sha256 "
        "WHERE c.created_at > ? AND NOT EXISTS (SELECT 1 FROM counterparty_classes k "
        "WHERE k.case_id = cd.case_id AND k.counterparty = ?) AND EXISTS (SELECT 1 FROM "
        "statement_lines l WHERE l.document = d.id AND l.counterparty = ?) ORDER BY cd.case_id",
        (since, counterparty, counterparty),
    )
    return [int(r[0]) for r in rows]


def counterparty_classes_of_case(store: Store, case_id: int) -> set[str]:
    """The counterparties this case itself classed (not remembered from others)."""
    rows = store.conn.execute(
        "SELECT counterparty FROM counterparty_classes WHERE case_id = ?", (case_id,)
    )
    return {r[0] for r in rows}


def counterparty_class(store: Store, case_id: int | None, counterparty: str) -> str | None:
    row = store.conn.execute(
        "SELECT category FROM counterparty_classes WHERE IFNULL(case_id, 0) = ? "
        "AND counterparty = ?",
        (case_id or 0, counterparty),
    ).fetchone()
    return row[0] if row else None


def set_counterparty_class(
    store: Store, case_id: int | None, counterparty: str, category: str, at: str, by: int
) -> None:
    store.conn.execute(
        "INSERT INTO counterparty_classes (case_id, counterparty, category, set_by, set_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (IFNULL(case_id, 0), counterparty) DO UPDATE SET "
        "category = excluded.category, set_by = excluded.set_by, set_at = excluded.set_at",
        (case_id, counterparty, category, by, at),
    )


def forget_counterparty_class(store: Store, case_id: int | None, counterparty: str) -> None:
    store.conn.execute(
        "DELETE FROM counterparty_classes WHERE IFNULL(case_id, 0) = ? AND counterparty = ?",
        (case_id or 0, counterparty),
    )


def line_classes(store: Store, case_id: int) -> dict[tuple[str, int], str]:
    rows = store.conn.execute(
        "SELECT sha256, line, category FROM line_classes WHERE case_id = ?", (case_id,)
    )
    return {(sha, line): category for sha, line, category in rows}


def line_class(store: Store, case_id: int, sha256: str, line: int) -> str | None:
    row = store.conn.execute(
        "SELECT category FROM line_classes WHERE case_id = ? AND sha256 = ? AND line = ?",
        (case_id, sha256, line),
    ).fetchone()
    return row[0] if row else None


def set_line_class(
    store: Store, case_id: int, sha256: str, line: int, category: str, at: str, by: int
) -> None:
    store.conn.execute(
        "INSERT INTO line_classes (case_id, sha256, line, category, set_by, set_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, sha256, line) DO UPDATE SET "
        "category = excluded.category, set_by = excluded.set_by, set_at = excluded.set_at",
        (case_id, sha256, line, category, by, at),
    )


def forget_line_class(store: Store, case_id: int, sha256: str, line: int) -> None:
    store.conn.execute(
        "DELETE FROM line_classes WHERE case_id = ? AND sha256 = ? AND line = ?",
        (case_id, sha256, line),
    )


def forget_line_classes_of(store: Store, case_id: int, counterparty: str) -> int:
    """Drop the single-line classes of the case's lines naming ``counterparty``: a class
    given to the counterparty applies to all its rows. Returns how many were dropped."""
    cur = store.conn.execute(
        "DELETE FROM line_classes WHERE case_id = ? AND (sha256, line) IN "
        "(SELECT d.sha256, l.line FROM case_documents d JOIN documents o ON o.sha256 = d.sha256 "
        "JOIN statement_lines l ON l.document = o.id "
        "WHERE d.case_id = ? AND trim(l.counterparty) = ?)",
        (case_id, case_id, counterparty),
    )
    return cur.rowcount


# --- adjustments and snapshots -------------------------------------------------------------


@dataclass(frozen=True)
class AdjustmentRow:
    case_id: int
    version: int
    figures: str  # JSON Financials
    rebuilt: str | None  # JSON Financials the bills showed when adjusted
    reason: str
    by_user: int
    by_name: str
    at: str


_ADJUSTMENT_SELECT = (
    "SELECT a.case_id, a.version, a.figures, a.rebuilt, a.reason, a.by_user, u.display_name, "
    "a.at FROM statement_adjustments a JOIN users u ON u.id = a.by_user "
)


def insert_adjustment(
    store: Store, case_id: int, figures: str, rebuilt: str | None, reason: str, at: str, by: int
) -> int:
    """The next version of the case's adjusted figures; returns its number."""
    row = store.conn.execute(
        "SELECT IFNULL(MAX(version), 0) + 1 FROM statement_adjustments WHERE case_id = ?",
        (case_id,),
    ).fetchone()
    version = int(row[0])
    store.conn.execute(
        "INSERT INTO statement_adjustments (case_id, version, figures, rebuilt, reason, by_user, "
        "at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (case_id, version, figures, rebuilt, reason, by, at),
    )
    return version


def adjustments_of(store: Store, case_id: int) -> list[AdjustmentRow]:
    rows = store.conn.execute(
        _ADJUSTMENT_SELECT + "WHERE a.case_id = ? ORDER BY a.version", (case_id,)
    )
    return [AdjustmentRow(*r) for r in rows]


def latest_adjustment(store: Store, case_id: int) -> AdjustmentRow | None:
    row = store.conn.execute(
        _ADJUSTMENT_SELECT + "WHERE a.case_id = ? ORDER BY a.version DESC LIMIT 1", (case_id,)
    ).fetchone()
    return AdjustmentRow(*row) if row else None


def latest_adjusted_figures(store: Store, case_ids: Sequence[int]) -> dict[int, str]:
    """Case id → the JSON of its latest adjustment, for the cases that have one (a batch)."""
    if not case_ids:
        return {}
    found: dict[int, str] = {}
    for start in range(0, len(case_ids), 900):  # below SQLite's variable limit
        chunk = case_ids[start : start + 900]
        rows = store.conn.execute(
            "SELECT a.case_id, a.figures FROM statement_adjustments a WHERE a.case_id IN "
            f"({', '.join('?' * len(chunk))}) AND a.version = (SELECT MAX(version) FROM "
            "statement_adjustments b WHERE b.case_id = a.case_id)",
            tuple(chunk),
        )
        found.update(rows.fetchall())
    return found


@dataclass(frozen=True)
class SnapshotRow:
    case_id: int
    seq: int
    at: str
    by_user: int
    rules_version: int
    figures: str  # JSON Financials
    flags: str  # JSON [[kind, template, params], ...]
    months: str  # JSON [[month, revenue, purchases, operating cost, net, kWh], ...]


def latest_snapshot(store: Store, case_id: int) -> SnapshotRow | None:
    row = store.conn.execute(
        "SELECT case_id, seq, at, by_user, rules_version, figures, flags, months "
        "FROM rebuilt_statements WHERE case_id = ? ORDER BY seq DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return SnapshotRow(*row) if row else None


def insert_snapshot(
    store: Store,
    case_id: int,
    at: str,
    by: int,
    rules_version: int,
    figures: str,
    flags: str,
    months: str,
) -> int:
    row = store.conn.execute(
        "SELECT IFNULL(MAX(seq), 0) + 1 FROM rebuilt_statements WHERE case_id = ?", (case_id,)
    ).fetchone()
    seq = int(row[0])
    store.conn.execute(
        "INSERT INTO rebuilt_statements (case_id, seq, at, by_user, rules_version, figures, "
        "flags, months) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, seq, at, by, rules_version, figures, flags, months),
    )
    return seq
