"""The loan book by overdue class (R30): classes at their bounds, a book worked by hand, and
the totals adding up whatever the loans."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.portfolio import BookLoan, book, class_on, day_range, days_late
from workstation.domain.postings import OverdueClass as C

ON = date(2026, 11, 26)


def _late(days: int | None, principal: int = 100_000_00, product: str = "credit") -> BookLoan:
    since = None if days is None else ON - timedelta(days=days)
    return BookLoan(1, product, principal, since)


def test_classes_at_their_bounds() -> None:
    """R30: M1 1-30 days, M2 31-60, M3 61-90, M3+ over 90; due today is not late yet."""
    expected = {None: None, 0: None, 1: C.M1, 30: C.M1, 31: C.M2, 60: C.M2, 61: C.M3, 90: C.M3,
                91: C.M3_PLUS, 400: C.M3_PLUS}  # fmt: skip
    for days, cls in expected.items():
        assert class_on(_late(days), ON) == cls, days
    assert [day_range(c) for c in (None, *C)] == [(0, 0), (1, 30), (31, 60), (61, 90), (91, None)]
    assert days_late(_late(None), ON) == 0
    assert days_late(_late(-3), ON) == 0  # a due date ahead (a stale row) is not late


def test_a_book_worked_by_hand() -> None:
    loans = [
        _late(None, 300_000_00),  # current
        _late(None, 100_000_00, "order"),  # current
        _late(12, 50_000_00),  # M1
        _late(45, 30_000_00, "order"),  # M2
        _late(120, 20_000_00),  # M3+
    ]
    found = book(loans, ON)
    assert (found.loans, found.principal_fen) == (5, 500_000_00)
    assert [(c.overdue_class, c.loans, c.principal_fen) for c in found.classes] == [
        (None, 2, 400_000_00),
        (C.M1, 1, 50_000_00),
        (C.M2, 1, 30_000_00),
        (C.M3, 0, 0),
        (C.M3_PLUS, 1, 20_000_00),
    ]
    assert found.line(C.M1).share == Decimal("0.1000")
    assert found.overdue_fen == 100_000_00
    assert found.overdue_ratio == Decimal("0.2000")
    assert found.non_performing_fen == 20_000_00
    assert found.non_performing_ratio == Decimal("0.0400")  # 200,000 of 5,000,000
    credit, order = found.products
    assert (credit.product, credit.loans, credit.principal_fen) == ("credit", 3, 370_000_00)
    assert (credit.overdue_fen, credit.non_performing_fen) == (70_000_00, 20_000_00)
    assert credit.non_performing_ratio == Decimal("0.0541")  # 20/370 = 0.054054… rounded
    assert (order.product, order.loans, order.overdue_ratio) == ("order", 2, Decimal("0.2308"))


def test_an_empty_book_has_no_ratios() -> None:
    found = book([], ON)
    assert found.loans == found.principal_fen == 0
    assert found.overdue_ratio is None and found.non_performing_ratio is None
    assert all(c.share is None for c in found.classes)


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(-5, 500)),
            st.integers(0, 10**10),
            st.sampled_from(["credit", "order"]),
        ),
        max_size=60,
    )
)
def test_the_classes_and_products_add_up_to_the_book(
    rows: list[tuple[int | None, int, str]],
) -> None:
    loans = [_late(days, principal, product) for days, principal, product in rows]
    found = book(loans, ON)
    assert sum(c.loans for c in found.classes) == found.loans == len(loans)
    assert sum(c.principal_fen for c in found.classes) == found.principal_fen
    assert sum(p.principal_fen for p in found.products) == found.principal_fen
    assert sum(p.overdue_fen for p in found.products) == found.overdue_fen
    assert found.overdue_fen == found.principal_fen - found.line(None).principal_fen
    assert found.non_performing_fen == found.line(C.M3_PLUS).principal_fen
    assert 0 <= found.non_performing_fen <= found.overdue_fen <= found.principal_fen
