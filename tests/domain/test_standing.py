"""A loan's instalments as they stand (R7-R11), worked by hand (each figure in a comment),
and, ahead, against the posting engine run forward."""

from __future__ import annotations

from datetime import date, timedelta

from tests.domain.test_ledger import LIMIT, drawn, ok
from workstation.domain.ledger import DrawTerms, EntryKind, LoanState
from workstation.domain.postings import day_end, disburse, due_by, repay
from workstation.domain.schedule import Plan
from workstation.domain.standing import Standing, standing_schedules

DRAWN = date(2026, 1, 15)
CNY_120K = 12_000_000  # fen, 12 months equal principal: 1,000,000 a month


def _rows(state: LoanState, closed: date | None, draw: str = "D1") -> tuple:
    return standing_schedules(state, closed)[draw]


def test_a_fresh_draw_stands_as_planned() -> None:
    posted, terms = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    found = _rows(posted.state, DRAWN - timedelta(days=1))
    assert [(s.due_on, s.principal_fen, s.principal_left_fen, s.interest_fen) for s in found] == [
        (i.due_on, i.principal_fen, i.principal_fen, i.interest_fen) for i in terms.instalments
    ]
    assert {s.standing for s in found} == {Standing.DUE}
    assert {s.penalty_fen for s in found} == {0}


def test_principal_repaid_early_settles_the_oldest_instalments_and_lowers_the_interest() -> None:
    # Day-end to 25 Jan, then 2,500,000 paid: the 10 days' interest first, 10 x 12,000,000 x
    # 0.0006 = 72,000; then 2,428,000 principal: instalments 1 and 2 (1,000,000 each) and
    # 428,000 of instalment 3. Outstanding 9,572,000.
    posted, _ = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    state = day_end(posted.state, date(2026, 1, 24)).state
    state = ok(repay(state, 2_500_000, date(2026, 1, 25))).state
    first, second, third, fourth = _rows(state, date(2026, 1, 24))[:4]
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


def test_missed_instalments_are_overdue_with_their_penalty_until_paid() -> None:
    # Closed through 20 Mar, 15 Feb and 15 Mar unpaid. 15 Feb: 223,200 interest (31 x
    # 12,000,000 x 0.0006), 1,000,000 principal. From 16 Feb 1,000,000 earns penalty at
    # 0.0009: 28 days to 15 Mar = 25,200, posted that day. 15 Mar: interest 28 x 11,000,000 x
    # 0.0006 = 184,800, 1,000,000 principal.
    posted, _ = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    state = day_end(posted.state, date(2026, 3, 20)).state
    first, second, third = _rows(state, date(2026, 3, 20))[:3]
    assert (first.principal_left_fen, first.interest_fen, first.penalty_fen) == (
        1_000_000, 223_200, 0,
    )  # fmt: skip
    assert (second.principal_left_fen, second.interest_fen, second.penalty_fen) == (
        1_000_000, 184_800, 25_200,
    )  # fmt: skip
    assert first.standing is Standing.OVERDUE and second.standing is Standing.OVERDUE
    # 15 Apr: the 5 days' penalty (16-20 Mar) already accrued and the rest to the date on
    # 2,000,000 overdue until then: 26 + 5 = 31 days x 2,000,000 x 0.0009 = 55,800; interest
    # 31 x 10,000,000 x 0.0006 = 186,000 (the arrears paid on that date, as projected)
    assert (third.interest_fen, third.penalty_fen, third.standing) == (
        186_000, 55_800, Standing.DUE,
    )  # fmt: skip
    # paid in full what clears everything due to date: both are paid
    cleared = ok(repay(state, due_by(state, date(2026, 3, 20)), date(2026, 3, 20))).state
    first, second = _rows(cleared, date(2026, 3, 20))[:2]
    assert (first.standing, second.standing) == (Standing.PAID, Standing.PAID)


def test_an_instalment_due_today_is_due_not_overdue_after_a_payment_today() -> None:
    # Closed through 14 Feb; on 15 Feb (its due date, not closed yet) 100.00 is paid: the
    # entry accrues the loan to the day, but the instalment is not late until the close.
    posted, _ = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    state = day_end(posted.state, date(2026, 2, 14)).state
    state = ok(repay(state, 10_000, date(2026, 2, 15))).state
    first = _rows(state, date(2026, 2, 14))[0]
    assert first.standing is Standing.DUE
    # 31 days' interest 223,200 posted by the payment, 10,000 of it paid
    assert (first.principal_left_fen, first.interest_fen) == (1_000_000, 213_200)


def _engine_forward(state: LoanState, until: date) -> dict[tuple[str, date], int]:
    """Interest falling due by draw and date, the loan run to ``until`` by the engine, paying
    everything due on each instalment date."""
    dates = sorted({i.due_on for d in state.draws for i in d.terms.instalments})
    found: dict[tuple[str, date], int] = {}
    for day in (d for d in dates if d > state.accrued_through and d <= until):
        state = day_end(state, day).state
        for draw in state.draws:
            if day.toordinal() in draw.terms.due_ordinals:
                found[draw.draw_id, day] = sum(
                    d.amount_fen for d in draw.interest_due if d.due_on == day
                )
        state = ok(repay(state, due_by(state, day), day)).state
    return found


def test_several_draws_stand_as_the_engine_runs_them_forward() -> None:
    """Paying on one draw's date posts the others' interest to that day (R8): the figures
    ahead are the whole loan's, not each draw's alone."""
    posted, _ = drawn(CNY_120K, DRAWN, plan=Plan.EQUAL_PRINCIPAL)
    state = posted.state
    for n, (on, amount, plan) in enumerate(
        [(date(2026, 1, 27), 3_333_333, Plan.INTEREST_MONTHLY),
         (date(2026, 2, 3), 5_000_001, Plan.EQUAL_PRINCIPAL)], start=2,
    ):  # fmt: skip
        state = day_end(state, on).state
        state = ok(disburse(state, DrawTerms(f"D{n}", on, amount, DRAWN_RATE, 6, plan), LIMIT))
        state = state.state
    schedules = standing_schedules(state, date(2026, 2, 2))
    expected = _engine_forward(state, date(2027, 2, 1))
    shown: dict[tuple[str, date], int] = {
        (draw, row.due_on): row.interest_fen
        for draw, rows in schedules.items()
        for row in rows
        if row.due_on > date(2026, 2, 2)
    }
    assert len(expected) == 12 + 6 + 6  # every date of the three draws is ahead
    assert shown == expected


DRAWN_RATE = drawn(1, DRAWN)[1].daily_rate


def test_an_unknown_draw_has_no_schedule() -> None:
    posted, _ = drawn(CNY_120K, DRAWN)
    assert "nope" not in standing_schedules(posted.state, DRAWN)
