"""Logging in and managing users: default deny, admin only, every change audited."""

from __future__ import annotations

import json

import pytest

from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.domain.stages import Stage, may_claim
from workstation.services import auth, check
from workstation.services.context import Context, Session
from workstation.store import users

GOOD = "long-enough-pw"


def _audit(ctx: Context) -> list[tuple]:
    return ctx.store.conn.execute(
        "SELECT actor_id, entity, entity_id, action, before, after FROM audit_events ORDER BY id"
    ).fetchall()


@pytest.fixture
def admin(ctx: Context) -> Session:
    return auth.create_first_admin(ctx, "root", "管理员", GOOD)


def test_first_admin_only_once(ctx: Context) -> None:
    assert auth.needs_first_admin(ctx)
    session = auth.create_first_admin(ctx, " root ", "", GOOD)
    assert (session.username, session.display_name, session.role) == ("root", "root", Role.ADMIN)
    assert not auth.needs_first_admin(ctx)
    with pytest.raises(RuleError, match="already has users"):
        auth.create_first_admin(ctx, "intruder", "X", GOOD)
    assert users.user_by_name(ctx.store, "intruder") is None
    assert _audit(ctx) == [
        (session.user_id, "user", session.user_id, "create_first_admin", None,
         json.dumps({"username": "root", "role": "admin"}))
    ]  # fmt: skip


def test_first_admin_needs_a_real_password_and_name(ctx: Context) -> None:
    with pytest.raises(RuleError, match="8 characters"):
        auth.create_first_admin(ctx, "root", "", "short")
    with pytest.raises(RuleError, match="without spaces"):
        auth.create_first_admin(ctx, "two words", "", GOOD)
    assert auth.needs_first_admin(ctx)


def test_log_in_right_and_wrong_without_saying_which(ctx: Context, admin: Session) -> None:
    session = auth.log_in(ctx, "root", GOOD)
    assert session.user_id == admin.user_id and session.role == Role.ADMIN
    with pytest.raises(RuleError) as wrong_password:
        auth.log_in(ctx, "root", GOOD + "x")
    with pytest.raises(RuleError) as no_such_user:
        auth.log_in(ctx, "nobody", GOOD)
    assert str(wrong_password.value) == str(no_such_user.value) == "Wrong user name or password."


def test_user_names_ignore_case_when_logging_in(ctx: Context, admin: Session) -> None:
    assert auth.log_in(ctx, "ROOT", GOOD).user_id == admin.user_id


def test_system_user_cannot_log_in(ctx: Context, admin: Session) -> None:
    with pytest.raises(RuleError, match="Wrong user name"):
        auth.log_in(ctx, "system", "!")
    with pytest.raises(RuleError, match="Wrong user name"):
        auth.log_in(ctx, "system", "")


def test_inactive_user_is_refused(ctx: Context, admin: Session) -> None:
    uid = auth.add_user(ctx, admin, "li.inv", "李调查", Role.INVESTIGATOR, GOOD)
    auth.set_active(ctx, admin, uid, False)
    with pytest.raises(RuleError, match="switched off"):
        auth.log_in(ctx, "li.inv", GOOD)
    # A wrong password on a switched-off account still says nothing about the account.
    with pytest.raises(RuleError, match="Wrong user name or password"):
        auth.log_in(ctx, "li.inv", "guess-guess")
    auth.set_active(ctx, admin, uid, True)
    assert auth.log_in(ctx, "li.inv", GOOD).role == Role.INVESTIGATOR


def test_admin_adds_users_and_sets_roles_with_audit(ctx: Context, admin: Session) -> None:
    uid = auth.add_user(ctx, admin, "li.inv", "李调查", Role.INVESTIGATOR, GOOD)
    auth.set_role(ctx, admin, uid, Role.SUPERVISOR)
    assert auth.log_in(ctx, "li.inv", GOOD).role == Role.SUPERVISOR
    events = _audit(ctx)[1:]
    assert events == [
        (admin.user_id, "user", uid, "add_user", None,
         json.dumps({"username": "li.inv", "role": "investigator"})),
        (admin.user_id, "user", uid, "set_role", json.dumps({"role": "investigator"}),
         json.dumps({"role": "supervisor"})),
    ]  # fmt: skip
    stored = users.user_by_id(ctx.store, uid)
    assert stored is not None and GOOD not in stored.password_hash


@pytest.mark.parametrize("role", [Role.INVESTIGATOR, Role.SUPERVISOR, Role.FINANCE])
def test_only_an_admin_manages_users(ctx: Context, admin: Session, role: Role) -> None:
    uid = auth.add_user(ctx, admin, "someone", "Someone", role, GOOD)
    session = auth.log_in(ctx, "someone", GOOD)
    events = _audit(ctx)
    with pytest.raises(RuleError, match="may not"):
        auth.add_user(ctx, session, "sneaky", "S", Role.ADMIN, GOOD)
    with pytest.raises(RuleError, match="may not"):
        auth.set_role(ctx, session, uid, Role.ADMIN)
    with pytest.raises(RuleError, match="may not"):
        auth.set_active(ctx, session, admin.user_id, False)
    assert users.user_by_name(ctx.store, "sneaky") is None
    assert users.user_by_id(ctx.store, uid).role == role.value  # type: ignore[union-attr]
    assert _audit(ctx) == events


def test_add_user_refusals(ctx: Context, admin: Session) -> None:
    auth.add_user(ctx, admin, "li.inv", "李调查", Role.INVESTIGATOR, GOOD)
    with pytest.raises(RuleError, match="taken"):
        auth.add_user(ctx, admin, "LI.INV", "Other", Role.FINANCE, GOOD)
    with pytest.raises(RuleError, match="Unknown role"):
        auth.add_user(ctx, admin, "bot", "Bot", Role.SYSTEM, GOOD)
    with pytest.raises(RuleError, match="8 characters"):
        auth.add_user(ctx, admin, "zhou.sup", "周", Role.SUPERVISOR, "1234567")
    assert {u.username for u in auth.list_users(ctx)} == {"li.inv", "root"}


def test_admin_cannot_demote_or_switch_off_themselves(ctx: Context, admin: Session) -> None:
    with pytest.raises(RuleError, match="admin role from yourself"):
        auth.set_role(ctx, admin, admin.user_id, Role.SUPERVISOR)
    with pytest.raises(RuleError, match="yourself off"):
        auth.set_active(ctx, admin, admin.user_id, False)
    assert auth.log_in(ctx, "root", GOOD).role == Role.ADMIN


def test_the_system_user_cannot_be_managed(ctx: Context, admin: Session) -> None:
    system = users.user_by_name(ctx.store, "system")
    assert system is not None
    with pytest.raises(RuleError, match="No such user"):
        auth.set_role(ctx, admin, system.id, Role.ADMIN)
    with pytest.raises(RuleError, match="No such user"):
        auth.set_active(ctx, admin, system.id, True)
    assert "system" not in [u.username for u in auth.list_users(ctx)]


def test_switching_an_officer_off_returns_their_open_cases_to_the_queues(
    demo_ctx: Context, people: dict[str, Session]
) -> None:
    from workstation.services import pipeline
    from workstation.store.board import CaseQuery

    li, admin = people["li.inv"], people["admin"]
    held = pipeline.find_case_ids(
        demo_ctx, CaseQuery(officer_id=li.user_id, stages=pipeline.OPEN_STAGES)
    )
    closed = pipeline.find_case_ids(
        demo_ctx, CaseQuery(officer_id=li.user_id, stages=("closed", "declined"))
    )
    assert held and closed
    auth.set_active(demo_ctx, admin, li.user_id, False)
    still = pipeline.find_case_ids(demo_ctx, CaseQuery(officer_id=li.user_id))
    assert sorted(still) == sorted(closed)  # finished cases keep their officer for the record
    released = demo_ctx.store.conn.execute(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'release' AND actor_id = ?",
        (admin.user_id,),
    ).fetchone()[0]
    assert released == len(held)


def test_a_role_change_releases_only_the_cases_the_new_role_cannot_work(
    demo_ctx: Context, people: dict[str, Session]
) -> None:
    from workstation.services import pipeline
    from workstation.store.board import CaseQuery

    zhou, admin = people["zhou.sup"], people["admin"]
    before = pipeline.find_case_ids(
        demo_ctx, CaseQuery(officer_id=zhou.user_id, stages=("approval",))
    )
    assert before
    auth.set_role(demo_ctx, admin, zhou.user_id, Role.INVESTIGATOR)  # cannot approve any more
    after = pipeline.find_case_ids(
        demo_ctx, CaseQuery(officer_id=zhou.user_id, stages=("approval",))
    )
    assert after == []
    still = pipeline.find_case_ids(
        demo_ctx, CaseQuery(officer_id=zhou.user_id, stages=pipeline.OPEN_STAGES)
    )
    rows = pipeline.case_list_rows(demo_ctx, still)
    assert all(may_claim(Role.INVESTIGATOR, Stage(rows[c].stage)) for c in still)
    assert check.consistency_problems(demo_ctx) == []
