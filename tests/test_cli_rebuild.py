"""``python main.py rebuild FILE... --json``: the rebuilt statement as a script reads it,
without a database; a refused file stops it with the reason."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from tests.importers import make_fixtures as mk
from tests.test_cli import REPO, run
from workstation.importers import mapped
from workstation.services import bank_layouts
from workstation.services.context import Context, Session

ALIPAY, WECHAT = str(mk.FIXTURES / "alipay.csv"), str(mk.FIXTURES / "wechat.csv")


def rebuilt(*args: str) -> dict:
    result = run("rebuild", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_prints_the_months_the_r12_figures_and_the_flags() -> None:
    out = rebuilt(ALIPAY, WECHAT, "--declared-sales", "5000000", "--declared-cost", "260000")
    assert out["through"] == "2023-03"  # the latest line's month
    assert [m["month"] for m in out["months"]][:2] == ["2022-04", "2022-05"]
    march = out["months"][-1]
    assert (march["revenue_fen"], march["purchases_fen"]) == (820000, 30000)
    assert march["operating_expenses_fen"]["rent"] == 230000
    assert march["categories"]["sales"] == {"fen": 820000, "lines": 4}
    r12 = out["r12"]
    assert (r12["annual_sales_fen"], r12["operating_cost_fen"]) == (820000, 260000)
    assert r12["net_profit_margin"] == "0.6829"  # (8,200 − 2,600) / 8,200
    assert r12["top_customers"][0] == {
        "name": "客户乙", "sales_fen": 300000, "share": "0.3659", "first_seen": "2023-03-27"
    }  # fmt: skip
    sales, cost = out["comparison"][:2]
    assert (sales["declared"], sales["rebuilt"], sales["flagged"]) == (5000000, 820000, True)
    assert (cost["gap"], cost["flagged"]) == ("0.0000", False)
    assert [f["kind"] for f in out["flags"]] == ["sales_gap", "partial_coverage"]
    assert out["flags"][0]["message"].startswith("Declared sales (CNY 50,000.00) differ by +509.8%")
    assert out["excluded"]["outside"] == 0
    assert out["classes"]["own_transfer"]["lines"] == 2


def test_through_owner_adjusted_electricity_and_the_trace() -> None:
    out = rebuilt(ALIPAY, "--through", "2023-02", "--owner", "王**", "--adjusted-sales", "1",
                  "--electricity", "2023-02-01,2023-02-28,420.5,33640", "--trace")  # fmt: skip
    assert out["through"] == "2023-02"
    february = out["months"][-1]
    assert february["electricity_kwh"] == "420.50"
    assert february["categories"]["other"]["trace"] == [
        f"{out['files'][0]['sha256']}:26",  # the printer, closed
        f"{out['files'][0]['sha256']}:27",  # and refunded: nets to 0
    ]
    assert out["excluded"]["outside"] == 7  # March's lines
    assert out["comparison"][0]["adjusted"] == 1
    # 王** is named the owner: the 1,200.00 from them is no sale (but March is outside anyway)
    assert out["classes"]["own_transfer"]["lines"] == 2


def test_the_same_file_twice_counts_once() -> None:
    out = rebuilt(ALIPAY, ALIPAY)
    assert out["repeated_files"] == [{"file": "alipay.csv", "same_as": "alipay.csv"}]
    assert out["r12"]["annual_sales_fen"] == 320000


def test_a_refused_file_stops_the_command_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "cut.csv"
    broken.write_bytes(mk.alipay_csv(mk.ALIPAY_ROWS[:3], count=10))
    result = run("rebuild", ALIPAY, str(broken), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: cut.csv: the file says it holds 10 records")


def test_a_missing_file_or_a_bad_option_is_refused(tmp_path: Path) -> None:
    missing = run("rebuild", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and "nope.csv does not exist" in missing.stderr
    bad_month = run("rebuild", ALIPAY, "--through", "March")
    assert bad_month.returncode == 2 and "is not a month like 2025-03" in bad_month.stderr
    bad_bill = run("rebuild", ALIPAY, "--electricity", "2023-02-01,420")
    assert bad_bill.returncode == 2 and "START,END,KWH" in bad_bill.stderr


def test_the_command_imports_no_qt() -> None:
    tree = ast.parse((REPO / "workstation" / "cli_rebuild.py").read_text(encoding="utf-8"))
    names = {
        alias.name if isinstance(node, ast.Import) else node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {n for n in names if n.split(".")[0] in ("PySide6", "matplotlib")}


RURAL = str(mk.FIXTURES / "rural_bank.csv")


def test_db_reads_a_statement_no_preset_knows_with_the_mapping_saved_there(
    ctx: Context, people: dict[str, Session], db_path: Path, tmp_path: Path
) -> None:
    """--db: the bank statement is read with the mapping saved for its header row, the
    database only read (no log-in, not even its journal mode changed)."""
    without = run("rebuild", RURAL, "--json")
    assert without.returncode == 2 and "the layout is unknown" in without.stderr
    raw = Path(RURAL).read_bytes()
    found = mapped.read_or_preview(raw, "rural_bank.csv", {})
    assert isinstance(found, mapped.MappingPreview)
    bank_layouts.save_layout(ctx, people["li.inv"], "浙江农商银行", found.guess)
    ctx.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_path.read_bytes()

    out = run("rebuild", RURAL, "--db", str(db_path), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [(f["name"], f["lines"]) for f in data["files"]] == [("rural_bank.csv", 6)]
    assert db_path.read_bytes() == before  # nothing written

    missing = run("rebuild", RURAL, "--db", str(tmp_path / "none.sqlite"))
    assert missing.returncode == 2 and "cannot be opened" in missing.stderr
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database")
    refused = run("rebuild", RURAL, "--db", str(foreign))
    assert refused.returncode == 2 and "is not a workstation database" in refused.stderr
    assert "--db PATH" in run("rebuild", "--help").stdout


def test_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    """`rebuild … --json | head`: the pipe closes; no traceback, exit 0."""
    import subprocess
    import sys

    from tests.importers import large

    main = Path(__file__).resolve().parents[1] / "main.py"
    fixture = tmp_path / "alipay.csv"
    fixture.write_bytes(large.alipay_csv(3000))  # far more JSON than a pipe holds
    process = subprocess.Popen(
        [sys.executable, str(main), "rebuild", str(fixture), "--json", "--trace"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # what head does after its lines
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert b"Traceback" not in err and b"BrokenPipe" not in err
