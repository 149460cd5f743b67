"""The Investigation tab's interview and documents (R23), as an investigator and a supervisor
use them: what blocks the case, an interview recorded, a document waived with a reason."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import T0
from tests.services.book import add_case
from workstation.domain.interview import DocumentKind, InterviewMode
from workstation.services import investigation
from workstation.services.context import Context, Session
from workstation.ui.case_page import CasePage
from workstation.ui.paperwork_dialogs import InterviewDialog, WaiveDialog
from workstation.ui.paperwork_panel import PaperworkPanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note


def investigated_case(ctx: Context, people: dict[str, Session]) -> int:
    """A platform case in investigation, held by 李调查."""
    return add_case(
        ctx,
        "investigation",
        officer_id=people["li.inv"].user_id,
        history=(("application", "rating", "submit"), ("rating", "investigation", "rate")),
    )


def open_paperwork(qtbot, ctx: Context, session: Session, background, case_id: int):
    page = CasePage(ctx, session, background, case_id)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.investigation_tab is not None)
    panel = page.investigation_tab.paperwork
    qtbot.waitUntil(lambda: panel.paperwork is not None)
    return page, panel


def _blocking(panel: PaperworkPanel) -> str:
    return panel.blocking.text()


def test_an_interview_with_the_identity_check_clears_its_blocking_reason(
    qtbot, ctx, people, background, refusals
) -> None:
    case_id = investigated_case(ctx, people)
    page, panel = open_paperwork(qtbot, ctx, people["li.inv"], background, case_id)
    assert page.tabs.tabText(page.tabs.indexOf(page.investigation_tab)) == "Investigation"
    assert "Cannot be recommended yet" in _blocking(panel)
    assert "not been interviewed" in _blocking(panel)
    assert "Bank statement (12 months), Alipay / WeChat Pay export" in _blocking(panel)
    assert panel.no_interview.isVisibleTo(panel)

    dialog = panel.record()
    assert isinstance(dialog, InterviewDialog)
    assert not dialog.confirm.isEnabled()  # no notes yet
    assert dialog.identity_note.isVisibleTo(dialog)
    dialog.checks["identity"].setChecked(True)
    dialog.checks["stock"].setChecked(True)
    assert not dialog.identity_note.isVisibleTo(dialog)
    dialog.notes.setPlainText("Owner on video with the ID card; 200 boxes of stock shown.")
    assert dialog.confirm.isEnabled()
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    qtbot.waitUntil(lambda: panel.interviews_model.rowCount() == 1)
    assert refusals == []

    stored = investigation.paperwork(ctx, people["li.inv"], case_id).interviews
    assert [(i.mode, i.checked, i.investigator_name) for i in stored] == [
        ("video", "identity,stock", "李调查")
    ]
    model = panel.interviews_model
    assert model.data(model.index(0, 1)) == "Video interview"
    assert model.data(model.index(0, 3)) == "identity checked · 2 of 7 items"
    assert "not been interviewed" not in _blocking(panel)
    assert "Documents still missing" in _blocking(panel)
    assert "✓ Identity" in panel.interview_detail.text()
    assert "✗ Premises" in panel.interview_detail.text()


def test_a_supervisor_waives_a_document_with_a_reason(
    qtbot, ctx, people, background, refusals
) -> None:
    case_id = investigated_case(ctx, people)
    _, li_panel = open_paperwork(qtbot, ctx, people["li.inv"], background, case_id)
    assert not li_panel.buttons["waive"].isVisibleTo(li_panel)  # investigators do not waive

    page, panel = open_paperwork(qtbot, ctx, people["wang.sup"], background, case_id)
    assert panel.buttons["waive"].isVisibleTo(panel)
    panel.documents.selectRow(2)  # the electricity bill
    dialog = panel.waive()
    assert isinstance(dialog, WaiveDialog)
    assert dialog.kind.currentData() == "electricity_bill"
    assert not dialog.confirm.isEnabled()  # no reason yet
    dialog.text.setText("Power is included in the rent; the landlord's letter was seen")
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    assert refusals == []
    qtbot.waitUntil(
        lambda: panel.paperwork is not None and panel.paperwork.documents[2].waived_at is not None
    )
    row = ctx.store.conn.execute(
        "SELECT waive_reason FROM document_requests WHERE case_id = ? AND kind = ?",
        (case_id, "electricity_bill"),
    ).fetchone()
    assert row == ("Power is included in the rent; the landlord's letter was seen",)
    model = panel.documents_model
    assert model.data(model.index(2, 1)) == "Waived"
    assert "王主管" in model.data(model.index(2, 5))
    assert "landlord's letter" in model.data(model.index(2, 5))
    assert "Electricity bill" not in _blocking(panel)
    assert "Bank statement (12 months)" in _blocking(panel)


def test_documents_requested_and_received_show_who_and_when(
    qtbot, ctx, people, background, refusals
) -> None:
    case_id = investigated_case(ctx, people)
    page, panel = open_paperwork(qtbot, ctx, people["li.inv"], background, case_id)
    dialog = panel.request()
    dialog.kinds[DocumentKind.LEASE].setChecked(True)
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    qtbot.waitUntil(lambda: panel.documents_model.rowCount() == 4)
    model = panel.documents_model
    assert [model.data(model.index(3, c)) for c in range(3)] == [
        "Lease of the premises", "Requested, awaited", "Requested",
    ]  # fmt: skip
    assert "Lease of the premises" in _blocking(panel)
    panel.documents.selectRow(3)
    dialog = panel.receive()
    assert dialog.kind.currentData() == "lease"
    dialog.text.setText("signed copy by mail")
    with qtbot.waitSignal(page.loaded):
        dialog.confirm.click()
    qtbot.waitUntil(lambda: model.data(model.index(3, 1)) == "Received")
    assert model.data(model.index(3, 4)) == "2026-11-26 10:00 by 李调查 — signed copy by mail"
    assert "Lease of the premises" not in _blocking(panel)


def test_another_investigator_sees_the_paperwork_read_only(qtbot, ctx, people, background) -> None:
    case_id = investigated_case(ctx, people)
    _, panel = open_paperwork(qtbot, ctx, people["zhang.inv"], background, case_id)
    assert not any(b.isEnabled() for b in panel.buttons.values())
    assert panel.record() is None


def test_paperwork_models_keep_qt_s_rules(qtbot, qtmodeltester, ctx, people, background) -> None:
    case_id = investigated_case(ctx, people)
    li = people["li.inv"]
    investigation.record_interview(
        ctx, li, case_id, T0 - timedelta(hours=1), InterviewMode.VIDEO,
        frozenset({"premises"}), "no ID card shown",
    )  # fmt: skip
    _, panel = open_paperwork(qtbot, ctx, li, background, case_id)
    qtmodeltester.check(panel.interviews_model)
    qtmodeltester.check(panel.documents_model)
    model = panel.interviews_model
    assert model.data(model.index(0, 3)) == "identity NOT checked · 1 of 7 items"


def test_the_tab_comes_with_investigation_and_stays_read_only_after_it(
    qtbot, ctx, people, background
) -> None:
    rating = add_case(ctx, "rating", history=(("application", "rating", "submit"),))
    page = CasePage(ctx, people["wang.sup"], background, rating)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None)
    assert page.investigation_tab is None  # not there before investigation
    later = add_case(
        ctx,
        "approval",
        officer_id=people["li.inv"].user_id,
        history=(
            ("application", "rating", "submit"),
            ("rating", "investigation", "rate"),
            ("investigation", "approval", "recommend"),
        ),
    )
    _, panel = open_paperwork(qtbot, ctx, people["wang.sup"], background, later)
    assert not panel.editable
    assert not any(b.isEnabled() for b in panel.buttons.values())
