"""The credit factory's use cases: move a case, claim it, reassign it, read the board.

Each write is one transaction with an audit event; a stale version or a refused move leaves
the database exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from workstation.domain import postings
from workstation.domain.ledger import accrue
from workstation.domain.line_speed import (
    DEFAULT_LIMITS,
    StageLimit,
    StageLoad,
    bottleneck,
    breach_cutoff,
)
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role, mask_sensitive, may
from workstation.domain.stages import (
    FINAL_STAGES,
    MAIN_LINE,
    MOVES,
    SIDE_LANES,
    WORK_STAGES,
    Action,
    CaseFacts,
    Stage,
    actions_from,
    check_move,
    holder_after_move,
    may_claim,
    risk_after_cure,
)
from workstation.services.context import Context, Session, require
from workstation.store import board as board_store
from workstation.store import cases as case_store
from workstation.store import loan_codec
from workstation.store import loans as loan_store
from workstation.store import rating as rating_store
from workstation.store import users as user_store
from workstation.store.board import CaseListRow, CaseQuery, OfficerLoad
from workstation.store.cases import CaseRecord, MoveRecord, NoSuchCase, StaleCase

THROUGHPUT_DAYS = 7
OPEN_STAGES: tuple[str, ...] = tuple(s.value for s in Stage if s not in FINAL_STAGES)
WAITING_STAGES: tuple[str, ...] = tuple(s.value for s in WORK_STAGES)


def stale_error(exc: StaleCase) -> RuleError:
    return RuleError(
        Message.of(
            QT_TRANSLATE_NOOP(
                "messages",
                "Case {case} was changed by {who} at {when}; it has been reloaded. "
                "Nothing of yours was saved; check it and try again.",
            ),
            case=exc.case_id,
            who=exc.changed_by or "?",
            when=(exc.changed_at or "?").replace("T", " "),
        )
    )


def _missing(case_id: int) -> RuleError:
    return RuleError(
        Message.of(QT_TRANSLATE_NOOP("messages", "There is no case {case}."), case=case_id)
    )


def load_case(ctx: Context, case_id: int) -> CaseRecord:
    try:
        return case_store.case_by_id(ctx.store, case_id)
    except NoSuchCase:
        raise _missing(case_id) from None


def case_facts(case: CaseRecord) -> CaseFacts:
    return CaseFacts(
        stage=Stage(case.stage),
        officer_id=case.officer_id,
        recommended_by=case.recommended_by,
        bank_referred=case.partner_bank is not None,
        worked_by=frozenset(int(x) for x in (case.worked_by_ids or "").split(",") if x),
    )


def _may_hold(ctx: Context, officer_id: int, stage: Stage) -> bool:
    """Whether the officer can work on a case in ``stage``, so it may stay in their list."""
    officer = user_store.user_by_id(ctx.store, officer_id)
    return officer is not None and officer.active and may_claim(Role(officer.role), stage)


_LEDGER_MOVES = (Action.SETTLE, Action.CURE, Action.MARK_OVERDUE)


def _check_rated(ctx: Context, case_id: int, action: Action) -> None:
    """A case goes from rating to investigation only on a rating decision that does not
    decline it (R13-R20): the scorecard, the blacklist and the macro rules must have spoken
    (found in review: a hand move skipped them)."""
    if action != Action.RATE or rating_store.application_row(ctx.store, case_id) is None:
        return  # no application on file (older books): nothing the rules could score
    decision = rating_store.latest_decision(ctx.store, case_id)
    if decision is None:
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The case has no rating decision yet: score it before it goes to "
                    "investigation.",
                )
            )
        )
    if decision.outcome == "decline":
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The latest rating decision declines the case; it cannot go to "
                    "investigation.",
                )
            )
        )


def _check_ledger(ctx: Context, case_id: int, action: Action) -> None:
    """A move that states a fact about the money (settled, arrears paid, overdue) must agree
    with the loan's ledger, whoever makes it."""
    if action not in _LEDGER_MOVES:
        return
    row = loan_store.loan(ctx.store, case_id)
    if row is None:
        return  # a case without a loan on the ledger (older books): the line's rules only
    state = loan_codec.decode_state(row.state)
    today = ctx.clock.now().date()
    state = accrue(state, max(today, state.accrued_through))
    late = postings.days_past_due(state, today) > 0
    refusal = None
    if action == Action.SETTLE and not postings.owes_nothing(state):
        refusal = QT_TRANSLATE_NOOP(
            "messages", "The loan is not repaid in full: its ledger still shows money owed."
        )
    elif action == Action.CURE and late:
        refusal = QT_TRANSLATE_NOOP(
            "messages", "The arrears are not paid: its ledger still shows amounts past due."
        )
    elif action == Action.MARK_OVERDUE and not late:
        refusal = QT_TRANSLATE_NOOP("messages", "Nothing on the loan's ledger is past due.")
    if refusal is not None:
        raise RuleError(Message.of(refusal))


def move_case(
    ctx: Context,
    session: Session,
    case_id: int,
    action: Action,
    expected_version: int,
    reason: str = "",
) -> Stage:
    """Move a case along the line; returns the new stage.

    The state machine decides whether the move is allowed; the version check makes sure
    the officer decided on what is really there.
    """
    at = ctx.stamp()
    with ctx.store.write():
        case = load_case(ctx, case_id)
        if case.version != expected_version:
            raise stale_error(StaleCase(case_id, case.updated_by_name, case.updated_at))
        facts = case_facts(case)
        if action == Action.CURE:  # back to early warning if it fell overdue from there
            source = case_store.overdue_from(ctx.store, case_id)
            facts = replace(facts, overdue_from=Stage(source) if source else None)
        target = check_move(facts, action, session.actor, reason)
        _check_ledger(ctx, case_id, action)
        _check_rated(ctx, case_id, action)
        fields: dict[str, object] = {
            "stage": target.value,
            "stage_entered_at": at,
            "officer_id": holder_after_move(
                facts, action, target, session.actor, lambda uid, st: _may_hold(ctx, uid, st)
            ),
        }
        if action == Action.RECOMMEND:
            fields["recommended_by"] = session.user_id
        elif action == Action.MARK_OVERDUE:  # by hand as by the close of day: red, the risk
            loan_store.remember_risk_before_overdue(ctx.store, (case_id,))  # kept for a cure
            fields["risk"] = "red"
        elif action == Action.CURE:  # late once: amber (or red under a warning) for review
            kept = loan_store.risk_before_overdue(ctx.store, case_id)
            loan_store.forget_risk_before_overdue(ctx.store, case_id)
            fields["risk"] = risk_after_cure(target, kept)
        try:
            case_store.update_case(
                ctx.store, case_id, expected_version, session.user_id, at, **fields
            )
        except StaleCase as exc:
            raise stale_error(exc) from None
        case_store.insert_move(
            ctx.store,
            case_id,
            case.stage,
            target.value,
            action.value,
            session.user_id,
            at,
            reason.strip(),
        )
        if action == Action.SETTLE:  # repaid in full: the loan takes no more draws or money
            loan_store.close_loan(ctx.store, case_id)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action=f"move:{action.value}",
            before={
                "stage": case.stage,
                "version": case.version,
                "officer_id": case.officer_id,
                "recommended_by": case.recommended_by,
            },
            after={
                "stage": target.value,
                "version": case.version + 1,
                "officer_id": fields["officer_id"],
                "recommended_by": fields.get("recommended_by", case.recommended_by),
                "reason": reason.strip(),
            },
        )
    return target


def claim_case(ctx: Context, session: Session, case_id: int, expected_version: int) -> None:
    """Take an unassigned case from a stage queue into the officer's own work list."""
    require(session, Permission.CLAIM_CASE)
    at = ctx.stamp()
    with ctx.store.write():
        case = load_case(ctx, case_id)
        if case.version != expected_version:
            raise stale_error(StaleCase(case_id, case.updated_by_name, case.updated_at))
        if not may_claim(session.role, Stage(case.stage)):
            raise RuleError(
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "messages", "The role “{role}” cannot work on cases in “{stage}”."
                    ),
                    role=session.role.value,
                    stage=case.stage,
                )
            )
        if case.officer_id is not None and case.officer_id != session.user_id:
            raise RuleError(
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "{who} has already claimed case {case}; a supervisor can reassign it.",
                    ),
                    who=case.officer_name or "?",
                    case=case_id,
                )
            )
        if case.officer_id == session.user_id:
            return
        case_store.update_case(
            ctx.store, case_id, expected_version, session.user_id, at, officer_id=session.user_id
        )
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="claim",
            before={"officer_id": None},
            after={"officer_id": session.user_id},
        )


def reassign_case(
    ctx: Context,
    session: Session,
    case_id: int,
    expected_version: int,
    officer_id: int | None,
    reason: str = "",
) -> None:
    """A supervisor hands a case to another officer (or back to the stage queue)."""
    require(session, Permission.REASSIGN_CASE)
    at = ctx.stamp()
    with ctx.store.write():
        case = load_case(ctx, case_id)
        if case.version != expected_version:
            raise stale_error(StaleCase(case_id, case.updated_by_name, case.updated_at))
        if officer_id == case.officer_id:
            return  # already there: no new version to trip a colleague's open page
        if officer_id is not None:
            officer = user_store.user_by_id(ctx.store, officer_id)
            if (
                officer is None
                or not officer.active
                or not may_claim(Role(officer.role), Stage(case.stage))
            ):
                raise RuleError(
                    Message.of(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "That person cannot work on cases in “{stage}”; choose another.",
                        ),
                        stage=case.stage,
                    )
                )
        case_store.update_case(
            ctx.store, case_id, expected_version, session.user_id, at, officer_id=officer_id
        )
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="reassign",
            before={"officer_id": case.officer_id},
            after={"officer_id": officer_id, "reason": reason.strip()},
        )


def reassign_cases(
    ctx: Context,
    session: Session,
    versions: dict[int, int],
    officer_id: int | None,
    reason: str = "",
) -> list[tuple[int, RuleError]]:
    """Reassign several cases; each is its own transaction. Returns those refused, with why."""
    refused: list[tuple[int, RuleError]] = []
    for case_id, version in versions.items():
        try:
            reassign_case(ctx, session, case_id, version, officer_id, reason)
        except RuleError as exc:
            refused.append((case_id, exc))
    return refused


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRecord
    history: list[MoveRecord]
    allowed_actions: tuple[Action, ...]  # what this session may do now
    may_claim: bool
    may_reassign: bool
    may_reveal: bool
    # moves the line allows but the loan's ledger contradicts (settle while money is owed…)
    ledger_refused: tuple[tuple[Action, RuleError], ...] = ()


def case_detail(ctx: Context, session: Session, case_id: int) -> CaseDetail:
    require(session, Permission.VIEW_CASES)
    case = load_case(ctx, case_id)
    facts = case_facts(case)
    allowed = []
    money_refused = []
    for action in actions_from(facts.stage):
        try:
            check_move(facts, action, session.actor, reason="(checking)")
        except RuleError:
            continue
        try:
            _check_ledger(ctx, case_id, action)
        except RuleError as exc:  # the line allows it, the money does not: shown greyed
            money_refused.append((action, exc))
            continue
        allowed.append(action)
    return CaseDetail(
        # Masked here, for every role (R37): the full value only through an audited reveal.
        case=replace(
            case,
            owner_id_number=mask_sensitive(case.owner_id_number),
            owner_phone=mask_sensitive(case.owner_phone, 3, 4),
        ),
        history=case_store.case_history(ctx.store, case_id),
        allowed_actions=tuple(allowed),
        may_claim=may_claim(session.role, facts.stage)
        and case.officer_id is None
        and may(session.role, Permission.CLAIM_CASE),
        may_reassign=may(session.role, Permission.REASSIGN_CASE),
        may_reveal=may(session.role, Permission.REVEAL_PERSONAL_DATA),
        ledger_refused=tuple(money_refused),
    )


def reveal_personal_data(ctx: Context, session: Session, case_id: int, field: str) -> str:
    """Show one unmasked ID number or phone (R37); every reveal is audited."""
    require(session, Permission.REVEAL_PERSONAL_DATA)
    case = load_case(ctx, case_id)
    values = {"owner_id_number": case.owner_id_number, "owner_phone": case.owner_phone}
    if field not in values:
        raise RuleError(Message.of(QT_TRANSLATE_NOOP("messages", "Nothing to reveal.")))
    with ctx.store.write():
        user_store.record_audit(
            ctx.store,
            at=ctx.stamp(),
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="reveal",
            after={"field": field},
        )
    return values[field]


@dataclass(frozen=True)
class BoardSnapshot:
    """Everything the board's lanes show, at one moment."""

    at: datetime
    loads: dict[Stage, StageLoad]
    bottleneck: Stage | None
    total_open: int


def breach_cutoffs(
    now: datetime, limits: dict[Stage, StageLimit] = DEFAULT_LIMITS
) -> dict[str, str]:
    cutoffs: dict[str, str] = {}
    for stage in limits:
        cutoff = breach_cutoff(stage, now, limits)
        if cutoff is not None:
            cutoffs[stage.value] = cutoff.isoformat(timespec="seconds")
    return cutoffs


def board_snapshot(ctx: Context) -> BoardSnapshot:
    """Per-stage queue, risk mix, oldest wait, breaches and throughput; the bottleneck."""
    now = ctx.clock.now()
    aggregates = {a.stage: a for a in board_store.stage_aggregates(ctx.store, breach_cutoffs(now))}
    since = (now - timedelta(days=THROUGHPUT_DAYS)).isoformat(timespec="seconds")
    moved = board_store.moves_out_since(ctx.store, since)
    loads: dict[Stage, StageLoad] = {}
    for stage in (*MAIN_LINE, *SIDE_LANES):
        agg = aggregates.get(stage.value)
        loads[stage] = StageLoad(
            stage=stage,
            waiting=agg.waiting if agg else 0,
            green=agg.green if agg else 0,
            amber=agg.amber if agg else 0,
            red=agg.red if agg else 0,
            breached=agg.breached if agg else 0,
            oldest_entered=datetime.fromisoformat(agg.oldest_entered)
            if agg and agg.oldest_entered
            else None,
            throughput_per_day=moved.get(stage.value, 0) / THROUGHPUT_DAYS,
        )
    total_open = sum(load.waiting for stage, load in loads.items() if stage not in FINAL_STAGES)
    return BoardSnapshot(now, loads, bottleneck(list(loads.values())), total_open)


def find_case_ids(ctx: Context, query: CaseQuery) -> list[int]:
    return board_store.case_ids(ctx.store, query)


def case_list_rows(ctx: Context, ids: list[int]) -> dict[int, CaseListRow]:
    return board_store.case_rows(ctx.store, ids)


def breached_query(ctx: Context, **narrowing: object) -> CaseQuery:
    """A query for every case past its stage's time limit now, oldest first."""
    cutoffs = breach_cutoffs(ctx.clock.now())
    return CaseQuery(breached_cutoffs=cutoffs, sort="stage_entered_at", **narrowing)  # type: ignore[arg-type]


def officer_loads(ctx: Context, session: Session) -> list[OfficerLoad]:
    require(session, Permission.REVIEW_QUEUES)
    return board_store.officer_loads(ctx.store, OPEN_STAGES)


def assignable_officers(ctx: Context, stage: Stage) -> list[user_store.UserRow]:
    """Active people whose role can work on ``stage``."""
    return [
        u for u in user_store.all_users(ctx.store) if u.active and may_claim(Role(u.role), stage)
    ]


def refused_actions(detail: CaseDetail, session: Session) -> tuple[tuple[Action, RuleError], ...]:
    """Moves this session's role makes out of the case's stage that the rules refuse now.

    Maker–checker and another officer's work list refuse a move the role could otherwise
    make; the case page shows these greyed out with the reason, instead of hiding them.
    """
    facts = case_facts(detail.case)
    refused: list[tuple[Action, RuleError]] = list(detail.ledger_refused)
    for rule in MOVES:
        if rule.source != facts.stage or session.role not in rule.roles:
            continue
        if rule.action in detail.allowed_actions or any(
            rule.action == action for action, _ in refused
        ):
            continue  # allowed, or already named (an action may have two rules: CURE)
        try:
            check_move(facts, rule.action, session.actor, reason="(checking)")
        except RuleError as exc:
            refused.append((rule.action, exc))
    return tuple(refused)


def unassigned_load(ctx: Context, session: Session) -> board_store.QueueLoad:
    """The stage queues' open cases nobody holds, for the supervisor's queue review."""
    require(session, Permission.REVIEW_QUEUES)
    return board_store.unassigned_load(ctx.store, OPEN_STAGES, WAITING_STAGES)


def officer_oldest_waits(ctx: Context, session: Session) -> dict[int, str | None]:
    """Each officer's oldest case waiting for a person (work stages only), by officer id.

    ``officer_loads`` takes the oldest over every open stage, where a loan in monitoring
    since spring would hide the application that has waited two days.
    """
    require(session, Permission.REVIEW_QUEUES)
    loads = board_store.officer_loads(ctx.store, WAITING_STAGES)
    return {load.officer_id: load.oldest_entered for load in loads}


def release_cases_of(
    ctx: Context, session: Session, user_id: int, role: Role, active: bool, why: str
) -> list[int]:
    """Return to their stage queues the cases a user holds but can no longer act on.

    Runs inside the caller's transaction when an admin switches a user off or changes their
    role, so no case is stranded in a list nobody else may touch. Each release is audited.
    """
    at = ctx.stamp()
    released = []
    for case_id, stage, version in case_store.open_cases_held_by(ctx.store, user_id, OPEN_STAGES):
        if active and may_claim(role, Stage(stage)):
            continue
        case_store.update_case(ctx.store, case_id, version, session.user_id, at, officer_id=None)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="case",
            entity_id=case_id,
            action="release",
            before={"officer_id": user_id},
            after={"officer_id": None, "reason": why},
        )
        released.append(case_id)
    return released


def move_cases(
    ctx: Context,
    session: Session,
    items: list[tuple[int, int]],
    action: Action,
    reason: str = "",
    risk: str | None = None,
) -> int:
    """Move many (case, version) pairs by one action inside the caller's transaction: the
    same rules as ``move_case`` (``check_move``, ``holder_after_move``), the writes in bulk.
    For the system's nightly moves (a close of day may move thousands of loans to overdue).
    Every case must be movable: the first refusal raises and the transaction rolls back."""
    if action == Action.CURE:  # where each goes depends on where it fell overdue from
        raise ValueError("a cure is moved one case at a time, by move_case")
    if not items:
        return 0
    at = ctx.stamp()
    facts_of = case_store.move_facts(ctx.store, [case_id for case_id, _ in items])
    may_hold: dict[tuple[int, Stage], bool] = {}

    def can_hold(uid: int, stage: Stage) -> bool:
        if (uid, stage) not in may_hold:
            may_hold[uid, stage] = _may_hold(ctx, uid, stage)
        return may_hold[uid, stage]

    moves = []
    for case_id, version in items:
        if case_id not in facts_of:
            raise _missing(case_id)
        stage, officer, recommender, bank, stored_version = facts_of[case_id]
        if stored_version != version:
            raise stale_error(StaleCase(case_id, None, None))
        facts = CaseFacts(Stage(stage), officer, recommender, bool(bank))
        target = check_move(facts, action, session.actor, reason)
        holder = holder_after_move(facts, action, target, session.actor, can_hold)
        moves.append((case_id, version, stage, target.value, holder))
    if action == Action.MARK_OVERDUE:  # the risk each had, for a payment proving it on time
        loan_store.remember_risk_before_overdue(ctx.store, (case_id for case_id, *_ in moves))
    case_store.apply_moves(
        ctx.store, moves, action.value, session.user_id, at, reason.strip(), risk
    )
    user_store.record_audits(
        ctx.store,
        at=at,
        actor_id=session.user_id,
        entity="case",
        action=f"move:{action.value}",
        # the JSON written directly: stage names and integers need no escaping, and a night
        # may move 100,000 loans (json.dumps twice a case was a fifth of the move's cost)
        rows=[
            (case_id, f'{{"stage": "{source}", "version": {version}}}',
             f'{{"stage": "{target}", "version": {version + 1}, "officer_id": '
             f'{"null" if holder is None else holder}}}')
            for case_id, version, source, target, holder in moves
        ],
    )  # fmt: skip
    return len(moves)
