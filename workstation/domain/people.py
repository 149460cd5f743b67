"""Who may do what (DESIGN.md "People"): roles and the permissions they carry.

The default is deny: a permission not listed for a role is refused.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    INVESTIGATOR = "investigator"
    SUPERVISOR = "supervisor"
    FINANCE = "finance"
    ADMIN = "admin"
    SYSTEM = "system"  # automatic moves (straight-through lane, day-end); never a log-in


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    CLAIM_CASE = "claim_case"
    REASSIGN_CASE = "reassign_case"
    REVIEW_QUEUES = "review_queues"
    REVEAL_PERSONAL_DATA = "reveal_personal_data"
    VIEW_CASES = "view_cases"
    VIEW_PORTFOLIO = "view_portfolio"  # the loan book by overdue class (R30)


LOGIN_ROLES: tuple[Role, ...] = (Role.INVESTIGATOR, Role.SUPERVISOR, Role.FINANCE, Role.ADMIN)

_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.INVESTIGATOR: frozenset({Permission.CLAIM_CASE, Permission.VIEW_CASES}),
    Role.SUPERVISOR: frozenset(
        {
            Permission.CLAIM_CASE,
            Permission.REASSIGN_CASE,
            Permission.REVIEW_QUEUES,
            Permission.REVEAL_PERSONAL_DATA,
            Permission.VIEW_CASES,
            Permission.VIEW_PORTFOLIO,
        }
    ),
    Role.FINANCE: frozenset(
        {Permission.CLAIM_CASE, Permission.VIEW_CASES, Permission.VIEW_PORTFOLIO}
    ),
    Role.ADMIN: frozenset({Permission.MANAGE_USERS, Permission.VIEW_CASES}),
    Role.SYSTEM: frozenset(),
}


def may(role: Role, permission: Permission) -> bool:
    """True when ``role`` holds ``permission``; anything unlisted is refused."""
    return permission in _GRANTS.get(role, frozenset())


def mask_sensitive(value: str, keep_start: int = 4, keep_end: int = 4) -> str:
    """Mask an ID number, phone or account (R37): 3301**********1234."""
    if not value:
        return value
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]
