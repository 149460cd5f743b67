"""The statement tables (migration 5): over a v4 file, the officer's classes by scope, and the
versions kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workstation.store import statements as st_store
from workstation.store.db import open_store
from workstation.store.schema import MIGRATIONS, SCHEMA_VERSION

AT = "2026-11-26T10:00:00"


def _v4_file(path: Path) -> None:
    """A file as release 4 wrote it: one user, one case in investigation, a document asked."""
    conn = sqlite3.connect(path)
    for version in range(1, 5):
        for statement in dict(MIGRATIONS)[version]:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
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
        "created_at, updated_at) VALUES (1, 'credit', 100, 'investigation', ?, ?, ?)",
        (AT, AT, AT),
    )
    conn.execute(
        "INSERT INTO document_requests (case_id, kind, requested_at, requested_by) "
        "VALUES (1, 'bank_statement', ?, 1)",
        (AT,),
    )
    conn.commit()
    conn.close()


def test_a_v4_file_gains_the_statement_tables_and_keeps_its_paperwork(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite"
    _v4_file(path)
    store = open_store(path)
    try:
        assert store.schema_version == SCHEMA_VERSION  # 5 and every later migration
        kept = store.conn.execute("SELECT case_id, kind FROM document_requests").fetchall()
        assert kept == [(1, "bank_statement")]
        with store.write():
            doc, new = st_store.insert_original(store, "ab" * 32, b"bytes")
            assert new and st_store.insert_original(store, "ab" * 32, b"bytes") == (doc, False)
        assert st_store.original(store, "ab" * 32) == b"bytes"
        assert list(tmp_path.glob("v4.sqlite.v4.bak"))  # backed up before migrating
    finally:
        store.close()


def test_a_counterparty_class_for_every_case_and_one_for_a_case_live_side_by_side(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v4.sqlite"
    _v4_file(path)
    store = open_store(path)
    try:
        before = "2026-11-20T10:00:00"  # remembered before case 1 was opened (AT): it reaches
        with store.write():
            st_store.set_counterparty_class(store, None, "淘宝买家", "sales", before, 1)
            st_store.set_counterparty_class(store, 1, "淘宝买家", "loans", AT, 1)
            st_store.set_counterparty_class(store, None, "淘宝买家", "other", before, 1)  # replaced
            st_store.set_counterparty_class(store, None, "张三", "wages", before, 1)
            st_store.set_counterparty_class(store, None, "李四", "rent", AT, 1)  # not before it
        assert st_store.counterparty_classes(store, 1) == {"淘宝买家": "loans", "张三": "wages"}
        with store.write():
            st_store.forget_counterparty_class(store, 1, "淘宝买家")
        assert st_store.counterparty_classes(store, 1)["淘宝买家"] == "other"
        count = store.conn.execute("SELECT COUNT(*) FROM counterparty_classes").fetchone()[0]
        assert count == 3
    finally:
        store.close()


def test_every_adjustment_and_snapshot_is_a_new_version(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite"
    _v4_file(path)
    store = open_store(path)
    try:
        with store.write():
            first = st_store.insert_adjustment(store, 1, '{"annual_sales_fen":1}', None, "a", AT, 1)
            second = st_store.insert_adjustment(
                store, 1, '{"annual_sales_fen":2}', None, "b", AT, 1
            )
            snap = st_store.insert_snapshot(store, 1, AT, 1, 1, "{}", "[]", "[]")
        assert (first, second, snap) == (1, 2, 1)
        assert [a.reason for a in st_store.adjustments_of(store, 1)] == ["a", "b"]
        assert st_store.latest_adjusted_figures(store, [1, 2]) == {1: '{"annual_sales_fen":2}'}
    finally:
        store.close()
