"""The pure-domain share of the day-end and of opening a loan (no SQLite here).

    python bench/bench_accrual.py                  # 100,000 loans, ~20 ledger rows each
    python bench/bench_accrual.py --loans 20000    # quicker

Each loan gets a year of history (2025): one to three draws (credit or order rate, either
plan, 3-12 months), repayments on time, early, late and missed, and the day-end postings
they lead to, about 20 ledger rows a loan, produced by ``postings.disburse / repay /
day_end``. Then, over every loan, it times:

- **write the year**: producing those rows (what the services will do, event by event);
- **derive**: rebuilding every state from its stored rows (``ledger.derive``), the work of
  opening a loan page or starting a day-end from the rows alone;
- **day-end, one night**: ``postings.day_end(state, next day)`` for every loan: the nightly
  close's domain share (the store's read and write come on top, later);
- **accrue a year in one step**: ``ledger.accrue(state, +365 days)``: the cost does not
  grow with the days (compare one night);
- **a loan with 5 years of history**: derive one loan with ~60 months of postings and
  repayments (target for the whole loan page: <= 100 ms).

Target for the whole day-end of 100k loans: <= 10 s; this prints the domain's share.

Figures (2 shared cores, 2026-11; 100,000 loans, 2.4 M rows, 24 a loan):

| | total | per loan |
|---|---|---|
| write the year (generator: disburse / payoff / repay / day_end) | 130 s | 1.3 ms |
| derive every state from its rows | 29 s | 290 us |
| **day-end, one night** | **1.29 s** | 12.9 us |
| day-end rerun, same night | 0.08 s | 0.8 us |
| accrue one night / 365 days in one step | 1.19 s / 1.49 s | 12 / 15 us |
| derive one loan, 5 years, 203 rows, 31 draws | | 3.2 ms |

So the nightly close must start from a cached state per loan (checked against ``derive``),
not re-derive 100k ledgers from rows (29 s); the domain then leaves ~8.7 s of the 10 s to
the store's read and write.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cpu_note  # noqa: E402

from workstation.domain.ledger import (  # noqa: E402
    DrawTerms,
    Entry,
    LoanState,
    Posted,
    accrue,
    derive,
    new_loan,
)
from workstation.domain.postings import day_end, disburse, payoff, repay  # noqa: E402
from workstation.domain.schedule import Plan  # noqa: E402

YEAR_START = date(2025, 1, 1)
YEAR_END = date(2025, 12, 31)
RATES = (Decimal("0.0006"), Decimal("0.0005"))
LIMIT = 100_000_000

Loan = tuple[str, list[DrawTerms], list[Entry], LoanState]


def _take(state: LoanState, result: Any, entries: list[Entry]) -> LoanState:
    if isinstance(result, Posted):
        entries.extend(result.entries)
        return result.state
    return state


def one_loan(
    rng: random.Random, loan_id: str, start: date, end: date, target: int, step: int = 0
) -> Loan:
    """A loan's history from ``start`` to ``end``: draws, repayments, day-ends, ~``target``
    ledger rows."""
    state = new_loan(loan_id, start)
    terms: list[DrawTerms] = []
    entries: list[Entry] = []
    today = start
    span = (end - start).days
    while len(entries) < target and today < end:
        today = min(today + timedelta(rng.randint(1, step or max(span // 8, 2))), end)
        roll = rng.random()
        if roll < 0.25 or not terms:
            draw = DrawTerms(
                f"{loan_id}-{len(terms) + 1}",
                today,
                rng.randint(5_000, 500_000) * 100,  # CNY 5,000-500,000 (mean ~ CNY 31,000 in
                rng.choice(RATES),  # the demo book; bigger here to keep draws in play)
                rng.choice((3, 6, 12)),
                rng.choice(tuple(Plan)),
            )
            result = disburse(state, draw, LIMIT)
            if isinstance(result, Posted):
                terms.append(draw)
            state = _take(state, result, entries)
        elif roll < 0.85:
            owed = payoff(state, today)
            total = getattr(owed, "total_fen", 0)
            if total:
                amount = rng.choice((total, max(total // rng.randint(2, 12), 1)))
                state = _take(state, repay(state, amount, today), entries)
        else:
            state = _take(state, day_end(state, today), entries)
    state = _take(state, day_end(state, end), entries)
    return loan_id, terms, entries, state


def timed(label: str, fn: Callable[[], Any], count: int, repeat: int = 1) -> tuple[float, Any]:
    """Median wall and CPU time of ``fn`` over ``repeat`` runs; prints per loan."""
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    per = wall / count * 1e6
    print(f"{label:<44} {wall:8.2f} s wall {cpu:8.2f} s cpu {per:9.1f} us/loan")
    return wall, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loans", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=20, help="ledger rows a loan (about)")
    parser.add_argument("--seed", type=int, default=20121)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"{args.loans:,} loans, ~{args.rows} rows each; {cpu_note()}")

    _, loans = timed(
        "write the year (disburse/repay/day_end)",
        lambda: [
            one_loan(rng, f"L{n}", YEAR_START, YEAR_END, args.rows) for n in range(args.loans)
        ],
        args.loans,
    )
    rows = sum(len(entries) for _, _, entries, _ in loans)
    print(f"{'':<44} {rows:,} ledger rows ({rows / args.loans:.1f} a loan)")

    _, rebuilt = timed(
        "derive every state from its rows",
        lambda: [derive(i, YEAR_START, t, e, through=YEAR_END) for i, t, e, _ in loans],
        args.loans,
    )
    assert all(r == s for r, (_, _, _, s) in zip(rebuilt, loans, strict=True))
    states = [state for _, _, _, state in loans]
    # The states of every loan stay in memory here; the service will stream them in chunks.
    # Freeze them so the cyclic collector does not rescan millions of live objects per run.
    del rebuilt
    gc.collect()
    gc.freeze()

    night = YEAR_END + timedelta(1)
    nightly, results = timed(
        "day-end, one night (accrue + due postings)",
        lambda: [day_end(s, night) for s in states],
        args.loans,
        repeat=5,
    )
    posted = sum(len(r.entries) for r in results)
    print(f"{'':<44} {posted:,} postings that night")
    timed(
        "day-end rerun the same night (idempotent)",
        lambda: [day_end(r.state, night) for r in results],
        args.loans,
        repeat=5,
    )
    timed(
        "accrue one night",
        lambda: [accrue(s, night) for s in states],
        args.loans,
        repeat=5,
    )
    timed(
        "accrue 365 days in one step",
        lambda: [accrue(s, YEAR_END + timedelta(365)) for s in states],
        args.loans,
        repeat=5,
    )

    old = one_loan(random.Random(7), "OLD", date(2021, 1, 1), date(2025, 12, 31), 150, step=20)
    _, terms, entries, state = old
    runs = []
    for _ in range(21):
        started = time.perf_counter()
        derive("OLD", date(2021, 1, 1), terms, entries, through=date(2025, 12, 31))
        runs.append(time.perf_counter() - started)
    print(
        f"{'derive a loan with 5 years of history':<44} "
        f"{statistics.median(runs) * 1000:8.2f} ms median, {len(entries)} rows, "
        f"{len(terms)} draws"
    )
    print(
        f"\nday-end domain share at {args.loans:,} loans: {nightly:.2f} s "
        f"(target for the whole day-end incl. store: <= 10 s at 100,000)"
    )


if __name__ == "__main__":
    main()
