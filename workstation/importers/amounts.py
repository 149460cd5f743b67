"""Amounts and dates as Chinese exports print them, parsed exactly.

Amounts become integer fen through ``Decimal`` built from the text, never a float; a fraction
of a fen is refused, never rounded. Dates accept the common forms (``2023-02-12 21:32:14``,
``2023/2/12 21:32`` as Excel re-saves them, ``20250101``, ``2025年1月1日``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from workstation.domain.messages import QT_TRANSLATE_NOOP


class BadValue(ValueError):
    """A cell that cannot be read; ``template`` is a message with {file}, {line}, {value}."""

    def __init__(self, template: str, value: str) -> None:
        super().__init__(value)
        self.template = template
        self.value = value


NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("messages", "{file}, line {line}: “{value}” is not an amount")
PART_OF_A_FEN = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: “{value}” has a fraction of a fen; it is not rounded"
)
NOT_A_DATE = QT_TRANSLATE_NOOP("messages", "{file}, line {line}: “{value}” is not a date and time")

_MINUS = "-\u2212\u2012\u2013\ufe63"  # hyphen, minus sign, figure and en dashes, small hyphen
_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_CURRENCY = ("¥", "￥", "RMB", "CNY")


# The plain forms nearly every row holds (``88.00``, ``-5,020.45``), read without NFKC or
# Decimal; anything else goes to the general parser, so results are the same either way.
_PLAIN_AMOUNT = re.compile(r"([-+]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{1,2}))?")


def parse_amount_fen(text: str) -> int:
    """``"¥1,234.56"`` → 123456; ``"-5,020.45"``, ``"(5.00)"``, ``"+44754.02"`` signed."""
    match = _PLAIN_AMOUNT.fullmatch(text)
    if match is None:
        return parse_amount_fen_general(text)
    sign, whole, cents = match.groups()
    fen = int(whole.replace(",", "")) * 100 + (int(cents.ljust(2, "0")) if cents else 0)
    return -fen if sign == "-" else fen


# A column of such amounts with exactly two decimals (``1234.56``, ``-1,234.56``, ``¥28.16``: the
# form of nearly every export) or empty cells is read in a few C passes over the whole column:
# one match over it joined by line ends, then ``int`` of each line once ¥, comma and point are
# gone. (The possessive forms cannot lose a match: a digit run is never followed by the comma
# or point it would give back.)
_TWO_DECIMALS = r"(?:¥?+[-+]?+(?:[0-9]{1,3}+(?:,[0-9]{3})++|[0-9]++)\.[0-9]{2})?+"
_TWO_DECIMALS_COLUMN = re.compile(rf"{_TWO_DECIMALS}(?:\n{_TWO_DECIMALS})*+")
_ZERO_IF_EMPTY = {"": "0"}


def _joined_if_all_match(pattern: re.Pattern[str], texts: Sequence[str]) -> str | None:
    """``texts`` joined by line ends if every one matches ``pattern``'s item (and none holds a
    line end of its own), else None."""
    joined = "\n".join(texts)
    if joined.count("\n") == len(texts) - 1 and pattern.fullmatch(joined):
        return joined
    return None


def parse_amount_column(texts: Sequence[str], empty: int | None = None) -> list[int | None] | None:
    """``[parse_amount_fen(t) if t else empty for t in texts]``, or None if any text is not an
    amount (a reader then goes row by row, where each problem is named with its line)."""
    if not texts:
        return []
    joined = _joined_if_all_match(_TWO_DECIMALS_COLUMN, texts)
    if joined is not None:
        for mark in ("¥", ",", "."):
            if mark in joined:
                joined = joined.replace(mark, "")
        digits: Iterable[str] = joined.split("\n")
        blanks = "" in texts
        if blanks:
            digits = map(_ZERO_IF_EMPTY.get, digits, digits)
        fen: list[int | None] = list(map(int, digits))
        if blanks and empty != 0:
            fen = [f if t else empty for t, f in zip(texts, fen, strict=True)]
        return fen
    out: list[int | None] = []
    append = out.append
    for text in texts:
        if not text:
            append(empty)
            continue
        try:
            append(parse_amount_fen(text))
        except BadValue:
            return None
    return out


def parse_amount_fen_general(text: str) -> int:
    """``parse_amount_fen`` for every form: NFKC, currency signs, brackets, through Decimal."""
    s = unicodedata.normalize("NFKC", text).strip(" \t`")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s = _strip_currency(s)
    if s and (s[0] in _MINUS or s[0] == "+"):
        negative ^= s[0] != "+"
        s = _strip_currency(s[1:].strip())
    s = s.removesuffix("元").strip()
    if not _NUMBER.fullmatch(s):
        raise BadValue(NOT_AN_AMOUNT, text)
    try:
        fen = Decimal(s.replace(",", "")) * 100
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise BadValue(NOT_AN_AMOUNT, text) from exc
    if fen != fen.to_integral_value():
        raise BadValue(PART_OF_A_FEN, text)
    return -int(fen) if negative else int(fen)


def _strip_currency(s: str) -> str:
    for sign in _CURRENCY:
        if s.startswith(sign):
            return s[len(sign) :].strip()
    return s


def format_fen(fen: int, *, thousands: bool = False, currency: str = "", style: str = "-") -> str:
    """Fen as an export would print it; ``style`` "-" (minus), "+" (always signed) or "()"."""
    sign = "-" if fen < 0 else ("+" if style == "+" and fen > 0 else "")
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if thousands else str(yuan)
    body = f"{currency}{whole}.{cents:02d}"
    if fen < 0 and style == "()":
        return f"({body})"
    return sign + body


class Stamp(NamedTuple):
    at: datetime
    time_known: bool


_DATE = r"(?P<y>\d{4})(?:[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?|(?P<m2>\d{2})(?P<d2>\d{2}))"
_TIME = r"(?P<H>\d{1,2})(?::|时)(?P<M>\d{2})(?:(?::|分)(?P<S>\d{2})(?:\.\d+)?秒?)?"
_STAMP = re.compile(rf"{_DATE}(?:(?:\s+|T){_TIME})?")


_ISO = r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?: [0-9]{2}:[0-9]{2}:[0-9]{2})?+"
_ISO_STAMP = re.compile(_ISO)
_ISO_STAMP_COLUMN = re.compile(rf"{_ISO}(?:\n{_ISO})*+")
_from_iso = datetime.fromisoformat
_TEN = 10  # a date alone is ten characters; a longer stamp holds the time


def parse_stamp(text: str) -> Stamp:
    """A date with an optional time (seconds optional: Excel drops them when it re-saves)."""
    if _ISO_STAMP.fullmatch(text):  # 2023-02-12 21:32:14 or 2023-02-12: the C parser
        try:
            return Stamp(_from_iso(text), len(text) > 10)
        except ValueError:
            pass  # 2023-02-30: the general parser says so
    return parse_stamp_general(text)


def parse_stamp_column(texts: Sequence[str]) -> tuple[list[datetime], list[bool]] | None:
    """``parse_stamp`` of each text as (timestamps, time known), or None if any is not a date.

    A column of ISO dates or timestamps goes through the C parser in one pass; a column of a
    few distinct dates (a bank statement's days) parses each date once.
    """
    if not texts:
        return [], []
    if _joined_if_all_match(_ISO_STAMP_COLUMN, texts) is not None:
        try:
            distinct = set(texts)
            if len(distinct) * 2 < len(texts):
                parsed = dict(zip(distinct, map(_from_iso, distinct), strict=True))
                at = list(map(parsed.__getitem__, texts))
            else:
                at = list(map(_from_iso, texts))
        except ValueError:
            pass  # 2023-02-30 somewhere: the general parser says which
        else:
            return at, list(map(_TEN.__lt__, map(len, texts)))
    ats: list[datetime] = []
    known: list[bool] = []
    for text in texts:
        try:
            stamp = parse_stamp(text)
        except BadValue:
            return None
        ats.append(stamp.at)
        known.append(stamp.time_known)
    return ats, known


def parse_stamp_general(text: str) -> Stamp:
    """``parse_stamp`` for every form the exports print."""
    s = unicodedata.normalize("NFKC", text).strip(" \t`")
    match = _STAMP.fullmatch(s)
    if not match:
        raise BadValue(NOT_A_DATE, text)
    g = match.groupdict()
    try:
        at = datetime(
            int(g["y"]),
            int(g["m"] or g["m2"]),
            int(g["d"] or g["d2"]),
            int(g["H"] or 0),
            int(g["M"] or 0),
            int(g["S"] or 0),
        )
    except ValueError as exc:
        raise BadValue(NOT_A_DATE, text) from exc
    return Stamp(at, g["H"] is not None)


def join_date_time(day: str, time: str) -> str:
    """CCB prints the date (``20250101``) and the time (``102133`` or ``10:21:33``) apart."""
    t = unicodedata.normalize("NFKC", time).strip(" \t`")
    if re.fullmatch(r"\d{6}", t):
        t = f"{t[:2]}:{t[2:4]}:{t[4:]}"
    return f"{day.strip()} {t}" if t else day
