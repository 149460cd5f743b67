"""The investigation's paperwork: interviews and document requests. The caller holds the
transaction for every write."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.store.db import Store


@dataclass(frozen=True)
class InterviewRow:
    id: int
    case_id: int
    held_at: str
    investigator_id: int
    investigator_name: str
    mode: str
    checked: str  # comma-separated checklist keys
    notes: str
    recorded_at: str


@dataclass(frozen=True)
class DocumentRow:
    case_id: int
    kind: str
    requested_at: str | None
    requested_by_name: str | None
    received_at: str | None
    received_by_name: str | None
    received_note: str
    waived_at: str | None
    waived_by_name: str | None
    waive_reason: str | None


def insert_interview(
    store: Store,
    case_id: int,
    held_at: str,
    investigator_id: int,
    mode: str,
    checked: str,
    notes: str,
    at: str,
    by: int,
) -> int:
    cur = store.conn.execute(
        "INSERT INTO interviews (case_id, held_at, investigator_id, mode, checked, notes, "
        "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, held_at, investigator_id, mode, checked, notes, at, by),
    )
    return int(cur.lastrowid or 0)


def interviews_of(store: Store, case_id: int) -> list[InterviewRow]:
    rows = store.conn.execute(
        "SELECT i.id, i.case_id, i.held_at, i.investigator_id, u.display_name, i.mode, "
        "i.checked, i.notes, i.recorded_at FROM interviews i "
        "JOIN users u ON u.id = i.investigator_id WHERE i.case_id = ? ORDER BY i.held_at, i.id",
        (case_id,),
    )
    return [InterviewRow(*r) for r in rows]


def _ensure(store: Store, case_id: int, kind: str) -> None:
    store.conn.execute(
        "INSERT INTO document_requests (case_id, kind) VALUES (?, ?) "
        "ON CONFLICT (case_id, kind) DO NOTHING",
        (case_id, kind),
    )


def request_document(store: Store, case_id: int, kind: str, at: str, by: int) -> None:
    _ensure(store, case_id, kind)
    store.conn.execute(
        "UPDATE document_requests SET requested_at = ?, requested_by = ? "
        "WHERE case_id = ? AND kind = ? AND requested_at IS NULL",
        (at, by, case_id, kind),
    )


def mark_received(store: Store, case_id: int, kind: str, at: str, by: int, note: str) -> None:
    _ensure(store, case_id, kind)
    store.conn.execute(
        "UPDATE document_requests SET received_at = ?, received_by = ?, received_note = ? "
        "WHERE case_id = ? AND kind = ?",
        (at, by, note, case_id, kind),
    )


def waive(store: Store, case_id: int, kind: str, at: str, by: int, reason: str) -> None:
    _ensure(store, case_id, kind)
    store.conn.execute(
        "UPDATE document_requests SET waived_at = ?, waived_by = ?, waive_reason = ? "
        "WHERE case_id = ? AND kind = ?",
        (at, by, reason, case_id, kind),
    )


def documents_of(store: Store, case_id: int) -> list[DocumentRow]:
    rows = store.conn.execute(
        "SELECT d.case_id, d.kind, d.requested_at, rq.display_name, d.received_at, "
        "rc.display_name, d.received_note, d.waived_at, w.display_name, d.waive_reason "
        "FROM document_requests d LEFT JOIN users rq ON rq.id = d.requested_by "
        "LEFT JOIN users rc ON rc.id = d.received_by LEFT JOIN users w ON w.id = d.waived_by "
        "WHERE d.case_id = ? ORDER BY d.kind",
        (case_id,),
    )
    return [DocumentRow(*r) for r in rows]


def receipt(store: Store, case_id: int, kind: str) -> tuple[str, int, str] | None:
    """When, by whom and with what note the kind was marked received; None while it is not."""
    row = store.conn.execute(
        "SELECT received_at, received_by, received_note FROM document_requests "
        "WHERE case_id = ? AND kind = ? AND received_at IS NOT NULL",
        (case_id, kind),
    ).fetchone()
    return (str(row[0]), int(row[1]), str(row[2])) if row else None


def set_receipt(
    store: Store, case_id: int, kind: str, at: str | None, by: int | None, note: str
) -> None:
    """The received mark moved onto other evidence, or taken back (``at`` None)."""
    store.conn.execute(
        "UPDATE document_requests SET received_at = ?, received_by = ?, received_note = ? "
        "WHERE case_id = ? AND kind = ?",
        (at, by, note, case_id, kind),
    )


def evidence(store: Store, case_id: int) -> list[tuple[str, str, int, str]]:
    """What the case holds that an upload or a typed bill marked received, oldest first:
    (kind, at, by, note). A statement or export is its case document (kind as stored); a
    utility bill is ``bill:<electricity|water>`` with the file it came from ("" when typed)."""
    rows = store.conn.execute(
        "SELECT kind, uploaded_at, uploaded_by, file_name FROM case_documents "
        "WHERE case_id = ? AND source != 'utility' "
        "UNION ALL "
        "SELECT 'bill:' || b.kind, b.entered_at, b.entered_by, COALESCE(d.file_name, '') "
        "FROM utility_bills b LEFT JOIN case_documents d "
        "ON d.case_id = b.case_id AND d.sha256 = b.sha256 WHERE b.case_id = ? "
        "ORDER BY 2",
        (case_id, case_id),
    )
    return [(str(k), str(at), int(by), str(note)) for k, at, by, note in rows]
