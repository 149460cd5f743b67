"""The demo's bills: a few cases in investigation carry the owner's exports and bank statements
in the real layouts (FORMATS.md), and electricity bills, uploaded through the upload service
and rebuilt (R23, R24).

Each business's twelve months follow its declared figures: sales come in from customers (and,
for platform sellers, from the platform through Alipay or WeChat Pay, withdrawn to the bank),
and go out to suppliers, staff, the landlord, the power company and the tax office. Most
cases' bills bear the application out; some show far less than declared (a gap flag, R24),
and one or two show sales doubling while the meter slows (the meter flag). The files are the
bytes an investigator would receive: GBK with preambles, quoted thousands, signed amounts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from workstation.domain.application import Financials
from workstation.domain.messages import RuleError
from workstation.domain.people import Role
from workstation.services import statements, uploads
from workstation.services.context import Context, Session
from workstation.services.rating_common import _application_of
from workstation.store import cases as case_store
from workstation.store import users as user_store

CASES = 10  # cases in investigation given bills: enough to show, cheap enough for tests
GAP_EVERY = 3  # every third case's bills show far less than declared
METER_CASES = (1, 7)  # which of the chosen cases have sales rising while the meter falls

CUSTOMERS = ("杭州华联商贸有限公司", "宁波恒达百货", "义乌优品贸易商行", "温州永盛鞋业",
             "上海汇通电子商务有限公司", "苏州和顺超市", "陈建国", "刘秀英")  # fmt: skip
SUPPLIERS = ("义乌鑫源供应链有限公司", "广州锦程服装批发部", "绍兴佳禾纺织有限公司",
             "东莞宏图包装厂")  # fmt: skip
STAFF = ("王磊", "李娜", "张伟", "赵静")
LANDLORD = "周建华"
PROVINCES = {
    "杭州": "浙江", "宁波": "浙江", "义乌": "浙江", "温州": "浙江", "广州": "广东",
    "深圳": "广东", "东莞": "广东", "泉州": "福建", "苏州": "江苏", "扬州": "江苏",
    "上海": "上海", "成都": "四川", "武汉": "湖北", "郑州": "河南", "临沂": "山东",
    "长沙": "湖南",
}  # fmt: skip


def power_company(city: str) -> str:
    """Who sends the electricity bill: China Southern Grid in Guangdong, State Grid elsewhere."""
    province = PROVINCES.get(city, "浙江")
    if province == "广东":
        return "广东电网有限责任公司"
    return f"国网{province}{'市' if province == '上海' else '省'}电力有限公司"


def tax_office(city: str) -> str:
    return f"国家税务总局{city or '杭州'}市税务局"


@dataclass(frozen=True)
class Money:
    """One movement in the business's year, before it is written into a file's layout."""

    at: datetime
    fen: int  # signed: in +, out -
    party: str
    memo: str
    kind: str  # sales, purchases, wages, rent, power, tax, fees, withdrawal, personal
    account: str = ""


@dataclass(frozen=True)
class DemoBillsSummary:
    cases: int
    files: int
    lines: int
    gap_flags: int
    meter_flags: int
    adjusted: int = 0  # cases whose investigator adjusted the figures to the rebuilt ones


# --- the year of one business --------------------------------------------------------------


def _months(through: date) -> list[date]:
    """The twelve calendar months ending with ``through``'s, oldest first."""
    first = date(through.year - 1, through.month, 1)
    out = []
    for n in range(1, 13):
        month = first.month + n
        out.append(date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1))
    return out


def _when(rng: random.Random, month: date, day: int | None = None) -> datetime:
    last = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    chosen = day or rng.randint(1, last.day)
    return datetime.combine(
        month.replace(day=min(chosen, last.day)),
        time(rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59)),
    )


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` fen in ``parts`` uneven pieces that add up exactly."""
    weights = [rng.uniform(0.4, 1.6) for _ in range(parts)]
    scale = sum(weights)
    pieces = [int(total * w / scale) // 100 * 100 + rng.randint(0, 99) for w in weights]
    pieces[-1] += total - sum(pieces)
    return pieces


def business_year(
    rng: random.Random,
    months: list[date],
    monthly_sales: int,
    monthly_cost: int,
    *,
    rising: bool,
    platform: bool,
    owner: str,
    city: str = "杭州",
) -> list[Money]:
    """The year's money: sales (60 % through the platform for a platform seller), purchases,
    wages, rent, power, taxes, fees; ``rising`` sales go from 0.65× to 1.35× mid-year."""
    moves: list[Money] = []
    power_to, tax_to = power_company(city), tax_office(city)
    for n, month in enumerate(months):
        level = (0.65 if n < 6 else 1.35) if rising else rng.uniform(0.85, 1.15)
        sales, cost = int(monthly_sales * level), int(monthly_cost * rng.uniform(0.9, 1.1))
        online = sales * 6 // 10 if platform else 0
        for fen in _split(rng, sales - online, rng.randint(6, 9)):
            party = rng.choice(CUSTOMERS)
            moves.append(Money(_when(rng, month), fen, party, "货款", "sales",
                               f"62220{rng.randrange(10**13, 10**14)}"))  # fmt: skip
        for fen in _split(rng, online, rng.randint(8, 12)) if online else ():
            moves.append(Money(_when(rng, month), fen, "淘宝买家", "店铺订单结算", "app_sales"))
        for _ in range(rng.randint(1, 3) if platform else 0):  # the owner's own spending
            moves.append(Money(_when(rng, month), -rng.randint(2_000, 40_000), "杭州知味观餐厅",
                               "晚餐", "personal"))  # fmt: skip
        if online:
            fee = online // 50
            moves.append(Money(_when(rng, month, 28), -fee, "淘宝（中国）软件有限公司",
                               "技术服务费", "fees"))  # fmt: skip
            moves.append(Money(_when(rng, month, 27), -(online - fee), owner, "提现",
                               "withdrawal"))  # fmt: skip
        wages = cost // 6
        rent = cost // 12
        power = cost // 40
        tax = cost // 30
        purchases = cost - wages - rent - power - tax
        for fen in _split(rng, purchases, rng.randint(2, 4)):
            moves.append(Money(_when(rng, month), -fen, rng.choice(SUPPLIERS), "采购货款",
                               "purchases", f"33050{rng.randrange(10**13, 10**14)}"))  # fmt: skip
        for person, fen in zip(STAFF, _split(rng, wages, 2), strict=False):
            moves.append(Money(_when(rng, month, 10), -fen, person, "代发工资", "wages"))
        moves.append(Money(_when(rng, month, 5), -rent, LANDLORD, "房租", "rent"))
        moves.append(Money(_when(rng, month, 18), -power, power_to, "电费", "power"))
        moves.append(Money(_when(rng, month, 15), -tax, tax_to, "税款", "tax"))
    moves.sort(key=lambda m: m.at)
    return moves


def meter_bills(
    rng: random.Random, months: list[date], base_kwh: int, falling: bool
) -> list[tuple[date, date, Decimal]]:
    """A calendar month's kWh each: steady (±10 %), or falling by a half in the second
    half-year while the sales rise."""
    bills = []
    for n, month in enumerate(months):
        level = (1.0 if n < 6 else 0.55) if falling else rng.uniform(0.9, 1.1)
        end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        bills.append((month, end, Decimal(int(base_kwh * level))))
    return bills


# --- the files, in the vendors' layouts ----------------------------------------------------


def _lines(lines: list[str], encoding: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _yuan(fen: int, thousands: bool = False) -> str:
    fen = abs(fen)
    return f"{fen // 100:,}.{fen % 100:02d}" if thousands else f"{fen // 100}.{fen % 100:02d}"


def _quoted(cells: list[str]) -> str:
    return ",".join(f'"{c}"' if "," in c else c for c in cells)


def alipay_csv(owner: str, account: str, months: list[date], moves: list[Money]) -> bytes:
    """支付宝 transaction statement: GBK, the preamble, padded cells, a trailing comma."""
    rows = [m for m in moves if m.kind in ("app_sales", "fees", "withdrawal", "personal")]
    end = _months_end(months)
    income = [m for m in rows if m.kind == "app_sales"]
    spent = [m for m in rows if m.kind in ("fees", "personal")]
    moved = [m for m in rows if m.kind == "withdrawal"]
    preamble = [
        "-" * 60,
        "导出信息：",
        f"姓名：{owner}",
        f"支付宝账户：{account}",
        f"起始时间：[{months[0]} 00:00:00]    终止时间：[{end} 23:59:59]",
        "导出交易类型：[全部]",
        f"导出时间：[{end + timedelta(days=3)} 10:00:00]",
        f"共{len(rows)}笔记录",
        f"收入：{len(income)}笔 {_yuan(sum(m.fen for m in income))}元",
        f"支出：{len(spent)}笔 {_yuan(sum(m.fen for m in spent))}元",
        f"不计收支：{len(moved)}笔 {_yuan(sum(m.fen for m in moved))}元",
        "",
        "特别提示：",
        "1.本回单内容可表明支付宝受理了您的交易申请，但不代表交易已经完成；",
        "2.支付宝不保证本回单内容与您的原始交易记录完全一致。",
        "-" * 20 + "支付宝（中国）网络技术有限公司  电子客户回单" + "-" * 20,
        "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,"
        "交易订单号,商家订单号,备注,",
    ]
    body = []
    for n, m in enumerate(reversed(rows)):  # newest first, as the app exports
        kind, direction, channel = {
            "app_sales": ("收入", "收入", ""),
            "fees": ("商业服务", "支出", "账户余额"),
            "withdrawal": ("转账提现", "不计收支", "账户余额"),
            "personal": ("餐饮美食", "支出", "花呗"),
        }[m.kind]
        party = "工商银行(5678)" if m.kind == "withdrawal" else m.party
        order = f"{m.at:%Y%m%d}2200{n:020d}"
        cells = [f"{m.at:%Y-%m-%d %H:%M:%S}", kind, party, "", m.memo, direction, _yuan(m.fen),
                 channel, "交易成功", order, "", ""]  # fmt: skip
        body.append(",".join(f"{c}\t" if c else "" for c in cells) + ",")
    return _lines([*preamble, *body], "gbk")


def wechat_csv(owner: str, months: list[date], moves: list[Money]) -> bytes:
    """微信支付 bill: UTF-8, 16 preamble lines padded with commas, ¥ amounts."""
    rows = [m for m in moves if m.kind in ("app_sales", "fees", "withdrawal")]
    end, pad = _months_end(months), "," * 10
    preamble = [
        "微信支付账单明细",
        f"微信昵称：[{owner}]",
        f"起始时间：[{months[0]} 00:00:00] 终止时间：[{end} 23:59:59]",
        "导出类型：[全部]",
        f"导出时间：[{end + timedelta(days=3)} 10:00:00]",
        "",
        f"共{len(rows)}笔记录",
        f"收入：{sum(m.fen > 0 for m in rows)}笔",
        f"支出：{sum(m.kind == 'fees' for m in rows)}笔",
        f"中性交易：{sum(m.kind == 'withdrawal' for m in rows)}笔",
        "注：",
        "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
        "2. 本明细仅展示当前账单中的交易，不包括已删除的记录",
        "3. 本明细仅供个人对账使用",
        "",
        "----------------------微信支付账单明细列表--------------------",
    ]
    header = (
        "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注"
    )
    body = []
    for n, m in enumerate(reversed(rows)):
        kind, direction, status = {
            "app_sales": ("二维码收款", "收入", "已存入零钱"),
            "fees": ("商户消费", "支出", "支付成功"),
            "withdrawal": ("零钱提现", "/", "提现已到账"),
        }[m.kind]
        party = "工商银行(5678)" if m.kind == "withdrawal" else m.party
        memo = "/" if m.kind != "fees" else m.memo
        cells = [f"{m.at:%Y-%m-%d %H:%M:%S}", kind, party, memo, direction, f"¥{_yuan(m.fen)}",
                 "零钱", status, f"{1000050001 + n}{m.at:%Y%m%d}{n:010d}\t", "/", "/"]  # fmt: skip
        body.append(_quoted(cells))
    return _lines([*(line + pad for line in preamble), header, *body], "utf-8")


def _months_end(months: list[date]) -> date:
    last = months[-1]
    return (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _bank_rows(moves: list[Money], app: str | None) -> Iterator[Money]:
    """What the bank account shows: everything but the platform's own lines; a withdrawal
    from the app arrives as money from the platform's company."""
    company = {"alipay": "支付宝（中国）网络技术有限公司", "wechat": "财付通支付科技有限公司"}
    for m in moves:
        if m.kind in ("app_sales", "fees", "personal"):
            continue
        if m.kind == "withdrawal":
            if app is None:
                continue
            yield Money(m.at + timedelta(hours=2), -m.fen, company[app], "提现", m.kind)
            continue
        yield m


def icbc_csv(card: str, moves: list[Money], app: str | None, opening: int) -> bytes:
    """ICBC debit-card detail: GBK, 明细查询文件下载 preamble, quoted thousands, 人民币合计."""
    header = (
        "交易日期,摘要,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),"
        "交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名,交易详情,对方账户"
    )
    balance, body, total_in, total_out = opening, [], 0, 0
    for m in _bank_rows(moves, app):
        balance += m.fen
        money = _yuan(m.fen, thousands=True)
        income, expense = (money, "") if m.fen > 0 else ("", money)
        total_in += max(m.fen, 0)
        total_out += max(-m.fen, 0)
        summary = {"wages": "代发工资", "power": "代扣电费", "tax": "缴税"}.get(m.kind, "转账")
        shown = _yuan(balance, thousands=True)
        body.append(_quoted([f"{m.at:%Y-%m-%d}", summary, "网上银行", "CHN", "钞", income,
                             expense, "人民币", income, expense, "人民币", shown, m.party,
                             m.memo, m.account]))  # fmt: skip
    return _lines(
        [
            "明细查询文件下载" + "," * 14,
            f"卡号: {card}" + "," * 14,
            "子账户序号: 00000" + "," * 14,
            "子账户类别: 活期" + "," * 14,
            header,
            *body,
            _quoted(
                [
                    "人民币合计",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    _yuan(total_in, True),
                    _yuan(total_out, True),
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            ),  # fmt: skip
        ],
        "gbk",
    )


def cmb_csv(owner: str, card: str, months: list[date], moves: list[Money], app: str | None,
            opening: int) -> bytes:  # fmt: skip
    """招商银行交易流水 as CSV: UTF-8 with BOM, bilingual titles, signed amounts."""
    balance, body = opening, []
    for m in _bank_rows(moves, app):
        balance += m.fen
        sign = "+" if m.fen > 0 else "-"
        party = f"{m.party} {m.account}".strip()
        kind = {"sales": "网联收款", "wages": "代发工资", "power": "代扣水电费"}.get(
            m.kind, "转账汇款"
        )
        body.append(_quoted([f"{m.at:%Y-%m-%d}", "人民币", f"{sign}{_yuan(m.fen, True)}",
                             _yuan(balance, True), kind, party, m.memo]))  # fmt: skip
    lines = [
        "招商银行交易流水",
        f"户名：{owner},,,,,,",
        f"账号：{card},,,,,,",
        f"查询起始日期：{months[0]},查询终止日期：{_months_end(months)},,,,,",
        "记账日期 Date,货币 Currency,交易金额 Amount,联机余额 Balance,"
        "交易摘要 Transaction Type,对手信息 Counter Party,客户摘要 Customer Type",
        *body,
        "合并统计,,,,,,",
    ]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def electricity_csv(
    account: str, holder: str, city: str, bills: list[tuple[date, date, Decimal]]
) -> bytes:
    """A grid company's bill list as its account page copies out: GBK, title lines, 度."""
    rows = []
    for start, _end, kwh in bills:
        fen = int(kwh * Decimal("0.65") * 100)
        rows.append(_quoted([account, holder, f"{start:%Y-%m}", f"{int(kwh):,}", _yuan(fen)]))
    return _lines(
        [
            f"{power_company(city)} 电费账单,,,,",
            f"用电地址：{city}市{holder}经营场所,,,,",
            "户号,户名,账期,用电量(度),应缴金额(元)",
            *rows,
        ],
        "gbk",
    )


# --- onto the demo's cases -------------------------------------------------------------------


def _session(ctx: Context, user_id: int) -> Session | None:
    row = user_store.user_by_id(ctx.store, user_id)
    if row is None or Role(row.role) not in (Role.INVESTIGATOR, Role.SUPERVISOR):
        return None
    return Session(row.id, row.username, row.display_name, Role(row.role))


def _chosen(ctx: Context, count: int) -> list[tuple[int, int, str, str, str, str, Financials]]:
    """Cases in investigation held by an investigator, with declared sales and costs."""
    found = []
    for case_id, officer, kind, owner, business, city in case_store.held_in_investigation(
        ctx.store
    ):
        try:
            app, _ = _application_of(ctx, case_id)
        except RuleError:
            continue
        f = app.financials
        if f.annual_sales_fen and f.operating_cost_fen:
            found.append((case_id, officer, kind, owner, business, city, f))
        if len(found) >= count:
            break
    return found


@lru_cache(maxsize=32)
def case_files(
    seed: int,
    case_id: int,
    n: int,
    platform: bool,
    owner: str,
    business: str,
    city: str,
    annual_sales_fen: int,
    annual_cost_fen: int,
    through: date,
) -> tuple[tuple[str, bytes], ...]:
    """The ``n``-th chosen case's files as (name, bytes): a bank statement (ICBC or CMB), the
    platform export (Alipay or WeChat Pay) for a seller, the electricity bills. The same
    arguments give the same bytes (kept: tests build the same demo again and again)."""
    rng = random.Random(seed * 1000 + case_id)
    months = _months(through)
    gap = n % GAP_EVERY == GAP_EVERY - 1
    shown = 0.55 if gap else rng.uniform(0.85, 1.1)  # a gap: far less than declared
    rising = n in METER_CASES
    monthly_sales = int(annual_sales_fen * shown / 12)
    monthly_cost = int(annual_cost_fen * (shown if gap else rng.uniform(0.88, 1.08)) / 12)
    moves = business_year(rng, months, monthly_sales, monthly_cost, rising=rising,
                          platform=platform, owner=owner, city=city)  # fmt: skip
    app = ("alipay", "wechat")[n % 2] if platform else None
    card = f"62220202{rng.randrange(10**10, 10**11)}"
    opening = monthly_sales * 2
    files = [
        ("工商银行流水.csv", icbc_csv(card, moves, app, opening))
        if n % 2 == 0
        else ("招商银行交易流水.csv", cmb_csv(owner, card, months, moves, app, opening))
    ]
    if app == "alipay":
        files.append(("支付宝交易明细.csv", alipay_csv(owner, "138****8888", months, moves)))
    elif app == "wechat":
        files.append(("微信支付账单.csv", wechat_csv(owner, months, moves)))
    bills = meter_bills(rng, months, max(300, monthly_sales // 4000), falling=rising)
    files.append((BILLS, electricity_csv(f"33{case_id:08d}", business, city, bills)))
    return tuple(files)


BILLS = "电费账单.csv"


def build_demo_bills(ctx: Context, count: int = CASES, seed: int = 20121) -> DemoBillsSummary:
    """Give ``count`` cases in investigation their bills, uploaded and rebuilt."""
    through = (ctx.clock.now().date().replace(day=1) - timedelta(days=1)).replace(day=1)
    files = lines = gaps = meters = adjusted = 0
    chosen = _chosen(ctx, count)
    for n, (case_id, officer, kind, owner, business, city, declared) in enumerate(chosen):
        who = _session(ctx, officer)
        if who is None:
            continue
        bundle = case_files(
            seed, case_id, n, kind == "platform", owner, business, city,
            declared.annual_sales_fen or 0, declared.operating_cost_fen or 0, through,
        )  # fmt: skip
        for name, raw in bundle:
            done = uploads.upload(ctx, who, case_id, raw, name, bills=name == BILLS)
            files += 1
            lines += done.document.rows if done.document else 0
        seen, _ = statements.keep_rebuilt(ctx, who, case_id)
        kinds = {str(f.kind) for f in seen.statement.flags}
        gaps += bool(kinds & {"sales_gap", "cost_gap"})
        meters += "meter" in kinds
        if "sales_gap" in kinds and not adjusted:  # the first gap case: the officer adjusts
            adjusted += _adjust_to_rebuilt(ctx, who, case_id, seen.statement.financials)
    return DemoBillsSummary(len(chosen), files, lines, gaps, meters, adjusted)


ADJUST_REASON = "流水与电费单核实：申报销售额偏高，销售额与经营成本按重建数调整"


def _adjust_to_rebuilt(ctx: Context, who: Session, case_id: int, rebuilt: Financials) -> int:
    """The investigator takes the rebuilt sales and costs, rounded down to the thousand yuan
    as officers write them, over the declared ones (R24); the case is scored again on them, so
    the demo shows an adjusted case with two decisions. 1 when done."""
    if not rebuilt.annual_sales_fen or not rebuilt.operating_cost_fen:
        return 0
    thousand = 100_000  # fen
    figures = Financials(
        annual_sales_fen=rebuilt.annual_sales_fen // thousand * thousand,
        operating_cost_fen=rebuilt.operating_cost_fen // thousand * thousand,
    )
    statements.adjust(ctx, who, case_id, figures, ADJUST_REASON)
    return 1
