"""The case page as officers use it: masked data, the right moves, reasons, stale pages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.services.test_loans import investigated as interviewed
from workstation.domain.people import mask_sensitive
from workstation.domain.stages import Action
from workstation.services import pipeline
from workstation.services.context import Context, Session
from workstation.ui import dialogs
from workstation.ui.case_page import CasePage
from workstation.ui.case_sections import HistoryModel


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Capture refusals instead of blocking on a modal message box."""
    shown: list[str] = []

    def fake_warning(parent, title, text, *args, **kwargs):  # noqa: ANN001
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    return shown


def _case(ctx: Context, stage: str, officer_id: int | None = None, **extra: object) -> int:
    sql = "SELECT c.id FROM cases c WHERE c.stage = ?"
    params: list[object] = [stage]
    if officer_id is not None:
        sql += " AND c.officer_id = ?"
        params.append(officer_id)
    for column, value in extra.items():
        sql += f" AND c.{column} IS ?"
        params.append(value)
    row = ctx.store.conn.execute(sql + " ORDER BY c.id LIMIT 1", params).fetchone()
    assert row, f"the demo has no {stage} case"
    return int(row[0])


def _stage_version(ctx: Context, case_id: int) -> tuple[str, int, int | None]:
    row = ctx.store.conn.execute(
        "SELECT stage, version, officer_id FROM cases WHERE id = ?", (case_id,)
    ).fetchone()
    return row[0], row[1], row[2]


def _open(qtbot, ctx: Context, session: Session, background, case_id: int) -> CasePage:
    page = CasePage(ctx, session, background, case_id)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None)
    return page


def _stored_id_number(ctx, case_id: int) -> str:
    return ctx.store.conn.execute(
        "SELECT k.owner_id_number FROM cases c JOIN customers k ON k.id = c.customer_id "
        "WHERE c.id = ?",
        (case_id,),
    ).fetchone()[0]


def test_id_number_masked_for_investigator(qtbot, demo_ctx, people, background) -> None:
    inv = people["li.inv"]
    case_id = _case(demo_ctx, "investigation", inv.user_id)
    page = _open(qtbot, demo_ctx, inv, background, case_id)
    full = _stored_id_number(demo_ctx, case_id)
    shown = page.overview.values["owner_id_number"].text()
    assert shown == mask_sensitive(full) and shown != full
    assert full[-4:] in shown and "*" in shown
    assert page.overview.reveal_buttons["owner_id_number"].isHidden()
    assert full not in repr(page.data.detail)  # the service never handed the page the number


def test_supervisor_reveals_id_number_and_it_is_audited(
    qtbot, demo_ctx, people, background
) -> None:
    sup = people["wang.sup"]
    case_id = _case(demo_ctx, "investigation")
    page = _open(qtbot, demo_ctx, sup, background, case_id)
    full = _stored_id_number(demo_ctx, case_id)
    button = page.overview.reveal_buttons["owner_id_number"]
    assert not button.isHidden()
    assert page.overview.values["owner_id_number"].text() != full

    def reveals() -> int:
        return demo_ctx.store.conn.execute(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'reveal' AND entity_id = ? "
            "AND actor_id = ?",
            (case_id, sup.user_id),
        ).fetchone()[0]

    before = reveals()
    button.click()
    assert page.overview.values["owner_id_number"].text() == full
    assert button.isHidden()
    assert reveals() == before + 1
    # The phone stays masked until revealed on its own.
    stored_phone = demo_ctx.store.conn.execute(
        "SELECT k.owner_phone FROM cases c JOIN customers k ON k.id = c.customer_id WHERE c.id = ?",
        (case_id,),
    ).fetchone()[0]
    assert page.overview.values["owner_phone"].text() != stored_phone


def test_investigator_on_investigation_sees_recommend_and_decline_not_approve(
    qtbot, demo_ctx, people, background
) -> None:
    inv = people["li.inv"]
    page = _open(qtbot, demo_ctx, inv, background, _case(demo_ctx, "investigation", inv.user_id))
    assert {"recommend", "decline"} <= set(page.action_buttons)
    assert "approve" not in page.action_buttons
    assert "reassign" not in page.action_buttons


def test_finance_sees_disburse_on_a_disbursement_case(qtbot, demo_ctx, people, background) -> None:
    fin = people["liu.fin"]
    page = _open(qtbot, demo_ctx, fin, background, _case(demo_ctx, "disbursement"))
    assert "disburse" in page.action_buttons
    assert page.action_buttons["disburse"].isEnabled()
    assert "approve" not in page.action_buttons


def test_decline_without_reason_is_refused_and_case_unchanged(
    qtbot, demo_ctx, people, background, warnings, monkeypatch
) -> None:
    inv = people["li.inv"]
    case_id = _case(demo_ctx, "investigation", inv.user_id)
    page = _open(qtbot, demo_ctx, inv, background, case_id)
    before = _stage_version(demo_ctx, case_id)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: "   ")
    with qtbot.waitSignal(page.loaded):
        page.action_buttons["decline"].click()
    assert len(warnings) == 1 and "reason" in warnings[0].lower()
    assert _stage_version(demo_ctx, case_id) == before


def test_decline_with_reason_moves_the_case_and_records_why(
    qtbot, demo_ctx, people, background, warnings, monkeypatch
) -> None:
    inv = people["li.inv"]
    case_id = _case(demo_ctx, "investigation", inv.user_id)
    page = _open(qtbot, demo_ctx, inv, background, case_id)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: "Bills show no trade since June")
    with qtbot.waitSignal(page.caseChanged) as changed, qtbot.waitSignal(page.loaded):
        page.action_buttons["decline"].click()
    assert changed.args == [case_id]
    assert warnings == []
    assert page.data.detail.case.stage == "declined"
    assert (
        page.history.model.data(page.history.model.index(page.history.model.rowCount() - 1, 5))
        == "Bills show no trade since June"
    )


def test_cancelled_reason_changes_nothing(
    qtbot, demo_ctx, people, background, warnings, monkeypatch
) -> None:
    inv = people["li.inv"]
    case_id = _case(demo_ctx, "investigation", inv.user_id)
    page = _open(qtbot, demo_ctx, inv, background, case_id)
    before = _stage_version(demo_ctx, case_id)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: None)
    assert page.perform(Action.DECLINE) is False
    assert warnings == [] and _stage_version(demo_ctx, case_id) == before


def test_reason_dialog_ok_only_once_something_is_written(qtbot) -> None:
    dialog = dialogs.ReasonDialog("Decline", "Why?")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.text.setPlainText("  \n ")
    assert not ok.isEnabled()
    dialog.text.setPlainText("Fake trading on the shop")
    assert ok.isEnabled()


def test_stale_page_shows_who_changed_it_and_reloads(
    qtbot, demo_ctx, people, background, warnings
) -> None:
    wang, zhou = people["wang.sup"], people["zhou.sup"]
    case_id = _case(demo_ctx, "approval", recommended_by=people["li.inv"].user_id)
    version = _stage_version(demo_ctx, case_id)[1]
    pipeline.reassign_case(demo_ctx, wang, case_id, version, None, "")  # the queue holds it
    page = _open(qtbot, demo_ctx, wang, background, case_id)
    shown_version = page.data.detail.case.version
    # Behind the page's back, 周主管 takes the case into their own list.
    pipeline.reassign_case(demo_ctx, zhou, case_id, shown_version, zhou.user_id, "mine")
    with qtbot.waitSignal(page.loaded):
        page.action_buttons["approve"].click()
    assert len(warnings) == 1
    assert "周主管" in warnings[0] and "reloaded" in warnings[0]
    stage, version, officer = _stage_version(demo_ctx, case_id)
    assert (stage, version, officer) == ("approval", shown_version + 1, zhou.user_id)
    assert page.data.detail.case.version == version
    assert "周主管" in page.officer.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note on a dialog
def test_approve_by_the_recommender_is_refused(
    qtbot, demo_ctx, people, background, warnings
) -> None:
    sup = people["wang.sup"]
    case_id = _case(demo_ctx, "investigation", officer_id=None)
    interviewed(demo_ctx, sup, case_id)  # R23: the paperwork a recommendation needs
    page = _open(qtbot, demo_ctx, sup, background, case_id)
    page.action_buttons["recommend"].click()  # the terms, prefilled from the rating
    with qtbot.waitSignal(page.loaded):
        page.moves.dialog.accept()
    assert page.data.detail.case.stage == "approval"
    approve = page.action_buttons["approve"]
    assert not approve.isEnabled()
    assert "Maker–checker" in page.notice.text() and page.notice.isVisibleTo(page)
    with qtbot.waitSignal(page.loaded):
        assert page.perform(Action.APPROVE) is False
    assert len(warnings) == 1 and "Maker–checker" in warnings[0]
    assert _stage_version(demo_ctx, case_id)[0] == "approval"
    assert not page.action_buttons["approve"].isEnabled()


def test_supervisor_reassigns_from_the_page(
    qtbot, demo_ctx, people, background, warnings, monkeypatch
) -> None:
    sup, chen = people["wang.sup"], people["chen.inv"]
    case_id = _case(demo_ctx, "investigation", people["li.inv"].user_id)
    page = _open(qtbot, demo_ctx, sup, background, case_id)
    offered: list[list[dialogs.Assignee]] = []

    def choose(parent, title, assignees):  # noqa: ANN001
        offered.append(assignees)
        return dialogs.Assignment(chen.user_id, "leave")

    monkeypatch.setattr(dialogs, "ask_assignee", choose)
    with qtbot.waitSignal(page.loaded):
        page.action_buttons["reassign"].click()
    names = {a.name for a in offered[0]}
    assert "陈调查" in names and "刘财务" not in names  # finance cannot investigate
    assert _stage_version(demo_ctx, case_id)[2] == chen.user_id
    assert "陈调查" in page.officer.text()


def test_history_lists_every_move_newest_last(qtbot, demo_ctx, people, background) -> None:
    sup = people["wang.sup"]
    case_id = _case(demo_ctx, "overdue")
    page = _open(qtbot, demo_ctx, sup, background, case_id)
    model = page.history.model
    moves = demo_ctx.store.conn.execute(
        "SELECT at FROM stage_moves WHERE case_id = ? ORDER BY id", (case_id,)
    ).fetchall()
    assert model.rowCount() == len(moves)
    first = model.data(model.index(0, 0))
    last = model.data(model.index(model.rowCount() - 1, 0))
    assert first <= last
    assert model.data(model.index(model.rowCount() - 1, 2)) == "Overdue"
    assert "Overdue" in page.history.totals.text()


def test_history_model_passes_the_model_tester(qtbot, qtmodeltester, demo_ctx, people) -> None:
    from workstation.services.pipeline import case_detail

    detail = case_detail(demo_ctx, people["wang.sup"], _case(demo_ctx, "overdue"))
    model = HistoryModel()
    model.set_history(detail.history, demo_ctx.clock.now())
    qtmodeltester.check(model)
