"""Statement import speed against Python's own csv module (issue 4: import ≤ 3× csv).

    python bench/bench_import.py [--lines 100000] [--repeat 3]

Writes (once, deterministically) a 100,000-line Alipay export (GBK, the real preamble and
header, tests/importers/large.py) and a 100,000-line ICBC statement into bench/out/,
then times, medians of ``--repeat`` runs:

- ``csv``: ``csv.reader`` over the already decoded text (the baseline the target is set on);
- ``decode+csv``: the bytes decoded as GB18030, then ``csv.reader``;
- ``import``: ``read_statement`` on the bytes (decode, table, header detection, records);
- ``import+classify+rebuild``: the same, then every record classed and the 12-month rebuilt
  statement made from it (``services.rebuild.rebuild_results``, R24) — what the issue's
  target ("imported, classed and rebuilt in ≤ 3× csv") is set on.

and prints ``import / csv``, ``import / (decode+csv)`` and ``import+classify+rebuild / csv``
(the target, ≤ 3×).
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import OUT, ROOT  # noqa: F401  (puts the project on sys.path)

from tests.importers import large
from workstation.importers.detect import read_statement
from workstation.services.rebuild import rebuild_results

TARGET = 3.0
SEED = large.SEED


def alipay_file(lines: int) -> bytes:
    return large.alipay_csv(lines)


def icbc_file(lines: int) -> bytes:
    return large.icbc_csv(lines)


def cached(name: str, build: Callable[[], bytes]) -> Path:
    path = OUT / name
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_bytes(build())
    return path


def median(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(label: str, path: Path, repeat: int) -> float:
    raw = path.read_bytes()
    text = raw.decode("gb18030")

    def csv_only() -> None:
        for _ in csv.reader(io.StringIO(text, newline="")):
            pass

    def decode_csv() -> None:
        for _ in csv.reader(io.StringIO(raw.decode("gb18030"), newline="")):
            pass

    result = read_statement(raw, path.name)  # warm-up, and a sanity check
    base = median(csv_only, repeat)
    both = median(decode_csv, repeat)
    full = median(lambda: read_statement(raw, path.name), repeat)
    whole = median(lambda: rebuild_results([read_statement(raw, path.name)]), repeat)
    ratio = full / base
    print(f"{label}: {path.name}, {text.count(chr(10)):,} lines, "
          f"{len(result.transactions):,} records")  # fmt: skip
    print(f"  csv.reader           {base * 1000:8.1f} ms")
    print(f"  decode + csv.reader  {both * 1000:8.1f} ms")
    print(f"  read_statement       {full * 1000:8.1f} ms")
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"  import / csv = {ratio:.1f}x (target <= {TARGET:g}x) {verdict}")
    print(f"  import / (decode+csv) = {full / both:.1f}x")
    rebuilt = whole / base
    verdict = "ok" if rebuilt <= TARGET else "OVER"
    print(f"  import+classify+rebuild {whole * 1000:8.1f} ms "
          f"(classify+rebuild {(whole - full) * 1000:.1f} ms)")  # fmt: skip
    print(f"  import+classify+rebuild / csv = {rebuilt:.1f}x (target <= {TARGET:g}x) {verdict}")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.lines
    alipay = cached(f"alipay_{n}_seed{SEED}.csv", lambda: alipay_file(n))
    icbc = cached(f"icbc_{n}_seed{SEED}.csv", lambda: icbc_file(n))
    bench("Alipay", alipay, args.repeat)
    bench("ICBC", icbc, args.repeat)


if __name__ == "__main__":
    main()
