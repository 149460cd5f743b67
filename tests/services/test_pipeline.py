"""Moving, claiming and reassigning cases: who did what is recorded, a refusal changes nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.conftest import T0
from tests.services.book import add_case, dump, version_of
from workstation.domain import stages
from workstation.domain.messages import RuleError
from workstation.domain.stages import Action, Stage
from workstation.services import auth, pipeline
from workstation.services.context import Context, FixedClock, Session


def _moves(ctx: Context, case_id: int) -> list[tuple]:
    return ctx.store.conn.execute(
        "SELECT from_stage, to_stage, action, actor_id, at, reason FROM stage_moves "
        "WHERE case_id = ? AND action != 'receive' ORDER BY id",
        (case_id,),
    ).fetchall()


def test_move_records_who_when_from_to_why(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    li = people["li.inv"]
    case_id = add_case(ctx, "investigation", T0 - timedelta(hours=5))
    clock.advance(minutes=30)
    now = clock.now().isoformat()
    assert pipeline.move_case(ctx, li, case_id, Action.DECLINE, 1, "  账实不符  ") == (
        Stage.DECLINED
    )
    assert _moves(ctx, case_id) == [
        ("investigation", "declined", "decline", li.user_id, now, "账实不符")
    ]
    case = pipeline.case_detail(ctx, li, case_id).case
    assert (case.stage, case.stage_entered_at, case.version) == ("declined", now, 2)
    assert (case.updated_by_name, case.officer_id) == ("李调查", li.user_id)  # took it on
    audit = ctx.store.conn.execute(
        "SELECT actor_id, entity, entity_id, action, before, after, at FROM audit_events "
        "WHERE entity = 'case'"
    ).fetchall()
    assert len(audit) == 1
    actor, entity, entity_id, action, before, after, at = audit[0]
    assert (actor, entity, entity_id, action, at) == (
        li.user_id,
        "case",
        case_id,
        "move:decline",
        now,
    )
    assert json.loads(before) == {
        "stage": "investigation",
        "version": 1,
        "officer_id": None,
        "recommended_by": None,
    }
    assert json.loads(after) == {
        "stage": "declined",
        "version": 2,
        "officer_id": li.user_id,  # an investigator who moves an unassigned case takes it on
        "recommended_by": None,
        "reason": "账实不符",
    }


def test_a_case_walks_the_main_line(ctx: Context, people: dict[str, Session]) -> None:
    case_id = add_case(ctx, "application")
    steps = [
        ("li.inv", Action.SUBMIT, Stage.RATING),
        ("li.inv", Action.RATE, Stage.INVESTIGATION),
        ("li.inv", Action.RECOMMEND, Stage.APPROVAL),
        ("wang.sup", Action.APPROVE, Stage.DISBURSEMENT),
        ("liu.fin", Action.DISBURSE, Stage.MONITORING),
    ]
    for version, (who, action, target) in enumerate(steps, start=1):
        assert pipeline.move_case(ctx, people[who], case_id, action, version) == target
    assert version_of(ctx, case_id) == len(steps) + 1
    history = pipeline.case_detail(ctx, people["wang.sup"], case_id).history
    assert [(m.action, m.actor_name) for m in history] == [
        ("receive", "System"),
        ("submit", "李调查"),
        ("rate", "李调查"),
        ("recommend", "李调查"),
        ("approve", "王主管"),
        ("disburse", "刘财务"),
    ]


@pytest.mark.parametrize(
    ("who", "stage", "action", "reason", "message"),
    [
        ("li.inv", "approval", Action.APPROVE, "", "may not"),  # wrong role
        ("liu.fin", "investigation", Action.RECOMMEND, "", "may not"),
        ("admin", "application", Action.SUBMIT, "", "may not"),
        ("wang.sup", "closed", Action.SETTLE, "", "cannot be moved"),  # final stage
        ("li.inv", "investigation", Action.DECLINE, " ", "reason"),  # reason missing
        ("wang.sup", "overdue", Action.BLACKLIST, "", "reason"),
    ],
)
def test_refused_move_changes_nothing(
    ctx: Context,
    people: dict[str, Session],
    who: str,
    stage: str,
    action: Action,
    reason: str,
    message: str,
) -> None:
    case_id = add_case(ctx, stage)
    before = dump(ctx)
    with pytest.raises(RuleError, match=message):
        pipeline.move_case(ctx, people[who], case_id, action, 1, reason)
    assert dump(ctx) == before
    assert not ctx.store.conn.in_transaction


def test_stale_version_changes_nothing_and_says_who(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    case_id = add_case(ctx, "investigation")
    li, zhang = people["li.inv"], people["zhang.inv"]
    pipeline.move_case(ctx, li, case_id, Action.RECOMMEND, 1)
    clock.advance(minutes=5)
    before = dump(ctx)
    with pytest.raises(RuleError, match="李调查") as stale:
        pipeline.move_case(ctx, people["wang.sup"], case_id, Action.APPROVE, 1)
    assert "Nothing of yours was saved" in str(stale.value)
    with pytest.raises(RuleError):
        pipeline.move_case(ctx, zhang, case_id, Action.DECLINE, 1, "too late")
    assert dump(ctx) == before


def test_missing_case_is_a_clear_refusal(ctx: Context, people: dict[str, Session]) -> None:
    before = dump(ctx)
    with pytest.raises(RuleError, match="no case 4242"):
        pipeline.move_case(ctx, people["wang.sup"], 4242, Action.APPROVE, 1)
    assert dump(ctx) == before


def test_maker_checker_through_the_service(ctx: Context, people: dict[str, Session]) -> None:
    wang, zhou = people["wang.sup"], people["zhou.sup"]
    case_id = add_case(ctx, "investigation")
    pipeline.move_case(ctx, wang, case_id, Action.RECOMMEND, 1)  # a supervisor may recommend
    before = dump(ctx)
    with pytest.raises(RuleError, match="Maker"):
        pipeline.move_case(ctx, wang, case_id, Action.APPROVE, 2)
    assert dump(ctx) == before
    assert Action.APPROVE not in pipeline.case_detail(ctx, wang, case_id).allowed_actions
    assert pipeline.move_case(ctx, zhou, case_id, Action.APPROVE, 2) == Stage.DISBURSEMENT


def test_a_supervisor_who_sent_the_case_on_earlier_cannot_approve_it(
    ctx: Context, people: dict[str, Session]
) -> None:
    wang, zhou, li = people["wang.sup"], people["zhou.sup"], people["li.inv"]
    case_id = add_case(ctx, "rating")
    pipeline.move_case(ctx, wang, case_id, Action.RATE, 1)  # wang worked on it at rating
    pipeline.move_case(ctx, li, case_id, Action.RECOMMEND, 2)  # li recommends
    before = dump(ctx)
    with pytest.raises(RuleError, match="Maker"):
        pipeline.move_case(ctx, wang, case_id, Action.APPROVE, 3)
    assert dump(ctx) == before
    assert pipeline.move_case(ctx, zhou, case_id, Action.APPROVE, 3) == Stage.DISBURSEMENT


def test_investigator_cannot_move_anothers_case(ctx: Context, people: dict[str, Session]) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    case_id = add_case(ctx, "investigation", officer_id=li.user_id)
    before = dump(ctx)
    with pytest.raises(RuleError, match="another officer"):
        pipeline.move_case(ctx, zhang, case_id, Action.RECOMMEND, 1)
    assert dump(ctx) == before
    assert pipeline.case_detail(ctx, zhang, case_id).allowed_actions == ()
    assert pipeline.move_case(ctx, li, case_id, Action.RECOMMEND, 1) == Stage.APPROVAL


def test_bank_referred_case_refuses_system_warning(
    ctx: Context, people: dict[str, Session]
) -> None:
    from workstation.domain.people import Role
    from workstation.store import users

    system = users.system_user_id(ctx.store, ctx.stamp())
    robot = Session(system, "system", "System", Role.SYSTEM)
    referred = add_case(ctx, "monitoring", partner_bank="宁波银行")
    own = add_case(ctx, "monitoring")
    before = dump(ctx)
    with pytest.raises(RuleError, match="partner bank"):
        pipeline.move_case(ctx, robot, referred, Action.WARN, 1, "月销售额下降50%")
    assert dump(ctx) == before
    assert pipeline.move_case(ctx, robot, own, Action.WARN, 1, "月销售额下降50%") == Stage.WARNING


# --- claiming and reassigning -------------------------------------------------------------


def test_claim_takes_an_unassigned_case_once(ctx: Context, people: dict[str, Session]) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    case_id = add_case(ctx, "investigation")
    pipeline.claim_case(ctx, li, case_id, 1)
    detail = pipeline.case_detail(ctx, li, case_id)
    assert (detail.case.officer_id, detail.case.version, detail.may_claim) == (li.user_id, 2, False)
    audit = ctx.store.conn.execute(
        "SELECT actor_id, action, before, after FROM audit_events WHERE entity = 'case'"
    ).fetchall()
    assert audit == [
        (
            li.user_id,
            "claim",
            json.dumps({"officer_id": None}),
            json.dumps({"officer_id": li.user_id}),
        )
    ]
    before = dump(ctx)
    pipeline.claim_case(ctx, li, case_id, 2)  # claiming your own case again changes nothing
    assert dump(ctx) == before
    with pytest.raises(RuleError, match="already claimed"):
        pipeline.claim_case(ctx, zhang, case_id, 2)
    with pytest.raises(RuleError, match="changed by"):
        pipeline.claim_case(ctx, zhang, case_id, 1)
    assert dump(ctx) == before


@pytest.mark.parametrize(
    ("who", "stage", "message"),
    [
        ("liu.fin", "investigation", "cannot work on"),
        ("li.inv", "approval", "cannot work on"),
        ("li.inv", "closed", "cannot work on"),
        ("admin", "application", "may not"),
    ],
)
def test_claim_only_where_the_role_can_act(
    ctx: Context, people: dict[str, Session], who: str, stage: str, message: str
) -> None:
    case_id = add_case(ctx, stage)
    before = dump(ctx)
    with pytest.raises(RuleError, match=message):
        pipeline.claim_case(ctx, people[who], case_id, 1)
    assert dump(ctx) == before


def test_finance_claims_disbursement(ctx: Context, people: dict[str, Session]) -> None:
    case_id = add_case(ctx, "disbursement")
    assert pipeline.case_detail(ctx, people["liu.fin"], case_id).may_claim
    pipeline.claim_case(ctx, people["liu.fin"], case_id, 1)
    assert version_of(ctx, case_id) == 2


def test_supervisor_reassigns_with_audit(ctx: Context, people: dict[str, Session]) -> None:
    li, zhang, wang = people["li.inv"], people["zhang.inv"], people["wang.sup"]
    case_id = add_case(ctx, "investigation", officer_id=li.user_id)
    pipeline.reassign_case(ctx, wang, case_id, 1, zhang.user_id, "李休假")
    assert pipeline.case_detail(ctx, wang, case_id).case.officer_id == zhang.user_id
    pipeline.reassign_case(ctx, wang, case_id, 2, None, "back to the queue")
    assert pipeline.case_detail(ctx, wang, case_id).case.officer_id is None
    audit = ctx.store.conn.execute(
        "SELECT actor_id, action, before, after FROM audit_events WHERE entity = 'case' ORDER BY id"
    ).fetchall()
    assert [(a, act, json.loads(b), json.loads(c)) for a, act, b, c in audit] == [
        (
            wang.user_id,
            "reassign",
            {"officer_id": li.user_id},
            {"officer_id": zhang.user_id, "reason": "李休假"},
        ),
        (
            wang.user_id,
            "reassign",
            {"officer_id": zhang.user_id},
            {"officer_id": None, "reason": "back to the queue"},
        ),
    ]


def test_reassign_refusals_change_nothing(
    ctx: Context, people: dict[str, Session], clock: FixedClock
) -> None:
    li, zhang, wang = people["li.inv"], people["zhang.inv"], people["wang.sup"]
    admin = people["admin"]
    case_id = add_case(ctx, "investigation", officer_id=li.user_id)
    auth.set_active(ctx, admin, people["zhao.inv"].user_id, False)
    before = dump(ctx)
    with pytest.raises(RuleError, match="may not"):
        pipeline.reassign_case(ctx, li, case_id, 1, zhang.user_id)  # investigators cannot
    with pytest.raises(RuleError, match="cannot work on"):
        pipeline.reassign_case(ctx, wang, case_id, 1, people["liu.fin"].user_id)
    with pytest.raises(RuleError, match="cannot work on"):
        pipeline.reassign_case(ctx, wang, case_id, 1, people["zhao.inv"].user_id)  # off
    with pytest.raises(RuleError, match="cannot work on"):
        pipeline.reassign_case(ctx, wang, case_id, 1, admin.user_id)
    with pytest.raises(RuleError, match="changed by"):
        pipeline.reassign_case(ctx, wang, case_id, 7, zhang.user_id)
    assert dump(ctx) == before


def test_reassign_cases_reports_each_refusal(ctx: Context, people: dict[str, Session]) -> None:
    wang, zhang = people["wang.sup"], people["zhang.inv"]
    ok = add_case(ctx, "investigation")
    wrong_stage = add_case(ctx, "approval")
    stale = add_case(ctx, "rating")
    refused = pipeline.reassign_cases(ctx, wang, {ok: 1, wrong_stage: 1, stale: 3}, zhang.user_id)
    assert [case_id for case_id, _ in refused] == [wrong_stage, stale]
    assert pipeline.case_detail(ctx, wang, ok).case.officer_id == zhang.user_id
    assert pipeline.case_detail(ctx, wang, stale).case.officer_id is None


def test_assignable_officers_are_active_and_able(ctx: Context, people: dict[str, Session]) -> None:
    auth.set_active(ctx, people["admin"], people["zhao.inv"].user_id, False)
    names = {u.username for u in pipeline.assignable_officers(ctx, Stage.INVESTIGATION)}
    assert names == {"li.inv", "zhang.inv", "chen.inv", "wang.sup", "zhou.sup"}
    names = {u.username for u in pipeline.assignable_officers(ctx, Stage.DISBURSEMENT)}
    assert names == {"liu.fin", "wang.sup", "zhou.sup"}


# --- what the case page offers ---------------------------------------------------------------

ALLOWED_AT = {
    # stage: {user: actions offered}
    "investigation": {
        "li.inv": (Action.DECLINE, Action.RECOMMEND),
        "wang.sup": (Action.DECLINE, Action.RECOMMEND),
        "liu.fin": (),
        "admin": (),
    },
    "approval": {
        "li.inv": (),
        "wang.sup": (Action.DECLINE, Action.APPROVE, Action.SEND_BACK),
        "liu.fin": (),
        "admin": (),
    },
    "disbursement": {
        "li.inv": (),
        "wang.sup": (Action.SEND_BACK,),
        "liu.fin": (Action.SEND_BACK, Action.DISBURSE),
        "admin": (),
    },
    "monitoring": {
        "li.inv": (Action.WARN,),
        "wang.sup": (Action.MARK_OVERDUE, Action.WARN),
        "liu.fin": (Action.SETTLE, Action.MARK_OVERDUE),
        "admin": (),
    },
    "overdue": {
        "li.inv": (),
        "wang.sup": (Action.CURE, Action.START_RECOVERY, Action.BLACKLIST),
        "liu.fin": (Action.SETTLE, Action.CURE),
        "admin": (),
    },
    "closed": {"li.inv": (), "wang.sup": (), "liu.fin": (), "admin": ()},
}


@pytest.mark.parametrize("stage", sorted(ALLOWED_AT))
def test_case_detail_offers_what_each_role_may_do(
    ctx: Context, people: dict[str, Session], stage: str
) -> None:
    case_id = add_case(ctx, stage)
    for who, expected in ALLOWED_AT[stage].items():
        detail = pipeline.case_detail(ctx, people[who], case_id)
        assert set(detail.allowed_actions) == set(expected), (stage, who)
        for action in detail.allowed_actions:  # everything offered really goes through
            assert action in expected


def test_case_detail_permissions(ctx: Context, people: dict[str, Session]) -> None:
    case_id = add_case(ctx, "investigation")
    sup = pipeline.case_detail(ctx, people["wang.sup"], case_id)
    inv = pipeline.case_detail(ctx, people["li.inv"], case_id)
    fin = pipeline.case_detail(ctx, people["liu.fin"], case_id)
    assert (sup.may_claim, sup.may_reassign, sup.may_reveal) == (True, True, True)
    assert (inv.may_claim, inv.may_reassign, inv.may_reveal) == (True, False, False)
    assert (fin.may_claim, fin.may_reassign, fin.may_reveal) == (False, False, False)


def test_reveal_is_audited_and_refused_to_investigators(
    ctx: Context, people: dict[str, Session]
) -> None:
    case_id = add_case(ctx, "investigation")
    before = dump(ctx)
    with pytest.raises(RuleError, match="may not"):
        pipeline.reveal_personal_data(ctx, people["li.inv"], case_id, "owner_id_number")
    assert dump(ctx) == before
    wang = people["wang.sup"]
    assert pipeline.reveal_personal_data(ctx, wang, case_id, "owner_id_number") == (
        "11010519491231002X"
    )
    assert ctx.store.conn.execute(
        "SELECT actor_id, action, after FROM audit_events WHERE entity = 'case'"
    ).fetchall() == [(wang.user_id, "reveal", json.dumps({"field": "owner_id_number"}))]


def test_a_case_leaves_the_work_list_of_someone_who_cannot_act_in_its_new_stage(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = add_case(ctx, "rating")
    pipeline.move_case(ctx, li, case_id, Action.RATE, 1)
    assert pipeline.case_detail(ctx, li, case_id).case.officer_id == li.user_id  # still li's
    pipeline.move_case(ctx, li, case_id, Action.RECOMMEND, 2)
    case = pipeline.case_detail(ctx, wang, case_id).case
    assert (case.stage, case.officer_id) == ("approval", None)  # waits in the approval queue
    pipeline.claim_case(ctx, wang, case_id, case.version)
    pipeline.move_case(ctx, wang, case_id, Action.SEND_BACK, case.version + 1, "补充流水")
    case = pipeline.case_detail(ctx, wang, case_id).case
    assert (case.stage, case.officer_id) == ("investigation", li.user_id)  # back to its maker
    pipeline.move_case(ctx, li, case_id, Action.RECOMMEND, case.version)  # li can act again
    audit = ctx.store.conn.execute(
        "SELECT before, after FROM audit_events WHERE entity_id = ? AND action = ? ",
        (case_id, "move:recommend"),
    ).fetchall()[-1]
    assert json.loads(audit[0])["officer_id"] == li.user_id
    assert json.loads(audit[1])["officer_id"] is None  # the audit shows the hand-over


def test_finance_cannot_disburse_a_case_another_finance_officer_holds(
    ctx: Context, people: dict[str, Session]
) -> None:
    from workstation.domain.people import Role
    from workstation.store import users

    liu, wang = people["liu.fin"], people["wang.sup"]
    with ctx.store.write():
        wu_id = users.insert_user(ctx.store, "wu.fin", "吴财务", "finance", "!", "2026-11-26")
    wu = Session(wu_id, "wu.fin", "吴财务", Role.FINANCE)
    case_id = add_case(ctx, "disbursement")
    pipeline.claim_case(ctx, liu, case_id, 1)
    before = dump(ctx)
    with pytest.raises(RuleError, match="another officer"):
        pipeline.move_case(ctx, wu, case_id, Action.DISBURSE, 2)
    assert dump(ctx) == before
    assert Action.DISBURSE not in pipeline.case_detail(ctx, wu, case_id).allowed_actions
    assert Action.SEND_BACK in pipeline.case_detail(ctx, wang, case_id).allowed_actions


def test_reassigning_to_the_current_holder_changes_nothing(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = add_case(ctx, "investigation", officer_id=li.user_id)
    before = dump(ctx)
    pipeline.reassign_case(ctx, wang, case_id, 1, li.user_id)
    assert dump(ctx) == before  # no new version to trip li's open page


def test_finance_books_a_loan_an_investigator_watches(people: dict[str, Session]) -> None:
    """Finance records what the ledger says on any loan (found in review: it was refused on
    every loan an investigator held in monitoring); other moves stay the holder's."""
    li, liu = people["li.inv"], people["liu.fin"]
    facts = stages.CaseFacts(Stage.MONITORING, officer_id=li.user_id)
    finance = stages.Actor(liu.user_id, liu.role)
    assert stages.check_move(facts, Action.MARK_OVERDUE, finance) is Stage.OVERDUE
    other = stages.CaseFacts(Stage.DISBURSEMENT, officer_id=li.user_id)
    with pytest.raises(RuleError, match="work list"):
        stages.check_move(other, Action.DISBURSE, finance)


def test_an_application_goes_to_investigation_only_on_a_decision_that_does_not_decline(
    ctx: Context, people: dict[str, Session]
) -> None:
    """Found in review: a hand 'send to investigation' skipped the scorecard and blacklist."""
    from tests.services.test_rating import _ready
    from workstation.services import rescore

    li, wang = people["li.inv"], people["wang.sup"]
    case_id = _ready(ctx, li)  # an application with consent, not yet submitted
    pipeline.move_case(ctx, li, case_id, Action.SUBMIT, version_of(ctx, case_id))
    before = dump(ctx)
    with pytest.raises(RuleError, match="no rating decision"):
        pipeline.move_case(ctx, wang, case_id, Action.RATE, version_of(ctx, case_id))
    assert dump(ctx) == before
    rescore.rescore_case(ctx, wang, case_id)  # the rules speak: a good application
    stage = pipeline.case_detail(ctx, wang, case_id).case.stage
    if stage == "rating":  # re-scoring records the decision; the hand move is now allowed
        pipeline.move_case(ctx, wang, case_id, Action.RATE, version_of(ctx, case_id))
    assert pipeline.case_detail(ctx, wang, case_id).case.stage == "investigation"
