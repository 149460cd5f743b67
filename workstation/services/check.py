"""The ``check`` command: is the database sound and does it agree with the rules?"""

from __future__ import annotations

from workstation.domain.people import Role
from workstation.domain.stages import MOVES, Action, Stage
from workstation.services.context import Context
from workstation.store import checks


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
    return problems
