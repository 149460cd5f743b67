"""Intake as the review of round 6 found it: what a submission says it did, how a decline's
reasons are kept, the amounts a draft may hold, a stale draft, and the import's columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.book import dump
from tests.services.test_rating import _ready, good_app
from workstation.domain.messages import Message, RuleError
from workstation.importers.applications import NOT_A_TABLE, UNKNOWN_COLUMNS
from workstation.services import intake, rating
from workstation.services.context import Context, FixedClock, Session
from workstation.store import codec

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "applications.csv"


def _template() -> tuple[list[str], list[str]]:
    header, row = TEMPLATE.read_text(encoding="utf-8-sig").splitlines()[:2]
    return header.split(","), row.split(",")


def _count(ctx: Context) -> int:
    return ctx.store.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]


# --- 4: a straight-through approval says so ---------------------------------------------------


def test_a_submission_the_system_approves_returns_where_the_case_went_and_the_terms(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _ready(ctx, li, good_app(amount_fen=3_000_000))
    result = rating.submit_application(ctx, li, case_id, 2)
    assert result.stage == "disbursement"
    assert result.terms is not None and result.terms.limit_fen == 3_000_000
    assert result.terms.product == "credit" and result.terms.term_months >= 1

    other = _ready(ctx, li, good_app(amount_fen=9_000_000))  # above the lane's authority
    result = rating.submit_application(ctx, li, other, 2)
    assert (result.stage, result.terms) == ("investigation", None)


# --- 9: a decline's reasons are kept as messages ----------------------------------------------


def test_a_decline_stores_its_reasons_as_messages_not_english_text(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    rating.add_to_blacklist(
        ctx, wang, "owner_id_number", good_app().business.owner_id_number, "骗贷"
    )
    case_id = _ready(ctx, li)
    stored = rating.submit_application(ctx, li, case_id, 2)
    assert stored.stage == "declined"
    [reason] = ctx.store.conn.execute(
        "SELECT reason FROM stage_moves WHERE case_id = ? AND action = 'decline'", (case_id,)
    ).fetchone()
    kept = codec.loads(tuple[Message, ...], reason)
    assert kept == tuple(stored.decision.reasons) and kept
    assert all(isinstance(m, Message) for m in kept)


# --- 8: an absurd amount is refused, never a crash --------------------------------------------


@pytest.mark.parametrize("amount_fen", [9_999_999_999_999_999_900, -(10**20)])
def test_a_new_draft_with_an_absurd_amount_is_refused_with_a_message(
    ctx: Context, people: dict[str, Session], amount_fen: int
) -> None:
    before = _count(ctx)
    with pytest.raises(RuleError) as caught:
        rating.new_application(ctx, people["li.inv"], good_app(amount_fen=amount_fen))
    assert "far more than any customer may borrow" in caught.value.message.render()
    assert _count(ctx) == before


def test_saving_a_draft_with_an_absurd_amount_is_refused_and_changes_nothing(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = rating.new_application(ctx, li, good_app())
    before = dump(ctx)
    with pytest.raises(RuleError, match="1,000,000"):
        rating.update_application(ctx, li, case_id, good_app(amount_fen=10**19), 1)
    assert dump(ctx) == before


def test_a_draft_above_the_cap_but_not_absurd_is_still_kept_errors_and_all(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = rating.new_application(ctx, li, good_app(amount_fen=120_000_000))  # CNY 1.2 m
    app, _ = rating.load_application(ctx, li, case_id)
    assert app.amount_fen == 120_000_000


# --- 5: a stale draft is told apart, and the words are true -----------------------------------


def test_saving_a_stale_draft_is_a_stale_refusal_that_claims_no_reload(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = rating.new_application(ctx, li, good_app())
    clock.advance(minutes=3)
    rating.update_application(ctx, wang, case_id, good_app(amount_fen=9_000_000), 1)
    before = dump(ctx)
    with pytest.raises(intake.StaleDraft) as caught:
        rating.update_application(ctx, li, case_id, good_app(amount_fen=7_000_000), 1)
    text = caught.value.message.render()
    assert "王主管" in text and "Nothing of yours was saved" in text
    assert "reloaded" not in text
    assert dump(ctx) == before


# --- 6: the import's columns ------------------------------------------------------------------


def _csv(tmp_path: Path, header: list[str], *rows: list[str], name: str = "apps.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(",".join(r) for r in (header, *rows)) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("template_header", "users_header"),
    [("年销售额(元)", "年销售额"), ("申请金额(元)", "申请金额（元）"), ("净利润率", "净利润率(%)")],
)
def test_a_header_without_its_unit_or_in_full_width_brackets_is_recognised(
    ctx: Context,
    people: dict[str, Session],
    tmp_path: Path,
    template_header: str,
    users_header: str,
) -> None:
    header, row = _template()
    header[header.index(template_header)] = users_header
    report = rating.import_applications(ctx, people["li.inv"], _csv(tmp_path, header, row))
    assert report.rejected == () and report.warnings == ()
    app, _ = rating.load_application(ctx, people["li.inv"], report.created[0])
    assert app.financials.annual_sales_fen == 100_000_000
    assert app.amount_fen == 10_000_000
    assert app.financials.net_profit_margin is not None


def test_a_column_that_names_nothing_is_a_warning_naming_it(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    header, row = _template()
    header[header.index("年销售额(元)")] = "年销售额(万元)"  # another unit: not the template's
    report = rating.import_applications(
        ctx, people["li.inv"], _csv(tmp_path, [*header, "备注"], [*row, "老客户"])
    )
    assert len(report.created) == 1
    assert report.warnings == (Message.of(UNKNOWN_COLUMNS, columns="“年销售额(万元)”, “备注”"),)


def test_rejected_rows_name_the_column_as_the_file_does(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    header, row = _template()
    header[header.index("申请金额(元)")] = "申请金额（元）"
    bad = list(row)
    bad[header.index("申请金额（元）")] = "-5000"
    bad[header.index("第一大客户销售占比")] = "180%"
    report = rating.import_applications(ctx, people["li.inv"], _csv(tmp_path, header, bad))
    assert {column for _, column, _ in report.rejected} == {
        "申请金额（元）",  # the file's own header, full-width brackets and all
        "第一大客户销售占比",  # the share out of range
        "第一大客户",  # the shares add up to more than all sales
    }


def test_missing_columns_are_named_in_the_templates_words(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    path = _csv(tmp_path, ["企业名称", "申请金额(元)"], ["杭州鑫源服饰商行", "100"])
    with pytest.raises(RuleError) as caught:
        rating.import_applications(ctx, people["li.inv"], path)
    text = caught.value.message.render()
    assert "客户类型" in text and "贷款产品" in text
    assert "kind" not in text and "product" not in text


def test_a_file_that_is_no_workbook_is_refused_by_name_in_a_translatable_message(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(200))  # a zip header, and nothing of a workbook
    before = dump(ctx)
    with pytest.raises(RuleError) as caught:
        rating.import_applications(ctx, people["li.inv"], path)
    assert caught.value.message == Message.of(NOT_A_TABLE, file="notes.xlsx")
    assert dump(ctx) == before


def test_csv_text_saved_under_an_xlsx_name_is_read_as_csv(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    header, row = _template()
    path = _csv(tmp_path, header, row, name="apps.xlsx")
    report = rating.import_applications(ctx, people["li.inv"], path)
    assert len(report.created) == 1 and report.rejected == ()
