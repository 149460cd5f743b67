"""``main.py accrue``: the close of day from the command line, idempotent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.services.test_loans import CREDIT_100K, YUAN, _approved, _draw
from workstation.cli import run_accrue
from workstation.services.context import Context
from workstation.store import loans as loan_store

ROOT = Path(__file__).resolve().parent.parent


def test_accrue_closes_the_books_once(ctx: Context, people: dict, db_path: Path, capsys) -> None:
    case_id = _approved(ctx, people, CREDIT_100K)
    _draw(ctx, people, case_id, 100_000 * YUAN, 3)
    ctx.store.close()
    assert run_accrue(db_path, "2026-12-26", "2026-12-26T22:00:00") == 0
    out = capsys.readouterr().out
    assert "closed through 2026-12-26: 1 loans with something due, 1 postings" in out
    assert run_accrue(db_path, "2026-12-26", "2026-12-26T22:00:00") == 0
    assert "0 loans with something due, 0 postings" in capsys.readouterr().out
    from workstation.store.db import open_store

    store = open_store(db_path)
    try:
        assert loan_store.day_end_through(store) == "2026-12-26"
    finally:
        store.close()


def test_accrue_refuses_the_future_and_bad_dates(
    tmp_path: Path, ctx: Context, db_path: Path
) -> None:
    ctx.store.close()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "accrue", "--db", str(db_path), "--through",
         "2099-01-01"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2 and "ahead of today" in result.stderr
    assert run_accrue(db_path, "26/12/2026") == 2
    assert run_accrue(tmp_path / "missing.sqlite", None) == 2
