"""Before the loan: applications, rating decisions, versioned settings and the blacklist.

Rows go in and out as plain values and JSON text (``store.codec``); the services turn them
into domain records. The caller holds the transaction for every write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workstation.store.db import Store


@dataclass(frozen=True)
class ApplicationRow:
    case_id: int
    data: str  # JSON of the Application without its consent
    consent_given: bool
    consent_at: str | None
    consent_by: int | None
    consent_method: str
    updated_at: str


@dataclass(frozen=True)
class DecisionRow:
    id: int
    case_id: int
    at: str
    actor_id: int
    by_name: str
    scorecard_kind: str
    scorecard_version: int
    macro_version: int
    total: str | None
    tier: str | None
    outcome: str
    combined_limit_fen: int | None
    details: str


@dataclass(frozen=True)
class SettingRow:
    version: int
    definition: str
    created_at: str
    created_by_name: str | None


@dataclass(frozen=True)
class BlacklistDbRow:
    id: int
    kind: str
    value: str
    reason: str
    added_by: str
    added_at: str
    lifted_by: str | None
    lifted_at: str | None
    lift_reason: str | None


# -- applications ---------------------------------------------------------------------------


def insert_application(store: Store, case_id: int, data: str, at: str) -> None:
    store.conn.execute(
        "INSERT INTO applications (case_id, data, updated_at) VALUES (?, ?, ?)",
        (case_id, data, at),
    )


def update_application(store: Store, case_id: int, data: str, at: str) -> None:
    store.conn.execute(
        "UPDATE applications SET data = ?, updated_at = ? WHERE case_id = ?", (data, at, case_id)
    )


def application_row(store: Store, case_id: int) -> ApplicationRow | None:
    row = store.conn.execute(
        "SELECT case_id, data, consent_given, consent_at, consent_by, consent_method, "
        "updated_at FROM applications WHERE case_id = ?",
        (case_id,),
    ).fetchone()
    if row is None:
        return None
    return ApplicationRow(row[0], row[1], bool(row[2]), row[3], row[4], row[5], row[6])


CUSTOMER_COLUMNS = (
    "kind",
    "business_name",
    "credit_code",
    "owner_name",
    "owner_id_number",
    "owner_phone",
    "industry",
    "region",
    "platform_account",
    "partner_bank",
)


def case_request(store: Store, case_id: int) -> tuple[dict[str, Any], str, int] | None:
    """(customer columns, product, amount in fen) of a case: what a case from before
    applications were kept (migration 2) knows of its application."""
    row = store.conn.execute(
        f"SELECT {', '.join('cu.' + c for c in CUSTOMER_COLUMNS)}, c.product, c.amount_fen "
        "FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?",
        (case_id,),
    ).fetchone()
    if row is None:
        return None
    return dict(zip(CUSTOMER_COLUMNS, row[:-2], strict=True)), row[-2], row[-1]


def record_consent(store: Store, case_id: int, at: str, by: int, method: str) -> None:
    store.conn.execute(
        "UPDATE applications SET consent_given = 1, consent_at = ?, consent_by = ?, "
        "consent_method = ? WHERE case_id = ?",
        (at, by, method, case_id),
    )


def clear_consent(store: Store, case_id: int) -> None:
    """Forget the consent: it was the previous owner's (R37)."""
    store.conn.execute(
        "UPDATE applications SET consent_given = 0, consent_at = NULL, consent_by = NULL, "
        "consent_method = '' WHERE case_id = ?",
        (case_id,),
    )


def update_customer_of_case(store: Store, case_id: int, **fields: Any) -> None:
    """Keep the customer row (what the board shows) in step with the application."""
    allowed = set(CUSTOMER_COLUMNS)
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not customer fields: {sorted(unknown)}")
    assignments = ", ".join(f"{name} = ?" for name in fields)
    store.conn.execute(
        f"UPDATE customers SET {assignments} "
        "WHERE id = (SELECT customer_id FROM cases WHERE id = ?)",
        (*fields.values(), case_id),
    )


def update_case_request(store: Store, case_id: int, product: str, amount_fen: int) -> None:
    """What the applicant asks for; the caller bumps the case version in the same transaction."""
    store.conn.execute(
        "UPDATE cases SET product = ?, amount_fen = ? WHERE id = ?", (product, amount_fen, case_id)
    )


# -- decisions ------------------------------------------------------------------------------

DECISION_COLUMNS = (
    "case_id",
    "at",
    "actor_id",
    "scorecard_kind",
    "scorecard_version",
    "macro_version",
    "total",
    "tier",
    "outcome",
    "combined_limit_fen",
    "details",
)
_INSERT_DECISION = (
    f"INSERT INTO decisions ({', '.join(DECISION_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in DECISION_COLUMNS)})"
)


def insert_decision(store: Store, row: Sequence[Any]) -> int:
    """Insert one decision; ``row`` follows ``DECISION_COLUMNS``. Returns its id."""
    cur = store.conn.execute(_INSERT_DECISION, tuple(row))
    return int(cur.lastrowid or 0)


def insert_decisions(store: Store, rows: Iterable[Sequence[Any]]) -> None:
    """Many decisions in one statement (batch re-scoring, the demo)."""
    store.conn.executemany(_INSERT_DECISION, rows)


_DECISION_SELECT = (
    "SELECT d.id, d.case_id, d.at, d.actor_id, u.display_name, d.scorecard_kind, "
    "d.scorecard_version, d.macro_version, d.total, d.tier, d.outcome, "
    "d.combined_limit_fen, d.details FROM decisions d JOIN users u ON u.id = d.actor_id "
)


def decisions_of_case(store: Store, case_id: int) -> list[DecisionRow]:
    """Every decision on the case, oldest first."""
    rows = store.conn.execute(
        _DECISION_SELECT + "WHERE d.case_id = ? ORDER BY d.id", (case_id,)
    ).fetchall()
    return [DecisionRow(*r) for r in rows]


def latest_decision(store: Store, case_id: int) -> DecisionRow | None:
    row = store.conn.execute(
        _DECISION_SELECT + "WHERE d.case_id = ? ORDER BY d.id DESC LIMIT 1", (case_id,)
    ).fetchone()
    return DecisionRow(*row) if row else None


def rescore_inputs(
    store: Store, stages: Sequence[str], after_case_id: int, limit: int
) -> list[tuple[int, str, str | None, str | None]]:
    """(case id, application JSON, last tier, last outcome) of open cases with an application,
    in case order after ``after_case_id``: one page of a batch re-scoring."""
    marks = ",".join("?" * len(stages))
    return store.conn.execute(
        "SELECT a.case_id, a.data, d.tier, d.outcome FROM applications a "
        "JOIN cases c ON c.id = a.case_id "
        "LEFT JOIN decisions d ON d.id = "
        "(SELECT MAX(id) FROM decisions WHERE case_id = a.case_id) "
        f"WHERE a.case_id > ? AND c.stage IN ({marks}) ORDER BY a.case_id LIMIT ?",
        (after_case_id, *stages, limit),
    ).fetchall()


def count_rescore_inputs(store: Store, stages: Sequence[str]) -> int:
    marks = ",".join("?" * len(stages))
    return int(
        store.conn.execute(
            "SELECT COUNT(*) FROM applications a JOIN cases c ON c.id = a.case_id "
            f"WHERE c.stage IN ({marks})",
            tuple(stages),
        ).fetchone()[0]
    )


# -- settings: scorecards and macro ---------------------------------------------------------


def latest_scorecards(store: Store) -> dict[str, tuple[int, str]]:
    """kind -> (version, definition JSON) of the newest scorecard of each kind."""
    rows = store.conn.execute(
        "SELECT s.kind, s.version, s.definition FROM scorecards s WHERE s.version = "
        "(SELECT MAX(version) FROM scorecards WHERE kind = s.kind)"
    ).fetchall()
    return {kind: (version, definition) for kind, version, definition in rows}


def scorecard_definition(store: Store, kind: str, version: int) -> str | None:
    row = store.conn.execute(
        "SELECT definition FROM scorecards WHERE kind = ? AND version = ?", (kind, version)
    ).fetchone()
    return row[0] if row else None


def insert_scorecard(
    store: Store, kind: str, version: int, definition: str, at: str, by: int | None
) -> bool:
    """Store a scorecard version; False when that (kind, version) is already there."""
    cur = store.conn.execute(
        "INSERT OR IGNORE INTO scorecards (kind, version, definition, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?)",
        (kind, version, definition, at, by),
    )
    return cur.rowcount == 1


_SETTING_SELECT = (
    "SELECT m.version, m.definition, m.created_at, u.display_name FROM macro_settings m "
    "LEFT JOIN users u ON u.id = m.created_by "
)


def latest_macro(store: Store) -> SettingRow | None:
    row = store.conn.execute(_SETTING_SELECT + "ORDER BY m.version DESC LIMIT 1").fetchone()
    return SettingRow(*row) if row else None


def macro_by_version(store: Store, version: int) -> SettingRow | None:
    row = store.conn.execute(_SETTING_SELECT + "WHERE m.version = ?", (version,)).fetchone()
    return SettingRow(*row) if row else None


def macro_rows(store: Store) -> list[SettingRow]:
    rows = store.conn.execute(_SETTING_SELECT + "ORDER BY m.version").fetchall()
    return [SettingRow(*r) for r in rows]


def insert_macro(store: Store, version: int, definition: str, at: str, by: int | None) -> bool:
    cur = store.conn.execute(
        "INSERT OR IGNORE INTO macro_settings (version, definition, created_at, created_by) "
        "VALUES (?, ?, ?, ?)",
        (version, definition, at, by),
    )
    return cur.rowcount == 1


# -- blacklist ------------------------------------------------------------------------------


def insert_blacklist(
    store: Store, kind: str, value: str, reason: str, added_by: int, at: str
) -> int:
    cur = store.conn.execute(
        "INSERT INTO blacklist (kind, value, reason, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
        (kind, value, reason, added_by, at),
    )
    return int(cur.lastrowid or 0)


def lift_blacklist(store: Store, entry_id: int, lifted_by: int, at: str, reason: str) -> bool:
    """Lift an active entry; False when there is none with that id still in force."""
    cur = store.conn.execute(
        "UPDATE blacklist SET lifted_by = ?, lifted_at = ?, lift_reason = ? "
        "WHERE id = ? AND lifted_at IS NULL",
        (lifted_by, at, reason, entry_id),
    )
    return cur.rowcount == 1


_BLACKLIST_SELECT = (
    "SELECT b.id, b.kind, b.value, b.reason, a.display_name, b.added_at, l.display_name, "
    "b.lifted_at, b.lift_reason FROM blacklist b JOIN users a ON a.id = b.added_by "
    "LEFT JOIN users l ON l.id = b.lifted_by "
)


def blacklist_rows(store: Store, include_lifted: bool = False) -> list[BlacklistDbRow]:
    where = "" if include_lifted else "WHERE b.lifted_at IS NULL "
    rows = store.conn.execute(_BLACKLIST_SELECT + where + "ORDER BY b.id").fetchall()
    return [BlacklistDbRow(*r) for r in rows]


def blacklist_row(store: Store, entry_id: int) -> BlacklistDbRow | None:
    row = store.conn.execute(_BLACKLIST_SELECT + "WHERE b.id = ?", (entry_id,)).fetchone()
    return BlacklistDbRow(*row) if row else None


def active_blacklist_matching(
    store: Store, pairs: Sequence[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """(kind, value, reason) of entries in force that match any (kind, value) given."""
    found: list[tuple[str, str, str]] = []
    for kind, value in pairs:
        found.extend(
            store.conn.execute(
                "SELECT kind, value, reason FROM blacklist "
                "WHERE kind = ? AND value = ? AND lifted_at IS NULL ORDER BY id",
                (kind, value),
            ).fetchall()
        )
    return found


def active_blacklist(store: Store) -> list[tuple[str, str, str]]:
    """Every entry in force as (kind, value, reason): batch re-scoring checks against it."""
    return store.conn.execute(
        "SELECT kind, value, reason FROM blacklist WHERE lifted_at IS NULL ORDER BY id"
    ).fetchall()


def insert_applications(store: Store, rows: Iterable[Sequence[Any]]) -> None:
    """Many applications at once (the demo): (case_id, data, consent_given, consent_at,
    consent_by, consent_method, updated_at)."""
    store.conn.executemany(
        "INSERT INTO applications (case_id, data, consent_given, consent_at, consent_by, "
        "consent_method, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
