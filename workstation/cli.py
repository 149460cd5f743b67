"""The command line: the same services as the window, for batch work and automation.

``python main.py --help`` lists the commands. With no command the window starts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workstation import cli_rebuild
from workstation.domain.messages import RuleError
from workstation.services import check, day_end, demo, rating
from workstation.services.context import Context, FixedClock, SystemClock
from workstation.store.db import open_store
from workstation.store.schema import SCHEMA_VERSION

GUI_COMMANDS = (None, "gui")


# A command's own --db, or main.py's given before the command (``main.py --db X check``):
# SUPPRESS keeps the subcommand from overwriting the one given first (found in review).
_DB: dict[str, Any] = {"type": Path, "default": argparse.SUPPRESS, "metavar": "PATH"}
_NEEDS_DB = ("demo", "check", "score", "accrue")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Credit workstation (信贷工厂): the credit factory's screen. "
        "With no command, the window starts.",
    )
    parser.add_argument("--db", type=Path, help="database file (default: your data folder)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo database, building it first if needed (demo log-ins: README)",
    )
    parser.add_argument(
        "--demo-reset", action="store_true", help="with --demo: build the demo database anew"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", help="start the window (the default)")
    demo_cmd = commands.add_parser("demo", help="build a demo database (headless)")
    demo_cmd.add_argument("--db", **_DB, help="new database file")
    demo_cmd.add_argument("--cases", type=int, default=2000, help="how many cases (2000)")
    demo_cmd.add_argument("--seed", type=int, default=20121)
    demo_cmd.add_argument("--now", help="the demo's 'now', ISO time (default: the clock)")
    check_cmd = commands.add_parser(
        "check", help="integrity and consistency check; exits 1 on a problem"
    )
    check_cmd.add_argument("--db", **_DB)
    score_cmd = commands.add_parser(
        "score", help="a case's latest rating decision (computed, not stored, if none)"
    )
    score_cmd.add_argument("--db", **_DB)
    score_cmd.add_argument("--case", type=int, required=True, help="case number")
    score_cmd.add_argument("--json", action="store_true", help="print JSON (the default)")
    _add_accrue_parser(commands)
    cli_rebuild.add_parser(commands)
    return parser


def _say(text: str) -> None:
    print(text, flush=True)


def _error(exc: RuleError) -> int:
    print(f"error: {exc.message.render()}", file=sys.stderr)
    return 2


def run_demo(db: Path, cases: int, seed: int = 20121, now: str | None = None) -> int:
    if db.exists() and db.stat().st_size > 0:
        print(f"error: {db} exists; the demo is built in a new file", file=sys.stderr)
        return 2
    if cases < 1:
        print("error: --cases must be at least 1", file=sys.stderr)
        return 2
    try:
        store = open_store(db)
    except RuleError as exc:
        return _error(exc)
    clock = FixedClock(datetime.fromisoformat(now)) if now else SystemClock()
    started = time.perf_counter()
    try:
        summary = demo.build_demo(
            Context(store, clock),
            cases,
            seed,
            progress=lambda done, total: (
                _say(f"  {done:,}/{total:,} cases") if total > 20_000 else None
            ),
        )
    finally:
        store.close()
    _say(
        f"demo database {db}: {summary.cases:,} cases, {summary.moves:,} stage moves, "
        f"{summary.users} users in {time.perf_counter() - started:.1f} s"
    )
    _say(f"log in as wang.sup (supervisor) or li.inv (investigator), password {demo.DEMO_PASSWORD}")
    return 0


def run_check(db: Path) -> int:
    if not db.exists():
        print(f"error: {db} does not exist", file=sys.stderr)
        return 2
    if db.is_file() and db.stat().st_size == 0:
        print(f"error: {db} is empty; it is not a workstation database", file=sys.stderr)
        return 2
    try:
        store = open_store(db, migrate=False)
    except RuleError as exc:
        return _error(exc)
    if store.schema_version != SCHEMA_VERSION:
        found = store.schema_version
        store.close()
        print(
            f"error: {db} has schema version {found}, this program checks {SCHEMA_VERSION}; "
            "open it in the workstation once to upgrade it",
            file=sys.stderr,
        )
        return 2
    try:
        problems = check.consistency_problems(Context(store, SystemClock()))
    finally:
        store.close()
    for line in problems:
        print(f"problem: {line}")
    if problems:
        print(f"{len(problems)} problem(s) in {db}")
        return 1
    print(f"{db}: ok")
    return 0


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _steps(steps: tuple) -> list[dict[str, object]]:
    return [
        {"text": s.message.render(), "factor": _text(s.factor), "amount_fen": s.amount_fen}
        for s in steps
    ]


def decision_json(stored: rating.StoredDecision) -> dict[str, object]:
    """A decision as plain JSON: amounts in fen, rates and scores as exact strings."""
    d = stored.decision
    score = d.score
    return {
        "case": stored.case_id,
        "decision_id": stored.id or None,
        "stored": bool(stored.id),
        "at": stored.at,
        "by": stored.by_name or None,
        "scorecard": {"kind": stored.scorecard.kind, "version": stored.scorecard.version},
        "macro_version": stored.macro_version,
        "score": _text(score.total) if score else None,
        "tier": score.tier if score else None,
        "items": [
            {
                "key": i.key,
                "label": i.label,
                "raw": _text(i.raw),
                "sub_score": _text(i.sub_score),
                "weight": _text(i.weight),
                "contribution": _text(i.contribution),
            }
            for i in (score.items if score else ())
        ],
        "missing": list(score.missing) if score else [],
        "limits": [
            {
                "product": o.product,
                "limit_fen": o.limit_fen,
                "daily_rate": _text(o.daily_rate),
                "annual_rate": _text(o.annual_rate),
                "term_months": o.term_months,
                "steps": _steps(o.steps),
            }
            for o in (d.limit.offers if d.limit else ())
        ],
        "combined_limit_fen": d.limit.combined_limit_fen if d.limit else None,
        "combined_steps": _steps(d.limit.steps) if d.limit else [],
        "multipliers": {name: _text(value) for name, value in d.multipliers},
        "legal_flags": list(d.legal_flags),
        "blacklist_hits": [{"kind": h.kind, "reason": h.reason} for h in d.blacklist_hits],
        "outcome": d.outcome.value,
        "reasons": [m.render() for m in d.reasons],
    }


def run_score(db: Path, case_id: int) -> int:
    if not db.exists() or db.stat().st_size == 0:
        print(f"error: {db} is not a workstation database", file=sys.stderr)
        return 2
    try:
        store = open_store(db)
    except RuleError as exc:
        return _error(exc)
    try:
        stored = rating.decision_or_preview(Context(store, SystemClock()), case_id)
    except RuleError as exc:
        return _error(exc)
    finally:
        store.close()
    print(json.dumps(decision_json(stored), ensure_ascii=False, indent=2))
    return 0


def _add_accrue_parser(commands: argparse._SubParsersAction) -> None:
    """``accrue``: the close of day from the command line (cron, or catching up after days
    the office was shut); the same service the window's menu runs."""
    accrue = commands.add_parser(
        "accrue",
        help="close of day: accrue, post interest and penalty, mark overdue (idempotent)",
    )
    accrue.add_argument("--db", **_DB)
    accrue.add_argument(
        "--through", help="the last day to close, YYYY-MM-DD (default: today)", default=None
    )
    accrue.add_argument("--now", help="the business clock's now, ISO time (default: the clock)")


def run_accrue(db: Path, through: str | None, now: str | None = None) -> int:
    if not db.exists() or db.stat().st_size == 0:
        print(f"error: {db} is not a workstation database", file=sys.stderr)
        return 2
    try:
        day = date.fromisoformat(through) if through else None
    except ValueError:
        print(f"error: --through {through!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    try:
        store = open_store(db)
    except RuleError as exc:
        print(f"error: {exc.message.render()}", file=sys.stderr)
        return 2
    clock = FixedClock(datetime.fromisoformat(now)) if now else SystemClock()
    ctx = Context(store, clock)
    started = time.perf_counter()
    try:
        result = day_end.run_day_end(
            ctx,
            day_end.system_session(ctx),
            day or clock.now().date(),
            progress=lambda done, total: print(f"  {done:,}/{total:,} loans", flush=True),
        )
    except RuleError as exc:
        print(f"error: {exc.message.render()}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(
        f"closed through {result.through}: {result.loans:,} loans with something due, "
        f"{result.postings:,} postings, {result.overdue:,} moved to overdue, "
        f"{result.closed:,} closed, in {time.perf_counter() - started:.1f} s"
    )
    return 0


def run_command(args: argparse.Namespace) -> int:
    """Run a headless command; the window is started by ``workstation.__main__``."""
    if args.command in _NEEDS_DB and getattr(args, "db", None) is None:
        needs = f"error: {args.command} needs --db PATH (before or after the command)"
        print(needs, file=sys.stderr)
        return 2
    if args.command == "demo":
        return run_demo(args.db, args.cases, args.seed, args.now)
    if args.command == "check":
        return run_check(args.db)
    if args.command == "score":
        return run_score(args.db, args.case)
    if args.command == "accrue":
        return run_accrue(args.db, args.through, args.now)
    if args.command == cli_rebuild.COMMAND:
        return cli_rebuild.run(args)
    raise SystemExit(f"unknown command {args.command}")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in GUI_COMMANDS:
        print("the window starts from main.py or python -m workstation", file=sys.stderr)
        return 2
    return run_command(args)
