"""Column mappings for bank statements no preset knows (issue 4): saved by an investigator or
a supervisor (audited), listed, and used by the next upload of a file with the same header
row without asking (``read_with_saved``, which ``uploads.upload`` calls when no preset fits).
"""

from __future__ import annotations

from dataclasses import dataclass

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role
from workstation.importers.mapped import ColumnMapping, MappingPreview, read_or_preview
from workstation.importers.records import ImportResult
from workstation.services.context import Context, Session, require
from workstation.store import bank_layouts as layout_store
from workstation.store import users as user_store

MAY_NOT_SAVE = QT_TRANSLATE_NOOP(
    "messages", "Only investigators and supervisors save column mappings."
)
NAME_THE_BANK = QT_TRANSLATE_NOOP("messages", "Name the bank whose statements use this layout.")


@dataclass(frozen=True)
class SavedLayout:
    """A mapping as saved: the bank's name, the mapping, who saved it and when."""

    id: int
    name: str
    mapping: ColumnMapping
    saved_by: str
    saved_at: str


def save_layout(ctx: Context, session: Session, name: str, mapping: ColumnMapping) -> SavedLayout:
    """Keep ``mapping`` for files with its header row (replacing one saved for that header
    before); audited with what it replaced."""
    if session.role not in (Role.INVESTIGATOR, Role.SUPERVISOR):
        raise RuleError(Message.of(MAY_NOT_SAVE))
    name = " ".join(name.split())
    if not name:
        raise RuleError(Message.of(NAME_THE_BANK))
    problem = mapping.problem()
    if problem is not None:
        raise RuleError(problem)
    at = ctx.stamp()
    with ctx.store.write():
        before = layout_store.layout_for(ctx.store, mapping.signature)
        layout_id = layout_store.save_layout(
            ctx.store, name, mapping.signature, mapping.to_json(), session.user_id, at
        )
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="bank_layout",
            entity_id=layout_id, action="bank_layout:save",
            before={"name": before.name, "mapping": before.mapping} if before else None,
            after={"name": name, "mapping": mapping.to_json()},
        )  # fmt: skip
        row = layout_store.layout_for(ctx.store, mapping.signature)
    assert row is not None
    return _saved(row, mapping)


def saved_layouts(ctx: Context, session: Session) -> tuple[SavedLayout, ...]:
    """Every saved mapping, by bank name (one that no longer reads is left out)."""
    require(session, Permission.VIEW_CASES)
    return tuple(s for _, s in _usable(ctx))


def read_with_saved(ctx: Context, raw: bytes, file: str) -> ImportResult | MappingPreview | None:
    """A file no preset reads: read with the saved mapping whose header row it has
    (``StatementRefused`` naming the file and line when a line cannot be read); else what
    the column-mapping dialog needs; None when it has no table to map (a PDF)."""
    saved = {s.mapping.signature: s.mapping for _, s in _usable(ctx)}
    return read_or_preview(raw, file, saved)


def _usable(ctx: Context) -> list[tuple[layout_store.BankLayoutRow, SavedLayout]]:
    found = []
    for row in layout_store.layouts(ctx.store):
        try:
            mapping = ColumnMapping.from_json(row.mapping)
        except ValueError:
            continue  # written by a newer program, or damaged: the dialog asks again
        found.append((row, _saved(row, mapping)))
    return found


def _saved(row: layout_store.BankLayoutRow, mapping: ColumnMapping) -> SavedLayout:
    return SavedLayout(row.id, row.name, mapping, row.created_by_name, row.created_at)
