"""The rating decision: blacklist (R20), score and tier (R14-R17), macro adjustment (R18),
limit and price (R19), and the screening outcome that follows (R17, R20).

The outcome, first rule that applies:

1. a blacklist hit (R20): DECLINE at intake, nothing scored;
2. tier E on complete data (R17): DECLINE;
3. a legal flag (R18) or a missing indicator (R16): MANUAL_REVIEW (investigation, flagged).
   A tier E reached on incomplete data is not declined: the gap may be what sank it, so a
   person looks;
4. otherwise INVESTIGATE (tier D with its reduced limit included).

``decide`` assumes the application passed ``validate_application`` (R37: the owner's consent
is an ERROR there, so an application without it never reaches scoring).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from workstation.domain.application import Application, percent
from workstation.domain.limits import (
    LimitResult,
    MacroSettings,
    average_monthly_sales_fen,
    compute_limits,
    macro_plan,
)
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message
from workstation.domain.scoring import IndicatorScore, Scorecard, ScoreResult, score


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


WEAKEST_NAMED = 2  # how many of the lowest-scoring indicators the reasons name


def normalise_listed(value: str | None) -> str:
    """How identifiers are compared with the blacklist: stripped, upper-case."""
    return (value or "").strip().upper()


def blacklist_hits(
    app: Application, entries: Iterable[BlacklistEntry]
) -> tuple[BlacklistEntry, ...]:
    """The blacklist entries (R20, R33) that name this owner, business or platform account."""
    business = app.business
    ours = {
        ("owner_id_number", normalise_listed(business.owner_id_number)),
        ("credit_code", normalise_listed(business.credit_code)),
        ("platform_account", normalise_listed(business.platform_account)),
    }
    ours = {pair for pair in ours if pair[1]}  # a blank identifier matches nothing
    return tuple(entry for entry in entries if (entry.kind, entry.value.strip().upper()) in ours)


_HIT_TEXT = {
    "owner_id_number": QT_TRANSLATE_NOOP(
        "messages", "The owner's ID number is on the blacklist: {reason}"
    ),
    "credit_code": QT_TRANSLATE_NOOP(
        "messages", "The business's credit code is on the blacklist: {reason}"
    ),
    "platform_account": QT_TRANSLATE_NOOP(
        "messages", "The platform account is on the blacklist: {reason}"
    ),
}

_WEAK_TEXT = {
    "annual_sales": QT_TRANSLATE_NOOP(
        "messages", "Annual sales revenue scored {sub_score} of 100 (weight {weight}%)"
    ),
    "sales_growth": QT_TRANSLATE_NOOP(
        "messages", "Sales growth scored {sub_score} of 100 (weight {weight}%)"
    ),
    "order_count": QT_TRANSLATE_NOOP(
        "messages", "Order count scored {sub_score} of 100 (weight {weight}%)"
    ),
    "seller_rating": QT_TRANSLATE_NOOP(
        "messages", "Seller rating scored {sub_score} of 100 (weight {weight}%)"
    ),
    "transaction_activity": QT_TRANSLATE_NOOP(
        "messages", "Transaction activity scored {sub_score} of 100 (weight {weight}%)"
    ),
    "inventory_turnover": QT_TRANSLATE_NOOP(
        "messages", "Inventory turnover scored {sub_score} of 100 (weight {weight}%)"
    ),
    "asset_liability_ratio": QT_TRANSLATE_NOOP(
        "messages", "Asset-liability ratio scored {sub_score} of 100 (weight {weight}%)"
    ),
    "customer_reviews": QT_TRANSLATE_NOOP(
        "messages", "Customer reviews scored {sub_score} of 100 (weight {weight}%)"
    ),
    "complaints": QT_TRANSLATE_NOOP(
        "messages", "Complaints scored {sub_score} of 100 (weight {weight}%)"
    ),
}

_MISSING_TEXT = {
    "annual_sales": QT_TRANSLATE_NOOP(
        "messages", "Annual sales revenue not supplied: scored without it, review by hand"
    ),
    "sales_growth": QT_TRANSLATE_NOOP(
        "messages", "Sales growth not supplied: scored without it, review by hand"
    ),
    "order_count": QT_TRANSLATE_NOOP(
        "messages", "Order count not supplied: scored without it, review by hand"
    ),
    "seller_rating": QT_TRANSLATE_NOOP(
        "messages", "Seller rating not supplied: scored without it, review by hand"
    ),
    "transaction_activity": QT_TRANSLATE_NOOP(
        "messages", "Transaction activity not supplied: scored without it, review by hand"
    ),
    "inventory_turnover": QT_TRANSLATE_NOOP(
        "messages", "Inventory turnover not supplied: scored without it, review by hand"
    ),
    "asset_liability_ratio": QT_TRANSLATE_NOOP(
        "messages", "Asset-liability ratio not supplied: scored without it, review by hand"
    ),
    "customer_reviews": QT_TRANSLATE_NOOP(
        "messages", "Customer reviews not supplied: scored without it, review by hand"
    ),
    "complaints": QT_TRANSLATE_NOOP(
        "messages", "Complaints not supplied: scored without it, review by hand"
    ),
}

_LEGAL_TEXT = {
    "guarantees_outstanding": QT_TRANSLATE_NOOP(
        "messages", "Legal review: guarantees given for others are outstanding"
    ),
    "property_registration_issue": QT_TRANSLATE_NOOP(
        "messages", "Legal review: a property registration issue"
    ),
    "bankruptcy": QT_TRANSLATE_NOOP("messages", "Legal review: bankruptcy proceedings"),
    "litigation": QT_TRANSLATE_NOOP("messages", "Legal review: litigation"),
}


_MISSING_MESSAGES: dict[str, Message] = {}  # immutable, so one per key is shared


def hit_message(entry: BlacklistEntry) -> Message:
    template = _HIT_TEXT.get(
        entry.kind, QT_TRANSLATE_NOOP("messages", "On the blacklist ({kind}): {reason}")
    )
    return Message.of(template, kind=entry.kind, reason=entry.reason)


def weakest_indicators(
    result: ScoreResult, count: int = WEAKEST_NAMED
) -> tuple[IndicatorScore, ...]:
    """The present indicators that pulled the score down most: lowest sub-score (its
    contribution relative to its weight), the heavier first on a tie; full marks never."""
    present = [i for i in result.items if i.sub_score is not None and i.sub_score < 100]
    present.sort(key=lambda i: (i.sub_score, -i.weight))
    return tuple(present[:count])


def _weak_message(item: IndicatorScore) -> Message:
    template = _WEAK_TEXT.get(
        item.key,
        QT_TRANSLATE_NOOP("messages", "{indicator} scored {sub_score} of 100 (weight {weight}%)"),
    )
    sub = item.sub_score if item.sub_score is not None else Decimal(0)
    return Message.of(
        template,
        indicator=item.label,
        sub_score=str(sub.quantize(_TENTH)),
        weight=_percent(item.weight),
    )


_TENTH = Decimal("0.1")
_PERCENTS: dict[Decimal, str] = {}  # a card's few weights; equal values give equal text


def _percent(weight: Decimal) -> str:
    if not weight.is_finite():
        return percent(weight)
    found = _PERCENTS.get(weight)
    if found is None:
        if len(_PERCENTS) >= 256:
            _PERCENTS.clear()
        found = _PERCENTS[weight] = percent(weight)
    return found


def _missing_message(key: str) -> Message:
    found = _MISSING_MESSAGES.get(key)
    if found is None:
        if len(_MISSING_MESSAGES) >= 256:
            _MISSING_MESSAGES.clear()
        found = _MISSING_MESSAGES[key] = _new_missing_message(key)
    return found


def _new_missing_message(key: str) -> Message:
    template = _MISSING_TEXT.get(
        key,
        QT_TRANSLATE_NOOP(
            "messages", "{indicator} not supplied: scored without it, review by hand"
        ),
    )
    return Message.of(template, indicator=key)


def _score_reasons(result: ScoreResult) -> list[Message]:
    reasons = [
        Message.of(
            QT_TRANSLATE_NOOP("messages", "Score {score} of 100: tier {tier}"),
            score=str(result.total),
            tier=result.tier,
        )
    ]
    reasons += [_weak_message(item) for item in weakest_indicators(result)]
    reasons += [_missing_message(key) for key in result.missing]
    return reasons


_TIER_E_DECLINED = Message.of(QT_TRANSLATE_NOOP("messages", "Tier E is declined at screening"))
_OFFICER_REVIEWS = Message.of(
    QT_TRANSLATE_NOOP("messages", "Incomplete data or a legal flag: an officer reviews the case")
)
_LEGAL_MESSAGES: dict[str, Message] = {}


def _legal_message(flag: str) -> Message:
    found = _LEGAL_MESSAGES.get(flag)
    if found is None:
        found = _LEGAL_MESSAGES[flag] = Message.of(_LEGAL_TEXT.get(flag, flag))
    return found


def decide(
    app: Application,
    card: Scorecard,
    macro: MacroSettings,
    entries: Iterable[BlacklistEntry] = (),
) -> Decision:
    """Screen ``app``: blacklist, score on ``card``, tier, limits and the outcome (R17-R20)."""
    hits = blacklist_hits(app, entries)
    legal_flags = app.legal.flags
    if hits:
        return Decision(
            score=None,
            limit=None,
            multipliers=(),
            legal_flags=legal_flags,
            blacklist_hits=hits,
            outcome=Outcome.DECLINE,
            reasons=tuple(hit_message(entry) for entry in hits),
        )
    result = score(card, app)
    industry = app.business.industry
    avg = average_monthly_sales_fen(app.financials.annual_sales_fen)
    limit = compute_limits(app, result.tier, avg, macro, industry)
    plan = macro_plan(macro)
    _, industry_m, industry_said = plan.industry(industry)
    economy_m = plan.economy_m
    multipliers = (("industry", industry_m), ("economy", economy_m))
    reasons = _score_reasons(result)
    if industry_m < 1:
        reasons.append(industry_said)
    if economy_m < 1:
        reasons.append(plan.economy_message)
    reasons += [_legal_message(flag) for flag in legal_flags]
    outcome = _outcome(result, legal_flags)
    if outcome is Outcome.DECLINE:
        reasons.append(_TIER_E_DECLINED)
    elif outcome is Outcome.MANUAL_REVIEW:
        reasons.append(_OFFICER_REVIEWS)
    return Decision(
        score=result,
        limit=limit,
        multipliers=multipliers,
        legal_flags=legal_flags,
        blacklist_hits=(),
        outcome=outcome,
        reasons=tuple(reasons),
    )


def _outcome(result: ScoreResult, legal_flags: tuple[str, ...]) -> Outcome:
    if result.tier == "E" and result.complete:
        return Outcome.DECLINE
    if legal_flags or not result.complete:
        return Outcome.MANUAL_REVIEW
    return Outcome.INVESTIGATE
