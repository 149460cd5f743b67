"""What the rating services share: the records the window shows, the refusals, the
application as stored, and the scorecard and decision codecs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from workstation.domain import scoring
from workstation.domain.application import (
    Application,
    Business,
    Consent,
    CustomerKind,
    Problem,
    Product,
)
from workstation.domain.decision import Decision
from workstation.domain.limits import MacroSettings
from workstation.domain.messages import QT_TRANSLATE_NOOP, Message, RuleError
from workstation.domain.people import Role, mask_sensitive
from workstation.domain.scoring import Scorecard
from workstation.services import pipeline
from workstation.services.context import Context, Session
from workstation.store import cases as case_store
from workstation.store import codec
from workstation.store import rating as rating_store
from workstation.store.cases import StaleCase


@dataclass(frozen=True)
class StoredDecision:
    id: int
    case_id: int
    at: str
    by_name: str
    decision: Decision
    scorecard: Scorecard
    macro_version: int


@dataclass(frozen=True)
class RescoreSummary:
    """What a batch re-scoring did. The batch is advisory: it records a decision for each
    case in rating, investigation or approval and lists the changes; the cases themselves
    (stage, tier, risk, version) are untouched. ``rescore_case`` updates one case."""

    scored: int
    changed: tuple[tuple[int, str, str], ...]  # (case id, old "tier/outcome", new)
    cancelled: bool


@dataclass(frozen=True)
class ImportReport:
    created: tuple[int, ...]  # case ids
    rejected: tuple[tuple[int, str, Message], ...]  # (row number in the file, field, why)


@dataclass(frozen=True)
class MacroVersion:
    version: int
    at: str
    by_name: str | None
    settings: MacroSettings


@dataclass(frozen=True)
class BlacklistRow:
    id: int
    kind: str
    value: str
    reason: str
    added_by: str
    added_at: str
    lifted_by: str | None
    lifted_at: str | None
    lift_reason: str | None


class ApplicationProblems(RuleError):
    """Submission refused for the problems listed; the form marks each field."""

    def __init__(self, message: Message, problems: tuple[Problem, ...]) -> None:
        super().__init__(message)
        self.problems = problems


def _refuse(template: str, **params: Any) -> RuleError:
    return RuleError(Message.of(template, **params))


_SUPERVISOR_ONLY = {
    "macro": QT_TRANSLATE_NOOP("messages", "Only a supervisor may change the macro settings."),
    "blacklist": QT_TRANSLATE_NOOP("messages", "Only a supervisor may change the blacklist."),
    "rescore": QT_TRANSLATE_NOOP("messages", "Only a supervisor may re-score cases."),
}


def _require_supervisor(session: Session, what: str) -> None:
    """Settings and the blacklist are a supervisor's (R18, R33); default deny."""
    if session.role != Role.SUPERVISOR:
        raise _refuse(_SUPERVISOR_ONLY[what])


def _check_version(case: case_store.CaseRecord, expected_version: int) -> None:
    if case.version != expected_version:
        raise pipeline.stale_error(StaleCase(case.id, case.updated_by_name, case.updated_at))


def _application_of(
    ctx: Context, case_id: int
) -> tuple[Application, rating_store.ApplicationRow | None]:
    """The application with its consent, and its row: None for a case from before
    applications were kept (migration 2), whose application is built from the customer and
    case rows (business, product, amount; no figures, no consent) so it can be completed."""
    row = rating_store.application_row(ctx.store, case_id)
    if row is None:
        request = rating_store.case_request(ctx.store, case_id)
        if request is None:
            raise _refuse(
                QT_TRANSLATE_NOOP("messages", "Case {case} has no application."), case=case_id
            )
        columns, product, amount_fen = request
        business = Business(
            **{**columns, "kind": CustomerKind(columns["kind"])}  # type: ignore[arg-type]
        )
        return Application(business, Product(product), amount_fen), None
    app = codec.loads(Application, row.data)
    consent = Consent(row.consent_given, row.consent_at, row.consent_by, row.consent_method)
    return replace(app, consent=consent), row


def _data_text(app: Application) -> str:
    """The stored JSON: the consent lives in its own columns, recorded by its own use case."""
    return codec.dumps(replace(app, consent=Consent()))


@lru_cache(maxsize=64)
def _scorecard_from_text(text: str) -> Scorecard:
    import json

    return scoring.scorecard_from_dict(json.loads(text))


def _scorecard_text(card: Scorecard) -> str:
    import json

    return json.dumps(scoring.scorecard_to_dict(card), ensure_ascii=False, separators=(",", ":"))


def _masked_hits(decision: Decision) -> Decision:
    """The decision with each blacklist hit's value masked (R37): it is stored in the
    decision's details and shown to every role; the reason explains the decline."""
    if not decision.blacklist_hits:
        return decision
    hits = tuple(replace(h, value=mask_sensitive(h.value)) for h in decision.blacklist_hits)
    return replace(decision, blacklist_hits=hits)
