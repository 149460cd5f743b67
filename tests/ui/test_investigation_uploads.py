"""The Investigation tab's uploads as an investigator uses them: a statement uploaded off the
GUI thread lands in the list and marks the paperwork; a refused file names itself and leaves
nothing; Cancel stores nothing; a bill typed in; the original opened as uploaded."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.ui.investigation_helpers import FIXTURES, count, investigated_case, open_tab, reread
from workstation.services import uploads
from workstation.ui import uploads_panel
from workstation.ui.bill_dialog import BillDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note
STORED = ("documents", "case_documents", "statement_lines", "utility_bills")


def test_an_upload_lands_in_the_list_and_marks_the_paperwork(
    qtbot, ctx, people, background, refusals
) -> None:
    case_id = investigated_case(ctx, people)
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, case_id, part=1)
    panel = tab.uploads
    assert panel.drop_zone.isVisibleTo(panel)
    reread(qtbot, page, tab, lambda: panel.upload_files([FIXTURES / "alipay.csv"]))
    assert refusals == []
    assert panel.outcomes[0][0] == "ok"
    # the fixture is of 2023, the case of 2026: stored, with the stale-statement warning
    assert panel.outcomes[0][1] == "alipay.csv: 9 row(s) stored as Alipay (1 warning(s))"
    model = panel.uploads_model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(8)]
    assert row[:5] == [
        "Alipay / WeChat Pay export", "alipay.csv", "Alipay", "2023-01-01 — 2023-03-31", "9",
    ]  # fmt: skip
    assert row[6:] == ["李调查", "2026-11-26 10:00"]
    assert tab.parts.tabText(1) == "Uploads (1)"
    qtbot.waitUntil(lambda: tab.paperwork.paperwork is not None)
    docs = {d.kind: d for d in tab.paperwork.paperwork.documents}
    assert docs["payment_export"].received_note == "alipay.csv"
    # The same file again is one document: the notice says so, nothing is added.
    reread(qtbot, page, tab, lambda: panel.upload_files([FIXTURES / "alipay.csv"]))
    assert panel.outcomes[0][0] == "notice"
    assert "already on this case" in panel.outcomes[0][1]
    assert count(ctx, "case_documents") == 1


def test_a_refused_upload_names_the_file_and_leaves_nothing(
    qtbot, ctx, people, background, refusals, tmp_path: Path
) -> None:
    case_id = investigated_case(ctx, people)
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, case_id, part=1)
    panel = tab.uploads
    broken = tmp_path / "icbc_broken.csv"
    raw = (FIXTURES / "icbc.csv").read_bytes()
    broken.write_bytes(raw[: len(raw) * 2 // 3])  # cut off mid-table
    before = {table: count(ctx, table) for table in STORED}
    reread(
        qtbot, page, tab,
        lambda: panel.upload_files([FIXTURES / "scanned.pdf", broken, FIXTURES / "wechat.csv"]),
    )  # fmt: skip
    assert [kind for kind, _ in panel.outcomes] == ["ok", "refused", "refused"]
    # newest first: the next file in the queue still went in; each refusal names its file
    assert panel.outcomes[2][1].startswith("Refused, nothing stored: scanned.pdf is a scanned")
    assert panel.outcomes[1][1].startswith("Refused, nothing stored: icbc_broken.csv, line 7:")
    after = {table: count(ctx, table) for table in STORED}
    assert after["case_documents"] == before["case_documents"] + 1  # wechat.csv alone
    assert after["documents"] == before["documents"] + 1
    assert after["statement_lines"] == before["statement_lines"] + 8
    names = [d.file_name for d in uploads.documents(ctx, people["li.inv"], case_id)]
    assert "scanned.pdf" not in names
    assert panel.uploads_model.rowCount() == len(names)
    assert "Refused, nothing stored" in panel.outcome_label.text()


def test_cancel_stores_nothing(qtbot, ctx, people, background, refusals) -> None:
    case_id = investigated_case(ctx, people)
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, case_id, part=1)
    panel = tab.uploads
    gate = threading.Event()
    # Hold the one job thread so the upload waits its turn behind it (no race on Cancel).
    background.run(panel, "hold", lambda _c, _p: gate.wait(5), lambda _r: None, None, print)
    panel.upload_files([FIXTURES / "icbc.csv"])
    assert panel.running.isVisibleTo(panel)
    panel.cancel()
    gate.set()
    qtbot.waitUntil(lambda: panel.progress is None and bool(panel.outcomes), timeout=10_000)
    assert panel.outcomes[0] == ("cancelled", "icbc.csv: cancelled, nothing stored")
    assert count(ctx, "case_documents") == 0
    assert count(ctx, "documents") == 0


def test_a_bill_typed_in_and_the_original_opened(
    qtbot, ctx, people, background, refusals, monkeypatch
) -> None:
    li = people["li.inv"]
    case_id = investigated_case(ctx, people)
    uploads.upload(ctx, li, case_id, FIXTURES / "icbc.csv")
    page, tab = open_tab(qtbot, ctx, li, background, case_id, part=1)
    panel = tab.uploads
    dialog = panel.add_bill()
    assert isinstance(dialog, BillDialog)
    assert not dialog.confirm.isEnabled()
    dialog.account.setText("3300123456")
    dialog.usage.setText("1,250")
    dialog.amount.setText("812.83")
    assert dialog.confirm.isEnabled()
    reread(qtbot, page, tab, dialog.confirm.click)
    assert refusals == []
    model = panel.bills_model
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in (0, 1, 3, 4, 5)] == [
        "Electricity", "3300123456", "1250 kWh", "¥812.83", "typed in",
    ]  # fmt: skip

    opened: list[Path] = []
    monkeypatch.setattr(uploads_panel, "open_path", lambda path: opened.append(path) or True)
    panel.uploads_table.selectRow(0)
    path = panel.open_selected()
    assert path is not None and opened == [path]
    assert path.name == "icbc.csv"
    assert path.read_bytes() == (FIXTURES / "icbc.csv").read_bytes()
    audited = ctx.store.conn.execute(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'document:open'"
    ).fetchone()[0]
    assert audited == 1


def test_later_stages_show_the_uploads_read_only(qtbot, ctx, people, background) -> None:
    case_id = investigated_case(ctx, people)
    _, tab = open_tab(qtbot, ctx, people["zhang.inv"], background, case_id, part=1)
    panel = tab.uploads
    assert not panel.drop_zone.isVisibleTo(panel)
    assert not panel.buttons["add_bill"].isVisibleTo(panel)
    panel.upload_files([FIXTURES / "alipay.csv"])
    assert panel.progress is None and count(ctx, "case_documents") == 0
