"""The investigation's paperwork (R23): interviews, documents, and the gate to approval."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from tests.conftest import T0
from tests.services.book import add_case, dump
from workstation.domain.approval import LoanTerms
from workstation.domain.interview import DocumentKind, InterviewMode
from workstation.domain.messages import RuleError
from workstation.domain.schedule import Plan
from workstation.services import approval, investigation
from workstation.services.context import Context, Session

TERMS = LoanTerms("credit", 5_000_000, Decimal("0.0006"), 12, Plan.INTEREST_MONTHLY)


def _case(ctx: Context, people: dict[str, Session], stage: str = "investigation") -> int:
    return add_case(
        ctx,
        stage,
        officer_id=people["li.inv"].user_id,
        history=(("application", "rating", "submit"), ("rating", "investigation", "rate")),
    )


def _recommend(ctx: Context, who: Session, case_id: int) -> None:
    version = ctx.store.conn.execute(
        "SELECT version FROM cases WHERE id = ?", (case_id,)
    ).fetchone()[0]
    approval.recommend(ctx, who, case_id, version, TERMS)


def test_a_case_leaves_investigation_only_interviewed_and_documented(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = _case(ctx, people)
    before = dump(ctx)
    with pytest.raises(RuleError, match="not been interviewed"):
        _recommend(ctx, li, case_id)
    assert dump(ctx) == before
    investigation.record_interview(
        ctx, li, case_id, T0 - timedelta(hours=2), InterviewMode.VIDEO,
        frozenset({"identity", "stock"}), "owner shown on video with the ID card",
    )  # fmt: skip
    with pytest.raises(RuleError, match="Documents still missing") as refused:
        _recommend(ctx, li, case_id)
    assert dict(refused.value.message.params)["kinds"] == (
        "bank_statement, payment_export, electricity_bill"
    )
    investigation.mark_received(ctx, li, case_id, DocumentKind.BANK_STATEMENT)
    investigation.mark_received(ctx, li, case_id, DocumentKind.PAYMENT_EXPORT)
    with pytest.raises(RuleError, match="supervisor"):
        investigation.waive_document(ctx, li, case_id, DocumentKind.ELECTRICITY_BILL, "rented")
    with pytest.raises(RuleError, match="reason"):
        investigation.waive_document(ctx, wang, case_id, DocumentKind.ELECTRICITY_BILL, " ")
    investigation.waive_document(
        ctx, wang, case_id, DocumentKind.ELECTRICITY_BILL, "power included in the rent"
    )
    work = investigation.paperwork(ctx, li, case_id)
    assert work.blocking == ()
    assert [d.kind for d in work.documents] == [
        "bank_statement",
        "payment_export",
        "electricity_bill",
    ]
    assert work.documents[2].waive_reason == "power included in the rent"
    _recommend(ctx, li, case_id)


def test_a_requested_document_also_blocks_until_received(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _case(ctx, people)
    investigation.record_interview(
        ctx, li, case_id, T0, InterviewMode.ON_SITE, frozenset({"identity"}), "visited"
    )
    for kind in (DocumentKind.BANK_STATEMENT, DocumentKind.PAYMENT_EXPORT,
                 DocumentKind.ELECTRICITY_BILL):  # fmt: skip
        investigation.mark_received(ctx, li, case_id, kind)
    investigation.request_documents(ctx, li, case_id, [DocumentKind.LEASE])
    assert "lease" in investigation.paperwork(ctx, li, case_id).blocking[0].render()
    investigation.mark_received(ctx, li, case_id, DocumentKind.LEASE, "copy of the lease")
    assert investigation.paperwork(ctx, li, case_id).blocking == ()


def test_bad_interviews_are_refused_and_change_nothing(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _case(ctx, people)
    other = _case(ctx, people, stage="approval")
    before = dump(ctx)
    for held, checked, notes, case, match in (
        (T0 + timedelta(days=1), {"identity"}, "x", case_id, "after it has taken place"),
        (T0, {"identity"}, "  ", case_id, "Write down"),
        (T0, {"identity", "horoscope"}, "x", case_id, "Unknown checklist"),
        (T0, {"identity"}, "x", other, "while a case is in investigation"),
    ):
        with pytest.raises(RuleError, match=match):
            investigation.record_interview(
                ctx, li, case, held, InterviewMode.VIDEO, frozenset(checked), notes
            )
    with pytest.raises(RuleError, match="investigator or a supervisor"):
        investigation.record_interview(
            ctx, people["zhang.inv"], case_id, T0, InterviewMode.VIDEO,
            frozenset({"identity"}), "not mine",
        )  # fmt: skip
    assert dump(ctx) == before
