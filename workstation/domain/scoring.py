"""The two weighted scorecards (R14, R15) as data, their scales (R16) and tiers (R17).

A scorecard is data, not code: indicators with weights and piecewise-linear scales, and the
tier cut-offs, stored with a version. ``score`` is pure and fast (one decision well under a
millisecond), so a million cases can be re-scored in a batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


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
