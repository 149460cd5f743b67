"""A statement's body read a column at a time gives what its rows give.

``clean_column`` is ``clean`` on every cell; ``LazyRows.columns`` is the rows' cells turned
around; ``Reading.data_block`` is ``data_rows`` then ``role_columns``, and is taken only where
``data_rows`` would have nothing to say. Cells are drawn from what steers the shortcuts:
exporters' padding (Alipay's trailing tab), full-width forms and combining marks NFKC changes,
commas they become, digits that make a row a transaction, footers, short rows.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.importers import large
from workstation.importers import alipay, bank
from workstation.importers.common import Reading, role_columns
from workstation.importers.decode import clean
from workstation.importers.detect import detect, read_statement
from workstation.importers.records import Source
from workstation.importers.tables import LazyRows, Table, clean_column, csv_table

_CHARS = [
    "a", "1", ".", " ", "\t", "`", "中", "\u3000", "，", "ｅ", "\u0301", "¹", "㎏", "\r", "\n",
    "\ufeff", "\u00a0", "ﾞ",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_CHARS), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEXTS, max_size=12))
@example(["a", "a", "a", "a", " a"])  # few distinct texts: each cleaned once
@example(["x\u3000", "y", "z"])  # NFKC makes a pad at a cell's end
@example(["e", "\u0301"])  # a combining mark at a cell's start stays with its cell
def test_clean_column_is_clean_on_every_cell(cells: list[str]) -> None:
    assert list(clean_column(cells)) == [clean(c) for c in cells]


_CELL = st.sampled_from(["", "1", " 2\t", "中\t", "a，b", "ｅ\u0301", "\u3000x", "`3`", "x y"])
_LINE = st.lists(_CELL, min_size=1, max_size=4).map(",".join)
_TABLE_TEXT = st.tuples(
    st.lists(_LINE, max_size=10), st.sampled_from(["\n", "\r\n"]), st.booleans()
).map(lambda t: t[1].join(t[0]) + (t[1] if t[2] else ""))


@settings(max_examples=400, deadline=None)
@given(_TABLE_TEXT, st.integers(0, 10), st.integers(0, 10), st.lists(st.integers(0, 3), min_size=1))
def test_columns_are_the_rows_cells_turned_around(
    text: str, start: int, stop: int, indices: list[int]
) -> None:
    rows = csv_table(text, "x.csv").rows
    assert isinstance(rows, LazyRows)
    found = rows.columns(start, stop, indices)
    span = [rows[i] for i in range(start, min(stop, len(rows)))]
    widths = {len(r.cells) for r in span}
    if not span or len(widths) != 1 or max(indices) >= widths.pop():
        assert found is None
        return
    assert found is not None
    assert [list(c) for c in found] == [[r.cells[i] for r in span] for i in indices]


_HEADER = "交易时间,交易对方,收/支,金额,交易状态,交易订单号,备注"
_COLUMNS = {"time": 0, "counterparty": 1, "direction": 2, "amount": 3, "status": 4, "order": 5}
_ROLES = ("time", "counterparty", "direction", "amount", "status", "order", "note", "memo")
_BODY_CELL = st.sampled_from(
    ["2024-01-01 10:00:00\t", "中", " 支出 ", "1.00", "", "，", "ｅ\u0301"]
)
_BODY_LINE = st.one_of(
    st.lists(_BODY_CELL, min_size=6, max_size=7).map(lambda c: ",".join(["2024-01-01", *c[1:]])),
    st.lists(_BODY_CELL, min_size=1, max_size=7).map(",".join),  # a footer, a short or odd row
    st.sampled_from(["------", "导出时间:[2024-02-01]", "共3笔记录", ""]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_BODY_LINE, max_size=8), st.booleans())
def test_a_block_is_what_data_rows_gives_with_nothing_to_say(body: list[str], crlf: bool) -> None:
    text = ("\r\n" if crlf else "\n").join(["支付宝交易记录明细查询", _HEADER, *body])
    table = csv_table(text, "x.csv")
    block = Reading("x.csv", "0", Source.ALIPAY).data_block(table, 1, _COLUMNS, _ROLES)
    plain = Reading("x.csv", "0", Source.ALIPAY)
    rows = list(plain.data_rows(Table("", tuple(table.rows)), 1, _COLUMNS))
    if block is None:
        return
    assert not plain.fatal
    lines, cells = block
    assert lines == [r.line for r in rows]
    assert [list(c) for c in cells] == [list(c) for c in role_columns(rows, _COLUMNS, _ROLES)]


def test_a_large_statements_body_is_read_without_a_row_object_a_line() -> None:
    for raw, name in ((large.alipay_csv(3000), "a.csv"), (large.icbc_csv(3000), "i.csv")):
        found = detect(raw, name)
        rows = found.table.rows
        assert isinstance(rows, LazyRows)
        result = found.read()
        assert len(result.transactions) > 2900
        assert rows._all is None  # noqa: SLF001 - the body was never made into rows


def test_the_row_by_row_read_gives_the_same_records() -> None:
    """The same file read through its rows (a plain tuple, so no block) reads the same."""
    for raw, name, read in (
        (large.alipay_csv(2000, odd=True), "a.csv", alipay.read),
        (large.icbc_csv(2000, odd=True), "i.csv", None),
    ):
        found = detect(raw, name)
        plain = Table("", tuple(found.table.rows))
        if read is None:
            layout = next(p for p in bank.PRESETS if p.source is found.source)
            by_rows = bank.read(layout, plain, found.header, found.columns, name, found.sha256)
        else:
            by_rows = read(plain, found.header, found.columns, name, found.sha256)
        assert read_statement(raw, name) == by_rows
