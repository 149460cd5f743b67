"""The tuned classification and rebuild (R24) give exactly what the plain per-line rebuild of
``rebuild_reference`` gives: every class and why, every exclusion, pair, monthly figure, the
lines behind it, the year before, the top customers — over generated statements with the
officer's overrides, the owner's names and (masked) accounts, refunds and amount-bound rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.rebuild_reference import classify_each, reference_rebuild
from tests.domain.statement_lines import Line, statement
from workstation.domain.classify import (
    DEFAULT_RULES,
    Category,
    Classifier,
    Direction,
    Field,
    Owner,
    Rule,
)
from workstation.domain.rebuild import AccountKind, Cell, LineRef, StatementFile, rebuild

START = datetime(2023, 1, 1)
OWNER_NAMES = ("张三", "杭州张三商贸有限公司", "赵六")
PARTIES = (
    *OWNER_NAMES,
    *"客户甲 淘宝买家 某某供应链有限公司 房东 支付宝(中国)网络技术有限公司 工商银行(5678)".split(),
    *(" 客户甲 ", "", "", "国家税务总局"),
)
MEMOS = ("货款", "房租", "原料采购", "转账", "手续费", "退款", "代发工资", "提现", "消费", "")
KINDS = ("", "收入", "餐饮美食", "转账")
NOTES = ("", "货款", "服务费¥0.50")
OWN_ACCOUNTS = ("6222020200012345678", "6222****5678", "****5678", "6222****9999", "138****8888")
ACCOUNTS = (*OWN_ACCOUNTS, " 6222020200012345678 ", "1202020209000000001", "gys***@qq.com", "", "")
AMOUNTS = (0, 100, 4999, 5000, 5001, 80000, 120000, 10**6)
BOUNDS = (None, 100, 5000, 80000)
CATEGORIES = tuple(Category)

amounts = st.one_of(
    st.sampled_from(AMOUNTS).flatmap(lambda fen: st.sampled_from((fen, -fen))),
    st.integers(-(10**7), 10**7),
)


@st.composite
def lines_of(draw: st.DrawFn, tag: str) -> list[Line]:
    """A statement's lines over 30 months: sales, costs, closed orders, refunds (linked to an
    order of this or another file of the account, or to none), partial refunds stated."""
    lines: list[Line] = []
    for n in range(draw(st.integers(0, 25))):
        when = START + timedelta(seconds=draw(st.integers(0, 900 * 86400)))
        order = f"O{draw(st.integers(0, 12))}"  # shared across files: links and overlaps
        if draw(st.integers(0, 5)) == 0:
            lines.append(Line(when, draw(amounts), draw(st.sampled_from(PARTIES)), "退款",
                              is_refund=True, order_number=f"R{tag}{n}",
                              refund_of=draw(st.sampled_from((order, order, "")))))  # fmt: skip
            continue
        fen = draw(amounts)
        lines.append(
            Line(
                when,
                fen,
                draw(st.sampled_from(PARTIES)),
                draw(st.sampled_from(MEMOS)),
                flow=draw(st.sampled_from(("", "", "", "neutral", "income", "expense"))),
                category=draw(st.sampled_from(KINDS)),
                note=draw(st.sampled_from(NOTES)),
                counterparty_account=draw(st.sampled_from(ACCOUNTS)),
                status="交易关闭" if draw(st.integers(0, 8)) == 0 else "交易成功",
                order_number=order,
                channel=draw(st.sampled_from(("", "工商银行储蓄卡(5678)", "余额宝"))),
                refunded_fen=draw(st.sampled_from((0, 0, 0, 11, abs(fen), 10**9))),
                time_known=draw(st.booleans()),
            )
        )
    return lines


APP = {"kind": AccountKind.PAYMENT_APP, "account": "alipay:138****8888", "aliases": ("支付宝",)}
ICBC = {"account": "icbc:6222020200012345678", "aliases": ("工商银行", "(5678)", "尾号5678")}


@st.composite
def statements(draw: st.DrawFn) -> list[StatementFile]:
    """One to four files: an app's, a bank's, one of unknown account; sometimes a file given
    twice and an overlapping re-export of the app's account."""
    files = [statement("alipay.csv", draw(lines_of("a")), **APP)]
    if draw(st.booleans()):
        files.append(statement("icbc.csv", draw(lines_of("i")), **ICBC))
    if draw(st.booleans()):
        files.append(statement("unknown.csv", draw(lines_of("u"))))
    first = list(files[0].lines)
    if first and draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(range(len(first))), unique=True))
        files.append(statement("alipay-2.csv", [first[i] for i in sorted(chosen)], **APP))
    if draw(st.booleans()):
        files.append(files[0])
    return draw(st.permutations(files))


@st.composite
def classifiers(draw: st.DrawFn) -> tuple:
    """Rules (the defaults, maybe after the officer's rules with amount bounds or reading the
    account), counterparty overrides and the owner; as arguments, so each side builds its own."""
    extra = []
    for _ in range(draw(st.integers(0, 3))):
        low, high = sorted(draw(st.lists(st.sampled_from(BOUNDS[1:]), min_size=2, max_size=2)))
        extra.append(
            Rule(
                draw(st.sampled_from(CATEGORIES)),
                draw(st.sampled_from(((), (), ("转账",), ("5678",), ("客户",)))),
                draw(st.sampled_from((Direction.ANY, *Direction))),
                draw(st.sampled_from(((Field.MEMO,), (Field.ACCOUNT,), (Field.COUNTERPARTY,)))),
                *draw(st.sampled_from(((low, high), (None, high), (low, None), (high, low)))),
            )
        )
    overrides = draw(
        st.dictionaries(
            st.sampled_from(PARTIES).map(str.strip), st.sampled_from(CATEGORIES), max_size=2
        )
    )
    names = draw(st.lists(st.sampled_from(OWNER_NAMES), unique=True))
    accounts = draw(st.lists(st.sampled_from(OWN_ACCOUNTS), unique=True))
    owner = Owner(tuple(names), tuple(accounts))
    return (*extra, *DEFAULT_RULES), overrides, owner


@st.composite
def row_overrides(draw: st.DrawFn, files: list[StatementFile]) -> dict[tuple[str, int], Category]:
    keys = [(f.sha256, line.line) for f in files for line in f.lines] + [("nowhere", 2)]
    chosen = draw(st.lists(st.sampled_from(keys), max_size=4))
    return {key: draw(st.sampled_from(CATEGORIES)) for key in chosen}


@st.composite
def alike_lines(draw: st.DrawFn) -> list[Line]:
    """Lines of a few texts with amounts on either side of the rules' bounds: the same key
    must never hide an amount that a bound treats differently."""
    first_lines = lines_of("t").filter(bool).map(lambda lines: lines[0])
    templates = draw(st.lists(first_lines, min_size=1, max_size=3))
    near = sorted({b + d for b in BOUNDS[1:] for d in (-1, 0, 1)})
    sign = draw(st.sampled_from((1, -1)))
    return [
        replace(draw(st.sampled_from(templates)), amount_fen=sign * draw(st.sampled_from(near)))
        for _ in range(draw(st.integers(4, 30)))
    ]


@settings(max_examples=150, deadline=None)
@given(classifiers(), st.lists(lines_of("x") | alike_lines(), min_size=1, max_size=3), st.data())
def test_classifying_all_lines_at_once_equals_classifying_each(
    setup: tuple, batches: list[list[Line]], data: st.DataObject
) -> None:
    lines = [line for batch in batches for line in batch]
    positions = st.integers(0, len(lines) - 1)
    by_row = (
        data.draw(st.dictionaries(positions, st.sampled_from(CATEGORIES), max_size=3))
        if lines
        else {}
    )
    fast = Classifier(*setup)
    for batch in batches:  # one classifier over several statements, as a rebuild reuses it
        assert fast.classify_all(batch) == classify_each(Classifier(*setup), batch)
    assert Classifier(*setup).classify_all(lines, by_row) == classify_each(
        Classifier(*setup), lines, by_row
    )


@settings(max_examples=200, deadline=None)
@given(
    statements(),
    classifiers(),
    st.none() | st.dates(date(2023, 6, 1), date(2025, 12, 31)),
    st.data(),
)
def test_the_rebuild_equals_the_plain_per_line_rebuild(
    files: list[StatementFile], setup: tuple, through: date | None, data: st.DataObject
) -> None:
    by_row = data.draw(row_overrides(files))
    rebuilt = rebuild(files, Classifier(*setup), through=through, row_overrides=by_row)
    plain = reference_rebuild(files, Classifier(*setup), through=through, row_overrides=by_row)

    assert rebuilt.lines == plain.lines
    assert rebuilt.classes == plain.classes
    assert rebuilt.exclusions == plain.exclusions
    assert rebuilt.pairs == plain.pairs
    assert rebuilt.outside == plain.outside
    cells = {(m.month, kind): (c.fen, c.rows) for m in rebuilt.months for kind, c in m.cells}
    assert cells == plain.cells
    for m in rebuilt.months:  # cells in the categories' order, none empty
        assert [kind for kind, _ in m.cells] == [k for k in CATEGORIES if m.cell(k).rows]
    assert rebuilt.previous_revenue == Cell(*plain.previous)
    top = tuple((t.name, t.sales_fen, t.share, t.first_seen, t.rows) for t in rebuilt.top_customers)
    assert top == plain.top
    assert rebuilt.financials.annual_sales_fen == sum(m.revenue_fen for m in rebuilt.months)
    counted = {f.sha256: f for f in files}.values()  # a file given twice counts once
    expected = [LineRef(f.name, f.sha256, line.line) for f in counted for line in f.lines]
    assert [rebuilt.origin(i) for i in range(len(rebuilt.lines))] == expected


def test_lines_of_one_text_either_side_of_a_bound_are_classed_apart() -> None:
    """The fast path decides each text once per side of every bound: at, below and above."""
    for low, high in ((5000, None), (None, 5000), (100, 5000), (5000, 5000)):
        rules = (Rule(Category.LOANS, ("转账",), Direction.ANY, min_fen=low, max_fen=high),)
        lines = [Line(START, sign * fen, "李四", "转账") for fen in (99, 100, 101, 4999, 5000,
                 5001) for sign in (1, -1)]  # fmt: skip
        classes = Classifier((*rules, *DEFAULT_RULES)).classify_all(lines)
        assert classes == classify_each(Classifier((*rules, *DEFAULT_RULES)), lines)
        loans = [abs(line.amount_fen) for line, c in zip(lines, classes, strict=True)
                 if c.category is Category.LOANS]  # fmt: skip
        assert loans == [fen for fen in loans if (low or 0) <= fen <= (high or fen)]
        assert loans
