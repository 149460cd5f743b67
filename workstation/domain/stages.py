"""The credit factory line (R21): stages, the moves between them and who may make each.

One table, ``MOVES``, is the whole state machine; ``check_move`` answers a proposed move
with the target stage or a refusal that names the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Role


class Stage(StrEnum):
    APPLICATION = "application"  # 申请
    RATING = "rating"  # 评级
    INVESTIGATION = "investigation"  # 调查
    APPROVAL = "approval"  # 审批
    DISBURSEMENT = "disbursement"  # 放款
    MONITORING = "monitoring"  # 贷中监控
    CLOSED = "closed"  # 结清
    DECLINED = "declined"  # 拒绝
    OVERDUE = "overdue"  # 逾期
    WARNING = "warning"  # 预警收贷
    RECOVERY = "recovery"  # 信用恢复
    BLACKLISTED = "blacklisted"  # 黑名单


MAIN_LINE: tuple[Stage, ...] = (
    Stage.APPLICATION,
    Stage.RATING,
    Stage.INVESTIGATION,
    Stage.APPROVAL,
    Stage.DISBURSEMENT,
    Stage.MONITORING,
    Stage.CLOSED,
)
SIDE_LANES: tuple[Stage, ...] = (
    Stage.OVERDUE,
    Stage.WARNING,
    Stage.RECOVERY,
    Stage.DECLINED,
    Stage.BLACKLISTED,
)
# Stages where a case waits for a person; the line's speed is judged on these.
WORK_STAGES: tuple[Stage, ...] = (
    Stage.APPLICATION,
    Stage.RATING,
    Stage.INVESTIGATION,
    Stage.APPROVAL,
    Stage.DISBURSEMENT,
)
FINAL_STAGES: frozenset[Stage] = frozenset({Stage.CLOSED, Stage.DECLINED})


class Action(StrEnum):
    RECEIVE = "receive"  # the application arrives; opens the history, not a move
    SUBMIT = "submit"  # application complete, send to rating
    RATE = "rate"  # rating done, send to investigation
    DECLINE = "decline"
    RECOMMEND = "recommend"  # investigator recommends for approval
    APPROVE = "approve"
    AUTO_APPROVE = "auto_approve"  # the straight-through lane (R39): the system approves
    SEND_BACK = "send_back"  # back one stage for more work
    DISBURSE = "disburse"
    SETTLE = "settle"  # loan repaid in full
    LAPSE = "lapse"  # an approved limit never drawn by the end of its period
    MARK_OVERDUE = "mark_overdue"
    CURE = "cure"  # arrears paid, back to monitoring
    WARN = "warn"  # early warning raised (R29)
    CLEAR_WARNING = "clear_warning"
    START_RECOVERY = "start_recovery"  # R31
    COMPLETE_RECOVERY = "complete_recovery"
    FAIL_RECOVERY = "fail_recovery"
    BLACKLIST = "blacklist"  # R33
    LIFT_BLACKLIST = "lift_blacklist"


@dataclass(frozen=True)
class MoveRule:
    action: Action
    source: Stage
    target: Stage
    roles: frozenset[Role]
    needs_reason: bool = False


INV, SUP, FIN, SYS = Role.INVESTIGATOR, Role.SUPERVISOR, Role.FINANCE, Role.SYSTEM


def _rule(
    action: Action,
    sources: tuple[Stage, ...],
    target: Stage,
    roles: tuple[Role, ...],
    needs_reason: bool = False,
) -> list[MoveRule]:
    return [MoveRule(action, s, target, frozenset(roles), needs_reason) for s in sources]


MOVES: tuple[MoveRule, ...] = tuple(
    _rule(Action.SUBMIT, (Stage.APPLICATION,), Stage.RATING, (INV, SUP, SYS))
    + _rule(Action.RATE, (Stage.RATING,), Stage.INVESTIGATION, (INV, SUP, SYS))
    + _rule(
        Action.DECLINE,
        (Stage.APPLICATION, Stage.RATING, Stage.INVESTIGATION),
        Stage.DECLINED,
        (INV, SUP, SYS),
        needs_reason=True,
    )
    + _rule(Action.DECLINE, (Stage.APPROVAL,), Stage.DECLINED, (SUP, SYS), needs_reason=True)
    + _rule(Action.RECOMMEND, (Stage.INVESTIGATION,), Stage.APPROVAL, (INV, SUP))
    + _rule(Action.APPROVE, (Stage.APPROVAL,), Stage.DISBURSEMENT, (SUP, SYS))
    + _rule(Action.AUTO_APPROVE, (Stage.RATING,), Stage.DISBURSEMENT, (SYS,))
    + _rule(Action.SEND_BACK, (Stage.APPROVAL,), Stage.INVESTIGATION, (SUP,), needs_reason=True)
    + _rule(Action.SEND_BACK, (Stage.DISBURSEMENT,), Stage.APPROVAL, (FIN, SUP), needs_reason=True)
    + _rule(Action.DISBURSE, (Stage.DISBURSEMENT,), Stage.MONITORING, (FIN,))
    + _rule(Action.LAPSE, (Stage.DISBURSEMENT,), Stage.CLOSED, (SYS,))
    + _rule(
        Action.SETTLE,
        (Stage.MONITORING, Stage.OVERDUE, Stage.WARNING, Stage.RECOVERY),
        Stage.CLOSED,
        (FIN, SYS),
    )
    + _rule(Action.MARK_OVERDUE, (Stage.MONITORING, Stage.WARNING), Stage.OVERDUE, (FIN, SUP, SYS))
    + _rule(Action.CURE, (Stage.OVERDUE,), Stage.MONITORING, (FIN, SUP, SYS))
    # arrears paid on a case that fell overdue while under early warning: the warning stands
    # until a supervisor clears it with a reason (paying late is no review of the signals)
    + _rule(Action.CURE, (Stage.OVERDUE,), Stage.WARNING, (FIN, SUP, SYS))
    + _rule(Action.WARN, (Stage.MONITORING,), Stage.WARNING, (INV, SUP, SYS), needs_reason=True)
    + _rule(Action.CLEAR_WARNING, (Stage.WARNING,), Stage.MONITORING, (SUP,), needs_reason=True)
    + _rule(Action.START_RECOVERY, (Stage.OVERDUE,), Stage.RECOVERY, (SUP,), needs_reason=True)
    + _rule(Action.COMPLETE_RECOVERY, (Stage.RECOVERY,), Stage.MONITORING, (SUP,))
    + _rule(Action.FAIL_RECOVERY, (Stage.RECOVERY,), Stage.OVERDUE, (SUP, SYS), needs_reason=True)
    + _rule(
        Action.BLACKLIST,
        (Stage.OVERDUE, Stage.WARNING, Stage.RECOVERY),
        Stage.BLACKLISTED,
        (SUP,),
        needs_reason=True,
    )
    + _rule(Action.LIFT_BLACKLIST, (Stage.BLACKLISTED,), Stage.CLOSED, (SUP,), needs_reason=True)
)

_BY_KEY: dict[tuple[Stage, Action], MoveRule] = {}
for _move in MOVES:  # the first rule of a (stage, action) is the usual one
    _BY_KEY.setdefault((_move.source, _move.action), _move)


@dataclass(frozen=True)
class CaseFacts:
    """What the rules need to know of a case to judge a move on it."""

    stage: Stage
    officer_id: int | None = None
    recommended_by: int | None = None
    bank_referred: bool = False
    worked_by: frozenset[int] = frozenset()  # people who moved it before approval (R25)
    # the stage it was in when it last fell overdue (MARK_OVERDUE's source); None if never
    overdue_from: Stage | None = None


@dataclass(frozen=True)
class Actor:
    user_id: int
    role: Role
    name: str = ""


# Moves that follow the loan's ledger (the services check the ledger agrees, whoever asks).
LEDGER_MOVES = frozenset({Action.MARK_OVERDUE, Action.CURE, Action.SETTLE})


def actions_from(stage: Stage) -> tuple[Action, ...]:
    """The actions the line allows out of ``stage``, in table order, each once."""
    return tuple(dict.fromkeys(m.action for m in MOVES if m.source == stage))


def check_move(case: CaseFacts, action: Action, actor: Actor, reason: str = "") -> Stage:
    """Return the stage ``action`` takes ``case`` to, or raise ``RuleError`` saying why not."""
    rule = _BY_KEY.get((case.stage, action))
    if rule is None:
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages", "A case in stage “{stage}” cannot be moved by “{action}”."
                ),
                stage=case.stage.value,
                action=action.value,
            )
        )
    if actor.role not in rule.roles:
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages", "The role “{role}” may not “{action}” a case in “{stage}”."
                ),
                role=actor.role.value,
                action=action.value,
                stage=case.stage.value,
            )
        )
    # A case in someone's work list is theirs to move — except the moves that only record
    # what the ledger says (overdue, arrears paid, repaid in full): finance books money on
    # any loan, whoever watches it (found in review: finance was locked out of most loans).
    if (
        actor.role not in (Role.SUPERVISOR, Role.SYSTEM)
        and not (actor.role == Role.FINANCE and action in LEDGER_MOVES)
        and case.officer_id is not None
        and case.officer_id != actor.user_id
    ):
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "This case is in another officer's work list; ask a supervisor to reassign it.",
                )
            )
        )
    if action == Action.APPROVE and (
        case.recommended_by == actor.user_id or actor.user_id in case.worked_by
    ):
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Maker–checker: you worked on this case before approval, so someone else "
                    "must approve it.",
                )
            )
        )
    if action == Action.WARN and case.bank_referred and actor.role == Role.SYSTEM:
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Bank-referred customers are monitored by the partner bank; "
                    "no automatic warning is raised.",
                )
            )
        )
    if rule.needs_reason and not reason.strip():
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "Give a reason for “{action}”."),
                action=action.value,
            )
        )
    return cure_target(case) if action == Action.CURE else rule.target


def cure_target(case: CaseFacts) -> Stage:
    """Where arrears paid take a case: back to early warning if it fell overdue from there
    (R29: only a supervisor clears a warning), else to monitoring."""
    return Stage.WARNING if case.overdue_from == Stage.WARNING else Stage.MONITORING


def risk_after_cure(target: Stage, kept: str | None) -> str:
    """The risk status once arrears are paid late: amber until a supervisor reviews it; a
    case back under early warning keeps red if it had red before it fell overdue."""
    return "red" if target == Stage.WARNING and kept == "red" else "amber"


def holder_after_move(
    case: CaseFacts,
    action: Action,
    target: Stage,
    actor: Actor,
    can_hold: Callable[[int, Stage], bool],
) -> int | None:
    """Whose work list a case is in after a move; None puts it in the stage's queue.

    An investigator who moves an unassigned case takes it on. A case sent back from approval
    returns to the investigator who recommended it. A case leaves the list of someone who
    cannot act in its new stage (a recommended case waits in the approval queue), except a
    closed or declined one, which stays with its officer for the record.
    """
    holder = case.officer_id
    if holder is None and actor.role == Role.INVESTIGATOR:
        holder = actor.user_id
    if action == Action.SEND_BACK:
        holder = case.recommended_by if target == Stage.INVESTIGATION else None
    if target in FINAL_STAGES or holder is None:
        return holder
    return holder if can_hold(holder, target) else None


def may_claim(role: Role, stage: Stage) -> bool:
    """An officer may take a case into their own list where their role can act on it."""
    if role in (Role.ADMIN, Role.SYSTEM):
        return False
    return any(m.source == stage and role in m.roles for m in MOVES)
