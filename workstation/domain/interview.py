"""The investigation's paperwork (R23): the owner's interview and the documents requested.

A case leaves investigation (is recommended) only when the owner has been interviewed with
the identity check done, and every required document has been received or waived by a
supervisor with a reason. What is required depends on the customer: everyone gives a
personal bank statement and an electricity bill; platform sellers also give their Alipay or
WeChat Pay export (their trade shows there first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from workstation.domain.messages import QT_TRANSLATE_NOOP, Message


class DocumentKind(StrEnum):
    BANK_STATEMENT = "bank_statement"  # 银行流水, the last 12 months
    PAYMENT_EXPORT = "payment_export"  # 支付宝 / 微信支付 账单
    ELECTRICITY_BILL = "electricity_bill"  # 电费单
    WATER_BILL = "water_bill"  # 水费单
    BUSINESS_LICENCE = "business_licence"  # 营业执照
    LEASE = "lease"  # 租赁合同 (premises)
    OTHER = "other"


REQUIRED: Mapping[str, tuple[DocumentKind, ...]] = {
    "platform": (
        DocumentKind.BANK_STATEMENT,
        DocumentKind.PAYMENT_EXPORT,
        DocumentKind.ELECTRICITY_BILL,
    ),
    "off_platform": (DocumentKind.BANK_STATEMENT, DocumentKind.ELECTRICITY_BILL),
}


class InterviewMode(StrEnum):
    VIDEO = "video"  # 视频面谈
    ONLINE = "online"  # 在线(语音/文字)
    ON_SITE = "on_site"  # 上门


# The checklist of a video interview (R23), in the order it is asked. The identity check is
# the one that must be done: without it the interview does not count.
IDENTITY = "identity"
CHECKLIST: tuple[str, ...] = (
    IDENTITY,  # the person on the call is the owner on the ID card
    "premises",  # shop, stall or warehouse shown
    "stock",  # goods on hand shown, matching the declared inventory
    "business",  # what is sold, to whom, through which channels
    "use_of_funds",  # what the loan is for
    "other_debts",  # other loans, guarantees, private lending
    "consent",  # consent to the data use and credit queries confirmed again
)


@dataclass(frozen=True)
class Interview:
    held_at: str  # when the interview took place (ISO, local time)
    investigator_id: int
    mode: InterviewMode
    checked: frozenset[str] = field(default_factory=frozenset)  # checklist items done
    notes: str = ""


@dataclass(frozen=True)
class DocumentStatus:
    kind: DocumentKind
    requested: bool
    received: bool  # an upload of this kind, or marked received by the officer
    waived: bool  # a supervisor waived it, with a reason

    @property
    def outstanding(self) -> bool:
        return not (self.received or self.waived)


def interview_problems(interview: Interview) -> tuple[Message, ...]:
    problems = []
    unknown = interview.checked - set(CHECKLIST)
    if unknown:
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP("messages", "Unknown checklist items: {items}."),
                items=", ".join(sorted(unknown)),
            )
        )
    if not interview.notes.strip():
        problems.append(
            Message.of(QT_TRANSLATE_NOOP("messages", "Write down what the interview found."))
        )
    return tuple(problems)


def required_documents(customer_kind: str) -> tuple[DocumentKind, ...]:
    return REQUIRED.get(customer_kind, REQUIRED["off_platform"])


def leave_investigation_problems(
    customer_kind: str,
    interviews: Iterable[Interview],
    documents: Iterable[DocumentStatus],
) -> tuple[Message, ...]:
    """Why the case cannot leave investigation yet; empty when it can (R23)."""
    problems: list[Message] = []
    if not any(IDENTITY in i.checked for i in interviews):
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The owner has not been interviewed with the identity check done.",
                )
            )
        )
    status = {d.kind: d for d in documents}
    missing = [
        kind.value
        for kind in required_documents(customer_kind)
        if kind not in status or status[kind].outstanding
    ]
    missing += [
        d.kind.value
        for d in status.values()
        if d.requested and d.outstanding and d.kind.value not in missing
    ]
    if missing:
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Documents still missing: {kinds}. Receive them, or ask a supervisor "
                    "to waive them.",
                ),
                kinds=", ".join(missing),
            )
        )
    return tuple(problems)
