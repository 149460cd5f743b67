"""The board's queries: per-stage aggregates, line throughput and the case lists.

Lists return ids first (sorted and filtered in SQL) and rows for a page of ids on demand, so
a million-case queue costs one integer per case in memory, never a widget or a dict per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workstation.store.db import Store


@dataclass(frozen=True)
class StageAggregate:
    stage: str
    waiting: int
    green: int
    amber: int
    red: int
    breached: int
    oldest_entered: str | None


def stage_aggregates(store: Store, cutoffs: dict[str, str]) -> list[StageAggregate]:
    """Count, risk mix, oldest entry and breaches for every stage, in one pass of an index.

    ``cutoffs`` maps a stage to the ISO time before which an entry is breached.
    """
    cases = " ".join(f"WHEN '{stage}' THEN :c_{stage}" for stage in cutoffs)
    breach = f"SUM(stage_entered_at < (CASE stage {cases} END))" if cutoffs else "0"
    sql = (
        "SELECT stage, COUNT(*), SUM(risk = 'green'), SUM(risk = 'amber'), SUM(risk = 'red'), "
        f"{breach}, MIN(stage_entered_at) FROM cases GROUP BY stage"
    )
    params = {f"c_{stage}": value for stage, value in cutoffs.items()}
    rows = store.conn.execute(sql, params).fetchall()
    return [
        StageAggregate(r[0], r[1], r[2] or 0, r[3] or 0, r[4] or 0, r[5] or 0, r[6]) for r in rows
    ]


def moves_out_since(store: Store, since: str) -> dict[str, int]:
    """How many cases left each stage at or after ``since`` (throughput)."""
    rows = store.conn.execute(
        "SELECT from_stage, COUNT(*) FROM stage_moves WHERE at >= ? AND from_stage IS NOT NULL "
        "GROUP BY from_stage",
        (since,),
    ).fetchall()
    return {r[0]: r[1] for r in rows}


SORT_COLUMNS: dict[str, str] = {
    "id": "c.id",
    "business_name": "k.business_name",
    "kind": "k.kind",
    "product": "c.product",
    "amount_fen": "c.amount_fen",
    "tier": "c.tier",
    "risk": "CASE c.risk WHEN 'red' THEN 3 WHEN 'amber' THEN 2 ELSE 1 END",
    "officer": "o.display_name",
    "stage": "c.stage",
    "stage_entered_at": "c.stage_entered_at",
}


@dataclass(frozen=True)
class CaseQuery:
    """What the officer asked to see; every field narrows the list."""

    stages: tuple[str, ...] = ()
    officer_id: int | None = None
    unassigned_only: bool = False
    risks: tuple[str, ...] = ()
    product: str | None = None
    kind: str | None = None
    text: str = ""
    breached_cutoffs: dict[str, str] = field(default_factory=dict)  # only breached cases
    sort: str = "stage_entered_at"
    descending: bool = False


def _where(query: CaseQuery) -> tuple[str, list[Any], bool]:
    """SQL conditions, parameters, and whether the customer table must be joined."""
    clauses: list[str] = []
    params: list[Any] = []
    needs_customer = False
    if query.stages:
        clauses.append(f"c.stage IN ({','.join('?' * len(query.stages))})")
        params.extend(query.stages)
    if query.officer_id is not None:
        clauses.append("c.officer_id = ?")
        params.append(query.officer_id)
    if query.unassigned_only:
        clauses.append("c.officer_id IS NULL")
    if query.risks:
        clauses.append(f"c.risk IN ({','.join('?' * len(query.risks))})")
        params.extend(query.risks)
    if query.product:
        clauses.append("c.product = ?")
        params.append(query.product)
    if query.kind:
        clauses.append("k.kind = ?")
        params.append(query.kind)
        needs_customer = True
    text = query.text.strip()
    if text:
        # % and _ are the officer's characters, not wildcards: escape them.
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        match = "LIKE ? ESCAPE '\\'"
        if text.isascii() and text.isdigit() and len(text) <= 18:  # may be a case number
            clauses.append(f"(c.id = ? OR k.business_name {match} OR k.credit_code {match})")
            params.extend([int(text), like, like])
        else:
            clauses.append(
                f"(k.business_name {match} OR k.credit_code {match} OR k.industry {match})"
            )
            params.extend([like, like, like])
        needs_customer = True
    if query.breached_cutoffs:
        parts = []
        for stage, cutoff in query.breached_cutoffs.items():
            parts.append("(c.stage = ? AND c.stage_entered_at < ?)")
            params.extend([stage, cutoff])
        clauses.append("(" + " OR ".join(parts) + ")")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return where, params, needs_customer


def case_ids(store: Store, query: CaseQuery) -> list[int]:
    """The ids of the cases ``query`` selects, in its order (ties broken by id)."""
    where, params, filters_customer = _where(query)
    order = SORT_COLUMNS.get(query.sort, "c.stage_entered_at")
    if filters_customer and order == "c.stage_entered_at":
        # Text or kind: read the cases by customer and sort the matches. Without the "+",
        # SQLite walks cases_entered to skip the sort and looks every case up at random
        # (8x slower at 100k). The "+" changes no value or order, only the plan.
        order = "+c.stage_entered_at"
    needs_customer = filters_customer or order.startswith("k.")
    needs_officer = order.startswith("o.")
    joins = ""
    if needs_customer:
        joins += " JOIN customers k ON k.id = c.customer_id"
    if needs_officer:
        joins += " LEFT JOIN users o ON o.id = c.officer_id"
    direction = "DESC" if query.descending else "ASC"
    sql = f"SELECT c.id FROM cases c{joins}{where} ORDER BY {order} {direction}, c.id {direction}"
    return [r[0] for r in store.conn.execute(sql, params)]


@dataclass(frozen=True)
class CaseListRow:
    id: int
    business_name: str
    kind: str
    product: str
    amount_fen: int
    tier: str | None
    risk: str
    officer_id: int | None
    officer: str | None
    stage: str
    stage_entered_at: str
    version: int
    partner_bank: str | None


def case_rows(store: Store, ids: list[int]) -> dict[int, CaseListRow]:
    """The list columns for ``ids`` (a page of them), keyed by id."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(
        "SELECT c.id, k.business_name, k.kind, c.product, c.amount_fen, c.tier, c.risk, "
        "c.officer_id, o.display_name, c.stage, c.stage_entered_at, c.version, k.partner_bank "
        "FROM cases c JOIN customers k ON k.id = c.customer_id "
        f"LEFT JOIN users o ON o.id = c.officer_id WHERE c.id IN ({marks})",
        ids,
    ).fetchall()
    return {r[0]: CaseListRow(*r) for r in rows}


@dataclass(frozen=True)
class OfficerLoad:
    officer_id: int
    name: str
    role: str
    by_stage: dict[str, int]
    red: int
    oldest_entered: str | None

    @property
    def total(self) -> int:
        return sum(self.by_stage.values())


def officer_loads(store: Store, open_stages: tuple[str, ...]) -> list[OfficerLoad]:
    """Each active officer's open cases by stage, their red cases and oldest wait."""
    marks = ",".join("?" * len(open_stages))
    rows = store.conn.execute(
        "SELECT u.id, u.display_name, u.role, c.stage, COUNT(c.id), "
        "SUM(c.risk = 'red'), MIN(c.stage_entered_at) "
        f"FROM users u LEFT JOIN cases c ON c.officer_id = u.id AND c.stage IN ({marks}) "
        "WHERE u.active = 1 AND u.role IN ('investigator','supervisor','finance') "
        "GROUP BY u.id, c.stage ORDER BY u.display_name",
        open_stages,
    ).fetchall()
    loads: dict[int, dict[str, Any]] = {}
    for uid, name, role, stage, count, red, oldest in rows:
        entry = loads.setdefault(
            uid, {"name": name, "role": role, "by_stage": {}, "red": 0, "oldest": None}
        )
        if stage is not None:
            entry["by_stage"][stage] = count
            entry["red"] += red or 0
            if oldest and (entry["oldest"] is None or oldest < entry["oldest"]):
                entry["oldest"] = oldest
    return [
        OfficerLoad(uid, e["name"], e["role"], e["by_stage"], e["red"], e["oldest"])
        for uid, e in loads.items()
    ]


@dataclass(frozen=True)
class QueueLoad:
    """The cases no officer holds yet (the stage queues), counted like an officer's load."""

    by_stage: dict[str, int]
    red: int
    oldest_entered: str | None

    @property
    def total(self) -> int:
        return sum(self.by_stage.values())


def unassigned_load(
    store: Store, open_stages: tuple[str, ...], wait_stages: tuple[str, ...]
) -> QueueLoad:
    """Open cases with no officer, by stage, with their red cases; the oldest wait is taken
    over ``wait_stages`` only (a loan being monitored is not waiting for anyone)."""
    marks = ",".join("?" * len(open_stages))
    rows = store.conn.execute(
        "SELECT stage, COUNT(*), SUM(risk = 'red'), MIN(stage_entered_at) FROM cases "
        f"WHERE officer_id IS NULL AND stage IN ({marks}) GROUP BY stage",
        open_stages,
    ).fetchall()
    oldest = min((r[3] for r in rows if r[3] and r[0] in wait_stages), default=None)
    return QueueLoad({r[0]: r[1] for r in rows}, sum(r[2] or 0 for r in rows), oldest)
