"""The case list's text search takes whatever an officer types or pastes."""

from __future__ import annotations

import pytest

from tests.services.book import add_case
from workstation.services.context import Context
from workstation.store.board import CaseQuery, case_ids


def _named(ctx: Context, name: str) -> int:
    case_id = add_case(ctx, "investigation")
    with ctx.store.write():
        ctx.store.conn.execute(
            "UPDATE customers SET business_name = ? WHERE id = "
            "(SELECT customer_id FROM cases WHERE id = ?)",
            (name, case_id),
        )
    return case_id


@pytest.mark.parametrize("typed", ["①", "²", "12345678901234567890123", "\\", "'; DROP TABLE x"])
def test_odd_input_is_searched_not_crashed_on(ctx: Context, people, typed: str) -> None:
    _named(ctx, "杭州鑫源服饰商行")
    assert case_ids(ctx.store, CaseQuery(text=typed)) == []


def test_percent_and_underscore_match_themselves(ctx: Context, people) -> None:
    percent = _named(ctx, "百分百100%商行")
    underscore = _named(ctx, "a_b 贸易")
    _named(ctx, "aXb 贸易")  # would match a wildcard _
    assert case_ids(ctx.store, CaseQuery(text="100%")) == [percent]
    assert case_ids(ctx.store, CaseQuery(text="a_b")) == [underscore]
    assert case_ids(ctx.store, CaseQuery(text="%")) == [percent]


def test_a_case_number_finds_the_case(ctx: Context, people) -> None:
    wanted = _named(ctx, "宁波恒达五金")
    assert wanted in case_ids(ctx.store, CaseQuery(text=str(wanted)))
