"""The checks on a rebuilt statement (R24): declared against rebuilt (the gap flags), the meter
(electricity use beside revenue), and which figures scoring reads.

Ratios are exact ``Decimal``; money integer fen. The rules, each a setting with its default:

- **Gap.** ``gap = (declared − rebuilt) / rebuilt`` for annual sales and operating cost:
  how far the applicant's figure is above (+) or below (−) what the bills show. Flagged when
  ``|gap| > 30 %``, or when something is declared and the bills show nothing at all.
- **Meter.** The 12 months are split in halves (months 1–6 and 7–12). Months count when the
  statements cover them and the electricity bills cover every day of them; each half needs
  at least two. Flagged when mean monthly revenue of the second half is at least 1.5× that of
  the first while mean monthly kWh is at most 0.75× — sales ×2 with power ×0.5 is flagged,
  sales ×1.2 with power ×0.9 is not. A business that sells more uses more power; one whose
  sales jump while its meter slows has sales the meter does not bear out.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from workstation.domain.application import Financials, percent
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message

RATIO_PLACES = Decimal("0.0001")
USAGE_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class CheckSettings:
    """The R24 defaults; a supervisor may change them."""

    gap_threshold: Decimal = Decimal("0.30")
    meter_sales_rise: Decimal = Decimal("1.5")  # second half's sales at least this × the first
    meter_power_fall: Decimal = Decimal("0.75")  # …while power use at most this ×
    meter_min_months: int = 2  # months with both figures needed in each half
    stale_months: int = 3  # the statements' newest month this far before the application: stale


class UtilityKind(StrEnum):
    ELECTRICITY = "electricity"  # usage in kWh
    WATER = "water"  # usage in m³


@dataclass(frozen=True)
class UtilityUsage:
    """One utility bill: its period (both days inclusive; not always a calendar month)."""

    start: date
    end: date
    kind: UtilityKind
    usage: Decimal  # kWh or m³
    amount_fen: int


def monthly_usage(
    bills: Sequence[UtilityUsage], kind: UtilityKind, months: Sequence[date]
) -> list[Decimal | None]:
    """Usage per calendar month, each bill spread evenly over its days; None for a month the
    bills do not cover every day of (a partial month would read as a fall in use)."""
    chosen = [b for b in bills if b.kind == kind and b.end >= b.start]
    out: list[Decimal | None] = []
    for first in months:
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        covered: set[date] = set()
        total = Decimal(0)
        for bill in chosen:
            start, end = max(bill.start, first), min(bill.end, last)
            if start > end:
                continue
            days = (end - start).days + 1
            total += bill.usage * days / ((bill.end - bill.start).days + 1)
            covered.update(start + timedelta(d) for d in range(days))
        whole = len(covered) == (last - first).days + 1
        out.append(total.quantize(USAGE_PLACES, ROUND_HALF_UP) if whole else None)
    return out


@dataclass(frozen=True)
class MeterCheck:
    """The meter rule's inputs and outcome; ratios None when a half lacks data."""

    first_half: tuple[date, ...]  # the months used
    second_half: tuple[date, ...]
    sales_ratio: Decimal | None  # mean monthly revenue, second half / first half
    power_ratio: Decimal | None  # mean monthly kWh, second half / first half
    flagged: bool


def meter_check(
    months: Sequence[date],
    revenue_fen: Sequence[int],
    kwh: Sequence[Decimal | None],
    covered: Sequence[bool],
    settings: CheckSettings = CheckSettings(),
) -> MeterCheck:
    """The meter rule (module docstring) over the 12 months."""
    usable = [i for i in range(len(months)) if covered[i] and kwh[i] is not None]
    half = len(months) // 2
    one, two = [i for i in usable if i < half], [i for i in usable if i >= half]
    first, second = tuple(months[i] for i in one), tuple(months[i] for i in two)
    if min(len(one), len(two)) < settings.meter_min_months:
        return MeterCheck(first, second, None, None, False)
    sales = _ratio_of_means([revenue_fen[i] for i in one], [revenue_fen[i] for i in two])
    power = _ratio_of_means([kwh[i] for i in one], [kwh[i] for i in two])
    flagged = (
        sales is not None
        and power is not None
        and sales >= settings.meter_sales_rise
        and power <= settings.meter_power_fall
    )
    return MeterCheck(first, second, sales, power, flagged)


def _ratio_of_means(before: Sequence, after: Sequence) -> Decimal | None:
    low = Decimal(sum(before)) / len(before)
    high = Decimal(sum(after)) / len(after)
    if low <= 0:
        return None
    return (high / low).quantize(USAGE_PLACES, ROUND_HALF_UP)


# --- declared against rebuilt ------------------------------------------------------------------

GAP_FIGURES = ("annual_sales_fen", "operating_cost_fen")
COMPARED = (*GAP_FIGURES, "net_profit_margin", "sales_growth")

SALES_GAP = QT_TRANSLATE_NOOP(
    "messages",
    "Declared sales (CNY {declared}) differ by {percent}% from the CNY {rebuilt} the bills "
    "show (more than {threshold}%)",
)
COST_GAP = QT_TRANSLATE_NOOP(
    "messages",
    "Declared operating cost (CNY {declared}) differs by {percent}% from the CNY {rebuilt} "
    "the bills show (more than {threshold}%)",
)
SALES_NONE = QT_TRANSLATE_NOOP(
    "messages", "Sales of CNY {declared} are declared but the bills show none"
)
COST_NONE = QT_TRANSLATE_NOOP(
    "messages", "An operating cost of CNY {declared} is declared but the bills show none"
)
METER = QT_TRANSLATE_NOOP(
    "messages",
    "Sales went to {sales}× while electricity use went to {power}× (the last six months "
    "against the first six): the meter does not bear out the sales",
)
STALE = QT_TRANSLATE_NOOP(
    "messages",
    "The statements end in {month}, {months} months before the application ({applied}): the "
    "rebuilt figures describe an earlier year; ask for the last twelve months",
)
PARTIAL = QT_TRANSLATE_NOOP(
    "messages",
    "The statements cover {covered} of the 12 months; the rebuilt figures are for those "
    "months only",
)
_GAP_TEMPLATES = {
    "annual_sales_fen": (SALES_GAP, SALES_NONE),
    "operating_cost_fen": (COST_GAP, COST_NONE),
}


class FlagKind(StrEnum):
    SALES_GAP = "sales_gap"
    COST_GAP = "cost_gap"
    METER = "meter"
    PARTIAL_COVERAGE = "partial_coverage"  # not a risk flag: says the figures are partial
    STALE = "stale"  # the twelve months end long before the application


RISK_FLAGS = frozenset({FlagKind.SALES_GAP, FlagKind.COST_GAP, FlagKind.METER, FlagKind.STALE})
_FLAG_OF = {"annual_sales_fen": FlagKind.SALES_GAP, "operating_cost_fen": FlagKind.COST_GAP}


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    message: Message


Figure = int | Decimal | None


@dataclass(frozen=True)
class FigureComparison:
    """One R12 figure side by side: declared, rebuilt, officer-adjusted; the gap (declared −
    rebuilt) / rebuilt, and whether it is flagged (sales and cost only)."""

    name: str  # the ``Financials`` field
    declared: Figure
    rebuilt: Figure
    adjusted: Figure
    gap: Decimal | None
    flagged: bool


def compare(
    declared: Financials | None,
    rebuilt: Financials,
    adjusted: Financials | None = None,
    settings: CheckSettings = CheckSettings(),
) -> tuple[tuple[FigureComparison, ...], tuple[Flag, ...]]:
    """Every compared figure side by side, and the gap flags (R24)."""
    rows, flags = [], []
    for name in COMPARED:
        mine = getattr(declared, name) if declared else None
        theirs = getattr(rebuilt, name)
        gap, flagged, flag = None, False, None
        if name in GAP_FIGURES and mine is not None and theirs is not None:
            gap, flagged, flag = _gap(name, mine, theirs, settings.gap_threshold)
        rows.append(
            FigureComparison(
                name,
                mine,
                theirs,
                getattr(adjusted, name, None) if adjusted else None,
                gap,
                flagged,
            )
        )
        if flag:
            flags.append(flag)
    return tuple(rows), tuple(flags)


def _gap(
    name: str, declared: int, rebuilt: int, threshold: Decimal
) -> tuple[Decimal | None, bool, Flag | None]:
    with_gap, with_none = _GAP_TEMPLATES[name]
    if rebuilt == 0:
        if declared == 0:
            return Decimal(0), False, None
        return None, True, Flag(_FLAG_OF[name], Message.of(with_none, declared=_yuan(declared)))
    exact = (Decimal(declared) - rebuilt) / abs(rebuilt)
    gap = exact.quantize(RATIO_PLACES, ROUND_HALF_UP)
    if abs(exact) <= threshold:
        return gap, False, None
    signed = percent(gap)
    message = Message.of(
        with_gap,
        declared=_yuan(declared),
        rebuilt=_yuan(rebuilt),
        percent=signed if gap < 0 else f"+{signed}",
        threshold=percent(threshold),
    )
    return gap, True, Flag(_FLAG_OF[name], message)


def meter_flag(check: MeterCheck) -> Flag | None:
    if not check.flagged:
        return None
    return Flag(
        FlagKind.METER,
        Message.of(METER, sales=f"{check.sales_ratio}", power=f"{check.power_ratio}"),
    )


def coverage_flag(covered: int, months: int = 12) -> Flag | None:
    if covered >= months:
        return None
    return Flag(FlagKind.PARTIAL_COVERAGE, Message.of(PARTIAL, covered=covered))


def months_before(month: date, applied_on: date) -> int:
    """Whole months from ``month`` (any day of it) to the month before ``applied_on``'s: 0 when
    ``month`` is the last full month before the application."""
    return (applied_on.year * 12 + applied_on.month - 1) - (month.year * 12 + month.month)


def stale_flag(
    last_month: date, applied_on: date, settings: CheckSettings = CheckSettings()
) -> Flag | None:
    """R24 rebuilds the twelve months before the application: statements whose newest month
    is more than ``stale_months`` before it describe another year of the business."""
    behind = months_before(last_month, applied_on)
    if behind <= settings.stale_months:
        return None
    return Flag(
        FlagKind.STALE,
        Message.of(
            STALE, month=f"{last_month:%Y-%m}", months=behind, applied=applied_on.isoformat()
        ),
    )


def figures_for_scoring(declared: Financials, adjusted: Financials | None) -> Financials:
    """What scoring reads (R24): the officer-adjusted figure where there is one, else the
    declared one, field by field."""
    if adjusted is None:
        return declared
    chosen = {
        f.name: getattr(adjusted, f.name)
        for f in fields(Financials)
        if getattr(adjusted, f.name) not in (None, ())
    }
    return replace(declared, **chosen)


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"
