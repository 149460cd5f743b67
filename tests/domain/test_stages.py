"""The line's state machine (R21, R25, R2, R33), checked against the business reading.

The expected moves are written out here by hand, role by role, from DOMAIN.md — not read
back from ``MOVES`` — so a slip in the table shows up as a failing test.
"""

from __future__ import annotations

import itertools

import pytest

from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.domain.stages import (
    FINAL_STAGES,
    MAIN_LINE,
    SIDE_LANES,
    Action,
    Actor,
    CaseFacts,
    Stage,
    actions_from,
    check_move,
    may_claim,
    risk_after_cure,
)

S, A = Stage, Action

# Who may do what, as a credit officer would say it: (from stage, action) -> target.
_FRONT_OFFICE = {  # application work: investigators, supervisors, and the system's rating
    (S.APPLICATION, A.SUBMIT): S.RATING,
    (S.RATING, A.RATE): S.INVESTIGATION,
    (S.APPLICATION, A.DECLINE): S.DECLINED,
    (S.RATING, A.DECLINE): S.DECLINED,
    (S.INVESTIGATION, A.DECLINE): S.DECLINED,
}
INVESTIGATOR_MAY = {
    **_FRONT_OFFICE,
    (S.INVESTIGATION, A.RECOMMEND): S.APPROVAL,  # R25: the investigator recommends
    (S.MONITORING, A.WARN): S.WARNING,  # R29: an officer who sees a bad signal raises it
}
SUPERVISOR_MAY = {
    **_FRONT_OFFICE,
    (S.INVESTIGATION, A.RECOMMEND): S.APPROVAL,
    (S.APPROVAL, A.APPROVE): S.DISBURSEMENT,  # R25: a supervisor approves
    (S.APPROVAL, A.DECLINE): S.DECLINED,
    (S.APPROVAL, A.SEND_BACK): S.INVESTIGATION,
    (S.DISBURSEMENT, A.SEND_BACK): S.APPROVAL,
    (S.MONITORING, A.MARK_OVERDUE): S.OVERDUE,
    (S.WARNING, A.MARK_OVERDUE): S.OVERDUE,
    (S.OVERDUE, A.CURE): S.MONITORING,
    (S.MONITORING, A.WARN): S.WARNING,
    (S.WARNING, A.CLEAR_WARNING): S.MONITORING,
    (S.OVERDUE, A.START_RECOVERY): S.RECOVERY,  # R31
    (S.RECOVERY, A.COMPLETE_RECOVERY): S.MONITORING,
    (S.RECOVERY, A.FAIL_RECOVERY): S.OVERDUE,
    (S.OVERDUE, A.BLACKLIST): S.BLACKLISTED,  # R33: only a supervisor decides malice
    (S.WARNING, A.BLACKLIST): S.BLACKLISTED,
    (S.RECOVERY, A.BLACKLIST): S.BLACKLISTED,
    (S.BLACKLISTED, A.LIFT_BLACKLIST): S.CLOSED,  # R33: lifted by a supervisor
}
FINANCE_MAY = {
    (S.DISBURSEMENT, A.DISBURSE): S.MONITORING,  # R25: finance disburses, nobody else
    (S.DISBURSEMENT, A.SEND_BACK): S.APPROVAL,
    (S.MONITORING, A.SETTLE): S.CLOSED,
    (S.OVERDUE, A.SETTLE): S.CLOSED,
    (S.WARNING, A.SETTLE): S.CLOSED,
    (S.RECOVERY, A.SETTLE): S.CLOSED,
    (S.MONITORING, A.MARK_OVERDUE): S.OVERDUE,
    (S.WARNING, A.MARK_OVERDUE): S.OVERDUE,
    (S.OVERDUE, A.CURE): S.MONITORING,
}
SYSTEM_MAY = {
    **_FRONT_OFFICE,
    (S.APPROVAL, A.APPROVE): S.DISBURSEMENT,
    (S.RATING, A.AUTO_APPROVE): S.DISBURSEMENT,  # R39 straight-through lane
    (S.DISBURSEMENT, A.LAPSE): S.CLOSED,  # day-end: the limit's period ended undrawn
    (S.APPROVAL, A.DECLINE): S.DECLINED,
    (S.MONITORING, A.SETTLE): S.CLOSED,  # day-end: repaid in full
    (S.OVERDUE, A.SETTLE): S.CLOSED,
    (S.WARNING, A.SETTLE): S.CLOSED,
    (S.RECOVERY, A.SETTLE): S.CLOSED,
    (S.MONITORING, A.MARK_OVERDUE): S.OVERDUE,
    (S.WARNING, A.MARK_OVERDUE): S.OVERDUE,
    (S.OVERDUE, A.CURE): S.MONITORING,
    (S.MONITORING, A.WARN): S.WARNING,
    (S.RECOVERY, A.FAIL_RECOVERY): S.OVERDUE,
}
ALLOWED: dict[Role, dict[tuple[Stage, Action], Stage]] = {
    Role.INVESTIGATOR: INVESTIGATOR_MAY,
    Role.SUPERVISOR: SUPERVISOR_MAY,
    Role.FINANCE: FINANCE_MAY,
    Role.SYSTEM: SYSTEM_MAY,
    Role.ADMIN: {},  # an admin manages users, never cases
}
# Moves that change a customer's fate for the worse, or undo a check, need a written reason.
NEEDS_REASON = {
    A.DECLINE,
    A.SEND_BACK,
    A.WARN,
    A.CLEAR_WARNING,
    A.START_RECOVERY,
    A.FAIL_RECOVERY,
    A.BLACKLIST,
    A.LIFT_BLACKLIST,
}

ME, OTHER = 7, 8


def _actor(role: Role, user_id: int = ME) -> Actor:
    return Actor(user_id, role, "someone")


@pytest.mark.parametrize("role", list(Role))
def test_every_stage_action_role_is_exactly_the_business_table(role: Role) -> None:
    allowed = ALLOWED[role]
    for stage, action in itertools.product(Stage, Action):
        case = CaseFacts(stage=stage)
        expected = allowed.get((stage, action))
        if expected is None:
            with pytest.raises(RuleError):
                check_move(case, action, _actor(role), reason="a reason")
        else:
            assert check_move(case, action, _actor(role), reason="a reason") == expected, (
                stage,
                action,
                role,
            )


def test_receive_is_never_a_move() -> None:
    for stage, role in itertools.product(Stage, Role):
        with pytest.raises(RuleError):
            check_move(CaseFacts(stage), Action.RECEIVE, _actor(role), "r")


def test_reasons_are_required_exactly_where_the_rules_say() -> None:
    for role, allowed in ALLOWED.items():
        for (stage, action), target in allowed.items():
            case = CaseFacts(stage)
            if action in NEEDS_REASON:
                for blank in ("", "   ", "\n\t"):
                    with pytest.raises(RuleError, match="reason"):
                        check_move(case, action, _actor(role), blank)
            else:
                assert check_move(case, action, _actor(role), "") == target


def test_maker_checker_recommender_cannot_approve_but_another_supervisor_can() -> None:
    case = CaseFacts(Stage.APPROVAL, recommended_by=ME)
    with pytest.raises(RuleError, match="Maker"):
        check_move(case, Action.APPROVE, _actor(Role.SUPERVISOR, ME))
    assert check_move(case, Action.APPROVE, _actor(Role.SUPERVISOR, OTHER)) == Stage.DISBURSEMENT


def test_maker_checker_anyone_who_worked_on_the_case_cannot_approve() -> None:
    case = CaseFacts(Stage.APPROVAL, recommended_by=OTHER, worked_by=frozenset({ME}))
    with pytest.raises(RuleError, match="Maker"):
        check_move(case, Action.APPROVE, _actor(Role.SUPERVISOR, ME))
    assert check_move(case, Action.APPROVE, _actor(Role.SYSTEM, 0)) == Stage.DISBURSEMENT


def test_recommender_may_still_send_back_or_decline() -> None:
    case = CaseFacts(Stage.APPROVAL, recommended_by=ME)
    assert check_move(case, Action.SEND_BACK, _actor(Role.SUPERVISOR), "more") == (
        Stage.INVESTIGATION
    )
    assert check_move(case, Action.DECLINE, _actor(Role.SUPERVISOR), "no") == Stage.DECLINED


def test_investigator_cannot_move_a_case_claimed_by_another() -> None:
    claimed = CaseFacts(Stage.INVESTIGATION, officer_id=OTHER)
    for action in (Action.RECOMMEND, Action.DECLINE):
        with pytest.raises(RuleError, match="another officer"):
            check_move(claimed, action, _actor(Role.INVESTIGATOR, ME), "r")
    mine = CaseFacts(Stage.INVESTIGATION, officer_id=ME)
    assert check_move(mine, Action.RECOMMEND, _actor(Role.INVESTIGATOR, ME)) == Stage.APPROVAL
    unclaimed = CaseFacts(Stage.INVESTIGATION)
    assert check_move(unclaimed, Action.RECOMMEND, _actor(Role.INVESTIGATOR)) == Stage.APPROVAL
    # A supervisor may act on anyone's case.
    assert check_move(claimed, Action.RECOMMEND, _actor(Role.SUPERVISOR, ME)) == Stage.APPROVAL


def test_bank_referred_customer_gets_no_automatic_warning_but_a_person_may_warn() -> None:
    case = CaseFacts(Stage.MONITORING, bank_referred=True)
    with pytest.raises(RuleError, match="partner bank"):
        check_move(case, Action.WARN, _actor(Role.SYSTEM), "sales down 50%")
    assert check_move(case, Action.WARN, _actor(Role.SUPERVISOR), "seen") == Stage.WARNING
    own = CaseFacts(Stage.MONITORING, bank_referred=False)
    assert check_move(own, Action.WARN, _actor(Role.SYSTEM), "sales down 50%") == Stage.WARNING
    # Other automatic moves still apply to bank-referred customers.
    assert check_move(case, Action.MARK_OVERDUE, _actor(Role.SYSTEM)) == Stage.OVERDUE


def test_refusal_messages_name_the_stage_and_role() -> None:
    with pytest.raises(RuleError) as refused:
        check_move(CaseFacts(Stage.CLOSED), Action.SETTLE, _actor(Role.FINANCE))
    assert "closed" in str(refused.value)
    with pytest.raises(RuleError) as refused:
        check_move(CaseFacts(Stage.DISBURSEMENT), Action.DISBURSE, _actor(Role.SUPERVISOR))
    assert "supervisor" in str(refused.value)


def test_may_claim_where_the_role_can_act() -> None:
    for role, stage in itertools.product(Role, Stage):
        expected = any(source == stage for source, _ in ALLOWED[role]) and role not in (
            Role.ADMIN,
            Role.SYSTEM,
        )
        assert may_claim(role, stage) == expected, (role, stage)
    assert may_claim(Role.INVESTIGATOR, Stage.INVESTIGATION)
    assert not may_claim(Role.INVESTIGATOR, Stage.APPROVAL)
    assert may_claim(Role.FINANCE, Stage.DISBURSEMENT)
    assert not may_claim(Role.SYSTEM, Stage.APPLICATION)


def _reachable_from_application() -> set[Stage]:
    """Stages a case can reach by moves someone is allowed to make (checked by check_move)."""
    seen, frontier = {Stage.APPLICATION}, [Stage.APPLICATION]
    while frontier:
        stage = frontier.pop()
        for role, allowed in ALLOWED.items():
            for (source, action), _ in allowed.items():
                if source != stage:
                    continue
                target = check_move(CaseFacts(source), action, _actor(role), "r")
                if target not in seen:
                    seen.add(target)
                    frontier.append(target)
    return seen


def test_every_stage_and_side_lane_is_reachable() -> None:
    assert _reachable_from_application() == set(Stage)
    assert set(SIDE_LANES) <= _reachable_from_application()


def test_every_non_final_stage_has_a_way_out_and_finals_have_none() -> None:
    assert FINAL_STAGES == {Stage.CLOSED, Stage.DECLINED}
    for stage in Stage:
        exits = actions_from(stage)
        if stage in FINAL_STAGES:
            assert exits == ()
            for action, role in itertools.product(Action, Role):
                with pytest.raises(RuleError):
                    check_move(CaseFacts(stage), action, _actor(role), "r")
        else:
            assert exits, stage


def test_main_line_runs_in_order_by_the_right_people() -> None:
    steps = [
        (Action.SUBMIT, Role.INVESTIGATOR),
        (Action.RATE, Role.SYSTEM),
        (Action.RECOMMEND, Role.INVESTIGATOR),
        (Action.APPROVE, Role.SUPERVISOR),
        (Action.DISBURSE, Role.FINANCE),
        (Action.SETTLE, Role.SYSTEM),
    ]
    stage = Stage.APPLICATION
    for (action, role), expected in zip(steps, MAIN_LINE[1:], strict=True):
        stage = check_move(CaseFacts(stage), action, _actor(role), "")
        assert stage == expected


@pytest.mark.parametrize("role", [Role.FINANCE, Role.SUPERVISOR, Role.SYSTEM])
def test_arrears_paid_return_a_case_to_where_it_fell_overdue_from(role: Role) -> None:
    """R29: a warning stands until a supervisor clears it; paying late does not clear it."""
    for came_from, back_to in (
        (None, Stage.MONITORING),
        (Stage.MONITORING, Stage.MONITORING),
        (Stage.WARNING, Stage.WARNING),
    ):
        case = CaseFacts(Stage.OVERDUE, overdue_from=came_from)
        assert check_move(case, Action.CURE, _actor(role)) == back_to
    assert actions_from(Stage.OVERDUE).count(Action.CURE) == 1
    assert risk_after_cure(Stage.WARNING, "red") == "red"
    assert risk_after_cure(Stage.WARNING, "green") == "amber"
    assert risk_after_cure(Stage.MONITORING, "red") == "amber"
