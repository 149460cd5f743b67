"""A draw's schedule as it stands (R7, R9, R11), worked by hand: each figure in a comment."""

from __future__ import annotations

from datetime import date

from tests.domain.test_ledger import drawn, ok
from workstation.domain.ledger import EntryKind
from workstation.domain.postings import day_end, repay
from workstation.domain.schedule import Plan
from workstation.domain.standing import Standing, standing_schedule

DRAWN = date(2026, 1, 15)
CNY_120K = 12_000_000  # fen, 12 months equal principal: 1,000,000 a month


def test_a_fresh_draw_stands_as_planned() -> None:
    posted, terms = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    found = standing_schedule(posted.state, "D1")
    assert [(s.due_on, s.principal_fen, s.principal_left_fen, s.interest_fen) for s in found] == [
        (i.due_on, i.principal_fen, i.principal_fen, i.interest_fen) for i in terms.instalments
    ]
    assert {s.standing for s in found} == {Standing.DUE}


def test_principal_repaid_early_settles_the_oldest_instalments_and_lowers_the_interest() -> None:
    # Day-end to 25 Jan, then 2,500,000 paid: the 10 days' interest first, 10 x 12,000,000 x
    # 0.0006 = 72,000; then 2,428,000 principal: instalments 1 and 2 (1,000,000 each) and
    # 428,000 of instalment 3. Outstanding 9,572,000.
    posted, _ = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    state = day_end(posted.state, date(2026, 1, 25)).state
    state = ok(repay(state, 2_500_000, date(2026, 1, 25))).state
    found = standing_schedule(state, "D1")
    first, second, third, fourth = found[:4]
    assert (first.principal_left_fen, first.standing) == (0, Standing.AHEAD)
    assert (second.principal_left_fen, second.standing) == (0, Standing.AHEAD)
    assert (third.principal_left_fen, third.standing) == (572_000, Standing.PART_AHEAD)
    assert (fourth.principal_left_fen, fourth.standing) == (1_000_000, Standing.DUE)
    # 26 Jan - 15 Feb, 21 days x 9,572,000 x 0.0006 = 120,607.2
    assert first.interest_fen == 120_607 and first.to_pay_fen == 120_607
    # 16 Feb - 15 Mar, 28 days on 9,572,000 (nothing fell due 15 Feb): 160,809.6
    assert second.interest_fen == 160_810
    # 16 Mar - 15 Apr, 31 days on 9,572,000: 178,039.2; then 572,000 principal is paid
    assert third.interest_fen == 178_039 and third.to_pay_fen == 750_039
    # 16 Apr - 15 May, 30 days on 9,000,000: 162,000
    assert fourth.interest_fen == 162_000
    # what the close of 15 Feb really posts
    closed = day_end(state, date(2026, 2, 15))
    interest = [e for e in closed.entries if e.kind is EntryKind.INTEREST_POSTING]
    assert [e.amount_fen for e in interest] == [120_607]


def test_a_missed_instalment_is_overdue_until_paid() -> None:
    # Day-end to 20 Feb: 15 Feb's 223,200 interest (31 x 12,000,000 x 0.0006) and 1,000,000
    # principal unpaid. Then paid in full, and the instalment is paid.
    posted, _ = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    state = day_end(posted.state, date(2026, 2, 20)).state
    first = standing_schedule(state, "D1")[0]
    assert (first.principal_left_fen, first.interest_fen) == (1_000_000, 223_200)
    assert first.standing is Standing.OVERDUE
    state = ok(repay(state, 1_300_000, date(2026, 2, 20))).state
    first, second = standing_schedule(state, "D1")[:2]
    assert (first.to_pay_fen, first.standing) == (0, Standing.PAID)
    # 39,300 of 15 Mar's principal was paid with it (see test_ledger): part repaid ahead
    assert (second.principal_left_fen, second.standing) == (960_700, Standing.PART_AHEAD)


def test_an_unknown_draw_has_no_schedule() -> None:
    posted, _ = drawn(CNY_120K, DRAWN)
    assert standing_schedule(posted.state, "nope") == ()
