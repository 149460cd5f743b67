"""The ``check`` service: silent on a sound book, specific about a planted fault."""

from __future__ import annotations

import pytest

from workstation.services import check
from workstation.services.context import Context


def _sql(ctx: Context, statement: str, *params: object) -> None:
    with ctx.store.write():
        ctx.store.conn.execute(statement, params)


def _some_case(ctx: Context, stage: str) -> int:
    return int(
        ctx.store.conn.execute("SELECT id FROM cases WHERE stage = ? LIMIT 1", (stage,)).fetchone()[
            0
        ]
    )


def test_a_fresh_demo_is_consistent(demo_ctx: Context) -> None:
    assert check.consistency_problems(demo_ctx) == []


def test_an_empty_database_is_consistent(ctx: Context) -> None:
    assert check.consistency_problems(ctx) == []


def test_stage_that_disagrees_with_its_last_move(demo_ctx: Context) -> None:
    case_id = _some_case(demo_ctx, "investigation")
    _sql(demo_ctx, "UPDATE cases SET stage = 'approval' WHERE id = ?", case_id)
    problems = check.consistency_problems(demo_ctx)
    assert problems == [f"case {case_id} is in approval but its last move reached investigation"]


def test_entry_time_that_disagrees_with_its_last_move(demo_ctx: Context) -> None:
    case_id = _some_case(demo_ctx, "rating")
    _sql(
        demo_ctx, "UPDATE cases SET stage_entered_at = '2020-01-01T00:00:00' WHERE id = ?", case_id
    )
    assert check.consistency_problems(demo_ctx) == [
        f"case {case_id}: time entered stage differs from its last move"
    ]


def test_case_without_history(demo_ctx: Context) -> None:
    case_id = _some_case(demo_ctx, "application")
    _sql(demo_ctx, "DELETE FROM stage_moves WHERE case_id = ?", case_id)
    assert check.consistency_problems(demo_ctx) == [f"case {case_id} has no stage history"]


@pytest.mark.parametrize(
    ("source", "target", "action", "role", "expected"),
    [
        ("monitoring", "closed", "approve", "supervisor", "a move the line forbids"),
        ("approval", "disbursement", "approve", "investigator", "a investigator made a move"),
        ("disbursement", "monitoring", "disburse", "supervisor", "a supervisor made a move"),
    ],
)
def test_moves_against_the_rules_are_found(
    demo_ctx: Context, source: str, target: str, action: str, role: str, expected: str
) -> None:
    case_id = _some_case(demo_ctx, target)
    actor = demo_ctx.store.conn.execute(
        "SELECT id FROM users WHERE role = ? LIMIT 1", (role,)
    ).fetchone()[0]
    last_at = demo_ctx.store.conn.execute(
        "SELECT stage_entered_at FROM cases WHERE id = ?", (case_id,)
    ).fetchone()[0]
    _sql(
        demo_ctx,
        "INSERT INTO stage_moves (case_id, from_stage, to_stage, action, actor_id, at, "
        "actor_role) VALUES (?, ?, ?, ?, ?, ?, ?)",
        case_id,
        source,
        target,
        action,
        actor,
        last_at,
        role,
    )
    problems = check.consistency_problems(demo_ctx)
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_later_role_change_does_not_make_old_moves_look_wrong(
    demo_ctx: Context, people: dict
) -> None:
    from workstation.domain.people import Role
    from workstation.services import auth

    li = demo_ctx.store.conn.execute("SELECT id FROM users WHERE username = 'li.inv'").fetchone()[0]
    auth.set_role(demo_ctx, people["admin"], li, Role.FINANCE)  # promoted to finance
    assert check.consistency_problems(demo_ctx) == []


def test_a_broken_reference_is_reported_first(demo_ctx: Context) -> None:
    demo_ctx.store.conn.execute("PRAGMA foreign_keys = OFF")
    _sql(demo_ctx, "UPDATE stage_moves SET case_id = 999999 WHERE id = 1")
    demo_ctx.store.conn.execute("PRAGMA foreign_keys = ON")
    problems = check.consistency_problems(demo_ctx)
    assert problems and all("missing" in p for p in problems), problems
    assert any("stage_moves" in p and "cases" in p for p in problems)
