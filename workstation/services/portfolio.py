"""The portfolio view's use case: the loan book by overdue class (R30), for supervisors and
finance, and the loans behind each class."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from workstation.domain.people import Permission
from workstation.domain.portfolio import CLASSES, Book, BookLoan, book, days_late
from workstation.domain.postings import OverdueClass, overdue_class
from workstation.services.context import Context, Session, require
from workstation.services.loans import business_date, closed_through
from workstation.store import loans as loan_store


class Member(NamedTuple):
    """A loan of one class, as its list shows it before the case's own row is read."""

    case_id: int
    principal_fen: int
    days_past_due: int


@dataclass(frozen=True)
class BookView:
    """The book, the last close of day its arrears come from, and each class's loans: the
    latest first, then the largest (the ones a supervisor calls about first)."""

    book: Book
    closed_through: date | None
    members: dict[OverdueClass | None, tuple[Member, ...]]


def loan_book(ctx: Context, session: Session) -> BookView:
    require(session, Permission.VIEW_PORTFOLIO)
    on = business_date(ctx)
    days: dict[str | None, date | None] = {None: None}  # a night's arrears share a date
    loans = []
    for case_id, product, principal, since in loan_store.book_loans(ctx.store):
        if since not in days:
            days[since] = date.fromisoformat(since)
        loans.append(BookLoan(case_id, product, principal, days[since]))
    grouped: dict[OverdueClass | None, list[Member]] = {c: [] for c in CLASSES}
    for loan in loans:
        late = days_late(loan, on)
        grouped[overdue_class(late)].append(Member(loan.case_id, loan.principal_fen, late))
    members = {cls: tuple(sorted(rows, key=_latest_then_largest)) for cls, rows in grouped.items()}
    return BookView(book(loans, on), closed_through(ctx), members)


def _latest_then_largest(member: Member) -> tuple[int, int, int]:
    return -member.days_past_due, -member.principal_fen, member.case_id
