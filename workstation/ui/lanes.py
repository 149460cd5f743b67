"""The board's lanes (R22): one painted card per stage, the line in a row, the side lanes apart.

A card is a light widget that paints its own figures (no child widget per number), so twelve
cards cost twelve paint calls. Colour is kept for what needs attention: the risk mix, a red
tint when cases are past the stage's time limit, and a dark marker on the bottleneck.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from workstation.domain.line_speed import DEFAULT_LIMITS, StageLimit, StageLoad
from workstation.domain.stages import FINAL_STAGES, MAIN_LINE, SIDE_LANES, WORK_STAGES, Stage
from workstation.services.pipeline import BoardSnapshot
from workstation.ui.common import BREACH_COLOR, RISK_COLORS, format_wait, stage_label, translate

ALL_OPEN = "open"  # the lane key of the "On the line" card; other keys are stage values

BOARD_BG = QColor("#eef0f3")
CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#d5dae1")
BREACH_BG = QColor("#fcefee")
BREACH_BORDER = QColor("#e4aaa5")
SELECTED_BORDER = QColor("#1f5fbf")
SELECTED_BG = QColor("#f3f7fe")
TEXT = QColor("#1f2328")
TEXT_MUTED = QColor("#667085")
BOTTLENECK_BG = QColor("#263238")
EMPTY_BAR = QColor("#e3e6ea")
PAD = 10.0


@dataclass(frozen=True)
class LaneFigures:
    """What one card shows; ``None`` figures are not shown on that card."""

    key: str
    title: str
    waiting: int = 0
    green: int = 0
    amber: int = 0
    red: int = 0
    breached: int | None = None  # None: the stage has no time limit
    limit_text: str = ""
    oldest: str = ""
    pace: float | None = None  # cases leaving per day, last 7 days
    bottleneck: bool = False
    clear_days: float | None = None  # only shown on work stages
    limit_tip: str = ""
    queue: bool = True  # cases here wait for someone ("waiting"), or just stand ("cases")
    tinted: bool = True  # a red tint when breached (not on the "On the line" sum)


class LaneCard(QWidget):
    """One stage's queue at a glance; a click (or Space/Enter) filters the case table."""

    clicked = Signal(str)

    def __init__(self, key: str, title: str, compact: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self._figures = LaneFigures(key, title)
        self._compact = compact
        self._selected = False
        self._hover = False
        self._font_cache: dict[tuple[float, bool], tuple[QFont, QFontMetrics]] = {}
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)

    @property
    def figures(self) -> LaneFigures:
        return self._figures

    def set_figures(self, figures: LaneFigures) -> None:
        self._figures = figures
        self.setToolTip(self._tooltip())
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    def is_selected(self) -> bool:
        return self._selected

    def sizeHint(self) -> QSize:  # noqa: N802
        line = QFontMetrics(self.font()).height()
        if self._compact:
            return QSize(150, int(PAD * 2 + line * 5.3 + 10))
        return QSize(150, int(PAD * 2 + line * 9.0 + 16))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(110, self.sizeHint().height())

    # --- input ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit(self.key)
            return
        super().keyPressEvent(event)

    def enterEvent(self, event) -> None:  # noqa: N802, ANN001
        self._hover = True
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802, ANN001
        self._hover = False
        self.update()
        super().leaveEvent(event)

    def _tooltip(self) -> str:
        f = self._figures
        lines = [
            f.title,
            self.tr("Green {g} · Amber {a} · Red {r}").format(g=f.green, a=f.amber, r=f.red),
        ]
        if f.limit_tip:
            lines.append(f.limit_tip)
        if f.bottleneck:
            lines.append(self.tr("Slowest to clear at its recent pace: the line's bottleneck"))
        return "\n".join(lines)

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = self._figures
        breached = bool(f.breached) and f.tinted
        self._paint_frame(p, breached)
        inner = QRectF(self.rect()).adjusted(PAD, PAD - 2, -PAD, -PAD)
        y = self._paint_heading(p, inner, f)
        y = self._paint_count(p, inner, y, f)
        y = self._paint_risk(p, inner, y, f)
        if not self._compact:
            self._paint_details(p, inner, y, f)
        else:
            self._paint_compact_details(p, inner, y, f)
        p.end()

    def _paint_frame(self, p: QPainter, breached: bool) -> None:
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        bg = BREACH_BG if breached else (SELECTED_BG if self._selected else CARD_BG)
        if self._selected:
            pen = QPen(SELECTED_BORDER, 2.0)
        elif breached:
            pen = QPen(BREACH_BORDER, 1.0)
        elif self._hover or self.hasFocus():
            pen = QPen(TEXT_MUTED, 1.0)
        else:
            pen = QPen(CARD_BORDER, 1.0)
        p.setPen(pen)
        p.setBrush(bg)
        p.drawRoundedRect(rect, 6, 6)
        if self._selected:  # a bar under the heading side makes the choice visible at a glance
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(SELECTED_BORDER)
            p.drawRoundedRect(QRectF(rect.left(), rect.top(), rect.width(), 4), 2, 2)

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        """The card's font at ``scale``; fonts and metrics are cached (a card paints often)."""
        return self._styled(scale, bold)[0]

    def _metrics(self, font: QFont) -> QFontMetrics:
        for cached, metrics in self._font_cache.values():
            if cached is font:
                return metrics
        return QFontMetrics(font)

    def _styled(self, scale: float, bold: bool) -> tuple[QFont, QFontMetrics]:
        key = (scale, bold)
        if key not in self._font_cache:
            font = QFont(self.font())
            font.setPointSizeF(max(6.0, self.font().pointSizeF() * scale))
            font.setBold(bold)
            self._font_cache[key] = (font, QFontMetrics(font))
        return self._font_cache[key]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._font_cache.clear()
        super().changeEvent(event)

    def _paint_heading(self, p: QPainter, inner: QRectF, f: LaneFigures) -> float:
        font = self._font(1.0, bold=True)
        metrics = self._metrics(font)
        p.setFont(font)
        p.setPen(TEXT)
        title = metrics.elidedText(f.title, Qt.TextElideMode.ElideRight, int(inner.width()))
        p.drawText(QPointF(inner.left(), inner.top() + metrics.ascent()), title)
        return inner.top() + metrics.height() + 2

    def _paint_count(self, p: QPainter, inner: QRectF, y: float, f: LaneFigures) -> float:
        big = self._font(1.9 if not self._compact else 1.5, bold=True)
        metrics = self._metrics(big)
        p.setFont(big)
        p.setPen(TEXT)
        count = f"{f.waiting:,}"
        baseline = y + metrics.ascent()
        p.drawText(QPointF(inner.left(), baseline), count)
        small = self._font(0.85)
        p.setFont(small)
        p.setPen(TEXT_MUTED)
        x = inner.left() + metrics.horizontalAdvance(count) + 5
        p.drawText(QPointF(x, baseline), self.tr("waiting") if f.queue else self.tr("cases"))
        return y + metrics.height() + 2

    def _paint_risk(self, p: QPainter, inner: QRectF, y: float, f: LaneFigures) -> float:
        bar = QRectF(inner.left(), y + 2, inner.width(), 6)
        clip = QPainterPath()
        clip.addRoundedRect(bar, 3, 3)
        p.save()
        p.setClipPath(clip)
        p.fillRect(bar, EMPTY_BAR)
        total = f.green + f.amber + f.red
        x = bar.left()
        for count, colour in ((f.green, "green"), (f.amber, "amber"), (f.red, "red")):
            if total and count:
                w = bar.width() * count / total
                p.fillRect(QRectF(x, bar.top(), w, bar.height()), RISK_COLORS[colour])
                x += w
        p.restore()
        y = bar.bottom() + 5
        font = self._font(0.9)
        metrics = self._metrics(font)
        p.setFont(font)
        x = inner.left()
        baseline = y + metrics.ascent()
        for count, colour in ((f.green, "green"), (f.amber, "amber"), (f.red, "red")):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(RISK_COLORS[colour])
            dot = metrics.height() * 0.42
            p.drawEllipse(QRectF(x, baseline - metrics.ascent() * 0.5 - dot / 2 + 1, dot, dot))
            x += dot + 3
            p.setPen(TEXT)
            text = f"{count:,}"
            p.drawText(QPointF(x, baseline), text)
            x += metrics.horizontalAdvance(text) + 9
        return y + metrics.height() + 4

    def _detail_line(
        self, p: QPainter, inner: QRectF, y: float, label: str, value: str, colour: QColor = TEXT
    ) -> float:
        font = self._font(0.9)
        metrics = self._metrics(font)
        p.setFont(font)
        p.setPen(TEXT_MUTED)
        baseline = y + metrics.ascent()
        p.drawText(QPointF(inner.left(), baseline), label)
        value_font = self._font(0.9, bold=colour != TEXT)
        p.setFont(value_font)
        p.setPen(colour)
        width = self._metrics(value_font).horizontalAdvance(value)
        p.drawText(QPointF(inner.right() - width, baseline), value)
        return y + metrics.height() * 1.12

    def _paint_details(self, p: QPainter, inner: QRectF, y: float, f: LaneFigures) -> None:
        y += 2
        if f.key != ALL_OPEN:
            y = self._detail_line(p, inner, y, self.tr("Oldest"), f.oldest or "—")
        if f.breached is None:
            y = self._detail_line(p, inner, y, self.tr("Over limit"), self.tr("no limit"))
        else:
            colour = BREACH_COLOR if f.breached else TEXT
            y = self._detail_line(p, inner, y, f.limit_text, f"{f.breached:,}", colour)
        if f.pace is not None:
            pace = self.tr("{n}/day").format(n=f"{f.pace:,.1f}")
            y = self._detail_line(p, inner, y, self.tr("Pace (7 d)"), pace)
        if f.clear_days is not None or f.bottleneck:
            self._paint_clearing(p, inner, y, f)

    def _clear_text(self, f: LaneFigures) -> str:
        if f.clear_days is None:
            return self.tr("stalled")
        return self.tr("{n} d").format(n=f"{f.clear_days:,.1f}")

    def _paint_clearing(self, p: QPainter, inner: QRectF, y: float, f: LaneFigures) -> None:
        """Days to clear the queue at its pace; on the bottleneck, a dark band says so."""
        if not f.bottleneck:
            self._detail_line(p, inner, y, self.tr("Clears in"), self._clear_text(f))
            return
        font = self._font(0.9, bold=True)
        metrics = self._metrics(font)
        band = QRectF(inner.left() - 4, y + 1, inner.width() + 8, metrics.height() + 2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(BOTTLENECK_BG)
        p.drawRoundedRect(band, 3, 3)
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        text_rect = band.adjusted(4, 0, -4, 0)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        p.drawText(text_rect, left, self.tr("Bottleneck"))
        p.drawText(text_rect, right, self._clear_text(f))

    def _paint_compact_details(self, p: QPainter, inner: QRectF, y: float, f: LaneFigures) -> None:
        self._detail_line(p, inner, y, self.tr("Oldest"), f.oldest or "—")


def limit_text(limit: StageLimit | None) -> str:
    """'Over 4 h' / 'Over 2 d': the label of a card's breach count (days are working days)."""
    if limit is None:
        return ""
    if limit.working_days:
        return translate("LaneBoard", "Over {n} d").format(n=limit.working_days)
    return translate("LaneBoard", "Over {n} h").format(n=limit.hours)


def limit_tooltip(limit: StageLimit | None) -> str:
    if limit is None:
        return translate("LaneBoard", "No time limit in this stage")
    if limit.working_days:
        return translate("LaneBoard", "Time limit: {n} working day(s)").format(n=limit.working_days)
    return translate("LaneBoard", "Time limit: {n} hour(s)").format(n=limit.hours)


def clear_days(load: StageLoad) -> float | None:
    """Days the queue takes to clear at its 7-day pace; None when nothing is leaving."""
    if load.throughput_per_day <= 0:
        return None
    return load.waiting / load.throughput_per_day


def figures_for(load: StageLoad, now: datetime, is_bottleneck: bool) -> LaneFigures:
    """A stage's card figures from the snapshot's load."""
    limit = DEFAULT_LIMITS.get(load.stage)
    terminal = load.stage in FINAL_STAGES or load.stage == Stage.BLACKLISTED
    return LaneFigures(
        key=load.stage.value,
        title=stage_label(load.stage.value),
        waiting=load.waiting,
        green=load.green,
        amber=load.amber,
        red=load.red,
        breached=load.breached if limit is not None else None,
        limit_text=limit_text(limit),
        oldest=format_wait(load.oldest_entered, now) if load.oldest_entered else "",
        pace=None if terminal else load.throughput_per_day,
        bottleneck=is_bottleneck,
        queue=load.stage in WORK_STAGES,
        clear_days=clear_days(load) if load.stage in WORK_STAGES else None,
        limit_tip=limit_tooltip(limit),
    )


def open_figures(snapshot: BoardSnapshot) -> LaneFigures:
    """The "On the line" card: every case waiting for a person, application to disbursement.

    Loans in monitoring and the side lanes have their own cards; summing them in would bury
    the day's work under months-old loans.
    """
    loads = [load for stage, load in snapshot.loads.items() if stage in WORK_STAGES]
    return LaneFigures(
        key=ALL_OPEN,
        title=translate("LaneBoard", "On the line"),
        waiting=sum(x.waiting for x in loads),
        green=sum(x.green for x in loads),
        amber=sum(x.amber for x in loads),
        red=sum(x.red for x in loads),
        breached=sum(x.breached for x in loads),
        limit_text=translate("LaneBoard", "Over limit"),
        queue=True,  # every case summed here waits for someone: "waiting", not "cases"
        tinted=False,
    )


class LaneBoard(QWidget):
    """The main line left to right with arrows between stages; the side lanes below it."""

    laneChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, BOARD_BG)
        self.setPalette(palette)
        self._cards: dict[str, LaneCard] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        self._add_card(grid, ALL_OPEN, self.tr("On the line"), 0, 0)
        for column, stage in enumerate(MAIN_LINE, start=1):
            self._add_card(grid, stage.value, stage_label(stage.value), 0, column)
        side = QLabel(self.tr("Off the line"), self)
        side.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        side.setStyleSheet(f"color: {TEXT_MUTED.name()};")
        grid.addWidget(side, 1, 0)
        for column, stage in enumerate(SIDE_LANES, start=1):
            self._add_card(grid, stage.value, stage_label(stage.value), 1, column, compact=True)
        for column in range(len(MAIN_LINE) + 1):
            grid.setColumnStretch(column, 1)
        self._selected = ALL_OPEN
        self._cards[ALL_OPEN].set_selected(True)

    def _add_card(
        self, grid: QGridLayout, key: str, title: str, row: int, column: int, compact: bool = False
    ) -> None:
        card = LaneCard(key, title, compact, self)
        card.clicked.connect(self._choose)
        grid.addWidget(card, row, column)
        self._cards[key] = card

    def card(self, key: str) -> LaneCard:
        return self._cards[key]

    def selected(self) -> str:
        return self._selected

    def select(self, key: str) -> None:
        """Mark ``key``'s card as the table's filter (no signal)."""
        if key not in self._cards:
            key = ALL_OPEN
        self._selected = key
        for card_key, card in self._cards.items():
            card.set_selected(card_key == key)

    def _choose(self, key: str) -> None:
        self.select(key)
        self.laneChosen.emit(key)

    def show_snapshot(self, snapshot: BoardSnapshot) -> None:
        for stage, load in snapshot.loads.items():
            card = self._cards.get(stage.value)
            if card is not None:
                card.set_figures(figures_for(load, snapshot.at, stage == snapshot.bottleneck))
        self._cards[ALL_OPEN].set_figures(open_figures(snapshot))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Chevrons in the gaps between main-line cards: the line's direction."""
        super().paintEvent(event)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#9aa3af"), 1.6))
        stages = [self._cards[s.value] for s in MAIN_LINE]
        for left, right in zip(stages, stages[1:], strict=False):
            gap_left = left.geometry().right()
            gap_right = right.geometry().left()
            cx = (gap_left + gap_right) / 2 + 1
            cy = left.geometry().center().y()
            p.drawPolyline(
                [QPointF(cx - 2.5, cy - 5), QPointF(cx + 2.5, cy), QPointF(cx - 2.5, cy + 5)]
            )
        p.end()


def lane_stages(key: str) -> tuple[str, ...]:
    """The stages a lane key stands for: one stage, or the work stages for "On the line"."""
    if key == ALL_OPEN:
        return tuple(s.value for s in WORK_STAGES)
    return (key,)
