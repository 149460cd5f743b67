"""The command line: the same services as the window, for batch work and automation.

``python main.py --help`` lists the commands. With no command the window starts.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from workstation.domain.messages import RuleError
from workstation.services import check, demo
from workstation.services.context import Context, FixedClock, SystemClock
from workstation.store.db import open_store
from workstation.store.schema import SCHEMA_VERSION

GUI_COMMANDS = (None, "gui")


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
    demo_cmd.add_argument("--db", type=Path, required=True, help="new database file")
    demo_cmd.add_argument("--cases", type=int, default=2000, help="how many cases (2000)")
    demo_cmd.add_argument("--seed", type=int, default=20121)
    demo_cmd.add_argument("--now", help="the demo's 'now', ISO time (default: the clock)")
    check_cmd = commands.add_parser(
        "check", help="integrity and consistency check; exits 1 on a problem"
    )
    check_cmd.add_argument("--db", type=Path, required=True)
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


def run_command(args: argparse.Namespace) -> int:
    """Run a headless command; the window is started by ``workstation.__main__``."""
    if args.command == "demo":
        return run_demo(args.db, args.cases, args.seed, args.now)
    if args.command == "check":
        return run_check(args.db)
    raise SystemExit(f"unknown command {args.command}")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in GUI_COMMANDS:
        print("the window starts from main.py or python -m workstation", file=sys.stderr)
        return 2
    return run_command(args)
