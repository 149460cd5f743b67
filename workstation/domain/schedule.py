"""Repayment plans (R9), due dates and the one rounding of interest (R8).

Money is integer fen; rates are exact per-day decimals; dates are ``datetime.date``.

Interest follows the accumulated-balance method (积数计息, R8): a *day-sum* is the sum over
days of the principal outstanding, in fen·days, kept as an exact integer; interest is
``day_sum × daily rate``, rounded half-up to the fen only when it is posted. Interest for
day ``t`` is earned by the principal outstanding at the close of day ``t − 1``, so a draw
made on day D first earns for D+1 and a draw repaid on D earns nothing (R6).

Two plans (R9, *default*):

- interest monthly, principal at maturity (按月付息、到期还本);
- equal principal monthly (等额本金): ``amount // term`` a month, the remainder fen on the
  last instalment.

Instalment ``k`` falls due ``k`` months after the draw, on the same day of the month,
clamped to the month's end (drawn 31 January: due 28/29 February, 31 March, 30 April …;
each date counted from the draw date, never from the previous due date).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

PENALTY_MULTIPLIER = Decimal("1.5")  # R10, R36: the most the rules allow, used in full


class Plan(StrEnum):
    INTEREST_MONTHLY = "interest_monthly"  # 按月付息、到期还本
    EQUAL_PRINCIPAL = "equal_principal"  # 等额本金


@dataclass(frozen=True)
class Instalment:
    """One month of a draw's plan, as it will fall if every instalment is paid on its day.

    ``day_sum`` is the period's fen·days (principal × days, at the close of each day before);
    ``interest_fen`` is that day-sum × the daily rate, rounded half-up: exactly what the
    ledger will post on ``due_on`` for a loan kept to plan.
    """

    number: int  # 1-based
    due_on: date
    days: int  # days of interest this period: (previous due date, due_on]
    opening_principal_fen: int  # outstanding through the period
    principal_fen: int  # principal falling due on ``due_on``
    day_sum: int  # fen·days
    interest_fen: int

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen


def add_months(start: date, months: int) -> date:
    """``start`` moved ``months`` calendar months, the day clamped to the month's end."""
    month0 = start.month - 1 + months
    year, month = start.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=4096)
def due_dates(drawn_on: date, term_months: int) -> tuple[date, ...]:
    """The instalment due dates of a draw: 1 … ``term_months`` months after it."""
    return tuple(add_months(drawn_on, k) for k in range(1, term_months + 1))


@lru_cache(maxsize=4096)
def due_ordinals(drawn_on: date, term_months: int) -> tuple[int, ...]:
    """``due_dates`` as day ordinals, for the accrual's bisections (cached: a day-end
    restores thousands of draws made on the same few hundred days)."""
    return tuple(d.toordinal() for d in due_dates(drawn_on, term_months))


@lru_cache(maxsize=1024)
def _ratio(rate: Decimal) -> tuple[int, int]:
    numerator, denominator = rate.as_integer_ratio()
    return numerator, denominator


def interest_fen(day_sum: int, daily_rate: Decimal) -> int:
    """``day_sum`` (fen·days) × ``daily_rate``, rounded half-up to the fen (R8).

    Exact: the rate's integer ratio, no decimal context and no float. Never negative for a
    non-negative day-sum and rate.
    """
    numerator, denominator = _ratio(daily_rate)
    return (2 * day_sum * numerator + denominator) // (2 * denominator)


@lru_cache(maxsize=256)
def penalty_rate(daily_rate: Decimal) -> Decimal:
    """The penalty rate on overdue principal (R10, R36): exactly 1.5 × the contract rate."""
    return daily_rate * PENALTY_MULTIPLIER


def principal_split(amount_fen: int, term_months: int, plan: Plan) -> tuple[int, ...]:
    """Principal falling due on each instalment; sums exactly to ``amount_fen``."""
    if plan == Plan.INTEREST_MONTHLY:
        return (0,) * (term_months - 1) + (amount_fen,)
    share = amount_fen // term_months
    return (share,) * (term_months - 1) + (amount_fen - share * (term_months - 1),)


def schedule(
    amount_fen: int, drawn_on: date, term_months: int, plan: Plan, daily_rate: Decimal
) -> tuple[Instalment, ...]:
    """The plan of a draw (R9): due dates, principal and interest of every instalment.

    Interest is the day-sum method's (R8) for a loan repaid exactly to plan: each period
    earns on the principal still outstanding, from the day after the previous due date (or
    the draw, R6) through the due date.
    """
    instalments = []
    outstanding, previous = amount_fen, drawn_on
    for number, (due_on, principal) in enumerate(
        zip(due_dates(drawn_on, term_months), principal_split(amount_fen, term_months, plan),
            strict=True),
        start=1,
    ):  # fmt: skip
        days = (due_on - previous).days
        day_sum = outstanding * days
        instalments.append(
            Instalment(
                number=number,
                due_on=due_on,
                days=days,
                opening_principal_fen=outstanding,
                principal_fen=principal,
                day_sum=day_sum,
                interest_fen=interest_fen(day_sum, daily_rate),
            )
        )
        outstanding -= principal
        previous = due_on
    return tuple(instalments)
