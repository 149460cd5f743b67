"""A deterministic demo book: believable businesses, officers and a line with real waits.

The same seed and ``now`` give the same database. Stage histories follow the state machine
(each move is one the rules allow), with waits drawn so the board shows breaches and a
bottleneck at investigation, as a real factory line would on a busy week.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from workstation.domain.identifiers import id_check_char, uscc_check_char
from workstation.domain.messages import RuleError
from workstation.domain.passwords import hash_password
from workstation.domain.people import Role
from workstation.domain.stages import Action, Stage
from workstation.services import auth
from workstation.services.context import Clock, Context, SystemClock
from workstation.store import bulk
from workstation.store import users as user_store
from workstation.store.db import default_database_path, open_store

DEMO_PASSWORD = "demo1234"
RATING_DATA_UP_TO = 200_000
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "系统管理员", Role.ADMIN),
    ("wang.sup", "王主管", Role.SUPERVISOR),
    ("zhou.sup", "周主管", Role.SUPERVISOR),
    ("li.inv", "李调查", Role.INVESTIGATOR),
    ("zhang.inv", "张调查", Role.INVESTIGATOR),
    ("chen.inv", "陈调查", Role.INVESTIGATOR),
    ("zhao.inv", "赵调查", Role.INVESTIGATOR),
    ("liu.fin", "刘财务", Role.FINANCE),
)

# Share of the book standing in each stage now (sums to 1).
STAGE_MIX: tuple[tuple[Stage, float], ...] = (
    (Stage.APPLICATION, 0.030),
    (Stage.RATING, 0.020),
    (Stage.INVESTIGATION, 0.150),
    (Stage.APPROVAL, 0.045),
    (Stage.DISBURSEMENT, 0.030),
    (Stage.MONITORING, 0.400),
    (Stage.CLOSED, 0.180),
    (Stage.DECLINED, 0.075),
    (Stage.OVERDUE, 0.030),
    (Stage.WARNING, 0.020),
    (Stage.RECOVERY, 0.010),
    (Stage.BLACKLISTED, 0.010),
)

REGIONS = (
    ("杭州", "330106"),
    ("宁波", "330203"),
    ("义乌", "330782"),
    ("温州", "330302"),
    ("广州", "440104"),
    ("深圳", "440304"),
    ("东莞", "441900"),
    ("泉州", "350502"),
    ("苏州", "320505"),
    ("上海", "310115"),
    ("成都", "510104"),
    ("武汉", "420102"),
    ("郑州", "410102"),
    ("临沂", "371302"),
    ("扬州", "321002"),
    ("长沙", "430102"),
)
WORDS = (
    "鑫源",
    "恒达",
    "聚福",
    "华美",
    "锦程",
    "顺发",
    "宏图",
    "佳禾",
    "万家",
    "永盛",
    "金穗",
    "瑞丰",
    "新潮",
    "博远",
    "晨光",
    "海纳",
    "乐购",
    "优品",
    "星辰",
    "和顺",
    "嘉禾",
    "盛世",
    "天成",
    "汇通",
    "诚信",
    "云裳",
    "绿野",
    "小满",
    "木森",
    "青禾",
)
INDUSTRIES = (
    ("服装服饰", "服饰商行"),
    ("食品生鲜", "食品店"),
    ("家居日用", "家居用品店"),
    ("数码电器", "数码科技有限公司"),
    ("母婴用品", "母婴馆"),
    ("美妆个护", "化妆品商行"),
    ("五金建材", "五金经营部"),
    ("餐饮", "餐饮店"),
    ("农产品", "农业专业合作社"),
    ("汽配", "汽车配件经营部"),
    ("文具办公", "文化用品店"),
    ("小商品批发", "贸易有限公司"),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文斌浩宇婷雪梅晨阳鑫"
PARTNER_BANKS = ("浙商银行", "宁波银行", "杭州联合银行", "台州银行")

# Hours a case usually spends in a stage before moving on: (low, high).
_PASSAGE_HOURS: dict[Stage, tuple[float, float]] = {
    Stage.APPLICATION: (0.05, 6),
    Stage.RATING: (0.02, 1.5),
    Stage.INVESTIGATION: (6, 90),
    Stage.APPROVAL: (0.5, 7),
    Stage.DISBURSEMENT: (1, 30),
}
# How long the cases now standing in a stage have waited so far: (low, high) hours.
_CURRENT_WAIT_HOURS: dict[Stage, tuple[float, float]] = {
    Stage.APPLICATION: (0.1, 30),
    Stage.RATING: (0.05, 2.5),
    Stage.INVESTIGATION: (2, 130),
    Stage.APPROVAL: (0.2, 9),
    Stage.DISBURSEMENT: (0.5, 40),
    Stage.MONITORING: (24, 24 * 330),
    Stage.CLOSED: (24, 24 * 400),
    Stage.DECLINED: (1, 24 * 300),
    Stage.OVERDUE: (24, 24 * 120),
    Stage.WARNING: (12, 24 * 30),
    Stage.RECOVERY: (48, 24 * 90),
    Stage.BLACKLISTED: (24 * 10, 24 * 300),
}

# Share of the cases in a stage that reached it within the last week.
_RECENT_SHARE: dict[Stage, float] = {
    Stage.MONITORING: 0.2,
    Stage.CLOSED: 0.1,
    Stage.DECLINED: 0.25,
}

# The path into each stage, as (action, stage reached) from application.
_FRONT = [
    (Action.SUBMIT, Stage.RATING),
    (Action.RATE, Stage.INVESTIGATION),
    (Action.RECOMMEND, Stage.APPROVAL),
    (Action.APPROVE, Stage.DISBURSEMENT),
    (Action.DISBURSE, Stage.MONITORING),
]
_AFTER_LOAN: dict[Stage, list[tuple[Action, Stage]]] = {
    Stage.MONITORING: [],
    Stage.CLOSED: [(Action.SETTLE, Stage.CLOSED)],
    Stage.OVERDUE: [(Action.MARK_OVERDUE, Stage.OVERDUE)],
    Stage.WARNING: [(Action.WARN, Stage.WARNING)],
    Stage.RECOVERY: [(Action.MARK_OVERDUE, Stage.OVERDUE), (Action.START_RECOVERY, Stage.RECOVERY)],
    Stage.BLACKLISTED: [
        (Action.MARK_OVERDUE, Stage.OVERDUE),
        (Action.BLACKLIST, Stage.BLACKLISTED),
    ],
}
_REASONS: dict[Action, tuple[str, ...]] = {
    Action.DECLINE: (
        "评级为E，自动拒绝",
        "经营数据与申报严重不符",
        "法律环境存在诉讼记录",
        "客户主动撤回",
    ),
    Action.WARN: ("月销售额较贷前下降35%", "店铺14天无活跃", "放款后资金流向个人账户"),
    Action.START_RECOVERY: ("非恶意逾期，仍在正常经营，制定恢复计划",),
    Action.BLACKLIST: ("恶意拖欠，失联超过60天", "虚构交易骗贷"),
}


@dataclass(frozen=True)
class DemoSummary:
    cases: int
    customers: int
    moves: int
    users: int


def _path_to(stage: Stage, rng: random.Random) -> list[tuple[Action, Stage]]:
    if stage in (Stage.APPLICATION,):
        return []
    if stage in (Stage.RATING, Stage.INVESTIGATION, Stage.APPROVAL, Stage.DISBURSEMENT):
        index = [s for _, s in _FRONT].index(stage)
        return _FRONT[: index + 1]
    if stage == Stage.DECLINED:
        cut = rng.choice((0, 1, 1, 2, 2, 2, 3))  # declined at rating or in investigation
        return _FRONT[:cut] + [(Action.DECLINE, Stage.DECLINED)]
    return _FRONT + _AFTER_LOAN[stage]


def _id_number(rng: random.Random, region_code: str) -> str:
    birth = datetime(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 32))
    first17 = f"{region_code}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return first17 + id_check_char(first17)


def _credit_code(rng: random.Random, region_code: str) -> str:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "".join(rng.choice(chars) for _ in range(9))
    first17 = f"92{region_code}{body}"  # 9 = industrial & commercial, 2 = individual business
    return first17 + uscc_check_char(first17)


def _amount_fen(rng: random.Random, kind: str) -> int:
    cap_yuan = 1_000_000 if kind == "platform" else 500_000
    yuan = min(cap_yuan, max(3_000, int(rng.lognormvariate(10.1, 0.75))))
    return (yuan // 1000) * 1000 * 100


def _demo_stages(count: int, rng: random.Random) -> list[Stage]:
    stages: list[Stage] = []
    for stage, share in STAGE_MIX:
        stages.extend([stage] * round(count * share))
    while len(stages) < count:
        stages.append(Stage.MONITORING)
    stages = stages[:count]
    rng.shuffle(stages)
    return stages


def generate_rows(
    count: int,
    now: datetime,
    officer_ids: dict[Role, list[int]],
    system_id: int,
    seed: int = 20121,
    first_id: int = 1,
) -> Iterator[tuple[tuple, tuple, list[tuple]]]:
    """Yield (customer row, case row, move rows) for ``count`` cases, deterministically."""
    rng = random.Random(seed)
    role_of = {uid: role.value for role, uids in officer_ids.items() for uid in uids}
    role_of[system_id] = Role.SYSTEM.value
    investigators = officer_ids[Role.INVESTIGATOR]
    supervisors = officer_ids[Role.SUPERVISOR]
    finance = officer_ids[Role.FINANCE]
    for offset, stage in enumerate(_demo_stages(count, rng)):
        cid = first_id + offset
        city, code = rng.choice(REGIONS)
        industry, suffix = rng.choice(INDUSTRIES)
        kind = "platform" if rng.random() < 0.62 else "off_platform"
        shop = f"{city}{rng.choice(WORDS)}{suffix}"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        partner = (
            rng.choice(PARTNER_BANKS) if kind == "off_platform" and rng.random() < 0.3 else None
        )
        customer = (
            cid,
            kind,
            shop,
            _credit_code(rng, code),
            name,
            _id_number(rng, code),
            f"1{rng.choice('3578')}{rng.randrange(0, 10**9):09d}",
            industry,
            city,
            f"tb_{rng.randrange(10**7, 10**8)}" if kind == "platform" else None,
            partner,
        )
        product = (
            "credit"
            if kind == "off_platform"
            else rng.choice(("credit", "credit", "order", "both"))
        )
        path = _path_to(stage, rng)
        low, high = _CURRENT_WAIT_HOURS[stage]
        if stage in _RECENT_SHARE and rng.random() < _RECENT_SHARE[stage]:
            high = min(high, 24 * 7)  # part of the book moved this week: the line is running
        wait = rng.uniform(low, high)
        entered = now - timedelta(hours=wait)
        # Walk back through the stages passed, to find when the case was created.
        times = [entered]
        for action, reached in reversed(path):
            source = _source_of(action, reached, path)
            lo, hi = _PASSAGE_HOURS.get(source, (24 * 5, 24 * 60))
            times.append(times[-1] - timedelta(hours=rng.uniform(lo, hi)))
        times.reverse()  # times[0] = created, times[i+1] = when path[i] happened
        investigator = rng.choice(investigators)
        supervisor = rng.choice(supervisors)
        moves = []
        source = Stage.APPLICATION
        recommended_by = None
        for (action, reached), moment in zip(path, times[1:], strict=True):
            actor = {
                Action.SUBMIT: investigator,
                Action.RATE: system_id,
                Action.RECOMMEND: investigator,
                Action.APPROVE: supervisor if rng.random() < 0.8 else system_id,
                Action.DISBURSE: rng.choice(finance),
                Action.SETTLE: system_id,
                Action.MARK_OVERDUE: system_id,
                Action.WARN: system_id,
                Action.START_RECOVERY: supervisor,
                Action.BLACKLIST: supervisor,
                Action.DECLINE: system_id if source != Stage.INVESTIGATION else investigator,
            }[action]
            if action == Action.RECOMMEND:
                recommended_by = investigator
            reason = rng.choice(_REASONS[action]) if action in _REASONS else ""
            if action == Action.DECLINE and source == Stage.RATING:
                reason = _REASONS[Action.DECLINE][0]
            elif action == Action.DECLINE and source == Stage.APPLICATION:
                reason = "黑名单命中：经营者身份证号在黑名单上"
            moves.append(
                (
                    cid,
                    source.value,
                    reached.value,
                    action.value,
                    actor,
                    moment.isoformat(timespec="seconds"),
                    reason,
                    role_of[actor],
                )
            )
            source = reached
        created = times[0].isoformat(timespec="seconds")
        officer = _current_officer(stage, rng, investigator, supervisor, finance)
        tier = None
        declined_at_rating = stage == Stage.DECLINED and len(path) == 2
        if declined_at_rating:
            tier = "E"
        elif stage not in (Stage.APPLICATION, Stage.RATING) and len(path) > 1:
            tier = rng.choices("ABCD", weights=(22, 38, 28, 12))[0]
        risk = _risk_for(stage, rng)
        entered_text = entered.isoformat(timespec="seconds")
        case = (
            cid,
            cid,
            product,
            _amount_fen(rng, kind),
            stage.value,
            entered_text,
            officer,
            recommended_by,
            risk,
            tier,
            len(moves) + 1,
            created,
            entered_text,
        )
        received = (
            cid,
            None,
            Stage.APPLICATION.value,
            Action.RECEIVE.value,
            system_id,
            created,
            "",
            Role.SYSTEM.value,
        )
        yield customer, case, [received, *moves]


def _source_of(action: Action, reached: Stage, path: list[tuple[Action, Stage]]) -> Stage:
    index = path.index((action, reached))
    return Stage.APPLICATION if index == 0 else path[index - 1][1]


def _current_officer(
    stage: Stage, rng: random.Random, investigator: int, supervisor: int, finance: list[int]
) -> int | None:
    if stage in (Stage.APPLICATION, Stage.RATING):
        return investigator if rng.random() < 0.3 else None
    if stage == Stage.INVESTIGATION:
        return investigator if rng.random() < 0.85 else None
    if stage == Stage.APPROVAL:
        return supervisor if rng.random() < 0.6 else None
    if stage == Stage.DISBURSEMENT:
        return rng.choice(finance) if rng.random() < 0.5 else None
    if stage in (Stage.OVERDUE, Stage.WARNING, Stage.RECOVERY):
        return supervisor if rng.random() < 0.5 else investigator
    return investigator


def _risk_for(stage: Stage, rng: random.Random) -> str:
    if stage in (Stage.OVERDUE, Stage.BLACKLISTED):
        return rng.choices(("amber", "red"), weights=(30, 70))[0]
    if stage in (Stage.WARNING, Stage.RECOVERY):
        return rng.choices(("amber", "red"), weights=(55, 45))[0]
    return rng.choices(("green", "amber", "red"), weights=(76, 18, 6))[0]


CUSTOMER_COLUMNS = (
    "id",
    "kind",
    "business_name",
    "credit_code",
    "owner_name",
    "owner_id_number",
    "owner_phone",
    "industry",
    "region",
    "platform_account",
    "partner_bank",
)
CASE_COLUMNS = (
    "id",
    "customer_id",
    "product",
    "amount_fen",
    "stage",
    "stage_entered_at",
    "officer_id",
    "recommended_by",
    "risk",
    "tier",
    "version",
    "created_at",
    "updated_at",
)
MOVE_COLUMNS = (
    "case_id",
    "from_stage",
    "to_stage",
    "action",
    "actor_id",
    "at",
    "reason",
    "actor_role",
)


def create_demo_users(ctx: Context, password_cost: int | None = None) -> dict[Role, list[int]]:
    """The demo's people (log-ins in the README); the same password for all, demo only."""
    at = ctx.stamp()
    ids: dict[Role, list[int]] = {role: [] for role in Role}
    cost = {"n": password_cost} if password_cost else dict(auth.HASH_COST)
    digest = hash_password(DEMO_PASSWORD, **cost)  # one hash: a demo need not pay eight
    with ctx.store.write():
        for username, display, role in DEMO_USERS:
            existing = user_store.user_by_name(ctx.store, username)
            uid = (
                existing.id
                if existing
                else user_store.insert_user(ctx.store, username, display, role.value, digest, at)
            )
            ids[role].append(uid)
        ids[Role.SYSTEM].append(user_store.system_user_id(ctx.store, at))
    return ids


def build_demo(
    ctx: Context,
    cases: int = 2000,
    seed: int = 20121,
    password_cost: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 20_000,
    rating_data: bool | None = None,
) -> DemoSummary:
    """Fill an empty database with ``cases`` demo cases; refuses a database that has cases.

    ``rating_data`` adds applications, rating decisions, a macro settings history and a
    blacklist (``demo_rating``); by default only up to ``RATING_DATA_UP_TO`` cases, since
    rating each case costs about half a millisecond (the 1M benchmark book goes without).
    """
    if bulk.max_id(ctx.store, "cases"):
        raise ValueError("the database already holds cases; build the demo in a new file")
    ids = create_demo_users(ctx, password_cost)
    if rating_data is None:
        rating_data = cases <= RATING_DATA_UP_TO
    # with the rating data come loans with ledger history: part of the ``cases`` asked for
    loan_cases = min(40, max(cases // 50, 10), cases // 5) if rating_data else 0
    total, cases = cases, cases - loan_cases
    rows = generate_rows(cases, ctx.clock.now(), ids, ids[Role.SYSTEM][0], seed)
    rater = None
    if rating_data:
        from workstation.services.demo_rating import DemoRater

        rater = DemoRater(ctx, ids, seed)
    done = moves = 0
    while done < cases:
        customers, case_rows, move_rows = [], [], []
        for customer, case, case_moves in _take(rows, batch):
            customers.append(customer)
            case_rows.append(case)
            move_rows.extend(case_moves)
        if not customers:
            break
        extra = rater.rate(customers, case_rows, move_rows) if rater else None
        with ctx.store.write():
            bulk.bulk_insert(
                ctx.store,
                "customers",
                (*CUSTOMER_COLUMNS, "created_at"),
                [(*c, case[11]) for c, case in zip(customers, case_rows, strict=True)],
            )
            bulk.bulk_insert(ctx.store, "cases", CASE_COLUMNS, case_rows)
            bulk.bulk_insert(ctx.store, "stage_moves", MOVE_COLUMNS, move_rows)
            if rater and extra:
                rater.store(extra)
        done += len(case_rows)
        moves += len(move_rows)
        if progress:
            progress(done, total)
    if loan_cases:  # loans with months of ledger history, made by the services
        from workstation.services.demo_loans import (
            approve_waiting_disbursements,
            build_demo_loans,
            lane_applications,
            recommend_waiting_cases,
        )

        done += build_demo_loans(ctx, count=loan_cases - 6, seed=seed).loans
        lane_applications(ctx, count=6, seed=seed)  # 6 cases, approved by the lane (R39)
        done += 6
        recommend_waiting_cases(ctx)
        approve_waiting_disbursements(ctx)
        from workstation.services.demo_bills import build_demo_bills

        build_demo_bills(ctx, seed=seed)  # bills uploaded and rebuilt on a few investigations
        if progress:
            progress(done, total)
    with ctx.store.write():
        user_store.set_meta_value(ctx.store, "demo_built_at", ctx.stamp())
    return DemoSummary(done, done, moves, sum(len(v) for v in ids.values()))


def _take(rows: Iterator, n: int) -> list:
    out = []
    for row in rows:
        out.append(row)
        if len(out) >= n:
            break
    return out


def demo_built_at(ctx: Context) -> datetime | None:
    """When this database was filled with demo data; None for a real database."""
    value = user_store.meta_value(ctx.store, "demo_built_at")
    return datetime.fromisoformat(value) if value else None


def default_demo_path() -> Path:
    """Where ``main.py --demo`` keeps its demo book: beside the real database, never in it."""
    return default_database_path().with_name("demo.sqlite")


def prepare_demo_database(
    reset: bool = False,
    clock: Clock | None = None,
    say: Callable[[str], None] = print,
    cases: int = 2000,
) -> Path:
    """The demo file for ``--demo``: built when missing, built on another day, or asked anew.

    Rebuilt daily so that the waits on the board look like today's, not last week's.
    """
    clock = clock or SystemClock()
    path = default_demo_path()
    if path.exists() and not reset:
        try:
            store = open_store(path)
            try:
                built = demo_built_at(Context(store, clock))
            finally:
                store.close()
        except RuleError:
            built = None
        if built is not None and built.date() == clock.now().date():
            return path
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    say(f"building the demo database at {path} …")
    store = open_store(path)
    try:
        build_demo(Context(store, clock), cases)
    finally:
        store.close()
    return path
