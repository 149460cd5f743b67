"""Loans after approval (R3-R11, R30, R35): draws, repayments, reversals, the trial
calculation and the loan page's figures.

Every change is: read the loan's cached state, accrue it through the last day-end, let the
domain propose ledger rows (``postings``), append them and write the new state, all in one
transaction, guarded by the loan's version (a second window working on the same loan gets
"changed meanwhile" instead of a lost write). Money moves only for finance; any role that
sees cases may look and run the trial calculation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from workstation.domain import postings
from workstation.domain.approval import LoanTerms
from workstation.domain.ledger import (
    AllocationPart,
    DrawTerms,
    Entry,
    EntryKind,
    LoanState,
    Refusal,
    Refused,
    accrue,
    allocation_of,
    append,
    new_loan,
    yuan,
)
from workstation.domain.limits import KIND_CAPS_FEN, annual_rate
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role
from workstation.domain.schedule import Instalment, Plan, add_months, interest_fen
from workstation.domain.stages import Action, Stage, risk_after_cure
from workstation.domain.standing import StandingInstalment, standing_schedules
from workstation.services import pipeline
from workstation.services.context import Context, Session, require
from workstation.store import cases as case_store
from workstation.store import loan_codec
from workstation.store import loans as loan_store
from workstation.store import users as user_store
from workstation.store.loans import LoanRow

_ONE_DAY = timedelta(days=1)
ARREARS_STAGES = (Stage.OVERDUE.value,)
# The stages where a loan may be drawn on: approved and waiting for its first draw, or in
# good standing. A drawn loan also lives in overdue, warning, recovery, blacklisted and
# closed, and a case sent back from disbursement sits in approval or investigation with its
# loan: none of these takes a new draw (a list of where draws are allowed, not refused, so a
# stage added later refuses until someone decides otherwise).
DRAW_STAGES = (Stage.DISBURSEMENT.value, Stage.MONITORING.value)


def _refuse(template: str, **params: object) -> RuleError:
    return RuleError(Message.of(template, **params))


def _refused(refusal: Refusal) -> RuleError:
    return RuleError(refusal.message)


def business_date(ctx: Context) -> date:
    return ctx.clock.now().date()


def _no_loan(case_id: int) -> RuleError:
    return _refuse(QT_TRANSLATE_NOOP("messages", "Case {case} has no approved loan."), case=case_id)


def _loan_row(ctx: Context, case_id: int) -> LoanRow:
    row = loan_store.loan(ctx.store, case_id)
    if row is None:
        raise _no_loan(case_id)
    return row


def loan_row(ctx: Context, case_id: int) -> LoanRow:
    """The loan's stored row (terms, status, version), or a refusal naming the case."""
    return _loan_row(ctx, case_id)


def closed_through(ctx: Context) -> date | None:
    """The last day-end: every loan is accrued through it."""
    text = loan_store.day_end_through(ctx.store)
    return None if text is None else date.fromisoformat(text)


def current_state(ctx: Context, row: LoanRow) -> LoanState:
    """The loan's state through the last day-end (its cache is left where its last event
    was: between events a loan only accrues, which needs no row)."""
    state = loan_codec.decode_state(row.state)
    through = closed_through(ctx)
    if through is not None and through > state.accrued_through:
        state = accrue(state, through)
    return state


_T_FINANCE_DISBURSE = QT_TRANSLATE_NOOP("messages", "Only finance staff may disburse.")
_T_FINANCE_REPAY = QT_TRANSLATE_NOOP("messages", "Only finance staff may receive repayments.")
_T_FINANCE_REVERSE = QT_TRANSLATE_NOOP("messages", "Only finance staff may reverse ledger entries.")
_T_FINANCE_CREDIT = QT_TRANSLATE_NOOP(
    "messages", "Only finance staff may apply or refund a customer's credit."
)


def _require_finance(session: Session, template: str) -> None:
    if session.role not in (Role.FINANCE, Role.SYSTEM):
        raise _refuse(template)


def _check_loan_version(row: LoanRow, expected_version: int) -> None:
    if row.version != expected_version:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "This loan was changed meanwhile (another window or the day-end); it has "
                "been reloaded: check the figures and try again.",
            )
        )


def _save(
    ctx: Context, row: LoanRow, state: LoanState, entries: tuple[Entry, ...], by: int, note: str
) -> None:
    available_until = date.fromisoformat(row.available_until)
    at = ctx.stamp()
    loan_store.append_entries(ctx.store, row.case_id, entries, at, by, note)
    # overdue since: what fell due before today and is unpaid (today's dues are not late yet)
    since = postings.overdue_since(state, business_date(ctx) - _ONE_DAY)
    active = row.status == "active"  # a closed loan stays closed (its credit refunded)
    ok = loan_store.save_state(
        ctx.store,
        row.case_id,
        state,
        next_event_on=postings.next_event(state, available_until) if active else None,
        overdue_since=since,
        expected_version=row.version,
        status=row.status,
    )
    if not ok:
        _check_loan_version(row, -1)


def _follow_stage(
    ctx: Context, case_id: int, state: LoanState, on: date, at: str, was_late: bool = True
) -> None:
    """Arrears paid: back to monitoring, or to early warning if it fell overdue from there
    (CURE); everything repaid after the limit's period:
    closed (SETTLE). Done by the system, recorded as such. ``was_late``: something was past
    due on ``on`` before the payment (or other entry) that leads here."""
    case = pipeline.load_case(ctx, case_id)
    system = Session(user_store.system_user_id(ctx.store, at), "system", "System", Role.SYSTEM)
    # judged today, as the ledger check of the move judges it: a payment dated yesterday
    # may clear yesterday's arrears and still leave today's instalment late
    late = postings.days_past_due(state, max(on, business_date(ctx))) > 0
    if case.stage in (Stage.MONITORING.value, Stage.WARNING.value) and late:
        # a reversed payment can put the loan back in arrears at once (not at the next posting)
        pipeline.move_cases(ctx, system, [(case_id, case.version)], Action.MARK_OVERDUE, risk="red")
        return
    if case.stage in ARREARS_STAGES and not late:
        kept = loan_store.risk_before_overdue(ctx.store, case_id)
        version = case.version + 1
        # late once: amber until a supervisor reviews it (the cure sets it; red was set when
        # it fell overdue). Paid on or before the due date it missed (recorded after that
        # day's close of day marked it overdue), it never was late: its risk comes back.
        target = pipeline.move_case(ctx, system, case_id, Action.CURE, case.version)
        set_by_cure = risk_after_cure(target, kept)
        if not was_late and kept is not None and kept != set_by_cure:
            case_store.update_case(ctx.store, case_id, version, system.user_id, at, risk=kept)
            user_store.record_audit(
                ctx.store,
                at=at,
                actor_id=system.user_id,
                entity="case",
                entity_id=case_id,
                action="risk",
                before={"risk": set_by_cure},
                after={"risk": kept, "why": "paid on its due date"},
            )
        case = pipeline.load_case(ctx, case_id)
    row = _loan_row(ctx, case_id)
    if postings.owes_nothing(state) and on >= date.fromisoformat(row.available_until):
        if case.stage in (Stage.MONITORING.value, Stage.OVERDUE.value, Stage.WARNING.value):
            pipeline.move_case(ctx, system, case_id, Action.SETTLE, case.version)
            loan_store.close_loan(ctx.store, case_id)


# --- draw ------------------------------------------------------------------------------------


def _draw_terms(
    row: LoanRow, draw_id: str, on: date, amount_fen: int, term_months: int, plan: Plan
) -> DrawTerms:
    return DrawTerms(draw_id, on, amount_fen, Decimal(row.daily_rate), term_months, plan)


def draw_term_limit(row: LoanRow, on: date) -> int:
    """The longest term a draw made on ``on`` may have: it must fall due within the limit's
    period (each draw has its own due date within the term)."""
    until = date.fromisoformat(row.available_until)
    months = 0
    while months < row.term_months and add_months(on, months + 1) <= until:
        months += 1
    return months


_T_NO_DRAW_STAGE = QT_TRANSLATE_NOOP("messages", "No new draw while the loan is in “{stage}”.")
_T_LOAN_CLOSED_DRAW = QT_TRANSLATE_NOOP(
    "messages", "The loan of case {case} is closed: no new draw can be made on it."
)
_T_PERIOD_OVER = QT_TRANSLATE_NOOP(
    "messages", "The limit's period ends on {until}: too late for a new draw."
)
_T_LIMIT_USED = QT_TRANSLATE_NOOP(
    "messages", "The whole limit of {limit} is drawn: repay before drawing again."
)
_T_CAP_REACHED = QT_TRANSLATE_NOOP(
    "messages",
    "The business already owes {owed}, the cap of {cap} across its loans (other loans: "
    "{elsewhere}): no new draw until it repays.",
)
_T_PLAN_FIXED = QT_TRANSLATE_NOOP(
    "messages",
    "The approval fixed the repayment plan as “{plan}”; a draw takes that plan and cannot "
    "change it.",
)


def _draw_problem(row: LoanRow, stage: str, on: date) -> Message | None:
    """Why no draw can be made on ``on`` whatever its amount, or None: the loan's status,
    its case's stage, the limit's period."""
    if row.status != "active":
        return Message.of(_T_LOAN_CLOSED_DRAW, case=row.case_id)
    if stage not in DRAW_STAGES:
        return Message.of(_T_NO_DRAW_STAGE, stage=stage)
    if draw_term_limit(row, on) == 0:
        return Message.of(_T_PERIOD_OVER, until=row.available_until)
    return None


def disburse(
    ctx: Context,
    session: Session,
    case_id: int,
    expected_version: int,
    amount_fen: int,
    term_months: int,
    shown_plan: Plan | None = None,
) -> Entry:
    """Pay out a draw today, within the limit still available and the business's cap (R5,
    R7), on the plan the approval fixed (R25); the first draw moves the case to monitoring.
    Returns the draw's ledger row.

    ``shown_plan`` is only the plan the officer was shown: a draw cannot choose its plan,
    and one that differs from the approved plan is refused.
    """
    _require_finance(session, _T_FINANCE_DISBURSE)
    on, at = business_date(ctx), ctx.stamp()
    with ctx.store.write():
        row = _loan_row(ctx, case_id)
        _check_loan_version(row, expected_version)
        case = pipeline.load_case(ctx, case_id)
        problem = _draw_problem(row, case.stage, on)
        if problem is not None:
            raise RuleError(problem)
        plan = Plan(row.plan)
        if shown_plan is not None and Plan(shown_plan) != plan:
            raise _refuse(_T_PLAN_FIXED, plan=plan.value)
        longest = draw_term_limit(row, on)
        if not 1 <= term_months <= longest:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "A draw made today may run 1 to {longest} months (it must fall due by "
                    "{until}).",
                ),
                longest=longest,
                until=row.available_until,
            )
        cap = KIND_CAPS_FEN.get(case.kind, 0)
        elsewhere = loan_store.business_principal(ctx.store, case_id)
        state = current_state(ctx, row)
        if amount_fen > 0 and elsewhere + state.principal_fen + amount_fen > cap:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "This draw would take the customer's outstanding principal to {total}, "
                    "above the cap of {cap} (other loans: {elsewhere}).",
                ),
                total=yuan(elsewhere + state.principal_fen + amount_fen),
                cap=yuan(cap),
                elsewhere=yuan(elsewhere),
            )
        draw_id = f"{case_id}-{loan_store.draw_count(ctx.store, case_id) + 1}"
        terms = _draw_terms(row, draw_id, on, amount_fen, term_months, plan)
        result = postings.disburse(state, terms, row.limit_fen)
        if isinstance(result, Refusal):
            raise _refused(result)
        loan_store.insert_draw(ctx.store, case_id, terms)
        _save(ctx, row, result.state, result.entries, session.user_id, "")
        if case.stage == Stage.DISBURSEMENT.value:
            pipeline.move_case(ctx, session, case_id, Action.DISBURSE, case.version)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="loan",
            entity_id=case_id,
            action="draw",
            after={"draw_id": draw_id, "amount_fen": amount_fen, "term_months": term_months},
        )
    return result.entries[-1]


# --- repay -----------------------------------------------------------------------------------


def _on(ctx: Context, on: date | None) -> date:
    today = business_date(ctx)
    day = on or today
    if day > today:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages", "{on} is after today ({today}): money cannot be received in advance."
            ),
            on=day.isoformat(),
            today=today.isoformat(),
        )
    return day


def preview_repayment(
    ctx: Context, session: Session, case_id: int, amount_fen: int, on: date | None = None
) -> postings.Allocation:
    """Where every fen of a payment would go (R11); nothing is written."""
    require(session, Permission.VIEW_CASES)
    day = _on(ctx, on)
    row = _loan_row(ctx, case_id)
    _check_open_for_payment(row)
    state = current_state(ctx, row)
    result = postings.allocate(state, amount_fen, day)
    if isinstance(result, Refusal):
        raise _refused(result)
    return result


_T_CLOSED_PAYMENT = QT_TRANSLATE_NOOP(
    "messages",
    "The loan of case {case} is closed: it takes no more payments.",
)


def _check_open_for_payment(row: LoanRow) -> None:
    if row.status != "active":
        raise _refuse(_T_CLOSED_PAYMENT, case=row.case_id)


def repay(
    ctx: Context,
    session: Session,
    case_id: int,
    expected_version: int,
    amount_fen: int,
    on: date | None = None,
    hold_excess: bool = False,
    note: str = "",
) -> postings.Allocation:
    """Receive a payment (R7, R11): penalty, interest, principal, oldest due first. More than
    is owed is refused unless the excess is to be held as a credit for the customer."""
    _require_finance(session, _T_FINANCE_REPAY)
    day = _on(ctx, on)
    with ctx.store.write():
        row = _loan_row(ctx, case_id)
        _check_loan_version(row, expected_version)
        _check_open_for_payment(row)
        state = current_state(ctx, row)
        was_late = postings.days_past_due(state, day) > 0  # a payment dated on time is not
        result = postings.repay(state, amount_fen, day)
        if isinstance(result, Refusal):
            raise _refused(result)
        *posted, payment = result.entries
        allocation = postings.Allocation(day, amount_fen, payment.parts, tuple(posted))
        if allocation.excess_fen and not hold_excess:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{amount} is {excess} more than is owed ({owed}); enter at most {owed}, or "
                    "hold the excess as a credit for the customer.",
                ),
                amount=yuan(amount_fen),
                excess=yuan(allocation.excess_fen),
                owed=yuan(amount_fen - allocation.excess_fen),
            )
        _save(ctx, row, result.state, result.entries, session.user_id, note.strip())
        at = ctx.stamp()
        _follow_stage(ctx, case_id, result.state, day, at, was_late)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="loan",
            entity_id=case_id,
            action="repayment",
            after={
                "seq": payment.seq,
                "amount_fen": amount_fen,
                "penalty_fen": allocation.penalty_fen,
                "interest_fen": allocation.interest_fen,
                "principal_fen": allocation.principal_fen,
                "credit_fen": allocation.excess_fen,
            },
        )
    return allocation


def reverse(
    ctx: Context, session: Session, case_id: int, expected_version: int, seq: int, reason: str
) -> Entry:
    """Undo a ledger row of the open day by a reversal row (nothing is deleted)."""
    _require_finance(session, _T_FINANCE_REVERSE)
    if not reason.strip():
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give a reason for the reversal."))
    with ctx.store.write():
        row = _loan_row(ctx, case_id)
        _check_loan_version(row, expected_version)
        state = current_state(ctx, row)
        ledger = [line.entry for line in loan_store.ledger_of(ctx.store, case_id)]
        original = next((entry for entry in ledger if entry.seq == seq), None)
        if original is None:
            raise _refuse(
                QT_TRANSLATE_NOOP("messages", "Entry {seq} is not on this loan's ledger"), seq=seq
            )
        _check_reversible(ctx, case_id, row, original, ledger)
        # dated on the original's day, so the days between earn as if it never happened
        result = postings.reverse(state, original, original.on)
        if isinstance(result, Refusal):
            raise _refused(result)
        _save(ctx, row, result.state, result.entries, session.user_id, reason.strip())
        _follow_stage(ctx, case_id, result.state, business_date(ctx), ctx.stamp())
        user_store.record_audit(
            ctx.store,
            at=ctx.stamp(),
            actor_id=session.user_id,
            entity="loan",
            entity_id=case_id,
            action="reversal",
            after={"reverses": seq, "reason": reason.strip()},
        )
    return result.entries[-1]


_T_DAY_CLOSED = QT_TRANSLATE_NOOP(
    "messages",
    "Entry {seq} is from {on}, before the last day-end: post a correcting entry instead",
)
_T_LATER = QT_TRANSLATE_NOOP(
    "messages", "Later entries rest on entry {seq}: reverse them first, newest first"
)
_T_SETTLED = QT_TRANSLATE_NOOP(
    "messages", "This loan is closed; a payment that settled it cannot be reversed here."
)


def _check_reversible(
    ctx: Context, case_id: int, row: LoanRow, original: Entry, ledger: list[Entry]
) -> None:
    """Only an entry of the open day (after the last close of day: the night's own postings
    are closed with it), on an open loan, with no later repayment resting on it."""
    closed = closed_through(ctx)
    if closed is not None and original.on <= closed:
        raise _refuse(_T_DAY_CLOSED, seq=original.seq, on=original.on.isoformat())
    if row.status != "active":
        raise _refuse(_T_SETTLED)
    undone = {e.reverses for e in ledger if e.kind == EntryKind.REVERSAL}
    if any(
        e.seq > original.seq and e.kind == EntryKind.REPAYMENT and e.seq not in undone
        for e in ledger
    ):
        raise _refuse(_T_LATER, seq=original.seq)


# --- the credit held ---------------------------------------------------------------------------

_T_NO_CREDIT = QT_TRANSLATE_NOOP("messages", "No credit is held for the customer.")
_T_CLOSED_CREDIT = QT_TRANSLATE_NOOP(
    "messages", "The loan of case {case} is closed: its credit can only be refunded."
)
_T_NOTHING_OWED_CREDIT = QT_TRANSLATE_NOOP(
    "messages", "Nothing is owed: the credit of {credit} can only be refunded."
)
_T_CREDIT_COVERED = QT_TRANSLATE_NOOP(
    "messages",
    "The credit of {credit} is not more than what is owed ({owed}): nothing to refund; it "
    "settles what falls due, or may repay early.",
)
_T_REFUND_REASON = QT_TRANSLATE_NOOP("messages", "Give a reason for the refund.")


def _payoff_today(ctx: Context, state: LoanState) -> postings.Payoff:
    result = postings.payoff(state, business_date(ctx))
    if isinstance(result, Refusal):
        raise _refused(result)
    return result


def _apply_credit_problem(row: LoanRow, payoff: postings.Payoff) -> Message | None:
    """Why the credit cannot repay early today, or None."""
    if payoff.credit_fen == 0:
        return Message.of(_T_NO_CREDIT)
    if row.status != "active":
        return Message.of(_T_CLOSED_CREDIT, case=row.case_id)
    if payoff.owed_fen == 0:
        return Message.of(_T_NOTHING_OWED_CREDIT, credit=yuan(payoff.credit_fen))
    return None


def _refund_problem(payoff: postings.Payoff) -> Message | None:
    """Why no credit can be given back today, or None (a closed loan owes nothing, so all
    its credit is refundable)."""
    if payoff.credit_fen == 0:
        return Message.of(_T_NO_CREDIT)
    if payoff.refund_fen == 0:
        return Message.of(
            _T_CREDIT_COVERED, credit=yuan(payoff.credit_fen), owed=yuan(payoff.owed_fen)
        )
    return None


def preview_credit(ctx: Context, session: Session, case_id: int) -> postings.Allocation:
    """Where the credit held would go if the customer has it repay early today (R7, R11):
    penalty, interest, principal, oldest first; nothing is written."""
    require(session, Permission.VIEW_CASES)
    row = _loan_row(ctx, case_id)
    state = current_state(ctx, row)
    problem = _apply_credit_problem(row, _payoff_today(ctx, state))
    if problem is not None:
        raise RuleError(problem)
    return _credit_allocation(ctx, state)[0]


def _credit_allocation(
    ctx: Context, state: LoanState
) -> tuple[postings.Allocation, postings.Posted]:
    day = business_date(ctx)
    result = postings.settle_from_credit(state, day)
    if isinstance(result, Refusal):
        raise _refused(result)
    payment = result.entries[-1] if result.entries else None
    if payment is None or payment.kind != EntryKind.REPAYMENT or payment.applies_credit:
        raise RuleError(Message.of(_T_NO_CREDIT))  # only the day-end's rows: nothing drawn
    posted = result.entries[:-1]
    return postings.Allocation(day, 0, payment.parts, tuple(posted)), result


def apply_credit(
    ctx: Context, session: Session, case_id: int, expected_version: int
) -> postings.Allocation:
    """The customer asks the credit held to repay early today (R7): it pays penalty,
    interest, then principal, oldest due first (R11), as far as it goes. Finance only; a
    closed loan, no credit or nothing owed is refused, and nothing is written."""
    _require_finance(session, _T_FINANCE_CREDIT)
    with ctx.store.write():
        row = _loan_row(ctx, case_id)
        _check_loan_version(row, expected_version)
        state = current_state(ctx, row)
        problem = _apply_credit_problem(row, _payoff_today(ctx, state))
        if problem is not None:
            raise RuleError(problem)
        allocation, result = _credit_allocation(ctx, state)
        payment = result.entries[-1]
        _save(ctx, row, result.state, result.entries, session.user_id, "")
        at = ctx.stamp()
        _follow_stage(ctx, case_id, result.state, allocation.on, at)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="loan",
            entity_id=case_id,
            action="apply_credit",
            before={"credit_fen": state.credit_fen},
            after={
                "seq": payment.seq,
                "credit_used_fen": allocation.credit_applied_fen,
                "penalty_fen": allocation.penalty_fen,
                "interest_fen": allocation.interest_fen,
                "principal_fen": allocation.principal_fen,
                "credit_fen": result.state.credit_fen,
            },
        )
    return allocation


def refund_credit(
    ctx: Context, session: Session, case_id: int, expected_version: int, reason: str
) -> Entry:
    """Pay back to the customer today the credit held beyond everything owed (on a closed
    loan, all of it), as a ``refund`` ledger row. Finance only, with a reason; refused when
    there is nothing beyond what is owed, and then nothing is written."""
    _require_finance(session, _T_FINANCE_CREDIT)
    if not reason.strip():
        raise _refuse(_T_REFUND_REASON)
    with ctx.store.write():
        row = _loan_row(ctx, case_id)
        _check_loan_version(row, expected_version)
        state = current_state(ctx, row)
        problem = _refund_problem(_payoff_today(ctx, state))
        if problem is not None:
            raise RuleError(problem)
        result = postings.refund(state, business_date(ctx))
        if isinstance(result, Refusal):
            raise _refused(result)
        refund = result.entries[-1]
        _save(ctx, row, result.state, result.entries, session.user_id, reason.strip())
        user_store.record_audit(
            ctx.store,
            at=ctx.stamp(),
            actor_id=session.user_id,
            entity="loan",
            entity_id=case_id,
            action="refund_credit",
            before={"credit_fen": state.credit_fen},
            after={
                "seq": refund.seq,
                "amount_fen": refund.amount_fen,
                "credit_fen": result.state.credit_fen,
                "reason": reason.strip(),
            },
        )
    return refund


# --- paying before the due date -----------------------------------------------------------------


@dataclass(frozen=True)
class DueAfterPayment:
    """What a payment made before the next due date leaves to pay on it: what the payment
    posted and left unpaid, interest and penalty for the days after the payment on what
    remains, principal falling due — less the credit held."""

    paid_on: date
    due_on: date
    due_fen: int


def due_after_payment(
    ctx: Context, session: Session, case_id: int, amount_fen: int, on: date | None = None
) -> DueAfterPayment | None:
    """A payment of ``amount_fen`` on ``on`` before the next due date: that date and what
    then falls due, from the state after the payment (R6, R8: the payment pays interest to
    its own day only; the days after it accrue on what remains, and what it left unpaid is
    still due). None when the payment is on a due date, leaves nothing due, or is refused;
    and when the loan is in arrears on the day (found in the walk-through: a loan 141 days
    late was told it paid "before the due date")."""
    require(session, Permission.VIEW_CASES)
    day = _on(ctx, on)
    row = _loan_row(ctx, case_id)
    state = current_state(ctx, row)
    if postings.days_past_due(state, day) > 0:
        return None
    result = postings.repay(state, amount_fen, day)
    if isinstance(result, Refusal):
        return None
    ordinal = day.toordinal()
    before = [
        postings.posting_on_or_after(d.terms, ordinal) for d in state.draws if d.principal_fen
    ]
    if not before or min(before) == ordinal:
        return None
    due = date.fromordinal(min(before))
    # everything due then: what the payment posted and left unpaid, the days after it, and
    # principal falling due, less the credit (found in review: only the days after counted)
    fen = postings.due_by(result.state, due)
    if fen == 0:
        return None
    return DueAfterPayment(day, due, fen)


def trial(ctx: Context, session: Session, case_id: int, on: date) -> postings.Payoff:
    """还款试算: what repaying everything on ``on`` takes; nothing is written. A future date
    is allowed here (that is the point of a trial)."""
    require(session, Permission.VIEW_CASES)
    state = current_state(ctx, _loan_row(ctx, case_id))
    result = postings.payoff(state, on)
    if isinstance(result, Refusal):
        raise _refused(result)
    return result


# --- the loan page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerRow:
    """A ledger row with the balances after it (the statement's running balances)."""

    entry: Entry
    at: str
    by_name: str
    note: str
    principal_fen: int
    interest_fen: int  # posted, unpaid
    penalty_fen: int  # posted, unpaid
    credit_fen: int
    # where a repayment's fen went: its own parts, or those a credit row stands for
    parts: tuple[AllocationPart, ...] = ()


@dataclass(frozen=True)
class DrawView:
    terms: DrawTerms
    principal_fen: int
    interest_unpaid_fen: int
    penalty_unpaid_fen: int
    schedule: tuple[Instalment, ...]  # the plan as drawn (the voucher's)
    standing: tuple[StandingInstalment, ...] = ()  # each instalment as the ledger has it


@dataclass(frozen=True)
class LoanView:
    case_id: int
    version: int
    business_name: str
    stage: str
    status: str
    terms: LoanTerms
    annual_rate: Decimal  # first (R35)
    approved_at: str
    opened_on: date
    available_until: date
    as_of: date  # the figures are to the close of this day
    drawn_fen: int  # every draw ever made
    available_fen: int
    principal_fen: int
    interest_accrued_fen: int  # earned since the last posting, rounded for display only
    interest_unpaid_fen: int  # posted, unpaid
    penalty_accrued_fen: int
    penalty_unpaid_fen: int
    credit_fen: int
    next_due_on: date | None
    next_due_fen: int
    days_past_due: int
    overdue_class: str | None
    draws: tuple[DrawView, ...]
    ledger: tuple[LedgerRow, ...]
    closed_through: date | None
    draw_months: int = 0  # the longest term of a draw made today; 0: no draw today
    # why no draw can be made today, whatever its amount (closed, a stage that takes no draw,
    # the period over, the limit or the business's cap used up); None: a draw may be made
    draw_refusal: Message | None = None
    refund_fen: int = 0  # the credit beyond everything owed today: may be given back
    # why the credit cannot repay early / be refunded today; None: it can
    apply_credit_refusal: Message | None = None
    refund_refusal: Message | None = None

    @property
    def may_draw(self) -> bool:
        return self.draw_refusal is None

    @property
    def total_owed_fen(self) -> int:
        return (
            self.principal_fen
            + self.interest_unpaid_fen
            + self.interest_accrued_fen
            + self.penalty_unpaid_fen
            + self.penalty_accrued_fen
        )


def _next_due(state: LoanState, after: date) -> tuple[date | None, int]:
    """The next due date on or after ``after`` and what settles everything due by then:
    principal falling due by that date (arrears included), interest and penalty posted and
    unpaid, and what will have accrued by then (an estimate until it is posted). Every
    instalment date is an interest date (R9)."""
    best: date | None = None
    start = after.toordinal()
    for draw in state.draws:
        if draw.principal_fen or draw.interest_day_sum:
            later = [d for d in draw.terms.due_ordinals if d >= start]
            ordinal = later[0] if later else postings.posting_on_or_after(draw.terms, start)
            day = date.fromordinal(ordinal)
            best = day if best is None or day < best else best
        for due in (*draw.interest_due, *draw.penalty_due):
            if due.due_on >= after and (best is None or due.due_on < best):
                best = due.due_on
    if best is None:
        return None, 0
    total = postings.due_by(state, best)
    if total == 0 and best == after:  # today's instalment is paid: the next one is next
        return _next_due(state, after + timedelta(days=1))
    return best, total


def loan_view(ctx: Context, session: Session, case_id: int, *, standing: bool = True) -> LoanView:
    """The loan page: its terms, balances to today, the draws with their schedules and the
    whole ledger with running balances (replayed from the rows, and checked against the
    cache as it goes). ``standing``: also each draw's instalments as they stand (the
    engine run forward to maturity; callers that only read the figures leave it out)."""
    require(session, Permission.VIEW_CASES)
    row = _loan_row(ctx, case_id)
    case = pipeline.load_case(ctx, case_id)
    draws = {t.draw_id: t for t in loan_store.draws_of(ctx.store, case_id)}
    replay = new_loan(str(case_id), date.fromisoformat(row.opened_on))
    lines = []
    for line in loan_store.ledger_of(ctx.store, case_id):
        entry = line.entry
        parts = _parts_of(replay, entry)
        replay = append(
            replay, entry, draws.get(entry.draw_id or "") if entry.kind == EntryKind.DRAW else None
        )
        lines.append(
            LedgerRow(
                entry, line.at, line.by_name, line.note, replay.principal_fen,
                replay.interest_unpaid_fen, replay.penalty_unpaid_fen, replay.credit_fen, parts,
            )
        )  # fmt: skip
    state = current_state(ctx, row)
    today = business_date(ctx)
    as_of = max(today, state.accrued_through)
    schedules = standing_schedules(state, closed_through(ctx)) if standing else {}
    shown = accrue(state, as_of)
    interest_accrued = sum(
        interest_fen(d.interest_day_sum, d.terms.daily_rate) for d in shown.draws
    )
    penalty_accrued = sum(
        interest_fen(d.penalty_day_sum, d.terms.penalty_daily_rate) for d in shown.draws
    )
    dpd = postings.days_past_due(shown, as_of)
    cls = postings.overdue_class(dpd)
    next_on, next_fen = _next_due(shown, as_of)
    terms = LoanTerms(
        row.product, row.limit_fen, Decimal(row.daily_rate), row.term_months, Plan(row.plan)
    )
    available = (
        postings.available_fen(shown, row.limit_fen)
        if row.status == "active" and today <= date.fromisoformat(row.available_until)
        else 0
    )
    payoff = postings.payoff(state, as_of)
    if isinstance(payoff, Refusal):
        raise _refused(payoff)
    refusal = _draw_problem(row, case.stage, today)
    if refusal is None and available <= 0:
        refusal = Message.of(_T_LIMIT_USED, limit=yuan(row.limit_fen))
    if refusal is None:
        cap = KIND_CAPS_FEN.get(case.kind, 0)
        elsewhere = loan_store.business_principal(ctx.store, case_id)
        if elsewhere + shown.principal_fen >= cap:
            refusal = Message.of(
                _T_CAP_REACHED,
                owed=yuan(elsewhere + shown.principal_fen),
                cap=yuan(cap),
                elsewhere=yuan(elsewhere),
            )
    return LoanView(
        case_id=case_id,
        version=row.version,
        business_name=case.business_name,
        stage=case.stage,
        status=row.status,
        terms=terms,
        annual_rate=annual_rate(terms.daily_rate),
        approved_at=row.approved_at,
        opened_on=date.fromisoformat(row.opened_on),
        available_until=date.fromisoformat(row.available_until),
        as_of=as_of,
        drawn_fen=sum(t.amount_fen for t in draws.values()),
        available_fen=available,
        principal_fen=shown.principal_fen,
        interest_accrued_fen=interest_accrued,
        interest_unpaid_fen=shown.interest_unpaid_fen,
        penalty_accrued_fen=penalty_accrued,
        penalty_unpaid_fen=shown.penalty_unpaid_fen,
        credit_fen=shown.credit_fen,
        next_due_on=next_on,
        next_due_fen=next_fen,
        days_past_due=dpd,
        overdue_class=None if cls is None else cls.value,
        draws=tuple(
            DrawView(
                d.terms,
                d.principal_fen,
                d.interest_unpaid_fen,
                d.penalty_unpaid_fen,
                d.terms.instalments,
                schedules.get(d.terms.draw_id, ()),
            )
            for d in shown.draws
        ),  # fmt: skip
        ledger=tuple(lines),
        closed_through=closed_through(ctx),
        draw_months=draw_term_limit(row, today) if row.status == "active" else 0,
        draw_refusal=refusal,
        refund_fen=payoff.refund_fen,
        apply_credit_refusal=_apply_credit_problem(row, payoff),
        refund_refusal=_refund_problem(payoff),
    )


def _parts_of(before: LoanState, entry: Entry) -> tuple[AllocationPart, ...]:
    """Where a repayment row's fen went (a credit row's parts rebuilt from the state
    before it); nothing for other rows."""
    if entry.kind != EntryKind.REPAYMENT:
        return ()
    try:
        return allocation_of(before, entry)
    except Refused:
        return ()


def has_loan(ctx: Context, case_id: int) -> bool:
    return loan_store.loan(ctx.store, case_id) is not None
