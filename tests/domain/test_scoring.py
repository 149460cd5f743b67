"""The scorecards (R14-R17): every scale by hand, the weights, worked examples, the JSON form.

Expected numbers are worked out by hand in the comments, never read back from the code.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.strategies import VALID_CODE, VALID_ID, applications
from workstation.domain.application import (
    Application,
    Business,
    CustomerKind,
    Financials,
    PlatformData,
    Product,
)
from workstation.domain.scoring import (
    DEFAULT_CUTOFFS,
    INDICATOR_KEYS,
    Scale,
    default_scorecards,
    evaluate,
    indicator_value,
    score,
    scorecard_from_dict,
    scorecard_to_dict,
    tier,
)

D = Decimal
ROOT = Path(__file__).resolve().parents[2]
CARDS = default_scorecards((ROOT / "resources/scorecards/default.json").read_text("utf-8"))
PLATFORM, OFF_PLATFORM = CARDS["platform"], CARDS["off_platform"]


def scale_of(card_kind: str, key: str) -> Scale:
    card = CARDS[card_kind]
    return next(ind.scale for ind in card.indicators if ind.key == key)


def cents(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


# --- the scales: every anchor, and one point between anchors worked by hand -----------------

ANCHORS = {
    # key: [(value, sub-score)] as DOMAIN-style numbers an officer would quote
    "annual_sales": [(10_000, 0), (50_000, 10), (300_000, 40), (1_000_000, 65),
                     (5_000_000, 90), (20_000_000, 100)],
    "sales_growth": [("-0.30", 0), ("0", 40), ("0.20", 70), ("0.50", 90), ("1.00", 100)],
    "order_count": [(0, 0), (100, 10), (1_000, 40), (5_000, 75), (20_000, 100)],
    "seller_rating": [("4.0", 0), ("4.6", 50), ("4.8", 80), ("4.9", 95), ("5.0", 100)],
    "transaction_activity": [(2, 0), (10, 50), (20, 90), (25, 100)],
    "inventory_turnover": [(0, 0), (1, 10), (4, 50), (8, 80), (12, 100)],
    "asset_liability_ratio": [("0.2", 100), ("0.5", 70), ("0.7", 40), ("0.9", 0)],
    "customer_reviews": [("0.85", 0), ("0.95", 60), ("0.99", 100)],
}  # fmt: skip
KIND_OF = {
    "order_count": "platform",
    "seller_rating": "platform",
    "inventory_turnover": "off_platform",
    "asset_liability_ratio": "off_platform",
    "customer_reviews": "off_platform",
}


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [(key, value, sub) for key, points in ANCHORS.items() for value, sub in points],
)
def test_every_anchor_gives_its_sub_score(key: str, value: object, expected: int) -> None:
    scale = scale_of(KIND_OF.get(key, "platform"), key)
    assert cents(evaluate(scale, D(str(value)))) == expected


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        # 0.10 lies half-way from 0 (40) to 0.20 (70): 40 + 30 x 0.5 = 55
        ("sales_growth", "0.10", "55"),
        # 3,000 orders: 40 + 35 x (2,000 / 4,000) = 57.5
        ("order_count", "3000", "57.5"),
        # DSR 4.7: 50 + 30 x (0.1 / 0.2) = 65
        ("seller_rating", "4.7", "65"),
        # 15 days: 50 + 40 x (5 / 10) = 70
        ("transaction_activity", "15", "70"),
        # 6 turns: 50 + 30 x (2 / 4) = 65
        ("inventory_turnover", "6", "65"),
        # falling: 0.3 is a third of the way from 0.2 (100) to 0.5 (70): 100 - 10 = 90
        ("asset_liability_ratio", "0.3", "90"),
        # 0.97: 60 + 40 x (0.02 / 0.04) = 80
        ("customer_reviews", "0.97", "80"),
    ],
)
def test_between_anchors_the_scale_is_linear(key: str, value: str, expected: str) -> None:
    scale = scale_of(KIND_OF.get(key, "platform"), key)
    assert evaluate(scale, D(value)) == D(expected)


def test_sales_scale_interpolates_on_the_logarithm() -> None:
    # 100,000 yuan between 50,000 (10) and 300,000 (40): the fraction of the way is
    # log(100k/50k) / log(300k/50k) = log 2 / log 6 = 0.30103 / 0.77815 = 0.38685,
    # so 10 + 30 x 0.38685 = 21.606 -> 21.61
    scale = scale_of("platform", "annual_sales")
    assert cents(evaluate(scale, D(100_000))) == D("21.61")
    # a linear scale would have said 10 + 30 x 50k/250k = 16: the log scale is kinder to the small


@pytest.mark.parametrize("value", ["0", "-5", "1", "9999"])
def test_sales_at_or_below_the_first_anchor_get_the_lowest_sub_score(value: str) -> None:
    assert evaluate(scale_of("platform", "annual_sales"), D(value)) == 0


def test_scales_clamp_outside_their_points() -> None:
    growth = scale_of("platform", "sales_growth")
    assert evaluate(growth, D("-0.9")) == 0 and evaluate(growth, D("3")) == 100
    ratio = scale_of("off_platform", "asset_liability_ratio")
    assert evaluate(ratio, D("0.05")) == 100 and evaluate(ratio, D("1.5")) == 0


def test_a_falling_log_scale_gives_its_lowest_sub_score_to_nothing() -> None:
    scale = Scale(((D(1), D(100)), (D(100), D(0))), log=True)
    assert evaluate(scale, D(0)) == 0
    assert evaluate(scale, D(10)) == 50  # log10 10 = 1, half-way from 0 to 2


# --- the weight tables (R14, R15) ---------------------------------------------------------------


def weights(card) -> dict[str, Decimal]:
    return {ind.key: ind.weight for ind in card.indicators}


def test_platform_weights_are_r14() -> None:
    assert weights(PLATFORM) == {
        "annual_sales": D("0.30"),
        "sales_growth": D("0.20"),
        "order_count": D("0.20"),
        "seller_rating": D("0.20"),
        "transaction_activity": D("0.10"),
    }
    assert sum(weights(PLATFORM).values()) == 1


def test_off_platform_weights_are_r15() -> None:
    assert weights(OFF_PLATFORM) == {
        "annual_sales": D("0.20"),
        "sales_growth": D("0.20"),
        "inventory_turnover": D("0.20"),
        "asset_liability_ratio": D("0.20"),
        "transaction_activity": D("0.10"),
        "customer_reviews": D("0.10"),
    }
    assert sum(weights(OFF_PLATFORM).values()) == 1


def test_default_cards_are_version_1_with_r17_cutoffs() -> None:
    for card in CARDS.values():
        assert card.version == 1
        assert card.cutoffs == DEFAULT_CUTOFFS == (
            ("A", 80), ("B", 65), ("C", 50), ("D", 35),
        )  # fmt: skip
        assert all(ind.scale.note for ind in card.indicators), "every scale documents its anchors"


# --- worked examples ----------------------------------------------------------------------------


def business(kind: CustomerKind) -> Business:
    return Business(
        kind, "Hangzhou Lotus Tea Shop", VALID_CODE, "Chen Mei", VALID_ID, "13800000000"
    )


PLATFORM_APP = Application(
    business(CustomerKind.PLATFORM),
    Product.CREDIT,
    5_000_000,
    financials=Financials(annual_sales_fen=100_000_000, sales_growth=D("0.10")),
    platform=PlatformData(
        order_count=3_000, seller_dsr=D("4.7"), active_days_per_month=D(15)
    ),
)  # fmt: skip

OFF_PLATFORM_APP = Application(
    business(CustomerKind.OFF_PLATFORM),
    Product.CREDIT,
    5_000_000,
    financials=Financials(
        annual_sales_fen=30_000_000,  # 300,000 yuan
        sales_growth=D("-0.15"),
        operating_cost_fen=240_000_000,
        inventory_fen=40_000_000,  # turnover 2,400,000 / 400,000 = 6
        total_assets_fen=100_000_000,
        total_liabilities_fen=30_000_000,  # ratio 0.3
    ),
    active_days_per_month=D(22),
    positive_review_rate=D("0.97"),
)


def test_worked_platform_example() -> None:
    # annual sales 1,000,000 yuan -> 65 (anchor)     x 0.30 = 19.5
    # growth +10 %                -> 55               x 0.20 = 11.0
    # 3,000 orders                -> 57.5             x 0.20 = 11.5
    # DSR 4.7                     -> 65               x 0.20 = 13.0
    # 15 active days              -> 70               x 0.10 =  7.0
    #                                                   total = 62.0 -> tier C
    result = score(PLATFORM, PLATFORM_APP)
    assert [(i.key, i.sub_score, i.contribution) for i in result.items] == [
        ("annual_sales", D(65), D("19.5")),
        ("sales_growth", D(55), D("11")),
        ("order_count", D("57.5"), D("11.5")),
        ("seller_rating", D(65), D(13)),
        ("transaction_activity", D(70), D(7)),
    ]
    assert result.items[0].raw == D(1_000_000)  # annual sales read in yuan
    assert result.total == D("62.00") and str(result.total) == "62.00"
    assert result.tier == "C"
    assert result.complete and result.missing == ()
    assert (result.kind, result.version) == ("platform", 1)


def test_worked_off_platform_example() -> None:
    # annual sales 300,000 yuan -> 40 (anchor)            x 0.20 =  8.0
    # growth -15 %: half-way from -30 % (0) to 0 (40) -> 20 x 0.20 =  4.0
    # turnover 2.4M / 0.4M = 6 -> 65                     x 0.20 = 13.0
    # liabilities 0.3M / assets 1M = 0.3 -> 90           x 0.20 = 18.0
    # 22 active days: 90 + 10 x 2/5 -> 94                x 0.10 =  9.4
    # 97 % positive reviews -> 80                        x 0.10 =  8.0
    #                                                      total = 60.4 -> tier C
    result = score(OFF_PLATFORM, OFF_PLATFORM_APP)
    subs = {i.key: i.sub_score for i in result.items}
    assert subs == {
        "annual_sales": 40,
        "sales_growth": 20,
        "inventory_turnover": 65,
        "asset_liability_ratio": 90,
        "transaction_activity": 94,
        "customer_reviews": 80,
    }
    assert result.total == D("60.40") and result.tier == "C"
    assert sum(i.contribution for i in result.items) == D("60.4")


def test_a_missing_indicator_is_left_out_and_the_weights_renormalised() -> None:
    # Without the DSR the present weights sum to 0.8; weighted sum 62.0 - 13.0 = 49.0;
    # total 49.0 / 0.8 = 61.25. Annual sales' contribution 65 x 0.30 / 0.8 = 24.375.
    app = dataclasses.replace(
        PLATFORM_APP, platform=dataclasses.replace(PLATFORM_APP.platform, seller_dsr=None)
    )
    result = score(PLATFORM, app)
    assert result.total == D("61.25")
    assert result.missing == ("seller_rating",) and not result.complete
    dsr = next(i for i in result.items if i.key == "seller_rating")
    assert (dsr.raw, dsr.sub_score, dsr.contribution) == (None, None, None)
    assert dsr.weight == D("0.20")  # the card's weight is still shown
    assert result.items[0].contribution == D("24.375")
    assert sum(i.contribution for i in result.items if i.contribution is not None) == D("61.25")


def test_nothing_supplied_scores_zero_and_lists_everything_missing() -> None:
    app = Application(business(CustomerKind.PLATFORM), Product.CREDIT, 100)
    result = score(PLATFORM, app)
    assert result.total == 0 and result.tier == "E"
    assert result.missing == tuple(ind.key for ind in PLATFORM.indicators)


def test_the_total_is_cut_to_the_cent_and_the_tier_read_from_the_exact_score() -> None:
    # growth 0.0001: 40 + 30 x 0.0005 = 40.015 -> x 0.2 = 8.003; sales 1M yuan 65 x 0.3 = 19.5;
    # present weights 0.5, total (19.5 + 8.003) / 0.5 = 55.006 -> 55.00 (never rounded up)
    app = Application(
        business(CustomerKind.PLATFORM),
        Product.CREDIT,
        100,
        financials=Financials(annual_sales_fen=100_000_000, sales_growth=D("0.0001")),
    )
    assert score(PLATFORM, app).total == D("55.00")


def test_a_score_just_below_a_cut_off_stays_below_it() -> None:
    """R17: B from 65. 64.9965 is C, and is shown as 64.99, not 65.00 (found in review)."""
    # with sales alone the total is the sales sub-score: 1M yuan -> 65.00 exactly, B
    sales_only = Application(
        business(CustomerKind.PLATFORM), Product.CREDIT, 100,
        financials=Financials(annual_sales_fen=100_000_000),
    )  # fmt: skip
    exact = score(PLATFORM, sales_only)
    assert (exact.total, exact.tier) == (D("65.00"), "B")
    below = dataclasses.replace(
        sales_only, financials=Financials(annual_sales_fen=99_990_000)
    )  # 999,900 yuan: 64.9979..., which rounding half up would show as 65.00 and tier B
    result = score(PLATFORM, below)
    assert result.total < D("65") and result.tier == "C"


# --- indicator values ---------------------------------------------------------------------------


def test_inventory_turnover_prefers_the_platform_figure() -> None:
    app = dataclasses.replace(OFF_PLATFORM_APP, platform=PlatformData(inventory_turnover=D(9)))
    assert indicator_value("inventory_turnover", app) == 9
    assert indicator_value("inventory_turnover", OFF_PLATFORM_APP) == 6


def test_ratios_need_both_figures_and_a_positive_divisor() -> None:
    fin = Financials(operating_cost_fen=100, inventory_fen=0, total_assets_fen=0,
                     total_liabilities_fen=5)  # fmt: skip
    app = dataclasses.replace(OFF_PLATFORM_APP, financials=fin)
    assert indicator_value("inventory_turnover", app) is None
    assert indicator_value("asset_liability_ratio", app) is None
    assert indicator_value("annual_sales", app) is None


def test_annual_sales_are_read_in_whole_yuan() -> None:
    app = dataclasses.replace(PLATFORM_APP, financials=Financials(annual_sales_fen=12_345))
    assert indicator_value("annual_sales", app) == D(123)


def test_unknown_indicator_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown indicator"):
        indicator_value("horoscope", PLATFORM_APP)


def test_indicator_keys_cover_both_cards() -> None:
    for card in CARDS.values():
        assert {ind.key for ind in card.indicators} <= set(INDICATOR_KEYS)


# --- tiers (R17) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("100", "A"), ("80.00", "A"), ("79.99", "B"), ("65.00", "B"), ("64.99", "C"),
        ("50.00", "C"), ("49.99", "D"), ("35.00", "D"), ("34.99", "E"), ("0", "E"),
    ],
)  # fmt: skip
def test_tier_boundaries(total: str, expected: str) -> None:
    assert tier(D(total), DEFAULT_CUTOFFS) == expected


# --- the JSON form --------------------------------------------------------------------------------


def test_scorecards_round_trip_through_json() -> None:
    for card in CARDS.values():
        text = json.dumps(scorecard_to_dict(card))
        assert scorecard_from_dict(json.loads(text)) == card
        assert "0.30" in text or "0.20" in text  # decimals as strings, exactly


def card_dict(**changes: object) -> dict:
    d = scorecard_to_dict(PLATFORM)
    d.update(changes)
    return d


def test_weights_must_sum_to_exactly_one() -> None:
    d = card_dict()
    d["indicators"][0]["weight"] = "0.31"
    with pytest.raises(ValueError, match="weights sum to 1.01, not exactly 1"):
        scorecard_from_dict(d)


def test_points_must_ascend() -> None:
    d = card_dict()
    d["indicators"][1]["scale"]["points"][1], d["indicators"][1]["scale"]["points"][2] = (
        d["indicators"][1]["scale"]["points"][2],
        d["indicators"][1]["scale"]["points"][1],
    )
    with pytest.raises(ValueError, match="must ascend"):
        scorecard_from_dict(d)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "martian"}, "kind must be one of"),
        ({"cutoffs": [["A", "60"], ["B", "65"], ["C", "50"], ["D", "35"]]}, "must fall"),
        ({"cutoffs": [["A", "80"], ["E", "10"]]}, "tiers A-D"),
        ({"indicators": []}, "no indicators"),
    ],
)
def test_other_bad_cards_are_refused(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        scorecard_from_dict(card_dict(**change))


def test_floats_are_refused_in_a_card() -> None:
    d = card_dict()
    d["indicators"][0]["weight"] = 0.3
    with pytest.raises(ValueError, match="strings or integers"):
        scorecard_from_dict(d)


def test_a_log_scale_needs_positive_points_and_scores_stay_in_range() -> None:
    d = card_dict()
    d["indicators"][0]["scale"]["points"][0] = ["0", "0"]
    with pytest.raises(ValueError, match="log scale"):
        scorecard_from_dict(d)
    d = card_dict()
    d["indicators"][1]["scale"]["points"][0] = ["-0.30", "-1"]
    with pytest.raises(ValueError, match="within 0..100"):
        scorecard_from_dict(d)


def test_default_scorecards_need_one_card_per_kind() -> None:
    text = json.dumps({"scorecards": [scorecard_to_dict(PLATFORM)]})
    with pytest.raises(ValueError, match="one card per kind"):
        default_scorecards(text)


# --- properties -----------------------------------------------------------------------------------


@given(applications)
def test_the_score_stays_within_0_and_100(app: Application) -> None:
    for card in CARDS.values():
        result = score(card, app)
        assert 0 <= result.total <= 100
        assert result.total == result.total.quantize(D("0.01"))
        assert result.tier in "ABCDE"


def _raise(app: Application, key: str, step: Decimal) -> Application | None:
    """``app`` with the figure indicator ``key`` reads raised by ``step``; None if unset."""
    fin, plat = app.financials, app.platform
    if key == "annual_sales" and fin.annual_sales_fen is not None:
        bump = int(step * 10_000_000)
        return dataclasses.replace(
            app, financials=dataclasses.replace(fin, annual_sales_fen=fin.annual_sales_fen + bump)
        )
    if key == "sales_growth" and fin.sales_growth is not None:
        grown = fin.sales_growth + step
        return dataclasses.replace(app, financials=dataclasses.replace(fin, sales_growth=grown))
    if key == "order_count" and plat.order_count is not None:
        more = plat.order_count + int(step * 1000)
        return dataclasses.replace(app, platform=dataclasses.replace(plat, order_count=more))
    if key == "seller_rating" and plat.seller_dsr is not None:
        dsr = plat.seller_dsr + step
        return dataclasses.replace(app, platform=dataclasses.replace(plat, seller_dsr=dsr))
    if key == "transaction_activity":
        if plat.active_days_per_month is not None:
            days = plat.active_days_per_month + step
            return dataclasses.replace(
                app, platform=dataclasses.replace(plat, active_days_per_month=days)
            )
        if app.active_days_per_month is not None:
            return dataclasses.replace(app, active_days_per_month=app.active_days_per_month + step)
    if key == "customer_reviews":
        if plat.positive_review_rate is not None:
            rate = plat.positive_review_rate + step
            return dataclasses.replace(
                app, platform=dataclasses.replace(plat, positive_review_rate=rate)
            )
        if app.positive_review_rate is not None:
            return dataclasses.replace(app, positive_review_rate=app.positive_review_rate + step)
    if key == "inventory_turnover" and plat.inventory_turnover is not None:
        turns = plat.inventory_turnover + step
        return dataclasses.replace(
            app, platform=dataclasses.replace(plat, inventory_turnover=turns)
        )
    return None


RISING = ("annual_sales", "sales_growth", "order_count", "seller_rating",
          "transaction_activity", "customer_reviews", "inventory_turnover")  # fmt: skip


@given(applications, st.sampled_from(RISING), st.decimals("0.001", "10", places=3))
def test_raising_a_rising_indicator_never_lowers_the_total(
    app: Application, key: str, step: Decimal
) -> None:
    raised = _raise(app, key, step)
    if raised is None:
        return
    for card in CARDS.values():
        assert score(card, raised).total >= score(card, app).total


@given(applications, st.decimals("0", "0.5", places=3))
def test_more_debt_never_raises_the_off_platform_total(app: Application, more: Decimal) -> None:
    fin = app.financials
    if fin.total_assets_fen is None or fin.total_liabilities_fen is None:
        return
    heavier = dataclasses.replace(
        app,
        financials=dataclasses.replace(
            fin, total_liabilities_fen=fin.total_liabilities_fen + int(more * 10**8)
        ),
    )
    assert score(OFF_PLATFORM, heavier).total <= score(OFF_PLATFORM, app).total
