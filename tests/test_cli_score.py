"""``python main.py score``: a case's rating decision as JSON, as a script would read it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.test_cli import NOW, run


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("score") / "demo.sqlite"
    result = run("demo", "--db", str(db), "--cases", "60", "--now", NOW)
    assert result.returncode == 0, result.stderr
    return db


def _one(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_score_prints_the_stored_decision(book: Path) -> None:
    case_id = _one(
        book,
        "SELECT c.id FROM cases c JOIN decisions d ON d.case_id = c.id "
        "WHERE c.stage = 'investigation' AND d.outcome = 'investigate' ORDER BY c.id",
    )
    result = run("score", "--db", str(book), "--case", str(case_id), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["stored"] is True and out["case"] == case_id
    assert out["tier"] in "ABCD" and out["outcome"] == "investigate"
    total = sum(float(i["contribution"]) for i in out["items"] if i["contribution"])
    assert abs(total - float(out["score"])) < 0.01  # contributions add up to the score
    (offer, *_) = out["limits"]
    assert isinstance(offer["limit_fen"], int) and offer["limit_fen"] % 100_000 == 0
    assert offer["annual_rate"] in ("0.2190", "0.1825")  # R35: daily x 365, as a string
    assert offer["steps"][0]["text"] == "Average monthly sales"
    assert (
        out["combined_limit_fen"] == sum(o["limit_fen"] for o in out["limits"])
        or out["combined_steps"]
    )
    assert out["reasons"] and all(isinstance(r, str) for r in out["reasons"])


def test_score_computes_without_storing_when_nothing_is_stored(book: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.sqlite"
    shutil.copy(book, db)
    case_id = _one(
        db,
        "SELECT c.id FROM cases c JOIN applications a ON a.case_id = c.id "
        "WHERE c.stage = 'investigation' AND a.consent_given = 1 ORDER BY c.id",
    )
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM decisions WHERE case_id = ?", (case_id,))
    conn.close()
    before = _one(db, "SELECT COUNT(*) FROM decisions")
    result = run("score", "--db", str(db), "--case", str(case_id), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["stored"], out["decision_id"]) == (False, None)
    assert out["scorecard"]["version"] == 1 and out["score"] is not None
    assert _one(db, "SELECT COUNT(*) FROM decisions") == before


def test_score_refuses_a_draft_with_exit_2(book: Path) -> None:
    case_id = _one(book, "SELECT id FROM cases WHERE stage = 'application' ORDER BY id")
    result = run("score", "--db", str(book), "--case", str(case_id), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "still in “application”" in result.stderr and "Traceback" not in result.stderr


def test_score_for_a_missing_case_exits_2_with_a_message(book: Path) -> None:
    result = run("score", "--db", str(book), "--case", "999999", "--json")
    assert result.returncode == 2
    assert "There is no case 999999" in result.stderr
    assert "Traceback" not in result.stderr
