"""Maker–checker (R25): whoever did a case's investigation — the interview, the documents,
the uploads, the classes, the adjusted figures — may not approve it (found in review)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import T0
from tests.services.book import add_case, dump
from tests.services.test_loans import CREDIT, YUAN, _version, investigated
from tests.services.test_uploads import FIXTURES
from workstation.domain.approval import LoanTerms
from workstation.domain.interview import InterviewMode
from workstation.domain.messages import RuleError
from workstation.domain.schedule import Plan
from workstation.services import approval, investigation, uploads
from workstation.services.context import Context, Session

HISTORY = (("application", "rating", "submit"), ("rating", "investigation", "rate"))
TERMS = LoanTerms("credit", 100_000 * YUAN, CREDIT, 12, Plan.INTEREST_MONTHLY)


def _recommended(ctx: Context, people: dict[str, Session], work) -> int:  # noqa: ANN001
    inv, zhou = people["li.inv"], people["zhou.sup"]
    case_id = add_case(ctx, "investigation", officer_id=inv.user_id, history=HISTORY)
    investigated(ctx, inv, case_id)
    work(ctx, zhou, case_id)
    approval.set_authority(ctx, people["admin"], zhou.user_id, 1_000_000 * YUAN)
    approval.set_authority(ctx, people["admin"], people["wang.sup"].user_id, 1_000_000 * YUAN)
    approval.recommend(ctx, inv, case_id, _version(ctx, case_id), TERMS)
    return case_id


def _interview(ctx: Context, who: Session, case_id: int) -> None:
    investigation.record_interview(
        ctx, who, case_id, T0 - timedelta(minutes=30), InterviewMode.VIDEO,
        frozenset({"identity"}), "second call, by the supervisor",
    )  # fmt: skip


def _upload(ctx: Context, who: Session, case_id: int) -> None:
    uploads.upload(ctx, who, case_id, FIXTURES / "icbc.csv")


@pytest.mark.parametrize("work", [_interview, _upload], ids=["interview", "upload"])
def test_a_supervisor_who_did_investigation_work_may_not_approve_it(
    ctx: Context,
    people: dict[str, Session],
    work,  # noqa: ANN001
) -> None:
    case_id = _recommended(ctx, people, work)
    before = dump(ctx)
    with pytest.raises(RuleError, match="Maker"):
        approval.approve(ctx, people["zhou.sup"], case_id, _version(ctx, case_id))
    assert dump(ctx) == before
    assert approval.approve(ctx, people["wang.sup"], case_id, _version(ctx, case_id)).approved
