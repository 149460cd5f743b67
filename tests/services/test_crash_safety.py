"""A move killed half-way (power cut, task manager) leaves no half-done move behind.

A child process moves cases and is killed with SIGKILL — once in the middle of a move's
transaction (after the case row was updated, before its history row was written) and once
while moving in a loop. The database that remains must pass ``check`` and keep the
invariant every move maintains: a case's version is one more than its moves, and each move
has its audit event.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.services.book import add_case
from workstation.services import check
from workstation.services.context import Context, Session
from workstation.store.db import open_store

REPO = Path(__file__).resolve().parents[2]
CASES = 12

CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime
    from workstation.domain.people import Role
    from workstation.domain.stages import Action
    from workstation.services import pipeline
    from workstation.services.context import Context, FixedClock, Session
    from workstation.store import cases as case_store, users
    from workstation.store.db import open_store

    db, mode, stop_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(db)
    ctx = Context(store, FixedClock(datetime(2026, 11, 26, 11, 0, 0)))
    row = users.user_by_name(store, "wang.sup")
    wang = Session(row.id, row.username, row.display_name, Role.SUPERVISOR)
    done = 0
    real_insert_move = case_store.insert_move

    def insert_move_then_hang(*args, **kwargs):
        if done >= stop_after:
            print("MID-MOVE", flush=True)  # the case row is updated, its history is not
            time.sleep(600)
        return real_insert_move(*args, **kwargs)

    if mode == "hang":
        case_store.insert_move = insert_move_then_hang
    ids = [r[0] for r in store.conn.execute("SELECT id FROM cases ORDER BY id")]
    for action in (Action.SUBMIT, Action.RATE, Action.RECOMMEND):
        for case_id in ids:
            version = store.conn.execute(
                "SELECT version FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
            pipeline.move_case(ctx, wang, case_id, action, version)
            done += 1
            print(f"DONE {done}", flush=True)
    """
)


def _run_child_and_kill(db: Path, mode: str, stop_after: int, marker: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), mode, str(stop_after)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    seen: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            seen.append(line.strip())
            if line.strip() == marker:
                break
        else:
            pytest.fail(f"child ended before {marker!r}: {child.stderr.read()}")  # type: ignore[union-attr]
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL
    return seen


def _assert_whole(db: Path, clock_ctx: Context) -> dict[int, tuple[str, int, int, int]]:
    store = open_store(db)
    try:
        ctx = Context(store, clock_ctx.clock)
        assert check.consistency_problems(ctx) == []
        rows = store.conn.execute(
            "SELECT c.id, c.stage, c.version, "
            "(SELECT COUNT(*) FROM stage_moves m WHERE m.case_id = c.id AND m.action != 'receive'),"
            "(SELECT COUNT(*) FROM audit_events a WHERE a.entity = 'case' AND a.entity_id = c.id) "
            "FROM cases c ORDER BY c.id"
        ).fetchall()
    finally:
        store.close()
    for case_id, _stage, version, moves, audits in rows:
        assert version == 1 + moves, (case_id, version, moves)
        assert audits == moves, (case_id, audits, moves)
    return {r[0]: r[1:] for r in rows}


@pytest.fixture
def line(ctx: Context, people: dict[str, Session], db_path: Path) -> Path:
    for _ in range(CASES):
        add_case(ctx, "application")
    ctx.store.close()
    return db_path


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_in_the_middle_of_a_move_leaves_no_half_move(ctx: Context, line: Path) -> None:
    stop_after = CASES + 3  # all submitted, three rated, the fourth rating hangs half-done
    seen = _run_child_and_kill(line, "hang", stop_after, "MID-MOVE")
    assert seen[-2:] == [f"DONE {stop_after}", "MID-MOVE"]
    state = _assert_whole(line, ctx)
    stages = [stage for stage, *_ in state.values()]
    assert stages.count("investigation") == 3  # the killed move did not happen at all
    assert stages.count("rating") == CASES - 3


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_while_moving_in_a_loop(ctx: Context, line: Path) -> None:
    seen = _run_child_and_kill(line, "loop", 0, f"DONE {CASES + 5}")
    state = _assert_whole(line, ctx)
    moved = sum(version - 1 for _stage, version, *_ in state.values())
    assert moved >= CASES + 5  # every move reported done survived the kill
    assert seen[-1] == f"DONE {CASES + 5}"
