"""A saved column mapping corrected, listed, edited and deleted (issue 4, follow-up): the
files read with the earlier mapping are read again in the same transaction (or the save is
refused whole, naming the file and line), the upload list names the bank, and a supervisor
deletes a mapping while its files keep their lines."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.services.book import add_case
from workstation.domain.messages import RuleError
from workstation.importers.mapped import ColumnMapping
from workstation.services import bank_layouts, statements, uploads
from workstation.services.context import Context, Session
from workstation.services.uploads import LayoutUnknown
from workstation.store import statements as st_store

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
RURAL, RURAL_Q2 = FIXTURES / "rural_bank.csv", FIXTURES / "rural_bank_q2.csv"
HISTORY = (("application", "rating", "submit"), ("rating", "investigation", "rate"))
RIGHT = [1_280_000, -345_678, -800_000, 12, -12_000, 500_000]


def _case(ctx: Context, holder: Session) -> int:
    return add_case(ctx, "investigation", officer_id=holder.user_id, history=HISTORY)


def _guess(ctx: Context, session: Session, case_id: int) -> ColumnMapping:
    with pytest.raises(LayoutUnknown) as refused:
        uploads.upload(ctx, session, case_id, RURAL)
    return refused.value.preview.guess


def _amounts(ctx: Context, session: Session, case_id: int) -> list[int]:
    return [t.amount_fen for t in statements.case_statement(ctx, session, case_id).statement.lines]


def _rows(ctx: Context, sql: str, *args: object) -> list[tuple]:
    return ctx.store.conn.execute(sql, args).fetchall()


@pytest.fixture
def wrongly_read(ctx: Context, people: dict[str, Session]) -> tuple[int, int, ColumnMapping]:
    """The rural bank's file on two cases, read with income and expense swapped; returns
    the cases and the right mapping."""
    li, zhang = people["li.inv"], people["zhang.inv"]
    first, second = _case(ctx, li), _case(ctx, zhang)
    right = _guess(ctx, li, first)
    wrong = replace(right, income=right.expense, expense=right.income)
    bank_layouts.save_layout(ctx, li, "农商银行", wrong)
    uploads.upload(ctx, li, first, RURAL)
    uploads.upload(ctx, zhang, second, RURAL)
    assert _amounts(ctx, li, first) == [-a for a in RIGHT]  # cached as read
    return first, second, right


def test_an_upload_records_the_mapping_and_the_list_names_the_bank(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    first, _, _ = wrongly_read
    [doc] = uploads.documents(ctx, people["li.inv"], first)
    assert (doc.source, doc.bank_name) == ("bank_other", "农商银行")
    [(layout_id, mapping)] = _rows(ctx, "SELECT layout_id, layout_mapping FROM documents")
    [saved] = bank_layouts.layouts_in_use(ctx, people["liu.fin"])
    assert (saved.layout.id, saved.files) == (layout_id, 1)  # one original, on two cases
    assert ColumnMapping.from_json(mapping) == saved.layout.mapping


def test_a_corrected_mapping_rereads_the_files_read_with_the_earlier_one(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    first, second, right = wrongly_read
    li, sup = people["li.inv"], people["wang.sup"]
    sha = _rows(ctx, "SELECT sha256 FROM documents")[0][0]
    with ctx.store.write():  # the officer's classes of a line that stays and one that goes
        st_store.set_line_class(ctx.store, first, sha, 8, "sales", ctx.stamp(), li.user_id)
        st_store.set_line_class(ctx.store, first, sha, 99, "rent", ctx.stamp(), li.user_id)
    ctx.store.conn.execute("UPDATE case_documents SET row_count = 0, problems = '[]'")

    saved = bank_layouts.save_layout(ctx, sup, "浙江农商银行", right)

    assert [(r.sha256, r.file_name, r.rows) for r in saved.reread] == [(sha, "rural_bank.csv", 6)]
    assert uploads.cached_records(sha) is None  # the wrongly read records forgotten
    assert _amounts(ctx, li, first) == RIGHT
    assert _amounts(ctx, people["zhang.inv"], second) == RIGHT
    assert [d.rows for c in (first, second) for d in uploads.documents(ctx, sup, c)] == [6, 6]
    assert uploads.documents(ctx, sup, first)[0].bank_name == "浙江农商银行"
    assert _rows(ctx, "SELECT line, category FROM line_classes") == [(8, "sales")]
    assert ColumnMapping.from_json(_rows(ctx, "SELECT layout_mapping FROM documents")[0][0]) == (
        right
    )
    audits = _rows(
        ctx, "SELECT entity_id, before, after FROM audit_events WHERE action = 'document:reread' "
        "ORDER BY entity_id",
    )  # fmt: skip
    assert [a[0] for a in audits] == [first, second]
    assert json.loads(audits[0][2])["rows"] == 6
    assert json.loads(audits[0][2])["line_classes_dropped"] == 1
    save = _rows(ctx, "SELECT after FROM audit_events WHERE action = 'bank_layout:save' "
                 "ORDER BY id DESC")[0][0]  # fmt: skip
    assert json.loads(save)["reread"] == [sha]

    # saved again unchanged (a new name only): nothing to read again
    again = bank_layouts.save_layout(ctx, sup, "浙江某某农商银行", right)
    assert again.reread == () and again.layout.name == "浙江某某农商银行"


def test_a_mapping_that_cannot_read_an_uploaded_file_is_refused_and_nothing_changes(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    first, _, right = wrongly_read
    li = people["li.inv"]
    before = {
        t: _rows(ctx, f"SELECT * FROM {t}")
        for t in ("bank_layouts", "documents", "statement_lines", "case_documents", "audit_events")
    }
    bad = replace(right, date=right.memo, memo=None)  # 摘要 holds no dates
    with pytest.raises(RuleError) as refused:
        bank_layouts.save_layout(ctx, li, "农商银行", bad)
    assert str(refused.value.message) == (
        f"The mapping was not saved: rural_bank.csv (case {first}) was read with the earlier "
        "mapping and cannot be read with this one: rural_bank.csv, line 8: “转账存入 09:12:45” "
        "is not a date and time. Nothing was changed."
    )
    assert {t: _rows(ctx, f"SELECT * FROM {t}") for t in before} == before


def test_a_file_stored_before_mappings_were_recorded_is_found_by_its_header_row(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    first, _, right = wrongly_read
    ctx.store.conn.execute("UPDATE documents SET layout_id = NULL, layout_mapping = NULL")
    saved = bank_layouts.save_layout(ctx, people["li.inv"], "农商银行", right)
    assert [r.file_name for r in saved.reread] == ["rural_bank.csv"]
    assert _amounts(ctx, people["li.inv"], first) == RIGHT
    assert _rows(ctx, "SELECT layout_id FROM documents") == [(saved.layout.id,)]


def test_an_edit_keeps_the_header_row(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    _, _, right = wrongly_read
    [layout] = bank_layouts.saved_layouts(ctx, people["li.inv"])
    other = replace(right, signature=(*right.signature[:-1], "附言"))
    with pytest.raises(RuleError, match="keeps its header row"):
        bank_layouts.save_layout(ctx, people["li.inv"], "农商银行", other, layout_id=layout.id)
    with pytest.raises(RuleError, match="no longer saved"):
        bank_layouts.save_layout(ctx, people["li.inv"], "农商银行", right, layout_id=999)
    edited = bank_layouts.save_layout(
        ctx, people["li.inv"], "浙江农商银行", right, layout_id=layout.id
    )
    assert edited.layout.id == layout.id and len(edited.reread) == 1


def test_a_supervisor_deletes_a_mapping_and_its_files_keep_their_lines(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    first, _, _ = wrongly_read
    li, sup = people["li.inv"], people["wang.sup"]
    [layout] = bank_layouts.saved_layouts(ctx, li)
    for who in ("li.inv", "liu.fin", "admin"):
        with pytest.raises(RuleError, match="Only a supervisor deletes"):
            bank_layouts.delete_layout(ctx, people[who], layout.id)
    assert bank_layouts.saved_layouts(ctx, li) == (layout,)

    assert bank_layouts.delete_layout(ctx, sup, layout.id) == 1
    assert bank_layouts.saved_layouts(ctx, li) == ()
    uploads.forget_cached_records()
    assert _amounts(ctx, li, first) == [-a for a in RIGHT]  # the lines stay as they were read
    assert uploads.documents(ctx, li, first)[0].bank_name == ""
    [(before,)] = _rows(ctx, "SELECT before FROM audit_events WHERE action = 'bank_layout:delete'")
    assert (json.loads(before)["name"], json.loads(before)["files"]) == ("农商银行", 1)
    with pytest.raises(RuleError, match="no longer saved"):
        bank_layouts.delete_layout(ctx, sup, layout.id)
    # the next file of that layout asks for the columns again
    with pytest.raises(LayoutUnknown):
        uploads.upload(ctx, li, _case(ctx, li), RURAL_Q2)


def test_the_edit_preview_comes_from_a_file_the_user_may_open(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    first, _, _ = wrongly_read
    [layout] = bank_layouts.saved_layouts(ctx, people["li.inv"])
    shown = bank_layouts.layout_preview(ctx, people["wang.sup"], layout.id)
    assert shown.file == "rural_bank.csv" and shown.guess == layout.mapping
    assert shown.sheets[0].rows[shown.header].line == 7
    opened = _rows(ctx, "SELECT entity_id FROM audit_events WHERE action = 'document:open'")
    assert opened == [(first,)]
    # chen holds neither case: the header row alone, nothing opened
    alone = bank_layouts.layout_preview(ctx, people["chen.inv"], layout.id)
    assert alone.file == "" and [r.cells for r in alone.sheets[0].rows] == [
        layout.mapping.signature
    ]
    with pytest.raises(RuleError, match="Only investigators and supervisors"):
        bank_layouts.layout_preview(ctx, people["liu.fin"], layout.id)


def test_the_command_line_reads_with_the_mappings_of_a_database(
    ctx: Context, people: dict[str, Session], wrongly_read: tuple[int, int, ColumnMapping]
) -> None:
    _, _, right = wrongly_read
    bank_layouts.save_layout(ctx, people["li.inv"], "农商银行", right)
    [result] = bank_layouts.read_files(ctx.store, [RURAL])
    assert [t.amount_fen for t in result.transactions] == RIGHT
    with pytest.raises(Exception, match="layout is unknown"):
        bank_layouts.read_files(None, [RURAL])
