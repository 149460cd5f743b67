"""Validation of an application (R12, R37, R5): one test per rule."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given

from tests.domain.strategies import VALID_CODE, VALID_ID, applications
from workstation.domain.application import (
    Application,
    Business,
    Consent,
    CustomerKind,
    DownstreamCustomer,
    Financials,
    PlatformData,
    Problem,
    Product,
    Severity,
    percent,
    validate_application,
)

D = Decimal

COMPLETE = Application(
    Business(CustomerKind.PLATFORM, "Lotus Tea", VALID_CODE, "Chen Mei", VALID_ID, "13800000000"),
    Product.CREDIT,
    10_000_000,
    term_months=12,
    financials=Financials(
        annual_sales_fen=100_000_000,
        operating_cost_fen=80_000_000,
        net_profit_margin=D("0.12"),
        inventory_fen=10_000_000,
        total_assets_fen=50_000_000,
        total_liabilities_fen=20_000_000,
        accounts_receivable_fen=5_000_000,
        sales_growth=D("0.1"),
        platform_share_of_sales=D("0.8"),
        top_customers=(
            DownstreamCustomer("Buyer One", 3, D("0.3")),
            DownstreamCustomer("Buyer Two", 2, D("0.2")),
        ),
    ),
    platform=PlatformData(order_count=3000, seller_dsr=D("4.7"), active_days_per_month=D(15)),
    consent=Consent(given=True, recorded_at="2026-11-26T10:00:00", recorded_by=3, method="form"),
)


def problems(app: Application) -> dict[str, Problem]:
    found = validate_application(app)
    return {p.field: p for p in found}


def only(app: Application, field: str, severity: Severity = Severity.ERROR) -> str:
    found = validate_application(app)
    assert [p.field for p in found] == [field], found
    assert found[0].severity is severity
    return found[0].message.render()


def with_business(**changes: object) -> Application:
    return dataclasses.replace(COMPLETE, business=dataclasses.replace(COMPLETE.business, **changes))


def with_financials(**changes: object) -> Application:
    fin = dataclasses.replace(COMPLETE.financials, **changes)
    return dataclasses.replace(COMPLETE, financials=fin)


def test_a_complete_application_has_no_problems() -> None:
    assert validate_application(COMPLETE) == ()


@pytest.mark.parametrize(
    "name", ["business_name", "credit_code", "owner_name", "owner_id_number", "owner_phone"]
)
def test_required_fields(name: str) -> None:
    assert only(with_business(**{name: "  "}), f"business.{name}") == "Required"


def test_credit_code_checksum() -> None:
    text = only(with_business(credit_code="91350100M000100Y44"), "business.credit_code")
    assert "unified social credit code" in text


def test_id_number_checksum() -> None:
    text = only(with_business(owner_id_number="110105194912310021"), "business.owner_id_number")
    assert "ID number" in text


@pytest.mark.parametrize("phone", ["1380000000", "138000000001", "23800000000", "1380000000a"])
def test_phone_is_eleven_digits_starting_with_1(phone: str) -> None:
    assert "11 digits" in only(with_business(owner_phone=phone), "business.owner_phone")


@pytest.mark.parametrize("amount", [0, -100])
def test_amount_must_be_above_zero(amount: int) -> None:
    assert only(dataclasses.replace(COMPLETE, amount_fen=amount), "amount_fen")


@pytest.mark.parametrize("term", [0, 13, -1])
def test_term_is_one_to_twelve_months(term: int) -> None:
    app = dataclasses.replace(COMPLETE, term_months=term)
    assert only(app, "term_months") == "The term is 1 to 12 months"


def test_amount_above_the_platform_cap_names_the_cap() -> None:
    app = dataclasses.replace(COMPLETE, amount_fen=100_000_001)
    assert "CNY 1,000,000" in only(app, "amount_fen")
    assert validate_application(dataclasses.replace(COMPLETE, amount_fen=100_000_000)) == ()


def off_platform(**changes: object) -> Application:
    app = with_business(kind=CustomerKind.OFF_PLATFORM)
    app = dataclasses.replace(
        app,
        financials=dataclasses.replace(app.financials, platform_share_of_sales=None,
                                       top_customers=()),
        platform=PlatformData(),
        active_days_per_month=D(20),
        positive_review_rate=D("0.96"),
    )  # fmt: skip
    return dataclasses.replace(app, **changes)


def test_an_off_platform_application_can_be_complete() -> None:
    assert validate_application(off_platform()) == ()


def test_amount_above_the_off_platform_cap_names_the_cap() -> None:
    assert "CNY 500,000" in only(off_platform(amount_fen=50_000_001), "amount_fen")


@pytest.mark.parametrize("product", [Product.ORDER, Product.BOTH])
def test_order_loan_only_for_platform_sellers(product: Product) -> None:
    assert "platform sellers" in only(off_platform(product=product), "product")


@pytest.mark.parametrize(
    "name",
    ["annual_sales_fen", "operating_cost_fen", "inventory_fen", "total_assets_fen",
     "total_liabilities_fen", "accounts_receivable_fen"],
)  # fmt: skip
def test_money_cannot_be_negative(name: str) -> None:
    found = problems(with_financials(**{name: -1}))
    assert found[f"financials.{name}"].severity is Severity.ERROR
    assert "negative" in found[f"financials.{name}"].message.render()


@pytest.mark.parametrize(
    "name",
    ["annual_sales_fen", "operating_cost_fen", "net_profit_margin", "inventory_fen",
     "total_assets_fen", "total_liabilities_fen", "accounts_receivable_fen", "sales_growth",
     "platform_share_of_sales"],
)  # fmt: skip
def test_a_missing_r12_figure_is_a_warning(name: str) -> None:
    text = only(with_financials(**{name: None}), f"financials.{name}", Severity.WARNING)
    assert text == "Not supplied: will show as missing"


@pytest.mark.parametrize("name", ["order_count", "seller_dsr", "active_days_per_month"])
def test_a_missing_platform_indicator_is_a_warning(name: str) -> None:
    app = dataclasses.replace(
        COMPLETE, platform=dataclasses.replace(COMPLETE.platform, **{name: None})
    )
    only(app, f"platform.{name}", Severity.WARNING)


def test_no_top_customers_named_is_a_warning_for_platform_members() -> None:
    only(with_financials(top_customers=()), "financials.top_customers", Severity.WARNING)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("financials.net_profit_margin", D("-1.5")),
        ("financials.platform_share_of_sales", D("1.01")),
        ("financials.sales_growth", D("-1.2")),
        ("platform.seller_dsr", D("5.1")),
        ("platform.active_days_per_month", D(32)),
        ("platform.positive_review_rate", D("-0.1")),
        ("platform.inventory_turnover", D(-1)),
    ],
)
def test_ratios_in_range(path: str, value: Decimal) -> None:
    part, name = path.split(".")
    record = dataclasses.replace(getattr(COMPLETE, part), **{name: value})
    app = dataclasses.replace(COMPLETE, **{part: record})
    text = only(app, path)
    assert text.startswith("Must ")


def test_off_platform_activity_and_reviews_in_range() -> None:
    found = problems(off_platform(active_days_per_month=D(40), positive_review_rate=D(2)))
    assert found["active_days_per_month"].message.render() == "Must lie between 0 and 31"
    assert found["positive_review_rate"].message.render() == "Must lie between 0 and 1"


def test_liabilities_above_assets_is_a_warning() -> None:
    app = with_financials(total_liabilities_fen=50_000_001)
    assert "insolvent" in only(app, "financials.total_liabilities_fen", Severity.WARNING)


def test_a_net_margin_the_costs_cannot_allow_is_a_warning() -> None:
    # sales 1,000,000, cost 800,000: at most 20 % before any other cost; 20 + 5 points = 25 %.
    assert validate_application(with_financials(net_profit_margin=D("0.25"))) == ()
    text = only(with_financials(net_profit_margin=D("0.26")), "financials.net_profit_margin",
                Severity.WARNING)  # fmt: skip
    assert text == "A net margin of 26% is more than sales less operating cost allow (20%)"


def test_top_customers_shares_cannot_exceed_all_sales() -> None:
    customers = (DownstreamCustomer("a", 1, D("0.7")), DownstreamCustomer("b", 1, D("0.45")))
    text = only(with_financials(top_customers=customers), "financials.top_customers")
    assert text == "The largest customers' shares add up to more than all sales (115%)"


def test_consent_is_needed_before_scoring() -> None:
    app = dataclasses.replace(COMPLETE, consent=Consent(given=False))
    assert "consent" in only(app, "consent")


@pytest.mark.parametrize(
    ("ratio", "text"), [(D("0.3"), "30"), (D("0.125"), "12.5"), (D("1.2"), "120"), (D(0), "0")]
)
def test_percent(ratio: Decimal, text: str) -> None:
    assert percent(ratio) == text


@given(applications)
def test_validation_never_raises_and_every_message_renders(app: Application) -> None:
    for problem in validate_application(app):
        assert problem.message.render()
        assert problem.severity in Severity
