"""The lazy case model: ids in memory, rows fetched in blocks, sorting done by SQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workstation.services import pipeline
from workstation.services.context import Context
from workstation.store.board import CaseQuery
from workstation.ui import case_model
from workstation.ui.case_model import BLOCK, COL_AMOUNT, COL_NAME, COL_WAIT, CaseTableModel
from workstation.ui.tasks import Background


@pytest.fixture
def model(qtbot, demo_ctx: Context, background: Background) -> CaseTableModel:
    model = CaseTableModel(demo_ctx, background)
    with qtbot.waitSignal(model.reloaded):
        model.set_query(CaseQuery())
    return model


def test_the_model_keeps_qt_s_rules(qtmodeltester, model: CaseTableModel) -> None:
    assert model.rowCount() == 300
    qtmodeltester.check(model)


def test_rows_are_fetched_a_block_at_a_time_into_a_bounded_cache(
    model: CaseTableModel, demo_ctx: Context, monkeypatch
) -> None:
    assert len(model._cache) == 0  # loading the list fetched no row
    row = 150
    name = model.index(row, COL_NAME).data()
    case_id = model.case_id(row)
    assert name == pipeline.case_list_rows(demo_ctx, [case_id])[case_id].business_name
    assert len(model._cache) == BLOCK
    monkeypatch.setattr(case_model, "CACHE_ROWS", 100)
    for r in range(model.rowCount()):
        model.index(r, COL_NAME).data()
    assert len(model._cache) <= 100


def test_sorting_asks_sql_for_a_new_order(qtbot, model: CaseTableModel, demo_ctx) -> None:
    with qtbot.waitSignal(model.reloaded):
        model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    amounts = [model.case_row(r).cells[COL_AMOUNT] for r in range(model.rowCount())]
    raw = demo_ctx.store.conn.execute(
        "SELECT amount_fen FROM cases ORDER BY amount_fen DESC, id DESC"
    ).fetchall()
    assert [a.replace("¥", "").replace(",", "") for a in amounts] == [
        f"{fen // 100}.{fen % 100:02d}" for (fen,) in raw
    ]
    # Time in stage ascending means the shortest wait first: the latest entry.
    with qtbot.waitSignal(model.reloaded):
        model.sort(COL_WAIT, Qt.SortOrder.AscendingOrder)
    entered = [model.case_row(r).entered for r in range(model.rowCount())]
    assert entered == sorted(entered, reverse=True)
    assert model.sort_column() == (COL_WAIT, Qt.SortOrder.AscendingOrder)


def test_a_query_overtaken_by_a_newer_one_is_never_shown(qtbot, model: CaseTableModel) -> None:
    shown: list[int] = []
    model.reloaded.connect(lambda _row: shown.append(model.rowCount()))
    model.set_query(CaseQuery(stages=("monitoring",)))
    model.set_query(CaseQuery(stages=("rating",)))
    qtbot.waitUntil(lambda: not model.loading)
    assert len(shown) == 1
    assert {model.case_row(r).stage for r in range(model.rowCount())} == {"rating"}


def test_a_reload_says_where_the_tracked_case_went(qtbot, model: CaseTableModel) -> None:
    case_id = model.case_id(7)
    model.track(case_id)
    with qtbot.waitSignal(model.reloaded) as blocker:
        model.sort(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    assert model.case_id(blocker.args[0]) == case_id
    with qtbot.waitSignal(model.reloaded) as blocker:
        model.set_query(CaseQuery(stages=("no-such-stage",)))
    assert blocker.args == [-1]
