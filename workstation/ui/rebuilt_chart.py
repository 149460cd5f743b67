"""Charts of the rebuilt statement (R24): monthly revenue beside electricity use (a meter does
not lie), and declared / rebuilt / adjusted side by side for sales and operating cost.

matplotlib is imported inside the functions (DESIGN.md: charts load lazily); this module is
imported only when the rebuilt statement is first shown. Words come in translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from workstation.ui.contribution_chart import use_cjk_font

REVENUE_COLOR = "#1565c0"
POWER_COLOR = "#ef8f00"
UNCOVERED_COLOR = "#cfd8dc"
VERSION_COLORS = ("#90a4ae", "#1565c0", "#2e7d32")  # declared, rebuilt, adjusted
FLAG_COLOR = "#c62828"
HEIGHT_PX = 270


@dataclass(frozen=True)
class MonthPoint:
    label: str  # "2026-03"
    revenue_yuan: float
    kwh: float | None
    covered: bool


@dataclass(frozen=True)
class VersionBars:
    """One figure's three versions in yuan (None: not given) and whether its gap is flagged;
    ``as_declared``: not adjusted, the third bar is the declared figure scoring reads (hatched)."""

    label: str
    values: tuple[float | None, float | None, float | None]
    flagged: bool
    as_declared: bool = False


def yuan(fen: int | Decimal | None) -> float | None:
    return None if fen is None else float(fen) / 100


class RebuiltCharts(QWidget):
    """Two charts on one ``FigureCanvasQTAgg``; ``show_statement`` draws them anew."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        use_cjk_font()
        self.figure = Figure(figsize=(9.0, HEIGHT_PX / 100), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.canvas.setFixedHeight(HEIGHT_PX)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.months: list[MonthPoint] = []
        self.versions: list[VersionBars] = []

    def show_statement(
        self, months: Sequence[MonthPoint], versions: Sequence[VersionBars], words: dict[str, str]
    ) -> None:
        """``words``: revenue, power, revenue_axis, power_axis, months_title, versions_title,
        versions_axis, declared, rebuilt, adjusted, no_power, uncovered."""
        self.months, self.versions = list(months), list(versions)
        self.figure.clear()
        left, right = self.figure.subplots(1, 2, width_ratios=(2.3, 1))
        _draw_months(left, self.months, words)
        _draw_versions(right, self.versions, words)
        self.canvas.draw_idle()


def _draw_months(ax: Any, months: list[MonthPoint], words: dict[str, str]) -> None:
    x = list(range(len(months)))
    for covered, color, label in (
        (True, REVENUE_COLOR, words["revenue"]),
        (False, UNCOVERED_COLOR, words["uncovered"]),
    ):
        chosen = [i for i, m in enumerate(months) if m.covered == covered]
        if chosen:
            heights = [months[i].revenue_yuan if covered else 0.0 for i in chosen]
            ax.bar(chosen, heights, color=color, width=0.62, label=label)
            if not covered:  # a thin strip: the month is there, no statement covers it
                ax.plot(chosen, [0.0] * len(chosen), "s", color=color, markersize=6)
    ax.set_xticks(x, [m.label[2:] for m in months], fontsize=8, rotation=45)
    ax.set_ylabel(words["revenue_axis"], fontsize=8, color=REVENUE_COLOR)
    ax.tick_params(axis="y", labelsize=8)
    ax.yaxis.set_major_formatter(_thousands())
    ax.set_title(words["months_title"], fontsize=10, loc="left")
    for side in ("top",):
        ax.spines[side].set_visible(False)
    power = ax.twinx()
    known = [(i, m.kwh) for i, m in enumerate(months) if m.kwh is not None]
    if known:
        power.plot(
            [i for i, _ in known],
            [k for _, k in known],
            color=POWER_COLOR,
            marker="o",
            markersize=4,
            linewidth=1.8,
            label=words["power"],
        )
        power.set_ylim(bottom=0)
        power.set_ylabel(words["power_axis"], fontsize=8, color=POWER_COLOR)
    else:
        power.text(
            0.5, 0.5, words["no_power"], transform=ax.transAxes, ha="center",
            fontsize=9, color=POWER_COLOR,
        )  # fmt: skip
        power.set_yticks([])
    power.tick_params(axis="y", labelsize=8)
    power.spines["top"].set_visible(False)
    handles = ax.get_legend_handles_labels()[0] + power.get_legend_handles_labels()[0]
    # headroom above the tallest bar and point, so the legend sits on nothing (found in review)
    for axis in (ax, power):
        bottom, top = axis.get_ylim()
        axis.set_ylim(bottom, top + (top - bottom) * 0.22)
    ax.legend(handles=handles, fontsize=8, loc="upper left", frameon=False, ncol=2)


def _draw_versions(ax: Any, versions: list[VersionBars], words: dict[str, str]) -> None:
    names = (words["declared"], words["rebuilt"], words["adjusted"])
    width = 0.26
    for n, (name, color) in enumerate(zip(names, VERSION_COLORS, strict=True)):
        xs = [i + (n - 1) * width for i in range(len(versions))]
        values = [v.values[n] or 0.0 for v in versions]
        bars = ax.bar(xs, values, width=width * 0.92, color=color, label=name)
        for bar, v in zip(bars, versions, strict=True):
            if n == 2 and v.as_declared:  # what scoring reads: the declared figure
                bar.set_facecolor("none")
                bar.set_edgecolor(color)
                bar.set_hatch("///")
    labels = [f"⚠ {v.label}" if v.flagged else v.label for v in versions]
    ax.set_xticks(range(len(versions)), labels, fontsize=9)
    for tick, v in zip(ax.get_xticklabels(), versions, strict=True):
        if v.flagged:
            tick.set_color(FLAG_COLOR)
    ax.set_ylabel(words["versions_axis"], fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.yaxis.set_major_formatter(_thousands())
    ax.set_title(words["versions_title"], fontsize=10, loc="left")
    ax.legend(fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#eceff1", zorder=0)


def _thousands() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: f"{value:,.0f}")
