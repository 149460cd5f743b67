"""The command line as a user runs it: ``python main.py …`` in a child process."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workstation.store.db import APPLICATION_ID

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-26T10:00:00"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run("demo", "--db", str(db), "--cases", "50", "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert "50 cases" in result.stdout
    return db


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    for command in ("demo", "check", "gui"):
        assert command in result.stdout
    assert "PySide6" not in result.stderr


def test_help_does_not_start_qt() -> None:
    probe = (
        "import sys; from workstation.__main__ import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'PySide6' not in sys.modules, 'Qt loaded for --help'"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_demo_then_check_is_clean(demo_db: Path) -> None:
    result = run("check", "--db", str(demo_db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(": ok")


def test_demo_refuses_to_overwrite(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    result = run("demo", "--db", str(demo_db), "--cases", "5")
    assert result.returncode != 0
    assert "exists" in result.stderr
    assert demo_db.read_bytes() == before


def test_check_finds_a_planted_problem(demo_db: Path, tmp_path: Path) -> None:
    planted = tmp_path / "planted.sqlite"
    source = sqlite3.connect(demo_db)
    target = sqlite3.connect(planted)
    source.backup(target)
    source.close()
    case_id = target.execute("SELECT id FROM cases WHERE stage = 'investigation'").fetchone()[0]
    target.execute("UPDATE cases SET stage = 'closed' WHERE id = ?", (case_id,))
    target.commit()
    target.close()
    result = run("check", "--db", str(planted))
    assert result.returncode == 1
    assert f"problem: case {case_id} is in closed" in result.stdout
    assert "1 problem(s)" in result.stdout


@pytest.mark.parametrize(
    "content",
    [b"name,amount\n\xe7\x8e\x8b,100\n", b"\x89PNG\r\n\x1a\n" + bytes(64), b""],
    ids=["csv", "png", "empty"],
)
def test_check_on_a_file_that_is_not_a_database(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bills.sqlite"
    path.write_bytes(content)
    before = _files(tmp_path)
    result = run("check", "--db", str(path))
    assert result.returncode not in (0, 1)  # 1 means "problems found in a database"
    assert "not a workstation database" in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(tmp_path) == before


def test_check_on_a_newer_database_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # ours, from a later release
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = _files(tmp_path)
    result = run("check", "--db", str(path))
    assert result.returncode == 2
    assert "newer version" in result.stderr
    assert _files(tmp_path) == before


def test_check_on_a_missing_file(tmp_path: Path) -> None:
    result = run("check", "--db", str(tmp_path / "nope.sqlite"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nope.sqlite").exists()


def test_the_database_may_be_named_before_the_command(demo_db: Path) -> None:
    """``main.py --db X check`` as the main help shows --db (found in review: it exited 2)."""
    before = run("--db", str(demo_db), "check")
    assert before.returncode == 0, before.stderr
    assert before.stdout == run("check", "--db", str(demo_db)).stdout
    missing = run("check")
    assert missing.returncode == 2 and "needs --db" in missing.stderr
