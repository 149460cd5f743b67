"""Opening the SQLite file safely: pragmas, refusals, migrations with a backup first.

Every connection gets WAL, ``synchronous=FULL`` (this is money), foreign keys and a busy
timeout. Writes that can race go through ``Store.write()``, which starts with
``BEGIN IMMEDIATE`` so two officers never interleave half a move.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "fuse.sshfs", "9p"}


class StoreError(RuleError):
    """The database cannot be used as asked; the message says why, in the user's language."""


APPLICATION_ID = 0x43574B31  # "CWK1" in the file header: this program's databases


def _is_busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and (
        "locked" in str(exc) or "busy" in str(exc)
    )


def _busy_error(exc: sqlite3.OperationalError) -> StoreError:
    """Another program or window holds the write lock past the busy timeout: say so."""
    return StoreError(
        Message.of(
            QT_TRANSLATE_NOOP(
                "messages",
                "The database is busy with another user's change (SQLite said: {error}). "
                "Nothing was saved; try again in a moment.",
            ),
            error=str(exc),
        )
    )


class Store:
    """One connection to the workstation's database, with the project's pragmas set."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._lock = threading.RLock()

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection, imported on first use: importing it (and the
        numpy it tries) costs 0.6-1 s, too much for the window's start-up."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction for one use case: ``BEGIN IMMEDIATE`` … ``COMMIT``, or nothing."""
        with self._lock:
            if self.conn.in_transaction:  # nested use case: join the outer transaction
                yield self.conn
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    raise _busy_error(exc) from exc
                raise
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as exc:
                if self.conn.in_transaction:  # a failed COMMIT must not leave it open
                    self.conn.execute("ROLLBACK")
                if _is_busy(exc):
                    raise _busy_error(exc) from exc  # type: ignore[arg-type]
                raise

    def reader(self) -> Store:
        """A second connection to the same file, for queries run off the GUI thread."""
        return open_store(self.path, migrate=False)

    def close(self) -> None:
        self.conn.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])


def _on_network_share(path: Path) -> bool:
    """True when ``path`` lies on a network file system, where SQLite locking is unsafe."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(path.resolve().parent)
    best, best_fs = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fs_type = parts[1], parts[2]
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_fs = mount_point, fs_type
    return best_fs in _NETWORK_FS


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
    )
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages", "“{path}” is not a workstation database (SQLite said: {error})."
                ),
                path=str(path),
                error=str(exc),
            )
        ) from exc
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _make_durable(conn: sqlite3.Connection) -> None:
    """WAL and ``synchronous=FULL``; switching to WAL writes the file, so only once accepted."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def open_store(path: str | Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Refuses, with a message and without touching the file: a file that is not SQLite, one
    written by a newer program, and one on a network share.
    """
    path = Path(path)
    if _on_network_share(path):
        raise StoreError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "“{path}” is on a network share; SQLite cannot lock it safely there. "
                    "Keep the database on a local disk.",
                ),
                path=str(path),
            )
        )
    if path.exists() and path.is_dir():
        raise StoreError(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "“{path}” is a folder, not a database file."),
                path=str(path),
            )
        )
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _refuse_foreign_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(path)
        store = Store(path, conn)
        version = store.schema_version
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    except (OSError, sqlite3.Error) as exc:
        raise _cannot_open(path, str(exc)) from exc
    foreign = application_id != APPLICATION_ID if version > 0 else _has_tables(conn)
    if existed and foreign:
        conn.close()
        raise _not_ours(path)
    if version > SCHEMA_VERSION:
        conn.close()
        raise _too_new(path, version)
    _make_durable(conn)
    if migrate and version < SCHEMA_VERSION:
        if existed and version > 0:
            backup_database(store, path.with_name(f"{path.name}.v{version}.bak"))
        _migrate(store, version)
    return store


def _cannot_open(path: Path, error: str) -> StoreError:
    return StoreError(
        Message.of(
            QT_TRANSLATE_NOOP("messages", "“{path}” cannot be opened: {error}"),
            path=str(path),
            error=error,
        )
    )


def _not_ours(path: Path) -> StoreError:
    return StoreError(
        Message.of(
            QT_TRANSLATE_NOOP(
                "messages",
                "“{path}” is not a workstation database (it is another program's SQLite "
                "file). Nothing was changed.",
            ),
            path=str(path),
        )
    )


def _too_new(path: Path, version: int) -> StoreError:
    return StoreError(
        Message.of(
            QT_TRANSLATE_NOOP(
                "messages",
                "“{path}” was written by a newer version of the workstation (schema "
                "{found}, this program knows {known}). Update the program; the file was "
                "not changed.",
            ),
            path=str(path),
            found=version,
            known=SCHEMA_VERSION,
        )
    )


def open_read_only(path: str | Path) -> Store:
    """Open an existing database only to read it (the command line's ``rebuild`` reads the
    saved column mappings): nothing is written, not even WAL mode or a migration. Refuses,
    with a message, a file that is not a workstation database and one a newer program wrote;
    ``schema_version`` tells the caller whether the tables it reads exist."""
    path = Path(path)
    if not path.is_file():
        raise _cannot_open(path, "no such file")
    _refuse_foreign_file(path)
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False, isolation_level=None,
        )  # fmt: skip
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    except (OSError, sqlite3.Error) as exc:
        raise _cannot_open(path, str(exc)) from exc
    if application_id != APPLICATION_ID:
        conn.close()
        raise _not_ours(path)
    if version > SCHEMA_VERSION:
        conn.close()
        raise _too_new(path, version)
    return Store(path, conn)


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def _refuse_foreign_file(path: Path) -> None:
    """Check the header before SQLite touches the file (WAL mode would write to it)."""
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "“{path}” is not a workstation database (it is not an SQLite file). "
                    "Nothing was changed.",
                ),
                path=str(path),
            )
        )


def backup_database(store: Store, target: Path) -> Path:
    """Copy the whole database to ``target`` with SQLite's online backup."""
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d%H%M%S")
        target = target.with_name(f"{target.name}.{stamp}")
    dest = sqlite3.connect(str(target))
    try:
        store.conn.backup(dest)
    finally:
        dest.close()
    return target


def _migrate(store: Store, from_version: int) -> None:
    """Run every migration after ``from_version``, each in its own transaction."""
    for version, statements in MIGRATIONS:
        if version <= from_version:
            continue
        with store.write() as conn:
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")


def default_database_path() -> Path:
    """The embedded default: the user's data folder (platformdirs)."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir("credit-workstation", appauthor=False))
    return folder / "workstation.sqlite"


def database_size_bytes(path: Path) -> int:
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if os.path.exists(p))
