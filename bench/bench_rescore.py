"""Batch re-scoring against the raw SQLite work it cannot avoid.

    python bench/bench_rescore.py                   # 100k cases (built once, cached)
    python bench/bench_rescore.py --cases 1000000   # needs a book built with rating data

**service** = ``services.rating.rescore_open_cases`` (read each open case's application,
decode it, ``decide``, encode the decision, ``executemany`` in chunks of 5,000, one audit
event a chunk). **raw** = a plain ``sqlite3`` connection that runs the same paged input query
and writes the very rows the service wrote, with the same chunking and commits. The ratio
service / raw is printed (target <= 3x); the rows written are deleted after each run, so
every run sees the same file.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import NOW, cpu_note  # noqa: E402
from gen_cases import ensure_db  # noqa: E402

from workstation.domain.people import Role  # noqa: E402
from workstation.services import rating  # noqa: E402
from workstation.services.context import Context, FixedClock, Session  # noqa: E402
from workstation.store import rating as rating_store  # noqa: E402
from workstation.store.db import open_store  # noqa: E402


def _supervisor(store) -> Session:  # type: ignore[no-untyped-def]
    uid, name = store.conn.execute(
        "SELECT id, display_name FROM users WHERE role = 'supervisor' ORDER BY id"
    ).fetchone()
    return Session(uid, "wang.sup", name, Role.SUPERVISOR)


def _service_run(path: Path) -> tuple[float, int, list[tuple]]:
    store = open_store(path)
    try:
        ctx = Context(store, FixedClock(NOW))
        first = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM decisions").fetchone()[0]
        rating.current_scorecards(ctx)  # settings seeded outside the timing
        started = time.perf_counter()
        summary = rating.rescore_open_cases(ctx, _supervisor(store))
        elapsed = time.perf_counter() - started
        rows = store.conn.execute(
            f"SELECT {', '.join(rating_store.DECISION_COLUMNS)} FROM decisions WHERE id > ? "
            "ORDER BY id",
            (first,),
        ).fetchall()
        _forget(store.conn, first)
    finally:
        store.close()
    return elapsed, summary.scored, rows


def _forget(conn: sqlite3.Connection, first: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM decisions WHERE id > ?", (first,))
    conn.execute("DELETE FROM audit_events WHERE entity = 'rescore'")
    conn.execute("COMMIT")


def _raw_run(path: Path, rows: list[tuple]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    first = conn.execute("SELECT COALESCE(MAX(id), 0) FROM decisions").fetchone()[0]
    stages = rating.RESCORE_STAGES
    marks = ",".join("?" * len(stages))
    query = (
        "SELECT a.case_id, a.data, d.tier, d.outcome FROM applications a "
        "JOIN cases c ON c.id = a.case_id LEFT JOIN decisions d ON d.id = "
        "(SELECT MAX(id) FROM decisions WHERE case_id = a.case_id) "
        f"WHERE a.case_id > ? AND c.stage IN ({marks}) ORDER BY a.case_id LIMIT ?"
    )
    insert = (
        f"INSERT INTO decisions ({', '.join(rating_store.DECISION_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(rating_store.DECISION_COLUMNS))})"
    )
    chunk = rating.RESCORE_CHUNK
    started = time.perf_counter()
    conn.execute(
        f"SELECT COUNT(*) FROM applications a JOIN cases c ON c.id = a.case_id "
        f"WHERE c.stage IN ({marks})",
        stages,
    ).fetchone()
    last, done = 0, 0
    while True:
        page = conn.execute(query, (last, *stages, chunk)).fetchall()
        if not page:
            break
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(insert, rows[done : done + len(page)])
        conn.execute("COMMIT")
        done += len(page)
        last = page[-1][0]
    elapsed = time.perf_counter() - started
    _forget(conn, first)
    conn.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, nargs="*", default=[100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(cpu_note())
    for cases in args.cases:
        path = ensure_db(cases, rated=cases > 200_000)
        store = open_store(path)
        has = store.conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
        store.close()
        if not has:
            print(f"{cases:,}: the cached book has no rating data (built with rating_data off)")
            continue
        service, raw = [], []
        scored = 0
        for _ in range(args.repeat):
            elapsed, scored, rows = _service_run(path)
            service.append(elapsed)
            raw.append(_raw_run(path, rows))
        s, r = sorted(service)[len(service) // 2], sorted(raw)[len(raw) // 2]
        print(
            f"{cases:>9,} cases, {scored:,} re-scored: service {s:6.2f} s "
            f"({s / max(scored, 1) * 1e6:,.0f} us a case), raw SQLite {r:5.2f} s, "
            f"ratio {s / r:4.1f}x (target <= 3x)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
