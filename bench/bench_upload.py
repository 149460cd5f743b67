"""A 100,000-line statement uploaded onto a case, classed and rebuilt, against Python's own
``csv`` module (issue 4: ≤ 3× csv).

    python bench/bench_upload.py [--lines 100000] [--repeat 3]

Uses the 100,000-line Alipay export and ICBC statement ``bench_import.py`` writes into
bench/out/ (tests/importers/large.py), and for each times, medians of ``--repeat`` runs:

- ``csv``: ``csv.reader`` over the already decoded text (the baseline the target is set on);
- ``upload``: ``services.uploads.upload`` onto a case in investigation in a fresh database
  file (WAL, ``synchronous=FULL``): read the file, then one transaction with the original,
  the case's document row, every line and the paperwork marked received;
- ``read_statement`` alone (the importers' share of the upload);
- ``rebuild``: ``services.statements.case_statement`` — every line classed and the 12-month
  statement rebuilt, with the records the upload left in memory (what the window shows
  after an upload and after each re-class), and again read back from the database (a case
  opened later);
- ``upload+classify+rebuild``: upload and the rebuild after it, the issue's target.

Wall and CPU times (CPU moves less on a shared machine), each against csv. Nothing passes or
fails on time (DESIGN.md "Tests").
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from _common import OUT, ROOT, cpu_note  # noqa: F401  (puts the project on sys.path)
from bench_import import alipay_file, cached, icbc_file

from tests.importers import large
from workstation.domain.people import Role
from workstation.importers.detect import read_statement
from workstation.services import demo, statements, uploads
from workstation.services.context import Context, FixedClock, Session
from workstation.store import cases as case_store
from workstation.store import users as user_store
from workstation.store.db import open_store

TARGET = 3.0
NOW = datetime(2025, 3, 12, 15, 30, 0)


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _case(ctx: Context) -> tuple[Session, int]:
    """An investigator and a fresh case of theirs in investigation."""
    row = user_store.user_by_name(ctx.store, "li.inv")
    assert row is not None
    who = Session(row.id, row.username, row.display_name, Role(row.role))
    at = ctx.stamp()
    with ctx.store.write():
        customer = case_store.insert_customer(
            ctx.store, kind="platform", business_name="杭州鑫源服饰商行",
            credit_code="91350100M000100Y43", owner_name="王伟",
            owner_id_number="11010519491231002X", owner_phone="13812345678", created_at=at,
        )  # fmt: skip
        case_id = case_store.insert_case(
            ctx.store, customer_id=customer, product="credit", amount_fen=8_000_000,
            stage="investigation", stage_entered_at=at, officer_id=who.user_id, risk="green",
            version=3, created_at=at, updated_at=at,
        )  # fmt: skip
    return who, case_id


def bench(label: str, path: Path, repeat: int, folder: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("gb18030")
    runs: dict[str, list[tuple[float, float]]] = {
        k: [] for k in ("csv", "read", "upload", "cold", "warm")
    }
    for n in range(repeat):
        start = _clock()
        for _ in csv.reader(io.StringIO(text, newline="")):
            pass
        runs["csv"].append(_since(start))
        start = _clock()
        read_statement(raw, path.name)
        runs["read"].append(_since(start))
        store = open_store(folder / f"{label}-{n}.sqlite")
        ctx = Context(store, FixedClock(NOW))
        demo.create_demo_users(ctx, password_cost=2**4)
        who, case_id = _case(ctx)
        start = _clock()
        done = uploads.upload(ctx, who, case_id, raw, path.name)
        runs["upload"].append(_since(start))
        start = _clock()
        seen = statements.case_statement(ctx, who, case_id)  # the upload left its records
        runs["warm"].append(_since(start))
        uploads.forget_cached_records()
        start = _clock()
        statements.case_statement(ctx, who, case_id)  # read back from the database
        runs["cold"].append(_since(start))
        store.close()
    assert done.document is not None
    (base, base_cpu), (read, _), (up, up_cpu) = (
        _median(runs[k]) for k in ("csv", "read", "upload")
    )
    (warm, warm_cpu), (cold, cold_cpu) = _median(runs["warm"]), _median(runs["cold"])
    print(f"{label}: {path.name}, {text.count(chr(10)):,} lines, "
          f"{len(seen.statement.lines):,} records stored")  # fmt: skip
    print("                          wall        x csv     (CPU    x csv)")

    def row(name: str, wall: float, cpu: float | None = None) -> None:
        extra = f"   ({cpu * 1000:7.1f} ms {cpu / base_cpu:5.1f}x)" if cpu is not None else ""
        print(f"  {name:22s} {wall * 1000:8.1f} ms {wall / base:5.1f}x{extra}")

    row("csv.reader", base, base_cpu)
    row("read_statement", read)
    row("upload (read + store)", up, up_cpu)
    row("  of which the store", up - read)
    row("rebuild, records kept", warm, warm_cpu)
    row("rebuild, read back", cold, cold_cpu)
    whole, whole_cpu = up + warm, up_cpu + warm_cpu
    verdict = "ok" if whole / base <= TARGET else "OVER"
    row("upload+classify+rebuild", whole, whole_cpu)
    print(
        f"  upload+classify+rebuild / csv = {whole / base:.1f}x (target <= {TARGET:g}x) {verdict}"
    )
    sales = seen.statement.financials.annual_sales_fen
    flags = [str(f.kind) for f in seen.statement.flags]
    print(f"  annual sales rebuilt: {sales:,} fen; flags: {flags}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.lines
    alipay = cached(f"alipay_{n}_seed{large.SEED}.csv", lambda: alipay_file(n))
    icbc = cached(f"icbc_{n}_seed{large.SEED}.csv", lambda: icbc_file(n))
    print(cpu_note())
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        bench("Alipay", alipay, args.repeat, Path(folder))
        bench("ICBC", icbc, args.repeat, Path(folder))


if __name__ == "__main__":
    main()
