"""Bytes of a text export → text, and cells → clean text.

Chinese exports come as GBK (Alipay, banks; read as GB18030, its superset), UTF-8 (WeChat Pay)
or UTF-8 with a BOM (anything re-saved by Excel). A file that mixes the two, or is neither, is
refused with the line where it goes wrong; charset-normalizer is asked only when neither strict
decoding works (a UTF-16 or Big5 file, say). Cells are NFKC-normalised (full-width （元）,
ideographic spaces, ￥, Kangxi radicals from PDF text layers) and stripped of the spaces, TABs
and backticks exporters pad them with.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.importers.records import StatementRefused

MIXED = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: the file mixes text encodings (UTF-8 and GBK); export it again",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "messages", "{file}, line {line}: the text is neither UTF-8 nor GBK and cannot be read"
)
NOT_TEXT = QT_TRANSLATE_NOOP("messages", "{file} is not a text table (it holds binary data)")

PAD = " \t`\r\n"  # what exporters pad cells with
# What a Chinese export may plausibly be when it is neither UTF-8 nor GB18030. Anything else
# charset-normalizer proposes for such bytes is a damaged GBK file read as mojibake: refuse it.
_GUESSABLE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "big5", "big5hkscs", "cp950")
_SPACES = re.compile(r"\s+")


def decode_text(raw: bytes, file: str) -> str:
    """The text of ``raw``, or a refusal naming ``file`` and the first bad line."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[len(codecs.BOM_UTF8) :], "utf-8", file)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", file)
    if b"\x00" in raw:
        return _guess(raw, file, 1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    _refuse_if_mixed(raw, file)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        return _guess(raw, file, _line_at(raw, exc.start))


def _strict(raw: bytes, encoding: str, file: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _refusal(UNREADABLE, file, _line_at(raw, exc.start)) from exc
    if "\x00" in text:
        raise StatementRefused(Message.of(NOT_TEXT, file=file))
    return text


def _refuse_if_mixed(raw: bytes, file: str) -> None:
    """Some lines valid UTF-8 with Chinese in them, others not: two encodings in one file."""
    utf8: list[int] = []
    other: list[int] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(number)
        except UnicodeDecodeError:
            other.append(number)
    if utf8 and other:
        minority = utf8 if len(utf8) <= len(other) else other
        raise _refusal(MIXED, file, minority[0])


def _guess(raw: bytes, file: str, line: int) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding not in _GUESSABLE or best.chaos > 0.2:
        if b"\x00" in raw:
            raise StatementRefused(Message.of(NOT_TEXT, file=file))
        raise _refusal(UNREADABLE, file, line)
    text = str(best)
    if "\x00" in text:
        raise StatementRefused(Message.of(NOT_TEXT, file=file))
    return text


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _refusal(template: str, file: str, line: int) -> StatementRefused:
    return StatementRefused(Message.of(template, file=file, line=line))


def clean(cell: str) -> str:
    """A cell's text: NFKC, without the padding exporters put around it."""
    if cell.isascii():  # most cells; NFKC cannot change them (a fast path for 100k-line files)
        return cell.strip(PAD)
    return unicodedata.normalize("NFKC", cell).strip(PAD)


def header_key(cell: str) -> str:
    """A header or label for matching: clean, and without inner spaces (``币　　种`` → ``币种``)."""
    return _SPACES.sub("", clean(cell))
