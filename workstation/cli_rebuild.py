"""``python main.py rebuild FILE... --json``: the rebuilt statements (R24) without a database.

Prints the 12 monthly figures, the R12 totals, declared against rebuilt and the flags, for
automation and for checking the rules by hand. Money is integer fen, ratios exact decimal
strings. A file that cannot be read stops the command (exit 2) with the reason, naming the
file and line; nothing is half-counted. With ``--db PATH`` a bank statement no preset reads
is read with the column mapping saved in that database for its header row (the database is
only read: no log-in, nothing written).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from workstation.domain.application import Financials
from workstation.domain.classify import CATEGORY_LABELS, Category
from workstation.domain.messages import RuleError
from workstation.domain.rebuild import RebuiltStatement
from workstation.domain.rebuild_checks import UtilityKind, UtilityUsage
from workstation.importers.records import ImportResult, StatementRefused
from workstation.services import bank_layouts
from workstation.services.rebuild import read_files, rebuild_results
from workstation.store.db import open_read_only
from workstation.store.schema import SCHEMA_VERSION

COMMAND = "rebuild"


def add_parser(commands: Any) -> None:
    """Register ``rebuild`` on the main parser's subcommands."""
    cmd = commands.add_parser(
        COMMAND,
        help="rebuild monthly statements and the R12 figures from bills (no database; "
        "--db PATH to read other banks with the column mappings saved there)",
        description=__doc__.splitlines()[0],
    )
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE", help="statements to read")
    cmd.add_argument("--json", action="store_true", help="print JSON (the default)")
    cmd.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,  # else it would hide main.py's own --db given before
        metavar="PATH",
        help="a workstation database: a bank statement no preset reads is read with the "
        "column mapping saved there for its header row (read only; no log-in)",
    )
    cmd.add_argument(
        "--owner",
        action="append",
        default=[],
        metavar="NAME",
        help="the owner's or business's name (repeat for several)",
    )
    cmd.add_argument(
        "--owner-account",
        action="append",
        default=[],
        metavar="ACCOUNT",
        help="an account number of the owner's (repeat for several)",
    )
    cmd.add_argument(
        "--through",
        type=_month,
        metavar="YYYY-MM",
        help="the last of the 12 months (default: the latest transaction's)",
    )
    for kind in ("declared", "adjusted"):
        cmd.add_argument(
            f"--{kind}-sales", type=int, metavar="FEN", help=f"{kind} annual sales, in fen"
        )
        cmd.add_argument(
            f"--{kind}-cost", type=int, metavar="FEN", help=f"{kind} annual operating cost, in fen"
        )
    cmd.add_argument(
        "--electricity",
        action="append",
        default=[],
        type=_bill,
        metavar="START,END,KWH[,FEN]",
        help="an electricity bill: period (ISO dates, inclusive), kWh, amount",
    )
    cmd.add_argument(
        "--trace", action="store_true", help="list each figure's lines (file sha256:line)"
    )


def _month(text: str) -> date:
    try:
        return date.fromisoformat(text if len(text) > 7 else f"{text}-01").replace(day=1)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{text}” is not a month like 2025-03") from exc


def _bill(text: str) -> UtilityUsage:
    parts = [p.strip() for p in text.split(",")]
    try:
        start, end = date.fromisoformat(parts[0]), date.fromisoformat(parts[1])
        usage = Decimal(parts[2])
        amount = int(parts[3]) if len(parts) > 3 else 0
    except (IndexError, ValueError, InvalidOperation) as exc:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not START,END,KWH[,FEN] (e.g. 2025-01-01,2025-01-31,1200,96000)"
        ) from exc
    if end < start:
        raise argparse.ArgumentTypeError(f"“{text}”: the period ends before it starts")
    return UtilityUsage(start, end, UtilityKind.ELECTRICITY, usage, amount)


def run(args: argparse.Namespace) -> int:
    missing = [p for p in args.files if not p.is_file()]
    if missing:
        print(f"error: {missing[0]} does not exist or is not a file", file=sys.stderr)
        return 2
    db = getattr(args, "db", None)
    try:
        results = _read(args.files, db)
    except (StatementRefused, RuleError) as refusal:
        print(f"error: {refusal.message.render()}", file=sys.stderr)
        return 2
    except _OldDatabase as old:
        print(
            f"error: {db} has schema version {old.version}, this program reads "
            f"{SCHEMA_VERSION}; open it in the workstation once to upgrade it",
            file=sys.stderr,
        )
        return 2
    statement = rebuild_results(
        results,
        owner_names=args.owner,
        owner_accounts=args.owner_account,
        through=args.through,
        utilities=args.electricity,
        declared=_financials(args.declared_sales, args.declared_cost),
        adjusted=_financials(args.adjusted_sales, args.adjusted_cost),
    )
    text = json.dumps(statement_json(statement, trace=args.trace), ensure_ascii=False, indent=2)
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `… --json | head`: the reader had enough, which is no error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
    return 0


def _read(files: list[Path], db: Path | None) -> list[ImportResult]:
    """The files read whole; with a database, also with the column mappings saved there
    (``RuleError`` when the database cannot be read)."""
    if db is None:
        return read_files(files)
    store = open_read_only(db)
    try:
        if store.schema_version < SCHEMA_VERSION:
            raise _OldDatabase(store.schema_version)
        return bank_layouts.read_files(store, files)
    finally:
        store.close()


class _OldDatabase(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def _financials(sales: int | None, cost: int | None) -> Financials | None:
    if sales is None and cost is None:
        return None
    return Financials(annual_sales_fen=sales, operating_cost_fen=cost)


def _text(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def statement_json(statement: RebuiltStatement, *, trace: bool = False) -> dict[str, Any]:
    """The rebuilt statement as plain JSON (fen integers, decimal strings, ISO dates)."""

    def where(index: int) -> str:
        ref = statement.origin(index)
        return f"{ref.file_sha256}:{ref.line}"

    months = []
    for month in statement.months:
        categories = {}
        for kind, cell in month.cells:
            entry: dict[str, Any] = {"fen": cell.fen, "lines": len(cell.rows)}
            if trace:
                entry["trace"] = [where(i) for i in cell.rows]
            categories[str(kind)] = entry
        months.append(
            {
                "month": month.month.strftime("%Y-%m"),
                "covered": month.covered,
                "revenue_fen": month.revenue_fen,
                "purchases_fen": month.purchases_fen,
                "operating_expenses_fen": {
                    str(k): v for k, v in month.operating_expenses_fen.items()
                },
                "operating_cost_fen": month.operating_cost_fen,
                "net_cash_flow_fen": month.net_cash_flow_fen,
                "electricity_kwh": _text(month.electricity_kwh),
                "categories": categories,
            }
        )
    fin = statement.financials
    meter = statement.meter
    return {
        "through": statement.months[-1].month.strftime("%Y-%m"),
        "files": [
            {
                "name": f.name,
                "sha256": f.sha256,
                "kind": str(f.kind),
                "account": f.account,
                "period": [_text(d) for d in f.period] if f.period else None,
                "lines": len(f.lines),
            }
            for f in statement.files
        ],
        "repeated_files": [{"file": a, "same_as": b} for a, b in statement.repeated_files],
        "months": months,
        "r12": {
            "annual_sales_fen": fin.annual_sales_fen,
            "operating_cost_fen": fin.operating_cost_fen,
            "net_profit_margin": _text(fin.net_profit_margin),
            "sales_growth": _text(fin.sales_growth),
            "sales_growth_basis": _text(statement.growth_basis and str(statement.growth_basis)),
            "top_customers": [
                {
                    "name": t.name,
                    "sales_fen": t.sales_fen,
                    "share": str(t.share),
                    "first_seen": t.first_seen.isoformat(),
                }
                for t in statement.top_customers
            ],
        },
        "comparison": [
            {
                "figure": c.name,
                "declared": _text(c.declared),
                "rebuilt": _text(c.rebuilt),
                "adjusted": _text(c.adjusted),
                "gap": _text(c.gap),
                "flagged": c.flagged,
            }
            for c in statement.comparison
        ],
        "flags": [{"kind": str(f.kind), "message": f.message.render()} for f in statement.flags],
        "meter": {
            "sales_ratio": _text(meter.sales_ratio),
            "power_ratio": _text(meter.power_ratio),
            "flagged": meter.flagged,
            "first_half": [m.strftime("%Y-%m") for m in meter.first_half],
            "second_half": [m.strftime("%Y-%m") for m in meter.second_half],
        },
        "classes": _class_counts(statement),
        "excluded": {str(k): n for k, n in statement.excluded_counts().items()},
        "own_transfer_pairs": [{"out": where(a), "in": where(b)} for a, b in statement.pairs],
    }


def _class_counts(statement: RebuiltStatement) -> dict[str, dict[str, Any]]:
    counts = Counter(c.category for c in statement.classes)
    return {
        str(kind): {"label": CATEGORY_LABELS[kind], "lines": counts[kind]}
        for kind in Category
        if counts[kind]
    }
