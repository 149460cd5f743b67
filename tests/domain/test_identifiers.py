"""Checksums of the resident ID (GB 11643) and the unified social credit code (GB 32100)."""

from __future__ import annotations

import pytest

from workstation.domain.identifiers import (
    id_check_char,
    is_valid_credit_code,
    is_valid_id_number,
    uscc_check_char,
)

VALID_IDS = ("11010519491231002X", "440524188001010014", "11010119900307803X")
VALID_CODES = ("91350100M000100Y43", "91110000600037341L")


@pytest.mark.parametrize("value", VALID_IDS)
def test_known_id_numbers_are_valid(value: str) -> None:
    assert is_valid_id_number(value)
    assert is_valid_id_number(value.lower())  # a lower-case x is still the check letter
    assert is_valid_id_number(f"  {value} ")


def test_id_check_char_by_hand() -> None:
    # 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 % 11 = 2
    assert id_check_char("11010519491231002") == "X"


@pytest.mark.parametrize("value", VALID_IDS)
def test_a_flipped_digit_makes_an_id_invalid(value: str) -> None:
    for position in range(17):
        digit = int(value[position])
        typo = value[:position] + str((digit + 1) % 10) + value[position + 1 :]
        assert not is_valid_id_number(typo), typo


@pytest.mark.parametrize(
    "value",
    ["", "11010519491231002", "11010519491231002XX", "1101051949123100AX", "11010519491231002Y"],
)
def test_malformed_ids_are_invalid(value: str) -> None:
    assert not is_valid_id_number(value)


@pytest.mark.parametrize("value", VALID_CODES)
def test_published_credit_codes_are_valid(value: str) -> None:
    assert is_valid_credit_code(value)
    assert uscc_check_char(value[:17]) == value[17]


@pytest.mark.parametrize("value", VALID_CODES)
def test_a_changed_character_makes_a_credit_code_invalid(value: str) -> None:
    for position in range(18):
        for replacement in "07AY":
            if replacement == value[position]:
                continue
            typo = value[:position] + replacement + value[position + 1 :]
            assert not is_valid_credit_code(typo), typo


@pytest.mark.parametrize(
    "value",
    ["", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43", "91350100O000100Y4Z"],
)
def test_malformed_credit_codes_are_invalid(value: str) -> None:
    assert not is_valid_credit_code(value)  # I, O, S, V, Z are never used
