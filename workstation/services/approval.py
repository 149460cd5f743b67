"""Approval (R25, R39): recommend, sign, amend, decline; authority by amount; the checker's
inbox; the straight-through lane.

Maker-checker is the state machine's (``check_move``: nobody who moved the case before
approval signs); the amount rule is ``domain.approval``'s. A signature within the signer's
authority completes the approval: the case moves to disbursement and the loan is opened
with an empty ledger. A signature above it is recorded as the first of two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workstation.domain import approval as rules
from workstation.domain.application import missing_figures
from workstation.domain.approval import LaneFacts, LoanTerms, Signature
from workstation.domain.decision import Decision
from workstation.domain.ledger import new_loan
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role
from workstation.domain.postings import next_event
from workstation.domain.schedule import Plan, add_months
from workstation.domain.stages import Action, check_move
from workstation.services import investigation, pipeline, rescore
from workstation.services.context import Context, Session, require
from workstation.services.rating_common import _application_of
from workstation.services.rating_settings import blacklist_of_case
from workstation.store import cases as case_store
from workstation.store import loan_codec
from workstation.store import loans as loan_store
from workstation.store import rating as rating_store
from workstation.store import users as user_store
from workstation.store.loans import RecommendationRow, SignatureRow


def _refuse(template: str, **params: object) -> RuleError:
    return RuleError(Message.of(template, **params))


def terms_of(rec: RecommendationRow) -> LoanTerms:
    return LoanTerms(
        rec.product, rec.limit_fen, Decimal(rec.daily_rate), rec.term_months, Plan(rec.plan)
    )


def _check_terms(terms: LoanTerms, kind: str) -> None:
    problems = rules.terms_problems(terms, kind)
    if problems:
        raise RuleError(problems[0])


def _check_version(case: case_store.CaseRecord, expected_version: int) -> None:
    if case.version != expected_version:
        raise pipeline.stale_error(
            case_store.StaleCase(case.id, case.updated_by_name, case.updated_at)
        )


def _system_session(ctx: Context, at: str) -> Session:
    return Session(user_store.system_user_id(ctx.store, at), "system", "System", Role.SYSTEM)


# --- what is proposed ------------------------------------------------------------------------


def suggested_terms(ctx: Context, session: Session, case_id: int) -> LoanTerms:
    """The terms a recommendation starts from: the rating's offer for the product asked for
    (the request, held to the offer's limit), else the request at the product's rate."""
    case = pipeline.load_case(ctx, case_id)
    product = case.product if case.product in ("credit", "order") else "credit"
    limit, rate, term = case.amount_fen, rules.DAILY_RATES[product], rules.LONGEST_TERM_MONTHS
    stored = rescore.latest_decision(ctx, session, case_id)
    if stored is not None and stored.decision.limit is not None:
        offers = {o.product: o for o in stored.decision.limit.offers}
        offer = offers.get(product) or next(iter(offers.values()), None)
        if offer is not None and offer.limit_fen > 0:
            product, rate, term = offer.product, offer.daily_rate, offer.term_months
            limit = min(limit, offer.limit_fen, stored.decision.limit.combined_limit_fen)
    cap = rules.KIND_CAPS_FEN.get(case.kind, 0)
    return LoanTerms(product, max(min(limit, cap), 0), rate, term, Plan.INTEREST_MONTHLY)


@dataclass(frozen=True)
class ApprovalState:
    """Where a case's approval stands: the terms on the table and who has signed them."""

    case_id: int
    proposal: RecommendationRow | None
    terms: LoanTerms | None
    signatures: tuple[SignatureRow, ...]  # on the current proposal
    history: tuple[RecommendationRow, ...]  # every proposal, oldest first
    complete: bool


def approval_state(ctx: Context, case_id: int) -> ApprovalState:
    history = tuple(loan_store.recommendations_of(ctx.store, case_id))
    proposal = history[-1] if history else None
    signatures = tuple(
        s
        for s in loan_store.signatures_of(ctx.store, case_id)
        if proposal is not None and s.recommendation_id == proposal.id
    )
    return ApprovalState(
        case_id=case_id,
        proposal=proposal,
        terms=terms_of(proposal) if proposal else None,
        signatures=signatures,
        history=history,
        complete=any(s.completes for s in signatures),
    )


@dataclass(frozen=True)
class RatingSummary:
    """The latest rating decision as the approver weighs the terms against it."""

    tier: str | None
    total: str | None  # the score, as stored
    outcome: str  # investigate, manual_review, decline
    limit_fen: int | None  # the combined limit the rating allows (R19)
    at: str


@dataclass(frozen=True)
class ApprovalSheet:
    """What a supervisor about to sign a case sees: the terms on the table, who signed
    them, and what this signature would do (the approval dialog shows it before signing)."""

    case_id: int
    version: int
    business_name: str
    kind: str  # the customer's kind: the terms' caps depend on it (R5)
    state: ApprovalState
    authority_fen: int  # what this supervisor may approve alone
    completes: bool  # signing would complete the approval (the limit is within authority)
    blocked: Message | None  # why this supervisor cannot sign now; None when they can
    rating: RatingSummary | None = None  # the latest rating decision, beside the terms


def approval_sheet(
    ctx: Context, session: Session, case_id: int, expected_version: int
) -> ApprovalSheet:
    """The approval dialog's content, refused before it opens when the case changed since the
    page was read or the rules keep this user from signing it (maker-checker)."""
    case = pipeline.load_case(ctx, case_id)
    _check_version(case, expected_version)
    check_move(pipeline.case_facts(case), Action.APPROVE, session.actor)
    state = approval_state(ctx, case_id)
    authority = loan_store.authority_of(ctx.store, session.user_id)
    blocked: Message | None = None
    if state.terms is None:
        blocked = Message.of(_T_NO_PROPOSAL)
    elif authority <= 0:
        blocked = Message.of(_T_NO_AUTHORITY)
    else:
        signed = [Signature(s.by_user, s.authority_fen, state.terms) for s in state.signatures]
        blocked = rules.second_signature_problem(state.terms, signed, session.user_id, authority)
    blocked = _drawn_loan_problem(ctx, case_id) or blocked
    if state.terms is not None:
        blocked = rating_problem(ctx, case, state.terms.limit_fen) or blocked
    decision = rating_store.latest_decision(ctx.store, case_id)
    rating = (
        RatingSummary(
            decision.tier, decision.total, decision.outcome, decision.combined_limit_fen,
            decision.at,
        )
        if decision is not None
        else None
    )  # fmt: skip
    return ApprovalSheet(
        case_id=case_id,
        version=case.version,
        business_name=case.business_name,
        kind=case.kind,
        state=state,
        authority_fen=authority,
        completes=state.terms is not None and authority >= state.terms.limit_fen,
        blocked=blocked,
        rating=rating,
    )


# --- recommend ---------------------------------------------------------------------------------


def recommend(
    ctx: Context,
    session: Session,
    case_id: int,
    expected_version: int,
    terms: LoanTerms,
    note: str = "",
) -> None:
    """The investigator's proposal (R25): the terms are stored and the case goes to approval."""
    with ctx.store.write():
        case = pipeline.load_case(ctx, case_id)
        _check_version(case, expected_version)
        _check_terms(terms, case.kind)
        _check_rating(ctx, case, terms)
        blocking = investigation.leave_problems(ctx, case_id, case.kind)
        if blocking:  # R23: interviewed, and every required document received or waived
            raise RuleError(blocking[0])
        pipeline.move_case(ctx, session, case_id, Action.RECOMMEND, expected_version)
        loan_store.insert_recommendation(
            ctx.store,
            case_id=case_id,
            at=ctx.stamp(),
            by_user=session.user_id,
            product=terms.product,
            limit_fen=terms.limit_fen,
            daily_rate=str(terms.daily_rate),
            term_months=terms.term_months,
            plan=terms.plan.value,
            note=note.strip(),
            kind="recommend",
        )


_T_BLACKLISTED = QT_TRANSLATE_NOOP(
    "messages", "The customer is on the blacklist ({reason}): it is refused any new loan (R33)."
)
_T_RATED_DECLINE = QT_TRANSLATE_NOOP(
    "messages",
    "The latest rating declines this case; decline it here rather than lend (R17, R20).",
)
_T_OVER_RATING = QT_TRANSLATE_NOOP(
    "messages",
    "A limit of {limit} is above the {rated} the rating allows (R19); re-score the case on "
    "adjusted figures if the business supports more.",
)


def rating_problem(ctx: Context, case: case_store.CaseRecord, limit_fen: int) -> Message | None:
    """Why the rules do not let this case be lent ``limit_fen`` now, or None: a blacklist
    entry in force on the customer (R33, checked live: it may be newer than the rating), a
    latest rating that declines it, or a limit above the rating's (R19)."""
    hits = blacklist_of_case(ctx, case)
    if hits:
        return Message.of(_T_BLACKLISTED, reason=hits[0].reason)
    decision = rating_store.latest_decision(ctx.store, case.id)
    if decision is None:
        return None  # older books without a rating: the terms' own rules only
    if decision.outcome == "decline":
        return Message.of(_T_RATED_DECLINE)
    rated = decision.combined_limit_fen
    if rated is not None and limit_fen > rated:
        return Message.of(_T_OVER_RATING, limit=_yuan(limit_fen), rated=_yuan(rated))
    return None


def _check_rating(ctx: Context, case: case_store.CaseRecord, terms: LoanTerms | None) -> None:
    problem = rating_problem(ctx, case, terms.limit_fen if terms is not None else 0)
    if problem is not None:
        raise RuleError(problem)


def _yuan(fen: int) -> str:
    return f"¥{fen // 100:,}.{fen % 100:02d}"


# --- sign ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignOutcome:
    approved: bool  # True: the case went to disbursement; False: first of two signatures
    terms: LoanTerms


_T_NO_PROPOSAL = QT_TRANSLATE_NOOP(
    "messages", "There are no recommended terms to approve; send the case back to investigation."
)
_T_NO_AUTHORITY = QT_TRANSLATE_NOOP(
    "messages", "You hold no approval authority; an administrator sets it."
)
_T_AMEND_REASON = QT_TRANSLATE_NOOP("messages", "Give a reason for amending the terms.")


def approve(
    ctx: Context,
    session: Session,
    case_id: int,
    expected_version: int,
    amended: LoanTerms | None = None,
    reason: str = "",
) -> SignOutcome:
    """Sign the proposed terms, or amended ones (which replace the proposal, with a reason).

    Within the signer's authority the approval completes; above it the signature is the
    first of two and the case waits for a second approver whose authority covers it.
    """
    at = ctx.stamp()
    with ctx.store.write():
        case = pipeline.load_case(ctx, case_id)
        _check_version(case, expected_version)
        check_move(pipeline.case_facts(case), Action.APPROVE, session.actor, reason)
        state = approval_state(ctx, case_id)
        if state.proposal is None or state.terms is None:
            raise _refuse(_T_NO_PROPOSAL)
        authority = loan_store.authority_of(ctx.store, session.user_id)
        if authority <= 0:
            raise _refuse(_T_NO_AUTHORITY)
        drawn = _drawn_loan_problem(ctx, case_id)
        if drawn is not None:
            raise RuleError(drawn)
        _check_rating(ctx, case, amended or state.terms)
        proposal_id, terms, signatures = state.proposal.id, state.terms, state.signatures
        if amended is not None and amended != terms:
            if not reason.strip():
                raise _refuse(_T_AMEND_REASON)
            _check_terms(amended, case.kind)
            proposal_id = loan_store.insert_recommendation(
                ctx.store,
                case_id=case_id,
                at=at,
                by_user=session.user_id,
                product=amended.product,
                limit_fen=amended.limit_fen,
                daily_rate=str(amended.daily_rate),
                term_months=amended.term_months,
                plan=amended.plan.value,
                note=reason.strip(),
                kind="amend",
            )
            terms, signatures = amended, ()
        signed = [Signature(s.by_user, s.authority_fen, terms) for s in signatures]
        problem = rules.second_signature_problem(terms, signed, session.user_id, authority)
        if problem is not None:
            raise RuleError(problem)
        completes = authority >= terms.limit_fen
        loan_store.insert_signature(
            ctx.store,
            case_id=case_id,
            recommendation_id=proposal_id,
            at=at,
            by_user=session.user_id,
            authority_fen=authority,
            completes=int(completes),
            reason=reason.strip(),
        )
        if completes:
            pipeline.move_case(ctx, session, case_id, Action.APPROVE, expected_version, reason)
            _open_loan(ctx, case, proposal_id, terms, at, session.user_id)
        else:
            case_store.update_case(ctx.store, case_id, expected_version, session.user_id, at)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="approval:sign" if completes else "approval:first_signature",
            after={
                "recommendation_id": proposal_id,
                "limit_fen": terms.limit_fen,
                "daily_rate": str(terms.daily_rate),
                "term_months": terms.term_months,
                "plan": terms.plan.value,
                "authority_fen": authority,
            },
        )
    return SignOutcome(completes, terms)


def decline(
    ctx: Context, session: Session, case_id: int, expected_version: int, reason: str
) -> None:
    """Decline at approval; the reason is required and kept on the move. A loan left from
    an earlier approval (the case was sent back from disbursement) is closed with it: it was
    never drawn, or the case could not have come back."""
    at = ctx.stamp()
    with ctx.store.write():
        pipeline.move_case(ctx, session, case_id, Action.DECLINE, expected_version, reason)
        row = loan_store.loan(ctx.store, case_id)
        if row is not None and row.status == "active":
            loan_store.close_loan(ctx.store, case_id)
            user_store.record_audit(
                ctx.store,
                at=at,
                actor_id=session.user_id,
                entity="loan",
                entity_id=case_id,
                action="close:declined",
                before={"status": row.status, "limit_fen": row.limit_fen},
                after={"status": "closed"},
            )


_T_DRAWN = QT_TRANSLATE_NOOP(
    "messages",
    "The loan of case {case} already has entries on its ledger (a draw or a payment): a new "
    "approval cannot replace its terms.",
)


def _drawn_loan_problem(ctx: Context, case_id: int) -> Message | None:
    """Why a new approval cannot replace the loan left from an earlier one, or None. Only a
    loan whose ledger is empty (never drawn) can take new terms."""
    if loan_store.loan(ctx.store, case_id) is None:
        return None
    if loan_store.has_entries(ctx.store, case_id) or loan_store.draw_count(ctx.store, case_id):
        return Message.of(_T_DRAWN, case=case_id)
    return None


def _open_loan(
    ctx: Context,
    case: case_store.CaseRecord,
    proposal_id: int,
    terms: LoanTerms,
    at: str,
    by: int,
) -> None:
    """The loan, with an empty ledger, from the approval's date for the approved term.

    A case approved again after it was sent back (from disbursement, its loan never drawn)
    keeps its loan row: the terms, the period and the empty state are replaced, audited
    with the terms before and after.
    """
    opened = date.fromisoformat(at[:10])
    until = add_months(opened, terms.term_months)
    state = new_loan(str(case.id), opened)
    event = next_event(state, until)
    fields = {
        "recommendation_id": proposal_id,
        "product": terms.product,
        "limit_fen": terms.limit_fen,
        "daily_rate": str(terms.daily_rate),
        "term_months": terms.term_months,
        "plan": terms.plan.value,
        "approved_at": at,
        "opened_on": opened.isoformat(),
        "available_until": until.isoformat(),
        "accrued_through": opened.isoformat(),
        "next_event_on": None if event is None else event.isoformat(),
        "state": loan_codec.encode_state(state),
    }
    old = loan_store.loan(ctx.store, case.id)
    if old is None:
        loan_store.insert_loan(ctx.store, case_id=case.id, customer_id=case.customer_id, **fields)
        return
    problem = _drawn_loan_problem(ctx, case.id)
    if problem is not None:  # approve checks first; this guards every caller
        raise RuleError(problem)
    loan_store.replace_terms(ctx.store, case.id, customer_id=case.customer_id, **fields)
    shown = ("product", "limit_fen", "daily_rate", "term_months", "plan", "approved_at")
    shown += ("opened_on", "available_until", "recommendation_id", "status")
    new = loan_store.loan(ctx.store, case.id)
    user_store.record_audit(
        ctx.store,
        at=at,
        actor_id=by,
        entity="loan",
        entity_id=case.id,
        action="terms:replaced",
        before={name: getattr(old, name) for name in shown},
        after={name: getattr(new, name) for name in shown},
    )


# --- the straight-through lane (R39) ---------------------------------------------------------


def system_authority(ctx: Context) -> int:
    text = user_store.meta_value(ctx.store, loan_store.SYSTEM_AUTHORITY_KEY)
    return int(text) if text is not None else rules.SYSTEM_AUTHORITY_FEN


def lane_terms(ctx: Context, case: case_store.CaseRecord, decision: Decision) -> LoanTerms | None:
    """The terms the system approves a case on, or None when it must go to people."""
    if decision.limit is None or decision.score is None:
        return None
    product = case.product if case.product in ("credit", "order") else "credit"
    offers = {o.product: o for o in decision.limit.offers}
    offer = offers.get(product)
    if offer is None:
        return None
    limit = min(case.amount_fen, offer.limit_fen, decision.limit.combined_limit_fen)
    try:
        app, _ = _application_of(ctx, case.id)
    except RuleError:
        return None  # no application on file: nothing to call complete
    facts = LaneFacts(
        customer_kind=case.kind,
        outcome=decision.outcome.value,
        tier=decision.score.tier,
        flags=(*decision.legal_flags, *(h.kind for h in decision.blacklist_hits)),
        limit_fen=limit,
        missing=missing_figures(app),
    )
    if rules.lane_refusals(facts, system_authority(ctx)):
        return None
    terms = LoanTerms(product, limit, offer.daily_rate, offer.term_months, Plan.INTEREST_MONTHLY)
    return None if rules.terms_problems(terms, case.kind) else terms


def open_loan(
    ctx: Context, case_id: int, proposal_id: int, terms: LoanTerms, at: str, by: int
) -> None:
    """The approved limit opened on the loan book, for an approval recorded by the caller
    (the demo's books built by stage; inside the caller's transaction)."""
    _open_loan(ctx, pipeline.load_case(ctx, case_id), proposal_id, terms, at, by)


def approve_by_system(
    ctx: Context, case_id: int, expected_version: int, terms: LoanTerms, at: str
) -> None:
    """The lane: the system recommends and signs within its own authority and the case goes
    straight to disbursement, recorded as the system's (inside the caller's transaction)."""
    system = _system_session(ctx, at)
    pipeline.move_case(ctx, system, case_id, Action.AUTO_APPROVE, expected_version)
    proposal_id = loan_store.insert_recommendation(
        ctx.store,
        case_id=case_id,
        at=at,
        by_user=system.user_id,
        product=terms.product,
        limit_fen=terms.limit_fen,
        daily_rate=str(terms.daily_rate),
        term_months=terms.term_months,
        plan=terms.plan.value,
        note="",
        kind="system",
    )
    loan_store.insert_signature(
        ctx.store,
        case_id=case_id,
        recommendation_id=proposal_id,
        at=at,
        by_user=system.user_id,
        authority_fen=system_authority(ctx),
        completes=1,
        reason="straight-through",
    )
    _open_loan(ctx, pipeline.load_case(ctx, case_id), proposal_id, terms, at, system.user_id)


# --- the checker's inbox ---------------------------------------------------------------------


@dataclass(frozen=True)
class InboxItem:
    case_id: int
    version: int
    business_name: str
    kind: str
    tier: str | None
    risk: str
    terms: LoanTerms
    proposed_by: str
    proposal_kind: str
    waiting_since: str
    signed_by: tuple[str, ...]  # first signatures already on these terms
    within_authority: bool  # this user's signature completes the approval
    may_bulk: bool  # no amendment and within authority: may be approved in a batch
    blocked: Message | None  # why this user cannot sign (another's second signature needed…)


def inbox(ctx: Context, session: Session) -> list[InboxItem]:
    """The cases waiting for this user's signature, oldest first (R25)."""
    require(session, Permission.REVIEW_QUEUES)
    authority = loan_store.authority_of(ctx.store, session.user_id)
    items = []
    for case_id, _version in loan_store.approval_queue(ctx.store):
        case = pipeline.load_case(ctx, case_id)
        try:
            check_move(pipeline.case_facts(case), Action.APPROVE, session.actor)
        except RuleError:
            continue  # maker-checker: not this user's to sign
        state = approval_state(ctx, case_id)
        if state.terms is None or state.proposal is None:
            continue
        signed = [Signature(s.by_user, s.authority_fen, state.terms) for s in state.signatures]
        blocked = rules.second_signature_problem(state.terms, signed, session.user_id, authority)
        if blocked is None and authority <= 0:
            blocked = Message.of(_T_NO_AUTHORITY)
        if any(s.by_user == session.user_id for s in state.signatures):
            continue  # signed already: waits for someone else
        within = authority >= state.terms.limit_fen
        items.append(
            InboxItem(
                case_id=case_id,
                version=case.version,
                business_name=case.business_name,
                kind=case.kind,
                tier=case.tier,
                risk=case.risk,
                terms=state.terms,
                proposed_by=state.proposal.by_name,
                proposal_kind=state.proposal.kind,
                waiting_since=case.stage_entered_at,
                signed_by=tuple(s.by_name for s in state.signatures),
                within_authority=within,
                may_bulk=blocked is None and within,
                blocked=blocked,
            )
        )
    return items


@dataclass(frozen=True)
class BulkResult:
    approved: tuple[int, ...]
    refused: tuple[tuple[int, Message], ...]


def bulk_approve(
    ctx: Context, session: Session, cases: list[tuple[int, int]], reason: str = ""
) -> BulkResult:
    """Sign each (case, version) as proposed, each in its own transaction; a case that needs
    an amendment or a second signature is refused with its reason, the rest go through."""
    approved, refused = [], []
    for case_id, version in cases:
        try:
            state = approval_state(ctx, case_id)
            if state.terms is not None and state.terms.limit_fen > loan_store.authority_of(
                ctx.store, session.user_id
            ):
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Above your approval authority: open the case and sign it as the first "
                        "of two.",
                    )
                )
            approve(ctx, session, case_id, version, reason=reason)
            approved.append(case_id)
        except RuleError as exc:
            refused.append((case_id, exc.message))
    return BulkResult(tuple(approved), tuple(refused))


# --- authority (admin) -------------------------------------------------------------------------


def authorities(ctx: Context, session: Session) -> list[loan_store.AuthorityRow]:
    require(session, Permission.MANAGE_USERS)
    return loan_store.authority_rows(ctx.store)


def set_authority(ctx: Context, session: Session, user_id: int, max_fen: int) -> None:
    """Set what a supervisor may approve alone (admin)."""
    require(session, Permission.MANAGE_USERS)
    if max_fen < 0:
        raise _refuse(QT_TRANSLATE_NOOP("messages", "An authority cannot be negative."))
    at = ctx.stamp()
    with ctx.store.write():
        user = user_store.user_by_id(ctx.store, user_id)
        if user is None or user.role != Role.SUPERVISOR.value:
            raise _refuse(QT_TRANSLATE_NOOP("messages", "Only supervisors approve loans."))
        before = loan_store.authority_of(ctx.store, user_id)
        loan_store.set_authority(ctx.store, user_id, max_fen, session.user_id, at)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="user",
            entity_id=user_id,
            action="authority",
            before={"max_fen": before},
            after={"max_fen": max_fen},
        )


def set_system_authority(ctx: Context, session: Session, max_fen: int) -> None:
    """Set the straight-through lane's authority (R39; admin)."""
    require(session, Permission.MANAGE_USERS)
    if max_fen < 0:
        raise _refuse(QT_TRANSLATE_NOOP("messages", "An authority cannot be negative."))
    at = ctx.stamp()
    with ctx.store.write():
        before = system_authority(ctx)
        user_store.set_meta_value(ctx.store, loan_store.SYSTEM_AUTHORITY_KEY, str(max_fen))
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="settings",
            entity_id=None,
            action="system_authority",
            before={"max_fen": before},
            after={"max_fen": max_fen},
        )


def straight_through_counts(ctx: Context, since: str) -> tuple[int, int]:
    """(approved by the lane, approved in all) since ``since``: for the board (R39)."""
    return loan_store.straight_through_counts(ctx.store, since)


__all__ = [
    "ApprovalSheet",
    "ApprovalState",
    "BulkResult",
    "InboxItem",
    "SignOutcome",
    "approval_sheet",
    "approval_state",
    "approve",
    "approve_by_system",
    "authorities",
    "bulk_approve",
    "decline",
    "inbox",
    "lane_terms",
    "recommend",
    "set_authority",
    "set_system_authority",
    "straight_through_counts",
    "suggested_terms",
    "system_authority",
    "terms_of",
]
