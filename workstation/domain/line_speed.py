"""The speed of the line (R22): stage time limits, breaches and the bottleneck.

Time limits are either clock hours or working days (Monday to Friday; public holidays are
not yet modelled). Because the deadline grows with the time a case entered its stage, a
case is breached exactly when it entered before ``breach_cutoff(stage, now)``; that lets the
store count breaches with one comparison per stage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from workstation.domain.stages import WORK_STAGES, Stage


@dataclass(frozen=True)
class StageLimit:
    hours: int = 0
    working_days: int = 0


DEFAULT_LIMITS: dict[Stage, StageLimit] = {
    Stage.RATING: StageLimit(hours=1),
    Stage.INVESTIGATION: StageLimit(working_days=2),
    Stage.APPROVAL: StageLimit(hours=4),
    Stage.DISBURSEMENT: StageLimit(working_days=1),
}


def _is_working_day(moment: datetime) -> bool:
    return moment.weekday() < 5


def add_working_days(start: datetime, days: int) -> datetime:
    """The moment ``days`` working days after ``start``; a weekend start counts from Monday."""
    moment = start
    while not _is_working_day(moment):
        moment = datetime.combine(moment.date() + timedelta(days=1), time())
    remaining = days
    while remaining > 0:
        moment += timedelta(days=1)
        if _is_working_day(moment):
            remaining -= 1
    return moment


def deadline(stage: Stage, entered: datetime, limits: dict[Stage, StageLimit]) -> datetime | None:
    """When a case that entered ``stage`` at ``entered`` breaches its limit; None if no limit."""
    limit = limits.get(stage)
    if limit is None:
        return None
    if limit.working_days:
        return add_working_days(entered, limit.working_days)
    return entered + timedelta(hours=limit.hours)


def breach_cutoff(
    stage: Stage, now: datetime, limits: dict[Stage, StageLimit] = DEFAULT_LIMITS
) -> datetime | None:
    """The earliest entry time that is not yet breached at ``now``; None if no limit.

    A case that entered strictly before the cutoff has ``deadline < now``.
    """
    limit = limits.get(stage)
    if limit is None:
        return None
    if not limit.working_days:
        return now - timedelta(hours=limit.hours)
    # Walk back: the latest entry whose deadline is still >= now. Deadlines are
    # non-decreasing in the entry time, so search by whole days then by the clock.
    low = now - timedelta(days=limit.working_days * 7 // 5 + 4)
    high = now
    # Binary search on seconds: at most ~20 steps over a two-week window.
    while (high - low) > timedelta(seconds=1):
        mid = low + (high - low) / 2
        mid = mid.replace(microsecond=0)
        if mid <= low:
            break
        if add_working_days(mid, limit.working_days) < now:
            low = mid
        else:
            high = mid
    return high


@dataclass(frozen=True)
class StageLoad:
    """One stage's queue as the board shows it."""

    stage: Stage
    waiting: int
    green: int
    amber: int
    red: int
    breached: int
    oldest_entered: datetime | None
    throughput_per_day: float  # cases leaving the stage per day over the window


def bottleneck(loads: list[StageLoad]) -> Stage | None:
    """The work stage whose queue takes longest to clear at its recent pace.

    Days to clear = waiting / throughput per day; a stage with cases waiting and nothing
    leaving is the worst of all. Ties go to the stage with more breached cases.
    """
    best: tuple[float, int, Stage] | None = None
    for load in loads:
        if load.stage not in WORK_STAGES or load.waiting == 0:
            continue
        pace = load.throughput_per_day
        days = math.inf if pace <= 0 else load.waiting / pace
        key = (days, load.breached, load.stage)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None
