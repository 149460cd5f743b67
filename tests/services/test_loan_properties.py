"""Ledger invariants through the services and the store (issue 5), over random sequences
of draws, repayments and days with a day-end every night.

The domain's own properties are in tests/domain/test_ledger_properties.py; these check that
what the services write and read back keeps them: the cache equals a derivation from the
rows, principal drawn − principal repaid = outstanding, every posting is its day-sum × rate
to the fen, nothing is negative, every fen of a payment is allocated once, and a second
day-end changes nothing. Random held credits (an overpayment kept for the customer) are
settled against what falls due, never leaving anything overdue while credit is held.
"""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import T0
from tests.services.book import add_case, dump
from tests.services.test_loans import investigated
from workstation.domain.approval import LoanTerms
from workstation.domain.ledger import EntryKind, allocation_of, append, new_loan
from workstation.domain.messages import RuleError
from workstation.domain.schedule import Plan, interest_fen
from workstation.services import approval, auth, check, day_end, demo, loans
from workstation.services.context import Context, FixedClock
from workstation.store import loans as loan_store
from workstation.store.db import open_store

YUAN = 100

actions = st.lists(
    st.one_of(
        st.tuples(st.just("draw"), st.integers(1, 60_000 * YUAN), st.integers(1, 6)),
        st.tuples(st.just("repay"), st.integers(1, 40_000 * YUAN), st.booleans()),
        st.tuples(st.just("days"), st.integers(1, 75), st.just(0)),
        # pay everything the trial says and this much more, held as credit
        st.tuples(st.just("credit"), st.integers(1, 20_000 * YUAN), st.just(0)),
    ),
    min_size=1,
    max_size=12,
)


def _book(root: Path) -> tuple[Context, FixedClock, dict, int]:
    clock = FixedClock(T0)
    ctx = Context(open_store(root / "p.sqlite"), clock)
    demo.create_demo_users(ctx, password_cost=2**10)
    people = {u: auth.log_in(ctx, u, demo.DEMO_PASSWORD) for u, _, _ in demo.DEMO_USERS}
    case_id = add_case(
        ctx,
        "investigation",
        officer_id=people["li.inv"].user_id,
        history=(("application", "rating", "submit"), ("rating", "investigation", "rate")),
    )
    investigated(ctx, people["li.inv"], case_id)
    approval.set_authority(ctx, people["admin"], people["wang.sup"].user_id, 10**9)
    terms = LoanTerms("credit", 100_000 * YUAN, Decimal("0.0006"), 12, Plan.EQUAL_PRINCIPAL)
    version = ctx.store.conn.execute("SELECT version FROM cases").fetchone()[0]
    approval.recommend(ctx, people["li.inv"], case_id, version, terms)
    version = ctx.store.conn.execute("SELECT version FROM cases").fetchone()[0]
    approval.approve(ctx, people["wang.sup"], case_id, version)
    return ctx, clock, people, case_id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions)
def test_what_the_services_write_keeps_the_ledger_invariants(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx, clock, people, case_id = _book(Path(tmp))
        fin, sup = people["liu.fin"], people["wang.sup"]
        try:
            for kind, amount, extra in steps:
                version = loan_store.loan(ctx.store, case_id).version  # type: ignore[union-attr]
                try:
                    if kind == "draw":
                        loans.disburse(ctx, fin, case_id, version, amount, extra)
                    elif kind == "repay":
                        loans.repay(ctx, fin, case_id, version, amount, hold_excess=extra)
                    elif kind == "credit":
                        owed = loans.trial(ctx, fin, case_id, clock.now().date()).total_fen
                        loans.repay(ctx, fin, case_id, version, owed + amount, hold_excess=True)
                    else:
                        for _ in range(amount):
                            day_end.run_day_end(ctx, sup, clock.now().date())
                            clock.advance(days=1)
                except RuleError:
                    pass  # refused: must have changed nothing (checked below by the invariants)
                _check(ctx, people, case_id)
            # a second day-end over the same night changes nothing
            today = clock.now().date()
            day_end.run_day_end(ctx, sup, today)
            before = dump(ctx)
            day_end.run_day_end(ctx, sup, today)
            assert dump(ctx) == before
        finally:
            ctx.store.close()


def _check(ctx: Context, people: dict, case_id: int) -> None:
    assert check.ledger_problems(ctx) == []
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    drawn = repaid = received = settled = 0
    rate = view.terms.daily_rate
    terms = {t.draw_id: t for t in loan_store.draws_of(ctx.store, case_id)}
    replay = new_loan(str(case_id), view.opened_on)
    for row in view.ledger:
        entry = row.entry
        reversed_ = entry.seq in {r.entry.reverses for r in view.ledger}
        sign = 0 if reversed_ or entry.kind == EntryKind.REVERSAL else 1
        if entry.kind == EntryKind.DRAW:
            drawn += sign * entry.amount_fen
        elif entry.kind == EntryKind.REPAYMENT:
            # a credit row names its draw, date and amount; the replay says where it went
            parts = allocation_of(replay, entry)
            money = 0 if entry.applies_credit else entry.amount_fen
            assert entry.credit_used_fen >= 0
            assert sum(p.amount_fen for p in parts) == money + entry.credit_used_fen
            assert all(p.amount_fen > 0 for p in parts)
            if entry.applies_credit:  # only what had fallen due
                assert all(p.due_on is not None and p.due_on <= entry.on for p in parts)
            repaid += sign * sum(p.amount_fen for p in parts if p.bucket == "principal")
            received += sign * money
            settled += sign * sum(p.amount_fen for p in parts if p.bucket != "credit")
        elif entry.kind == EntryKind.INTEREST_POSTING:
            assert entry.amount_fen == interest_fen(entry.day_sum, rate)
        elif entry.kind == EntryKind.PENALTY_POSTING:
            assert entry.amount_fen == interest_fen(entry.day_sum, rate * Decimal("1.5"))
        for figure in (row.principal_fen, row.interest_fen, row.penalty_fen, row.credit_fen):
            assert figure >= 0
        draw_terms = terms.get(entry.draw_id or "") if entry.kind == EntryKind.DRAW else None
        replay = append(replay, entry, draw_terms)
    assert drawn - repaid == view.principal_fen
    assert received == settled + view.credit_fen  # every fen received went once
    if view.credit_fen:  # held credit has settled everything that fell due
        assert view.days_past_due == 0
    assert 0 <= view.available_fen <= view.terms.limit_fen
    assert view.as_of >= date(2026, 11, 26)
