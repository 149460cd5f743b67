"""The rebuild (R24) done the plain way, one line at a time: the specification the fast code in
``domain.classify`` and ``domain.rebuild*`` must equal, figure for figure and line for line.

Every line is classed by ``Classifier.classify`` on its own; unpaid orders, refunds, the
monthly cells and the top customers are found by loops that read each record as they go, as
the rebuild did before it was tuned for 100,000-line statements. The steps the tuning left
alone (overlaps, same payments, own transfers) are the real ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workstation.domain import rebuild as rb
from workstation.domain.classify import Basis, Category, Classed, Classifier
from workstation.domain.people import mask_sensitive
from workstation.domain.rebuild_matching import (
    UNPAID_STATUSES,
    Excluded,
    Exclusion,
    Matching,
    StatementFile,
    StatementLine,
)


@dataclass(frozen=True)
class Reference:
    """What the plain rebuild finds; cells by (month's first day, category)."""

    lines: tuple[StatementLine, ...]
    classes: tuple[Classed, ...]
    exclusions: tuple[Exclusion, ...]
    pairs: tuple[tuple[int, int], ...]
    cells: dict[tuple[date, Category], tuple[int, tuple[int, ...]]]
    previous: tuple[int, tuple[int, ...]]
    outside: tuple[int, ...]
    top: tuple[tuple[str, int, Decimal, date, tuple[int, ...]], ...]


def classify_each(
    classifier: Classifier,
    lines: Sequence[StatementLine],
    row_overrides: Mapping[int, Category] | None = None,
) -> list[Classed]:
    classes = [classifier.classify(line) for line in lines]
    for position, category in (row_overrides or {}).items():
        classes[position] = Classed(Category(category), Basis.ROW)
    return classes


def reference_rebuild(
    files: Sequence[StatementFile],
    classifier: Classifier,
    *,
    through: date | None = None,
    row_overrides: Mapping[tuple[str, int], Category] | None = None,
    window_days: int = 2,
) -> Reference:
    counted, _ = rb._unique_files(files)
    lines = [line for f in counted for line in f.lines]
    starts, position = [], 0
    for f in counted:
        starts.append(position)
        position += len(f.lines)
    classes = classify_each(classifier, lines, rb._positions(counted, starts, row_overrides))
    catch_all = {i for i, r in enumerate(classifier.rules) if not r.keywords}
    work = Matching(counted, starts, lines, classes, window_days, catch_all)
    work.amount = [line.amount_fen for line in lines]
    _drop_unpaid(work)
    work.drop_overlaps()
    work.drop_same_payments()
    work.pair_own_transfers()
    _net_refunds(work)
    if through:
        last = rb.month_key(through)
    elif lines:
        last = rb.month_key(max(line.timestamp for line in lines))
    else:
        last = rb.month_key(date.today())
    first = last - rb.MONTHS + 1
    cells, previous, outside = _cells(work, first, last)
    sales = sum(fen for (_, kind), (fen, _) in cells.items() if kind is Category.SALES)
    return Reference(
        lines=tuple(lines),
        classes=tuple(work.classes),
        exclusions=tuple(work.excluded[i] for i in sorted(work.excluded)),
        pairs=tuple(work.pairs),
        cells=cells,
        previous=(previous[0], tuple(previous[1])),
        outside=tuple(outside),
        top=_top_customers(work, cells, sales),
    )


def _groups(work: Matching) -> list[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for number, (f, start) in enumerate(zip(work.files, work.starts, strict=True)):
        groups[f.account or f"\x00{number}"].extend(range(start, start + len(f.lines)))
    return list(groups.values())


def _drop_unpaid(work: Matching) -> None:
    lines = work.lines
    for group in _groups(work):
        closed = [i for i in group if lines[i].status in UNPAID_STATUSES]
        if not closed:
            continue
        reversed_orders = {lines[i].refund_of for i in group if lines[i].is_refund}
        for i in closed:
            if lines[i].order_number not in reversed_orders or not lines[i].order_number:
                work.excluded[i] = Exclusion(i, Excluded.UNPAID)


def _net_refunds(work: Matching) -> None:
    lines, amount = work.lines, work.amount
    linked: dict[int, int] = defaultdict(int)
    partial: list[int] = []
    for group in _groups(work):
        refunds = [i for i in group if lines[i].is_refund and lines[i].refund_of]
        partial += [i for i in group if lines[i].refunded_fen and not lines[i].is_refund]
        if not refunds:
            continue
        orders: dict[str, int] = {}
        for i in group:
            if not lines[i].is_refund:
                orders.setdefault(lines[i].order_number, i)
        for r in refunds:
            original = orders.get(lines[r].refund_of)
            while original is not None and original in work.excluded:
                exclusion = work.excluded[original]
                original = exclusion.partner if exclusion.reason is Excluded.OVERLAP else None
            if original is None or r in work.excluded:
                continue
            work.target[r] = original
            back = abs(amount[r])
            amount[r] = -back if amount[original] > 0 else back
            linked[original] += back
    for o in partial:
        rest = min(lines[o].refunded_fen - linked[o], abs(amount[o]))
        if rest > 0:
            amount[o] += -rest if amount[o] > 0 else rest


def _cells(
    work: Matching, first: int, last: int
) -> tuple[dict[tuple[date, Category], tuple[int, tuple[int, ...]]], list, list[int]]:
    cells: dict[tuple[date, Category], list] = {}
    previous: list = [0, []]
    outside: list[int] = []
    for i in range(len(work.lines)):
        if i in work.excluded:
            continue
        home = work.target.get(i, i)
        key = rb.month_key(work.lines[home].timestamp)
        category = work.classes[home].category
        if i not in work.target and category is Category.REFUND and work.amount[i] < 0:
            category = Category.SALES
        if not first <= key <= last:
            if category is Category.SALES and first - rb.MONTHS <= key:
                previous[0] += work.amount[i]
                previous[1].append(i)
            outside.append(i)
            continue
        cell = cells.setdefault((rb.first_day(key), category), [0, []])
        cell[0] += work.amount[i]
        cell[1].append(i)
    return {k: (fen, tuple(rows)) for k, (fen, rows) in cells.items()}, previous, outside


def _top_customers(
    work: Matching, cells: dict[tuple[date, Category], tuple[int, tuple[int, ...]]], sales: int
) -> tuple[tuple[str, int, Decimal, date, tuple[int, ...]], ...]:
    totals: dict[str, list] = {}
    for (_, kind), (_, rows) in sorted(cells.items()):
        if kind is not Category.SALES:
            continue
        for i in rows:
            line = work.lines[work.target.get(i, i)]
            name = line.counterparty.strip() or mask_sensitive(line.counterparty_account.strip())
            if not name:
                continue
            entry = totals.setdefault(name, [0, line.timestamp.date(), []])
            entry[0] += work.amount[i]
            entry[1] = min(entry[1], line.timestamp.date())
            entry[2].append(i)
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0], item[0]))[:2]
    return tuple(
        (name, fen, rb._ratio(fen, sales) or Decimal(0), seen, tuple(sorted(rows)))
        for name, (fen, seen, rows) in ranked
        if fen > 0
    )
