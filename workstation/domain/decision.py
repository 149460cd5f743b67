"""The rating decision: blacklist (R20), score and tier (R14-R17), macro adjustment (R18),
limit and price (R19), and the screening outcome that follows (R17, R20).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from workstation.domain.limits import LimitResult
from workstation.domain.messages import Message
from workstation.domain.scoring import ScoreResult


class Outcome(StrEnum):
    DECLINE = "decline"  # tier E or a blacklist hit: declined at screening, with reasons
    INVESTIGATE = "investigate"  # on to investigation (D with its reduced limit)
    MANUAL_REVIEW = "manual_review"  # a legal flag or incomplete data: investigation, flagged


@dataclass(frozen=True)
class BlacklistEntry:
    """One blacklist line (R33): what is listed and why."""

    kind: str  # "owner_id_number" | "credit_code" | "platform_account"
    value: str
    reason: str


@dataclass(frozen=True)
class Decision:
    score: ScoreResult | None  # None when declined at intake on a blacklist hit
    limit: LimitResult | None
    multipliers: tuple[tuple[str, Decimal], ...]  # ("industry", 0.9), ("economy", 0.95)
    legal_flags: tuple[str, ...]
    blacklist_hits: tuple[BlacklistEntry, ...]
    outcome: Outcome
    reasons: tuple[Message, ...]  # why this outcome, for the officer and the owner
