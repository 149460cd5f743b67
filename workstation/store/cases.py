"""Customers, cases and their stage moves.

A case row carries ``version``; every write names the version it read and fails, changing
nothing, when someone else wrote in between (optimistic locking).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workstation.store.db import Store


@dataclass(frozen=True)
class CaseRecord:
    """One case with its customer, as the case page shows it."""

    id: int
    customer_id: int
    product: str
    amount_fen: int
    stage: str
    stage_entered_at: str
    officer_id: int | None
    officer_name: str | None
    recommended_by: int | None
    risk: str
    tier: str | None
    version: int
    created_at: str
    updated_at: str
    updated_by_name: str | None
    kind: str
    business_name: str
    credit_code: str
    owner_name: str
    owner_id_number: str
    owner_phone: str
    industry: str
    region: str
    platform_account: str | None
    partner_bank: str | None
    # comma-separated ids of the people who worked on it before approval: moved it (submit,
    # rate, recommend) or did its investigation (interview, documents, uploads, classes,
    # adjusted figures); none of them may approve it (R25)
    worked_by_ids: str | None


@dataclass(frozen=True)
class MoveRecord:
    at: str
    from_stage: str | None
    to_stage: str
    action: str
    actor_name: str
    reason: str


class StaleCase(Exception):
    """The case changed after it was read; carries who changed it and when."""

    def __init__(self, case_id: int, changed_by: str | None, changed_at: str | None) -> None:
        super().__init__(f"case {case_id} changed by {changed_by} at {changed_at}")
        self.case_id = case_id
        self.changed_by = changed_by
        self.changed_at = changed_at


class NoSuchCase(Exception):
    pass


def insert_customer(store: Store, **fields: Any) -> int:
    columns = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    cur = store.conn.execute(
        f"INSERT INTO customers ({columns}) VALUES ({marks})", tuple(fields.values())
    )
    return int(cur.lastrowid or 0)


def insert_case(store: Store, **fields: Any) -> int:
    columns = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    cur = store.conn.execute(
        f"INSERT INTO cases ({columns}) VALUES ({marks})", tuple(fields.values())
    )
    return int(cur.lastrowid or 0)


def insert_move(
    store: Store,
    case_id: int,
    from_stage: str | None,
    to_stage: str,
    action: str,
    actor_id: int,
    at: str,
    reason: str = "",
) -> None:
    """Append a stage move; the actor's role at this moment is recorded beside their id."""
    store.conn.execute(
        "INSERT INTO stage_moves "
        "(case_id, from_stage, to_stage, action, actor_id, at, reason, actor_role) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT role FROM users WHERE id = ?))",
        (case_id, from_stage, to_stage, action, actor_id, at, reason, actor_id),
    )


_CASE_SELECT = """
SELECT c.id, c.customer_id, c.product, c.amount_fen, c.stage, c.stage_entered_at,
       c.officer_id, o.display_name, c.recommended_by, c.risk, c.tier, c.version,
       c.created_at, c.updated_at, ub.display_name,
       k.kind, k.business_name, k.credit_code, k.owner_name, k.owner_id_number,
       k.owner_phone, k.industry, k.region, k.platform_account, k.partner_bank,
       (SELECT group_concat(w) FROM (
          SELECT m.actor_id AS w FROM stage_moves m
          WHERE m.case_id = c.id AND m.action IN ('submit', 'rate', 'recommend')
          UNION SELECT i.investigator_id FROM interviews i WHERE i.case_id = c.id
          UNION SELECT i.recorded_by FROM interviews i WHERE i.case_id = c.id
          UNION SELECT r.received_by FROM document_requests r
          WHERE r.case_id = c.id AND r.received_by IS NOT NULL
          UNION SELECT d.uploaded_by FROM case_documents d WHERE d.case_id = c.id
          UNION SELECT a.by_user FROM statement_adjustments a WHERE a.case_id = c.id
          UNION SELECT l.set_by FROM line_classes l WHERE l.case_id = c.id
          UNION SELECT k.set_by FROM counterparty_classes k WHERE k.case_id = c.id))
FROM cases c
JOIN customers k ON k.id = c.customer_id
LEFT JOIN users o ON o.id = c.officer_id
LEFT JOIN users ub ON ub.id = c.updated_by
"""


def case_by_id(store: Store, case_id: int) -> CaseRecord:
    row = store.conn.execute(_CASE_SELECT + " WHERE c.id = ?", (case_id,)).fetchone()
    if row is None:
        raise NoSuchCase(case_id)
    return CaseRecord(*row)


def overdue_from(store: Store, case_id: int) -> str | None:
    """The stage the case was in when it last fell overdue (its latest ``mark_overdue``
    move's source), or None if it never did."""
    row = store.conn.execute(
        "SELECT from_stage FROM stage_moves WHERE case_id = ? AND action = 'mark_overdue' "
        "ORDER BY id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return row[0] if row else None


def case_history(store: Store, case_id: int) -> list[MoveRecord]:
    rows = store.conn.execute(
        "SELECT m.at, m.from_stage, m.to_stage, m.action, u.display_name, m.reason "
        "FROM stage_moves m JOIN users u ON u.id = m.actor_id "
        "WHERE m.case_id = ? ORDER BY m.id",
        (case_id,),
    ).fetchall()
    return [MoveRecord(*r) for r in rows]


def _raise_stale(store: Store, case_id: int) -> None:
    row = store.conn.execute(
        "SELECT u.display_name, c.updated_at FROM cases c "
        "LEFT JOIN users u ON u.id = c.updated_by WHERE c.id = ?",
        (case_id,),
    ).fetchone()
    if row is None:
        raise NoSuchCase(case_id)
    raise StaleCase(case_id, row[0], row[1])


def update_case(
    store: Store, case_id: int, expected_version: int, actor_id: int, at: str, **fields: Any
) -> int:
    """Write ``fields`` if the case is still at ``expected_version``; return the new version."""
    allowed = {"stage", "stage_entered_at", "officer_id", "recommended_by", "risk", "tier"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not case fields: {sorted(unknown)}")
    assignments = "".join(f"{name} = ?, " for name in fields)
    cur = store.conn.execute(
        f"UPDATE cases SET {assignments}version = version + 1, updated_at = ?, updated_by = ? "
        "WHERE id = ? AND version = ?",
        (*fields.values(), at, actor_id, case_id, expected_version),
    )
    if cur.rowcount != 1:
        _raise_stale(store, case_id)
    return expected_version + 1


def open_cases_held_by(
    store: Store, officer_id: int, stages: tuple[str, ...]
) -> list[tuple[int, str, int]]:
    """(id, stage, version) of every case in ``stages`` in the officer's work list."""
    marks = ",".join("?" * len(stages))
    return store.conn.execute(
        f"SELECT id, stage, version FROM cases WHERE officer_id = ? AND stage IN ({marks})",
        (officer_id, *stages),
    ).fetchall()


def held_in_investigation(store: Store) -> list[tuple[Any, ...]]:
    """(case, officer, customer kind, owner, business, region) of the cases in investigation
    an officer holds, by case number (the demo's bills go to these)."""
    return store.conn.execute(
        "SELECT c.id, c.officer_id, k.kind, k.owner_name, k.business_name, k.region FROM cases c "
        "JOIN customers k ON k.id = c.customer_id WHERE c.stage = 'investigation' "
        "AND c.officer_id IS NOT NULL ORDER BY c.id"
    ).fetchall()


def move_facts(store: Store, case_ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """(stage, officer, recommender, bank-referred, version) of many cases, for the system's
    bulk moves (the day-end); in chunks that stay inside SQLite's variable limit."""
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(case_ids), 900):
        chunk = case_ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
            "SELECT c.id, c.stage, c.officer_id, c.recommended_by, k.partner_bank IS NOT NULL, "
            "c.version FROM cases c JOIN customers k ON k.id = c.customer_id "
            f"WHERE c.id IN ({marks})",
            chunk,
        ):
            found[int(row[0])] = tuple(row[1:])
    return found


def apply_moves(
    store: Store,
    moves: list[tuple[int, int, str, str, int | None]],
    action: str,
    actor_id: int,
    at: str,
    reason: str = "",
    risk: str | None = None,
) -> None:
    """Write many checked moves: (case, expected version, from, to, holder), setting the
    risk status too when ``risk`` is given. Raises
    ``StaleCase`` for the first case whose version moved meanwhile (nothing is kept then:
    the caller's transaction rolls back)."""
    conn = store.conn
    before = conn.total_changes
    conn.executemany(
        "UPDATE cases SET stage = ?, stage_entered_at = ?, officer_id = ?, "
        "risk = COALESCE(?, risk), version = version + 1, updated_at = ?, updated_by = ? "
        "WHERE id = ? AND version = ?",
        [(to, at, holder, risk, at, actor_id, case_id, version)
         for case_id, version, _, to, holder in moves],
    )  # fmt: skip
    if conn.total_changes - before != len(moves):
        for case_id, version, *_ in moves:
            row = conn.execute("SELECT version FROM cases WHERE id = ?", (case_id,)).fetchone()
            if row is None or row[0] != version + 1:
                _raise_stale(store, case_id)
    role = conn.execute("SELECT role FROM users WHERE id = ?", (actor_id,)).fetchone()[0]
    conn.executemany(
        "INSERT INTO stage_moves "
        "(case_id, from_stage, to_stage, action, actor_id, at, reason, actor_role) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(case_id, source, to, action, actor_id, at, reason, role)
         for case_id, _, source, to, _ in moves],
    )  # fmt: skip
