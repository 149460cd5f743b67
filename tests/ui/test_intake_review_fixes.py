"""The intake form and import as the review of round 6 found them: the outcome of a
straight-through approval, a stale form, negative and absurd amounts, the import's columns,
and a decline's reasons in the reader's language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_intake import fill_clean_platform, open_form
from workstation.domain.messages import Message
from workstation.services import pipeline
from workstation.services.context import Context
from workstation.store import codec
from workstation.store.cases import MoveRecord
from workstation.ui import i18n
from workstation.ui.case_sections import HistoryModel
from workstation.ui.intake import IntakeDialog
from workstation.ui.intake_import import ImportApplicationsDialog

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "applications.csv"


def _cases(ctx: Context) -> int:
    return ctx.store.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]


# --- 4 ------------------------------------------------------------------------------------------


def test_a_straight_through_approval_is_told_as_an_approval_with_its_terms(
    qtbot, ctx, officer, background, boxes
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    d.amount.setText("30000")  # within the system's authority (R39)
    d.consent.setChecked(True)
    d.validate_now()
    assert d.submit()
    assert pipeline.case_detail(ctx, officer, d.case_id).case.stage == "disbursement"
    kind, text = boxes[-1]
    assert kind == "information" and text == d.outcome_text
    assert "On to investigation" not in text
    assert "Approved by the system" in text and "¥30,000.00" in text
    assert "Annual 21.90%" in text and "12 months" in text
    assert "with finance for disbursement" in text


def test_a_case_for_people_is_still_told_it_goes_to_investigation(
    qtbot, ctx, officer, background, boxes
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)  # CNY 80,000: above the system's authority
    d.consent.setChecked(True)
    d.validate_now()
    assert d.submit()
    assert boxes[-1][1].startswith("On to investigation")


# --- 5 ------------------------------------------------------------------------------------------


def _two_editors(qtbot, ctx, officer, background) -> tuple[IntakeDialog, IntakeDialog]:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    assert d.save_draft()
    first = open_form(qtbot, ctx, officer, background, d.case_id)
    second = open_form(qtbot, ctx, officer, background, d.case_id)
    qtbot.waitUntil(lambda: first.version is not None and second.version is not None)
    first.amount.setText("90000")
    assert first.save_draft()
    return first, second


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):  # noqa: ANN001, ANN202
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_a_stale_form_offers_to_reload_and_then_saves_again(
    qtbot, ctx, officer, background, boxes, monkeypatch
) -> None:
    first, second = _two_editors(qtbot, ctx, officer, background)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    second.amount.setText("70000")
    assert not second.save_draft()
    [text] = asked
    assert "has been reloaded" not in text
    assert "Nothing of yours was saved" in text and "will be lost" in text
    qtbot.waitUntil(lambda: second.version == first.version, timeout=3000)
    qtbot.waitUntil(lambda: second.amount.text() == "90000", timeout=3000)
    assert not second.dirty
    second.region.setText("宁波")
    assert second.save_draft()  # it recovered: later saves work
    assert boxes == []


def test_keeping_a_stale_form_keeps_the_edits_and_says_it_is_not_saved(
    qtbot, ctx, officer, background, boxes, monkeypatch
) -> None:
    _, second = _two_editors(qtbot, ctx, officer, background)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    second.amount.setText("70000")
    assert not second.save_draft()
    assert len(asked) == 1
    assert second.amount.text() == "70000" and second.dirty
    assert "Not saved" in second.status.text()
    stored = ctx.store.conn.execute(
        "SELECT amount_fen FROM cases WHERE id = ?", (second.case_id,)
    ).fetchone()
    assert stored == (9_000_000,)


# --- 8 ------------------------------------------------------------------------------------------


def _type(edit, text: str) -> None:  # noqa: ANN001
    """Typed through the validator: key clicks (ASCII), or an insertion (QTest cannot click
    U+2212 or a full-width minus)."""
    edit.clear()
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:
        edit.insert(text)


@pytest.mark.parametrize("typed", ["-5000", "−5000", "－5000"])
def test_a_negative_amount_keeps_its_sign_and_is_refused_on_the_field(
    qtbot, ctx, officer, background, typed: str
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    _type(d.amount, typed)
    assert d.amount.text() == typed  # never 5000 without a word
    d.validate_now()
    texts = [text for key, text, _ in d.problems if key == "amount_fen"]
    assert texts and "negative" in texts[0]
    assert not d.submit_button.isEnabled()


def test_a_negative_figure_is_not_turned_positive_either(qtbot, ctx, officer, background) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    _type(d.sales, "-1000000")
    d.validate_now()
    assert d.sales.text() == "-1000000"
    assert "financials.annual_sales_fen" in {key for key, _, _ in d.problems}


def test_saving_an_absurd_amount_is_refused_with_a_message_not_a_crash(
    qtbot, ctx, officer, background, boxes
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    _type(d.amount, "99999999999999999")
    d.validate_now()
    texts = [text for key, text, _ in d.problems if key == "amount_fen"]
    assert texts and "typo" in texts[0]
    before = _cases(ctx)
    assert not d.save_draft()
    assert _cases(ctx) == before and d.case_id is None
    assert boxes and boxes[-1][0] == "warning" and "1,000,000" in boxes[-1][1]


# --- 6 ------------------------------------------------------------------------------------------


def _import(qtbot, ctx, officer, background, path: Path) -> ImportApplicationsDialog:  # noqa: ANN001
    dialog = ImportApplicationsDialog(ctx, officer, background)
    qtbot.addWidget(dialog)
    dialog.start_import(str(path))
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    return dialog


def test_the_import_dialog_warns_of_columns_it_left_out_and_names_columns_as_the_file(
    qtbot, ctx, officer, background, tmp_path: Path
) -> None:
    header, good = TEMPLATE.read_text(encoding="utf-8-sig").splitlines()[:2]
    header = header.replace("申请金额(元)", "申请金额（元）") + ",备注"
    bad = good.replace(",100000,12,", ",-5000,12,") + ",老客户"
    path = tmp_path / "apps.csv"
    path.write_text("\n".join([header, good + ",", bad]) + "\n", encoding="utf-8")
    dialog = _import(qtbot, ctx, officer, background, path)
    assert dialog.report is not None and len(dialog.report.created) == 1
    assert not dialog.warning.isHidden() and "“备注”" in dialog.warning.text()
    row, field, _ = dialog.model.cells(0)
    assert (row, field) == ("3", "申请金额（元）")


def test_a_file_that_is_no_workbook_is_told_by_name_in_the_users_language(
    qtbot, ctx, officer, background, tmp_path: Path
) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(300))
    dialog = _import(qtbot, ctx, officer, background, path)
    text = dialog.summary.text()
    assert "名单.xlsx" in text and "zip" not in text
    assert "neither an Excel workbook" in text
    assert dialog.warning.isHidden()


# --- 9 ------------------------------------------------------------------------------------------


def _history(reason: str) -> HistoryModel:
    model = HistoryModel()
    move = MoveRecord("2026-11-26T10:00:00", "rating", "declined", "decline", "System", reason)
    model.set_history([move], datetime(2026, 11, 26, 11))
    return model


def _reason(model: HistoryModel) -> str:
    return model.data(model.index(0, 5), Qt.ItemDataRole.DisplayRole)


def test_a_system_decline_reason_shows_in_the_readers_language(qapp) -> None:  # noqa: ANN001
    blacklisted = Message.of(
        "The owner's ID number is on the blacklist: {reason}",
        kind="owner_id_number",
        reason="虚构交易骗贷",
    )
    stored = codec.dumps((blacklisted, Message.of("Tier E is declined at screening")))
    assert _reason(_history(stored)) == (
        "The owner's ID number is on the blacklist: 虚构交易骗贷; Tier E is declined at screening"
    )
    assert i18n.install_translators("zh_CN")
    try:
        shown = _reason(_history(stored))
        assert shown.startswith("经营者身份证号已列入黑名单：虚构交易骗贷")
        assert "owner" not in shown and "Tier" not in shown
        tip = _history(stored).data(_history(stored).index(0, 5), Qt.ItemDataRole.ToolTipRole)
        assert tip == shown
    finally:
        i18n.install_translators("en")


@pytest.mark.parametrize("typed", ["客户撤回申请", "[draft] note", "[{not json", ""])
def test_a_reason_a_person_typed_or_stored_before_shows_as_it_was(qapp, typed: str) -> None:  # noqa: ANN001
    assert _reason(_history(typed)) == typed
