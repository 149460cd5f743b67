"""Consistency checks the ``check`` command runs: SQLite's own and the project's."""

from __future__ import annotations

from workstation.store.db import Store


def integrity_problems(store: Store) -> list[str]:
    """SQLite's integrity check and foreign-key check; empty when the file is sound."""
    problems = [
        row[0] for row in store.conn.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"
    ]
    for table, rowid, parent, _ in store.conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} row {rowid} points to a missing {parent}")
    return problems


def cases_out_of_step_with_history(store: Store, limit: int = 20) -> list[tuple[int, str, str]]:
    """Cases whose stage differs from the stage their last move reached."""
    return store.conn.execute(
        "SELECT c.id, c.stage, m.to_stage FROM cases c "
        "JOIN stage_moves m ON m.id = (SELECT MAX(id) FROM stage_moves WHERE case_id = c.id) "
        "WHERE m.to_stage != c.stage LIMIT ?",
        (limit,),
    ).fetchall()


def cases_without_history(store: Store, limit: int = 20) -> list[int]:
    return [
        r[0]
        for r in store.conn.execute(
            "SELECT id FROM cases c WHERE NOT EXISTS "
            "(SELECT 1 FROM stage_moves m WHERE m.case_id = c.id) LIMIT ?",
            (limit,),
        )
    ]


def move_pairs(store: Store) -> list[tuple[str | None, str, str, str]]:
    """Every distinct (from, to, action, actor role) in the history, to check against the rules."""
    return store.conn.execute(
        "SELECT DISTINCT from_stage, to_stage, action, actor_role FROM stage_moves"
    ).fetchall()


def stage_entry_mismatches(store: Store, limit: int = 20) -> list[int]:
    """Cases whose stage_entered_at is not the time of their last move."""
    return [
        r[0]
        for r in store.conn.execute(
            "SELECT c.id FROM cases c "
            "JOIN stage_moves m ON m.id = (SELECT MAX(id) FROM stage_moves WHERE case_id = c.id) "
            "WHERE m.at != c.stage_entered_at LIMIT ?",
            (limit,),
        )
    ]
