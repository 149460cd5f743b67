"""Which lines of the statements count, for the rebuilt statements (R24): the steps 1–6 that
``rebuild`` describes — repeated files, unpaid orders, overlapping statements, the same payment
in a payment app and a bank, transfers between the owner's own accounts, refunds netted.

Lines are addressed by position in one list of every line of every file (the files in order),
so results stay small: sets and maps of positions, not copies of records.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from itertools import compress
from operator import attrgetter
from typing import Protocol

from workstation.domain.classify import (
    Basis,
    Category,
    Classed,
    Classifiable,
    account_matches,
)
from workstation.domain.messages import QT_TRANSLATE_NOOP


class AccountKind(StrEnum):
    PAYMENT_APP = "payment_app"  # Alipay, WeChat Pay
    BANK = "bank"


class StatementLine(Classifiable, Protocol):
    """What the rebuild reads of a transaction (``importers.records.Transaction`` fits)."""

    @property
    def line(self) -> int: ...  # 1-based line (or row) of the original file
    @property
    def timestamp(self) -> datetime: ...
    @property
    def time_known(self) -> bool: ...
    @property
    def status(self) -> str: ...
    @property
    def order_number(self) -> str: ...
    @property
    def channel(self) -> str: ...  # how it was paid (收/付款方式): which card, 余额宝, 花呗
    @property
    def refund_of(self) -> str: ...  # for a refund: the original's order number
    @property
    def refunded_fen(self) -> int: ...  # for an original: how much of it was refunded


@dataclass(frozen=True, eq=False)
class StatementFile:
    """One imported statement: its lines, which account it is, and how others name it.

    ``account`` identifies the account (statements of the same account overlap); "" when
    unknown, which never matches. ``aliases`` are the names other statements use for it: the
    bank's or platform's names (招商银行, 支付宝), the card number, its last four digits.
    """

    name: str
    sha256: str
    kind: AccountKind
    account: str
    lines: Sequence[StatementLine]
    period: tuple[date, date] | None = None  # what the file covers, both days inclusive
    aliases: tuple[str, ...] = ()


class Excluded(StrEnum):
    """Why a line is in no monthly figure."""

    UNPAID = "unpaid"
    OVERLAP = "overlap"
    SAME_PAYMENT = "same_payment"
    OUTSIDE = "outside"


EXCLUDED_LABELS: dict[Excluded, str] = {
    Excluded.UNPAID: QT_TRANSLATE_NOOP("messages", "A closed or unpaid order: no money moved"),
    Excluded.OVERLAP: QT_TRANSLATE_NOOP(
        "messages", "Also in an overlapping statement of the same account, counted there"
    ),
    Excluded.SAME_PAYMENT: QT_TRANSLATE_NOOP(
        "messages", "The same payment as in the payment app's statement, counted there"
    ),
    Excluded.OUTSIDE: QT_TRANSLATE_NOOP("messages", "Outside the 12 months"),
}

UNPAID_STATUSES = frozenset(
    "交易关闭 已关闭 交易失败 支付失败 已撤销 未支付 未付款 等待付款 待付款 已取消".split()
)
# A payment-app line paid from these did not touch a bank account.
_BALANCES = tuple("余额宝 花呗 余额 零钱 账户余额 零钱通 借呗 信用卡".split())


@dataclass(frozen=True)
class Exclusion:
    """A line in no monthly figure, why, and the line it duplicates (or -1)."""

    index: int
    reason: Excluded
    partner: int = -1


class Matching:
    """The matching steps over all lines; positions index ``lines``. Run the steps in
    order; ``excluded``, ``pairs``, ``classes``, ``amount`` and ``target`` hold the outcome;
    ``closed``, ``refunds`` and ``stated`` are the few lines steps 2 and 6 look at."""

    def __init__(
        self,
        files: list[StatementFile],
        starts: list[int],
        lines: list[StatementLine],
        classes: list[Classed],
        window_days: int,
        catch_all: set[int],
    ) -> None:
        self.files, self.starts, self.lines, self.window = files, starts, lines, window_days
        self.classes, self.catch_all = classes, catch_all
        self.excluded: dict[int, Exclusion] = {}
        self.pairs: list[tuple[int, int]] = []
        self.target: dict[int, int] = {}  # linked refund → the original whose cell it joins
        # One pass reads what steps 2 and 6 need of every line, each record once while it is
        # in the CPU's cache (100,000 records do not stay there between passes).
        self.amount: list[int] = []  # after refund netting
        self.closed: list[int] = []  # closed or unpaid orders
        self.refunds: list[int] = []  # lines the export marks as refunds
        self.stated: list[int] = []  # originals that say how much of them was refunded
        amount, closed, refunds, stated = self.amount, self.closed, self.refunds, self.stated
        for i, line in enumerate(lines):
            amount.append(line.amount_fen)
            if line.status in UNPAID_STATUSES:
                closed.append(i)
            if line.is_refund:
                refunds.append(i)
            elif line.refunded_fen:
                stated.append(i)

    def ranges(self) -> Iterator[tuple[int, StatementFile, range]]:
        for number, (f, start) in enumerate(zip(self.files, self.starts, strict=True)):
            yield number, f, range(start, start + len(f.lines))

    def accounts(self) -> dict[str, list[int]]:
        """Every line's position, grouped by account (a file of unknown account alone):
        an order number names one order within an account, whichever export shows it."""
        groups: dict[str, list[int]] = defaultdict(list)
        for number, _, span in self.ranges():
            groups[self._account_of(number)].extend(span)
        return groups

    def _account_of(self, number: int) -> str:
        return self.files[number].account or f"\x00{number}"

    def account(self, index: int) -> str:
        """The account (as ``accounts`` groups them) of the line at ``index``."""
        return self._account_of(bisect.bisect_right(self.starts, index) - 1)

    def exclude(self, index: int, reason: Excluded, partner: int = -1) -> None:
        self.excluded[index] = Exclusion(index, reason, partner)

    def drop_unpaid(self) -> None:
        """Step 2: closed or unpaid orders, unless a refund in the account reverses them."""
        lines = self.lines
        reversed_orders: dict[str, set[str]] = defaultdict(set)
        for i in self.refunds if self.closed else ():
            reversed_orders[self.account(i)].add(lines[i].refund_of)
        for i in self.closed:
            number = lines[i].order_number
            if not number or number not in reversed_orders[self.account(i)]:
                self.exclude(i, Excluded.UNPAID)

    def drop_overlaps(self) -> None:
        """Step 3: only between files of the same (known) account."""
        by_account: dict[str, list[int]] = defaultdict(list)
        for number, f, _ in self.ranges():
            if f.account:
                by_account[f.account].append(number)
        kept: dict[tuple, list[int]] = defaultdict(list)
        lines, excluded, owner = self.lines, self.excluded, {}
        for numbers in by_account.values():
            if len(numbers) < 2:
                continue
            for number in numbers:
                f, start = self.files[number], self.starts[number]
                used: set[int] = set()
                for i in range(start, start + len(f.lines)):
                    if i in excluded:
                        continue
                    line = lines[i]
                    key = (
                        f.account,
                        line.timestamp.date(),
                        line.amount_fen,
                        line.counterparty.strip(),
                    )
                    match = next(
                        (
                            j
                            for j in kept[key]
                            if owner[j] != number and j not in used and _same_time(line, lines[j])
                        ),
                        -1,
                    )
                    if match >= 0:
                        used.add(match)
                        self.exclude(i, Excluded.OVERLAP, match)
                    else:
                        kept[key].append(i)
                        owner[i] = number

    def drop_same_payments(self) -> None:
        """Step 4: the bank's line of a payment also in a payment app's statement."""
        apps = [(n, f, s) for n, f, s in self.ranges() if f.kind is AccountKind.PAYMENT_APP]
        banks = [(n, f, s) for n, f, s in self.ranges() if f.kind is AccountKind.BANK]
        if not apps or not banks:
            return
        bank_lines: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for number, _, span in banks:
            for i in span:
                if i not in self.excluded:
                    bank_lines[self.amount[i]].append((i, number))
        window = self.window
        for _, app, span in apps:
            for i in span:
                line = self.lines[i]
                if i in self.excluded or line.flow == "neutral" or line.is_refund:
                    continue
                day = line.timestamp.toordinal()
                best, best_lag = None, window + 2
                for j, number in bank_lines.get(line.amount_fen, ()):
                    lag = self.lines[j].timestamp.toordinal() - day
                    if j in self.excluded or not -1 <= lag <= window or abs(lag) >= best_lag:
                        continue
                    if _same_payment(line, app, self.lines[j], self.files[number]):
                        best, best_lag = j, abs(lag)
                if best is not None:
                    self.exclude(best, Excluded.SAME_PAYMENT, i)

    def pair_own_transfers(self) -> None:
        """Step 5: both sides of a move between the owner's own accounts."""
        if len(self.files) < 2:
            return
        file_of = {}
        candidates: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for number, _, span in self.ranges():
            for i in span:
                if i not in self.excluded and self._may_pair(i):
                    file_of[i] = number
                    day = self.lines[i].timestamp.toordinal()
                    candidates[abs(self.amount[i])].append((day, i))
        window, paired = self.window, set()
        for group in candidates.values():
            if len(group) < 2:
                continue
            group.sort()
            for day, i in group:
                if i in paired or not self._is_outflow(i):
                    continue
                low = bisect.bisect_left(group, (day - window, -1))
                high = bisect.bisect_right(group, (day + window, len(self.lines)))
                near = [j for _, j in group[low:high]]
                j = self._partner(i, near, file_of, paired, window)
                if j is not None:
                    paired.update((i, j))
                    self.pairs.append((i, j))
                    for side in (i, j):
                        if self.classes[side].category is not Category.OWN_TRANSFER:
                            self.classes[side] = Classed(Category.OWN_TRANSFER, Basis.PAIRED)

    def _may_pair(self, i: int) -> bool:
        """An own transfer already, or a line nothing explains (no keyword, no officer)."""
        found = self.classes[i]
        if found.category is Category.OWN_TRANSFER:
            return True
        return found.basis is Basis.DEFAULT or (
            found.basis is Basis.RULE and found.rule in self.catch_all
        )

    def _is_outflow(self, i: int) -> bool:
        return self.lines[i].flow == "neutral" or self.amount[i] < 0

    def _partner(
        self, i: int, group: list[int], file_of: dict[int, int], paired: set[int], window: int
    ) -> int | None:
        out, out_file = self.lines[i], self.files[file_of[i]]
        best, best_lag = None, window + 1
        for j in group:
            if j == i or j in paired or file_of[j] == file_of[i]:
                continue
            into, in_file = self.lines[j], self.files[file_of[j]]
            if in_file.account and in_file.account == out_file.account:
                continue
            if into.flow != "neutral" and self.amount[j] < 0:
                continue
            lag = abs(into.timestamp.toordinal() - out.timestamp.toordinal())
            own = Category.OWN_TRANSFER
            either_own = self.classes[i].category is own or self.classes[j].category is own
            if lag >= best_lag or not either_own:
                continue
            if self._evidence(i, out_file, j, in_file):
                best, best_lag = j, lag
        return best

    def _evidence(self, i: int, i_file: StatementFile, j: int, j_file: StatementFile) -> bool:
        if Basis.OWNER in (self.classes[i].basis, self.classes[j].basis):
            return True
        return _names(self.lines[i], j_file) or _names(self.lines[j], i_file)

    def net_refunds(self) -> None:
        """Step 6: a linked refund joins its original's cell, with the opposite sign; what an
        original says was refunded beyond its linked refunds (WeChat's 已退款(￥0.11)) is taken
        off it."""
        lines, amount = self.lines, self.amount
        refunds = [i for i in self.refunds if lines[i].refund_of]
        wanted: dict[str, set[str]] = defaultdict(set)  # account → refunded order numbers
        for r in refunds:
            wanted[self.account(r)].add(lines[r].refund_of)
        orders: dict[str, dict[str, int]] = {}  # account → order number → its first original
        for account, group in self.accounts().items() if refunds else ():
            numbers = wanted.get(account)
            if not numbers:
                continue
            mine = orders[account] = {}
            found = map(numbers.__contains__, map(_ORDER_NUMBER, map(lines.__getitem__, group)))
            for i in compress(group, found):
                if not lines[i].is_refund:
                    mine.setdefault(lines[i].order_number, i)
        linked: dict[int, int] = defaultdict(int)
        for r in refunds:
            original = self._counted(orders[self.account(r)].get(lines[r].refund_of))
            if original is None or r in self.excluded:
                continue
            self.target[r] = original
            back = abs(amount[r])
            amount[r] = -back if amount[original] > 0 else back
            linked[original] += back
        for o in self.stated:
            rest = min(lines[o].refunded_fen - linked[o], abs(amount[o]))
            if rest > 0:
                amount[o] += -rest if amount[o] > 0 else rest

    def _counted(self, index: int | None) -> int | None:
        """``index``, or the line it duplicates, or None when it is not counted."""
        while index is not None and index in self.excluded:
            exclusion = self.excluded[index]
            if exclusion.reason is not Excluded.OVERLAP:
                return None
            index = exclusion.partner
        return index


_ORDER_NUMBER = attrgetter("order_number")


def _same_time(a: StatementLine, b: StatementLine) -> bool:
    if not (a.time_known and b.time_known):
        return True
    return a.timestamp.replace(second=0, microsecond=0) == b.timestamp.replace(
        second=0, microsecond=0
    )


def _text(line: StatementLine) -> str:
    return " ".join(
        (line.counterparty, line.counterparty_account, line.memo, line.note, line.channel)
    )


def _names(line: StatementLine, other: StatementFile) -> bool:
    """Whether ``line`` names the account of ``other`` (its bank, platform or card)."""
    text = _text(line)
    if any(alias in text for alias in other.aliases if len(alias) >= 2):
        return True
    return bool(line.counterparty_account) and any(
        account_matches(line.counterparty_account, alias) for alias in other.aliases
    )


def _same_payment(
    app_line: StatementLine, app: StatementFile, bank_line: StatementLine, bank: StatementFile
) -> bool:
    if _names(app_line, bank):  # paid with this bank's card: 招商银行储蓄卡(1234)
        return True
    if any(word in app_line.channel for word in _BALANCES):
        return False
    text, party = _text(bank_line), app_line.counterparty.strip()
    return any(a in text for a in app.aliases if len(a) >= 2) or (len(party) >= 2 and party in text)
