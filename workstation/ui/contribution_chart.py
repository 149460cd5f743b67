"""How much each indicator gave to the score, against the most it could give (R16).

A horizontal bar a line: a pale bar for the indicator's maximum (weight × 100 points) and a
solid one for what it gave, so a gap shows at a glance where the points were lost. A missing
indicator gets an amber outline and the word "missing", never a zero-length bar that reads
like a zero.

matplotlib is imported inside the functions (DESIGN.md: charts load lazily, so the window
starts fast); this module itself is imported only when the Rating tab is first shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

CJK_FONT = "Noto Sans CJK SC"
GIVEN_COLOR = "#1565c0"
MAX_COLOR = "#e3e8ef"
MISSING_COLOR = "#ef8f00"
ROW_HEIGHT_PX = 34


@dataclass(frozen=True)
class Bar:
    """One indicator's line: label, points given (None: missing), most it could give."""

    label: str
    given: float | None
    maximum: float


def use_cjk_font() -> None:
    """Prefer a font with Chinese glyphs for every chart; silently keep the default if none."""
    from matplotlib import font_manager, rcParams

    if rcParams["font.sans-serif"] and rcParams["font.sans-serif"][0] == CJK_FONT:
        return
    if any(font.name == CJK_FONT for font in font_manager.fontManager.ttflist):
        rcParams["font.sans-serif"] = [CJK_FONT, *rcParams["font.sans-serif"]]
        rcParams["font.family"] = "sans-serif"
        rcParams["axes.unicode_minus"] = False  # CJK fonts may lack the minus sign


class ContributionChart(QWidget):
    """The bar chart on a ``FigureCanvasQTAgg``; ``show_bars`` draws it anew."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        use_cjk_font()
        self.figure = Figure(figsize=(5.2, 3.0), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.bars: list[Bar] = []

    def show_bars(self, bars: list[Bar], words: dict[str, str]) -> None:
        """Draw ``bars`` top to bottom; ``words`` are the translated title, axis and labels."""
        self.bars = list(bars)
        self.figure.clear()
        ax = self.figure.add_subplot()
        _draw(ax, self.bars, words)
        height = max(160, ROW_HEIGHT_PX * len(self.bars) + 90)
        self.canvas.setFixedHeight(height)
        self.figure.set_size_inches(
            self.figure.get_figwidth(), height / self.figure.dpi, forward=False
        )
        self.canvas.draw_idle()


def _draw(ax: Any, bars: list[Bar], words: dict[str, str]) -> None:
    rows = list(range(len(bars)))[::-1]  # first bar on top
    maxima = [b.maximum for b in bars]
    given = [b.given or 0.0 for b in bars]
    ax.barh(rows, maxima, color=MAX_COLOR, height=0.62, zorder=1)
    colors = ["none" if b.given is None else GIVEN_COLOR for b in bars]
    ax.barh(rows, given, color=colors, height=0.62, zorder=2)
    top = max(maxima, default=1.0) or 1.0
    for row, bar in zip(rows, bars, strict=True):
        if bar.given is None:
            ax.barh(
                row,
                bar.maximum,
                height=0.62,
                fill=False,
                edgecolor=MISSING_COLOR,
                hatch="//",
                linewidth=1.2,
                zorder=3,
            )
            text, color = words["missing"], MISSING_COLOR
        else:
            text, color = f"{bar.given:.1f} / {bar.maximum:.4g}", "#263238"
        ax.text(
            max(bar.maximum, bar.given or 0.0) + top * 0.02,
            row,
            text,
            va="center",
            fontsize=9,
            color=color,
        )
    ax.set_yticks(rows, [b.label for b in bars], fontsize=9)
    ax.set_xlim(0, top * 1.28)
    ax.set_xlabel(words["axis"], fontsize=9)
    ax.set_title(words["title"], fontsize=10, loc="left")
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#eceff1", zorder=0)
