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
REPLACED = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: the text holds “�” where characters were lost when it was saved "
    "in the wrong encoding; export it again from the app or bank",
)
MISENCODED = QT_TRANSLATE_NOOP(
    "messages",
    "{file}, line {line}: the Chinese text was converted with the wrong encoding (it reads "
    "as “{sample}”); export it again from the app or bank",
)

PAD = " \t`\r\n"  # what exporters pad cells with
# What a Chinese export may plausibly be when it is neither UTF-8 nor GB18030. Anything else
# charset-normalizer proposes for such bytes is a damaged GBK file read as mojibake: refuse it.
_GUESSABLE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "big5", "big5hkscs", "cp950")
_SPACES = re.compile(r"\s+")
# A whole line (up to a \n or the end) of valid UTF-8 holding at least one non-ASCII character:
# what ``bytes.decode("utf-8")`` accepts, sequence by sequence (RFC 3629: no overlong forms, no
# surrogates, nothing past U+10FFFF). UTF-8 is prefix-free, so the possessive loops lose nothing.
_ASCII = rb"[\x00-\x09\x0b-\x7f]"
_MULTIBYTE = (
    rb"(?:[\xe1-\xec\xee\xef][\x80-\xbf]{2}|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})"
)
_LINE = _ASCII + rb"*+" + _MULTIBYTE + rb"(?:" + _ASCII + rb"++|" + _MULTIBYTE + rb")*+(?![^\n])"
_UTF8_LINE = re.compile(_LINE)  # the first line
_UTF8_LINE_AFTER_NEWLINE = re.compile(rb"\n" + _LINE)  # any other (the \n lets re skip ahead)


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
    """Some lines valid UTF-8 with Chinese in them, others not: two encodings in one file.

    Only called once the whole file failed as UTF-8, so some line is not UTF-8; the question is
    whether any non-ASCII line is. One pass of ``_UTF8_LINE`` over the bytes answers it (in a
    GBK file it fails at the first Chinese character of each line); only a file where it finds
    one is looked at line by line, to name the odd line.
    """
    if _UTF8_LINE.match(raw) or _UTF8_LINE_AFTER_NEWLINE.search(raw):
        _refuse_if_mixed_by_line(raw, file)


def _refuse_if_mixed_by_line(raw: bytes, file: str) -> None:
    """``_refuse_if_mixed`` line by line: which lines are UTF-8, which not, and the first of
    the fewer named."""
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


def undo_latin1(text: str) -> str | None:
    """``text`` as it was before Chinese bytes were read as Latin-1 (or Windows-1252) and
    saved again (``ÐÕÃû`` → ``姓名``); None when it cannot have been made so."""
    for codec in ("cp1252", "latin-1"):
        try:
            raw = text.encode(codec)
        except UnicodeEncodeError:
            continue
        for encoding in ("utf-8", "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    return None


def clean(cell: str) -> str:
    """A cell's text: NFKC, without the padding exporters put around it."""
    if cell.isascii():  # most cells; NFKC cannot change them (a fast path for 100k-line files)
        return cell.strip(PAD)
    return unicodedata.normalize("NFKC", cell).strip(PAD)


def header_key(cell: str) -> str:
    """A header or label for matching: clean, and without inner spaces (``币　　种`` → ``币种``)."""
    return _SPACES.sub("", clean(cell))
