"""Before the loan (R12-R20, R33, R37): take an application, rate it, keep the settings.

Each write is one transaction with an audit event; a refusal raises ``RuleError`` with a
message and leaves every table as it was. Scorecards and macro settings are versioned rows;
each decision records the versions it used, so it can be explained later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from workstation.domain import decision as decision_rules
from workstation.domain import scoring
from workstation.domain.application import (
    Application,
    Business,
    Consent,
    CustomerKind,
    Problem,
    Product,
    Severity,
)
from workstation.domain.decision import BlacklistEntry, Decision, Outcome
from workstation.domain.limits import MacroSettings
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role, mask_sensitive
from workstation.domain.scoring import Scorecard
from workstation.domain.stages import Action, Stage
from workstation.services import pipeline
from workstation.services.context import Context, Session, require
from workstation.store import cases as case_store
from workstation.store import codec
from workstation.store import rating as rating_store
from workstation.store import users as user_store
from workstation.store.cases import StaleCase

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_SCORECARDS = RESOURCES / "scorecards" / "default.json"
BLACKLIST_KINDS = ("owner_id_number", "credit_code", "platform_account")
DEFAULT_ECONOMY = "neutral"
RESCORE_CHUNK = 5_000
# Cases between submission and approval: a draft is not scored until it is submitted with
# consent (R37), and a loan approved or disbursed is not re-rated before the loan.
RESCORE_STAGES: tuple[str, ...] = (
    Stage.RATING.value,
    Stage.INVESTIGATION.value,
    Stage.APPROVAL.value,
)
_INTAKE_ROLES = (Role.INVESTIGATOR, Role.SUPERVISOR)


# -- records the window shows ---------------------------------------------------------------


@dataclass(frozen=True)
class StoredDecision:
    id: int
    case_id: int
    at: str
    by_name: str
    decision: Decision
    scorecard: Scorecard
    macro_version: int


@dataclass(frozen=True)
class RescoreSummary:
    """What a batch re-scoring did. The batch is advisory: it records a decision for each
    case in rating, investigation or approval and lists the changes; the cases themselves
    (stage, tier, risk, version) are untouched. ``rescore_case`` updates one case."""

    scored: int
    changed: tuple[tuple[int, str, str], ...]  # (case id, old "tier/outcome", new)
    cancelled: bool


@dataclass(frozen=True)
class ImportReport:
    created: tuple[int, ...]  # case ids
    rejected: tuple[tuple[int, str, Message], ...]  # (row number in the file, field, why)


@dataclass(frozen=True)
class MacroVersion:
    version: int
    at: str
    by_name: str | None
    settings: MacroSettings


@dataclass(frozen=True)
class BlacklistRow:
    id: int
    kind: str
    value: str
    reason: str
    added_by: str
    added_at: str
    lifted_by: str | None
    lifted_at: str | None
    lift_reason: str | None


class ApplicationProblems(RuleError):
    """Submission refused for the problems listed; the form marks each field."""

    def __init__(self, message: Message, problems: tuple[Problem, ...]) -> None:
        super().__init__(message)
        self.problems = problems


# -- refusals -------------------------------------------------------------------------------


def _refuse(template: str, **params: Any) -> RuleError:
    return RuleError(Message.of(template, **params))


_SUPERVISOR_ONLY = {
    "macro": QT_TRANSLATE_NOOP("messages", "Only a supervisor may change the macro settings."),
    "blacklist": QT_TRANSLATE_NOOP("messages", "Only a supervisor may change the blacklist."),
    "rescore": QT_TRANSLATE_NOOP("messages", "Only a supervisor may re-score cases."),
}


def _require_supervisor(session: Session, what: str) -> None:
    """Settings and the blacklist are a supervisor's (R18, R33); default deny."""
    if session.role != Role.SUPERVISOR:
        raise _refuse(_SUPERVISOR_ONLY[what])


def _require_intake(session: Session) -> None:
    if session.role not in _INTAKE_ROLES:
        raise _refuse(
            QT_TRANSLATE_NOOP("messages", "The role “{role}” may not take applications."),
            role=session.role.value,
        )


def _check_version(case: case_store.CaseRecord, expected_version: int) -> None:
    if case.version != expected_version:
        raise pipeline._stale_error(StaleCase(case.id, case.updated_by_name, case.updated_at))


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


def _application_of(
    ctx: Context, case_id: int
) -> tuple[Application, rating_store.ApplicationRow | None]:
    """The application with its consent, and its row: None for a case from before
    applications were kept (migration 2), whose application is built from the customer and
    case rows (business, product, amount; no figures, no consent) so it can be completed."""
    row = rating_store.application_row(ctx.store, case_id)
    if row is None:
        request = rating_store.case_request(ctx.store, case_id)
        if request is None:
            raise _refuse(
                QT_TRANSLATE_NOOP("messages", "Case {case} has no application."), case=case_id
            )
        columns, product, amount_fen = request
        business = Business(
            **{**columns, "kind": CustomerKind(columns["kind"])}  # type: ignore[arg-type]
        )
        return Application(business, Product(product), amount_fen), None
    app = codec.loads(Application, row.data)
    consent = Consent(row.consent_given, row.consent_at, row.consent_by, row.consent_method)
    return replace(app, consent=consent), row


def _save_application(
    ctx: Context, case_id: int, app: Application, row: rating_store.ApplicationRow | None, at: str
) -> None:
    """Store the draft; a case from before migration 2 gets its application row now."""
    if row is None:
        rating_store.insert_application(ctx.store, case_id, _data_text(app), at)
    else:
        rating_store.update_application(ctx.store, case_id, _data_text(app), at)


def _data_text(app: Application) -> str:
    """The stored JSON: the consent lives in its own columns, recorded by its own use case."""
    return codec.dumps(replace(app, consent=Consent()))


# -- the application ------------------------------------------------------------------------


def new_application(ctx: Context, session: Session, app: Application) -> int:
    """A new customer and case in 'application' with the draft stored as given; the case id."""
    _require_intake(session)
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
    at = ctx.stamp()
    with ctx.store.write():
        case = pipeline._load(ctx, case_id)
        _check_version(case, expected_version)
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
    case = pipeline._load(ctx, case_id)
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
        case = pipeline._load(ctx, case_id)
        _check_version(case, expected_version)
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


# -- settings -------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _scorecard_from_text(text: str) -> Scorecard:
    import json

    return scoring.scorecard_from_dict(json.loads(text))


def _scorecard_text(card: Scorecard) -> str:
    import json

    return json.dumps(scoring.scorecard_to_dict(card), ensure_ascii=False, separators=(",", ":"))


def _ensure_settings(ctx: Context) -> None:
    """Seed version 1 of each scorecard (resources/scorecards/default.json) and of the macro
    settings on first use; the caller holds the transaction."""
    at = ctx.stamp()
    stored = rating_store.latest_scorecards(ctx.store)
    if len(stored) < len(scoring.KINDS):
        cards = scoring.default_scorecards(DEFAULT_SCORECARDS.read_text(encoding="utf-8"))
        for kind, card in cards.items():
            if kind not in stored:
                rating_store.insert_scorecard(
                    ctx.store, kind, card.version, _scorecard_text(card), at, None
                )
    if rating_store.latest_macro(ctx.store) is None:
        first = MacroSettings(version=1, industry_outlook=(), economy=DEFAULT_ECONOMY)
        rating_store.insert_macro(ctx.store, 1, codec.dumps(first), at, None)


def _settings_ready(ctx: Context) -> None:
    if ctx.store.conn.in_transaction:
        _ensure_settings(ctx)
        return
    stored = rating_store.latest_scorecards(ctx.store)
    if len(stored) < len(scoring.KINDS) or rating_store.latest_macro(ctx.store) is None:
        with ctx.store.write():
            _ensure_settings(ctx)


def current_scorecards(ctx: Context) -> dict[str, Scorecard]:
    """The scorecard in force for each customer kind (the newest version)."""
    _settings_ready(ctx)
    return {
        kind: _scorecard_from_text(text)
        for kind, (_, text) in rating_store.latest_scorecards(ctx.store).items()
    }


def _macro_of(row: rating_store.SettingRow) -> MacroSettings:
    return replace(codec.loads(MacroSettings, row.definition), version=row.version)


def macro_settings(ctx: Context) -> MacroSettings:
    """The macro adjustment in force (R18)."""
    _settings_ready(ctx)
    row = rating_store.latest_macro(ctx.store)
    assert row is not None
    return _macro_of(row)


def update_macro_settings(
    ctx: Context,
    session: Session,
    industry_outlook: tuple[tuple[str, str], ...],
    economy: str,
    expected_version: int | None = None,
) -> MacroSettings:
    """A new version of the macro settings; earlier versions are kept with who and when.

    With ``expected_version`` (the version the supervisor edited) a newer version saved
    meanwhile refuses the change, naming who saved it and when: no lost update.
    """
    _require_supervisor(session, "macro")
    at = ctx.stamp()
    with ctx.store.write():
        _ensure_settings(ctx)
        row = rating_store.latest_macro(ctx.store)
        assert row is not None
        if expected_version is not None and row.version != expected_version:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The macro settings were changed by {who} at {when} (version {version}); "
                    "they have been reloaded. Nothing of yours was saved; check them and try "
                    "again.",
                ),
                who=row.created_by_name or "?",
                when=row.created_at.replace("T", " "),
                version=row.version,
            )
        current = _macro_of(row)
        outlooks = {name for name, _ in current.industry_multipliers}
        if economy not in {name for name, _ in current.economy_multipliers}:
            raise _refuse(
                QT_TRANSLATE_NOOP("messages", "“{value}” is not an economic stance."),
                value=economy,
            )
        cleaned: list[tuple[str, str]] = []
        for industry, outlook in industry_outlook:
            if outlook not in outlooks:
                raise _refuse(
                    QT_TRANSLATE_NOOP("messages", "“{value}” is not an industry outlook."),
                    value=outlook,
                )
            if industry.strip():
                cleaned.append((industry.strip(), outlook))
        new = replace(
            current,
            version=current.version + 1,
            industry_outlook=tuple(sorted(dict(cleaned).items())),
            economy=economy,
        )
        rating_store.insert_macro(ctx.store, new.version, codec.dumps(new), at, session.user_id)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="macro_settings",
            entity_id=new.version,
            action="settings:macro",
            before=codec.to_plain(current),
            after=codec.to_plain(new),
        )
    return new


def macro_history(ctx: Context) -> list[MacroVersion]:
    """Every macro settings version, oldest first, with who set it and when."""
    _settings_ready(ctx)
    return [
        MacroVersion(r.version, r.created_at, r.created_by_name, _macro_of(r))
        for r in rating_store.macro_rows(ctx.store)
    ]


# -- blacklist (R20, R33) -------------------------------------------------------------------


def blacklist_entries(
    ctx: Context, session: Session, include_lifted: bool = False
) -> list[BlacklistRow]:
    """The entries, listed values masked for every role (R37): a list is no audited reveal,
    and the reason, who and when are what a supervisor manages the list by."""
    require(session, Permission.VIEW_CASES)
    return [
        BlacklistRow(*vars(replace(r, value=mask_sensitive(r.value))).values())
        for r in rating_store.blacklist_rows(ctx.store, include_lifted)
    ]


def add_to_blacklist(ctx: Context, session: Session, kind: str, value: str, reason: str) -> int:
    """List an owner ID, business code or platform account (R33); a reason is required."""
    _require_supervisor(session, "blacklist")
    if kind not in BLACKLIST_KINDS:
        raise _refuse(QT_TRANSLATE_NOOP("messages", "“{value}” cannot be blacklisted."), value=kind)
    value = decision_rules.normalise_listed(value)  # as the check compares it
    if not value:
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give the value to blacklist."))
    if not reason.strip():
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give a reason for the blacklist entry."))
    at = ctx.stamp()
    with ctx.store.write():
        entry = rating_store.insert_blacklist(
            ctx.store, kind, value, reason.strip(), session.user_id, at
        )
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="blacklist",
            entity_id=entry,
            action="blacklist:add",
            after={
                "kind": kind,
                "value": _masked_value(kind, value),
                "reason": reason.strip(),
            },
        )
    return entry


def _masked_value(kind: str, value: str) -> str:
    return mask_sensitive(value) if kind == "owner_id_number" else value


def lift_blacklist_entry(ctx: Context, session: Session, entry_id: int, reason: str) -> None:
    """Lift an entry (R33): supervisor, with a reason; the entry stays on record."""
    _require_supervisor(session, "blacklist")
    if not reason.strip():
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give a reason for lifting the entry."))
    at = ctx.stamp()
    with ctx.store.write():
        if not rating_store.lift_blacklist(
            ctx.store, entry_id, session.user_id, at, reason.strip()
        ):
            raise _refuse(
                QT_TRANSLATE_NOOP("messages", "There is no blacklist entry {entry} in force."),
                entry=entry_id,
            )
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="blacklist",
            entity_id=entry_id,
            action="blacklist:lift",
            before={"lifted": False},
            after={"lifted": True, "reason": reason.strip()},
        )


def _blacklist_for(ctx: Context, app: Application) -> tuple[BlacklistEntry, ...]:
    """Entries in force that could match this applicant (looked up by the index)."""
    b = app.business
    pairs = [
        (kind, decision_rules.normalise_listed(value))
        for kind, value in (
            ("owner_id_number", b.owner_id_number),
            ("credit_code", b.credit_code),
            ("platform_account", b.platform_account),
        )
        if value
    ]
    return tuple(
        BlacklistEntry(k, v, r)
        for k, v, r in rating_store.active_blacklist_matching(ctx.store, pairs)
    )


# -- rating ---------------------------------------------------------------------------------


def _decide(
    app: Application,
    cards: dict[str, Scorecard],
    macro: MacroSettings,
    blacklist: tuple[BlacklistEntry, ...],
) -> tuple[Decision, Scorecard]:
    card = cards[app.business.kind.value]
    return _masked_hits(decision_rules.decide(app, card, macro, blacklist)), card


def _masked_hits(decision: Decision) -> Decision:
    """The decision with each blacklist hit's value masked (R37): it is stored in the
    decision's details and shown to every role; the reason explains the decline."""
    if not decision.blacklist_hits:
        return decision
    hits = tuple(replace(h, value=mask_sensitive(h.value)) for h in decision.blacklist_hits)
    return replace(decision, blacklist_hits=hits)


def _decision_row(
    case_id: int, at: str, actor_id: int, decision: Decision, card: Scorecard, macro_version: int
) -> tuple[Any, ...]:
    score = decision.score
    return (
        case_id,
        at,
        actor_id,
        card.kind,
        card.version,
        macro_version,
        str(score.total) if score else None,
        score.tier if score else None,
        decision.outcome.value,
        decision.limit.combined_limit_fen if decision.limit else None,
        codec.dumps(_masked_hits(decision)),  # the demo's decisions come this way too
    )


def risk_of(decision: Decision) -> str:
    """The board's colour: A/B green, C/D amber, E or a decline red; manual review amber+."""
    if decision.outcome == Outcome.DECLINE:
        return "red"
    tier = decision.score.tier if decision.score else None
    risk = {"A": "green", "B": "green", "C": "amber", "D": "amber"}.get(tier or "", "red")
    if decision.outcome == Outcome.MANUAL_REVIEW and risk == "green":
        return "amber"
    return risk


def _stored_decision(ctx: Context, row: rating_store.DecisionRow) -> StoredDecision:
    text = rating_store.scorecard_definition(ctx.store, row.scorecard_kind, row.scorecard_version)
    assert text is not None  # a foreign key guarantees it
    return StoredDecision(
        id=row.id,
        case_id=row.case_id,
        at=row.at,
        by_name=row.by_name,
        decision=_masked_hits(codec.loads(Decision, row.details)),  # also rows from before
        scorecard=_scorecard_from_text(text),
        macro_version=row.macro_version,
    )


def _validation_errors(app: Application) -> tuple[Problem, ...]:
    from workstation.domain.application import validate_application

    return tuple(p for p in validate_application(app) if p.severity == Severity.ERROR)


def submit_application(
    ctx: Context, session: Session, case_id: int, expected_version: int
) -> StoredDecision:
    """Rate the application and move the case on (R17-R20): declined at screening with the
    reasons, or on to investigation with its tier, limit and risk. One transaction."""
    _require_intake(session)
    with ctx.store.write():
        case = pipeline._load(ctx, case_id)
        _check_version(case, expected_version)
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
        decision, card = _decide(app, cards, macro, _blacklist_for(ctx, app))
        at = ctx.stamp()
        system = _system_session(ctx, at)
        decision_id = rating_store.insert_decision(
            ctx.store, _decision_row(case_id, at, system.user_id, decision, card, macro.version)
        )
        pipeline.move_case(ctx, session, case_id, Action.SUBMIT, expected_version)
        if decision.outcome == Outcome.DECLINE:
            reasons = "; ".join(m.render() for m in decision.reasons)
            pipeline.move_case(ctx, system, case_id, Action.DECLINE, expected_version + 1, reasons)
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
        return _stored_decision(ctx, stored)


def _decision_audit(
    decision_id: int, decision: Decision, card: Scorecard, macro_version: int
) -> dict[str, Any]:
    return {
        "decision_id": decision_id,
        "outcome": decision.outcome.value,
        "tier": decision.score.tier if decision.score else None,
        "total": str(decision.score.total) if decision.score else None,
        "limit_fen": decision.limit.combined_limit_fen if decision.limit else None,
        "scorecard": [card.kind, card.version],
        "macro_version": macro_version,
    }


def _system_session(ctx: Context, at: str) -> Session:
    return Session(user_store.system_user_id(ctx.store, at), "system", "System", Role.SYSTEM)


def latest_decision(ctx: Context, session: Session, case_id: int) -> StoredDecision | None:
    require(session, Permission.VIEW_CASES)
    row = rating_store.latest_decision(ctx.store, case_id)
    return _stored_decision(ctx, row) if row else None


def decision_history(ctx: Context, session: Session, case_id: int) -> list[StoredDecision]:
    require(session, Permission.VIEW_CASES)
    return [_stored_decision(ctx, r) for r in rating_store.decisions_of_case(ctx.store, case_id)]


def _require_rateable(case: case_store.CaseRecord, row: rating_store.ApplicationRow | None) -> None:
    """Only a submitted case with the owner's consent, not yet past approval, is rated again."""
    if case.stage == Stage.APPLICATION.value:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "Case {case} is still in “application”; it is rated when it is submitted.",
            ),
            case=case.id,
        )
    if case.stage not in RESCORE_STAGES:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "Case {case} is in “{stage}”; only cases in rating, investigation or approval "
                "can be re-scored.",
            ),
            case=case.id,
            stage=case.stage,
        )
    if row is None or not row.consent_given:
        raise _no_consent(case.id)


def _no_consent(case_id: int) -> RuleError:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "messages",
            "Case {case} has no recorded consent of the owner to the use of their data and to "
            "credit queries; it cannot be scored.",
        ),
        case=case_id,
    )


def rescore_case(
    ctx: Context, session: Session, case_id: int, expected_version: int | None = None
) -> StoredDecision:
    """Rate the case again on today's scorecard and macro settings; no stage move.

    Only a case in rating, investigation or approval with the owner's consent (R37). The
    case takes the new tier and risk (version checked, ``expected_version`` when given) with
    an audit event, in the same transaction as the decision.
    """
    _require_supervisor(session, "rescore")
    at = ctx.stamp()
    with ctx.store.write():
        case = pipeline._load(ctx, case_id)
        version = case.version if expected_version is None else expected_version
        _check_version(case, version)
        app, row = _application_of(ctx, case_id)
        _require_rateable(case, row)
        _ensure_settings(ctx)
        cards, macro = current_scorecards(ctx), macro_settings(ctx)
        decision, card = _decide(app, cards, macro, _blacklist_for(ctx, app))
        decision_id = rating_store.insert_decision(
            ctx.store, _decision_row(case_id, at, session.user_id, decision, card, macro.version)
        )
        tier = decision.score.tier if decision.score else None
        risk = risk_of(decision)
        try:
            case_store.update_case(
                ctx.store, case_id, version, session.user_id, at, tier=tier, risk=risk
            )
        except StaleCase as exc:
            raise pipeline._stale_error(exc) from None
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="rating:rescore",
            before={"tier": case.tier, "risk": case.risk, "version": version},
            after={
                **_decision_audit(decision_id, decision, card, macro.version),
                "risk": risk,
                "version": version + 1,
            },
        )
        stored = rating_store.latest_decision(ctx.store, case_id)
        assert stored is not None
        return _stored_decision(ctx, stored)


def _label(tier: str | None, outcome: str | None) -> str:
    return f"{tier or '-'}/{outcome or '-'}"


def rescore_open_cases(
    ctx: Context,
    session: Session,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RescoreSummary:
    """Re-score every case in rating, investigation or approval on the settings in force, in
    chunks. Advisory: decisions are recorded, the cases are not touched (``RescoreSummary``).

    Each chunk is one transaction (decisions written with one ``executemany``, one audit
    event); a cancel stops between chunks and keeps what was committed.
    """
    _require_supervisor(session, "rescore")
    with ctx.store.write():
        _ensure_settings(ctx)
    cards, macro = current_scorecards(ctx), macro_settings(ctx)
    index: dict[tuple[str, str], list[BlacklistEntry]] = {}
    for kind, value, reason in rating_store.active_blacklist(ctx.store):
        index.setdefault((kind, decision_rules.normalise_listed(value)), []).append(
            BlacklistEntry(kind, value, reason)
        )
    total = rating_store.count_rescore_inputs(ctx.store, RESCORE_STAGES)
    done, last_id = 0, 0
    changed: list[tuple[int, str, str]] = []
    while True:
        if cancelled and cancelled():
            return RescoreSummary(done, tuple(changed), True)
        page = rating_store.rescore_inputs(ctx.store, RESCORE_STAGES, last_id, RESCORE_CHUNK)
        if not page:
            break
        at = ctx.stamp()
        rows = []
        for case_id, data, old_tier, old_outcome in page:
            app = codec.loads(Application, data)
            decision, card = _decide(app, cards, macro, _hits(index, app))
            row = _decision_row(case_id, at, session.user_id, decision, card, macro.version)
            rows.append(row)
            old, new = _label(old_tier, old_outcome), _label(row[7], row[8])
            if old != new:
                changed.append((case_id, old, new))
        with ctx.store.write():
            rating_store.insert_decisions(ctx.store, rows)
            user_store.record_audit(
                ctx.store,
                at=at,
                actor_id=session.user_id,
                entity="rescore",
                entity_id=None,
                action="rating:rescore_batch",
                after={
                    "cases": len(rows),
                    "first_case": page[0][0],
                    "last_case": page[-1][0],
                    "scorecards": {k: c.version for k, c in cards.items()},
                    "macro_version": macro.version,
                },
            )
        done += len(rows)
        last_id = page[-1][0]
        if progress:
            progress(done, total)
    return RescoreSummary(done, tuple(changed), False)


def _hits(
    index: dict[tuple[str, str], list[BlacklistEntry]], app: Application
) -> tuple[BlacklistEntry, ...]:
    if not index:
        return ()
    b = app.business
    found: list[BlacklistEntry] = []
    for kind, value in (
        ("owner_id_number", b.owner_id_number),
        ("credit_code", b.credit_code),
        ("platform_account", b.platform_account),
    ):
        found.extend(index.get((kind, decision_rules.normalise_listed(value)), ()))
    return tuple(found)


# -- import ---------------------------------------------------------------------------------


def import_applications(ctx: Context, session: Session, path: Path) -> ImportReport:
    """Drafts from a CSV or XLSX file, one row a case (see importers.applications).

    Rows with an ERROR problem are reported (row, column, why) and not saved; every good
    row is saved as a draft in its own transaction. A file that cannot be read is refused.
    """
    from workstation.domain.application import validate_application
    from workstation.importers import applications as table

    _require_intake(session)
    try:
        rows = table.read_rows(path)
    except (OSError, table.UnreadableFile) as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages", "“{path}” cannot be read as an application table: {error}"
            ),
            path=str(path),
            error=str(exc),
        ) from exc
    created: list[int] = []
    rejected: list[tuple[int, str, Message]] = []
    for number, cells in rows:
        app, problems = table.application_from_row(cells)
        if app is not None:
            # consent is recorded on the case page, not taken from a file (R37)
            problems = [
                (table.column_of(p.field), p.message)
                for p in validate_application(app)
                if p.severity == Severity.ERROR and p.field != "consent"
            ]
        if problems or app is None:
            rejected.extend((number, column, message) for column, message in problems)
            continue
        at = ctx.stamp()
        with ctx.store.write():
            created.append(_create_case(ctx, session, app, at))
    return ImportReport(tuple(created), tuple(rejected))


def decision_or_preview(ctx: Context, case_id: int) -> StoredDecision:
    """The case's latest stored decision, or (id 0) what the settings in force would decide
    now, without storing it: the ``score`` command reads, it does not rate.

    Refused while the case is still an application or without the owner's consent (R37):
    a draft is scored when it is submitted.
    """
    case = pipeline._load(ctx, case_id)
    if case.stage == Stage.APPLICATION.value:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "messages",
                "Case {case} is still in “application”; it is scored when it is submitted.",
            ),
            case=case_id,
        )
    consent = rating_store.application_row(ctx.store, case_id)
    if consent is None or not consent.consent_given:
        raise _no_consent(case_id)
    row = rating_store.latest_decision(ctx.store, case_id)
    if row is not None:
        return _stored_decision(ctx, row)
    app, _ = _application_of(ctx, case_id)
    cards, macro = current_scorecards(ctx), macro_settings(ctx)
    decision, card = _decide(app, cards, macro, _blacklist_for(ctx, app))
    return StoredDecision(0, case_id, ctx.stamp(), "", decision, card, macro.version)
