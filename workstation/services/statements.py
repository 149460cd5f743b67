"""The rebuilt statements of a case (R24) from what is stored: the classification editor's
lines, the officer's classes, the rule list, adjustments, snapshots and the trace.

A rebuild reads the stored lines back into the importers' records (no file is parsed again)
and calls the same ``services.rebuild.rebuild_results`` the command line uses, with the
case's owner, the rule list in force, the officer's classes (one line; a counterparty on
this case; a counterparty remembered for every case), the utility bills, the declared figures
of the application and the latest adjustment. Scoring reads the adjusted figures when there
are some (``adjusted_figures``, used by ``rescore``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from itertools import islice, repeat
from operator import eq
from typing import Any

from workstation.domain.application import (
    Financials,
    Problem,
    Severity,
    consistency_problems,
    validate_application,
)
from workstation.domain.classify import (
    BASIS_LABELS,
    DEFAULT_RULES,
    Basis,
    Category,
    Rule,
    moves_money,
    rule_problems,
)
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Permission, Role, mask_sensitive, may
from workstation.domain.rebuild import (
    EXCLUDED_LABELS,
    NOT_COUNTED,
    Excluded,
    RebuiltStatement,
)
from workstation.domain.rebuild_checks import (
    Flag,
    UtilityUsage,
    figures_for_scoring,
    stale_flag,
)
from workstation.domain.rebuild_checks import UtilityKind as UsageKind
from workstation.importers.records import (
    AccountInfo,
    Flow,
    ImportResult,
    Period,
    Source,
    Transaction,
    collection_paused,
    transactions_of,
)
from workstation.services import pipeline, rescore
from workstation.services.context import Context, Session, require
from workstation.services.investigation import require_worker
from workstation.services.rating_common import ApplicationProblems, StoredDecision, _application_of
from workstation.services.rebuild import rebuild_results
from workstation.services.uploads import (
    UTILITY,
    CaseDocument,
    _document,
    cached_records,
    remember_records,
)
from workstation.store import codec
from workstation.store import statements as st_store
from workstation.store import users as user_store

LINE_PLACE = QT_TRANSLATE_NOOP("messages", "line {line}")
ROW_PLACE = QT_TRANSLATE_NOOP("messages", "row {row}")
PDF_PLACE = QT_TRANSLATE_NOOP("messages", "page {page}, row {row}")
RULES_SUPERVISOR = QT_TRANSLATE_NOOP(
    "messages", "Only a supervisor may change the classification rules."
)
RULES_CHANGED = QT_TRANSLATE_NOOP(
    "messages",
    "The classification rules were changed meanwhile (version {version}, by {by} at {at}); "
    "reload them and make your change again.",
)
RULES_INVALID = QT_TRANSLATE_NOOP("messages", "The rule list cannot be saved: {problems}")
RULES_REASON = QT_TRANSLATE_NOOP("messages", "Say why the rules change.")
NO_SUCH_LINE = QT_TRANSLATE_NOOP("messages", "Line {line} of that file is not on case {case}.")
NO_COUNTERPARTY = QT_TRANSLATE_NOOP("messages", "Name the counterparty to re-class.")
ADJUST_REASON = QT_TRANSLATE_NOOP("messages", "Say why the figures are adjusted.")
ADJUST_EMPTY = QT_TRANSLATE_NOOP("messages", "Adjust at least one figure.")
ADJUST_NO_SALES = QT_TRANSLATE_NOOP("messages", "Adjusted annual sales must be above zero.")
ADJUST_INVALID = QT_TRANSLATE_NOOP(
    "messages", "The adjusted figures cannot be used; correct: {figures}"
)
DEFAULT_RULES_REASON = "the built-in rules"


# --- the rule list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleList:
    """The classification rules in force; version 0 is the built-in list, not yet stored."""

    version: int
    rules: tuple[Rule, ...]
    reason: str = ""
    at: str = ""
    by: str = ""


class RuleProblems(RuleError):
    """The edited list is refused; ``problems`` has one message per problem (rule numbers
    from 1)."""

    def __init__(self, message: Message, problems: tuple[Message, ...]) -> None:
        super().__init__(message)
        self.problems = problems


def _rules_text(rules: Sequence[Rule]) -> str:
    return json.dumps([r.to_json() for r in rules], ensure_ascii=False, separators=(",", ":"))


def _rule_list(row: st_store.RulesRow | None) -> RuleList:
    if row is None:
        return RuleList(0, DEFAULT_RULES)
    rules = tuple(Rule.from_json(r) for r in json.loads(row.rules))
    return RuleList(row.version, rules, row.reason, row.created_at, row.created_by_name)


def _ensure_rules(ctx: Context, at: str) -> None:
    """Seed version 1 with the built-in rules on first use (inside the caller's write)."""
    if st_store.latest_rules(ctx.store) is None:
        system = user_store.system_user_id(ctx.store, at)
        st_store.insert_rules(
            ctx.store, 1, _rules_text(DEFAULT_RULES), DEFAULT_RULES_REASON, at, system
        )


def classification_rules(ctx: Context, session: Session) -> RuleList:
    """The rule list in force, first match wins."""
    require(session, Permission.VIEW_CASES)
    return _rule_list(st_store.latest_rules(ctx.store))


def save_rules(
    ctx: Context, session: Session, rules: Sequence[Rule], expected_version: int, reason: str
) -> int:
    """A new version of the rule list (it changes every case's classes, so a supervisor's,
    like the other settings); refused when someone saved meanwhile. Returns the version."""
    require(session, Permission.VIEW_CASES)
    if session.role != Role.SUPERVISOR:
        raise RuleError(Message.of(RULES_SUPERVISOR))
    if not reason.strip():
        raise RuleError(Message.of(RULES_REASON))
    problems = tuple(rule_problems(rules))
    if problems:
        shown = "; ".join(p.render() for p in problems)
        raise RuleProblems(Message.of(RULES_INVALID, problems=shown), problems)
    at = ctx.stamp()
    with ctx.store.write():
        latest = st_store.latest_rules(ctx.store)
        found = _rule_list(latest)
        if found.version != expected_version:
            raise RuleError(
                Message.of(RULES_CHANGED, version=found.version, by=found.by, at=found.at)
            )
        _ensure_rules(ctx, at)
        current = _rule_list(st_store.latest_rules(ctx.store))
        version = current.version + 1
        st_store.insert_rules(
            ctx.store, version, _rules_text(rules), reason.strip(), at, session.user_id
        )
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="classification_rules",
            entity_id=version, action="rules:save",
            before={"version": current.version, "rules": [r.to_json() for r in current.rules]},
            after={"version": version, "rules": [r.to_json() for r in rules],
                   "reason": reason.strip()},
        )  # fmt: skip
    return version


# --- the case's inputs, read back ------------------------------------------------------------

_FLOWS = {f.value: f for f in Flow}


def _records(
    source: Source, sha256: str, rows: Iterable[tuple[Any, ...]]
) -> tuple[Transaction, ...]:
    """Stored lines back into the importer's records, field for field: the rows taken a
    chunk at a time (a 100,000-line statement's rows never stand in memory all at once
    beside its records), turned into columns, each converted in one C pass, the records made
    from them in C (``transactions_of``); the collector paused (none of it is garbage)."""
    records: list[Transaction] = []
    cursor = iter(rows)
    with collection_paused():
        while chunk := list(islice(cursor, _CHUNK)):
            (line, at, time_known, amount, flow, direction, party, account, memo, vendor,
             status, order, merchant, channel, note, currency, balance, refund, refund_of,
             refunded) = zip(*chunk, strict=True)  # fmt: skip
            known, refunds = map(eq, time_known, repeat(1)), map(eq, refund, repeat(1))
            flows, stamps = map(_FLOWS.__getitem__, flow), map(datetime.fromisoformat, at)
            records.extend(
                transactions_of(
                    repeat(source), repeat(sha256), line, stamps, known, amount, flows,
                    direction, party, account, memo, vendor, status, order, merchant, channel,
                    note, currency, balance, refunds, refund_of, refunded,
                )
            )  # fmt: skip
    return tuple(records)


_CHUNK = 20_000


def _result(ctx: Context, row: st_store.CaseDocumentRow) -> ImportResult:
    period = None
    if row.period_start and row.period_end:
        period = Period(
            date.fromisoformat(row.period_start), date.fromisoformat(row.period_end),
            row.period_stated,
        )  # fmt: skip
    records = cached_records(row.sha256)
    if records is None:
        rows = st_store.lines_of(ctx.store, row.sha256)
        records = _records(Source(row.source), row.sha256, rows)
        remember_records(row.sha256, records)
    account = AccountInfo(row.account_owner, row.account_number)
    return ImportResult(Source(row.source), row.file_name, row.sha256, records, period, account)


def _usages(ctx: Context, case_id: int) -> list[UtilityUsage]:
    return [
        UtilityUsage(
            date.fromisoformat(b.period_start), date.fromisoformat(b.period_end),
            UsageKind(b.kind), Decimal(b.usage), b.amount_fen,
        )
        for b in st_store.bills_of(ctx.store, case_id)
    ]  # fmt: skip


def _declared(ctx: Context, case_id: int) -> Financials | None:
    """The application's figures (R12), or None when nothing was declared."""
    try:
        app, _ = _application_of(ctx, case_id)
    except RuleError:
        return None
    return None if app.financials == Financials() else app.financials


@dataclass(frozen=True)
class Adjustment:
    """One version of the officer's adjusted R12 figures, and the rebuilt ones it was made
    against."""

    case_id: int
    version: int
    figures: Financials
    rebuilt: Financials | None
    reason: str
    by: str
    at: str


def _adjustment(row: st_store.AdjustmentRow) -> Adjustment:
    rebuilt = codec.loads(Financials, row.rebuilt) if row.rebuilt else None
    figures = codec.loads(Financials, row.figures)
    return Adjustment(row.case_id, row.version, figures, rebuilt, row.reason, row.by_name, row.at)


def adjusted_figures(ctx: Context, case_id: int) -> Financials | None:
    """The latest officer-adjusted figures of the case, if any (what scoring prefers, R24)."""
    row = st_store.latest_adjustment(ctx.store, case_id)
    return codec.loads(Financials, row.figures) if row else None


# --- lines and the rebuilt statement -------------------------------------------------------


@dataclass(frozen=True)
class ClassedLine:
    """One line as the classification editor and the trace show it."""

    position: int  # in ``RebuiltStatement.lines``
    file_name: str
    sha256: str
    line: int  # as the importer numbers it (PDF: page × 1000 + row)
    place: Message  # "line 12", "row 5", "page 2, row 5": where to find it in the original
    timestamp: datetime
    amount_fen: int  # signed: income +, expense −
    flow: str
    counterparty: str
    counterparty_account: str  # masked unless the role may reveal it (R37)
    memo: str
    vendor_category: str  # the export's own kind (交易分类)
    status: str
    order_number: str
    category: Category
    basis: Basis
    why: Message  # the basis in words ("Rule 7", "Re-classed by the officer", …)
    excluded: Excluded | None  # why it is in no monthly figure; None when it counts
    excluded_why: Message | None
    counted: bool = True  # in a monthly figure: not excluded, and of a category that counts


@dataclass(frozen=True)
class LineFilter:
    """Which lines to list; every given condition must hold."""

    sha256: str | None = None  # one file
    category: Category | None = None
    counterparty: str | None = None  # exactly (spaces around ignored)
    text: str = ""  # in counterparty, memo, note or order number (case ignored)
    month: date | None = None  # lines dated in that calendar month
    basis: Basis | None = None
    counted: bool | None = None  # True: in a monthly figure; False: left out


@dataclass(frozen=True)
class CounterpartyTotal:
    """A counterparty on the case: its lines, money in and out, and its usual class."""

    name: str
    rows: int
    income_fen: int
    expense_fen: int  # as a positive number
    category: Category  # the class most of its lines have
    basis: Basis
    neutral_fen: int = 0  # moves the export counts neither way (不计收支): in no total


def place(line: int, file_format: str) -> Message:
    """Where a line is in its original: a PDF's ``page × 1000 + row`` as "page 2, row 5"."""
    if file_format == "pdf":
        return Message.of(PDF_PLACE, page=line // 1000, row=line % 1000)
    if file_format == "xlsx":
        return Message.of(ROW_PLACE, row=line)
    return Message.of(LINE_PLACE, line=line)


def _why(basis: Basis, rule: int) -> Message:
    if basis is Basis.RULE:
        return Message.of(BASIS_LABELS[basis], number=rule + 1)
    return Message.of(BASIS_LABELS[basis])


@dataclass(frozen=True, eq=False)
class CaseStatement:
    """A case's rebuilt statement with what the window needs around it: the documents it
    came from, the rules, the declared and adjusted figures; and its lines, listed, filtered
    and traced without rebuilding again."""

    case_id: int
    statement: RebuiltStatement
    documents: tuple[CaseDocument, ...]  # the statements counted, in ``statement.files`` order
    rules: RuleList
    declared: Financials | None
    adjustment: Adjustment | None
    reveal: bool  # the role sees account numbers unmasked
    _formats: dict[str, str] = field(init=False, repr=False)  # file hash → csv, xlsx or pdf
    _left_out: frozenset[int] = field(init=False, repr=False)  # positions in no figure

    def __post_init__(self) -> None:
        s = self.statement
        object.__setattr__(self, "_formats", {d.sha256: d.file_format for d in self.documents})
        # loans and own transfers are classes no figure counts (financing, R24)
        financing = {i for i, c in enumerate(s.classes) if c.category in NOT_COUNTED}
        left_out = frozenset({e.index for e in s.exclusions} | set(s.outside) | financing)
        object.__setattr__(self, "_left_out", left_out)

    def counted(self, position: int) -> bool:
        """The line is in a monthly figure: not left out, and of a category that counts."""
        return position not in self._left_out

    def line(self, position: int) -> ClassedLine:
        s = self.statement
        t, classed, origin = s.lines[position], s.classes[position], s.origin(position)
        exclusion = s.exclusion(position)
        reason = exclusion.reason if exclusion else None
        account = t.counterparty_account
        if account and not self.reveal and "*" not in account:
            account = mask_sensitive(account)
        return ClassedLine(
            position, origin.file_name, origin.file_sha256, t.line,
            place(t.line, self._formats.get(origin.file_sha256, "csv")),
            t.timestamp, t.amount_fen, str(t.flow), t.counterparty, account, t.memo, t.category,
            t.status, t.order_number, classed.category, classed.basis,
            _why(classed.basis, classed.rule), reason,
            Message.of(EXCLUDED_LABELS[reason]) if reason else None,
            position not in self._left_out,
        )  # fmt: skip

    def select(self, line_filter: LineFilter | None = None) -> tuple[int, ...]:
        """The positions of the lines ``line_filter`` lets through, in file order."""
        f = line_filter or LineFilter()
        s = self.statement
        wanted = range(len(s.lines))
        if f.sha256 is not None:
            start = next((n for n, x in enumerate(s.files) if x.sha256 == f.sha256), None)
            if start is None:
                return ()
            first = s._starts[start]
            wanted = range(first, first + len(s.files[start].lines))
        left_out = self._left_out
        party = f.counterparty.strip() if f.counterparty is not None else None
        text = f.text.strip().casefold()
        out = []
        for i in wanted:
            t, classed = s.lines[i], s.classes[i]
            if f.category is not None and classed.category != f.category:
                continue
            if f.basis is not None and classed.basis != f.basis:
                continue
            if party is not None and t.counterparty.strip() != party:
                continue
            if f.counted is not None and (i not in left_out) != f.counted:
                continue
            if f.month is not None and (
                t.timestamp.year != f.month.year or t.timestamp.month != f.month.month
            ):
                continue
            if text and text not in (
                f"{t.counterparty}\x1f{t.memo}\x1f{t.note}\x1f{t.order_number}".casefold()
            ):
                continue
            out.append(i)
        return tuple(out)

    def lines(self, line_filter: LineFilter | None = None) -> tuple[ClassedLine, ...]:
        return tuple(self.line(i) for i in self.select(line_filter))

    def trace(self, month: int, *categories: Category) -> tuple[ClassedLine, ...]:
        """The lines behind ``month`` (0 = oldest of the 12)'s figure for ``categories``
        (every category when none), each with its file and place in the original."""
        return tuple(self.line(i) for i in self.statement.months[month].rows(*categories))

    def counterparties(self) -> tuple[CounterpartyTotal, ...]:
        """Every counterparty with its lines' totals, most lines first (the editor's list)."""
        s = self.statement
        totals: dict[str, list[Any]] = {}
        for t, classed in zip(s.lines, s.classes, strict=True):
            name = t.counterparty.strip()
            if not name:
                continue
            entry = totals.setdefault(name, [0, 0, 0, {}, 0])
            entry[0] += 1
            if not moves_money(t):
                entry[4] += t.amount_fen
            elif t.amount_fen > 0:
                entry[1] += t.amount_fen
            else:
                entry[2] -= t.amount_fen
            key = (classed.category, classed.basis)
            entry[3][key] = entry[3].get(key, 0) + 1
        ranked = sorted(totals.items(), key=lambda item: (-item[1][0], item[0]))
        return tuple(
            CounterpartyTotal(
                name, rows, income, expense, *max(kinds, key=kinds.__getitem__), neutral
            )
            for name, (rows, income, expense, kinds, neutral) in ranked
        )


def _case_statement(ctx: Context, session: Session, case_id: int) -> CaseStatement:
    case = pipeline.load_case(ctx, case_id)
    rows = [r for r in st_store.case_documents(ctx.store, case_id) if r.source != UTILITY]
    results = [_result(ctx, r) for r in rows]
    rules = _rule_list(st_store.latest_rules(ctx.store))
    # a class remembered on another case never beats this case's owner: the owner's own
    # name is an own-account transfer here, whatever someone of that name was elsewhere
    own = st_store.counterparty_classes_of_case(ctx.store, case_id)
    owner_names = {case.owner_name.strip(), case.business_name.strip()}
    overrides = {
        name: Category(c)
        for name, c in st_store.counterparty_classes(ctx.store, case_id).items()
        if name.strip() not in owner_names or name in own
    }
    row_overrides = {k: Category(c) for k, c in st_store.line_classes(ctx.store, case_id).items()}
    declared = _declared(ctx, case_id)
    adjustment_row = st_store.latest_adjustment(ctx.store, case_id)
    adjustment = _adjustment(adjustment_row) if adjustment_row else None
    statement = rebuild_results(
        results,
        owner_names=(case.owner_name, case.business_name),
        rules=rules.rules,
        overrides=overrides,
        row_overrides=row_overrides,
        utilities=_usages(ctx, case_id),
        declared=declared,
        adjusted=adjustment.figures if adjustment else None,
    )
    stale = (
        stale_flag(statement.months[-1].month, date.fromisoformat(case.created_at[:10]))
        if statement.lines and statement.months
        else None
    )
    if stale is not None:
        statement = replace(statement, flags=(*statement.flags, stale))
    return CaseStatement(
        case_id,
        statement,
        tuple(_document(r, session) for r in rows),
        rules,
        declared,
        adjustment,
        may(session.role, Permission.REVEAL_PERSONAL_DATA),
    )


def case_statement(ctx: Context, session: Session, case_id: int) -> CaseStatement:
    """The case's rebuilt statement with its lines (one rebuild; list, filter and trace it
    as often as needed)."""
    require(session, Permission.VIEW_CASES)
    return _case_statement(ctx, session, case_id)


def rebuild(ctx: Context, session: Session, case_id: int) -> RebuiltStatement:
    """The case's rebuilt statement (R24) from its stored lines and bills."""
    return case_statement(ctx, session, case_id).statement


def lines(
    ctx: Context, session: Session, case_id: int, line_filter: LineFilter | None = None
) -> tuple[ClassedLine, ...]:
    """The case's lines with their class and why, for the classification editor."""
    return case_statement(ctx, session, case_id).lines(line_filter)


def trace(
    ctx: Context, session: Session, case_id: int, month: int, *categories: Category
) -> tuple[ClassedLine, ...]:
    """The lines behind one monthly figure, down to the file and line of the original."""
    return case_statement(ctx, session, case_id).trace(month, *categories)


# --- the officer's classes -----------------------------------------------------------------


def reclass_counterparty(
    ctx: Context,
    session: Session,
    case_id: int,
    counterparty: str,
    category: Category | None,
    remember: bool = True,
) -> int:
    """Class every line of ``counterparty`` on this case as ``category`` (None: go back to
    the rules); ``remember`` also keeps it "for next time": for the cases opened from now
    on. Cases already open are never changed by it: a class remembered before, which they
    use, is kept as their own. Single-line classes of its lines on this case give way.
    Returns how many lines of the case it applies to."""
    name = counterparty.strip()
    if not name:
        raise RuleError(Message.of(NO_COUNTERPARTY))
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        _ensure_rules(ctx, at)
        before = {
            "case": st_store.counterparty_class(ctx.store, case_id, name),
            "remembered": st_store.counterparty_class(ctx.store, None, name),
        }
        kept = _remember(ctx, session, case_id, name, category, at) if remember else []
        if category is None:
            st_store.forget_counterparty_class(ctx.store, case_id, name)
        else:
            st_store.set_counterparty_class(ctx.store, case_id, name, category.value, at,
                                            session.user_id)  # fmt: skip
        dropped = st_store.forget_line_classes_of(ctx.store, case_id, name)
        count = st_store.case_lines_of_counterparty(ctx.store, case_id, name)
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="classify:counterparty", before=before,
            after={"counterparty": name, "category": category.value if category else None,
                   "remember": remember, "lines": count, "line_classes_dropped": dropped,
                   "earlier_class_kept_on": kept},
        )  # fmt: skip
    return count


def _remember(
    ctx: Context, session: Session, case_id: int, name: str, category: Category | None, at: str
) -> list[int]:
    """The class remembered for ``name`` from now on (None: none). The cases the earlier one
    reached keep it as their own, so their figures stay as their investigators saw them;
    returns those cases."""
    earlier = st_store.remembered_class(ctx.store, name)
    if earlier is not None and category is not None and earlier[0] == category.value:
        return []  # the same class: nothing changes anywhere
    kept = []
    if earlier is not None:
        old, by, since = earlier
        for other in st_store.cases_using_remembered(ctx.store, name, since):
            held = pipeline.load_case(ctx, other)
            if other == case_id or name in {held.owner_name.strip(), held.business_name.strip()}:
                continue  # there the owner's own name is an own transfer, whatever was said
            st_store.set_counterparty_class(ctx.store, other, name, old, since, by)
            kept.append(other)
        st_store.forget_counterparty_class(ctx.store, None, name)
    if category is not None:
        st_store.set_counterparty_class(ctx.store, None, name, category.value, at,
                                        session.user_id)  # fmt: skip
    return kept


def reclass_line(
    ctx: Context,
    session: Session,
    case_id: int,
    sha256: str,
    line: int,
    category: Category | None,
) -> None:
    """Class one line of one file on this case (None: back to its counterparty's class or
    the rules)."""
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        _ensure_rules(ctx, at)
        on_case = st_store.case_document(ctx.store, case_id, sha256) is not None
        if not on_case or not st_store.line_exists(ctx.store, sha256, line):
            raise RuleError(Message.of(NO_SUCH_LINE, line=line, case=case_id))
        before = st_store.line_class(ctx.store, case_id, sha256, line)
        if category is None:
            st_store.forget_line_class(ctx.store, case_id, sha256, line)
        else:
            st_store.set_line_class(ctx.store, case_id, sha256, line, category.value, at,
                                    session.user_id)  # fmt: skip
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="classify:line", before={"category": before},
            after={"sha256": sha256, "line": line,
                   "category": category.value if category else None},
        )  # fmt: skip


# --- adjustments and snapshots -------------------------------------------------------------


@dataclass(frozen=True)
class Adjusted:
    """What ``adjust`` did: the new version, and the decision the re-score recorded (None
    when the case cannot be scored: no application with the owner's consent)."""

    adjustment: Adjustment
    decision: StoredDecision | None


def adjustments(ctx: Context, session: Session, case_id: int) -> tuple[Adjustment, ...]:
    """Every version of the case's adjusted figures, oldest first (all are kept, R24)."""
    require(session, Permission.VIEW_CASES)
    pipeline.load_case(ctx, case_id)
    return tuple(_adjustment(r) for r in st_store.adjustments_of(ctx.store, case_id))


def _has_figures(figures: Financials) -> bool:
    return any(getattr(figures, name) not in (None, ()) for name in figures.__dataclass_fields__)


_ADJUSTABLE = tuple(Financials.__dataclass_fields__)
# the figures each consistency check reads (application.consistency_problems)
_CONSISTENCY_INPUTS = {
    "net_profit_margin": {"annual_sales_fen", "operating_cost_fen", "net_profit_margin"},
    "total_liabilities_fen": {"total_assets_fen", "total_liabilities_fen"},
}


def _check_figures(ctx: Context, case_id: int, figures: Financials) -> None:
    """The figures scoring would read must pass the application's own checks, and an
    officer's figures must agree with each other (a declaration may be muddled; an adjustment
    is the officer's own finding): sales above zero, a margin sales less cost allows."""
    try:
        app, _ = _application_of(ctx, case_id)
    except RuleError:
        app = None
    base = app.financials if app is not None else Financials()
    merged = figures_for_scoring(base, figures)
    # a contradiction the declaration already had is the owner's, not this adjustment's
    touched = {name for name in _ADJUSTABLE if getattr(figures, name) not in (None, ())}
    problems = [
        p
        for p in consistency_problems(merged)
        if _CONSISTENCY_INPUTS.get(p.field.removeprefix("financials."), set()) & touched
    ]
    if figures.annual_sales_fen is not None and figures.annual_sales_fen <= 0:
        problems.append(
            Problem("financials.annual_sales_fen", Message.of(ADJUST_NO_SALES), Severity.ERROR)
        )
    if app is not None:
        scored = replace(app, financials=merged)
        problems += [
            p
            for p in validate_application(scored)
            if p.severity == Severity.ERROR and p.field.startswith("financials.")
        ]
    if problems:
        names = dict.fromkeys(p.field.removeprefix("financials.") for p in problems)
        raise ApplicationProblems(
            Message.of(ADJUST_INVALID, figures=", ".join(names)), tuple(problems)
        )


def adjust(
    ctx: Context, session: Session, case_id: int, figures: Financials, reason: str
) -> Adjusted:
    """A new version of the officer-adjusted R12 figures (the fields given; the others stay
    as declared), kept beside the rebuilt ones it was made against; the case is then scored
    again on them (R24: scoring uses the adjusted version)."""
    if not reason.strip():
        raise RuleError(Message.of(ADJUST_REASON))
    if not _has_figures(figures):
        raise RuleError(Message.of(ADJUST_EMPTY))
    require_worker(ctx, session, case_id)
    _check_figures(ctx, case_id, figures)
    seen = _case_statement(ctx, session, case_id)  # the slow part, before the write
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        _ensure_rules(ctx, at)
        previous = st_store.latest_adjustment(ctx.store, case_id)
        version = st_store.insert_adjustment(
            ctx.store, case_id, codec.dumps(figures), codec.dumps(seen.statement.financials),
            reason.strip(), at, session.user_id,
        )  # fmt: skip
        _keep_snapshot(ctx, session, seen, at)
        user_store.record_audit(
            ctx.store, at=at, actor_id=session.user_id, entity="case", entity_id=case_id,
            action="statement:adjust",
            before={"version": previous.version, "figures": json.loads(previous.figures)}
            if previous else None,
            after={"version": version, "figures": codec.to_plain(figures),
                   "reason": reason.strip()},
        )  # fmt: skip
        decision = rescore.rescore_after_adjustment(ctx, session, case_id, at, version)
        row = st_store.latest_adjustment(ctx.store, case_id)
        assert row is not None
    return Adjusted(_adjustment(row), decision)


@dataclass(frozen=True)
class Snapshot:
    """A rebuilt statement as kept: its R12 figures, flags and monthly totals."""

    case_id: int
    seq: int
    at: str
    rules_version: int
    figures: Financials
    flags: tuple[Flag, ...]
    months: tuple[tuple[str, int, int, int, int, str | None], ...]
    # (month, revenue, purchases, operating cost, net cash flow, kWh) in fen / kWh


def _months(statement: RebuiltStatement) -> list[list[Any]]:
    return [
        [m.month.isoformat(), m.revenue_fen, m.purchases_fen, m.operating_cost_fen,
         m.net_cash_flow_fen, None if m.electricity_kwh is None else str(m.electricity_kwh)]
        for m in statement.months
    ]  # fmt: skip


def _keep_snapshot(ctx: Context, session: Session, seen: CaseStatement, at: str) -> int | None:
    """Store the rebuilt figures, flags and months unless they equal the latest kept."""
    statement = seen.statement
    figures, flags = codec.dumps(statement.financials), codec.dumps(statement.flags)
    months = json.dumps(_months(statement), ensure_ascii=False, separators=(",", ":"))
    latest = st_store.latest_snapshot(ctx.store, seen.case_id)
    if latest and (latest.figures, latest.flags, latest.months) == (figures, flags, months):
        return None
    rules = _rule_list(st_store.latest_rules(ctx.store)).version
    return st_store.insert_snapshot(
        ctx.store, seen.case_id, at, session.user_id, rules, figures, flags, months
    )


def keep_rebuilt_in(ctx: Context, session: Session, case_id: int, at: str) -> int | None:
    """Inside the caller's write: rebuild the case from the lines as they are now and keep
    it as a new version when it differs from the one kept (another service changed the
    lines, e.g. a file read again with a corrected column mapping). No permission check:
    the caller has made its own."""
    return _keep_snapshot(ctx, session, _case_statement(ctx, session, case_id), at)


def keep_rebuilt(ctx: Context, session: Session, case_id: int) -> tuple[CaseStatement, int | None]:
    """Rebuild and keep the result as the case's latest rebuilt version (R24: declared,
    rebuilt and adjusted are all kept) when it differs from the one kept; returns the
    statement and the new snapshot's number (None: unchanged)."""
    require_worker(ctx, session, case_id)
    seen = _case_statement(ctx, session, case_id)
    at = ctx.stamp()
    with ctx.store.write():
        require_worker(ctx, session, case_id)
        _ensure_rules(ctx, at)
        return seen, _keep_snapshot(ctx, session, seen, at)


def latest_rebuilt(ctx: Context, session: Session, case_id: int) -> Snapshot | None:
    """The latest kept rebuilt statement, without rebuilding (lists, the board)."""
    require(session, Permission.VIEW_CASES)
    row = st_store.latest_snapshot(ctx.store, case_id)
    if row is None:
        return None
    months = tuple(tuple(m) for m in json.loads(row.months))
    return Snapshot(
        row.case_id, row.seq, row.at, row.rules_version, codec.loads(Financials, row.figures),
        codec.loads(tuple[Flag, ...], row.flags), months,  # type: ignore[arg-type]
    )  # fmt: skip
