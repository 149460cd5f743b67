"""The demo book's rating data: applications with believable R12/R13 figures, the decisions
that rated them, a macro settings history and a short blacklist.

Figures are drawn backwards from the tier the case should have: each indicator's sub-score is
drawn near the tier's level and turned into a raw value through the scale of the default
scorecard, so the real ``decide`` gives (almost always) that tier; the case then carries the
tier the stored decision says. A separate random stream per case keeps the book's cases
exactly what they are without rating data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from workstation.domain.application import (
    Application,
    Business,
    CustomerKind,
    DownstreamCustomer,
    Financials,
    Order,
    PlatformData,
    Product,
)
from workstation.domain.decision import BlacklistEntry, Outcome, decide
from workstation.domain.limits import LegalReview, MacroSettings
from workstation.domain.people import Role
from workstation.domain.scoring import Scale, Scorecard
from workstation.services import rating
from workstation.services.context import Context
from workstation.services.rating_common import _data_text
from workstation.services.rating_settings import _ensure_settings
from workstation.services.rescore import _decision_row
from workstation.store import codec
from workstation.store import rating as rating_store

# The sub-score level a case of each tier is drawn around (cut-offs 80/65/50/35).
_TIER_LEVEL = {"A": 88, "B": 72, "C": 57, "D": 43, "E": 18}
SHRINKING = ("餐饮", "五金建材")  # the supervisor's view this week (macro version 2)
GROWING = ("母婴用品", "农产品")
INTAKE_HITS = 3  # cases declined at intake by a blacklist hit; other intake declines withdrew
_WITHDRAWN = "客户主动撤回申请"
_TRADERS = ("义乌优品商贸", "宁波万家百货", "杭州云裳服饰", "广州汇通贸易", "深圳星辰电子")


def _orders(rng: random.Random, annual_sales_fen: int) -> tuple[Order, ...]:
    """Orders a seller offers for an order loan: most shipped and clean, a few not (R4)."""
    monthly = annual_sales_fen // 12
    orders = []
    for n in range(rng.randrange(4, 25)):
        amount = max(5_000, int(monthly * rng.uniform(0.01, 0.08)) // 100 * 100)
        flaw = rng.random()
        orders.append(
            Order(
                f"TB{rng.randrange(10**11, 10**12)}{n:02d}",
                amount,
                shipped=flaw > 0.06,
                paid_out=0.06 < flaw < 0.10,
                refunded=0.10 < flaw < 0.12,
                disputed=0.12 < flaw < 0.14,
                buyer_linked_to_seller=0.14 < flaw < 0.15,
                fake_trading_sign=0.15 < flaw < 0.16,
            )
        )
    return tuple(orders)


def _invert(scale: Scale, sub: float) -> Decimal:
    """A raw value the scale maps to about ``sub`` (the scale is monotonic)."""
    points = [(float(x), float(y)) for x, y in scale.points]
    if scale.log:
        points = [(float(Decimal(x).log10()), y) for x, y in points]
    ys = [y for _, y in points]
    sub = min(max(sub, min(ys)), max(ys))
    x = points[-1][0] if (ys[-1] - sub) * (ys[-1] - ys[0]) <= 0 else points[0][0]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if min(y0, y1) <= sub <= max(y0, y1) and y0 != y1:
            x = x0 + (x1 - x0) * (sub - y0) / (y1 - y0)
            break
    return Decimal(str(10**x if scale.log else x))


@dataclass
class RatingRows:
    applications: list[tuple[Any, ...]] = field(default_factory=list)
    decisions: list[tuple[Any, ...]] = field(default_factory=list)
    blacklist: list[tuple[Any, ...]] = field(default_factory=list)


class DemoRater:
    """Rates each batch of demo cases as ``build_demo`` writes it."""

    def __init__(self, ctx: Context, ids: dict[Role, list[int]], seed: int) -> None:
        self.ctx = ctx
        self.seed = seed
        self.system = ids[Role.SYSTEM][0]
        self.supervisor = ids[Role.SUPERVISOR][0]
        self.investigators = ids[Role.INVESTIGATOR]
        now = ctx.clock.now()
        self.macro_changed = now - timedelta(days=3)
        with ctx.store.write():
            _ensure_settings(ctx)
        self.cards = rating.current_scorecards(ctx)
        first = rating.macro_settings(ctx)
        outlook = tuple(
            sorted([(i, "shrinking") for i in SHRINKING] + [(i, "growing") for i in GROWING])
        )
        self.macros = (first, MacroSettings(2, outlook, "neutral"))
        with ctx.store.write():
            rating_store.insert_macro(
                ctx.store,
                2,
                codec.dumps(self.macros[1]),
                self.macro_changed.isoformat(timespec="seconds"),
                self.supervisor,
            )
        self.intake_hits = 0

    def rate(self, customers: list[tuple], cases: list[tuple], moves: list[tuple]) -> RatingRows:
        """Applications and decisions for the batch; sets each case's tier and risk and the
        reason of intake declines in place."""
        out = RatingRows()
        by_case: dict[int, list[int]] = {}
        for index, move in enumerate(moves):
            by_case.setdefault(move[0], []).append(index)
        for i, (customer, case) in enumerate(zip(customers, cases, strict=True)):
            self._rate_one(
                i,
                customer,
                case,
                [moves[j] for j in by_case[case[0]]],
                cases,
                moves,
                by_case[case[0]],
                out,
            )
        return out

    def _rate_one(
        self,
        i: int,
        customer: tuple,
        case: tuple,
        history: list[tuple],
        cases: list[tuple],
        moves: list[tuple],
        move_index: list[int],
        out: RatingRows,
    ) -> None:
        case_id, stage = case[0], case[4]
        rng = random.Random(self.seed * 1_000_003 + case_id)
        actions = [m[3] for m in history]
        rated = next((m for m in history if m[3] in ("rate",)), None)
        rating_decline = next((m for m in history if m[3] == "decline" and m[1] == "rating"), None)
        intake_decline = next(
            (m for m in history if m[3] == "decline" and m[1] == "application"), None
        )
        submitted = "submit" in actions
        if stage == "application" and rng.random() < 0.5:
            return  # not yet keyed in: the officer has the papers
        listed = next((m for m in history if m[3] == "blacklist"), None)
        if listed is not None:  # R33: a malicious defaulter's owner is on the blacklist
            out.blacklist.append(("owner_id_number", customer[5], listed[6], listed[4], listed[5]))
        tier = case[9] or ("E" if rating_decline else rng.choices("ABCD", (22, 38, 28, 12))[0])
        legal = LegalReview(litigation=stage == "investigation" and rng.random() < 0.04)
        app = self._application(rng, customer, case, tier, legal)
        consent_at = (history[1][5] if submitted else None) or None
        if intake_decline is not None:
            consent_at = intake_decline[5]
        given = consent_at is not None or (stage == "application" and rng.random() < 0.6)
        consent_at = consent_at or case[11]
        officer = rng.choice(self.investigators)
        out.applications.append(
            (
                case_id,
                _data_text(app),
                int(given),
                consent_at if given else None,
                officer if given else None,
                rng.choice(("签署纸质授权书", "APP勾选授权", "视频面签授权")) if given else "",
                case[11],
            )
        )
        decided = rated or rating_decline
        if intake_decline is not None:
            decided = intake_decline
            if self.intake_hits >= INTAKE_HITS:
                j = move_index[actions.index("decline")]
                moves[j] = (*moves[j][:6], _WITHDRAWN, moves[j][7])
                return
            self.intake_hits += 1
            reason = rng.choice(("恶意拖欠，失联超过60天", "虚构交易骗贷"))
            out.blacklist.append(
                ("owner_id_number", customer[5], reason, self.supervisor, case[11])
            )
        if decided is None:
            return
        at = decided[5]
        macro = self.macros[1] if at >= self.macro_changed.isoformat() else self.macros[0]
        hits = (
            (BlacklistEntry("owner_id_number", customer[5], out.blacklist[-1][2]),)
            if intake_decline is not None
            else ()
        )
        card = self.cards[customer[1]]
        decision = decide(app, card, macro, hits)
        for _ in range(4):  # a case that passed rating was not an E: draw it a little better
            if decision.outcome != Outcome.DECLINE or rating_decline or hits:
                break
            tier = {"D": "C", "C": "B"}.get(tier, "B")
            app = self._application(rng, customer, case, tier, legal)
            decision = decide(app, card, macro, hits)
            out.applications[-1] = (case_id, _data_text(app), *out.applications[-1][2:])
        out.decisions.append(_decision_row(case_id, at, self.system, decision, card, macro.version))
        got = decision.score.tier if decision.score else None
        risk = case[8]
        if stage in ("investigation", "approval", "disbursement", "declined", "rating"):
            risk = rating.risk_of(decision)
        cases[i] = (*case[:8], risk, got, *case[10:])

    def _application(
        self, rng: random.Random, customer: tuple, case: tuple, tier: str, legal: LegalReview
    ) -> Application:
        kind = CustomerKind(customer[1])
        card: Scorecard = self.cards[kind.value]
        level = _TIER_LEVEL[tier]
        raw = {
            ind.key: _invert(ind.scale, min(100, max(0, level + rng.uniform(-11, 11))))
            for ind in card.indicators
        }
        sales_yuan = int(raw.get("annual_sales", Decimal(rng.randrange(200_000, 3_000_000))))
        sales = sales_yuan * 100
        margin = Decimal(rng.randrange(3, 16)) / 100
        cost = int(sales * (1 - margin - Decimal(rng.randrange(2, 10)) / 100))
        turnover = raw.get("inventory_turnover") or Decimal(rng.randrange(3, 12))
        inventory = int(cost / max(turnover, Decimal("0.5")))
        assets = int(sales * Decimal(rng.randrange(25, 60)) / 100)
        ratio = raw.get("asset_liability_ratio") or Decimal(rng.randrange(20, 70)) / 100
        platform = kind == CustomerKind.PLATFORM
        top = (
            tuple(
                DownstreamCustomer(name, rng.randrange(1, 8), Decimal(rng.randrange(5, 25)) / 100)
                for name in rng.sample(_TRADERS, 2)
            )
            if platform
            else ()
        )
        active = raw["transaction_activity"].quantize(Decimal(1))
        reviews = raw.get("customer_reviews")
        return Application(
            business=Business(
                kind,
                customer[2],
                customer[3],
                customer[4],
                customer[5],
                customer[6],
                customer[7],
                customer[8],
                customer[9],
                customer[10],
            ),
            product=Product(case[2]),
            amount_fen=case[3],
            term_months=rng.choice((3, 6, 6, 12, 12, 12)),
            financials=Financials(
                annual_sales_fen=sales,
                operating_cost_fen=cost,
                net_profit_margin=margin,
                inventory_fen=inventory,
                total_assets_fen=assets,
                total_liabilities_fen=int(assets * ratio),
                accounts_receivable_fen=int(sales * Decimal(rng.randrange(2, 12)) / 100),
                sales_growth=raw["sales_growth"].quantize(Decimal("0.01")),
                platform_share_of_sales=Decimal(rng.randrange(55, 96)) / 100 if platform else None,
                top_customers=top,
            ),
            platform=PlatformData(
                order_count=int(raw["order_count"]),
                seller_dsr=raw["seller_rating"].quantize(Decimal("0.01")),
                active_days_per_month=active,
                complaints=rng.randrange(0, 12),
                certified=True,
                orders=_orders(rng, sales) if case[2] in ("order", "both") else (),
            )
            if platform
            else PlatformData(),
            legal=legal,
            active_days_per_month=None if platform else active,
            positive_review_rate=None
            if platform or reviews is None
            else reviews.quantize(Decimal("0.001")),
        )

    def store(self, rows: RatingRows) -> None:
        """Write the batch's rating rows; the caller holds the transaction."""
        rating_store.insert_applications(self.ctx.store, rows.applications)
        rating_store.insert_decisions(self.ctx.store, rows.decisions)
        for kind, value, reason, by, at in rows.blacklist:
            rating_store.insert_blacklist(self.ctx.store, kind, value, reason, by, at)
