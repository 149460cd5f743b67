"""Write the importer fixtures: small files shaped like the real exports (FORMATS.md).

    python tests/importers/make_fixtures.py

Each builder returns the file's bytes, so tests can also make variants (truncated, re-encoded)
and check the committed fixtures still equal what this script writes. People and companies
are invented; order numbers have the real lengths.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _csv(lines: list[str], encoding: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


ALIPAY_ROWS = [
    # 交易时间, 交易分类, 交易对方, 对方账号, 商品说明, 收/支, 金额, 收/付款方式, 交易状态,
    # 交易订单号, 商家订单号, 备注
    ("2023-03-30 18:20:11", "餐饮美食", "杭州某某餐厅", "hz***@163.com", "晚餐", "支出", "88.00",
     "花呗", "交易成功", "2023033022001188001111111111", "T200P2023033000001", ""),
    ("2023-03-28 09:15:00", "商业服务", "某某供应链有限公司", "gys***@qq.com", "原料采购",
     "支出", "356.50", "余额宝", "交易成功", "2023032822001188002222222222",
     "T200P2023032800002", ""),
    ("2023-03-29 10:00:05", "退款", "某某供应链有限公司", "gys***@qq.com", "退款-原料采购",
     "不计收支", "56.50", "余额宝", "退款成功", "2023032822001188002222222222_56501",
     "T200P2023032800002", ""),
    ("2023-03-20 14:02:33", "日用百货", "某某旗舰店", "shop***@tmall.com", "包装盒", "支出",
     "99.00", "余额宝", "交易关闭", "2023032022001188003333333333", "T200P2023032000003", ""),
    ("2023-03-18 20:48:01", "收入", "王**", "138****1234", "货款", "收入", "1200.00", "",
     "交易成功", "2023031820001000004444444444", "", "三月货款"),
    ("2023-03-15 12:00:00", "收入", "淘宝买家", "", "店铺订单结算", "收入", "2000.00", "",
     "交易成功", "2023031520001000005555555555", "", ""),
    ("2023-03-10 08:00:00", "投资理财", "余额宝", "", "余额宝-自动转入", "不计收支", "500.00",
     "账户余额", "交易成功", "20230310320001000006666666666", "", ""),
    ("2023-03-05 09:30:00", "住房物业", "张**", "139****0000", "三月房租", "支出", "2300.00",
     "账户余额", "交易成功", "2023030520001000007777777777", "", ""),
    ("2023-02-12 21:32:14", "日用百货", "某某专营店", "zy***@tmall.com", "打印机", "支出",
     "120.00", "花呗", "交易关闭", "2023021222001188008888888888", "T200P2023021200008", ""),
    ("2023-02-14 11:11:11", "退款", "某某专营店", "zy***@tmall.com", "退款-打印机", "不计收支",
     "120.00", "花呗", "退款成功", "2023021222001188008888888888_12000", "T200P2023021200008",
     ""),
]  # fmt: skip

ALIPAY_HEADER = (
    "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,"
    "交易订单号,商家订单号,备注,"
)


def alipay_csv(rows: list[tuple[str, ...]] = ALIPAY_ROWS, *, count: int | None = None) -> bytes:
    """The 支付宝 app export: GBK, preamble, space-padded cells, a trailing comma."""
    n = len(rows) if count is None else count
    preamble = [
        "-" * 60,
        "导出信息：",
        "姓名：张三",
        "支付宝账户：138****8888",
        "起始时间：[2023-01-01 00:00:00]    终止时间：[2023-03-31 23:59:59]",
        "导出交易类型：[全部]",
        "导出时间：[2023-04-01 10:00:00]",
        f"共{n}笔记录",
        "收入：2笔 3200.00元",
        "支出：5笔 2963.50元",
        "不计收支：3笔 676.50元",
        "",
        "特别提示：",
        "1.本回单内容可表明支付宝受理了您的交易申请，但不代表交易已经完成；",
        "2.支付宝不保证本回单内容与您的原始交易记录完全一致。",
        "-" * 20 + "支付宝（中国）网络技术有限公司  电子客户回单" + "-" * 20,
    ]
    body = [",".join(f"{cell}\t" if cell else "" for cell in row) + "," for row in rows]
    return _csv([*preamble, ALIPAY_HEADER, *body], "gbk")


WECHAT_HEADER = (
    "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注"
)
WECHAT_ROWS = [
    ("2023-03-28 12:01:02", "商户消费", "某便利店", "饮料", "支出", 2816, "零钱", "支付成功",
     "4200001234202303281234567890", "10000123456", "/"),
    ("2023-03-27 19:30:00", "转账", "客户乙", "/", "收入", 300000, "/", "已收钱",
     "1000050001202303271234567891", "/", "/"),
    ("2023-03-26 10:10:10", "二维码收款", "客户丙", "/", "收入", 200000, "/", "已存入零钱",
     "1000039901202303261234567892", "/", "收款码"),
    ("2023-03-25 08:08:08", "商户消费", "某生鲜店", "蔬菜", "支出", 10000, "招商银行(1234)",
     "已退款(￥0.11)", "4200001235202303251234567893", "10000123457", "/"),
    ("2023-03-24 15:00:00", "商户消费", "某文具店", "打印纸", "支出", 5000, "零钱",
     "已全额退款", "4200001236202303241234567894", "M2023032400050", "/"),
    ("2023-03-24 18:00:00", "某文具店-退款", "某文具店", "/", "收入", 5000, "零钱",
     "已全额退款", "50300001236202303241234567894", "M2023032400050", "/"),
    ("2023-03-20 09:00:00", "零钱提现", "招商银行(1234)", "/", "/", 50000, "招商银行(1234)",
     "提现已到账", "1001200301202303201234567895", "/", "服务费¥0.50"),
    ("2023-03-15 09:00:00", "信用卡还款", "招商银行信用卡", "/", "/", 100000, "零钱",
     "支付成功", "1001200302202303151234567896", "/", "/"),
]  # fmt: skip


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _wechat_preamble(n: int) -> list[str]:
    return [
        "微信支付账单明细",
        "微信昵称：[小张]",
        "起始时间：[2023-01-01 00:00:00] 终止时间：[2023-03-31 23:59:59]",
        "导出类型：[全部]",
        "导出时间：[2023-04-01 10:00:00]",
        "",
        f"共{n}笔记录",
        "收入：2笔 5000.00元",
        "支出：3笔 178.16元",
        "中性交易：3笔 1550.00元",
        "注：",
        "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
        "2. 本明细仅展示当前账单中的交易，不包括已删除的记录",
        "3. 本明细仅供个人对账使用",
        "",
        "----------------------微信支付账单明细列表--------------------",
    ]


def wechat_csv(rows: list[tuple] = WECHAT_ROWS) -> bytes:
    """The CSV bill: UTF-8, 16 preamble lines padded with commas, ¥ amounts, ids with a TAB."""
    pad = "," * 10
    preamble = [line + pad for line in _wechat_preamble(len(rows))]
    body = []
    for r in rows:
        cells = [*r[:5], f"¥{_yuan(r[5])}", r[6], r[7], f"{r[8]}\t", f"{r[9]}\t", r[10]]
        body.append(",".join(f'"{c}"' if "," in c else c for c in cells))
    return _csv([*preamble, WECHAT_HEADER, *body], "utf-8")


def wechat_xlsx(rows: list[tuple] = WECHAT_ROWS) -> bytes:
    """The XLSX bill (since mid-2025): a notes sheet first, merged preamble rows, amounts as
    number cells formatted ¥#,##0.00, the header a few rows further down than in the CSV."""
    import openpyxl

    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本文件由微信支付导出"])
    notes.append(["如有疑问请联系客服"])
    sheet = book.create_sheet("微信支付账单明细")
    preamble = _wechat_preamble(len(rows))
    preamble[13:13] = ["4. 账单金额以人民币计"]  # a note added since the CSV days
    for number, line in enumerate(preamble, start=1):
        sheet.append([line])
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=11)
    sheet.append(WECHAT_HEADER.split(","))
    for r in rows:
        when = datetime.fromisoformat(r[0]) if r[1] == "转账" else r[0]  # one real date cell
        sheet.append([when, *r[1:5], r[5] / 100, *r[6:]])
        sheet.cell(sheet.max_row, 6).number_format = "¥#,##0.00"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ICBC_HEADER = (
    "交易日期,摘要,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,"
    "记账金额(收入),记账金额(支出),记账币种,余额,对方户名,交易详情,对方账户"
)
ICBC_ROWS = [
    ("2023-01-05", "转账", "网上银行", "CHN", "钞", "12,500.00", "", "人民币", "12,500.00", "",
     "人民币", "25,600.50", "杭州某某商贸有限公司", "货款", "1202020209000012345"),
    ("2023-01-08", "消费", "某某加油站", "CHN", "钞", "", "356.78", "人民币", "", "356.78",
     "人民币", "25,243.72", "", "", ""),
    ("2023-01-31", "代发工资", "批量代发", "CHN", "钞", "", "3,100.00", "人民币", "",
     "3,100.00", "人民币", "22,143.72", "王某某", "工资", "6222020200098765432"),
]  # fmt: skip


def icbc_csv(rows: list[tuple[str, ...]] = ICBC_ROWS) -> bytes:
    """ICBC debit-card detail: GBK, 明细查询文件下载 preamble, quoted thousands, 人民币合计."""
    quoted = [",".join(f'"{c}"' if "," in c else c for c in r) for r in rows]
    return _csv(
        [
            "明细查询文件下载,,,,,,,,,,,,,,",
            "卡号: 6222020200012345678,,,,,,,,,,,,,,",
            "子账户序号: 00000,,,,,,,,,,,,,,",
            "子账户类别: 活期,,,,,,,,,,,,,,",
            ICBC_HEADER,
            *quoted,
            '人民币合计,,,,,,,,"12,500.00","3,456.78",,,,,',
        ],
        "gbk",
    )


CCB_HEADER = ["记账日", "交易日期", "交易时间", "支出", "收入", "账户余额", "币种", "摘要",
              "对方账号", "对方户名", "交易地点"]  # fmt: skip
CCB_ROWS = [
    (20250102, 20250101, "10:21:33", 0.0, 8800.0, 18800.0, "人民币", "转账存入",
     "6217000099998888777", "某某餐饮管理有限公司", "杭州分行营业部"),
    (20250103, 20250103, "14:05:00", 1234.56, 0.0, 17565.44, "人民币", "跨行转出",
     "6228480012345678901", "某某农产品合作社", "网上银行"),
    (20250110, 20250110, "00:10:00", 0.0, 0.1, 17565.54, "人民币", "结息", "", "", ""),
]  # fmt: skip


def ccb_xlsx(rows: list[tuple] = CCB_ROWS) -> bytes:
    """CCB 活期明细 as XLSX: preamble with ideographic spaces, 0.0 in the unused column,
    dates as numbers like 20250101, a merged note under the table."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "交易明细"
    for line in ("中国建设银行个人活期账户交易明细", "开户机构：中国建设银行股份有限公司杭州某支行",
                 "币\u3000\u3000种：人民币", "账\u3000\u3000号：6217000012345678901",
                 "户\u3000\u3000名：李四", "起始日期：20250101  终止日期：20250131"):  # fmt: skip
        sheet.append([line])
    sheet.append([])
    sheet.append(CCB_HEADER)
    for r in rows:
        sheet.append(list(r))
    sheet.append(["以上交易明细仅供参考，具体以银行记账为准。"])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=11)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CCB_SIGNED_ROWS = [
    ("1", "工资", "人民币", "钞", "20250105", "+8,000.00", "12,000.00", "代发工资",
     "6217000099998888/某某科技有限公司"),
    ("2", "消费", "人民币", "钞", "20250106", "-35.50", "11,964.50", "超市", "/"),
]  # fmt: skip


def ccb_signed_csv(rows: list[tuple[str, ...]] = CCB_SIGNED_ROWS) -> bytes:
    """CCB's other layout: 序号 … 交易金额 signed, account and name in one cell."""
    header = "序号,摘要,币别,钞汇,交易日期,交易金额,账户余额,交易地点/附言,对方账号与户名"
    body = [",".join(f'"{c}"' if "," in c else c for c in r) for r in rows]
    return _csv(["账号：6217000012345678901", "户名：李四", header, *body], "gbk")


def cmb_csv() -> bytes:
    """China Merchants Bank detail as CSV (UTF-8 with BOM): bilingual titles, signed amounts."""
    return (
        "\ufeff"
        + "\r\n".join(
            [
                "招商银行交易流水",
                "户名：王五,,,,,,",
                "账号：6214830000001234,,,,,,",
                "查询起始日期：2024-01-01,查询终止日期：2024-01-31,,,,,",
                "记账日期 Date,货币 Currency,交易金额 Amount,联机余额 Balance,"
                "交易摘要 Transaction Type,对手信息 Counter Party,客户摘要 Customer Type",
                '2024-01-03,人民币,"-5,020.45","12,345.67",转账汇款,'
                "某某供应商 6222000011110000,货款",
                '2024-01-09,人民币,"+44,754.02","57,099.69",网联收款,支付宝（中国）网络技术有限公司,',
                "合并统计,,,,,,",
            ]
        )
        + "\r\n"
    ).encode("utf-8")


def bocom_csv() -> bytes:
    """Bank of Communications: unsigned amounts with a 借贷 flag (借 Dr / 贷 Cr)."""
    return _csv(
        [
            "交通银行账户交易明细",
            "账号：6222600000001111222",
            "交易日期,交易时间,摘要,借贷,交易金额,余额,对方账号,对方户名",
            '2024-02-01,09:00:00,网银转入,贷 Cr,"6,000.00","16,000.00",6222000022223333,赵六',
            '2024-02-02,10:30:00,水电费,借 Dr,215.40,"15,784.60",,国网浙江省电力有限公司',
        ],
        "gbk",
    )


# --- bank statements as text PDFs (minipdf: STSong-Light, as the banks' generators write) ----

# (title, left x, right x or None for left-aligned text)
CMB_PDF_COLUMNS = [("记账日期", 40, None), ("货币", 110, None), ("交易金额", 190, 250),
                   ("联机余额", 270, 340), ("交易摘要", 360, None), ("对手信息", 450, None),
                   ("客户摘要", 680, None)]  # fmt: skip
CMB_PDF_ENGLISH = ["Date", "Currency", "Transaction Amount", "Balance", "Transaction Type",
                   "Counter Party", "Customer Type"]  # fmt: skip
# A tuple in a cell wraps it onto a second line, as long counterparties do.
CMB_PDF_PAGES = [
    [("2024-01-03", "人民币", "-5,020.45", "12,345.67", "转账汇款",
      ("某某供应商", "6222000011110000"), "货款"),
     ("2024-01-09", "人民币", "+44,754.02", "57,099.69", "网联收款",
      "支付宝（中国）网络技术有限公司", ""),
     ("2024-01-15", "人民币", "-2,300.00", "54,799.69", "转账汇款", "张某 6222000099990000",
      "一月房租"),
     ("2024-01-20", "人民币", "-215.40", "54,584.29", "代扣水电费", "国网浙江省电力有限公司",
      "电费")],
    [("2024-02-03", "人民币", "+12,800.00", "67,384.29", "网联收款", "财付通支付科技有限公司",
      ""),
     ("2024-02-10", "人民币", "-3,100.00", "64,284.29", "代发工资",
      ("王某某", "6222020200098765432"), "工资")],
]  # fmt: skip


def _cell_lines(cell: str | tuple[str, ...]) -> tuple[str, ...]:
    return cell if isinstance(cell, tuple) else (cell,)


def _unruled_rows(page, columns, rows, top: float, pitch: float = 18.0) -> float:
    """Rows under left-aligned text / right-aligned amount columns, no ruling (CMB)."""
    for row in rows:
        for (_, left, right), cell in zip(columns, row, strict=True):
            for n, part in enumerate(_cell_lines(cell)):
                if right is None:
                    page.text(left, top + 10 * n, part)
                else:
                    page.text_right(right, top + 10 * n, part)
        top += pitch + 10 * (max(len(_cell_lines(c)) for c in row) - 1)
    return top


def _unruled_header(page, columns, top: float, english: list[str] | None = None) -> None:
    for (title, left, _), n in zip(columns, range(len(columns)), strict=True):
        page.text(left, top, title)
        if english:
            page.text(left, top + 10, english[n], 6)


def _page_number(page, number: int, count: int) -> None:
    page.text(page.width / 2 - 8, page.height - 30, f"{number}/{count}")


def cmb_pdf_pages() -> list:
    """招商银行交易流水 as its PDF: no ruling, bilingual titles on two lines, signed amounts,
    the header again on every page, pages numbered ``1/2``, the table ending at 合并统计."""
    from tests.importers.minipdf import Page

    pages = []
    for number, rows in enumerate(CMB_PDF_PAGES, start=1):
        page = Page()
        page.text(360, 40, "招商银行交易流水", 14)
        top = 80.0
        if number == 1:
            page.text(40, 80, "户名：王五")
            page.text(300, 80, "账号：6214830000001234")
            page.text(40, 95, "币种：人民币")
            page.text(300, 95, "起始日期：2024-01-01")
            page.text(500, 95, "终止日期：2024-02-29")
            top = 130.0
        _unruled_header(page, CMB_PDF_COLUMNS, top, CMB_PDF_ENGLISH)
        end = _unruled_rows(page, CMB_PDF_COLUMNS, rows, top + 30)
        if number == len(CMB_PDF_PAGES):
            page.text(40, end + 10, "合并统计")
            page.text(190, end + 10, "收入：2笔 57,554.02")
            page.text(360, end + 10, "支出：4笔 10,635.85")
        _page_number(page, number, len(CMB_PDF_PAGES))
        pages.append(page)
    return pages


def cmb_pdf() -> bytes:
    from tests.importers.minipdf import document

    return document(cmb_pdf_pages())


CCB_PDF_COLUMNS = [("记账日", 30, None), ("交易日期", 85, None), ("交易时间", 140, None),
                   ("支出", 195, 240), ("收入", 250, 300), ("账户余额", 310, 370),
                   ("币种", 385, None), ("摘要", 420, None), ("对方账号", 480, None),
                   ("对方户名", 580, None), ("交易地点", 720, None)]  # fmt: skip


def ccb_pdf() -> bytes:
    """CCB 活期明细 printed to PDF: dates like 20250101, 0.00 in the unused amount column."""
    from tests.importers.minipdf import Page, document

    page = Page()
    page.text(300, 40, "中国建设银行个人活期账户交易明细", 12)
    page.text(30, 70, "户\u3000\u3000名：李四")
    page.text(300, 70, "账\u3000\u3000号：6217000012345678901")
    page.text(30, 85, "起始日期：20250101")
    page.text(300, 85, "终止日期：20250131")
    _unruled_header(page, CCB_PDF_COLUMNS, 110)
    rows = [
        (str(r[0]), str(r[1]), r[2], f"{r[3]:,.2f}", f"{r[4]:,.2f}", f"{r[5]:,.2f}", *r[6:])
        for r in CCB_ROWS
    ]
    end = _unruled_rows(page, CCB_PDF_COLUMNS, rows, 130)
    page.text(30, end + 10, "以上交易明细仅供参考，具体以银行记账为准。")
    return document([page])


# (title lines, left x, right x) of ICBC's ruled grid
ICBC_PDF_COLUMNS = [(("交易日期",), 30, 90), (("摘要",), 90, 150), (("交易场所",), 150, 240),
                    (("记账金额", "(收入)"), 240, 320), (("记账金额", "(支出)"), 320, 400),
                    (("记账币种",), 400, 450), (("余额",), 450, 530),
                    (("对方户名",), 530, 640)]  # fmt: skip
ICBC_PDF_PAGES = [
    [("2023-01-05", "转账", "网上银行", "12,500.00", "", "人民币", "25,600.50",
      ("杭州某某商贸有", "限公司")),
     ("2023-01-08", "消费", "某某加油站", "", "356.78", "人民币", "25,243.72", ""),
     ("2023-01-31", "代发工资", "批量代发", "", "3,100.00", "人民币", "22,143.72", "王某某")],
    [("2023-02-14", "转账", "手机银行", "8,000.00", "", "人民币", "30,143.72", "李某某"),
     ("2023-03-01", "消费", "某某超市", "", "1,234.00", "人民币", "28,909.72", ""),
     ("人民币合计", "", "", "20,500.00", "4,690.78", "", "", "")],
]  # fmt: skip


def _ruled_row(page, top: float, cells, header: bool = False) -> float:
    """One row of the grid; returns the top of the next. Wrapped cells make it taller."""
    height = 8 + 10 * max(len(_cell_lines(c)) for c in cells)
    right_edge = ICBC_PDF_COLUMNS[-1][2]
    page.line(ICBC_PDF_COLUMNS[0][1], top, right_edge, top)
    for (_, left, right), cell in zip(ICBC_PDF_COLUMNS, cells, strict=True):
        page.line(left, top, left, top + height)
        for n, part in enumerate(_cell_lines(cell)):
            if header or not part[:1].isdigit() or "-" in part:
                page.text(left + 3, top + 4 + 10 * n, part)
            else:
                page.text_right(right - 3, top + 4 + 10 * n, part)
    page.line(right_edge, top, right_edge, top + height)
    return top + height


def icbc_pdf_pages() -> list:
    """ICBC 借记卡账户历史明细 as its PDF: a ruled grid, a two-line 记账金额 / (收入) title,
    the title row again on the second page, a wrapped counterparty, 人民币合计 at the end."""
    from tests.importers.minipdf import Page

    pages = []
    for number, rows in enumerate(ICBC_PDF_PAGES, start=1):
        page = Page()
        page.text(250, 30, "中国工商银行借记卡账户历史明细清单", 12)
        top = 60.0
        if number == 1:
            page.text(30, 60, "卡号：6222020200012345678")
            page.text(300, 60, "户名：张三")
            page.text(30, 75, "起始日期：2023-01-01")
            page.text(300, 75, "终止日期：2023-03-31")
            top = 100.0
        top = _ruled_row(page, top, [title for title, _, _ in ICBC_PDF_COLUMNS], header=True)
        for row in rows:
            top = _ruled_row(page, top, row)
        page.line(ICBC_PDF_COLUMNS[0][1], top, ICBC_PDF_COLUMNS[-1][2], top)
        _page_number(page, number, len(ICBC_PDF_PAGES))
        pages.append(page)
    return pages


def icbc_pdf(user_password: str | None = None) -> bytes:
    from tests.importers.minipdf import document

    return document(icbc_pdf_pages(), user_password=user_password)


def protected_pdf() -> bytes:
    """The ICBC statement protected against editing only: opens without a password."""
    return icbc_pdf(user_password="")


def encrypted_pdf() -> bytes:
    """The CMB statement behind a password (the applicant forgot to remove it)."""
    from tests.importers.minipdf import document

    return document(cmb_pdf_pages(), user_password="123456")


def scanned_pdf() -> bytes:
    """A photographed statement: each page one grey picture, no text layer."""
    from tests.importers.minipdf import Page, document

    width, height = 210, 150
    pixels = bytes(
        0 if (y % 12 < 3 and 20 < x < 190 and (x // 7 + y // 12) % 5) else 250
        for y in range(height)
        for x in range(width)
    )
    pages = []
    for _ in range(2):
        page = Page()
        page.picture(width, height, pixels)
        pages.append(page)
    return document(pages)


def text_pdf(lines: list[str]) -> bytes:
    """Any text PDF, a line a string (cells split by two spaces): for unknown layouts."""
    from tests.importers.minipdf import Page, document

    page = Page()
    for n, line in enumerate(lines):
        x = 40.0
        for cell in line.split("  "):
            page.text(x, 60 + 16 * n, cell)
            x += 120
    return document([page])


# --- utility bills (水电费单): no standard export; shaped like what investigators type up ----

UTILITY_ROWS = [
    # 户号, 户名, 账期, 用电量(度), 峰段电量, 平段电量, 谷段电量, 应缴金额(元)
    ("3300123456", "杭州某某餐饮店", "2024-01", "1,250", "420", "500", "330", "812.83"),
    ("3300123456", "杭州某某餐饮店", "2024-02-01至2024-02-29", "980.5", "300.5", "400",
     "280", "640.20"),
    ("3300123456", "杭州某某餐饮店", "2024年3月", "1,302", "", "", "", "850.00"),
]  # fmt: skip


def utility_csv(rows: list[tuple[str, ...]] = UTILITY_ROWS) -> bytes:
    """An electricity bill list as a State Grid (国网) account page copies out: GBK, a title
    and account lines above the header, 度 for kWh, 峰/平/谷 when the bill splits them."""
    quoted = [",".join(f'"{c}"' if "," in c else c for c in r) for r in rows]
    return _csv(
        [
            "国网浙江省电力有限公司 电费账单,,,,,,,",
            "用电地址：杭州市某某路1号,,,,,,,",
            "户号,户名,账期,用电量(度),峰段电量,平段电量,谷段电量,应缴金额(元)",
            *quoted,
            "合计,,,,,,,2303.03",
        ],
        "gbk",
    )


BUILDERS = {
    "alipay.csv": alipay_csv,
    "wechat.csv": wechat_csv,
    "wechat.xlsx": wechat_xlsx,
    "icbc.csv": icbc_csv,
    "ccb.xlsx": ccb_xlsx,
    "ccb_signed.csv": ccb_signed_csv,
    "cmb.csv": cmb_csv,
    "bocom.csv": bocom_csv,
    "cmb.pdf": cmb_pdf,
    "icbc.pdf": icbc_pdf,
    "ccb.pdf": ccb_pdf,
    "icbc_protected.pdf": protected_pdf,
    "cmb_encrypted.pdf": encrypted_pdf,
    "scanned.pdf": scanned_pdf,
    "utility.csv": utility_csv,
}


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    for name, build in BUILDERS.items():
        (FIXTURES / name).write_bytes(build())
        print("wrote", FIXTURES / name)


if __name__ == "__main__":
    main()
