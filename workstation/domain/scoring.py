"""The two weighted scorecards (R14, R15) as data, their scales (R16) and tiers (R17).

A scorecard is data, not code: indicators with weights and piecewise-linear scales, and the
tier cut-offs, stored with a version. ``score`` is pure and fast (one decision well under a
millisecond), so a million cases can be re-scored in a batch.

Missing figures. An indicator the applicant did not supply (``indicator_value`` gives
``None``) is never read as zero: its raw value, sub-score and contribution are ``None`` and its
key is listed in ``ScoreResult.missing``. The total is taken over the indicators that are
present, with their weights *renormalised to sum to 1*: total = sum(sub x w) / sum(w) over the
present ones. So the total stays on the 0..100 scale and a case with one gap is comparable with
a complete one, and each present indicator's ``contribution`` is sub-score x w / sum(w) (its
"effective weight"), so the contributions still add up to the total. A case with a gap is sent
to manual review by the decision (``decision.decide``), so an officer sees what was left out.
With nothing present at all the total is 0.

Units of the raw values (``indicator_value``): annual sales in whole yuan (fen // 100, so the
log scale reads in the units people think in), ratios as fractions (0.25 for 25 %), counts and
days as numbers, the seller rating (DSR) in stars 0..5.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workstation.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from workstation.domain.application import Application


@dataclass(frozen=True)
class Scale:
    """Piecewise-linear map from an indicator's value to a sub-score 0..100.

    ``points`` are (value, sub-score) pairs with ascending values; below the first point the
    first sub-score applies, above the last the last. With ``log`` the value's log10 is
    taken first (sales span three orders of magnitude). A falling scale (asset-liability
    ratio, complaints) simply has falling sub-scores.
    """

    points: tuple[tuple[Decimal, Decimal], ...]
    log: bool = False
    note: str = ""  # where the anchors come from, for the supervisor who edits them


@dataclass(frozen=True)
class Indicator:
    key: str  # what it reads from the application, e.g. "annual_sales" (see INDICATOR_KEYS)
    label: str  # English; the window translates it in the "indicators" context
    weight: Decimal  # the weights of a scorecard sum to exactly 1
    scale: Scale
    unit: str = ""  # how the raw value is shown: "fen", "ratio", "count", "days", "stars"


@dataclass(frozen=True)
class Scorecard:
    kind: str  # "platform" | "off_platform"
    version: int
    indicators: tuple[Indicator, ...]
    cutoffs: tuple[tuple[str, Decimal], ...]  # (("A", 80), ("B", 65), ("C", 50), ("D", 35))


@dataclass(frozen=True)
class IndicatorScore:
    key: str
    label: str
    raw: Decimal | None  # None: not supplied (shown as missing, never as zero)
    sub_score: Decimal | None  # 0..100
    weight: Decimal
    contribution: Decimal | None  # sub_score x effective weight, points of the total


@dataclass(frozen=True)
class ScoreResult:
    kind: str
    version: int
    items: tuple[IndicatorScore, ...]
    total: Decimal  # 0..100, two decimals
    tier: str  # "A".."E"
    missing: tuple[str, ...]  # keys of indicators with no value

    @property
    def complete(self) -> bool:
        return not self.missing


KINDS = ("platform", "off_platform")
TIERS = ("A", "B", "C", "D", "E")
DEFAULT_CUTOFFS: tuple[tuple[str, Decimal], ...] = (
    ("A", Decimal(80)),
    ("B", Decimal(65)),
    ("C", Decimal(50)),
    ("D", Decimal(35)),
)  # R17; below D's cut-off is E
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


# --- scales ---------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _scale_axis(points: tuple[tuple[Decimal, Decimal], ...], log: bool) -> tuple[Decimal, ...]:
    """The x positions of a scale's points (their log10 on a log scale), computed once."""
    return tuple(x.log10() if log else x for x, _ in points)


def evaluate(scale: Scale, value: Decimal) -> Decimal:
    """The sub-score (0..100) ``scale`` gives ``value``: linear between neighbouring points,
    clamped to the first / last sub-score outside them.

    On a log scale the interpolation runs on log10 of the value and of the points (so 100k
    yuan sits between 50k and 300k where its digits say, not where its size says); a value of
    0 or less has no logarithm and gets the scale's lowest sub-score.
    """
    points = scale.points
    if scale.log and value <= 0:
        return min(sub for _, sub in points)
    return _on_axis(points, _scale_axis(points, scale.log), scale.log, value)


def _on_axis(
    points: tuple[tuple[Decimal, Decimal], ...], xs: tuple[Decimal, ...], log: bool, value: Decimal
) -> Decimal:
    """``evaluate`` once the axis is known and a log scale's value is above 0."""
    x = value.log10() if log else value
    if x <= xs[0]:
        return points[0][1]
    for i in range(1, len(xs)):
        if x == xs[i]:  # an anchor: its sub-score exactly, whatever log10 rounded
            return points[i][1]
        if x < xs[i]:
            x0, x1 = xs[i - 1], xs[i]
            y0, y1 = points[i - 1][1], points[i][1]
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


# --- what each indicator reads ----------------------------------------------------------------


def _annual_sales(app: Application) -> Decimal | None:
    fen = app.financials.annual_sales_fen
    return None if fen is None else Decimal(fen // 100)  # whole yuan


def _sales_growth(app: Application) -> Decimal | None:
    return app.financials.sales_growth


def _order_count(app: Application) -> Decimal | None:
    count = app.platform.order_count
    return None if count is None else Decimal(count)


def _seller_rating(app: Application) -> Decimal | None:
    return app.platform.seller_dsr


def _transaction_activity(app: Application) -> Decimal | None:
    days = app.platform.active_days_per_month
    return days if days is not None else app.active_days_per_month


def _inventory_turnover(app: Application) -> Decimal | None:
    """Platform warehouse turnover when given, else operating cost / inventory (times a year)."""
    if app.platform.inventory_turnover is not None:
        return app.platform.inventory_turnover
    cost, inventory = app.financials.operating_cost_fen, app.financials.inventory_fen
    if cost is None or inventory is None or inventory <= 0:
        return None
    return Decimal(cost) / Decimal(inventory)


def _asset_liability_ratio(app: Application) -> Decimal | None:
    """Total liabilities / total assets; no assets declared (or none at all) is missing."""
    assets, liabilities = app.financials.total_assets_fen, app.financials.total_liabilities_fen
    if assets is None or liabilities is None or assets <= 0:
        return None
    return Decimal(liabilities) / Decimal(assets)


def _customer_reviews(app: Application) -> Decimal | None:
    rate = app.platform.positive_review_rate
    return rate if rate is not None else app.positive_review_rate


def _complaints(app: Application) -> Decimal | None:
    count = app.platform.complaints
    return None if count is None else Decimal(count)


_READERS: dict[str, Callable[[Application], Decimal | None]] = {
    "annual_sales": _annual_sales,  # R14 30 %, R15 20 %; yuan, log scale
    "sales_growth": _sales_growth,  # R14 20 %, R15 20 %; fraction year on year
    "order_count": _order_count,  # R14 20 %; orders in 12 months
    "seller_rating": _seller_rating,  # R14 20 %; DSR stars 0..5
    "transaction_activity": _transaction_activity,  # R14 10 %, R15 10 %; active days a month
    "inventory_turnover": _inventory_turnover,  # R15 20 %; times a year
    "asset_liability_ratio": _asset_liability_ratio,  # R15 20 %; falling scale
    "customer_reviews": _customer_reviews,  # R15 10 %; positive review rate 0..1
    "complaints": _complaints,  # R13/R16: available to a supervisor's card, falling scale
}
INDICATOR_KEYS: tuple[str, ...] = tuple(_READERS)


def indicator_value(key: str, app: Application) -> Decimal | None:
    """The raw value indicator ``key`` reads from ``app``; ``None`` when not supplied."""
    try:
        reader = _READERS[key]
    except KeyError:
        raise ValueError(f"unknown indicator {key!r}; known: {', '.join(INDICATOR_KEYS)}") from None
    return reader(app)


# --- score and tier ---------------------------------------------------------------------------


def tier(total: Decimal, cutoffs: tuple[tuple[str, Decimal], ...] = DEFAULT_CUTOFFS) -> str:
    """The rating tier (R17) of ``total``: the first tier whose cut-off it reaches, else E."""
    return _tier_of(total, _descending(cutoffs))


def _descending(cutoffs: tuple[tuple[str, Decimal], ...]) -> list[tuple[str, Decimal]]:
    return sorted(cutoffs, key=lambda c: c[1], reverse=True)


def _tier_of(total: Decimal, descending: list[tuple[str, Decimal]]) -> str:
    for name, cutoff in descending:
        if total >= cutoff:
            return name
    return "E"


@dataclass(frozen=True)
class _Plan:
    """What ``score`` needs of a scorecard, worked out once a card (batch re-scoring scores
    every case on the same card): each indicator's reader and axis, the cut-offs in order."""

    rows: tuple[tuple[Indicator, Callable[[Application], Decimal | None], Decimal | None], ...]
    axes: tuple[tuple[Decimal, ...], ...]
    cutoffs: list[tuple[str, Decimal]]
    keys_unique: bool  # always, on a validated card


_PLANS: dict[int, tuple[Scorecard, _Plan]] = {}


def _plan(card: Scorecard) -> _Plan:
    found = _PLANS.get(id(card))
    if found is not None and found[0] is card:
        return found[1]
    rows = []
    for ind in card.indicators:
        reader = _READERS.get(ind.key)
        if reader is None:  # not a known indicator: fail as ``indicator_value`` does

            def reader(app: Application, key: str = ind.key) -> Decimal | None:
                return indicator_value(key, app)

        points = ind.scale.points
        lowest = min(sub for _, sub in points) if ind.scale.log and points else None
        rows.append((ind, reader, lowest))
    plan = _Plan(
        rows=tuple(rows),
        axes=tuple(_scale_axis(i.scale.points, i.scale.log) for i in card.indicators),
        cutoffs=_descending(card.cutoffs),
        keys_unique=len({i.key for i in card.indicators}) == len(card.indicators),
    )
    if len(_PLANS) >= 64:
        _PLANS.clear()
    _PLANS[id(card)] = (card, plan)  # the card is kept, so its id is not reused meanwhile
    return plan


def score(card: Scorecard, app: Application) -> ScoreResult:
    """Score ``app`` on ``card`` (R14-R17); missing indicators are renormalised away (see
    the module docstring)."""
    plan = _plan(card)
    found: list[tuple[Decimal, Decimal] | None] = []
    missing: list[str] = []
    weight_present = weighted = Decimal(0)  # summed in card order, as ``sum`` would
    for (indicator, reader, lowest), xs in zip(plan.rows, plan.axes, strict=True):
        raw = reader(app)
        if raw is None:
            missing.append(indicator.key)
            found.append(None)
            continue
        scale = indicator.scale
        if lowest is not None and raw <= 0:  # a log scale: no logarithm, lowest sub-score
            sub = lowest
        else:
            sub = _on_axis(scale.points, xs, scale.log, raw)
        found.append((raw, sub))
        weight_present += indicator.weight
        weighted += indicator.weight * sub
    exact = (weighted / weight_present) if weight_present > 0 else Decimal(0)
    # R17 tiers the score itself: 64.9965 is below B's 65. The total shown is cut to the cent,
    # never rounded up, so what is shown always sits in the tier it was given.
    total = exact.quantize(_CENT, rounding=ROUND_DOWN)
    if not plan.keys_unique:  # an unvalidated card naming a key twice: the last one counts
        by_key = {ind.key: pair for (ind, _, _), pair in zip(plan.rows, found, strict=True) if pair}
        found = [by_key.get(ind.key) for ind, _, _ in plan.rows]
    items = []
    for (indicator, _, _), pair in zip(plan.rows, found, strict=True):
        if pair is None:
            items.append(
                IndicatorScore(indicator.key, indicator.label, None, None, indicator.weight, None)
            )
        else:
            raw, sub = pair
            contribution = sub * indicator.weight / weight_present
            items.append(
                IndicatorScore(
                    indicator.key, indicator.label, raw, sub, indicator.weight, contribution
                )
            )
    return ScoreResult(
        kind=card.kind,
        version=card.version,
        items=tuple(items),
        total=total,
        tier=_tier_of(exact, plan.cutoffs),
        missing=tuple(missing),
    )


# --- scorecards as data -----------------------------------------------------------------------


def validate_scorecard(card: Scorecard) -> None:
    """Raise ``ValueError`` saying what is wrong with ``card``; return quietly if sound."""
    where = f"scorecard {card.kind!r} version {card.version}"
    if card.kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {', '.join(KINDS)}")
    if not card.indicators:
        raise ValueError(f"{where}: has no indicators")
    keys = [ind.key for ind in card.indicators]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{where}: an indicator appears twice in {keys}")
    total_weight = sum((ind.weight for ind in card.indicators), Decimal(0))
    if total_weight != 1:
        raise ValueError(f"{where}: weights sum to {total_weight}, not exactly 1")
    for ind in card.indicators:
        _validate_indicator(where, ind)
    names = [name for name, _ in card.cutoffs]
    if len(set(names)) != len(names) or "E" in names or not set(names) <= set(TIERS):
        raise ValueError(f"{where}: cut-offs must name tiers A-D once each, got {names}")
    values = [value for _, value in card.cutoffs]
    if values != sorted(values, reverse=True) or any(not 0 <= v <= 100 for v in values):
        raise ValueError(f"{where}: cut-offs must fall from A to D within 0..100, got {values}")


def _validate_indicator(where: str, ind: Indicator) -> None:
    if ind.key not in _READERS:
        raise ValueError(f"{where}: unknown indicator {ind.key!r}")
    if ind.weight <= 0:
        raise ValueError(f"{where}: {ind.key} has weight {ind.weight}; weights must be above 0")
    points = ind.scale.points
    if not points:
        raise ValueError(f"{where}: {ind.key} has a scale with no points")
    xs = [x for x, _ in points]
    if any(b <= a for a, b in zip(xs, xs[1:], strict=False)):
        raise ValueError(f"{where}: {ind.key}'s scale points must ascend strictly, got {xs}")
    if ind.scale.log and xs[0] <= 0:
        raise ValueError(f"{where}: {ind.key} is a log scale, so its points must be above 0")
    if any(not 0 <= sub <= 100 for _, sub in points):
        raise ValueError(f"{where}: {ind.key}'s sub-scores must lie within 0..100")


def _decimal(value: Any, what: str) -> Decimal:
    """A Decimal from a JSON string or int; floats are refused (they are not exact)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"{what}: write numbers as strings or integers, got {value!r}")
    try:
        return Decimal(value)
    except ArithmeticError:
        raise ValueError(f"{what}: {value!r} is not a number") from None


def scorecard_from_dict(d: Mapping[str, Any]) -> Scorecard:
    """A validated scorecard from its JSON form (see ``scorecard_to_dict``)."""
    try:
        kind, version = str(d["kind"]), int(d["version"])
        indicators = tuple(_indicator_from_dict(item) for item in d["indicators"])
        cutoffs = tuple(
            (str(name), _decimal(value, f"cut-off {name}")) for name, value in d["cutoffs"]
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"scorecard is missing or mistypes a field: {exc}") from None
    card = Scorecard(kind=kind, version=version, indicators=indicators, cutoffs=cutoffs)
    validate_scorecard(card)
    return card


def _indicator_from_dict(item: Mapping[str, Any]) -> Indicator:
    key = str(item["key"])
    scale = item["scale"]
    points = tuple(
        (_decimal(x, f"{key} point"), _decimal(y, f"{key} sub-score")) for x, y in scale["points"]
    )
    return Indicator(
        key=key,
        label=str(item.get("label", key)),
        weight=_decimal(item["weight"], f"{key} weight"),
        scale=Scale(
            points=points, log=bool(scale.get("log", False)), note=str(scale.get("note", ""))
        ),
        unit=str(item.get("unit", "")),
    )


def scorecard_to_dict(card: Scorecard) -> dict[str, Any]:
    """The JSON form of ``card``: Decimals as strings, so nothing is lost on the way."""
    return {
        "kind": card.kind,
        "version": card.version,
        "cutoffs": [[name, str(value)] for name, value in card.cutoffs],
        "indicators": [
            {
                "key": ind.key,
                "label": ind.label,
                "weight": str(ind.weight),
                "unit": ind.unit,
                "scale": {
                    "log": ind.scale.log,
                    "note": ind.scale.note,
                    "points": [[str(x), str(y)] for x, y in ind.scale.points],
                },
            }
            for ind in card.indicators
        ],
    }


def default_scorecards(json_text: str) -> dict[str, Scorecard]:
    """The packaged default scorecards (resources/scorecards/default.json), by kind.

    The service reads the file and hands its text here; the domain touches no files.
    """
    data = json.loads(json_text)
    cards = [scorecard_from_dict(item) for item in data["scorecards"]]
    by_kind = {card.kind: card for card in cards}
    if len(by_kind) != len(cards) or set(by_kind) != set(KINDS):
        raise ValueError(f"default scorecards must hold one card per kind {KINDS}")
    return by_kind


# The default scorecards' indicator names, marked so the window can translate them (the
# cards themselves are data; a new card's names need a line here too).
INDICATOR_LABELS = (
    QT_TRANSLATE_NOOP("indicators", "Annual sales revenue"),
    QT_TRANSLATE_NOOP("indicators", "Sales growth"),
    QT_TRANSLATE_NOOP("indicators", "Order count"),
    QT_TRANSLATE_NOOP("indicators", "Seller rating (DSR)"),
    QT_TRANSLATE_NOOP("indicators", "Transaction activity"),
    QT_TRANSLATE_NOOP("indicators", "Inventory turnover"),
    QT_TRANSLATE_NOOP("indicators", "Asset-liability ratio"),
    QT_TRANSLATE_NOOP("indicators", "Customer reviews"),
    QT_TRANSLATE_NOOP("indicators", "Complaints"),
)
