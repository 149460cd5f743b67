"""The demo book: deterministic, consistent with the rules, and fresh each day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import T0
from workstation.services import check, demo
from workstation.services.context import Context, FixedClock
from workstation.store.db import open_store


def _fingerprint(path: Path) -> list[tuple]:
    store = open_store(path)
    try:
        return store.conn.execute(
            "SELECT c.id, c.stage, c.amount_fen, c.risk, c.tier, k.business_name "
            "FROM cases c JOIN customers k ON k.id = c.customer_id ORDER BY c.id"
        ).fetchall()
    finally:
        store.close()


def test_the_same_seed_and_now_give_the_same_book(tmp_path: Path) -> None:
    for name in ("a", "b"):
        store = open_store(tmp_path / f"{name}.sqlite")
        demo.build_demo(Context(store, FixedClock(T0)), cases=120, password_cost=2**10)
        store.close()
    assert _fingerprint(tmp_path / "a.sqlite") == _fingerprint(tmp_path / "b.sqlite")


def test_the_demo_obeys_the_line_and_fills_every_lane(demo_ctx: Context) -> None:
    assert check.consistency_problems(demo_ctx) == []
    stages = {r[0] for r in demo_ctx.store.conn.execute("SELECT DISTINCT stage FROM cases")}
    assert len(stages) == 12


def test_a_demo_built_today_is_reused_and_rebuilt_the_next_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo.sqlite"
    monkeypatch.setattr(demo, "default_demo_path", lambda: target)
    clock = FixedClock(T0)
    said: list[str] = []
    demo.prepare_demo_database(clock=clock, say=said.append, cases=40)
    demo.prepare_demo_database(clock=clock, say=said.append, cases=40)
    assert len(said) == 1  # built once, then reused the same day
    clock.advance(days=1)
    demo.prepare_demo_database(clock=clock, say=said.append, cases=40)
    assert len(said) == 2
    store = open_store(target)
    built = demo.demo_built_at(Context(store, clock))
    store.close()
    assert built == T0 + timedelta(days=1)
    demo.prepare_demo_database(reset=True, clock=clock, say=said.append, cases=40)
    assert len(said) == 3


def test_the_demo_refuses_a_database_that_holds_cases(demo_ctx: Context) -> None:
    with pytest.raises(ValueError, match="already holds cases"):
        demo.build_demo(demo_ctx, cases=10)


def test_the_demo_has_loans_with_ledger_history_made_by_the_services(demo_ctx: Context) -> None:
    from workstation.services import check

    conn = demo_ctx.store.conn
    stages = dict(
        conn.execute(
            "SELECT c.stage, COUNT(*) FROM loans l JOIN cases c ON c.id = l.case_id GROUP BY 1"
        ).fetchall()
    )
    assert stages.get("monitoring", 0) > 0 and stages.get("overdue", 0) > 0
    kinds = dict(conn.execute("SELECT kind, COUNT(*) FROM loan_entries GROUP BY 1").fetchall())
    assert {"draw", "repayment", "interest_posting", "penalty_posting"} <= set(kinds)
    assert check.ledger_problems(demo_ctx) == []


def test_the_demo_inbox_has_recommended_cases_to_sign(demo_ctx: Context) -> None:
    from workstation.services import approval, auth

    wang = auth.log_in(demo_ctx, "wang.sup", demo.DEMO_PASSWORD)
    items = approval.inbox(demo_ctx, wang)
    assert items and all(i.terms.limit_fen > 0 for i in items)


def test_the_demo_shows_cases_that_took_the_straight_through_lane(demo_ctx: Context) -> None:
    lane = demo_ctx.store.conn.execute(
        "SELECT COUNT(*) FROM stage_moves WHERE action = 'auto_approve'"
    ).fetchone()[0]
    assert lane == 6


def test_every_demo_case_waiting_for_payout_has_its_approved_limit(demo_ctx: Context) -> None:
    """Found in the walk-through: most cases in the payout queue had no approved loan, so
    finance's Disburse refused them all."""
    from workstation.services import auth, loans

    waiting = [
        row[0]
        for row in demo_ctx.store.conn.execute(
            "SELECT id FROM cases WHERE stage = 'disbursement' ORDER BY id"
        )
    ]
    assert len(waiting) > 6  # more than the lane's own
    assert all(loans.has_loan(demo_ctx, case_id) for case_id in waiting)
    signed = demo_ctx.store.conn.execute(
        "SELECT COUNT(DISTINCT s.case_id) FROM signatures s JOIN cases c ON c.id = s.case_id "
        "WHERE c.stage = 'disbursement' AND s.completes = 1 AND s.authority_fen >= "
        "(SELECT limit_fen FROM loans l WHERE l.case_id = s.case_id)"
    ).fetchone()[0]
    assert signed == len(waiting)
    fin = auth.log_in(demo_ctx, "liu.fin", demo.DEMO_PASSWORD)
    case_id = waiting[-1]
    row = loans.loan_row(demo_ctx, case_id)
    loans.disburse(demo_ctx, fin, case_id, row.version, min(row.limit_fen, 1_000_000), 1)
    assert loans.loan_view(demo_ctx, fin, case_id).principal_fen == min(row.limit_fen, 1_000_000)
    assert check.consistency_problems(demo_ctx) == []
