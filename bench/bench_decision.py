"""How long one rating decision takes: ``decision.decide`` over 10,000 varied applications.

    python bench/bench_decision.py              # 10,000 applications, seed 20121
    python bench/bench_decision.py --count 50000
    python bench/bench_decision.py --listed 0    # no blacklist (the service passes matches only)

Each decision is timed on its own with the process CPU clock (steadier than wall time on a
shared machine); prints the median, 95th percentile and worst, in microseconds, against the
5 ms a decision may take. Never fails on time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workstation.domain.application import (  # noqa: E402
    Application,
    Business,
    Consent,
    CustomerKind,
    DownstreamCustomer,
    Financials,
    Order,
    PlatformData,
    Product,
)
from workstation.domain.decision import BlacklistEntry, decide  # noqa: E402
from workstation.domain.limits import LegalReview, MacroSettings  # noqa: E402
from workstation.domain.scoring import default_scorecards  # noqa: E402

TARGET_US = 5_000
SEED = 20121
INDUSTRIES = ("apparel", "food", "electronics", "tea", "furniture", "toys")
MACRO = MacroSettings(
    1,
    (("apparel", "shrinking"), ("food", "stable"), ("electronics", "growing")),
    "neutral",
)


def maybe(rng: random.Random, value: object, gap: float = 0.05) -> object:
    """``value``, or None now and then (a figure not supplied)."""
    return None if rng.random() < gap else value


def dec(rng: random.Random, low: float, high: float, places: int = 3) -> Decimal:
    return Decimal(f"{rng.uniform(low, high):.{places}f}")


def application(rng: random.Random, i: int) -> Application:
    platform = rng.random() < 0.7
    kind = CustomerKind.PLATFORM if platform else CustomerKind.OFF_PLATFORM
    sales = int(10 ** rng.uniform(6, 10))  # 10k to 100M yuan a year, in fen
    product = rng.choice(list(Product)) if platform else Product.CREDIT
    orders = tuple(
        Order(f"{i}-{n}", rng.randint(1_000, 5_000_000), shipped=rng.random() < 0.9,
              paid_out=rng.random() < 0.1, refunded=rng.random() < 0.03,
              fake_trading_sign=rng.random() < 0.01)
        for n in range(rng.randint(0, 20) if product != Product.CREDIT else 0)
    )  # fmt: skip
    return Application(
        Business(
            kind,
            f"Shop {i}",
            f"91350100M{i:08d}X",
            "Owner",
            f"1101051949{i:08d}",
            "13800000000",
            industry=rng.choice(INDUSTRIES),
            platform_account=f"shop{i}" if platform else None,
        ),  # fmt: skip
        product,
        rng.randint(1, 500) * 100_000,
        term_months=rng.randint(1, 12),
        financials=Financials(
            annual_sales_fen=maybe(rng, sales),
            operating_cost_fen=int(sales * rng.uniform(0.5, 0.95)),
            net_profit_margin=dec(rng, -0.1, 0.3),
            inventory_fen=maybe(rng, int(sales * rng.uniform(0.02, 0.5))),
            total_assets_fen=int(sales * rng.uniform(0.2, 2)),
            total_liabilities_fen=maybe(rng, int(sales * rng.uniform(0.05, 1.5))),
            sales_growth=maybe(rng, dec(rng, -0.5, 1.5)),
            top_customers=(DownstreamCustomer("A", 3, dec(rng, 0, 0.4)),),
        ),
        platform=PlatformData(
            order_count=maybe(rng, rng.randint(0, 30_000)),
            seller_dsr=maybe(rng, dec(rng, 4.0, 5.0, 2)),
            active_days_per_month=maybe(rng, Decimal(rng.randint(0, 31))),
            orders=orders,
        )
        if platform
        else PlatformData(),
        consent=Consent(given=True),
        legal=LegalReview(litigation=rng.random() < 0.03),
        active_days_per_month=None if platform else Decimal(rng.randint(0, 31)),
        positive_review_rate=None if platform else dec(rng, 0.8, 1.0),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--listed", type=int, default=1_000, help="blacklist entries scanned by every decision"
    )
    args = parser.parse_args()

    cards = default_scorecards((ROOT / "resources/scorecards/default.json").read_text("utf-8"))
    rng = random.Random(args.seed)
    apps = [application(rng, i) for i in range(args.count)]
    blacklist = [BlacklistEntry("platform_account", f"shop{n}", "bench") for n in range(0, 500, 7)]
    blacklist = blacklist[: args.listed]
    blacklist += [BlacklistEntry("owner_id_number", f"X{n}", "bench") for n in range(args.listed)]

    for app in apps[:200]:  # warm caches (scale logs, imports)
        decide(app, cards[str(app.business.kind)], MACRO, blacklist)
    cpu_us, outcomes = [], {}
    wall_start = time.perf_counter()
    for app in apps:
        card = cards[str(app.business.kind)]
        start = time.process_time_ns()
        decision = decide(app, card, MACRO, blacklist)
        cpu_us.append((time.process_time_ns() - start) / 1_000)
        outcomes[decision.outcome.value] = outcomes.get(decision.outcome.value, 0) + 1
    wall = time.perf_counter() - wall_start

    cpu_us.sort()
    median = statistics.median(cpu_us)
    p95 = cpu_us[int(len(cpu_us) * 0.95)]
    print(f"decide: {args.count:,} applications (seed {args.seed}), {len(blacklist):,} listed")
    print(f"  outcomes: {', '.join(f'{k} {v:,}' for k, v in sorted(outcomes.items()))}")
    print(f"  CPU per decision: median {median:.0f} µs, 95th {p95:.0f} µs, worst "
          f"{cpu_us[-1]:.0f} µs")  # fmt: skip
    print(f"  target {TARGET_US:,} µs: median is {TARGET_US / median:.0f}x under it")
    print(f"  wall for all: {wall:.2f} s ({wall / args.count * 1e6:.0f} µs a decision)")


if __name__ == "__main__":
    main()
