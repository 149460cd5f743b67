"""Bulk loading for the demo and the benchmarks: many rows, one statement each table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from workstation.store.db import Store

_TABLES = {"customers", "cases", "stage_moves", "users", "audit_events"}


def bulk_insert(
    store: Store, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert ``rows`` into ``table``; the caller holds the transaction."""
    if table not in _TABLES:
        raise ValueError(f"not a bulk table: {table}")
    marks = ", ".join("?" for _ in columns)
    store.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def max_id(store: Store, table: str) -> int:
    if table not in _TABLES:
        raise ValueError(f"not a bulk table: {table}")
    return int(store.conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0])
