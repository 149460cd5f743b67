"""Taking and rating an application: what the officer sees happen, checked by hand.

The figures of ``good_app`` sit exactly on points of the default platform scales
(resources/scorecards/default.json), so the total is easy to check:
sales 1,000,000 yuan -> 65, growth 0.20 -> 70, 5,000 orders -> 75, DSR 4.8 -> 80,
20 active days -> 90; 0.3*65 + 0.2*70 + 0.2*75 + 0.2*80 + 0.1*90 = 73.50 -> tier B.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from decimal import Decimal
from pathlib import Path

import pytest

from tests.services.book import dump, version_of
from workstation.domain.application import (
    Application,
    Business,
    CustomerKind,
    DownstreamCustomer,
    Financials,
    PlatformData,
    Product,
)
from workstation.domain.decision import Outcome
from workstation.domain.limits import LegalReview
from workstation.domain.messages import RuleError
from workstation.services import pipeline, rating, rescore
from workstation.services.context import Context, FixedClock, Session

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
CREDIT_CODE = "91350100M000100Y43"


def good_app(**changes: object) -> Application:
    app = Application(
        business=Business(
            CustomerKind.PLATFORM,
            "杭州鑫源服饰商行",
            CREDIT_CODE,
            "王伟",
            ID_NUMBER,
            PHONE,
            industry="服装服饰",
            region="杭州",
            platform_account="tb_12345678",
        ),
        product=Product.CREDIT,
        amount_fen=10_000_000,
        financials=Financials(
            annual_sales_fen=100_000_000,  # 1,000,000 yuan
            operating_cost_fen=80_000_000,
            net_profit_margin=Decimal("0.08"),
            inventory_fen=10_000_000,
            total_assets_fen=40_000_000,
            total_liabilities_fen=15_000_000,
            accounts_receivable_fen=5_000_000,
            sales_growth=Decimal("0.20"),
            platform_share_of_sales=Decimal("0.7"),
            top_customers=(
                DownstreamCustomer("义乌优品", 4, Decimal("0.18")),
                DownstreamCustomer("宁波万家", 2, Decimal("0.10")),
            ),
        ),
        platform=PlatformData(
            order_count=5000,
            seller_dsr=Decimal("4.8"),
            active_days_per_month=Decimal("20"),
        ),
    )
    return replace(app, **changes)  # type: ignore[arg-type]


def poor_financials() -> dict[str, object]:
    """Every indicator at its scale's lowest point: total 0, tier E, complete."""
    return {
        "financials": replace(
            good_app().financials, annual_sales_fen=1_000_000, sales_growth=Decimal("-0.30")
        ),
        "platform": PlatformData(
            order_count=0, seller_dsr=Decimal("4.0"), active_days_per_month=Decimal("2")
        ),
        "amount_fen": 500_000,
    }


def _ready(ctx: Context, who: Session, app: Application | None = None) -> int:
    """A new application with consent recorded; returns the case id (version 2)."""
    case_id = rating.new_application(ctx, who, app or good_app())
    rating.record_consent(ctx, who, case_id, "signed form", 1)
    return case_id


def _case(ctx: Context, case_id: int) -> tuple:
    return ctx.store.conn.execute(
        "SELECT stage, tier, risk, officer_id, version FROM cases WHERE id = ?", (case_id,)
    ).fetchone()


def _moves(ctx: Context, case_id: int) -> list[tuple]:
    return ctx.store.conn.execute(
        "SELECT m.from_stage, m.to_stage, m.action, u.username, m.reason FROM stage_moves m "
        "JOIN users u ON u.id = m.actor_id WHERE case_id = ? ORDER BY m.id",
        (case_id,),
    ).fetchall()


def test_submit_rates_moves_and_stores_the_decision(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _ready(ctx, li)
    stored = rating.submit_application(ctx, li, case_id, 2)
    d = stored.decision
    assert d.score is not None and d.limit is not None
    assert (d.score.total, d.score.tier, d.outcome) == (Decimal("73.50"), "B", Outcome.INVESTIGATE)
    assert [(i.key, round(i.sub_score, 2)) for i in d.score.items] == [  # type: ignore[call-overload]
        ("annual_sales", Decimal(65)),
        ("sales_growth", Decimal(70)),
        ("order_count", Decimal(75)),
        ("seller_rating", Decimal(80)),
        ("transaction_activity", Decimal(90)),
    ]
    # 83,333.33 yuan a month x 2.0 (tier B) x 0.9 (industry not listed: stable)
    # x 0.95 (economy neutral, the seeded stance) = 142,499.99, down to CNY 142,000.
    assert d.limit.combined_limit_fen == 14_200_000
    assert (stored.scorecard.kind, stored.scorecard.version, stored.macro_version) == (
        "platform",
        1,
        1,
    )
    assert _case(ctx, case_id) == ("investigation", "B", "green", li.user_id, 5)
    assert _moves(ctx, case_id) == [
        (None, "application", "receive", "li.inv", ""),
        ("application", "rating", "submit", "li.inv", ""),
        ("rating", "investigation", "rate", "system", ""),
    ]
    row = ctx.store.conn.execute(
        "SELECT total, tier, outcome, combined_limit_fen, scorecard_version FROM decisions"
    ).fetchone()
    assert row == ("73.50", "B", "investigate", d.limit.combined_limit_fen, 1)
    # what submitting returns is the stored decision, plus where the case went
    assert (stored.stage, stored.terms) == ("investigation", None)
    as_stored = rating.StoredDecision(
        **{f.name: getattr(stored, f.name) for f in fields(rating.StoredDecision)}
    )
    assert rating.latest_decision(ctx, li, case_id) == as_stored
    assert rating.decision_history(ctx, li, case_id) == [as_stored]
    actions = [
        r[0]
        for r in ctx.store.conn.execute(
            "SELECT action FROM audit_events WHERE entity_id = ? AND entity = 'case' ORDER BY id",
            (case_id,),
        )
    ]
    assert actions == [
        "application:new",
        "application:consent",
        "move:submit",
        "move:rate",
        "rating:decision",
    ]


def test_tier_e_is_declined_at_screening_with_the_reasons(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _ready(ctx, li, good_app(**poor_financials()))
    stored = rating.submit_application(ctx, li, case_id, 2)
    assert stored.decision.outcome == Outcome.DECLINE
    assert stored.decision.score is not None and stored.decision.score.tier == "E"
    assert _case(ctx, case_id)[:3] == ("declined", "E", "red")
    last = _moves(ctx, case_id)[-1]
    assert last[:4] == ("rating", "declined", "decline", "system")
    assert "Tier E is declined at screening" in last[4]


def test_a_blacklisted_owner_is_declined_at_intake(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    rating.add_to_blacklist(ctx, wang, "owner_id_number", ID_NUMBER.lower(), "恶意拖欠")
    case_id = _ready(ctx, li)
    stored = rating.submit_application(ctx, li, case_id, 2)
    d = stored.decision
    assert (d.outcome, d.score, d.limit) == (Outcome.DECLINE, None, None)
    assert [h.reason for h in d.blacklist_hits] == ["恶意拖欠"]
    assert _case(ctx, case_id)[:3] == ("declined", None, "red")
    assert "blacklist" in _moves(ctx, case_id)[-1][4] and "恶意拖欠" in _moves(ctx, case_id)[-1][4]


def test_a_lifted_entry_no_longer_declines(ctx: Context, people: dict[str, Session]) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    entry = rating.add_to_blacklist(ctx, wang, "credit_code", CREDIT_CODE, "虚构交易")
    rating.lift_blacklist_entry(ctx, wang, entry, "法院判决撤销")
    case_id = _ready(ctx, li)
    assert rating.submit_application(ctx, li, case_id, 2).decision.outcome == Outcome.INVESTIGATE
    (row,) = rating.blacklist_entries(ctx, wang, include_lifted=True)
    assert (row.lifted_by, row.lift_reason, row.added_by) == ("王主管", "法院判决撤销", "王主管")
    assert rating.blacklist_entries(ctx, wang) == []


def test_a_legal_flag_goes_to_investigation_for_manual_review(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _ready(ctx, li, good_app(legal=LegalReview(litigation=True)))
    stored = rating.submit_application(ctx, li, case_id, 2)
    assert stored.decision.outcome == Outcome.MANUAL_REVIEW
    assert stored.decision.legal_flags == ("litigation",)
    # tier B would be green; manual review makes it amber at least
    assert _case(ctx, case_id)[:3] == ("investigation", "B", "amber")


def test_submission_without_consent_is_refused_and_changes_nothing(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = rating.new_application(ctx, li, good_app())
    before = dump(ctx)
    with pytest.raises(RuleError, match="consent"):
        rating.submit_application(ctx, li, case_id, 1)
    assert dump(ctx) == before
    assert not ctx.store.conn.in_transaction


def test_an_application_with_errors_is_refused_with_the_fields_and_changes_nothing(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    bad = good_app(amount_fen=0, term_months=18)
    case_id = _ready(ctx, li, bad)
    before = dump(ctx)
    with pytest.raises(rating.ApplicationProblems) as refused:
        rating.submit_application(ctx, li, case_id, 2)
    assert "amount_fen" in str(refused.value) and "term_months" in str(refused.value)
    assert {p.field for p in refused.value.problems} == {"amount_fen", "term_months"}
    assert dump(ctx) == before


def test_a_stale_submission_names_who_changed_the_case(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = _ready(ctx, li)
    clock.advance(minutes=5)
    rating.update_application(ctx, wang, case_id, good_app(amount_fen=9_000_000), 2)
    before = dump(ctx)
    with pytest.raises(RuleError, match="changed by 王主管 at 2026-11-26 10:05:00"):
        rating.submit_application(ctx, li, case_id, 2)
    assert dump(ctx) == before


def test_masked_values_do_not_overwrite_the_stored_ones(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = rating.new_application(ctx, li, good_app())
    shown, version = rating.load_application(ctx, li, case_id)
    assert shown.business.owner_id_number == "1101**********002X"
    assert shown.business.owner_phone == "138****5678"
    edited = replace(shown, business=replace(shown.business, owner_name="王小伟"))
    rating.update_application(ctx, li, case_id, edited, version)
    stored = json.loads(ctx.store.conn.execute("SELECT data FROM applications").fetchone()[0])[
        "business"
    ]
    assert (stored["owner_id_number"], stored["owner_phone"], stored["owner_name"]) == (
        ID_NUMBER,
        PHONE,
        "王小伟",
    )
    customer = ctx.store.conn.execute(
        "SELECT owner_id_number, owner_name FROM customers"
    ).fetchone()
    assert customer == (ID_NUMBER, "王小伟")
    assert pipeline.reveal_personal_data(ctx, wang, case_id, "owner_phone") == PHONE
    audit = ctx.store.conn.execute(
        "SELECT before, after FROM audit_events WHERE action = 'application:update'"
    ).fetchone()
    assert json.loads(audit[1])["business.owner_name"] == "王小伟"
    assert ID_NUMBER not in audit[0] + audit[1]


def test_the_application_is_fixed_once_submitted(ctx: Context, people: dict[str, Session]) -> None:
    li = people["li.inv"]
    case_id = _ready(ctx, li)
    rating.submit_application(ctx, li, case_id, 2)
    version = version_of(ctx, case_id)
    with pytest.raises(RuleError, match="only change while"):
        rating.update_application(ctx, li, case_id, good_app(), version)


def test_macro_versions_are_kept_with_who_and_when(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    first = rating.macro_settings(ctx)
    assert (first.version, first.economy) == (1, "neutral")
    clock.advance(hours=1)
    new = rating.update_macro_settings(ctx, wang, (("服装服饰", "shrinking"),), "downturn")
    assert (new.version, new.industry_outlook, new.economy) == (
        2,
        (("服装服饰", "shrinking"),),
        "downturn",
    )
    history = rating.macro_history(ctx)
    assert [(h.version, h.by_name, h.at) for h in history] == [
        (1, None, "2026-11-26T10:00:00"),
        (2, "王主管", "2026-11-26T11:00:00"),
    ]
    assert history[0].settings == first
    with pytest.raises(RuleError, match="supervisor"):
        rating.update_macro_settings(ctx, li, (), "expansion")
    with pytest.raises(RuleError, match="not an economic stance"):
        rating.update_macro_settings(ctx, wang, (), "boom")
    assert len(rating.macro_history(ctx)) == 2


def test_only_supervisors_change_the_blacklist_and_a_reason_is_required(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    before = dump(ctx)
    with pytest.raises(RuleError, match="supervisor"):
        rating.add_to_blacklist(ctx, li, "credit_code", CREDIT_CODE, "骗贷")
    with pytest.raises(RuleError, match="reason"):
        rating.add_to_blacklist(ctx, wang, "credit_code", CREDIT_CODE, "  ")
    assert dump(ctx) == before
    entry = rating.add_to_blacklist(ctx, wang, "credit_code", CREDIT_CODE, "骗贷")
    with pytest.raises(RuleError, match="supervisor"):
        rating.lift_blacklist_entry(ctx, li, entry, "误判")
    with pytest.raises(RuleError, match="reason"):
        rating.lift_blacklist_entry(ctx, wang, entry, "")
    assert [e.id for e in rating.blacklist_entries(ctx, li)] == [entry]


def test_rescore_lists_the_cases_whose_tier_or_outcome_changed(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    steady = _ready(ctx, li, good_app(business=replace(good_app().business, industry="餐饮")))
    listed = _ready(ctx, li)
    draft = rating.new_application(ctx, li, good_app())  # not submitted: not re-scored
    for case_id in (steady, listed):
        rating.submit_application(ctx, li, case_id, 2)
    rating.add_to_blacklist(ctx, wang, "owner_id_number", ID_NUMBER, "失联")
    with pytest.raises(RuleError, match="supervisor"):
        rating.rescore_open_cases(ctx, li)
    seen: list[tuple[int, int]] = []
    summary = rating.rescore_open_cases(ctx, wang, progress=lambda d, t: seen.append((d, t)))
    # both share the blacklisted owner's ID number
    assert summary == rating.RescoreSummary(
        2,
        ((steady, "B/investigate", "-/decline"), (listed, "B/investigate", "-/decline")),
        False,
    )
    assert seen == [(2, 2)]
    assert len(rating.decision_history(ctx, wang, listed)) == 2
    assert rating.latest_decision(ctx, wang, draft) is None
    assert _case(ctx, listed)[0] == "investigation"  # no stage move


def test_a_cancelled_rescore_keeps_what_was_committed(
    ctx: Context, people: dict[str, Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    ids = [_ready(ctx, li) for _ in range(3)]
    for case_id in ids:
        rating.submit_application(ctx, li, case_id, 2)
    monkeypatch.setattr(rescore, "RESCORE_CHUNK", 2)  # where the loop reads it
    calls = iter([False, True])
    summary = rating.rescore_open_cases(ctx, wang, cancelled=lambda: next(calls))
    assert (summary.scored, summary.cancelled) == (2, True)
    counts = [len(rating.decision_history(ctx, wang, c)) for c in ids]
    assert counts == [2, 2, 1]


def test_rescore_case_uses_the_new_macro_settings(ctx: Context, people: dict[str, Session]) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    case_id = _ready(ctx, li)
    first = rating.submit_application(ctx, li, case_id, 2)
    rating.update_macro_settings(ctx, wang, (("服装服饰", "shrinking"),), "neutral")
    again = rating.rescore_case(ctx, wang, case_id)
    assert again.macro_version == 2 and again.by_name == "王主管"
    assert first.decision.limit is not None and again.decision.limit is not None
    assert again.decision.limit.combined_limit_fen < first.decision.limit.combined_limit_fen
    assert _case(ctx, case_id) == ("investigation", "B", "green", li.user_id, 6)


def test_rescore_case_takes_the_new_tier_and_risk_with_the_version_check(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    case_id = _ready(ctx, li)
    rating.submit_application(ctx, li, case_id, 2)
    rating.add_to_blacklist(ctx, wang, "credit_code", CREDIT_CODE, "骗贷")
    before = dump(ctx)
    with pytest.raises(RuleError, match="changed by"):
        rating.rescore_case(ctx, wang, case_id, 4)
    assert dump(ctx) == before
    again = rating.rescore_case(ctx, wang, case_id, 5)
    assert again.decision.outcome == Outcome.DECLINE
    assert _case(ctx, case_id) == ("investigation", None, "red", li.user_id, 6)
    audit = ctx.store.conn.execute(
        "SELECT before, after FROM audit_events WHERE action = 'rating:rescore'"
    ).fetchone()
    assert json.loads(audit[0]) == {"tier": "B", "risk": "green", "version": 5}
    assert (json.loads(audit[1])["risk"], json.loads(audit[1])["version"]) == ("red", 6)


def test_rescore_case_refuses_a_draft_an_unconsented_case_and_a_disbursed_loan(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    draft = _ready(ctx, li)
    disbursed = _ready(ctx, li)
    rating.submit_application(ctx, li, disbursed, 2)
    ctx.store.conn.execute("UPDATE cases SET stage = 'monitoring' WHERE id = ?", (disbursed,))
    unconsented = rating.new_application(ctx, li, good_app())
    ctx.store.conn.execute("UPDATE cases SET stage = 'rating' WHERE id = ?", (unconsented,))
    before = dump(ctx)
    with pytest.raises(RuleError, match="still in “application”"):
        rating.rescore_case(ctx, wang, draft)
    with pytest.raises(RuleError, match="only cases in rating, investigation or approval"):
        rating.rescore_case(ctx, wang, disbursed)
    with pytest.raises(RuleError, match="no recorded consent"):
        rating.rescore_case(ctx, wang, unconsented)
    assert dump(ctx) == before


def test_the_batch_rescore_skips_loans_past_approval_and_leaves_cases_alone(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    ids = [_ready(ctx, li) for _ in range(4)]
    for case_id in ids:
        rating.submit_application(ctx, li, case_id, 2)
    for case_id, stage in zip(ids, ("approval", "disbursement", "monitoring"), strict=False):
        ctx.store.conn.execute("UPDATE cases SET stage = ? WHERE id = ?", (stage, case_id))
    cases_before = ctx.store.conn.execute("SELECT * FROM cases ORDER BY id").fetchall()
    summary = rating.rescore_open_cases(ctx, wang)
    assert summary.scored == 2  # approval and investigation
    counts = [len(rating.decision_history(ctx, wang, c)) for c in ids]
    assert counts == [2, 1, 1, 2]
    assert ctx.store.conn.execute("SELECT * FROM cases ORDER BY id").fetchall() == cases_before


TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "templates" / "applications.csv"


def test_the_shipped_template_imports_as_one_draft(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    report = rating.import_applications(ctx, li, TEMPLATE)
    assert report.rejected == () and len(report.created) == 1
    app, version = rating.load_application(ctx, li, report.created[0])
    assert (app.business.business_name, app.amount_fen, version) == (
        "杭州鑫源服饰商行",
        10_000_000,
        1,
    )
    assert app.financials.net_profit_margin == Decimal("0.08")
    assert _case(ctx, report.created[0])[0] == "application"


def test_import_reports_row_and_field_and_saves_only_good_rows(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    li = people["li.inv"]
    lines = TEMPLATE.read_text(encoding="utf-8-sig").splitlines()
    good = lines[1]
    bad_code = good.replace(CREDIT_CODE, "91350100M000100Y44")  # wrong check character
    bad_number = good.replace(",1000000,", ",一百万,")
    path = tmp_path / "申请.csv"
    path.write_bytes("\n".join([lines[0], good, bad_code, "", bad_number]).encode("gbk"))
    report = rating.import_applications(ctx, li, path)
    assert len(report.created) == 1
    assert [(row, column) for row, column, _ in report.rejected] == [  # as the file names them
        (3, "统一社会信用代码"),
        (5, "年销售额(元)"),
    ]
    assert "一百万" in report.rejected[1][2].render()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 1


def test_import_reads_xlsx_with_english_headers(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    import openpyxl

    from workstation.importers.applications import COLUMNS

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([c.key for c in COLUMNS[:13]])
    sheet.append(
        [
            "off_platform",
            "宁波恒达五金经营部",
            CREDIT_CODE,
            "李强",
            ID_NUMBER,
            PHONE,
            "五金建材",
            "宁波",
            None,
            "宁波银行",
            "credit",
            50000.5,
            6,
        ]
    )
    path = tmp_path / "apps.xlsx"
    book.save(path)
    report = rating.import_applications(ctx, people["li.inv"], path)
    assert report.rejected == ()
    app, _ = rating.load_application(ctx, people["li.inv"], report.created[0])
    assert (app.business.kind, app.amount_fen, app.term_months) == (
        CustomerKind.OFF_PLATFORM,
        5_000_050,
        6,
    )


def test_a_file_that_is_not_a_table_is_refused_by_name(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    path = tmp_path / "bills.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    before = dump(ctx)
    with pytest.raises(RuleError, match="bills.xlsx"):
        rating.import_applications(ctx, people["li.inv"], path)
    assert dump(ctx) == before


def test_the_demo_book_is_rated_consistently(demo_ctx: Context) -> None:
    conn = demo_ctx.store.conn
    latest = (
        "SELECT COUNT(*) FROM cases c JOIN decisions d ON d.case_id = c.id "
        "WHERE d.id = (SELECT MAX(id) FROM decisions WHERE case_id = c.id)"
    )
    assert conn.execute(latest + " AND c.tier IS NOT d.tier").fetchone()[0] == 0  # the latest
    # a case scored again on adjusted figures (R24) keeps its first decision beside the new one
    rescored = conn.execute(
        "SELECT case_id FROM decisions GROUP BY case_id HAVING COUNT(*) > 1"
    ).fetchall()
    assert len(rescored) == 1
    # every case past rating was rated; every E was declined at rating
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM cases c WHERE c.tier IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM decisions d WHERE d.case_id = c.id)"
        ).fetchone()[0]
        == 0
    )
    assert {r[0] for r in conn.execute("SELECT stage FROM cases WHERE tier = 'E'")} == {"declined"}
    hits = conn.execute(
        "SELECT COUNT(*) FROM cases c JOIN decisions d ON d.case_id = c.id "
        "WHERE c.stage = 'declined' AND d.tier IS NULL"
    ).fetchone()[0]
    assert 1 <= hits <= 3
    history = rating.macro_history(demo_ctx)
    assert [h.version for h in history] == [1, 2]
    assert ("餐饮", "shrinking") in history[1].settings.industry_outlook
    assert history[1].by_name == "王主管"


def test_blacklist_hits_are_stored_and_shown_masked(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, li = people["wang.sup"], people["li.inv"]
    rating.add_to_blacklist(ctx, wang, "owner_id_number", ID_NUMBER, "恶意拖欠")
    rating.add_to_blacklist(ctx, wang, "platform_account", "tb_12345678", "刷单")
    case_id = _ready(ctx, li)
    rating.submit_application(ctx, li, case_id, 2)
    latest = rating.latest_decision(ctx, li, case_id)
    assert latest is not None
    assert {(h.kind, h.value) for h in latest.decision.blacklist_hits} == {
        ("owner_id_number", "1101**********002X"),
        ("platform_account", "TB_1***5678"),
    }
    shown = repr(latest) + repr(rating.decision_history(ctx, li, case_id))
    assert ID_NUMBER not in shown and "TB_12345678" not in shown.upper()
    (details,) = ctx.store.conn.execute("SELECT details FROM decisions").fetchone()
    assert ID_NUMBER not in details and "TB_12345678" not in details.upper()
    assert "恶意拖欠" in repr(latest.decision.reasons)
    # the list itself is masked for every role: showing it is no audited reveal (R37)
    for who in (li, wang):
        assert [e.value for e in rating.blacklist_entries(ctx, who)] == [
            "1101**********002X",
            "TB_1***5678",
        ]


def _consent(ctx: Context, case_id: int) -> tuple:
    return ctx.store.conn.execute(
        "SELECT consent_given, consent_at, consent_by, consent_method FROM applications "
        "WHERE case_id = ?",
        (case_id,),
    ).fetchone()


@pytest.mark.parametrize(
    "owner", [{"owner_id_number": "330106198001011234"}, {"owner_name": "李娜"}]
)
def test_a_new_owner_needs_their_own_consent(
    ctx: Context, people: dict[str, Session], owner: dict[str, str]
) -> None:
    li = people["li.inv"]
    case_id = _ready(ctx, li)
    shown, version = rating.load_application(ctx, li, case_id)
    rating.update_application(ctx, li, case_id, replace(shown, amount_fen=9_000_000), version)
    assert _consent(ctx, case_id)[0] == 1  # same owner: the consent stands
    edited = replace(shown, business=replace(shown.business, **owner))
    rating.update_application(ctx, li, case_id, edited, version + 1)
    assert _consent(ctx, case_id) == (0, None, None, "")
    audit = ctx.store.conn.execute(
        "SELECT after FROM audit_events WHERE action = 'application:update' ORDER BY id DESC"
    ).fetchone()
    assert json.loads(audit[0])["consent_given"] is False
    with pytest.raises(RuleError, match="consent"):
        rating.submit_application(ctx, li, case_id, version + 2)


def test_an_investigator_may_not_work_on_another_investigators_draft(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, zhang, wang = people["li.inv"], people["zhang.inv"], people["wang.sup"]
    case_id = rating.new_application(ctx, li, good_app())
    before = dump(ctx)
    with pytest.raises(RuleError, match="another officer's work list"):
        rating.update_application(ctx, zhang, case_id, good_app(amount_fen=9_000_000), 1)
    with pytest.raises(RuleError, match="another officer's work list"):
        rating.record_consent(ctx, zhang, case_id, "signed form", 1)
    assert dump(ctx) == before
    assert not ctx.store.conn.in_transaction
    rating.update_application(ctx, wang, case_id, good_app(amount_fen=9_000_000), 1)  # supervisor
    rating.record_consent(ctx, li, case_id, "signed form", 2)  # the holder


def test_macro_settings_saved_meanwhile_are_not_overwritten(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    wang = people["wang.sup"]
    other = next(s for n, s in people.items() if s.role == wang.role and n != "wang.sup")
    edited = rating.macro_settings(ctx).version
    clock.advance(minutes=3)
    rating.update_macro_settings(ctx, other, (), "downturn", expected_version=edited)
    before = dump(ctx)
    with pytest.raises(RuleError, match=f"changed by {other.display_name} at 2026-11-26 10:03:00"):
        rating.update_macro_settings(ctx, wang, (), "expansion", expected_version=edited)
    assert dump(ctx) == before
    new = rating.update_macro_settings(ctx, wang, (), "expansion", expected_version=edited + 1)
    assert (new.version, new.economy) == (3, "expansion")


def test_the_score_preview_refuses_a_draft_and_a_case_without_consent(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    draft = _ready(ctx, li)
    unconsented = rating.new_application(ctx, li, good_app())
    ctx.store.conn.execute("UPDATE cases SET stage = 'rating' WHERE id = ?", (unconsented,))
    before = dump(ctx)
    with pytest.raises(RuleError, match="still in “application”"):
        rating.decision_or_preview(ctx, draft)
    with pytest.raises(RuleError, match="no recorded consent"):
        rating.decision_or_preview(ctx, unconsented)
    assert dump(ctx) == before
    rating.submit_application(ctx, li, draft, 2)
    assert rating.decision_or_preview(ctx, draft).id > 0


def test_a_case_from_before_applications_were_kept_can_be_opened_and_completed(
    ctx: Context, people: dict[str, Session]
) -> None:
    from tests.services.book import add_case

    li, wang = people["li.inv"], people["wang.sup"]
    case_id = add_case(ctx, "application", officer_id=li.user_id)  # no applications row
    old = add_case(ctx, "investigation")
    app, version = rating.load_application(ctx, li, case_id)
    assert (app.business.business_name, app.product.value, app.amount_fen, version) == (
        "杭州鑫源服饰商行",
        "credit",
        8_000_000,
        1,
    )
    assert app.business.owner_id_number == "1101**********002X"
    assert app.financials.annual_sales_fen is None and not app.consent.given
    before = dump(ctx)
    with pytest.raises(RuleError, match="no recorded consent"):
        rating.decision_or_preview(ctx, old)
    with pytest.raises(RuleError, match="no recorded consent"):
        rating.rescore_case(ctx, wang, old)
    with pytest.raises(RuleError, match="consent"):
        rating.submit_application(ctx, li, case_id, 1)
    assert dump(ctx) == before
    assert rating.record_consent(ctx, li, case_id, "signed form", 1) == 2
    full = good_app(business=replace(good_app().business, owner_id_number="1101**********002X"))
    rating.update_application(ctx, li, case_id, full, 2)
    stored = rating.submit_application(ctx, li, case_id, 3)
    assert stored.decision.outcome == Outcome.INVESTIGATE


def test_saving_and_consenting_return_the_new_version(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = rating.new_application(ctx, li, good_app())
    assert rating.update_application(ctx, li, case_id, good_app(amount_fen=9_000_000), 1) == 2
    assert (
        rating.record_consent(ctx, li, case_id, "signed form", 2) == 3 == version_of(ctx, case_id)
    )
