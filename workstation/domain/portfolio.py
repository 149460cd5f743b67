"""The loan book by overdue class (R30): how much is outstanding, how much of it is late and how
late, and the non-performing ratio a supervisor watches.

A loan's class is counted from the due date of its oldest unpaid amount (what each close of
day records) to the day the book is looked at, by ``postings.overdue_class``: the same
classes the loan page shows. Balances are outstanding principal in fen; ratios are exact
fractions rounded only for showing (to 0.01 %).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from workstation.domain.postings import OVERDUE_CLASS_BOUNDS, OverdueClass, overdue_class

RATIO_PLACES = Decimal("0.0001")  # shown as a percentage with two decimals
CLASSES: tuple[OverdueClass | None, ...] = (None, *OverdueClass)  # None: not overdue
NON_PERFORMING = frozenset({OverdueClass.M3_PLUS})  # R30: over 90 days is default


class BookLoan(NamedTuple):
    """What the book needs of one loan (a named tuple: a book of 100,000 loans is made from
    its rows in one pass)."""

    case_id: int
    product: str  # "credit" or "order"
    principal_fen: int
    overdue_since: date | None  # due date of the oldest unpaid amount, None when none is


@dataclass(frozen=True)
class ClassLine:
    """One overdue class (``None``: current) of the book, or of one product."""

    overdue_class: OverdueClass | None
    loans: int
    principal_fen: int
    share: Decimal | None  # of the book's (or the product's) outstanding principal


@dataclass(frozen=True)
class ProductLine:
    product: str
    loans: int
    principal_fen: int
    overdue_fen: int
    non_performing_fen: int
    overdue_ratio: Decimal | None
    non_performing_ratio: Decimal | None


@dataclass(frozen=True)
class Book:
    """The whole book on ``on``: totals, a line per class, a line per product."""

    on: date
    loans: int
    principal_fen: int
    classes: tuple[ClassLine, ...]  # in ``CLASSES`` order, every class present
    products: tuple[ProductLine, ...]
    overdue_fen: int  # principal of loans in any overdue class
    non_performing_fen: int
    overdue_ratio: Decimal | None
    non_performing_ratio: Decimal | None

    def line(self, cls: OverdueClass | None) -> ClassLine:
        return next(c for c in self.classes if c.overdue_class == cls)


def days_late(loan: BookLoan, on: date) -> int:
    """Days past due on ``on``, as the loan page counts them (0: nothing is late)."""
    return 0 if loan.overdue_since is None else max((on - loan.overdue_since).days, 0)


def class_on(loan: BookLoan, on: date) -> OverdueClass | None:
    """The loan's R30 class on ``on`` (None: nothing is late)."""
    return overdue_class(days_late(loan, on))


def day_range(cls: OverdueClass | None) -> tuple[int, int | None]:
    """The days past due a class spans, both ends inclusive (None: no upper end)."""
    if cls is None:
        return 0, 0
    low = 1
    for bound, label in OVERDUE_CLASS_BOUNDS:
        if label == cls:
            return low, bound
        low = bound + 1
    return low, None


def ratio(part: int, whole: int) -> Decimal | None:
    if whole <= 0:
        return None
    return (Decimal(part) / whole).quantize(RATIO_PLACES, ROUND_HALF_UP)


def book(loans: Iterable[BookLoan], on: date) -> Book:
    """The book of ``loans`` as it stands on ``on``."""
    count = dict.fromkeys(CLASSES, 0)
    fen = dict.fromkeys(CLASSES, 0)
    by_product: dict[str, list[int]] = {}  # product → [loans, principal, overdue, default]
    for loan in loans:
        cls = class_on(loan, on)
        count[cls] += 1
        fen[cls] += loan.principal_fen
        line = by_product.setdefault(loan.product, [0, 0, 0, 0])
        line[0] += 1
        line[1] += loan.principal_fen
        if cls is not None:
            line[2] += loan.principal_fen
        if cls in NON_PERFORMING:
            line[3] += loan.principal_fen
    total = sum(fen.values())
    overdue = total - fen[None]
    default = sum(fen[c] for c in NON_PERFORMING)
    return Book(
        on=on,
        loans=sum(count.values()),
        principal_fen=total,
        classes=tuple(ClassLine(c, count[c], fen[c], ratio(fen[c], total)) for c in CLASSES),
        products=tuple(
            ProductLine(p, n, f, o, d, ratio(o, f), ratio(d, f))
            for p, (n, f, o, d) in sorted(by_product.items())
        ),
        overdue_fen=overdue,
        non_performing_fen=default,
        overdue_ratio=ratio(overdue, total),
        non_performing_ratio=ratio(default, total),
    )
