"""The supervisor's queue review: loads that match the book, breached cases, reassigning."""

from __future__ import annotations

from datetime import datetime

from workstation.domain.line_speed import DEFAULT_LIMITS, deadline
from workstation.domain.stages import FINAL_STAGES, Stage
from workstation.services.context import Context
from workstation.ui.queue_review import BreachedModel, OfficerLoadModel, QueueReview

OPEN = tuple(s.value for s in Stage if s not in FINAL_STAGES)


def _review(qtbot, ctx, session, background) -> QueueReview:
    review = QueueReview(ctx, session, background)
    qtbot.addWidget(review)
    qtbot.waitSignal(review.refreshed, timeout=5000).wait()
    return review


def _refreshed(qtbot, review: QueueReview):
    return qtbot.waitSignal(review.refreshed, timeout=5000)


def _db_counts(ctx: Context, officer_id: int | None) -> dict[str, int]:
    where = "officer_id IS NULL" if officer_id is None else "officer_id = ?"
    params: tuple = () if officer_id is None else (officer_id,)
    marks = ",".join("?" * len(OPEN))
    rows = ctx.store.conn.execute(
        f"SELECT stage, COUNT(*) FROM cases WHERE {where} AND stage IN ({marks}) GROUP BY stage",
        (*params, *OPEN),
    ).fetchall()
    return dict(rows)


def _breached_in_db(ctx: Context, officer_id: int | None = None) -> list[int]:
    """Independently of the store's cut-offs: every open case whose deadline has passed."""
    now = ctx.clock.now()
    rows = ctx.store.conn.execute(
        "SELECT id, stage, stage_entered_at, officer_id FROM cases ORDER BY stage_entered_at, id"
    ).fetchall()
    out = []
    for case_id, stage, entered, officer in rows:
        due = deadline(Stage(stage), datetime.fromisoformat(entered), DEFAULT_LIMITS)
        if due is not None and due < now and (officer_id is None or officer == officer_id):
            out.append(case_id)
    return out


def _column(model: OfficerLoadModel, key: str) -> int:
    return OfficerLoadModel.HEADERS.index(key)


def test_officer_loads_match_the_database(qtbot, demo_ctx, people, background) -> None:
    review = _review(qtbot, demo_ctx, people["wang.sup"], background)
    model = review.loads
    officers = {
        r[0]
        for r in demo_ctx.store.conn.execute(
            "SELECT id FROM users WHERE role IN ('investigator','supervisor','finance')"
        )
    }
    seen = set()
    for row in range(model.rowCount()):
        load = model.load_row(row)
        assert load is not None
        seen.add(load.officer_id)
        expected = _db_counts(demo_ctx, load.officer_id)
        assert {k: v for k, v in load.by_stage.items() if v} == expected
        assert model.data(model.index(row, _column(model, "Open"))) == str(sum(expected.values()))
        shown = model.data(model.index(row, _column(model, "investigation")))
        assert shown == (str(expected["investigation"]) if expected.get("investigation") else "·")
    assert seen == officers | {None}  # every officer, plus the unassigned queues
    assert model.load_row(model.rowCount() - 1).officer_id is None


def test_breached_list_is_every_late_case_oldest_first(qtbot, demo_ctx, people, background) -> None:
    review = _review(qtbot, demo_ctx, people["wang.sup"], background)
    model = review.breached
    ids = [model.case_id(r) for r in range(model.rowCount())]
    assert ids and ids == _breached_in_db(demo_ctx)
    assert str(len(ids)) in review.breached_title.text()


def test_selecting_an_officer_filters_the_breached_list(
    qtbot, demo_ctx, people, background
) -> None:
    review = _review(qtbot, demo_ctx, people["wang.sup"], background)
    li = people["li.inv"]
    with _refreshed(qtbot, review):
        review.select_officer(li.user_id)
    ids = [review.breached.case_id(r) for r in range(review.breached.rowCount())]
    assert ids == _breached_in_db(demo_ctx, li.user_id)
    assert "李调查" in review.breached_title.text()
    with _refreshed(qtbot, review):
        review.show_all.click()
    assert review.breached.rowCount() == len(_breached_in_db(demo_ctx))


def test_reassigning_two_cases_moves_them_to_the_chosen_officer(
    qtbot, demo_ctx, people, background
) -> None:
    review = _review(qtbot, demo_ctx, people["wang.sup"], background)
    chen = people["chen.inv"]
    model = review.breached
    rows = [
        r
        for r in range(model.rowCount())
        if model.case_row(r) is not None
        and model.case_row(r).stage == "investigation"
        and model.case_row(r).officer_id != chen.user_id
    ][:2]
    picked = [model.case_id(r) for r in rows]
    selection = review.breached_view.selectionModel()
    for r in rows:
        selection.select(
            model.index(r, 0),
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )
    assert review.selected_case_ids() == picked
    assert "2" in review.reassign_button.text()
    review.assignee.setCurrentIndex(review.assignee.findData(chen.user_id))
    with qtbot.waitSignal(review.casesChanged), _refreshed(qtbot, review):
        review.reassign_button.click()
    for case_id in picked:
        officer = demo_ctx.store.conn.execute(
            "SELECT officer_id FROM cases WHERE id = ?", (case_id,)
        ).fetchone()[0]
        assert officer == chen.user_id
    assert "2" in review.outcome.text() and "陈调查" in review.outcome.text()


def test_refused_reassignments_are_listed_with_the_reason(
    qtbot, demo_ctx, people, background
) -> None:
    review = _review(qtbot, demo_ctx, people["wang.sup"], background)
    fin = people["liu.fin"]
    model = review.breached
    row = next(r for r in range(model.rowCount()) if model.case_row(r).stage == "investigation")
    case_id = model.case_id(row)
    before = demo_ctx.store.conn.execute(
        "SELECT officer_id, version FROM cases WHERE id = ?", (case_id,)
    ).fetchone()
    review.breached_view.selectRow(row)
    review.assignee.setCurrentIndex(review.assignee.findData(fin.user_id))
    with _refreshed(qtbot, review):
        review.reassign_button.click()
    text = review.outcome.text()
    assert f"Case {case_id}" in text and "cannot work on cases" in text
    after = demo_ctx.store.conn.execute(
        "SELECT officer_id, version FROM cases WHERE id = ?", (case_id,)
    ).fetchone()
    assert after == before


def test_double_click_opens_the_case(qtbot, demo_ctx, people, background) -> None:
    review = _review(qtbot, demo_ctx, people["wang.sup"], background)
    index = review.breached.index(3, 1)
    with qtbot.waitSignal(review.caseActivated) as opened:
        review.breached_view.doubleClicked.emit(index)  # what the view sends on a double-click
    assert opened.args == [review.breached.case_id(3)]


def test_investigator_cannot_review_queues(qtbot, demo_ctx, people, background) -> None:
    review = _review(qtbot, demo_ctx, people["li.inv"], background)
    assert review.loads.rowCount() == 0
    assert not review.error.isHidden()
    assert "review the officers' queues" in review.error.text()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, demo_ctx, people, background) -> None:
    review = _review(qtbot, demo_ctx, people["wang.sup"], background)
    qtmodeltester.check(review.loads)
    qtmodeltester.check(review.breached)
    lazy = BreachedModel(background)
    lazy.set_ids(
        [review.breached.case_id(r) for r in range(review.breached.rowCount())],
        {},
        demo_ctx.clock.now(),
    )
    qtmodeltester.check(lazy)  # rows not fetched yet: placeholders, then real rows
    qtbot.waitSignal(lazy.blockArrived).wait()
    assert lazy.case_row(0) is not None
