"""The application (R12-R17, R37): a new draft, edits, the owner's consent, submission with
its rating, and drafts imported from a file."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from workstation.domain import decision as decision_rules
from workstation.domain.application import (
    Application,
    Business,
    Problem,
    Severity,
)
from workstation.domain.approval import LoanTerms
from workstation.domain.decision import Outcome
from workstation.domain.limits import PLATFORM_CAP_FEN
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role, mask_sensitive
from workstation.domain.stages import Action, Stage
from workstation.services import approval, pipeline
from workstation.services.context import Context, Session, require
from workstation.services.rating_common import (
    ApplicationProblems,
    ImportReport,
    StoredDecision,
    _application_of,
    _data_text,
    _refuse,
)
from workstation.services.rating_settings import (
    _blacklist_for,
    _ensure_settings,
    current_scorecards,
    macro_settings,
)
from workstation.services.rescore import (
    _decide,
    _decision_audit,
    _decision_row,
    _stored_decision,
    risk_of,
    scored_application,
)
from workstation.store import cases as case_store
from workstation.store import codec
from workstation.store import rating as rating_store
from workstation.store import users as user_store

_INTAKE_ROLES = (Role.INVESTIGATOR, Role.SUPERVISOR)

# The most a draft may ask for: ten times the largest cap of R5 (CNY 10,000,000). Above the
# cap an application is a validation error the form shows and a draft may keep; an amount
# beyond this is a typo (99999999999999999 does not even fit the store's integers).
MAX_AMOUNT_FEN = 10 * PLATFORM_CAP_FEN


class StaleDraft(RuleError):
    """The draft changed after the form read it (someone else saved it): nothing was saved.
    The form may offer to read the case again."""


@dataclass(frozen=True)
class ImportResult(ImportReport):
    """An import's report, with what the user should know of the file as a whole (columns
    not recognised, so left out)."""

    warnings: tuple[Message, ...] = ()


@dataclass(frozen=True)
class Submitted(StoredDecision):
    """What a submission did: the decision stored, the stage the case went to, and the terms
    when the system approved it itself (R39)."""

    stage: str = Stage.INVESTIGATION.value
    terms: LoanTerms | None = None


def _check_fresh(case: case_store.CaseRecord, expected_version: int) -> None:
    """The version check of the intake: a refusal the form can tell apart (``StaleDraft``)
    and whose words are true for a form (nothing here reloads anything)."""
    if case.version != expected_version:
        raise StaleDraft(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Case {case} was changed by {who} at {when} after this form read it. "
                    "Nothing of yours was saved.",
                ),
                case=case.id,
                who=case.updated_by_name or "?",
                when=(case.updated_at or "?").replace("T", " "),
            )
        )


def _check_amount(app: Application) -> None:
    """An amount the store cannot hold, or no one could mean, is refused before it is kept."""
    if abs(app.amount_fen) > MAX_AMOUNT_FEN:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "The amount asked for, CNY {amount}, is far more than any customer may "
                "borrow (at most CNY {cap}); correct it before saving.",
            ),
            amount=f"{app.amount_fen // 100:,}",
            cap=f"{PLATFORM_CAP_FEN // 100:,}",
        )


def _require_intake(session: Session) -> None:
    if session.role not in _INTAKE_ROLES:
        raise _refuse(
            QT_TRANSLATE_NOOP("messages", "The role “{role}” may not take applications."),
            role=session.role.value,
        )


def _require_holder(session: Session, case: case_store.CaseRecord) -> None:
    """The holder rule of ``stages.check_move``: a case in another officer's work list is
    theirs; only a supervisor (or the system) acts on it."""
    if (
        session.role not in (Role.SUPERVISOR, Role.SYSTEM)
        and case.officer_id is not None
        and case.officer_id != session.user_id
    ):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "This case is in another officer's work list; ask a supervisor to reassign it.",
            )
        )


def _in_application(case: case_store.CaseRecord) -> None:
    if case.stage != Stage.APPLICATION.value:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "Case {case} is in “{stage}”; its application can only change while the "
                "case is in “application”.",
            ),
            case=case.id,
            stage=case.stage,
        )


def _save_application(
    ctx: Context, case_id: int, app: Application, row: rating_store.ApplicationRow | None, at: str
) -> None:
    """Store the draft; a case from before migration 2 gets its application row now."""
    if row is None:
        rating_store.insert_application(ctx.store, case_id, _data_text(app), at)
    else:
        rating_store.update_application(ctx.store, case_id, _data_text(app), at)


def new_application(ctx: Context, session: Session, app: Application) -> int:
    """A new customer and case in 'application' with the draft stored as given; the case id."""
    _require_intake(session)
    _check_amount(app)
    at = ctx.stamp()
    with ctx.store.write():
        case_id = _create_case(ctx, session, app, at)
    return case_id


def _customer_columns(b: Business) -> dict[str, object]:
    """The customers row of an application's business (R1)."""
    return {
        "kind": b.kind.value,
        "business_name": b.business_name,
        "credit_code": b.credit_code,
        "owner_name": b.owner_name,
        "owner_id_number": b.owner_id_number,
        "owner_phone": b.owner_phone,
        "industry": b.industry,
        "region": b.region,
        "platform_account": b.platform_account,
        "partner_bank": b.partner_bank,
    }


def _create_case(ctx: Context, session: Session, app: Application, at: str) -> int:
    customer_id = case_store.insert_customer(
        ctx.store, **_customer_columns(app.business), created_at=at
    )
    officer = session.user_id if session.role == Role.INVESTIGATOR else None
    case_id = case_store.insert_case(
        ctx.store,
        customer_id=customer_id,
        product=app.product.value,
        amount_fen=max(app.amount_fen, 1),  # a draft may not know yet; the check is at submit
        stage=Stage.APPLICATION.value,
        stage_entered_at=at,
        officer_id=officer,
        created_at=at,
        updated_at=at,
        updated_by=session.user_id,
    )
    case_store.insert_move(
        ctx.store, case_id, None, Stage.APPLICATION.value, Action.RECEIVE.value, session.user_id, at
    )
    rating_store.insert_application(ctx.store, case_id, _data_text(app), at)
    user_store.record_audit(
        ctx.store,
        at=at,
        actor_id=session.user_id,
        entity="case",
        entity_id=case_id,
        action="application:new",
        after={
            "customer_id": customer_id,
            "product": app.product.value,
            "amount_fen": app.amount_fen,
        },
    )
    return case_id


def _keep_unchanged(new: str, stored: str) -> str:
    """A value the form got masked comes back with '*': it means "not changed"."""
    return stored if "*" in new else new


def update_application(
    ctx: Context, session: Session, case_id: int, app: Application, expected_version: int
) -> int:
    """Save the draft; only while the case is in 'application'. Returns the case's new
    version, so the form goes on editing without reading the case again."""
    _require_intake(session)
    _check_amount(app)
    at = ctx.stamp()
    with ctx.store.write():
        case = pipeline.load_case(ctx, case_id)
        _check_fresh(case, expected_version)
        _in_application(case)
        _require_holder(session, case)
        old, row = _application_of(ctx, case_id)
        b = app.business
        business = replace(
            b,
            owner_id_number=_keep_unchanged(b.owner_id_number, old.business.owner_id_number),
            owner_phone=_keep_unchanged(b.owner_phone, old.business.owner_phone),
        )
        app = replace(app, business=business)
        _save_application(ctx, case_id, app, row, at)
        consent_cleared = (
            row is not None and row.consent_given and _owner_changed(old.business, business)
        )
        if consent_cleared:
            rating_store.clear_consent(ctx.store, case_id)
        rating_store.update_customer_of_case(ctx.store, case_id, **_customer_columns(business))
        rating_store.update_case_request(
            ctx.store, case_id, app.product.value, max(app.amount_fen, 1)
        )
        version = case_store.update_case(ctx.store, case_id, expected_version, session.user_id, at)
        changed = _changed_fields(old, app)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="application:update",
            before={"version": expected_version, **{k: v for k, (v, _) in changed.items()}},
            after={
                "version": expected_version + 1,
                **{k: v for k, (_, v) in changed.items()},
                **({"consent_given": False} if consent_cleared else {}),
            },
        )
    return version


def _owner_changed(old: Business, new: Business) -> bool:
    """Another person: the consent given was not theirs (R37)."""
    return (
        decision_rules.normalise_listed(old.owner_id_number)
        != (decision_rules.normalise_listed(new.owner_id_number))
        or old.owner_name.strip() != new.owner_name.strip()
    )


_SENSITIVE = {"business.owner_id_number", "business.owner_phone"}


def _changed_fields(old: Application, new: Application) -> dict[str, tuple[Any, Any]]:
    """Dotted field -> (before, after) for what the edit changed; personal data masked."""
    before, after = _flat(codec.to_plain(old)), _flat(codec.to_plain(new))
    out: dict[str, tuple[Any, Any]] = {}
    for key in sorted(set(before) | set(after)):
        if key.startswith("consent.") or before.get(key) == after.get(key):
            continue
        if key in _SENSITIVE:
            out[key] = (mask_sensitive(str(before.get(key))), mask_sensitive(str(after.get(key))))
        else:
            out[key] = (before.get(key), after.get(key))
    return out


def _flat(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(_flat(value, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): data}


def load_application(ctx: Context, session: Session, case_id: int) -> tuple[Application, int]:
    """The application and the case's version; ID number and phone masked (R37)."""
    require(session, Permission.VIEW_CASES)
    case = pipeline.load_case(ctx, case_id)
    app, _ = _application_of(ctx, case_id)
    b = app.business
    masked = replace(
        b,
        owner_id_number=mask_sensitive(b.owner_id_number),
        owner_phone=mask_sensitive(b.owner_phone, 3, 4),
    )
    return replace(app, business=masked), case.version


def record_consent(
    ctx: Context, session: Session, case_id: int, method: str, expected_version: int
) -> int:
    """The owner consented to the use of their data and to credit queries (R37). Returns the
    case's new version."""
    _require_intake(session)
    if not method.strip():
        raise _refuse(
            QT_TRANSLATE_NOOP("messages", "Say how the consent was given (e.g. signed form).")
        )
    at = ctx.stamp()
    with ctx.store.write():
        case = pipeline.load_case(ctx, case_id)
        _check_fresh(case, expected_version)
        _in_application(case)
        _require_holder(session, case)
        app, row = _application_of(ctx, case_id)
        if row is None:
            _save_application(ctx, case_id, app, row, at)
        rating_store.record_consent(ctx.store, case_id, at, session.user_id, method.strip())
        version = case_store.update_case(ctx.store, case_id, expected_version, session.user_id, at)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="application:consent",
            before={
                "consent_given": row is not None and row.consent_given,
                "version": expected_version,
            },
            after={
                "consent_given": True,
                "method": method.strip(),
                "version": expected_version + 1,
            },
        )
    return version


def _validation_errors(app: Application) -> tuple[Problem, ...]:
    from workstation.domain.application import validate_application

    return tuple(p for p in validate_application(app) if p.severity == Severity.ERROR)


def submit_application(
    ctx: Context, session: Session, case_id: int, expected_version: int
) -> Submitted:
    """Rate the application and move the case on (R17-R20, R39): declined at screening with
    the reasons, approved by the system on the lane's terms and on to disbursement, or on to
    investigation with its tier, limit and risk. One transaction.

    A decline's reasons are stored with the move as messages (``codec`` JSON of a tuple of
    ``Message``), so the history shows them in the reader's language."""
    _require_intake(session)
    with ctx.store.write():
        case = pipeline.load_case(ctx, case_id)
        _check_fresh(case, expected_version)
        _in_application(case)
        app, row = _application_of(ctx, case_id)
        if row is None or not row.consent_given:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Record the owner's consent to the use of their data and to credit "
                    "queries before the application is scored.",
                )
            )
        errors = _validation_errors(app)
        if errors:
            raise ApplicationProblems(
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "messages", "The application is not complete; correct: {fields}"
                    ),
                    fields=", ".join(dict.fromkeys(p.field for p in errors)),
                ),
                errors,
            )
        _ensure_settings(ctx)
        cards, macro = current_scorecards(ctx), macro_settings(ctx)
        app = scored_application(ctx, case_id, app)  # R24: adjusted figures, if any
        decision, card = _decide(app, cards, macro, _blacklist_for(ctx, app))
        at = ctx.stamp()
        system = _system_session(ctx, at)
        decision_id = rating_store.insert_decision(
            ctx.store, _decision_row(case_id, at, system.user_id, decision, card, macro.version)
        )
        pipeline.move_case(ctx, session, case_id, Action.SUBMIT, expected_version)
        lane = (
            None
            if decision.outcome == Outcome.DECLINE
            else approval.lane_terms(ctx, case, decision)
        )
        if decision.outcome == Outcome.DECLINE:
            reasons = codec.dumps(tuple(decision.reasons))
            pipeline.move_case(ctx, system, case_id, Action.DECLINE, expected_version + 1, reasons)
        elif lane is not None:  # R39: the system approves; straight to disbursement
            approval.approve_by_system(ctx, case_id, expected_version + 1, lane, at)
        else:
            pipeline.move_case(ctx, system, case_id, Action.RATE, expected_version + 1)
        tier = decision.score.tier if decision.score else None
        case_store.update_case(
            ctx.store,
            case_id,
            expected_version + 2,
            system.user_id,
            at,
            tier=tier,
            risk=risk_of(decision),
        )
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=system.user_id,
            entity="case",
            entity_id=case_id,
            action="rating:decision",
            before={"tier": case.tier, "risk": case.risk},
            after=_decision_audit(decision_id, decision, card, macro.version),
        )
        stored = rating_store.latest_decision(ctx.store, case_id)
        assert stored is not None
        base = _stored_decision(ctx, stored)
        return Submitted(
            **{f.name: getattr(base, f.name) for f in fields(StoredDecision)},
            stage=pipeline.load_case(ctx, case_id).stage,
            terms=lane,
        )


def _system_session(ctx: Context, at: str) -> Session:
    return Session(user_store.system_user_id(ctx.store, at), "system", "System", Role.SYSTEM)


def import_applications(ctx: Context, session: Session, path: Path) -> ImportResult:
    """Drafts from a CSV or XLSX file, one row a case (see importers.applications).

    Rows with an ERROR problem are reported (row, column as the file names it, why) and not
    saved; every good row is saved as a draft in its own transaction. Headers that name no
    column are a warning. A file that cannot be read is refused, in the user's language.
    """
    from workstation.domain.application import validate_application
    from workstation.importers import applications as importer

    _require_intake(session)
    try:
        table = importer.read_table(path)
    except OSError as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "“{file}” cannot be opened: it may have been moved or deleted, or be open in "
                "another program that locks it.",
            ),
            file=str(path),
        ) from exc
    created: list[int] = []
    rejected: list[tuple[int, str, Message]] = []
    for number, cells in table.rows:
        app, problems = importer.application_from_row(cells)
        if app is not None:
            # consent is recorded on the case page, not taken from a file (R37)
            problems = [
                (importer.column_of(p.field), p.message)
                for p in validate_application(app)
                if p.severity == Severity.ERROR and p.field != "consent"
            ]
        if problems or app is None:
            rejected.extend(
                (number, table.column_name(column) if column else "", message)
                for column, message in problems
            )
            continue
        at = ctx.stamp()
        with ctx.store.write():
            created.append(_create_case(ctx, session, app, at))
    return ImportResult(tuple(created), tuple(rejected), table.warnings)
