"""Hypothesis strategies for applications: plausible ones and arbitrary (hostile) ones."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from workstation.domain.application import (
    Application,
    Business,
    Consent,
    CustomerKind,
    DownstreamCustomer,
    Financials,
    Order,
    PlatformData,
    Product,
)
from workstation.domain.limits import LegalReview, MacroSettings

VALID_ID = "11010519491231002X"
VALID_CODE = "91350100M000100Y43"


def decimals(low: str, high: str, places: int = 3) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=Decimal(low), max_value=Decimal(high), places=places,
        allow_nan=False, allow_infinity=False,
    )  # fmt: skip


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


orders = st.builds(
    Order,
    order_no=st.text(max_size=8),
    amount_fen=st.integers(-(10**8), 10**10),
    shipped=st.booleans(),
    paid_out=st.booleans(),
    refunded=st.booleans(),
    disputed=st.booleans(),
    buyer_linked_to_seller=st.booleans(),
    fake_trading_sign=st.booleans(),
)

money = st.integers(-(10**10), 10**12)

financials = st.builds(
    Financials,
    annual_sales_fen=maybe(money),
    operating_cost_fen=maybe(money),
    net_profit_margin=maybe(decimals("-2", "2")),
    inventory_fen=maybe(money),
    total_assets_fen=maybe(money),
    total_liabilities_fen=maybe(money),
    accounts_receivable_fen=maybe(money),
    sales_growth=maybe(decimals("-3", "5")),
    platform_share_of_sales=maybe(decimals("-1", "2")),
    top_customers=st.lists(
        st.builds(
            DownstreamCustomer,
            name=st.text(max_size=5),
            years=st.integers(-3, 30),
            share_of_sales=decimals("-1", "2"),
        ),
        max_size=3,
    ).map(tuple),
)

platform_data = st.builds(
    PlatformData,
    order_count=maybe(st.integers(-100, 10**6)),
    inventory_turnover=maybe(decimals("-5", "50")),
    complaints=maybe(st.integers(-5, 1000)),
    seller_dsr=maybe(decimals("-1", "6")),
    active_days_per_month=maybe(decimals("-5", "40")),
    positive_review_rate=maybe(decimals("-1", "2")),
    orders=st.lists(orders, max_size=5).map(tuple),
)

text_id = st.sampled_from([VALID_ID, VALID_CODE, "", "  ", "x"]) | st.text(max_size=20)

businesses = st.builds(
    Business,
    kind=st.sampled_from(list(CustomerKind)),
    business_name=st.text(max_size=10),
    credit_code=text_id,
    owner_name=st.text(max_size=10),
    owner_id_number=text_id,
    owner_phone=st.sampled_from(["13800000000", "", "123"]) | st.text(max_size=12),
    industry=st.sampled_from(["", "apparel", "food", "electronics", "unknown"]),
    platform_account=maybe(st.text(max_size=10)),
)

applications = st.builds(
    Application,
    business=businesses,
    product=st.sampled_from(list(Product)),
    amount_fen=st.integers(-(10**8), 10**11),
    term_months=st.integers(-3, 30),
    financials=financials,
    platform=platform_data,
    consent=st.builds(Consent, given=st.booleans()),
    legal=st.builds(
        LegalReview,
        guarantees_outstanding=st.booleans(),
        property_registration_issue=st.booleans(),
        bankruptcy=st.booleans(),
        litigation=st.booleans(),
    ),
    active_days_per_month=maybe(decimals("-5", "40")),
    positive_review_rate=maybe(decimals("-1", "2")),
)

outlooks = st.sampled_from(["growing", "stable", "shrinking"])

macros = st.builds(
    MacroSettings,
    version=st.just(1),
    industry_outlook=st.tuples(
        st.tuples(st.just("apparel"), outlooks), st.tuples(st.just("food"), outlooks)
    ),
    economy=st.sampled_from(["expansion", "neutral", "downturn", "unheard-of"]),
)
