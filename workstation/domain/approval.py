"""Approval (R25, R39): the terms a limit is approved on, who may approve them, and the
straight-through lane.

- ``LoanTerms``: what a recommendation proposes and an approval fixes: product, limit,
  daily rate, term and repayment plan (R3-R5, R9).
- Authority by amount: every approver has an amount they may approve alone (set by an
  admin; none set is none held, deny by default). A limit within the approver's authority is
  approved by one signature. Above it the approver's signature is recorded as the first of
  two, and the approval completes when a second, different person whose own authority covers
  the limit signs the same terms. Signatures on other terms (before an amendment) do not
  count. Maker-checker (R25) is judged by the state machine: nobody who worked on the case
  signs.
- The lane (R39): a platform case with complete data, tier A or B, no flag of any kind and
  a limit within the system's own authority (CNY 50,000 by default, set by an admin) is
  approved by the system.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from workstation.domain.limits import (
    DAILY_RATES,
    KIND_CAPS_FEN,
    LONGEST_TERM_MONTHS,
    annual_rate,
)
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.domain.schedule import Plan

SYSTEM_AUTHORITY_FEN = 50_000 * 100  # R39 default
REWARD_DISCOUNT = Decimal("0.10")  # R28: at most 10% off the product's daily rate
STRAIGHT_THROUGH_TIERS = ("A", "B")  # R39


@dataclass(frozen=True)
class LoanTerms:
    """What an approval fixes (R25)."""

    product: str  # "credit" | "order"
    limit_fen: int
    daily_rate: Decimal
    term_months: int
    plan: Plan

    @property
    def annual_rate(self) -> Decimal:
        """Shown first, before the daily rate (R35)."""
        return annual_rate(self.daily_rate)


def lowest_rate(product: str) -> Decimal:
    """The least daily rate a product may be priced at: its R3/R4 rate less the R28 reward."""
    return DAILY_RATES[product] * (1 - REWARD_DISCOUNT)


def terms_problems(terms: LoanTerms, customer_kind: str) -> tuple[Message, ...]:
    """Why ``terms`` cannot be approved for a customer of ``customer_kind``; empty when they
    can."""
    problems: list[Message] = []
    if terms.product not in DAILY_RATES:
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "Unknown product “{product}”."),
                product=terms.product,
            )
        )
        return tuple(problems)
    if terms.product == "order" and customer_kind != "platform":
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages", "Order loans are only for platform sellers; choose a credit loan."
                )
            )
        )
    cap = KIND_CAPS_FEN.get(customer_kind, 0)
    if terms.limit_fen <= 0:
        problems.append(
            Message.of(QT_TRANSLATE_NOOP("messages", "The limit must be more than zero."))
        )
    elif terms.limit_fen > cap:
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages", "The limit is above the cap of CNY {cap} for this customer."
                ),
                cap=f"{cap // 100:,}",
            )
        )
    if not 1 <= terms.term_months <= LONGEST_TERM_MONTHS:
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "The term must be 1 to {longest} months, not {term}"),
                longest=LONGEST_TERM_MONTHS,
                term=terms.term_months,
            )
        )
    highest, lowest = DAILY_RATES[terms.product], lowest_rate(terms.product)
    if not lowest <= terms.daily_rate <= highest:
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The daily rate must be between {lowest}% and {highest}% for this product.",
                ),
                lowest=f"{lowest * 100:f}".rstrip("0"),
                highest=f"{highest * 100:f}".rstrip("0"),
            )
        )
    return tuple(problems)


@dataclass(frozen=True)
class Signature:
    """One approver's sign-off on a set of terms."""

    user_id: int
    authority_fen: int
    terms: LoanTerms


def approval_complete(terms: LoanTerms, signatures: Sequence[Signature]) -> bool:
    """True when someone who signed exactly ``terms`` holds the authority for its limit (the
    first of two signatures counts only through the second's)."""
    return any(s.terms == terms and s.authority_fen >= terms.limit_fen for s in signatures)


def needs_second_approver(terms: LoanTerms, authority_fen: int) -> bool:
    return terms.limit_fen > authority_fen


def second_signature_problem(
    terms: LoanTerms, signatures: Sequence[Signature], user_id: int, authority_fen: int
) -> Message | None:
    """Why ``user_id`` cannot give the second signature on ``terms``, or None."""
    first = [s for s in signatures if s.terms == terms]
    if any(s.user_id == user_id for s in first):
        return Message.of(
            QT_TRANSLATE_NOOP(
                "messages", "You have already signed these terms; a second approver must sign."
            )
        )
    if first and authority_fen < terms.limit_fen:
        return Message.of(
            QT_TRANSLATE_NOOP(
                "messages",
                "A limit of CNY {limit} is above your approval authority (CNY {authority}); "
                "a supervisor with enough authority must give the second signature.",
            ),
            limit=f"{terms.limit_fen // 100:,}",
            authority=f"{authority_fen // 100:,}",
        )
    return None


@dataclass(frozen=True)
class LaneFacts:
    """What the straight-through lane (R39) looks at."""

    customer_kind: str
    outcome: str  # the rating decision's outcome: "investigate" means complete and unflagged
    tier: str | None
    flags: tuple[str, ...]  # blacklist, legal, gap, meter, warning: any at all keeps it out
    limit_fen: int
    missing: tuple[str, ...] = ()  # R12 figures or indicators not supplied: not complete data


def lane_refusals(facts: LaneFacts, system_authority_fen: int) -> tuple[str, ...]:
    """Why a case does not take the lane (codes, for the record); empty when it does."""
    reasons: list[str] = []
    if facts.customer_kind != "platform":
        reasons.append("off_platform")
    if facts.outcome != "investigate":
        reasons.append("incomplete_or_flagged")
    if facts.tier not in STRAIGHT_THROUGH_TIERS:
        reasons.append("tier")
    if facts.flags:
        reasons.append("flags")
    if facts.missing:
        reasons.append("incomplete_data")
    if not 0 < facts.limit_fen <= system_authority_fen:
        reasons.append("above_system_authority")
    return tuple(reasons)
