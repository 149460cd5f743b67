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


def layout_by_id(store: Store, layout_id: int) -> BankLayoutRow | None:
    row = store.conn.execute(_SELECT + "WHERE b.id = ?", (layout_id,)).fetchone()
    return _row(row) if row else None


def delete_layout(store: Store, layout_id: int) -> int:
    """The mapping gone; the originals read with it keep their lines and the mapping's JSON
    (no longer tied to a saved mapping). Returns how many originals it had read."""
    cur = store.conn.execute(
        "UPDATE documents SET layout_id = NULL WHERE layout_id = ?", (layout_id,)
    )
    store.conn.execute("DELETE FROM bank_layouts WHERE id = ?", (layout_id,))
    return cur.rowcount


def files_read_with(store: Store) -> dict[int, int]:
    """{layout id: how many stored originals were read with it}."""
    rows = store.conn.execute(
        "SELECT layout_id, COUNT(*) FROM documents WHERE layout_id IS NOT NULL GROUP BY layout_id"
    )
    return {int(i): int(n) for i, n in rows}


@dataclass(frozen=True)
class MappedDocument:
    """A stored original read with a column mapping (or, ``mapping`` None, one stored before
    the mapping was recorded), with the first case it went to."""

    id: int
    sha256: str
    layout_id: int | None
    mapping: str | None  # the JSON it was read with
    file_name: str  # as first uploaded
    case_id: int
    officer_id: int | None  # the first case's investigator


_MAPPED_SELECT = (
    "SELECT o.id, o.sha256, o.layout_id, o.layout_mapping, d.file_name, d.case_id, c.officer_id "
    "FROM documents o JOIN case_documents d ON d.sha256 = o.sha256 "
    "AND d.rowid = (SELECT MIN(rowid) FROM case_documents WHERE sha256 = o.sha256) "
    "JOIN cases c ON c.id = d.case_id "
)


def documents_read_with(store: Store, layout_id: int) -> list[MappedDocument]:
    """The originals whose lines this mapping read, newest upload first."""
    rows = store.conn.execute(
        _MAPPED_SELECT + "WHERE o.layout_id = ? ORDER BY d.uploaded_at DESC, o.id DESC",
        (layout_id,),
    )
    return [MappedDocument(*r) for r in rows]


def unrecorded_mapped_documents(store: Store) -> list[MappedDocument]:
    """Originals read with some column mapping before it was recorded (schema 6)."""
    rows = store.conn.execute(
        _MAPPED_SELECT + "WHERE o.layout_mapping IS NULL AND EXISTS (SELECT 1 FROM "
        "case_documents x WHERE x.sha256 = o.sha256 AND x.source = 'bank_other') ORDER BY o.id"
    )
    return [MappedDocument(*r) for r in rows]


def mark_read_with(store: Store, document: int, layout_id: int | None, mapping: str) -> None:
    """Record which mapping (and which version of it, its JSON) read the original's lines."""
    store.conn.execute(
        "UPDATE documents SET layout_id = ?, layout_mapping = ? WHERE id = ?",
        (layout_id, mapping, document),
    )


def read_with(store: Store, document: int) -> tuple[int | None, str | None]:
    """The saved mapping's id (None: not tied to one) and the JSON the original's lines were
    read with (None: not recorded)."""
    row = store.conn.execute(
        "SELECT layout_id, layout_mapping FROM documents WHERE id = ?", (document,)
    ).fetchone()
    if row is None:
        return None, None
    return (None if row[0] is None else int(row[0])), (None if row[1] is None else str(row[1]))


def cases_holding(store: Store, sha256: str) -> list[tuple[int, str]]:
    """Every case that holds the original, with its stage, by case id."""
    rows = store.conn.execute(
        "SELECT d.case_id, c.stage FROM case_documents d JOIN cases c ON c.id = d.case_id "
        "WHERE d.sha256 = ? ORDER BY d.case_id",
        (sha256,),
    )
    return [(int(r[0]), str(r[1])) for r in rows]


def delete_lines(store: Store, document: int) -> None:
    store.conn.execute("DELETE FROM statement_lines WHERE document = ?", (document,))


def set_reading(store: Store, case_id: int, sha256: str, reading: dict[str, object]) -> None:
    """What reading the original gave this case (row count, period, account, problems: the
    warnings may differ from case to case)."""
    columns = ", ".join(f"{name} = ?" for name in reading)
    store.conn.execute(
        f"UPDATE case_documents SET {columns} WHERE case_id = ? AND sha256 = ?",
        (*reading.values(), case_id, sha256),
    )


def drop_lost_line_classes(store: Store, document: int, sha256: str) -> int:
    """Single-line classes (any case) of lines the original no longer has; how many."""
    cur = store.conn.execute(
        "DELETE FROM line_classes WHERE sha256 = ? AND line NOT IN "
        "(SELECT line FROM statement_lines WHERE document = ?)",
        (sha256, document),
    )
    return cur.rowcount
