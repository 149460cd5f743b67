"""Build (once) and cache demo databases of N cases under bench/out/ for the benchmarks.

    python bench/gen_cases.py 100000 1000000      # build what is missing, print the paths
    python bench/gen_cases.py --force 100000      # build anew

Uses ``services.demo.build_demo`` (bulk inserts, the real schema and indexes) with a fixed
business "now" and seed, and a cheap password hash (the demo password still works).
A file is built under a temporary name and renamed when complete, so an interrupted build is
never mistaken for a cached one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CHEAP_PASSWORD_COST, NOW, OUT, SEED, db_path  # noqa: E402

from workstation.services import demo  # noqa: E402
from workstation.services.context import Context, FixedClock  # noqa: E402
from workstation.store.db import open_store  # noqa: E402


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def ensure_db(
    cases: int, seed: int = SEED, force: bool = False, quiet: bool = False, rated: bool = False
) -> Path:
    """The cached database of ``cases`` demo cases, built first when missing.

    ``rated`` forces applications and decisions into a book larger than the demo adds them
    to by itself (the batch re-scoring bench at 1M needs them; ~7 KB a case).
    """
    path = db_path(cases, seed, rated)
    if path.exists() and not force:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    _remove(tmp)
    _remove(path)
    started = time.perf_counter()
    store = open_store(tmp)
    # A benchmark file is rebuilt, not rescued: skip fsyncs and give index inserts room.
    store.conn.execute("PRAGMA synchronous = OFF")
    store.conn.execute("PRAGMA cache_size = -262144")
    try:

        def progress(done: int, total: int) -> None:
            if not quiet and (done == total or done % 100_000 == 0):
                rate = done / (time.perf_counter() - started)
                print(f"  {done:>9,}/{total:,} cases ({rate:,.0f}/s)", flush=True)

        summary = demo.build_demo(
            Context(store, FixedClock(NOW)),
            cases,
            seed,
            password_cost=CHEAP_PASSWORD_COST,
            progress=progress,
            rating_data=True if rated else None,
        )
        # No ANALYZE: a user's file has no statistics either, so the plans are the real ones.
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    tmp.rename(path)
    _remove(tmp)
    if not quiet:
        size = path.stat().st_size / 1e6
        print(
            f"built {path}: {summary.cases:,} cases, {summary.moves:,} moves, {size:,.0f} MB "
            f"in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", type=int, nargs="*", default=[100_000])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--force", action="store_true", help="rebuild even when cached")
    parser.add_argument("--rated", action="store_true", help="with rating data at any size")
    args = parser.parse_args(argv)
    for n in args.cases:
        print(ensure_db(n, args.seed, args.force, rated=args.rated))
    return 0


if __name__ == "__main__":
    sys.exit(main())
