"""The rating tables: migration 2 over a released v1 file, exact JSON, decisions, blacklist."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from tests.services.book import add_case
from workstation.domain.application import (
    Application,
    Business,
    CustomerKind,
    DownstreamCustomer,
    Financials,
    Order,
    PlatformData,
    Product,
)
from workstation.domain.limits import LegalReview
from workstation.domain.messages import Message
from workstation.services.context import Context
from workstation.store import codec, users
from workstation.store import rating as rating_store
from workstation.store.db import open_store
from workstation.store.schema import MIGRATIONS, SCHEMA_VERSION

AT = "2026-11-26T10:00:00"


def _v1_file(path: Path) -> None:
    """A file as the first release wrote it: schema 1 only, one user and one case."""
    conn = sqlite3.connect(path)
    for statement in dict(MIGRATIONS)[1]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO users (username, display_name, role, password_hash, created_at) "
        "VALUES ('li.inv', '李调查', 'investigator', '!', ?)",
        (AT,),
    )
    conn.execute(
        "INSERT INTO customers (kind, business_name, credit_code, owner_name, owner_id_number,"
        " owner_phone, created_at) VALUES ('platform', '鑫源', 'X', '王伟', 'I', 'P', ?)",
        (AT,),
    )
    conn.execute(
        "INSERT INTO cases (customer_id, product, amount_fen, stage, stage_entered_at, "
        "created_at, updated_at) VALUES (1, 'credit', 100, 'rating', ?, ?, ?)",
        (AT, AT, AT),
    )
    conn.commit()
    conn.close()


def test_a_released_v1_file_gains_the_rating_tables_and_keeps_its_cases(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    _v1_file(path)
    store = open_store(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        assert {"loans", "loan_entries", "draws", "signatures"} <= {
            r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")
        }
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"applications", "decisions", "scorecards", "macro_settings", "blacklist"} <= tables
        assert "blacklist_value" in tables  # the (kind, value) index
        assert store.conn.execute("SELECT stage FROM cases").fetchall() == [("rating",)]
    finally:
        store.close()
    assert (tmp_path / "v1.sqlite.v1.bak").exists()


def _application() -> Application:
    return Application(
        business=Business(
            CustomerKind.PLATFORM,
            "杭州鑫源服饰商行",
            "91350100M000100Y43",
            "王伟",
            "11010519491231002X",
            "13812345678",
            "服装服饰",
            "杭州",
            "tb_12345678",
        ),
        product=Product.BOTH,
        amount_fen=30_000_000,
        financials=Financials(
            annual_sales_fen=360_000_000,
            net_profit_margin=Decimal("0.120"),
            sales_growth=Decimal("-0.05"),
            top_customers=(DownstreamCustomer("义乌优品", 4, Decimal("0.18")),),
        ),
        platform=PlatformData(
            order_count=5400,
            seller_dsr=Decimal("4.8"),
            certified=True,
            orders=(Order("TB1", 1_250_00, shipped=True),),
        ),
        legal=LegalReview(litigation=True),
    )


def test_an_application_round_trips_exactly() -> None:
    app = _application()
    text = codec.dumps(app)
    assert '"net_profit_margin":"0.120"' in text  # Decimal as a string, trailing zero kept
    assert '"annual_sales_fen":360000000' in text  # fen as an integer
    assert codec.loads(Application, text) == app


def test_message_placeholders_keep_their_decimals() -> None:
    message = Message.of("x {factor} {name} {count}", factor=Decimal("0.70"), name="a", count=3)
    assert codec.loads(Message, codec.dumps(message)) == message


def test_decisions_newest_last_and_rescore_inputs(ctx: Context) -> None:
    case_id = add_case(ctx, "investigation")
    other = add_case(ctx, "closed")  # closed cases are never re-scored
    with ctx.store.write():
        uid = users.system_user_id(ctx.store, AT)
        for cid in (case_id, other):
            rating_store.insert_application(ctx.store, cid, "{}", AT)
        rating_store.insert_scorecard(ctx.store, "platform", 1, "{}", AT, None)
        assert not rating_store.insert_scorecard(ctx.store, "platform", 1, "{}", AT, None)
        rating_store.insert_macro(ctx.store, 1, "{}", AT, None)
        for tier in ("C", "B"):
            rating_store.insert_decision(
                ctx.store,
                (case_id, AT, uid, "platform", 1, 1, "70.00", tier, "investigate", 1, "{}"),
            )
    assert [d.tier for d in rating_store.decisions_of_case(ctx.store, case_id)] == ["C", "B"]
    latest = rating_store.latest_decision(ctx.store, case_id)
    assert latest is not None and (latest.tier, latest.by_name) == ("B", "System")
    assert rating_store.rescore_inputs(ctx.store, ("investigation",), 0, 10) == [
        (case_id, "{}", "B", "investigate")
    ]
    assert rating_store.count_rescore_inputs(ctx.store, ("investigation",)) == 1


def test_a_lifted_entry_stays_on_record_but_no_longer_matches(ctx: Context) -> None:
    with ctx.store.write():
        uid = users.system_user_id(ctx.store, AT)
        entry = rating_store.insert_blacklist(ctx.store, "credit_code", "X1", "骗贷", uid, AT)
        assert rating_store.active_blacklist_matching(ctx.store, [("credit_code", "X1")]) == [
            ("credit_code", "X1", "骗贷")
        ]
        assert rating_store.lift_blacklist(ctx.store, entry, uid, AT, "法院撤销")
        assert not rating_store.lift_blacklist(ctx.store, entry, uid, AT, "again")
    assert rating_store.active_blacklist_matching(ctx.store, [("credit_code", "X1")]) == []
    assert rating_store.blacklist_rows(ctx.store) == []
    (row,) = rating_store.blacklist_rows(ctx.store, include_lifted=True)
    assert (row.lifted_by, row.lifted_at, row.lift_reason) == ("System", AT, "法院撤销")
    with pytest.raises(sqlite3.IntegrityError):  # a reason is required, even below the service
        with ctx.store.write():
            rating_store.insert_blacklist(ctx.store, "credit_code", "X2", "", uid, AT)
