"""Limit and price (R3-R5, R18, R19): how much, at what daily rate, for how long.

Every step of the limit is kept (``LimitStep``) so the officer can see how it was reached.
Money is integer fen; factors and rates exact decimals; the only rounding is the final
round-down to CNY 1,000 that R19 names.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workstation.domain.messages import Message

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
