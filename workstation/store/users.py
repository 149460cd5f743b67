"""Users and the audit trail."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workstation.store.db import Store

SYSTEM_USERNAME = "system"


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool


_USER_COLUMNS = "id, username, display_name, role, password_hash, active"


def _user(row: tuple[Any, ...] | None) -> UserRow | None:
    if row is None:
        return None
    return UserRow(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


def insert_user(
    store: Store, username: str, display_name: str, role: str, password_hash: str, at: str
) -> int:
    cur = store.conn.execute(
        "INSERT INTO users (username, display_name, role, password_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (username, display_name, role, password_hash, at),
    )
    return int(cur.lastrowid or 0)


def user_by_name(store: Store, username: str) -> UserRow | None:
    row = store.conn.execute(
        f"SELECT {_USER_COLUMNS} FROM users WHERE username = ?", (username,)
    ).fetchone()
    return _user(row)


def user_by_id(store: Store, user_id: int) -> UserRow | None:
    row = store.conn.execute(
        f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (user_id,)
    ).fetchone()
    return _user(row)


def all_users(store: Store) -> list[UserRow]:
    rows = store.conn.execute(
        f"SELECT {_USER_COLUMNS} FROM users WHERE role != 'system' ORDER BY display_name"
    ).fetchall()
    return [u for u in map(_user, rows) if u is not None]


def count_login_users(store: Store) -> int:
    return int(
        store.conn.execute("SELECT COUNT(*) FROM users WHERE role != 'system'").fetchone()[0]
    )


def update_user(store: Store, user_id: int, **fields: Any) -> None:
    allowed = {"display_name", "role", "password_hash", "active"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not user fields: {sorted(unknown)}")
    assignments = ", ".join(f"{name} = ?" for name in fields)
    store.conn.execute(f"UPDATE users SET {assignments} WHERE id = ?", (*fields.values(), user_id))


def system_user_id(store: Store, at: str) -> int:
    """The row automatic moves are recorded under; it cannot log in (no usable hash)."""
    row = store.conn.execute(
        "SELECT id FROM users WHERE username = ?", (SYSTEM_USERNAME,)
    ).fetchone()
    if row:
        return int(row[0])
    return insert_user(store, SYSTEM_USERNAME, "System", "system", "!", at)


def record_audit(
    store: Store,
    *,
    at: str,
    actor_id: int | None,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append one audit event: who, when, what, before, after (DESIGN.md "Data")."""
    store.conn.execute(
        "INSERT INTO audit_events (at, actor_id, entity, entity_id, action, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            at,
            actor_id,
            entity,
            entity_id,
            action,
            json.dumps(before, ensure_ascii=False) if before is not None else None,
            json.dumps(after, ensure_ascii=False) if after is not None else None,
        ),
    )


def audit_for(store: Store, entity: str, entity_id: int) -> list[dict[str, Any]]:
    cur = store.conn.execute(
        "SELECT a.at, a.action, a.before, a.after, u.display_name FROM audit_events a "
        "LEFT JOIN users u ON u.id = a.actor_id WHERE a.entity = ? AND a.entity_id = ? "
        "ORDER BY a.id",
        (entity, entity_id),
    )
    return [
        {"at": r[0], "action": r[1], "before": r[2], "after": r[3], "actor": r[4]}
        for r in cur.fetchall()
    ]


def record_audits(
    store: Store,
    *,
    at: str,
    actor_id: int | None,
    entity: str,
    action: str,
    rows: list[tuple[int | None, dict[str, Any] | str | None, dict[str, Any] | str | None]],
) -> None:
    """Many audit events of one action: (entity id, before, after) each; before and after
    as dicts, or as JSON text already written."""

    def dumps(value: dict[str, Any] | str, ensure_ascii: bool) -> str:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=ensure_ascii)

    store.conn.executemany(
        "INSERT INTO audit_events (at, actor_id, entity, entity_id, action, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                at,
                actor_id,
                entity,
                entity_id,
                action,
                None if before is None else dumps(before, ensure_ascii=False),
                None if after is None else dumps(after, ensure_ascii=False),
            )
            for entity_id, before, after in rows
        ],
    )


def meta_value(store: Store, key: str) -> str | None:
    """A fact about the database itself (when the demo was built, …)."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta_value(store: Store, key: str, value: str) -> None:
    store.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
