"""The board's line on the straight-through lane (R39): how many approvals the system made
by itself, over the last 7 days and today, against all approvals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtWidgets import QLabel, QWidget

from workstation.services import approval
from workstation.services.context import Context

DAYS = 7


@dataclass(frozen=True)
class LaneCounts:
    """(by the lane, approved in all) over the last ``DAYS`` days and since midnight."""

    week: tuple[int, int]
    today: tuple[int, int]


def read_lane_counts(ctx: Context) -> LaneCounts:
    """On the background reader: no Qt here."""
    now = ctx.clock.now()
    midnight = datetime.combine(now.date(), datetime.min.time())
    week = approval.straight_through_counts(
        ctx, (now - timedelta(days=DAYS)).isoformat(timespec="seconds")
    )
    today = approval.straight_through_counts(ctx, midnight.isoformat(timespec="seconds"))
    return LaneCounts(week, today)


class StraightThroughLine(QLabel):
    """One quiet line under the lanes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("straightThrough")
        self.setStyleSheet("#straightThrough { color: #37474f; padding: 2px 12px; }")
        self.setToolTip(
            self.tr(
                "Clean platform cases within the system's authority are approved by the system "
                "itself and go straight to disbursement."
            )
        )

    def show_counts(self, counts: LaneCounts) -> None:
        (lane_week, all_week), (lane_today, all_today) = counts.week, counts.today
        share = f" ({lane_week * 100 // all_week}%)" if all_week else ""
        self.setText(
            self.tr(
                "Straight-through lane: {lane} of {all} approvals in the last {days} days{share}"
                " · today {lane_today} of {all_today}"
            ).format(
                lane=lane_week,
                all=all_week,
                days=DAYS,
                share=share,
                lane_today=lane_today,
                all_today=all_today,
            )
        )
