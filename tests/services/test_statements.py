"""The rebuilt statement of a case (R24) from its stored lines: the same figures as the
domain gives on the files, the officer's classes, the rule list, the trace, adjustments and
the scoring that reads them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tests.services.book import dump
from tests.services.test_rating import _ready, good_app
from tests.services.test_uploads import FIXTURES, investigating
from workstation.domain.application import Financials
from workstation.domain.classify import DEFAULT_RULES, Basis, Category, Direction, Rule
from workstation.domain.messages import RuleError
from workstation.domain.rebuild import NOT_COUNTED
from workstation.domain.rebuild_checks import FlagKind, UtilityUsage
from workstation.domain.rebuild_checks import UtilityKind as UsageKind
from workstation.importers.detect import read_utility_bills
from workstation.services import rating, rescore, statements, uploads
from workstation.services.context import Context, FixedClock, Session
from workstation.services.rating_common import ApplicationProblems
from workstation.services.rebuild import read_files, rebuild_results
from workstation.services.statements import LineFilter

FILES = ("alipay.csv", "wechat.csv", "cmb.csv", "icbc.pdf", "cmb.pdf")


def _with_files(ctx: Context, who: Session, names: tuple[str, ...] = FILES) -> int:
    case_id = investigating(ctx, who)
    for name in names:
        uploads.upload(ctx, who, case_id, FIXTURES / name)
    return case_id


def _domain(names: tuple[str, ...], **extra: object):
    """The rebuild of the files themselves, as the command line makes it."""
    return rebuild_results(
        read_files([FIXTURES / n for n in names]), owner_names=("王伟", "杭州鑫源服饰商行"), **extra
    )  # type: ignore[arg-type]


def test_the_stored_rebuild_equals_the_domains_on_the_same_files(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _with_files(ctx, li, (*FILES, "utility.csv"))
    bills = read_utility_bills(FIXTURES / "utility.csv").bills
    usage = [
        UtilityUsage(b.period_start, b.period_end, UsageKind(b.kind), b.usage, b.amount_fen)
        for b in bills
    ]
    expected = _domain(FILES, utilities=usage)
    got = statements.rebuild(ctx, li, case_id)
    assert got.financials == expected.financials
    assert got.months == expected.months
    assert got.classes == expected.classes
    assert got.exclusions == expected.exclusions and got.pairs == expected.pairs
    assert got.meter == expected.meter
    # the fixtures are of 2024, the case of 2026: the statement says they are stale
    assert got.flags[:-1] == expected.flags and got.flags[-1].kind is FlagKind.STALE
    assert dict(got.flags[-1].message.params)["month"] == "2024-02"
    assert [m.electricity_kwh for m in got.months] == [m.electricity_kwh for m in expected.months]


def test_a_figure_traces_to_the_file_and_the_place_in_it(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _with_files(ctx, li, ("icbc.pdf",))
    seen = statements.case_statement(ctx, li, case_id)
    month = next(n for n, m in enumerate(seen.statement.months) if m.revenue_fen)
    traced = statements.trace(ctx, li, case_id, month, Category.SALES)
    assert traced == seen.trace(month, Category.SALES)
    assert sum(t.amount_fen for t in traced) == seen.statement.months[month].revenue_fen
    first = traced[0]
    assert (first.file_name, first.line, first.amount_fen) == ("icbc.pdf", 1005, 1_250_000)
    assert first.place.render() == "page 1, row 5"
    assert statements.place(12, "csv").render() == "line 12"
    assert statements.place(7, "xlsx").render() == "row 7"


def test_reclassing_a_counterparty_applies_to_all_its_rows_and_is_remembered(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    case_id = _with_files(ctx, li, ("wechat.csv",))
    party = LineFilter(counterparty="某文具店")
    assert len(statements.lines(ctx, li, case_id, party)) == 2
    one = statements.lines(ctx, li, case_id, party)[0]
    statements.reclass_line(ctx, li, case_id, one.sha256, one.line, Category.RENT)
    assert statements.lines(ctx, li, case_id, party)[0].basis is Basis.ROW
    applied = statements.reclass_counterparty(ctx, li, case_id, " 某文具店 ", Category.PURCHASES)
    assert applied == 2
    again = statements.lines(ctx, li, case_id, party)
    assert [(x.category, x.basis) for x in again] == [(Category.PURCHASES, Basis.COUNTERPARTY)] * 2
    assert again[0].why.render() == "The officer's class for this counterparty"
    clock.advance(seconds=1)
    other = _with_files(ctx, zhang, ("wechat.csv",))  # the next case: remembered
    assert {x.category for x in statements.lines(ctx, zhang, other, party)} == {Category.PURCHASES}
    statements.reclass_counterparty(
        ctx, zhang, other, "某文具店", Category.PERSONAL, remember=False
    )  # this case only
    assert {x.category for x in statements.lines(ctx, zhang, other, party)} == {Category.PERSONAL}
    assert {x.category for x in statements.lines(ctx, li, case_id, party)} == {Category.PURCHASES}
    statements.reclass_counterparty(ctx, li, case_id, "某文具店", None)  # forget it
    assert {x.basis for x in statements.lines(ctx, li, case_id, party)} != {Basis.COUNTERPARTY}


def test_reclassing_changes_the_rebuilt_figures(ctx: Context, people: dict[str, Session]) -> None:
    li = people["li.inv"]
    case_id = _with_files(ctx, li, ("alipay.csv",))
    before = statements.rebuild(ctx, li, case_id).financials.annual_sales_fen
    buyer = statements.lines(ctx, li, case_id, LineFilter(counterparty="淘宝买家"))
    assert [x.category for x in buyer] == [Category.SALES]
    statements.reclass_line(ctx, li, case_id, buyer[0].sha256, buyer[0].line, Category.LOANS)
    after = statements.rebuild(ctx, li, case_id).financials.annual_sales_fen
    assert before is not None and after == before - 200_000


def test_classing_refusals_change_nothing(ctx: Context, people: dict[str, Session]) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    case_id = _with_files(ctx, li, ("wechat.csv",))
    sha = uploads.documents(ctx, li, case_id)[0].sha256
    before = dump(ctx)
    with pytest.raises(RuleError, match="Only the case's investigator"):
        statements.reclass_counterparty(ctx, zhang, case_id, "某文具店", Category.OTHER)
    with pytest.raises(RuleError, match="is not on case"):
        statements.reclass_line(ctx, li, case_id, sha, 999, Category.OTHER)
    with pytest.raises(RuleError, match="Name the counterparty"):
        statements.reclass_counterparty(ctx, li, case_id, "  ", Category.OTHER)
    assert dump(ctx) == before


def test_lines_filter_by_file_month_category_and_whether_they_count(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _with_files(ctx, li, ("alipay.csv", "icbc.csv"))
    seen = statements.case_statement(ctx, li, case_id)
    icbc = next(d for d in seen.documents if d.file_name == "icbc.csv")
    assert [x.line for x in seen.lines(LineFilter(sha256=icbc.sha256))] == [6, 7, 8]
    from datetime import date

    march = seen.lines(LineFilter(month=date(2023, 3, 1), category=Category.SALES))
    assert {x.counterparty for x in march} == {"王**", "淘宝买家"}
    left_out = seen.lines(LineFilter(counted=False))
    # left out with a reason, or of a class no figure counts (loans, own transfers: financing)
    assert all(not x.counted for x in left_out)
    assert all(
        (x.excluded is not None and x.excluded_why is not None) or x.category in NOT_COUNTED
        for x in left_out
    )
    financing = [x for x in seen.lines(LineFilter()) if x.category in NOT_COUNTED]
    assert financing and all(not x.counted for x in financing)
    assert len(left_out) + len(seen.lines(LineFilter(counted=True))) == len(seen.statement.lines)
    assert seen.lines(LineFilter(text="房租"))[0].memo == "三月房租"
    parties = {c.name: c for c in seen.counterparties()}
    assert "某某供应链有限公司" in parties
    # found in the walk-through: a move to 余额宝 (不计收支, amount unsigned) counted as money
    # in; it is neither in nor out. A refund marked 不计收支 is money back.
    yuebao = parties["余额宝"]
    assert (yuebao.income_fen, yuebao.expense_fen, yuebao.neutral_fen) == (0, 0, 50_000)
    assert parties["某某专营店"].income_fen >= 12_000


def test_the_rule_list_is_a_supervisors_versioned_and_checked(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = _with_files(ctx, li, ("alipay.csv",))
    rules = statements.classification_rules(ctx, li)
    assert (rules.version, rules.rules) == (0, DEFAULT_RULES)
    mine = (Rule(Category.LOANS, ("淘宝",), Direction.INCOME), *DEFAULT_RULES)
    before = dump(ctx)
    with pytest.raises(RuleError, match="Only a supervisor"):
        statements.save_rules(ctx, li, mine, 0, "platform payouts are advances")
    with pytest.raises(statements.RuleProblems, match="Rule 1: a keyword is empty"):
        statements.save_rules(ctx, wang, (Rule(Category.OTHER, (" ",)),), 0, "try")
    with pytest.raises(RuleError, match="Say why"):
        statements.save_rules(ctx, wang, mine, 0, "")
    assert dump(ctx) == before
    assert statements.save_rules(ctx, wang, mine, 0, "platform payouts are advances") == 2
    saved = statements.classification_rules(ctx, li)
    assert (saved.version, saved.rules, saved.by) == (2, mine, "王主管")
    with pytest.raises(RuleError, match="changed meanwhile"):
        statements.save_rules(ctx, wang, DEFAULT_RULES, 1, "back")
    buyer = statements.lines(ctx, li, case_id, LineFilter(counterparty="淘宝买家"))
    assert [(x.category, x.why.render()) for x in buyer] == [(Category.LOANS, "Rule 1")]
    versions = ctx.store.conn.execute(
        "SELECT version, reason FROM classification_rules ORDER BY version"
    ).fetchall()
    assert versions == [(1, "the built-in rules"), (2, "platform payouts are advances")]


def _rated_in_investigation(ctx: Context, who: Session) -> int:
    case_id = _ready(ctx, who)
    rating.submit_application(ctx, who, case_id, 2)
    stage = ctx.store.conn.execute("SELECT stage FROM cases WHERE id = ?", (case_id,)).fetchone()
    assert stage == ("investigation",)
    return case_id


def _sales_raw(decision: rescore.StoredDecision) -> Decimal | None:
    assert decision.decision.score is not None
    return next(i.raw for i in decision.decision.score.items if i.key == "annual_sales")


def test_adjusted_figures_are_versioned_and_scoring_uses_them(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = _rated_in_investigation(ctx, li)
    uploads.upload(ctx, li, case_id, FIXTURES / "alipay.csv")
    first = rescore.latest_decision(ctx, li, case_id)
    assert first is not None and _sales_raw(first) == Decimal(1_000_000)
    before = dump(ctx)
    with pytest.raises(RuleError, match="Say why"):
        statements.adjust(ctx, li, case_id, Financials(annual_sales_fen=1), " ")
    with pytest.raises(RuleError, match="at least one figure"):
        statements.adjust(ctx, li, case_id, Financials(), "nothing")
    with pytest.raises(ApplicationProblems) as invalid:
        statements.adjust(ctx, li, case_id, Financials(annual_sales_fen=-5), "typo")
    assert "financials.annual_sales_fen" in {p.field for p in invalid.value.problems}
    assert dict(invalid.value.message.params)["figures"] == "annual_sales_fen"
    with pytest.raises(ApplicationProblems) as zero:
        statements.adjust(ctx, li, case_id, Financials(annual_sales_fen=0), "none at all?")
    assert statements.ADJUST_NO_SALES in {p.message.template for p in zero.value.problems}
    # sales cut while the declared cost stays: the declared 8% margin no longer fits
    with pytest.raises(ApplicationProblems) as contradicts:
        statements.adjust(ctx, li, case_id, Financials(annual_sales_fen=20_000_000), "200k")
    assert dict(contradicts.value.message.params)["figures"] == "net_profit_margin"
    assert dump(ctx) == before
    done = statements.adjust(
        ctx, li, case_id, Financials(annual_sales_fen=20_000_000, operating_cost_fen=17_000_000),
        "bank statement shows about 200k a year",
    )  # fmt: skip
    assert done.adjustment.version == 1 and done.decision is not None
    assert _sales_raw(done.decision) == Decimal(200_000)  # what the officer adjusted, in yuan
    assert done.decision.decision.score.total < first.decision.score.total  # type: ignore[union-attr]
    assert rescore.latest_decision(ctx, li, case_id) == done.decision
    second = statements.adjust(
        ctx, li, case_id, Financials(annual_sales_fen=30_000_000, operating_cost_fen=25_000_000),
        "one more bank",
    )  # fmt: skip
    history = statements.adjustments(ctx, li, case_id)
    assert [(a.version, a.figures.annual_sales_fen, a.by) for a in history] == [
        (1, 20_000_000, "李调查"),
        (2, 30_000_000, "李调查"),
    ]
    assert history[0].rebuilt == statements.rebuild(ctx, li, case_id).financials
    # the rebuilt statement shows declared, rebuilt and adjusted side by side
    sales = statements.rebuild(ctx, li, case_id).comparison[0]
    assert (sales.name, sales.declared, sales.adjusted) == (
        "annual_sales_fen",
        100_000_000,
        30_000_000,
    )
    # a supervisor's re-score, the preview and the batch read the latest adjusted figures
    assert _sales_raw(rescore.rescore_case(ctx, wang, case_id)) == Decimal(300_000)
    ctx.store.conn.execute("DELETE FROM decisions WHERE case_id = ?", (case_id,))
    assert _sales_raw(rescore.decision_or_preview(ctx, case_id)) == Decimal(300_000)
    rescore.rescore_open_cases(ctx, wang)
    batch = rescore.latest_decision(ctx, wang, case_id)
    assert batch is not None and _sales_raw(batch) == Decimal(300_000)
    assert second.adjustment.version == 2


def test_the_figures_not_adjusted_stay_as_declared(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _rated_in_investigation(ctx, li)
    app = rescore.scored_application(ctx, case_id, good_app())
    assert app == good_app()
    statements.adjust(ctx, li, case_id, Financials(sales_growth=Decimal("0.05")), "slower")
    scored = rescore.scored_application(ctx, case_id, good_app())
    assert scored.financials == replace(good_app().financials, sales_growth=Decimal("0.05"))


def test_a_case_without_an_application_is_adjusted_but_not_scored(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _with_files(ctx, li, ("alipay.csv",))
    done = statements.adjust(ctx, li, case_id, Financials(annual_sales_fen=500_000), "bills")
    assert done.decision is None and done.adjustment.figures.annual_sales_fen == 500_000


def test_rebuilt_versions_are_kept_when_they_change(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _with_files(ctx, li, ("alipay.csv",))
    assert statements.latest_rebuilt(ctx, li, case_id) is None
    seen, first = statements.keep_rebuilt(ctx, li, case_id)
    assert first == 1
    assert statements.keep_rebuilt(ctx, li, case_id)[1] is None  # unchanged: not kept again
    kept = statements.latest_rebuilt(ctx, li, case_id)
    assert kept is not None and kept.figures == seen.statement.financials
    assert kept.flags == seen.statement.flags
    assert [m[1] for m in kept.months] == [m.revenue_fen for m in seen.statement.months]
    uploads.upload(ctx, li, case_id, FIXTURES / "wechat.csv")
    assert statements.keep_rebuilt(ctx, li, case_id)[1] == 2


def test_odd_lines_round_trip_exactly_through_the_database(
    ctx: Context, people: dict[str, Session]
) -> None:
    from tests.importers import large

    li = people["li.inv"]
    case_id = investigating(ctx, li)
    raw = large.alipay_csv(300, odd=True)
    uploads.upload(ctx, li, case_id, raw, "odd.csv")
    from workstation.importers.detect import read_statement

    uploads.forget_cached_records()
    assert statements.rebuild(ctx, li, case_id).lines == read_statement(raw, "odd.csv").transactions


def test_a_class_remembered_elsewhere_never_beats_this_cases_owner(
    ctx: Context, people: dict[str, Session]
) -> None:
    """Found in review: a customer called 王伟 re-classed as sales on case A must not turn case
    B's owner 王伟's own transfers into sales."""
    a_inv, b_inv = people["li.inv"], people["zhang.inv"]
    case_a, case_b = investigating(ctx, a_inv), investigating(ctx, b_inv)  # owners: 王伟
    raw = (FIXTURES / "icbc.csv").read_bytes().decode("gbk")
    own = (
        '2023-01-20,转账,网上银行,CHN,钞,"20,000.00",,人民币,"20,000.00",,人民币,"45,600.50",'
        "王伟,转入,6222020200055556666\n2023-01-31,代发工资"
    )
    uploads.upload(
        ctx, b_inv, case_b, raw.replace("2023-01-31,代发工资", own).encode("gbk"), "b.csv"
    )
    before = statements.rebuild(ctx, b_inv, case_b).financials.annual_sales_fen
    uploads.upload(
        ctx,
        a_inv,
        case_a,
        raw.replace("杭州某某商贸有限公司,货款", "王伟,货款").encode("gbk"),
        "a.csv",
    )
    statements.reclass_counterparty(ctx, a_inv, case_a, "王伟", Category.SALES, remember=True)
    assert statements.rebuild(ctx, b_inv, case_b).financials.annual_sales_fen == before


def _restaurant(ctx: Context, who: Session, case_id: int) -> Category:
    lines = statements.case_statement(ctx, who, case_id).statement
    found = {
        c.category
        for line, c in zip(lines.lines, lines.classes, strict=True)
        if line.counterparty == "杭州某某餐厅"
    }
    assert len(found) == 1
    return found.pop()


def test_a_remembered_class_reaches_later_cases_and_never_rewrites_one_under_way(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    under_way = investigating(ctx, li)
    uploads.upload(ctx, li, under_way, FIXTURES / "alipay.csv")
    before = statements.case_statement(ctx, li, under_way).statement.financials
    assert _restaurant(ctx, li, under_way) == Category.PERSONAL  # the rules' class
    clock.advance(minutes=5)
    mine = investigating(ctx, zhang)
    uploads.upload(ctx, zhang, mine, FIXTURES / "alipay.csv")
    clock.advance(minutes=5)
    statements.reclass_counterparty(ctx, zhang, mine, "杭州某某餐厅", Category.PURCHASES)
    assert _restaurant(ctx, zhang, mine) == Category.PURCHASES
    # li's case was under way: its figures stay as li saw them
    assert _restaurant(ctx, li, under_way) == Category.PERSONAL
    assert statements.case_statement(ctx, li, under_way).statement.financials == before
    # a case whose files come in later starts from the remembered class
    clock.advance(minutes=5)
    later = investigating(ctx, li)
    uploads.upload(ctx, li, later, FIXTURES / "alipay.csv")
    assert _restaurant(ctx, li, later) == Category.PURCHASES
    # remembered differently: the later case keeps what it had, as its own class
    clock.advance(minutes=5)
    statements.reclass_counterparty(ctx, zhang, mine, "杭州某某餐厅", Category.RENT)
    assert _restaurant(ctx, li, later) == Category.PURCHASES
    assert _restaurant(ctx, li, under_way) == Category.PERSONAL
    after = ctx.store.conn.execute(
        "SELECT after FROM audit_events WHERE action = 'classify:counterparty' ORDER BY id DESC"
    ).fetchone()[0]
    assert f'"earlier_class_kept_on": [{later}]' in after
    clock.advance(minutes=5)
    newest = investigating(ctx, li)
    uploads.upload(ctx, li, newest, FIXTURES / "alipay.csv")
    assert _restaurant(ctx, li, newest) == Category.RENT
    # forgotten everywhere from now on; cases it reached keep it
    clock.advance(minutes=5)
    statements.reclass_counterparty(ctx, zhang, mine, "杭州某某餐厅", None)
    assert _restaurant(ctx, li, newest) == Category.RENT
    assert _restaurant(ctx, zhang, mine) == Category.PERSONAL


def _category_of(ctx: Context, who: Session, case_id: int, party: str) -> tuple[Category, Basis]:
    lines = statements.lines(ctx, who, case_id, LineFilter(counterparty=party))
    assert len({(x.category, x.basis) for x in lines}) == 1
    return lines[0].category, lines[0].basis


def test_a_remembered_class_never_beats_a_case_owner_even_when_it_changes(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    mine = _with_files(ctx, li, ("alipay.csv",))
    clock.advance(minutes=1)
    statements.reclass_counterparty(ctx, li, mine, "王**", Category.SALES)  # remembered
    clock.advance(minutes=1)
    owners = investigating(ctx, zhang)  # opened after: reached, but 王** is its owner here
    ctx.store.conn.execute(
        "UPDATE customers SET owner_name = '王**' WHERE id = "
        "(SELECT customer_id FROM cases WHERE id = ?)",
        (owners,),
    )
    uploads.upload(ctx, zhang, owners, FIXTURES / "alipay.csv")
    assert _category_of(ctx, zhang, owners, "王**") == (Category.OWN_TRANSFER, Basis.OWNER)
    clock.advance(minutes=1)
    statements.reclass_counterparty(ctx, li, mine, "王**", None)  # forgotten
    assert _category_of(ctx, zhang, owners, "王**") == (Category.OWN_TRANSFER, Basis.OWNER)


def test_what_a_case_is_reached_by_does_not_move_with_its_uploads_or_within_a_second(
    ctx: Context, clock: FixedClock, people: dict[str, Session]
) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    open_first = investigating(ctx, zhang)  # opened before the class is remembered
    mine = _with_files(ctx, li, ("alipay.csv",))  # the same second as the remembering
    statements.reclass_counterparty(ctx, li, mine, "张**", Category.LOANS)
    same_second = investigating(ctx, zhang)
    for case_id in (open_first, same_second):
        uploads.upload(ctx, zhang, case_id, FIXTURES / "cmb.csv")
        uploads.upload(ctx, zhang, case_id, FIXTURES / "alipay.csv")
        clock.advance(minutes=1)
        first = uploads.documents(ctx, zhang, case_id)[0]
        uploads.remove(ctx, zhang, case_id, first.sha256, "not this account")
        assert _category_of(ctx, zhang, case_id, "张**")[0] is not Category.LOANS


def test_a_contradiction_of_the_declaration_alone_does_not_block_an_adjustment(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    # the owner declared liabilities above assets, and a margin sales less cost cannot give
    muddled = replace(
        good_app().financials, total_liabilities_fen=90_000_000, net_profit_margin=Decimal("0.5")
    )
    case_id = _ready(ctx, li, replace(good_app(), financials=muddled))
    rating.submit_application(ctx, li, case_id, 2)
    done = statements.adjust(ctx, li, case_id, Financials(sales_growth=Decimal("0.05")), "slow")
    assert done.adjustment.figures.sales_growth == Decimal("0.05")
    # adjusting sales brings the margin into it: that contradiction is now the officer's
    with pytest.raises(ApplicationProblems) as margin:
        statements.adjust(ctx, li, case_id, Financials(annual_sales_fen=90_000_000), "less")
    assert dict(margin.value.message.params)["figures"] == "net_profit_margin"
