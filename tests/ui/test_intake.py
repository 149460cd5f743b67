"""The intake form as an investigator uses it: typing, marks, save, reopen, submit, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from workstation.domain.application import CustomerKind, Severity
from workstation.domain.identifiers import id_check_char, uscc_check_char
from workstation.domain.messages import Message, RuleError
from workstation.services import pipeline, rating
from workstation.services.context import Context, Session
from workstation.ui.intake import IntakeDialog
from workstation.ui.intake_fields import parse_percent, parse_yuan
from workstation.ui.intake_import import ImportApplicationsDialog
from workstation.ui.tasks import Background

ID17, CODE17 = "33010619850312123", "91330106MA2B3C4D5"
GOOD_ID = ID17 + id_check_char(ID17)
BAD_ID = ID17 + ("0" if id_check_char(ID17) != "0" else "1")
GOOD_CODE = CODE17 + uscc_check_char(CODE17)


def open_form(qtbot, ctx: Context, session: Session, background: Background, case_id=None):
    dialog = IntakeDialog(ctx, session, background, case_id)
    qtbot.addWidget(dialog)
    dialog.dirty = False
    return dialog


def fill_clean_platform(d: IntakeDialog) -> None:
    d.platform_radio.setChecked(True)
    d.business_name.setText("杭州鑫源服饰商行")
    d.credit_code.setText(GOOD_CODE)
    d.owner_name.setText("王伟")
    d.owner_id.setText(GOOD_ID)
    d.owner_phone.setText("13812345678")
    d.industry.setText("服装服饰")
    d.region.setText("杭州")
    d.platform_account.setText("xinyuan_fs")
    d.amount.setText("80000")
    for edit, text in (
        (d.sales, "1860000"),
        (d.cost, "1520000"),
        (d.margin, "9.5"),
        (d.inventory, "210000"),
        (d.assets, "650000"),
        (d.liabilities, "180000"),
        (d.receivables, "90000"),
        (d.growth, "18"),
        (d.platform_share, "85"),
        (d.order_count, "4210"),
        (d.turnover, "7.5"),
        (d.complaints, "6"),
        (d.active_days, "26"),
        (d.dsr, "4.8"),
        (d.positive_reviews, "98.6"),
        (d.login_days, "29"),
    ):
        edit.setText(text)
    d.seller_level.setText("3钻")
    for row, (name, years, share) in enumerate((("义乌华美", "3", "12"), ("宁波恒达", "2", "8"))):
        d.top_customers.names[row].setText(name)
        d.top_customers.years[row].setText(years)
        d.top_customers.shares[row].setText(share)


def problem_fields(d: IntakeDialog, severity: Severity = Severity.ERROR) -> set[str]:
    return {key for key, _, s in d.problems if s == severity}


def test_an_invalid_id_number_is_marked_and_listed_and_fixing_it_clears_it(
    qtbot, ctx, officer, background
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    d.owner_id.setText(BAD_ID)
    # Validation runs by itself shortly after the typing stops.
    qtbot.waitUntil(lambda: "valid ID number" in d.owner_id.toolTip(), timeout=2000)
    assert d.owner_id.property("problem") == "error"
    listed = [d.problem_list.item(i).text() for i in range(d.problem_list.count())]
    assert any(t.startswith("Owner ID number:") and "check" in t for t in listed)

    d.owner_id.setText(GOOD_ID)
    qtbot.waitUntil(lambda: "business.owner_id_number" not in problem_fields(d), timeout=2000)
    assert not d.owner_id.property("problem")
    assert not any(
        d.problem_list.item(i).text().startswith("Owner ID number")
        for i in range(d.problem_list.count())
    )


def test_submit_stays_disabled_until_the_owner_consents(qtbot, ctx, officer, background) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    d.validate_now()
    assert problem_fields(d) == {"consent"}
    assert not d.submit_button.isEnabled()
    assert d.save_button.isEnabled()  # a draft may be kept without consent

    d.consent.setChecked(True)
    d.validate_now()
    assert problem_fields(d) == set()
    assert d.submit_button.isEnabled()

    d.owner_id.setText(BAD_ID)  # an error closes it again, consent or not
    d.validate_now()
    assert not d.submit_button.isEnabled()


def test_money_is_exact_fen_and_an_empty_figure_stays_missing(
    qtbot, ctx, officer, background
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    d.amount.setText("12345.67")
    d.sales.setText("1,234,567.89")
    d.margin.setText("12.5")
    app, local = d.read_form()
    assert local == []
    assert app.amount_fen == 1234567
    assert app.financials.annual_sales_fen == 123456789
    assert str(app.financials.net_profit_margin) == "0.125"
    # Not typed: None (shown as missing on the scorecard), never 0.
    assert app.financials.inventory_fen is None
    assert app.platform.order_count is None
    d.validate_now()
    assert "financials.inventory_fen" in problem_fields(d, Severity.WARNING)
    assert parse_yuan("0.29") == 29  # float(0.29) * 100 is 28.999999999999996
    with pytest.raises(ValueError):
        parse_yuan("1.005")  # a fen has no fractions
    assert parse_percent("") is None


def test_a_saved_draft_reopens_with_the_same_values_and_personal_data_masked(
    qtbot, ctx, people, officer, background
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    d.inventory.setText("")  # left out on purpose
    assert d.save_draft()
    case_id = d.case_id
    assert case_id is not None and not d.dirty

    again = open_form(qtbot, ctx, officer, background, case_id)
    qtbot.waitUntil(lambda: again.version is not None, timeout=3000)
    assert again.business_name.text() == "杭州鑫源服饰商行"
    assert again.amount.text() == "80000"
    assert again.margin.text() == "9.5"
    assert again.inventory.text() == ""  # still missing, not 0
    assert again.top_customers.names[1].text() == "宁波恒达"
    assert again.kind == CustomerKind.PLATFORM
    assert "*" in again.owner_id.text() and again.owner_id.text() != GOOD_ID
    assert "*" in again.owner_phone.text()
    # Masked as loaded is no error; saving again keeps the stored number.
    assert "business.owner_id_number" not in problem_fields(again)
    again.region.setText("宁波")
    assert again.save_draft()
    app, _ = rating.load_application(ctx, officer, case_id)
    assert app.business.region == "宁波"
    supervisor = people["wang.sup"]
    stored = pipeline.reveal_personal_data(ctx, supervisor, case_id, "owner_id_number")
    assert stored == GOOD_ID  # the number first typed, not the mask


def test_submitting_a_clean_platform_application_rates_it_and_says_so(
    qtbot, ctx, officer, background, boxes
) -> None:
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    d.consent.setChecked(True)
    d.validate_now()
    with qtbot.waitSignal(d.submitted, timeout=3000) as signal:
        assert d.submit()
    case_id = signal.args[0]
    case = pipeline.case_detail(ctx, officer, case_id).case
    assert case.stage != "application"
    assert boxes and ("tier" in boxes[-1][1] or "Declined" in boxes[-1][1])
    assert d.outcome_text == boxes[-1][1]


def test_a_refused_submission_keeps_the_form_and_shows_why(
    qtbot, ctx, officer, background, boxes, monkeypatch
) -> None:
    def refuse(*_args, **_kwargs):
        raise RuleError(Message.of("Case {case} was changed by someone else.", case=1))

    monkeypatch.setattr(rating, "submit_application", refuse)
    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    d.consent.setChecked(True)
    d.validate_now()
    with qtbot.assertNotEmitted(d.submitted):
        assert not d.submit()
    assert boxes == [("warning", "Case 1 was changed by someone else.")]
    assert d.business_name.text() == "杭州鑫源服饰商行"
    assert d.amount.text() == "80000"
    assert d.consent.isChecked()
    assert d.result() == 0 and d.case_id is not None  # the draft itself was kept


def test_cancel_asks_before_throwing_edits_away(qtbot, ctx, officer, background, monkeypatch):
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.Cancel}

    def question(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    d = open_form(qtbot, ctx, officer, background)
    d.business_name.setText("半途")
    with qtbot.assertNotEmitted(d.rejected):
        d.reject()  # kept editing
    assert len(asked) == 1
    answer["button"] = QMessageBox.StandardButton.Discard
    with qtbot.waitSignal(d.rejected, timeout=1000):
        d.reject()


TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "applications.csv"


def test_the_import_dialog_lists_the_rejected_rows(
    qtbot, ctx, officer, background, tmp_path: Path
) -> None:
    header, good = TEMPLATE.read_text(encoding="utf-8-sig").splitlines()[:2]
    bad = good.replace("11010519491231002X", "110105194912310021")  # wrong check digit
    csv = tmp_path / "apps.csv"
    csv.write_text("\n".join([header, good, bad]) + "\n", encoding="utf-8")
    dialog = ImportApplicationsDialog(ctx, officer, background)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        dialog.start_import(str(csv))
    assert signal.args == [1]
    assert dialog.report is not None and len(dialog.report.created) == 1
    created = dialog.report.created[0]
    assert pipeline.case_detail(ctx, officer, created).case.stage == "application"
    assert "1 application(s) created" in dialog.summary.text()
    assert dialog.model.rowCount() == 1
    row, field, reason = dialog.model.cells(0)
    assert row == "3" and "ID number" in reason
    dialog.copy_rejected()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == "Row\tField\tReason" and copied[1].startswith(f"3\t{field}\t")


def test_cancel_says_the_import_continues_and_the_real_report_follows(
    qtbot, ctx, officer, background, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    header, good = TEMPLATE.read_text(encoding="utf-8-sig").splitlines()[:2]
    csv = tmp_path / "apps.csv"
    csv.write_text("\n".join([header, good]) + "\n", encoding="utf-8")
    dialog = ImportApplicationsDialog(ctx, officer, background)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        dialog.start_import(str(csv))
        [progress] = dialog.findChildren(QProgressDialog)
        # the officer clicks Cancel before the event loop runs: no report has arrived yet
        progress.findChild(QPushButton).click()
        assert "continues" in dialog.summary.text()
        assert "nothing was stored" not in dialog.summary.text()
    assert signal.args == [1]
    assert "1 application(s) created" in dialog.summary.text()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 1


def test_the_form_keeps_the_version_its_own_save_and_consent_made(
    qtbot, ctx, officer, background, boxes, monkeypatch
) -> None:
    """When the services say which version a save or a consent made, the form keeps that one,
    not whatever a read-back finds after someone else saved too."""
    update, consent = rating.update_application, rating.record_consent

    def then_someone_else_saves(case_id: int) -> int:
        app, ours = rating.load_application(ctx, officer, case_id)
        update(ctx, officer, case_id, app, ours)  # a colleague's save lands straight after
        assert rating.load_application(ctx, officer, case_id)[1] != ours
        return ours

    def update_saying(ctx_, session, case_id, app, version):  # noqa: ANN001, ANN202
        update(ctx_, session, case_id, app, version)
        return then_someone_else_saves(case_id)

    def consent_saying(ctx_, session, case_id, method, version):  # noqa: ANN001, ANN202
        consent(ctx_, session, case_id, method, version)
        return then_someone_else_saves(case_id)

    submitted_at: list[int] = []

    def submit(_ctx, _session, _case_id, version):  # noqa: ANN001, ANN202
        submitted_at.append(version)
        raise RuleError(Message.of("Case {case} was changed by someone else.", case=1))

    d = open_form(qtbot, ctx, officer, background)
    fill_clean_platform(d)
    assert d.save_draft() and d.case_id is not None
    monkeypatch.setattr(rating, "update_application", update_saying)
    monkeypatch.setattr(rating, "record_consent", consent_saying)
    monkeypatch.setattr(rating, "submit_application", submit)
    d.region.setText("宁波")
    assert d.save_draft()
    _, latest = rating.load_application(ctx, officer, d.case_id)
    assert d.version == latest - 1  # ours, not the colleague's
    # the form now holds a stale version, as it should: reopen the case to submit it
    monkeypatch.setattr(rating, "update_application", update)
    again = open_form(qtbot, ctx, officer, background, d.case_id)
    qtbot.waitUntil(lambda: again.version == latest, timeout=3000)
    again.consent.setChecked(True)
    again.validate_now()
    assert not again.submit()
    _, latest = rating.load_application(ctx, officer, d.case_id)
    assert submitted_at == [latest - 1]  # consent's version, so the colleague's save is caught
