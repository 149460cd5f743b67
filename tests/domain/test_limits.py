"""Limits and prices (R3-R5, R18, R19), worked step by step by hand."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.strategies import VALID_CODE, VALID_ID, applications, macros, orders
from workstation.domain.application import (
    Application,
    Business,
    CustomerKind,
    Order,
    PlatformData,
    Product,
)
from workstation.domain.limits import (
    OFF_PLATFORM_CAP_FEN,
    PLATFORM_CAP_FEN,
    LimitResult,
    MacroSettings,
    average_monthly_sales_fen,
    compute_limits,
    eligible_orders,
    is_eligible_order,
    macro_multipliers,
    round_down_to_thousand_yuan,
)

D = Decimal
GOOD_TIMES = MacroSettings(1, (("tea", "growing"),), "expansion")
HARD_TIMES = MacroSettings(1, (("apparel", "shrinking"), ("tea", "growing")), "downturn")


def app_of(kind: CustomerKind, product: Product, *orders: Order, term: int = 6) -> Application:
    business = Business(
        kind, "Yiwu Socks", VALID_CODE, "Wang Lei", VALID_ID, "13900000000", industry="apparel"
    )
    return Application(
        business, product, 10_000_000, term_months=term, platform=PlatformData(orders=orders)
    )


SHIPPED = Order("A1", 3_000_000, shipped=True)
SHIPPED_TOO = Order("A2", 1_234_500, shipped=True)
NOT_SHIPPED = Order("B1", 900_000, shipped=False)
PAID = Order("B2", 800_000, shipped=True, paid_out=True)
REFUNDED = Order("B3", 700_000, shipped=True, refunded=True)
DISPUTED = Order("B4", 600_000, shipped=True, disputed=True)
LINKED = Order("B5", 500_000, shipped=True, buyer_linked_to_seller=True)
FAKE = Order("B6", 400_000, shipped=True, fake_trading_sign=True)
INELIGIBLE = (NOT_SHIPPED, PAID, REFUNDED, DISPUTED, LINKED, FAKE)


def amounts(result_steps) -> list[int | None]:
    return [step.amount_fen for step in result_steps]


def test_b_tier_platform_both_products_shrinking_industry_in_a_downturn() -> None:
    app = app_of(CustomerKind.PLATFORM, Product.BOTH, SHIPPED, SHIPPED_TOO, *INELIGIBLE)
    # Annual sales CNY 1,234,567.89 = 123,456,789 fen; a month is 123,456,789 // 12 = 10,288,065.
    avg = average_monthly_sales_fen(123_456_789)
    assert avg == 10_288_065
    result = compute_limits(app, "B", avg, HARD_TIMES, "apparel")
    credit, order = result.offers

    # Credit: 10,288,065 x 2.0 = 20,576,130; x 0.7 (shrinking) = 14,403,291;
    # x 0.8 (downturn) = 11,522,632.8; down to CNY 1,000: 11,500,000 fen (CNY 115,000).
    assert credit.product == "credit"
    assert amounts(credit.steps) == [10_288_065, 20_576_130, 14_403_291, 11_522_632, 11_500_000]
    assert [s.factor for s in credit.steps] == [None, D("2.0"), D("0.7"), D("0.8"), None]
    assert credit.limit_fen == 11_500_000
    assert credit.steps[1].message.render() == "× tier B factor 2.0"
    assert credit.steps[2].message.render() == "The industry (apparel) is shrinking: × 0.7"
    assert credit.steps[3].message.render() == "The economy is in a downturn: × 0.8"
    assert (credit.daily_rate, credit.annual_rate) == (D("0.0006"), D("0.219"))  # 21.9 % a year
    assert credit.term_months == 6

    # Order: eligible 3,000,000 + 1,234,500 = 4,234,500 (the six others each fail R4);
    # x 0.7 = 2,964,150; x 0.8 = 2,371,320; down to CNY 1,000: 2,300,000.
    assert amounts(order.steps) == [4_234_500, 2_964_150, 2_371_320, 2_300_000]
    assert dict(order.steps[0].message.params) == {"eligible": 2, "offered": 8}
    assert order.limit_fen == 2_300_000
    assert (order.daily_rate, order.annual_rate) == (D("0.0005"), D("0.1825"))  # 18.25 % (R35)

    # Together 13,800,000, well under the platform cap.
    assert result.combined_limit_fen == 13_800_000
    assert amounts(result.steps) == [13_800_000]


def test_caps_hit_for_each_product_and_together() -> None:
    app = app_of(CustomerKind.PLATFORM, Product.BOTH, Order("big", 80_000_000, shipped=True))
    # Credit: 50,000,000 x 3.0 = 150,000,000 > cap 100,000,000; x 1.0 x 1.0 = 100,000,000.
    result = compute_limits(app, "A", 50_000_000, GOOD_TIMES, "tea")
    credit, order = result.offers
    assert amounts(credit.steps) == [
        50_000_000, 150_000_000, PLATFORM_CAP_FEN, PLATFORM_CAP_FEN, PLATFORM_CAP_FEN,
        PLATFORM_CAP_FEN,
    ]  # fmt: skip
    assert credit.limit_fen == PLATFORM_CAP_FEN
    assert order.limit_fen == 80_000_000
    # 100,000,000 + 80,000,000 = 180,000,000 > 100,000,000: both together are capped (R5).
    assert result.combined_limit_fen == PLATFORM_CAP_FEN
    assert amounts(result.steps) == [180_000_000, PLATFORM_CAP_FEN]


def test_off_platform_cap_and_an_unrated_industry_counts_as_stable() -> None:
    app = app_of(CustomerKind.OFF_PLATFORM, Product.CREDIT)
    neutral = MacroSettings(1, (), "neutral")
    # 30,000,000 x 3.0 = 90,000,000 > 50,000,000; x 0.9 (stable) = 45,000,000;
    # x 0.95 = 42,750,000; down to 42,700,000.
    result = compute_limits(app, "A", 30_000_000, neutral, "apparel")
    (credit,) = result.offers
    assert amounts(credit.steps)[2:] == [OFF_PLATFORM_CAP_FEN, 45_000_000, 42_750_000, 42_700_000]
    assert result.combined_limit_fen == 42_700_000
    assert macro_multipliers(neutral, "apparel") == (("industry", D("0.9")), ("economy", D("0.95")))


def test_tier_d_gets_the_reduced_factor() -> None:
    # 1,000,000 x 0.6 = 600,000; x 1.0 x 1.0 = 600,000: CNY 6,000.
    result = compute_limits(app_of(CustomerKind.PLATFORM, Product.CREDIT), "D", 1_000_000,
                            GOOD_TIMES, "tea")  # fmt: skip
    assert result.offers[0].limit_fen == 600_000


def test_tier_e_gets_nothing() -> None:
    app = app_of(CustomerKind.PLATFORM, Product.BOTH, SHIPPED)
    result = compute_limits(app, "E", 50_000_000, GOOD_TIMES, "tea")
    assert [o.limit_fen for o in result.offers] == [0, 0]
    assert result.combined_limit_fen == 0
    assert "Tier E is declined" in result.offers[0].steps[0].message.render()


def test_off_platform_order_loan_is_zero_with_a_reason() -> None:
    app = app_of(CustomerKind.OFF_PLATFORM, Product.ORDER, SHIPPED)
    result = compute_limits(app, "A", 50_000_000, GOOD_TIMES, "tea")
    (order,) = result.offers
    assert order.limit_fen == 0 and result.combined_limit_fen == 0
    assert "only for platform sellers" in order.steps[0].message.render()


@pytest.mark.parametrize("order", INELIGIBLE)
def test_each_r4_flag_makes_an_order_ineligible(order: Order) -> None:
    assert not is_eligible_order(order)
    assert eligible_orders([SHIPPED, order, SHIPPED_TOO]) == (SHIPPED, SHIPPED_TOO)


def test_a_shipped_clean_order_is_eligible() -> None:
    assert is_eligible_order(SHIPPED)


def test_no_eligible_orders_no_order_loan() -> None:
    app = app_of(CustomerKind.PLATFORM, Product.ORDER, *INELIGIBLE)
    assert compute_limits(app, "A", 50_000_000, GOOD_TIMES, "tea").combined_limit_fen == 0


@pytest.mark.parametrize(("asked", "term"), [(1, 1), (6, 6), (12, 12), (18, 12), (0, 1)])
def test_the_term_is_at_most_twelve_months(asked: int, term: int) -> None:
    app = app_of(CustomerKind.PLATFORM, Product.CREDIT, term=asked)
    assert compute_limits(app, "B", 1_000_000, GOOD_TIMES, "tea").offers[0].term_months == term


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(D("99999.99"), 0), (100_000, 100_000), (D("199999.9"), 100_000), (-5, 0), (0, 0)],
)
def test_round_down_to_a_thousand_yuan(amount: Decimal | int, expected: int) -> None:
    assert round_down_to_thousand_yuan(amount) == expected


def test_average_monthly_sales_is_integer_fen() -> None:
    assert average_monthly_sales_fen(1_200_011) == 100_000  # 100,000.9 cut to 100,000
    assert average_monthly_sales_fen(None) is None  # not supplied: not the same as 0
    assert average_monthly_sales_fen(-12) == 0


def check_caps(app: Application, result: LimitResult) -> None:
    cap = PLATFORM_CAP_FEN if app.business.kind == CustomerKind.PLATFORM else OFF_PLATFORM_CAP_FEN
    assert 0 <= result.combined_limit_fen <= cap
    assert result.combined_limit_fen % 100_000 == 0
    for offer in result.offers:
        assert 0 <= offer.limit_fen <= cap
        assert offer.limit_fen % 100_000 == 0
        assert 1 <= offer.term_months <= 12
        assert offer.annual_rate == offer.daily_rate * 365
        if offer.product == "order" and app.business.kind != CustomerKind.PLATFORM:
            assert offer.limit_fen == 0


@given(
    applications,
    st.sampled_from("ABCDE"),
    st.integers(-(10**9), 10**13),
    macros,
    st.sampled_from(["apparel", "food", "", "unknown"]),
)
def test_no_limit_ever_exceeds_its_cap(
    app: Application, tier: str, avg: int, macro: MacroSettings, industry: str
) -> None:
    check_caps(app, compute_limits(app, tier, avg, macro, industry))


@given(applications, st.lists(orders, max_size=8), st.decimals("0", "3", places=2))
def test_the_cap_holds_even_with_generous_multipliers(
    app: Application, offered: list[Order], generous: Decimal
) -> None:
    app = dataclasses.replace(app, platform=PlatformData(orders=tuple(offered)))
    macro = MacroSettings(1, (), "boom", economy_multipliers=(("boom", generous),))
    check_caps(app, compute_limits(app, "A", 10**12, macro, "x"))


def test_an_order_loan_is_held_to_the_tiers_multiple_of_sales() -> None:
    # R19 takes the least of cap, tier factor x average monthly sales and order value.
    # Orders worth CNY 30,000 + 12,345 = 4,234,500 fen; monthly sales CNY 10,000 = 1,000,000
    # fen; tier C factor 1.2 -> 1,200,000 fen binds. Growing industry, expansion: x 1.0 x 1.0.
    # Rounded down to CNY 1,000: 1,200,000 fen.
    app = app_of(CustomerKind.PLATFORM, Product.ORDER, SHIPPED, SHIPPED_TOO)
    result = compute_limits(app, "C", 1_000_000, GOOD_TIMES, "tea")
    (order,) = result.offers
    assert amounts(order.steps)[:2] == [4_234_500, 1_200_000]
    assert order.steps[1].message.render() == "At most tier C factor 1.2 × average monthly sales"
    assert order.limit_fen == 1_200_000


@pytest.mark.parametrize("product", [Product.CREDIT, Product.ORDER, Product.BOTH])
def test_without_annual_sales_the_steps_say_so_and_the_limit_is_0(product: Product) -> None:
    app = app_of(CustomerKind.PLATFORM, product, SHIPPED)
    avg = average_monthly_sales_fen(app.financials.annual_sales_fen)
    result = compute_limits(app, "A", avg, GOOD_TIMES, "tea")
    assert result.combined_limit_fen == 0
    for offer in result.offers:
        assert offer.limit_fen == 0
        assert [(s.message.render(), s.factor, s.amount_fen) for s in offer.steps] == [
            ("Annual sales not supplied: no limit from sales", None, None)
        ]
