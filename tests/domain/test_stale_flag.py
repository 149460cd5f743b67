"""Statements that end long before the application describe another year (R24)."""

from __future__ import annotations

from datetime import date

from workstation.domain.rebuild_checks import (
    CheckSettings,
    FlagKind,
    months_before,
    stale_flag,
)


def test_months_before_counts_from_the_last_full_month_before_the_application() -> None:
    applied = date(2026, 11, 21)
    assert months_before(date(2026, 10, 1), applied) == 0
    assert months_before(date(2026, 11, 1), applied) == -1  # the application's own month
    assert months_before(date(2025, 10, 31), applied) == 12


def test_up_to_three_months_behind_is_fresh_more_is_stale() -> None:
    applied = date(2026, 11, 21)
    assert stale_flag(date(2026, 7, 1), applied) is None
    flag = stale_flag(date(2026, 6, 1), applied)
    assert flag is not None and flag.kind is FlagKind.STALE
    assert dict(flag.message.params) == {"month": "2026-06", "months": 4, "applied": "2026-11-21"}
    assert stale_flag(date(2026, 6, 1), applied, CheckSettings(stale_months=6)) is None
