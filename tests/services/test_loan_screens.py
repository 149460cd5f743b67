"""What the loan screens ask of the services: the approval sheet a supervisor signs from,
and the longest term a draw made today may have."""

from __future__ import annotations

from datetime import date

import pytest

from tests.services.test_loans import CREDIT_100K, YUAN, _approved, _investigated, _version
from workstation.domain.messages import RuleError
from workstation.services import approval, loans
from workstation.services.context import Context, FixedClock, Session
from workstation.store import loans as loan_store


def test_the_sheet_shows_the_terms_and_what_the_signature_would_do(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _investigated(ctx, people)
    wang, zhou = people["wang.sup"], people["zhou.sup"]
    approval.set_authority(ctx, people["admin"], wang.user_id, 50_000 * YUAN)
    approval.set_authority(ctx, people["admin"], zhou.user_id, 500_000 * YUAN)
    approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), CREDIT_100K)
    sheet = approval.approval_sheet(ctx, wang, case_id, _version(ctx, case_id))
    assert sheet.state.terms == CREDIT_100K and sheet.authority_fen == 50_000 * YUAN
    assert not sheet.completes and sheet.blocked is None  # may sign as the first of two
    approval.approve(ctx, wang, case_id, _version(ctx, case_id))
    again = approval.approval_sheet(ctx, wang, case_id, _version(ctx, case_id))
    assert again.blocked is not None and "already signed" in again.blocked.render()
    second = approval.approval_sheet(ctx, zhou, case_id, _version(ctx, case_id))
    assert second.completes and second.blocked is None
    assert [s.by_name for s in second.state.signatures] == ["王主管"]


def test_the_sheet_is_refused_to_the_recommender_and_on_a_stale_page(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = _investigated(ctx, people)
    wang = people["wang.sup"]
    shown = _version(ctx, case_id)
    approval.recommend(ctx, wang, case_id, shown, CREDIT_100K)
    with pytest.raises(RuleError, match="Maker–checker"):
        approval.approval_sheet(ctx, wang, case_id, _version(ctx, case_id))
    with pytest.raises(RuleError, match="reloaded"):
        approval.approval_sheet(ctx, people["zhou.sup"], case_id, shown)


def test_without_authority_the_sheet_says_so(ctx: Context, people: dict[str, Session]) -> None:
    case_id = _investigated(ctx, people)
    approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), CREDIT_100K)
    sheet = approval.approval_sheet(ctx, people["wang.sup"], case_id, _version(ctx, case_id))
    assert sheet.blocked is not None and "no approval authority" in sheet.blocked.render()


def test_a_draw_made_today_may_run_to_the_end_of_the_limits_period(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)  # approved 2026-11-26 for 12 months
    fin = people["liu.fin"]
    assert loans.loan_view(ctx, fin, case_id).draw_months == 12
    clock.advance(days=40)  # 2027-01-05: the period ends 2027-11-26
    assert loans.loan_view(ctx, fin, case_id).draw_months == 10
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None
    assert loans.draw_term_limit(row, date(2027, 1, 5)) == 10
