"""Helpers shared by the benchmarks: timing with medians, peak RSS, the cached databases."""

from __future__ import annotations

import hashlib
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
SEED = 20121
# A fixed business "now" so every cached file shows the same board (breaches, throughput).
NOW = datetime(2025, 3, 12, 15, 30, 0)
CHEAP_PASSWORD_COST = 2**4  # the demo users' hash; the benchmarks never time log-in hashing


def schema_tag() -> str:
    """A short hash of the migrations: a schema change builds new cached files."""
    from workstation.store.schema import MIGRATIONS

    return hashlib.sha256(repr(MIGRATIONS).encode()).hexdigest()[:8]


def db_path(cases: int, seed: int = SEED, rated: bool = False) -> Path:
    """The cached book; ``rated`` names a large one built with rating data anyway."""
    suffix = "_rated" if rated else ""
    return OUT / f"cases_{cases}_seed{seed}_schema{schema_tag()}{suffix}.sqlite"


def median_time(fn: Callable[[], Any], repeat: int = 7, warmup: int = 1) -> tuple[float, Any]:
    """Median wall time of ``fn`` over ``repeat`` runs (after ``warmup``), and its last result.

    The median CPU time of the same runs is kept in ``LAST_CPU[0]``: on a shared machine it
    moves less than wall time when other processes take the cores.
    """
    result = None
    for _ in range(warmup):
        result = fn()
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    LAST_CPU[0] = statistics.median(cpu)
    return statistics.median(times), result


LAST_CPU = [0.0]


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports ru_maxrss in KiB).

    Linux carries ru_maxrss over fork and exec: a child reports at least its parent's size
    at the fork, so probes are spawned before the parent grows (see ``vm_hwm_mb``).
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def vm_hwm_mb() -> float | None:
    """The peak RSS of this process's own memory (Linux VmHWM; reset at exec), or None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


def human(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k"


def cpu_note() -> str:
    return f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}"
