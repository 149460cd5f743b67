"""The demo's bills (issue 4): cases in investigation carry exports and statements in the real
layouts, uploaded through the upload service, rebuilt, some flagged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workstation.domain.people import Role
from workstation.importers.detect import read_statement
from workstation.services import demo_bills, investigation, statements, uploads
from workstation.services.context import Context, Session


def _supervisor(ctx: Context) -> Session:
    row = ctx.store.conn.execute(
        "SELECT id, username, display_name FROM users WHERE username = 'wang.sup'"
    ).fetchone()
    return Session(row[0], row[1], row[2], Role.SUPERVISOR)


def _cases(ctx: Context) -> list[int]:
    return [
        r[0]
        for r in ctx.store.conn.execute(
            "SELECT DISTINCT case_id FROM case_documents ORDER BY case_id"
        )
    ]


def test_cases_in_investigation_carry_bills_in_the_real_layouts(demo_ctx: Context) -> None:
    wang = _supervisor(demo_ctx)
    cases = _cases(demo_ctx)
    assert len(cases) == demo_bills.CASES
    stages = {
        r[0]
        for r in demo_ctx.store.conn.execute(
            f"SELECT stage FROM cases WHERE id IN ({','.join('?' * len(cases))})", cases
        )
    }
    assert stages == {"investigation"}
    sources = set()
    for case_id in cases:
        docs = uploads.documents(demo_ctx, wang, case_id)
        sources |= {d.source for d in docs}
        assert docs[-1].source == "utility" and docs[-1].rows == 12
        for doc in docs[:-1]:  # each file reads back as it was uploaded
            raw = uploads.original(demo_ctx, wang, case_id, doc.sha256)
            assert len(read_statement(raw, doc.file_name).transactions) == doc.rows
            assert 100 < doc.rows < 400
        work = investigation.paperwork(demo_ctx, wang, case_id)
        assert not any("Documents still missing" in m.render() for m in work.blocking)
    assert sources == {"bank_icbc", "bank_cmb", "alipay", "wechat", "utility"}


def test_the_rebuilt_statements_are_kept_some_with_gaps_and_a_meter_flag(
    demo_ctx: Context,
) -> None:
    wang = _supervisor(demo_ctx)
    kinds = {}
    for case_id in _cases(demo_ctx):
        kept = statements.latest_rebuilt(demo_ctx, wang, case_id)
        assert kept is not None
        kinds[case_id] = {str(f.kind) for f in kept.flags}
        months = [date.fromisoformat(m[0]) for m in kept.months]
        assert months[-1] == date(2026, 10, 1)  # the last full month before the demo's now
        assert all(m[1] > 0 for m in kept.months)  # sales every month
    gaps = [c for c, k in kinds.items() if "sales_gap" in k]
    meters = [c for c, k in kinds.items() if "meter" in k]
    clean = [c for c, k in kinds.items() if not k]
    assert len(gaps) == 3 and len(meters) == 2 and len(clean) >= 4
    statement = statements.rebuild(demo_ctx, wang, meters[0])
    assert statement.meter.sales_ratio >= Decimal("1.5")  # type: ignore[operator]
    assert statement.meter.power_ratio <= Decimal("0.75")  # type: ignore[operator]


def test_one_gap_case_is_adjusted_and_scored_again_on_the_adjusted_figures(
    demo_ctx: Context,
) -> None:
    wang = _supervisor(demo_ctx)
    adjusted = [c for c in _cases(demo_ctx) if statements.adjustments(demo_ctx, wang, c)]
    assert len(adjusted) == 1
    case_id = adjusted[0]
    (adjustment,) = statements.adjustments(demo_ctx, wang, case_id)
    assert adjustment.reason == demo_bills.ADJUST_REASON
    kept = statements.latest_rebuilt(demo_ctx, wang, case_id)
    assert kept is not None and "sales_gap" in {str(f.kind) for f in kept.flags}
    rebuilt = adjustment.rebuilt.annual_sales_fen
    assert rebuilt is not None and adjustment.figures.annual_sales_fen is not None
    assert 0 <= rebuilt - adjustment.figures.annual_sales_fen < 100_000  # to the thousand yuan
    # scoring reads the adjusted figures (R24): the latest decision says so
    assert statements.adjusted_figures(demo_ctx, case_id) == adjustment.figures
    decisions = demo_ctx.store.conn.execute(
        "SELECT COUNT(*) FROM decisions WHERE case_id = ?", (case_id,)
    ).fetchone()[0]
    assert decisions == 2
