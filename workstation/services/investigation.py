"""The investigation's paperwork (R23): the owner's interview, the documents requested,
received and waived, and the gate a case passes to leave investigation.

The case's holder (or a supervisor) records interviews and documents; only a supervisor
waives a required document, with a reason. An upload of a statement or bill marks its kind
received (the upload service calls ``mark_received`` in its own transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workstation.domain.interview import (
    CHECKLIST,
    DocumentKind,
    DocumentStatus,
    Interview,
    InterviewMode,
    interview_problems,
    leave_investigation_problems,
    required_documents,
)
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role
from workstation.domain.stages import Stage
from workstation.services import pipeline
from workstation.services.context import Context, Session, require
from workstation.store import investigation as inv_store
from workstation.store import users as user_store
from workstation.store.investigation import DocumentRow, InterviewRow


def _refuse(template: str, **params: object) -> RuleError:
    return RuleError(Message.of(template, **params))


def require_worker(ctx: Context, session: Session, case_id: int) -> str:
    """The case's holder, or a supervisor, while it is in investigation; returns its kind."""
    require(session, Permission.VIEW_CASES)
    case = pipeline.load_case(ctx, case_id)
    if case.stage != Stage.INVESTIGATION.value:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "Interviews and documents are recorded while a case is in investigation.",
            )
        )
    holder_or_supervisor = session.role == Role.SUPERVISOR or case.officer_id in (
        None,
        session.user_id,
    )
    if session.role not in (Role.INVESTIGATOR, Role.SUPERVISOR) or not holder_or_supervisor:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "Only the case's investigator or a supervisor records its investigation.",
            )
        )
    return case.kind


def record_interview(
    ctx: Context,
    session: Session,
    case_id: int,
    held_at: datetime,
    mode: InterviewMode,
    checked: frozenset[str],
    notes: str,
) -> int:
    """Record an interview held with the owner (by the session's user)."""
    interview = Interview(
        held_at.isoformat(timespec="minutes"), session.user_id, mode, checked, notes.strip()
    )
    problems = interview_problems(interview)
    if problems:
        raise RuleError(problems[0])
    if held_at > ctx.clock.now():
        raise _refuse(
            QT_TRANSLATE_NOOP("messages", "An interview is recorded after it has taken place.")
        )
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        ordered = ",".join(k for k in CHECKLIST if k in checked)
        interview_id = inv_store.insert_interview(
            ctx.store, case_id, interview.held_at, session.user_id, mode.value, ordered,
            interview.notes, at, session.user_id,
        )  # fmt: skip
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="interview", after={"id": interview_id, "mode": mode.value, "checked": ordered},
        )  # fmt: skip
    return interview_id


def request_documents(
    ctx: Context, session: Session, case_id: int, kinds: list[DocumentKind]
) -> None:
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        for kind in kinds:
            inv_store.request_document(ctx.store, case_id, kind.value, at, session.user_id)


def mark_received(
    ctx: Context, session: Session, case_id: int, kind: DocumentKind, note: str = ""
) -> None:
    """A document seen (paper, or an upload of its kind)."""
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        inv_store.mark_received(ctx.store, case_id, kind.value, at, session.user_id, note.strip())


_BILL_EVIDENCE = {
    "bill:electricity": DocumentKind.ELECTRICITY_BILL,
    "bill:water": DocumentKind.WATER_BILL,
}


def withdraw_receipts(
    ctx: Context, case_id: int, kinds: set[DocumentKind], removed: tuple[str, int, str]
) -> tuple[DocumentKind, ...]:
    """After an upload or a typed bill left the case (inside the caller's transaction): each
    of ``kinds`` that it had marked received rests on the oldest evidence of that kind still on
    the case, or is no longer received when there is none, so the paperwork asks for it again.
    A kind marked received by hand (paper seen) stays received. ``removed`` is the mark the
    upload or bill made: (when, by whom, the file's name or "" for a typed bill). Returns the
    kinds taken back."""
    held: dict[DocumentKind, tuple[str, int, str]] = {}
    for kind, at, by, note in inv_store.evidence(ctx.store, case_id):
        held.setdefault(_BILL_EVIDENCE.get(kind) or DocumentKind(kind), (at, by, note))
    withdrawn = []
    for kind in sorted(kinds):
        if inv_store.receipt(ctx.store, case_id, kind.value) != removed:
            continue  # marked by hand, or by other evidence still on the case
        at, by, note = held.get(kind, (None, None, ""))
        inv_store.set_receipt(ctx.store, case_id, kind.value, at, by, note)
        if at is None:
            withdrawn.append(kind)
    return tuple(withdrawn)


def waive_document(
    ctx: Context, session: Session, case_id: int, kind: DocumentKind, reason: str
) -> None:
    """A supervisor lets the case go on without a document; the reason is kept."""
    if session.role != Role.SUPERVISOR:
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Only a supervisor may waive a document."))
    if not reason.strip():
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give a reason for waiving the document."))
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        inv_store.waive(ctx.store, case_id, kind.value, at, session.user_id, reason.strip())
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="waive_document", after={"kind": kind.value, "reason": reason.strip()},
        )  # fmt: skip


@dataclass(frozen=True)
class Paperwork:
    """What the investigation tab shows: interviews, the documents and what still blocks."""

    case_id: int
    interviews: tuple[InterviewRow, ...]
    documents: tuple[DocumentRow, ...]  # every kind required or requested, in order
    required: tuple[DocumentKind, ...]
    blocking: tuple[Message, ...]  # why the case cannot leave investigation yet


def _status(rows: list[DocumentRow], required: tuple[DocumentKind, ...]) -> list[DocumentStatus]:
    by_kind = {r.kind: r for r in rows}
    kinds = list(dict.fromkeys([*(k.value for k in required), *by_kind]))
    return [
        DocumentStatus(
            DocumentKind(kind),
            requested=by_kind.get(kind) is not None and by_kind[kind].requested_at is not None,
            received=by_kind.get(kind) is not None and by_kind[kind].received_at is not None,
            waived=by_kind.get(kind) is not None and by_kind[kind].waived_at is not None,
        )
        for kind in kinds
    ]


def paperwork(ctx: Context, session: Session, case_id: int) -> Paperwork:
    require(session, Permission.VIEW_CASES)
    case = pipeline.load_case(ctx, case_id)
    required = required_documents(case.kind)
    rows = inv_store.documents_of(ctx.store, case_id)
    by_kind = {r.kind: r for r in rows}
    ordered = [*(k.value for k in required), *(k for k in by_kind if k not in required)]
    documents = tuple(
        by_kind.get(kind)
        or DocumentRow(case_id, kind, None, None, None, None, "", None, None, None)
        for kind in ordered
    )
    return Paperwork(
        case_id,
        tuple(inv_store.interviews_of(ctx.store, case_id)),
        documents,
        required,
        leave_problems(ctx, case_id, case.kind),
    )


def leave_problems(ctx: Context, case_id: int, customer_kind: str) -> tuple[Message, ...]:
    """Why the case cannot leave investigation (R23); empty when it can."""
    interviews = [
        Interview(r.held_at, r.investigator_id, InterviewMode(r.mode),
                  frozenset(k for k in r.checked.split(",") if k), r.notes)
        for r in inv_store.interviews_of(ctx.store, case_id)
    ]  # fmt: skip
    rows = inv_store.documents_of(ctx.store, case_id)
    return leave_investigation_problems(
        customer_kind, interviews, _status(rows, required_documents(customer_kind))
    )
