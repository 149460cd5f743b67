"""Bank statements in layouts no preset knows, for the column mapping (importers/mapped.py).

    python tests/importers/mapped_fixtures.py

A rural commercial bank's CSV (GBK, preamble lines, 借方发生额/贷方发生额 in two columns, a
合计 footer) in two quarters with the same header, and a city bank's XLSX (a notes sheet
first, an unsigned amount with a 收/支 flag, dates day first). People and companies are
invented.
"""

from __future__ import annotations

import io
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

RURAL_HEADER = "序号,记账日期,交易时间,摘要,借方发生额,贷方发生额,余额,对方户名,对方账号,用途"
RURAL_Q1 = [
    # 序号, 记账日期, 交易时间, 摘要, 借方发生额, 贷方发生额, 余额, 对方户名, 对方账号, 用途
    ("1", "2024-01-03", "09:12:45", "转账存入", "", "12,800.00", "32,800.00",
     "某某餐饮管理有限公司", "6217000099998888777", "货款"),
    ("2", "2024-01-05", "14:30:00", "跨行转出", "3,456.78", "", "29,343.22",
     "某某农产品合作社", "6228480012345678901", "采购"),
    ("3", "2024-01-31", "10:00:00", "代发工资", "8,000.00", "", "21,343.22", "代发工资户", "",
     "一月工资"),
    ("4", "2024-02-01", "00:10:00", "结息", "", "0.12", "21,343.34", "", "", ""),
    ("5", "2024-02-15", "16:45:10", "POS消费", "120.00", "", "21,223.34", "某某加油站", "", ""),
    ("6", "2024-03-10", "11:11:11", "转账存入", "", "5,000.00", "26,223.34", "王**",
     "6222020200112233445", "货款"),
]  # fmt: skip
RURAL_Q2 = [
    ("1", "2024-04-02", "10:20:30", "转账存入", "", "9,600.00", "35,823.34",
     "某某餐饮管理有限公司", "6217000099998888777", "货款"),
    ("2", "2024-04-20", "15:00:00", "跨行转出", "2,100.00", "", "33,723.34",
     "某某农产品合作社", "6228480012345678901", "采购"),
]  # fmt: skip


def _fen(text: str) -> int:
    digits = text.replace(",", "").replace(".", "")
    return int(digits) if digits.isdigit() else 0


def _cell(text: str) -> str:
    return f'"{text}"' if "," in text else text


def rural_bank_csv(rows: list[tuple[str, ...]] = RURAL_Q1, start: str = "2024-01-01",
                   end: str = "2024-03-31") -> bytes:  # fmt: skip
    """A 农村商业银行 活期明细 as its online bank writes it: GBK, a preamble, amounts quoted
    with thousands separators, income and expense in two columns, a 合计 footer."""
    expense = sum(_fen(r[4]) for r in rows)
    income = sum(_fen(r[5]) for r in rows)
    lines = [
        "浙江某某农村商业银行活期账户交易明细",
        "账号：201000123456789",
        "户名：杭州某某贸易有限公司",
        f"起始日期：{start}  终止日期：{end}",
        "打印时间：2024-04-02 09:15:00",
        "",
        RURAL_HEADER,
        *(",".join(map(_cell, row)) for row in rows),
        f'合计,,,,"{expense / 100:,.2f}","{income / 100:,.2f}",,,,',
    ]
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


CITY_HEADER = [
    "日期",
    "时间",
    "收支方向",
    "金额",
    "当前余额",
    "交易对手",
    "对手账号",
    "附言",
    "币种",
]
CITY_ROWS = [
    # 日期 (day first), 时间, 收支方向, 金额 (unsigned), 当前余额, 交易对手, 对手账号, 附言, 币种
    ("15/03/2024", "09:30", "收", "6,800.00", "16,800.00", "某某超市有限公司", "955880001234",
     "货款", "人民币"),
    ("18/03/2024", "13:05", "支", "1,250.50", "15,549.50", "某某物流有限公司", "622700112233",
     "运费", "人民币"),
    ("02/04/2024", "08:00", "支", "4,000.00", "11,549.50", "张**", "", "四月房租", "人民币"),
]  # fmt: skip


def city_bank_xlsx(rows: list[tuple[str, ...]] = CITY_ROWS) -> bytes:
    """A 城市商业银行 export: a notes sheet, then the statement with a title and account
    lines above a header whose amount is unsigned and whose 收支方向 says 收 or 支."""
    import openpyxl

    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本文件由网上银行生成，仅供参考。"])
    sheet = book.create_sheet("交易明细")
    for line in ("某某城市商业银行账户明细", "账户名称：李四", "账号：6230000011112222"):
        sheet.append([line])
    sheet.append([])
    sheet.append(CITY_HEADER)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BUILDERS = {
    "rural_bank.csv": rural_bank_csv,
    "rural_bank_q2.csv": lambda: rural_bank_csv(RURAL_Q2, "2024-04-01", "2024-06-30"),
    "city_bank.xlsx": city_bank_xlsx,
}


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    for name, build in BUILDERS.items():
        (FIXTURES / name).write_bytes(build())
        print("wrote", FIXTURES / name)


if __name__ == "__main__":
    main()
