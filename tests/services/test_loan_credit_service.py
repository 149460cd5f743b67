"""The credit held, through the services: credit rows shown with their parts, finance's
"apply credit" (the customer has it repay early, R7) and "refund credit" (what exceeds
everything owed, or all of it on a closed loan), each audited and refused whole; and what a
payment before the due date leaves to fall due (R6, R8, R11)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.ui import loan_book as lb
from workstation.domain.ledger import AllocationPart, Bucket, EntryKind, LoanState, derive
from workstation.domain.messages import RuleError
from workstation.services import day_end, loans
from workstation.services.check import ledger_problems
from workstation.services.context import Context, FixedClock, Session
from workstation.store import loans as loan_store

YUAN = 100


def _tables(ctx: Context) -> dict[str, list[tuple]]:
    names = ("loans", "loan_entries", "allocation_parts", "cases", "audit_events")
    return {n: ctx.store.conn.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in names}


def _audits(ctx: Context, action: str) -> list[tuple]:
    return ctx.store.conn.execute(
        "SELECT entity_id, before, after FROM audit_events WHERE action = ?", (action,)
    ).fetchall()


def _with_credit(
    ctx: Context, people: dict[str, Session], credit_yuan: int, second_draw_yuan: int
) -> int:
    """Draw 1 of ¥10,000 for a month repaid on the day with ``credit_yuan`` more held as a
    credit, then draw 2 of ``second_draw_yuan`` for 3 months, interest monthly; all on
    2026-11-26."""
    case_id = lb.approved(ctx, people)
    lb.draw(ctx, people, case_id, 10_000 * YUAN, 1)
    fin = people["liu.fin"]
    loans.repay(
        ctx, fin, case_id, lb.loan_version(ctx, case_id), (10_000 + credit_yuan) * YUAN,
        hold_excess=True,
    )  # fmt: skip
    if second_draw_yuan:
        lb.draw(ctx, people, case_id, second_draw_yuan * YUAN, 3)
    return case_id


def test_a_credit_row_carries_its_parts_on_the_loan_page(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _with_credit(ctx, people, 500, 50_000)
    # 12-26: 50,000 x 30 days x 0.06% = 900.00 interest posted, 500.00 of it from the credit
    lb.close_days(ctx, clock, people, 31)
    view = loans.loan_view(ctx, people["wang.sup"], case_id)
    row = next(r for r in view.ledger if r.entry.applies_credit)
    assert row.entry.amount_fen == 500 * YUAN and row.entry.due_on == date(2026, 12, 26)
    assert row.parts == (
        AllocationPart(Bucket.INTEREST, 500 * YUAN, f"{case_id}-2", date(2026, 12, 26)),
    )
    assert view.credit_fen == 0 and view.interest_unpaid_fen == 400 * YUAN
    assert view.apply_credit_refusal is not None and view.refund_refusal is not None
    # an ordinary repayment keeps its own parts
    paid = next(r for r in view.ledger if r.entry.kind == EntryKind.REPAYMENT)
    assert paid.parts == paid.entry.parts


def test_apply_credit_repays_early_and_is_audited(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _with_credit(ctx, people, 500, 50_000)
    fin = people["liu.fin"]
    view = loans.loan_view(ctx, fin, case_id)
    assert view.credit_fen == 500 * YUAN and view.apply_credit_refusal is None
    assert view.refund_fen == 0
    assert "not more than what is owed" in str(view.refund_refusal.template)
    preview = loans.preview_credit(ctx, fin, case_id)
    assert preview.principal_fen == 500 * YUAN and preview.credit_applied_fen == 500 * YUAN
    allocation = loans.apply_credit(ctx, fin, case_id, lb.loan_version(ctx, case_id))
    assert allocation.parts == preview.parts
    view = loans.loan_view(ctx, fin, case_id)
    assert view.principal_fen == 49_500 * YUAN and view.credit_fen == 0
    last = view.ledger[-1]
    assert last.entry.kind == EntryKind.REPAYMENT and last.entry.amount_fen == 0
    assert last.parts == (
        AllocationPart(Bucket.PRINCIPAL, 500 * YUAN, f"{case_id}-2", date(2027, 2, 26)),
    )
    [(entity, before, after)] = _audits(ctx, "apply_credit")
    assert entity == case_id and '"credit_fen": 50000' in before
    assert '"principal_fen": 50000' in after and '"credit_fen": 0' in after
    assert ledger_problems(ctx) == []
    with pytest.raises(RuleError, match="No credit is held"):
        loans.apply_credit(ctx, fin, case_id, lb.loan_version(ctx, case_id))


def test_credit_actions_are_refused_whole(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _with_credit(ctx, people, 500, 50_000)
    version = lb.loan_version(ctx, case_id)
    before = _tables(ctx)
    with pytest.raises(RuleError, match="Only finance"):
        loans.apply_credit(ctx, people["wang.sup"], case_id, version)
    with pytest.raises(RuleError, match="Only finance"):
        loans.refund_credit(ctx, people["li.inv"], case_id, version, "asked")
    with pytest.raises(RuleError, match="changed meanwhile"):
        loans.apply_credit(ctx, people["liu.fin"], case_id, version - 1)
    with pytest.raises(RuleError, match="reason"):
        loans.refund_credit(ctx, people["liu.fin"], case_id, version, "  ")
    with pytest.raises(RuleError, match="nothing to refund"):
        loans.refund_credit(ctx, people["liu.fin"], case_id, version, "asked")
    assert _tables(ctx) == before


def test_nothing_owed_the_credit_can_only_be_refunded(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _with_credit(ctx, people, 50, 0)
    fin = people["liu.fin"]
    view = loans.loan_view(ctx, fin, case_id)
    assert view.refund_fen == 50 * YUAN and view.refund_refusal is None
    assert "can only be refunded" in str(view.apply_credit_refusal.template)
    before = _tables(ctx)
    with pytest.raises(RuleError, match="can only be refunded"):
        loans.apply_credit(ctx, fin, case_id, lb.loan_version(ctx, case_id))
    assert _tables(ctx) == before


def test_refund_gives_back_what_exceeds_everything_owed(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _with_credit(ctx, people, 20_000, 10_000)
    fin = people["liu.fin"]
    assert loans.loan_view(ctx, fin, case_id).refund_fen == 10_000 * YUAN
    refund = loans.refund_credit(ctx, fin, case_id, lb.loan_version(ctx, case_id), "customer asked")
    assert refund.kind == EntryKind.REFUND and refund.amount_fen == 10_000 * YUAN
    view = loans.loan_view(ctx, fin, case_id)
    assert view.credit_fen == 10_000 * YUAN and view.principal_fen == 10_000 * YUAN
    assert (
        view.ledger[-1].note == "customer asked" and view.ledger[-1].credit_fen == view.credit_fen
    )
    [(_, before, after)] = _audits(ctx, "refund_credit")
    assert '"credit_fen": 2000000' in before and '"amount_fen": 1000000' in after
    assert ledger_problems(ctx) == []  # check derives the refund row as the service wrote it
    # a refund of the open day can be reversed (entered by mistake): the credit is back
    loans.reverse(ctx, fin, case_id, lb.loan_version(ctx, case_id), refund.seq, "not paid out")
    assert loans.loan_view(ctx, fin, case_id).credit_fen == 20_000 * YUAN
    assert ledger_problems(ctx) == []


def test_a_closed_loan_gives_its_credit_back(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _with_credit(ctx, people, 50, 0)
    clock.advance(days=366)  # 2027-11-27: the limit's period ended the day before
    assert clock.now() == datetime(2027, 11, 27, 10, 0)
    day_end.run_day_end(ctx, people["wang.sup"], date(2027, 11, 26))
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None and row.status == "closed"
    fin = people["liu.fin"]
    view = loans.loan_view(ctx, fin, case_id)
    assert view.credit_fen == 50 * YUAN and view.refund_fen == 50 * YUAN
    assert "closed" in str(view.apply_credit_refusal.template)
    with pytest.raises(RuleError, match="closed"):
        loans.apply_credit(ctx, fin, case_id, row.version)
    refund = loans.refund_credit(ctx, fin, case_id, row.version, "loan closed, credit returned")
    assert refund.amount_fen == 50 * YUAN
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None and row.status == "closed" and row.next_event_on is None
    assert loans.loan_view(ctx, fin, case_id).credit_fen == 0
    derived = derive(
        str(case_id),
        date.fromisoformat(row.opened_on),
        loan_store.draws_of(ctx.store, case_id),
        (line.entry for line in loan_store.ledger_of(ctx.store, case_id)),
    )
    assert isinstance(derived, LoanState) and derived.credit_fen == 0


def test_a_payment_before_the_due_date_leaves_interest_to_fall_due(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = lb.drawn_loan(ctx, clock, people)  # 60,000 from 11-26; today 12-16
    fin = people["liu.fin"]
    view = loans.loan_view(ctx, fin, case_id)
    assert (view.next_due_on, view.next_due_fen) == (date(2026, 12, 26), 1_080 * YUAN)
    lb.close_days(ctx, clock, people, 7)  # today 12-23
    # 1,080.00 paid on 12-23: interest 11-27..12-23 (27 days, 972.00), 108.00 on principal;
    # 12-24..12-26 accrue on 59,892.00: 3 x 59,892 x 0.06% = 107.8056 -> 107.81 due 12-26
    due = loans.due_after_payment(ctx, fin, case_id, 1_080 * YUAN, date(2026, 12, 23))
    assert due == loans.DueAfterPayment(date(2026, 12, 23), date(2026, 12, 26), 10_781)
    # paying everything leaves nothing to accrue
    assert loans.due_after_payment(ctx, fin, case_id, 60_972 * YUAN) is None


def test_a_payment_on_the_due_date_is_not_early(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = lb.drawn_loan(ctx, clock, people)
    lb.close_days(ctx, clock, people, 10)  # today 12-26, the first due date
    assert loans.due_after_payment(ctx, people["liu.fin"], case_id, 1_080 * YUAN) is None
