"""Limit and price (R3-R5, R18, R19): how much, at what daily rate, for how long.

Every step of the limit is kept (``LimitStep``) so the officer can see how it was reached.
Money is integer fen; factors and rates exact decimals; the only rounding is the final
round-down to CNY 1,000 that R19 names.

For each product asked for (R19):

1. the base: tier factor x average monthly sales (credit loan), or the value of the eligible
   orders (order loan, R4: "as many orders, as much loan"), held to the same multiple of
   sales (R19 takes the least of the three);
2. at most the product cap (R5: the customer kind's cap);
3. x the industry multiplier, x the economy multiplier (R18; an industry with no outlook
   recorded counts as "stable");
4. rounded down to whole CNY 1,000.

Tier E gets nothing (R17); an off-platform customer gets no order loan (R4, R5). Both
products together never exceed the kind's cap (R5): the combined limit is capped, the offers
keep their own limits (the customer may draw from either, within the combined limit).

Step messages carry no amounts in their text: a step's running amount is in ``amount_fen``
and the window formats it beside the words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from workstation.domain.application import Application, Order

CREDIT_DAILY_RATE = Decimal("0.0006")  # R3
ORDER_DAILY_RATE = Decimal("0.0005")  # R4
PLATFORM_CAP_FEN = 1_000_000 * 100  # R5, both products together
OFF_PLATFORM_CAP_FEN = 500_000 * 100  # R5
LONGEST_TERM_MONTHS = 12  # R5
ROUND_DOWN_FEN = 1_000 * 100  # R19
DAYS_A_YEAR = 365  # R35


@dataclass(frozen=True)
class MacroSettings:
    """Supervisor-maintained adjustments (R18), versioned in the store."""

    version: int
    industry_outlook: tuple[tuple[str, str], ...]  # (industry, "growing"|"stable"|"shrinking")
    economy: str  # "expansion" | "neutral" | "downturn"
    industry_multipliers: tuple[tuple[str, Decimal], ...] = (
        ("growing", Decimal("1.0")),
        ("stable", Decimal("0.9")),
        ("shrinking", Decimal("0.7")),
    )
    economy_multipliers: tuple[tuple[str, Decimal], ...] = (
        ("expansion", Decimal("1.0")),
        ("neutral", Decimal("0.95")),
        ("downturn", Decimal("0.8")),
    )
    tier_factors: tuple[tuple[str, Decimal], ...] = (
        ("A", Decimal("3.0")),
        ("B", Decimal("2.0")),
        ("C", Decimal("1.2")),
        ("D", Decimal("0.6")),
    )


@dataclass(frozen=True)
class LegalReview:
    """The legal-environment checklist (R18): any flag sends the case to manual review."""

    guarantees_outstanding: bool = False
    property_registration_issue: bool = False
    bankruptcy: bool = False
    litigation: bool = False

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(name for name, value in vars(self).items() if value)


@dataclass(frozen=True)
class LimitStep:
    """One line of "how the limit was reached": what, the factor or amount, the result."""

    message: Message
    factor: Decimal | None
    amount_fen: int | None


@dataclass(frozen=True)
class ProductOffer:
    product: str  # "credit" | "order"
    limit_fen: int
    daily_rate: Decimal
    annual_rate: Decimal  # daily x 365, simple (R35)
    term_months: int
    steps: tuple[LimitStep, ...]


@dataclass(frozen=True)
class LimitResult:
    offers: tuple[ProductOffer, ...]
    combined_limit_fen: int  # never above the customer kind's cap (R5)
    steps: tuple[LimitStep, ...]  # the combined-cap step(s)


KIND_CAPS_FEN = {"platform": PLATFORM_CAP_FEN, "off_platform": OFF_PLATFORM_CAP_FEN}  # R5
DAILY_RATES = {"credit": CREDIT_DAILY_RATE, "order": ORDER_DAILY_RATE}  # R3, R4
DEFAULT_OUTLOOK = "stable"  # an industry the supervisor has not rated


def annual_rate(daily_rate: Decimal) -> Decimal:
    """The simple annualised rate shown first (R35): daily x 365."""
    return daily_rate * DAYS_A_YEAR


def average_monthly_sales_fen(annual_sales_fen: int | None) -> int | None:
    """Average monthly sales in fen (annual // 12); None when no annual sales were supplied
    (the limit then says so and is 0)."""
    return None if annual_sales_fen is None else max(annual_sales_fen, 0) // 12


def round_down_to_thousand_yuan(amount: Decimal | int) -> int:
    """R19's only rounding: down to a whole CNY 1,000 (100,000 fen); never below 0."""
    if amount <= 0:
        return 0
    return int(amount // ROUND_DOWN_FEN) * ROUND_DOWN_FEN


def is_eligible_order(order: Order) -> bool:
    """R4: shipped, not yet paid out, not refunded or disputed, and authentic (buyer not
    linked to the seller, no sign of fake trading)."""
    return (
        order.shipped
        and not order.paid_out
        and not order.refunded
        and not order.disputed
        and not order.buyer_linked_to_seller
        and not order.fake_trading_sign
        and order.amount_fen > 0
    )


def eligible_orders(orders: Iterable[Order]) -> tuple[Order, ...]:
    """The orders an order loan may advance against (R4)."""
    return tuple(order for order in orders if is_eligible_order(order))


def industry_outlook(macro: MacroSettings, industry: str) -> str:
    return dict(macro.industry_outlook).get(industry, DEFAULT_OUTLOOK)


def macro_multipliers(macro: MacroSettings, industry: str) -> tuple[tuple[str, Decimal], ...]:
    """(("industry", m), ("economy", m)) for ``industry`` under ``macro`` (R18).

    An outlook or stance with no multiplier configured counts as 1 (no adjustment).
    """
    one = Decimal(1)
    industry_m = dict(macro.industry_multipliers).get(industry_outlook(macro, industry), one)
    economy_m = dict(macro.economy_multipliers).get(macro.economy, one)
    return (("industry", industry_m), ("economy", economy_m))


@dataclass(frozen=True)
class MacroPlan:
    """``macro`` looked up once (batch re-scoring prices every case under the same one): its
    tables as dicts, and the industry and economy steps' messages, which repeat."""

    tier_factors: dict[str, Decimal]
    outlook: dict[str, str]
    industry_multipliers: dict[str, Decimal]
    economy_m: Decimal
    economy_message: Message
    by_industry: dict[str, tuple[str, Decimal, Message]]  # filled as industries come up

    def industry(self, industry: str) -> tuple[str, Decimal, Message]:
        """(outlook, multiplier, message) of ``industry``."""
        found = self.by_industry.get(industry)
        if found is None:
            outlook = self.outlook.get(industry, DEFAULT_OUTLOOK)
            factor = self.industry_multipliers.get(outlook, Decimal(1))
            found = (outlook, factor, industry_message(outlook, industry, factor))
            self.by_industry[industry] = found
        return found


_MACRO_PLANS: dict[int, tuple[MacroSettings, MacroPlan]] = {}


def macro_plan(macro: MacroSettings) -> MacroPlan:
    found = _MACRO_PLANS.get(id(macro))
    if found is not None and found[0] is macro:
        return found[1]
    economy_m = dict(macro.economy_multipliers).get(macro.economy, Decimal(1))
    plan = MacroPlan(
        tier_factors=dict(macro.tier_factors),
        outlook=dict(macro.industry_outlook),
        industry_multipliers=dict(macro.industry_multipliers),
        economy_m=economy_m,
        economy_message=economy_message(macro.economy, economy_m),
        by_industry={},
    )
    if len(_MACRO_PLANS) >= 64:
        _MACRO_PLANS.clear()
    _MACRO_PLANS[id(macro)] = (macro, plan)  # the settings are kept: their id is not reused
    return plan


_OUTLOOK_TEXT = {
    "growing": QT_TRANSLATE_NOOP("messages", "The industry ({industry}) is growing: × {factor}"),
    "stable": QT_TRANSLATE_NOOP("messages", "The industry ({industry}) is stable: × {factor}"),
    "shrinking": QT_TRANSLATE_NOOP(
        "messages", "The industry ({industry}) is shrinking: × {factor}"
    ),
}
_ECONOMY_TEXT = {
    "expansion": QT_TRANSLATE_NOOP("messages", "The economy is expanding: × {factor}"),
    "neutral": QT_TRANSLATE_NOOP("messages", "The economy is neutral: × {factor}"),
    "downturn": QT_TRANSLATE_NOOP("messages", "The economy is in a downturn: × {factor}"),
}


def industry_message(outlook: str, industry: str, factor: Decimal) -> Message:
    template = _OUTLOOK_TEXT.get(outlook, _OUTLOOK_TEXT["stable"])
    return Message.of(template, industry=industry or "—", factor=str(factor))


def economy_message(economy: str, factor: Decimal) -> Message:
    template = _ECONOMY_TEXT.get(economy)
    if template is None:
        return Message.of(
            QT_TRANSLATE_NOOP("messages", "Economy ({economy}): × {factor}"),
            economy=economy,
            factor=str(factor),
        )
    return Message.of(template, factor=str(factor))


# Messages with nothing varying in them: built once, shared by every decision (immutable).
_CAPPED = Message.of(QT_TRANSLATE_NOOP("messages", "Capped at the product's maximum"))
_AVERAGE_SALES = Message.of(QT_TRANSLATE_NOOP("messages", "Average monthly sales"))
_ROUNDED = Message.of(QT_TRANSLATE_NOOP("messages", "Rounded down to whole thousands of yuan"))
_BOTH = Message.of(QT_TRANSLATE_NOOP("messages", "Both products together"))
_KIND_CAPPED = Message.of(
    QT_TRANSLATE_NOOP("messages", "Capped at the most a customer of this kind may owe")
)
_NO_SALES = Message.of(
    QT_TRANSLATE_NOOP("messages", "Annual sales not supplied: no limit from sales")
)
_ORDER_LOAN_PLATFORM_ONLY = Message.of(
    QT_TRANSLATE_NOOP("messages", "Order loans are only for platform sellers: no order loan")
)
_TIER_FACTOR_TEXT = QT_TRANSLATE_NOOP("messages", "× tier {tier} factor {factor}")


def _capped_message() -> Message:
    return _CAPPED


def _offer(product: str, limit_fen: int, term_months: int, steps: list[LimitStep]) -> ProductOffer:
    rate = DAILY_RATES[product]
    return ProductOffer(product, limit_fen, rate, annual_rate(rate), term_months, tuple(steps))


def _base_steps(
    product: str, app: Application, tier: str, avg_monthly_sales_fen: int, factor: Decimal
) -> tuple[Decimal, list[LimitStep]]:
    """Step 1: the base of the limit, before caps and multipliers."""
    if product == "credit":
        base = factor * avg_monthly_sales_fen
        return base, [
            LimitStep(_AVERAGE_SALES, None, avg_monthly_sales_fen),
            LimitStep(_tier_factor_message(tier, factor), factor, int(base)),
        ]
    orders = eligible_orders(app.platform.orders)
    value = sum(order.amount_fen for order in orders)
    offered = len(app.platform.orders)
    steps = [
        LimitStep(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Value of the eligible orders ({eligible} of {offered}: shipped, not yet "
                    "paid out, no refund or dispute, genuine buyer)",
                ),
                eligible=len(orders),
                offered=offered,
            ),
            None,
            value,
        )
    ]
    # R19 takes the least of the cap, the tier's multiple of sales and the order value: an
    # order loan is also held to what the business's sales can carry.
    sales_bound = factor * avg_monthly_sales_fen
    if value > sales_bound:
        steps.append(
            LimitStep(
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "At most tier {tier} factor {factor} × average monthly sales",
                    ),
                    tier=tier,
                    factor=str(factor),
                ),
                factor,
                int(sales_bound),
            )
        )
        return sales_bound, steps
    return Decimal(value), steps


_TIER_FACTOR_MESSAGES: dict[tuple[str, str], Message] = {}


def _tier_factor_message(tier: str, factor: Decimal) -> Message:
    key = (tier, str(factor))
    found = _TIER_FACTOR_MESSAGES.get(key)
    if found is None:
        if len(_TIER_FACTOR_MESSAGES) >= 256:
            _TIER_FACTOR_MESSAGES.clear()
        found = _TIER_FACTOR_MESSAGES[key] = Message.of(_TIER_FACTOR_TEXT, tier=tier, factor=key[1])
    return found


def product_limit(
    product: str,
    app: Application,
    tier: str,
    avg_monthly_sales_fen: int | None,
    macro: MacroSettings,
    industry: str,
) -> ProductOffer:
    """The offer for one product ("credit" or "order"), every step kept (R19)."""
    return _product_limit(
        product, app, tier, avg_monthly_sales_fen, macro, macro_plan(macro), industry
    )


def _product_limit(
    product: str,
    app: Application,
    tier: str,
    avg_monthly_sales_fen: int | None,
    plan: MacroPlan,
    industry: str,
) -> ProductOffer:
    kind = str(app.business.kind)
    term = min(max(app.term_months, 1), LONGEST_TERM_MONTHS)
    factor = plan.tier_factors.get(tier)
    if factor is None:  # tier E, or a tier with no factor: declined at screening (R17)
        message = Message.of(
            QT_TRANSLATE_NOOP("messages", "Tier {tier} is declined at screening: no limit"),
            tier=tier,
        )
        return _offer(product, 0, term, [LimitStep(message, None, 0)])
    if product == "order" and kind != "platform":
        return _offer(product, 0, term, [LimitStep(_ORDER_LOAN_PLATFORM_ONLY, None, 0)])
    if avg_monthly_sales_fen is None:  # R19 bounds every limit by the sales: none, no limit
        return _offer(product, 0, term, [LimitStep(_NO_SALES, None, None)])
    amount, steps = _base_steps(product, app, tier, avg_monthly_sales_fen, factor)
    cap = KIND_CAPS_FEN.get(kind, OFF_PLATFORM_CAP_FEN)
    if amount > cap:
        amount = Decimal(cap)
        steps.append(LimitStep(_CAPPED, None, cap))
    _, industry_m, industry_said = plan.industry(industry)
    amount *= industry_m
    steps.append(LimitStep(industry_said, industry_m, int(amount)))
    economy_m = plan.economy_m
    amount *= economy_m
    steps.append(LimitStep(plan.economy_message, economy_m, int(amount)))
    if amount > cap:  # only if a supervisor set a multiplier above 1: the cap still holds
        amount = Decimal(cap)
        steps.append(LimitStep(_CAPPED, None, cap))
    limit = round_down_to_thousand_yuan(amount)
    steps.append(LimitStep(_ROUNDED, None, limit))
    return _offer(product, limit, term, steps)


def products_asked(app: Application) -> tuple[str, ...]:
    product = str(app.product)
    return ("credit", "order") if product == "both" else (product,)


def compute_limits(
    app: Application,
    tier: str,
    avg_monthly_sales_fen: int | None,
    macro: MacroSettings,
    industry: str,
) -> LimitResult:
    """The limit and price of each product asked for, and the combined limit (R3-R5, R19)."""
    plan = macro_plan(macro)
    offers = tuple(
        _product_limit(product, app, tier, avg_monthly_sales_fen, plan, industry)
        for product in products_asked(app)
    )
    cap = KIND_CAPS_FEN.get(str(app.business.kind), OFF_PLATFORM_CAP_FEN)
    together = sum(offer.limit_fen for offer in offers)
    steps: list[LimitStep] = []
    if len(offers) > 1:
        steps.append(LimitStep(_BOTH, None, together))
    if together > cap:
        together = cap
        steps.append(LimitStep(_KIND_CAPPED, None, cap))
    return LimitResult(offers=offers, combined_limit_fen=together, steps=tuple(steps))
