"""A small book of loans made through the services, for the loan screens' tests (and their
screenshots): a drawn loan with history, an overdue one, cases waiting for approval."""

from __future__ import annotations

from decimal import Decimal

from tests.services.book import add_case
from tests.services.test_loans import investigated as interviewed
from workstation.domain.approval import LoanTerms
from workstation.domain.schedule import Plan
from workstation.services import approval, day_end, loans
from workstation.services.context import Context, FixedClock, Session
from workstation.store import loans as loan_store

YUAN = 100
CREDIT = Decimal("0.0006")
CREDIT_100K = LoanTerms("credit", 100_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY)


def version(ctx: Context, case_id: int) -> int:
    row = ctx.store.conn.execute("SELECT version FROM cases WHERE id = ?", (case_id,)).fetchone()
    return int(row[0])


def loan_version(ctx: Context, case_id: int) -> int:
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None
    return row.version


def investigated(ctx: Context, people: dict[str, Session]) -> int:
    """A case in investigation, the owner interviewed and the documents in (R23)."""
    case_id = add_case(
        ctx,
        "investigation",
        officer_id=people["li.inv"].user_id,
        history=(("application", "rating", "submit"), ("rating", "investigation", "rate")),
    )
    interviewed(ctx, people["li.inv"], case_id)
    return case_id


def recommended(ctx: Context, people: dict[str, Session], terms: LoanTerms = CREDIT_100K) -> int:
    case_id = investigated(ctx, people)
    approval.recommend(ctx, people["li.inv"], case_id, version(ctx, case_id), terms)
    return case_id


def approved(ctx: Context, people: dict[str, Session], terms: LoanTerms = CREDIT_100K) -> int:
    approval.set_authority(ctx, people["admin"], people["wang.sup"].user_id, 1_000_000 * YUAN)
    case_id = recommended(ctx, people, terms)
    approval.approve(ctx, people["wang.sup"], case_id, version(ctx, case_id))
    return case_id


def draw(ctx: Context, people: dict[str, Session], case_id: int, fen: int, months: int) -> None:
    loans.disburse(ctx, people["liu.fin"], case_id, loan_version(ctx, case_id), fen, months)


def close_days(ctx: Context, clock: FixedClock, people: dict[str, Session], days: int) -> None:
    """Move the business clock ``days`` on, closing every day."""
    for _ in range(days):
        day_end.run_day_end(ctx, people["wang.sup"], clock.now().date())
        clock.advance(days=1)


def drawn_loan(ctx: Context, clock: FixedClock, people: dict[str, Session]) -> int:
    """100,000 approved on 2026-11-26; 60,000 drawn that day for 3 months (interest monthly,
    first due 12-26); 20 days closed, so today is 2026-12-16."""
    case_id = approved(ctx, people)
    draw(ctx, people, case_id, 60_000 * YUAN, 3)
    close_days(ctx, clock, people, 20)
    return case_id
