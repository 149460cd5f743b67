"""Decisions (R17-R20, R37): rate a case again, re-score every open case in chunks, and read
or preview the decision of a case. A decision records the scorecard and macro versions used."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from workstation.domain import decision as decision_rules
from workstation.domain.application import (
    Application,
    Financials,
)
from workstation.domain.decision import BlacklistEntry, Decision, Outcome
from workstation.domain.limits import MacroSettings
from workstation.domain.messages import QT_TRANSLATE_NOOP, RuleError
from workstation.domain.people import Permission
from workstation.domain.rebuild_checks import figures_for_scoring
from workstation.domain.scoring import Scorecard
from workstation.domain.stages import Stage
from workstation.services import pipeline
from workstation.services.context import Context, Session, require
from workstation.services.rating_common import (
    RescoreSummary,
    StoredDecision,
    _application_of,
    _check_version,
    _masked_hits,
    _refuse,
    _require_supervisor,
    _scorecard_from_text,
)
from workstation.services.rating_settings import (
    _blacklist_for,
    _ensure_settings,
    current_scorecards,
    macro_settings,
)
from workstation.store import cases as case_store
from workstation.store import codec
from workstation.store import rating as rating_store
from workstation.store import statements as statement_store
from workstation.store import users as user_store
from workstation.store.cases import StaleCase

RESCORE_CHUNK = 5_000
# Cases between submission and approval: a draft is not scored until it is submitted with
# consent (R37), and a loan approved or disbursed is not re-rated before the loan.
RESCORE_STAGES: tuple[str, ...] = (
    Stage.RATING.value,
    Stage.INVESTIGATION.value,
    Stage.APPROVAL.value,
)


def _decide(
    app: Application,
    cards: dict[str, Scorecard],
    macro: MacroSettings,
    blacklist: tuple[BlacklistEntry, ...],
) -> tuple[Decision, Scorecard]:
    card = cards[app.business.kind.value]
    return _masked_hits(decision_rules.decide(app, card, macro, blacklist)), card


def scored_application(ctx: Context, case_id: int, app: Application) -> Application:
    """The application as scoring reads it (R24): the officer-adjusted figures of the
    case's rebuilt statement where there are some, else the declared ones."""
    row = statement_store.latest_adjustment(ctx.store, case_id)
    if row is None:
        return app
    adjusted = codec.loads(Financials, row.figures)
    return replace(app, financials=figures_for_scoring(app.financials, adjusted))


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
        case = pipeline.load_case(ctx, case_id)
        version = case.version if expected_version is None else expected_version
        _check_version(case, version)
        app, row = _application_of(ctx, case_id)
        _require_rateable(case, row)
        return _record_rescore(ctx, session, case, version, at, app)


def rescore_after_adjustment(
    ctx: Context, session: Session, case_id: int, at: str, adjustment: int
) -> StoredDecision | None:
    """Score the case again on its newly adjusted figures (R24), inside the adjustment's
    transaction; None when the case cannot be scored (no application with consent, or past
    approval). The officer who adjusted is the decision's author."""
    case = pipeline.load_case(ctx, case_id)
    try:
        app, row = _application_of(ctx, case_id)
    except RuleError:
        return None
    if case.stage not in RESCORE_STAGES or row is None or not row.consent_given:
        return None
    return _record_rescore(ctx, session, case, case.version, at, app, adjustment)


def _record_rescore(
    ctx: Context,
    session: Session,
    case: case_store.CaseRecord,
    version: int,
    at: str,
    app: Application,
    adjustment: int | None = None,
) -> StoredDecision:
    """The decision, the case's new tier and risk, and the audit event (caller's write)."""
    case_id = case.id
    _ensure_settings(ctx)
    cards, macro = current_scorecards(ctx), macro_settings(ctx)
    app = scored_application(ctx, case_id, app)
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
        raise pipeline.stale_error(exc) from None
    after = {
        **_decision_audit(decision_id, decision, card, macro.version),
        "risk": risk,
        "version": version + 1,
    }
    if adjustment is not None:
        after["adjustment"] = adjustment
    user_store.record_audit(
        ctx.store,
        at=at,
        actor_id=session.user_id,
        entity="case",
        entity_id=case_id,
        action="rating:rescore",
        before={"tier": case.tier, "risk": case.risk, "version": version},
        after=after,
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
        adjusted = statement_store.latest_adjusted_figures(ctx.store, [p[0] for p in page])
        for case_id, data, old_tier, old_outcome in page:
            app = codec.loads(Application, data)
            if case_id in adjusted:  # R24: the officer-adjusted figures
                figures = codec.loads(Financials, adjusted[case_id])
                app = replace(app, financials=figures_for_scoring(app.financials, figures))
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


def decision_or_preview(ctx: Context, case_id: int) -> StoredDecision:
    """The case's latest stored decision, or (id 0) what the settings in force would decide
    now, without storing it: the ``score`` command reads, it does not rate.

    Refused while the case is still an application or without the owner's consent (R37):
    a draft is scored when it is submitted.
    """
    case = pipeline.load_case(ctx, case_id)
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
    app = scored_application(ctx, case_id, app)
    cards, macro = current_scorecards(ctx), macro_settings(ctx)
    decision, card = _decide(app, cards, macro, _blacklist_for(ctx, app))
    return StoredDecision(0, case_id, ctx.stamp(), "", decision, card, macro.version)
