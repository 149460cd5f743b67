"""What each imported transaction is, for the rebuilt statements (R24): the categories and the
rules that assign them.

Rules are data an officer can read and edit: an ordered list, first match wins, each naming
keywords looked for in some fields (counterparty, memo, the vendor's own kind, note), a
direction and optionally an amount range. Ahead of the rules come the officer's decisions
(one row re-classed; a counterparty re-classed, which "applies to all its rows and is
remembered"), refunds, and the owner's own names and accounts. The rules look only at text,
sign and amount bounds, so each distinct text is decided once (per side of every bound):
100,000 lines class in about 0.1 s.
Amounts are integer fen, signed from the owner's point of view (income +, expense −).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message


class Category(StrEnum):
    """What a transaction is for the rebuilt statements (R24)."""

    SALES = "sales"  # 销售收入
    REFUND = "refund"  # 退款
    PURCHASES = "purchases"  # 进货
    WAGES = "wages"  # 工资
    RENT = "rent"  # 房租
    UTILITIES = "utilities"  # 水电
    TAXES = "taxes"  # 税费
    PLATFORM_FEES = "platform_fees"  # 平台费用
    LOANS = "loans"  # 借贷 (loans in and out, repayments)
    OWN_TRANSFER = "own_transfer"  # 本人账户互转
    PERSONAL = "personal"  # 个人消费
    OTHER = "other"  # 其他


CATEGORY_LABELS: dict[Category, str] = {
    Category.SALES: QT_TRANSLATE_NOOP("messages", "Sales receipts"),
    Category.REFUND: QT_TRANSLATE_NOOP("messages", "Refunds"),
    Category.PURCHASES: QT_TRANSLATE_NOOP("messages", "Purchases"),
    Category.WAGES: QT_TRANSLATE_NOOP("messages", "Wages"),
    Category.RENT: QT_TRANSLATE_NOOP("messages", "Rent"),
    Category.UTILITIES: QT_TRANSLATE_NOOP("messages", "Utilities"),
    Category.TAXES: QT_TRANSLATE_NOOP("messages", "Taxes"),
    Category.PLATFORM_FEES: QT_TRANSLATE_NOOP("messages", "Platform fees"),
    Category.LOANS: QT_TRANSLATE_NOOP("messages", "Loans in and out"),
    Category.OWN_TRANSFER: QT_TRANSLATE_NOOP("messages", "Transfers between own accounts"),
    Category.PERSONAL: QT_TRANSLATE_NOOP("messages", "Personal spending"),
    Category.OTHER: QT_TRANSLATE_NOOP("messages", "Other"),
}


class Field(StrEnum):
    """The text of a transaction a rule may look in."""

    COUNTERPARTY = "counterparty"  # 交易对方, 对方户名
    ACCOUNT = "account"  # 对方账号
    MEMO = "memo"  # 商品说明, 摘要
    KIND = "kind"  # the vendor's own category: 交易分类, 交易类型
    NOTE = "note"  # 备注, 交易详情, 客户摘要


class Direction(StrEnum):
    """Which lines a rule applies to, by the way money moved."""

    ANY = "any"
    INCOME = "income"  # amount > 0, not a neutral move
    EXPENSE = "expense"  # amount < 0
    NEUTRAL = "neutral"  # the vendor counts it neither way (不计收支, ``/``): top-ups, 余额宝


class Classifiable(Protocol):
    """What classification reads of a transaction (``importers.records.Transaction`` fits)."""

    @property
    def amount_fen(self) -> int: ...
    @property
    def flow(self) -> str: ...  # "income", "expense" or "neutral"
    @property
    def counterparty(self) -> str: ...
    @property
    def counterparty_account(self) -> str: ...
    @property
    def memo(self) -> str: ...
    @property
    def category(self) -> str: ...  # the vendor's own kind, not ours
    @property
    def note(self) -> str: ...
    @property
    def is_refund(self) -> bool: ...


ALL_FIELDS = (Field.COUNTERPARTY, Field.MEMO, Field.KIND, Field.NOTE)


@dataclass(frozen=True)
class Rule:
    """Lines whose ``fields`` hold any of ``keywords`` (no keywords: every line), moving money
    in ``direction``, with an absolute amount in [``min_fen``, ``max_fen``], are ``category``."""

    category: Category
    keywords: tuple[str, ...] = ()
    direction: Direction = Direction.ANY
    fields: tuple[Field, ...] = ALL_FIELDS
    min_fen: int | None = None
    max_fen: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain data for the store (the officer's rule list is remembered)."""
        return {
            "category": str(self.category),
            "keywords": list(self.keywords),
            "direction": str(self.direction),
            "fields": [str(f) for f in self.fields],
            "min_fen": self.min_fen,
            "max_fen": self.max_fen,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Rule:
        return cls(
            Category(data["category"]),
            tuple(data.get("keywords", ())),
            Direction(data.get("direction", Direction.ANY)),
            tuple(Field(f) for f in data.get("fields", ALL_FIELDS)),
            data.get("min_fen"),
            data.get("max_fen"),
        )


_C, _D, _PARTY = Category, Direction, (Field.COUNTERPARTY,)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The default rule list, first match wins. Order matters: loans before fees (a loan's 服务费),
# fees and costs before the catch-alls, the owner's pay (代发工资 received) before sales.
DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(_C.REFUND, _words("退款 退货")),
    Rule(_C.LOANS, _words("贷款 借款 还款 放款 借呗 花呗 网商贷 微粒贷 白条 信用借还 分期")),
    Rule(_C.TAXES, _words("税"), fields=_PARTY),  # 税务局, 国家税务总局…
    Rule(_C.TAXES, _words("税款 缴税 纳税 税费 增值税 所得税 个税 印花税 国库")),
    Rule(
        _C.PLATFORM_FEES,
        _words("手续费 服务费 技术服务费 佣金 推广 直通车 平台费 年费"),
        _D.EXPENSE,
    ),
    Rule(_C.WAGES, _words("工资 代发 薪 奖金 劳务费 社保 公积金"), _D.EXPENSE),
    Rule(_C.OTHER, _words("工资 代发 薪"), _D.INCOME),  # the owner's own pay, not sales
    Rule(_C.RENT, _words("房租 租金 租赁 物业费 住房物业"), _D.EXPENSE),
    Rule(
        _C.UTILITIES,
        _words("电费 水费 国网 供电 电力 电网 自来水 水务 燃气 水电"),
        _D.EXPENSE,
    ),
    Rule(_C.OTHER, _words("利息 结息")),
    Rule(_C.OWN_TRANSFER, (), _D.NEUTRAL),  # top-ups, withdrawals, 余额宝: internal moves
    Rule(_C.OWN_TRANSFER, _words("支付宝 财付通 微信支付 余额宝 零钱通"), fields=_PARTY),
    Rule(_C.OWN_TRANSFER, _words("提现 转入零钱 余额宝")),
    Rule(
        _C.PERSONAL,
        _words(
            "餐饮美食 服饰装扮 美容美发 交通出行 休闲娱乐 医疗健康 酒店旅游 爱车养车 亲友代付 "
            "母婴亲子 教育培训 运动户外 话费 红包"
        ),
        _D.EXPENSE,
    ),
    Rule(
        _C.PURCHASES,
        _words("采购 进货 货款 原料 原材料 批发 供应链 供应商 农产品 包装"),
        _D.EXPENSE,
    ),
    Rule(_C.PURCHASES, _words("有限公司 公司 商行 合作社 厂 经营部 商贸"), _D.EXPENSE, _PARTY),
    Rule(_C.SALES, (), _D.INCOME),  # income from customers
)


@dataclass(frozen=True)
class Owner:
    """The applicant's own names (the owner, the business) and account numbers: money to or
    from them is a transfer between own accounts, not income or cost."""

    names: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()

    def is_owner(self, counterparty: str, account: str) -> bool:
        name = counterparty.strip()
        if name and name in self.names:
            return True
        return bool(account) and any(account_matches(account, own) for own in self.accounts)


def account_matches(shown: str, full: str) -> bool:
    """``shown`` is ``full`` or a masked form of it (``6222****5678``, ``****5678``: at least
    the last four digits visible and equal)."""
    shown, full = shown.strip(), full.strip()
    if not shown or not full:
        return False
    if "*" not in shown:
        return shown == full
    head, tail = shown.split("*", 1)[0], shown.rsplit("*", 1)[1]
    return len(tail) >= 4 and full.startswith(head) and full.endswith(tail)


class Basis(StrEnum):
    """Why a line has its category (shown to the officer beside it)."""

    ROW = "row"  # the officer re-classed this line
    COUNTERPARTY = "counterparty"  # the officer re-classed its counterparty (all its rows)
    REFUND = "refund"  # the export marks it a refund
    OWNER = "owner"  # to or from the owner's own name or account
    RULE = "rule"  # a rule of the list (``rule`` is its index)
    PAIRED = "paired"  # matched with the other side of a move between own accounts (rebuild)
    DEFAULT = "default"  # no rule matched


BASIS_LABELS: dict[Basis, str] = {
    Basis.ROW: QT_TRANSLATE_NOOP("messages", "Re-classed by the officer"),
    Basis.COUNTERPARTY: QT_TRANSLATE_NOOP("messages", "The officer's class for this counterparty"),
    Basis.REFUND: QT_TRANSLATE_NOOP("messages", "Marked as a refund in the export"),
    Basis.OWNER: QT_TRANSLATE_NOOP("messages", "To or from the owner's own name or account"),
    Basis.RULE: QT_TRANSLATE_NOOP("messages", "Rule {number}"),
    Basis.PAIRED: QT_TRANSLATE_NOOP(
        "messages", "The other side of a transfer between the owner's accounts"
    ),
    Basis.DEFAULT: QT_TRANSLATE_NOOP("messages", "No rule matched"),
}


@dataclass(frozen=True)
class Classed:
    """A line's category and why; ``rule`` indexes the rule list when ``basis`` is RULE."""

    category: Category
    basis: Basis
    rule: int = -1


_OWNED = Classed(Category.OWN_TRANSFER, Basis.OWNER)
_RULED = (Basis.RULE, Basis.DEFAULT)  # what the owner's accounts come before


def moves_money(line: Classifiable) -> bool:
    """Whether the line's amount is money in (+) or out (−) of the business. A move the
    export counts neither way (不计收支, ``/``: a withdrawal to the bank, a top-up, 余额宝)
    stays in the owner's pockets and its amount is unsigned; a refund among them is money
    back."""
    return line.flow != "neutral" or line.is_refund


def direction_of(line: Classifiable) -> Direction:
    if line.flow == "neutral":
        return Direction.NEUTRAL
    return Direction.INCOME if line.amount_fen > 0 else Direction.EXPENSE


_TEXT_OF = {
    Field.COUNTERPARTY: lambda t: t.counterparty,
    Field.ACCOUNT: lambda t: t.counterparty_account,
    Field.MEMO: lambda t: t.memo,
    Field.KIND: lambda t: t.category,
    Field.NOTE: lambda t: t.note,
}


@dataclass(frozen=True)
class _Compiled:
    index: int
    category: Category
    pattern: re.Pattern[str] | None
    directions: frozenset[Direction]
    fields: tuple[Field, ...]
    min_fen: int | None
    max_fen: int | None


@dataclass
class Classifier:
    """The rule list, the officer's counterparty overrides and the owner, compiled once.

    ``classify`` caches by everything a rule can see (the texts, the direction; the account
    and the amount only when some rule looks at them), so a statement's repeated
    counterparties and memos are looked up, not matched again. The owner's accounts are
    checked apart from the cache: bank statements give nearly every line its own account.
    """

    rules: Sequence[Rule] = DEFAULT_RULES
    overrides: Mapping[str, Category] = field(default_factory=dict)
    owner: Owner = field(default_factory=Owner)

    def __post_init__(self) -> None:
        self._compiled = tuple(_compile(i, r) for i, r in enumerate(self.rules))
        self._by_amount = any(r.min_fen is not None or r.max_fen is not None for r in self.rules)
        # amounts in one interval of these pass and fail the same bounds: a rule's min_fen
        # lets amounts in from min_fen up, its max_fen keeps them out from max_fen + 1
        self._bounds = sorted(
            {r.min_fen for r in self.rules if r.min_fen is not None}
            | {r.max_fen + 1 for r in self.rules if r.max_fen is not None}
        )
        self._overrides = {
            name.strip(): Classed(Category(c), Basis.COUNTERPARTY)
            for name, c in self.overrides.items()
        }
        self._by_account = any(Field.ACCOUNT in r.fields for r in self.rules)
        self._own_accounts = frozenset(a.strip() for a in self.owner.accounts if a.strip())
        self._masked: dict[str, bool] = {}
        self._cache: dict[tuple[Any, ...], Classed] = {}

    def classify(self, line: Classifiable) -> Classed:
        """The line's category and why."""
        amount, account = line.amount_fen, line.counterparty_account
        if line.flow == "neutral":
            direction = Direction.NEUTRAL
        else:
            direction = Direction.INCOME if amount > 0 else Direction.EXPENSE
        key = (
            line.counterparty,
            line.memo,
            line.category,
            line.note,
            direction,
            line.is_refund,
            account if self._by_account else "",
            abs(amount) if self._by_amount else 0,
        )
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._decide(line, direction)
        if account and self._own_accounts and found.basis in _RULED and self._owns(account):
            return _OWNED
        return found

    def _owns(self, account: str) -> bool:
        """Whether ``account`` (as a statement shows it, maybe masked) is the owner's."""
        if account in self._own_accounts:
            return True
        if "*" not in account:
            return False
        found = self._masked.get(account)
        if found is None:
            found = self._masked[account] = any(
                account_matches(account, own) for own in self._own_accounts
            )
        return found

    def classify_all(
        self,
        lines: Iterable[Classifiable],
        row_overrides: Mapping[int, Category] | None = None,
    ) -> list[Classed]:
        """Every line's class in order, the same as ``classify`` gives each; ``row_overrides``
        (position → category) are the officer's decisions on single lines.

        One plain loop, each record read once while it is in the CPU's cache (separate
        ``map`` passes, one per field, cost more: 100,000 records do not stay cached). The
        key is what ``_decide`` reads: the texts, the refund mark, neutral or not, the sign;
        the account only when a rule reads it; the amount only as which side of every rule's
        bounds it falls. The owner's accounts are checked apart, as ``classify`` does: a bank
        statement's lines nearly all name a different account."""
        bounds, by_account = self._bounds, self._by_account
        own, ruled = self._own_accounts, _RULED
        masked = self._masked  # a masked account as shown → the owner's (``_owns`` fills it)
        decided: dict[tuple[Any, ...], Classed] = {}
        known = decided.get
        classes: list[Classed] = []
        add = classes.append
        for line in lines:
            amount = line.amount_fen
            key: tuple[Any, ...] = (
                line.counterparty,
                line.memo,
                line.category,
                line.note,
                line.is_refund,
                line.flow == "neutral",
                amount > 0,
            )
            if by_account:
                key += (line.counterparty_account,)
            if bounds:
                key += (bisect_right(bounds, abs(amount)),)
            found = known(key)
            if found is None:
                found = decided[key] = self._decide(line, direction_of(line))
            if own and found.basis in ruled:
                account = line.counterparty_account
                if account in own:
                    found = _OWNED
                elif "*" in account:
                    mine = masked.get(account)
                    if mine or (mine is None and self._owns(account)):
                        found = _OWNED
            add(found)
        for position, category in (row_overrides or {}).items():
            classes[position] = Classed(Category(category), Basis.ROW)
        return classes

    def _decide(self, line: Classifiable, direction: Direction) -> Classed:
        override = self._overrides.get(line.counterparty.strip())
        if override is not None:
            return override
        if line.is_refund:
            return Classed(Category.REFUND, Basis.REFUND)
        if line.counterparty.strip() in self.owner.names:
            return _OWNED
        texts: dict[tuple[Field, ...], str] = {}
        amount = abs(line.amount_fen)
        for rule in self._compiled:
            if direction not in rule.directions:
                continue
            if rule.min_fen is not None and amount < rule.min_fen:
                continue
            if rule.max_fen is not None and amount > rule.max_fen:
                continue
            if rule.pattern is not None:
                text = texts.get(rule.fields)
                if text is None:
                    text = texts[rule.fields] = "\x1f".join(_TEXT_OF[f](line) for f in rule.fields)
                if rule.pattern.search(text) is None:
                    continue
            return Classed(rule.category, Basis.RULE, rule.index)
        return Classed(Category.OTHER, Basis.DEFAULT)


def _compile(index: int, rule: Rule) -> _Compiled:
    words = [w.strip() for w in rule.keywords if w.strip()]
    pattern = re.compile("|".join(re.escape(w) for w in words)) if words else None
    directions = (
        frozenset(Direction) - {Direction.ANY}
        if rule.direction is Direction.ANY
        else frozenset({rule.direction})
    )
    return _Compiled(
        index,
        rule.category,
        pattern,
        directions,
        rule.fields or ALL_FIELDS,
        rule.min_fen,
        rule.max_fen,
    )


def with_override(
    overrides: Mapping[str, Category], counterparty: str, category: Category | None
) -> dict[str, Category]:
    """The override map after the officer re-classes ``counterparty`` (None: forget it)."""
    changed = dict(overrides)
    name = counterparty.strip()
    if category is None:
        changed.pop(name, None)
    elif name:
        changed[name] = category
    return changed


EMPTY_KEYWORD = QT_TRANSLATE_NOOP("messages", "Rule {number}: a keyword is empty")
BAD_RANGE = QT_TRANSLATE_NOOP("messages", "Rule {number}: the smallest amount is above the largest")
SHADOWS = QT_TRANSLATE_NOOP(
    "messages",
    "Rule {number} has no keywords and takes every line of its direction; "
    "the rules after it ({later}) can never apply to those lines",
)


def rule_problems(rules: Sequence[Rule]) -> list[Message]:
    """What is wrong with an edited rule list, one message per problem (numbers from 1)."""
    problems: list[Message] = []
    for number, rule in enumerate(rules, 1):
        if any(not w.strip() for w in rule.keywords):
            problems.append(Message.of(EMPTY_KEYWORD, number=number))
        low, high = rule.min_fen, rule.max_fen
        if low is not None and high is not None and low > high:
            problems.append(Message.of(BAD_RANGE, number=number))
        if rule.keywords or low is not None or high is not None:
            continue
        later = [
            str(n)
            for n, r in enumerate(rules[number:], number + 1)
            if rule.direction in (Direction.ANY, r.direction)
        ]
        if later:
            problems.append(Message.of(SHADOWS, number=number, later=", ".join(later)))
    return problems
