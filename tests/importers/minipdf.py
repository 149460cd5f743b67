"""A tiny PDF writer for the importer fixtures: text, ruling lines, images, RC4 passwords.

Chinese banks' statement generators (iText and its kin) mostly write Chinese with the
non-embedded Adobe font ``STSong-Light`` in the ``UniGB-UCS2-H`` encoding; this writer does
the same, so text extracts exactly (pdfminer maps the CIDs through Adobe's own tables) and the
bytes are the same on every run (no dates, no font files). reportlab is not needed and
matplotlib's PDF backend cannot embed the CFF-based Noto CJK fonts this machine has.

Encryption is the PDF 1.4 standard security handler, revision 2 (RC4, 40-bit key), written
by hand: enough for a password-protected statement (refused) and an owner-password-only one
(readable, as many bank PDFs are: protected against editing, not against opening).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field

A4_LANDSCAPE = (842.0, 595.0)
_PASSWORD_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
_FONTS = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
    b"/DescendantFonts [%d 0 R] >>",
    b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
    b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor %d 0 R "
    b"/DW 1000 /W [1 95 500] >>",
    b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
    b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
    b"/CapHeight 880 /StemV 93 >>",
)


def text_width(text: str, size: float) -> float:
    """Width in points: CJK full width, ASCII half width (the font's /W)."""
    return sum(size * (0.5 if ch.isascii() else 1.0) for ch in text)


@dataclass
class Page:
    """One page's drawing, in PDF points from the bottom-left corner."""

    width: float = A4_LANDSCAPE[0]
    height: float = A4_LANDSCAPE[1]
    ops: list[bytes] = field(default_factory=list)
    image: tuple[int, int, bytes] | None = None  # width, height, 8-bit grey pixels

    def text(self, x: float, top: float, text: str, size: float = 8.0) -> None:
        """``text`` with its top edge ``top`` points below the top of the page."""
        y = self.height - top - size * 0.88
        code = text.encode("utf-16-be").hex().encode()
        self.ops.append(b"BT /F1 %.2f Tf %.2f %.2f Td <%s> Tj ET" % (size, x, y, code))

    def text_right(self, right: float, top: float, text: str, size: float = 8.0) -> None:
        self.text(right - text_width(text, size), top, text, size)

    def line(self, x0: float, top0: float, x1: float, top1: float) -> None:
        h = self.height
        self.ops.append(b"0.5 w %.2f %.2f m %.2f %.2f l S" % (x0, h - top0, x1, h - top1))

    def picture(self, width: int, height: int, pixels: bytes) -> None:
        """A scanned page: one grey image over the whole page, and no text."""
        self.image = (width, height, pixels)


def document(
    pages: list[Page], *, user_password: str | None = None, owner_password: str = "owner"
) -> bytes:
    """The PDF file; encrypted (RC4 40-bit) when ``user_password`` is given ("" = opens
    without a password but is marked protected, as bank statements often are)."""
    # 1 catalog, 2 page tree, 3-5 the font; then per page: [image], contents, page
    objects: list[bytes] = [b"", b"", _FONTS[0] % 4, _FONTS[1] % 5, _FONTS[2]]
    streams: dict[int, tuple[bytes, bytes]] = {}  # object number -> (dictionary entries, data)
    kids = []
    for page in pages:
        resources = b"/Font << /F1 3 0 R >>"
        content = b"\n".join(page.ops)
        if page.image:
            w, h, pixels = page.image
            objects.append(b"")
            streams[len(objects)] = (
                b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode" % (w, h),
                zlib.compress(pixels, 9),
            )
            resources += b" /XObject << /Im1 %d 0 R >>" % len(objects)
            content = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q\n" % (page.width, page.height) + content
        objects.append(b"")
        streams[len(objects)] = (b"", content)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << %s >> "
            b"/Contents %d 0 R >>" % (page.width, page.height, resources, len(objects))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    file_id = hashlib.md5(b"".join(objects) + b"".join(d for _, d in streams.values())).digest()
    key, encrypt = b"", b""
    if user_password is not None:
        body, key = _encrypt_dictionary(user_password, owner_password, file_id)
        objects.append(body)
        encrypt = b" /Encrypt %d 0 R" % len(objects)
    return _write(objects, streams, key, file_id, encrypt)


def _write(
    objects: list[bytes],
    streams: dict[int, tuple[bytes, bytes]],
    key: bytes,
    file_id: bytes,
    encrypt: bytes,
) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        if key:
            body = _encrypt_strings(key, number, body)
        if number in streams:
            entries, data = streams[number]
            if key:
                data = _rc4(_object_key(key, number), data)
            body = b"<< /Length %d %s>>\nstream\n%s\nendstream" % (
                len(data),
                entries + b" " if entries else b"",
                data,
            )
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    ident = file_id.hex().encode()
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        ident,
        ident,
        encrypt,
        xref,
    )
    return bytes(out)


# --- the standard security handler, revision 2 (PDF 1.4 algorithms 3.1–3.4) ---------------


def _pad(password: str) -> bytes:
    return (password.encode("latin-1") + _PASSWORD_PAD)[:32]


def _encrypt_dictionary(user: str, owner: str, file_id: bytes) -> tuple[bytes, bytes]:
    permissions = -44  # printing allowed; changing and copying not
    owner_key = hashlib.md5(_pad(owner or user)).digest()[:5]
    o_value = _rc4(owner_key, _pad(user))
    p_bytes = (permissions & 0xFFFFFFFF).to_bytes(4, "little")
    key = hashlib.md5(_pad(user) + o_value + p_bytes + file_id).digest()[:5]
    u_value = _rc4(key, _PASSWORD_PAD)
    body = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
        o_value.hex().encode(),
        u_value.hex().encode(),
        permissions,
    )
    return body, key


def _encrypt_strings(key: bytes, number: int, body: bytes) -> bytes:
    """Every string in an encrypted file is encrypted too (the font's ``(Adobe)``)."""
    object_key = _object_key(key, number)
    return re.sub(
        rb"\(([^()\\]*)\)", lambda m: b"<%s>" % _rc4(object_key, m.group(1)).hex().encode(), body
    )


def _object_key(key: bytes, number: int) -> bytes:
    return hashlib.md5(key + number.to_bytes(3, "little") + b"\x00\x00").digest()[: len(key) + 5]


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray(len(data))
    i = j = 0
    for n, byte in enumerate(data):
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out[n] = byte ^ s[(s[i] + s[j]) % 256]
    return bytes(out)
