"""Bills and statements onto a case (R23, R24): uploads kept as originals, their lines stored
for the rebuild, utility bills uploaded or typed in.

An upload reads the whole file first (the slow part, outside any transaction), then writes in
one transaction: the original (once, whatever case it comes to), the case's document row, the
lines, and the document kind marked received for the investigation's paperwork. A refused
file stores nothing; the same file twice on a case is one document. Only the case's
investigator or a supervisor, while the case is in investigation (``investigation``'s check).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

from workstation.domain.interview import DocumentKind
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role, mask_sensitive, may
from workstation.domain.rebuild_checks import CheckSettings, months_before
from workstation.domain.stages import Stage
from workstation.importers.detect import (
    BILLS_NOT_STATEMENT,
    UNKNOWN_LAYOUT,
    read_statement,
    read_utility_bills,
)
from workstation.importers.mapped import (
    ColumnMapping,
    MappingPreview,
    file_tables,
    find_signature,
    read_if_header,
)
from workstation.importers.records import (
    ImportProblem,
    ImportResult,
    StatementRefused,
    Transaction,
)
from workstation.importers.utility import TimeOfUse, UtilityBill, UtilityImport, UtilityKind
from workstation.importers.utility import check_bill as check_utility_bill
from workstation.services import bank_layouts, investigation, pipeline
from workstation.services.context import Context, Session, require
from workstation.services.investigation import require_worker
from workstation.store import bank_layouts as layout_store
from workstation.store import codec
from workstation.store import investigation as inv_store
from workstation.store import statements as st_store
from workstation.store import users as user_store

UTILITY = "utility"  # the source of an uploaded list of utility bills
_CHUNK = 20_000  # lines a batch, between progress reports and cancel checks

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

ALREADY_UPLOADED = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is already on this case (uploaded as {first} by {by} at {at}); nothing was added",
)
UNREADABLE = QT_TRANSLATE_NOOP("messages", "{file} cannot be read: {error}")
NO_SUCH_DOCUMENT = QT_TRANSLATE_NOOP("messages", "That document is not on case {case}.")
SAME_BILL = (
    QT_TRANSLATE_NOOP(
        "messages",
        "An electricity bill of account {account} for {start} to {end} is already on this case",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "A water bill of account {account} for {start} to {end} is already on this case"
    ),
)
NO_SUCH_BILL = QT_TRANSLATE_NOOP("messages", "That utility bill is not on case {case}.")
ONLY_TYPED = QT_TRANSLATE_NOOP(
    "messages",
    "That bill came from {file}; remove the file instead of one of its bills",
)
GIVE_REASON = QT_TRANSLATE_NOOP("messages", "Give a reason for removing it.")
STALE_FILE = QT_TRANSLATE_NOOP(
    "messages",
    "{file} ends on {end}, {months} months before the application ({applied}); the rebuilt "
    "statement needs the last twelve months",
)
MAY_NOT_OPEN = QT_TRANSLATE_NOOP(
    "messages", "Only the case's investigator or a supervisor opens its original documents."
)
MAPPING_CHANGED = QT_TRANSLATE_NOOP(
    "messages",
    "The column mapping for {file} was changed or deleted while the file was read; nothing "
    "was stored. Upload it again.",
)
REREAD_REFUSED = QT_TRANSLATE_NOOP(
    "messages",
    "The mapping was not saved: {file} (case {case}) was read with the earlier mapping and "
    "cannot be read with this one: {why}. Nothing was changed.",
)
DECIDED_HOLDS_IT = QT_TRANSLATE_NOOP(
    "messages",
    "{file} was read with an earlier column mapping for case {case}, which is past "
    "investigation: its lines are part of that case and stay as they were read, so the file "
    "cannot be read with the current mapping here. Nothing was stored.",
)


class UploadRefused(RuleError):
    """The file is refused whole; ``problems`` lists every fatal line (the first is the
    message). Nothing of it was stored."""

    def __init__(self, message: Message, problems: tuple[ImportProblem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems or (ImportProblem(0, message),)


class LayoutUnknown(UploadRefused):
    """No preset and no saved column mapping reads the file; ``preview`` is what the
    column-mapping dialog needs to map it (services/bank_layouts)."""

    def __init__(self, refused: UploadRefused, preview: MappingPreview) -> None:
        super().__init__(refused.message, refused.problems)
        self.preview = preview


@dataclass(frozen=True)
class CaseDocument:
    """One upload on a case, as the upload list shows it."""

    case_id: int
    sha256: str
    file_name: str
    kind: DocumentKind
    source: str  # alipay, wechat, bank_icbc, …, or "utility"
    file_format: str  # csv, xlsx, pdf
    period_start: date | None
    period_end: date | None
    rows: int  # transactions (statements) or bills
    account_owner: str
    account_number: str  # masked unless the role may reveal it (R37)
    uploaded_by: str
    uploaded_at: str
    size: int  # bytes
    problems: tuple[ImportProblem, ...]  # warnings the reader left (the file was accepted)
    dropped: tuple[ImportProblem, ...]  # rows left out on purpose (closed orders), with why
    bank_name: str = ""  # the bank whose saved column mapping read it ("" for a preset)


@dataclass(frozen=True)
class Upload:
    """What an upload did. ``already`` says the file was on the case before (``notice`` says
    so, in words); ``cancelled`` says nothing was stored because the user cancelled."""

    document: CaseDocument | None
    new_original: bool = False  # the bytes were not in the database before (any case)
    bills_added: int = 0  # utility bills: added to the case (a bill already there is kept)
    already: bool = False
    cancelled: bool = False
    notice: Message | None = None


def kind_of(source: str, bills: tuple[UtilityBill, ...] = ()) -> DocumentKind:
    """The paperwork kind an upload satisfies: bank statement, payment export, or a bill."""
    if source == UTILITY:
        kinds = {b.kind for b in bills}
        if UtilityKind.ELECTRICITY in kinds or not kinds:
            return DocumentKind.ELECTRICITY_BILL
        return DocumentKind.WATER_BILL
    if source in ("alipay", "wechat"):
        return DocumentKind.PAYMENT_EXPORT
    return DocumentKind.BANK_STATEMENT


def _bill_kind(kind: UtilityKind) -> DocumentKind:
    return (
        DocumentKind.ELECTRICITY_BILL
        if kind is UtilityKind.ELECTRICITY
        else DocumentKind.WATER_BILL
    )


def file_format(raw: bytes) -> str:
    """csv (any text), xlsx or pdf, told from the content as the importers tell it."""
    if raw.startswith(b"PK\x03\x04"):
        return "xlsx"
    if raw.lstrip()[:5] == b"%PDF-":
        return "pdf"
    return "csv"


def _read_bytes(source: Path | bytes, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, Path):
        file = name or source.name
        try:
            return source.read_bytes(), file
        except OSError as exc:
            raise RuleError(Message.of(UNREADABLE, file=file, error=str(exc))) from exc
    return bytes(source), name or ""


def _parse(raw: bytes, sha256: str, file: str, bills: bool) -> ImportResult | UtilityImport:
    """The file read whole: a statement, or (told by its header, or ``bills``) a list of
    utility bills. The same bytes under the same name read the same, so a file read lately
    (onto another case; the demo built again) is not read again."""
    key = (sha256, file)
    with _cache_lock:
        found = _parsed.get(key)
    if found is not None:
        return found
    parsed = _read(raw, file, bills)
    size = len(parsed.transactions if isinstance(parsed, ImportResult) else parsed.bills)
    with _cache_lock:
        _parsed[key] = parsed
        _parsed_sizes[key] = size
        while sum(_parsed_sizes.values()) > CACHED_LINES and len(_parsed) > 1:
            gone, _ = _parsed.popitem(last=False)
            del _parsed_sizes[gone]
    return parsed


def _read(raw: bytes, file: str, bills: bool) -> ImportResult | UtilityImport:
    try:
        if not bills:
            return read_statement(raw, file)
    except StatementRefused as refusal:
        if refusal.message.template != BILLS_NOT_STATEMENT:
            raise UploadRefused(refusal.message, refusal.problems) from None
    try:
        return read_utility_bills(raw, file)
    except StatementRefused as refusal:
        raise UploadRefused(refusal.message, refusal.problems) from None


def _read_mapped(
    ctx: Context, raw: bytes, file: str, refused: UploadRefused
) -> tuple[ImportResult, bank_layouts.SavedLayout]:
    """A layout no preset knows, read with the column mapping saved for its header row (and
    that mapping); else refused as ``LayoutUnknown``, carrying what the column-mapping
    dialog needs."""
    if refused.message.template != UNKNOWN_LAYOUT:
        raise refused
    try:
        found = bank_layouts.read_with_saved_layout(ctx, raw, file)
    except StatementRefused as refusal:
        raise UploadRefused(refusal.message, refusal.problems) from None
    if found is None:
        raise refused
    if isinstance(found, MappingPreview):
        raise LayoutUnknown(refused, found) from None
    return found


def _same_mapping(text: str, mapping: ColumnMapping) -> bool:
    try:
        return ColumnMapping.from_json(text) == mapping
    except ValueError:
        return False


def _record_layout(
    ctx: Context,
    session: Session,
    case_id: int,
    document: int,
    layout: bank_layouts.SavedLayout,
    file: str,
    read: ImportResult | None,
    at: str,
) -> bool:
    """Which saved mapping read the original's lines, so correcting it re-reads them; the
    mapping must still be the one read with (another window may have saved over it).

    ``read`` is the file as this upload read it when the original already had lines (the
    same bytes on another case): lines read with another mapping — one corrected since, or
    deleted and saved again — are read again with this one, as a correction re-reads them
    (``_reread``: lines, each holding case's reading and warnings, kept rebuilt statements),
    so the case gets what the upload reported. When a case past investigation holds the
    original its lines stay (they are part of a decided case) and the upload is refused,
    naming the file and that case. True when the original was read again."""
    current = layout_store.layout_by_id(ctx.store, layout.id)
    if current is None or not _same_mapping(current.mapping, layout.mapping):
        raise RuleError(Message.of(MAPPING_CHANGED, file=file))
    new = layout.mapping.to_json()
    if read is not None:
        _, read_with = layout_store.read_with(ctx.store, document)
        if read_with is None or not _same_mapping(read_with, layout.mapping):
            decided = _decided(ctx, read.file_sha256)
            if decided is not None:
                raise UploadRefused(Message.of(DECIDED_HOLDS_IT, file=file, case=decided))
            _, cases = _reread(
                ctx, session, document, read, layout.id, read_with, new, at, uploading=case_id
            )
            others = [c for c in cases if c != case_id]  # as any upload, the case's own stays
            _keep_rebuilt(ctx, session, others, (read.file_sha256,), at)
            return True
    layout_store.mark_read_with(ctx.store, document, layout.id, new)
    return False


def upload(
    ctx: Context,
    session: Session,
    case_id: int,
    source: Path | bytes,
    name: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    bills: bool = False,
) -> Upload:
    """Put a statement or a list of utility bills on the case (module docstring); ``bills``
    says it is a list of utility bills (no statement layout is tried: the window's "import
    bills" knows, and a bill file is read faster).

    ``progress(done, total)`` is called as the work goes (total 100); ``cancelled()`` is asked
    after the file is read and between batches of lines: a cancelled upload stores nothing.
    Raises ``UploadRefused`` (naming the file and line) for a file that cannot be used.
    """
    report = progress or (lambda done, total: None)
    stop = cancelled or (lambda: False)
    require_worker(ctx, session, case_id)  # before the slow read; again when writing
    raw, file = _read_bytes(source, name)
    sha256 = hashlib.sha256(raw).hexdigest()
    first = st_store.case_document(ctx.store, case_id, sha256)
    if first is not None:
        return _already(ctx, session, first, file)
    report(0, 100)
    layout: bank_layouts.SavedLayout | None = None
    try:
        parsed = _parse(raw, sha256, file, bills)
    except UploadRefused as refused:
        parsed, layout = _read_mapped(ctx, raw, file, refused)
    read = parsed  # as the file reads, without this case's warnings
    if isinstance(parsed, ImportResult):
        parsed = _warn_if_stale(ctx, case_id, parsed)
    report(60, 100)
    if stop():
        return Upload(None, cancelled=True)
    at = ctx.stamp()
    try:
        with ctx.store.write():
            require_worker(ctx, session, case_id)
            first = st_store.case_document(ctx.store, case_id, sha256)
            if first is not None:  # another window put it there meanwhile
                return _already(ctx, session, first, file)
            document, new = st_store.insert_original(ctx.store, sha256, raw)
            stored = reread = False
            if isinstance(parsed, ImportResult):
                stored = _store_statement(
                    ctx, session, case_id, document, parsed, raw, at, report, stop
                )
                if layout is not None:
                    again = None if stored or not isinstance(read, ImportResult) else read
                    reread = _record_layout(
                        ctx, session, case_id, document, layout, file, again, at
                    )
                added = 0
                kinds = {kind_of(str(parsed.source))}
            else:
                added = _store_bill_file(ctx, session, case_id, parsed, raw, at)
                kinds = {_bill_kind(b.kind) for b in parsed.bills}
            _mark_received(ctx, session, case_id, kinds, file, at)
            row = st_store.case_document(ctx.store, case_id, sha256)
            assert row is not None
            user_store.record_audit(
                ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
                action="document:upload",
                after={"sha256": sha256, "file": file, "kind": row.kind, "source": row.source,
                       "rows": row.row_count, "bills_added": added},
            )  # fmt: skip
    except _Stop:
        return Upload(None, cancelled=True)
    if stored and isinstance(parsed, ImportResult):
        remember_records(sha256, parsed.transactions)
    if reread:  # what another thread cached of its earlier lines meanwhile
        forget_records((sha256,))
    report(100, 100)
    return Upload(_document(row, session), new_original=new, bills_added=added)


def _warn_if_stale(ctx: Context, case_id: int, result: ImportResult) -> ImportResult:
    """A statement that ends months before the application is kept, with a warning that
    names it: R24 rebuilds the twelve months before the application."""
    if result.period is None:
        return result
    applied = date.fromisoformat(pipeline.load_case(ctx, case_id).created_at[:10])
    behind = months_before(result.period.end, applied)
    if behind <= CheckSettings().stale_months:
        return result
    warning = ImportProblem(
        0,
        Message.of(STALE_FILE, file=result.file_name, end=result.period.end.isoformat(),
                   months=behind, applied=applied.isoformat()),
    )  # fmt: skip
    return replace(result, problems=(warning, *result.problems))


class _Stop(Exception):
    """Cancelled half-way through the writes: the transaction rolls back."""


def _already(ctx: Context, session: Session, first: st_store.CaseDocumentRow, file: str) -> Upload:
    notice = Message.of(
        ALREADY_UPLOADED, file=file, first=first.file_name, by=first.uploaded_by_name,
        at=first.uploaded_at,
    )  # fmt: skip
    return Upload(_document(first, session), already=True, notice=notice)


def _document_row(
    case_id: int,
    sha256: str,
    file: str,
    kind: DocumentKind,
    source: str,
    raw: bytes,
    period: tuple[date, date, bool] | None,
    rows: int,
    at: str,
    by: int,
    owner: str = "",
    account: str = "",
    problems: tuple[ImportProblem, ...] = (),
    dropped: tuple[ImportProblem, ...] = (),
) -> dict[str, object]:
    return {
        "case_id": case_id,
        "sha256": sha256,
        "file_name": file,
        "kind": kind.value,
        "source": source,
        "file_format": file_format(raw),
        "period_start": period[0].isoformat() if period else None,
        "period_end": period[1].isoformat() if period else None,
        "period_stated": int(period[2]) if period else 0,
        "row_count": rows,
        "account_owner": owner,
        "account_number": account,
        "problems": codec.dumps(problems),
        "dropped": codec.dumps(dropped),
        "uploaded_by": by,
        "uploaded_at": at,
    }


# Transaction's fields after its timestamp, in the store's order (LINE_COLUMNS; checked by
# the round trip in tests/services/test_uploads.py): a record is a tuple, so one C slice.
_AFTER_STAMP = itemgetter(slice(4, None))


def _store_statement(
    ctx: Context,
    session: Session,
    case_id: int,
    document: int,
    result: ImportResult,
    raw: bytes,
    at: str,
    report: Progress,
    stop: Cancelled,
) -> bool:
    """The case's document row, and the lines unless the document has them already (the
    same bytes on another case). True when the lines were stored now."""
    period = (
        (result.period.start, result.period.end, result.period.stated) if result.period else None
    )
    source = str(result.source)
    st_store.insert_case_document(
        ctx.store,
        _document_row(
            case_id, result.file_sha256, result.file_name, kind_of(source), source, raw,
            period, len(result.transactions), at, session.user_id, result.account.owner,
            result.account.account, result.problems, result.dropped,
        ),
    )  # fmt: skip
    if st_store.has_lines(ctx.store, document):
        return False  # the same bytes on another case: parsed and kept once
    records, rest = result.transactions, _AFTER_STAMP
    total = len(records) or 1
    for start in range(0, len(records), _CHUNK):
        if stop():
            raise _Stop
        # a generator, not a list: each row is bound and freed before the next is made, so
        # 100,000 rows never stand in memory together or wake the cyclic collector
        st_store.insert_lines(
            ctx.store,
            (
                (document, seq, t.line, t.timestamp.isoformat(), *rest(t))
                for seq, t in enumerate(records[start : start + _CHUNK], start)
            ),
        )
        report(60 + 35 * min(start + _CHUNK, total) // total, 100)
    return True


@dataclass(frozen=True)
class Reread:
    """An original read again with a corrected column mapping."""

    sha256: str
    file_name: str  # as first uploaded
    rows: int  # its lines now


@dataclass(frozen=True)
class KeptAsRead:
    """An original read with an earlier mapping and left as read: ``case_id`` (the first such
    case) holds it past investigation, and its lines are part of that decided case."""

    sha256: str
    file_name: str  # as first uploaded
    case_id: int


@dataclass(frozen=True)
class Rereading:
    """What correcting a mapping did to the originals read with the earlier one."""

    reread: tuple[Reread, ...] = ()
    kept: tuple[KeptAsRead, ...] = ()


def _reading(result: ImportResult) -> dict[str, object]:
    """The case_documents columns reading a statement fills, for one case (``result`` with
    that case's own warnings, ``_warn_if_stale``)."""
    period = result.period
    return {
        "period_start": period.start.isoformat() if period else None,
        "period_end": period.end.isoformat() if period else None,
        "period_stated": int(period.stated) if period else 0,
        "row_count": len(result.transactions),
        "account_owner": result.account.owner,
        "account_number": result.account.account,
        "problems": codec.dumps(result.problems),
        "dropped": codec.dumps(result.dropped),
    }


def _decided(ctx: Context, sha256: str) -> int | None:
    """The first case holding the original that is no longer in investigation (its lines are
    part of what was decided there), if any."""
    return next(
        (
            case_id
            for case_id, stage in layout_store.cases_holding(ctx.store, sha256)
            if stage != Stage.INVESTIGATION.value
        ),
        None,
    )


def _reread(
    ctx: Context,
    session: Session,
    document: int,
    result: ImportResult,
    layout_id: int,
    earlier: str | None,
    new: str,
    at: str,
    uploading: int | None = None,
) -> tuple[Reread, list[int]]:
    """Inside the caller's write: the original's lines replaced by ``result`` (read with the
    mapping ``new``, JSON, of saved mapping ``layout_id``; ``earlier`` the JSON it was read
    with), its single-line classes kept where the line still exists, and on every case that
    holds it the reading (row count, period, account) with that case's own warnings (the
    stale-file warning depends on the case's application date). Audited on each case but
    ``uploading`` (the case an upload re-reads it for: its upload is audited). Returns the
    file read again and the cases holding it."""
    sha256 = result.file_sha256
    holders = [case_id for case_id, _ in layout_store.cases_holding(ctx.store, sha256)]
    rows = {case_id: st_store.case_document(ctx.store, case_id, sha256) for case_id in holders}
    layout_store.delete_lines(ctx.store, document)
    st_store.insert_lines(
        ctx.store,
        (
            (document, seq, t.line, t.timestamp.isoformat(), *_AFTER_STAMP(t))
            for seq, t in enumerate(result.transactions)
        ),
    )
    lost = layout_store.drop_lost_line_classes(ctx.store, document, sha256)
    layout_store.mark_read_with(ctx.store, document, layout_id, new)
    for case_id in holders:
        before = rows[case_id]
        named = replace(result, file_name=before.file_name) if before else result
        warned = _warn_if_stale(ctx, case_id, named)
        layout_store.set_reading(ctx.store, case_id, sha256, _reading(warned))
        if case_id == uploading:
            continue
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="document:reread",
            before={"sha256": sha256, "rows": before.row_count if before else None,
                    "mapping": earlier},
            after={"rows": len(result.transactions), "layout": layout_id,
                   "mapping": new, "line_classes_dropped": lost},
        )  # fmt: skip
    first = next((r.file_name for r in rows.values() if r is not None), result.file_name)
    return Reread(sha256, first, len(result.transactions)), holders


def _keep_rebuilt(
    ctx: Context, session: Session, case_ids: Iterable[int], sha256s: Iterable[str], at: str
) -> None:
    """Inside the caller's write, after originals (``sha256s``) were read again: each of
    ``case_ids`` that keeps a rebuilt statement keeps it rebuilt from the new lines, as a
    new version (``statements.keep_rebuilt_in``; nothing when unchanged).

    Refreshed here rather than deleted: R24 keeps every rebuilt version, so deleting the
    kept one would lose the history the decision can be traced through, and leaving it
    would show figures of lines that no longer exist. Refreshing in the same transaction
    keeps the kept figures and the lines in step whatever happens after (a crash cannot
    leave one without the other); the cost — rebuilding each case that holds a re-read file
    while holding the write lock — falls on a rare supervisor's or upload's action. The
    records cache is emptied of these originals before the rebuild (it holds their earlier
    lines) and after it (so nothing read inside the transaction outlives a rollback); the
    caller empties it again once committed."""
    from workstation.services import statements  # statements reads the uploads' records

    gone = tuple(sha256s)
    forget_records(gone)
    try:
        for case_id in sorted(set(case_ids)):
            if st_store.latest_snapshot(ctx.store, case_id) is None:
                continue  # nothing kept to refresh
            statements.keep_rebuilt_in(ctx, session, case_id, at)
    finally:
        forget_records(gone)


def reread_mapped(
    ctx: Context,
    session: Session,
    layout_id: int,
    earlier: ColumnMapping,
    mapping: ColumnMapping,
    at: str,
) -> Rereading:
    """Inside the caller's write transaction: every original the saved mapping ``layout_id``
    read in an earlier version read again with ``mapping`` (``_reread``: its lines, and on
    every case that holds it the row count, period and that case's own warnings; its
    single-line classes kept where the line still exists; audited on each case), and the
    rebuilt statement each such case keeps rebuilt again (``_keep_rebuilt``). Originals
    stored before mappings were recorded are found by their header row (read with
    ``earlier``, the one saved then).

    Only originals every holding case of which is in investigation are read again: one held
    by a case past investigation keeps its lines (they are part of a decided case) and is
    returned as kept. A file to read again that ``mapping`` cannot read refuses the whole
    save (``RuleError`` naming the file and the line). The caller forgets the cached records
    of the files read again once committed (``forget_records``)."""
    new = mapping.to_json()
    found = [
        *(d for d in layout_store.documents_read_with(ctx.store, layout_id)
          if d.mapping is None or not _same_mapping(d.mapping, mapping)),
        *layout_store.unrecorded_mapped_documents(ctx.store),
    ]  # fmt: skip
    done: list[Reread] = []
    kept: list[KeptAsRead] = []
    cases: set[int] = set()
    for doc in found:
        raw = st_store.original(ctx.store, doc.sha256) or b""
        decided = _decided(ctx, doc.sha256)
        if decided is not None:
            if doc.mapping is None:  # stored before mappings were recorded: this layout's?
                tables = file_tables(raw, doc.file_name) or ()
                if find_signature(tables, {mapping.signature}) is None:
                    continue
                if earlier == mapping:
                    layout_store.mark_read_with(ctx.store, doc.id, layout_id, new)
                    continue
            kept.append(KeptAsRead(doc.sha256, doc.file_name, decided))
            continue
        try:
            result = read_if_header(raw, doc.file_name, mapping)
        except StatementRefused as refused:
            why = refused.problems[0].message if refused.problems else refused.message
            message = Message.of(REREAD_REFUSED, file=doc.file_name, case=doc.case_id, why=why)
            raise RuleError(message) from None
        if result is None:
            continue  # another layout's file (stored before mappings were recorded)
        if doc.layout_id is None and earlier == mapping:
            layout_store.mark_read_with(ctx.store, doc.id, layout_id, new)  # read so already
            continue
        reread, holders = _reread(ctx, session, doc.id, result, layout_id, doc.mapping, new, at)
        done.append(reread)
        cases.update(holders)
    _keep_rebuilt(ctx, session, cases, (r.sha256 for r in done), at)
    return Rereading(tuple(done), tuple(kept))


# The records of recently used statements, by the file's SHA-256: the same bytes always give
# the same lines, and the classification editor rebuilds after every re-class, so a 100,000-
# line statement is read back from the database once, not each time. The files read lately,
# by hash and name, likewise. Each bounded by lines.
CACHED_LINES = 300_000
_cache: OrderedDict[str, tuple[Transaction, ...]] = OrderedDict()
_parsed: OrderedDict[tuple[str, str], ImportResult | UtilityImport] = OrderedDict()
_parsed_sizes: dict[tuple[str, str], int] = {}
_cache_lock = threading.Lock()


def remember_records(sha256: str, records: tuple[Transaction, ...]) -> None:
    """Keep a stored document's records for the next rebuild (the least used go first)."""
    with _cache_lock:
        _cache[sha256] = records
        _cache.move_to_end(sha256)
        while sum(len(r) for r in _cache.values()) > CACHED_LINES and len(_cache) > 1:
            _cache.popitem(last=False)


def cached_records(sha256: str) -> tuple[Transaction, ...] | None:
    with _cache_lock:
        found = _cache.get(sha256)
        if found is not None:
            _cache.move_to_end(sha256)
        return found


def forget_records(sha256s: Iterable[str]) -> None:
    """Forget what is cached of these originals (their lines were read again)."""
    gone = set(sha256s)
    with _cache_lock:
        for sha256 in gone:
            _cache.pop(sha256, None)
        for key in [k for k in _parsed if k[0] in gone]:
            del _parsed[key]
            del _parsed_sizes[key]


def forget_cached_records() -> None:
    """Empty the caches (tests that read the lines back from the database)."""
    with _cache_lock:
        _cache.clear()
        _parsed.clear()
        _parsed_sizes.clear()


def _bill_row(case_id: int, bill: UtilityBill, by: int, at: str) -> tuple[object, ...]:
    split = bill.time_of_use
    return (
        case_id, bill.kind.value, bill.account.strip(), bill.period_start.isoformat(),
        bill.period_end.isoformat(), str(bill.usage), bill.amount_fen,
        str(split.peak) if split else None, str(split.flat) if split else None,
        str(split.valley) if split else None, bill.file_sha256 or None, bill.line, by, at,
    )  # fmt: skip


def _store_bill_file(
    ctx: Context, session: Session, case_id: int, bills: UtilityImport, raw: bytes, at: str
) -> int:
    """The file's document row and each bill not already on the case; returns how many."""
    starts = [b.period_start for b in bills.bills]
    ends = [b.period_end for b in bills.bills]
    period = (min(starts), max(ends), True) if starts else None
    st_store.insert_case_document(
        ctx.store,
        _document_row(
            case_id, bills.file_sha256, bills.file_name, kind_of(UTILITY, bills.bills), UTILITY,
            raw, period, len(bills.bills), at, session.user_id, "",
            ", ".join(dict.fromkeys(b.account for b in bills.bills)), bills.problems,
        ),
    )  # fmt: skip
    return sum(
        st_store.insert_bill(ctx.store, _bill_row(case_id, b, session.user_id, at), skip_same=True)
        for b in bills.bills
    )


def _mark_received(
    ctx: Context, session: Session, case_id: int, kinds: set[DocumentKind], file: str, at: str
) -> None:
    """The paperwork kinds this upload satisfies, marked received unless they already are."""
    received = {r.kind for r in inv_store.documents_of(ctx.store, case_id) if r.received_at}
    for kind in sorted(kinds):
        if kind.value not in received:
            inv_store.mark_received(ctx.store, case_id, kind.value, at, session.user_id, file)


def _document(row: st_store.CaseDocumentRow, session: Session) -> CaseDocument:
    reveal = may(session.role, Permission.REVEAL_PERSONAL_DATA)
    return CaseDocument(
        case_id=row.case_id,
        sha256=row.sha256,
        file_name=row.file_name,
        kind=DocumentKind(row.kind),
        source=row.source,
        file_format=row.file_format,
        period_start=date.fromisoformat(row.period_start) if row.period_start else None,
        period_end=date.fromisoformat(row.period_end) if row.period_end else None,
        rows=row.row_count,
        account_owner=row.account_owner,
        account_number=row.account_number if reveal else _mask_accounts(row.account_number),
        uploaded_by=row.uploaded_by_name,
        uploaded_at=row.uploaded_at,
        size=row.size,
        problems=codec.loads(tuple[ImportProblem, ...], row.problems),
        dropped=codec.loads(tuple[ImportProblem, ...], row.dropped),
        bank_name=row.bank_name,
    )


def _mask_accounts(text: str) -> str:
    return ", ".join(mask_sensitive(a) if "*" not in a else a for a in text.split(", "))


def documents(ctx: Context, session: Session, case_id: int) -> tuple[CaseDocument, ...]:
    """The case's uploads, oldest first: type, period, source, who uploaded, when, rows."""
    require(session, Permission.VIEW_CASES)
    pipeline.load_case(ctx, case_id)
    return tuple(_document(r, session) for r in st_store.case_documents(ctx.store, case_id))


def original(ctx: Context, session: Session, case_id: int, sha256: str) -> bytes:
    """The original file as uploaded, to open it. It shows full account numbers, so only a
    supervisor or the investigator who holds the case opens it, and each opening is audited
    (R37)."""
    require(session, Permission.VIEW_CASES)
    case = pipeline.load_case(ctx, case_id)
    holder = session.role == Role.INVESTIGATOR and case.officer_id == session.user_id
    if session.role != Role.SUPERVISOR and not holder:
        raise RuleError(Message.of(MAY_NOT_OPEN))
    row = st_store.case_document(ctx.store, case_id, sha256)
    content = st_store.original(ctx.store, sha256) if row else None
    if row is None or content is None:
        raise RuleError(Message.of(NO_SUCH_DOCUMENT, case=case_id))
    with ctx.store.write():
        user_store.record_audit(
            ctx.store, at=ctx.stamp(), actor_id=session.user_id, entity="case",
            entity_id=case_id, action="document:open", after={"sha256": sha256},
        )  # fmt: skip
    return content


def remove(ctx: Context, session: Session, case_id: int, sha256: str, reason: str) -> None:
    """Take a wrongly uploaded file off the case (its lines and bills no longer count, its
    single-line classes go). The original stays in the database: it is evidence, and other
    cases may hold it. Audited with the reason."""
    if not reason.strip():
        raise RuleError(Message.of(GIVE_REASON))
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        row = st_store.case_document(ctx.store, case_id, sha256)
        if row is None:
            raise RuleError(Message.of(NO_SUCH_DOCUMENT, case=case_id))
        kinds = {DocumentKind(row.kind)}
        if row.source == UTILITY:  # a list of bills satisfies the kinds of the bills in it
            kinds |= {
                _bill_kind(UtilityKind(b.kind))
                for b in st_store.bills_of(ctx.store, case_id)
                if b.sha256 == sha256
            }
        st_store.remove_case_document(ctx.store, case_id, sha256)
        withdrawn = investigation.withdraw_receipts(
            ctx, case_id, kinds, (row.uploaded_at, row.uploaded_by, row.file_name)
        )
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="document:remove",
            before={"sha256": sha256, "file": row.file_name, "kind": row.kind,
                    "uploaded_by": row.uploaded_by, "uploaded_at": row.uploaded_at},
            after={"reason": reason.strip(),
                   "no_longer_received": [k.value for k in withdrawn]},
        )  # fmt: skip


# --- utility bills -------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredBill:
    """A utility bill on the case: the bill, and where it came from."""

    id: int
    bill: UtilityBill
    file_name: str | None  # None when typed in
    entered_by: str
    entered_at: str


def _bill_of(row: st_store.BillRow) -> StoredBill:
    split = (
        TimeOfUse(Decimal(row.peak), Decimal(row.flat), Decimal(row.valley))
        if row.peak is not None and row.flat is not None and row.valley is not None
        else None
    )
    bill = UtilityBill(
        UtilityKind(row.kind), row.account, date.fromisoformat(row.period_start),
        date.fromisoformat(row.period_end), Decimal(row.usage), row.amount_fen, split,
        row.sha256 or "", row.line,
    )  # fmt: skip
    return StoredBill(row.id, bill, row.file_name, row.entered_by_name, row.entered_at)


def bills(ctx: Context, session: Session, case_id: int) -> tuple[StoredBill, ...]:
    """The case's utility bills, by kind and period."""
    require(session, Permission.VIEW_CASES)
    pipeline.load_case(ctx, case_id)
    return tuple(_bill_of(r) for r in st_store.bills_of(ctx.store, case_id))


def add_utility_bill(
    ctx: Context, session: Session, case_id: int, bill: UtilityBill
) -> tuple[int, tuple[ImportProblem, ...]]:
    """A bill typed in from paper; returns its id and the warnings ``check_bill`` gave (a
    long period, a time-of-use split that does not add up). Errors refuse it."""
    checked = check_utility_bill(bill)
    if checked.errors:
        raise RuleError(checked.errors[0].message)
    at = ctx.stamp()
    typed = UtilityBill(
        bill.kind, bill.account.strip(), bill.period_start, bill.period_end, bill.usage,
        bill.amount_fen, bill.time_of_use,
    )  # fmt: skip
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        start, end = typed.period_start.isoformat(), typed.period_end.isoformat()
        if st_store.same_bill(ctx.store, case_id, typed.kind.value, typed.account, start, end):
            raise RuleError(
                Message.of(SAME_BILL[typed.kind is UtilityKind.WATER], account=typed.account,
                           start=start, end=end)
            )  # fmt: skip
        st_store.insert_bill(ctx.store, _bill_row(case_id, typed, session.user_id, at))
        bill_id = st_store.same_bill(
            ctx.store, case_id, typed.kind.value, typed.account, start, end
        )
        assert bill_id is not None
        _mark_received(ctx, session, case_id, {_bill_kind(typed.kind)}, "", at)
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="utility_bill:add",
            after={"id": bill_id, "kind": typed.kind.value, "account": typed.account,
                   "start": start, "end": end, "usage": str(typed.usage),
                   "amount_fen": typed.amount_fen},
        )  # fmt: skip
    return bill_id, checked.warnings


def remove_utility_bill(
    ctx: Context, session: Session, case_id: int, bill_id: int, reason: str
) -> None:
    """A bill typed in by mistake, taken off (audited with what it said and why)."""
    if not reason.strip():
        raise RuleError(Message.of(GIVE_REASON))
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        found = [r for r in st_store.bills_of(ctx.store, case_id) if r.id == bill_id]
        if not found:
            raise RuleError(Message.of(NO_SUCH_BILL, case=case_id))
        row = found[0]
        if row.sha256:
            raise RuleError(Message.of(ONLY_TYPED, file=row.file_name or row.sha256[:12]))
        st_store.delete_bill(ctx.store, bill_id)
        withdrawn = investigation.withdraw_receipts(
            ctx, case_id, {_bill_kind(UtilityKind(row.kind))}, (row.entered_at, row.entered_by, "")
        )
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="utility_bill:remove",
            before={"id": bill_id, "kind": row.kind, "account": row.account,
                    "start": row.period_start, "end": row.period_end, "usage": row.usage,
                    "amount_fen": row.amount_fen},
            after={"reason": reason.strip(),
                   "no_longer_received": [k.value for k in withdrawn]},
        )  # fmt: skip
