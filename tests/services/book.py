"""A tiny hand-built book for service tests: cases placed in a stage at a known time."""

from __future__ import annotations

from datetime import datetime

from workstation.services.context import Context
from workstation.store import cases, users


def add_case(
    ctx: Context,
    stage: str,
    entered: datetime | None = None,
    *,
    officer_id: int | None = None,
    recommended_by: int | None = None,
    risk: str = "green",
    partner_bank: str | None = None,
    history: tuple[tuple[str, str, str], ...] = (),
) -> int:
    """One customer and case standing in ``stage`` since ``entered`` (default: now).

    ``history`` is the moves that brought it there, as (from, to, action); the version is
    one more than the moves after the receipt, as the pipeline keeps it.
    """
    at = (entered or ctx.clock.now()).isoformat(timespec="seconds")
    with ctx.store.write():
        system = users.system_user_id(ctx.store, at)
        customer = cases.insert_customer(
            ctx.store,
            kind="off_platform" if partner_bank else "platform",
            business_name="杭州鑫源服饰商行",
            credit_code="91350100M000100Y43",
            owner_name="王伟",
            owner_id_number="11010519491231002X",
            owner_phone="13812345678",
            partner_bank=partner_bank,
            created_at=at,
        )
        case_id = cases.insert_case(
            ctx.store,
            customer_id=customer,
            product="credit",
            amount_fen=8_000_000,
            stage=stage,
            stage_entered_at=at,
            officer_id=officer_id,
            recommended_by=recommended_by,
            risk=risk,
            version=1 + len(history),
            created_at=at,
            updated_at=at,
        )
        cases.insert_move(ctx.store, case_id, None, "application", "receive", system, at)
        for source, target, action in history:
            cases.insert_move(ctx.store, case_id, source, target, action, system, at)
    return case_id


def dump(ctx: Context) -> dict[str, list[tuple]]:
    """Every row of every table, to prove a refusal changed nothing."""
    tables = [
        r[0]
        for r in ctx.store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    return {
        # sorted in Python: WITHOUT ROWID tables (the ledger) have no rowid to order by
        t: sorted(ctx.store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        for t in tables
    }


def version_of(ctx: Context, case_id: int) -> int:
    return int(
        ctx.store.conn.execute("SELECT version FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    )
