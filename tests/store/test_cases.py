"""Cases in the store: optimistic locking, history, and what a stale write leaves behind."""

from __future__ import annotations

import pytest

from workstation.store import cases, users
from workstation.store.cases import NoSuchCase, StaleCase
from workstation.store.db import Store, open_store

AT = "2026-11-26T10:00:00"
LATER = "2026-11-26T11:30:00"


@pytest.fixture
def store(db_path) -> Store:  # type: ignore[no-untyped-def]
    store = open_store(db_path)
    yield store
    store.close()


def _one_case(store: Store) -> tuple[int, int, int]:
    with store.write():
        li = users.insert_user(store, "li.inv", "李调查", "investigator", "!", AT)
        wang = users.insert_user(store, "wang.sup", "王主管", "supervisor", "!", AT)
        customer = cases.insert_customer(
            store,
            kind="platform",
            business_name="杭州鑫源服饰商行",
            credit_code="91350100M000100Y43",
            owner_name="王伟",
            owner_id_number="11010519491231002X",
            owner_phone="13800000000",
            created_at=AT,
        )
        case_id = cases.insert_case(
            store,
            customer_id=customer,
            product="credit",
            amount_fen=5_000_000,
            stage="investigation",
            stage_entered_at=AT,
            created_at=AT,
            updated_at=AT,
        )
        cases.insert_move(store, case_id, None, "application", "receive", li, AT)
    return case_id, li, wang


def _row(store: Store, case_id: int) -> tuple:
    return store.conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()


def test_update_with_the_read_version_bumps_it(store: Store) -> None:
    case_id, li, _ = _one_case(store)
    with store.write():
        assert cases.update_case(store, case_id, 1, li, LATER, officer_id=li) == 2
    record = cases.case_by_id(store, case_id)
    assert (record.version, record.officer_id, record.officer_name) == (2, li, "李调查")
    assert (record.updated_at, record.updated_by_name) == (LATER, "李调查")


def test_stale_version_raises_names_who_and_changes_nothing(store: Store) -> None:
    case_id, li, wang = _one_case(store)
    with store.write():
        cases.update_case(store, case_id, 1, wang, LATER, risk="amber")
    before = _row(store, case_id)
    with pytest.raises(StaleCase) as stale:
        with store.write():
            cases.update_case(store, case_id, 1, li, "2026-11-26T12:00:00", stage="approval")
    assert (stale.value.changed_by, stale.value.changed_at) == ("王主管", LATER)
    assert _row(store, case_id) == before


def test_unknown_fields_are_refused(store: Store) -> None:
    case_id, li, _ = _one_case(store)
    before = _row(store, case_id)
    with pytest.raises(ValueError, match="amount_fen"):
        cases.update_case(store, case_id, 1, li, LATER, amount_fen=1)
    assert _row(store, case_id) == before


def test_missing_case(store: Store) -> None:
    _one_case(store)
    with pytest.raises(NoSuchCase):
        cases.case_by_id(store, 999)
    with pytest.raises(NoSuchCase):
        cases.update_case(store, 999, 1, 1, LATER, risk="red")


def test_history_in_order_with_names(store: Store) -> None:
    case_id, li, wang = _one_case(store)
    with store.write():
        cases.insert_move(store, case_id, "application", "rating", "submit", li, LATER)
        cases.insert_move(store, case_id, "rating", "declined", "decline", wang, LATER, "E")
    history = cases.case_history(store, case_id)
    assert [(m.from_stage, m.to_stage, m.actor_name, m.reason) for m in history] == [
        (None, "application", "李调查", ""),
        ("application", "rating", "李调查", ""),
        ("rating", "declined", "王主管", "E"),
    ]


def test_schema_refuses_impossible_values(store: Store) -> None:
    import sqlite3

    case_id, li, _ = _one_case(store)
    for column, value in (("stage", "limbo"), ("risk", "purple"), ("tier", "Z")):
        with pytest.raises(sqlite3.IntegrityError):
            with store.write():
                store.conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (value, case_id))
    with pytest.raises(sqlite3.IntegrityError):
        with store.write():
            cases.insert_move(store, case_id, "rating", "approval", "x", 999, LATER)
