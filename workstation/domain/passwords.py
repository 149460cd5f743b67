"""Password hashes: scrypt with OWASP's parameters (N=2^17, r=8, p=1), salted.

The stored string carries its own parameters, so a hash made with other costs (tests use a
cheap one) still verifies, and costs can be raised later without locking anyone out.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

OWASP_N = 2**17
_R, _P = 8, 1
_MAXMEM = 256 * 1024 * 1024
MIN_LENGTH = 8


def hash_password(password: str, n: int = OWASP_N) -> str:
    """A ``scrypt$n$r$p$salt$hash`` string; about 0.3 s of CPU at the default cost."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=_R, p=_P, maxmem=_MAXMEM)
    return f"scrypt${n}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; constant-time on the digest."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest)  # a non-hex (or non-ASCII) digest is malformed
        candidate = hashlib.scrypt(
            password.encode(),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MAXMEM,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, expected)


def password_problem(password: str) -> str | None:
    """Why a new password is too weak, or None."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    return None
