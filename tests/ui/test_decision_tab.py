"""The Rating tab: the decision explained, weakest indicator first, annual rate first (R35)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workstation.domain.decision import BlacklistEntry, Decision, Outcome, weakest_indicators
from workstation.domain.limits import LimitResult, LimitStep, ProductOffer
from workstation.domain.messages import Message, RuleError
from workstation.domain.scoring import Indicator, IndicatorScore, Scale, Scorecard, ScoreResult
from workstation.services.context import Session
from workstation.ui.decision_tab import (
    DecisionTab,
    IndicatorModel,
    annual_rate_text,
    daily_rate_text,
    format_raw,
    points_possible,
    weakest_first,
)

ROOT = Path(__file__).resolve().parents[2]
OFFSCREEN_SHOW = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen plugin's note
LINEAR = Scale(((D(0), D(0)), (D(1), D(100))))


@dataclass(frozen=True)
class StoredDecision:
    """Stands in for services.rating.StoredDecision until the service lands."""

    id: int
    case_id: int
    at: str
    by_name: str
    decision: Decision
    scorecard: Scorecard
    macro_version: int


PLATFORM = Scorecard(
    kind="platform",
    version=3,
    indicators=(
        Indicator("annual_sales", "Annual sales revenue", D("0.30"), LINEAR, "fen"),
        Indicator("sales_growth", "Sales growth", D("0.20"), LINEAR, "ratio"),
        Indicator("order_count", "Order count", D("0.20"), LINEAR, "count"),
        Indicator("seller_rating", "Seller rating", D("0.20"), LINEAR, "stars"),
        Indicator("activity", "Transaction activity", D("0.10"), LINEAR, "days"),
    ),
    cutoffs=(("A", D(80)), ("B", D(65)), ("C", D(50)), ("D", D(35))),
)


def item(key: str, raw: D | None, sub: D | None, weight: str, boost: D = D(1)) -> IndicatorScore:
    label = next(i.label for i in PLATFORM.indicators if i.key == key)
    contribution = None if sub is None else (sub * D(weight) * boost).quantize(D("0.01"))
    return IndicatorScore(key, label, raw, sub, D(weight), contribution)


def score(missing_growth: bool = False) -> ScoreResult:
    """Complete: lost points growth 13, orders 6, sales 5.4, activity 4, rating 2.

    With growth missing the other weights are renormalised (× 1/0.8, as the scorecard does).
    """
    b = D("1.25") if missing_growth else D(1)
    items = (
        item("annual_sales", D(240_000_000), D("82"), "0.30", b),
        item("sales_growth", None, None, "0.20")
        if missing_growth
        else item("sales_growth", D("-0.05"), D("35"), "0.20"),
        item("order_count", D(5_230), D("70"), "0.20", b),
        item("seller_rating", D("4.8"), D("90"), "0.20", b),
        item("activity", D("21"), D("60"), "0.10", b),
    )
    total = sum((i.contribution or D(0) for i in items), D(0))
    return ScoreResult(
        "platform", 3, items, total, "B", ("sales_growth",) if missing_growth else ()
    )


def step(text: str, factor: str | None, amount: int | None, **params: object) -> LimitStep:
    return LimitStep(Message.of(text, **params), D(factor) if factor else None, amount)


def limit() -> LimitResult:
    credit = ProductOffer(
        product="credit",
        limit_fen=34_200_000,
        daily_rate=D("0.0006"),
        annual_rate=D("0.219"),
        term_months=12,
        steps=(
            step("Average monthly sales", None, 20_000_000),
            step("× tier factor for tier {tier}", "2.0", 40_000_000, tier="B"),
            step("× industry outlook", "0.9", 36_000_000),
            step("× economy", "0.95", 34_200_000),
            step("Rounded down to CNY 1,000", None, 34_200_000),
        ),
    )
    order = ProductOffer(
        product="order",
        limit_fen=8_000_000,
        daily_rate=D("0.0005"),
        annual_rate=D("0.1825"),
        term_months=6,
        steps=(step("Eligible orders not yet paid out", None, 8_000_000),),
    )
    return LimitResult(
        offers=(credit, order),
        combined_limit_fen=42_200_000,
        steps=(
            step(
                "Both products together, within the cap of {cap}",
                None,
                42_200_000,
                cap="¥1,000,000.00",
            ),
        ),
    )


def decision(**changes: object) -> Decision:
    base = Decision(
        score=score(),
        limit=limit(),
        multipliers=(("industry", D("0.9")), ("economy", D("0.95"))),
        legal_flags=(),
        blacklist_hits=(),
        outcome=Outcome.INVESTIGATE,
        reasons=(),
    )
    return replace(base, **changes)


def stored(number: int = 2, at: str = "2026-11-26T10:05:00", **changes: object) -> StoredDecision:
    return StoredDecision(number, 41, at, "王主管", decision(**changes), PLATFORM, 5)


class FakeRating:
    """The few rating services the tab calls, over hand-made records."""

    def __init__(self, decisions: list[StoredDecision]) -> None:
        self.decisions = decisions
        self.rescored: list[int] = []
        self.refuse: RuleError | None = None

    def latest_decision(self, ctx, session, case_id):  # noqa: ANN001
        return max(self.decisions, key=lambda d: d.at) if self.decisions else None

    def decision_history(self, ctx, session, case_id):  # noqa: ANN001
        return list(self.decisions)

    def rescore_case(self, ctx, session, case_id):  # noqa: ANN001
        if self.refuse:
            raise self.refuse
        self.rescored.append(case_id)
        new = stored(len(self.decisions) + 1, "2026-11-26T11:00:00")
        self.decisions.append(new)
        return new


def make_tab(qtbot, ctx, background, session: Session, service: FakeRating, write=None):
    tab = DecisionTab(ctx, session, background, 41, write=write, service=service)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.shown is not None or tab.status.text().startswith("Not rated"))
    return tab


@pytest.fixture
def sup(people) -> Session:
    return people["wang.sup"]


# ---- the indicator table ---------------------------------------------------------------


def test_indicator_model_keeps_qt_s_rules(qtmodeltester) -> None:
    model = IndicatorModel()
    model.set_score(score(missing_growth=True).items, PLATFORM)
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_a_missing_indicator_says_missing_in_amber_never_zero() -> None:
    model = IndicatorModel()
    model.set_score(score(missing_growth=True).items, PLATFORM)
    row = next(r for r in range(model.rowCount()) if model.item(r).key == "sales_growth")
    texts = [model.index(row, c).data() for c in range(1, model.columnCount())]
    assert texts[0] == "missing" and texts[1] == "missing" and texts[3] == "missing"
    assert not any(t.strip("%.0 ") == "" for t in texts if t), texts  # nothing reads as 0
    amber = model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert amber.name() == "#ef8f00"
    assert "not counted as zero" in model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_the_indicator_tells_how_it_is_scored() -> None:
    model = IndicatorModel()
    model.set_score(score().items, PLATFORM)
    row = next(r for r in range(model.rowCount()) if model.item(r).key == "order_count")
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("0 → 0 · 1 → 100")


def test_the_lowest_sub_scores_come_first_as_the_reasons_name_them() -> None:
    order = [i.key for i in weakest_first(score().items)]
    # sub-scores: growth 35, activity 60, orders 70, sales 82, rating 90
    assert order == ["sales_growth", "activity", "order_count", "annual_sales", "seller_rating"]
    named = [i.key for i in weakest_indicators(score())]
    assert order[: len(named)] == named  # the table agrees with the decision's reasons
    with_missing = [i.key for i in weakest_first(score(missing_growth=True).items)]
    assert with_missing[0] == "sales_growth"  # missing: ask for it first
    assert with_missing[1:] == ["activity", "order_count", "annual_sales", "seller_rating"]


def test_a_tie_in_sub_score_puts_the_heavier_indicator_first() -> None:
    items = (
        item("activity", D("21"), D("60"), "0.10"),
        item("order_count", D(5_230), D("60"), "0.20"),
    )
    assert [i.key for i in weakest_first(items)] == ["order_count", "activity"]


def test_points_possible_come_from_the_scorecards_own_figures() -> None:
    complete = {i.key: i for i in score().items}
    assert points_possible(complete["annual_sales"], score().items) == D(30)
    gappy = score(missing_growth=True).items
    by_key = {i.key: i for i in gappy}
    # renormalised by the scorecard (× 1.25): 30% can give 37.5 points, read off its figures
    assert points_possible(by_key["annual_sales"], gappy) == D("37.5")
    assert points_possible(by_key["sales_growth"], gappy) == D(20)  # missing: its own weight
    zero = IndicatorScore("activity", "Active days per month", D(0), D(0), D("0.10"), D(0))
    with_zero = (*[i for i in gappy if i.key != "activity"], zero)
    assert points_possible(zero, with_zero) == D("12.5")  # scaled as its siblings were
    assert points_possible(zero, (zero,)) == D(10)  # nothing missing: weight × 100
    lonely = (zero, by_key["sales_growth"])
    assert points_possible(zero, lonely) is None  # gaps and nothing to read the scale off


def test_raw_values_read_in_their_units() -> None:
    assert format_raw(D(240_000_000), "fen") == "¥2,400,000.00"
    assert format_raw(D(1_000_000), "yuan") == "¥1,000,000.00"
    assert format_raw(D("6.5"), "times") == "6.5 times a year"
    assert format_raw(D("-0.05"), "ratio") == "-5.0%"
    assert format_raw(D(5230), "count") == "5,230"
    assert format_raw(D(21), "days") == "21 days"
    assert format_raw(D("4.8"), "stars") == "4.8 ★"
    assert format_raw(None, "fen") == "missing"


def test_the_table_shows_weight_and_points_of_the_possible() -> None:
    model = IndicatorModel()
    model.set_score(score().items, PLATFORM)
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == ["Sales growth", "-5.0%", "35", "20%", "7.00 of 20"]


# ---- price (R35) -----------------------------------------------------------------------


def test_annual_rate_exact_and_shown_before_the_daily_rate(qtbot, ctx, background, sup) -> None:
    order = limit().offers[1]
    assert annual_rate_text(order) == "Annual 18.25%"
    assert daily_rate_text(order) == "daily 0.05%"
    tab = make_tab(qtbot, ctx, background, sup, FakeRating([stored()]))
    html = tab.limit_text.text()
    assert html.index("Annual 18.25%") < html.index("daily 0.05%")
    assert html.index("Annual 21.90%") < html.index("daily 0.06%")
    # the annual rate is the larger type
    annual_at = html.index("Annual 21.90%")
    assert "font-size:15pt" in html[html.rindex("<span", 0, annual_at) : annual_at]


def test_the_limit_is_explained_step_by_step(qtbot, ctx, background, sup) -> None:
    tab = make_tab(qtbot, ctx, background, sup, FakeRating([stored()]))
    html = tab.limit_text.text()
    for text in (
        "Average monthly sales",
        "× tier factor for tier B",
        "× 2.0",
        "¥400,000.00",
        "× 0.95",
        "¥342,000.00",
        "Combined limit: ¥422,000.00",
    ):
        assert text in html, text
    assert html.index("Credit loan") < html.index("Order loan") < html.index("Combined limit")


# ---- the tab as a whole ----------------------------------------------------------------


def test_outcome_score_tier_and_provenance(qtbot, ctx, background, sup) -> None:
    tab = make_tab(qtbot, ctx, background, sup, FakeRating([stored()]))
    assert tab.outcome.text() == "On to investigation, with a limit of up to ¥422,000.00."
    assert tab.reasons.isHidden()  # no reasons given: no empty list
    assert tab.score.text().startswith("69.60")
    assert tab.tier.text() == "B"
    assert "A from 80 · B from 65 · C from 50 · D from 35 · E below 35" in tab.tiers.text()
    assert tab.provenance.text() == (
        "Platform scorecard version 3 · macro settings version 5 · "
        "decided by 王主管 at 2026-11-26 10:05"
    )


def test_a_declined_case_says_why_with_blacklist_and_legal_flags(
    qtbot, ctx, background, sup
) -> None:
    hit = BlacklistEntry("credit_code", "91330100MA27XXXX1X", "Malicious default in 2024")
    declined = stored(
        outcome=Outcome.DECLINE,
        limit=None,
        score=None,
        blacklist_hits=(hit,),
        legal_flags=("litigation",),
        reasons=(Message.of("The business is on the blacklist: {reason}", reason=hit.reason),),
    )
    tab = make_tab(qtbot, ctx, background, sup, FakeRating([declined]))
    assert tab.outcome.text() == "Declined."
    assert "The business is on the blacklist: Malicious default in 2024" in tab.reasons.text()
    assert not tab.reasons.isHidden()
    checks = tab.checks.text()
    assert "Unified social credit code 91330100MA27XXXX1X: Malicious default in 2024" in checks
    assert "Litigation" in checks
    assert "No limit" in tab.limit_text.text()
    assert tab.model.rowCount() == 0 and tab.indicator_box.isHidden()


def test_history_shows_earlier_decisions(qtbot, ctx, background, sup) -> None:
    older = stored(
        1, "2026-11-20T09:00:00", outcome=Outcome.MANUAL_REVIEW, legal_flags=("litigation",)
    )
    tab = make_tab(qtbot, ctx, background, sup, FakeRating([older, stored()]))
    assert tab.history.count() == 2
    assert tab.history.itemText(0).startswith("2026-11-26 10:05")
    assert tab.shown.id == 2
    tab.history.setCurrentIndex(1)
    assert tab.shown.id == 1
    assert tab.outcome.text() == "On to investigation, for a manual review."


def test_not_rated_yet(qtbot, ctx, background, sup) -> None:
    tab = make_tab(qtbot, ctx, background, sup, FakeRating([]))
    assert tab.shown is None and tab.body.isHidden()
    assert "Re-score" in tab.status.text()


def test_rescore_is_for_supervisors_and_goes_through_the_page(
    qtbot, ctx, background, people
) -> None:
    service = FakeRating([stored()])
    writes = []

    def write(change):  # noqa: ANN001, ANN202 - CasePage._write's shape
        writes.append(change())
        return True

    inv = make_tab(qtbot, ctx, background, people["li.inv"], service, write)
    assert inv.rescore_button.isHidden()
    tab = make_tab(qtbot, ctx, background, people["wang.sup"], service, write)
    assert not tab.rescore_button.isHidden()
    tab.rescore_button.click()
    assert service.rescored == [41] and writes[0].id == 2


@OFFSCREEN_SHOW
def test_the_chart_waits_until_the_tab_is_shown(qtbot, ctx, background, sup) -> None:
    tab = make_tab(qtbot, ctx, background, sup, FakeRating([stored(score=score(True))]))
    assert tab.chart is None
    tab.resize(1200, 900)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.chart is not None
    labels = [b.label for b in tab.chart.bars]
    assert labels[0] == "Sales growth" and tab.chart.bars[0].given is None
    # weights renormalised over the present indicators: orders could give 25, gave 17.5;
    # activity (sub-score 60) comes before orders (70)
    assert (tab.chart.bars[1].label, tab.chart.bars[1].maximum) == ("Transaction activity", 12.5)
    assert (tab.chart.bars[2].label, tab.chart.bars[2].given) == ("Order count", 17.5)
    assert tab.chart.bars[2].maximum == 25.0
    assert tab.model.index(2, 4).data() == "17.50 of 25"


def test_importing_the_tab_loads_neither_the_chart_nor_matplotlib() -> None:
    code = (
        "import sys; import workstation.ui.decision_tab; "
        "print('workstation.ui.contribution_chart' in sys.modules, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]
