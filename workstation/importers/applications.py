"""Applications from a spreadsheet: CSV (as ``decode`` reads it) or XLSX, one row a case.

Headers may be English or Chinese (``COLUMNS``; the template is
resources/templates/applications.csv). A header is recognised after NFKC (full-width
brackets and letters are the ASCII ones) and with or without its unit in brackets when the
unit is the template's ("年销售额", "年销售额(元)", "年销售额（元）"; not "年销售额(万元)"),
and only when that names one column. A header recognised nowhere is reported, never dropped
without a word. Columns are named to the user as the file names them, or as the template
does when the file lacks them.

Money is written in yuan (up to two decimals) and stored in fen; ratios as fractions
("0.12") or percentages ("12%"). Each row becomes an ``Application`` or a list of
(field, message) problems; nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from workstation.domain.application import (
    Application,
    Business,
    CustomerKind,
    DownstreamCustomer,
    Financials,
    PlatformData,
    Product,
)
from workstation.domain.limits import LegalReview
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.importers.decode import UNREADABLE, decode_text
from workstation.importers.records import StatementRefused


@dataclass(frozen=True)
class Column:
    key: str  # English header, and the name problems are reported under
    chinese: str  # Chinese header
    kind: str  # "text", "kind", "product", "yuan", "int", "decimal", "ratio", "flag"


COLUMNS: tuple[Column, ...] = (
    Column("kind", "客户类型", "kind"),
    Column("business_name", "企业名称", "text"),
    Column("credit_code", "统一社会信用代码", "text"),
    Column("owner_name", "经营者姓名", "text"),
    Column("owner_id_number", "身份证号", "text"),
    Column("owner_phone", "手机号", "text"),
    Column("industry", "行业", "text"),
    Column("region", "地区", "text"),
    Column("platform_account", "平台账号", "text"),
    Column("partner_bank", "合作银行", "text"),
    Column("product", "贷款产品", "product"),
    Column("amount_yuan", "申请金额(元)", "yuan"),
    Column("term_months", "期限(月)", "int"),
    Column("annual_sales_yuan", "年销售额(元)", "yuan"),
    Column("operating_cost_yuan", "经营成本(元)", "yuan"),
    Column("net_profit_margin", "净利润率", "ratio"),
    Column("inventory_yuan", "存货(元)", "yuan"),
    Column("total_assets_yuan", "总资产(元)", "yuan"),
    Column("total_liabilities_yuan", "总负债(元)", "yuan"),
    Column("accounts_receivable_yuan", "应收账款(元)", "yuan"),
    Column("sales_growth", "销售增长率", "ratio"),
    Column("platform_share_of_sales", "平台订单占比", "ratio"),
    Column("top_customer_1", "第一大客户", "text"),
    Column("top_customer_1_years", "第一大客户合作年限", "int"),
    Column("top_customer_1_share", "第一大客户销售占比", "ratio"),
    Column("top_customer_2", "第二大客户", "text"),
    Column("top_customer_2_years", "第二大客户合作年限", "int"),
    Column("top_customer_2_share", "第二大客户销售占比", "ratio"),
    Column("order_count", "订单数", "int"),
    Column("inventory_turnover", "库存周转次数", "decimal"),
    Column("complaints", "投诉数", "int"),
    Column("seller_dsr", "卖家评分", "decimal"),
    Column("active_days_per_month", "月活跃天数", "decimal"),
    Column("positive_review_rate", "好评率", "ratio"),
    Column("guarantees_outstanding", "对外担保", "flag"),
    Column("property_registration_issue", "产权登记问题", "flag"),
    Column("bankruptcy", "破产记录", "flag"),
    Column("litigation", "诉讼记录", "flag"),
)
REQUIRED_HEADERS = ("kind", "business_name", "product", "amount_yuan")

# "name(unit)" once normalised (NFKC turns （） into ()); 【】 are not changed by NFKC.
_UNIT = re.compile(r"^(?P<name>.*?)\s*[(\[【](?P<unit>[^()\[\]【】]*)[)\]】]$")
_YUAN_UNITS = frozenset({"元", "yuan", "rmb", "cny", "人民币", "人民币元", "¥"})
_PERCENT_UNITS = frozenset({"%", "百分比", "percent"})
_MONTH_UNITS = frozenset({"月", "个月", "months", "month"})


def _normal(header: str) -> str:
    """A header as compared: NFKC, lower case, spaces squeezed out."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", header)).lower()


def _split_unit(normal: str) -> tuple[str, str | None]:
    match = _UNIT.match(normal)
    if match is None:
        return normal, None
    return match.group("name"), match.group("unit")


def _units(col: Column) -> frozenset[str]:
    """The units a header may carry for ``col``: those that mean the template's unit."""
    _, unit = _split_unit(_normal(col.chinese))
    if col.kind == "yuan":
        return _YUAN_UNITS
    if col.kind == "ratio":
        return _PERCENT_UNITS
    if unit in _MONTH_UNITS:
        return _MONTH_UNITS
    return frozenset({unit} if unit else ())


def _lookups() -> tuple[dict[str, Column], dict[str, Column]]:
    exact: dict[str, Column] = {}
    bare: dict[str, Column] = {}
    for col in COLUMNS:
        for header in (col.key, col.key.replace("_", " "), col.chinese):  # "Business name"
            exact[_normal(header)] = col
        name, _ = _split_unit(_normal(col.chinese))
        if name in bare or (name in exact and exact[name] is not col):
            raise AssertionError(f"the header {name!r} would name two columns")
        bare[name] = col
    return exact, bare


_EXACT, _BARE = _lookups()
_BY_KEY = {c.key: c for c in COLUMNS}


def column_for(header: str) -> Column | None:
    """The column a header names, or None when it names none (or is empty)."""
    normal = _normal(header)
    if not normal:
        return None
    if normal in _EXACT:
        return _EXACT[normal]
    name, unit = _split_unit(normal)
    col = _BARE.get(name)
    if col is None or (unit is not None and unit not in _units(col)):
        return None
    return col


@dataclass(frozen=True)
class Table:
    """The rows of a file and how its header names the columns."""

    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, cells)
    headers: dict[str, str]  # column key -> its header as the file writes it
    english: bool  # the file names its columns by the English keys
    warnings: tuple[Message, ...] = ()

    def column_name(self, key: str) -> str:
        """A column in the user's words: as the file writes it; one the file lacks as the
        template does (English keys for a file that uses them); a field that is no column
        of the file as it is."""
        if key in self.headers:
            return self.headers[key]
        col = _BY_KEY.get(key)
        if col is None:
            return key
        return col.key if self.english else col.chinese


_KINDS = {
    "platform": CustomerKind.PLATFORM,
    "平台": CustomerKind.PLATFORM,
    "平台客户": CustomerKind.PLATFORM,
    "off_platform": CustomerKind.OFF_PLATFORM,
    "非平台": CustomerKind.OFF_PLATFORM,
    "平台外": CustomerKind.OFF_PLATFORM,
    "非平台客户": CustomerKind.OFF_PLATFORM,
}
_PRODUCTS = {
    "credit": Product.CREDIT,
    "信用贷款": Product.CREDIT,
    "order": Product.ORDER,
    "订单贷款": Product.ORDER,
    "both": Product.BOTH,
    "两者": Product.BOTH,
    "信用+订单": Product.BOTH,
}
_TOO_LARGE = 15  # digits before the point: 10^15 yuan is 10^17 fen, which still fits 64 bits
_YES = {"1", "y", "yes", "true", "是", "有"}
_NO = {"", "0", "n", "no", "false", "否", "无"}


class UnreadableFile(Exception):
    """The file cannot be read as a table; ``str(exc)`` says what went wrong."""


EMPTY = QT_TRANSLATE_NOOP("messages", "{file} is empty: it has no header row")
MISSING_COLUMNS = QT_TRANSLATE_NOOP("messages", "{file} lacks the columns: {columns}")
MISSING_AND_UNKNOWN = QT_TRANSLATE_NOOP(
    "messages",
    "{file} lacks the columns: {columns}. Its columns {unknown} are not the template's; "
    "name them as the template (applications.csv) does.",
)
UNKNOWN_COLUMNS = QT_TRANSLATE_NOOP(
    "messages",
    "Columns not recognised, left out of every draft: {columns}. Name them as the template "
    "(applications.csv) does, with amounts in yuan.",
)
TWO_COLUMNS = QT_TRANSLATE_NOOP(
    "messages", "{file} has two columns for the same figure: {first} and {second}; keep one."
)
NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "messages",
    "{file} is neither an Excel workbook (XLSX) nor a CSV file that can be read (another kind "
    "of file, or damaged). Save it from Excel as .xlsx or as CSV and import that.",
)

_ZIP_MAGIC = b"PK\x03\x04"  # an XLSX is a zip file
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an old Excel .xls (or another Office 97 file)


def _quoted(headers: list[str]) -> str:
    return ", ".join(f"“{h}”" for h in headers)


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(row number as a spreadsheet shows it, {column key: text}) for each non-empty row;
    see ``read_table``."""
    return read_table(path).rows


def read_table(path: Path) -> Table:
    """The file's rows ({column key: text}, empty rows left out) and its header's words.

    Text the decoder refuses (neither UTF-8, GBK, UTF-16 nor Big5; mixed encodings), a file
    that is neither a workbook nor text, an empty file, missing columns and two headers for
    one column raise ``RuleError`` with a translatable message naming the file; headers
    that name no column are a warning. A file that cannot be opened raises ``OSError``.
    """
    raw = path.read_bytes()
    try:
        if raw.startswith((_ZIP_MAGIC, _OLE_MAGIC)) or (
            path.suffix.lower() in (".xlsx", ".xlsm") and not _looks_like_text(raw)
        ):
            table = _xlsx_table(raw)
        else:  # a CSV, or CSV text saved under an .xlsx name
            table = _csv_table(_decode(raw, path.name))
    except StatementRefused as exc:
        raise RuleError(exc.message) from exc
    except Exception as exc:  # a damaged or foreign file: say so, never a traceback
        raise RuleError(Message.of(NOT_A_TABLE, file=path.name)) from exc
    if not table:
        raise RuleError(Message.of(EMPTY, file=path.name))
    return _read_header(path.name, table)


def _looks_like_text(raw: bytes) -> bool:
    """Bytes a CSV may hold: no NUL, unless the text is UTF-16 (with its byte order mark)."""
    head = raw[:4096]
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head


def _read_header(file: str, table: list[list[str]]) -> Table:
    header = [column_for(h) for h in table[0]]
    headers: dict[str, str] = {}
    unknown: list[str] = []
    english = 0
    for text, col in zip(table[0], header, strict=True):
        if col is None:
            if text.strip():
                unknown.append(text.strip())
            continue
        if col.key in headers:
            first, second = _quoted([headers[col.key]]), _quoted([text.strip()])
            raise RuleError(Message.of(TWO_COLUMNS, file=file, first=first, second=second))
        headers[col.key] = text.strip()
        english += 1 if _normal(text) == _normal(col.key) else -1
    named = Table([], headers, english > 0 or (not headers and not unknown))
    lacking = [named.column_name(h) for h in REQUIRED_HEADERS if h not in headers]
    if lacking and unknown:
        raise RuleError(
            Message.of(
                MISSING_AND_UNKNOWN,
                file=file,
                columns=", ".join(lacking),
                unknown=_quoted(unknown),
            )
        )
    if lacking:
        raise RuleError(Message.of(MISSING_COLUMNS, file=file, columns=", ".join(lacking)))
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        rows.append(
            (
                number,
                {col.key: cell.strip() for col, cell in zip(header, cells, strict=False) if col},
            )
        )
    warnings = (Message.of(UNKNOWN_COLUMNS, columns=_quoted(unknown)),) if unknown else ()
    return Table(rows, headers, named.english, warnings)


_PRIVATE = re.compile("[\ue000-\uf8ff]")


def _decode(raw: bytes, file: str) -> str:
    """``decode_text``, but a Big5 file it read as GB18030 (private-use characters show it)
    is read as Big5, or refused when it is not Big5 either: never stored as garbage."""
    text = decode_text(raw, file)
    odd = _PRIVATE.search(text)
    if odd is None:
        return text
    for encoding in ("big5", "big5hkscs"):
        try:
            other = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _PRIVATE.search(other) is None:
            return other
    line = text.count("\n", 0, odd.start()) + 1
    raise StatementRefused(Message.of(UNREADABLE, file=file, line=line))


def _csv_table(text: str) -> list[list[str]]:
    return [row for row in csv.reader(io.StringIO(text))]


def _xlsx_table(raw: bytes) -> list[list[str]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)


Problems = list[tuple[str, Message]]


def _bad_number(key: str, text: str) -> tuple[str, Message]:
    return (
        key,
        Message.of(QT_TRANSLATE_NOOP("messages", "“{value}” is not a number"), value=text),
    )


def _parse(col: Column, text: str, problems: Problems) -> Any:
    if text == "" and col.kind not in ("flag",):
        return None
    lowered = text.lower()
    if col.kind == "text":
        return text
    if col.kind == "kind":
        return _choice(col.key, lowered, _KINDS, problems)
    if col.kind == "product":
        return _choice(col.key, lowered, _PRODUCTS, problems)
    if col.kind == "flag":
        if lowered in _YES:
            return True
        if lowered in _NO:
            return False
        problems.append(
            (col.key, Message.of(QT_TRANSLATE_NOOP("messages", "Write 是 or 否 (yes or no)")))
        )
        return None
    percent = text.endswith("%")
    if percent and col.kind != "ratio":  # "50%" of an amount, a count or a rating means nothing
        problems.append(
            (
                col.key,
                Message.of(
                    QT_TRANSLATE_NOOP("messages", "“{value}”: a percentage is not allowed here"),
                    value=text,
                ),
            )
        )
        return None
    try:
        number = Decimal(text.rstrip("%").replace(",", "").strip())
    except InvalidOperation:
        problems.append(_bad_number(col.key, text))
        return None
    if not number.is_finite():
        problems.append(_bad_number(col.key, text))
        return None
    if number and number.adjusted() >= _TOO_LARGE:  # overflows the store's integers; a typo
        problems.append(
            (
                col.key,
                Message.of(QT_TRANSLATE_NOOP("messages", "“{value}” is too large"), value=text),
            )
        )
        return None
    if col.kind == "ratio":
        return number / 100 if percent else number
    if col.kind == "yuan":
        fen = number * 100
        if fen != fen.to_integral_value():
            problems.append(
                (col.key, Message.of(QT_TRANSLATE_NOOP("messages", "Yuan have at most 2 decimals")))
            )
            return None
        return int(fen)
    if col.kind == "int":
        if number != number.to_integral_value():
            problems.append(
                (col.key, Message.of(QT_TRANSLATE_NOOP("messages", "A whole number is needed")))
            )
            return None
        return int(number)
    return number


def _choice(key: str, text: str, choices: dict[str, Any], problems: Problems) -> Any:
    if text in choices:
        return choices[text]
    problems.append(
        (
            key,
            Message.of(
                QT_TRANSLATE_NOOP("messages", "“{value}” is not one of: {choices}"),
                value=text,
                choices=", ".join(choices),
            ),
        )
    )
    return None


def _top_customer_problems(v: dict[str, Any], problems: Problems) -> None:
    """A named top customer needs its years and share; figures need a customer to belong to."""
    for n in (1, 2):
        name, figures = f"top_customer_{n}", (f"top_customer_{n}_years", f"top_customer_{n}_share")
        named = bool(v[name])
        for key in figures:
            if any(p[0] == key for p in problems):
                continue
            if named and v[key] is None:
                problems.append((key, Message.of(QT_TRANSLATE_NOOP("messages", "Required"))))
            elif not named and v[key] is not None:
                problems.append(
                    (
                        name,
                        Message.of(
                            QT_TRANSLATE_NOOP("messages", "Name the customer these figures are for")
                        ),
                    )
                )
                break


def application_from_row(cells: dict[str, str]) -> tuple[Application | None, Problems]:
    """The application a row describes, or the problems that stop it being read.

    Never raises for what a row holds: anything unreadable is a (column, message) problem.
    """
    try:
        return _application_from_row(cells)
    except (ArithmeticError, ValueError, TypeError) as exc:  # a last guard: one row, not the file
        return None, [
            (
                "",
                Message.of(
                    QT_TRANSLATE_NOOP("messages", "The row cannot be read: {error}"),
                    error=str(exc) or type(exc).__name__,
                ),
            )
        ]


def _application_from_row(cells: dict[str, str]) -> tuple[Application | None, Problems]:
    problems: Problems = []
    v = {col.key: _parse(col, cells.get(col.key, ""), problems) for col in COLUMNS}
    for key in ("kind", "product", "amount_yuan"):
        if v[key] is None and not any(p[0] == key for p in problems):
            problems.append((key, Message.of(QT_TRANSLATE_NOOP("messages", "Required"))))
    _top_customer_problems(v, problems)
    if problems:
        return None, problems
    get: Callable[[str], Any] = v.__getitem__
    top = tuple(
        DownstreamCustomer(
            get(f"top_customer_{n}"),
            get(f"top_customer_{n}_years"),
            get(f"top_customer_{n}_share"),
        )
        for n in (1, 2)
        if get(f"top_customer_{n}")
    )
    term = get("term_months")
    app = Application(
        business=Business(
            kind=get("kind"),
            business_name=get("business_name") or "",
            credit_code=(get("credit_code") or "").upper(),
            owner_name=get("owner_name") or "",
            owner_id_number=(get("owner_id_number") or "").upper(),
            owner_phone=get("owner_phone") or "",
            industry=get("industry") or "",
            region=get("region") or "",
            platform_account=get("platform_account"),
            partner_bank=get("partner_bank"),
        ),
        product=get("product"),
        amount_fen=get("amount_yuan"),
        term_months=12 if term is None else term,  # 0 stays 0: the rules refuse it
        financials=Financials(
            annual_sales_fen=get("annual_sales_yuan"),
            operating_cost_fen=get("operating_cost_yuan"),
            net_profit_margin=get("net_profit_margin"),
            inventory_fen=get("inventory_yuan"),
            total_assets_fen=get("total_assets_yuan"),
            total_liabilities_fen=get("total_liabilities_yuan"),
            accounts_receivable_fen=get("accounts_receivable_yuan"),
            sales_growth=get("sales_growth"),
            platform_share_of_sales=get("platform_share_of_sales"),
            top_customers=top,
        ),
        platform=PlatformData(
            order_count=get("order_count"),
            inventory_turnover=get("inventory_turnover"),
            complaints=get("complaints"),
            seller_dsr=get("seller_dsr"),
            active_days_per_month=get("active_days_per_month"),
            positive_review_rate=get("positive_review_rate"),
        )
        if get("kind") == CustomerKind.PLATFORM
        else PlatformData(),
        legal=LegalReview(
            guarantees_outstanding=bool(get("guarantees_outstanding")),
            property_registration_issue=bool(get("property_registration_issue")),
            bankruptcy=bool(get("bankruptcy")),
            litigation=bool(get("litigation")),
        ),
        active_days_per_month=None
        if get("kind") == CustomerKind.PLATFORM
        else get("active_days_per_month"),
        positive_review_rate=None
        if get("kind") == CustomerKind.PLATFORM
        else get("positive_review_rate"),
    )
    return app, []


_TOP_CUSTOMER = re.compile(r"^financials\.top_customers(?:\.(\d+)(?:\.(\w+))?)?$")
_TOP_CUSTOMER_PART = {"share_of_sales": "_share", "years": "_years"}


def column_of(field: str) -> str:
    """The file's column key for a validation problem's dotted field ("business.credit_code"
    -> "credit_code", "financials.top_customers.1.years" -> "top_customer_2_years")."""
    top = _TOP_CUSTOMER.match(field)
    if top is not None:
        number = int(top.group(1) or 0) + 1
        return f"top_customer_{number}{_TOP_CUSTOMER_PART.get(top.group(2) or '', '')}"
    last = field.rsplit(".", 1)[-1]
    if last.endswith("_fen") and last[: -len("_fen")] + "_yuan" in _BY_KEY:
        return last[: -len("_fen")] + "_yuan"
    return last
