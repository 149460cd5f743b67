"""What the rating said holds at approval (found in review): a blacklisted customer, a case
the rating declines, or a limit above the rating's is never lent; the straight-through lane
takes only complete data (R17, R19, R33, R39)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.services.book import dump
from tests.services.test_loans import CREDIT, YUAN, _stage, _submitted, _version, investigated
from tests.services.test_rating import ID_NUMBER, good_app
from workstation.domain.approval import LoanTerms
from workstation.domain.messages import RuleError
from workstation.domain.schedule import Plan
from workstation.services import approval, rating, rescore
from workstation.services.context import Context, Session


def _rated(ctx: Context, people: dict[str, Session]) -> tuple[int, int]:
    """A case the rules sent to investigation (above the lane's authority), investigated;
    and the limit its rating allows."""
    case_id = _submitted(ctx, people, amount_fen=30_000_000)
    assert _stage(ctx, case_id) == "investigation"
    investigated(ctx, people["li.inv"], case_id)
    decision = rescore.latest_decision(ctx, people["li.inv"], case_id)
    assert decision is not None and decision.decision.limit is not None
    return case_id, decision.decision.limit.combined_limit_fen


def _terms(limit_fen: int) -> LoanTerms:
    return LoanTerms("credit", limit_fen, CREDIT, 12, Plan.INTEREST_MONTHLY)


def test_a_limit_above_the_ratings_is_not_recommended(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id, rated = _rated(ctx, people)
    before = dump(ctx)
    with pytest.raises(RuleError, match="the rating allows"):
        approval.recommend(
            ctx, people["li.inv"], case_id, _version(ctx, case_id), _terms(rated + 100)
        )
    assert dump(ctx) == before
    approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), _terms(rated))


def test_a_customer_blacklisted_after_the_rating_is_refused_at_approval(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id, rated = _rated(ctx, people)
    li, wang, zhou = people["li.inv"], people["wang.sup"], people["zhou.sup"]
    approval.recommend(ctx, li, case_id, _version(ctx, case_id), _terms(min(rated, 100_000 * YUAN)))
    rating.add_to_blacklist(ctx, wang, "owner_id_number", ID_NUMBER, "恶意拖欠")
    approval.set_authority(ctx, people["admin"], zhou.user_id, 1_000_000 * YUAN)
    before = dump(ctx)
    with pytest.raises(RuleError, match="blacklist"):
        approval.approve(ctx, zhou, case_id, _version(ctx, case_id))
    assert dump(ctx) == before


def test_a_case_the_rating_now_declines_is_not_recommended(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id, rated = _rated(ctx, people)
    rating.add_to_blacklist(ctx, people["wang.sup"], "owner_id_number", ID_NUMBER, "骗贷")
    rescore.rescore_case(ctx, people["wang.sup"], case_id)  # the decision now declines
    with pytest.raises(RuleError, match="blacklist|declines"):
        approval.recommend(ctx, people["li.inv"], case_id, _version(ctx, case_id), _terms(rated))


def test_the_lane_takes_only_complete_data(ctx: Context, people: dict[str, Session]) -> None:
    full = good_app().financials
    missing = replace(full, inventory_fen=None, accounts_receivable_fen=None)
    case_id = _submitted(ctx, people, amount_fen=3_000_000, financials=missing)
    assert _stage(ctx, case_id) == "investigation"  # people look at it
    clean = _submitted(ctx, people, amount_fen=3_000_000)
    assert _stage(ctx, clean) == "disbursement"


def test_the_approval_sheet_shows_the_rating_and_why_it_cannot_be_signed(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id, rated = _rated(ctx, people)
    li, wang, zhou = people["li.inv"], people["wang.sup"], people["zhou.sup"]
    approval.recommend(ctx, li, case_id, _version(ctx, case_id), _terms(min(rated, 100_000 * YUAN)))
    approval.set_authority(ctx, people["admin"], zhou.user_id, 1_000_000 * YUAN)
    sheet = approval.approval_sheet(ctx, zhou, case_id, _version(ctx, case_id))
    assert sheet.rating is not None and sheet.rating.limit_fen == rated
    assert sheet.blocked is None
    rating.add_to_blacklist(ctx, wang, "owner_id_number", ID_NUMBER, "恶意拖欠")
    sheet = approval.approval_sheet(ctx, zhou, case_id, _version(ctx, case_id))
    assert sheet.blocked is not None and "blacklist" in sheet.blocked.render()
