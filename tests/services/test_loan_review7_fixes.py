"""Found in review of the credit work: the early-payment figure counts everything that then
falls due; the next-due figure nets the credit; credit held beside amounts due (older books,
a reversal) is applied at the next close."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ui import loan_book as lb
from workstation.domain import postings
from workstation.services import loans
from workstation.services.context import Context, FixedClock, Session
from workstation.store import loan_codec, schema
from workstation.store import loans as loan_store

YUAN = 100


def test_the_early_payment_figure_is_what_then_falls_due(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    fin = people["liu.fin"]
    case_id = lb.drawn_loan(ctx, clock, people)  # 60,000.00 on 11-26, interest monthly; 12-16
    due = loans.due_after_payment(ctx, fin, case_id, 100 * YUAN)
    # the payment posts 11-27..12-16: 6,000,000 x 20 x 0.0006 = 72,000 and pays 10,000 of it;
    # 12-17..12-26: 6,000,000 x 10 x 0.0006 = 36,000; due on 12-26: 62,000 + 36,000
    assert due == loans.DueAfterPayment(date(2026, 12, 16), date(2026, 12, 26), 98_000)
    loans.repay(ctx, fin, case_id, lb.loan_version(ctx, case_id), 100 * YUAN)
    lb.close_days(ctx, clock, people, 11)  # through 12-26
    assert loans.loan_view(ctx, fin, case_id).interest_unpaid_fen == 98_000


def test_the_next_due_figure_nets_the_credit(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    fin = people["liu.fin"]
    case_id = lb.approved(ctx, people)
    lb.draw(ctx, people, case_id, 10_000 * YUAN, 1)
    loans.repay(ctx, fin, case_id, lb.loan_version(ctx, case_id), 10_500 * YUAN, hold_excess=True)
    lb.draw(ctx, people, case_id, 50_000 * YUAN, 3)
    view = loans.loan_view(ctx, fin, case_id)
    # 5,000,000 x 30 x 0.0006 = 90,000 due 12-26; the 50,000 credit settles part of it
    assert (view.credit_fen, view.next_due_fen) == (50_000, 40_000)


def test_credit_beside_amounts_due_is_applied_at_the_next_close(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = lb.drawn_loan(ctx, clock, people)
    lb.close_days(ctx, clock, people, 11)  # through 12-26: 108,000 interest posted, unpaid
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None
    state = loan_codec.decode_state(row.state)
    assert state.interest_unpaid_fen == 108_000
    # as older books could hold it: credit beside the unpaid interest, and no visit planned
    held = postings.LoanState(
        loan_id=state.loan_id, accrued_through=state.accrued_through, draws=state.draws,
        credit_fen=30_000, next_seq=state.next_seq, reversed_seqs=state.reversed_seqs,
    )  # fmt: skip
    assert postings.next_event(held, date(2027, 11, 26)) == date(2026, 12, 27)
    posted = postings.day_end(held, date(2026, 12, 27))  # the next close applies it (R11)
    assert (posted.state.credit_fen, posted.state.interest_unpaid_fen) == (0, 78_000)
    assert [e.amount_fen for e in posted.entries if e.applies_credit] == [30_000]
    # migration 9 puts every active loan holding credit in the next close's sight
    other = lb.drawn_loan(ctx, clock, people)
    with ctx.store.write():
        ctx.store.conn.execute(
            "UPDATE loans SET state = ? WHERE case_id = ?",
            (loan_codec.encode_state(held), case_id),
        )
        for statement in schema.V9:
            ctx.store.conn.execute(statement)
    due = {r[0]: r[1] for r in ctx.store.conn.execute("SELECT case_id, next_event_on FROM loans")}
    assert due[case_id] == "0001-01-01" and due[other] != "0001-01-01"


def test_once_todays_instalment_is_paid_the_next_one_is_shown(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in the walk-through: '¥0.00, the amount due on' today after paying it."""
    fin = people["liu.fin"]
    case_id = lb.drawn_loan(ctx, clock, people)
    lb.close_days(ctx, clock, people, 10)  # today 12-26, the first due date
    view = loans.loan_view(ctx, fin, case_id)
    assert view.next_due_on == date(2026, 12, 26) and view.next_due_fen == 108_000
    loans.repay(ctx, fin, case_id, lb.loan_version(ctx, case_id), view.next_due_fen)
    after = loans.loan_view(ctx, fin, case_id)
    assert after.next_due_on == date(2027, 1, 26) and after.next_due_fen > 0


def test_settling_by_hand_closes_the_loan(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in the walk-through: a case settled by hand kept an active loan taking money."""
    from workstation.domain.messages import RuleError
    from workstation.domain.stages import Action
    from workstation.services import pipeline

    fin = people["liu.fin"]
    case_id = lb.drawn_loan(ctx, clock, people)
    payoff = loans.trial(ctx, fin, case_id, clock.now().date())
    loans.repay(ctx, fin, case_id, lb.loan_version(ctx, case_id), payoff.total_fen)
    version = ctx.store.conn.execute(
        "SELECT version FROM cases WHERE id = ?", (case_id,)
    ).fetchone()[0]
    pipeline.move_case(ctx, fin, case_id, Action.SETTLE, version)
    assert loans.loan_view(ctx, fin, case_id).status == "closed"
    with pytest.raises(RuleError, match="closed"):
        loans.repay(ctx, fin, case_id, lb.loan_version(ctx, case_id), 100, hold_excess=True)
