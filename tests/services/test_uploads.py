"""Bills onto a case (issue 4, R23): originals kept once, lines stored whole or not at all,
the paperwork marked, and only the case's investigator or a supervisor in investigation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.importers import make_fixtures as mk
from tests.services.book import add_case, dump
from workstation.domain.interview import DocumentKind
from workstation.domain.messages import RuleError
from workstation.importers.common import SHORT_ROW
from workstation.importers.detect import read_statement
from workstation.importers.utility import NEGATIVE_USAGE, TimeOfUse, UtilityBill, UtilityKind
from workstation.services import investigation, statements, uploads
from workstation.services.context import Context, Session
from workstation.services.uploads import UploadRefused

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
STATEMENTS = {
    "alipay.csv": ("alipay", DocumentKind.PAYMENT_EXPORT, "csv"),
    "wechat.csv": ("wechat", DocumentKind.PAYMENT_EXPORT, "csv"),
    "wechat.xlsx": ("wechat", DocumentKind.PAYMENT_EXPORT, "xlsx"),
    "icbc.csv": ("bank_icbc", DocumentKind.BANK_STATEMENT, "csv"),
    "ccb.xlsx": ("bank_ccb", DocumentKind.BANK_STATEMENT, "xlsx"),
    "ccb_signed.csv": ("bank_ccb_signed", DocumentKind.BANK_STATEMENT, "csv"),
    "cmb.csv": ("bank_cmb", DocumentKind.BANK_STATEMENT, "csv"),
    "bocom.csv": ("bank_bocom", DocumentKind.BANK_STATEMENT, "csv"),
    "cmb.pdf": ("bank_cmb", DocumentKind.BANK_STATEMENT, "pdf"),
    "icbc.pdf": ("bank_icbc", DocumentKind.BANK_STATEMENT, "pdf"),
    "ccb.pdf": ("bank_ccb", DocumentKind.BANK_STATEMENT, "pdf"),
    "icbc_protected.pdf": ("bank_icbc", DocumentKind.BANK_STATEMENT, "pdf"),
}
HISTORY = (("application", "rating", "submit"), ("rating", "investigation", "rate"))


def investigating(ctx: Context, holder: Session, stage: str = "investigation") -> int:
    """A case in ``stage`` held by ``holder``."""
    return add_case(ctx, stage, officer_id=holder.user_id, history=HISTORY)


def count(ctx: Context, table: str) -> int:
    return int(ctx.store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("name", sorted(STATEMENTS))
def test_each_format_is_kept_listed_and_read_back_as_the_same_records(
    ctx: Context, people: dict[str, Session], name: str
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    raw = (FIXTURES / name).read_bytes()
    done = uploads.upload(ctx, li, case_id, FIXTURES / name)
    source, kind, file_format = STATEMENTS[name]
    read = read_statement(raw, name)
    listed = uploads.documents(ctx, li, case_id)
    assert listed == (done.document,)
    doc = listed[0]
    assert (doc.file_name, doc.source, doc.kind, doc.file_format) == (
        name,
        source,
        kind,
        file_format,
    )
    assert (doc.rows, doc.size, doc.uploaded_by) == (len(read.transactions), len(raw), "李调查")
    assert (doc.period_start, doc.period_end) == (read.period.start, read.period.end)
    assert uploads.original(ctx, li, case_id, doc.sha256) == raw
    uploads.forget_cached_records()  # read the lines back from the database
    stored = statements.case_statement(ctx, li, case_id).statement.lines
    assert tuple(stored) == read.transactions  # every field, without parsing the file again


def test_a_statement_longer_than_a_chunk_reads_back_whole(
    ctx: Context, people: dict[str, Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored lines come back a chunk at a time: across chunk boundaries, every record."""
    from tests.importers import large

    monkeypatch.setattr(statements, "_CHUNK", 700)
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    raw = large.icbc_csv(2000, odd=True)
    uploads.upload(ctx, li, case_id, raw, "icbc.csv")
    uploads.forget_cached_records()
    stored = statements.case_statement(ctx, li, case_id).statement.lines
    assert tuple(stored) == read_statement(raw, "icbc.csv").transactions


def test_an_upload_marks_its_kind_received_on_the_paperwork(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    for name in ("icbc.csv", "alipay.csv", "utility.csv"):
        uploads.upload(ctx, li, case_id, FIXTURES / name)
    work = investigation.paperwork(ctx, li, case_id)
    received = {d.kind: d.received_note for d in work.documents if d.received_at}
    assert received == {
        "bank_statement": "icbc.csv",
        "payment_export": "alipay.csv",
        "electricity_bill": "utility.csv",
    }
    assert not any("Documents still missing" in m.render() for m in work.blocking)


def test_the_same_file_twice_is_one_document(ctx: Context, people: dict[str, Session]) -> None:
    li, zhang = people["li.inv"], people["zhang.inv"]
    case_id = investigating(ctx, li)
    first = uploads.upload(ctx, li, case_id, FIXTURES / "alipay.csv")
    assert first.new_original and not first.already
    before = dump(ctx)
    again = uploads.upload(ctx, li, case_id, (FIXTURES / "alipay.csv").read_bytes(), "copy.csv")
    assert dump(ctx) == before  # nothing duplicated, not even an audit event
    assert again.already and again.document == first.document
    assert again.notice is not None
    assert "copy.csv is already on this case (uploaded as alipay.csv by 李调查" in (
        again.notice.render()
    )
    other = investigating(ctx, zhang)  # the same bytes on another case: kept once
    elsewhere = uploads.upload(ctx, zhang, other, FIXTURES / "alipay.csv")
    assert not elsewhere.new_original and not elsewhere.already
    assert count(ctx, "documents") == 1 and count(ctx, "case_documents") == 2
    assert count(ctx, "statement_lines") == first.document.rows


@pytest.mark.parametrize(
    ("name", "raw", "line"),
    [
        ("scanned.pdf", (FIXTURES / "scanned.pdf").read_bytes(), None),
        ("cmb_encrypted.pdf", (FIXTURES / "cmb_encrypted.pdf").read_bytes(), None),
        ("empty.csv", b"", None),
        ("statement.xlsx", mk.alipay_csv(), None),  # not what its name says
        ("cut.csv", mk.alipay_csv()[: mk.alipay_csv().index("三月房租".encode("gbk"))], 25),
    ],
)
def test_a_refused_file_stores_nothing_and_names_the_file_and_line(
    ctx: Context, people: dict[str, Session], name: str, raw: bytes, line: int | None
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    before = dump(ctx)
    with pytest.raises(UploadRefused) as refused:
        uploads.upload(ctx, li, case_id, raw, name)
    assert dump(ctx) == before
    params = dict(refused.value.message.params)
    assert params["file"] == name and name in str(refused.value)
    if line is not None:
        assert params["line"] == line and refused.value.problems[0].message.template == SHORT_ROW


def test_only_the_holder_or_a_supervisor_uploads_and_only_in_investigation(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, zhang, wang, liu = (people[u] for u in ("li.inv", "zhang.inv", "wang.sup", "liu.fin"))
    case_id = investigating(ctx, li)
    approving = investigating(ctx, li, "approval")
    before = dump(ctx)
    for who, case, words in (
        (zhang, case_id, "Only the case's investigator or a supervisor"),
        (liu, case_id, "Only the case's investigator or a supervisor"),
        (li, approving, "while a case is in investigation"),
    ):
        with pytest.raises(RuleError, match=words):
            uploads.upload(ctx, who, case, FIXTURES / "icbc.csv")
    assert dump(ctx) == before
    assert uploads.upload(ctx, wang, case_id, FIXTURES / "icbc.csv").document is not None
    sha = uploads.documents(ctx, liu, case_id)[0].sha256
    for who in (liu, zhang):  # finance, and an investigator who does not hold the case (R37)
        with pytest.raises(RuleError, match="Only the case's investigator or a supervisor opens"):
            uploads.original(ctx, who, case_id, sha)
    assert uploads.original(ctx, li, case_id, sha) == (FIXTURES / "icbc.csv").read_bytes()


def test_opening_an_original_is_audited(ctx: Context, people: dict[str, Session]) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    doc = uploads.upload(ctx, li, case_id, FIXTURES / "icbc.csv").document
    assert doc is not None
    uploads.original(ctx, li, case_id, doc.sha256)
    actions = [
        r[0]
        for r in ctx.store.conn.execute(
            "SELECT action FROM audit_events WHERE entity = 'case' AND entity_id = ? ORDER BY id",
            (case_id,),
        )
    ]
    assert actions == ["document:upload", "document:open"]
    with pytest.raises(RuleError, match="not on case"):
        uploads.original(ctx, li, case_id, "0" * 64)


def test_a_cancelled_upload_stores_nothing_and_progress_is_reported(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    before = dump(ctx)
    seen: list[tuple[int, int]] = []
    done = uploads.upload(
        ctx, li, case_id, FIXTURES / "icbc.csv", progress=lambda d, t: seen.append((d, t)),
        cancelled=lambda: True,
    )  # fmt: skip
    assert done.cancelled and done.document is None
    assert dump(ctx) == before
    assert seen == [(0, 100), (60, 100)]
    uploads.upload(
        ctx, li, case_id, FIXTURES / "icbc.csv", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (100, 100)


def test_the_account_number_is_masked_unless_the_role_may_reveal_it(
    ctx: Context, people: dict[str, Session]
) -> None:
    li, wang = people["li.inv"], people["wang.sup"]
    case_id = investigating(ctx, li)
    uploads.upload(ctx, li, case_id, FIXTURES / "icbc.csv")
    assert uploads.documents(ctx, li, case_id)[0].account_number == "6222***********5678"
    assert uploads.documents(ctx, wang, case_id)[0].account_number == "6222020200012345678"


def test_a_removed_file_no_longer_counts_but_its_original_stays(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    doc = uploads.upload(ctx, li, case_id, FIXTURES / "utility.csv").document
    assert doc is not None and len(uploads.bills(ctx, li, case_id)) == 3
    with pytest.raises(RuleError, match="reason"):
        uploads.remove(ctx, li, case_id, doc.sha256, " ")
    uploads.remove(ctx, li, case_id, doc.sha256, "another shop's bills")
    assert uploads.documents(ctx, li, case_id) == () and uploads.bills(ctx, li, case_id) == ()
    assert count(ctx, "documents") == 1
    again = uploads.upload(ctx, li, case_id, FIXTURES / "utility.csv")
    assert again.bills_added == 3 and not again.new_original


def test_utility_bills_from_a_file_and_typed_in(ctx: Context, people: dict[str, Session]) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)
    done = uploads.upload(ctx, li, case_id, FIXTURES / "utility.csv")
    assert (done.document.kind, done.document.source, done.bills_added) == (
        DocumentKind.ELECTRICITY_BILL,
        "utility",
        3,
    )
    march = UtilityBill(
        UtilityKind.ELECTRICITY, "3300123456", date(2024, 3, 1), date(2024, 3, 31),
        Decimal("1302"), 85_000,
    )  # fmt: skip
    before = dump(ctx)
    with pytest.raises(RuleError, match="already on this case"):
        uploads.add_utility_bill(ctx, li, case_id, march)
    bad = UtilityBill(
        UtilityKind.WATER, "W-77", date(2024, 4, 1), date(2024, 4, 30), Decimal("-3"), 4_500
    )
    with pytest.raises(RuleError) as refused:
        uploads.add_utility_bill(ctx, li, case_id, bad)
    assert refused.value.message.template == NEGATIVE_USAGE[0]
    assert dump(ctx) == before
    water = UtilityBill(
        UtilityKind.WATER, " W-77 ", date(2024, 4, 1), date(2024, 4, 30), Decimal("12.5"), 4_500
    )
    bill_id, warnings = uploads.add_utility_bill(ctx, li, case_id, water)
    assert warnings == ()
    stored = uploads.bills(ctx, li, case_id)
    assert [(b.bill.kind, b.file_name) for b in stored] == [
        *[(UtilityKind.ELECTRICITY, "utility.csv")] * 3,
        (UtilityKind.WATER, None),
    ]
    assert stored[0].bill.time_of_use == TimeOfUse(Decimal("420"), Decimal("500"), Decimal("330"))
    assert stored[3].bill.account == "W-77" and stored[3].bill.usage == Decimal("12.5")
    received = {
        d.kind for d in investigation.paperwork(ctx, li, case_id).documents if d.received_at
    }
    assert {"electricity_bill", "water_bill"} <= received
    with pytest.raises(RuleError, match="remove the file instead"):
        uploads.remove_utility_bill(ctx, li, case_id, stored[0].id, "typo")
    uploads.remove_utility_bill(ctx, li, case_id, bill_id, "typed twice")
    assert len(uploads.bills(ctx, li, case_id)) == 3


def test_a_statement_ending_long_before_the_application_is_kept_with_a_warning(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = investigating(ctx, li)  # opened 2026-11; the export ends in 2023-03
    doc = uploads.upload(ctx, li, case_id, FIXTURES / "alipay.csv").document
    assert doc is not None
    stale = [p for p in doc.problems if p.message.template == uploads.STALE_FILE]
    assert len(stale) == 1 and stale[0].line == 0
    params = dict(stale[0].message.params)
    assert (params["file"], params["end"], params["months"]) == ("alipay.csv", "2023-03-31", 43)
