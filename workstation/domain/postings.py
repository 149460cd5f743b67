"""What a loan's ledger receives, and what it would owe (R5, R7, R9-R11, R30).

Each action returns the new ledger rows and the state they lead to (``Posted``), or a
``Refusal``; the rows go through ``ledger.append``, the same code that rebuilds a state from
the store, so what is written and what is read back agree.

- ``disburse``: a draw within the available limit (R5, R7).
- ``day_end``: accrue through a date; post interest and penalty on each posting date
  (instalment due dates, then monthly on the draw's day after maturity), and settle from
  the credit held whatever falls due (credit rows, R11). Idempotent.
- ``repay`` / ``allocate``: post what has accrued to the day, then settle penalty, interest,
  principal, oldest due first (R11); early repayment has no fee (R7); the excess is held as
  a credit. A payment that with the credit held settles everything draws on the credit
  first (the trial's figure is owed less credit). ``allocate`` is the preview: every fen's
  destination, nothing changed.
- ``settle_from_credit``: the customer asks the credit held to repay early (R7).
- ``refund``: give back the credit held beyond everything owed (all of it once nothing is).
- ``reverse``: undo an entry of the open day (a credit row is never undone).
- ``payoff``: the trial calculation (还款试算) for a date, net of the credit, nothing changed.
- ``days_past_due`` and ``overdue_class`` (R30).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from workstation.domain.ledger import (
    AllocationPart,
    Bucket,
    DrawState,
    DrawTerms,
    Entry,
    EntryKind,
    LoanState,
    Posted,
    Refusal,
    Refused,
    accrue,
    append,
    back_dated,
    refuse,
    yuan,
)
from workstation.domain.limits import LONGEST_TERM_MONTHS
from workstation.domain.messages import QT_TRANSLATE_NOOP
from workstation.domain.schedule import add_months, interest_fen


class OverdueClass(StrEnum):
    """R30 *default* classes of days past due."""

    M1 = "M1"  # 1-30 days
    M2 = "M2"  # 31-60
    M3 = "M3"  # 61-90
    M3_PLUS = "M3+"  # over 90: default, non-performing


OVERDUE_CLASS_BOUNDS: tuple[tuple[int, OverdueClass], ...] = (
    (30, OverdueClass.M1),
    (60, OverdueClass.M2),
    (90, OverdueClass.M3),
)


@dataclass(frozen=True)
class Allocation:
    """Where every fen of a payment of ``amount_fen`` on ``on`` would go (R11).

    ``postings`` are the rows written first (the day-end's due postings, the credit rows
    settling them from the credit held, and what had accrued to the day); ``parts`` sum
    exactly to ``amount_fen`` plus ``credit_applied_fen``.
    """

    on: date
    amount_fen: int
    parts: tuple[AllocationPart, ...]
    postings: tuple[Entry, ...]

    def _sum(self, bucket: Bucket) -> int:
        return sum(p.amount_fen for p in self.parts if p.bucket == bucket)

    @property
    def penalty_fen(self) -> int:
        return self._sum(Bucket.PENALTY)

    @property
    def interest_fen(self) -> int:
        return self._sum(Bucket.INTEREST)

    @property
    def principal_fen(self) -> int:
        return self._sum(Bucket.PRINCIPAL)

    @property
    def excess_fen(self) -> int:
        """More than was owed: held as a credit (or refused by the service)."""
        return self._sum(Bucket.CREDIT)

    @property
    def credit_applied_fen(self) -> int:
        """The credit held that this payment drew on (it settled everything with it)."""
        return sum(p.amount_fen for p in self.parts) - self.amount_fen


@dataclass(frozen=True)
class Payoff:
    """What repaying everything on ``on`` takes (还款试算): interest and penalty to the day,
    net of the credit held (money the customer has already paid)."""

    on: date
    principal_fen: int
    interest_fen: int
    penalty_fen: int
    credit_fen: int  # held from earlier overpayments, after settling what fell due by ``on``
    refund_fen: int = 0  # the credit beyond everything owed: to give back to the customer

    @property
    def owed_fen(self) -> int:
        """Everything owed on ``on``, before the credit."""
        return self.principal_fen + self.interest_fen + self.penalty_fen

    @property
    def total_fen(self) -> int:
        """What to pay on ``on`` to settle everything: owed less the credit, not below 0
        (paying it settles the loan: the repayment draws on the credit)."""
        return max(self.owed_fen - self.credit_fen, 0)


_T_NOT_POSITIVE = QT_TRANSLATE_NOOP("messages", "The amount must be more than zero")
_T_ABOVE_LIMIT = QT_TRANSLATE_NOOP(
    "messages", "A draw of {amount} is more than the limit still available ({available})"
)
_T_BAD_TERM = QT_TRANSLATE_NOOP("messages", "The term must be 1 to {longest} months, not {term}")
_T_BAD_RATE = QT_TRANSLATE_NOOP("messages", "The daily rate must be more than zero")
_T_DRAW_EXISTS = QT_TRANSLATE_NOOP("messages", "Draw {draw} is already on the ledger")
_T_NOT_FOUND = QT_TRANSLATE_NOOP("messages", "Entry {seq} is not on this loan's ledger")
_T_ALREADY = QT_TRANSLATE_NOOP("messages", "Entry {seq} has already been reversed")
_T_REVERSAL = QT_TRANSLATE_NOOP("messages", "A reversal cannot itself be reversed")
_T_CLOSED_DAY = QT_TRANSLATE_NOOP(
    "messages",
    "Entry {seq} is from {on}, before the last day-end: post a correcting entry instead",
)
_T_NO_REFUND = QT_TRANSLATE_NOOP(
    "messages",
    "No credit beyond what is owed ({owed}) to give back: the credit held is {credit}.",
)
_T_DEPENDS = QT_TRANSLATE_NOOP(
    "messages", "Later entries rest on entry {seq}: reverse them first, newest first"
)


def overdue_class(days: int) -> OverdueClass | None:
    """The R30 class of ``days`` past due; None when not overdue."""
    if days <= 0:
        return None
    for bound, label in OVERDUE_CLASS_BOUNDS:
        if days <= bound:
            return label
    return OverdueClass.M3_PLUS


def days_past_due(state: LoanState, on: date) -> int:
    """Days since the oldest amount still unpaid fell due (0 if nothing is late on ``on``).

    Counts principal instalments and posted interest and penalty; interest a day-end has not
    posted yet is not late yet.
    """
    oldest: date | None = None
    for draw in state.draws:
        candidates = [d.due_on for d in (*draw.penalty_due, *draw.interest_due)]
        remaining = draw.principal_remaining()
        if remaining:
            candidates.append(remaining[0][0])
        for due_on in candidates:
            if oldest is None or due_on < oldest:
                oldest = due_on
    return max((on - oldest).days, 0) if oldest is not None else 0


def available_fen(state: LoanState, limit_fen: int) -> int:
    """What may still be drawn within ``limit_fen`` (R7: repaid principal can be drawn again)."""
    return max(limit_fen - state.principal_fen, 0)


# --- posting dates ----------------------------------------------------------------------------


def posting_on_or_after(terms: DrawTerms, day: int) -> int:
    """The first posting date (ordinal) of a draw on or after ``day``: an instalment's due
    date, or after maturity the same day of each following month."""
    dues = terms.due_ordinals
    index = bisect_left(dues, day)
    if index < len(dues):
        return dues[index]
    wanted, drawn = date.fromordinal(day), terms.drawn_on
    months = max(
        terms.term_months + 1, (wanted.year - drawn.year) * 12 + wanted.month - drawn.month
    )
    while (found := add_months(drawn, months).toordinal()) < day:
        months += 1
    return found


def _postable(draw: DrawState) -> tuple[int, int]:
    terms = draw.terms
    return (
        interest_fen(draw.interest_day_sum, terms.daily_rate),
        interest_fen(draw.penalty_day_sum, terms.penalty_daily_rate),
    )


def _post(
    state: LoanState, draw: DrawState, on: date, due_on: date
) -> tuple[LoanState, list[Entry]]:
    """Post ``draw``'s accrued interest and penalty, payable on ``due_on``."""
    interest, penalty = _postable(draw)
    entries: list[Entry] = []
    for kind, amount, day_sum in (
        (EntryKind.PENALTY_POSTING, penalty, draw.penalty_day_sum),
        (EntryKind.INTEREST_POSTING, interest, draw.interest_day_sum),
    ):
        if amount > 0:
            entry = Entry(
                state.loan_id, state.next_seq, kind, on, amount,
                draw_id=draw.draw_id, day_sum=day_sum, due_on=due_on,
            )  # fmt: skip
            state = append(state, entry)
            entries.append(entry)
    return state, entries


def _is_live(draw: DrawState) -> bool:
    return draw.principal_fen > 0 or _postable(draw) != (0, 0)


def _owed_items(
    state: LoanState, due_by: date | None = None
) -> list[tuple[int, date, int, Bucket, str, int]]:
    """What is owed in R11's order: penalty, then interest, then principal; within each the
    oldest due first, then the draw made first. Only what falls due by ``due_by`` if given."""
    owed: list[tuple[int, date, int, Bucket, str, int]] = []
    for index, draw in enumerate(state.draws):
        for due in draw.penalty_due:
            owed.append((0, due.due_on, index, Bucket.PENALTY, draw.draw_id, due.amount_fen))
        for due in draw.interest_due:
            owed.append((1, due.due_on, index, Bucket.INTEREST, draw.draw_id, due.amount_fen))
        for due_on, left in draw.principal_remaining():
            owed.append((2, due_on, index, Bucket.PRINCIPAL, draw.draw_id, left))
    if due_by is not None:
        owed = [item for item in owed if item[1] <= due_by]
    owed.sort(key=lambda item: item[:3])
    return owed


def _owed_fen(state: LoanState) -> int:
    return state.principal_fen + state.interest_unpaid_fen + state.penalty_unpaid_fen


def _apply_credit(state: LoanState, on: date) -> tuple[LoanState, list[Entry]]:
    """Settle from the credit held whatever has fallen due by ``on``, in R11's order: one
    credit row per draw and due date in turn (consecutive parts of one draw and date share a
    row). Nothing not yet due is paid (R7); nothing when no credit is held."""
    if state.credit_fen == 0:
        return state, []
    rows: list[tuple[str, date, int]] = []
    left = state.credit_fen
    for _, due_on, _, _, draw_id, fen in _owed_items(state, due_by=on):
        if left == 0:
            break
        paid = min(fen, left)
        left -= paid
        if rows and rows[-1][:2] == (draw_id, due_on):
            rows[-1] = (draw_id, due_on, rows[-1][2] + paid)
        else:
            rows.append((draw_id, due_on, paid))
    entries: list[Entry] = []
    for draw_id, due_on, fen in rows:
        entry = Entry(
            state.loan_id, state.next_seq, EntryKind.REPAYMENT, on, fen,
            draw_id=draw_id, due_on=due_on,
        )  # fmt: skip
        state = append(state, entry)
        entries.append(entry)
    return state, entries


def day_end(state: LoanState, through: date) -> Posted:
    """Accrue through ``through``, posting interest and penalty on every posting date on the
    way (each posting its own day-sum, rounded half-up), and settling from the credit held
    whatever falls due there (every instalment's due date is a posting date). Running it
    again changes nothing."""
    state, entries = _apply_credit(state, state.accrued_through)  # none due unsettled, as a rule
    end = through.toordinal()
    while state.accrued_through < through:
        start = state.accrued_through.toordinal() + 1
        dates = {d.draw_id: posting_on_or_after(d.terms, start) for d in state.draws if _is_live(d)}
        next_posting = min(dates.values(), default=end + 1)
        if next_posting > end:
            state = accrue(state, through)
            break
        on = date.fromordinal(next_posting)
        state = accrue(state, on)
        for draw in state.draws:
            if dates.get(draw.draw_id) == next_posting:
                state, posted = _post(state, state.draw(draw.draw_id) or draw, on, on)
                entries.extend(posted)
        state, applied = _apply_credit(state, on)
        entries.extend(applied)
    return Posted(state, tuple(entries))


def _settle_to_date(state: LoanState, on: date) -> tuple[LoanState, list[Entry]]:
    """The day-end through ``on``, then everything accrued posted, payable on each draw's
    next posting date (R8: rounded now, as it is about to be paid)."""
    posted = day_end(state, on)
    state, entries = posted.state, list(posted.entries)
    for draw in state.draws:
        due_on = date.fromordinal(posting_on_or_after(draw.terms, on.toordinal()))
        state, more = _post(state, draw, on, due_on)
        entries.extend(more)
    return state, entries


# --- actions ----------------------------------------------------------------------------------


def disburse(state: LoanState, terms: DrawTerms, limit_fen: int) -> Posted | Refusal:
    """Lend ``terms.amount_fen`` on ``terms.drawn_on`` within ``limit_fen`` (R5, R7)."""
    try:
        if terms.amount_fen <= 0:
            raise refuse("amount_not_positive", _T_NOT_POSITIVE)
        if not 1 <= terms.term_months <= LONGEST_TERM_MONTHS:
            raise refuse(
                "bad_term", _T_BAD_TERM, longest=LONGEST_TERM_MONTHS, term=terms.term_months
            )
        if terms.daily_rate <= 0:
            raise refuse("bad_rate", _T_BAD_RATE)
        if terms.drawn_on < state.accrued_through:
            raise back_dated(state, terms.drawn_on)
        if state.draw(terms.draw_id) is not None:
            raise refuse("draw_exists", _T_DRAW_EXISTS, draw=terms.draw_id)
        available = available_fen(state, limit_fen)
        if terms.amount_fen > available:
            raise refuse(
                "above_limit", _T_ABOVE_LIMIT,
                amount=yuan(terms.amount_fen), available=yuan(available),
            )  # fmt: skip
        posted = day_end(state, terms.drawn_on)
        entry = Entry(
            state.loan_id, posted.state.next_seq, EntryKind.DRAW, terms.drawn_on,
            terms.amount_fen, draw_id=terms.draw_id,
        )  # fmt: skip
        return Posted(append(posted.state, entry, terms), (*posted.entries, entry))
    except Refused as refused:
        return refused.refusal


def _allocation_parts(state: LoanState, amount_fen: int) -> tuple[AllocationPart, ...]:
    """Penalty, then interest, then principal; within each the oldest due first (R11), then
    the draw made first; the rest to the credit balance."""
    parts: list[AllocationPart] = []
    left = amount_fen
    for _, due_on, _, bucket, draw_id, fen in _owed_items(state):
        if left == 0:
            break
        paid = min(fen, left)
        parts.append(AllocationPart(bucket, paid, draw_id, due_on))
        left -= paid
    if left:
        parts.append(AllocationPart(Bucket.CREDIT, left))
    return tuple(parts)


def repay(state: LoanState, amount_fen: int, on: date) -> Posted | Refusal:
    """Receive ``amount_fen`` on ``on``: post what has accrued, then allocate every fen (R11).

    Early repayment has no fee (R7); a payment larger than what is owed leaves the excess as
    a credit (the service may refuse it instead, by looking at ``allocate`` first). When the
    payment and the credit held together settle everything, the credit is drawn on first
    (the customer is paying off: ``payoff``'s figure is owed less credit) and only the money
    beyond what is owed is excess; otherwise the credit stays held, for what falls due.
    """
    if amount_fen <= 0:
        return refuse("amount_not_positive", _T_NOT_POSITIVE).refusal
    if on < state.accrued_through:
        return back_dated(state, on).refusal
    state, entries = _settle_to_date(state, on)
    owed = _owed_fen(state)
    drawn = min(state.credit_fen, owed) if amount_fen + state.credit_fen >= owed else 0
    entry = Entry(
        state.loan_id, state.next_seq, EntryKind.REPAYMENT, on, amount_fen,
        parts=_allocation_parts(state, amount_fen + drawn),
    )  # fmt: skip
    return Posted(append(state, entry), (*entries, entry))


def settle_from_credit(state: LoanState, on: date) -> Posted | Refusal:
    """The customer asks the credit held to repay early on ``on`` (R7: the customer's
    choice): post what has accrued, then the credit pays penalty, interest and principal,
    oldest due first (R11), as far as it goes. A repayment row of no money received whose
    parts are all drawn from the credit; with no credit left or nothing owed, only the
    day-end through ``on`` (which settles from the credit what falls due by then)."""
    if on < state.accrued_through:
        return back_dated(state, on).refusal
    settled, entries = _settle_to_date(state, on)
    drawn = min(settled.credit_fen, _owed_fen(settled))
    if drawn == 0:
        return day_end(state, on)
    entry = Entry(
        settled.loan_id, settled.next_seq, EntryKind.REPAYMENT, on, 0,
        parts=_allocation_parts(settled, drawn),
    )  # fmt: skip
    return Posted(append(settled, entry), (*entries, entry))


def refund(state: LoanState, on: date) -> Posted | Refusal:
    """Give back to the customer on ``on`` the credit held beyond everything owed then
    (``payoff(state, on).refund_fen``: all of it when nothing is owed): the day-end through
    ``on`` (which settles from the credit what falls due by then), then a refund row. What
    is owed is left covered by the credit that stays held."""
    if on < state.accrued_through:
        return back_dated(state, on).refusal
    posted = day_end(state, on)
    settled, _ = _settle_to_date(posted.state, on)
    owed = _owed_fen(settled)
    amount = settled.credit_fen - owed
    if amount <= 0:
        return refuse(
            "no_refund", _T_NO_REFUND, owed=yuan(owed), credit=yuan(settled.credit_fen)
        ).refusal
    entry = Entry(state.loan_id, posted.state.next_seq, EntryKind.REFUND, on, amount)
    return Posted(append(posted.state, entry), (*posted.entries, entry))


def allocate(state: LoanState, amount_fen: int, on: date) -> Allocation | Refusal:
    """The preview of ``repay``: where every fen would go, the state unchanged."""
    result = repay(state, amount_fen, on)
    if isinstance(result, Refusal):
        return result
    *postings, payment = result.entries
    return Allocation(on, amount_fen, payment.parts, tuple(postings))


def payoff(state: LoanState, on: date) -> Payoff | Refusal:
    """What repaying everything on ``on`` takes (还款试算), net of the credit held, the state
    unchanged; a credit beyond everything owed is ``refund_fen``."""
    if on < state.accrued_through:
        return back_dated(state, on).refusal
    settled, _ = _settle_to_date(state, on)
    return Payoff(
        on=on,
        principal_fen=settled.principal_fen,
        interest_fen=settled.interest_unpaid_fen,
        penalty_fen=settled.penalty_unpaid_fen,
        credit_fen=settled.credit_fen,
        refund_fen=max(settled.credit_fen - _owed_fen(settled), 0),
    )


def reverse(state: LoanState, original: Entry, on: date) -> Posted | Refusal:
    """Undo ``original`` by a reversal row dated ``on``. Only an entry of the open day (on or
    after the last day-end) can be undone, and only when no later entry rests on it."""
    seq = original.seq
    if original.loan_id != state.loan_id or not 0 < seq < state.next_seq:
        return refuse("no_such_entry", _T_NOT_FOUND, seq=seq).refusal
    if original.kind == EntryKind.REVERSAL:
        return refuse("reversal_of_reversal", _T_REVERSAL).refusal
    if original.applies_credit:  # the credit settled what fell due: for good, like a close
        return refuse("credit_applied", _T_CLOSED_DAY, seq=seq, on=original.on.isoformat()).refusal
    if seq in state.reversed_seqs:
        return refuse("already_reversed", _T_ALREADY, seq=seq).refusal
    if original.on < state.accrued_through:
        return refuse("closed_day", _T_CLOSED_DAY, seq=seq, on=original.on.isoformat()).refusal
    if on < state.accrued_through:
        return back_dated(state, on).refusal
    entry = Entry(
        state.loan_id, state.next_seq, EntryKind.REVERSAL, on, original.amount_fen,
        draw_id=original.draw_id, day_sum=original.day_sum, due_on=original.due_on,
        parts=original.parts, reverses=seq, reversed_kind=original.kind,
    )  # fmt: skip
    try:
        return Posted(append(state, entry), (entry,))
    except Refused:
        return refuse("later_entries_depend", _T_DEPENDS, seq=seq).refusal


# --- what the day-end must look at next -------------------------------------------------------


def due_by(state: LoanState, day: date) -> int:
    """What the customer pays to settle everything due by ``day``: principal falling due by
    then (arrears included), interest and penalty posted and unpaid, and what will have
    accrued by then (a payment posts it first and R11 takes it before principal) — less the
    credit held, which the close applies to it first (R11)."""
    accrued = accrue(state, max(day, state.accrued_through))
    total = 0
    for draw in accrued.draws:
        total += sum(left for due_on, left in draw.principal_remaining() if due_on <= day)
        total += sum(d.amount_fen for d in (*draw.interest_due, *draw.penalty_due))
        total += interest_fen(draw.interest_day_sum, draw.terms.daily_rate)
        total += interest_fen(draw.penalty_day_sum, draw.terms.penalty_daily_rate)
    return max(0, total - state.credit_fen)


def owes_nothing(state: LoanState) -> bool:
    """No principal, no posted interest or penalty unpaid, nothing accrued unposted."""
    return all(
        d.principal_fen == 0 and not d.interest_due and not d.penalty_due and not _is_live(d)
        for d in state.draws
    )


def next_event(state: LoanState, available_until: date) -> date:
    """The next date a day-end has anything to do for this loan: the first posting date
    after ``accrued_through`` of a draw with principal or accrued interest; when nothing is
    owed, the end of the limit's period (the loan closes then). Between two events the
    loan only accrues, which needs no row and no visit (its state is accrued on reading)."""
    tomorrow = state.accrued_through + timedelta(days=1)
    if state.credit_fen > 0 and days_past_due(state, tomorrow) > 0:
        return tomorrow  # credit beside something due (a reversal, older books): apply it
    start = tomorrow.toordinal()
    dates = [posting_on_or_after(d.terms, start) for d in state.draws if _is_live(d)]
    if dates:
        return date.fromordinal(min(dates))
    if owes_nothing(state):
        return max(available_until, state.accrued_through + timedelta(days=1))
    # posted interest or penalty still owed with nothing accruing: look again every night
    # (it goes overdue, and must never drop out of the day-end's sight)
    return state.accrued_through + timedelta(days=1)


def overdue_since(state: LoanState, closed_through: date) -> date | None:
    """The due date of the oldest amount still unpaid at the close of ``closed_through``
    (the loan is overdue from the next day, R30), or None when nothing due is unpaid."""
    days = days_past_due(state, closed_through + timedelta(days=1))
    return None if days == 0 else closed_through + timedelta(days=1) - timedelta(days=days)
