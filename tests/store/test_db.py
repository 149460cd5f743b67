"""Opening the database (DESIGN.md "Data"): durable pragmas, refusals that touch nothing,
migrations with a backup first, and SQLite's own guards switched on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workstation.store import db as db_module
from workstation.store import users
from workstation.store.db import StoreError, backup_database, open_store
from workstation.store.schema import MIGRATIONS, SCHEMA_VERSION

AT = "2026-11-26T10:00:00"


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its bytes: a refusal must leave all of them as they were."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_new_file_gets_durable_pragmas_and_the_schema(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL: money survives a power cut
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000
        assert pragma("user_version") == SCHEMA_VERSION
        assert store.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"users", "customers", "cases", "stage_moves", "audit_events", "meta"} <= tables
    finally:
        store.close()


def test_a_reader_connection_has_the_same_guards(db_path: Path) -> None:
    store = open_store(db_path)
    reader = store.reader()
    try:
        assert reader.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert reader.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    finally:
        reader.close()
        store.close()


def test_reopening_keeps_the_data(db_path: Path) -> None:
    store = open_store(db_path)
    with store.write():
        users.insert_user(store, "li.inv", "李调查", "investigator", "!", AT)
    store.close()
    store = open_store(db_path)
    try:
        assert users.user_by_name(store, "li.inv") is not None
    finally:
        store.close()


@pytest.mark.parametrize(
    "content",
    [
        "客户名单\nname,id\n".encode(),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"SQLite format 2\x00" + bytes(100),
    ],
    ids=["text", "png", "almost-sqlite"],
)
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    before = _files(tmp_path)
    with pytest.raises(StoreError, match="not a workstation database"):
        open_store(path)
    assert _files(tmp_path) == before


def _plain_sqlite(
    path: Path, user_version: int, wal: bool = False, application_id: int = 0
) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {application_id}")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (42)")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_a_database_from_a_newer_program_is_refused_and_untouched(
    tmp_path: Path, wal: bool
) -> None:
    path = tmp_path / "future.sqlite"
    _plain_sqlite(path, SCHEMA_VERSION + 1, wal, db_module.APPLICATION_ID)
    before = _files(tmp_path)
    with pytest.raises(StoreError, match="newer version") as refused:
        open_store(path)
    assert str(SCHEMA_VERSION + 1) in str(refused.value)
    assert _files(tmp_path) == before
    with pytest.raises(StoreError):
        open_store(path, migrate=False)  # the check command refuses it the same way
    assert _files(tmp_path) == before


def test_another_programs_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    _plain_sqlite(path, 0)
    before = _files(tmp_path)
    with pytest.raises(StoreError, match="not a workstation database"):
        open_store(path)
    assert _files(tmp_path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    conn.close()


@pytest.mark.parametrize("user_version", [1, SCHEMA_VERSION, SCHEMA_VERSION + 5])
def test_another_programs_file_with_a_schema_version_is_refused_and_untouched(
    tmp_path: Path, user_version: int
) -> None:
    path = tmp_path / "notes.sqlite"
    _plain_sqlite(path, user_version)  # another program's own user_version, not our id
    before = _files(tmp_path)
    with pytest.raises(StoreError, match="another program"):
        open_store(path)
    with pytest.raises(StoreError, match="another program"):
        open_store(path, migrate=False)
    assert _files(tmp_path) == before


def test_a_path_that_cannot_be_opened_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be opened"):
        open_store(blocker / "inside" / "db.sqlite")  # a file where a folder must be


def test_a_busy_database_says_so_and_saves_nothing(db_path: Path) -> None:
    store = open_store(db_path)
    store.conn.execute("CREATE TABLE IF NOT EXISTS probe (x)")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window holds the write lock
    store.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(StoreError, match="busy"), store.write() as conn:
            conn.execute("INSERT INTO probe VALUES (1)")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not store.conn.in_transaction
    assert store.conn.execute("SELECT COUNT(*) FROM probe").fetchone()[0] == 0
    with store.write() as conn:  # the lock is free again: the next write goes through
        conn.execute("INSERT INTO probe VALUES (2)")
    assert store.conn.execute("SELECT x FROM probe").fetchall() == [(2,)]
    store.close()


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    store = open_store(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
    finally:
        store.close()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            with store.write():
                store.conn.execute(
                    "INSERT INTO cases (customer_id, product, amount_fen, stage, "
                    "stage_entered_at, created_at, updated_at) "
                    "VALUES (999, 'credit', 100, 'application', ?, ?, ?)",
                    (AT, AT, AT),
                )
        assert store.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0
    finally:
        store.close()


def test_write_rolls_back_everything_on_error(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        with pytest.raises(RuntimeError):
            with store.write():
                users.insert_user(store, "a.inv", "A", "investigator", "!", AT)
                raise RuntimeError("half way")
        assert users.user_by_name(store, "a.inv") is None
        assert not store.conn.in_transaction
    finally:
        store.close()


def test_backup_database_copies_everything(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    with store.write():
        users.insert_user(store, "wang.sup", "王主管", "supervisor", "!", AT)
    target = backup_database(store, tmp_path / "copy.sqlite")
    second = backup_database(store, tmp_path / "copy.sqlite")  # never overwrites a backup
    store.close()
    assert target == tmp_path / "copy.sqlite"
    assert second != target and second.exists()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("SELECT display_name FROM users").fetchall() == [("王主管",)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def _with_v2(monkeypatch: pytest.MonkeyPatch, statements: list[str]) -> None:
    migrations = [*MIGRATIONS, (SCHEMA_VERSION + 1, statements)]
    monkeypatch.setattr(db_module, "MIGRATIONS", migrations)
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)


def _v1_database(path: Path) -> None:
    store = open_store(path)
    with store.write():
        users.insert_user(store, "li.inv", "李调查", "investigator", "!", AT)
    store.close()


def test_migration_backs_up_first_and_keeps_the_data(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _v1_database(db_path)
    _with_v2(monkeypatch, ["ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT ''"])
    store = open_store(db_path)
    try:
        assert store.schema_version == SCHEMA_VERSION + 1
        row = store.conn.execute("SELECT display_name, phone FROM users").fetchone()
        assert row == ("李调查", "")
    finally:
        store.close()
    backup = db_path.with_name(f"{db_path.name}.v{SCHEMA_VERSION}.bak")
    assert backup.exists()
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT display_name FROM users").fetchall() == [("李调查",)]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(users)")}
        assert "phone" not in columns
    finally:
        conn.close()


def test_a_failing_migration_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _v1_database(db_path)
    _with_v2(
        monkeypatch,
        ["ALTER TABLE users ADD COLUMN phone TEXT", "ALTER TABLE no_such_table ADD COLUMN x"],
    )
    with pytest.raises(sqlite3.OperationalError):
        open_store(db_path)
    monkeypatch.undo()
    store = open_store(db_path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(users)")}
        assert "phone" not in columns
        assert users.user_by_name(store, "li.inv") is not None
    finally:
        store.close()


def test_a_new_database_needs_no_backup(tmp_path: Path) -> None:
    store = open_store(tmp_path / "fresh.sqlite")
    store.close()
    assert not list(tmp_path.glob("*.bak"))
