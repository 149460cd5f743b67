"""The speed of the line (R22): time limits by hand, the breach cutoff's promise, bottleneck."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.line_speed import (
    DEFAULT_LIMITS,
    StageLoad,
    add_working_days,
    bottleneck,
    breach_cutoff,
    deadline,
)
from workstation.domain.stages import Stage

FRI_15 = datetime(2026, 11, 27, 15, 0)  # a Friday
SAT_10 = datetime(2026, 11, 28, 10, 0)
MON_00 = datetime(2026, 11, 30, 0, 0)
TUE_15 = datetime(2026, 12, 1, 15, 0)
WED_00 = datetime(2026, 12, 2, 0, 0)


def test_rating_has_one_clock_hour() -> None:
    entered = datetime(2026, 11, 28, 23, 30)  # a Saturday night: hours ignore the calendar
    assert deadline(Stage.RATING, entered, DEFAULT_LIMITS) == datetime(2026, 11, 29, 0, 30)


def test_approval_has_four_hours() -> None:
    assert deadline(Stage.APPROVAL, FRI_15, DEFAULT_LIMITS) == FRI_15 + timedelta(hours=4)


def test_investigation_two_working_days_skip_the_weekend() -> None:
    assert FRI_15.weekday() == 4
    assert deadline(Stage.INVESTIGATION, FRI_15, DEFAULT_LIMITS) == TUE_15


def test_entering_on_saturday_counts_from_monday_midnight() -> None:
    assert add_working_days(SAT_10, 0) == MON_00
    assert deadline(Stage.INVESTIGATION, SAT_10, DEFAULT_LIMITS) == WED_00
    assert deadline(Stage.DISBURSEMENT, SAT_10, DEFAULT_LIMITS) == MON_00 + timedelta(days=1)


def test_midweek_investigation_is_two_calendar_days() -> None:
    wed = datetime(2026, 11, 25, 9, 30)
    assert deadline(Stage.INVESTIGATION, wed, DEFAULT_LIMITS) == datetime(2026, 11, 27, 9, 30)


def test_stages_without_a_limit_never_breach() -> None:
    for stage in (Stage.APPLICATION, Stage.MONITORING, Stage.CLOSED, Stage.OVERDUE):
        assert deadline(stage, FRI_15, DEFAULT_LIMITS) is None
        assert breach_cutoff(stage, FRI_15) is None


def test_breach_cutoff_by_hand() -> None:
    now = datetime(2026, 12, 1, 16, 0)  # Tuesday 16:00
    assert breach_cutoff(Stage.RATING, now) == datetime(2026, 12, 1, 15, 0)
    cutoff = breach_cutoff(Stage.INVESTIGATION, now)
    assert cutoff is not None
    # Friday 15:00 (deadline Tue 15:00) is breached; Friday 16:00 (deadline Tue 16:00) is not.
    assert FRI_15 < cutoff
    assert not datetime(2026, 11, 27, 16, 0) < cutoff
    # Monday 09:00 of a Monday-morning check: anything entered over the weekend is not late yet.
    monday_9 = datetime(2026, 11, 30, 9, 0)
    cutoff = breach_cutoff(Stage.INVESTIGATION, monday_9)
    assert cutoff is not None
    assert datetime(2026, 11, 26, 8, 59) < cutoff  # Thursday 08:59 -> Monday 08:59
    assert not datetime(2026, 11, 26, 9, 0) < cutoff


_MOMENTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)).map(
    lambda moment: moment.replace(microsecond=0)
)


@settings(max_examples=300, deadline=None)
@given(
    stage=st.sampled_from(sorted(DEFAULT_LIMITS)),
    now=_MOMENTS,
    back=st.integers(min_value=-3600, max_value=14 * 24 * 3600),
)
def test_breach_cutoff_agrees_with_deadline(stage: Stage, now: datetime, back: int) -> None:
    """Counting breaches by ``entered < cutoff`` gives the same answer as each deadline."""
    entered = now - timedelta(seconds=back)
    cutoff = breach_cutoff(stage, now)
    assert cutoff is not None
    due = deadline(stage, entered, DEFAULT_LIMITS)
    assert due is not None
    assert (entered < cutoff) == (due < now), (entered, cutoff, due, now)


@settings(max_examples=150, deadline=None)
@given(stage=st.sampled_from(sorted(DEFAULT_LIMITS)), now=_MOMENTS)
def test_breach_cutoff_is_the_boundary(stage: Stage, now: datetime) -> None:
    cutoff = breach_cutoff(stage, now)
    assert cutoff is not None
    assert deadline(stage, cutoff, DEFAULT_LIMITS) >= now
    before = cutoff - timedelta(seconds=1)
    assert deadline(stage, before, DEFAULT_LIMITS) < now


def _load(stage: Stage, waiting: int, per_day: float, breached: int = 0) -> StageLoad:
    return StageLoad(stage, waiting, waiting, 0, 0, breached, None, per_day)


def test_bottleneck_is_the_longest_queue_to_clear() -> None:
    loads = [
        _load(Stage.RATING, 30, 30.0),  # 1 day
        _load(Stage.INVESTIGATION, 40, 10.0),  # 4 days
        _load(Stage.APPROVAL, 9, 3.0),  # 3 days
    ]
    assert bottleneck(loads) == Stage.INVESTIGATION


def test_a_stuck_stage_beats_any_slow_one() -> None:
    loads = [
        _load(Stage.INVESTIGATION, 900, 0.5),  # 1800 days
        _load(Stage.DISBURSEMENT, 1, 0.0),  # nothing leaves: never clears
    ]
    assert bottleneck(loads) == Stage.DISBURSEMENT


def test_ties_go_to_more_breaches_and_empty_or_side_stages_never_count() -> None:
    loads = [
        _load(Stage.RATING, 10, 5.0, breached=1),
        _load(Stage.APPROVAL, 10, 5.0, breached=4),
        _load(Stage.APPLICATION, 0, 0.0),  # empty: not a bottleneck however slow
        _load(Stage.OVERDUE, 500, 0.0),  # a side lane is not part of the line's speed
    ]
    assert bottleneck(loads) == Stage.APPROVAL
    assert bottleneck([_load(Stage.RATING, 0, 0.0), _load(Stage.MONITORING, 99, 0.0)]) is None
    assert bottleneck([]) is None
