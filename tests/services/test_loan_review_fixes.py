"""The fifth review's loan findings: a case sent back from disbursement, draws only where a
loan may be drawn, R5's cap per business, a closed loan takes no payment, the plan fixed by
the approval, and the loan page told why no draw can be made."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from tests.services.book import dump
from tests.services.test_loans import (
    CREDIT,
    ORDER,
    YUAN,
    _approved,
    _close_days,
    _loan_version,
    _stage,
    _version,
)
from workstation.domain.approval import LoanTerms
from workstation.domain.messages import RuleError
from workstation.domain.schedule import Plan
from workstation.domain.stages import Action
from workstation.services import approval, loans, pipeline
from workstation.services.context import Context, FixedClock, Session
from workstation.store import loans as loan_store

CREDIT_100K = LoanTerms("credit", 100_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY)


def _draw(ctx: Context, people: dict[str, Session], case_id: int, amount: int, months: int) -> None:
    loans.disburse(ctx, people["liu.fin"], case_id, _loan_version(ctx, case_id), amount, months)


def _put_in_stage(ctx: Context, case_id: int, stage: str) -> None:
    """A book where the case stands in ``stage`` (older books, or moves not under test)."""
    with ctx.store.write():
        ctx.store.conn.execute("UPDATE cases SET stage = ? WHERE id = ?", (stage, case_id))


def _send_back(ctx: Context, people: dict[str, Session], case_id: int) -> None:
    pipeline.move_case(
        ctx, people["liu.fin"], case_id, Action.SEND_BACK, _version(ctx, case_id), "limit wrong"
    )


# --- 1. sent back from disbursement ----------------------------------------------------------


def test_a_case_sent_back_takes_no_draw_and_is_approved_again_on_new_terms(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    old = loan_store.loan(ctx.store, case_id)
    assert old is not None
    _send_back(ctx, people, case_id)
    assert _stage(ctx, case_id) == "approval"
    before = dump(ctx)
    with pytest.raises(RuleError, match="No new draw while the loan is in “approval”"):
        _draw(ctx, people, case_id, 10_000 * YUAN, 6)
    assert dump(ctx) == before

    clock.advance(days=3)
    lower = LoanTerms("credit", 60_000 * YUAN, Decimal("0.00055"), 6, Plan.EQUAL_PRINCIPAL)
    outcome = approval.approve(
        ctx, people["wang.sup"], case_id, _version(ctx, case_id), lower, reason="lower"
    )
    assert outcome.approved and _stage(ctx, case_id) == "disbursement"
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None
    assert (row.limit_fen, row.daily_rate, row.plan, row.term_months) == (
        60_000 * YUAN, "0.00055", "equal_principal", 6,
    )  # fmt: skip
    assert (row.opened_on, row.available_until) == ("2026-11-29", "2027-05-29")
    assert row.version > old.version and row.recommendation_id != old.recommendation_id
    audit = ctx.store.conn.execute(
        "SELECT before, after FROM audit_events WHERE entity = 'loan' AND entity_id = ? "
        "AND action = 'terms:replaced'",
        (case_id,),
    ).fetchall()
    assert len(audit) == 1
    was, now = (json.loads(text) for text in audit[0])
    assert (was["limit_fen"], was["plan"], was["available_until"]) == (
        100_000 * YUAN, "interest_monthly", "2027-11-26",
    )  # fmt: skip
    assert (now["limit_fen"], now["plan"], now["daily_rate"]) == (
        60_000 * YUAN, "equal_principal", "0.00055",
    )  # fmt: skip
    # the draw now runs on the new terms
    _draw(ctx, people, case_id, 30_000 * YUAN, 3)
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.draws[0].terms.plan == Plan.EQUAL_PRINCIPAL and view.available_fen == 30_000 * YUAN
    assert _stage(ctx, case_id) == "monitoring"


def test_a_loan_with_ledger_entries_is_not_replaced_by_a_new_approval(
    ctx: Context, people: dict[str, Session]
) -> None:
    """A book where a drawn loan's case stands in approval (drawn there before draws were
    limited to disbursement and monitoring): signing again is refused, nothing changes."""
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 6)
    _put_in_stage(ctx, case_id, "approval")
    sup = people["zhou.sup"]
    approval.set_authority(ctx, people["admin"], sup.user_id, 1_000_000 * YUAN)
    sheet = approval.approval_sheet(ctx, sup, case_id, _version(ctx, case_id))
    assert sheet.blocked is not None and "cannot replace its terms" in str(sheet.blocked)
    before = dump(ctx)
    with pytest.raises(RuleError, match="a new approval cannot replace its terms"):
        approval.approve(ctx, sup, case_id, _version(ctx, case_id))
    assert dump(ctx) == before


def test_a_case_declined_after_a_send_back_closes_its_undrawn_loan(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _send_back(ctx, people, case_id)
    approval.decline(ctx, people["zhou.sup"], case_id, _version(ctx, case_id), "no longer wanted")
    row = loan_store.loan(ctx.store, case_id)
    assert _stage(ctx, case_id) == "declined" and row is not None and row.status == "closed"
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert not view.may_draw and view.available_fen == 0


# --- 1 and 5. draws only where a loan may be drawn; the page told why not --------------------


@pytest.mark.parametrize(
    "stage", ["investigation", "approval", "overdue", "warning", "recovery", "blacklisted"]
)
def test_no_draw_outside_disbursement_and_monitoring(
    ctx: Context, people: dict[str, Session], stage: str
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 6)
    _put_in_stage(ctx, case_id, stage)
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.available_fen == 90_000 * YUAN  # the limit's figure is still shown
    assert not view.may_draw and view.draw_refusal is not None
    assert str(view.draw_refusal) == f"No new draw while the loan is in “{stage}”."
    before = dump(ctx)
    with pytest.raises(RuleError, match=f"No new draw while the loan is in “{stage}”"):
        _draw(ctx, people, case_id, 10_000 * YUAN, 6)
    assert dump(ctx) == before


def test_a_loan_in_good_standing_may_draw(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    assert loans.loan_view(ctx, people["liu.fin"], case_id).draw_refusal is None
    _draw(ctx, people, case_id, 10_000 * YUAN, 6)
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.stage == "monitoring" and view.may_draw


def test_an_overdue_loan_tells_the_page_no_draw(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 10_000 * YUAN, 1)
    _close_days(ctx, clock, people, 33)  # due 2026-12-26, unpaid
    assert _stage(ctx, case_id) == "overdue"
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.available_fen > 0 and not view.may_draw
    assert str(view.draw_refusal) == "No new draw while the loan is in “overdue”."


def test_the_view_says_when_the_limit_is_used_up(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 100_000 * YUAN, 6)
    view = loans.loan_view(ctx, people["liu.fin"], case_id)
    assert view.draw_refusal is not None and "The whole limit of 100,000.00 is drawn" in str(
        view.draw_refusal
    )


# --- 2. R5's cap per business ----------------------------------------------------------------


def _two_loans(ctx: Context, people: dict[str, Session]) -> tuple[int, int]:
    """Two applications of one business (the book's customer: the same credit code and owner
    ID number on both), a credit and an order loan of ¥1,000,000 each."""
    a = _approved(
        ctx, people, LoanTerms("credit", 1_000_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY)
    )
    b = _approved(
        ctx, people, LoanTerms("order", 1_000_000 * YUAN, ORDER, 12, Plan.INTEREST_MONTHLY)
    )
    return a, b


def _customer_of(ctx: Context, case_id: int) -> int:
    row = ctx.store.conn.execute("SELECT customer_id FROM cases WHERE id = ?", (case_id,))
    return int(row.fetchone()[0])


def _set_customer(ctx: Context, case_id: int, **fields: str) -> None:
    sets = ", ".join(f"{name} = ?" for name in fields)
    with ctx.store.write():
        ctx.store.conn.execute(
            f"UPDATE customers SET {sets} WHERE id = ?",
            (*fields.values(), _customer_of(ctx, case_id)),
        )


def test_the_cap_counts_every_loan_of_the_same_business(
    ctx: Context, people: dict[str, Session]
) -> None:
    a, b = _two_loans(ctx, people)
    assert _customer_of(ctx, a) != _customer_of(ctx, b)  # a customer row per application
    _draw(ctx, people, a, 800_000 * YUAN, 6)
    view = loans.loan_view(ctx, people["liu.fin"], b)
    assert view.may_draw  # ¥200,000 still under the cap
    before = dump(ctx)
    with pytest.raises(RuleError, match=r"to 1,600,000.00, above the cap of 1,000,000.00"):
        _draw(ctx, people, b, 800_000 * YUAN, 6)
    assert dump(ctx) == before
    _draw(ctx, people, b, 200_000 * YUAN, 6)  # up to the cap
    view = loans.loan_view(ctx, people["liu.fin"], b)
    assert view.available_fen == 800_000 * YUAN and not view.may_draw
    assert "the cap of 1,000,000.00 across its loans" in str(view.draw_refusal)


def test_without_a_credit_code_the_owner_id_number_names_the_business(
    ctx: Context, people: dict[str, Session]
) -> None:
    a, b = _two_loans(ctx, people)
    _set_customer(ctx, a, credit_code="")
    _set_customer(ctx, b, credit_code="", owner_id_number=" 11010519491231002x ")
    _draw(ctx, people, a, 800_000 * YUAN, 6)
    before = dump(ctx)
    with pytest.raises(RuleError, match="above the cap"):
        _draw(ctx, people, b, 800_000 * YUAN, 6)
    assert dump(ctx) == before


def test_the_same_credit_code_is_one_business_whoever_is_named_owner(
    ctx: Context, people: dict[str, Session]
) -> None:
    a, b = _two_loans(ctx, people)
    _set_customer(ctx, b, owner_id_number="330106198001010011")
    _draw(ctx, people, a, 800_000 * YUAN, 6)
    with pytest.raises(RuleError, match="above the cap"):
        _draw(ctx, people, b, 800_000 * YUAN, 6)


def test_another_business_of_the_same_owner_has_its_own_cap(
    ctx: Context, people: dict[str, Session]
) -> None:
    a, b = _two_loans(ctx, people)
    _set_customer(ctx, b, credit_code="91330106MA2B00001X")
    _draw(ctx, people, a, 800_000 * YUAN, 6)
    _draw(ctx, people, b, 800_000 * YUAN, 6)
    assert loans.loan_view(ctx, people["liu.fin"], b).principal_fen == 800_000 * YUAN


# --- 3. a closed loan takes no payment -------------------------------------------------------


def test_a_closed_loan_takes_no_payment(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    fin = people["liu.fin"]
    case_id = _approved(
        ctx, people, LoanTerms("credit", 200_000 * YUAN, CREDIT, 1, Plan.INTEREST_MONTHLY)
    )
    _draw(ctx, people, case_id, 50_000 * YUAN, 1)
    loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), 50_000 * YUAN)
    _close_days(ctx, clock, people, 33)
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None and row.status == "closed" and _stage(ctx, case_id) == "closed"
    before = dump(ctx)
    for hold in (False, True):
        with pytest.raises(RuleError, match="is closed: it takes no more payments"):
            loans.repay(ctx, fin, case_id, row.version, 500 * YUAN, hold_excess=hold)
    with pytest.raises(RuleError, match="is closed"):
        loans.preview_repayment(ctx, fin, case_id, 500 * YUAN)
    with pytest.raises(RuleError, match="is closed: no new draw"):
        _draw(ctx, people, case_id, 500 * YUAN, 1)
    assert dump(ctx) == before
    assert clock.now().date() == date(2026, 12, 29)


# --- 4. the plan is the approval's ------------------------------------------------------------


def test_a_draw_takes_the_approved_plan_and_cannot_change_it(
    ctx: Context, people: dict[str, Session]
) -> None:
    fin = people["liu.fin"]
    terms = LoanTerms("credit", 200_000 * YUAN, CREDIT, 12, Plan.EQUAL_PRINCIPAL)
    case_id = _approved(ctx, people, terms)
    before = dump(ctx)
    with pytest.raises(RuleError, match="The approval fixed the repayment plan"):
        loans.disburse(
            ctx, fin, case_id, _loan_version(ctx, case_id), 100_000 * YUAN, 6,
            Plan.INTEREST_MONTHLY,
        )  # fmt: skip
    assert dump(ctx) == before
    loans.disburse(ctx, fin, case_id, _loan_version(ctx, case_id), 50_000 * YUAN, 6)
    loans.disburse(
        ctx, fin, case_id, _loan_version(ctx, case_id), 50_000 * YUAN, 6, Plan.EQUAL_PRINCIPAL
    )
    view = loans.loan_view(ctx, fin, case_id)
    assert [d.terms.plan for d in view.draws] == [Plan.EQUAL_PRINCIPAL] * 2
    assert len(view.draws[0].schedule) == 6  # equal principal: six instalments
