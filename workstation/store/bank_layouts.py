"""Column mappings saved for bank statement layouts no preset knows. The caller holds the
transaction for every write."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.store.db import Store


@dataclass(frozen=True)
class BankLayoutRow:
    id: int
    name: str
    signature: tuple[str, ...]  # the header row's cells
    mapping: str  # JSON (importers.mapped.ColumnMapping.to_json)
    created_by: int
    created_by_name: str
    created_at: str


_SELECT = (
    "SELECT b.id, b.name, b.signature, b.mapping, b.created_by, u.display_name, b.created_at "
    "FROM bank_layouts b JOIN users u ON u.id = b.created_by "
)


def _key(signature: Sequence[str]) -> str:
    return json.dumps(list(signature), ensure_ascii=False)


def _row(values: Sequence[object]) -> BankLayoutRow:
    id_, name, signature, mapping, by, by_name, at = values
    return BankLayoutRow(
        int(id_), str(name), tuple(json.loads(str(signature))), str(mapping), int(by),
        str(by_name), str(at),
    )  # fmt: skip


def save_layout(
    store: Store, name: str, signature: Sequence[str], mapping: str, by: int, at: str
) -> int:
    """The mapping for this header row, replacing one saved before for it; returns its id."""
    store.conn.execute(
        "INSERT INTO bank_layouts (name, signature, mapping, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (signature) DO UPDATE SET name = excluded.name, "
        "mapping = excluded.mapping, created_by = excluded.created_by, "
        "created_at = excluded.created_at",
        (name, _key(signature), mapping, by, at),
    )
    found = layout_for(store, signature)
    assert found is not None
    return found.id


def layout_for(store: Store, signature: Sequence[str]) -> BankLayoutRow | None:
    row = store.conn.execute(_SELECT + "WHERE b.signature = ?", (_key(signature),)).fetchone()
    return _row(row) if row else None


def layouts(store: Store) -> list[BankLayoutRow]:
    """Every saved mapping, by name."""
    return [_row(r) for r in store.conn.execute(_SELECT + "ORDER BY b.name, b.id")]
