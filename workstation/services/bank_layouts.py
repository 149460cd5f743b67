"""Column mappings for bank statements no preset knows (issue 4): saved by an investigator or
a supervisor (audited), listed, and used by the next upload of a file with the same header
row without asking (``read_with_saved``, which ``uploads.upload`` calls when no preset fits).

Each stored original records the mapping (its id and its JSON) that read its lines, so a
mapping saved over an earlier one re-reads those files in the same transaction, or is
refused whole when one of them no longer reads. A file a case past investigation holds is
not read again: its lines are part of a decided case (the save says how many were left as
read). A supervisor deletes a mapping; the files it read keep their lines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role
from workstation.importers.detect import UNKNOWN_LAYOUT, read_statement
from workstation.importers.mapped import (
    ColumnMapping,
    MappingPreview,
    file_tables,
    find_signature,
    preview,
    preview_with,
    read_mapped,
    read_or_preview,
)
from workstation.importers.records import ImportResult, StatementRefused
from workstation.services.context import Context, Session, require
from workstation.store import bank_layouts as layout_store
from workstation.store import statements as st_store
from workstation.store import users as user_store
from workstation.store.db import Store

if TYPE_CHECKING:
    from workstation.services.uploads import KeptAsRead, Reread

MAY_NOT_SAVE = QT_TRANSLATE_NOOP(
    "messages", "Only investigators and supervisors save column mappings."
)
NAME_THE_BANK = QT_TRANSLATE_NOOP("messages", "Name the bank whose statements use this layout.")
NO_SUCH_LAYOUT = QT_TRANSLATE_NOOP("messages", "That column mapping is no longer saved.")
SAME_HEADER_ROW = QT_TRANSLATE_NOOP(
    "messages",
    "A saved mapping keeps its header row; to map another header row, upload a file that has it.",
)
MAY_NOT_DELETE = QT_TRANSLATE_NOOP("messages", "Only a supervisor deletes a column mapping.")


@dataclass(frozen=True)
class SavedLayout:
    """A mapping as saved: the bank's name, the mapping, who saved it and when."""

    id: int
    name: str
    mapping: ColumnMapping
    saved_by: str
    saved_at: str


@dataclass(frozen=True)
class LayoutSaved:
    """What saving a mapping did: the mapping as saved, the uploaded files read with the
    earlier mapping for that header row that were read again with it, and those left as
    read because a case past investigation holds them."""

    layout: SavedLayout
    reread: tuple[Reread, ...] = ()
    kept: tuple[KeptAsRead, ...] = ()


@dataclass(frozen=True)
class LayoutInUse:
    """A saved mapping with how many stored originals were read with it."""

    layout: SavedLayout
    files: int


def save_layout(
    ctx: Context,
    session: Session,
    name: str,
    mapping: ColumnMapping,
    *,
    layout_id: int | None = None,
) -> LayoutSaved:
    """Keep ``mapping`` for files with its header row (replacing one saved for that header
    before); audited with what it replaced. ``layout_id`` edits that saved mapping (its
    header row cannot change).

    Replacing a mapping re-reads every uploaded file read with the earlier one, in the same
    transaction (``uploads.reread_mapped``), but for files a case past investigation holds,
    which keep their lines (``LayoutSaved.kept``): a file to re-read that the new mapping
    cannot read refuses the save, naming the file and the line, and nothing changes."""
    from workstation.services import uploads  # uploads reads with the saved mappings

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
        if layout_id is not None:
            edited = layout_store.layout_by_id(ctx.store, layout_id)
            if edited is None:
                raise RuleError(Message.of(NO_SUCH_LAYOUT))
            if edited.signature != mapping.signature:
                raise RuleError(Message.of(SAME_HEADER_ROW))
        before = layout_store.layout_for(ctx.store, mapping.signature)
        done = uploads.Rereading()
        if before is not None:
            earlier = _mapping_or_none(before.mapping) or mapping
            done = uploads.reread_mapped(ctx, session, before.id, earlier, mapping, at)
        saved_id = layout_store.save_layout(
            ctx.store, name, mapping.signature, mapping.to_json(), session.user_id, at
        )
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="bank_layout",
            entity_id=saved_id, action="bank_layout:save",
            before={"name": before.name, "mapping": before.mapping} if before else None,
            after={"name": name, "mapping": mapping.to_json(),
                   "reread": [r.sha256 for r in done.reread],
                   "kept": [k.sha256 for k in done.kept]},
        )  # fmt: skip
        row = layout_store.layout_for(ctx.store, mapping.signature)
    uploads.forget_records(r.sha256 for r in done.reread)
    assert row is not None
    return LayoutSaved(_saved(row, mapping), done.reread, done.kept)


def layouts_in_use(ctx: Context, session: Session) -> tuple[LayoutInUse, ...]:
    """Every saved mapping, by bank name, with how many uploaded files it read."""
    require(session, Permission.VIEW_CASES)
    used = layout_store.files_read_with(ctx.store)
    return tuple(LayoutInUse(s, used.get(s.id, 0)) for _, s in _usable(ctx))


def delete_layout(ctx: Context, session: Session, layout_id: int) -> int:
    """Forget a saved mapping (a supervisor's, audited); the files it read keep their lines,
    and the next file with its header row asks for the columns again. Returns how many
    stored files it had read."""
    if session.role != Role.SUPERVISOR:
        raise RuleError(Message.of(MAY_NOT_DELETE))
    at = ctx.stamp()
    with ctx.store.write():
        row = layout_store.layout_by_id(ctx.store, layout_id)
        if row is None:
            raise RuleError(Message.of(NO_SUCH_LAYOUT))
        files = layout_store.delete_layout(ctx.store, layout_id)
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="bank_layout",
            entity_id=layout_id, action="bank_layout:delete",
            before={"name": row.name, "signature": list(row.signature), "mapping": row.mapping,
                    "files": files},
        )  # fmt: skip
    return files


def layout_preview(ctx: Context, session: Session, layout_id: int) -> MappingPreview:
    """What the column-mapping dialog needs to edit a saved mapping: the first rows of the
    latest uploaded file read with it that this user may open (the case's investigator, or
    a supervisor; audited, as the rows show full account numbers), else only its header
    row."""
    if session.role not in (Role.INVESTIGATOR, Role.SUPERVISOR):
        raise RuleError(Message.of(MAY_NOT_SAVE))
    row = layout_store.layout_by_id(ctx.store, layout_id)
    mapping = _mapping_or_none(row.mapping) if row else None
    if row is None or mapping is None:
        raise RuleError(Message.of(NO_SUCH_LAYOUT))
    for doc in layout_store.documents_read_with(ctx.store, layout_id):
        if session.role == Role.INVESTIGATOR and doc.officer_id != session.user_id:
            continue
        raw = st_store.original(ctx.store, doc.sha256)
        if raw is None:
            continue
        with ctx.store.write():
            user_store.record_audit(
                ctx.store, at=ctx.stamp(), actor_id=session.user_id, entity="case",
                entity_id=doc.case_id, action="document:open",
                after={"sha256": doc.sha256, "for": "bank_layout", "layout": layout_id},
            )  # fmt: skip
        return preview_with(raw, doc.file_name, mapping)
    return preview_with(b"", "", mapping)


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


def read_with_saved_layout(
    ctx: Context, raw: bytes, file: str
) -> tuple[ImportResult, SavedLayout] | MappingPreview | None:
    """As ``read_with_saved``, with the saved mapping that read the file (the upload records
    it, so correcting the mapping re-reads the file)."""
    saved = {s.mapping.signature: s for _, s in _usable(ctx)}
    tables = file_tables(raw, file)
    if tables is None:
        return None
    found = find_signature(tables, saved.keys())
    if found is None:
        return preview(tables, file)
    table, header, signature = found
    layout = saved[signature]
    sha256 = hashlib.sha256(raw).hexdigest()
    return read_mapped(table, header, layout.mapping, file, sha256), layout


def read_files(store: Store | None, paths: Sequence[Path]) -> list[ImportResult]:
    """Every file read whole, in order (the command line's ``rebuild``): by a preset, else,
    given a database, with the mapping saved there for the file's header row. The first
    refused file raises ``StatementRefused`` naming the file and line."""
    saved = {s.mapping.signature: s.mapping for _, s in _usable_in(store)} if store else {}
    results = []
    for path in paths:
        raw = path.read_bytes()
        try:
            results.append(read_statement(raw, path.name))
            continue
        except StatementRefused as refused:
            if not saved or refused.message.template != UNKNOWN_LAYOUT:
                raise
            unknown = refused
        found = read_or_preview(raw, path.name, saved)
        if not isinstance(found, ImportResult):
            raise unknown
        results.append(found)
    return results


def _usable(ctx: Context) -> list[tuple[layout_store.BankLayoutRow, SavedLayout]]:
    return _usable_in(ctx.store)


def _usable_in(store: Store) -> list[tuple[layout_store.BankLayoutRow, SavedLayout]]:
    found = []
    for row in layout_store.layouts(store):
        mapping = _mapping_or_none(row.mapping)
        if mapping is None:
            continue  # written by a newer program, or damaged: the dialog asks again
        found.append((row, _saved(row, mapping)))
    return found


def _mapping_or_none(text: str) -> ColumnMapping | None:
    try:
        return ColumnMapping.from_json(text)
    except ValueError:
        return None


def _saved(row: layout_store.BankLayoutRow, mapping: ColumnMapping) -> SavedLayout:
    return SavedLayout(row.id, row.name, mapping, row.created_by_name, row.created_at)
