"""A loan's draws, instalment by instalment, as they stand on the ledger (R7-R11), not as drawn.

The plan fixed at the draw (``schedule.schedule``) stays the contract and the voucher's; the
loan page shows each instalment as the ledger now has it: principal repaid early settles the
oldest instalments first (R11), so an instalment may be repaid before its date; what is still
to pay on it; its interest and penalty. For a date the close of day has passed: what was
posted for it and is unpaid. For a date ahead: what will fall due on it if, from now on,
everything due is paid on each date (the amount ``postings.due_by`` names, which is what the
loan page's "next due" shows). The dates ahead are worked by the posting engine itself
(``postings.day_end`` and ``postings.repay`` run on a copy of the whole loan, every draw
together, without the credit held), so they are what the ledger will post when kept to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from workstation.domain.ledger import DrawState, Due, LoanState, Posted
from workstation.domain.postings import day_end, due_by, repay


class Standing(StrEnum):
    PAID = "paid"  # its date has been closed and nothing is left to pay on it
    OVERDUE = "overdue"  # its date has been closed with something unpaid
    DUE = "due"  # falls due today or later, nothing of it repaid ahead
    PART_AHEAD = "part_ahead"  # falls due later; part of its principal repaid ahead
    AHEAD = "ahead"  # falls due later; all of its principal repaid ahead


@dataclass(frozen=True)
class StandingInstalment:
    number: int  # 1-based, as in the plan
    due_on: date
    days: int  # days of interest in its period, as in the plan
    principal_fen: int  # planned principal
    principal_left_fen: int  # of it, still to pay
    interest_fen: int  # posted and unpaid (date closed) or falling due on it (ahead)
    penalty_fen: int  # likewise: penalty on overdue principal (R10) payable on its date
    standing: Standing

    @property
    def to_pay_fen(self) -> int:
        return self.principal_left_fen + self.interest_fen + self.penalty_fen


def standing_schedules(
    state: LoanState, closed_through: date | None
) -> dict[str, tuple[StandingInstalment, ...]]:
    """Every draw's instalments (by draw id) as they stand in ``state``, whose days through
    ``closed_through`` (None: none yet) have been closed; the instalments after are ahead."""
    closed = closed_through or date.min
    ahead_dates = sorted(
        {i.due_on for d in state.draws for i in d.terms.instalments if i.due_on > closed}
    )
    falling = _falling_due(state, ahead_dates)
    return {
        draw.draw_id: tuple(_rows(draw, closed, falling.get(draw.draw_id, {})))
        for draw in state.draws
    }


def _falling_due(state: LoanState, dates: list[date]) -> dict[str, dict[date, tuple[int, int]]]:
    """(interest, penalty) falling due on each of ``dates``, draw by draw, when everything
    due is paid on each date: the engine run forward on a copy of the loan."""
    loan = LoanState(
        state.loan_id, state.accrued_through, state.draws, 0, state.next_seq, state.reversed_seqs
    )
    falling: dict[str, dict[date, tuple[int, int]]] = {d.draw_id: {} for d in state.draws}
    for day in dates:
        loan = day_end(loan, day).state  # nothing when the day's entries have passed it
        for draw in loan.draws:
            interest = sum(d.amount_fen for d in draw.interest_due if d.due_on == day)
            penalty = sum(d.amount_fen for d in draw.penalty_due if d.due_on == day)
            falling[draw.draw_id][day] = (interest, penalty)
        owed = due_by(loan, day)
        if owed:
            paid = repay(loan, owed, day)
            if isinstance(paid, Posted):
                loan = paid.state
    return falling


def _rows(
    draw: DrawState, closed: date, falling: dict[date, tuple[int, int]]
) -> list[StandingInstalment]:
    left = dict(draw.principal_remaining())
    interest_unpaid = _by_date(draw.interest_due)
    penalty_unpaid = _by_date(draw.penalty_due)
    rows = []
    for planned in draw.terms.instalments:
        due_on, principal = planned.due_on, planned.principal_fen
        principal_left = left.get(due_on, 0)
        if due_on <= closed:
            interest, penalty = interest_unpaid.get(due_on, 0), penalty_unpaid.get(due_on, 0)
            owed = principal_left or interest or penalty
            standing = Standing.OVERDUE if owed else Standing.PAID
        else:
            interest, penalty = falling.get(due_on, (0, 0))
            if principal and principal_left == 0:
                standing = Standing.AHEAD
            elif principal_left < principal:
                standing = Standing.PART_AHEAD
            else:
                standing = Standing.DUE
        rows.append(
            StandingInstalment(
                planned.number, due_on, planned.days, principal, principal_left, interest,
                penalty, standing,
            )
        )  # fmt: skip
    return rows


def _by_date(dues: tuple[Due, ...]) -> dict[date, int]:
    out: dict[date, int] = {}
    for due in dues:
        out[due.due_on] = out.get(due.due_on, 0) + due.amount_fen
    return out
