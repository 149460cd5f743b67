"""The loan ledger (R6-R8, R10, R11): entries, and the loan's state derived from them.

Nothing financial is updated in place (DESIGN.md "Data"): a draw, a repayment, an interest
or penalty posting and a reversal are each an ``Entry``, one ledger row, numbered ``seq``
1, 2, 3 … within its loan (the store can key rows on ``(loan_id, seq)``: two writers
appending the same number collide instead of both succeeding). ``LoanState`` is what the
entries add up to, plus the interest earned since the last posting, kept as exact day-sums.

Interest (R6, R8): interest for day ``t`` is earned by the principal outstanding at the close
of day ``t − 1``. ``accrue`` adds ``days × principal`` to the day-sums in one step, split
only where a due date changes how much principal is overdue, so a loan's cost grows with its
events and due dates, never with the days it has lived; nothing is written per day.

Penalty (R10, R32, R36): principal past its due date earns at 1.5 × the contract's daily rate
*instead of* the normal rate, from the day after the due date. It is kept in its own day-sum.

Postings: on each instalment's due date (and monthly after maturity) the day-end posts the
accrued day-sums as interest and penalty, rounded half-up to the fen (``day_end``); a
repayment first posts whatever has accrued to its date (due at the next due date), then pays
penalty, then interest, then principal, oldest due first (R11); what is left over is held as
a credit, never lost.

Credit held (R11): it is money the customer has already paid, so whatever falls due while
it is held (a posting of interest or penalty, a principal instalment reaching its due date)
is settled from it at once, in R11's order, by a *credit row*: a ``repayment`` row naming a
draw and a due date, ``amount_fen`` of the credit applied to that draw's penalty, then
interest, then principal falling due on that date (``Entry.applies_credit``). It carries no
allocation parts, because the night's close stores rows alone: the row's draw, date and
amount say where every fen went, the bucket following from R11 (a row is written only once
every penalty due is paid before any interest, and so on). The credit never pays principal
not yet due by itself (R7: early repayment is the customer's choice); a repayment that with
the credit settles everything draws on it (its parts then sum to the money received plus
the credit drawn, ``Entry.credit_used_fen``).

Credit given back: a ``refund`` row takes ``amount_fen`` off the credit held (money paid
back to the customer); it pays nothing owed.

Every entry the functions here propose is applied by the same ``apply`` that rebuilds a
state from the stored ledger (``derive``), so the two cannot disagree.

The day-end date: ``LoanState.accrued_through``. An entry dated before it is back-dated and
refused; an entry dated on it is fine (it changes the close of that day, which only day
``accrued_through + 1`` earns on). A reversal may undo only an entry of that open day;
an older mistake is put right by a new, correcting entry.

Refusals are data (``Refusal``, with a ``Message`` for the officer); nothing is changed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from workstation.domain.limits import annual_rate
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.domain.schedule import (
    Instalment,
    Plan,
    due_ordinals,
    penalty_rate,
    principal_split,
    schedule,
)


class EntryKind(StrEnum):
    DRAW = "draw"  # 放款
    REPAYMENT = "repayment"  # 还款
    INTEREST_POSTING = "interest_posting"  # 结息
    PENALTY_POSTING = "penalty_posting"  # 罚息
    REVERSAL = "reversal"  # 冲正
    REFUND = "refund"  # 退款: credit held given back to the customer


class Bucket(StrEnum):
    """Where a fen of a repayment goes, in the order R11 fills them."""

    PENALTY = "penalty"
    INTEREST = "interest"
    PRINCIPAL = "principal"
    CREDIT = "credit"  # paid beyond what was owed: held for the customer


_RANK = {Bucket.PENALTY: 0, Bucket.INTEREST: 1, Bucket.PRINCIPAL: 2}


@dataclass(frozen=True)
class AllocationPart:
    """Some fen of a repayment and where they went: a draw's penalty, interest or principal
    falling due on ``due_on``, or the credit balance (no draw, no date)."""

    bucket: Bucket
    amount_fen: int
    draw_id: str | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class Entry:
    """One ledger row.

    - draw: ``amount_fen`` lent on ``draw_id`` (its terms are a ``DrawTerms`` row).
    - interest / penalty posting: ``day_sum`` fen·days of ``draw_id`` turned into
      ``amount_fen`` (half-up), payable on ``due_on``.
    - repayment: ``amount_fen`` received for the loan; ``parts`` say where every fen went
      (across draws, so ``draw_id`` is None), together with any credit it drew on.
    - credit row (a repayment with ``draw_id`` and ``due_on``, no parts): ``amount_fen`` of
      the credit held applied to what that draw has falling due on ``due_on``.
    - refund: ``amount_fen`` of the credit held paid back to the customer (no draw, no
      parts); never more than the credit held.
    - reversal: undoes entry ``reverses`` (of kind ``reversed_kind``); carries a copy of its
      figures so the ledger can be replayed without looking back.
    """

    loan_id: str
    seq: int
    kind: EntryKind
    on: date  # business date
    amount_fen: int
    draw_id: str | None = None
    day_sum: int = 0  # fen·days, postings only
    due_on: date | None = None  # postings only
    parts: tuple[AllocationPart, ...] = ()  # repayments (and their reversals)
    reverses: int | None = None  # reversals: the seq undone
    reversed_kind: EntryKind | None = None

    @property
    def applies_credit(self) -> bool:
        """A credit row: ``amount_fen`` of the credit held applied to what draw ``draw_id``
        has falling due on ``due_on`` (its penalty, then interest, then principal: R11)."""
        return self.kind == EntryKind.REPAYMENT and self.draw_id is not None

    @property
    def credit_used_fen(self) -> int:
        """What this row takes from the credit held: a credit row's amount, or what a
        repayment's parts pay beyond the money received (when with the credit it settled
        everything); 0 for any other row."""
        if self.kind != EntryKind.REPAYMENT:
            return 0
        if self.draw_id is not None:
            return self.amount_fen
        return sum(part.amount_fen for part in self.parts) - self.amount_fen


@dataclass(frozen=True)
class DrawTerms:
    """What the approval fixed for one draw (R25): amount, daily rate, term and plan."""

    draw_id: str
    drawn_on: date
    amount_fen: int
    daily_rate: Decimal  # per day, exact
    term_months: int
    plan: Plan
    due_ordinals: tuple[int, ...] = field(init=False, repr=False, compare=False)
    # cumulative_due[k]: principal falling due in the first k instalments (0 … amount)
    cumulative_due: tuple[int, ...] = field(init=False, repr=False, compare=False)
    penalty_daily_rate: Decimal = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Only what accrual needs is computed here: a day-end restores 100,000 terms from
        # the cache, and the full schedule (interest per instalment) is 5x dearer.
        cumulative = [0]
        for principal in principal_split(self.amount_fen, self.term_months, self.plan):
            cumulative.append(cumulative[-1] + principal)
        dues = due_ordinals(self.drawn_on, self.term_months)
        object.__setattr__(self, "due_ordinals", dues)
        object.__setattr__(self, "cumulative_due", tuple(cumulative))
        object.__setattr__(self, "penalty_daily_rate", penalty_rate(self.daily_rate))

    @cached_property
    def instalments(self) -> tuple[Instalment, ...]:
        """The plan as it falls if kept to (R9), computed on first use."""
        return schedule(
            self.amount_fen, self.drawn_on, self.term_months, self.plan, self.daily_rate
        )

    @property
    def matures_on(self) -> date:
        return date.fromordinal(self.due_ordinals[-1])


@dataclass(frozen=True)
class Due:
    """Posted interest or penalty not yet paid: ``amount_fen`` payable on ``due_on``."""

    due_on: date
    amount_fen: int


@dataclass(frozen=True)
class DrawState:
    """One draw's balances: principal outstanding, unposted day-sums, posted and unpaid."""

    terms: DrawTerms
    principal_fen: int
    interest_day_sum: int = 0  # fen·days at the contract rate, not yet posted
    penalty_day_sum: int = 0  # fen·days of overdue principal, at the penalty rate, unposted
    interest_due: tuple[Due, ...] = ()  # posted, unpaid, oldest first
    penalty_due: tuple[Due, ...] = ()

    @property
    def draw_id(self) -> str:
        return self.terms.draw_id

    @property
    def repaid_fen(self) -> int:
        return self.terms.amount_fen - self.principal_fen

    @property
    def interest_unpaid_fen(self) -> int:
        return sum(d.amount_fen for d in self.interest_due)

    @property
    def penalty_unpaid_fen(self) -> int:
        return sum(d.amount_fen for d in self.penalty_due)

    def principal_remaining(self) -> tuple[tuple[date, int], ...]:
        """(due date, principal still to pay) of each instalment not yet paid in full; a
        repayment of principal settles the oldest instalment first (R11)."""
        terms, repaid = self.terms, self.repaid_fen
        cumulative = terms.cumulative_due
        out = []
        for k, due in enumerate(terms.due_ordinals):
            left = cumulative[k + 1] - max(repaid, cumulative[k])
            if left > 0:
                out.append((date.fromordinal(due), left))
        return tuple(out)


@dataclass(frozen=True)
class LoanState:
    """What a loan's ledger adds up to, accrued through ``accrued_through``."""

    loan_id: str
    accrued_through: date
    draws: tuple[DrawState, ...] = ()
    credit_fen: int = 0  # overpaid, held for the customer
    next_seq: int = 1
    reversed_seqs: frozenset[int] = frozenset()

    @property
    def principal_fen(self) -> int:
        return sum(d.principal_fen for d in self.draws)

    @property
    def interest_day_sum(self) -> int:
        return sum(d.interest_day_sum for d in self.draws)

    @property
    def penalty_day_sum(self) -> int:
        return sum(d.penalty_day_sum for d in self.draws)

    @property
    def interest_unpaid_fen(self) -> int:
        return sum(d.interest_unpaid_fen for d in self.draws)

    @property
    def penalty_unpaid_fen(self) -> int:
        return sum(d.penalty_unpaid_fen for d in self.draws)

    def draw(self, draw_id: str) -> DrawState | None:
        for state in self.draws:
            if state.draw_id == draw_id:
                return state
        return None


@dataclass(frozen=True)
class Refusal:
    """Why the rules refuse an input; ``reason`` is a stable code, ``message`` for people."""

    reason: str
    message: Message


@dataclass(frozen=True)
class Posted:
    """The state after an action and the new ledger rows that lead to it, in order."""

    state: LoanState
    entries: tuple[Entry, ...]


def annualised(daily_rate: Decimal) -> Decimal:
    """The simple annual rate shown before the daily one (R35): daily × 365, exact."""
    return annual_rate(daily_rate)


def yuan(fen: int) -> str:
    """``fen`` as yuan text for a message ("12,345.67"), without a float."""
    sign, fen = ("-", -fen) if fen < 0 else ("", fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


class Refused(Exception):
    """Raised inside the domain's ledger code; the public functions return its refusal."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


def refuse(reason: str, template: str, **params: object) -> Refused:
    return Refused(Refusal(reason, Message.of(template, **params)))


_T_BACK_DATED = QT_TRANSLATE_NOOP(
    "messages",
    "{on} is before {closed}, the day this loan's ledger already runs to: nothing earlier can "
    "be entered",
)  # not "the last day-end": a loan's ledger also runs to its last entry (found in review)
_T_INCONSISTENT = QT_TRANSLATE_NOOP(
    "messages", "Ledger entry {seq} of loan {loan} does not fit the entries before it"
)


def back_dated(state: LoanState, on: date) -> Refused:
    return refuse(
        "back_dated", _T_BACK_DATED, on=on.isoformat(), closed=state.accrued_through.isoformat()
    )


def _inconsistent(state: LoanState, seq: int) -> Refused:
    return refuse("inconsistent_ledger", _T_INCONSISTENT, seq=seq, loan=state.loan_id)


# --- accrual --------------------------------------------------------------------------------


def new_loan(loan_id: str, opened_on: date) -> LoanState:
    """An empty ledger, open from ``opened_on`` (the approval's date)."""
    return LoanState(loan_id=loan_id, accrued_through=opened_on)


def _accrue_draw(draw: DrawState, start: int, end: int) -> DrawState:
    """Earn days ``start + 1 … end`` (ordinals) on ``draw``'s closing principal."""
    principal = draw.principal_fen
    if principal == 0:
        return draw
    terms = draw.terms
    dues, cumulative = terms.due_ordinals, terms.cumulative_due
    repaid = terms.amount_fen - principal
    normal = penalty = 0
    day = start
    index = bisect_right(dues, day)
    while day < end:
        # Through the next due date, principal overdue is what fell due on or before `day`.
        stop = dues[index] if index < len(dues) and dues[index] < end else end
        overdue = cumulative[index] - repaid
        if overdue > 0:
            penalty += (stop - day) * overdue
            normal += (stop - day) * (principal - overdue)
        else:
            normal += (stop - day) * principal
        day = stop
        index += 1
    return DrawState(
        terms,
        principal,
        draw.interest_day_sum + normal,
        draw.penalty_day_sum + penalty,
        draw.interest_due,
        draw.penalty_due,
    )


def accrue(state: LoanState, through: date) -> LoanState:
    """``state`` with interest and penalty earned through ``through`` (R6, R8, R10).

    One step whatever the number of days; accruing to a date already reached changes nothing.
    Posts nothing: postings are ``day_end``'s and ``repay``'s.
    """
    start, end = state.accrued_through.toordinal(), through.toordinal()
    if end <= start:
        return state
    return LoanState(
        state.loan_id,
        through,
        tuple(_accrue_draw(draw, start, end) for draw in state.draws),
        state.credit_fen,
        state.next_seq,
        state.reversed_seqs,
    )


# --- applying entries -------------------------------------------------------------------------


def _take_due(dues: tuple[Due, ...], due_on: date | None, amount: int) -> tuple[Due, ...]:
    """``dues`` less ``amount`` from the one falling due on ``due_on``."""
    out = list(dues)
    for i, due in enumerate(out):
        if due.due_on == due_on and due.amount_fen >= amount:
            left = due.amount_fen - amount
            if left:
                out[i] = Due(due.due_on, left)
            else:
                del out[i]
            return tuple(out)
    raise _NoSuchDue


class _NoSuchDue(Exception):
    """A payment or reversal names posted interest or penalty the draw does not owe."""


def _add_due(dues: tuple[Due, ...], due_on: date, amount: int) -> tuple[Due, ...]:
    if not dues or dues[-1].due_on < due_on:  # the usual case: a new, latest posting
        return (*dues, Due(due_on, amount))
    merged = {d.due_on: d.amount_fen for d in dues}
    merged[due_on] = merged.get(due_on, 0) + amount
    return tuple(Due(on, fen) for on, fen in sorted(merged.items()) if fen)


def _with_draw(
    state: LoanState, draw: DrawState, reversed_seqs: frozenset[int] | None = None
) -> LoanState:
    draw_id = draw.terms.draw_id
    draws = tuple(draw if d.terms.draw_id == draw_id else d for d in state.draws)
    return _with(state, draws, reversed_seqs=reversed_seqs)


def _with(
    state: LoanState,
    draws: tuple[DrawState, ...],
    credit_fen: int | None = None,
    reversed_seqs: frozenset[int] | None = None,
    next_seq: int | None = None,
) -> LoanState:
    """``state`` one ledger row on: the next ``seq``, and whatever the row changed."""
    return LoanState(
        state.loan_id,
        state.accrued_through,
        draws,
        state.credit_fen if credit_fen is None else credit_fen,
        state.next_seq + 1 if next_seq is None else next_seq,
        state.reversed_seqs if reversed_seqs is None else reversed_seqs,
    )


def _draw_of(state: LoanState, entry: Entry, draw_id: str | None) -> DrawState:
    found = state.draw(draw_id) if draw_id is not None else None
    if found is None:
        raise _inconsistent(state, entry.seq)
    return found


def _posting(draw: DrawState, entry: Entry, sign: int) -> DrawState:
    """``draw`` after a posting (sign 1) or after its reversal (sign -1)."""
    ids, pds = draw.interest_day_sum, draw.penalty_day_sum
    interest, penalty = draw.interest_due, draw.penalty_due
    due_on = entry.due_on or entry.on
    kind = entry.kind if sign > 0 else entry.reversed_kind
    if kind == EntryKind.INTEREST_POSTING:
        ids -= sign * entry.day_sum
        interest = (
            _add_due(interest, due_on, entry.amount_fen)
            if sign > 0
            else _take_due(interest, due_on, entry.amount_fen)
        )
    else:
        pds -= sign * entry.day_sum
        penalty = (
            _add_due(penalty, due_on, entry.amount_fen)
            if sign > 0
            else _take_due(penalty, due_on, entry.amount_fen)
        )
    return DrawState(draw.terms, draw.principal_fen, ids, pds, interest, penalty)


def _repayment(state: LoanState, entry: Entry, sign: int) -> LoanState:
    """``state`` after a repayment's parts are paid (sign 1) or given back (sign -1).

    The parts beyond the money received were drawn from the credit held (a payment that
    with it settles everything: the credit first, then the money, the rest held again)."""
    drawn = sum(part.amount_fen for part in entry.parts) - entry.amount_fen  # also reversals
    if drawn < 0:
        raise _inconsistent(state, entry.seq)
    credit = state.credit_fen - sign * drawn
    draws = {d.draw_id: d for d in state.draws}
    for part in entry.parts:
        fen = part.amount_fen
        if fen <= 0:
            raise _inconsistent(state, entry.seq)
        if part.bucket == Bucket.CREDIT:
            credit += sign * fen
            continue
        draw = draws.get(part.draw_id or "")
        if draw is None:
            raise _inconsistent(state, entry.seq)
        principal, interest, penalty = draw.principal_fen, draw.interest_due, draw.penalty_due
        if part.bucket == Bucket.PRINCIPAL:
            principal -= sign * fen
        elif part.bucket == Bucket.INTEREST:
            interest = (
                _take_due(interest, part.due_on, fen)
                if sign > 0
                else _add_due(interest, part.due_on or entry.on, fen)
            )
        else:
            penalty = (
                _take_due(penalty, part.due_on, fen)
                if sign > 0
                else _add_due(penalty, part.due_on or entry.on, fen)
            )
        draws[draw.draw_id] = DrawState(
            draw.terms, principal, draw.interest_day_sum, draw.penalty_day_sum, interest, penalty
        )
    if credit < 0 or any(not 0 <= d.principal_fen <= d.terms.amount_fen for d in draws.values()):
        raise _inconsistent(state, entry.seq)
    return _with(state, tuple(draws[d.draw_id] for d in state.draws), credit_fen=credit)


def _credit_row_parts(state: LoanState, entry: Entry) -> tuple[AllocationPart, ...]:
    """The parts a credit row stands for, given the state just before it: its amount, taken
    from the credit, pays what its draw has falling due on its date (on or before the row's
    own): penalty, then interest, then the principal instalment (the oldest unpaid one), each
    as far as it goes; anything left over does not fit the ledger."""
    draw = _draw_of(state, entry, entry.draw_id)
    due_on, left = entry.due_on, entry.amount_fen
    if due_on is None or due_on > entry.on or entry.parts or not 0 < left <= state.credit_fen:
        raise _inconsistent(state, entry.seq)
    owed = [
        (Bucket.PENALTY, sum(d.amount_fen for d in draw.penalty_due if d.due_on == due_on)),
        (Bucket.INTEREST, sum(d.amount_fen for d in draw.interest_due if d.due_on == due_on)),
    ]
    remaining = draw.principal_remaining()
    if remaining and remaining[0][0] == due_on:
        owed.append((Bucket.PRINCIPAL, remaining[0][1]))
    parts = []
    for bucket, fen in owed:
        paid = min(left, fen)
        if paid:
            parts.append(AllocationPart(bucket, paid, draw.draw_id, due_on))
            left -= paid
    if left:
        raise _inconsistent(state, entry.seq)
    return tuple(parts)


def allocation_of(state: LoanState, entry: Entry) -> tuple[AllocationPart, ...]:
    """Where every fen of repayment row ``entry`` went, given ``state`` just before it (as a
    replay of the ledger has it): a repayment's own parts, or the parts a credit row stands
    for. Raises ``Refused`` if a credit row does not fit ``state``."""
    if entry.applies_credit:
        return _credit_row_parts(state, entry)
    return entry.parts


def _credit_applied(state: LoanState, entry: Entry) -> LoanState:
    """``state`` after a credit row: its parts paid from the credit."""
    parts = _credit_row_parts(state, entry)
    return _repayment(state, replace(entry, amount_fen=0, draw_id=None, parts=parts), 1)


def _reversal(state: LoanState, entry: Entry) -> LoanState:
    if entry.reverses is None or entry.reverses in state.reversed_seqs:
        raise _inconsistent(state, entry.seq)
    reversed_seqs = state.reversed_seqs | {entry.reverses}
    kind = entry.reversed_kind
    if kind == EntryKind.REFUND:
        after = _refund(state, entry, -1)
        return _with(after, after.draws, next_seq=after.next_seq, reversed_seqs=reversed_seqs)
    if kind == EntryKind.REPAYMENT:
        if entry.draw_id is not None:  # a credit row: settled what fell due, for good
            raise _inconsistent(state, entry.seq)
        after = _repayment(state, entry, -1)
        return _with(after, after.draws, next_seq=after.next_seq, reversed_seqs=reversed_seqs)
    draw = _draw_of(state, entry, entry.draw_id)
    if kind == EntryKind.DRAW:
        untouched = DrawState(draw.terms, draw.terms.amount_fen)
        if draw != untouched:
            raise _inconsistent(state, entry.seq)
        draws = tuple(d for d in state.draws if d is not draw)
        return _with(state, draws, reversed_seqs=reversed_seqs)
    if kind in (EntryKind.INTEREST_POSTING, EntryKind.PENALTY_POSTING):
        return _with_draw(state, _posting(draw, entry, -1), reversed_seqs=reversed_seqs)
    raise _inconsistent(state, entry.seq)


def _refund(state: LoanState, entry: Entry, sign: int) -> LoanState:
    """``state`` after credit is given back (sign 1) or the refund is undone (sign -1)."""
    if entry.draw_id is not None or entry.parts or entry.amount_fen <= 0:
        raise _inconsistent(state, entry.seq)
    credit = state.credit_fen - sign * entry.amount_fen
    if credit < 0:
        raise _inconsistent(state, entry.seq)
    return _with(state, state.draws, credit_fen=credit)


def _apply(state: LoanState, entry: Entry, terms: DrawTerms | None = None) -> LoanState:
    try:
        return _apply_entry(state, entry, terms)
    except _NoSuchDue:
        raise _inconsistent(state, entry.seq) from None


def _apply_entry(state: LoanState, entry: Entry, terms: DrawTerms | None) -> LoanState:
    if entry.loan_id != state.loan_id or entry.seq != state.next_seq:
        raise _inconsistent(state, entry.seq)
    if entry.on < state.accrued_through:
        raise back_dated(state, entry.on)
    if entry.amount_fen < 0 or entry.day_sum < 0:
        raise _inconsistent(state, entry.seq)
    state = accrue(state, entry.on)
    kind = entry.kind
    if kind == EntryKind.DRAW:
        if (
            terms is None
            or terms.draw_id != entry.draw_id
            or terms.amount_fen != entry.amount_fen
            or terms.drawn_on != entry.on
            or state.draw(terms.draw_id) is not None
        ):
            raise _inconsistent(state, entry.seq)
        return _with(state, (*state.draws, DrawState(terms, terms.amount_fen)))
    if kind == EntryKind.REPAYMENT:
        if entry.draw_id is not None:
            return _credit_applied(state, entry)
        return _repayment(state, entry, 1)
    if kind == EntryKind.REVERSAL:
        return _reversal(state, entry)
    if kind == EntryKind.REFUND:
        return _refund(state, entry, 1)
    draw = _draw_of(state, entry, entry.draw_id)
    return _with_draw(state, _posting(draw, entry, 1))


def append(state: LoanState, entry: Entry, terms: DrawTerms | None = None) -> LoanState:
    """``state`` after ledger row ``entry`` (a draw needs its ``terms``); raises ``Refused``."""
    return _apply(state, entry, terms)


def apply(state: LoanState, entry: Entry, terms: DrawTerms | None = None) -> LoanState | Refusal:
    """``state`` after ledger row ``entry`` (a draw needs its ``terms``), or why not."""
    try:
        return _apply(state, entry, terms)
    except Refused as refused:
        return refused.refusal


def derive(
    loan_id: str,
    opened_on: date,
    terms: Iterable[DrawTerms],
    entries: Iterable[Entry],
    through: date | None = None,
) -> LoanState | Refusal:
    """The state of a loan from its stored ledger rows (in ``seq`` order), accrued through
    ``through`` (the last day-end) when given."""
    by_id = {t.draw_id: t for t in terms}
    state = new_loan(loan_id, opened_on)
    try:
        for entry in entries:
            draw_terms = by_id.get(entry.draw_id or "") if entry.kind == EntryKind.DRAW else None
            state = _apply(state, entry, draw_terms)
    except Refused as refused:
        return refused.refusal
    return accrue(state, through) if through is not None else state
