"""Damaged files of every format: a refusal naming the file, never a traceback (issue 4).

Files get cut short or corrupted in e-mail and on USB sticks. Whatever the damage, reading
either gives the file's records or refuses it with a ``StatementRefused`` whose message names
the file; no other exception reaches the caller, and no half-read result.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.importers import make_fixtures as mk
from workstation.importers.detect import OLD_EXCEL, read_statement, read_utility_bills
from workstation.importers.records import StatementRefused
from workstation.importers.tables import DAMAGED_XLSX

STATEMENTS = sorted(n for n in mk.BUILDERS if n != "utility.csv")


def outcome(raw: bytes, name: str) -> str:
    """'read' or 'refused'; anything else (an exception of another kind) fails the test."""
    reader = read_utility_bills if name == "utility.csv" else read_statement
    try:
        reader(raw, name)
    except StatementRefused as refusal:
        assert dict(refusal.message.params)["file"] == name
        assert name in str(refusal)
        assert all(name in str(p.message) for p in refusal.problems)
        return "refused"
    return "read"


@pytest.mark.parametrize("name", [*STATEMENTS, "utility.csv"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_file_cut_anywhere(name: str, data: st.DataObject) -> None:
    raw = (mk.FIXTURES / name).read_bytes()
    keep = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    outcome(raw[:keep], name)


@pytest.mark.parametrize("name", [*STATEMENTS, "utility.csv"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_file_with_damaged_bytes(name: str, data: st.DataObject) -> None:
    raw = bytearray((mk.FIXTURES / name).read_bytes())
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[at] = data.draw(st.integers(min_value=0, max_value=255))
    outcome(bytes(raw), name)


def test_a_password_protected_xlsx_is_told_as_such() -> None:
    """Excel stores an encrypted .xlsx in an OLE2 container, like an old .xls: the message
    asks for it saved without a password, not 'not what its name says'."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
    for reader in (read_statement, read_utility_bills):
        with pytest.raises(StatementRefused) as caught:
            reader(ole, "流水.xlsx")
        assert caught.value.message.template == OLD_EXCEL


def test_a_workbook_whose_zip_claims_an_unknown_version() -> None:
    """A damaged byte in the zip directory made zipfile raise NotImplementedError (found by
    the damaged-bytes test above): now a refusal like any damaged workbook."""
    raw = bytearray(mk.ccb_xlsx())
    directory = raw.index(b"PK\x01\x02")
    raw[directory + 6] = 252  # "version needed to extract": 25.2
    with pytest.raises(StatementRefused) as caught:
        read_statement(bytes(raw), "ccb.xlsx")
    assert caught.value.message.template == DAMAGED_XLSX
