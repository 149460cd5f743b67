"""Bank statements as text PDFs: read like their CSV/XLSX twins, or refused naming the file."""

from __future__ import annotations

import io

import pytest

from tests.importers import make_fixtures as mk
from tests.importers import minipdf
from workstation.importers import pdf
from workstation.importers.detect import MISNAMED, PDF, TEXT, UNKNOWN_LAYOUT, detect
from workstation.importers.detect import read_statement as read_bytes
from workstation.importers.records import ImportResult, Source, StatementRefused, Transaction

FIXTURES = mk.FIXTURES


def read(name: str) -> ImportResult:
    return read_bytes((FIXTURES / name).read_bytes(), name)


def refused(raw: bytes, name: str) -> StatementRefused:
    with pytest.raises(StatementRefused) as caught:
        read_bytes(raw, name)
    assert dict(caught.value.message.params)["file"] == name
    assert name in str(caught.value)
    return caught.value


def essentials(t: Transaction) -> tuple:
    return (t.timestamp, t.time_known, t.amount_fen, t.flow, t.balance_fen, t.memo,
            t.counterparty, t.counterparty_account, t.channel, t.currency)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "source", "count"),
    [
        ("cmb.pdf", Source.BANK_CMB, 6),
        ("icbc.pdf", Source.BANK_ICBC, 5),
        ("ccb.pdf", Source.BANK_CCB, 3),
        ("icbc_protected.pdf", Source.BANK_ICBC, 5),
    ],
)
def test_each_bank_pdf_is_read_by_its_preset(name: str, source: Source, count: int) -> None:
    raw = (FIXTURES / name).read_bytes()
    assert detect(raw, name).source is source
    result = read(name)
    assert len(result.transactions) == count  # headers, titles, totals, page numbers are no rows
    assert not result.problems and not result.dropped
    assert {t.source for t in result.transactions} == {source}


def test_cmb_pdf_chinese_text_signs_and_wrapped_counterparty() -> None:
    result = read("cmb.pdf")
    assert (result.account.owner, result.account.account) == ("王五", "6214830000001234")
    assert result.period is not None and result.period.stated
    assert (str(result.period.start), str(result.period.end)) == ("2024-01-01", "2024-02-29")
    first, second, *_, last = result.transactions
    assert (first.amount_fen, first.balance_fen, first.memo, first.note) == (
        -502045,
        1234567,
        "转账汇款",
        "货款",
    )
    # its second line joined; CMB's 对手信息 cell gives name and account: split (R37)
    assert (first.counterparty, first.counterparty_account) == ("某某供应商", "6222000011110000")
    assert second.counterparty == "支付宝(中国)网络技术有限公司"  # NFKC: full-width brackets
    assert second.amount_fen == 4475402
    assert (last.counterparty, last.counterparty_account, last.amount_fen) == (
        "王某某",
        "6222020200098765432",
        -310000,
    )
    assert sum(t.amount_fen for t in result.transactions) == 5755402 - 1063585  # 合并统计


def test_a_pdf_line_is_page_times_1000_plus_the_row_from_the_top() -> None:
    """An officer finds line 1006 on page 1, sixth row down (the title counts as row 1)."""
    import pdfplumber

    raw = (FIXTURES / "cmb.pdf").read_bytes()
    result = read("cmb.pdf")
    with pdfplumber.open(io.BytesIO(raw)) as document:
        printed = [page.extract_text().splitlines() for page in document.pages]
    for t in result.transactions:
        page, row = divmod(t.line, pdf.ROWS_PER_PAGE)
        assert printed[page - 1][row - 1].startswith(t.timestamp.strftime("%Y-%m-%d"))
    assert [t.line for t in result.transactions] == [1006, 1008, 1009, 1010, 2004, 2005]
    # a ruled row counts once however its cells wrap: ICBC's first row is the 5th on page 1
    assert [t.line for t in read("icbc.pdf").transactions] == [1005, 1006, 1007, 2003, 2004]


def test_icbc_pdf_gives_the_records_its_csv_gives() -> None:
    from_pdf = read("icbc.pdf").transactions
    from_csv = read("icbc.csv").transactions
    pdf_rows = [(t.timestamp, t.amount_fen, t.balance_fen, t.memo, t.channel) for t in from_pdf]
    csv_rows = [(t.timestamp, t.amount_fen, t.balance_fen, t.memo, t.channel) for t in from_csv]
    assert pdf_rows[:3] == csv_rows
    assert from_pdf[0].counterparty == "杭州某某商贸有限公司"  # wrapped in its cell, no space
    assert read("icbc.pdf").account.owner == "张三"


def test_ccb_pdf_gives_the_records_its_workbook_gives() -> None:
    from_pdf = [essentials(t) for t in read("ccb.pdf").transactions]
    assert from_pdf == [essentials(t) for t in read("ccb.xlsx").transactions]


def test_a_statement_protected_against_editing_still_opens() -> None:
    """Many bank PDFs are encrypted with an owner password only: no password to open."""
    assert [essentials(t) for t in read("icbc_protected.pdf").transactions] == [
        essentials(t) for t in read("icbc.pdf").transactions
    ]


def test_a_password_protected_pdf() -> None:
    raw = (FIXTURES / "cmb_encrypted.pdf").read_bytes()
    assert refused(raw, "招商银行流水.pdf").message.template == pdf.PASSWORD


def test_a_scanned_pdf() -> None:
    raw = (FIXTURES / "scanned.pdf").read_bytes()
    error = refused(raw, "流水扫描件.pdf")
    assert error.message.template == pdf.SCANNED
    assert "scanned PDF" in str(error) and "electronic statement" in str(error)


def test_a_scanned_page_among_text_pages_names_the_page() -> None:
    scan = minipdf.Page()
    scan.picture(4, 4, bytes(16))
    raw = minipdf.document([mk.cmb_pdf_pages()[0], scan, mk.cmb_pdf_pages()[1]])
    error = refused(raw, "cmb.pdf")
    assert error.message.template == pdf.SCANNED_PAGE
    assert dict(error.message.params)["page"] == 2


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_a_truncated_pdf(keep: float) -> None:
    raw = (FIXTURES / "cmb.pdf").read_bytes()
    assert refused(raw[: int(len(raw) * keep)], "cmb.pdf").message.template == pdf.DAMAGED


def test_a_damaged_pdf_that_still_ends_properly() -> None:
    raw = (FIXTURES / "cmb.pdf").read_bytes()
    assert refused(raw[:3000] + b"\n%%EOF\n", "cmb.pdf").message.template == pdf.DAMAGED
    assert refused(raw.replace(b"xref", b"xxxx"), "cmb.pdf").message.template == pdf.DAMAGED


def test_a_pdf_whose_font_has_no_character_map() -> None:
    """Text that extracts as (cid:1234) is refused, never read as garbage (same length, so
    the cross-reference table still points right)."""
    raw = (FIXTURES / "cmb.pdf").read_bytes()
    raw = raw.replace(b"/Encoding /UniGB-UCS2-H", b"/Encoding /Identity-H  ")
    raw = raw.replace(b"(GB1)", b"(XYZ)")
    error = refused(raw, "cmb.pdf")
    assert error.message.template == pdf.GARBLED
    assert dict(error.message.params)["page"] == 1


def test_a_pdf_without_text() -> None:
    raw = minipdf.document([minipdf.Page()])
    assert refused(raw, "空白.pdf").message.template == pdf.NO_TEXT


def test_a_pdf_without_a_known_header() -> None:
    raw = mk.text_pdf(["个人记账", "日期  金额  说明", "2023-01-01  10.00  午饭"])
    assert refused(raw, "记账.pdf").message.template == UNKNOWN_LAYOUT


def test_too_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    error = refused((FIXTURES / "cmb.pdf").read_bytes(), "cmb.pdf")
    assert error.message.template == pdf.TOO_MANY_PAGES
    assert dict(error.message.params) == {"file": "cmb.pdf", "pages": 2, "limit": 1}


def test_a_pdf_named_otherwise_and_a_text_named_pdf() -> None:
    raw = (FIXTURES / "cmb.pdf").read_bytes()
    assert refused(raw, "cmb.csv").message.template == MISNAMED[PDF]
    csv = (FIXTURES / "cmb.csv").read_bytes()
    assert refused(csv, "cmb.pdf").message.template == MISNAMED[TEXT]


def test_a_bad_amount_in_a_pdf_names_page_and_row() -> None:
    pages = mk.cmb_pdf_pages()
    good, bad = ("-3,100.00".encode("utf-16-be").hex().encode(),
                 "-3,1OO.00".encode("utf-16-be").hex().encode())  # fmt: skip
    pages[1].ops = [op.replace(good, bad) for op in pages[1].ops]
    error = refused(minipdf.document(pages), "cmb.pdf")
    assert dict(error.message.params)["line"] == 2005
    assert "3,1OO.00" in str(error)
