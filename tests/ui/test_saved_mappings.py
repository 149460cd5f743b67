"""Admin → Saved bank mappings: every saved column mapping with its columns in words and the
files it read; edited in the column-mapping dialog (the files read with the earlier mapping
read again, and the screen says so); deleted by a supervisor only, the confirmation saying
the files keep their lines."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from tests.ui.investigation_helpers import FIXTURES, investigated_case
from workstation.importers.mapped import ColumnMapping, MappingPreview, read_or_preview
from workstation.services import bank_layouts, uploads
from workstation.services.context import Context, Session
from workstation.ui import saved_mappings
from workstation.ui.column_mapping import ColumnMappingDialog
from workstation.ui.saved_mappings import SavedMappingsDialog
from workstation.ui.upload_models import UploadsModel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note
RURAL = FIXTURES / "rural_bank.csv"


def _right() -> ColumnMapping:
    found = read_or_preview(RURAL.read_bytes(), RURAL.name, {})
    assert isinstance(found, MappingPreview)
    return found.guess


@pytest.fixture
def uploaded(ctx: Context, people: dict[str, Session]) -> int:
    """The rural bank's file on 李调查's case, read with income and expense swapped."""
    case_id = investigated_case(ctx, people)
    right = _right()
    wrong = replace(right, income=right.expense, expense=right.income)
    bank_layouts.save_layout(ctx, people["li.inv"], "浙江农商银行", wrong)
    uploads.upload(ctx, people["li.inv"], case_id, RURAL)
    return case_id


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation and refusal shown; confirmations answered yes."""
    shown: list[str] = []

    def confirm(parent, title, text):  # noqa: ANN001
        shown.append(text)
        return True

    def warning(parent, title, text, *args, **kwargs):  # noqa: ANN001
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(saved_mappings, "confirm", confirm)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def _dialog(qtbot, ctx: Context, session: Session, changed=None) -> SavedMappingsDialog:  # noqa: ANN001
    dialog = SavedMappingsDialog(ctx, session, changed=changed)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _row(dialog: SavedMappingsDialog, row: int = 0) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_the_screen_lists_each_mapping_in_words_with_the_files_it_read(
    qtbot, ctx, people, uploaded
) -> None:
    dialog = _dialog(qtbot, ctx, people["liu.fin"])
    QAbstractItemModelTester(dialog.model)
    assert dialog.model.rowCount() == 1 and not dialog.empty.isVisibleTo(dialog)
    bank, columns, header, by, at, files = _row(dialog)
    assert (bank, by, at, files) == ("浙江农商银行", "李调查", "2026-11-26 10:00", "1")
    assert header.startswith("序号, 记账日期, 交易时间, 摘要, 借方发生额")
    assert columns.splitlines()[:5] == [
        "Date: 记账日期 (B)", "Time: 交易时间 (C)", "Income: 借方发生额 (E)",
        "Expense: 贷方发生额 (F)", "Counterparty: 对方户名 (H)",
    ]  # fmt: skip
    assert not dialog.edit_button.isVisible()  # finance may look, not edit
    dialog.table.selectRow(0)
    assert not dialog.delete_button.isEnabled()


def test_an_edit_rereads_the_files_and_the_screen_says_so(
    qtbot, ctx, people, uploaded, asked
) -> None:
    changed: list[bool] = []
    dialog = _dialog(qtbot, ctx, people["li.inv"], lambda: changed.append(True))
    dialog.table.selectRow(0)
    editor = dialog.edit_selected()
    assert isinstance(editor, ColumnMappingDialog) and editor.isVisible()
    assert editor.name.text() == "浙江农商银行" and not editor.header.isEnabled()
    assert editor.save_button.text() == "Save"
    assert editor.records_model.rowCount() == 6  # the uploaded file, as the mapping reads it
    assert editor.records_model.data(editor.records_model.index(0, 2)) == "-¥12,800.00"
    right = _right()
    editor.combos["income"].setCurrentIndex(editor.combos["income"].findData(right.income))
    editor.combos["expense"].setCurrentIndex(editor.combos["expense"].findData(right.expense))
    assert editor.records_model.data(editor.records_model.index(0, 2)) == "¥12,800.00"
    editor.accept()
    assert asked == [] and changed == [True]
    assert dialog.outcome.text() == (
        "Saved the mapping for 浙江农商银行. 1 uploaded file(s) read with the earlier mapping "
        "were read again: rural_bank.csv."
    )
    [doc] = uploads.documents(ctx, people["li.inv"], uploaded)
    model = UploadsModel()
    model.set_rows([doc])
    assert model.data(model.index(0, 2)) == "Other bank (columns mapped): 浙江农商银行"
    assert _row(dialog)[1].splitlines()[2] == "Income: 贷方发生额 (F)"


def test_a_supervisor_deletes_a_mapping_an_investigator_is_refused(
    qtbot, ctx, people, uploaded, asked
) -> None:
    mine = _dialog(qtbot, ctx, people["li.inv"])
    mine.table.selectRow(0)
    assert mine.edit_button.isEnabled() and not mine.delete_button.isEnabled()
    assert not mine.delete_selected()  # the service refuses even when the button is bypassed
    assert asked[-1] == "Only a supervisor deletes a column mapping."
    assert len(bank_layouts.saved_layouts(ctx, people["li.inv"])) == 1

    asked.clear()
    dialog = _dialog(qtbot, ctx, people["wang.sup"])
    dialog.table.selectRow(0)
    assert dialog.delete_button.isEnabled()
    assert dialog.delete_selected()
    assert asked == [
        "Delete the column mapping for 浙江农商银行? 1 uploaded file(s) were read with it: they "
        "keep their lines, but they are no longer read again when the mapping is corrected. "
        "The next file with this header row asks for its columns again."
    ]
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
    assert dialog.outcome.text() == (
        "Deleted the mapping for 浙江农商银行; 1 file(s) read with it keep their lines."
    )
    assert bank_layouts.saved_layouts(ctx, people["li.inv"]) == ()
    [doc] = uploads.documents(ctx, people["li.inv"], uploaded)
    assert doc.rows == 6 and doc.bank_name == ""


def test_the_main_window_opens_the_screen_from_the_admin_menu(
    qtbot, ctx, people, background
) -> None:  # noqa: E501
    from workstation.ui.main_window import MainWindow

    window = MainWindow(ctx, people["wang.sup"], background)
    qtbot.addWidget(window)
    assert window.mappings_action in window.admin_menu.actions()
    assert window.mappings_action.text() == "Saved &bank mappings…"
    dialog = window.show_saved_mappings()
    assert isinstance(dialog, SavedMappingsDialog) and dialog.isVisible()
    dialog.close()


def test_an_edit_without_a_file_to_show_offers_the_header_row_alone(
    qtbot, ctx, people, uploaded, asked
) -> None:
    dialog = _dialog(qtbot, ctx, people["chen.inv"])  # holds no case with the file
    dialog.table.selectRow(0)
    editor = dialog.edit_selected()
    assert editor is not None and editor.no_file
    assert editor.rows_model.rowCount() == 1 and editor.records_model.rowCount() == 0
    assert editor.problem.text() == "No file to preview: the mapping is checked as it is saved."
    assert editor.save_button.isEnabled()
    editor.name.setText("浙江省农商银行")
    editor.accept()  # the same mapping: renamed, nothing read again
    assert dialog.outcome.text() == (
        "Saved the mapping for 浙江省农商银行; no uploaded file needed reading again."
    )
    assert _row(dialog)[0] == "浙江省农商银行"


def test_an_edit_says_which_files_decided_cases_keep_as_read(
    qtbot, ctx, people, uploaded, asked
) -> None:
    ctx.store.conn.execute("UPDATE cases SET stage = 'approval' WHERE id = ?", (uploaded,))
    changed: list[bool] = []
    dialog = _dialog(qtbot, ctx, people["wang.sup"], lambda: changed.append(True))
    dialog.table.selectRow(0)
    editor = dialog.edit_selected()
    assert editor is not None
    right = _right()
    editor.combos["income"].setCurrentIndex(editor.combos["income"].findData(right.income))
    editor.combos["expense"].setCurrentIndex(editor.combos["expense"].findData(right.expense))
    editor.accept()
    assert changed == []  # no case's lines changed
    assert dialog.outcome.text() == (
        "Saved the mapping for 浙江农商银行. 1 file(s) on decided cases were left as read: "
        f"rural_bank.csv (case {uploaded})."
    )
    [doc] = uploads.documents(ctx, people["wang.sup"], uploaded)
    assert doc.rows == 6


def test_a_refused_correction_is_told_in_chinese_through_and_through(ctx, people, uploaded) -> None:
    from workstation.domain.messages import RuleError
    from workstation.ui import i18n
    from workstation.ui.common import message_text

    bad = replace(_right(), date=_right().memo, memo=None)  # 摘要 holds no dates
    with pytest.raises(RuleError) as refused:
        bank_layouts.save_layout(ctx, people["li.inv"], "浙江农商银行", bad)
    assert i18n.install_translators("zh_CN")
    try:
        text = message_text(refused.value.message)
    finally:
        i18n.install_translators("en")
    assert text == (
        f"列对应未保存：rural_bank.csv（案件 {uploaded}）按原对应读取，用此对应读不了："
        "rural_bank.csv 第 8 行：“转账存入 09:12:45”不是日期时间。没有任何改动。"
    )
    assert message_text(refused.value.message) == str(refused.value.message)  # English again
