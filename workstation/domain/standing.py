"""A draw's schedule as it stands on the ledger (R7, R9, R11), not as it was drawn.

The plan fixed at the draw (``schedule.schedule``) stays the contract and the voucher's; the
loan page shows each instalment as the ledger now has it: principal repaid early settles the
oldest instalments first (R11), so an instalment may be repaid before its date; what is still
to pay on it; and its interest — posted and unpaid once its date has been closed, otherwise
what the close of that day will post (R8) if everything due is paid on each date from now on.
The figures ahead are the posting engine's own (``postings.day_end`` and ``postings.repay`` run
on a copy of the draw), so they are exactly what the ledger will post when kept to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from workstation.domain.ledger import EntryKind, LoanState, Refusal
from workstation.domain.postings import day_end, repay


class Standing(StrEnum):
    PAID = "paid"  # its date has passed and nothing is left to pay on it
    OVERDUE = "overdue"  # its date has passed with something unpaid
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
    interest_fen: int  # unpaid (its date closed) or what its date will post (ahead)
    standing: Standing

    @property
    def to_pay_fen(self) -> int:
        return self.principal_left_fen + self.interest_fen


def standing_schedule(state: LoanState, draw_id: str) -> tuple[StandingInstalment, ...]:
    """Draw ``draw_id``'s instalments as they stand in ``state`` (closed through its
    ``accrued_through``; the instalments after it are ahead). Empty for an unknown draw."""
    draw = state.draw(draw_id)
    if draw is None:
        return ()
    left = dict(draw.principal_remaining())
    unpaid = {d.due_on: d.amount_fen for d in draw.interest_due}
    closed = state.accrued_through
    # the draw alone, no credit: what it will post as each date comes, paid to plan
    ahead = LoanState(state.loan_id, closed, (draw,), 0, state.next_seq, state.reversed_seqs)
    out = []
    for planned in draw.terms.instalments:
        due_on, principal = planned.due_on, planned.principal_fen
        principal_left = left.get(due_on, 0)
        if due_on <= closed:
            interest = unpaid.get(due_on, 0)
            standing = Standing.OVERDUE if principal_left or interest else Standing.PAID
        else:
            posted = day_end(ahead, due_on)
            ahead = posted.state
            # posted by then and unpaid (a payment posts what has accrued to its day, payable
            # on the next date), and what that day's close will post
            interest = unpaid.get(due_on, 0) + sum(
                e.amount_fen
                for e in posted.entries
                if e.kind is EntryKind.INTEREST_POSTING and e.due_on == due_on
            )
            ahead = _pay_everything_due(ahead, due_on)
            if principal and principal_left == 0:
                standing = Standing.AHEAD
            elif principal_left < principal:
                standing = Standing.PART_AHEAD
            else:
                standing = Standing.DUE
        out.append(
            StandingInstalment(
                planned.number, due_on, planned.days, principal, principal_left, interest, standing
            )
        )
    return tuple(out)


def _pay_everything_due(state: LoanState, on: date) -> LoanState:
    """``state`` after paying, on ``on``, everything due by then (arrears included)."""
    owed = 0
    for draw in state.draws:
        owed += sum(fen for due_on, fen in draw.principal_remaining() if due_on <= on)
        owed += sum(d.amount_fen for d in (*draw.interest_due, *draw.penalty_due))
    if owed == 0:
        return state
    paid = repay(state, owed, on)
    return state if isinstance(paid, Refusal) else paid.state
