"""Ledger invariants over random histories of draws, repayments, reversals and day-ends.

The reference is a plain day-by-day count written apart from the code under test: for every
day, each draw's principal at the previous close, split into overdue and not overdue by its
schedule. The ledger's posted plus unposted day-sums must equal it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.ledger import (
    Bucket,
    DrawTerms,
    Entry,
    EntryKind,
    LoanState,
    Posted,
    Refusal,
    accrue,
    allocation_of,
    append,
    derive,
    new_loan,
)
from workstation.domain.postings import (
    allocate,
    day_end,
    days_past_due,
    disburse,
    payoff,
    repay,
    reverse,
    settle_from_credit,
)
from workstation.domain.schedule import Plan

START = date(2026, 1, 1)
LIMIT = 50_000_000
RATES = (Decimal("0.0005"), Decimal("0.0006"), Decimal("0.00037"))


@dataclass
class History:
    state: LoanState
    terms: list[DrawTerms] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    payments: list[int] = field(default_factory=list)

    def take(self, result: Posted | Refusal) -> None:
        if isinstance(result, Posted):
            self.state = result.state
            self.entries.extend(result.entries)


draw_op = st.tuples(
    st.just("draw"),
    st.integers(0, 20),  # days later
    st.integers(1, 30_000_000),
    st.integers(1, 12),
    st.sampled_from(Plan),
    st.sampled_from(RATES),
)
repay_op = st.tuples(st.just("repay"), st.integers(0, 45), st.integers(-5, 40_000_000))
advance_op = st.tuples(st.just("advance"), st.integers(0, 120))
reverse_op = st.tuples(st.just("reverse_last"))
# an overpayment held as credit: everything owed on the day plus this much more
credit_op = st.tuples(st.just("credit"), st.integers(0, 45), st.integers(1, 3_000_000))
from_credit_op = st.tuples(st.just("from_credit"), st.integers(0, 45))
histories = st.lists(
    st.one_of(draw_op, repay_op, advance_op, reverse_op, credit_op, from_credit_op), max_size=14
)


def run(ops: list[tuple]) -> History:
    history = History(new_loan("L", START))
    for op in ops:
        today = history.state.accrued_through
        if op[0] == "draw":
            _, later, amount, term, plan, rate = op
            terms = DrawTerms(
                f"D{len(history.terms) + 1}", today + timedelta(later), amount, rate, term, plan
            )
            result = disburse(history.state, terms, LIMIT)
            if isinstance(result, Posted):
                history.terms.append(terms)
            history.take(result)
        elif op[0] == "repay":
            result = repay(history.state, op[2], today + timedelta(op[1]))
            if isinstance(result, Posted):
                history.payments.append(op[2])
            else:
                assert op[2] <= 0 and result.reason == "amount_not_positive"
            history.take(result)
        elif op[0] == "advance":
            history.take(day_end(history.state, today + timedelta(op[1])))
        elif op[0] == "credit":
            on = today + timedelta(op[1])
            trial = payoff(history.state, on)
            assert not isinstance(trial, Refusal)
            result = repay(history.state, trial.total_fen + op[2], on)
            assert isinstance(result, Posted)
            history.payments.append(trial.total_fen + op[2])
            history.take(result)
        elif op[0] == "from_credit":
            result = settle_from_credit(history.state, today + timedelta(op[1]))
            assert isinstance(result, Posted)
            if any(e.kind == EntryKind.REPAYMENT and not e.applies_credit for e in result.entries):
                history.payments.append(0)
            history.take(result)
        elif history.entries:
            history.take(reverse(history.state, history.entries[-1], today))
    return history


def live_entries(entries: list[Entry]) -> list[Entry]:
    undone = {e.reverses for e in entries if e.kind == EntryKind.REVERSAL}
    return [e for e in entries if e.seq not in undone and e.kind != EntryKind.REVERSAL]


def allocations(history: History) -> dict[int, tuple]:
    """Every repayment row's parts by seq, a credit row's as a replay of the ledger has them
    (the row itself names only its draw, date and amount)."""
    by_id = {t.draw_id: t for t in history.terms}
    state, out = new_loan("L", START), {}
    for entry in history.entries:
        if entry.kind == EntryKind.REPAYMENT:
            out[entry.seq] = allocation_of(state, entry)
        terms = by_id.get(entry.draw_id or "") if entry.kind == EntryKind.DRAW else None
        state = append(state, entry, terms)
    return out


def reference_day_sums(history: History) -> dict[str, tuple[int, int]]:
    """Per draw (normal, penalty) fen·days through the state's date, counted day by day."""
    live = live_entries(history.entries)
    parts_of = allocations(history)
    out = {}
    for terms in history.terms:
        if not any(e.kind == EntryKind.DRAW and e.draw_id == terms.draw_id for e in live):
            continue
        repaid_on = [
            (e.on, p.amount_fen)
            for e in live
            if e.kind == EntryKind.REPAYMENT
            for p in parts_of[e.seq]
            if p.bucket == Bucket.PRINCIPAL and p.draw_id == terms.draw_id
        ]
        normal = penalty = 0
        day = terms.drawn_on + timedelta(1)
        while day <= history.state.accrued_through:
            close = day - timedelta(1)
            repaid = sum(fen for on, fen in repaid_on if on <= close)
            due = sum(i.principal_fen for i in terms.instalments if i.due_on < day)
            overdue = max(due - repaid, 0)
            normal += terms.amount_fen - repaid - overdue
            penalty += overdue
            day += timedelta(1)
        out[terms.draw_id] = (normal, penalty)
    return out


def half_up(day_sum: int, rate: Decimal) -> int:
    return int((Decimal(day_sum) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@settings(max_examples=150, deadline=None)
@given(histories)
def test_principal_drawn_less_repaid_is_outstanding(ops: list[tuple]) -> None:
    history = run(ops)
    live = live_entries(history.entries)
    drawn = sum(e.amount_fen for e in live if e.kind == EntryKind.DRAW)
    parts_of = allocations(history)
    repaid = sum(
        p.amount_fen
        for e in live
        if e.kind == EntryKind.REPAYMENT
        for p in parts_of[e.seq]
        if p.bucket == Bucket.PRINCIPAL
    )
    assert drawn - repaid == history.state.principal_fen


@settings(max_examples=150, deadline=None)
@given(histories)
def test_interest_and_penalty_are_the_exact_day_sums_rounded_when_posted(ops: list[tuple]) -> None:
    history = run(ops)
    by_id = {t.draw_id: t for t in history.terms}
    posted: dict[str, list[int]] = {}
    for entry in live_entries(history.entries):
        if entry.kind in (EntryKind.INTEREST_POSTING, EntryKind.PENALTY_POSTING):
            terms = by_id[entry.draw_id or ""]
            penalty = entry.kind == EntryKind.PENALTY_POSTING
            rate = terms.daily_rate * Decimal("1.5") if penalty else terms.daily_rate
            assert entry.amount_fen == half_up(entry.day_sum, rate)
            sums = posted.setdefault(entry.draw_id or "", [0, 0])
            sums[penalty] += entry.day_sum
    for draw_id, (normal, penalty) in reference_day_sums(history).items():
        draw = history.state.draw(draw_id)
        assert draw is not None
        done = posted.get(draw_id, [0, 0])
        assert done[0] + draw.interest_day_sum == normal
        assert done[1] + draw.penalty_day_sum == penalty


@settings(max_examples=150, deadline=None)
@given(histories)
def test_nothing_is_ever_negative_and_every_fen_is_allocated_once(ops: list[tuple]) -> None:
    history = run(ops)
    state = history.state
    assert state.credit_fen >= 0
    for draw in state.draws:
        assert 0 <= draw.principal_fen <= draw.terms.amount_fen
        assert draw.interest_day_sum >= 0 and draw.penalty_day_sum >= 0
        assert all(d.amount_fen > 0 for d in (*draw.interest_due, *draw.penalty_due))
    repayments = [
        e for e in history.entries if e.kind == EntryKind.REPAYMENT and not e.applies_credit
    ]
    assert [e.amount_fen for e in repayments] == history.payments
    parts_of = allocations(history)
    for entry in history.entries:
        assert entry.amount_fen >= 0 and entry.day_sum >= 0
        if entry.kind == EntryKind.REPAYMENT:
            parts = parts_of[entry.seq]
            money = 0 if entry.applies_credit else entry.amount_fen  # received that day
            assert money > 0 or entry.credit_used_fen > 0
            assert entry.credit_used_fen >= 0
            assert all(p.amount_fen > 0 for p in parts)
            assert sum(p.amount_fen for p in parts) == money + entry.credit_used_fen
            assert sum(p.bucket == Bucket.CREDIT for p in parts) <= 1
            if entry.applies_credit:  # the credit pays only what has fallen due (R7)
                assert all(p.bucket != Bucket.CREDIT for p in parts)
                assert all(p.due_on is not None and p.due_on <= entry.on for p in parts)
    # every fen received went once: to penalty, interest or principal, or is the credit held
    live = live_entries(history.entries)
    received = sum(
        e.amount_fen for e in live if e.kind == EntryKind.REPAYMENT and not e.applies_credit
    )
    settled = sum(
        p.amount_fen
        for e in live
        if e.kind == EntryKind.REPAYMENT
        for p in parts_of[e.seq]
        if p.bucket != Bucket.CREDIT
    )
    assert received == settled + state.credit_fen


@settings(max_examples=150, deadline=None)
@given(histories)
def test_credit_held_leaves_nothing_due_unpaid(ops: list[tuple]) -> None:
    state = run(ops).state
    if state.credit_fen:
        closed = state.accrued_through
        for draw in state.draws:
            assert all(d.due_on > closed for d in (*draw.interest_due, *draw.penalty_due))
            assert all(due_on > closed for due_on, _ in draw.principal_remaining())
        assert days_past_due(state, closed) == 0


@settings(max_examples=100, deadline=None)
@given(histories, st.integers(0, 400))
def test_accruing_in_one_step_equals_day_by_day_and_twice_equals_once(
    ops: list[tuple], days: int
) -> None:
    state = run(ops).state
    through = state.accrued_through + timedelta(days)
    once = accrue(state, through)
    stepped = state
    for k in range(1, days + 1):
        stepped = accrue(stepped, state.accrued_through + timedelta(k))
    assert stepped == once
    assert accrue(once, through) == once
    assert accrue(once, state.accrued_through) == once  # an earlier date changes nothing


@settings(max_examples=60, deadline=None)
@given(histories, st.integers(0, 200))
def test_day_end_in_one_run_equals_nightly_runs_and_rerunning_changes_nothing(
    ops: list[tuple], days: int
) -> None:
    state = run(ops).state
    through = state.accrued_through + timedelta(days)
    once = day_end(state, through)
    nightly, entries = state, []
    for k in range(1, days + 1):
        step = day_end(nightly, state.accrued_through + timedelta(k))
        nightly = step.state
        entries.extend(step.entries)
    assert nightly == once.state
    assert tuple(entries) == once.entries
    assert day_end(once.state, through) == Posted(once.state, ())


@settings(max_examples=100, deadline=None)
@given(histories)
def test_the_stored_rows_rebuild_the_state(ops: list[tuple]) -> None:
    history = run(ops)
    rebuilt = derive(
        "L", START, history.terms, history.entries, through=history.state.accrued_through
    )
    assert rebuilt == history.state


@settings(max_examples=100, deadline=None)
@given(histories, st.integers(0, 90))
def test_paying_the_trial_figure_settles_everything(ops: list[tuple], later: int) -> None:
    state = run(ops).state
    on = state.accrued_through + timedelta(later)
    trial = payoff(state, on)
    assert not isinstance(trial, Refusal)
    assert payoff(state, on) == trial  # the trial changed nothing
    assert trial.total_fen == max(trial.owed_fen - trial.credit_fen, 0)
    assert trial.refund_fen == max(trial.credit_fen - trial.owed_fen, 0)
    if trial.total_fen == 0:  # the credit covers it all: drawn on, the rest to give back
        used = settle_from_credit(state, on)
        assert isinstance(used, Posted)
        assert used.state.principal_fen == 0
        assert (used.state.interest_unpaid_fen, used.state.penalty_unpaid_fen) == (0, 0)
        assert used.state.credit_fen == trial.refund_fen
        return
    preview = allocate(state, trial.total_fen, on)
    assert not isinstance(preview, Refusal)
    assert preview.excess_fen == 0
    paid = repay(state, trial.total_fen, on)
    assert isinstance(paid, Posted)
    settled = paid.state
    assert (settled.principal_fen, settled.interest_unpaid_fen, settled.penalty_unpaid_fen) == (
        0,
        0,
        0,
    )
    assert settled.credit_fen == 0  # the credit went into it
    overpaid = repay(state, trial.total_fen + 123, on)
    assert isinstance(overpaid, Posted) and overpaid.state.credit_fen == 123
