"""The rebuilt statements (R24): from the transactions of several statements, what the business
really earned and spent, month by month, for the last 12 months — and the R12 figures.

Order of work, each step recording why a line is left out:

1. A file given twice (same SHA-256) counts once.
2. Closed or unpaid orders are dropped (no money moved) — unless a refund in any statement of
   the account reverses one, which proves it was paid; the two then net to nothing.
3. Overlapping statements of the same account: a line of a later file equal to a line of an
   earlier one (same account, day, amount and counterparty; same minute when both give the
   time, as Excel drops the seconds when it re-saves) is the same line. Equal lines within
   one file are separate payments and stay.
4. The same payment in a payment app's statement and in the bank's (same signed amount, the
   bank booking it from a day before to ``match_window_days`` after, and the app line paid
   by that bank's card or the bank line naming the platform or the app's counterparty) counts
   once: the app's line, which names the real counterparty.
5. Transfers between the owner's own accounts across files: an outflow and an inflow of the
   same amount within ``match_window_days`` in two different accounts, at least one side
   already a transfer (the owner's name, a withdrawal…) and neither classed otherwise by a
   keyword or the officer, where one side is to or from the owner or names the other's
   account (bank or platform name, card number). Both become own transfers. Own transfers
   and loans are shown but never counted (R24).
6. Refunds net against the sale (or purchase) they reverse — found by order number in any
   statement of the account — in its month and category. A refund reverses its original
   whatever sign the export gave it. An unlinked refund paid out
   reduces sales; one received stays a refund (counted in the cash flow only).

Every monthly cell keeps the positions of its lines (``RebuiltStatement.lines``), so each
figure opens the transactions behind it, down to the line of the original file.
"""

from __future__ import annotations

import bisect
from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import chain, compress, count
from operator import attrgetter

from workstation.domain.application import DownstreamCustomer, Financials
from workstation.domain.classify import Category, Classed, Classifier
from workstation.domain.people import mask_sensitive
from workstation.domain.rebuild_checks import (
    RATIO_PLACES,
    CheckSettings,
    FigureComparison,
    Flag,
    MeterCheck,
    UtilityKind,
    UtilityUsage,
    compare,
    coverage_flag,
    meter_check,
    meter_flag,
    monthly_usage,
)
from workstation.domain.rebuild_matching import (
    EXCLUDED_LABELS,
    AccountKind,
    Excluded,
    Exclusion,
    Matching,
    StatementFile,
    StatementLine,
)

__all__ = [
    "EXCLUDED_LABELS",
    "AccountKind",
    "Cell",
    "Excluded",
    "Exclusion",
    "GrowthBasis",
    "LineRef",
    "MonthFigures",
    "DEFAULT_SETTINGS",
    "RebuildSettings",
    "RebuiltStatement",
    "StatementFile",
    "StatementLine",
    "TopCustomer",
    "rebuild",
]

MONTHS = 12


OPERATING_COSTS = (
    Category.WAGES,
    Category.RENT,
    Category.UTILITIES,
    Category.TAXES,
    Category.PLATFORM_FEES,
)
COSTS = (Category.PURCHASES, *OPERATING_COSTS)
NOT_COUNTED = frozenset({Category.OWN_TRANSFER, Category.LOANS})  # shown, never counted (R24)


@dataclass(frozen=True)
class RebuildSettings:
    """Defaults a supervisor may change."""

    match_window_days: int = 2  # same payment / own transfer: bank booking lag allowed
    checks: CheckSettings = field(default_factory=CheckSettings)


DEFAULT_SETTINGS = RebuildSettings()


@dataclass(frozen=True)
class Cell:
    """One category in one month: the signed sum (income +, expense −) and its lines."""

    fen: int
    rows: tuple[int, ...]  # positions in ``RebuiltStatement.lines``


EMPTY_CELL = Cell(0, ())


@dataclass(frozen=True)
class MonthFigures:
    """One month of the rebuilt statement. Costs are positive numbers (money out)."""

    month: date  # its first day
    covered: bool  # some statement covers (part of) this month
    cells: tuple[tuple[Category, Cell], ...]
    electricity_kwh: Decimal | None = None
    water_m3: Decimal | None = None

    def cell(self, category: Category) -> Cell:
        for kind, cell in self.cells:
            if kind == category:
                return cell
        return EMPTY_CELL

    @property
    def revenue_fen(self) -> int:
        """Sales receipts, net of the refunds that reverse them."""
        return self.cell(Category.SALES).fen

    @property
    def purchases_fen(self) -> int:
        return -self.cell(Category.PURCHASES).fen

    @property
    def operating_expenses_fen(self) -> dict[Category, int]:
        """Wages, rent, utilities, taxes, platform fees, each as money out."""
        return {kind: -self.cell(kind).fen for kind in OPERATING_COSTS}

    @property
    def operating_cost_fen(self) -> int:
        """R12's operating cost: purchases and every operating expense."""
        return -sum(self.cell(kind).fen for kind in COSTS)

    @property
    def net_cash_flow_fen(self) -> int:
        """Everything in less everything out, own transfers and loans left out (R24)."""
        return sum(cell.fen for kind, cell in self.cells if kind not in NOT_COUNTED)

    def rows(self, *categories: Category) -> tuple[int, ...]:
        """The lines behind the given categories' figures (all categories when none given)."""
        wanted = set(categories) if categories else set(Category)
        return tuple(sorted(i for kind, c in self.cells if kind in wanted for i in c.rows))


@dataclass(frozen=True)
class LineRef:
    """Where a line came from: the original file and its line."""

    file_name: str
    file_sha256: str
    line: int


@dataclass(frozen=True)
class TopCustomer:
    name: str
    sales_fen: int
    share: Decimal  # of the 12 months' revenue, 0..1
    first_seen: date
    rows: tuple[int, ...]


class GrowthBasis(StrEnum):
    YEAR_ON_YEAR = "year_on_year"  # the 12 months against the 12 before
    HALF_YEAR = "half_year"  # last 6 months against the 6 before, compounded to a year


@dataclass(frozen=True, eq=False)
class RebuiltStatement:
    """The monthly view, the R12 figures derived, the checks, and the trace to every line."""

    files: tuple[StatementFile, ...]  # the files counted, in the order given
    repeated_files: tuple[tuple[str, str], ...]  # (file, the file it repeats) counted once
    lines: tuple[StatementLine, ...]  # every line of every counted file; positions index here
    classes: tuple[Classed, ...]  # per line; own-transfer pairs re-classed (Basis.PAIRED)
    exclusions: tuple[Exclusion, ...]  # by position: unpaid, overlaps, same payments
    outside: tuple[int, ...]  # positions outside the 12 months (ascending)
    pairs: tuple[tuple[int, int], ...]  # own-account transfers matched across files (out, in)
    months: tuple[MonthFigures, ...]  # the 12 months, oldest first
    previous_revenue: Cell  # revenue in the 12 months before (sales growth)
    financials: Financials  # the rebuilt R12 figures
    growth_basis: GrowthBasis | None
    top_customers: tuple[TopCustomer, ...]
    meter: MeterCheck
    comparison: tuple[FigureComparison, ...]
    flags: tuple[Flag, ...]
    _starts: tuple[int, ...] = ()  # each file's first position

    def origin(self, index: int) -> LineRef:
        """The original file and line of the line at ``index``."""
        source = self.files[bisect.bisect_right(self._starts, index) - 1]
        return LineRef(source.name, source.sha256, self.lines[index].line)

    def trace(self, month: int, *categories: Category) -> tuple[LineRef, ...]:
        """The original lines behind ``month`` (0 = oldest)'s figure for ``categories``."""
        return tuple(self.origin(i) for i in self.months[month].rows(*categories))

    def exclusion(self, index: int) -> Exclusion | None:
        """Why the line at ``index`` is in no monthly figure; None when it is in one."""
        found = bisect.bisect_left(self.exclusions, index, key=lambda e: e.index)
        if found < len(self.exclusions) and self.exclusions[found].index == index:
            return self.exclusions[found]
        found = bisect.bisect_left(self.outside, index)
        if found < len(self.outside) and self.outside[found] == index:
            return Exclusion(index, Excluded.OUTSIDE)
        return None

    def excluded_counts(self) -> dict[Excluded, int]:
        """How many lines each reason leaves out."""
        counts = dict.fromkeys(Excluded, 0)
        for e in self.exclusions:
            counts[e.reason] += 1
        counts[Excluded.OUTSIDE] = len(self.outside)
        return counts


def month_key(moment: date) -> int:
    return moment.year * 12 + moment.month - 1


def first_day(key: int) -> date:
    return date(key // 12, key % 12 + 1, 1)


def rebuild(
    files: Sequence[StatementFile],
    classifier: Classifier | None = None,
    *,
    through: date | None = None,
    row_overrides: Mapping[tuple[str, int], Category] | None = None,
    utilities: Sequence[UtilityUsage] = (),
    declared: Financials | None = None,
    adjusted: Financials | None = None,
    settings: RebuildSettings = DEFAULT_SETTINGS,
) -> RebuiltStatement:
    """The rebuilt statement of ``files`` for the 12 months ending with ``through``'s month
    (default: the latest line's). ``row_overrides`` are the officer's classes of single lines,
    by (file SHA-256, line)."""
    counted, repeated = _unique_files(files)
    lines: list[StatementLine] = list(chain.from_iterable(f.lines for f in counted))
    starts, position = [], 0
    for f in counted:
        starts.append(position)
        position += len(f.lines)
    classifier = classifier or Classifier()
    classes = classifier.classify_all(lines, _positions(counted, starts, row_overrides))
    catch_all = {i for i, r in enumerate(classifier.rules) if not r.keywords}
    work = Matching(counted, starts, lines, classes, settings.match_window_days, catch_all)
    work.drop_unpaid()
    work.drop_overlaps()
    work.drop_same_payments()
    work.pair_own_transfers()
    work.net_refunds()
    keys = _cell_keys(work)
    if through:
        last = month_key(through)
    else:  # the latest line's month (a key's month orders as the key does)
        last = max(keys) // _SLOTS if keys else month_key(date.today())
    return _figures(work, keys, repeated, last, utilities, declared, adjusted, settings.checks)


def _unique_files(
    files: Sequence[StatementFile],
) -> tuple[list[StatementFile], tuple[tuple[str, str], ...]]:
    seen: dict[str, StatementFile] = {}
    repeated = []
    for f in files:
        if f.sha256 in seen:
            repeated.append((f.name, seen[f.sha256].name))
        else:
            seen[f.sha256] = f
    return list(seen.values()), tuple(repeated)


def _positions(
    files: list[StatementFile],
    starts: list[int],
    overrides: Mapping[tuple[str, int], Category] | None,
) -> dict[int, Category]:
    if not overrides:
        return {}
    wanted: dict[str, dict[int, Category]] = defaultdict(dict)
    for (sha, line), category in overrides.items():
        wanted[sha][line] = category
    out = {}
    for f, start in zip(files, starts, strict=True):
        mine = wanted.get(f.sha256)
        for offset, line in enumerate(f.lines if mine else ()):
            category = mine.get(line.line)
            if category is not None:
                out[start + offset] = category
    return out


# --- figures -----------------------------------------------------------------------------------


def _figures(
    work: Matching,
    line_keys: list[int],
    repeated: tuple[tuple[str, str], ...],
    last: int,
    utilities: Sequence[UtilityUsage],
    declared: Financials | None,
    adjusted: Financials | None,
    checks: CheckSettings,
) -> RebuiltStatement:
    first = last - MONTHS + 1
    lines = work.lines
    cells, previous, outside = _cells(work, line_keys, first, last)
    keys = range(first, last + 1)
    months = [first_day(k) for k in keys]
    covered = _covered(work.files, lines, first, last)
    power = monthly_usage(utilities, UtilityKind.ELECTRICITY, months)
    water = monthly_usage(utilities, UtilityKind.WATER, months)
    figures = tuple(
        MonthFigures(
            months[n],
            covered[n],
            tuple(
                (c, Cell(cells[key][0], tuple(cells[key][1])))
                for n_c, c in enumerate(_CATEGORIES)
                if (key := k * _SLOTS + n_c) in cells
            ),
            power[n],
            water[n],
        )
        for n, k in enumerate(keys)
    )
    prior = Cell(previous[0], tuple(previous[1]))
    prior_covered = all(_covered(work.files, lines, first - MONTHS, first - 1))
    return _statement(
        work, repeated, figures, prior, prior_covered, outside, declared, adjusted, checks
    )


_CATEGORIES = tuple(Category)
_CODE = {c: n for n, c in enumerate(_CATEGORIES)}
_SLOTS = 16  # > len(Category): a cell's key is month * _SLOTS + category code
_SALES, _REFUND = _CODE[Category.SALES], _CODE[Category.REFUND]


def _cell_keys(work: Matching) -> list[int]:
    """Each line's cell before refunds and exclusions: ``month_key * _SLOTS + category code``
    of its own time and class, in one comprehension (the month is all it reads of a line)."""
    codes = list(map(_CODE.__getitem__, map(_CATEGORY, work.classes)))
    return [
        (t.year * 12 + t.month - 1) * _SLOTS + code
        for t, code in zip(map(_TIMESTAMP, work.lines), codes, strict=True)
    ]


def _cells(
    work: Matching, keys: list[int], first: int, last: int
) -> tuple[dict[int, list], list, list[int]]:
    """Each counted line into its cell (month × category): linked refunds into their
    original's; the 12 months before feed only the previous year's sales; the rest is
    outside. ``keys`` (from ``_cell_keys``, changed here) are each line's own cell.

    The few exceptions to a line's own cell (linked refunds, unlinked refunds paid out,
    lines left out) are set one by one, then the lines are grouped by key with ``_group``."""
    amount, target = work.amount, work.target
    for i, home in target.items():  # an original is never a linked refund: its key holds
        keys[i] = keys[home]
    for i in compress(count(), map(Category.REFUND.__eq__, map(_CATEGORY, work.classes))):
        if i not in target and amount[i] < 0:
            keys[i] += _SALES - _REFUND  # an unlinked refund paid out reduces sales
    for i in work.excluded:
        keys[i] = -1
    cells: dict[int, list] = {}
    previous: list = [0, []]
    outside: list[int] = []
    for key, rows in _group(keys).items():
        if key < 0:
            continue
        month, code = divmod(key, _SLOTS)
        fen = sum(map(amount.__getitem__, rows))
        if first <= month <= last:
            cells[key] = [fen, rows]
            continue
        if code == _SALES and first - MONTHS <= month:
            previous[0] += fen
            previous[1] += rows
        outside += rows
    previous[1].sort()
    outside.sort()
    return cells, previous, outside


def _group(keys: Iterable[Hashable]) -> dict[Hashable, list[int]]:
    """The positions of ``keys`` grouped by key, each group ascending. ``map`` drives the
    defaultdict's look-ups and ``list.append`` in C (``deque(maxlen=0)`` only runs it)."""
    groups: defaultdict[Hashable, list[int]] = defaultdict(list)
    deque(map(list.append, map(groups.__getitem__, keys), count()), maxlen=0)
    return groups


def _covered(
    files: Sequence[StatementFile], lines: Sequence[StatementLine], first: int, last: int
) -> list[bool]:
    spans = []
    for f in files:
        period = f.period
        if period is None and f.lines:
            days = [line.timestamp.date() for line in f.lines]
            period = (min(days), max(days))
        if period is not None:
            spans.append((month_key(period[0]), month_key(period[1])))
    return [any(a <= k <= b for a, b in spans) for k in range(first, last + 1)]


def _statement(
    work: Matching,
    repeated: tuple[tuple[str, str], ...],
    months: tuple[MonthFigures, ...],
    prior: Cell,
    prior_covered: bool,
    outside: list[int],
    declared: Financials | None,
    adjusted: Financials | None,
    checks: CheckSettings,
) -> RebuiltStatement:
    sales = sum(m.revenue_fen for m in months)
    cost = sum(m.operating_cost_fen for m in months)
    growth, basis = _growth(months, sales, prior.fen if prior_covered else None)
    top = _top_customers(work, months, sales)
    through = months[-1].month
    financials = Financials(
        annual_sales_fen=sales,
        operating_cost_fen=cost,
        net_profit_margin=_ratio(sales - cost, sales),
        sales_growth=growth,
        top_customers=tuple(
            DownstreamCustomer(t.name, max(0, (through - t.first_seen).days // 365), t.share)
            for t in top
        ),
    )
    meter = meter_check(
        [m.month for m in months],
        [m.revenue_fen for m in months],
        [m.electricity_kwh for m in months],
        [m.covered for m in months],
        checks,
    )
    comparison, gap_flags = compare(declared, financials, adjusted, checks)
    extra = (meter_flag(meter), coverage_flag(sum(m.covered for m in months), MONTHS))
    return RebuiltStatement(
        files=tuple(work.files),
        repeated_files=repeated,
        lines=tuple(work.lines),
        classes=tuple(work.classes),
        exclusions=tuple(work.excluded[i] for i in sorted(work.excluded)),
        outside=tuple(outside),
        pairs=tuple(work.pairs),
        months=months,
        previous_revenue=prior,
        financials=financials,
        growth_basis=basis,
        top_customers=top,
        meter=meter,
        comparison=comparison,
        flags=(*gap_flags, *(f for f in extra if f is not None)),
        _starts=tuple(work.starts),
    )


def _ratio(part: int, whole: int) -> Decimal | None:
    if whole <= 0:
        return None
    return (Decimal(part) / whole).quantize(RATIO_PLACES, ROUND_HALF_UP)


def _growth(
    months: tuple[MonthFigures, ...], sales: int, prior: int | None
) -> tuple[Decimal | None, GrowthBasis | None]:
    """Year on year when the 12 months before are covered; else the last six months against
    the six before, compounded to a year ((1 + g)² − 1), when all 12 are covered."""
    if prior is not None and prior > 0:
        return _ratio(sales - prior, prior), GrowthBasis.YEAR_ON_YEAR
    if not all(m.covered for m in months):
        return None, None
    half = len(months) // 2
    before = sum(m.revenue_fen for m in months[:half])
    after = sum(m.revenue_fen for m in months[half:])
    if before <= 0:
        return None, None
    rise = Decimal(after) / before
    return (rise * rise - 1).quantize(RATIO_PLACES, ROUND_HALF_UP), GrowthBasis.HALF_YEAR


def _top_customers(
    work: Matching, months: tuple[MonthFigures, ...], sales: int, count: int = 2
) -> tuple[TopCustomer, ...]:
    """The largest customers by net sales in the 12 months (by name, else by account).

    One loop reads each sale's original once (its name and time together): cheaper than a
    pass per field when 100,000 records do not stay in the CPU's cache."""
    lines, amount, home = work.lines, work.amount, work.target.get
    totals: dict[str, list] = {}  # name → [net sales, earliest time, rows]
    for month in months:
        for i in month.cell(Category.SALES).rows:
            line = lines[home(i, i)]
            # no name: the account stands for the customer, masked (R37), as everywhere shown
            name = line.counterparty.strip() or mask_sensitive(line.counterparty_account.strip())
            entry = totals.get(name)
            if entry is None:
                totals[name] = [amount[i], line.timestamp, [i]]
                continue
            entry[0] += amount[i]
            if line.timestamp < entry[1]:
                entry[1] = line.timestamp
            entry[2].append(i)
    totals.pop("", None)
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0], item[0]))[:count]
    return tuple(
        TopCustomer(name, fen, _ratio(fen, sales) or Decimal(0), seen.date(), tuple(sorted(rows)))
        for name, (fen, seen, rows) in ranked
        if fen > 0
    )


_TIMESTAMP = attrgetter("timestamp")
_CATEGORY = attrgetter("category")
