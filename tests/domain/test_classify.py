"""Classification (R24): the default rules on lines as the exports print them, the officer's
overrides, the owner's own accounts, editable rules, and the speed at 100,000 lines."""

from __future__ import annotations

import time

import pytest

from tests.domain.statement_lines import Line, at
from workstation.domain.classify import (
    CATEGORY_LABELS,
    DEFAULT_RULES,
    Basis,
    Category,
    Classifier,
    Direction,
    Field,
    Owner,
    Rule,
    account_matches,
    rule_problems,
    with_override,
)

T = at("2025-03-05 10:00:00")
_C = Category


def classed(line: Line, classifier: Classifier | None = None) -> Category:
    return (classifier or Classifier()).classify(line).category


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Alipay app export
        (Line(T, 120000, "王**", "货款", category="收入"), Category.SALES),
        (Line(T, 200000, "淘宝买家", "店铺订单结算", category="收入"), Category.SALES),
        (Line(T, -35650, "某某供应链有限公司", "原料采购", category="商业服务"), _C.PURCHASES),
        (Line(T, -230000, "张**", "三月房租", category="住房物业"), Category.RENT),
        (Line(T, -8800, "杭州某某餐厅", "晚餐", category="餐饮美食"), Category.PERSONAL),
        (Line(T, 50000, "余额宝", "余额宝-自动转入", "neutral", "投资理财"), Category.OWN_TRANSFER),
        (Line(T, 150000, "花呗", "花呗主动还款-2025年02月账单", "neutral"), Category.LOANS),
        (Line(T, -2500, "淘宝(中国)软件有限公司", "技术服务费"), Category.PLATFORM_FEES),
        (Line(T, -1200, "某某网络科技有限公司", "直通车推广"), Category.PLATFORM_FEES),
        # WeChat Pay bill
        (Line(T, 300000, "客户乙", category="转账"), Category.SALES),
        (Line(T, 50000, "招商银行(1234)", "", "neutral", "零钱提现", note="服务费¥0.50"),
         Category.OWN_TRANSFER),
        (Line(T, 100000, "招商银行信用卡", "", "neutral", "信用卡还款"), Category.LOANS),
        # bank statements
        (Line(T, -310000, "王某某", "代发工资", note="工资"), Category.WAGES),
        (Line(T, 800000, "某某科技有限公司", "工资", note="代发工资"), Category.OTHER),
        (Line(T, -21540, "国网浙江省电力有限公司", "水电费"), Category.UTILITIES),
        (Line(T, -9800, "杭州市水务集团", "代扣水费"), Category.UTILITIES),
        (Line(T, -45000, "国家税务总局杭州市税务局", "实时缴税"), Category.TAXES),
        (Line(T, -123456, "某某农产品合作社", "跨行转出"), Category.PURCHASES),
        (Line(T, -502045, "某某供应商", "转账汇款", note="货款"), Category.PURCHASES),
        (Line(T, 4475402, "支付宝(中国)网络技术有限公司", "网联收款"), Category.OWN_TRANSFER),
        (Line(T, 10, "", "结息"), Category.OTHER),
        (Line(T, 5000000, "网商银行", "网商贷放款"), Category.LOANS),
        (Line(T, -35678, "", "消费", channel="某某加油站"), Category.OTHER),
        (Line(T, 600000, "赵六", "网银转入"), Category.SALES),
    ],
)  # fmt: skip
def test_default_rules_class_lines_as_the_exports_print_them(
    line: Line, expected: Category
) -> None:
    assert classed(line) == expected


def test_a_refund_marked_by_the_export_is_a_refund_whatever_its_text() -> None:
    found = Classifier().classify(Line(T, 5650, "某某供应链有限公司", "原料采购", is_refund=True))
    assert (found.category, found.basis) == (Category.REFUND, Basis.REFUND)


def test_the_rule_that_matched_is_named_so_the_officer_sees_why() -> None:
    found = Classifier().classify(Line(T, -230000, "张**", "三月房租"))
    assert found.basis is Basis.RULE
    assert DEFAULT_RULES[found.rule].category is Category.RENT
    assert "房租" in DEFAULT_RULES[found.rule].keywords


def test_money_to_the_owner_by_name_or_account_is_an_own_transfer() -> None:
    owner = Owner(names=("张三", "杭州张三商贸有限公司"), accounts=("6222020200012345678",))
    classifier = Classifier(owner=owner)
    by_name = classifier.classify(Line(T, -1000000, "张三", "转账"))
    by_account = classifier.classify(
        Line(T, 80000, "某人", "货款", counterparty_account="6222****5678")
    )
    business = classifier.classify(Line(T, 80000, "杭州张三商贸有限公司", "货款"))
    stranger = classifier.classify(
        Line(T, 80000, "某人", "货款", counterparty_account="6222****9999")
    )
    assert {by_name.basis, by_account.basis, business.basis} == {Basis.OWNER}
    assert by_account.category is Category.OWN_TRANSFER
    assert stranger.category is Category.SALES


def test_a_counterparty_override_applies_to_all_its_rows_before_the_rules() -> None:
    overrides = with_override({}, " 某生鲜店 ", Category.PURCHASES)
    classifier = Classifier(overrides=overrides)
    rows = [Line(T, -10000, "某生鲜店", "蔬菜"), Line(T, -2000, "某生鲜店", "水果"),
            Line(T, -500, "某便利店", "饮料")]  # fmt: skip
    found = classifier.classify_all(rows)
    assert [c.category for c in found] == [Category.PURCHASES, Category.PURCHASES, Category.OTHER]
    assert found[0].basis is Basis.COUNTERPARTY
    assert with_override(overrides, "某生鲜店", None) == {}


def test_a_row_override_beats_everything() -> None:
    rows = [Line(T, 600000, "赵六", "网银转入"), Line(T, 600000, "赵六", "网银转入")]
    found = Classifier().classify_all(rows, {1: Category.LOANS})
    assert [c.category for c in found] == [Category.SALES, Category.LOANS]
    assert found[1].basis is Basis.ROW


def test_an_officers_rule_goes_first_and_may_look_at_amounts() -> None:
    big_from_people = Rule(Category.LOANS, ("转账",), Direction.INCOME, min_fen=5_000_000)
    classifier = Classifier(rules=(big_from_people, *DEFAULT_RULES))
    assert classed(Line(T, 8_000_000, "李四", "转账"), classifier) == Category.LOANS
    assert classed(Line(T, 80_000, "李四", "转账"), classifier) == Category.SALES


def test_a_rule_reads_only_its_fields() -> None:
    only_memo = Rule(Category.PURCHASES, ("原料",), fields=(Field.MEMO,))
    classifier = Classifier(rules=(only_memo,))
    assert classed(Line(T, -100, "", "原料"), classifier) == Category.PURCHASES
    assert classed(Line(T, -100, "原料公司", "其他"), classifier) == Category.OTHER


def test_rules_survive_the_trip_to_the_store() -> None:
    assert tuple(Rule.from_json(r.to_json()) for r in DEFAULT_RULES) == DEFAULT_RULES


def test_the_default_rules_have_no_problems_and_bad_edits_are_named() -> None:
    assert rule_problems(DEFAULT_RULES) == []
    edited = (
        Rule(Category.SALES, ("货款", " ")),
        Rule(Category.OTHER, (), Direction.ANY),
        Rule(Category.RENT, ("房租",), min_fen=500, max_fen=100),
    )
    shown = [m.render() for m in rule_problems(edited)]
    assert shown == [
        "Rule 1: a keyword is empty",
        "Rule 2 has no keywords and takes every line of its direction; the rules after it (3) "
        "can never apply to those lines",
        "Rule 3: the smallest amount is above the largest",
    ]


def test_every_category_has_a_label() -> None:
    assert set(CATEGORY_LABELS) == set(Category)


@pytest.mark.parametrize(
    ("shown", "full", "same"),
    [
        ("6222020200012345678", "6222020200012345678", True),
        ("6222****5678", "6222020200012345678", True),
        ("****5678", "6222020200012345678", True),
        ("6222****5679", "6222020200012345678", False),
        ("****678", "6222020200012345678", False),  # three digits say too little
        ("", "6222020200012345678", False),
    ],
)
def test_masked_accounts_match_on_what_they_show(shown: str, full: str, same: bool) -> None:
    assert account_matches(shown, full) is same


def test_100000_lines_class_well_under_a_second() -> None:
    kinds = [
        ("王**", "货款", "收入", ""),
        ("某某供应链有限公司", "原料采购", "商业服务", "gys***@qq.com"),
        ("杭州某某餐厅", "晚餐", "餐饮美食", ""),
        ("", "消费", "", ""),
    ]
    lines = []
    for i in range(100_000):
        party, memo, kind, account = kinds[i % 4]
        # bank lines carry their own account number nearly every time: no cache can hold those
        account = account or f"1202020209{i:09d}"
        fen = (1000 + i % 7) * (1 if i % 4 == 0 else -1)
        lines.append(Line(T, fen, party, f"{memo}{i % 50}", category=kind,
                          counterparty_account=account))  # fmt: skip
    classifier = Classifier(owner=Owner(("张三",), ("6222020200012345678",)))
    started = time.perf_counter()
    found = classifier.classify_all(lines)
    elapsed = time.perf_counter() - started
    assert [c.category for c in found[:4]] == [_C.SALES, _C.PURCHASES, _C.PERSONAL, _C.OTHER]
    assert elapsed < 0.6, f"{elapsed:.2f} s"
