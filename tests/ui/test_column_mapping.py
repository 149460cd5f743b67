"""The column-mapping dialog as an investigator uses it: a rural bank's statement refused as
unknown layout offers "Map the columns…"; the dialog shows the file, the guess and the first
records as they will be read (or the line that fails); Save and import stores the file, and
the next file of that layout goes in without the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from tests.ui.investigation_helpers import FIXTURES, count, investigated_case, open_tab, reread
from workstation.domain.messages import Message, RuleError
from workstation.importers import mapped
from workstation.importers.bank import Signs
from workstation.importers.mapped import ColumnMapping, MappingPreview
from workstation.services import bank_layouts
from workstation.ui.column_mapping import ColumnMappingDialog, column_letter

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen plugin's note
RURAL, RURAL_Q2 = FIXTURES / "rural_bank.csv", FIXTURES / "rural_bank_q2.csv"


def _preview(path: Path) -> MappingPreview:
    found = mapped.read_or_preview(path.read_bytes(), path.name, {})
    assert isinstance(found, MappingPreview)
    return found


def _dialog(qtbot, path: Path, saved: list) -> ColumnMappingDialog:  # noqa: ANN001
    dialog = ColumnMappingDialog(_preview(path), lambda n, m: saved.append((n, m)))
    qtbot.addWidget(dialog)
    return dialog


def _shown(dialog: ColumnMappingDialog) -> list[list[str]]:
    model = dialog.records_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _choose(dialog: ColumnMappingDialog, role: str, column: int | None) -> None:
    combo = dialog.combos[role]
    combo.setCurrentIndex(combo.findData(column) if column is not None else 0)


def test_the_dialog_shows_the_guess_and_the_first_records_as_they_will_be_read(qtbot) -> None:
    saved: list = []
    dialog = _dialog(qtbot, RURAL, saved)
    QAbstractItemModelTester(dialog.rows_model)
    QAbstractItemModelTester(dialog.records_model)
    assert not dialog.sheet.isVisibleTo(dialog)  # a CSV has one table
    assert dialog.header.currentText().startswith("Line 7: 序号, 记账日期, 交易时间")
    assert dialog.rows_model.headerData(6, Qt.Orientation.Vertical) == "7"  # lines, not rows
    assert dialog.rows_model.headerData(4, Qt.Orientation.Horizontal) == "E"
    assert dialog.combos["date"].currentText() == "B · 记账日期"
    assert dialog.combos["income"].currentText() == "F · 贷方发生额"
    assert dialog.combos["expense"].currentText() == "E · 借方发生额"
    assert dialog.signs.currentData() is Signs.TWO_COLUMNS
    assert not dialog.combos["amount"].isVisibleTo(dialog)
    assert dialog.problem.text() == ""
    assert _shown(dialog) == [
        ["8", "2024-01-03 09:12:45", "¥12,800.00", "某某餐饮管理有限公司", "转账存入"],
        ["9", "2024-01-05 14:30:00", "-¥3,456.78", "某某农产品合作社", "跨行转出"],
        ["10", "2024-01-31 10:00:00", "-¥8,000.00", "代发工资户", "代发工资"],
        ["11", "2024-02-01 00:10:00", "¥0.12", "", "结息"],
        ["12", "2024-02-15 16:45:10", "-¥120.00", "某某加油站", "POS消费"],
        ["13", "2024-03-10 11:11:11", "¥5,000.00", "王**", "转账存入"],
    ]
    assert not dialog.save_button.isEnabled()  # the bank is not named yet
    dialog.name.setText("浙江农商银行")
    assert dialog.save_button.isEnabled()


def test_a_wrong_choice_names_the_line_that_fails_and_blocks_saving(qtbot) -> None:
    dialog = _dialog(qtbot, RURAL, [])
    dialog.name.setText("浙江农商银行")
    dialog.signs.setCurrentIndex(dialog.signs.findData(Signs.SIGNED))
    assert dialog.problem.text() == "Choose the column that holds the amount."
    assert dialog.records_model.rowCount() == 0 and not dialog.save_button.isEnabled()
    _choose(dialog, "amount", 4)  # 借方发生额 is empty on income lines
    assert dialog.problem.text() == "rural_bank.csv, line 8: “” is not an amount"
    dialog.signs.setCurrentIndex(dialog.signs.findData(Signs.TWO_COLUMNS))
    assert dialog.problem.text() == "" and dialog.save_button.isEnabled()
    _choose(dialog, "memo", 1)
    assert dialog.problem.text() == "Column “记账日期” is chosen for two things."
    # another header row: the guess follows it (a preamble line guesses no date)
    dialog.header.setCurrentIndex(1)
    assert dialog.rows_model.header == 1
    assert dialog.problem.text() == "Choose the column that holds the date."
    dialog.rows_view.clicked.emit(dialog.rows_model.index(6, 3))  # the header clicked
    assert dialog.header_index == 6 and dialog.problem.text() == ""


def test_the_city_banks_sheet_flag_words_and_day_first_dates(qtbot) -> None:
    dialog = _dialog(qtbot, FIXTURES / "city_bank.xlsx", [])
    assert dialog.sheet.isVisibleTo(dialog) and dialog.sheet.currentText() == "交易明细"
    assert dialog.signs.currentData() is Signs.FLAG
    assert dialog.debit_words.isVisibleTo(dialog)
    assert (dialog.debit_words.text(), dialog.credit_words.text()) == ("支", "收")
    assert [row[1:3] for row in _shown(dialog)] == [
        ["2024-03-15 09:30:00", "¥6,800.00"],
        ["2024-03-18 13:05:00", "-¥1,250.50"],
        ["2024-04-02 08:00:00", "-¥4,000.00"],
    ]
    dialog.credit_words.setText("贷，入")  # full-width comma
    assert dialog.problem.text() == (
        "city_bank.xlsx, line 6: “收” is neither a debit word (支) nor a credit word (贷/入) of "
        "the column mapping"
    )
    dialog.sheet.setCurrentIndex(0)  # the notes sheet: nothing to read
    assert dialog.records_model.rowCount() == 0 and not dialog.save_button.isEnabled()


def test_save_hands_over_the_name_and_mapping_and_a_refusal_keeps_the_dialog(
    qtbot, refusals
) -> None:
    saved: list[tuple[str, ColumnMapping]] = []
    dialog = _dialog(qtbot, RURAL, saved)
    dialog.show()
    dialog.name.setText(" 浙江农商银行 ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved == [("浙江农商银行", dialog.preview.guess)]
    assert dialog.result() == ColumnMappingDialog.DialogCode.Accepted

    def refuse(name: str, mapping: ColumnMapping) -> None:
        raise RuleError(Message.of(bank_layouts.MAY_NOT_SAVE))

    other = ColumnMappingDialog(_preview(RURAL), refuse)
    qtbot.addWidget(other)
    other.show()
    other.name.setText("浙江农商银行")
    other.accept()
    assert refusals == ["Only investigators and supervisors save column mappings."]
    assert other.isVisible() and other.saved is None and other.name.text() == "浙江农商银行"


def test_an_unknown_layout_is_mapped_from_the_upload_list_and_the_next_file_needs_no_dialog(
    qtbot, ctx, people, background, refusals
) -> None:
    case_id = investigated_case(ctx, people)
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, case_id, part=1)
    panel = tab.uploads
    reread(qtbot, page, tab, lambda: panel.upload_files([RURAL]))
    kind, text = panel.outcomes[0]
    assert kind == "refused"
    assert text.startswith("Refused, nothing stored: rural_bank.csv: no Alipay, WeChat Pay")
    assert "Map the columns…" in panel.outcome_label.text()
    assert count(ctx, "case_documents") == 0
    panel.outcome_label.linkActivated.emit("map:0")
    dialog = panel.dialog
    assert isinstance(dialog, ColumnMappingDialog) and dialog.isVisible()
    assert dialog.records_model.rowCount() == 6
    dialog.name.setText("浙江农商银行")
    reread(
        qtbot, page, tab, lambda: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    )
    assert refusals == []
    assert panel.outcomes[0] == (
        "ok",  # an old fixture on a 2026 case: stored, with the stale-statement warning
        "rural_bank.csv: 6 row(s) stored as Other bank (columns mapped): 浙江农商银行"
        " (1 warning(s))",
    )  # fmt: skip
    assert "Map the columns…" not in panel.outcome_label.text()  # mapped now
    assert [s.name for s in bank_layouts.saved_layouts(ctx, people["li.inv"])] == ["浙江农商银行"]
    # the next quarter, the same layout: stored at once, no dialog, no link
    reread(qtbot, page, tab, lambda: panel.upload_files([RURAL_Q2]))
    assert panel.outcomes[0] == (
        "ok",
        "rural_bank_q2.csv: 2 row(s) stored as Other bank (columns mapped): 浙江农商银行"
        " (1 warning(s))",
    )  # fmt: skip
    assert panel.dialog is dialog and not panel.unmapped
    assert count(ctx, "case_documents") == 2
    model = panel.uploads_model
    assert [model.data(model.index(r, 2)) for r in range(2)] == [
        "Other bank (columns mapped): 浙江农商银行"
    ] * 2


def test_a_refusal_that_is_not_about_the_layout_offers_no_mapping(
    qtbot, ctx, people, background, refusals
) -> None:
    case_id = investigated_case(ctx, people)
    page, tab = open_tab(qtbot, ctx, people["li.inv"], background, case_id, part=1)
    panel = tab.uploads
    reread(qtbot, page, tab, lambda: panel.upload_files([FIXTURES / "scanned.pdf"]))
    assert panel.outcomes[0][0] == "refused" and not panel.unmapped
    assert "Map the columns" not in panel.outcome_label.text()
    assert panel.map_columns(panel.outcomes[0][1]) is None


def test_columns_are_lettered_as_a_spreadsheet_letters_them() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA",
    ]  # fmt: skip
