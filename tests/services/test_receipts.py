"""Taking an upload off a case takes back the "received" it gave the paperwork (R23), unless
other evidence of that kind is still on the case or the paper was marked received by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.services.test_uploads import FIXTURES, investigating
from workstation.domain.interview import DocumentKind
from workstation.domain.people import Role
from workstation.importers.utility import UtilityBill, UtilityKind
from workstation.services import investigation, uploads
from workstation.services.context import Context, FixedClock, Session


def received(ctx: Context, who: Session, case_id: int) -> dict[DocumentKind, tuple[str, str]]:
    return {
        DocumentKind(r.kind): (r.received_at, r.received_note)
        for r in investigation.paperwork(ctx, who, case_id).documents
        if r.received_at
    }


def test_the_last_statement_of_its_kind_removed_asks_for_it_again(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    first = uploads.upload(ctx, li, case_id, FIXTURES / "icbc.csv").document
    clock.advance(minutes=5)
    second = uploads.upload(ctx, li, case_id, FIXTURES / "cmb.csv").document
    assert first is not None and second is not None
    assert received(ctx, li, case_id)[DocumentKind.BANK_STATEMENT] == (
        first.uploaded_at,
        "icbc.csv",
    )
    clock.advance(minutes=5)
    uploads.remove(ctx, li, case_id, first.sha256, "another shop's statement")
    # the mark now rests on the statement still on the case
    assert received(ctx, li, case_id)[DocumentKind.BANK_STATEMENT] == (
        second.uploaded_at,
        "cmb.csv",
    )
    uploads.remove(ctx, li, case_id, second.sha256, "wrong period")
    assert DocumentKind.BANK_STATEMENT not in received(ctx, li, case_id)
    blocking = " ".join(m.render() for m in investigation.paperwork(ctx, li, case_id).blocking)
    assert "missing" in blocking
    audit = ctx.store.conn.execute(
        "SELECT after FROM audit_events WHERE action = 'document:remove' ORDER BY id"
    ).fetchall()
    assert "bank_statement" not in audit[0][0] and "bank_statement" in audit[1][0]


def test_paper_marked_received_by_hand_stays_received(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    investigation.mark_received(ctx, li, case_id, DocumentKind.BANK_STATEMENT, "paper, stamped")
    clock.advance(minutes=5)
    doc = uploads.upload(ctx, li, case_id, FIXTURES / "icbc.csv").document
    assert doc is not None
    uploads.remove(ctx, li, case_id, doc.sha256, "duplicate of the paper")
    assert received(ctx, li, case_id)[DocumentKind.BANK_STATEMENT][1] == "paper, stamped"


def test_bills_removed_take_back_their_kind(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    wang = Session(people["wang.sup"].user_id, "wang.sup", "王主管", Role.SUPERVISOR)
    case_id = investigating(ctx, li)
    doc = uploads.upload(ctx, li, case_id, FIXTURES / "utility.csv").document
    assert doc is not None
    clock.advance(minutes=5)
    water = UtilityBill(
        UtilityKind.WATER, "W-77", date(2024, 4, 1), date(2024, 4, 30), Decimal("12.5"), 4_500
    )
    bill_id, _ = uploads.add_utility_bill(ctx, li, case_id, water)
    assert {DocumentKind.ELECTRICITY_BILL, DocumentKind.WATER_BILL} <= set(
        received(ctx, li, case_id)
    )
    clock.advance(minutes=5)
    uploads.remove_utility_bill(ctx, wang, case_id, bill_id, "typed on the wrong case")
    uploads.remove(ctx, li, case_id, doc.sha256, "another shop's bills")
    kinds = set(received(ctx, li, case_id))
    assert DocumentKind.WATER_BILL not in kinds and DocumentKind.ELECTRICITY_BILL not in kinds
