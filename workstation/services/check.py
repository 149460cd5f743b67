"""The ``check`` command: is the database sound and does it agree with the rules?"""

from __future__ import annotations

from datetime import date

from workstation.domain.ledger import Refusal, derive
from workstation.domain.people import Role
from workstation.domain.stages import MOVES, Action, Stage
from workstation.services.context import Context
from workstation.store import checks, loan_codec
from workstation.store import loans as loan_store


def consistency_problems(ctx: Context) -> list[str]:
    """Every problem found, as a line for a person; empty when all is well."""
    problems = checks.integrity_problems(ctx.store)
    if problems:
        return problems  # nothing else is worth reading in a damaged file
    for case_id, stage, last in checks.cases_out_of_step_with_history(ctx.store):
        problems.append(f"case {case_id} is in {stage} but its last move reached {last}")
    for case_id in checks.cases_without_history(ctx.store):
        problems.append(f"case {case_id} has no stage history")
    for case_id in checks.stage_entry_mismatches(ctx.store):
        problems.append(f"case {case_id}: time entered stage differs from its last move")
    allowed = {(m.source.value, m.target.value, m.action.value) for m in MOVES}
    roles_for = {(m.source.value, m.action.value): m.roles for m in MOVES}
    for source, target, action, role in checks.move_pairs(ctx.store):
        if action == Action.RECEIVE.value:
            if source is not None or target != Stage.APPLICATION.value:
                problems.append(f"an application was received into {target}")
            continue
        if (source, target, action) not in allowed:
            problems.append(f"history holds a move the line forbids: {source} -{action}-> {target}")
        elif Role(role) not in roles_for[(source, action)]:
            problems.append(f"a {role} made a move reserved to others: {source} -{action}->")
    problems.extend(ledger_problems(ctx))
    return problems


def ledger_problems(ctx: Context, limit: int = 20) -> list[str]:
    """Every loan's cached state against a fresh derivation from its ledger rows: the cache
    is a convenience, the rows are the truth."""
    problems: list[str] = []
    for case_id in loan_store.active_loan_ids(ctx.store):
        row = loan_store.loan(ctx.store, case_id)
        if row is None:
            continue
        cached = loan_codec.decode_state(row.state)
        derived = derive(
            str(case_id),
            date.fromisoformat(row.opened_on),
            loan_store.draws_of(ctx.store, case_id),
            (line.entry for line in loan_store.ledger_of(ctx.store, case_id)),
            through=cached.accrued_through,
        )
        if isinstance(derived, Refusal):
            problems.append(f"loan {case_id}: its ledger does not add up ({derived.reason})")
        elif derived != cached:
            problems.append(f"loan {case_id}: the cached balances differ from its ledger")
        elif row.principal_fen != cached.principal_fen:
            problems.append(f"loan {case_id}: the principal column differs from its ledger")
        if len(problems) >= limit:
            break
    return problems
