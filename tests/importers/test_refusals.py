"""Bad input is refused whole, with a message naming the file and the line (issue 4)."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.importers import make_fixtures as mk
from workstation.importers import pdf, tables
from workstation.importers.common import MORE_PROBLEMS, SHORT_ROW, TOO_FEW_ROWS
from workstation.importers.decode import MISENCODED, MIXED, NOT_TEXT, REPLACED, UNREADABLE
from workstation.importers.detect import (
    EMPTY,
    MISNAMED,
    NOT_A_WORKBOOK,
    OLD_EXCEL,
    OLE2,
    TEXT,
    UNKNOWN_LAYOUT,
    WORKBOOK,
    read_statement,
)
from workstation.importers.records import StatementRefused
from workstation.importers.tables import DAMAGED_XLSX, ZIP_BOMB


def refused(raw: bytes, name: str) -> StatementRefused:
    with pytest.raises(StatementRefused) as caught:
        read_statement(raw, name)
    error = caught.value
    assert dict(error.message.params)["file"] == name
    assert name in str(error)
    return error


def line_of(raw: bytes, needle: bytes) -> int:
    return raw[: raw.index(needle)].count(b"\n") + 1


@pytest.mark.parametrize("raw", [b"", b"  \r\n\r\n", b"\t"])
def test_an_empty_file(raw: bytes) -> None:
    assert refused(raw, "支付宝.csv").message.template == EMPTY


def test_an_unknown_layout() -> None:
    raw = "日期,金额,说明\r\n2023-01-01,10.00,午饭\r\n".encode()
    assert refused(raw, "记账.csv").message.template == UNKNOWN_LAYOUT


def test_an_unknown_workbook() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["姓名", "电话"])
    out = io.BytesIO()
    book.save(out)
    assert refused(out.getvalue(), "名单.xlsx").message.template == UNKNOWN_LAYOUT


def test_a_file_cut_off_mid_row_names_the_line() -> None:
    raw = mk.alipay_csv()
    cut = raw[: raw.index("三月房租".encode("gbk"))]
    error = refused(cut, "alipay.csv")
    first = error.problems[0]
    assert first.message.template == SHORT_ROW
    assert (
        first.line == dict(error.message.params)["line"] == line_of(raw, "三月房租".encode("gbk"))
    )


def test_a_file_cut_off_at_a_row_boundary_is_caught_by_the_stated_count() -> None:
    raw = mk.alipay_csv()
    cut = raw[: raw.index(b"\r\n", raw.index("三月房租".encode("gbk"))) + 2]
    error = refused(cut, "alipay.csv")
    assert error.message.template == TOO_FEW_ROWS
    assert dict(error.message.params)["stated"] == 10


def test_a_cut_date_is_not_mistaken_for_a_footer_note() -> None:
    raw = mk.bocom_csv()
    cut = raw[: raw.index(b"2024-02-02") + 7]
    assert refused(cut, "bocom.csv").message.template == SHORT_ROW


def test_a_truncated_workbook() -> None:
    raw = mk.ccb_xlsx()
    assert refused(raw[: len(raw) // 2], "ccb.xlsx").message.template == DAMAGED_XLSX


def test_mixed_encodings_name_the_odd_line() -> None:
    raw = mk.alipay_csv()
    odd = "三月房租".encode("gbk")
    start = raw.rindex(b"\n", 0, raw.index(odd)) + 1
    end = raw.index(b"\n", start)
    mixed = raw[:start] + raw[start:end].decode("gbk").encode("utf-8") + raw[end:]
    error = refused(mixed, "alipay.csv")
    assert error.message.template == MIXED
    assert dict(error.message.params)["line"] == line_of(raw, odd)


def test_bytes_that_are_no_chinese_encoding_name_the_line() -> None:
    raw = mk.alipay_csv()
    at = raw.index("打印机".encode("gbk"))
    bad = raw[:at] + b"\x81\x20" + raw[at:]  # a GBK lead byte without its trail byte
    error = refused(bad, "alipay.csv")
    assert error.message.template == UNREADABLE
    assert dict(error.message.params)["line"] == line_of(raw, "打印机".encode("gbk"))


def test_binary_junk_named_csv() -> None:
    assert refused(b"\x00\x01\x02\x03" * 50, "alipay.csv").message.template in (
        NOT_TEXT,
        UNREADABLE,
    )


def test_utf16_exports_are_read() -> None:
    text = mk.wechat_csv().decode("utf-8")
    for encoding in ("utf-16", "utf-16-le"):
        assert len(read_statement(text.encode(encoding), "wechat.csv").transactions) == 8


@pytest.mark.parametrize(
    ("raw", "name", "template"),
    [
        (mk.alipay_csv(), "支付宝.xlsx", MISNAMED[TEXT]),
        (mk.ccb_xlsx(), "ccb.csv", MISNAMED[WORKBOOK]),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "statement.csv", None),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "ccb.csv", MISNAMED[OLE2]),
    ],
)
def test_a_file_that_is_not_what_its_name_says(raw: bytes, name: str, template: str | None) -> None:
    error = refused(raw, name)
    assert error.message.template in (MISNAMED.values() if template is None else [template])


def test_a_pdf_that_is_only_its_first_line_and_old_excel() -> None:
    assert refused(b"%PDF-1.4\n", "招商银行交易流水.pdf").message.template == pdf.DAMAGED
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
    assert refused(ole, "ccb.xls").message.template == OLD_EXCEL


def test_a_zip_that_is_no_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert refused(out.getvalue(), "wechat.xlsx").message.template == NOT_A_WORKBOOK


def test_a_zip_bomb_is_refused_before_anything_inflates_it() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = bytes(2**20)
            for _ in range(64):  # 64 MiB of zeros deflate to about 64 KiB
                member.write(chunk)
        archive.writestr("xl/workbook.xml", "<workbook/>")
    raw = out.getvalue()
    assert len(raw) < 2**20
    assert refused(raw, "wechat.xlsx").message.template == ZIP_BOMB


def test_a_workbook_larger_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_UNPACKED_BYTES", 1024)
    assert refused(mk.ccb_xlsx(), "ccb.xlsx").message.template == ZIP_BOMB


def test_one_bad_amount_refuses_the_whole_file() -> None:
    rows = list(mk.ALIPAY_ROWS)
    rows[4] = (*rows[4][:6], "12OO.00", *rows[4][7:])
    raw = mk.alipay_csv(rows)
    error = refused(raw, "alipay.csv")
    assert dict(error.message.params)["line"] == line_of(raw, "12OO.00".encode("gbk"))
    assert "12OO.00" in str(error)
    assert len(error.problems) == 1


def test_every_bad_line_is_listed_in_the_refusal() -> None:
    rows = list(mk.ALIPAY_ROWS)
    rows[0] = ("2023-02-30 25:00:00", *rows[0][1:])
    rows[1] = (*rows[1][:5], "借", *rows[1][6:])
    rows[2] = (*rows[2][:6], "56.505", *rows[2][7:])
    error = refused(mk.alipay_csv(rows), "alipay.csv")
    assert error.message.template == MORE_PROBLEMS
    assert len(error.problems) == 3
    assert [p.line for p in error.problems] == [18, 19, 20]
    assert all("alipay.csv" in str(p.message) for p in error.problems)


def test_a_bank_row_with_both_income_and_expense() -> None:
    rows = list(mk.ICBC_ROWS)
    rows[1] = (*rows[1][:8], "1.00", *rows[1][9:])
    error = refused(mk.icbc_csv(rows), "icbc.csv")
    assert "both the income and the expense" in str(error)


def test_an_unknown_debit_credit_flag() -> None:
    raw = mk.bocom_csv().replace("借 Dr".encode("gbk"), "冲正".encode("gbk"))
    assert "冲正" in str(refused(raw, "bocom.csv"))


def test_chinese_read_as_latin_1_and_saved_again_is_refused_as_misencoded() -> None:
    gbk = mk.alipay_csv()
    mojibake = gbk.decode("latin-1").encode("utf-8")  # what a careless converter writes
    error = refused(mojibake, "转换过的.csv")
    assert error.message.template == MISENCODED
    params = dict(error.message.params)
    assert params["line"] >= 2 and params["sample"]


def test_characters_lost_in_a_conversion_are_refused_naming_the_line() -> None:
    text = mk.alipay_csv().decode("gb18030")
    lost = text.replace("交易时间", "\ufffd\ufffd时间", 1).encode("utf-8")  # no header left
    error = refused(lost, "replaced.csv")
    assert error.message.template == REPLACED
    assert dict(error.message.params)["line"] == line_of(lost, "\ufffd".encode())


def test_a_lost_character_in_a_readable_export_is_no_refusal() -> None:
    text = mk.alipay_csv().decode("gb18030").replace("杭州某某餐厅", "杭州某\ufffd餐厅", 1)
    assert read_statement(text.encode("utf-8"), "nickname.csv").transactions


def test_accents_and_dotted_rules_in_an_unknown_layout_ask_for_the_mapping() -> None:
    """Neither a foreign bank's names nor a row of ····· is Chinese read as Latin-1."""
    lines = [
        "Kontoauszug Zürcher Kantonalbank, Müller Gebühren Überweisung",
        "·" * 40,
        "Datum,Buchungstext,Betrag,Saldo",
        "2025-01-02,Überweisung Müller,-120.50,1000.00",
    ]
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        raw = "\n".join(lines).encode(encoding, errors="replace")
        assert refused(raw, "foreign.csv").message.template == UNKNOWN_LAYOUT
    workbook = io.BytesIO()
    import openpyxl

    book = openpyxl.Workbook()
    for line in lines:
        book.active.append(line.split(","))
    book.save(workbook)
    assert refused(workbook.getvalue(), "foreign.xlsx").message.template == UNKNOWN_LAYOUT


def test_a_valid_file_with_a_latin_accent_is_not_called_garbled() -> None:
    text = mk.alipay_csv().decode("gb18030").replace("张三", "Zoé Café ü", 1)
    assert read_statement(text.encode("gb18030"), "accent.csv").transactions
