"""Imported statements → the rebuilt statement (R24), without a database.

The adapter between the importers' records and the domain's rules: an ``ImportResult``
becomes a ``StatementFile`` without copying its records (``Transaction`` already has every
field the rules read); which account a file is, and how other statements name it, is read
from its source and preamble here, so the domain knows nothing of export formats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from workstation.domain.application import Financials
from workstation.domain.classify import DEFAULT_RULES, Category, Classifier, Owner, Rule
from workstation.domain.rebuild import (
    DEFAULT_SETTINGS,
    AccountKind,
    RebuildSettings,
    RebuiltStatement,
    StatementFile,
    rebuild,
)
from workstation.domain.rebuild_checks import UtilityUsage
from workstation.importers.detect import read_statement
from workstation.importers.records import ImportResult

PAYMENT_APPS: dict[str, tuple[str, ...]] = {
    "alipay": ("支付宝", "Alipay"),
    "wechat": ("微信", "财付通", "WeChat"),
}
# How statements and bills name each bank; the key is the source without its layout suffix.
BANKS: dict[str, tuple[str, ...]] = {
    "icbc": ("工商银行", "工行", "ICBC"),
    "ccb": ("建设银行", "建行", "CCB"),
    "cmb": ("招商银行", "招行", "CMB"),
    "bocom": ("交通银行", "交行", "BOCOM"),
    "abc": ("农业银行", "农行", "ABC"),
    "boc": ("中国银行", "中行", "BOC"),
    "psbc": ("邮储银行", "邮政储蓄", "PSBC"),
}
_DIGITS = re.compile(r"\d{4,}")


def institution(source: str) -> str:
    """``bank_ccb_signed`` → ``ccb``; ``alipay`` → ``alipay``: one name per bank or platform,
    whatever layout its export came in."""
    if source in PAYMENT_APPS:
        return source
    parts = source.split("_")
    return parts[1] if parts[0] == "bank" and len(parts) > 1 else source


def statement_file(result: ImportResult) -> StatementFile:
    """The domain's view of one imported file (no record is copied)."""
    source = str(result.source)
    where = institution(source)
    kind = AccountKind.PAYMENT_APP if where in PAYMENT_APPS else AccountKind.BANK
    number = result.account.account.strip()
    holder = result.account.owner.strip()
    account = f"{where}:{number or holder}" if number or holder else ""
    aliases = [*PAYMENT_APPS.get(where, BANKS.get(where, ()))]
    digits = "".join(_DIGITS.findall(number))
    if number:
        aliases.append(number)
    if len(digits) >= 4 and "*" not in number:
        aliases += [f"({digits[-4:]})", f"尾号{digits[-4:]}"]
    period = (result.period.start, result.period.end) if result.period else None
    return StatementFile(
        result.file_name,
        result.file_sha256,
        kind,
        account,
        result.transactions,
        period,
        tuple(aliases),
    )


def owner_of(
    results: Iterable[ImportResult], names: Iterable[str] = (), accounts: Iterable[str] = ()
) -> Owner:
    """The owner's names and accounts: those given, and every statement's holder and account
    (money to a name that holds one of the uploaded statements moves between own accounts)."""
    all_names, all_accounts = [n.strip() for n in names], [a.strip() for a in accounts]
    for result in results:
        all_names.append(result.account.owner.strip())
        all_accounts.append(result.account.account.strip())
    return Owner(
        tuple(dict.fromkeys(n for n in all_names if n)),
        tuple(dict.fromkeys(a for a in all_accounts if a)),
    )


def read_files(paths: Sequence[Path]) -> list[ImportResult]:
    """Every file read whole, in order; the first refused file raises ``StatementRefused``."""
    return [read_statement(path) for path in paths]


def rebuild_results(
    results: Sequence[ImportResult],
    *,
    owner_names: Iterable[str] = (),
    owner_accounts: Iterable[str] = (),
    rules: Sequence[Rule] = DEFAULT_RULES,
    overrides: Mapping[str, Category] | None = None,
    row_overrides: Mapping[tuple[str, int], Category] | None = None,
    through: date | None = None,
    utilities: Sequence[UtilityUsage] = (),
    declared: Financials | None = None,
    adjusted: Financials | None = None,
    settings: RebuildSettings = DEFAULT_SETTINGS,
) -> RebuiltStatement:
    """Classify and rebuild imported statements (R24): the one call the window and the
    command line make. ``overrides`` are the officer's classes by counterparty,
    ``row_overrides`` by (file SHA-256, line)."""
    classifier = Classifier(
        rules, dict(overrides or {}), owner_of(results, owner_names, owner_accounts)
    )
    return rebuild(
        [statement_file(r) for r in results],
        classifier,
        through=through,
        row_overrides=row_overrides,
        utilities=utilities,
        declared=declared,
        adjusted=adjusted,
        settings=settings,
    )
