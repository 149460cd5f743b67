"""What every use case needs: the store, the business clock, and who is acting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role, may
from workstation.domain.stages import Actor
from workstation.store.db import Store


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    """The machine's local time, to the second."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock tests and the demo can set and move."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@dataclass(frozen=True)
class Session:
    """A logged-in user."""

    user_id: int
    username: str
    display_name: str
    role: Role

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.role, self.display_name)


@dataclass
class Context:
    store: Store
    clock: Clock

    def stamp(self) -> str:
        """The business clock's now as stored: ISO text to the second."""
        return self.clock.now().isoformat(timespec="seconds")


def require(session: Session, permission: Permission) -> None:
    """Refuse, with a message, an action the session's role does not hold (default deny)."""
    if not may(session.role, permission):
        raise RuleError(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "The role “{role}” may not {permission}."),
                role=session.role.value,
                permission=permission.value,
            )
        )
