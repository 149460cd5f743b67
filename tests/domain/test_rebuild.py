"""The rebuilt statements (R24), worked by hand: refunds netted, overlaps removed, own
transfers and double-seen payments left out, the meter and gap flags, the R12 figures — and
a property: no line is ever counted twice, and a re-exported overlap changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.statement_lines import Line, at, statement
from workstation.domain.application import Financials
from workstation.domain.classify import Basis, Category, Classifier, Owner
from workstation.domain.rebuild import (
    AccountKind,
    Excluded,
    GrowthBasis,
    RebuiltStatement,
    StatementFile,
    rebuild,
)
from workstation.domain.rebuild_checks import (
    FlagKind,
    UtilityKind,
    UtilityUsage,
    figures_for_scoring,
    monthly_usage,
)

APP = AccountKind.PAYMENT_APP
ALIPAY = {"kind": APP, "account": "alipay:138****8888", "aliases": ("支付宝",)}
ICBC = {"account": "icbc:6222020200012345678", "aliases": ("工商银行", "(5678)")}


def month(rebuilt: RebuiltStatement, first_day: str):
    wanted = date.fromisoformat(first_day)
    return next(m for m in rebuilt.months if m.month == wanted)


def kinds(rebuilt: RebuiltStatement) -> dict[str, str]:
    """file:line → why it is left out ("" when counted)."""
    out = {}
    for i in range(len(rebuilt.lines)):
        ref, why = rebuilt.origin(i), rebuilt.exclusion(i)
        out[f"{ref.file_name}:{ref.line}"] = str(why.reason) if why else ""
    return out


# --- refunds ---------------------------------------------------------------------------------


def test_a_refund_nets_against_the_sale_it_reverses_in_the_sales_month() -> None:
    # A sale of 1,000.00 in January, 200.00 of it refunded in February. The export prints the
    # refund as money back (+), as Alipay does; a refund reverses its sale whatever the sign.
    shop = statement("alipay.csv", [
        Line(at("2025-01-10 09:00:00"), 100000, "客户甲", "货款", order_number="A0000000001"),
        Line(at("2025-02-03 12:00:00"), 20000, "客户甲", "退款-货款", is_refund=True,
             order_number="A0000000001_2", refund_of="A0000000001"),
        Line(at("2025-02-05 12:00:00"), 50000, "客户乙", "货款"),
    ], **ALIPAY)  # fmt: skip
    rebuilt = rebuild([shop], through=date(2025, 2, 1))
    january, february = month(rebuilt, "2025-01-01"), month(rebuilt, "2025-02-01")
    assert january.revenue_fen == 80000  # 1,000.00 − 200.00
    assert february.revenue_fen == 50000  # the refund is not February's
    assert [r.line for r in rebuilt.trace(10, Category.SALES)] == [2, 3]  # January
    assert rebuilt.financials.annual_sales_fen == 130000


def test_a_partial_refund_the_export_states_is_taken_off_its_original() -> None:
    # WeChat: a 100.00 purchase whose status says 已退款(￥0.11); a 50.00 one fully refunded
    # with its refund row present (counted once, not twice).
    bill = statement("wechat.csv", [
        Line(at("2023-03-25 08:08:08"), -10000, "某生鲜店", "蔬菜", refunded_fen=11,
             order_number="4200001235"),
        Line(at("2023-03-24 15:00:00"), -5000, "某文具店", "打印纸", refunded_fen=5000,
             order_number="4200001236"),
        Line(at("2023-03-24 18:00:00"), 5000, "某文具店", "", is_refund=True,
             order_number="50300001236", refund_of="4200001236"),
    ], kind=APP, account="wechat:小张")  # fmt: skip
    march = rebuild([bill]).months[-1]
    assert march.cell(Category.OTHER).fen == -9989  # −100.00 + 0.11; −50.00 + 50.00
    assert march.net_cash_flow_fen == -9989


def test_an_unlinked_refund_paid_out_reduces_sales_and_one_received_stays_a_refund() -> None:
    bank = statement("bank.csv", [
        Line(at("2025-03-01 10:00:00"), 300000, "客户丙", "货款"),
        Line(at("2025-03-02 10:00:00"), -40000, "客户丙", "退货退款"),
        Line(at("2025-03-03 10:00:00"), 7000, "某供应商", "退款"),
    ], **ICBC)  # fmt: skip
    march = rebuild([bank]).months[-1]
    assert march.revenue_fen == 260000
    assert march.cell(Category.REFUND).fen == 7000
    assert march.net_cash_flow_fen == 267000


def test_a_closed_order_is_dropped_unless_a_refund_proves_it_was_paid() -> None:
    shop = statement("alipay.csv", [
        Line(at("2023-03-20 14:02:33"), -9900, "某某旗舰店", "包装盒", status="交易关闭",
             order_number="2023032022001188003333333333"),
        Line(at("2023-02-12 21:32:14"), -12000, "某某专营店", "打印机", status="交易关闭",
             order_number="2023021222001188008888888888"),
        Line(at("2023-02-14 11:11:11"), 12000, "某某专营店", "退款-打印机", is_refund=True,
             refund_of="2023021222001188008888888888"),
    ], **ALIPAY)  # fmt: skip
    rebuilt = rebuild([shop])
    assert kinds(rebuilt) == {"alipay.csv:2": "unpaid", "alipay.csv:3": "", "alipay.csv:4": ""}
    assert month(rebuilt, "2023-02-01").net_cash_flow_fen == 0  # paid, refunded: nets to 0


# --- duplicates ------------------------------------------------------------------------------


def _coffee_and_sales(seconds: bool) -> list[Line]:
    """February's lines, as the first export has them or as an Excel re-save (no seconds)."""
    s = ":27" if seconds else ""
    return [
        Line(at(f"2025-02-03 08:15{s}"), -1800, "某咖啡店", "咖啡"),
        Line(at(f"2025-02-03 08:15{s}"), -1800, "某咖啡店", "咖啡"),  # two cups: two lines
        Line(at(f"2025-02-10 10:00{s}"), 250000, "客户甲", "货款"),
    ]


def test_overlapping_statements_of_one_account_count_each_line_once() -> None:
    first = statement("jan-feb.csv", [
        Line(at("2025-01-20 10:00:00"), 100000, "客户甲", "货款"), *_coffee_and_sales(True),
    ], **ALIPAY)  # fmt: skip
    second = statement("feb-mar.csv", [
        *_coffee_and_sales(False), Line(at("2025-03-05 10:00:00"), 120000, "客户乙", "货款"),
    ], **ALIPAY)  # fmt: skip
    rebuilt = rebuild([first, second, first])  # the first file uploaded twice, too
    assert rebuilt.repeated_files == (("jan-feb.csv", "jan-feb.csv"),)
    assert [m.revenue_fen for m in rebuilt.months[-3:]] == [100000, 250000, 120000]
    assert month(rebuilt, "2025-02-01").cell(Category.OTHER).fen == -3600  # both cups, once
    left_out = [k for k, v in kinds(rebuilt).items() if v == "overlap"]
    assert left_out == ["feb-mar.csv:2", "feb-mar.csv:3", "feb-mar.csv:4"]
    assert rebuilt.exclusion(4).partner == 1  # feb-mar.csv:2 is jan-feb.csv:3


def test_equal_lines_of_different_accounts_are_not_duplicates() -> None:
    lines = [Line(at("2025-02-10 10:00:00"), 250000, "客户甲", "货款")]
    other = {**ALIPAY, "account": "alipay:139****0000"}
    rebuilt = rebuild([statement("a.csv", lines, **ALIPAY), statement("b.csv", lines, **other)])
    assert rebuilt.months[-1].revenue_fen == 500000


def test_the_same_payment_in_alipay_and_the_bank_counts_once() -> None:
    alipay = statement("alipay.csv", [
        Line(at("2025-03-28 09:15:00"), -80000, "某某供应链有限公司", "原料采购",
             channel="工商银行储蓄卡(5678)"),
        Line(at("2025-03-28 09:20:00"), -80000, "某某供应链有限公司", "原料采购",
             channel="余额宝"),  # a second order paid from 余额宝: not in the bank's statement
    ], **ALIPAY)  # fmt: skip
    bank = statement("icbc.csv", [
        Line(at("2025-03-28 00:00:00"), -80000, "支付宝(中国)网络技术有限公司", "快捷支付",
             time_known=False),
    ], **ICBC)  # fmt: skip
    rebuilt = rebuild([alipay, bank])
    assert kinds(rebuilt) == {"alipay.csv:2": "", "alipay.csv:3": "", "icbc.csv:2": "same_payment"}
    assert rebuilt.exclusion(2).partner == 0
    assert rebuilt.months[-1].purchases_fen == 160000  # two orders, each once


# --- own transfers ---------------------------------------------------------------------------


def test_a_transfer_between_own_accounts_across_alipay_and_the_bank_is_left_out() -> None:
    # 5,000.00 withdrawn from Alipay to the ICBC card ending 5678; the bank books it the next
    # day as an inflow that names nobody, which alone would read as a sale.
    alipay = statement("alipay.csv", [
        Line(at("2025-03-10 20:00:00"), 500000, "工商银行(5678)", "提现-实时提现",
             flow="neutral", category="转账"),
        Line(at("2025-03-11 09:00:00"), 300000, "客户甲", "货款"),
    ], **ALIPAY)  # fmt: skip
    bank = statement("icbc.csv", [
        Line(at("2025-03-11 00:00:00"), 500000, "", "跨行转入", time_known=False),
        Line(at("2025-03-12 00:00:00"), 500000, "赵六", "网银转入", time_known=False),
    ], **ICBC)  # fmt: skip
    rebuilt = rebuild([alipay, bank])
    assert rebuilt.pairs == ((0, 2),)
    assert rebuilt.classes[2].category is Category.OWN_TRANSFER
    assert rebuilt.classes[2].basis is Basis.PAIRED
    march = rebuilt.months[-1]
    assert march.revenue_fen == 800000  # the customer and 赵六, not the withdrawal
    assert march.cell(Category.OWN_TRANSFER).rows == (0, 2)
    assert march.net_cash_flow_fen == 800000


def test_an_inflow_that_only_happens_to_match_is_not_taken_for_a_transfer() -> None:
    # 余额宝 moves inside Alipay; a customer pays the same amount into the bank that day.
    alipay = statement("alipay.csv", [
        Line(at("2025-03-10 08:00:00"), 50000, "余额宝", "余额宝-自动转入", flow="neutral"),
    ], **ALIPAY)  # fmt: skip
    bank = statement("icbc.csv", [
        Line(at("2025-03-10 00:00:00"), 50000, "", "网银转入", time_known=False),
    ], **ICBC)  # fmt: skip
    rebuilt = rebuild([alipay, bank])
    assert rebuilt.pairs == ()
    assert rebuilt.months[-1].revenue_fen == 50000


def test_money_to_the_owner_pairs_with_the_inflow_in_the_owners_other_account() -> None:
    icbc = statement("icbc.csv", [
        Line(at("2025-03-10 00:00:00"), -1000000, "张三", "转账", time_known=False),
    ], **ICBC)  # fmt: skip
    ccb = statement(
        "ccb.xlsx",
        [
            Line(at("2025-03-10 10:21:33"), 1000000, "", "转账存入"),
        ],
        account="ccb:6217000012345678901",
        aliases=("建设银行",),
    )
    rebuilt = rebuild([icbc, ccb], Classifier(owner=Owner(("张三",))))
    assert rebuilt.pairs == ((0, 1),)
    assert rebuilt.financials.annual_sales_fen == 0


# --- figures and flags -----------------------------------------------------------------------


def _year(sales_by_month: list[int], start: str = "2024-01") -> StatementFile:
    """A year of monthly sales (fen), one receipt a month, and 1,000.00 rent a month."""
    first = date.fromisoformat(f"{start}-01")
    lines = []
    for n, fen in enumerate(sales_by_month):
        day = date(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1, 15)
        when = datetime.combine(day, datetime.min.time())
        lines.append(Line(when, fen, f"客户{n % 3}", "货款"))
        lines.append(Line(when + timedelta(hours=1), -100000, "房东", "房租"))
    return statement(f"sales-{start}.csv", lines, **ICBC)


def _monthly_bills(kwh: list[int], start: date = date(2024, 1, 1)) -> list[UtilityUsage]:
    bills, first = [], start
    for usage in kwh:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        bills.append(UtilityUsage(first, following - timedelta(days=1), UtilityKind.ELECTRICITY,
                                  Decimal(usage), usage * 80))  # fmt: skip
        first = following
    return bills


def test_sales_doubling_while_power_halves_raises_the_meter_flag() -> None:
    rebuilt = rebuild(
        [_year([1_000_000] * 6 + [2_000_000] * 6)],
        utilities=_monthly_bills([1000] * 6 + [500] * 6),
    )
    assert rebuilt.meter.flagged
    assert (rebuilt.meter.sales_ratio, rebuilt.meter.power_ratio) == (Decimal("2.00"),
                                                                      Decimal("0.50"))  # fmt: skip
    assert rebuilt.months[0].electricity_kwh == Decimal("1000.00")
    meter = [f for f in rebuilt.flags if f.kind is FlagKind.METER]
    assert meter[0].message.render() == (
        "Sales went to 2.00× while electricity use went to 0.50× (the last six months against "
        "the first six): the meter does not bear out the sales"
    )


def test_ordinary_growth_with_a_little_less_power_is_not_flagged() -> None:
    rebuilt = rebuild(
        [_year([1_000_000] * 6 + [1_200_000] * 6)],
        utilities=_monthly_bills([1000] * 6 + [900] * 6),
    )
    assert not rebuilt.meter.flagged
    assert rebuilt.meter.sales_ratio == Decimal("1.20")


def test_without_enough_metered_months_there_is_no_meter_verdict() -> None:
    rebuilt = rebuild([_year([1_000_000] * 6 + [2_000_000] * 6)], utilities=_monthly_bills([900]))
    assert rebuilt.meter.sales_ratio is None and not rebuilt.meter.flagged


def test_bills_that_straddle_months_are_spread_by_days() -> None:
    # 15 Jan – 14 Feb, 310 kWh over 31 days; 15 Feb – 14 Mar, 280 kWh over 28 days.
    bills = [
        UtilityUsage(date(2024, 1, 15), date(2024, 2, 14), UtilityKind.ELECTRICITY,
                     Decimal(310), 0),
        UtilityUsage(date(2024, 2, 15), date(2024, 3, 14), UtilityKind.ELECTRICITY,
                     Decimal(290), 0),
    ]  # fmt: skip
    months = [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)]
    # January is only half billed; February = 14 days × 10 + 15 days × 10 = 290.
    assert monthly_usage(bills, UtilityKind.ELECTRICITY, months) == [None, Decimal("290.00"),
                                                                     None]  # fmt: skip


def test_the_r12_figures_come_from_the_monthly_view() -> None:
    rebuilt = rebuild([_year([1_000_000] * 6 + [2_000_000] * 6)])
    fin = rebuilt.financials
    assert fin.annual_sales_fen == 18_000_000 == sum(m.revenue_fen for m in rebuilt.months)
    assert fin.operating_cost_fen == 1_200_000  # twelve months' rent
    assert fin.net_profit_margin == Decimal("0.9333")  # (180,000 − 12,000) / 180,000
    # only these 12 months are covered: the last six against the six before, over a year
    assert rebuilt.growth_basis is GrowthBasis.HALF_YEAR
    assert fin.sales_growth == Decimal("3.0000")  # (2 × 2) − 1
    assert [(t.name, t.share) for t in rebuilt.top_customers] == [
        ("客户0", Decimal("0.3333")),
        ("客户1", Decimal("0.3333")),
    ]
    assert rebuilt.flags == ()


def test_sales_growth_is_year_on_year_when_the_year_before_is_covered() -> None:
    before = _year([1_000_000] * 12, start="2023-01")
    rebuilt = rebuild([before, _year([1_250_000] * 12)])
    assert rebuilt.growth_basis is GrowthBasis.YEAR_ON_YEAR
    assert rebuilt.financials.sales_growth == Decimal("0.2500")
    assert rebuilt.previous_revenue.fen == 12_000_000


def test_a_declared_figure_more_than_30_percent_off_the_bills_is_flagged() -> None:
    rebuilt_sales = 12_000_000  # 120,000.00 a year, rent 12,000.00
    at_limit = Financials(annual_sales_fen=15_600_000, operating_cost_fen=1_200_000)
    over = Financials(annual_sales_fen=15_600_100, operating_cost_fen=600_000)
    quiet = rebuild([_year([1_000_000] * 12)], declared=at_limit)
    loud = rebuild([_year([1_000_000] * 12)], declared=over)
    assert quiet.financials.annual_sales_fen == rebuilt_sales
    assert quiet.comparison[0].gap == Decimal("0.3000") and not quiet.comparison[0].flagged
    assert [f.kind for f in loud.flags] == [FlagKind.SALES_GAP, FlagKind.COST_GAP]
    assert [f.message.render() for f in loud.flags] == [
        "Declared sales (CNY 156,001.00) differ by +30% from the CNY 120,000.00 the bills "
        "show (more than 30%)",
        "Declared operating cost (CNY 6,000.00) differs by -50% from the CNY 12,000.00 the "
        "bills show (more than 30%)",
    ]


def test_declared_adjusted_and_rebuilt_side_by_side_and_scoring_takes_the_adjusted() -> None:
    declared = Financials(annual_sales_fen=30_000_000, operating_cost_fen=1_000_000)
    adjusted = Financials(annual_sales_fen=13_000_000)
    rebuilt = rebuild([_year([1_000_000] * 12)], declared=declared, adjusted=adjusted)
    sales = rebuilt.comparison[0]
    assert (sales.name, sales.declared, sales.rebuilt, sales.adjusted) == (
        "annual_sales_fen", 30_000_000, 12_000_000, 13_000_000)  # fmt: skip
    assert sales.gap == Decimal("1.5000") and sales.flagged
    used = figures_for_scoring(declared, adjusted)
    assert (used.annual_sales_fen, used.operating_cost_fen) == (13_000_000, 1_000_000)
    assert figures_for_scoring(declared, None) is declared


def test_bills_covering_part_of_the_year_say_so_and_nothing_declared_is_shown_as_none() -> None:
    rebuilt = rebuild([_year([1_000_000] * 3, start="2024-10")],
                      declared=Financials(operating_cost_fen=100))  # fmt: skip
    assert [f.kind for f in rebuilt.flags] == [FlagKind.COST_GAP, FlagKind.PARTIAL_COVERAGE]
    assert rebuilt.flags[-1].message.render() == (
        "The statements cover 3 of the 12 months; the rebuilt figures are for those months only"
    )
    assert rebuilt.financials.sales_growth is None and rebuilt.growth_basis is None


def test_declared_sales_with_no_sales_in_the_bills_are_flagged() -> None:
    rent_only = statement("rent.csv", [Line(at("2025-01-05 09:00:00"), -100000, "房东", "房租")])
    rebuilt = rebuild([rent_only], declared=Financials(annual_sales_fen=5_000_000))
    assert rebuilt.flags[0].message.render() == (
        "Sales of CNY 50,000.00 are declared but the bills show none"
    )
    assert rebuilt.financials.net_profit_margin is None


def test_the_window_ends_at_the_month_asked_for() -> None:
    rebuilt = rebuild([_year([1_000_000] * 12)], through=date(2024, 6, 30))
    assert rebuilt.months[0].month == date(2023, 7, 1)
    assert rebuilt.financials.annual_sales_fen == 6_000_000
    assert rebuilt.excluded_counts()[Excluded.OUTSIDE] == 12  # July–December, sales and rent
    assert rebuilt.exclusion(12).reason is Excluded.OUTSIDE


def test_the_officers_class_of_one_line_is_kept_by_file_and_line() -> None:
    bank = _year([1_000_000] * 12)
    loan = {(bank.sha256, 2): Category.LOANS}  # January's receipt was a loan from a friend
    rebuilt = rebuild([bank], row_overrides=loan)
    assert rebuilt.classes[0].basis is Basis.ROW
    assert rebuilt.financials.annual_sales_fen == 11_000_000


# --- the property ----------------------------------------------------------------------------

PARTIES = ("客户甲", "客户乙", "某供应商", "房东", "")
MEMOS = ("货款", "房租", "原料采购", "转账", "手续费")
START = datetime(2024, 1, 1)


@st.composite
def account_lines(draw: st.DrawFn) -> list[Line]:
    """One account's lines over 18 months: some closed orders, some refunds of earlier ones."""
    count = draw(st.integers(1, 30))
    lines: list[Line] = []
    for n in range(count):
        when = START + timedelta(seconds=draw(st.integers(0, 540 * 86400)))
        if lines and draw(st.integers(0, 5)) == 0:
            original = draw(st.sampled_from(lines))
            lines.append(
                Line(
                    when,
                    draw(st.integers(1, abs(original.amount_fen))),
                    original.counterparty,
                    "退款",
                    is_refund=True,
                    order_number=f"R{n:04d}",
                    refund_of=original.order_number,
                )
            )
            continue  # fmt: skip
        fen = draw(st.integers(-(10**7), 10**7).filter(bool))
        status = "交易关闭" if draw(st.integers(0, 9)) == 0 else "交易成功"
        lines.append(Line(when, fen, draw(st.sampled_from(PARTIES)), draw(st.sampled_from(MEMOS)),
                          status=status, order_number=f"O{n:04d}"))  # fmt: skip
    return lines


def _figures(rebuilt: RebuiltStatement) -> list[tuple]:
    return [(m.month, tuple((k, c.fen) for k, c in m.cells)) for m in rebuilt.months]


@settings(max_examples=150, deadline=None)
@given(account_lines(), st.data())
def test_no_line_is_counted_twice_and_a_reexported_overlap_changes_nothing(
    lines: list[Line], data: st.DataObject
) -> None:
    original = statement("export-1.csv", lines, **ALIPAY)
    chosen = data.draw(st.lists(st.sampled_from(range(len(lines))), unique=True))
    resaved = [  # an overlapping export of the same account, re-saved by Excel (no seconds)
        Line(**{**lines[i].__dict__, "timestamp": lines[i].timestamp.replace(second=0)})
        for i in sorted(chosen)
    ]
    copy = statement("export-2.csv", resaved, **ALIPAY)
    through = date(2025, 3, 1)
    alone = rebuild([original], through=through)
    for files in ([original, copy], [copy, original]):
        both = rebuild(files, through=through)
        assert _figures(both) == _figures(alone)
        counted = [i for m in both.months for _, cell in m.cells for i in cell.rows]
        assert len(counted) == len(set(counted))  # no line in two cells
        left_out = [i for i in range(len(both.lines)) if both.exclusion(i)]
        assert sorted(counted + left_out) == list(range(len(both.lines)))  # every line once
        assert both.financials.annual_sales_fen == sum(m.revenue_fen for m in both.months)
        assert both.financials.operating_cost_fen == sum(m.operating_cost_fen for m in both.months)


@st.composite
def mixed_lines(draw: st.DrawFn) -> list[Line]:
    """Lines that invite every cross-file match: withdrawals, card payments, platform names."""
    lines = []
    for _ in range(draw(st.integers(0, 15))):
        when = START + timedelta(days=draw(st.integers(0, 40)), hours=draw(st.integers(0, 23)))
        fen = draw(st.sampled_from((-50000, 50000, -80000, 80000, 120000)))
        party = draw(st.sampled_from(("工商银行(5678)", "支付宝(中国)网络技术有限公司", "张三",
                                      "", "客户甲", "某某供应链有限公司")))  # fmt: skip
        flow = draw(st.sampled_from(("", "", "neutral")))
        channel = draw(st.sampled_from(("", "工商银行储蓄卡(5678)", "余额宝")))
        lines.append(Line(when, fen, party, draw(st.sampled_from(MEMOS)), flow=flow,
                          channel=channel, time_known=draw(st.booleans())))  # fmt: skip
    return lines


@settings(max_examples=150, deadline=None)
@given(mixed_lines(), mixed_lines(), mixed_lines())
def test_across_accounts_every_line_is_counted_once_and_pairs_do_not_share_lines(
    app: list[Line], bank: list[Line], other: list[Line]
) -> None:
    files = [
        statement("alipay.csv", app, **ALIPAY),
        statement("icbc.csv", bank, **ICBC),
        statement("ccb.csv", other, account="ccb:1", aliases=("建设银行",)),
    ]
    rebuilt = rebuild(files, Classifier(owner=Owner(("张三",))), through=date(2024, 2, 1))
    counted = [i for m in rebuilt.months for _, cell in m.cells for i in cell.rows]
    left_out = [i for i in range(len(rebuilt.lines)) if rebuilt.exclusion(i)]
    assert sorted(counted + left_out) == list(range(len(rebuilt.lines)))
    paired = [i for pair in rebuilt.pairs for i in pair]
    assert len(paired) == len(set(paired))
    assert all(rebuilt.classes[i].category is Category.OWN_TRANSFER for i in paired)
    assert not set(paired) & {e.index for e in rebuilt.exclusions}
    for e in rebuilt.exclusions:
        if e.reason is Excluded.SAME_PAYMENT:
            assert rebuilt.origin(e.index).file_name in ("icbc.csv", "ccb.csv")  # banks
            assert rebuilt.exclusion(e.partner) is None  # counted on the app's side
