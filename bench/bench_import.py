"""Statement import speed against Python's own csv module (issue 4: import ≤ 3× csv).

    python bench/bench_import.py [--lines 100000] [--repeat 7]

Writes (once, deterministically) a 100,000-line Alipay export (GBK, the real preamble and
header, tests/importers/large.py) and a 100,000-line ICBC statement into bench/out/,
then, in each of ``--repeat`` rounds, times one after the other:

- ``csv``: ``csv.reader`` over the already decoded text (the baseline the target is set on);
- ``decode+csv``: the bytes decoded as GB18030, then ``csv.reader``;
- ``import``: ``read_statement`` on the bytes (decode, table, header detection, records);
- ``import+classify+rebuild``: the same, then every record classed and the 12-month rebuilt
  statement made from it (``services.rebuild.rebuild_results``, R24) — what the issue's
  target ("imported, classed and rebuilt in ≤ 3× csv") is set on;
- ``classify+rebuild alone``: ``rebuild_results`` on records already read, timed by itself
  (the difference of the two medians above is too noisy on a shared machine to tell);

and, to show where an import's time goes, its stages on their own: ``decode_text``,
``csv_table`` (the table of clean cells), header detection, the reader making the records.

Each step starts after a full ``gc.collect()`` (outside its time), so it pays for its own
garbage collection, not for the previous step's. The machine may be shared: every round times
the baseline and the import back to back, and
the ratios printed are the medians of the rounds' own ratios (a load that comes and goes
shifts both sides of a round alike); the load average before and after is printed with them.
``import / csv`` is the issue's definition (csv over decoded text), the headline;
``import / (decode+csv)`` is printed too.

Figures (2026-11-26, 2 shared cores whose speed moved by half during the day; medians of 5-7):

                                        Alipay           ICBC
    csv.reader (decoded text)           158-229 ms       127-215 ms
    import / csv                        4.1-4.4x         4.6-5.3x    (was 5.8x / 8.3x)
    import+classify+rebuild / csv       5.1-5.5x         5.4-6.4x    (was 7.3x / 10.1x)
    ... / (decode + csv)                4.1-4.2x         4.2-4.5x

The import now reads a statement's body a column at a time: ``tables.LazyRows`` splits the
lines and cleans nothing until asked; ``Reading.data_block`` hands the readers cleaned columns
(one NFKC and padding check over the whole body when it is clean, as exports are); records
are named tuples made in C from those columns. What is left, Alipay, in a quiet moment: decode
(with the mixed-encoding check) 0.5x, splitting lines and cells 1.1x, checking the body clean
0.35x, dates and amounts 0.45x, refunds and links 0.35x, records and the collector 0.5x,
classify and rebuild 0.7-1.1x. The 3x target is still missed, and cannot be met by Python
code that reads every cell: decoding and splitting alone are 1.6x before a cell is checked,
typed or classed. Meeting it takes a native CSV reader (pyarrow, measured last session at 1.4x
for clean columns and 2.2x as Python values; turning its columns into the records' Python
values alone costs about what this splitter does) and the classification, matching and
monthly sums done as column operations in it: a redesign against DESIGN.md's pure-Python
domain where a rule lives once. Issue 4 was resolved with this one point named as not met
(session 5); a 20,000-line statement is imported, classed and rebuilt in 0.20-0.22 s.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import OUT, ROOT  # noqa: F401  (puts the project on sys.path)

from tests.importers import large
from workstation.importers.decode import decode_text
from workstation.importers.detect import detect, read_statement
from workstation.importers.tables import csv_table
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


def timed(fn: Callable[[], Any]) -> float:
    gc.collect()  # every step starts from a clean heap, not the last one's leftovers
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    del result  # freeing it is not part of the next measurement's time
    return elapsed


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def bench(label: str, path: Path, repeat: int) -> float:
    raw = path.read_bytes()
    text = raw.decode("gb18030")

    def csv_only() -> None:
        for _ in csv.reader(io.StringIO(text, newline="")):
            pass

    def decode_csv() -> None:
        for _ in csv.reader(io.StringIO(raw.decode("gb18030"), newline="")):
            pass

    found = detect(raw, path.name)
    table = found.table
    result = read_statement(raw, path.name)  # warm-up, and a sanity check
    steps: dict[str, Callable[[], Any]] = {
        "csv": csv_only,
        "decode+csv": decode_csv,
        "import": lambda: read_statement(raw, path.name),
        "all": lambda: rebuild_results([read_statement(raw, path.name)]),
        "rebuild": lambda: rebuild_results([result]),
        "decode_text": lambda: decode_text(raw, path.name),
        "csv_table": lambda: csv_table(text, path.name),
        "detect": lambda: detect(raw, path.name),
        "records": found.read,
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeat):
        for name, step in steps.items():
            times[name].append(timed(step))
    t = {name: statistics.median(values) for name, values in times.items()}

    def ratio(top: str, bottom: str) -> float:
        return statistics.median(a / b for a, b in zip(times[top], times[bottom], strict=True))

    headline, rebuilt = ratio("import", "csv"), ratio("all", "csv")
    print(f"{label}: {path.name}, {text.count(chr(10)):,} lines, "
          f"{len(result.transactions):,} records, {len(table.rows):,} table rows")  # fmt: skip
    print(f"  csv.reader           {t['csv'] * 1000:8.1f} ms")
    print(f"  decode + csv.reader  {t['decode+csv'] * 1000:8.1f} ms")
    print(f"  read_statement       {t['import'] * 1000:8.1f} ms")
    print(f"    decode_text          {t['decode_text'] * 1000:8.1f} ms")
    print(f"    csv_table            {t['csv_table'] * 1000:8.1f} ms  (lines split only)")
    header = t["detect"] - t["decode_text"] - t["csv_table"]
    print(f"    header, hash, rest   {header * 1000:8.1f} ms  (detect - decode_text - csv_table)")
    print(f"    records              {t['records'] * 1000:8.1f} ms  ({found.source} reader: "
          "the body a column at a time, cleaned, typed, made records)")  # fmt: skip
    verdict = "ok" if headline <= TARGET else "OVER"
    print(f"  import / csv = {headline:.1f}x (target <= {TARGET:g}x) {verdict}")
    print(f"  import / (decode+csv) = {ratio('import', 'decode+csv'):.1f}x")
    verdict = "ok" if rebuilt <= TARGET else "OVER"
    print(f"  import+classify+rebuild {t['all'] * 1000:8.1f} ms "
          f"(classify+rebuild {(t['all'] - t['import']) * 1000:.1f} ms)")  # fmt: skip
    print(f"  import+classify+rebuild / csv = {rebuilt:.1f}x (target <= {TARGET:g}x) {verdict}")
    on_file = ratio("all", "decode+csv")
    verdict = "ok" if on_file <= TARGET else "OVER"
    print(f"  import+classify+rebuild / (decode+csv) = {on_file:.1f}x "
          f"(csv parsing the file as it is on disk) {verdict}")  # fmt: skip
    print(f"  classify+rebuild alone {t['rebuild'] * 1000:8.1f} ms "
          f"(records already read; {ratio('rebuild', 'csv'):.2f}x csv)")  # fmt: skip
    return headline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    n = args.lines
    alipay = cached(f"alipay_{n}_seed{SEED}.csv", lambda: alipay_file(n))
    icbc = cached(f"icbc_{n}_seed{SEED}.csv", lambda: icbc_file(n))
    print(f"before: {load()}; medians of {args.repeat} rounds")
    bench("Alipay", alipay, args.repeat)
    bench("ICBC", icbc, args.repeat)
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
