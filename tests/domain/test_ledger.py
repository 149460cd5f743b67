"""The loan ledger worked by hand (R6-R11, R30, R35): each figure computed in a comment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from workstation.domain.ledger import (
    Bucket,
    DrawTerms,
    Entry,
    EntryKind,
    LoanState,
    Posted,
    Refusal,
    accrue,
    annualised,
    derive,
    new_loan,
)
from workstation.domain.postings import (
    Allocation,
    OverdueClass,
    Payoff,
    allocate,
    day_end,
    days_past_due,
    disburse,
    overdue_class,
    payoff,
    repay,
    reverse,
)
from workstation.domain.schedule import Plan

CREDIT = Decimal("0.0006")  # R3: 0.06% a day
ORDER = Decimal("0.0005")  # R4: 0.05% a day
LIMIT = 100_000_000  # CNY 1,000,000
CNY_100K = 10_000_000  # fen


def drawn(
    amount: int,
    on: date,
    rate: Decimal = CREDIT,
    term: int = 12,
    plan: Plan = Plan.INTEREST_MONTHLY,
    loan: str = "L1",
) -> tuple[Posted, DrawTerms]:
    terms = DrawTerms("D1", on, amount, rate, term, plan)
    posted = disburse(new_loan(loan, on), terms, LIMIT)
    assert isinstance(posted, Posted)
    return posted, terms


def ok(result: Posted | Refusal) -> Posted:
    assert isinstance(result, Posted), result
    return result


def test_annualised_rate_comes_from_the_daily_rate_by_365() -> None:
    assert annualised(Decimal("0.0005")) == Decimal("0.1825")  # 18.25% a year (R35)
    assert annualised(CREDIT) == Decimal("0.2190")


def test_credit_loan_of_cny_100000_repaid_after_30_days() -> None:
    # Drawn 5 Jan 2026; first earns on 6 Jan (R6); repaid 4 Feb: days 6 Jan..4 Feb = 30.
    # Interest = 30 x 10,000,000 fen x 0.0006 = 180,000 fen = CNY 1,800.00.
    posted, _ = drawn(CNY_100K, date(2026, 1, 5))
    state = posted.state
    trial = payoff(state, date(2026, 2, 4))
    assert trial == Payoff(date(2026, 2, 4), CNY_100K, 180_000, 0, 0)
    assert trial.total_fen == 10_180_000
    assert state.interest_day_sum == 0  # the trial changed nothing

    paid = ok(repay(state, 10_180_000, date(2026, 2, 4)))
    interest, payment = paid.entries
    assert (interest.kind, interest.amount_fen, interest.day_sum) == (
        EntryKind.INTEREST_POSTING,
        180_000,
        300_000_000,  # 30 days x 10,000,000 fen
    )
    assert [(p.bucket, p.amount_fen) for p in payment.parts] == [
        (Bucket.INTEREST, 180_000),
        (Bucket.PRINCIPAL, CNY_100K),  # early: no fee (R7)
    ]
    after = paid.state
    assert (after.principal_fen, after.interest_unpaid_fen, after.credit_fen) == (0, 0, 0)
    # Nothing more accrues once repaid: a year later it still owes nothing.
    assert payoff(after, date(2027, 2, 4)) == Payoff(date(2027, 2, 4), 0, 0, 0, 0)


def test_order_loan_repaid_on_the_day_of_the_draw_costs_nothing() -> None:
    # R6: drawn and repaid on 10 Mar: no night passes, no interest.
    posted, _ = drawn(3_000_000, date(2026, 3, 10), rate=ORDER, term=1)
    assert payoff(posted.state, date(2026, 3, 10)) == Payoff(date(2026, 3, 10), 3_000_000, 0, 0, 0)
    paid = ok(repay(posted.state, 3_000_000, date(2026, 3, 10)))
    assert [e.kind for e in paid.entries] == [EntryKind.REPAYMENT]
    assert paid.state.principal_fen == 0
    # ... while one night costs 3,000,000 x 0.0005 = 1,500 fen.
    assert payoff(posted.state, date(2026, 3, 11)).interest_fen == 1_500  # type: ignore[union-attr]


def _ten_days_overdue() -> LoanState:
    # CNY 100,000 credit loan drawn 10 Jan 2026 for one month, due 10 Feb 2026.
    # Interest 11 Jan..10 Feb = 31 days x 10,000,000 x 0.0006 = 186,000 fen, posted on
    # 10 Feb and unpaid. From 11 Feb the principal is overdue (R10): 11..20 Feb = 10 days
    # at 1.5 x 0.0006 = 0.0009 instead of 0.0006:
    # penalty = 10 x 10,000,000 x 0.0009 = 90,000 fen; normal interest on it: 0.
    posted, _ = drawn(CNY_100K, date(2026, 1, 10), term=1)
    closed = day_end(posted.state, date(2026, 2, 20))
    (posting,) = closed.entries
    assert (posting.kind, posting.on, posting.amount_fen) == (
        EntryKind.INTEREST_POSTING,
        date(2026, 2, 10),
        186_000,
    )
    return closed.state


def test_loan_ten_days_overdue_pays_penalty_at_one_and_a_half_times() -> None:
    state = _ten_days_overdue()
    assert state.interest_day_sum == 0
    assert state.penalty_day_sum == 100_000_000  # 10 days x 10,000,000 fen
    assert days_past_due(state, date(2026, 2, 20)) == 10
    assert overdue_class(days_past_due(state, date(2026, 2, 20))) == OverdueClass.M1
    trial = payoff(state, date(2026, 2, 20))
    assert trial == Payoff(date(2026, 2, 20), CNY_100K, 186_000, 90_000, 0)
    assert trial.total_fen == 10_276_000  # CNY 102,760.00


def test_part_repayment_covers_penalty_and_interest_then_part_of_principal() -> None:
    # CNY 50,000 on 20 Feb against the loan above: penalty 90,000, interest 186,000,
    # principal 5,000,000 - 90,000 - 186,000 = 4,724,000; left 10,000,000 - 4,724,000 =
    # 5,276,000 fen, overdue, earning penalty only: one more day = 5,276,000 x 0.0009 =
    # 4,748.4 -> 4,748 fen.
    state = _ten_days_overdue()
    preview = allocate(state, 5_000_000, date(2026, 2, 20))
    assert isinstance(preview, Allocation)
    assert (preview.penalty_fen, preview.interest_fen, preview.principal_fen) == (
        90_000,
        186_000,
        4_724_000,
    )
    assert preview.excess_fen == 0
    paid = ok(repay(state, 5_000_000, date(2026, 2, 20)))
    assert paid.entries[-1].parts == preview.parts
    after = paid.state
    assert (after.principal_fen, after.penalty_unpaid_fen, after.interest_unpaid_fen) == (
        5_276_000,
        0,
        0,
    )
    assert payoff(after, date(2026, 2, 21)) == Payoff(date(2026, 2, 21), 5_276_000, 0, 4_748, 0)
    assert days_past_due(after, date(2026, 2, 21)) == 11  # principal due 10 Feb still unpaid


def test_equal_principal_instalment_missed_then_paid_oldest_first() -> None:
    # CNY 120,000 over 12 months, equal principal, drawn 15 Jan 2026. Day-end 15 Feb posts
    # 31 x 12,000,000 x 0.0006 = 223,200 fen; 1,000,000 principal is due that day too.
    # Unpaid, from 16 Feb 1,000,000 earns penalty, 11,000,000 normal interest. On 20 Feb:
    # penalty 5 x 1,000,000 x 0.0009 = 4,500; interest 5 x 11,000,000 x 0.0006 = 33,000.
    posted, _ = drawn(12_000_000, date(2026, 1, 15), plan=Plan.EQUAL_PRINCIPAL)
    state = day_end(posted.state, date(2026, 2, 20)).state
    assert days_past_due(state, date(2026, 2, 20)) == 5
    preview = allocate(state, 1_300_000, date(2026, 2, 20))
    assert isinstance(preview, Allocation)
    # 1,300,000 = 4,500 penalty + 223,200 (due 15 Feb) + 33,000 (accrued, due 15 Mar)
    # + 1,000,000 principal due 15 Feb + 39,300 of the principal due 15 Mar.
    assert [(p.bucket, p.due_on, p.amount_fen) for p in preview.parts] == [
        (Bucket.PENALTY, date(2026, 3, 15), 4_500),
        (Bucket.INTEREST, date(2026, 2, 15), 223_200),
        (Bucket.INTEREST, date(2026, 3, 15), 33_000),
        (Bucket.PRINCIPAL, date(2026, 2, 15), 1_000_000),
        (Bucket.PRINCIPAL, date(2026, 3, 15), 39_300),
    ]
    after = ok(repay(state, 1_300_000, date(2026, 2, 20))).state
    assert days_past_due(after, date(2026, 2, 21)) == 0


def test_overpayment_is_held_as_credit_never_lost() -> None:
    posted, _ = drawn(1_000_000, date(2026, 1, 5))
    # one night: 1,000,000 x 0.0006 = 600 fen; 1,000,600 owed, 1,100,000 paid.
    preview = allocate(posted.state, 1_100_000, date(2026, 1, 6))
    assert isinstance(preview, Allocation)
    assert preview.excess_fen == 99_400
    assert sum(p.amount_fen for p in preview.parts) == 1_100_000
    after = ok(repay(posted.state, 1_100_000, date(2026, 1, 6))).state
    assert (after.principal_fen, after.credit_fen) == (0, 99_400)


@pytest.mark.parametrize("amount", [0, -1, -500_000])
def test_zero_or_negative_repayment_is_refused_and_nothing_changes(amount: int) -> None:
    posted, _ = drawn(1_000_000, date(2026, 1, 5))
    refused = repay(posted.state, amount, date(2026, 1, 9))
    assert isinstance(refused, Refusal)
    assert refused.reason == "amount_not_positive"
    assert str(refused.message) == "The amount must be more than zero"
    assert isinstance(allocate(posted.state, amount, date(2026, 1, 9)), Refusal)


def test_back_dated_posting_before_the_last_day_end_is_refused() -> None:
    posted, terms = drawn(1_000_000, date(2026, 1, 5))
    state = day_end(posted.state, date(2026, 1, 31)).state
    refused = repay(state, 1_000, date(2026, 1, 30))
    assert isinstance(refused, Refusal) and refused.reason == "back_dated"
    assert "2026-01-30" in str(refused.message) and "2026-01-31" in str(refused.message)
    assert isinstance(payoff(state, date(2026, 1, 30)), Refusal)
    late_draw = DrawTerms("D2", date(2026, 1, 20), 1_000, CREDIT, 3, Plan.INTEREST_MONTHLY)
    assert disburse(state, late_draw, LIMIT).reason == "back_dated"  # type: ignore[union-attr]
    assert isinstance(repay(state, 1_000, date(2026, 1, 31)), Posted)  # the open day is fine


def test_draw_above_the_available_limit_is_refused() -> None:
    posted, _ = drawn(60_000_000, date(2026, 1, 5))
    more = DrawTerms("D2", date(2026, 1, 8), 40_000_001, CREDIT, 6, Plan.EQUAL_PRINCIPAL)
    refused = disburse(posted.state, more, LIMIT)
    assert isinstance(refused, Refusal) and refused.reason == "above_limit"
    assert str(refused.message) == (
        "A draw of 400,000.01 is more than the limit still available (400,000.00)"
    )
    exact = DrawTerms("D2", date(2026, 1, 8), 40_000_000, CREDIT, 6, Plan.EQUAL_PRINCIPAL)
    assert isinstance(disburse(posted.state, exact, LIMIT), Posted)
    too_long = DrawTerms("D3", date(2026, 1, 8), 1_000, CREDIT, 13, Plan.EQUAL_PRINCIPAL)
    assert disburse(posted.state, too_long, LIMIT).reason == "bad_term"  # type: ignore[union-attr]


def test_second_draw_earns_from_its_own_next_day() -> None:
    # D1 5,000,000 on 1 Mar; D2 2,000,000 on 11 Mar. Through 21 Mar:
    # D1 20 nights x 5,000,000 = 100,000,000; D2 10 nights x 2,000,000 = 20,000,000 fen-days.
    posted, _ = drawn(5_000_000, date(2026, 3, 1))
    d2 = DrawTerms("D2", date(2026, 3, 11), 2_000_000, CREDIT, 6, Plan.INTEREST_MONTHLY)
    state = ok(disburse(posted.state, d2, LIMIT)).state
    assert accrue(state, date(2026, 3, 21)).interest_day_sum == 120_000_000
    assert payoff(state, date(2026, 3, 21)).interest_fen == 72_000  # type: ignore[union-attr]


def test_the_stored_ledger_rebuilds_the_same_state() -> None:
    posted, terms = drawn(CNY_100K, date(2026, 1, 10), term=1)
    entries = list(posted.entries)
    closed = day_end(posted.state, date(2026, 2, 20))
    entries += closed.entries
    paid = ok(repay(closed.state, 5_000_000, date(2026, 2, 20)))
    entries += paid.entries
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    rebuilt = derive("L1", date(2026, 1, 10), [terms], entries, through=date(2026, 2, 20))
    assert rebuilt == paid.state


def test_a_repayment_of_the_open_day_can_be_reversed() -> None:
    posted, _ = drawn(CNY_100K, date(2026, 1, 5))
    paid = ok(repay(posted.state, 3_000_000, date(2026, 2, 4)))
    payment = paid.entries[-1]
    undone = ok(reverse(paid.state, payment, date(2026, 2, 4)))
    (reversal,) = undone.entries
    assert (reversal.kind, reversal.reverses) == (EntryKind.REVERSAL, payment.seq)
    # the interest posted for the repayment stays posted, and is owed again
    assert (undone.state.principal_fen, undone.state.interest_unpaid_fen) == (CNY_100K, 180_000)
    again = reverse(undone.state, payment, date(2026, 2, 4))
    assert isinstance(again, Refusal) and again.reason == "already_reversed"
    assert reverse(undone.state, reversal, date(2026, 2, 4)).reason == "reversal_of_reversal"  # type: ignore[union-attr]
    later = day_end(paid.state, date(2026, 2, 5)).state
    closed = reverse(later, payment, date(2026, 2, 5))
    assert isinstance(closed, Refusal) and closed.reason == "closed_day"


def test_a_posting_paid_by_a_later_repayment_cannot_be_reversed_first() -> None:
    posted, _ = drawn(CNY_100K, date(2026, 1, 5))
    paid = ok(repay(posted.state, 3_000_000, date(2026, 2, 4)))
    interest = paid.entries[0]
    assert interest.kind == EntryKind.INTEREST_POSTING
    refused = reverse(paid.state, interest, date(2026, 2, 4))
    assert isinstance(refused, Refusal) and refused.reason == "later_entries_depend"


def test_a_draw_reversed_on_its_day_leaves_nothing() -> None:
    posted, _ = drawn(CNY_100K, date(2026, 1, 5))
    (draw,) = posted.entries
    undone = ok(reverse(posted.state, draw, date(2026, 1, 5))).state
    assert undone.draws == () and undone.principal_fen == 0
    assert payoff(undone, date(2026, 6, 1)).total_fen == 0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("days", "label"),
    [(0, None), (-3, None), (1, "M1"), (30, "M1"), (31, "M2"), (60, "M2"), (61, "M3"),
     (90, "M3"), (91, "M3+"), (400, "M3+")],
)  # fmt: skip
def test_overdue_classes(days: int, label: str | None) -> None:
    assert overdue_class(days) == label


def test_a_loan_past_maturity_keeps_posting_monthly_and_falls_to_m3_plus() -> None:
    # 1,000,000 fen for 1 month from 31 Jan 2026: due 28 Feb. Never paid. Day-end through
    # 31 May: postings on 28 Feb (interest), then 31 Mar, 30 Apr, 31 May (penalty).
    posted, _ = drawn(1_000_000, date(2026, 1, 31), term=1)
    closed = day_end(posted.state, date(2026, 5, 31))
    assert [(e.kind, e.on) for e in closed.entries] == [
        (EntryKind.INTEREST_POSTING, date(2026, 2, 28)),
        (EntryKind.PENALTY_POSTING, date(2026, 3, 31)),
        (EntryKind.PENALTY_POSTING, date(2026, 4, 30)),
        (EntryKind.PENALTY_POSTING, date(2026, 5, 31)),
    ]
    # 28 days x 1,000,000 x 0.0006 = 16,800; March: 31 days x 1,000,000 x 0.0009 = 27,900
    assert [e.amount_fen for e in closed.entries][:2] == [16_800, 27_900]
    assert days_past_due(closed.state, date(2026, 5, 31)) == 92  # 28 Feb -> 31 May
    assert overdue_class(92) == OverdueClass.M3_PLUS
    # Running the same day-end again changes nothing and posts nothing.
    assert day_end(closed.state, date(2026, 5, 31)) == Posted(closed.state, ())


def test_entry_rows_are_plain_values_for_the_store() -> None:
    posted, _ = drawn(CNY_100K, date(2026, 1, 5))
    paid = ok(repay(posted.state, 200_000, date(2026, 1, 15)))
    row: Entry = paid.entries[-1]
    assert row.loan_id == "L1" and row.draw_id is None and row.kind == "repayment"
    assert all(isinstance(p.amount_fen, int) for p in row.parts)
    with pytest.raises(AttributeError):
        row.amount_fen = 1  # type: ignore[misc]
