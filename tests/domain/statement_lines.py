"""Statement lines for the rebuild tests: the domain's protocol filled in by hand, so each
example reads like the statement it stands for."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from workstation.domain.rebuild import AccountKind, StatementFile


@dataclass(frozen=True)
class Line:
    timestamp: datetime
    amount_fen: int
    counterparty: str = ""
    memo: str = ""
    flow: str = ""  # "" → income or expense by the sign
    category: str = ""
    note: str = ""
    counterparty_account: str = ""
    status: str = ""
    order_number: str = ""
    channel: str = ""
    is_refund: bool = False
    refund_of: str = ""
    refunded_fen: int = 0
    time_known: bool = True
    line: int = 0

    def __post_init__(self) -> None:
        if not self.flow:
            object.__setattr__(self, "flow", "income" if self.amount_fen > 0 else "expense")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def numbered(lines: list[Line], first: int = 2) -> tuple[Line, ...]:
    """The lines with their line numbers in the file (the header on line 1)."""
    return tuple(Line(**{**line.__dict__, "line": n}) for n, line in enumerate(lines, start=first))


def statement(
    name: str,
    lines: list[Line],
    *,
    kind: AccountKind = AccountKind.BANK,
    account: str = "",
    period: tuple[date, date] | None = None,
    aliases: tuple[str, ...] = (),
) -> StatementFile:
    """A file of ``lines``; its SHA-256 from its name (a new name is a new file)."""
    sha = hashlib.sha256(name.encode()).hexdigest()
    return StatementFile(name, sha, kind, account, numbered(lines), period, aliases)
