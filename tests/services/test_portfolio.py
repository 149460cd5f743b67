"""The portfolio's use case over loans made and run by the services themselves: who may see
it, the classes the close of day's arrears put loans in, and each class's loans in order."""

from __future__ import annotations

import pytest

from tests.services.test_loans import (
    CREDIT_100K,
    YUAN,
    _approved,
    _arrears,
    _close_days,
    _draw,
)
from workstation.domain.messages import RuleError
from workstation.domain.postings import OverdueClass
from workstation.services import loans, portfolio
from workstation.services.context import Context, FixedClock, Session


def test_only_supervisors_and_finance_see_the_book(
    ctx: Context, people: dict[str, Session]
) -> None:
    for name in ("wang.sup", "liu.fin"):
        assert portfolio.loan_book(ctx, people[name]).book.loans == 0
    for name in ("li.inv", "admin"):
        with pytest.raises(RuleError):
            portfolio.loan_book(ctx, people[name])


def test_the_book_follows_the_close_of_day_and_payments(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    fin = people["liu.fin"]
    late = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, late, 10_000 * YUAN, 1)
    paid = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, paid, 30_000 * YUAN, 3)
    view = portfolio.loan_book(ctx, fin)
    assert view.book.principal_fen == 40_000 * YUAN
    assert view.book.line(None).loans == 2 and view.book.overdue_ratio == 0
    due = loans.loan_view(ctx, fin, late).next_due_on
    assert due is not None
    # 35 days past the first due date; the other loan pays what falls due on its day
    for _ in range((due - clock.now().date()).days + 35):
        owed = _arrears(ctx, paid, None)
        if owed:
            loans.repay(ctx, fin, paid, loans.loan_row(ctx, paid).version, owed)
        _close_days(ctx, clock, people, 1)
    view = portfolio.loan_book(ctx, fin)
    late_view = loans.loan_view(ctx, fin, late)
    assert late_view.overdue_class == OverdueClass.M2.value  # the loan page says the same
    member = view.members[OverdueClass.M2]
    assert [(m.case_id, m.days_past_due) for m in member] == [(late, late_view.days_past_due)]
    assert view.book.line(OverdueClass.M2).principal_fen == 10_000 * YUAN
    assert view.book.overdue_fen == 10_000 * YUAN
    assert view.closed_through is not None and view.closed_through < clock.now().date()
