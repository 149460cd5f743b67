"""The rating settings (R18, R20, R33): versioned scorecards and macro settings, and the
blacklist. Each change is one transaction with an audit event; a supervisor's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workstation.domain import decision as decision_rules
from workstation.domain import scoring
from workstation.domain.application import (
    Application,
)
from workstation.domain.decision import BlacklistEntry
from workstation.domain.limits import MacroSettings
from workstation.domain.messages import QT_TRANSLATE_NOOP
from workstation.domain.people import Permission, mask_sensitive
from workstation.domain.scoring import Scorecard
from workstation.services.context import Context, Session, require
from workstation.services.rating_common import (
    BlacklistRow,
    MacroVersion,
    _refuse,
    _require_supervisor,
    _scorecard_from_text,
    _scorecard_text,
)
from workstation.store import codec
from workstation.store import rating as rating_store
from workstation.store import users as user_store
from workstation.store.cases import CaseRecord

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_SCORECARDS = RESOURCES / "scorecards" / "default.json"
BLACKLIST_KINDS = ("owner_id_number", "credit_code", "platform_account")
DEFAULT_ECONOMY = "neutral"


def _ensure_settings(ctx: Context) -> None:
    """Seed version 1 of each scorecard (resources/scorecards/default.json) and of the macro
    settings on first use; the caller holds the transaction."""
    at = ctx.stamp()
    stored = rating_store.latest_scorecards(ctx.store)
    if len(stored) < len(scoring.KINDS):
        cards = scoring.default_scorecards(DEFAULT_SCORECARDS.read_text(encoding="utf-8"))
        for kind, card in cards.items():
            if kind not in stored:
                rating_store.insert_scorecard(
                    ctx.store, kind, card.version, _scorecard_text(card), at, None
                )
    if rating_store.latest_macro(ctx.store) is None:
        first = MacroSettings(version=1, industry_outlook=(), economy=DEFAULT_ECONOMY)
        rating_store.insert_macro(ctx.store, 1, codec.dumps(first), at, None)


def _settings_ready(ctx: Context) -> None:
    if ctx.store.conn.in_transaction:
        _ensure_settings(ctx)
        return
    stored = rating_store.latest_scorecards(ctx.store)
    if len(stored) < len(scoring.KINDS) or rating_store.latest_macro(ctx.store) is None:
        with ctx.store.write():
            _ensure_settings(ctx)


def current_scorecards(ctx: Context) -> dict[str, Scorecard]:
    """The scorecard in force for each customer kind (the newest version)."""
    _settings_ready(ctx)
    return {
        kind: _scorecard_from_text(text)
        for kind, (_, text) in rating_store.latest_scorecards(ctx.store).items()
    }


def _macro_of(row: rating_store.SettingRow) -> MacroSettings:
    return replace(codec.loads(MacroSettings, row.definition), version=row.version)


def macro_settings(ctx: Context) -> MacroSettings:
    """The macro adjustment in force (R18)."""
    _settings_ready(ctx)
    row = rating_store.latest_macro(ctx.store)
    assert row is not None
    return _macro_of(row)


def update_macro_settings(
    ctx: Context,
    session: Session,
    industry_outlook: tuple[tuple[str, str], ...],
    economy: str,
    expected_version: int | None = None,
) -> MacroSettings:
    """A new version of the macro settings; earlier versions are kept with who and when.

    With ``expected_version`` (the version the supervisor edited) a newer version saved
    meanwhile refuses the change, naming who saved it and when: no lost update.
    """
    _require_supervisor(session, "macro")
    at = ctx.stamp()
    with ctx.store.write():
        _ensure_settings(ctx)
        row = rating_store.latest_macro(ctx.store)
        assert row is not None
        if expected_version is not None and row.version != expected_version:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The macro settings were changed by {who} at {when} (version {version}); "
                    "they have been reloaded. Nothing of yours was saved; check them and try "
                    "again.",
                ),
                who=row.created_by_name or "?",
                when=row.created_at.replace("T", " "),
                version=row.version,
            )
        current = _macro_of(row)
        outlooks = {name for name, _ in current.industry_multipliers}
        if economy not in {name for name, _ in current.economy_multipliers}:
            raise _refuse(
                QT_TRANSLATE_NOOP("messages", "“{value}” is not an economic stance."),
                value=economy,
            )
        cleaned: list[tuple[str, str]] = []
        for industry, outlook in industry_outlook:
            if outlook not in outlooks:
                raise _refuse(
                    QT_TRANSLATE_NOOP("messages", "“{value}” is not an industry outlook."),
                    value=outlook,
                )
            if industry.strip():
                cleaned.append((industry.strip(), outlook))
        new = replace(
            current,
            version=current.version + 1,
            industry_outlook=tuple(sorted(dict(cleaned).items())),
            economy=economy,
        )
        rating_store.insert_macro(ctx.store, new.version, codec.dumps(new), at, session.user_id)
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="macro_settings",
            entity_id=new.version,
            action="settings:macro",
            before=codec.to_plain(current),
            after=codec.to_plain(new),
        )
    return new


def macro_history(ctx: Context) -> list[MacroVersion]:
    """Every macro settings version, oldest first, with who set it and when."""
    _settings_ready(ctx)
    return [
        MacroVersion(r.version, r.created_at, r.created_by_name, _macro_of(r))
        for r in rating_store.macro_rows(ctx.store)
    ]


def blacklist_entries(
    ctx: Context, session: Session, include_lifted: bool = False
) -> list[BlacklistRow]:
    """The entries, listed values masked for every role (R37): a list is no audited reveal,
    and the reason, who and when are what a supervisor manages the list by."""
    require(session, Permission.VIEW_CASES)
    return [
        BlacklistRow(*vars(replace(r, value=mask_sensitive(r.value))).values())
        for r in rating_store.blacklist_rows(ctx.store, include_lifted)
    ]


def add_to_blacklist(ctx: Context, session: Session, kind: str, value: str, reason: str) -> int:
    """List an owner ID, business code or platform account (R33); a reason is required."""
    _require_supervisor(session, "blacklist")
    if kind not in BLACKLIST_KINDS:
        raise _refuse(QT_TRANSLATE_NOOP("messages", "“{value}” cannot be blacklisted."), value=kind)
    value = decision_rules.normalise_listed(value)  # as the check compares it
    if not value:
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give the value to blacklist."))
    if not reason.strip():
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give a reason for the blacklist entry."))
    at = ctx.stamp()
    with ctx.store.write():
        entry = rating_store.insert_blacklist(
            ctx.store, kind, value, reason.strip(), session.user_id, at
        )
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="blacklist",
            entity_id=entry,
            action="blacklist:add",
            after={
                "kind": kind,
                "value": _masked_value(kind, value),
                "reason": reason.strip(),
            },
        )
    return entry


def _masked_value(kind: str, value: str) -> str:
    return mask_sensitive(value) if kind == "owner_id_number" else value


def lift_blacklist_entry(ctx: Context, session: Session, entry_id: int, reason: str) -> None:
    """Lift an entry (R33): supervisor, with a reason; the entry stays on record."""
    _require_supervisor(session, "blacklist")
    if not reason.strip():
        raise _refuse(QT_TRANSLATE_NOOP("messages", "Give a reason for lifting the entry."))
    at = ctx.stamp()
    with ctx.store.write():
        if not rating_store.lift_blacklist(
            ctx.store, entry_id, session.user_id, at, reason.strip()
        ):
            raise _refuse(
                QT_TRANSLATE_NOOP("messages", "There is no blacklist entry {entry} in force."),
                entry=entry_id,
            )
        user_store.record_audit(
            ctx.store,
            at=at,
            actor_id=session.user_id,
            entity="blacklist",
            entity_id=entry_id,
            action="blacklist:lift",
            before={"lifted": False},
            after={"lifted": True, "reason": reason.strip()},
        )


def blacklist_of_case(ctx: Context, case: CaseRecord) -> tuple[BlacklistEntry, ...]:
    """Entries in force now on the case's customer (its owner's ID, credit code or platform
    account): R33 refuses it any new loan, whenever the entry was made."""
    pairs = [
        (kind, decision_rules.normalise_listed(value))
        for kind, value in (
            ("owner_id_number", case.owner_id_number),
            ("credit_code", case.credit_code),
            ("platform_account", case.platform_account),
        )
        if value
    ]
    return tuple(
        BlacklistEntry(k, v, r)
        for k, v, r in rating_store.active_blacklist_matching(ctx.store, pairs)
    )


def _blacklist_for(ctx: Context, app: Application) -> tuple[BlacklistEntry, ...]:
    """Entries in force that could match this applicant (looked up by the index)."""
    b = app.business
    pairs = [
        (kind, decision_rules.normalise_listed(value))
        for kind, value in (
            ("owner_id_number", b.owner_id_number),
            ("credit_code", b.credit_code),
            ("platform_account", b.platform_account),
        )
        if value
    ]
    return tuple(
        BlacklistEntry(k, v, r)
        for k, v, r in rating_store.active_blacklist_matching(ctx.store, pairs)
    )
