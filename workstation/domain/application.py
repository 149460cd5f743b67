"""An application's figures (R12, R13), the owner's consent (R37), and their validation.

Money is integer fen, ratios and rates exact ``Decimal``; ``None`` means "not supplied",
which the scorecards show as missing and never read as zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum

from workstation.domain.limits import LegalReview
from workstation.domain.messages import Message


class Product(StrEnum):
    CREDIT = "credit"  # 信用贷款 (R3)
    ORDER = "order"  # 订单贷款 (R4)
    BOTH = "both"


class CustomerKind(StrEnum):
    PLATFORM = "platform"
    OFF_PLATFORM = "off_platform"


@dataclass(frozen=True)
class Order:
    """One platform order offered as the basis of an order loan (R4)."""

    order_no: str
    amount_fen: int
    shipped: bool
    paid_out: bool = False
    refunded: bool = False
    disputed: bool = False
    buyer_linked_to_seller: bool = False
    fake_trading_sign: bool = False  # 刷单 suspected by the platform's checks


@dataclass(frozen=True)
class DownstreamCustomer:
    """One of the two largest buyers a platform member names (R12)."""

    name: str
    years: int
    share_of_sales: Decimal  # 0..1


@dataclass(frozen=True)
class Business:
    """The applicant business and its owner (R1)."""

    kind: CustomerKind
    business_name: str
    credit_code: str  # 统一社会信用代码, 18 characters with a check character
    owner_name: str
    owner_id_number: str  # 身份证号, 18 characters with a check character
    owner_phone: str
    industry: str = ""
    region: str = ""
    platform_account: str | None = None
    partner_bank: str | None = None  # bank-referred customers (R2)


@dataclass(frozen=True)
class Financials:
    """The R12 figures for the last 12 months, as declared (or rebuilt, or adjusted)."""

    annual_sales_fen: int | None = None
    operating_cost_fen: int | None = None
    net_profit_margin: Decimal | None = None  # e.g. Decimal("0.12") for 12 %
    inventory_fen: int | None = None
    total_assets_fen: int | None = None
    total_liabilities_fen: int | None = None
    accounts_receivable_fen: int | None = None
    sales_growth: Decimal | None = None  # year on year, e.g. Decimal("0.25") for +25 %
    # Platform members only (R12):
    platform_share_of_sales: Decimal | None = None  # 0..1
    top_customers: tuple[DownstreamCustomer, ...] = ()


@dataclass(frozen=True)
class PlatformData:
    """What the lender holds from the platform for a platform customer (R13)."""

    order_count: int | None = None  # last 12 months
    inventory_turnover: Decimal | None = None  # times a year
    complaints: int | None = None  # last 12 months
    seller_level: str | None = None  # Taobao/Tmall level as shown, e.g. "3钻", "1皇冠"
    seller_dsr: Decimal | None = None  # detailed seller rating, average of the three, 0..5
    active_days_per_month: Decimal | None = None  # trading activity, 0..31
    certified: bool | None = None
    login_days_per_month: Decimal | None = None
    advertising_fen_per_month: int | None = None
    community_posts_per_month: int | None = None
    favourites: int | None = None  # buyers' favourites of the shop
    positive_review_rate: Decimal | None = None  # 0..1
    orders: tuple[Order, ...] = ()  # the orders offered for an order loan (R4)


@dataclass(frozen=True)
class Consent:
    """The owner's consent to use of their data and to credit queries (R37)."""

    given: bool = False
    recorded_at: str | None = None  # ISO time
    recorded_by: int | None = None  # user id of the officer who recorded it
    method: str = ""  # e.g. "signed form", "app checkbox"


@dataclass(frozen=True)
class Application:
    business: Business
    product: Product
    amount_fen: int  # asked for
    term_months: int = 12
    financials: Financials = field(default_factory=Financials)
    platform: PlatformData = field(default_factory=PlatformData)
    consent: Consent = field(default_factory=Consent)
    legal: LegalReview = field(default_factory=LegalReview)  # R18, answered at intake
    # Off-platform customers' activity and reviews (R15) when no platform data exists:
    active_days_per_month: Decimal | None = None
    positive_review_rate: Decimal | None = None
    as_of: date | None = None


class Severity(StrEnum):
    ERROR = "error"  # cannot be submitted for scoring
    WARNING = "warning"  # implausible; shown, may be confirmed


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: the form marks the field and shows the message."""

    field: str  # dotted path, e.g. "financials.total_assets_fen", "business.owner_id_number"
    message: Message
    severity: Severity = Severity.ERROR


def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
