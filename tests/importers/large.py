"""Large generated statements (deterministic): the benchmark's 100,000-line files and the
5,000-line files whose records the fast read paths must leave unchanged (test_same_records).

The rows mix what real exports hold, so every fast path and its fallback is crossed: plain
amounts, thousands, ¥ and full-width signs, brackets; dates with and without seconds, with
slashes; padded and full-width cells; refunds, closed orders, order numbers Excel rounded.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tests.importers import make_fixtures as mk

SEED = 20250401
_ALIPAY_KINDS = (
    ("餐饮美食", "杭州某某餐厅", "hz***@163.com", "晚餐", "支出", "花呗"),
    ("商业服务", "某某供应链有限公司", "gys***@qq.com", "原料采购", "支出", "余额宝"),
    ("收入", "王**", "138****1234", "货款", "收入", ""),
    ("收入", "淘宝买家", "", "店铺订单结算", "收入", ""),
    ("投资理财", "余额宝", "", "余额宝-自动转入", "不计收支", "账户余额"),
    ("住房物业", "张**", "139****0000", "房租", "支出", "账户余额"),
    ("日用百货", "某某旗舰店", "shop***@tmall.com", "包装盒", "支出", "余额宝"),
)


def _odd_amount(rng: random.Random, fen: int) -> str:
    """The same amount as some export or re-save might print it."""
    yuan, cents = divmod(fen, 100)
    return rng.choice(
        (
            f"{yuan}.{cents:02d}",
            f"{yuan:,}.{cents:02d}",
            f"RMB{yuan}.{cents:02d}",
            f"-{yuan}.{cents:02d}",
            f"({yuan}.{cents:02d})",
            f"￥{yuan:,}.{cents:02d}",
            f"{yuan}.{cents:02d}元",
            f"{yuan}.{cents}" if cents % 10 == 0 else f"{yuan}.{cents:02d}",
            f"{yuan}" if cents == 0 else f"{yuan}.{cents:02d}0",
            f" {yuan}.{cents:02d} ",
            f"{yuan}.{cents:02d}".translate(str.maketrans("0123456789.", "０１２３４５６７８９．")),
        )
    )


def _odd_stamp(rng: random.Random, at: datetime) -> str:
    return rng.choice(
        (
            f"{at:%Y-%m-%d %H:%M:%S}",
            f"{at.year}/{at.month}/{at.day} {at:%H:%M}",
            f"{at:%Y-%m-%d %H:%M}",
            f"{at:%Y-%m-%dT%H:%M:%S}",
            f"{at:%Y%m%d} {at.hour}:{at:%M:%S}",
            f"{at.year}年{at.month}月{at.day}日 {at:%H:%M:%S}",
            f"{at:%Y-%m-%d %H:%M:%S}.5",
        )
    )


def alipay_rows(n: int, seed: int = SEED, *, odd: bool = False) -> list[tuple[str, ...]]:
    """``n`` rows: mostly plain, some closed orders, some refunds of earlier ones; ``odd``
    mixes in the other ways amounts, dates and cells are printed."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1)
    rows: list[tuple[str, ...]] = []
    while len(rows) < n:
        i = len(rows)
        at = start + timedelta(seconds=i * 300 + rng.randrange(300))
        category, party, account, memo, direction, channel = rng.choice(_ALIPAY_KINDS)
        fen = rng.randrange(1, 5_000_000)
        order = f"{at:%Y%m%d}2200{i:020d}"
        merchant = f"T200P{at:%Y%m%d}{i:07d}" if rng.random() < 0.5 else ""
        status = "交易关闭" if rng.random() < 0.02 else "交易成功"
        note = "三月货款" if rng.random() < 0.05 else ""
        amount = f"{fen // 100}.{fen % 100:02d}"
        when = f"{at:%Y-%m-%d %H:%M:%S}"
        if odd and rng.random() < 0.3:
            amount, when = _odd_amount(rng, fen).replace(",", ""), _odd_stamp(rng, at)
            party = rng.choice((party, f" {party}　", "ＡＢＣ商行", "`" + party))
            if rng.random() < 0.05:
                order = "4.00123E+27"
        rows.append((when, category, party, account, memo, direction, amount, channel, status,
                     order, merchant, note))  # fmt: skip
        if direction == "支出" and len(rows) < n and rng.random() < 0.03:
            back = at + timedelta(hours=1)
            rows.append((f"{back:%Y-%m-%d %H:%M:%S}", "退款", party, account, f"退款-{memo}",
                         "不计收支", amount, channel, "退款成功", f"{order}_{fen}", merchant,
                         ""))  # fmt: skip
    return rows


def icbc_rows(n: int, seed: int = SEED, *, odd: bool = False) -> list[tuple[str, ...]]:
    rng = random.Random(seed + 1)
    day = datetime(2023, 1, 1)
    balance = 10_000_000
    rows = []
    for i in range(n):
        fen = rng.randrange(1, 2_000_000)
        income = rng.random() < 0.4
        balance += fen if income else -fen
        money = f"{fen // 100:,}.{fen % 100:02d}"
        if odd and rng.random() < 0.3:
            money = _odd_amount(rng, fen)
        at = day + timedelta(days=i // 50)
        when = f"{at:%Y-%m-%d}"
        if odd and rng.random() < 0.2:
            when = rng.choice((f"{at:%Y%m%d}", f"{at.year}/{at.month}/{at.day}", f"{at:%Y.%m.%d}"))
        party, detail, account = ("杭州某某商贸有限公司", "货款", f"1202020209{i:09d}") if (
            rng.random() < 0.5) else ("", "", "")  # fmt: skip
        shown = f"{balance // 100:,}.{balance % 100:02d}"
        if odd and rng.random() < 0.1:
            shown = f"({abs(balance) // 100:,}.{abs(balance) % 100:02d})"
        rows.append((when, "转账" if income else "消费", "网上银行", "CHN", "钞",
                     money if income else "", "" if income else money, "人民币",
                     money if income else "", "" if income else money, "人民币",
                     shown, party, detail, account))  # fmt: skip
    return rows


def wechat_rows(n: int, seed: int = SEED) -> list[tuple]:
    """The fixture's rows again and again, with fresh order numbers and times."""
    rng = random.Random(seed + 2)
    rows = []
    for i in range(n):
        r = list(mk.WECHAT_ROWS[i % len(mk.WECHAT_ROWS)])
        cycle = i // len(mk.WECHAT_ROWS)
        at = datetime(2023, 1, 1) + timedelta(minutes=i * 7 + rng.randrange(7))
        r[0] = f"{at:%Y-%m-%d %H:%M:%S}"
        r[5] = rng.randrange(1, 1_000_000) if i % len(mk.WECHAT_ROWS) not in (4, 5) else 5000
        r[8] = f"{r[8]}{cycle:06d}"
        if r[9] != "/":
            r[9] = f"{r[9]}{cycle:06d}"
        rows.append(tuple(r))
    return rows


def alipay_csv(n: int, *, odd: bool = False) -> bytes:
    return mk.alipay_csv(alipay_rows(n, odd=odd))


def icbc_csv(n: int, *, odd: bool = False) -> bytes:
    return mk.icbc_csv(icbc_rows(n, odd=odd))


def wechat_csv(n: int) -> bytes:
    return mk.wechat_csv(wechat_rows(n))
