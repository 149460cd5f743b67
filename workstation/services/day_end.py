"""The close of day (日终): accrue, post interest and penalty where due, move loans past due
into overdue (R8, R10, R30), close loans repaid after their period.

Only loans with something to do are visited: each loan carries the next date it has a
posting or a closing (``next_event_on``); between events a loan only accrues, which is
kept as day-sums and needs no row. So a night's cost grows with the postings due that
night, not with the number of loans or the days they have lived.

Idempotent and resumable: loans are taken in batches, each batch one transaction; a loan
done is no longer due, so a second run (or a run after a crash) takes only what is left.
The last day-end's date is recorded when every due loan is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from workstation.domain import postings
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Role
from workstation.domain.stages import Action, Stage
from workstation.services import pipeline
from workstation.services.context import Context, Session
from workstation.store import loan_codec
from workstation.store import loans as loan_store
from workstation.store import users as user_store

BATCH = 5000
_OVERDUE_FROM = (Stage.MONITORING.value, Stage.WARNING.value)
_SETTLE_FROM = (Stage.MONITORING.value, Stage.OVERDUE.value, Stage.WARNING.value)


@dataclass(frozen=True)
class DayEndResult:
    through: date
    loans: int  # loans visited (those with a posting or closing due)
    postings: int  # interest and penalty rows written
    overdue: int  # loans moved into overdue
    closed: int  # loans closed (repaid, period over)
    cancelled: bool = False


def _refuse(template: str, **params: object) -> RuleError:
    return RuleError(Message.of(template, **params))


def _check_may_run(session: Session) -> None:
    if session.role not in (Role.SUPERVISOR, Role.SYSTEM):
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Only a supervisor may run the close of day."))


def system_session(ctx: Context) -> Session:
    at = ctx.stamp()
    return Session(user_store.system_user_id(ctx.store, at), "system", "System", Role.SYSTEM)


def run_day_end(
    ctx: Context,
    session: Session,
    through: date,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = BATCH,
) -> DayEndResult:
    """Close every loan's books through ``through`` (not after today's business date).

    ``progress(done, total)`` is called after each batch; ``cancelled()`` is asked between
    batches: a cancelled run has committed whole batches and can simply be run again.
    """
    _check_may_run(session)
    today = ctx.clock.now().date()
    if through > today:
        raise _refuse(
            QT_TRANSLATE_NOOP("messages", "The close of day cannot run ahead of today ({today})."),
            today=today.isoformat(),
        )
    text = through.isoformat()
    with ctx.store.write():
        loan_store.start_day_end(ctx.store, text, ctx.stamp(), session.user_id)
        total = loan_store.count_loans_due(ctx.store, text)
    done = postings_n = overdue = closed = 0
    after = 0
    system = session if session.role == Role.SYSTEM else system_session(ctx)
    while True:
        if cancelled is not None and cancelled():
            return DayEndResult(through, done, postings_n, overdue, closed, cancelled=True)
        with ctx.store.write():
            rows = loan_store.loans_due(ctx.store, text, after, batch)
            if not rows:
                loan_store.finish_day_end(ctx.store, text, ctx.stamp())
                break
            counts = _close_batch(ctx, system, rows, through)
            loan_store.add_day_end_progress(ctx.store, text, len(rows), *counts[:2])
        after = rows[-1][0]
        done += len(rows)
        postings_n += counts[0]
        overdue += counts[1]
        closed += counts[2]
        if progress is not None:
            progress(done, max(total, done))
    return DayEndResult(through, done, postings_n, overdue, closed)


@dataclass
class _Batch:
    """What a batch of loans comes to, computed without the database: ledger rows, new
    states, and the cases to move."""

    entry_rows: list[tuple[Any, ...]]
    states: list[tuple[Any, ...]]
    to_overdue: list[tuple[int, int]]
    to_close: list[tuple[int, int, str]]


def compute_batch(rows: list[tuple[Any, ...]], through: date) -> _Batch:
    """The pure part of the close for ``rows`` (as ``loans_due`` gives them)."""
    out = _Batch([], [], [], [])
    day_end, overdue_since, next_event = (
        postings.day_end,
        postings.overdue_since,
        postings.next_event,
    )
    owes_nothing, fromiso, entry_row = (
        postings.owes_nothing,
        date.fromisoformat,
        loan_codec.entry_row,
    )
    for case_id, state_text, until_text, _since, stage, version in rows:
        posted = day_end(loan_codec.decode_state(state_text), through)
        state = posted.state
        for entry in posted.entries:
            out.entry_rows.append(entry_row(case_id, entry))
        until = fromiso(until_text)
        since = overdue_since(state, through)
        status = "active"
        if owes_nothing(state) and through >= until:
            status = "closed"
            out.to_close.append((case_id, version, stage))
        elif since is not None and stage in _OVERDUE_FROM:
            out.to_overdue.append((case_id, version))
        out.states.append(
            (
                loan_codec.encode_state(state),
                state.accrued_through.isoformat(),
                None if status == "closed" else _iso(next_event(state, until)),
                state.principal_fen,
                _iso(since),
                status,
                case_id,
            )
        )
    return out


def _close_batch(
    ctx: Context,
    system: Session,
    rows: list[tuple[Any, ...]],
    through: date,
) -> tuple[int, int, int]:
    """One batch inside the caller's transaction: postings, states, and the stage moves."""
    batch = compute_batch(rows, through)
    at = ctx.stamp()
    if batch.entry_rows:
        loan_store.append_rows(ctx.store, batch.entry_rows, at, system.user_id)
    loan_store.save_states(ctx.store, batch.states)
    pipeline.move_cases(ctx, system, batch.to_overdue, Action.MARK_OVERDUE, risk="red")
    for case_id, version, stage in batch.to_close:
        if stage in _SETTLE_FROM:
            pipeline.move_case(ctx, system, case_id, Action.SETTLE, version)
        elif stage == Stage.DISBURSEMENT.value:  # approved, never drawn, period over
            pipeline.move_case(ctx, system, case_id, Action.LAPSE, version)
    return len(batch.entry_rows), len(batch.to_overdue), len(batch.to_close)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def last_run(ctx: Context) -> dict[str, Any] | None:
    through = loan_store.day_end_through(ctx.store)
    if through is None:
        return None
    row = loan_store.day_end_run(ctx.store, through)
    if row is None:
        return {"through": through}
    keys = ("through", "started_at", "finished_at", "loans", "postings", "overdue")
    return dict(zip(keys, row, strict=True))


def due_tonight(ctx: Context, through: date) -> int:
    return loan_store.count_loans_due(ctx.store, through.isoformat())


def next_day(day: date) -> date:
    return day + timedelta(days=1)


__all__ = ["DayEndResult", "due_tonight", "last_run", "run_day_end", "system_session"]
