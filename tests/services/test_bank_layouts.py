"""A bank statement no preset knows (issue 4): refused with what the column-mapping dialog
needs, the mapping saved (audited, investigators and supervisors only), and the next file
with the same header read with it without asking."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.importers import mapped_fixtures as mf
from tests.services.book import add_case
from workstation.domain.interview import DocumentKind
from workstation.domain.messages import RuleError
from workstation.importers.bank import Signs
from workstation.importers.mapped import ColumnMapping
from workstation.services import bank_layouts, statements, uploads
from workstation.services.context import Context, Session
from workstation.services.uploads import LayoutUnknown, UploadRefused

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
RURAL, RURAL_Q2 = FIXTURES / "rural_bank.csv", FIXTURES / "rural_bank_q2.csv"
HISTORY = (("application", "rating", "submit"), ("rating", "investigation", "rate"))
STORED = ("documents", "case_documents", "statement_lines", "bank_layouts")


def _case(ctx: Context, holder: Session) -> int:
    return add_case(ctx, "investigation", officer_id=holder.user_id, history=HISTORY)


def _count(ctx: Context, table: str) -> int:
    return int(ctx.store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _unknown(ctx: Context, session: Session, case_id: int, path: Path) -> LayoutUnknown:
    with pytest.raises(LayoutUnknown) as refused:
        uploads.upload(ctx, session, case_id, path)
    return refused.value


def test_an_unknown_layout_is_refused_with_the_dialogs_material_and_nothing_stored(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _case(ctx, li)
    refused = _unknown(ctx, li, case_id, RURAL)
    assert str(refused.message) == (
        "rural_bank.csv: no Alipay, WeChat Pay or known bank statement header was found; the "
        "layout is unknown"
    )
    preview = refused.preview
    assert preview.file == "rural_bank.csv"
    assert preview.sheets[0].rows[preview.header].line == 7
    assert preview.guess.signs is Signs.TWO_COLUMNS and preview.guess.problem() is None
    assert {table: _count(ctx, table) for table in STORED} == dict.fromkeys(STORED, 0)


def test_a_saved_mapping_reads_this_file_and_the_next_of_that_layout_without_asking(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _case(ctx, li)
    mapping = _unknown(ctx, li, case_id, RURAL).preview.guess
    saved = bank_layouts.save_layout(ctx, li, "  浙江农商银行 ", mapping).layout
    assert (saved.name, saved.mapping, saved.saved_by) == ("浙江农商银行", mapping, "李调查")
    assert bank_layouts.saved_layouts(ctx, people["liu.fin"]) == (saved,)
    audit = ctx.store.conn.execute(
        "SELECT actor_id, entity, entity_id, action, before, after FROM audit_events "
        "WHERE entity = 'bank_layout'"
    ).fetchall()
    assert [a[:5] for a in audit] == [(li.user_id, "bank_layout", saved.id, "bank_layout:save",
                                      None)]  # fmt: skip
    assert json.loads(audit[0][5])["name"] == "浙江农商银行"

    done = uploads.upload(ctx, li, case_id, RURAL)
    assert done.document is not None
    doc = done.document
    assert (doc.source, doc.kind, doc.rows) == ("bank_other", DocumentKind.BANK_STATEMENT, 6)
    assert (doc.account_owner, str(doc.period_start)) == ("杭州某某贸易有限公司", "2024-01-01")
    uploads.forget_cached_records()  # the lines read back from the database
    lines = statements.case_statement(ctx, li, case_id).statement.lines
    assert [t.amount_fen for t in lines] == [1_280_000, -345_678, -800_000, 12, -12_000, 500_000]
    assert {t.source for t in lines} == {"bank_other"}

    # the next quarter's file, the same header: read with the saved mapping, no dialog
    other_case = _case(ctx, people["zhang.inv"])
    second = uploads.upload(ctx, people["zhang.inv"], other_case, RURAL_Q2)
    assert second.document is not None and second.document.rows == 2


def test_a_mapped_file_with_a_bad_line_is_refused_naming_it_and_nothing_is_stored(
    ctx: Context, people: dict[str, Session], tmp_path: Path
) -> None:
    li = people["li.inv"]
    case_id = _case(ctx, li)
    bank_layouts.save_layout(
        ctx, li, "浙江农商银行", _unknown(ctx, li, case_id, RURAL).preview.guess
    )
    bad = list(mf.RURAL_Q1)
    bad[3] = (*bad[3][:5], "0.1.2", *bad[3][6:])
    path = tmp_path / "bad.csv"
    path.write_bytes(mf.rural_bank_csv(bad))
    with pytest.raises(UploadRefused) as refused:
        uploads.upload(ctx, li, case_id, path)
    assert not isinstance(refused.value, LayoutUnknown)
    assert str(refused.value.message) == "bad.csv, line 11: “0.1.2” is not an amount"
    assert _count(ctx, "case_documents") == 0 and _count(ctx, "documents") == 0


def test_only_investigators_and_supervisors_save_a_complete_named_mapping(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    mapping = _unknown(ctx, li, _case(ctx, li), RURAL).preview.guess
    for who in ("liu.fin", "admin"):
        with pytest.raises(RuleError, match="Only investigators and supervisors"):
            bank_layouts.save_layout(ctx, people[who], "农商银行", mapping)
    with pytest.raises(RuleError, match="Name the bank"):
        bank_layouts.save_layout(ctx, li, "  ", mapping)
    with pytest.raises(RuleError, match="Choose the column that holds the date"):
        bank_layouts.save_layout(ctx, li, "农商银行", replace(mapping, date=None))
    assert _count(ctx, "bank_layouts") == 0
    # a supervisor corrects it: the same header keeps one mapping, the audit keeps both
    bank_layouts.save_layout(ctx, li, "农商银行", mapping)
    fixed = bank_layouts.save_layout(ctx, people["wang.sup"], "浙江农商银行",
                                     replace(mapping, memo=9)).layout  # fmt: skip
    assert bank_layouts.saved_layouts(ctx, li) == (fixed,)
    assert fixed.mapping.memo == 9 and fixed.saved_by == "王主管"
    before = ctx.store.conn.execute(
        "SELECT before FROM audit_events WHERE action = 'bank_layout:save' ORDER BY id DESC"
    ).fetchone()[0]
    assert json.loads(before)["name"] == "农商银行"


def test_a_damaged_saved_mapping_is_skipped_and_the_dialog_asked_again(
    ctx: Context, people: dict[str, Session]
) -> None:
    li = people["li.inv"]
    case_id = _case(ctx, li)
    mapping = _unknown(ctx, li, case_id, RURAL).preview.guess
    bank_layouts.save_layout(ctx, li, "浙江农商银行", mapping)
    with ctx.store.write():
        ctx.store.conn.execute("UPDATE bank_layouts SET mapping = '{\"signature\": 1}'")
    assert bank_layouts.saved_layouts(ctx, li) == ()
    assert _unknown(ctx, li, case_id, RURAL).preview.guess == mapping
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
