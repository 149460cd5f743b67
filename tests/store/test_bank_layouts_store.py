"""Saved column mappings (migration 6): a v5 file gains the table, one mapping a header row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workstation.store import bank_layouts as layout_store
from workstation.store.db import open_store
from workstation.store.schema import MIGRATIONS

AT = "2026-11-26T10:00:00"
HEADER = ("记账日期", "借方发生额", "贷方发生额")


def _v5_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    for version in range(1, 6):
        for statement in dict(MIGRATIONS)[version]:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    conn.execute(
        "INSERT INTO users (username, display_name, role, password_hash, created_at) "
        "VALUES ('li.inv', '李调查', 'investigator', '!', ?)",
        (AT,),
    )
    conn.commit()
    conn.close()


def test_a_v5_file_gains_the_saved_layouts_one_a_header_row(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite"
    _v5_file(path)
    store = open_store(path)
    try:
        assert store.schema_version >= 6
        assert list(tmp_path.glob("v5.sqlite.v5.bak"))  # backed up before migrating
        with store.write():
            first = layout_store.save_layout(store, "农商银行", HEADER, '{"a": 1}', 1, AT)
            again = layout_store.save_layout(store, "浙江农商银行", HEADER, '{"a": 2}', 1, AT)
            other = layout_store.save_layout(store, "城商行", ("日期", "金额"), "{}", 1, AT)
        assert again == first != other
        rows = layout_store.layouts(store)
        assert [(r.name, r.signature, r.mapping, r.created_by_name) for r in rows] == [
            ("城商行", ("日期", "金额"), "{}", "李调查"),
            ("浙江农商银行", HEADER, '{"a": 2}', "李调查"),
        ]
        assert layout_store.layout_for(store, HEADER) == rows[1]
        assert layout_store.layout_for(store, ("日期",)) is None
        with pytest.raises(sqlite3.IntegrityError), store.write():
            layout_store.save_layout(store, "", ("x",), "{}", 1, AT)  # a name is required
    finally:
        store.close()


def test_a_v6_file_gains_which_mapping_read_each_original(tmp_path: Path) -> None:
    """Migration 7: an original stored before it has no mapping recorded (found by its header
    row when the mapping is next saved); deleting a mapping keeps what its files recorded."""
    path = tmp_path / "v6.sqlite"
    _v5_file(path)
    conn = sqlite3.connect(path)
    for statement in dict(MIGRATIONS)[6]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 6")
    conn.execute("INSERT INTO documents (sha256, size, content) VALUES ('abc', 1, x'00')")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        found = store.conn.execute("SELECT layout_id, layout_mapping FROM documents").fetchall()
        assert found == [(None, None)]
        with store.write():
            layout = layout_store.save_layout(store, "农商银行", HEADER, '{"a": 1}', 1, AT)
            layout_store.mark_read_with(store, 1, layout, '{"a": 1}')
        assert layout_store.files_read_with(store) == {layout: 1}
        with store.write():
            assert layout_store.delete_layout(store, layout) == 1
        found = store.conn.execute("SELECT layout_id, layout_mapping FROM documents").fetchall()
        assert found == [(None, '{"a": 1}')] and layout_store.layouts(store) == []
    finally:
        store.close()
