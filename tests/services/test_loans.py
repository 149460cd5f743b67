"""Loans through the services: approval with authority and maker-checker, draws, repayment,
the day-end, and the worked examples of issue 5 computed by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.conftest import T0
from tests.services.book import add_case
from workstation.domain.approval import LoanTerms
from workstation.domain.interview import InterviewMode, required_documents
from workstation.domain.messages import RuleError
from workstation.domain.schedule import Plan
from workstation.services import approval, check, day_end, investigation, loans
from workstation.services.context import Context, FixedClock, Session
from workstation.store import cases as case_store
from workstation.store import loans as loan_store

YUAN = 100
CREDIT = Decimal("0.0006")
ORDER = Decimal("0.0005")


def _tables(ctx: Context) -> dict[str, list[tuple]]:
    names = ("loans", "loan_entries", "allocation_parts", "draws", "signatures", "cases")
    return {n: ctx.store.conn.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in names}


def _investigated(ctx: Context, people: dict[str, Session], amount_fen: int = 0) -> int:
    inv = people["li.inv"]
    case_id = add_case(
        ctx,
        "investigation",
        officer_id=inv.user_id,
        history=(("application", "rating", "submit"), ("rating", "investigation", "rate")),
    )
    investigated(ctx, inv, case_id)
    return case_id


def investigated(ctx: Context, inv: Session, case_id: int) -> None:
    """The owner interviewed with the identity check, the required documents received."""
    investigation.record_interview(
        ctx, inv, case_id, T0 - timedelta(hours=1), InterviewMode.VIDEO,
        frozenset({"identity", "premises"}), "video call; shop and stock shown",
    )  # fmt: skip
    for kind in required_documents("platform"):
        investigation.mark_received(ctx, inv, case_id, kind)


def _version(ctx: Context, case_id: int) -> int:
    return int(
        ctx.store.conn.execute("SELECT version FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    )


def _stage(ctx: Context, case_id: int) -> str:
    return str(
        ctx.store.conn.execute("SELECT stage FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    )


def _loan_version(ctx: Context, case_id: int) -> int:
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None
    return row.version


def _approved(
    ctx: Context,
    people: dict[str, Session],
    terms: LoanTerms,
) -> int:
    case_id = _investigated(ctx, people)
    approval.set_authority(ctx, people["admin"], people["wang.sup"].user_id, 1_000_000 * YUAN)
    approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), terms)
    outcome = approval.approve(ctx, people["wang.sup"], case_id, _version(ctx, case_id))
    assert outcome.approved
    return case_id


def _draw(ctx: Context, people: dict[str, Session], case_id: int, amount: int, months: int) -> None:
    loans.disburse(ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), amount, months)


def _close_days(ctx: Context, clock: FixedClock, people: dict[str, Session], days: int) -> None:
    """Move the business clock ``days`` on, running the day-end every night."""
    for _ in range(days):
        day_end.run_day_end(ctx, people["wang.sup"], clock.now().date())
        clock.advance(days=1)


CREDIT_100K = LoanTerms("credit", 100_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY)


# --- approval ----------------------------------------------------------------------------------


def test_recommend_then_approve_opens_the_loan(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    assert _stage(ctx, case_id) == "disbursement"
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.terms == CREDIT_100K
    assert view.annual_rate == Decimal("0.2190")
    assert view.available_fen == 100_000 * YUAN and view.principal_fen == 0
    assert view.available_until == date(2027, 11, 26)


def test_the_recommender_may_not_approve_and_nothing_changes(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _investigated(ctx, people)
    sup = people["wang.sup"]
    approval.set_authority(ctx, people["admin"], sup.user_id, 1_000_000 * YUAN)
    approval.recommend(ctx, sup, case_id, _version(ctx, case_id), CREDIT_100K)
    before = _tables(ctx)
    with pytest.raises(RuleError, match="Maker–checker"):
        approval.approve(ctx, sup, case_id, _version(ctx, case_id))
    assert _tables(ctx) == before
    assert all(item.case_id != case_id for item in approval.inbox(ctx, sup))


def test_above_authority_needs_a_second_approver(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _investigated(ctx, people)
    wang, zhou = people["wang.sup"], people["zhou.sup"]
    approval.set_authority(ctx, people["admin"], wang.user_id, 50_000 * YUAN)
    approval.set_authority(ctx, people["admin"], zhou.user_id, 500_000 * YUAN)
    approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), CREDIT_100K)
    [item] = approval.inbox(ctx, wang)
    assert not item.within_authority and not item.may_bulk
    first = approval.approve(ctx, wang, case_id, _version(ctx, case_id))
    assert not first.approved and _stage(ctx, case_id) == "approval"
    assert approval.inbox(ctx, wang) == []  # signed: waits for someone else
    [item] = approval.inbox(ctx, zhou)
    assert item.signed_by == ("王主管",) and item.within_authority
    second = approval.approve(ctx, zhou, case_id, _version(ctx, case_id))
    assert second.approved and _stage(ctx, case_id) == "disbursement"


def test_no_authority_set_is_none_held(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _investigated(ctx, people)
    approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), CREDIT_100K)
    with pytest.raises(RuleError, match="no approval authority"):
        approval.approve(ctx, people["wang.sup"], case_id, _version(ctx, case_id))


def test_an_amendment_needs_a_reason_and_replaces_the_terms(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _investigated(ctx, people)
    wang = people["wang.sup"]
    approval.set_authority(ctx, people["admin"], wang.user_id, 1_000_000 * YUAN)
    approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), CREDIT_100K)
    lower = LoanTerms("credit", 60_000 * YUAN, CREDIT, 6, Plan.EQUAL_PRINCIPAL)
    with pytest.raises(RuleError, match="reason"):
        approval.approve(ctx, wang, case_id, _version(ctx, case_id), amended=lower)
    approval.approve(ctx, wang, case_id, _version(ctx, case_id), amended=lower, reason="thin sales")
    state = approval.approval_state(ctx, case_id)
    assert state.terms == lower and state.proposal is not None and state.proposal.kind == "amend"
    assert loans.loan_view(ctx, wang, case_id).terms == lower


def test_bulk_approve_signs_what_is_within_authority_and_lists_the_rest(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang = people["wang.sup"]
    approval.set_authority(ctx, people["admin"], wang.user_id, 80_000 * YUAN)
    small = LoanTerms("credit", 50_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY)
    ids = []
    for terms in (small, small, CREDIT_100K):
        case_id = _investigated(ctx, people)
        approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), terms)
        ids.append(case_id)
    items = approval.inbox(ctx, wang)
    assert [i.may_bulk for i in items] == [True, True, False]
    result = approval.bulk_approve(ctx, wang, [(i.case_id, i.version) for i in items])
    assert result.approved == tuple(ids[:2])
    assert [case for case, _ in result.refused] == [ids[2]]


def test_terms_outside_the_rules_are_refused(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _investigated(ctx, people)
    for bad in (
        LoanTerms("credit", 2_000_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY),  # above cap
        LoanTerms("credit", 100_000 * YUAN, CREDIT, 13, Plan.INTEREST_MONTHLY),  # term
        LoanTerms("credit", 100_000 * YUAN, Decimal("0.001"), 12, Plan.INTEREST_MONTHLY),
    ):
        before = _tables(ctx)
        with pytest.raises(RuleError):
            approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), bad)
        assert _tables(ctx) == before


# --- money: the worked examples ----------------------------------------------------------------


def test_a_100000_credit_draw_repaid_after_30_days(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    # 100,000.00 × 30 days × 0.06% = 1,800.00 interest (R6, R8): 10,000,000 fen × 30 × 0.0006
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 100_000 * YUAN, 1)
    assert _stage(ctx, case_id) == "monitoring"
    _close_days(ctx, clock, people, 30)
    assert clock.now().date() == date(2026, 12, 26)
    payoff = loans.trial(ctx, people["liu.fin"], case_id, date(2026, 12, 26))
    assert (payoff.principal_fen, payoff.interest_fen, payoff.penalty_fen) == (
        10_000_000,
        180_000,
        0,
    )
    paid = loans.repay(
        ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), payoff.total_fen
    )
    assert (paid.penalty_fen, paid.interest_fen, paid.principal_fen) == (0, 180_000, 10_000_000)
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.principal_fen == 0 and view.total_owed_fen == 0
    assert view.available_fen == 100_000 * YUAN  # R7: repaid principal can be drawn again


def test_an_order_loan_repaid_on_the_day_of_the_draw_costs_nothing(
    ctx: Context, people: dict[str, Session]
) -> None:
    terms = LoanTerms("order", 30_000 * YUAN, ORDER, 3, Plan.INTEREST_MONTHLY)
    case_id = _approved(ctx, people, terms)
    _draw(ctx, people, case_id, 30_000 * YUAN, 1)
    assert loans.trial(ctx, people["liu.fin"], case_id, T0.date()).total_fen == 3_000_000
    paid = loans.repay(ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), 3_000_000)
    assert (paid.interest_fen, paid.principal_fen) == (0, 3_000_000)


def test_ten_days_overdue_with_penalty_then_a_part_repayment(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 100_000 * YUAN, 1)  # due 2026-12-26
    _close_days(ctx, clock, people, 41)  # closes 11-26 … 01-05; today 2027-01-06
    assert clock.now().date() == date(2027, 1, 6)
    assert _stage(ctx, case_id) == "overdue"
    # Penalty from the day after the due date (12-27 … 01-05: 10 days) at 1.5 × 0.06% on
    # the overdue principal: 10,000,000 × 10 × 0.0009 = 90,000 fen; no normal interest on it.
    payoff = loans.trial(ctx, people["liu.fin"], case_id, date(2027, 1, 5))
    assert (payoff.principal_fen, payoff.interest_fen, payoff.penalty_fen) == (
        10_000_000,
        180_000,
        90_000,
    )
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.overdue_class == "M1" and view.days_past_due == 11  # as of today, 01-06
    # Part repayment on 01-06: penalty now 11 days (99,000), interest 180,000, the rest principal.
    paid = loans.repay(ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), 1_000_000)
    assert (paid.penalty_fen, paid.interest_fen, paid.principal_fen) == (99_000, 180_000, 721_000)
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.principal_fen == 10_000_000 - 721_000
    assert view.penalty_unpaid_fen == 0 and view.interest_unpaid_fen == 0
    assert _stage(ctx, case_id) == "overdue"  # principal is still late


def test_paying_the_arrears_cures_the_loan(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 100_000 * YUAN, 1)
    _close_days(ctx, clock, people, 33)
    assert _stage(ctx, case_id) == "overdue"
    owed = loans.trial(ctx, people["liu.fin"], case_id, clock.now().date()).total_fen
    loans.repay(ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), owed)
    assert _stage(ctx, case_id) == "monitoring"


# --- bad input -----------------------------------------------------------------------------------


def test_refusals_leave_the_ledger_untouched(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    fin = people["liu.fin"]
    _draw(ctx, people, case_id, 60_000 * YUAN, 3)
    _close_days(ctx, clock, people, 2)
    before = _tables(ctx)
    version = _loan_version(ctx, case_id)
    with pytest.raises(RuleError, match="more than the limit still available"):
        loans.disburse(ctx, fin, case_id, version, 50_000 * YUAN, 3)
    for amount in (0, -100):
        with pytest.raises(RuleError, match="more than zero"):
            loans.repay(ctx, fin, case_id, version, amount)
    with pytest.raises(RuleError, match="the day this loan's ledger already runs to"):
        loans.repay(ctx, fin, case_id, version, 100, on=T0.date())
    with pytest.raises(RuleError, match="more than is owed"):
        loans.repay(ctx, fin, case_id, version, 70_000 * YUAN)
    with pytest.raises(RuleError, match="Only finance"):
        loans.repay(ctx, people["wang.sup"], case_id, version, 100)
    with pytest.raises(RuleError, match="changed meanwhile"):
        loans.repay(ctx, fin, case_id, version - 1, 100)
    with pytest.raises(RuleError, match="after today"):
        loans.repay(ctx, fin, case_id, version, 100, on=clock.now().date() + timedelta(days=1))
    assert _tables(ctx) == before


def test_an_overpayment_may_be_held_as_a_credit(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    paid = loans.repay(
        ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), 10_050 * YUAN,
        hold_excess=True,
    )  # fmt: skip
    assert paid.excess_fen == 50 * YUAN
    assert loans.loan_view(ctx, people["liu.fin"], case_id).credit_fen == 50 * YUAN


def test_a_reversal_undoes_a_repayment_of_the_open_day(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    fin = people["liu.fin"]
    loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), 1_000 * YUAN)
    seq = loans.loan_view(ctx, fin, case_id).ledger[-1].entry.seq
    with pytest.raises(RuleError, match="reason"):
        loans.reverse(ctx, fin, case_id, _loan_version(ctx, case_id), seq, "")
    loans.reverse(ctx, fin, case_id, _loan_version(ctx, case_id), seq, "wrong account")
    view = loans.loan_view(ctx, fin, case_id)
    assert view.principal_fen == 10_000 * YUAN
    assert [r.entry.kind.value for r in view.ledger] == ["draw", "repayment", "reversal"]


# --- the day-end -------------------------------------------------------------------------------


def test_the_day_end_twice_equals_once_and_visits_only_loans_with_something_due(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 100_000 * YUAN, 3)
    clock.advance(days=30)  # 12-26: the first posting date
    sup = people["wang.sup"]
    quiet = day_end.run_day_end(ctx, sup, date(2026, 12, 25))
    assert quiet.loans == 0 and quiet.postings == 0  # nothing due before 12-26
    first = day_end.run_day_end(ctx, sup, date(2026, 12, 26))
    assert (first.loans, first.postings) == (1, 1)
    tables = _tables(ctx)
    again = day_end.run_day_end(ctx, sup, date(2026, 12, 26))
    assert (again.loans, again.postings) == (0, 0) and _tables(ctx) == tables
    [posting] = [r.entry for r in loans.loan_view(ctx, sup, case_id).ledger][1:]
    assert posting.amount_fen == 180_000 and posting.day_sum == 10_000_000 * 30


def test_the_day_end_refuses_the_future_and_other_roles(
    ctx: Context, people: dict[str, Session]
) -> None:
    with pytest.raises(RuleError, match="ahead of today"):
        day_end.run_day_end(ctx, people["wang.sup"], T0.date() + timedelta(days=1))
    with pytest.raises(RuleError, match="supervisor"):
        day_end.run_day_end(ctx, people["liu.fin"], T0.date())


def test_a_cancelled_day_end_resumes_where_it_stopped(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    ids = []
    for _ in range(5):
        case_id = _approved(
            ctx, people, LoanTerms("credit", 50_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY)
        )
        _draw(ctx, people, case_id, 10_000 * YUAN, 1)
        ids.append(case_id)
    clock.advance(days=30)
    sup, through = people["wang.sup"], date(2026, 12, 26)
    calls = iter([False, True])
    part = day_end.run_day_end(ctx, sup, through, cancelled=lambda: next(calls), batch=2)
    assert part.cancelled and part.loans == 2
    assert loan_store.day_end_through(ctx.store) is None  # not finished: not recorded
    rest = day_end.run_day_end(ctx, sup, through, batch=2)
    assert rest.loans == 3 and loan_store.day_end_through(ctx.store) == "2026-12-26"
    for case_id in ids:
        assert len(loans.loan_view(ctx, sup, case_id).ledger) == 2  # draw + one posting


# --- the straight-through lane (R39) -------------------------------------------------------------


def _submitted(ctx: Context, people: dict[str, Session], **changes: object) -> int:
    from tests.services.test_rating import _ready, good_app
    from workstation.services import rating

    inv = people["li.inv"]
    case_id = _ready(ctx, inv, good_app(**changes))
    rating.submit_application(ctx, inv, case_id, _version(ctx, case_id))
    return case_id


def test_a_clean_small_platform_case_is_approved_by_the_system(
    ctx: Context, people: dict[str, Session]
) -> None:
    import time

    started = time.perf_counter()
    case_id = _submitted(ctx, people, amount_fen=3_000_000)
    assert time.perf_counter() - started < 1.0  # "well under a second" (not a benchmark)
    assert _stage(ctx, case_id) == "disbursement"
    actions = [
        r[0]
        for r in ctx.store.conn.execute(
            "SELECT action FROM stage_moves WHERE case_id = ? ORDER BY id", (case_id,)
        )
    ]
    assert actions == ["receive", "submit", "auto_approve"]
    state = approval.approval_state(ctx, case_id)
    assert state.proposal is not None and state.proposal.kind == "system" and state.complete
    assert state.terms is not None and state.terms.limit_fen == 3_000_000
    assert approval.straight_through_counts(ctx, T0.date().isoformat()) == (1, 1)


def test_the_lane_leaves_to_people_what_is_too_large_or_not_clean(
    ctx: Context, people: dict[str, Session]
) -> None:
    too_large = _submitted(ctx, people, amount_fen=8_000_000)  # above CNY 50,000
    assert _stage(ctx, too_large) == "investigation"
    approval.set_system_authority(ctx, people["admin"], 100_000 * YUAN)
    now_within = _submitted(ctx, people, amount_fen=8_000_000)
    assert _stage(ctx, now_within) == "disbursement"
    with pytest.raises(RuleError):
        approval.set_system_authority(ctx, people["wang.sup"], 0)  # admin only


def test_check_finds_a_cache_that_differs_from_the_ledger(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    assert check.ledger_problems(ctx) == []
    with ctx.store.write():
        ctx.store.conn.execute(
            "UPDATE loans SET state = replace(state, ',1000000,', ',999999,') WHERE case_id = ?",
            (case_id,),
        )
    assert check.ledger_problems(ctx) == [
        f"loan {case_id}: the cached balances differ from its ledger"
    ]


def test_moves_that_state_money_facts_must_agree_with_the_ledger(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    from workstation.domain.stages import Action
    from workstation.services import pipeline

    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    fin = people["liu.fin"]
    before = _tables(ctx)
    with pytest.raises(RuleError, match="not repaid in full"):
        pipeline.move_case(ctx, fin, case_id, Action.SETTLE, _version(ctx, case_id))
    with pytest.raises(RuleError, match="Nothing on the loan's ledger is past due"):
        pipeline.move_case(ctx, fin, case_id, Action.MARK_OVERDUE, _version(ctx, case_id))
    assert _tables(ctx) == before
    _close_days(ctx, clock, people, 33)
    assert _stage(ctx, case_id) == "overdue"
    with pytest.raises(RuleError, match="arrears are not paid"):
        pipeline.move_case(ctx, fin, case_id, Action.CURE, _version(ctx, case_id))


def test_overdue_turns_the_risk_red_and_a_cure_amber(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    _close_days(ctx, clock, people, 33)
    risk = "SELECT risk FROM cases WHERE id = ?"
    assert ctx.store.conn.execute(risk, (case_id,)).fetchone()[0] == "red"
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.next_due_on is not None and view.next_due_on > clock.now().date()
    owed = loans.trial(ctx, people["liu.fin"], case_id, clock.now().date()).total_fen
    loans.repay(ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), owed)
    assert ctx.store.conn.execute(risk, (case_id,)).fetchone()[0] == "amber"


def test_a_payment_dated_on_its_due_day_after_that_days_close_gives_the_risk_back(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in the walk-through: the close of day marked the loan overdue (red) at 18:00; the
    customer had paid that day and finance recorded it, dated that day, the next morning. It
    was never late: the case goes back to monitoring with the risk it had, not amber. One day
    later, it was late: amber."""
    fin = people["liu.fin"]
    risk = "SELECT risk FROM cases WHERE id = ?"
    for paid_days_late, expected in ((0, "kept"), (1, "amber")):
        case_id = _approved(ctx, people, CREDIT_100K)
        _draw(ctx, people, case_id, 10_000 * YUAN, 1)
        before = ctx.store.conn.execute(risk, (case_id,)).fetchone()[0]
        due = loans.loan_view(ctx, fin, case_id).next_due_on
        assert due is not None
        _close_days(ctx, clock, people, (due - clock.now().date()).days + 1 + paid_days_late)
        assert _stage(ctx, case_id) == "overdue"
        assert ctx.store.conn.execute(risk, (case_id,)).fetchone()[0] == "red"
        paid_on = due + timedelta(days=paid_days_late)
        owed = loans.trial(ctx, fin, case_id, paid_on).total_fen
        loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), owed, on=paid_on)
        assert _stage(ctx, case_id) == "monitoring"
        found = ctx.store.conn.execute(risk, (case_id,)).fetchone()[0]
        assert found == (before if expected == "kept" else "amber")
        assert found != "red"


def test_a_hand_mark_overdue_keeps_the_risk_it_had_for_an_on_time_payment(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in review: the kept risk went stale. Late once (cured amber), then marked
    overdue by hand the morning after the next due date, before that day's close; a payment
    dated on that due date gives back amber, the risk it had, not an older green."""
    from workstation.domain.stages import Action
    from workstation.services import pipeline

    fin = people["liu.fin"]
    risk = "SELECT risk FROM cases WHERE id = ?"
    equal_principal = LoanTerms("credit", 100_000 * YUAN, CREDIT, 12, Plan.EQUAL_PRINCIPAL)
    case_id = _approved(ctx, people, equal_principal)
    _draw(ctx, people, case_id, 10_000 * YUAN, 3)
    due = loans.loan_view(ctx, fin, case_id).next_due_on
    assert due is not None
    _close_days(ctx, clock, people, (due - clock.now().date()).days + 3)
    loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), _arrears(ctx, case_id, None))
    assert ctx.store.conn.execute(risk, (case_id,)).fetchone()[0] == "amber"
    second = loans.loan_view(ctx, fin, case_id).next_due_on
    assert second is not None
    _close_days(ctx, clock, people, (second - clock.now().date()).days)
    clock.advance(days=1)  # the next morning; that day's close has not run
    pipeline.move_case(ctx, fin, case_id, Action.MARK_OVERDUE, _version(ctx, case_id))
    assert ctx.store.conn.execute(risk, (case_id,)).fetchone()[0] == "red"
    owed = _arrears(ctx, case_id, second)
    loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), owed, on=second)
    assert _stage(ctx, case_id) == "monitoring"
    assert ctx.store.conn.execute(risk, (case_id,)).fetchone()[0] == "amber"


def test_arrears_paid_under_early_warning_leave_the_warning_for_a_supervisor(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in review: a case under early warning (R29) that fell overdue and was cured went
    back to monitoring, so paying late cleared a warning that only a supervisor may clear,
    with a reason. It goes back to early warning, red kept; a case that fell overdue from
    monitoring goes back to monitoring, amber."""
    from workstation.domain.stages import Action
    from workstation.services import pipeline

    fin, sup = people["liu.fin"], people["wang.sup"]
    risk = "SELECT risk FROM cases WHERE id = ?"
    for warned, expected in ((True, ("warning", "red")), (False, ("monitoring", "amber"))):
        case_id = _approved(ctx, people, CREDIT_100K)
        _draw(ctx, people, case_id, 10_000 * YUAN, 1)
        if warned:
            version = _version(ctx, case_id)
            pipeline.move_case(ctx, sup, case_id, Action.WARN, version, "销售额下降50%")
            ctx.store.conn.execute("UPDATE cases SET risk = 'red' WHERE id = ?", (case_id,))
        due = loans.loan_view(ctx, fin, case_id).next_due_on
        assert due is not None
        _close_days(ctx, clock, people, (due - clock.now().date()).days + 3)
        assert _stage(ctx, case_id) == "overdue"
        loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), _arrears(ctx, case_id, None))
        found = _stage(ctx, case_id), ctx.store.conn.execute(risk, (case_id,)).fetchone()[0]
        assert found == expected
        history = case_store.case_history(ctx.store, case_id)
        assert (history[-1].from_stage, history[-1].to_stage, history[-1].action) == (
            "overdue",
            expected[0],
            "cure",
        )
        if warned:  # the warning is still the supervisor's to clear
            pipeline.move_case(
                ctx, sup, case_id, Action.CLEAR_WARNING, _version(ctx, case_id), "已回款, 复核正常"
            )
            assert _stage(ctx, case_id) == "monitoring"
    assert check.consistency_problems(ctx) == []


def _arrears(ctx: Context, case_id: int, on: date | None) -> int:
    """Everything due by ``on`` (default: the business date), what clears the arrears."""
    from workstation.domain import postings

    state = loans.current_state(ctx, loans.loan_row(ctx, case_id))
    return postings.due_by(state, on or loans.business_date(ctx))


def test_reversals_keep_the_ledger_and_the_stage_true(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in review: a reversal is dated on the original's day, refused once the day is
    closed or a later repayment rests on it, and puts a cured loan back in arrears."""
    fin = people["liu.fin"]
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    _close_days(ctx, clock, people, 33)
    assert _stage(ctx, case_id) == "overdue"
    today = clock.now().date()
    arrears = loans.trial(ctx, fin, case_id, today).total_fen
    loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), arrears - 100 * YUAN)
    loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), 50 * YUAN)
    first, second = [r.entry.seq for r in loans.loan_view(ctx, fin, case_id).ledger][-2:]
    with pytest.raises(RuleError, match="Later entries rest on entry"):
        loans.reverse(ctx, fin, case_id, _loan_version(ctx, case_id), first, "wrong payer")
    loans.reverse(ctx, fin, case_id, _loan_version(ctx, case_id), second, "wrong payer")
    assert _stage(ctx, case_id) == "overdue"
    view = loans.loan_view(ctx, fin, case_id)
    assert view.ledger[-1].entry.on == today
    old = next(r.entry.seq for r in view.ledger if r.entry.kind.value == "interest_posting")
    with pytest.raises(RuleError, match="before the last day-end"):
        loans.reverse(ctx, fin, case_id, _loan_version(ctx, case_id), old, "no")


def test_a_cure_reversed_puts_the_loan_back_in_arrears(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    fin = people["liu.fin"]
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 3)
    _close_days(ctx, clock, people, 33)
    assert _stage(ctx, case_id) == "overdue"
    owed = loans.trial(ctx, fin, case_id, clock.now().date())
    loans.repay(
        ctx, fin, case_id, _loan_version(ctx, case_id), owed.interest_fen + owed.penalty_fen
    )
    assert _stage(ctx, case_id) == "monitoring"
    seq = loans.loan_view(ctx, fin, case_id).ledger[-1].entry.seq
    loans.reverse(ctx, fin, case_id, _loan_version(ctx, case_id), seq, "cheque bounced")
    assert _stage(ctx, case_id) == "overdue"
    with pytest.raises(RuleError, match="No new draw"):
        loans.disburse(ctx, fin, case_id, _loan_version(ctx, case_id), 1_000 * YUAN, 1)


def test_a_loan_in_arrears_is_not_told_it_pays_before_its_due_date(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in the walk-through: the repayment preview of a loan 141 days late said "paid
    before the due date: interest is charged to the payment day only"."""
    fin = people["liu.fin"]
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 3)
    assert loans.due_after_payment(ctx, fin, case_id, 100 * YUAN) is not None  # not late yet
    due = loans.loan_view(ctx, fin, case_id).next_due_on
    assert due is not None
    _close_days(ctx, clock, people, (due - clock.now().date()).days + 5)
    assert loans.loan_view(ctx, fin, case_id).days_past_due > 0
    assert loans.due_after_payment(ctx, fin, case_id, 100 * YUAN) is None


def test_paid_on_its_due_date_under_warning_keeps_red_without_a_false_audit(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    """Found in review: the cure back to early warning had already kept red, yet the restore
    wrote red again and audited "before: amber"."""
    from workstation.domain.stages import Action
    from workstation.services import pipeline

    fin, sup = people["liu.fin"], people["wang.sup"]
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    pipeline.move_case(ctx, sup, case_id, Action.WARN, _version(ctx, case_id), "店铺14天无活跃")
    ctx.store.conn.execute("UPDATE cases SET risk = 'red' WHERE id = ?", (case_id,))
    due = loans.loan_view(ctx, fin, case_id).next_due_on
    assert due is not None
    _close_days(ctx, clock, people, (due - clock.now().date()).days + 1)
    assert _stage(ctx, case_id) == "overdue"
    owed = loans.trial(ctx, fin, case_id, due).total_fen
    loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), owed, on=due)
    risk = ctx.store.conn.execute("SELECT risk FROM cases WHERE id = ?", (case_id,)).fetchone()
    assert (_stage(ctx, case_id), risk[0]) == ("warning", "red")
    audits = ctx.store.conn.execute(
        "SELECT COUNT(*) FROM audit_events WHERE entity = 'case' AND entity_id = ? "
        "AND action = 'risk'",
        (case_id,),
    ).fetchone()[0]
    assert audits == 0
    with pytest.raises(ValueError, match="one case at a time"):
        pipeline.move_cases(ctx, sup, [(case_id, _version(ctx, case_id))], Action.CURE)
