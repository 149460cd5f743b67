"""The import's fast paths give what the straightforward code gives.

``csv_table``: the reference is ``csv.reader`` record by record, every cell through
``clean``, each row numbered with the line it starts on, a ``csv.Error`` refused with that
line. Texts are drawn from the characters that steer the fast paths: quotes, commas and
line ends of every kind, exporters' padding, full-width forms NFKC turns into commas, quotes,
spaces and backticks, combining marks next to separators.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workstation.importers import decode
from workstation.importers.decode import clean
from workstation.importers.detect import LAYOUTS, Layout
from workstation.importers.records import StatementRefused
from workstation.importers.tables import (
    HEADER_SEARCH_ROWS,
    Row,
    Table,
    csv_table,
    find_header,
    map_columns,
)


def reference(text: str) -> tuple[tuple[int, tuple[str, ...]], ...] | str:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    start = 1
    try:
        for cells in reader:
            rows.append((start, tuple(clean(c) for c in cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        return f"line {start}: {exc}"
    return tuple(rows)


def fast(text: str) -> tuple[tuple[int, tuple[str, ...]], ...] | str:
    try:
        table = csv_table(text, "x.csv")
    except StatementRefused as refused:
        params = dict(refused.message.params)
        return f"line {params['line']}: {params['detail']}"
    return tuple((row.line, row.cells) for row in table.rows)


_CHARS = [
    ",", '"', "\r", "\n", " ", "\t", "`", "a", "1", ".", "中", "\u3000", "，", "＂", "｀",
    "ｅ", "e", "\u0301", "\u0327", "\u00a0", "\x0b", "\x0c", "\u2028", "\x85", "\ufe50", "ﾞ",
    "ｶ", "¹", "㎏", "\ufeff",
]  # fmt: skip
texts = st.lists(st.sampled_from(_CHARS), max_size=60).map("".join)
_CELLS = ["", " a ", "\t中\t", "`1.5`", "ｅ\u0301", "\u3000x", "a，b"]
lines = st.tuples(
    st.lists(st.lists(st.sampled_from(_CELLS), max_size=5), max_size=8),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
).map(lambda t: t[1].join(",".join(cells) for cells in t[0]) + (t[1] if t[2] else ""))


@settings(max_examples=600, deadline=None)
@given(texts)
@example("")
@example("\n")
@example("\r\n\r\n")
@example("a,b\r\n \t,`x`\r\n")
@example("a\rb\n")
@example('a,"b\nc",d\ne\n')
@example('"a')
@example("a，b,c\n")
@example('x,"a"\u0301㎏\n')  # csv drops the quote: NFKC must see a and the accent together
def test_any_text_reads_as_csv_and_clean_read_it(text: str) -> None:
    assert fast(text) == reference(text)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_unquoted_tables_read_as_csv_and_clean_read_them(text: str) -> None:
    assert fast(text) == reference(text)


@pytest.mark.parametrize("quoted", [False, True])
def test_a_field_over_csvs_limit_is_refused_as_csv_refuses_it(quoted: bool) -> None:
    cell = "x" * (csv.field_size_limit() + 1)
    text = f"a,b\nc,{cell}\n" if not quoted else f'a,"b"\nc,{cell}\n'
    assert fast(text) == reference(text)
    assert isinstance(reference(text), str)


def test_a_field_at_csvs_limit_is_read() -> None:
    text = "a,b\nc," + "x" * csv.field_size_limit() + "\n"
    assert fast(text) == reference(text)


# --- decode: the one-pass check for a second encoding is the line-by-line one -----------------

_PIECES = [
    b"a,b", b"2023-01-01 10:00:00", b"\r", b",", b"\t",
    "交易".encode(), "金额".encode("gbk"), "𠮷".encode(), "𠮷".encode("gb18030"),
    "é".encode(), "é".encode("latin-1"), b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80",
    b"\xe4\xb8", b"\xef\xbf\xbd", b"\xff", b"\x80",
]  # fmt: skip
_LINES = st.lists(st.lists(st.sampled_from(_PIECES), max_size=4).map(b"".join), max_size=6)


def _outcome(check: object, raw: bytes) -> object:
    try:
        check(raw, "x.csv")  # type: ignore[operator]
    except StatementRefused as refused:
        return refused.message
    return None


@settings(max_examples=600, deadline=None)
@given(_LINES, st.booleans())
def test_the_mixed_encoding_check_is_the_line_by_line_one(lines: list[bytes], end: bool) -> None:
    raw = b"\n".join(lines) + (b"\n" if end else b"")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return  # only a file that is not UTF-8 is checked
    assert _outcome(decode._refuse_if_mixed, raw) == _outcome(decode._refuse_if_mixed_by_line, raw)


def test_a_gbk_file_with_one_utf8_line_names_it() -> None:
    lines = [
        "交易时间,金额".encode("gbk"),
        b"2023,1.00",
        "张三,2.00".encode(),
        "李四,3.00".encode("gbk"),
    ]
    error = _outcome(decode._refuse_if_mixed, b"\n".join(lines))
    assert error == _outcome(decode._refuse_if_mixed_by_line, b"\n".join(lines))
    assert error is not None and dict(error.params)["line"] == 3  # type: ignore[attr-defined]


# --- find_header: rows that cannot name the required roles are skipped unmapped --------------


def _find_header_by_mapping(
    table: Table, roles: dict[str, tuple[str, ...]], required: tuple[str, ...]
) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        if row.filled < len(required):
            continue
        columns = map_columns(row.cells, roles)
        if all(r in columns for r in required):
            return index, columns
    return None


_NAMES = sorted({name for layout in LAYOUTS for names in layout.roles.values() for name in names})
_HEADER_CELLS = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES).map(lambda n: f" {n} Date"),
    st.sampled_from(_NAMES).map(lambda n: n[:1] + "\u3000" + n[1:]),
    st.sampled_from(_NAMES).map(lambda n: n.replace("(", "（").replace(")", "）")),
    st.sampled_from(_NAMES).map(lambda n: n + "(收入)"),
    st.sampled_from(["", "`", "备注：", "2023-01-01", "共3笔记录", "Amount"]),
)
_VARIANTS = [
    lambda n: n,
    lambda n: f" {n} Date",
    lambda n: n[:1] + "\u3000" + n[1:],
    lambda n: n.replace("(", "（").replace(")", "）"),
    lambda n: n + "(收入)",
    lambda n: "`" + n,
]
# a layout's whole header, each name (any alias) in some form, a few dropped, in any order
_KEPT = st.sampled_from([True] * 7 + [False])


def _header_of(layout: Layout) -> st.SearchStrategy[list[str]]:
    cells = [
        st.tuples(st.sampled_from(names), st.sampled_from(_VARIANTS), _KEPT)
        for names in layout.roles.values()
    ]
    picked = st.tuples(*cells).map(lambda picks: [v(n) for n, v, kept in picks if kept])
    return picked.flatmap(st.permutations)


_LAYOUT_HEADERS = st.sampled_from(LAYOUTS).flatmap(_header_of)
_ROWS = st.one_of(st.lists(_HEADER_CELLS, max_size=16), _LAYOUT_HEADERS)
_TABLES = st.lists(_ROWS, max_size=6).map(
    lambda rows: Table("", tuple(Row(i, tuple(cells)) for i, cells in enumerate(rows, 1)))
)


@settings(max_examples=300, deadline=None)
@given(_TABLES)
def test_finding_a_header_is_mapping_every_row(table: Table) -> None:
    for layout in LAYOUTS:
        expected = _find_header_by_mapping(table, layout.roles, layout.required)
        assert find_header(table, layout.roles, layout.required) == expected
