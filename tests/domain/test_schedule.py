"""Repayment plans (R9) and the rounding of interest (R8), worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.schedule import (
    Plan,
    add_months,
    due_dates,
    interest_fen,
    penalty_rate,
    schedule,
)

CREDIT = Decimal("0.0006")  # R3
CNY_120K = 12_000_000  # fen


def test_due_dates_keep_the_draw_day_clamped_to_month_end() -> None:
    # Drawn 31 January 2026: February has 28 days; March and May have 31 again; counted
    # from the draw date each time, not from the clamped date before.
    assert due_dates(date(2026, 1, 31), 5) == (
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 31),
        date(2026, 6, 30),
    )
    assert add_months(date(2027, 12, 29), 2) == date(2028, 2, 29)  # leap year
    assert add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)


def test_interest_is_rounded_half_up_to_the_fen() -> None:
    # 30 days x 10,000,000 fen x 0.06% = 180,000 fen exactly.
    assert interest_fen(300_000_000, CREDIT) == 180_000
    # 2,500 fen-days x 0.0002 = 0.5 fen -> 1; 2,499 -> 0.4998 -> 0.
    assert interest_fen(2_500, Decimal("0.0002")) == 1
    assert interest_fen(2_499, Decimal("0.0002")) == 0
    # 1 fen-day x 0.0005 = 0.0005 fen -> 0
    assert interest_fen(1, Decimal("0.0005")) == 0


def test_penalty_rate_is_exactly_one_and_a_half_times() -> None:
    assert penalty_rate(CREDIT) == Decimal("0.0009")
    assert penalty_rate(Decimal("0.0005")) == Decimal("0.00075")


def test_interest_monthly_principal_at_maturity_for_cny_120000() -> None:
    # Drawn 15 Jan 2026, 12 months, 0.06% a day. Every month earns on 12,000,000 fen:
    # interest = days x 12,000,000 x 0.0006 = days x 7,200 fen.
    plan = schedule(CNY_120K, date(2026, 1, 15), 12, Plan.INTEREST_MONTHLY, CREDIT)
    assert len(plan) == 12
    assert [i.principal_fen for i in plan] == [0] * 11 + [CNY_120K]
    first, second, last = plan[0], plan[1], plan[-1]
    assert (first.due_on, first.days, first.interest_fen) == (date(2026, 2, 15), 31, 223_200)
    assert (second.due_on, second.days, second.interest_fen) == (date(2026, 3, 15), 28, 201_600)
    assert (last.due_on, last.days) == (date(2027, 1, 15), 31)
    assert last.total_fen == CNY_120K + 223_200
    # A whole year of 365 days: 365 x 7,200 = 2,628,000 fen = CNY 26,280.00 (21.9% a year).
    assert sum(i.interest_fen for i in plan) == 2_628_000


def test_equal_principal_for_cny_120000() -> None:
    # 12,000,000 / 12 = 1,000,000 fen (CNY 10,000) a month. Interest earns on what is left:
    # month 1: 31 days x 12,000,000 x 0.0006 = 223,200 fen
    # month 2: 28 days x 11,000,000 x 0.0006 = 184,800 fen
    # month 12 (15 Dec -> 15 Jan): 31 days x 1,000,000 x 0.0006 = 18,600 fen
    plan = schedule(CNY_120K, date(2026, 1, 15), 12, Plan.EQUAL_PRINCIPAL, CREDIT)
    assert [i.principal_fen for i in plan] == [1_000_000] * 12
    assert [i.opening_principal_fen for i in plan][:3] == [12_000_000, 11_000_000, 10_000_000]
    assert plan[0].interest_fen == 223_200
    assert plan[1].interest_fen == 184_800
    assert plan[-1].interest_fen == 18_600
    assert plan[0].total_fen == 1_223_200
    # Periods ending Feb..Jan have 31 28 31 30 31 30 31 31 30 31 30 31 days and earn on
    # 12, 11, ..., 1 million fen: 372+308+310+270+248+210+186+155+120+93+60+31 = 2,363
    # million fen-days -> 2,363 x 1,000,000 x 0.0006 = 1,417,800 fen = CNY 14,178.00.
    assert sum(i.day_sum for i in plan) == 2_363_000_000
    assert sum(i.interest_fen for i in plan) == 1_417_800


def test_equal_principal_puts_the_remainder_fen_on_the_last_instalment() -> None:
    plan = schedule(100_001, date(2026, 3, 1), 3, Plan.EQUAL_PRINCIPAL, CREDIT)
    assert [i.principal_fen for i in plan] == [33_333, 33_333, 33_335]


@given(
    amount=st.integers(1, 10**9),
    drawn_on=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    term=st.integers(1, 12),
    plan=st.sampled_from(Plan),
    rate=st.decimals(Decimal("0.0001"), Decimal("0.002"), places=5),
)
def test_principal_sums_exactly_and_dates_rise(
    amount: int, drawn_on: date, term: int, plan: Plan, rate: Decimal
) -> None:
    instalments = schedule(amount, drawn_on, term, plan, rate)
    assert sum(i.principal_fen for i in instalments) == amount
    assert all(i.principal_fen >= 0 and i.interest_fen >= 0 for i in instalments)
    dates = [drawn_on, *(i.due_on for i in instalments)]
    assert all(a < b for a, b in zip(dates, dates[1:], strict=False))
    assert all(i.due_on.day == min(drawn_on.day, i.due_on.day) for i in instalments)
    assert sum(i.days for i in instalments) == (instalments[-1].due_on - drawn_on).days
