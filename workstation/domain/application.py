"""An application's figures (R12, R13), the owner's consent (R37), and their validation.

Money is integer fen, ratios and rates exact ``Decimal``; ``None`` means "not supplied",
which the scorecards show as missing and never read as zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum

from workstation.domain.identifiers import is_valid_credit_code, is_valid_id_number
from workstation.domain.limits import KIND_CAPS_FEN, OFF_PLATFORM_CAP_FEN, LegalReview
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message


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


# --- validation -------------------------------------------------------------------------------
#
# ``validate_application`` collects every problem at once (beancount's validate_* habit): the
# form marks each field. ERRORs stop the application from being scored; WARNINGs are shown and
# may be confirmed (a missing R12 figure shows as missing on the scorecard, never as zero).

_MARGIN_SLACK = Decimal("0.05")  # 5 points above (sales - cost) / sales is implausible
_ONE = Decimal(1)

# R12 figures every applicant supplies, and the indicators each default scorecard reads.
_R12_FIELDS = (
    "annual_sales_fen",
    "operating_cost_fen",
    "net_profit_margin",
    "inventory_fen",
    "total_assets_fen",
    "total_liabilities_fen",
    "accounts_receivable_fen",
)
_R12_PLATFORM_FIELDS = ("platform_share_of_sales",)
_SCORING_FIELDS = {
    CustomerKind.PLATFORM: (
        "financials.sales_growth",
        "platform.order_count",
        "platform.seller_dsr",
        "platform.active_days_per_month",
    ),
    CustomerKind.OFF_PLATFORM: (
        "financials.sales_growth",
        "active_days_per_month",
        "positive_review_rate",
    ),
}


def _error(path: str, template: str, **params: object) -> Problem:
    return Problem(path, Message.of(template, **params), Severity.ERROR)


def _warning(path: str, template: str, **params: object) -> Problem:
    return Problem(path, Message.of(template, **params), Severity.WARNING)


def _get(app: Application, path: str) -> object:
    value: object = app
    for part in path.split("."):
        value = getattr(value, part)
    return value


def percent(ratio: Decimal) -> str:
    """A ratio as a percentage for a message: 0.3 -> "30", 0.125 -> "12.5" (one decimal)."""
    text = f"{(ratio * 100).quantize(Decimal('0.1')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}"


def validate_application(app: Application) -> tuple[Problem, ...]:
    """Every problem with ``app``, errors and warnings, in form order."""
    return (
        *_business_problems(app.business),
        *_loan_problems(app),
        *_money_problems(app),
        *_ratio_problems(app),
        *_missing_figures(app),
        *consistency_problems(app.financials),
        *_consent_problems(app.consent),
    )


def _business_problems(business: Business) -> list[Problem]:
    problems = []
    required = (
        ("business.business_name", business.business_name),
        ("business.credit_code", business.credit_code),
        ("business.owner_name", business.owner_name),
        ("business.owner_id_number", business.owner_id_number),
        ("business.owner_phone", business.owner_phone),
    )
    for path, value in required:
        if not (value or "").strip():
            problems.append(_error(path, QT_TRANSLATE_NOOP("messages", "Required")))
    code, id_number = business.credit_code or "", business.owner_id_number or ""
    if code.strip() and not is_valid_credit_code(code):
        problems.append(
            _error(
                "business.credit_code",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Not a valid unified social credit code (18 characters, the last a check "
                    "character): check for a typo",
                ),
            )
        )
    if id_number.strip() and not is_valid_id_number(id_number):
        problems.append(
            _error(
                "business.owner_id_number",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Not a valid ID number (18 characters, the last a check digit or X): check "
                    "for a typo",
                ),
            )
        )
    phone = (business.owner_phone or "").strip()
    if phone and not (len(phone) == 11 and phone.isdigit() and phone.startswith("1")):
        problems.append(
            _error(
                "business.owner_phone",
                QT_TRANSLATE_NOOP("messages", "A mobile number has 11 digits and starts with 1"),
            )
        )
    return problems


def _loan_problems(app: Application) -> list[Problem]:
    problems = []
    products = {str(p) for p in Product}
    if str(app.product) not in products:
        problems.append(
            _error(
                "product", QT_TRANSLATE_NOOP("messages", "Choose a credit loan or an order loan")
            )
        )
    if app.amount_fen <= 0:
        problems.append(
            _error("amount_fen", QT_TRANSLATE_NOOP("messages", "The amount must be above 0"))
        )
    cap = KIND_CAPS_FEN.get(str(app.business.kind), OFF_PLATFORM_CAP_FEN)
    if app.amount_fen > cap:
        template = (
            QT_TRANSLATE_NOOP(
                "messages",
                "A platform customer may owe at most CNY {cap} for both products together",
            )
            if app.business.kind == CustomerKind.PLATFORM
            else QT_TRANSLATE_NOOP(
                "messages", "An unsecured loan to an off-platform customer is at most CNY {cap}"
            )
        )
        problems.append(_error("amount_fen", template, cap=_yuan(cap)))
    if not 1 <= app.term_months <= 12:
        problems.append(
            _error(
                "term_months",
                QT_TRANSLATE_NOOP("messages", "The term is 1 to 12 months"),
            )
        )
    if app.business.kind != CustomerKind.PLATFORM and str(app.product) in ("order", "both"):
        problems.append(
            _error(
                "product",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Order loans are only for platform sellers; choose a credit loan",
                ),
            )
        )
    return problems


def _money_problems(app: Application) -> list[Problem]:
    paths = [f"financials.{name}" for name in _R12_FIELDS if name.endswith("_fen")]
    paths.append("platform.advertising_fen_per_month")
    counts = ("platform.order_count", "platform.complaints", "platform.favourites")
    problems = []
    for path in paths:
        value = _get(app, path)
        if isinstance(value, int) and value < 0:
            problems.append(
                _error(path, QT_TRANSLATE_NOOP("messages", "An amount of money cannot be negative"))
            )
    for path in (*counts, "platform.community_posts_per_month"):
        value = _get(app, path)
        if isinstance(value, int) and value < 0:
            problems.append(
                _error(path, QT_TRANSLATE_NOOP("messages", "A count cannot be negative"))
            )
    for index, order in enumerate(app.platform.orders):
        if order.amount_fen < 0:
            problems.append(
                _error(
                    f"platform.orders.{index}.amount_fen",
                    QT_TRANSLATE_NOOP("messages", "An amount of money cannot be negative"),
                )
            )
    return problems


# (path, lowest, highest or None): where each ratio, rate or rating may lie.
_RANGES: tuple[tuple[str, Decimal, Decimal | None], ...] = (
    ("financials.net_profit_margin", Decimal(-1), _ONE),
    ("financials.sales_growth", Decimal(-1), None),
    ("financials.platform_share_of_sales", Decimal(0), _ONE),
    ("platform.inventory_turnover", Decimal(0), None),
    ("platform.seller_dsr", Decimal(0), Decimal(5)),
    ("platform.active_days_per_month", Decimal(0), Decimal(31)),
    ("platform.login_days_per_month", Decimal(0), Decimal(31)),
    ("platform.positive_review_rate", Decimal(0), _ONE),
    ("active_days_per_month", Decimal(0), Decimal(31)),
    ("positive_review_rate", Decimal(0), _ONE),
)


def _range_problem(path: str, value: Decimal, low: Decimal, high: Decimal | None) -> list[Problem]:
    if high is None and value < low:
        template = QT_TRANSLATE_NOOP("messages", "Must be at least {low}")
        return [_error(path, template, low=str(low))]
    if high is not None and not low <= value <= high:
        template = QT_TRANSLATE_NOOP("messages", "Must lie between {low} and {high}")
        return [_error(path, template, low=str(low), high=str(high))]
    return []


def _ratio_problems(app: Application) -> list[Problem]:
    problems = []
    for path, low, high in _RANGES:
        value = _get(app, path)
        if isinstance(value, Decimal):
            problems += _range_problem(path, value, low, high)
    shares = Decimal(0)
    for index, customer in enumerate(app.financials.top_customers):
        path = f"financials.top_customers.{index}"
        problems += _range_problem(
            f"{path}.share_of_sales", customer.share_of_sales, Decimal(0), _ONE
        )
        if customer.years < 0:
            problems += _range_problem(f"{path}.years", Decimal(customer.years), Decimal(0), None)
        shares += customer.share_of_sales
    if shares > 1:
        problems.append(
            _error(
                "financials.top_customers",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The largest customers' shares add up to more than all sales ({percent}%)",
                ),
                percent=percent(shares),
            )
        )
    return problems


def missing_figures(app: Application) -> tuple[str, ...]:
    """The R12 figures and scorecard indicators the application does not supply (paths):
    what "complete data" lacks (R39's straight-through lane needs none missing)."""
    return tuple(p.field for p in _missing_figures(app))


def _missing_figures(app: Application) -> list[Problem]:
    """R12 figures and scorecard indicators not supplied: warnings, shown as missing."""
    paths = [f"financials.{name}" for name in _R12_FIELDS]
    platform = app.business.kind == CustomerKind.PLATFORM
    if platform:
        paths += [f"financials.{name}" for name in _R12_PLATFORM_FIELDS]
    paths += _SCORING_FIELDS.get(app.business.kind, ())
    template = QT_TRANSLATE_NOOP("messages", "Not supplied: will show as missing")
    problems = [_warning(path, template) for path in paths if _get(app, path) is None]
    if platform and not app.financials.top_customers:
        problems.append(
            _warning(
                "financials.top_customers",
                QT_TRANSLATE_NOOP("messages", "Name the two largest downstream customers"),
            )
        )
    return problems


def consistency_problems(fin: Financials) -> list[Problem]:
    """Figures that contradict each other: warnings on a declaration (the owner may have
    misunderstood), reasons to refuse an officer's adjustment (R24)."""
    problems = []
    assets, liabilities = fin.total_assets_fen, fin.total_liabilities_fen
    if assets is not None and liabilities is not None and liabilities > assets:
        problems.append(
            _warning(
                "financials.total_liabilities_fen",
                QT_TRANSLATE_NOOP(
                    "messages", "Liabilities exceed assets: the business is insolvent on paper"
                ),
            )
        )
    sales, cost, margin = fin.annual_sales_fen, fin.operating_cost_fen, fin.net_profit_margin
    if sales and sales > 0 and cost is not None and margin is not None:
        gross = (Decimal(sales) - Decimal(cost)) / Decimal(sales)
        if margin > gross + _MARGIN_SLACK:
            problems.append(
                _warning(
                    "financials.net_profit_margin",
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "A net margin of {margin}% is more than sales less operating cost "
                        "allow ({ceiling}%)",
                    ),
                    margin=percent(margin),
                    ceiling=percent(gross),
                )
            )
    return problems


def _consent_problems(consent: Consent) -> list[Problem]:
    if consent.given:
        return []
    return [
        _error(
            "consent",
            QT_TRANSLATE_NOOP(
                "messages",
                "The owner's consent to the use of their data and to credit queries is not "
                "recorded; the application cannot be scored without it",
            ),
        )
    ]
