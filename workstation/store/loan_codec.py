"""A loan's cached state as compact JSON, and ledger rows to and from ``Entry``.

The cache is read for every loan a day-end touches (100,000 on a busy night), so it is a
flat JSON array of integers and short strings: dates as ordinals, rates as their exact
decimal text (each text parsed once per process). It carries the draw terms, so restoring a
state needs no second query. The ledger rows stay the truth: ``check`` derives every state
from them and compares.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from workstation.domain.ledger import (
    AllocationPart,
    Bucket,
    DrawState,
    DrawTerms,
    Due,
    Entry,
    EntryKind,
    LoanState,
)
from workstation.domain.schedule import Plan

FORMAT = 1  # bumped when the layout changes; an unknown format is re-derived, not read


@lru_cache(maxsize=256)
def _rate(text: str) -> Decimal:
    return Decimal(text)


def _dues(dues: tuple[Due, ...]) -> list[int]:
    flat: list[int] = []
    for due in dues:
        flat.append(due.due_on.toordinal())
        flat.append(due.amount_fen)
    return flat


def _undues(flat: list[int]) -> tuple[Due, ...]:
    fromordinal = date.fromordinal
    return tuple(Due(fromordinal(flat[i]), flat[i + 1]) for i in range(0, len(flat), 2))


def encode_state(state: LoanState) -> str:
    draws = [
        [
            d.terms.draw_id,
            d.terms.drawn_on.toordinal(),
            d.terms.amount_fen,
            str(d.terms.daily_rate),
            d.terms.term_months,
            d.terms.plan.value,
            d.principal_fen,
            d.interest_day_sum,
            d.penalty_day_sum,
            _dues(d.interest_due),
            _dues(d.penalty_due),
        ]
        for d in state.draws
    ]
    return json.dumps(
        [
            FORMAT,
            state.loan_id,
            state.accrued_through.toordinal(),
            state.credit_fen,
            state.next_seq,
            sorted(state.reversed_seqs),
            draws,
        ],
        separators=(",", ":"),
    )


class CacheFormatError(ValueError):
    """The cached state was written in a layout this program does not read."""


def decode_state(text: str) -> LoanState:
    data: list[Any] = json.loads(text)
    if data[0] != FORMAT:
        raise CacheFormatError(data[0])
    _, loan_id, through, credit, next_seq, reversed_seqs, draws = data
    fromordinal = date.fromordinal
    return LoanState(
        loan_id=loan_id,
        accrued_through=fromordinal(through),
        draws=tuple(
            DrawState(
                DrawTerms(d[0], fromordinal(d[1]), d[2], _rate(d[3]), d[4], Plan(d[5])),
                d[6],
                d[7],
                d[8],
                _undues(d[9]),
                _undues(d[10]),
            )
            for d in draws
        ),
        credit_fen=credit,
        next_seq=next_seq,
        reversed_seqs=frozenset(reversed_seqs),
    )


# --- ledger rows ------------------------------------------------------------------------------

ENTRY_COLUMNS = (
    "case_id, seq, kind, on_date, amount_fen, draw_id, day_sum, due_on, reverses, reversed_kind"
)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def entry_row(case_id: int, entry: Entry) -> tuple[Any, ...]:
    return (
        case_id,
        entry.seq,
        entry.kind.value,
        entry.on.isoformat(),
        entry.amount_fen,
        entry.draw_id,
        entry.day_sum,
        _iso(entry.due_on),
        entry.reverses,
        None if entry.reversed_kind is None else entry.reversed_kind.value,
    )


def part_rows(case_id: int, entry: Entry) -> list[tuple[Any, ...]]:
    return [
        (case_id, entry.seq, n, p.bucket.value, p.amount_fen, p.draw_id, _iso(p.due_on))
        for n, p in enumerate(entry.parts, start=1)
    ]


def entry_from_row(
    loan_id: str, row: tuple[Any, ...], parts: tuple[AllocationPart, ...] = ()
) -> Entry:
    _, seq, kind, on, amount, draw_id, day_sum, due_on, reverses, reversed_kind = row
    return Entry(
        loan_id=loan_id,
        seq=seq,
        kind=EntryKind(kind),
        on=date.fromisoformat(on),
        amount_fen=amount,
        draw_id=draw_id,
        day_sum=day_sum,
        due_on=_day(due_on),
        parts=parts,
        reverses=reverses,
        reversed_kind=None if reversed_kind is None else EntryKind(reversed_kind),
    )


def part_from_row(row: tuple[Any, ...]) -> AllocationPart:
    bucket, amount, draw_id, due_on = row
    return AllocationPart(Bucket(bucket), amount, draw_id, _day(due_on))


def terms_from_row(row: tuple[Any, ...]) -> DrawTerms:
    draw_id, drawn_on, amount, rate, term, plan = row
    return DrawTerms(draw_id, date.fromisoformat(drawn_on), amount, _rate(rate), term, Plan(plan))
