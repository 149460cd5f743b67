"""The Rating tab of a case (评级决策): what was decided, and why, in words an owner can be told.

From the top: the outcome in one sentence; the score and tier, large; every indicator with
its value, sub-score, weight and contribution, weakest (lowest sub-score) first, beside a bar
chart of points given against points possible; the limit step by step per product, the
combined cap and the price (annual rate first, R35); the adjustments and checks (R18, R20);
the scorecard and macro settings used and who decided when. Earlier decisions stay one choice away.

The decisions are read through ``Background.read`` each time the case page loads. The chart
module (and with it matplotlib) is imported only when the tab is first shown.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.decision import Decision, Outcome
from workstation.domain.limits import LimitResult, LimitStep, ProductOffer
from workstation.domain.people import Permission, may
from workstation.domain.scoring import Indicator, IndicatorScore, Scorecard
from workstation.services import rating as rating_service
from workstation.services.context import Context, Session
from workstation.ui.common import (
    RISK_COLORS,
    format_fen,
    format_time,
    kind_label,
    message_text,
    person_name,
    product_label,
    translate,
)
from workstation.ui.table_model import HeaderedTableModel
from workstation.ui.tasks import Background

AnyIndex = QModelIndex | QPersistentModelIndex
MISSING_COLOR = RISK_COLORS["amber"]
HUNDRED = Decimal(100)

_OUTCOMES = {
    Outcome.DECLINE.value: QT_TRANSLATE_NOOP("DecisionTab", "Declined"),
    Outcome.INVESTIGATE.value: QT_TRANSLATE_NOOP("DecisionTab", "On to investigation"),
    Outcome.MANUAL_REVIEW.value: QT_TRANSLATE_NOOP("DecisionTab", "Manual review"),
}
_OUTCOME_COLORS = {
    Outcome.DECLINE.value: ("#fdecea", "#8e1b1b", "#e57373"),
    Outcome.INVESTIGATE.value: ("#e8f5e9", "#1b5e20", "#81c784"),
    Outcome.MANUAL_REVIEW.value: ("#fff4e5", "#6b3d00", "#f0c36d"),
}
_MULTIPLIERS = {
    "industry": QT_TRANSLATE_NOOP("DecisionTab", "Industry outlook"),
    "economy": QT_TRANSLATE_NOOP("DecisionTab", "Economy"),
}
LEGAL_FLAGS = {
    "guarantees_outstanding": QT_TRANSLATE_NOOP("DecisionTab", "Guarantees outstanding"),
    "property_registration_issue": QT_TRANSLATE_NOOP("DecisionTab", "Property registration issue"),
    "bankruptcy": QT_TRANSLATE_NOOP("DecisionTab", "Bankruptcy"),
    "litigation": QT_TRANSLATE_NOOP("DecisionTab", "Litigation"),
}
BLACKLIST_KINDS = {
    "owner_id_number": QT_TRANSLATE_NOOP("DecisionTab", "Owner ID number"),
    "credit_code": QT_TRANSLATE_NOOP("DecisionTab", "Unified social credit code"),
    "platform_account": QT_TRANSLATE_NOOP("DecisionTab", "Platform account"),
}


def _tr(text: str) -> str:
    return translate("DecisionTab", text)


def outcome_label(outcome: str) -> str:
    return _tr(_OUTCOMES[outcome]) if outcome in _OUTCOMES else outcome


def blacklist_kind_label(kind: str) -> str:
    return _tr(BLACKLIST_KINDS[kind]) if kind in BLACKLIST_KINDS else kind


# ---- numbers as people read them --------------------------------------------------------


def _fixed(value: Decimal, places: int, keep: int | None = None) -> str:
    """``value`` rounded half-up to ``places`` decimals; trailing zeros cut down to ``keep``."""
    text = f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    if keep is not None and "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0").ljust(keep, "0")
        text = f"{whole}.{frac}" if frac else whole
    return text


def format_percent(ratio: Decimal, places: int = 2, keep: int | None = None) -> str:
    """A ratio as a percentage: Decimal("0.1825") -> "18.25%" (exact, half-up)."""
    return f"{_fixed(ratio * HUNDRED, places, keep)}%"


def annual_rate_text(offer: ProductOffer) -> str:
    """R35: the simple annual rate, two decimals: 0.0005 a day -> "Annual 18.25%"."""
    return translate("DecisionTab", "Annual {rate}").format(
        rate=format_percent(offer.annual_rate, 2)
    )


def daily_rate_text(offer: ProductOffer) -> str:
    return translate("DecisionTab", "daily {rate}").format(
        rate=format_percent(offer.daily_rate, 4, keep=2)
    )


def format_raw(value: Decimal | None, unit: str) -> str:
    """An indicator's raw value by its unit; None is "missing", never zero."""
    if value is None:
        return translate("DecisionTab", "missing")
    if unit == "fen":
        return format_fen(int(value))
    if unit == "yuan":
        return format_fen(int(value * HUNDRED))
    if unit == "ratio":
        return format_percent(value, 1)
    if unit == "count":
        return f"{int(value):,}"
    if unit == "days":
        return translate("DecisionTab", "{n} days").format(n=_fixed(value, 1, keep=0))
    if unit == "times":
        return translate("DecisionTab", "{n} times a year").format(n=_fixed(value, 1, keep=0))
    if unit == "stars":
        return translate("DecisionTab", "{n} ★").format(n=_fixed(value, 2, keep=1))
    return _fixed(value, 2, keep=0)


def _scale_of(items: Sequence[IndicatorScore]) -> Decimal | None:
    """The factor the scorecard scaled the present weights by (1 with nothing missing), read
    off its own figures: a present indicator with a sub-score gave sub × weight × factor."""
    for i in items:
        if i.contribution is not None and i.sub_score and i.weight:
            return i.contribution / (i.sub_score * i.weight)
    if all(i.contribution is not None for i in items):
        return Decimal(1)
    return None  # gaps, and every present indicator scored 0: the figures do not tell


def points_possible(item: IndicatorScore, items: Sequence[IndicatorScore] = ()) -> Decimal | None:
    """The most an indicator could give to the 0–100 score, from the scorecard's figures:
    contribution × 100 / sub-score; for a sub-score of 0, its weight scaled as its siblings'
    were; for a missing one, its weight × 100 (what it would give were the case complete).
    None when the figures do not tell."""
    if item.contribution is None:
        return item.weight * HUNDRED
    if item.sub_score:
        return item.contribution * HUNDRED / item.sub_score
    scale = _scale_of(items or (item,))
    return None if scale is None else item.weight * scale * HUNDRED


def weakest_first(items: Sequence[IndicatorScore]) -> list[IndicatorScore]:
    """Missing indicators first (they need asking for), then by sub-score, lowest first and
    the heavier first on a tie: the order the decision's reasons name the weakest in."""
    return sorted(
        items,
        key=lambda i: (
            i.raw is not None and i.sub_score is not None,
            i.sub_score if i.sub_score is not None else Decimal(0),
            -i.weight,
            i.label,
        ),
    )


# ---- the indicator table ----------------------------------------------------------------


class IndicatorModel(HeaderedTableModel):
    """The indicators of one score, weakest first; a missing value says so, in amber."""

    HEADERS = (
        QT_TRANSLATE_NOOP("IndicatorModel", "Indicator"),
        QT_TRANSLATE_NOOP("IndicatorModel", "Value"),
        QT_TRANSLATE_NOOP("IndicatorModel", "Sub-score (0–100)"),
        QT_TRANSLATE_NOOP("IndicatorModel", "Weight"),
        QT_TRANSLATE_NOOP("IndicatorModel", "Points given"),
    )
    UNIT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[IndicatorScore] = []
        self._indicators: dict[str, Indicator] = {}

    def set_score(self, items: Sequence[IndicatorScore], scorecard: Scorecard | None) -> None:
        self.beginResetModel()
        self._items = weakest_first(items)
        self._indicators = {i.key: i for i in scorecard.indicators} if scorecard else {}
        self.endResetModel()

    def unit(self, key: str) -> str:
        indicator = self._indicators.get(key)
        return indicator.unit if indicator else ""

    def item(self, row: int) -> IndicatorScore:
        return self._items[row]

    def row_count(self) -> int:
        return len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, col = self._items[index.row()], index.column()
        missing = item.raw is None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, col)
        if role == Qt.ItemDataRole.ForegroundRole and missing and col > 0:
            return MISSING_COLOR
        if role == Qt.ItemDataRole.FontRole and missing and col == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._scale_tip(item) if col == 0 else self._tip(item)
        if role == self.UNIT_ROLE:
            return self.unit(item.key)
        return None

    def _text(self, item: IndicatorScore, col: int) -> str:
        if col == 0:
            return translate("indicators", item.label)
        if col == 1:
            return format_raw(item.raw, self.unit(item.key))
        if col == 3:
            return format_percent(item.weight, 2, keep=0)
        value = item.sub_score if col == 2 else item.contribution
        if item.raw is None or value is None:
            return self.tr("missing")
        if col == 2:
            return _fixed(value, 1, keep=0)
        possible = self.possible(item)
        if possible is None:
            return _fixed(value, 2)
        return self.tr("{given} of {possible}").format(
            given=_fixed(value, 2), possible=_fixed(possible, 2, keep=0)
        )

    def possible(self, item: IndicatorScore) -> Decimal | None:
        """The most ``item`` could give, from the score's own figures (``points_possible``)."""
        return points_possible(item, self._items)

    def _scale_tip(self, item: IndicatorScore) -> str | None:
        """The indicator's scale in words: which value earns which sub-score."""
        indicator = self._indicators.get(item.key)
        if indicator is None or not indicator.scale.points:
            return None
        unit = indicator.unit
        anchors = " · ".join(
            f"{format_raw(value, unit)} → {_fixed(sub, 1, keep=0)}"
            for value, sub in indicator.scale.points
        )
        return self.tr(
            "How it is scored (value → sub-score, straight lines between): {anchors}"
        ).format(anchors=anchors)

    def _tip(self, item: IndicatorScore) -> str:
        if item.raw is None:
            return self.tr(
                "Not supplied. It is not counted as zero; ask the applicant for it and "
                "score the case again."
            )
        possible = self.possible(item)
        sub = item.sub_score if item.sub_score is not None else Decimal(0)
        given = item.contribution if item.contribution is not None else Decimal(0)
        if possible is None:
            return self.tr(
                "Scored {sub} of 100 on its own scale; with a weight of {weight} it gives "
                "{given} points."
            ).format(
                sub=_fixed(sub, 1, keep=0),
                weight=format_percent(item.weight, 2, keep=0),
                given=_fixed(given, 2),
            )
        return self.tr(
            "Scored {sub} of 100 on its own scale; with a weight of {weight} it gives "
            "{given} of the {possible} points it could."
        ).format(
            sub=_fixed(sub, 1, keep=0),
            weight=format_percent(item.weight, 2, keep=0),
            given=_fixed(given, 2),
            possible=_fixed(possible, 2, keep=0),
        )


# ---- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionsRead:
    """The case's rating decisions, newest first (``StoredDecision`` records)."""

    decisions: tuple[Any, ...]


def load_decisions(ctx: Context, session: Session, case_id: int, service: Any) -> DecisionsRead:
    """Latest and earlier decisions of the case, newest first (runs on the reader)."""
    latest = service.latest_decision(ctx, session, case_id)
    history = list(service.decision_history(ctx, session, case_id))
    if latest is not None and all(d.id != latest.id for d in history):
        history.append(latest)
    history.sort(key=lambda d: (d.at, d.id), reverse=True)
    return DecisionsRead(tuple(history))


# ---- the tab -----------------------------------------------------------------------------


def _big(label: QLabel, scale: float, bold: bool = True) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


def _wrapping(object_name: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class DecisionTab(QWidget):
    """The rating decision of one case, explained; earlier ones one choice away."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        background: Background,
        case_id: int,
        write: Callable[[Callable[[], Any]], bool] | None = None,
        parent: QWidget | None = None,
        service: Any = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._session, self._background = ctx, session, background
        self.case_id = case_id
        self._write = write
        self._service = service
        self._generation = 0
        self.decisions: tuple[Any, ...] = ()
        self.shown: Any = None  # the StoredDecision on screen
        self.chart: Any = None  # ContributionChart, built when the tab is first shown
        self.may_rescore = may(session.role, Permission.REVIEW_QUEUES)
        self._build()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.outcome = _big(_wrapping("outcomeLine"), 1.25)
        self.reasons = _wrapping("outcomeReasons")
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.status = _wrapping("decisionStatus")
        self.history = QComboBox()
        self.history.setObjectName("decisionHistory")
        self.history.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.history.currentIndexChanged.connect(self._history_chosen)
        self.rescore_button = QPushButton(self.tr("Re-score"))
        self.rescore_button.setObjectName("rescore")
        self.rescore_button.setToolTip(
            self.tr("Score this case again with today's scorecard and macro settings")
        )
        self.rescore_button.clicked.connect(self.rescore)
        self.rescore_button.setVisible(self.may_rescore)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Decision of")))
        top.addWidget(self.history)
        top.addStretch(1)
        top.addWidget(self.rescore_button)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(12)
        self.banner = QFrame()
        self.banner.setObjectName("outcomeBanner")
        banner = QVBoxLayout(self.banner)
        banner.setContentsMargins(10, 8, 10, 8)
        banner.setSpacing(2)
        banner.addWidget(self.outcome)
        banner.addWidget(self.reasons)
        body.addWidget(self.banner)
        body.addLayout(self._build_score())
        body.addWidget(self._build_indicators())
        body.addWidget(self._build_limit())
        body.addWidget(self._build_checks())
        self.provenance = _wrapping("provenance")
        self.provenance.setStyleSheet("color: #546e7a;")
        body.addWidget(self.provenance)
        body.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.body.hide()

    def _build_score(self) -> QGridLayout:
        self.score = _big(QLabel(), 2.6)
        self.score.setObjectName("scoreValue")
        self.tier = _big(QLabel(), 2.6)
        self.tier.setObjectName("tierChip")
        self.tier.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tier.setMinimumWidth(64)
        self.tiers = _wrapping("tierScale")
        self.how = _wrapping("howScored")
        self.how.setStyleSheet("color: #455a64;")
        grid = QGridLayout()
        grid.addWidget(_big(QLabel(self.tr("Score")), 1.0, bold=False), 0, 0)
        grid.addWidget(_big(QLabel(self.tr("Tier")), 1.0, bold=False), 0, 1)
        grid.addWidget(self.score, 1, 0)
        grid.addWidget(self.tier, 1, 1)
        grid.addWidget(self.tiers, 0, 2)
        grid.addWidget(self.how, 1, 2)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(24)
        return grid

    def _build_indicators(self) -> QGroupBox:
        box = self.indicator_box = QGroupBox(self.tr("What made the score, weakest first"))
        self.model = IndicatorModel(self)
        self.table = QTableView()
        self.table.setObjectName("indicatorTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.missing_note = _wrapping("missingNote")
        self.missing_note.setStyleSheet(f"color: {MISSING_COLOR.name()};")
        left = QVBoxLayout()
        left.addWidget(self.table)
        left.addWidget(self.missing_note)
        left.addStretch(1)
        self.chart_place = QVBoxLayout()
        row = QHBoxLayout()
        row.addLayout(left, 5)
        row.addLayout(self.chart_place, 4)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        return box

    def _build_limit(self) -> QGroupBox:
        self.limit_box = QGroupBox(self.tr("Limit and price"))
        self.limit_text = _wrapping("limitSteps")
        self.limit_text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self.limit_box)
        layout.addWidget(self.limit_text)
        return self.limit_box

    def _build_checks(self) -> QGroupBox:
        box = QGroupBox(self.tr("Adjustments and checks"))
        self.checks = _wrapping("checks")
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(box)
        layout.addWidget(self.checks)
        return box

    # -- reading --------------------------------------------------------------------------

    def show_case(self, _data: Any = None) -> None:
        """The case page loaded: read the decisions again, off the GUI thread."""
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        session, case_id = self._session, self.case_id
        service = self._service or rating_service
        if not self.decisions:
            self.status.setText(self.tr("Reading the rating…"))
        self._background.read(
            lambda ctx: load_decisions(ctx, session, case_id, service),
            lambda read: self._arrived(generation, read),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, read: DecisionsRead) -> None:
        if shiboken6.isValid(self) and generation == self._generation:
            self.show_decisions(read.decisions)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.status.setText(self.tr("The rating could not be read: {error}").format(error=exc))
        self.status.setStyleSheet("color: #c62828;")

    def show_decisions(self, decisions: Sequence[Any]) -> None:
        """Show the newest of ``decisions`` (newest first); the others go into the list."""
        self.decisions = tuple(decisions)
        self.status.setStyleSheet("")
        self.history.blockSignals(True)
        self.history.clear()
        for stored in self.decisions:
            self.history.addItem(self._history_text(stored))
        self.history.blockSignals(False)
        self.history.setEnabled(len(self.decisions) > 1)
        if not self.decisions:
            self.shown = None
            self.body.hide()
            self.history.hide()
            self.status.setText(
                self.tr("Not rated yet: the case has no rating decision.")
                + (" " + self.tr("Press Re-score to rate it now.") if self.may_rescore else "")
            )
            self.status.show()
            return
        self.history.show()
        self.status.hide()
        self.history.setCurrentIndex(0)
        self.show_decision(self.decisions[0])

    def _history_chosen(self, row: int) -> None:
        if 0 <= row < len(self.decisions):
            self.show_decision(self.decisions[row])

    def _history_text(self, stored: Any) -> str:
        decision: Decision = stored.decision
        score = decision.score
        rated = (
            self.tr("tier {tier}, {score}").format(tier=score.tier, score=_fixed(score.total, 2))
            if score is not None
            else self.tr("not scored")
        )
        return self.tr("{when} · {who} · {rated} · {outcome}").format(
            when=format_time(stored.at),
            who=person_name(stored.by_name),
            rated=rated,
            outcome=outcome_label(decision.outcome),
        )

    # -- showing one decision -------------------------------------------------------------

    def show_decision(self, stored: Any) -> None:
        self.shown = stored
        decision: Decision = stored.decision
        self.body.show()
        self._show_outcome(decision)
        self._show_score(decision, stored.scorecard)
        self._show_limit(decision.limit)
        self._show_checks(decision)
        self.provenance.setText(self.provenance_text(stored))
        if self.isVisible():
            self._draw_chart()

    def outcome_text(self, decision: Decision) -> str:
        """The outcome in one sentence an owner could be told; the reasons follow it."""
        outcome = decision.outcome
        if outcome == Outcome.DECLINE:
            return self.tr("Declined.")
        if outcome == Outcome.MANUAL_REVIEW:
            return self.tr("On to investigation, for a manual review.")
        limit = decision.limit
        if limit is None:
            return self.tr("On to investigation.")
        return self.tr("On to investigation, with a limit of up to {limit}.").format(
            limit=format_fen(limit.combined_limit_fen)
        )

    def reasons_text(self, decision: Decision) -> list[str]:
        return [message_text(m) for m in decision.reasons]

    def _show_outcome(self, decision: Decision) -> None:
        plain = ("#eceff1", "#263238", "#b0bec5")
        back, fore, border = _OUTCOME_COLORS.get(decision.outcome, plain)
        self.outcome.setText(self.outcome_text(decision))
        reasons = self.reasons_text(decision)
        self.reasons.setText(
            "<ul style='margin:0; -qt-list-indent:1'>"
            + "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
            + "</ul>"
        )
        self.reasons.setVisible(bool(reasons))
        self.banner.setStyleSheet(
            f"#outcomeBanner {{ background: {back}; border: 1px solid {border};"
            f" border-radius: 4px; }} #outcomeBanner QLabel {{ color: {fore}; }}"
        )

    def _show_score(self, decision: Decision, scorecard: Scorecard) -> None:
        score = decision.score
        self.tiers.setText(self.tier_scale_text(scorecard))
        self.how.setText(
            self.tr(
                "How the score is made: each indicator below is scored 0–100 on its own "
                "scale; its weight says how much of the total it can give. The score is the "
                "sum of the points given, out of 100, and the score decides the tier."
            )
        )
        if score is None:
            self.score.setText("—")
            self.tier.setText("—")
            self.tier.setStyleSheet("")
            self.model.set_score((), None)
            self.missing_note.hide()
            self.indicator_box.hide()
            self.how.setText(self.tr("Not scored: the case was stopped before scoring."))
            return
        self.indicator_box.show()
        self.score.setText(
            self.tr("{score} <span style='font-size:small; color:#607d8b'>of 100</span>").format(
                score=_fixed(score.total, 2)
            )
        )
        color = {"A": "#2e7d32", "B": "#558b2f", "C": "#f9a825", "D": "#ef6c00"}.get(
            score.tier, "#c62828"
        )
        self.tier.setText(score.tier)
        self.tier.setStyleSheet(
            f"#tierChip {{ background: {color}; color: white; border-radius: 6px;"
            " padding: 2px 14px; }"
        )
        self.missing_note.setVisible(bool(score.missing))
        self.missing_note.setText(
            self.tr(
                "{n} indicator(s) missing: the applicant did not supply them. A missing "
                "indicator is not counted as zero: the score is made from the others, their "
                "weights scaled up to fill the 100 points. Ask for it and score the case again."
            ).format(n=len(score.missing))
        )
        self.model.set_score(score.items, scorecard)
        self._fit_table()

    def _fit_table(self) -> None:
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
        self.table.setFixedHeight(height + 2)

    def tier_scale_text(self, scorecard: Scorecard) -> str:
        steps = [
            self.tr("{tier} from {score}").format(tier=tier, score=_fixed(cut, 0))
            for tier, cut in scorecard.cutoffs
        ]
        lowest = scorecard.cutoffs[-1][1] if scorecard.cutoffs else Decimal(0)
        steps.append(self.tr("E below {score}").format(score=_fixed(lowest, 0)))
        return self.tr("Tiers: {steps}").format(steps=" · ".join(steps))

    # -- limit and price ------------------------------------------------------------------

    def _show_limit(self, limit: LimitResult | None) -> None:
        if limit is None:
            self.limit_text.setText(self.tr("No limit: the case was not offered a loan."))
            return
        parts = [self.offer_html(offer) for offer in limit.offers]
        combined = self._steps_html(limit.steps)
        parts.append(
            "<p style='margin-top:10px'><b>"
            + self.tr("Combined limit: {amount}").format(
                amount=format_fen(limit.combined_limit_fen)
            )
            + "</b></p>"
            + combined
        )
        self.limit_text.setText("".join(parts))

    def offer_html(self, offer: ProductOffer) -> str:
        """One product: the limit as it was reached, then the price, annual rate first."""
        head = self.tr("{product}: up to {amount}").format(
            product=product_label(offer.product), amount=format_fen(offer.limit_fen)
        )
        term = self.tr("term up to {n} months").format(n=offer.term_months)
        price = (
            f"<span style='font-size:15pt; font-weight:600; color:#0d47a1'>"
            f"{annual_rate_text(offer)}</span>&nbsp;&nbsp;"
            f"<span style='color:#546e7a'>{daily_rate_text(offer)} · {term}</span>"
        )
        return f"<p><b>{head}</b></p>{self._steps_html(offer.steps)}<p>{price}</p>"

    def _steps_html(self, steps: Sequence[LimitStep]) -> str:
        if not steps:
            return ""
        rows = []
        for number, step in enumerate(steps, 1):
            factor = f"× {_fixed(step.factor, 4, keep=1)}" if step.factor is not None else ""
            amount = format_fen(step.amount_fen) if step.amount_fen is not None else ""
            rows.append(
                f"<tr><td style='color:#90a4ae; padding-right:8px'>{number}.</td>"
                f"<td style='padding-right:18px'>{message_text(step.message)}</td>"
                f"<td align='right' style='padding-right:18px'>{factor}</td>"
                f"<td align='right'>{amount}</td></tr>"
            )
        return "<table cellspacing='2'>" + "".join(rows) + "</table>"

    # -- adjustments, checks, provenance --------------------------------------------------

    def _show_checks(self, decision: Decision) -> None:
        none = self.tr("none")
        multipliers = ", ".join(
            f"{_tr(_MULTIPLIERS[name]) if name in _MULTIPLIERS else name} × "
            f"{_fixed(value, 4, keep=1)}"
            for name, value in decision.multipliers
        )
        flags = ", ".join(
            _tr(LEGAL_FLAGS[flag]) if flag in LEGAL_FLAGS else flag for flag in decision.legal_flags
        )
        hits = "".join(
            "<li>"
            + self.tr("{kind} {value}: {reason}").format(
                kind=blacklist_kind_label(hit.kind), value=hit.value, reason=hit.reason
            )
            + "</li>"
            for hit in decision.blacklist_hits
        )
        lines = [
            self.tr("Macro multipliers applied to the limit: {list}").format(
                list=multipliers or none
            ),
            self.tr("Legal flags (any one means a manual review): {list}").format(
                list=f"<span style='color:#6b3d00; font-weight:600'>{flags}</span>"
                if flags
                else none
            ),
            self.tr("Blacklist: {result}").format(
                result="<span style='color:#8e1b1b; font-weight:600'>"
                + self.tr("listed")
                + f"</span><ul>{hits}</ul>"
                if hits
                else self.tr("not listed")
            ),
        ]
        self.checks.setText("<br>".join(lines))

    def provenance_text(self, stored: Any) -> str:
        card: Scorecard = stored.scorecard
        return self.tr(
            "{kind} scorecard version {version} · macro settings version {macro} · "
            "decided by {who} at {when}"
        ).format(
            kind=kind_label(card.kind),
            version=card.version,
            macro=stored.macro_version,
            who=person_name(stored.by_name),
            when=format_time(stored.at),
        )

    # -- the chart, built on first show ---------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.shown is not None:
            self._draw_chart()

    def _draw_chart(self) -> None:
        if self.chart is None:
            from workstation.ui.contribution_chart import ContributionChart

            self.chart = ContributionChart(self)
            self.chart_place.addWidget(self.chart)
            self.chart_place.addStretch(1)
        from workstation.ui.contribution_chart import Bar

        bars = []
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            given = None if item.raw is None or item.contribution is None else item.contribution
            possible = self.model.possible(item)
            if possible is None:  # the figures do not tell; the unscaled weight is the best guess
                possible = item.weight * HUNDRED
            bars.append(
                Bar(
                    translate("indicators", item.label),
                    None if given is None else float(given),
                    float(possible),
                )
            )
        self.chart.show_bars(
            bars,
            {
                "title": self.tr("Points given, against the most each could give"),
                "axis": self.tr("points of the 100-point score"),
                "missing": self.tr("missing"),
            },
        )

    # -- acting ---------------------------------------------------------------------------

    def rescore(self) -> bool:
        """Supervisors: score the case again now; the page reloads and shows the new one."""
        if self._write is None:
            return False
        service = self._service or rating_service
        ctx, session, case_id = self._ctx, self._session, self.case_id
        return self._write(lambda: service.rescore_case(ctx, session, case_id))
