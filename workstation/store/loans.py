"""Loans: recommendations, signatures, approval authority, loans, draws, the ledger and the
day-end's bookkeeping. The caller holds the transaction for every write.

The ledger (``loan_entries`` + ``allocation_parts``) is only ever appended to. A loan's
``state`` column caches what it adds up to, with a few of its figures copied into columns
(principal, overdue since, next event) so lists and the portfolio are plain SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from workstation.domain.ledger import AllocationPart, DrawTerms, Entry, LoanState
from workstation.store import loan_codec
from workstation.store.db import Store

DAY_END_KEY = "day_end_through"  # meta: every loan is accrued through this date
SYSTEM_AUTHORITY_KEY = "system_authority_fen"  # meta: the straight-through lane's authority


@dataclass(frozen=True)
class RecommendationRow:
    id: int
    case_id: int
    at: str
    by_user: int
    by_name: str
    product: str
    limit_fen: int
    daily_rate: str
    term_months: int
    plan: str
    note: str
    kind: str


@dataclass(frozen=True)
class SignatureRow:
    id: int
    case_id: int
    recommendation_id: int
    at: str
    by_user: int
    by_name: str
    authority_fen: int
    completes: bool
    reason: str


@dataclass(frozen=True)
class AuthorityRow:
    user_id: int
    username: str
    display_name: str
    role: str
    active: bool
    max_fen: int | None
    set_by_name: str | None
    set_at: str | None


@dataclass(frozen=True)
class LoanRow:
    case_id: int
    customer_id: int
    recommendation_id: int
    product: str
    limit_fen: int
    daily_rate: str
    term_months: int
    plan: str
    approved_at: str
    opened_on: str
    available_until: str
    status: str
    accrued_through: str
    next_event_on: str | None
    state: str
    principal_fen: int
    overdue_since: str | None
    version: int


# --- recommendations and signatures ------------------------------------------------------------


def insert_recommendation(store: Store, **fields: Any) -> int:
    names = ", ".join(fields)
    marks = ", ".join("?" * len(fields))
    cur = store.conn.execute(
        f"INSERT INTO recommendations ({names}) VALUES ({marks})", tuple(fields.values())
    )
    return int(cur.lastrowid or 0)


_REC_SELECT = (
    "SELECT r.id, r.case_id, r.at, r.by_user, u.display_name, r.product, r.limit_fen, "
    "r.daily_rate, r.term_months, r.plan, r.note, r.kind "
    "FROM recommendations r JOIN users u ON u.id = r.by_user "
)


def latest_recommendation(store: Store, case_id: int) -> RecommendationRow | None:
    row = store.conn.execute(
        _REC_SELECT + "WHERE r.case_id = ? ORDER BY r.id DESC LIMIT 1", (case_id,)
    ).fetchone()
    return RecommendationRow(*row) if row else None


def recommendations_of(store: Store, case_id: int) -> list[RecommendationRow]:
    rows = store.conn.execute(_REC_SELECT + "WHERE r.case_id = ? ORDER BY r.id", (case_id,))
    return [RecommendationRow(*r) for r in rows]


def recommendation(store: Store, rec_id: int) -> RecommendationRow | None:
    row = store.conn.execute(_REC_SELECT + "WHERE r.id = ?", (rec_id,)).fetchone()
    return RecommendationRow(*row) if row else None


def insert_signature(store: Store, **fields: Any) -> int:
    names = ", ".join(fields)
    marks = ", ".join("?" * len(fields))
    cur = store.conn.execute(
        f"INSERT INTO signatures ({names}) VALUES ({marks})", tuple(fields.values())
    )
    return int(cur.lastrowid or 0)


def signatures_of(store: Store, case_id: int) -> list[SignatureRow]:
    rows = store.conn.execute(
        "SELECT s.id, s.case_id, s.recommendation_id, s.at, s.by_user, u.display_name, "
        "s.authority_fen, s.completes, s.reason FROM signatures s "
        "JOIN users u ON u.id = s.by_user WHERE s.case_id = ? ORDER BY s.id",
        (case_id,),
    )
    return [SignatureRow(*r[:7], bool(r[7]), r[8]) for r in rows]


def approval_queue(store: Store) -> list[tuple[int, int]]:
    """(case id, version) of every case waiting for approval, oldest first."""
    rows = store.conn.execute(
        "SELECT id, version FROM cases WHERE stage = 'approval' ORDER BY stage_entered_at, id"
    )
    return [(int(r[0]), int(r[1])) for r in rows]


def straight_through_counts(store: Store, since: str) -> tuple[int, int]:
    """(cases the system approved since ``since``, all cases approved since then)."""
    row = store.conn.execute(
        "SELECT COALESCE(SUM(action = 'auto_approve'), 0), COUNT(*) FROM stage_moves "
        "WHERE at >= ? AND action IN ('auto_approve', 'approve')",
        (since,),
    ).fetchone()
    return int(row[0]), int(row[1])


# --- authority ---------------------------------------------------------------------------------


def authority_of(store: Store, user_id: int) -> int:
    """The amount ``user_id`` may approve alone; 0 when none is set (deny by default)."""
    row = store.conn.execute(
        "SELECT max_fen FROM approval_authority WHERE user_id = ?", (user_id,)
    ).fetchone()
    return int(row[0]) if row else 0


def set_authority(store: Store, user_id: int, max_fen: int, by: int, at: str) -> None:
    store.conn.execute(
        "INSERT INTO approval_authority (user_id, max_fen, set_by, set_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (user_id) DO UPDATE SET max_fen = excluded.max_fen, "
        "set_by = excluded.set_by, set_at = excluded.set_at",
        (user_id, max_fen, by, at),
    )


def authority_rows(store: Store) -> list[AuthorityRow]:
    rows = store.conn.execute(
        "SELECT u.id, u.username, u.display_name, u.role, u.active, a.max_fen, s.display_name, "
        "a.set_at FROM users u LEFT JOIN approval_authority a ON a.user_id = u.id "
        "LEFT JOIN users s ON s.id = a.set_by WHERE u.role = 'supervisor' ORDER BY u.username"
    )
    return [AuthorityRow(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], r[7]) for r in rows]


# --- loans -------------------------------------------------------------------------------------

_LOAN_COLUMNS = (
    "case_id, customer_id, recommendation_id, product, limit_fen, daily_rate, term_months, "
    "plan, approved_at, opened_on, available_until, status, accrued_through, next_event_on, "
    "state, principal_fen, overdue_since, version"
)


def insert_loan(store: Store, **fields: Any) -> None:
    names = ", ".join(fields)
    marks = ", ".join("?" * len(fields))
    store.conn.execute(f"INSERT INTO loans ({names}) VALUES ({marks})", tuple(fields.values()))


def loan(store: Store, case_id: int) -> LoanRow | None:
    row = store.conn.execute(
        f"SELECT {_LOAN_COLUMNS} FROM loans WHERE case_id = ?", (case_id,)
    ).fetchone()
    return LoanRow(*row) if row else None


def business_principal(store: Store, case_id: int) -> int:
    """Principal the business of ``case_id``'s customer owes on its other loans (R5's cap is
    per business, whatever number of applications it made): every active loan whose customer
    has the same unified social credit code, or, where either has none, the same owner ID
    number (compared stripped and upper-case, as the blacklist compares them)."""
    row = store.conn.execute(
        "WITH me AS (SELECT UPPER(TRIM(cu.credit_code)) AS code, "
        "UPPER(TRIM(cu.owner_id_number)) AS owner FROM cases c "
        "JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?), "
        "same AS (SELECT cu.id FROM customers cu, me WHERE "
        "(me.code != '' AND UPPER(TRIM(cu.credit_code)) = me.code) OR "
        "((me.code = '' OR TRIM(cu.credit_code) = '') AND me.owner != '' "
        "AND UPPER(TRIM(cu.owner_id_number)) = me.owner)) "
        "SELECT COALESCE(SUM(l.principal_fen), 0) FROM loans l "
        "WHERE l.customer_id IN (SELECT id FROM same) AND l.case_id != ? "
        "AND l.status = 'active'",
        (case_id, case_id),
    ).fetchone()
    return int(row[0])


def has_entries(store: Store, case_id: int) -> bool:
    """Whether the loan's ledger has any row (a draw, a payment held as credit…)."""
    row = store.conn.execute(
        "SELECT 1 FROM loan_entries WHERE case_id = ? LIMIT 1", (case_id,)
    ).fetchone()
    return row is not None


def replace_terms(store: Store, case_id: int, **fields: Any) -> None:
    """A new approval of a loan never drawn: its terms, period and empty state replaced
    (the version moves, so a dialog open on the old terms is refused)."""
    sets = ", ".join(f"{name} = ?" for name in fields)
    store.conn.execute(
        f"UPDATE loans SET {sets}, status = 'active', principal_fen = 0, overdue_since = NULL, "
        "version = version + 1 WHERE case_id = ?",
        (*fields.values(), case_id),
    )


def save_state(
    store: Store,
    case_id: int,
    state: LoanState,
    *,
    next_event_on: date | None,
    overdue_since: date | None,
    expected_version: int,
    status: str = "active",
) -> bool:
    """Write the cached state; False when someone else wrote it first (version moved)."""
    cur = store.conn.execute(
        "UPDATE loans SET state = ?, accrued_through = ?, next_event_on = ?, principal_fen = ?, "
        "overdue_since = ?, status = ?, version = version + 1 "
        "WHERE case_id = ? AND version = ?",
        (
            loan_codec.encode_state(state),
            state.accrued_through.isoformat(),
            None if next_event_on is None else next_event_on.isoformat(),
            state.principal_fen,
            None if overdue_since is None else overdue_since.isoformat(),
            status,
            case_id,
            expected_version,
        ),
    )
    return cur.rowcount == 1


def save_states(store: Store, rows: Iterable[Sequence[Any]]) -> None:
    """Bulk form of ``save_state`` for the day-end (which holds the write lock): rows of
    (state JSON, accrued through, next event, principal, overdue since, status, case id)."""
    store.conn.executemany(
        "UPDATE loans SET state = ?, accrued_through = ?, next_event_on = ?, principal_fen = ?, "
        "overdue_since = ?, status = ?, version = version + 1 WHERE case_id = ?",
        rows,
    )


def remember_risk_before_overdue(store: Store, case_ids: Iterable[int]) -> None:
    """Keep each case's risk status as it is now, before a move to overdue turns it red."""
    store.conn.executemany(
        "UPDATE loans SET risk_before_overdue = (SELECT risk FROM cases WHERE id = ?) "
        "WHERE case_id = ?",
        ((case_id, case_id) for case_id in case_ids),
    )


def forget_risk_before_overdue(store: Store, case_id: int) -> None:
    """The kept risk has been used (or the loan is cured or closed): nothing to give back."""
    store.conn.execute(
        "UPDATE loans SET risk_before_overdue = NULL WHERE case_id = ?", (case_id,)
    )


def risk_before_overdue(store: Store, case_id: int) -> str | None:
    """The risk status the case had when its loan was last marked overdue, if kept."""
    row = store.conn.execute(
        "SELECT risk_before_overdue FROM loans WHERE case_id = ?", (case_id,)
    ).fetchone()
    return row[0] if row else None


def close_loan(store: Store, case_id: int) -> None:
    """Repaid in full after its period: no longer active, nothing more for the day-end."""
    store.conn.execute(
        "UPDATE loans SET status = 'closed', next_event_on = NULL, risk_before_overdue = NULL "
        "WHERE case_id = ?",
        (case_id,),
    )


def entry_count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM loan_entries").fetchone()[0])


def book_loans(store: Store) -> list[tuple[int, str, int, str | None]]:
    """(case, product, principal, overdue since) of every active loan with principal out or
    something late: the book (R30). One pass over the loans table, no state decoded."""
    return store.conn.execute(
        "SELECT case_id, product, principal_fen, overdue_since FROM loans "
        "WHERE status = 'active' AND (principal_fen > 0 OR overdue_since IS NOT NULL) "
        "ORDER BY case_id"
    ).fetchall()


def loans_by_stage(store: Store) -> dict[str, int]:
    """How many loans stand in each stage of their case (the demo's summary)."""
    rows = store.conn.execute(
        "SELECT c.stage, COUNT(*) FROM loans l JOIN cases c ON c.id = l.case_id GROUP BY c.stage"
    )
    return {str(stage): int(n) for stage, n in rows}


def approval_cases_without_terms(store: Store) -> list[tuple[int, int | None, str]]:
    """(case, recommender or officer, entered at) of cases in approval with no recommended
    terms (books built before recommendations were stored)."""
    return store.conn.execute(
        "SELECT c.id, COALESCE(c.recommended_by, c.officer_id), c.stage_entered_at FROM cases c "
        "WHERE c.stage = 'approval' AND NOT EXISTS "
        "(SELECT 1 FROM recommendations r WHERE r.case_id = c.id)"
    ).fetchall()


def disbursement_cases_without_loan(store: Store) -> list[tuple[int, int | None, str]]:
    """(case, recommender or officer, entered at) of cases waiting for payout with no
    approved loan (the demo's books built by stage)."""
    return store.conn.execute(
        "SELECT c.id, COALESCE(c.recommended_by, c.officer_id), c.stage_entered_at FROM cases c "
        "WHERE c.stage = 'disbursement' AND NOT EXISTS "
        "(SELECT 1 FROM loans l WHERE l.case_id = c.id)"
    ).fetchall()


def insert_draw(store: Store, case_id: int, terms: DrawTerms) -> None:
    store.conn.execute(
        "INSERT INTO draws (draw_id, case_id, drawn_on, amount_fen, daily_rate, term_months, "
        "plan) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            terms.draw_id,
            case_id,
            terms.drawn_on.isoformat(),
            terms.amount_fen,
            str(terms.daily_rate),
            terms.term_months,
            terms.plan.value,
        ),
    )


def draws_of(store: Store, case_id: int) -> list[DrawTerms]:
    rows = store.conn.execute(
        "SELECT draw_id, drawn_on, amount_fen, daily_rate, term_months, plan FROM draws "
        "WHERE case_id = ? ORDER BY drawn_on, rowid",
        (case_id,),
    )
    return [loan_codec.terms_from_row(r) for r in rows]


def draw_count(store: Store, case_id: int) -> int:
    row = store.conn.execute("SELECT COUNT(*) FROM draws WHERE case_id = ?", (case_id,)).fetchone()
    return int(row[0])


def append_entries(
    store: Store, case_id: int, entries: Sequence[Entry], at: str, by: int, note: str = ""
) -> None:
    """Append ledger rows; a seq already taken raises (the primary key), so two writers
    cannot both append entry n."""
    conn = store.conn
    conn.executemany(
        f"INSERT INTO loan_entries ({loan_codec.ENTRY_COLUMNS}, at, by_user, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*loan_codec.entry_row(case_id, e), at, by, note) for e in entries],
    )
    parts = [row for e in entries for row in loan_codec.part_rows(case_id, e)]
    if parts:
        conn.executemany(
            "INSERT INTO allocation_parts (case_id, seq, n, bucket, amount_fen, draw_id, due_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            parts,
        )


def append_rows(store: Store, rows: list[tuple[Any, ...]], at: str, by: int) -> int:
    """Ledger rows already in column form (``loan_codec.entry_row``): the day-end's postings,
    computed in worker processes."""
    store.conn.executemany(
        f"INSERT INTO loan_entries ({loan_codec.ENTRY_COLUMNS}, at, by_user, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        [(*row, at, by) for row in rows],
    )
    return len(rows)


@dataclass(frozen=True)
class LedgerLine:
    """One ledger row as stored, with who wrote it and when."""

    entry: Entry
    at: str
    by_name: str
    note: str


def ledger_of(store: Store, case_id: int) -> list[LedgerLine]:
    loan_id = str(case_id)
    parts: dict[int, list[AllocationPart]] = {}
    for seq, *rest in store.conn.execute(
        "SELECT seq, bucket, amount_fen, draw_id, due_on FROM allocation_parts "
        "WHERE case_id = ? ORDER BY seq, n",
        (case_id,),
    ):
        parts.setdefault(seq, []).append(loan_codec.part_from_row(tuple(rest)))
    lines = []
    for row in store.conn.execute(
        f"SELECT {', '.join('e.' + c.strip() for c in loan_codec.ENTRY_COLUMNS.split(','))}, "
        "e.at, u.display_name, e.note FROM loan_entries e JOIN users u ON u.id = e.by_user "
        "WHERE e.case_id = ? ORDER BY e.seq",
        (case_id,),
    ):
        entry = loan_codec.entry_from_row(loan_id, row[:10], tuple(parts.get(row[1], ())))
        lines.append(LedgerLine(entry, row[10], row[11], row[12]))
    return lines


# --- the day-end -------------------------------------------------------------------------------


def loans_due(store: Store, through: str, after_case: int, limit: int) -> list[tuple[Any, ...]]:
    """(case id, state JSON, available until, overdue since, stage, version of the case) of
    active loans with something to do on or before ``through``, in case order after
    ``after_case``: the day-end's batches."""
    return store.conn.execute(
        "SELECT l.case_id, l.state, l.available_until, l.overdue_since, c.stage, c.version "
        "FROM loans l JOIN cases c ON c.id = l.case_id "
        "WHERE l.status = 'active' AND l.next_event_on <= ? AND l.case_id > ? "
        "ORDER BY l.case_id LIMIT ?",
        (through, after_case, limit),
    ).fetchall()


def count_loans_due(store: Store, through: str) -> int:
    row = store.conn.execute(
        "SELECT COUNT(*) FROM loans WHERE status = 'active' AND next_event_on <= ?", (through,)
    ).fetchone()
    return int(row[0])


def count_active_loans(store: Store) -> int:
    row = store.conn.execute("SELECT COUNT(*) FROM loans WHERE status = 'active'").fetchone()
    return int(row[0])


def start_day_end(store: Store, through: str, at: str, by: int) -> None:
    store.conn.execute(
        "INSERT INTO day_end_runs (through, started_at, started_by) VALUES (?, ?, ?) "
        "ON CONFLICT (through) DO NOTHING",
        (through, at, by),
    )


def add_day_end_progress(
    store: Store, through: str, loans: int, postings: int, overdue: int
) -> None:
    store.conn.execute(
        "UPDATE day_end_runs SET loans = loans + ?, postings = postings + ?, "
        "overdue = overdue + ? WHERE through = ?",
        (loans, postings, overdue, through),
    )


def finish_day_end(store: Store, through: str, at: str) -> None:
    store.conn.execute("UPDATE day_end_runs SET finished_at = ? WHERE through = ?", (at, through))
    store.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
        (DAY_END_KEY, through),
    )


def day_end_through(store: Store) -> str | None:
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (DAY_END_KEY,)).fetchone()
    return str(row[0]) if row else None


def day_end_run(store: Store, through: str) -> tuple[Any, ...] | None:
    return store.conn.execute(
        "SELECT through, started_at, finished_at, loans, postings, overdue FROM day_end_runs "
        "WHERE through = ?",
        (through,),
    ).fetchone()


def active_loan_ids(store: Store) -> list[int]:
    return [int(r[0]) for r in store.conn.execute("SELECT case_id FROM loans ORDER BY case_id")]
