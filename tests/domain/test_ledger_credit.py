"""Credit held from an overpayment settles what falls due (R11), by hand-worked figures.

¥100.00 held, then ¥5,000 drawn on 12 Jan 2027 at 0.06% a day: 31 days to 12 Feb earn
500,000 × 31 × 0.0006 = 9,300 fen, posted on the due date and settled from the credit at once
(credit left 700 fen, nothing overdue).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workstation.domain.ledger import (
    AllocationPart,
    Bucket,
    DrawTerms,
    EntryKind,
    LoanState,
    Posted,
    Refusal,
    allocation_of,
    derive,
    new_loan,
)
from workstation.domain.postings import (
    day_end,
    days_past_due,
    disburse,
    payoff,
    repay,
    reverse,
    settle_from_credit,
)
from workstation.domain.schedule import Plan
from workstation.store import loan_codec

RATE = Decimal("0.0006")
OPEN = date(2027, 1, 12)
DUE = date(2027, 2, 12)


def _posted(result: Posted | Refusal) -> Posted:
    assert isinstance(result, Posted), result
    return result


def _with_credit_and_draw(term: int) -> tuple[LoanState, list, DrawTerms]:
    state = new_loan("L", OPEN)
    held = _posted(repay(state, 10_000, OPEN))  # nothing owed: all ¥100.00 held
    assert held.state.credit_fen == 10_000
    terms = DrawTerms("D1", OPEN, 500_000, RATE, term, Plan.INTEREST_MONTHLY)
    drawn = _posted(disburse(held.state, terms, 10_000_000))
    return drawn.state, [*held.entries, *drawn.entries], terms


def test_credit_settles_the_interest_posted_on_the_due_date() -> None:
    state, entries, terms = _with_credit_and_draw(12)
    closed = _posted(day_end(state, date(2027, 2, 14)))
    posting, applied = closed.entries
    assert (posting.kind, posting.on, posting.amount_fen) == (
        EntryKind.INTEREST_POSTING,
        DUE,
        9_300,
    )
    assert (applied.kind, applied.on, applied.amount_fen, applied.draw_id, applied.due_on) == (
        EntryKind.REPAYMENT,
        DUE,
        9_300,
        "D1",
        DUE,
    )
    assert applied.applies_credit and applied.credit_used_fen == 9_300
    after = closed.state
    assert (after.credit_fen, after.interest_unpaid_fen, after.principal_fen) == (700, 0, 500_000)
    assert days_past_due(after, date(2027, 2, 14)) == 0
    assert after.penalty_day_sum == 0
    # traceable: the row stands for 9,300 of interest due 12 Feb, and the ledger rebuilds it
    before = derive("L", OPEN, [terms], [*entries, posting], through=DUE)
    assert isinstance(before, LoanState)
    assert allocation_of(before, applied) == (AllocationPart(Bucket.INTEREST, 9_300, "D1", DUE),)
    all_rows = [*entries, *closed.entries]
    assert derive("L", OPEN, [terms], all_rows, through=after.accrued_through) == after
    # the store keeps it as a plain row (the night's close writes rows, no parts)
    row = loan_codec.entry_row(1, applied)
    assert loan_codec.entry_from_row("L", row) == applied
    # a credit row is never undone
    refused = reverse(after, applied, after.accrued_through)
    assert isinstance(refused, Refusal) and refused.reason == "credit_applied"


def test_the_trial_nets_the_credit_and_paying_it_settles_everything() -> None:
    state, _, _ = _with_credit_and_draw(12)
    after = _posted(day_end(state, date(2027, 2, 14))).state
    trial = payoff(after, date(2027, 2, 14))
    assert not isinstance(trial, Refusal)
    # 2 days from 12 Feb: 500,000 × 2 × 0.0006 = 600 interest; 700 credit held
    assert (trial.principal_fen, trial.interest_fen, trial.penalty_fen) == (500_000, 600, 0)
    assert (trial.owed_fen, trial.credit_fen, trial.total_fen, trial.refund_fen) == (
        500_600,
        700,
        499_900,
        0,
    )
    paid = _posted(repay(after, 499_900, date(2027, 2, 14)))
    payment = paid.entries[-1]
    assert payment.credit_used_fen == 700
    assert sum(p.amount_fen for p in payment.parts) == 500_600
    assert all(p.bucket != Bucket.CREDIT for p in payment.parts)
    settled = paid.state
    assert (settled.principal_fen, settled.interest_unpaid_fen, settled.credit_fen) == (0, 0, 0)
    # undoing that payment gives the credit back
    undone = _posted(reverse(settled, payment, date(2027, 2, 14))).state
    assert (undone.credit_fen, undone.principal_fen) == (700, 500_000)


def test_a_credit_beyond_what_is_owed_is_shown_as_a_refund() -> None:
    state = new_loan("L", OPEN)
    state = _posted(repay(state, 600_000, OPEN)).state
    terms = DrawTerms("D1", OPEN, 500_000, RATE, 12, Plan.INTEREST_MONTHLY)
    state = _posted(disburse(state, terms, 10_000_000)).state
    state = _posted(day_end(state, date(2027, 2, 14))).state  # 9,300 settled from the credit
    assert state.credit_fen == 590_700
    trial = payoff(state, date(2027, 2, 14))
    assert not isinstance(trial, Refusal)
    assert (trial.owed_fen, trial.total_fen, trial.refund_fen) == (500_600, 0, 90_100)
    used = _posted(settle_from_credit(state, date(2027, 2, 14)))
    assert used.entries[-1].amount_fen == 0 and used.entries[-1].credit_used_fen == 500_600
    assert (used.state.principal_fen, used.state.credit_fen) == (0, 90_100)


def test_credit_pays_only_what_is_due_never_principal_early() -> None:
    state, _, _ = _with_credit_and_draw(12)
    # an early partial repayment is the customer's choice of amount (R7): credit untouched
    early = _posted(repay(state, 100_000, date(2027, 1, 20))).state
    # interest 12-20 Jan posted and paid first: 500,000 × 8 × 0.0006 = 2,400
    assert early.principal_fen == 500_000 - (100_000 - 2_400)
    assert early.credit_fen == 10_000


def test_at_maturity_the_credit_pays_interest_then_principal_and_the_rest_is_overdue() -> None:
    state, _, _ = _with_credit_and_draw(1)  # one month: principal falls due on 12 Feb too
    closed = _posted(day_end(state, DUE))
    applied = [e for e in closed.entries if e.applies_credit]
    assert [e.amount_fen for e in applied] == [10_000]  # one row: interest 9,300, principal 700
    after = closed.state
    assert (after.credit_fen, after.interest_unpaid_fen, after.principal_fen) == (0, 0, 499_300)
    later = _posted(day_end(after, date(2027, 2, 14))).state
    assert days_past_due(later, date(2027, 2, 14)) == 2
    assert later.penalty_day_sum == 2 * 499_300  # penalty only on what the credit left unpaid
