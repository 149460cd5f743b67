"""Logging in and managing users (admin only)."""

from __future__ import annotations

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.passwords import (
    MIN_LENGTH,
    OWASP_N,
    hash_password,
    password_problem,
    verify_password,
)
from workstation.domain.people import LOGIN_ROLES, Permission, Role
from workstation.services import pipeline
from workstation.services.context import Context, Session, require
from workstation.store import users

# Tests lower this to keep hashing fast; production keeps OWASP's cost.
HASH_COST = {"n": OWASP_N}


def needs_first_admin(ctx: Context) -> bool:
    """A new database has no users: the first start must create the admin."""
    return users.count_login_users(ctx.store) == 0


def _check_password(password: str) -> None:
    if password_problem(password):
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "A password needs at least {n} characters."),
                n=MIN_LENGTH,
            )
        )


def _check_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > 40 or any(ch.isspace() for ch in name):
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "A user name is 1 to 40 characters without spaces.")
            )
        )
    return name


def create_first_admin(ctx: Context, username: str, display_name: str, password: str) -> Session:
    """Create the admin on a database that has no users yet; refused otherwise."""
    if not needs_first_admin(ctx):
        raise RuleError(
            Message.of(QT_TRANSLATE_NOOP("messages", "This database already has users."))
        )
    name = _check_username(username)
    _check_password(password)
    at = ctx.stamp()
    with ctx.store.write():
        user_id = users.insert_user(
            ctx.store,
            name,
            display_name.strip() or name,
            Role.ADMIN.value,
            hash_password(password, **HASH_COST),
            at,
        )
        users.system_user_id(ctx.store, at)
        users.record_audit(
            ctx.store,
            at=at,
            actor_id=user_id,
            entity="user",
            entity_id=user_id,
            action="create_first_admin",
            after={"username": name, "role": "admin"},
        )
    return Session(user_id, name, display_name.strip() or name, Role.ADMIN)


def log_in(ctx: Context, username: str, password: str) -> Session:
    """A session for the user, or a refusal that does not tell which half was wrong."""
    row = users.user_by_name(ctx.store, username.strip())
    if (
        row is None
        or row.role == Role.SYSTEM.value
        or not verify_password(password, row.password_hash)
    ):
        raise RuleError(Message.of(QT_TRANSLATE_NOOP("messages", "Wrong user name or password.")))
    if not row.active:
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "This account is switched off; ask an administrator.")
            )
        )
    return Session(row.id, row.username, row.display_name, Role(row.role))


def add_user(
    ctx: Context, session: Session, username: str, display_name: str, role: Role, password: str
) -> int:
    require(session, Permission.MANAGE_USERS)
    name = _check_username(username)
    _check_password(password)
    if role not in LOGIN_ROLES:
        raise RuleError(
            Message.of(QT_TRANSLATE_NOOP("messages", "Unknown role “{role}”."), role=str(role))
        )
    if users.user_by_name(ctx.store, name) is not None:
        raise RuleError(
            Message.of(QT_TRANSLATE_NOOP("messages", "The user name “{name}” is taken."), name=name)
        )
    at = ctx.stamp()
    with ctx.store.write():
        user_id = users.insert_user(
            ctx.store,
            name,
            display_name.strip() or name,
            role.value,
            hash_password(password, **HASH_COST),
            at,
        )
        users.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="user",
            entity_id=user_id,
            action="add_user",
            after={"username": name, "role": role.value},
        )
    return user_id


def set_role(ctx: Context, session: Session, user_id: int, role: Role) -> None:
    require(session, Permission.MANAGE_USERS)
    row = users.user_by_id(ctx.store, user_id)
    if row is None or row.role == Role.SYSTEM.value or role not in LOGIN_ROLES:
        raise RuleError(Message.of(QT_TRANSLATE_NOOP("messages", "No such user.")))
    if user_id == session.user_id and role != Role.ADMIN:
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "You cannot take the admin role from yourself.")
            )
        )
    at = ctx.stamp()
    with ctx.store.write():
        users.update_user(ctx.store, user_id, role=role.value)
        pipeline.release_cases_of(ctx, session, user_id, role, row.active, "role changed")
        users.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="user",
            entity_id=user_id,
            action="set_role",
            before={"role": row.role},
            after={"role": role.value},
        )


def set_active(ctx: Context, session: Session, user_id: int, active: bool) -> None:
    require(session, Permission.MANAGE_USERS)
    row = users.user_by_id(ctx.store, user_id)
    if row is None or row.role == Role.SYSTEM.value:
        raise RuleError(Message.of(QT_TRANSLATE_NOOP("messages", "No such user.")))
    if user_id == session.user_id and not active:
        raise RuleError(
            Message.of(QT_TRANSLATE_NOOP("messages", "You cannot switch yourself off."))
        )
    at = ctx.stamp()
    with ctx.store.write():
        users.update_user(ctx.store, user_id, active=int(active))
        pipeline.release_cases_of(ctx, session, user_id, Role(row.role), active, "switched off")
        users.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="user",
            entity_id=user_id,
            action="set_active",
            before={"active": row.active},
            after={"active": active},
        )


def list_users(ctx: Context) -> list[users.UserRow]:
    return users.all_users(ctx.store)
