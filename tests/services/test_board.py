"""The operating screen (R22) over a tiny book counted by hand."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import T0
from tests.services.book import add_case
from workstation.domain.stages import Stage
from workstation.services import pipeline
from workstation.services.context import Context, FixedClock
from workstation.store import cases, users
from workstation.store.board import CaseQuery

MON_9 = datetime(2026, 11, 23, 9, 0)  # investigation deadline Wed 09:00: breached at T0
TUE_11 = datetime(2026, 11, 24, 11, 0)  # deadline Thu 11:00: one hour left at T0


@pytest.fixture
def book(ctx: Context) -> dict[str, int]:
    assert T0.weekday() == 3  # Thursday 10:00
    ids = {
        "rating_fresh": add_case(ctx, "rating", T0 - timedelta(minutes=30)),
        "rating_late": add_case(ctx, "rating", T0 - timedelta(hours=2), risk="red"),
        "inv_late": add_case(ctx, "investigation", MON_9, risk="amber"),
        "inv_due": add_case(ctx, "investigation", TUE_11),
        "inv_new": add_case(ctx, "investigation", T0 - timedelta(hours=1)),
        "appr_late": add_case(ctx, "approval", T0 - timedelta(hours=5)),
        "mon_1": add_case(ctx, "monitoring", T0 - timedelta(days=40)),
        "mon_2": add_case(ctx, "monitoring", T0 - timedelta(days=3), risk="red"),
        "closed": add_case(ctx, "closed", T0 - timedelta(days=2)),
        "declined": add_case(ctx, "declined", T0 - timedelta(days=2)),
    }
    # Throughput over the last 7 days: 14 left rating (2/day), 7 left investigation (1/day),
    # none left approval; one investigation move 8 days ago is outside the window.
    _moves_out(ctx, ids["closed"], "rating", "investigation", "rate", 14, T0 - timedelta(days=1))
    _moves_out(
        ctx, ids["closed"], "investigation", "approval", "recommend", 7, T0 - timedelta(days=6)
    )
    _moves_out(
        ctx, ids["closed"], "investigation", "approval", "recommend", 1, T0 - timedelta(days=8)
    )
    return ids


def _moves_out(
    ctx: Context, case_id: int, source: str, target: str, action: str, n: int, at: datetime
) -> None:
    with ctx.store.write():
        system = users.system_user_id(ctx.store, ctx.stamp())
        for _ in range(n):
            cases.insert_move(ctx.store, case_id, source, target, action, system, at.isoformat())


def test_board_counts_match_the_hand_count(ctx: Context, book: dict[str, int]) -> None:
    snap = pipeline.board_snapshot(ctx)
    loads = snap.loads
    assert snap.at == T0
    assert set(loads) == set(Stage)
    summary = {
        stage: (load.waiting, load.green, load.amber, load.red, load.breached)
        for stage, load in loads.items()
        if load.waiting
    }
    assert summary == {
        Stage.RATING: (2, 1, 0, 1, 1),
        Stage.INVESTIGATION: (3, 2, 1, 0, 1),
        Stage.APPROVAL: (1, 1, 0, 0, 1),
        Stage.MONITORING: (2, 1, 0, 1, 0),  # no time limit: never breached
        Stage.CLOSED: (1, 1, 0, 0, 0),
        Stage.DECLINED: (1, 1, 0, 0, 0),
    }
    assert loads[Stage.INVESTIGATION].oldest_entered == MON_9
    assert loads[Stage.DISBURSEMENT].oldest_entered is None
    assert loads[Stage.RATING].throughput_per_day == pytest.approx(2.0)
    assert loads[Stage.INVESTIGATION].throughput_per_day == pytest.approx(1.0)
    assert loads[Stage.APPROVAL].throughput_per_day == 0
    assert snap.total_open == 8  # closed and declined are not open
    # Approval has a case and nothing leaving: the line is stuck there.
    assert snap.bottleneck == Stage.APPROVAL


def test_bottleneck_moves_when_approval_gets_going(ctx: Context, book: dict[str, int]) -> None:
    _moves_out(
        ctx, book["closed"], "approval", "disbursement", "approve", 7, T0 - timedelta(days=2)
    )
    # Rating 2 waiting / 2 a day = 1 day; investigation 3 / 1 = 3 days; approval 1 / 1 = 1 day.
    assert pipeline.board_snapshot(ctx).bottleneck == Stage.INVESTIGATION


def test_breaches_follow_the_clock_to_the_second(
    ctx: Context, clock: FixedClock, book: dict[str, int]
) -> None:
    clock.advance(hours=1)  # Thursday 11:00: the Tuesday 11:00 case is due right now
    assert pipeline.board_snapshot(ctx).loads[Stage.INVESTIGATION].breached == 1
    clock.advance(seconds=1)
    assert pipeline.board_snapshot(ctx).loads[Stage.INVESTIGATION].breached == 2


def test_breached_list_oldest_first(ctx: Context, book: dict[str, int]) -> None:
    ids = pipeline.find_case_ids(ctx, pipeline.breached_query(ctx))
    assert ids == [book["inv_late"], book["appr_late"], book["rating_late"]]
    ids = pipeline.find_case_ids(ctx, pipeline.breached_query(ctx, stages=("rating",)))
    assert ids == [book["rating_late"]]


def test_case_list_filters(ctx: Context, book: dict[str, int]) -> None:
    red = pipeline.find_case_ids(ctx, CaseQuery(risks=("red",), sort="id"))
    assert red == [book["rating_late"], book["mon_2"]]
    inv = pipeline.find_case_ids(ctx, CaseQuery(stages=("investigation",), descending=True))
    assert inv == [book["inv_new"], book["inv_due"], book["inv_late"]]
    rows = pipeline.case_list_rows(ctx, inv[:1])
    assert rows[book["inv_new"]].stage == "investigation"
    assert pipeline.case_list_rows(ctx, []) == {}


def test_empty_book_has_no_bottleneck(ctx: Context) -> None:
    snap = pipeline.board_snapshot(ctx)
    assert snap.bottleneck is None
    assert snap.total_open == 0
    assert all(load.waiting == 0 for load in snap.loads.values())
