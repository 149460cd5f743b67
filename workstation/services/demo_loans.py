"""Demo loans with months of real ledger history, made by the same services as the window.

A clock is set back ``DAYS`` days and walked forward to the demo's "now": on the first
days investigators recommend and supervisors approve (within their authority, some needing
a second signature), finance draws, and every night the close of day runs. Customers
follow a habit: on time, early, late by a week or two, partly, or not at all, so the book
ends with loans in monitoring, a few in each overdue class and some settled.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from workstation.domain.approval import LoanTerms
from workstation.domain.interview import CHECKLIST, InterviewMode, required_documents
from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.domain.schedule import Plan
from workstation.services import approval, day_end, investigation, loans, pipeline
from workstation.services.context import Context, FixedClock, Session
from workstation.store import cases as case_store
from workstation.store import loans as loan_store
from workstation.store import users as user_store

DAYS = 190
HABITS = ("on_time",) * 5 + ("early",) * 2 + ("late",) * 2 + ("partial", "never", "never_late")
NAMES = (
    "义乌晨光小商品行", "杭州西溪茶叶店", "温州鹿城鞋业", "宁波江北五金", "绍兴柯桥布行",
    "嘉兴南湖粽子铺", "湖州织里童装", "金华永康工具", "台州路桥电器", "丽水青田石雕",
    "衢州江山蜂蜜", "舟山普陀海鲜", "苏州吴江丝绸", "无锡宜兴紫砂", "常州武进灯具",
    "南通海门家纺", "扬州江都玩具", "泉州晋江运动鞋", "厦门思明茶饮", "福州仓山电商",
)  # fmt: skip


@dataclass(frozen=True)
class DemoLoansSummary:
    loans: int
    ledger_rows: int
    overdue: int
    closed: int


def _session(ctx: Context, username: str) -> Session:
    row = user_store.user_by_name(ctx.store, username)
    assert row is not None
    return Session(row.id, row.username, row.display_name, Role(row.role))


def _new_case(ctx: Context, rng: random.Random, n: int, officer: Session, at: str) -> int:
    """A customer and a case standing in investigation (the application and rating are the
    other demo's subject), held by ``officer``."""
    system = user_store.system_user_id(ctx.store, at)
    with ctx.store.write():
        customer = case_store.insert_customer(
            ctx.store,
            kind="platform" if n % 4 else "off_platform",
            business_name=NAMES[n % len(NAMES)]
            + ("" if n < len(NAMES) else f"{n // len(NAMES)}号店"),
            credit_code=f"9133{n:014d}",
            owner_name=rng.choice(("王", "李", "张", "刘", "陈"))
            + rng.choice(("伟", "芳", "敏", "静")),
            owner_id_number=f"3301{rng.randrange(10**13, 10**14)}",
            owner_phone=f"139{rng.randrange(10**7, 10**8)}",
            industry=rng.choice(("服装服饰", "食品饮料", "五金工具", "家居家纺")),
            region="浙江",
            created_at=at,
        )
        case_id = case_store.insert_case(
            ctx.store,
            customer_id=customer,
            product="credit",
            amount_fen=rng.choice((50_000, 80_000, 120_000, 200_000, 300_000)) * 100,
            stage="investigation",
            stage_entered_at=at,
            officer_id=officer.user_id,
            risk="green",
            version=3,
            created_at=at,
            updated_at=at,
        )
        case_store.insert_move(ctx.store, case_id, None, "application", "receive", system, at)
        case_store.insert_move(
            ctx.store, case_id, "application", "rating", "submit", officer.user_id, at
        )
        case_store.insert_move(ctx.store, case_id, "rating", "investigation", "rate", system, at)
    return case_id


def _investigate(ctx: Context, inv: Session, case_id: int, rng: random.Random) -> None:
    """The video interview and the documents (R23), as the investigator records them."""
    held = ctx.clock.now() - timedelta(hours=rng.randrange(1, 5))
    checked = frozenset(CHECKLIST[: rng.randrange(3, len(CHECKLIST) + 1)])
    note = rng.choice(
        (
            "视频面谈:店主本人,出示营业执照与库存,经营稳定。",
            "视频看店:门店与仓库实景,进货渠道清楚,贷款用于备货。",
            "在线面谈:身份核实无误,说明主要客户与结算周期。",
        )
    )
    investigation.record_interview(ctx, inv, case_id, held, InterviewMode.VIDEO, checked, note)
    for kind in required_documents(pipeline.load_case(ctx, case_id).kind):
        investigation.mark_received(ctx, inv, case_id, kind, "originals seen on the video call")


def _version(ctx: Context, case_id: int) -> int:
    return pipeline.load_case(ctx, case_id).version


def _loan_version(ctx: Context, case_id: int) -> int:
    row = loan_store.loan(ctx.store, case_id)
    assert row is not None
    return row.version


def build_demo_loans(ctx: Context, count: int = 40, seed: int = 20121) -> DemoLoansSummary:
    """Add ``count`` loans whose history runs from ``DAYS`` days before the demo's now."""
    rng = random.Random(seed)
    now = ctx.clock.now()
    start = datetime.combine((now - timedelta(days=DAYS)).date(), time(9, 30))
    clock = FixedClock(start)
    sim = Context(ctx.store, clock)
    admin, wang, zhou = (_session(sim, u) for u in ("admin", "wang.sup", "zhou.sup"))
    fin = _session(sim, "liu.fin")
    investigators = [_session(sim, u) for u in ("li.inv", "zhang.inv", "chen.inv", "zhao.inv")]
    approval.set_authority(sim, admin, wang.user_id, 150_000 * 100)
    approval.set_authority(sim, admin, zhou.user_id, 500_000 * 100)
    habits: dict[int, str] = {}
    opened_day: dict[int, int] = {}
    for n in range(count):
        opened_day[n] = rng.randrange(0, DAYS - 20)
    cases: dict[int, int] = {}
    for day in range(DAYS):
        today = clock.now().date()
        for n in [k for k, d in opened_day.items() if d == day]:
            inv = investigators[n % len(investigators)]
            case_id = _new_case(sim, rng, n, inv, sim.stamp())
            _investigate(sim, inv, case_id, rng)
            terms = approval.suggested_terms(sim, inv, case_id)
            product = terms.product
            rate = Decimal("0.0006") if product == "credit" else Decimal("0.0005")
            plan = Plan.EQUAL_PRINCIPAL if n % 3 == 0 else Plan.INTEREST_MONTHLY
            terms = LoanTerms(product, terms.limit_fen, rate, 12, plan)
            approval.recommend(sim, inv, case_id, _version(sim, case_id), terms)
            first = wang if n % 2 else zhou
            approval.approve(sim, first, case_id, _version(sim, case_id))
            if not approval.approval_state(sim, case_id).complete:
                approval.approve(sim, zhou, case_id, _version(sim, case_id))
            months = rng.choice((2, 3, 6, 6, 9))
            amount = terms.limit_fen * rng.choice((5, 8, 10)) // 10
            loans.disburse(sim, fin, case_id, _loan_version(sim, case_id), amount, months)
            cases[case_id] = n
            habits[case_id] = rng.choice(HABITS)
        for case_id in cases:
            _customer_pays(sim, fin, case_id, habits[case_id], rng)
        clock.moment = datetime.combine(today, time(21, 0))
        day_end.run_day_end(sim, wang, today)
        clock.moment = datetime.combine(today + timedelta(days=1), time(9, 30))
    rows = loan_store.entry_count(ctx.store)
    stages = loan_store.loans_by_stage(ctx.store)
    return DemoLoansSummary(len(cases), rows, stages.get("overdue", 0), stages.get("closed", 0))


_LANE_SHOPS = (
    "淘宝·义乌饰品小铺", "天猫·杭州茶礼", "淘宝·温州童鞋", "1688·绍兴面料",
    "淘宝·宁波厨具", "天猫·金华火腿", "淘宝·嘉兴粽香", "1688·永康五金",
)  # fmt: skip


def lane_applications(ctx: Context, count: int = 6, seed: int = 20121) -> int:
    """Small clean platform applications keyed in, consented and submitted through the
    intake service, which the straight-through lane approves (R39) in the same step; a few
    hours apart over the last days, so the board's lane count has something to show."""
    from workstation.domain.application import (
        Application,
        Business,
        CustomerKind,
        DownstreamCustomer,
        Financials,
        PlatformData,
        Product,
    )  # fmt: skip
    from workstation.domain.identifiers import id_check_char, uscc_check_char
    from workstation.services import intake

    rng = random.Random(seed + 39)
    real = ctx.clock.now()
    clock = FixedClock(real)
    sim = Context(ctx.store, clock)
    inv = _session(sim, "li.inv")
    lane = 0
    for n in range(count):
        clock.moment = real - timedelta(days=count - n, hours=rng.randrange(0, 6))
        born = f"199{rng.randrange(0, 9)}0{rng.randrange(1, 9)}1{rng.randrange(0, 9)}"
        id17 = f"330102{born}{rng.randrange(100, 999)}"
        code17 = f"9133010{rng.randrange(10**9, 10**10)}"
        sales = rng.randrange(1_500_000, 3_000_000) * 100
        app = Application(
            business=Business(
                CustomerKind.PLATFORM,
                _LANE_SHOPS[n % len(_LANE_SHOPS)],
                code17 + uscc_check_char(code17),
                rng.choice(("周", "吴", "郑", "孙")) + rng.choice(("磊", "婷", "洋", "静")),
                id17 + id_check_char(id17),
                f"137{rng.randrange(10**7, 10**8)}",
                industry="服装服饰",
                region="杭州",
                platform_account=f"tb_{rng.randrange(10**7, 10**8)}",
            ),
            product=Product.CREDIT,
            amount_fen=rng.choice((20_000, 30_000, 40_000)) * 100,
            financials=Financials(
                annual_sales_fen=sales,
                operating_cost_fen=sales * 80 // 100,
                net_profit_margin=Decimal("0.09"),
                inventory_fen=sales // 12,
                total_assets_fen=sales * 40 // 100,
                total_liabilities_fen=sales * 12 // 100,
                accounts_receivable_fen=sales // 24,
                sales_growth=Decimal("0.25"),
                platform_share_of_sales=Decimal("0.8"),
                top_customers=(
                    DownstreamCustomer("义乌优品", 4, Decimal("0.15")),
                    DownstreamCustomer("宁波万家", 3, Decimal("0.10")),
                ),
            ),
            platform=PlatformData(
                order_count=rng.randrange(6000, 12000),
                seller_dsr=Decimal("4.8"),
                active_days_per_month=Decimal("26"),
            ),
        )
        case_id = intake.new_application(sim, inv, app)
        version = intake.record_consent(sim, inv, case_id, "APP勾选授权", _version(sim, case_id))
        intake.submit_application(sim, inv, case_id, version)
        lane += approval.approval_state(sim, case_id).proposal is not None
    return lane


def recommend_waiting_cases(ctx: Context) -> int:
    """Give the demo's cases already waiting in approval the terms their investigator
    recommended (from their rating), so the checker's inbox has work to sign."""
    viewer = _session(ctx, "wang.sup")
    waiting = loan_store.approval_cases_without_terms(ctx.store)
    with ctx.store.write():
        for case_id, by, at in waiting:
            terms = approval.suggested_terms(ctx, viewer, case_id)
            if by is None or terms.limit_fen <= 0:
                continue
            _recommended(ctx, case_id, by, at, terms)
    return len(waiting)


def _recommended(ctx: Context, case_id: int, by: int, at: str, terms: LoanTerms) -> int:
    """The investigator's recommendation of ``terms``, stored as made at ``at``; its id."""
    return loan_store.insert_recommendation(
        ctx.store,
        case_id=case_id,
        at=at,
        by_user=by,
        product=terms.product,
        limit_fen=terms.limit_fen,
        daily_rate=str(terms.daily_rate),
        term_months=terms.term_months,
        plan=terms.plan.value,
        note="",
        kind="recommend",
    )


def approve_waiting_disbursements(ctx: Context) -> int:
    """Give the demo's cases already waiting for payout the approval they went through: the
    terms recommended (from their rating), a supervisor's signature and the approved limit,
    so finance can pay them out (found in the walk-through: 59 of 65 refused "no approved
    loan")."""
    viewer = _session(ctx, "wang.sup")
    waiting = loan_store.disbursement_cases_without_loan(ctx.store)
    made = 0
    with ctx.store.write():
        signers = [
            (loan_store.authority_of(ctx.store, s.user_id), s.user_id)
            for s in (viewer, _session(ctx, "zhou.sup"))
        ]
        for case_id, by, at in waiting:
            terms = approval.suggested_terms(ctx, viewer, case_id)
            # one signature, by a supervisor whose authority covers the limit (R25)
            signer = next((s for s in signers if s[0] >= terms.limit_fen), None)
            if by is None or terms.limit_fen <= 0 or signer is None:
                continue
            proposal = _recommended(ctx, case_id, by, at, terms)
            loan_store.insert_signature(
                ctx.store,
                case_id=case_id,
                recommendation_id=proposal,
                at=at,
                by_user=signer[1],
                authority_fen=signer[0],
                completes=1,
                reason="",
            )
            approval.open_loan(ctx, case_id, proposal, terms, at, signer[1])
            made += 1
    return made


def _customer_pays(
    ctx: Context, fin: Session, case_id: int, habit: str, rng: random.Random
) -> None:
    """One customer's day: pay what falls due, by habit."""
    view = loans.loan_view(ctx, fin, case_id, standing=False)  # the figures only
    if view.status != "active":
        return
    if view.principal_fen == 0:  # repaid: a good customer draws again now and then (R7)
        if habit in ("on_time", "early") and view.available_fen and rng.random() < 0.08:
            months = min(3, loans.draw_term_limit(loans.loan_row(ctx, case_id), view.as_of))
            if months:
                loans.disburse(ctx, fin, case_id, view.version, view.available_fen // 2, months)
        return
    today = view.as_of
    due = view.next_due_on
    late_by = {"late": 9, "never_late": 75}.get(habit, 0)
    oldest_late = today - timedelta(days=view.days_past_due) if view.days_past_due else None
    pay = 0
    if habit == "never":
        return
    if habit == "early" and view.principal_fen and rng.random() < 0.02:
        pay = loans.trial(ctx, fin, case_id, today).total_fen  # repay everything early
    elif due is not None and due == today and not late_by:
        pay = view.next_due_fen
    elif oldest_late is not None and view.days_past_due >= late_by > 0:
        pay = loans.trial(ctx, fin, case_id, today).total_fen - view.principal_fen
        pay += sum(left for d in view.draws for due_on, left in _remaining(d) if due_on < today)
    if habit == "partial" and pay:
        pay = pay * 6 // 10
    if pay <= 0:
        return
    try:
        loans.repay(ctx, fin, case_id, view.version, pay, hold_excess=False)
    except RuleError:
        owed = loans.trial(ctx, fin, case_id, today).total_fen
        if owed > 0:
            loans.repay(ctx, fin, case_id, _loan_version(ctx, case_id), min(pay, owed))


def _remaining(draw: loans.DrawView) -> list[tuple]:
    from workstation.domain.ledger import DrawState

    state = DrawState(draw.terms, draw.principal_fen)
    return list(state.principal_remaining())
