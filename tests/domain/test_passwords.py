"""Password hashes (DESIGN.md "People"): slow, salted, self-describing, never crash on junk."""

from __future__ import annotations

import pytest

from workstation.domain.passwords import (
    OWASP_N,
    hash_password,
    password_problem,
    verify_password,
)

CHEAP = 2**10


def test_right_password_verifies_wrong_one_does_not() -> None:
    stored = hash_password("correct horse", n=CHEAP)
    assert verify_password("correct horse", stored)
    assert not verify_password("correct horsE", stored)
    assert not verify_password("", stored)


def test_hash_carries_its_parameters_and_a_fresh_salt() -> None:
    stored = hash_password("密码很长很长", n=CHEAP)
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", CHEAP, 8, 1)
    assert len(bytes.fromhex(salt)) == 16
    assert len(bytes.fromhex(digest)) == 64
    assert "密码" not in stored
    again = hash_password("密码很长很长", n=CHEAP)
    assert again != stored  # salted: the same password never gives the same string
    assert verify_password("密码很长很长", again)


def test_default_cost_is_owasp() -> None:
    assert OWASP_N == 2**17


def test_a_hash_made_at_another_cost_still_verifies() -> None:
    stored = hash_password("s3cret-pass", n=2**11)
    assert verify_password("s3cret-pass", stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "!",  # the system user's placeholder
        "plaintext-password",
        "bcrypt$1024$8$1$00$00",
        "scrypt$1024$8$1$00",
        "scrypt$1024$8$1$00$00$00",
        "scrypt$abc$8$1$00$00",
        "scrypt$1000$8$1$00$00",  # n not a power of two
        "scrypt$1024$0$1$00$00",
        "scrypt$99999999999999999999$8$1$00$00",
        "scrypt$1024$8$1$zz$00",
        "scrypt$1024$8$1$00$é",  # non-ASCII digest
        "scrypt$1024$8$1$00$密码",
    ],
)
def test_malformed_hash_is_simply_false(stored: str) -> None:
    assert verify_password("anything", stored) is False


def test_tampered_digest_is_false() -> None:
    stored = hash_password("long enough", n=CHEAP)
    flipped = stored[:-1] + ("0" if stored[-1] != "0" else "1")
    assert not verify_password("long enough", flipped)


def test_weak_password_problem() -> None:
    assert password_problem("short") == "too_short"
    assert password_problem("1234567") == "too_short"
    assert password_problem("12345678") is None
