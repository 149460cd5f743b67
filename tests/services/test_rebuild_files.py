"""Rebuilding from real exports (the importer fixtures): every figure worked out by hand from
the lines of the files, and every figure traced back to those lines."""

from __future__ import annotations

from datetime import date

from tests.importers import make_fixtures as mk
from workstation.domain.classify import Basis, Category
from workstation.domain.rebuild import AccountKind, Excluded
from workstation.importers.detect import read_statement
from workstation.services.rebuild import institution, rebuild_results, statement_file

MARCH_2023 = date(2023, 3, 1)


def fixture(name: str):
    return read_statement(mk.FIXTURES / name, name)


def test_march_2023_from_the_alipay_and_wechat_exports() -> None:
    alipay, wechat, wechat_xlsx = (fixture(n) for n in ("alipay.csv", "wechat.csv", "wechat.xlsx"))
    rebuilt = rebuild_results([alipay, wechat, wechat_xlsx], through=MARCH_2023)
    march = rebuilt.months[-1]
    # 王** 1,200.00 + 淘宝买家 2,000.00 (Alipay); 客户乙 3,000.00 + 客户丙 2,000.00 (WeChat)
    assert march.revenue_fen == 820000
    # 原料采购 356.50 less its 56.50 refund
    assert march.purchases_fen == 30000
    assert march.operating_expenses_fen[Category.RENT] == 230000  # 三月房租
    assert march.cell(Category.PERSONAL).fen == -8800  # 晚餐
    # 饮料 −28.16; 蔬菜 −100.00 with 0.11 refunded; 打印纸 −50.00 refunded in full
    assert march.cell(Category.OTHER).fen == -12805
    # shown, never counted: 余额宝 500.00 and the 零钱提现 500.00; the card repayment 1,000.00
    assert march.cell(Category.OWN_TRANSFER).fen == 100000
    assert march.cell(Category.LOANS).fen == 100000
    assert march.net_cash_flow_fen == 820000 - 30000 - 230000 - 8800 - 12805
    # the printer: closed, then refunded in full — nets to nothing in February
    assert rebuilt.months[-2].net_cash_flow_fen == 0
    # the WeChat XLSX is the same bill as the CSV: all of it left out as an overlap
    xlsx = [i for i in range(len(rebuilt.lines)) if rebuilt.origin(i).file_name == "wechat.xlsx"]
    assert len(xlsx) == 8
    assert {rebuilt.exclusion(i).reason for i in xlsx} == {Excluded.OVERLAP}
    # the purchase cell opens its two lines: the order and its refund, in the Alipay file
    refs = rebuilt.trace(11, Category.PURCHASES)
    assert [(r.file_name, r.line) for r in refs] == [("alipay.csv", 19), ("alipay.csv", 20)]
    assert refs[0].file_sha256 == alipay.file_sha256
    assert rebuilt.financials.annual_sales_fen == 820000


def test_a_withdrawal_to_the_bank_and_a_card_payment_seen_in_both_files_count_right() -> None:
    alipay = read_statement(
        mk.alipay_csv([
            ("2023-03-12 20:00:00", "转账", "工商银行(5678)", "", "提现-实时提现", "不计收支",
             "5000.00", "账户余额", "交易成功", "20230312200040011100000001", "", ""),
            ("2023-03-14 09:15:00", "商业服务", "某某供应链有限公司", "gys***@qq.com",
             "原料采购", "支出", "800.00", "工商银行储蓄卡(5678)", "交易成功",
             "2023031422001188000000000002", "", ""),
            ("2023-03-15 12:00:00", "收入", "淘宝买家", "", "店铺订单结算", "收入", "2000.00", "",
             "交易成功", "2023031520001000000000000003", "", ""),
        ]),
        "alipay.csv",
    )  # fmt: skip
    icbc = read_statement(
        mk.icbc_csv([
            ("2023-03-13", "跨行汇款", "网上银行", "CHN", "钞", "5,000.00", "", "人民币",
             "5,000.00", "", "人民币", "30,000.00", "", "", ""),
            ("2023-03-14", "快捷支付", "网上银行", "CHN", "钞", "", "800.00", "人民币", "",
             "800.00", "人民币", "29,200.00", "支付宝(中国)网络技术有限公司", "", ""),
            ("2023-03-20", "转账", "网上银行", "CHN", "钞", "12,500.00", "", "人民币",
             "12,500.00", "", "人民币", "41,700.00", "杭州某某商贸有限公司", "货款",
             "1202020209000012345"),
        ]),
        "icbc.csv",
    )  # fmt: skip
    rebuilt = rebuild_results([alipay, icbc], through=MARCH_2023)
    by_place = {(rebuilt.origin(i).file_name, rebuilt.lines[i].line): i
                for i in range(len(rebuilt.lines))}  # fmt: skip
    withdrawal, inflow = by_place[("alipay.csv", 18)], by_place[("icbc.csv", 6)]
    assert rebuilt.pairs == ((withdrawal, inflow),)
    assert rebuilt.classes[inflow].basis is Basis.PAIRED
    card_payment = rebuilt.exclusion(by_place[("icbc.csv", 7)])
    assert card_payment.reason is Excluded.SAME_PAYMENT
    assert card_payment.partner == by_place[("alipay.csv", 19)]
    march = rebuilt.months[-1]
    assert march.revenue_fen == 200000 + 1250000  # not the 5,000.00 withdrawal
    assert march.purchases_fen == 80000  # once, not twice


def test_each_export_becomes_an_account_that_other_statements_can_name() -> None:
    icbc, ccb, alipay = fixture("icbc.csv"), fixture("ccb.xlsx"), fixture("alipay.csv")
    bank = statement_file(icbc)
    assert bank.kind is AccountKind.BANK
    assert bank.account == "icbc:6222020200012345678"
    assert {"工商银行", "(5678)", "尾号5678"} <= set(bank.aliases)
    assert bank.lines is icbc.transactions  # no record copied
    assert statement_file(ccb).account == "ccb:6217000012345678901"
    assert statement_file(alipay).kind is AccountKind.PAYMENT_APP
    assert institution("bank_ccb_signed") == institution("bank_ccb") == "ccb"


def test_the_statement_holder_is_the_owner() -> None:
    # 张三 holds the Alipay account; money from 张三 into the bank moves between own accounts.
    icbc = read_statement(
        mk.icbc_csv([
            ("2023-03-13", "转账", "网上银行", "CHN", "钞", "9,000.00", "", "人民币",
             "9,000.00", "", "人民币", "30,000.00", "张三", "", ""),
        ]),
        "icbc.csv",
    )  # fmt: skip
    rebuilt = rebuild_results([fixture("alipay.csv"), icbc], through=MARCH_2023)
    mine = next(i for i, line in enumerate(rebuilt.lines) if line.counterparty == "张三")
    assert rebuilt.classes[mine].basis is Basis.OWNER
