"""The screening decision (R17, R18, R20): outcome, reasons, blacklist."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import given

from tests.domain.strategies import VALID_CODE, VALID_ID, applications, macros
from tests.domain.test_scoring import CARDS, OFF_PLATFORM_APP, PLATFORM, PLATFORM_APP
from workstation.domain.application import Application, Financials, PlatformData
from workstation.domain.decision import (
    BlacklistEntry,
    Outcome,
    blacklist_hits,
    decide,
    weakest_indicators,
)
from workstation.domain.limits import LegalReview, MacroSettings
from workstation.domain.scoring import score

D = Decimal
TEA = dataclasses.replace(
    PLATFORM_APP, business=dataclasses.replace(PLATFORM_APP.business, industry="tea",
                                               platform_account="lotus_tea")
)  # fmt: skip
NEUTRAL = MacroSettings(1, (("tea", "shrinking"),), "neutral")
GOOD_TIMES = MacroSettings(1, (("tea", "growing"),), "expansion")


def texts(decision) -> list[str]:
    return [m.render() for m in decision.reasons]


def test_a_clean_c_tier_case_goes_to_investigation_with_its_reasons() -> None:
    decision = decide(TEA, PLATFORM, NEUTRAL, [])
    assert decision.outcome is Outcome.INVESTIGATE
    assert decision.score is not None and decision.score.total == D("62.00")
    assert decision.multipliers == (("industry", D("0.7")), ("economy", D("0.95")))
    # Sub-scores 65, 55, 57.5, 65, 70: growth (55) and order count (57.5) pulled it down most.
    assert texts(decision) == [
        "Score 62.00 of 100: tier C",
        "Sales growth scored 55.0 of 100 (weight 20%)",
        "Order count scored 57.5 of 100 (weight 20%)",
        "The industry (tea) is shrinking: × 0.7",
        "The economy is neutral: × 0.95",
    ]
    # Credit limit: 100,000,000 // 12 = 8,333,333 x 1.2 = 9,999,999.6; x 0.7 x 0.95
    # = 6,649,999.734; down to 6,600,000.
    assert decision.limit is not None and decision.limit.combined_limit_fen == 6_600_000


def test_multipliers_of_one_are_not_reasons() -> None:
    decision = decide(TEA, PLATFORM, GOOD_TIMES, [])
    assert not any("industry" in t or "economy" in t for t in texts(decision))


def test_a_legal_flag_sends_the_case_to_manual_review() -> None:
    app = dataclasses.replace(TEA, legal=LegalReview(litigation=True, bankruptcy=True))
    decision = decide(app, PLATFORM, GOOD_TIMES, [])
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert decision.legal_flags == ("bankruptcy", "litigation")
    assert "Legal review: bankruptcy proceedings" in texts(decision)
    assert "Legal review: litigation" in texts(decision)


def test_a_missing_indicator_sends_the_case_to_manual_review() -> None:
    app = dataclasses.replace(TEA, platform=dataclasses.replace(TEA.platform, seller_dsr=None))
    decision = decide(app, PLATFORM, GOOD_TIMES, [])
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "Seller rating not supplied: scored without it, review by hand" in texts(decision)


WEAK = Application(
    TEA.business,
    TEA.product,
    TEA.amount_fen,
    financials=Financials(annual_sales_fen=1_000_000, sales_growth=D("-0.5")),
    platform=PlatformData(order_count=10, seller_dsr=D("4.1"), active_days_per_month=D(2)),
)


def test_tier_e_on_complete_data_is_declined_with_no_limit() -> None:
    # 10,000 yuan -> 0; -50 % -> 0; 10 orders -> 1; DSR 4.1 -> 8.33; 2 days -> 0:
    # 0.2 x 1 + 0.2 x 8.333 = 1.8666 -> 1.86 (cut, never rounded up) -> E
    decision = decide(WEAK, PLATFORM, GOOD_TIMES, [])
    assert decision.score is not None and decision.score.tier == "E"
    assert decision.score.total == D("1.86")
    assert decision.outcome is Outcome.DECLINE
    assert decision.limit is not None and decision.limit.combined_limit_fen == 0
    assert "Tier E is declined at screening" in texts(decision)


def test_tier_e_on_incomplete_data_goes_to_a_person() -> None:
    app = dataclasses.replace(WEAK, platform=dataclasses.replace(WEAK.platform, order_count=None))
    decision = decide(app, PLATFORM, GOOD_TIMES, [])
    assert decision.score is not None and decision.score.tier == "E"
    assert decision.outcome is Outcome.MANUAL_REVIEW


def test_off_platform_case_decides_on_its_own_card() -> None:
    decision = decide(OFF_PLATFORM_APP, CARDS["off_platform"], GOOD_TIMES, [])
    assert decision.score is not None and decision.score.total == D("60.40")
    assert decision.outcome is Outcome.INVESTIGATE


# --- the blacklist (R20) -----------------------------------------------------------------------


def test_a_blacklisted_owner_is_declined_at_intake_unscored() -> None:
    entry = BlacklistEntry("owner_id_number", f"  {VALID_ID.lower()} ", "malicious default 2025")
    decision = decide(TEA, PLATFORM, GOOD_TIMES, [entry])
    assert decision.outcome is Outcome.DECLINE
    assert decision.score is None and decision.limit is None
    assert decision.blacklist_hits == (entry,)
    assert texts(decision) == ["The owner's ID number is on the blacklist: malicious default 2025"]


def test_each_kind_of_blacklist_entry_is_matched_normalised() -> None:
    code = BlacklistEntry("credit_code", VALID_CODE.lower(), "fraud")
    account = BlacklistEntry("platform_account", " LOTUS_TEA", "fake trading")
    other = BlacklistEntry("credit_code", "91110000600037341L", "someone else")
    crossed = BlacklistEntry("platform_account", VALID_ID, "an ID is not an account")
    assert blacklist_hits(TEA, [code, account, other, crossed]) == (code, account)
    decision = decide(TEA, PLATFORM, GOOD_TIMES, [code, account])
    assert texts(decision) == [
        "The business's credit code is on the blacklist: fraud",
        "The platform account is on the blacklist: fake trading",
    ]


def test_no_account_matches_no_blank_entry() -> None:
    blank = BlacklistEntry("platform_account", "  ", "blank")
    assert blacklist_hits(PLATFORM_APP, [blank]) == ()


def test_weakest_indicators_skip_full_marks_and_prefer_heavier_on_a_tie() -> None:
    result = score(PLATFORM, PLATFORM_APP)
    # 65 (sales, 0.3) and 65 (DSR, 0.2) tie after growth 55 and orders 57.5
    assert [i.key for i in weakest_indicators(result, 3)] == [
        "sales_growth", "order_count", "annual_sales",
    ]  # fmt: skip


@given(applications, macros)
def test_decide_never_raises(app: Application, macro: MacroSettings) -> None:
    entries = [BlacklistEntry("platform_account", "shop", "r"), BlacklistEntry("x", "", "r")]
    for card in CARDS.values():
        decision = decide(app, card, macro, entries)
        assert decision.outcome in Outcome
        assert all(m.render() for m in decision.reasons)
